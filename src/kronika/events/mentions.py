"""Event mentions: one record per clause that reports an event, before mentions are grouped.

The passes, in order, for each trigger word of a sentence of the article's own reporting:

1. ``not_an_event`` and ``absorbed`` (:mod:`kronika.events.triggers`): the word's requirements
   (an object of the right kind, a military context...), the readings that are not events ("the
   captured soldier", "attack aircraft", "to liberate Mosul"), and the words that report the event
   of another trigger ("bombed the village, killing 6"), which stand if that trigger gives none;
2. ``frame`` (:mod:`kronika.events.frame`): actor1 and actor2 from the parse;
3. ``sub_event`` (:mod:`kronika.events.subtype`): the ACLED sub-event type;
4. ``_carry_agent``: an attacker carried over from the previous strike of the same type;
5. ``_arguments``: span, place, time, status and fatalities of the clause;

and then, over the document, ``attribute_responsibility``: "It was carried out by X" names the
attacker of the event just reported.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Optional

from kronika.actors import event_actor, load_dictionary
from kronika.context import Context
from kronika.events.allies import find_ally
from kronika.events.arguments import arrest_time, claims_for, event_time, in_own_phrase, place_for
from kronika.events.classify import load_classifier, load_taxonomy
from kronika.events.corefer import ally_apart
from kronika.events.frame import DocIndex, Frame, attribute_responsibility, frame, infer_generic
from kronika.events.lexicon import Lexicon, Trigger, load_lexicon
from kronika.events.parse import is_noun, is_verb
from kronika.events.status import event_status, was_to
from kronika.events.subtype import GOV_ROLES, info_type, sub_event
from kronika.events.triggers import absorbed, not_an_event, trigger_for
from kronika.records import Actor, Event, Mention
from kronika.statements import statement_at


@dataclass
class Run:
    """What the passes share over one document."""

    ctx: Context
    lex: Lexicon = field(default_factory=load_lexicon)
    tax: dict = field(default_factory=lambda: load_taxonomy()["sub_event_types"])
    clf: object = field(default_factory=load_classifier)
    dictionary: object = field(default_factory=load_dictionary)
    events: list = field(default_factory=list)
    seen_lemmas: set = field(default_factory=set)
    used_tokens: set = field(default_factory=set)
    index: Optional[DocIndex] = None

    def __post_init__(self) -> None:
        self.index = DocIndex(self.ctx)

    @property
    def day(self):
        return self.ctx.published


def clause_mentions(ctx: Context) -> list[Event]:
    """One event record per clause that reports an event, in text order."""
    run = Run(ctx)
    in_time = {i for t in ctx.times for i in range(t.start, t.end)}
    for si, sent in enumerate(ctx.doc.sents):
        candidates = [
            (tok, trig)
            for tok in sent
            if tok.ent_type_ not in ("DATE", "TIME")
            and tok.idx not in in_time
            and (trig := trigger_for(tok, run.lex)) is not None
            and ctx.reporting(tok.idx)  # after the trigger look-up, which skips most words at once
        ]
        trigger_tokens = {t.i for t, _ in candidates}
        scores: dict = {}
        folded, hosts, first = [], set(), len(run.events)
        for tok, trig in candidates:
            if tok.i in run.used_tokens or not_an_event(tok, trig, run):
                continue
            if absorbed(tok, trig, run, trigger_tokens):
                folded.append((tok, trig))  # "bombed the village, killing 6": the bombing's, if it is one
            elif _take(tok, trig, run, si, sent, scores):
                hosts.add(tok.i)
        # a word folded into a trigger that gave no event stands: "men fought, killing two people"
        late = [_take(tok, trig, run, si, sent, scores) for tok, trig in folded if not absorbed(tok, trig, run, hosts)]
        if any(late):
            run.events[first:] = sorted(run.events[first:], key=lambda e: e.trigger.start)
    return attribute_responsibility(run, run.events)


def _take(tok, trig: Trigger, run: Run, si: int, sent, scores: dict) -> bool:
    """Record the mention of trigger word ``tok`` if its frame and sub-event type allow one."""
    fr = frame(tok, trig, run, sent)
    if fr is None:
        return False
    find_ally(tok, run, fr)
    sub, kind = sub_event(tok, trig, fr, run, sent, scores)
    if sub is None:
        return False
    run.events.append(_mention(tok, trig, fr, sub, kind, run, si, sent))
    run.seen_lemmas.add(tok.lemma_.lower())
    run.used_tokens.add(tok.i)
    if kind == "proposal":  # "proposed returning the soldiers ... negotiating an exchange"
        run.used_tokens.update(t.i for t in tok.subtree if t.i != tok.i)
    return True


def _carry_agent(fr: Frame, sub: str, run: Run, si: int) -> Frame:
    """Strike reports list "Near X, one strike ..." after "Coalition forces conducted 34
    strikes": an agentless strike inherits the agent of the last one of its type."""
    if fr.actor1 is not None or fr.passive or info_type(run.tax, sub) != "Explosions/Remote violence":
        return fr
    for e in reversed(run.events):
        if e.sub_event_type == sub and e.actor1 is not None and e.sentence >= si - 40:
            fr.actor1, fr.carried = e.actor1, True
            break
    return fr


def _event_actors(fr: Frame, sub: str, run: Run, tok) -> tuple[Optional[Actor], Optional[Actor]]:
    """The record's actors: dictionary entries in the role the event calls for."""
    day = run.day
    role = "government" if sub in GOV_ROLES else "military"
    a1 = event_actor(fr.actor1, role, day) if fr.actor1 is not None else None
    role2 = (
        role if sub in GOV_ROLES and fr.actor2 is not None and fr.actor2.kind in ("state", "government") else "military"
    )
    a2 = event_actor(fr.actor2, role2, day) if fr.actor2 is not None else None
    a1 = None if a1 is not None and a1.is_source_only else a1
    a2 = None if a2 is not None and a2.is_source_only else a2
    if a1 is not None and a2 is not None and a1.actor_id and a1.actor_id == a2.actor_id:
        a2 = None
    if sub == "Agreement" and a2 is None:  # the counterpart: a government or capital named in the proposal
        for t in tok.subtree:
            a = run.index.actor_at.get(t.i)
            if (
                a is not None
                and (a.kind in ("state", "government") or a.via == "capital")
                and (a1 is None or a.country_iso3 != a1.country_iso3)
            ):
                return a1, event_actor(a, "government", day)
    return a1, a2


def _clause_span(tok, sent) -> tuple[int, int]:
    doc = tok.doc
    clause = tok if is_verb(tok) else (tok.head if tok.head.pos_ == "VERB" else tok)
    lo = max(min(clause.left_edge.i, tok.i), sent.start)
    hi = min(max(clause.right_edge.i, tok.i), sent.end - 1)
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


_RANK = {"populated_place": 0, "other": 1, "admin2": 2, "admin1": 3, "country": 4, "continent": 5}


def _place(tok, trig: Trigger, fr: Frame, kind: Optional[str], run: Run):
    """For a territorial change the place taken ("the town of Sudzha"), for an invasion the
    place invaded ("Russia invaded Ukraine"), else the governing one."""
    place = None
    target = fr.target_tok
    if (trig.cls == "territory" and kind != "capture" or kind == "incursion") and target is not None:
        own = {t.i for t in tok.subtree} if target.i not in {t.i for t in tok.subtree} else set()
        for t in target.subtree:
            p = run.index.place_at.get(t.i)
            if (
                p is not None
                and t.i not in own
                and (place is None or _RANK.get(p.level or "other", 1) < _RANK.get(place.level or "other", 1))
            ):
                place = p
    if place is None:
        parties = [a for a in (fr.actor1, fr.actor2) if a is not None]
        place = place_for(run.ctx, run.index, tok.idx, tok.idx + len(tok), parties)
    return place


def _carried_out(ctx, tok, time) -> bool:
    """An event noun with a past day of its own ("the August 23 strikes", "Saturday's raid"): what
    a verb of ordering governs was done by then."""
    if time is None or time.defaulted or time.inherited or time.end_date is None or ctx.published is None:
        return False
    if tok.head.i != tok.i and was_to(tok.head):
        return False  # "were to start negotiations in early February": arranged, not told as done
    return is_noun(tok) and time.end_date < ctx.published and in_own_phrase(tok, tok.idx + len(tok), time)


def _mention(tok, trig: Trigger, fr: Frame, sub: str, kind: Optional[str], run: Run, si: int, sent) -> Event:
    ctx = run.ctx
    fr = _carry_agent(fr, sub, run, si)
    a1, a2 = _event_actors(fr, sub, run, tok)
    ally = event_actor(fr.ally, "military", run.day) if fr.ally is not None and a1 is not None else None
    start, end = _clause_span(tok, sent)
    t_start, t_end = tok.idx, tok.idx + len(tok)
    place = _place(tok, trig, fr, kind, run)
    if a1 is None or a2 is None or a1.actor_id is None:  # "Defence ministry forces": the state's
        a1, a2 = infer_generic(
            ctx, run.dictionary, run.lex, tok, fr.target_tok, place, sub, a1, a2, run.day, fr.passive
        )
    info = run.tax[sub]
    fatalities, claim_ids = claims_for(ctx, run.index, si, start, end, near=t_start)
    said = statement_at(ctx.statements, t_start, t_end)
    status = event_status(tok, run.lex, trig)
    if status == "denied" and said is not None and said.stance != "denies":
        status = "occurred"  # "denied targeting civilians and said it had hit a meeting": asserted
    time = event_time(ctx, t_start, t_end)
    if sub == "Arrests":
        time = arrest_time(ctx, tok, time)
    if status == "planned" and _carried_out(ctx, tok, time):
        status = "occurred"  # "I directed the August 23 strikes": ordered, and done on that day
    conf = trig.confidence + (0.15 if a1 is not None and not fr.carried else 0.05 if fr.carried else 0.0)
    conf += (0.1 if a2 is not None else 0.0) + (0.05 if place is not None else 0.0)
    return Event(
        id=hashlib.sha1(f"{ctx.document.id}:{t_start}:{sub}".encode()).hexdigest()[:16],
        event_type=info["event_type"],
        sub_event_type=sub,
        kind=kind,
        disorder_type=info["disorder_type"],
        trigger=Mention(**ctx.span_fields(t_start, t_end)),
        actor1=a1,
        actor2=a2,
        assoc_actor1=ally_apart(ally, a1, a2),
        place=place,
        time=time,
        fatalities=fatalities,
        claims=claim_ids,
        status=status,
        confidence=round(min(conf, 0.95), 2),
        sentence=ctx.sentence_index(start),
        start=start,
        end=end,
        text=ctx.text[start:end],
        statement=said.id if said is not None else None,
    )


__all__ = ["Run", "clause_mentions"]
