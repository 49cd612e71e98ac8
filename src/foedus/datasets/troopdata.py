"""US military deployments abroad by host country and year, and US bases (troopdata).

The rebuilt country-year file (1950-2024) is keyed on COW codes; territories carry codes
of 1000 and above (Guam, Aden, Azores...), which match no COW state. A few host-years
appear twice under two spellings of the country's name (Czechia / Czech Republic), one
of them all zeros; :func:`read_troops` sums them to one row per host-year. The file
codes West Germany 255 throughout; COW numbers it 260 while it is a member
(1955-1990), so those host-years are recoded to 260.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from foedus.datasets._io import read_release_csv
from foedus.datasets.catalog import bundled_file

__all__ = ["TROOP_COLUMNS", "TROOPS_COVERAGE", "read_bases", "read_troops"]

TROOPS_COVERAGE = (1950, 2024)
#: Active-duty counts by service, then civilians, as in the release.
TROOP_COLUMNS = ("troops_ad", "army_ad", "navy_ad", "air_force_ad", "marine_corps_ad",
                 "total_civilian")  # fmt: skip


def read_troops(path: Path | None = None) -> pl.DataFrame:
    """US personnel by host country-year: ``ccode, year`` and :data:`TROOP_COLUMNS`."""
    schema = {"ccode": pl.Int64, "year": pl.Int64} | dict.fromkeys(TROOP_COLUMNS, pl.Int64)
    frame = read_release_csv(
        path or bundled_file("troopdata", "troopdata-rebuild-country-year.csv"), schema
    )
    west_germany = (pl.col("ccode") == 255) & pl.col("year").is_between(1955, 1990)
    frame = frame.with_columns(
        pl.when(west_germany).then(260).otherwise(pl.col("ccode")).alias("ccode")
    )
    return (
        frame.group_by("ccode", "year")
        .agg(pl.col(c).sum() for c in TROOP_COLUMNS)
        .sort("ccode", "year")
    )


def read_bases(path: Path | None = None) -> pl.DataFrame:
    """US base sites (Latin-1 file): ``ccode, countryname, basename, lat, lon, base,
    lilypad, fundedsite``.
    """
    schema = {"ccode": pl.Int64, "countryname": pl.String, "basename": pl.String,
              "lat": pl.Float64, "lon": pl.Float64, "base": pl.Int64, "lilypad": pl.Int64,
              "fundedsite": pl.Int64}  # fmt: skip
    return read_release_csv(
        path or bundled_file("troopdata", "basedata.csv"), schema, encoding="latin-1"
    )
