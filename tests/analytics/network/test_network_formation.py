"""Triadic closure and preferential attachment against a random-formation baseline."""

from __future__ import annotations

from itertools import combinations

import networkx as nx
import pytest

from foedus.analytics.network import formation, formation_by_year


def test_formation_by_hand_on_real_dcad_rows(dcad_graphs: dict[int, nx.Graph]) -> None:
    states = [210, 220, 230, 385]  # NTH, FRN, SPN, NOR
    before = dcad_graphs[1984].subgraph(states).copy()
    after = dcad_graphs[1985].subgraph(states).copy()
    assert sorted(before.edges()) == [(210, 220), (220, 230)]
    # 1985: Spain signs with the Netherlands (France is their common partner) and with
    # Norway (no common partner).
    new = {tuple(sorted(e)) for e in after.edges()} - {tuple(sorted(e)) for e in before.edges()}
    assert sorted(new) == [(210, 230), (230, 385)]
    row = formation(before, after)
    # Candidates: the 4 untied pairs; only NTH-SPN has a common partner.
    assert row["candidates"] == 4 and row["new_ties"] == 2 and row["closing"] == 1
    assert row["closure_share"] == 0.5
    assert row["closure_expected"] == 0.25
    assert row["closure_ratio"] == 2.0
    # Prior degrees NTH 1, FRN 2, SPN 1, NOR 0: new-tie ends (1+1+1+0)/4; the
    # candidates' ends (NTH-SPN 2, NTH-NOR 1, FRN-NOR 2, SPN-NOR 1) 6/8.
    assert row["pa_degree"] == 0.75 and row["pa_expected"] == 0.75
    assert row["pa_ratio"] == 1.0
    # Drawing 2 of 4 candidates at random closes at least one with chance 1/2.
    assert row["closure_p"] == pytest.approx(0.5)


def test_baseline_equals_brute_force_on_a_full_year(dcad_graphs: dict[int, nx.Graph]) -> None:
    before, after = dcad_graphs[1995], dcad_graphs[1996]
    nodes = [n for n in before if n in after]
    candidates = [(u, v) for u, v in combinations(nodes, 2) if not before.has_edge(u, v)]
    new = [(u, v) for u, v in candidates if after.has_edge(u, v)]
    closes = {(u, v) for u, v in candidates if set(before[u]) & set(before[v])}
    row = formation(before, after)
    assert row["candidates"] == len(candidates)
    assert row["new_ties"] == len(new)
    assert row["closing"] == len(closes.intersection(new))
    assert row["closure_expected"] == pytest.approx(len(closes) / len(candidates))
    ends = [before.degree(u) + before.degree(v) for u, v in candidates]
    assert row["pa_expected"] == pytest.approx(sum(ends) / (2 * len(candidates)))


def test_dcad_growth_closes_triangles_and_favours_hubs(dcad_graphs: dict[int, nx.Graph]) -> None:
    frame = formation_by_year(dcad_graphs)
    assert frame["year"].to_list() == list(range(1981, 2011))
    late = frame.filter(frame["year"] >= 1995)
    # Kinne (2018): after the Cold War most new DCA ties close triangles, far more
    # than random formation would, and they go to states that already have many.
    assert late["closure_share"].min() > 0.6
    assert (late["closure_ratio"] > 2).all()
    assert (late["pa_ratio"] > 2).all()
