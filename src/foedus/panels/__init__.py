"""Research panels: dyad-years and state-years with variables from the bundled datasets.

``create_*`` builds the unit of analysis, ``add_*`` joins variables in, ``filter_*``
removes rows; each takes the panel first and returns a new one::

    panel = (
        create_dyad_years(range(1816, 2019))
        .pipe(add_atop_alliance)
        .pipe(add_dca)
        .pipe(add_nmc)
    )
    frame = panel.collect()          # polars; panel.to_pandas() for pandas

``build_panel`` does the same from variable-set names; ``plan_panel`` leaves the
state-level columns to be taken while the panel is written, so a file of millions of
dyad-years streams out without the whole panel in memory::

    plan = plan_panel(Unit.DYAD_YEAR, range(1816, 2019), ["atop", "nmc", "democracy"])
    plan.frame.sink_parquet("ddy.parquet")
"""

from __future__ import annotations

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
from foedus.panels.add_network import (
    add_common_partners,
    add_network,
    add_network_centrality,
    add_network_degree,
)
from foedus.panels.create import create_dyad_years, create_state_years
from foedus.panels.filter import filter_prd
from foedus.panels.recipe import ADDERS, PanelPlan, build_panel, citations, plan_panel
from foedus.panels.units import Panel, Unit

__all__ = [
    "ADDERS",
    "Panel",
    "PanelPlan",
    "Unit",
    "add_atop_alliance",
    "add_capital_distance",
    "add_common_partners",
    "add_contiguity",
    "add_cow_majors",
    "add_cow_mids",
    "add_dca",
    "add_democracy",
    "add_gml_mids",
    "add_minimum_distance",
    "add_mme",
    "add_network",
    "add_network_centrality",
    "add_network_degree",
    "add_nmc",
    "add_us_troops",
    "build_panel",
    "citations",
    "create_dyad_years",
    "create_state_years",
    "filter_prd",
    "plan_panel",
]
