"""One event per place: "The strikes also hit Moscow, Belgorod, Tula and Tver" reports four events.

GUIDELINES (and ACLED): several places in one clause are several events, unless the text gives
one total over an area. ``split_by_place`` copies a mention once for each place coordinated with
its own ("Moscow, Belgorod, Tula and Tver", "Muzaffarabad and Kotli", "from Charallave to
Caucagüita"), and a town singled out inside the area ("across Ukraine, including in Kyiv"); each
copy keeps the clause, the actors, the time and the status, and takes its place.
A toll given once for the whole list stays with the first place only: the text does not split it.
"""

from __future__ import annotations

import hashlib

from kronika.context import Context
from kronika.events.corefer import place_contains
from kronika.events.lexicon import load_lexicon
from kronika.places.lexicon import load as places_lexicon
from kronika.records import Event, Place

_LIST_DEPS = {"conj", "appos"}
_RANGE_PREPS = {"to", "and"}
_WHOLE_COUNTRIES = {"country", "continent"}


def _token_of(ctx: Context, p: Place):
    span = ctx.doc.char_span(p.start, p.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _plural_term(tok) -> bool:
    """A plural subdivision term ("regions", "states") whose singular the places lexicon knows."""
    terms = places_lexicon().region_terms
    return tok.lower_.endswith("s") and tok.lower_ in terms and tok.lower_[:-1] in terms


def _listed_with(ctx: Context, place: Place, by_token: dict) -> list[Place]:
    """The places coordinated with ``place`` in its sentence, in text order, itself included."""
    root = _token_of(ctx, place)
    if root is None:
        return [place]
    top = root
    kinds = set(load_lexicon().words["place_nouns"])
    while top.dep_ in _LIST_DEPS and top.head.i != top.i and (top.head.i in by_token or top.head.lower_ in kinds):
        top = top.head  # up to the list's first place, through "the cities" of "Paris, the cities Toronto and ..."
    ends = _range_ends(top)
    if ends and all(t.i in by_token for t in ends):
        top = ends[0]  # "from Charallave to Caucagüita", the two ends hung on "from"
    found, todo = {}, [top]
    while todo:
        tok = todo.pop()
        if tok.i in by_token:
            found[tok.i] = by_token[tok.i]
        for c in tok.children:
            if c.dep_ in _LIST_DEPS and (c.i in by_token or c.pos_ == "PROPN" or c.lower_ in kinds):
                todo.append(c)  # through a name read otherwise ("Moscow, Belgorod, Tula": Belgorod an actor here)
                # or the kind of place that a name stands beside ("the Australian cities Melbourne and Sydney")
            elif c.dep_ == "prep" and c.lower_ in _RANGE_PREPS and tok.i in by_token:  # "from X to Y"
                todo.extend(g for g in c.children if g.dep_ == "pobj" and g.i in by_token)
        todo.extend(t for t in _range_ends(tok)[1:] if t.i in by_token and t.i not in found and tok.i in by_token)
    if _plural_term(root):  # "the Belgorod and Kursk regions": the names the plural term gathers
        found.update({t.i: by_token[t.i] for t in root.subtree if t.i in by_token})
    places = [found[i] for i in sorted(found)]
    if place not in places:
        return [place]
    # "Poltava, Ukraine", "Iraq and its Kurdistan region": a place and what contains it are one place
    places = [p for p in places if not any(q is not p and place_contains(p, q) for q in places)]
    if sum(p.level in _WHOLE_COUNTRIES for p in places) > 1:
        return [place]  # "attacks on U.S. forces in Iraq and Syria": a list of countries is no list of events
    return places


def _range_ends(tok) -> list:
    """The two ends of "from X to Y" when the parse hung "to" on "from" (X first), else none."""
    frm = tok.head if tok.dep_ == "pobj" else None
    if frm is not None and frm.lower_ == "to" and frm.head.lower_ == "from":
        frm = frm.head
    if frm is None or frm.lower_ != "from":
        return []
    first = [g for g in frm.children if g.dep_ == "pobj"]
    last = [g for c in frm.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return [first[0], last[0]] if first and last else []


def _included(ctx: Context, m: Event, by_token: dict) -> list[Place]:
    """Towns the mention's clause singles out inside its area ("strikes across Ukraine, including
    in Kyiv"): each is an event of its own beside the area's."""
    root = _token_of(ctx, m.place) if m.place is not None and m.place.level != "populated_place" else None
    if root is None:
        return []
    heads = {root.head, root.head.head}  # "across Ukraine": the preposition and what it hangs on
    found = []
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "including":
                found += [by_token[t.i] for t in c.subtree if t.i in by_token]
    return [p for p in found if p is not m.place and place_contains(m.place, p)]


_TIME_WORDS = {"weekend", "morning", "afternoon", "evening", "night", "day", "week"}


def _dated_apart(ctx: Context, m: Event, by_token: dict) -> list[Place]:
    """Places the parse hung on another place's time, the verb left out ("captured the villages of
    Lozuvatske over the weekend and Vovche on Monday"): each its own event, on its own day."""
    root = _token_of(ctx, m.place)
    verb = root
    while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return []
    found = []
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for when in (g for g in prep.children if g.dep_ == "pobj"):
            if when.ent_type_ in ("DATE", "TIME") or when.lemma_.lower() in _TIME_WORDS:
                found += [by_token[c.i] for c in when.children if c.dep_ == "conj" and c.i in by_token]
    return [p for p in found if p is not m.place]


def _time_after(ctx: Context, p: Place):
    """The time told right after a place of a gapped list, in its sentence: the place's own."""
    after = [t for t in ctx.times if t.sentence == p.sentence and 0 <= t.start - p.end <= 24]
    return min(after, key=lambda t: t.start) if after else None


def split_by_place(ctx: Context, mentions: list[Event]) -> list[Event]:
    """Each mention once per place coordinated with its own (see the module's docstring)."""
    by_token = {}
    for p in ctx.places:
        if p.role == "location" and p.resolved and (tok := _token_of(ctx, p)) is not None:
            by_token[tok.i] = p
    out: list[Event] = []
    for m in mentions:
        if m.place is None or m.status != "occurred":
            out.append(m)  # a plan's list of partners is no list of events
            continue
        listed = _listed_with(ctx, m.place, by_token)
        apart: list[Place] = []
        if listed == [m.place]:  # no list: a town singled out in the area, or places told each on its own day
            apart = _dated_apart(ctx, m, by_token)
            listed = [m.place, *_included(ctx, m, by_token), *apart]
        if len(listed) < 2:
            out.append(m.model_copy(update={"place": listed[0]}) if listed else m)
            continue
        for n, p in enumerate(listed):
            upd: dict = {"place": p}
            if apart:
                upd["time"] = _time_after(ctx, p) or m.time  # "Lozuvatske over the weekend and Vovche on Monday"
            if n:
                upd.update(id=hashlib.sha1(f"{m.id}:{p.start}".encode()).hexdigest()[:16], fatalities=None, claims=())
            out.append(m.model_copy(update=upd))
    return out
