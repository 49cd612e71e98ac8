"""Foedus: a workbench for defense cooperation agreements.

The registry of agreements (DCAD, ATOP and the user's own), text extraction, research
panels and network analytics, all offline on bundled, cited research data.
"""

from __future__ import annotations

from foedus.errors import FoedusError

__version__ = "0.1.0"

__all__ = ["FoedusError", "__version__"]
