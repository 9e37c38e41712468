"""Who takes what: the dependency parse of a snippet's territorial-change verbs.

The snippet classifier's cue rules tell that a snippet is about territory changing hands;
which of the ACLED territory sub-event types it is depends on roles the words alone do not
give: *who* took the place (state forces → Government regains territory; a rebel group,
militia or other non-state group → Non-state actor overtakes territory), *what* was taken
(a place, or people and weapons, which are no territorial change), and whether it was only
attempted ("tried to seize", "an attack to capture ... was repelled" is an Armed clash).

:func:`territory_calls` parses the sentences that hold a capture verb (spaCy tagger and
parser only, no NER: ~5-10 ms a sentence, so the classifier calls it only when a capture
verb is there) and returns one :class:`TerritoryCall` per capture verb. The agent's kind
comes from the actor dictionary (``kronika.actors.lookup``: named groups, demonym + force
noun) and, for generic phrases, from the word lists in ``classifier.yaml``
(``territory_family``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from kronika.errors import DataError
from kronika.events.datafiles import classifier_file

_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")


@dataclass(frozen=True)
class TerritoryCall:
    verb: str
    agent: Optional[str]  # "state", "non_state" or None (unknown)
    object: str  # "territory", "person", "weapon", "other"
    attempted: bool
    main: bool  # the verb heads the first sentence (root, or conjoined to it)
    sentence: int
    start: int  # character offset of the verb in the snippet


@dataclass(frozen=True)
class _Lex:
    verbs: frozenset
    particle_verbs: dict  # lemma -> particles that make it a capture ("take" + over/back)
    object_verbs: dict  # lemma -> object lemmas that make it a capture ("take" + control)
    out_verbs: frozenset  # drive/push/flush + out: the object is the enemy, the place is "from"/"out of"
    fall_verbs: frozenset
    reporting_verbs: frozenset
    attempt_heads: frozenset
    repelled: re.Pattern
    territory_nouns: frozenset
    person_objects: frozenset
    weapon_nouns: frozenset
    state_words: frozenset
    non_state_words: frozenset
    pro_state_words: frozenset
    cue: re.Pattern


@functools.lru_cache(maxsize=1)
def _lex() -> _Lex:
    raw = classifier_file().territory_family
    if raw is None:
        raise DataError("events/classifier.yaml: territory_family: missing (the roles' word lists)")
    roles = raw.roles
    return _Lex(
        verbs=frozenset(roles.verbs),
        particle_verbs={k: frozenset(v) for k, v in roles.particle_verbs.items()},
        object_verbs={k: frozenset(v) for k, v in roles.object_verbs.items()},
        out_verbs=frozenset(roles.out_verbs),
        fall_verbs=frozenset(roles.fall_verbs),
        reporting_verbs=frozenset(roles.reporting_verbs),
        attempt_heads=frozenset(roles.attempt_heads),
        repelled=re.compile(r"\b(?:" + "|".join(roles.repelled) + r")\b"),
        territory_nouns=frozenset(roles.territory_nouns),
        person_objects=frozenset(roles.person_objects),
        weapon_nouns=frozenset(roles.weapon_nouns),
        state_words=frozenset(roles.state_words),
        non_state_words=frozenset(roles.non_state_words),
        pro_state_words=frozenset(roles.pro_state_words),
        cue=re.compile(r"\b(?:" + "|".join(raw.cues) + r")", re.I),
    )


@functools.lru_cache(maxsize=1)
def _pipes():
    from kronika import nlp as knlp

    nlp = knlp.load()
    keep = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
    return nlp, [nlp.get_pipe(n) for n in nlp.pipe_names if n in keep]


def parse(text: str):
    """A spaCy Doc of ``text`` with tags, lemmas and the dependency parse (no NER)."""
    nlp, pipes = _pipes()
    doc = nlp.make_doc(text)
    for proc in pipes:
        doc = proc(doc)
    return doc


def has_capture_cue(text: str) -> bool:
    return _lex().cue.search(text) is not None


def _phrase(tok) -> list:
    """The noun phrase of ``tok`` without relative clauses, appositions, prepositional tails and
    what is joined to it ("the army and allied militias": the army's)."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "det", "nummod", "quantmod") and c.i < tok.i + 6:
            out.extend(t for t in c.subtree if t.dep_ not in ("relcl", "acl", "appos"))
    return sorted(set(out), key=lambda t: t.i)


def _agent_kind(tok, lx: _Lex) -> Optional[str]:
    """State or non-state: the first named of a coordinated phrase decides, else the next."""
    if tok is None:
        return None
    kind = _kind_of(tok, lx)
    conj = next((c for c in tok.children if c.dep_ == "conj"), None)
    return kind if kind is not None or conj is None else _kind_of(conj, lx)


def _kind_of(tok, lx: _Lex) -> Optional[str]:
    from kronika.actors import lookup

    words = _phrase(tok)
    lows = [t.lower_ for t in words]
    lemmas = {t.lemma_.lower() for t in words} | set(lows)
    if lemmas & lx.pro_state_words:
        return "state"
    if lemmas & lx.non_state_words:
        return "non_state"
    text = " ".join(t.text for t in words if t.dep_ not in ("det", "nummod", "quantmod"))
    for candidate in (text, " ".join(t.text for t in words if t.dep_ in ("compound", "amod") or t.i == tok.i)):
        if not candidate:
            continue
        a = lookup(candidate)
        if a is not None and not a.is_source_only:
            if a.inter == 1:
                return "state"
            if a.inter in (2, 3, 4):
                return "non_state"
    if lemmas & lx.state_words:
        return "state"
    if tok.pos_ == "PROPN":
        a = lookup(tok.text)
        if a is not None and a.inter in (2, 3, 4):
            return "non_state"
    return None


def _object_kind(tok, lx: _Lex) -> str:
    if tok is None:
        return "other"
    lem = tok.lemma_.lower()
    if lem in lx.person_objects or tok.lower_ in lx.person_objects:
        return "person"
    if lem in lx.weapon_nouns or tok.lower_ in lx.weapon_nouns:
        return "weapon"
    if lem in lx.territory_nouns or tok.lower_ in lx.territory_nouns:
        return "territory"
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "LOC", "FAC"):
        return "territory"
    for t in tok.subtree:  # "parts of the town", "several areas in Akinima"
        if t.lemma_.lower() in lx.territory_nouns or (t.pos_ == "PROPN" and t.dep_ in ("pobj", "compound", "appos")):
            return "territory"
    return "other"


def _subject(verb):
    cur = verb
    for _ in range(4):
        for c in cur.children:
            if c.dep_ in ("nsubj", "csubj"):
                return speaker_of(cur, c, _lex().reporting_verbs), False
            if c.dep_ == "nsubjpass":
                return c, True
        if cur.dep_ in ("conj", "xcomp", "advcl") and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return None, False


_SPEAKER_PRONOUNS = frozenset({"they", "it", "we", "its", "their", "our"})  # possessives: "said its forces"


def speaker_of(verb, subj, reporting_verbs):
    """The speaker a pronoun subject of ``verb`` ("they", "it", or "the group") stands for when
    ``verb`` is what a verb of ``reporting_verbs`` says ("The rebels said they had captured the
    base": the rebels; "the Houthi spokesman said the group had targeted the ship": the Houthis),
    else ``subj``."""
    if not _pointing_back(subj) or verb.dep_ != "ccomp":
        return subj
    if verb.head.lemma_.lower() not in reporting_verbs:
        return subj
    speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if speaker is None:
        return subj
    return _spokesman_of(speaker) or speaker


# nouns that point back at the speaker's own organisation: "the group said it", "said the group had"
_GROUP_NOUNS = frozenset({"group", "movement", "militia", "organisation", "organization"})
# people who speak for an organisation: "Houthi military spokesman Yahya Saree"
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "commander", "leader", "official"})


def _pointing_back(subj) -> bool:
    if subj.lower_ in _SPEAKER_PRONOUNS:
        return True
    kids = list(subj.children)
    return subj.lemma_.lower() in _GROUP_NOUNS and [c.lower_ for c in kids] == ["the"]


def _spokesman_of(speaker):
    """The organisation named before a spokesman's title ("Houthi military spokesman Yahya Saree":
    Houthi), else None."""
    for t in speaker.subtree:
        if t.lemma_.lower() in _SPOKESPEOPLE and t.i <= speaker.i:
            named = [c for c in t.children if c.dep_ in ("amod", "compound") and c.text[:1].isupper()]
            if named:
                return named[0]
    return None


def _by_agent(verb):
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _pobj(verb, *preps):
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
            for g in c.children:  # "out of"
                if g.dep_ == "prep":
                    for h in g.children:
                        if h.dep_ == "pobj":
                            return h
    return None


def _is_main(verb, lx: _Lex) -> bool:
    """The verb heads its sentence: the root, conjoined to it, or what a reporting root says."""
    cur = verb
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ in ("ccomp", "parataxis") and cur.head.dep_ == "ROOT" and cur.head.lemma_.lower() in lx.reporting_verbs:
        return True
    return cur.dep_ == "ROOT"


def territory_calls(text: str, max_sentences: int = 3, parsed=None) -> list[TerritoryCall]:
    """One :class:`TerritoryCall` per capture verb in the first ``max_sentences`` sentences.
    ``parsed``: the caller's own parse of ``text`` (a Doc), read instead of parsing it again."""
    lx = _lex()
    calls: list[TerritoryCall] = []
    if parsed is not None:
        if lx.cue.search(text):
            _doc_calls(parsed, 0, 0, lx, calls)
        return calls
    offset = 0
    parts = _SENT_END.split(text)
    for si, part in enumerate(parts[:max_sentences]):
        begin = text.find(part, offset)
        offset = begin + len(part)
        if lx.cue.search(part):
            _doc_calls(parse(part), si, begin, lx, calls)
    return calls


def _taker_and_taken(tok, lem, subj, passive, dobj, prts, lx):
    """What was taken, and by whom: (agent token, object token, whether the object is likely a place)."""
    hint = False
    if lem in lx.fall_verbs:
        agent_tok = _pobj(tok, "to", "into")
        if agent_tok is not None and agent_tok.lower_ in ("hands", "control"):
            agent_tok = (
                _pobj(agent_tok, "of") or next((c for c in agent_tok.children if c.dep_ == "poss"), None) or agent_tok
            )
        obj_tok = subj
        if subj is not None and subj.pos_ == "PRON":
            obj_tok = None
            hint = True  # "after it fell to the Taliban": a place
    elif passive:
        agent_tok = _by_agent(tok)
        obj_tok = subj
    else:
        agent_tok = subj
        obj_tok = dobj
        if dobj is None and prts & {"over", "back"}:
            hint = True  # "the militia took over"
    return agent_tok, obj_tok, hint


def _doc_calls(doc, si: int, begin: int, lx, calls: list) -> None:
    """The capture verbs of ``doc`` (sentence ``si`` of a snippet, at ``begin``) added to ``calls``."""
    for sent in doc.sents:
        repelled = lx.repelled.search(sent.text.lower()) is not None
        for tok in sent:
            if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
                continue
            lem = tok.lemma_.lower()
            if lem not in lx.verbs:
                lem = tok.lower_
                if lem not in lx.verbs:
                    continue
            if tok.dep_ == "amod":
                continue  # "the occupied town"
            prts = {
                c.lower_
                for c in tok.children
                if c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ("out", "over", "back", "away")
            }
            dobj = next((c for c in tok.children if c.dep_ in ("dobj", "attr")), None)
            subj, passive = _subject(tok)
            if tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children):
                passive = True
            if lem in lx.particle_verbs and not (prts & lx.particle_verbs[lem]):
                if not (lem in lx.object_verbs and dobj is not None and dobj.lemma_.lower() in lx.object_verbs[lem]):
                    continue
            elif lem in lx.object_verbs and lem not in lx.particle_verbs:
                if dobj is None or dobj.lemma_.lower() not in lx.object_verbs[lem]:
                    continue
            agent_tok, obj_tok, hint = _taker_and_taken(tok, lem, subj, passive, dobj, prts, lx)
            if obj_tok is not None and obj_tok.lemma_.lower() == "control":
                obj_tok = _pobj(obj_tok, "of", "over") or obj_tok
            loser = _pobj(tok, "from")
            if lem in lx.out_verbs or (
                obj_tok is not None
                and _object_kind(obj_tok, lx) == "person"
                and loser is None
                and ("out" in prts or _pobj(tok, "out") is not None)
            ):
                place = _pobj(tok, "from", "out", "of")
                obj_kind = "territory" if place is not None or "out" in prts else "other"
                loser = obj_tok
            else:
                obj_kind = (
                    _object_kind(obj_tok, lx)
                    if obj_tok is not None
                    else ("territory" if hint or "control" in {c.lemma_.lower() for c in tok.subtree} else "other")
                )
            agent = _agent_kind(agent_tok, lx)
            if agent is None and loser is not None:
                lost = _agent_kind(loser, lx)
                agent = {"state": "non_state", "non_state": "state"}.get(lost or "")
            main = _is_main(tok, lx)
            attempted = (
                (repelled and not main)
                or any(c.dep_ == "neg" for c in tok.children)
                or (tok.dep_ in ("xcomp", "acl", "advcl") and tok.head.lemma_.lower() in lx.attempt_heads)
                or any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "will") for c in tok.children)
            )
            calls.append(TerritoryCall(lem, agent, obj_kind, attempted, si == 0 and main, si, begin + tok.idx))
