"""How ties form: triadic closure and preferential attachment against random formation.

A *new tie* in year ``t`` is a dyad tied in ``t`` but not in ``t - 1``, both of whose
states were in the network in ``t - 1``. The *candidates* are all dyads of such states
that were untied in ``t - 1``. For each year:

* **triadic closure**: the share of new ties whose states already had a common partner,
  against the share of candidates that had one, which is what the same number of ties
  drawn uniformly at random from the candidates would give on average; the
  hypergeometric tail gives the chance of closing at least as many by luck;
* **preferential attachment**: the mean prior degree of the states at the ends of new
  ties, against the mean over the candidates' ends (the random-formation value), with
  a z-score from the variance of a mean of draws without replacement.

Ratios above 1 mean the network grows by closure (or towards well-connected states)
more than chance would; this is the descriptive pattern Kinne (2018) reports for
defense cooperation agreements.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import networkx as nx
import numpy as np
import polars as pl
from scipy.stats import hypergeom

from foedus.analytics.network.build import adjacency

__all__ = ["formation", "formation_by_year"]


def formation(before: nx.Graph, after: nx.Graph) -> dict[str, Any]:
    """Triadic closure and preferential attachment of the ties new in ``after``.

    >>> before = nx.Graph([(1, 2), (2, 3)])
    >>> before.add_node(4)
    >>> after = nx.Graph([(1, 2), (2, 3), (1, 3)])
    >>> after.add_node(4)
    >>> row = formation(before, after)
    >>> row["new_ties"], row["closing"], row["closure_expected"]
    (1, 1, 0.25)
    """
    nodes, matrix = adjacency(before)
    prior = matrix.toarray()
    index = {node: i for i, node in enumerate(nodes)}
    n = len(nodes)
    now = np.zeros((n, n))
    pairs = [(index[u], index[v]) for u, v in after.edges() if u in index and v in index]
    if pairs:
        ends = np.array(pairs)
        now[ends[:, 0], ends[:, 1]] = now[ends[:, 1], ends[:, 0]] = 1.0
    present = np.array([node in after for node in nodes], dtype=bool)
    degree = prior.sum(axis=1)
    common = prior @ prior
    upper = np.triu(np.ones((n, n), dtype=bool), k=1) & present[:, None] & present[None, :]
    candidate = upper & (prior == 0)
    new = candidate & (now > 0)
    closes = common > 0
    ends = degree[:, None] + degree[None, :]
    pool, drawn = int(candidate.sum()), int(new.sum())
    closing_pool, closing = int((candidate & closes).sum()), int((new & closes).sum())
    row: dict[str, Any] = {
        "new_ties": drawn,
        "candidates": pool,
        "closing": closing,
        "closure_share": closing / drawn if drawn else None,
        "closure_expected": closing_pool / pool if pool else None,
        "closure_ratio": None,
        "closure_p": None,
        "pa_degree": float(ends[new].mean() / 2) if drawn else None,
        "pa_expected": float(ends[candidate].mean() / 2) if pool else None,
        "pa_ratio": None,
        "pa_z": None,
    }
    if drawn and closing_pool:
        row["closure_ratio"] = row["closure_share"] / row["closure_expected"]
        row["closure_p"] = float(hypergeom.sf(closing - 1, pool, closing_pool, drawn))
    if drawn and row["pa_expected"]:
        row["pa_ratio"] = row["pa_degree"] / row["pa_expected"]
        spread = float(ends[candidate].std() / 2)
        shrink = (pool - drawn) / (pool - 1) if pool > 1 else 0.0
        error = spread * math.sqrt(shrink / drawn)
        row["pa_z"] = (row["pa_degree"] - row["pa_expected"]) / error if error else None
    return row


def formation_by_year(graphs: Mapping[int, nx.Graph]) -> pl.DataFrame:
    """:func:`formation` for each year after the first, one row per ``year``."""
    years = sorted(graphs)
    rows = [
        {"year": year} | formation(graphs[prior], graphs[year])
        for prior, year in zip(years, years[1:], strict=False)
        if year == prior + 1
    ]
    return pl.DataFrame(rows, infer_schema_length=None)
