"""Joins shared by the ``add_*`` modules, done as row lookups, without hashing the panel.

A panel's rows are never reordered or multiplied by a join: each table is keyed
uniquely (``ccode, year`` or ``ccode1, ccode2, year``). State-level tables cover
nearly every panel row: each join works out, for every panel row, the row of the table
that belongs to it through a dense (year, code) grid, then takes the table's values
through those rows. Such a join is a :class:`Lookup`: the row numbers are computed at
once, the values can be taken later, when the panel is collected or as it is written
(:func:`foedus.panels.recipe.plan_panel` streams them into the file, so two million
dyad-years of capabilities are never held whole). Dyad-level tables (alliances,
disputes, contiguity) cover a small share of the panel: a merge join on a packed key
pairs each table row with its panel row, and each column is made by placing the
table's values at those rows of an empty column (``scatter``), which on two million
dyad-years is about ten times cheaper than gathering with mostly-null row numbers.
Either way the panel keeps its order, and no NumPy is needed (whose import alone costs
a command ~0.15 s).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

import polars as pl

from foedus.errors import DataError

__all__ = [
    "Lookup",
    "dyadic_matches",
    "fill_in_coverage",
    "helper_name",
    "join_dyadic",
    "join_monadic",
    "monadic_lookup",
    "monadic_rows",
    "monadic_values",
    "refuse_overwrite",
]

DYAD_KEYS = ("ccode1", "ccode2", "year")
#: Numbers the row-number columns of lookups, so that no two share a name.
_HELPERS = itertools.count()


@dataclass(frozen=True, slots=True)
class Lookup:
    """Columns a panel takes from a table through row numbers, not yet taken.

    ``helpers`` are the row numbers, one column as long as the panel for each lookup
    (named ``_lookup…``, never part of a result); ``columns`` are the expressions that
    read the table's values through them, named as the panel's new columns (``names``);
    ``source`` is the dataset they come from. :meth:`apply` adds them to a frame at once;
    :func:`foedus.panels.recipe.plan_panel` leaves them to the query that writes the panel.
    """

    helpers: tuple[pl.Series, ...]
    columns: tuple[pl.Expr, ...]
    names: tuple[str, ...]
    source: str

    def apply(self, frame: pl.DataFrame) -> pl.DataFrame:
        """``frame`` with the looked-up columns added after its own."""
        refuse_overwrite(frame.columns, self.names)
        return frame.hstack(list(self.helpers)).select(*frame.columns, *self.columns)


def helper_name() -> str:
    """A fresh name for a lookup's row-number column."""
    return f"_lookup{next(_HELPERS)}"


def fill_in_coverage(columns: Iterable[str], first: int, last: int) -> list[pl.Expr]:
    """Null becomes 0 in years ``first..last`` (no event); outside them it stays null."""
    return [
        pl.when(pl.col(c).is_null() & pl.col("year").is_between(first, last))
        .then(0)
        .otherwise(pl.col(c))
        .cast(pl.Int8)
        .alias(c)
        for c in columns
    ]


def _no_rows(height: int) -> pl.Series:
    return pl.repeat(None, height, dtype=pl.UInt32, eager=True)


def _positions(height: int) -> pl.Series:
    return pl.int_range(height, dtype=pl.UInt32, eager=True)


def monadic_rows(table: pl.DataFrame, frame: pl.DataFrame, code: str) -> pl.Series:
    """For each panel row, the row of the ``ccode, year`` table for ``code``/``year``
    (null where the table has none).
    """
    return monadic_values(table, frame, code, _positions(table.height))


def monadic_values(table: pl.DataFrame, frame: pl.DataFrame, code: str,
                   values: pl.Series) -> pl.Series:  # fmt: skip
    """For each panel row, the entry of ``values`` (one per row of the ``ccode, year``
    table) for ``code``/``year``, null where the table has no row.

    A dense grid over every year and code of the table and the panel holds the values,
    so each panel row finds its own with one multiply-add and one gather. The grid is
    laid out year by year, as dyad-years are sorted: neighbouring rows read neighbouring
    cells.
    """
    if table.height == 0 or frame.height == 0:
        return pl.repeat(None, frame.height, dtype=values.dtype, eager=True)
    bounds = pl.concat(
        [
            part.select(
                pl.col(name).min().cast(pl.Int64).alias("low"),
                pl.col(name).max().cast(pl.Int64).alias("high"),
                pl.col("year").min().cast(pl.Int64).alias("first"),
                pl.col("year").max().cast(pl.Int64).alias("last"),
            )
            for part, name in ((table, "ccode"), (frame, code))
        ]
    )
    low, high, first, last = bounds.select(
        pl.col("low").min(), pl.col("high").max(), pl.col("first").min(), pl.col("last").max()
    ).row(0)
    if low < 0:
        raise DataError(f"negative state code in {code} or the join table")
    width = high + 1
    span = last - first + 1
    kind = pl.Int32 if width * span < 2**31 else pl.Int64

    def cell(part: pl.DataFrame, name: str) -> pl.Series:
        place = (pl.col("year").cast(kind) - first) * width + pl.col(name).cast(kind)
        return part.select(place).to_series()

    cells = cell(table, "ccode")
    if cells.n_unique() != table.height:
        raise DataError("join table has duplicate keys on ccode, year")
    grid = pl.repeat(None, width * span, dtype=values.dtype, eager=True).scatter(cells, values)
    return grid.gather(cell(frame, code))


def refuse_overwrite(present: Iterable[str], names: Iterable[str]) -> None:
    """Refuse to add columns the panel already has: a second ``add_*`` giving the same
    column (GML and COW MIDs both give ``dispnum``...) must not silently replace the first.
    """
    clash = sorted(set(names) & set(present))
    if clash:
        raise DataError(
            f"the panel already has column(s) {', '.join(clash)}; two add_* functions give "
            "them (e.g. add_gml_mids and add_cow_mids): use one, or rename the first's columns"
        )


def monadic_lookup(frame: pl.DataFrame, table: pl.DataFrame, columns: Iterable[str],
                   dyadic: bool, source: str) -> Lookup:  # fmt: skip
    """``columns`` of a ``ccode, year`` table for each panel row: once for a state-year
    panel, for each side (``…1``/``…2``) of a dyad-year panel.
    """
    names = list(columns)
    helpers: list[pl.Series] = []
    exprs: list[pl.Expr] = []
    for side in ("1", "2") if dyadic else ("",):
        rows = monadic_rows(table, frame, f"ccode{side}").alias(helper_name())
        helpers.append(rows)
        exprs += [pl.lit(table[n]).gather(pl.col(rows.name)).alias(f"{n}{side}") for n in names]
    added = tuple(e.meta.output_name() for e in exprs)
    refuse_overwrite(frame.columns, added)
    return Lookup(tuple(helpers), tuple(exprs), added, source)


def join_monadic(frame: pl.DataFrame, table: pl.DataFrame, columns: Iterable[str],
                 dyadic: bool) -> pl.DataFrame:  # fmt: skip
    """Add ``columns`` of a ``ccode, year`` table: once for a state-year panel, for each
    side (``…1``/``…2``) of a dyad-year panel.
    """
    return monadic_lookup(frame, table, columns, dyadic, source="").apply(frame)


def _packed(frame: pl.DataFrame, base: int, first: int, kind: type[pl.DataType]) -> pl.Series:
    """``year, ccode1, ccode2`` packed into one integer that sorts like the three columns
    (years counted from ``first``, codes below ``base``).
    """
    year, one, two = (pl.col(name).cast(kind) for name in ("year", "ccode1", "ccode2"))
    return frame.select(((year - first) * base + one) * base + two).to_series()


def _sorted_keys(keys: pl.Series, name: str, rows: pl.Series) -> pl.DataFrame:
    """``keys`` (already ascending) beside ``rows``, flagged sorted for a merge join."""
    return pl.DataFrame({"key": keys, name: rows}).with_columns(pl.col("key").set_sorted())


def dyadic_matches(table: pl.DataFrame, frame: pl.DataFrame) -> pl.DataFrame:
    """The table rows that have a panel row with their key: ``source`` (table row) and
    ``target`` (panel row), both UInt32, one row per match.

    Both sides' keys are packed into one integer. A small table's keys (disputes) are
    each found by binary search among the panel's, which are usually in order already;
    otherwise both sides are put in order and polars matches them by a merge join,
    without hashing two million keys.
    """
    if table.height == 0 or frame.height == 0:
        return pl.DataFrame(schema={"source": pl.UInt32, "target": pl.UInt32})
    bounds = pl.concat(
        [
            part.select(
                pl.max_horizontal(pl.col("ccode1").max(), pl.col("ccode2").max())
                .cast(pl.Int64)
                .alias("high"),
                pl.col("year").min().cast(pl.Int64).alias("first"),
                pl.col("year").max().cast(pl.Int64).alias("last"),
            )
            for part in (table, frame)
        ]
    )
    high, first, last = bounds.select(
        pl.col("high").max(), pl.col("first").min(), pl.col("last").max()
    ).row(0)
    base = high + 1
    kind = pl.Int32 if (last - first + 1) * base * base < 2**31 else pl.Int64
    wanted = _packed(table, base, first, kind)
    wanted_order = wanted.arg_sort()
    wanted = wanted.gather(wanted_order)
    if (wanted.diff() == 0).any():
        raise DataError("join table has duplicate keys on ccode1, ccode2, year")
    keys = _packed(frame, base, first, kind)
    in_order = keys.is_sorted()
    if table.height * 50 < frame.height and in_order:  # a few keys: binary search
        found = keys.search_sorted(wanted, side="left").cast(pl.UInt32)
        hit = keys.gather(found.clip(upper_bound=keys.len() - 1)) == wanted
        return pl.DataFrame({"source": wanted_order.filter(hit), "target": found.filter(hit)})
    if in_order:  # the usual case: the panel is in key order already
        panel_order = _positions(frame.height)
    else:
        panel_order = keys.arg_sort()
        keys = keys.gather(panel_order)
    return (
        _sorted_keys(wanted, "source", wanted_order)
        .join(_sorted_keys(keys, "target", panel_order), on="key", how="inner")
        .select("source", "target")
    )


def _spread(values: pl.Series, rows: pl.Series, height: int) -> pl.Series:
    """A column of ``height`` nulls with ``values`` placed at ``rows``."""
    column = pl.repeat(None, height, dtype=values.dtype, eager=True).alias(values.name)
    return column.scatter(rows, values)


def join_dyadic(frame: pl.DataFrame, table: pl.DataFrame) -> pl.DataFrame:
    """Add every non-key column of a directed ``ccode1, ccode2, year`` table (null where
    the table has no row for the dyad-year).
    """
    names = [c for c in table.columns if c not in DYAD_KEYS]
    refuse_overwrite(frame.columns, names)
    matched = dyadic_matches(table, frame)
    values = table.select(names)[matched["source"]]
    if any(dtype.is_nested() for dtype in values.dtypes):  # scatter takes no lists
        rows = _no_rows(frame.height).scatter(matched["target"], _positions(values.height))
        columns = values[rows].get_columns()
    else:
        columns = [_spread(values[n], matched["target"], frame.height) for n in names]
    return frame.with_columns(columns)
