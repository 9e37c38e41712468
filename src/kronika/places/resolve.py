"""Resolving place names to GeoNames entries with the document's context.

Each name gets candidates by name, alias, subdivision base ("Kursk" in "Kursk Oblast") or,
failing those, a transliteration-tolerant key. Candidates are scored by a prior (feature level,
population, how the name matched) and, in a second pass, by the document: countries and
subdivisions mentioned, containment phrases ("Sudzha, in Kursk Oblast", "Pokrovsk in Donetsk
region"), the same base named as a subdivision elsewhere ("Kursk" after "Kursk Oblast") and
distance to the other places of the document. A name with no candidate falls back to the
region containing it in context ("near Kruglenkoe" → Kursk Oblast, precision 3).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from difflib import SequenceMatcher
from dataclasses import dataclass, field
from typing import Callable, Optional

from kronika.places.gazetteer import Entry, Gazetteer
from kronika.places.lexicon import Lexicon, load
from kronika.places.names import loose, normalize
from kronika.places.recognize import Span
from kronika.records import Place, PlaceCandidate

LEVEL_PRIOR = {"continent": 2.4, "country": 2.6, "admin1": 1.3, "admin2": 0.4, "populated_place": 0.0, "other": 1.3}
SRC_PRIOR = {0: 0.0, 1: 0.0, 3: -0.25, 2: -0.45, 9: -1.6}  # name, alias, derived, alternate, loose
ACLED = {"populated_place": 1, "admin2": 2, "admin1": 3, "country": 3, "continent": 3}
UCDP = {"populated_place": 1, "admin2": 3, "admin1": 4, "country": 6, "continent": 7}
# "Sudzha, in Kursk Oblast", "Kiryat Shmona in northern Israel", "Beit Lahiya in the north-eastern Gaza Strip"
_CONTAIN = re.compile(
    r"^\s*(?:,\s*)?(?:(?:in|of)\s+(?:the\s+)?(?:(?:north|south|east|west|central)(?:[-\s]?(?:east|west))?"
    r"(?:ern)?\s+)?|,\s*)?$",
    re.I,
)


def said_inside(between: str) -> bool:
    """Whether the words between two names say the first lies in the second ("Sudzha, in Kursk
    Oblast", "Deir al-Balah in the central Gaza Strip", "Kharkiv, Ukraine")."""
    return bool(_CONTAIN.match(between))


MIN_MATCHER_POP = 20_000
LOCATIVE_NATIONAL = 1.0  # country-level context that admits a small town after a preposition of place
DEMONYM_WEIGHT = 0.25  # a demonym ("Russian troops") as evidence for its country: a quarter of a place named
NEIGHBOUR_WEIGHT = 0.5  # a place in a country next to one the document names: half of one in it
OUT_OF_FOCUS = 1.0  # a place in no country of the document nor next to one (when the document names any)
WELL_KNOWN = 1_000_000  # places of this many people are named without their country ("Paris"): no OUT_OF_FOCUS
FACILITY_HOMONYM = 500_000  # a name before "market", "camp", "hospital": a far town smaller than this is not meant
SMALL_HOMONYM = 20_000  # a town smaller than this, in no country of the document nor next to one, is not meant
HAMLET = 1_000  # a place this small is meant only in the countries the report places things in
NEAR_IDENTICAL = 0.93  # spelling similarity (difflib ratio) that needs no other evidence, for regions
SETTLEMENT_NAMED = 2.0  # a region's loss when the text calls the name a city, town or village
_CITYLIKE = re.compile(r"city|capital|municipal|federal|metropol")


@dataclass
class _Cand:
    entry: Entry
    src: int
    score: float = 0.0
    extra: float = 0.0
    total: float = 0.0
    local: float = 0.0
    spelling: float = 0.0  # transliteration-tolerant matches: similarity of the closest known spelling


def _km(a: Entry, b: Entry) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _contains(outer: Entry, inner: Entry) -> bool:
    if outer.geonameid == inner.geonameid:
        return False
    if outer.level == "country":
        return inner.country_code == outer.country_code and inner.level != "country"
    if outer.level == "admin1":
        return inner.admin1_id == outer.geonameid
    if outer.level == "admin2":
        return inner.admin2_id == outer.geonameid or _same_district(outer, inner)
    return False


_DISTRICT_WORDS = re.compile(r"\b(raion|rayon|district|municipal|okrug|gorodskoy)\b")


def _same_district(outer: Entry, inner: Entry) -> bool:
    """A settlement's raion in its source ("Okhtyrskyi") is the district named ("Okhtyrskyi Raion")."""
    if not inner.district or inner.country_code != outer.country_code:
        return False
    a = _DISTRICT_WORDS.sub("", normalize(outer.name)).strip()
    b = _DISTRICT_WORDS.sub("", normalize(inner.district)).strip()
    return len(a) >= 5 and a[:6] == b[:6]


def _candidates(spans: list[Span], gaz: Gazetteer, lex: Lexicon) -> list[list[_Cand]]:
    keys = set()
    for sp in spans:
        if sp.source == "adjectival" and sp.key in lex.adjectives:
            sp.base = normalize(lex.adjectives[sp.key])
        keys.add(sp.key)
        if sp.base:
            keys.update({sp.base, _uncompassed(sp.base)})
    found = gaz.keys(keys)
    per: list[list[tuple[int, int]]] = []
    whole: list[set[int]] = []
    for sp in spans:
        ids: dict[int, int] = {}
        code = sp.code
        if code:
            e = gaz.by_code(code)
            if e is not None:
                ids[e.geonameid] = 1
        if len(sp.key) < 2:  # "posted on X": no place has a one-letter name
            per.append([])
            whole.append(set())
            continue
        cc = lex.country_aliases.get(sp.key)
        if cc and cc in gaz.countries:
            ids[gaz.countries[cc][3]] = 1
        region = lex.region_aliases.get(sp.key)
        whole.append({region} if region is not None else set())
        if region is not None:
            ids[region] = 1
        town = lex.town_aliases.get(sp.key)
        if town is not None:
            ids[town] = 0
        if sp.source == "adjectival" and sp.key in gaz.demonyms:
            c = gaz.countries.get(gaz.demonyms[sp.key])
            if c:
                ids[c[3]] = 1
        for gid, src in found.get(sp.key, ()):
            ids[gid] = min(src, ids.get(gid, 9))
        if sp.base:
            # "East Kharkiv region": a compass word the region's own name does not hold describes it
            for gid, src in found.get(sp.base) or found.get(_uncompassed(sp.base), ()):
                ids.setdefault(gid, src)
        per.append(list(ids.items()))
    known = _tolerant(spans, per, gaz)
    entries = gaz.get_many({g for lst in per for g, _ in lst})
    out = []
    for sp, lst, named in zip(spans, per, whole):
        cands = [_Cand(entries[g], src) for g, src in lst if g in entries]
        for c in cands:
            if c.src == 9:  # transliteration-tolerant: the closest spelling first ("Al Shadaddi" ~ "Jisr ash Shadadi")
                key = sp.base or sp.key
                c.spelling = max(
                    (
                        SequenceMatcher(None, key, k).ratio()
                        for k in known.get(c.entry.geonameid, [normalize(c.entry.name)])
                    ),
                    default=0.0,
                )
                c.score += 3.0 * c.spelling
            elif c.src == 3 and c.entry.level == "admin2" and not sp.term:
                c.score -= 1.0  # "Gulf" is not Gulf County by itself
        if sp.term:
            want = lex.region_terms.get(sp.term, "admin1")
            admins = [c for c in cands if c.entry.level in ("admin1", "admin2")]
            # a region of the lexicon known by its whole name ("Kurdistan Region": Erbil) is not read
            # through its base ("Kurdistan": Iran's Kordestān)
            admins = [c for c in admins if c.entry.geonameid in named] or admins
            if admins:
                cands = admins
                for c in cands:
                    c.src = min(c.src, 1)
                    c.score += 0.8 if c.entry.level == want else 0.0
        out.append(cands)
    return out


_COMPASS_WORDS = {"north", "south", "east", "west", "central"}


def _uncompassed(base: str) -> str:
    """A subdivision's base without the compass words that lead it ("east kharkiv" → "kharkiv")."""
    words = base.split()
    while len(words) > 1 and words[0] in _COMPASS_WORDS:
        words = words[1:]
    return base if not words or words[0] in _COMPASS_WORDS else " ".join(words)  # "south central" stays whole


def _tolerant(spans: list[Span], per: list[list[tuple[int, int]]], gaz: Gazetteer) -> dict[int, list[str]]:
    """The transliteration-tolerant fallback for names with no candidate at all, into ``per``;
    returns the spellings of the candidates it found."""
    need = [
        i
        for i, sp in enumerate(spans)
        if not per[i]
        and len(sp.key) >= 5
        and (sp.source in ("gold", "region", "cue") or (sp.source == "ner" and sp.label in ("GPE", "LOC")))
    ]
    if not need:
        return {}
    found_loose = gaz.loose_many([spans[i].base or spans[i].key for i in need])
    cand_ids = {g for i in need for g in found_loose.get(loose(spans[i].base or spans[i].key), ())}
    ents = gaz.get_many(cand_ids)
    known = gaz.names_of(cand_ids) if cand_ids else {}
    for i in need:
        k = spans[i].base or spans[i].key
        # villages, districts and regions ("Lower Shabelle" for the alias "Lower Shabeelle"),
        # through a spelling that shares the first letter of the name's last word
        per[i] = [
            (g, 9)
            for g in found_loose.get(loose(k), ())
            if g in ents
            and ents[g].level in ("populated_place", "admin2", "admin1")
            and any(
                loose(n) == loose(k) and n.split()[-1][:1] == k.split()[-1][:1]
                for n in known.get(g, ()) or [normalize(ents[g].name)]
            )
        ]
    return known


def _prior(c: _Cand, bare_city_admin: bool) -> float:
    e = c.entry
    s = 0.3 * math.log10(e.population + 10)
    if not bare_city_admin:
        s += LEVEL_PRIOR.get(e.level, 0.0)
    s += SRC_PRIOR.get(c.src, -0.45)
    if e.feature_code == "PPLC":
        s += 1.8  # national capitals are named far more often than their namesakes
    return s


def _prune(spans: list[Span], cands: list[list[_Cand]], keep: int = 25) -> None:
    """Drop the long tail of namesakes ("Washington" has hundreds, Ukraine has 40 Popivkas), but keep
    those inside a region the document names ("Popivka, Kharkiv Oblast"): context decides among them."""
    named = {
        cs[0].entry.geonameid
        for sp, cs in zip(spans, cands)
        if cs and cs[0].entry.level in ("admin1", "admin2") and sp.source != "adjectival"
    }
    for cs in cands:
        if len(cs) > keep:
            inside = [c for c in cs[keep:] if c.entry.admin1_id in named or c.entry.admin2_id in named]
            del cs[keep:]
            cs.extend(inside[:keep])


def resolve_spans(
    spans: list[Span], gaz: Gazetteer, lex: Optional[Lexicon] = None, text: str = ""
) -> list[tuple[Span, Optional[_Cand], list[_Cand], bool]]:
    """Score candidates and choose one per span: (span, winner or None, ranked candidates, fallback)."""
    lex = lex or load()
    cands = _candidates(spans, gaz, lex)
    towns = {sp.key for sp in spans if sp.settlement}  # one sense per document: "the city of X" ... "in X"
    for sp, cs in zip(spans, cands):  # pass 1: priors
        if cs:
            _prior_scores(sp, cs, sp.key in towns)
    _prune(spans, cands)
    # the subdivisions named with their generic term ("Kursk Oblast"): base -> entry
    region_forms: dict[str, Entry] = {}
    for sp, cs in zip(spans, cands):
        if cs and sp.term and cs[0].entry.level in ("admin1", "admin2"):
            region_forms.setdefault(sp.base or sp.key, cs[0].entry)
    neighbours = _neighbours(gaz)
    for _ in range(2):  # pass 2 (twice): context
        _context_pass(spans, cands, region_forms, text, neighbours)
    _outside_container(spans, cands, text)
    _country_named_before(spans, cands, text, gaz, lex)
    _far_homonyms(spans, cands, neighbours)
    _tolerant_inside_countries(cands)
    return [(sp, cs[0], cs, False) if cs else (sp, None, [], True) for sp, cs in zip(spans, cands)]


def _prior_scores(sp: Span, cs: list[_Cand], settlement: bool = False) -> None:
    """Each candidate's prior; a bare name shared by a subdivision and a town ("Kyiv", "Kursk",
    "Donetsk") is the town, unless the document names the subdivision with its generic term;
    a name the document calls a city, town or village (``settlement``) is the town."""
    bare = sp.term is None
    towns = [
        c.entry for c in cs if c.entry.level == "populated_place" and c.src in (0, 1) and c.entry.population >= 1000
    ]
    city_in: dict[int, int] = {}
    for t in towns:
        for a in (t.admin1_id, t.admin2_id):
            if a is not None:
                city_in[a] = max(city_in.get(a, 0), t.population)
    for c in cs:
        bca = bool(
            bare
            and c.entry.level in ("admin1", "admin2")
            and (
                (
                    c.entry.geonameid in city_in
                    and (city_in[c.entry.geonameid] >= 0.4 * c.entry.population or _CITYLIKE.search(c.entry.kind or ""))
                )
                or (c.src != 0 and bool(towns))
            )
        )
        # a district's population is that of all its places: by a bare alias it is weaker still
        c.score += _prior(c, bca) - ((1.0 if c.entry.level == "admin2" and c.src != 0 else 0.4) if bca else 0.0)
    town = "populated_place"
    if any(c.src in (0, 1) and c.entry.level == town and c.entry.population >= NAME_BEARER_POP for c in cs):
        for c in cs:  # "Mykolaiv": the city of 470,000 of that name, not Lviv, a spelling of whose GeoNames lists it
            if c.src == 2 and c.entry.level == town:
                c.score -= NAME_BORNE
    if bare and sp.text.split()[-1].lower() in _WATERS:
        for c in cs:  # "a ship in the Red Sea": the sea, not Sudan's or Egypt's Red Sea region
            if c.entry.feature_code in WATER_CODES:
                c.score += WATER_NAMED
    if settlement and any(
        c.entry.level == "populated_place" for c in cs
    ):  # "the port city of Chittagong": the city, not the division of that name
        for c in cs:
            if c.entry.level in ("admin1", "admin2", "country"):
                c.score -= SETTLEMENT_NAMED
    cs.sort(key=lambda c: -c.score)


# an alternate spelling never outweighs a large place that bears the name itself
NAME_BEARER_POP = 100_000
NAME_BORNE = 1.5

# a name ending in a word for a sea ("the Red Sea", "the Gulf of Aden" is matched whole) is the water
# unless a term of region follows ("Sudan's Red Sea state"): GeoNames' sea, gulf or strait
_WATERS = {"sea", "ocean", "gulf", "strait", "straits"}
WATER_CODES = frozenset({"SEA", "OCN", "GULF", "STRT", "STRTS", "BAY", "CHNM"})  # GeoNames codes of seas and straits
WATER_NAMED = 3.0

CONTEXT_REACH = 150  # places either side of a place that give it context (every place of an article)


def _context_places(firsts: list[Optional[Entry]], spans: list[Span], i: int) -> list[Entry]:
    """The other places (each one's best reading) near place ``i``, in text order, without those
    of the same name: all of an article's; in a book-length text only the ``CONTEXT_REACH``
    nearest either side (testing every place against every other made 1 MB take minutes)."""
    key = spans[i].key
    lo, hi = max(0, i - CONTEXT_REACH), min(len(firsts), i + CONTEXT_REACH + 1)
    return [e for j in range(lo, hi) if (e := firsts[j]) is not None and j != i and spans[j].key != key]


@dataclass
class _Around:
    """What the rest of the document says about one span's candidates."""

    occ: Counter  # countries of the other places
    said: Counter  # countries of the demonyms
    adm1: Counter
    adm2: set
    container: Optional[Entry]  # the place right after ("Sudzha, in Kursk Oblast")
    points: list[Entry]
    region_form: Optional[Entry]  # the subdivision this bare name is the base of
    near: Counter = field(
        default_factory=Counter
    )  # the neighbours of the countries of the other places (how often named)


def _context_pass(
    spans: list[Span],
    cands: list[list[_Cand]],
    region_forms: dict[str, Entry],
    text: str,
    neighbours: Optional[dict[str, frozenset]] = None,
) -> None:
    """Rank each span's candidates by prior and context; demonyms ("Russian troops shelled
    Kherson") say who acts more than where: they weigh a quarter of a place for the country
    (DEMONYM_WEIGHT) and nothing below it."""
    tops = [cs[0].entry if cs else None for cs in cands]
    # a country that strikes or takes ("Russia shelled Kherson") says who acts, as a demonym does,
    # not where: its towns are not likelier for it
    qualifies = [
        sp.source == "adjectival" or (sp.striker and e is not None and e.level == "country")
        for sp, e in zip(spans, tops)
    ]
    firsts = [e if not qualifies[j] else None for j, e in enumerate(tops)]
    said_all = Counter(e.country_code for j, e in enumerate(tops) if qualifies[j] and e is not None and e.country_code)
    for i, (sp, cs) in enumerate(zip(spans, cands)):
        if not cs:
            continue
        others = _context_places(firsts, spans, i)
        said = said_all
        top = tops[i]
        if qualifies[i] and top is not None and top.country_code:
            said = said_all - Counter([top.country_code])  # not its own evidence
        k = _container_at(i, spans, firsts, text)
        container = firsts[k] if k is not None else None
        around = _Around(
            occ=Counter(e.country_code for e in others if e.country_code),
            said=said,
            adm1=Counter(e.admin1_id if e.level != "admin1" else e.geonameid for e in others),
            adm2={e.admin2_id if e.level != "admin2" else e.geonameid for e in others},
            container=container,
            points=[e for e in others if e.level in ("populated_place", "admin2", "admin1")],
            region_form=region_forms.get(sp.key) if sp.term is None else None,
        )
        # next to the document's countries only for a name with no reading inside them ("Gaza" in an
        # article about Israel; not "Durango" in one about Texas)
        if neighbours and not any(c.entry.country_code in around.occ for c in cs):
            for cc, k in (around.occ + around.said).items():
                for nb in neighbours.get(cc, ()):
                    around.near[nb] += k
        for rank, c in enumerate(cs):
            _context_score(c, rank, around)
        for c in cs:
            c.total = c.score + c.extra
        cs.sort(key=lambda c: -c.total)


_POSSESSIVE = re.compile(r"['’]s?\s+")
_IN = re.compile(r"\s+in\b", re.I)  # "Kalo in Mali's Mopti region"; not a list ("in Michigan, in Utah")


def _container_at(i: int, spans: list[Span], firsts: list[Optional[Entry]], text: str) -> Optional[int]:
    """The index of the place the text says name ``i`` lies in: the next one ("Sudzha, in Kursk
    Oblast"), or the region a country's possessive names after it ("Kalo in Mali's Mopti region")."""
    j = i + 1
    if not text or j >= len(spans) or firsts[j] is None or not _CONTAIN.match(text[spans[i].end : spans[j].start]):
        return None
    k, country = j + 1, firsts[j]
    if (
        k < len(spans)
        and country is not None
        and country.level == "country"
        and (region := firsts[k]) is not None
        and region.country_code == country.country_code
        and _POSSESSIVE.fullmatch(text[spans[j].end : spans[k].start])
    ):
        return k
    return j


_FINER = {
    "country": ("admin1", "admin2", "populated_place", "other"),
    "admin1": ("admin2", "populated_place", "other"),
    "admin2": ("populated_place", "other"),
}
CONTAINER_KM = 150  # a place the text puts in a region lies this close to the region's point at most


def _in_container(container: Entry, e: Entry) -> bool:
    """Whether ``e`` may lie in ``container``: filed under it, or in its country and near its point
    (the Gaza Strip and the Deir al-Balah governorate are both first-level divisions)."""
    if e.geonameid == container.geonameid or _contains(container, e):
        return True
    return (
        container.level in ("admin1", "admin2")
        and e.country_code == container.country_code
        and _km(container, e) <= CONTAINER_KM
    )


def _outside_container(spans: list[Span], cands: list[list[_Cand]], text: str) -> None:
    """A name the text puts in a country or region ("Kalo in Mali's Mopti region") is not a place
    elsewhere that only an alternate or a loose spelling gives it (Myanmar's Kalaw, spelt "Kalo"
    too): with no candidate in that place, those go, and the name falls back to that place. A name
    spelt as the gazetteer's own stays (its namesakes are ranked by the container already)."""
    firsts = [cs[0].entry if cs and sp.source != "adjectival" else None for sp, cs in zip(spans, cands)]
    for i, cs in enumerate(cands):
        k = _container_at(i, spans, firsts, text) if cs else None
        if k is None or not _IN.match(text[spans[i].end : spans[i + 1].start]):
            continue
        container = firsts[k]
        if container is None or container.level not in ("country", "admin1", "admin2"):
            continue
        finer = _FINER[container.level]
        if not any(_in_container(container, c.entry) for c in cs):
            cands[i] = [c for c in cs if c.src < 2 or c.entry.level not in finer]


def _context_score(c: _Cand, rank: int, around: _Around) -> None:
    e = c.entry
    occ, said = around.occ, around.said
    ctx = 0.0
    if e.country_code and occ.get(e.country_code):
        ctx += 1.2 + 0.25 * min(occ[e.country_code], 4)
    else:
        # a demonym of its country; a country next to the document's ("Gaza" in an article about
        # Israel: the Palestinian city, not Mozambique's province)
        weak = [
            w * (1.2 + 0.25 * min(n, 4))
            for w, n in (
                (DEMONYM_WEIGHT, said.get(e.country_code or "")),
                (NEIGHBOUR_WEIGHT, around.near.get(e.country_code or "")),
            )
            if n
        ]
        if weak:
            ctx += max(weak)
        elif occ and e.country_code and e.level != "country" and e.feature_code != "PPLC" and e.population < WELL_KNOWN:
            ctx -= OUT_OF_FOCUS  # in no country of the document, nor next to one (nor a capital or a city of millions)
    if e.level == "country" and occ.get(e.country_code):
        ctx -= 0.6  # a country is not made likelier by its own towns as much as a town by its country
    national = ctx
    a1 = e.admin1_id if e.level != "admin1" else e.geonameid
    if a1 is not None and around.adm1.get(a1):
        ctx += 0.9
    if e.level == "admin2" and e.geonameid in around.adm2:
        ctx += 0.5
    container = around.container
    if container is not None and (
        _contains(container, e) or (container.level == "populated_place" and _km(container, e) < 30)
    ):
        ctx += 3.0
    if around.region_form is not None and e.geonameid == around.region_form.geonameid:
        ctx += 3.0
    if around.points and rank < 10 and e.level in ("populated_place", "admin2"):
        d = min(_km(e, p) for p in around.points[:20])
        ctx += 1.0 if d < 60 else 0.6 if d < 200 else 0.3 if d < 500 else 0.0
    c.extra = ctx
    c.local = ctx - national  # evidence below the country level


def _neighbours(gaz: Gazetteer) -> dict[str, frozenset]:
    """Each country's neighbours (GeoNames' country table)."""
    cached = getattr(gaz, "_neighbours", None)
    if cached is None:
        cached = {cc: frozenset(n for n in (row[5] or "").split(",") if n) for cc, row in gaz.countries.items()}
        try:
            gaz._neighbours = cached  # type: ignore[attr-defined]
        except AttributeError:  # pragma: no cover - a gazetteer stand-in with slots
            pass
    return cached


def _focus(cands: list[list[_Cand]], neighbours: dict[str, frozenset]) -> set[str]:
    """The countries a document is about: those of its countries, regions, cities and demonyms
    (not of its small towns, which may be the homonyms in question), and their neighbours."""
    focus = {cc for cc in map(_vouches_for, cands) if cc}
    return focus | {n for cc in focus for n in neighbours.get(cc, ())}


def _vouches_for(cs: list[_Cand]) -> Optional[str]:
    """The country a name's reading makes a country of the document, if any (see :func:`_focus`)."""
    if not cs or cs[0].src == 9:
        return None
    e = cs[0].entry
    return (
        e.country_code
        if e.country_code and (e.level in ("country", "admin1", "admin2") or e.population >= 100_000)
        else None
    )


class _Focus:
    """:func:`_focus` over some of a document's names, leaving out the names of one key at a time
    (in linear time: counted once)."""

    def __init__(self, spans: list[Span], cands: list[list[_Cand]], keep, neighbours) -> None:
        self.neighbours = neighbours
        self.total: Counter = Counter()
        self.by_key: dict[str, Counter] = {}
        for sp, cs in zip(spans, cands):
            cc = _vouches_for(cs) if keep(sp) else None
            if cc:
                self.total[cc] += 1
                self.by_key.setdefault(sp.key, Counter())[cc] += 1

    def without(self, key: str) -> set[str]:
        own = self.by_key.get(key, Counter())
        focus = {cc for cc, n in self.total.items() if n > own.get(cc, 0)}
        return focus | {n for cc in focus for n in self.neighbours.get(cc, ())}


@functools.lru_cache(maxsize=4)
def _demonym_cue(nouns: tuple[str, ...], modifiers: tuple[str, ...]) -> re.Pattern:
    """ "the Ukrainian city of ", "a Malian border town called ": a demonym before the place noun of a name."""
    mods = "|".join(map(re.escape, modifiers))
    return re.compile(
        rf"\b([A-Z][\w'-]+)\s+(?:(?:{mods})\s+)?(?:{'|'.join(map(re.escape, nouns))})\s+(?:of|called|named)\s+$"
    )


def _country_named_before(spans: list[Span], cands: list[list[_Cand]], text: str, gaz: Gazetteer, lex: Lexicon) -> None:
    """A name the report places with a demonym ("the Ukrainian city of Sumy", "the Malian town of
    Boni") is the place of that country when it has one: never a hamlet of the same name abroad."""
    cue = _demonym_cue(lex.demonym_place_nouns, lex.demonym_place_modifiers)
    for i, sp in enumerate(spans):
        m = cue.search(text[max(0, sp.start - 60) : sp.start]) if cands[i] else None
        cc = gaz.demonyms.get(m.group(1).lower()) if m else None
        if cc is None:
            continue
        own = [c for c in cands[i] if c.entry.country_code == cc]
        if own and own[0] is not cands[i][0]:
            cands[i] = own + [c for c in cands[i] if c.entry.country_code != cc]


def _far_homonyms(spans: list[Span], cands: list[list[_Cand]], neighbours: dict[str, frozenset]) -> None:
    """A small town in no country of the document nor next to one is not the place meant ("Mount
    Hermon" in an article about Syria and Israel is not the hamlet in Virginia): left out, so that
    the name falls back to its region in context or stays unresolved. A name before a facility's
    noun ("the Naivasha market" in a report on Sudan) is the facility's own: no far town is meant
    unless it is a city of half a million or more, and the facility's name does not vouch for its
    own country. A name does not vouch for its own reading either: the countries are those of the
    document's other names ("the town of Boni" in a report on Mali is not Bonn, although Bonn is a
    city that would make Germany a country of the document)."""
    every = _Focus(spans, cands, lambda sp: True, neighbours)
    if not every.total:
        return
    names = {spans[i].key for i, cs in enumerate(cands) if spans[i].facility}
    others = _Focus(spans, cands, lambda sp: sp.key not in names, neighbours)
    # a hamlet must lie where the report's places are, not only in a country an adjective names
    # ("Boni", a Russian hamlet of 20, in a report on Mali that mentions "Russian mercenaries")
    located = _Focus(spans, cands, lambda sp: sp.source != "adjectival", neighbours)
    for i, cs in enumerate(cands):
        if cs and spans[i].source != "gold":
            key = spans[i].key
            focus = every.without(key)
            if focus:
                near = (others.without(key) if names else focus) or focus, located.without(key) or focus
                cands[i] = _near_enough(spans[i], cs, focus, *near)


def _near_enough(sp: Span, cs: list[_Cand], focus: set, others: set, located: set) -> list[_Cand]:
    """The candidates of span ``sp`` that lie in the document's countries (those of its other names)."""
    facility = sp.facility
    kept = [
        c
        for c in cs
        if c.entry.level != "populated_place"
        or c.entry.population >= (FACILITY_HOMONYM if facility else SMALL_HOMONYM)
        or c.entry.country_code in (others if facility else located if c.entry.population < HAMLET else focus)
    ]
    if len(kept) < len(cs):  # a far town that bears the name only as an old or foreign alternate is not meant
        kept = [c for c in kept if c.src != 2 or c.entry.country_code in focus or c.entry.level != "populated_place"]
    # nor the far municipality named after a town left out ("Moura", Portugal, in a report on Mali)
    gone = {(c.entry.country_code, c.entry.name) for c in cs if c not in kept and c.entry.level == "populated_place"}
    return [c for c in kept if c.entry.level != "admin2" or (c.entry.country_code, c.entry.name) not in gone]


def _tolerant_inside_countries(cands: list[list[_Cand]]) -> None:
    """Transliteration-tolerant matches only inside the document's countries, or a region spelled
    all but identically ("Lower Shabelle" / "Lower Shabeelle")."""
    firsts = [cs[0].entry if cs else None for cs in cands]
    sure = Counter(f.country_code for f, cs in zip(firsts, cands) if f is not None and cs[0].src != 9)
    for i, cs in enumerate(cands):
        if cs and cs[0].src == 9:
            cands[i] = [
                c
                for c in cs
                if c.src != 9
                or sure.get(c.entry.country_code)
                or (c.entry.level == "admin1" and c.spelling >= NEAR_IDENTICAL)
            ]


def _fallback_region(i: int, spans: list[Span], picked: list[Optional[Entry]], text: str) -> Optional[Entry]:
    """The region containing an unknown name: the place right after it, else the closest region
    before it (a demonym is no place: "an Israeli strike hit a building in Aitou" says nothing of
    where Aitou is)."""
    picked = [None if _describes(s) else e for s, e in zip(spans, picked)]
    k = _container_at(i, spans, picked, text)
    after = picked[k] if k is not None else None
    if after is not None and after.level in ("admin1", "admin2", "country"):
        return after
    own = _in_its_sentence(i, spans, picked, text)
    if own is not None:  # "a strike on a house in Aitaroun killed three, Lebanon's health ministry said"
        return own
    best = None
    for j in range(i - 1, -1, -1):
        e = picked[j]
        if e is not None and e.level in ("admin1", "admin2"):
            return e
        if e is not None and e.level == "country" and best is None:
            best = e
    if best is not None:
        return best
    for j in range(i + 1, len(spans)):
        e = picked[j]
        if e is not None and e.level in ("admin1", "admin2", "country"):
            return e
    return None


_FROM = re.compile(r"\b(?:from|with)\s+(?:the\s+)?$")


def _in_its_sentence(i: int, spans: list[Span], picked: list[Optional[Entry]], text: str) -> Optional[Entry]:
    """The one country the regions and countries of the unknown name's own sentence are in (its
    region when one is named), when they name one: the sentence tells where it is before any
    earlier paragraph does."""
    lo = max(text.rfind(". ", 0, spans[i].start), text.rfind("\n", 0, spans[i].start)) + 1
    hi = min((k for k in (text.find(". ", spans[i].end), text.find("\n", spans[i].end)) if k >= 0), default=len(text))
    near = [
        e
        for sp, e in zip(spans, picked)
        if e is not None
        and lo <= sp.start < hi
        and e.level in ("admin1", "admin2", "country")
        and not _FROM.search(text[max(0, sp.start - 12) : sp.start])  # "across the border from Rwanda"
    ]
    if len({e.country_code for e in near}) != 1:
        return None
    return next((e for e in near if e.level != "country"), near[0])


def _describes(sp: Span) -> bool:
    """A name that only describes the noun after it ("the northern Israeli city of Haifa", "the US
    military"): no region an unknown town of the text lies in."""
    return sp.source == "adjectival" or sp.modifier


def _matcher_accepts(sp: Span, win: Optional[_Cand]) -> bool:
    """Whether a capitalized name found only by the gazetteer matcher is a place mention."""
    if win is None or win.src == 9:
        return False
    e = win.entry
    # the tagger called it a person or an organisation, with no locative preposition before it
    weak = sp.weak and not sp.locative
    if sp.embedded and e.level == "admin2":  # "Meigs County Court"
        return win.src == 0 and len(sp.key.split()) > 1
    if e.level in ("country", "continent", "admin1"):
        return win.src in (0, 1) or (not weak and win.local >= 1.5)
    if e.level == "admin2":
        return win.src == 0 and not weak and win.local >= 1.5
    locative = sp.locative
    big = e.population >= (
        1_000_000 if win.src == 2 and not locative else 100_000 if weak or win.src == 2 else MIN_MATCHER_POP
    )
    # a small town needs evidence below the country level: its region named, or places near it
    # an alternate spelling needs more: the region or country containing it named right after it
    # ("Kiryat Shmona in northern Israel")
    # or, after a preposition of place, its country or a neighbour named in the document ("a rocket
    # attack on Majdal Shams" in an article about Israel and Lebanon, "rockets at Kiryat Shmona")
    return (
        (big and win.src in (0, 1, 2))
        or (win.src in (0, 1) and win.local >= 1.5)
        or (win.src == 2 and not weak and win.local >= 3.0)
        or (
            locative
            and not weak
            and not sp.embedded
            and win.src in (0, 1, 2)
            and win.extra - win.local >= LOCATIVE_NATIONAL
        )
    )


def _role(sp: Span, e: Optional[Entry]) -> str:
    """What the name does in its sentence: a place where something is, a government that acts
    ("Moscow denied", "the Kyiv regime"), a demonym or modifier ("Ukrainian forces", "the US
    military"), part of a longer name ("the Security Service of Ukraine") or where a person is
    from ("Edan Alexander, who grew up in New Jersey": "origin")."""
    if sp.embedded:
        return "name_part"
    if sp.origin:
        return "origin"
    if sp.source == "adjectival" or sp.modifier:
        return "demonym"
    if sp.actor_noun or (sp.subject and e is not None and e.feature_code == "PPLC"):
        return "actor"
    return "location"


def _kept(sp: Span, win: Optional[_Cand], cs: list[_Cand], groups: Optional[Callable[[str], bool]]) -> bool:
    """Whether a resolved span is a place record: not a matcher's name that does not qualify, not
    an unknown facility, not an armed group's name the gazetteer does not know ("M23", tagged as
    a country)."""
    if sp.source == "gazetteer" and not _matcher_accepts(sp, win):
        return False
    if sp.source == "ner" and sp.label == "FAC" and win is None:
        return False
    return bool(cs) or groups is None or not groups(sp.text)


def _candidate_records(cs: list[_Cand]) -> tuple[PlaceCandidate, ...]:
    """The five best candidates, as records."""
    return tuple(
        PlaceCandidate(
            geonameid=c.entry.geonameid,
            name=c.entry.name,
            feature_code=c.entry.feature_code,
            country_code=c.entry.country_code,
            admin1=c.entry.admin1,
            latitude=c.entry.latitude,
            longitude=c.entry.longitude,
            population=c.entry.population,
            score=round(c.total, 3),
        )
        for c in cs[:5]
    )


def to_places(
    ctx,
    spans: list[Span],
    gaz: Gazetteer,
    lex: Optional[Lexicon] = None,
    keep_all: bool = False,
    groups: Optional[Callable[[str], bool]] = None,
) -> list[Place]:
    """Resolve ``spans`` and build :class:`Place` records (matcher spans that do not qualify are
    dropped, and names of armed groups, by ``groups``, that the gazetteer does not know)."""
    lex = lex or load()
    text = ctx.text
    keep = [
        (sp, win, cs)
        for sp, win, cs, _ in resolve_spans(spans, gaz, lex, text)
        if keep_all or _kept(sp, win, cs, groups)
    ]
    picked = [w.entry if w is not None else None for _, w, _ in keep]
    places = []
    ks = [k[0] for k in keep]
    for i, (sp, win, cs) in enumerate(keep):
        fields = ctx.span_fields(sp.start, sp.end)
        cand_recs = _candidate_records(cs)
        e = win.entry if win is not None else None
        fallback = False
        if e is None and (sp.source in ("cue", "region", "gold") or sp.after_preposition):
            # an unknown name in a place slot ("near Kruglenkoe", "in Zarichne"): its region in context
            e = _fallback_region(i, ks, picked, text)
            fallback = e is not None
        if e is None:
            places.append(Place(**fields, role=_role(sp, None), resolved=False, candidates=cand_recs))
            continue
        role = _role(sp, e)
        gp = ACLED.get(e.level, 3)
        wp = UCDP.get(e.level, 6)
        if fallback:
            gp = 3
            wp = max(wp, 4) if e.level != "country" else 6
        elif sp.near and e.level == "populated_place":
            gp, wp = 2, 2
        places.append(
            Place(
                **fields,
                **entry_fields(e),
                role=role,
                score=round(win.total, 3) if win is not None else 0.0,
                candidates=cand_recs,
                geo_precision=gp,
                where_prec=wp,
                fallback=fallback,
            )
        )
    return places


def entry_fields(e: Entry) -> dict:
    """The fields of a resolved :class:`Place` that come from its gazetteer entry."""
    return dict(
        resolved=True,
        geonameid=e.geonameid,
        name=e.name,
        latitude=e.latitude,
        longitude=e.longitude,
        feature_class=e.feature_class,
        feature_code=e.feature_code,
        level=e.level,
        country_code=e.country_code,
        country_iso3=e.country_iso3,
        country=e.country,
        admin1=e.name if e.level == "admin1" else e.admin1,
        admin2=e.name if e.level == "admin2" else e.admin2,
        population=e.population,
        point_source=e.point_source,
        source_id=e.source_id,
        district=e.district,
    )
