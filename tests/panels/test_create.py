"""The base panels: dyad-years per year from COW membership, state-years, units."""

from __future__ import annotations

import polars as pl
import pytest

from foedus.datasets.cow_states import read_system
from foedus.errors import WrongUnit
from foedus.panels import (
    Panel,
    add_atop_alliance,
    add_minimum_distance,
    create_dyad_years,
    create_state_years,
)


def test_directed_dyads_per_year_are_n_times_n_minus_1() -> None:
    counts = (
        create_dyad_years(range(1816, 2017), drop_false_dyads=False).frame.group_by("year").len()
    )
    members = read_system().group_by("year").len().rename({"len": "n"})
    joined = counts.join(members, on="year").with_columns(
        (pl.col("n") * (pl.col("n") - 1)).alias("expected")
    )
    assert joined.height == 201
    assert (joined["len"] == joined["expected"]).all()


def test_default_matches_peacesciencer_rows_and_drops_only_false_dyads(dyads: Panel) -> None:
    assert dyads.frame.height == 1_987_950  # peacesciencer's directed 1816-2018 panel
    assert dyads.frame.select(pl.struct("ccode1", "ccode2", "year").is_unique().all()).item()
    # Suriname (115) joined in Nov 1975 after South Vietnam (817) left in April.
    rows = dyads.frame.filter(
        (pl.col("year") == 1975)
        & pl.col("ccode1").is_in([115, 817])
        & pl.col("ccode2").is_in([115, 817])
    )
    assert rows.height == 0
    # Years after 2016 repeat 2016's members.
    per_year = dyads.frame.group_by("year").len()
    assert per_year.filter(pl.col("year") == 2018)["len"].item() == 195 * 194


def test_non_directed_keeps_lower_code_first() -> None:
    frame = create_dyad_years(range(1900, 1901), directed=False).frame
    assert (frame["ccode1"] < frame["ccode2"]).all()
    assert frame.height * 2 == create_dyad_years(range(1900, 1901)).frame.height


def test_state_years_are_the_system_list() -> None:
    frame = create_state_years(range(1816, 2017)).frame
    assert frame.height == read_system().height


def test_wrong_unit_names_the_fix() -> None:
    with pytest.raises(WrongUnit, match=r"create_dyad_years\(\)"):
        add_minimum_distance(create_state_years(range(1900, 1901)))
    with pytest.raises(WrongUnit, match="Panel.from_frame"):
        add_atop_alliance(pl.DataFrame({"ccode1": [2], "ccode2": [20], "year": [1950]}))  # type: ignore[arg-type]


def test_from_frame_reads_pandas_attrs() -> None:
    pandas_frame = create_dyad_years(range(1950, 1951)).to_pandas()
    assert pandas_frame.attrs["unit"] == "dyad_year"
    panel = Panel.from_frame(pandas_frame)
    assert panel.directed and add_atop_alliance(panel).frame["atop_defense"].sum() > 0
