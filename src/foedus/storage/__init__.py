"""The registry's storage: schema, migrations, engine, writes and reads (SQLAlchemy 2)."""

from __future__ import annotations

from foedus.storage.engine import create_engine_for
from foedus.storage.migrate import upgrade

__all__ = ["create_engine_for", "upgrade"]
