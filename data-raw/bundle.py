"""Copy the release files Foedus ships from ``../shared/data`` into the package.

Run from the repository root: ``python data-raw/bundle.py [SHARED_DATA_DIR]``.
Files are copied byte for byte; ``MANIFEST.json`` records each file's size, row count
and SHA-256 so that loaders can tell a bundled file from a modified one.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import sys
from pathlib import Path

BUNDLE: dict[str, tuple[str, list[str]]] = {
    "dcad": ("dcad", ["DCAD-v1.0-main.csv"]),
    "atop": (
        "atop",
        ["atop5_1a.csv", "atop5_1aph.csv", "atop5_1m.csv", "atop5_1sy.csv", "atopinst5_1.csv"],
    ),
    "cow_states": ("cow-states", ["states2016.csv", "system2016.csv", "majors2016.csv"]),
    "cow_nmc": ("cow-nmc", ["NMC-60-abridged.csv", "peacesciencer_cow_nmc_v7.csv"]),
    "cow_contiguity": ("cow-contiguity", ["peacesciencer_cow_contdir.csv"]),
    "distance": (
        "distance",
        ["capdist.csv", "peacesciencer_cow_capitals.csv", "peacesciencer_cow_mindist.csv"],
    ),
    "regime": ("regime", ["peacesciencer_ccode_democracy.csv", "p5v2018.csv"]),
    "mid": (
        "mid",
        [
            "peacesciencer_gml_mid_ddydisps.csv",
            "peacesciencer_gml_mid_disps.csv",
            "peacesciencer_gml_part.csv",
            "peacesciencer_cow_mid_ddydisps.csv",
        ],
    ),
    "mme": ("mme", ["mme_v7.csv", "mme-v7-long.csv"]),
    "troopdata": (
        "troopdata",
        ["troopdata-rebuild-country-year.csv", "troopdata.csv", "basedata.csv"],
    ),
}


def _origins(provenance: Path) -> dict[str, str]:
    """File -> "owner/name @ commit : path" from a shared PROVENANCE.md file table.

    Files marked *converted* are CSV exports of an R data file; their origin is that of
    the R file, with the conversion noted.
    """
    origins: dict[str, str] = {}
    for line in provenance.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0] and "@" in cells[1]:
            origins[cells[0]] = cells[1]
    for line in provenance.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[1].startswith("*converted* from "):
            source = cells[1].removeprefix("*converted* from ").split(" ")[0]
            origins[cells[0]] = f"CSV export of {source}, {origins.get(source, 'unknown')}"
    return origins


def _rows(path: Path) -> int:
    with path.open(newline="", encoding="latin-1") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def main(shared: Path, target: Path) -> None:
    manifest: dict[str, dict[str, dict[str, object]]] = {}
    for key, (folder, files) in BUNDLE.items():
        out = target / key
        out.mkdir(parents=True, exist_ok=True)
        manifest[key] = {}
        origins = _origins(shared / folder / "PROVENANCE.md")
        for name in files:
            src = shared / folder / name
            shutil.copyfile(src, out / name)
            data = src.read_bytes()
            manifest[key][name] = {
                "bytes": len(data),
                "rows": _rows(src),
                "sha256": hashlib.sha256(data).hexdigest(),
                "origin": origins[name],
            }
    (target / "MANIFEST.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    (target / "PROVENANCE.md").write_text(_provenance(manifest), encoding="utf-8")


def _provenance(manifest: dict[str, dict[str, dict[str, object]]]) -> str:
    """The bundled data's provenance: citation, version and files of each dataset."""
    from foedus.datasets.catalog import DATASETS

    lines = [
        "# Provenance of the bundled data",
        "",
        "Written by `data-raw/bundle.py`; `foedus data sources` and `foedus data cite` print",
        "the same facts. Files are byte-for-byte copies of the release files named below.",
    ]
    for key, files in manifest.items():
        meta = DATASETS[key]
        lines += [
            "",
            f"## {meta.title} ({key})",
            "",
            f"Version {meta.version}; {meta.coverage}.",
            f"Terms: {meta.terms}",
            "",
            "Cite:",
            "",
        ]
        lines += [f"- {citation}" for citation in meta.citations]
        lines += ["", "| file | rows | sha256 | taken from |", "|---|---|---|---|"]
        lines += [
            f"| {name} | {entry['rows']} | `{str(entry['sha256'])[:16]}…` | {entry['origin']} |"
            for name, entry in files.items()
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    shared_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data")
    main(shared_dir, Path("src/foedus/datasets/_data"))
