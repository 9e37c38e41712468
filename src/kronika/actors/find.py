"""Finding actor mentions in a parsed document.

Three sources, in order of trust:

1. dictionary phrases (aliases, leaders with their titles, agencies, media) found by two
   spaCy PhraseMatchers built once per vocabulary (case-insensitive, and case-sensitive
   for short acronyms such as "SBU" or "IS");
2. demonym phrases: a demonym followed by a group noun ("North Korean soldiers",
   "Ukrainian authorities") → the country's military / government / police / civilians,
   plural demonyms used as nouns ("Russians") → the military; country names and capitals
   only where they act (subject, agent, object of a verb, "Russia's forces") — "Russia's
   Kursk Oblast" is a place, "Pyongyang assists" is a government (via="capital");
3. spaCy PERSON / ORG / NORP entities not in the dictionary, kept as text with a guessed
   kind (media and think tanks are sources only), and armed groups named by proper nouns before
   a group noun ("the Gran Grif gang").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from kronika.actors.dictionary import Dictionary, Entry, _norm, load_dictionary
from kronika.context import Context
from kronika.intervals import Intervals
from kronika.places.lexicon import load as places_lexicon
from kronika.records import Actor

_AGENT_DEPS = {"nsubj", "nsubjpass", "dobj", "agent", "appos", "attr", "dative", "csubj"}
_ACTOR_PREPS = {"by", "against", "between", "from", "with", "on"}
_MATCHERS: dict[int, tuple] = {}


def _variants(text: str) -> set[str]:
    out = {text}
    if "'" in text:
        out.add(text.replace("'", "’"))
    if "-" in text:
        out.add(text.replace("-", "–"))
    return out


def _matchers(vocab) -> tuple:
    """(phrase matcher lower, phrase matcher cased, demonym matcher, key → info), cached per vocab."""
    cached = _MATCHERS.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    import spacy
    from spacy.matcher import PhraseMatcher

    d = load_dictionary()
    make = spacy.blank("en", vocab=vocab).make_doc
    lower, cased, dem = (
        PhraseMatcher(vocab, attr="LOWER"),
        PhraseMatcher(vocab, attr="ORTH"),
        PhraseMatcher(vocab, attr="LOWER"),
    )
    info: dict[int, tuple] = {}
    groups: dict[tuple, list] = {}
    for ph in d.phrases:
        groups.setdefault((ph.entry_id, ph.via, ph.cased), []).extend(_variants(ph.text))
    for (entry_id, via, is_cased), texts in groups.items():
        key = f"kronika_actor|{entry_id}|{via}"
        (cased if is_cased else lower).add(key, [make(t) for t in sorted(set(texts))])
        info[vocab.strings[key]] = (entry_id, via)
    for text, iso3 in d.demonyms.items():
        key = f"kronika_dem|{iso3}|adj"
        dem.add(key, [make(t) for t in _variants(text)])
        info[vocab.strings[key]] = (iso3, "adj")
    for text, iso3 in d.plural_demonyms.items():
        key = f"kronika_dem|{iso3}|plural"
        dem.add(key, [make(t) for t in _variants(text)])
        info[vocab.strings[key]] = (iso3, "plural")
    built = (lower, cased, dem, info)
    _MATCHERS[id(vocab)] = (vocab, built)
    return built


def _head_noun(doc, start: int, nouns: dict[str, str], limit: int = 4, blockers=frozenset()):
    """The group noun after a demonym: (role, end token index) or None.

    Skips numbers, adjectives, determiners and particles ("two wounded North Korean
    military personnel", "Ukrainian special forces")."""
    i = start
    stop = min(len(doc), start + limit + 2)
    while i < stop:
        tok = doc[i]
        if tok.is_punct and tok.text not in ("-",):
            return None
        if tok.lower_ in blockers:
            return None
        two = f"{tok.lower_} {doc[i + 1].lower_}" if i + 1 < len(doc) else None
        three = f"{two} {doc[i + 2].lower_}" if two and i + 2 < len(doc) else None
        for phrase, width in ((three, 3), (two, 2)):
            if phrase and phrase in nouns:
                return nouns[phrase], i + width
        if tok.lower_ in nouns and tok.pos_ in ("NOUN", "PROPN", "ADJ", "X"):
            # "military" as an adjective before "personnel": prefer the later noun
            if tok.pos_ == "ADJ" and i + 1 < stop and doc[i + 1].lower_ in nouns:
                i += 1
                continue
            return nouns[tok.lower_], i + 1
        if tok.pos_ in ("NUM", "ADJ", "DET", "ADV", "PART") or tok.dep_ in ("amod", "compound", "nummod"):
            i += 1
            continue
        return None
    return None


def _acts(span, ctx: Context) -> bool:
    """Does a country or capital name stand for an actor here (not for a place)?"""
    for p in ctx.places:
        if p.role == "actor" and p.start <= span.start_char and span.end_char <= p.end:
            return True
    root = span.root
    doc = span.doc
    if span.end < len(doc) and doc[span.end].tag_ == "POS":
        return False  # "Russia's Kursk Oblast" (possessive of a group noun is handled before)
    tok = root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in _AGENT_DEPS:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in _ACTOR_PREPS:
        if tok.head.lower_ == "with":
            nxt = doc[span.end] if span.end < len(doc) else None
            return nxt is not None and nxt.tag_ in ("VBG", "VBD", "VBZ", "VBP")
        if tok.head.lower_ in ("from", "on"):
            return False
        return True
    if tok.dep_ in ("ROOT",) and tok.pos_ == "PROPN":
        return True  # headline "Russia: ..."
    return False


def _capital_acts(span, ctx: Context) -> bool:
    """A capital stands for its government only as a speaker or agent ("Moscow denied", "on
    the condition that Pyongyang assists"); struck, hit or shelled it is the city. The places
    stage has read the sentence already: its role decides when it found the name."""
    for p in ctx.places:
        if p.start <= span.start_char and span.end_char <= p.end:
            return p.role == "actor"
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "agent", "csubj") or (tok.dep_ == "ROOT" and tok.pos_ == "PROPN")


def _guess_kind(text: str, label: str, d: Dictionary) -> str:
    if label == "PERSON":
        return "person"
    if label == "NORP":
        return "group"
    low = f" {text.lower()} "
    for kind, cues in d.unknown_kind_cues.items():
        for cue in cues:
            if f" {cue} " in low or low.strip().endswith(cue):
                return kind
    return "organization"


def entry_actor(ctx: Context, d: Dictionary, entry: Entry, start: int, end: int, via: str, day) -> Actor:
    """The mention at [start, end) of the dictionary's ``entry``, named as of ``day``."""
    return Actor(
        **ctx.span_fields(start, end),
        actor_id=entry.id,
        name=entry.display_name(d, day),
        kind=entry.kind,
        country_iso3=entry.iso3,
        inter=entry.inter,
        via=via,
        person=entry.person,
        title=entry.title,
        is_source_only=entry.is_source_only,
    )


def _named_unknowns(ctx: Context, doc, d) -> list[tuple]:
    """Names the tagger calls a person, an organisation or a group that the dictionary does not
    know: actors of their own, ``via="unknown"``."""
    located = Intervals([(p.start, p.end) for p in ctx.places if p.role == "location"], span=lambda se: se)
    found = []
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "NORP"):
            continue
        cut = next((k for k, t in enumerate(ent) if t.text in ("(", "[")), None)
        if cut is not None:  # "Hayat Tahrir al-Sham (HTS": a name and the start of its bracketed acronym
            ent = ent[:cut]
            if not len(ent):
                continue
        if _known_acronym_after(doc, ent.end, d):
            continue  # "the National Liberation Army (ELN)": the name its acronym gives, found as such
        if ent.end < len(doc) and doc[ent.end].lower_ in _SETTLEMENT_NOUNS:
            continue  # "struck Mayikengo village": a place the gazetteer does not know, no person
        if any(
            s <= ent.start_char < e or ent.start_char <= s < ent.end_char
            for s, e in located.near(ent.start_char, ent.end_char)
        ):
            continue  # a place name the tagger took for a person or an organisation
        text = ent.text.strip()
        key = _norm(text)
        if ent[-1].lower_ in d.not_name_heads or (len(ent) == 1 and ent[0].lower_ in d.group_heads):
            continue  # "Russian Attack" or "Gang" in a title-cased headline is no name
        if ent.label_ == "NORP" and ent.root.dep_ in ("amod", "compound") and ent.root.head.lower_ in d.faith_buildings:
            continue  # "a Buddhist monastery", "a Shia mosque": a thing of the faith, no group
        if ent.label_ in ("NORP", "LANGUAGE") and key in d.languages:
            continue  # "Arabic spokesman": a language, no group
        if key in d.weapon_names:
            continue  # "fired an RPG at a police convoy": a weapon, no organisation
        if len(ent) == 1 and ent[0].is_sent_start and ent[0].tag_ in ("JJ", "JJR", "JJS", "RB", "VBN", "VBG"):
            continue  # "Fierce clashes continued": a capitalized first word is no organisation
        if key in d.demonyms or key in d.plural_demonyms or re.sub(r"^(?:the|an?) ", "", key) in d.by_text:
            continue  # the dictionary's name, with the article the tagger took in ("An al-Shabaab mortar attack")
        if text.islower() and not ctx.text.islower():
            continue  # "youths burn tyres" tagged a person: a name has a capital where the text has any
        if len(text) < 2 or "://" in text or text.startswith("@") or "." in text and " " not in text and text.islower():
            continue
        kind = _guess_kind(text, ent.label_, d)
        actor = Actor(
            **ctx.span_fields(ent.start_char, ent.end_char),
            actor_id=None,
            name=text,
            kind=kind,
            via="unknown",
            is_source_only=kind in d.source_only_kinds,
            person=text if kind == "person" else None,
        )
        found.append((ent.start, ent.end, 0, actor))

    return found


_SETTLEMENT_NOUNS = {"village", "villages", "town", "city", "district", "camp", "settlement", "locality", "hamlet"}


def _known_acronym_after(doc, i: int, d) -> bool:
    """Token ``i`` opens a bracket holding a name the dictionary knows ("(ELN)", "(HTS)")."""
    return i + 1 < len(doc) and doc[i].text in ("(", "[") and _norm(doc[i + 1].text) in d.by_text


_Hit = tuple[int, int, int, Actor]  # (token start, token end, priority, actor)


def find_actors(ctx: Context) -> list[Actor]:
    """Actor mentions of the document, sorted by offset, not overlapping."""
    doc = ctx.doc
    d = load_dictionary()
    lower, cased, dem, info = _matchers(doc.vocab)
    found: list[_Hit] = _name_hits(ctx, d, (cased, lower), info)
    found.extend(_demonym_hits(ctx, d, dem, info))
    found.extend(_named_unknowns(ctx, doc, d))
    found.extend(_headed_groups(ctx, doc, d))
    return [a for a in _without_overlaps(found, len(doc)) if not _dateline_city(ctx, a)]


def _dateline_city(ctx: Context, actor: Actor) -> bool:
    """A capital named in metadata ("PORT-AU-PRINCE, Oct 4 (Reuters) -"): where the report was
    filed, not its government acting."""
    return actor.via == "capital" and ctx.zone_at(actor.start) == "metadata"


_NAME_TAGS = {"NNP", "NNPS", "CD"}


def _headed_groups(ctx: Context, doc, d: Dictionary) -> list[tuple]:
    """Armed groups named by proper nouns before a group noun ("the Gran Grif gang", "the 400
    Mawozo gang"; ``group_heads`` in actors.yaml) that the dictionary, the gazetteer and the
    demonyms do not know: actors of their own (kind ``armed_group``, ``via="name"``, no ``actor_id``)."""
    located = Intervals(  # a place's name, or a place's name qualifying the noun ("the Kharkiv militia")
        [(p.start, p.end) for p in ctx.places if p.role == "location" or (p.role == "demonym" and p.resolved)],
        span=lambda se: se,
    )
    found = []
    for head in doc:
        if head.lower_ not in d.group_heads or not head.tag_.startswith("NN"):
            continue
        first = head.i
        while first > 0 and doc[first - 1].tag_ in _NAME_TAGS and doc[first - 1].head.i in range(first, head.i + 1):
            first -= 1
        name = doc[first : head.i]
        if not any(t.tag_ in ("NNP", "NNPS") for t in name):
            continue
        key = _norm(name.text)
        if key in d.by_text or key in d.demonyms or key in d.plural_demonyms:
            continue  # "the Wagner militia", "Russian militia": the dictionary's own
        if any(s < name.end_char and name.start_char < e for s, e in located.near(name.start_char, name.end_char)):
            continue  # "the Kharkiv militia": a place's
        text = doc[first : head.i + 1].text
        actor = Actor(
            **ctx.span_fields(name.start_char, head.idx + len(head.text)),
            actor_id=None,
            name=text,
            kind="armed_group",
            inter=3,  # as ACLED's unidentified armed groups
            via="name",  # named in the text, not guessed from a tag: no generic noun's country replaces it
        )
        found.append((first, head.i + 1, 0, actor))
    return found


def _name_hits(ctx: Context, d: Dictionary, matchers, info) -> list[_Hit]:
    """Dictionary names that act (a country or capital only as an actor, or before a group noun: "US troops")."""
    doc = ctx.doc
    day: Optional[dt.date] = ctx.published
    found: list[_Hit] = []
    for matcher, prio in ((matchers[0], 3), (matchers[1], 3)):
        for key, s, e in matcher(doc):
            entry_id, via = info[key]
            entry = d.entries[entry_id]
            span = doc[s:e]
            if entry.kind == "state" or via == "capital":
                if not (_capital_acts(span, ctx) if via == "capital" else _acts(span, ctx)):
                    # a country or capital name before a group noun acts: "Russia's forces",
                    # "United States forces", "US troops"
                    possessive = e + 1 < len(doc) and doc[e].tag_ == "POS"
                    modifier = e < len(doc) and span.root.dep_ in ("compound", "nmod") and span.root.head.i >= e
                    if (possessive or modifier) and entry.iso3:
                        hit = _head_noun(doc, e + 1 if possessive else e, d.demonym_nouns, limit=2)
                        if (
                            hit
                            and not _subdivision(doc, e, hit[1])
                            and not _named_between(doc, e, hit[1], d)
                            and not _known_acronym_after(doc, hit[1], d)  # "Colombia's National Liberation Army (ELN)"
                        ):
                            role, end = hit
                            target = d.role_entry(entry.iso3, role) or entry
                            found.append(
                                (
                                    s,
                                    end,
                                    4,
                                    entry_actor(
                                        ctx,
                                        d,
                                        target,
                                        span.start_char,
                                        doc[end - 1].idx + len(doc[end - 1]),
                                        "name",
                                        day,
                                    ),
                                )
                            )
                    continue
                if via == "capital":
                    via = "capital"
            found.append((s, e, prio, entry_actor(ctx, d, entry, span.start_char, span.end_char, via, day)))
    return found


def _named_between(doc, start: int, end: int, d: Dictionary) -> bool:
    """The words up to the group noun end a name the dictionary knows ("Sudan's paramilitary Rapid
    Support Forces"): that group's, not the country's forces ("Israel's Defense Forces" is no other
    entry's name: the country's)."""
    return any(doc[i:end].text.lower() in d.by_text for i in range(start, end - 1))


def _subdivision(doc, start: int, end: int) -> bool:
    """A proper name before a subdivision's word ("Nigeria's Zamfara state", "Haiti's Artibonite
    department"): a place, not the country's state or government."""
    names = any(t.pos_ == "PROPN" and t.is_title for t in doc[start : end - 1])
    return names and doc[end - 1].lower_ in places_lexicon().region_terms


def _counted_victims(span, d: Dictionary) -> bool:
    """A people counted as those a strike or an attack killed or wounded ("Israeli strikes killed
    31 Palestinians"): its civilians, not its forces. Not a toll told in the passive ("as many as
    80 Russians were killed" in a battle: mercenaries) nor one a side inflicted ("Ukraine says it
    killed 1,200 Russians"). People counted as those arrested or abducted ("troops arrested 15
    Palestinians") are civilians whoever took them."""
    tok = span[-1]
    if tok.dep_ != "dobj" or not any(c.dep_ == "nummod" for c in tok.children):
        return False
    if tok.head.lemma_.lower() in d.hold_verbs:
        return True
    if tok.head.lemma_.lower() not in d.harm_verbs:
        return False
    subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() in d.harm_doers


def _demonym_hits(ctx: Context, d: Dictionary, dem, info) -> list[_Hit]:
    """Demonym phrases: "North Korean soldiers" → the country's military; "Russians" → the military."""
    doc = ctx.doc
    day: Optional[dt.date] = ctx.published
    found: list[_Hit] = []
    for key, s, e in dem(doc):
        iso3, form = info[key]
        span = doc[s:e]
        if form == "plural":
            role = "civilians" if _counted_victims(span, d) else "military"
            entry = d.role_entry(iso3, role) or d.role_entry(iso3, "military")
            if entry is not None:
                found.append((s, e, 1, entry_actor(ctx, d, entry, span.start_char, span.end_char, "demonym", day)))
            continue
        if s > 0 and doc[s - 1].lower_ in d.demonym_blockers:
            continue  # "anti-government Syrian forces"
        hit = _head_noun(doc, e, d.demonym_nouns, blockers=d.demonym_blockers)
        if hit is None:
            continue
        role, end = hit
        of_role = d.role_entry(iso3, role)
        if of_role is None:
            continue
        found.append(
            (
                s,
                end,
                2,
                entry_actor(ctx, d, of_role, span.start_char, doc[end - 1].idx + len(doc[end - 1]), "demonym", day),
            )
        )
    return found


def _without_overlaps(found: list[_Hit], n_tokens: int) -> list[Actor]:
    """The actors of ``found``, longest first, then by priority, dropping overlaps; sorted by offset."""
    found.sort(key=lambda f: (-(f[1] - f[0]), -f[2], f[0]))
    taken = bytearray(n_tokens + 1)
    chosen: list[Actor] = []
    for s, e, _prio, actor in found:
        if any(taken[s:e]):
            continue
        taken[s:e] = b"\x01" * (e - s)
        chosen.append(actor)
    chosen.sort(key=lambda a: a.start)
    return chosen


def lookup(text: str, day: Optional[dt.date] = None) -> Optional[Actor]:
    """Resolve a bare name ("Zelenskyy", "US military", "ISW", "Pyongyang", "Ukrainian
    forces") to its dictionary actor, as an :class:`Actor` spanning the whole text
    (sentence 0). ``None`` when the name is not in the dictionary."""
    d = load_dictionary()
    key = _norm(text)
    for candidate in (key, key.removeprefix("the "), key.removesuffix("'s")):
        phrases = d.by_text.get(candidate)
        if phrases:
            # a case-sensitive acronym must match its case
            ok = [p for p in phrases if not p.cased or p.text == text.strip()] or phrases
            ph = ok[0]
            return _bare(d, d.entries[ph.entry_id], text, ph.via, day)
    words = key.split()
    for n in range(min(3, len(words) - 1), 0, -1):
        head, rest = " ".join(words[:n]), " ".join(words[n:])
        iso3 = d.demonyms.get(head)
        if iso3:
            role = d.demonym_nouns.get(rest) or d.demonym_nouns.get(words[-1])
            if role:
                entry = d.role_entry(iso3, role)
                if entry:
                    return _bare(d, entry, text, "demonym", day)
    military = d.role_entry(d.plural_demonyms.get(key), "military")
    return _bare(d, military, text, "demonym", day) if military is not None else None


def _bare(d: Dictionary, entry: Entry, text: str, via: str, day) -> Actor:
    return Actor(
        start=0,
        end=len(text),
        text=text,
        sentence=0,
        actor_id=entry.id,
        name=entry.display_name(d, day),
        kind=entry.kind,
        country_iso3=entry.iso3,
        inter=entry.inter,
        via=via,
        person=entry.person,
        title=entry.title,
        is_source_only=entry.is_source_only,
    )
