"""What every command needs: the registry engine (migrated) and the caller's clearance."""

from __future__ import annotations

import getpass

from sqlalchemy import Engine

from foedus.config import cli_clearance
from foedus.domain.sensitivity import Sensitivity
from foedus.errors import ConfigError, StorageError
from foedus.storage.engine import create_engine_for, describe_url
from foedus.storage.migrate import current_revision, head_revision

__all__ = ["actor", "clearance", "registry"]


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


def clearance() -> Sensitivity:
    """The command-line user's clearance (``FOEDUS_CLEARANCE``)."""
    try:
        return Sensitivity.parse(cli_clearance())
    except ValueError as error:
        raise ConfigError(f"FOEDUS_CLEARANCE: {error}") from None


def actor() -> str:
    """Who the audit log records for command-line actions."""
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no user name on some containers
        return "cli"
