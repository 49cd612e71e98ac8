"""The datasets Foedus ships: versions, citations, files and where they came from.

The analogue of peacesciencer's ``ps_version`` table and ``ps_cite()``: every bundled
release file is listed in ``_data/MANIFEST.json`` (size, rows, SHA-256), and every
dataset has its citation here, printed by ``foedus data cite``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from foedus.errors import NotFound

__all__ = ["DATASETS", "DatasetMeta", "bundled_file", "dataset", "manifest"]

DATA_DIR = Path(__file__).parent / "_data"


@dataclass(frozen=True, slots=True)
class DatasetMeta:
    """A bundled dataset: key, title, version, coverage, citation(s) and licence terms."""

    key: str
    title: str
    version: str
    coverage: str
    citations: tuple[str, ...]
    terms: str


DATASETS: dict[str, DatasetMeta] = {
    meta.key: meta
    for meta in (
        DatasetMeta(
            "dcad",
            "Defense Cooperation Agreement Dataset (DCAD), agreement level",
            "1.0",
            "bilateral DCAs signed 1980-2010",
            (
                'Kinne, Brandon J. 2020. "The Defense Cooperation Agreement Dataset (DCAD)." '
                "Journal of Conflict Resolution 64(4): 729-755. doi:10.1177/0022002719857796.",
            ),
            "Published academic data set; cite Kinne (2020).",
        ),
        DatasetMeta(
            "atop",
            "Alliance Treaty Obligations and Provisions (ATOP)",
            "5.1",
            "alliances 1815-2018",
            (
                "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. "
                'Long. 2002. "Alliance Treaty Obligations and Provisions, 1815-1944." '
                "International Interactions 28: 237-260. Data: atopdata.org, version 5.1 (2022).",
                'Leeds, Brett Ashley, and Sezi Anac. 2005. "Alliance Institutionalization and '
                'Alliance Performance." International Interactions 31(3): 183-202.',
            ),
            "Free for research with citation of the articles above.",
        ),
        DatasetMeta(
            "cow_states",
            "Correlates of War State System Membership",
            "2016",
            "1816-2016",
            (
                'Correlates of War Project. 2017. "State System Membership List, v2016." '
                "Online, http://correlatesofwar.org.",
            ),
            "COW data are free to use with citation.",
        ),
        DatasetMeta(
            "cow_nmc",
            "Correlates of War National Material Capabilities (CINC)",
            "6.0 and 7.0",
            "v6.0 1816-2016; v7.0 1816-2022",
            (
                'Singer, J. David, Stuart Bremer, and John Stuckey. 1972. "Capability '
                'Distribution, Uncertainty, and Major Power War, 1820-1965." In Bruce Russett '
                "(ed.), Peace, War, and Numbers. Beverly Hills: Sage, 19-48.",
            ),
            "COW data are free to use with citation.",
        ),
        DatasetMeta(
            "cow_contiguity",
            "Correlates of War Direct Contiguity",
            "3.2",
            "1816-2016",
            (
                "Stinnett, Douglas M., Jaroslav Tir, Philip Schafer, Paul F. Diehl, and Charles "
                'Gochman. 2002. "The Correlates of War Project Direct Contiguity Data, Version 3." '
                "Conflict Management and Peace Science 19(2): 58-66.",
            ),
            "COW data are free to use with citation.",
        ),
        DatasetMeta(
            "distance",
            "Capital distances (Gleditsch-Ward capdist), CShapes minimum distances, COW capitals",
            "capdist; CShapes 2.0",
            "capdist static; minimum distance 1886-2019",
            (
                'Gleditsch, Kristian Skrede, and Michael D. Ward. 2001. "Measuring Space: A '
                'Minimum-Distance Database and Applications to International Studies." Journal '
                "of Peace Research 38(6): 749-768.",
                "Schvitz, Guy, Luc Girardin, Seraina Ruegger, Nils B. Weidmann, Lars-Erik "
                'Cederman, and Kristian Skrede Gleditsch. 2022. "Mapping the International '
                'System, 1886-2019: The CShapes 2.0 Dataset." Journal of Conflict Resolution '
                "66(1): 144-161.",
                'Miller, Steven V. 2022. "peacesciencer: An R Package for Quantitative Peace '
                'Science Research." Conflict Management and Peace Science 39(6).',
            ),
            "Free to use with citation.",
        ),
        DatasetMeta(
            "regime",
            "Democracy: V-Dem polyarchy, Polity2, extended UDS; Polity5",
            "V-Dem v10; Polity5 p5v2018; QuickUDS 0.2.3",
            "1816-2020",
            (
                "Marshall, Monty G., and Ted Robert Gurr. 2020. Polity5: Political Regime "
                "Characteristics and Transitions, 1800-2018. Center for Systemic Peace.",
                "Coppedge, Michael, et al. 2020. V-Dem Dataset v10. Varieties of Democracy "
                "Project.",
                'Marquez, Xavier. 2016. "A Quick Method for Extending the Unified Democracy '
                'Scores."',
            ),
            "Polity5: non-commercial research use with citation; V-Dem: CC-BY-SA 4.0.",
        ),
        DatasetMeta(
            "mid",
            "Militarized Interstate Disputes (GML MID 2.2.1; COW MID 5.0 dyad-years)",
            "GML 2.2.1; MID 5.0",
            "GML 1816-2010; MID 5.0 1816-2014",
            (
                'Gibler, Douglas M., Steven V. Miller, and Erin K. Little. 2016. "An Analysis '
                'of the Militarized Interstate Dispute (MID) Dataset, 1816-2001." International '
                "Studies Quarterly 60(4): 719-730.",
                'Palmer, Glenn, et al. 2022. "The MID5 Dataset, 2011-2014." Conflict '
                "Management and Peace Science 39(4).",
            ),
            "Free to use with citation.",
        ),
        DatasetMeta(
            "mme",
            "Multinational Military Exercises (MME)",
            "7",
            "exercises 1980-2010",
            (
                'Kuo, Raymond, and Brian Dylan Blankenship. 2022. "Deterrence and Restraint: Do '
                'Joint Military Exercises Escalate Conflict?" Journal of Conflict Resolution '
                "66(1): 3-31. doi:10.7910/DVN/KHFODX.",
            ),
            "Cite Kuo and Blankenship (2022).",
        ),
        DatasetMeta(
            "troopdata",
            "US military deployments and bases abroad (troopdata)",
            "1.0.4.9000",
            "1950-2024",
            (
                'Allen, Michael A., Michael E. Flynn, and Carla Martinez Machain. 2022. "Global '
                'U.S. military deployment data: 1950-2020." Conflict Management and Peace '
                "Science 39(3): 351-370.",
                "Vine, David. 2015. Base Nation: How U.S. Military Bases Abroad Harm America and "
                "the World. Metropolitan Books.",
            ),
            "GPL-3 (troopdata package); cite the articles above.",
        ),
    )
}


def dataset(key: str) -> DatasetMeta:
    """The metadata of bundled dataset ``key``; :class:`NotFound` lists the valid keys."""
    try:
        return DATASETS[key]
    except KeyError:
        raise NotFound(f"no bundled dataset {key!r}; known: {', '.join(DATASETS)}") from None


@cache
def manifest() -> dict[str, dict[str, dict[str, object]]]:
    """The bundled files' manifest: dataset -> file -> bytes, rows, sha256, upstream."""
    with (DATA_DIR / "MANIFEST.json").open(encoding="utf-8") as handle:
        data: dict[str, dict[str, dict[str, object]]] = json.load(handle)
    return data


def bundled_file(key: str, filename: str) -> Path:
    """Path of one bundled release file, checked against the manifest."""
    dataset(key)
    if filename not in manifest().get(key, {}):
        raise NotFound(f"dataset {key!r} ships no file {filename!r}")
    return DATA_DIR / key / filename
