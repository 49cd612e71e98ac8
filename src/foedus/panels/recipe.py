"""Panels by name: the variable sets the command line offers, and their citations."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

import polars as pl

from foedus.datasets.catalog import DATASETS
from foedus.errors import ConfigError
from foedus.panels._join import Lookup, refuse_overwrite
from foedus.panels.add_alliances import add_atop_alliance, add_dca
from foedus.panels.add_capabilities import add_cow_majors, add_nmc, nmc_lookup
from foedus.panels.add_conflict import add_cow_mids, add_gml_mids
from foedus.panels.add_democracy import add_democracy, democracy_lookup
from foedus.panels.add_geography import (
    add_capital_distance,
    add_contiguity,
    add_minimum_distance,
    capital_distance_lookup,
)
from foedus.panels.add_military import add_mme, add_us_troops
from foedus.panels.add_network import add_network
from foedus.panels.create import create_dyad_years, create_state_years
from foedus.panels.units import Panel, Unit

__all__ = ["ADDERS", "DYAD_ONLY", "LOOKUPS", "PanelPlan", "build_panel", "citations", "plan_panel"]

#: ``--with`` names and the function each adds.
ADDERS: dict[str, Callable[..., Panel]] = {
    "atop": add_atop_alliance,
    "dca": add_dca,
    "nmc": add_nmc,
    "majors": add_cow_majors,
    "contiguity": add_contiguity,
    "distance": add_capital_distance,
    "mindist": add_minimum_distance,
    "democracy": add_democracy,
    "mids": add_gml_mids,
    "cowmids": add_cow_mids,
    "mme": add_mme,
    "troops": add_us_troops,
    "network": add_network,
}
#: Variable sets that exist for dyad-years only.
DYAD_ONLY = frozenset({"mindist", "cowmids"})
#: Variable sets whose columns are looked up in a state-level table: these functions
#: give the same columns as their ``add_*`` as a :class:`~foedus.panels._join.Lookup`
#: (``None`` where options call for the ``add_*`` function).
LOOKUPS: dict[str, Callable[..., Lookup | None]] = {
    "nmc": nmc_lookup,
    "democracy": democracy_lookup,
    "distance": capital_distance_lookup,
}


@dataclass(frozen=True, slots=True)
class PanelPlan:
    """A panel whose looked-up columns are taken from their tables only when it is
    collected or written.

    ``frame`` is a lazy query over the panel's rows (``height``) giving every column in
    order. Sinking it to a file (``plan.frame.sink_parquet(...)``) takes the values batch
    by batch as they are written, so the two million dyad-years of state-level columns
    are never held whole. ``panel`` has the unit, directedness and sources (its own
    frame holds only the keys).
    """

    frame: pl.LazyFrame
    panel: Panel
    height: int
    width: int

    def collect(self) -> Panel:
        """The panel, every column computed."""
        return replace(self.panel, frame=self.frame.collect())


def build_panel(
    unit: Unit, years: range, variables: Iterable[str], *, directed: bool = True,
    on_step: Callable[[str], None] | None = None,
    options: Mapping[str, Mapping[str, Any]] | None = None,
) -> Panel:  # fmt: skip
    """Create a panel of ``unit`` for ``years`` and add each named variable set.

    Every ``add_*`` reads only the panel's key columns, so the sets are computed side by
    side on the base panel (polars releases the GIL) and their columns appended in the
    order asked; the result equals piping them one after another.

    ``options`` gives keyword arguments by set name, e.g. ``{"network": {"source":
    "atop"}}``. ``on_step(name)`` is called after each step (for progress display).
    Unknown names and dyad-only sets asked of a state-year panel raise
    :class:`~foedus.errors.ConfigError`.
    """
    return plan_panel(unit, years, variables, directed=directed, on_step=on_step,
                      options=options).collect()  # fmt: skip


def plan_panel(
    unit: Unit, years: range, variables: Iterable[str], *, directed: bool = True,
    on_step: Callable[[str], None] | None = None,
    options: Mapping[str, Mapping[str, Any]] | None = None,
) -> PanelPlan:  # fmt: skip
    """:func:`build_panel`, with the columns of :data:`LOOKUPS` left to be taken when the
    plan is collected or written (arguments and errors as for :func:`build_panel`).
    """
    names = list(variables)
    unknown = [n for n in names if n not in ADDERS]
    if unknown:
        raise ConfigError(f"unknown variable set(s) {', '.join(unknown)}; choose from "
                          f"{', '.join(ADDERS)}")  # fmt: skip
    if unit is Unit.STATE_YEAR:
        dyadic = [n for n in names if n in DYAD_ONLY]
        if dyadic:
            raise ConfigError(f"{', '.join(dyadic)} exist(s) for dyad-years only")
        base = create_state_years(years)
    else:
        base = create_dyad_years(years, directed=directed)
    if on_step:
        on_step("create")
    width = base.frame.width
    present = list(base.frame.columns)
    computed: list[pl.Series] = []
    columns: list[pl.Expr] = [pl.col(name) for name in present]
    sources = base.sources
    with ThreadPoolExecutor(max_workers=min(len(names), os.cpu_count() or 1) or 1) as pool:
        futures = {
            name: pool.submit(_add, base, name, (options or {}).get(name, {})) for name in names
        }
        for name in names:
            added = futures[name].result()
            source: tuple[str, ...]
            if isinstance(added, Lookup):
                refuse_overwrite(present, added.names)
                computed += added.helpers
                columns += added.columns
                present += added.names
                source = (added.source,)
            else:
                new = added.frame.get_columns()[width:]
                refuse_overwrite(present, [column.name for column in new])
                computed += new
                columns += [pl.col(column.name) for column in new]
                present += [column.name for column in new]
                source = added.sources
            sources = tuple(dict.fromkeys(sources + source))
            if on_step:
                on_step(name)
    frame = base.frame.hstack(computed).lazy().select(columns)
    return PanelPlan(frame, replace(base, sources=sources), base.frame.height, len(present))


def _add(panel: Panel, name: str, options: Mapping[str, Any]) -> Panel | Lookup:
    lookup = LOOKUPS.get(name)
    found = lookup(panel, **options) if lookup else None
    return found if found is not None else ADDERS[name](panel, **options)


def citations(panel: Panel | PanelPlan) -> list[str]:
    """The citations of every dataset the panel's columns came from, in order of use."""
    sources = panel.panel.sources if isinstance(panel, PanelPlan) else panel.sources
    return [text for key in sources for text in DATASETS[key].citations]
