"""kronika's spaCy components, declared by factories and exposed via ``spacy_factories``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class LineBreaks:
    """A line break ends a sentence: headlines, list items and bylines stand alone."""

    bullets = frozenset({"-", "–", "—", "•", "*", "·"})

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
        return doc


@Language.factory("kronika_line_breaks", assigns=["token.is_sent_start"])
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()
