"""The pure model of Foedus: states, agreements, provisions and their taxonomy. No I/O."""

from __future__ import annotations

from foedus.domain.agreements import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Party,
    PartyRole,
    Provision,
    SourceRef,
)
from foedus.domain.provisions import (
    ATOP_VARIABLES,
    PROVISION_LABELS,
    ProvisionGroup,
    ProvisionLabel,
    label_info,
)
from foedus.domain.security import ROLE_PERMISSIONS, Permission, Role, User
from foedus.domain.sensitivity import Sensitivity
from foedus.domain.states import COW_REGIONS, MembershipSpell, State, cow_region

__all__ = [
    "ATOP_VARIABLES",
    "COW_REGIONS",
    "PROVISION_LABELS",
    "ROLE_PERMISSIONS",
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "MembershipSpell",
    "Party",
    "PartyRole",
    "Permission",
    "Provision",
    "ProvisionGroup",
    "ProvisionLabel",
    "Role",
    "Sensitivity",
    "SourceRef",
    "State",
    "User",
    "cow_region",
    "label_info",
]
