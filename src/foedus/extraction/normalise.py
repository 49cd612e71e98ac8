"""Cleaning read text, keeping a map from every cleaned character back to the original.

Text out of PDFs and web pages carries page furniture (running headers and footers, page
numbers), words hyphenated across lines, lines wrapped mid-sentence, ligatures and odd
spaces. :func:`normalise` removes them in a few passes; each pass is a list of edits
whose effect on positions is recorded, so that any span of the cleaned text can be
traced back to the characters it came from (:meth:`NormalisedText.original_span`).
Reported article offsets are therefore offsets into the document as read.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from foedus.extraction.reading import PAGE_BREAK

__all__ = ["NormalisedText", "normalise"]

_Edit = tuple[int, int, str]  # replace text[start:end] by the string

_CHAR_MAP = {
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ", "\t": " ",
    "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "",
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\u2010": "-", "\u2011": "-", "\r": "\n", "\u2028": "\n", "\u2029": "\n",
}  # fmt: skip
_CHAR_RE = re.compile("\r\n|[" + "".join(_CHAR_MAP) + "]")
_PAGE_NUMBER = re.compile(
    r"(?i)^\s*(?:page\s+\d+(?:\s+of\s+\d+)?|-\s*\d{1,4}\s*-|\d{1,4}|\[\d{1,4}\])\s*$"
)
_HYPHEN_BREAK = re.compile(r"(?<=[a-z])-\n(?=[a-z])")
_SPACES = re.compile(r" {2,}")
_EDGE_SPACES = re.compile(r"^ +| +$", re.MULTILINE)
_BLANKS = re.compile(r"\n{3,}")
_ENUMERATOR = re.compile(r"^\s*(?:\(?[0-9a-zA-Z]{1,4}[.)]|\([ivxlc]+\)|[-•*\u2022])\s*")
_HEADING_START = re.compile(
    r"(?i)^\s*(?:article|art\.|section|§|part|chapter|annex|appendix|schedule|protocol|nr\.?)\b"
)
_WRAP_WIDTH = 45  # a line at least this long that ends mid-sentence was wrapped


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """Cleaned text plus, for each of its characters, the offset in the original text."""

    text: str
    offsets: array[int]

    def original_offset(self, index: int) -> int:
        """Offset in the original text of cleaned position ``index`` (the end maps past it)."""
        if index >= len(self.text):
            return self.offsets[-1] + 1 if self.text else 0
        return self.offsets[max(index, 0)]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span ``[a, b)`` holding cleaned characters ``[start, end)``."""
        if end <= start:
            position = self.original_offset(start)
            return position, position
        return self.offsets[start], self.offsets[end - 1] + 1


def normalise(text: str) -> NormalisedText:
    """Clean ``text`` read from a document, keeping the offset map.

    Examples
    --------
    >>> cleaned = normalise("The Parties shall de-\\nfend  each other.")
    >>> cleaned.text
    'The Parties shall defend each other.'
    >>> cleaned.original_span(18, 24)
    (18, 26)
    """
    offsets = array("q", range(len(text)))
    text, offsets = _apply(text, offsets, _char_edits(text))
    if PAGE_BREAK in text:
        text, offsets = _apply(text, offsets, _furniture_edits(text))
    text, offsets = _apply(text, offsets, _matches(_HYPHEN_BREAK, text, ""))
    text, offsets = _apply(text, offsets, _wrap_edits(text))
    text, offsets = _apply(text, offsets, _matches(_SPACES, text, " "))
    text, offsets = _apply(text, offsets, _matches(_EDGE_SPACES, text, ""))
    text, offsets = _apply(text, offsets, _matches(_BLANKS, text, "\n\n"))
    lead = len(text) - len(text.lstrip())
    trail = len(text.rstrip())
    text, offsets = text[lead:trail], offsets[lead:trail]
    return NormalisedText(text=text, offsets=offsets)


def _apply(text: str, offsets: array[int], edits: Iterable[_Edit]) -> tuple[str, array[int]]:
    """Apply sorted, non-overlapping edits; inserted characters map to the edit's start."""
    pieces: list[str] = []
    new_offsets = array("q")
    position = 0
    changed = False
    for start, end, replacement in edits:
        changed = True
        pieces.append(text[position:start])
        new_offsets.extend(offsets[position:start])
        pieces.append(replacement)
        anchor = offsets[start] if start < len(offsets) else (offsets[-1] + 1 if offsets else 0)
        last = offsets[end - 1] if end > start else anchor
        for i in range(len(replacement)):
            new_offsets.append(anchor if i < len(replacement) - 1 or end <= start else last)
        position = end
    if not changed:
        return text, offsets
    pieces.append(text[position:])
    new_offsets.extend(offsets[position:])
    return "".join(pieces), new_offsets


def _matches(pattern: re.Pattern[str], text: str, replacement: str) -> Iterable[_Edit]:
    return ((m.start(), m.end(), replacement) for m in pattern.finditer(text))


def _char_edits(text: str) -> Iterable[_Edit]:
    for match in _CHAR_RE.finditer(text):
        found = match.group()
        yield match.start(), match.end(), "\n" if found == "\r\n" else _CHAR_MAP[found]


def _furniture_edits(text: str) -> list[_Edit]:
    """Drop page numbers and running headers/footers: lines at page edges seen on many pages."""
    pages: list[list[tuple[int, int, str]]] = []
    start = 0
    for page in text.split(PAGE_BREAK):
        lines: list[tuple[int, int, str]] = []
        offset = start
        for line in page.split("\n"):
            lines.append((offset, offset + len(line), line.strip()))
            offset += len(line) + 1
        pages.append([line for line in lines if line[2]])
        start += len(page) + 1
    edges: Counter[str] = Counter()
    for lines in pages:
        edge = {_shape(line[2]) for line in lines[:2] + lines[-2:]}
        edges.update(edge)
    repeated = {shape for shape, count in edges.items() if count >= max(3, len(pages) // 2)}
    drop: set[tuple[int, int]] = set()
    for lines in pages:
        for begin, finish, content in lines[:2] + lines[-2:]:
            if _PAGE_NUMBER.match(content) or _shape(content) in repeated:
                drop.add((begin, finish))
    edits: list[_Edit] = [(a, b, "") for a, b in drop]
    edits.extend((m.start(), m.end(), "\n") for m in re.finditer(PAGE_BREAK, text))
    return _merge(edits)


def _shape(line: str) -> str:
    """A line with digits blanked, so 'Page 3' and 'Page 4' count as the same header."""
    return re.sub(r"\d+", "#", line.lower())


def _merge(edits: list[_Edit]) -> list[_Edit]:
    """Sort edits and drop any that overlap an earlier one."""
    merged: list[_Edit] = []
    for edit in sorted(edits):
        if merged and edit[0] < merged[-1][1]:
            continue
        merged.append(edit)
    return merged


def _wrap_edits(text: str) -> list[_Edit]:
    """Join lines that a page layout wrapped: the break falls mid-sentence."""
    edits: list[_Edit] = []
    lines = text.split("\n")
    offset = 0
    for current, following in zip(lines, lines[1:], strict=False):
        offset += len(current)
        if _is_wrapped(current.strip(), following.strip()):
            edits.append((offset, offset + 1, " "))
        offset += 1
    return edits


def _is_wrapped(current: str, following: str) -> bool:
    if not current or not following:
        return False
    if _ENUMERATOR.match(following) or _HEADING_START.match(following):
        return False
    if _HEADING_START.match(current) and len(current) < 80:
        return False
    if following[0].islower():
        return True
    return len(current) >= _WRAP_WIDTH and current[-1] not in ".:;!?)]|\"'"
