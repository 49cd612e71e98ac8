"""Benchmark: a full ``foedus init`` into a fresh SQLite registry (or FOEDUS_DATABASE_URL).

Runs the real command in a child process so the figures include start-up and imports,
and prints seconds, rows loaded per second and the child's peak resident memory.

    python benchmarks/bench_load.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from foedus.storage import create_engine_for
from foedus.storage import schema as t


def _rows(url: str) -> int:
    engine = create_engine_for(url)
    total = 0
    with engine.connect() as connection:
        for table in (t.states, t.state_spells, t.capabilities, t.agreements,
                      t.agreement_parties, t.agreement_sources, t.provisions):  # fmt: skip
            total += int(connection.execute(select(func.count()).select_from(table)).scalar_one())
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    foedus = Path(sys.executable).with_name("foedus")
    timings = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as home:
            env = os.environ | {"FOEDUS_HOME": home}
            url = env.get("FOEDUS_DATABASE_URL", f"sqlite:///{home}/foedus.sqlite")
            started = time.perf_counter()
            subprocess.run([str(foedus), "init", "--force"], env=env, check=True,
                           stdout=subprocess.DEVNULL)  # fmt: skip
            timings.append(time.perf_counter() - started)
            rows = _rows(url)
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    best = min(timings)
    print(f"foedus init: best {best:.2f} s of {args.repeat} (all: "
          f"{', '.join(f'{s:.2f}' for s in timings)})")  # fmt: skip
    print(f"rows written: {rows:,}; {rows / best:,.0f} rows/s")
    print(f"peak memory (child process): {peak_mib:,.0f} MiB")


if __name__ == "__main__":
    main()
