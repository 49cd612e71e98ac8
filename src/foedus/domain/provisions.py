"""The provision taxonomy: 33 labels, their groups, definitions and ATOP counterparts.

The label names and definitions are those of the labelled corpus
(``shared/corpus/README.md``); text extraction, the registry and the ATOP mapping all
speak this one vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "ATOP_VARIABLES",
    "PROVISION_LABELS",
    "ProvisionGroup",
    "ProvisionLabel",
    "label_info",
]


class ProvisionGroup(StrEnum):
    """The four families the taxonomy is arranged in."""

    OBLIGATION = "obligation"
    COOPERATION = "cooperation"
    STATUS_OF_FORCES = "status_of_forces"
    LEGAL_INSTITUTIONAL = "legal_institutional"


@dataclass(frozen=True, slots=True)
class ProvisionLabel:
    """One provision label: its name, group, definition and ATOP variable, if any."""

    name: str
    group: ProvisionGroup
    definition: str
    atop: str | None = None


_O, _C, _S, _L = (
    ProvisionGroup.OBLIGATION,
    ProvisionGroup.COOPERATION,
    ProvisionGroup.STATUS_OF_FORCES,
    ProvisionGroup.LEGAL_INSTITUTIONAL,
)

_TAXONOMY: tuple[ProvisionLabel, ...] = (
    ProvisionLabel(
        "mutual_defense",
        _O,
        "A party must assist another party that is attacked, "
        "including articles defining the area or scope of that obligation.",
        "DEFENSE",
    ),
    ProvisionLabel(
        "offensive_support",
        _O,
        "A party must assist another in offensive military action.",
        "OFFENSE",
    ),
    ProvisionLabel(
        "neutrality",
        _O,
        "A party must stay neutral or withhold aid from an attacker of another party.",
        "NEUTRAL",
    ),
    ProvisionLabel(
        "non_aggression",
        _O,
        "Parties pledge not to attack each other or not to join hostile acts against each other.",
        "NONAGG",
    ),
    ProvisionLabel(
        "consultation", _O, "Parties must consult in case of threat, crisis or attack.", "CONSUL"
    ),
    ProvisionLabel("joint_exercises", _C, "Joint or combined exercises and manoeuvres."),
    ProvisionLabel(
        "intelligence_sharing",
        _C,
        "Exchange of intelligence or military information about threats.",
    ),
    ProvisionLabel(
        "training_education",
        _C,
        "Training, military education, exchanges of students and instructors.",
    ),
    ProvisionLabel(
        "logistics_support",
        _C,
        "Supplies, services, transport, host-nation support, acquisition and cross-servicing.",
    ),
    ProvisionLabel(
        "technology_transfer",
        _C,
        "Transfer or exchange of defense technology, technical data, licences, co-production.",
    ),
    ProvisionLabel(
        "procurement_armaments",
        _C,
        "Purchase, sale or supply of arms and equipment; defense-industrial cooperation.",
    ),
    ProvisionLabel(
        "maintenance_equipment", _C, "Maintenance, repair and overhaul of military equipment."
    ),
    ProvisionLabel(
        "research_development",
        _C,
        "Joint research, development, testing and evaluation; defense science and technology.",
    ),
    ProvisionLabel(
        "basing_access",
        _C,
        "Stationing of forces, bases, access to or use of "
        "facilities and areas, prepositioned materiel.",
        "BASE",
    ),
    ProvisionLabel(
        "military_aid",
        _C,
        "Military assistance: grants, loans, equipment, financing, mutual aid to build capacity.",
        "MILAID",
    ),
    ProvisionLabel(
        "integrated_command",
        _C,
        "Joint or combined command, subordination of forces, combined forces.",
        "INTCOM",
    ),
    ProvisionLabel(
        "peace_operations_humanitarian",
        _C,
        "Peace operations, crisis management, "
        "humanitarian assistance, disaster relief, escort missions.",
    ),
    ProvisionLabel(
        "cyber_security", _C, "Cyber defense and the security of networks and information systems."
    ),
    ProvisionLabel(
        "emerging_technology",
        _C,
        "Artificial intelligence, autonomous systems and other emerging technologies.",
    ),
    ProvisionLabel("space", _C, "Space cooperation, space situational awareness, satellites."),
    ProvisionLabel(
        "status_of_forces",
        _S,
        "Legal status of one party's personnel in the other's "
        "territory: local law, entry and exit, documents, uniforms, arms, licences, "
        "privileges and immunities.",
    ),
    ProvisionLabel(
        "criminal_jurisdiction",
        _S,
        "Who tries offences by visiting personnel (criminal and disciplinary jurisdiction).",
    ),
    ProvisionLabel(
        "claims_liability", _S, "Claims for damage or injury, waivers, compensation, liability."
    ),
    ProvisionLabel(
        "tax_customs_exemption",
        _S,
        "Exemption from taxes, duties and customs; import and export of goods.",
    ),
    ProvisionLabel(
        "classified_information",
        _L,
        "Protection, marking, handling and transfer of "
        "classified information; security clearances; confidentiality.",
    ),
    ProvisionLabel(
        "dispute_resolution",
        _L,
        "How disputes over the agreement are settled, and "
        "pledges to settle international disputes peacefully.",
    ),
    ProvisionLabel(
        "international_law_compliance",
        _L,
        "The UN Charter or international law as the "
        "frame; saving clauses; reporting to the Security Council.",
    ),
    ProvisionLabel(
        "institutional_body",
        _L,
        "Creates a council, committee, commission, "
        "headquarters, organisation or standing mechanism.",
        "ORGAN1",
    ),
    ProvisionLabel(
        "financial_arrangements", _L, "Costs, funding, cost sharing, payments, reimbursement."
    ),
    ProvisionLabel(
        "entry_into_force",
        _L,
        "When and how the agreement enters into force; ratification; deposit of instruments.",
    ),
    ProvisionLabel(
        "duration_termination",
        _L,
        "Duration, renewal, withdrawal, denunciation, termination notice.",
    ),
    ProvisionLabel("amendment", _L, "How the agreement is amended or reviewed."),
    ProvisionLabel(
        "un_registration", _L, "Registration with the UN Secretariat (UN Charter Article 102)."
    ),
)

#: The 33 label names, in taxonomy order.
PROVISION_LABELS: tuple[str, ...] = tuple(label.name for label in _TAXONOMY)

#: ATOP 5.1 variable name (upper case, as in the codebook) for each label that has one.
ATOP_VARIABLES: dict[str, str] = {
    label.name: label.atop for label in _TAXONOMY if label.atop is not None
}

_BY_NAME = {label.name: label for label in _TAXONOMY}


def label_info(name: str) -> ProvisionLabel:
    """Return the taxonomy entry for ``name``.

    Raises ``KeyError`` naming the valid labels when ``name`` is not one of them, so that
    a typo in a filter or an import file is caught rather than matching nothing.
    """
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(
            f"unknown provision label {name!r}; valid labels: {', '.join(PROVISION_LABELS)}"
        ) from None
