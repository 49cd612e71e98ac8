"""Joins shared by the ``add_*`` modules, done as row lookups followed by one gather.

A panel's rows are never reordered or multiplied by a join: each table is keyed
uniquely (``ccode, year`` or ``ccode1, ccode2, year``). Each join first works out, for
every panel row, the row of the table that belongs to it (null where there is none),
then takes those rows of the table in one indexing (``table[rows]``, a third cheaper
than gathering column by column). State-level tables are found through a dense
(code, year) grid; dyad-level tables find their panel rows by a merge join on a packed
key. On two million dyad-years this is several times faster than a hash join, keeps
the panel's order, and needs no NumPy (whose import alone costs a command ~0.15 s).
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from foedus.errors import DataError

__all__ = [
    "dyadic_rows",
    "fill_in_coverage",
    "join_dyadic",
    "join_monadic",
    "monadic_rows",
    "refuse_overwrite",
]

DYAD_KEYS = ("ccode1", "ccode2", "year")


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

    A dense grid over every code and year of the table and the panel holds the table's
    row numbers, so each panel row finds its own with one multiply-add and one gather.
    """
    if table.height == 0 or frame.height == 0:
        return _no_rows(frame.height)
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
    span = last - first + 1
    kind = pl.Int32 if (high + 1) * span < 2**31 else pl.Int64

    def cell(part: pl.DataFrame, name: str) -> pl.Series:
        place = pl.col(name).cast(kind) * span + (pl.col("year").cast(kind) - first)
        return part.select(place).to_series()

    cells = cell(table, "ccode")
    if cells.n_unique() != table.height:
        raise DataError("join table has duplicate keys on ccode, year")
    grid = _no_rows((high + 1) * span).scatter(cells, _positions(table.height))
    return grid.gather(cell(frame, code))


def refuse_overwrite(frame: pl.DataFrame, names: Iterable[str]) -> None:
    """Refuse to add columns the panel already has: a second ``add_*`` giving the same
    column (GML and COW MIDs both give ``dispnum``...) must not silently replace the first.
    """
    clash = sorted(set(names) & set(frame.columns))
    if clash:
        raise DataError(
            f"the panel already has column(s) {', '.join(clash)}; two add_* functions give "
            "them (e.g. add_gml_mids and add_cow_mids): use one, or rename the first's columns"
        )


def join_monadic(frame: pl.DataFrame, table: pl.DataFrame, columns: Iterable[str],
                 dyadic: bool) -> pl.DataFrame:  # fmt: skip
    """Add ``columns`` of a ``ccode, year`` table: once for a state-year panel, for each
    side (``…1``/``…2``) of a dyad-year panel.
    """
    names = list(columns)
    refuse_overwrite(frame, [f"{n}{s}" for n in names for s in (("1", "2") if dyadic else ("",))])
    added: list[pl.Series] = []
    for side in ("1", "2") if dyadic else ("",):
        rows = monadic_rows(table, frame, f"ccode{side}")
        gathered = table.select(pl.col(n).alias(f"{n}{side}") for n in names)[rows]
        added += gathered.get_columns()
    return frame.with_columns(added)


def _packed(frame: pl.DataFrame, base: int) -> pl.Series:
    """``year, ccode1, ccode2`` packed into one Int64 that sorts like the three columns."""
    year, first, second = (pl.col(name).cast(pl.Int64) for name in ("year", "ccode1", "ccode2"))
    return frame.select((year * base + first) * base + second).to_series()


def _sorted_keys(keys: pl.Series, name: str, rows: pl.Series) -> pl.DataFrame:
    """``keys`` (already ascending) beside ``rows``, flagged sorted for a merge join."""
    return pl.DataFrame({"key": keys, name: rows}).with_columns(pl.col("key").set_sorted())


def dyadic_rows(table: pl.DataFrame, frame: pl.DataFrame) -> pl.Series:
    """For each panel row, the row of the ``ccode1, ccode2, year`` table with its key (null
    where there is none).

    Both sides' keys are packed into one integer and put in order (the panel's usually
    already is), so polars matches them by a merge join rather than hashing or binary
    searching two million keys.
    """
    if table.height == 0 or frame.height == 0:
        return _no_rows(frame.height)
    base = 1 + max(
        int(part.select(pl.max_horizontal(pl.col("ccode1").max(), pl.col("ccode2").max())).item())
        for part in (table, frame)
    )
    wanted = _packed(table, base)
    wanted_order = wanted.arg_sort()
    wanted = wanted.gather(wanted_order)
    if (wanted.diff() == 0).any():
        raise DataError("join table has duplicate keys on ccode1, ccode2, year")
    keys = _packed(frame, base)
    if keys.is_sorted():
        panel_order = _positions(frame.height)
    else:
        panel_order = keys.arg_sort()
        keys = keys.gather(panel_order)
    matched = _sorted_keys(wanted, "source", wanted_order).join(
        _sorted_keys(keys, "target", panel_order), on="key", how="inner"
    )
    return _no_rows(frame.height).scatter(matched["target"], matched["source"])


def join_dyadic(frame: pl.DataFrame, table: pl.DataFrame) -> pl.DataFrame:
    """Add every non-key column of a directed ``ccode1, ccode2, year`` table."""
    names = [c for c in table.columns if c not in DYAD_KEYS]
    refuse_overwrite(frame, names)
    rows = dyadic_rows(table, frame)
    return frame.with_columns(table.select(names)[rows].get_columns())
