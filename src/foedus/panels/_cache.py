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

__all__ = ["DERIVATION_VERSION", "cached_table"]

#: Bump when a derivation changes its output.
DERIVATION_VERSION = "3"


@cache
def _stamp() -> str:
    digest = hashlib.sha256((DATA_DIR / "MANIFEST.json").read_bytes())
    digest.update(DERIVATION_VERSION.encode())
    return digest.hexdigest()[:16]


def _directory() -> Path:
    path = data_dir() / "cache" / "panels"
    path.mkdir(parents=True, exist_ok=True)
    return path


def cached_table(name: str, build: Callable[[], pl.DataFrame]) -> pl.DataFrame:
    """``build()``'s table, read from the cache when present, else built and stored."""
    path = _directory() / f"{name}-{_stamp()}.parquet"
    if path.exists():
        return pl.read_parquet(path)
    table = build()
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    table.write_parquet(partial)
    partial.replace(path)
    return table
