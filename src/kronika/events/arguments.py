"""Where and how deadly: the place governing a mention and the fatalities of its clause's claims."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from kronika.attach import closest, governing_time, path_length, saying_above, span_head
from kronika.context import Context
from kronika.dedup import haversine_km
from kronika.events.lexicon import load_lexicon
from kronika.events.parse import in_phrase
from kronika.places.lexicon import load as places_lexicon
from kronika.places.resolve import WATER_CODES, said_inside
from kronika.records import Place, TimeSpan

if TYPE_CHECKING:  # pragma: no cover
    from kronika.events.frame import DocIndex


_HYPHENS = "-\u2010\u2011\u2012\u2013"


def _modifier(text: str, p: Place) -> bool:
    """A name inside a compound adjective ("Iran-backed", "Kremlin-linked") names no place."""
    after = text[p.end : p.end + 2]
    return len(after) == 2 and after[0] in _HYPHENS and after[1].islower()


def _inside_actor(p: Place, actors) -> bool:
    """A country's name that modifies an actor ("U.S. service members") names no place."""
    return p.level == "country" and any(
        a.start <= p.start and p.end <= a.end and a.end - a.start > p.end - p.start for a in actors
    )


def eligible_places(ctx: Context) -> dict[int, list[Place]]:
    """Each sentence's places that can be where an event happened: locations, not names that act
    as a state or government ("Russia launched"), not adjectives ("Iran-backed"), not a country
    inside an actor ("U.S. service members"). Once per document: a long one has thousands."""
    actors_by_sentence: dict[int, list] = {}
    for a in ctx.actors:
        actors_by_sentence.setdefault(a.sentence, []).append(a)
    acting = {(a.start, a.end) for a in ctx.actors if a.kind in ("state", "government") or a.via == "capital"}
    out: dict[int, list[Place]] = {}
    for p in ctx.places:
        if (
            p.role == "location"
            and (p.start, p.end) not in acting
            and not _modifier(ctx.text, p)
            and not _inside_actor(p, actors_by_sentence.get(p.sentence, ()))
            and not _acting_country(ctx, p)
            and not _waterway(p)
        ):
            out.setdefault(p.sentence, []).append(p)
    return out


def _waterway(p: Place) -> bool:
    """A river's name ("from across the Dnipro River"), which the gazetteer does not have (at most
    the region it flows through, in context): no place of an event."""
    return (not p.resolved or p.fallback) and p.text.split()[-1].lower() in places_lexicon().water_nouns


def _acting_country(ctx: Context, p: Place) -> bool:
    """A country that is the subject of a verb of action ("Russia launched waves of missiles",
    "Iran attacked Israel"): the state that acts, not where it happened."""
    if p.level != "country" or p.fallback:  # a village known only by its country names no state
        return False
    span = ctx.doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return (
        root.dep_ == "nsubj"
        and root.head.pos_ == "VERB"
        and root.head.lemma_.lower() not in places_lexicon().non_agentive_verbs
    )


_PARTNER_PREPS = {"with", "alongside", "from"}


def _head_of_list(ctx: Context, p: Place):
    """The place's word, or the first of the list it is named in ("Washington and Paris"), or None."""
    span = ctx.doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root


def _partner(ctx: Context, p: Place) -> bool:
    """A country or place named as a partner or an origin ("together with the United Kingdom",
    "support from Australia", "rockets fired from Lebanon"): not where the event happened."""
    root = _head_of_list(ctx, p)
    return root is not None and root.dep_ == "pobj" and root.head.lower_ in _PARTNER_PREPS


def _addressed(ctx: Context, p: Place) -> bool:
    """A place named as those spoken to or of ("urged Washington and Paris to pressure Israel",
    "accused Moscow"): a government, never where the event happened."""
    root = _head_of_list(ctx, p)
    return root is not None and root.dep_ == "dobj" and root.head.lemma_.lower() in _ADDRESSED


# verbs whose object is someone spoken to or of, not a place acted on ("urged Washington to act")
_ADDRESSED = {
    "urge", "ask", "press", "appeal", "thank", "warn", "tell", "accuse", "blame", "criticise", "criticize",
    "invite", "persuade", "pressure", "lobby", "implore", "exhort", "congratulate", "praise",
}  # fmt: skip


def place_for(ctx: Context, d: "DocIndex", start: int, end: int, parties=()) -> Optional[Place]:
    """The governing location, leaving out names that act as actors here ("Russia launched")
    and preferring "Kursk Oblast" to "Russia" in "Russia's Kursk Oblast"."""
    places = [
        p
        for p in d.places_in(ctx.sentence_index(start))
        if not any(a.start <= p.start and p.end <= a.end for a in parties) and not _addressed(ctx, p)
    ]
    places = [p for p in places if not _partner(ctx, p)] or places
    places = [p for p in places if not _where_said(ctx, p, start, end)]
    in_sentence = places
    places = _of_clause(ctx, places, start, end) or [p for p in places if not _of_a_war(ctx, p)]
    # a place a map can show first: an unresolved name is used only when the sentence has no other
    place = closest(ctx, [p for p in places if p.resolved], start, end) or closest(ctx, places, start, end)
    if place is None:
        return _country_of_targets(ctx, start, end)
    if _water(place):  # "the port of Novorossiysk on the Black Sea": the port
        place = closest(ctx, [p for p in places if p.resolved and not _water(p)], start, end) or place
    if place.level == "country":
        for p in places:
            if p.start >= place.end and p.start - place.end <= 4 and p.level != "country":
                return p
        harmed = _where_it_harmed(ctx, in_sentence, place, start, end)
        if harmed is not None:
            return harmed
    if place.level == "continent":
        return _named_in_apposition(ctx, place)
    finer = [
        p
        for p in places
        if p.resolved and ((_inside(place, p) and _linked(ctx, place, p)) or _said_inside(ctx, place, p))
    ]
    return closest(ctx, finer, start, end) or _named_just_before(ctx, place, in_sentence) or place


def _water(p: Place) -> bool:
    return p.feature_code in WATER_CODES


_JUST_IN = re.compile(r"^,?\s*(in|of)\s+(the\s+)?$")


def _named_just_before(ctx: Context, region: Place, places: list[Place]) -> Optional[Place]:
    """A place named just before the region it lies in ("near Arbinda, in Soum province"): the
    place, whatever clause the parse hung the region on."""
    for p in places:
        if (
            p.resolved
            and p.end <= region.start
            and _inside(region, p)
            and _JUST_IN.match(ctx.text[p.end : region.start])
        ):
            return p
    return None


def _where_said(ctx: Context, p: Place, start: int, end: int) -> bool:
    """A place after a verb of saying that hangs on it ("forcing residents to flee, a spokesperson
    told reporters in Geneva", "the ministry announced in Bamako"): where it was said, never where
    the event was. A name set before the verb ("In Kalo, police said ...") sets the scene."""
    verb = saying_above(ctx, p, start, end)
    tok = span_head(ctx, p.start, p.end)
    if verb is None or tok is None or p.start < verb.idx or tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "at"):
        return False
    on = tok.head.head  # "announced in Bamako", "told reporters in Geneva"
    return on.i == verb.i or (on.head.i == verb.i and on.dep_ in ("dobj", "dative", "npadvmod"))


def _linked(ctx: Context, a: Place, b: Place) -> bool:
    """Whether two names belong to one phrase (at most three arcs apart: "the South Darfur airport
    in Nyala"), not to two phrases of the clause ("across England, in the wake of the stabbing in
    Southport")."""
    ta, tb = span_head(ctx, a.start, a.end), span_head(ctx, b.start, b.end)
    if ta is None or tb is None:
        return False
    return min(path_length(x, y) for x in _named_by(ta) for y in _named_by(tb)) <= 3


def _named_by(tok) -> tuple:
    """A name's token and the noun it names ("the town of Pont-Sonde in Haiti's Artibonite region":
    the town, which the region's phrase hangs on)."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        return tok, tok.head.head
    return (tok,)


_FINENESS = {"populated_place": 0, "other": 1, "admin2": 2, "admin1": 3, "country": 4}


def _inside(big: Place, small: Place) -> bool:
    """``small`` is a finer place inside ``big``: the town of the clause, not the region or the
    country it lies in ("the South Darfur airport in Nyala", "died in a residential area of
    Belgorod", the governor of Belgorod Oblast said)."""
    if _FINENESS.get(small.level or "other", 1) >= _FINENESS.get(big.level or "other", 1):
        return False
    if not big.country_code or small.country_code != big.country_code:
        return False
    if big.level == "country":
        return True
    if big.level == "admin1":
        return bool(big.name) and small.admin1 == big.name
    return big.level == "admin2" and bool(big.name) and small.admin2 == big.name


SAID_INSIDE_KM = 150  # a town the text puts in a region lies this close to the region's point at most


def _said_inside(ctx: Context, big: Place, small: Place) -> bool:
    """``small`` is a town the text itself puts inside the region ``big`` named right after it
    ("Deir al-Balah in the central Gaza Strip", "Bankass in central Mali's Mopti region"): the
    town, if the gazetteer files it there or, filed under another division of the same country
    (the Gaza Strip and the Deir al-Balah governorate are both first-level), it lies near it."""
    if small.level != "populated_place" or big.level not in ("admin1", "admin2") or small.end > big.start:
        return False
    if not big.country_code or small.country_code != big.country_code or not _phrase_inside(ctx, small, big):
        return False
    if _inside(big, small):
        return True
    if None in (small.latitude, small.longitude, big.latitude, big.longitude):
        return False
    return haversine_km(small, big) <= SAID_INSIDE_KM


_POSSESSIVE = re.compile(r"['’]s?\s+")


def _phrase_inside(ctx: Context, small: Place, big: Place) -> bool:
    """The words between two names put the first in the second: "X in the central Y", "X, Y", or
    through the possessive of Y's country ("X in central Mali's Y region")."""
    text = ctx.text
    if said_inside(text[small.end : big.start]):
        return True
    return any(
        q.level == "country"
        and small.end <= q.start
        and q.end <= big.start
        and said_inside(text[small.end : q.start])
        and _POSSESSIVE.fullmatch(text[q.end : big.start]) is not None
        for q in ctx.places
    )


def _named_in_apposition(ctx: Context, place: Place) -> Place:
    """ "In Africa's most populous country, Nigeria, ...": the place the phrase names, not the
    continent it is described by."""
    span = ctx.doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.dep_ != "poss":
        return place
    phrase = span.root.head
    for p in ctx.places:  # a country named in apposition is a place here, whatever else it names
        other = ctx.doc.char_span(p.start, p.end, alignment_mode="expand")
        if other is None or not len(other):
            continue
        if (other.root.dep_ == "appos" and other.root.head.i == phrase.i) or (
            other.start == phrase.i + 2 and ctx.doc[phrase.i + 1].text == ","  # the parse missed the apposition
        ):
            return p
    return place


def _clause_verb(tok):
    """The verb of the clause a token is in: itself or its first verb ancestor."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok.i


def _of_a_war(ctx: Context, p: Place) -> bool:
    """A place that only says where a war is ("vowed more attacks until Israel ends its war in
    Gaza"), in another clause than the event's: no place of the event."""
    tok = span_head(ctx, p.start, p.end)
    if tok is None or tok.dep_ != "pobj":
        return False
    head = tok.head.head  # "its war in Gaza", or the parse's "ends [its war] in Gaza"
    nouns = [head] if head.pos_ == "NOUN" else [c for c in head.children if c.dep_ == "dobj"]
    return any(n.lemma_.lower() in _WARS for n in nouns)


_WARS = {"war", "conflict", "invasion", "occupation", "siege", "blockade", "genocide"}


def _where_it_harmed(ctx: Context, places: list, country: Place, start: int, end: int) -> Optional[Place]:
    """The town of the participle that tells what an attack on a country did ("launched a drone
    attack on Ukraine overnight, killing two people in the city of Kharkiv"): where it struck."""
    trigger = span_head(ctx, start, end)
    if trigger is None:
        return None
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    absorbing = load_lexicon().absorbing_verbs
    harms = {c.i for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in absorbing}
    for p in places:
        tok = span_head(ctx, p.start, p.end)
        if tok is not None and p.resolved and _clause_verb(tok) in harms and _inside(country, p):
            return p
    return None


def _of_clause(ctx: Context, places: list, start: int, end: int) -> list:
    """The places of the event's own clause: "launched drone strikes on Port Sudan" is at Port
    Sudan, though "after the army's recapture of Khartoum" is fewer arcs away."""
    trigger = ctx.doc.char_span(start, end, alignment_mode="expand")
    if trigger is None or not len(trigger):
        return []
    # the trigger noun's own verb first ("air strikes killed 22 across the Gaza Strip, officials said":
    # "killed" parsed as a participle of "strikes"), then the verb of its clause
    nouns = [
        c.i
        for c in trigger.root.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and any(g.dep_ == "dobj" for g in c.children)
    ]
    verbs = []
    for p in places:
        span = ctx.doc.char_span(p.start, p.end, alignment_mode="expand")
        verbs.append(_clause_verb(span.root) if span is not None and len(span) else None)
    for own in (*nouns, _clause_verb(trigger.root)):
        out = [p for p, v in zip(places, verbs) if v == own]
        if out:
            return out
    return []


def _country_of_targets(ctx: Context, start: int, end: int) -> Optional[Place]:
    """With no place named, the country a demonym gives the places struck ("against Ukrainian
    cities", "on Israeli territory"), in the event's own clause (not "because its owner had
    violated a ban on entering Israeli ports")."""
    si = ctx.sentence_index(start)
    trigger = span_head(ctx, start, end)
    for p in ctx.places:
        if p.sentence != si or p.role != "demonym" or not p.resolved or p.level != "country":
            continue
        span = ctx.doc.char_span(p.start, p.end, alignment_mode="expand")
        if (
            span is not None
            and len(span)
            and span.root.head.lemma_.lower() in load_lexicon().words["place_nouns"]
            and span.root.dep_ in ("amod", "compound")
            and (trigger is None or _clause_verb(span.root) == _clause_verb(trigger))
        ):
            return p
    return None


def claims_for(
    ctx: Context, d: "DocIndex", sentence: int, start: int, end: int, near: Optional[int] = None
) -> tuple[Optional[int], tuple[str, ...]]:
    """The asserted claims of the clause [start, end) and the toll killed among them: the first,
    or the one nearest character ``near`` (the trigger: "79 fighters and 55 civilians, 27 of whom
    were summarily killed" gives the killing 27)."""
    tolls = []
    ids = []
    for c in d.claims_in(sentence):
        if not (c.start < end and start < c.end) or c.modality not in ("asserted", "estimated"):
            continue
        ids.append(c.id)
        q = c.quantity
        value = q.value if q.value is not None else q.low
        running = c.time is not None and c.time.bound == "since"  # "have been killed since Sunday": a total
        if c.measure == "killed" and value is not None and not running and not _killed_by_another(ctx, q.start, near):
            own = near is not None and _told_by_its_participle(ctx, q.start, near)
            tolls.append((not own, abs(q.start - near) if near is not None else len(tolls), int(value), q.start))
    if not tolls:
        return None, tuple(ids)
    first = min(tolls)
    return first[2] + sum(t[2] for t in tolls if t is not first and _conjoined(ctx, first[3], t[3])), tuple(ids)


def _counted_noun(ctx: Context, at: int):
    span = ctx.doc.char_span(at, at + 1, alignment_mode="expand") if ctx.doc is not None else None
    if span is None or not len(span):
        return None
    tok = span[0]
    return tok.head if tok.dep_ in ("nummod", "quantmod") else tok


def _conjoined(ctx: Context, a: int, b: int) -> bool:
    """The counts at characters ``a`` and ``b`` count the conjuncts of one phrase ("Six soldiers and
    dozens of fighters were killed": 18)."""
    x, y = _counted_noun(ctx, a), _counted_noun(ctx, b)
    if x is None or y is None or x.i == y.i:
        return False

    def first(t):
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        return t

    def placed(t):  # "three people in Kharkiv and two in Sumy": two tolls, one per place
        return any(c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "on", "across") for c in t.children)

    return (x.dep_ == "conj" or y.dep_ == "conj") and first(x).i == first(y).i and not (placed(x) or placed(y))


def _toll_verb(ctx: Context, at: int, near: Optional[int]):
    """(the verb that tells the toll at character ``at``, the trigger's token at ``near``), or None."""
    if near is None or ctx.doc is None:
        return None
    num = ctx.doc.char_span(at, at + 1, alignment_mode="expand")
    trig = ctx.doc.char_span(near, near + 1, alignment_mode="expand")
    if num is None or trig is None or not len(num) or not len(trig):
        return None
    verb = num[0]
    while verb.pos_ != "VERB" and verb.head.i != verb.i:
        verb = verb.head
    return verb, trig[0]


def _told_by_its_participle(ctx: Context, at: int, near: int) -> bool:
    """The toll at ``at`` is told by a participle of the trigger's own verb ("another struck a
    house in Bint Jbeil, killing five": five, not the three of the clause before)."""
    found = _toll_verb(ctx, at, near)
    return found is not None and found[0].tag_ == "VBG" and found[0].head.i == found[1].i


def _killed_by_another(ctx: Context, at: int, near: Optional[int]) -> bool:
    """Whether the toll at character ``at`` is told by a killing verb whose own subject is a noun
    whose phrase does not hold the trigger at ``near`` ("Rebels, who denied any role in last
    month's bombing, said government air strikes killed 12": the strikes' dead, not the
    bombing's; "airstrikes killed 22 as Hezbollah fired rockets": not the rockets'), or by a
    relative clause on a campaign ("in an offensive that killed 3,000"), or that counts its dead
    since the trigger's event (a running total)."""
    found = _toll_verb(ctx, at, near)
    if found is None:
        return False
    verb, trigger = found
    if _campaigns_dead(verb, trigger):
        return True  # "took Goma in an offensive that killed some 3,000 people": the offensive's dead
    if _in_clause_before(trigger, verb):
        return True  # "killed 40 terrorists in operations after jihadists attacked a camp": the operations' dead
    if verb.lemma_.lower() not in load_lexicon().words["killing_verbs"] or trigger.i == verb.i or verb.tag_ == "VBG":
        # "with Russian aerial attacks killing 13": a gerund tells the toll of the event it follows
        return False
    since = [c for c in verb.children if c.dep_ == "advcl" and any(m.lower_ == "since" for m in c.children)]
    if any(trigger in list(c.subtree) for c in since):
        return True  # "2,300 have been killed since Hezbollah began firing rockets": a total since it
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    return bool(subjects) and trigger not in list(subjects[0].subtree)  # "airstrikes killed 22 as Hezbollah fired"


def _marked_before_or_after(x) -> bool:
    """``x`` heads a clause introduced by "after" or "before" ("days after the group attacked")."""
    return x.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("after", "before") for m in x.children)


def _in_clause_before(trigger, verb) -> bool:
    """The trigger is told in an "after"/"before" clause or phrase that does not hold the killing
    verb: an earlier or later act than the killing."""
    x = trigger
    while x.head.i != x.i and x.i != verb.i:
        marked = _marked_before_or_after(x)
        if marked or (x.dep_ == "pcomp" and x.head.lower_ in ("after", "before")):  # "after seizing an army base"
            return verb not in list((x if marked else x.head).subtree)
        x = x.head
    return False


def _campaigns_dead(verb, trigger) -> bool:
    """The killing verb is told of a campaign by a relative clause ("an offensive that the
    government says killed 3,000": the parse may hang it on the "says"), not of the trigger."""
    campaigns = load_lexicon().words["campaign_nouns"]
    if verb.dep_ == "relcl":
        head = verb.head
    else:
        rel = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in ("that", "which")), None)
        head = verb.doc[rel.i - 1] if rel is not None and rel.i > 0 else None
    return head is not None and head.i != trigger.i and head.lemma_.lower() in campaigns


def publication_day(ctx: Context, start: int, end: int) -> Optional[TimeSpan]:
    """The day of publication, flagged ``defaulted``: a report with no time of its own tells of
    that day's news (ACLED's practice for undated reports)."""
    day = ctx.published
    if day is None:
        return None
    return TimeSpan(
        **ctx.span_fields(start, end),
        type="DATE",
        value=day.isoformat(),
        start_date=day,
        end_date=day,
        granularity="day",
        anchor="publication",
        defaulted=True,
    )


def event_time(ctx: Context, start: int, end: int) -> Optional[TimeSpan]:
    """The time of the clause at [start, end): its own calendar time, else its paragraph's, else
    the publication day. A running span ("since October 7"), the end of a span ("appointed a caretaker
    government until March") or a duration ("in the past 24 hours" stays, anchored at the report) is
    never the date of one event."""
    t = governing_time(ctx, start, end, default=False)
    if t is not None and t.bound == "since" and _own_date(ctx, start, end, t):
        t = t.model_copy(update={"bound": None})
    if t is not None and t.bound == "until" and not _until_of_its_clause(ctx, start, end, t):
        t = None
    if t is not None and _told_as_before_or_after(ctx, start, end, t):
        t = None
    if t is not None and t.bound not in ("since",) and not (t.type == "DURATION" and t.start_date is None):
        return t
    return publication_day(ctx, start, end)


_OUTCOMES = {"die", "succumb", "perish", "hospitalise", "hospitalize", "treat"}  # what follows an act on its day


def _told_as_before_or_after(ctx: Context, start: int, end: int, t: TimeSpan) -> bool:
    """The event is told in an "after" or "before" clause and the day is another clause's ("abducted
    two soldiers on Sunday, days after the group attacked a police station": not Sunday's attack; a
    month or a year the other clause gives spans both: "suspended talks in January after the group
    launched an offensive")."""
    trigger, when = span_head(ctx, start, end), span_head(ctx, t.start, t.end)
    if trigger is None or when is None or t.granularity not in ("day", "time"):
        return False
    for x in (trigger, *trigger.ancestors):
        if _marked_before_or_after(x):
            if x.head.lemma_.lower() in _OUTCOMES or when.dep_ == "npadvmod":
                return False  # "died last Friday after she was shot": the shooting's day; "a day after": the offset
            return not any(w.i == x.i for w in (when, *when.ancestors))
        if x.dep_ in ("ccomp", "ROOT") or x.i == x.head.i:
            return False
    return False


def _until_of_its_clause(ctx: Context, start: int, end: int, t: TimeSpan) -> bool:
    """An "until" time says when the event's own clause ends or resumes ("postponed the rally until
    next month"), not a span another clause gives ("After entering Damascus, HTS appointed a caretaker
    government until March": not the day Damascus was entered)."""
    trigger, when = span_head(ctx, start, end), span_head(ctx, t.start, t.end)
    if trigger is None or when is None:
        return True
    verb = trigger.head if trigger.dep_ in ("dobj", "nsubjpass", "nsubj") else trigger
    return any(x.i == verb.i for x in when.ancestors)


def arrest_time(ctx: Context, tok, t: Optional[TimeSpan]) -> Optional[TimeSpan]:
    """An arrest is dated by its own clause: a time inside the phrase that says what it is for
    ("detained on suspicion of murdering a journalist who was shot last Friday", "held over the
    killing of a trader on Sunday") is the crime's, so the arrest, told with no time of its own, is
    of the publication day."""
    if t is None or t.defaulted or t.inherited:
        return t
    when = span_head(ctx, t.start, t.end)
    words = load_lexicon().words
    for c in tok.children:
        if c.dep_ != "prep" or when is None:
            continue
        charged = any(g.dep_ == "pobj" and g.lemma_.lower() in words["charge_nouns"] for g in c.children)
        opens = c.lower_ in words["arrest_reasons"] or charged
        if opens and c.i < when.i and any(g.i == when.i for g in c.subtree):
            return publication_day(ctx, tok.idx, tok.idx + len(tok))
    return t


def arrests_after_crimes(ctx: Context, events: list, crimes: set) -> list:
    """An arrest told with no time of its own after a crime ("Gunmen killed four villagers on
    Saturday. Police said they had arrested three suspects.") is not of the crime's day, which its
    paragraph carries to it: the suspects are caught later, so it is of the publication day."""
    days = {(e.time.start, e.time.end) for e in events if e.event_type in crimes and e.time is not None}
    out = []
    for e in events:
        t = e.time
        if e.sub_event_type == "Arrests" and t is not None and t.inherited and t.sentence != e.sentence:
            if (t.start, t.end) in days:
                e = e.model_copy(update={"time": publication_day(ctx, e.trigger.start, e.trigger.end)})
        out.append(e)
    return out


def _own_date(ctx: Context, start: int, end: int, t: TimeSpan) -> bool:
    """A time inside a "since" phrase that dates the event noun heading it ("since the attack
    yesterday", "since Saturday's strike") is that event's day, not a running span."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or not span.root.tag_.startswith("NN"):
        return False
    return in_own_phrase(span.root, end, t)


def in_own_phrase(tok, end: int, t: TimeSpan) -> bool:
    """Whether ``t`` lies in the phrase of ``tok`` (ending at ``end``): its subtree ("Saturday's
    attack", "the attack on Monday"), or right after it, whatever the parse hangs it on ("the
    attack yesterday")."""
    return in_phrase(tok, t) or 0 <= t.start - end <= 1


def article_focus(ctx: Context) -> Optional[Place]:
    """The place the article is about: the location named most often where an event can be (a
    name in the title counts twice; a country that acts, "Israel's army said", does not count),
    the earliest on a tie; None when it names none a map can show."""
    score: dict[int, float] = {}
    first: dict[int, Place] = {}
    eligible = {(p.start, p.end) for ps in eligible_places(ctx).values() for p in ps}  # not a state that acts
    for p in ctx.places:
        if (
            (p.start, p.end) not in eligible
            or not p.resolved
            or p.geonameid is None
            or p.level == "continent"
            or not ctx.reporting(p.start)
            or _modifier(ctx.text, p)
        ):
            continue
        score[p.geonameid] = score.get(p.geonameid, 0) + (2 if ctx.zone_at(p.start) == "title" else 1)
        first.setdefault(p.geonameid, p)
    if not score:
        return None
    best = max(score, key=lambda g: (score[g], -first[g].start))
    return first[best]


def with_article_focus(ctx: Context, events: list) -> list:
    """Events that no mention places take the article's focus, marked ``place_from="article"``."""
    if all(e.place is not None for e in events):
        return events
    focus = article_focus(ctx)
    if focus is None:
        return events
    return [
        e if e.place is not None else e.model_copy(update={"place": focus, "place_from": "article"}) for e in events
    ]
