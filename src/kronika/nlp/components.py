"""kronika's spaCy components, declared by factories and exposed via ``spacy_factories``.

``kronika_line_breaks`` lives in :mod:`kronika.nlp.line_breaks` (the loader adds it, so it must
not import the pipeline); ``kronika_analysis``, the whole analysis as one component, is here.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kronika.nlp.line_breaks import LineBreaks, make_line_breaks

__all__ = ["AnalysisComponent", "LineBreaks", "make_analysis", "make_line_breaks"]

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
        document = Document(
            id=document_id(doc.text),
            text=doc.text,
            published=published,
            published_from="user" if published else "unknown",
            source=doc._.kronika_source,
        )
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
