"""Writing agreements to the registry and reading them back, clearance enforced.

All SQL is built with SQLAlchemy Core, so every value is a bound parameter. Readers take
the caller's clearance and never return an agreement above it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, exists, func, insert, or_, select, update
from sqlalchemy.sql import Select

from foedus.domain.agreements import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Party,
    PartyRole,
    Provision,
    SourceRef,
)
from foedus.domain.sensitivity import Sensitivity
from foedus.storage import schema as t

__all__ = [
    "AgreementQuery",
    "ArticleRow",
    "attach_text",
    "find_matching",
    "audit",
    "agreement_text",
    "count_agreements",
    "delete_agreement",
    "delete_origin",
    "get_agreement",
    "insert_agreements",
    "search_agreements",
]

_CHUNK = 500


@dataclass(slots=True)
class AgreementQuery:
    """Filters for :func:`search_agreements`; every filter left empty matches all.

    ``party`` and ``partner`` are COW codes that must both be parties; ``kinds`` and
    ``sources`` match any of the values; ``provision`` is a taxonomy label; ``text``
    matches title, short name, notes and stored text (case-insensitive); the signing
    year must lie in ``[year_from, year_to]``. ``limit`` 0 means no limit.
    """

    party: int | None = None
    partner: int | None = None
    kinds: Sequence[str] = ()
    provision: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    sources: Sequence[str] = ()
    text: str | None = None
    limit: int = 50
    ids: Sequence[str] = field(default_factory=tuple)


def _agreement_row(agreement: Agreement, origin: str) -> dict[str, Any]:
    return {
        "id": agreement.id,
        "origin": origin,
        "title": agreement.title,
        "short_name": agreement.short_name,
        "kind": agreement.kind.value,
        "signed": agreement.signed,
        "signed_year": agreement.signed.year if agreement.signed else None,
        "in_force": agreement.in_force,
        "ended": agreement.ended,
        "status": agreement.status.value,
        "sensitivity": int(agreement.sensitivity),
        "notes": agreement.notes,
        "attributes": agreement.attributes,
    }


def _provision_row(agreement_id: str, provision: Provision) -> dict[str, Any]:
    return {
        "agreement_id": agreement_id,
        "label": provision.label,
        "grade": provision.grade,
        "source": provision.source,
        "method": provision.method,
        "confidence": provision.confidence,
        "evidence": provision.evidence,
        "article": provision.article,
    }


def insert_agreements(connection: Connection, agreements: Iterable[Agreement], origin: str) -> int:
    """Insert agreements with their parties, sources and provisions; returns the count.

    Runs inside the caller's transaction, so a failure part-way leaves nothing behind.
    """
    rows: list[dict[str, Any]] = []
    parties: list[dict[str, Any]] = []
    sources: list[dict[str, Any]] = []
    provisions: list[dict[str, Any]] = []
    for agreement in agreements:
        row = _agreement_row(agreement, origin)
        rows.append(row)
        parties.extend(
            {
                "agreement_id": agreement.id,
                "ccode": party.ccode,
                "role": party.role.value,
                "name": party.name,
                "joined": party.joined,
                "left": party.left,
                "phase": party.phase,
            }
            for party in agreement.parties
        )
        sources.extend(
            {
                "agreement_id": agreement.id,
                "dataset": source.dataset,
                "source_id": source.source_id,
                "version": source.version,
                "note": source.note,
            }
            for source in agreement.sources
        )
        provisions.extend(_provision_row(agreement.id, p) for p in agreement.provisions)
    for table, batch in (
        (t.agreements, rows),
        (t.agreement_parties, parties),
        (t.agreement_sources, sources),
        (t.provisions, provisions),
    ):
        if batch:
            connection.execute(insert(table), batch)
    return len(rows)


def delete_origin(connection: Connection, origin: str) -> int:
    """Delete every agreement that came from ``origin`` (with its dependent rows)."""
    ids = select(t.agreements.c.id).where(t.agreements.c.origin == origin)
    for table in (t.articles, t.provisions, t.agreement_sources, t.agreement_parties):
        connection.execute(delete(table).where(table.c.agreement_id.in_(ids)))
    result = connection.execute(delete(t.agreements).where(t.agreements.c.origin == origin))
    return int(result.rowcount or 0)


def delete_agreement(connection: Connection, agreement_id: str) -> None:
    """Delete one agreement and its dependent rows (used before re-saving it)."""
    for table in (t.articles, t.provisions, t.agreement_sources, t.agreement_parties):
        connection.execute(delete(table).where(table.c.agreement_id == agreement_id))
    connection.execute(delete(t.agreements).where(t.agreements.c.id == agreement_id))


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One segment of a stored agreement text: heading, character span and text."""

    heading: str
    start: int
    end: int
    text: str


def find_matching(
    connection: Connection,
    ccodes: Sequence[int],
    signed: date | None,
    clearance: Sensitivity,
) -> list[str]:
    """Ids of agreements with exactly these parties, signed on ``signed`` (or that year).

    Used to attach an extracted text to the registry's record of the same agreement
    (a DCAD row, say) instead of creating a duplicate. Signing on the same day matches
    first; failing that, the same year.
    """
    wanted = sorted(set(ccodes))
    a, p = t.agreements, t.agreement_parties
    statement = select(a.c.id, a.c.signed).where(a.c.sensitivity <= int(clearance))
    for ccode in wanted:
        statement = statement.where(
            exists().where(and_(p.c.agreement_id == a.c.id, p.c.ccode == ccode))
        )
    if signed is not None:
        statement = statement.where(a.c.signed_year == signed.year)
    candidates = connection.execute(statement.order_by(a.c.id)).all()
    exact: list[str] = []
    same_year: list[str] = []
    for agreement_id, when in candidates:
        parties = connection.execute(
            select(p.c.ccode).where(p.c.agreement_id == agreement_id).distinct()
        ).scalars()
        if sorted(parties) != wanted:
            continue
        (exact if signed is not None and when == signed else same_year).append(agreement_id)
    return exact or same_year


def attach_text(
    connection: Connection,
    agreement_id: str,
    text: str,
    articles: Sequence[ArticleRow],
    provisions: Sequence[Provision],
) -> None:
    """Store an agreement's text, its articles and its extracted provisions.

    Replaces earlier extracted provisions and articles of the agreement; provisions
    coded by a dataset or entered by a user stay as they are.
    """
    a, pr = t.agreements, t.provisions
    connection.execute(update(a).where(a.c.id == agreement_id).values(text=text))
    connection.execute(delete(t.articles).where(t.articles.c.agreement_id == agreement_id))
    if articles:
        connection.execute(
            insert(t.articles),
            [
                {
                    "agreement_id": agreement_id,
                    "position": position,
                    "heading": article.heading[:200],
                    "start": article.start,
                    "end": article.end,
                    "text": article.text,
                }
                for position, article in enumerate(articles)
            ],
        )
    connection.execute(
        delete(pr).where(and_(pr.c.agreement_id == agreement_id, pr.c.method == "extracted"))
    )
    if provisions:
        connection.execute(
            insert(pr),
            [_provision_row(agreement_id, p) | {"method": "extracted"} for p in provisions],
        )


def _filtered(query: AgreementQuery, clearance: Sensitivity) -> Select[Any]:
    a = t.agreements
    statement = select(a).where(a.c.sensitivity <= int(clearance))
    p = t.agreement_parties
    for ccode in (query.party, query.partner):
        if ccode is not None:
            statement = statement.where(
                exists().where(and_(p.c.agreement_id == a.c.id, p.c.ccode == ccode))
            )
    if query.kinds:
        statement = statement.where(a.c.kind.in_(list(query.kinds)))
    if query.provision:
        pr = t.provisions
        statement = statement.where(
            exists().where(and_(pr.c.agreement_id == a.c.id, pr.c.label == query.provision))
        )
    if query.year_from is not None:
        statement = statement.where(a.c.signed_year >= query.year_from)
    if query.year_to is not None:
        statement = statement.where(a.c.signed_year <= query.year_to)
    if query.sources:
        s = t.agreement_sources
        statement = statement.where(
            or_(
                a.c.origin.in_(list(query.sources)),
                exists().where(
                    and_(s.c.agreement_id == a.c.id, s.c.dataset.in_(list(query.sources)))
                ),
            )
        )
    if query.text:
        pattern = f"%{query.text.lower()}%"
        statement = statement.where(
            or_(
                func.lower(a.c.title).like(pattern),
                func.lower(a.c.short_name).like(pattern),
                func.lower(a.c.notes).like(pattern),
                func.lower(a.c.text).like(pattern),
            )
        )
    if query.ids:
        statement = statement.where(a.c.id.in_(list(query.ids)))
    return statement


def count_agreements(connection: Connection, query: AgreementQuery, clearance: Sensitivity) -> int:
    """How many agreements match ``query`` (ignoring its limit) within ``clearance``."""
    inner = _filtered(query, clearance).subquery()
    return int(connection.execute(select(func.count()).select_from(inner)).scalar_one())


def search_agreements(
    connection: Connection, query: AgreementQuery, clearance: Sensitivity
) -> list[Agreement]:
    """Agreements matching ``query`` that ``clearance`` may read, by signing date then id."""
    a = t.agreements
    statement = _filtered(query, clearance).order_by(a.c.signed, a.c.id)
    if query.limit:
        statement = statement.limit(query.limit)
    rows = connection.execute(statement).mappings().all()
    return _hydrate(connection, rows)


def get_agreement(
    connection: Connection, agreement_id: str, clearance: Sensitivity
) -> Agreement | None:
    """One agreement by id, or None if it does not exist or is above ``clearance``."""
    found = search_agreements(connection, AgreementQuery(ids=(agreement_id,), limit=1), clearance)
    return found[0] if found else None


def agreement_text(connection: Connection, agreement_id: str) -> str | None:
    """The stored text of an agreement (callers check clearance first)."""
    return connection.execute(
        select(t.agreements.c.text).where(t.agreements.c.id == agreement_id)
    ).scalar_one_or_none()


def _hydrate(connection: Connection, rows: Sequence[Any]) -> list[Agreement]:
    ids = [row["id"] for row in rows]
    parties: dict[str, list[Party]] = {}
    sources: dict[str, list[SourceRef]] = {}
    provisions: dict[str, list[Provision]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        p = t.agreement_parties
        for row in connection.execute(
            select(p).where(p.c.agreement_id.in_(chunk)).order_by(p.c.agreement_id, p.c.id)
        ).mappings():
            parties.setdefault(row["agreement_id"], []).append(
                Party(
                    ccode=row["ccode"],
                    role=PartyRole(row["role"]),
                    name=row["name"],
                    joined=row["joined"],
                    left=row["left"],
                    phase=row["phase"],
                )
            )
        s = t.agreement_sources
        for row in connection.execute(
            select(s).where(s.c.agreement_id.in_(chunk)).order_by(s.c.dataset, s.c.source_id)
        ).mappings():
            sources.setdefault(row["agreement_id"], []).append(
                SourceRef(row["dataset"], row["source_id"], row["version"], row["note"])
            )
        pr = t.provisions
        for row in connection.execute(
            select(pr).where(pr.c.agreement_id.in_(chunk)).order_by(pr.c.agreement_id, pr.c.id)
        ).mappings():
            provisions.setdefault(row["agreement_id"], []).append(
                Provision(
                    label=row["label"],
                    grade=row["grade"],
                    source=row["source"],
                    method=row["method"],
                    confidence=row["confidence"],
                    evidence=row["evidence"],
                    article=row["article"],
                )
            )
    return [
        Agreement(
            id=row["id"],
            title=row["title"],
            kind=AgreementKind(row["kind"]),
            parties=parties.get(row["id"], []),
            short_name=row["short_name"],
            signed=row["signed"],
            in_force=row["in_force"],
            ended=row["ended"],
            status=AgreementStatus(row["status"]),
            sources=sources.get(row["id"], []),
            provisions=provisions.get(row["id"], []),
            sensitivity=Sensitivity(row["sensitivity"]),
            notes=row["notes"],
            attributes=dict(row["attributes"] or {}),
        )
        for row in rows
    ]


def audit(
    connection: Connection,
    actor: str,
    action: str,
    object_type: str,
    object_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Append one entry to the audit log (reads and changes alike)."""
    connection.execute(
        insert(t.audit_log).values(
            at=datetime.now(UTC),
            actor=actor,
            action=action,
            object_type=object_type,
            object_id=object_id,
            detail=detail,
        )
    )
