"""The records kronika produces: immutable pydantic v2 models with offsets into the text.

Every extracted item carries ``start``/``end`` character offsets into ``Document.text``,
the surface ``text`` and the index of its ``sentence`` (see ``Analysis.sentences``), so
every fact links back to the exact sentence it came from.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)  # built on first use: fast start-up


class Mention(Record):
    """A span of the document text."""

    start: int = Field(description="character offset of the first character")
    end: int = Field(description="character offset one past the last character")
    text: str
    sentence: int = Field(description="index into Analysis.sentences")


class Sentence(Record):
    index: int
    start: int
    end: int
    text: str


ZoneKind = Literal["front_matter", "title", "description", "heading", "metadata", "related", "caption"]
# zones whose text is not the article's own reporting: no events or claims come from them
NON_REPORTING_ZONES = frozenset({"front_matter", "heading", "metadata", "related"})


class Zone(Record):
    """A part of the text that is not plain body text (see :mod:`kronika.ingest.zones`)."""

    start: int
    end: int
    kind: ZoneKind


class Document(Record):
    id: str = Field(description="stable id: sha256 of the normalized text, first 16 hex digits")
    text: str
    title: Optional[str] = None
    description: Optional[str] = Field(None, description="the publisher's summary (front matter, HTML meta)")
    url: Optional[str] = None
    source: Optional[str] = Field(None, description="publisher, e.g. 'Euromaidan Press'")
    author: Optional[str] = None
    published: Optional[dt.date] = None
    published_from: Literal["metadata", "user", "text", "unknown"] = "unknown"
    format: str = "text"
    path: Optional[str] = None
    zones: tuple[Zone, ...] = Field((), description="front matter, title, headings, 'Related:' lists, captions")

    @property
    def published_inferred(self) -> bool:
        return self.published_from == "text"


# --- places -------------------------------------------------------------------------


class PlaceCandidate(Record):
    geonameid: int
    name: str
    feature_code: str
    country_code: Optional[str] = None
    admin1: Optional[str] = None
    latitude: float
    longitude: float
    population: int = 0
    score: float = 0.0


class Place(Mention):
    """A place name in the text and what it resolved to (GeoNames)."""

    role: Literal["location", "actor", "demonym", "name_part", "origin"] = Field(
        "location",
        description="'location': where something is or happens; 'actor': the name stands for a "
        'government ("Moscow denied"); \'demonym\': an adjectival form or a modifier ("Ukrainian forces", '
        "\"US military\"); 'name_part': inside a longer name (\"the Security Service of Ukraine\"); 'origin': "
        'where a person is from, in a clause about the person ("Edan Alexander, who grew up in New Jersey")',
    )
    resolved: bool = False
    geonameid: Optional[int] = None
    name: Optional[str] = Field(None, description="GeoNames name of the resolved entry")
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    feature_class: Optional[str] = None
    feature_code: Optional[str] = None
    level: Optional[Literal["continent", "country", "admin1", "admin2", "populated_place", "other"]] = None
    country_code: Optional[str] = Field(None, description="ISO 3166-1 alpha-2")
    country_iso3: Optional[str] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    admin2: Optional[str] = None
    population: Optional[int] = None
    score: float = 0.0
    candidates: tuple[PlaceCandidate, ...] = ()
    geo_precision: Optional[int] = Field(None, description="ACLED: 1 town, 2 near town/part of region, 3 region")
    where_prec: Optional[int] = Field(None, description="UCDP where_prec 1-7")
    fallback: bool = Field(False, description="name not in gazetteer; resolved to its containing region")
    point_source: Optional[str] = Field(
        None,
        description="where the point comes from: 'geonames' (GeoNames' own), 'geonames-dump', "
        "'iso3166-2' (not GeoNames: none there), 'countryinfo', 'median'/'midpoint' (of the region's places), "
        "'ocha', 'whosonfirst', 'ru-census-2021' (settlements of Ukraine and Russia)",
    )
    source_id: Optional[str] = Field(
        None,
        description="a settlement's id in its source ('ocha-pcode:UA1416021001', 'oktmo:38640450111'); "
        "a negative geonameid is not a GeoNames place",
    )
    district: Optional[str] = Field(None, description="a settlement's raion or district in its source")


# --- time ---------------------------------------------------------------------------

Granularity = Literal["time", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century"]


class TimeSpan(Mention):
    """A time expression normalized against an anchor (TIMEX3-style)."""

    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    value: Optional[str] = Field(None, description="TIMEX3 value, e.g. 2025-01-11, 2024-11, P3D")
    start_date: Optional[dt.date] = None
    end_date: Optional[dt.date] = None
    granularity: Optional[Granularity] = None
    mod: Optional[
        Literal["EARLY", "MID", "LATE", "START", "END", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "APPROX"]
    ] = None
    bound: Optional[Literal["by", "since", "until", "before", "after", "between"]] = None
    anchor: Literal["absolute", "publication", "text"] = "absolute"
    defaulted: bool = Field(False, description="no time expression governed the item: publication date used")
    inherited: bool = Field(
        False, description="no time in the item's sentence: the narrative time of a preceding sentence of its paragraph"
    )

    @property
    def acled_time_precision(self) -> int:
        return {"time": 1, "day": 1, "week": 2}.get(self.granularity or "", 3)

    @property
    def ucdp_date_prec(self) -> int:
        return {"time": 1, "day": 1, "week": 2, "month": 3, "season": 4, "quarter": 4, "half": 4}.get(
            self.granularity or "", 5
        )


# --- actors -------------------------------------------------------------------------


class Actor(Mention):
    """An actor mention and its dictionary entry (ACLED-style name, inter code)."""

    actor_id: Optional[str] = Field(None, description="key in the actor dictionary; None if unknown")
    name: str = Field(description="ACLED-style name, or the text for unknown actors")
    kind: str = Field(
        "unknown", description="state, military, government, rebel, person, media, think_tank, civilians, ..."
    )
    country_iso3: Optional[str] = None
    inter: Optional[int] = Field(None, description="ACLED inter code 1-8")
    via: Literal["name", "alias", "demonym", "capital", "leader", "title", "inferred", "unknown"] = Field(
        "name",
        description="how the mention was resolved; 'inferred': a generic noun ('police', 'protesters') "
        "given the country of the event's place",
    )
    person: Optional[str] = Field(None, description="person's name when the mention is a person")
    title: Optional[str] = None
    is_source_only: bool = Field(False, description="media, think tanks, named civilians: sources, not combatants")


# --- quantities and claims ----------------------------------------------------------

Qualifier = Literal["exact", "approximately", "at_least", "more_than", "at_most", "less_than", "range", "vague"]


class Quantity(Mention):
    value: Optional[float] = Field(None, description="point value; None for a range with no point")
    low: Optional[float] = None
    high: Optional[float] = None
    qualifier: Qualifier = "exact"
    qualifier_text: Optional[str] = None
    kind: Literal["count", "measure", "age", "proportion"] = Field(
        "count",
        description="'age' for an age written with its unit ('a 17-year-old'); 'proportion' for a "
        "fraction of a whole ('a third of', 'one in five': value 1/3, 0.2); neither is ever a claim",
    )
    unit: Optional[str] = Field(None, description="km2, mi2, percent, ... ; None for counts")
    unit_name: Optional[str] = Field(None, description="the unit's name: 'square kilometre', 'percentage', 'dollar'")
    per: Optional[str] = Field(None, description="the denominator of a rate, lemmatized: '$80 per barrel' -> 'barrel'")
    counted: Optional[str] = Field(
        None, description="what a count counts: the counted noun, lemmatized ('drone', 'person')"
    )
    counted_phrase: Optional[str] = Field(
        None, description="the counted noun with its modifiers, lemmatized ('ballistic missile', 'civilian')"
    )
    vague: bool = Field(False, description="'hundreds', 'dozens'")
    change: Optional[Literal["up", "down"]] = Field(
        None, description="the figure is a change: 'rose by 5%', 'rose from 300 to 400' (up), 'fell to 8' (down)"
    )
    previous: Optional[float] = Field(
        None, description="the earlier figure of a change between two ('rose from 300 to 400': 300; value is 400)"
    )


class ClaimPart(Record):
    measure: str
    quantity: Quantity


Modality = Literal["asserted", "denied", "forecast", "hypothetical", "estimated", "negated"]


class Claim(Record):
    id: str
    measure: str = Field(
        description="killed, wounded, casualties, captured, missing, troops, equipment, strikes, displaced, area, ..."
    )
    subject: Optional[Actor] = None
    subject_text: Optional[str] = None
    quantity: Quantity
    claimant: Optional[Actor] = None
    claimant_text: Optional[str] = None
    claimant_kind: Literal["named", "anonymous", "author"] = "author"
    cue: Optional[Mention] = None
    quote: Optional[Mention] = None
    modality: Modality = "asserted"
    time: Optional[TimeSpan] = None
    place: Optional[Place] = None
    parts: tuple[ClaimPart, ...] = ()
    parts_sum: Optional[float] = None
    parts_check: Optional[Literal["sum", "short", "exceed"]] = None
    sentence: int
    start: int
    end: int
    text: str = Field(description="the sentence or clause the claim comes from")
    headline: bool = Field(False, description="from a headline or a 'Related:' line")
    statement: Optional[str] = Field(
        None, description="id of the statement that carries the claim (Analysis.statements)"
    )


# --- statements ---------------------------------------------------------------------

Stance = Literal["asserts", "denies", "forecasts", "threatens", "claims_responsibility", "calls_for"]


class Statement(Record):
    """Who said what: one attribution of the text, with its source, cue and content."""

    id: str
    source: Optional[Mention] = Field(None, description="the phrase naming the source; None for agentless passives")
    source_actor: Optional[Actor] = Field(None, description="the source resolved to an actor, when it is one")
    source_name: Optional[str] = Field(
        None, description="the actor's name ('Person (Actor)' for a person), else the source phrase"
    )
    source_kind: Literal["named", "anonymous"] = "named"
    cue: Mention = Field(description="the reporting word(s): 'said', 'denied', 'according to', ':'")
    content: Mention = Field(description="what the source says")
    quote: Optional[Mention] = Field(None, description="the quotation inside the content, if any")
    kind: Literal["direct", "paraphrase"] = "paraphrase"
    stance: Stance = "asserts"
    form: Literal["verb", "noun", "according", "headline", "tail", "signature"] = "verb"
    time: Optional[TimeSpan] = Field(
        None, description="when the statement was made (publication date when the text has none)"
    )
    reported_by: Optional[Mention] = Field(
        None, description="the source that reports this statement ('ISW' in 'ISW: Russia denies ...')"
    )
    reported_by_actor: Optional[Actor] = None
    reported_in: Optional[str] = Field(None, description="id of the statement whose content holds this one")
    claims: tuple[str, ...] = Field((), description="ids of the claims the statement carries")
    zone: Optional[ZoneKind] = Field(
        None,
        description="title; related: another article's headline in a 'Related:' list, shown but never a claim or event",
    )
    sentence: int
    start: int
    end: int
    text: str = Field(description="the sentence of the cue")


# --- events -------------------------------------------------------------------------

EventStatus = Literal["occurred", "negated", "hypothetical", "planned", "denied", "forecast"]


class EventMention(Mention):
    """One place in the text that reports an event (title, lead, body, quote, caption)."""

    trigger: Mention
    zone: Optional[ZoneKind] = Field(None, description="title, description or caption; None for body text")


class Event(Record):
    id: str
    event_type: str
    sub_event_type: str
    kind: Optional[str] = Field(
        None, description="finer kind inside the ACLED sub-event type: capture, deployment, proposal..."
    )
    disorder_type: Optional[str] = None
    trigger: Mention
    actor1: Optional[Actor] = None
    actor2: Optional[Actor] = None
    assoc_actor1: Optional[Actor] = Field(
        None,
        description="who actor1 acts for or with (ACLED's assoc_actor_1): the group whose supporters demonstrate "
        "('Houthi supporters rallied': actor1 Protesters (Yemen), assoc_actor1 the Houthis)",
    )
    place: Optional[Place] = None
    place_from: Literal["clause", "article"] = Field(
        "clause",
        description="clause: named with the event; article: no mention names one, so the article's focus is used "
        "(or the lead event's town, for an event told just after it on its day)",
    )
    time: Optional[TimeSpan] = None
    fatalities: Optional[int] = None
    claims: tuple[str, ...] = Field((), description="ids of supporting claims")
    status: EventStatus = "occurred"
    disputed: bool = Field(
        False, description="one side reports it as done and another denies it (ACLED codes it, noting the dispute)"
    )
    background: bool = Field(False, description="reported as past context, not as the article's news")
    lead: bool = Field(
        False, description="the event the article leads with: its title's, else the first it reports as news"
    )
    confidence: float = 0.5
    sentence: int
    start: int
    end: int
    text: str
    mentions: tuple[EventMention, ...] = Field(
        (), description="every other place in the text that reports this same event (start/end/text is the first)"
    )
    statement: Optional[str] = Field(None, description="id of the statement whose content reports the event")


class Analysis(Record):
    schema_version: int = SCHEMA_VERSION
    document: Document
    sentences: tuple[Sentence, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeSpan, ...] = ()
    actors: tuple[Actor, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    claims: tuple[Claim, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = ()
    pipeline: Optional[str] = Field(None, description="spaCy pipeline name and version used")


def json_schema() -> str:
    """The JSON Schema of :class:`Analysis` (and so of every record)."""
    return json.dumps(Analysis.model_json_schema(), indent=2)


# --- the chronicle across sources ----------------------------------------------------


class EventReport(Record):
    """One document's report of a chronicle event: where it says so."""

    doc_id: str
    event_id: str
    source: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[dt.date] = None
    sentence: int
    start: int
    end: int
    text: str
    status: EventStatus = "occurred"
    disputed: bool = Field(False, description="the report tells a side's denial of it too")
    fatalities: Optional[int] = None


class ChronicleEvent(Record):
    """One real event, merged from the reports of one or more documents."""

    id: str
    event_type: str
    sub_event_type: str
    kind: Optional[str] = None
    disorder_type: Optional[str] = None
    status: Literal["occurred", "negated", "hypothetical", "planned", "denied", "forecast", "contested"] = Field(
        "occurred",
        description="'contested' when some reports say it happened and others deny it, or a report tells both",
    )
    actor1: Optional[Actor] = None
    actor2: Optional[Actor] = None
    assoc_actor1: Optional[Actor] = Field(None, description="who actor1 acts for or with (ACLED's assoc_actor_1)")
    place: Optional[Place] = None
    time: Optional[TimeSpan] = None
    fatalities: Optional[int] = Field(None, description="lowest credible figure among the reports (ACLED's rule)")
    reports: tuple[EventReport, ...]
    n_sources: int = Field(description="distinct publishers (documents without one count singly)")
    first_reported: Optional[dt.date] = None
    last_reported: Optional[dt.date] = None
    merge_score: float = 1.0
    why: tuple[str, ...] = Field((), description="why the reports were merged")


class SeriesPoint(Record):
    """One claim in a series: a figure, who gave it, as of when, where it is said."""

    doc_id: str
    claim_id: str
    date: Optional[dt.date] = Field(None, description="as-of date: end of the claim's time, or publication")
    claimant: Optional[str] = None
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    qualifier: Qualifier = "exact"
    unit: Optional[str] = None
    modality: Modality = "asserted"
    credible: bool = Field(
        True, description="counts toward low/best/high (not denied, forecast, hypothetical, negated)"
    )
    flags: tuple[str, ...] = ()
    source: Optional[str] = None
    sentence: int
    text: str


class SeriesWindow(Record):
    """Low, best and high for one time window of a series (UCDP-style)."""

    window: str = Field(description="YYYY-MM")
    low: Optional[float] = None
    best: Optional[float] = None
    high: Optional[float] = None
    n_points: int = 0


class ClaimSeries(Record):
    """Claims on the same question: same measure, subject, place scope, time scope and unit."""

    key: str
    measure: str
    subject: Optional[str] = None
    place: Optional[str] = None
    time_scope: Optional[str] = Field(None, description="the day a per-day figure counts; None for running totals")
    unit: Optional[str] = None
    points: tuple[SeriesPoint, ...]
    windows: tuple[SeriesWindow, ...] = ()
    low: Optional[float] = None
    best: Optional[float] = None
    high: Optional[float] = None
    flags: tuple[str, ...] = Field((), description="contradiction, inconsistency, revision")
