"""Entry point of the ``foedus`` command: one Typer group, sub-commands loaded on use.

Each concern lives in its own module (``agreements.py``, ``panel.py``...) exposing a
Typer ``app`` or a command function. The root group imports a module only when its
command runs, so ``foedus panel ...`` does not pay for scikit-learn and ``foedus
--help`` starts at once; Rich's console is loaded by the commands that print with it.
Any :class:`~foedus.errors.FoedusError` raised below becomes one line ``Error: ...`` on
stderr and exit code 1, with no traceback.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any, NamedTuple

import typer
from typer.core import TyperCommand, TyperGroup

from foedus.errors import FoedusError

__all__ = ["COMMANDS", "app", "main"]


class _Entry(NamedTuple):
    module: str
    attribute: str
    help: str


#: Every sub-command: where it lives and its one-line help (shown without importing it).
COMMANDS: dict[str, _Entry] = {
    "init": _Entry("init", "init", "Create (or migrate) the registry and load the bundled data."),
    "agreements": _Entry("agreements", "app", "Search and read the agreement registry."),
    "countries": _Entry("countries", "app", "States: agreements, partners, capabilities."),
    "import": _Entry("exchange", "import_file", "Import your own agreements (CSV or JSON)."),
    "export": _Entry("exchange", "export", "Export agreements in the import format."),
    "extract": _Entry(
        "extract", "extract_command", "Read an agreement text: articles, provisions."
    ),
    "eval": _Entry("evaluate", "app", "Evaluate text extraction (corpus, ATOP)."),
    "panel": _Entry("panel", "app", "Research panels: dyad-years and state-years."),
    "network": _Entry("network", "app", "The cooperation network and regional security."),
    "data": _Entry("data", "app", "Bundled datasets: versions, loads, sources, citations."),
    "users": _Entry("users", "app", "Users, API tokens and the audit log."),
}


def _load(name: str, entry: _Entry) -> Any:
    target = getattr(
        importlib.import_module(f"foedus.interfaces.cli.{entry.module}"), entry.attribute
    )
    command: Any
    if isinstance(target, typer.Typer):
        command = typer.main.get_group(target)
    else:
        single = typer.Typer()
        single.command(name)(target)
        command = typer.main.get_command(single)
    command.name = name
    return command


class _FoedusGroup(TyperGroup):
    """The root group: lazy sub-commands, Foedus errors reported without a traceback."""

    _listing = False

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        if self._listing:
            return TyperCommand(name=cmd_name, help=entry.help, short_help=entry.help)
        return _load(cmd_name, entry)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except FoedusError as error:
            from foedus.interfaces.cli.output import err_console  # Rich, loaded when needed

            err_console.print(f"[bold red]Error:[/] {error}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from error


app = typer.Typer(
    name="foedus",
    cls=_FoedusGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Foedus: the workbench for defense cooperation agreements, alliances and SOFAs."""


def main() -> None:
    """Run the ``foedus`` command line.

    Once the command has finished and its output is flushed, the process ends without
    the interpreter's teardown: freeing a two-million-row panel object by object takes
    longer than the operating system takes to drop it. Every file a command writes is
    closed by then, and database work is committed or rolled back inside the command.
    """
    try:
        app()
        code: int | str | None = 0
    except SystemExit as stop:
        code = stop.code
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)
