"""The ACLED sub-event type of a mention: capture words by what was taken and by whom
(``territorial``), violent words by the snippet classifier among the trigger's allowed types."""

from __future__ import annotations

import functools
from typing import Optional

from kronika.events.classify import cue_span, score_labels, sentence_scores
from kronika.events.datafiles import classifier_file
from kronika.events.frame import DocIndex
from kronika.events.lexicon import Lexicon, Trigger
from kronika.events.frame import generic_role, speaker_for
from kronika.events.parse import backing, by_object, child, is_passive, object_lemmas, prep_obj, subject_up
from kronika.events.triggers import trigger_for


GOV_ROLES = {"Agreement", "Other", "Arrests"}
_OCCUPIERS = {"protesters": "Peaceful protest", "rioters": "Violent demonstration"}


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


def _weapon_head(t, lex: Lexicon) -> bool:
    """The noun names weapons: "40 rifles", "a rocket launcher" (not "two gold mines", a pit)."""
    if not ({t.lemma_.lower(), t.lower_} & lex.weapon_nouns):
        return False
    return t.lemma_.lower() != "mine" or all(c.lower_ == "land" for c in t.children if c.dep_ == "compound")


def _from_rebels(tok, d: DocIndex, dictionary) -> bool:
    """The place was taken back from a non-state group ("reclaimed the port town from insurgents",
    "liberated several villages from Al-Shabaab"): a foreign force retaking it fights on the
    government's side, and the government's ground is regained."""
    held = prep_obj(tok, "from")
    return held is not None and _rebels(held, d, dictionary)


def _unknown_place(obj, d: DocIndex) -> bool:
    """A proper name the gazetteer does not know, named as what was taken: no person, organisation
    or group."""
    return obj.tag_ in ("NNP", "NNPS") and obj.ent_type_ not in ("PERSON", "ORG", "NORP") and obj.i not in d.actor_at


def territorial(
    tok,
    trig: Trigger,
    target_tok,
    actor1,
    d: DocIndex,
    lex: Lexicon,
    dictionary,
    objs,
    non_state_words: bool = False,
    state_words: bool = False,
):
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
    if not is_place and any(
        t.ent_type_ in ("GPE", "LOC", "FAC") and t.dep_ not in ("poss",) and t.head.dep_ != "poss" for t in obj_tokens
    ):
        is_place = True
    if not is_place and obj is not None and _unknown_place(obj, d):
        is_place = True  # "recaptured Mayfa'a from AQAP": a name no gazetteer knows, taken
    if obj is not None and _unarmed(obj, lex):
        return "Abduction/forced disappearance", None  # "pirates seized the crew", "gunmen seized three aid workers"
    if (
        obj is not None
        and (obj.i in d.actor_at or obj.lemma_.lower() in lex.person_nouns)
        and obj.lemma_.lower() not in lex.territory_nouns
    ):
        return "Armed clash", "capture"
    held = prep_obj(obj, "of") if obj is not None else None  # "a consignment of weapons", "a haul of rifles"
    if any(
        _weapon_head(t, lex) for t in (obj, child(tok, "dobj", "nsubjpass"), held) if t is not None and t.i not in own
    ):
        return "Disrupted weapons use", None  # "seized 40 rifles ... in Adama town": the place is where, not what
    site = any(  # "two gold mines": a site, no weapons
        t is not None and t.lemma_.lower() == "mine" and not _weapon_head(t, lex)
        for t in (obj, child(tok, "dobj"), held)  # "took control of the gold mines"
    )
    if words & lex.weapon_nouns and not words & lex.territory_nouns and not is_place and not site:
        return "Disrupted weapons use", None
    person = (obj is not None and obj.i in d.actor_at) or bool(words & lex.person_nouns)
    if person and not (words & lex.territory_nouns or is_place):
        return "Armed clash", "capture"
    if not (is_place or words & lex.territory_nouns or words & _CONTROL or site):
        return None, None  # "captured the attention of ...": not an event
    entry = dictionary.entries.get(actor1.actor_id) if actor1 is not None and actor1.actor_id else None
    inter = actor1.inter if actor1 is not None else None
    if inter in (2, 3, 4) or (inter is None and entry is None and non_state_words):
        return "Non-state actor overtakes territory", "takeover"
    if inter == 1 or (entry is not None and entry.kind in ("state", "military", "government", "person", "agency")):
        # ACLED: a government retaking ground in its own country regains it; a foreign state's
        # forces taking a place abroad overtake it, as a non-state actor would
        place_iso = _country_taken(obj, tok, d)
        own_iso = entry.iso3 if entry is not None else actor1.country_iso3 if actor1 is not None else None
        if place_iso and own_iso and place_iso != own_iso and not (trig.retake and _from_rebels(tok, d, dictionary)):
            return "Non-state actor overtakes territory", "takeover"
        if trig.retake or (place_iso and own_iso == place_iso):
            return "Government regains territory", "recapture"
        return "Armed clash", "territorial_change"
    if trig.retake or (actor1 is None and state_words):
        return "Government regains territory", "recapture"  # "government troops took control of ...": its own ground
    return "Armed clash", "territorial_change"


# what is held over ground: "took control of", "restored state authority in the area"
_CONTROL = frozenset({"control", "authority", "sovereignty"})


def _own_word(tok, sent, code: str) -> bool:
    """The classifier's cue for ``code`` is the trigger word itself ("Israel's military struck the
    ministry"): a word that names no weapon is no evidence against the trigger's own type."""
    cue = cue_span(sent.text, code)
    start = sent.start_char + cue[0] if cue is not None else -1
    return tok.idx <= start < tok.idx + len(tok.text)


def _without_what_came_before(tok, sent) -> Optional[str]:
    """The sentence's text without the "after ..." clause of the trigger's verb that tells what
    came before it (its words type that earlier event, not this one); None when it has none."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    for c in verb.children:
        marked = any(m.dep_ == "mark" and m.lower_ in ("after", "since") for m in c.children)
        if c.dep_ == "advcl" and marked and not (c.left_edge.i <= tok.i <= c.right_edge.i):
            return _text_without(sent, c)
    return None


def _text_without(sent, phrase) -> str:
    """The sentence's text without the words of ``phrase`` (a token and its subtree)."""
    doc = sent.doc
    return f"{doc[sent.start : phrase.left_edge.i].text} {doc[phrase.right_edge.i + 1 : sent.end].text}"


def _without_backing(tok, sent, lex: Lexicon) -> Optional[str]:
    """The sentence's text without the "backed by ..." phrase of the trigger's subject ("Somali
    forces backed by US air strikes killed 30 fighters": the strikes backed the forces' act, whose
    type is the forces'); None when it has none."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    subj = child(verb, "nsubj")
    agents = [t for t in subj.subtree if t.dep_ == "agent" and backing(t, subj, lex)] if subj is not None else []
    return _text_without(sent, agents[0].head) if agents else None  # the participle: "backed by US air strikes"


_CALMLY = {"peacefully", "calmly", "quietly", "silently"}


def _violent(tok, trig: Trigger, fr, run, sent, scores: dict) -> Optional[str]:
    """A violent word's type: the snippet classifier's choice among the trigger's allowed types
    (scored on the phrase or the sentence); a clash with civilians is an attack, an attack on
    armed forces a clash."""
    sub = trig.sub_event_type
    if trig.refine_scope == "phrase":
        found = score_labels(tok.doc[tok.left_edge.i : tok.i + 1].text, trig.refine)
    elif (rest := _without_what_came_before(tok, sent)) is not None:
        found = sentence_scores(rest)  # "joined protests ... after 100 people were injured": not this protest's
    elif (rest := _without_backing(tok, sent, run.lex)) is not None:
        found = sentence_scores(rest)  # "forces backed by air strikes killed": not the strikes' type
    else:
        if not scores:  # the snippet classifier's reading of the sentence (protests by escalation)
            scores.update(sentence_scores(sent.text))
        found = scores
    options = {c: found.get(c, 0.0) for c in trig.refine}
    default_code = run.tax[sub]["code"] if sub else None
    best = max(options.items(), key=lambda kv: kv[1]) if options else (None, 0.0)
    if best[1] > 0 and not (trig.prefer_default and options.get(default_code, 0) >= best[1] * 0.6):
        if not (trig.prefer_default and _own_word(tok, sent, best[0])):
            sub = run.clf.code_to_name[best[0]]
    if sub == "Violent demonstration" and any(c.dep_ == "advmod" and c.lower_ in _CALMLY for c in tok.children):
        sub = "Peaceful protest"  # "while in Mombasa hundreds marched peacefully": not the sentence's other crowd
    a2 = fr.actor2
    if sub == "Attack" and _at_forces(fr, run):
        sub = "Armed clash"  # an attack on forces ("kill dozens of soldiers") is a battle; on a country not yet
    if sub == "Armed clash" and a2 is not None and a2.kind == "civilians":
        sub = "Attack"
    return sub


_WEAPON_SCOPE = {
    "compound",
    "amod",
    "nmod",
    "prep",
    "pobj",
    "dobj",
    "conj",
    "cc",
    "nsubj",
    "nsubjpass",
    "agent",
    "npadvmod",
    "appos",
}


def _weapon_words(tokens, lex: Lexicon):
    for t in tokens:
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        two = f"{t.lemma_.lower()} {nxt.lemma_.lower()}" if nxt is not None else ""
        if two in lex.weapon_types:
            yield lex.weapon_types[two]
        if nxt is not None and _air_arm(t, nxt, lex):
            yield _AIR
        for key in (t.lemma_.lower(), t.lower_):
            if key in lex.weapon_types:
                yield lex.weapon_types[key]
                break


def _air_arm(t, nxt, lex: Lexicon) -> bool:
    """ "air force" named as who struck ("Afghan air force bombing raids", "the air force bombed"),
    not as the owner of a place or of people ("an air force base", "air force officers"): only
    when it modifies no noun, or a word whose type the weapon decides."""
    if f"{t.lower_} {nxt.lower_}" not in lex.words["air_arms"]:
        return False
    return nxt.dep_ != "compound" or nxt.head.lemma_.lower() in lex.weapon_typed


_WITH = {"with", "using", "by", "from"}


def _used_by(verb, lex: Lexicon) -> list:
    """Where a clause names what it strikes with: its subject ("a drone hit ...") and its
    "with"/"using"/"by" phrases, not its object ("destroyed mortar systems" is the target) nor
    what backs its subject ("forces backed by air strikes killed ...")."""
    out = []
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "agent", "csubj") or (c.dep_ == "prep" and c.lower_ in _WITH):
            out.extend(t for t in c.subtree if not backing(t, c, lex))
        elif c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() == "use":
            out.extend(c.subtree)
    return out


def weapon_type(tok, lex: Lexicon) -> Optional[str]:
    """The sub-event type the weapon of a strike or attack decides: first in the trigger's own
    phrase ("a missile and drone strike", "attacked with drones", "killed in a drone attack"), else where its clause says
    what struck ("a drone hit the house"), never in what was struck."""
    own = [
        c
        for c in tok.children
        if c.dep_ in _WEAPON_SCOPE and not (c.dep_ == "prep" and c.lower_ not in _WITH | {"of", "in"})
    ]
    if tok.pos_ == "VERB":  # what is fired or launched is the weapon; what is hit is the target
        fired = tok.lemma_.lower() in ("fire", "launch", "drop", "use", "set", "detonate")
        own = [c for c in own if c.dep_ not in ("nsubj", "nsubjpass", "conj") and (fired or c.dep_ != "dobj")]
        shared = (g for v in tok.children if v.dep_ == "conj" and v.pos_ == "VERB" for g in v.children)
        own += [g for g in shared if g.dep_ == "prep" and g.lower_ in ("in", "with")]  # "killed and injured in"
    phrase = sorted({*_coordinated_left(tok), *(t for c in own for t in c.subtree)}, key=lambda t: t.i)
    verb = _governing_verb(tok)
    clause = sorted((t for t in _used_by(verb, lex) if t.i != tok.i), key=lambda t: t.i)
    if _CHEMICAL in _weapon_words((*phrase, *clause), lex):
        return _CHEMICAL  # "a rocket carrying chlorine gas", "shells filled with poison gas": the agent decides
    for tokens in (phrase, clause):
        found = next(_weapon_words(tokens, lex), None)
        if found is not None:
            return _launched_from_the_air(found, verb, lex)
    return None


_AIR = "Air/drone strike"
_PARTITIVES = {"one", "some", "many", "few", "several", "series", "wave"}


def _governing_verb(tok):
    """The verb an event noun is the object of, also through a partitive ("suffered one of the
    heaviest assaults of the war, with aerial attacks killing nine": what the clause strikes with
    is the assault's weapon); the noun itself when it has none."""
    if tok.pos_ == "VERB":
        return tok
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _PARTITIVES:
        head = head.head.head
    return head if head.pos_ in ("VERB", "AUX") else tok


_CHEMICAL = "Chemical weapon"


def _launched_from_the_air(found: str, verb, lex: Lexicon) -> str:
    """A missile or rocket fired from aircraft is an air strike ("attacked the region with a
    guided missile from the airspace of Crimea", "bombers launched cruise missiles"): the launch
    platform decides, as the weapon does."""
    if found != "Shelling/artillery/missile attack":
        return found
    platforms = lex.words["air_platforms"]
    clause = [t for c in verb.children if c.dep_ in ("nsubj", "prep", "agent", "dobj") for t in c.subtree]
    if any(t.lemma_.lower() in platforms or t.lower_ in platforms for t in clause):
        return _AIR
    firing = lex.words["firing_platforms"]  # "a drone fired a missile at a car": the drone is the platform
    doers = [t for c in verb.children if c.dep_ in ("nsubj", "agent") for t in c.subtree]
    return _AIR if any(t.lemma_.lower() in firing for t in doers) else found


def _coordinated_left(tok) -> list:
    """The modifiers written just before an event noun, through a coordination the parse may have
    split ("drone and missile attacks": "drone" is named first, whatever the parse attached)."""
    if tok.pos_ == "VERB":
        return []
    out = []
    for t in reversed(tok.doc[max(tok.sent.start, tok.i - 5) : tok.i]):
        if not (t.pos_ in ("NOUN", "PROPN", "ADJ") or t.lower_ in ("and", "or", ",", "-")):
            break
        out.append(t)
    return out


_ARMED_KINDS = {
    "military",
    "police",
    "rebel",
    "political_militia",
    "identity_militia",
    "armed_group",
    "coalition",
    "external",
}
_CROWDS = {"protesters", "rioters"}
_STATE_FORCES = {"police", "military"}


def _hyphenated(t, words) -> bool:
    """ "sit-ins", which the tokenizer splits into "sit", "-", "ins"."""
    return t.i + 2 < len(t.doc) and t.nbor(1).text == "-" and f"{t.lower_}-in" in words


def _at_a_protest(tok, fr, lex: Lexicon) -> bool:
    """The clause happens at a demonstration ("detained during unsanctioned protests"), or the
    people it is done to are its demonstrators ("detained students who staged a protest", "removed
    striking nurses who had occupied the lobby, arresting their leader")."""
    words = lex.words["protest_words"]
    doing = words | lex.words["demonstrating_words"]
    clause = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    home = prep_obj(clause, "at", "from")
    if home is not None and home.lemma_.lower() in lex.words["home_words"]:
        return False  # "the activist, who had organised the sit-in, was arrested at his home": not at it
    if any(
        t.lemma_.lower() in words and t.head.dep_ == "prep" and t.head.lower_ in ("during", "at", "in", "after")
        for t in clause.subtree
    ):
        return True
    beside = [
        c for c in clause.children if c.dep_ == "advcl" and any(m.lower_ in ("as", "while", "when") for m in c.children)
    ]
    if any(t.lemma_.lower() in doing or t.lower_ in doing or _hyphenated(t, words) for c in beside for t in c.subtree):
        return True  # "arrested 180 people as opposition supporters staged sit-ins"
    targets = [fr.target_tok] if fr.target_tok is not None else []
    if tok.dep_ in ("advcl", "conj") and tok.head.pos_ == "VERB":  # "removed striking nurses ..., arresting three"
        targets += [c for c in tok.head.children if c.dep_ == "dobj"]
    return any(
        generic_role(target, lex) == "protesters"
        or any(t.lemma_.lower() in doing or t.lower_ in doing or _hyphenated(t, words) for t in target.subtree)
        for target in targets
    )


def _out_of_a_country(tok, run) -> bool:
    """A withdrawal from a whole country ("withdrew thousands of personnel from the country",
    "withdrew its last troops from Niger"): a force's change of activity, not a town or base handed over."""
    if tok.pos_ != "VERB":
        return False
    where = prep_obj(tok, "from")
    if where is None or where.lemma_.lower() in run.lex.territory_nouns:
        return False  # "withdrew from Kherson city": a town, whatever the name could also be
    place = run.index.place_at.get(where.i)
    return where.lemma_.lower() == "country" or (place is not None and place.level == "country")


def _violent_crowd(tok, fr, lex: Lexicon) -> bool:
    """The crowd force is used on is told as violent ("tear gas at stone-throwing students who
    tried to storm the parliament"): its own violence types the demonstration."""
    verb = tok if tok.pos_ == "VERB" else tok.head
    crowds = [t for t in (fr.target_tok, _fired_at(verb)) if t is not None and t.i != tok.i]
    words = lex.words["violent_crowd_words"]
    return any(t.lower_ in words for c in crowds for t in c.subtree)


def after_a_protest(tok, lex: Lexicon) -> bool:
    """The report tells of a demonstration before the word or in its sentence: a mob in it is its
    rioters ("far-right demonstrations turned violent ... police cars were set ablaze by a mob",
    "residents burned tyres to protest water cuts")."""
    words = lex.words["protest_words"]
    return any(t.lemma_.lower() in words and t.ent_type_ != "DATE" for t in tok.doc[: tok.sent.end])


def _stoned_in_a_protest(tok, fr, lex: Lexicon) -> bool:
    """Forces hurt with what a crowd throws, by no one the clause names, in a report of a
    demonstration ("officers had been attacked with stones"): the demonstrators' violence."""
    if not (fr.passive and by_object(tok) is None and after_a_protest(tok, lex)):
        return False
    crude = lex.words["crude_weapons"]
    return any(g.lemma_.lower() in crude or g.lower_ in crude for g in (prep_obj(tok, "with"), child(tok, "dobj")) if g)


def _by_crowd(tok, fr, run) -> Optional[str]:
    """The type of property destroyed by a crowd: a demonstration's ("demonstrators set fire to
    ..."), a mob's that is none ("an angry mob vandalized a temple", "villagers torched ...", "a
    crowd burned the home of a man accused of witchcraft"); None when no crowd did it."""
    agent = _counted_crowd(
        by_object(tok) if fr.passive else subject_up(tok)[0] if tok.pos_ in ("VERB", "AUX") else None, run.lex
    )
    if agent is not None and generic_role(agent, run.lex) in _STATE_FORCES:
        return None  # "police ... shot dead one protester as demonstrators tried to march": the state's force
    if agent is not None and (
        agent.lemma_.lower() in run.lex.words["mob_nouns"]
        or (_bare_crowd(agent) and _on_people(fr.target_tok, run.lex))
    ):
        protest = after_a_protest(tok, run.lex) or _street_barricade(fr.target_tok, run.lex)
        return "Violent demonstration" if protest else "Mob violence"
    if (
        generic_role(agent, run.lex) in _CROWDS
        or _protesting(agent, run.lex)
        or _as_protests(tok, run.lex)
        or _to_protest(tok)
    ):
        return "Violent demonstration"
    return None


_PROTEST_AIMS = {"protest", "demonstrate"}  # not "to demand a ransom", "to strike fear"


def _to_protest(tok) -> bool:
    """Done, or joined by ``and`` to what is done, in order to protest ("students ransacked the
    office and smashed windows to protest against the fee hike"): the violence is the protest's."""
    verbs = [tok, *(c for c in tok.children if c.dep_ == "conj")]
    if tok.dep_ == "conj":
        verbs.append(tok.head)
    return any(
        c.dep_ in ("advcl", "xcomp")
        and c.lemma_.lower() in _PROTEST_AIMS
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for v in verbs
        for c in v.children
    )


_CAUSES = {"protest", "demand", "demonstrate", "rally", "march", "strike"}


def _street_barricade(target, lex: Lexicon) -> bool:
    """What was burned is a street protest's barricade ("youths burned tyres on the highway"): no
    one burns tyres in the road but to protest, so the crowd is a demonstration's."""
    return target is not None and (
        target.lemma_.lower() in lex.words["barricade_words"] or target.lower_ in lex.words["barricade_words"]
    )


def _bare_crowd(agent) -> bool:
    """ "A crowd" that the report does not say is of protesters."""
    return agent.lemma_.lower() == "crowd" and not any(c.dep_ in ("prep", "acl", "relcl") for c in agent.children)


def _on_people(target, lex: Lexicon) -> bool:
    """Violence that falls on people or their homes ("burned the home of a man accused of
    witchcraft", "beat two suspected thieves"): a crowd's violence on them is a mob's."""
    words = lex.civilian_nouns | lex.words["mob_victims"]
    return target is not None and any(t.lemma_.lower() in words or t.lower_ in words for t in target.subtree)


def _counted_crowd(agent, lex: Lexicon):
    """The people a count, a group or a crowd names ("hundreds of residents", "a group of vigilantes",
    "a crowd of villagers"), else ``agent``."""
    counts = lex.words["counting_nouns"] | lex.words["bare_plurals"] | {"group", "band", "gang", "crowd"}
    if agent is None or not (agent.like_num or agent.lemma_.lower() in counts or agent.lower_ in counts):  # "Hundreds"
        return agent
    of = next(
        (g for c in agent.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"),
        None,
    )
    return of if of is not None else agent


def _protesting(agent, lex: Lexicon) -> bool:
    """The ones who did it are told as protesting ("students protesting against fee increases",
    "workers demanding unpaid wages", "crowds of supporters", "the protesting farmers")."""
    if agent is None:
        return False
    if agent.lemma_.lower() in lex.words["crowd_nouns"]:
        return True
    return any(
        (c.dep_ in ("acl", "relcl") or (c.dep_ == "amod" and c.tag_ == "VBG")) and c.lemma_.lower() in _CAUSES
        for c in agent.children
    )


def _fired_at(tok):
    """Whom a shooting is aimed at: "opened fire on the marchers", "fired at the crowd"; people a
    gerund tells doing something, by the gerund ("fired on mourners marching to the cemetery")."""
    if tok.pos_ != "VERB":
        return None
    found = prep_obj(tok, "on", "at", "upon")
    if found is not None:
        return found
    doing = (g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "upon") for g in c.children)
    return next((g for g in doing if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)


def _demonstrators(target, lex: Lexicon) -> bool:
    """The people violence falls on are a demonstration: protesters, the demonstration itself ("set
    upon a peaceful rally"), or people told as protesting ("traders protesting against market
    fees"); ACLED types violence on them as excessive force, whoever uses it."""
    if target is None:
        return False
    if generic_role(target, lex) == "protesters" or target.lemma_.lower() in lex.words["protest_words"]:
        return True  # "set upon a peaceful opposition rally"
    if any(c.dep_ == "amod" and c.lower_ in _PROTESTING for c in target.children):
        return True  # "fired live rounds at striking miners", "at protesting students"
    return any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _CAUSES - {"strike"} for c in target.children)


_PROTESTING = {"striking", "protesting", "demonstrating", "marching", "rallying"}


def _as_protests(tok, lex: Lexicon) -> bool:
    """Done as or when protests turned violent ("cars were set ablaze as protests turned into riots")."""
    words = lex.words["protest_words"]
    for c in tok.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("as", "when", "while") for m in c.children):
            if any(s.dep_ == "nsubj" and s.lemma_.lower() in words for s in c.children):
                return True
    return False


_DECIDED_BY_WEAPON = {
    "Armed clash",
    "Attack",
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Suicide bomb",
}


# what may carry a chemical agent: a strike whose sentence names the agent used it
_CARRIERS = {"Air/drone strike", "Shelling/artillery/missile attack", "Grenade"}

_DONE_TO_PEOPLE = {"Abduction/forced disappearance", "Sexual violence"}


_KILLING_VERBS = {"kill", "murder", "massacre", "slaughter", "behead", "execute", "slay"}


def _done_in_it(tok, lex: Lexicon) -> Optional[str]:
    """What an attack was for, told by the participle that follows it ("raided the village,
    kidnapping a priest", "attacked the camp, raping several women"): that violence's type. Not
    when the act is a killing ("killed 14 people and abducted 40 others": an attack that killed)."""
    if not tok.tag_.startswith("VB") or tok.lemma_.lower() in _KILLING_VERBS:
        return None
    for c in tok.children:
        joined = c.dep_ == "conj" and c.tag_ == "VBD" and not any(g.dep_ == "nsubj" for g in c.children)
        if (c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG") or joined:  # "stormed ... and carted away"
            trig = trigger_for(c, lex)
            if trig is not None and trig.sub_event_type in _DONE_TO_PEOPLE:
                return trig.sub_event_type
    return None


def _gone_missing(tok, lex: Lexicon) -> bool:
    """The people an arrest takes are told gone missing by the clause it hangs on or is joined to
    ("students who went missing after being picked up by soldiers", "the whereabouts of two
    journalists arrested in the capital remain unknown", "was detained and has been missing since"):
    ACLED's forced disappearance. Not a disappearance the arrest is about ("arrested over the
    disappearance of a girl": in its own phrase)."""
    words = lex.words["missing_words"]
    above = list(tok.ancestors)[:5]
    joined = [c for c in tok.children if c.dep_ == "conj"]
    near = [*above, *(c for a in above for c in a.children), *joined, *(c for j in joined for c in j.children)]
    own = {t.i for t in tok.subtree}
    return any(
        (t.i not in own or t in joined) and (t.lemma_.lower() in words or t.lower_ in words)
        for t in near
        if t.i != tok.i
    )


def _unarmed(obj, lex: Lexicon) -> bool:
    """People seized who bear no arms: civilians, a crew, aid workers, tourists."""
    head = obj.lemma_.lower()
    return (
        head in lex.civilian_nouns or head in lex.words["abducted_nouns"] or obj.lower_ in lex.words["abducted_nouns"]
    )


def sub_event(tok, trig: Trigger, fr, run, sent, scores: dict) -> tuple[Optional[str], Optional[str]]:
    """(ACLED sub-event type, finer kind) of the mention; (None, None) when it is no event."""
    sub, kind = _sub_event(tok, trig, fr, run, sent, scores)
    if sub in ("Attack", "Armed clash", _FORCE) and _crowd_control_only(tok, sub, run.lex):
        sub = "Protest with intervention"  # "fired rubber bullets at students marching on parliament"
    if sub == "Looting/property destruction" and (crowd := _by_crowd(tok, fr, run)) is not None:
        return crowd, kind  # ACLED: a crowd destroying property riots
    if (
        sub == "Looting/property destruction"
        and fr.passive
        and by_object(tok) is None
        and after_a_protest(tok, run.lex)
    ):
        return "Violent demonstration", kind  # "the homes of several politicians were vandalised" in a report of riots
    if sub in ("Attack", "Armed clash") and _stoned_in_a_protest(tok, fr, run.lex):
        return "Violent demonstration", kind  # "officers had been attacked with stones" in a report of protests
    if sub == "Attack" and (crowd := _by_crowd(tok, fr, run)) is not None:
        return crowd, kind  # "a man was beaten to death by a mob": the crowd's violence
    if sub == "Violent demonstration" and "MOB_VIOL" in trig.refine and _by_crowd(tok, fr, run) == "Mob violence":
        return "Mob violence", kind  # "villagers pelted the convoy with stones": no demonstration
    if sub in ("Attack", "Armed clash") and any(_demonstrators(t, run.lex) for t in (fr.target_tok, _fired_at(tok))):
        return "Excessive force against protesters", kind  # "killing one protester", "fired on traders protesting"
    if sub == "Non-violent transfer of territory" and _out_of_a_country(tok, run):
        return (
            "Change to group/activity",
            kind,
        )  # "Iran withdrew its advisers from the country": no ground changes hands
    if sub == "Protest with intervention" and _violent_crowd(tok, fr, run.lex):
        return "Violent demonstration", kind  # "fired tear gas at stone-throwing students"
    if sub == "Arrests" and _gone_missing(tok, run.lex):
        return "Abduction/forced disappearance", kind  # "students who went missing after being picked up by soldiers"
    if sub == "Arrests" and _at_a_protest(tok, fr, run.lex):
        return "Protest with intervention", kind  # ACLED: arrests at a demonstration are its intervention
    if sub in ("Attack", "Armed clash") and (done := _done_in_it(tok, run.lex)) is not None:
        return done, kind  # "attacked the staff quarters, abducting the bursar's wife": an abduction
    if sub == "Remote explosive/landmine/IED" and _property_blown_up(tok, run.lex):
        return "Looting/property destruction", kind  # "militants blew up a school building; no one was hurt"
    if sub in _DECIDED_BY_WEAPON and tok.lemma_.lower() in ("fire", "launch") and _direct_fire(tok, run.lex):
        return "Armed clash", "direct_fire"  # "fired anti-tank missiles at an Israeli tank": a ground fight
    if sub in _DECIDED_BY_WEAPON and _into_the_sea(tok, run.lex):
        return "Other", kind  # "fired two ballistic missiles into the sea": a launch, no attack
    if sub in _DECIDED_BY_WEAPON:
        armed = weapon_type(tok, run.lex)
        if armed is not None and (armed == _CHEMICAL or tok.lemma_.lower() in run.lex.weapon_typed):
            return armed, kind  # the agent decides whatever the verb: "dropped chlorine-filled barrel bombs"
    if sub in _CARRIERS and _CHEMICAL in _weapon_words(tok.sent, run.lex):
        return _CHEMICAL, kind  # "smelled chlorine after a barrel bomb was dropped": what the bomb carried
    if sub in _DECIDED_BY_WEAPON and tok.lemma_.lower() == "fire" and tok.pos_ == "VERB":
        return _fired_on(tok, run) or sub, kind
    if sub == _AIR and _bombed_on_the_ground(tok, fr, run):
        return "Remote explosive/landmine/IED", kind
    if sub == _AIR and _struck_on_foot(tok, run):
        return ("Armed clash" if _at_forces(fr, run) else "Attack"), kind
    return sub, kind


_ON_FOOT = {
    "attacker",
    "attackers",
    "gunman",
    "gunmen",
    "assailant",
    "assailants",
    "raider",
    "raiders",
    "bandit",
    "bandits",
}


def _struck_on_foot(tok, run) -> bool:
    """Armed men on the ground who "struck" a place, with no weapon named ("The attackers struck
    Mayikengo village late on Sunday"): a raid, not an air strike."""
    if tok.lemma_.lower() != "strike" or tok.pos_ != "VERB" or weapon_type(tok, run.lex) is not None:
        return False
    subj = child(tok, "nsubj")
    return subj is not None and subj.lower_ in _ON_FOOT


def _at_forces(fr, run) -> bool:
    """The act was done to armed or state forces: a target actor of an armed kind, or soldiers or
    police named generically."""
    a2 = fr.actor2
    return (a2 is not None and a2.kind in _ARMED_KINDS) or generic_role(fr.target_tok, run.lex) in (
        "military",
        "police",
    )


_NON_STATE_ARMED = {2, 3, 4}  # ACLED inter codes: rebels, political and identity militias


def _bombed_on_the_ground(tok, fr, run) -> bool:
    """A bombing by a rebel or militia group that names no aircraft or drone ("Al-Shabaab
    militants bombed a police convoy", "the group's bombing of an army post"): an armed group has
    no air force, so the bomb was set off on the ground -- unless what it bombed is a town or an
    area ("rebels bombed the city"), which rockets and drones reach."""
    lex = run.lex
    if tok.lemma_.lower() not in lex.words["ground_bomb_words"]:
        return False
    if weapon_type(tok, lex) is not None or next(_weapon_words(list(tok.subtree), lex), None) is not None:
        return False  # "bombed a hospital with drones", wherever the parse hangs the weapon
    if fr.actor1 is None or fr.actor1.inter not in _NON_STATE_ARMED:
        return False
    hit = child(tok, "dobj") if tok.pos_ == "VERB" else prep_obj(tok, "of")
    area = hit is not None and (
        hit.i in run.index.place_at
        or hit.ent_type_ in ("GPE", "LOC")
        or hit.lemma_.lower() in lex.words["bombed_areas"]
    )
    return not area


_HARM = {"kill", "injure", "wound", "hurt", "die", "dead", "maim"}
_NO_ONE = {"no", "nobody", "none", "noone"}
_PARTS = {"section", "part", "stretch", "portion", "span"}


def _harm_told(sent) -> bool:
    """The sentence tells people killed or hurt ("killing two"), not that no one was ("no one was hurt")."""
    for t in sent:
        if t.lemma_.lower() not in _HARM and t.lower_ not in _HARM:
            continue
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        denied = any(c.dep_ == "neg" for c in t.children) or any(
            s.lower_ in _NO_ONE or any(d.lower_ in _NO_ONE for d in s.children) for s in subj
        )
        if not denied:
            return True
    return False


def _property_blown_up(tok, lex: Lexicon) -> bool:
    """Property someone "blew up" with no one told killed or hurt ("rebels blew up a
    telecommunications mast and a bridge, cutting the town off", "blew up a school building; no one
    was hurt"): the destruction of property, not a bomb attack on people."""
    if tok.lemma_.lower() != "blow" or tok.pos_ != "VERB":
        return False
    obj = child(tok, "dobj")
    if obj is not None and obj.lemma_.lower() in _PARTS:
        obj = prep_obj(obj, "of")  # "blew up a section of the gas pipeline"
    if obj is None:
        return False
    property_words = next(
        (t.requires_object for t in lex.by_key.get(("blow up", "VERB"), ()) if t.requires_object), frozenset()
    )
    things = [obj, *obj.conjuncts]
    return all(t.lemma_.lower() in property_words or t.lower_ in property_words for t in things) and not _harm_told(
        tok.sent
    )


_FORCE = "Excessive force against protesters"
_INTERVENTION = "Protest with intervention"


def _crowd_control_only(tok, sub: str, lex: Lexicon) -> bool:
    """Rubber bullets, tear gas or a water cannon, with no lethal weapon and no one told killed or
    hurt ("police fired rubber bullets at the marchers", the march's own mention of that sentence):
    ACLED's intervention in a demonstration, not lethal force. For a firing, what it fired decides
    (whatever the target); for a mention typed as excessive force, the weapons its sentence names."""
    sent = tok.sent
    if _harm_told(sent) or _lethal_named(sent, lex) or _maimed(sent, lex):
        return False
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "fire":
        return weapon_type(tok, lex) == _INTERVENTION
    return sub == _FORCE and set(_weapon_words(sent, lex)) == {_INTERVENTION}


def _maimed(sent, lex: Lexicon) -> bool:
    """The sentence tells someone shot ("was shot in the eye") or a serious injury ("lost his sight",
    "was hospitalised"): ACLED's serious injury."""
    words = lex.words["serious_injury_words"]
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sent) or any(
        t.lemma_.lower() == "shoot" and is_passive(t) for t in sent
    )


def _lethal_named(sent, lex: Lexicon) -> bool:
    """The sentence names deaths or live fire ("live rounds", "fatally")."""
    lethal = lex.words["lethal_words"]
    words = [t.lower_ for t in sent]
    pairs = {f"{a} {b}" for a, b in zip(words, words[1:])}
    return bool(pairs & lethal) or any(t.lemma_.lower() in lethal or t.lower_ in lethal for t in sent)


def _into_the_sea(tok, lex: Lexicon) -> bool:
    """Missiles fired or launched into the open sea with no target named ("North Korea fired two
    ballistic missiles into the sea off its east coast"): a launch that hits no one."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ("fire", "launch"):
        return False
    into = prep_obj(tok, "into")
    if into is None or into.lemma_.lower() not in lex.words["open_waters"]:
        return False
    aimed = (prep_obj(tok, p) for p in ("at", "on", "toward", "towards"))
    return not any(t is not None and t.ent_type_ not in ("DATE", "TIME") for t in aimed)  # not "on Thursday"


def _direct_fire(tok, lex: Lexicon) -> bool:
    """What a verb fires is a weapon aimed straight at what the shooter sees (lexicon
    ``direct_fire_weapons``: "anti-tank missiles", "an RPG"), also when the tokenizer split its hyphen."""
    obj = child(tok, "dobj")
    if obj is None:
        return False
    words = lex.words["direct_fire_weapons"]
    for t in obj.subtree:
        joined = f"{t.lower_}-{t.nbor(2).lower_}" if t.i + 2 < len(t.doc) and t.nbor(1).text == "-" else ""
        if t.lower_ in words or joined in words:
            return True
    return False


def _fired_on(tok, run) -> Optional[str]:
    """What a side fired on, when it names no weapon: people ("fired on the crowd") make an
    attack, a country or town ("began firing on Israel") a shelling."""
    target = prep_obj(tok, "on", "at", "upon", "into")
    doing = _fired_at(tok) if target is None else None  # "fired on students marching to ...": the gerund
    if doing is not None and _demonstrators(doing, run.lex):
        return "Excessive force against protesters"
    target = target or (child(doing, "nsubj") if doing is not None else None)  # "on villagers fleeing"
    if target is None or tok.tag_ == "VBN":
        return None  # "bombs fired by a bomber into the country": what was fired, not who fired on it
    people = run.lex.civilian_nouns | {"crowd", "people"}
    if _demonstrators(target, run.lex):
        return "Excessive force against protesters"  # ACLED: whoever fires on a demonstration
    if generic_role(target, run.lex) == "civilians" or target.lemma_.lower() in people:
        return "Attack"
    if target.i in run.index.place_at or target.ent_type_ in ("GPE", "LOC"):
        return "Shelling/artillery/missile attack"
    return None


def _unopposed(tok, lex: Lexicon) -> bool:
    """The capture is told as one with no fight: "peacefully", "unopposed", "without a fight"."""
    calm, fights = lex.words["unopposed_words"], lex.words["unfought_nouns"]
    for c in tok.children:
        if c.dep_ in ("advmod", "acomp", "oprd", "advcl") and (c.lemma_.lower() in calm or c.lower_ in calm):
            return True
        if c.dep_ == "prep" and c.lower_ == "without" and any(g.lemma_.lower() in fights for g in _without_what(c)):
            return True
        if c.dep_ == "advcl" and _yielded_before(c, lex):
            return True
    return _left_without_a_fight(tok, lex)


_LEAVING = {"withdraw", "pull", "leave", "retreat", "abandon", "surrender", "evacuate", "vacate", "exit"}


def _left_without_a_fight(tok, lex: Lexicon) -> bool:
    """The report says the holders left with no fight, in the capture's sentence or the next ("Al
    Shabaab retook the town after the army withdrew. Residents said the troops pulled out without
    resistance"): the ground changed hands without a battle."""
    fights = lex.words["unfought_nouns"]
    sent = tok.sent
    following = tok.doc[sent.end].sent if sent.end < len(tok.doc) else None
    for s in (sent, following):
        for verb in s or ():
            if verb.lemma_.lower() not in _LEAVING or verb.pos_ != "VERB":
                continue
            for c in verb.children:
                if (
                    c.dep_ == "prep"
                    and c.lower_ == "without"
                    and any(g.lemma_.lower() in fights for g in _without_what(c))
                ):
                    return True
    return False


_YIELDING = {"surrender", "hand"}  # (not "withdrew", "pulled out": ground left to be taken is overtaken)
_BEFORE_MARKS = {"after", "when", "once", "as"}


def _yielded_before(clause, lex: Lexicon) -> bool:
    """The holders handed the place over before it was taken ("took control of the town after local
    officials surrendered it"), with no fighting told in the sentence: no battle won it."""
    if not any(m.dep_ == "mark" and m.lower_ in _BEFORE_MARKS for m in clause.children):
        return False
    if clause.lemma_.lower() not in _YIELDING:
        return False
    fights = lex.words["unfought_nouns"]
    without = {t.i for p in clause.sent if p.lower_ == "without" for t in p.subtree}
    return not any(t.lemma_.lower() in fights and t.i not in without for t in clause.sent)


def _without_what(prep) -> list:
    """What a "without" phrase says was missing: its object ("without a fight"), or the object of
    its gerund ("without firing a shot")."""
    out = []
    for g in prep.children:
        out.append(g)
        if g.dep_ == "pcomp" and g.tag_ == "VBG":
            out += [o for o in g.children if o.dep_ == "dobj"]
    return out


def _own_ground_handed(tok, sent, lex: Lexicon) -> bool:
    """A side takes control of its own territory with no fighting told in the sentence ("the army
    will deploy and take control of their own territory once again"): the ground is handed back,
    not won in a battle."""
    if not any(t.lower_ == "own" and t.head.lemma_.lower() in lex.territory_nouns for t in tok.subtree):
        return False
    fights = (trigger_for(t, lex) for t in sent if t.i != tok.i)
    return not any(
        trig is not None and (trig.cls == "violent" or trig.sub_event_type == "Armed clash") for trig in fights
    )


@functools.lru_cache(maxsize=1)
def _pro_state_words() -> frozenset:
    """Words that put an armed group on the state's side ("pro-government militias"): a group
    retaking ground for the government regains it, as ACLED codes the state's affiliates."""
    family = classifier_file().territory_family
    return frozenset(family.roles.pro_state_words) if family is not None else frozenset()


def _pro_state(tok) -> bool:
    """A word before the agent's noun puts it on the state's side ("pro-government militias"), or
    the phrase says whose side it is on ("tribal fighters loyal to the government"; not "rebels
    loyal to the warlord")."""
    before = "".join(t.text_with_ws for t in tok.doc[tok.left_edge.i : tok.i]).lower()
    if set(before.split()) & _pro_state_words():
        return True
    return any(
        t.lower_ in _SIDING and (state := prep_obj(t, "to")) is not None and state.lemma_.lower() in _THE_STATE
        for t in tok.subtree
    )


_SIDING = {"loyal", "allied", "aligned", "affiliated"}
_THE_STATE = {"government", "state", "army", "regime", "president", "authorities", "junta", "military"}


def _own_phrase(tok) -> list:
    """The words of ``tok``'s phrase without the clauses that tell more of it ("the army, which had
    lost it to the rebels": the rebels are not who took it) and without those joined to it ("the
    army and allied militias": the first named leads)."""
    told = {t.i for c in tok.children if c.dep_ in ("relcl", "acl", "appos", "conj", "cc") for t in c.subtree}
    return [t for t in tok.subtree if t.i not in told]


_PLURAL_PRONOUNS = {"they", "we"}


def _antecedent(subj):
    """The subject a plural pronoun stands for when its clause hangs on another's ("protesters
    vowed to stay as they seized the square": the protesters), else the subject itself."""
    if subj is None or subj.lower_ not in _PLURAL_PRONOUNS or subj.head.dep_ not in ("advcl", "conj", "xcomp"):
        return subj
    above = subject_up(subj.head.head)[0]
    return above if above is not None and above.pos_ in ("NOUN", "PROPN") else subj


def _person_taken(obj, kind: Optional[str], lex: Lexicon) -> bool:
    """What a capture verb took is a person: one taken in a fight (kind ``capture``), a person's
    name, or one the law seeks ("captured alias 'El Flaco'", "two suspects", "the ringleader")."""
    if kind == "capture":
        return True
    wanted = lex.words["wanted_persons"]
    return obj is not None and (obj.lower_ in wanted or obj.lemma_.lower() in wanted or obj.ent_type_ == "PERSON")


def _sub_event(tok, trig: Trigger, fr, run, sent, scores: dict) -> tuple[Optional[str], Optional[str]]:
    if trig.cls == "territory":
        subj_tok = subject_up(tok)[0] if not fr.passive else by_object(tok)  # "overran a base and took the town"
        subj_tok = speaker_for(_antecedent(subj_tok), run.lex)  # "the rebels said they had captured ..."
        agent_words = {t.lower_ for t in _own_phrase(subj_tok)} if subj_tok is not None else set()
        crowd = generic_role(subj_tok, run.lex) if subj_tok is not None else None
        if crowd in _OCCUPIERS:  # "protesters seized the square": a demonstration occupies, it takes no ground
            return _OCCUPIERS[crowd], None
        if trig.retake and subj_tok is not None and _pro_state(subj_tok):  # "pro-government militias recovered it"
            return "Government regains territory", "recapture"
        sub, kind = territorial(
            tok,
            trig,
            fr.target_tok,
            fr.actor1,
            run.index,
            run.lex,
            run.dictionary,
            object_lemmas(tok),
            non_state_words=bool(agent_words & run.dictionary.demonym_blockers)
            or crowd == "armed_group",  # "Islamic militants", "jihadists"
            state_words=crowd == "military",
        )
        if crowd == "police" and _person_taken(fr.target_tok, kind, run.lex):
            return "Arrests", None  # "police captured alias 'El Flaco'", "police captured two suspects": an arrest
        if kind in ("takeover", "recapture", "territorial_change") and (
            _unopposed(tok, run.lex) or _own_ground_handed(tok, sent, run.lex)
        ):
            return "Non-violent transfer of territory", None  # "took over the town peacefully after the rebels left"
        return sub, kind
    if trig.cls == "violent":
        return _violent(tok, trig, fr, run, sent, scores), trig.kind
    if trig.sub_event_type == _TAKEOVER and _driven_out_by_the_state(tok, fr, run):
        return "Government regains territory", trig.kind
    return trig.sub_event_type, trig.kind


_TAKEOVER = "Non-state actor overtakes territory"


def _driven_out_by_the_state(tok, fr, run) -> bool:
    """Rebels driven out of a place by state forces ("militants were driven out of the district
    centre by security forces", "the army pushed the rebels out of the town"): the state regains
    it (a state's troops driven out by another's are ground overtaken)."""
    passive = is_passive(tok)
    agent = by_object(tok) if passive else subject_up(tok)[0]
    enemy = child(tok, "nsubjpass" if passive else "dobj")
    if agent is None or enemy is None or tok.pos_ != "VERB" or not _rebels(enemy, run.index, run.dictionary):
        return False
    a1 = fr.actor1
    return (
        generic_role(agent, run.lex) in ("military", "police")
        or (a1 is not None and a1.inter == 1)
        or _pro_state(agent)
    )


def _rebels(tok, d: DocIndex, dictionary) -> bool:
    """The phrase names a non-state armed group ("militants", "the rebels", "Al-Shabaab")."""
    phrase = _own_phrase(tok)
    words = {t.lower_ for t in phrase} | {t.lemma_.lower() for t in phrase}
    return bool(words & dictionary.demonym_blockers) or any(
        d.actor_at[t.i].inter in (2, 3, 4) for t in phrase if t.i in d.actor_at
    )
