"""Fixtures: party spells and capabilities from the session's loaded SQLite registry."""

from __future__ import annotations

import networkx as nx
import polars as pl
import pytest
from sqlalchemy import Engine

from foedus.analytics.network import build_networks
from foedus.storage.queries import agreement_party_spells, capabilities_frame


@pytest.fixture(scope="session")
def dcad_spells(registry_engine: Engine) -> pl.DataFrame:
    return agreement_party_spells(registry_engine, sources=["dcad"])


@pytest.fixture(scope="session")
def atop_spells(registry_engine: Engine) -> pl.DataFrame:
    return agreement_party_spells(registry_engine, sources=["atop"])


@pytest.fixture(scope="session")
def cinc(registry_engine: Engine) -> pl.DataFrame:
    return capabilities_frame(registry_engine, "7.0")


@pytest.fixture(scope="session")
def dcad_graphs(dcad_spells: pl.DataFrame) -> dict[int, nx.Graph]:
    return build_networks(dcad_spells, first=1980, last=2010)
