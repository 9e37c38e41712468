"""Places: recognize place names and resolve them to GeoNames entries, offline.

``resolve_places(ctx)`` is the pipeline stage; ``resolve_spans(ctx, spans)`` resolves given
character spans (gold toponyms in the benchmark). The gazetteer is :mod:`kronika.places.gazetteer`.
"""

from __future__ import annotations

from typing import Callable, Iterable, Optional

from kronika.places import gazetteer
from kronika.places.capital import capital_places
from kronika.places.gazetteer import Gazetteer
from kronika.places.names import normalize
from kronika.places.lexicon import load as load_lexicon
from kronika.places.recognize import Span, _annotate, recognize
from kronika.places.resolve import to_places
from kronika.records import Place

__all__ = ["resolve_places", "resolve_spans", "Gazetteer", "gazetteer", "recognize"]


def resolve_places(
    ctx,
    gaz: Optional[Gazetteer] = None,
    adjectival: bool = True,
    embedded: bool = True,
    groups: Optional[Callable[[str], bool]] = None,
) -> list[Place]:
    """Every toponym of the document in ``ctx``, resolved, in text order, each with its role.

    ``adjectival`` returns adjectival country forms ("Turkish" → Turkey) with role "demonym";
    ``embedded`` returns names inside organisation names ("Ohio" in "Ohio State University") with
    role "name_part". Users of the places as locations (events, the chronicle, the map) keep
    ``role == "location"``. ``groups`` tells the names of armed groups (the actor dictionary's, passed
    in by the pipeline): such a name the gazetteer does not know is no place ("M23").
    """
    gaz = gaz or Gazetteer.default()
    lex = load_lexicon()
    spans = recognize(
        ctx.doc,
        lex,
        adjectival=adjectival,
        demonyms=gaz.demonyms,
        embedded=embedded,
        known=lambda keys: (
            {k for k, v in gaz.keys(keys).items() if v}
            | (keys & (lex.country_aliases.keys() | lex.region_aliases.keys() | lex.town_aliases.keys()))
        ),
    )
    return capital_places(ctx, to_places(ctx, spans, gaz, lex, groups=groups), gaz)


def resolve_spans(ctx, spans: Iterable[tuple[int, int]], gaz: Optional[Gazetteer] = None) -> list[Place]:
    """Resolve the given character spans (start, end) of ``ctx``'s text as place names; one Place per span."""
    gaz = gaz or Gazetteer.default()
    lex = load_lexicon()
    text = ctx.text
    out = []
    for s, e in sorted(spans):
        key = normalize(text[s:e])
        sp = Span(s, e, text[s:e], "gold", key)
        words = key.split()
        if len(words) > 1 and words[-1] in lex.region_terms:
            sp.base, sp.term = " ".join(words[:-1]), words[-1]
        if key in gaz.demonyms or key in lex.adjectives:
            sp.source = "adjectival"
        elif key.endswith("s") and key[:-1] in gaz.demonyms:  # "Syrians"
            sp.source, sp.key = "adjectival", key[:-1]
        code = lex.abbreviations.get(text[s:e].strip()) or lex.abbreviations.get(text[s:e].strip() + ".")
        if code:
            sp.code = code
        out.append(_annotate(ctx.doc, lex, sp, text))
    return to_places(ctx, out, gaz, lex, keep_all=True)
