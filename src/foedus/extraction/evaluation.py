"""Scoring provision extraction against a labelled corpus, and cross-validating the model.

Two levels are scored, each per label and as micro and macro averages of precision,
recall and F1:

* **article level**: each gold unit is paired with the extracted unit of the same
  heading (see :func:`~foedus.extraction.corpus.match_units`); a gold unit with no
  partner counts all its labels as missed;
* **agreement level**: the union of labels over the agreement's units.

:func:`cross_validate` measures generalisation honestly: folds are whole agreements
(``GroupKFold``), and each held-out agreement goes through the full pipeline
(normalisation, segmentation, labelling), never through its gold segmentation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from foedus.domain.provisions import PROVISION_LABELS
from foedus.extraction.corpus import CorpusDocument, labelled_units, match_units
from foedus.extraction.model import ProvisionModel, fit_model
from foedus.extraction.normalise import normalise
from foedus.extraction.provisions import LabelledArticle, label_articles
from foedus.extraction.segment import segment

__all__ = [
    "EvaluationReport",
    "LabelCounts",
    "cross_validate",
    "evaluate_documents",
    "pipeline_labeller",
    "prf",
]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass(slots=True)
class LabelCounts:
    """True positives, false positives and false negatives per label."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, gold: Iterable[str], predicted: Iterable[str]) -> None:
        """Count one comparison of a gold and a predicted label set."""
        gold_set, predicted_set = set(gold), set(predicted)
        for label in gold_set & predicted_set:
            self.tp[label] += 1
        for label in predicted_set - gold_set:
            self.fp[label] += 1
        for label in gold_set - predicted_set:
            self.fn[label] += 1

    def micro(self) -> tuple[float, float, float]:
        """Micro-averaged precision, recall, F1 (pooled counts)."""
        return prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    def macro(self) -> tuple[float, float, float]:
        """Macro averages over the labels present in gold or predictions."""
        labels = [
            label for label in PROVISION_LABELS if self.tp[label] + self.fp[label] + self.fn[label]
        ]
        if not labels:
            return 0.0, 0.0, 0.0
        scores = [prf(self.tp[label], self.fp[label], self.fn[label]) for label in labels]
        return tuple(sum(values) / len(labels) for values in zip(*scores, strict=True))  # type: ignore[return-value]

    def rows(self) -> list[dict[str, object]]:
        """One row per label seen: support, counts, precision, recall, F1."""
        out: list[dict[str, object]] = []
        for label in PROVISION_LABELS:
            tp, fp, fn = self.tp[label], self.fp[label], self.fn[label]
            if tp + fp + fn == 0:
                continue
            precision, recall, f1 = prf(tp, fp, fn)
            out.append(
                {"label": label, "support": tp + fn, "tp": tp, "fp": fp, "fn": fn,
                 "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}
            )  # fmt: skip
        return out


@dataclass(slots=True)
class EvaluationReport:
    """Article- and agreement-level counts, with how many gold units found a partner."""

    article: LabelCounts = field(default_factory=LabelCounts)
    agreement: LabelCounts = field(default_factory=LabelCounts)
    gold_units: int = 0
    matched_units: int = 0
    documents: int = 0

    def summary(self) -> dict[str, object]:
        """Micro and macro figures of both levels, rounded, for printing."""
        out: dict[str, object] = {
            "documents": self.documents,
            "gold_units": self.gold_units,
            "matched_units": self.matched_units,
        }
        for level, counts in (("article", self.article), ("agreement", self.agreement)):
            for average, values in (("micro", counts.micro()), ("macro", counts.macro())):
                for name, value in zip(("precision", "recall", "f1"), values, strict=True):
                    out[f"{level}_{average}_{name}"] = round(value, 4)
        return out


def evaluate_documents(
    documents: Sequence[CorpusDocument],
    labeller: Callable[[CorpusDocument], list[LabelledArticle]],
    report: EvaluationReport | None = None,
) -> EvaluationReport:
    """Score ``labeller``'s output on labelled ``documents`` (adds to ``report`` if given)."""
    report = report if report is not None else EvaluationReport()
    for document in documents:
        articles = labeller(document)
        pairs = match_units(
            [heading for heading, _ in document.gold], [a.segment for a in articles]
        )
        for gold_index, (_, gold_labels) in enumerate(document.gold):
            predicted = (
                articles[pairs[gold_index]].label_names if gold_index in pairs else frozenset()
            )
            report.article.add(gold_labels, predicted)
        predicted_all = frozenset().union(*(article.label_names for article in articles))
        report.agreement.add(document.gold_provisions, predicted_all)
        report.gold_units += len(document.gold)
        report.matched_units += len(pairs)
        report.documents += 1
    return report


def pipeline_labeller(model: ProvisionModel) -> Callable[[CorpusDocument], list[LabelledArticle]]:
    """Label a corpus document the way ``foedus extract`` would: normalise, segment, label."""

    def run(document: CorpusDocument) -> list[LabelledArticle]:
        cleaned = normalise(document.text).text
        return label_articles(cleaned, segment(cleaned), model)

    return run


def cross_validate(
    documents: Sequence[CorpusDocument],
    *,
    folds: int = 5,
    on_fold: Callable[[], None] | None = None,
) -> EvaluationReport:
    """Grouped cross-validation: train on some agreements, score the others, pool counts.

    Each fold's model is fitted with :func:`~foedus.extraction.model.fit_model`'s
    defaults, the shipped settings. ``on_fold()`` is called after each fold (for progress
    display).
    """
    from sklearn.model_selection import GroupKFold  # training only: keep imports light

    report = EvaluationReport()
    indices = list(range(len(documents)))
    for train, test in GroupKFold(n_splits=folds).split(indices, groups=indices):
        training = [documents[i] for i in train]
        units = labelled_units(training)
        model = fit_model(
            [unit.text for unit in units],
            [unit.labels for unit in units],
            [unit.doc_id for unit in units],
        )
        evaluate_documents([documents[i] for i in test], pipeline_labeller(model), report)
        if on_fold:
            on_fold()
    return report
