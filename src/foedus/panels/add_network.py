"""Network measures: degree, strength, centrality and common partners, by year.

The cooperation network of a year ties two states when both are parties to one
agreement in force at some time in that year (:mod:`foedus.analytics.network`). The
agreements are the bundled ones, mapped to party spells exactly as the registry loads
them (:func:`~foedus.datasets.dcad.dcad_agreements`,
:func:`~foedus.datasets.atop.atop_agreements`: a party is bound from its entry, else
the signing, to its exit, else the agreement's end); the analytics then build each
year's network over the COW system members (:func:`~foedus.analytics.network.build_networks`)
and measure it (:func:`~foedus.analytics.network.state_metrics`,
:func:`~foedus.analytics.network.adjacency`).

``source="dcad"`` (default) is the DCA network, 1980-2010; ``source="atop"`` the
alliance network, 1815-2018, whose columns carry the prefix ``atop_`` so both can sit
in one panel. Years outside the source's coverage are missing, not 0; a member without
ties in a covered year has degree 0.

* ``degree`` (``degree1``/``degree2``): partners in the network; ``strength``: ties
  summed over partners (a tie counts the agreements binding the pair);
* ``eigenvector``, ``betweenness``, ``clustering``: as in the network analytics;
* ``common_partners`` (dyad-years): states tied to both members of the dyad.

The tables are built once per source and cached; the analytics (NetworkX, SciPy) are
imported only when a network measure is asked for.
"""

from __future__ import annotations

from typing import Literal

import polars as pl

from foedus.domain.agreements import binding_spell
from foedus.errors import ConfigError
from foedus.panels._cache import cached_table
from foedus.panels._join import join_dyadic, join_monadic
from foedus.panels.add_alliances import ATOP_COVERAGE, DCA_COVERAGE
from foedus.panels.units import Panel, Unit, require_unit

__all__ = [
    "CENTRALITY",
    "NETWORK_COVERAGE",
    "add_common_partners",
    "add_network",
    "add_network_centrality",
    "add_network_degree",
    "common_partner_dyad_years",
    "network_state_years",
    "party_spells",
]

NetworkSource = Literal["dcad", "atop"]
NETWORK_COVERAGE: dict[str, tuple[int, int]] = {"dcad": DCA_COVERAGE, "atop": ATOP_COVERAGE}
_PREFIX = {"dcad": "", "atop": "atop_"}
#: Centrality measures of :func:`add_network_centrality`.
CENTRALITY = ("eigenvector", "betweenness", "clustering")


def _coverage(source: str) -> tuple[int, int]:
    if source not in NETWORK_COVERAGE:
        raise ConfigError(f"network source must be 'dcad' or 'atop', not {source!r}")
    return NETWORK_COVERAGE[source]


def party_spells(source: NetworkSource = "dcad") -> pl.DataFrame:
    """``agreement_id, ccode, start, end`` of every party to the bundled ``source``
    agreements, as :func:`foedus.storage.queries.agreement_party_spells` would read them
    from a registry loaded with the bundled data.
    """
    from foedus.datasets import atop, dcad
    from foedus.datasets.cow_states import read_states

    _coverage(source)
    states = read_states().unique("ccode", keep="last")
    names = dict(zip(states["ccode"].to_list(), states["statenme"].to_list(), strict=True))
    if source == "dcad":
        abbreviations = dict(
            zip(states["ccode"].to_list(), states["stateabb"].str.strip_chars().to_list(),
                strict=True)
        )  # fmt: skip
        kept, _ = dcad.check_dcad(dcad.read_dcad(), abbreviations)
        agreements = dcad.dcad_agreements(kept, names)
    else:
        agreements = atop.atop_agreements(atop.read_alliances(), atop.read_members(), names)
    rows = [
        (agreement.id, party.ccode,
         *binding_spell(party.joined, party.left, agreement.signed, agreement.ended))
        for agreement in agreements
        for party in agreement.parties
    ]  # fmt: skip
    schema = {"agreement_id": pl.String, "ccode": pl.Int64, "start": pl.Date, "end": pl.Date}
    return pl.DataFrame(rows, schema=schema, orient="row")


def _build_state_years(source: NetworkSource) -> pl.DataFrame:
    from foedus.analytics.network import build_networks, state_metrics

    first, last = _coverage(source)
    networks = build_networks(party_spells(source), first=first, last=last)
    rows = [
        {"ccode": row["ccode"], "year": year, "degree": row["degree"],
         "strength": row["strength"], **{name: row[name] for name in CENTRALITY}}
        for year, graph in networks.items()
        for row in state_metrics(graph)
    ]  # fmt: skip
    schema = {"ccode": pl.Int16, "year": pl.Int16, "degree": pl.Int16, "strength": pl.Int32}
    return pl.DataFrame(rows, schema=schema | dict.fromkeys(CENTRALITY, pl.Float64))


def network_state_years(source: NetworkSource = "dcad") -> pl.DataFrame:
    """``ccode, year, degree, strength, eigenvector, betweenness, clustering`` for every
    system member in every year of ``source``'s coverage (built once, then cached).
    """
    _coverage(source)
    return cached_table(f"network-{source}-state-years", lambda: _build_state_years(source))


def _build_common_partners(source: NetworkSource) -> pl.DataFrame:
    from foedus.analytics.network import adjacency, build_networks

    first, last = _coverage(source)
    frames = []
    for year, graph in build_networks(party_spells(source), first=first, last=last).items():
        nodes, matrix = adjacency(graph)
        shared = (matrix @ matrix).tocoo()
        codes = pl.Series(nodes, dtype=pl.Int16)
        pairs = pl.DataFrame(
            {"ccode1": codes.gather(shared.row), "ccode2": codes.gather(shared.col),
             "common_partners": pl.Series(shared.data).cast(pl.Int16)}
        )  # fmt: skip
        frames.append(
            pairs.filter(pl.col("ccode1") != pl.col("ccode2")).with_columns(
                pl.lit(year, pl.Int16).alias("year")
            )
        )
    return pl.concat(frames).select("ccode1", "ccode2", "year", "common_partners")


def common_partner_dyad_years(source: NetworkSource = "dcad") -> pl.DataFrame:
    """Directed dyad-years with at least one common partner: ``ccode1, ccode2, year,
    common_partners`` (both directions; built once, then cached).
    """
    _coverage(source)
    return cached_table(f"network-{source}-common", lambda: _build_common_partners(source))


def _add_monadic(panel: Panel, source: NetworkSource, names: list[str]) -> Panel:
    """Join ``names`` of :func:`network_state_years`, prefixed for ``source``."""
    dyadic = panel.unit is Unit.DYAD_YEAR
    prefix = _PREFIX[source]
    table = network_state_years(source).select(
        "ccode", "year", *[pl.col(name).alias(prefix + name) for name in names]
    )
    frame = join_monadic(panel.frame, table, [prefix + name for name in names], dyadic)
    return panel.with_frame(frame, source)


def add_network_degree(panel: Panel, *, source: NetworkSource = "dcad") -> Panel:
    """Add network degree and strength: ``degree``/``strength`` to state-years,
    ``degree1, degree2, strength1, strength2`` to dyad-years (``atop_…`` for ATOP).
    """
    panel = require_unit(panel, "add_network_degree", Unit.DYAD_YEAR, Unit.STATE_YEAR)
    _coverage(source)
    return _add_monadic(panel, source, ["degree", "strength"])


def add_network_centrality(panel: Panel, *, source: NetworkSource = "dcad") -> Panel:
    """Add eigenvector and betweenness centrality and clustering for each state."""
    panel = require_unit(panel, "add_network_centrality", Unit.DYAD_YEAR, Unit.STATE_YEAR)
    _coverage(source)
    return _add_monadic(panel, source, list(CENTRALITY))


def add_common_partners(panel: Panel, *, source: NetworkSource = "dcad") -> Panel:
    """Add ``common_partners`` (``atop_common_partners``): states tied to both members
    of the dyad in that year's network; 0 in covered years, missing outside them.
    """
    panel = require_unit(panel, "add_common_partners", Unit.DYAD_YEAR)
    first, last = _coverage(source)
    name = _PREFIX[source] + "common_partners"
    table = common_partner_dyad_years(source).rename({"common_partners": name})
    if not panel.directed:
        table = table.filter(pl.col("ccode1") < pl.col("ccode2"))
    covered = pl.col("year").is_between(first, last)
    frame = join_dyadic(panel.frame, table).with_columns(
        pl.when(pl.col(name).is_null() & covered).then(0).otherwise(pl.col(name))
        .cast(pl.Int16).alias(name)
    )  # fmt: skip
    return panel.with_frame(frame, source)


def add_network(panel: Panel, *, source: NetworkSource = "dcad") -> Panel:
    """The ``--with network`` set: degree and strength, and for dyad-years common
    partners (:func:`add_network_degree`, :func:`add_common_partners`).
    """
    panel = add_network_degree(panel, source=source)
    if panel.unit is Unit.DYAD_YEAR:
        panel = add_common_partners(panel, source=source)
    return panel
