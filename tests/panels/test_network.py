"""Network measures, state-year DCA and ATOP, and GML initiators: each checked against an
independent derivation from the same data."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from foedus.datasets.dcad import read_dcad
from foedus.errors import ConfigError
from foedus.panels import (
    add_atop_alliance,
    add_common_partners,
    add_dca,
    add_gml_mids,
    add_network,
    add_network_centrality,
    add_network_degree,
    create_dyad_years,
    create_state_years,
)


@pytest.fixture(scope="module")
def dca_dyads() -> pl.DataFrame:
    """Directed dyad-years 1978-2012 with DCA presence and the DCA network measures."""
    return create_dyad_years(range(1978, 2013)).pipe(add_dca).pipe(add_network).frame


def test_degree_counts_the_dca_partners(dca_dyads: pl.DataFrame) -> None:
    partners = (
        dca_dyads.filter(pl.col("dca_any") == 1)
        .group_by("ccode1", "year")
        .agg(pl.len().alias("partners"))
    )
    joined = dca_dyads.unique(["ccode1", "year"]).join(partners, on=["ccode1", "year"], how="left")
    covered = joined.filter(pl.col("year").is_between(1980, 2010))
    assert (covered["degree1"] == covered["partners"].fill_null(0)).all()
    assert covered["degree1"].max() > 40 and (covered["degree1"] == 0).any()


def test_common_partners_are_shared_dca_partners(dca_dyads: pl.DataFrame) -> None:
    ties = dca_dyads.filter((pl.col("year") == 2000) & (pl.col("dca_any") == 1)).select(
        "ccode1", "ccode2"
    )
    shared = (
        ties.join(ties, on="ccode2", suffix="_b")
        .filter(pl.col("ccode1") != pl.col("ccode1_b"))
        .group_by("ccode1", pl.col("ccode1_b").alias("ccode2"))
        .agg(pl.len().alias("expected"))
    )
    year = dca_dyads.filter(pl.col("year") == 2000).join(
        shared, on=["ccode1", "ccode2"], how="left"
    )
    assert (year["common_partners"] == year["expected"].fill_null(0)).all()
    assert year["common_partners"].max() > 5


def test_network_is_missing_outside_dcad_coverage(dca_dyads: pl.DataFrame) -> None:
    for year, missing in ((1979, True), (1980, False), (2010, False), (2011, True)):
        rows = dca_dyads.filter(pl.col("year") == year)
        for column in ("degree1", "degree2", "strength1", "common_partners"):
            assert (rows[column].null_count() == rows.height) is missing, (year, column)


def test_state_year_dca_counts_agreements_in_force() -> None:
    states = create_state_years(range(1979, 2012)).pipe(add_dca).pipe(add_network_degree).frame
    usa = states.filter((pl.col("ccode") == 2) & (pl.col("year") == 1995)).row(0, named=True)
    raw = read_dcad().filter(
        ((pl.col("ccode1") == 2) | (pl.col("ccode2") == 2))
        & (pl.col("signYear") <= 1995)
        & (pl.col("endYearEstimate").fill_null(2010) >= 1995)
    )
    assert usa["dca_count"] == raw.height
    assert usa["dca_general_count"] == raw.filter(pl.col("type") == "general").height
    assert usa["dca_count"] == usa["dca_general_count"] + usa["dca_sector_count"]
    # Strength counts the agreements behind the ties; partners gone from the system
    # (West Germany after 1990) tie no one, so it never exceeds the DCA count.
    covered = states.filter(pl.col("year").is_between(1980, 2010))
    assert (covered["strength"] <= covered["dca_count"]).all()
    assert (covered["strength"] == covered["dca_count"]).mean() > 0.95  # type: ignore[operator]
    for year in (1979, 2011):
        assert states.filter(pl.col("year") == year)["dca_count"].null_count() > 0


def test_state_year_atop_counts_pledges(shared_dir: Path) -> None:
    reference = pl.read_csv(shared_dir / "data/atop/peacesciencer_atop_alliance.csv").filter(
        (pl.col("ccode1") == 2) & (pl.col("year") == 1960)
    )
    usa = (
        create_state_years(range(1960, 1961)).pipe(add_atop_alliance).frame
        .filter(pl.col("ccode") == 2).row(0, named=True)
    )  # fmt: skip
    for obligation in ("defense", "nonagg", "consul"):
        assert usa[f"atop_{obligation}_partners"] == reference[f"atop_{obligation}"].sum()


def test_atop_network_is_prefixed_and_covers_1815_2018() -> None:
    states = create_state_years(range(2015, 2019)).pipe(add_network, source="atop").frame
    assert {"atop_degree", "atop_strength"} <= set(states.columns)
    assert "degree" not in states.columns and states["atop_degree"].null_count() == 0
    usa = states.filter((pl.col("ccode") == 2) & (pl.col("year") == 2018))
    assert usa["atop_degree"].item() > 30  # NATO and the Rio Pact alone


def test_centrality_and_bad_source() -> None:
    states = create_state_years(range(2000, 2001)).pipe(add_network_centrality).frame
    assert states["eigenvector"].max() <= 1.0 and states["betweenness"].min() >= 0.0
    with pytest.raises(ConfigError, match="dcad' or 'atop"):
        add_common_partners(create_dyad_years(range(2000, 2001)), source="cow")  # type: ignore[arg-type]


def test_gml_initiators_follow_the_rule() -> None:
    frame = create_dyad_years(range(1990, 2001)).pipe(add_gml_mids).frame
    disputes = frame.filter(pl.col("dispnum").is_not_null())
    expected = (disputes["sidea1"] == 1) | (disputes["orig1"] == 0)
    assert (disputes["init1"] == expected.cast(pl.Int8)).all()
    assert frame.filter(pl.col("dispnum").is_null())["init1"].null_count() > 0
    strict = create_dyad_years(range(1990, 2001)).pipe(add_gml_mids, init="sidea-orig").frame
    assert strict["init1"].sum() < frame["init1"].sum()
    undirected = create_dyad_years(range(1990, 1991), directed=False).pipe(add_gml_mids).frame
    assert "init1" not in undirected.columns
    states = create_state_years(range(1990, 2001))
    loose = states.pipe(add_gml_mids).frame["gmlmidongoing_init"].sum()
    assert states.pipe(add_gml_mids, init="sidea-orig").frame["gmlmidongoing_init"].sum() < loose
