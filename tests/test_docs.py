"""Documentation stays in step with the code: settings, import fields, CLI commands."""

from __future__ import annotations

from pathlib import Path

from foedus.config import SETTINGS
from foedus.services.exchange import FIELDS

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_every_setting_is_documented() -> None:
    text = (DOCS / "configuration.md").read_text()
    for setting in SETTINGS:
        assert f"| `{setting.name}` | `{setting.default}` | {setting.help} |" in text


def test_every_import_field_is_documented() -> None:
    text = (DOCS / "import-format.md").read_text()
    for field in FIELDS:
        assert f"| `{field}` |" in text
