"""Helpers shared by tests: table digests for comparing registries."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sqlalchemy import Engine, select
from typer.testing import CliRunner

from foedus.storage import schema

#: Tables whose content a reload must leave unchanged (surrogate ids excluded).
CONTENT_TABLES = (
    "states", "state_spells", "capabilities", "agreements", "agreement_parties",
    "agreement_sources", "provisions",
)  # fmt: skip


def table_digest(engine: Engine, name: str) -> tuple[int, str]:
    """Row count and a hash of a table's rows, independent of engine and row order."""
    table = schema.metadata.tables[name]
    columns = [c for c in table.columns if c.name != "id"]
    with engine.connect() as connection:
        rows = connection.execute(select(*columns)).all()
    encoded = sorted(
        json.dumps([_plain(v) for v in row], sort_keys=True, default=str) for row in rows
    )
    return len(rows), hashlib.sha256("\n".join(encoded).encode()).hexdigest()


def _plain(value: object) -> object:
    if isinstance(value, float):
        return round(value, 9)
    return value


def registry_digest(engine: Engine) -> dict[str, tuple[int, str]]:
    """Digests of every content table."""
    return {name: table_digest(engine, name) for name in CONTENT_TABLES}


def initialised_cli(home: Path) -> CliRunner:
    """A CLI runner on a registry of its own in ``home``, built by ``foedus init``.

    The runner's environment clears every setting that could point elsewhere (database
    URL, clearance, token), so tests never touch the user's registry.
    """
    from foedus.interfaces.cli.main import app

    cleared = dict.fromkeys(("FOEDUS_DATABASE_URL", "FOEDUS_CLEARANCE", "FOEDUS_TOKEN"))
    runner = CliRunner(env={"FOEDUS_HOME": str(home), "COLUMNS": "200"} | cleared)
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 0, result.output
    return runner
