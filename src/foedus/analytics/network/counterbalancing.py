"""Counterbalancing: do states add partners when their rivals do?

Rivals are dyads with repeated militarised disputes (MID history): at least
``min_disputes`` distinct disputes in the ``memory`` years up to and including the
year. A state-year is *exposed* when one of its rivals gained a new partner that year
(other than the state itself); it *responds* when the state itself gains a new partner
within the next ``window`` years. The raw signal (:func:`counterbalancing`) compares
the response rate of exposed state-years with that of state-years whose rivals gained
no partner. Only states with at least one rival enter, and only years whose whole
window lies inside the data.

Cooperation comes in waves (the 1990s surge of DCAs raises exposure and response
alike), so the raw comparison confounds counterbalancing with time.
:func:`counterbalancing_stratified` compares exposed and unexposed state-years
*within the same year* (or year and region): the Mantel-Haenszel risk ratio with its
Greenland-Robins confidence interval, and the conditional-logit odds ratio (logistic
regression with one intercept per stratum, estimated by conditional maximum
likelihood, which for one binary regressor is the common odds ratio of Fisher's
non-central hypergeometric distribution) with a Wald interval and p-value.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import polars as pl
from numpy.typing import NDArray
from scipy.optimize import brentq
from scipy.stats import nchypergeom_fisher, norm

from foedus.domain.states import cow_region

__all__ = [
    "counterbalancing",
    "counterbalancing_by_year",
    "counterbalancing_panel",
    "counterbalancing_stratified",
    "rivalries",
]


def _both_ways(frame: pl.DataFrame, other: str) -> pl.DataFrame:
    forward = frame.select("year", pl.col("ccode1").alias("ccode"), pl.col("ccode2").alias(other))
    backward = frame.select("year", pl.col("ccode2").alias("ccode"), pl.col("ccode1").alias(other))
    return pl.concat([forward, backward]).unique()


def rivalries(disputes: pl.DataFrame, *, min_disputes: int = 3, memory: int = 20) -> pl.DataFrame:
    """Rival dyad-years (``year``, ``ccode1 < ccode2``) from dispute dyad-years.

    ``disputes`` has ``dispnum``, ``ccode1``, ``ccode2`` and ``year`` (one row per
    dispute, dyad and year, either direction). A dyad is a rivalry in year ``t`` from
    its ``min_disputes``-th dispute in the ``memory`` years ending in ``t``.

    >>> disputes = pl.DataFrame({"dispnum": [1, 2, 3], "ccode1": [2, 365, 2],
    ...                          "ccode2": [365, 2, 365], "year": [1950, 1955, 1960]})
    >>> rivalries(disputes, min_disputes=3, memory=20)["year"].to_list()[:3]
    [1960, 1961, 1962]
    """
    onsets = (
        disputes.select(
            "dispnum",
            pl.min_horizontal("ccode1", "ccode2").alias("ccode1"),
            pl.max_horizontal("ccode1", "ccode2").alias("ccode2"),
            "year",
        )
        .group_by("dispnum", "ccode1", "ccode2")
        .agg(pl.col("year").min())
    )
    years = onsets.select(
        "dispnum", "ccode1", "ccode2", pl.int_ranges("year", pl.col("year") + memory).alias("year")
    ).explode("year")
    return (
        years.group_by("year", "ccode1", "ccode2")
        .agg(pl.col("dispnum").n_unique().alias("disputes"))
        .filter(pl.col("disputes") >= min_disputes)
        .select(pl.col("year").cast(pl.Int64), "ccode1", "ccode2")
        .sort("year", "ccode1", "ccode2")
    )


def counterbalancing_panel(
    dyads: pl.DataFrame, rivals: pl.DataFrame, *, window: int = 3
) -> pl.DataFrame:
    """State-years of states with rivals: ``year``, ``ccode``, ``region``, ``rivals``,
    ``exposed`` (a rival gained a partner) and ``responds`` (the state gains one within
    ``window`` years).

    ``dyads`` is a :func:`~foedus.analytics.network.build.dyad_years` frame (its first
    year only serves as the baseline for new partners); ``rivals`` a
    :func:`rivalries` frame.
    """
    partners = _both_ways(dyads, "partner")
    first, last = int(dyads["year"].min()), int(dyads["year"].max())  # type: ignore[arg-type]
    previous = partners.with_columns(pl.col("year") + 1)
    gains = partners.filter(pl.col("year") > first).join(
        previous, on=["year", "ccode", "partner"], how="anti"
    )
    rival_pairs = _both_ways(rivals, "rival").filter(pl.col("year").is_between(first + 1, last))
    exposed = (
        rival_pairs.join(gains.rename({"ccode": "rival"}), on=["year", "rival"])
        .filter(pl.col("partner") != pl.col("ccode"))
        .select("year", "ccode")
        .unique()
        .with_columns(pl.lit(True).alias("exposed"))
    )
    gain_years = gains.select("year", "ccode").unique()
    responses = (
        pl.concat([gain_years.with_columns(pl.col("year") - lag) for lag in range(1, window + 1)])
        .unique()
        .with_columns(pl.lit(True).alias("responds"))
    )
    return (
        rival_pairs.filter(pl.col("year") <= last - window)
        .group_by("year", "ccode")
        .agg(pl.len().alias("rivals"))
        .join(exposed, on=["year", "ccode"], how="left")
        .join(responses, on=["year", "ccode"], how="left")
        .with_columns(
            pl.col("exposed").fill_null(False),
            pl.col("responds").fill_null(False),
            pl.col("ccode")
            .map_elements(lambda c: cow_region(c) or "", return_dtype=pl.String)
            .alias("region"),
        )
        .select("year", "ccode", "region", "rivals", "exposed", "responds")
        .sort("year", "ccode")
    )


def counterbalancing(panel: pl.DataFrame, *, region: str | None = None) -> dict[str, Any]:
    """Response rates of exposed and unexposed state-years (in ``region`` if given).

    Returns ``exposed`` and ``unexposed`` (state-years), their ``exposed_rate`` and
    ``unexposed_rate`` of adding a partner, the ``difference`` and the ``risk_ratio``.

    >>> panel = pl.DataFrame({"region": ["europe"] * 4, "exposed": [True, True, False, False],
    ...                       "responds": [True, True, True, False]})
    >>> counterbalancing(panel)["risk_ratio"]
    2.0
    """
    rows = panel if region is None else panel.filter(pl.col("region") == region)
    out: dict[str, Any] = {"region": region or "all"}
    for name, flag in (("exposed", True), ("unexposed", False)):
        group = rows.filter(pl.col("exposed") == flag)
        out[name] = group.height
        out[f"{name}_rate"] = float(group["responds"].mean()) if group.height else None  # type: ignore[arg-type]
    hit, miss = out["exposed_rate"], out["unexposed_rate"]
    out["difference"] = hit - miss if hit is not None and miss is not None else None
    out["risk_ratio"] = hit / miss if hit is not None and miss else None
    return out


Counts = NDArray[np.int64]


def _tables(panel: pl.DataFrame, by: Sequence[str]) -> pl.DataFrame:
    """One 2x2 table per stratum: ``a`` exposed responders, ``n1`` exposed, ``c``
    unexposed responders, ``n0`` unexposed."""
    return panel.group_by(*by).agg(
        (pl.col("exposed") & pl.col("responds")).sum().cast(pl.Int64).alias("a"),
        pl.col("exposed").sum().cast(pl.Int64).alias("n1"),
        (~pl.col("exposed") & pl.col("responds")).sum().cast(pl.Int64).alias("c"),
        (~pl.col("exposed")).sum().cast(pl.Int64).alias("n0"),
    )


_Z95 = float(norm.ppf(0.975))


def _conditional_logit(a: Counts, n1: Counts, m1: Counts, total: Counts) -> dict[str, Any]:
    """Conditional MLE of the common odds ratio: ``a`` exposed responders among ``m1``
    responders in strata of ``total`` state-years, ``n1`` of them exposed."""
    none = dict.fromkeys(("clogit_or", "clogit_low", "clogit_high", "clogit_p"))
    low = np.maximum(0, m1 - (total - n1))
    high = np.minimum(n1, m1)
    if a.size == 0 or a.sum() in (low.sum(), high.sum()):
        return none  # every stratum at a bound: the estimate is 0 or infinite

    def score(beta: float) -> float:
        return float(a.sum() - nchypergeom_fisher.mean(total, n1, m1, math.exp(beta)).sum())

    beta = brentq(score, -20.0, 20.0, xtol=1e-10)
    information = float(nchypergeom_fisher.var(total, n1, m1, math.exp(beta)).sum())
    error = 1.0 / math.sqrt(information)
    return {
        "clogit_or": math.exp(beta),
        "clogit_low": math.exp(beta - _Z95 * error),
        "clogit_high": math.exp(beta + _Z95 * error),
        "clogit_p": float(2.0 * norm.sf(abs(beta) / error)),
    }


def counterbalancing_stratified(
    panel: pl.DataFrame, *, by: Sequence[str] = ("year",), region: str | None = None
) -> dict[str, Any]:
    """Exposed against unexposed state-years within strata (default: the same year).

    Only strata holding both exposed and unexposed state-years inform the comparison;
    ``strata`` and ``state_years`` count them. Returns the Mantel-Haenszel
    ``mh_risk_ratio`` with its 95 % interval (``mh_low``, ``mh_high``; Greenland-Robins
    variance) and the conditional-logit ``clogit_or`` with its Wald interval and
    ``clogit_p``. ``by`` can add ``region`` (year-region strata) or any panel column.

    When the raw gap comes only from years in which everyone adds partners, the
    stratified ratio is 1:

    >>> panel = pl.DataFrame({
    ...     "year": [1990] * 4 + [1991] * 4, "region": ["asia"] * 8,
    ...     "exposed": [True, False, False, False, True, True, True, False],
    ...     "responds": [False, False, False, False, True, True, True, True]})
    >>> counterbalancing(panel)["risk_ratio"]
    3.0
    >>> result = counterbalancing_stratified(panel)
    >>> result["strata"], result["mh_risk_ratio"]
    (2, 1.0)
    """
    rows = panel if region is None else panel.filter(pl.col("region") == region)
    tables = _tables(rows, by).filter((pl.col("n1") > 0) & (pl.col("n0") > 0))
    a, n1, c, n0 = (tables[name].to_numpy().astype(float) for name in ("a", "n1", "c", "n0"))
    total = n1 + n0
    out: dict[str, Any] = {
        "region": region or "all",
        "strata": tables.height,
        "state_years": int(total.sum()),
        "mh_risk_ratio": None,
        "mh_low": None,
        "mh_high": None,
    }
    numerator, denominator = float((a * n0 / total).sum()), float((c * n1 / total).sum())
    if numerator > 0 and denominator > 0:
        ratio = numerator / denominator
        m1 = a + c
        variance = float(((n1 * n0 * m1 - a * c * total) / total**2).sum()) / (
            numerator * denominator
        )
        out["mh_risk_ratio"] = ratio
        if variance > 0:  # else too few state-years for an interval
            spread = _Z95 * math.sqrt(variance)
            out |= {"mh_low": ratio * math.exp(-spread), "mh_high": ratio * math.exp(spread)}
    return out | _conditional_logit(
        a.astype(np.int64), n1.astype(np.int64), (a + c).astype(np.int64), total.astype(np.int64)
    )


def counterbalancing_by_year(panel: pl.DataFrame) -> pl.DataFrame:
    """Response rates of exposed and unexposed state-years, year by year.

    Columns: ``year``, ``exposed``, ``unexposed`` (state-years), ``exposed_rate``,
    ``unexposed_rate`` (null for an empty group).
    """
    return (
        _tables(panel, ("year",))
        .select(
            "year",
            pl.col("n1").alias("exposed"),
            pl.col("n0").alias("unexposed"),
            pl.when(pl.col("n1") > 0).then(pl.col("a") / pl.col("n1")).alias("exposed_rate"),
            pl.when(pl.col("n0") > 0).then(pl.col("c") / pl.col("n0")).alias("unexposed_rate"),
        )
        .sort("year")
    )
