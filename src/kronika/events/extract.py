"""Clause-level event extraction over the dependency parse.

For each trigger word (``data/events/triggers.yaml``, matched on spaCy lemma and part of
speech) an :class:`~kronika.records.Event` is built:

* **type** - fixed by the trigger, or chosen by the snippet classifier among the trigger's
  allowed ACLED sub-event types (``refine``), or, for capture verbs, from the object
  (territory / people / weapons) and the agent (state or non-state, retaking or not);
* **actor1 / actor2** - the agent and the target: subject and object of an active verb;
  "by"-agent and subject of a passive verb or participle ("a soldier captured by
  Ukrainian forces"); the possessor, "by"-phrase or demonym of a noun ("Ukraine's
  capture of", "the Russian offensive"); the subject of a light verb governing a noun
  ("Ukrainian forces began an incursion"); subjects inherited through xcomp/advcl/conj;
  pronouns resolved to the last agent; an event with no agent in its clause inherits
  the agent of the previous event of the same sub-event type (strike reports list
  "Near X, one strike ..." after "Coalition forces conducted 34 strikes");
* **status** - negated / denied / planned / hypothetical / forecast from negation, the
  verbs governing the trigger ("denied that ...", "proposed ...") and modals;
* **place / time** - the governing location (as :func:`kronika.attach.governing_place`, leaving
  out names that act as actors here) and :func:`kronika.attach.governing_time` (for a
  territorial change, a place inside the object wins: "the town of Sudzha");
* **fatalities** - from the claims stage: a "killed" claim in the same sentence.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from typing import Optional

import yaml

from kronika.actors import entry_actor, event_actor, load_dictionary, lookup
from kronika.attach import closest, governing_time
from kronika.context import Context
from kronika.events.classify import DATA_DIR, load_classifier, load_taxonomy, score_labels
from kronika.records import Actor, Event, Mention, Place

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_PRONOUNS = {"they", "it", "he", "she", "we", "them", "its", "their", "his", "her", "theirs"}
_CLAUSE_UP = {"xcomp", "advcl", "conj", "ccomp", "pcomp", "acl", "relcl", "dep", "prep", "pobj", "dobj", "npadvmod", "oprd", "attr", "appos", "amod", "compound"}
_GOV_ROLES = {"Agreement", "Other", "Arrests"}


@dataclass(frozen=True)
class Trigger:
    lemmas: frozenset
    pos: frozenset
    cls: str
    sub_event_type: Optional[str]
    kind: Optional[str]
    refine: tuple
    requires_object: frozenset
    retake: bool
    status: Optional[str]
    confidence: float
    prefer_default: bool
    absorbable: bool
    requires_military_object: bool
    requires_person_object: bool
    requires_modifier: frozenset
    requires_object_or_modifier: frozenset
    requires_object_or_subject_actor: bool
    intransitive: bool
    refine_scope: str
    needs_object_or_passive: bool
    requires_military_context: bool


@dataclass(frozen=True)
class Lexicon:
    by_key: dict  # (lemma, pos) -> Trigger
    light_verbs: frozenset
    absorbing_verbs: frozenset
    anaphoric_dets: frozenset
    territory_nouns: frozenset
    person_nouns: frozenset
    weapon_nouns: frozenset
    military_nouns: frozenset
    civilian_nouns: frozenset
    status: dict
    generic_actors: dict = None  # noun (lower case) -> role: police, military, protesters, rioters, civilians


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = yaml.safe_load((DATA_DIR / "triggers.yaml").read_text(encoding="utf-8"))
    tax = load_taxonomy()
    codes = load_classifier().acled25
    by_key: dict = {}
    for t in raw["triggers"]:
        sub = t.get("sub_event_type")
        if sub is not None and sub not in tax["sub_event_types"]:
            raise ValueError(f"triggers.yaml: unknown sub_event_type {sub!r}")
        if t.get("kind") and t["kind"] not in (tax.get("kinds") or {}):
            raise ValueError(f"triggers.yaml: unknown kind {t['kind']!r}")
        refine = tuple(t.get("refine") or ())
        if not set(refine) <= codes:
            raise ValueError(f"triggers.yaml: unknown refine codes {refine}")
        trig = Trigger(
            lemmas=frozenset(t["lemmas"]), pos=frozenset(t["pos"]), cls=t["class"], sub_event_type=sub,
            kind=t.get("kind"), refine=refine, requires_object=frozenset(t.get("requires_object") or ()),
            retake=bool(t.get("retake")), status=t.get("status"), confidence=float(t.get("confidence", 0.6)),
            prefer_default=bool(t.get("prefer_default")), absorbable=bool(t.get("absorbable")),
            requires_military_object=bool(t.get("requires_military_object")),
            requires_person_object=bool(t.get("requires_person_object")),
            requires_modifier=frozenset(t.get("requires_modifier") or ()),
            requires_object_or_modifier=frozenset(t.get("requires_object_or_modifier") or ()),
            requires_object_or_subject_actor=bool(t.get("requires_object_or_subject_actor")),
            intransitive=bool(t.get("intransitive")),
            refine_scope=t.get("refine_scope", "sentence"),
            needs_object_or_passive=bool(t.get("needs_object_or_passive")),
            requires_military_context=bool(t.get("requires_military_context")),
        )
        for lemma in trig.lemmas:
            for pos in trig.pos:
                by_key.setdefault((lemma, pos), trig)
    s = raw["status"]
    return Lexicon(
        by_key=by_key,
        light_verbs=frozenset(raw["light_verbs"]), absorbing_verbs=frozenset(raw["absorbing_verbs"]),
        anaphoric_dets=frozenset(raw["anaphoric_dets"]), territory_nouns=frozenset(raw["territory_nouns"]),
        person_nouns=frozenset(raw["person_nouns"]), weapon_nouns=frozenset(raw["weapon_nouns"]),
        military_nouns=frozenset(raw["military_nouns"]), civilian_nouns=frozenset(raw["civilian_nouns"]),
        status={k: frozenset(v) for k, v in s.items()},
        generic_actors={str(n).lower(): role for role, nouns in (raw.get("generic_actors") or {}).items() for n in nouns},
    )


# --- helpers over the parse --------------------------------------------------------------

class _Doc:
    """Per-document indexes: token → actor, token → place."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        doc = ctx.doc
        self.actor_at: dict[int, Actor] = {}
        for a in ctx.actors:
            span = doc.char_span(a.start, a.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.actor_at[t.i] = a
        self.place_at: dict[int, Place] = {}
        for p in ctx.places:
            if p.role != "location":
                continue
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.place_at[t.i] = p


_TARGET_PREPS = {"against", "on", "at", "into", "toward", "towards"}


def _actor_in(d: _Doc, tok) -> Optional[Actor]:
    """The actor mention heading the phrase of ``tok`` (or inside it, leftmost); actors in a
    target phrase ("strikes against al-Qaida") do not head it."""
    if tok is None:
        return None
    if tok.i in d.actor_at:
        return d.actor_at[tok.i]
    best = None
    for t in tok.subtree:
        a = d.actor_at.get(t.i)
        if a is not None:
            x = t
            blocked = False
            while x.i != tok.i and x.head.i != x.i:
                if x.dep_ == "prep" and x.lower_ in _TARGET_PREPS:
                    blocked = True
                    break
                x = x.head
            if blocked:
                continue
            # prefer actors not buried in a prepositional phrase
            depth = 0
            x = t
            while x.i != tok.i and depth < 8:
                if x.dep_ == "prep":
                    depth += 10
                x = x.head
                depth += 1
            if best is None or depth < best[0]:
                best = (depth, a)
    return best[1] if best else None


def _child(tok, *deps):
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def _prep_obj(tok, *preps):
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _is_passive(tok) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
        tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod", "relcl") and not any(c.dep_ == "aux" for c in tok.children)
    )


def _subject_up(tok, limit: int = 5):
    """The subject of the clause that ``tok`` belongs to, climbing through xcomp/advcl/conj."""
    cur = tok
    for _ in range(limit):
        subj = _child(cur, "nsubj", "csubj")
        if subj is not None:
            return subj, cur
        if cur.dep_ in ("xcomp", "advcl", "conj", "ccomp", "pcomp", "acl", "dobj", "prep", "pobj") and cur.head.i != cur.i:
            if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
                return None, cur  # participle modifying a noun: no clause subject
            cur = cur.head
            continue
        break
    return None, cur


def _status(tok, lex: Lexicon, trig: Trigger) -> str:
    st = lex.status
    # negation on the trigger or on its light verb
    chain = [tok]
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        chain.append(cur)
    for t in chain[:2]:
        if any(c.dep_ == "neg" or (c.lower_ in st["negation_words"] and c.dep_ in ("neg", "det", "advmod")) for c in t.children):
            return "negated"
    for t in chain[1:]:
        if t.lemma_ in st["denial_verbs"]:
            return "denied"
    for t in chain:
        if any(c.dep_ == "mark" and c.lower_ in st["hypothetical_marks"] for c in t.children):
            return "hypothetical"
        if t.lower_ == "condition" or any(c.lower_ == "condition" for c in t.children if c.dep_ == "pobj"):
            return "hypothetical"
    for t in chain[:3]:
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in st["planned_modals"]:
                return "planned"
            if c.dep_ == "aux" and c.lower_ in st["hypothetical_modals"]:
                return "hypothetical"
            if c.dep_ == "aux" and c.lower_ in st["forecast_words"]:
                return "forecast"
    for t in chain[1:4]:
        if t.lemma_ in st["forecast_verbs"]:
            return "forecast"
        if t.lemma_ in st["planned_verbs"] and t.pos_ == "VERB":
            return "planned"
    if tok.dep_ in ("xcomp", "advcl", "relcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return "planned"  # "deploying troops to repel the incursion"
    if trig.status:
        return trig.status
    return "occurred"


def _head_lower(tok) -> str:
    return tok.lower_ if tok is not None else ""


def _object(tok):
    obj = _child(tok, "dobj", "attr", "oprd")
    if obj is None and _is_noun(tok):
        obj = _prep_obj(tok, "of")
    return obj


def _civilians_actor(ctx: Context, tok) -> Actor:
    span = tok.doc[tok.left_edge.i: tok.i + 1]
    return Actor(**ctx.span_fields(span.start_char, span.end_char), actor_id=None, name="Civilians",
                 kind="civilians", inter=7, via="unknown")


def _resolve_pronoun(d: _Doc, tok, events: list[Event], sent_start: int) -> Optional[Actor]:
    """'they', 'its forces': the last agent before ``tok`` (same sentence subject first)."""
    doc = tok.doc
    for t in reversed(doc[sent_start: tok.i]):
        a = d.actor_at.get(t.i)
        if a is not None and t.dep_ in _SUBJ and not a.is_source_only:
            return a
    for e in reversed(events):
        if e.actor1 is not None:
            return e.actor1
    return None


# --- main ----------------------------------------------------------------------------

_NOMINAL_DEPS = {"pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos"}


def _is_noun(tok) -> bool:
    if tok.tag_.startswith("NN"):
        return True
    if tok.tag_ in ("VBZ", "VBP") and tok.dep_ in _NOMINAL_DEPS and tok.lower_.endswith("s"):
        return True  # "precision U.S. airstrikes" mis-tagged as a verb
    return not tok.tag_.startswith("VB") and tok.pos_ in ("NOUN", "PROPN")


def _is_verb(tok) -> bool:
    return not _is_noun(tok) and (tok.tag_.startswith("VB") or tok.pos_ in ("VERB", "AUX"))


def _trigger_for(tok, lex: Lexicon) -> Optional[Trigger]:
    if _is_noun(tok):
        pos = "NOUN"  # the tagger's coarse tag sometimes calls "airstrikes" a verb
    elif _is_verb(tok):
        pos = "VERB"
    else:
        return None
    if pos not in ("VERB", "NOUN"):
        return None
    keys = [(tok.lemma_.lower(), pos), (tok.lower_, pos)]
    if pos == "VERB":  # a phrasal verb first: "shot down" is not "shot"
        prt = _child(tok, "prt")
        if prt is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].head.i == tok.i \
                and tok.doc[tok.i + 1].lower_ in ("down", "out", "off"):
            prt = tok.doc[tok.i + 1]  # the small model often tags the particle as an adverb
        if prt is not None:
            keys.insert(0, (f"{tok.lemma_.lower()} {prt.lower_}", pos))
    if pos == "NOUN" and tok.lower_.endswith("s"):
        keys.append((tok.lower_[:-1], pos))
    for key in keys:
        trig = lex.by_key.get(key)
        if trig is not None:
            return trig
    return None


def _object_lemmas(tok) -> set[str]:
    out = set()
    obj = _object(tok)
    if obj is not None:
        out.update({obj.lemma_.lower(), obj.lower_})
        for c in obj.children:
            if c.dep_ in ("compound", "amod", "nmod"):
                out.update({c.lemma_.lower(), c.lower_})
        for c in obj.subtree:  # "approximately 10,000 to 12,000 soldiers": keep nouns
            if c.pos_ in ("NOUN", "PROPN"):
                out.update({c.lemma_.lower(), c.lower_})
    prt = _child(tok, "prt")
    if prt is not None:
        out.add(prt.lower_)
    return out


def _modifier_lemmas(tok) -> set[str]:
    return {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")} | {
        g.lemma_.lower() for c in tok.children if c.dep_ == "prep" for g in c.subtree
    }


def extract_events(ctx: Context) -> list[Event]:
    """Events of the document, in text order."""
    lex = load_lexicon()
    tax = load_taxonomy()["sub_event_types"]
    clf = load_classifier()
    d = _Doc(ctx)
    doc = ctx.doc
    day = ctx.published
    dictionary = load_dictionary()
    events: list[Event] = []
    seen_lemmas: set[str] = set()
    used_tokens: set[int] = set()

    for si, sent in enumerate(doc.sents):
        sent_text = sent.text
        sent_scores: Optional[dict] = None
        candidates = []
        for tok in sent:
            trig = _trigger_for(tok, lex)
            if trig is not None:
                candidates.append((tok, trig))
        if not candidates:
            continue
        trigger_tokens = {t.i for t, _ in candidates}
        for tok, trig in candidates:
            if tok.i in used_tokens:
                continue
            lemma = tok.lemma_.lower()
            objs = _object_lemmas(tok)
            # --- requirements -------------------------------------------------------
            if trig.requires_object and not (objs & trig.requires_object):
                continue
            if trig.requires_military_object and not (objs & lex.military_nouns):
                continue
            if trig.requires_person_object:
                subj = _child(tok, "nsubjpass")
                heads = objs | ({subj.lemma_.lower(), subj.lower_} if subj is not None else set())
                if not heads & (lex.person_nouns | {"captive", "captives", "prisoner", "prisoners"}):
                    continue
            if trig.requires_modifier and not (_modifier_lemmas(tok) & trig.requires_modifier):
                continue
            if trig.requires_object_or_modifier and not ((objs | _modifier_lemmas(tok)) & trig.requires_object_or_modifier):
                continue
            if _is_noun(tok) and tok.dep_ == "compound":
                continue  # "strike missions", "attack aircraft"
            if tok.i in d.actor_at:
                continue  # part of a name: "Popular Mobilization Forces"
            if _is_noun(tok) and _generic_noun(tok, lex):
                continue  # "a strike means ...", "attack, bomber and fighter aircraft"
            if trig.intransitive and _child(tok, "dobj") is not None:
                continue  # "demonstrated limited awareness"
            if _is_verb(tok) and tok.tag_ == "VBN" and tok.dep_ in ("amod", "acl") and _prep_obj(tok, "by") is None \
                    and _child(tok, "agent") is None:
                continue  # descriptive participle: "the captured soldier", "300 people killed"
            if _is_verb(tok) and tok.dep_ == "amod":
                continue
            if trig.sub_event_type == "Change to group/activity" and _is_noun(tok) and any(
                    c.dep_ == "poss" and c.lower_ in _PERSONAL_POSS for c in tok.children):
                continue  # "his combat deployment": one person's duty, not a group's event ("his arrest" stays)
            if trig.requires_military_context and _is_noun(tok) and not _military_context(tok, objs, d, lex):
                continue  # "the IMF's deployment of funds"
            if _purpose_clause(tok):
                continue  # "operations to liberate Mosul", "to enable the liberation of the city": an aim
            if trig.needs_object_or_passive and _child(tok, "dobj") is None and not any(
                    c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
                continue  # "troops killed or injured" (reduced passive without agent)
            # anaphoric noun ("the incursion" after an incursion was reported)
            if _is_noun(tok) and lemma in seen_lemmas and any(
                c.dep_ in ("det", "poss") and c.lower_ in lex.anaphoric_dets for c in tok.children
            ):
                continue
            # a killing verb whose subject is another trigger ("the strike killed 6"): absorbed
            if trig.absorbable:
                subj = _child(tok, "nsubj")
                if subj is not None and any(t.i in trigger_tokens for t in subj.subtree):
                    continue  # "a series of airstrikes ... killed 20 militants": part of the strikes
                if subj is not None and subj.lower_ in ("that", "which") and tok.dep_ == "relcl" and tok.head.i in trigger_tokens:
                    continue  # "strikes that kill civilians"
                if tok.dep_ in ("advcl", "xcomp", "conj") and tok.head.i in trigger_tokens and tok.tag_ == "VBG":
                    continue  # "bombed the village, killing 6 civilians"

            if _is_verb(tok):
                by_tok = _by_object(tok)
                if by_tok is None:
                    for c in tok.children:
                        if c.dep_ == "conj" and c.pos_ == "VERB":
                            by_tok = _by_object(c)
                            if by_tok is not None:
                                break
                if by_tok is not None and by_tok.i in trigger_tokens and _is_noun(by_tok):
                    continue  # "was struck and killed by a coalition airstrike": the airstrike is the event
                if tok.dep_ == "conj" and tok.head.i in trigger_tokens and _child(tok, "nsubj", "nsubjpass") is None \
                        and (_child(tok.head, "agent") is not None or _prep_obj(tok.head, "by") is not None):
                    continue
            if _is_verb(tok) and _asks_who(tok):
                continue  # "didn't know who he would be fighting (against)": a question, not an event
            # --- actors ---------------------------------------------------------------
            actor1 = actor2 = None
            target_tok = None
            passive = _is_verb(tok) and _is_passive(tok)
            carried = False
            if _is_verb(tok):
                if passive:
                    agent = _prep_obj(tok, "by")
                    if agent is None:
                        ag = _child(tok, "agent")
                        agent = _child(ag, "pobj") if ag is not None else None
                    actor1 = _actor_in(d, agent)
                    subj = _child(tok, "nsubjpass")
                    if subj is None and tok.dep_ in ("acl", "amod", "relcl"):
                        subj = tok.head
                        if tok.dep_ == "relcl":
                            subj = tok.head
                    target_tok = subj
                    actor2 = _actor_in(d, subj) if subj is not None else None
                    if subj is not None and subj.i in d.actor_at:
                        actor2 = d.actor_at[subj.i]
                else:
                    subj, clause = _subject_up(tok)
                    if subj is not None:
                        actor1 = _actor_in(d, subj)
                        if actor1 is None and subj.lower_ in _PRONOUNS:
                            actor1 = _resolve_pronoun(d, subj, events, sent.start)
                        if actor1 is None:
                            sposs = _child(subj, "poss")
                            if sposs is not None and sposs.lower_ in _PRONOUNS and subj.lemma_.lower() in lex.military_nouns:
                                actor1 = _resolve_pronoun(d, sposs, events, sent.start)  # "its forces"
                    if actor1 is None:
                        # "with North Korea sending ...": the actor right before the verb
                        for t in reversed(doc[max(sent.start, tok.i - 3): tok.i]):
                            if t.i in d.actor_at:
                                actor1 = d.actor_at[t.i]
                                break
                    obj = _child(tok, "dobj") or _prep_obj(tok, "against", "on")
                    target_tok = obj
                    actor2 = _actor_in(d, obj)
            else:  # noun trigger
                poss = _child(tok, "poss")
                by = _prep_obj(tok, "by")
                actor1 = d.actor_at.get(tok.i) or _actor_in(d, by) or _actor_in(d, poss)
                if actor1 is None and poss is not None:
                    iso = _country_of_name(dictionary, poss)
                    if iso:
                        actor1 = _state_actor(ctx, dictionary, poss, iso, day)
                if actor1 is None:
                    for c in tok.children:
                        if c.dep_ in ("amod", "compound", "nmod") and c.i in d.actor_at:
                            actor1 = d.actor_at[c.i]
                            break
                    if actor1 is None:
                        for c in tok.children:
                            if c.dep_ in ("amod", "compound", "nmod") and c.lower_ in dictionary.demonyms:
                                ent = dictionary.role_entry(dictionary.demonyms[c.lower_], "military")
                                if ent is not None:
                                    actor1 = entry_actor(ctx, dictionary, ent, c.idx, c.idx + len(c), "demonym", day)
                                break
                if poss is not None and actor1 is None and poss.lower_ in _PRONOUNS:
                    actor1 = _resolve_pronoun(d, poss, events, sent.start)
                head = tok.head
                if actor1 is None and tok.dep_ in ("dobj", "attr", "nsubjpass") and head.pos_ == "VERB" \
                        and head.lemma_.lower() in lex.light_verbs:
                    subj, _ = _subject_up(head)
                    if subj is not None:
                        actor1 = _actor_in(d, subj)
                        if actor1 is None and subj.lower_ in _PRONOUNS:
                            actor1 = _resolve_pronoun(d, subj, events, sent.start)
                if actor1 is None:
                    claimer = _claimed_by(tok)  # "JNIM claimed the attack", "... was claimed by JNIM"
                    if claimer is not None:
                        actor1 = _actor_in(d, claimer)
                tgt = _prep_obj(tok, "of", "against", "on", "into")
                target_tok = tgt
                actor2 = _actor_in(d, tgt)
                if tok.dep_ in ("nsubj",) and head.pos_ == "VERB" and head.lemma_.lower() in lex.absorbing_verbs:
                    obj = _child(head, "dobj")
                    if obj is not None:
                        target_tok = obj
                        actor2 = _actor_in(d, obj)
                    used_tokens.add(head.i)
                    for c in head.children:  # "destroyed ... and killed 12"
                        if c.dep_ == "conj" and c.lemma_.lower() in lex.absorbing_verbs:
                            used_tokens.add(c.i)
                if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ == "VERB":
                    # "killed in an air strike": the victims are the subject of the verb
                    v = tok.head.head
                    vs = _child(v, "nsubjpass", "nsubj")
                    if vs is not None:
                        actor2 = actor2 or _actor_in(d, vs)
                        target_tok = target_tok or vs
            # "into Russia's Kursk Oblast": the country owning the place is the target
            if actor2 is None:
                into = _prep_obj(tok, "into") if _is_noun(tok) else None
                if into is not None:
                    for t in into.subtree:
                        iso = _country_of_name(dictionary, t)
                        if iso:
                            ent = dictionary.role_entry(iso, "military")
                            actor2 = entry_actor(ctx, dictionary, ent, t.idx, t.idx + len(t), "name", day)
                            break
            if trig.cls == "territory" and _is_verb(tok):
                frm = _prep_obj(tok, "from")
                if frm is not None and _actor_in(d, frm) is not None:
                    actor2 = _actor_in(d, frm)
                elif actor2 is not None and target_tok is not None and any(t.i in d.place_at for t in target_tok.subtree):
                    actor2 = None if actor2.actor_id is None else actor2
            if actor2 is None and target_tok is not None and target_tok.lemma_.lower() in lex.civilian_nouns:
                actor2 = _civilians_actor(ctx, target_tok)
            if trig.requires_object_or_subject_actor and actor1 is None and actor2 is None and not (
                    _is_verb(tok) and _generic_role(_subject_up(tok)[0], lex)
                    and _generic_role(target_tok or _prep_obj(tok, "with", "against"), lex)):
                continue  # "Troops clashed with rebels": generic forces on both sides still fight

            # --- type -----------------------------------------------------------------
            kind = trig.kind
            sub = trig.sub_event_type
            if trig.cls == "territory":
                agent_words = set()
                subj_tok = _child(tok, "nsubj") if not passive else _by_object(tok)
                if subj_tok is not None:
                    agent_words = {t.lower_ for t in subj_tok.subtree}
                sub, kind = _territorial(tok, trig, target_tok, actor1, d, lex, dictionary, objs,
                                         non_state_words=bool(agent_words & dictionary.demonym_blockers))
                if sub is None:
                    continue
            elif trig.cls == "violent":
                if trig.refine_scope == "phrase":
                    phrase = doc[tok.left_edge.i: tok.i + 1].text
                    scores = score_labels(phrase, trig.refine)
                else:
                    if sent_scores is None:
                        sent_scores = score_labels(sent_text)
                    scores = sent_scores
                options = {c: scores.get(c, 0.0) for c in trig.refine}
                default_code = tax[sub]["code"] if sub else None
                best = max(options.items(), key=lambda kv: kv[1]) if options else (None, 0.0)
                if best[1] > 0 and not (trig.prefer_default and options.get(default_code, 0) >= best[1] * 0.6):
                    sub = clf.code_to_name[best[0]]
                if sub == "Attack" and actor2 is not None and actor2.kind not in ("civilians",) and actor2.inter in (1, 2, 3, 8):
                    sub = "Armed clash"
                if sub in ("Armed clash",) and actor2 is not None and actor2.kind == "civilians":
                    sub = "Attack"
            if sub is None:
                continue

            # --- carry the agent over (strike reports) --------------------------------
            if actor1 is None and not passive and info_type(tax, sub) == "Explosions/Remote violence":
                for e in reversed(events):
                    if e.sub_event_type == sub and e.actor1 is not None and e.sentence >= si - 40:
                        actor1 = e.actor1
                        carried = True
                        break
            role = "government" if sub in _GOV_ROLES else "military"
            a1 = event_actor(actor1, role, day) if actor1 is not None else None
            a2 = event_actor(actor2, role if sub in _GOV_ROLES and actor2 is not None and actor2.kind in ("state", "government") else "military", day) if actor2 is not None else None
            if a1 is not None and a1.is_source_only:
                a1 = None
            if a2 is not None and a2.is_source_only:
                a2 = None
            if a1 is not None and a2 is not None and a1.actor_id and a1.actor_id == a2.actor_id:
                a2 = None
            if sub == "Agreement" and a2 is None:
                # the counterpart: a government or capital named in the proposal
                for t in tok.subtree:
                    a = d.actor_at.get(t.i)
                    if a is not None and (a.kind in ("state", "government") or a.via == "capital") and (
                            a1 is None or a.country_iso3 != a1.country_iso3):
                        a2 = event_actor(a, "government", day)
                        break

            # --- span, place, time, status ---------------------------------------------
            clause = tok if _is_verb(tok) else (tok.head if tok.head.pos_ == "VERB" else tok)
            lo = min(clause.left_edge.i, tok.i)
            hi = max(clause.right_edge.i, tok.i)
            lo, hi = max(lo, sent.start), min(hi, sent.end - 1)
            start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
            t_start, t_end = tok.idx, tok.idx + len(tok)
            status = _status(tok, lex, trig)
            place = None
            if trig.cls == "territory" and kind != "capture" and target_tok is not None:
                own = {t.i for t in tok.subtree} if target_tok.i not in {t.i for t in tok.subtree} else set()
                rank = {"populated_place": 0, "other": 1, "admin2": 2, "admin1": 3, "country": 4, "continent": 5}
                for t in target_tok.subtree:
                    p = d.place_at.get(t.i)
                    if p is not None and t.i not in own and (
                            place is None or rank.get(p.level or "other", 1) < rank.get(place.level or "other", 1)):
                        place = p
            if place is None:
                place = _place_for(ctx, d, t_start, t_end, [a for a in (actor1, actor2) if a is not None])
            if place is not None and place.country_iso3:
                a1, a2 = _infer_generic(ctx, dictionary, lex, tok, target_tok, place, sub, a1, a2, day, passive)
            when = governing_time(ctx, t_start, t_end)
            info = tax[sub]
            fatalities, claim_ids = _claims_for(ctx, si, start, end)
            conf = trig.confidence + (0.15 if a1 is not None and not carried else 0.05 if carried else 0.0)
            conf += 0.1 if a2 is not None else 0.0
            conf += 0.05 if place is not None else 0.0
            ev_id = hashlib.sha1(f"{ctx.document.id}:{t_start}:{sub}".encode()).hexdigest()[:16]
            events.append(Event(
                id=ev_id, event_type=info["event_type"], sub_event_type=sub, kind=kind,
                disorder_type=info["disorder_type"],
                trigger=Mention(**ctx.span_fields(t_start, t_end)),
                actor1=a1, actor2=a2, place=place, time=when, fatalities=fatalities, claims=claim_ids,
                status=status, confidence=round(min(conf, 0.95), 2),
                sentence=ctx.sentence_index(start), start=start, end=end, text=ctx.text[start:end],
            ))
            seen_lemmas.add(lemma)
            used_tokens.add(tok.i)
            # triggers inside a proposal are part of it ("proposed returning the soldiers
            # ... negotiating an exchange"), not events of their own
            if kind in ("proposal",):
                used_tokens.update(t.i for t in tok.subtree if t.i != tok.i)
    return events


_PROTEST_SUBS = {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
_CIVILIAN_SUBS = {"Attack", "Abduction/forced disappearance", "Sexual violence"}


def _claimed_by(tok):
    """Who claimed the event noun: "X claimed the attack", "the attack was claimed by X", "X
    claimed responsibility for the bombing"."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() == "responsibility":
        tok, head = head.head, head.head.head  # "claimed responsibility for the bombing"
    if head.lemma_.lower() not in ("claim", "admit") or head.pos_ != "VERB":
        return None
    if tok.dep_ == "nsubjpass":
        return _by_object(head)
    if tok.dep_ == "dobj":
        return _child(head, "nsubj")
    return None


def _asks_who(tok) -> bool:
    """The verb's object is a wh-word ("who he would be fighting", "what they attacked"): an
    indirect question."""
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.tag_ in ("WP", "WDT"):
            return True
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.tag_ in ("WP", "WDT") for g in c.children):
            return True
    return False


def _generic_role(tok, lex: Lexicon) -> Optional[str]:
    """The role a generic noun phrase names ("police", "riot police", "protesters"), if any."""
    if tok is None:
        return None
    words = [t for t in tok.subtree if t.i <= tok.i][-3:]
    for n in range(len(words), 0, -1):
        phrase = " ".join(t.lower_ for t in words[-n:])
        if phrase in lex.generic_actors:
            return lex.generic_actors[phrase]
    lemma = tok.lemma_.lower()
    role = lex.generic_actors.get(lemma) or lex.generic_actors.get(tok.lower_)
    if role is None:  # "hundreds of protesters", "dozens of soldiers"
        of = _prep_obj(tok, "of")
        if of is not None and of.i != tok.i:
            role = lex.generic_actors.get(of.lemma_.lower()) or lex.generic_actors.get(of.lower_)
    if role is None:  # "an army post", "a police station", "a military convoy": their forces
        for c in tok.children:
            if c.dep_ in ("compound", "amod") and lex.generic_actors.get(c.lower_) in ("military", "police"):
                return lex.generic_actors[c.lower_]
    return role


def _generic_actor(ctx: Context, dictionary, tok, role: str, place: Place, day) -> Optional[Actor]:
    """A country-level actor for a generic noun, the country taken from the event's place
    ("Police fired tear gas at protesters in Nairobi": Police Forces of Kenya, Protesters (Kenya))."""
    iso3 = place.country_iso3
    known = dictionary.countries.get(iso3)
    country = known.name if known is not None else (place.country or iso3)  # ACLED's country names
    span = tok.doc[tok.left_edge.i: tok.i + 1]
    if role in ("police", "military"):
        ent = dictionary.role_entry(iso3, role)
        if ent is None:
            return None
        return entry_actor(ctx, dictionary, ent, span.start_char, span.end_char, "inferred", day)
    names = {"protesters": ("Protesters", 6), "rioters": ("Rioters", 5), "civilians": ("Civilians", 7),
             "armed_group": ("Unidentified Armed Group", 3)}
    if role not in names:
        return None
    label, inter = names[role]
    return Actor(**ctx.span_fields(span.start_char, span.end_char), actor_id=None, name=f"{label} ({country})",
                 kind=role, country_iso3=iso3, inter=inter, via="inferred")


def _infer_generic(ctx: Context, dictionary, lex: Lexicon, tok, target_tok, place: Place, sub: str,
                   a1: Optional[Actor], a2: Optional[Actor], day, passive: bool):
    """Fill empty actor slots from generic nouns ("police", "soldiers", "protesters") with the
    actors of the country where the event happened, marked ``via="inferred"``; ACLED's protest
    convention puts the protesters first and the force that intervened second."""
    if not lex.generic_actors:
        return a1, a2
    if _is_verb(tok):
        agent_tok = _by_object(tok) if passive else _subject_up(tok)[0]
    else:
        first = tok
        while first.dep_ == "conj" and first.head.i != first.i:  # "water cannon and rubber bullets"
            first = first.head
        head = first.head if first.head.pos_ in ("VERB", "AUX") else None
        agent_tok = _subject_up(head)[0] if head is not None else None
        tok = first
    if target_tok is None and _is_verb(tok):
        target_tok = _prep_obj(tok, "with", "against")  # "clashed with rebels"
    agent_role, target_role = _generic_role(agent_tok, lex), _generic_role(target_tok, lex)
    if sub in _PROTEST_SUBS and target_role is None and agent_role not in ("protesters", "rioters"):
        # "used water cannon to disperse demonstrators"
        clause = tok.head if not _is_verb(tok) and tok.head.pos_ in ("VERB", "AUX") else tok
        for t in clause.subtree:
            role = _generic_role(t, lex) if agent_tok is None or t.i != agent_tok.i else None
            if role in ("protesters", "rioters"):
                target_tok, target_role = t, role
                break
    if target_role is None and not _is_verb(tok):
        at = _prep_obj(tok.head, "at", "on", "against") if tok.head.pos_ == "VERB" else None
        target_tok, target_role = at, _generic_role(at, lex)  # "fired tear gas at protesters"
    if sub in _PROTEST_SUBS and agent_role in ("police", "military") and target_role in ("protesters", "rioters"):
        agent_tok, target_tok, agent_role, target_role = target_tok, agent_tok, target_role, agent_role
    if target_role is None and a2 is None and sub in _CIVILIAN_SUBS:
        # "attacked a village ..., killing 20 civilians": the victims named in the clause
        for t in tok.subtree:
            if t.lemma_.lower() in lex.civilian_nouns or t.lower_ in lex.civilian_nouns:
                target_tok, target_role = t, "civilians"
                break
    if a2 is not None and a2.kind == "civilians" and a2.actor_id is None and a2.country_iso3 is None:
        known = dictionary.countries.get(place.country_iso3)
        a2 = a2.model_copy(update={"name": f"Civilians ({known.name if known else place.country or place.country_iso3})",
                                   "country_iso3": place.country_iso3})
    if a1 is None and agent_role is not None and agent_tok is not None:
        a1 = _generic_actor(ctx, dictionary, agent_tok, agent_role, place, day)
    if a2 is None and target_role is not None and target_tok is not None:
        a2 = _generic_actor(ctx, dictionary, target_tok, target_role, place, day)
    return a1, a2


def info_type(tax: dict, sub: str) -> str:
    return tax[sub]["event_type"]


_GENERIC_DETS = {"a", "an", "each", "any", "every"}
_BULLETS = {".", "-", "•", "*", "–", "—", "·"}


def _by_object(tok):
    by = _prep_obj(tok, "by")
    if by is None:
        agent = _child(tok, "agent")
        by = _child(agent, "pobj") if agent is not None else None
    return by


_PERSONAL_POSS = {"his", "her", "my", "your"}
_MILITARY_MODIFIERS = {"military", "troop", "troops", "naval", "army", "armed", "combat", "force", "forces", "soldier",
                       "soldiers", "battalion", "brigade", "nato", "peacekeeping", "peacekeeper", "missile", "warship",
                       "air", "ground", "marine", "militia", "rebel", "fighter"}


def _military_context(tok, objs: set, d: _Doc, lex: Lexicon) -> bool:
    """A deployment noun about forces: of troops, a military modifier, or an armed actor's."""
    if objs & lex.military_nouns or objs & _MILITARY_MODIFIERS:
        return True
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if mods & (_MILITARY_MODIFIERS | lex.military_nouns):
        return True
    for c in tok.children:
        if c.dep_ in ("poss", "compound", "nmod"):
            a = _actor_in(d, c) or lookup(c.text)
            if a is not None and (a.inter in (1, 2, 3, 4, 8) or a.kind == "state") and a.kind not in (
                    "international", "humanitarian"):
                return True
    by = _prep_obj(tok, "by")
    a = _actor_in(d, by) if by is not None else None
    return a is not None and a.inter in (1, 2, 3, 4, 8) and a.kind not in ("international", "humanitarian")


def _purpose_clause(tok) -> bool:
    """The trigger states an aim: an infinitive attached to a noun ("operations to liberate
    Mosul") or of purpose ("... to repel the incursion"), or a noun that such an infinitive
    governs ("to enable the liberation of the city")."""
    verb = tok
    if tok.dep_ in ("dobj", "pobj") and not tok.tag_.startswith("VB"):
        verb = tok.head if tok.dep_ == "dobj" else tok.head.head
    if verb is None or not verb.tag_ == "VB":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return True
    if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" and c.i < verb.i and c.pos_ == "NOUN" for c in verb.head.children):
        return True  # "continued operations to liberate Mosul": the parser hangs the aim on the verb
    # "deploying troops to repel the incursion": a purpose clause
    return verb.dep_ == "advcl" and verb.head.lemma_.lower() not in ("try", "attempt", "plan", "vow", "threaten")


def _generic_noun(tok, lex: Lexicon) -> bool:
    """A trigger noun that names a kind of thing, not an event that happened."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and (nxt.lower_ in (",", "and", "or") or nxt.lemma_.lower() in ("aircraft", "helicopter", "plane", "jet", "mission", "package")):
        if any(c.dep_ == "conj" for c in tok.children) or (nxt.lemma_.lower() in ("aircraft", "helicopter", "plane", "jet", "mission", "package")):
            return True
    dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
    if dets & _GENERIC_DETS and not any(c.dep_ == "nummod" for c in tok.children):
        head = tok.head
        if tok.dep_ == "dobj" and head.lemma_.lower() in lex.light_verbs:
            return False
        if tok.dep_ == "nsubj" and head.lemma_.lower() in lex.absorbing_verbs:
            return False
        if tok.dep_ == "pobj" and tok.head.lower_ in ("by", "near", "on", "against"):
            return False
        if tok.dep_ in ("attr", "nsubjpass", "pobj", "nsubj", "appos", "oprd"):
            return True
    return False


def _place_for(ctx: Context, d: "_Doc", start: int, end: int, parties=()) -> Optional[Place]:
    """The governing location, leaving out names that act as actors here ("Russia launched")
    and preferring "Kursk Oblast" to "Russia" in "Russia's Kursk Oblast"."""
    acting = {(a.start, a.end) for a in ctx.actors if a.kind in ("state", "government") or a.via == "capital"}
    acting |= {(a.start, a.end) for a in parties}
    places = [p for p in ctx.places if p.role == "location" and (p.start, p.end) not in acting
              and not any(a.start <= p.start and p.end <= a.end for a in parties)]
    # a place a map can show first: an unresolved name is used only when the sentence has no other
    place = closest(ctx, [p for p in places if p.resolved], start, end) or closest(ctx, places, start, end)
    if place is not None and place.level == "country":
        for p in places:
            if p.sentence == place.sentence and p.start >= place.end and p.start - place.end <= 4 and p.level != "country":
                return p
    return place


def _state_actor(ctx: Context, dictionary, tok, iso3: str, day) -> Actor:
    ent = dictionary.role_entry(iso3, "state")
    start = tok.idx if tok.i == 0 or _country_of_name(dictionary, tok.doc[tok.i - 1]) != iso3 else tok.doc[tok.i - 1].idx
    return entry_actor(ctx, dictionary, ent, start, tok.idx + len(tok), "name", day)


def _country_of_name(dictionary, tok) -> Optional[str]:
    for ph in dictionary.by_text.get(tok.lower_, ()):
        entry = dictionary.entries[ph.entry_id]
        if entry.kind == "state":
            return entry.iso3
    # two-word names: "North Korea"
    if tok.i > 0:
        two = f"{tok.doc[tok.i - 1].lower_} {tok.lower_}"
        for ph in dictionary.by_text.get(two, ()):
            entry = dictionary.entries[ph.entry_id]
            if entry.kind == "state":
                return entry.iso3
    return None


def _territorial(tok, trig: Trigger, target_tok, actor1, d: _Doc, lex: Lexicon, dictionary, objs,
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


def _claims_for(ctx: Context, sentence: int, start: int, end: int) -> tuple[Optional[int], tuple[str, ...]]:
    killed = None
    ids = []
    for c in ctx.claims:
        if c.sentence != sentence:
            continue
        overlaps = c.start < end and start < c.end
        if not overlaps:
            continue
        if c.modality not in ("asserted", "estimated"):
            continue
        ids.append(c.id)
        if c.measure == "killed" and killed is None:
            q = c.quantity
            value = q.value if q.value is not None else q.low
            if value is not None:
                killed = int(value)
    return killed, tuple(ids)
