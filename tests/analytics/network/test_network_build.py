"""Yearly networks from registry party spells: ties, weights and nodes."""

from __future__ import annotations

from datetime import date

import networkx as nx
import polars as pl
import pytest

from foedus.analytics.network import (
    adjacency,
    build_network,
    dyad_years,
    regional_subgraph,
    system_states,
)
from foedus.datasets.cow_states import read_system
from foedus.datasets.dcad import read_dcad
from foedus.errors import AnalyticsError


def _dcad_partners(ccode: int, year: int) -> set[int]:
    """Partners of ``ccode`` with a DCAD agreement active in ``year``, from the raw file.

    An agreement runs from its signing year; it has ended (in its estimated end year)
    when DCAD marks it terminated or its end estimate falls before 2010. The release's
    two miscodings are corrected as the loader documents (Egypt coded 652, Venezuela 145).
    """
    partners = set()
    for row in read_dcad().iter_rows(named=True):
        for side in ("1", "2"):
            if row[f"ccode{side}"] == 652 and row[f"cowName{side}"] == "EGY":
                row[f"ccode{side}"] = 651
        if row["DCAid"] == "DCADv1.0-0297" and row["ccode2"] == 145:
            row["ccode2"] = 101
        if ccode not in (row["ccode1"], row["ccode2"]) or row["ccode1"] == row["ccode2"]:
            continue
        ended = row["terminated"] == 1 or (row["endYearEstimate"] or 2010) < 2010
        end = row["endYearEstimate"] if ended and row["endYearEstimate"] else None
        if row["signYear"] <= year and (end is None or end >= year):
            partners.add(row["ccode2"] if row["ccode1"] == ccode else row["ccode1"])
    return partners


@pytest.mark.parametrize(("ccode", "year"), [(2, 2000), (365, 1995), (750, 2010), (220, 1988)])
def test_degree_is_distinct_dcad_partners_active_that_year(
    dcad_graphs: dict[int, nx.Graph], ccode: int, year: int
) -> None:
    expected = _dcad_partners(ccode, year)
    assert expected  # each case has partners
    assert set(dcad_graphs[year][ccode]) == expected


def test_weight_counts_agreements_active_in_the_year(dcad_spells: pl.DataFrame) -> None:
    # USA and Canada: DCAD 0001 (1984, procurement) and 0002 (1994, DCA), both in force.
    dyads = dyad_years(dcad_spells.filter(pl.col("ccode").is_in([2, 20])), last=2010)
    usa_can = dyads.filter((pl.col("ccode1") == 2) & (pl.col("ccode2") == 20))
    weight = dict(zip(usa_can["year"].to_list(), usa_can["weight"].to_list(), strict=True))
    assert weight[1984] >= 1 and weight[1983 + 1] <= weight[1994]
    ids = (
        dcad_spells.filter(pl.col("ccode").is_in([2, 20]))
        .group_by("agreement_id")
        .agg(pl.col("ccode").n_unique().alias("n"), pl.col("start").min(), pl.col("end").max())
        .filter(pl.col("n") == 2)
    )
    in_1994 = ids.filter(
        (pl.col("start").dt.year() <= 1994)
        & (pl.col("end").is_null() | (pl.col("end").dt.year() >= 1994))
    )
    assert weight[1994] == in_1994.height


def test_dyad_years_counts_distinct_agreements_and_clips_open_spells() -> None:
    spells = pl.DataFrame(
        {
            "agreement_id": ["a", "a", "a", "b", "b"],
            "ccode": [2, 20, 20, 2, 20],  # 20 is listed twice in "a" (two phases)
            "start": [date(1990, 1, 1), date(1990, 1, 1), date(1995, 1, 1), date(1992, 3, 1),
                      date(1992, 3, 1)],
            "end": [None, date(1993, 6, 1), None, date(1992, 9, 1), None],
        }
    )  # fmt: skip
    rows = dyad_years(spells, first=1991, last=1996).rows()
    assert rows == [
        (1991, 2, 20, 1),
        (1992, 2, 20, 2),  # "b" ran only in 1992
        (1993, 2, 20, 1),
        (1995, 2, 20, 1),  # gap in 1994: 20 out of "a" between its two spells
        (1996, 2, 20, 1),
    ]


def test_nodes_are_the_system_states_of_the_year(dcad_graphs: dict[int, nx.Graph]) -> None:
    system = read_system()
    for year in (1980, 1995, 2010):
        expected = set(system.filter(pl.col("year") == year)["ccode"].to_list())
        assert set(dcad_graphs[year]) == expected
    assert system_states(2018) == system_states(2016)


def test_ties_of_states_outside_the_system_are_left_out(
    dcad_spells: pl.DataFrame, dcad_graphs: dict[int, nx.Graph]
) -> None:
    # West Germany (260) left the system in 1990; DCAD keeps its agreements in force.
    dyads = dyad_years(dcad_spells, first=1995, last=1995)
    assert dyads.filter((pl.col("ccode1") == 260) | (pl.col("ccode2") == 260)).height > 0
    assert 260 not in dcad_graphs[1995]
    assert 260 in dcad_graphs[1989] and dcad_graphs[1989].degree(260) > 0
    G = build_network(dyads, 1995, nodes=[2, 20])
    assert list(G.edges()) == [(2, 20)]


def test_adjacency_matches_networkx(dcad_graphs: dict[int, nx.Graph]) -> None:
    G = dcad_graphs[2005]
    nodes, A = adjacency(G, weight="weight")
    assert (A.toarray() == nx.to_numpy_array(G, nodelist=nodes)).all()


def test_regional_subgraph_keeps_only_ties_inside_the_region(
    dcad_graphs: dict[int, nx.Graph],
) -> None:
    G = dcad_graphs[2000]
    europe = regional_subgraph(G, "europe")
    assert all(G.nodes[n]["region"] == "europe" for n in europe)
    inside = [(u, v) for u, v in G.edges() if u in europe and v in europe]
    assert europe.number_of_edges() == len(inside) > 0
    with pytest.raises(AnalyticsError, match="regions: americas"):
        regional_subgraph(G, "atlantis")
