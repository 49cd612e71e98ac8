"""Shared fixtures: the shared research material, and fresh registries on each engine."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import Engine

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


POSTGRES_ENV = "FOEDUS_TEST_POSTGRES_URL"


def _fresh_engine(url: str) -> Engine:
    """An engine on ``url`` with every Foedus table dropped, then migrated to head."""
    from sqlalchemy import text

    from foedus.storage import create_engine_for, upgrade
    from foedus.storage.schema import metadata

    engine = create_engine_for(url)
    with engine.begin() as connection:
        metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    upgrade(engine)
    return engine


def _engine_url(kind: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('registry') / 'foedus.sqlite'}"
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV} (CI starts a server and sets it)")
    return url


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def loaded_engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Engine:
    """A registry with every bundled dataset loaded, once per engine kind per session."""
    from foedus.datasets.registry_load import load_all

    engine = _fresh_engine(_engine_url(request.param, tmp_path_factory))
    load_all(engine)
    return engine


@pytest.fixture(scope="session")
def registry_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """A fully loaded SQLite registry shared by the tests of the layers above storage."""
    from foedus.datasets.registry_load import load_all

    engine = _fresh_engine(_engine_url("sqlite", tmp_path_factory))
    load_all(engine)
    return engine


@pytest.fixture
def empty_engine(tmp_path: Path) -> Engine:
    """A migrated, empty SQLite registry of the test's own."""
    return _fresh_engine(f"sqlite:///{tmp_path / 'empty.sqlite'}")
