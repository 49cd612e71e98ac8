"""Searching the registry and profiling a country, from what a user types."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, select

from foedus.datasets.countries import resolve_country, state_by_code
from foedus.domain.agreements import AgreementKind
from foedus.domain.provisions import ATOP_VARIABLES, PROVISION_LABELS
from foedus.domain.sensitivity import Sensitivity
from foedus.errors import DataError, NotFound
from foedus.storage import schema as t
from foedus.storage.queries import capabilities_frame
from foedus.storage.repository import (
    AgreementQuery,
    audit,
    count_agreements,
    get_agreement,
    search_agreements,
)

__all__ = ["SearchResult", "country_profile", "parse_provision", "search", "show"]

_ATOP_TO_LABEL = {variable.lower(): label for label, variable in ATOP_VARIABLES.items()}


def parse_provision(value: str) -> str:
    """A taxonomy label from a label name or an ATOP variable (``DEFENSE``, ``milaid``...)."""
    key = value.strip().lower()
    if key in PROVISION_LABELS:
        return key
    if key in _ATOP_TO_LABEL:
        return _ATOP_TO_LABEL[key]
    raise DataError(
        f"unknown provision {value!r}; use a label ({', '.join(PROVISION_LABELS)}) "
        f"or an ATOP variable ({', '.join(sorted(v.upper() for v in _ATOP_TO_LABEL))})"
    )


def _parse_kinds(kinds: Sequence[str]) -> list[str]:
    valid = [kind.value for kind in AgreementKind]
    for kind in kinds:
        if kind not in valid:
            raise DataError(f"unknown kind {kind!r}; use one of {', '.join(valid)}")
    return list(kinds)


@dataclass(slots=True)
class SearchResult:
    """Matching agreements (up to the limit) and how many matched in all."""

    agreements: list[Any]
    total: int


def search(
    engine: Engine,
    *,
    party: str | None = None,
    partner: str | None = None,
    kinds: Sequence[str] = (),
    provision: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    sources: Sequence[str] = (),
    text: str | None = None,
    limit: int = 50,
    clearance: Sensitivity = Sensitivity.PUBLIC,
    actor: str = "cli",
) -> SearchResult:
    """Agreements matching the filters, countries given as names, ISO3 or COW codes.

    An unknown country raises :class:`~foedus.errors.UnknownCountry` with the closest
    names; an unknown kind or provision raises :class:`~foedus.errors.DataError`.
    """
    query = AgreementQuery(
        party=resolve_country(party) if party else None,
        partner=resolve_country(partner) if partner else None,
        kinds=_parse_kinds(kinds),
        provision=parse_provision(provision) if provision else None,
        year_from=year_from,
        year_to=year_to,
        sources=list(sources),
        text=text,
        limit=max(limit, 0),
    )
    with engine.begin() as connection:
        found = search_agreements(connection, query, clearance)
        total = count_agreements(connection, query, clearance)
        audit(connection, actor, "search", "agreement", None, {"matched": total})
    return SearchResult(found, total)


def show(
    engine: Engine,
    agreement_id: str,
    *,
    clearance: Sensitivity = Sensitivity.PUBLIC,
    actor: str = "cli",
) -> Any:
    """One agreement; :class:`~foedus.errors.NotFound` if absent or above ``clearance``.

    The two cases give the same answer, so a reader learns nothing about what is above
    their clearance.
    """
    with engine.begin() as connection:
        agreement = get_agreement(connection, agreement_id, clearance)
        if agreement is None:
            raise NotFound(f"no agreement {agreement_id!r}")
        audit(connection, actor, "read", "agreement", agreement_id)
    return agreement


def country_profile(
    engine: Engine,
    country: str,
    *,
    nmc_version: str = "7.0",
    clearance: Sensitivity = Sensitivity.PUBLIC,
) -> dict[str, Any]:
    """A state's record: identity, agreements signed per year by source, partners, CINC.

    ``partners`` counts the agreements shared with each other state (any source);
    ``capability`` is the NMC series of the chosen release.
    """
    ccode = resolve_country(country)
    state = state_by_code(ccode)
    a, p = t.agreements, t.agreement_parties
    own = p.alias("own")
    theirs = a.c.id.in_(select(own.c.agreement_id).where(own.c.ccode == ccode))
    visible = a.c.sensitivity <= int(clearance)
    with engine.connect() as connection:
        by_year = connection.execute(
            select(a.c.signed_year, a.c.origin, func.count())
            .where(visible, theirs)
            .group_by(a.c.signed_year, a.c.origin)
        ).all()
        partners = connection.execute(
            select(p.c.ccode, func.count(func.distinct(p.c.agreement_id)).label("shared"))
            .join(a, a.c.id == p.c.agreement_id)
            .where(visible, theirs, p.c.ccode != ccode)
            .group_by(p.c.ccode)
            .order_by(func.count(func.distinct(p.c.agreement_id)).desc(), p.c.ccode)
        ).all()
    per_year: dict[int, Counter[str]] = {}
    for year, origin, count in by_year:
        if year is not None:
            per_year.setdefault(year, Counter())[origin] += count
    capability = capabilities_frame(engine, nmc_version, [ccode])
    return {
        "ccode": ccode,
        "abbreviation": state.abbreviation,
        "name": state.name,
        "iso3": state.iso3,
        "region": state.region,
        "membership": [
            {"start": s.start.isoformat(), "end": s.end.isoformat()} for s in state.spells
        ],
        "agreements": sum(count for _, _, count in by_year),
        "agreements_by_year": [
            {"year": year, **dict(sorted(counts.items()))}
            for year, counts in sorted(per_year.items())
        ],
        "partners": [
            {"ccode": code, "name": _name(code), "agreements": count} for code, count in partners
        ],
        "capability": {
            "nmc_version": nmc_version,
            "series": capability.select(["year", "cinc", "milex", "milper"]).to_dicts()
            if capability.height
            else [],
        },
    }


def _name(ccode: int) -> str:
    try:
        return state_by_code(ccode).name
    except NotFound:
        return str(ccode)
