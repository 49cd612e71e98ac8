"""An on-disk cache of derived tables (ATOP dyad-years, contiguity years...), as Parquet.

Building these from the release CSVs takes longer than joining them, so the first build
is written under ``<FOEDUS_HOME>/cache/panels`` and reused. The file name carries a hash
of the bundled data manifest and :data:`DERIVATION_VERSION`, so new data or a changed
derivation never reads a stale table.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

import polars as pl

from foedus.config import data_dir
from foedus.datasets.catalog import DATA_DIR

__all__ = ["DERIVATION_VERSION", "cached_table", "narrow_integers"]

#: Bump when a derivation changes its output.
DERIVATION_VERSION = "4"
#: Signed integer types from narrowest, with the largest value each holds.
_INTEGER_TYPES = ((pl.Int8, 2**7 - 1), (pl.Int16, 2**15 - 1), (pl.Int32, 2**31 - 1))


@cache
def _stamp() -> str:
    digest = hashlib.sha256((DATA_DIR / "MANIFEST.json").read_bytes())
    digest.update(DERIVATION_VERSION.encode())
    return digest.hexdigest()[:16]


def _directory() -> Path:
    path = data_dir() / "cache" / "panels"
    path.mkdir(parents=True, exist_ok=True)
    return path


def cached_table(name: str, build: Callable[[], pl.DataFrame], *,
                 rechunk: bool = True) -> pl.DataFrame:  # fmt: skip
    """``build()``'s table, read from the cache when present, else built and stored.

    With ``rechunk`` the table comes back in one contiguous chunk per column: the joins
    index into it millions of times, and a gather from one chunk is about twice as fast
    as from several. A table that is only filtered (the base dyad-years) needs no copy.
    """
    path = _directory() / f"{name}-{_stamp()}.parquet"
    if path.exists():
        table = pl.read_parquet(path)
        return table.rechunk() if rechunk else table
    table = build().rechunk()
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    table.write_parquet(partial)
    partial.replace(path)
    return table


def narrow_integers(table: pl.DataFrame) -> pl.DataFrame:
    """Each Int64 column cast to the narrowest signed integer type that holds its values.

    Release files are read as Int64; codes such as ``hostlev`` fit Int8. Joined into two
    million dyad-years, the narrower columns are several times cheaper to gather, hold
    and write, with the same values.

    >>> narrow_integers(pl.DataFrame({"a": [1, -9], "b": [300, 0]})).dtypes
    [Int8, Int16]
    """
    casts = []
    for name, dtype in table.schema.items():
        if dtype != pl.Int64:
            continue
        low, high = table[name].min(), table[name].max()
        for narrow, top in _INTEGER_TYPES:
            if low is None or (-top - 1 <= low and high <= top):  # type: ignore[operator]
                casts.append(pl.col(name).cast(narrow))
                break
    return table.with_columns(casts)
