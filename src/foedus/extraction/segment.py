"""Splitting an agreement's text into title, preamble, articles, annexes and signatures.

Treaties number their operative units in many ways: ``Article 1``, ``ARTICLE I``,
``Art. 3``, ``Article One``, ``§ 4``, ``Section 2``, a Roman numeral alone (``IV.``),
or, in exchanges of notes, numbered paragraphs (``1.``) under a note heading
(``Nr. I``). Containers (annexes, appendices, protocols, notes, declarations) hold
units of their own; a unit inside a container is named after both
(``Annex, Article 3``, ``Nr. I, Paragraph 2``), the convention of the labelled
corpus. Repeated names get `` (2)``, `` (3)``. Parts and chapters group articles but
do not prefix them.

Segmentation works on lines of normalised text and never fails: a text with no
recognisable heading is one preamble-like unit.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Segment", "SegmentKind", "segment"]

_WORD_NUMBERS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|first|second|third|fourth|fifth|"
    "sixth|seventh|eighth|ninth|tenth"
)
_NUMBER = rf"(?:\d{{1,3}}[A-Za-z]?(?:\.\d{{1,2}})?|[IVXLC]{{1,7}}|(?i:{_WORD_NUMBERS}))"
_ARTICLE = re.compile(
    rf"^(?P<head>(?:ARTICLE|Article|ART\.?|Art\.?|Artikel)\s*(?P<num>{_NUMBER}))\b\.?"
    r"(?P<rest>(?:\s*[-–—:.]?\s*)(?P<title>[A-Z(\"“‘].*)?)$"
)
_SECTION_SIGN = re.compile(r"^(?P<head>§\s*\d{1,3}[a-z]?)\.?(?P<rest>\s.*)?$")
_SECTION = re.compile(
    r"^(?P<head>(?:SECTION|Section)\s+(?:\d{1,3}|[IVXLC]{1,6}))\b\.?(?P<rest>\s*[-–—:.]?\s*[A-Z].*)?$"
)
_ROMAN = re.compile(r"^(?P<head>[IVX]{1,6}\.)$")
_PARAGRAPH = re.compile(r"^(?P<num>\d{1,2})(?:\.\s*(?=[A-Z(“\"‘a-z])|\.?$)")
_GROUPING = re.compile(
    r"^(?P<head>(?:PART|Part|CHAPTER|Chapter|TITLE)\s+(?:\d{1,2}|[IVXLC]{1,6}))\b\.?(?P<rest>.*)$"
)
_CONTAINER = re.compile(
    r"^(?P<head>Nr\.?\s*[IVX]{1,5}|No\.\s*[IVX]{1,5}|[IVX]{1,5}"
    r"|(?:ANNEX|Annex|APPENDIX|Appendix|ATTACHMENT|Attachment|SCHEDULE|Schedule|ENCLOSURE"
    r"|Enclosure)(?:\s+(?:[A-Z]|\d{1,2}|[IVXL]{1,6}))?"
    r"|(?:SECRET\s+)?(?:ADDITIONAL\s+)?PROTOCOL|(?:Secret\s+)?(?:Additional\s+)?Protocol"
    r"|Declaration\s+(?:by|of)\s.{3,140}|Explanatory\s+[Nn]ote\b.{0,200}"
    r"|Standard\s+Letter\b.{0,200}|Agreed\s+Minute.{0,80}|Exchange\s+of\s+[Nn]otes)"
    r"\.?(?P<rest>\s*\(.{0,150}\))?$"
)
_SIGNATURE = re.compile(
    r"(?m)^(?:DONE|Done)\b|^(?:IN WITNESS WHEREOF|In [Ww]itness [Ww]hereof|IN FAITH WHEREOF"
    r"|In [Ff]aith [Ww]hereof|In testimony whereof|IN TESTIMONY WHEREOF)"
)
_MAX_HEADING_LINE = 240


class SegmentKind(StrEnum):
    """What a piece of an agreement is."""

    TITLE = "title"
    PREAMBLE = "preamble"
    ARTICLE = "article"
    PART = "part"
    ANNEX = "annex"
    SIGNATURE = "signature"


@dataclass(frozen=True, slots=True)
class Segment:
    """One piece of an agreement: its kind, heading and span ``[start, end)`` in the text."""

    kind: SegmentKind
    heading: str
    start: int
    end: int

    def text(self, document: str) -> str:
        """The piece's text, heading line included."""
        return document[self.start : self.end]


@dataclass(frozen=True, slots=True)
class _Heading:
    kind: SegmentKind
    level: str  # "article", "paragraph", "part", "container"
    name: str
    start: int


def segment(text: str) -> list[Segment]:
    """Split normalised agreement ``text`` into pieces in document order.

    Examples
    --------
    >>> doc = "TREATY OF X\\n\\nThe Parties agree:\\n\\nArticle 1\\n\\nPeace.\\n\\nArticle 2"
    >>> [piece.heading for piece in segment(doc)]
    ['Title', 'Preamble', 'Article 1', 'Article 2']
    """
    lines = _lines(text)
    headings = _headings(lines)
    pieces: list[Segment] = []
    first = headings[0].start if headings else len(text)
    pieces.extend(_front_matter(text, first, bool(headings)))
    names = _qualified_names(headings)
    for index, heading in enumerate(headings):
        end = headings[index + 1].start if index + 1 < len(headings) else len(text)
        end = _trim(text, heading.start, end)
        pieces.extend(_split_signature(text, heading.kind, names[index], heading.start, end))
    return pieces


def _lines(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def _classify(line: str) -> tuple[SegmentKind, str, str] | None:
    """Kind, level and heading name of a heading line, or None for body text."""
    stripped = line.strip()
    if not stripped:
        return None
    match = _PARAGRAPH.match(stripped)
    if match:
        return SegmentKind.ARTICLE, "paragraph", f"Paragraph {match.group('num')}"
    match = _ARTICLE.match(stripped)
    if match and _is_heading_rest(match.group("rest")):
        return SegmentKind.ARTICLE, "article", _tidy(match.group("head"))
    match = _SECTION_SIGN.match(stripped) or _SECTION.match(stripped)
    if match and _is_heading_rest(match.group("rest") or ""):
        return SegmentKind.ARTICLE, "article", _tidy(match.group("head"))
    match = _ROMAN.match(stripped)
    if match:
        return SegmentKind.ARTICLE, "roman", match.group("head")
    if len(stripped) > _MAX_HEADING_LINE:
        return None
    match = _GROUPING.match(stripped)
    if match and _is_heading_rest(match.group("rest")):
        return SegmentKind.PART, "part", _tidy(match.group("head"))
    match = _CONTAINER.match(stripped)
    if match:
        return SegmentKind.ANNEX, "container", _tidy(match.group("head"))
    return None


def _is_heading_rest(rest: str) -> bool:
    """After ``Article 5``: nothing, a short title, or a sentence starting anew."""
    rest = rest.strip(" -–—:.")
    if not rest:
        return True
    return rest[0].isupper() or rest[0] in '("“‘'


def _tidy(head: str) -> str:
    return re.sub(r"\s+", " ", head).strip().rstrip(".")


def _headings(lines: list[tuple[int, str]]) -> list[_Heading]:
    found: list[_Heading] = []
    for offset, line in lines:
        classified = _classify(line)
        if classified is None:
            continue
        kind, level, name = classified
        indent = len(line) - len(line.lstrip())
        found.append(_Heading(kind, level, name, offset + indent))
    return _keep_consistent(found)


def _keep_consistent(found: list[_Heading]) -> list[_Heading]:
    """Numbered paragraphs (``1.``, ``2.``...) count as units only in notes.

    In an exchange of notes (``Nr. I``), or in a text with no article headings at all,
    the numbered paragraphs are the operative units; elsewhere (inside articles and
    annexes) they are sub-clauses and stay in their unit.
    """
    articles_anywhere = any(h.level in {"article", "roman"} for h in found)
    if articles_anywhere:  # a bare "II" is then a sub-heading, not a note of an exchange
        found = [h for h in found if not re.fullmatch(r"[IVX]+", h.name)]
    kept: list[_Heading] = []
    group: list[_Heading] = []
    container: _Heading | None = None
    for heading in [*found, None]:
        if heading is None or heading.level == "container":
            has_articles = any(h.level in {"article", "roman"} for h in group)
            in_note = container is not None and _is_note(container.name)
            top_level = container is None and not articles_anywhere
            keep_paragraphs = (in_note or top_level) and not has_articles
            kept.extend(h for h in group if h.level != "paragraph" or keep_paragraphs)
            group = []
            container = heading
            if heading is not None:
                kept.append(heading)
        else:
            group.append(heading)
    return kept


def _is_note(name: str) -> bool:
    return bool(re.match(r"(?:Nr|No)\b|[IVX]+$|Exchange", name))


def _qualified_names(headings: list[_Heading]) -> list[str]:
    """Prefix units inside a note, annex or protocol; number repeats ``(2)``, ``(3)``."""
    names: list[str] = []
    container: str | None = None
    for heading in headings:
        if heading.level == "container":
            container = heading.name
            names.append(heading.name)
        elif heading.level == "part":
            names.append(heading.name)
        elif container is not None and not container.startswith(("PART", "Part")):
            names.append(f"{container}, {heading.name}")
        else:
            names.append(heading.name)
    seen: Counter[str] = Counter()
    out: list[str] = []
    for name in names:
        seen[name] += 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _front_matter(text: str, first_heading: int, has_headings: bool) -> list[Segment]:
    """Title (a short first line) and preamble (the rest) before the first heading."""
    head = text[:first_heading]
    pieces: list[Segment] = []
    position = len(head) - len(head.lstrip())
    if position >= len(head.rstrip()):
        return pieces
    line_end = text.find("\n", position)
    line_end = len(head) if line_end == -1 or line_end > len(head) else line_end
    first_line = text[position:line_end].strip()
    body_after = head[line_end:].strip()
    if 0 < len(first_line) <= 300 and first_line[-1] not in ",;:" and (body_after or has_headings):
        pieces.append(
            Segment(SegmentKind.TITLE, "Title", position, _trim(text, position, line_end))
        )
        position = line_end
        while position < len(head) and head[position].isspace():
            position += 1
    end = _trim(text, position, len(head))
    if end > position:
        pieces.append(Segment(SegmentKind.PREAMBLE, "Preamble", position, end))
    return pieces


def _split_signature(
    text: str, kind: SegmentKind, name: str, start: int, end: int
) -> list[Segment]:
    """Cut a closing signature block (``DONE at``, ``IN WITNESS WHEREOF``) off a unit."""
    if kind is SegmentKind.ARTICLE or kind is SegmentKind.ANNEX:
        match = _SIGNATURE.search(text, start + 1, end)
        if match:
            body_end = _trim(text, start, match.start())
            return [
                Segment(kind, name, start, body_end),
                Segment(SegmentKind.SIGNATURE, "Signatures", match.start(), end),
            ]
    return [Segment(kind, name, start, end)]
