"""The ACLED sub-event type of a mention: capture words by what was taken and by whom
(``territorial``), violent words by the snippet classifier among the trigger's allowed types."""

from __future__ import annotations

from kronika.events.frame import DocIndex
from kronika.events.lexicon import Lexicon, Trigger


GOV_ROLES = {"Agreement", "Other", "Arrests"}


def info_type(tax: dict, sub: str) -> str:
    return tax[sub]["event_type"]


def territorial(tok, trig: Trigger, target_tok, actor1, d: DocIndex, lex: Lexicon, dictionary, objs,
                 non_state_words: bool = False):
    """(sub_event_type, kind) for a capture verb or noun; (None, None) when not an event."""
    obj = target_tok
    words = set(objs)
    if obj is not None:
        words |= {obj.lemma_.lower(), obj.lower_}
    own = {t.i for t in tok.subtree} if obj is not None and any(t.i == tok.i for t in obj.subtree) else set()
    obj_tokens = [t for t in obj.subtree if t.i not in own] if obj is not None else []
    if obj is not None and obj.i not in own and all(t.i != obj.i for t in obj_tokens):
        obj_tokens.append(obj)
    is_place = any(t.i in d.place_at for t in obj_tokens)
    if not is_place and any(t.ent_type_ in ("GPE", "LOC", "FAC") and t.dep_ not in ("poss",) and t.head.dep_ != "poss"
                            for t in obj_tokens):
        is_place = True
    if obj is not None and (obj.i in d.actor_at or obj.lemma_.lower() in lex.person_nouns) \
            and obj.lemma_.lower() not in lex.territory_nouns:
        return "Armed clash", "capture"
    if words & lex.weapon_nouns and not words & lex.territory_nouns and not is_place:
        return "Disrupted weapons use", None
    person = (obj is not None and obj.i in d.actor_at) or bool(words & lex.person_nouns)
    if person and not (words & lex.territory_nouns or is_place):
        return "Armed clash", "capture"
    if not (is_place or words & lex.territory_nouns or "control" in words):
        return None, None  # "captured the attention of ...": not an event
    entry = dictionary.entries.get(actor1.actor_id) if actor1 is not None and actor1.actor_id else None
    inter = actor1.inter if actor1 is not None else None
    if inter in (2, 3, 4) or (actor1 is None and non_state_words):
        return "Non-state actor overtakes territory", "takeover"
    if inter == 1 or (entry is not None and entry.kind in ("state", "military", "government", "person", "agency")):
        if trig.retake:
            return "Government regains territory", "recapture"
        # a state taking a place in its own country regains it; abroad it is a battle
        place_iso = None
        if obj is not None:
            for t in obj.subtree:
                p = d.place_at.get(t.i)
                if p is not None and p.country_iso3:
                    place_iso = p.country_iso3
                    break
        if place_iso and entry is not None and entry.iso3 == place_iso:
            return "Government regains territory", "recapture"
        return "Armed clash", "territorial_change"
    if trig.retake:
        return "Government regains territory", "recapture"
    return "Armed clash", "territorial_change"
