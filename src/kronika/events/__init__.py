"""Events: ACLED-typed events per clause, and the snippet classifier.

Public API: :func:`extract_events` (pipeline stage: ``ctx -> list[Event]``),
:func:`classify_text` (snippet → (ACLED sub-event type, confidence)), :func:`classify_code`
(the CASE 2021 label code, 25 or 30 labels), :func:`load_taxonomy`.
"""

from kronika.events.classify import classify_code, classify_text, load_taxonomy, score_labels
from kronika.events.extract import extract_events

__all__ = ["classify_code", "classify_text", "extract_events", "load_taxonomy", "score_labels"]
