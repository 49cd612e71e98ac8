"""Geography: COW contiguity, capital-to-capital distance and minimum distance.

* ``conttype`` (peacesciencer's ``add_contiguity``, ``slice = "first"``): the contiguity
  relationship in force at the start of the year, or when the dyad's first record of the
  year begins: 1 land or river, 2-5 water up to 12/24/150/400 miles, 0 not contiguous in
  1816-2016, missing after. State-years get ``land`` and ``sea`` borders counted the same
  way.
* ``capdist`` (km): great-circle distance between the capitals in force on 1 January
  (peacesciencer's ``capitals``, Vincenty formula on a sphere of radius 6,378,137 m), or
  with ``source="gleditsch"`` Gleditsch's capdist joined through the COW to G&W
  crosswalk. State-years get ``mincapdist``, the distance to the nearest other capital.
* ``mindist`` (km): CShapes 2.0 minimum distance between the two states' territories,
  1886-2019, missing outside those years.
"""

from __future__ import annotations

from typing import Literal

import polars as pl

from foedus.datasets.cow_contiguity import COVERAGE as CONTIGUITY_COVERAGE
from foedus.datasets.cow_contiguity import read_contiguity
from foedus.datasets.distance import MINDIST_COVERAGE, cow_to_gw, read_capdist, read_capitals
from foedus.datasets.distance import read_mindist as _read_mindist
from foedus.panels._cache import cached_table
from foedus.panels._join import (
    Lookup,
    helper_name,
    join_dyadic,
    join_monadic,
    monadic_values,
)
from foedus.panels.units import Panel, Unit, require_unit

__all__ = [
    "EARTH_RADIUS_M",
    "add_capital_distance",
    "add_contiguity",
    "add_minimum_distance",
    "capital_distance_lookup",
    "capital_years",
    "contiguity_dyad_years",
]

EARTH_RADIUS_M = 6378137.0


def contiguity_dyad_years() -> pl.DataFrame:
    """Directed contiguity dyad-years (``ccode1, ccode2, year, conttype``), first record of
    each year as peacesciencer's ``slice = "first"`` picks it.
    """

    def build() -> pl.DataFrame:
        records = (
            read_contiguity()
            .with_columns(pl.int_ranges("styear", pl.col("endyear") + 1).alias("year"))
            .explode("year")
        )
        first_month = pl.when(pl.col("year") == pl.col("styear")).then(pl.col("stmonth"))
        records = records.with_columns(first_month.otherwise(1).alias("month"))
        return (
            records.sort("month", "record")
            .group_by("ccode1", "ccode2", "year", maintain_order=True)
            .first()
            .select("ccode1", "ccode2", "year", pl.col("conttype").cast(pl.Int8))
            .sort("ccode1", "ccode2", "year")
        )

    return cached_table("contiguity", build)


def add_contiguity(panel: Panel) -> Panel:
    """Add COW contiguity: ``conttype`` to dyad-years, ``land``/``sea`` to state-years."""
    panel = require_unit(panel, "add_contiguity", Unit.DYAD_YEAR, Unit.STATE_YEAR)
    table = contiguity_dyad_years()
    first, last = CONTIGUITY_COVERAGE
    covered = pl.col("year").is_between(first, last)
    if panel.unit is Unit.DYAD_YEAR:
        frame = join_dyadic(panel.frame, table).with_columns(
            pl.when(pl.col("conttype").is_null() & covered).then(0)
            .otherwise(pl.col("conttype")).cast(pl.Int8).alias("conttype")
        )  # fmt: skip
        return panel.with_frame(frame, "cow_contiguity")
    borders = table.group_by(pl.col("ccode1").alias("ccode"), "year").agg(
        (pl.col("conttype") == 1).sum().cast(pl.Int16).alias("land"),
        (pl.col("conttype") > 1).sum().cast(pl.Int16).alias("sea"),
    )
    frame = join_monadic(panel.frame, borders, ["land", "sea"], dyadic=False).with_columns(
        pl.when(pl.col(c).is_null() & covered).then(0).otherwise(pl.col(c)).alias(c)
        for c in ("land", "sea")
    )
    return panel.with_frame(frame, "cow_contiguity")


def capital_years() -> pl.DataFrame:
    """``ccode, year, lat, lng`` of each state's capital on 1 January of the year."""

    def build() -> pl.DataFrame:
        capitals = read_capitals().with_row_index("order")
        return (
            capitals.with_columns(
                pl.int_ranges(pl.col("stdate").dt.year(), pl.col("enddate").dt.year() + 1).alias(
                    "year"
                )
            )
            .explode("year")
            .sort("stdate", "order")
            .group_by("ccode", "year", maintain_order=True)
            .first()
            .select("ccode", "year", "lat", "lng")
            .sort("ccode", "year")
        )

    return cached_table("capitals", build)


def _great_circle_km(places: pl.DataFrame) -> pl.Series:
    """Vincenty's formula on a sphere (geosphere's ``distVincentySphere``), in km, between
    every two of ``places`` (``lat, lng`` in degrees): entry ``i * n + j`` is the distance
    from place ``i`` to place ``j``. Sines and cosines are taken once per place.
    """
    radians = places.select(
        pl.col("lat").radians().sin().alias("sin"),
        pl.col("lat").radians().cos().alias("cos"),
        pl.col("lng").radians().alias("lng"),
    )
    pairs = radians.join(radians, how="cross", suffix="2", maintain_order="left_right")
    sin1, cos1, lng1, sin2, cos2, lng2 = (pl.col(n) for n in pairs.columns)
    dlng = lng1 - lng2
    east = cos2 * dlng.sin()
    north = cos1 * sin2 - sin1 * cos2 * dlng.cos()
    x = (east * east + north * north).sqrt()
    y = sin1 * sin2 + cos1 * cos2 * dlng.cos()
    return pairs.select(pl.arctan2(x, y) * EARTH_RADIUS_M / 1000).to_series()


def _capital_distance(frame: pl.DataFrame) -> Lookup:
    """``capdist`` for each dyad-year: distances between the few hundred distinct capital
    locations are computed once, then each row looks its pair up.
    """
    years = capital_years()
    places = years.select("lat", "lng").unique(maintain_order=True).with_row_index("place")
    count = places.height
    place = years.join(places, on=["lat", "lng"], how="left", maintain_order="left")["place"]
    kind = pl.Int32 if count * count < 2**31 else pl.Int64
    first = monadic_values(years, frame, "ccode1", place).cast(kind)
    second = monadic_values(years, frame, "ccode2", place).cast(kind)
    pair = (first * count + second).alias(helper_name())
    capdist = pl.lit(_great_circle_km(places)).gather(pl.col(pair.name)).alias("capdist")
    return Lookup((pair,), (capdist,), ("capdist",), "distance")


def capital_distance_lookup(
    panel: Panel, *, source: Literal["capitals", "gleditsch"] = "capitals"
) -> Lookup | None:
    """:func:`add_capital_distance`'s ``capdist`` as a :class:`~foedus.panels._join.Lookup`
    for a dyad-year panel with ``source="capitals"``, else ``None`` (use the function).
    """
    panel = require_unit(panel, "add_capital_distance", Unit.DYAD_YEAR, Unit.STATE_YEAR)
    if panel.unit is Unit.STATE_YEAR or source != "capitals":
        return None
    return _capital_distance(panel.frame)


def add_capital_distance(
    panel: Panel, *, source: Literal["capitals", "gleditsch"] = "capitals"
) -> Panel:
    """Add capital-to-capital distance in km (``capdist``; ``mincapdist`` for state-years).

    ``source="capitals"`` (peacesciencer's method) uses each year's 1 January capital;
    ``source="gleditsch"`` uses Gleditsch's static capdist through the COW to G&W
    crosswalk (dyad-years only).
    """
    panel = require_unit(panel, "add_capital_distance", Unit.DYAD_YEAR, Unit.STATE_YEAR)
    if panel.unit is Unit.STATE_YEAR:
        from foedus.panels.create import create_dyad_years

        years = panel.frame.select(pl.col("year").min(), pl.col("year").max().alias("b")).row(0)
        dyads = create_dyad_years(range(int(years[0]), int(years[1]) + 1)).frame
        nearest = (
            _capital_distance(dyads)
            .apply(dyads)
            .group_by(pl.col("ccode1").alias("ccode"), "year")
            .agg(pl.col("capdist").min().alias("mincapdist"))
        )
        frame = panel.frame.join(nearest, on=["ccode", "year"], how="left")
        return panel.with_frame(frame, "distance")
    if source == "capitals":
        return panel.with_frame(_capital_distance(panel.frame).apply(panel.frame), "distance")
    capdist = cached_table("capdist", read_capdist).with_columns(
        pl.col("gw1", "gw2").cast(pl.Int16)
    )
    frame = (
        panel.frame.with_columns(
            cow_to_gw("ccode1").cast(pl.Int16).alias("_gw1"),
            cow_to_gw("ccode2").cast(pl.Int16).alias("_gw2"),
        )
        .join(capdist, left_on=["_gw1", "_gw2"], right_on=["gw1", "gw2"], how="left")
        .rename({"kmdist": "capdist"})
        .drop("_gw1", "_gw2")
    )
    return panel.with_frame(frame, "distance")


def add_minimum_distance(panel: Panel) -> Panel:
    """Add CShapes minimum distance in km (``mindist``) to a dyad-year panel, 1886-2019."""
    panel = require_unit(panel, "add_minimum_distance", Unit.DYAD_YEAR)
    table = cached_table("mindist", _read_mindist)
    both = pl.concat(
        [
            table,
            table.select(
                pl.col("ccode2").alias("ccode1"),
                pl.col("ccode1").alias("ccode2"),
                "year",
                "mindist",
            ),
        ]
    )
    first, last = MINDIST_COVERAGE
    frame = join_dyadic(panel.frame, both.filter(pl.col("year").is_between(first, last)))
    return panel.with_frame(frame, "distance")
