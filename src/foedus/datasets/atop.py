"""ATOP 5.1 (Leeds et al.): alliances, their phases and member spells, 1815-2018.

Foedus takes its alliances from ATOP only. The maintainer of the COW Formal Alliances
data asks that software neither distribute nor facilitate that dataset, so ATOP's
cross-reference columns to it (``cowid``, ``cow4id``) are not loaded.

ATOP's obligation and provision variables map to the provision taxonomy; graded codes
(MILCON 0-3, BASE 0-3, MILAID 0-4, ORGAN1 1-3...) keep their grade. Every ATOP code
of an alliance is also kept under ``attributes["atop"]`` as coded.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl

from foedus.datasets._io import read_release_csv
from foedus.datasets.catalog import bundled_file
from foedus.domain.agreements import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Party,
    Provision,
    SourceRef,
)

__all__ = [
    "ATOP_PROVISIONS",
    "atop_agreements",
    "read_alliances",
    "read_members",
    "read_phases",
]

VERSION = "5.1"
#: ATOP variable (lower case, as in the files) -> taxonomy label; a code > 0 means present.
#: MILCON grade 3 (integrated command in peacetime, joint bases) is integrated_command.
ATOP_PROVISIONS: dict[str, str] = {
    "defense": "mutual_defense",
    "offense": "offensive_support",
    "neutral": "neutrality",
    "nonagg": "non_aggression",
    "consul": "consultation",
    "base": "basing_access",
    "milaid": "military_aid",
    "intcom": "integrated_command",
    "organ1": "institutional_body",
    "medarb": "dispute_resolution",
}
_CODES = (
    "ineffect", "bilat", "maxphase", "wartime", "estmode", "pubsecr", "secrart", "proadd",
    "futmem", "speclgth", "length", "renounce", "proren", "renewlgt", "term", "defense",
    "offense", "neutral", "nonagg", "consul", "active", "conditio", "defcon", "offcon", "neucon",
    "concon", "asymm", "notaiden", "dipaid", "terrres", "seppeace", "thirdcom", "noothall",
    "specthrt", "statthr1", "statthr2", "conwtin", "medarb", "milcon", "milaid", "intcom",
    "subord", "organ1", "orgpurp1", "organ2", "orgpurp2", "base", "contrib", "armred", "acqterr",
    "divgains", "demwith", "reflnun", "refothio", "natrefal", "compag", "nomicoop", "conres",
    "agprois", "conmen", "ecaid", "interv",
)  # fmt: skip
_DATES = ("begyr", "begmo", "begday", "endyr", "endmo", "endday")
ALLIANCE_SCHEMA = {"atopid": pl.Int64} | dict.fromkeys(_DATES + _CODES, pl.Int64)
PHASE_SCHEMA = {"atopid": pl.Int64, "atopidphase": pl.Float64, "phase": pl.Int64} | dict.fromkeys(
    _DATES + _CODES, pl.Int64
)
_MEMBER_COLUMNS = (
    "atopid", "member", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit", "phase",
    "ineffect", "bilat", "defense", "offense", "neutral", "nonagg", "consul",
)  # fmt: skip
MEMBER_SCHEMA = dict.fromkeys(_MEMBER_COLUMNS, pl.Int64)


def read_alliances(path: Path | None = None) -> pl.DataFrame:
    """Alliance-level file (``atop5_1a.csv``): one row per ``atopid``, every code typed."""
    return read_release_csv(path or bundled_file("atop", "atop5_1a.csv"), ALLIANCE_SCHEMA)


def read_phases(path: Path | None = None) -> pl.DataFrame:
    """Alliance-phase file (``atop5_1aph.csv``): one row per ``atopidphase``."""
    return read_release_csv(path or bundled_file("atop", "atop5_1aph.csv"), PHASE_SCHEMA)


def read_members(path: Path | None = None) -> pl.DataFrame:
    """Member file (``atop5_1m.csv``): one row per member per phase with entry and exit.

    Key rows on (atopid, member, phase, yrent): three members leave and re-enter.
    ``yrexit == 0`` means the member had not left by the end of 2018.
    """
    return read_release_csv(path or bundled_file("atop", "atop5_1m.csv"), MEMBER_SCHEMA)


def _date(year: int | None, month: int | None, day: int | None) -> date | None:
    if not year:
        return None
    return date(year, month or 1, day or 1)


_NOUNS = {
    AgreementKind.MUTUAL_DEFENSE_TREATY: "Defense pact",
    AgreementKind.NON_AGGRESSION: "Non-aggression pact",
    AgreementKind.ALLIANCE_OTHER: "Alliance",
}


def _list_names(parties: list[Party]) -> str:
    names = sorted({party.name or str(party.ccode) for party in parties})
    if len(names) > 4:
        return f"{', '.join(names[:3])} and {len(names) - 3} others"
    return " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)


def _kind(row: dict[str, int | None]) -> AgreementKind:
    if row["defense"]:
        return AgreementKind.MUTUAL_DEFENSE_TREATY
    if row["nonagg"] and not (row["offense"] or row["neutral"] or row["consul"]):
        return AgreementKind.NON_AGGRESSION
    return AgreementKind.ALLIANCE_OTHER


def atop_agreements(
    alliances: pl.DataFrame,
    members: pl.DataFrame,
    names: dict[int, str],
    phases: pl.DataFrame | None = None,
) -> list[Agreement]:
    """Map ATOP alliances, their member spells and phases to registry agreements.

    The kind is ``mutual_defense_treaty`` when DEFENSE is coded, ``non_aggression`` for
    pure non-aggression pacts, ``alliance_other`` otherwise. ``names`` maps COW codes to
    state names for the generated titles. Alliances whose terms changed over time have
    phases (``atop5_1aph.csv``); each phase's dates and codes are kept, in order, under
    ``attributes["atop_phases"]`` (alliances of one phase have none).
    """
    by_alliance: dict[int, list[dict[str, object]]] = {}
    if phases is not None:
        for row in phases.filter(pl.col("phase") > 0).sort("atopid", "phase").iter_rows(named=True):
            by_alliance.setdefault(row["atopid"], []).append(
                {"phase": row["phase"]}
                | {name: row[name] for name in _DATES + _CODES if row[name] is not None}
            )
    spells: dict[int, list[Party]] = {}
    for row in members.sort(["atopid", "phase", "member", "yrent"]).iter_rows(named=True):
        spells.setdefault(row["atopid"], []).append(
            Party(
                ccode=row["member"],
                name=names.get(row["member"]),
                joined=_date(row["yrent"], row["moent"], row["dayent"]),
                left=_date(row["yrexit"], row["moexit"], row["dayexit"]),
                phase=row["phase"] or None,
            )
        )
    agreements = []
    for row in alliances.iter_rows(named=True):
        parties = spells.get(row["atopid"], [])
        kind = _kind(row)
        provisions = [
            Provision(label=label, grade=row[variable], source=f"atop:{variable.upper()}")
            for variable, label in ATOP_PROVISIONS.items()
            if row[variable] and row[variable] > 0
        ]
        if row["milcon"] == 3 and not row["intcom"]:
            provisions.append(Provision("integrated_command", grade=3, source="atop:MILCON"))
        ended = _date(row["endyr"], row["endmo"], row["endday"])
        agreements.append(
            Agreement(
                id=f"atop:{row['atopid']}",
                title=f"{_NOUNS[kind]} of {_list_names(parties)}, {row['begyr']} "
                f"(ATOP {row['atopid']})",
                short_name=f"ATOP {row['atopid']}",
                kind=kind,
                parties=parties,
                signed=_date(row["begyr"], row["begmo"], row["begday"]),
                in_force=_date(row["begyr"], row["begmo"], row["begday"]),
                ended=ended,
                status=AgreementStatus.ENDED if ended else AgreementStatus.IN_FORCE,
                sources=[SourceRef("atop", str(row["atopid"]), VERSION)],
                provisions=provisions,
                attributes={"atop": {name: row[name] for name in _CODES if row[name] is not None}}
                | (
                    {"atop_phases": by_alliance[row["atopid"]]}
                    if row["atopid"] in by_alliance
                    else {}
                ),  # fmt: skip
            )
        )
    return agreements
