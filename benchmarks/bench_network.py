"""Every network figure for every year: DCAD 1980-2010 and ATOP 1816-2018.

Usage: ``.venv/bin/python benchmarks/bench_network.py [--repeat N]``

Builds a fresh SQLite registry with the bundled datasets in a temporary directory
(not timed), reads the party spells and NMC 7.0 capabilities from it (timed apart),
then times :func:`foedus.analytics.network.analyse_years` (yearly networks, state and
network metrics, Leiden communities with tracking, regional blocs and polarity,
dependency and formation) followed by
:func:`foedus.analytics.network.regional_security` (blocs, polarity, agreement
asymmetry and dependency per region-year). Prints the best of ``--repeat`` runs
(default 3) for each source and in all.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from foedus.analytics.network import analyse_years, regional_security
from foedus.datasets.registry_load import load_all
from foedus.storage import create_engine_for, upgrade
from foedus.storage.queries import agreement_party_spells, capabilities_frame

RUNS = {"dcad": (1980, 2010), "atop": (1816, 2018)}


def main(argv: list[str]) -> None:
    """Load a registry, then time the analytics per source and print the figures."""
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine_for(f"sqlite:///{Path(tmp) / 'bench.sqlite'}")
        upgrade(engine)
        load_all(engine)
        started = time.perf_counter()
        spells = {source: agreement_party_spells(engine, sources=[source]) for source in RUNS}
        cinc = capabilities_frame(engine, "7.0")
        read = time.perf_counter() - started
        engine.dispose()
    analyse_years(spells["dcad"], cinc, first=2009, last=2010)  # warm-up: imports, caches
    print(f"registry read (party spells, NMC 7.0): {read:.2f} s")
    total = 0.0
    for source, (first, last) in RUNS.items():
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            result = analyse_years(spells[source], cinc, first=first, last=last)
            regional_security(result, spells[source], cinc)
            best = min(best, time.perf_counter() - started)
        total += best
        print(
            f"{source} {first}-{last}: {len(result.graphs)} years, "
            f"{result.states.height} state-years, {int(result.networks['edges'].max())} "
            f"max edges: {best:.2f} s (best of {repeat})"
        )
    print(f"all figures, both sources: {total:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
