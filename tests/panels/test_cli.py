"""``foedus panel``: each output format read back, citations, and clear errors."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import polars as pl
import pytest
from typer.testing import CliRunner

from foedus.interfaces.cli.main import app
from foedus.panels import create_dyad_years, create_state_years


@pytest.fixture(scope="module")
def cli() -> CliRunner:
    """A runner sharing the session's temporary FOEDUS_HOME (and its derived-table cache)."""
    return CliRunner(env={"FOEDUS_HOME": os.environ["FOEDUS_HOME"], "COLUMNS": "200"})


def _run(cli: CliRunner, *args: str) -> str:
    result = cli.invoke(app, ["panel", *args])
    assert result.exit_code == 0, result.output
    return result.output


def _read(path: Path) -> pl.DataFrame:
    if path.suffix == ".dta":
        return pl.from_pandas(pd.read_stata(path))
    return pl.read_csv(path) if path.suffix == ".csv" else pl.read_parquet(path)


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".dta"])
def test_dyad_year_formats_read_back(cli: CliRunner, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"ddy{suffix}"
    _run(cli, "dyad-year", "--from", "2000", "--to", "2001", "--with", "atop,dca,nmc,mids",
         "--out", str(out))  # fmt: skip
    frame = _read(out)
    expected = create_dyad_years(range(2000, 2002)).frame
    assert frame.height == expected.height
    wanted = {"atop_defense", "dca_any", "cinc1", "cinc2", "gmlmidonset", "init1"}
    assert wanted <= set(frame.columns)
    usa_can = frame.filter(
        (pl.col("ccode1") == 2) & (pl.col("ccode2") == 20) & (pl.col("year") == 2000)
    ).row(0, named=True)
    assert usa_can["atop_defense"] == 1 and usa_can["dca_any"] == 1
    assert usa_can["gmlmidonset"] == 0 and usa_can["cinc1"] > usa_can["cinc2"]


def test_non_directed_and_network(cli: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "ndy.parquet"
    _run(cli, "dyad-year", "--from", "2005", "--to", "2005", "--non-directed", "--with",
         "network,dca", "--out", str(out))  # fmt: skip
    frame = pl.read_parquet(out)
    assert (frame["ccode1"] < frame["ccode2"]).all()
    assert {"degree1", "degree2", "common_partners"} <= set(frame.columns)


def test_state_year_with_network_source(cli: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "sy.csv"
    _run(cli, "state-year", "--from", "2009", "--to", "2011", "--with", "dca,network,nmc",
         "--network", "atop", "--out", str(out))  # fmt: skip
    frame = pl.read_csv(out)
    assert frame.height == create_state_years(range(2009, 2012)).frame.height
    assert {"dca_count", "atop_degree", "cinc"} <= set(frame.columns)
    assert frame.filter(pl.col("year") == 2011)["dca_count"].null_count() == frame.filter(
        pl.col("year") == 2011).height  # fmt: skip


def test_cite_prints_the_sources_used(cli: CliRunner, tmp_path: Path) -> None:
    output = _run(cli, "dyad-year", "--from", "2000", "--to", "2000", "--with", "dca",
                  "--out", str(tmp_path / "c.parquet"), "--cite")  # fmt: skip
    assert "Kinne" in output and "Singer" not in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--with", "atop,nonsense", "--out", "x.parquet"], "unknown variable set(s) nonsense"),
        (["--with", "atop", "--out", "x.xlsx"], "cannot tell the format of x.xlsx"),
        (["--with", "network", "--network", "cow", "--out", "x.csv"], "'dcad' or 'atop'"),
    ],
)
def test_errors_are_clear(cli: CliRunner, tmp_path: Path, args: list[str], message: str) -> None:
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    result = cli.invoke(app, ["panel", "dyad-year", "--from", "2000", "--to", "2000", *args])
    assert result.exit_code == 1
    assert message in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_state_year_refuses_dyad_only_sets(cli: CliRunner, tmp_path: Path) -> None:
    result = cli.invoke(app, ["panel", "state-year", "--with", "mindist",
                              "--out", str(tmp_path / "s.parquet")])  # fmt: skip
    assert result.exit_code == 1 and "dyad-years only" in result.output
