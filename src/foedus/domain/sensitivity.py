"""Sensitivity levels of agreements and clearance levels of users (one ordered scale)."""

from __future__ import annotations

from enum import IntEnum

__all__ = ["Sensitivity"]


class Sensitivity(IntEnum):
    """Ordered sensitivity scale; a reader sees a record only if clearance >= sensitivity.

    Published research data is ``PUBLIC``. The integer value is what the database stores,
    so comparisons in SQL and in Python agree.
    """

    PUBLIC = 0
    INTERNAL = 1
    RESTRICTED = 2
    CONFIDENTIAL = 3
    SECRET = 4

    @classmethod
    def parse(cls, value: str | int) -> Sensitivity:
        """Read a level from its name (any case) or its integer value."""
        if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
            return cls(int(value))
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            names = ", ".join(level.name.lower() for level in cls)
            raise ValueError(f"unknown sensitivity {value!r}; use one of {names}") from None
