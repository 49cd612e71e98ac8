"""Saving extracted texts: attach to the matching record or create one, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, Table, func, select
from typer.testing import CliRunner

from foedus.domain.sensitivity import Sensitivity
from foedus.errors import PermissionDenied
from foedus.extraction.pipeline import extract
from foedus.interfaces.cli.main import app
from foedus.services.documents import save_extraction
from foedus.storage import schema as t
from foedus.storage.repository import agreement_text
from tests.helpers import initialised_cli

SWISS = "027_nl-switzerland-military-training-2007"
SWISS_DCAD = "dcad:DCADv1.0-0432"


def _count(engine: Engine, table: Table) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def _counts(engine: Engine) -> dict[str, int]:
    tables = (t.agreements, t.articles, t.provisions, t.agreement_parties)
    return {table.name: _count(engine, table) for table in tables}


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> CliRunner:
    """A runner whose registry was built by ``foedus init`` in a fresh directory."""
    return initialised_cli(tmp_path_factory.mktemp("home"))


def _search(cli: CliRunner, *args: str) -> list[str]:
    result = cli.invoke(app, ["agreements", "search", *args, "--limit", "0", "--format", "json"])
    assert result.exit_code == 0, result.output
    return [row["id"] for row in json.loads(result.stdout)]


def test_save_attaches_to_the_dcad_record_and_search_finds_it(
    cli: CliRunner, corpus_dir: Path
) -> None:
    path = corpus_dir / f"{SWISS}.txt"
    assert SWISS_DCAD not in _search(cli, "--text", "Swiss Federal Council")
    first = cli.invoke(app, ["extract", str(path), "--save", "--format", "json"])
    assert first.exit_code == 0, first.output
    assert SWISS_DCAD in first.stderr and "attached" in first.stderr
    extracted = json.loads(first.stdout)
    labels = {p["label"] for p in extracted["provisions"]}
    assert "training_education" in labels
    assert SWISS_DCAD in _search(cli, "--text", "Swiss Federal Council")
    assert SWISS_DCAD in _search(cli, "--provision", "training_education")
    shown = cli.invoke(app, ["agreements", "show", SWISS_DCAD, "--format", "json"])
    stored = json.loads(shown.stdout)
    assert len(stored["provision_details"]) == len(
        [p for p in stored["provision_details"] if p["method"] != "extracted"]
    ) + len(labels)
    # Saving again replaces the extracted rows: the record looks exactly the same.
    again = cli.invoke(app, ["extract", str(path), "--save", "--format", "json"])
    assert again.exit_code == 0, again.output
    reshown = json.loads(
        cli.invoke(app, ["agreements", "show", SWISS_DCAD, "--format", "json"]).stdout
    )
    assert reshown["provision_details"] == stored["provision_details"]
    assert _search(cli, "--text", "Swiss Federal Council") == [SWISS_DCAD]


def test_refused_document_saves_nothing(cli: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    before = _search(cli, "--source", "user")
    result = cli.invoke(app, ["extract", str(empty), "--save"])
    assert result.exit_code == 1 and "Error" in result.output
    assert _search(cli, "--source", "user") == before


def test_new_agreement_when_nothing_matches_and_twice_is_once(
    empty_engine: Engine, corpus_dir: Path
) -> None:
    result = extract(corpus_dir / f"{SWISS}.txt")
    saved = save_extraction(empty_engine, result, actor="tester")
    assert not saved.attached and saved.agreement_id.startswith("user:")
    counts = _counts(empty_engine)
    assert counts["agreements"] == 1 and counts["agreement_parties"] == 2
    assert counts["articles"] == len(result.articles)
    assert counts["provisions"] == len(result.provisions) > 0
    again = save_extraction(empty_engine, result, actor="tester")
    assert again.agreement_id == saved.agreement_id and again.attached
    assert _counts(empty_engine) == counts
    with empty_engine.connect() as connection:
        stored = agreement_text(connection, saved.agreement_id)
        rows = connection.execute(select(t.articles).order_by(t.articles.c.position)).all()
        actions = connection.execute(select(t.audit_log.c.action)).scalars().all()
    assert stored == result.document.text
    assert all(stored[row.start : row.end].strip()[:20] == row.text.strip()[:20] for row in rows)
    assert actions == ["save_text", "attach_text"]


def test_sensitive_text_never_lands_on_a_less_sensitive_record(
    empty_engine: Engine, corpus_dir: Path
) -> None:
    result = extract(corpus_dir / f"{SWISS}.txt")
    public = save_extraction(empty_engine, result, agreement_id="swiss")
    assert public.agreement_id == "user:swiss"
    with pytest.raises(PermissionDenied):
        save_extraction(empty_engine, result, sensitivity=Sensitivity.SECRET)
    with pytest.raises(PermissionDenied):
        save_extraction(
            empty_engine, result, agreement_id="swiss", sensitivity=Sensitivity.SECRET,
            clearance=Sensitivity.SECRET,
        )  # fmt: skip
    secret = save_extraction(
        empty_engine, result, sensitivity=Sensitivity.SECRET, clearance=Sensitivity.SECRET
    )
    assert secret.agreement_id != public.agreement_id and not secret.attached
    assert _count(empty_engine, t.agreements) == 2
