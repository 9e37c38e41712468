"""Violence at a demonstration, typed as ACLED types it.

ACLED's "Excessive force against protesters" is lethal force or serious injury that state forces
inflict on a demonstration ("soldiers fired on crowds protesting against bread prices, killing
three", "security forces shot dead a boy during a demonstration"). The clause path reads such a
sentence by its verb of violence (an Attack); this pass retypes it when the demonstration is what
the violence falls on and the state's forces are the ones who use it. A crowd's own violence
("protesters attacked a police station") stays what it is, and so does violence by others (gunmen
attacking a rally is an Attack).
"""

from __future__ import annotations

from typing import Optional

from kronika.context import Context
from kronika.events.classify import retype
from kronika.events.corefer import fold_in, merge
from kronika.events.frame import RIVALS, STATE_KINDS, generic_role, partisans
from kronika.events.lexicon import load_lexicon
from kronika.events.parse import hyphenated, prep_obj, trigger_root
from kronika.records import Event

EXCESSIVE_FORCE = "Excessive force against protesters"
_STATE_ROLES = {"police", "military"}


def _attackers(tok) -> set[int]:
    """Token indexes of the trigger's subject phrase (the ones who act), also through a conjoined
    or governing verb ("police opened fire ..., killing two")."""
    verb = tok
    while verb.dep_ in ("conj", "advcl", "xcomp") and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    return {t.i for c in verb.children if c.dep_ in ("nsubj", "agent") for t in c.subtree}


def _on_protest(tok, words: frozenset, demos: set[int]) -> bool:
    """A word of the demonstration in the sentence ("protest", a demonstration's trigger such as
    "sit-in", which the tokenizer splits), outside the attackers' own phrase."""
    own = _attackers(tok)
    return any(
        t.lemma_.lower() in words or t.lower_ in words or t.i in demos or _split_word(t, words)
        for t in tok.sent
        if t.i not in own and t.i != tok.i
    )


def _split_word(t, words: frozenset) -> bool:
    """A hyphenated word of ``words`` the tokenizer split, singular or plural ("a sit-in", "sit-ins")."""
    return any(w in words or w.removesuffix("s") in words for w in hyphenated(t))


def _state_forces(e: Event, tok, lex) -> bool:
    """The violence is the state's: its first actor is state forces, or the sentence names
    police or soldiers ("security forces", "riot police") and no other attacker, or a weapon only
    they turn on a crowd ("hit by a tear gas canister")."""
    roles = lex.generic_actors
    words = [t.lower_ for t in tok.sent]
    phrases = {" ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words))}
    if phrases & set(lex.words["crowd_control_weapons"]):
        return True
    if e.actor1 is not None:
        return e.actor1.kind in STATE_KINDS or (
            e.actor1.kind == "unknown" and roles.get(e.actor1.text.lower()) in _STATE_ROLES
        )
    return any(roles.get(p) in _STATE_ROLES for p in phrases)


def _retyped(e: Event) -> Event:
    victims = e.actor2 if e.actor2 is not None and e.actor2.kind != "civilians" else None  # the crowd: crowd_actors
    return retype(e, EXCESSIVE_FORCE).model_copy(update={"actor2": victims})


def force_on_protesters(ctx: Context, events: list[Event]) -> list[Event]:
    """An Attack on a demonstration by the state's forces is Excessive force against protesters;
    the demonstration the sentence names as its setting ("during a demonstration") is that event,
    not another."""
    lex = load_lexicon()
    demos = {_at(ctx, e) for e in events if e.event_type == "Protests" or e.sub_event_type == EXCESSIVE_FORCE}
    words = lex.words["protest_words"]
    out, settings = [], set()
    for e in events:
        tok = trigger_root(ctx, e) if e.sub_event_type == "Attack" else None
        if tok is not None and _on_protest(tok, words, demos) and _state_forces(e, tok, lex):
            e = _retyped(e)
            settings |= {t.i for t in tok.subtree if t.i != tok.i}
        out.append(e)
    return [e for e in out if not (_at(ctx, e) in demos and _at(ctx, e) in settings)]


_SETTINGS = {"during", "in", "at", "amid"}
_HURT = {"kill", "die", "injure", "wound", "shoot"}
_BACK = _AHEAD = 8  # sentences, as corefer.NEAR_SENTENCES


def _at_protest(tok, words: frozenset) -> bool:
    """The clause names a demonstration as its setting ("killed during the protests")."""
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in _SETTINGS]
    nouns = [o for p in preps for c in p.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)]
    return any(o.lemma_.lower() in words for o in nouns)


def _nearest_protest(events: list[Event], demos: list[int], e: Event) -> Optional[int]:
    """Of the demonstrations ``demos`` (indexes into ``events``), the one told last before ``e``,
    else the one told first in the few sentences after."""
    before = [n for n in demos if events[n].start < e.start and e.sentence - events[n].sentence <= _BACK]
    after = [n for n in demos if events[n].start > e.start and events[n].sentence - e.sentence <= _AHEAD]
    return before[-1] if before else (after[0] if after else None)


def deaths_at_protests(ctx: Context, events: list[Event]) -> list[Event]:
    """People killed or hurt by no one the clause names, at a demonstration it names as the setting
    ("at least 50 people have been killed during the protests", "dozens were injured at the
    rally"), are told of as part of the demonstration reported nearest: one more mention of it, not
    an event of their own (its toll stays with violence: see ``tolls.only_violence_kills``)."""
    words = load_lexicon().words["protest_words"]
    demos = [n for n, x in enumerate(events) if x.event_type in ("Protests", "Riots")]
    into: dict[int, list[Event]] = {}
    for e in events:
        tok = trigger_root(ctx, e) if e.sub_event_type == "Attack" and e.actor1 is None else None
        if tok is None or tok.lemma_.lower() not in _HURT or not _at_protest(tok, words):
            continue
        at = _nearest_protest(events, demos, e)
        if at is not None:
            into.setdefault(at, []).append(e)
    folded = {id(e) for group in into.values() for e in group}
    out = []
    for n, e in enumerate(events):
        for killing in into.get(n, []):
            e = merge(ctx, e, killing).model_copy(update={"actor2": e.actor2})  # the victims: the crowd
        if id(e) not in folded:
            out.append(e)
    return out


def _at(ctx: Context, e: Event) -> int:
    tok = trigger_root(ctx, e)
    return -1 if tok is None else tok.i


VIOLENT_DEMONSTRATION = "Violent demonstration"
MOB_VIOLENCE = "Mob violence"
_CROWDS = {"protesters", "rioters"}


def _sides(tok) -> list:
    """The parties of a clash or attack: its subject ("protesters attacked ..."), the parties
    "between" which a clash broke out, and the side "with" which one clashed."""
    out = []
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "agent")), None)
    if subj is not None and tok.pos_ in ("VERB", "AUX"):
        out.append(subj)
    heads = [tok, tok.head] if tok.dep_ == "nsubj" else [tok]  # "clashes erupted between ..."
    for c in (c for h in heads for c in h.children):
        if c.dep_ == "prep" and c.lower_ in ("between", "with", "among"):
            for o in c.children:
                if o.dep_ == "pobj":
                    out += [o, *(x for x in o.conjuncts)]
    return out


def _crowd(tok, lex) -> bool:
    role = generic_role(tok, lex)
    return role in _CROWDS or tok.lemma_.lower() in lex.words["crowd_nouns"] or partisans(tok, lex) or _mob(tok, lex)


def _crowd_of(tok, lex):
    """The crowd a side names through a count or a group ("rival groups of football supporters",
    "hundreds of youths"), else the side itself."""
    of = prep_obj(tok, "of")
    return of if of is not None and _crowd(of, lex) else tok


def _mob(tok, lex) -> bool:
    """A crowd that is no demonstration: villagers, residents, a mob."""
    return tok.lemma_.lower() in lex.words["mob_nouns"]


def crowd_violence(ctx: Context, events: list[Event]) -> list[Event]:
    """A clash or an attack a crowd takes part in ("stone-throwing protesters clashed with riot
    police", "supporters of the candidate attacked a police station") is ACLED's Violent
    demonstration: the demonstrators' own violence; two crowds against each other ("government
    supporters clashed with protesting students"), or a crowd that is no demonstration
    ("villagers armed with machetes attacked a neighbouring village"), are mob violence."""
    lex = load_lexicon()
    out = []
    for e in events:
        tok = trigger_root(ctx, e) if e.sub_event_type in ("Armed clash", "Attack") and e.kind is None else None
        sides = _sides(tok) if tok is not None else []
        crowds = [c for c in (_crowd_of(s, lex) for s in sides) if _crowd(c, lex)]
        armed = any(generic_role(x, lex) == "armed_group" for s in sides for x in (s, *s.conjuncts))
        armed = armed or (tok is not None and _gunfight(tok, lex))
        if crowds and not armed:  # "vigilantes and bandits fought a pitched battle": a battle with an armed group
            # two crowds (government supporters against protesting students, rival supporters): mob violence
            rivals = any(
                t.lower_ in RIVALS for c in (*crowds, *sides) for t in c.subtree
            )  # "supporters of rival parties"
            mob = (len(crowds) >= 2 or rivals or all(_mob(c, lex) for c in crowds)) and not any(
                generic_role(s, lex) in ("police", "military") for s in sides
            )
            e = retype(e, MOB_VIOLENCE if mob else VIOLENT_DEMONSTRATION)
        elif (
            sides
            and not armed
            and e.sub_event_type == "Armed clash"
            and (e.actor1 is None or e.actor1.via == "unknown")
            and (_unarmed_rivals(sides[0], lex) or _fought_with_crude_arms(tok, lex))
        ):
            e = retype(e, MOB_VIOLENCE)
        out.append(e)
    return out


_FORCES = {"police", "military", "armed_group"}


_LIGHT_ARMS = {"light", "medium", "heavy", "automatic", "small"}  # "light and medium weapons": firearms


def _gunfight(tok, lex) -> bool:
    """The clause tells of guns fired ("exchanged gunfire", "fought with rifles", "with medium and
    light weapons"): sides that shoot at each other are armed, whoever they are, and their fight is
    a battle (ACLED's communal militias), not a crowd's brawl."""
    fire = lex.words["firearm_words"]
    objs = [
        o
        for c in tok.children
        if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "with")
        for g in ([c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"])
        for o in (g, *g.conjuncts)
    ]
    for o in objs:
        if o.lower_ in fire or o.lemma_.lower() in fire:
            return True
        mods = {m.lower_ for m in o.children if m.dep_ in ("amod", "conj")} | {
            m.lower_ for a in o.children if a.dep_ == "amod" for m in a.conjuncts
        }
        if o.lemma_.lower() == "weapon" and mods & _LIGHT_ARMS:
            return True
    return False


def _fought_with_crude_arms(tok, lex) -> bool:
    """A fight the clause says was fought with sticks, knives or clubs alone ("members of two rival
    clans fought with sticks and knives"), by sides none of which is the state's forces or gunmen:
    a brawl, mob violence (not "militants fought soldiers with rifles and machetes")."""
    arms = [
        o
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj"
        for o in (g, *g.conjuncts)
    ]
    crude = lex.words["crude_weapons"]
    if not arms or not all(a.lemma_.lower() in crude or a.lower_ in crude for a in arms):
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    parties = [subj, *subj.conjuncts] if subj is not None else []
    return bool(parties) and not any(generic_role(p, lex) in _FORCES for p in parties)


def _unarmed_rivals(subj, lex) -> bool:
    """Rivals no one names as armed fight each other ("rival student groups clashed on campus",
    "members of two rival clans fought with sticks", "herders and farmers fought"), not "rival
    militias" or "soldiers and rebels"."""
    sides = [subj, *subj.conjuncts]
    if any(generic_role(s, lex) is not None for s in sides):
        return False
    return len(sides) > 1 or any(t.lower_ in RIVALS for t in subj.subtree) or _two_communities(subj)


def _two_communities(subj) -> bool:
    """Two communities named by the words before one noun ("Hindu and Muslim groups", "Christian and
    Muslim youths"): two sides, each a community."""
    mods = [c for c in subj.children if c.dep_ in ("amod", "compound") and c.i < subj.i]
    named = [m for m in mods for m in (m, *m.conjuncts) if m.text[:1].isupper() and m.i < subj.i]
    return len({m.i for m in named}) >= 2


_FOUGHT = {"Armed clash", VIOLENT_DEMONSTRATION, MOB_VIOLENCE, "Attack"}


def _lethal(sent, lex) -> bool:
    words = [t.lower_ for t in sent]
    pairs = {" ".join(words[i : i + 2]) for i in range(len(words))}
    lethal = set(lex.words["lethal_words"])
    return any(t.lemma_.lower() in lethal or t.lower_ in lethal for t in sent) or bool(pairs & lethal)


def _police_clash(sent, lex) -> bool:
    """A clash in the sentence that the state's forces are a side of ("police clashes with
    protesters", "clashes with police", "clashes between students and armed police")."""
    return any(
        t.lemma_.lower() == "clash" and any(generic_role(x, lex) in _STATE_ROLES for x in t.subtree if x.i != t.i)
        for t in sent
    )


_SUPPORTERS = {"supporter", "loyalist", "cadre", "partisan"}


def _counter_crowd(sent, lex) -> bool:
    """Another crowd fights the demonstration too ("government supporters and police clashed with
    students", "members of the ruling party's youth wing"): a street fight, not the state's force."""
    return any(partisans(t, lex) or t.lemma_.lower() in _SUPPORTERS for t in sent)


def deadly_clashes(ctx: Context, events: list[Event]) -> list[Event]:
    """Deaths or live fire in clashes between the state's forces and a demonstration ("22 people
    were killed in police clashes with protesters", "clashes with police, who used live bullets
    as protesters scaled the walls") are lethal force on the demonstration: Excessive force
    against protesters, not the crowd's violence nor a battle. A crowd named only as rioters, an
    armed group, or the supporters of a side fighting too keep the clash what it is."""
    lex = load_lexicon()
    words = lex.words["protest_words"]
    out = []
    for e in events:
        tok = trigger_root(ctx, e) if e.sub_event_type in _FOUGHT else None
        a1 = e.actor1
        if (
            tok is not None
            and (a1 is None or a1.kind in _CROWDS or a1.kind in STATE_KINDS)
            and any(t.lemma_.lower() in words for t in tok.sent)
            and not any(generic_role(t, lex) in ("rioters", "armed_group") for t in tok.sent)
            and not _counter_crowd(tok.sent, lex)
            and _police_clash(tok.sent, lex)
            and _lethal(tok.sent, lex)
        ):
            e = _retyped(e)
        out.append(e)
    return out


def _kept_from_protest(verb, words: frozenset) -> bool:
    """The verb an arrest is joined to acts on a demonstration ("prevented relatives from holding
    a vigil", "banned the march", "dispersed the rally")."""
    return any(t.lemma_.lower() in words or t.lower_ in words for t in verb.subtree if t.i != verb.i)


def arrests_at_protests(ctx: Context, events: list[Event]) -> list[Event]:
    """Arrests joined in one clause to what the state's forces did to a demonstration ("prevented
    relatives from holding a vigil and detained several women", "banned the march and arrested 20
    people who gathered anyway") are an intervention in it (ACLED's "Protest with intervention"):
    the crowd its actor, the arresting force the other side."""
    words = load_lexicon().words["protest_words"]
    out = []
    for e in events:
        tok = trigger_root(ctx, e) if e.sub_event_type == "Arrests" else None
        if tok is not None and tok.dep_ == "conj" and _kept_from_protest(tok.head, words):
            e = retype(e, "Protest with intervention").model_copy(update={"actor1": None, "actor2": e.actor1})
        out.append(e)
    return out


_CROWD_TYPES = ("Protests", "Riots")
_NEAR_SENTENCES = 4


def _protest_of_the_day(events: list[Event], e: Event) -> Optional[int]:
    """The index of the demonstration or riot told near arrest ``e``, on its day and at its place
    (or with no place of its own told for the arrest)."""
    day = e.time.start_date if e.time is not None else None
    placed = e.place_from == "clause" and e.place is not None
    found = []
    for k, p in enumerate(events):
        if p.event_type not in _CROWD_TYPES or p.status != "occurred" or p.background:
            continue
        if p.time is None or day is None or p.time.start_date != day:
            continue
        if placed and (p.place is None or p.place.geonameid != e.place.geonameid):
            continue
        told = [x.sentence for x in (p, *p.mentions) if x.sentence <= e.sentence]  # the nearest told before it
        gap = e.sentence - max(told) if told else abs(p.sentence - e.sentence)
        if placed or gap <= _NEAR_SENTENCES:  # an arrest placed in the protest's town, or told near it
            found.append((gap, -len(p.mentions), k))
    return min(found)[2] if found else None


def _people_named(ctx: Context, e: Event) -> bool:
    """The arrest takes a person the report names or points at ("arrested him", "the union
    leader was arrested"), or is made at a home: an arrest of its own, not a crowd's."""
    if e.actor2 is not None and e.actor2.kind == "person":
        return True
    tok = trigger_root(ctx, e)
    if tok is None:
        return False
    taken = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(t.tag_ in ("PRP", "NN", "NNP") and not any(c.dep_ == "nummod" for c in t.children) for t in taken):
        return True  # one person
    where = prep_obj(tok, "at", "from")
    return where is not None and where.lemma_.lower() in load_lexicon().words["home_words"]


def _told_in_the_arrest(ctx: Context, arrest: Event, protest: Event) -> bool:
    """The demonstration is named in the arrest's own clause ("arrested three activists for
    organising the rally", "courted arrest"), not in another clause of its sentence ("Police
    arrested 50 people, adding that officers had been attacked with stones")."""
    tok = trigger_root(ctx, arrest)
    if tok is None:
        return any(x.sentence == arrest.sentence for x in (protest, *protest.mentions))
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    heads = {a.idx for a in list(tok.ancestors)[:2]}  # "Party workers courted arrest": the protest's own clause
    return any(
        lo <= x.start < hi or x.start in heads
        for x in (protest.trigger, *protest.mentions)
        if x.sentence == arrest.sentence
    )


def arrests_on_protest_day(ctx: Context, events: list[Event]) -> list[Event]:
    """People arrested at a demonstration or a riot the report tells, on its day and at its place
    ("At least 10 people were arrested", "More than 100 people in London were arrested for violent
    disorder"), are part of it (ACLED codes the arrests within the demonstration): a peaceful
    protest they end becomes a protest with intervention. A named person's arrest stays its own."""
    out, folded = list(events), set()
    for k, e in enumerate(events):
        if e.sub_event_type != "Arrests" or e.status != "occurred" or e.background or _people_named(ctx, e):
            continue
        j = _protest_of_the_day(out, e)
        if j is None or j in folded or _told_in_the_arrest(ctx, e, out[j]):
            continue  # "arrested three activists for organising the rally": the arrest is the news
        host = out[j]
        merged = fold_in(ctx, host, e, keep=("actor1",), actor2=host.actor2 or e.actor1)
        if host.sub_event_type == "Peaceful protest" and e.actor1 is not None and e.actor1.kind in STATE_KINDS:
            merged = retype(merged, "Protest with intervention")
        out[j] = merged
        folded.add(k)
    return [e for k, e in enumerate(out) if k not in folded]


__all__ = [
    "EXCESSIVE_FORCE",
    "arrests_on_protest_day",
    "VIOLENT_DEMONSTRATION",
    "arrests_at_protests",
    "crowd_violence",
    "deadly_clashes",
    "deaths_at_protests",
    "force_on_protesters",
]
