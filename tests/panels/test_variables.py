"""Other variables: peacesciencer's conventions, coverage, crosswalks, no row multiplication."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from foedus.datasets.distance import cow_to_gw
from foedus.datasets.mme import read_mme_participants
from foedus.panels import (
    Panel,
    add_capital_distance,
    add_contiguity,
    add_cow_majors,
    add_democracy,
    add_gml_mids,
    add_minimum_distance,
    add_mme,
    add_nmc,
    add_us_troops,
    build_panel,
    citations,
    create_dyad_years,
    create_state_years,
    filter_prd,
)
from foedus.panels.units import Unit


def _row(frame: pl.DataFrame, a: int, b: int, year: int) -> dict[str, object]:
    hit = frame.filter((pl.col("ccode1") == a) & (pl.col("ccode2") == b) & (pl.col("year") == year))
    assert hit.height == 1
    return hit.row(0, named=True)


@pytest.fixture(scope="module")
def full(dyads: Panel) -> pl.DataFrame:
    return (dyads.pipe(add_nmc).pipe(add_contiguity).pipe(add_capital_distance)
            .pipe(add_democracy).pipe(add_gml_mids).frame)  # fmt: skip


def test_values_follow_peacesciencer(full: pl.DataFrame, dyads: Panel) -> None:
    assert full.height == dyads.frame.height
    usa_can = _row(full, 2, 20, 1950)
    assert usa_can["conttype"] == 1 and usa_can["cinc1"] > usa_can["cinc2"] > 0
    assert usa_can["capdist"] == pytest.approx(735, abs=5)  # Washington-Ottawa
    assert usa_can["v2x_polyarchy1"] is not None and usa_can["polity21"] == 10
    assert usa_can["gmlmidonset"] == 0 and usa_can["dispnum"] is None
    # Capital moves count from 1 January: Brazil's capital is Rio in 1960, Brasilia after.
    rio = _row(full, 140, 2, 1960)["capdist"]
    assert rio != _row(full, 140, 2, 1961)["capdist"]
    assert rio == pytest.approx(_row(full, 140, 2, 1959)["capdist"])


def test_coverage_is_missing_not_zero(full: pl.DataFrame) -> None:
    later = full.filter(pl.col("year") > 2016)
    assert later["conttype"].null_count() == later.height
    assert later["gmlmidonset"].null_count() == later.height
    covered = full.filter(pl.col("year") <= 2010)
    assert covered["gmlmidonset"].null_count() == 0 and covered["conttype"].null_count() == 0
    assert 0 < covered["gmlmidonset"].sum() < covered["gmlmidongoing"].sum() <= 9284


def test_gml_mids_match_the_dyad_year_file(full: pl.DataFrame, shared_dir: Path) -> None:
    reference = pl.read_csv(shared_dir / "data/mid/peacesciencer_gml_mid_ddydisps.csv")
    joined = reference.with_columns(pl.col("ccode1", "ccode2", "year").cast(pl.Int16)).join(
        full, on=["ccode1", "ccode2", "year"], suffix="_panel"
    )
    # Every dispute dyad-year between system members lands with its values.
    assert joined.height > 9000
    for column in ("gmlmidonset", "gmlmidongoing", "dispnum", "hostlev1", "fatality"):
        assert (joined[column] == joined[f"{column}_panel"]).all(), column


def test_nmc_missing_codes_are_null(full: pl.DataFrame) -> None:
    assert full["milex1"].min() >= 0  # no -9 leaked as a number


def test_gleditsch_capdist_uses_the_crosswalk() -> None:
    codes = pl.DataFrame({"ccode": [255, 255, 679, 946, 970, 2],
                          "year": [1900, 1995, 1995, 2000, 2000, 2000]})  # fmt: skip
    assert codes.select(cow_to_gw()).to_series().to_list() == [255, 260, 678, 970, 971, 2]
    frame = (
        create_dyad_years(range(1995, 2001)).pipe(add_capital_distance, source="gleditsch").frame
    )
    yemen = _row(frame, 679, 2, 1995)["capdist"]
    assert yemen is not None and yemen > 10_000
    # Nauru (COW 970, G&W 971) is not in capdist: missing, never Kiribati's (G&W 970).
    assert _row(frame, 970, 2, 2000)["capdist"] is None


def test_minimum_distance_symmetric_and_bounded() -> None:
    frame = create_dyad_years(range(1880, 1891)).pipe(add_minimum_distance).frame
    assert frame.filter(pl.col("year") < 1886)["mindist"].null_count() == frame.filter(
        pl.col("year") < 1886).height  # fmt: skip
    a, b = _row(frame, 2, 200, 1890)["mindist"], _row(frame, 200, 2, 1890)["mindist"]
    assert a == b and a is not None


def test_mme_maps_gw_to_cow() -> None:
    part = read_mme_participants()
    germany = part.filter(pl.col("gwcode") == 260)
    assert set(germany.filter(pl.col("year") <= 1989)["ccode"]) == {260}
    assert set(germany.filter(pl.col("year") >= 1991)["ccode"]) == {255}
    assert set(part.filter(pl.col("country") == "Vietnam")["ccode"]) == {816}
    assert part.filter(pl.col("country") == "NATO").height == 0
    frame = create_dyad_years(range(1979, 1991)).pipe(add_mme).frame
    assert frame.filter(pl.col("year") == 1979)["mme_any"].null_count() > 0
    assert _row(frame, 2, 20, 1985)["mme_exercises"] > 0


def test_state_years_and_prd() -> None:
    states = (
        create_state_years(range(1950, 2011))
        .pipe(add_nmc)
        .pipe(add_gml_mids)
        .pipe(add_us_troops)
        .pipe(add_contiguity)
        .pipe(add_capital_distance)
        .frame
    )
    usa = states.filter((pl.col("ccode") == 2) & (pl.col("year") == 1950)).row(0, named=True)
    assert usa["land"] == 2 and usa["mincapdist"] == pytest.approx(735, abs=5)
    germany = states.filter((pl.col("ccode") == 260) & (pl.col("year") == 1960))
    assert germany["us_troops"].item() > 100_000
    prd = create_dyad_years(range(1950, 1951)).pipe(add_contiguity).pipe(add_cow_majors).pipe(
        filter_prd)  # fmt: skip
    assert ((prd.frame["conttype"] == 1) | (prd.frame["cowmaj1"] == 1)
            | (prd.frame["cowmaj2"] == 1)).all()  # fmt: skip


def test_build_panel_cites_what_it_used() -> None:
    panel = build_panel(Unit.DYAD_YEAR, range(2000, 2001), ["atop", "dca"])
    text = " ".join(citations(panel))
    assert "Leeds" in text and "Kinne" in text and "Singer" not in text
