"""What a count counts, read from the dependency parse: ``Quantity.counted`` and ``counted_phrase``.

"45 drones and 3 missiles ... killing 12 people" gives "drone", "missile", "person". The claims
stage reads the same noun (:func:`counted_noun`) to decide what a claim measures.
"""

from __future__ import annotations

import functools
from typing import Optional

from kronika.data import QUANTITIES_DIR, Strict, load_yaml


class _CountedData(Strict):
    """``data/quantities/counted.yaml``."""

    lemmas: dict[str, str]
    words: list[str]


@functools.lru_cache(maxsize=1)
def _data() -> _CountedData:
    return load_yaml(QUANTITIES_DIR / "counted.yaml", _CountedData)


@functools.lru_cache(maxsize=1)
def _lemmas() -> dict[str, str]:
    return {k.lower(): v.lower() for k, v in _data().lemmas.items()}


@functools.lru_cache(maxsize=1)
def counted_words() -> frozenset[str]:
    """Words that name what a number counts even where spaCy tags them as adjectives or verbs."""
    return frozenset(w.lower() for w in _data().words)


def is_number(tok) -> bool:
    return tok.like_num or tok.pos_ == "NUM" or tok.dep_ in ("nummod", "quantmod")


def _of_object(tok):
    """The object of "of" under ``tok``: "two of the soldiers", "hundreds of troops"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _sentence_stop(doc, i: int, limit: int) -> int:
    """The end of token ``i``'s sentence, or ``limit`` if that comes first. (``Token.sent`` walks
    the whole sentence: a list of 10,000 numbers made this quadratic.)"""
    for j in range(i + 1, min(limit, len(doc))):
        if doc[j].is_sent_start:
            return j
    return min(limit, len(doc))


def counted_noun(span, doc):
    """The noun the number ``span`` counts, and the token the number phrase hangs on."""
    words = counted_words()
    root = span.root
    stop = _sentence_stop(doc, root.i, span.end + 4)  # the sentence's end, if it comes that soon
    while root.dep_ in ("quantmod",) and is_number(root.head) and root.head.i >= span.end:
        root = root.head  # "23 of 28 drones": the first number counts the same thing
    if root.pos_ in ("NOUN", "PROPN") and not is_number(root):
        # "Hundreds of troops": the vague amount is the head; the noun is in "of"
        pobj = _of_object(root)
        return (pobj, root) if pobj is not None else (root, root)
    if root.dep_ in ("nummod", "quantmod", "amod", "compound", "det", "npadvmod") and root.head.pos_ in (
        "NOUN",
        "PROPN",
        "ADJ",
        "VERB",
    ):
        head = root.head
        if head.pos_ in ("NOUN", "PROPN") or head.lower_ in words:
            return head, head
    pobj = _of_object(root)  # "two of the soldiers"
    if pobj is not None:
        return pobj, root
    # "2,700 wounded": the word right after the number
    nxt = doc[span.end] if span.end < stop else None
    if nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "VERB", "PROPN") and nxt.lower_ in words:
        return nxt, root
    # the next noun within three tokens ("34 more strikes"), not across a verb or punctuation
    for tok in doc[span.end : stop]:
        if tok.is_punct or tok.pos_ in ("VERB", "AUX", "ADP", "CCONJ"):
            break
        if tok.pos_ in ("NOUN", "PROPN"):
            return tok, root
    return None, root


def _lemma(tok) -> str:
    """spaCy's lemma; a proper noun keeps its spelling, save the plural ending ("World Cups")."""
    return (tok.text if tok.pos_ == "PROPN" and tok.tag_ != "NNPS" else tok.lemma_).lower()


def read_counted(doc, number_start: int, number_end: int) -> tuple[Optional[str], Optional[str]]:
    """(counted noun, counted phrase) of the bare number at [number_start, number_end) of ``doc``.
    The noun is normalized ("people" -> "person", data/quantities/counted.yaml); the phrase keeps
    spaCy's lemmas ("12 people" -> "people", as CQE writes units)."""
    span = doc.char_span(number_start, number_end, alignment_mode="expand")
    if span is None or not len(span):
        return None, None
    noun, _ = counted_noun(span, doc)
    if noun is None or noun.i < span.end or noun.like_num:
        return None, None
    mods = [c for c in noun.lefts if c.dep_ in ("amod", "compound") and c.i >= span.end and not c.like_num]
    first = max(min((m.left_edge.i for m in mods), default=noun.i), span.end)
    words = [_lemma(t) for t in doc[first : noun.i + 1] if not t.is_punct]
    head = _lemma(noun)
    return _lemmas().get(head, head), " ".join(words) or None
