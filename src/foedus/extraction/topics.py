"""Topical agreements: when the title names the agreement's one topic, its articles carry it.

An agreement "on the protection of classified information" or "the Arms Trade Treaty" is
about one provision topic throughout, and the corpus labels every substantive article of
such an agreement with that topic, including articles that only say how the protected
information is marked or how an export is assessed. Held out, a classifier trained on
other agreements cannot see that (round-2 error analysis: these agreements were the bulk
of the misses), but the title says it. So:

* the **subject statement** is the title, or for texts without one (exchanges of notes)
  the opening of the first unit, where a note says what it concerns;
* a topic is named when the subject statement matches that label's title pattern, written
  from the label definition and the usual wording of treaty titles;
* the topic label is added to every **substantive** unit: not the preamble, not a final
  clause (a unit the model already labels entry into force, duration, amendment or
  registration, or whose heading says it is such a clause), and only where the unit uses
  the topic's own vocabulary (:data:`~foedus.extraction.patterns.TRIGGERS`).

Only labels whose corpus convention is "the whole agreement" are propagated. Status of
forces, training and research are not: a SOFA's labels put ``status_of_forces`` on only
some of its articles, and the training and science agreements label their topic on a
few articles only (propagating them lowered grouped-CV F1; see ``docs/benchmarks.md``).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from foedus.extraction.patterns import TRIGGERS

__all__ = [
    "FINAL_LABELS",
    "TOPIC_CONFIDENCE",
    "TOPIC_TITLES",
    "is_final_clause",
    "named_topics",
    "topic_applies",
]

_I = re.IGNORECASE

#: Title wording that makes one label the topic of the whole agreement.
TOPIC_TITLES: dict[str, re.Pattern[str]] = {
    "classified_information": re.compile(
        r"classified|security of (?:military )?information|protection of (?:military )?information"
        r"|secre(?:cy|ts?)\b",
        _I,
    ),
    "procurement_armaments": re.compile(
        r"arms trade|trade in (?:conventional )?arms|arms transfers?"
        r"|transfers? of (?:conventional )?arms|armaments?|procurement|weapons? production"
        r"|(?:purchase|sale|supply|production) of"
        r" (?:arms|weapons|(?:defen[cs]e|military) equipment)"
        r"|defen[cs]e (?:equipment|industr\w*)",
        _I,
    ),
    "space": re.compile(
        r"(?:exploration|use|activities|cooperation)\b.{0,40}\bouter space"
        r"|space (?:objects|activities|cooperation|exploration)|objects launched|astronauts?"
        r"|satellites?",
        _I,
    ),
    "tax_customs_exemption": re.compile(
        r"relief from (?:taxes|duties)|tax(?:ation)? (?:relief|exemption)"
        r"|exemption from (?:taxes|taxation|customs|duties)",
        _I,
    ),
}

#: Labels that make a unit a final clause (never given the agreement's topic).
FINAL_LABELS = frozenset(
    {"entry_into_force", "duration_termination", "amendment", "un_registration"}
)

#: Confidence of a propagated topic label: its precision in grouped cross-validation
#: (37 of 52 added labels right; see docs/benchmarks.md).
TOPIC_CONFIDENCE = 0.7

_FINAL_HEADING = re.compile(
    r"entry into force|duration|terminat|withdrawal|denunciation|amendment|revision|signature"
    r"|ratification|accession|reservations|depositary|authentic|registration"
    r"|final (?:clauses|provisions)|effective date|territorial application|relationship with",
    _I,
)
_HEADING_SPAN = 90  # heading and article title: the first characters of a unit
_SUBJECT_SPAN = 500  # opening of the first unit, where a note states its subject


def named_topics(title: str | None, first_unit: str | None = None) -> frozenset[str]:
    """The labels the agreement's subject statement names as its whole topic.

    The subject statement is ``title``; without one, the opening of ``first_unit``.
    """
    subject = title if title and title.strip() else (first_unit or "")[:_SUBJECT_SPAN]
    subject = " ".join(subject.split())
    return frozenset(label for label, pattern in TOPIC_TITLES.items() if pattern.search(subject))


def is_final_clause(unit: str, labels: Collection[str]) -> bool:
    """Whether a unit is a final clause, by its predicted labels or its heading."""
    return bool(FINAL_LABELS.intersection(labels)) or bool(
        _FINAL_HEADING.search(unit[:_HEADING_SPAN])
    )


def topic_applies(label: str, unit: str) -> bool:
    """Whether a substantive unit speaks of the topic ``label`` at all (its trigger words)."""
    lowered = unit.lower()
    return any(word in lowered for word in TRIGGERS[label])
