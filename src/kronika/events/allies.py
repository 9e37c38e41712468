"""Who acts with the first actor: ACLED's associated actor (``assoc_actor1``).

ACLED codes one actor of a joint act as ``actor1`` and the one acting beside it as
``assoc_actor_1``. A report names such an ally in two ways:

* beside the doer, in one subject: "Syrian and Russian forces attacked rebel positions"
  (actor1 Syria's forces, the first named; ally Russia's), "Wagner mercenaries and Malian
  soldiers killed ..." (Wagner; Mali's military);
* backing the doer: "the Congolese army, backed by Ugandan forces, attacked" (Uganda's
  military), "Somali forces backed by U.S. air strikes" (the United States').

Two sides of a fight named as one subject ("Russian and Ukrainian forces clashed") are the
event's two actors (:func:`kronika.events.frame._coordinated_sides`), never allies; a sponsor
named in a compound ("an Iran-backed militia") backs the group, it does not act with it.
"""

from __future__ import annotations

from typing import Optional

from kronika.events.frame import Frame, _demonym_forces, _forces_of, _state_of, actor_in
from kronika.events.parse import backing, by_object, child, is_noun, subject_up
from kronika.records import Actor


def find_ally(tok, run, fr: Frame) -> None:
    """Set ``fr.ally`` (and put the first-named ally first) for the mention at ``tok``."""
    if fr.actor1 is None:
        return
    doer = tok if is_noun(tok) else by_object(tok) if fr.passive else subject_up(tok)[0]
    if doer is None:
        return
    named = _named_together(doer, run)
    if len(named) == 2 and _same(fr.actor1, named[1]) and not _same(fr.actor2, named[0]):
        fr.actor1 = named[0]  # "American and British warplanes": the first named leads
    for other in (*named, *_backers(doer, run)):
        if not _same(other, fr.actor1) and not _same(other, fr.actor2):
            fr.ally = other
            return


def _same(a: Optional[Actor], b: Optional[Actor]) -> bool:
    if a is None or b is None:
        return False
    return a.name == b.name if a.actor_id is None or b.actor_id is None else a.actor_id == b.actor_id


def _named_together(doer, run) -> list[Actor]:
    """The actors of a coordinated subject, in the order named: "Hamas and the PIJ", "Syrian and
    Russian forces", "Hamas and Islamic Jihad fighters"."""
    d = run.index
    conj = child(doer, "conj")
    if conj is not None:
        pair = [(t, actor_in(d, t) or _demonym_forces(run, t)) for t in (doer, conj)]
    else:
        first = next((c for c in doer.children if c.dep_ in _MODIFIERS and child(c, "conj") is not None), None)
        if first is None:
            return []
        pair = [(t, _modifier_actor(run, t)) for t in (first, child(first, "conj"))]
    actors = [a if a is not None else _state_of(run, t) for t, a in pair]
    return [a for a in actors if a is not None]


_MODIFIERS = ("amod", "compound", "nmod")


def _modifier_actor(run, tok) -> Optional[Actor]:
    """The actor a modifier names: a group ("Hamas ... fighters") or a demonym's forces ("Syrian")."""
    demonyms = run.dictionary.demonyms
    if tok.i in run.index.actor_at:
        return run.index.actor_at[tok.i]
    return _forces_of(run, tok, demonyms[tok.lower_], "demonym") if tok.lower_ in demonyms else None


def _backers(doer, run) -> list[Actor]:
    """Who backs the doer in a participle's "by" phrase: "the army, backed by Ugandan forces"."""
    out = []
    for t in doer.subtree:
        if t.dep_ != "agent" or not backing(t, doer, run.lex):
            continue
        obj = child(t, "pobj")
        if obj is None:
            continue
        a = actor_in(run.index, obj) or _demonym_forces(run, obj) or _state_of(run, obj)
        if a is None:
            a = next((s for c in obj.children if c.dep_ == "compound" and (s := _state_of(run, c))), None)
        if a is not None:
            out.append(a)
    return out
