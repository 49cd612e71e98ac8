"""Drawings of the cooperation network and timelines of its figures (headless, offline).

Figures are built on :class:`matplotlib.figure.Figure` directly, never through pyplot,
so they render with the Agg canvas on machines without a display.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import zip_longest
from pathlib import Path

import networkx as nx
import numpy as np
import polars as pl
from matplotlib import colormaps, patheffects
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath

from foedus.analytics.network.regional import REGIONS
from foedus.errors import AnalyticsError

__all__ = ["LAYOUTS", "plot_network", "plot_timeline"]

_PALETTE = "tab10"
#: The layouts :func:`plot_network` offers.
LAYOUTS: tuple[str, ...] = ("regions", "force")
_Position = dict[int, tuple[float, float]]


def _spread(nodes: list[int], degree: Mapping[int, int]) -> list[int]:
    """``nodes`` by degree, alternating from the top and the bottom so that hubs sit
    between small states instead of overlapping each other."""
    ranked = sorted(nodes, key=lambda n: (-degree[n], n))
    half = (len(ranked) + 1) // 2
    big, small = ranked[:half], ranked[half:][::-1]
    return [n for pair in zip_longest(big, small) for n in pair if n is not None]


def _region_layout(G: nx.Graph, key: Mapping[int, int], rank: Mapping[int, int]) -> _Position:
    """States on a circle, one arc per COW region (in COW order, clockwise from the
    top); within an arc, states grouped by colour ``key`` (in ``rank`` order), hubs
    spread among small states."""
    groups: dict[str, list[int]] = {}
    for node, region in G.nodes(data="region"):
        groups.setdefault(region if region in REGIONS else "", []).append(node)
    names = [r for r in (*REGIONS, "") if r in groups]
    gap = 0.05 * 2 * math.pi / len(names) if len(names) > 1 else 0.0
    step = (2 * math.pi - gap * len(names)) / G.number_of_nodes()
    degree = dict(G.degree())
    position: _Position = {}
    angle = math.pi / 2
    for name in names:
        colours = sorted({key[n] for n in groups[name]}, key=lambda g: rank[g])
        for colour in colours:
            for node in _spread([n for n in groups[name] if key[n] == colour], degree):
                angle -= step / 2
                position[node] = (math.cos(angle), math.sin(angle))
                angle -= step / 2
        angle -= gap
    return position


def _force_layout(G: nx.Graph, seed: int) -> _Position:
    """Spring layout with stragglers pulled in to the 95th percentile radius, so that a
    few pendant states do not shrink the rest of the drawing."""
    raw = nx.spring_layout(G, k=4.0 / len(G) ** 0.5, iterations=300, seed=seed, weight=None)
    points = np.array([raw[n] for n in G], dtype=float)
    centre = points.mean(axis=0)
    radius = np.linalg.norm(points - centre, axis=1)
    limit = float(np.quantile(radius, 0.95)) if len(radius) > 20 else float(radius.max())
    scale = np.where(radius > limit, limit / np.where(radius > 0, radius, 1.0), 1.0)
    points = centre + (points - centre) * scale[:, None]
    return {node: (float(x), float(y)) for node, (x, y) in zip(G, points, strict=True)}


def _bezier(start: tuple[float, float], end: tuple[float, float]) -> MplPath:
    """A chord bent towards the centre (a quadratic curve), as in chord diagrams."""
    middle = ((start[0] + end[0]) * 0.25, (start[1] + end[1]) * 0.25)
    return MplPath([start, middle, end], [MplPath.MOVETO, MplPath.CURVE3, MplPath.CURVE3])


def plot_network(
    G: nx.Graph,
    out: Path,
    *,
    communities: Mapping[int, int] | None = None,
    title: str | None = None,
    layout: str = "regions",
    seed: int = 0,
) -> Path:
    """Draw the states with ties, sized by degree, coloured by community (or region).

    Each node is labelled with its COW abbreviation; states without ties are left out
    and counted in the caption. Colours are communities when ``communities`` is given
    (the legend names each by its three best-connected states), else COW regions. The
    ``regions`` layout puts the states on a circle, one labelled arc per COW region,
    hubs first within each community, ties drawn as chords bent towards the centre;
    the ``force`` layout is a seeded spring layout. The format follows ``out``'s
    suffix (``.png``, ``.svg``, ``.pdf``).
    """
    if layout not in LAYOUTS:
        raise AnalyticsError(f"unknown layout {layout!r}; choose {' or '.join(LAYOUTS)}")
    tied = G.subgraph([node for node in G if G.degree(node) > 0])
    if tied.number_of_nodes() == 0:
        raise AnalyticsError("nothing to draw: no state has a tie in this network")
    degree = dict(tied.degree())
    top = max(degree.values())
    palette = colormaps[_PALETTE]
    if communities is not None:
        key = {n: communities.get(n, -1) for n in tied}
        groups = sorted(set(key.values()), key=lambda g: (g < 0, g))
        abbreviation = dict(tied.nodes(data="abbreviation", default=""))
        names = {}
        for g in groups:
            hubs = sorted((n for n in tied if key[n] == g), key=lambda n: (-degree[n], n))[:3]
            names[g] = (
                f"{g}: " + ", ".join(str(abbreviation[n]) for n in hubs) if g >= 0 else "none"
            )
    else:
        key = {n: REGIONS.index(r) if r in REGIONS else -1 for n, r in tied.nodes(data="region")}
        groups = sorted(set(key.values()))
        names = {g: REGIONS[g].replace("_", " ") if g >= 0 else "other" for g in groups}
    colour = {g: palette(i % palette.N) if g >= 0 else "#bbbbbb" for i, g in enumerate(groups)}
    rank = {g: i for i, g in enumerate(groups)}
    position = _region_layout(tied, key, rank) if layout == "regions" else _force_layout(tied, seed)
    figure = Figure(figsize=(14, 12.5), layout="constrained")
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.set_aspect("equal")
    edges = list(tied.edges(data="weight", default=1))
    widths = [0.3 + 0.25 * min(w, 5) for _, _, w in edges]
    # Ties inside one colour group take its colour; ties across groups are grey.
    shades = [colour[key[u]] if key[u] == key[v] and key[u] >= 0 else "#777777"
              for u, v, _ in edges]  # fmt: skip
    if layout == "regions":
        chords = [PathPatch(_bezier(position[u], position[v])) for u, v, _ in edges]
        axes.add_collection(
            PatchCollection(chords, facecolor="none", edgecolor=shades, linewidths=widths,
                            alpha=0.25, zorder=1)
        )  # fmt: skip
    else:
        nx.draw_networkx_edges(
            tied, position, ax=axes, edgelist=[(u, v) for u, v, _ in edges], width=widths,
            alpha=0.2, edge_color=shades,
        )  # fmt: skip
    nodes = sorted(tied, key=lambda n: degree[n])  # hubs drawn last, on top
    size = {n: 30 + 770 * degree[n] / top for n in nodes}
    nx.draw_networkx_nodes(
        tied, position, ax=axes, nodelist=nodes, node_size=[size[n] for n in nodes],
        node_color=[colour[key[n]] for n in nodes], edgecolors="white", linewidths=0.6,
    )  # fmt: skip
    outline = [patheffects.withStroke(linewidth=2.2, foreground="white")]
    for node in nodes:
        x, y = position[node]
        text = str(tied.nodes[node].get("abbreviation", node))
        bold = "bold" if degree[node] >= top / 3 else "normal"
        if layout == "regions":
            angle = math.degrees(math.atan2(y, x))
            flip = 90 < angle % 360 < 270
            axes.text(
                1.06 * x, 1.06 * y, text, rotation=angle + 180 if flip else angle,
                rotation_mode="anchor", ha="right" if flip else "left", va="center",
                fontsize=7 + 3 * degree[node] / top, fontweight=bold, path_effects=outline,
            )  # fmt: skip
        else:  # hubs labelled inside, small states just above their dot
            inside = degree[node] >= top / 3
            axes.annotate(
                text, (x, y), xytext=(0, 0 if inside else math.sqrt(size[node]) / 2 + 1),
                textcoords="offset points", ha="center", va="center" if inside else "bottom",
                fontsize=6 + 5 * degree[node] / top, fontweight=bold, path_effects=outline,
                zorder=3,
            )  # fmt: skip
    if layout == "regions":
        for region in REGIONS:
            members = [position[n] for n, r in tied.nodes(data="region") if r == region]
            if members:
                angle = math.atan2(sum(y for _, y in members), sum(x for x, _ in members))
                axes.text(
                    1.32 * math.cos(angle), 1.32 * math.sin(angle),
                    region.replace("_", " ").upper(), ha="center", va="center", fontsize=12,
                    color="#333333", fontweight="bold",
                )  # fmt: skip
        axes.set_xlim(-1.45, 1.45)
        axes.set_ylim(-1.45, 1.45)
    handles = [
        Line2D([], [], marker="o", linestyle="", markersize=9, color=colour[g], label=names[g])
        for g in groups[:20]
    ]
    handles += [
        Line2D([], [], marker="o", linestyle="", color="#999999", label=f"degree {d}",
               markersize=math.sqrt(30 + 770 * d / top))
        for d in sorted({1, max(1, top // 4), max(1, top // 2), top})
    ]  # fmt: skip
    axes.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9,
        frameon=False, title="community (hubs)" if communities is not None else "COW region",
        labelspacing=1.0,
    )  # fmt: skip
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
