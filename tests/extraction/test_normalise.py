"""Normalisation: furniture, hyphens and wrapping removed; every character traced back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.extraction.normalise import normalise


def test_hyphenation_wrapping_and_spaces() -> None:
    raw = (
        "The Parties shall con-\nsult together whenever the territorial\n"
        "integrity of any  of them is threatened."
    )
    cleaned = normalise(raw)
    assert cleaned.text == (
        "The Parties shall consult together whenever the territorial integrity of any of them "
        "is threatened."
    )
    start = cleaned.text.index("consult")
    a, b = cleaned.original_span(start, start + len("consult"))
    assert raw[a:b] == "con-\nsult"


def test_running_headers_and_page_numbers_dropped(nato_text: str) -> None:
    paragraphs = [p for p in nato_text.split("\n") if p.strip()]
    pages = [
        "NORTH ATLANTIC TREATY - official text\n"
        + "\n\n".join(paragraphs[i : i + 4])
        + f"\n\n- {n} -"
        for n, i in enumerate(range(0, len(paragraphs), 4), start=1)
    ]
    cleaned = normalise("\f".join(pages)).text
    assert "official text" not in cleaned
    assert "- 2 -" not in cleaned
    assert "Article 5" in cleaned and "armed attack" in cleaned


def test_corpus_text_survives_unchanged_in_words(qatar_text: str) -> None:
    cleaned = normalise(qatar_text).text
    assert cleaned.split() == qatar_text.split()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_offset_map_is_monotone_and_in_range(text: str) -> None:
    cleaned = normalise(text)
    assert len(cleaned.offsets) == len(cleaned.text)
    previous = -1
    for offset in cleaned.offsets:
        assert previous <= offset < len(text)
        previous = offset
    a, b = cleaned.original_span(0, len(cleaned.text))
    assert 0 <= a <= b <= len(text)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Article", "1", "the", "Parties", "-", "\n", " ", "\f", "de-\nfend", "."]),
        max_size=80,
    )
)
def test_letters_map_to_the_same_letters(tokens: list[str]) -> None:
    text = "".join(tokens)
    cleaned = normalise(text)
    for index, char in enumerate(cleaned.text):
        if char.isalnum():
            assert text[cleaned.offsets[index]] == char
