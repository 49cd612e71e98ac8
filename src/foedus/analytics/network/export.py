"""Writing a year's network as GraphML, GEXF (Gephi) or node-link JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping

import networkx as nx

from foedus.errors import AnalyticsError

__all__ = ["EXPORT_FORMATS", "network_document"]

EXPORT_FORMATS: tuple[str, ...] = ("graphml", "gexf", "json")


def network_document(G: nx.Graph, fmt: str, *, communities: Mapping[int, int] | None = None) -> str:
    """The network as a GraphML, GEXF or node-link JSON document.

    Nodes are keyed by COW code and carry ``abbreviation``, ``name``, ``region`` and,
    when ``communities`` is given, ``community`` (-1 for states without ties); edges
    carry ``weight`` (agreements).

    >>> G = nx.Graph(year=1990)
    >>> G.add_node(2, abbreviation="USA", name="United States of America", region="americas")
    >>> G.add_node(20, abbreviation="CAN", name="Canada", region="americas")
    >>> G.add_edge(2, 20, weight=3)
    >>> json.loads(network_document(G, "json"))["edges"]
    [{'weight': 3, 'source': 2, 'target': 20}]
    >>> "<graphml" in network_document(G, "graphml")
    True
    """
    if fmt not in EXPORT_FORMATS:
        raise AnalyticsError(f"unknown export format {fmt!r}; choose graphml, gexf or json")
    H = G.copy()
    if communities is not None:
        nx.set_node_attributes(H, {node: communities.get(node, -1) for node in H}, "community")
    if fmt == "json":
        return json.dumps(nx.node_link_data(H, edges="edges"), ensure_ascii=False, indent=2)
    if fmt == "gexf":
        return "\n".join(nx.generate_gexf(H)) + "\n"
    return "\n".join(nx.generate_graphml(H)) + "\n"
