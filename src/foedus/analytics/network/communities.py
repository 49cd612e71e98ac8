"""Communities of the cooperation network, with stable labels across years.

Leiden (igraph's, maximising weighted modularity, seeded) finds each year's
communities among the states that have at least one tie; states without ties belong to
no community. Labels are then carried from year to year: each year's communities are
matched one-to-one to the previous year's by maximum total overlap (Jaccard, Hungarian
assignment), so the bloc around the United States keeps its label as members come and
go; a community that overlaps no earlier one enough gets a new label.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

import igraph as ig
import networkx as nx
import numpy as np
from scipy.optimize import linear_sum_assignment

__all__ = ["detect_communities", "match_communities", "modularity", "track_communities"]

Partition = list[frozenset[int]]


def detect_communities(G: nx.Graph, *, seed: int = 0) -> Partition:
    """Leiden communities (weighted modularity) of the states with ties, largest first.

    Runs igraph's Leiden to convergence with its own random generator seeded by
    ``seed``, so the same network always gives the same communities; ties between
    equal sizes are ordered by lowest COW code.

    >>> G = nx.Graph([(2, 20), (20, 70), (2, 70), (200, 220)])
    >>> G.add_node(900)
    >>> [sorted(c) for c in detect_communities(G)]
    [[2, 20, 70], [200, 220]]
    """
    if G.number_of_edges() == 0:
        return []
    nodes = [node for node in G if G.degree(node) > 0]
    index = {node: i for i, node in enumerate(nodes)}
    edges = list(G.edges(data="weight", default=1))
    graph = ig.Graph(
        n=len(nodes),
        edges=[(index[u], index[v]) for u, v, _ in edges],
        edge_attrs={"weight": [w for _, _, w in edges]},
    )
    ig.set_random_number_generator(random.Random(seed))
    try:
        found = graph.community_leiden(
            objective_function="modularity", weights="weight", n_iterations=-1
        )
    finally:
        ig.set_random_number_generator(random)
    members: dict[int, set[int]] = {}
    for node, label in zip(nodes, found.membership, strict=True):
        members.setdefault(label, set()).add(node)
    return sorted((frozenset(c) for c in members.values()), key=lambda c: (-len(c), min(c)))


def modularity(G: nx.Graph, communities: Partition) -> float | None:
    """Weighted modularity of ``communities`` (None without ties).

    Equal to ``nx.community.modularity`` on the tied states; computed in one pass over
    the ties.

    >>> G = nx.Graph([(1, 2), (3, 4)])
    >>> modularity(G, [frozenset({1, 2}), frozenset({3, 4})])
    0.5
    """
    label = {node: i for i, community in enumerate(communities) for node in community}
    inside = [0.0] * len(communities)
    degree = [0.0] * len(communities)
    total = 0.0
    for u, v, w in G.edges(data="weight", default=1):
        total += w
        degree[label[u]] += w
        degree[label[v]] += w
        if label[u] == label[v]:
            inside[label[u]] += w
    if not total:
        return None
    return sum(i / total - (d / (2 * total)) ** 2 for i, d in zip(inside, degree, strict=True))


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b)


def match_communities(
    previous: Mapping[int, int],
    communities: Sequence[frozenset[int]],
    *,
    next_label: int,
    threshold: float = 0.2,
) -> dict[int, int]:
    """Labels for this year's ``communities`` given last year's ``{ccode: label}``.

    Each community takes the label of the earlier community it is assigned to when
    their Jaccard overlap is at least ``threshold``; the others get new labels from
    ``next_label`` upwards. Returns ``{ccode: label}``.

    >>> match_communities({2: 0, 20: 0, 200: 1, 220: 1},
    ...                   [frozenset({200, 220, 230}), frozenset({2, 20}), frozenset({600, 620})],
    ...                   next_label=2)
    {200: 1, 220: 1, 230: 1, 2: 0, 20: 0, 600: 2, 620: 2}
    """
    earlier: dict[int, set[int]] = {}
    for ccode, label in previous.items():
        earlier.setdefault(label, set()).add(ccode)
    old_labels = sorted(earlier)
    labels: list[int | None] = [None] * len(communities)
    if old_labels and communities:
        overlap = np.array(
            [[_jaccard(c, frozenset(earlier[label])) for label in old_labels] for c in communities]
        )
        for row, col in zip(*linear_sum_assignment(-overlap), strict=True):
            if overlap[row, col] >= threshold:
                labels[row] = old_labels[col]
    result: dict[int, int] = {}
    for community, matched in zip(communities, labels, strict=True):
        if matched is None:
            matched, next_label = next_label, next_label + 1
        result.update(dict.fromkeys(sorted(community), matched))
    return result


def track_communities(
    partitions: Mapping[int, Partition], *, threshold: float = 0.2
) -> dict[int, dict[int, int]]:
    """Stable community labels for each year: ``{year: {ccode: label}}``.

    ``partitions`` maps years to their communities (:func:`detect_communities`);
    years are processed in order, each matched to the one before.

    >>> track_communities({1990: [frozenset({2, 20})],
    ...                    1991: [frozenset({200, 220}), frozenset({2, 20, 70})]})
    {1990: {2: 0, 20: 0}, 1991: {200: 1, 220: 1, 2: 0, 20: 0, 70: 0}}
    """
    tracked: dict[int, dict[int, int]] = {}
    previous: dict[int, int] = {}
    next_label = 0
    for year in sorted(partitions):
        previous = match_communities(
            previous, partitions[year], next_label=next_label, threshold=threshold
        )
        next_label = max([next_label - 1, *previous.values()]) + 1
        tracked[year] = previous
    return tracked
