"""``foedus panel``: build dyad-year or state-year research panels and write them to a file.

The format follows the output file's extension: ``.parquet``, ``.csv`` or ``.dta``
(Stata). Progress goes to stderr; the citations of the data used can be printed with
``--cite``.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from foedus.errors import ConfigError
from foedus.interfaces.cli.output import err_console

__all__ = ["app", "write_panel"]

app = typer.Typer(help="Research panels: dyad-years and state-years.", no_args_is_help=True)

DEFAULT_DYAD = "atop,dca,nmc,contiguity,distance,democracy,mids"
DEFAULT_STATE = "nmc,contiguity,distance,democracy,mids,mme,troops"
FORMATS = (".parquet", ".pq", ".csv", ".dta")


def write_panel(frame: object, out: Path) -> None:
    """Write a polars frame to ``out`` in the format its extension names."""
    import polars as pl

    assert isinstance(frame, pl.DataFrame)
    suffix = out.suffix.lower()
    if suffix in (".parquet", ".pq"):
        frame.write_parquet(out, compression="lz4", statistics=False)
    elif suffix == ".csv":
        frame.write_csv(out)
    elif suffix == ".dta":
        frame.to_pandas().to_stata(out, write_index=False, version=118)
    else:
        raise ConfigError(f"cannot tell the format of {out.name}; use one of {', '.join(FORMATS)}")


def _build(unit_name: str, first: int, last: int, variables: str, directed: bool, out: Path,
           cite: bool) -> None:  # fmt: skip
    if out.suffix.lower() not in FORMATS:
        raise ConfigError(f"cannot tell the format of {out.name}; use one of {', '.join(FORMATS)}")
    from foedus.panels import Unit, build_panel, citations

    names = [name.strip() for name in variables.split(",") if name.strip()]
    columns = [TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task(f"creating {unit_name} {first}-{last}", total=len(names) + 2)

        def step(name: str) -> None:
            progress.update(task, advance=1, description=f"added {name}")

        panel = build_panel(Unit(unit_name), range(first, last + 1), names, directed=directed,
                            on_step=step)  # fmt: skip
        progress.update(task, description=f"writing {out.name}")
        write_panel(panel.frame, out)
        progress.update(task, advance=1)
    rows, cols = panel.frame.shape
    err_console.print(f"wrote {rows:,} rows × {cols} columns to {out}")
    if cite:
        for citation in citations(panel):
            typer.echo(citation)


@app.command("dyad-year")
def dyad_year(
    out: Path = typer.Option(..., "--out", help="Output file: .parquet, .csv or .dta."),
    first: int = typer.Option(1816, "--from", help="First year."),
    last: int = typer.Option(2016, "--to", help="Last year (after 2016: 2016's members)."),
    directed: bool = typer.Option(True, "--directed/--non-directed", help="Both directions?"),
    variables: str = typer.Option(DEFAULT_DYAD, "--with", help="Comma-separated variable sets: "
                                  "atop, dca, nmc, majors, contiguity, distance, mindist, "
                                  "democracy, mids, cowmids, mme, troops."),
    cite: bool = typer.Option(False, "--cite", help="Print the citations of the data used."),
) -> None:  # fmt: skip
    """Build a dyad-year panel from the COW state system and write it to --out."""
    _build("dyad_year", first, last, variables, directed, out, cite)


@app.command("state-year")
def state_year(
    out: Path = typer.Option(..., "--out", help="Output file: .parquet, .csv or .dta."),
    first: int = typer.Option(1816, "--from", help="First year."),
    last: int = typer.Option(2016, "--to", help="Last year (after 2016: 2016's members)."),
    variables: str = typer.Option(DEFAULT_STATE, "--with", help="Comma-separated variable sets: "
                                  "nmc, majors, contiguity, distance, democracy, mids, mme, "
                                  "troops."),
    cite: bool = typer.Option(False, "--cite", help="Print the citations of the data used."),
) -> None:  # fmt: skip
    """Build a state-year panel from the COW state system and write it to --out."""
    _build("state_year", first, last, variables, True, out, cite)
