"""Militarized Interstate Disputes: GML MID 2.2.1 and COW MID 5.0, as peacesciencer ships them.

Readers, all on COW codes:

* :func:`read_gml_dyad_years` - GML directed dispute dyad-years, one row per directed
  dyad-year (peacesciencer already whittled years with several disputes to one), 1816-2010.
* :func:`read_gml_disputes` - GML dispute level, one row per dispute.
* :func:`read_gml_participants` - GML participant level, one row per state per dispute,
  with start and end dates (``-9`` days are null).
* :func:`read_cow_mid_dyad_years` - COW MID 5.0 directed dispute dyad-years, 1816-2014.

Network analytics can build dispute networks from the participant or dyad-year frames;
the panels use them for ``gmlmidonset``/``gmlmidongoing`` and ``cowmidonset``/``cowmidongoing``.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from foedus.datasets._io import read_release_csv
from foedus.datasets.catalog import bundled_file

__all__ = [
    "COW_MID_COVERAGE",
    "GML_COVERAGE",
    "read_cow_mid_dyad_years",
    "read_gml_disputes",
    "read_gml_dyad_years",
    "read_gml_participants",
]

GML_COVERAGE = (1816, 2010)
COW_MID_COVERAGE = (1816, 2014)

_DYAD_COLUMNS = (
    "dispnum", "ccode1", "ccode2", "year", "sidea1", "sidea2", "fatality1", "fatality2",
    "fatalpre1", "fatalpre2", "hiact1", "hiact2", "hostlev1", "hostlev2", "orig1", "orig2",
    "fatality", "hostlev", "recip", "mindur", "maxdur", "stmon",
)  # fmt: skip


def _dyad_years(path: Path, prefix: str) -> pl.DataFrame:
    onset, ongoing = f"{prefix}midonset", f"{prefix}midongoing"
    schema = dict.fromkeys((*_DYAD_COLUMNS, onset, ongoing), pl.Int64)
    frame = read_release_csv(path, schema)
    return frame.select("dispnum", "ccode1", "ccode2", "year", ongoing, onset,
                        *_DYAD_COLUMNS[4:])  # fmt: skip


def read_gml_dyad_years(path: Path | None = None) -> pl.DataFrame:
    """GML directed dispute dyad-years: keys ``ccode1, ccode2, year``, ``gmlmidonset``,
    ``gmlmidongoing``, ``dispnum`` and the side, fatality, action and hostility codes.
    """
    return _dyad_years(path or bundled_file("mid", "peacesciencer_gml_mid_ddydisps.csv"), "gml")


def read_cow_mid_dyad_years(path: Path | None = None) -> pl.DataFrame:
    """COW MID 5.0 directed dispute dyad-years (``cowmidonset``, ``cowmidongoing``...)."""
    return _dyad_years(path or bundled_file("mid", "peacesciencer_cow_mid_ddydisps.csv"), "cow")


def read_gml_disputes(path: Path | None = None) -> pl.DataFrame:
    """GML disputes: ``dispnum, styear, stmon, outcome, settle, fatality, mindur, maxdur,
    hiact, hostlev, recip``.
    """
    names = ("dispnum", "styear", "stmon", "outcome", "settle", "fatality", "mindur",
             "maxdur", "hiact", "hostlev", "recip")  # fmt: skip
    return read_release_csv(
        path or bundled_file("mid", "peacesciencer_gml_mid_disps.csv"),
        dict.fromkeys(names, pl.Int64),
    )


def read_gml_participants(path: Path | None = None) -> pl.DataFrame:
    """GML participants: ``dispnum, ccode, styear, stmon, stday, endyear, endmon, endday,
    sidea, hiact, orig``; unknown days (``-9``) are null.
    """
    names = ("dispnum", "ccode", "styear", "stmon", "stday", "endyear", "endmon", "endday",
             "sidea", "hiact", "orig")  # fmt: skip
    frame = read_release_csv(
        path or bundled_file("mid", "peacesciencer_gml_part.csv"),
        dict.fromkeys(names, pl.Int64),
    )
    return frame.with_columns(
        [
            pl.when(pl.col(c) == -9).then(None).otherwise(pl.col(c)).alias(c)
            for c in ("stday", "endday", "stmon", "endmon")
        ]
    )
