""" "The capital" with no name after it: the capital of the country the report is about.

"Last month, gangs attacked a hospital in the capital" in a report on Haiti is at Port-au-Prince;
"the Sudanese capital" is Khartoum whatever the report is about. A phrase that names the capital
("the capital, Sanaa", "the capital city of Juba", "the capital Kinshasa") leaves it to the name,
and a capital that is no city ("capital punishment", "the capital markets") is none.
"""

from __future__ import annotations

from typing import Optional

from kronika.places.gazetteer import Entry, Gazetteer
from kronika.places.resolve import ACLED, UCDP, entry_fields
from kronika.records import Place

_HOLDERS = {"country", "nation", "country's", "nation's"}  # "the country's capital"


def capital_places(ctx, places: list[Place], gaz: Gazetteer) -> list[Place]:
    """``places`` with each bare "the capital" resolved, in text order."""
    doc = ctx.doc
    if doc is None or "capital" not in ctx.text.lower():
        return places
    taken = [(p.start, p.end) for p in places]
    found = []
    for tok in doc:
        if tok.lower_ != "capital" or tok.pos_ != "NOUN" or not _bare(tok, gaz.demonyms):
            continue
        if any(s < tok.idx + len(tok) and tok.idx < e for s, e in taken):
            continue
        cc = _country_named(tok, gaz) or _report_country(places)
        entry = _capital_of(gaz, cc) if cc else None
        if entry is None:
            continue
        start = min(c.idx for c in tok.subtree if c.i <= tok.i)  # "the capital", or "capital" after a name
        start = start if not any(s < tok.idx and start < e for s, e in taken) else tok.idx
        fields = ctx.span_fields(start, tok.idx + len(tok))
        level = entry.level or "populated_place"
        found.append(
            Place(
                **fields,
                **entry_fields(entry),
                role="location",
                geo_precision=ACLED.get(level, 3),
                where_prec=UCDP.get(level, 6),
            )
        )
    return sorted(places + found, key=lambda p: p.start) if found else places


def _bare(tok, demonyms: dict) -> bool:
    """ "the capital", "the country's capital", "the Haitian capital" with no name or noun after it,
    and no other word that makes it another capital ("the war-time capital", "the de facto capital")."""
    if tok.dep_ in ("compound", "amod", "nmod") or not any(
        c.lower_ in ("the", "its") or c.dep_ == "poss" for c in tok.children
    ):
        return False
    if any(c.dep_ in ("amod", "compound", "nmod") and c.lower_ not in demonyms for c in tok.children):
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    after = tok.doc[tok.i + 2] if tok.i + 2 < len(tok.doc) else None
    if nxt is not None and (nxt.pos_ in ("PROPN", "NOUN") or nxt.lower_ in ("of", "city")):
        return False  # "the capital Kinshasa", "the capital markets", "the capital of Mali"
    if nxt is not None and nxt.text == "," and after is not None and after.pos_ == "PROPN":
        return False  # "the capital, Sanaa"
    return not any(c.dep_ == "appos" for c in tok.children)


def _country_named(tok, gaz: Gazetteer) -> Optional[str]:
    """The country an adjective before "capital" names ("the Sudanese capital")."""
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and c.lower_ in gaz.demonyms:
            return gaz.demonyms[c.lower_]
    return None


def _report_country(places: list[Place]) -> Optional[str]:
    """The one country every place of the report is in: a report that names places in two
    countries may mean either's capital ("drones heading towards the capital" in a report of
    strikes on Kyiv and on Moscow)."""
    countries = {p.country_code for p in places if p.resolved and p.role == "location" and p.country_code}
    return next(iter(countries)) if len(countries) == 1 else None


def _capital_of(gaz: Gazetteer, cc: str) -> Optional[Entry]:
    row = gaz.countries.get(cc)
    if row is None or not row[4]:
        return None
    found = [e for e in gaz.lookup(row[4]) if e.country_code == cc and e.feature_code == "PPLC"]
    return found[0] if found else None


__all__ = ["capital_places"]
