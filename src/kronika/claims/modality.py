"""How a figure is said: asserted, denied, forecast, hypothetical, estimated or negated.

The clause of the claim is walked from the counted noun up to the sentence root; the
auxiliaries, negations, subordinators and cue verbs met on the way decide. A denial by
the source of an attribution ("Russia denies ...") outranks everything; then negation,
hypothesis ("could", "if"), forecast ("may be lost by April 2025", "expected to"), and
estimate ("an estimated", "X estimated").
"""

from __future__ import annotations

from typing import Optional

from kronika.claims import lexicon as _lex
from kronika.records import Modality


def _path(tok):
    """``tok`` and its ancestors up to the root of the sentence."""
    yield tok
    yield from tok.ancestors


def modality(
    anchor, quantity_text: str, qualifier_text: Optional[str], denied: bool, cue_lemma: Optional[str]
) -> Modality:
    lex = _lex.load()
    if denied:
        return "denied"
    negated = hypothetical = forecast = estimated = False
    for tok in _path(anchor):
        if tok is not anchor:
            lemma = tok.lemma_.lower()
            if lemma in lex.deny_verbs:
                return "denied"
            if lemma in lex.cue_verbs and tok.pos_ in ("VERB", "AUX") and lemma not in lex.forecast_words:
                break
        for child in tok.children:
            low = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and low in lex.negation_words and tok is anchor):
                # only the clause of the claim: negation on the verb governing the figure
                negated = True
            if child.dep_ in ("aux", "auxpass"):
                if low in lex.hypothetical_aux:
                    hypothetical = True
                elif low in lex.forecast_aux:
                    forecast = True
            if child.dep_ == "mark" and low in lex.hypothetical_words:
                hypothetical = True
        if tok.lemma_.lower() in lex.forecast_words and tok.pos_ in ("VERB", "ADJ"):
            forecast = True
        if tok.dep_ == "ROOT":
            break
    if (
        (qualifier_text and qualifier_text.lower() in lex.estimated_words)
        or (cue_lemma and cue_lemma in lex.estimated_words)
        or "estimated" in quantity_text.lower()
    ):
        estimated = True
    if negated:
        return "negated"
    if hypothetical:
        return "hypothetical"
    if forecast:
        return "forecast"
    if estimated:
        return "estimated"
    return "asserted"
