"""Distances between states: Gleditsch's capdist, CShapes minimum distance, COW capitals.

``capdist.csv`` numbers states with **Gleditsch-Ward** codes, not COW codes. They mostly
agree, and where they do not, a guess is wrong in both directions (G&W 970 is Kiribati,
COW 970 is Nauru). :func:`cow_to_gw` is the crosswalk, state-year by state-year, taken
from Gleditsch and Ward's list of independent states (1999, with the 2017 microstates
update); map both sides of a COW dyad-year with it, then join capdist on G&W codes.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from foedus.datasets._io import read_release_csv
from foedus.datasets.catalog import bundled_file
from foedus.errors import DataError

__all__ = [
    "COW_TO_GW",
    "MINDIST_COVERAGE",
    "cow_to_gw",
    "read_capdist",
    "read_capitals",
    "read_mindist",
]

#: First and last year of the CShapes 2.0 minimum distances.
MINDIST_COVERAGE = (1886, 2019)

#: COW code -> [(first year, last year, G&W code)] where the two lists differ; every other
#: COW code is the same number in G&W. Unified Germany continues the G&W Federal Republic
#: (260); unified Yemen continues G&W 678; G&W numbers Serbia 340 before 1918 and after
#: 2006 and the microstates in the 970s.
COW_TO_GW: dict[int, tuple[tuple[int, int, int], ...]] = {
    255: ((1816, 1945, 255), (1990, 9999, 260)),
    345: ((1816, 1917, 340), (1918, 2006, 345), (2007, 9999, 340)),
    679: ((1990, 9999, 678),),
    946: ((1816, 9999, 970),),  # Kiribati
    947: ((1816, 9999, 973),),  # Tuvalu
    955: ((1816, 9999, 972),),  # Tonga
    970: ((1816, 9999, 971),),  # Nauru
}


def cow_to_gw(code: str = "ccode", year: str = "year") -> pl.Expr:
    """An expression giving the G&W code of the COW code in column ``code`` in ``year``.

    >>> frame = pl.DataFrame({"ccode": [255, 255, 2, 970], "year": [1900, 2000, 2000, 2000]})
    >>> frame.select(cow_to_gw()).to_series().to_list()
    [255, 260, 2, 971]
    """
    expr = pl.col(code)
    for cow, spells in COW_TO_GW.items():
        for first, last, gw in spells:
            expr = (
                pl.when((pl.col(code) == cow) & pl.col(year).is_between(first, last))
                .then(gw)
                .otherwise(expr)
            )
    return expr


def read_capdist(path: Path | None = None) -> pl.DataFrame:
    """Gleditsch's capital-to-capital distances on G&W codes: ``gw1, gw2, kmdist``.

    The file repeats G&W 345 twice, once labelled SER (Serbia, which G&W numbers 340) and
    once YUG; the SER rows become 340. ``midist`` is not read: it is ``kmdist`` in miles
    and carries one unreadable cell (NOR-RUS, ``s``). Duplicated pairs must agree.
    """
    source = path or bundled_file("distance", "capdist.csv")
    schema = {"numa": pl.Int64, "ida": pl.String, "numb": pl.Int64, "idb": pl.String,
              "kmdist": pl.Float64}  # fmt: skip
    frame = read_release_csv(source, schema).select(
        pl.when(pl.col("ida") == "SER").then(340).otherwise(pl.col("numa")).alias("gw1"),
        pl.when(pl.col("idb") == "SER").then(340).otherwise(pl.col("numb")).alias("gw2"),
        "kmdist",
    )
    clash = frame.group_by("gw1", "gw2").agg(pl.col("kmdist").n_unique().alias("n"))
    if clash.filter(pl.col("n") > 1).height:
        raise DataError(f"{source}: capdist gives two distances for one pair of states")
    return frame.unique(["gw1", "gw2"]).sort("gw1", "gw2")


def read_capitals(path: Path | None = None) -> pl.DataFrame:
    """COW capitals with their dates and coordinates (peacesciencer's ``capitals``).

    Columns ``ccode, capital, stdate, enddate, lat, lng``; a state that moved its capital
    has one row per capital.
    """
    schema = {"ccode": pl.Int64, "capital": pl.String, "stdate": pl.String,
              "enddate": pl.String, "lat": pl.Float64, "lng": pl.Float64}  # fmt: skip
    frame = read_release_csv(path or bundled_file("distance", "peacesciencer_cow_capitals.csv"),
                             schema)  # fmt: skip
    return frame.with_columns(pl.col("stdate", "enddate").str.to_date("%Y-%m-%d"))


def read_mindist(path: Path | None = None) -> pl.DataFrame:
    """CShapes 2.0 minimum distances (km), non-directed: ``ccode1 < ccode2, year, mindist``."""
    schema = {"ccode1": pl.Int64, "ccode2": pl.Int64, "year": pl.Int64, "mindist": pl.Float64}
    return read_release_csv(
        path or bundled_file("distance", "peacesciencer_cow_mindist.csv"), schema
    )
