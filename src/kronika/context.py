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

from kronika.records import (
    NON_REPORTING_ZONES,
    Actor,
    Claim,
    Document,
    Event,
    Place,
    Quantity,
    Sentence,
    Statement,
    TimeSpan,
)

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
    _zone_list: Optional[tuple] = field(default=None, repr=False)
    _zone_starts: list = field(default_factory=list, repr=False)
    _zone_reach: list = field(default_factory=list, repr=False)

    @classmethod
    def from_doc(cls, doc: "Doc", document: Document) -> "Context":
        sentences = [
            Sentence(index=i, start=s.start_char, end=s.end_char, text=s.text) for i, s in enumerate(doc.sents)
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

    @property
    def zones(self) -> tuple:
        """The document's zones, by start; found here for a Document built without ``read_text``."""
        if self._zone_list is None:
            from kronika.ingest.zones import find_zones

            found = sorted(self.document.zones or find_zones(self.text), key=lambda z: (z.start, -z.end))
            first: dict = {}  # one zone per span: the first given ("Related:" bullet that reads as a caption)
            for z in found:
                first.setdefault((z.start, z.end), z)
            self._zone_list = tuple(first.values())
            self._zone_starts = [z.start for z in self._zone_list]
            ends, reach = [], -1
            for z in self._zone_list:
                reach = max(reach, z.end)
                ends.append(reach)
            self._zone_reach = ends  # the furthest end of the zones up to each one
        return self._zone_list

    def zone_at(self, char: int) -> Optional[str]:
        """The kind of the innermost zone holding ``char`` (a title inside front matter is a title):
        zones are disjoint or nested, so the holding zone that starts last is the innermost."""
        zones = self.zones
        k = bisect.bisect_right(self._zone_starts, char) - 1
        while k >= 0 and self._zone_reach[k] > char:
            if char < zones[k].end:
                return zones[k].kind
            k -= 1
        return None

    def reporting(self, char: int) -> bool:
        """Whether the character at ``char`` is the article's own reporting (not front matter, a
        heading, a metadata line or another article's headline)."""
        return self.zone_at(char) not in NON_REPORTING_ZONES

    def reports_in(self, start: int, end: int) -> bool:
        """Whether text [start, end) (a sentence) holds any of the article's own reporting: a
        sentence opened by a wire dateline ("NAIROBI, June 26 (Reuters) - Police fired ...") does."""
        last = min(end, len(self.text)) - 1
        while last > start and self.text[last].isspace():
            last -= 1
        return self.reporting(start) or self.reporting(last)

    def span_fields(self, start: int, end: int) -> dict:
        """``start``, ``end``, ``text`` and ``sentence`` for a Mention-derived record."""
        return {"start": start, "end": end, "text": self.text[start:end], "sentence": self.sentence_index(start)}
