"""Fixtures for extraction tests: real corpus texts, and PDF/DOCX/HTML versions built from them."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

NATO = "002_north-atlantic-treaty-1949"
QATAR = "032_nl-qatar-sofa-2014"


@pytest.fixture(scope="session")
def nato_text(corpus_dir: Path) -> str:
    """The North Atlantic Treaty as in the corpus."""
    return (corpus_dir / f"{NATO}.txt").read_text("utf-8")


@pytest.fixture(scope="session")
def qatar_text(corpus_dir: Path) -> str:
    """The Netherlands-Qatar status of forces agreement as in the corpus."""
    return (corpus_dir / f"{QATAR}.txt").read_text("utf-8")


def pdf_bytes(text: str, *, password: str | None = None) -> bytes:
    """A PDF with a real text layer holding ``text``, paged, with a running footer."""
    from fpdf import FPDF

    class _Pdf(FPDF):
        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 10, f"Page {self.page_no()}", align="C")

    pdf = _Pdf()
    pdf.set_font("Helvetica", size=11)
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    pdf.add_page()
    safe = text.encode("latin-1", "replace").decode("latin-1")
    for paragraph in safe.split("\n"):
        pdf.multi_cell(0, 5, paragraph or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def docx_bytes(text: str) -> bytes:
    """A Word document with one paragraph per line of ``text``."""
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        if line.strip():
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def html_bytes(text: str) -> bytes:
    """An HTML page with headings as <h2>, paragraphs as <p>, and page chrome to ignore."""
    import html

    parts = ["<html><head><title>Treaty</title><style>p{}</style></head><body>",
             "<nav>Home | Treaties | Search</nav>"]  # fmt: skip
    for line in text.split("\n"):
        if not line.strip():
            continue
        tag = "h2" if line.startswith(("Article", "ARTICLE")) and len(line) < 40 else "p"
        parts.append(f"<{tag}>{html.escape(line)}</{tag}>")
    parts.append("<footer>Printed from the treaty database</footer></body></html>")
    return "".join(parts).encode("utf-8")


@pytest.fixture(scope="session")
def builders() -> dict[str, Callable[..., bytes]]:
    """Functions building PDF, DOCX and HTML versions of a text."""
    return {"pdf": pdf_bytes, "docx": docx_bytes, "html": html_bytes}
