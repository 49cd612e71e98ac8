"""``foedus data``: what is bundled and loaded, and how to cite it."""

from __future__ import annotations

import typer

from foedus.datasets.catalog import DATASETS, manifest
from foedus.interfaces.cli._context import registry
from foedus.interfaces.cli.output import OutputFormat, emit
from foedus.storage.queries import dataset_loads

__all__ = ["app"]

app = typer.Typer(help="Bundled datasets: versions, loads, citations.", no_args_is_help=True)


@app.command("cite")
def cite(
    all_bundled: bool = typer.Option(
        False, "--all", help="Cite every bundled dataset, not only those loaded."
    ),
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format"),
) -> None:
    """Print the citations of the datasets loaded in the registry (or all bundled)."""
    keys = list(DATASETS) if all_bundled else [row["dataset"] for row in dataset_loads(registry())]
    rows = [
        {"dataset": key, "version": DATASETS[key].version, "citation": citation}
        for key in keys
        for citation in DATASETS[key].citations
    ]
    if fmt is OutputFormat.TABLE:
        for row in rows:
            typer.echo(f"[{row['dataset']} {row['version']}] {row['citation']}")
        return
    emit(rows, fmt)


@app.command("status")
def status(fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format")) -> None:
    """What is loaded: dataset, version, rows read and loaded, issues, when."""
    rows = [
        {
            "dataset": row["dataset"],
            "version": row["version"],
            "rows_read": row["rows_read"],
            "rows_loaded": row["rows_loaded"],
            "issues": len(row["issues"]),
            "loaded_at": row["loaded_at"],
        }
        for row in dataset_loads(registry())
    ]
    emit(rows, fmt, title="Loaded datasets")


@app.command("issues")
def issues(
    dataset: str = typer.Argument(..., help="Dataset key, e.g. dcad."),
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format"),
) -> None:
    """The rows of a dataset that were corrected or refused at load, with reasons."""
    for row in dataset_loads(registry()):
        if row["dataset"] == dataset:
            emit(list(row["issues"]), fmt, title=f"{dataset}: load issues")
            return
    emit([], fmt)


@app.command("sources")
def sources(fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format")) -> None:
    """Every bundled release file: dataset, rows, SHA-256 and where it was taken from."""
    rows = [
        {
            "dataset": key,
            "file": name,
            "rows": entry["rows"],
            "sha256": str(entry["sha256"])[:16] if fmt is OutputFormat.TABLE else entry["sha256"],
            "origin": entry["origin"],
        }
        for key, files in manifest().items()
        for name, entry in files.items()
    ]
    emit(rows, fmt, title="Bundled release files (full provenance: datasets/_data/PROVENANCE.md)")
