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

from kronika.context import Context
from kronika.events.arguments import event_time
from kronika.records import Claim, Event, Mention

_TOLLS = {"killed": True, "wounded": False}
_TAKING = {"capture", "takeover", "recapture", "territorial_change"}
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
REACH = 6  # sentences after the attack


def _attack_before(mentions: list[Event], sentence: int) -> Optional[Event]:
    for m in reversed(mentions):
        if m.sentence < sentence - REACH:
            break  # mentions come in text order: the rest are further back
        if m.sentence < sentence and m.event_type in _VIOLENT \
                and m.kind not in _TAKING and m.status == "occurred" and not m.background:
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
    return attack.model_copy(update={
        "id": hashlib.sha1(f"{ctx.document.id}:{q.start}:toll".encode()).hexdigest()[:16],
        "trigger": Mention(**ctx.span_fields(q.start, q.end)), "place": c.place, "place_from": "clause",
        "time": time, "fatalities": int(killed) if killed else None, "claims": (c.id,), "mentions": (),
        "statement": c.statement, "confidence": round(max(0.3, attack.confidence - 0.2), 2),
        "sentence": c.sentence, "start": s.start, "end": s.start + len(text), "text": text,
    })


def casualty_mentions(ctx: Context, mentions: list[Event]) -> list[Event]:
    """``mentions`` with a mention added for each place-by-place toll (see the module's docstring)."""
    told = {m.sentence for m in mentions}
    added = []
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
