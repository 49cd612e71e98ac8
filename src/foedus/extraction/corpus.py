"""Reading a labelled corpus folder and lining its units up with our segments.

A corpus folder holds, per agreement ``NNN_slug``, the text (``.txt``), its metadata
(``.json``) and its labelled units (``.labels.json``: ``{"article", "labels"}``). The
labelled units are named by heading as it stands in the text; :func:`match_units` pairs
them with segments by heading (exactly, then ignoring case, punctuation and the
container prefix), which is how both training and evaluation see the corpus.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from foedus.domain.provisions import PROVISION_LABELS
from foedus.errors import DataError
from foedus.extraction.normalise import normalise
from foedus.extraction.segment import Segment, SegmentKind, segment

__all__ = [
    "CorpusDocument",
    "LabelledUnit",
    "heading_key",
    "labelled_units",
    "load_corpus",
    "match_units",
]


@dataclass(frozen=True, slots=True)
class CorpusDocument:
    """One agreement of a labelled corpus: id, text, metadata and gold units."""

    doc_id: str
    text: str
    meta: dict[str, Any]
    gold: list[tuple[str, frozenset[str]]] = field(default_factory=list)

    @property
    def gold_provisions(self) -> frozenset[str]:
        """Agreement-level gold labels: the union over its units."""
        return frozenset().union(*(labels for _, labels in self.gold))


@dataclass(frozen=True, slots=True)
class LabelledUnit:
    """A segment of a corpus document with its text and gold labels (for training)."""

    doc_id: str
    heading: str
    text: str
    labels: frozenset[str]


def load_corpus(directory: str | Path) -> list[CorpusDocument]:
    """Read every ``NNN_slug.txt`` with its ``.json`` and ``.labels.json`` in ``directory``."""
    directory = Path(directory)
    if not directory.is_dir():
        raise DataError(f"{directory}: not a corpus folder")
    documents: list[CorpusDocument] = []
    for path in sorted(directory.glob("*.txt")):
        stem = path.name[: -len(".txt")]
        meta_path = directory / f"{stem}.json"
        labels_path = directory / f"{stem}.labels.json"
        meta = json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {}
        gold: list[tuple[str, frozenset[str]]] = []
        if labels_path.exists():
            for entry in json.loads(labels_path.read_text("utf-8")):
                unknown = set(entry["labels"]) - set(PROVISION_LABELS)
                if unknown:
                    raise DataError(f"{labels_path}: unknown label(s) {sorted(unknown)}")
                gold.append((str(entry["article"]), frozenset(entry["labels"])))
        documents.append(CorpusDocument(stem, path.read_text("utf-8"), meta, gold))
    if not documents:
        raise DataError(f"{directory}: no agreement texts (NNN_slug.txt) found")
    return documents


def heading_key(heading: str) -> str:
    """A heading reduced for matching: lower case, no punctuation or spaces."""
    return re.sub(r"[^a-z0-9§]+", "", heading.lower())


def _last_part(heading: str) -> str:
    """The unit's own name: no container prefix, no repeat number ``(2)``."""
    return heading_key(re.sub(r"\s*\(\d+\)$", "", heading.rsplit(", ", 1)[-1]))


def match_units(gold_headings: list[str], segments: list[Segment]) -> dict[int, int]:
    """Pair gold unit index → segment index by heading; each segment used at most once."""
    units = [
        (index, piece)
        for index, piece in enumerate(segments)
        if piece.kind not in {SegmentKind.TITLE, SegmentKind.SIGNATURE}
    ]
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for key in (lambda h: h, heading_key, _last_part):
        for gold_index, heading in enumerate(gold_headings):
            if gold_index in pairs:
                continue
            for index, piece in units:
                if index not in used and key(piece.heading) == key(heading):
                    pairs[gold_index] = index
                    used.add(index)
                    break
    return pairs


def labelled_units(documents: list[CorpusDocument]) -> list[LabelledUnit]:
    """Segment each corpus text and attach gold labels to the segments that match."""
    units: list[LabelledUnit] = []
    for document in documents:
        cleaned = normalise(document.text).text
        segments = segment(cleaned)
        pairs = match_units([heading for heading, _ in document.gold], segments)
        for gold_index, seg_index in sorted(pairs.items()):
            piece = segments[seg_index]
            units.append(
                LabelledUnit(
                    document.doc_id,
                    piece.heading,
                    piece.text(cleaned),
                    document.gold[gold_index][1],
                )
            )
    return units
