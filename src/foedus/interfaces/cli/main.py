"""Entry point of the ``foedus`` command: one Typer app with a sub-app per concern.

Each concern lives in its own module (``agreements.py``, ``data.py``...) exposing a
Typer ``app``; this module only assembles them. Any :class:`~foedus.errors.FoedusError`
raised below becomes one line ``Error: ...`` on stderr and exit code 1, no traceback.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from foedus.errors import FoedusError
from foedus.interfaces.cli import agreements, countries, data, exchange, init
from foedus.interfaces.cli.output import err_console

__all__ = ["app", "main"]


class _FoedusGroup(TyperGroup):
    """The root command group: reports Foedus errors without a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except FoedusError as error:
            err_console.print(f"[bold red]Error:[/] {error}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from error


app = typer.Typer(
    name="foedus",
    cls=_FoedusGroup,
    help="Foedus: the workbench for defense cooperation agreements, alliances and SOFAs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("init")(init.init)
app.command("import")(exchange.import_file)
app.command("export")(exchange.export)
app.add_typer(agreements.app, name="agreements")
app.add_typer(countries.app, name="countries")
app.add_typer(data.app, name="data")


def main() -> None:
    """Run the ``foedus`` command line."""
    app()
