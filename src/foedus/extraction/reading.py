"""Reading agreement documents (PDF, DOCX, HTML, plain text) into raw text.

Every reader returns the text as the file gives it, before any clean-up, so that the
offsets reported later (see :mod:`foedus.extraction.normalise`) point into this text.
Anything that cannot honestly be read is refused up front with
:class:`~foedus.errors.DocumentRefused` and the reason, never half-read:

* a file over :data:`MAX_BYTES`, a PDF over :data:`MAX_PAGES` pages, or text over
  :data:`MAX_CHARS` characters;
* an empty file, or one with no text in it;
* an encrypted PDF that needs a password, or a corrupt PDF or DOCX;
* a PDF whose pages carry no text layer (scanned images): run OCR first;
* binary content that is none of the supported formats.

Garbled text layers and non-English texts are refused after reading, by
:mod:`foedus.extraction.quality`.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from foedus.errors import DocumentRefused

__all__ = [
    "MAX_BYTES",
    "MAX_CHARS",
    "MAX_PAGES",
    "DocumentFormat",
    "RawDocument",
    "detect_format",
    "read_bytes",
    "read_path",
]

#: Largest file accepted, in bytes (20 MB): far above any treaty text, well below memory trouble.
MAX_BYTES = 20_000_000
#: Most PDF pages accepted; treaty series volumes beyond this should be split first.
MAX_PAGES = 500
#: Most characters of text accepted after reading (about 600 dense pages).
MAX_CHARS = 2_000_000
#: Fewer text characters than this per PDF page on average means no usable text layer.
_MIN_CHARS_PER_PAGE = 20

#: Page separator put between PDF pages; normalisation uses it to find page furniture.
PAGE_BREAK = "\f"


class DocumentFormat(StrEnum):
    """The document formats Foedus reads."""

    PDF = "pdf"
    DOCX = "docx"
    HTML = "html"
    TEXT = "txt"


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Text as read from a document, before normalisation; pages split by form feeds."""

    text: str
    format: DocumentFormat
    pages: int
    name: str


def read_path(path: str | Path) -> RawDocument:
    """Read the document at ``path`` (format from its content, then its suffix)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise DocumentRefused(f"{path}: cannot open ({error.strerror})") from error
    _check_size(size, str(path))
    return read_bytes(path.read_bytes(), name=str(path))


def read_bytes(data: bytes, *, name: str = "<stdin>") -> RawDocument:
    """Read a document given as bytes; ``name`` (a file name) only helps detection."""
    _check_size(len(data), name)
    if not data.strip():
        raise DocumentRefused(f"{name}: the document is empty")
    fmt = detect_format(data, name)
    if fmt is DocumentFormat.PDF:
        text, pages = _read_pdf(data, name)
    elif fmt is DocumentFormat.DOCX:
        text, pages = _read_docx(data, name), 1
    elif fmt is DocumentFormat.HTML:
        text, pages = _read_html(_decode(data, name)), 1
    else:
        text, pages = _decode(data, name), 1
    if len(text) > MAX_CHARS:
        raise DocumentRefused(
            f"{name}: {len(text):,} characters of text, over the limit of {MAX_CHARS:,}; "
            "split the document"
        )
    if not text.strip():
        raise DocumentRefused(f"{name}: the document contains no text")
    return RawDocument(text=text, format=fmt, pages=pages, name=name)


def detect_format(data: bytes, name: str = "") -> DocumentFormat:
    """Tell the format from the first bytes (magic numbers), falling back on the suffix."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return DocumentFormat.PDF
    if data.startswith(b"PK\x03\x04"):
        return DocumentFormat.DOCX
    lowered = head[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in lowered:
        return DocumentFormat.HTML
    suffix = Path(name).suffix.lower()
    if suffix in {".html", ".htm", ".xhtml"}:
        return DocumentFormat.HTML
    if suffix == ".pdf":
        return DocumentFormat.PDF
    if suffix == ".docx":
        return DocumentFormat.DOCX
    return DocumentFormat.TEXT


def _check_size(size: int, name: str) -> None:
    if size > MAX_BYTES:
        raise DocumentRefused(
            f"{name}: {size:,} bytes, over the limit of {MAX_BYTES:,}; split the document"
        )
    if size == 0:
        raise DocumentRefused(f"{name}: the document is empty")


def _decode(data: bytes, name: str) -> str:
    """Decode text bytes: a BOM wins, then UTF-8, then Windows-1252; binary is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    sample = data[:4096]
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    if b"\x00" in sample or controls > len(sample) * 0.05:
        raise DocumentRefused(
            f"{name}: binary content that is not PDF, DOCX, HTML or text; cannot read it"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_pdf(data: bytes, name: str) -> tuple[str, int]:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentRefused(f"{name}: the PDF is encrypted with a password; decrypt it first")
        count = len(reader.pages)
    except DocumentRefused:
        raise
    except FileNotDecryptedError as error:
        raise DocumentRefused(
            f"{name}: the PDF is encrypted with a password; decrypt it first"
        ) from error
    except Exception as error:  # pypdf raises many types on broken files
        raise DocumentRefused(f"{name}: the PDF is corrupt or unreadable ({error})") from error
    if count > MAX_PAGES:
        raise DocumentRefused(
            f"{name}: {count} pages, over the limit of {MAX_PAGES}; split the document"
        )
    if count == 0:
        raise DocumentRefused(f"{name}: the PDF has no pages")
    pages: list[str] = []
    try:
        for page in reader.pages:
            pages.append(page.extract_text() or "")
    except Exception as error:  # a page's content stream is broken
        raise DocumentRefused(f"{name}: the PDF is corrupt or unreadable ({error})") from error
    text = PAGE_BREAK.join(pages)
    if sum(len(page.strip()) for page in pages) < _MIN_CHARS_PER_PAGE * count:
        raise DocumentRefused(f"{name}: the PDF has no text layer (scanned pages?); run OCR first")
    return text, count


def _read_docx(data: bytes, name: str) -> str:
    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise DocumentRefused(f"{name}: a ZIP archive, but not a Word (DOCX) document")
        document = docx.Document(io.BytesIO(data))
    except DocumentRefused:
        raise
    except Exception as error:  # zipfile, lxml and python-docx raise assorted types
        raise DocumentRefused(f"{name}: the DOCX file is corrupt ({error})") from error
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


_BLOCK_TAGS = (
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
    "section", "article", "blockquote", "pre", "dt", "dd", "table", "ul", "ol",
)  # fmt: skip


def _read_html(markup: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    for tag in soup(["head", "script", "style", "noscript", "nav", "header", "footer", "template"]):
        tag.decompose()
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_after("\n")
        if tag.name == "br":
            tag.replace_with("\n")
    return str(soup.get_text(""))
