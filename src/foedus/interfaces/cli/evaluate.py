"""``foedus eval``: score text extraction on a labelled corpus, and against ATOP's coding."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from foedus.extraction.atop_mapping import compare_with_atop
from foedus.extraction.corpus import CorpusDocument, labelled_units, load_corpus
from foedus.extraction.evaluation import (
    EvaluationReport,
    cross_validate,
    evaluate_documents,
    pipeline_labeller,
)
from foedus.extraction.model import fit_model
from foedus.extraction.pipeline import default_model
from foedus.interfaces.cli.output import OutputFormat, console, emit, err_console

__all__ = ["app"]

app = typer.Typer(help="Evaluate text extraction.", no_args_is_help=True)


@app.command("extraction")
def extraction(
    directory: Path = typer.Argument(
        ..., help="A corpus folder: NNN_slug.txt, .json, .labels.json."
    ),
    cv: bool = typer.Option(
        False,
        "--cv",
        help="Retrain by grouped 5-fold cross-validation instead of using the shipped model.",
    ),
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format"),
) -> None:
    """Per-label and micro/macro precision, recall, F1 at article and agreement level."""
    documents = load_corpus(directory)
    if cv:
        folds = min(5, len(documents))
        with _progress() as progress:
            task = progress.add_task("cross-validating", total=folds)
            report = cross_validate(documents, folds=folds, on_fold=lambda: progress.advance(task))
    else:
        report = evaluate_documents(documents, pipeline_labeller(default_model()))
    _print_report(report, fmt)


def _progress() -> Progress:
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    return Progress(*columns, console=err_console, transient=True)


def _print_report(report: EvaluationReport, fmt: OutputFormat) -> None:
    if fmt is OutputFormat.JSON:
        emit(
            {
                "summary": report.summary(),
                "article": report.article.rows(),
                "agreement": report.agreement.rows(),
            },
            fmt,
        )
        return
    emit(report.article.rows(), fmt, title="Article level (units matched by heading)")
    emit(report.agreement.rows(), fmt, title="Agreement level")
    emit([report.summary()], fmt, title="Summary")


@app.command("atop")
def atop(
    directory: Path = typer.Argument(
        ..., help="A corpus folder: NNN_slug.txt, .json (with atop_id), .labels.json."
    ),
    cv: bool = typer.Option(
        False, "--cv", help="Label each agreement with a model trained without it (leave one out)."
    ),
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format"),
) -> None:
    """Compare extracted provisions with ATOP 5.1's coding for corpus agreements in ATOP."""
    documents = load_corpus(directory)

    def labels(document: CorpusDocument) -> set[str]:
        model = default_model()
        if cv:
            units = labelled_units([d for d in documents if d.doc_id != document.doc_id])
            model = fit_model(
                [u.text for u in units],
                [u.labels for u in units],
                [u.doc_id for u in units],
            )
        articles = pipeline_labeller(model)(document)
        return {label for article in articles for label in article.label_names}

    with _progress() as progress:
        task = progress.add_task("labelling", total=None)

        def tracked(document: CorpusDocument) -> set[str]:
            found = labels(document)
            progress.advance(task)
            return found

        rows = compare_with_atop(documents, tracked)
    emit(rows, fmt, title="Extracted provisions against ATOP 5.1")
    if fmt is not OutputFormat.JSON and rows:
        for variable in sorted({str(row["variable"]) for row in rows}):
            subset = [row for row in rows if row["variable"] == variable]
            agreed = sum(1 for row in subset if row["agree"])
            console.print(f"{variable}: {agreed}/{len(subset)} agree")
