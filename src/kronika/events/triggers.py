"""Trigger words: which tokens may name an event (``trigger_for``), and which of them report no
event of their own where they stand (``rejected``): a requirement unmet, a reading that names no
event ("attack aircraft", "the captured soldier", "to liberate Mosul"), or a word that reports
what another trigger of the sentence already names ("the strike killed 6")."""

from __future__ import annotations

from typing import Optional

from kronika.events.frame import PERSONAL_POSS, military_context
from kronika.events.lexicon import Lexicon, Trigger, load_lexicon
from kronika.events.status import verb_words
from kronika.events.parse import (
    asks_who,
    backing,
    by_object,
    child,
    entered,
    fight_before,
    gerund_subject,
    is_noun,
    is_passive,
    is_verb,
    lemmas_of,
    made_into,
    misread_past,
    perfect,
    modifier_lemmas,
    object_lemmas,
    object_of,
    prep_obj,
    purpose_clause,
    subject_up,
)


_GENERIC_DETS = {"a", "an", "each", "any", "every"}
# what befalls people in an event or after it: "died in an explosion", "their evacuation after a blast"
_HARMED = {"die", "kill", "injure", "wound", "hurt", "maim", "evacuate", "evacuation", "flee", "death", "injury"}


_OPEN_CLASS = {"NOUN", "PROPN", "VERB", "AUX"}


def trigger_for(tok, lex: Lexicon) -> Optional[Trigger]:
    """The first trigger of the word (a phrasal verb before the verb) whose requirements hold:
    "set fire" is property destruction, "set up a base" a base established."""
    objs = None
    phrasal = False
    for key, trig in _candidates(tok, lex):
        if phrasal and " " not in key:
            return None  # "shot them down" is not "shot" when "shoot down" wanted a weapon
        objs = object_lemmas(tok) if objs is None else objs
        if key.endswith(" into"):
            objs = objs | lemmas_of(prep_obj(tok, "into"))  # "marched into the town": the town
        if not _requirements_unmet(tok, trig, lex, objs):
            return trig
        phrasal = phrasal or (" " in key and not key.endswith(" into"))  # a preposition binds no particle
    return None


def weighed(tok, lex: Lexicon) -> bool:
    """Whether some trigger of the lexicon begins with the word: the clause pass weighed it,
    whether or not its requirements held. (A trigger only an armed group's doing makes an event
    weighs no word: "the factions announced their merger" is still the classifier's to read.)"""
    return any(not trig.requires_armed_agent for _, trig in _candidates(tok, lex))


def _candidates(tok, lex: Lexicon):
    tag = tok.tag_
    if not (tag.startswith("NN") or tag.startswith("VB") or tok.pos_ in _OPEN_CLASS):
        return  # neither noun nor verb (what is_noun and is_verb would say): most words, decided at once
    words = _trigger_words(lex)
    low = tok.lower_
    if tok.lemma_.lower() not in words and low not in words and low[:-1] not in words and not _after_hyphen(tok):
        return  # no trigger starts with the word (and it ends no hyphenated one)
    if is_noun(tok):
        pos = "NOUN"  # the tagger's coarse tag sometimes calls "airstrikes" a verb
    elif gerund_subject(tok):
        pos = "NOUN"  # a gerund subject is a noun: "Fighting between the army and rebels left 20 dead"
    elif is_verb(tok):
        pos = "VERB"
    else:
        return
    keys = _hyphenated_keys(tok, pos)  # the compound first: "test-fired" is no firing at a target
    keys += [(tok.lemma_.lower(), pos), (tok.lower_, pos)]
    if pos == "VERB":  # a phrasal verb first: "shot down" is not "shot"
        prt = child(tok, "prt")
        if (
            prt is None
            and tok.i + 1 < len(tok.doc)
            and tok.doc[tok.i + 1].head.i == tok.i
            and tok.doc[tok.i + 1].lower_ in ("down", "out", "off", "back")
        ):
            prt = tok.doc[tok.i + 1]  # the small model often tags the particle as an adverb
        if prt is not None:
            keys.insert(0, (f"{tok.lemma_.lower()} {prt.lower_}", pos))
        elif prep_obj(tok, "into") is not None:
            keys.insert(0, (f"{tok.lemma_.lower()} into", pos))  # "marched into the town"
    if pos == "NOUN" and tok.lower_.endswith("s"):
        keys.append((tok.lower_[:-1], pos))
    seen = set()
    for key in keys:
        for trig in lex.by_key.get(key, ()):
            if id(trig) not in seen:
                seen.add(id(trig))
                yield key[0], trig


_WORDS: dict[int, frozenset] = {}


def _trigger_words(lex: Lexicon) -> frozenset:
    """The words trigger keys begin with ("shoot" of "shoot down"), once per lexicon."""
    words = _WORDS.get(id(lex.by_key))
    if words is None:
        words = _WORDS[id(lex.by_key)] = frozenset(key.split(" ")[0] for key, _ in lex.by_key)
    return words


def _after_hyphen(tok) -> bool:
    return tok.i >= 2 and tok.nbor(-1).text == "-"


def _hyphenated_keys(tok, pos: str) -> list:
    """The keys of a word the tokenizer split at its hyphen, looked up on its last part (the
    head of the compound): "shoot-out" as "shoot-out" and "shootout", "cease-fire", "gun-fights"."""
    if tok.i < 2 or tok.nbor(-1).text != "-" or tok.nbor(-1).whitespace_ or tok.nbor(-2).whitespace_:
        return []
    first = tok.nbor(-2)
    if not first.is_alpha or first.head.i != tok.i:
        return []
    keys = []
    for last in dict.fromkeys((tok.lemma_.lower(), tok.lower_)):
        for word in (f"{first.lower_}-{last}", f"{first.lower_}{last}"):
            keys.append((word, pos))
            if pos == "NOUN" and word.endswith("s"):
                keys.append((word[:-1], pos))
    return keys


def told_as_past(verb) -> bool:
    """A finite verb in the simple past ("took", "was held"): what it tells happened once."""
    if verb.tag_ == "VBD" and not any(c.dep_ == "aux" for c in verb.children):
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children)


# what makes a battle or a fight no violence: "a legal battle", "a price war", "a verbal clash"
_UNARMED_MODIFIERS = {"legal", "court", "courtroom", "price", "verbal", "bidding", "custody", "diplomatic", "electoral"}


def generic_noun(tok, lex: Lexicon) -> bool:
    """A trigger noun that names a kind of thing, not an event that happened (or a fight fought
    with no arms: "a legal battle")."""
    if any(c.dep_ in ("amod", "compound") and c.lower_ in _UNARMED_MODIFIERS for c in tok.children):
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and (
        nxt.lower_ in (",", "and", "or")
        or nxt.lemma_.lower() in ("aircraft", "helicopter", "plane", "jet", "mission", "package")
    ):
        if any(c.dep_ == "conj" for c in tok.children) or (
            nxt.lemma_.lower() in ("aircraft", "helicopter", "plane", "jet", "mission", "package")
        ):
            return True
    dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
    if dets & _GENERIC_DETS and not any(c.dep_ == "nummod" for c in tok.children):
        head = tok.head
        if tok.dep_ == "dobj" and head.lemma_.lower() in lex.light_verbs:
            return False
        if tok.dep_ == "nsubj" and head.lemma_.lower() in lex.absorbing_verbs:
            return False
        if tok.dep_ == "pobj" and tok.head.lower_ in (
            "by",
            "near",
            "on",
            "against",
            "during",
            "at",
            "amid",
            "following",
            "after",
        ):
            return False  # "killed during a protest", "treated patients after an attack": that one happened
        harmed = tok.head.head
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ == "in"
            and harmed.lemma_.lower() in _HARMED
            and child(harmed, "dobj") is None
        ):
            return False  # "four children died in an explosion": it happened
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _AFTERMATH:
            return False  # "treated victims of a toxic gas attack", "the aftermath of a blast": it happened
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "to") and _takes_part(tok.head.head):
            return False  # "took part in a silent march"
        if tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.pos_ == "VERB" and _done_with(tok):
            return False  # "with a decisive airstrike, Trump changed course", "responded with a strike"
        if tok.dep_ in ("nsubj", "nsubjpass") and told_as_past(head):
            return False  # "a ceasefire took effect on Sunday", "a protest was held in Tbilisi"
        if _blamed_for(tok, lex):
            return False  # "the rebels were blamed for an attack on the village": it happened
        if tok.dep_ == "attr" and _one_of_those_told(head, lex):
            return False  # "one of them was an IED attack", "the deadliest was a car bombing"
        if tok.dep_ in ("attr", "nsubjpass", "pobj", "nsubj", "appos", "oprd"):
            return True
    return False


def _blamed_for(tok, lex: Lexicon) -> bool:
    """An event noun that someone is blamed for or claims, directly or through the phrase of what
    was used in it ("blamed for an attack on the village", "blamed for the use of chlorine in an
    attack", "claimed responsibility for a bombing"): laying an act on someone tells it was done."""
    verbs = set(lex.words["blame_verbs"]) | {"responsibility"}
    cur = tok
    for _ in range(6):
        if cur.dep_ not in ("pobj", "prep") or cur.head.i == cur.i:
            return False
        if cur.dep_ == "pobj" and cur.head.lower_ == "for" and cur.head.head.lemma_.lower() in verbs:
            return True
        cur = cur.head
    return False


def _names_its_object(tok) -> bool:
    """A past participle after its noun names what was done to the noun ("the deal reached today",
    "the prisoners handed over on Friday"): the noun is its object."""
    return tok.tag_ == "VBN" and tok.dep_ == "acl" and tok.head.tag_.startswith("NN")


def _deal_made(tok, trig: Trigger) -> bool:
    """ "the deal reached today", "the accord sealed in Doha": the participle reports the agreement
    it follows (not "the hostages released", a deal's terms)."""
    return (
        trig.sub_event_type == "Agreement"
        and trig.kind is None
        and _names_its_object(tok)
        and tok.head.lemma_.lower() in trig.requires_object
    )


def _seen_doing(tok, lex: Lexicon) -> bool:
    """The doers a video or a witness shows doing it ("videos show crowds banging their pots",
    "footage showed soldiers firing on the march"): the act seen, not a description."""
    seen = tok.head
    return seen.dep_ == "dobj" and seen.head.lemma_.lower() in lex.words["perception_verbs"]


def _one_of_those_told(verb, lex: Lexicon) -> bool:
    """The copula's subject picks one of the events just told ("one of them", "the first", "the
    deadliest"): what it is, is that event."""
    subj = child(verb, "nsubj")
    return subj is not None and subj.lemma_.lower() in lex.words["instance_subjects"]


_AFTERMATH = {"victim", "survivor", "aftermath", "scene", "site", "wake"}


def _takes_part(verb) -> bool:
    """ "participated in", "took part in", "joined in", "were involved in", "resorted to", "engaged in"."""
    if verb.lemma_.lower() in ("participate", "part", "join", "involve", "resort"):
        return True
    if verb.lemma_.lower() == "engage":  # "engaged in a firefight" (not "engaged the militants in a battle")
        return not any(c.dep_ == "dobj" for c in verb.children)
    return verb.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)


def _done_with(tok) -> bool:
    """An event noun a past verb was done with: "retaliated with an airstrike" (not "threatened with
    an attack", "a ceasefire with Hamas")."""
    verb = tok.head.head
    return verb.tag_ == "VBD" and verb.lemma_.lower() not in load_lexicon().status["planned_verbs"]


# --- which trigger words do not report an event here ------------------------------------

_CAPTIVES = {"captive", "captives", "prisoner", "prisoners"}


def _aimed(tok, preps: frozenset, with_object: bool = False) -> bool:
    """A verb aimed at something: "fired on the crowd" (not "on Monday"), also at people a gerund
    tells doing something ("fired on mourners marching to the cemetery", which the parse makes the
    gerund's subject). Intransitive, unless ``with_object`` (what is fired: "fired live rounds at
    striking miners"). Shots "into the air" are aimed at no one, and an "at" beside them is where
    they were fired ("fired into the air at a wedding")."""
    if child(tok, "dobj") is not None and not with_object:
        return False
    sky = load_lexicon().words["sky_words"]
    if any(o.lemma_.lower() in sky for c in tok.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"):
        return False
    obj = child(tok, "dobj") if with_object else None
    around = [*tok.children, *(obj.children if obj is not None else ())]  # "destroyed 40 drones over the region"
    return any(c.dep_ == "prep" and c.lower_ in preps and any(_aimed_at(o) for o in c.children) for c in around)


def _aimed_at(o) -> bool:
    if o.dep_ == "pobj":
        return o.ent_type_ not in ("DATE", "TIME")  # not "on Monday"
    return o.dep_ == "pcomp" and o.tag_ == "VBG" and any(g.dep_ == "nsubj" and g.pos_ == "NOUN" for g in o.children)


def _subject_is(tok, heads: frozenset) -> bool:
    """The verb's subject is one of ``heads``, through a count ("dozens of fighters", "hundreds of
    volunteers"); a passive's is its "by" agent ("a tower was destroyed by Maoists"). (Not through a
    conjunct: "the army and the security forces will deploy and take control" is the taking's.)"""
    subj = child(tok, "nsubj")
    if subj is None and is_passive(tok):
        subj = by_object(tok)
    if subj is None:
        return False
    nouns = [subj]
    counts = load_lexicon().words["bare_plurals"] | load_lexicon().words["counting_nouns"] | {"group", "team"}
    if subj.like_num or subj.lemma_.lower() in counts or subj.lower_ in counts:
        nouns += [
            g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
    return any(n.lemma_.lower() in heads or n.lower_ in heads for n in nouns)


def _left(verb) -> set:
    """What a verb with no object leaves: "withdrew from the treaty", "pulled out of the talks"."""
    if child(verb, "dobj") is not None:
        return set()
    heads = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children]
    heads += [g for c in verb.children if c.lower_ == "out" for p in c.children if p.lower_ == "of" for g in p.children]
    heads += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]  # "out" a particle
    return {w for g in heads if g.dep_ == "pobj" for w in (g.lemma_.lower(), g.lower_)}


def _place_name(tok) -> bool:
    """The verb's object is a proper name ("entered Goma", "marched into Kidal"), which the frame
    holds to a place the places stage found (:func:`kronika.events.frame.no_town_taken`)."""
    obj = entered(tok)
    return obj is not None and obj.pos_ == "PROPN" and obj.ent_type_ not in ("DATE", "TIME")


def _people_freed(tok, lex: Lexicon) -> bool:
    """The verb's object is people ("freed 500 inmates from the town's prison", "cleared residents
    from the area"), whatever ground its phrase names."""
    obj = child(tok, "dobj")
    return obj is not None and (obj.lemma_.lower() in lex.person_nouns or obj.lower_ in lex.civilian_nouns)


def _requirements_unmet(tok, trig: Trigger, lex: Lexicon, objs: set) -> bool:
    """The trigger's own requirements (``triggers.yaml``): an object or modifier of a kind."""
    if trig.sub_event_type == "Agreement" and is_verb(tok):
        objs = objs | _left(tok)  # an agreement left is an agreement's object
    if trig.sub_event_type == "Agreement" and _names_its_object(tok):
        objs = objs | {tok.head.lemma_.lower(), tok.head.lower_}  # "the deal reached today": the deal reached
    if trig.requires_object and not (objs & trig.requires_object or (trig.place_name_object and _place_name(tok))):
        return True
    if trig.retake and trig.requires_object and _people_freed(tok, lex):
        return True  # "freed 500 inmates from the town's prison": people, not ground
    if trig.requires_military_object and not (objs & lex.military_nouns):
        return True
    if trig.requires_person_object:
        subj = child(tok, "nsubjpass")
        heads = objs | ({subj.lemma_.lower(), subj.lower_} if subj is not None else set())
        if not heads & (lex.person_nouns | _CAPTIVES):
            return True
    mods = modifier_lemmas(tok)
    if is_verb(tok):  # a verb's adverbs: "sexually assaulted"
        mods = mods | {c.lemma_.lower() for c in tok.children if c.dep_ == "advmod"}
    if trig.requires_modifier and not (mods & trig.requires_modifier):
        return True
    if trig.requires_object_or_modifier and not ((objs | mods) & trig.requires_object_or_modifier):
        return True
    if trig.requires_head and (
        tok.head.lower_ not in trig.requires_head
        or any(c.dep_ in ("det", "poss", "compound", "amod", "nummod") for c in tok.children)
    ):
        return True  # bare "on strike": a walkout; "a statement on Russia's strikes" is violence
    if trig.requires_doer and not (tok.dep_ == "dobj" and _subject_is(tok.head, trig.requires_doer)):
        return True  # "health workers staged a strike" (not "the air force staged strikes")
    if trig.requires_subject and not _subject_is(tok, trig.requires_subject):
        return True  # "rockets landed in the green zone", not "the plane landed"
    if trig.requires_prep and not _aimed(tok, trig.requires_prep, with_object=bool(trig.requires_object)):
        return True  # "fired on the crowd", not "fired the coach on Monday"
    if trig.forbids_prep and any(c.dep_ == "prep" and c.lower_ in trig.forbids_prep for c in tok.children):
        return True  # "charged the protesters with rioting": a charge laid, not a charge made
    if trig.requires_verb and not (
        tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i != tok.i and verb_words(tok.head) & trig.requires_verb
    ):
        return True  # "the strike went ahead", "the strike paralysed the port": a walkout
    if trig.requires_made_into and not _made_into_words(tok) & trig.requires_made_into:
        return True  # "turned the hospital into their command centre", not "turned the warehouse into offices"
    if trig.requires_purpose and not _purpose(tok) & trig.requires_purpose:
        return True  # "gathered in the square to denounce the killing", not "gathered evidence"
    return trig.intransitive and child(tok, "dobj") is not None  # "demonstrated limited awareness"


def _root_verb_misread(tok, lex: Lexicon, trig: Trigger) -> bool:
    """The sentence's verb read as a participle of its subject, which the parser made the root
    ("AMISOM forces handed over their base to the army"): a participle with an object, or of a
    verb that takes none ("a small group of activists protested outside the ministry"), is no
    passive description, also when hung on a noun further down ("assailants on a motorcycle hurled
    a grenade at a mosque"). (An event noun as that root keeps the verb as its own: "two airstrikes
    ... killed nine people" is the strikes'.)"""
    head = tok.sent.root
    return (
        tok.dep_ == "acl"
        and head.pos_ in ("NOUN", "PROPN")
        and (child(tok, "dobj") is not None or trig.intransitive)
        and trigger_for(head, lex) is None
    )


def _made_into_words(verb) -> set[str]:
    """The words of what the verb makes its object into, with their compounds ("command centre")."""
    made = made_into(verb) if is_verb(verb) else None
    if made is None:
        return set()
    nouns = (made, *made.conjuncts)  # "into a detention centre and command post"
    return {w for n in nouns for w in (n.lemma_.lower(), n.lower_)} | {
        c.lemma_.lower() for n in nouns for c in n.children if c.dep_ == "compound"
    }


def _purpose(verb) -> set[str]:
    """What the verb is done for: "gathered to demand", "assembled, demanding", "in protest at"."""
    aims = {c.lemma_.lower() for c in verb.children if c.dep_ in ("xcomp", "advcl", "conj") and c.pos_ == "VERB"}
    return aims | {g.lemma_.lower() for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"}


_DAMAGE = {"destroy", "damage"}


def _damage_told(tok) -> bool:
    """Property told as destroyed, by no one named ("six houses were destroyed"): the damage of
    the violence the report tells, not a destruction of its own."""
    return tok.lemma_.lower() in _DAMAGE and is_verb(tok) and is_passive(tok) and by_object(tok) is None


def _figurative_object(tok, lex: Lexicon) -> bool:
    """The verb's object (else the first noun after it, where the parse lost the object) is one
    violence is never done to ("the economy", "voters", "the plan")."""
    obj = object_of(tok) or (child(tok, "nsubjpass") if is_passive(tok) else None)
    if _rose_to_fame(tok, lex) or _retort(tok, lex) or _in_words(tok, lex):
        return True  # "the minister hit back at critics", "attacked the media in a speech"
    means = [child(p, "pobj") for p in tok.children if p.dep_ == "prep" and p.lower_ == "with"]
    if any(m is not None and m.lemma_.lower() in lex.words["peaceful_means"] for m in means):
        return True  # "hit with a $2 billion fine", "targeted younger drinkers with a new campaign"
    if obj is None:
        obj = next((t for t in tok.doc[tok.i + 1 : tok.sent.end] if t.pos_ == "NOUN" and t.dep_ != "compound"), None)
    if obj is not None and obj.lemma_.lower() == "control":  # "took control of the situation"
        obj = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children), obj)
    if any(c.dep_ == "dobj" and c.lower_ in lex.words["animals"] for c in tok.children):
        return True  # "police shot dead a tiger"
    return obj is not None and obj.lemma_.lower() in lex.figurative_objects


def _rose_to_fame(tok, lex: Lexicon) -> bool:
    """Shot or catapulted to fame, to stardom, to the top ("the young forward was shot to fame")."""
    to = [child(p, "pobj") for p in tok.children if p.dep_ == "prep" and p.lower_ == "to"]
    return any(o is not None and o.lemma_.lower() in lex.words["fame_words"] for o in to)


def _in_words(tok, lex: Lexicon) -> bool:
    """An attack made in a speech, a statement or a post ("the president attacked the media in a
    speech"), a blast in a demolition, ground won in an election: no violence."""
    told = [child(p, "pobj") for p in tok.children if p.dep_ == "prep" and p.lower_ in ("in", "during")]
    settings = lex.words["speech_nouns"] | lex.words["drill_nouns"]  # "blew up the towers in a controlled demolition"
    doer = child(tok, "nsubj")
    if tok.lemma_.lower() in _WON and doer is not None and doer.lemma_.lower() in lex.words["electoral_parties"]:
        settings = settings | lex.words["election_nouns"]  # "the party seized the senate in the midterms"
    return any(o is not None and o.lemma_.lower() in settings for o in told)


_WON = {"capture", "seize", "take", "win", "gain", "sweep", "grab"}


def _retort(tok, lex: Lexicon) -> bool:
    """Hitting back at words or at those who speak them ("hit back at critics", "struck back at
    the claims"): a reply."""
    if not any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children):
        return False
    at = [child(p, "pobj") for p in tok.children if p.dep_ == "prep" and p.lower_ == "at"]
    return any(o is not None and o.lemma_.lower() in lex.words["retort_targets"] for o in at)


def figurative_subject(tok, lex: Lexicon) -> bool:
    """The verb's doer is no one who does violence ("the price cut hit farmers", "the storm killed
    three people", "critics attacked the governor", "killed in a car crash", "destroyed by floods")."""
    doers = [c for c in tok.children if c.dep_ == "nsubj"]  # "a magnitude 7 earthquake" has two
    if is_passive(tok) or tok.tag_ == "VBN":
        doers += [by_object(tok), prep_obj(tok, "in")]
    doers += _doers_of_the_head(tok)
    if tok.dep_ == "acl" and tok.tag_ == "VBD":
        doers.append(tok.head)  # "the film bombed at the box office", parsed as a reduced relative
    subject = child(tok, "nsubj")
    if tok.dep_ == "relcl" and subject is not None and subject.lower_ in ("that", "which"):
        doers.append(tok.head)  # "rains triggered landslides that killed 12 people"
    if _after_an_accident(tok, lex):
        return True
    for d in doers:
        if d is None:
            continue
        if _no_party(d, lex):
            return True
        if accidental_blast(d, lex):
            return True  # "a gas explosion killed three people"
    return False


def _doers_of_the_head(tok) -> list:
    """The doer of the verb a participle of harm hangs on, when the participle has none of its
    own ("floods swept through the valley, destroying hundreds of homes", "a fire broke out in a
    factory, killing 20 workers"): what swept or broke out did the harm."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "xcomp") or tok.head.i == tok.i or child(tok, "nsubj"):
        return []
    return [child(tok.head, "nsubj")]


def _no_party(d, lex: Lexicon) -> bool:
    """The doer is no party to a conflict: a thing or a force of nature ("the storm", "a tornado"),
    an animal ("a shark"), someone at play ("the bowler", "the home side"; not "a team of gunmen",
    whose members act), or a fire that broke out."""
    words = lex.words["figurative_subjects"] | lex.words["animals"]
    compound = next((c.lower_ for c in d.children if c.dep_ == "compound"), None)
    if d.lemma_.lower() in words or d.lower_ in words or (compound is not None and f"{compound} {d.lower_}" in words):
        return True
    players = lex.words["players"]
    if any(c.dep_ == "poss" and c.lower_ in players for c in d.children):
        return True  # "the striker's shot hit the post"
    if (compound is None and d.lower_ in players) or f"{compound} {d.lower_}" in players:
        return not any(c.dep_ == "prep" and c.lower_ == "of" for c in d.children)  # not "demining teams"
    if any(c.dep_ == "compound" and c.lemma_.lower() in _HAZARDS for c in d.children):
        return True  # "Hurricane Maria", "Typhoon Haiyan"
    if d.lemma_.lower() in lex.words["accident_causes"] and d.lemma_.lower() != "gas":
        return True  # "a gas cylinder exploded", "a fuel tanker exploded" (not "tear gas", "poison gas")
    if d.lemma_.lower() != "fire" or d.dep_ != "nsubj":
        return False
    # "a fire at a nightclub killed 64" (a blaze is counted; gunfire is not: "Israeli fire killed
    # three"), "a fire broke out in the factory, killing 20", "fire swept through a hospital ward"
    return (
        any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in d.children) or d.head.lemma_.lower() in _FIRE_SPREADS
    )


_HAZARDS = {"hurricane", "typhoon", "cyclone", "storm", "tornado", "tropical"}
# what a fire does that no gunfire does: it breaks out, sweeps, rips or tears through, guts, engulfs
_FIRE_SPREADS = {"break", "sweep", "rip", "tear", "gut", "engulf", "spread", "raze", "race", "ravage", "consume"}


def _after_an_accident(tok, lex: Lexicon) -> bool:
    """A participle of harm hung on an accident ("a bus crashed into a truck, killing seven", "a
    building collapsed, killing four"): the crash killed them, no one did violence. A weapon that
    "crashed into" a block ("a drone crashed into a building, killing three") is an attack."""
    head = tok.head
    if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "xcomp", "conj") or head.i == tok.i:
        return False
    if head.lemma_.lower() not in lex.words["accident_verbs"]:
        return False
    subject = child(head, "nsubj")
    return subject is None or subject.lemma_.lower() not in lex.weapon_nouns


def accidental_blast(tok, lex: Lexicon) -> bool:
    """A blast a modifier says was an accident: "a gas explosion", "a boiler blast"; or one at a
    mine, a refinery or a plant in a sentence that names no arms ("trapped after an explosion at
    the coal mine"; not "a drone caused an explosion at the refinery")."""
    if tok.lemma_.lower() not in _BLASTS or not is_noun(tok):
        return False
    if any(c.dep_ in ("compound", "amod") and c.lower_ in lex.words["accident_causes"] for c in tok.children):
        return True
    sites = lex.words["accident_sites"]
    at_site = any(
        p.dep_ == "prep"
        and p.lower_ in ("at", "in")
        and (o := child(p, "pobj")) is not None
        and o.lemma_.lower() in sites
        for p in tok.children
    )
    named = {t.lower_ for t in tok.sent} | {t.lemma_.lower() for t in tok.sent}
    armed = lex.weapon_nouns | lex.military_nouns | {"attack", "strike", "bomb", "drone"}
    return at_site and not (named - sites) & armed  # a coal "mine" is no landmine


_BLASTS = {"explosion", "blast", "detonation", "fire", "leak"}  # not "a poison gas attack"


def _failed_agreement(tok, lex: Lexicon) -> bool:
    """An agreement noun, or the talks it is the topic of, that failed or only lasts: "peace talks
    collapsed", "the talks on the cessation of hostilities broke down", "the truce was holding";
    also when the parse hangs the verb on the topic ("Talks in Cairo on a ceasefire stalled")."""
    x = tok
    while x.dep_ == "pobj" and x.head.dep_ == "prep" and is_noun(x.head.head):
        x = x.head.head  # "the talks on the cessation of hostilities": the talks
    no_deal = lex.words["agreement_failures"] | lex.words["agreement_lasting"]
    if _failure_follows(x, lex):
        return True
    if any(_hung_on(v, x) and verb_words(v) & no_deal for v in x.subtree if v.dep_ == "acl" and v.tag_ == "VBN"):
        return True
    if x.dep_ != "nsubj" or x.head.i == x.i:
        return False
    return bool(verb_words(x.head) & no_deal)


_TALKS = {"talks", "negotiations", "deal", "plan", "bid", "efforts"}


def _failure_follows(noun, lex: Lexicon) -> bool:
    """A headline's failure word right after the deal, which the parse may miss ("Israeli strikes
    kill 22 as ceasefire talks stall": "talks" read as a verb, "stall" as its object)."""
    doc, i = noun.doc, noun.i + 1
    if i < len(doc) and doc[i].lower_ in _TALKS:
        i += 1
    return i < len(doc) and doc[i].lemma_.lower() in lex.words["agreement_failures"] and not doc[i].is_title


def _since_then(tok) -> bool:
    """A perfect with "since" as its adverb ("has since seized about a fifth of the territory",
    "have since killed hundreds"): what has added up since, no one event."""
    if not is_verb(tok) or not perfect(tok):
        return False
    if not any(c.dep_ == "advmod" and c.lower_ == "since" for c in tok.children):
        return False
    obj = child(tok, "dobj")  # an amount, not one place or one group ("have since captured the village")
    nouns = [obj, prep_obj(obj, "of")] if obj is not None else []  # "taken control of dozens of villages"
    return any(
        n is not None and (n.lower_ in _AMOUNTS or any(c.dep_ in ("nummod", "quantmod") for c in n.children))
        for n in nouns
    )


_AMOUNTS = {
    "fifth",
    "third",
    "quarter",
    "half",
    "percent",
    "much",
    "most",
    "part",
    "parts",
    "swathes",
    "swaths",
    "dozens",
    "hundreds",
    "thousands",
    "tens",
    "millions",
    "scores",
}


def _in_return(tok, trigger_tokens: set) -> bool:
    """ "freed hostages in exchange for prisoners": the freeing, when it is a trigger, is the exchange
    told, the phrase no exchange of its own ("the release of 25 hostages in exchange for 600
    prisoners" is one)."""
    if (
        tok.dep_ != "pobj"
        or tok.head.lower_ != "in"
        or not any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)
    ):
        return False
    x = tok.head.head  # "would free hostages held in Gaza in exchange for": up to "free"
    for _ in range(3):
        if is_verb(x) and x.lemma_.lower() in _GIVEN_BACK:
            return x.i in trigger_tokens
        if x.head.i == x.i or x.dep_ not in ("acl", "dobj", "nsubjpass", "pobj", "prep"):
            return False
        x = x.head
    return False


_GIVEN_BACK = {"free", "release", "return", "swap", "hand", "exchange", "trade", "liberate"}


def _hung_on(verb, noun) -> bool:
    """``verb`` hangs on ``noun`` or on the object of one of its prepositions."""
    head = verb.head
    return head.i == noun.i or (head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i == noun.i)


def _commemorates(tok, lex: Lexicon) -> bool:
    """A memorial, or a verb done with one ("a memorial was unveiled for ...", "unveiled a memorial to")."""
    words = lex.words["commemoration_nouns"]
    if tok.lemma_.lower() in words:
        return True
    return is_verb(tok) and any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in words for c in tok.children
    )


def _remembered(tok, lex: Lexicon) -> bool:
    """The event is told inside what a memorial or an anniversary is for, through the people it
    killed ("a memorial for those killed in the bombing", "the anniversary of the deaths of those
    who died in the massacre" is the first's): remembered, no news. (Not across a finite clause.)"""
    x = tok
    for _ in range(6):
        if x.head.i == x.i or x.tag_ in ("VBD", "VBZ", "VBP") or x.dep_ in ("ccomp", "advcl", "conj", "ROOT"):
            return False
        head = x.head
        if x.dep_ == "pobj" and head.lower_ in ("of", "for", "to") and _commemorates(head.head, lex):
            return True
        x = head
    return False


def _another_sense(tok, trig: Trigger, run) -> bool:
    """The word in a sense that names no event: violence's verbs done to the economy or by the
    weather, an agreement that failed, a power to act, a day of remembrance."""
    lex = run.lex
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ in ("of", "for", "to")
        and tok.head.head.lemma_.lower() in lex.words["power_nouns"] | lex.words["commemoration_nouns"]
    ):
        return True  # "powers of arrest", "a warrant for his arrest", "the anniversary of the massacre"
    if _remembered(tok, lex):
        return True  # "a memorial for those killed in the bombing"
    if trig.sub_event_type == "Agreement" and is_noun(tok) and _failed_agreement(tok, lex):
        return True  # "peace talks collapsed", "the truce was holding"
    if accidental_blast(tok, lex):
        return True  # "a gas explosion at a restaurant killed three"
    if _outcry(tok, lex) or _recalled(tok, lex):
        return True  # "a storm of protest online", "veterans recalled how they stormed the beaches"
    if _since_then(tok):
        return True  # "Moscow has since seized a fifth of the country": a sum over years
    if _counted(tok, lex) or _festive_march(tok, lex) or _business_deal(tok, lex) or _years_after(tok):
        return True  # "ten years after the massacre", "the number of protests has doubled", "marched to the graduation ceremony", "a trade deal"
    if trig.sub_event_type is not None and run.tax[trig.sub_event_type]["event_type"] in ("Protests", "Riots"):
        return _tried_for(tok, lex.words)  # "charged the protesters with rioting"
    if _ordinary_crime(tok, lex):
        return True  # "thieves stole jewellery", "the judge jailed the dealer", "a man stabbed his neighbour"
    if at_play(tok.sent, run.lex, run.index.actor_at):
        return True  # "the visitors launched a fierce attack in the second half but could not score"
    if is_verb(tok) and _shots_in_words(tok, lex):
        return True  # "the minister fired fresh shots at the central bank"
    if is_noun(tok):
        return _figurative_target(tok, lex)
    if not is_verb(tok):
        return False
    return _figurative_object(tok, lex) or figurative_subject(tok, lex)


def _shots_in_words(tok, lex: Lexicon) -> bool:
    """Shots fired or fire opened by one whose shots are words: a minister, a candidate, a
    spokesman ("the minister fired shots at the opposition", "the senator opened fire on the
    bill"). (Not for every violent verb: a minister signs truces and orders arrests.)"""
    if tok.lemma_.lower() not in ("fire", "open"):
        return False
    subj = subject_up(tok)[0]
    return subj is not None and subj.lemma_.lower() in lex.words["speaker_nouns"]


def _ordinary_crime(tok, lex: Lexicon) -> bool:
    """Crime and the courts, no political violence or repression: a theft by thieves, drugs
    seized, a sentence passed ("the judge jailed the dealer"), a person held as "the jailed
    journalist", an arrest of one "suspected of stealing cars", one person's harm to their own kin
    or neighbour ("a man stabbed his neighbour"), a killing one is tried for ("charged with the
    murder of her husband")."""
    words, lemma = lex.words, tok.lemma_.lower()
    doer, obj = (child(tok, "nsubj") or subject_up(tok)[0], object_of(tok)) if is_verb(tok) else (None, None)
    if lemma in ("raid", "search") and doer is not None:
        # "the anti-corruption agency raided ...", "police raided the offices as part of a tax investigation"
        agency = {t.lower_ for t in doer.subtree} | {t.lower_ for p in _purposes(tok) for t in p.subtree}
        if agency & words["justice_agencies"]:
            return True  # "the anti-corruption agency raided the minister's home", "tax inspectors raided"
    if lemma in _THEFT and doer is not None:
        return doer.lemma_.lower() in words["thieves"] or doer.lower_ in words["thieves"]
    if lemma in _SEIZURE and _old_ordnance(obj or child(tok, "nsubjpass")):
        return True  # "a grenade from the Second World War was found on a building site"
    if lemma in _SEIZURE and obj is not None:
        seized = {t.lower_ for t in obj.subtree}  # "200 kg of cocaine", not "cocaine and rifles"
        return bool(seized & words["contraband"]) and not seized & (lex.weapon_nouns | lex.military_nouns)
    if lemma in ("jail", "imprison") and _for_a_term(tok):
        return True  # "jailed for life", "jailed for eight years": a sentence passed
    if lemma in _HOLDING:
        if tok.dep_ == "amod" or (doer is not None and doer.lower_ in words["judges"]):
            return True
        if _held_for_petty_crime(tok, words["petty_crimes"]):
            return True  # "arrested for shoplifting", "detained on suspicion of burglary"
        held = obj or (child(tok, "nsubjpass") if is_passive(tok) else None)  # "drug dealers were arrested"
        if held is None:
            return False
        crimes = {t.lower_ for t in held.subtree}  # not "dealers of arms"
        return bool(crimes & (words["petty_crimes"] | words["thieves"])) and not crimes & lex.weapon_nouns
    if lemma in _HARM and doer is not None and obj is not None and doer.lower_ in words["lone_persons"]:
        return obj.lower_ in words["kin"] and any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in obj.children)
    return _tried_for(tok, words)


def _tried_for(tok, words) -> bool:
    """What one is charged with, convicted of or jailed for ("charged with the murder of", "jailed
    for life for murdering", "charged 15 protesters with rioting"): a court's business."""
    if (
        (is_noun(tok) or tok.tag_ == "VBG")
        and tok.dep_ in ("pobj", "pcomp")
        and tok.head.lower_ in ("with", "of", "for")
    ):
        governor = tok.head.head
        return governor.lemma_.lower() in words["trial_verbs"] or governor.lower_ in words["trial_verbs"]
    return False


def _held_for_petty_crime(tok, petty) -> bool:
    """An arrest told as for an ordinary crime ("arrested for shoplifting", "detained on suspicion of
    burglary"): police work, no political violence or repression (ACLED codes arrests of note)."""
    verb = tok if tok.pos_ == "VERB" else tok.head
    return any(
        t.lower_ in petty or t.lemma_.lower() in petty
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in ("for", "on", "over")
        for t in prep.subtree
    )


def _purposes(verb) -> list:
    """What the verb was done as part of or in ("as part of a tax investigation", "in a fraud probe")."""
    preps = [c for c in verb.children if c.dep_ == "prep"]
    return [p for p in preps if p.lower_ == "in" or (p.lower_ == "as" and any(c.lower_ == "part" for c in p.subtree))]


def _for_a_term(verb) -> bool:
    """A term of prison: "for life", "for eight years"."""
    terms = [child(p, "pobj") for p in verb.children if p.dep_ == "prep" and p.lower_ == "for"]
    return any(t is not None and t.lemma_.lower() in ("life", "year", "month", "week", "decade") for t in terms)


def _old_ordnance(found) -> bool:
    """Ordnance left from a long-past war ("a bomb from the Second World War", "wartime shells")."""
    if found is None:
        return False
    words = " ".join(t.lower_ for t in found.subtree)
    return "world war" in words or any(w in words.split() for w in ("wartime", "wwii", "ww2", "ww1"))


_THEFT = {"steal", "rob", "loot", "burgle", "ransack", "raid"}
_SEIZURE = {"seize", "confiscate", "intercept", "recover", "impound", "find", "discover"}
_HOLDING = {"arrest", "detain", "jail", "imprison", "hold", "apprehend", "jailed", "detained", "imprisoned"}
_HARM = {"kill", "stab", "shoot", "murder", "beat", "attack", "hack", "strangle", "assault", "injure", "wound"}


def no_violence_done(tok, lex: Lexicon) -> bool:
    """The verb tells no violence of a conflict: its doer is no party to one, it is done to what
    violence is never done to, or it is crime or the courts' work (the snippet classifier's cue
    verbs are read so too: "the hurricane destroyed homes", "thieves stole jewellery")."""
    if tok.pos_ == "VERB" and (figurative_subject(tok, lex) or _figurative_object(tok, lex)):
        return True
    if _counted(tok, lex) or _festive_march(tok, lex) or _business_deal(tok, lex):
        return True
    if is_noun(tok) and (_crashed(tok, lex) or _visited(tok, lex)):
        return True  # "a passenger jet skidded off the runway", "the minister visited troops on the front line"
    # "a man suspected of stealing cars" under "police arrested": the arrest's, crime too
    return _ordinary_crime(tok, lex) or any(_ordinary_crime(a, lex) for a in tok.ancestors)


def _years_after(tok) -> bool:
    """An event named as the time years or decades back ("ten years after the massacre, families
    are still waiting"): a reference to the past, no news."""
    if not is_noun(tok) or tok.dep_ != "pobj" or tok.head.lower_ not in ("after", "since", "before"):
        return False
    span = [c for c in tok.head.children if c.dep_ == "npadvmod"]
    return any(c.lemma_.lower() in ("year", "decade", "century") for c in span)


def _outcry(tok, lex: Lexicon) -> bool:
    """Protest as an outcry, not a demonstration: "a storm of protest", "a chorus of protest",
    "protests online"."""
    if not is_noun(tok) or tok.lemma_.lower() != "protest":
        return False
    if any(c.lower_ == "online" for c in tok.children) or any(
        c.dep_ == "advmod" and c.lower_ == "online" for c in tok.head.children
    ):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in lex.words["outcry_nouns"]


def _recalled(tok, lex: Lexicon) -> bool:
    """An act told as what someone remembers, the verb of memory before it ("veterans recalled how
    they stormed the beaches"): a memory, no news."""
    head = tok
    for _ in range(3):
        if head.dep_ not in ("ccomp", "xcomp", "advcl") or head.head.i == head.i:
            return False
        head = head.head
        if head.lemma_.lower() in lex.words["memory_verbs"] and head.i < tok.i:
            return True  # not the reporting verb after the news: "Russia invaded Ukraine, officials recalled"
    return False


def _counted(tok, lex: Lexicon) -> bool:
    """Events counted, not told: "the number of protests has doubled", "the rate of attacks"."""
    return (
        is_noun(tok)
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.lemma_.lower() in lex.words["statistic_nouns"]
    )


def _festive_march(tok, lex: Lexicon) -> bool:
    """A march or a parade to a feast, a ceremony or a game ("students marched to the stadium for
    the graduation ceremony"): no demonstration."""
    if tok.lemma_.lower() not in ("march", "parade") or not is_verb(tok):
        return False
    places = [t for p in tok.children if p.dep_ == "prep" and p.lower_ in ("for", "to") for t in p.subtree]
    return any(t.lemma_.lower() in lex.words["festive_words"] for t in places)


def _business_deal(tok, lex: Lexicon) -> bool:
    """A deal, talks or a pact on trade, energy or money ("signed a trade deal", "talks on
    trade"): no agreement between parties of a conflict."""
    noun = tok if is_noun(tok) else object_of(tok)
    if noun is None or not {noun.lemma_.lower(), noun.lower_} & lex.words["deal_nouns"]:
        return False
    topics = lex.words["business_topics"]
    if {t.lemma_.lower() for t in noun.subtree} & lex.words["conflict_topics"]:
        return False  # "a prisoner transfer deal", "talks on a ceasefire and oil revenue"
    if any(c.dep_ in ("compound", "amod") and c.lower_ in topics for c in noun.children):
        return True
    about = [t for p in noun.children if p.dep_ == "prep" and p.lower_ in ("on", "over", "about") for t in p.subtree]
    words = {t.lower_ for t in about} | {t.lemma_.lower() for t in about}
    return bool(words & topics) and not words & lex.words["conflict_topics"]  # not "on a ceasefire and oil"


def _crashed(noun, lex: Lexicon) -> bool:
    """A craft or a vehicle that crashed or skidded ("a passenger jet skidded off the runway"):
    an accident, unless it is a weapon ("a drone crashed into a block of flats")."""
    verbs = lex.words["accident_verbs"]
    if noun.lemma_.lower() not in lex.words["vehicles"] or noun.lemma_.lower() in lex.weapon_nouns:
        return False  # not "talks collapsed"
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in verbs:
        return True
    return any(c.dep_ == "acl" and c.lemma_.lower() in verbs for c in noun.children)  # parsed as a headline


def _visited(noun, lex: Lexicon) -> bool:
    """A place or people a visit is made to ("the minister visited troops on the front line"):
    the clause's verb is a visit, no act of war."""
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.lemma_.lower() in lex.words["visit_verbs"]


def _figurative_target(noun, lex: Lexicon) -> bool:
    """An attack, an assault or a battle on what violence is never done to ("an assault on red
    tape", "a losing battle against litter"), or launched by no party to a conflict ("the
    visitors launched a fierce attack")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.i != noun.head.i:
        verb = noun.head.head
        held = child(verb, "nsubj")  # "the bill is under attack", "the bank came under attack"
        if held is not None and held.lemma_.lower() in lex.figurative_objects | lex.words["figurative_subjects"]:
            return True
        froms = [child(p, "pobj") for x in (verb, noun) for p in x.children if p.dep_ == "prep" and p.lower_ == "from"]
        if any(o is not None and o.lemma_.lower() in lex.words["critics"] for o in froms):
            return True  # "came under attack from his own party", "under fire from investors"
    if any(c.dep_ == "amod" and c.lower_ in lex.words["verbal_modifiers"] for c in noun.children):
        return True  # "a blistering attack on the central bank"
    for told in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        doer = by_object(told)
        if doer is not None and _no_party(doer, lex):
            return True  # "homes destroyed by the floods"
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("on", "against")):
        target = child(prep, "pobj")
        if target is not None and target.lemma_.lower() in lex.figurative_objects:
            return True
        if target is not None and target.lemma_.lower() in lex.words["personal_standing"]:
            if any(c.dep_ == "poss" and c.lower_ in PERSONAL_POSS for c in target.children):
                return True  # "an attack on her leadership" (not "on the Hamas leadership")
    if noun.dep_ == "dobj" and noun.head.i != noun.i:
        doer = child(noun.head, "nsubj")
        return doer is not None and _no_party(doer, lex)
    return False


def at_play(sent, lex: Lexicon, actor_at: dict) -> bool:
    """The sentence tells the play of a game ("in the second half", "could not score", "took two
    wickets") and names no party of conflict, arms or harm (``actor_at``: the actors by token):
    its attack, strike, capture or booking is the game's ("the bowler struck twice in the opening
    over", "the striker was booked in the second half")."""
    words = lex.words["play_words"]
    text = " ".join(t.lower_ for t in sent)
    told = any(t.lower_ in words or (t.pos_ == "VERB" and t.lemma_.lower() in words) for t in sent)
    if not told and not any(" " in w and f" {w} " in f" {text} " for w in words):
        return False
    for t in sent:
        actor = actor_at.get(t.i)
        if actor is not None and actor.inter in (1, 2, 3, 4, 8):
            return False  # forces or an armed group
        if t.lower_ in lex.military_nouns or t.lower_ in lex.weapon_nouns or t.lower_ == "armed":
            return False
        if t.lemma_.lower() in lex.words["casualty_words"]:
            return False
    return True


_DEBRIS = {"wreckage", "debris", "fragment", "fragments", "shrapnel", "blast", "explosion", "shockwave"}


def _done_by_a_weapon(tok, lex: Lexicon) -> bool:
    """Property a weapon or its debris damaged ("the missile smashed windows", "wreckage ...,
    smashing windows"): no destruction of its own."""
    subj = by_object(tok) if is_passive(tok) else subject_up(tok)[0]
    if subj is None:
        return False
    words = {w for t in _phrase_core(subj) for w in (t.lemma_.lower(), t.lower_)}
    return bool(words & (lex.weapon_nouns | _DEBRIS | set(lex.weapon_types)))


def _phrase_core(noun) -> list:
    """The noun with its modifiers and conjuncts ("a Shahed drone", "drones and missiles"), and
    what it is a part of when it names debris ("wreckage of a drone"), not the prepositions and
    clauses that describe it ("miners angry at the closure of the mine")."""
    core, todo = [], [noun]
    while todo:
        t = todo.pop()
        core.append(t)
        for c in t.children:
            described = c.dep_ in ("prep", "relcl", "acl", "advcl", "pobj")
            of_debris = t.lower_ in _DEBRIS or (c.dep_ == "pobj" and t.head.lower_ in _DEBRIS)
            if not described or of_debris:
                todo.append(c)
    return core


# readings that set a trigger word aside on purpose (another sense, a kind, a name, a plan or an aim,
# justice, a breach or a deal in force, a candidate's rally, the damage of another event, a question),
# not for a wording the parse or the lexicon did not foresee (a descriptive participle, a missing object)
ON_PURPOSE = frozenset(
    "compound name actor kind sense duty justice breach in_force damage aim campaign question".split()
)


def _no_event_reading(tok, trig: Trigger, run, objs: set) -> Optional[str]:
    """Why the word's reading here names no event (the name of the reading, see
    :data:`ON_PURPOSE`), or None: part of a name or a compound, a kind of thing, a descriptive
    participle, one person's duty, an aim."""
    lex = run.lex
    noun, verb = is_noun(tok), is_verb(tok)
    if noun and tok.dep_ == "compound":
        return "compound"  # "strike missions", "attack aircraft"
    if tok.i in run.index.actor_at:
        return "name"  # part of a name: "Popular Mobilization Forces"
    if tok.i + 1 < len(tok.doc) and f"{tok.lower_} {tok.nbor().lower_}" in lex.generic_actors:
        return "actor"  # "riot police": who, not what
    if noun and generic_noun(tok, lex):
        return "kind"  # "a strike means ...", "attack, bomber and fighter aircraft"
    if (
        verb
        and tok.tag_ == "VBN"
        and tok.dep_ in ("amod", "acl")
        and prep_obj(tok, "by") is None
        and child(tok, "agent") is None
        and not _root_verb_misread(tok, lex, trig)
        and not _deal_made(tok, trig)
        and not misread_past(tok)  # "while in Kisumu police arrested 30 people": a past tense the parse misread
    ):
        return (
            "participle"  # descriptive participle: "the captured soldier", "300 people killed" (not "the deal reached")
        )
    if verb and tok.dep_ == "amod":
        return "participle"
    if _another_sense(tok, trig, run):
        return "sense"  # "would hit Burundi's economy", "the storm killed three", "the talks broke down"
    if (
        verb
        and tok.tag_ == "VBG"
        and tok.dep_ == "acl"
        and tok.head.tag_.startswith("NN")
        and not _seen_doing(tok, lex)
    ):
        return "description"  # "a soldier fighting alongside Russians", "drones targeting Kyiv": a description
    if (
        trig.sub_event_type == "Change to group/activity"
        and noun
        and any(c.dep_ == "poss" and c.lower_ in PERSONAL_POSS for c in tok.children)
    ):
        return "duty"  # "his combat deployment": one person's duty ("his arrest" stays)
    if trig.kind == "exchange" and modifier_lemmas(tok) & lex.words["judicial_words"]:
        return "justice"  # "released on bail", "freed from jail": justice, not an exchange
    if noun and trig.sub_event_type == "Agreement" and _breached(tok, lex):
        return (
            "breach"  # "violated the ceasefire", "a violation of the truce": the violation is the event, not the deal
        )
    if noun and trig.sub_event_type == "Agreement" and _in_force(tok):
        return "in_force"  # "strikes kill 8 despite ceasefire", "since the ceasefire": a deal in force, not the news
    if verb and trig.sub_event_type == "Agreement" and _who_made_it(tok):
        return "description"  # "Washington and Paris, which brokered the deal": who they are, not the news
    if trig.requires_military_context and noun and not military_context(tok, objs, run.index, lex):
        return "sense"  # "the IMF's deployment of funds"
    if trig.sub_event_type == "Looting/property destruction" and verb and _done_by_a_weapon(tok, lex):
        return "damage"  # "drone wreckage crashed in the courtyard, smashing windows": the strike's damage
    if trig.sub_event_type == "Looting/property destruction" and _damage_told(tok):
        return "damage"  # "six houses were destroyed": what an attack just told left behind
    if purpose_clause(tok):
        return "aim"  # "operations to liberate Mosul", "to enable the liberation of the city": an aim
    if noun and trig.sub_event_type == "Peaceful protest" and _campaign_event(tok, lex):
        return "campaign"  # "the campaign rally", "a Trump rally": a candidate's meeting, no demonstration
    if (
        trig.needs_object_or_passive
        and child(tok, "dobj") is None
        and not any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
    ):
        return "no_object"  # "troops killed or injured" (reduced passive without agent)
    if verb and asks_who(tok):  # "didn't know who he would be fighting"
        return "relative" if _relative_who(tok) else "question"
    return None


def _relative_who(tok) -> bool:
    """The wh-word is the relative pronoun of a clause that tells of someone ("a suspected thief who
    was set ablaze by a mob"): no question. A document tells the event elsewhere, and the clause is
    set aside as a mention of the one it names; a snippet may tell it there alone (a wording
    reading, not in :data:`ON_PURPOSE`)."""
    return tok.dep_ == "relcl" and any(c.tag_ == "WP" and c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _campaign_event(tok, lex: Lexicon) -> bool:
    """A rally of an election campaign or of a politician: "the campaign rally", "a Trump rally",
    "Trump's rally", "the rally with Senate candidate X"."""
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
    if any(c.lemma_.lower() in lex.words["campaign_words"] for c in mods):
        return True
    hosts = mods + [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    return any(h.ent_type_ == "PERSON" for h in hosts)


def _fight_that_won_it(tok, trig: Trigger, run, trigger_tokens: set) -> bool:
    """A fight told as what came before ground was taken, in the taking's clause: its part."""
    if trig.sub_event_type != "Armed clash" or not is_noun(tok) or tok.dep_ != "pobj":
        return False
    host = tok.head.head
    if host.i not in trigger_tokens or fight_before(host) is None or fight_before(host).i != tok.i:
        return False
    host_trig = trigger_for(host, run.lex)
    return host_trig is not None and host_trig.cls == "territory"


def _retreat_after_a_fight(tok, trig: Trigger, trigger_tokens: set) -> bool:
    """A withdrawal told as how a fight ended ("exchanged fire with the gang for several hours
    before withdrawing to a base", "withdrew after two days of fighting"): no ground handed over
    without a fight, but the fight's end."""
    if trig.sub_event_type != "Non-violent transfer of territory" or not is_verb(tok):
        return False
    if fight_before(tok) is not None:
        return True
    prep = tok.head if tok.dep_ == "pcomp" else None
    return prep is not None and prep.lower_ in ("before", "after") and prep.head.i in trigger_tokens


def _withdrawal_that_gave_it(tok, trig: Trigger, run, trigger_tokens: set) -> bool:
    """A withdrawal told as what let the other side in, in the taking's sentence ("rebels entered
    the town after government troops withdrew"): the taking's part, not a second event."""
    if trig.sub_event_type != "Non-violent transfer of territory" or not is_verb(tok) or tok.dep_ != "advcl":
        return False
    if not any(c.dep_ == "mark" and c.lower_ in ("after", "as", "when", "once") for c in tok.children):
        return False
    host = tok.head
    host_trig = trigger_for(host, run.lex) if host.i in trigger_tokens else None
    return host_trig is not None and host_trig.cls == "territory"


def _breached(tok, lex: Lexicon) -> bool:
    """A deal the clause says was broken: the object of a breach verb ("violated the ceasefire") or
    of a breach noun ("a flagrant violation of the truce")."""
    head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok.head
    return head.lemma_.lower() in lex.words["agreement_breaches"]


# prepositions that name a deal as the setting of what is told ("despite the truce", "since the ceasefire")
_IN_FORCE = {"despite", "since", "under", "amid", "throughout"}


def _in_force(noun) -> bool:
    """A deal named as the setting of what is told ("strikes kill 8 despite ceasefire", "troops
    kept since the ceasefire", "under the deal", "since the ceasefire took effect" with no day of its
    own): a deal in force, not one made."""
    if noun.dep_ == "pobj" and noun.head.lower_ in _IN_FORCE:
        return True
    verb = noun.head if noun.dep_ in ("nsubj", "nsubjpass") else None  # "since the truce took effect"
    if verb is None or not any(c.dep_ == "mark" and c.lower_ in _IN_FORCE for c in verb.children):
        return False
    return not any(t.ent_type_ == "DATE" for t in verb.subtree)  # "since it took hold on Jan. 19": dated, told


def _who_made_it(verb) -> bool:
    """A deal made told in a relative clause on a name, with no time of its own ("urged Washington
    and Paris, which brokered the deal, to act"): who the named are, not the news."""
    if verb.dep_ != "relcl" or verb.tag_ != "VBD" or verb.head.ent_type_ not in ("GPE", "ORG", "NORP", "PERSON"):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)


def _backs_an_act(tok, run, trigger_tokens: set) -> bool:
    """The noun is in the "by" phrase that backs the subject of another trigger's verb ("Somali
    forces backed by US air strikes killed 30 fighters")."""
    x = tok
    while x.dep_ not in ("nsubj", "nsubjpass") and x.head.i != x.i:
        x = x.head
    return x.dep_ == "nsubj" and x.head.i in trigger_tokens and backing(tok, x, run.lex)


def _part_of_another(tok, trig: Trigger, run, trigger_tokens: set) -> bool:
    """The word reports an event another trigger of the sentence already names: the killing done
    by a strike or in it, a verb whose "by"-agent is the strike. (An anaphoric noun, "the
    incursion", is a mention of its own: coreference joins it to the event it names.)"""
    if trig.sub_event_type == "Agreement" and trig.status is None and _agreement_named(tok, run, trigger_tokens):
        return True  # "agreed a ceasefire", "talks on a truce": one agreement
    if trig.sub_event_type == "Agreement" and is_noun(tok) and _in_return(tok, trigger_tokens):
        return True  # "would free hostages in exchange for prisoners": one exchange
    if _fight_that_won_it(tok, trig, run, trigger_tokens):
        return True  # "retook the town after fierce fighting with the RSF": ACLED codes the taking
    if _retreat_after_a_fight(tok, trig, trigger_tokens):
        return True  # "exchanged fire with the gang for hours before withdrawing": the fight's end
    if _withdrawal_that_gave_it(tok, trig, run, trigger_tokens):
        return True  # "rebels entered the town after government troops withdrew": the taking
    if is_noun(tok) and _backs_an_act(tok, run, trigger_tokens):
        return True  # "forces backed by air strikes killed 30": the forces' act, which the strikes backed
    if trig.absorbable:
        subj = child(tok, "nsubj")
        if subj is not None and any(t.i in trigger_tokens and not backing(t, subj, run.lex) for t in subj.subtree):
            return True  # "a series of airstrikes ... killed 20 militants" (not "forces backed by air strikes killed")
        if (
            subj is not None
            and subj.lower_ in ("that", "which")
            and tok.dep_ == "relcl"
            and tok.head.i in trigger_tokens
        ):
            return True  # "strikes that kill civilians"
        if tok.dep_ in ("advcl", "xcomp", "conj") and tok.head.i in trigger_tokens and tok.tag_ == "VBG":
            return True  # "bombed the village, killing 6 civilians"
        if (
            is_verb(tok)
            and is_passive(tok)
            and by_object(tok) is None
            and any(
                g.i in trigger_tokens and is_noun(g) and not generic_noun(g, run.lex)
                for v in (tok, *(c for c in tok.children if c.dep_ == "conj" and is_verb(c)))
                for c in v.children
                if c.dep_ == "prep" and c.lower_ in ("in", "during", "after", "following")
                for g in c.children
                if g.dep_ == "pobj"
            )
        ):
            return True  # "four people were killed (and ten injured) in the attacks": the attacks are the event
        if (
            is_verb(tok)
            and is_passive(tok)
            and by_object(tok) is None
            and any(c.dep_ == "advcl" and c.i in trigger_tokens and child(c, "nsubj") is not None for c in tok.children)
        ):
            return True  # "three people were killed when soldiers fired on the crowd": the firing is the event
    if not is_verb(tok):
        return False
    by_tok = by_object(tok)
    if by_tok is None:
        by_tok = next(
            (b for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" if (b := by_object(c)) is not None), None
        )
    if by_tok is not None and by_tok.i in trigger_tokens and is_noun(by_tok):
        return True  # "was struck and killed by a coalition airstrike": the airstrike is the event
    return (
        tok.dep_ == "conj"
        and tok.head.i in trigger_tokens
        and child(tok, "nsubj", "nsubjpass") is None
        and (child(tok.head, "agent") is not None or prep_obj(tok.head, "by") is not None)
    )


def _agreement_named(tok, run, trigger_tokens: set) -> bool:
    """An agreement noun that another agreement word of the sentence takes as its object or topic
    ("agreed a ceasefire", "signed a truce", "talks on a ceasefire"): that word's agreement."""
    if not is_noun(tok) or tok.head.i == tok.i:
        return False
    host = tok.head
    if tok.dep_ == "pobj" and host.dep_ == "prep":
        host = host.head
    elif tok.dep_ not in ("dobj", "nsubjpass"):
        return False
    if host.i not in trigger_tokens:
        return False
    other = trigger_for(host, run.lex)
    return other is not None and other.sub_event_type == "Agreement"


def rejected(tok, trig: Trigger, run, trigger_tokens: set) -> bool:
    """Whether trigger word ``tok`` (whose requirements ``trigger_for`` checked) reports no event
    of its own here."""
    return not_an_event(tok, trig, run) or absorbed(tok, trig, run, trigger_tokens)


def not_an_event(tok, trig: Trigger, run) -> bool:
    """Whether the word's reading here names no event at all ("the captured soldier")."""
    return why_no_event(tok, trig, run) is not None


def why_no_event(tok, trig: Trigger, run) -> Optional[str]:
    """The reading of the word that names no event here (a name of :func:`_no_event_reading`), or None."""
    return _no_event_reading(tok, trig, run, object_lemmas(tok))


def absorbed(tok, trig: Trigger, run, trigger_tokens: set) -> bool:
    """Whether the word reports the event one of ``trigger_tokens`` names ("bombed the village,
    killing 6 civilians"): given the triggers that gave events, the word stands when its host
    gave none ("men fought in the market, killing two people", a fight with no sides)."""
    return _part_of_another(tok, trig, run, trigger_tokens)
