"""build_panel computes the variable sets side by side; the result must equal the pipe."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from foedus.panels import (
    Unit,
    add_atop_alliance,
    add_capital_distance,
    add_dca,
    add_democracy,
    add_gml_mids,
    add_nmc,
    build_panel,
    citations,
    create_dyad_years,
    create_state_years,
    plan_panel,
)


def test_concurrent_build_equals_sequential_pipe() -> None:
    years = range(1990, 1996)
    names = ["mids", "atop", "dca", "nmc", "distance", "democracy"]
    built = build_panel(Unit.DYAD_YEAR, years, names)
    piped = (
        create_dyad_years(years)
        .pipe(add_gml_mids)
        .pipe(add_atop_alliance)
        .pipe(add_dca)
        .pipe(add_nmc)
        .pipe(add_capital_distance)
        .pipe(add_democracy)
    )
    assert built.frame.columns == piped.frame.columns  # columns in the order asked
    assert built.frame.equals(piped.frame)
    assert built.sources == piped.sources


def test_a_plan_streamed_to_parquet_equals_the_pipe(tmp_path: Path) -> None:
    years = range(2000, 2003)
    plan = plan_panel(Unit.DYAD_YEAR, years, ["nmc", "atop", "democracy", "distance"])
    out = tmp_path / "plan.parquet"
    plan.frame.sink_parquet(out)
    written = pl.read_parquet(out)
    piped = (
        create_dyad_years(years)
        .pipe(add_nmc)
        .pipe(add_atop_alliance)
        .pipe(add_democracy)
        .pipe(add_capital_distance)
    )
    assert written.equals(piped.frame) and written.schema == piped.frame.schema
    assert (plan.height, plan.width) == written.shape  # no row-number helper written
    assert citations(plan) == citations(piped)


def test_options_the_lookups_do_not_cover_use_the_add_functions() -> None:
    years = range(1995, 1997)
    options = {"nmc": {"ratio": True}, "distance": {"source": "gleditsch"}}
    built = build_panel(Unit.DYAD_YEAR, years, ["nmc", "distance"], options=options)
    piped = (
        create_dyad_years(years)
        .pipe(add_nmc, ratio=True)
        .pipe(add_capital_distance, source="gleditsch")
    )
    assert "cinc_ratio" in built.frame.columns
    assert built.frame.equals(piped.frame)
    states = build_panel(Unit.STATE_YEAR, years, ["nmc", "distance", "democracy"])
    expected = (
        create_state_years(years).pipe(add_nmc).pipe(add_capital_distance).pipe(add_democracy)
    )
    assert states.frame.equals(expected.frame)


def test_two_sets_giving_the_same_columns_are_refused() -> None:
    import pytest

    from foedus.errors import DataError
    from foedus.panels import add_cow_mids

    with pytest.raises(DataError, match="already has column"):
        build_panel(Unit.DYAD_YEAR, range(1990, 1992), ["mids", "cowmids"])
    gml = create_dyad_years(range(1990, 1992)).pipe(add_gml_mids)
    with pytest.raises(DataError, match="dispnum"):  # the pipe refuses too, never overwrites
        gml.pipe(add_cow_mids)
