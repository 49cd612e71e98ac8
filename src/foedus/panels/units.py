"""Panels and their unit of analysis.

A :class:`Panel` is a polars frame that knows its unit of analysis (dyad-year or
state-year), whether dyads are directed, the state system its codes come from, and which
bundled datasets its columns were drawn from (for citations). Every ``add_*`` function
takes a panel first and returns a new one, so calls chain with :meth:`Panel.pipe`; a
function handed the wrong unit raises :class:`~foedus.errors.WrongUnit` naming the fix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec

import polars as pl

from foedus.errors import WrongUnit

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Panel", "Unit", "require_unit"]

P = ParamSpec("P")


class Unit(StrEnum):
    """Units of analysis a panel can have."""

    DYAD_YEAR = "dyad_year"
    STATE_YEAR = "state_year"


KEYS: dict[Unit, tuple[str, ...]] = {
    Unit.DYAD_YEAR: ("ccode1", "ccode2", "year"),
    Unit.STATE_YEAR: ("ccode", "year"),
}
_CREATE = {Unit.DYAD_YEAR: "create_dyad_years()", Unit.STATE_YEAR: "create_state_years()"}


@dataclass(frozen=True, slots=True)
class Panel:
    """A panel: its rows, unit of analysis, directedness, state system and sources.

    Examples
    --------
    >>> from foedus.panels import create_state_years, add_nmc
    >>> panel = create_state_years(years=range(1816, 1818)).pipe(add_nmc)
    >>> panel.unit, panel.collect().height
    (<Unit.STATE_YEAR: 'state_year'>, 46)
    """

    frame: pl.DataFrame
    unit: Unit
    directed: bool = True
    system: str = "cow"
    sources: tuple[str, ...] = field(default=("cow_states",))

    def pipe(self, func: Callable[Concatenate[Panel, P], Panel], *args: P.args,
             **kwargs: P.kwargs) -> Panel:  # fmt: skip
        """Apply ``func(self, *args, **kwargs)``: ``panel.pipe(add_atop_alliance)``."""
        return func(self, *args, **kwargs)

    def with_frame(self, frame: pl.DataFrame, source: str | None = None) -> Panel:
        """The same panel over new rows, adding ``source`` to the datasets used."""
        sources = self.sources if source is None or source in self.sources else (
            *self.sources, source)  # fmt: skip
        return replace(self, frame=frame, sources=sources)

    def collect(self) -> pl.DataFrame:
        """The rows as a polars DataFrame."""
        return self.frame

    def to_polars(self) -> pl.DataFrame:
        """Alias of :meth:`collect`."""
        return self.collect()

    def to_pandas(self) -> pd.DataFrame:
        """The rows as pandas, nullable dtypes; ``attrs`` carry unit, system and sources."""
        result = self.frame.to_pandas().convert_dtypes(dtype_backend="numpy_nullable")
        result.attrs.update(self.describe())
        return result

    def describe(self) -> dict[str, Any]:
        """Unit, directedness, system and sources, as stored in pandas ``attrs``."""
        return {"unit": str(self.unit), "directed": self.directed, "system": self.system,
                "sources": list(self.sources)}  # fmt: skip

    @classmethod
    def from_frame(
        cls, frame: pl.DataFrame | pd.DataFrame, unit: Unit | str | None = None
    ) -> Panel:
        """Wrap a frame made elsewhere; ``unit`` defaults to pandas ``attrs["unit"]``.

        The key columns of the unit must be present (``ccode1, ccode2, year`` or
        ``ccode, year``); directedness is read off the rows.
        """
        attrs: dict[str, Any] = {}
        if not isinstance(frame, pl.DataFrame):
            attrs = {str(key): value for key, value in frame.attrs.items()}
            frame = pl.from_pandas(frame)
        name = unit or attrs.get("unit")
        if name is None:
            raise WrongUnit("Panel.from_frame() needs unit='dyad_year' or unit='state_year' "
                            "(or a pandas frame whose attrs['unit'] says which)")  # fmt: skip
        kind = Unit(name)
        missing = [key for key in KEYS[kind] if key not in frame.columns]
        if missing:
            raise WrongUnit(f"a {kind} frame needs column(s) {', '.join(missing)}; "
                            f"build one with {_CREATE[kind]}")  # fmt: skip
        directed = kind is Unit.DYAD_YEAR and bool(
            frame.select((pl.col("ccode1") > pl.col("ccode2")).any()).item()
        )
        return cls(frame, kind, directed=directed or kind is Unit.STATE_YEAR,
                   system=str(attrs.get("system", "cow")),
                   sources=tuple(attrs.get("sources", ("cow_states",))))  # fmt: skip


def require_unit(panel: object, function: str, *units: Unit) -> Panel:
    """``panel`` if it is a :class:`Panel` of one of ``units``, else :class:`WrongUnit`.

    The message names the function, what it got, and how to get what it needs.
    """
    fixes = " or ".join(_CREATE[unit] for unit in units)
    wanted = " or ".join(str(unit).replace("_", "-") for unit in units)
    if not isinstance(panel, Panel):
        raise WrongUnit(
            f"{function}() takes a Panel, not {type(panel).__name__}; start the pipe with "
            f"{fixes}, or wrap your frame with Panel.from_frame(frame, unit=...)"
        )
    if panel.unit not in units:
        got = str(panel.unit).replace("_", "-")
        raise WrongUnit(f"{function}() needs a {wanted} panel but got a {got} panel; "
                        f"start the pipe with {fixes}")  # fmt: skip
    if panel.system != "cow":
        raise WrongUnit(f"{function}() merges on COW codes; build the panel with system='cow'")
    return panel
