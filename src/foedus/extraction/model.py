"""The statistical provision model: TF-IDF and pattern features, a calibrated classifier per label.

For each of the 33 labels a logistic regression scores a unit's text from word and
bigram TF-IDF plus the pattern features of :mod:`foedus.extraction.patterns`; Platt
scaling fitted on out-of-fold scores (folds grouped by agreement) turns scores into
calibrated probabilities. A strong, unnegated pattern match adds evidence through a
noisy-or with that pattern's own precision measured on the training units (a Beta prior
for patterns the training texts never use), so labels too rare to learn (mutual defense,
say) are still found, and a precise pattern settles a label the classifier doubts while
a loose one, measured as such, does not.

The fitted model is stored in a portable ``.npz`` file (arrays and a JSON header; no
pickle, loaded with ``allow_pickle=False``), shipped in ``extraction/_models/``. Applying
it needs numpy and scipy only: :class:`TextVectorizer` reproduces scikit-learn's TF-IDF
transform from the stored vocabulary and idf weights, so ``foedus extract`` does not pay
the two seconds of importing scikit-learn, which only training needs.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from foedus.domain.provisions import PROVISION_LABELS
from foedus.errors import ExtractionError
from foedus.extraction.patterns import (
    STRONG_LABELS,
    STRONG_PATTERNS,
    PatternHit,
    find_hits,
    label_slices,
)

__all__ = [
    "DEFAULT_MODEL_PATH",
    "ProvisionModel",
    "TextVectorizer",
    "fit_model",
    "load_model",
    "pattern_features",
]

DEFAULT_MODEL_PATH = Path(__file__).parent / "_models" / "provisions.npz"
_FORMAT = "foedus-provisions/2"
_LABEL_INDEX = {label: index for index, label in enumerate(PROVISION_LABELS)}
_PATTERN_WEIGHT = 0.5  # scale of the pattern columns relative to TF-IDF (unit-norm rows)
_MIN_POSITIVES = 3  # fewer training examples than this: no classifier, patterns only
_RULE_PRIOR = (2.0, 1.0)  # Beta prior (hits, misses) for a strong pattern's precision
_SLICES = label_slices()
#: Identifies the pattern set a model's per-pattern precisions belong to.
_PATTERNS_DIGEST = hashlib.sha256(
    "\n".join(pattern.pattern for pattern in STRONG_PATTERNS).encode()
).hexdigest()[:16]

FloatArray = npt.NDArray[np.float64]
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern


@dataclass(slots=True)
class TextVectorizer:
    """scikit-learn's ``TfidfVectorizer.transform`` for a fitted vocabulary, without sklearn.

    Lower-cases, takes the default tokens (two or more word characters), forms word
    n-grams joined by a space, weights counts (``1 + log`` when ``sublinear_tf``) by idf
    and scales each row to unit length: the same numbers as the fitted vectorizer.
    """

    vocabulary_: dict[str, int]
    idf_: FloatArray
    ngram_range: tuple[int, int] = (1, 2)
    sublinear_tf: bool = True

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        """TF-IDF rows (L2-normalised) for ``texts``."""
        low, high = self.ngram_range
        indptr, indices, values = [0], [], []
        for text in texts:
            tokens = _TOKEN.findall(text.lower())
            counts: Counter[int] = Counter()
            for n in range(low, high + 1):
                grams = tokens if n == 1 else [
                    " ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)
                ]  # fmt: skip
                counts.update(
                    index for gram in grams if (index := self.vocabulary_.get(gram)) is not None
                )
            columns = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            weights = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            if self.sublinear_tf:
                weights = np.log(weights) + 1.0
            weights *= self.idf_[columns]
            norm = float(np.sqrt(weights @ weights))
            if norm > 0:
                weights /= norm
            order = np.argsort(columns)
            indices.append(columns[order])
            values.append(weights[order])
            indptr.append(indptr[-1] + len(columns))
        return sp.csr_matrix(
            (
                np.concatenate(values) if values else np.zeros(0),
                np.concatenate(indices) if indices else np.zeros(0, dtype=np.int64),
                np.asarray(indptr),
            ),
            shape=(len(texts), len(self.idf_)),
        )


def pattern_features(
    texts: Sequence[str], hits: Sequence[Sequence[PatternHit]] | None = None
) -> tuple[sp.csr_matrix, FloatArray]:
    """Pattern features (strong, cue, negated counts per label) and strong-pattern indicators.

    The indicators have one column per pattern of
    :data:`~foedus.extraction.patterns.STRONG_PATTERNS`: 1 where the unit has an unnegated
    match. ``hits`` may pass :func:`~foedus.extraction.patterns.find_hits` results already
    found.
    """
    n_labels = len(PROVISION_LABELS)
    features = np.zeros((len(texts), 3 * n_labels))
    strong = np.zeros((len(texts), len(STRONG_PATTERNS)))
    for row, text in enumerate(texts):
        for hit in find_hits(text) if hits is None else hits[row]:
            column = _LABEL_INDEX[hit.label]
            if hit.negated:
                features[row, 2 * n_labels + column] += 1
            elif hit.strong:
                features[row, column] += 1
                strong[row, hit.pattern] = 1.0
            else:
                features[row, n_labels + column] += 1
    return sp.csr_matrix(np.log1p(features) * _PATTERN_WEIGHT), strong


@dataclass(slots=True)
class ProvisionModel:
    """A fitted provision model: vectorizer, per-label weights, calibration and rule precision."""

    vectorizer: TextVectorizer
    coef: FloatArray  # labels x features
    intercept: FloatArray
    platt: FloatArray  # labels x 2 (slope, offset)
    rule_precision: FloatArray  # one per strong pattern
    threshold: float
    info: dict[str, Any]

    def features(
        self, texts: Sequence[str], hits: Sequence[Sequence[PatternHit]] | None = None
    ) -> tuple[sp.csr_matrix, FloatArray]:
        """The model's feature matrix for ``texts`` and their strong-pattern indicators."""
        patterns, strong = pattern_features(texts, hits)
        return sp.hstack([self.vectorizer.transform(texts), patterns]).tocsr(), strong

    def scores(self, matrix: sp.csr_matrix) -> FloatArray:
        """Raw decision scores (labels in taxonomy order) for a feature matrix."""
        return np.asarray(matrix @ self.coef.T) + self.intercept

    def predict_proba(self, texts: Sequence[str]) -> FloatArray:
        """Calibrated probability of each label for each text (rows: texts)."""
        if not texts:
            return np.zeros((0, len(PROVISION_LABELS)))
        matrix, strong = self.features(texts)
        return self.combine(self.scores(matrix), strong)

    def combine(self, scores: FloatArray, strong: FloatArray) -> FloatArray:
        """Platt-scale the scores and merge in strong pattern evidence (noisy-or).

        A label's pattern evidence is the precision of its most precise matching pattern.
        """
        model = 1.0 / (1.0 + np.exp(-(self.platt[:, 0] * scores + self.platt[:, 1])))
        weighted = strong * self.rule_precision
        rules = np.zeros_like(model)
        for column, part in enumerate(_SLICES):
            if part.stop > part.start:
                rules[:, column] = weighted[:, part].max(axis=1)
        return np.asarray(1.0 - (1.0 - model) * (1.0 - rules))

    def save(self, path: str | Path) -> None:
        """Write the model as a portable ``.npz`` (no pickle)."""
        header = {
            "format": _FORMAT,
            "labels": list(PROVISION_LABELS),
            "vocabulary": sorted(
                self.vectorizer.vocabulary_, key=self.vectorizer.vocabulary_.__getitem__
            ),
            "vectorizer": {
                "ngram_range": list(self.vectorizer.ngram_range),
                "sublinear_tf": self.vectorizer.sublinear_tf,
            },
            "threshold": self.threshold,
            "patterns": _PATTERNS_DIGEST,
            "info": self.info,
        }
        np.savez_compressed(
            path,
            header=np.array(json.dumps(header)),
            idf=self.vectorizer.idf_.astype(np.float32),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept,
            platt=self.platt,
            rule_precision=self.rule_precision,
        )


def load_model(path: str | Path = DEFAULT_MODEL_PATH) -> ProvisionModel:
    """Load a model saved by :meth:`ProvisionModel.save`."""
    try:
        with np.load(path, allow_pickle=False) as data:
            header = json.loads(str(data["header"]))
            arrays = {
                key: np.asarray(data[key], dtype=np.float64)
                for key in data.files
                if key != "header"
            }
    except (OSError, ValueError, KeyError) as error:
        raise ExtractionError(f"cannot load the provision model {path}: {error}") from error
    if (
        header.get("format") != _FORMAT
        or header.get("labels") != list(PROVISION_LABELS)
        or header.get("patterns") != _PATTERNS_DIGEST
    ):
        raise ExtractionError(
            f"{path}: not a provision model for this taxonomy and pattern set; retrain it"
        )
    settings = header["vectorizer"]
    low, high = settings["ngram_range"]
    vectorizer = TextVectorizer(
        vocabulary_={term: index for index, term in enumerate(header["vocabulary"])},
        idf_=arrays["idf"],
        ngram_range=(int(low), int(high)),
        sublinear_tf=bool(settings["sublinear_tf"]),
    )
    return ProvisionModel(
        vectorizer=vectorizer,
        coef=arrays["coef"],
        intercept=arrays["intercept"],
        platt=arrays["platt"],
        rule_precision=arrays["rule_precision"],
        threshold=float(header["threshold"]),
        info=dict(header["info"]),
    )


def fit_model(
    texts: Sequence[str],
    labels: Sequence[frozenset[str]],
    groups: Sequence[str],
    *,
    c: float = 4.0,
    calibration_folds: int = 4,
    threshold: float = 0.5,
    rule_min_precision: float = 0.6,
    rule_min_fired: int = 3,
) -> ProvisionModel:
    """Fit a model on labelled units; ``groups`` (agreement ids) keep calibration honest.

    The defaults are the shipped settings, chosen by grouped cross-validation
    (docs/benchmarks.md). A strong pattern that fired at least ``rule_min_fired`` times on
    the training units with a precision below ``rule_min_precision`` is judged loose and
    left to the classifier as a feature; one seen less often keeps its measured precision.

    Platt calibration is fitted on scores from a grouped cross-validation inside the
    training data, never on scores of units the classifier was trained on.
    """
    import sklearn
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.model_selection import GroupKFold

    targets = np.array([[label in unit for label in PROVISION_LABELS] for unit in labels], float)
    vectorizer = TfidfVectorizer(
        ngram_range=(1, 2), sublinear_tf=True, min_df=2, max_features=12000
    )
    vectorizer.fit(texts)
    fitted = TextVectorizer(
        {str(term): int(index) for term, index in vectorizer.vocabulary_.items()},
        np.asarray(vectorizer.idf_, dtype=np.float64),
        (1, 2),
        True,
    )
    patterns, strong = pattern_features(texts)
    matrix = sp.hstack([fitted.transform(texts), patterns]).tocsr()
    coef, intercept = _fit_linear(matrix, targets, c)
    out_of_fold = np.zeros_like(targets)
    group_array = np.asarray(groups)
    folds = min(calibration_folds, len(set(groups)))
    if folds >= 2:
        for train, test in GroupKFold(n_splits=folds).split(matrix, targets, group_array):
            fold_coef, fold_intercept = _fit_linear(matrix[train], targets[train], c)
            out_of_fold[test] = np.asarray(matrix[test] @ fold_coef.T) + fold_intercept
    else:
        out_of_fold = np.asarray(matrix @ coef.T) + intercept
    platt = np.array([_platt(out_of_fold[:, j], targets[:, j]) for j in range(targets.shape[1])])
    pattern_targets = targets[:, [_LABEL_INDEX[label] for label in STRONG_LABELS]]
    hits = (strong * pattern_targets).sum(axis=0)
    fired = strong.sum(axis=0)
    rule_precision = (hits + _RULE_PRIOR[0]) / (fired + _RULE_PRIOR[0] + _RULE_PRIOR[1])
    # A pattern measured as loose adds nothing beyond the classifier, which sees it too;
    # one the training texts never use keeps its prior.
    rule_precision[(rule_precision < rule_min_precision) & (fired >= max(rule_min_fired, 1))] = 0.0
    info = {
        "sklearn_version": sklearn.__version__,
        "units": len(texts),
        "agreements": len(set(groups)),
        "positives": {label: int(targets[:, j].sum()) for j, label in enumerate(PROVISION_LABELS)},
        "c": c,
        "rule_min_precision": rule_min_precision,
        "rule_min_fired": rule_min_fired,
    }
    return ProvisionModel(fitted, coef, intercept, platt, rule_precision, threshold, info)


def _fit_linear(
    matrix: sp.csr_matrix, targets: FloatArray, c: float
) -> tuple[FloatArray, FloatArray]:
    from sklearn.linear_model import LogisticRegression

    coef = np.zeros((targets.shape[1], matrix.shape[1]))
    intercept = np.full(targets.shape[1], -8.0)
    for j in range(targets.shape[1]):
        positives = int(targets[:, j].sum())
        if positives < _MIN_POSITIVES or positives == len(targets):
            continue
        classifier = LogisticRegression(
            C=c, class_weight="balanced", max_iter=2000, solver="liblinear"
        )
        classifier.fit(matrix, targets[:, j])
        coef[j] = classifier.coef_[0]
        intercept[j] = classifier.intercept_[0]
    return coef, intercept


def _platt(scores: FloatArray, target: FloatArray) -> tuple[float, float]:
    """Slope and offset of a logistic fit of ``target`` on ``scores`` (Platt scaling)."""
    from sklearn.linear_model import LogisticRegression

    positives = int(target.sum())
    if positives == 0 or positives == len(target) or np.ptp(scores) == 0:
        return 1.0, 0.0
    # Platt's smoothed targets keep the fit finite when the classes separate.
    smoothed = np.where(
        target > 0, (positives + 1) / (positives + 2), 1 / (len(target) - positives + 2)
    )
    stacked = np.concatenate([scores, scores])[:, None]
    labels = np.concatenate([np.ones_like(target), np.zeros_like(target)])
    sample_weight = np.concatenate([smoothed, 1 - smoothed])
    fit = LogisticRegression(C=1e4, max_iter=1000).fit(stacked, labels, sample_weight=sample_weight)
    return float(fit.coef_[0, 0]), float(fit.intercept_[0])
