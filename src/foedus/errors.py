"""The one exception hierarchy of Foedus.

Every error Foedus raises on purpose derives from :class:`FoedusError`, so callers can
catch one class. Each carries an HTTP ``status`` for the REST API's single handler::

    FoedusError                      (500)
    ├── ConfigError                  (500)  bad setting or environment
    ├── DataError                    (422)  a dataset or import file is malformed
    │   ├── SchemaError              (422)  missing or renamed columns
    │   └── RowError                 (422)  one bad value: file, line and column named
    ├── NotFound                     (404)  no agreement, state or dataset by that key
    │   └── UnknownCountry           (404)  with the closest matches
    ├── StorageError                 (500)  the database refused or is out of date
    ├── ExtractionError              (422)  a document cannot be read
    │   └── DocumentRefused          (422)  encrypted, image-only, too large, not English...
    ├── AnalyticsError               (422)  an analysis cannot run on this input
    │   └── WrongUnit                (422)  a panel of the wrong unit of analysis
    └── PermissionDenied             (403)  above the caller's clearance or role
"""

from __future__ import annotations

__all__ = [
    "AnalyticsError",
    "ConfigError",
    "DataError",
    "DocumentRefused",
    "ExtractionError",
    "FoedusError",
    "NotFound",
    "PermissionDenied",
    "RowError",
    "SchemaError",
    "StorageError",
    "UnknownCountry",
    "WrongUnit",
]


class FoedusError(Exception):
    """Root of every error Foedus raises deliberately."""

    status = 500


class ConfigError(FoedusError):
    """A setting or environment variable has a value Foedus cannot use."""


class DataError(FoedusError):
    """A dataset release file or a user's import file is malformed."""

    status = 422


class SchemaError(DataError):
    """A tabular file lacks columns Foedus expects (or has them renamed)."""

    def __init__(self, source: str, missing: list[str], expected: list[str]) -> None:
        self.source = source
        self.missing = missing
        self.expected = expected
        super().__init__(
            f"{source}: missing column(s) {', '.join(missing)}; expected columns: "
            f"{', '.join(expected)}"
        )


class RowError(DataError):
    """One value in one row is malformed; names the file, line and column."""

    def __init__(self, source: str, line: int, column: str | None, reason: str) -> None:
        self.source = source
        self.line = line
        self.column = column
        self.reason = reason
        where = f"{source}, line {line}" + (f", column {column!r}" if column else "")
        super().__init__(f"{where}: {reason}")


class NotFound(FoedusError):
    """No object exists under the key asked for."""

    status = 404


class UnknownCountry(NotFound):
    """A country name or code matches no state; offers the closest matches."""

    def __init__(self, query: str, suggestions: list[str]) -> None:
        self.query = query
        self.suggestions = suggestions
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown country {query!r}{hint}")


class StorageError(FoedusError):
    """The database refused an operation or its schema is out of date."""


class ExtractionError(FoedusError):
    """A document cannot be read or segmented."""

    status = 422


class DocumentRefused(ExtractionError):
    """A document is refused before reading, with the reason (and the fix where one exists)."""


class AnalyticsError(FoedusError):
    """An analysis cannot run on the input it was given."""

    status = 422


class WrongUnit(AnalyticsError):
    """A panel function received a frame of the wrong unit of analysis."""


class PermissionDenied(FoedusError):
    """The caller's role or clearance does not allow the operation."""

    status = 403
