"""Casualty reports as event mentions: "Four deaths were reported in the Khmelnytskyi region."

After a report has told an attack ("Russian strikes killed eight people across Ukraine
overnight"), the sentences that follow often give its toll place by place with no event word at
all. ACLED codes each place as an event of its own. ``casualty_mentions`` turns a claim of deaths
or injuries at a named place, in a sentence with no event mention of its own, into a mention of
the kind of event just told (its type and attacker) at that place, on that day, with that toll.
Running totals ("since October", "have already suffered"), denied, forecast or other claims,
tolls over a whole country and tolls after a capture give none.
"""

from __future__ import annotations

import hashlib
from typing import Optional

from kronika.claims.lexicon import load as claims_lexicon
from kronika.claims.measures import gapped_number
from kronika.context import Context
from kronika.events.arguments import event_time
from kronika.events.corefer import merge
from kronika.events.lexicon import load_lexicon
from kronika.events.parse import trigger_root
from kronika.records import Claim, Event, Mention

_TOLLS = {"killed": True, "wounded": False}
_TAKING = {"capture", "takeover", "recapture", "territorial_change"}
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
REACH = 6  # sentences after the attack


def _attack_before(mentions: list[Event], sentence: int) -> Optional[Event]:
    for m in reversed(mentions):
        if m.sentence < sentence - REACH:
            break  # mentions come in text order: the rest are further back
        if (
            m.sentence < sentence
            and m.event_type in _VIOLENT
            and m.kind not in _TAKING
            and m.status == "occurred"
            and not m.background
        ):
            return m
    return None


def _running_total(ctx: Context, c: Claim) -> bool:
    """A figure in the present perfect ("have already suffered 3,800 casualties") adds up a war."""
    span = ctx.doc.char_span(c.quantity.start, c.quantity.end, alignment_mode="expand")
    if span is None:
        return False
    x = span.root
    for _ in range(4):
        if x.pos_ in ("VERB", "AUX"):
            return any(t.dep_ in ("aux", "auxpass") and t.lower_ in ("has", "have", "'ve") for t in x.children)
        if x.head.i == x.i:
            return False
        x = x.head
    return False


def _from_claim(ctx: Context, c: Claim, attack: Event) -> Event:
    q = c.quantity
    s = ctx.sentences[c.sentence]
    text = s.text.rstrip()
    killed = _TOLLS[c.measure] and (q.value if q.value is not None else q.low)
    time = event_time(ctx, q.start, q.end)
    if time is not None and (time.defaulted or time.inherited) and attack.time is not None:
        time = attack.time  # "Four deaths were reported ...": the day of the attack just told
    return attack.model_copy(
        update={
            "id": hashlib.sha1(f"{ctx.document.id}:{q.start}:toll".encode()).hexdigest()[:16],
            "trigger": Mention(**ctx.span_fields(q.start, q.end)),
            "place": c.place,
            "place_from": "clause",
            "time": time,
            "fatalities": int(killed) if killed else None,
            "claims": (c.id,),
            "mentions": (),
            "statement": c.statement,
            "confidence": round(max(0.3, attack.confidence - 0.2), 2),
            "sentence": c.sentence,
            "start": s.start,
            "end": s.start + len(text),
            "text": text,
        }
    )


def _gapped(ctx: Context, c: Claim) -> bool:
    """The toll's clause leaves out its verb and noun: a bare number conjoined to another ("...
    killed three people in Kharkiv and two in Sumy")."""
    span = ctx.doc.char_span(c.quantity.start, c.quantity.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and gapped_number(span.root)


def _gapped_tolls(ctx: Context, mentions: list[Event]) -> list[Event]:
    """A toll told at another place in the clause of a mention, its verb left out ("Three people
    were killed in Kharkiv and two in Sumy"): that kind of event at that place too."""
    added = []
    for m in mentions:
        if m.event_type not in _VIOLENT or m.status != "occurred" or m.place is None:
            continue
        for c in ctx.claims:
            if c.sentence != m.sentence or c.measure not in _TOLLS or c.modality != "asserted" or c.place is None:
                continue
            if c.place.level in ("country", "continent") or c.place.name == m.place.name or not _gapped(ctx, c):
                continue
            added.append(_from_claim(ctx, c, m))
    return added


def casualty_mentions(ctx: Context, mentions: list[Event]) -> list[Event]:
    """``mentions`` with a mention added for each place-by-place toll (see the module's docstring)."""
    told = {m.sentence for m in mentions}
    added = _gapped_tolls(ctx, mentions)
    for c in ctx.claims:
        if c.measure not in _TOLLS or c.modality != "asserted" or c.sentence in told or c.place is None:
            continue
        if c.place.role != "location" or c.place.level in ("country", "continent") or c.place.sentence != c.sentence:
            continue
        if (c.time is not None and c.time.bound == "since") or _running_total(ctx, c):
            continue
        attack = _attack_before(mentions, c.sentence)
        if attack is not None:
            added.append(_from_claim(ctx, c, attack))
            told.add(c.sentence)
    return sorted(mentions + added, key=lambda e: (e.start, e.trigger.start))


# --- one person killed: "a gunman shot dead a former lawmaker" ---------------------------------

_DEAD = {"dead", "death"}  # "shot dead", "stabbed to death", "beaten to death"
_ONE = {"a", "an", "the", "one", "his", "her", "their", "its", "our", "my", "your", "this", "that"}


def _killing(tok) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN":
        return lemma in load_lexicon().words["killing_nouns"]
    if tok.pos_ != "VERB":
        return False
    return lemma in load_lexicon().words["killing_verbs"] or any(
        c.lower_ in _DEAD or (c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children))
        for c in tok.children
    )


def _victim(tok):
    if tok.pos_ == "NOUN":
        return next(
            (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"),
            None,
        )
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
    return next((c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)


def _one_person(victim, person_nouns) -> bool:
    """A single person: "a former lawmaker", "the mayor", "one contractor", "Iryna Farion"."""
    if victim.tag_ not in ("NN", "NNP") or any(c.dep_ == "conj" for c in victim.children):
        return False
    if victim.ent_type_ == "PERSON":
        return True
    nums = [c for c in victim.children if c.dep_ == "nummod"]
    if nums and not all(n.lower_ in ("one", "1") for n in nums):
        return False
    return victim.lemma_.lower() in person_nouns and (
        bool(nums) or any(c.dep_ in ("det", "poss") and c.lower_ in _ONE for c in victim.children)
    )


def single_victims(ctx: Context, mentions: list[Event]) -> list[Event]:
    """A mention with no toll whose clause kills one person it names ("shot dead a former
    lawmaker", "the killing of the mayor") has one death: ACLED counts a named victim."""
    person_nouns = claims_lexicon().people_nouns
    out = []
    for m in mentions:
        if m.fatalities is None and m.status == "occurred" and m.event_type in _VIOLENT:
            span = ctx.doc.char_span(m.trigger.start, m.trigger.end, alignment_mode="expand")
            trig = span.root if span is not None and len(span) else None
            near = (trig, _verb_of(trig), *trig.children) if trig is not None else ()
            killed = [t for t in near if _killing(t)]  # the trigger, or the verb of its strike
            if killed and all((v := _victim(t)) is not None and _one_person(v, person_nouns) for t in killed):
                m = m.model_copy(update={"fatalities": 1})
            elif trig is not None and _one_body(trig.sent, person_nouns):
                m = m.model_copy(update={"fatalities": 1})
        out.append(m)
    return out


_BY_OR_IN = {"by", "in"}


def _verb_of(trig):
    """The word that governs the trigger: its head, or the verb of the "by" or "in" phrase it is
    in ("a man was killed in a drone strike", "shot dead by a sniper")."""
    head = trig.head
    return head.head if head.dep_ == "prep" and head.lower_ in _BY_OR_IN else head


def _one_body(sent, person_nouns) -> bool:
    """The sentence tells of one person's body ("the body of an elderly man was pulled out of a
    building hit by a drone"): one death, and no other count of the dead."""
    bodies = [t for t in sent if t.lemma_.lower() == "body" and t.tag_ == "NN"]
    if len(bodies) != 1 or any(t.like_num and t.head.lemma_.lower() in person_nouns | {"body"} for t in sent):
        return False  # "the bodies of 12", "the body of one man and three women"
    of = next((g for c in bodies[0].children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children), None)
    return of is not None and _one_person(of, person_nouns)


_NOT_KILLINGS = {"Abduction/forced disappearance", "Looting/property destruction", "Arrests", "Sexual violence"}


def one_toll_per_killing(mentions: list[Event]) -> list[Event]:
    """A killing told once gives its toll once: of the mentions of a sentence that took the same
    toll ("stormed into southern Israel, killing some 1,200 people ... and taking 250 hostages"), an
    abduction, arrest, rape or looting leaves it to the violence that killed."""
    killers = {(m.sentence, m.fatalities) for m in mentions if m.fatalities and m.sub_event_type not in _NOT_KILLINGS}
    return [
        m.model_copy(update={"fatalities": None})
        if m.fatalities and m.sub_event_type in _NOT_KILLINGS and (m.sentence, m.fatalities) in killers
        else m
        for m in mentions
    ]


_NON_VIOLENT_SUBS = {"Peaceful protest"}


def only_violence_kills(events: list[Event]) -> list[Event]:
    """A toll belongs to violence: an agreement, an arrest, a deployment or a peaceful protest
    kills no one, so a toll its sentence gives is another event's ("the ceasefire collapsed
    after strikes killed 12")."""
    return [
        e.model_copy(update={"fatalities": None})
        if e.fatalities and (e.event_type == "Strategic developments" or e.sub_event_type in _NON_VIOLENT_SUBS)
        else e
        for e in events
    ]


# --- a toll told in a relative clause: "the attack in Basra, which killed four civilians" ------

_RELATIVES = {"which", "that"}
_HARM_LEMMAS = {"kill", "wound", "injure", "maim"}
_UP_TO_NOUN = ("pobj", "prep", "appos", "conj", "compound", "npadvmod")


def _antecedent_event(tok, by_root: dict):
    """The event noun a relative clause's toll tells of: the relative clause's head, or the noun
    whose phrase holds it ("the attack in Basra, Iraq, which killed ...")."""
    x = tok.head
    for _ in range(5):
        if x.i in by_root:
            return by_root[x.i]
        if x.dep_ not in _UP_TO_NOUN or x.head.i == x.i:
            return None
        x = x.head
    return None


def _relative_list_head(tok):
    """The relative clause a subjectless harm verb goes on ("which wounded one soldier, wounded
    four contractors, and killed one": the parser hangs the second verb on the main clause): the
    harm verb of a relative clause just before it, whose words alone stand between them."""
    if tok.dep_ == "relcl" or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return tok
    for prev in reversed(list(tok.doc[tok.sent.start : tok.i])):
        if prev.dep_ == "relcl" and prev.lemma_.lower() in _HARM_LEMMAS:
            inside = {t.i for t in prev.subtree}
            between = tok.doc[prev.i + 1 : tok.i]
            return prev if all(t.i in inside or t.is_punct or t.dep_ == "cc" for t in between) else tok
    return tok


def relative_tolls(ctx: Context, mentions: list[Event]) -> list[Event]:
    """A toll in a relative clause of an event noun ("yesterday's attack in Basra, which killed
    four civilians") is that event's toll and target, not a killing of its own: the mention joins
    the event's (its agent, read off the nouns before "which", is no one's)."""
    roots = {id(m): trigger_root(ctx, m) for m in mentions}
    by_root = {r.i: m for m in mentions if (r := roots[id(m)]) is not None and r.pos_ in ("NOUN", "PROPN")}
    folded: dict[int, Event] = {}
    gone: set[int] = set()
    for m in mentions:
        tok = roots[id(m)]
        if tok is None or tok.lemma_.lower() not in _HARM_LEMMAS:
            continue
        while tok.dep_ == "conj" and tok.head.pos_ == "VERB":  # "which wounded one soldier and killed two"
            tok = tok.head
        tok = _relative_list_head(tok)
        if tok.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ in _RELATIVES for c in tok.children):
            continue
        host = _antecedent_event(tok, by_root)
        if host is None or host is m or host.sentence != m.sentence or host.status != m.status:
            continue
        base = folded.get(id(host), host)
        folded[id(host)] = merge(ctx, base, m.model_copy(update={"actor1": None}))
        gone.add(id(m))
    return [folded.get(id(m), m) for m in mentions if id(m) not in gone]
