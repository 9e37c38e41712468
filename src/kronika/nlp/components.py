"""kronika's spaCy components, declared by factories and exposed via ``spacy_factories``."""

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
        return doc

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


# --- the whole kronika analysis as one component -------------------------------------

if not Doc.has_extension("kronika"):
    Doc.set_extension("kronika", default=None)
if not Doc.has_extension("kronika_published"):
    Doc.set_extension("kronika_published", default=None)
if not Doc.has_extension("kronika_source"):
    Doc.set_extension("kronika_source", default=None)


class AnalysisComponent:
    """Runs kronika's stages on a parsed doc and sets ``doc._.kronika`` to the Analysis.

    Set ``doc._.kronika_published`` (a date) before, or give ``published`` in the config.
    Add it after the parser and NER: ``nlp.add_pipe("kronika_analysis")``.
    """

    def __init__(self, nlp: Language, published: str | None = None) -> None:
        from kronika.pipeline import _stages

        self.nlp = nlp
        self.published = published
        self.stages = _stages()

    def __call__(self, doc: Doc) -> Doc:
        import datetime as dt

        from kronika.ingest import document_id
        from kronika.nlp import pipeline_id
        from kronika.pipeline import run_stages
        from kronika.records import Document

        published = doc._.kronika_published or (dt.date.fromisoformat(self.published) if self.published else None)
        document = Document(id=document_id(doc.text), text=doc.text, published=published,
                            published_from="user" if published else "unknown", source=doc._.kronika_source)
        doc._.kronika = run_stages(self.stages, doc, document, pipeline_id(self.nlp))
        return doc


@Language.factory(
    "kronika_analysis",
    default_config={"published": None},
    assigns=["doc._.kronika"],
    requires=["token.dep", "token.head", "doc.ents", "doc.sents"],
)
def make_analysis(nlp: Language, name: str, published: str | None) -> AnalysisComponent:
    return AnalysisComponent(nlp, published)
