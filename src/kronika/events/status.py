"""Whether a mentioned event happened: negated, denied, planned, hypothetical or forecast, from
negation, the verbs governing the trigger and modals."""

from __future__ import annotations

from typing import Optional

from kronika.events.lexicon import Lexicon, Trigger


def event_status(tok, lex: Lexicon, trig: Optional[Trigger]) -> str:
    """The status of the event ``tok`` reports (``trig``: its trigger entry, None for the snippet
    classifier's reading)."""
    st = lex.status
    if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ == "without":
        return "negated"  # "entered the town without fighting", "withdrew without clashes": none took place
    # negation on the trigger or on its light verb
    chain = [tok]
    cur = tok
    # an event noun that is the subject of its verb does what the verb says: "the attacks threaten
    # security", "the fall of the city would hit the economy" do not make the attacks planned or
    # the fall hypothetical
    if _decreed(tok, st):
        return "occurred"
    for _ in range(0 if _subject_of_a_finite_verb(tok, st) else 6):
        if cur.head.i == cur.i or _told_as_fact(cur) or _own_finite_conjunct(cur) or _done_not_planned(cur, st):
            break
        cur = cur.head
        chain.append(cur)
    if tok.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "no") for c in tok.children
    ):
        # a definite event noun inside another noun's phrase ("the drones used in the Port Sudan
        # attacks") names a known event: the mood of the clause around that phrase is not its own
        for k, t in enumerate(chain[1:], start=1):
            if t.pos_ in ("NOUN", "PROPN"):
                chain = chain[:k]
                break
    for t in chain[:2]:
        if t is not tok and t.lemma_ in st["reporting_verbs"]:
            break
        if any(
            c.dep_ == "neg" or (c.lower_ in st["negation_words"] and c.dep_ in ("neg", "det", "advmod"))
            for c in t.children
        ):
            return "negated"
    if _none_of_it(tok, st):
        return "negated"
    put_off = _put_off(tok, st)
    if put_off is not None:
        return put_off
    for t in chain[1:]:
        if t.lemma_ in st["denial_verbs"]:
            return "denied"
    promised = any(t.lemma_ in st["planned_verbs"] and t.pos_ == "VERB" for t in chain[1:4])
    if not promised and any(_conditional(t, st) or _on_the_table(t, st) for t in chain[:4]):
        return "hypothetical"  # "will only release them if Israel implements the deal", "the deal on the table"
    for t in chain:
        if any(c.dep_ == "mark" and c.lower_ in st["hypothetical_marks"] for c in t.children):
            return "hypothetical"
        if t.tag_ in ("VBP", "VBZ") and any(c.dep_ == "mark" and c.lower_ in ("until", "till") for c in t.children):
            return "planned"  # "will strike until they withdraw": the withdrawal is still to come
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
    if any(was_to(t) for t in chain[:5]):
        return "planned"  # "were to start negotiations in early February": a plan, whatever came of it
    for t in chain[1:4]:
        if t.lemma_ in st["forecast_verbs"]:
            return "forecast"
        if t.lemma_ in st["planned_verbs"] and t.pos_ == "VERB" and not _naming(t) and not _aimed_at(t):
            return "planned"
        if t.lemma_ in st["enabling_verbs"] and t.tag_ != "VBD":
            return "hypothetical"  # "a law allowing police to detain suspects": what may be done
    if tok.dep_ in ("xcomp", "advcl", "relcl", "acl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    ):
        if tok.dep_ == "xcomp" and tok.head.lemma_ in st["aspect_verbs"] and tok.head.tag_ in ("VBD", "VBN", "VBZ"):
            return "occurred"  # "began to withdraw its forces": it did
        return "planned"  # "deploying troops to repel the incursion"
    if trig is not None and trig.status:
        return trig.status
    return "occurred"


def _decreed(tok, st) -> bool:
    """A measure whose order is the act ("the government ordered a general mobilisation", "decreed
    the mobilisation of reservists"): ordered in the past, it was put in force, not planned."""
    head = tok.head
    return (
        tok.lemma_.lower() in st["decreed_nouns"]
        and tok.dep_ in ("dobj", "nsubjpass")
        and head.lemma_.lower() in st["decree_verbs"]
        and (
            head.tag_ == "VBD"
            or any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "was", "were") for c in head.children)
        )
    )


def _none_of_it(tok, st) -> bool:
    """What the trigger verb is done to, or by, is none ("no deal was reached", "reached no
    agreement", "no shots were fired"): nothing took place."""
    return tok.pos_ == "VERB" and any(
        c.dep_ in ("dobj", "nsubjpass")
        and any(g.dep_ == "det" and g.lower_ in st["negation_words"] for g in c.children)
        for c in tok.children
    )


def was_to(verb) -> bool:
    """ "were to start", "is to hold": a form of "be" with a to-infinitive is an arrangement (not
    "it is difficult to imagine", "the aim is to": "be" with its own predicate or an empty subject)."""
    be = verb.head
    return (
        verb.dep_ == "xcomp"
        and be.lemma_ == "be"
        and be.i != verb.i
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not any(c.dep_ in ("acomp", "attr", "expl") or c.lower_ in ("it", "that", "this") for c in be.children)
    )


def _conditional(verb, st) -> bool:
    """A verb with a condition of its own ("will release the hostages if Israel implements the
    deal", "will strike unless wages are paid"): what may happen, not what will."""
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in verb.children
    )


def _on_the_table(noun, st) -> bool:
    """A deal "on the table", "that is now on the table": proposed, not made."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    heads = [noun] + [c for c in noun.children if c.dep_ == "relcl"]
    return any(
        c.dep_ == "prep" and c.lower_ == "on" and any(o.lemma_.lower() in st["proposal_places"] for o in c.children)
        for h in heads
        for c in h.children
    )


_FACT_MARKS = {"since", "after", "because", "as"}


def _told_as_fact(verb) -> bool:
    """A finite past clause told as the ground of another ("has not been seen since armed men took
    him", "will withdraw after the army retook the town"): the other's mood is not its own."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBD"
        and any(c.dep_ == "mark" and c.lower_ in _FACT_MARKS for c in verb.children)
    )


def _done_not_planned(verb, st) -> bool:
    """A past clause with its own subject that the parse hangs on a verb of planning or asking
    ("Armed men kidnapped an engineer; the cartel is demanding a ransom"): what is past was done,
    it cannot be what is planned or asked for."""
    return (
        verb.dep_ in ("ccomp", "parataxis")
        and verb.tag_ == "VBD"
        and verb.head.lemma_ in st["planned_verbs"]
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def _own_finite_conjunct(verb) -> bool:
    """A verb joined to another with a tense of its own ("tried to take the town but were beaten
    back"): the mood of the verb it is joined to is not its own."""
    return (
        verb.dep_ == "conj"
        and verb.pos_ in ("VERB", "AUX")
        and (verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children))
    )


def _aimed_at(verb) -> bool:
    """ "The strikes were directed at facilities": aimed, not ordered."""
    return any(c.dep_ == "prep" and c.lower_ in ("at", "against", "toward", "towards") for c in verb.children)


def _subject_of_a_finite_verb(tok, st) -> bool:
    """ "The attacks threaten ...", not "called for protests to continue", and not "talks will
    resume", "the march will go ahead": a verb of happening tells the mood of its subject."""
    head = tok.head
    return (
        tok.pos_ in ("NOUN", "PROPN")
        and tok.dep_ == "nsubj"
        and head.i != tok.i
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
        and not verb_words(head) & st["occurrence_verbs"]
    )


_PARTICLES = {"off", "ahead", "back", "on", "down", "up", "out"}


def verb_words(verb) -> set[str]:
    """The verb's lemma and its phrasal forms: "call off", "go ahead", "take place", "break down"."""
    lemma = verb.lemma_.lower()
    words = {lemma}
    for c in verb.children:
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in _PARTICLES):
            words.add(f"{lemma} {c.lower_}")
        elif c.dep_ == "dobj":
            words.add(f"{lemma} {c.lemma_.lower()}")
    return words


def _put_off(tok, st) -> Optional[str]:
    """An event cancelled, called off or banned did not happen ("cancelled the march", "the
    protest was called off"); one postponed, planned or awaited is still to come ("postponed the
    rally", "the proposed strike", "ahead of the march")."""
    if tok.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "amod" and c.lower_ in st["planned_modifiers"] for c in tok.children
    ):
        return "planned"
    if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "to") and tok.head.head.lower_ in st["anticipation_heads"]:
        return "planned"
    if tok.dep_ not in ("dobj", "nsubjpass") or tok.head.i == tok.i:
        return None
    words = verb_words(tok.head)
    if words & st["cancel_verbs"]:
        return "negated"
    if words & st["postpone_verbs"]:
        return "planned"
    return None


def _naming(verb) -> bool:
    """ "called the barrage one of the largest attacks" names it; "called for an end", "called on
    them to stop" ask for something."""
    if verb.lemma_ != "call":
        return False
    return any(c.dep_ == "dobj" for c in verb.children) and not any(
        c.dep_ == "prep" and c.lower_ in ("for", "on") for c in verb.children
    )
