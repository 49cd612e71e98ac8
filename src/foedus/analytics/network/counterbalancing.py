"""Counterbalancing: do states add partners when their rivals do?

Rivals are dyads with repeated militarised disputes (MID history): at least
``min_disputes`` distinct disputes in the ``memory`` years up to and including the
year. A state-year is *exposed* when one of its rivals gained a new partner that year
(other than the state itself); it *responds* when the state itself gains a new partner
within the next ``window`` years. The signal compares the response rate of exposed
state-years with that of state-years whose rivals gained no partner. Only states with
at least one rival enter, and only years whose whole window lies inside the data.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from foedus.domain.states import cow_region

__all__ = ["counterbalancing", "counterbalancing_panel", "rivalries"]


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
