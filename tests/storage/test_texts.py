"""Attaching an agreement's text to the registry record of the same agreement."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import Engine, func, select

from foedus.domain.agreements import Provision
from foedus.domain.sensitivity import Sensitivity
from foedus.storage import schema as t
from foedus.storage.repository import (
    AgreementQuery,
    ArticleRow,
    attach_text,
    find_matching,
    get_agreement,
    search_agreements,
)


def test_corpus_agreement_matches_its_dcad_row(empty_engine: Engine) -> None:
    from foedus.datasets.registry_load import load_dataset

    load_dataset(empty_engine, "cow_states")
    load_dataset(empty_engine, "dcad")
    with empty_engine.connect() as connection:
        # The Netherlands-Switzerland training agreement of 12 April 2007 (corpus 027).
        exact = find_matching(connection, [225, 210], date(2007, 4, 12), Sensitivity.PUBLIC)
        # A date that is wrong by days still finds the agreement of that year.
        nearby = find_matching(connection, [210, 225], date(2007, 4, 13), Sensitivity.PUBLIC)
        none = find_matching(connection, [210, 225], date(1999, 1, 1), Sensitivity.PUBLIC)
    assert exact == ["dcad:DCADv1.0-0432"]
    assert nearby == ["dcad:DCADv1.0-0432"]
    assert none == []


def test_attach_text_keeps_coded_provisions(empty_engine: Engine, corpus_dir: Path) -> None:
    from foedus.datasets.registry_load import load_dataset

    load_dataset(empty_engine, "cow_states")
    load_dataset(empty_engine, "dcad")
    text = (corpus_dir / "027_nl-switzerland-military-training-2007.txt").read_text()
    heading = "Article I"
    start = text.index(heading)
    articles = [ArticleRow(heading, start, start + 200, text[start : start + 200])]
    extracted = [Provision("status_of_forces", method="extracted", confidence=0.9,
                           evidence="...", article=heading)]  # fmt: skip
    agreement_id = "dcad:DCADv1.0-0432"
    with empty_engine.begin() as connection:
        before = get_agreement(connection, agreement_id, Sensitivity.PUBLIC)
        attach_text(connection, agreement_id, text, articles, extracted)
        attach_text(connection, agreement_id, text, articles, extracted)  # twice: no duplicates
    with empty_engine.connect() as connection:
        after = get_agreement(connection, agreement_id, Sensitivity.PUBLIC)
        stored_articles = connection.execute(
            select(func.count()).select_from(t.articles)
        ).scalar_one()
        word = text.split()[40].lower()
        found = search_agreements(
            connection, AgreementQuery(text=word, sources=["dcad"], limit=0), Sensitivity.PUBLIC
        )
    assert before is not None and after is not None
    coded = [p for p in before.provisions if p.method == "coded"]
    assert [p for p in after.provisions if p.method == "coded"] == coded
    assert [p.label for p in after.provisions if p.method == "extracted"] == ["status_of_forces"]
    assert stored_articles == 1
    assert agreement_id in {a.id for a in found}
