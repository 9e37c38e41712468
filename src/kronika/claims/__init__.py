"""Claims: every war-relevant figure, what it counts, who gives it and how it is said.

``extract_claims(ctx)`` turns the quantities of the document (``ctx.quantities``, or those
found here when the quantities stage has not run) into :class:`~kronika.records.Claim`
records:

* the measure and subject from the dependency parse (:mod:`kronika.claims.measures`);
* breakdowns: "3,800 casualties, including 300 killed and 2,700 wounded" is one claim with
  two parts and ``parts_check`` "short" (flagged, never corrected); a total followed by
  per-place figures in the next sentences ("34 strikes ... in Syria and Iraq" / "In Syria,
  ... 23 strikes" / "in Iraq, ... 11 strikes") gets those as parts too;
* the claimant from :func:`find_attributions` (the innermost attribution whose content holds
  the figure: "ISW: Russia denies ..." is Russia's denial), or the
  article's own voice (``claimant_kind`` "author", the publisher as ``claimant_text``);
* the modality (:mod:`kronika.claims.modality`), and time and place by
  :func:`kronika.attach.governing_time` / :func:`~kronika.attach.governing_place`;
* figures in the article's title are claims marked ``headline=True``; nothing comes from the
  parts of the text that are not its own reporting (front matter, headings, metadata lines and
  "Related:" lists of other articles' headlines: ``Document.zones``).
* the statement that carries the figure (``statement``, an id of ``Analysis.statements``); a
  headline with no number ("ISW: Russia denies North Korean troops in Kursk") is a statement, not a claim.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional

from kronika.attach import governing_place, governing_time
from kronika.claims import lexicon as _lex
from kronika.claims import measures as _measures
from kronika.claims.attribution import Attribution, attributions, find_attributions, source_actor, statement_id
from kronika.claims.attribution import overlapping as _overlapping
from kronika.claims.modality import modality as _modality
from kronika.context import Context
from kronika.intervals import Intervals
from kronika.quantities import find_quantities
from kronika.records import Claim, ClaimPart, Mention, Place, Quantity

__all__ = ["extract_claims", "find_attributions", "Attribution"]


def _sentence_span(ctx: Context, index: int) -> tuple[int, int, str]:
    s = ctx.sentences[index]
    text = s.text.rstrip()
    return s.start, s.start + len(text), text


def _choose_attribution(atts: list[Attribution], start: int, end: int) -> tuple[Optional[Attribution], bool]:
    """The innermost attribution holding [start, end), and whether it is a denial: "ISW: Russia
    denies ..." is Russia's denial (ISW reports it, see Statement.reported_by)."""
    holding = [a for a in atts if a.contains(start, end)]
    if not holding:
        return None, False
    inner = min(holding, key=lambda a: a.content[1] - a.content[0])
    return inner, inner.denial


class _Builder:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.lex = _lex.load()
        self.atts = attributions(ctx)
        self.att_index = Intervals(self.atts, span=lambda a: a.content)  # those holding a span
        self.doc_id = ctx.document.id
        # actors by start, to find those overlapping a span without walking all of them
        self.actors = sorted(ctx.actors, key=lambda a: a.start)
        self.starts = [a.start for a in self.actors]
        self.longest = max((a.end - a.start for a in self.actors), default=0)

    def actor(self, span: Optional[tuple[int, int]], prefer_kind: tuple[str, ...] = ()):
        """The actor overlapping ``span`` most (``_overlapping`` over the actors that can)."""
        if span is None:
            return None
        lo, hi = bisect_left(self.starts, span[0] - self.longest), bisect_left(self.starts, span[1])
        return _overlapping(self.actors[lo:hi], span, prefer_kind)

    def is_headline(self, start: int) -> bool:
        return self.ctx.zone_at(start) == "title"

    def mention(self, span: Optional[tuple[int, int]]) -> Optional[Mention]:
        if span is None:
            return None
        return Mention(**self.ctx.span_fields(*span))

    def claim(self, q: Quantity, reading, parts=(), index: int = 0) -> Claim:
        ctx = self.ctx
        att, denied = _choose_attribution(self.att_index.near(q.start, q.end), q.start, q.end)
        if att is not None:
            claimant_span = att.claimant or att.source
            claimant_text = ctx.text[claimant_span[0] : claimant_span[1]] if claimant_span else None
            kind = att.kind if claimant_span else "anonymous"
            claimant = source_actor(ctx, att)
        else:
            claimant_span, claimant_text, kind, claimant = None, ctx.document.source, "author", None
        subject = self.actor(reading.subject) if reading.subject else None
        modality = _modality(
            reading.anchor, q.text, q.qualifier_text, denied, att.cue_lemma if att is not None else None
        )
        s0, s1, stext = _sentence_span(ctx, q.sentence)
        parts_sum = parts_check = None
        if parts:
            values = [p.quantity.value for p in parts]
            total = q.value
            if all(v is not None for v in values):
                parts_sum = float(sum(values))
                if total is not None:
                    parts_check = (
                        "sum" if abs(parts_sum - total) < 1e-9 else ("short" if parts_sum < total else "exceed")
                    )
        return Claim(
            id=f"{self.doc_id}-claim-{q.start}",
            measure=reading.measure,
            subject=subject,
            subject_text=ctx.text[reading.subject[0] : reading.subject[1]] if reading.subject else None,
            quantity=q,
            claimant=claimant,
            claimant_text=claimant_text,
            claimant_kind=kind,
            cue=self.mention(att.cue) if att is not None else None,
            quote=self.mention(att.quote) if att is not None and att.quote else None,
            modality=modality,
            time=governing_time(ctx, q.start, q.end),
            place=_own_place(ctx, reading) or governing_place(ctx, q.start, q.end),
            parts=tuple(parts),
            parts_sum=parts_sum,
            parts_check=parts_check,
            sentence=q.sentence,
            start=s0,
            end=s1,
            text=stext,
            headline=self.is_headline(q.start),
            statement=statement_id(self.doc_id, att) if att is not None else None,
        )


def _own_place(ctx: Context, reading) -> Optional[Place]:
    """The place in a gapped number's own phrase ("..., and one in the city of Mykolaiv")."""
    num = reading.anchor
    if not _measures.gapped_number(num):
        return None
    own = {t.idx for t in num.subtree if t.i != num.i}
    return next((p for p in ctx.places if p.role == "location" and p.start in own), None)


def _part_cue_between(text: str, a: int, b: int, cues: tuple[str, ...]) -> bool:
    gap = text[a:b].lower()
    return any(re.search(rf"(?:^|\W){re.escape(c)}(?:\W|$)", gap) for c in cues)


def _same_sentence_parts(ctx: Context, readings: list[tuple[Quantity, _measures.Reading]], lex) -> dict[int, list[int]]:
    """Indices of part quantities for each total: 'N X, including A Y and B Z'."""
    parts: dict[int, list[int]] = {}
    taken: set[int] = set()
    for i, (q, r) in enumerate(readings):
        if i in taken or r.measure not in lex.parts:
            continue
        members: list[int] = []
        for j in range(i + 1, len(readings)):
            q2, r2 = readings[j]
            if q2.sentence != q.sentence:
                break
            if not members and not _part_cue_between(ctx.text, q.end, q2.start, lex.part_cues):
                break
            if r2.measure not in lex.parts[r.measure]:
                break
            members.append(j)
        if members:
            parts[i] = members
            taken.update(members)
    return parts


def _place_words_by_sentence(ctx: Context) -> dict[int, set[str]]:
    """Each sentence's place names: its places and its GPE/LOC entities (one pass over the
    document, not one per claim: a long document has thousands of each)."""
    names: dict[int, set[str]] = {}
    for p in ctx.places:
        if p.role in ("location", "actor"):
            names.setdefault(p.sentence, set()).add(p.text)
    for e in ctx.doc.ents:
        if e.label_ in ("GPE", "LOC"):
            names.setdefault(ctx.sentence_index(e.start_char), set()).add(e.text)
    return names


def _cross_sentence_parts(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """'34 strikes ... in Syria and Iraq', then 'In Syria, ... 23 strikes', 'in Iraq, ... 11 strikes'."""
    out = list(claims)
    words = _place_words_by_sentence(ctx) if claims else {}
    for i, total in enumerate(out):
        if total.parts or total.quantity.value is None:
            continue
        places = words.get(total.sentence, set())
        if len(places) < 2:
            continue
        members: list[Claim] = []
        for other in out[i + 1 :]:
            if other.sentence > total.sentence + 3 or other.sentence == total.sentence:
                if other.sentence == total.sentence:
                    continue
                break
            if other.measure != total.measure or other.quantity.value is None:
                continue
            head = ctx.text[ctx.sentences[other.sentence].start : other.quantity.start]
            hit = [p for p in places if re.search(rf"\b[Ii]n {re.escape(p)}\b", head)]
            if hit and other.quantity.value < total.quantity.value:
                members.append(other)
        if len(members) >= 2:
            total_value = total.quantity.value
            s = float(sum(m.quantity.value or 0.0 for m in members))  # none is None (filtered above)
            check = "sum" if abs(s - total_value) < 1e-9 else ("short" if s < total_value else "exceed")
            out[i] = total.model_copy(
                update={
                    "parts": tuple(ClaimPart(measure=m.measure, quantity=m.quantity) for m in members),
                    "parts_sum": s,
                    "parts_check": check,
                }
            )
    return out


def extract_claims(ctx: Context) -> list[Claim]:
    """The claims of the document, in text order."""
    lex = _lex.load()
    quantities = list(ctx.quantities) if ctx.quantities else find_quantities(ctx)
    b = _Builder(ctx)
    readings = []
    for q in quantities:
        if not ctx.reporting(q.start):
            continue  # front matter, headings, "Related:" lists: not the article's reporting
        if q.kind in ("age", "proportion"):
            continue  # "a 17-year-old": who someone is; "a third of": a share; not a figure of the war
        r = _measures.read(ctx.doc, q.start, q.end, q.unit)
        if r is not None:
            readings.append((q, r))
    parts = _same_sentence_parts(ctx, readings, lex)
    absorbed = {j for members in parts.values() for j in members}
    claims: list[Claim] = []
    for i, (q, r) in enumerate(readings):
        if i in absorbed:
            continue
        members = [ClaimPart(measure=readings[j][1].measure, quantity=readings[j][0]) for j in parts.get(i, [])]
        claims.append(b.claim(q, r, members))
    claims = _cross_sentence_parts(ctx, claims)
    claims.sort(key=lambda c: (c.quantity.start, c.quantity.end))
    return claims
