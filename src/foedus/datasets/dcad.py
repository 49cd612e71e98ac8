"""DCAD v1.0 (Kinne 2020): bilateral defense cooperation agreements, 1980-2010.

Reading validates the release file's columns and types. Negative codes (-44 ... -99) in
the numeric columns are missing-value or category codes, so the numeric columns hold
null there while the raw code is kept in ``<column>_code``. Known faults of the release
(see the bundled provenance) are corrected or refused, each with a reported reason:

* ``DCADv1.0-0297`` codes Venezuela as 145 (Bolivia's code); the name says VEN: 101.
* a row labelled ``EGY`` but coded 652 (Syria's code) is Egypt: 651.
* a self-dyad with no way to tell the partner (``ccode1 == ccode2``) is refused.
* a code that is not a COW state is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from foedus.datasets._io import read_release_csv
from foedus.datasets.catalog import bundled_file
from foedus.domain.agreements import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Party,
    Provision,
    SourceRef,
)

__all__ = [
    "CATEGORY_PROVISIONS",
    "DcadIssue",
    "check_dcad",
    "dcad_agreements",
    "read_dcad",
]

VERSION = "1.0"
FILE = "DCAD-v1.0-main.csv"
_INT = pl.Int64
_STR = pl.String
SCHEMA = {
    "ccode1": _INT, "cowName1": _STR, "ccode2": _INT, "cowName2": _STR,
    "signDay": _INT, "signMonth": _INT, "signYear": _INT,
    "EIFDay": _INT, "EIFMonth": _INT, "EIFYear": _INT,
    "type": _STR, "category1": _STR, "category2": _STR, "category3": _STR,
    "span": _INT, "renewType": _INT, "renewYears": _INT, "terminated": _INT,
    "durationActual": _INT, "endYearEstimate": _INT, "asymmetry": _INT,
    "categoryConf": _STR, "UNTS": _INT, "fullText": _STR, "sourceType": _STR,
    "source": _STR, "factivaConf": _INT, "factivaSign": _INT, "factivaEIF": _INT,
    "DCAid": _STR,
}  # fmt: skip
#: Numeric columns in which negative values are codes, not quantities.
CODED_COLUMNS = ("span", "renewType", "renewYears", "terminated", "durationActual", "factivaSign")

#: DCAD's categories as provisions of the taxonomy. ``DCA`` (a general framework
#: agreement) names no single provision, so it maps to none and is kept as an attribute.
CATEGORY_PROVISIONS: dict[str, tuple[str, ...]] = {
    "DCA": (),
    "DIC": ("procurement_armaments",),
    "TREX": ("training_education", "joint_exercises"),
    "PROCUREMENT": ("procurement_armaments",),
    "COMMISSION": ("institutional_body",),
    "RESEARCH": ("research_development",),
}

#: COW abbreviations DCAD uses for a code besides the COW one.
_NAME_ALIASES = {255: {"GER"}, 260: {"FRG"}, 732: {"KOR"}}

#: Corrections of known miscodings: DCAid -> (column, wrong code, right code, reason).
_CORRECTIONS = {
    "DCADv1.0-0297": ("ccode2", 145, 101, "Venezuela coded 145 (Bolivia); name VEN: 101"),
}


@dataclass(frozen=True, slots=True)
class DcadIssue:
    """A fault found in a DCAD row and what the loader did about it."""

    dcad_id: str
    line: int
    action: str  # "corrected" or "refused"
    reason: str


def read_dcad(path: Path | None = None) -> pl.DataFrame:
    """The DCAD release file, typed, with negative codes as null and kept in ``*_code``.

    Adds ``line`` (the row's line in the file) so reports can point at it.
    """
    frame = read_release_csv(path or bundled_file("dcad", FILE), SCHEMA)
    frame = frame.with_columns(
        pl.int_range(2, frame.height + 2).alias("line"),
        pl.col("cowName1").str.strip_chars(),
        pl.col("cowName2").str.strip_chars(),
    )
    return frame.with_columns(
        [pl.col(name).alias(f"{name}_code") for name in CODED_COLUMNS]
        + [
            pl.when(pl.col(name) < 0).then(None).otherwise(pl.col(name)).alias(name)
            for name in CODED_COLUMNS
        ]
    )


def check_dcad(frame: pl.DataFrame, known: dict[int, str]) -> tuple[pl.DataFrame, list[DcadIssue]]:
    """Apply the known corrections and refuse rows that cannot be placed.

    ``known`` maps each COW code to its COW abbreviation. Returns the rows to load and
    the issues found, one per corrected or refused row.
    """
    issues: list[DcadIssue] = []
    rows = []
    for row in frame.iter_rows(named=True):
        dcad_id, line = row["DCAid"], row["line"]
        if dcad_id in _CORRECTIONS:
            column, wrong, right, reason = _CORRECTIONS[dcad_id]
            if row[column] == wrong:
                row[column] = right
                issues.append(DcadIssue(dcad_id, line, "corrected", reason))
        for side in ("1", "2"):
            code, name = row[f"ccode{side}"], row[f"cowName{side}"]
            if code == 652 and name == "EGY":
                row[f"ccode{side}"] = 651
                issues.append(
                    DcadIssue(dcad_id, line, "corrected", "Egypt coded 652 (Syria); name EGY: 651")
                )
        if row["ccode1"] == row["ccode2"]:
            issues.append(DcadIssue(
                dcad_id, line, "refused",
                f"self-dyad: both parties coded {row['ccode1']} ({row['cowName1']}); "
                "the partner cannot be recovered",
            ))  # fmt: skip
            continue
        unknown = [row[f"ccode{s}"] for s in ("1", "2") if row[f"ccode{s}"] not in known]
        if unknown:
            issues.append(DcadIssue(dcad_id, line, "refused", f"not a COW state code: {unknown}"))
            continue
        for side in ("1", "2"):
            code, name = row[f"ccode{side}"], row[f"cowName{side}"]
            if name != known[code] and name not in _NAME_ALIASES.get(code, set()):
                issues.append(DcadIssue(
                    dcad_id, line, "corrected",
                    f"label {name!r} does not match COW code {code} ({known[code]}); "
                    "the code is kept",
                ))  # fmt: skip
        rows.append(row)
    return pl.DataFrame(rows, schema=frame.schema), issues


def _date(year: int | None, month: int | None, day: int | None) -> date | None:
    if year is None:
        return None
    return date(year, month or 1, day or 1)


def dcad_agreements(frame: pl.DataFrame, names: dict[int, str]) -> list[Agreement]:
    """Map checked DCAD rows to registry agreements (kind ``bilateral_dca``).

    ``names`` maps COW codes to state names for the generated titles. An agreement has
    ended when DCAD marks it terminated or its estimated end year falls before 2010
    (DCAD's coverage ends in 2010, so 2010 means "still in force").
    """
    agreements = []
    for row in frame.iter_rows(named=True):
        categories = [row[f"category{i}"] for i in (1, 2, 3) if row[f"category{i}"]]
        end_year = row["endYearEstimate"]
        ended = row["terminated"] == 1 or (end_year is not None and end_year < 2010)
        in_force = _date(row["EIFYear"], row["EIFMonth"], row["EIFDay"])
        if ended:
            status = AgreementStatus.ENDED
        elif in_force is not None or row["terminated"] == 0:
            status = AgreementStatus.IN_FORCE
        else:
            status = AgreementStatus.SIGNED
        a, b = names[row["ccode1"]], names[row["ccode2"]]
        label = ", ".join(c.lower() for c in categories) or "defense cooperation"
        provisions = [
            Provision(label=name, source=f"dcad:{category}")
            for category in categories
            for name in CATEGORY_PROVISIONS.get(category, ())
        ]
        attributes = {
            "dcad_type": row["type"],
            "dcad_categories": categories,
            "category_confidence": row["categoryConf"],
            "end_year_estimate": end_year,
            "asymmetry": row["asymmetry"],
            "source_type": row["sourceType"],
            "publication": row["source"],
            "unts": row["UNTS"],
            "signed_precision": "day"
            if row["signDay"]
            else "month"
            if row["signMonth"]
            else "year",
        } | {f"{name}_code": row[f"{name}_code"] for name in CODED_COLUMNS}
        agreements.append(
            Agreement(
                id=f"dcad:{row['DCAid']}",
                title=f"{a}–{b} defense cooperation agreement ({label}), {row['signYear']}",
                short_name=f"{row['cowName1']}–{row['cowName2']} DCA {row['signYear']}",
                kind=AgreementKind.BILATERAL_DCA,
                parties=[Party(ccode=row["ccode1"], name=a), Party(ccode=row["ccode2"], name=b)],
                signed=_date(row["signYear"], row["signMonth"], row["signDay"]),
                in_force=in_force,
                ended=date(end_year, 12, 31) if ended and end_year else None,
                status=status,
                sources=[SourceRef("dcad", row["DCAid"], VERSION, f"line {row['line']}")],
                provisions=provisions,
                attributes={k: v for k, v in attributes.items() if v is not None},
            )
        )
    return agreements
