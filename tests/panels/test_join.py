"""The join helpers equal polars' left joins: values where the key is, null elsewhere."""

from __future__ import annotations

import polars as pl
import pytest

from foedus.errors import DataError
from foedus.panels._join import join_dyadic, join_monadic, monadic_values

KEYS = ["ccode1", "ccode2", "year"]


def _dyads(years: range = range(1990, 1993)) -> pl.DataFrame:
    """Directed dyads of four states, in the panel's order."""
    codes = [2, 20, 200, 710]
    rows = [(a, b, y) for y in years for a in codes for b in codes if a != b]
    return pl.DataFrame(rows, schema=dict.fromkeys(KEYS, pl.Int16), orient="row")


def _table() -> pl.DataFrame:
    """A dyadic table of every type a join meets, with keys outside the panel too."""
    return pl.DataFrame(
        {
            "ccode1": [20, 2, 710, 2, 999],
            "ccode2": [2, 20, 200, 200, 2],
            "year": [1991, 1990, 1992, 1800, 1990],
            "hostlev": [3, None, 5, 1, 2],
            "kind": ["land", "sea", None, "air", "land"],
            "share": [0.5, 1.0, None, 0.25, 0.0],
            "codes": [[1], [2, 3], None, [], [4]],
        },
        schema_overrides=dict.fromkeys(KEYS, pl.Int16) | {"hostlev": pl.Int8},
    )


@pytest.mark.parametrize(("years", "shuffled"), [(range(1990, 1993), False),
                                                 (range(1900, 2000), False),
                                                 (range(1990, 1993), True)])  # fmt: skip
def test_join_dyadic_equals_a_left_join(years: range, shuffled: bool) -> None:
    # A table far smaller than the panel is matched by binary search (1900-1999), else
    # by a merge join.
    frame = _dyads(years)
    if shuffled:  # a panel out of key order still keeps its own order
        frame = frame.sample(fraction=1.0, shuffle=True, seed=4)
    table = _table()
    joined = join_dyadic(frame, table)
    expected = frame.join(table, on=KEYS, how="left", maintain_order="left")
    assert joined.equals(expected)
    assert joined.schema == expected.schema
    assert joined.filter(pl.col("hostlev").is_not_null()).height == 2


def test_join_dyadic_refuses_duplicate_keys() -> None:
    table = pl.concat([_table(), _table().head(1)])
    with pytest.raises(DataError, match="duplicate keys"):
        join_dyadic(_dyads(), table)


def test_join_monadic_equals_a_left_join_on_each_side() -> None:
    frame = _dyads().sample(fraction=1.0, shuffle=True, seed=7)
    table = pl.DataFrame(
        {"ccode": [2, 20, 200, 2, 710, 5], "year": [1990, 1990, 1991, 1992, 1800, 1990],
         "cinc": [0.3, 0.01, None, 0.25, 0.5, 0.9], "name": ["a", "b", "c", "d", "e", "f"]},
        schema_overrides={"ccode": pl.Int16, "year": pl.Int16},
    )  # fmt: skip
    joined = join_monadic(frame, table, ["cinc", "name"], dyadic=True)
    expected = frame
    for side in ("1", "2"):
        renamed = table.rename({"ccode": f"ccode{side}", "cinc": f"cinc{side}",
                                "name": f"name{side}"})  # fmt: skip
        expected = expected.join(renamed, on=[f"ccode{side}", "year"], how="left",
                                 maintain_order="left")  # fmt: skip
    assert joined.equals(expected.select(joined.columns))


def test_monadic_values_reads_one_column() -> None:
    frame = _dyads()
    table = pl.DataFrame({"ccode": [2, 710], "year": [1991, 1992], "place": [7, 9]})
    found = monadic_values(table, frame, "ccode2", table["place"])
    expected = frame.join(table.rename({"ccode": "ccode2"}), on=["ccode2", "year"], how="left",
                          maintain_order="left")["place"]  # fmt: skip
    assert found.to_list() == expected.to_list()
    assert found.count() == 6
