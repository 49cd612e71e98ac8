"""Multinational Military Exercises (MME v7, Kuo and Blankenship), 1980-2010, on COW codes.

The long file (exercise-country-year) carries Gleditsch-Ward codes added by the
``countrycode`` package, and none for some participants. :func:`read_mme_participants`
maps every participant to a COW code:

* by G&W code, state-year by state-year (:data:`GW_TO_COW`): G&W 260 is COW 255 from the
  unification of Germany (3 October 1990), G&W 678 is COW 679 from the unification of
  Yemen (22 May 1990), G&W 340 (Serbia) is COW 345;
* G&W 817 (the Republic of Vietnam, gone in 1975) on a "Vietnam" of 1980-2010 is COW 816;
* participants with no G&W code by name (:data:`NAME_TO_COW`: microstates and Yemen);
* non-state participants (NATO, "Baltic States", territories such as Bermuda or Hong
  Kong, and ``-9`` unknowns) get no code and are left out.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from foedus.datasets._io import read_release_csv
from foedus.datasets.catalog import bundled_file

__all__ = [
    "GW_TO_COW",
    "MME_COVERAGE",
    "NAME_TO_COW",
    "read_mme_exercises",
    "read_mme_participants",
]

MME_COVERAGE = (1980, 2010)

#: G&W code -> COW code for exercises starting on or after the date (YYYYMMDD); before it
#: the number is the same in both lists.
GW_TO_COW: dict[int, tuple[int, int]] = {
    260: (19901003, 255),
    678: (19900522, 679),
    340: (0, 345),
}

#: Participants the long file leaves without a G&W code, by name, with their COW code.
NAME_TO_COW: dict[str, int] = {
    "Antigua & Barbuda": 58,
    "Dominica": 54,
    "Grenada": 55,
    "Palau": 986,
    "Seychelles": 591,
    "St. Kitts & Nevis": 60,
    "st. christopher": 60,
    "St. Lucia": 56,
    "St. Vincent & Grenadines": 57,
    "São Tomé & Príncipe": 403,
    "Tonga": 955,
    "Vanuatu": 935,
}

_EXERCISE_SCHEMA = {
    "MMEID": pl.String, "Ex_Name": pl.String, "Series_Name": pl.String, "Location": pl.String,
    "s.year": pl.Int64, "e.year": pl.Int64, "CPX": pl.Int64, "Air": pl.Int64, "Land": pl.Int64,
    "Sea": pl.Int64, "Amphibious": pl.Int64, "Cyber": pl.Int64, "Warfighting": pl.Int64,
    "Peacekeeping": pl.Int64, "Humanitarian": pl.Int64,
}  # fmt: skip


def read_mme_exercises(path: Path | None = None) -> pl.DataFrame:
    """One row per exercise: id, names, location, start and end year, domain and focus flags.

    Participants are in :func:`read_mme_participants` (the wide file lists them only as
    free-text names).
    """
    frame = read_release_csv(path or bundled_file("mme", "mme_v7.csv"), _EXERCISE_SCHEMA)
    return frame.rename({"s.year": "start_year", "e.year": "end_year"})


def read_mme_participants(path: Path | None = None) -> pl.DataFrame:
    """Exercise-participant-years on COW codes: ``mmeid, ccode, year`` plus the G&W code and
    name as given; one row per exercise, participant and year, non-state participants
    left out.
    """
    schema = {"MMEID": pl.String, "gwcode": pl.Int64, "country": pl.String, "year": pl.Int64,
              "s.year": pl.Int64, "s.month": pl.Int64, "s.day": pl.String}  # fmt: skip
    frame = read_release_csv(
        path or bundled_file("mme", "mme-v7-long.csv"), schema, null_values=["", "NA"]
    )
    day = pl.col("s.day").cast(pl.Int64, strict=False).fill_null(1)
    start = pl.col("s.year") * 10000 + pl.col("s.month").fill_null(1) * 100 + day
    ccode = pl.col("gwcode")
    for gw, (since, cow) in GW_TO_COW.items():
        ccode = pl.when((pl.col("gwcode") == gw) & (start >= since)).then(cow).otherwise(ccode)
    ccode = pl.when((pl.col("gwcode") == 817) & (pl.col("year") > 1975)).then(816).otherwise(ccode)
    by_name = pl.col("country").replace_strict(NAME_TO_COW, default=None, return_dtype=pl.Int64)
    mapped = frame.with_columns(pl.coalesce(ccode, by_name).alias("ccode"))
    return (
        mapped.filter(pl.col("ccode").is_not_null())
        .select(pl.col("MMEID").alias("mmeid"), "ccode", "year", "gwcode", "country")
        .unique(["mmeid", "ccode", "year"], maintain_order=True)
    )
