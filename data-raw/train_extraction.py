"""Train the shipped provision model from the labelled corpus.

Usage (from the repository root)::

    .venv/bin/python data-raw/train_extraction.py [CORPUS_DIR] [--cv]

CORPUS_DIR defaults to ``$FOEDUS_SHARED/corpus`` (``../shared/corpus``). The model is
written to ``src/foedus/extraction/_models/provisions.npz`` (portable ``.npz``, no
pickle; the scikit-learn version and training counts are recorded in its header).
``--cv`` first prints the grouped 5-fold cross-validation (folds are whole agreements),
the figures reported in ``docs/benchmarks.md``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from foedus.extraction.corpus import labelled_units, load_corpus
from foedus.extraction.evaluation import cross_validate
from foedus.extraction.model import DEFAULT_MODEL_PATH, fit_model

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> None:
    """Train (and optionally cross-validate) on the corpus named in ``argv``."""
    args = [arg for arg in argv if not arg.startswith("--")]
    shared = (REPO / os.environ.get("FOEDUS_SHARED", "../shared")).resolve()
    corpus = Path(args[0]) if args else shared / "corpus"
    documents = load_corpus(corpus)
    if "--cv" in argv:
        report = cross_validate(documents, folds=5)
        print(json.dumps(report.summary(), indent=2))
    units = labelled_units(documents)
    model = fit_model(
        [unit.text for unit in units],
        [unit.labels for unit in units],
        [unit.doc_id for unit in units],
    )
    model.info["corpus"] = corpus.name
    model.save(DEFAULT_MODEL_PATH)
    size = DEFAULT_MODEL_PATH.stat().st_size
    print(f"wrote {DEFAULT_MODEL_PATH.relative_to(REPO)} ({size / 1e6:.2f} MB, {len(units)} units)")


if __name__ == "__main__":
    main(sys.argv[1:])
