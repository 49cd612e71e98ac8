"""``foedus extract FILE``: read an agreement and print its structure and provisions."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from foedus.extraction.pipeline import Extraction, extract
from foedus.interfaces.cli.output import OutputFormat, console, emit

__all__ = ["extract_command"]


def extract_command(
    file: str = typer.Argument(..., help="A PDF, DOCX, HTML or text file; - reads standard input."),
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format", help="table or json."),
) -> None:
    """Read an agreement: metadata, kind, articles with labels and evidence, provisions."""
    if file == "-":
        result = extract(sys.stdin.buffer.read(), name="<stdin>")
    else:
        result = extract(Path(file))
    if fmt is OutputFormat.JSON:
        emit(result.to_dict(), fmt)
        return
    _print_tables(result, fmt)


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
