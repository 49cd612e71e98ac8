"""The whole extraction: read, normalise, check, segment, label, describe.

:func:`extract` takes a path or bytes and returns an :class:`Extraction`, the one result
``foedus extract`` prints and stores. Article offsets in :meth:`Extraction.to_dict` are
offsets into the document's text as read (before normalisation), through the offset map
of :mod:`foedus.extraction.normalise`; ``text`` is the cleaned text of the article.
Every refusal happens before any result exists, so there is never a partial extraction.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from foedus.domain.agreements import AgreementKind
from foedus.extraction.atop_mapping import atop_coding
from foedus.extraction.kind import predict_kind
from foedus.extraction.metadata import AgreementMetadata, extract_metadata
from foedus.extraction.model import DEFAULT_MODEL_PATH, ProvisionModel, load_model
from foedus.extraction.normalise import NormalisedText, normalise
from foedus.extraction.provisions import (
    AgreementProvision,
    LabelledArticle,
    agreement_provisions,
    label_articles,
)
from foedus.extraction.quality import check_text
from foedus.extraction.reading import RawDocument, read_bytes, read_path
from foedus.extraction.segment import Segment, SegmentKind, segment

__all__ = ["Extraction", "default_model", "extract", "extract_document"]


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything read from one agreement document."""

    document: RawDocument
    normalised: NormalisedText
    segments: tuple[Segment, ...]
    articles: tuple[LabelledArticle, ...]
    provisions: tuple[AgreementProvision, ...]
    metadata: AgreementMetadata
    kind: AgreementKind

    def to_dict(self) -> dict[str, Any]:
        """The result as plain data: ``metadata``, ``kind``, ``articles``, ``provisions``."""
        span = self.normalised.original_span
        metadata = self.metadata.to_dict()
        metadata["source"] = {
            "name": self.document.name,
            "format": str(self.document.format),
            "pages": self.document.pages,
            "characters": len(self.document.text),
        }
        metadata["structure"] = [
            {"kind": str(piece.kind), "heading": piece.heading,
             "start": span(piece.start, piece.end)[0], "end": span(piece.start, piece.end)[1]}
            for piece in self.segments
        ]  # fmt: skip
        metadata["atop_coding"] = atop_coding({p.label for p in self.provisions})
        return {
            "metadata": metadata,
            "kind": str(self.kind),
            "articles": [
                {
                    "heading": article.segment.heading,
                    "text": article.text,
                    "start": span(article.segment.start, article.segment.end)[0],
                    "end": span(article.segment.start, article.segment.end)[1],
                    "labels": [
                        {
                            "label": item.label,
                            "confidence": item.confidence,
                            "evidence": item.evidence,
                        }
                        for item in article.labels
                    ],
                }
                for article in self.articles
            ],
            "provisions": [
                {
                    "label": p.label,
                    "confidence": p.confidence,
                    "article": p.article,
                    "evidence": p.evidence,
                    "articles": list(p.articles),
                }
                for p in self.provisions
            ],  # fmt: skip
        }


@cache
def default_model() -> ProvisionModel:
    """The provision model shipped in the package (loaded once per process)."""
    return load_model(DEFAULT_MODEL_PATH)


def extract(
    source: str | Path | bytes, *, name: str | None = None, model: ProvisionModel | None = None
) -> Extraction:
    """Read and interpret an agreement given as a path or as the bytes of a file.

    Raises :class:`~foedus.errors.DocumentRefused` with the reason for documents that
    cannot honestly be read (see :mod:`foedus.extraction.reading` and
    :mod:`foedus.extraction.quality`).
    """
    if isinstance(source, bytes):
        document = read_bytes(source, name=name or "<stdin>")
    else:
        document = read_path(source)
    return extract_document(document, model=model)


def extract_document(document: RawDocument, *, model: ProvisionModel | None = None) -> Extraction:
    """Interpret a document already read."""
    normalised = normalise(document.text)
    check_text(normalised.text, name=document.name)
    text = normalised.text
    segments = tuple(segment(text))
    articles = tuple(label_articles(text, segments, model or default_model()))
    provisions = tuple(agreement_provisions(articles))
    title = next((piece.text(text) for piece in segments if piece.kind is SegmentKind.TITLE), None)
    front = "\n".join(
        piece.text(text)
        for piece in segments
        if piece.kind in {SegmentKind.TITLE, SegmentKind.PREAMBLE}
    )
    signature = "\n".join(
        piece.text(text) for piece in segments if piece.kind is SegmentKind.SIGNATURE
    )
    metadata = extract_metadata(text, title=title, front=front or None, signature=signature or None)
    kind = predict_kind(
        title, {p.label for p in provisions}, len(metadata.parties) or None, text=text
    )
    return Extraction(document, normalised, segments, articles, provisions, metadata, kind)
