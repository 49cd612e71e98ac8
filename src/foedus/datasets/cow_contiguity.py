"""COW Direct Contiguity v3.2 master records, directed (as processed by peacesciencer).

Each record gives a contiguity type for a directed dyad between a start and an end month.
The day in ``stdate``/``enddate`` carries no information (peacesciencer wrote the first of
the month), so only year and month are kept. ``conttype`` 1 is land or river contiguity,
2-5 separation by up to 12, 24, 150 and 400 miles of water, and 0 peacesciencer's filler
for months inside a dyad's record with no contiguity.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from foedus.datasets._io import read_release_csv
from foedus.datasets.catalog import bundled_file

__all__ = ["COVERAGE", "read_contiguity"]

#: First and last year the master records cover.
COVERAGE = (1816, 2016)
FILE = "peacesciencer_cow_contdir.csv"
_SCHEMA = {
    "ccode1": pl.Int64,
    "ccode2": pl.Int64,
    "conttype": pl.Int64,
    "stdate": pl.String,
    "enddate": pl.String,
}


def read_contiguity(path: Path | None = None) -> pl.DataFrame:
    """Directed contiguity records: ``ccode1, ccode2, conttype`` and start/end year and month.

    Returns ``styear, stmonth, endyear, endmonth`` (the meaningless day is dropped) and
    ``record`` (the row's position in the file, which orders records that start in the
    same month).
    """
    frame = read_release_csv(path or bundled_file("cow_contiguity", FILE), _SCHEMA)
    return frame.select(
        pl.int_range(pl.len()).alias("record"),
        "ccode1",
        "ccode2",
        "conttype",
        pl.col("stdate").str.slice(0, 4).cast(pl.Int64).alias("styear"),
        pl.col("stdate").str.slice(5, 2).cast(pl.Int64).alias("stmonth"),
        pl.col("enddate").str.slice(0, 4).cast(pl.Int64).alias("endyear"),
        pl.col("enddate").str.slice(5, 2).cast(pl.Int64).alias("endmonth"),
    )
