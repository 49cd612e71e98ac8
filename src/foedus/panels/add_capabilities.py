"""Capabilities and status: COW National Material Capabilities and major powers.

``add_nmc`` adds the six NMC components and CINC for each side (``milex1 … cinc2`` in a
dyad-year panel, ``milex … cinc`` in a state-year one), peacesciencer's columns, from
NMC 7.0 by default (1816-2016); -9 missing codes are missing. ``ratio=True`` also adds
``cinc_ratio``, ccode1's share of the dyad's capabilities, ``cinc1 / (cinc1 + cinc2)``.
``add_cow_majors`` adds COW major-power status (``cowmaj1``, ``cowmaj2`` / ``cowmaj``).
"""

from __future__ import annotations

import polars as pl

from foedus.datasets.cow_nmc import NMC_COLUMNS, read_nmc
from foedus.errors import WrongUnit
from foedus.panels._cache import cached_table
from foedus.panels._join import Lookup, join_monadic, monadic_lookup
from foedus.panels.units import Panel, Unit, require_unit

__all__ = ["MAJORS_COVERAGE", "add_cow_majors", "add_nmc", "nmc_lookup"]

MAJORS_COVERAGE = (1816, 2016)


def _nmc(panel: Panel, version: str) -> Lookup:
    table = cached_table(f"nmc-{version}", lambda: read_nmc(version).drop("version"))
    dyadic = panel.unit is Unit.DYAD_YEAR
    return monadic_lookup(panel.frame, table, NMC_COLUMNS, dyadic, "cow_nmc")


def nmc_lookup(panel: Panel, *, version: str = "7.0", ratio: bool = False) -> Lookup | None:
    """:func:`add_nmc`'s columns as a :class:`~foedus.panels._join.Lookup`, or ``None``
    with ``ratio`` (computed from them: use :func:`add_nmc`).
    """
    panel = require_unit(panel, "add_nmc", Unit.DYAD_YEAR, Unit.STATE_YEAR)
    return None if ratio else _nmc(panel, version)


def add_nmc(panel: Panel, *, version: str = "7.0", ratio: bool = False) -> Panel:
    """Add NMC capabilities (``version`` 7.0 or 6.0) for each state of the panel."""
    panel = require_unit(panel, "add_nmc", Unit.DYAD_YEAR, Unit.STATE_YEAR)
    dyadic = panel.unit is Unit.DYAD_YEAR
    frame = _nmc(panel, version).apply(panel.frame)
    if ratio:
        if not dyadic:
            raise WrongUnit(
                "add_nmc(ratio=True) needs a dyad-year panel; start the pipe "
                "with create_dyad_years()"
            )
        frame = frame.with_columns(
            (pl.col("cinc1") / (pl.col("cinc1") + pl.col("cinc2"))).alias("cinc_ratio")
        )
    return panel.with_frame(frame, "cow_nmc")


def _major_years() -> pl.DataFrame:
    from foedus.datasets.cow_states import read_majors  # on a cache miss only

    spells = read_majors().select(
        "ccode", pl.int_ranges("styear", pl.col("endyear") + 1).alias("year")
    )
    return spells.explode("year").unique().with_columns(pl.lit(1, pl.Int8).alias("cowmaj"))


def add_cow_majors(panel: Panel) -> Panel:
    """Add COW major-power status: 1 in a year of major-power status, 0 in other years of
    1816-2016, missing after (``cowmaj1``/``cowmaj2`` or ``cowmaj``).
    """
    panel = require_unit(panel, "add_cow_majors", Unit.DYAD_YEAR, Unit.STATE_YEAR)
    dyadic = panel.unit is Unit.DYAD_YEAR
    frame = join_monadic(panel.frame, cached_table("majors", _major_years), ["cowmaj"], dyadic)
    names = ["cowmaj1", "cowmaj2"] if dyadic else ["cowmaj"]
    first, last = MAJORS_COVERAGE
    frame = frame.with_columns(
        pl.when(pl.col(n).is_null() & pl.col("year").is_between(first, last)).then(0)
        .otherwise(pl.col(n)).cast(pl.Int8).alias(n)
        for n in names
    )  # fmt: skip
    return panel.with_frame(frame, "cow_states")
