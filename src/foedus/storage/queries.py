"""Analytical reads over the registry, returned as polars frames for the layers above."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl
from sqlalchemy import Connection, Engine, and_, select

from foedus.domain.agreements import binding_spell
from foedus.domain.sensitivity import Sensitivity
from foedus.storage import schema as t

__all__ = ["agreement_party_spells", "capabilities_frame", "dataset_loads"]


def agreement_party_spells(
    engine: Engine | Connection,
    *,
    sources: Sequence[str] | None = None,
    kinds: Sequence[str] | None = None,
    provisions: Sequence[str] | None = None,
    clearance: Sensitivity = Sensitivity.PUBLIC,
) -> pl.DataFrame:
    """One row per agreement party: who was bound to which agreement, from when to when.

    Columns: ``agreement_id``, ``source`` (the agreement's origin: dcad, atop, user...),
    ``kind``, ``ccode``, ``start`` (the party's entry, else the signing date), ``end``
    (the party's exit, else the agreement's end; null while in force) and ``provisions``
    (the agreement's provision labels). ``provisions`` as a filter keeps agreements
    with any of those labels. Agreements above ``clearance`` are left out.
    """
    a, p, pr = t.agreements, t.agreement_parties, t.provisions
    statement = (
        select(
            a.c.id.label("agreement_id"),
            a.c.origin.label("source"),
            a.c.kind,
            p.c.ccode,
            p.c.joined,
            p.c.left,
            a.c.signed,
            a.c.ended,
        )
        .join(p, p.c.agreement_id == a.c.id)
        .where(a.c.sensitivity <= int(clearance))
        .order_by(a.c.id, p.c.ccode, p.c.joined)
    )
    if sources:
        statement = statement.where(a.c.origin.in_(list(sources)))
    if kinds:
        statement = statement.where(a.c.kind.in_(list(kinds)))
    if provisions:
        statement = statement.where(
            select(pr.c.id)
            .where(and_(pr.c.agreement_id == a.c.id, pr.c.label.in_(list(provisions))))
            .exists()
        )
    label_rows = select(pr.c.agreement_id, pr.c.label).distinct()
    with _connection(engine) as connection:
        rows = connection.execute(statement).all()
        labels: dict[str, list[str]] = {}
        for agreement_id, label in connection.execute(label_rows):
            labels.setdefault(agreement_id, []).append(label)
    schema: dict[str, Any] = {
        "agreement_id": pl.String,
        "source": pl.String,
        "kind": pl.String,
        "ccode": pl.Int64,
        "start": pl.Date,
        "end": pl.Date,
        "provisions": pl.List(pl.String),
    }
    return pl.DataFrame(
        [
            (
                row.agreement_id,
                row.source,
                row.kind,
                row.ccode,
                *binding_spell(row.joined, row.left, row.signed, row.ended),
                sorted(labels.get(row.agreement_id, [])),
            )
            for row in rows
        ],
        schema=schema,
        orient="row",
    )


def capabilities_frame(
    engine: Engine | Connection, version: str = "7.0", ccodes: Sequence[int] | None = None
) -> pl.DataFrame:
    """NMC state-years of one release (``6.0`` or ``7.0``), optionally for some states."""
    c = t.capabilities
    statement = select(c).where(c.c.version == version).order_by(c.c.ccode, c.c.year)
    if ccodes:
        statement = statement.where(c.c.ccode.in_(list(ccodes)))
    with _connection(engine) as connection:
        rows = connection.execute(statement).mappings().all()
    return pl.DataFrame([dict(row) for row in rows], infer_schema_length=None)


def dataset_loads(engine: Engine | Connection) -> list[dict[str, Any]]:
    """What is loaded: dataset, version, rows read and loaded, issues, when."""
    with _connection(engine) as connection:
        rows = connection.execute(select(t.dataset_loads).order_by(t.dataset_loads.c.dataset))
        return [dict(row) for row in rows.mappings()]


class _connection:
    """Use a given connection as is, or open (and close) one from an engine."""

    def __init__(self, bind: Engine | Connection) -> None:
        self._bind = bind
        self._owned: Connection | None = None

    def __enter__(self) -> Connection:
        if isinstance(self._bind, Connection):
            return self._bind
        self._owned = self._bind.connect()
        return self._owned

    def __exit__(self, *_: object) -> None:
        if self._owned is not None:
            self._owned.close()
