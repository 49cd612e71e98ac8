"""Creating the base panels from the COW state system: dyad-years and state-years.

Like peacesciencer's ``create_dyadyears()``/``create_stateyears()``: states are members
in the years of ``system2016.csv``; years after COW's last (2016) carry forward the states
in the system at its end (peacesciencer's ``mry = TRUE``). Dyad-years pair every two
members of a year, except pairs whose memberships never overlap on any day of that year
(Suriname enters in November 1975, after South Vietnam left in April: both are members
in 1975, never at the same time), as peacesciencer does (its ``false_cow_dyads``).
"""

from __future__ import annotations

import polars as pl

from foedus.errors import ConfigError
from foedus.panels._cache import cached_table
from foedus.panels.units import Panel, Unit

__all__ = ["COW_FIRST_YEAR", "create_dyad_years", "create_state_years", "state_years"]

COW_FIRST_YEAR = 1816


def _system() -> pl.DataFrame:
    """``system2016.csv`` (``ccode, year`` as Int16, ``stateabb``), from the cache."""

    def build() -> pl.DataFrame:
        from foedus.datasets.cow_states import read_system  # on a cache miss only

        return read_system().select(
            pl.col("ccode").cast(pl.Int16), pl.col("year").cast(pl.Int16), "stateabb"
        )

    return cached_table("cow-system", build)


def _check_years(years: range) -> None:
    if years.step != 1 or len(years) == 0 or years.start < COW_FIRST_YEAR:
        raise ConfigError(f"years must be a non-empty range of consecutive years from "
                          f"{COW_FIRST_YEAR}, got {years!r}")  # fmt: skip


def _carried_forward(frame: pl.DataFrame, years: range, keep: pl.Expr | None = None
                     ) -> pl.DataFrame:  # fmt: skip
    """``frame``'s rows in ``years`` (and ``keep``, if given: one pass over the rows);
    years after its last repeat the rows of its last.
    """
    last = int(frame["year"].max())  # type: ignore[arg-type]
    wanted = pl.lit(True) if keep is None else keep
    parts = [frame.filter(pl.col("year").is_between(years.start, years.stop - 1) & wanted)]
    final = frame.filter((pl.col("year") == last) & wanted)
    parts += [
        final.with_columns(pl.lit(year, pl.Int16).alias("year"))
        for year in range(max(last + 1, years.start), years.stop)
    ]
    return pl.concat(parts)


def state_years(years: range) -> pl.DataFrame:
    """COW members by year for ``years`` (``ccode, year``), carried forward after 2016."""
    _check_years(years)
    return _carried_forward(_system().select("ccode", "year"), years).sort("ccode", "year")


def _false_dyads() -> pl.DataFrame:
    """Directed pairs that share a year but never a day of it (peacesciencer's anti-join).

    Only a membership that starts or ends inside a year can miss another inside it, so
    the pairs are sought among the spells' first and last years alone.
    """
    from foedus.datasets.cow_states import read_states

    spells = read_states().select(
        pl.col("ccode").cast(pl.Int16),
        (pl.col("styear") * 10000 + pl.col("stmonth") * 100 + pl.col("stday")).alias("st"),
        (pl.col("endyear") * 10000 + pl.col("endmonth") * 100 + pl.col("endday")).alias("end"),
        "styear",
        "endyear",
    )
    edges = pl.concat(
        [
            spells.with_columns(pl.col("styear").alias("year")),
            spells.with_columns(pl.col("endyear").alias("year")),
        ]
    ).unique()
    edges = edges.with_columns(pl.col("year").cast(pl.Int16))
    pairs = edges.join(edges, on="year", suffix="2").filter(pl.col("ccode") != pl.col("ccode2"))
    overlap = pl.max_horizontal("st", "st2") <= pl.min_horizontal("end", "end2")
    return (
        pairs.group_by(pl.col("ccode").alias("ccode1"), "ccode2", "year")
        .agg(overlap.any().alias("met"))
        .filter(~pl.col("met"))
        .drop("met")
    )


def _all_dyads() -> pl.DataFrame:
    """Every directed pair of members in each COW year, sorted by year, ccode1, ccode2,
    with ``false_dyad`` marking :func:`_false_dyads`. Built once and cached: reading it
    back takes a fraction of pairing the members.
    """
    members = _system().select("ccode", "year")
    pairs = (
        members.join(members, on="year", suffix="2")
        .filter(pl.col("ccode") != pl.col("ccode2"))
        .select(pl.col("ccode").alias("ccode1"), "ccode2", "year")
    )
    false = _false_dyads().with_columns(pl.lit(True).alias("false_dyad"))
    return (
        pairs.join(false, on=["ccode1", "ccode2", "year"], how="left")
        .with_columns(pl.col("false_dyad").fill_null(False))
        .sort("year", "ccode1", "ccode2")
    )


def create_dyad_years(
    years: range = range(COW_FIRST_YEAR, 2017), *, directed: bool = True,
    drop_false_dyads: bool = True,
) -> Panel:  # fmt: skip
    """Every dyad-year of COW system members in ``years``.

    Parameters
    ----------
    years
        Consecutive years, e.g. ``range(1816, 2019)``; years after 2016 carry forward
        the members at the end of 2016.
    directed
        Both (A, B) and (B, A) when true; only ``ccode1 < ccode2`` when false.
    drop_false_dyads
        Drop pairs that are members in the same year but never on the same day
        (peacesciencer's convention, 60 directed rows in 1816-2016). With ``False`` a
        year with n members has exactly n(n-1) directed dyads.

    Returns
    -------
    Panel
        Unit ``dyad_year``: ``ccode1, ccode2, year`` (Int16), sorted by year, ccode1,
        ccode2.
    """
    _check_years(years)
    keep = pl.lit(True)
    if not directed:
        keep = keep & (pl.col("ccode1") < pl.col("ccode2"))
    if drop_false_dyads:
        keep = keep & ~pl.col("false_dyad")
    pairs = _carried_forward(cached_table("cow-dyads", _all_dyads, rechunk=False), years, keep)
    return Panel(pairs.drop("false_dyad"), Unit.DYAD_YEAR, directed=directed)


def create_state_years(years: range = range(COW_FIRST_YEAR, 2017)) -> Panel:
    """Every COW state-year in ``years`` (``ccode, stateabb, year``), as a ``state_year`` panel."""
    members = state_years(years)
    names = _system().select("ccode", "stateabb").unique("ccode", keep="last")
    frame = (
        members.join(names, on="ccode", how="left")
        .select("ccode", "stateabb", "year")
        .sort("ccode", "year")
    )
    return Panel(frame, Unit.STATE_YEAR)
