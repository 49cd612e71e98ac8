"""Communities: Leiden partitions, modularity and stable labels across years."""

from __future__ import annotations

import networkx as nx
import pytest

from foedus.analytics.network import (
    detect_communities,
    match_communities,
    modularity,
    track_communities,
)


def test_partition_covers_the_tied_states_and_is_reproducible(
    dcad_graphs: dict[int, nx.Graph],
) -> None:
    G = dcad_graphs[2005]
    partition = detect_communities(G, seed=3)
    tied = {n for n in G if G.degree(n)}
    assert set().union(*partition) == tied
    assert sum(len(c) for c in partition) == len(tied)  # disjoint
    assert detect_communities(G, seed=3) == partition


def test_modularity_equals_networkx(dcad_graphs: dict[int, nx.Graph]) -> None:
    G = dcad_graphs[2005]
    partition = detect_communities(G)
    tied = G.subgraph(set().union(*partition))
    reference = nx.community.modularity(tied, partition, weight="weight")
    assert modularity(G, partition) == pytest.approx(reference)
    assert modularity(G, partition) > 0.2  # a real community structure


def test_labels_follow_communities_not_their_order() -> None:
    nato = frozenset({2, 20, 200, 220, 325})
    warsaw = frozenset({365, 290, 310, 315})
    first = track_communities({1980: [nato, warsaw]})[1980]
    # Next year the Warsaw Pact is listed first and NATO gained Spain (230).
    second = match_communities(first, [warsaw, nato | {230}], next_label=2)
    assert second[365] == first[365] and second[2] == first[2] and second[230] == first[2]


def test_a_community_unlike_any_earlier_gets_a_new_label() -> None:
    tracked = track_communities(
        {1990: [frozenset({2, 20})], 1991: [frozenset({2, 20})], 1992: [frozenset({600, 615})]}
    )
    assert tracked[1990] == tracked[1991] == {2: 0, 20: 0}
    assert tracked[1992] == {600: 1, 615: 1}


def test_tracked_labels_are_stable_across_real_years(dcad_graphs: dict[int, nx.Graph]) -> None:
    years = range(2000, 2011)
    tracked = track_communities({y: detect_communities(dcad_graphs[y]) for y in years})
    # The largest label set changes little: most states keep their label year to year.
    kept = [
        sum(tracked[y][n] == tracked[y - 1].get(n) for n in tracked[y]) / len(tracked[y])
        for y in years[1:]
    ]
    assert min(kept) > 0.5
