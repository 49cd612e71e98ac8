"""Counterbalancing: rivals' new partners and the state's own within a window."""

from __future__ import annotations

import polars as pl
import pytest

from foedus.analytics.network import (
    counterbalancing,
    counterbalancing_panel,
    counterbalancing_stratified,
    rivalries,
)


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


def _panel(tables: list[tuple[int, int, int, int]]) -> pl.DataFrame:
    """State-years from (exposed responders, exposed, unexposed responders, unexposed)."""
    rows = []
    for year, (a, n1, c, n0) in enumerate(tables, start=1990):
        rows += [(year, True, i < a) for i in range(n1)]
        rows += [(year, False, i < c) for i in range(n0)]
    frame = pl.DataFrame(rows, schema=["year", "exposed", "responds"], orient="row")
    return frame.with_columns(region=pl.lit("europe"))


def test_one_stratum_matches_scipys_conditional_odds_ratio() -> None:
    from scipy.stats.contingency import odds_ratio

    result = counterbalancing_stratified(_panel([(7, 10, 4, 12)]))
    expected = odds_ratio([[7, 3], [4, 8]], kind="conditional").statistic
    assert result["clogit_or"] == pytest.approx(expected, rel=1e-6)
    assert result["mh_risk_ratio"] == pytest.approx((7 / 10) / (4 / 12))
    assert result["mh_low"] < result["mh_risk_ratio"] < result["mh_high"]


def test_mantel_haenszel_by_hand_removes_a_time_trend() -> None:
    # Exposure is common in the late year, when everyone responds more.
    tables = [(1, 4, 4, 20), (12, 16, 3, 4)]
    panel = _panel(tables)
    raw = counterbalancing(panel)
    within = counterbalancing_stratified(panel)
    numerator = sum(a * n0 / (n1 + n0) for a, n1, _, n0 in tables)
    denominator = sum(c * n1 / (n1 + n0) for _, n1, c, n0 in tables)
    assert within["strata"] == 2 and within["state_years"] == 44
    assert within["mh_risk_ratio"] == pytest.approx(numerator / denominator)
    assert raw["risk_ratio"] == pytest.approx((13 / 20) / (7 / 24))  # 2.2: inflated by time
    assert 1.0 < within["mh_risk_ratio"] < 1.1  # within-year ratios are 1.25 and 1.0
