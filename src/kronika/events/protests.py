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

from kronika.context import Context
from kronika.events.classify import retype
from kronika.events.frame import STATE_KINDS, generic_role, trigger_root
from kronika.events.lexicon import load_lexicon
from kronika.events.parse import prep_obj
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


def _on_protest(tok, words: frozenset) -> bool:
    """A word of the demonstration in the sentence, outside the attackers' own phrase."""
    own = _attackers(tok)
    return any(t.lemma_.lower() in words or t.lower_ in words for t in tok.sent if t.i not in own and t.i != tok.i)


def _state_forces(e: Event, tok, roles: dict) -> bool:
    """The violence is the state's: its first actor is state forces, or the sentence names
    police or soldiers ("security forces", "riot police") and no other attacker."""
    if e.actor1 is not None:
        return e.actor1.kind in STATE_KINDS or (
            e.actor1.kind == "unknown" and roles.get(e.actor1.text.lower()) in _STATE_ROLES
        )
    words = [t.lower_ for t in tok.sent]
    phrases = {" ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words))}
    return any(roles.get(p) in _STATE_ROLES for p in phrases)


def _retyped(e: Event) -> Event:
    victims = e.actor2 if e.actor2 is not None and e.actor2.kind != "civilians" else None  # the crowd: crowd_actors
    return retype(e, EXCESSIVE_FORCE).model_copy(update={"actor2": victims})


def force_on_protesters(ctx: Context, events: list[Event]) -> list[Event]:
    """An Attack on a demonstration by the state's forces is Excessive force against protesters;
    the demonstration the sentence names as its setting ("during a demonstration") is that event,
    not another."""
    lex = load_lexicon()
    words = lex.words["protest_words"]
    out, settings = [], set()
    for e in events:
        tok = trigger_root(ctx, e) if e.sub_event_type == "Attack" else None
        if tok is not None and _on_protest(tok, words) and _state_forces(e, tok, lex.generic_actors):
            e = _retyped(e)
            settings |= {t.i for t in tok.subtree if t.i != tok.i}
        out.append(e)
    return [e for e in out if not (e.event_type == "Protests" and _at(ctx, e) in settings)]


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
    return role in _CROWDS or tok.lemma_.lower() in lex.words["crowd_nouns"] or _mob(tok, lex)


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
        if crowds and not armed:  # "vigilantes and bandits fought a pitched battle": a battle with an armed group
            # two crowds (government supporters against protesting students, rival supporters): mob violence
            rival = any(t.lower_ == "rival" for s in sides for t in s.children)
            mob = (len(crowds) >= 2 or rival or all(_mob(c, lex) for c in crowds)) and not any(
                generic_role(s, lex) in ("police", "military") for s in sides
            )
            e = retype(e, MOB_VIOLENCE if mob else VIOLENT_DEMONSTRATION)
        out.append(e)
    return out


__all__ = ["EXCESSIVE_FORCE", "VIOLENT_DEMONSTRATION", "crowd_violence", "force_on_protesters"]
