"""Fixtures for the panel tests: one full directed dyad-year panel shared by the session."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from foedus.panels import Panel, create_dyad_years


@pytest.fixture(scope="session", autouse=True)
def _panel_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the derived-table cache of these tests out of the user's FOEDUS_HOME."""
    previous = os.environ.get("FOEDUS_HOME")
    os.environ["FOEDUS_HOME"] = str(tmp_path_factory.mktemp("foedus-home"))
    yield
    if previous is None:
        os.environ.pop("FOEDUS_HOME", None)
    else:
        os.environ["FOEDUS_HOME"] = previous


@pytest.fixture(scope="session")
def dyads() -> Panel:
    """Directed COW dyad-years 1816-2018 (peacesciencer's create_dyadyears, mry to 2018)."""
    return create_dyad_years(range(1816, 2019))
