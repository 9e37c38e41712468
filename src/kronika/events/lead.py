"""The event an article leads with: what its title reports, else the first news it gives.

One event per analysis is marked ``lead``: among the events that occurred and are not past
context, the one a mention of which is in the title; else the one reported first. A text with
no such event has no lead. The lead is what a reader would name as the article's story, and
what a one-event view (a snippet, a feed item) shows.
"""

from __future__ import annotations

import re
from typing import Optional

from kronika.context import Context
from kronika.events.countrywide import told_countrywide
from kronika.events.lexicon import load_lexicon
from kronika.events.parse import trigger_root
from kronika.records import Event


def _in_title(ctx: Context, ev: Event) -> bool:
    return ctx.zone_at(ev.start) == "title" or any(m.zone == "title" for m in ev.mentions)


def mark_lead(ctx: Context, events: list[Event]) -> list[Event]:
    news = [e for e in events if e.status == "occurred" and not e.background]
    if not news:
        return events
    news = [e for e in news if not _fled(ctx, e)] or news
    first = _first_body_sentence(ctx)
    news = [e for e in news if not _setting(ctx, e, first)] or news
    titled = [e for e in news if _in_title(ctx, e)]
    lead = min(titled or news, key=lambda e: e.start)
    if not titled:
        lead = _news_after_the_setting(ctx, lead, news) or lead
    lead = (
        _ground_taken(ctx, lead, news)
        or _arrested_for(ctx, lead, news)
        or _raped_too(ctx, lead, news)
        or _done_under(ctx, lead, news)
        or lead
    )
    return [e.model_copy(update={"lead": True}) if e.id == lead.id else e for e in events]


# a time that sets the scene before the news: "Earlier this year", "Last month", "In 2014", "Since October"
_SETTING_TIME = re.compile(
    r"^(earlier|late|last|in (late|early|mid-?)?(\d{4}|january|february|march|april|may|june|july|august|september"
    r"|october|november|december|recent (weeks|months|years))|since|for (weeks|months|years))\b|\bago$",
    re.IGNORECASE,
)
# a time of the day's news: "on Thursday", "Thursday night", "overnight", "on 12 May"
_NEWS_TIME = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|overnight|tonight)\b"
    r"|\b\d{1,2} (january|february|march|april|may|june|july|august|september|october|november|december)\b"
    r"|\b(january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2}\b",
    re.IGNORECASE,
)


def _own_time_text(ctx: Context, e: Event) -> Optional[str]:
    """The text of the first time expression of the event's own sentence span, if any."""
    return next((t.text for t in ctx.times if e.start <= t.start < e.end), None)


def _news_after_the_setting(ctx: Context, lead: Event, news: list[Event]) -> Optional[Event]:
    """The first event is told at a time that sets the scene ("Earlier this year the military
    launched an offensive. Fighter jets on Thursday bombed a camp"), and a later sentence tells
    an event of the day: that one is the news the report leads with."""
    own = _own_time_text(ctx, lead)
    if own is None or not _SETTING_TIME.search(own.strip()):
        return None
    later = [
        e
        for e in news
        if e.sentence > lead.sentence and (t := _own_time_text(ctx, e)) is not None and _NEWS_TIME.search(t)
    ]
    return min(later, key=lambda e: e.start) if later else None


def _fled(ctx: Context, e: Event) -> bool:
    """The event is what someone fled ("women fleeing the fighting"): the setting of the news."""
    tok = trigger_root(ctx, e)
    return (
        tok is not None
        and tok.dep_ in ("dobj", "pobj")
        and (tok.head if tok.dep_ == "dobj" else tok.head.head).lemma_.lower() in load_lexicon().words["fled_verbs"]
    )


def _first_body_sentence(ctx: Context) -> Optional[int]:
    """The first sentence of the article's own reporting below its title and description."""
    return next(
        (
            i
            for i, s in enumerate(ctx.sentences)
            if ctx.reports_in(s.start, s.end) and ctx.zone_at(s.start) not in ("title", "description")
        ),
        None,
    )


def _setting(ctx: Context, e: Event, first: Optional[int] = None) -> bool:
    """The event is told in a sentence whose main verb is in the past perfect ("Police had been
    looking for him since the riot in June.", "Protesters had blocked the road before police
    cleared it."): the pluperfect puts what the sentence tells before the story's time, as its
    setting; the news is what the text tells after it. Not in what the first sentence of the body
    (``first``) reports: a wire lead's "the army said it had killed 40" is the news, told in the past
    of the saying."""
    if not 0 <= e.sentence < len(ctx.sentences):
        return False
    sent = ctx.sentences[e.sentence]
    span = ctx.doc.char_span(sent.start, sent.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = span.root
    reported = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if verb.lemma_.lower() in load_lexicon().status["reporting_verbs"] and reported is not None:
        if e.sentence == first:
            return False
        verb = reported  # "Police said the gunmen had fled": what is said
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


_TERRITORIAL = {"Government regains territory", "Non-state actor overtakes territory"}


def _ground_taken(ctx: Context, lead: Event, news: list[Event]) -> Optional[Event]:
    """An assault told with the ground it won by the verb joined to it ("militants stormed and
    occupied the district headquarters"): ACLED codes the taking, so the taking leads."""
    if lead.sub_event_type != "Armed clash" or lead.kind is not None:
        return None
    tok = trigger_root(ctx, lead)
    if tok is None or tok.pos_ != "VERB":
        return None
    for e in news:
        other = trigger_root(ctx, e) if e.sub_event_type in _TERRITORIAL else None
        if other is not None and other.dep_ == "conj" and other.head.i == tok.i:
            return e
    return None


# ACLED records the violence an arrest answers (tried with attacks and abductions too: no change
# on the authored sets or the CASE development rows, so kept to sexual violence)
_ANSWERED = {"Sexual violence"}
_FOR = ("after", "for")


def _arrested_for(ctx: Context, lead: Event, news: list[Event]) -> Optional[Event]:
    """An arrest told with the violence it answers ("a constable was arrested after allegedly
    raping a minor", "detained for the rape of a pupil"): ACLED codes the violence, so it leads."""
    if lead.sub_event_type != "Arrests":
        return None
    tok = trigger_root(ctx, lead)
    if tok is None:
        return None
    for e in news:
        other = trigger_root(ctx, e) if e.sub_event_type in _ANSWERED else None
        if other is None:
            continue
        via_prep = other.head.lower_ in _FOR and other.head.head.i == tok.i
        via_clause = (
            other.dep_ == "advcl"
            and other.head.i == tok.i
            and any(m.dep_ == "mark" and m.lower_ in _FOR for m in other.children)
        )
        if via_prep or via_clause:
            return e
    return None


# the harm sexual violence is told with, by a verb joined to it
_WITH_RAPE = {"Abduction/forced disappearance", "Attack"}


def _raped_too(ctx: Context, lead: Event, news: list[Event]) -> Optional[Event]:
    """An abduction or an attack told with sexual violence by the verb joined to it ("gunmen
    abducted and raped three girls", "were beaten and sexually assaulted"): ACLED codes the sexual
    violence, so it leads."""
    if lead.sub_event_type not in _WITH_RAPE:
        return None
    tok = trigger_root(ctx, lead)
    if tok is None or tok.pos_ != "VERB":
        return None
    for e in news:
        other = trigger_root(ctx, e) if e.sub_event_type == "Sexual violence" else None
        if other is not None and other.dep_ == "conj" and other.head.i == tok.i:
            return e
    return None


# prepositions that put an agreement as the frame of what is done under it
_FRAMES = {"under"}


def _done_under(ctx: Context, lead: Event, news: list[Event]) -> Optional[Event]:
    """An agreement named as the frame of the act its sentence tells ("under a deal brokered by
    Russia, rebels left the district, handing it to the army"): what was done under it is the news."""
    tok = trigger_root(ctx, lead)
    if lead.sub_event_type != "Agreement" or tok is None:
        return None
    frame = next((a for a in tok.ancestors if a.dep_ == "prep" and a.lower_ in _FRAMES), None)
    if frame is None:
        return None
    inside = {t.i for t in frame.subtree}
    for e in news:
        other = trigger_root(ctx, e) if e is not lead and e.sentence == lead.sentence else None
        if other is not None and other.i not in inside and e.sub_event_type != "Agreement":
            return e
    return None


STORY_DAYS = 7
STORY_SENTENCES = 3  # how far after an undated lead the report's day may still be told


def _own_day(e: Event) -> bool:
    """Whether ``e`` has a day of its own, not one counted from another clause of its sentence
    ("a week after a peace deal was signed": the context of the news, not its day)."""
    t = e.time
    return (
        t is not None and not (t.defaulted or t.inherited) and t.anchor != "text" and t.granularity in ("day", "time")
    )


def _story(events: list[Event]) -> Optional[Event]:
    """The event whose day is the report's: the lead; when the lead has no day of its own (a
    title's "steps agreed to end the violence"), the first other news event the report tells, when
    that has one and comes before the lead or soon after it ("Israel's military struck the defence
    ministry on Wednesday")."""
    lead = next((e for e in events if e.lead), None)
    if lead is None or not (lead.time is None or lead.time.defaulted):
        return lead
    news = [e for e in events if e is not lead and e.status == "occurred" and not e.background]
    first = min(news, key=lambda e: e.start, default=None)
    if first is None or first.sentence > lead.sentence + STORY_SENTENCES or not _own_day(first):
        return lead
    return first


# the violence a suspect is arrested for: the arrest follows it, on a day of its own
CRIMES = {"Violence against civilians", "Explosions/Remote violence"}


def story_time(events: list[Event]) -> list[Event]:
    """An event the report gives no time of its own (dated at publication, ``defaulted``) is of
    the story's day (:func:`_story`) when that is a day of the week before publication: the
    drones shot down "over four Russian oblasts" in a report on Saturday's strikes are
    Saturday's. Its time is marked ``inherited``. Not an arrest in a report of a killing or an
    attack: the suspect is caught after the crime, not on its day."""
    lead = _story(events)
    t = lead.time if lead is not None else None
    if t is None or t.defaulted or t.start_date is None or t.end_date is None:
        return events
    if (t.end_date - t.start_date).days > 1:
        return events
    out = []
    for e in events:
        own = e.time
        if (
            e is not lead
            and own is not None
            and own.defaulted
            and own.start_date is not None
            and e.status == "occurred"
            and not e.background
            and 0 <= (own.start_date - t.end_date).days <= STORY_DAYS
            and not (e.sub_event_type == "Arrests" and lead.event_type in CRIMES)
        ):
            e = e.model_copy(
                update={
                    "time": t.model_copy(
                        update={
                            "inherited": True,
                            "start": own.start,
                            "end": own.end,
                            "text": own.text,
                            "sentence": own.sentence,
                        }
                    )
                }
            )
        out.append(e)
    return out


STORY_PLACE_SENTENCES = 3  # an unplaced event told this soon after the lead event is at its place


def story_place(ctx: Context, events: list[Event]) -> list[Event]:
    """An event no mention places (at the article's focus, ``place_from="article"``), told in the
    few sentences after the lead event (:data:`STORY_PLACE_SENTENCES`), on its day, is at the lead's
    town when that town lies in the focus's country: "Gang members killed 20 people when they
    stormed the town of Mirebalais ... Police said officers had exchanged fire with the gang"."""
    lead = next((e for e in events if e.lead), None)
    p = lead.place if lead is not None else None
    if lead is None or p is None or p.level != "populated_place" or lead.time is None:
        return events
    out = []
    for e in events:
        if (
            e is not lead
            and e.place_from == "article"
            and e.place is not None
            and e.place.country_code == p.country_code
            and e.status == "occurred"
            and not e.background
            and 0 < e.sentence - lead.sentence <= STORY_PLACE_SENTENCES
            and not told_countrywide(ctx, e)
            and e.time is not None
            and e.time.start_date == lead.time.start_date
        ):
            e = e.model_copy(update={"place": p})
        out.append(e)
    return out


__all__ = ["mark_lead", "story_place", "story_time"]
