"""Drawings of the cooperation network and timelines of its figures (headless, offline).

Figures are built on :class:`matplotlib.figure.Figure` directly, never through pyplot,
so they render with the Agg canvas on machines without a display.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import networkx as nx
import polars as pl
from matplotlib import colormaps
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from foedus.analytics.network.regional import REGIONS
from foedus.errors import AnalyticsError

__all__ = ["plot_network", "plot_timeline"]

_PALETTE = "tab10"


def plot_network(
    G: nx.Graph,
    out: Path,
    *,
    communities: Mapping[int, int] | None = None,
    title: str | None = None,
    seed: int = 0,
) -> Path:
    """Draw the states with ties, sized by degree, coloured by community (or region).

    Each node is labelled with its COW abbreviation; states without ties are left out
    and counted in the caption. The format follows ``out``'s suffix (``.png``,
    ``.svg``, ``.pdf``). Colours are communities when ``communities`` is given, else
    COW regions.
    """
    tied = G.subgraph([node for node in G if G.degree(node) > 0])
    if tied.number_of_nodes() == 0:
        raise AnalyticsError("nothing to draw: no state has a tie in this network")
    figure = Figure(figsize=(14, 11), layout="constrained")
    axes = figure.add_subplot()
    axes.set_axis_off()
    degree = dict(tied.degree())
    top = max(degree.values())
    position = nx.spring_layout(
        tied, k=4.0 / len(tied) ** 0.5, iterations=300, seed=seed, weight=None
    )
    palette = colormaps[_PALETTE]
    if communities is not None:
        groups = sorted({communities.get(n, -1) for n in tied}, key=lambda g: (g < 0, g))
        key = {n: communities.get(n, -1) for n in tied}
        names = {g: f"community {g}" if g >= 0 else "none" for g in groups}
    else:
        key = {n: REGIONS.index(r) if r in REGIONS else -1 for n, r in tied.nodes(data="region")}
        groups = sorted(set(key.values()))
        names = {g: REGIONS[g].replace("_", " ") if g >= 0 else "other" for g in groups}
    colour = {g: palette(i % palette.N) if g >= 0 else "#bbbbbb" for i, g in enumerate(groups)}
    nodes = list(tied)
    sizes = [40 + 900 * degree[n] / top for n in nodes]
    edges = list(tied.edges(data="weight", default=1))
    nx.draw_networkx_edges(
        tied, position, ax=axes, edgelist=[(u, v) for u, v, _ in edges],
        width=[0.3 + 0.3 * min(w, 5) for _, _, w in edges], alpha=0.18, edge_color="#555555",
    )  # fmt: skip
    nx.draw_networkx_nodes(
        tied, position, ax=axes, nodelist=nodes, node_size=sizes,
        node_color=[colour[key[n]] for n in nodes], edgecolors="white", linewidths=0.6,
    )  # fmt: skip
    for node in nodes:
        x, y = position[node]
        axes.annotate(
            tied.nodes[node].get("abbreviation", str(node)),
            (x, y),
            ha="center",
            va="center",
            fontsize=6 + 5 * degree[node] / top,
            fontweight="bold" if degree[node] >= top / 2 else "normal",
        )
    handles = [
        Line2D([], [], marker="o", linestyle="", markersize=9, color=colour[g], label=names[g])
        for g in groups[:20]
    ]
    axes.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9, frameon=False
    )
    left_out = G.number_of_nodes() - tied.number_of_nodes()
    axes.set_title(
        (title or f"Cooperation network {G.graph.get('year', '')}".strip())
        + f"\n{tied.number_of_nodes()} states with ties, {tied.number_of_edges()} dyads; "
        f"node size: degree; {left_out} states without ties not shown",
        fontsize=13,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out, dpi=150)
    return out


def plot_timeline(
    frame: pl.DataFrame,
    columns: Sequence[str],
    out: Path,
    *,
    group: str | None = None,
    title: str | None = None,
    ylabel: str | None = None,
) -> Path:
    """Plot ``columns`` of ``frame`` against its ``year`` column.

    With ``group`` (say ``abbreviation`` for state metrics), one line per group value
    for each column; dashed lines for every column after the first, so an observed
    figure and its baseline read apart.

    >>> import tempfile
    >>> frame = pl.DataFrame({"year": [1990, 1991], "density": [0.01, 0.02]})
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     plot_timeline(frame, ["density"], Path(tmp) / "d.png").stat().st_size > 0
    True
    """
    missing = [name for name in ("year", *columns) if name not in frame.columns]
    if missing:
        raise AnalyticsError(
            f"no column(s) {', '.join(missing)} to plot; available: {', '.join(frame.columns)}"
        )
    figure = Figure(figsize=(9, 5), layout="constrained")
    axes = figure.add_subplot()
    parts = frame.partition_by(group, as_dict=True) if group else {("",): frame}
    for (name, *_), part in sorted(parts.items(), key=lambda item: str(item[0])):
        part = part.sort("year")
        for i, column in enumerate(columns):
            label = " ".join(str(x) for x in (name, column.replace("_", " ")) if x != "")
            axes.plot(
                part["year"].to_list(), part[column].to_list(), label=label,
                linestyle="-" if i == 0 else "--", linewidth=1.6,
            )  # fmt: skip
    axes.set_xlabel("year")
    axes.set_ylabel(ylabel or (columns[0].replace("_", " ") if len(columns) == 1 else "value"))
    axes.grid(alpha=0.3)
    if len(columns) > 1 or group:
        axes.legend(fontsize=9, frameon=False)
    if title:
        axes.set_title(title)
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out, dpi=150)
    return out
