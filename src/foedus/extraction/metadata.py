"""Agreement metadata read from the text: parties, signing, entry into force, duration.

Treaty final clauses are formulaic, so patterns find most of what registries record:

* **parties**: states enumerated where drafting convention names the parties (the
  preamble's opening list, the ratification or signature clause, the "constitute an
  agreement between" of an exchange of notes, signature lines), else the governments and
  states named in the title and preamble, resolved to COW codes by
  :func:`foedus.datasets.countries.resolve_country`; names that resolve to no state
  (``the Parties``, an agency) are left out;
* **signing** date and place from the reply note of an exchange of notes, the signature
  block (``DONE at Washington, this fourth day of April, 1949``), the signatures' dates or
  a dateline (``The Hague, March 24, 1960``);
* **entry into force**: the sentence, and its trigger (signature, ratification,
  notification, a date);
* **duration** in months (None when indefinite), **renewal** and the **withdrawal
  notice** period in months;
* **languages** of the authentic texts.

Each field is None when the text does not say; nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from typing import Any

from foedus.errors import UnknownCountry

__all__ = ["AgreementMetadata", "PartyMention", "extract_metadata", "parse_date"]

_MONTHS = {
    name: index
    for index, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}  # fmt: skip
_ORDINALS = {
    word: n
    for n, word in enumerate(
        re.findall(
            r"\w+",
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
            "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
            "twentieth",
        ),
        start=1,
    )
} | {"twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24,
     "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28,
     "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31}  # fmt: skip
_NUMBERS = {
    word: n
    for n, word in enumerate(
        "one two three four five six seven eight nine ten eleven twelve".split(),  # noqa: SIM905
        start=1,
    )
} | {"fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
     "ninety": 90, "a": 1, "an": 1}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_WORD = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_IN_YEAR = r"(?:in\s+(?:the|this)\s+year\s+(?:of\s+)?)?"
_DATE = re.compile(
    rf"(?i)\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?: day of)?\s+(?P<m1>{_MONTH})\.?,?\s+"
    rf"{_IN_YEAR}(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    rf"|(?:the\s+)?(?P<d3>{_DAY_WORD})\s+day\s+of\s+(?P<m3>{_MONTH}),?\s+"
    rf"{_IN_YEAR}(?P<y3>\d{{4}})"
    r"|(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2}))\b"
)
_UNITS = dict(
    zip(
        re.findall(
            r"\w+",
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
            "fifteen sixteen seventeen eighteen nineteen",
        ),
        range(1, 20),
        strict=True,
    )
)
_TENS = dict(
    zip(re.findall(r"\w+", "twenty thirty forty fifty sixty seventy eighty ninety"),
        range(20, 100, 10), strict=True)
)  # fmt: skip
#: A year written in words: "one thousand nine hundred and ninety-one", "nineteen hundred
#: and fifty four", "two thousand and thirteen".
_YEAR_WORDS = re.compile(
    r"(?i)\b(?:(?:one|two)\s+thousand|(?:seventeen|eighteen|nineteen|twenty)\s+hundred)"
    r"(?:[\s,-]+(?:and|hundred|" + "|".join([*_UNITS, *_TENS]) + r")\b)*"
)
_COUNT = r"(?P<n>\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>years?|months?|weeks?|days?)"
_PERIOD = re.compile(rf"(?i)\b{_COUNT}\s*(?:\(\d+\)\s*)?(?:calendar\s+)?{_UNIT}")
_SPAN = (
    _COUNT.replace("?P<n>", "?:")
    + r"\s*(?:\(\d+\)\s*)?(?:calendar\s+)?"
    + _UNIT.replace("?P<unit>", "?:")
)
_NOTICE = re.compile(
    rf"(?i){_SPAN}['’]?\s*(?:prior |advance |previous )?(?:written )?(?:notice|notification)"
    rf"|(?:notice|notification)[^.]{{0,80}}?\b(?:at least\s+)?{_SPAN}\s+(?:in advance|before|prior)"
    rf"|terminat\w*[^.]{{0,60}}?\b{_SPAN}\s+(?:after|from|following)[^.]{{0,60}}"
    r"(?:notif|notice|receipt|denunciation)"
)
_SIGNED = re.compile(
    r"(?:DONE|Done|SIGNED|Signed|Made|Dated|DATED)\b[^.]{0,30}?\b(?:at|in)\s+"
    r"(?:the\s+cit(?:y|ies)\s+of\s+)?(?P<place>[A-Z][A-Za-z'’. -]{1,40}?)"
    r"(?=\s*(?:,|\bon\b|\bthis\b|\bthe\b|\d|\bin\b))"
)
#: A signing formula without a recognisable place ("DONE in triplicate, ...").
_SIGNED_ANYWHERE = re.compile(r"\b(?:DONE|Done|SIGNED|Signed)\b")
_DATELINE = re.compile(
    r"(?P<place>\b(?:The )?[A-Z][a-z]+(?: [A-Z][a-z]+)?),\s+"
    rf"(?P<date>(?:\d{{1,2}}\s+)?(?i:{_MONTH})\b[^\n]{{0,12}}?\d{{4}})"
)
#: A dateline on a line of its own closing the text ("Moscow, August 23, 1939.").
_CLOSING_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>(?:The )?[A-Z][a-z]+(?: [A-Z][a-z]+)?),[ \t]+"
    rf"(?P<date>(?:\d{{1,2}}[ \t]+)?(?i:{_MONTH})\b[^\n]{{0,12}}?\d{{4}})\.?[ \t]*$"
)
#: A signature's own date ("Date: 21 December 1978", "Date 24 Aug. 1978").
_SIGNATURE_DATE = re.compile(
    rf"\bDate:?\s*((?:\d{{1,2}}\s+)?(?i:{_MONTH})\.?\s+[^\n]{{0,12}}?\d{{4}})"
)
_ENTRY = re.compile(
    r"(?i)(?:shall|will|to)\s+(?:enter|come)\s+into\s+force|(?:enters|comes)\s+into\s+force"
    r"|(?:shall|will)\s+take\s+effect"
)
_ENTRY_LOOSE = re.compile(r"(?i)(?:enter|entered|come|came)\s+into\s+force|entry into force")
_LANGUAGES = (
    "English", "French", "Spanish", "Russian", "Chinese", "Arabic", "German", "Dutch",
    "Netherlands", "Italian", "Portuguese", "Japanese", "Korean", "Danish", "Swedish",
    "Norwegian", "Greek", "Turkish", "Polish", "Czech", "Hungarian", "Romanian", "Finnish",
    "Icelandic", "Ukrainian", "Hebrew", "Persian", "Swahili", "Tajik", "Bulgarian",
)  # fmt: skip
_AUTHENTIC = re.compile(r"(?i)\b(?:authentic|originals?|texts? shall prevail)\b")
_DUTCH = re.compile(r"Netherlands(?:,| and| or| language| text)")
_NAME = r"[A-Z][\w'’.-]+(?: +(?:of +|and +(?=Northern)|the +|du +)*[A-Z][\w'’.-]+){0,6}"
_STATE_FORMS = (
    r"(?:Kingdom|Republic|State|States|Commonwealth|Federation|Confederation|Emirates?|Sultanate"
    r"|Principality|Grand Duchy|Union|Government|Governments)"
)
_PARTY_PATTERNS = (
    re.compile(
        rf"\b(?P<name>(?:the\s+)?(?:[A-Z][\w'’-]+\s+)*{_STATE_FORMS}\s+of\s+(?:the\s+)?{_NAME})"
    ),
    re.compile(rf"\bbetween\s+(?:the\s+)?(?P<name>{_NAME})\s+and\s+(?:the\s+)?(?P<name2>{_NAME})"),
)

_WORD = r"[A-Z][\w'’.-]*"
#: The shape of a state's name: capitalised words joined by "of", "the", "and" ("Lao
#: People's Democratic Republic", "United Kingdom of Great Britain and Northern Ireland").
#: Checked before resolving, because the country resolver also finds a name *inside* a
#: phrase ("the need ... in the Federal Republic of Germany").
_STATE_NAME = re.compile(rf"{_WORD}(?:[ -]+(?:(?:of|the|and|du|de)[ ]+)*{_WORD}){{0,9}}")
_GOVERNMENT_OF = re.compile(r"(?i)^(?:the\s+)?(?:governments?\s+of\s+)?(?:the\s+)?")
#: Separators of an enumeration of states; a sentence end closes it.
_LIST_SEPARATOR = re.compile(r"(\s*[,;]\s*(?:and\s+)?|\s+and\s+|\.(?=\s|$))")
#: Where the preamble opens with the parties' own enumeration ("Australia, Brunei
#: Darussalam, ...", "The Governments of Belgium, Canada, ...").
_LIST_OPENING = re.compile(r"(?m)^[ \t]*(?=[A-Z])(?:The\s+Governments?\s+of\s+)?")
#: Where a final clause lists states that are parties, the list starting right after: the
#: signatories whose ratifications bring it into force, the states it is open for signature
#: by, and the two governments between which an exchange of notes constitutes an agreement.
_LIST_AFTER = re.compile(
    r"\bratifications?\s+(?:of|by)\s+"
    r"|\bopen\s+for\s+signature\b[^.;]{0,120}?\bby\s+"
    r"|\b(?:constitut|form)\w*\s+an?\s+(?i:agreement|arrangement)\s+"
    r"(?:between|entered\s+into\s+by|concluded\s+by)\s+"
)
#: The operative formula whose subject is the list of parties ("..., the French Republic
#: and the Federal Republic of Germany agree as follows").
_LIST_BEFORE = re.compile(r"\s*,?\s+(?:have\s+|hereby\s+)?(?i:agree[sd]?)\b")
#: A signature line: "For the Kingdom of Belgium:", "Signed for and on behalf of the
#: Government of Canada", "Plenipotentiary of the Government of ...".
_SIGNATORY = re.compile(
    r"\b(?:For|FOR|Signed\s+for\s+and\s+on\s+behalf\s+of|On\s+behalf\s+of|Plenipotentiary\s+of)"
    r"\s+the\s+(?=[A-Z])"
)
#: A note's acceptance of the proposal by the government replying ("meet with the approval
#: of the Netherlands Government").
_APPROVAL = re.compile(r"\b(?:approval|acceptance)\s+of\s+(?:the\s+)?(?=[A-Z])")
#: Marks of an exchange of notes or letters: a reply that, with the first note, makes the
#: agreement.
_REPLY = re.compile(
    r"(?i)\b(?:note|letter)s?\s+in\s+reply\b|\byour\s+(?:excellency's\s+)?(?:note|letter)"
    r"|\b(?:this|the\s+present|your|the\s+embassy's)\s+reply\b|\backnowledge\s+(?:the\s+)?receipt"
    r"|\bconfirm\s+the\s+receipt"
)
#: The heading of the second note of an exchange ("Nr. II", "No. 2", "II").
_SECOND_NOTE = re.compile(r"(?m)^[ \t]*(?:(?:Nr|No|Note)\.?[ \t]*)?(?:II|2)\.?[ \t]*$")


@dataclass(frozen=True, slots=True)
class PartyMention:
    """A party as named in the text and, where it is a state, its COW code."""

    name: str
    ccode: int | None


@dataclass(slots=True)
class AgreementMetadata:
    """What the text says about its parties, signing, entry into force and duration."""

    title: str | None = None
    parties: list[PartyMention] = field(default_factory=list)
    signed: date | None = None
    signed_place: str | None = None
    entry_into_force: str | None = None
    entry_into_force_trigger: str | None = None
    duration_months: int | None = None
    indefinite_duration: bool = False
    renewal: str | None = None
    renewal_period_months: int | None = None
    withdrawal_notice_months: int | None = None
    languages: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON (dates as ISO text)."""
        out = asdict(self)
        out["signed"] = self.signed.isoformat() if self.signed else None
        return out


def parse_date(text: str) -> date | None:
    """The first calendar date written in ``text``, in any common treaty style.

    >>> parse_date("DONE at Washington, this fourth day of April, 1949.")
    datetime.date(1949, 4, 4)
    >>> parse_date("The Hague, March 24, 1960.")
    datetime.date(1960, 3, 24)
    >>> parse_date("DONE at Paris this twenty-third day of October, one thousand nine hundred "
    ...            "and ninety one")
    datetime.date(1991, 10, 23)
    >>> parse_date("DONE at Pretoria on this 8th day of June in this year 2007")
    datetime.date(2007, 6, 8)
    """
    text = _YEAR_WORDS.sub(lambda match: str(_words_to_number(match.group(0))), text)
    for match in _DATE.finditer(text):
        found = _to_date(match)
        if found is not None:
            return found
    return None


def _words_to_number(words: str) -> int:
    """The number an English numeral in words stands for ("nineteen hundred and six")."""
    total = current = 0
    for word in re.findall(r"[a-z]+", words.lower()):
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current *= 100
        elif word == "thousand":
            total += current * 1000
            current = 0
    return total + current


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    try:
        if groups["y4"]:
            return date(int(groups["y4"]), int(groups["m4"]), int(groups["d4"]))
        for suffix in "123":
            if groups[f"y{suffix}"]:
                day_text = groups[f"d{suffix}"].lower()
                day = _ORDINALS[day_text] if day_text in _ORDINALS else int(day_text)
                month = _MONTHS[groups[f"m{suffix}"].lower()]
                return date(int(groups[f"y{suffix}"]), month, day)
    except (ValueError, KeyError):
        return None
    return None


def extract_metadata(
    text: str, *, title: str | None = None, front: str | None = None, signature: str | None = None
) -> AgreementMetadata:
    """Read metadata from normalised agreement ``text``.

    ``front`` (title and preamble) and ``signature`` (the signature block) narrow where
    parties and signing are looked for; without them the start and end of ``text`` are used.
    """
    front = front if front is not None else text[:3000]
    tail = signature if signature else text[-3000:]
    meta = AgreementMetadata(title=title)
    meta.parties = _parties(f"{title or ''}\n{front}", text)
    meta.signed, meta.signed_place = _signing(tail, text)
    sentence = _sentence_with(text, _ENTRY) or _sentence_with(text, _ENTRY_LOOSE)
    if sentence:
        meta.entry_into_force = sentence
        meta.entry_into_force_trigger = _trigger(sentence)
    _duration(text, meta)
    meta.languages = _languages(text)
    return meta


def _sentence_with(text: str, pattern: re.Pattern[str]) -> str | None:
    match = pattern.search(text)
    if match is None:
        return None
    start = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    end_candidates = [
        i for i in (text.find(". ", match.end()), text.find("\n", match.end())) if i != -1
    ]
    end = min(end_candidates) + 1 if end_candidates else len(text)
    return " ".join(text[start:end].split())[:500]


def _trigger(sentence: str) -> str:
    lowered = sentence.lower()
    if re.search(r"ratif|instruments? of|exchange of (?:the )?instruments|deposit", lowered):
        return "ratification"
    if re.search(
        r"notif|note in reply|receipt of|constitutional(?:ly)? (?:required|requirements)", lowered
    ):
        return "notification"
    if re.search(
        r"(?:date|day|upon|on|of) (?:its |the )?signature|signing|when signed|upon signature",
        lowered,
    ):
        return "signature"
    if parse_date(sentence) is not None:
        return "date"
    return "other"


def _signing(tail: str, text: str) -> tuple[date | None, str | None]:
    """Signing date and place: the reply's dateline in an exchange of notes (the agreement
    is made by the reply), else the signing formula, the signatures' dates, a dateline."""
    reply = _reply_date(text)
    if reply is not None:
        return reply
    for where in (tail, text[-3000:]):
        for match in _SIGNED.finditer(where):
            when = parse_date(where[match.start() : match.start() + 300])
            if when is not None:
                return when, match.group("place").strip()
    for where in (tail, text[-3000:]):
        for match in _SIGNED_ANYWHERE.finditer(where):
            when = parse_date(where[match.start() : match.start() + 300])
            if when is not None:
                return when, None
    signed = _last_signature_date(text)
    if signed is not None:
        return signed, None
    dateline = _DATELINE.search(text[:3000]) or _CLOSING_DATELINE.search(tail)
    if dateline:
        place = dateline.group("place").strip()
        return parse_date(dateline.group("date")), place
    return None, None


def _reply_date(text: str) -> tuple[date, str] | None:
    """The dateline of the reply note when ``text`` is an exchange of notes, else None.

    The reply starts at the last second-note heading ("Nr. II"); the first "Place, date" in
    it is the reply's own date (a date it cites, "your Note of 28 March", has no place).
    """
    if not _REPLY.search(text):
        return None
    headings = list(_SECOND_NOTE.finditer(text))
    if not headings:
        return None
    for dateline in _DATELINE.finditer(text, headings[-1].end()):
        when = parse_date(dateline.group("date"))
        if when is not None:
            return when, dateline.group("place").strip()
    return None


def _last_signature_date(text: str) -> date | None:
    """The latest date in the first block of dated signatures ("For the Government of ...
    (sd.) ... Date 24 Aug. 1978 For the Government of ... Date Jul. 25 1978"): an agreement
    signed on different days is concluded by its last signature."""
    for block in re.finditer(r"\bFor the [^\n]*", text):
        dates = [
            when
            for stamp in _SIGNATURE_DATE.finditer(block.group(0))
            if (when := parse_date(stamp.group(1))) is not None
        ]
        if len(dates) >= 2:
            return max(dates)
    return None


def _months(match: re.Match[str]) -> int:
    count_text = match.group("n").lower()
    count = _NUMBERS[count_text] if count_text in _NUMBERS else int(count_text)
    unit = match.group("unit").lower()
    if unit.startswith("year"):
        return count * 12
    if unit.startswith("month"):
        return count
    if unit.startswith("week"):
        return max(1, round(count / 4.345))
    return max(1, round(count / 30.4))


def _duration(text: str, meta: AgreementMetadata) -> None:
    for sentence in re.split(r"(?<=[.;])\s+|\n+", text):
        lowered = sentence.lower()
        if meta.duration_months is None and re.search(
            r"(?:remain|continue|be|stay)\s+(?:in force|valid|in effect)"
            r"|period of validity|duration",
            lowered,
        ):
            if re.search(r"unlimited|indefinite|without limit", lowered):
                meta.indefinite_duration = True
            period = _PERIOD.search(sentence)
            if period and re.search(
                r"for (?:a (?:further |initial )?period of |an? (?:initial )?)?"
                + re.escape(period.group(0).lower()),
                lowered,
            ):
                meta.duration_months = _months(period)
        renewal = re.search(r"renew|extend|prolong|tacitly", lowered)
        if meta.renewal is None and renewal:
            automatic = re.search(r"automatic|tacit|unless|thereafter", lowered)
            meta.renewal = "automatic" if automatic else "by agreement"
            period = _PERIOD.search(sentence[renewal.start() :])
            if period:
                meta.renewal_period_months = _months(period)
        if meta.withdrawal_notice_months is None and re.search(
            r"notice|notif|denounc|withdraw|terminat", lowered
        ):
            notice = _NOTICE.search(sentence)
            if notice:
                meta.withdrawal_notice_months = _months(_renamed(notice))


def _renamed(match: re.Match[str]) -> re.Match[str]:
    """Re-run the period pattern on a notice match so ``n`` and ``unit`` are its groups."""
    period = _PERIOD.search(match.group(0))
    assert period is not None  # the notice patterns all contain a period
    return period


def _languages(text: str) -> list[str]:
    """Languages named in the final clause on authentic texts ("Netherlands" there is Dutch)."""
    found: list[str] = []
    for match in _AUTHENTIC.finditer(text):
        start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        stops = [i for i in (text.find(".", match.end()), text.find("\n", match.end())) if i != -1]
        sentence = text[start : min(stops) if stops else len(text)]
        named = [lang for lang in _LANGUAGES if re.search(rf"\b{lang}\b", sentence)]
        others = [lang for lang in named if lang != "Netherlands"]
        if "Netherlands" in named and others and _DUTCH.search(sentence):
            others.append("Dutch")
        found.extend(lang for lang in others if lang not in found)
    return found


def _parties(front: str, text: str) -> list[PartyMention]:
    """The states that are parties, as named in the text, resolved to COW codes.

    Enumerations in places that by drafting convention name the parties (see
    :func:`_named_parties`) are trusted first; a state merely mentioned elsewhere (a
    depositary, a third state) is not read. Only when they yield fewer than two states are
    the governments and states named in the title and preamble (``front``) added.
    """
    named = _named_parties(front, text)
    if len(named) >= 2:
        return named
    codes = {mention.ccode for mention in named}
    return named + [mention for mention in _front_mentions(front) if mention.ccode not in codes]


def _named_parties(front: str, text: str) -> list[PartyMention]:
    """States named where treaty drafting names the parties.

    These are: the enumeration opening the preamble or preceding "agree(s)", the
    ratifications and signatures a final clause lists, the governments between which an
    exchange of notes "shall constitute an agreement", the signature lines ("For the
    Kingdom of Belgium:"), and, in an exchange of notes, the government whose approval the
    reply gives. Enumerations count only with at least two states in them.
    """
    found: dict[int, str] = {}
    lists: list[list[tuple[str, int]]] = []
    lists.extend(_list_from(front, match.end()) for match in _LIST_OPENING.finditer(front))
    lists.extend(_list_before(front, match.start()) for match in _LIST_BEFORE.finditer(front))
    lists.extend(_list_from(text, match.end()) for match in _LIST_AFTER.finditer(text))
    for states in lists:
        if len({code for _, code in states}) >= 2:
            for name, code in states:
                found.setdefault(code, name)
    singles = [_SIGNATORY]
    if _REPLY.search(text):
        singles.append(_APPROVAL)
    for pattern in singles:
        for match in pattern.finditer(text):
            state = _state_at(text[match.end() : match.end() + 120])
            if state is not None:
                found.setdefault(state[1], state[0])
    return [PartyMention(name, code) for code, name in found.items()]


def _list_from(text: str, start: int) -> list[tuple[str, int]]:
    """The states enumerated from ``start`` on ("Belgium, Canada, ... and the United States"),
    up to the first item that is not a state's name."""
    pieces = _LIST_SEPARATOR.split(text[start : start + 1500])
    states: list[tuple[str, int]] = []
    index = 0
    while index < len(pieces):
        item, separator = pieces[index], pieces[index + 1] if index + 1 < len(pieces) else ""
        merged = _merged_and(pieces, index)
        if merged is not None:
            states.append(merged)
            index += 4
            continue
        last = index + 1 >= len(pieces) or separator.startswith(".")
        state = _state_at(item) if last or not separator else _state_named(item)
        if state is None:
            break
        states.append(state)
        if separator.startswith("."):
            break
        index += 2
    return states


def _list_before(text: str, end: int) -> list[tuple[str, int]]:
    """The states enumerated just before ``end``, read backwards to the first non-state."""
    pieces = _LIST_SEPARATOR.split(text[max(0, end - 1500) : end])
    states: list[tuple[str, int]] = []
    for index in range(len(pieces) - 1, -1, -2):
        if index >= 1 and pieces[index - 1].startswith("."):
            state = _state_named(pieces[index])
            if state is not None:
                states.append(state)
            break
        if index >= 2 and pieces[index - 1].strip() == "and":
            merged = _state_named(f"{pieces[index - 2]} and {pieces[index]}")
            if merged is not None and _state_named(pieces[index]) in (None, merged):
                states.append(merged)
                continue
        state = _state_named(pieces[index])
        if state is None:
            break
        states.append(state)
    return states[::-1]


def _merged_and(pieces: list[str], index: int) -> tuple[str, int] | None:
    """One state whose name contains "and" ("United Kingdom of Great Britain and Northern
    Ireland"), split by the list separators into ``pieces[index]`` and ``pieces[index + 2]``;
    None unless the second piece is no other state."""
    if index + 2 >= len(pieces) or pieces[index + 1].strip() != "and":
        return None
    merged = _state_named(f"{pieces[index]} and {pieces[index + 2]}")
    if merged is None or _state_named(pieces[index + 2]) not in (None, merged):
        return None
    return merged


def _state_named(item: str) -> tuple[str, int] | None:
    """The state ``item`` is, if it is nothing but a state's name (after "the Government of")."""
    name = _GOVERNMENT_OF.sub("", item.strip().replace("’", "'")).strip()
    if not _STATE_NAME.fullmatch(name):
        return None
    code = _resolve(name)
    return None if code is None else (name, code)


def _state_at(item: str) -> tuple[str, int] | None:
    """The state whose name begins ``item`` ("the Government of Canada W. L. MACKENZIE KING")."""
    name = _GOVERNMENT_OF.sub("", item.lstrip().replace("’", "'"), count=1)
    match = _STATE_NAME.match(name)
    if match is None:
        return None
    name = re.sub(r"\s+(?:Government|Governments)$", "", match.group(0).rstrip(" .")).strip()
    code = _resolve(name)
    return None if code is None else (name, code)


def _front_mentions(front: str) -> list[PartyMention]:
    """Governments and states named in the title and preamble ("the Government of the
    Kingdom of the Netherlands", "between X and Y"), for texts that enumerate no parties."""
    mentions: list[PartyMention] = []
    seen_codes: set[int] = set()
    seen_names: set[str] = set()
    for pattern in _PARTY_PATTERNS:
        for match in pattern.finditer(front):
            for key in ("name", "name2"):
                name = match.groupdict().get(key)
                if not name:
                    continue
                name = re.sub(
                    r"^(?:Preamble\s+)?(?:the\s+)?(?:(?:Governments?)\s+of\s+)?(?:the\s+)?",
                    "",
                    name.strip(),
                    flags=re.IGNORECASE,
                )
                name = re.sub(r"\s+(?:and|concerning|on|regarding|relating).*$", "", name).strip(
                    " .,"
                )
                code = _resolve(name)
                if code is None or code in seen_codes or name in seen_names:
                    continue
                seen_codes.add(code)
                seen_names.add(name)
                mentions.append(PartyMention(name, code))
    return mentions


@cache
def _resolve(name: str) -> int | None:
    from foedus.datasets.countries import resolve_country

    if len(name) < 4 or not name[0].isupper():
        return None
    try:
        return resolve_country(name)
    except UnknownCountry:
        return None
