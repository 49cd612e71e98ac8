"""The defense cooperation network: building, metrics, communities, formation, regions.

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
    counterbalancing_panel,
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
from foedus.analytics.network.plot import plot_network, plot_timeline
from foedus.analytics.network.regional import (
    REGIONS,
    agreement_asymmetry,
    blocs,
    capabilities,
    dependency,
    polarity,
    regional_summary,
)
from foedus.analytics.network.yearly import NetworkYears, analyse_years

__all__ = [
    "EXPORT_FORMATS",
    "REGIONS",
    "NetworkYears",
    "adjacency",
    "agreement_asymmetry",
    "analyse_years",
    "betweenness",
    "blocs",
    "build_network",
    "build_networks",
    "capabilities",
    "clustering",
    "counterbalancing",
    "counterbalancing_panel",
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
    "plot_network",
    "plot_timeline",
    "polarity",
    "regional_subgraph",
    "regional_summary",
    "rivalries",
    "state_metrics",
    "system_states",
    "track_communities",
]
