"""Reports the trigger words miss: the snippet classifier reads a text whose clauses gave no event.

A short report ("Tranquil crowds walked the streets and demanded ...", "Two militants accidentally
set off their devices near a hospital") can tell of an event in words no trigger of
``data/events/triggers.yaml`` covers. When the clause pass finds no event at all in a text, each
sentence of the article's own reporting in which a cue rule of the snippet classifier
(``data/events/classifier.yaml``) fires gives one mention, typed by the classifier and anchored
to the cue the rule found (a sentence with a trigger word the clause pass weighed and set aside
is read again only in a report of a few sentences, and only for a cue on a verb the pass did not
weigh: "blocked the road with burning logs to protest", never "A ceasefire would help" -- except
in a snippet of one or two sentences whose trigger words were all set aside for their wording
alone, not for what they mean there: "fans protesting against the owners clashed with police",
whose sides no dictionary names, is read freely; "a legal battle", "a warrant for his arrest",
"talks collapsed" are not); its place, time and toll are read as for any clause. Such mentions
carry a low confidence (:data:`CONFIDENCE`): no parse vouches for their actors, which stay empty.

A text in which the trigger words found events gets none: there the classifier, built to name
the one event of a snippet, would add the background and context the clause pass leaves out.
"""

from __future__ import annotations

import hashlib
from typing import Optional

from kronika.context import Context
from kronika.events.arguments import claims_for, event_time, place_for
from kronika.events.corefer import typed_by_default
from kronika.events.classify import classify_code, cue_span, load_classifier, load_taxonomy, retype, score_labels
from kronika.events.filters import generic
from kronika.events.frame import DocIndex, generic_role
from kronika.events.lexicon import load_lexicon
from kronika.events.status import event_status
from kronika.events.mentions import Run
from kronika.events.parse import is_passive, is_verb
from kronika.events.triggers import ON_PURPOSE, at_play, no_violence_done, trigger_for, weighed, why_no_event
from kronika.records import Event, Mention

CONFIDENCE = 0.3
# what a bare "attack" may turn out to be: violence of any kind, never a development or a transfer
_VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests"}


def _an_aim(tok) -> bool:
    """The cue is what an infinitive aims at ("collaborate to advance regional security", "efforts
    to rally partners", "urged Israel to deconflict its military operations"): nothing happened."""
    for _ in range(4):
        if tok.tag_.startswith("VB"):
            return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _aimed_at(ctx: Context, start: int, end: int) -> bool:
    """A verb of the cue is what an infinitive aims at ("militants who had tried to storm the town")."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ == "VERB" and _an_aim(t) for t in span)


def _goods(tok) -> bool:
    """The cue names weapons traded or made, not used ("supplied drones to Russia"); weapons a
    participle says were seized are the seizure's ("displayed weapons seized from bandits")."""
    if any(c.dep_ == "acl" and c.tag_ == "VBN" for c in tok.children):
        return False
    return tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in load_lexicon().words["supply_verbs"]


def _no_act(span) -> bool:
    """The cue tells no act of war or protest: a verb done by the weather or the market ("the
    hurricane destroyed hundreds of homes"), a word that only qualifies a noun ("the drone
    industry", "the captured soldiers")."""
    root, lex = span.root, load_lexicon()
    if len(span) == 1 and root.dep_ == "compound" and root.head.lemma_.lower() in lex.words["industry_nouns"]:
        return True
    if (
        len(span) == 1
        and root.tag_ == "VBN"
        and root.dep_ == "amod"
        and not list(root.children)
        and any(c.dep_ == "det" and c.i < root.i for c in root.head.children)  # not "... and vandalised buses"
    ):
        return True  # "the captured soldiers were shown on television": a word that describes them
    return no_violence_done(root, lex)


def _status(span) -> str:
    """The cue's status, as the clause path reads it; a negation the cue itself holds ("has not
    been seen since") is its meaning, not a denial. A cue that is no event word of its own takes
    the status of the event words it holds or governs: "the union threatened an indefinite
    strike" is planned, "banned protests" and "called off its strike" negated."""
    lex = load_lexicon()
    status = event_status(span.root, lex, None)
    if status == "negated" and any(t.dep_ == "neg" for t in span):
        return "occurred"
    if status != "occurred":
        return status
    root = span.root
    words = [t for t in span if t is not root] + [c for c in root.children if c.dep_ in ("dobj", "nsubjpass")]
    for t in words:
        if weighed(t, lex):
            own = event_status(t, lex, None)
            if own in ("negated", "planned", "hypothetical"):
                return own
    return status


def _sentence_event(ctx: Context, d: DocIndex, si: int, sent, free: bool) -> Optional[Event]:
    clf = load_classifier()
    text = ctx.sentences[si].text  # kept: a span's text is joined anew each time
    if not any(v > 0 for v in score_labels(text, clf.acled25).values()):
        return None  # no cue rule speaks to it: the back-off alone is no evidence of an event
    code, _ = classify_code(text, parsed=sent)  # the document's own parse, not a second one
    cue = cue_span(text, code) or _any_cue(text)
    span = (
        ctx.doc.char_span(sent.start_char + cue[0], sent.start_char + cue[1], alignment_mode="expand")
        if cue is not None
        else None
    )
    if span is None or not len(span) or _an_aim(span.root) or _goods(span.root) or _no_act(span):
        return None
    lex = load_lexicon()
    if code in _PARTY_BOUND and not _armed_party(d, sent, lex):
        return None  # "the banks merged", "the team captured the title", "shares crashed after heavy losses"
    if at_play(sent, lex, d.actor_at):
        return None  # "the striking footballer was booked in the second half"
    if not free and any(trigger_for(t, lex) is not None for t in sent):
        # a sentence with trigger words the clause pass weighed and set aside ("A ceasefire would
        # help", "the rockets mean Ukraine can hit back"): only a verb it did not weigh tells an act
        if not _verb_like(span.root) or trigger_for(span.root, lex) is not None:
            return None
    ev = _event_at(ctx, d, si, sent, span, clf.code_to_name[code])
    if len(span) != 1 or not generic(ctx, ev, span.root):
        return ev
    # a cue that names a kind ("a student whose death inspired months of protests"): the sentence's
    # main act is the event ("have defied a ban and lit candles")
    act = _main_act(sent, span.root)
    return _event_at(ctx, d, si, sent, ctx.doc[act.i : act.i + 1], ev.sub_event_type) if act is not None else ev


# what only armed or state parties do in ACLED's sense: fight, take ground, change their group or activity
_PARTY_BOUND = {
    "CHANGE_TO_GROUP_ACT",
    "ARMED_CLASH",
    "GOV_REGAINS_TERIT",
    "NON_STATE_ACTOR_OVERTAKES_TER",
    "NON_VIOL_TERRIT_TRANSFER",
}


def _armed_party(d: DocIndex, sent, lex) -> bool:
    """The sentence names forces, an armed group or arms: an actor of an armed kind, a government,
    words such as "troops", "reservists", "militants", "rifles", "armed" ("the rebels merged with two
    militias", "suspended its armed struggle"; not "the band split", "the tourists arrived")."""
    for tok in sent:
        actor = d.actor_at.get(tok.i)
        if actor is not None and actor.kind != "organization":
            return True
        if tok.lower_ in lex.military_nouns or tok.lower_ in lex.weapon_nouns or tok.lower_ == "armed":
            return True  # "reservists", "rifles", "its armed struggle"
        if generic_role(tok, lex) is not None or tok.lemma_.lower() in lex.words["casualty_words"]:
            return True
    return False


# the slots of a clause: a word there is a verb whatever its tag
_CLAUSE_DEPS = {"xcomp", "advcl", "pcomp", "ccomp"}


def _verb_like(tok) -> bool:
    """A verb, or an -ing form the tagger called a noun in a verb's slot ("militants were seen
    massing near the town": the clause complement of "seen")."""
    return tok.pos_ == "VERB" or (tok.tag_ == "NN" and tok.lower_.endswith("ing") and tok.dep_ in _CLAUSE_DEPS)


def _any_cue(text: str) -> Optional[tuple[int, int]]:
    """The cue of the label the rules read most strongly, for a type the classifier chose by
    another reading (a territory retaken by rebels, not by the state: "Tigrayan forces retook the
    regional capital")."""
    scores = {k: v for k, v in score_labels(text, load_classifier().acled25).items() if v > 0}
    return cue_span(text, max(scores, key=scores.get)) if scores else None


# a sentence's main verb that tells no act of its own
_NOT_ACTS = {"be", "have", "say", "tell", "report", "claim", "add", "seem", "appear", "become", "remain", "show", "see"}


def _main_act(sent, kind):
    """The sentence's main verb, when it tells an act of its own: not a copula, a verb of saying or
    a modal's, and not what the kind named by noun ``kind`` does ("clashes continued", "months of
    protests have shaken the capital")."""
    root = sent.root
    if not kind.tag_.startswith("NN") or root.pos_ != "VERB" or root.lemma_.lower() in _NOT_ACTS:
        return None
    subjects = {t.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    if kind.i in subjects or any(c.dep_ == "aux" and c.tag_ == "MD" for c in root.children):
        return None
    return root


def _event_at(ctx: Context, d: DocIndex, si: int, sent, span, name: str) -> Event:
    """The classifier's event of type ``name`` anchored to ``span`` of sentence ``si``."""
    start, end = span.start_char, span.end_char
    info = load_taxonomy()["sub_event_types"][name]
    fatalities, claim_ids = claims_for(ctx, d, si, sent.start_char, sent.end_char)
    return Event(
        id=hashlib.sha1(f"{ctx.document.id}:{start}:{name}".encode()).hexdigest()[:16],
        event_type=info["event_type"],
        sub_event_type=name,
        disorder_type=info["disorder_type"],
        trigger=Mention(**ctx.span_fields(start, end)),
        place=place_for(ctx, d, start, end),
        time=event_time(ctx, start, end),
        fatalities=fatalities,
        claims=claim_ids,
        status=_status(span),
        confidence=CONFIDENCE,
        sentence=si,
        start=sent.start_char,
        end=sent.end_char,
        text=ctx.sentences[si].text,  # kept: a span's text is joined anew each time
    )


SHORT_REPORT = 5  # sentences: in a longer text, a sentence with a trigger word set aside is not read again
SNIPPET = 2  # sentences: a snippet's trigger words set aside for their wording alone leave it to the classifier


def is_snippet(ctx: Context) -> bool:
    """A text of one or two sentences (:data:`SNIPPET`): it tells one event, whatever its wording."""
    return len(list(ctx.doc.sents)) <= SNIPPET


def _set_aside_on_purpose(run: Run, sent) -> bool:
    """Some trigger word of the sentence was set aside for what it means here (a reading of
    :data:`~kronika.events.triggers.ON_PURPOSE`: "a legal battle", "a warrant for his arrest",
    "A ceasefire would help"), not for a wording the clause pass did not foresee (a
    requirement unmet, no actor found, a descriptive participle: "fans clashed with police",
    "journalists arrested in the capital remain missing")."""
    headline = not any(t.pos_ in ("VERB", "AUX") for t in sent)
    for tok in sent:
        if weighed(tok, run.lex) and (trig := trigger_for(tok, run.lex)) is not None:
            why = why_no_event(tok, trig, run)
            if why == "compound" and headline and _doer_and_done_to(run, tok):
                continue  # "Police teargas protesters in Nairobi": a headline's verb the parse made a noun
            if why in ON_PURPOSE or (why is None and not _parties_named(tok)):
                return True
    return False


def _party(run: Run, tok) -> bool:
    return tok.i in run.index.actor_at or generic_role(tok, run.lex) is not None or tok.lower_ in run.lex.civilian_nouns


def _doer_and_done_to(run: Run, tok) -> bool:
    """A trigger noun between two parties in a headline with no verb ("Police teargas protesters",
    not "Protest leaders in Nairobi"): a party before it, a party after it."""
    before = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    return before is not None and _party(run, before) and tok.head.i > tok.i and _party(run, tok.head)


# prepositions whose object is the other party of an act ("clashed with police", "set upon a rally"),
# unless it names a time or a place
_WITH_OR_AT = {"with", "against", "on", "upon", "at"}
_NO_PARTY = {"DATE", "TIME", "GPE", "LOC", "FAC"}


def _parties_named(tok) -> bool:
    """A trigger word the clause pass took and found no actor for is set aside for its wording
    only when a verb's clause names the parties, those who act and those acted on or with
    ("fans clashed with police", "supporters fought each other"): with one party missing the
    word tells no event of its own ("the minister stormed out of the meeting", "Fighting the
    rebels was hard", "they have fought to protect democracy")."""
    if not is_verb(tok):
        return True
    if is_passive(tok):
        return any(c.dep_ == "nsubjpass" for c in tok.children)
    subject = any(c.dep_ == "nsubj" for c in tok.children)
    other = any(c.dep_ == "dobj" for c in tok.children) or any(
        c.dep_ == "prep" and c.lower_ in _WITH_OR_AT and any(_a_party(g) for g in c.children) for c in tok.children
    )
    return subject and other


def _a_party(tok) -> bool:
    """The object of a preposition names someone (not a time or a place: "on Friday", "at the port")."""
    return tok.dep_ == "pobj" and tok.ent_type_ not in _NO_PARTY


def _unread(sent, lex) -> bool:
    """No trigger word in the sentence: one the clause pass weighed and found no event
    ("operations to liberate Mosul", "who he would be fighting"), or whose object or subject is not
    the kind its trigger needs ("withdrew the tax bill"), is not read again."""
    return not any(weighed(tok, lex) for tok in sent)


def _read_freely(ctx: Context, sents: list, reread: frozenset[int], dropped: frozenset[int]) -> frozenset[int]:
    """The sentences the classifier reads whatever trigger words they hold: those of ``reread``,
    and in a snippet of one or two sentences, those whose trigger words were all set aside for
    their wording (none in ``dropped``, where a mention was found no event on purpose)."""
    if len(sents) > SNIPPET:
        return reread
    run = Run(ctx)
    return reread | {si for si, s in enumerate(sents) if si not in dropped and not _set_aside_on_purpose(run, s)}


def classifier_mentions(
    ctx: Context, mentions: list[Event], reread: frozenset[int] = frozenset(), dropped: frozenset[int] = frozenset()
) -> list[Event]:
    """``mentions`` unchanged when there are any; else one mention per sentence of the article's
    own reporting that a cue rule of the snippet classifier reads as an event (see the module's
    docstring for sentences with trigger words set aside; those of :func:`_read_freely` are read
    freely)."""
    if mentions:
        return mentions
    d, lex, sents = DocIndex(ctx), load_lexicon(), list(ctx.doc.sents)
    short = len(sents) <= SHORT_REPORT  # a report of a few sentences: each is read whatever words it has
    free = _read_freely(ctx, sents, reread, dropped)
    found = (
        _sentence_event(ctx, d, si, sent, si in free)
        for si, sent in enumerate(sents)
        if ctx.reports_in(sent.start_char, sent.end_char) and (short or si in reread or _unread(sent, lex))
    )
    return [e for e in found if e is not None]


def classifier_types(ctx: Context, events: list[Event]) -> list[Event]:
    """An event typed by default (a bare "attack", "assault", "clash": Armed clash or Attack
    when nothing in the clause says more) takes the type the snippet classifier's cue rules read
    in its sentence, when they read one: "gunmen attacked the staff quarters, abducting the
    sister of ..." is an abduction, "the shoot-out ... one civilian was killed" a clash."""
    clf = load_classifier()
    out = []
    for e in events:
        if typed_by_default(e) or (
            e.sub_event_type == "Armed clash" and e.kind not in ("capture", "territorial_change", "direct_fire")
        ):
            sent = ctx.doc[ctx.doc.char_span(e.start, e.end, alignment_mode="expand").start].sent
            scores = {k: v for k, v in score_labels(sent.text, clf.acled25).items() if v > 0}
            if scores and clf.name_to_code.get(e.sub_event_type) not in scores:  # the rules do not read it as typed
                code, _ = classify_code(sent.text, parsed=sent)
                name = clf.code_to_name[code]
                info = load_taxonomy()["sub_event_types"][name]
                cue = cue_span(sent.text, code)
                own = cue is not None and e.start <= sent.start_char + cue[0] < e.end  # a cue in its own clause
                own = own and not _aimed_at(ctx, sent.start_char + cue[0], sent.start_char + cue[1])
                killed = name == "Abduction/forced disappearance" and bool(e.fatalities)  # an attack that killed
                if (
                    name != e.sub_event_type
                    and code in scores
                    and own
                    and info["event_type"] in _VIOLENCE
                    and not killed
                ):
                    e = retype(e, name)
        out.append(e)
    return out


__all__ = ["CONFIDENCE", "classifier_mentions", "classifier_types", "is_snippet"]
