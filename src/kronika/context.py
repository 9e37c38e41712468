"""What every stage receives: the parsed text and what earlier stages found.

Stages are pure functions of a :class:`Context` (``resolve_places(ctx)``,
``find_times(ctx)``, ...). The orchestrator (:mod:`kronika.pipeline`) fills the lists
in order: places → times → actors → quantities → claims → events.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from kronika.records import Actor, Claim, Document, Event, Place, Quantity, Sentence, Statement, TimeSpan

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


@dataclass
class Context:
    doc: "Doc"
    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeSpan] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def from_doc(cls, doc: "Doc", document: Document) -> "Context":
        sentences = [
            Sentence(index=i, start=s.start_char, end=s.end_char, text=s.text)
            for i, s in enumerate(doc.sents)
        ]
        return cls(doc=doc, document=document, sentences=sentences, _starts=[s.start for s in sentences])

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def published(self) -> Optional[dt.date]:
        return self.document.published

    def sentence_index(self, char: int) -> int:
        """Index of the sentence containing character offset ``char``."""
        if not self._starts:
            return 0
        return max(0, bisect.bisect_right(self._starts, char) - 1)

    def span_fields(self, start: int, end: int) -> dict:
        """``start``, ``end``, ``text`` and ``sentence`` for a Mention-derived record."""
        return {"start": start, "end": end, "text": self.text[start:end], "sentence": self.sentence_index(start)}
