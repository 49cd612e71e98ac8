"""Regional security per region-year, asymmetry by year, obligation networks."""

from __future__ import annotations

import networkx as nx
import polars as pl
import pytest

from foedus.analytics.network import (
    OBLIGATIONS,
    REGIONS,
    agreement_asymmetry_by_year,
    analyse_years,
    build_networks,
    capabilities,
    dependency,
    obligation_series,
    obligation_spells,
    regional_security,
)


def test_asymmetry_uses_each_years_capabilities(
    dcad_spells: pl.DataFrame, cinc: pl.DataFrame
) -> None:
    frame = agreement_asymmetry_by_year(dcad_spells, cinc, first=1984, last=2010)
    usa_canada = frame.filter(pl.col("agreement_id") == "dcad:DCADv1.0-0001")
    assert usa_canada["year"].to_list() == list(range(1984, 2011))  # in force to the end
    power = capabilities(cinc)
    for year, ratio in usa_canada.select("year", "capability_ratio").iter_rows():
        assert ratio == pytest.approx(power[year][2] / power[year][20])
    assert (frame["parties"] >= 2).all()
    assert frame.filter(pl.col("capability_ratio") < 1).is_empty()


def test_regional_security_adds_up(
    dcad_spells: pl.DataFrame, cinc: pl.DataFrame, dcad_graphs: dict[int, nx.Graph]
) -> None:
    years = analyse_years(dcad_spells, cinc, first=1999, last=2000)
    result = regional_security(years, dcad_spells, cinc)
    rows = {r["region"]: r for r in result.regions.filter(pl.col("year") == 2000).to_dicts()}
    world = rows["all"]
    in_force = result.agreements.filter(pl.col("year") == 2000)
    interregional = in_force.filter(pl.col("regions").list.len() > 1).height
    assert world["agreements"] == in_force.height
    assert sum(rows[r]["agreements_within"] for r in REGIONS) + interregional == in_force.height
    assert sum(rows[r]["states"] for r in REGIONS) == world["states"] == len(dcad_graphs[2000])
    assert world["tied_states"] == sum(1 for _, d in dcad_graphs[2000].degree() if d)
    assert world["asymmetry_median"] == pytest.approx(in_force["capability_ratio"].median())
    blocs = result.blocs.filter((pl.col("year") == 2000) & (pl.col("region") != "all"))
    global_blocs = result.blocs.filter((pl.col("year") == 2000) & (pl.col("region") == "all"))
    assert blocs["cinc"].sum() == pytest.approx(global_blocs["cinc"].sum())
    assert result.states.filter(pl.col("year") == 2000).height == world["tied_states"]


def test_regional_security_for_one_region(dcad_spells: pl.DataFrame, cinc: pl.DataFrame) -> None:
    years = analyse_years(dcad_spells, cinc, first=2005, last=2005)
    result = regional_security(years, dcad_spells, cinc, region="africa")
    assert result.regions["region"].to_list() == ["africa"]
    assert set(result.states["region"]) == {"africa"}
    assert result.agreements["regions"].list.contains("africa").all()


def test_dependency_on_the_strongest_partner_by_hand(
    dcad_graphs: dict[int, nx.Graph], cinc: pl.DataFrame
) -> None:
    G, power = dcad_graphs[2005], capabilities(cinc)[2005]
    georgia = 372
    partners = {p: power[p] for p in G[georgia]}
    strongest = max(partners, key=lambda p: partners[p])
    row = dependency(G, power)[georgia]
    assert row["largest_partner"] == strongest
    assert row["largest_partner_share"] == pytest.approx(
        partners[strongest] / sum(partners.values())
    )
    assert row["largest_partner_ratio"] == pytest.approx(partners[strongest] / power[georgia])


def test_obligation_networks(atop_spells: pl.DataFrame) -> None:
    defense = obligation_spells(atop_spells, "defense")
    assert defense["provisions"].list.contains("mutual_defense").all()
    assert obligation_spells(atop_spells, "mutual_defense").height == defense.height
    series = obligation_series(atop_spells, first=1950, last=1951)
    assert series.height == 2 * len(OBLIGATIONS)
    G = build_networks(defense, first=1950, last=1950)[1950]
    row = series.filter((pl.col("obligation") == "defense") & (pl.col("year") == 1950)).row(
        0, named=True
    )
    assert row["edges"] == G.number_of_edges()
    assert row["tied_states"] == sum(1 for _, d in G.degree() if d)
