"""Reading real agreements in every format, and refusing what cannot be read."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foedus.errors import DocumentRefused
from foedus.extraction import reading
from foedus.extraction.pipeline import extract


def _headings(result_dict: dict) -> list[str]:
    return [article["heading"] for article in result_dict["articles"]]


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_formats_give_the_same_articles_as_the_text(fmt, builders, nato_text: str) -> None:
    expected = _headings(extract(nato_text.encode(), name="nato.txt").to_dict())
    result = extract(builders[fmt](nato_text), name=f"nato.{fmt}").to_dict()
    assert _headings(result) == expected
    provisions = {p["label"] for p in result["provisions"]}
    assert {"mutual_defense", "entry_into_force"} <= provisions


def test_pdf_page_furniture_is_removed_and_offsets_point_into_the_read_text(
    builders, nato_text: str
) -> None:
    result = extract(builders["pdf"](nato_text), name="nato.pdf")
    assert "Page 1" not in result.normalised.text
    assert result.document.pages >= 2
    article5 = next(a for a in result.to_dict()["articles"] if a["heading"] == "Article 5")
    raw = result.document.text[article5["start"] : article5["end"]]
    assert raw.startswith("Article 5")
    assert " ".join(raw.split())[-40:] == " ".join(article5["text"].split())[-40:]


def test_encrypted_pdf_is_refused(builders, nato_text: str) -> None:
    with pytest.raises(DocumentRefused, match="encrypted"):
        extract(builders["pdf"](nato_text[:2000], password="secret"), name="locked.pdf")


def test_corrupt_pdf_is_refused(builders, nato_text: str) -> None:
    data = builders["pdf"](nato_text[:2000])
    with pytest.raises(DocumentRefused, match="corrupt"):
        extract(data[: len(data) // 3], name="broken.pdf")


def test_image_only_pdf_asks_for_ocr() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.rect(20, 20, 150, 200, style="F")  # a scanned page: marks, no text
    with pytest.raises(DocumentRefused, match="OCR"):
        extract(bytes(pdf.output()), name="scan.pdf")


def test_garbled_text_layer_is_refused(nato_text: str) -> None:
    # What a PDF whose fonts map glyphs to codes yields: "(cid:NN)" in place of letters.
    garbled = "".join(f"(cid:{ord(c)})" if c.isalpha() else c for c in nato_text[:3000])
    with pytest.raises(DocumentRefused, match="garbled"):
        extract(garbled.encode(), name="garbled.txt")


def test_shifted_glyphs_are_refused(nato_text: str) -> None:
    shifted = "".join(chr(ord(c) + 1) if c.isalpha() else c for c in nato_text[:3000])
    with pytest.raises(DocumentRefused, match="garbled|not English"):
        extract(shifted.encode(), name="shifted.txt")


def test_non_latin_script_is_refused(nato_text: str) -> None:
    # Letter-for-letter transliteration: every Latin letter becomes a Cyrillic one.
    latin = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    cyrillic = "абцдефгхийклмнопярстужвьызАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗ"
    text = nato_text[:3000].translate(str.maketrans(latin, cyrillic))
    with pytest.raises(DocumentRefused, match="Cyrillic"):
        extract(text.encode(), name="ru.txt")


def test_empty_and_blank_files_are_refused(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(DocumentRefused, match="empty"):
        extract(empty)
    with pytest.raises(DocumentRefused, match="empty"):
        extract(b" \n\n \t", name="blank.txt")


def test_size_and_page_limits(monkeypatch, builders, nato_text: str) -> None:
    monkeypatch.setattr(reading, "MAX_BYTES", 1000)
    with pytest.raises(DocumentRefused, match="over the limit"):
        extract(nato_text.encode(), name="big.txt")
    monkeypatch.setattr(reading, "MAX_BYTES", 20_000_000)
    monkeypatch.setattr(reading, "MAX_PAGES", 1)
    with pytest.raises(DocumentRefused, match="pages, over the limit"):
        extract(builders["pdf"](nato_text), name="long.pdf")


def test_binary_junk_is_refused() -> None:
    with pytest.raises(DocumentRefused, match="binary"):
        extract(bytes(range(256)) * 4, name="blob.bin")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_read_or_refused(data: bytes) -> None:
    try:
        document = reading.read_bytes(data, name="fuzz")
    except DocumentRefused:
        return
    assert document.text.strip()


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_after_a_pdf_header_are_refused_cleanly(data: bytes) -> None:
    with pytest.raises(DocumentRefused):
        reading.read_bytes(b"%PDF-1.4\n" + data, name="fuzz.pdf")


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_zip_payloads_are_refused_cleanly(data: bytes) -> None:
    try:
        reading.read_bytes(b"PK\x03\x04" + data, name="fuzz.docx")
    except DocumentRefused:
        return
