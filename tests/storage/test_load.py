"""Loading the bundled datasets: counts equal the release files, reloads change nothing,
and SQLite and PostgreSQL hold the same registry."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from foedus.datasets.registry_load import load_all, load_dataset
from foedus.storage import schema as t
from tests.helpers import registry_digest


def _release_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _count(engine: Engine, origin: str) -> int:
    with engine.connect() as connection:
        return int(
            connection.execute(
                select(func.count())
                .select_from(t.agreements)
                .where(t.agreements.c.origin == origin)
            ).scalar_one()
        )


def test_dcad_count_is_release_rows_less_refused(loaded_engine: Engine, shared_dir: Path) -> None:
    release = _release_rows(shared_dir / "data/dcad/DCAD-v1.0-main.csv")
    with loaded_engine.connect() as connection:
        issues = connection.execute(
            select(t.dataset_loads.c.issues).where(t.dataset_loads.c.dataset == "dcad")
        ).scalar_one()
    refused = [issue for issue in issues if issue["action"] == "refused"]
    # The two self-dyads the provenance notes cannot be placed; each is refused with a reason.
    self_dyads = {
        r["DCAid"] for r in release if r["ccode1"] == r["ccode2"] and r["DCAid"] != "DCADv1.0-0297"
    }
    assert {issue["id"] for issue in refused} == self_dyads
    assert all("self-dyad" in issue["reason"] for issue in refused)
    assert _count(loaded_engine, "dcad") == len(release) - len(refused)


def test_atop_count_equals_release(loaded_engine: Engine, shared_dir: Path) -> None:
    release = _release_rows(shared_dir / "data/atop/atop5_1a.csv")
    assert _count(loaded_engine, "atop") == len(release)


@pytest.mark.parametrize(
    ("variable", "label"),
    [("defense", "mutual_defense"), ("offense", "offensive_support"), ("neutral", "neutrality"),
     ("nonagg", "non_aggression"), ("consul", "consultation")],
)  # fmt: skip
def test_atop_obligations_match_release(
    loaded_engine: Engine, shared_dir: Path, variable: str, label: str
) -> None:
    release = _release_rows(shared_dir / "data/atop/atop5_1a.csv")
    expected = {f"atop:{r['atopid']}" for r in release if r[variable] not in ("", "0")}
    with loaded_engine.connect() as connection:
        found = set(
            connection.execute(
                select(t.provisions.c.agreement_id)
                .where(t.provisions.c.label == label)
                .where(t.provisions.c.source == f"atop:{variable.upper()}")
            ).scalars()
        )
    assert found == expected


def test_atop_member_spells_match_release(loaded_engine: Engine, shared_dir: Path) -> None:
    release = _release_rows(shared_dir / "data/atop/atop5_1m.csv")
    with loaded_engine.connect() as connection:
        stored = connection.execute(
            select(func.count())
            .select_from(t.agreement_parties)
            .join(t.agreements, t.agreements.c.id == t.agreement_parties.c.agreement_id)
            .where(t.agreements.c.origin == "atop")
        ).scalar_one()
    assert stored == len(release)


def test_graded_codes_keep_their_grade(loaded_engine: Engine, shared_dir: Path) -> None:
    release = {r["atopid"]: r for r in _release_rows(shared_dir / "data/atop/atop5_1a.csv")}
    with loaded_engine.connect() as connection:
        rows = connection.execute(
            select(t.provisions.c.agreement_id, t.provisions.c.grade).where(
                t.provisions.c.source == "atop:MILAID"
            )
        ).all()
    assert rows
    for agreement_id, grade in rows:
        assert grade == int(release[agreement_id.removeprefix("atop:")]["milaid"])


def test_nmc_both_versions_loaded(loaded_engine: Engine, shared_dir: Path) -> None:
    v6 = _release_rows(shared_dir / "data/cow-nmc/NMC-60-abridged.csv")
    v7 = _release_rows(shared_dir / "data/cow-nmc/peacesciencer_cow_nmc_v7.csv")
    with loaded_engine.connect() as connection:
        counts = dict(
            connection.execute(
                select(t.capabilities.c.version, func.count()).group_by(t.capabilities.c.version)
            ).all()
        )
        missing_milex = connection.execute(
            select(func.count()).select_from(t.capabilities).where(t.capabilities.c.milex < 0)
        ).scalar_one()
    assert counts == {"6.0": len(v6), "7.0": len(v7)}
    assert missing_milex == 0  # -9 is COW's missing code, never a number


def test_second_load_changes_nothing(loaded_engine: Engine) -> None:
    before = registry_digest(loaded_engine)
    reports = load_all(loaded_engine)
    assert all(report.skipped for report in reports)
    assert registry_digest(loaded_engine) == before


def test_forced_reload_duplicates_nothing(empty_engine: Engine) -> None:
    load_dataset(empty_engine, "cow_states")
    first = load_dataset(empty_engine, "dcad")
    before = registry_digest(empty_engine)
    again = load_dataset(empty_engine, "dcad", force=True)
    assert not again.skipped and again.rows_loaded == first.rows_loaded
    assert registry_digest(empty_engine) == before


def test_sqlite_and_postgresql_hold_identical_registries(
    registry_engine: Engine, tmp_path_factory: pytest.TempPathFactory
) -> None:
    url = os.environ.get("FOEDUS_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("needs FOEDUS_TEST_POSTGRES_URL (CI starts a PostgreSQL server)")
    from tests.conftest import _fresh_engine

    postgres = _fresh_engine(url)
    load_all(postgres)
    assert registry_digest(postgres) == registry_digest(registry_engine)


def test_atop_phases_are_kept_with_their_codes(loaded_engine: Engine, shared_dir: Path) -> None:
    release = _release_rows(shared_dir / "data/atop/atop5_1aph.csv")
    expected: dict[str, list[tuple[int, int, int]]] = {}
    for row in release:
        if int(row["phase"]) > 0:
            expected.setdefault(f"atop:{row['atopid']}", []).append(
                (int(row["phase"]), int(row["begyr"]), int(row["defense"]))
            )
    with loaded_engine.connect() as connection:
        rows = connection.execute(
            select(t.agreements.c.id, t.agreements.c.attributes).where(
                t.agreements.c.origin == "atop"
            )
        ).all()
    stored = {
        agreement_id: [(p["phase"], p["begyr"], p["defense"]) for p in attrs["atop_phases"]]
        for agreement_id, attrs in rows
        if "atop_phases" in attrs
    }
    assert stored == expected
    assert sum(map(len, stored.values())) + (len(rows) - len(stored)) == len(release)
