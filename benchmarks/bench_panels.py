"""Time the full directed 1816-2018 dyad-year panel (issue 4), as whole processes.

Runs, each under ``/usr/bin/time -v`` and after one warm-up run (which fills the
derived-table cache):

1. ``foedus panel dyad-year`` with peacesciencer's benchmark set (ATOP, NMC, contiguity,
   capital distance, democracy, GML MIDs), writing Parquet: the whole command, CLI start
   included;
2. the same panel built and written by a bare ``python -c`` (the library alone);
3. the command with DCA added.

Prints wall seconds, peak resident memory, rows and columns for each.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import polars as pl

YEARS = ("--from", "1816", "--to", "2018", "--directed")
PEACESCIENCER_SET = "atop,nmc,contiguity,distance,democracy,mids"
LIBRARY = (
    "from foedus.panels import *\n"
    "p = (create_dyad_years(range(1816, 2019)).pipe(add_atop_alliance).pipe(add_nmc)"
    ".pipe(add_contiguity).pipe(add_capital_distance).pipe(add_democracy).pipe(add_gml_mids))\n"
    "p.frame.write_parquet({out!r}, compression='zstd', compression_level=1, statistics=False)\n"
)


def _timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of ``command`` under ``/usr/bin/time -v``."""
    result = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True,
                            check=True)  # fmt: skip
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    assert wall and peak, result.stderr
    hours, minutes, seconds = wall.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds), int(peak[1]) / 1024


def main() -> None:
    """Run the three measurements and print one line each."""
    foedus = str(Path(sys.executable).with_name("foedus"))
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "ddy.parquet")
        runs = {
            "foedus panel dyad-year (peacesciencer set)":
                [foedus, "panel", "dyad-year", *YEARS, "--with", PEACESCIENCER_SET, "--out", out],
            "library only, python -c (peacesciencer set)":
                [sys.executable, "-c", LIBRARY.format(out=out)],
            "foedus panel dyad-year (+ dca)":
                [foedus, "panel", "dyad-year", *YEARS, "--with", PEACESCIENCER_SET + ",dca",
                 "--out", out],
        }  # fmt: skip
        for label, command in runs.items():
            subprocess.run(command, capture_output=True, check=True)  # warm-up, fills cache
            seconds, mib = _timed(command)
            columns = len(pl.read_parquet_schema(out))
            rows = pl.scan_parquet(out).select(pl.len()).collect().item()
            print(
                f"{label}: {seconds:.2f} s, peak {mib:,.0f} MiB, {rows:,} rows x {columns} columns"
            )


if __name__ == "__main__":
    main()
