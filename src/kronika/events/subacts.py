"""What attackers did in the course of an attack is that attack, not an event of its own.

"Hundreds of fighters stormed the base, torching vehicles and seizing weapons": ACLED codes one
attack; the vehicles burnt and the weapons taken are part of it, not a looting and a "Disrupted
weapons use" beside it. A mention of such a lesser act (:data:`SUB_ACTS`) whose verb is a
participle or a coordinated verb of an act of violence, with no subject of its own, is folded into
that act's mention (it stays one of the event's mentions), which keeps the attack's type; so is
an abduction in the course of an attack that killed.
"""

from __future__ import annotations

from kronika.context import Context
from kronika.events.corefer import fold_in
from kronika.events.lexicon import load_lexicon
from kronika.events.parse import trigger_root
from kronika.records import Event

# what armed men do in the course of an attack; people taken in an attack that killed are part of
# it too (ACLED codes the attack: "stormed the town, killing 120 and taking 25 hostages")
SUB_ACTS = {"Looting/property destruction", "Disrupted weapons use"}
_ABDUCTION = "Abduction/forced disappearance"
_VIOLENCE = {"Battles", "Violence against civilians", "Explosions/Remote violence"}


def _main_act(tok):
    """The verb ``tok`` is done in the course of: "stormed ..., torching" (a participle), "stormed
    the base and torched vehicles" (a coordinated verb with no subject of its own)."""
    if tok is None or tok.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    while tok.dep_ == "conj" and tok.head.pos_ == "VERB" and tok.head.tag_ == tok.tag_ == "VBG":
        tok = tok.head  # "torching vehicles and seizing weapons": both in the course of the attack
    if tok.dep_ in ("advcl", "conj") and tok.head.pos_ == "VERB" and (tok.dep_ == "conj" or tok.tag_ == "VBG"):
        return tok.head
    return None


def _by_the_attackers(tok) -> bool:
    """The act's doers are those of an attack the report has told ("The attackers also set fire
    to 45 homes", "the gunmen then looted shops")."""
    subj = _subject(tok) if tok is not None else None
    if subj is None or subj.lemma_.lower() not in load_lexicon().words["attacker_nouns"]:
        return False
    return any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in subj.children)


def _subject(tok):
    """The verb's subject, also through a parse that hangs it on a participle of its subject ("The
    attackers, believed to belong to the coalition, set fire to dozens of homes": "set" a conjunct
    of "believed")."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is not None or tok.dep_ != "conj":
        return subj
    head = tok.head
    if head.dep_ == "acl" and head.tag_ == "VBN":
        return head.head
    return next((c for c in head.children if c.dep_ == "nsubj"), None)


_ATTACK_NOUNS = {"attack", "raid", "assault", "ambush", "offensive", "incursion", "operation"}


def _in_the_attack(tok) -> bool:
    """The act is told as done in an attack the report has told ("seized weapons and vehicles in
    the attack", "during the raid")."""
    for c in tok.children if tok is not None else ():
        if c.dep_ == "prep" and c.lower_ in ("in", "during"):
            for g in c.children:
                if (
                    g.dep_ == "pobj"
                    and g.lemma_.lower() in _ATTACK_NOUNS
                    and any(d.lower_ in ("the", "that", "this") or d.dep_ == "poss" for d in g.children)
                ):
                    return True
    return False


def _attack_just_told(ctx: Context, mentions: list[Event], k: int):
    """The index of the act of violence told just before mention ``k`` (in its sentence or the one
    before) when ``k``'s doers are that act's attackers, or ``k`` is told as done in "the attack",
    else None."""
    tok = trigger_root(ctx, mentions[k])
    if not _by_the_attackers(tok) and not _in_the_attack(tok):
        return None
    m = mentions[k]
    for j in range(k - 1, -1, -1):
        ev = mentions[j]
        if ev.sentence < m.sentence - 1:
            return None
        if ev.event_type in _VIOLENCE and ev.status == "occurred" and ev.sub_event_type not in SUB_ACTS:
            return j
    return None


_HELD = {"Arrests", _ABDUCTION}
_SETTINGS = {"in", "during"}


def _held_in(ctx: Context, m: Event, arrests: dict):
    """The index of the arrest or abduction whose verb ``m``'s noun is the setting of ("troops
    arrested 15 people in raids across the West Bank", "detained during a sweep"), else None."""
    if m.sub_event_type not in ("Armed clash", "Attack") or m.fatalities or m.status != "occurred":
        return None
    tok = trigger_root(ctx, m)
    if tok is None or tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ not in _SETTINGS:
        return None
    return arrests.get(tok.head.head.i)


def arrest_raids(ctx: Context, mentions: list[Event]) -> list[Event]:
    """``mentions`` with a raid that is only the setting of an arrest or an abduction folded into
    it (ACLED codes the arrest); a raid that killed stays an event of its own."""
    arrests = {}
    for k, m in enumerate(mentions):
        tok = trigger_root(ctx, m)
        if tok is not None and m.sub_event_type in _HELD and m.status == "occurred":
            arrests.setdefault(tok.i, k)
    if not arrests:
        return mentions
    out, folded = list(mentions), set()
    for k, m in enumerate(mentions):
        main = _held_in(ctx, m, arrests)
        if main is None or main in folded:
            continue
        out[main] = fold_in(ctx, out[main], m)
        folded.add(k)
    return [m for k, m in enumerate(out) if k not in folded]


def _attackers_killed(ctx: Context, m: Event) -> bool:
    """The mention kills those who attacked ("troops returned fire and killed 13 attackers")."""
    tok = trigger_root(ctx, m)
    if tok is None or tok.pos_ != "VERB" or m.status != "occurred":
        return False
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is not None and obj.like_num:  # "killed two of the attackers"
        obj = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children), obj)
    return obj is not None and obj.lemma_.lower() in load_lexicon().words["attacker_nouns"]


def attackers_killed(ctx: Context, mentions: list[Event]) -> list[Event]:
    """``mentions`` with the killing of an attack's attackers, told in its sentence or the two
    before, folded into that attack (the nearest that gives a toll, else the nearest): one fight,
    whose dead are both sides' (ACLED's fatalities)."""
    out, folded = list(mentions), set()
    for k, m in enumerate(mentions):
        if m.event_type not in _VIOLENCE or not _attackers_killed(ctx, m):
            continue
        before = [
            j
            for j in range(k - 1, -1, -1)
            if m.sentence - 2 <= out[j].sentence <= m.sentence
            and out[j].event_type in _VIOLENCE
            and out[j].status == "occurred"
            and j not in folded
        ]
        main = next((j for j in before if out[j].fatalities), before[0] if before else None)
        if main is None:
            continue
        dead = (out[main].fatalities or 0) + (m.fatalities or 0)
        out[main] = fold_in(ctx, out[main], m, keep=("actor1", "actor2"), fatalities=dead or None)
        folded.add(k)
    return [m for k, m in enumerate(out) if k not in folded]


def sub_acts(ctx: Context, mentions: list[Event]) -> list[Event]:
    """``mentions`` with each lesser act done in the course of an attack folded into it, each
    raid that is only an arrest's setting folded into the arrest (:func:`arrest_raids`), and the
    killing of an attack's attackers folded into the attack (:func:`attackers_killed`)."""
    mentions = attackers_killed(ctx, arrest_raids(ctx, mentions))
    if not any(m.sub_event_type in SUB_ACTS or m.sub_event_type == _ABDUCTION for m in mentions):
        return mentions
    by_token = {}
    for k, m in enumerate(mentions):
        tok = trigger_root(ctx, m)
        if tok is not None and m.event_type in _VIOLENCE and m.status == "occurred":
            by_token.setdefault(tok.i, k)
    out, folded = list(mentions), set()
    for k, m in enumerate(mentions):
        if m.sub_event_type not in SUB_ACTS and m.sub_event_type != _ABDUCTION:
            continue
        head = _main_act(trigger_root(ctx, m))
        main = by_token.get(head.i) if head is not None else None
        if main is None:  # "The attackers, believed to belong to X, set fire to homes": the attack told
            main = _attack_just_told(ctx, mentions, k)
        if main is None or main in folded or (m.sub_event_type == _ABDUCTION and not out[main].fatalities):
            continue
        out[main] = fold_in(ctx, out[main], m)  # its doers are the attack's
        folded.add(k)
    return [m for k, m in enumerate(out) if k not in folded]


__all__ = ["SUB_ACTS", "arrest_raids", "attackers_killed", "sub_acts"]
