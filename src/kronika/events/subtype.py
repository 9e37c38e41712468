"""The ACLED sub-event type of a mention: capture words by what was taken and by whom
(``territorial``), violent words by the snippet classifier among the trigger's allowed types."""

from __future__ import annotations

from typing import Optional

from kronika.events.classify import score_labels
from kronika.events.frame import DocIndex
from kronika.events.lexicon import Lexicon, Trigger
from kronika.events.parse import by_object, child, object_lemmas


GOV_ROLES = {"Agreement", "Other", "Arrests"}


def info_type(tax: dict, sub: str) -> str:
    return tax[sub]["event_type"]


def _country_taken(obj, tok, d: DocIndex) -> Optional[str]:
    """The country of the place taken: in the object, else anywhere in the sentence."""
    tokens = list(obj.subtree) if obj is not None else []
    tokens += list(tok.sent)
    for t in tokens:
        p = d.place_at.get(t.i)
        if p is not None and p.country_iso3:
            return p.country_iso3
    return None


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
        # ACLED: a government retaking ground in its own country regains it; a foreign state's
        # forces taking a place abroad overtake it, as a non-state actor would
        place_iso = _country_taken(obj, tok, d)
        own_iso = entry.iso3 if entry is not None else None
        if place_iso and own_iso and place_iso != own_iso:
            return "Non-state actor overtakes territory", "takeover"
        if trig.retake or (place_iso and own_iso == place_iso):
            return "Government regains territory", "recapture"
        return "Armed clash", "territorial_change"
    if trig.retake:
        return "Government regains territory", "recapture"
    return "Armed clash", "territorial_change"


def _violent(tok, trig: Trigger, fr, run, sent, scores: dict) -> Optional[str]:
    """A violent word's type: the snippet classifier's choice among the trigger's allowed types
    (scored on the phrase or the sentence); a clash with civilians is an attack, an attack on
    armed forces a clash."""
    sub = trig.sub_event_type
    if trig.refine_scope == "phrase":
        found = score_labels(tok.doc[tok.left_edge.i: tok.i + 1].text, trig.refine)
    else:
        if not scores:
            scores.update(score_labels(sent.text))
        found = scores
    options = {c: found.get(c, 0.0) for c in trig.refine}
    default_code = run.tax[sub]["code"] if sub else None
    best = max(options.items(), key=lambda kv: kv[1]) if options else (None, 0.0)
    if best[1] > 0 and not (trig.prefer_default and options.get(default_code, 0) >= best[1] * 0.6):
        sub = run.clf.code_to_name[best[0]]
    a2 = fr.actor2
    if sub == "Attack" and a2 is not None and a2.kind != "civilians" and a2.inter in (1, 2, 3, 8):
        sub = "Armed clash"
    if sub == "Armed clash" and a2 is not None and a2.kind == "civilians":
        sub = "Attack"
    return sub


def sub_event(tok, trig: Trigger, fr, run, sent, scores: dict) -> tuple[Optional[str], Optional[str]]:
    """(ACLED sub-event type, finer kind) of the mention; (None, None) when it is no event."""
    if trig.cls == "territory":
        subj_tok = child(tok, "nsubj") if not fr.passive else by_object(tok)
        agent_words = {t.lower_ for t in subj_tok.subtree} if subj_tok is not None else set()
        return territorial(tok, trig, fr.target_tok, fr.actor1, run.index, run.lex, run.dictionary,
                           object_lemmas(tok), non_state_words=bool(agent_words & run.dictionary.demonym_blockers))
    if trig.cls == "violent":
        return _violent(tok, trig, fr, run, sent, scores), trig.kind
    return trig.sub_event_type, trig.kind
