"""Trigger words: which tokens may name an event (``trigger_for``) and which nouns only name a
kind of thing ("a strike means ...", "attack aircraft")."""

from __future__ import annotations

from typing import Optional

from kronika.events.lexicon import Lexicon, Trigger
from kronika.events.parse import child, is_noun, is_verb


_GENERIC_DETS = {"a", "an", "each", "any", "every"}


def trigger_for(tok, lex: Lexicon) -> Optional[Trigger]:
    if is_noun(tok):
        pos = "NOUN"  # the tagger's coarse tag sometimes calls "airstrikes" a verb
    elif is_verb(tok):
        pos = "VERB"
    else:
        return None
    if pos not in ("VERB", "NOUN"):
        return None
    keys = [(tok.lemma_.lower(), pos), (tok.lower_, pos)]
    if pos == "VERB":  # a phrasal verb first: "shot down" is not "shot"
        prt = child(tok, "prt")
        if prt is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].head.i == tok.i \
                and tok.doc[tok.i + 1].lower_ in ("down", "out", "off"):
            prt = tok.doc[tok.i + 1]  # the small model often tags the particle as an adverb
        if prt is not None:
            keys.insert(0, (f"{tok.lemma_.lower()} {prt.lower_}", pos))
    if pos == "NOUN" and tok.lower_.endswith("s"):
        keys.append((tok.lower_[:-1], pos))
    for key in keys:
        trig = lex.by_key.get(key)
        if trig is not None:
            return trig
    return None


def generic_noun(tok, lex: Lexicon) -> bool:
    """A trigger noun that names a kind of thing, not an event that happened."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and (nxt.lower_ in (",", "and", "or") or nxt.lemma_.lower() in ("aircraft", "helicopter", "plane", "jet", "mission", "package")):
        if any(c.dep_ == "conj" for c in tok.children) or (nxt.lemma_.lower() in ("aircraft", "helicopter", "plane", "jet", "mission", "package")):
            return True
    dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
    if dets & _GENERIC_DETS and not any(c.dep_ == "nummod" for c in tok.children):
        head = tok.head
        if tok.dep_ == "dobj" and head.lemma_.lower() in lex.light_verbs:
            return False
        if tok.dep_ == "nsubj" and head.lemma_.lower() in lex.absorbing_verbs:
            return False
        if tok.dep_ == "pobj" and tok.head.lower_ in ("by", "near", "on", "against"):
            return False
        if tok.dep_ in ("attr", "nsubjpass", "pobj", "nsubj", "appos", "oprd"):
            return True
    return False
