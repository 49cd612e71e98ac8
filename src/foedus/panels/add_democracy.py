"""Democracy: V-Dem polyarchy, Polity2 and extended UDS (peacesciencer's ``add_democracy``).

Dyad-years get ``v2x_polyarchy1, polity21, xm_qudsest1`` and the same for side 2;
state-years ``v2x_polyarchy, polity2, xm_qudsest``. Coverage 1816-2020; a state-year the
sources do not score is missing.
"""

from __future__ import annotations

from foedus.datasets.regime import DEMOCRACY_COLUMNS, read_democracy
from foedus.panels._cache import cached_table
from foedus.panels._join import Lookup, monadic_lookup
from foedus.panels.units import Panel, Unit, require_unit

__all__ = ["add_democracy", "democracy_lookup"]


def democracy_lookup(panel: Panel) -> Lookup:
    """:func:`add_democracy`'s columns as a :class:`~foedus.panels._join.Lookup`."""
    panel = require_unit(panel, "add_democracy", Unit.DYAD_YEAR, Unit.STATE_YEAR)
    table = cached_table("democracy", read_democracy)
    dyadic = panel.unit is Unit.DYAD_YEAR
    return monadic_lookup(panel.frame, table, DEMOCRACY_COLUMNS, dyadic, "regime")


def add_democracy(panel: Panel) -> Panel:
    """Add ``v2x_polyarchy``, ``polity2`` and ``xm_qudsest`` for each state of the panel."""
    lookup = democracy_lookup(panel)
    return panel.with_frame(lookup.apply(panel.frame), lookup.source)
