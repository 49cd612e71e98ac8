"""Agreements as plain dictionaries (JSON rows, exports, API responses)."""

from __future__ import annotations

from typing import Any

from foedus.domain.agreements import Agreement

__all__ = ["agreement_row", "agreement_to_dict"]


def agreement_to_dict(agreement: Agreement, *, full: bool = True) -> dict[str, Any]:
    """The agreement as a JSON-ready dictionary.

    Always: ``id``, ``title``, ``short_name``, ``kind``, ``signed``, ``in_force``, ``ended``,
    ``status``, ``sensitivity``, ``parties`` (each with ``ccode``), ``sources`` and
    ``provisions`` (labels). ``full`` adds each provision's grade, source and evidence,
    and the agreement's coded attributes.
    """
    data: dict[str, Any] = {
        "id": agreement.id,
        "title": agreement.title,
        "short_name": agreement.short_name,
        "kind": agreement.kind.value,
        "signed": agreement.signed.isoformat() if agreement.signed else None,
        "in_force": agreement.in_force.isoformat() if agreement.in_force else None,
        "ended": agreement.ended.isoformat() if agreement.ended else None,
        "status": agreement.status.value,
        "sensitivity": agreement.sensitivity.name.lower(),
        "parties": [
            {
                "ccode": party.ccode,
                "name": party.name,
                "role": party.role.value,
                "joined": party.joined.isoformat() if party.joined else None,
                "left": party.left.isoformat() if party.left else None,
            }
            for party in agreement.parties
        ],
        "sources": [
            {"dataset": s.dataset, "id": s.source_id, "version": s.version}
            for s in agreement.sources
        ],
        "provisions": agreement.provision_labels(),
    }
    if full:
        data["provision_details"] = [
            {
                "label": p.label,
                "grade": p.grade,
                "source": p.source,
                "method": p.method,
                "confidence": p.confidence,
                "evidence": p.evidence,
                "article": p.article,
            }
            for p in agreement.provisions
        ]
        data["notes"] = agreement.notes
        data["attributes"] = agreement.attributes
    return data


def agreement_row(agreement: Agreement) -> dict[str, Any]:
    """A flat summary for tables and CSV: one cell per field, parties by name."""
    return {
        "id": agreement.id,
        "signed": agreement.signed.isoformat() if agreement.signed else "",
        "kind": agreement.kind.value,
        "title": agreement.title,
        "parties": _names(agreement),
        "provisions": ", ".join(agreement.provision_labels()),
        "sources": ", ".join(f"{s.dataset}:{s.source_id}" for s in agreement.sources),
    }


def _names(agreement: Agreement, shown: int = 4) -> str:
    names = sorted({party.name or str(party.ccode) for party in agreement.parties})
    extra = f" (+{len(names) - shown})" if len(names) > shown else ""
    return ", ".join(names[:shown]) + extra
