"""Shared fixtures: the shared research material, and fresh registries on each engine."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _shared() -> Path:
    return (REPO / os.environ.get("FOEDUS_SHARED", "../shared")).resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``FOEDUS_SHARED`` (default ``../shared``); skips the test where it is absent."""
    path = _shared()
    if not (path / "data").is_dir():
        pytest.skip(f"shared research material not found at {path} (set FOEDUS_SHARED)")
    return path


@pytest.fixture(scope="session")
def corpus_dir(shared_dir: Path) -> Path:
    """The labelled agreement corpus in the shared material."""
    path = shared_dir / "corpus"
    if not path.is_dir():
        pytest.skip(f"labelled corpus not found at {path}")
    return path
