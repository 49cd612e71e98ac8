"""Labelling each article with provisions, with confidence and evidence, and summing up.

Every unit (preamble, article, annex, note paragraph) gets the labels whose calibrated
probability reaches the model's threshold (a preamble only the international-law frame),
each with its evidence: the sentence that best supports it (an unnegated strong pattern
match if there is one, otherwise the sentence the label's classifier scores highest).
When the title names the agreement's one topic (:mod:`foedus.extraction.topics`), that
label is added to the substantive units that speak of it. Agreement-level provisions are
the union over units, each carried by its most confident unit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from foedus.domain.provisions import PROVISION_LABELS
from foedus.extraction.model import ProvisionModel
from foedus.extraction.patterns import PatternHit, find_hits, sentences
from foedus.extraction.segment import Segment, SegmentKind
from foedus.extraction.topics import (
    TOPIC_CONFIDENCE,
    is_final_clause,
    named_topics,
    topic_applies,
)

__all__ = [
    "AgreementProvision",
    "LabelEvidence",
    "LabelledArticle",
    "agreement_provisions",
    "label_articles",
]

#: Segment kinds that carry provisions (titles and signature blocks do not).
LABELLED_KINDS = frozenset(
    {SegmentKind.PREAMBLE, SegmentKind.ARTICLE, SegmentKind.ANNEX, SegmentKind.PART}
)
#: The only label a preamble carries: recitals state motives, not provisions (the corpus
#: labels where an article creates or states a provision), except the frame of the UN
#: Charter or international law, which the label's definition names.
PREAMBLE_LABELS = frozenset({"international_law_compliance"})
_MAX_EVIDENCE = 400
_COLUMN = {label: index for index, label in enumerate(PROVISION_LABELS)}


@dataclass(frozen=True, slots=True)
class LabelEvidence:
    """One label of one unit: calibrated confidence and the supporting sentence."""

    label: str
    confidence: float
    evidence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class LabelledArticle:
    """A unit of the agreement with its labels (most confident first)."""

    segment: Segment
    text: str
    labels: tuple[LabelEvidence, ...]

    @property
    def label_names(self) -> frozenset[str]:
        """The unit's label names."""
        return frozenset(item.label for item in self.labels)


@dataclass(frozen=True, slots=True)
class AgreementProvision:
    """A provision of the whole agreement, carried by its most confident unit."""

    label: str
    confidence: float
    article: str
    evidence: str
    articles: tuple[str, ...]


def label_articles(
    text: str, segments: Sequence[Segment], model: ProvisionModel
) -> list[LabelledArticle]:
    """Label every provision-bearing segment of normalised ``text``."""
    units = [piece for piece in segments if piece.kind in LABELLED_KINDS]
    texts = [piece.text(text) for piece in units]
    if not units:
        return []
    hits = [find_hits(unit) for unit in texts]
    matrix, strong = model.features(texts, hits)
    probabilities = model.combine(model.scores(matrix), strong)
    title = next((piece.text(text) for piece in segments if piece.kind is SegmentKind.TITLE), None)
    _add_topics(probabilities, units, texts, named_topics(title, texts[0]), model.threshold)
    out: list[LabelledArticle] = []
    for row, piece in enumerate(units):
        chosen = [
            int(j)
            for j in np.argsort(-probabilities[row])
            if probabilities[row, j] >= model.threshold
            and (piece.kind is not SegmentKind.PREAMBLE or PROVISION_LABELS[j] in PREAMBLE_LABELS)
        ]
        labels = _evidence(texts[row], hits[row], piece.start, chosen, probabilities[row], model)
        out.append(LabelledArticle(piece, texts[row], labels))
    return out


def _add_topics(
    probabilities: npt.NDArray[np.float64],
    units: Sequence[Segment],
    texts: Sequence[str],
    topics: frozenset[str],
    threshold: float,
) -> None:
    """Raise each named topic to at least ``TOPIC_CONFIDENCE`` on the substantive units.

    Substantive: not the preamble, not a final clause (judged on the labels the model
    gives before any topic is added), and using the topic's own vocabulary.
    """
    if not topics:
        return
    for row, piece in enumerate(units):
        if piece.kind is SegmentKind.PREAMBLE:
            continue
        predicted = [PROVISION_LABELS[j] for j in np.flatnonzero(probabilities[row] >= threshold)]
        if is_final_clause(texts[row], predicted):
            continue
        for label in topics:
            if topic_applies(label, texts[row]):
                column = _COLUMN[label]
                probabilities[row, column] = max(probabilities[row, column], TOPIC_CONFIDENCE)


def _evidence(
    unit: str,
    hits: Sequence[PatternHit],
    offset: int,
    columns: Sequence[int],
    probabilities: npt.NDArray[np.float64],
    model: ProvisionModel,
) -> tuple[LabelEvidence, ...]:
    """For each chosen label, the sentence of ``unit`` that best supports it.

    An unnegated strong pattern match is the evidence where there is one; otherwise the
    sentence the label's classifier scores highest (sentences are vectorised once per
    unit, only when some label needs them).
    """
    out: list[LabelEvidence] = []
    scores: npt.NDArray[np.float64] | None = None
    spans: list[tuple[int, int]] = []
    for column in columns:
        label, confidence = PROVISION_LABELS[column], float(probabilities[column])
        hit = next((h for h in hits if h.label == label and h.strong and not h.negated), None)
        if hit is not None:
            out.append(_make(unit, offset, label, confidence, hit.start, hit.end))
            continue
        if scores is None:
            spans = sentences(unit)
            matrix = model.vectorizer.transform([unit[a:b] for a, b in spans])
            scores = np.asarray(matrix @ model.coef[:, : matrix.shape[1]].T)
        if not spans:
            out.append(_make(unit, offset, label, confidence, 0, len(unit)))
            continue
        best = int(np.argmax(scores[:, column]))
        out.append(_make(unit, offset, label, confidence, *spans[best]))
    return tuple(out)


def _make(
    unit: str, offset: int, label: str, confidence: float, start: int, end: int
) -> LabelEvidence:
    sentence = " ".join(unit[start:end].split())
    if len(sentence) > _MAX_EVIDENCE:
        sentence = sentence[: _MAX_EVIDENCE - 1].rstrip() + "…"
    return LabelEvidence(label, round(confidence, 4), sentence, offset + start, offset + end)


def agreement_provisions(articles: Sequence[LabelledArticle]) -> list[AgreementProvision]:
    """Agreement-level provisions: each label found in any unit, taxonomy order."""
    best: dict[str, tuple[LabelEvidence, str]] = {}
    carriers: dict[str, list[str]] = {}
    for article in articles:
        for item in article.labels:
            carriers.setdefault(item.label, []).append(article.segment.heading)
            if item.label not in best or item.confidence > best[item.label][0].confidence:
                best[item.label] = (item, article.segment.heading)
    return [
        AgreementProvision(
            label,
            best[label][0].confidence,
            best[label][1],
            best[label][0].evidence,
            tuple(carriers[label]),
        )
        for label in PROVISION_LABELS
        if label in best
    ]
