"""Predicting what kind of instrument an agreement is, from its text, provisions and parties.

The kinds (:class:`~foedus.domain.agreements.AgreementKind`) are told apart by a few
plain signals, checked in order: what the title calls the instrument (status of forces,
non-aggression, memorandum of understanding, friendship treaty, charter), then the
obligations it creates (mutual defense, neutrality, consultation), then the weight of
status-of-forces, basing and cooperation provisions, and the number of parties. The
rules are deliberately few and legible: a kind is a label a reader can check.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from foedus.domain.agreements import AgreementKind

__all__ = ["predict_kind"]

_SOFA_LABELS = {
    "status_of_forces",
    "criminal_jurisdiction",
    "claims_liability",
    "tax_customs_exemption",
}
_COOPERATION_LABELS = {
    "joint_exercises", "intelligence_sharing", "training_education", "logistics_support",
    "technology_transfer", "procurement_armaments", "maintenance_equipment",
    "research_development", "military_aid", "cyber_security", "emerging_technology",
}  # fmt: skip
_DEFENSE_WORDS = re.compile(
    r"(?i)defen[cs]e|military|armed forces|forces|security|alliance|air group"
)


def predict_kind(
    title: str | None, labels: Collection[str], n_parties: int | None
) -> AgreementKind:
    """The most likely kind for an agreement with this title, provision labels and party count.

    ``n_parties`` is the number of states named (None when the text does not list them).

    >>> predict_kind("North Atlantic Treaty", {"mutual_defense", "consultation"}, 12)
    <AgreementKind.MUTUAL_DEFENSE_TREATY: 'mutual_defense_treaty'>
    """
    name = (title or "").lower()
    if "status of forces" in name or re.search(r"status of .{0,40}(?:forces|personnel)", name):
        return AgreementKind.SOFA
    if "non-aggression" in name or "nonaggression" in name:
        return AgreementKind.NON_AGGRESSION
    if "mutual_defense" in labels or "offensive_support" in labels:
        return AgreementKind.MUTUAL_DEFENSE_TREATY
    if re.search(r"friendship|amity", name):
        return AgreementKind.FRIENDSHIP_COOPERATION
    if "non_aggression" in labels and "neutrality" not in labels:
        return AgreementKind.NON_AGGRESSION
    if re.search(r"memorandum of understanding|\barrangement\b", name):
        return AgreementKind.MOU_OR_ARRANGEMENT
    sofa = len(_SOFA_LABELS & set(labels))
    cooperation = len(_COOPERATION_LABELS & set(labels))
    if sofa >= 2 and "institutional_body" not in labels:
        return AgreementKind.SOFA
    if (
        "institutional_body" in labels
        and _DEFENSE_WORDS.search(name)
        and (n_parties or 0) != 2
        and re.search(r"charter|organi[sz]ation|group|statute|establish", name)
    ):
        return AgreementKind.MULTILATERAL_DEFENSE_ORG_CHARTER
    if "basing_access" in labels and cooperation <= 1:
        return AgreementKind.ACCESS_OR_BASING
    if (
        cooperation >= 2
        and _DEFENSE_WORDS.search(name + " " + " ".join(labels))
        and (n_parties in (None, 2))
    ):
        return AgreementKind.BILATERAL_DCA
    if {"neutrality", "consultation"} & set(labels) and _DEFENSE_WORDS.search(name):
        return AgreementKind.ALLIANCE_OTHER
    return AgreementKind.OTHER
