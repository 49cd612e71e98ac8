"""Imports point downward only: interfaces → services → analytics/panels →
datasets/extraction → storage → domain (errors and config sit beside domain)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "foedus"
LAYER = {
    "domain": 0, "errors": 0, "config": 0,
    "storage": 1,
    "datasets": 2, "extraction": 2,
    "panels": 3, "analytics": 3,
    "services": 4,
    "interfaces": 5,
}  # fmt: skip


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYER.get(parts[1]) if len(parts) > 1 and parts[0] == "foedus" else None


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_downward(path: Path) -> None:
    own = _layer("foedus." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))
    if own is None:
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module]
        else:
            continue
        for name in names:
            target = _layer(name)
            assert target is None or target <= own, f"{path.name} imports {name} (layer up)"
