"""Who does what to whom: the actors of an event mention, from the parse and the actor stage.

``DocIndex`` maps tokens to the actors and places found by earlier stages; ``actor_in`` finds the
actor heading a phrase; generic nouns ("police", "protesters", "gunmen") become the actors of the
country where the event happened (``infer_generic``, marked ``via="inferred"``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from kronika.actors import entry_actor, event_actor, lookup
from kronika.context import Context
from kronika.records import Actor, Event, Place
from kronika.events.arguments import eligible_places
from kronika.events.classify import retype
from kronika.events.corefer import typed_by_default
from kronika.events.lexicon import Lexicon, Trigger, load_lexicon
from kronika.events.roles import speaker_of
from kronika.events.parse import (
    backing,
    trigger_root,
    between,
    entered,
    gerund_subject,
    lemmas_of,
    PRONOUNS,
    SUBJ,
    by_object,
    child,
    claimed_by,
    fight_before,
    is_noun,
    is_passive,
    is_verb,
    made_into,
    perfect,
    prep_obj,
    subject_up,
)


PROTEST_SUBS = {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}


CIVILIAN_SUBS = {"Attack", "Abduction/forced disappearance", "Sexual violence"}
# remote violence whose victims the clause names ("an air strike hit a market, killing 23 people")
_REMOTE_SUBS = {
    "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade",
    "Suicide bomb",
}  # fmt: skip


PERSONAL_POSS = {"his", "her", "my", "your"}


_MILITARY_MODIFIERS = {
    "military",
    "troop",
    "troops",
    "naval",
    "army",
    "armed",
    "combat",
    "force",
    "forces",
    "soldier",
    "soldiers",
    "battalion",
    "brigade",
    "nato",
    "peacekeeping",
    "peacekeeper",
    "missile",
    "warship",
    "air",
    "ground",
    "marine",
    "militia",
    "rebel",
    "fighter",
}


class DocIndex:
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
        self._places: Optional[dict] = None
        self._claims: Optional[dict] = None

    def places_in(self, sentence: int) -> list[Place]:
        """The places of a sentence that can be where an event happened (computed once)."""
        if self._places is None:
            self._places = eligible_places(self.ctx)
        return self._places.get(sentence, [])

    def claims_in(self, sentence: int) -> list:
        if self._claims is None:
            self._claims = {}
            for c in self.ctx.claims:
                self._claims.setdefault(c.sentence, []).append(c)
        return self._claims.get(sentence, [])


_TARGET_PREPS = {"against", "on", "at", "into", "toward", "towards"}


def actor_in(d: DocIndex, tok) -> Optional[Actor]:
    """The actor mention heading the phrase of ``tok`` (or inside it, leftmost); actors in a
    target phrase ("strikes against al-Qaida") do not head it."""
    if tok is None:
        return None
    if tok.i in d.actor_at:
        return d.actor_at[tok.i]
    best = None
    for t in tok.subtree:
        a = d.actor_at.get(t.i)
        if a is not None and t.i != tok.i and (_sponsor(t) or backing(t, tok, load_lexicon())):
            continue  # "the al Qaeda-linked group": its sponsor, not the group; "troops backed by X": X backs
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


def _sponsor(t) -> bool:
    """The word names who backs or is linked to the noun it modifies ("the al Qaeda-linked group",
    "an Iran-backed militia"): a sponsor, not the actor."""
    doc, described = t.doc, load_lexicon().described_by
    for k in range(t.i + 1, min(t.i + 4, len(doc))):
        if doc[k].text in ("-", "‐", "‑") and k + 1 < len(doc) and doc[k + 1].lower_ in described:
            return True
        if doc[k].dep_ not in ("compound", "npadvmod", "punct") and not doc[k].text.startswith("-"):
            return any(w in described for w in _HYPHENS.split(doc[k].lower_)[1:])  # "Iran-backed" as one token
    return False


def civilians_actor(ctx: Context, tok) -> Actor:
    span = tok.doc[tok.left_edge.i : tok.i + 1]
    return Actor(
        **ctx.span_fields(span.start_char, span.end_char),
        actor_id=None,
        name="Civilians",
        kind="civilians",
        inter=7,
        via="unknown",
    )


def resolve_pronoun(d: DocIndex, tok, events: list[Event], sent_start: int) -> Optional[Actor]:
    """'they', 'its forces': the last agent before ``tok`` (same sentence subject first)."""
    doc = tok.doc
    for t in reversed(doc[sent_start : tok.i]):
        # "the M23 rebel group says it has liberated": the actor heading the subject's phrase
        a = actor_in(d, t) if t.dep_ in SUBJ else None
        if a is not None and not a.is_source_only:
            return a
    for e in reversed(events):
        if e.actor1 is not None:
            return e.actor1
    return None


def generic_role(tok, lex: Lexicon) -> Optional[str]:
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
        of = prep_obj(tok, "of")
        if of is not None and of.i != tok.i:
            role = lex.generic_actors.get(of.lemma_.lower()) or lex.generic_actors.get(of.lower_)
    if role is None:  # "an army post", "a police station", "a military convoy": their forces
        for c in tok.children:
            if c.dep_ in ("compound", "amod") and lex.generic_actors.get(c.lower_) in ("military", "police"):
                return lex.generic_actors[c.lower_]
            if c.dep_ == "compound" and tok.lemma_.lower() == "member" and _group_word(c, lex):
                return "armed_group"  # "gang members", "militia members": the group's
    return role


def _group_word(tok, lex: Lexicon) -> bool:
    return (lex.generic_actors.get(tok.lower_) or lex.generic_actors.get(tok.lemma_.lower())) == "armed_group"


_HYPHENS = re.compile("[-\u2010\u2011]")  # the hyphen, and the hyphen and non-breaking hyphen of Unicode


def _described_group(ctx: Context, lex: Lexicon, tok) -> Optional[Actor]:
    """An armed group the report describes by its sponsor ("Iran-backed militia groups"): named
    as written, since no dictionary entry or country label says more."""
    left = [t for t in tok.subtree if t.i <= tok.i and t.dep_ != "det" and t.tag_ not in ("DT", "PRP$", "CD")]
    if not any(_HYPHENS.split(t.lower_)[-1] in lex.described_by for t in left):  # "Iran-backed", "Iran‑backed"
        return None
    start, end = left[0].idx, tok.idx + len(tok)
    return Actor(
        **ctx.span_fields(start, end),
        actor_id=None,
        name=_HYPHENS.sub("-", " ".join(ctx.text[start:end].split())),  # a label: one kind of hyphen and space
        kind="armed_group",
        inter=3,
        via="inferred",
    )


def generic_actor(
    ctx: Context, dictionary, tok, role: str, place: Optional[Place], day, lex: Optional[Lexicon] = None
) -> Optional[Actor]:
    """A country-level actor for a generic noun, the country taken from the event's place
    ("Police fired tear gas at protesters in Nairobi": Police Forces of Kenya, Protesters (Kenya));
    an armed group described by its sponsor keeps its description."""
    if role == "armed_group" and lex is not None:
        described = _described_group(ctx, lex, tok)
        if described is not None:
            return described
    if place is None or not place.country_iso3:
        return None
    iso3 = place.country_iso3
    known = dictionary.countries.get(iso3)
    country = known.name if known is not None else (place.country or iso3)  # ACLED's country names
    span = tok.doc[tok.left_edge.i : tok.i + 1]
    if role in ("police", "military"):
        ent = dictionary.role_entry(iso3, role)
        if ent is None:
            return None
        return entry_actor(ctx, dictionary, ent, span.start_char, span.end_char, "inferred", day)
    names = {
        "protesters": ("Protesters", 6),
        "rioters": ("Rioters", 5),
        "civilians": ("Civilians", 7),
        "armed_group": ("Unidentified Armed Group", 3),
        "identity_militia": (
            "Unidentified Clan Militia" if "clan" in span.text.lower() else "Unidentified Communal Militia",
            4,
        ),
    }
    if role not in names:
        return None
    label, inter = names[role]
    return Actor(
        **ctx.span_fields(span.start_char, span.end_char),
        actor_id=None,
        name=f"{label} ({country})",
        kind=role,
        country_iso3=iso3,
        inter=inter,
        via="inferred",
    )


def speaker_for(tok, lex: Lexicon, pointer=None):
    """A pronoun subject of what a speaker says is the speaker ("The rebels said they had
    captured the base": the rebels), else ``tok`` (:func:`~kronika.events.roles.speaker_of`, from
    the first of the verbs joined to the pronoun's). With ``pointer``, the possessive pronoun of the
    subject ``tok`` points back instead ("the army said its aircraft had struck": the army), and
    ``pointer`` comes back when it does not."""
    if tok is None:
        return tok
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return speaker_of(verb, tok if pointer is None else pointer, lex.status["reporting_verbs"])


def speaking_owner(tok, lex: Lexicon):
    """The speaker whose ``tok`` a possessive pronoun says it is ("the army said its drones had
    struck": the army), or whom a pronoun ``tok`` stands for ("Police said they had killed"),
    else ``tok``."""
    if tok is not None and tok.lower_ in ("they", "it", "we"):  # "Police said they had killed two gang members"
        return speaker_for(tok, lex)
    poss = child(tok, "poss") if tok is not None else None
    if poss is None or poss.lower_ not in PRONOUNS:
        return tok
    owner = speaker_for(tok, lex, pointer=poss)
    return tok if owner is poss else owner


def infer_generic(
    ctx: Context,
    dictionary,
    lex: Lexicon,
    tok,
    target_tok,
    place: Optional[Place],
    sub: str,
    a1: Optional[Actor],
    a2: Optional[Actor],
    day,
    passive: bool,
):
    """Fill empty actor slots from generic nouns ("police", "soldiers", "protesters") with the
    actors of the country where the event happened, marked ``via="inferred"``; ACLED's protest
    convention puts the protesters first and the force that intervened second."""
    if not lex.generic_actors:
        return a1, a2
    if is_verb(tok):
        agent_tok = by_object(tok) if passive else speaker_for(clause_subject(tok, sub), lex)
    else:
        first = tok
        while first.dep_ == "conj" and first.head.i != first.i:  # "water cannon and rubber bullets"
            first = first.head
        head = first.head if first.head.pos_ in ("VERB", "AUX") else None
        agent_tok = by_object(first) or (subject_up(head)[0] if head is not None else None)
        tok = first
    side = prep_obj(tok, "with", "against") if is_verb(tok) else None  # "clashed with rebels"
    if target_tok is None or generic_role(target_tok, lex) is None and generic_role(side, lex) is not None:
        target_tok = side or target_tok  # (not "on Friday", which a frame may take for what was fired on)
    if sub == "Armed clash" and generic_role(target_tok, lex) is None and agent_tok is not None:
        target_tok = child(agent_tok, "conj") or target_tok  # "protesters and police clashed"
    first_side = between(tok) if not is_verb(tok) else None
    if first_side is not None and generic_role(target_tok, lex) is None:
        target_tok = child(first_side, "conj") or target_tok  # "clashes between Druze fighters and security forces"
    agent_role, target_role = generic_role(agent_tok, lex), generic_role(target_tok, lex)
    if sub in PROTEST_SUBS and target_role is None and agent_role not in ("protesters", "rioters"):
        # "used water cannon to disperse demonstrators"
        clause = tok.head if not is_verb(tok) and tok.head.pos_ in ("VERB", "AUX") else tok
        for t in clause.subtree:
            role = generic_role(t, lex) if agent_tok is None or t.i != agent_tok.i else None
            if role in ("protesters", "rioters"):
                target_tok, target_role = t, role
                break
    if target_role is None and not is_verb(tok):
        at = prep_obj(tok.head, "at", "on", "against") if tok.head.pos_ == "VERB" else None
        target_tok, target_role = at, generic_role(at, lex)  # "fired tear gas at protesters"
    if sub in PROTEST_SUBS and agent_role in ("police", "military") and target_role in ("protesters", "rioters"):
        agent_tok, target_tok, agent_role, target_role = target_tok, agent_tok, target_role, agent_role
    if target_role is None and a2 is None and (sub in CIVILIAN_SUBS or sub in _REMOTE_SUBS):
        # "attacked a village ..., killing 20 civilians": the victims named in the clause; of a
        # noun that acts, its verb's ("an air strike hit a market, killing 23 people")
        scope = tok.head if not is_verb(tok) and tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" else tok
        for t in scope.subtree:
            if t.lemma_.lower() in lex.civilian_nouns or t.lower_ in lex.civilian_nouns:
                target_tok, target_role = t, "civilians"
                break
    if a2 is not None:
        a2 = _civilians_of(dictionary, a2, place)
    unnamed = (
        a1 is not None
        and a1.actor_id is None
        and (agent_role in ("police", "military") or agent_role is not None and _describes(a1, agent_tok))
    )  # "Defence ministry forces", "Islamic militants"
    if (a1 is None or unnamed) and agent_role is not None and agent_tok is not None:
        a1 = generic_actor(ctx, dictionary, agent_tok, agent_role, place, day, lex) or a1
    if a2 is None and target_role is not None and target_tok is not None:
        a2 = generic_actor(ctx, dictionary, target_tok, target_role, place, day, lex)
    return a1, a2


def _describes(a: Actor, tok) -> bool:
    """The actor is a name the dictionary does not know that only describes the generic noun it
    modifies ("Islamic militants", "suspected Islamist gunmen"): no actor of its own."""
    return a.via == "unknown" and tok is not None and tok.left_edge.idx <= a.start and a.end <= tok.idx


def state_actor(ctx: Context, dictionary, tok, iso3: str, day) -> Actor:
    ent = dictionary.role_entry(iso3, "state")
    start = tok.idx if tok.i == 0 or country_of_name(dictionary, tok.doc[tok.i - 1]) != iso3 else tok.doc[tok.i - 1].idx
    return entry_actor(ctx, dictionary, ent, start, tok.idx + len(tok), "name", day)


def country_of_name(dictionary, tok) -> Optional[str]:
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


def military_context(tok, objs: set, d: DocIndex, lex: Lexicon) -> bool:
    """A deployment noun about forces: of troops, a military modifier, or an armed actor's."""
    if objs & lex.military_nouns or objs & _MILITARY_MODIFIERS:
        return True
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if mods & (_MILITARY_MODIFIERS | lex.military_nouns):
        return True
    if tok.lemma_.lower() in _CALL_UPS and any(t.lemma_ == "fight" and t.tag_ == "VB" for t in tok.sent):
        return True  # "the mobilisation of all men over 18 to fight jihadists"
    for c in tok.children:
        if c.dep_ in ("poss", "compound", "nmod"):
            a = actor_in(d, c) or lookup(c.text)
            if (
                a is not None
                and (a.inter in (1, 2, 3, 4, 8) or a.kind == "state")
                and a.kind not in ("international", "humanitarian")
            ):
                return True
    by = prep_obj(tok, "by")
    a = actor_in(d, by) if by is not None else None
    return a is not None and a.inter in (1, 2, 3, 4, 8) and a.kind not in ("international", "humanitarian")


_CALL_UPS = {"mobilisation", "mobilization"}


# --- the frame of a mention: who acts, on whom ------------------------------------------


@dataclass
class Frame:
    """The actors of one mention: the agent, the target and the token of the target phrase, and
    who acts with the agent (:mod:`kronika.events.allies`)."""

    actor1: Optional[Actor] = None
    actor2: Optional[Actor] = None
    ally: Optional[Actor] = None
    target_tok: object = None
    passive: bool = False
    carried: bool = False


def _passive_frame(tok, run, fr: Frame) -> None:
    """ "X was struck by Y", "a soldier captured by Ukrainian forces"."""
    d = run.index
    agent = by_object(tok)
    fr.actor1 = actor_in(d, agent) or _demonym_forces(run, agent) or _bare_demonym(run, agent)
    subj = child(tok, "nsubjpass")
    if subj is None and tok.dep_ in ("acl", "amod", "relcl"):
        subj = tok.head
    fr.target_tok = subj
    fr.actor2 = actor_in(d, subj) if subj is not None else None
    if subj is not None and subj.i in d.actor_at:
        fr.actor2 = d.actor_at[subj.i]


def _active_frame(tok, run, sent, fr: Frame) -> None:
    """ "X struck Y": the clause's subject (through xcomp/advcl/conj), pronouns resolved."""
    d, events = run.index, run.events
    subj, _ = subject_up(tok)
    if subj is not None:
        fr.actor1 = actor_in(d, subj)
        speaker = speaker_for(subj, run.lex) if fr.actor1 is None else subj
        if speaker is not subj:
            # "the army said it had retaken the town", "the Houthi spokesman said the group had targeted":
            # the speaker, named or not (never the last actor before the pronoun)
            fr.actor1 = actor_in(d, speaker) or _generic_forces(run, speaker) or _the_named_group(run, speaker)
        elif fr.actor1 is None and subj.lower_ in PRONOUNS:
            fr.actor1 = resolve_pronoun(d, subj, events, sent.start)
        elif fr.actor1 is None and (group := _the_named_group(run, subj)) is not None:
            fr.actor1 = group  # "a day after the Iran-aligned group hit a cargo ship": the Houthis
        elif fr.actor1 is None and (noun := relative_antecedent(subj)) is not None:
            fr.actor1 = actor_in(d, noun.head if noun.dep_ == "appos" else noun)  # "HTS, the movement that
        if fr.actor1 is None:
            sposs = child(subj, "poss")
            own = run.lex.military_nouns | run.lex.weapon_nouns  # "its forces", "its drones": the owner's
            if sposs is not None and sposs.lower_ in PRONOUNS and subj.lemma_.lower() in own:
                owner = speaking_owner(subj, run.lex)
                if owner is not subj:  # "the army said its aircraft had struck": the speaker's
                    fr.actor1 = actor_in(d, owner) or _generic_forces(run, owner)
                    if generic_role(owner, run.lex) == "military" and (fr.actor1 is None or fr.actor1.actor_id is None):
                        fr.actor1 = _last_state_forces(events)  # "Army spokesman X": the army the report has named
                elif fr.actor1 is None:
                    fr.actor1 = resolve_pronoun(d, sposs, events, sent.start)
    if fr.actor1 is None:  # "with North Korea sending ...": the actor right before the verb (the
        # first of coordinated verbs: "attackers, linked to the Islamic State group, beheaded ... and shot ...")
        verb = tok
        while verb.dep_ == "conj" and verb.head.i < verb.i and {verb.tag_, verb.head.tag_} <= _FINITE:
            verb = verb.head
        for t in reversed(tok.doc[max(sent.start, verb.i - 3) : verb.i]):
            if t.i in d.actor_at:
                fr.actor1 = d.actor_at[t.i]
                break
    fr.target_tok = _fired_at(tok, run.lex) or child(tok, "dobj") or prep_obj(tok, "against", "on")
    fr.actor2 = actor_in(d, fr.target_tok)
    if fr.actor2 is None and (
        generic_role(fr.target_tok, run.lex) in ("military", "police") or _war_machine(fr.target_tok, run.lex)
    ):
        fr.actor2 = _demonym_forces(run, fr.target_tok)  # "at an Israeli army base", "at an Israeli tank"


_FINITE = {"VBD", "VBZ", "VBP"}


def relative_antecedent(subj):
    """The noun a relative pronoun subject stands for: the head of its relative clause ("Hayat
    Tahrir al-Sham (HTS), which has taken control of Damascus"), or, when the parse has hung the
    clause on the main verb, that of the relative clause before it (", and which has taken control"
    after "HTS, the movement that led the campaign": the movement's)."""
    if subj.tag_ not in ("WDT", "WP"):
        return None
    if subj.head.dep_ == "relcl":
        return subj.head.head
    before = [
        t
        for t in subj.sent
        if t.i < subj.i and t.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in t.children)
    ]
    return before[-1].head if before else None


def _civilian_target(tok, lex: Lexicon) -> bool:
    """What an act was done to is civilians: a civilian noun, or workers ("two polio workers", "aid
    workers": whom the act is done to, not the workers who strike or march)."""
    lemma = tok.lemma_.lower()
    return lemma in lex.civilian_nouns or lemma in ("worker", "vaccinator") or tok.lower_ in ("workers", "vaccinators")


def _war_machine(tok, lex: Lexicon) -> bool:
    """A machine only forces field ("a tank", "an armoured personnel carrier"): its crew are forces."""
    return tok is not None and (
        tok.lemma_.lower() in lex.words["war_machines"] or tok.lower_ in lex.words["war_machines"]
    )


def _last_state_forces(events: list) -> Optional[Actor]:
    """The state forces that did the last deed the report has told, if any."""
    return next((e.actor1 for e in reversed(events) if e.actor1 is not None and e.actor1.inter == 1), None)


def _generic_forces(run, tok) -> Optional[Actor]:
    """The forces a generic speaker names ("the army said it had ..."), of the country the report
    is about: left to the later passes (None) when the noun is no military word."""
    return None if generic_role(tok, run.lex) != "military" else _demonym_forces(run, tok)


def _fired_at(tok, lex: Lexicon):
    """What weapons were fired at ("fired rockets at an Israeli army base"): the target, not
    the rockets."""
    obj = child(tok, "dobj")
    if obj is None or obj.lemma_.lower() not in lex.weapon_nouns:
        return None
    return prep_obj(tok, "at", "on", "against", "toward", "towards", "into")


def _forces_of(run, tok, iso3: str, via: str) -> Optional[Actor]:
    """The military of country ``iso3``, mentioned by the word ``tok`` (a demonym or a name)."""
    ent = run.dictionary.role_entry(iso3, "military")
    return entry_actor(run.ctx, run.dictionary, ent, tok.idx, tok.idx + len(tok), via, run.day) if ent else None


def _bare_demonym(run, tok) -> Optional[Actor]:
    """A "by" phrase whose object the parse leaves a lone demonym ("killed by Pakistani shelling",
    where "shelling" is read as a verb of its own): the forces of that country."""
    demonyms = run.dictionary.demonyms
    if tok is None or tok.lower_ not in demonyms or tok.tag_ not in ("JJ", "NNP"):
        return None
    return _forces_of(run, tok, demonyms[tok.lower_], "demonym")


def _demonym_forces(run, tok) -> Optional[Actor]:
    """The forces a demonym modifier names: "the Russian air defence systems", "Ukrainian drones"."""
    if tok is None:
        return None
    demonyms = run.dictionary.demonyms
    c = next((c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.lower_ in demonyms), None)
    return _forces_of(run, c, demonyms[c.lower_], "demonym") if c is not None else None


_REPEL_VERBS = {
    "repel",
    "repulse",
    "rebuff",
    "thwart",
    "foil",
    "beat back",
    "push back",
    "drive back",
    "fight off",
    "fend off",
}


def _fell_to(tok, run, fr: Frame) -> None:
    """ "The town fell to the rebels", "fell into the hands of the rebels": the rebels took it."""
    if is_verb(tok) and tok.lemma_.lower() == "fall" and fr.actor1 is None:
        hands = prep_obj(tok, "into")
        taker = prep_obj(tok, "to") or (prep_obj(hands, "of") if hands is not None else None)
        fr.actor1 = (actor_in(run.index, taker) or _demonym_forces(run, taker)) if taker is not None else None


def _repelled(tok, run, fr: Frame) -> None:
    """ "Ukraine repelled 45 Russian attacks": the attackers act first (ACLED), the side that
    repelled them is their target."""
    if not is_verb(tok) or tok.lemma_.lower() not in _REPEL_VERBS:
        return
    obj = child(tok, "dobj")
    attacker = (actor_in(run.index, obj) or _demonym_forces(run, obj)) if obj is not None else None
    if attacker is not None and (fr.actor1 is None or attacker.actor_id != fr.actor1.actor_id):
        fr.actor1, fr.actor2 = attacker, fr.actor1


def _counted(tok, lex: Lexicon):
    """The noun that counts ``tok`` ("dozens" of "dozens of strikes"), else ``tok``."""
    of = tok.head
    if tok.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in lex.words["counting_nouns"]:
        return of.head
    return tok


def _armed_weapon(tok, run) -> Optional[Actor]:
    """The side named before the weapon that names an attack ("an RSF drone attack", "an M23
    drone strike"): the parse hangs the name on the weapon's word, but it is the attack's doer."""
    d, lex = run.index, run.lex
    for c in tok.children:
        if c.dep_ == "compound" and c.lemma_.lower() in lex.weapon_nouns:
            found = next(
                (d.actor_at[g.i] for g in c.children if g.dep_ in ("compound", "amod") and g.i in d.actor_at), None
            )
            if found is not None and not found.is_source_only:
                return found
    return None


def _dated_possessor(tok, run) -> Optional[Actor]:
    """The possessor before a date that modifies the event noun ("Hamas' Oct. 7, 2023, attack",
    "Russia's February 2022 invasion"): the parse hangs it on the date, but it is the doer's."""
    for c in tok.children:
        if c.dep_ in ("nmod", "compound", "npadvmod") and c.ent_type_ in ("DATE", "TIME"):
            poss = child(c, "poss")
            found = actor_in(run.index, poss) if poss is not None else None
            if found is not None and not found.is_source_only:
                return found
    return None


def _noun_agent(tok, run, sent) -> Optional[Actor]:
    """The agent of an event noun: "by"-phrase, possessor, modifier, demonym, pronoun, the
    subject of a light verb ("began an incursion"), whoever claimed it."""
    d, lex = run.index, run.lex
    poss = child(tok, "poss")
    actor = d.actor_at.get(tok.i) or actor_in(d, prep_obj(tok, "by")) or actor_in(d, poss)
    if actor is None and poss is not None:
        actor = _state_of(run, poss)
    if actor is None:
        actor = next(
            (d.actor_at[c.i] for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i in d.actor_at),
            None,
        )
    if actor is None:
        actor = _armed_weapon(tok, run) or _dated_possessor(tok, run)
    if actor is None:
        actor = _demonym_forces(run, tok)
    if poss is not None and actor is None and poss.lower_ in PRONOUNS:
        actor = resolve_pronoun(d, poss, run.events, sent.start)
    counted = _counted(tok, lex)  # "conducted dozens of strikes": the light verb governs the count
    head = counted.head
    if counted.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() == "resort":
        counted, head = head, head.head  # "troops resorted to unprovoked firing"
    if (
        actor is None
        and counted.dep_ in ("dobj", "attr", "nsubjpass", "prep")
        and head.pos_ == "VERB"
        and head.lemma_.lower() in lex.light_verbs
    ):
        subj, _ = subject_up(head)
        if subj is not None:
            actor = actor_in(d, subj)
            if actor is None and subj.lower_ in PRONOUNS:
                actor = resolve_pronoun(d, subj, run.events, sent.start)
    if actor is None and (claimer := claimed_by(tok)) is not None:  # "JNIM claimed the attack"
        actor = actor_in(d, claimer)
    return actor


def _between(tok, d: DocIndex) -> tuple[Optional[Actor], Optional[Actor]]:
    """The two sides of "clashes between Druze fighters and Bedouin tribes", "a ceasefire between
    Israel and Hamas"."""
    first = between(tok)  # "the cessation of hostilities between Israel and Hezbollah"
    if first is None:
        return None, None
    sides: list[Actor] = []
    for t in first.subtree:  # in text order, whatever shape the parse gave the coordination
        a = d.actor_at.get(t.i)
        if a is not None and all((a.start, a.end) != (b.start, b.end) for b in sides):
            sides.append(a)
    if len(sides) >= 2:
        return sides[0], sides[1]
    second = child(first, "conj")
    return d.actor_at.get(first.i) or actor_in(d, first), (
        (d.actor_at.get(second.i) or actor_in(d, second)) if second is not None else None
    )


def _noun_frame(tok, run, sent, fr: Frame) -> None:
    d, lex = run.index, run.lex
    fr.actor1 = _noun_agent(tok, run, sent)
    fr.target_tok = prep_obj(tok, "of", "against", "on", "into")
    if fr.target_tok is not None and fr.target_tok.ent_type_ in ("DATE", "TIME"):
        fr.target_tok = None  # "a strike on Saturday"
    fr.actor2 = actor_in(d, fr.target_tok)
    one, other = _between(tok, d)
    if fr.actor1 is None and one is not None and fr.actor2 in (None, one, other):
        fr.actor1, fr.actor2 = one, other  # a generic other side ("and security forces"): infer_generic
    head = tok.head
    if tok.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_.lower() in lex.absorbing_verbs:
        obj = child(head, "dobj")  # "the strike destroyed the depot"
        sides = between(tok)  # "clashes between the ELN and the army killed 8 people": a toll
        if obj is not None and sides is None:
            fr.target_tok, fr.actor2 = obj, actor_in(d, obj)
        elif sides is not None and fr.actor2 is None:
            fr.target_tok = child(sides, "conj") or fr.target_tok  # the other side, generic or not
        run.used_tokens.add(head.i)
        run.used_tokens.update(
            c.i
            for c in head.children  # "destroyed ... and killed 12", "hit three villages, killing two"
            if (c.dep_ == "conj" or (c.dep_ == "advcl" and c.tag_ == "VBG")) and c.lemma_.lower() in lex.absorbing_verbs
        )
    elif tok.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_.lower() in lex.words["ongoing_verbs"] | {"erupt"}:
        run.used_tokens.update(  # "clashes erupted in Latakia, killing at least 48 people": the clashes' dead
            c.i
            for c in head.children
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in lex.absorbing_verbs
        )
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ in ("in", "during", "after", "following")
        and tok.head.head.pos_ == "VERB"
    ):
        verb = tok.head.head
        vs = child(verb, "nsubjpass", "nsubj")  # "killed in an air strike": the victims
        if (vs is None or vs.tag_ == "CD") and verb.dep_ == "conj":  # "20 people were killed and 100 injured in"
            vs = child(verb.head, "nsubjpass", "nsubj") or vs
        if vs is not None:
            fr.actor2 = fr.actor2 or actor_in(d, vs)
            fr.target_tok = fr.target_tok or vs


def _owner_of_place(tok, run, fr: Frame) -> None:
    """ "into Russia's Kursk Oblast": the country owning the place is the target."""
    into = prep_obj(tok, "into") if is_noun(tok) else None
    if fr.actor2 is not None or into is None:
        return
    for t in into.subtree:
        iso = country_of_name(run.dictionary, t)
        if iso:
            fr.actor2 = _forces_of(run, t, iso, "name")
            return


def _people_of_a_country(run, fr: Frame) -> None:
    """People named only by their nationality are its civilians when an act falls on them ("killed
    three Palestinians in Jenin", "attacked Palestinians in Sinjil"), not its army, when the sentence
    places the act in their own country: ACLED codes them so unless the report says they fought. (As
    the doer, "the Russians attacked" stays Russia's forces.)"""
    t, a2 = fr.target_tok, fr.actor2
    if t is None or a2 is None or a2.via != "demonym" or a2.kind != "military" or not a2.country_iso3:
        return
    if t.tag_ not in ("NNPS", "NNS") or t.lower_[:-1] not in run.dictionary.demonyms:
        return  # "Ukrainian troops", "Russian positions": the forces
    if any(c.dep_ in ("compound", "amod") for c in t.children):
        return
    places = (run.index.place_at.get(k) for k in range(t.sent.start, t.sent.end))
    if not any(p is not None and p.country_iso3 == a2.country_iso3 for p in places):
        return  # "killing 50 Russians" in Mali: foreigners in a war abroad may be its fighters
    iso3 = a2.country_iso3
    fr.actor2 = civilians_actor(run.ctx, t).model_copy(
        update={"name": civilians_name(run.dictionary, iso3), "country_iso3": iso3}
    )


_HELD_TARGETS = {"Battles", "Explosions/Remote violence"}


def _holder_of_target(trig: Trigger, run, fr: Frame) -> None:
    """What an attack or strike hit, told as whose it is, gives the second actor: a country named
    as the target ("Hezbollah fired rockets at Israel": Israel's forces), a site held by someone
    ("struck a facility used by Iran-backed militia groups": the groups)."""
    t = fr.target_tok
    if fr.actor2 is not None or t is None:
        return
    if trig.sub_event_type is not None and run.tax[trig.sub_event_type]["event_type"] not in _HELD_TARGETS:
        return
    iso = country_of_name(run.dictionary, t)
    if iso:
        fr.actor2 = _forces_of(run, t, iso, "name")
        return
    for c in t.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in run.lex.words["holding_verbs"]:
            holder = by_object(c)
            if holder is not None:
                fr.actor2 = (
                    actor_in(run.index, holder)
                    or _described_group(run.ctx, run.lex, holder)
                    or _demonym_forces(run, holder)
                )
            return


def _weapons_owner(weapon, run) -> Optional[Actor]:
    """Whose weapons were shot down or seized: "Ukrainian drones", "drones from Ukraine"."""
    if weapon is None:
        return None
    owner = _demonym_forces(run, weapon)
    origin = prep_obj(weapon, "from")
    if owner is None and origin is not None and (iso := country_of_name(run.dictionary, origin)):
        owner = _forces_of(run, origin, iso, "name")
    return owner


_SYMMETRIC = {"Armed clash", "Agreement"}  # two sides that act alike: "Israel and Hamas agreed"


def _coordinated_sides(tok, run, fr: Frame) -> None:
    """The two sides named as one subject: "Israel and Hamas agreed to a truce", "Ukraine and
    Russia each handed over 390 prisoners", "Russian and Ukrainian forces clashed"."""
    d = run.index
    subj, _ = subject_up(tok)
    if subj is None:
        return
    conj = child(subj, "conj")
    if conj is None and (pair := _pair_before(subj)) is not None:
        subj, conj = pair
    if conj is not None:
        one = d.actor_at.get(subj.i) or _demonym_forces(run, subj) or _state_of(run, subj)
        other = d.actor_at.get(conj.i) or actor_in(d, conj) or _state_of(run, conj)
    else:
        mods = [c for c in subj.children if c.dep_ == "amod" and c.lower_ in run.dictionary.demonyms]
        second = child(mods[0], "conj") if mods else None
        if second is None or second.lower_ not in run.dictionary.demonyms:
            return
        one, other = (
            _demonym_forces(run, subj),
            _forces_of(run, second, run.dictionary.demonyms[second.lower_], "demonym"),
        )
    if (
        one is not None
        and other is not None
        and (one.actor_id is None or one.actor_id != other.actor_id)
        and fr.actor2 in (None, one, other)
        or (fr.actor2 is not None and other is not None and fr.actor2.actor_id == other.actor_id and one is not None)
    ):
        fr.actor1, fr.actor2 = one, other


def _done_to_a_third(fr: Frame, lex: Lexicon) -> bool:
    """Two subjects that act on an object of their own are allies, not sides ("Syrian and Russian
    forces attacked rebel positions"); "exchanged fire", "fought each other" is done to each other."""
    t = fr.target_tok
    if t is None or t.dep_ not in ("dobj", "pobj") or t.ent_type_ in ("DATE", "TIME"):
        return False  # "clashed on Monday"
    return t.lemma_.lower() not in lex.words["reciprocal_objects"]


_DISTRIBUTIVES = {"each", "both"}


def _pair_before(subj):
    """The pair a distributive subject sums up, when the parse hangs it elsewhere ("On Friday,
    Ukraine and Russia each handed over ...": the pair read as joined to "Friday", "each" as the
    subject): the two names right before it."""
    if subj.lower_ not in _DISTRIBUTIVES or subj.i == 0:
        return None
    last = subj.nbor(-1)
    first = last.head
    if last.dep_ != "conj" or first.i >= last.i or not any(t.dep_ == "cc" for t in first.children):
        return None
    return first, last


def _state_of(run, tok) -> Optional[Actor]:
    """A country named as a party ("Ukraine and Russia each handed over ...")."""
    iso = country_of_name(run.dictionary, tok)
    return state_actor(run.ctx, run.dictionary, tok, iso, run.day) if iso else None


_ARMED_ROLES = {"armed_group", "identity_militia", "military", "police"}


def clause_subject(tok, sub: str):
    """The subject of the verb's clause; also the noun the parser made the root with the verb its
    participle ("Two rival gangs fought with machetes", read as "gangs [that] fought"), when the
    verb is finite or names a fight, which no participle of a passive does."""
    subj = subject_up(tok)[0]
    if (
        subj is None
        and tok.dep_ == "acl"
        and tok.head.dep_ == "ROOT"
        and tok.head.pos_ in ("NOUN", "PROPN")
        and (tok.tag_ == "VBD" or tok.tag_ == "VBN" and sub == "Armed clash" and by_object(tok) is None)
    ):
        return tok.head
    return subj


def _side_role(tok, lex: Lexicon) -> Optional[str]:
    """The generic role of a party to a fight: a generic noun, or a crowd ("supporters")."""
    if tok is None:
        return None
    lemma = tok.lemma_.lower()
    if lemma in lex.words["mob_nouns"]:
        return "rioters"  # "youths and police clashed"
    if partisans(tok, lex):
        return "rioters"  # "clashed with members of the ruling party's youth wing"
    return generic_role(tok, lex) or ("protesters" if lemma in lex.words["crowd_nouns"] else None)


def partisans(tok, lex: Lexicon) -> bool:
    """A party's rank and file: "members of the ruling party's student wing" (not "Al-Shabaab members")."""
    if tok.lemma_.lower() not in lex.words["partisan_nouns"]:
        return False
    of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.subtree]
    return any(t.lemma_.lower() in lex.words["partisan_bodies"] for t in of)


RIVALS = {"rival", "rivals", "opposing", "feuding", "warring", "factions"}


def _generic_sides(tok, fr, lex: Lexicon, sub: str) -> bool:
    """Generic sides still fight: "troops clashed with rebels", both sides named as one subject
    ("protesters and police clashed"), and armed men fighting among themselves with no other side
    named ("two rival militias fought for the checkpoint", "two gangs fought with machetes": the
    arms they fought with are no side)."""
    subj = clause_subject(tok, sub)
    own = _side_role(subj, lex)
    target = fr.target_tok if fr.target_tok is not None and fr.target_tok.dep_ == "dobj" else None
    other = target or prep_obj(tok, "with", "against")
    if other is not None and {other.lemma_.lower(), other.lower_} & lex.weapon_nouns:
        other = None
    if subj is not None and _side_role(child(subj, "conj"), lex) is not None:
        other = child(subj, "conj")
    if subj is not None and any(t.lower_ in RIVALS for t in subj.subtree):
        return True  # "supporters of rival parties clashed", "members of two rival clans fought": both sides
    if other is None:
        return own in _ARMED_ROLES
    return own is not None and _side_role(other, lex) is not None


def frame(tok, trig, run, sent) -> Optional[Frame]:
    """The actors of the mention at ``tok``; None when the word needs an actor and has none."""
    d, lex = run.index, run.lex
    fr = Frame(passive=is_verb(tok) and is_passive(tok))
    if is_verb(tok) and gerund_subject(tok) and prep_obj(tok, "between") is not None:
        _noun_frame(tok, run, sent, fr)  # "Fighting between the ELN and FARC dissidents killed 80"
    elif is_verb(tok):
        (_passive_frame(tok, run, fr) if fr.passive else _active_frame(tok, run, sent, fr))
    else:
        _noun_frame(tok, run, sent, fr)
    if fr.actor1 is None and tok.tag_ == "VBG":
        fr.actor1 = _demonym_forces(run, tok)  # "wounded by Russian shelling": a gerund used as a noun
    _owner_of_place(tok, run, fr)
    _holder_of_target(trig, run, fr)
    _people_of_a_country(run, fr)
    _fell_to(tok, run, fr)
    _repelled(tok, run, fr)
    if is_verb(tok) and not fr.passive and trig.sub_event_type in _SYMMETRIC:
        if trig.sub_event_type == "Agreement" or not _done_to_a_third(fr, lex):
            _coordinated_sides(tok, run, fr)
        if fr.actor2 is None and (other_side := prep_obj(tok, "with")) is not None:
            fr.actor2 = actor_in(run.index, other_side) or _demonym_forces(
                run, other_side
            )  # "clashed with Israeli troops"
            fr.target_tok = fr.target_tok or other_side
    if trig.sub_event_type == "Disrupted weapons use" and fr.actor2 is None:
        fr.actor2 = _weapons_owner(fr.target_tok, run)
    if trig.cls == "territory" and is_verb(tok):
        frm = prep_obj(tok, "from")
        fought = fight_before(tok)  # "retook the town after fierce fighting with the RSF"
        fought_with = prep_obj(fought, "with", "against") if fought is not None else None
        if frm is not None and actor_in(d, frm) is not None:
            fr.actor2 = actor_in(d, frm)
        elif fr.actor2 is None and fought_with is not None and actor_in(d, fought_with) is not None:
            fr.actor2 = actor_in(d, fought_with)
        elif (
            fr.actor2 is not None
            and fr.target_tok is not None
            and any(t.i in d.place_at for t in fr.target_tok.subtree)
        ):
            fr.actor2 = None if fr.actor2.actor_id is None else fr.actor2
    if fr.actor2 is None and fr.target_tok is not None and _civilian_target(fr.target_tok, lex):
        fr.actor2 = civilians_actor(run.ctx, fr.target_tok)
    if (
        trig.requires_object_or_subject_actor
        and fr.actor1 is None
        and fr.actor2 is None
        and not (is_verb(tok) and _generic_sides(tok, fr, lex, trig.sub_event_type))
    ):
        return None  # "Troops clashed with rebels": generic forces on both sides still fight
    if trig.requires_armed_agent and not _armed_agent(tok, fr, lex):
        return None  # "the rebels opened an office in the town", not "the bank opened an office"
    if trig.place_name_object and no_town_taken(tok, trig, d):
        return None
    return fr


def no_town_taken(tok, trig: Trigger, d: DocIndex) -> bool:
    """A proper name met the trigger's object (``place_name_object``) but names no town the places
    stage found, or names a country: fighters who entered it took no ground ("the militia's fighters
    entered Chad", "entered Parliament")."""
    obj = entered(tok)
    if obj is None or lemmas_of(obj) & trig.requires_object:
        return False
    place = d.place_at.get(obj.i)
    return place is None or (place.feature_code or "").startswith("PCL")


_ARMED_GROUP_INTERS = (2, 3, 4)  # ACLED: rebel groups, political militias, identity militias


def _armed_agent(tok, fr: Frame, lex: Lexicon) -> bool:
    """The doer is a non-state armed group: a named one ("Al-Shabaab", "the M23") or a generic
    one ("the armed group", "militiamen")."""
    if fr.actor1 is not None:
        return fr.actor1.inter in _ARMED_GROUP_INTERS
    verb = tok.head if tok.dep_ == "dobj" else tok  # "two rebel groups announced an alliance"
    doer = (
        child(verb, "nsubj") if verb.i != tok.i else subject_up(tok)[0]
    )  # "occupied the school, turning it into a base"
    if generic_role(doer, lex) == "armed_group":
        return True
    made = made_into(tok) if is_verb(tok) and is_passive(tok) else None  # "the hospital was turned into a rebel base"
    return made is not None and any(generic_role(c, lex) == "armed_group" for c in made.children if c.dep_ in _OWNERS)


_OWNERS = ("amod", "compound", "poss")


# --- whoever carried it out: the next sentence names the attacker -------------------------

_RESPONSIBLE_VERBS = {"carry", "conduct", "perpetrate", "claim", "commit", "stage", "mount", "orchestrate"}
_EVENT_REFERENCES = {
    "it",
    "this",
    "attack",
    "strike",
    "bombing",
    "assault",
    "raid",
    "ambush",
    "shooting",
    "killing",
    "massacre",
    "blast",
    "explosion",
}


def _claimed_ref(tok):
    """The word a verb of responsibility refers to the act by ("claimed responsibility for the
    attack"), if it is one."""
    lemma = tok.lemma_.lower()
    if lemma not in _RESPONSIBLE_VERBS or tok.pos_ != "VERB":
        return None
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    ref = child(tok, "nsubjpass") if passive else child(tok, "dobj")
    if ref is not None and ref.lemma_.lower() in ("responsibility", "credit"):
        ref = prep_obj(ref, "for") or prep_obj(tok, "for")  # "claimed credit for the attack"
    if ref is None or ref.lower_ not in _EVENT_REFERENCES:
        return None
    if ref.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss") for c in ref.children):
        return None  # "carried out strikes": an event of its own, not a reference
    return ref


def _claimant(tok, run) -> Optional[Actor]:
    """Who a verb of responsibility says did the act: its subject, a passive's "by" agent."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    agents = [by_object(tok)] if passive else [c for c in tok.children if c.dep_ == "nsubj"]
    agents = [a for a in agents if a is not None]  # "The militia Kataib Hezbollah claimed": two subjects
    if not agents:
        return None
    found = next((a for a in map(lambda t: actor_in(run.index, t), agents) if a is not None), None)
    agent = agents[0]
    if found is None and generic_role(agent, run.lex) == "armed_group":
        found = _described_group(run.ctx, run.lex, agent)
    return found


# what a side claims responsibility for: an act of violence, not the deployment told beside it
_RESPONSIBLE_FOR = {"Battles", "Violence against civilians", "Explosions/Remote violence", "Riots"}


def attribute_responsibility(run, events: list) -> list:
    """Give the attacker named in a sentence of responsibility ("It was carried out by radical
    Iran-backed militant groups") to the violent event just reported without one (same or previous
    two sentences), not across an incident the report tells apart ("In a separate attack, ...")."""
    out = list(events)
    if not out:
        return out  # no event to give an attacker to
    for tok in run.ctx.doc:
        ref = _claimed_ref(tok)  # "it was carried out by X", "X claimed the attack", "X carried out the strike"
        actor = _claimant(tok, run) if ref is not None else None
        if actor is None:
            continue
        si = run.ctx.sentence_index(tok.idx)
        first = max([s for s in range(si - 2, si + 1) if told_apart(run.ctx, s)], default=si - 2)
        window = [k for k, e in enumerate(out) if e.start < tok.idx and first <= e.sentence <= si]
        claimed = next((k for k in reversed(window) if out[k].event_type in _RESPONSIBLE_FOR), None)
        if claimed is not None and out[claimed].actor1 is None:
            out[claimed] = out[claimed].model_copy(update={"actor1": event_actor(actor, "military", run.day)})
        if claimed is not None:
            out = _claim_dated_by_its_act(out, claimed, ref)
    return out


def _claim_dated_by_its_act(events: list, claimed: int, ref) -> list:
    """ "JNIM claimed responsibility for the attack on Friday": the attack named again is the one
    the claim is for, on that attack's day (the day told may be the claim's)."""
    if ref is None or ref.dep_ != "pobj" or ref.head.head.lemma_.lower() not in ("responsibility", "credit"):
        return events
    day = events[claimed].time
    return [
        e.model_copy(update={"time": day}) if k != claimed and e.trigger.start <= ref.idx < e.trigger.end else e
        for k, e in enumerate(events)
    ]


_PROTESTERS = {
    "Peaceful protest": "protesters",
    "Protest with intervention": "protesters",
    "Excessive force against protesters": "protesters",
    "Violent demonstration": "rioters",
    "Mob violence": "rioters",
}


_NOT_SUPPORTED = {"person", "civilians", "protesters", "rioters"}


def supported_group(ctx: Context, a: Optional[Actor]) -> bool:
    """The actor is the group a crowd supports, not the crowd: "Houthi supporters", "Hamas
    loyalists", "supporters of the Awami League" (a party or an armed group; a state's or a
    person's supporters are the crowd alone)."""
    if a is None or a.is_source_only or a.kind in STATE_KINDS or a.kind in _NOT_SUPPORTED:
        return False
    span = ctx.doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None:
        return False
    root, nouns = span.root, load_lexicon().words["supporter_nouns"]
    if root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.lemma_.lower() in nouns:
        return True  # "Houthi supporters", "the party's loyalists"
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in nouns


def _the_crowd_itself(e: Event) -> bool:
    """The second actor of an intervention is the crowd it was made on, named as its people ("riot
    police charged a march of students": the students are the crowd, not the police's target)."""
    return e.sub_event_type == "Protest with intervention" and e.actor2 is not None and e.actor2.kind == "civilians"


def crowd_actors(ctx: Context, dictionary, events: list) -> list:
    """ACLED's convention: a demonstration's first actor is its crowd, Protesters (Country) or
    Rioters (Country), when the report names no organiser it knows (a bare "pro-Europe" or
    "Ugandan" is no organiser, nor a state whose supporters rally); a group whose supporters
    demonstrate is the crowd's associated actor (assoc_actor1). Excessive force is the forces'
    act: its crowd is the second actor."""
    out = []
    for e in events:
        role = _PROTESTERS.get(e.sub_event_type)
        forced = e.sub_event_type == "Excessive force against protesters"
        if forced and e.actor1 is not None and e.actor1.kind == "protesters":  # the crowd is the target
            e = e.model_copy(update={"actor1": e.actor2, "actor2": e.actor1})
        slot = e.actor2 if forced else e.actor1
        named = slot is not None and (slot.actor_id or slot.via != "unknown" or forced)
        if slot is not None and slot.actor_id is None and slot.kind in ("protesters", "rioters"):
            named = False  # a crowd named before its type was known: Rioters of a riot, Protesters of a protest
        if named and not forced and slot is not None and slot.kind in STATE_KINDS:
            named = False  # "Maduro supporters celebrated": a state does not demonstrate, its supporters do
        backed = slot if role is not None and not forced and supported_group(ctx, slot) else None
        if backed is not None:
            named = False  # "Houthi supporters rallied": the crowd demonstrates, for the group
        if role is None or named or e.place is None or not e.place.country_iso3:
            out.append(e)
            continue
        known = dictionary.countries.get(e.place.country_iso3)
        country = known.name if known is not None else (e.place.country or e.place.country_iso3)
        label, inter = ("Protesters", 6) if role == "protesters" else ("Rioters", 5)
        crowd = Actor(
            start=e.trigger.start,
            end=e.trigger.end,
            text=e.trigger.text,
            sentence=e.trigger.sentence,
            actor_id=None,
            name=f"{label} ({country})",
            kind=role,
            country_iso3=e.place.country_iso3,
            inter=inter,
            via="inferred",
        )
        upd = {"actor2" if forced else "actor1": crowd}
        if backed is not None:
            upd["assoc_actor1"] = backed
        if not forced and e.actor2 is not None and e.actor2.name == crowd.name:
            upd["actor2"] = None  # "protests continued as opposition supporters ...": one crowd
        if (
            not forced
            and (e.actor2 is None or _the_crowd_itself(e))
            and slot is not None
            and slot.kind in ("police", "military")
            and slot.country_iso3 == e.place.country_iso3
        ):
            upd["actor2"] = slot  # "police fired tear gas at protesters who stormed parliament": who intervened
        out.append(e.model_copy(update=upd))
    return out


_CARRIED_FAMILIES = {"Explosions/Remote violence"}
CARRY_SENTENCES = 10


def _only_striker(events: list, background: bool):
    """The one side that strikes in every strike of the report that names its striker (of the
    report's news, or of its past context), else None."""
    sides = {
        e.actor1.actor_id: e.actor1
        for e in events
        if e.event_type in _CARRIED_FAMILIES
        and e.actor1 is not None
        and e.status == "occurred"
        and e.background == background
    }
    return next(iter(sides.values())) if len(sides) == 1 and None not in sides else None


def carry_strike_types(events: list) -> list:
    """A bare "hit", "attack" or toll in a report that leads with a strike ("three areas were
    hit", "four people were killed") is of the strike's kind: the report goes on about it."""
    first = next((e for e in events if e.status == "occurred" and not e.background), None)
    if first is None or first.event_type not in _CARRIED_FAMILIES or typed_by_default(first):
        return events
    return [
        retype(e, first.sub_event_type) if typed_by_default(e) and e.status == "occurred" and not e.background else e
        for e in events
    ]


def _country(e: Event) -> Optional[str]:
    return e.place.country_iso3 if e.place is not None else None


def _side(a: Actor) -> str:
    return a.actor_id or a.name


def _strikers_abroad(events: list) -> set:
    """The sides (of a country) whose every placed strike in the report is across their border
    ("Pakistani shelling killed three in India")."""
    placed = [e for e in events if e.event_type in _CARRIED_FAMILIES and e.actor1 is not None and _country(e)]
    home = {_side(e.actor1): e.actor1.country_iso3 for e in placed if e.actor1.country_iso3}
    at_home = {_side(e.actor1) for e in placed if _country(e) == home.get(_side(e.actor1))}
    return set(home) - at_home


def _struck_back(striker: Actor, e: Event, abroad: set) -> bool:
    """A side that strikes only across its border does not strike its own country ("Pakistani
    shelling killed three in India ... According to Pakistan, three areas were hit"): in an
    exchange of fire, the strike on its ground is the other side's."""
    return _side(striker) in abroad and _country(e) == striker.country_iso3


def carry_attackers(ctx: Context, events: list) -> list:
    """A strike reported without its attacker ("four people were killed in the attacks"), or
    civilians killed with no one named ("three people were killed and 10 injured"), is the last
    striker's within a few sentences, else the striker of every other strike of the report,
    unless that side is its target or strikes only across its border and this is its own ground,
    or the report tells it apart ("In a separate incident, a roadside bomb hit a bus")."""
    out = list(events)
    abroad = _strikers_abroad(events)
    for k, e in enumerate(out):
        killed = e.sub_event_type == "Attack" and e.actor2 is not None and e.actor2.kind == "civilians"
        if e.actor1 is not None or (e.event_type not in _CARRIED_FAMILIES and not killed) or e.status != "occurred":
            continue
        if told_apart(ctx, e.sentence):
            continue
        striker = _only_striker(events, e.background)
        for j in range(k - 1, -1, -1):
            prev = out[j]
            if e.sentence - prev.sentence > CARRY_SENTENCES:
                break
            if prev.event_type in _CARRIED_FAMILIES and prev.actor1 is not None and prev.background == e.background:
                if _struck_back(prev.actor1, e, abroad):
                    continue
                striker = prev.actor1
                break
        if striker is not None and _struck_back(striker, e, abroad):
            striker = None
        if striker is not None and (e.actor2 is None or e.actor2.actor_id != striker.actor_id):
            out[k] = e.model_copy(update={"actor1": striker})
    return out


def told_apart(ctx: Context, sentence: int) -> bool:
    """The sentence opens by telling a new, separate incident ("Separately, ...", "In a separate
    attack ...", "Elsewhere, ...")."""
    if not 0 <= sentence < len(ctx.sentences):
        return False
    opening = " ".join(re.findall(r"\w+", ctx.sentences[sentence].text.lower())[:4])
    return any(opening.startswith(m) for m in load_lexicon().words["apart_markers"])


def _speakers_country(ctx: Context, e) -> Optional[str]:
    """The country of the state or forces whose statement tells the event ("Russia's defence
    ministry said air defences had shot down 17 drones")."""
    said = next((s for s in ctx.statements if s.id == e.statement), None) if e.statement else None
    actor = said.source_actor if said is not None else None
    if actor is None or actor.kind in ("person", "civilians", "organization"):
        return None
    return actor.country_iso3


def defenders(ctx: Context, dictionary, events: list) -> list:
    """ACLED codes an interception with the side that stops the weapons first: when the report
    names none ("32 drones were shot down over the Kursk region"), the forces of the country
    where it happened, unless the weapons are its own; when no clause places it, the forces of
    the state whose statement tells it."""
    out = []
    for e in events:
        iso = e.place.country_iso3 if e.place is not None else None
        speaker = _speakers_country(ctx, e) if e.place_from == "article" else None
        if speaker is not None and speaker != iso and e.sub_event_type == "Disrupted weapons use":
            # "Russia's defence ministry said air defences had shot down 17 drones": over Russia
            iso = speaker
            country = next(
                (p for p in ctx.places if p.level == "country" and p.resolved and p.country_iso3 == iso), None
            )
            e = e.model_copy(update={"place": country})
        ent = dictionary.role_entry(iso, "military") if iso else None
        if (
            e.sub_event_type != "Disrupted weapons use"
            or e.actor1 is not None
            or ent is None
            or (e.actor2 is not None and e.actor2.country_iso3 == iso)
        ):
            out.append(e)
            continue
        actor = entry_actor(
            ctx,
            dictionary,
            ent,
            e.trigger.start,
            e.trigger.end,
            "inferred",
            e.time.start_date if e.time is not None else None,
        )
        out.append(e.model_copy(update={"actor1": actor}))
    return out


def no_self_attack(events: list) -> list:
    """An event's two sides are never one actor ("U.S. personnel were targeted": the target's
    side is not also the attacker); the attacker is then unknown."""
    return [
        e.model_copy(update={"actor1": None})
        if e.actor1 is not None
        and e.actor2 is not None
        and e.actor1.actor_id
        and e.actor1.actor_id == e.actor2.actor_id
        else e
        for e in events
    ]


def _civilians_of(dictionary, a2: Actor, place: Optional[Place]) -> Actor:
    """Victims named only as people are the civilians of the country of ``place`` ("Civilians
    (Russia)"); any other actor as it is."""
    if (
        a2.kind != "civilians"
        or a2.actor_id is not None
        or a2.country_iso3 is not None
        or place is None
        or not place.country_iso3
    ):
        return a2
    name = civilians_name(dictionary, place.country_iso3, place.country)
    return a2.model_copy(update={"name": name, "country_iso3": place.country_iso3})


def civilians_name(dictionary, iso3: Optional[str], country: Optional[str] = None) -> str:
    """ACLED's label for the civilians of a country: "Civilians (Russia)"; "Civilians" when none is known."""
    known = dictionary.countries.get(iso3) if dictionary is not None and iso3 else None
    label = known.name if known is not None else country or iso3
    return f"Civilians ({label})" if label else "Civilians"


def civilians_of_place(dictionary, events: list) -> list:
    """Victims named only as people ("20 people were killed") are the civilians of the country
    where the event happened, once its place is known (ACLED: "Civilians (Russia)")."""
    out = []
    for e in events:
        a2 = _victims_unnamed(e)
        a2 = _civilians_of(dictionary, a2, e.place) if a2 is not None else None
        out.append(e if a2 is e.actor2 else e.model_copy(update={"actor2": a2}))
    return out


def _victims_unnamed(e: Event) -> Optional[Actor]:
    """ACLED's violence against civilians falls on civilians by definition: when the report names
    no victims ("the RSF attacked the camp of Zamzam") or names a person no dictionary knows ("the
    abduction of Ms. X"), they are civilians, of the place's country once it is known
    (:func:`_civilians_of`)."""
    if e.sub_event_type not in CIVILIAN_SUBS:
        return e.actor2
    a2 = e.actor2
    if a2 is not None and not (a2.kind == "person" and a2.actor_id is None and a2.via == "unknown"):
        return a2
    return civilians_at(a2 or e.trigger)


def civilians_at(m, dictionary=None, iso3: Optional[str] = None, country: Optional[str] = None) -> Actor:
    """Civilians inferred at mention ``m`` (no words name them), of country ``iso3`` when known."""
    return Actor(
        start=m.start,
        end=m.end,
        text=m.text,
        sentence=m.sentence,
        actor_id=None,
        name=civilians_name(dictionary, iso3, country),
        kind="civilians",
        country_iso3=iso3,
        inter=7,
        via="inferred",
    )


def forces_of_place(ctx: Context, dictionary, events: list) -> list:
    """An attacker named only as a state's forces ("killed by interior ministry forces", "security
    forces opened fire"), or as armed men ("a hospital attacked by gangs"), is that state's, or
    an unidentified armed group of that state, once the event's place is known from its other mentions
    or the article (at the clause, the place may not be known yet)."""
    lex = load_lexicon()
    out = []
    for e in events:
        a1, tok = e.actor1, trigger_root(ctx, e)
        if a1 is None and tok is not None and (moved := _forces_moved(ctx, e, tok)) is not None:
            e = e.model_copy(update={"actor1": moved})
            a1 = moved
        if (a1 is None or (a1.actor_id is None and a1.via == "unknown")) and tok is not None and e.place is not None:
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
            by_agent = passive or (tok.tag_ == "VBN" and not perfect(tok))  # "its drones had struck": the subject's
            agent = by_object(tok) if by_agent else speaking_owner(subject_up(tok)[0], lex)
            if passive and e.sub_event_type == _MOVED and agent is None and e.actor2 is None:
                agent = child(tok, "nsubjpass")  # "police reinforcements were sent to the area": theirs
            role = generic_role(agent, lex)
            if agent is not None and role in ("police", "military", "armed_group"):
                day = e.time.start_date if e.time is not None else None
                found = generic_actor(ctx, dictionary, agent, role, e.place, day, lex)
                e = e.model_copy(update={"actor1": found}) if found is not None else e
        out.append(e)
    return out


_MOVED = "Change to group/activity"


def _forces_moved(ctx: Context, e: Event, tok) -> Optional[Actor]:
    """The forces a passive deployment names ("Kenyan police officers were deployed to Haiti"):
    the actor of the change, as the subject of "Kenya deployed police officers" would be."""
    if e.sub_event_type != _MOVED or e.actor2 is not None or not any(c.dep_ == "auxpass" for c in tok.children):
        return None  # (a target read from the subject becomes the actor: ``implied_actors``)
    moved = child(tok, "nsubjpass")
    if moved is None or by_object(tok) is not None:
        return None
    lo, hi = moved.left_edge.idx, moved.idx + len(moved)
    return next((a for a in ctx.actors if lo <= a.start and a.end <= hi and not a.is_source_only), None)


_GROUP_KINDS = {"rebel", "political_militia", "identity_militia"}


def _the_group(ctx: Context, start: int, country_iso3: Optional[str] = None) -> Optional[Actor]:
    """The one armed group the report has named before a generic mention at ``start`` ("the
    rebels"), of the mention's country when both are known."""
    named = {
        a.actor_id: a
        for a in ctx.actors
        if a.actor_id
        and a.kind in _GROUP_KINDS
        and not a.is_source_only
        and a.start < start
        and not (a.country_iso3 and country_iso3 and a.country_iso3 != country_iso3)
    }
    return next(iter(named.values())) if len(named) == 1 else None


_GROUP_NOUNS = {"group", "movement", "organisation", "organization"}


def _the_named_group(run, subj) -> Optional[Actor]:
    """ "The group", "the Iran-aligned group", "the movement": the one armed group the report has
    named before it."""
    if subj.lemma_.lower() not in _GROUP_NOUNS or not any(c.lower_ == "the" for c in subj.children):
        return None
    start = subj.doc[subj.left_edge.i].idx  # before its phrase: not "al Qaeda" of "the al Qaeda-linked group"
    group = _the_group(run.ctx, start)
    span = run.ctx.span_fields(start, subj.idx + len(subj))
    return group.model_copy(update=span | {"via": "inferred"}) if group is not None else None


def named_groups(ctx: Context, events: list) -> list:
    """ "The rebels", "the militants" are the armed group the report names, when it names one:
    in a report on M23, "the rebels captured Bukavu" is M23's capture, not an unidentified
    group's."""
    out = []
    for e in events:
        upd = {}
        for slot in ("actor1", "actor2"):
            a = getattr(e, slot)
            if a is not None and a.kind == "armed_group" and a.via == "inferred" and a.actor_id is None:
                group = (
                    None if told_apart(ctx, e.sentence) else _the_group(ctx, a.start, a.country_iso3)
                )  # "In a separate incident, gunmen"
                if group is not None:
                    upd[slot] = group.model_copy(update=ctx.span_fields(a.start, a.end) | {"via": "inferred"})
        out.append(e.model_copy(update=upd) if upd else e)
    return out


_TAKERS = {"push", "drive", "force", "expel", "oust", "chase", "flush", "fall"}
STATE_KINDS = {"military", "police", "state", "government"}


def home_ground(ctx: Context, events: list) -> list:
    """A state's forces that push their enemies out of a town of their own country, or that such
    a town falls to, regain it (ACLED's "Government regains territory"); anyone else, a foreign
    state included, overtakes it."""
    lex = load_lexicon()
    out = []
    for e in events:
        a, p = e.actor1, e.place
        tok = trigger_root(ctx, e) if e.sub_event_type == "Non-state actor overtakes territory" else None
        if tok is not None and tok.lemma_.lower() in _TAKERS:
            own = a is not None and a.kind in STATE_KINDS and p is not None and a.country_iso3 == p.country_iso3
            if (own and a.country_iso3) or (a is None and _generic_state_taker(tok, lex)):
                e = retype(e, "Government regains territory")
        out.append(e)
    return out


def _generic_state_taker(tok, lex: Lexicon) -> bool:
    """The takers are a state's forces named by a generic noun ("the army pushed the militants
    out", "security forces said they had driven the rebels out", "the town fell to the army"): its
    own ground, as nothing tells of a country abroad."""
    if tok.lemma_.lower() == "fall":  # "the town fell to government forces": who it fell to
        hands = prep_obj(tok, "into")
        taker = prep_obj(tok, "to") or (prep_obj(hands, "of") if hands is not None else None)
        return taker is not None and generic_role(taker, lex) in ("military", "police")
    subj, clause = subject_up(tok)
    if subj is not None and subj.lower_ in PRONOUNS and clause.dep_ == "ccomp":
        subj, _ = subject_up(clause.head)  # "X said they had ...": X
    return generic_role(subj, lex) in ("military", "police")
