"""Panels by name: the variable sets the command line offers, and their citations."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

from foedus.datasets.catalog import DATASETS
from foedus.errors import ConfigError
from foedus.panels._join import refuse_overwrite
from foedus.panels.add_alliances import add_atop_alliance, add_dca
from foedus.panels.add_capabilities import add_cow_majors, add_nmc
from foedus.panels.add_conflict import add_cow_mids, add_gml_mids
from foedus.panels.add_democracy import add_democracy
from foedus.panels.add_geography import (
    add_capital_distance,
    add_contiguity,
    add_minimum_distance,
)
from foedus.panels.add_military import add_mme, add_us_troops
from foedus.panels.add_network import add_network
from foedus.panels.create import create_dyad_years, create_state_years
from foedus.panels.units import Panel, Unit

__all__ = ["ADDERS", "DYAD_ONLY", "build_panel", "citations"]

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
    names = list(variables)
    unknown = [n for n in names if n not in ADDERS]
    if unknown:
        raise ConfigError(f"unknown variable set(s) {', '.join(unknown)}; choose from "
                          f"{', '.join(ADDERS)}")  # fmt: skip
    if unit is Unit.STATE_YEAR:
        dyadic = [n for n in names if n in DYAD_ONLY]
        if dyadic:
            raise ConfigError(f"{', '.join(dyadic)} exist(s) for dyad-years only")
        panel = create_state_years(years)
    else:
        panel = create_dyad_years(years, directed=directed)
    if on_step:
        on_step("create")
    base = panel
    with ThreadPoolExecutor(max_workers=min(len(names), os.cpu_count() or 1) or 1) as pool:
        futures = {
            name: pool.submit(_add, base, name, (options or {}).get(name, {})) for name in names
        }
        for name in names:
            added = futures[name].result()
            refuse_overwrite(panel.frame, added.frame.columns[base.frame.width :])
            panel = replace(
                panel,
                frame=panel.frame.hstack(added.frame.get_columns()[base.frame.width :]),
                sources=tuple(dict.fromkeys(panel.sources + added.sources)),
            )
            if on_step:
                on_step(name)
    return panel


def _add(panel: Panel, name: str, options: Mapping[str, Any]) -> Panel:
    return ADDERS[name](panel, **options)


def citations(panel: Panel) -> list[str]:
    """The citations of every dataset the panel's columns came from, in order of use."""
    return [text for key in panel.sources for text in DATASETS[key].citations]
