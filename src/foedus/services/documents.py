"""Saving an extracted agreement text in the registry, all or nothing.

``foedus extract FILE --save`` reads a document (:func:`foedus.extraction.pipeline.extract`,
which refuses bad documents before anything exists) and hands the result here.
:func:`save_extraction` then, in one transaction:

1. finds the registry record of the same agreement: the one named by ``agreement_id``,
   or else one with exactly the parties resolved from the text and the same signing
   date (or year) (:func:`~foedus.storage.repository.find_matching`), so that the NL-Swiss
   training agreement of 2007 lands on its DCAD row instead of becoming a duplicate;
2. attaches the text, its articles (offsets into the text as read) and the extracted
   provisions to it (:func:`~foedus.storage.repository.attach_text`, which replaces
   earlier extracted rows, so saving twice duplicates nothing), or, with no match,
   inserts a new ``user:`` agreement first;
3. writes an audit entry.

A text is never attached to a record less sensitive than the text itself: a confidential
document matching a public DCAD row is saved as a new confidential agreement instead, so
the text cannot be read through the public row.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, select

from foedus.domain.agreements import Agreement, Party, Provision, SourceRef
from foedus.domain.sensitivity import Sensitivity
from foedus.errors import PermissionDenied
from foedus.extraction.pipeline import Extraction
from foedus.storage import schema as t
from foedus.storage.repository import (
    ArticleRow,
    attach_text,
    audit,
    find_matching,
    insert_agreements,
)

__all__ = ["SavedDocument", "article_rows", "extracted_provisions", "save_extraction"]

_MAX_TITLE = 2_000


@dataclass(frozen=True, slots=True)
class SavedDocument:
    """Where a saved text went: the agreement id, and whether that record already existed."""

    agreement_id: str
    attached: bool
    articles: int
    provisions: int


def article_rows(extraction: Extraction) -> list[ArticleRow]:
    """The labelled units as stored rows, spans in the document's text as read."""
    span = extraction.normalised.original_span
    rows: list[ArticleRow] = []
    for article in extraction.articles:
        start, end = span(article.segment.start, article.segment.end)
        rows.append(ArticleRow(article.segment.heading, start, end, article.text))
    return rows


def extracted_provisions(extraction: Extraction) -> list[Provision]:
    """Agreement-level provisions with confidence, evidence and carrying article."""
    return [
        Provision(
            label=item.label,
            source="text",
            method="extracted",
            confidence=item.confidence,
            evidence=item.evidence,
            article=item.article[:200],
        )
        for item in extraction.provisions
    ]


def _new_id(extraction: Extraction) -> str:
    """A stable id from the text, so the same document saved twice is one record."""
    digest = hashlib.sha256(extraction.document.text.encode("utf-8")).hexdigest()[:16]
    return f"user:text-{digest}"


def _sensitivity_of(connection: Connection, agreement_id: str) -> Sensitivity | None:
    value = connection.execute(
        select(t.agreements.c.sensitivity).where(t.agreements.c.id == agreement_id)
    ).scalar_one_or_none()
    return None if value is None else Sensitivity(value)


def _target(
    connection: Connection,
    extraction: Extraction,
    agreement_id: str | None,
    sensitivity: Sensitivity,
    clearance: Sensitivity,
) -> str | None:
    """The existing record to attach to, or None to insert a new one."""
    if agreement_id is not None:
        candidates = [agreement_id]
    else:
        ccodes = sorted({p.ccode for p in extraction.metadata.parties if p.ccode is not None})
        candidates = [_new_id(extraction)]
        if len(ccodes) >= 2:
            candidates = find_matching(connection, ccodes, extraction.metadata.signed, clearance)
            candidates.append(_new_id(extraction))
    for candidate in candidates:
        level = _sensitivity_of(connection, candidate)
        if level is not None and sensitivity <= level <= clearance:
            return candidate
    return None


def _new_agreement(
    extraction: Extraction, agreement_id: str, sensitivity: Sensitivity
) -> Agreement:
    metadata = extraction.metadata
    title = metadata.title or extraction.document.name
    parties = {p.ccode: p.name for p in metadata.parties if p.ccode is not None}
    return Agreement(
        id=agreement_id,
        title=" ".join(title.split())[:_MAX_TITLE],
        kind=extraction.kind,
        parties=[Party(ccode, name=name) for ccode, name in sorted(parties.items())],
        signed=metadata.signed,
        sources=[SourceRef("user", agreement_id.removeprefix("user:"), note="extracted text")],
        sensitivity=sensitivity,
        notes=f"saved from {extraction.document.name} by foedus extract",
    )


def save_extraction(
    engine: Engine,
    extraction: Extraction,
    *,
    sensitivity: Sensitivity = Sensitivity.PUBLIC,
    agreement_id: str | None = None,
    actor: str = "cli",
    clearance: Sensitivity = Sensitivity.PUBLIC,
) -> SavedDocument:
    """Store ``extraction``'s text, articles and provisions in one transaction.

    ``agreement_id`` names the record to attach to (or the id of a new one, stored as
    ``user:<id>`` unless it already has a source prefix); without it the record is found
    by parties and signing date. ``clearance`` is the caller's: records above it are
    neither matched nor overwritten, and a new record may not be more sensitive than it.
    """
    if sensitivity > clearance:
        raise PermissionDenied(
            f"cannot save a {sensitivity.name.lower()} text with {clearance.name.lower()} clearance"
        )
    wanted = None
    if agreement_id is not None:
        wanted = agreement_id if ":" in agreement_id else f"user:{agreement_id}"
    articles = article_rows(extraction)
    provisions = extracted_provisions(extraction)
    text = extraction.document.text
    with engine.begin() as connection:
        target = _target(connection, extraction, wanted, sensitivity, clearance)
        attached = target is not None
        if target is None:
            target = wanted or _new_id(extraction)
            if _sensitivity_of(connection, target) is not None:
                raise PermissionDenied(
                    f"{target} exists but may not hold a {sensitivity.name.lower()} text "
                    "(it is less sensitive, or above your clearance); choose another --id"
                )
            agreement = _new_agreement(extraction, target, sensitivity)
            insert_agreements(connection, [agreement], "user")
        attach_text(connection, target, text, articles, provisions)
        audit(
            connection,
            actor,
            "attach_text" if attached else "save_text",
            "agreement",
            target,
            {
                "document": extraction.document.name,
                "articles": len(articles),
                "provisions": len(provisions),
                "sensitivity": sensitivity.name.lower(),
            },
        )
    return SavedDocument(target, attached, len(articles), len(provisions))
