"""Finding place names: spaCy's GPE/LOC/FAC entities, subdivision phrases and a gazetteer matcher.

The small English model tags "Kursk Oblast" as PRODUCT and misses "Kyiv", so three sources are
merged: subdivision phrases ("Kursk Oblast", "Donetsk region"), spaCy entities, and runs of
capitalized proper nouns that are gazetteer names (checked later against the gazetteer, with a
stoplist for common words). Names inside organisation names ("Security Service of Ukraine") and
demonyms ("Ukrainian forces") are not place mentions.
"""

from __future__ import annotations

import functools

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from kronika.places.names import normalize
from kronika.places.lexicon import Lexicon, load
from kronika.time.lexicon import load as time_lexicon

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# entity labels whose tokens the gazetteer matcher never reads as places
BLOCK_LABELS = {
    "PERSON",
    "ORG",
    "NORP",
    "EVENT",
    "LAW",
    "LANGUAGE",
    "DATE",
    "TIME",
    "MONEY",
    "QUANTITY",
    "PERCENT",
    "CARDINAL",
    "ORDINAL",
}
NEAR = re.compile(
    r"(?:\bnear|\boutside|\baround|\bclose to|\bvicinity of|\boutskirts of|\bnorth of|\bsouth of|"
    r"\beast of|\bwest of|\b(?:north|south)[-\s]?(?:east|west) of|\bkm from|\bkilometers from|"
    r"\bkilometres from|\bmiles from|\bapproaches to|\bdirection of|\b(?:miles|km|kilometres|kilometers) off|\bcoast of)"
    # "southwest of the Yemeni port of Hodeidah", "north of the town of Kaya"
    r"(?:\s+(?:the\s+)?(?:[A-Z][\w-]+\s+)?(?:port|town|city|village)\s+of)?\s+(?:the\s+)?$",
    re.I,
)
_MOTION_PREPS = {"from", "to", "towards", "toward", "into", "on"}
_POSS = re.compile(r"(?:['’]s|['’])$")
_LEAD = re.compile(r"^(?:the|The)\s+")


@dataclass
class Span:
    """A place name found in the text, before resolution."""

    start: int
    end: int
    text: str
    source: str  # "region", "ner", "gazetteer", "gold", "adjectival"
    key: str
    base: Optional[str] = None  # "kursk" in "Kursk Oblast"
    term: Optional[str] = None  # "oblast"
    near: bool = False
    actor_noun: bool = False  # "the Kyiv regime"
    subject: bool = False  # subject of an agentive verb ("Moscow denied")
    striker: bool = False  # subject of a verb of striking or taking ("Russia shelled Kherson")
    label: Optional[str] = None
    after_preposition: bool = False  # right after any preposition
    locative: bool = False  # after a preposition of place, or the object of a verb of striking or taking
    modifier: bool = False  # qualifies the noun right after it ("the US military", "Kyiv officials")
    embedded: bool = False  # inside an organisation's or a person's name ("Security Service of Ukraine")
    weak: bool = False  # the tagger read it as a person, organisation or work of art
    code: Optional[str] = None  # the subdivision an abbreviation stands for ("N.D." -> "US-ND")
    origin: bool = False  # where a person is from ("Edan Alexander, who grew up in New Jersey")
    facility: bool = False  # names the facility after it ("the Naivasha market")
    settlement: bool = False  # named as a town ("the port city of Chittagong", "the village of Zarichne")


def _region_regex(lex: Lexicon) -> re.Pattern:
    terms = "|".join(sorted(lex.region_terms, key=len, reverse=True))
    word = r"[A-Z][\w\-]*(?:['’](?!s\b)[\w\-]+)*"
    return re.compile(rf"(?P<name>(?:{word}\s+){{0,2}}{word})\s+(?P<term>(?i:{terms}))\b")


_REGION_RE: dict[int, re.Pattern] = {}
_CUE_RE: dict[int, re.Pattern] = {}
_COUNTRY_RE: dict[int, re.Pattern] = {}  # countries' names of several words


def _cue_regex(lex: Lexicon) -> re.Pattern:
    cues = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(lex.place_cues, key=len, reverse=True))
    word = r"[A-Z][\w]*(?:['’](?!s\b)\w+)*"
    # the words of a name stay on one line: "Near the Syria Border" ends a headline, not "... Border\n\nToday";
    # a hyphenated name keeps its small words ("near Port-au-Prince", "Stratford-upon-Avon") and is
    # never cut at a hyphen ("Port" of "Port-au-Prince" is another town)
    # and the small words of Portuguese, Spanish and French names between its capitalized ones
    # ("Mocimboa da Praia", "Norte de Santander")
    join = r"(?:[^\S\n]+(?:(?:da|de|del|do|dos|das|du|des)[^\S\n]+(?=[A-Z]))?|(?:-[a-z]+)*-)"
    return re.compile(rf"(?i:\b(?:{cues}))\s+(?:the\s+)?(?P<name>{word}(?:{join}{word}){{0,3}})(?![-\w])")


# a hyphenated name ("Winston-Salem", "Port-au-Prince"); with a small word inside, one name for
# sure ("Croix-des-Bouquets"), not a pair ("the Israel-Gaza war", "Russia-Ukraine talks")
_CHAIN = re.compile(r"(?<![\w-])[A-Z][\w’']*(?:(?:-[a-z]{1,4})*-[A-Z][\w’']*)+(?![\w-])")
_ONE_NAME = re.compile(
    r"(?<![\w-])[A-Z][\w’']*(?:(?:-[a-z]{1,4})*-[A-Z][\w’']*)*(?:-[a-z]{1,4})+-[A-Z][\w’']*(?:(?:-[a-z]{1,4})*-[A-Z][\w’']*)*(?![\w-])"
)


def _whole_chain(text: str, start: int, end: int) -> tuple[int, int]:
    """The hyphenated name with a small word inside that [start, end) is cut from ("Port" of
    "Port-au-Prince"), else [start, end) itself: such a name is never cut at a hyphen."""
    joined = (end < len(text) - 1 and text[end] == "-" and text[end + 1].isalpha()) or (
        start > 1 and text[start - 1] == "-" and text[start - 2].isalpha()
    )
    if not joined:
        return start, end
    lo = max(0, start - 60)
    for m in _ONE_NAME.finditer(text, lo, min(len(text), end + 60)):
        if m.start() <= start and end <= m.end():
            return m.start(), m.end()
    return start, end


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    nl = text.find("\n", start, end)
    if nl > start:  # an entity the tagger ran on over a line break ("Kharkiv\n\nSunday"): its first line
        end = nl
    seg = text[start:end]
    m = _LEAD.match(seg)
    if m:
        start += m.end()
    seg = text[start:end]
    m = _POSS.search(seg)
    if m:
        end -= len(m.group(0))
    while end > start and text[end - 1] in " ,.;:":
        end -= 1
    return start, end


def _annotate(doc, lex: Lexicon, span: Span, text: Optional[str] = None) -> Span:
    """Fill ``near``, ``actor_noun``, ``subject`` and the preposition extras from the words around the span."""
    text = doc.text if text is None else text
    span.near = bool(NEAR.search(text[max(0, span.start - 40) : span.start]))
    before = _SETTLEMENT_OF.search(text[max(0, span.start - 30) : span.start])
    span.settlement = before is not None and before.group(1).lower() in lex.settlement_nouns | lex.town_parts
    sp = doc.char_span(span.start, span.end, alignment_mode="expand")
    if sp is None or not len(sp):
        return span
    if sp.start > 0 and doc[sp.start - 1].pos_ == "ADP":
        span.after_preposition = True
    # "a house in Khan Younis": a preposition of place is evidence of a place even when the
    # tagger reads the name as a person ("Khan")
    span.locative = sp.start > 0 and doc[sp.start - 1].lower_ in lex.locative_preps
    root = sp.root
    if root.dep_ == "compound" and root.head.i == sp.end and root.head.lower_ in lex.settlement_nouns:
        # "shelled Kherson city": the name of the town the noun after it is, which stands in its place
        span.settlement = True
        root = root.head
    head = root.head
    # "Russian troops shelled Kherson": the object of a verb of striking or taking is a place
    if root.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_.lower() in lex.place_verbs:
        span.locative = True
    elif root.dep_ == "pobj" and head.lower_ in _MOTION_PREPS and head.head.lemma_.lower() in lex.place_verbs:
        span.locative = True  # "withdrew from Popivka", "advanced on Pokrovsk"
    # "the US military", "Kyiv officials": the name qualifies the noun right after it
    span.modifier = _qualifies(root, sp.end, lex) or bool(_SPONSOR.match(text, span.end))
    span.facility = root.dep_ == "compound" and root.head.i == sp.end and root.head.lower_ in lex.facility_nouns
    # "the news agency, Sana,": a name in apposition to an organisation is the organisation's
    if root.dep_ == "appos" and head.pos_ == "NOUN" and normalize(head.text) in lex.organisation_heads:
        span.embedded = True
    span.origin = _origin(root, lex)
    nxt = doc[sp.end] if sp.end < len(doc) else None
    if nxt is not None and nxt.text in ("’s", "'s") and sp.end + 1 < len(doc):
        nxt = doc[sp.end + 1]
    if nxt is not None and normalize(nxt.text) in lex.actor_nouns:
        span.actor_noun = True
    if _names_the_noun_before(doc, sp, lex):
        span.locative = True  # "In the capital, Sanaa, thousands rallied": the capital named, no subject
        return span
    # "Pyongyang assists": the small model may tag the verb as a noun; an nsubj is a subject all the same
    if root.dep_ == "nsubj" and head.i != root.i and head.lemma_.lower() not in lex.non_agentive_verbs:
        span.subject = True
        span.striker = head.lemma_.lower() in lex.place_verbs
    return span


def _names_the_noun_before(doc, sp, lex: Lexicon) -> bool:
    """The name set off by commas right after a noun of settlement it names ("In the capital,
    Sanaa, ...", "in the port city, Hodeidah,"): an apposition, whatever the parse made of it."""
    i = sp.start
    if i < 2 or doc[i - 1].text != "," or (sp.end < len(doc) and doc[sp.end].text not in (",", ".", ";")):
        return False
    noun = doc[i - 2]
    return noun.lower_ in lex.settlement_nouns or noun.lower_ == "capital"


# "Iran-backed militias", "Rwanda-backed M23", "Moscow-led", "London-based": a name joined by a hyphen
# to a participle qualifies what follows; it names no place where anything happened
_SPONSOR = re.compile(r"[-‐‑](?:backed|led|supported|sponsored|funded|armed|allied|aligned|linked|based|born)\b", re.I)


def _qualifies(root, end: int, lex: Lexicon) -> bool:
    """Whether the name qualifies a noun right after it: "the US military", "U.S. service members",
    "the official Sana news agency" (through the compounds before the noun)."""
    if root.dep_ not in ("compound", "amod", "nmod"):
        return False
    doc = root.doc
    head = root.head
    while end <= head.i <= end + 3:
        if (
            head.pos_ == "NOUN"
            and head.lower_ in lex.modifier_nouns
            and all(t.dep_ in ("compound", "amod") and end <= t.head.i <= head.i for t in doc[end : head.i])
        ):
            return True
        if head.dep_ != "compound" or head.head.i <= head.i:
            return False
        head = head.head
    return False


def _origin(root, lex: Lexicon) -> bool:
    """A place in a clause that tells where a person is from: "Edan Alexander, who grew up in New
    Jersey, was abducted", "a soldier born in Ohio" (the verb one of ``origin_verbs``)."""
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    verb = root.head.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in lex.origin_verbs:
        return False
    clause = verb.head if verb.dep_ == "conj" else verb
    if clause.dep_ == "relcl":
        person = clause.head
        return person.ent_type_ == "PERSON" or any(t.lower_ in ("who", "whose") for t in clause.children)
    return clause.dep_ == "acl" and clause.lemma_.lower() == "bear"


def _inside_organisation(doc, lex: Lexicon, start: int, end: int, tagged: bool = True) -> bool:
    """'Security Service of Ukraine', 'Ministry of Defence of Russia', 'University of Georgia'."""
    sp = doc.char_span(start, end, alignment_mode="expand")
    if sp is None:
        return False
    i = sp.start - 1
    if i >= 1 and doc[i].lower_ == "of":
        j = i - 1
        steps = 0
        while j >= 0 and steps < 4 and (doc[j].is_title or doc[j].is_upper or doc[j].lower_ in ("of", "for", "and")):
            if normalize(doc[j].text) in lex.organisation_heads and doc[j].is_title:
                return True
            j -= 1
            steps += 1
    if tagged:  # an organisation the tagger found around the name; not the name alone ("Kursk Oblast" as ORG)
        toks = list(doc[sp.start : sp.end])
        return _in_longer_name(_entities_at(doc, toks, "ORG"), toks)
    return False


def _entities_at(doc, toks, label: str) -> list:
    """The entities of ``label`` holding the first or the last of ``toks``, found from the tokens'
    own IOB tags (a walk over every entity of a long document for every name was quadratic)."""
    out: list = []
    for t in (toks[0], toks[-1]):
        if t.ent_type_ != label or any(e.start <= t.i < e.end for e in out):
            continue
        a, b = t.i, t.i + 1
        while a > 0 and doc[a].ent_iob_ == "I":
            a -= 1
        while b < len(doc) and doc[b].ent_iob_ == "I":
            b += 1
        out.append(doc[a:b])
    return out


def _named_at(named_by_token: dict, toks) -> list:
    """The PERSON/ORG entities holding the first or the last of ``toks`` (entities never overlap)."""
    ents = {named_by_token.get(toks[0].i), named_by_token.get(toks[-1].i)}
    return sorted((e for e in ents if e is not None), key=lambda e: e.start)


def _in_longer_name(ents, toks) -> bool:
    """Whether ``toks`` are part of a PERSON/ORG entity with other proper names ("Paris Hilton",
    "Minnesota Vikings"; not "Missiles struck Kiev" nor an entity that is just the place name)."""
    ids = {t.i for t in toks}
    for ent in ents:
        if ent.start <= toks[0].i < ent.end or ent.start <= toks[-1].i < ent.end:
            if any(
                t.i not in ids and t.pos_ == "PROPN" and (t.is_title or t.is_upper) and not _coordinated(t, ids)
                for t in ent
            ):
                return True
    return False


def _coordinated(t, ids: set) -> bool:
    """``t`` and the name at ``ids`` are joined by "and" or a comma ("hit Kharkiv and Odesa",
    tagged as one organisation): a list of names, not a longer one."""
    if t.dep_ == "conj" and t.head.i in ids:
        return True
    return any(t.doc[i].dep_ == "conj" and t.doc[i].head.i == t.i for i in ids)


@dataclass
class _Found:
    """The spans found so far in one doc, and the characters they take."""

    doc: Any
    lex: Lexicon
    embedded: bool
    out: list[Span] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)
    covered: set[int] = field(default_factory=set)  # the characters of ``taken``: one look-up, not a walk

    text: str = ""  # the doc's text, read once (``Doc.text`` joins every token each time)

    def __post_init__(self) -> None:
        self.text = self.text or self.doc.text

    def free(self, s: int, e: int) -> bool:
        if e <= s:
            return all(e <= a or s >= b for a, b in self.taken)
        return self.covered.isdisjoint(range(s, e))

    def add(self, span: Span) -> None:
        _with_water_noun(self.doc, self.lex, span, self.text)
        self.out.append(_annotate(self.doc, self.lex, span, self.text))
        self.taken.append((span.start, span.end))
        self.covered.update(range(span.start, span.end))


def _with_water_noun(doc, lex: Lexicon, span: Span, text: str) -> None:
    """A name with the noun of a waterway after it is the waterway's ("the Dnipro river", "the Jordan
    River"): the span takes the noun (the gazetteer has no rivers: it is never the town of that
    name); a noun that itself qualifies another ("the Dnipro river port") is left."""
    sp = doc.char_span(span.start, span.end, alignment_mode="expand")
    if sp is None or not len(sp) or sp.end >= len(doc):
        return
    noun = doc[sp.end]
    if noun.lower_ not in lex.water_nouns or noun.idx != span.end + 1 or noun.dep_ == "compound":
        return
    if not any(t.head.i == noun.i and t.dep_ == "compound" for t in sp):
        return
    span.end = noun.idx + len(noun.text)
    span.text = text[span.start : span.end]
    span.key = normalize(span.text)
    span.base = span.term = None


def recognize(
    doc,
    lexicon: Optional[Lexicon] = None,
    adjectival: bool = False,
    demonyms: Optional[dict] = None,
    embedded: bool = False,
    known: Optional[Callable[[set], set]] = None,
) -> list[Span]:
    """Place-name spans of a spaCy ``doc``, non-overlapping, in text order.

    ``known`` maps a set of normalized names to those the gazetteer has (the matcher then takes
    the longest known name in a run of capitalized words). ``embedded=True`` also returns names
    inside organisation names ("Ohio" in "Ohio Department of Transportation"), marked
    ``embedded`` (they resolve with role "actor").

    ``adjectival=True`` also returns adjectival/demonym forms of country names ("Turkish") whose
    normalized form is in ``demonyms`` (for evaluation on corpora that annotate them).
    """
    found = _Found(doc, lexicon or load(), embedded)
    ents = list(doc.ents)
    person_words = {
        normalize(ent[-1].text)
        for ent in ents  # surnames: "Steele" after "Michael Steele"
        if ent.label_ == "PERSON" and len(ent) > 1 and all(t.pos_ == "PROPN" for t in ent)
    }
    _country_phrases(found)
    _subdivision_phrases(found)
    _after_cues(found)
    _abbreviations(found)
    _entities(found, demonyms, person_words)
    named = {i: ent for ent in ents if ent.label_ in ("PERSON", "ORG") for i in range(ent.start, ent.end)}
    _gazetteer_names(found, person_words, named, known)
    if adjectival and demonyms:
        _adjectival(found, demonyms)
    found.out.sort(key=lambda sp: sp.start)
    return found.out


def _subdivision_phrases(found: _Found) -> None:
    """1. subdivision phrases ("Kursk Oblast", "Donetsk region")."""
    doc, lex, text = found.doc, found.lex, found.text
    rx = _REGION_RE.get(id(lex))
    if rx is None:
        rx = _REGION_RE[id(lex)] = _region_regex(lex)
    for m in rx.finditer(text):
        s, e = m.start("name"), m.end("term")
        name = m.group("name")
        words = name.split()
        # drop leading words that are not part of the name ("In Kursk region", "The Donetsk oblast"),
        # but a capitalized compass word before the name is part of it ("North Kivu province")
        while words and normalize(words[0]) in lex.stoplist and not (len(words) > 1 and _COMPASS_WORD.match(words[0])):
            s += len(words[0])
            rest = text[s:]
            s += len(rest) - len(rest.lstrip())
            words = words[1:]
        if not words:
            continue
        base = normalize(" ".join(words))
        base = _POSS.sub("", base)
        if base in lex.stoplist:
            continue
        if not found.free(s, e):  # a country's name ("Democratic Republic of the Congo")
            continue
        inside = _inside_organisation(doc, lex, s, e)
        if inside and not found.embedded:
            continue
        term = m.group("term").lower()
        plural = term.endswith("s") and term[:-1] in lex.region_terms
        if plural and not _COORDINATED.search(text[max(0, s - 60) : s]):
            continue  # a plural term names several: "Arlene Boon states" is a verb's subject
        sp = Span(s, e, text[s:e], "region", normalize(text[s:e]), base=base, term=term)
        sp.embedded = inside
        found.add(sp)
        if plural:
            _coordinated_regions(found, s, term[:-1], inside)


# the names coordinated before a plural subdivision term: "the Belgorod and Kursk regions",
# "the Kharkiv, Sumy and Chernihiv regions" (matched backwards from the last name)
_NAME_WORD = r"[A-Z][\w\-]*(?:['’](?!s\b)[\w\-]+)*"  # not a possessive: "China's Hunan and Hubei provinces"
_COORDINATED = re.compile(rf"(?<![\w'’])(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD})?)(?:\s*,\s*|\s+and\s+|,\s+and\s+)$")


def _coordinated_regions(found: _Found, start: int, term: str, inside: bool) -> None:
    """Each name joined before a plural term is a subdivision of that term's level."""
    text, lex = found.text, found.lex
    end = start
    for _ in range(4):
        m = _COORDINATED.search(text[max(0, end - 60) : end])
        if m is None:
            return
        s = max(0, end - 60) + m.start("name")
        e = s + len(m.group("name"))
        base = normalize(m.group("name"))
        if base in lex.stoplist or not found.free(s, e):
            return
        sp = Span(s, e, text[s:e], "region", normalize(f"{text[s:e]} {term}"), base=base, term=term)
        sp.embedded = inside
        found.add(sp)
        end = s


def _after_cues(found: _Found) -> None:
    """2. names after place cues ("Near Al Shadaddi", "the village of Zarichne-Velyke")."""
    doc, lex, text = found.doc, found.lex, found.text
    rx = _CUE_RE.get(id(lex))
    if rx is None:
        rx = _CUE_RE[id(lex)] = _cue_regex(lex)
    for m in rx.finditer(text):
        s, e = m.start("name"), m.end("name")
        key = normalize(text[s:e])
        if (
            len(key) < 2
            or key in lex.stoplist
            or not found.free(s, e)
            or _inside_organisation(doc, lex, s, e, tagged=False)
        ):
            continue
        first = normalize(text[s:e].split()[0])
        if first in lex.stoplist:
            continue
        found.add(Span(s, e, text[s:e], "cue", key))


def _abbreviations(found: _Found) -> None:
    """3. abbreviated subdivisions after a comma ("Fargo, N.D.", "Alexandria, La.")."""
    lex, text = found.lex, found.text
    if not lex.abbreviations:
        return
    rx = _CUE_RE.get(-id(lex))
    if rx is None:
        alts = "|".join(re.escape(a) for a in sorted(lex.abbreviations, key=len, reverse=True))
        rx = _CUE_RE[-id(lex)] = re.compile(rf"(?<=[A-Za-z]),\s+(?P<abbr>{alts})(?![A-Za-z])")
    for m in rx.finditer(text):
        s, e = m.start("abbr"), m.end("abbr")
        if found.free(s, e):
            sp = Span(s, e, text[s:e], "abbreviation", normalize(text[s:e]))
            sp.code = lex.abbreviations[m.group("abbr")]
            found.add(sp)


def _country_phrases(found: _Found) -> None:
    """0. countries' other names of several words ("DR Congo", "Russian Federation"), which the
    tagger may split ("DR" an organisation, "Congo" a country: the other Congo)."""
    lex, text = found.lex, found.text
    rx = _COUNTRY_RE.get(id(lex))
    if rx is None:
        alts = "|".join(
            re.escape(a).replace(r"\ ", r"\s+")
            for a in sorted((a for a in lex.country_aliases if " " in a), key=len, reverse=True)
        )
        rx = _COUNTRY_RE[id(lex)] = re.compile(rf"(?i)(?<![\w.])(?:{alts})(?![\w])")
    for m in rx.finditer(text):
        s, e = m.start(), m.end()
        if (
            text[s].isupper()
            and text[e - 1].isalpha()
            and text[text.rfind(" ", s, e) + 1].isupper()
            and found.free(s, e)
        ):
            found.add(Span(s, e, text[s:e], "gazetteer", normalize(text[s:e])))


def _entities(found: _Found, demonyms: Optional[dict], person_words: set[str]) -> None:
    """4. spaCy's GPE/LOC/FAC entities."""
    doc, lex, text = found.doc, found.lex, found.text
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        s, e = _whole_chain(text, *_clean(text, ent.start_char, ent.end_char))
        s, e = _without_settlement_noun(text, s, e, lex)
        if e <= s or not found.free(s, e):
            if e > s:
                _before_phrase(found, ent, s, e)
            continue
        key = normalize(text[s:e])
        if not text[s : s + 1].isupper() or len(key) < 2:  # "posted on X": no place has a one-letter name
            continue
        stopped = (
            key in lex.stoplist
            and not (text[s:e].isupper() and len(key) <= 3)
            and not (ent.label_ == "GPE" and _after_locative(doc, ent.start, lex) and key not in person_words)
        )  # "a base in Jordan", "troops in northern Chad": the tagger and the preposition agree
        if stopped or (demonyms and key in demonyms) or key in person_words or _inside_organisation(doc, lex, s, e):
            continue
        if len(ent) > 1 and ent[-1].lower_ in _weekdays():
            continue  # "Palm Sunday", "Good Friday": a day of the calendar, not a place
        found.add(Span(s, e, text[s:e], "ner", key, label=ent.label_))


_COMPASS_WORD = re.compile(r"(?:North|South|East|West|Central)(?:[-\s]?(?:[Ee]ast|[Ww]est))?$")


def _without_settlement_noun(text: str, s: int, e: int, lex: Lexicon) -> tuple[int, int]:
    """A name without the lower-case noun of settlement the tagger took with it ("Kherson city":
    the town Kherson, named as a city; not "Gaza City" nor "Mexico City", which are names)."""
    cut = text.rfind(" ", s, e)
    if cut > s and text[cut + 1 : e] in lex.settlement_nouns:
        return s, cut
    return s, e


_SETTLEMENT_OF = re.compile(r"\b(\w+)\s+of\s+(?:the\s+)?$")
_COMPASS = re.compile(r"(?i)(?:north|south|east|west|central)(?:[-\s]?(?:east|west))?(?:ern)?$")


def _after_locative(doc, i: int, lex: Lexicon) -> bool:
    """Whether token ``i`` follows a preposition of place, over the compass words that may stand
    between ("in Jordan", "in northeast Jordan", "across northern Chad")."""
    j = i - 1
    while j >= 0 and j >= i - 2 and _COMPASS.match(doc[j].text):
        j -= 1
    return j >= 0 and doc[j].lower_ in lex.locative_preps


_ELLIPSIS = re.compile(r"([A-Z][a-z]+)\s+(?:and|or|&)\s+$")


def _before_phrase(found: _Found, ent, s: int, e: int) -> None:
    """An entity that overlaps a subdivision phrase: its part before the phrase ("Russia’s")."""
    text = found.text
    for a, b in found.taken:
        if s < a < e and b >= e:
            ellipsis = _ELLIPSIS.match(text, s, a)
            if ellipsis is not None:  # "North and South Korea": North Korea, named by its first word
                word, rest = ellipsis.group(1), text[a:b].split(None, 1)
                if len(rest) == 2 and found.free(s, s + len(word)):
                    key = normalize(f"{word} {rest[1]}")
                    found.add(Span(s, s + len(word), word, "ner", key, label=ent.label_))
                continue
            s2, e2 = _clean(text, s, a)
            if e2 > s2 and found.free(s2, e2) and normalize(text[s2:e2]) not in found.lex.stoplist:
                found.add(Span(s2, e2, text[s2:e2], "ner", normalize(text[s2:e2]), label=ent.label_))


@functools.lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    """Weekday names, lower-cased, as the time stage knows them ("Palm Sunday" ends in one)."""
    return frozenset(w.lower() for w in time_lexicon().weekdays)


@functools.lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Month and weekday names and their abbreviations, as the time stage knows them."""
    lex = time_lexicon()
    return frozenset([*lex.months, *lex.month_abbreviations, *lex.weekdays, *(w[:3] for w in lex.weekdays)])


def _proper_runs(doc, lex: Lexicon) -> list[list]:
    """Runs of capitalized proper nouns (the gazetteer matcher reads n-grams of them)."""
    runs: list[list] = []
    run: list = []
    for tok in doc:
        ok = (
            tok.pos_ == "PROPN"
            and (tok.is_title or (tok.is_upper and len(tok.text) > 2 and "." in tok.text))
            and (
                tok.ent_type_ not in BLOCK_LABELS
                or tok.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART")
                # "in Kidal" tagged NORP, "on Kyiv overnight" tagged TIME: a name right after a
                # preposition of place (not "on Monday")
                or (
                    tok.ent_type_ in ("NORP", "DATE", "TIME")
                    and tok.i > 0
                    and doc[tok.i - 1].lower_ in lex.locative_preps
                    and tok.lower_ not in _calendar_words()
                )
            )
            and not tok.is_sent_start
        ) or (
            tok.is_sent_start
            and tok.pos_ == "PROPN"
            and tok.is_title
            and tok.ent_type_ in ("GPE", "LOC", "ORG", "PERSON", "")
        )
        if ok and tok.text[0].isalpha():
            run.append(tok)
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def _ngrams(text: str, r: list):
    for i in range(len(r)):
        for n in range(min(4, len(r) - i), 0, -1):
            toks = r[i : i + n]
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            yield i, n, toks, s, e, normalize(text[s:e])


def _gazetteer_names(found: _Found, person_words: set[str], named: dict, known: Optional[Callable[[set], set]]) -> None:
    """5. the gazetteer matcher over runs of capitalized proper nouns (checked in resolution);
    words of the document's multi-word person names ("Steele" after "Michael Steele") are not places."""
    text = found.text
    runs = _proper_runs(found.doc, found.lex)
    chains = [(m.start(), m.end(), normalize(m.group(0))) for m in _CHAIN.finditer(text)]
    # one gazetteer query for every n-gram of every run
    keys = {k for r in runs for *_, k in _ngrams(text, r)} | {k for *_, k in chains}
    names = known(keys) if known is not None else None
    _hyphenated(found, chains, person_words, named, names)
    for r in runs:
        i = 0
        while i < len(r):
            i += _longest_name(found, r[i : i + 4], person_words, named, names)


def _hyphenated(found: _Found, chains: list, person_words: set[str], named: dict, names: Optional[set]) -> None:
    """Hyphenated names the gazetteer knows, whole ("Croix-des-Bouquets", which the tagger splits
    into a person "Croix" and small words), unless part of a longer person's or organisation's name
    ("Jean-Pierre Bemba")."""
    for s, e, key in chains:
        if names is None or key not in names or key in found.lex.stoplist or key in person_words:
            continue
        if not found.free(s, e) or _inside_organisation(found.doc, found.lex, s, e, tagged=False):
            continue
        sp = found.doc.char_span(s, e, alignment_mode="expand")
        toks = list(sp) if sp is not None else []
        weak = any(t.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART") for t in toks)
        if not toks or (weak and _in_longer_name(_named_at(named, toks), toks)):
            continue
        span = Span(s, e, found.text[s:e], "gazetteer", key)
        span.weak = weak
        found.add(span)


def _longest_name(found: _Found, window: list, person_words: set[str], named: dict, names: Optional[set]) -> int:
    """The longest name at the start of ``window`` added; how many tokens to step on."""
    lex, text = found.lex, found.text
    for j, n, toks, s, e, key in _ngrams(text, window):
        if j != 0:
            break
        if len(key) < 3 or key in lex.stoplist or key in person_words or not found.free(s, e):
            continue
        if _whole_chain(text, s, e) != (s, e):
            continue  # "Croix" of "Croix-des-Bouquets", "Port" of "Port-au-Prince": another place
        if len(key) <= 3 and not (text[s:e].isalpha() and text[s:e].isupper()):
            continue  # "Sen.", "Fla": short names only as acronyms ("UAE", "DRC")
        if names is not None and key not in names:
            continue
        inside = _inside_organisation(found.doc, lex, s, e, tagged=False)
        weak = any(t.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART") for t in toks)
        inside = inside or (weak and _in_longer_name(_named_at(named, toks), toks))
        if inside and not found.embedded:
            continue  # part of a longer person or organisation name
        sp = Span(s, e, text[s:e], "gazetteer", key)
        sp.weak = weak
        sp.embedded = inside
        found.add(sp)
        return n
    return 1


def _adjectival(found: _Found, demonyms: dict) -> None:
    """6. adjectival forms (evaluation only)."""
    text = found.text
    for ent in found.doc.ents:
        if ent.label_ not in ("NORP", "GPE"):
            continue
        s, e = _clean(text, ent.start_char, ent.end_char)
        key = normalize(text[s:e])
        if (key in demonyms or key in found.lex.adjectives) and found.free(s, e):
            found.add(Span(s, e, text[s:e], "adjectival", key, label=ent.label_))
