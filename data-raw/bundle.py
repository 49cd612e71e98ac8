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


def _rows(path: Path) -> int:
    with path.open(newline="", encoding="latin-1") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def main(shared: Path, target: Path) -> None:
    manifest: dict[str, dict[str, dict[str, object]]] = {}
    for key, (folder, files) in BUNDLE.items():
        out = target / key
        out.mkdir(parents=True, exist_ok=True)
        manifest[key] = {}
        for name in files:
            src = shared / folder / name
            shutil.copyfile(src, out / name)
            data = src.read_bytes()
            manifest[key][name] = {
                "bytes": len(data),
                "rows": _rows(src),
                "sha256": hashlib.sha256(data).hexdigest(),
                "upstream": f"shared/data/{folder}/{name}",
            }
    (target / "MANIFEST.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    shared_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data")
    main(shared_dir, Path("src/foedus/datasets/_data"))
