"""Militarized disputes: GML MID 2.2.1 and COW MID 5.0.

Dyad-years (peacesciencer's ``add_gml_mids``/``add_cow_mids``): the directed dispute
dyad-years joined in, with ``gmlmidonset``/``gmlmidongoing`` 0 in years of the data
without a dispute (1816-2010 for GML, 1816-2014 for COW) and missing after; the other
dispute columns (``dispnum``, ``sidea1``, ``hostlev``...) are missing where there is no
dispute. Directed GML dyad-years also get peacesciencer's ``init1``/``init2``: whether
each state initiated the dispute, by the ``init`` rule (below); non-directed panels do
not, as in peacesciencer, since initiation has a direction. State-years get
``gmlmidonset``, ``gmlmidongoing`` and the initiator versions ``gmlmidonset_init``/
``gmlmidongoing_init``, from the participant file.

Initiation rules (peacesciencer's ``init`` argument, same default):

* ``"sidea-all-joiners"`` (default): on Side A, or a joiner on either side;
* ``"sidea-with-joiners"``: on Side A, originator or joiner;
* ``"sidea-orig"``: on Side A and an originator.

The dispute codes are stored in the narrowest integer type that holds them (Int8 for
most, Int16 for ``dispnum`` and durations, Int32 for ``fatalpre``); values are
unchanged.
"""

from __future__ import annotations

from typing import Literal, get_args

import polars as pl

from foedus.datasets.mid import (
    COW_MID_COVERAGE,
    GML_COVERAGE,
    read_cow_mid_dyad_years,
    read_gml_dyad_years,
    read_gml_participants,
)
from foedus.errors import ConfigError
from foedus.panels._cache import cached_table, narrow_integers
from foedus.panels._join import fill_in_coverage, join_dyadic, join_monadic
from foedus.panels.units import Panel, Unit, require_unit

__all__ = ["InitRule", "add_cow_mids", "add_gml_mids", "gml_state_years", "initiated"]

InitRule = Literal["sidea-all-joiners", "sidea-with-joiners", "sidea-orig"]


def initiated(rule: InitRule, side: str = "") -> pl.Expr:
    """Whether the state initiated the dispute, from ``sidea{side}`` and ``orig{side}``.

    >>> frame = pl.DataFrame({"sidea": [1, 1, 0, 0], "orig": [1, 0, 1, 0]})
    >>> frame.select(initiated("sidea-all-joiners")).to_series().to_list()
    [True, True, False, True]
    >>> frame.select(initiated("sidea-orig")).to_series().to_list()
    [True, False, False, False]
    """
    if rule not in get_args(InitRule):
        raise ConfigError(f"init must be one of {', '.join(get_args(InitRule))}, not {rule!r}")
    sidea, orig = pl.col(f"sidea{side}") == 1, pl.col(f"orig{side}") == 1
    if rule == "sidea-orig":
        return sidea & orig
    if rule == "sidea-with-joiners":
        return sidea
    return sidea | ~orig


def gml_state_years(init: InitRule = "sidea-all-joiners") -> pl.DataFrame:
    """GML participants as state-years: onset in the first year of each participation,
    ongoing in every year, and the initiator versions by the ``init`` rule.
    """
    initiator = initiated(init)

    def build() -> pl.DataFrame:
        part = (
            read_gml_participants()
            .with_columns(pl.int_ranges("styear", pl.col("endyear") + 1).alias("year"))
            .explode("year")
        )
        onset = pl.col("year") == pl.col("styear")
        return (
            part.group_by("ccode", "year")
            .agg(
                pl.lit(1, pl.Int8).alias("gmlmidongoing"),
                onset.any().cast(pl.Int8).alias("gmlmidonset"),
                initiator.any().cast(pl.Int8).alias("gmlmidongoing_init"),
                (onset & initiator).any().cast(pl.Int8).alias("gmlmidonset_init"),
            )
            .sort("ccode", "year")
        )

    return cached_table(f"gml-state-years-{init}", build)


def add_gml_mids(panel: Panel, *, init: InitRule = "sidea-all-joiners") -> Panel:
    """Add GML MID 2.2.1 disputes (``gmlmidonset``, ``gmlmidongoing``, dispute details and,
    for directed dyad-years, ``init1``/``init2`` by the ``init`` rule).
    """
    panel = require_unit(panel, "add_gml_mids", Unit.DYAD_YEAR, Unit.STATE_YEAR)
    if panel.unit is Unit.STATE_YEAR:
        names = ["gmlmidonset", "gmlmidongoing", "gmlmidonset_init", "gmlmidongoing_init"]
        frame = join_monadic(panel.frame, gml_state_years(init), names, dyadic=False)
        return panel.with_frame(frame.with_columns(fill_in_coverage(names, *GML_COVERAGE)), "mid")
    table = cached_table("gml-dyad-years", lambda: narrow_integers(read_gml_dyad_years()))
    if panel.directed:
        table = table.with_columns(
            initiated(init, side).cast(pl.Int8).alias(f"init{side}") for side in ("1", "2")
        )
    frame = join_dyadic(panel.frame, table).with_columns(
        fill_in_coverage(["gmlmidonset", "gmlmidongoing"], *GML_COVERAGE)
    )
    return panel.with_frame(frame, "mid")


def add_cow_mids(panel: Panel) -> Panel:
    """Add COW MID 5.0 disputes (``cowmidonset``, ``cowmidongoing`` and details), 1816-2014."""
    panel = require_unit(panel, "add_cow_mids", Unit.DYAD_YEAR)
    table = cached_table("cow-mid-dyad-years", lambda: narrow_integers(read_cow_mid_dyad_years()))
    frame = join_dyadic(panel.frame, table).with_columns(
        fill_in_coverage(["cowmidonset", "cowmidongoing"], *COW_MID_COVERAGE)
    )
    return panel.with_frame(frame, "mid")
