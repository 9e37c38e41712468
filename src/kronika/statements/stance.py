"""The stance of a statement: what the source does with what it says.

Decided by the cue and the content's main verb, with the word lists of
``data/claims/statements.yaml``: a denial cue denies (unless negated: "did not deny"); a
claim of responsibility; a threat (a warning is a threat when the source itself will act:
"Putin warned he would strike Kyiv", else a forecast); a call ("urged", "called for", or what
others must do: "said the West must send ..."); a
forecast (a forecasting cue, or a content in the future: "said it would ..."); else an assertion.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kronika.claims import lexicon as _lex
from kronika.claims.attribution import Attribution, overlapping, source_actor
from kronika import intervals
from kronika.context import Context
from kronika.data import CLAIMS_DIR, Strict, load_yaml
from kronika.records import Stance

_KEYS = (
    "forecast_cues",
    "future_aux",
    "threat_cues",
    "warning_cues",
    "self_subjects",
    "call_cues",
    "call_particles",
    "call_needs_particle",
    "call_aux",
    "responsibility_heads",
    "responsibility_cues",
)


@dataclass(frozen=True)
class StanceLexicon:
    forecast_cues: frozenset[str]
    future_aux: frozenset[str]
    threat_cues: frozenset[str]
    warning_cues: frozenset[str]
    self_subjects: frozenset[str]
    call_cues: frozenset[str]
    call_particles: frozenset[str]
    call_needs_particle: frozenset[str]
    call_aux: frozenset[str]
    responsibility_heads: frozenset[str]
    responsibility_cues: frozenset[str]


class _StatementsFile(Strict):
    """``data/claims/statements.yaml``: the word lists of the stances."""

    forecast_cues: _lex.Words
    future_aux: _lex.Words
    threat_cues: _lex.Words
    warning_cues: _lex.Words
    self_subjects: _lex.Words
    call_cues: _lex.Words
    call_particles: _lex.Words
    call_needs_particle: _lex.Words
    call_aux: _lex.Words
    responsibility_heads: _lex.Words
    responsibility_cues: _lex.Words


@functools.lru_cache(maxsize=1)
def load() -> StanceLexicon:
    data = load_yaml(CLAIMS_DIR / "statements.yaml", _StatementsFile)
    return StanceLexicon(**{key: _lex._words(getattr(data, key)) for key in _KEYS})


def _root(ctx: Context, span: tuple[int, int]):
    toks = ctx.doc.char_span(span[0], span[1], alignment_mode="expand")
    return toks.root if toks is not None and len(toks) else None


def _future(root, lex: StanceLexicon) -> bool:
    if root is None:
        return False
    for child in root.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in lex.future_aux:
            return True
    # "is going to strike"
    return root.dep_ == "xcomp" and root.head.lower_ == "going"


def _same_actor(ctx: Context, a: Attribution, subj) -> bool:
    """Whether the subject ``subj`` names the source's own side ("Putin warned Russia would ...")."""
    mine = source_actor(ctx, a)
    span = (subj.idx, subj.idx + len(subj.text))
    theirs = overlapping(intervals.of(ctx, "actors", ctx.actors).near(*span), span)
    if mine is not None and theirs is not None:
        return mine.actor_id == theirs.actor_id or bool(mine.country_iso3) and mine.country_iso3 == theirs.country_iso3
    return a.source is not None and ctx.text[a.source[0] : a.source[1]].lower().endswith(subj.lower_)


def _self_subject(ctx: Context, a: Attribution, root, lex: StanceLexicon) -> bool:
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    if subj is None:  # "threatened to strike": the source acts
        return root is not None and root.dep_ == "xcomp"
    own = any(c.dep_ == "poss" and c.lower_ in lex.self_subjects for c in subj.children)  # "his troops"
    return subj.lower_ in lex.self_subjects or own or _same_actor(ctx, a, subj)


def _demands(ctx: Context, a: Attribution, root, lex: StanceLexicon) -> bool:
    """A content saying what others must do: "the West must send more air defence"."""
    if root is None or not any(c.dep_ == "aux" and c.lower_ in lex.call_aux for c in root.children):
        return False
    return not _self_subject(ctx, a, root, lex)


def stance(ctx: Context, a: Attribution) -> Stance:
    lex = load()
    cue_words = ctx.text[a.cue[0] : a.cue[1]].lower().split()
    lemma = a.cue_lemma
    negated = any(w in ("not", "n't", "never") or w.endswith("n't") for w in cue_words)
    if lemma in _lex.load().deny_verbs:
        return "asserts" if negated else "denies"
    content_words = ctx.text[a.content[0] : a.content[1]].lower().split()
    if lemma in lex.responsibility_cues and content_words and content_words[0] in lex.responsibility_heads:
        return "claims_responsibility"
    root = _root(ctx, a.content)
    if lemma in lex.threat_cues:
        return "threatens"
    if lemma in lex.warning_cues:
        if root is not None and root.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in root.head.children):
            return "calls_for"  # "warned residents to stay in shelters"
        acts = _self_subject(ctx, a, root, lex) and (_future(root, lex) or root.dep_ == "xcomp")
        return "threatens" if acts else "forecasts"
    if lemma in lex.call_cues and (lemma not in lex.call_needs_particle or cue_words[-1] in lex.call_particles):
        return "calls_for"
    if _demands(ctx, a, root, lex):
        return "calls_for"
    if lemma in lex.forecast_cues or _future(root, lex):
        return "forecasts"
    return "asserts"
