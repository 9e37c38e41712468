"""The orchestrator: it reads like the pipeline.

    text → nlp → places → times → actors → quantities → claims → statements → events → Analysis

``analyze(text, published=..., source=...)`` runs it on one text with the default
pipeline; ``Pipeline(nlp=...)`` lets callers inject their own spaCy pipeline.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Callable, Iterable, Iterator, Optional

from kronika import nlp as nlp_mod
from kronika.context import Context
from kronika.errors import KronikaError
from kronika.ingest import IngestOptions, read_text
from kronika.ingest.dates import parse_user_date
from kronika.nlp.blocks import BLOCK, tokenizable
from kronika.nlp.blocks import parse as parse_in_blocks
from kronika.records import Analysis, Document


def _stages(gazetteer=None) -> list[tuple[str, Callable[[Context], list]]]:
    """The stages in order; the places stage reads ``gazetteer`` (the cache's when None)."""
    from kronika.actors import armed_group, find_actors
    from kronika.claims import extract_claims
    from kronika.events import extract_events
    from kronika.places import resolve_places
    from kronika.quantities import find_quantities
    from kronika.statements import extract_statements
    from kronika.time import find_times

    return [
        # a name the gazetteer does not know and the actor dictionary knows as an armed group is no place
        ("places", functools.partial(resolve_places, gaz=gazetteer, groups=armed_group)),
        ("times", find_times),
        ("actors", find_actors),
        ("quantities", find_quantities),
        ("claims", extract_claims),
        ("statements", extract_statements),
        ("events", extract_events),
    ]


def run_stages(
    stages, doc, document: Document, pipeline_name: Optional[str] = None, warnings: Iterable[str] = ()
) -> Analysis:
    """Run ``stages`` in order on a parsed ``doc``; each fills its list in the Context.
    ``warnings``: what the caller already knows about this run (a model fallback)."""
    ctx = Context.from_doc(doc, document)
    ctx.warnings.extend(warnings)
    for name, stage in stages:
        setattr(ctx, name, list(stage(ctx)))
    return Analysis(
        document=document,
        sentences=tuple(ctx.sentences),
        places=tuple(ctx.places),
        times=tuple(ctx.times),
        actors=tuple(ctx.actors),
        quantities=tuple(ctx.quantities),
        claims=tuple(ctx.claims),
        statements=tuple(ctx.statements),
        events=tuple(ctx.events),
        warnings=tuple(ctx.warnings),
        pipeline=pipeline_name,
    )


class Pipeline:
    """kronika's analysis of documents. ``nlp`` may be any spaCy English pipeline with a parser and NER."""

    def __init__(self, nlp=None, *, model: Optional[str] = None, gazetteer=None) -> None:
        """``nlp``: a loaded spaCy pipeline (else ``model``'s, loaded once per process);
        ``gazetteer``: an open :class:`~kronika.places.gazetteer.Gazetteer` (else the cache's,
        which must be built: ``kronika gazetteer build``)."""
        self.nlp = nlp if nlp is not None else nlp_mod.load(model)
        if "kronika_line_breaks" not in self.nlp.pipe_names and "parser" in self.nlp.pipe_names:
            self.nlp.add_pipe("kronika_line_breaks", before="parser")
        if gazetteer is None:
            from kronika.places.gazetteer import Gazetteer

            gazetteer = Gazetteer.default()
        self.gazetteer = gazetteer
        self.stages = _stages(gazetteer)
        self.name = nlp_mod.pipeline_id(self.nlp)
        note = nlp_mod.fallback_note(self.nlp)
        self.warnings: tuple[str, ...] = (note,) if note else ()

    def run(self, doc, document: Document) -> Analysis:
        """Run every stage on a parsed spaCy ``doc`` of ``document.text``."""
        return run_stages(self.stages, doc, document, self.name, self.warnings)

    def parse(self, text: str):
        """The spaCy doc of ``text`` that every stage reads (a long text parsed in blocks)."""
        return parse_in_blocks(self.nlp, text)

    def analyze_document(self, document: Document) -> Analysis:
        return self.run(self.parse(document.text), document)

    def warm(self) -> None:
        """Load what the stages load on first use (word lists, the classifier, the gazetteer's
        pages) with one short text, so a per-document time limit times the document alone."""
        if not getattr(self, "_warm", False):
            self.analyze("Police said two people were killed in Kharkiv on Monday.", published="2025-01-01")
            self._warm = True

    def pipe(self, documents: Iterable[Document], batch_size: int = 16) -> Iterator[Analysis]:
        """Analyse many documents, parsing them in batches with ``nlp.pipe``."""
        docs = list(documents)
        short = self.nlp.pipe((tokenizable(d.text) for d in docs if len(d.text) <= BLOCK), batch_size=batch_size)
        for document in docs:
            doc = next(short) if len(document.text) <= BLOCK else self.parse(document.text)
            yield self.run(doc, document)

    def analyze(
        self,
        text: str,
        *,
        published: dt.date | str | None = None,
        source: Optional[str] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
        check_language: bool = True,
    ) -> Analysis:
        if isinstance(published, str):
            published = parse_user_date(published)
        document = read_text(
            text,
            title=title,
            url=url,
            source=source,
            options=IngestOptions(published=published, check_language=check_language),
        )
        return self.analyze_document(document)


_default: Optional[Pipeline] = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def analyze(
    text: str,
    *,
    published: dt.date | str | None = None,
    source: Optional[str] = None,
    title: Optional[str] = None,
    url: Optional[str] = None,
) -> Analysis:
    """Analyse one text with the default pipeline: ``kronika.analyze(text, published="2025-01-20")``."""
    if not isinstance(text, str):
        raise KronikaError("analyze() takes the text as a string; use kronika.ingest.read_path for files")
    return default_pipeline().analyze(text, published=published, source=source, title=title, url=url)
