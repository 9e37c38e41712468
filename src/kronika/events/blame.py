"""Who a report blames: an attack told with no doer takes the one its sources lay it on.

News often names the attacker only as an accusation: "a drone strike killed 14 people, activists
said, blaming the RSF"; "a car bomb killed nine. Police blamed al-Shabaab for the attack"; "the
government held the rebels responsible for the massacre"; "officials attributed the bombing to
ISIS". ACLED codes such an event with the accused side as actor 1 (the attribution is the
source's). The verbs are ``blame_verbs`` of ``data/events/triggers.yaml``.

An event takes the blamed actor when it has no actor 1 of its own, is violence (a strike, an
explosion, an attack on civilians), and the blame is in the sentence of one of its mentions and
aimed at nothing else (no "for" phrase, or one naming an event word), or in the next sentence
aimed at "the attack" (a definite event noun) with no other event between.
"""

from __future__ import annotations

import re
from typing import Optional

from kronika.context import Context
from kronika.events.frame import DocIndex, actor_in
from kronika.events.lexicon import Lexicon, load_lexicon
from kronika.events.parse import PRONOUNS, prep_obj
from kronika.events.triggers import trigger_for
from kronika.records import Actor, Event

_BLAMED_FAMILIES = {"Explosions/Remote violence", "Violence against civilians"}
_BLAME_WORD = re.compile(r"\b(?:blam|hold|held|attribut)", re.IGNORECASE)  # the forms of blame_verbs


def _blamed_token(verb):
    """The token naming who ``verb`` blames: "blamed X (for ...)", "held X responsible",
    "attributed it to X", "was blamed on X"; None for other uses ("hold talks")."""
    lemma = verb.lemma_.lower()
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if lemma == "blame":
        return obj if obj is not None else prep_obj(verb, "on")
    if lemma == "hold":
        held = any(c.lower_ == "responsible" for c in verb.subtree if c.i > verb.i)
        return obj if held else None
    return prep_obj(verb, "to")  # attribute


def _aim(verb):
    """What the blame is for: the object of "for" ("blamed X for the attack"), the object of
    "blamed ... on" in the passive ("the attack was blamed on X": its subject), else None."""
    aim = prep_obj(verb, "for")
    if aim is None and verb.lemma_.lower() == "attribute":
        aim = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if aim is None and verb.lemma_.lower() == "blame" and prep_obj(verb, "on") is not None:
        aim = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return aim


def _accused(d: DocIndex, sent, lex: Lexicon) -> list[tuple[Actor, object]]:
    """(actor blamed, what for) for each blame in sentence ``sent``."""
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.words["blame_verbs"]:
            continue
        who = _blamed_token(tok)
        if who is None or who.lower_ in PRONOUNS:
            continue
        actor = actor_in(d, who)
        if actor is not None and actor.kind not in ("civilians", "person", "media"):
            out.append((actor, _aim(tok)))
    return out


def _for_an_event(aim, lex: Lexicon) -> bool:
    """The blame is for an act of violence ("for the attack", "for the bombing"), not for
    something else ("blamed the government for the crisis")."""
    return aim is None or trigger_for(aim, lex) is not None


def _definite(aim) -> bool:
    """The aim points back at an event already told: "the attack", "the bombing", "it"."""
    return aim is not None and (
        aim.lower_ in ("it", "this") or any(c.lower_ in ("the", "this", "that") for c in aim.children)
    )


def _blame_for(d: DocIndex, sents: list, e: Event, next_event: Optional[int], lex: Lexicon) -> Optional[Actor]:
    """The actor blamed for event ``e`` (``sents``: the document's sentences), else None."""
    own = {e.sentence, *(m.sentence for m in e.mentions)}
    for si in sorted(own):
        for actor, aim in _accused(d, sents[si], lex):
            if _for_an_event(aim, lex):
                return actor
    after = max(own) + 1
    if after < len(sents) and (next_event is None or next_event > after):
        for actor, aim in _accused(d, sents[after], lex):
            if _definite(aim) and _for_an_event(aim, lex):
                return actor
    return None


def blamed(ctx: Context, events: list[Event]) -> list[Event]:
    """Events of violence with no actor 1 take the actor their report blames (module docstring);
    never the event's own target."""
    lex = load_lexicon()
    if not _BLAME_WORD.search(ctx.text) or not any(t.lemma_.lower() in lex.words["blame_verbs"] for t in ctx.doc):
        return events  # the text searched first: a look at every token's lemma costs more
    d, sents = DocIndex(ctx), list(ctx.doc.sents)
    starts = sorted(min([e.sentence, *(m.sentence for m in e.mentions)]) for e in events)
    out = []
    for e in events:
        if e.actor1 is None and e.event_type in _BLAMED_FAMILIES and e.status == "occurred":
            last = max([e.sentence, *(m.sentence for m in e.mentions)])
            following = next((s for s in starts if s > last), None)
            actor = _blame_for(d, sents, e, following, lex)
            if actor is not None and (e.actor2 is None or e.actor2.name != actor.name):
                e = e.model_copy(update={"actor1": actor})
        out.append(e)
    return out


__all__ = ["blamed"]
