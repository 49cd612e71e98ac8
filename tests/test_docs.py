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


def test_cli_reference_lists_exactly_the_commands() -> None:
    import re

    from foedus.interfaces.cli.main import COMMANDS, _load

    existing = set()
    for name, entry in COMMANDS.items():
        command = _load(name, entry)
        subcommands = getattr(command, "commands", None)
        existing |= (
            {f"foedus {name} {sub}" for sub in subcommands} if subcommands else {f"foedus {name}"}
        )
    documented = set(re.findall(r"^\| `(foedus [a-z -]+?)` \|", (DOCS / "cli.md").read_text(),
                                re.MULTILINE))  # fmt: skip
    assert documented == existing
