"""COW National Material Capabilities: v6.0 (official abridged file) and v7.0 (peacesciencer).

The official files code missing values as -9; they are read as missing, never as numbers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import polars as pl

from foedus.datasets._io import read_release_csv
from foedus.datasets.catalog import bundled_file
from foedus.errors import ConfigError

__all__ = ["NMC_COLUMNS", "NMC_FILES", "read_nmc"]

NMC_COLUMNS = ("milex", "milper", "irst", "pec", "tpop", "upop", "cinc")
NMC_FILES = {"6.0": "NMC-60-abridged.csv", "7.0": "peacesciencer_cow_nmc_v7.csv"}
_SCHEMA = {"ccode": pl.Int64, "year": pl.Int64} | dict.fromkeys(NMC_COLUMNS, pl.Float64)

NmcVersion = Literal["6.0", "7.0"]


def read_nmc(version: str = "7.0", path: Path | None = None) -> pl.DataFrame:
    """State-year capabilities (``ccode``, ``year``, the six components and ``cinc``).

    ``version`` is ``"6.0"`` or ``"7.0"``; -9 (the COW missing code) becomes null.
    """
    if version not in NMC_FILES:
        raise ConfigError(f"NMC version {version!r} is not bundled; choose 6.0 or 7.0")
    frame = read_release_csv(path or bundled_file("cow_nmc", NMC_FILES[version]), _SCHEMA)
    return frame.with_columns(
        [
            pl.when(pl.col(name) == -9).then(None).otherwise(pl.col(name)).alias(name)
            for name in NMC_COLUMNS
        ]
    ).with_columns(pl.lit(version).alias("version"))
