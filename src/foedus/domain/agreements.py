"""Agreements, their parties, sources and provisions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from foedus.domain.sensitivity import Sensitivity

__all__ = [
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "Party",
    "PartyRole",
    "Provision",
    "SourceRef",
    "binding_spell",
]


class AgreementKind(StrEnum):
    """What kind of instrument an agreement is."""

    MUTUAL_DEFENSE_TREATY = "mutual_defense_treaty"
    ALLIANCE_OTHER = "alliance_other"
    NON_AGGRESSION = "non_aggression"
    FRIENDSHIP_COOPERATION = "friendship_cooperation"
    BILATERAL_DCA = "bilateral_dca"
    MULTILATERAL_DEFENSE_ORG_CHARTER = "multilateral_defense_org_charter"
    SOFA = "sofa"
    ACCESS_OR_BASING = "access_or_basing"
    MOU_OR_ARRANGEMENT = "mou_or_arrangement"
    OTHER = "other"


class AgreementStatus(StrEnum):
    """Whether an agreement is in force, as far as its source knows."""

    SIGNED = "signed"
    IN_FORCE = "in_force"
    ENDED = "ended"
    UNKNOWN = "unknown"


class PartyRole(StrEnum):
    """The part a state plays in an agreement."""

    MEMBER = "member"
    SENDING = "sending"
    RECEIVING = "receiving"
    GUARANTOR = "guarantor"
    OBSERVER = "observer"


@dataclass(frozen=True, slots=True)
class Party:
    """A state's participation in an agreement, with its own entry and exit dates."""

    ccode: int
    role: PartyRole = PartyRole.MEMBER
    name: str | None = None
    joined: date | None = None
    left: date | None = None
    phase: int | None = None


def binding_spell(
    joined: date | None, left: date | None, signed: date | None, ended: date | None
) -> tuple[date | None, date | None]:
    """When a party is bound: from its entry, else the signing, to its exit, else the end.

    The one rule behind every party spell, whether read from the registry
    (:func:`foedus.storage.queries.agreement_party_spells`) or from the bundled datasets
    (:func:`foedus.panels.add_network.party_spells`). ``None`` at the end: still in force.

    >>> binding_spell(None, None, date(1949, 4, 4), None)
    (datetime.date(1949, 4, 4), None)
    >>> binding_spell(date(1952, 2, 18), None, date(1949, 4, 4), None)
    (datetime.date(1952, 2, 18), None)
    """
    return joined or signed, left or ended


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a record comes from: a dataset (``dcad``, ``atop``, ``user``...) and its own id."""

    dataset: str
    source_id: str
    version: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Provision:
    """One provision of an agreement.

    ``grade`` keeps a graded source code (ATOP's MILCON 0-3, say) as it was coded;
    ``method`` says how it was found (``coded`` by a dataset's coders, ``extracted`` from
    the text, ``user``); ``confidence`` and ``evidence`` are set by extraction.
    """

    label: str
    grade: int | None = None
    source: str | None = None
    method: str = "coded"
    confidence: float | None = None
    evidence: str | None = None
    article: str | None = None


@dataclass(slots=True)
class Agreement:
    """A defense cooperation agreement, alliance, pact or status-of-forces agreement."""

    id: str
    title: str
    kind: AgreementKind
    parties: list[Party] = field(default_factory=list)
    short_name: str | None = None
    signed: date | None = None
    in_force: date | None = None
    ended: date | None = None
    status: AgreementStatus = AgreementStatus.UNKNOWN
    sources: list[SourceRef] = field(default_factory=list)
    provisions: list[Provision] = field(default_factory=list)
    sensitivity: Sensitivity = Sensitivity.PUBLIC
    notes: str | None = None
    attributes: dict[str, object] = field(default_factory=dict)

    @property
    def ccodes(self) -> list[int]:
        """The distinct COW codes of the parties, sorted."""
        return sorted({party.ccode for party in self.parties})

    @property
    def is_bilateral(self) -> bool:
        """True when exactly two states are parties."""
        return len(self.ccodes) == 2

    def provision_labels(self) -> list[str]:
        """The distinct provision labels, sorted."""
        return sorted({provision.label for provision in self.provisions})
