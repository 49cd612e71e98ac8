"""Loading the bundled datasets into the registry: validated, idempotent, all or nothing.

Each dataset loads in one transaction. A dataset whose bundled files and mapping are
unchanged since its last load is skipped, so a second ``foedus init`` changes nothing;
``force=True`` reloads it (deleting its rows and inserting them again, in the same
transaction).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select

from foedus.datasets import atop, cow_nmc, cow_states, dcad
from foedus.datasets.catalog import DATASETS, manifest
from foedus.storage import schema as t
from foedus.storage.repository import delete_origin, insert_agreements

__all__ = ["LOADERS", "LoadReport", "load_all", "load_dataset"]

#: Bump when a loader's mapping changes, so existing registries reload that dataset.
MAPPING_VERSION = {"cow_states": "1", "cow_nmc": "1", "dcad": "1", "atop": "3"}


@dataclass(slots=True)
class LoadReport:
    """What one dataset load did."""

    dataset: str
    version: str
    rows_read: int = 0
    rows_loaded: int = 0
    skipped: bool = False
    issues: list[dict[str, Any]] = field(default_factory=list)


def _fingerprint(key: str) -> str:
    digest = hashlib.sha256(f"mapping={MAPPING_VERSION[key]}".encode())
    for name, entry in sorted(manifest()[key].items()):
        digest.update(f"{name}={entry['sha256']}".encode())
    return digest.hexdigest()


def _load_states(connection: Connection) -> LoadReport:
    report = LoadReport("cow_states", DATASETS["cow_states"].version)
    all_states = cow_states.states()
    connection.execute(delete(t.state_spells))
    connection.execute(delete(t.states))
    connection.execute(
        insert(t.states),
        [
            {
                "ccode": s.ccode,
                "abbreviation": s.abbreviation,
                "name": s.name,
                "iso3": s.iso3,
                "region": s.region,
            }
            for s in all_states
        ],
    )
    spells = [
        {"ccode": s.ccode, "start": spell.start, "end": spell.end}
        for s in all_states
        for spell in s.spells
    ]
    connection.execute(insert(t.state_spells), spells)
    report.rows_read = report.rows_loaded = len(spells)
    return report


def _load_nmc(connection: Connection) -> LoadReport:
    report = LoadReport("cow_nmc", DATASETS["cow_nmc"].version)
    connection.execute(delete(t.capabilities))
    for version in cow_nmc.NMC_FILES:
        frame = cow_nmc.read_nmc(version)
        rows = frame.select(["ccode", "year", "version", *cow_nmc.NMC_COLUMNS]).to_dicts()
        connection.execute(insert(t.capabilities), rows)
        report.rows_read += frame.height
        report.rows_loaded += len(rows)
    return report


def _state_names(connection: Connection) -> tuple[dict[int, str], dict[int, str]]:
    rows = connection.execute(select(t.states.c.ccode, t.states.c.abbreviation, t.states.c.name))
    names: dict[int, str] = {}
    abbreviations: dict[int, str] = {}
    for ccode, abbreviation, name in rows:
        names[ccode] = name
        abbreviations[ccode] = abbreviation
    return names, abbreviations


def _load_dcad(connection: Connection) -> LoadReport:
    report = LoadReport("dcad", DATASETS["dcad"].version)
    names, abbreviations = _state_names(connection)
    frame = dcad.read_dcad()
    kept, issues = dcad.check_dcad(frame, abbreviations)
    delete_origin(connection, "dcad")
    report.rows_read = frame.height
    report.rows_loaded = insert_agreements(connection, dcad.dcad_agreements(kept, names), "dcad")
    report.issues = [
        {"id": i.dcad_id, "line": i.line, "action": i.action, "reason": i.reason} for i in issues
    ]
    return report


def _load_atop(connection: Connection) -> LoadReport:
    report = LoadReport("atop", DATASETS["atop"].version)
    names, _ = _state_names(connection)
    alliances, members, phases = atop.read_alliances(), atop.read_members(), atop.read_phases()
    unknown = sorted(set(members["member"].to_list()) - set(names))
    delete_origin(connection, "atop")
    report.rows_read = alliances.height
    report.rows_loaded = insert_agreements(
        connection, atop.atop_agreements(alliances, members, names, phases), "atop"
    )
    report.issues = [
        {"action": "kept", "reason": f"member code {code} is not in the COW state list"}
        for code in unknown
    ]
    return report


#: Loaders in dependency order (states first: the others name their parties from it).
LOADERS: dict[str, Callable[[Connection], LoadReport]] = {
    "cow_states": _load_states,
    "cow_nmc": _load_nmc,
    "dcad": _load_dcad,
    "atop": _load_atop,
}


def load_dataset(engine: Engine, key: str, *, force: bool = False) -> LoadReport:
    """Load one bundled dataset into the registry in a single transaction.

    Skips the load (``skipped=True``) when the same files and mapping were loaded
    before, unless ``force``.
    """
    fingerprint = _fingerprint(key)
    with engine.begin() as connection:
        previous = (
            connection.execute(select(t.dataset_loads).where(t.dataset_loads.c.dataset == key))
            .mappings()
            .first()
        )
        if previous is not None and previous["sha256"] == fingerprint and not force:
            return LoadReport(
                key,
                previous["version"],
                previous["rows_read"],
                previous["rows_loaded"],
                skipped=True,
                issues=list(previous["issues"]),
            )
        report = LOADERS[key](connection)
        connection.execute(delete(t.dataset_loads).where(t.dataset_loads.c.dataset == key))
        connection.execute(
            insert(t.dataset_loads).values(
                dataset=key,
                version=report.version,
                sha256=fingerprint,
                rows_read=report.rows_read,
                rows_loaded=report.rows_loaded,
                issues=report.issues,
                loaded_at=datetime.now(UTC),
            )
        )
        return report


def load_all(
    engine: Engine,
    *,
    force: bool = False,
    on_start: Callable[[str], None] | None = None,
) -> list[LoadReport]:
    """Load every bundled dataset (states, capabilities, DCAD, ATOP) in order."""
    reports = []
    for key in LOADERS:
        if on_start:
            on_start(key)
        reports.append(load_dataset(engine, key, force=force))
    return reports
