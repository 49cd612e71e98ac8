"""Mapping extracted provisions to ATOP's variables, and checking them against ATOP's coding.

ATOP (Leeds et al.) codes each alliance's obligations by hand. From the agreement-level
labels, :func:`atop_coding` gives the same variables: DEFENSE, OFFENSE, NEUTRAL, NONAGG,
CONSUL, BASE, MILAID, INTCOM and ORGAN1 as 0/1 (present or not), and MILCON on ATOP's
0-3 scale (3 integrated command, 2 cooperation such as training, exercises or
intelligence, 0 none). :func:`compare_with_atop` lines these up with ATOP 5.1 for the
corpus agreements that carry an ``atop_id``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from foedus.domain.provisions import ATOP_VARIABLES
from foedus.extraction.corpus import CorpusDocument

__all__ = ["ATOP_COMPARED", "atop_coding", "compare_with_atop"]

#: The ATOP variables compared, in codebook order.
ATOP_COMPARED = (
    "DEFENSE",
    "OFFENSE",
    "NEUTRAL",
    "NONAGG",
    "CONSUL",
    "MILCON",
    "BASE",
    "MILAID",
    "INTCOM",
    "ORGAN1",
)
_MILCON_COOPERATION = {
    "joint_exercises",
    "training_education",
    "intelligence_sharing",
    "logistics_support",
}


def atop_coding(labels: Collection[str]) -> dict[str, int]:
    """ATOP variables implied by a set of agreement-level labels.

    >>> atop_coding({"mutual_defense", "consultation"})["DEFENSE"]
    1
    """
    coding = dict.fromkeys(ATOP_COMPARED, 0)
    for label, variable in ATOP_VARIABLES.items():
        if label in labels:
            coding[variable] = 1
    if "integrated_command" in labels:
        coding["MILCON"] = 3
    elif _MILCON_COOPERATION & set(labels):
        coding["MILCON"] = 2
    return coding


def compare_with_atop(
    documents: Sequence[CorpusDocument],
    extract_labels: Callable[[CorpusDocument], Collection[str]],
) -> list[dict[str, object]]:
    """One row per (agreement in ATOP, variable): ATOP's code, ours, and whether they agree.

    ATOP's graded codes count as present when above 0, except MILCON, compared on its
    scale. Documents without ``atop_id`` in their metadata are skipped.
    """
    import polars as pl

    from foedus.datasets.atop import read_alliances

    alliances = read_alliances()
    rows: list[dict[str, object]] = []
    for document in documents:
        atop_id = document.meta.get("atop_id")
        if atop_id is None:
            continue
        found = alliances.filter(pl.col("atopid") == int(atop_id))
        if found.height == 0:
            continue
        record = found.row(0, named=True)
        ours = atop_coding(extract_labels(document))
        for variable in ATOP_COMPARED:
            coded = int(record.get(variable.lower()) or 0)
            theirs = coded if variable == "MILCON" else int(coded > 0)
            rows.append(
                {"agreement": document.doc_id, "atop_id": int(atop_id), "variable": variable,
                 "atop": theirs, "extracted": ours[variable], "agree": theirs == ours[variable]}
            )  # fmt: skip
    return rows
