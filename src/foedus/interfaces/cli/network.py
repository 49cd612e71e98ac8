"""``foedus network``: the defense cooperation network of any year, region and state.

Thin wiring: party spells and capabilities come from the registry, every figure from
:mod:`foedus.analytics.network`.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

import polars as pl
import typer

from foedus.analytics.network import (
    EXPORT_FORMATS,
    REGIONS,
    NetworkYears,
    analyse_years,
    counterbalancing,
    counterbalancing_panel,
    network_document,
    plot_network,
    plot_timeline,
    rivalries,
)
from foedus.config import nmc_version
from foedus.datasets.countries import resolve_country
from foedus.datasets.mid import read_gml_dyad_years
from foedus.errors import AnalyticsError
from foedus.interfaces.cli._context import clearance, registry
from foedus.interfaces.cli.output import OutputFormat, console, emit
from foedus.storage.queries import agreement_party_spells, capabilities_frame

__all__ = ["app"]

app = typer.Typer(
    help="The cooperation network: metrics, states, exports, drawings.", no_args_is_help=True
)


class Source(StrEnum):
    """Which agreements make the ties."""

    DCAD = "dcad"
    ATOP = "atop"
    USER = "user"
    ALL = "all"


class Colour(StrEnum):
    """What node colours show in a drawing."""

    COMMUNITY = "community"
    REGION = "region"


#: Baselines drawn next to a formation figure in a timeline.
_BASELINES = {"closure_share": "closure_expected", "pa_degree": "pa_expected"}

_SOURCE = typer.Option(Source.ALL, "--source", help="Agreements: dcad, atop, user or all.")
_PROVISION = typer.Option(
    None, "--provision", help="Keep agreements with this provision (repeatable), e.g. "
    "mutual_defense, offensive_support, neutrality, non_aggression, consultation.",
)  # fmt: skip
_REGION = typer.Option(
    None, "--region", help="Only this COW region's states and their ties: americas, europe, "
    "africa, middle_east, asia, oceania.",
)  # fmt: skip


def _analyse(
    first: int,
    last: int,
    source: Source,
    provisions: list[str] | None,
    region: str | None = None,
    nmc: str | None = None,
) -> NetworkYears:
    engine = registry()
    spells = agreement_party_spells(
        engine,
        sources=None if source is Source.ALL else [source.value],
        provisions=provisions or None,
        clearance=clearance(),
    )
    if spells.is_empty():
        raise AnalyticsError(f"the registry holds no {source.value} agreements to analyse")
    cinc = capabilities_frame(engine, nmc or nmc_version())
    return analyse_years(spells, cinc if cinc.height else None, first=first, last=last,
                         region=region)  # fmt: skip


@app.command("metrics")
def metrics(
    year: int = typer.Option(..., "--year", help="The year of the network."),
    region: str = _REGION,
    source: Source = _SOURCE,
    provision: list[str] = _PROVISION,
    nmc: str = typer.Option(None, "--nmc", help="NMC release: 6.0 or 7.0 (FOEDUS_NMC_VERSION)."),
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format"),
) -> None:
    """Network figures and one row per state (CSV: the state rows only)."""
    result = _analyse(year, year, source, provision, region, nmc)
    network = result.networks.row(0, named=True)
    states = result.states.drop("year").sort("degree", "ccode", descending=[True, False])
    document: dict[str, Any] = (
        network
        | {"source": source.value, "region": region or "all", "provisions": provision or []}
        | {"regions": result.regions.drop("year").to_dicts() if region is None else []}
        | {"states": states.to_dicts()}
    )
    if fmt is OutputFormat.JSON:
        emit(document, fmt)
        return
    if fmt is OutputFormat.CSV:
        emit(states.to_dicts(), fmt)
        return
    emit(
        [{"figure": key, "value": value} for key, value in network.items()],
        fmt,
        title=f"{source.value} network {year}" + (f", {region}" if region else ""),
    )
    if region is None:
        emit(result.regions.drop("year").to_dicts(), fmt, title="By COW region")
    emit(states.filter(pl.col("degree") > 0).to_dicts(), fmt, title="States with ties")


@app.command("state")
def state(
    country: str = typer.Argument(..., help="Name, ISO3 or COW code, e.g. USA, India, 750."),
    first: int = typer.Option(1980, "--from", help="First year."),
    last: int = typer.Option(2010, "--to", help="Last year."),
    source: Source = _SOURCE,
    provision: list[str] = _PROVISION,
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format"),
) -> None:
    """One state's metrics, community and dependency, year by year."""
    ccode = resolve_country(country)
    result = _analyse(first, last, source, provision)
    rows = result.states.filter(pl.col("ccode") == ccode)
    if rows.is_empty():
        raise AnalyticsError(f"COW {ccode} is not in the state system in {first}-{last}")
    emit(rows.to_dicts(), fmt, title=f"{country} in the {source.value} network")


@app.command("formation")
def formation(
    first: int = typer.Option(1980, "--from", help="First year (the baseline year)."),
    last: int = typer.Option(2010, "--to", help="Last year."),
    source: Source = _SOURCE,
    provision: list[str] = _PROVISION,
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format"),
) -> None:
    """Triadic closure and preferential attachment of new ties against random formation."""
    result = _analyse(first, last, source, provision)
    emit(result.formation.to_dicts(), fmt, title="How new ties form")


@app.command("export")
def export(
    year: int = typer.Option(..., "--year", help="The year of the network."),
    fmt: str = typer.Option("graphml", "--format", help="graphml, gexf or json."),
    out: Path = typer.Option(None, "--out", help="File to write (default: standard output)."),
    region: str = _REGION,
    source: Source = _SOURCE,
    provision: list[str] = _PROVISION,
) -> None:
    """The network of one year as GraphML, GEXF (Gephi) or node-link JSON."""
    if fmt not in EXPORT_FORMATS:
        raise AnalyticsError(f"unknown export format {fmt!r}; choose graphml, gexf or json")
    result = _analyse(year, year, source, provision, region)
    text = network_document(result.graphs[year], fmt, communities=result.communities[year])
    if out is None:
        typer.echo(text, nl=False)
        return
    out.write_text(text, encoding="utf-8")
    console.print(f"wrote {out}")


@app.command("plot")
def plot(
    year: int = typer.Option(..., "--year", help="The year of the network."),
    out: Path = typer.Option(..., "--out", help="Image to write: .png, .svg or .pdf."),
    colour: Colour = typer.Option(Colour.COMMUNITY, "--colour", help="community or region."),
    region: str = _REGION,
    source: Source = _SOURCE,
    provision: list[str] = _PROVISION,
) -> None:
    """Draw one year's network: nodes sized by degree, coloured, labelled."""
    result = _analyse(year, year, source, provision, region)
    communities = result.communities[year] if colour is Colour.COMMUNITY else None
    title = f"{source.value.upper()} cooperation network {year}" + (f", {region}" if region else "")
    plot_network(result.graphs[year], out, communities=communities, title=title)
    console.print(f"wrote {out}")


@app.command("timeline")
def timeline(
    metric: str = typer.Argument(..., help="A network, formation or (with --state) state figure."),
    out: Path = typer.Option(..., "--out", help="Image to write: .png, .svg or .pdf."),
    first: int = typer.Option(1980, "--from", help="First year."),
    last: int = typer.Option(2010, "--to", help="Last year."),
    states: list[str] = typer.Option(None, "--state", help="Plot this state (repeatable)."),
    region: str = _REGION,
    source: Source = _SOURCE,
    provision: list[str] = _PROVISION,
) -> None:
    """Plot any figure over time: density, transitivity, closure_share, or a state's degree."""
    result = _analyse(first, last, source, provision, region)
    title = f"{metric.replace('_', ' ')}, {source.value} network {first}-{last}"
    if states:
        codes = [resolve_country(s) for s in states]
        frame = result.states.filter(pl.col("ccode").is_in(codes))
        plot_timeline(frame, [metric], out, group="abbreviation", title=title)
    elif metric in result.formation.columns:
        columns = [metric] + ([_BASELINES[metric]] if metric in _BASELINES else [])
        plot_timeline(result.formation, columns, out, title=title)
    else:
        plot_timeline(result.networks, [metric], out, title=title)
    console.print(f"wrote {out}")


@app.command("counterbalancing")
def counterbalancing_command(
    first: int = typer.Option(1980, "--from", help="First year (the baseline year)."),
    last: int = typer.Option(2010, "--to", help="Last year."),
    window: int = typer.Option(3, "--window", help="Years in which a response counts."),
    min_disputes: int = typer.Option(3, "--min-disputes", help="Disputes that make rivals."),
    memory: int = typer.Option(20, "--memory", help="Years a dispute counts towards rivalry."),
    source: Source = _SOURCE,
    provision: list[str] = _PROVISION,
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format"),
) -> None:
    """Do states add partners within --window years after their rivals (GML MIDs) do?"""
    result = _analyse(first, last, source, provision)
    dyads = pl.DataFrame(
        [(year, u, v, w) for year, G in result.graphs.items()
         for u, v, w in G.edges(data="weight")],
        schema={"year": pl.Int64, "ccode1": pl.Int64, "ccode2": pl.Int64, "weight": pl.Int64},
        orient="row",
    )  # fmt: skip
    rivals = rivalries(read_gml_dyad_years(), min_disputes=min_disputes, memory=memory)
    panel = counterbalancing_panel(dyads, rivals, window=window)
    emit([counterbalancing(panel, region=r) for r in (None, *REGIONS)], fmt,
         title="Response rates after a rival gains a partner")  # fmt: skip
