"""Importing the user's agreements: all or nothing, faults located, clearance kept."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select

from foedus.domain.sensitivity import Sensitivity
from foedus.errors import DataError, FoedusError, RowError
from foedus.services.exchange import export_records, import_agreements, parse_import
from foedus.services.registry import search
from foedus.storage import schema as t

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HEADER = "id,title,kind,parties,signed,in_force,provisions,sensitivity,short_name\n"


def _stored(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(t.agreements)).scalar_one())


@pytest.mark.parametrize("name", ["user_agreements.csv", "user_agreements.json"])
def test_import_resolves_parties_and_provisions(empty_engine: Engine, name: str) -> None:
    saved = import_agreements(empty_engine, FIXTURES / name)
    by_id = {a.id: a for a in saved}
    assert by_id["user:nl-che-2007"].ccodes == [210, 225]
    assert by_id["user:nl-zaf-2007"].ccodes == [210, 560]
    assert by_id["user:nl-zaf-2007"].sensitivity is Sensitivity.RESTRICTED
    assert "training_education" in by_id["user:nl-che-2007"].provision_labels()


def test_reimport_duplicates_nothing(empty_engine: Engine) -> None:
    import_agreements(empty_engine, FIXTURES / "user_agreements.csv")
    import_agreements(empty_engine, FIXTURES / "user_agreements.csv")
    assert _stored(empty_engine) == 2


def test_clearance_hides_restricted_agreements(empty_engine: Engine) -> None:
    import_agreements(empty_engine, FIXTURES / "user_agreements.csv")
    public = search(empty_engine, party="Netherlands", clearance=Sensitivity.PUBLIC)
    cleared = search(empty_engine, party="Netherlands", clearance=Sensitivity.SECRET)
    assert [a.id for a in public.agreements] == ["user:nl-che-2007"]
    assert public.total == 1 and cleared.total == 2


def test_export_round_trips(empty_engine: Engine, tmp_path: Path) -> None:
    import json

    original = import_agreements(empty_engine, FIXTURES / "user_agreements.json")
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export_records(original)))
    again = parse_import(path)
    assert [(a.id, a.ccodes, a.kind, a.signed, a.provision_labels(), a.sensitivity)
            for a in again] == [
        (a.id, a.ccodes, a.kind, a.signed, a.provision_labels(), a.sensitivity) for a in original
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("row", "line", "column", "reason"),
    [
        ("x,Title,sofa,Netherlands;Atlantis,2007,,,,", 3, "parties", "unknown country 'Atlantis'"),
        ("x,Title,treaty,Netherlands;Belgium,2007,,,,", 3, "kind", "'treaty'"),
        ("x,Title,sofa,Netherlands;Belgium,07/06/2007,,,,", 3, "signed", "is not a date"),
        ("x,Title,sofa,Netherlands;Belgium,2007,,basing,,", 3, "provisions", "unknown provision"),
        ("x,Title,sofa,Netherlands;Belgium,2007,,,top,", 3, "sensitivity", "unknown sensitivity"),
        ("x,,sofa,Netherlands;Belgium,2007,,,,", 3, "title", "required value is empty"),
        ("x,Title,sofa,Netherlands,2007,,,,", 3, "parties", "two or more distinct parties"),
        ("x,Title,sofa", 3, None, "3 cells where the header has 9"),
    ],
)  # fmt: skip
def test_malformed_row_names_file_line_column_and_writes_nothing(
    empty_engine: Engine, tmp_path: Path, row: str, line: int, column: str | None, reason: str
) -> None:
    good = (FIXTURES / "user_agreements.csv").read_text().splitlines()[1]
    path = tmp_path / "mine.csv"
    path.write_text(HEADER + good + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(RowError) as info:
        import_agreements(empty_engine, path)
    assert (info.value.line, info.value.column) == (line, column)
    assert reason in info.value.reason and str(path) in str(info.value)
    assert _stored(empty_engine) == 0  # the good first row was not saved either


def test_non_utf8_file_is_refused_with_line(empty_engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "x,Défense,sofa,Netherlands;Belgium,2007,,,,\n").encode("latin-1"))
    with pytest.raises(RowError, match="line 2: not UTF-8"):
        import_agreements(empty_engine, path)
    assert _stored(empty_engine) == 0


def test_huge_field_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text(HEADER + "x,Title,sofa,Netherlands;Belgium,2007,,,," + "n" * 200_000 + "\n")
    with pytest.raises(RowError, match="at most 100,000"):
        parse_import(path)


def test_wrong_extension_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mine.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(DataError, match=r"\.csv or \.json"):
        parse_import(path)


_cells = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cells=st.lists(_cells, min_size=1, max_size=12))
def test_arbitrary_csv_rows_never_crash(tmp_path: Path, cells: list[str]) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_text(HEADER + ",".join(cells) + "\n", encoding="utf-8")
    try:
        agreements = parse_import(path)
    except FoedusError as error:
        assert str(path) in str(error)  # every refusal says which file
    else:
        assert all(len(a.ccodes) >= 2 for a in agreements)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_never_crash(tmp_path: Path, data: bytes) -> None:
    for suffix in (".csv", ".json"):
        path = tmp_path / f"fuzz{suffix}"
        path.write_bytes(data)
        with pytest.raises(FoedusError):
            parse_import(path)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=st.text(alphabet=string.printable, min_size=1, max_size=40))
def test_json_values_of_any_text_never_crash(tmp_path: Path, title: str) -> None:
    import json

    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps([{"title": title, "kind": "sofa", "parties": [title, "NLD"]}]))
    try:
        parse_import(path)
    except FoedusError as error:
        assert str(path) in str(error)
