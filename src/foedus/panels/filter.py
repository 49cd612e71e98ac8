"""Filters that remove rows from a panel (peacesciencer's ``filter_*``)."""

from __future__ import annotations

import polars as pl

from foedus.errors import WrongUnit
from foedus.panels.units import Panel, Unit, require_unit

__all__ = ["filter_prd"]


def filter_prd(panel: Panel) -> Panel:
    """Keep politically relevant dyads: land or river contiguity, or a major power on
    either side (Lemke and Reed's definition, as peacesciencer's ``filter_prd``).

    Needs ``conttype``, ``cowmaj1`` and ``cowmaj2``: pipe :func:`add_contiguity` and
    :func:`add_cow_majors` first.
    """
    panel = require_unit(panel, "filter_prd", Unit.DYAD_YEAR)
    have = panel.frame.columns
    missing = [c for c in ("conttype", "cowmaj1", "cowmaj2") if c not in have]
    if missing:
        raise WrongUnit(f"filter_prd() needs {', '.join(missing)}; pipe add_contiguity and "
                        "add_cow_majors before it")  # fmt: skip
    relevant = (pl.col("conttype") == 1) | (pl.col("cowmaj1") == 1) | (pl.col("cowmaj2") == 1)
    return panel.with_frame(panel.frame.filter(relevant))
