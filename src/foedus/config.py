"""Settings, declared once as data, read from the environment.

Each :class:`Setting` names an environment variable, its default and what it is for;
``docs/configuration.md`` lists the same table and a test keeps the two in step.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "SETTINGS",
    "Setting",
    "cli_clearance",
    "data_dir",
    "database_url",
    "nmc_version",
]


@dataclass(frozen=True, slots=True)
class Setting:
    """One environment setting: variable name, default (as text) and help."""

    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "FOEDUS_DATABASE_URL",
        "sqlite:///<FOEDUS_HOME>/foedus.sqlite",
        "SQLAlchemy URL of the registry database (SQLite file or postgresql+psycopg://...).",
    ),
    Setting(
        "FOEDUS_CLEARANCE",
        "public",
        "Clearance of the command-line user: public, internal, restricted, confidential, secret.",
    ),
    Setting(
        "FOEDUS_TOKEN",
        "(unset)",
        "API token the command line acts with (`foedus users token NAME`); unset: local operator.",
    ),
    Setting(
        "FOEDUS_HOME",
        "$XDG_DATA_HOME/foedus or ~/.local/share/foedus",
        "Directory for the default SQLite database and other user data.",
    ),
    Setting(
        "FOEDUS_NMC_VERSION",
        "7.0",
        "NMC release (6.0 or 7.0) used where capabilities are shown or analysed; both are loaded.",
    ),
    Setting(
        "FOEDUS_SHARED",
        "../shared",
        "Tests only: the shared research material (datasets, labelled corpus).",
    ),
)


def data_dir() -> Path:
    """The directory holding the user's Foedus data; created on first use."""
    explicit = os.environ.get("FOEDUS_HOME")
    if explicit:
        path = Path(explicit).expanduser()
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        path = Path(base) / "foedus"
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url() -> str:
    """The registry's URL: ``FOEDUS_DATABASE_URL``, else a SQLite file in :func:`data_dir`."""
    url = os.environ.get("FOEDUS_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{data_dir() / 'foedus.sqlite'}"


def cli_clearance() -> str:
    """The clearance the command line reads with (``FOEDUS_CLEARANCE``, default public)."""
    return os.environ.get("FOEDUS_CLEARANCE", "public")


def nmc_version() -> str:
    """The NMC release used by default (``FOEDUS_NMC_VERSION``: ``6.0`` or ``7.0``)."""
    return os.environ.get("FOEDUS_NMC_VERSION", "7.0")
