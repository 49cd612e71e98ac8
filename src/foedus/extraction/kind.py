"""Predicting what kind of instrument an agreement is, from its text, provisions and parties.

The kinds (:class:`~foedus.domain.agreements.AgreementKind`) are told apart by a few
plain signals, checked in order: what the title calls the instrument (status of forces,
non-aggression, friendship treaty, accession to an alliance treaty, an organisation it
sets up, the presence of foreign forces), what the text calls itself ("this Memorandum
of Understanding" more often than "this Agreement"), then the obligations it creates
(mutual defense, non-aggression, neutrality, consultation), then the weight of
status-of-forces and cooperation provisions and the number of parties. The rules are
deliberately few and legible: a kind is a label a reader can check.

Without a title (exchanges of notes), the opening of the text, where the first note says
what it concerns, stands in for it where the subject matters (forces or personnel for a
SOFA, defence cooperation for a DCA).
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
#: Narrower than ``_DEFENSE_WORDS``: "security" alone (civil, homeland) is not defence.
_MILITARY_WORDS = re.compile(r"(?i)defen[cs]e|military|armed forces|\bforces\b|weapons|armaments")
#: What a status agreement is about: forces or a defence ministry's personnel abroad.
_FORCES_WORDS = re.compile(r"(?i)\bforces\b|troops|military|defen[cs]e personnel|ministry of defen")
_SOFA_TITLE = re.compile(r"(?i)status of forces|status of .{0,60}(?:forces|personnel)")
_ACCESSION = re.compile(r"(?i)accession|admission")
_ALLIANCE_TREATY = re.compile(r"(?i)north atlantic|alliance|(?:mutual|collective) defen[cs]e")
#: An agreement whose subject is the presence, stationing or basing of forces.
_PRESENCE = re.compile(
    r"(?i)(?:presence|stationing|basing) of .{0,40}(?:forces|troops)"
    r"|use of .{0,30}(?:facilities|bases|installations)|military bases"
)
_ORGANISATION = re.compile(r"(?i)charter|organi[sz]ation|\bgroup\b|statute|establish|headquarters")
_COOPERATION_TITLE = re.compile(
    r"(?i)(?:cooperation|co-operation|collaboration)\b.{0,80}(?:defen[cs]e|military)"
    r"|(?:defen[cs]e|military) (?:cooperation|co-operation)|military (?:exercises|training)"
)
_SELF_MOU = re.compile(r"(?i)(?:this|the present) (?:memorandum of understanding|arrangement)\b")
_SELF_TREATY = re.compile(r"(?i)(?:this|the present) (?:agreement|treaty|convention|protocol)\b")
_OPENING = 600  # characters of the text where a note states its subject


def predict_kind(
    title: str | None,
    labels: Collection[str],
    n_parties: int | None,
    text: str | None = None,
) -> AgreementKind:
    """The most likely kind for an agreement with this title, provision labels and party count.

    ``n_parties`` is the number of states named (None when the text does not list them);
    ``text`` is the agreement's text (its self-designation and, without a title, its
    opening are used).

    >>> predict_kind("North Atlantic Treaty", {"mutual_defense", "consultation"}, 12)
    <AgreementKind.MUTUAL_DEFENSE_TREATY: 'mutual_defense_treaty'>
    """
    name = " ".join((title or "").lower().split())
    subject = name or " ".join((text or "")[:_OPENING].lower().split())
    labels = set(labels)
    bilateral = n_parties is None or n_parties <= 2  # one party read: a partial exchange of notes
    if _SOFA_TITLE.search(name):
        return AgreementKind.SOFA
    if "non-aggression" in name or "nonaggression" in name:
        return AgreementKind.NON_AGGRESSION
    if "mutual_defense" in labels or "offensive_support" in labels:
        return AgreementKind.MUTUAL_DEFENSE_TREATY
    if re.search(r"friendship|amity", name):
        return AgreementKind.FRIENDSHIP_COOPERATION
    if _ACCESSION.search(name) and _ALLIANCE_TREATY.search(name):
        return AgreementKind.ALLIANCE_OTHER
    if "non_aggression" in labels and (bilateral or "neutrality" not in labels):
        # a multilateral pledge of non-aggression with neutrality guarantees a neutral state
        return AgreementKind.NON_AGGRESSION
    if re.search(r"memorandum of understanding|\barrangement\b", name) or (
        text and len(_SELF_MOU.findall(text)) > len(_SELF_TREATY.findall(text))
    ):
        return AgreementKind.MOU_OR_ARRANGEMENT
    if _PRESENCE.search(name):
        return AgreementKind.ACCESS_OR_BASING
    if (
        "institutional_body" in labels
        and _DEFENSE_WORDS.search(name)
        and _ORGANISATION.search(name)
    ):
        return AgreementKind.MULTILATERAL_DEFENSE_ORG_CHARTER
    if bilateral and _COOPERATION_TITLE.search(subject):
        return AgreementKind.BILATERAL_DCA
    if len(_SOFA_LABELS & labels) >= 2 and _FORCES_WORDS.search(subject):
        return AgreementKind.SOFA
    if bilateral and len(_COOPERATION_LABELS & labels) >= 2 and _MILITARY_WORDS.search(subject):
        return AgreementKind.BILATERAL_DCA
    if {"neutrality", "consultation"} & labels and _DEFENSE_WORDS.search(name):
        return AgreementKind.ALLIANCE_OTHER
    return AgreementKind.OTHER
