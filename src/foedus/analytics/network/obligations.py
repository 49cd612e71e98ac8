"""ATOP alliances by obligation: defense, offense, neutrality, non-aggression, consultation.

ATOP codes each alliance's obligations; the registry keeps them as provision labels
(``mutual_defense``, ``offensive_support``, ``neutrality``, ``non_aggression``,
``consultation``). An alliance counts for an obligation when ATOP codes it at the
alliance level, that is when at least one member takes it on: ATOP's member-level
obligations (an asymmetric pact binds only some members to defend) are not kept in
the registry, so a tie here means "both states belong to an alliance with this
obligation", not "both owe it to each other". One alliance can carry several
obligations, so the obligation networks overlap.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import polars as pl

from foedus.analytics.network.build import build_networks
from foedus.analytics.network.metrics import network_metrics
from foedus.analytics.network.security import agreement_asymmetry_by_year
from foedus.datasets.atop import ATOP_PROVISIONS
from foedus.errors import AnalyticsError

__all__ = ["OBLIGATIONS", "obligation_series", "obligation_spells"]

#: Obligation name (as the command line takes it) -> the registry's provision label.
OBLIGATIONS: dict[str, str] = {
    "defense": ATOP_PROVISIONS["defense"],
    "offense": ATOP_PROVISIONS["offense"],
    "neutrality": ATOP_PROVISIONS["neutral"],
    "non_aggression": ATOP_PROVISIONS["nonagg"],
    "consultation": ATOP_PROVISIONS["consul"],
}


def obligation_spells(spells: pl.DataFrame, obligation: str) -> pl.DataFrame:
    """The party spells of the agreements that carry ``obligation``.

    ``obligation`` is a key of :data:`OBLIGATIONS` (``defense``...) or a provision
    label (``mutual_defense``...).

    >>> from datetime import date
    >>> spells = pl.DataFrame({"agreement_id": ["a", "b"], "ccode": [2, 20],
    ...                        "start": [date(1950, 1, 1)] * 2, "end": [None, None],
    ...                        "provisions": [["mutual_defense"], ["consultation"]]})
    >>> obligation_spells(spells, "defense")["agreement_id"].to_list()
    ['a']
    """
    label = OBLIGATIONS.get(obligation, obligation)
    if label not in OBLIGATIONS.values():
        raise AnalyticsError(f"unknown obligation {obligation!r}; choose {', '.join(OBLIGATIONS)}")
    if "provisions" not in spells:
        raise AnalyticsError("party spells lack the provisions column")
    return spells.filter(pl.col("provisions").list.contains(label))


def obligation_series(
    spells: pl.DataFrame,
    *,
    first: int,
    last: int,
    obligations: Iterable[str] = tuple(OBLIGATIONS),
) -> pl.DataFrame:
    """Size and density of each obligation's network, year by year.

    One row per obligation and year: ``obligation``, ``year``, ``agreements`` (in force
    with two or more parties in the state system), ``tied_states`` (states with at
    least one tie), ``edges``, ``density`` and ``largest_component``.
    """
    rows: list[dict[str, Any]] = []
    for obligation in obligations:
        subset = obligation_spells(spells, obligation)
        in_force = dict(
            agreement_asymmetry_by_year(subset, None, first=first, last=last)
            .group_by("year")
            .len()
            .iter_rows()
        )
        for year, G in build_networks(subset, first=first, last=last).items():
            figures = network_metrics(G)
            rows.append(
                {
                    "obligation": obligation,
                    "year": year,
                    "agreements": in_force.get(year, 0),
                    "tied_states": figures["nodes"] - figures["isolates"],
                    "edges": figures["edges"],
                    "density": figures["density"],
                    "largest_component": figures["largest_component"],
                }
            )
    return pl.DataFrame(rows, infer_schema_length=None)
