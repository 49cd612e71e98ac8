"""Release-file readers: renamed columns and bad cells are refused, codes read right."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.datasets import atop, cow_nmc, dcad
from foedus.datasets.catalog import bundled_file, manifest
from foedus.datasets.countries import resolve_country
from foedus.errors import RowError, SchemaError, UnknownCountry


def _copy_with(tmp_path: Path, key: str, name: str, old: str, new: str, first: bool = True) -> Path:
    text = bundled_file(key, name).read_text(encoding="utf-8")
    target = tmp_path / name
    target.write_text(text.replace(old, new, 1 if first else -1), encoding="utf-8")
    return target


def test_renamed_column_is_refused_with_expected_columns(tmp_path: Path) -> None:
    path = _copy_with(tmp_path, "dcad", "DCAD-v1.0-main.csv", "signYear", "sign_year")
    with pytest.raises(SchemaError, match="missing column\\(s\\) signYear") as info:
        dcad.read_dcad(path)
    assert "DCAid" in info.value.expected and str(path) in str(info.value)


def test_bad_cell_names_file_line_and_column(tmp_path: Path) -> None:
    # Line 3 of the ATOP member file is the second member row of alliance 1005.
    lines = bundled_file("atop", "atop5_1m.csv").read_text().splitlines()
    lines[2] = lines[2].replace("1005,,,220", "1005,,,2x0", 1)
    path = tmp_path / "atop5_1m.csv"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(RowError) as info:
        atop.read_members(path)
    assert (info.value.line, info.value.column) == (3, "member")
    assert "'2x0' is not an integer" in str(info.value)


def test_dcad_negative_codes_are_missing_not_numbers() -> None:
    frame = dcad.read_dcad()
    assert frame.height == manifest()["dcad"]["DCAD-v1.0-main.csv"]["rows"]
    for column in dcad.CODED_COLUMNS:
        assert frame[column].drop_nulls().min() is None or frame[column].drop_nulls().min() >= 0
    coded = frame.filter(frame["span_code"] == -77)
    assert coded.height > 0 and coded["span"].null_count() == coded.height


def test_dcad_known_miscodings_are_corrected_and_reported() -> None:
    names = {2: "USA", 101: "VEN", 145: "BOL", 651: "EGY", 652: "SYR"}
    frame = dcad.read_dcad()
    known = dict(names)
    subset = frame.filter(frame["DCAid"].is_in(["DCADv1.0-0297", "DCADv1.0-0108"]))
    kept, issues = dcad.check_dcad(subset, known)
    pairs = {row["DCAid"]: (row["ccode1"], row["ccode2"]) for row in kept.iter_rows(named=True)}
    assert pairs["DCADv1.0-0297"] == (145, 101)
    assert 651 in pairs["DCADv1.0-0108"]
    assert {issue.action for issue in issues} == {"corrected"}


def test_nmc_missing_code_becomes_null() -> None:
    frame = cow_nmc.read_nmc("6.0")
    raw = bundled_file("cow_nmc", "NMC-60-abridged.csv").read_text()
    assert ",-9," in raw  # the release does use -9 ...
    assert frame["milex"].null_count() > 0  # ... and it is read as missing
    assert frame["milex"].drop_nulls().min() >= 0


@pytest.mark.parametrize(
    ("query", "ccode"),
    [("India", 750), ("IND", 750), ("750", 750), ("Russia", 365), ("USSR", 365),
     ("Soviet Union", 365), ("United States", 2), ("AUS", 900), ("AUL", 900), ("Burma", 775),
     ("German Reich", 255)],
)  # fmt: skip
def test_resolve_country(query: str, ccode: int) -> None:
    assert resolve_country(query) == ccode


def test_unknown_country_offers_closest_matches() -> None:
    with pytest.raises(UnknownCountry, match="did you mean: India"):
        resolve_country("Indai")


def test_shipped_iso3_crosswalk_agrees_with_country_converter() -> None:
    from foedus.datasets.cow_states import compute_iso3, read_iso3, read_states

    names = read_states().unique("ccode", keep="last").sort("ccode")
    fresh = compute_iso3(list(zip(names["ccode"], names["statenme"], strict=True)))
    assert read_iso3() == fresh
    assert fresh[750] == "IND" and fresh[260] == "DEU" and fresh[300] is None
