"""Alembic environment: runs migrations on the connection Foedus hands it."""

from __future__ import annotations

from alembic import context

from foedus.storage.engine import create_engine_for
from foedus.storage.schema import metadata

config = context.config
connection = config.attributes.get("connection")


def _run(conn: object) -> None:
    context.configure(
        connection=conn,  # type: ignore[arg-type]
        target_metadata=metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:
    with create_engine_for(config.get_main_option("sqlalchemy.url")).connect() as conn:
        _run(conn)
