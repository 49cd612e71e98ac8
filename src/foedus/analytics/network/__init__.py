"""The defense cooperation network: building, metrics, communities, formation, regions,
regional security, obligations and counterbalancing.

Every function takes party spells (the registry's frame), networks or frames and
returns plain values or frames; :func:`analyse_years` runs them all for a span of
years.
"""

from __future__ import annotations

from foedus.analytics.network.build import (
    adjacency,
    build_network,
    build_networks,
    dyad_years,
    regional_subgraph,
    system_states,
)
from foedus.analytics.network.communities import (
    detect_communities,
    match_communities,
    modularity,
    track_communities,
)
from foedus.analytics.network.counterbalancing import (
    counterbalancing,
    counterbalancing_by_year,
    counterbalancing_panel,
    counterbalancing_stratified,
    rivalries,
)
from foedus.analytics.network.export import EXPORT_FORMATS, network_document
from foedus.analytics.network.formation import formation, formation_by_year
from foedus.analytics.network.metrics import (
    betweenness,
    clustering,
    degree_assortativity,
    eigenvector,
    network_metrics,
    state_metrics,
)
from foedus.analytics.network.obligations import OBLIGATIONS, obligation_series, obligation_spells
from foedus.analytics.network.plot import LAYOUTS, plot_network, plot_timeline
from foedus.analytics.network.regional import (
    DEPENDENCY_COLUMNS,
    REGIONS,
    agreement_asymmetry,
    blocs,
    capabilities,
    dependency,
    polarity,
    regional_summary,
)
from foedus.analytics.network.security import (
    RegionalSecurity,
    agreement_asymmetry_by_year,
    regional_security,
)
from foedus.analytics.network.yearly import NetworkYears, analyse_years

__all__ = [
    "DEPENDENCY_COLUMNS",
    "EXPORT_FORMATS",
    "LAYOUTS",
    "OBLIGATIONS",
    "REGIONS",
    "NetworkYears",
    "RegionalSecurity",
    "adjacency",
    "agreement_asymmetry",
    "agreement_asymmetry_by_year",
    "analyse_years",
    "betweenness",
    "blocs",
    "build_network",
    "build_networks",
    "capabilities",
    "clustering",
    "counterbalancing",
    "counterbalancing_by_year",
    "counterbalancing_panel",
    "counterbalancing_stratified",
    "degree_assortativity",
    "dependency",
    "detect_communities",
    "dyad_years",
    "eigenvector",
    "formation",
    "formation_by_year",
    "match_communities",
    "modularity",
    "network_document",
    "network_metrics",
    "obligation_series",
    "obligation_spells",
    "plot_network",
    "plot_timeline",
    "polarity",
    "regional_security",
    "regional_subgraph",
    "regional_summary",
    "rivalries",
    "state_metrics",
    "system_states",
    "track_communities",
]
