"""Reading release files: check the header, then cast every column, naming bad cells."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path

import polars as pl

from foedus.errors import RowError, SchemaError

__all__ = ["read_release_csv"]


def read_release_csv(
    path: Path,
    schema: Mapping[str, type[pl.DataType] | pl.DataType],
    *,
    encoding: str = "utf8",
    null_values: list[str] | None = None,
) -> pl.DataFrame:
    """Read the columns ``schema`` names from a CSV release file, typed, or refuse it.

    Refuses a file whose header lacks a column (``SchemaError`` listing the columns
    expected) and a cell that does not parse as its column's type (``RowError`` with file,
    line and column). Empty cells and ``null_values`` become nulls. Columns the file has
    beyond ``schema`` are ignored, so a release that adds columns still loads.
    """
    with path.open(newline="", encoding="latin-1" if encoding != "utf8" else "utf-8-sig") as fh:
        header = next(csv.reader(fh), [])
    header = [name.strip() for name in header]
    missing = [name for name in schema if name not in header]
    if missing:
        raise SchemaError(str(path), missing, list(schema))
    raw = pl.read_csv(
        path,
        columns=list(schema),
        infer_schema=False,
        encoding=encoding,
        null_values=null_values or ["", "NA"],
    )
    casts = []
    for name, dtype in schema.items():
        column = raw[name]
        if dtype == pl.String:
            casts.append(column)
            continue
        text = column.str.strip_chars()
        typed = text.cast(dtype, strict=False) if dtype != pl.Int64 else _to_int(text)
        bad = typed.is_null() & text.is_not_null() & (text != "")
        if bad.any():
            row = int(bad.arg_true()[0])
            raise RowError(
                str(path),
                row + 2,
                name,
                f"{column[row]!r} is not {_describe(dtype)}",
            )
        casts.append(typed.alias(name))
    return pl.DataFrame(casts)


def _to_int(text: pl.Series) -> pl.Series:
    """Integers, accepting whole-valued decimals such as ``"8659.0"`` from R exports."""
    as_float = text.cast(pl.Float64, strict=False)
    whole = as_float.is_not_null() & (as_float == as_float.floor())
    return pl.select(
        pl.when(whole).then(as_float).otherwise(None).cast(pl.Int64).alias(text.name)
    ).to_series()


def _describe(dtype: object) -> str:
    if dtype == pl.Int64:
        return "an integer"
    if dtype == pl.Float64:
        return "a number"
    return str(dtype)
