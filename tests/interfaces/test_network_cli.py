"""``foedus network`` end to end: every command, every format, on a registry from init."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from typer.testing import CliRunner

from foedus.interfaces.cli.main import app
from tests.helpers import initialised_cli

REGIONS = {"americas", "europe", "africa", "middle_east", "asia", "oceania"}


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> CliRunner:
    """A runner whose registry was built by ``foedus init`` in a fresh directory."""
    return initialised_cli(tmp_path_factory.mktemp("home"))


def _run(cli: CliRunner, *args: str) -> str:
    result = cli.invoke(app, ["network", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def _json(cli: CliRunner, *args: str) -> Any:
    return json.loads(_run(cli, *args, "--format", "json"))


def _csv(cli: CliRunner, *args: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_run(cli, *args, "--format", "csv"))))


def test_metrics_json_csv_and_table(cli: CliRunner) -> None:
    document = _json(cli, "metrics", "--year", "2000", "--source", "dcad")
    assert document["nodes"] == 191 and document["edges"] == 573
    assert 0 < document["density"] < 1 and 0 < document["transitivity"] < 1
    states = document["states"]
    assert len(states) == document["nodes"]
    assert all({"ccode", "degree", "eigenvector", "betweenness"} <= set(row) for row in states)
    assert sum(row["degree"] for row in states) == 2 * document["edges"]
    assert {row["region"] for row in document["regions"]} == REGIONS | {"all"}
    rows = _csv(cli, "metrics", "--year", "2000", "--source", "dcad", "--region", "europe")
    assert rows and {row["region"] for row in rows} == {"europe"}
    assert all(int(row["degree"]) >= 0 for row in rows)
    table = _run(cli, "metrics", "--year", "1985", "--source", "dcad", "--region", "asia")
    assert "transitivity" in table and "States with ties" in table


def test_networks_by_obligation(cli: CliRunner, tmp_path: Path) -> None:
    defense = _json(cli, "metrics", "--year", "1960", "--source", "atop",
                    "--obligation", "defense")  # fmt: skip
    assert defense["obligations"] == ["defense"]
    out = tmp_path / "obligations.svg"
    rows = _csv(cli, "obligations", "--from", "1960", "--to", "1961", "--out", str(out))
    assert len(rows) == 5 * 2 and "<svg" in out.read_text()
    in_1960 = {r["obligation"]: r for r in rows if r["year"] == "1960"}
    assert int(in_1960["defense"]["edges"]) == defense["edges"]
    assert 0 < int(in_1960["neutrality"]["edges"]) < defense["edges"]
    bad = cli.invoke(app, ["network", "metrics", "--year", "1960", "--obligation", "love"])
    assert bad.exit_code == 2


def test_state_series_in_every_format(cli: CliRunner) -> None:
    rows = _json(cli, "state", "USA", "--from", "1990", "--to", "1995", "--source", "dcad")
    assert [row["year"] for row in rows] == list(range(1990, 1996))
    assert {row["ccode"] for row in rows} == {2}
    table = _csv(cli, "state", "India", "--from", "2000", "--to", "2001", "--source", "dcad")
    assert [row["abbreviation"] for row in table] == ["IND", "IND"]


def test_formation_rows(cli: CliRunner) -> None:
    rows = _json(cli, "formation", "--from", "1995", "--to", "2000", "--source", "dcad")
    assert [row["year"] for row in rows] == list(range(1996, 2001))
    assert all(0 <= row["closure_share"] <= 1 and row["new_ties"] > 0 for row in rows)


def test_exports_read_back(cli: CliRunner, tmp_path: Path) -> None:
    graphs = {}
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"net.{fmt}"
        _run(cli, "export", "--year", "2000", "--source", "dcad", "--format", fmt,
             "--out", str(out))  # fmt: skip
        graphs[fmt] = read(out)
    document = json.loads(_run(cli, "export", "--year", "2000", "--source", "dcad",
                               "--format", "json"))  # fmt: skip
    graphs["json"] = nx.relabel_nodes(nx.node_link_graph(document, edges="edges"), str)
    for G in graphs.values():
        assert G.number_of_nodes() == 191 and G.number_of_edges() == 573
        assert G.nodes["2"]["abbreviation"] == "USA" and "community" in G.nodes["2"]
    bad = cli.invoke(app, ["network", "export", "--year", "1990", "--format", "pajek"])
    assert bad.exit_code == 1 and "unknown export format" in bad.output


def test_plots_write_valid_images(cli: CliRunner, tmp_path: Path) -> None:
    png, svg = tmp_path / "map.png", tmp_path / "map.svg"
    _run(cli, "plot", "--year", "1995", "--source", "dcad", "--out", str(png))
    _run(cli, "plot", "--year", "1995", "--source", "dcad", "--layout", "force",
         "--colour", "region", "--out", str(svg))  # fmt: skip
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = svg.read_text()
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "<path" in text


def test_timelines_write_images(cli: CliRunner, tmp_path: Path) -> None:
    svg, png = tmp_path / "poles.svg", tmp_path / "degree.png"
    _run(cli, "timeline", "effective_poles", "--from", "1990", "--to", "1995", "--source",
         "dcad", "--out", str(svg))  # fmt: skip
    _run(cli, "timeline", "degree", "--state", "India", "--state", "USA", "--from", "1990",
         "--to", "1995", "--source", "dcad", "--out", str(png))  # fmt: skip
    assert "<svg" in svg.read_text() and png.read_bytes()[:4] == b"\x89PNG"
    bad = cli.invoke(app, ["network", "timeline", "happiness", "--from", "1990", "--to", "1990",
                           "--source", "dcad", "--out", str(tmp_path / "x.png")])  # fmt: skip
    assert bad.exit_code == 1 and "no column(s) happiness" in bad.output


def test_counterbalancing_raw_and_within_year(cli: CliRunner) -> None:
    rows = {row["region"]: row for row in _json(cli, "counterbalancing", "--source", "dcad")}
    assert set(rows) == REGIONS | {"all"}
    world = rows["all"]
    for group in ("exposed", "unexposed"):
        assert sum(rows[r][group] for r in REGIONS) == world[group] > 0
    assert world["mh_low"] < world["mh_risk_ratio"] < world["mh_high"]
    assert world["clogit_low"] < world["clogit_or"] < world["clogit_high"]
    assert 0 <= world["clogit_p"] <= 1 and world["strata"] <= 2010 - 1980
    by_region = _json(cli, "counterbalancing", "--source", "dcad", "--strata", "year-region")
    assert by_region[0]["strata"] > world["strata"]
    years = _csv(cli, "counterbalancing", "--source", "dcad", "--by-year")
    assert [int(r["year"]) for r in years] == list(range(1981, 2008))
    assert sum(int(r["exposed"]) for r in years) == world["exposed"]


def test_regional_json_adds_up(cli: CliRunner) -> None:
    document = _json(cli, "regional", "--year", "2000", "--source", "dcad")
    rows = {row["region"]: row for row in document["regions"]}
    assert set(rows) == REGIONS | {"all"}
    world = rows["all"]
    assert sum(rows[r]["states"] for r in REGIONS) == world["states"] == 191
    assert sum(rows[r]["cinc"] for r in REGIONS) == pytest.approx(world["cinc"])
    assert sum(rows[r]["agreements_within"] for r in REGIONS) == world["agreements_within"]
    assert world["agreements"] >= max(rows[r]["agreements"] for r in REGIONS)
    assert world["asymmetry_median"] > 1 and 1 <= world["effective_poles"] <= world["states"]
    blocs = [b for b in document["blocs"] if b["region"] == "europe"]
    assert sum(b["cinc"] for b in blocs) == pytest.approx(rows["europe"]["cinc"])
    assert sum(b["share"] for b in blocs) == pytest.approx(1.0)
    states = {row["abbreviation"]: row for row in document["states"]}
    assert 0 < states["UKR"]["partner_hhi"] <= 1 and states["UKR"]["largest_partner_ratio"] > 1
    ratios = [a["capability_ratio"] for a in document["agreements"] if a["capability_ratio"]]
    assert len(document["agreements"]) == world["agreements"] and min(ratios) >= 1


def test_regional_region_table_and_timeline(cli: CliRunner, tmp_path: Path) -> None:
    rows = _csv(cli, "regional", "--year", "1990", "--source", "dcad", "--region", "asia")
    assert [row["region"] for row in rows] == ["asia"]
    table = _run(cli, "regional", "--year", "1990", "--source", "dcad")
    assert "Capability-weighted blocs" in table and "Dependency of tied states" in table
    out = tmp_path / "poles.png"
    series = _csv(cli, "regional", "--from", "1995", "--to", "1999", "--source", "dcad",
                  "--out", str(out))  # fmt: skip
    assert len(series) == 5 * 7 and out.read_bytes()[:4] == b"\x89PNG"
    missing = cli.invoke(app, ["network", "regional", "--source", "dcad"])
    assert missing.exit_code == 1 and "--year" in missing.output
    unknown = cli.invoke(app, ["network", "regional", "--year", "1990", "--region", "mars"])
    assert unknown.exit_code == 1 and "unknown region" in unknown.output
