"""``foedus import`` and ``foedus export``: the user's own agreements in and out."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import typer

from foedus.domain.security import Permission
from foedus.interfaces.cli._context import session
from foedus.interfaces.cli.output import console
from foedus.services import registry as service
from foedus.services.exchange import FIELDS, export_records, import_agreements

__all__ = ["export", "import_file"]


def import_file(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, help="A .csv or .json file."),
) -> None:
    """Import your own agreements (format: docs/import-format.md); all or nothing."""
    engine, user = session(Permission.WRITE)
    saved = import_agreements(engine, path, actor=user.name)
    console.print(f"imported {len(saved)} agreements from {path}")


def export(
    out: Path = typer.Option(None, "--out", help="Write here (.json or .csv); default stdout."),
    fmt: str = typer.Option(None, "--format", help="json or csv (default: from --out, else json)."),
    source: list[str] = typer.Option([], "--source", help="Only these sources (repeatable)."),
    party: str = typer.Option(None, "--party", help="Only agreements with this party."),
    kind: list[str] = typer.Option([], "--kind", help="Only these kinds (repeatable)."),
) -> None:
    """Export agreements you may read, in the import format (re-importable)."""
    chosen = fmt or (out.suffix.lstrip(".").lower() if out else "json")
    if chosen not in ("json", "csv"):
        raise typer.BadParameter(f"format {chosen!r}: use json or csv")
    engine, user = session()
    result = service.search(
        engine, party=party, kinds=kind, sources=source, limit=0,
        clearance=user.clearance, actor=user.name,
    )  # fmt: skip
    records = export_records(result.agreements)
    handle = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        if chosen == "json":
            json.dump(records, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
        else:
            writer = csv.DictWriter(handle, fieldnames=list(FIELDS), lineterminator="\n")
            writer.writeheader()
            for record in records:
                writer.writerow(
                    {k: ";".join(v) if isinstance(v, list) else v for k, v in record.items()}
                )
    finally:
        if out:
            handle.close()
    if out:
        console.print(f"exported {len(records)} agreements to {out}")
