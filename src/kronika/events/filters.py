"""Which clause mentions are events a chronicle should hold, and which are past context.

``drop_non_events`` removes mentions that report no specific event (GUIDELINES: calls, trends,
generic statements, cumulative tolls), each by a named rule:

* ``question``: the sentence asks ("Will you get a ceasefire in Gaza?"); ``indirect_question``:
  "how many aid workers have been killed";
* ``negated``: "we have not seen attacks", "not permitting strikes" (a denial by a party keeps
  its ``denied`` event);
* ``unreal``: hypotheticals and forecasts with neither a place nor a target named, plans with
  neither a place nor an actor;
* ``call``: what a call, goal or policy would end or prevent ("calls for an end to the attacks");
* ``generic``: a plural event noun with no count, day, place or toll ("attacks on shipping",
  "future attacks", "such attacks", "Russian strikes");
* ``perfect_trend``: what has happened to a kind of people, in the present perfect with no day or
  town ("Women and girls have been kidnapped", "Thousands have been detained");
* ``cumulative``: a running total in the present perfect ("the offensive has killed over 48,000";
  "more than 1,500 people have been killed");
* ``vague_background``: past context dated no finer than the year ("In 2016, ...");
* ``prevalence``: a kind of act said to be common ("Kidnapping has become rampant").

``mark_background`` flags events whose time ends well before the article's news (run on whole
events, so that a lead that gives no date and the body that dates the event agree).
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Optional

from kronika.claims.lexicon import load as claims_lexicon
from kronika.context import Context
from kronika.events.arguments import in_own_phrase
from kronika.events.lexicon import load_lexicon
from kronika.events.parse import across_semicolon, in_phrase
from kronika.events.status import verb_words
from kronika.events.triggers import told_as_past
from kronika.records import Event

_GENERIC_MODIFIERS = {
    "future",
    "further",
    "such",
    "possible",
    "potential",
    "more",
    "other",
    "any",
    "similar",
    "repeated",
    "continued",
    "ongoing",
    "frequent",
    "prior",
    "previous",
    "past",
    "recurring",
    "regular",
    "sporadic",
    "occasional",
}
_SPECIFIC_DETS = {"the", "this", "that", "these", "those", "its", "their", "his", "her", "a", "an", "one"}
_CUMULATIVE_FLOOR = 1000
_NO_SINGLE_EVENT = 10000
_LONG_RUN_DAYS = 30
# verbs by which a party commits to an act it names ("vowed to seize the airport")
_COMMITMENTS = {
    "threaten",
    "vow",
    "plan",
    "pledge",
    "prepare",
    "intend",
    "order",
    "announce",
    "decide",
    "agree",
    "schedule",
    "expect",
    "promise",
    "warn",
    "call",
}
BACKGROUND_DAYS = 7


def _words(name: str) -> frozenset:
    return load_lexicon().words[name]


def _token(ctx: Context, ev: Event):
    span = ctx.doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _dated(ev: Event) -> bool:
    t = ev.time
    return t is not None and not t.defaulted and t.type != "DURATION" and t.bound not in ("since",)


def question(ctx: Context, ev: Event, tok) -> bool:
    return ctx.sentences[ev.sentence].text.rstrip().endswith("?")


def negated(ctx: Context, ev: Event, tok) -> bool:
    return ev.status == "negated"


def _infinitive(tok) -> bool:
    return tok is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def unreal(ctx: Context, ev: Event, tok) -> bool:
    """An event that did not happen and is not specific: a hypothetical or forecast with no
    place or target; a plan with nothing named; an aim ("wants to seize", "to hit them") unless
    a party commits to it ("vowed to seize", "threatened to strike") and names where or whom."""
    if ev.status in ("hypothetical", "forecast"):
        if tok is not None and any(c.dep_ == "aux" and c.lower_ == "can" for c in tok.children):
            return True  # "so Ukraine can hit back": what one is able to do
        return ev.sub_event_type != "Agreement" and ev.place is None and ev.actor2 is None
    if ev.status != "planned":
        return False
    if _infinitive(tok):
        committed = tok.head.lemma_.lower() in _COMMITMENTS
        return not (committed and (ev.place is not None or ev.actor2 is not None))
    return ev.place is None and ev.actor1 is None and ev.actor2 is None and not _dated(ev)


def _finite_past(verb) -> bool:
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "had", "was", "were") for c in verb.children
    )


def _governing_verb(tok):
    """The verb a noun is an argument of, directly or through one preposition ("fired at", "hit
    in"); None when it hangs on another noun ("in response to attacks")."""
    x = tok
    while x.dep_ == "conj" and x.head.i != x.i:
        x = x.head
    if x.dep_ == "pobj" and x.head.lower_ == "of" and x.head.head.lemma_.lower() in _words("counting_nouns"):
        x = x.head.head  # "conducted a dozen of precision strikes", "a series of attacks"
    if x.dep_ == "pobj" and x.head.dep_ == "prep":
        verb = x.head.head
        return verb if verb.pos_ in ("VERB", "AUX") else None
    return x.head if x.head.pos_ in ("VERB", "AUX") and x.dep_ in ("nsubj", "nsubjpass", "dobj") else None


def _between_sides(tok) -> bool:
    """The noun names the two sides it is between ("clashes between the army and the rebels")."""
    return any(
        c.dep_ == "prep" and c.lower_ == "between" and any(o.dep_ == "pobj" and o.conjuncts for o in c.children)
        for c in tok.children
    )


def _names_members(tok) -> bool:
    """ "recent attacks ..., including the February 15 attack in Erbil": the series names its own
    members, which are the events (its date is theirs)."""
    verb = _governing_verb(tok)
    owners = [tok] if verb is None else [tok, verb]
    return any(c.dep_ == "prep" and c.lower_ in ("including", "like") for g in owners for c in g.children)


# how a clause tells what its fighting did: "with both sides reporting casualties", "leaving many dead"
_TOLD_WITH = {"with", "leaving", "killing", "wounding", "injuring"}


def _harm_told(verb) -> bool:
    """The clause of ``verb`` tells harm its fighting did, uncounted ("hostilities resumed, with both
    sides reporting casualties", "clashes continued, leaving many dead"): a toll of its own."""
    if verb is None:
        return False
    words = _words("casualty_words")
    told = [c for c in verb.children if c.dep_ in ("prep", "advcl") and c.lower_ in _TOLD_WITH]
    return any(t.lemma_.lower() in words or t.lower_ in words for c in told for t in c.subtree if t.i != c.i)


def generic(ctx: Context, ev: Event, tok) -> bool:
    """A plural event noun that names a kind of event, a series or a trend rather than one
    that happened: "future attacks", "in response to attacks against U.S. forces", "27 attacks
    on shipping" with no day. One the report puts in a past clause ("launched drone strikes on
    Port Sudan"), dates, tolls or headlines is specific."""
    if tok is not None and _over_a_span(ev, tok):
        return True
    if tok is not None and tok.tag_.startswith("VB"):  # "before any deal was struck": no one deal
        done_to = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        kind = _accused_of_a_kind(tok, done_to) or _doing_to_a_kind(tok, done_to)
        if kind and not (_dated(ev) and in_own_phrase(tok, ev.trigger.end, ev.time)):
            return True
        return any(c.dep_ == "det" and c.lower_ == "any" for d in done_to for c in d.children)
    if tok is None or not tok.tag_.startswith("NN"):
        return False
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "det", "predet", "advmod", "compound")}
    if mods & _GENERIC_MODIFIERS:
        return True
    if tok.tag_ != "NNS" or mods & _SPECIFIC_DETS or _between_sides(tok):
        return False  # "clashes between government forces and the rebels continued": these sides, this fight
    if any(c.dep_ == "nummod" for c in tok.children):
        return not _dated(ev)  # "34 strikes on Jan. 8" is a day's strikes; "27 attacks" a series
    verb = _governing_verb(tok)
    town = ev.place is not None and ev.place.level == "populated_place" and ev.place_from == "clause"
    past = (
        verb is not None and _finite_past(verb) and (town or verb.lemma_.lower() not in _words("ongoing_verbs"))
    )  # "clashes continued in several places" goes on; "protests continued in Lusaka" happened there
    head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    if head is not None and head.lemma_.lower() in _words("series_nouns"):
        own = _dated(ev) and in_own_phrase(head, ev.trigger.end, ev.time) and not _relative_time(ctx, head, ev)
        return not own  # "a series of attacks" (not dated by "a ceasefire that ended the war last November")
    own_date = _dated(ev) and (
        ev.event_type == "Strategic developments"
        or not ev.time.inherited
        and (past or in_own_phrase(tok, ev.trigger.end, ev.time) or (verb is not None and in_phrase(verb, ev.time)))
    )
    if mods & _words("series_modifiers") and not (past and own_date and not _names_members(tok)):
        return True  # "recent attacks against U.S. personnel", "numerous strikes" (on a day: specific)
    if ev.fatalities or own_date or _headline(ctx, tok) or _harm_told(verb):
        return False
    return not past  # "to protect cities from Russian strikes" in a dated sentence: still a kind


def _relative_time(ctx: Context, head, ev: Event) -> bool:
    """The event's time lies in a relative clause inside the phrase of ``head`` ("a string of
    attacks despite a ceasefire that ended the war last November"): that clause's time."""
    when = ctx.doc.char_span(ev.time.start, ev.time.end, alignment_mode="expand")
    if when is None or not len(when):
        return False
    for x in when.root.ancestors:
        if x.i == head.i:
            return False
        if x.dep_ == "relcl":
            return True
    return False


_JUSTIFYING = {"say", "claim", "insist", "argue", "maintain", "state"}


def _doing_to_a_kind(tok, done_to: list) -> bool:
    """What a side says, in a participle that justifies its acts, it is doing to a kind of target
    ("..., saying it is targeting Hezbollah members and sites"): a policy told, no one act."""
    present = any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'s", "'re") for c in tok.children)
    saying = tok.dep_ == "ccomp" and tok.head.tag_ == "VBG" and tok.head.lemma_.lower() in _JUSTIFYING
    return tok.tag_ == "VBG" and present and saying and _bare_plurals(done_to)


def _bare_plurals(nouns: list) -> bool:
    """Plural nouns with no article, number or owner ("civilians", "members and sites")."""
    return bool(nouns) and all(
        d.tag_ == "NNS" and not any(c.dep_ in ("det", "nummod", "poss") for c in d.children) for d in nouns
    )


def _accused_of_a_kind(tok, done_to: list) -> bool:
    """An accusation of a kind of act, no one act: "accusing it of killing civilians in the
    region" (a bare plural, no count), not "accused of killing 12 villagers" or "of raping inmates
    during the riot"."""
    prep = tok.head if tok.dep_ == "pcomp" else None
    if prep is None or prep.lower_ not in ("of", "for"):
        return False
    verb = prep.head.head if prep.head.dep_ == "dobj" else prep.head  # "accusing it of", "accused the rebels of"
    if verb.lemma_.lower() not in _words("accusation_verbs"):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("during", "at") for c in tok.children):
        return False  # "accused of raping female inmates during the riot": one act, told by its setting
    return _bare_plurals(done_to)


def _headline(ctx: Context, tok) -> bool:
    """The word is in a title or a summary, or in a line with no verb that the parse found
    ("Protesters torch police station in Dhaka", whose verb the small model tags a noun): a
    headline names one event loosely, never a kind."""
    if ctx.zone_at(tok.idx) in ("title", "description"):
        return True
    sent = tok.sent
    return len(sent) <= 12 and not any(t.pos_ in ("VERB", "AUX") for t in sent) and not sent.text.rstrip().endswith(".")


def _over_a_span(ev: Event, tok) -> bool:
    """An event noun counted over a span of time ("after weeks of fighting", "months of
    protests"): the many events of a period, not one event, unless a toll is told of it ("two
    days of clashes killed 32")."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of" or ev.fatalities:
        return False
    span = tok.head.head
    return span.tag_ == "NNS" and span.lemma_.lower() in _words("span_nouns")


_ENDING = {"end", "halt", "stop", "cessation", "cease", "prevent", "deter", "avert", "curb", "ban", "pause", "lull"}
# prepositions of an adjunct that sets the scene of what ends ("under the deal reached today, the fighting will end")
_SETTING_PREPS = {"under", "after", "since", "despite", "following", "amid", "during"}


_OUGHT = {"should", "must", "ought"}


def offence_charged(ctx: Context, ev: Event, tok) -> bool:
    """An offence someone is arrested or charged for, named as a kind ("arrested for violent
    disorder and an assault on an emergency worker", "jailed for arson"): the charge, not an event
    the report tells; a definite one ("arrested for the killing of the mayor") is that event."""
    if tok is None or not tok.tag_.startswith("NN"):
        return False
    x = tok
    while x.dep_ == "conj" and x.head.i != x.i:
        x = x.head
    prep = x.head
    verb = prep.head.head if prep.head.dep_ in ("dobj", "nsubjpass") else prep.head  # "arrested 40 people for"
    if x.dep_ != "pobj" or prep.lower_ != "for" or verb.lemma_.lower() not in _words("charging_verbs"):
        return False
    return not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in tok.children)


def call(ctx: Context, ev: Event, tok) -> bool:
    """What a call, a goal or a policy aims to end or prevent ("called for an end to the
    attacks", "to deter attacks on shipping"), or says ought to be done ("troops should
    withdraw"), is not reported as having happened."""
    verb = tok if tok is not None and tok.tag_.startswith("VB") else None
    if verb is not None and any(c.dep_ == "aux" and c.lower_ in _OUGHT for c in verb.children):
        return True
    x = tok
    for _ in range(4):
        if x is None or x.head.i == x.i:
            return False
        if (
            x.dep_ == "pobj"
            and x.head.lower_ == "to"
            and any(c.dep_ == "dobj" and c.lemma_.lower() in _ENDING for c in x.head.head.children)
        ):
            return True  # "bring an end to the fighting", "put a stop to the attacks"
        if x.dep_ == "conj" and (x.tag_ == "VBD" or any(c.dep_ in ("nsubj", "nsubjpass") for c in x.children)):
            return False  # "banned the rally, but thousands marched", "banned the march and arrested 20": its own act
        if x.dep_ == "prep" and x.lower_ in _SETTING_PREPS:
            return False  # "under the deal reached today, the fighting will end": the setting, not what ends
        if across_semicolon(x):
            return False  # "Thousands march in the capital; the march ended ...": its own clause
        x = x.head
        if x.lemma_.lower() in _ENDING:
            return not _stopped_underway(ev, x)
    return False


def called_for(ctx: Context, ev: Event, tok) -> bool:
    """What a call asks for, however deep the infinitives ("urged allies to supply air defences
    and to allow Ukraine to strike targets inside Russia"), with no day of its own: a call, not
    an event."""
    if ev.status == "occurred" or tok is None or _dated(ev):
        return False  # "called for protests to continue Tuesday": a protest planned for a day
    x = tok
    for _ in range(5):
        if x.head.i == x.i or x.dep_ not in _ASKED_FOR or x.tag_ in ("VBD", "VBZ", "VBP"):
            return False  # a finite clause ("Armed men kidnapped ...; the cartel is demanding") tells its own act
        x = x.head
        if x.pos_ == "VERB" and x.lemma_.lower() in _words("call_verbs"):
            return True
    return False


_ASKED_FOR = {"xcomp", "ccomp", "conj", "dobj", "pobj", "prep"}  # what a call asks for, not a clause beside it


# verbs that stop what is going on (not "prevent", "ban", "avert": what they act on need not have begun)
_UNDERWAY = {"stop", "halt"}


def _stopped_underway(ev: Event, verb) -> bool:
    """A demonstration someone stopped, told in the past ("security personnel stopped a march by
    displaced families"): it was under way when they intervened, no call to end one."""
    return (
        ev.event_type == "Protests"
        and verb.lemma_.lower() in _UNDERWAY
        and _finite_past(verb)
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def cumulative(ctx: Context, ev: Event, tok) -> bool:
    """A running total: a present perfect over a "since" time, or with a large toll and no day;
    a toll no single event of a report reaches ("killed hundreds of thousands of Syrians")."""
    if tok is None:
        return False
    if (ev.fatalities or 0) >= _NO_SINGLE_EVENT:
        return True
    verb = tok if tok.tag_.startswith("VB") else tok.head
    if not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have") for c in verb.children):
        return False
    t = ev.time
    if t is not None and t.bound == "since" and t.start_date is not None and ctx.published is not None:
        return t.start_date < ctx.published - dt.timedelta(days=_LONG_RUN_DAYS)  # "since October", not "since Sunday"
    if _since_long_ago(ctx, verb):
        return True
    day = ev.time is not None and not ev.time.defaulted and ev.time.granularity == "day"
    return max(ev.fatalities or 0, _running_toll(ctx, ev)) >= _CUMULATIVE_FLOOR and not day


def _since_long_ago(ctx: Context, verb) -> bool:
    """The perfect runs from an event told in a "since" clause or phrase ("have been killed since
    the war began in March 2023", "since the protests erupted", "since October"): a running total,
    unless that clause dates
    its start to the last few days ("since the shelling began on Sunday"), or measures a superlative
    ("one of the largest attacks since the war began" is news)."""
    if any(t.tag_ == "JJS" or t.lower_ == "most" for t in verb.subtree):
        return False
    for c in verb.children:
        since_clause = c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "since" for g in c.children)
        if since_clause or (c.dep_ == "prep" and c.lower_ == "since"):  # "have been killed since October"
            lo, hi = c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
            told = [t for t in ctx.times if lo <= t.start < hi]
            if not told:
                return True
            if ctx.published is None or any(t.start_date is None for t in told):
                return False  # a day that cannot be placed ("on Tuesday" with no publication date)
            return min(t.start_date for t in told) < ctx.published - dt.timedelta(days=_LONG_RUN_DAYS)
    return False


def _running_toll(ctx: Context, ev: Event) -> int:
    """The largest toll among the mention's claims that runs "since" a time (no event's toll,
    so not its ``fatalities``)."""
    ids = set(ev.claims)
    return max(
        (
            int(c.quantity.value if c.quantity.value is not None else c.quantity.low or 0)
            for c in ctx.claims
            if c.id in ids and c.measure == "killed" and c.time is not None and c.time.bound == "since"
        ),
        default=0,
    )


def vague_background(ctx: Context, ev: Event, tok) -> bool:
    """Past context dated only by an earlier year ("In 2016, ..."): not specific enough."""
    t = ev.time
    if t is None or t.granularity not in ("year", "decade", "century") or not is_background(ctx, ev):
        return False
    return ctx.published is None or t.end_date is None or t.end_date.year < ctx.published.year


def _bare_plural(tok) -> bool:
    """ "Women and girls", "thousands", "civilians": people or things of no number or determiner."""
    if tok is None:
        return False
    if tok.lower_ in _words("bare_plurals"):
        return True
    return tok.tag_ in ("NNS", "NNPS") and not any(
        c.dep_ in ("det", "nummod", "poss") or (c.dep_ == "amod" and c.lower_ in _words("bare_plurals"))
        for c in tok.children
    )


_UNDERGO = {"suffer", "endure", "experience", "witness", "see", "face", "undergo"}


def _suffered_over_time(tok) -> bool:
    """Events a people has undergone, in the present perfect ("both have suffered terrible
    massacres", "the region has seen repeated attacks")."""
    verb = tok.head
    return (
        tok.tag_ == "NNS"
        and tok.dep_ == "dobj"
        and verb.lemma_.lower() in _UNDERGO
        and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in verb.children)
    )


def perfect_trend(ctx: Context, ev: Event, tok) -> bool:
    """What has been done to a kind of people over time, told in the present perfect passive with
    no day or town ("Women and girls have been kidnapped", "Thousands have been detained"): a
    trend. ("Protesters have rallied across Russia", "shops have been burned" are news.)"""
    if tok is None or _dated(ev) and not ev.time.inherited:
        return False
    if _suffered_over_time(tok):
        return ev.place is None or ev.place.level in ("country", "continent", "admin1")
    if not tok.tag_.startswith("VB"):
        return False
    while tok.dep_ == "conj" and not any(c.dep_ == "nsubjpass" for c in tok.children) and tok.head.i != tok.i:
        tok = tok.head  # "have been kidnapped and sexually assaulted"
    if not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "'ve") for c in tok.children):
        return False
    if ev.place is not None and ev.place.level not in ("country", "continent"):
        return False
    who = [c for c in tok.children if c.dep_ == "nsubjpass"]  # done to people ("have been detained")
    people = claims_lexicon().people_nouns | _words("bare_plurals")
    return bool(who) and all(_bare_plural(c) and (c.lemma_.lower() in people or c.lower_ in people) for c in who)


def indirect_question(ctx: Context, ev: Event, tok) -> bool:
    """ "how many aid workers have been killed", "whether troops attacked": asked, not told."""
    if tok is None:
        return False
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(g.lower_ == "how" for g in c.subtree if g.i < c.i):
            return True
    return any(c.dep_ == "mark" and c.lower_ == "whether" for c in tok.children)


_PERIODS = {"day", "night", "week", "month", "morning", "evening"}


def _every(verb) -> bool:
    """The verb is told as done every day, night or week ("almost every day", "daily", "nightly"),
    also where the parse hangs the phrase on a clause set inside ("strikes on places it says are
    linked to Hezbollah almost every day"); not in a clause of its own ("after daily protests")."""
    todo = list(verb.children)
    while todo:
        c = todo.pop()
        if c.dep_ == "advmod" and c.lower_ in ("daily", "nightly", "weekly"):
            return True
        if c.lemma_.lower() in _PERIODS and any(d.lower_ in ("every", "each") for d in c.children):
            return True
        if c.dep_ not in ("relcl", "acl", "advcl", "prep", "pobj", "dobj", "nsubj", "nsubjpass"):
            todo.extend(c.children)
    return False


def habitual(ctx: Context, ev: Event, tok) -> bool:
    """What a side does again and again, or did at some time before ("has attacked Burundi in
    the past", "repeatedly shelled the town"), with no date of its own: no one event."""
    verb = None if tok is None else tok if tok.tag_.startswith("VB") else _governing_verb(tok)
    if verb is None:
        return False
    if _every(verb):
        return True  # "has carried out strikes almost every day": dated or not, no one event
    if _dated(ev) and not ev.time.inherited:
        return False
    marks = _words("habitual_adverbs")
    verbs = [verb, verb.head] if verb.dep_ in ("xcomp", "ccomp", "dobj", "pcomp") else [verb]
    if any(c.dep_ == "advmod" and c.lower_ in marks for v in verbs for c in v.children):
        return True  # "repeatedly shelled", "has previously denied targeting civilians"
    return any(
        c.dep_ == "prep" and c.lower_ == "in" and any(o.lower_ == "past" and o.dep_ == "pobj" for o in c.children)
        for c in verb.children
    )


def the_war(ctx: Context, ev: Event, tok) -> bool:
    """ "Russia's full-scale invasion", "since the Russian invasion": the name of the war, not one
    event (an invasion the report dates or places in a town is one)."""
    if tok is None or tok.lemma_.lower() not in _words("war_nouns") or not tok.tag_.startswith("NN"):
        return False
    if _dated(ev) and not ev.time.inherited and in_own_phrase(tok, ev.trigger.end, ev.time):
        return False
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.lemma_.lower() in ("start", "beginning", "outset")
    ):
        return False  # "the start of the Russian invasion": the day it began
    p = ev.place
    own = p is not None and p.level not in ("country", "continent") and in_phrase(tok, p)
    return not own  # "the invasion of the Kharkiv region" is one


def between_blocs(ctx: Context, ev: Event, tok) -> bool:
    """A clash "between Europe and the U.S.": a continent is no armed side, the clash is one of words."""
    if tok is None or not tok.tag_.startswith("NN"):
        return False
    sides = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "between" for g in c.subtree]
    spans = [(g.idx, g.idx + len(g)) for g in sides]
    return any(p.level == "continent" and any(a <= p.start < b for a, b in spans) for p in ctx.places)


def ability(ctx: Context, ev: Event, tok) -> bool:
    """What a party is able or free to do ("the ability to attack inside Russia", "the ability
    attack", "the means to strike back"): a power, no act."""
    if tok is None:
        return False
    words = _words("ability_nouns") | _words("power_nouns")
    if any(c.dep_ == "compound" and c.lemma_.lower() in words for c in tok.children):
        return True
    return tok.dep_ == "acl" and _infinitive(tok) and tok.head.lemma_.lower() in words


def purpose_clause(ctx: Context, ev: Event, tok) -> bool:
    """What a clause of purpose says one can do ("sent weapons so Ukraine can hit back at forces
    hitting them"), or a comparison with what did not happen ("as if he had been forced to sign"):
    told as an aim or an image, not as done."""
    x = tok
    for _ in range(6):
        if x is None:
            return False
        kids = list(x.children)
        if any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in kids) and any(
            c.dep_ in ("mark", "advmod") and c.lower_ == "so" for c in kids
        ):
            return True
        if any(
            c.dep_ == "mark" and c.lower_ in ("if", "though") and c.i > 0 and c.nbor(-1).lower_ == "as" for c in kids
        ):
            return True
        if x.head.i == x.i:
            return False
        x = x.head
    return False


def keeping_order(ctx: Context, ev: Event, tok) -> bool:
    """A force deployed to keep order ("deployed across the country to tighten security",
    "deployed to quell the unrest"): policing, not a force sent into a conflict (ACLED's change
    of activity)."""
    if ev.sub_event_type != "Change to group/activity" or tok is None or not tok.tag_.startswith("VB"):
        return False
    aims = [c for c in tok.children if c.dep_ in ("advcl", "xcomp") and _infinitive(c)]
    return any(verb_words(c) & _words("order_purposes") for c in aims)


def _a_place(tok) -> bool:
    return tok.ent_type_ in ("GPE", "LOC") or tok.lemma_.lower() in _words("place_nouns") | {"country", "nation"}


def undergone_by_a_place(ctx: Context, ev: Event, tok) -> bool:
    """What a country or a region went through, with no day of its own ("Ghana saw days of
    anti-government protests", "the region saw protests"): a description of a time, not one event."""
    if tok is None or tok.tag_ != "NNS":
        return False
    x = tok
    if x.dep_ == "pobj" and x.head.lower_ == "of" and x.head.head.lemma_.lower() in _words("counting_nouns"):
        x = x.head.head  # "days of protests"
    verb = x.head
    if x.dep_ != "dobj" or verb.lemma_.lower() not in _words("undergo_verbs"):
        return False
    t = ev.time
    if t is not None and not t.defaulted and not t.inherited and t.granularity == "day":
        return False
    return any(c.dep_ == "nsubj" and _a_place(c) for c in verb.children)


def going_on(ctx: Context, ev: Event, tok) -> bool:
    """Fighting that goes on, or an offensive taken up again, with no day, town or toll of its own
    ("and fighting continued", "has resumed its full military offensive"): a state of the war, no
    one event. (Dated, placed in a town or with a toll it is one: "fighting continued in Kessa on
    Monday".)"""
    if tok is None or ev.fatalities or not (tok.tag_.startswith("NN") or tok.tag_ == "VBG" and tok.dep_ == "nsubj"):
        return False  # ("Fighting continued": a gerund as subject)
    if any(c.dep_ == "prep" for c in tok.children):
        return False  # "shelling of the town has continued", "clashes between the army and rebels continued"
    verb = tok.head
    if tok.dep_ == "nsubj":
        going = verb.lemma_.lower() in _words("ongoing_verbs")
    else:
        going = tok.dep_ == "dobj" and bool(verb_words(verb) & _words("resumed_verbs"))
    if not going or (_dated(ev) and not ev.time.inherited) or _harm_told(verb):
        return False  # "fighting continued, leaving many dead": that fighting's toll
    if any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in _words("news_times") for c in verb.children):
        return False  # "shelling continued overnight": that night's
    p = ev.place
    if p is None or p.level in ("country", "continent") or ev.place_from != "clause":
        return True
    return not _placed_by(p, (tok, verb))


def _placed_by(p, toks) -> bool:
    """The place is named in a phrase of these words' own ("in Rafah"), not in a conjoined clause."""
    own = [c for g in toks for c in g.children if c.dep_ == "prep"]
    return p is not None and any(c.left_edge.idx <= p.start < c.right_edge.idx + len(c.right_edge) for c in own)


def _event_noun(tok, lex) -> bool:
    return (tok.lemma_.lower(), "NOUN") in lex.by_key or (tok.lower_, "NOUN") in lex.by_key


def kind_of_people(ctx: Context, ev: Event, tok) -> bool:
    """An act named only by the bare plural of those it was done to ("after the arrest of
    generals for alleged corruption"), or a count of bare plural events ("the barrage of attacks
    ... signals that"), with no day, town or toll: a kind of act or a series, not one event."""
    if tok is None or tok.tag_ != "NN" or ev.fatalities or (_dated(ev) and not ev.time.inherited):
        return False
    if ev.place is not None and ev.place_from == "clause":
        return False
    if any(c.dep_ in ("poss", "nummod") for c in tok.children):
        return False
    if tok.dep_ in ("nsubj", "nsubjpass") and told_as_past(tok.head):
        return False  # "the exchange of prisoners was completed on Monday": one act, told as done
    objs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    lex = load_lexicon()
    people = claims_lexicon().people_nouns | lex.person_nouns | _words("abducted_nouns") | _words("office_holders")
    return bool(objs) and all(
        g.tag_ == "NNS" and _bare_plural(g) and (g.lower_ in people or _event_noun(g, lex)) for g in objs
    )


def _perfect(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in verb.children)


def perfect_series(ctx: Context, ev: Event, tok) -> bool:
    """Bare plural events that "have" done something, with no date in their own clause ("but
    Israeli strikes have killed dozens of Palestinians"): a running series, not one event."""
    if tok is None or tok.tag_ != "NNS" or tok.dep_ != "nsubj" or tok.head.i == tok.i:
        return False
    if any(c.dep_ in ("det", "poss", "nummod") for c in tok.children) or not _perfect(tok.head):
        return False
    if ev.place_from == "clause" and _placed_by(ev.place, (tok, tok.head)):
        return False  # "Israeli strikes have killed 20 people in Rafah since Monday": that place's
    t = ev.time
    return not (_dated(ev) and not t.inherited and t.bound != "since" and in_phrase(tok.head, t))


def described_by_deed(ctx: Context, ev: Event, tok) -> bool:
    """What a group "has done", told in a clause that describes the group ("factions that
    cooperated with HTS but have clashed with Kurdish forces"), with no date, town or toll: who
    they are, not a new event."""
    if tok is None or not tok.tag_.startswith("VB") or ev.fatalities or not _perfect(tok):
        return False
    x = tok
    while x.dep_ == "conj" and x.head.i != x.i:
        x = x.head
    if x.dep_ != "relcl" or (_dated(ev) and not ev.time.inherited):
        return False
    p = ev.place
    return p is None or p.level in ("country", "continent") or ev.place_from != "clause"


def _clause_verbs(tok, steps: int = 4) -> list:
    """The trigger and the verbs it hangs on through joined, complement and open clauses."""
    out, x = [tok], tok
    for _ in range(steps):
        if x.head.i == x.i or x.dep_ not in ("conj", "xcomp", "ccomp", "pcomp", "dobj", "pobj", "prep", "advcl"):
            break
        if across_semicolon(x):
            break
        x = x.head
        out.append(x)
    return out


def would_not(ctx: Context, ev: Event, tok) -> bool:
    """What one "would not" do, or "would never" have done ("the government wouldn't go around
    hurting and shooting students"): a contrast with what did not happen, no event."""
    if tok is None or ev.status not in ("hypothetical", "negated"):
        return False
    for v in _clause_verbs(tok):
        kids = list(v.children)
        if any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in kids) and any(c.dep_ == "neg" for c in kids):
            return True
    return False


_HEDGES = {"seem", "appear"}


def seeming(ctx: Context, ev: Event, tok) -> bool:
    """An impression with no day or place of its own ("it seems that many troops are
    withdrawing"): a guess at a trend, not a report of one event."""
    if tok is None or (_dated(ev) and not ev.time.inherited) or ev.fatalities:
        return False
    if ev.place is not None and ev.place_from == "clause" and ev.place.level not in ("country", "continent"):
        return False
    return any(v.lemma_.lower() in _HEDGES for v in _clause_verbs(tok)[1:])


_COPULAS = {"be", "become", "remain", "grow", "seem", "appear"}


def prevalence(ctx: Context, ev: Event, tok) -> bool:
    """A kind of act said to be common ("Kidnapping for ransom has become rampant in the northwest",
    "attacks on aid workers are frequent"): how often, not one act."""
    if tok is None or tok.dep_ not in ("nsubj", "csubj") or tok.head.lemma_.lower() not in _COPULAS:
        return False
    words = _words("prevalence_words")
    return any(c.dep_ in ("acomp", "attr", "oprd") and c.lower_ in words for c in tok.head.children)


def aimed_at_reference(ctx: Context, ev: Event, tok) -> bool:
    """A bare reference to events told elsewhere ("those attacks") as what an aim is against
    ("built a coalition to help defeat those attacks", "to repel these assaults"): the aim is told,
    not a new event."""
    if tok is None or tok.dep_ != "dobj" or not _bare_reference(tok, load_lexicon()):
        return False
    verb = tok.head
    return verb.tag_ == "VB" and (verb.dep_ == "xcomp" or _infinitive(verb))


def past_plan(ctx: Context, ev: Event, tok) -> bool:
    """A plan for a time more than a week gone ("were to start negotiations in early February",
    in a report of March): what came of it, if anything, is the report's event, not the plan."""
    return ev.status == "planned" and _dated(ev) and not ev.time.inherited and is_background(ctx, ev)


_MANY = {"dozens", "hundreds", "scores", "thousands", "series", "string", "wave", "spate", "number"}


def counted_series(ctx: Context, ev: Event, tok) -> bool:
    """Many events counted over a span ("since", "over the past months"), in the present perfect
    and dated by no day of their own ("The rebels have launched dozens of attacks on shipping since
    November"): a series told as context, no one event."""
    if tok is None or not tok.tag_ == "NNS" or (_dated(ev) and not ev.time.inherited):
        return False
    x = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok
    many = x.lower_ in _MANY or any(c.dep_ == "nummod" and c.lower_ in _MANY for c in tok.children)
    verb = x.head if x.dep_ in ("dobj", "nsubjpass") else None
    if not many or verb is None:
        return False
    perfect = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have") for c in verb.children)
    return perfect and any(c.dep_ == "prep" and c.lower_ in ("since", "over") for c in verb.children)


def relief_work(ctx: Context, ev: Event, tok) -> bool:
    """Forces deployed to help after a disaster ("deployed the army to help with relief efforts",
    "soldiers were sent to evacuate flood victims"): aid, no change in a conflict's forces."""
    if ev.kind != "deployment" or tok is None:
        return False
    relief = _words("relief_words")
    purposes = [c for c in tok.children if c.dep_ in ("xcomp", "advcl", "prep")]
    return any(t.lower_ in relief or t.lemma_.lower() in relief for c in purposes for t in c.subtree)


# prepositions that name what a protest is against ("rallied against the strikes", "protested over
# the arrest", "anger at the killings")
_AGAINST = {"against", "over", "at"}


def grievance(ctx: Context, ev: Event, tok) -> bool:
    """An event named only as what a protest is against ("rallied in Sanaa on Friday against the
    strikes", "protested over the arrest of a journalist", "marched, condemning the killings"): the
    protest's cause, not an event of its day and place. One the phrase itself dates, places or
    counts is told ("against the killing of 12 students in Rangpur on Thursday")."""
    if tok is None or not tok.tag_.startswith("NN"):
        return False
    protest = _words("protest_words")
    if tok.dep_ == "pobj" and tok.head.lower_ in _AGAINST:
        host = tok.head.head
    elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in _words("grievance_verbs"):
        host = tok.head if tok.head.lemma_.lower() in protest else tok.head.head
    else:
        return False
    if host.lemma_.lower() not in protest:
        return False
    if any(t.like_num or t.ent_type_ in ("CARDINAL", "DATE") for t in tok.subtree):
        return False
    return ev.place is None or not in_phrase(tok, ev.place)


RULES: tuple[Callable, ...] = (
    question,
    indirect_question,
    negated,
    unreal,
    call,
    called_for,
    offence_charged,
    generic,
    perfect_trend,
    habitual,
    the_war,
    cumulative,
    vague_background,
    between_blocs,
    ability,
    purpose_clause,
    keeping_order,
    undergone_by_a_place,
    going_on,
    kind_of_people,
    perfect_series,
    described_by_deed,
    would_not,
    seeming,
    prevalence,
    aimed_at_reference,
    past_plan,
    relief_work,
    counted_series,
    grievance,
)


def why_not_an_event(ctx: Context, ev: Event) -> Optional[str]:
    """The name of the first rule that finds ``ev`` is no event of its own, or None."""
    tok = _token(ctx, ev)
    for rule in RULES:
        if rule(ctx, ev, tok):
            return rule.__name__
    return None


def is_background(ctx: Context, ev: Event) -> bool:
    """Past context: the mention's own time ends more than a week before publication, or is a
    month or a longer period that ended before it ("Last month, gangs attacked a hospital" in a
    report of 4 October)."""
    published = ctx.published
    t = ev.time
    if published is None or t is None or t.defaulted or t.end_date is None:
        return False
    if t.granularity in _LONG_PERIODS and t.end_date < published:
        return True
    return t.end_date < published - dt.timedelta(days=BACKGROUND_DAYS)


_LONG_PERIODS = frozenset({"month", "quarter", "season", "half", "year", "decade", "century"})


_HEADLINE_ZONES = ("title", "description")
HEADLINE_NEWS_DAYS = 31


def _lead_sentence(ctx: Context) -> Optional[int]:
    return next((i for i, s in enumerate(ctx.sentences) if ctx.reports_in(s.start, s.end)), None)


def headline_news(ctx: Context, ev: Event, first: bool) -> bool:
    """The title or the description reports the event, or it is the first event of the lead
    sentence (``first``), and it is of the past month: the article's news even when the body
    dates it more than a week back ("a soldier captured on 11 January" in a report of the 20th
    on his interrogation)."""
    zones = [ctx.zone_at(ev.start)] + [m.zone for m in ev.mentions]
    if not (first or any(z in _HEADLINE_ZONES for z in zones)):
        return False
    t, published = ev.time, ctx.published
    return (
        t is None
        or t.end_date is None
        or published is None
        or t.end_date >= published - dt.timedelta(days=HEADLINE_NEWS_DAYS)
    )


def mark_background(ctx: Context, events: list[Event]) -> list[Event]:
    """Events whose time ends more than a week before publication are past context, unless the
    headline or the lead reports them as the article's news (:func:`headline_news`)."""
    lead = _lead_sentence(ctx)
    first = min(events, key=lambda e: e.start) if events else None
    return [
        e.model_copy(update={"background": True})
        if is_background(ctx, e) and not headline_news(ctx, e, e is first and e.sentence == lead)
        else e
        for e in events
    ]


def kinds_only(ctx: Context, mentions: list[Event]) -> frozenset[int]:
    """The sentences whose every mention names a kind or a series of events (``generic``), so
    that what else they tell may be read again ("protesters shut down roads, escalating a
    month-long string of rallies"); a plan, a question or a trend is never read again."""
    why: dict[int, set] = {}
    for m in mentions:
        why.setdefault(m.sentence, set()).add(why_not_an_event(ctx, m))
    return frozenset(si for si, reasons in why.items() if reasons == {"generic"})


# readings that set a mention aside for how it is worded (a kind or a series named by a plural noun:
# "weapons seized from bandits", "raids to detain activists"), not for what it means there (a
# question, a negation, a plan, a call, a trend, a state of the fighting): a snippet of one or two
# sentences, which tells one event, is read by the snippet classifier despite them when a verb tells
# its act (extract_events, snippet.is_snippet)
WORDING = frozenset({"generic"})


def drop_non_events(ctx: Context, mentions: list[Event], despite_wording: bool = False) -> list[Event]:
    """The mentions no rule of :data:`RULES` finds to be no event; with ``despite_wording``, also
    those set aside only for their wording (:data:`WORDING`) whose words hold a verb ("weapons
    seized", not the people "protesters" or the kind "months of protests")."""
    return [
        m
        for m in mentions
        if (why := why_not_an_event(ctx, m)) is None or (despite_wording and why in WORDING and _names_an_act(ctx, m))
    ]


def _names_an_act(ctx: Context, ev: Event) -> bool:
    span = ctx.doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    return span is not None and any(t.pos_ == "VERB" for t in span)


def set_aside_for_meaning(ctx: Context, mentions: list[Event]) -> frozenset[int]:
    """The sentences of ``mentions`` one of which is no event for what it means, not for its
    wording alone (a reason outside :data:`WORDING`, or a later pass's)."""
    return frozenset(m.sentence for m in mentions if why_not_an_event(ctx, m) not in WORDING)


def _bare_reference(tok, lex) -> bool:
    """ "the killings", "those attacks", "the marches": a noun that points back at events named
    elsewhere (a determiner and nothing of its own: no number, name or possessor)."""
    if tok is None or not tok.tag_.startswith("NN"):
        return False
    kids = list(tok.children)
    if any(c.dep_ in ("nummod", "poss", "compound", "prep", "acl", "relcl", "amod") for c in kids):
        return False
    return any(c.dep_ == "det" and c.lower_ in lex.anaphoric_dets for c in kids)


def lone_references(ctx: Context, events: list[Event]) -> list[Event]:
    """A bare reference ("the killings", "those attacks") that joined no event of the report
    points at nothing else the report tells: with no actor, toll, time or place of its own it is
    no event by itself. (In a report of one event, the reference is that event.)"""
    lex = load_lexicon()
    out = []
    for e in events:
        t = e.time
        empty = (
            len(events) > 1
            and not e.mentions
            and (e.actor1 is None or e.actor1.via == "inferred")
            and not e.fatalities
            and (t is None or t.defaulted or t.inherited)
            and (e.place is None or e.place_from == "article")
        )
        if not (empty and _bare_reference(_token(ctx, e), lex)):
            out.append(e)
    return out
