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
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from foedus.analytics.network import (
    EXPORT_FORMATS,
    OBLIGATIONS,
    REGIONS,
    NetworkYears,
    analyse_years,
    build_networks,
    counterbalancing,
    counterbalancing_by_year,
    counterbalancing_panel,
    counterbalancing_stratified,
    network_document,
    obligation_series,
    plot_network,
    plot_timeline,
    regional_security,
    rivalries,
)
from foedus.config import nmc_version
from foedus.datasets.countries import resolve_country
from foedus.datasets.mid import read_gml_dyad_years
from foedus.errors import AnalyticsError
from foedus.interfaces.cli._context import clearance, registry
from foedus.interfaces.cli.output import OutputFormat, console, emit, err_console
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


class Obligation(StrEnum):
    """ATOP obligation types (the alliance-level codes)."""

    DEFENSE = "defense"
    OFFENSE = "offense"
    NEUTRALITY = "neutrality"
    NON_AGGRESSION = "non_aggression"
    CONSULTATION = "consultation"


class Layout(StrEnum):
    """How a drawing places the states."""

    REGIONS = "regions"
    FORCE = "force"


class Strata(StrEnum):
    """What the counterbalancing comparison holds fixed."""

    YEAR = "year"
    YEAR_REGION = "year-region"


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
_OBLIGATION = typer.Option(
    None, "--obligation", help="Only ATOP alliances with this obligation: defense, offense, "
    "neutrality, non_aggression or consultation (repeatable: any of them).",
)  # fmt: skip
_REGION = typer.Option(
    None, "--region", help="Only this COW region's states and their ties: americas, europe, "
    "africa, middle_east, asia, oceania.",
)  # fmt: skip


def _inputs(
    source: Source,
    provisions: list[str] | None,
    obligations: list[Obligation] | None,
    nmc: str | None = None,
    *,
    power: bool = True,
) -> tuple[pl.DataFrame, pl.DataFrame | None]:
    """Party spells and CINC scores (None when the registry holds none or, without
    ``power``, when the command does not use them)."""
    engine = registry()
    wanted = [*(provisions or []), *(OBLIGATIONS[o.value] for o in obligations or [])]
    spells = agreement_party_spells(
        engine,
        sources=None if source is Source.ALL else [source.value],
        provisions=wanted or None,
        clearance=clearance(),
    )
    if spells.is_empty():
        chosen = f" with {', '.join(wanted)}" if wanted else ""
        raise AnalyticsError(f"the registry holds no {source.value} agreements{chosen} to analyse")
    if not power:
        return spells, None
    cinc = capabilities_frame(engine, nmc or nmc_version())
    return spells, cinc if cinc.height else None


def _analyse(
    first: int,
    last: int,
    source: Source,
    provisions: list[str] | None,
    obligations: list[Obligation] | None,
    region: str | None = None,
    nmc: str | None = None,
    *,
    power: bool = True,
) -> NetworkYears:
    if first > last:
        raise AnalyticsError(f"--from {first} is after --to {last}")
    spells, cinc = _inputs(source, provisions, obligations, nmc, power=power)
    columns = (TextColumn("analysing {task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task(f"{first}-{last}", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        return analyse_years(spells, cinc, first=first, last=last, region=region,
                             on_year=advance)  # fmt: skip


def _label(source: Source, obligations: list[Obligation] | None) -> str:
    return source.value + "".join(f" {o.value}" for o in obligations or [])


@app.command("metrics")
def metrics(
    year: int = typer.Option(..., "--year", help="The year of the network."),
    region: str = _REGION,
    source: Source = _SOURCE,
    provision: list[str] = _PROVISION,
    obligation: list[Obligation] = _OBLIGATION,
    nmc: str = typer.Option(None, "--nmc", help="NMC release: 6.0 or 7.0 (FOEDUS_NMC_VERSION)."),
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format"),
) -> None:
    """Network figures and one row per state (CSV: the state rows only)."""
    result = _analyse(year, year, source, provision, obligation, region, nmc)
    network = result.networks.row(0, named=True)
    states = result.states.drop("year").sort("degree", "ccode", descending=[True, False])
    document: dict[str, Any] = (
        network
        | {"source": source.value, "region": region or "all", "provisions": provision or []}
        | {"obligations": [o.value for o in obligation or []]}
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
        title=f"{_label(source, obligation)} network {year}" + (f", {region}" if region else ""),
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
    obligation: list[Obligation] = _OBLIGATION,
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format"),
) -> None:
    """One state's metrics, community and dependency, year by year."""
    ccode = resolve_country(country)
    result = _analyse(first, last, source, provision, obligation)
    rows = result.states.filter(pl.col("ccode") == ccode)
    if rows.is_empty():
        raise AnalyticsError(f"COW {ccode} is not in the state system in {first}-{last}")
    emit(rows.to_dicts(), fmt, title=f"{country} in the {_label(source, obligation)} network")


@app.command("formation")
def formation(
    first: int = typer.Option(1980, "--from", help="First year (the baseline year)."),
    last: int = typer.Option(2010, "--to", help="Last year."),
    source: Source = _SOURCE,
    provision: list[str] = _PROVISION,
    obligation: list[Obligation] = _OBLIGATION,
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format"),
) -> None:
    """Triadic closure and preferential attachment of new ties against random formation."""
    result = _analyse(first, last, source, provision, obligation, power=False)
    emit(result.formation.to_dicts(), fmt, title="How new ties form")


@app.command("export")
def export(
    year: int = typer.Option(..., "--year", help="The year of the network."),
    fmt: str = typer.Option("graphml", "--format", help="graphml, gexf or json."),
    out: Path = typer.Option(None, "--out", help="File to write (default: standard output)."),
    region: str = _REGION,
    source: Source = _SOURCE,
    provision: list[str] = _PROVISION,
    obligation: list[Obligation] = _OBLIGATION,
) -> None:
    """The network of one year as GraphML, GEXF (Gephi) or node-link JSON."""
    if fmt not in EXPORT_FORMATS:
        raise AnalyticsError(f"unknown export format {fmt!r}; choose graphml, gexf or json")
    result = _analyse(year, year, source, provision, obligation, region, power=False)
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
    layout: Layout = typer.Option(
        Layout.REGIONS, "--layout", help="regions (a circle, one arc per COW region) or force."
    ),
    region: str = _REGION,
    source: Source = _SOURCE,
    provision: list[str] = _PROVISION,
    obligation: list[Obligation] = _OBLIGATION,
) -> None:
    """Draw one year's network: nodes sized by degree, coloured, labelled."""
    result = _analyse(year, year, source, provision, obligation, region, power=False)
    communities = result.communities[year] if colour is Colour.COMMUNITY else None
    title = f"{_label(source, obligation).upper()} cooperation network {year}" + (
        f", {region}" if region else ""
    )
    plot_network(
        result.graphs[year], out, communities=communities, title=title, layout=layout.value
    )
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
    obligation: list[Obligation] = _OBLIGATION,
) -> None:
    """Plot any figure over time: density, transitivity, closure_share, or a state's degree."""
    result = _analyse(first, last, source, provision, obligation, region)
    title = f"{metric.replace('_', ' ')}, {_label(source, obligation)} network {first}-{last}"
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
    obligation: list[Obligation] = _OBLIGATION,
    strata: Strata = typer.Option(
        Strata.YEAR, "--strata", help="Compare within the same year, or year and region."
    ),
    by_year: bool = typer.Option(False, "--by-year", help="Response rates year by year."),
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format"),
) -> None:
    """Do states add partners within --window years after their rivals (GML MIDs) do?

    Each row gives the raw response rates of exposed and unexposed state-years and the
    comparison within strata (same year by default): the Mantel-Haenszel risk ratio
    and the conditional-logit odds ratio, each with a 95 % interval.
    """
    if first > last:
        raise AnalyticsError(f"--from {first} is after --to {last}")
    spells, _ = _inputs(source, provision, obligation, power=False)
    dyads = pl.DataFrame(
        [(year, u, v, w) for year, G in build_networks(spells, first=first, last=last).items()
         for u, v, w in G.edges(data="weight")],
        schema={"year": pl.Int64, "ccode1": pl.Int64, "ccode2": pl.Int64, "weight": pl.Int64},
        orient="row",
    )  # fmt: skip
    if dyads.is_empty():
        raise AnalyticsError(f"no ties in {first}-{last} to compare")
    rivals = rivalries(read_gml_dyad_years(), min_disputes=min_disputes, memory=memory)
    panel = counterbalancing_panel(dyads, rivals, window=window)
    if by_year:
        emit(counterbalancing_by_year(panel).to_dicts(), fmt, title="Response rates by year")
        return
    by = ("year", "region") if strata is Strata.YEAR_REGION else ("year",)
    rows = [
        counterbalancing(panel, region=r) | counterbalancing_stratified(panel, by=by, region=r)
        for r in (None, *REGIONS)
    ]
    emit(rows, fmt, title=f"Response after a rival gains a partner (raw; within {strata.value})")


#: The table's short headings for region rows (JSON and CSV keep every column).
_REGION_TABLE = {
    "region": "region", "states": "states", "cinc": "CINC", "blocs": "blocs",
    "largest_bloc_share": "top bloc", "effective_poles": "poles",
    "leading_bloc_leaders": "top bloc leaders", "agreements": "agrmts",
    "agreements_within": "within", "asymmetry_median": "ratio med",
    "asymmetry_geomean": "ratio gm", "partner_hhi_mean": "dep hhi",
}  # fmt: skip
_STATE_TABLE = {
    "abbreviation": "state", "region": "region", "cinc": "CINC", "degree": "degree",
    "top_partner_abbreviation": "top", "top_partner_share": "top share",
    "largest_partner_abbreviation": "strongest", "largest_partner_share": "its share",
    "largest_partner_ratio": "x own", "partner_hhi": "hhi",
}  # fmt: skip


def _short(rows: pl.DataFrame, headings: dict[str, str]) -> list[dict[str, Any]]:
    return rows.select([pl.col(k).alias(v) for k, v in headings.items()]).to_dicts()


@app.command("regional")
def regional(
    year: int = typer.Option(None, "--year", help="One year (else --from and --to)."),
    first: int = typer.Option(None, "--from", help="First year of a timeline."),
    last: int = typer.Option(None, "--to", help="Last year of a timeline."),
    region: str = _REGION,
    source: Source = _SOURCE,
    provision: list[str] = _PROVISION,
    obligation: list[Obligation] = _OBLIGATION,
    nmc: str = typer.Option(None, "--nmc", help="NMC release: 6.0 or 7.0 (FOEDUS_NMC_VERSION)."),
    out: Path = typer.Option(None, "--out", help="Also plot --metric over the years here."),
    metric: str = typer.Option("effective_poles", "--metric", help="Region figure to plot."),
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format"),
) -> None:
    """Blocs, polarity, agreement asymmetry and dependency per COW region and year.

    Blocs are the communities of the global network (CINC summed over their members in
    the region); asymmetry is the strongest-over-weakest CINC ratio of the agreements
    in force that involve the region's states; dependency is each tied state's reliance
    on its top and its most capable partner. JSON holds every frame (``regions``,
    ``blocs``, ``states``, ``agreements``); CSV and the timeline the region rows.
    """
    if region is not None and region not in REGIONS:
        raise AnalyticsError(f"unknown region {region!r}; choose {', '.join(REGIONS)}")
    if year is not None:
        first, last = year, year
    elif first is None or last is None:
        raise AnalyticsError("give --year, or --from and --to for a timeline")
    if first > last:
        raise AnalyticsError(f"--from {first} is after --to {last}")
    spells, cinc = _inputs(source, provision, obligation, nmc)
    if cinc is None:
        raise AnalyticsError("the registry holds no NMC capabilities; run `foedus init`")
    result = regional_security(
        analyse_years(spells, cinc, first=first, last=last), spells, cinc, region=region
    )
    label = f"{_label(source, obligation)} {first}" + (f"-{last}" if last != first else "")
    if out is not None:
        plot_timeline(result.regions, [metric], out, group="region",
                      title=f"{metric.replace('_', ' ')} by COW region, {label}")  # fmt: skip
        err_console.print(f"wrote {out}")
    if fmt is OutputFormat.JSON:
        emit(
            {"source": source.value, "obligations": [o.value for o in obligation or []],
             "first": first, "last": last, "region": region or "all",
             "regions": result.regions.to_dicts(), "blocs": result.blocs.to_dicts(),
             "states": result.states.to_dicts(), "agreements": result.agreements.to_dicts()},
            fmt,
        )  # fmt: skip
        return
    if fmt is OutputFormat.CSV:
        emit(result.regions.to_dicts(), fmt)
        return
    headings = _REGION_TABLE if first == last else {"year": "year"} | _REGION_TABLE
    emit(_short(result.regions, headings), fmt, title=f"Regional security, {label}")
    if first == last:
        named = result.blocs.drop("year").with_columns(
            pl.col("bloc").cast(pl.String).fill_null("unaligned")
        )
        emit(named.to_dicts(), fmt, title="Capability-weighted blocs (CINC)")
        states = result.states.sort("region", "partner_hhi", descending=[False, True],
                                    nulls_last=True)  # fmt: skip
        emit(_short(states, _STATE_TABLE), fmt, title="Dependency of tied states")


@app.command("obligations")
def obligations(
    first: int = typer.Option(1816, "--from", help="First year."),
    last: int = typer.Option(2018, "--to", help="Last year."),
    out: Path = typer.Option(None, "--out", help="Also plot --metric by obligation here."),
    metric: str = typer.Option("density", "--metric", help="Figure to plot, e.g. edges."),
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format"),
) -> None:
    """ATOP networks by obligation (defense, offense, neutrality, non-aggression,
    consultation): agreements in force, tied states, dyads, density, year by year."""
    if first > last:
        raise AnalyticsError(f"--from {first} is after --to {last}")
    spells, _ = _inputs(Source.ATOP, None, None, power=False)
    frame = obligation_series(spells, first=first, last=last)
    if out is not None:
        title = f"ATOP {metric.replace('_', ' ')} by obligation, {first}-{last}"
        plot_timeline(frame, [metric], out, group="obligation", title=title)
        err_console.print(f"wrote {out}")
    emit(frame.to_dicts(), fmt, title="ATOP networks by obligation")
