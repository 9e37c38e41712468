"""The actor dictionary: loading and validating ``data/actors/actors.yaml`` (once).

The YAML lists countries (with their government, military, police, agencies and
leaders), non-state groups, international forces and the sources (media, think tanks)
that report but do not fight. This module flattens it into :class:`Entry` records and a
table of phrases (alias → entry) that the matcher in :mod:`kronika.actors.find` uses.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

import yaml
from pydantic import Field

from kronika.data import ACTORS_DIR as DATA_DIR
from kronika.data import Strict, validate
from kronika.errors import KronikaError

INTER_NAMES = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}

#: actor kinds and the ACLED inter code they default to
KIND_INTER = {
    "state": 1,
    "government": 1,
    "military": 1,
    "police": 1,
    "agency": 1,
    "rebel": 2,
    "political_militia": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external": 8,
    "coalition": 8,
    "international": 8,
    "humanitarian": 8,
}
#: the kinds of the non-state armed groups (a name of one is no place: "M23", tagged as a country)
ARMED_GROUP_KINDS = frozenset({"rebel", "political_militia", "identity_militia", "external"})
SOURCE_KINDS_DEFAULT = ("media", "think_tank", "monitor", "ngo", "humanitarian")


@dataclass(frozen=True)
class Period:
    start: Optional[dt.date]
    end: Optional[dt.date]
    suffix: str

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entry:
    """One actor of the dictionary."""

    id: str
    name: str  # may contain "{period}"
    kind: str
    inter: Optional[int] = None
    iso3: Optional[str] = None
    is_source_only: bool = False
    person: Optional[str] = None
    title: Optional[str] = None
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    institution: Optional[str] = None  # leaders: id of the government/military they stand for

    def display_name(self, dictionary: "Dictionary", day: Optional[dt.date] = None) -> str:
        if "{period}" not in self.name:
            return self.name
        return self.name.replace("{period}", dictionary.period_suffix(self.iso3, day)).strip()


@dataclass(frozen=True)
class Phrase:
    text: str
    entry_id: str
    via: str  # name, alias, capital, leader, title
    cased: bool = False


@dataclass
class Country:
    iso3: str
    name: str
    aliases: list[str]
    demonyms: list[str]
    plural_demonyms: list[str]
    capitals: list[str]
    periods: list[Period]


@dataclass
class Dictionary:
    entries: dict[str, Entry] = field(default_factory=dict)
    phrases: list[Phrase] = field(default_factory=list)
    countries: dict[str, Country] = field(default_factory=dict)
    #: lower-cased demonym → ISO3 (adjectival: "North Korean"); plural nouns separately
    demonyms: dict[str, str] = field(default_factory=dict)
    plural_demonyms: dict[str, str] = field(default_factory=dict)
    #: lower-cased head noun → role (military, government, police, civilians)
    demonym_nouns: dict[str, str] = field(default_factory=dict)
    unknown_kind_cues: dict[str, list[str]] = field(default_factory=dict)
    demonym_blockers: frozenset = frozenset()
    #: lower-cased words that never end a person's or organisation's name ("Russian Attack")
    not_name_heads: frozenset = frozenset()
    #: lower-cased nouns a faith's adjective names a thing of ("a Buddhist monastery"), not a group
    faith_buildings: frozenset = frozenset()
    languages: frozenset = frozenset()
    weapon_names: frozenset = frozenset()
    #: verbs of harm and the strikes that do it: a people counted as their object is civilians
    harm_verbs: frozenset = frozenset()
    hold_verbs: frozenset = frozenset()
    harm_doers: frozenset = frozenset()
    #: nouns that end an armed group's own name ("the Gran Grif gang", "the Kata'ib Jund militia")
    group_heads: frozenset = frozenset()
    source_only_kinds: frozenset = frozenset(SOURCE_KINDS_DEFAULT)
    #: lower-cased phrase → list of phrases (for :func:`lookup`)
    by_text: dict[str, list[Phrase]] = field(default_factory=dict)

    def period_suffix(self, iso3: Optional[str], day: Optional[dt.date] = None) -> str:
        country = self.countries.get(iso3 or "")
        if not country or not country.periods:
            return ""
        if day is not None:
            for period in country.periods:
                if period.covers(day):
                    return period.suffix
            if country.periods[0].start and day < country.periods[0].start:
                return country.periods[0].suffix
        return country.periods[-1].suffix

    def role_entry(self, iso3: Optional[str], role: str) -> Optional[Entry]:
        """The country's actor for ``role``: state, government, military, police, civilians."""
        if iso3 is None:
            return None
        return self.entries.get(iso3 if role == "state" else f"{iso3}.{role}")

    def armed_group(self, name: str) -> bool:
        """Whether ``name`` is one of a non-state armed group's names ("M23", "Al-Shabaab")."""
        phrases = self.by_text.get(_norm(name), ())
        return any(
            self.entries[p.entry_id].kind in ARMED_GROUP_KINDS for p in phrases if not p.cased or p.text == name.strip()
        )

    def institution_of(self, entry: Entry) -> Entry:
        """What a leader, agency or state stands for in an event (itself otherwise)."""
        if entry.institution and entry.institution in self.entries:
            return self.entries[entry.institution]
        return entry


# --- the file's model (checked before the dictionary is built from it) ------------------

Names = Union[str, list[str]]  # one name, or a list of them


class _Period(Strict):
    start: Optional[dt.date] = Field(None, alias="from")
    end: Optional[dt.date] = Field(None, alias="to")
    suffix: str


class _Body(Strict):
    """A country's government, military or police."""

    name: Optional[str] = None
    aliases: Names = []
    cased: Names = []


class _Agency(Strict):
    id: str
    name: str
    kind: str = "agency"
    inter: Optional[int] = None
    institution: Optional[str] = None
    aliases: Names = []
    cased: Names = []


class _Leader(Strict):
    id: str
    person: str
    title: Optional[str] = None
    institution: Optional[str] = None
    start: Optional[dt.date] = Field(None, alias="from")
    end: Optional[dt.date] = Field(None, alias="to")
    aliases: Names = []
    titled: Names = []


class _Country(Strict):
    name: str
    aliases: Names = []
    demonyms: Names = []
    plural_demonyms: Names = []
    capitals: Names = []
    periods: list[_Period] = []
    government: Optional[_Body] = None
    military: Optional[_Body] = None
    police: Optional[_Body] = None
    agencies: list[_Agency] = []
    leaders: list[_Leader] = []


class _Group(Strict):
    """An armed group, or a source (``sources``)."""

    id: str
    name: str
    kind: Optional[str] = None
    inter: Optional[int] = None
    iso3: Optional[str] = None
    is_source_only: Optional[bool] = None
    aliases: Names = []
    cased: Names = []


class ActorsFile(Strict):
    """``data/actors/actors.yaml``."""

    version: int
    unknown_kind_cues: dict[str, Names] = {}
    source_only_kinds: Names = []
    demonym_blockers: Names = []
    not_name_heads: Names = []
    faith_buildings: Names = []
    languages: Names = []
    weapon_names: Names = []
    harm_verbs: Names = []
    hold_verbs: Names = []
    harm_doers: Names = []
    group_heads: Names = []
    demonym_nouns: dict[str, Names] = {}
    countries: dict[str, _Country]
    groups: list[_Group] = []
    sources: list[_Group] = []


def _date(value) -> Optional[dt.date]:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _fail(message: str):
    raise KronikaError(f"actor dictionary: {message}")


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


_TITLE_PREFIXES = {
    "President",
    "Prime Minister",
    "Supreme Leader",
    "Foreign Minister",
    "Defence Minister",
    "Defense Minister",
}


def _build(raw: dict) -> Dictionary:
    d = Dictionary()
    if not isinstance(raw, dict) or "countries" not in raw:
        _fail("missing 'countries'")
    _vocabulary(d, raw)
    for iso3, c in raw["countries"].items():
        _country(d, iso3, c)
    _other_countries(d)
    for section, source_default in (("groups", False), ("sources", True)):
        for g in raw.get(section) or []:
            _group(d, section, source_default, g)
    for phrase in d.phrases:
        if phrase.entry_id not in d.entries:
            _fail(f"phrase {phrase.text!r} points to unknown id {phrase.entry_id}")
        key = _norm(phrase.text)
        d.by_text.setdefault(key, []).append(phrase)
    return d


def _other_countries(d: Dictionary) -> None:
    """Every other country by its demonym only ("Greek police", "Kenyan troops", "Liberian-flagged"):
    its government, forces, police and civilians, named as ACLED names them, from the ``countryinfo``
    package (MIT). Its name and capital stay places: the curated countries alone act by name."""
    try:
        import countryinfo
    except ImportError:  # pragma: no cover - a dependency
        return
    for f in sorted((Path(countryinfo.__file__).parent / "data").glob("*.json")):
        v = json.loads(f.read_text(encoding="utf-8"))
        iso3 = ((v.get("ISO") or {}).get("alpha3") or "").upper()
        dem, name = v.get("demonym"), v.get("name")
        if not re.fullmatch(r"[A-Z]{3}", iso3) or iso3 in d.countries or not dem or not name:
            continue
        if dem.lower() in d.demonyms:
            continue  # "Dominican": the first country that has it
        country = Country(iso3=iso3, name=name, aliases=[], demonyms=[dem], plural_demonyms=[], capitals=[], periods=[])
        d.countries[iso3] = country
        d.demonyms[dem.lower()] = iso3
        _country_actors(d, country, {})


def _add(d: Dictionary, entry: Entry, aliases=(), cased=(), via="alias") -> None:
    if entry.id in d.entries:
        _fail(f"duplicate id {entry.id}")
    if entry.inter is not None and entry.inter not in INTER_NAMES:
        _fail(f"{entry.id}: inter must be 1-8")
    if not entry.name:
        _fail(f"{entry.id}: empty name")
    d.entries[entry.id] = entry
    for a in aliases:
        d.phrases.append(Phrase(a, entry.id, via))
    for a in cased:
        d.phrases.append(Phrase(a, entry.id, via, cased=True))


def _vocabulary(d: Dictionary, raw: dict) -> None:
    """The word lists: demonym nouns and blockers, cues of unknown actors' kinds, source-only kinds."""
    d.demonym_nouns = {}
    for role, nouns in (raw.get("demonym_nouns") or {}).items():
        for noun in _as_list(nouns):
            d.demonym_nouns[noun.lower()] = role
    d.demonym_blockers = frozenset(w.lower() for w in _as_list(raw.get("demonym_blockers")))
    d.not_name_heads = frozenset(w.lower() for w in _as_list(raw.get("not_name_heads")))
    d.faith_buildings = frozenset(w.lower() for w in _as_list(raw.get("faith_buildings")))
    d.languages = frozenset(w.lower() for w in _as_list(raw.get("languages")))
    d.weapon_names = frozenset(w.lower() for w in _as_list(raw.get("weapon_names")))
    d.harm_verbs = frozenset(w.lower() for w in _as_list(raw.get("harm_verbs")))
    d.hold_verbs = frozenset(w.lower() for w in _as_list(raw.get("hold_verbs")))
    d.harm_doers = frozenset(w.lower() for w in _as_list(raw.get("harm_doers")))
    d.group_heads = frozenset(w.lower() for w in _as_list(raw.get("group_heads")))
    d.unknown_kind_cues = {k: [w.lower() for w in _as_list(v)] for k, v in (raw.get("unknown_kind_cues") or {}).items()}
    if raw.get("source_only_kinds"):
        d.source_only_kinds = frozenset(_as_list(raw["source_only_kinds"]))


def _country(d: Dictionary, iso3: str, c: dict) -> None:
    """A country, its demonyms, its actors (government, military, police, civilians, the state),
    capitals, agencies and leaders."""
    if not re.fullmatch(r"[A-Z]{3}", iso3):
        _fail(f"bad ISO3 {iso3!r}")
    periods = [Period(_date(p.get("from")), _date(p.get("to")), p["suffix"]) for p in c.get("periods") or []]
    country = Country(
        iso3=iso3,
        name=c["name"],
        aliases=_as_list(c.get("aliases")),
        demonyms=_as_list(c.get("demonyms")),
        plural_demonyms=_as_list(c.get("plural_demonyms")),
        capitals=_as_list(c.get("capitals")),
        periods=periods,
    )
    d.countries[iso3] = country
    for dem in country.demonyms:
        d.demonyms[dem.lower()] = iso3
    for dem in country.plural_demonyms:
        d.plural_demonyms[dem.lower()] = iso3
    gov_id = _country_actors(d, country, c)
    for cap in country.capitals:
        d.phrases.append(Phrase(cap, gov_id, "capital"))
    for a in c.get("agencies") or []:
        kind = a.get("kind", "agency")
        _add(
            d,
            Entry(
                a["id"],
                a["name"],
                kind,
                a.get("inter", KIND_INTER.get(kind, 1)),
                iso3,
                institution=a.get("institution"),
            ),
            _as_list(a.get("aliases")),
            _as_list(a.get("cased")),
        )
    for lead in c.get("leaders") or []:
        _leader(d, country, lead)


def _country_actors(d: Dictionary, country: Country, c: dict) -> str:
    """The country's government, military, police, civilians and the state; the government's id."""
    iso3 = country.iso3
    gov = c.get("government") or {}
    mil = c.get("military") or {}
    pol = c.get("police") or {}
    gov_id, mil_id = f"{iso3}.government", f"{iso3}.military"
    _add(
        d,
        Entry(gov_id, gov.get("name") or f"Government of {country.name} {{period}}", "government", 1, iso3),
        _as_list(gov.get("aliases")),
        _as_list(gov.get("cased")),
    )
    _add(
        d,
        Entry(mil_id, mil.get("name") or f"Military Forces of {country.name} {{period}}", "military", 1, iso3),
        _as_list(mil.get("aliases")),
        _as_list(mil.get("cased")),
    )
    _add(
        d,
        Entry(f"{iso3}.police", pol.get("name") or f"Police Forces of {country.name} {{period}}", "police", 1, iso3),
        _as_list(pol.get("aliases")),
        _as_list(pol.get("cased")),
    )
    _add(d, Entry(f"{iso3}.civilians", f"Civilians ({country.name})", "civilians", 7, iso3))
    # the state itself: "Russia launched ...", names only (the matcher decides when a
    # country name is an actor and not a place)
    _add(
        d,
        Entry(
            iso3, gov.get("name") or f"Government of {country.name} {{period}}", "state", 1, iso3, institution=gov_id
        ),
        country.aliases,
        (),
        via="name",
    )
    return gov_id


def _leader(d: Dictionary, country: Country, lead: dict) -> None:
    """A leader: their names, with their title ("President Zelensky", "Ukrainian President ...")."""
    iso3 = country.iso3
    inst = f"{iso3}.{lead.get('institution', 'government')}"
    person, title = lead["person"], lead.get("title")
    entry = Entry(
        lead["id"],
        d.entries[inst].name,
        "person",
        1,
        iso3,
        person=person,
        title=title,
        start=_date(lead.get("from")),
        end=_date(lead.get("to")),
        institution=inst,
    )
    names = [person, *_as_list(lead.get("aliases"))]
    titled = []
    if title:
        for n in names:
            if " " in n or title in _TITLE_PREFIXES:
                titled.append(f"{title} {n}")
                for dem in country.demonyms:
                    titled.append(f"{dem} {title} {n}")
    _add(d, entry, names + titled, (), via="leader")
    for t in _as_list(lead.get("titled")):
        d.phrases.append(Phrase(t, entry.id, "title"))


def _group(d: Dictionary, section: str, source_default: bool, g: dict) -> None:
    """An armed group (``groups``) or a source (``sources``)."""
    kind = g.get("kind", "rebel")
    if "id" not in g or "name" not in g:
        _fail(f"{section}: entry without id or name: {g}")
    source_only = bool(g.get("is_source_only", source_default or kind in d.source_only_kinds))
    inter = None if source_only and section == "sources" else g.get("inter", KIND_INTER.get(kind))
    _add(
        d,
        Entry(g["id"], g["name"], kind, inter, g.get("iso3"), is_source_only=source_only),
        [g["name"], *_as_list(g.get("aliases"))] if "{" not in g["name"] else _as_list(g.get("aliases")),
        _as_list(g.get("cased")),
    )


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-").strip().lower()
    text = re.sub(r"\s+", " ", text)
    return text


@functools.lru_cache(maxsize=1)
def load_dictionary() -> Dictionary:
    """The actor dictionary, read and validated once per process."""
    path = DATA_DIR / "actors.yaml"
    try:
        # libyaml's safe loader when PyYAML has it (the file is large: ~5x faster than pure Python)
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:  # pragma: no cover - packaging error
        raise KronikaError(f"cannot read the actor dictionary: {exc}") from exc
    validate(path, raw, ActorsFile)
    return _build(raw)
