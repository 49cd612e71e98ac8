"""Every network figure for every year in one pass: the panel behind the CLI and docs.

:func:`analyse_years` builds the yearly networks from party spells, finds and tracks
communities, and gathers the state, network, regional and formation figures into
frames, one row per state-year, year, region-year and year respectively.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import networkx as nx
import polars as pl

from foedus.analytics.network.build import build_networks, regional_subgraph
from foedus.analytics.network.communities import detect_communities, modularity, track_communities
from foedus.analytics.network.formation import formation_by_year
from foedus.analytics.network.metrics import network_metrics, state_metrics
from foedus.analytics.network.regional import (
    DEPENDENCY_COLUMNS,
    capabilities,
    dependency,
    regional_summary,
)

__all__ = ["NetworkYears", "analyse_years"]


@dataclass(frozen=True, slots=True)
class NetworkYears:
    """The yearly networks and their figures.

    ``graphs`` and ``communities`` (``{year: {ccode: label}}``, labels stable across
    years) are keyed by year; ``networks`` has one row per year, ``states`` one per
    state-year, ``regions`` one per region-year (plus ``all``) and ``formation`` one per
    year after the first.
    """

    graphs: dict[int, nx.Graph]
    communities: dict[int, dict[int, int]]
    networks: pl.DataFrame
    states: pl.DataFrame
    regions: pl.DataFrame
    formation: pl.DataFrame


def analyse_years(
    spells: pl.DataFrame,
    cinc: pl.DataFrame | None = None,
    *,
    first: int | None = None,
    last: int | None = None,
    region: str | None = None,
    seed: int = 0,
    on_year: Callable[[int, int], None] | None = None,
) -> NetworkYears:
    """All figures for the years ``first`` to ``last`` of the party ``spells``.

    ``cinc`` is an NMC frame (``ccode``, ``year``, ``cinc``) for blocs, polarity and
    dependency; without it those figures are left empty. With ``region``, every
    network is that region's states and the ties among them. ``on_year(done, total)``
    is called as the work advances (two passes over the years), for progress display.
    """
    graphs = build_networks(spells, first=first, last=last)
    if region is not None:
        graphs = {year: regional_subgraph(G, region) for year, G in graphs.items()}
    total = 2 * len(graphs)
    partitions = {}
    for done, (year, G) in enumerate(graphs.items(), start=1):
        partitions[year] = detect_communities(G, seed=seed)
        if on_year:
            on_year(done, total)
    labels = track_communities(partitions)
    power_by_year = capabilities(cinc) if cinc is not None else {}
    networks: list[dict[str, Any]] = []
    states: list[dict[str, Any]] = []
    regions: list[dict[str, Any]] = []
    for done, (year, G) in enumerate(graphs.items(), start=len(graphs) + 1):
        power = power_by_year.get(year, {})
        summary = regional_summary(G, labels[year], power)
        networks.append(
            {"year": year}
            | network_metrics(G)
            | {
                "communities": len(partitions[year]),
                "modularity": modularity(G, partitions[year]),
            }
            | {key: summary[-1][key] for key in ("largest_bloc_share", "effective_poles")}
        )
        regions.extend({"year": year} | row for row in summary)
        reliance = dependency(G, power)
        empty = dict.fromkeys(DEPENDENCY_COLUMNS)
        states.extend(
            {"year": year}
            | row
            | {"community": labels[year].get(row["ccode"]), "cinc": power.get(row["ccode"])}
            | reliance.get(row["ccode"], empty)
            for row in state_metrics(G)
        )
        if on_year:
            on_year(done, total)
    return NetworkYears(
        graphs=graphs,
        communities=labels,
        networks=pl.DataFrame(networks, infer_schema_length=None),
        states=pl.DataFrame(states, infer_schema_length=None),
        regions=pl.DataFrame(regions, infer_schema_length=None),
        formation=formation_by_year(graphs),
    )
