"""Users, API tokens and permission checks.

A token is ``fds_<prefix>_<secret>``: the prefix identifies it (and is shown in
listings), the secret is 32 random bytes. Only the SHA-256 of the whole token is
stored; a fast hash is right for a secret of that entropy, and the comparison runs in
constant time. The plain token is shown once, when it is issued.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, insert, select, update

from foedus.domain.security import Permission, Role, User
from foedus.domain.sensitivity import Sensitivity
from foedus.errors import DataError, NotFound, PermissionDenied
from foedus.storage import schema as t
from foedus.storage.repository import audit

__all__ = [
    "authenticate",
    "create_user",
    "issue_token",
    "list_users",
    "require",
    "revoke_token",
]

_SCHEME = "fds"


def require(user: User, permission: Permission) -> None:
    """Refuse with :class:`PermissionDenied` unless ``user`` holds ``permission``."""
    if not user.can(permission):
        raise PermissionDenied(
            f"{user.name} ({user.role.value}) may not {permission.value}"
            + ("" if user.active else "; the account is disabled")
        )


def _user(row: Any) -> User:
    return User(row.name, Role(row.role), Sensitivity(row.clearance), bool(row.active))


def create_user(engine: Engine, actor: User, name: str, role: Role, clearance: Sensitivity) -> User:
    """Add a user (admins only); the name must be new."""
    require(actor, Permission.ADMIN)
    if not name or len(name) > 120 or not name.replace("-", "").replace("_", "").isalnum():
        raise DataError("a user name is 1-120 letters, digits, - or _")
    with engine.begin() as connection:
        if connection.execute(select(t.users.c.name).where(t.users.c.name == name)).first():
            raise DataError(f"user {name!r} exists")
        connection.execute(
            insert(t.users).values(
                name=name, role=role.value, clearance=int(clearance), active=True,
                created_at=datetime.now(UTC),
            )
        )  # fmt: skip
        audit(connection, actor.name, "create", "user", name,
              {"role": role.value, "clearance": clearance.name.lower()})  # fmt: skip
    return User(name, role, clearance)


def list_users(engine: Engine, actor: User) -> list[dict[str, Any]]:
    """Every user with role, clearance, state and live token prefixes (admins only)."""
    require(actor, Permission.ADMIN)
    with engine.connect() as connection:
        tokens: dict[str, list[str]] = {}
        for prefix, owner in connection.execute(
            select(t.api_tokens.c.prefix, t.api_tokens.c.user_name).where(
                t.api_tokens.c.revoked_at.is_(None)
            )
        ):
            tokens.setdefault(owner, []).append(prefix)
        return [
            {
                "name": user.name,
                "role": user.role.value,
                "clearance": user.clearance.name.lower(),
                "active": user.active,
                "tokens": sorted(tokens.get(user.name, [])),
            }
            for user in map(_user, connection.execute(select(t.users).order_by(t.users.c.name)))
        ]


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(engine: Engine, actor: User, name: str) -> str:
    """A new API token for user ``name`` (admins only); returned in plain text once."""
    require(actor, Permission.ADMIN)
    prefix = secrets.token_hex(6)
    token = f"{_SCHEME}_{prefix}_{secrets.token_urlsafe(32)}"
    with engine.begin() as connection:
        if not connection.execute(select(t.users.c.name).where(t.users.c.name == name)).first():
            raise NotFound(f"no user {name!r}")
        connection.execute(
            insert(t.api_tokens).values(
                prefix=prefix, user_name=name, token_hash=_digest(token),
                created_at=datetime.now(UTC),
            )
        )  # fmt: skip
        audit(connection, actor.name, "issue", "token", prefix, {"user": name})
    return token


def revoke_token(engine: Engine, actor: User, prefix: str) -> None:
    """Revoke the token with ``prefix`` (admins only); it stops working at once."""
    require(actor, Permission.ADMIN)
    with engine.begin() as connection:
        result = connection.execute(
            update(t.api_tokens)
            .where(t.api_tokens.c.prefix == prefix, t.api_tokens.c.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC))
        )
        if not result.rowcount:
            raise NotFound(f"no live token {prefix!r}")
        audit(connection, actor.name, "revoke", "token", prefix)


def authenticate(engine: Engine, token: str) -> User:
    """The active user a token belongs to; :class:`PermissionDenied` for any bad token.

    Every failure gives the same message, so a caller learns nothing about which part
    of the token was wrong.
    """
    refused = PermissionDenied("invalid or revoked API token")
    parts = token.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != _SCHEME:
        raise refused
    with engine.begin() as connection:
        row = connection.execute(
            select(t.api_tokens, t.users)
            .join(t.users, t.users.c.name == t.api_tokens.c.user_name)
            .where(t.api_tokens.c.prefix == parts[1])
        ).first()
        if row is None or row.revoked_at is not None or not row.active:
            raise refused
        if not hmac.compare_digest(row.token_hash, _digest(token.strip())):
            raise refused
        connection.execute(
            update(t.api_tokens)
            .where(t.api_tokens.c.prefix == parts[1])
            .values(last_used_at=datetime.now(UTC))
        )
    return _user(row)
