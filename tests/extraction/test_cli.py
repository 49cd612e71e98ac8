"""``foedus extract`` and ``foedus eval`` on real agreements."""

from __future__ import annotations

import json
import shutil

from typer.testing import CliRunner

from foedus.interfaces.cli.main import app

runner = CliRunner()


def test_extract_json_shape(corpus_dir) -> None:
    result = runner.invoke(
        app, ["extract", str(corpus_dir / "002_north-atlantic-treaty-1949.txt"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["metadata", "kind", "articles", "provisions"]
    article = data["articles"][1]
    assert list(article) == ["heading", "text", "start", "end", "labels"]
    assert all(
        set(label) == {"label", "confidence", "evidence"}
        for a in data["articles"]
        for label in a["labels"]
    )
    source = (corpus_dir / "002_north-atlantic-treaty-1949.txt").read_text("utf-8")
    assert source[article["start"] : article["end"]].startswith(article["heading"])
    assert data["kind"] == "mutual_defense_treaty"


def test_extract_stdin_and_table(corpus_dir, builders) -> None:
    text = (corpus_dir / "032_nl-qatar-sofa-2014.txt").read_text("utf-8")
    result = runner.invoke(app, ["extract", "-"], input=builders["docx"](text))
    assert result.exit_code == 0, result.output
    assert "status_of_forces" in result.stdout and "Article 15" in result.stdout


def test_extract_refusal_is_one_line_error(tmp_path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(empty)])
    assert result.exit_code == 1
    assert "empty" in result.output and "Traceback" not in result.output


def test_eval_extraction_prints_both_levels(corpus_dir, tmp_path) -> None:
    for stem in ("002_north-atlantic-treaty-1949", "032_nl-qatar-sofa-2014"):
        for suffix in (".txt", ".json", ".labels.json"):
            shutil.copy(corpus_dir / f"{stem}{suffix}", tmp_path)
    result = runner.invoke(app, ["eval", "extraction", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["summary"]["documents"] == 2
    assert 0 < data["summary"]["article_micro_f1"] <= 1
    assert {row["label"] for row in data["agreement"]} >= {"mutual_defense", "status_of_forces"}


def test_eval_atop(corpus_dir) -> None:
    result = runner.invoke(app, ["eval", "atop", str(corpus_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {row["atop_id"] for row in rows} == {2470, 3180}
