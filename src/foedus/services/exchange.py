"""Importing the user's own agreements (CSV or JSON) and exporting agreements.

The import format (``docs/import-format.md``), one record per agreement:

=============  ========  =====================================================
field          required  value
=============  ========  =====================================================
id             no        your identifier; stored as ``user:<id>`` (default: row)
title          yes       text, at most 2,000 characters
kind           yes       an agreement kind (``bilateral_dca``, ``sofa``...)
parties        yes       two or more countries (names, ISO3 or COW codes);
                         CSV: separated by ``;``
signed         no        ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``
in_force       no        as ``signed``
ended          no        as ``signed``
provisions     no        taxonomy labels or ATOP variables; CSV: ``;``-separated
sensitivity    no        public (default), internal, restricted, confidential,
                         secret
short_name     no        text
notes          no        text
=============  ========  =====================================================

A file is checked whole before anything is written; the first fault is reported with
file, line and column, and nothing is saved. A valid file is saved in one transaction;
importing it again replaces the same records, so it duplicates nothing.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from foedus.datasets.countries import resolve_country, state_by_code
from foedus.domain.agreements import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Party,
    Provision,
    SourceRef,
)
from foedus.domain.sensitivity import Sensitivity
from foedus.errors import DataError, FoedusError, RowError
from foedus.services.registry import parse_provision
from foedus.services.serialize import agreement_to_dict
from foedus.storage.repository import audit, delete_agreement, insert_agreements

__all__ = [
    "FIELDS",
    "MAX_FIELD_CHARS",
    "MAX_FILE_BYTES",
    "export_records",
    "import_agreements",
    "parse_import",
]

FIELDS = (
    "id", "title", "kind", "parties", "signed", "in_force", "ended", "provisions",
    "sensitivity", "short_name", "notes",
)  # fmt: skip
REQUIRED = ("title", "kind", "parties")
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_FIELD_CHARS = 100_000
MAX_TITLE_CHARS = 2_000
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_ID = re.compile(r"^[A-Za-z0-9._:-]{1,60}$")


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise RowError(
            str(path),
            line,
            None,
            f"not UTF-8 text (byte {data[error.start]:#04x}); save the file as UTF-8",
        ) from None


def _records(path: Path, text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, record) pairs from a CSV or JSON file, by its extension."""
    if path.suffix.lower() == ".json":
        yield from _json_records(path, text)
    elif path.suffix.lower() == ".csv":
        yield from _csv_records(path, text)
    else:
        raise DataError(f"{path}: import takes .csv or .json files, not {path.suffix or 'none'!r}")


def _csv_records(path: Path, text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    if "\x00" in text:
        raise RowError(str(path), text[: text.index("\x00")].count("\n") + 1, None, "NUL byte")
    csv.field_size_limit(MAX_FIELD_CHARS + 1)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        raise DataError(f"{path}: the file is empty") from None
    except csv.Error as error:
        raise RowError(str(path), 1, None, f"malformed CSV: {error}") from None
    unknown = [name for name in header if name not in FIELDS]
    if unknown:
        raise RowError(str(path), 1, unknown[0], f"unknown column; columns are {', '.join(FIELDS)}")
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise RowError(str(path), 1, missing[0], "required column is missing")
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise RowError(str(path), line, None, _csv_reason(error)) from None
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            raise RowError(
                str(path), line, None, f"{len(cells)} cells where the header has {len(header)}"
            )
        record: dict[str, Any] = dict(zip(header, cells, strict=True))
        for name in ("parties", "provisions"):
            if name in record:
                record[name] = [v.strip() for v in record[name].split(";") if v.strip()]
        yield line, record


def _csv_reason(error: csv.Error) -> str:
    if "field larger than field limit" in str(error):
        return f"a field is longer than allowed: at most {MAX_FIELD_CHARS:,} characters"
    return f"malformed CSV: {error}"


def _json_records(path: Path, text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise RowError(str(path), error.lineno, None, f"malformed JSON: {error.msg}") from None
    if isinstance(data, dict) and isinstance(data.get("agreements"), list):
        data = data["agreements"]
    if not isinstance(data, list):
        raise RowError(str(path), 1, None, "expected a list of agreement objects")
    starts = _object_lines(text)
    for index, record in enumerate(data):
        line = starts[index] if index < len(starts) else 1
        if not isinstance(record, dict):
            raise RowError(str(path), line, None, f"record {index + 1} is not an object")
        unknown = [name for name in record if name not in FIELDS]
        if unknown:
            raise RowError(str(path), line, unknown[0], "unknown field")
        yield line, record


def _object_lines(text: str) -> list[int]:
    """Line numbers where each top-level array element starts (for error messages)."""
    decoder = json.JSONDecoder()
    position = text.find("[")
    if text.lstrip().startswith("{"):
        position = text.find("[", text.find('"agreements"'))
    lines: list[int] = []
    if position < 0:
        return lines
    position += 1
    while position < len(text):
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            break
        lines.append(text.count("\n", 0, position) + 1)
        try:
            _, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            break
    return lines


def _text(value: Any, limit: int = MAX_FIELD_CHARS) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise ValueError(f"expected text, got {type(value).__name__}")
    text = str(value).strip()
    if len(text) > limit:
        raise ValueError(f"{len(text):,} characters; at most {limit:,}")
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in text):
        raise ValueError("control characters are not allowed")
    return text or None


def _date(value: Any) -> date | None:
    text = _text(value, 20)
    if text is None:
        return None
    match = _DATE.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    return date(year, month, day)


def _list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(";") if v.strip()]
    if isinstance(value, list):
        return [str(v["country"] if isinstance(v, dict) else v).strip() for v in value]
    raise ValueError(f"expected a list, got {type(value).__name__}")


def _agreement(record: dict[str, Any], line: int) -> Agreement:
    """Build one agreement; raises ``(column, reason)`` via ValueError/FoedusError."""
    values: dict[str, Any] = {}
    column = "title"
    try:
        for column in REQUIRED:
            value = record.get(column)
            if value is None or not (value if isinstance(value, list) else str(value).strip()):
                raise ValueError("required value is empty")
        column = "id"
        raw_id = _text(record.get("id"), 60) or f"row-{line}"
        if not _ID.match(raw_id):
            raise ValueError("use letters, digits and . _ : - (at most 60)")
        values["id"] = raw_id if raw_id.startswith("user:") else f"user:{raw_id}"
        column = "title"
        values["title"] = _text(record["title"], MAX_TITLE_CHARS)
        column = "kind"
        values["kind"] = AgreementKind(_text(record["kind"], 60) or "")
        column = "parties"
        codes = [resolve_country(name) for name in _list(record["parties"])]
        if len(set(codes)) < 2:
            raise ValueError("an agreement needs two or more distinct parties")
        values["parties"] = [Party(code, name=state_by_code(code).name) for code in codes]
        for column in ("signed", "in_force", "ended"):
            values[column] = _date(record.get(column))
        column = "provisions"
        labels = [parse_provision(v) for v in _list(record.get("provisions"))]
        values["provisions"] = [Provision(label, method="user") for label in dict.fromkeys(labels)]
        column = "sensitivity"
        values["sensitivity"] = Sensitivity.parse(_text(record.get("sensitivity"), 20) or 0)
        for column in ("short_name", "notes"):
            values[column] = _text(record.get(column))
    except (ValueError, FoedusError) as error:
        raise _Fault(column, str(error)) from None
    status = (
        AgreementStatus.ENDED if values["ended"]
        else AgreementStatus.IN_FORCE if values["in_force"]
        else AgreementStatus.SIGNED if values["signed"]
        else AgreementStatus.UNKNOWN
    )  # fmt: skip
    return Agreement(
        status=status,
        sources=[SourceRef("user", values["id"].removeprefix("user:"))],
        **values,
    )


class _Fault(Exception):
    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason)
        self.column = column
        self.reason = reason


def parse_import(path: Path) -> list[Agreement]:
    """Read and check a whole import file; the first fault raises ``RowError``."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DataError(f"{path}: {size:,} bytes; imports are limited to {MAX_FILE_BYTES:,}")
    text = _decode(path, path.read_bytes())
    agreements: list[Agreement] = []
    seen: dict[str, int] = {}
    for line, record in _records(path, text):
        try:
            agreement = _agreement(record, line)
        except _Fault as fault:
            raise RowError(str(path), line, fault.column, fault.reason) from None
        if agreement.id in seen:
            raise RowError(
                str(path),
                line,
                "id",
                f"{agreement.id} repeats the record on line {seen[agreement.id]}",
            )
        seen[agreement.id] = line
        agreements.append(agreement)
    if not agreements:
        raise DataError(f"{path}: no agreements in the file")
    return agreements


def import_agreements(engine: Engine, path: Path, *, actor: str = "cli") -> list[Agreement]:
    """Check ``path`` whole, then save its agreements in one transaction (all or nothing)."""
    agreements = parse_import(path)
    with engine.begin() as connection:
        for agreement in agreements:
            delete_agreement(connection, agreement.id)
        insert_agreements(connection, agreements, "user")
        audit(connection, actor, "import", "agreement", str(path), {"count": len(agreements)})
    return agreements


def export_records(agreements: Sequence[Agreement]) -> list[dict[str, Any]]:
    """Agreements as records of the import format plus their sources and COW codes.

    A file written from these records imports again unchanged (``parties`` are written
    as COW codes, which resolve exactly).
    """
    records = []
    for agreement in agreements:
        data = agreement_to_dict(agreement, full=False)
        records.append(
            {
                "id": agreement.id.removeprefix("user:"),
                "title": agreement.title,
                "kind": agreement.kind.value,
                "parties": [str(code) for code in agreement.ccodes],
                "signed": data["signed"],
                "in_force": data["in_force"],
                "ended": data["ended"],
                "provisions": agreement.provision_labels(),
                "sensitivity": data["sensitivity"],
                "short_name": agreement.short_name,
                "notes": agreement.notes,
            }
        )
    return records
