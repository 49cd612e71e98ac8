"""Year-by-year cooperation networks from agreement party spells.

The input is the registry's party-spell frame (one row per agreement party, as
:func:`foedus.storage.queries.agreement_party_spells` returns it): ``agreement_id``,
``source``, ``kind``, ``ccode``, ``start``, ``end`` (null: in force or end unknown) and
``provisions``. Two states are tied in a year when both were parties to the same
agreement at some time in that year; the tie's ``weight`` is the number of such
agreements. Nodes are the states of the COW system in that year (the 2016 membership
for later years, where the system file ends). Ties of a party outside the system that
year are left out: DCAD keeps West Germany's and Czechoslovakia's agreements "in
force" after 1990 and 1992, but those states are no longer there to cooperate.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import networkx as nx
import numpy as np
import polars as pl
import scipy.sparse as sp

from foedus.datasets.cow_states import read_states, read_system
from foedus.domain.states import cow_region
from foedus.errors import AnalyticsError

__all__ = [
    "adjacency",
    "SPELL_SCHEMA",
    "build_network",
    "build_networks",
    "dyad_years",
    "regional_subgraph",
    "system_states",
]

#: Columns and types of the party-spell frame (the registry's contract).
SPELL_SCHEMA: dict[str, pl.DataType] = {
    "agreement_id": pl.String(),
    "source": pl.String(),
    "kind": pl.String(),
    "ccode": pl.Int64(),
    "start": pl.Date(),
    "end": pl.Date(),
    "provisions": pl.List(pl.String()),
}
#: The last year of the COW system file; later years reuse its membership.
LAST_SYSTEM_YEAR = 2016


def _check(spells: pl.DataFrame) -> None:
    missing = [name for name in ("agreement_id", "ccode", "start", "end") if name not in spells]
    if missing:
        raise AnalyticsError(
            f"party spells lack column(s) {', '.join(missing)}; pass the frame that "
            "foedus.storage.queries.agreement_party_spells returns"
        )


def dyad_years(
    spells: pl.DataFrame, *, first: int | None = None, last: int | None = None
) -> pl.DataFrame:
    """Every tied dyad in every year: ``year``, ``ccode1 < ccode2``, ``weight``.

    ``weight`` counts the distinct agreements that tie the dyad in that year. An open
    spell (null ``end``) runs to ``last`` (default: the latest year in the frame).
    Spells without a start cannot be placed in time and are left out.

    >>> from datetime import date
    >>> spells = pl.DataFrame(
    ...     {"agreement_id": ["a", "a", "b", "b"], "ccode": [2, 20, 20, 2],
    ...      "start": [date(1990, 1, 1)] * 2 + [date(1991, 6, 1)] * 2,
    ...      "end": [date(1992, 1, 1), None, None, None]})
    >>> dyad_years(spells, last=1993).rows()
    [(1990, 2, 20, 1), (1991, 2, 20, 2), (1992, 2, 20, 2), (1993, 2, 20, 1)]
    """
    _check(spells)
    base = spells.filter(pl.col("start").is_not_null()).select(
        "agreement_id",
        "ccode",
        pl.col("start").dt.year().cast(pl.Int64).alias("y0"),
        pl.col("end").dt.year().cast(pl.Int64).alias("y1"),
    )
    empty = pl.DataFrame(schema={"year": pl.Int64, "ccode1": pl.Int64, "ccode2": pl.Int64,
                                 "weight": pl.UInt32})  # fmt: skip
    if base.is_empty():
        return empty
    horizon = last if last is not None else max(base["y0"].max(), base["y1"].max() or 0)  # type: ignore[type-var]
    floor = first if first is not None else base["y0"].min()
    base = base.with_columns(pl.col("y1").fill_null(horizon))
    pairs = (
        base.join(base, on="agreement_id", suffix="_b")
        .filter(pl.col("ccode") < pl.col("ccode_b"))
        .with_columns(
            pl.max_horizontal("y0", "y0_b", pl.lit(floor)).alias("lo"),
            pl.min_horizontal("y1", "y1_b", pl.lit(horizon)).alias("hi"),
        )
        .filter(pl.col("lo") <= pl.col("hi"))
    )
    if pairs.is_empty():
        return empty
    return (
        pairs.select(
            "agreement_id",
            pl.col("ccode").alias("ccode1"),
            pl.col("ccode_b").alias("ccode2"),
            pl.int_ranges("lo", pl.col("hi") + 1).alias("year"),
        )
        .explode("year")
        .unique(["agreement_id", "ccode1", "ccode2", "year"])
        .group_by("year", "ccode1", "ccode2")
        .agg(pl.len().alias("weight"))
        .sort("year", "ccode1", "ccode2")
        .select("year", "ccode1", "ccode2", "weight")
    )


@cache
def _system() -> dict[int, tuple[int, ...]]:
    frame = read_system().group_by("year").agg(pl.col("ccode").sort())
    return {year: tuple(codes) for year, codes in frame.iter_rows()}


def system_states(year: int) -> tuple[int, ...]:
    """COW codes of the system members in ``year`` (2016's for later years), sorted.

    >>> len(system_states(1816)), 2 in system_states(2018)
    (23, True)
    """
    return _system().get(min(year, LAST_SYSTEM_YEAR), ())


@cache
def _attributes() -> dict[int, dict[str, str]]:
    names = read_states().unique("ccode", keep="last", maintain_order=True)
    return {
        ccode: {
            "abbreviation": abbreviation.strip(),
            "name": name,
            "region": cow_region(ccode) or "",
        }
        for ccode, abbreviation, name in names.select("ccode", "stateabb", "statenme").iter_rows()
    }


def build_network(
    dyads: pl.DataFrame, year: int, *, nodes: Sequence[int] | None = None
) -> nx.Graph:
    """The undirected, weighted cooperation network of one ``year``.

    ``dyads`` is a :func:`dyad_years` frame; ``nodes`` defaults to the system states
    of the year, and only ties between two nodes are kept. Each node carries its COW
    ``abbreviation``, ``name`` and ``region``.

    >>> dyads = pl.DataFrame({"year": [1990], "ccode1": [2], "ccode2": [20], "weight": [3]})
    >>> G = build_network(dyads, 1990)
    >>> G.number_of_nodes(), G[2][20]["weight"], G.nodes[20]["abbreviation"]
    (165, 3, 'CAN')
    """
    G = nx.Graph(year=year)
    G.add_nodes_from(system_states(year) if nodes is None else nodes)
    rows = dyads.filter(
        (pl.col("year") == year) & pl.col("ccode1").is_in(list(G)) & pl.col("ccode2").is_in(list(G))
    )
    G.add_weighted_edges_from(
        zip(rows["ccode1"].to_list(), rows["ccode2"].to_list(), rows["weight"].to_list(),
            strict=True)
    )  # fmt: skip
    known = _attributes()
    for node in G:
        G.nodes[node].update(
            known.get(node, {"abbreviation": str(node), "name": str(node), "region": ""})
        )
    return G


def build_networks(
    spells: pl.DataFrame, *, first: int | None = None, last: int | None = None
) -> dict[int, nx.Graph]:
    """One network per year from ``first`` to ``last`` (default: the spells' years)."""
    dyads = dyad_years(spells, first=first, last=last)
    if dyads.is_empty() and (first is None or last is None):
        raise AnalyticsError("no ties: the party spells hold no two parties of one agreement")
    low = first if first is not None else int(dyads["year"].min())  # type: ignore[arg-type]
    high = last if last is not None else int(dyads["year"].max())  # type: ignore[arg-type]
    by_year = dyads.partition_by("year", as_dict=True, include_key=True)
    empty = dyads.clear()
    return {year: build_network(by_year.get((year,), empty), year) for year in range(low, high + 1)}


def adjacency(G: nx.Graph, *, weight: str | None = None) -> tuple[list[int], sp.csr_array]:
    """The nodes of ``G`` and its symmetric sparse adjacency matrix, in node order.

    Entries are the edges' ``weight`` attribute (missing: 1) or, without ``weight``, 1.

    >>> nodes, A = adjacency(nx.Graph([(2, 20, {"weight": 3})]), weight="weight")
    >>> nodes, A.toarray().tolist()
    ([2, 20], [[0.0, 3.0], [3.0, 0.0]])
    """
    nodes = list(G)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    edges = list(G.edges(data=weight, default=1.0)) if weight else list(G.edges())
    if not edges:
        return nodes, sp.csr_array((n, n))
    ends = np.array([(index[edge[0]], index[edge[1]]) for edge in edges], dtype=np.int64)
    values = np.array([edge[2] for edge in edges], dtype=float) if weight else np.ones(len(edges))
    rows = np.concatenate([ends[:, 0], ends[:, 1]])
    cols = np.concatenate([ends[:, 1], ends[:, 0]])
    return nodes, sp.csr_array((np.concatenate([values, values]), (rows, cols)), shape=(n, n))


def regional_subgraph(G: nx.Graph, region: str) -> nx.Graph:
    """The ``region``'s states and the ties among them (a copy).

    >>> dyads = pl.DataFrame({"year": [1990], "ccode1": [2], "ccode2": [200], "weight": [1]})
    >>> R = regional_subgraph(build_network(dyads, 1990), "europe")
    >>> R.number_of_edges(), 200 in R
    (0, True)
    """
    members = [node for node, data in G.nodes(data=True) if data.get("region") == region]
    if not members:
        raise AnalyticsError(
            f"no state of region {region!r} in the network; regions: americas, europe, "
            "africa, middle_east, asia, oceania"
        )
    return G.subgraph(members).copy()
