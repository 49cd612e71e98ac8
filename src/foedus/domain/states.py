"""States of the international system, keyed by Correlates of War (COW) code."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

__all__ = ["COW_REGIONS", "MembershipSpell", "State", "cow_region"]


@dataclass(frozen=True, slots=True)
class MembershipSpell:
    """One continuous period of a state's membership of the COW state system."""

    start: date
    end: date

    def covers(self, year: int) -> bool:
        """True when the spell includes any day of ``year``."""
        return self.start.year <= year <= self.end.year


@dataclass(frozen=True, slots=True)
class State:
    """A state: COW code (canonical), COW abbreviation and name, ISO3, region, spells."""

    ccode: int
    abbreviation: str
    name: str
    iso3: str | None = None
    region: str | None = None
    spells: tuple[MembershipSpell, ...] = field(default_factory=tuple)

    def member_in(self, year: int) -> bool:
        """True when the state was a system member at any time in ``year``."""
        return any(spell.covers(year) for spell in self.spells)


#: COW regions by code range, as the COW project groups states.
COW_REGIONS: tuple[tuple[str, int, int], ...] = (
    ("americas", 2, 199),
    ("europe", 200, 399),
    ("africa", 400, 626),
    ("middle_east", 630, 699),
    ("asia", 700, 899),
    ("oceania", 900, 999),
)


def cow_region(ccode: int) -> str | None:
    """The COW region of a state code (``americas``, ``europe``, ``africa``,
    ``middle_east``, ``asia``, ``oceania``), or None outside every range."""
    for name, low, high in COW_REGIONS:
        if low <= ccode <= high:
            return name
    return None
