"""Agreement text intelligence: read an agreement, find its structure and provisions.

The pipeline (:func:`extract`) reads PDF, DOCX, HTML or text (:mod:`.reading`), cleans
the text keeping an offset map (:mod:`.normalise`), refuses garbled or non-English text
(:mod:`.quality`), splits it into pieces (:mod:`.segment`), labels every article with
calibrated provision labels and evidence (:mod:`.patterns`, :mod:`.model`,
:mod:`.provisions`), reads metadata (:mod:`.metadata`), predicts the kind (:mod:`.kind`)
and maps provisions to ATOP's variables (:mod:`.atop_mapping`). :mod:`.evaluation`
scores it all against a labelled corpus by grouped cross-validation.
"""

from __future__ import annotations

from foedus.extraction.pipeline import Extraction, extract

__all__ = ["Extraction", "extract"]
