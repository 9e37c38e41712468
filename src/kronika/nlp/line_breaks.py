"""A line break ends a sentence: the ``kronika_line_breaks`` spaCy component."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class LineBreaks:
    """A line break ends a sentence: headlines, list items and bylines stand alone."""

    bullets = frozenset({"-", "–", "—", "•", "*", "·", "."})

    def __call__(self, doc: Doc) -> Doc:
        line_start = True
        for i, token in enumerate(doc[:-1]):
            nxt = doc[i + 1]
            if token.text_with_ws.endswith("\n") or "\n" in token.text:
                nxt.is_sent_start = True
                line_start = True
                continue
            if line_start and token.text in self.bullets:
                nxt.is_sent_start = False  # "- Headline": the bullet belongs to its line
            line_start = False
        if doc.text.startswith(("---", "+++")):
            self._front_matter_values(doc)
        self._after_datelines(doc)
        return doc

    @staticmethod
    def _after_datelines(doc: Doc) -> None:
        """A wire dateline ("PORT-AU-PRINCE, Oct 4 (Reuters) - ") is no part of the lead's
        sentence: the parse would take its city for the lead's subject."""
        from kronika.ingest.zones import wire_dateline_ends

        ends = wire_dateline_ends(doc.text)
        if not ends:
            return
        for token in doc[1:]:
            if any(doc[token.i - 1].idx < end <= token.idx for end in ends):
                token.is_sent_start = True

    @staticmethod
    def _front_matter_values(doc: Doc) -> None:
        """A title or description inside front matter is a sentence of its own, without its key."""
        from kronika.ingest.zones import front_matter_zones

        zones = front_matter_zones(doc.text)
        bounds = sorted({b for z in zones if z.kind in ("title", "description") for b in (z.start, z.end)})
        if not bounds:
            return
        for token in doc[1:]:
            if doc[token.i - 1].idx >= bounds[-1]:
                break  # no value starts or ends past here
            if any(doc[token.i - 1].idx < b <= token.idx for b in bounds):
                token.is_sent_start = True  # the first token at or after a value's start or end


@Language.factory("kronika_line_breaks", assigns=["token.is_sent_start"])
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()
