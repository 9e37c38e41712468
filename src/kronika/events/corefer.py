"""One event per real event: the mentions of one event (title, lead, body, quote) become one record.

A mention joins an earlier event when nothing tells them apart and something ties them:

* **apart** (``conflict``): another status class, sub-event types of
  different families, places that neither contain nor neighbour each other, days that do not
  overlap, different attackers or targets;
* **tied** (``tie``): an anaphoric noun ("the attack", "Saturday's strike"), the title or the
  publisher's summary (a mention of the lead event), the same clause, a mention within a few
  sentences of another of the event's mentions, the same town, the same named attacker and day,
  the same toll. Headlines and anaphoric nouns name their event loosely: for them only status,
  past context, type family and day can tell two apart.

The merged event takes each field from the mention that knows it best (``merge``): the most
precise place and time, the attacker and target named, the most specific type, the toll of
the first mention that gives one; ``mentions`` keeps every other mention with its offsets, sentence and zone.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from typing import Optional

from kronika.context import Context
from kronika.events.arguments import in_own_phrase
from kronika.events.classify import retype
from kronika.events.parse import in_phrase, trigger_root
from kronika.places.resolve import WATER_CODES
from kronika.records import Actor, Event, EventMention, Place, TimeSpan

# families whose sub-types one report may use for the same event (a strike's weapon, a protest's
# escalation); in the others (battles, territory, strategic developments) they are distinct events
_ONE_EVENT_FAMILIES = {"Explosions/Remote violence", "Demonstrations"}
_WEAK_TYPES = {"Armed clash", "Attack"}
# a toll told on its own ("three people were killed in Kharkiv"): the violence just reported there
_TOLL_WORDS = {
    "killed",
    "kills",  # a headline's present: "RSF kills over 100 in attack on village"
    "kill",  # "ELN rebels kill two soldiers in attack on army base"
    "wounded",
    "injured",
    "died",
}  # what a bare "attack" or "assault" is typed when nothing says more
_WEAK_WORDS = {
    "attack",
    "attacks",
    "attacked",
    "attacking",
    "assault",
    "assaults",
    "assaulted",
    "hit",
    "hits",
    "hitting",
    "target",
    "targets",
    "targeted",
    "targeting",
    "raid",
    "raids",
    "raided",
    *_TOLL_WORDS,
}
_ANAPHORIC = {"the", "this", "that", "these", "those", "its", "their"}
_STATUS_CLASS = {
    "occurred": "occurred",
    "denied": "denied",
    "negated": "denied",
    "planned": "future",
    "forecast": "future",
    "hypothetical": "hypothetical",
}
_PLACE_RANK = {"populated_place": 0, "other": 1, "admin2": 2, "admin1": 3, "country": 4, "continent": 5}
NEAR_KM = 50.0
TOWN_KM = 10.0
RECENT_DAYS = 14
REACH_SENTENCES = 60
NEAR_SENTENCES = 8
# within a family, the more severe type names the whole event (ACLED codes a protest that police
# broke up as a protest with intervention)
_SEVERITY = (
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
)


def _km(a: Place, b: Place) -> float:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return math.inf
    p1, p2 = math.radians(a.latitude), math.radians(b.latitude)
    dp, dl = p2 - p1, math.radians(b.longitude - a.longitude)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def place_contains(big: Place, small: Place) -> bool:
    if big.level in ("country", "continent"):
        return bool(big.country_code) and big.country_code == small.country_code
    if big.level == "admin1":
        return big.country_code == small.country_code and bool(big.name) and small.admin1 == big.name
    return False


def places_agree(a: Optional[Place], b: Optional[Place]) -> bool:
    if a is None or b is None or "continent" in (a.level, b.level):
        return True  # a continent ("supporting Europe") places no event
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if (a.name or a.text) == (b.name or b.text):
        return True
    if _at_sea(a, b) or _at_sea(b, a):
        return True
    return place_contains(a, b) or place_contains(b, a) or _km(a, b) <= NEAR_KM


SEA_KM = 1000  # a ship hit "in the Red Sea" and "66 nautical miles off Hodeidah": one place at sea


def _at_sea(water: Place, p: Place) -> bool:
    """A sea or a gulf, and a town off which a report places a ship ("66 nautical miles southwest of
    the port of Hodeidah": near it, ACLED's precision 2)."""
    return (
        water.feature_code in WATER_CODES
        and p.level == "populated_place"
        and p.geo_precision == 2
        and _km(water, p) <= SEA_KM
    )


def _days(t: Optional[TimeSpan]):
    if t is None or t.defaulted or t.start_date is None:
        return None
    return t.start_date, t.end_date or t.start_date


def times_agree(a: Optional[TimeSpan], b: Optional[TimeSpan], published=None) -> bool:
    """Overlapping days; a mention with no date of its own tells of recent news, so it agrees
    only with an event of the last two weeks."""
    da, db = _days(a), _days(b)
    if da is None and db is None:
        return True
    if da is None or db is None:
        known = da or db
        if published is None:
            return True
        recent = published - dt.timedelta(days=RECENT_DAYS)
        # "last month", begun weeks before and over before the report, is not the news of the day
        return known[1] >= recent and (known[0] >= recent or known[1] >= published)
    return da[0] <= db[1] and db[0] <= da[1]


def _said_day(ev: Event) -> bool:
    """The event's day is the day of a saying in its own sentence ("killed 51 people, the president
    said on Wednesday": :func:`kronika.attach.governing_time` flags it ``inherited``)."""
    t = ev.time
    return t is not None and t.inherited and not t.defaulted and t.sentence == ev.sentence


def _told_before_saying(a: Event, b: Event) -> bool:
    """One mention dated only by the day its news was told, the other by a day of its own up to
    two days before ("missiles hit the institute on Tuesday morning"): the day told is the
    event's; the saying came after it."""
    for said, told in ((a, b), (b, a)):
        if not _said_day(said) or told.time is None or told.time.inherited or told.time.defaulted:
            continue
        day, own = _days(said.time), _days(told.time)
        if day is not None and own is not None and day[0] - dt.timedelta(days=2) <= own[0] and own[1] <= day[1]:
            return True
    return False


def typed_by_default(ev: Event) -> bool:
    """Typed by default: a bare "attack" whose report says nothing of the weapon or the target."""
    return ev.sub_event_type in _WEAK_TYPES and ev.trigger.text.lower() in _WEAK_WORDS


def _toll(ev: Event) -> bool:
    return ev.sub_event_type == "Attack" and ev.trigger.text.lower() in _TOLL_WORDS


def _family(ev: Event) -> str:
    if typed_by_default(ev):
        return "weak"
    return (
        "Demonstrations" if ev.event_type in ("Protests", "Riots") or ev.sub_event_type in _SEVERITY else ev.event_type
    )


def _actors_agree(x, y) -> bool:
    if x is None or y is None:
        return True
    if x.actor_id and y.actor_id:
        return x.actor_id == y.actor_id
    return x.name == y.name


def _unknown_person(a) -> bool:
    """An attacker the dictionary does not know as a person ("spokesman Avichay Adraee said its
    forces had attacked"): a commander or a spokesman of either side, who tells no side apart (a
    victim named apart still does)."""
    return a is not None and a.kind == "person" and a.actor_id is None


def conflict(ev: Event, m: Event, headline: bool = False, published=None) -> bool:
    """Whether something tells ``m`` apart from ``ev``. A headline names its event loosely (a
    country for a town, a target left out): only its status, type family and day count."""
    if _STATUS_CLASS.get(ev.status) != _STATUS_CLASS.get(m.status):
        return True
    fam_e, fam_m = _family(ev), _family(m)
    if "weak" not in (fam_e, fam_m) and (
        fam_e != fam_m or (ev.sub_event_type != m.sub_event_type and fam_e not in _ONE_EVENT_FAMILIES)
    ):
        return True  # a battle and the town it won are two events; a missile and drone strike one
    if _family(ev) != _family(m) and {"Protests", "Riots", "Strategic developments"} & {ev.event_type, m.event_type}:
        return True  # a bare "attack" is never a protest or an agreement
    if not times_agree(ev.time, m.time, published) and not _told_before_saying(ev, m):
        return True
    if (
        (_toll(ev) or _toll(m))
        and not (headline and (_same_toll(ev, m) or _told_with(ev, m)))
        and not _toll_told_next(ev, m)
        and not _same_country_only(ev.place, m.place)
        and (
            ev.place is None
            or m.place is None
            or ev.place.level == "country"
            or m.place.level == "country"
            or _km(ev.place, m.place) > TOWN_KM
        )
    ):
        return True  # a toll joins the strike of its own town only (or of its country, when neither names a town)
    if _sides_swapped(ev, m) and not (headline and _family(ev) == _family(m) == "Demonstrations" and _crowd(ev, m)):
        return True  # an attack on a force and the force's strike back are two events (a headline's
        # "police fire tear gas at protesters" names the protest its body tells from the crowd's side)
    if "Strategic developments" not in (ev.event_type, m.event_type) and _rival_attackers(ev.actor1, m.actor1):
        return True  # "India's strike on Pakistan" and "killed by Pakistani shelling": two events
    if headline:
        return False
    return not (
        places_agree(ev.place, m.place)
        and (_actors_agree(ev.actor1, m.actor1) or _unknown_person(ev.actor1) or _unknown_person(m.actor1))
        and (_actors_agree(ev.actor2, m.actor2) or _victims_only(ev.actor2) or _victims_only(m.actor2))
    )


def _toll_told_next(ev: Event, m: Event) -> bool:
    """A bare toll with no place or attacker of its own in the sentence right after a killing that
    counted its dead ("The RSF killed hundreds of people in Ardamata last week. At least 800 people
    had been killed, the UN said"): the count of that killing, not a killing somewhere unknown."""
    for toll, host in ((m, ev), (ev, m)):
        if _toll(toll) and toll.place is None and toll.actor1 is None and host.place and host.fatalities:
            if any(x.sentence == toll.sentence - 1 for x in (host.trigger, *host.mentions)):
                return True
    return False


def _same_toll(ev: Event, m: Event) -> bool:
    """Both tell the same number killed ("Gangs kill at least 20 in attack on Haitian town" and
    "killed at least 20 people when they stormed the town of Mirebalais"): a headline's toll names
    the event the body tells, however loosely it names the place."""
    return bool(ev.fatalities) and ev.fatalities == m.fatalities


def _told_with(ev: Event, m: Event) -> bool:
    """``m`` sits in the clause of one of ``ev``'s mentions ("kill at least 20 in attack on Haitian
    town": the attack the headline's toll has joined)."""
    return any(x.start < m.end and m.start < x.end for x in ev.mentions)


def _same_country_only(a: Optional[Place], b: Optional[Place]) -> bool:
    """Both mentions are placed at the same country and no finer ("killed more than 100 people in
    an attack on a village", "attacked the village twice with heavy artillery", the village
    unknown to the gazetteer)."""
    return (
        a is not None
        and b is not None
        and a.level == b.level == "country"
        and a.country_code is not None
        and a.country_code == b.country_code
    )


def _same_side(x, y) -> bool:
    """Two actors known to be one: the same dictionary entry, or the same name."""
    if x is None or y is None or _victims_only(x) or _victims_only(y):
        return False
    return x.actor_id == y.actor_id if x.actor_id and y.actor_id else x.name == y.name


def _sides_swapped(ev: Event, m: Event) -> bool:
    """One mention's attacker is the other's target ("a drone attack killed a US contractor ... US
    forces conducted strikes"): a side is never both, so they tell an attack and a reprisal. A
    strategic development has no attacker ("the country put its army on alert" and "the army was
    placed on alert" name one side either way; an agreement binds both), so it swaps nothing."""
    if "Strategic developments" in (ev.event_type, m.event_type):
        return False
    return _same_side(ev.actor2, m.actor1) or _same_side(ev.actor1, m.actor2)


def _crowd(ev: Event, m: Event) -> bool:
    """The side the two mentions put on opposite ends is a crowd (protesters or rioters)."""
    return any(
        a is not None and a.kind in ("protesters", "rioters") for a in (ev.actor1, ev.actor2, m.actor1, m.actor2)
    )


_OWN_WORDS = ("name", "alias", "demonym", "capital")


def _rival_attackers(x, y) -> bool:
    """Two attackers each named in their mention's own words (not inferred, not carried from a
    person) as the forces or the state of two different countries: whatever else the mentions
    share, two sides attacked."""
    if x is None or y is None or x.via not in _OWN_WORDS or y.via not in _OWN_WORDS:
        return False
    if x.kind == "person" or y.kind == "person" or _victims_only(x) or _victims_only(y):
        return False
    return bool(x.country_iso3 and y.country_iso3) and x.country_iso3 != y.country_iso3


def _victims_only(a) -> bool:
    """A target inferred from the people a clause says were hurt ("dozens of people were killed":
    Civilians of the country), which tells no side apart from the force that hurt them."""
    return a is not None and a.kind == "civilians" and a.via == "inferred"


def _anaphoric(ctx: Context, m: Event) -> bool:
    span = ctx.doc.char_span(m.trigger.start, m.trigger.end, alignment_mode="expand")
    tok = span[0] if span is not None and len(span) else None
    return (
        tok is not None
        and tok.tag_.startswith("NN")
        and any((c.dep_ == "det" and c.lower_ in _ANAPHORIC) or c.dep_ == "poss" for c in tok.children)
    )


_SETTING_PREPS = {"during", "in", "at", "amid", "throughout"}


def in_anaphoric_setting(ctx: Context, mentions: list[Event]) -> dict:
    """Mentions told as happening in an event the text refers back to ("troops were captured
    during the battle", "700 people were detained in the protests"): part of that event, they
    name it as loosely as the anaphoric noun does (the trigger of each such mention, and the
    anaphoric noun's)."""
    out = {}
    by_sentence: dict[int, list[Event]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for group in by_sentence.values():
        hosts = [a for a in group if _anaphoric(ctx, a)]
        for a in hosts:
            noun = trigger_root(ctx, a)
            prep = noun.head if noun is not None else None
            if prep is None or prep.dep_ != "prep" or prep.lower_ not in _SETTING_PREPS:
                continue
            for m in group:
                tok = trigger_root(ctx, m)
                if m is not a and tok is not None and prep.head.i == tok.i:
                    out[(m.trigger.start, m.trigger.end)] = (a.trigger.start, a.trigger.end)
    return out


def tie(ev: Event, m: Event, loose: bool, ctx: Optional[Context] = None) -> bool:
    """Whether something ties ``m`` to ``ev`` (they are already known not to conflict); a headline
    or an anaphoric noun (``loose``) is tied to the event nothing tells apart from it."""
    if loose:
        return True
    if min(ev.end, m.end) - max(ev.start, m.start) > 0:
        return True  # two words of one clause ("launched another strike")
    if ctx is not None and told_elsewhere(ctx, m):
        return False  # "elsewhere in the region, three were hurt in shelling": another place, another event
    if _country_and_town(ev, m, ctx) and not (_family(ev) == _family(m) == "Demonstrations"):
        return False  # a toll over a country and one in a town of it are two events (ACLED codes each
        # place); a protest movement over the country and its protests in the capital are one
    if any(abs(x.sentence - m.sentence) <= NEAR_SENTENCES for x in (ev, *ev.mentions)):
        return True  # a report goes on about the event it has just told: nothing tells them apart
    if (
        ev.place is not None
        and m.place is not None
        and ev.place.level == "populated_place"
        and (ev.place.geonameid == m.place.geonameid or ev.place.name == m.place.name)
    ):
        return True
    if ev.fatalities and ev.fatalities == m.fatalities:
        return True
    if (
        ev.sub_event_type == m.sub_event_type
        and ev.place is not None
        and m.place is not None
        and ev.place.level != "country"
        and ev.place.geonameid == m.place.geonameid
        and ev.actor1 is not None
        and m.actor1 is not None
        and ev.actor1.actor_id == m.actor1.actor_id
    ):
        return True  # the same kind of event by the same side at the same place
    same_day = _days(ev.time) is not None and _days(ev.time) == _days(m.time)
    return same_day and ev.actor1 is not None and m.actor1 is not None and ev.sub_event_type == m.sub_event_type


_ELSEWHERE = {"elsewhere"}


def told_elsewhere(ctx: Context, m: Event) -> bool:
    """The mention's clause says it happened elsewhere than what the report has just told ("and
    elsewhere in the region three people were injured in shelling", "four were hurt in attacks
    elsewhere"): an event of its own, however near it is told."""
    tok = trigger_root(ctx, m)
    for _ in range(4):
        if tok is None:
            return False
        if any(c.lower_ in _ELSEWHERE for c in tok.children):
            return True
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "advcl" or tok.head.i == tok.i:
            return False  # up through a clause of its time ("Elsewhere, two were killed when a drone fired")
        tok = tok.head
    return False


# "in western Ukraine", "in the north-east of Syria": a part of the country, named by the country
_PART_OF = re.compile(r"\b(?:north|south|east|west|central)(?:[-\s]?(?:east|west))?(?:ern)?\s+(?:the\s+)?$", re.I)


def _country_and_town(ev: Event, m: Event, ctx: Optional[Context]) -> bool:
    """One mention placed over a whole country, the other in a town of it: two events (a toll
    across the country and one in a town). A single act placed in a part of the country ("she
    was shot in western Ukraine" after "the killing in Lviv") names its town loosely: not apart,
    unless told as one more act ("it also struck vehicles in southern Syria")."""
    for big, small in ((ev, m), (m, ev)):
        if _finer(big.place, small.place) and not (
            big.sub_event_type == small.sub_event_type
            and ctx is not None
            and not _plural(big)
            and not _one_more(ctx, big)
            and _in_part_of(big.place, small.place, ctx.text)
        ):
            return True
    return False


def _one_more(ctx: Context, ev: Event) -> bool:
    """A trigger told as one more act: "also", "again" on its verb."""
    tok = trigger_root(ctx, ev)
    return tok is not None and any(c.dep_ == "advmod" and c.lower_ in ("also", "again") for c in tok.children)


def _in_part_of(country: Place, town: Place, text: str) -> bool:
    """The country is named as a part of it ("western Ukraine") and the town lies in that part
    (west of the country's centre)."""
    found = _PART_OF.search(text[max(0, country.start - 30) : country.start]) if text else None
    if found is None or None in (country.latitude, country.longitude, town.latitude, town.longitude):
        return False
    word = found.group(0).lower()
    lat, lon = town.latitude - country.latitude, town.longitude - country.longitude
    return (
        ("north" not in word or lat > 0)
        and ("south" not in word or lat < 0)
        and ("east" not in word or lon > 0)
        and ("west" not in word or lon < 0)
    )


def _plural(ev: Event) -> bool:
    word = ev.trigger.text.lower()
    return word.endswith("s") and not word.endswith("ss")


def _finer(a: Optional[Place], b: Optional[Place]) -> bool:
    """``b`` names a place inside the country ``a`` names."""
    return a is not None and b is not None and a.level == "country" and b.level not in ("country", "continent", None)


def _better_place(a: Optional[Place], b: Optional[Place]) -> Optional[Place]:
    if a is None or b is None:
        return a or b
    ra, rb = _PLACE_RANK.get(a.level or "other", 1), _PLACE_RANK.get(b.level or "other", 1)
    return b if rb < ra and (not a.resolved or place_contains(a, b) or places_agree(a, b)) else a


def _better_time(a: Optional[TimeSpan], b: Optional[TimeSpan]) -> Optional[TimeSpan]:
    if a is None or b is None:
        return a or b
    if a.defaulted != b.defaulted:
        guess, told = (a, b) if a.defaulted else (b, a)
        if (
            told.start_date
            and told.end_date
            and guess.start_date
            and told.ucdp_date_prec > 2
            and told.start_date <= guess.start_date <= told.end_date
        ):
            return guess  # "overnight" on the day of the report, inside "this month": the day
        return told
    if a.inherited != b.inherited:  # the mention's own sentence beats its paragraph's
        return b if a.inherited else a
    return b if b.ucdp_date_prec < a.ucdp_date_prec else a


def _placed_apart(ctx: Context, ev: Event, m: Event) -> bool:
    """An anaphoric noun whose own phrase names a town far from the event's ("the killing of
    students in Rangpur" in a report of a march in Dhaka): another event, however loosely it is
    named."""
    p, q = m.place, ev.place
    span = ctx.doc.char_span(m.trigger.start, m.trigger.end, alignment_mode="expand")
    if p is None or q is None or span is None or not len(span) or places_agree(q, p):
        return False
    if not p.level == q.level == "populated_place":
        return False  # a region or a country named loosely ("an attack in Indian-administered Kashmir")
    return in_phrase(span.root, p)


def _without_borrowed_time(ctx: Context, m: Event) -> Event:
    """An anaphoric noun takes its day from its own phrase ("Saturday's attack", "the attack on
    Monday"), not from the clause it sits in ("Tomorrow I will convene leaders over Iran's attack")."""
    t = m.time
    if t is None or t.defaulted:
        return m
    span = ctx.doc.char_span(m.trigger.start, m.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return m
    return m if in_own_phrase(span.root, m.trigger.end, t) else m.model_copy(update={"time": None})


def _as_mention(ctx: Context, m: Event) -> EventMention:
    zone = ctx.zone_at(m.start)
    return EventMention(
        start=m.start,
        end=m.end,
        text=m.text,
        sentence=m.sentence,
        trigger=m.trigger,
        zone=zone if zone in ("title", "description", "caption") else None,
    )


def _better_actor(a, b, loose: bool):
    """``a`` unless ``b`` knows the side better: a dictionary entry for a bare name; a loose
    mention ("the strikes") replaces only a name of unknown kind ("Oleshchuk"), not a group the
    report describes ("Iran-backed militia groups")."""
    if a is None or b is None:
        return a or b
    if _unidentified(a) and b.via in ("name", "alias") and {a.kind, b.kind} <= _NON_STATE_KINDS:
        return b  # "gunmen" and the gang that claimed the attack: the named one
    if a.actor_id or (loose and a.inter is not None):
        return a
    return b


_NON_STATE_KINDS = {"armed_group", "rebel", "political_militia", "identity_militia"}


def _unidentified(a) -> bool:
    """A generic noun's label ("gunmen": Unidentified Armed Group (Haiti)), which a name says more than."""
    return a.via == "inferred" and a.actor_id is None and a.name.startswith("Unidentified ")


_TYPE_FIELDS = ("sub_event_type", "event_type", "kind", "disorder_type")


def fold_in(ctx: Context, host: Event, m: Event, keep: tuple = (), **update) -> Event:
    """``host`` with a lesser mention ``m`` folded in loosely (:func:`merge`), keeping ``host``'s type
    and the fields ``keep``, and setting those of ``update``: what the host event tells governs."""
    kept = {f: getattr(host, f) for f in (*_TYPE_FIELDS, *keep)}
    return merge(ctx, host, m, loose=True).model_copy(update={**kept, **update})


def merge(ctx: Context, ev: Event, m: Event, loose: bool = False) -> Event:
    """``ev`` with mention ``m`` folded in: each field from whichever knows it better. A mention
    that names its event loosely (a headline, "the strikes") only fills the actors ``ev`` lacks."""
    sub = ev.sub_event_type
    seen = {(ev.start, ev.end)} | {(x.start, x.end) for x in ev.mentions}
    new = [x for x in (_as_mention(ctx, m), *m.mentions) if (x.start, x.end) not in seen]
    upd: dict = {"mentions": ev.mentions + tuple({(x.start, x.end): x for x in new}.values())}
    more_severe = (
        sub in _SEVERITY and m.sub_event_type in _SEVERITY and _SEVERITY.index(m.sub_event_type) > _SEVERITY.index(sub)
    )
    # people taken in an attack that killed do not make it an abduction (ACLED codes the attack)
    taken = m.sub_event_type == "Abduction/forced disappearance" and bool(ev.fatalities)
    if (typed_by_default(ev) and not typed_by_default(m) and not taken) or more_severe:
        upd.update(sub_event_type=m.sub_event_type, event_type=m.event_type, kind=m.kind, disorder_type=m.disorder_type)
    upd["place"] = _better_place(ev.place, m.place)
    upd["time"] = _better_time(ev.time, m.time)
    upd["actor1"] = _better_actor(ev.actor1, m.actor1, loose)
    upd["actor2"] = _better_actor(ev.actor2, m.actor2, loose)
    upd["assoc_actor1"] = ally_apart(ev.assoc_actor1 or m.assoc_actor1, upd["actor1"], upd["actor2"])
    if ev.fatalities is None and m.fatalities is not None:  # the toll of the first report that gives one
        upd["fatalities"] = m.fatalities
    upd["claims"] = ev.claims + tuple(c for c in m.claims if c not in ev.claims)
    upd["confidence"] = round(min(0.95, max(ev.confidence, m.confidence) + 0.05), 2)
    merged = ev.model_copy(update=upd)
    return retype(merged, _VIOLENT_DEMO) if _rioting_demonstration(sub, m.sub_event_type) else merged


def ally_apart(ally: Optional[Actor], *actors: Optional[Actor]) -> Optional[Actor]:
    """The associated actor, unless it is one of the event's own actors (then it is no ally)."""
    if ally is None or any(a is not None and a.name == ally.name for a in actors):
        return None
    return ally


_VIOLENT_DEMO = "Violent demonstration"


def _rioting_demonstration(a: str, b: str) -> bool:
    """One event told both as a demonstration and as a crowd's violence ("residents blocked the
    highway and torched a police jeep", "the rally ... turned violent when youths set fire to the
    office"): the demonstrators' own violence, ACLED's Violent demonstration, not a mob's."""
    return "Mob violence" in (a, b) and bool({a, b} & set(_SEVERITY[:-1]))


def _lead_first(ctx: Context, mentions: list[Event]) -> list[Event]:
    """Body mentions before the title's and the summary's, so a headline joins the event it
    announces instead of founding one."""
    head = [m for m in mentions if ctx.zone_at(m.start) in ("title", "description")]
    body = [m for m in mentions if ctx.zone_at(m.start) not in ("title", "description")]
    return body + head


def _triggers(ev: Event) -> set[tuple[int, int]]:
    return {(ev.trigger.start, ev.trigger.end)} | {(x.trigger.start, x.trigger.end) for x in ev.mentions}


def corefer(ctx: Context, mentions: list[Event]) -> list[Event]:
    """Group the mentions of each real event into one :class:`Event`, in order of first mention."""
    events: list[Event] = []
    seen = Counter((m.trigger.start, m.trigger.end) for m in mentions)
    set_in = in_anaphoric_setting(ctx, mentions)  # "captured during the battle": as loose as "the battle"
    for m in _lead_first(ctx, mentions):
        headline = ctx.zone_at(m.start) in ("title", "description")
        listed = seen[(m.trigger.start, m.trigger.end)] > 1  # one copy per place of a list: apart
        loose = not listed and (headline or _anaphoric(ctx, m) or (m.trigger.start, m.trigger.end) in set_in)
        target, carried = _target(ctx, events, m, headline, loose, listed, False)
        if target is None and headline and _moodless(ctx, m):
            target, carried = _target(ctx, events, m, headline, loose, listed, True)
        if target is None:
            events.append(m)
        else:
            events[target] = (
                _merge_plan(ctx, events[target], m, loose) if carried else merge(ctx, events[target], m, loose)
            )
    events = _plans_held(ctx, events)
    return _same_unit(ctx, sorted(events, key=lambda e: min([e.start] + [x.start for x in e.mentions])))


def _target(ctx: Context, events: list[Event], m: Event, headline: bool, loose: bool, listed: bool, any_mood: bool):
    """The event ``m`` is a mention of (its index, or None), and whether ``m`` is the plan of
    that agreement carried out; with ``any_mood``, of whatever status (a headline with no verb)."""
    if not headline and _another(ctx, m):
        return None, False  # "also fired a missile at a second ship": a new event
    probe = _without_borrowed_time(ctx, m) if loose else m
    for i in _candidates(ctx, events, m, headline, loose):
        ev = events[i]
        if not headline and m.sentence - ev.sentence > REACH_SENTENCES:
            continue  # too far back
        if listed and (m.trigger.start, m.trigger.end) in _triggers(ev):
            continue
        if loose and not headline and _placed_apart(ctx, ev, m):
            continue  # "condemning the killing of 12 protesters in Rangpur": not the march in Dhaka
        near = headline or abs(m.sentence - ev.sentence) <= REACH_SENTENCES
        carried = _plan_carried_out(ev, m)
        seen_as = probe.model_copy(update={"status": ev.status}) if carried or any_mood else probe
        if not headline and _act_of_its_clause(ctx, ev, m):
            seen_as = seen_as.model_copy(update={"time": ev.time})  # the attack's own act, on its day
        if near and not conflict(ev, seen_as, loose, ctx.published) and tie(ev, m, loose, ctx):
            return i, carried
    return None, False


_WHEN = {"when", "as", "while"}
_OTHER = {"another", "second", "third", "fourth", "fifth", "separate"}


def _another(ctx: Context, m: Event) -> bool:
    """The mention's act is done to another target: "fired a ballistic missile at a second ship"
    (not "launched another strike at the people who came": a second strike of one event)."""
    tok = trigger_root(ctx, m)
    if tok is None:
        return False
    nouns = [c for c in tok.children if c.dep_ == "dobj"]
    nouns += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "against") for g in c.children]
    return any(
        n.lemma_.lower() not in _ACTS and any(c.lower_ in _OTHER for c in n.children if c.dep_ in ("amod", "det"))
        for n in nouns
    )


_ACTS = {"strike", "airstrike", "attack", "raid", "bombing", "assault", "shelling", "round", "wave", "barrage", "salvo"}


def _act_of_its_clause(ctx: Context, ev: Event, m: Event) -> bool:
    """``m`` is told in a "when"/"as" clause of a clause ``ev`` is told in, by its subject or its verb
    ("The attack hit the village on Tuesday, when fighter jets dropped two bombs on a crowd"): the
    act that made the attack, one event with it whatever day the event has taken from elsewhere."""
    tok = trigger_root(ctx, m)
    if tok is None or tok.pos_ != "VERB" or tok.dep_ not in ("advcl", "relcl"):
        return False
    if not any(c.lower_ in _WHEN and c.dep_ in ("advmod", "mark") for c in tok.children):
        return False
    up = tok.head
    for _ in range(3):  # "on Tuesday, when ...": the day's phrase hangs on the verb
        if up.pos_ in ("VERB", "AUX") or up.head.i == up.i:
            break
        up = up.head
    for x in (ev, *ev.mentions):
        span = ctx.doc.char_span(x.trigger.start, x.trigger.end, alignment_mode="expand")
        t = span.root if span is not None and len(span) else None
        if t is not None and (t.i == up.i or (t.head.i == up.i and t.dep_ in ("nsubj", "nsubjpass"))):
            return True
    return False


def _moodless(ctx: Context, m: Event) -> bool:
    """A headline that names its event by a noun and has no verb ("U.S. Strikes in Iraq"): it
    tells no mood of its own, so it names the event the body tells, planned or done."""
    tok = trigger_root(ctx, m)
    if tok is None or not tok.tag_.startswith("NN") or m.status != "occurred":
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in tok.sent)


def _plan_carried_out(ev: Event, m: Event) -> bool:
    """A planned agreement that names one the text reports concluded ("the U.S. proposal of a
    72-hour ceasefire" and "the ceasefire committed to by the parties"): the plan carried out, a
    mention of the concluded agreement."""
    if ev.sub_event_type != "Agreement" or m.sub_event_type != "Agreement":
        return False
    if {ev.status, m.status} != {"occurred", "planned"}:
        return False
    done, plan = (ev, m) if ev.status == "occurred" else (m, ev)
    word = done.trigger.text.lower()
    after = plan.text[plan.trigger.end - plan.start :].lower().split()[:4]  # "proposal of a 72-hour ceasefire"
    return word != plan.trigger.text.lower() and bool(after) and after[0] == "of" and word in after


def _merge_plan(ctx: Context, ev: Event, m: Event, loose: bool) -> Event:
    """The agreement concluded, with the plan as a mention: its status and parties, not the
    proposer's ("the U.S. proposal")."""
    done = ev if ev.status == "occurred" else m
    return merge(ctx, ev, m, loose).model_copy(
        update={"status": "occurred", "actor1": done.actor1, "actor2": done.actor2}
    )


def _plans_held(ctx: Context, events: list[Event]) -> list[Event]:
    """A demonstration told as planned for a day the report has reached, when the report tells a
    demonstration held there that day ("ahead of Saturday's rally" in a report of Saturday's rally
    in Rome): the plan carried out, a mention of the demonstration held."""
    out = list(events)
    for plan in events:
        if plan.status != "planned" or _family(plan) != "Demonstrations":
            continue
        day = _days(plan.time)
        if day is None or ctx.published is None or day[1] > ctx.published:
            continue
        held = next(
            (
                i
                for i, ev in enumerate(out)
                if ev.status == "occurred"
                and _family(ev) == "Demonstrations"
                and _days(ev.time) == day
                and places_agree(ev.place, plan.place)
                and _actors_agree(ev.actor1, plan.actor1)
            ),
            None,
        )
        if held is not None:
            out[held] = _merge_plan(ctx, out[held], plan, True)
            out = [e for e in out if e is not plan]
    return out


def _lemma(ctx: Context, start: int, end: int) -> str:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span.root.lemma_.lower() if span is not None and len(span) else ""


def _candidates(ctx: Context, events: list[Event], m: Event, headline: bool, loose: bool) -> list[int]:
    """The events ``m`` may be a mention of, in the order they are tried: a headline's from the
    first; any other's from the latest back, and for "the protests" first the demonstrations the
    text has named with the same word ("students protested across the country"), not a rally
    elsewhere told in between."""
    if headline:
        return list(range(len(events)))
    back = list(range(len(events) - 1, -1, -1))
    if not loose or _family(m) != "Demonstrations":
        return back
    word = _lemma(ctx, m.trigger.start, m.trigger.end)
    same = [i for i in back if word in {_lemma(ctx, *k) for k in _triggers(events[i])}]
    return same + [i for i in back if i not in same]


def _unit(ev: Event):
    """ACLED's unit of an event: one kind, one place, one day (None when the place or day is unknown)."""
    if ev.place is None or ev.place.geonameid is None or ev.time is None or ev.time.start_date is None:
        return None
    return _family(ev), ev.place.geonameid, ev.time.start_date, ev.time.end_date, ev.time.defaulted, ev.background


def _same_unit(ctx: Context, events: list[Event]) -> list[Event]:
    """Events of one article with the same kind, place and day that nothing tells apart are one
    event however far apart the article reports them (GUIDELINES: one type, one place, one day)."""
    out: list[Event] = []
    by_unit: dict[tuple, list[int]] = {}
    for ev in events:
        key = _unit(ev)
        same = by_unit.get(key, []) if key is not None else []
        target = next((i for i in same if not conflict(out[i], ev, False, ctx.published)), None)
        if target is None:
            if key is not None:
                by_unit.setdefault(key, []).append(len(out))
            out.append(ev)
            continue
        out[target] = merge(ctx, out[target], ev)
    return out
