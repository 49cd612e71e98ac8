"""``foedus countries``: a state's agreements over time, partners and capability."""

from __future__ import annotations

import typer

from foedus.config import nmc_version
from foedus.interfaces.cli._context import session
from foedus.interfaces.cli.output import OutputFormat, console, emit
from foedus.services.registry import country_profile

__all__ = ["app"]

app = typer.Typer(help="States: agreements, partners, capabilities.", no_args_is_help=True)


@app.command("show")
def show(
    country: str = typer.Argument(..., help="Name, ISO3 or COW code, e.g. USA, India, 750."),
    nmc: str = typer.Option(None, "--nmc", help="NMC release: 6.0 or 7.0 (FOEDUS_NMC_VERSION)."),
    top: int = typer.Option(15, "--top", help="Partners to list in the table."),
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format"),
) -> None:
    """One state: identity, agreements per year by source, partners, CINC."""
    engine, user = session()
    profile = country_profile(
        engine, country, nmc_version=nmc or nmc_version(), clearance=user.clearance
    )
    if fmt is OutputFormat.JSON:
        emit(profile, fmt)
        return
    if fmt is OutputFormat.CSV:
        emit(profile["agreements_by_year"], fmt)
        return
    spells = ", ".join(f"{s['start'][:4]}–{s['end'][:4]}" for s in profile["membership"])
    console.print(
        f"[bold]{profile['name']}[/] (COW {profile['ccode']} {profile['abbreviation']}, "
        f"ISO3 {profile['iso3']}, {profile['region']}); system member {spells}; "
        f"{profile['agreements']} agreements in the registry"
    )
    emit(profile["agreements_by_year"], fmt, title="Agreements signed per year, by source")
    emit(profile["partners"][:top], fmt, title=f"Top partners (of {len(profile['partners'])})")
    series = profile["capability"]["series"]
    if series:
        latest = series[-1]
        console.print(
            f"Capability (NMC {profile['capability']['nmc_version']}): CINC {latest['cinc']:.4f} "
            f"in {latest['year']}; peak {max(row['cinc'] or 0 for row in series):.4f}"
        )


@app.command("list")
def list_(
    year: int = typer.Option(None, "--year", help="Only states in the COW system that year."),
    region: str = typer.Option(None, "--region", help="americas, europe, africa, ..."),
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format"),
) -> None:
    """COW states with their codes, ISO3, region and membership spells."""
    from foedus.datasets.cow_states import states

    rows = [
        {
            "ccode": state.ccode,
            "abbreviation": state.abbreviation,
            "name": state.name,
            "iso3": state.iso3,
            "region": state.region,
            "member": ", ".join(f"{s.start.year}-{s.end.year}" for s in state.spells),
        }
        for state in states()
        if (year is None or state.member_in(year)) and (region is None or state.region == region)
    ]
    emit(rows, fmt, title=f"{len(rows)} states")
