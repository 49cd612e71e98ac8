"""Counterbalancing: rivals' new partners and the state's own within a window."""

from __future__ import annotations

import polars as pl
import pytest

from foedus.analytics.network import counterbalancing, counterbalancing_panel, rivalries


def test_rivalry_needs_repeated_disputes_within_memory() -> None:
    disputes = pl.DataFrame(
        {"dispnum": [1, 1, 2, 3, 9], "ccode1": [2, 2, 365, 2, 2],
         "ccode2": [365, 365, 2, 365, 20], "year": [1950, 1951, 1958, 1975, 1960]}
    )  # fmt: skip
    rivals = rivalries(disputes, min_disputes=2, memory=10)
    years = rivals.filter((pl.col("ccode1") == 2) & (pl.col("ccode2") == 365))["year"]
    # Disputes began 1950 and 1958: both count 1958-1959; 1975 alone is too late.
    assert years.to_list() == [1958, 1959]
    assert rivals.filter(pl.col("ccode2") == 20).is_empty()


def test_exposure_and_response_by_hand() -> None:
    # 1990: A(1)-C(3). 1991: rival B(2) gains D(4). 1993: A gains E(5).
    dyads = pl.DataFrame(
        {"year": [1990, 1991, 1991, 1992, 1992, 1993, 1993, 1993, 1994, 1994, 1994],
         "ccode1": [1, 1, 2, 1, 2, 1, 1, 2, 1, 1, 2],
         "ccode2": [3, 3, 4, 3, 4, 3, 5, 4, 3, 5, 4],
         "weight": [1] * 11}
    )  # fmt: skip
    rivals = pl.DataFrame({"year": [1991, 1992], "ccode1": [1, 1], "ccode2": [2, 2]})
    panel = counterbalancing_panel(dyads, rivals, window=2)
    rows = {(r["year"], r["ccode"]): r for r in panel.to_dicts()}
    assert rows[(1991, 1)]["exposed"] and rows[(1991, 1)]["responds"]  # E in 1993
    assert not rows[(1992, 1)]["exposed"] and rows[(1992, 1)]["responds"]
    assert rows[(1991, 2)]["exposed"] is False  # A gained nobody in 1991
    assert (1993, 1) not in rows  # 1993 + 2 runs past the data
    summary = counterbalancing(panel)
    assert summary["exposed"] == 1 and summary["exposed_rate"] == 1.0
    assert summary["unexposed"] == 3
    assert summary["unexposed_rate"] == pytest.approx(1 / 3)  # only A in 1992 responds
