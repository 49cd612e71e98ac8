"""``foedus network`` end to end on the session's loaded SQLite registry."""

from __future__ import annotations

import json
from pathlib import Path

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


def test_metrics_region_and_csv(cli: CliRunner) -> None:
    result = cli.invoke(app, ["network", "metrics", "--year", "1995", "--region", "europe",
                              "--source", "dcad", "--format", "csv"])  # fmt: skip
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header.startswith("ccode,abbreviation,region,degree")
    assert rows and all(",europe," in row for row in rows)


def test_state_series(cli: CliRunner, dcad_graphs: dict[int, nx.Graph]) -> None:
    result = cli.invoke(app, ["network", "state", "USA", "--from", "1980", "--to", "2010",
                              "--source", "dcad", "--format", "json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["year"] for r in rows] == list(range(1980, 2011))
    assert [r["degree"] for r in rows] == [dcad_graphs[y].degree(2) for y in range(1980, 2011)]


def test_export_graphml_reads_back(cli: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "net.graphml"
    result = cli.invoke(app, ["network", "export", "--year", "1960", "--source", "atop",
                              "--format", "graphml", "--out", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    G = nx.read_graphml(out)
    assert G.nodes["2"]["abbreviation"] == "USA" and G.number_of_edges() > 400


def test_plot_and_timeline_write_images(cli: CliRunner, tmp_path: Path) -> None:
    for args in (
        ["plot", "--year", "1990", "--out", str(tmp_path / "map.png")],
        ["timeline", "closure_share", "--out", str(tmp_path / "closure.svg")],
        ["timeline", "degree", "--state", "India", "--out", str(tmp_path / "ind.png")],
    ):
        result = cli.invoke(app, ["network", *args, "--source", "dcad"])
        assert result.exit_code == 0, result.output
    assert (tmp_path / "map.png").read_bytes()[:4] == b"\x89PNG"
    assert "<svg" in (tmp_path / "closure.svg").read_text()


def test_unknown_metric_is_a_clean_error(cli: CliRunner, tmp_path: Path) -> None:
    result = cli.invoke(app, ["network", "timeline", "happiness", "--source", "dcad",
                              "--out", str(tmp_path / "x.png")])  # fmt: skip
    assert result.exit_code == 1
    assert "no column(s) happiness" in result.output


def test_counterbalancing_rows_add_up(cli: CliRunner) -> None:
    result = cli.invoke(app, ["network", "counterbalancing", "--source", "dcad",
                              "--format", "json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = {row["region"]: row for row in json.loads(result.stdout)}
    for group in ("exposed", "unexposed"):
        parts = [rows[r][group] for r in rows if r != "all"]
        assert sum(parts) == rows["all"][group] > 0
