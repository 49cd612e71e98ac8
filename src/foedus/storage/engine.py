"""Connecting to the registry database: SQLite by default, any SQLAlchemy URL otherwise."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from foedus.config import database_url
from foedus.errors import ConfigError

__all__ = ["create_engine_for", "describe_url"]


def create_engine_for(url: str | None = None) -> Engine:
    """An engine for ``url`` (default: ``FOEDUS_DATABASE_URL`` or the user's SQLite file).

    SQLite gets foreign keys switched on and its directory created; ``postgresql://``
    URLs are routed to the psycopg 3 driver.
    """
    raw = url or database_url()
    try:
        parsed = make_url(raw)
    except Exception as error:
        raise ConfigError(f"not a database URL: {raw!r} ({error})") from error
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def describe_url(engine: Engine) -> str:
    """The engine's URL with any password hidden, for messages."""
    return engine.url.render_as_string(hide_password=True)
