"""One-sided violence, typed by whom it falls on.

ACLED's "Attack" is violence against civilians; "Armed clash" needs two armed sides. A bare
"attacked" says neither: the clause path types it Armed clash by default. When what was
attacked is people who do not fight or a place where they live ("attacked farming communities,
killing 30", "gunmen attacked a bus"), and no armed side is named as the target, it is an Attack.
"""

from __future__ import annotations

from kronika.context import Context
from kronika.events.classify import retype
from kronika.events.corefer import typed_by_default
from kronika.events.frame import civilians_actor
from kronika.events.parse import prep_obj, trigger_root
from kronika.events.lexicon import load_lexicon
from kronika.events.subtype import after_a_protest
from kronika.records import Event

ATTACK = "Attack"
PROPERTY = "Looting/property destruction"
VIOLENT_DEMONSTRATION = "Violent demonstration"
_ARMED = {"military", "police", "rebel", "political_militia", "identity_militia", "armed_group", "coalition", "state"}


def _target(ctx: Context, e: Event, passive: bool = False):
    tok = trigger_root(ctx, e)
    if tok is not None and tok.pos_ == "NOUN" and not passive:
        return prep_obj(tok, "on", "against")  # "an acid attack on a schoolgirl"
    if tok is None or tok.pos_ != "VERB":
        return None
    deps = ("dobj", "nsubjpass") if passive else ("dobj",)
    return next((c for c in tok.children if c.dep_ in deps), None)


_PROPERTY = {
    "building",
    "office",
    "property",
    "headquarters",
    "parliament",
    "residence",
    "shop",
    "store",
    "car",
    "vehicle",
}


def attacks_on_property(ctx: Context, events: list[Event]) -> list[Event]:
    """A bare attack by no one named on buildings or property ("government buildings were
    attacked around the country") destroys property, no battle; in a report of demonstrations it
    is their violence (ACLED's Violent demonstration)."""
    out = []
    for e in events:
        obj = _target(ctx, e, passive=True) if typed_by_default(e) and e.actor1 is None else None
        if obj is not None and obj.lemma_.lower() in _PROPERTY:
            e = retype(e, VIOLENT_DEMONSTRATION if after_a_protest(obj, load_lexicon()) else PROPERTY)
        out.append(e)
    return out


def attacks_on_civilians(ctx: Context, events: list[Event]) -> list[Event]:
    """A bare attack on civilians, or on where they live, is an Attack, not a clash; so is an armed
    group's bare attack on a country ("the October 7th attack by Hamas on Israel")."""
    lex = load_lexicon()
    soft = lex.civilian_nouns | lex.words["civilian_targets"]
    out = []
    for e in events:
        if e.sub_event_type == "Armed clash" and (found := _group_on_a_country(ctx, e)) is not None:
            tok, country = found
            e = retype(e, ATTACK).model_copy(update={"actor2": civilians_actor(ctx, tok), "place": e.place or country})
        elif e.sub_event_type == "Armed clash" and (e.actor2 is None or e.actor2.kind not in _ARMED):
            obj = _target(ctx, e)
            on_soft = (
                obj is not None and (obj.lemma_.lower() in soft or obj.lower_ in soft) and not _forces_own(obj, lex)
            )
            tok = trigger_root(ctx, e)
            if (
                (typed_by_default(e) and on_soft)
                or _kills_civilians(tok, lex.civilian_nouns)
                or _when_killed(tok, soft)
            ):
                e = retype(e, ATTACK)
        out.append(e)
    return out


_GROUPS = {"rebel", "armed_group", "political_militia", "identity_militia"}


def _group_on_a_country(ctx: Context, e: Event):
    """The country an armed group's bare attack falls on, named as a whole ("Hamas attacked
    Israel"), not its forces or a base: the token of its name and the place, else None."""
    if not typed_by_default(e) or e.actor1 is None or e.actor1.kind not in _GROUPS:
        return None
    tok = trigger_root(ctx, e)
    if tok is None:
        return None
    obj = _target(ctx, e) if tok.pos_ == "VERB" else prep_obj(tok, "on", "against")
    if obj is None:
        return None
    country = next((p for p in ctx.places if p.level == "country" and p.start == obj.idx and p.role != "demonym"), None)
    return (obj, country) if country is not None else None


def _kills_civilians(tok, civilians) -> bool:
    """The clause's own killing names its dead as civilians ("stormed into the village, killing
    40 people, mostly civilians"): no armed side fell."""
    if tok is None or tok.pos_ != "VERB":
        return False
    for v in tok.children:
        if v.dep_ in ("advcl", "xcomp", "conj") and v.lemma_.lower() == "kill":
            obj = next((c for c in v.children if c.dep_ == "dobj"), None)
            if obj is not None and any(t.lemma_.lower() in civilians or t.lower_ in civilians for t in obj.subtree):
                return True
    return False


_FORCES_WORDS = {"army", "military", "police", "naval", "militia", "rebel", "insurgent"}


def _forces_own(obj, lex) -> bool:
    """The place attacked is the forces' own ("an army camp", "a military camp", "the police
    camp"): an armed side's, not where civilians live."""
    words = lex.military_nouns | _FORCES_WORDS
    return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in words for c in obj.children)


_HARMED = {"kill", "wound", "injure"}


def _when_killed(tok, civilians) -> bool:
    """The attack is told as when civilians were killed or hurt ("two aid workers were killed when
    gunmen ambushed their vehicle"): the dead it names are no armed side."""
    if tok is None or tok.pos_ != "VERB" or tok.dep_ != "advcl" or tok.head.lemma_.lower() not in _HARMED:
        return False
    if not any(c.dep_ == "advmod" and c.lower_ == "when" for c in tok.children):
        return False
    dead = next((c for c in tok.head.children if c.dep_ == "nsubjpass"), None)
    # every one named dead is a civilian ("two soldiers and a civilian were killed when ..." is a battle's toll)
    return dead is not None and all(
        t.lemma_.lower() in civilians or t.lower_ in civilians for t in (dead, *dead.conjuncts)
    )


__all__ = ["attacks_on_civilians", "attacks_on_property"]
