"""ATOP obligations against ATOP's own directed dyad-year file; DCAD presence."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from foedus.datasets.cow_states import read_states
from foedus.datasets.dcad import check_dcad, read_dcad
from foedus.panels import Panel, add_atop_alliance, add_dca, create_dyad_years
from foedus.panels.add_alliances import atop_directed_dyad_years

OBLIGATIONS = ["atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"]


def test_atop_equals_atop_ddyr_row_for_row(shared_dir: Path) -> None:
    reference = (
        pl.read_csv(shared_dir / "data/atop/peacesciencer_atop_alliance.csv")
        .with_columns(pl.col(OBLIGATIONS).cast(pl.Int8))
        .sort("ccode1", "ccode2", "year")
    )
    ours = atop_directed_dyad_years().sort("ccode1", "ccode2", "year")
    assert ours.height == reference.height == 273_296
    assert ours.equals(reference.select(ours.columns))


def test_atop_in_panel_is_directed_and_coverage_explicit(dyads: Panel) -> None:
    frame = dyads.pipe(add_atop_alliance).frame
    pledge = frame.filter((pl.col("year") == 1832) & pl.col("ccode1").is_in([211, 220])
                          & pl.col("ccode2").is_in([211, 220]))  # fmt: skip
    # France pledged to defend Belgium; Belgium made no pledge to France.
    assert dict(zip(pledge["ccode1"], pledge["atop_defense"], strict=True)) == {220: 1, 211: 0}
    assert frame.filter(pl.col("year") <= 2018)["atop_defense"].null_count() == 0
    assert frame.height == dyads.frame.height


def test_atop_non_directed_takes_either_direction() -> None:
    frame = create_dyad_years(range(1832, 1833), directed=False).pipe(add_atop_alliance).frame
    row = frame.filter((pl.col("ccode1") == 211) & (pl.col("ccode2") == 220))
    assert row["atop_defense"].item() == 1


def test_dca_reproduces_the_agreements(dyads: Panel) -> None:
    frame = dyads.pipe(add_dca).frame
    states = read_states().unique("ccode", keep="last")
    known = dict(zip(states["ccode"], states["stateabb"].str.strip_chars(), strict=True))
    agreements, issues = check_dcad(read_dcad(), known)
    assert any(issue.action == "refused" for issue in issues)
    expected = agreements.select(
        "ccode1", "ccode2", "type",
        pl.int_ranges("signYear", pl.col("endYearEstimate") + 1).alias("year"),
    ).explode("year")  # fmt: skip
    both = pl.concat([expected, expected.select(pl.col("ccode2").alias("ccode1"),
                      pl.col("ccode1").alias("ccode2"), "type", "year")])  # fmt: skip
    both = both.with_columns(pl.col("ccode1", "ccode2", "year").cast(pl.Int16))
    # Agreement-years outside the panel are those of a party no longer in the system
    # (Czechoslovakia's agreements run to 2010 in DCAD).
    members = create_dyad_years(range(1980, 2011)).frame
    members_of = set(zip(members["ccode1"], members["year"], strict=True))
    outside_panel = both.join(frame, on=["ccode1", "ccode2", "year"], how="anti")
    assert all(
        (a, y) not in members_of or (b, y) not in members_of
        for a, b, y in outside_panel.select("ccode1", "ccode2", "year").iter_rows()
    )
    assert outside_panel.height < 200
    # Every other agreement-year is present, with its type flagged.
    matched = both.join(frame, on=["ccode1", "ccode2", "year"])
    assert matched.height + outside_panel.height == both.height
    assert (matched["dca_any"] == 1).all()
    assert (matched.filter(pl.col("type") == "general")["dca_general"] == 1).all()
    assert (matched.filter(pl.col("type") == "sector")["dca_sector"] == 1).all()
    # And nothing else is marked present.
    present = frame.filter(pl.col("dca_any") == 1).select("ccode1", "ccode2", "year").unique()
    assert present.height == matched.select("ccode1", "ccode2", "year").unique().height
    # Missing, not zero, outside 1980-2010.
    outside = frame.filter(~pl.col("year").is_between(1980, 2010))
    assert outside["dca_any"].null_count() == outside.height
    assert frame.filter(pl.col("year").is_between(1980, 2010))["dca_any"].null_count() == 0
