"""COW State System Membership v2016: state tenures, state-years and major powers.

Each state carries its ISO3 code (from ``country_converter`` on the COW name, with the
overrides below where the COW name is historical; computed once and shipped as a
crosswalk, so reading states needs no name matching) and its COW region.
"""

from __future__ import annotations

import csv
import logging
from datetime import date
from functools import cache
from pathlib import Path

import polars as pl

from foedus.datasets._io import read_release_csv
from foedus.datasets.catalog import bundled_file
from foedus.domain.states import MembershipSpell, State, cow_region

__all__ = [
    "ISO3_FILE",
    "compute_iso3",
    "read_iso3",
    "read_majors",
    "read_states",
    "read_system",
    "states",
]

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

#: The COW-code to ISO3 crosswalk Foedus ships, written by ``data-raw/cow_iso3.py``.
ISO3_FILE = Path(__file__).parent / "_derived" / "cow_iso3.csv"

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


def compute_iso3(names: list[tuple[int, str]]) -> dict[int, str | None]:
    """ISO3 for each (COW code, COW name) by ``country_converter``, with the overrides.

    Run by ``data-raw/cow_iso3.py`` to write the crosswalk Foedus ships, and by a test
    that checks the shipped file still agrees with ``country_converter``.
    """
    import country_converter as coco

    logger = logging.getLogger("country_converter.country_converter")
    previous = logger.level
    logger.setLevel(logging.ERROR)
    try:
        found = coco.CountryConverter().convert([name for _, name in names], to="ISO3",
                                                not_found=None)  # fmt: skip
    finally:
        logger.setLevel(previous)
    result: dict[int, str | None] = {}
    for (ccode, _), code in zip(names, found, strict=True):
        valid = isinstance(code, str) and len(code) == 3 and code.isupper()
        result[ccode] = ISO3_OVERRIDES.get(ccode, code if valid else None)
    return result


def read_iso3(path: Path | None = None) -> dict[int, str | None]:
    """The shipped COW-code to ISO3 crosswalk (``_derived/cow_iso3.csv``)."""
    with (path or ISO3_FILE).open(newline="", encoding="utf-8") as handle:
        return {int(row["ccode"]): row["iso3"] or None for row in csv.DictReader(handle)}


@cache
def states() -> tuple[State, ...]:
    """Every COW state with its spells, ISO3 code and region, sorted by COW code."""
    frame = read_states()
    names = frame.unique("ccode", keep="last", maintain_order=True).sort("ccode")
    iso_by_code = read_iso3()
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
            iso3=iso_by_code.get(row["ccode"]),
            region=cow_region(row["ccode"]),
            spells=tuple(sorted(spells[row["ccode"]], key=lambda spell: spell.start)),
        )
        for row in names.iter_rows(named=True)
    )
