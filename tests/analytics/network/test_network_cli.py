"""``foedus network`` against the analytics on the session's loaded SQLite registry.

Every command and format is exercised in ``tests/interfaces/test_network_cli.py``; here
the command's figures are checked against networks built directly from the registry.
"""

from __future__ import annotations

import json

import networkx as nx
import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from foedus.interfaces.cli.main import app


@pytest.fixture(scope="module")
def cli(registry_engine: Engine) -> CliRunner:
    url = registry_engine.url.render_as_string(hide_password=False)
    return CliRunner(env={"FOEDUS_DATABASE_URL": url, "FOEDUS_CLEARANCE": None,
                          "COLUMNS": "200"})  # fmt: skip


def test_metrics_json_has_network_figures_and_state_rows(
    cli: CliRunner, dcad_graphs: dict[int, nx.Graph]
) -> None:
    result = cli.invoke(app, ["network", "metrics", "--year", "2000", "--source", "dcad",
                              "--format", "json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    G = dcad_graphs[2000]
    assert document["edges"] == G.number_of_edges()
    assert document["density"] == pytest.approx(nx.density(G))
    degree = {row["ccode"]: row["degree"] for row in document["states"]}
    assert degree == dict(G.degree())
    assert {row["region"] for row in document["regions"]} >= {"europe", "all"}


def test_state_series(cli: CliRunner, dcad_graphs: dict[int, nx.Graph]) -> None:
    result = cli.invoke(app, ["network", "state", "USA", "--from", "1980", "--to", "2010",
                              "--source", "dcad", "--format", "json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["year"] for r in rows] == list(range(1980, 2011))
    assert [r["degree"] for r in rows] == [dcad_graphs[y].degree(2) for y in range(1980, 2011)]
