"""Snippet classifier: a short text → ACLED sub-event type, by weighted cue rules.

The rules are data (``data/events/classifier.yaml``); this module compiles them once and
scores a text: each rule that fires adds its weight to its label (a match past the first
sentence counts ``lead_discount`` of it). The rules decide the *family*; two families are
then typed the way ACLED defines them rather than by which cue weighs most:

* protests and riots by escalation (:func:`protest_member`): demonstrators' own violence →
  Violent demonstration; else lethal or serious force against them → Excessive force; else
  dispersal or arrests → Protest with intervention; else Peaceful protest;
* territorial change by roles from the dependency parse (:mod:`kronika.events.roles`, read
  only when a capture verb is there): who took the place (state forces or a non-state
  group), whether a place was taken at all, whether it was only attempted, and whether it
  changed hands without a fight.

When no rule fires, a bag-of-words back-off estimated from kronika's own invented examples
(:mod:`kronika.events.backoff`) answers; among the labels the rules propose, its posterior
breaks near-ties. The event stage uses the same rules to choose among the sub-event types
of a trigger's event type (:func:`score_labels` with ``allowed``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from kronika.errors import KronikaError
from kronika.events.datafiles import classifier_file
from kronika.events.prefixes import pattern_prefixes, word_prefixes
from kronika.vocab import taxonomy

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "events"
_LEAD_END = re.compile(r"[.!?](\s|$)")


@dataclass(frozen=True)
class Rule:
    label: str
    weight: float
    any: re.Pattern
    with_: Optional[re.Pattern]
    without: Optional[re.Pattern]
    prefixes: Optional[frozenset] = None  # the word prefixes `any` can match at (kronika.events.prefixes)
    with_prefixes: Optional[frozenset] = None  # and `with`


@dataclass(frozen=True)
class ProtestFamily:
    members: tuple[str, ...]  # PEACE_PROTEST, PROTEST_WITH_INTER, FORCE_AGAINST_PROTEST, VIOL_DEMONSTR
    absorb: frozenset
    context: re.Pattern
    grievance: Optional[re.Pattern]
    violent: re.Pattern
    force: re.Pattern
    no_harm: Optional[re.Pattern]
    intervention: re.Pattern
    weight: float  # the family's score when only `context` names a demonstration
    crowd: re.Pattern  # people who demonstrate (for the verbs that also have other senses)


@dataclass(frozen=True)
class TerritoryFamily:
    members: tuple[str, ...]  # GOV_REGAINS_TERIT, NON_STATE_ACTOR_OVERTAKES_TER, NON_VIOL_TERRIT_TRANSFER
    weight: float
    cues: re.Pattern
    nonviolent: re.Pattern
    fighting: re.Pattern


@dataclass(frozen=True)
class Classifier:
    rules: tuple[Rule, ...]
    order: tuple[str, ...]
    acled25: frozenset
    extra: frozenset
    fallback: str
    lead_discount: float
    position_slope: float
    code_to_name: dict
    name_to_code: dict
    protest: Optional[ProtestFamily] = None
    territory: Optional[TerritoryFamily] = None
    backoff_weight: float = 0.0


def _compile(patterns: Iterable[str], defs: dict) -> Optional[re.Pattern]:
    parts = []
    for p in patterns or []:
        for _ in range(3):  # definitions may nest once or twice
            p = re.sub(r"\{(\w+)\}", lambda m: defs.get(m.group(1), m.group(0)), p)
        parts.append(f"(?:{p})")
    if not parts:
        return None
    try:
        return re.compile(r"\b(?:" + "|".join(parts) + r")(?!\w)")
    except re.error as exc:
        raise KronikaError(f"events classifier: bad pattern {patterns!r}: {exc}") from exc


@functools.lru_cache(maxsize=1)
def load_taxonomy() -> dict:
    """``taxonomy.yaml``: event types, sub-event types (with codes), kinds."""
    raw = taxonomy().model_dump(exclude_unset=True)
    subs = {}
    for et, body in raw["event_types"].items():
        for name, sub in body["sub_event_types"].items():
            subs[name] = {"event_type": et, "disorder_type": sub.get("disorder_type", body["disorder_type"]), **sub}
    if len(raw["event_types"]) != 6 or len(subs) != 25:
        raise KronikaError(
            f"taxonomy: expected 6 event types and 25 sub-event types, got {len(raw['event_types'])}/{len(subs)}"
        )
    for kind, body in (raw.get("kinds") or {}).items():
        if body.get("sub_event_type") not in subs:
            raise KronikaError(f"taxonomy: kind {kind} points to unknown sub-event type")
    raw["sub_event_types"] = subs
    return raw


def retype(event, name: str):
    """``event`` as ACLED sub-event type ``name``, with that type's event type and disorder type."""
    info = load_taxonomy()["sub_event_types"][name]
    return event.model_copy(
        update={"sub_event_type": name, "event_type": info["event_type"], "disorder_type": info["disorder_type"]}
    )


@functools.lru_cache(maxsize=1)
def load_classifier() -> Classifier:
    raw = classifier_file().model_dump(by_alias=True, exclude_unset=True)
    tax = load_taxonomy()
    code_to_name = {v["code"]: k for k, v in tax["sub_event_types"].items()}
    defs = raw.get("defs") or {}
    order = tuple(raw["order"])
    acled25, extra = frozenset(raw["acled25"]), frozenset(raw["extra"])
    if set(code_to_name) != acled25:
        raise KronikaError("events classifier: acled25 labels differ from the taxonomy codes")
    rules = []
    for r in raw["rules"]:
        if r["label"] not in order:
            raise KronikaError(f"events classifier: unknown label {r['label']}")
        cue, with_ = _compile(r["any"], defs), _compile(r.get("with"), defs)
        prefixes, with_prefixes = pattern_prefixes(cue) if cue else None, pattern_prefixes(with_) if with_ else None
        without = _compile(r.get("without"), defs)
        rules.append(Rule(r["label"], float(r["w"]), cue, with_, without, prefixes, with_prefixes))
    protest = None
    pf = raw.get("protest_family")
    if pf:
        protest = ProtestFamily(
            tuple(pf["members"]),
            frozenset(pf.get("absorb") or ()),
            _compile(pf["context"], defs),
            _compile(pf.get("grievance"), defs),
            _compile(pf["violent"], defs),
            _compile(pf["force"], defs),
            _compile(pf.get("no_harm"), defs),
            _compile(pf["intervention"], defs),
            float(pf.get("w", 9)),
            _compile(["{crowd}", "protesters?", "demonstrators?", "activists?", "supporters", "opposition"], defs),
        )
        if len(protest.members) != 4 or not set(protest.members) <= set(order):
            raise KronikaError("events classifier: protest_family needs the four protest/riot codes")
    territory = None
    tf = raw.get("territory_family")
    if tf:
        territory = TerritoryFamily(
            tuple(tf["members"]),
            float(tf.get("w", 13)),
            _compile(tf["cues"], defs),
            _compile(tf["nonviolent"], defs),
            _compile(tf["fighting"], defs),
        )
        if len(territory.members) != 3 or not set(territory.members) <= set(order):
            raise KronikaError("events classifier: territory_family needs the three territory codes")
    return Classifier(
        tuple(rules),
        order,
        acled25,
        extra,
        raw["fallback"],
        float(raw.get("lead_discount", 0.6)),
        float(raw.get("position_slope", 0.0)),
        code_to_name,
        {v: k for k, v in code_to_name.items()},
        protest,
        territory,
        float(raw.get("backoff_weight", 0.0)),
    )


def _fires(rule: Rule, low: str) -> Optional[re.Match]:
    """The earliest match of ``rule`` in ``low`` when the rule fires (its ``with`` found, its
    ``without`` not), else None."""
    hit = rule.any.search(low)
    if hit is None:
        return None
    if rule.with_ is not None and rule.with_.search(low) is None:
        return None
    if rule.without is not None and rule.without.search(low) is not None:
        return None
    return hit


@functools.lru_cache(maxsize=1024)
def _fired(low: str, labels: Optional[frozenset]) -> tuple[tuple[Rule, int, int], ...]:
    """The rules for ``labels`` (all when None) that fire in ``low``, in rule order, each with
    where its cue starts and ends. Kept for the last texts read: the trigger pass, the snippet
    classifier and the cue finder read the same sentence in turn (:func:`forget_texts` empties
    it when a document's events are read). A rule whose cue begins no word of the text is not
    searched (:mod:`kronika.events.prefixes`)."""
    words = word_prefixes(low)
    return tuple(
        (rule, hit.start(), hit.end())
        for rule in load_classifier().rules
        if (labels is None or rule.label in labels)
        and _may_fire(rule, words)
        and (hit := _fires(rule, low)) is not None
    )


def _may_fire(rule: Rule, words: frozenset[str]) -> bool:
    """False when the text's word prefixes ``words`` hold none that the rule's cue, or its
    ``with``, begins with: the rule cannot fire there."""
    return (rule.prefixes is None or not rule.prefixes.isdisjoint(words)) and (
        rule.with_prefixes is None or not rule.with_prefixes.isdisjoint(words)
    )


def forget_texts() -> None:
    """Drop the texts :func:`_fired` kept: each document's sentences are read afresh, so that
    neither memory nor a timing carries over from one document to the next."""
    _fired.cache_clear()


def cue_span(text: str, code: str) -> Optional[tuple[int, int]]:
    """Where in ``text`` the first rule for label ``code`` that fires found its cue: the words an
    event read by the classifier is anchored to."""
    c = load_classifier()
    low = text.lower().replace("’", "'")
    labels = c.acled25 if code in c.acled25 else frozenset((code,))  # the set its scores were read with
    return next(
        ((start, end) for rule, start, end in _fired(low, labels) if rule.label == code and rule.weight > 0), None
    )


def score_labels(text: str, allowed: Optional[Iterable[str]] = None) -> dict[str, float]:
    """Label code → score for ``text`` (only labels in ``allowed`` when given)."""
    c = load_classifier()
    low = text.lower().replace("’", "'")
    lead_end = _lead_end(low)
    scores: dict[str, float] = {}
    for rule, start, _ in _fired(low, frozenset(allowed) if allowed is not None else None):
        if start < lead_end:
            # earlier is more central: the main event leads the snippet
            w = rule.weight * (1.0 - c.position_slope * start / max(lead_end, 1)) if rule.weight > 0 else rule.weight
        else:
            w = rule.weight * c.lead_discount
        scores[rule.label] = scores.get(rule.label, 0.0) + w
    return scores


_AMBIGUOUS_PROTEST = re.compile(r"(demonstrat(ed|ing|es)|rall(ied|ying|ies)|dissent|boycott\w*|picket\w*)$")


def _lead_end(low: str) -> int:
    m = _LEAD_END.search(low, 40)
    return m.end() if m else len(low)


def protest_member(text: str) -> str:
    """The protest/riot sub-event type of a snippet about a demonstration, by escalation:
    demonstrators' own violence → VIOL_DEMONSTR; else lethal weapons or serious injuries
    against them → FORCE_AGAINST_PROTEST; else an attempt to disperse, stop or arrest them →
    PROTEST_WITH_INTER; else PEACE_PROTEST. The protest's cause ("over the killing of ...")
    and "no one was hurt" are set aside first."""
    pf = load_classifier().protest
    low = text.lower().replace("’", "'")
    if pf.grievance is not None:
        low = pf.grievance.sub(" ", low)
    if pf.violent.search(low):
        return pf.members[3]
    if pf.no_harm is not None:
        low = pf.no_harm.sub(" ", low)
    if pf.force.search(low):
        return pf.members[2]
    if pf.intervention.search(low):
        return pf.members[1]
    return pf.members[0]


def _resolve_protest(text: str, scores: dict[str, float], c: Classifier) -> dict[str, float]:
    pf = c.protest
    if pf is None:
        return scores
    fam = max((scores.get(m, 0.0) for m in pf.members), default=0.0)
    low = text.lower().replace("’", "'")
    lead_end = _lead_end(low)
    ctx = pf.context.search(low)
    in_lead = ctx is not None and ctx.start() < lead_end
    if in_lead and _AMBIGUOUS_PROTEST.match(ctx.group(0)) and not pf.crowd.search(low, 0, lead_end):
        in_lead = False  # "the army demonstrated its strength", "troops rallied": no crowd, no demonstration
    if fam <= 0 and not in_lead:
        return scores
    out = dict(scores)
    strength = max(fam, pf.weight) if in_lead else fam
    if in_lead:
        # a demonstration named in the lead: arrests, killings, arson, scuffles happened at it
        for lab in pf.absorb:
            v = out.get(lab, 0.0)
            if v > 0:
                strength = max(strength, v)
                del out[lab]
    for m in pf.members:
        out.pop(m, None)
    out[protest_member(text)] = strength
    return out


def _resolve_territory(text: str, scores: dict[str, float], c: Classifier, parsed=None) -> dict[str, float]:
    tf = c.territory
    if tf is None:
        return scores
    low = text.lower().replace("’", "'")
    if tf.cues.search(low) is None:
        return scores
    fam = max((scores.get(m, 0.0) for m in tf.members), default=0.0)
    best = max(scores.items(), key=lambda kv: kv[1])[0] if scores else None
    if fam <= 0 and best not in (None, "ARMED_CLASH"):
        return scores  # the parse could not make it a territorial change: spare it
    from kronika.events.roles import territory_calls

    if parsed is not None and hasattr(parsed, "as_doc"):
        parsed = parsed.as_doc()  # a sentence of the document's parse, copied only now that it is read
    calls = territory_calls(text, parsed=parsed)
    if not calls:
        return scores
    gov, non_state, non_viol = tf.members
    done = [k for k in calls if k.object == "territory" and not k.attempted]
    out = dict(scores)
    if not done:
        if fam > 0 and any(k.attempted and k.object == "territory" for k in calls):
            # an attempt to take a place that failed or is only intended: the fighting is the event
            for m in tf.members:
                out.pop(m, None)
            out["ARMED_CLASH"] = max(out.get("ARMED_CLASH", 0.0), fam)
        elif fam > 0 and not any(k.object == "territory" for k in calls):
            # people, weapons or goods taken: no territorial change
            for m in (gov, non_state):
                out.pop(m, None)
        return out
    known = [k for k in done if k.agent is not None]
    call = known[0] if known else done[0]
    if tf.nonviolent.search(low) and not tf.fighting.search(tf.nonviolent.sub(" ", low)):
        member = non_viol  # ("without a fight" is no fight)
    elif call.agent == "state":
        member = gov
    elif call.agent == "non_state":
        member = non_state
    else:
        if fam <= 0:
            return scores
        member = max((gov, non_state), key=lambda m: out.get(m, 0.0))
        if out.get(member, 0.0) <= 0:
            return scores
    strength = max(fam, tf.weight)
    if call.main:
        # a completed capture heading the snippet outranks the fighting that went with it
        strength = max(strength, out.get("ARMED_CLASH", 0.0) + 1.0)
    for m in tf.members:
        out.pop(m, None)
    out[member] = strength
    return out


def sentence_scores(text: str) -> dict[str, float]:
    """The snippet classifier's label scores for one sentence of a document, protests resolved
    by escalation as for a snippet (the territory reading needs a parse: the events stage has
    its own, from the pipeline's parse)."""
    c = load_classifier()
    return _resolve_protest(text, score_labels(text, c.acled25), c)


def classify_code(text: str, labels: str = "acled25", parsed=None) -> tuple[str, float]:
    """(label code, confidence) with ``labels`` "acled25" (ACLED only) or "case30" (+5 extra).
    ``parsed``: the caller's parse of ``text`` (a Doc of that text alone, or the sentence Span of
    a document's parse), so that the territory reading does not parse it again with the default
    pipeline."""
    c = load_classifier()
    allowed = c.acled25 if labels == "acled25" else c.acled25 | c.extra
    scores = _resolve_territory(text, _resolve_protest(text, score_labels(text, allowed), c), c, parsed)
    scores = {k: v for k, v in scores.items() if v > 0}
    from kronika.events.backoff import load_backoff

    nb = load_backoff()
    if not scores:
        # no cue rule speaks to it: the bag-of-words back-off from kronika's authored examples
        label, p = nb.best(text, allowed)
        if label is None:
            return c.fallback, 0.0
        return label, round(min(p, 0.5), 3)
    if c.backoff_weight and len(scores) > 1:
        # among the labels the rules propose, the back-off's posterior breaks near-ties
        post = nb.posterior(text, allowed)
        scores = {k: v + c.backoff_weight * post.get(k, 0.0) for k, v in scores.items()}
    rank = {label: i for i, label in enumerate(c.order)}
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], rank[kv[0]]))
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    return best, round(top / (top + second), 3)


def classify_text(text: str) -> tuple[str, float]:
    """The ACLED sub-event type of a snippet ("Air/drone strike", ...) and a confidence 0-1."""
    code, score = classify_code(text)
    return load_classifier().code_to_name[code], score
