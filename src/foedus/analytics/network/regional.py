"""Regional security: capability-weighted blocs, polarity, asymmetry and dependency.

Capabilities are COW CINC scores (``ccode``, ``year``, ``cinc``; a state without a
score that year counts as 0). Blocs are the network's communities (stable labels from
:func:`~foedus.analytics.network.communities.track_communities`); a region's share of
a bloc is the capability of the bloc's members in that region, so the regional
figures of a bloc add up to its global figure. States with no tie are unaligned: each
is its own pole when counting poles.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx
import polars as pl

from foedus.domain.states import COW_REGIONS, cow_region

__all__ = [
    "DEPENDENCY_COLUMNS",
    "REGIONS",
    "agreement_asymmetry",
    "blocs",
    "capabilities",
    "dependency",
    "polarity",
    "regional_summary",
]

#: The COW regions, in COW order.
REGIONS: tuple[str, ...] = tuple(name for name, _, _ in COW_REGIONS)
#: The figures :func:`dependency` gives each tied state, in order.
DEPENDENCY_COLUMNS: tuple[str, ...] = (
    "top_partner",
    "top_partner_share",
    "largest_partner",
    "largest_partner_share",
    "largest_partner_ratio",
    "partner_hhi",
)


def capabilities(cinc: pl.DataFrame) -> dict[int, dict[int, float]]:
    """``{year: {ccode: cinc}}`` from an NMC frame (states without a score left out).

    >>> frame = pl.DataFrame({"ccode": [2, 2, 20], "year": [1990, 1991, 1990],
    ...                       "cinc": [0.14, 0.15, None]})
    >>> capabilities(frame)
    {1990: {2: 0.14}, 1991: {2: 0.15}}
    """
    result: dict[int, dict[int, float]] = {}
    rows = cinc.filter(pl.col("cinc").is_not_null()).sort("year", "ccode")
    for ccode, year, value in rows.select("ccode", "year", "cinc").iter_rows():
        result.setdefault(year, {})[ccode] = value
    return result


def _in_scope(G: nx.Graph, region: str | None) -> list[int]:
    return [n for n, r in G.nodes(data="region") if region is None or r == region]


def blocs(
    G: nx.Graph,
    labels: Mapping[int, int],
    power: Mapping[int, float],
    *,
    region: str | None = None,
) -> list[dict[str, Any]]:
    """Capability of each bloc within ``region`` (all states when None), largest first.

    Rows: ``bloc`` (community label; None for the unaligned states together),
    ``states`` and ``cinc`` (summed). ``labels`` maps states to community labels,
    ``power`` states to CINC.

    >>> G = nx.Graph([(2, 20), (200, 220)], region="")
    >>> G.add_node(70)
    >>> power = {2: 0.5, 20: 0.125, 200: 0.25, 70: 0.0625}
    >>> rows = blocs(G, {2: 0, 20: 0, 200: 1, 220: 1}, power)
    >>> [(r["bloc"], r["states"], r["cinc"]) for r in rows]
    [(0, 2, 0.625), (1, 2, 0.25), (None, 1, 0.0625)]
    """
    totals: dict[int | None, list[float]] = {}
    for node in _in_scope(G, region):
        entry = totals.setdefault(labels.get(node), [0, 0.0])
        entry[0] += 1
        entry[1] += power.get(node, 0.0)
    rows = [
        {"bloc": label, "states": int(count), "cinc": total}
        for label, (count, total) in totals.items()
    ]
    return sorted(rows, key=lambda r: (r["bloc"] is None, -r["cinc"], r["bloc"] or 0))


def polarity(
    G: nx.Graph,
    labels: Mapping[int, int],
    power: Mapping[int, float],
    *,
    region: str | None = None,
) -> dict[str, Any]:
    """How many poles hold the capability of ``region``: ``blocs`` (communities with a
    member there), ``largest_bloc_share`` (of the region's CINC) and
    ``effective_poles`` (1 / sum of squared shares of blocs and unaligned states, the
    Laakso-Taagepera count: 2.0 for two equal poles).

    >>> G = nx.Graph([(2, 20), (365, 265)])
    >>> polarity(G, {2: 0, 20: 0, 365: 1, 265: 1}, {2: 0.2, 20: 0.05, 365: 0.2, 265: 0.05})
    {'blocs': 2, 'largest_bloc_share': 0.5, 'effective_poles': 2.0}
    """
    shares: list[float] = []
    total = 0.0
    for row in blocs(G, labels, power, region=region):
        if row["bloc"] is not None:
            shares.append(row["cinc"])
        total += row["cinc"]
    unaligned = [power.get(n, 0.0) for n in _in_scope(G, region) if n not in labels]
    parts = [value / total for value in shares + unaligned] if total else []
    concentration = sum(part * part for part in parts)
    return {
        "blocs": len(shares),
        "largest_bloc_share": max(shares) / total if shares and total else None,
        "effective_poles": 1.0 / concentration if concentration else None,
    }


def dependency(G: nx.Graph, power: Mapping[int, float]) -> dict[int, dict[str, Any]]:
    """How concentrated each tied state's cooperation is.

    ``top_partner`` (the partner with most agreements), ``top_partner_share`` (its
    share of the state's agreements, i.e. of its strength), ``largest_partner`` (the
    partner with the most capability), ``largest_partner_share`` (its share of the
    capability of all the state's partners), ``largest_partner_ratio`` (its CINC over
    the state's own: how much stronger the strongest partner is) and ``partner_hhi``
    (the Herfindahl index of the partners' CINC shares: 1 when one partner holds all
    the capability the state cooperates with). Capability figures are None when no
    partner (or, for the ratio, the state itself) has a positive score.

    >>> G = nx.Graph([(31, 2, {"weight": 3}), (31, 200, {"weight": 1})])
    >>> row = dependency(G, {2: 0.75, 200: 0.25, 31: 0.001})[31]
    >>> row["top_partner"], row["top_partner_share"], row["partner_hhi"]
    (2, 0.75, 0.625)
    >>> row["largest_partner"], row["largest_partner_share"], row["largest_partner_ratio"]
    (2, 0.75, 750.0)
    """
    result: dict[int, dict[str, Any]] = {}
    for node in G:
        partners = G[node]
        if not partners:
            continue
        weights = {p: data.get("weight", 1) for p, data in partners.items()}
        top = max(sorted(weights), key=lambda p: weights[p])
        capability = {p: power.get(p, 0.0) for p in sorted(partners)}
        total = sum(capability.values())
        largest = max(capability, key=lambda p: capability[p])
        own = power.get(node, 0.0)
        result[node] = {
            "top_partner": top,
            "top_partner_share": weights[top] / sum(weights.values()),
            "largest_partner": largest if total else None,
            "largest_partner_share": capability[largest] / total if total else None,
            "largest_partner_ratio": capability[largest] / own if total and own > 0 else None,
            "partner_hhi": sum((c / total) ** 2 for c in capability.values()) if total else None,
        }
    return result


def regional_summary(
    G: nx.Graph, labels: Mapping[int, int], power: Mapping[int, float]
) -> list[dict[str, Any]]:
    """One row per COW region and one for ``all``: ``states``, ``edges_within`` (ties
    between two of its states), ``edges_across`` (ties from one of its states to
    another region), ``cinc`` and the :func:`polarity` figures."""
    within: dict[str | None, int] = dict.fromkeys((*REGIONS, None), 0)
    across = dict(within)
    for u, v in G.edges():
        first, second = G.nodes[u].get("region"), G.nodes[v].get("region")
        if first == second:
            within[first] = within.get(first, 0) + 1
        else:
            across[first] = across.get(first, 0) + 1
            across[second] = across.get(second, 0) + 1
    within[None] = G.number_of_edges()
    rows = []
    for region in (*REGIONS, None):
        scope = _in_scope(G, region)
        rows.append(
            {
                "region": region or "all",
                "states": len(scope),
                "edges_within": within[region],
                "edges_across": across[region],
                "cinc": sum(power.get(n, 0.0) for n in scope),
            }
            | polarity(G, labels, power, region=region)
        )
    return rows


def agreement_asymmetry(spells: pl.DataFrame, cinc: pl.DataFrame) -> pl.DataFrame:
    """The capability asymmetry of each agreement in the year it began.

    One row per agreement: ``agreement_id``, ``source``, ``year`` (first party's
    start), ``parties``, ``region`` (the parties' common COW region, else
    ``interregional``), ``cinc_max``, ``cinc_min`` (over parties with a score),
    ``capability_ratio`` (strongest over weakest; null when the weakest scores 0) and
    ``top_share`` (the strongest party's share of the parties' CINC).
    """
    parties = (
        spells.filter(pl.col("start").is_not_null())
        .group_by("agreement_id", "ccode")
        .agg(pl.col("source").first())
    )
    years = spells.group_by("agreement_id").agg(pl.col("start").min().dt.year().alias("year"))
    frame = (
        parties.join(years, on="agreement_id")
        .with_columns(
            pl.col("ccode")
            .map_elements(lambda c: cow_region(c) or "", return_dtype=pl.String)
            .alias("region")
        )
        .join(cinc.select("ccode", "year", "cinc"), on=["ccode", "year"], how="left")
    )
    return (
        frame.group_by("agreement_id")
        .agg(
            pl.col("source").first(),
            pl.col("year").first().cast(pl.Int64),
            pl.len().alias("parties"),
            pl.when(pl.col("region").n_unique() == 1)
            .then(pl.col("region").first())
            .otherwise(pl.lit("interregional"))
            .alias("region"),
            pl.col("cinc").max().alias("cinc_max"),
            pl.col("cinc").min().alias("cinc_min"),
            (pl.col("cinc").max() / pl.col("cinc").sum()).alias("top_share"),
        )
        .with_columns(
            pl.when(pl.col("cinc_min") > 0)
            .then(pl.col("cinc_max") / pl.col("cinc_min"))
            .alias("capability_ratio")
        )
        .sort("year", "agreement_id")
    )
