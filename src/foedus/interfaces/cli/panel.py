"""``foedus panel``: build dyad-year or state-year research panels and write them to a file.

The format follows the output file's extension: ``.parquet``, ``.csv`` or ``.dta``
(Stata). Progress goes to stderr, as a Rich progress bar when stderr is a terminal (Rich
draws nothing elsewhere, so it is not even imported then); the citations of the data
used can be printed with ``--cite``. Only Typer and the panels are imported: the command
pays for nothing else.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from foedus.errors import ConfigError

if TYPE_CHECKING:
    import polars as pl

__all__ = ["app", "write_panel"]

app = typer.Typer(help="Research panels: dyad-years and state-years.", no_args_is_help=True)

DEFAULT_DYAD = "atop,dca,nmc,contiguity,distance,democracy,mids"
DEFAULT_STATE = "nmc,contiguity,distance,democracy,mids,mme,troops"
FORMATS = (".parquet", ".pq", ".csv", ".dta")
DYAD_SETS = ("atop, dca, nmc, majors, contiguity, distance, mindist, democracy, mids, cowmids, "
             "mme, troops, network")  # fmt: skip
STATE_SETS = "atop, dca, nmc, majors, contiguity, distance, democracy, mids, mme, troops, network"
NETWORK_HELP = "Network of --with network: dcad (DCAs, 1980-2010) or atop (1815-2018)."


def _check_format(out: Path) -> None:
    if out.suffix.lower() not in FORMATS:
        raise ConfigError(f"cannot tell the format of {out.name}; use one of {', '.join(FORMATS)}")


def write_panel(frame: pl.DataFrame | pl.LazyFrame, out: Path) -> None:
    """Write a polars frame, or the query giving one, to ``out`` in the format its
    extension names.

    Parquet (LZ4) is written by polars' streaming engine, which computes and encodes
    the rows batch by batch, in parallel; CSV and Stata get the frame whole (Stata
    through pandas, imported only then).
    """
    _check_format(out)
    suffix = out.suffix.lower()
    if suffix in (".parquet", ".pq"):
        frame.lazy().sink_parquet(out, compression="lz4", statistics=False)
        return
    whole = frame.lazy().collect()
    if suffix == ".csv":
        whole.write_csv(out)
    else:
        whole.to_pandas().to_stata(out, write_index=False, version=118)


@contextmanager
def _progress(description: str, total: int) -> Iterator[Callable[[str, int], None]]:
    """A Rich progress bar on stderr when it is a terminal; ``step(text, advance)``
    updates it. Elsewhere (a pipe, a log file) steps do nothing and Rich is not loaded.
    """
    if not sys.stderr.isatty():
        yield lambda text, advance: None
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from foedus.interfaces.cli.output import err_console

    columns = [TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task(description, total=total)
        yield lambda text, advance: progress.update(task, advance=advance, description=text)


def _report(text: str) -> None:
    """One line on stderr: through Rich on a terminal, as it is plain text elsewhere."""
    if sys.stderr.isatty():
        from foedus.interfaces.cli.output import err_console

        err_console.print(text)
    else:
        typer.echo(text, err=True)


def _build(unit_name: str, first: int, last: int, variables: str, directed: bool, out: Path,
           cite: bool, network: str) -> None:  # fmt: skip
    _check_format(out)
    from foedus.panels import Unit, citations, plan_panel

    names = [name.strip() for name in variables.split(",") if name.strip()]
    with _progress(f"creating {unit_name} {first}-{last}", len(names) + 2) as step:
        plan = plan_panel(Unit(unit_name), range(first, last + 1), names, directed=directed,
                          on_step=lambda name: step(f"added {name}", 1),
                          options={"network": {"source": network}})  # fmt: skip
        step(f"writing {out.name}", 0)
        write_panel(plan.frame, out)
        step(f"wrote {out.name}", 1)
    _report(f"wrote {plan.height:,} rows × {plan.width} columns to {out}")
    if cite:
        for citation in citations(plan):
            typer.echo(citation)


@app.command("dyad-year")
def dyad_year(
    out: Path = typer.Option(..., "--out", help="Output file: .parquet, .csv or .dta."),
    first: int = typer.Option(1816, "--from", help="First year."),
    last: int = typer.Option(2016, "--to", help="Last year (after 2016: 2016's members)."),
    directed: bool = typer.Option(True, "--directed/--non-directed", help="Both directions?"),
    variables: str = typer.Option(DEFAULT_DYAD, "--with",
                                  help=f"Comma-separated variable sets: {DYAD_SETS}."),
    network: str = typer.Option("dcad", "--network", help=NETWORK_HELP),
    cite: bool = typer.Option(False, "--cite", help="Print the citations of the data used."),
) -> None:  # fmt: skip
    """Build a dyad-year panel from the COW state system and write it to --out."""
    _build("dyad_year", first, last, variables, directed, out, cite, network)


@app.command("state-year")
def state_year(
    out: Path = typer.Option(..., "--out", help="Output file: .parquet, .csv or .dta."),
    first: int = typer.Option(1816, "--from", help="First year."),
    last: int = typer.Option(2016, "--to", help="Last year (after 2016: 2016's members)."),
    variables: str = typer.Option(DEFAULT_STATE, "--with",
                                  help=f"Comma-separated variable sets: {STATE_SETS}."),
    network: str = typer.Option("dcad", "--network", help=NETWORK_HELP),
    cite: bool = typer.Option(False, "--cite", help="Print the citations of the data used."),
) -> None:  # fmt: skip
    """Build a state-year panel from the COW state system and write it to --out."""
    _build("state_year", first, last, variables, True, out, cite, network)
