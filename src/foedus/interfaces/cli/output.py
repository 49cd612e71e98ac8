"""Writing rows to the terminal as a Rich table, JSON or CSV (``--format``)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table

__all__ = ["OutputFormat", "console", "emit", "err_console", "to_jsonable"]

console = Console()
err_console = Console(stderr=True)


class OutputFormat(StrEnum):
    """The ``--format`` choices offered wherever rows come out."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def to_jsonable(value: Any) -> Any:
    """Dates as ISO text, enums as their values, containers recursively; else unchanged."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [to_jsonable(v) for v in value]
    if hasattr(value, "item") and callable(value.item):  # numpy scalars
        return value.item()
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, Mapping):
        return json.dumps(to_jsonable(value), ensure_ascii=False)
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(to_jsonable(value))


def emit(
    rows: Sequence[Mapping[str, Any]] | Mapping[str, Any],
    fmt: OutputFormat,
    *,
    columns: Iterable[str] | None = None,
    title: str | None = None,
) -> None:
    """Print ``rows`` (or one JSON document) in the chosen format.

    JSON prints the data exactly, nested as it is; CSV and the table flatten lists into
    ``;``-joined cells and restrict to ``columns`` when given.
    """
    if fmt is OutputFormat.JSON:
        sys.stdout.write(json.dumps(to_jsonable(rows), ensure_ascii=False, indent=2) + "\n")
        return
    records = [rows] if isinstance(rows, Mapping) else list(rows)
    names = list(columns) if columns is not None else _columns(records)
    if fmt is OutputFormat.CSV:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(names)
        for record in records:
            writer.writerow([_cell(record.get(name)) for name in names])
        return
    table = Table(title=title, show_lines=False)
    for index, name in enumerate(names):
        table.add_column(name, overflow="fold", no_wrap=index == 0)
    for record in records:
        table.add_row(*(_cell(record.get(name)) for name in names))
    console.print(table)


def _columns(records: Sequence[Mapping[str, Any]]) -> list[str]:
    names: list[str] = []
    for record in records:
        names.extend(key for key in record if key not in names)
    return names
