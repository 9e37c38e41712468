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

import hashlib
from typing import Optional

from kronika.actors import entry_actor, event_actor, load_dictionary
from kronika.attach import governing_time
from kronika.context import Context
from kronika.events.classify import load_classifier, load_taxonomy, score_labels
from kronika.records import Event, Mention
from kronika.events.arguments import claims_for, place_for
from kronika.events.frame import DocIndex, PERSONAL_POSS, actor_in, civilians_actor, country_of_name, generic_role, infer_generic, military_context, resolve_pronoun, state_actor
from kronika.events.lexicon import load_lexicon
from kronika.events.parse import PRONOUNS, asks_who, by_object, child, claimed_by, is_noun, is_passive, is_verb, modifier_lemmas, object_lemmas, prep_obj, purpose_clause, subject_up
from kronika.events.status import event_status
from kronika.events.subtype import GOV_ROLES, info_type, territorial
from kronika.events.triggers import generic_noun, trigger_for


def extract_events(ctx: Context) -> list[Event]:
    """Events of the document, in text order."""
    lex = load_lexicon()
    tax = load_taxonomy()["sub_event_types"]
    clf = load_classifier()
    d = DocIndex(ctx)
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
            trig = trigger_for(tok, lex)
            if trig is not None and ctx.reporting(tok.idx):
                candidates.append((tok, trig))
        if not candidates:
            continue
        trigger_tokens = {t.i for t, _ in candidates}
        for tok, trig in candidates:
            if tok.i in used_tokens:
                continue
            lemma = tok.lemma_.lower()
            objs = object_lemmas(tok)
            # --- requirements -------------------------------------------------------
            if trig.requires_object and not (objs & trig.requires_object):
                continue
            if trig.requires_military_object and not (objs & lex.military_nouns):
                continue
            if trig.requires_person_object:
                subj = child(tok, "nsubjpass")
                heads = objs | ({subj.lemma_.lower(), subj.lower_} if subj is not None else set())
                if not heads & (lex.person_nouns | {"captive", "captives", "prisoner", "prisoners"}):
                    continue
            if trig.requires_modifier and not (modifier_lemmas(tok) & trig.requires_modifier):
                continue
            if trig.requires_object_or_modifier and not ((objs | modifier_lemmas(tok)) & trig.requires_object_or_modifier):
                continue
            if is_noun(tok) and tok.dep_ == "compound":
                continue  # "strike missions", "attack aircraft"
            if tok.i in d.actor_at:
                continue  # part of a name: "Popular Mobilization Forces"
            if is_noun(tok) and generic_noun(tok, lex):
                continue  # "a strike means ...", "attack, bomber and fighter aircraft"
            if trig.intransitive and child(tok, "dobj") is not None:
                continue  # "demonstrated limited awareness"
            if is_verb(tok) and tok.tag_ == "VBN" and tok.dep_ in ("amod", "acl") and prep_obj(tok, "by") is None \
                    and child(tok, "agent") is None:
                continue  # descriptive participle: "the captured soldier", "300 people killed"
            if is_verb(tok) and tok.dep_ == "amod":
                continue
            if trig.sub_event_type == "Change to group/activity" and is_noun(tok) and any(
                    c.dep_ == "poss" and c.lower_ in PERSONAL_POSS for c in tok.children):
                continue  # "his combat deployment": one person's duty, not a group's event ("his arrest" stays)
            if trig.requires_military_context and is_noun(tok) and not military_context(tok, objs, d, lex):
                continue  # "the IMF's deployment of funds"
            if purpose_clause(tok):
                continue  # "operations to liberate Mosul", "to enable the liberation of the city": an aim
            if trig.needs_object_or_passive and child(tok, "dobj") is None and not any(
                    c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
                continue  # "troops killed or injured" (reduced passive without agent)
            # anaphoric noun ("the incursion" after an incursion was reported)
            if is_noun(tok) and lemma in seen_lemmas and any(
                c.dep_ in ("det", "poss") and c.lower_ in lex.anaphoric_dets for c in tok.children
            ):
                continue
            # a killing verb whose subject is another trigger ("the strike killed 6"): absorbed
            if trig.absorbable:
                subj = child(tok, "nsubj")
                if subj is not None and any(t.i in trigger_tokens for t in subj.subtree):
                    continue  # "a series of airstrikes ... killed 20 militants": part of the strikes
                if subj is not None and subj.lower_ in ("that", "which") and tok.dep_ == "relcl" and tok.head.i in trigger_tokens:
                    continue  # "strikes that kill civilians"
                if tok.dep_ in ("advcl", "xcomp", "conj") and tok.head.i in trigger_tokens and tok.tag_ == "VBG":
                    continue  # "bombed the village, killing 6 civilians"

            if is_verb(tok):
                by_tok = by_object(tok)
                if by_tok is None:
                    for c in tok.children:
                        if c.dep_ == "conj" and c.pos_ == "VERB":
                            by_tok = by_object(c)
                            if by_tok is not None:
                                break
                if by_tok is not None and by_tok.i in trigger_tokens and is_noun(by_tok):
                    continue  # "was struck and killed by a coalition airstrike": the airstrike is the event
                if tok.dep_ == "conj" and tok.head.i in trigger_tokens and child(tok, "nsubj", "nsubjpass") is None \
                        and (child(tok.head, "agent") is not None or prep_obj(tok.head, "by") is not None):
                    continue
            if is_verb(tok) and asks_who(tok):
                continue  # "didn't know who he would be fighting (against)": a question, not an event
            # --- actors ---------------------------------------------------------------
            actor1 = actor2 = None
            target_tok = None
            passive = is_verb(tok) and is_passive(tok)
            carried = False
            if is_verb(tok):
                if passive:
                    agent = prep_obj(tok, "by")
                    if agent is None:
                        ag = child(tok, "agent")
                        agent = child(ag, "pobj") if ag is not None else None
                    actor1 = actor_in(d, agent)
                    subj = child(tok, "nsubjpass")
                    if subj is None and tok.dep_ in ("acl", "amod", "relcl"):
                        subj = tok.head
                        if tok.dep_ == "relcl":
                            subj = tok.head
                    target_tok = subj
                    actor2 = actor_in(d, subj) if subj is not None else None
                    if subj is not None and subj.i in d.actor_at:
                        actor2 = d.actor_at[subj.i]
                else:
                    subj, clause = subject_up(tok)
                    if subj is not None:
                        actor1 = actor_in(d, subj)
                        if actor1 is None and subj.lower_ in PRONOUNS:
                            actor1 = resolve_pronoun(d, subj, events, sent.start)
                        if actor1 is None:
                            sposs = child(subj, "poss")
                            if sposs is not None and sposs.lower_ in PRONOUNS and subj.lemma_.lower() in lex.military_nouns:
                                actor1 = resolve_pronoun(d, sposs, events, sent.start)  # "its forces"
                    if actor1 is None:
                        # "with North Korea sending ...": the actor right before the verb
                        for t in reversed(doc[max(sent.start, tok.i - 3): tok.i]):
                            if t.i in d.actor_at:
                                actor1 = d.actor_at[t.i]
                                break
                    obj = child(tok, "dobj") or prep_obj(tok, "against", "on")
                    target_tok = obj
                    actor2 = actor_in(d, obj)
            else:  # noun trigger
                poss = child(tok, "poss")
                by = prep_obj(tok, "by")
                actor1 = d.actor_at.get(tok.i) or actor_in(d, by) or actor_in(d, poss)
                if actor1 is None and poss is not None:
                    iso = country_of_name(dictionary, poss)
                    if iso:
                        actor1 = state_actor(ctx, dictionary, poss, iso, day)
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
                if poss is not None and actor1 is None and poss.lower_ in PRONOUNS:
                    actor1 = resolve_pronoun(d, poss, events, sent.start)
                head = tok.head
                if actor1 is None and tok.dep_ in ("dobj", "attr", "nsubjpass") and head.pos_ == "VERB" \
                        and head.lemma_.lower() in lex.light_verbs:
                    subj, _ = subject_up(head)
                    if subj is not None:
                        actor1 = actor_in(d, subj)
                        if actor1 is None and subj.lower_ in PRONOUNS:
                            actor1 = resolve_pronoun(d, subj, events, sent.start)
                if actor1 is None:
                    claimer = claimed_by(tok)  # "JNIM claimed the attack", "... was claimed by JNIM"
                    if claimer is not None:
                        actor1 = actor_in(d, claimer)
                tgt = prep_obj(tok, "of", "against", "on", "into")
                target_tok = tgt
                actor2 = actor_in(d, tgt)
                if tok.dep_ in ("nsubj",) and head.pos_ == "VERB" and head.lemma_.lower() in lex.absorbing_verbs:
                    obj = child(head, "dobj")
                    if obj is not None:
                        target_tok = obj
                        actor2 = actor_in(d, obj)
                    used_tokens.add(head.i)
                    for c in head.children:  # "destroyed ... and killed 12"
                        if c.dep_ == "conj" and c.lemma_.lower() in lex.absorbing_verbs:
                            used_tokens.add(c.i)
                if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ == "VERB":
                    # "killed in an air strike": the victims are the subject of the verb
                    v = tok.head.head
                    vs = child(v, "nsubjpass", "nsubj")
                    if vs is not None:
                        actor2 = actor2 or actor_in(d, vs)
                        target_tok = target_tok or vs
            # "into Russia's Kursk Oblast": the country owning the place is the target
            if actor2 is None:
                into = prep_obj(tok, "into") if is_noun(tok) else None
                if into is not None:
                    for t in into.subtree:
                        iso = country_of_name(dictionary, t)
                        if iso:
                            ent = dictionary.role_entry(iso, "military")
                            actor2 = entry_actor(ctx, dictionary, ent, t.idx, t.idx + len(t), "name", day)
                            break
            if trig.cls == "territory" and is_verb(tok):
                frm = prep_obj(tok, "from")
                if frm is not None and actor_in(d, frm) is not None:
                    actor2 = actor_in(d, frm)
                elif actor2 is not None and target_tok is not None and any(t.i in d.place_at for t in target_tok.subtree):
                    actor2 = None if actor2.actor_id is None else actor2
            if actor2 is None and target_tok is not None and target_tok.lemma_.lower() in lex.civilian_nouns:
                actor2 = civilians_actor(ctx, target_tok)
            if trig.requires_object_or_subject_actor and actor1 is None and actor2 is None and not (
                    is_verb(tok) and generic_role(subject_up(tok)[0], lex)
                    and generic_role(target_tok or prep_obj(tok, "with", "against"), lex)):
                continue  # "Troops clashed with rebels": generic forces on both sides still fight

            # --- type -----------------------------------------------------------------
            kind = trig.kind
            sub = trig.sub_event_type
            if trig.cls == "territory":
                agent_words = set()
                subj_tok = child(tok, "nsubj") if not passive else by_object(tok)
                if subj_tok is not None:
                    agent_words = {t.lower_ for t in subj_tok.subtree}
                sub, kind = territorial(tok, trig, target_tok, actor1, d, lex, dictionary, objs,
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
            role = "government" if sub in GOV_ROLES else "military"
            a1 = event_actor(actor1, role, day) if actor1 is not None else None
            a2 = event_actor(actor2, role if sub in GOV_ROLES and actor2 is not None and actor2.kind in ("state", "government") else "military", day) if actor2 is not None else None
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
            clause = tok if is_verb(tok) else (tok.head if tok.head.pos_ == "VERB" else tok)
            lo = min(clause.left_edge.i, tok.i)
            hi = max(clause.right_edge.i, tok.i)
            lo, hi = max(lo, sent.start), min(hi, sent.end - 1)
            start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
            t_start, t_end = tok.idx, tok.idx + len(tok)
            status = event_status(tok, lex, trig)
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
                place = place_for(ctx, d, t_start, t_end, [a for a in (actor1, actor2) if a is not None])
            if place is not None and place.country_iso3:
                a1, a2 = infer_generic(ctx, dictionary, lex, tok, target_tok, place, sub, a1, a2, day, passive)
            when = governing_time(ctx, t_start, t_end)
            info = tax[sub]
            fatalities, claim_ids = claims_for(ctx, si, start, end)
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
