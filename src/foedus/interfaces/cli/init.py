"""``foedus init``: create or migrate the registry and load every bundled dataset."""

from __future__ import annotations

import time

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from foedus.datasets.catalog import DATASETS
from foedus.datasets.registry_load import LOADERS, load_dataset
from foedus.interfaces.cli.output import console
from foedus.storage.engine import create_engine_for, describe_url
from foedus.storage.migrate import upgrade

__all__ = ["init"]


def init(
    force: bool = typer.Option(False, "--force", help="Reload datasets even if unchanged."),
    database: str = typer.Option(
        None, "--database", help="SQLAlchemy URL (default: FOEDUS_DATABASE_URL or SQLite)."
    ),
) -> None:
    """Create (or migrate) the registry and load the bundled datasets into it."""
    started = time.perf_counter()
    engine = create_engine_for(database)
    upgrade(engine)
    reports = []
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as progress:
        task = progress.add_task("loading datasets", total=len(LOADERS))
        for key in LOADERS:
            progress.update(task, description=f"loading {DATASETS[key].title[:48]}")
            reports.append(load_dataset(engine, key, force=force))
            progress.advance(task)
        progress.update(task, description="datasets loaded")
    for report in reports:
        state = "unchanged" if report.skipped else "loaded"
        console.print(
            f"  {report.dataset:<11} v{report.version:<12} {report.rows_loaded:>6,} of "
            f"{report.rows_read:>6,} rows {state}"
        )
        for issue in report.issues:
            where = f"{issue.get('id', '')} line {issue['line']}: " if "line" in issue else ""
            console.print(f"    [yellow]{issue['action']}[/] {where}{issue['reason']}")
    console.print(
        f"Registry ready at {describe_url(engine)} in {time.perf_counter() - started:.1f} s. "
        "Cite the data you use: `foedus data cite`."
    )
