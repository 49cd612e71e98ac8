"""State and network metrics against NetworkX's reference functions and by hand."""

from __future__ import annotations

import math

import networkx as nx
import polars as pl
import pytest

from foedus.analytics.network import (
    betweenness,
    build_networks,
    clustering,
    degree_assortativity,
    eigenvector,
    network_metrics,
    state_metrics,
)


@pytest.fixture(scope="module")
def full_years(dcad_graphs: dict[int, nx.Graph], atop_spells: pl.DataFrame) -> list[nx.Graph]:
    atop = build_networks(atop_spells, first=1913, last=1960)
    return [dcad_graphs[1990], dcad_graphs[2010], atop[1913], atop[1960]]


def test_state_metrics_equal_networkx_on_full_years(full_years: list[nx.Graph]) -> None:
    for G in full_years:
        rows = {row["ccode"]: row for row in state_metrics(G)}
        between = nx.betweenness_centrality(G)
        clust = nx.clustering(G)
        for node in G:
            assert rows[node]["degree"] == G.degree(node)
            assert rows[node]["strength"] == G.degree(node, weight="weight")
            assert rows[node]["betweenness"] == pytest.approx(between[node], abs=1e-12)
            assert rows[node]["clustering"] == pytest.approx(clust[node], abs=1e-12)


def test_eigenvector_equals_networkx_on_the_dominant_component(
    full_years: list[nx.Graph],
) -> None:
    for G in full_years:
        values = eigenvector(G)
        support = {node for node, value in values.items() if value > 0}
        component = next(c for c in nx.connected_components(G) if support <= c)
        reference = nx.eigenvector_centrality_numpy(G.subgraph(component), weight="weight")
        for node in component:
            assert values[node] == pytest.approx(reference[node], abs=1e-8)
        assert math.fsum(v * v for v in values.values()) == pytest.approx(1.0)


def test_network_metrics_equal_networkx_on_full_years(full_years: list[nx.Graph]) -> None:
    for G in full_years:
        figures = network_metrics(G)
        assert figures["density"] == pytest.approx(nx.density(G))
        assert figures["transitivity"] == pytest.approx(nx.transitivity(G))
        assert figures["assortativity"] == pytest.approx(
            nx.degree_assortativity_coefficient(G), abs=1e-9
        )
        assert figures["components"] == nx.number_connected_components(G)
        assert figures["isolates"] == nx.number_of_isolates(G)
        assert figures["largest_component"] == len(max(nx.connected_components(G), key=len))
        assert figures["ties"] == G.size(weight="weight")


def test_metrics_by_hand_on_a_real_subnetwork(dcad_graphs: dict[int, nx.Graph]) -> None:
    # DCAD 1984: the Netherlands (210) with France (220), France with Spain (230);
    # Norway (385) has no tie to the three. One path NTH-FRN-SPN plus an isolate.
    G = dcad_graphs[1984].subgraph([210, 220, 230, 385]).copy()
    assert sorted(G.edges()) == [(210, 220), (220, 230)]
    figures = network_metrics(G)
    assert figures["density"] == 2 * 2 / (4 * 3)
    assert figures["transitivity"] == 0.0
    assert figures["components"] == 2 and figures["isolates"] == 1
    # Degrees at the two ends of each tie: (1, 2) twice, both ways: r = -1.
    assert figures["assortativity"] == pytest.approx(-1.0)
    # France lies on the one shortest NTH-SPN path out of 3 pairs of the others.
    assert betweenness(G) == {210: 0.0, 220: pytest.approx(1 / 3), 230: 0.0, 385: 0.0}
    assert clustering(G) == {210: 0.0, 220: 0.0, 230: 0.0, 385: 0.0}
    # A path of three: centre 1/sqrt(2), ends 1/2.
    assert eigenvector(G)[220] == pytest.approx(math.sqrt(0.5))
    assert eigenvector(G)[210] == pytest.approx(0.5)


def test_undefined_assortativity_is_none() -> None:
    assert degree_assortativity(nx.empty_graph(3)) is None
    assert degree_assortativity(nx.cycle_graph(4)) is None  # every degree is 2
