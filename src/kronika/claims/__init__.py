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
  the figure; a denial is reported by the outer source when there is one), or the
  article's own voice (``claimant_kind`` "author", the publisher as ``claimant_text``);
* the modality (:mod:`kronika.claims.modality`), and time and place by
  :func:`kronika.attach.governing_time` / :func:`~kronika.attach.governing_place`;
* headlines of a "Related:" list are claims too (``headline=True``), also when they carry
  no number ("ISW: Russia denies North Korean troops in Kursk"): the quantity is then the
  counted phrase itself with no value (``qualifier`` "vague").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional, Sequence

from kronika.attach import governing_place, governing_time
from kronika.claims import lexicon as _lex
from kronika.claims import measures as _measures
from kronika.claims.attribution import Attribution, find_attributions
from kronika.claims.modality import modality as _modality
from kronika.context import Context
from kronika.quantities import find_quantities
from kronika.records import Claim, ClaimPart, Mention, Quantity

__all__ = ["extract_claims", "find_attributions", "Attribution"]

_RE_RELATED = re.compile(r"^[ \t]*(?:related|read also|see also|read more|more on this|also read)[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE)
_RE_BULLET = re.compile(r"^[ \t]*[-–•*·][ \t]+\S")


def _headline_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the bullet lines of 'Related:' lists."""
    out = []
    for m in _RE_RELATED.finditer(text):
        pos = m.end() + 1
        while pos < len(text):
            nl = text.find("\n", pos)
            line_end = len(text) if nl < 0 else nl
            line = text[pos:line_end]
            if _RE_BULLET.match(line):
                out.append((pos, line_end))
            elif line.strip():
                break
            pos = line_end + 1
    return out


def _overlapping(items: Sequence, span: Optional[tuple[int, int]], prefer_kind: tuple[str, ...] = ()):
    if span is None:
        return None
    best, best_key = None, None
    for it in items:
        overlap = min(it.end, span[1]) - max(it.start, span[0])
        if overlap <= 0:
            continue
        key = (getattr(it, "kind", None) in prefer_kind, overlap)
        if best_key is None or key > best_key:
            best, best_key = it, key
    return best


def _sentence_span(ctx: Context, index: int) -> tuple[int, int, str]:
    s = ctx.sentences[index]
    text = s.text.rstrip()
    return s.start, s.start + len(text), text


def _choose_attribution(atts: list[Attribution], start: int, end: int) -> tuple[Optional[Attribution], bool]:
    """The innermost attribution holding [start, end); a denial defers to an outer source."""
    holding = sorted((a for a in atts if a.contains(start, end)), key=lambda a: a.content[1] - a.content[0])
    if not holding:
        return None, False
    inner = holding[0]
    if inner.denial:
        outer = next((a for a in holding[1:] if not a.denial), None)
        return (outer or inner), True
    return inner, False


class _Builder:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.lex = _lex.load()
        self.atts = find_attributions(ctx)
        self.headlines = _headline_ranges(ctx.text)
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
        return any(a <= start < b for a, b in self.headlines)

    def mention(self, span: Optional[tuple[int, int]]) -> Optional[Mention]:
        if span is None:
            return None
        return Mention(**self.ctx.span_fields(*span))

    def claim(self, q: Quantity, reading, parts=(), index: int = 0) -> Claim:
        ctx = self.ctx
        att, denied = _choose_attribution(self.atts, q.start, q.end)
        if att is not None:
            claimant_span = att.claimant or att.source
            claimant_text = ctx.text[claimant_span[0] : claimant_span[1]] if claimant_span else None
            kind = att.kind if claimant_span else "anonymous"
            claimant = self.actor(claimant_span, ("person",))
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
                    parts_check = "sum" if abs(parts_sum - total) < 1e-9 else ("short" if parts_sum < total else "exceed")
        return Claim(
            id=f"{self.doc_id}-claim-{q.start}",
            measure=reading.measure,
            subject=subject,
            subject_text=ctx.text[reading.subject[0] : reading.subject[1]] if reading.subject else None,
            quantity=q,
            claimant=claimant,
            claimant_text=claimant_text,
            claimant_kind=kind,  # type: ignore[arg-type]
            cue=self.mention(att.cue) if att is not None else None,
            quote=self.mention(att.quote) if att is not None and att.quote else None,
            modality=modality,
            time=governing_time(ctx, q.start, q.end),
            place=governing_place(ctx, q.start, q.end),
            parts=tuple(parts),
            parts_sum=parts_sum,
            parts_check=parts_check,  # type: ignore[arg-type]
            sentence=q.sentence,
            start=s0,
            end=s1,
            text=stext,
            headline=self.is_headline(q.start),
        )


def _part_cue_between(text: str, a: int, b: int, cues: tuple[str, ...]) -> bool:
    gap = text[a:b].lower()
    return any(re.search(rf"(?:^|\W){re.escape(c)}(?:\W|$)", gap) for c in cues)


def _same_sentence_parts(ctx: Context, readings: list[tuple[Quantity, object]], lex) -> dict[int, list[int]]:
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
            s = float(sum(m.quantity.value for m in members))
            check = "sum" if abs(s - total_value) < 1e-9 else ("short" if s < total_value else "exceed")
            out[i] = total.model_copy(update={
                "parts": tuple(ClaimPart(measure=m.measure, quantity=m.quantity) for m in members),
                "parts_sum": s,
                "parts_check": check,
            })
    return out


def _headline_claims(b: _Builder, have: set[int]) -> list[Claim]:
    """Claims of 'Related:' headlines that carry no number: the counted phrase stands as the quantity."""
    ctx = b.ctx
    lex = b.lex
    out = []
    for start, end in b.headlines:
        index = ctx.sentence_index(start + 2)
        if index in have:
            continue
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            if tok.pos_ not in ("NOUN", "PROPN") or _measures._noun_measure(tok, lex) is None:
                continue
            left = min((c.left_edge.i for c in tok.lefts if c.dep_ in ("amod", "compound", "nummod", "det")), default=tok.i)
            qs, qe = ctx.doc[left].idx, tok.idx + len(tok.text)
            reading = _measures.read(ctx.doc, qs, qe, None)
            if reading is None:
                continue
            q = Quantity(**ctx.span_fields(qs, qe), value=None, qualifier="vague", vague=True)
            out.append(b.claim(q, reading))
            break
    return out


def extract_claims(ctx: Context) -> list[Claim]:
    """The claims of the document, in text order."""
    lex = _lex.load()
    quantities = list(ctx.quantities) if ctx.quantities else find_quantities(ctx)
    b = _Builder(ctx)
    readings = []
    for q in quantities:
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
    have = {c.sentence for c in claims}
    claims += _headline_claims(b, have)
    claims.sort(key=lambda c: (c.quantity.start, c.quantity.end))
    return claims
