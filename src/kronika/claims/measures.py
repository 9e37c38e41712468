"""What a number counts: from a quantity through the dependency parse to a measure and a subject.

"3,800 casualties" → casualties; "300 people killed" → killed (the participle decides for a
noun of people); "capturing two wounded North Korean military personnel" → captured (the
governing verb outranks the adjective); "around 1,250 square kilometers of territory" → area
(the unit); "Hundreds of North Korean troops killed or injured" → casualties (two verb
measures combined). Numbers that count nothing war-relevant get no measure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from kronika.claims import lexicon as _lex
from kronika.quantities.counted import counted_noun as _counted_noun
from kronika.quantities.counted import is_number as _is_number

_PERSON = "person"


@dataclass(frozen=True)
class Reading:
    measure: str
    noun: Optional[object]  # spaCy Token: the counted noun, if any
    verb: Optional[object]  # spaCy Token: the verb that decided the measure, if any
    anchor: object  # spaCy Token: the token the claim hangs on (noun, else number)
    subject: Optional[tuple[int, int]]  # character span of whose


def _keys(tok) -> tuple[str, ...]:
    low = tok.lower_
    return (tok.lemma_.lower(), low, low[:-1] if low.endswith("s") else low)


def _noun_measure(tok, lex) -> Optional[str]:
    for key in _keys(tok):
        if key in lex.nouns:
            return lex.nouns[key]
    return None


_PEOPLE_PRONOUNS = {"whom", "them"}  # "27 of whom were killed", "12 of them were freed"


def _is_person(tok, lex) -> bool:
    return (
        any(k in lex.people_nouns for k in _keys(tok))
        or (_noun_measure(tok, lex) == "troops")
        or tok.lower_ in _PEOPLE_PRONOUNS
    )


def _verb_measure(tok, lex) -> Optional[str]:
    lemma = tok.lemma_.lower()
    if lemma in lex.verbs:
        return lex.verbs[lemma]
    if tok.lower_ in lex.nouns and tok.pos_ in ("VERB", "ADJ"):  # "wounded", "killed" tagged as adjectives
        return lex.nouns[tok.lower_]
    return None


_QUANTIFIERS = {"many", "several", "some", "others", "more", "dozens", "scores", "hundreds", "thousands", "few"}


def _with_conj(tok, lex) -> Optional[str]:
    """Verb measure of ``tok``, combined with a coordinated verb ("killed or injured")."""
    m = _verb_measure(tok, lex)
    if m is None:
        return None
    for c in tok.children:
        between = tok.doc[min(tok.i, c.i) + 1 : max(tok.i, c.i)]
        own_count = any(g.dep_ in ("nsubj", "nsubjpass", "nummod") or g.lower_ in _QUANTIFIERS for g in c.children)
        if c.dep_ == "conj" and not own_count and not any(_is_number(t) for t in between):
            # not "10 killed and 35 injured", nor "three were killed—and many wounded": another count
            m2 = _verb_measure(c, lex)
            if m2 and m2 != m:
                return lex.combine.get((m, m2), m)
    return m


def _applies(verb_measure: str, noun_kind: str, lex) -> bool:
    return noun_kind in lex.verb_applies_to.get(verb_measure, frozenset())


def _governing_verb(anchor):
    """The verb of which the number phrase is object, passive subject or prepositional object."""
    tok = anchor
    hops = 0
    while tok.dep_ in ("conj", "appos") and hops < 3:
        tok = tok.head
        hops += 1
    if tok.dep_ in ("dobj", "nsubjpass", "obj", "attr", "oprd"):
        return tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ in ("agent",):
        return tok.head.head
    return None


def _doer_of_harm(verb, lex) -> bool:
    """The verb kills or wounds in the active voice ("Gang attack kills at least 70"): its subject
    is who did it, not whose dead are counted."""
    return verb.lemma_.lower() in lex.harm_verbs and not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _subject_span(doc, noun, anchor, verb, lex) -> Optional[tuple[int, int]]:
    """Whose: a demonym/name modifying the counted noun, else the subject of the verb, else 'among X'."""
    if noun is not None:
        mods = [
            c
            for c in noun.lefts
            if c.dep_ in ("amod", "compound", "nmod", "poss")
            and (c.pos_ == "PROPN" or c.text[:1].isupper() or c.ent_type_ in ("NORP", "GPE", "ORG"))
            and not _is_number(c)
            and c.lower_ not in lex.verbs
        ]
        if mods:
            first = min(m.left_edge.i for m in mods)
            if doc[first].lower_ in ("all", "the", "some", "other") or doc[first].is_punct:
                first += 1
            return doc[first].idx, noun.idx + len(noun.text)
        if _is_person(noun, lex) and noun.lemma_.lower() not in (
            "people",
            "person",
            "personnel",
            "soldier",
            "troop",
            "force",
            "fighter",
            "man",
            "member",
        ):
            return noun.idx, noun.idx + len(noun.text)
        for c in noun.rights:
            if c.dep_ == "prep" and c.lower_ in ("among", "of") and noun is anchor:
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in ("PROPN", "NOUN") and pobj is not noun:
                    return pobj.left_edge.idx, pobj.idx + len(pobj.text)
    head = verb
    if head is not None and not _doer_of_harm(head, lex):
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ != "PRON":
            return subj.left_edge.idx, subj.idx + len(subj.text)
    return None


def read(doc, start: int, end: int, unit: Optional[str]) -> Optional[Reading]:
    """The measure of the quantity at [start, end) in ``doc``, or None if it counts nothing of war."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return _gapped(span.root, doc, unit) or _read(doc, span, unit)


def _read(doc, span, unit: Optional[str]) -> Optional[Reading]:
    lex = _lex.load()
    noun, anchor = _counted_noun(span, doc)
    if noun is not None and noun is anchor and noun.lower_ in _QUANTIFIERS:
        noun = None  # "Dozens were killed": the number word counts the people the verb tells of
    verb = _governing_verb(anchor)
    if unit is not None:
        measure = lex.units.get(unit)
        if measure is None:
            return None
        return Reading(measure, noun, verb, anchor, _subject_span(doc, None, anchor, verb, lex))
    measure = None
    decided_by = None
    if noun is not None:
        measure = _noun_measure(noun, lex)
        nxt2 = [noun.nbor(2)] if noun.i + 2 < len(noun.doc) and noun.nbor(1).pos_ == "CCONJ" else []
        for c in [*noun.children, *nxt2]:  # "6,000 dead and wounded"
            other = _noun_measure(c, lex) if c.dep_ == "conj" or c in nxt2 else None
            if measure and other and other != measure and (measure, other) in lex.combine:
                measure = lex.combine[(measure, other)]
        if noun.lemma_.lower() in lex.area_nouns and measure is None:
            return None  # "two villages": not an area in km2; a count of places is not a measure here
        kind = _PERSON if _is_person(noun, lex) else (measure or "")
        # participles after the noun or the number ("300 people killed", "2,700 wounded in action")
        candidates = [
            c
            for c in (*noun.children, *(anchor.children if anchor is not noun else ()))
            if c.dep_ in ("acl", "relcl", "ccomp")
        ]
        # a verb governing the phrase ("capturing two ... personnel", "may be lost")
        if verb is not None:
            candidates.insert(0, verb)
        if anchor.dep_ in ("nsubj",) and anchor.head.pos_ == "VERB":
            candidates.append(anchor.head)  # "Hundreds of troops killed or injured ..."
        if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and noun.head.dep_ in ("ccomp", "acl"):
            candidates.append(noun.head)
        candidates += [c for c in noun.children if c.dep_ == "amod"]  # "two wounded soldiers"
        candidates += [  # "shot dead two polio workers": the parse hangs "dead" on the number
            g for c in noun.children if c.dep_ == "nummod" for g in c.children if g.dep_ == "amod"
        ]
        for cand in candidates:
            vm = _with_conj(cand, lex)
            if vm and _applies(vm, kind, lex):
                if kind == "equipment" or vm.startswith("equipment"):
                    measure = "equipment"
                else:
                    measure = vm
                decided_by = cand
                break
        if decided_by is None and kind == _PERSON and (state := _left_state(noun, verb, lex)) is not None:
            measure, decided_by = _noun_measure(state, lex), state  # "leaving six people dead"
        if measure is None and kind == _PERSON:
            return None  # people, with no war-relevant verb: not a claim
        if measure == "troops" and verb is not None:
            # "Russian losses exceed 500,000 troops": the subject says what is counted
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and _noun_measure(subj, lex) in (
                "casualties",
                "killed",
                "wounded",
                "captured",
                "missing",
            ):
                measure = _noun_measure(subj, lex)
    else:
        measure, decided_by = _by_verb_alone(anchor, verb, lex)
    if measure is None or measure.startswith("equipment_"):
        measure = "equipment" if measure else None
    if measure is None and (noun is None or noun.lemma_.lower() in lex.toll_nouns or not _is_person(noun, lex)):
        toll = _toll(anchor, lex)
        if toll is not None:
            return toll
    if measure is None:
        return None
    return Reading(measure, noun, decided_by, anchor, _subject_span(doc, noun, anchor, verb or decided_by, lex))


def gapped_number(tok) -> bool:
    """A bare number conjoined to another count, its own verb and noun left out ("... killed in
    Kharkiv and two in Sumy")."""
    return tok.like_num and tok.dep_ == "conj"


def _gapped(num, doc, unit: Optional[str]) -> Optional[Reading]:
    """A number whose clause leaves out the verb and the noun of the one before it ("Three people
    were killed in Kharkiv and two in Sumy"): it counts what that clause counts."""
    verb = num.head
    if not gapped_number(num) or verb.pos_ != "VERB" or unit is not None:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    count = next((c for c in subj.subtree if c.like_num), None) if subj is not None else None
    if count is None or count.i >= num.i:
        return None
    first = read(doc, count.idx, count.idx + len(count), None)
    if first is None:
        return None
    return Reading(first.measure, first.noun, first.verb, num, first.subject)


def _by_verb_alone(anchor, verb, lex) -> tuple:
    """(measure, the word that decided it) of a number with no counted noun, the object of its
    verb ("killed 300", "captured 12", "shot dead four others"); (None, None) when none."""
    if verb is None:
        return None, None
    vm = _with_conj(verb, lex)
    if vm and _applies(vm, _PERSON, lex):
        return vm, verb
    state = _left_state(anchor, verb, lex)
    return (_noun_measure(state, lex), state) if state is not None else (None, None)


def _left_state(noun, verb, lex):
    """The state a verb leaves the counted people in: "leaving six people dead", "left 20 wounded",
    "shot dead four others" (the state right after the verb)."""
    if verb is None:
        return None
    state = next(
        (c for c in verb.children if (c.dep_ == "oprd" and c.i > noun.i) or (c.dep_ == "acomp" and c.i == verb.i + 1)),
        None,
    )
    return state if state is not None and _noun_measure(state, lex) in ("killed", "wounded") else None


def _toll(anchor, lex) -> Optional[Reading]:
    """ "The death toll rose to 45", "the number of civilians killed has risen to 43,000",
    "Russian losses exceeded 500,000": the number is the object of a verb of level or change
    (directly, or through "to"/"at"/"from"/"by"), and the verb's subject says what is counted."""
    tok = anchor
    while tok.dep_ in ("conj", "appos") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "prep" and tok.lower_ in ("from", "to", "by"):  # the span "from 30 to 45" itself
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ in ("to", "at", "from", "by", "above", "over", "past"):
        verb = tok.head.head
        if verb.dep_ == "prep" and verb.lower_ == "from":  # "from 30 to 45": "to" hangs on "from"
            verb = verb.head
    elif tok.dep_ in ("dobj", "attr", "npadvmod", "oprd"):
        verb = tok.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in lex.toll_verbs:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    lemma = subj.lemma_.lower()
    measure, counted = None, None
    if lemma in lex.toll_nouns:
        measure = lex.toll_nouns[lemma]
        # "the death toll", "the casualty toll", "the civilian death toll"
        for c in subj.lefts:
            if c.dep_ in ("compound", "amod", "nmod") and _noun_measure(c, lex) not in (None, "troops"):
                measure = _noun_measure(c, lex)
        # "the number of deaths", "the number of civilians killed", "the number of people displaced"
        of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            counted = pobj
            inner = _noun_measure(pobj, lex)
            participle = next(
                (
                    _with_conj(c, lex)
                    for c in pobj.children
                    if c.dep_ in ("acl", "relcl", "amod") and _with_conj(c, lex)
                ),
                None,
            )
            if participle and _applies(participle, _PERSON if _is_person(pobj, lex) else (inner or ""), lex):
                measure = participle
            elif inner and not (_is_person(pobj, lex) and inner == "troops" and lemma != "toll"):
                measure = inner
            elif lemma != "toll":
                measure = None
    else:
        m = _noun_measure(subj, lex)
        if m in ("casualties", "killed", "wounded", "captured", "missing", "displaced"):  # "losses exceeded"
            measure, counted = m, subj
    if measure is None or measure.startswith("equipment"):
        return None
    return Reading(measure, counted or subj, verb, anchor, _toll_whose(counted, subj, lex))


def _toll_whose(counted, subj, lex):
    """Whose toll, (start, end): "Russian losses", "Israel's death toll", "the number of civilians killed"."""
    for head in (counted, subj):
        if head is None:
            continue
        mods = [
            c
            for c in head.lefts
            if c.dep_ in ("amod", "compound", "nmod", "poss")
            and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG"))
            and not _is_number(c)
        ]
        if mods:
            first = min(m.left_edge.i for m in mods)
            return (head.doc[first].idx, mods[-1].idx + len(mods[-1].text))
        if (
            counted is not None
            and head is counted
            and _is_person(head, lex)
            and head.lemma_.lower() not in ("people", "person")
        ):
            return (head.idx, head.idx + len(head.text))
    return None
