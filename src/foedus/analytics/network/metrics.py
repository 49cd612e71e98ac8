"""State and network metrics of one year's cooperation network.

Degree, strength, eigenvector and betweenness centrality and clustering per state;
density, transitivity, assortativity and components per network. Betweenness,
clustering, transitivity and assortativity are computed on sparse matrices (all
sources at once) and agree with NetworkX's reference functions; this keeps two
centuries of ATOP networks within seconds. Betweenness and clustering ignore weights
(a weight counts agreements, not a distance); eigenvector centrality and strength
use them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import scipy.linalg
import scipy.sparse as sp
import scipy.sparse.csgraph
import scipy.sparse.linalg
from numpy.typing import NDArray

from foedus.analytics.network.build import adjacency

__all__ = [
    "betweenness",
    "clustering",
    "degree_assortativity",
    "eigenvector",
    "network_metrics",
    "state_metrics",
]

Vector = NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class _Matrices:
    nodes: list[int]
    binary: sp.csr_array
    weighted: sp.csr_array

    @classmethod
    def of(cls, G: nx.Graph) -> _Matrices:
        nodes, weighted = adjacency(G, weight="weight")
        binary = sp.csr_array((weighted != 0).astype(float))
        return cls(nodes, binary, weighted)

    def degree(self) -> Vector:
        return np.asarray(self.binary.sum(axis=1), dtype=float).ravel()

    def spread(self, values: Vector | list[float]) -> dict[int, float]:
        return {node: float(value) for node, value in zip(self.nodes, values, strict=True)}


def _betweenness(m: _Matrices) -> Vector:
    n = len(m.nodes)
    result = np.zeros(n)
    active = np.flatnonzero(m.degree() > 0)
    if n <= 2 or active.size == 0:
        return result
    A = sp.csr_array(m.binary[active][:, active])
    k = active.size
    # Columns are sources: sigma[v, s] counts shortest s-v paths.
    sigma = np.eye(k)
    seen = np.eye(k, dtype=bool)
    levels = [np.eye(k, dtype=bool)]
    while True:
        reached = A @ (sigma * levels[-1])
        fresh = (reached > 0) & ~seen
        if not fresh.any():
            break
        sigma[fresh] = reached[fresh]
        seen |= fresh
        levels.append(fresh)
    delta = np.zeros((k, k))
    for depth in range(len(levels) - 1, 1, -1):
        share = np.where(levels[depth], (1.0 + delta) / np.where(sigma > 0, sigma, 1.0), 0.0)
        delta += levels[depth - 1] * sigma * (A @ share)
    result[active] = delta.sum(axis=1) / ((n - 1) * (n - 2))
    return result


def betweenness(G: nx.Graph) -> dict[int, float]:
    """Normalised, unweighted betweenness centrality of every node.

    Brandes' accumulation run for all sources at once, level by level, on the sparse
    adjacency matrix; equal to ``nx.betweenness_centrality(G)``.

    >>> betweenness(nx.path_graph(3))
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    m = _Matrices.of(G)
    return m.spread(_betweenness(m))


def _eigenvector(m: _Matrices) -> Vector:
    result = np.zeros(len(m.nodes))
    active = np.flatnonzero(m.degree() > 0)
    if active.size == 0:
        return result
    W = m.weighted[active][:, active]
    if active.size > 16:
        _, vectors = scipy.sparse.linalg.eigsh(W, k=1, which="LA", v0=np.ones(active.size))
    else:
        last = active.size - 1
        _, vectors = scipy.linalg.eigh(W.toarray(), subset_by_index=[last, last])
    vector = np.abs(vectors[:, 0])
    vector[vector < 1e-10] = 0.0
    result[active] = vector / np.linalg.norm(vector)
    return result


def eigenvector(G: nx.Graph) -> dict[int, float]:
    """Weighted eigenvector centrality: the leading eigenvector of the adjacency.

    Defined on disconnected networks too: the vector lives on the component with the
    largest spectral radius and is zero elsewhere; there it equals
    ``nx.eigenvector_centrality_numpy(component, weight="weight")`` (unit Euclidean
    norm, non-negative).

    >>> {k: round(v, 3) for k, v in eigenvector(nx.star_graph(2)).items()}
    {0: 0.707, 1: 0.5, 2: 0.5}
    """
    m = _Matrices.of(G)
    return m.spread(_eigenvector(m))


def _triangles(m: _Matrices) -> Vector:
    A = m.binary
    return np.asarray((A @ A).multiply(A).sum(axis=1), dtype=float).ravel() / 2.0


def _clustering(m: _Matrices) -> Vector:
    degree, triangles = m.degree(), _triangles(m)
    pairs = degree * (degree - 1) / 2.0
    return np.divide(triangles, pairs, out=np.zeros_like(triangles), where=pairs > 0)


def clustering(G: nx.Graph) -> dict[int, float]:
    """Unweighted local clustering: the share of a node's partner pairs that are tied.

    >>> clustering(nx.Graph([(1, 2), (2, 3), (1, 3), (3, 4)]))
    {1: 1.0, 2: 1.0, 3: 0.3333333333333333, 4: 0.0}
    """
    m = _Matrices.of(G)
    return m.spread(_clustering(m))


def _assortativity(m: _Matrices) -> float | None:
    if m.binary.nnz == 0:
        return None
    degree = m.degree()
    rows, cols = m.binary.nonzero()
    x, y = degree[rows], degree[cols]
    spread = x.std() * y.std()
    if spread == 0:
        return None
    return float(((x - x.mean()) * (y - y.mean())).mean() / spread)


def degree_assortativity(G: nx.Graph) -> float | None:
    """Pearson correlation of the degrees at the two ends of each tie (None if undefined).

    >>> degree_assortativity(nx.star_graph(3))
    -1.0
    """
    return _assortativity(_Matrices.of(G))


def state_metrics(G: nx.Graph) -> list[dict[str, Any]]:
    """One row per state, by COW code: ``ccode``, ``abbreviation``, ``region``,
    ``degree``, ``strength``, ``eigenvector``, ``betweenness``, ``clustering``.

    >>> rows = state_metrics(nx.Graph([(2, 20, {"weight": 2})]))
    >>> rows[0]["ccode"], rows[0]["degree"], rows[0]["strength"]
    (2, 1, 2)
    """
    m = _Matrices.of(G)
    strength = np.asarray(m.weighted.sum(axis=1)).ravel()
    columns = zip(
        m.nodes,
        m.degree(),
        strength,
        _eigenvector(m),
        _betweenness(m),
        _clustering(m),
        strict=True,
    )
    rows = [
        {
            "ccode": node,
            "abbreviation": G.nodes[node].get("abbreviation", str(node)),
            "region": G.nodes[node].get("region", ""),
            "degree": int(degree),
            "strength": int(weight),
            "eigenvector": float(eigen),
            "betweenness": float(between),
            "clustering": float(clust),
        }
        for node, degree, weight, eigen, between, clust in columns
    ]
    return sorted(rows, key=lambda row: row["ccode"])


def network_metrics(G: nx.Graph) -> dict[str, Any]:
    """Network-level figures: ``nodes``, ``edges``, ``ties`` (agreements summed over
    edges), ``density``, ``transitivity``, ``assortativity``, ``components`` (isolates
    count as components), ``isolates`` and ``largest_component`` (nodes).

    >>> m = network_metrics(nx.Graph([(1, 2), (2, 3), (1, 3), (3, 4)]))
    >>> m["density"], m["transitivity"]
    (0.6666666666666666, 0.6)
    """
    m = _Matrices.of(G)
    n, edges = len(m.nodes), G.number_of_edges()
    degree = m.degree()
    triples = float((degree * (degree - 1)).sum())
    _, labels = scipy.sparse.csgraph.connected_components(m.binary, directed=False)
    sizes = np.bincount(labels) if n else np.zeros(0, dtype=np.int64)
    return {
        "nodes": n,
        "edges": edges,
        "ties": int(m.weighted.sum() / 2),
        "density": 2.0 * edges / (n * (n - 1)) if n > 1 else 0.0,
        "transitivity": 2.0 * float(_triangles(m).sum()) / triples if triples else 0.0,
        "assortativity": _assortativity(m),
        "components": int(sizes.size),
        "isolates": int((sizes == 1).sum()),
        "largest_component": int(sizes.max(initial=0)),
    }
