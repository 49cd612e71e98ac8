"""build_panel computes the variable sets side by side; the result must equal the pipe."""

from __future__ import annotations

from foedus.panels import (
    Unit,
    add_atop_alliance,
    add_capital_distance,
    add_dca,
    add_gml_mids,
    add_nmc,
    build_panel,
    create_dyad_years,
)


def test_concurrent_build_equals_sequential_pipe() -> None:
    years = range(1990, 1996)
    names = ["mids", "atop", "dca", "nmc", "distance"]
    built = build_panel(Unit.DYAD_YEAR, years, names)
    piped = (
        create_dyad_years(years)
        .pipe(add_gml_mids)
        .pipe(add_atop_alliance)
        .pipe(add_dca)
        .pipe(add_nmc)
        .pipe(add_capital_distance)
    )
    assert built.frame.columns == piped.frame.columns  # columns in the order asked
    assert built.frame.equals(piped.frame)
    assert built.sources == piped.sources


def test_two_sets_giving_the_same_columns_are_refused() -> None:
    import pytest

    from foedus.errors import DataError
    from foedus.panels import add_cow_mids

    with pytest.raises(DataError, match="already has column"):
        build_panel(Unit.DYAD_YEAR, range(1990, 1992), ["mids", "cowmids"])
    gml = create_dyad_years(range(1990, 1992)).pipe(add_gml_mids)
    with pytest.raises(DataError, match="dispnum"):  # the pipe refuses too, never overwrites
        gml.pipe(add_cow_mids)
