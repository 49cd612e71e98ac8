"""Users, roles and what each role may do; clearance is a :class:`Sensitivity`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from foedus.domain.sensitivity import Sensitivity

__all__ = ["ROLE_PERMISSIONS", "Permission", "Role", "User"]


class Permission(StrEnum):
    """Actions a role may be granted."""

    READ = "read"  # search, show, export, analyse (always within clearance)
    WRITE = "write"  # import agreements, save extracted texts
    ADMIN = "admin"  # manage users and tokens, load datasets, read the audit log


class Role(StrEnum):
    """The roles of Foedus users."""

    READER = "reader"
    ANALYST = "analyst"
    ADMIN = "admin"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.READER: frozenset({Permission.READ}),
    Role.ANALYST: frozenset({Permission.READ, Permission.WRITE}),
    Role.ADMIN: frozenset(Permission),
}


@dataclass(frozen=True, slots=True)
class User:
    """Someone who reads or changes the registry: name, role and clearance."""

    name: str
    role: Role
    clearance: Sensitivity
    active: bool = True

    def can(self, permission: Permission) -> bool:
        """True when the user is active and the role grants ``permission``."""
        return self.active and permission in ROLE_PERMISSIONS[self.role]
