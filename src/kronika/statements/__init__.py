"""Statements: who said what, as records a user can list, search and export.

``extract_statements(ctx)`` turns every attribution of the text
(:func:`kronika.claims.attribution.attributions`, shared with the claims stage) into a
:class:`~kronika.records.Statement`:

* the source (its phrase, and the actor it names), the cue and the content, with offsets;
* the kind: a direct quotation or a paraphrase;
* the stance (asserts, denies, forecasts, threatens, claims_responsibility, calls_for), from
  the cue and the content's main verb (:mod:`kronika.statements.stance`, data in
  ``data/claims/statements.yaml``): "The Kremlin denied targeting civilians and said it had
  hit a meeting of commanders" is two statements, a denial and an assertion;
* the time of the statement (a time of its sentence outside what it says, closest to the cue;
  else the publication date);
* the reporting chain: a statement inside the content of another is reported by that one's
  source ("ISW: Russia denies ...": source Russia, ``reported_by`` ISW);
* the claims it carries (``Claim.statement`` points back).
"""

from __future__ import annotations

from typing import Optional

from kronika.attach import closest, defaulted_time, of_sentence
from kronika.claims.attribution import Attribution, attributions, reporter, source_actor, statement_id
from kronika.context import Context
from kronika.intervals import Intervals
from kronika.records import Mention, Statement
from kronika.statements.stance import stance

__all__ = ["extract_statements", "statement_at"]


def _mention(ctx: Context, span: Optional[tuple[int, int]]) -> Optional[Mention]:
    if span is None or span[1] <= span[0]:
        return None
    return Mention(**ctx.span_fields(*span))


def _kind(ctx: Context, a: Attribution) -> str:
    """'direct' when the content is mostly a quotation (or a signed post), else 'paraphrase'."""
    if a.form == "signature" or ctx.text[a.content[0] : a.content[0] + 1] in '“"«':
        return "direct"
    if a.quote is not None:
        inside = min(a.quote[1], a.content[1]) - max(a.quote[0], a.content[0])
        if inside * 2 >= a.content[1] - a.content[0]:
            return "direct"
    return "paraphrase"


def _name(actor) -> str:
    """'Volodymyr Zelenskyy (Government of Ukraine (2019-))': the person and whom they speak for."""
    return f"{actor.person} ({actor.name})" if actor.person and actor.person != actor.name else actor.name


def _time(ctx: Context, a: Attribution):
    """When the statement was made: the time of its sentence closest to the cue, leaving out the
    times it speaks of ("ISW said Russia could take the city by April"), else the publication date."""
    sentence = ctx.sentence_index(a.cue[0])
    told = [
        t
        for t in of_sentence(ctx, "times", sentence)
        if t.type in ("DATE", "TIME")
        and t.start_date is not None
        and not (a.content[0] <= t.start and t.end <= a.content[1])
    ]
    found = closest(ctx, told, a.cue[0], a.cue[1])
    return found if found is not None else defaulted_time(ctx, a.cue[0], a.cue[1])


def _statement(ctx: Context, a: Attribution, outer: Optional[Attribution], claims: dict[str, list[str]]) -> Statement:
    doc_id = ctx.document.id
    sid = statement_id(doc_id, a)
    actor = source_actor(ctx, a)
    named = a.claimant or a.source
    sentence = ctx.sentence_index(a.cue[0])
    s = ctx.sentences[sentence]
    text = s.text.rstrip()
    return Statement(
        id=sid,
        source=_mention(ctx, a.source),
        source_actor=actor,
        source_name=_name(actor) if actor is not None else (ctx.text[named[0] : named[1]] if named else None),
        source_kind="anonymous" if a.kind == "anonymous" else "named",
        cue=_mention(ctx, a.cue),
        content=_mention(ctx, _reported(ctx, a.content)),
        quote=_mention(ctx, a.quote),
        kind=_kind(ctx, a),
        stance=stance(ctx, a),
        form=a.form,
        time=_time(ctx, a),
        reported_by=_mention(ctx, outer.source) if outer is not None else None,
        reported_by_actor=source_actor(ctx, outer) if outer is not None else None,
        reported_in=statement_id(doc_id, outer) if outer is not None else None,
        claims=tuple(claims.get(sid, ())),
        zone=_zone(ctx, a.cue[0]),
        sentence=sentence,
        start=s.start,
        end=s.start + len(text),
        text=text,
    )


def _reported(ctx: Context, span):
    """``span`` without a wire dateline it opens with ("KYIV, Oct 12 (AP) — Russia launched ...")."""
    if span is None or ctx.zone_at(span[0]) != "metadata":
        return span
    zone = next(z for z in ctx.zones if z.start <= span[0] < z.end and z.kind == "metadata")
    start = min(zone.end, span[1])
    return (start, span[1]) if start < span[1] else span


_SHOWN_ZONES = ("title", "description", "related", "caption")
_HIDDEN_ZONES = ("front_matter", "metadata", "heading")


def _zone(ctx: Context, char: int):
    zone = ctx.zone_at(char)
    return zone if zone in _SHOWN_ZONES else None


def extract_statements(ctx: Context) -> list[Statement]:
    """The statements of the document, in the order of their cues. Those of a "Related:" list
    (other articles' headlines) are kept and marked ``zone="related"``; front matter keys,
    headings and metadata lines give none."""
    atts = [
        a
        for a in attributions(ctx)
        if ctx.zone_at(a.cue[0]) not in _HIDDEN_ZONES and a.content[1] > a.content[0] and a.cue[1] > a.cue[0]
    ]  # a cue with nothing said says nothing
    claims: dict[str, list[str]] = {}
    for c in ctx.claims:
        if c.statement is not None:
            claims.setdefault(c.statement, []).append(c.id)
    index = Intervals(atts, span=lambda b: b.content)
    out = [_statement(ctx, a, reporter(a, atts, index), claims) for a in atts]
    out.sort(key=lambda s: (s.cue.start, s.content.start))
    return out


_last_index: list[Intervals] = []  # the statements of the document being analysed, by content


def _by_content(statements) -> Intervals:
    found = _last_index[0] if _last_index else None
    if found is None or found.source is not statements or len(found.items) != len(statements):
        found = Intervals(statements, span=lambda s: (s.content.start, s.content.end))
        _last_index[:] = [found]
    return found


def statement_at(statements, start: int, end: int) -> Optional[Statement]:
    """The innermost statement whose content holds [start, end) (for a claim or an event trigger:
    "The Kremlin denied targeting civilians and said it had hit ...": "hit" is in the assertion)."""
    holding = [s for s in _by_content(statements).near(start, end) if s.content.start <= start and end <= s.content.end]
    return min(holding, key=lambda s: s.content.end - s.content.start, default=None)
