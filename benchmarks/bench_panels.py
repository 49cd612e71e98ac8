"""Time the full directed 1816-2018 dyad-year panel (issue 4), as whole processes.

Runs, each under ``/usr/bin/time -v``, after one warm-up run (which fills the
derived-table cache), best of ``--repeat`` (default 5):

1. ``foedus panel dyad-year`` with peacesciencer's benchmark set (ATOP, NMC, contiguity,
   capital distance, democracy, GML MIDs), writing Parquet: the whole command, CLI start
   included;
2. the same panel planned and written by a bare ``python -c`` (the library alone:
   ``plan_panel`` and ``sink_parquet``, no Typer or Rich);
3. the command with DCA and the DCA network added;
4. the command with every dyad-year variable set (MME, US troops, minimum distance and
   major powers too; GML MIDs rather than COW MIDs, as a panel takes one MID version).

Prints, for each, the best and the median wall seconds, the CPU seconds (user + system)
of the best run, peak resident memory (the largest of the runs), rows and columns, and
the load average before and after: the machine is shared, so wall time alone says
little; CPU seconds are steadier under load.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import polars as pl

YEARS = ("--from", "1816", "--to", "2018", "--directed")
PEACESCIENCER_SET = "atop,nmc,contiguity,distance,democracy,mids"
#: Every dyad-year variable set (``foedus panel dyad-year --help``) but COW MIDs, whose
#: dispute columns share GML's names: a panel takes one MID version.
ALL_SETS = "atop,dca,nmc,majors,contiguity,distance,mindist,democracy,mids,mme,troops,network"
LIBRARY = (
    "import os\n"
    "from foedus.panels import Unit, plan_panel\n"
    "plan = plan_panel(Unit.DYAD_YEAR, range(1816, 2019), {sets!r}.split(','))\n"
    "plan.frame.sink_parquet({out!r}, compression='lz4', statistics=False)\n"
    "os._exit(0)\n"
)


def _timed(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of ``command`` under ``time -v``."""
    result = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True,
                            check=True)  # fmt: skip
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    user = re.search(r"User time \(seconds\): ([\d.]+)", result.stderr)
    system = re.search(r"System time \(seconds\): ([\d.]+)", result.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    assert wall and user and system and peak, result.stderr
    hours, minutes, seconds = wall.groups()
    elapsed = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
    return elapsed, float(user[1]) + float(system[1]), int(peak[1]) / 1024


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    """Run the four measurements and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement")
    repeat = parser.parse_args().repeat
    foedus = str(Path(sys.executable).with_name("foedus"))
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "ddy.parquet")
        runs = {
            "foedus panel dyad-year (peacesciencer set)":
                [foedus, "panel", "dyad-year", *YEARS, "--with", PEACESCIENCER_SET, "--out", out],
            "library only, python -c (peacesciencer set)":
                [sys.executable, "-c", LIBRARY.format(sets=PEACESCIENCER_SET, out=out)],
            "foedus panel dyad-year (+ dca, network)":
                [foedus, "panel", "dyad-year", *YEARS, "--with",
                 PEACESCIENCER_SET + ",dca,network", "--out", out],
            "foedus panel dyad-year (every variable set)":
                [foedus, "panel", "dyad-year", *YEARS, "--with", ALL_SETS, "--out", out],
        }  # fmt: skip
        print(f"cores {os.cpu_count()}, load average {_load()}")
        for label, command in runs.items():
            subprocess.run(command, capture_output=True, check=True)  # warm-up, fills cache
            before = _load()
            timings = [_timed(command) for _ in range(repeat)]
            seconds, cpu, _ = min(timings)
            median = statistics.median(wall for wall, _, _ in timings)
            mib = max(peak for _, _, peak in timings)
            columns = len(pl.read_parquet_schema(out))
            rows = pl.scan_parquet(out).select(pl.len()).collect().item()
            print(f"{label}: {seconds:.2f} s (best of {repeat}, median {median:.2f} s; CPU "
                  f"{cpu:.2f} s), peak {mib:,.0f} MiB, {rows:,} rows x {columns} columns; load "
                  f"{before} -> {_load()}")  # fmt: skip


if __name__ == "__main__":
    main()
