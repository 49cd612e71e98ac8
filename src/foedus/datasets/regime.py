"""Regime type: peacesciencer's COW state-year democracy scores and Polity5 (p5v2018).

``read_democracy`` gives V-Dem's polyarchy index, Polity's ``polity2`` and Marquez's
extended UDS by COW code and year (1816-2020), as peacesciencer's ``add_democracy`` uses
them. ``read_polity`` gives the full Polity5 release; its special codes -66
(interruption), -77 (interregnum) and -88 (transition) are missing values in
``democ``/``autoc``/``polity`` (the raw code is kept in ``polity_code``), and Polity's own
country numbering is close to COW's but not identical.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from foedus.datasets._io import read_release_csv
from foedus.datasets.catalog import bundled_file

__all__ = ["DEMOCRACY_COLUMNS", "POLITY_SPECIAL_CODES", "read_democracy", "read_polity"]

DEMOCRACY_COLUMNS = ("v2x_polyarchy", "polity2", "xm_qudsest")
POLITY_SPECIAL_CODES = (-66, -77, -88)


def read_democracy(path: Path | None = None) -> pl.DataFrame:
    """COW state-years with ``v2x_polyarchy``, ``polity2`` and ``xm_qudsest`` (nulls kept)."""
    schema = {"ccode": pl.Int64, "year": pl.Int64} | dict.fromkeys(DEMOCRACY_COLUMNS, pl.Float64)
    return read_release_csv(
        path or bundled_file("regime", "peacesciencer_ccode_democracy.csv"), schema
    )


def read_polity(path: Path | None = None) -> pl.DataFrame:
    """Polity5 country-years: ``ccode`` (Polity's numbering), ``scode``, ``country``, ``year``,
    ``democ``, ``autoc``, ``polity``, ``polity2``, ``durable``, with special codes as null.
    """
    schema = {"ccode": pl.Int64, "scode": pl.String, "country": pl.String, "year": pl.Int64,
              "democ": pl.Int64, "autoc": pl.Int64, "polity": pl.Int64, "polity2": pl.Int64,
              "durable": pl.Int64}  # fmt: skip
    frame = read_release_csv(path or bundled_file("regime", "p5v2018.csv"), schema)
    special = list(POLITY_SPECIAL_CODES)
    return frame.with_columns(
        pl.col("polity").alias("polity_code"),
        *[
            pl.when(pl.col(name).is_in(special)).then(None).otherwise(pl.col(name)).alias(name)
            for name in ("democ", "autoc", "polity")
        ],
    )
