"""Resolving what a user types for a country (name, ISO3, COW code) to a COW state code.

Order: a number is a COW code; three letters are tried as ISO3, then as a COW
abbreviation (ISO3 wins: ``AUS`` is Australia, not COW's Austria); then the COW name;
then ``country_converter``'s name patterns (``Soviet Union``, ``Burma``...). Anything
else raises :class:`~foedus.errors.UnknownCountry` with the closest names.
"""

from __future__ import annotations

import difflib
import logging
from functools import cache, lru_cache
from typing import Any

from foedus.datasets.cow_states import states
from foedus.domain.states import State
from foedus.errors import UnknownCountry

__all__ = ["resolve_country", "state_by_code"]

#: Names country_converter does not know that map to a COW state.
_ALIASES = {
    "german reich": 255,
    "ussr": 365,
    "soviet union": 365,
    "union of soviet socialist republics": 365,
    "west germany": 260,
    "east germany": 265,
    "south vietnam": 817,
    "north vietnam": 816,
}


@cache
def _index() -> tuple[dict[int, State], dict[str, int], dict[str, int], dict[str, int]]:
    by_code = {state.ccode: state for state in states()}
    by_iso: dict[str, int] = {}
    # Where several COW states share an ISO3 (GFR and Germany), the latest one wins.
    for state in sorted(states(), key=lambda s: s.spells[-1].end):
        if state.iso3:
            by_iso[state.iso3] = state.ccode
    by_abb = {state.abbreviation.upper(): state.ccode for state in states()}
    by_name = {state.name.casefold(): state.ccode for state in states()} | _ALIASES
    return by_code, by_iso, by_abb, by_name


def state_by_code(ccode: int) -> State:
    """The COW state with code ``ccode``; ``UnknownCountry`` if there is none."""
    by_code = _index()[0]
    if ccode not in by_code:
        raise UnknownCountry(str(ccode), [])
    return by_code[ccode]


def resolve_country(query: str | int) -> int:
    """The COW code for a country given as COW code, ISO3, COW abbreviation or name.

    >>> resolve_country("India"), resolve_country("RUS"), resolve_country("2")
    (750, 365, 2)
    """
    by_code, by_iso, by_abb, by_name = _index()
    text = str(query).strip()
    if text.lstrip("-").isdigit():
        code = int(text)
        if code in by_code:
            return code
        raise UnknownCountry(text, [f"{c} ({by_code[c].name})" for c in _near_codes(code)])
    upper = text.upper()
    if len(text) == 3 and text.isalpha():
        if upper in by_iso:
            return by_iso[upper]
        if upper in by_abb:
            return by_abb[upper]
    folded = text.casefold()
    if folded in by_name:
        return by_name[folded]
    iso = _coco_iso3(text)
    if iso and iso in by_iso:
        return by_iso[iso]
    choices = list(by_name)
    close = difflib.get_close_matches(folded, choices, n=5, cutoff=0.6)
    if not close:
        close = [name for name in choices if folded in name][:5]
    raise UnknownCountry(text, [by_code[by_name[name]].name for name in close])


def _near_codes(code: int) -> list[int]:
    return sorted(_index()[0], key=lambda c: abs(c - code))[:3]


@lru_cache(maxsize=4096)
def _coco_iso3(text: str) -> str | None:
    logger = logging.getLogger("country_converter.country_converter")
    previous = logger.level
    logger.setLevel(logging.ERROR)
    try:
        result = _converter().convert(text, to="ISO3", not_found=None)
    finally:
        logger.setLevel(previous)
    return result if isinstance(result, str) and len(result) == 3 else None


@cache
def _converter() -> Any:
    import country_converter as coco

    return coco.CountryConverter()
