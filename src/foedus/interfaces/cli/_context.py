"""What every command needs: the registry engine (migrated) and who is calling.

With ``FOEDUS_TOKEN`` set, the caller is that token's user (role and clearance from
the registry). Without it, the caller is the local operator: an administrator reading
at ``FOEDUS_CLEARANCE`` (public by default). Anyone who can open the database file can
read it whole, so on a shared machine protect the file and hand out tokens.
"""

from __future__ import annotations

import getpass
import os

from sqlalchemy import Engine

from foedus.config import cli_clearance
from foedus.domain.security import Permission, Role, User
from foedus.domain.sensitivity import Sensitivity
from foedus.errors import ConfigError, StorageError
from foedus.services.security import authenticate, require
from foedus.storage.engine import create_engine_for, describe_url
from foedus.storage.migrate import current_revision, head_revision

__all__ = ["clearance", "registry", "session"]


def registry() -> Engine:
    """The registry engine; refuses an empty or out-of-date database with the fix."""
    engine = create_engine_for()
    revision = current_revision(engine)
    if revision is None:
        raise StorageError(f"no registry at {describe_url(engine)}; run `foedus init` first")
    if revision != head_revision():
        raise StorageError(
            f"the registry at {describe_url(engine)} is at schema {revision}; "
            "run `foedus init` to migrate it"
        )
    return engine


def _local_operator() -> User:
    try:
        clearance = Sensitivity.parse(cli_clearance())
    except ValueError as error:
        raise ConfigError(f"FOEDUS_CLEARANCE: {error}") from None
    try:
        name = f"local:{getpass.getuser()}"
    except Exception:  # no user name in some containers
        name = "local"
    return User(name, Role.ADMIN, clearance)


def session(permission: Permission = Permission.READ) -> tuple[Engine, User]:
    """The registry and the calling user, who must hold ``permission``."""
    engine = registry()
    token = os.environ.get("FOEDUS_TOKEN")
    user = authenticate(engine, token) if token else _local_operator()
    require(user, permission)
    return engine, user


def clearance() -> Sensitivity:
    """The calling user's clearance (for commands that only read)."""
    return session()[1].clearance
