"""The command line end to end on a real SQLite registry: init, search, show, import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foedus.interfaces.cli.main import app
from tests.helpers import initialised_cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> CliRunner:
    """A runner whose registry was built by ``foedus init`` in a fresh directory."""
    runner = initialised_cli(tmp_path_factory.mktemp("home"))
    status = runner.invoke(app, ["data", "status", "--format", "json"])
    rows = {row["dataset"]: row for row in json.loads(status.stdout)}
    assert set(rows) == {"cow_states", "cow_nmc", "dcad", "atop"}
    assert rows["atop"]["rows_loaded"] == rows["atop"]["rows_read"]
    refused = rows["dcad"]["rows_read"] - rows["dcad"]["rows_loaded"]
    assert 0 < refused <= rows["dcad"]["issues"]  # each refusal is reported as an issue
    return runner


def _json(cli: CliRunner, *args: str) -> object:
    result = cli.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_search_india_russia_returns_dcad_and_atop(cli: CliRunner) -> None:
    rows = _json(cli, "agreements", "search", "--party", "India", "--partner", "Russia",
                 "--limit", "0")  # fmt: skip
    assert isinstance(rows, list)
    ids = {row["id"] for row in rows}
    # The 1971 Indo-Soviet treaty (ATOP 3675) and DCAD's India-Russia DCAs of 1993-2009.
    assert {"atop:3675", "atop:4415", "dcad:DCADv1.0-1343", "dcad:DCADv1.0-1347"} <= ids
    for row in rows:
        assert {"id", "title", "kind", "signed", "parties", "sources"} <= set(row)
        assert {750, 365} <= {party["ccode"] for party in row["parties"]}


@pytest.mark.parametrize("party", ["India", "IND", "750"])
def test_country_forms_agree(cli: CliRunner, party: str) -> None:
    rows = _json(cli, "agreements", "search", "--party", party, "--source", "dcad", "--limit", "0")
    assert isinstance(rows, list) and rows
    assert all(750 in {p["ccode"] for p in row["parties"]} for row in rows)


def test_filters_narrow_the_result(cli: CliRunner) -> None:
    rows = _json(cli, "agreements", "search", "--provision", "DEFENSE", "--from", "1949",
                 "--to", "1949", "--limit", "0")  # fmt: skip
    assert isinstance(rows, list) and rows
    assert all(row["signed"].startswith("1949") and row["kind"] == "mutual_defense_treaty"
               for row in rows)  # fmt: skip
    limited = _json(cli, "agreements", "search", "--limit", "3")
    assert isinstance(limited, list) and len(limited) == 3


def test_unknown_country_fails_with_suggestions(cli: CliRunner) -> None:
    result = cli.invoke(app, ["agreements", "search", "--party", "Indai"])
    assert result.exit_code == 1
    assert "did you mean: India" in result.output


def test_show_agreement(cli: CliRunner) -> None:
    data = _json(cli, "agreements", "show", "atop:3675")
    assert isinstance(data, dict)
    assert data["signed"] == "1971-08-09" and {p["ccode"] for p in data["parties"]} == {750, 365}
    missing = cli.invoke(app, ["agreements", "show", "atop:999999"])
    assert missing.exit_code == 1 and "no agreement" in missing.output


def test_country_profile(cli: CliRunner) -> None:
    data = _json(cli, "countries", "show", "USA")
    assert isinstance(data, dict)
    assert data["ccode"] == 2 and data["agreements"] > 100
    partners = {row["ccode"]: row["agreements"] for row in data["partners"]}
    shared = _json(cli, "agreements", "search", "--party", "USA", "--partner", "CAN",
                   "--limit", "0")  # fmt: skip
    assert isinstance(shared, list) and partners[20] == len(shared)  # Canada
    everything = _json(cli, "agreements", "search", "--party", "USA", "--limit", "0")
    assert isinstance(everything, list) and data["agreements"] == len(everything)
    per_year = sum(sum(v for k, v in row.items() if k != "year")
                   for row in data["agreements_by_year"])  # fmt: skip
    assert per_year == sum(1 for row in everything if row["signed"])
    assert data["capability"]["series"][0]["year"] == 1816


def test_csv_format(cli: CliRunner) -> None:
    result = cli.invoke(app, ["agreements", "search", "--party", "India", "--partner",
                              "Russia", "--format", "csv"])  # fmt: skip
    lines = result.stdout.splitlines()
    assert lines[0].startswith("id,signed,kind,title")
    assert len(lines) == 11  # header and the ten agreements


def test_import_export_and_clearance(cli: CliRunner, tmp_path: Path) -> None:
    result = cli.invoke(app, ["import", str(FIXTURES / "user_agreements.csv")])
    assert result.exit_code == 0, result.output
    public = _json(cli, "agreements", "search", "--source", "user")
    assert isinstance(public, list) and [r["id"] for r in public] == ["user:nl-che-2007"]
    out = tmp_path / "out.csv"
    cleared = cli.invoke(app, ["export", "--source", "user", "--out", str(out)],
                         env={"FOEDUS_CLEARANCE": "secret"})  # fmt: skip
    assert cleared.exit_code == 0, cleared.output
    assert len(out.read_text().splitlines()) == 3


def test_data_cite_lists_loaded_datasets(cli: CliRunner) -> None:
    result = cli.invoke(app, ["data", "cite"])
    assert result.exit_code == 0
    assert "Kinne" in result.output and "Leeds" in result.output and "Singer" in result.output


def test_token_user_reads_at_own_clearance_and_cannot_write(cli: CliRunner) -> None:
    added = cli.invoke(app, ["users", "add", "rita", "--role", "reader", "--clearance", "public"])
    assert added.exit_code == 0, added.output
    token = cli.invoke(app, ["users", "token", "rita"]).stdout.strip()
    assert token.startswith("fds_")
    as_rita = {"FOEDUS_TOKEN": token}
    refused = cli.invoke(app, ["import", str(FIXTURES / "user_agreements.csv")], env=as_rita)
    assert refused.exit_code == 1 and "may not write" in refused.output
    rows = cli.invoke(app, ["agreements", "search", "--source", "user", "--format", "json"],
                      env=as_rita | {"FOEDUS_CLEARANCE": "secret"})  # fmt: skip
    assert all(row["sensitivity"] == "public" for row in json.loads(rows.stdout))
    listing = cli.invoke(app, ["users", "list", "--format", "json"], env=as_rita)
    assert listing.exit_code == 1  # readers may not manage users
    bad = cli.invoke(app, ["agreements", "search"], env={"FOEDUS_TOKEN": token + "x"})
    assert bad.exit_code == 1 and "invalid or revoked API token" in bad.output
    audit = cli.invoke(app, ["users", "audit", "--format", "json", "--limit", "0"])
    assert any(row["actor"] == "rita" and row["action"] == "search"
               for row in json.loads(audit.stdout))  # fmt: skip


def test_countries_list_filters_by_year_and_region(cli: CliRunner) -> None:
    rows = _json(cli, "countries", "list", "--year", "1960", "--region", "europe")
    assert isinstance(rows, list)
    codes = {row["ccode"] for row in rows}
    assert {200, 220, 260, 265} <= codes  # UK, France, both Germanys
    assert 255 not in codes and 2 not in codes  # no unified Germany in 1960; USA not Europe
