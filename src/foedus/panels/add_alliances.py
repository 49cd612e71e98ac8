"""Alliances and defense cooperation: ATOP obligations and DCAD agreements by dyad-year.

ATOP 5.1 obligations are computed from the member file, as ATOP's own directed
dyad-year file (``atop5_1ddyr``) codes them; :func:`atop_directed_dyad_years` reproduces
that file row for row (tests check it against peacesciencer's copy):

* a dyad-year exists when both states are members of one alliance at the same time,
  on at least one day of the year (an exit date is the first day out, so a successor
  entering that day does not overlap its predecessor); days ATOP leaves unknown count
  as the first of the month; member codes of 1000 and above (non-state members) are
  left out;
* the pledge is directed: ``atop_defense`` on (A, B) means A pledges defense to B,
  read from A's own obligations in the member file;
* where a phase changes within a year, the phase in force last in that year counts;
* in a few alliances ATOP flags obligations that differ by partner (``obvary``); the
  member file cannot say toward whom, ATOP's dyadic file does, and
  :data:`PARTNER_EXCEPTIONS` lists the directed pairs that make no such pledge.

DCAD (Kinne 2020) dyad-years: ``dca_general``, ``dca_sector`` and ``dca_any`` are 1
from an agreement's signing year to its estimated end year, in both directions, 0 in
other years of DCAD's coverage (1980-2010) and missing outside it.

State-years: ``dca_count``, ``dca_general_count`` and ``dca_sector_count`` count the
DCAs (of that type) in force for the state, by the same rule; the ATOP columns
``atop_defense_partners … atop_consul_partners`` count the states the state pledged
that obligation to (ATOP's directed dyad-years summed), 0 in 1815-2018 and missing
after.
"""

from __future__ import annotations

import polars as pl

from foedus.panels._cache import cached_table
from foedus.panels._join import fill_in_coverage, join_dyadic, join_monadic
from foedus.panels.units import Panel, Unit, require_unit

__all__ = [
    "ATOP_COVERAGE",
    "ATOP_OBLIGATIONS",
    "DCA_COVERAGE",
    "PARTNER_EXCEPTIONS",
    "add_atop_alliance",
    "add_dca",
    "atop_directed_dyad_years",
    "dca_dyad_years",
    "dca_state_years",
]

ATOP_COVERAGE = (1815, 2018)
DCA_COVERAGE = (1980, 2010)
ATOP_OBLIGATIONS = ("defense", "offense", "neutral", "nonagg", "consul")

#: (atopid, obligation) -> directed (member, partner) pairs where the member, though
#: coded with the obligation, does not make it to that partner (ATOP ``obvary``
#: alliances; from ATOP 5.1's directed dyad-year file). E.g. at Locarno (2130) Britain
#: and Italy guarantee the Franco-German-Belgian frontier; no one pledges to defend them.
PARTNER_EXCEPTIONS: dict[tuple[int, str], tuple[tuple[int, int], ...]] = {
    (1100, "defense"): ((200, 220), (230, 200), (230, 220), (235, 200), (235, 220)),
    (1110, "defense"): ((200, 255), (200, 300), (200, 365), (255, 200), (300, 200),
                        (365, 200)),
    (1110, "offense"): ((200, 255), (200, 365), (300, 255), (640, 255), (640, 365)),
    (1120, "defense"): ((200, 220), (200, 230), (220, 200), (220, 230), (230, 200),
                        (230, 220)),
    (1160, "defense"): ((200, 325), (220, 325), (325, 200), (325, 220)),
    (1205, "defense"): ((140, 160), (160, 140)),
    (1227, "neutral"): tuple((a, b) for a in (240, 245, 269, 271, 275)
                             for b in (240, 245, 269, 271, 275) if a != b),
    (1350, "offense"): ((255, 300),),
    (1355, "defense"): ((360, 325),),
    (2130, "defense"): ((200, 325), (211, 200), (211, 325), (220, 200), (220, 325),
                        (255, 200), (255, 211), (255, 220), (255, 325), (325, 200)),
    (2130, "nonagg"): ((211, 200), (211, 325), (220, 200), (220, 325), (255, 200),
                       (255, 325)),
    (3322, "neutral"): ((200, 220),),
}  # fmt: skip


def _day(year: str, month: str, day: str) -> pl.Expr:
    return (
        pl.col(year) * 10000
        + pl.col(month).fill_null(1).clip(1, 12) * 100
        + pl.col(day).fill_null(1).clip(1, 31)
    )


def atop_directed_dyad_years() -> pl.DataFrame:
    """ATOP 5.1 directed dyad-year obligations, 1815-2018, from the member file.

    Returns ``ccode1, ccode2, year`` and ``atop_defense … atop_consul`` (0/1), one row
    per directed dyad-year with at least one alliance in force (273,296 rows). Built
    once and cached (see :mod:`foedus.panels._cache`).
    """
    return cached_table("atop-ddy", _build_atop)


def _build_atop() -> pl.DataFrame:
    from foedus.datasets.atop import read_members  # with the agreement model: on a cache miss

    members = (
        read_members()
        .filter(pl.col("member") < 1000)
        .select(
            "atopid",
            "member",
            _day("yrent", "moent", "dayent").alias("start"),
            pl.when(pl.col("yrexit") == 0)
            .then(ATOP_COVERAGE[1] * 10000 + 1231)
            .otherwise(_day("yrexit", "moexit", "dayexit"))
            .alias("end"),
            *ATOP_OBLIGATIONS,
        )
    )
    pairs = (
        members.join(
            members.select("atopid", "member", "start", "end"), on="atopid", suffix="_b"
        )  # fmt: skip
        .filter(pl.col("member") != pl.col("member_b"))
        .with_columns(
            pl.max_horizontal("start", "start_b").alias("from"),
            pl.min_horizontal("end", "end_b").alias("to"),
        )
        .filter(pl.col("from") < pl.col("to"))
        .with_columns(
            pl.int_ranges(pl.col("from") // 10000, pl.col("to") // 10000 + 1).alias("year")
        )  # fmt: skip
        .explode("year")
    )
    latest = pl.col("from") == pl.col("from").max().over("atopid", "member", "member_b", "year")
    pairs = pairs.filter(latest)
    exceptions = pl.DataFrame(
        [(atopid, obligation, a, b) for (atopid, obligation), dyads in PARTNER_EXCEPTIONS.items()
         for a, b in dyads],
        schema={"atopid": pl.Int64, "obligation": pl.String, "member": pl.Int64,
                "member_b": pl.Int64},
        orient="row",
    )  # fmt: skip
    for obligation in ATOP_OBLIGATIONS:
        void = exceptions.filter(pl.col("obligation") == obligation).drop("obligation")
        flagged = pairs.join(void.with_columns(pl.lit(True).alias("_void")),
                             on=["atopid", "member", "member_b"], how="left")  # fmt: skip
        pairs = flagged.with_columns(
            pl.when(pl.col("_void")).then(0).otherwise(pl.col(obligation)).alias(obligation)
        ).drop("_void")
    return (
        pairs.group_by(
            pl.col("member").alias("ccode1"), pl.col("member_b").alias("ccode2"), "year"
        )  # fmt: skip
        .agg(pl.col(o).max().cast(pl.Int8).alias(f"atop_{o}") for o in ATOP_OBLIGATIONS)
        .sort("ccode1", "ccode2", "year")
    )


def add_atop_alliance(panel: Panel, *, ndir: bool = True) -> Panel:
    """Add ATOP 5.1 obligations (``atop_defense, atop_offense, atop_neutral, atop_nonagg,
    atop_consul``) to a dyad-year panel.

    Directed panels get ccode1's pledge to ccode2. On a non-directed panel, ``ndir=True``
    (peacesciencer's default) takes the pledge in either direction; ``ndir=False`` takes
    the lower code's pledge only. 0 means no pledge in 1815-2018; later years are missing.
    State-year panels get ``atop_defense_partners`` …: the number of states the state
    pledged each obligation to.
    """
    panel = require_unit(panel, "add_atop_alliance", Unit.DYAD_YEAR, Unit.STATE_YEAR)
    table = atop_directed_dyad_years()
    if panel.unit is Unit.STATE_YEAR:
        names = [f"atop_{o}_partners" for o in ATOP_OBLIGATIONS]
        partners = table.group_by(pl.col("ccode1").alias("ccode"), "year").agg(
            pl.col(f"atop_{o}").sum().cast(pl.Int16).alias(f"atop_{o}_partners")
            for o in ATOP_OBLIGATIONS
        )
        frame = join_monadic(panel.frame, partners, names, dyadic=False)
        return panel.with_frame(_counts_in(frame, names, ATOP_COVERAGE), "atop")
    if not panel.directed and ndir:
        table = (
            table.with_columns(
                pl.min_horizontal("ccode1", "ccode2").alias("low"),
                pl.max_horizontal("ccode1", "ccode2").alias("high"),
            )
            .group_by("low", "high", "year")
            .agg(pl.col(f"atop_{o}").max() for o in ATOP_OBLIGATIONS)
            .rename({"low": "ccode1", "high": "ccode2"})
        )
    columns = [f"atop_{o}" for o in ATOP_OBLIGATIONS]
    frame = join_dyadic(panel.frame, table).with_columns(fill_in_coverage(columns, *ATOP_COVERAGE))
    return panel.with_frame(frame, "atop")


def _counts_in(frame: pl.DataFrame, names: list[str], coverage: tuple[int, int]) -> pl.DataFrame:
    """Null counts become 0 in the years of ``coverage`` (Int16); outside, null stays."""
    covered = pl.col("year").is_between(*coverage)
    return frame.with_columns(
        pl.when(pl.col(n).is_null() & covered).then(0).otherwise(pl.col(n)).cast(pl.Int16)
        .alias(n)
        for n in names
    )  # fmt: skip


def dca_dyad_years() -> pl.DataFrame:
    """DCAD agreements as directed dyad-years: ``ccode1, ccode2, year, dca_general,
    dca_sector, dca_any`` (1 where an agreement of that type is in force), both directions.

    Rows come from :func:`foedus.datasets.dcad.check_dcad`: miscodings corrected, rows
    that cannot be placed (self-dyads) refused. An agreement is in force from its signing
    year to ``endYearEstimate`` (DCAD caps it at 2010).
    """
    return cached_table("dca-dy", _build_dca)


def _dca_years() -> pl.DataFrame:
    """One row per DCAD agreement, direction and year in force: ``DCAid, ccode1, ccode2,
    type, year`` (signing year to ``endYearEstimate``, which DCAD caps at 2010).
    """
    from foedus.datasets.cow_states import read_states  # on a cache miss only
    from foedus.datasets.dcad import check_dcad, read_dcad

    states = read_states().unique("ccode", keep="last")
    known = dict(zip(states["ccode"].to_list(), states["stateabb"].str.strip_chars().to_list(),
                     strict=True))  # fmt: skip
    rows, _ = check_dcad(read_dcad(), known)
    spans = rows.select(
        "DCAid", "ccode1", "ccode2", "type",
        pl.int_ranges("signYear", pl.col("endYearEstimate").fill_null(DCA_COVERAGE[1]) + 1)
        .alias("year"),
    ).explode("year")  # fmt: skip
    return pl.concat([spans, spans.rename({"ccode1": "ccode2", "ccode2": "ccode1"})
                      .select(spans.columns)])  # fmt: skip


def _build_dca() -> pl.DataFrame:
    both = _dca_years()
    return (
        both.group_by("ccode1", "ccode2", "year")
        .agg(
            (pl.col("type") == "general").any().cast(pl.Int8).alias("dca_general"),
            (pl.col("type") == "sector").any().cast(pl.Int8).alias("dca_sector"),
            pl.lit(1, pl.Int8).alias("dca_any"),
        )
        .sort("ccode1", "ccode2", "year")
    )


def dca_state_years() -> pl.DataFrame:
    """DCAs in force per state-year: ``ccode, year, dca_count, dca_general_count,
    dca_sector_count`` (states with at least one; built once, then cached).
    """

    def build() -> pl.DataFrame:
        general, sector = pl.col("type") == "general", pl.col("type") == "sector"
        return (
            _dca_years()
            .group_by(pl.col("ccode1").alias("ccode"), "year")
            .agg(
                pl.col("DCAid").n_unique().cast(pl.Int16).alias("dca_count"),
                pl.col("DCAid").filter(general).n_unique().cast(pl.Int16)
                .alias("dca_general_count"),
                pl.col("DCAid").filter(sector).n_unique().cast(pl.Int16)
                .alias("dca_sector_count"),
            )
            .sort("ccode", "year")
        )  # fmt: skip

    return cached_table("dca-sy", build)


def add_dca(panel: Panel) -> Panel:
    """Add DCAD defense cooperation agreements.

    Dyad-years: ``dca_general, dca_sector, dca_any``, 1 when an agreement of that type is
    in force, 0 in other years of 1980-2010, missing outside DCAD's coverage. State-years:
    ``dca_count, dca_general_count, dca_sector_count``, the agreements in force, 0 in
    other years of 1980-2010, missing outside.
    """
    panel = require_unit(panel, "add_dca", Unit.DYAD_YEAR, Unit.STATE_YEAR)
    if panel.unit is Unit.STATE_YEAR:
        names = ["dca_count", "dca_general_count", "dca_sector_count"]
        frame = join_monadic(panel.frame, dca_state_years(), names, dyadic=False)
        return panel.with_frame(_counts_in(frame, names, DCA_COVERAGE), "dcad")
    columns = ["dca_general", "dca_sector", "dca_any"]
    frame = join_dyadic(panel.frame, dca_dyad_years()).with_columns(
        fill_in_coverage(columns, *DCA_COVERAGE)
    )
    return panel.with_frame(frame, "dcad")
