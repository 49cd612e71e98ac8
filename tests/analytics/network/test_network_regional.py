"""Regional security figures: blocs, polarity, dependency, asymmetry."""

from __future__ import annotations

import networkx as nx
import polars as pl
import pytest

from foedus.analytics.network import (
    REGIONS,
    agreement_asymmetry,
    blocs,
    capabilities,
    dependency,
    detect_communities,
    polarity,
    regional_summary,
    track_communities,
)


@pytest.fixture(scope="module")
def year_2000(
    dcad_graphs: dict[int, nx.Graph], cinc: pl.DataFrame
) -> tuple[nx.Graph, dict[int, int], dict[int, float]]:
    G = dcad_graphs[2000]
    labels = track_communities({2000: detect_communities(G)})[2000]
    return G, labels, capabilities(cinc)[2000]


def test_regional_blocs_add_up_to_the_global_blocs(
    year_2000: tuple[nx.Graph, dict[int, int], dict[int, float]],
) -> None:
    G, labels, power = year_2000
    world = {row["bloc"]: row for row in blocs(G, labels, power)}
    for bloc, row in world.items():
        parts = [
            r for region in REGIONS for r in blocs(G, labels, power, region=region)
            if r["bloc"] == bloc
        ]  # fmt: skip
        assert sum(r["states"] for r in parts) == row["states"]
        assert sum(r["cinc"] for r in parts) == pytest.approx(row["cinc"])
    assert sum(r["cinc"] for r in world.values()) == pytest.approx(
        sum(power[n] for n in G if n in power)
    )


def test_regional_ties_add_up_to_the_global_ties(
    year_2000: tuple[nx.Graph, dict[int, int], dict[int, float]],
) -> None:
    G, labels, power = year_2000
    rows = {row["region"]: row for row in regional_summary(G, labels, power)}
    within = sum(rows[r]["edges_within"] for r in REGIONS)
    across = sum(rows[r]["edges_across"] for r in REGIONS)
    assert within + across / 2 == rows["all"]["edges_within"] == G.number_of_edges()
    assert sum(rows[r]["states"] for r in REGIONS) == rows["all"]["states"] == len(G)


def test_polarity_by_hand() -> None:
    # Two blocs holding 0.5 and 0.3 of the capability, one unaligned state 0.2.
    G = nx.Graph([(2, 20), (365, 290)])
    G.add_node(710)
    labels = {2: 0, 20: 0, 365: 1, 290: 1}
    power = {2: 0.4, 20: 0.1, 365: 0.25, 290: 0.05, 710: 0.2}
    result = polarity(G, labels, power)
    assert result["blocs"] == 2
    assert result["largest_bloc_share"] == pytest.approx(0.5)
    assert result["effective_poles"] == pytest.approx(1 / (0.25 + 0.09 + 0.04))


def test_dependency_by_hand_on_a_real_state(
    year_2000: tuple[nx.Graph, dict[int, int], dict[int, float]],
) -> None:
    G, _, power = year_2000
    ukraine = 369
    weights = {p: G[ukraine][p]["weight"] for p in G[ukraine]}
    shares = [power[p] / sum(power[q] for q in weights) for p in weights]
    result = dependency(G, power)[ukraine]
    assert result["top_partner_share"] == max(weights.values()) / sum(weights.values())
    assert weights[result["top_partner"]] == max(weights.values())
    assert result["partner_hhi"] == pytest.approx(sum(s * s for s in shares))


def test_asymmetry_of_the_usa_canada_procurement_agreement(
    dcad_spells: pl.DataFrame, cinc: pl.DataFrame
) -> None:
    frame = agreement_asymmetry(dcad_spells, cinc)
    row = frame.filter(pl.col("agreement_id") == "dcad:DCADv1.0-0001").row(0, named=True)
    power = capabilities(cinc)[1984]
    assert row["year"] == 1984 and row["parties"] == 2 and row["region"] == "americas"
    assert row["capability_ratio"] == pytest.approx(power[2] / power[20])
    assert row["top_share"] == pytest.approx(power[2] / (power[2] + power[20]))
    assert frame["agreement_id"].n_unique() == dcad_spells["agreement_id"].n_unique()
