"""Topical agreements: a title naming the whole topic labels the substantive articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.extraction.normalise import normalise
from foedus.extraction.pipeline import default_model
from foedus.extraction.provisions import label_articles
from foedus.extraction.segment import segment
from foedus.extraction.topics import TOPIC_CONFIDENCE, is_final_clause, named_topics

ATT = "049_arms-trade-treaty-2013"


def _carriers(text: str, label: str) -> dict[str, float]:
    cleaned = normalise(text).text
    return {
        article.segment.heading: item.confidence
        for article in label_articles(cleaned, segment(cleaned), default_model())
        for item in article.labels
        if item.label == label
    }


def test_arms_trade_treaty_title_labels_operative_articles_not_final_clauses(
    corpus_dir: Path,
) -> None:
    text = (corpus_dir / f"{ATT}.txt").read_text("utf-8")
    carriers = _carriers(text, "procurement_armaments")
    # Export, import, brokering: labelled because the title names the topic.
    assert {"Article 7", "Article 8", "Article 10"} <= carriers.keys()
    assert carriers["Article 7"] >= TOPIC_CONFIDENCE
    # Final clauses (entry into force, reservations, depositary, authentic texts) never get
    # the topic; the preamble carries only the international-law frame.
    assert not {"Article 22", "Article 25", "Article 27", "Article 28"} & carriers.keys()
    assert "Preamble" not in carriers
    # The same text under a title that names no topic: the export, import and brokering
    # articles still carry the label by their own wording, but the articles that need the
    # title's context lose it.
    neutral = _carriers(
        text.replace("The Arms Trade Treaty", "The Treaty", 1), "procurement_armaments"
    )
    assert {"Article 7", "Article 8", "Article 10"} <= neutral.keys()
    assert neutral.keys() < carriers.keys()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Agreement between the Kingdom of the Netherlands and the Kingdom of Sweden on the "
            "Reciprocal Protection of Classified Military Information",
            {"classified_information"},
        ),
        ("The Arms Trade Treaty", {"procurement_armaments"}),
        (
            "Treaty on principles governing the activities of States in the exploration and use "
            "of outer space, including the moon and other celestial bodies",
            {"space"},
        ),
        # Space as one place among others, or in an organisation's name, is not the topic.
        (
            "Treaty banning nuclear weapon tests in the atmosphere, in outer space and under water",
            set(),
        ),
        (
            "Agreement between the Kingdom of the Netherlands and the European Space Agency "
            "concerning the European Space Research Technology Centre",
            set(),
        ),
        # SOFAs and training agreements label their topic on some articles only: no propagation.
        ("Status of forces agreement for military personnel and equipment", set()),
        ("Agreement concerning military exercises, training and education", set()),
    ],
)
def test_named_topics_from_title(title: str, expected: set[str]) -> None:
    assert named_topics(title) == expected


def test_untitled_note_states_its_subject_in_its_opening() -> None:
    opening = (
        "Sir, Conversations ... with regard to the request for relief from taxes on United "
        "States expenditures for the common defense have led to mutual concurrence."
    )
    assert named_topics(None, opening) == {"tax_customs_exemption"}
    assert named_topics("", "x" * 600 + " relief from taxes") == frozenset()


def test_final_clause_by_label_or_heading() -> None:
    assert is_final_clause("Article 9 This Agreement shall enter into force", {"entry_into_force"})
    assert is_final_clause("Article 28 Authentic Texts The original text of this Treaty", set())
    assert not is_final_clause("Article 7 Export and Export Assessment 1. If the export", set())
