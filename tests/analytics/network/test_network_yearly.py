"""The yearly panel: its frames agree with each other and with the networks."""

from __future__ import annotations

import polars as pl

from foedus.analytics.network import analyse_years


def test_frames_agree(dcad_spells: pl.DataFrame, cinc: pl.DataFrame) -> None:
    result = analyse_years(dcad_spells, cinc, first=1990, last=1995)
    assert result.networks["year"].to_list() == list(range(1990, 1996))
    degrees = result.states.group_by("year").agg(pl.col("degree").sum()).sort("year")
    assert (degrees["degree"] == result.networks["edges"] * 2).all()
    everyone = result.regions.filter(pl.col("region") == "all").sort("year")
    assert (everyone["effective_poles"] == result.networks["effective_poles"]).all()
    labelled = result.states.filter(pl.col("community").is_not_null())
    assert (labelled["degree"] > 0).all()
    assert result.formation["year"].to_list() == list(range(1991, 1996))


def test_regional_panel_keeps_only_the_region(dcad_spells: pl.DataFrame) -> None:
    result = analyse_years(dcad_spells, first=2000, last=2000, region="africa")
    assert set(result.states["region"].to_list()) == {"africa"}
    assert result.states["partner_hhi"].null_count() == result.states.height  # no CINC given


def test_progress_reports_every_year_of_both_passes(dcad_spells: pl.DataFrame) -> None:
    calls: list[tuple[int, int]] = []
    analyse_years(dcad_spells, first=1990, last=1993, on_year=lambda d, t: calls.append((d, t)))
    assert calls == [(done, 8) for done in range(1, 9)]
