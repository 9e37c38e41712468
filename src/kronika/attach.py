"""Attaching a time and a place to a claim or event found at a span of the text.

The governing expression is the one in the same sentence that is syntactically closest
to the span's head (fewest dependency arcs between them), ties broken by distance in
characters. Only times that locate something on the calendar count (a DATE or TIME with a
value and an interval). With none in the sentence, the narrative time carries forward: the
last such time of a preceding sentence of the same paragraph ("In August 2024, Ukrainian
forces began an incursion. They quickly captured ...") is used, flagged ``inherited``; a
paragraph continues across a line break only into a list item or after a heading or a
colon. With none there either, the publication date is used with a coarser granularity
(week) and ``defaulted=True``: it is the date of the report, not of the fact.

A time inside an "after"/"before" clause dates that clause, not the main one ("students joined
protests for a second day after 100 people were injured on Monday": Monday is the injuries'
day), and so does a count of units standing before the "after" ("a day after Kyiv suffered the
heaviest assault"): :func:`dated_clause`, :func:`dates`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional, Sequence, TypeVar

from kronika import intervals
from kronika.context import Context
from kronika.records import Mention, Place, TimeSpan

M = TypeVar("M", bound=Mention)


def span_head(ctx: Context, start: int, end: int):
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def path_length(a, b) -> int:
    """Number of dependency arcs between tokens ``a`` and ``b``."""
    up_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return n + index[t.i]
    return 99


def closest(ctx: Context, items: Sequence[M], start: int, end: int) -> Optional[M]:
    """The item of the same sentence syntactically closest to the span [start, end)."""
    sentence = ctx.sentence_index(start)
    same = [m for m in items if m.sentence == sentence]
    if not same:
        return None
    head = span_head(ctx, start, end)

    def key(m: M):
        inside = m.start >= start and m.end <= end
        other = span_head(ctx, m.start, m.end)
        arcs = path_length(head, other) if head is not None and other is not None else 99
        gap = 0 if inside else min(abs(m.start - end), abs(start - m.end))
        return (arcs, gap)

    return min(same, key=key)


def defaulted_time(ctx: Context, start: int, end: int) -> Optional[TimeSpan]:
    """The publication date as a week-granularity time flagged ``defaulted``."""
    published = ctx.published
    if published is None:
        return None
    monday = published - dt.timedelta(days=published.weekday())
    iso = published.isocalendar()
    return TimeSpan(
        **ctx.span_fields(start, end),
        type="DATE",
        value=f"{iso.year}-W{iso.week:02d}",
        start_date=monday,
        end_date=min(published, monday + dt.timedelta(days=6)),
        granularity="week",
        anchor="publication",
        defaulted=True,
    )


def _calendar(t: TimeSpan) -> bool:
    if t.type == "DURATION":  # anchored to the report: "in the past 24 hours", "over the last three days"
        return t.start_date is not None and t.end_date is not None
    return (
        t.type in ("DATE", "TIME") and t.value is not None and t.start_date is not None and not t.value.endswith("_REF")
    )


_BULLET = re.compile(r"^\s*(?:[-–—•*·.]|\d+[.)])\s+")
CARRY_SENTENCES = 25


def _continues(ctx: Context, prev: int, cur: int) -> bool:
    """Whether sentence ``cur`` continues the paragraph of sentence ``prev`` (its predecessor)."""
    a, b = ctx.sentences[prev], ctx.sentences[cur]
    gap = ctx.text[a.end : b.start]
    if "\n\n" in gap or "\n\n" in a.text.strip(" "):
        return False
    if "\n" not in gap and not a.text.endswith("\n"):
        return True  # same line
    before, after = a.text.strip(), b.text.strip()
    if _label(before) or _label(after):
        return False  # "Related:", "Read also:": what follows belongs to other articles
    if _BULLET.match(b.text) or before.endswith(":") or _heading(before):
        return True
    # a heading between a paragraph and the list it introduces ("Syria" before ". Near Ar Raqqah, ...")
    return _heading(after) and cur + 1 < len(ctx.sentences) and bool(_BULLET.match(ctx.sentences[cur + 1].text))


def _heading(line: str) -> bool:
    return 0 < len(line.split()) <= 4 and not line.endswith((".", "!", "?", "”", '"', ":"))


def _label(line: str) -> bool:
    return line.endswith(":") and len(line.split()) <= 3


SUBORDINATORS = frozenset({"after", "before"})
_WILL = frozenset({"will", "'ll", "shall"})
_CLIMB = 12


def _complement(word):
    """The clause or noun an "after"/"before" introduces: the verb it marks ("after the army
    retook it"), else its object ("after the attack")."""
    if word.dep_ == "mark":
        return word.head
    objects = [c for c in word.children if c.dep_ in ("pobj", "pcomp")]
    return objects[0] if objects else None


def dated_clause(doc, start: int, end: int, offset: bool = False):
    """The head of the "after"/"before" clause that the time at [start, end) dates, or None when it
    dates its sentence's main clause. An ``offset`` ("two days", "a week") standing before an
    "after"/"before" dates what follows it ("two days after the army retook it")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    if offset:
        following = doc[span.end] if span.end < len(doc) else None
        return _complement(following) if following is not None and following.lower_ in SUBORDINATORS else None
    tok = span.root
    for _ in range(_CLIMB):
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in tok.children):
            return tok  # "after more than 100 people were injured on Monday"
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in _WILL for c in tok.children):
            return tok  # "agreed on steps that will end the fighting tonight": tonight is the ending's
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


_OFFSET = re.compile(r"(?i)\b(?:hours?|days?|weeks?|months?|years?)$")


def is_offset(t) -> bool:
    """Whether time ``t`` is a count of units anchored in the text ("two days [after ...]")."""
    return t.anchor == "text" and bool(_OFFSET.search(t.text))


def _subordinate(clause) -> bool:
    """Whether ``clause`` (:func:`dated_clause`) is an "after"/"before" clause (not a future one)."""
    return clause is None or any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in clause.children)


def dates(doc, clause, start: int, end: int) -> bool:
    """Whether a time whose dated clause is ``clause`` (:func:`dated_clause`) may date the words at
    [start, end): always when it dates the main clause, else only inside its own clause."""
    if clause is None:
        return True
    first, last = clause.left_edge, clause.right_edge
    return first.idx <= start and end <= last.idx + len(last)


def _clause_of(ctx: Context, t: TimeSpan):
    """The "after"/"before" clause ``t`` dates (:func:`dated_clause`), found once per time of the
    document."""
    if ctx.doc is None:
        return None
    cache = ctx.__dict__.setdefault("_dated_clauses", {})
    key = (t.start, t.end)
    if key not in cache:
        cache[key] = dated_clause(ctx.doc, t.start, t.end, offset=is_offset(t))
    return cache[key]


def _may_date(ctx: Context, t: TimeSpan, start: int, end: int) -> bool:
    return ctx.doc is None or dates(ctx.doc, _clause_of(ctx, t), start, end)


# a sentence that tells what came next ("Shortly afterwards the rebels captured Bukavu") goes on
# with the narrative of the paragraph before it
_THEN = re.compile(
    r"\W*(?:(?:shortly|soon|not\s+long|moments|minutes|hours|days|weeks|months)\s+)?"
    r"(?:afterwards?|after\s+that|later|thereafter)\b|\W*then\b",
    re.IGNORECASE,
)


# a span running up to the report ("over the past week", "in the last few days"): the time of what
# went on through it, not the day the next sentence's news is of
_ROLLING = re.compile(r"(?:the\s+)?(?:past|last\s+(?:\d+|few|several|two|three|four|five|six|seven))\b", re.IGNORECASE)


def inherited_time(ctx: Context, sentence: int) -> Optional[TimeSpan]:
    """The narrative time of the paragraph before ``sentence``: its last calendar time that dates
    a main clause, else the last of an "after ..." clause (not a count before an "after", not a
    future's); a sentence that opens by telling
    what came next ("Shortly afterwards, ...", "Days later, ...") continues the paragraph before."""
    by_sentence: dict[int, list[TimeSpan]] = {}
    for t in ctx.times:
        clause = _clause_of(ctx, t)
        if (
            _calendar(t)
            and t.bound is None
            and t.mod not in ("BEFORE", "AFTER")
            and _subordinate(clause)
            and ctx.reporting(t.start)
            and not _ROLLING.match(t.text)
        ):
            by_sentence.setdefault(t.sentence, []).append(t)
    for si, found in by_sentence.items():  # a main clause's time before an "after ..." clause's
        main = [t for t in found if _clause_of(ctx, t) is None]
        by_sentence[si] = main or [t for t in found if not is_offset(t)]
    cur = sentence
    for _ in range(CARRY_SENTENCES):
        prev = cur - 1
        goes_on = cur == sentence and bool(_THEN.match(ctx.sentences[cur].text))
        if prev < 0 or not (goes_on or _continues(ctx, prev, cur)):
            return None
        if by_sentence.get(prev):
            return max(by_sentence[prev], key=lambda t: t.start).model_copy(update={"inherited": True})
        cur = prev
    return None


def of_sentence(ctx: Context, name: str, sentence: int) -> list:
    """The items of ``ctx.<name>`` (times, places) in one sentence, in order: indexed once per
    document, not walked for every clause (minutes for a 1 MB text)."""
    items = getattr(ctx, name)
    found = ctx.__dict__.get(f"_{name}_by_sentence")
    if found is None or found[0] is not items or found[1] != len(items):
        by: dict[int, list] = {}
        for item in items:
            by.setdefault(item.sentence, []).append(item)
        found = ctx.__dict__[f"_{name}_by_sentence"] = (items, len(items), by)
    return found[2].get(sentence, [])


# a clock time that names no day ("at around noon", "at 3 a.m."): the time stage puts it on the
# publication day, but in a report it is the hour of the day the paragraph tells of
_CLOCK_ONLY = re.compile(
    r"(?:(?:at|around|about|shortly|just|before|after|by|until)\s+)*"
    r"(?:noon|midday|midnight|dawn|dusk|daybreak|nightfall|\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?|o'clock|hrs|h)?"
    r"(?:\s+(?:local time|GMT|UTC))?)",
    re.IGNORECASE,
)


def _clock_only(t: TimeSpan) -> bool:
    return t.granularity == "time" and t.anchor == "publication" and _CLOCK_ONLY.fullmatch(t.text.strip()) is not None


_SAYING = frozenset(
    {"say", "tell", "add", "report", "announce", "state", "claim", "confirm", "brief", "declare", "explain"}
)


def saying_above(ctx: Context, item, start: int, end: int):
    """The verb of saying ``item`` (a time or a place) hangs on between it and the clause at
    [start, end), or None ("killed 23 soldiers on Saturday, sources said, in the deadliest attack
    this year": the parse hangs "this year" on "said")."""
    head, tok = span_head(ctx, start, end), span_head(ctx, item.start, item.end)
    if head is None or tok is None:
        return None
    for up in tok.ancestors:  # from the item upward: the clause's head first, or a verb of saying
        if up.i == head.i:
            return None
        if up.pos_ == "VERB" and up.lemma_.lower() in _SAYING:
            return up
    return None


def _of_saying(ctx: Context, t: TimeSpan, start: int, end: int) -> bool:
    """Whether time ``t`` hangs on a verb of saying (:func:`saying_above`): it dates the saying, or
    frames the report, not the clause."""
    return saying_above(ctx, t, start, end) is not None


def _day_of_saying(ctx: Context, t: TimeSpan) -> bool:
    """Whether time ``t`` is the day of a saying itself, hung on the verb of saying ("killed 40
    people, residents said Wednesday", "told reporters on Friday"): a weaker date of the event than
    one another mention of it tells ("the attack hit the village on Tuesday afternoon"), as a day
    the paragraph carries is. A day inside what was said ("said it showed a proposal on Wednesday")
    is not, nor a day set before the verb, which frames what follows ("On Saturday, the president
    announced that 307 prisoners had returned")."""
    tok = span_head(ctx, t.start, t.end)
    if tok is not None and tok.dep_ == "pobj":
        tok = tok.head
    verb = tok.head if tok is not None else None
    return verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in _SAYING and t.start > verb.idx


def _recent_day(ctx: Context, sentence: int) -> Optional[TimeSpan]:
    """The day a clock time naming none is of: the paragraph's narrative time, else the last day
    told in the three sentences before (news paragraphs are often one sentence long)."""
    found = inherited_time(ctx, sentence)
    if found is not None:
        return found
    days = [
        t
        for t in ctx.times
        if sentence - 3 <= t.sentence < sentence and t.granularity == "day" and _calendar(t) and t.mod is None
    ]
    return max(days, key=lambda t: t.start).model_copy(update={"inherited": True}) if days else None


def governing_time(ctx: Context, start: int, end: int, default: bool = True) -> Optional[TimeSpan]:
    """The time governing the clause at [start, end): in its sentence (not one that dates another
    clause's "after ..." part, nor one hung on a verb of saying when another can date it; a clock
    time naming no day is of the day just told), else inherited from its paragraph, else the time
    of an "after ..." clause of its sentence (what followed it happened then or later: "they were forced to withdraw
    after the rebels seized the city in January"), else (with ``default``) the publication date
    flagged ``defaulted``."""
    sentence = ctx.sentence_index(start)  # only its sentence's times can be closest: test no others
    times = [
        t
        for t in of_sentence(ctx, "times", sentence)
        if _calendar(t)
        and ctx.reporting(t.start)
        and not _of_another_noun(ctx, t, start, end)
        and not _in_since(ctx, t, start)
    ]
    dating = [t for t in times if _may_date(ctx, t, start, end)]
    told = [t for t in dating if not _of_saying(ctx, t, start, end)]
    found = closest(ctx, told or dating, start, end)
    if found is not None and not told and _day_of_saying(ctx, found):
        found = found.model_copy(update={"inherited": True})
    if found is not None and _clock_only(found):
        found = _recent_day(ctx, sentence) or found  # "at around noon": of the day just told
    if found is None:
        found = inherited_time(ctx, sentence)
    if found is None:  # not a count before "after", counted from this clause's day; not a future's
        found = closest(ctx, [t for t in times if not is_offset(t) and _subordinate(_clause_of(ctx, t))], start, end)
    if found is not None:
        return found
    return defaulted_time(ctx, start, end) if default else None


def _in_since(ctx: Context, t: TimeSpan, start: int) -> bool:
    """The time is inside a "since" clause of a noun ("the seat of the government since the war
    began in April 2023") that does not hold the event's words: where a span starts, never the day
    of another clause's event."""
    tok = span_head(ctx, t.start, t.end)
    for _ in range(6):
        if tok is None or tok.head.i == tok.i:
            return False
        if any(c.dep_ == "mark" and c.lower_ == "since" for c in tok.children):
            if tok.head.pos_ not in ("NOUN", "PROPN"):
                return False  # a "since" clause of the main verb: what it hangs on may be its own
            return not tok.left_edge.idx <= start < tok.right_edge.idx + len(tok.right_edge)
        tok = tok.head
    return False


_NOUN_MODIFIERS = ("poss", "compound", "nmod")
_TIME_PREPS = SUBORDINATORS | {"since", "until", "during"}  # "after Monday's attack": a time of the clause


def _of_another_noun(ctx: Context, t: TimeSpan, start: int, end: int) -> bool:
    """Whether ``t`` modifies a noun other than the words at [start, end) and their clause's
    subject or object ("has described the strikes as unprovoked, denying any role in last month's
    attack": the month is the attack's; "the strikes, named ..., after the 22 April attack"): a
    time inside a noun's phrase dates that noun only ("Saturday's strike killed five" still dates
    the killing, whose subject the strike is)."""
    if ctx.doc is None:
        return False
    tok, span = span_head(ctx, t.start, t.end), ctx.doc.char_span(start, end, alignment_mode="expand")
    if tok is None or span is None or not len(span) or tok.dep_ not in _NOUN_MODIFIERS:
        return False
    noun = tok.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in ("DATE", "TIME") or noun.i == tok.i:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ in _TIME_PREPS:
        return False  # "days before the New Year's Eve holiday", "after Monday's attack": a time of the clause
    inside = range(span.start, span.end)
    if any(t.i in inside for t in noun.subtree) or any(
        a.i in inside for a in noun.ancestors if a.pos_ in ("NOUN", "PROPN")
    ):
        return False  # the noun is the clause's own word, in its phrase, or holds it ("this week's stabbing, the worst attack")
    return not (noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.i in inside)


def _acting(ctx: Context, p: Place) -> bool:
    """Whether place name ``p`` is part of an actor's name ("US military") or is itself an agent."""
    for a in intervals.of(ctx, "actors", ctx.actors).near(p.start, p.end):
        if a.start <= p.start and p.end <= a.end:
            if (a.end - a.start) > (p.end - p.start) and a.via != "demonym":
                return True
            if (a.start, a.end) == (p.start, p.end) and (a.kind in ("state", "government") or a.via == "capital"):
                return True
    return False


def governing_place(ctx: Context, start: int, end: int) -> Optional[Place]:
    """The location closest to [start, end) in its sentence.

    Names acting as agents are left out: a capital standing for its government ("Pyongyang
    assists"), a country the actor stage reads as a state actor ("North Korea sending
    troops to Kursk Oblast") and a name inside an actor's name ("US military"). A country gives way to a place of the same sentence inside it
    ("Russia's Kursk Oblast")."""
    sentence = ctx.sentence_index(start)  # only its sentence's places can be closest: test no others
    places = [p for p in of_sentence(ctx, "places", sentence) if p.role == "location" and not _acting(ctx, p)]
    found = closest(ctx, places, start, end)
    if found is not None and found.level == "country":
        inside = [
            p
            for p in places
            if p.sentence == found.sentence
            and p.level not in ("country", "continent")
            and p.country_code == found.country_code
            and p.resolved
        ]
        if inside:
            return closest(ctx, inside, start, end)
    return found
