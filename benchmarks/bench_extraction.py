"""Throughput and peak memory of text extraction on the labelled corpus, on one core.

Usage: ``.venv/bin/python benchmarks/bench_extraction.py [CORPUS_DIR] [--repeat N]``

Runs the whole pipeline (normalise, quality check, segment, label with evidence,
metadata, kind) over every corpus text, after one warm-up call that loads the model
and the country tables. Prints the first-call latency (import plus that first call,
wall clock), articles per second (CPU time) and the process's peak resident memory.
Numeric libraries are pinned to one thread.
"""

from __future__ import annotations

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import importlib  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> None:
    """Time the pipeline over the corpus and print the figures."""
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    args = [
        a
        for i, a in enumerate(argv)
        if not a.startswith("--") and (i == 0 or argv[i - 1] != "--repeat")
    ]
    shared = (REPO / os.environ.get("FOEDUS_SHARED", "../shared")).resolve()
    corpus = Path(args[0]) if args else shared / "corpus"
    documents = [path.read_bytes() for path in sorted(corpus.glob("*.txt"))]
    wall = time.perf_counter()
    extract = importlib.import_module("foedus.extraction.pipeline").extract
    extract(documents[0], name="warm-up.txt")
    first_call = time.perf_counter() - wall
    articles = characters = 0
    start = time.process_time()
    for _ in range(repeat):
        for data in documents:
            result = extract(data, name="bench.txt")
            articles += len(result.articles)
            characters += len(result.document.text)
    elapsed = time.process_time() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"first call (import, model and country tables, one document): {first_call:.2f} s")
    print(f"documents: {len(documents) * repeat}  articles: {articles}  characters: {characters:,}")
    print(f"CPU time: {elapsed:.2f} s  throughput: {articles / elapsed:.0f} articles/s, "
          f"{characters / elapsed / 1e3:.0f} k characters/s")  # fmt: skip
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
