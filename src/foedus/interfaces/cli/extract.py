"""``foedus extract FILE``: read an agreement, print its structure and provisions, save it.

``--save`` stores the text, its articles and provisions in the registry through
:func:`foedus.services.documents.save_extraction` (one transaction; a refused document
raises before anything is opened, so nothing is half-saved). It needs write permission.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from sqlalchemy import Engine

from foedus.domain.security import Permission, User
from foedus.domain.sensitivity import Sensitivity
from foedus.errors import ConfigError
from foedus.extraction.pipeline import Extraction, extract
from foedus.interfaces.cli.output import OutputFormat, console, emit, err_console

__all__ = ["extract_command"]


def extract_command(
    file: str = typer.Argument(..., help="A PDF, DOCX, HTML or text file; - reads standard input."),
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format", help="table or json."),
    save: bool = typer.Option(
        False, "--save", help="Store text and provisions in the registry (matching record or new)."
    ),
    sensitivity: str = typer.Option(
        "public", "--sensitivity", help="Sensitivity of the saved text (with --save)."
    ),
    agreement_id: str = typer.Option(
        None, "--id", help="Attach to this agreement id, or the id of a new one (with --save)."
    ),
) -> None:
    """Read an agreement: metadata, kind, articles with labels and evidence, provisions."""
    try:
        level = Sensitivity.parse(sensitivity)
    except ValueError as error:
        raise ConfigError(f"--sensitivity: {error}") from None
    registry = _writable_registry() if save else None  # fail early: no registry, no rights
    if file == "-":
        result = extract(sys.stdin.buffer.read(), name="<stdin>")
    else:
        result = extract(Path(file))
    if fmt is OutputFormat.JSON:
        emit(result.to_dict(), fmt)
    else:
        _print_tables(result, fmt)
    if registry is not None:
        _save(registry, result, level, agreement_id)


def _writable_registry() -> tuple[Engine, User]:
    from foedus.interfaces.cli._context import session

    return session(Permission.WRITE)


def _save(
    registry: tuple[Engine, User], result: Extraction, level: Sensitivity, agreement_id: str | None
) -> None:
    from foedus.services.documents import save_extraction

    engine, user = registry
    saved = save_extraction(
        engine, result, sensitivity=level, agreement_id=agreement_id,
        actor=user.name, clearance=user.clearance,
    )  # fmt: skip
    how = "attached to" if saved.attached else "saved as new agreement"
    err_console.print(
        f"{how} {saved.agreement_id}: {saved.articles} articles, {saved.provisions} provisions"
    )


def _print_tables(result: Extraction, fmt: OutputFormat) -> None:
    data = result.to_dict()
    meta = data["metadata"]
    parties = "; ".join(f"{p['name']} ({p['ccode']})" for p in meta["parties"]) or "not named"
    console.print(f"[bold]{meta['title'] or meta['source']['name']}[/bold]")
    console.print(
        f"kind: {data['kind']}   parties: {parties}   signed: {meta['signed'] or '?'}"
        f"{' at ' + meta['signed_place'] if meta['signed_place'] else ''}"
    )
    console.print(
        f"entry into force: {meta['entry_into_force_trigger'] or '?'}   duration: "
        f"{'indefinite' if meta['indefinite_duration'] else meta['duration_months'] or '?'} months"
        f"   renewal: {meta['renewal'] or '-'}   withdrawal notice: "
        f"{meta['withdrawal_notice_months'] or '?'} months   languages: "
        f"{', '.join(meta['languages']) or '?'}"
    )
    emit(
        [
            {
                "heading": a["heading"],
                "start": a["start"],
                "end": a["end"],
                "labels": [f"{x['label']} {x['confidence']:.2f}" for x in a["labels"]],
            }
            for a in data["articles"]
        ],  # fmt: skip
        fmt,
        title="Articles",
    )
    emit(
        [
            {
                "label": p["label"],
                "confidence": p["confidence"],
                "article": p["article"],
                "evidence": p["evidence"],
            }
            for p in data["provisions"]
        ],
        fmt,
        title="Provisions",
    )
