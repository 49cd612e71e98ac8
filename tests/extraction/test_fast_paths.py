"""The fast paths give the same answers as the slow ones they replace."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from foedus.extraction.model import TextVectorizer
from foedus.extraction.normalise import normalise
from foedus.extraction.patterns import (
    CUES,
    STRONG_LABELS,
    STRONG_PATTERNS,
    TRIGGERS,
    find_hits,
    sentences,
)
from foedus.extraction.pipeline import default_model


def _texts(corpus_dir: Path, step: int = 3) -> list[str]:
    paths = sorted(corpus_dir.glob("*.txt"))[::step]
    return [normalise(path.read_text("utf-8")).text for path in paths]


def test_text_vectorizer_matches_scikit_learn(corpus_dir: Path) -> None:
    texts = _texts(corpus_dir)
    fitted = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2).fit(texts[1:])
    ours = TextVectorizer(dict(fitted.vocabulary_), fitted.idf_, (1, 2), True)
    unseen = [texts[0], "", "Article 5 ARMED attack, attack!", "ÉTAT état 42"]
    assert np.allclose(ours.transform(unseen).toarray(), fitted.transform(unseen).toarray())
    shipped = default_model().vectorizer
    assert shipped.transform(texts[:2]).shape == (2, len(shipped.idf_))


def test_trigger_words_never_hide_a_match(corpus_dir: Path) -> None:
    # Every sentence a label's pattern matches contains one of the label's trigger words,
    # so skipping sentences without them loses nothing.
    for text in _texts(corpus_dir, step=4):
        for start, end in sentences(text):
            sentence = text[start:end]
            lowered = sentence.lower()
            tables = [*zip(STRONG_LABELS, STRONG_PATTERNS, strict=True), *CUES.items()]
            for label, pattern in tables:
                if pattern is not None and pattern.search(sentence):
                    assert any(word in lowered for word in TRIGGERS[label]), (label, sentence)


def test_hits_are_found_per_label_with_negation() -> None:
    text = (
        "The Parties shall consult together whenever the security of any of them is threatened. "
        "Nothing in this Agreement shall oblige a Party to assist a Party attacked by a third "
        "State."
    )
    hits = find_hits(text)
    consult = [h for h in hits if h.label == "consultation" and h.strong]
    assert consult and not consult[0].negated
    defense = [h for h in hits if h.label == "mutual_defense"]
    assert defense and all(h.negated for h in defense)
