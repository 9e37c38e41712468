"""Small questions asked of the dependency parse: a token's subject, object, "by"-agent, whether
it is passive, a noun or a verb, an aim ("to liberate") or an indirect question."""

from __future__ import annotations

from kronika.events.lexicon import load_lexicon


SUBJ = ("nsubj", "nsubjpass", "csubj")


PRONOUNS = {"they", "it", "he", "she", "we", "them", "its", "their", "his", "her", "theirs"}


_NOMINAL_DEPS = {"pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos"}


def child(tok, *deps):
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def prep_obj(tok, *preps):
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def made_into(verb):
    """What a verb makes its object into or uses it as: "turned the hospital into their command
    centre", "used the mosque as a base" (the noun of its "into" or "as" phrase), or None."""
    return prep_obj(verb, "into", "as")


def in_phrase(tok, x) -> bool:
    """Whether ``x`` (anything with character offsets ``start`` and ``end``: a time, a place) lies in
    the phrase of ``tok``, its subtree ("the killing of students in Rangpur", "the attack on Monday")."""
    return tok.left_edge.idx <= x.start and x.end <= tok.right_edge.idx + len(tok.right_edge)


def perfect(tok) -> bool:
    """``tok`` is a verb in a perfect tense: it has "have" as its auxiliary ("had struck", "has since seized")."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)


def across_semicolon(tok) -> bool:
    """``tok`` hangs on a verb of another clause across a semicolon ("Someone smashed the windows;
    nothing appeared to be stolen", "Thousands march ...; the march ended"): the small model joins
    the two clauses, but each tells its own act."""
    head = tok.head
    lo, hi = sorted((tok.i, head.i))
    return any(t.text == ";" and t.head.i == head.i for t in tok.doc[lo + 1 : hi])


def fight_before(tok):
    """The fighting noun of an "after"/"following" phrase on ``tok`` ("retook the town after fierce
    fighting with the rebels", "after two days of fighting"), else None."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("after", "following"):
            for g in c.children:
                if g.dep_ == "pobj" and g.lemma_.lower() in _FIGHT_NOUNS:
                    return g
                if g.dep_ == "pobj":  # "after two days of fighting"
                    inner = [x for p in g.children if p.dep_ == "prep" and p.lower_ == "of" for x in p.children]
                    fight = next((x for x in inner if x.dep_ == "pobj" and x.lemma_.lower() in _FIGHT_NOUNS), None)
                    if fight is not None:
                        return fight
    return None


_FIGHT_NOUNS = {"fighting", "fight", "clash", "battle", "combat", "offensive"}


def is_passive(tok) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
        tok.tag_ == "VBN"
        and tok.dep_ in ("acl", "amod", "relcl")
        and not any(c.dep_ == "aux" for c in tok.children)
        and not misread_past(tok)
    )


def misread_past(tok) -> bool:
    """A past tense the small model parsed as a participle of its subject: a VBN with a direct
    object hung on a noun of a party ("while in Kisumu police arrested 30 people")."""
    if tok.tag_ != "VBN" or tok.dep_ != "acl" or child(tok, "dobj") is None:
        return False
    doers = load_lexicon().generic_actors
    return tok.head.lower_ in doers or tok.head.lemma_.lower() in doers


def _charge_nouns() -> frozenset:
    return load_lexicon().words["charge_nouns"]


def _held_for(prep) -> bool:
    """The phrase says what an arrest is for: "over"/"for" on a verb of arresting ("arrested two
    men over the killing of a trader", "detained for attacking a journalist")."""
    if prep.dep_ != "prep" or prep.lower_ not in load_lexicon().words["arrest_reasons"]:
        return False
    triggers = load_lexicon().by_key.get((prep.head.lemma_.lower(), "VERB"), ())
    return any(t.sub_event_type == "Arrests" for t in triggers)


def _accused(prep):
    """Who a verb of accusation lays the act of its "of"/"for" phrase on ("accused demonstrators
    of looting", "blamed the militia for shelling the town"), else None."""
    if prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
        return None
    verbs = load_lexicon().words["accusation_verbs"]
    if prep.head.dep_ == "dobj" and prep.head.head.lemma_.lower() in verbs:
        return prep.head  # "accused the rebels of killing": the parse hangs the "of" on the accused
    if prep.head.lemma_.lower() not in verbs:
        return None
    return child(prep.head, "dobj")


def backing(t, top, lex) -> bool:
    """``t`` is in the "by" phrase of a participle that backs the phrase headed by ``top`` ("its
    troops, backed by Ugandan forces", "forces supported by US air strikes"): who or what backs
    the act, not who or what does it."""
    x = t
    while x.i != top.i and x.head.i != x.i:
        if x.dep_ == "agent" and x.head.dep_ == "acl" and x.head.lemma_.lower() in lex.words["backing_verbs"]:
            return True
        x = x.head
    return False


def subject_up(tok, limit: int = 5):
    """The subject of the clause that ``tok`` belongs to, climbing through xcomp/advcl/conj."""
    cur = tok
    for _ in range(limit):
        subj = child(cur, "nsubj", "csubj")
        if subj is not None:
            return subj, cur
        if cur.i != tok.i and child(cur, "nsubjpass") is not None:
            return None, cur  # "... were killed by X, shelling ...": a passive clause's doer is no subject above it
        if (
            cur.dep_ in ("xcomp", "advcl", "conj", "ccomp", "pcomp", "acl", "dobj", "prep", "pobj")
            and cur.head.i != cur.i
        ):
            if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
                if misread_past(cur):
                    return cur.head, cur  # "in Kisumu police arrested 30 people": a past tense misread, its doer
                return None, cur  # participle modifying a noun: no clause subject
            if cur.lemma_.lower() in _charge_nouns():
                return None, cur  # "detained a man on suspicion of killing": not the police's killing
            if _held_for(cur):
                return None, cur  # "arrested two men over the killing": not the police's killing
            accused = _accused(cur)
            if accused is not None:
                return accused, cur.head  # "accused demonstrators of looting": the demonstrators loot
            cur = cur.head
            continue
        break
    return None, cur


def object_of(tok):
    obj = child(tok, "dobj", "attr", "oprd")
    if obj is None and is_noun(tok):
        obj = prep_obj(tok, "of")
    return obj


def between(tok):
    """The first side of "between A and B" told of an event word: its own phrase, that of its "of"
    ("the cessation of hostilities between Israel and Hezbollah") or, for a subject, that of its
    verb ("clashes erupted on Thursday between security forces and gunmen")."""
    of = prep_obj(tok, "of")
    found = prep_obj(tok, "between") or (prep_obj(of, "between") if of is not None else None)
    if found is None and tok.dep_ == "nsubj" and tok.head.pos_ == "VERB":
        found = prep_obj(tok.head, "between")
    return found


def gerund_subject(tok) -> bool:
    """A gerund that is a clause's subject, with no auxiliary or object of its own: a noun
    ("Fighting between the army and rebels left 20 dead")."""
    return (
        tok.tag_ == "VBG"
        and tok.dep_ in ("nsubj", "nsubjpass", "csubj")
        and not any(c.dep_ in ("aux", "dobj") for c in tok.children)
    )


def entered(tok):
    """What a verb of entering enters: its object, or the object of its "into" ("entered Goma",
    "marched into the town")."""
    return object_of(tok) or prep_obj(tok, "into")


def lemmas_of(tok) -> set[str]:
    """A word's lemma and form, lower-cased (none for no word)."""
    return set() if tok is None else {tok.lemma_.lower(), tok.lower_}


def is_noun(tok) -> bool:
    if tok.tag_.startswith("NN"):
        return True
    if tok.tag_ in ("VBZ", "VBP") and tok.dep_ in _NOMINAL_DEPS and tok.lower_.endswith("s"):
        return True  # "precision U.S. airstrikes" mis-tagged as a verb
    return not tok.tag_.startswith("VB") and tok.pos_ in ("NOUN", "PROPN")


def is_verb(tok) -> bool:
    return not is_noun(tok) and (tok.tag_.startswith("VB") or tok.pos_ in ("VERB", "AUX"))


_PLURAL_PRONOUNS = {"them", "it"}


def _previous_nouns(tok, same_sentence: bool = False, singular: bool = False) -> set[str]:
    """The nouns a pronoun object may stand for: those before it in its sentence and (unless
    ``same_sentence``) in the sentence before; for ``singular`` "it", no plural ("left the base and
    handed it over": the base, not the soldiers who left it)."""
    sent = tok.sent
    start = tok.doc[sent.start - 1].sent.start if sent.start > 0 and not same_sentence else sent.start
    return {
        w
        for t in tok.doc[start : tok.i]
        if t.pos_ == "NOUN" and not (singular and t.tag_ == "NNS")
        for w in (t.lemma_.lower(), t.lower_)
    }


def hyphenated(tok) -> set[str]:
    """The whole of a hyphenated word the tokenizer split ("a sit-down": "sit", "-", "down")."""
    doc, out = tok.doc, set()
    if tok.i >= 2 and doc[tok.i - 1].text == "-":
        out.add(f"{doc[tok.i - 2].lower_}-{tok.lower_}")
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-":
        out.add(f"{tok.lower_}-{doc[tok.i + 2].lower_}")
    return out


def object_lemmas(tok) -> set[str]:
    """The words of the object of ``tok`` (of a passive verb: its subject, "weapons were seized")."""
    out = set()
    obj = object_of(tok)
    if obj is None and tok.tag_.startswith("VB") and any(c.dep_ == "auxpass" for c in tok.children):
        obj = child(tok, "nsubjpass")
        if obj is None:  # "all 89 drones fired were shot down": the parse lost the subject
            out.update(_previous_nouns(tok, same_sentence=True))
    if obj is not None and obj.tag_ == "PRP" and obj.lower_ in _PLURAL_PRONOUNS:
        singular, obj = obj.lower_ == "it", None
        out.update(_previous_nouns(tok, singular=singular))  # "shot them down": the drones just reported
    if obj is not None and obj.tag_ == "WDT":
        obj = None  # "a guided missile, which Ukraine said it shot down": the nouns before it
    if obj is None and any(c.dep_ in ("nsubj", "dobj") and c.tag_ == "WDT" for c in tok.children):
        out.update(_previous_nouns(tok))
    if obj is not None:
        out.update({obj.lemma_.lower(), obj.lower_, *hyphenated(obj)})
        for c in obj.children:
            if c.dep_ in ("compound", "amod", "nmod"):
                out.update({c.lemma_.lower(), c.lower_})
        for c in obj.subtree:  # "approximately 10,000 to 12,000 soldiers": keep nouns
            if c.pos_ in ("NOUN", "PROPN"):
                out.update({c.lemma_.lower(), c.lower_})
    prt = child(tok, "prt")
    if prt is not None:
        out.add(prt.lower_)
    xcomp = child(tok, "xcomp") if tok.tag_.startswith("VB") else None
    if xcomp is not None:
        out.add(xcomp.lemma_.lower())  # "agreed to swap prisoners": what was agreed
    return out


def modifier_lemmas(tok) -> set[str]:
    return {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")} | {
        g.lemma_.lower() for c in tok.children if c.dep_ == "prep" for g in c.subtree
    }


def by_object(tok):
    by = prep_obj(tok, "by")
    if by is None:
        agent = child(tok, "agent")
        by = child(agent, "pobj") if agent is not None else None
    return by


def asks_who(tok) -> bool:
    """The verb's object is a wh-word ("who he would be fighting", "what they attacked"): an
    indirect question. (A relative "which" is no question: "a missile, which Ukraine said it shot
    down".)"""
    relative, up = any(c.tag_ == "WDT" for c in tok.children), tok
    for _ in range(3):
        if relative and up.dep_ == "relcl":
            return False
        if up.dep_ not in ("ccomp", "xcomp", "conj"):
            break
        up = up.head
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.tag_ in ("WP", "WDT"):
            return True
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.tag_ in ("WP", "WDT") for g in c.children):
            return True
    return False


def claimed_by(tok):
    """Who claimed the event noun: "X claimed the attack", "the attack was claimed by X", "X
    claimed responsibility for the bombing"."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in ("responsibility", "credit"):
        tok, head = head.head, head.head.head  # "claimed responsibility for the bombing"
    if head.lemma_.lower() not in ("claim", "admit") or head.pos_ != "VERB":
        return None
    if tok.dep_ == "nsubjpass":
        return by_object(head)
    if tok.dep_ == "dobj":
        return child(head, "nsubj")
    return None


def purpose_clause(tok) -> bool:
    """The trigger states an aim: an infinitive attached to a noun ("operations to liberate
    Mosul") or of purpose ("... to repel the incursion"), or a noun that such an infinitive
    governs ("to enable the liberation of the city")."""
    verb = tok
    if tok.dep_ in ("dobj", "pobj") and not tok.tag_.startswith("VB"):
        verb = tok.head if tok.dep_ == "dobj" else tok.head.head
    if verb is None or not verb.tag_ == "VB":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return True
    if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" and c.i < verb.i and c.pos_ == "NOUN" for c in verb.head.children):
        return True  # "continued operations to liberate Mosul": the parser hangs the aim on the verb
    # "deploying troops to repel the incursion": a purpose clause
    return verb.dep_ == "advcl" and verb.head.lemma_.lower() not in ("try", "attempt", "plan", "vow", "threaten")


def trigger_root(ctx, e):
    """The token that heads event ``e``'s trigger in the document's parse of ``ctx``, or None."""
    span = ctx.doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None
