"""Segmentation into title, preamble, articles, annexes and signatures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.extraction.corpus import load_corpus, match_units
from foedus.extraction.normalise import normalise
from foedus.extraction.segment import SegmentKind, segment


def test_nato_structure(nato_text: str) -> None:
    text = normalise(nato_text).text
    pieces = segment(text)
    kinds = [piece.kind for piece in pieces]
    assert kinds[0] is SegmentKind.TITLE and pieces[0].text(text) == "NORTH ATLANTIC TREATY"
    assert kinds[1] is SegmentKind.PREAMBLE
    assert [p.heading for p in pieces if p.kind is SegmentKind.ARTICLE] == [
        f"Article {n}" for n in range(1, 15)
    ]
    assert kinds[-1] is SegmentKind.SIGNATURE
    assert "Done at Washington" in pieces[-1].text(text)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Article 1", "Article 1"),
        ("ARTICLE IV", "ARTICLE IV"),
        ("Art. 3", "Art. 3"),
        ("Article One", "Article One"),
        ("Article 7 - Entry into force", "Article 7"),
        ("§ 4", "§ 4"),
        ("Section 2", "Section 2"),
        ("IV.", "IV."),
    ],
)
def test_heading_styles(heading: str, expected: str) -> None:
    body = "The Parties shall consult."
    text = f"Preamble words here.\n\n{heading}\n\n{body}\n\n{heading.replace('1', '9')}X\n"
    headings = [p.heading for p in segment(text) if p.kind is SegmentKind.ARTICLE]
    assert headings[0] == expected


def test_numbered_paragraphs_are_units_only_in_notes() -> None:
    note = "Nr. I\n\nExcellency,\n\n1. The forces may train.\n\n2. Costs shared.\n\nNr. II\n\nYes."
    assert [p.heading for p in segment(note)] == [
        "Nr. I",
        "Nr. I, Paragraph 1",
        "Nr. I, Paragraph 2",
        "Nr. II",
    ]
    treaty = "Article 1\n\nThe Parties agree:\n\n1. to train;\n\n2. to pay.\n\nArticle 2\n\nEnds."
    assert [p.heading for p in segment(treaty)] == ["Article 1", "Article 2"]


def test_annex_articles_are_prefixed_and_repeats_numbered() -> None:
    text = "Article 1\n\nBody.\n\nANNEX\n\nArticle 1\n\nAnnex body.\n\nArticle 1\n\nAgain."
    assert [p.heading for p in segment(text)] == [
        "Article 1",
        "ANNEX",
        "ANNEX, Article 1",
        "ANNEX, Article 1 (2)",
    ]


def test_corpus_units_are_found(corpus_dir) -> None:
    documents = load_corpus(corpus_dir)
    gold = matched = 0
    for document in documents:
        pieces = segment(normalise(document.text).text)
        gold += len(document.gold)
        matched += len(match_units([h for h, _ in document.gold], pieces))
    assert matched / gold >= 0.97


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"Article IVX12§.\n ANEXnrtoPa(),;",
                "Article 1\n",
                "ANNEX\n",
                "Nr. I\n",
                "DONE at X\n",
                "1. ",
            ]
        ),
        max_size=120,
    ),
    st.text(max_size=200),
)
def test_segments_are_ordered_disjoint_and_in_bounds(tokens: list[str], noise: str) -> None:
    text = "".join(tokens) + noise
    pieces = segment(text)
    position = 0
    for piece in pieces:
        assert position <= piece.start <= piece.end <= len(text)
        position = piece.end
