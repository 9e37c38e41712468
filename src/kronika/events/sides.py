"""The two sides of an agreement named only as such: "the two countries have agreed to swap
1,000 prisoners each", "as the sides negotiate a permanent truce". The phrase refers back to the
two parties the report has just named as acting on each other."""

from __future__ import annotations

from typing import Optional

from kronika.context import Context
from kronika.events.lexicon import load_lexicon
from kronika.events.parse import by_object, subject_up, trigger_root
from kronika.records import Actor, Event

SIDES_SENTENCES = 10  # how far back the two sides may have been named
_PARTY_KINDS = {"state", "government", "military", "police", "rebel", "political_militia", "identity_militia"}
_PAIR_WORDS = {"two", "both"}


def _names_the_sides(tok) -> bool:
    """ "the two countries", "both sides", "the sides", "the warring parties": a plural noun of
    parties, made definite by "the" or counted as two."""
    if tok is None or tok.tag_ != "NNS" or tok.lemma_.lower() not in load_lexicon().words["side_nouns"]:
        return False
    words = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet", "amod")}
    return bool(words & (_PAIR_WORDS | {"the"}))


def _party(a: Optional[Actor]) -> bool:
    return a is not None and a.kind in _PARTY_KINDS


def _last_pair(events: list[Event], e: Event) -> Optional[tuple[Actor, Actor]]:
    """The two parties of the last agreement before ``e`` that names both, else of the last event
    a few sentences before it that names both."""
    before = [p for p in sorted(events, key=lambda x: x.start, reverse=True) if p.start < e.start]
    for agreed in (True, False):
        for prev in before:
            near = e.sentence - prev.sentence <= SIDES_SENTENCES
            if (prev.sub_event_type == "Agreement" if agreed else near) and _party(prev.actor1) and _party(prev.actor2):
                return prev.actor1, prev.actor2
    return None


def agreement_sides(ctx: Context, events: list[Event]) -> list[Event]:
    """An agreement whose parties are named only as "the two countries" or "the sides" is between
    the two parties the report last named as acting on each other."""
    out = []
    for e in events:
        tok = trigger_root(ctx, e) if e.sub_event_type == "Agreement" and e.actor1 is None else None
        if tok is not None:
            subj = subject_up(tok)[0] if tok.pos_ == "VERB" else None
            if subj is None and tok.pos_ == "VERB":
                subj = by_object(tok)  # "the ceasefire agreed by both sides"
            pair = _last_pair(events, e) if _names_the_sides(subj) else None
            if pair is not None and (e.actor2 is None or e.actor2.actor_id in {a.actor_id for a in pair}):
                e = e.model_copy(update={"actor1": pair[0], "actor2": pair[1]})
        out.append(e)
    return out


__all__ = ["agreement_sides"]
