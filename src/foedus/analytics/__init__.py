"""Analytics over the registry's frames: one subpackage or module per family.

Subpackages are namespaces, imported by name (``foedus.analytics.network``), so that
importing one family does not load the dependencies of the others.
"""

from __future__ import annotations

__all__: list[str] = []
