"""Regional security per COW region and year: blocs, polarity, asymmetry, dependency.

:func:`regional_security` turns the yearly networks of
:func:`~foedus.analytics.network.yearly.analyse_years` (built on all states, so blocs
are the global communities) and COW CINC scores into four frames:

* ``regions``: one row per year and region (and ``all``): states, capability, the
  number of blocs with a member there, the largest bloc's share of the region's
  capability, the effective number of poles, the agreements in force that involve the
  region's states and their capability asymmetry (mean, median and geometric mean of
  the strongest-over-weakest CINC ratio), and the mean dependency of its tied states;
* ``blocs``: one row per year, region and bloc: its states there, their summed CINC and
  its share of the region's capability, and its three most capable states there;
* ``agreements``: one row per agreement and year in force, with the parties in the
  state system that year and the asymmetry of their capabilities *that year*;
* ``states``: one row per tied state and year, with its dependency figures.

An agreement counts for every region one of its parties belongs to, so the regional
``agreements`` overlap where an agreement spans regions; ``agreements_within`` (all
parties in one region) do not: they add up to the ``all`` row's, and the ``all``
row's ``agreements`` less its ``agreements_within`` are the interregional ones.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx
import polars as pl

from foedus.analytics.network.build import system_states
from foedus.analytics.network.regional import (
    REGIONS,
    blocs,
    capabilities,
    dependency,
    polarity,
)
from foedus.analytics.network.yearly import NetworkYears
from foedus.domain.states import cow_region

__all__ = ["RegionalSecurity", "agreement_asymmetry_by_year", "regional_security"]

_ASYMMETRY_SCHEMA: dict[str, pl.DataType] = {
    "year": pl.Int64(),
    "agreement_id": pl.String(),
    "source": pl.String(),
    "parties": pl.UInt32(),
    "regions": pl.List(pl.String()),
    "cinc_max": pl.Float64(),
    "cinc_min": pl.Float64(),
    "capability_ratio": pl.Float64(),
    "top_share": pl.Float64(),
}


@dataclass(frozen=True, slots=True)
class RegionalSecurity:
    """Regional security frames: ``regions``, ``blocs``, ``agreements``, ``states``."""

    regions: pl.DataFrame
    blocs: pl.DataFrame
    agreements: pl.DataFrame
    states: pl.DataFrame


def _members(first: int, last: int) -> pl.DataFrame:
    return pl.DataFrame(
        [(year, ccode) for year in range(first, last + 1) for ccode in system_states(year)],
        schema={"year": pl.Int64, "ccode": pl.Int64},
        orient="row",
    )


def agreement_asymmetry_by_year(
    spells: pl.DataFrame, cinc: pl.DataFrame | None, *, first: int, last: int
) -> pl.DataFrame:
    """The capability asymmetry of every agreement in every year it is in force.

    One row per agreement and year from ``first`` to ``last`` with at least two
    parties in force that are members of the state system (open spells run on):
    ``year``, ``agreement_id``, ``source``, ``parties``, ``regions`` (the parties'
    COW regions, sorted), ``cinc_max`` and ``cinc_min`` (that year's CINC of the
    strongest and weakest party), ``capability_ratio`` (strongest over weakest; null
    unless every party has a positive score) and ``top_share`` (the strongest party's
    share of the parties' CINC).

    >>> from datetime import date
    >>> spells = pl.DataFrame({"agreement_id": ["a", "a"], "source": ["user"] * 2,
    ...                        "ccode": [2, 20], "start": [date(1990, 1, 1)] * 2,
    ...                        "end": [None, date(1990, 12, 31)]})
    >>> cinc = pl.DataFrame({"ccode": [2, 20], "year": [1990, 1990], "cinc": [0.14, 0.007]})
    >>> agreement_asymmetry_by_year(spells, cinc, first=1990, last=1991).select(
    ...     "year", "parties", "regions", pl.col("capability_ratio").round(6)).rows()
    [(1990, 2, ['americas'], 20.0)]
    """
    years = (
        spells.filter(pl.col("start").is_not_null())
        .select(
            "agreement_id",
            "source",
            "ccode",
            pl.int_ranges(
                pl.max_horizontal(pl.col("start").dt.year(), pl.lit(first)),
                pl.min_horizontal(pl.col("end").dt.year().fill_null(last), pl.lit(last)) + 1,
            )
            .cast(pl.List(pl.Int64))
            .alias("year"),
        )
        .explode("year")
        .drop_nulls("year")
        .unique(["agreement_id", "year", "ccode"])
        .join(_members(first, last), on=["year", "ccode"])
    )
    scores = (
        cinc.select("ccode", pl.col("year").cast(pl.Int64), "cinc")
        if cinc is not None
        else pl.DataFrame(schema={"ccode": pl.Int64, "year": pl.Int64, "cinc": pl.Float64})
    )
    frame = (
        years.join(scores, on=["ccode", "year"], how="left")
        .with_columns(
            pl.col("ccode")
            .map_elements(lambda c: cow_region(c) or "", return_dtype=pl.String)
            .alias("region")
        )
        .group_by("year", "agreement_id")
        .agg(
            pl.col("source").first(),
            pl.len().alias("parties"),
            pl.col("region").unique().sort().alias("regions"),
            pl.col("cinc").max().alias("cinc_max"),
            pl.col("cinc").min().alias("cinc_min"),
            (pl.col("cinc").max() / pl.col("cinc").sum()).alias("top_share"),
            pl.col("cinc").is_null().any().alias("unscored"),
        )
        .filter(pl.col("parties") >= 2)
        .with_columns(
            pl.when(~pl.col("unscored") & (pl.col("cinc_min") > 0))
            .then(pl.col("cinc_max") / pl.col("cinc_min"))
            .alias("capability_ratio")
        )
    )
    return (
        frame.select(list(_ASYMMETRY_SCHEMA))
        .cast(_ASYMMETRY_SCHEMA)  # type: ignore[arg-type]
        .sort("year", "agreement_id")
    )


def _asymmetry_by_region(agreements: pl.DataFrame) -> dict[tuple[int, str], dict[str, Any]]:
    figures = [
        pl.len().alias("agreements"),
        pl.col("capability_ratio").mean().alias("asymmetry_mean"),
        pl.col("capability_ratio").median().alias("asymmetry_median"),
        pl.col("capability_ratio").log().mean().exp().alias("asymmetry_geomean"),
    ]
    involving = (
        agreements.explode("regions")
        .rename({"regions": "region"})
        .group_by("year", "region")
        .agg(*figures)
    )
    everywhere = agreements.group_by("year").agg(*figures).with_columns(region=pl.lit("all"))
    regional = agreements.filter(pl.col("regions").list.len() == 1).with_columns(
        pl.col("regions").list.first().alias("region")
    )
    within = pl.concat(
        [
            regional.group_by("year", "region").agg(pl.len().alias("agreements_within")),
            regional.group_by("year")
            .agg(pl.len().alias("agreements_within"))
            .select("year", pl.lit("all").alias("region"), "agreements_within"),
        ]
    )
    frame = pl.concat([involving, everywhere.select(involving.columns)]).join(
        within, on=["year", "region"], how="left"
    )
    return {(row["year"], row["region"]): row for row in frame.to_dicts()}


def _leaders(G: nx.Graph, members: list[int], power: Mapping[int, float]) -> str:
    strongest = sorted(members, key=lambda n: (-power.get(n, 0.0), n))[:3]
    return ", ".join(G.nodes[n].get("abbreviation", str(n)) for n in strongest)


def _mean(values: list[float]) -> float | None:
    return math.fsum(values) / len(values) if values else None


def regional_security(
    years: NetworkYears,
    spells: pl.DataFrame,
    cinc: pl.DataFrame | None,
    *,
    region: str | None = None,
) -> RegionalSecurity:
    """Blocs, polarity, agreement asymmetry and dependency per region and year.

    ``years`` holds the yearly networks and stable community labels (built on all
    states: blocs are global communities and a region's part of a bloc is its members
    there); ``spells`` are the party spells the networks were built from and ``cinc``
    an NMC frame. With ``region``, only that region's rows (and its states) are kept;
    otherwise every region and ``all``.
    """
    first, last = min(years.graphs), max(years.graphs)
    agreements = agreement_asymmetry_by_year(spells, cinc, first=first, last=last)
    asymmetry = _asymmetry_by_region(agreements)
    power_by_year = capabilities(cinc) if cinc is not None else {}
    scopes: tuple[str | None, ...] = (region,) if region else (*REGIONS, None)
    region_rows: list[dict[str, Any]] = []
    bloc_rows: list[dict[str, Any]] = []
    state_rows: list[dict[str, Any]] = []
    for year, G in years.graphs.items():
        labels, power = years.communities[year], power_by_year.get(year, {})
        reliance = dependency(G, power)
        abbreviation = dict(G.nodes(data="abbreviation"))
        for ccode, row in sorted(reliance.items()):
            if region and G.nodes[ccode].get("region") != region:
                continue
            state_rows.append(
                {
                    "year": year,
                    "ccode": ccode,
                    "abbreviation": abbreviation.get(ccode),
                    "region": G.nodes[ccode].get("region"),
                    "community": labels.get(ccode),
                    "cinc": power.get(ccode),
                    "degree": G.degree(ccode),
                    "top_partner_abbreviation": abbreviation.get(row["top_partner"]),
                    "largest_partner_abbreviation": abbreviation.get(row["largest_partner"]),
                }
                | row
            )
        for scope in scopes:
            name = scope or "all"
            members = [n for n, r in G.nodes(data="region") if scope is None or r == scope]
            tied = [n for n in members if n in reliance]
            total = sum(power.get(n, 0.0) for n in members)
            rows: list[dict[str, Any]] = [
                {"year": year, "region": name}
                | bloc
                | {
                    "share": bloc["cinc"] / total if total else None,
                    "leaders": _leaders(
                        G, [n for n in members if labels.get(n) == bloc["bloc"]], power
                    ),
                }
                for bloc in blocs(G, labels, power, region=scope)
            ]
            bloc_rows.extend(rows)
            leading = next((r for r in rows if r["bloc"] is not None and r["cinc"] > 0), None)
            found = asymmetry.get((year, name), {})
            hhi = [reliance[n]["partner_hhi"] for n in tied if reliance[n]["partner_hhi"]]
            region_rows.append(
                {
                    "year": year,
                    "region": name,
                    "states": len(members),
                    "tied_states": len(tied),
                    "cinc": total,
                }
                | polarity(G, labels, power, region=scope)
                | {
                    "leading_bloc": leading["bloc"] if leading else None,
                    "leading_bloc_leaders": leading["leaders"] if leading else None,
                    "agreements": found.get("agreements", 0),
                    "agreements_within": found.get("agreements_within") or 0,
                    "asymmetry_mean": found.get("asymmetry_mean"),
                    "asymmetry_median": found.get("asymmetry_median"),
                    "asymmetry_geomean": found.get("asymmetry_geomean"),
                    "partner_hhi_mean": _mean(hhi),
                    "top_partner_share_mean": _mean(
                        [reliance[n]["top_partner_share"] for n in tied]
                    ),
                }
            )
    if region:
        agreements = agreements.filter(pl.col("regions").list.contains(region))
    return RegionalSecurity(
        regions=pl.DataFrame(region_rows, infer_schema_length=None),
        blocs=pl.DataFrame(bloc_rows, infer_schema_length=None),
        agreements=agreements,
        states=pl.DataFrame(state_rows, infer_schema_length=None),
    )
