"""COW State System Membership v2016: state tenures, state-years and major powers.

Each state carries its ISO3 code (from ``country_converter`` on the COW name, with the
overrides below where the COW name is historical) and its COW region.
"""

from __future__ import annotations

import logging
from datetime import date
from functools import cache
from pathlib import Path

import polars as pl

from foedus.datasets._io import read_release_csv
from foedus.datasets.catalog import bundled_file
from foedus.domain.states import MembershipSpell, State, cow_region

__all__ = ["read_majors", "read_states", "read_system", "states"]

_DATE_COLUMNS = {
    "styear": pl.Int64,
    "stmonth": pl.Int64,
    "stday": pl.Int64,
    "endyear": pl.Int64,
    "endmonth": pl.Int64,
    "endday": pl.Int64,
}
STATES_SCHEMA = {"stateabb": pl.String, "ccode": pl.Int64, "statenme": pl.String} | _DATE_COLUMNS
SYSTEM_SCHEMA = {"stateabb": pl.String, "ccode": pl.Int64, "year": pl.Int64}
MAJORS_SCHEMA = {"stateabb": pl.String, "ccode": pl.Int64} | _DATE_COLUMNS

#: ISO3 for COW states whose COW name country_converter cannot place (None: no ISO3).
ISO3_OVERRIDES: dict[int, str | None] = {
    260: "DEU",  # German Federal Republic (West Germany)
    300: None,  # Austria-Hungary
    345: "SRB",  # Yugoslavia, continued by Serbia
}


def read_states(path: Path | None = None) -> pl.DataFrame:
    """State tenures (``states2016.csv``): one row per continuous membership spell."""
    return read_release_csv(path or bundled_file("cow_states", "states2016.csv"), STATES_SCHEMA)


def read_system(path: Path | None = None) -> pl.DataFrame:
    """State-years of system membership (``system2016.csv``)."""
    return read_release_csv(path or bundled_file("cow_states", "system2016.csv"), SYSTEM_SCHEMA)


def read_majors(path: Path | None = None) -> pl.DataFrame:
    """Major-power spells (``majors2016.csv``)."""
    return read_release_csv(path or bundled_file("cow_states", "majors2016.csv"), MAJORS_SCHEMA)


@cache
def states() -> tuple[State, ...]:
    """Every COW state with its spells, ISO3 code and region, sorted by COW code."""
    import country_converter as coco

    frame = read_states()
    names = frame.unique("ccode", keep="last", maintain_order=True).sort("ccode")
    coco_logger = logging.getLogger("country_converter.country_converter")
    previous = coco_logger.level
    coco_logger.setLevel(logging.ERROR)
    try:
        iso = coco.CountryConverter().convert(
            names["statenme"].to_list(), to="ISO3", not_found=None
        )
    finally:
        coco_logger.setLevel(previous)
    iso_by_code: dict[int, str | None] = {}
    for ccode, code in zip(names["ccode"].to_list(), iso, strict=True):
        valid = isinstance(code, str) and len(code) == 3 and code.isupper()
        iso_by_code[ccode] = ISO3_OVERRIDES.get(ccode, code if valid else None)
    spells: dict[int, list[MembershipSpell]] = {}
    for row in frame.iter_rows(named=True):
        spells.setdefault(row["ccode"], []).append(
            MembershipSpell(
                date(row["styear"], row["stmonth"], row["stday"]),
                date(row["endyear"], row["endmonth"], row["endday"]),
            )
        )
    return tuple(
        State(
            ccode=row["ccode"],
            abbreviation=row["stateabb"].strip(),
            name=row["statenme"],
            iso3=iso_by_code[row["ccode"]],
            region=cow_region(row["ccode"]),
            spells=tuple(sorted(spells[row["ccode"]], key=lambda spell: spell.start)),
        )
        for row in names.iter_rows(named=True)
    )
