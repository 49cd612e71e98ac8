"""Checking that read text is real English prose before any of it is interpreted.

Two failures look like text but are not usable: a PDF text layer that comes out garbled
(fonts whose glyphs map non-Latin scripts or ligatures to junk codes), and an agreement in
another language. Both are refused with the reason (:func:`check_text`), rather than
labelled with confident nonsense. The checks are cheap word statistics:

* garbled: too few word-like tokens, too many symbols, replacement characters or
  ``(cid:NN)`` glyph codes;
* not English: too few of the commonest English function words; the language of
  the text is named when it is one we can tell (Dutch, French, German, Spanish,
  Portuguese, Italian, or a non-Latin script).

Bilingual documents with an English half pass.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from foedus.errors import DocumentRefused

__all__ = ["MIN_ENGLISH_SHARE", "check_text", "english_share"]

#: Share of tokens that must be common English function words (English prose: 0.35-0.5).
MIN_ENGLISH_SHARE = 0.12
_MIN_WORDLIKE_SHARE = 0.6
_MAX_JUNK_SHARE = 0.02

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_TOKEN = re.compile(r"\S+")
_WORDLIKE = re.compile(r"^[(\"'‘“]?[A-Za-z][a-z]*(?:[-'’][A-Za-z]+)*[.,;:)\"'’”]*$")
_CID = re.compile(r"\(cid:\d+\)")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPWORDS: dict[str, frozenset[str]] = {
    "English": _words(
        "the of and to in a be shall or by any for on with as this that such "
        "which is other its their it at from all under an are may not have has "
        "will each party parties agreement article government"
    ),
    "Dutch": _words(
        "de het een van en in op te dat die voor met zijn niet aan door wordt "
        "worden bij als of naar om ook partijen overeenkomst"
    ),
    "French": _words(
        "le la les des du de et à en un une pour par dans sur est sont au aux "
        "que qui ne pas parties accord"
    ),
    "German": _words(
        "der die das und den dem des zu von mit ist nicht ein eine im für auf "
        "sich werden vertragsparteien abkommen"
    ),
    "Spanish": _words(
        "el la los las de del y en que por para con se una un su al lo como partes acuerdo"
    ),
    "Portuguese": _words(
        "o a os as de do da dos das e em que por para com uma um no na partes acordo"
    ),
    "Italian": _words("il lo la gli le di del della e in che per con una un non parti accordo"),
}


def english_share(text: str) -> float:
    """Share of the word tokens of ``text`` that are common English function words."""
    return _share(text, "English")


def check_text(text: str, *, name: str = "document") -> None:
    """Refuse text that is garbled or not English, naming the reason.

    Raises :class:`~foedus.errors.DocumentRefused`; returns quietly for usable text.
    """
    sample = text[:200_000]
    tokens = _TOKEN.findall(sample)
    if not tokens:
        raise DocumentRefused(f"{name}: the document contains no text")
    characters = Counter(sample)  # classify each distinct character once
    junk = len(_CID.findall(sample)) + sum(
        count for char, count in characters.items() if _is_junk(char)
    )
    if junk > _MAX_JUNK_SHARE * len(sample):
        raise DocumentRefused(
            f"{name}: the text layer is garbled (unmapped glyphs or control codes); "
            "extract the text with OCR instead"
        )
    script = _dominant_script(sample)
    if script not in {None, "LATIN"}:
        raise DocumentRefused(
            f"{name}: the text is in {script.title()} script, not English; "
            "only English texts are supported (give the English authentic text)"
        )
    if len(tokens) >= 20:
        wordlike = sum(1 for token in tokens if _WORDLIKE.match(token)) / len(tokens)
        if wordlike < _MIN_WORDLIKE_SHARE and english_share(sample) < MIN_ENGLISH_SHARE:
            raise DocumentRefused(
                f"{name}: the text layer is garbled (few real words; fonts mapped to junk?); "
                "extract the text with OCR instead"
            )
    if len(_WORD.findall(sample)) >= 30 and english_share(sample) < MIN_ENGLISH_SHARE:
        language = max(_STOPWORDS, key=lambda lang: _share(sample, lang))
        if _share(sample, language) < 0.05:
            raise DocumentRefused(
                f"{name}: the text is garbled or in no language we recognise (no common "
                "words); if it came from a PDF, its fonts may map to junk: run OCR first"
            )
        guess = f" (looks like {language})" if language != "English" else ""
        raise DocumentRefused(
            f"{name}: the text is not English{guess}; only English texts are supported "
            "(give the English authentic text)"
        )


def _share(text: str, language: str) -> float:
    words = [word.lower() for word in _WORD.findall(text)]
    if not words:
        return 0.0
    vocabulary = _STOPWORDS[language]
    return sum(1 for word in words if word in vocabulary) / len(words)


def _is_junk(char: str) -> bool:
    if char in "\n\t\f":
        return False
    category = unicodedata.category(char)
    return char == "\ufffd" or category in {"Cc", "Co", "Cs", "Cn"}


def _dominant_script(text: str) -> str | None:
    """The script most letters are written in (first word of their Unicode names)."""
    counts: dict[str, int] = {}
    for char, count in Counter(text[:20_000]).items():
        if char.isalpha():
            script = unicodedata.name(char, "UNKNOWN").split(" ")[0]
            counts[script] = counts.get(script, 0) + count
    if not counts:
        return None
    return max(counts, key=lambda script: counts[script])
