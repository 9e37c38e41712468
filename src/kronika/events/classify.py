"""Snippet classifier: a short text → ACLED sub-event type, by weighted cue rules.

The rules are data (``data/events/classifier.yaml``); this module compiles them once and
scores a text: each rule that fires adds its weight to its label (a match past the first
sentence counts ``lead_discount`` of it), the best label wins. The event stage uses the
same rules to choose among the sub-event types of a trigger's event type
(:func:`score_labels` with ``allowed``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

import yaml

from kronika.errors import KronikaError

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "events"
_LEAD_END = re.compile(r"[.!?](\s|$)")


@dataclass(frozen=True)
class Rule:
    label: str
    weight: float
    any: re.Pattern
    with_: Optional[re.Pattern]
    without: Optional[re.Pattern]


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
    raw = yaml.safe_load((DATA_DIR / "taxonomy.yaml").read_text(encoding="utf-8"))
    subs = {}
    for et, body in raw["event_types"].items():
        for name, sub in body["sub_event_types"].items():
            if "code" not in sub or "definition" not in sub:
                raise KronikaError(f"taxonomy: {name} needs code and definition")
            subs[name] = {"event_type": et, "disorder_type": sub.get("disorder_type", body["disorder_type"]), **sub}
    if len(raw["event_types"]) != 6 or len(subs) != 25:
        raise KronikaError(f"taxonomy: expected 6 event types and 25 sub-event types, got {len(raw['event_types'])}/{len(subs)}")
    for kind, body in (raw.get("kinds") or {}).items():
        if body.get("sub_event_type") not in subs:
            raise KronikaError(f"taxonomy: kind {kind} points to unknown sub-event type")
    raw["sub_event_types"] = subs
    return raw


@functools.lru_cache(maxsize=1)
def load_classifier() -> Classifier:
    raw = yaml.safe_load((DATA_DIR / "classifier.yaml").read_text(encoding="utf-8"))
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
        rules.append(Rule(r["label"], float(r["w"]), _compile(r["any"], defs), _compile(r.get("with"), defs),
                          _compile(r.get("without"), defs)))
    return Classifier(tuple(rules), order, acled25, extra, raw["fallback"], float(raw.get("lead_discount", 0.6)),
                      float(raw.get("position_slope", 0.0)),
                      code_to_name, {v: k for k, v in code_to_name.items()})


def score_labels(text: str, allowed: Optional[Iterable[str]] = None) -> dict[str, float]:
    """Label code → score for ``text`` (only labels in ``allowed`` when given)."""
    c = load_classifier()
    low = text.lower().replace("’", "'")
    m = _LEAD_END.search(low, 40)
    lead_end = m.end() if m else len(low)
    allowed_set = set(allowed) if allowed is not None else None
    scores: dict[str, float] = {}
    for rule in c.rules:
        if allowed_set is not None and rule.label not in allowed_set:
            continue
        hit = rule.any.search(low)
        if hit is None:
            continue
        if rule.with_ is not None and rule.with_.search(low) is None:
            continue
        if rule.without is not None and rule.without.search(low) is not None:
            continue
        if hit.start() < lead_end:
            # earlier is more central: the main event leads the snippet
            w = rule.weight * (1.0 - c.position_slope * hit.start() / max(lead_end, 1)) if rule.weight > 0 else rule.weight
        else:
            w = rule.weight * c.lead_discount
        scores[rule.label] = scores.get(rule.label, 0.0) + w
    return scores


def classify_code(text: str, labels: str = "acled25") -> tuple[str, float]:
    """(label code, confidence) with ``labels`` "acled25" (ACLED only) or "case30" (+5 extra)."""
    c = load_classifier()
    allowed = c.acled25 if labels == "acled25" else c.acled25 | c.extra
    scores = score_labels(text, allowed)
    scores = {k: v for k, v in scores.items() if v > 0}
    if not scores:
        return c.fallback, 0.0
    rank = {label: i for i, label in enumerate(c.order)}
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], rank[kv[0]]))
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    return best, round(top / (top + second), 3)


def classify_text(text: str) -> tuple[str, float]:
    """The ACLED sub-event type of a snippet ("Air/drone strike", ...) and a confidence 0-1."""
    code, score = classify_code(text)
    return load_classifier().code_to_name[code], score
