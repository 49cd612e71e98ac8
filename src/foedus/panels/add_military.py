"""Military ties: multinational exercises (MME v7) and US troop deployments (troopdata).

* ``mme_exercises``: exercises both states of the dyad took part in that year (state-
  years: exercises the state took part in), ``mme_any`` 1 when there was at least one;
  0 in other years of 1980-2010, missing outside.
* ``us_troops1``/``us_troops2`` (state-years: ``us_troops``): US active-duty personnel in
  the state, from the rebuilt troopdata country-years, 1950-2024; a state-year the data
  list no deployment for is 0 in those years and missing outside them.
"""

from __future__ import annotations

import polars as pl

from foedus.datasets.mme import MME_COVERAGE, read_mme_participants
from foedus.datasets.troopdata import TROOPS_COVERAGE, read_troops
from foedus.panels._cache import cached_table
from foedus.panels._join import join_dyadic, join_monadic
from foedus.panels.units import Panel, Unit, require_unit

__all__ = ["add_mme", "add_us_troops", "mme_dyad_years"]


def _in_coverage(
    names: list[str], first: int, last: int, dtype: type[pl.DataType]
) -> list[pl.Expr]:
    covered = pl.col("year").is_between(first, last)
    return [pl.when(pl.col(n).is_null() & covered).then(0).otherwise(pl.col(n)).cast(dtype)
            .alias(n) for n in names]  # fmt: skip


def mme_dyad_years() -> pl.DataFrame:
    """Directed dyad-years of joint exercises: ``ccode1, ccode2, year, mme_exercises``."""

    def build() -> pl.DataFrame:
        part = read_mme_participants().select("mmeid", "ccode", "year")
        pairs = part.join(part, on=["mmeid", "year"], suffix="2").filter(
            pl.col("ccode") != pl.col("ccode2")
        )
        return (
            pairs.group_by(pl.col("ccode").alias("ccode1"), "ccode2", "year")
            .agg(pl.col("mmeid").n_unique().cast(pl.Int32).alias("mme_exercises"))
            .sort("ccode1", "ccode2", "year")
        )

    return cached_table("mme-dyad-years", build)


def add_mme(panel: Panel) -> Panel:
    """Add joint multinational military exercises (``mme_exercises``, ``mme_any``)."""
    panel = require_unit(panel, "add_mme", Unit.DYAD_YEAR, Unit.STATE_YEAR)
    if panel.unit is Unit.DYAD_YEAR:
        frame = join_dyadic(panel.frame, mme_dyad_years())
    else:
        counts = cached_table(
            "mme-state-years",
            lambda: (
                read_mme_participants()
                .group_by("ccode", "year")
                .agg(pl.col("mmeid").n_unique().cast(pl.Int32).alias("mme_exercises"))
            ),
        )
        frame = join_monadic(panel.frame, counts, ["mme_exercises"], dyadic=False)
    frame = frame.with_columns(
        _in_coverage(["mme_exercises"], *MME_COVERAGE, pl.Int32)
    ).with_columns((pl.col("mme_exercises") > 0).cast(pl.Int8).alias("mme_any"))
    return panel.with_frame(frame, "mme")


def add_us_troops(panel: Panel) -> Panel:
    """Add US active-duty troops stationed in each state (``us_troops``/``us_troops1/2``)."""
    panel = require_unit(panel, "add_us_troops", Unit.DYAD_YEAR, Unit.STATE_YEAR)
    table = cached_table("troops", read_troops).select(
        "ccode", "year", pl.col("troops_ad").alias("us_troops")
    )
    dyadic = panel.unit is Unit.DYAD_YEAR
    frame = join_monadic(panel.frame, table, ["us_troops"], dyadic)
    names = ["us_troops1", "us_troops2"] if dyadic else ["us_troops"]
    frame = frame.with_columns(_in_coverage(names, *TROOPS_COVERAGE, pl.Int64))
    return panel.with_frame(frame, "troopdata")
