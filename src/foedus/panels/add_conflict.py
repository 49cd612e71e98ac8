"""Militarized disputes: GML MID 2.2.1 and COW MID 5.0.

Dyad-years (peacesciencer's ``add_gml_mids``/``add_cow_mids``): the directed dispute
dyad-years joined in, with ``gmlmidonset``/``gmlmidongoing`` 0 in years of the data
without a dispute (1816-2010 for GML, 1816-2014 for COW) and missing after; the other
dispute columns (``dispnum``, ``sidea1``, ``hostlev``...) are missing where there is no
dispute. State-years get ``gmlmidonset``, ``gmlmidongoing`` and the initiator versions
``gmlmidonset_init``/``gmlmidongoing_init`` (Side A and an originator), from the
participant file.
"""

from __future__ import annotations

import polars as pl

from foedus.datasets.mid import (
    COW_MID_COVERAGE,
    GML_COVERAGE,
    read_cow_mid_dyad_years,
    read_gml_dyad_years,
    read_gml_participants,
)
from foedus.panels._cache import cached_table
from foedus.panels._join import fill_in_coverage, join_dyadic, join_monadic
from foedus.panels.units import Panel, Unit, require_unit

__all__ = ["add_cow_mids", "add_gml_mids", "gml_state_years"]


def gml_state_years() -> pl.DataFrame:
    """GML participants as state-years: onset in the first year of each participation,
    ongoing in every year, and the initiator versions (Side A and originator).
    """

    def build() -> pl.DataFrame:
        part = (
            read_gml_participants()
            .with_columns(pl.int_ranges("styear", pl.col("endyear") + 1).alias("year"))
            .explode("year")
        )
        onset = pl.col("year") == pl.col("styear")
        init = (pl.col("sidea") == 1) & (pl.col("orig") == 1)
        return (
            part.group_by("ccode", "year")
            .agg(
                pl.lit(1, pl.Int8).alias("gmlmidongoing"),
                onset.any().cast(pl.Int8).alias("gmlmidonset"),
                init.any().cast(pl.Int8).alias("gmlmidongoing_init"),
                (onset & init).any().cast(pl.Int8).alias("gmlmidonset_init"),
            )
            .sort("ccode", "year")
        )

    return cached_table("gml-state-years", build)


def add_gml_mids(panel: Panel) -> Panel:
    """Add GML MID 2.2.1 disputes (``gmlmidonset``, ``gmlmidongoing`` and dispute details)."""
    panel = require_unit(panel, "add_gml_mids", Unit.DYAD_YEAR, Unit.STATE_YEAR)
    if panel.unit is Unit.STATE_YEAR:
        names = ["gmlmidonset", "gmlmidongoing", "gmlmidonset_init", "gmlmidongoing_init"]
        frame = join_monadic(panel.frame, gml_state_years(), names, dyadic=False)
        return panel.with_frame(frame.with_columns(fill_in_coverage(names, *GML_COVERAGE)), "mid")
    table = cached_table("gml-dyad-years", read_gml_dyad_years)
    frame = join_dyadic(panel.frame, table).with_columns(
        fill_in_coverage(["gmlmidonset", "gmlmidongoing"], *GML_COVERAGE)
    )
    return panel.with_frame(frame, "mid")


def add_cow_mids(panel: Panel) -> Panel:
    """Add COW MID 5.0 disputes (``cowmidonset``, ``cowmidongoing`` and details), 1816-2014."""
    panel = require_unit(panel, "add_cow_mids", Unit.DYAD_YEAR)
    table = cached_table("cow-mid-dyad-years", read_cow_mid_dyad_years)
    frame = join_dyadic(panel.frame, table).with_columns(
        fill_in_coverage(["cowmidonset", "cowmidongoing"], *COW_MID_COVERAGE)
    )
    return panel.with_frame(frame, "mid")
