"""Attribution: who says what. Source, cue and content spans in any sentence.

Forms found (all from the dependency parse and a few line patterns):

* reporting verbs with a subject and a clause: "X said/claimed/reported/estimated (that) ...",
  "..., X says" (the clause is the verb's ``ccomp``, before or after it), "X reported
  capturing ..." (``xcomp``), "X denies <object>";
* prepositional cues: "according to X, ...", "..., according to X";
* headline forms: "ISW: ...", "Zelenskyy: ..." at the start of a line, "..., US military says"
  at its end;
* signatures: a line "— Name (...)" after a quoted post or paragraph;
* quotations: a quoted span in the sentence of a reporting verb is its content.

Each :class:`Attribution` keeps character spans ``(start, end)`` for source (None for
agentless passives), cue and content, and whether the source is anonymous.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Optional, Sequence

from kronika.claims import lexicon as _lex
from kronika import intervals
from kronika.context import Context
from kronika.intervals import Intervals

Span = tuple[int, int]

_QUOTES_OPEN = '“"‘«'
_QUOTES_CLOSE = '”"’»'
_RE_QUOTE = re.compile(r"[“\"«]([^“”\"«»]{3,}?)[”\"»]")
_RE_HEADLINE_SOURCE = re.compile(r"^[ \t]*(?:[-–•*·][ \t]+)?([A-Z][\w.&’'@-]*(?:[ \t]+[\w.&’'@-]+){0,4}?):[ \t]+(?=\S)")
_RE_SIGNED = re.compile(
    r"\(@\w+\)|\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}"
)
_RE_SIGNATURE = re.compile(r"^[ \t]*(?:—|―|--)[ \t]*([A-Z0-9][\w.&’'-]*(?:[ \t]+[A-Z][\w.&’'-]*){0,4})")
_RE_TAIL = re.compile(
    r",[”\"]?\s+((?:(?:the|a|an)\s+)?[\w.&’'-]+(?:\s+[\w.&’'-]+){0,4}?)\s+(\w+)"
    r"(?:\s+(?:[A-Z][\w.&’'-]*|on|in|to|the|a|an|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|yesterday|earlier|late|on|this|week|month)){0,4}[.!]?$"
)
_SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
_CONTENT_DEPS = ("ccomp", "xcomp", "csubjpass")


@dataclass(frozen=True)
class Attribution:
    source: Optional[Span]
    cue: Span
    content: Span
    sentence: int
    kind: str = "named"  # named, anonymous
    form: str = "verb"  # verb, according, headline, tail, signature, quote
    cue_lemma: str = ""
    claimant: Optional[Span] = None  # the part of the source that names the claimant
    quote: Optional[Span] = None

    @property
    def denial(self) -> bool:
        return self.cue_lemma in _lex.load().deny_verbs

    def contains(self, start: int, end: int) -> bool:
        return self.content[0] <= start and end <= self.content[1]


def _trim(doc, first: int, last: int) -> Optional[Span]:
    """Character span of tokens first..last, without edge punctuation, spaces and conjunctions."""
    while first <= last and (
        doc[first].is_punct
        and doc[first].text not in _QUOTES_OPEN
        or doc[first].is_space
        or doc[first].dep_ in ("cc",)
        and doc[first].lower_ in ("and", "but")
    ):
        first += 1
    while last >= first and (
        doc[last].is_punct and doc[last].text not in _QUOTES_CLOSE or doc[last].is_space or doc[last].dep_ == "cc"
    ):
        last -= 1
    if first > last:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _np_span(tok) -> tuple[int, int]:
    """Token range of a noun phrase headed by ``tok``: its subtree without trailing clauses/PPs of time."""
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("prep",) and any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree):
            break
        if child.dep_ in ("punct", "cc", "conj", "advcl"):
            if child.dep_ == "conj":
                right = child.right_edge.i
            continue
        if (
            child.dep_ in ("relcl", "acl")
            and child.left_edge.i > 0
            and tok.doc[child.left_edge.i - 1].text in (",", "—", "–", "(")
        ):
            break  # "Zucker, who in the past ...": a non-restrictive clause is not part of the name
        if child.dep_ == "appos" and child.like_num:
            break  # "Mona Lamberson, 59, of North Philadelphia"
        right = child.right_edge.i
    return left, right


def _source_span(doc, left: int, right: int) -> Optional[Span]:
    """A source phrase; an appositive keeps its closing comma ("Graham, a former candidate,")."""
    span = _trim(doc, left, right)
    if span is None:
        return None
    last = right
    while last >= left and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    nxt = doc[last + 1] if last + 1 < len(doc) else None
    if nxt is not None and nxt.text == "," and any(doc[k].dep_ == "appos" for k in range(left, last + 1)):
        return span[0], nxt.idx + 1
    return span


def _claimant(doc, head, lex) -> Span:
    """The part of a source naming the claimant: 'Zelenskyy’s video' -> 'Zelenskyy'."""
    if head.lemma_.lower() in lex.document_heads:
        for child in head.children:
            if child.dep_ == "poss":
                span = _trim(doc, child.left_edge.i, child.i)
                if span:
                    return span
    left, right = _np_span(head)
    return _trim(doc, left, right) or (head.idx, head.idx + len(head.text))


def _kind(doc, head, lex, left: int, right: int) -> str:
    if head.pos_ == "PRON":
        return "named"
    toks = doc[left : right + 1]
    if head.lemma_.lower() in lex.anonymous_heads and not any(
        t.ent_type_ in ("PERSON", "ORG") or (t.pos_ == "PROPN" and t.ent_type_ not in ("NORP", "GPE")) for t in toks
    ):
        return "anonymous"
    return "named"


def _span_kind(doc, span: Span, lex) -> str:
    toks = doc.char_span(span[0], span[1], alignment_mode="expand")
    if toks is None or not len(toks):
        return "named"
    return _kind(doc, toks.root, lex, toks.start, toks.end - 1)


_RE_QUOTE_TAIL = re.compile(r"^[,.!?;:]?[”\"’]")
_RE_QUOTE_HEAD = re.compile(r"[“\"‘]$")


def _close_quotes(text: str, content: Span, sent) -> Span:
    """Take in the quotation marks (and the comma or stop inside them) around a quoted content."""
    s, e = content
    inside = text[s:e]
    opened = inside.count("“") + inside.count('"') % 2 > inside.count("”")
    m = _RE_QUOTE_TAIL.match(text[e : e + 2])
    if m and (opened or _RE_QUOTE_HEAD.search(text[max(0, s - 1) : s])):
        e += m.end()
    if _RE_QUOTE_HEAD.search(text[max(0, s - 1) : s]) and not inside.startswith(("“", '"')):
        s -= 1
    return s, e


def _continued_quote(text: str, content: Span, after_cue: int, sent) -> Span:
    """“A,” he said, “B.” — the quotation goes on after the cue: the content runs to its end."""
    m = re.match(r"[^“\"\n]{0,40}?,\s*[“\"]", text[after_cue : after_cue + 60])
    if not m or text[content[0] : content[0] + 1] not in '“"':
        return content
    start = after_cue + m.end()
    close = re.search(r"[”\"]", text[start : start + 2000])
    if not close:
        return content
    return content[0], start + close.end()


def _quote_spans(text: str, start: int, end: int) -> list[Span]:
    return [(start + m.start(), start + m.end()) for m in _RE_QUOTE.finditer(text[start:end])]


# belief and wish verbs: only with a named (non-pronoun) source
_STRICT_WEAK = frozenset({"want", "plan", "prefer"})
_NOT_CUES = frozenset(
    {
        "be",
        "make",
        "seem",
        "mean",
        "ensure",
        "require",
        "have",
        "do",
        "get",
        "take",
        "give",
        "cause",
        "prove",
        "appear",
        "happen",
        "become",
        "remain",
    }
)
_ADDRESSEE_VERBS = frozenset(
    {"tell", "ask", "assure", "remind", "inform", "thank", "urge", "warn", "brief", "congratulate"}
)
_CONTENT_PREPS = frozenset({"for", "about", "on", "against", "of", "to", "with", "over", "at", "in"})


def _content_of(tok, lemma: str, subj, sent, lex):
    """(content token range, extra cue token) of the reporting verb ``tok``, or None."""
    children = list(tok.children)
    ccomp = next((c for c in children if c.dep_ == "ccomp"), None)
    if ccomp is not None:
        return (ccomp.left_edge.i, ccomp.right_edge.i), None
    dobj = next((c for c in children if c.dep_ == "dobj"), None)
    if dobj is not None and lemma in lex.deny_verbs:
        return (dobj.left_edge.i, dobj.right_edge.i), None
    comp = next((c for c in children if c.dep_ in _CONTENT_DEPS), None)
    if comp is not None:
        return (comp.left_edge.i, comp.right_edge.i), None
    if tok.dep_ == "parataxis" and subj is not None:
        right = min(tok.i - 1, subj.left_edge.i - 1)
        return (sent.start, right), None
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
        # "As X observed, <content>": the governing clause without the "as" clause
        head = tok.head
        lo, hi = tok.left_edge.i, tok.right_edge.i
        before = (head.left_edge.i, lo - 1) if lo > head.left_edge.i else None
        after = (hi + 1, head.right_edge.i) if hi < head.right_edge.i else None
        sides = [x for x in (before, after) if x and x[1] >= x[0]]
        if sides:
            return max(sides, key=lambda x: x[1] - x[0]), None
    if tok.dep_ == "ROOT" and tok.lower_ in lex.tail_cues:
        # "X happened, officials say" parsed with the clause as the verb's dep/advcl
        clause = next(
            (c for c in children if c.dep_ in ("advcl", "dep") and c.i < tok.i and c.pos_ in ("VERB", "AUX")), None
        )
        if clause is not None:
            return (clause.left_edge.i, clause.right_edge.i), None
    if dobj is not None and not (
        lemma in _ADDRESSEE_VERBS and (dobj.pos_ in ("PRON", "PROPN") or dobj.ent_type_ in ("PERSON", "ORG", "NORP"))
    ):
        right = dobj.right_edge.i
        for c in sorted(
            children, key=lambda c: c.i
        ):  # "criticized Clinton for accepting ...", "calling him “the most ...”"
            if (
                c.i > right
                and c.dep_ in ("prep", "oprd", "xcomp", "ccomp", "dative", "acomp")
                and c.left_edge.i <= right + 2
            ):
                right = c.right_edge.i
        return (dobj.left_edge.i, right), None
    # "is calling for the US to step up ...": an adverbial clause introduced by "for"
    for c in children:
        if c.dep_ == "advcl" and c.i > tok.i:
            mark = next((g for g in c.children if g.dep_ == "mark" and g.lower_ == "for"), None)
            if mark is not None:
                return (mark.i + 1, c.right_edge.i), mark
    # "called both Trump and Clinton “crazy”"
    oprd = [c for c in children if c.dep_ == "oprd" and c.i > tok.i]
    if oprd:
        return (tok.i + 1, max(c.right_edge.i for c in oprd)), None
    # "is calling for the US to ...", "focuses on how many ...", "voted against the bill"
    for c in children:
        if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS and c.i > tok.i:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return (obj.left_edge.i, obj.right_edge.i), c
    # passive with an agent: "was first reported by MSNBC" -> the passive subject is the content
    passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if passive is not None and any(c.dep_ == "agent" for c in children):
        return (passive.left_edge.i, passive.right_edge.i), None
    return None


def _coordinated_cue(tok, lex):
    """The reporting verb whose content a subjectless cue ``tok`` was coordinated into by the
    parse ("The governor said the strike killed four and said rescuers ...": the second "said"
    is a conj of "killed"), or None."""
    if tok.dep_ != "conj" or any(c.dep_ in _SUBJ_DEPS for c in tok.children):
        return None
    head = tok.head
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return None  # a plain coordination of verbs: "fought and said" shares the subject above
    for anc in head.ancestors:
        lemma = anc.lemma_.lower()
        if anc.pos_ == "VERB" and (lemma in lex.cue_verbs or lemma in lex.deny_verbs) and anc.i < tok.i:
            clause = next(
                (c for c in anc.children if c.dep_ == "ccomp" and c.left_edge.i <= tok.i <= c.right_edge.i), None
            )
            return anc if clause is not None else None
    return None


def _cut_before(doc, atts: list[Attribution], cuts: list) -> list[Attribution]:
    """End each coordinating cue's content before the "and" of the cue coordinated into it."""
    out = list(atts)
    for shared, tok in cuts:
        cc = max((c.i for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i), default=None)
        for k, a in enumerate(out):
            if not (a.cue[0] <= shared.idx < a.cue[1]) or cc is None or not a.contains(doc[cc].idx, doc[cc].idx + 1):
                continue
            first = doc.char_span(a.content[0], a.content[1], alignment_mode="expand")
            span = _trim(doc, first.start, cc - 1) if first is not None else None
            if span is not None:
                out[k] = dataclasses.replace(a, content=(a.content[0], span[1]))
    return out


def _subject(tok, lex, cuts: list):
    """The token naming who speaks with the cue verb ``tok``: its subject, a passive's agent, the
    noun a participle describes, or the subject of the verb it depends on. A cue the parse
    coordinated into another cue's content is recorded in ``cuts`` (see :func:`_cut_before`)."""
    subj = next((c for c in tok.children if c.dep_ in _SUBJ_DEPS), None)
    if subj is not None and subj.dep_ == "nsubjpass":
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        subj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    if subj is None and tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
        subj = tok.head  # "a group backing Huckabee", "a petition calling on him to ..."
    shared = _coordinated_cue(tok, lex) if subj is None else None
    if shared is not None:
        # "X said A happened and said B": the parse hangs the second "said" on A's verb
        subj = next((c for c in shared.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        cuts.append((shared, tok))
    up = tok
    for _ in range(3):
        # "..., saying he ...", "were more likely to say", "began by saying": the governing subject
        if subj is not None or up.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "acomp", "prep"):
            break
        up = up.head
        subj = next((c for c in up.children if c.dep_ == "nsubj"), None)
        if up.dep_ == "ccomp" and _speaks(up.head, lex):
            # "X denied that the village had fallen, saying ...": the parse hangs the participle on
            # the reported verb, whose subject tells nothing; the speaker goes on talking
            subj = next((c for c in up.head.children if c.dep_ == "nsubj"), subj)
    if subj is not None and subj.dep_ == "csubj":
        return None
    return subj


def _speaks(tok, lex) -> bool:
    """A verb of saying or denying ("said", "denied", "told")."""
    lemma = tok.lemma_.lower()
    return tok.pos_ in ("VERB", "AUX") and (lemma in lex.cue_verbs or lemma in lex.deny_verbs)


def _verb_attributions(ctx: Context, sent, index: int, lex, quoted: Optional[list[Span]] = None) -> list[Attribution]:
    out: list[Attribution] = []
    cuts: list = []
    for tok in sent:
        found = _verb_attribution(ctx, sent, index, lex, quoted, tok, cuts)
        if found is not None:
            out.append(found)
    return _cut_before(ctx.doc, out, cuts)


def _cue_kind(doc, tok, lemma: str, lex, quoted) -> Optional[tuple[bool, bool]]:
    """(weak, quote_only) when ``tok`` is a verb that may report speech; None when it is not."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None  # most words, decided at once
    weak = lemma in lex.weak_cue_verbs and lemma not in lex.cue_verbs
    introduces = (
        tok.pos_ == "VERB"
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].text == ":"
        and any(c.dep_ == "nsubj" for c in tok.children)
    )  # "Cruz continued: “...”"
    # any verb with a named subject and a "that" clause: "X signaled that ...", "X ensured that ..."
    introduces = introduces or (
        tok.pos_ == "VERB"
        and lemma not in _NOT_CUES
        and any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") for c in tok.children)
        and any(
            c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in tok.children
        )
    )
    # "“...,” he continued": verbs that report speech only beside a quotation
    quote_only = lemma in lex.quote_verbs and lemma not in lex.cue_verbs and not introduces and quoted is not None
    if tok.pos_ not in ("VERB", "AUX") or (
        lemma not in lex.cue_verbs and lemma not in lex.deny_verbs and not weak and not introduces and not quote_only
    ):
        return None
    return weak, quote_only


def _next_to_quote(doc, tok, subj, quoted: list[Span]):
    """ "“Okay,” I said", "said X, “...”": a quotation next to the subject and verb, as token bounds."""
    edge = min(tok.idx, subj.left_edge.idx if subj is not None else tok.idx)
    after = tok.idx + len(tok.text)
    near = next((q for q in quoted if 0 <= edge - q[1] <= 3), None) or next(
        (q for q in quoted if 0 <= q[0] - after <= 3), None
    )
    if near is not None:
        d0 = doc.char_span(near[0], near[1], alignment_mode="expand")
        if d0 is not None:
            return ((d0.start, d0.end - 1), None)
    return None


def _after_colon(ctx: Context, tok):
    """ "X said:" followed by the quotation: (the colon, the content's characters), or None."""
    doc = ctx.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.text != ":":
        return None
    begin = nxt.idx + 1
    while begin < len(ctx.text) and ctx.text[begin].isspace():
        begin += 1
    line_end = ctx.text.find("\n", begin)
    stop = len(ctx.text) if line_end < 0 else line_end
    body = ctx.text[nxt.idx + 1 : stop]
    if not body.strip():
        return None
    lead = len(body) - len(body.lstrip())
    cs = nxt.idx + 1 + lead
    return nxt, (cs, cs + len(body.strip()))


def _cue_bounds(doc, tok, subj, extra, colon) -> tuple[int, int]:
    """The cue's first and last tokens: "did not deny", "has also said" keep the verb group."""
    cue_first, cue_last = tok.i, tok.i
    for c in tok.children:
        if (
            c.dep_ in ("neg", "aux", "auxpass", "advmod")
            and c.i < tok.i
            and c.i > (subj.right_edge.i if subj is not None else -1)
        ):
            if c.dep_ != "advmod" or c.i == tok.i - 1 or doc[c.i + 1].dep_ in ("aux", "auxpass", "neg"):
                cue_first = min(cue_first, c.i)
        if c.dep_ == "prt":
            cue_last = max(cue_last, c.i)
    if extra is not None:
        cue_last = max(cue_last, extra.i)
    if colon is not None:
        cue_last = colon.i
    return cue_first, cue_last


def _verb_attribution(ctx: Context, sent, index: int, lex, quoted, tok, cuts: list) -> Optional[Attribution]:
    """The attribution a reporting verb makes, or None."""
    doc = ctx.doc
    lemma = tok.lemma_.lower()
    kind_of_cue = _cue_kind(doc, tok, lemma, lex, quoted)
    if kind_of_cue is None:
        return None
    weak, quote_only = kind_of_cue
    subj = _subject(tok, lex, cuts)
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        return None  # "a group called X", "a report released Friday": not a report by anyone
    if weak and (
        subj is None
        or subj.lower_ in ("i", "you", "we", "one", "it", "this", "that", "there", "who", "which")
        or (lemma in _STRICT_WEAK and subj.pos_ == "PRON")
    ):
        return None
    found = None if quote_only else _content_of(tok, lemma, subj, sent, lex)
    colon = None
    if found is None and quoted is not None:
        found = _next_to_quote(doc, tok, subj, quoted)
    if found is None and quote_only:
        return None
    if found is None:
        after = _after_colon(ctx, tok)
        if after is None:
            return None
        colon, content = after
        extra = None
    else:
        (left, right), extra = found
        content = _trim(doc, left, right)
        if content is None:
            return None
    content = _close_quotes(ctx.text, content, sent)
    source = claimant = None
    kind = "named"
    if subj is not None:
        sl, sr = _np_span(subj)
        clause = subj.i == tok.head.i and tok.dep_ == "acl"
        if clause:
            sr = min(sr, tok.left_edge.i - 1)  # "a petition calling for ...": not the clause itself
        source = _source_span(doc, sl, sr)
        claimant = source if clause else _claimant(doc, subj, lex)
        kind = _kind(doc, subj, lex, sl, sr)
        if content[1] <= doc[sl].idx:
            content = _continued_quote(ctx.text, content, doc[tok.i].idx + len(tok.text), sent)
    cue_first, cue_last = _cue_bounds(doc, tok, subj, extra, colon)
    quote = next(
        (
            q
            for q in _quote_spans(ctx.text, sent.start_char, sent.end_char)
            if q[0] <= content[1] and content[0] <= q[1]
        ),
        None,
    )
    return Attribution(
        source=source,
        cue=(doc[cue_first].idx, doc[cue_last].idx + len(doc[cue_last].text)),
        content=content,
        sentence=index,
        kind=kind,
        form="verb",
        cue_lemma=lemma,
        claimant=claimant,
        quote=quote,
    )


def _noun_attributions(ctx: Context, sent, index: int, lex) -> list[Attribution]:
    """ "Graham’s endorsement of Cruz", "Zelenskyy’s estimate of 3,800 casualties"."""
    doc = ctx.doc
    out = []
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.cue_nouns:
            continue
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is None or poss.pos_ == "PRON":
            continue
        content = None
        cue_last = tok.i
        for c in tok.children:
            if c.i < tok.i:
                continue
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "on", "to", "against", "that"):
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    content, cue_last = (obj.left_edge.i, obj.right_edge.i), c.i
                    break
            if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX") and c.left_edge.i <= tok.i + 2:
                content = (c.left_edge.i, c.right_edge.i)
                break
        if content is None:
            continue
        span = _trim(doc, *content)
        if span is None:
            continue
        sl, sr = poss.left_edge.i, poss.i
        source = _trim(doc, sl, sr)
        cue_first = tok.i
        for c in tok.children:  # "energetic endorsement"
            if c.dep_ == "amod" and c.i == cue_first - 1:
                cue_first = c.i
        out.append(
            Attribution(
                source=source,
                cue=(doc[cue_first].idx, doc[cue_last].idx + len(doc[cue_last].text)),
                content=span,
                sentence=index,
                kind=_kind(doc, poss, lex, sl, sr),
                form="noun",
                cue_lemma=tok.lemma_.lower(),
                claimant=source,
            )
        )
    return out


def _according(ctx: Context, sent, index: int, lex) -> list[Attribution]:
    doc = ctx.doc
    out = []
    low = ctx.sentences[index].text.lower()  # the sentence's text, kept (a span's is joined anew)
    for cue in lex.prep_cues:
        pos = 0
        while True:
            k = low.find(cue, pos)
            if k < 0:
                break
            pos = k + len(cue)
            if k > 0 and low[k - 1].isalnum() or pos < len(low) and low[pos].isalnum():
                continue
            cs, ce = sent.start_char + k, sent.start_char + pos
            last = doc.char_span(cs, ce, alignment_mode="expand")
            if last is None:
                continue
            pobj = next((t for t in last[-1].children if t.dep_ == "pobj"), None)
            if pobj is None:
                after = [t for t in doc[last.end : sent.end] if not t.is_punct]
                if not after:
                    continue
                pobj = after[0]
                while (
                    pobj.head.i != pobj.i
                    and pobj.head.i < sent.end
                    and pobj.head.i >= last.end
                    and pobj.head.pos_ in ("PROPN", "NOUN")
                ):
                    pobj = pobj.head
            sl, sr = _np_span(pobj)
            sl = max(sl, last.end)
            for k in range(pobj.i + 1, sr + 1):
                if doc[k].text == "," and k + 1 <= sr and doc[k + 1].dep_ != "appos":
                    sr = k - 1
                    break
            source = _trim(doc, sl, sr)
            if source is None:
                continue
            # content: the rest of the sentence on the larger side of the phrase
            before = _trim(doc, sent.start, last.start - 1) if last.start > sent.start else None
            after_span = _trim(doc, sr + 1, sent.end - 1) if sr + 1 < sent.end else None
            sizes = [(s[1] - s[0], s) for s in (before, after_span) if s]
            if not sizes:
                continue
            content = max(sizes)[1]
            out.append(
                Attribution(
                    source=source,
                    cue=(cs, ce),
                    content=content,
                    sentence=index,
                    kind=_kind(doc, pobj, lex, sl, sr),
                    form="according",
                    cue_lemma=cue,
                    claimant=_claimant(doc, pobj, lex),
                )
            )
    return out


def _line_forms(ctx: Context, sent, index: int, lex) -> list[Attribution]:
    """Headline "Source: ..." and "..., Source says", and "— Name" signatures."""
    text = ctx.text
    s0, s1 = sent.start_char, sent.end_char
    line = text[s0:s1]
    out: list[Attribution] = []
    m = _RE_HEADLINE_SOURCE.match(line)
    if (
        m
        and m.group(1).strip().lower() not in lex.headline_rubrics
        and len(m.group(1)) <= 40
        and _names_a_source(ctx.doc, s0 + m.start(1), s0 + m.end(1))
    ):
        src = (s0 + m.start(1), s0 + m.end(1))
        colon = s0 + m.end(1)
        body = line[m.end() :].rstrip()
        content = (s0 + m.end(), s0 + m.end() + len(body))
        said = ctx.doc.char_span(content[0], content[1], alignment_mode="expand")
        if not body.startswith(tuple(_QUOTES_OPEN)) and (
            said is None or not any(t.pos_ in ("VERB", "AUX") for t in said)
        ):
            return out  # "Clinton: 547", "Delegate update: the latest count": a label, not a source
        out.append(
            Attribution(
                source=src,
                cue=(colon, colon + 1),
                content=content,
                sentence=index,
                form="headline",
                cue_lemma=":",
                claimant=src,
                kind=_span_kind(ctx.doc, src, lex),
            )
        )
    return out


def _names_a_source(doc, start: int, end: int) -> bool:
    """'ISW', 'Zelenskyy', 'US military', 'Forbes' — not 'The Ninth Circle' or 'Now we know'."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or len(span) > 5:
        return False
    words = [t for t in span if not t.is_punct]
    if not words or words[0].lower_ in ("the", "a", "an", "now", "here", "so", "but", "and", "this", "that"):
        return False
    if not all(
        t.text[:1].isupper() or t.lower_ in ("military", "army", "forces", "ministry", "of", "officials", "says")
        for t in words
    ):
        return False
    return len(words) <= 2 or any(
        t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or t.text.isupper() for t in words
    )


def _signatures(ctx: Context, sents: list, lex) -> list[Attribution]:
    """A line '— Name (@handle) date' signs the paragraph or post just before it."""
    out = []
    text = ctx.text
    for i, sent in enumerate(sents):
        said = ctx.sentences[i].text
        m = _RE_SIGNATURE.match(said)
        if not m or i == 0 or not _RE_SIGNED.search(said):
            continue
        s0 = sent.start_char
        src = (s0 + m.start(1), s0 + m.end(1))
        dash = s0 + said.index(m.group(0).strip()[0])
        prev = sents[i - 1]
        # the signed paragraph: back to the previous line break
        para_start = text.rfind("\n", 0, prev.start_char) + 1
        content = (para_start, prev.end_char)
        content = (content[0], content[0] + len(text[content[0] : content[1]].rstrip()))
        out.append(
            Attribution(
                source=src,
                cue=(dash, dash + 1),
                content=content,
                sentence=i - 1,
                form="signature",
                cue_lemma="—",
                claimant=src,
            )
        )
    return out


def _tail(ctx: Context, sent, index: int, lex, found: list[Attribution]) -> list[Attribution]:
    """'..., US military says' at the end of a line, when the parse did not give it."""
    line = ctx.sentences[index].text.rstrip()
    m = _RE_TAIL.search(line)
    if not m or m.group(2).lower() not in lex.tail_cues:
        return []
    s0 = sent.start_char
    cue = (s0 + m.start(2), s0 + m.end(2))
    if any(a.cue == cue and a.source for a in found):
        return []
    src = (s0 + m.start(1), s0 + m.end(1))
    first = len(line) - len(line.lstrip(" \t-–•*"))
    content = (s0 + first, s0 + m.start())
    return [
        Attribution(
            source=src,
            cue=cue,
            content=content,
            sentence=index,
            form="tail",
            cue_lemma=m.group(2).lower(),
            claimant=src,
            kind=_span_kind(ctx.doc, src, lex),
        )
    ]


def _quoted_regions(text: str) -> list[Span]:
    """Spans between paired quotation marks, paragraph by paragraph (curly “…” or straight "…")."""
    out: list[Span] = []
    pos = 0
    for para in text.split("\n"):
        opened = None
        straight = None
        for i, ch in enumerate(para):
            if ch == "“":
                opened = i if opened is None else opened
            elif ch == "”" and opened is not None:
                out.append((pos + opened, pos + i + 1))
                opened = None
            elif ch == '"':
                if straight is None:
                    straight = i
                else:
                    out.append((pos + straight, pos + i + 1))
                    straight = None
        # a quotation running over paragraphs opens each one and closes only at its end
        for left in (opened, straight):
            if left is not None:
                out.append((pos + left, pos + len(para)))
        pos += len(para) + 1
    return out


def _whole_quote(text: str, a: Attribution, quoted: list[Span], sent_end: int) -> Attribution:
    """A quoted content runs over the whole quotation: from its opening mark (sentences before
    the cue's) to its close, and on through quotations that follow the cue's sentence in the
    same paragraph (“A,” he said. “B.”)."""
    s, e = a.content
    changed = False
    for q0, q1 in quoted:
        if q0 < s < q1 or q0 < e - 1 < q1:
            if q0 < s:
                s, changed = q0, True
            if q1 > e and q1 <= max(e, a.cue[0]) + 1:
                e, changed = q1, True
    if e <= a.cue[1] or (a.content[0] < a.cue[0] and e <= sent_end):
        pos = max(sent_end, a.cue[1])
        while True:
            m = re.match(r"[ \t]*[“\"]", text[pos : pos + 3])
            if not m:
                break
            nxt = next((q for q in quoted if q[0] == pos + m.end() - 1), None)
            if nxt is None:
                break
            e, pos, changed = nxt[1], nxt[1], True
    if not changed:
        return a
    return Attribution(
        source=a.source,
        cue=a.cue,
        content=(s, e),
        sentence=a.sentence,
        kind=a.kind,
        form=a.form,
        cue_lemma=a.cue_lemma,
        claimant=a.claimant,
        quote=a.quote,
    )


def find_attributions(ctx: Context, nested: bool = True) -> list[Attribution]:
    """Every attribution in the document: source, cue and content spans.

    Reporting verbs inside a quotation ("“... what I said ...,” he added") are quoted
    speech, not attributions of the article: they are left out. With ``nested=False`` a
    reporting verb inside the content of another one in the same sentence is left out too
    ("X said Y claimed ...": only X), as corpora such as PolNeAR annotate; claims keep
    nested attributions to find the innermost source of a figure.
    """
    lex = _lex.load()
    quoted = _quoted_regions(ctx.text)
    sents = list(ctx.doc.sents)
    out: list[Attribution] = []
    for index, sent in enumerate(sents):
        found = _line_forms(ctx, sent, index, lex)
        found += _according(ctx, sent, index, lex)
        verbs = [
            _whole_quote(ctx.text, v, quoted, sent.end_char)
            for v in _verb_attributions(ctx, sent, index, lex, quoted)
            if not any(q0 < v.cue[0] and v.cue[1] < q1 for q0, q1 in quoted)
        ]
        # a verb cue inside an 'according to' phrase is the same attribution
        found += [v for v in verbs if not any(a.cue[0] <= v.cue[0] < a.cue[1] for a in found)]
        found += [
            n
            for n in _noun_attributions(ctx, sent, index, lex)
            if not any(q0 < n.cue[0] and n.cue[1] < q1 for q0, q1 in quoted)
        ]
        found += _tail(ctx, sent, index, lex, found)
        out.extend(found)
    out.extend(_signatures(ctx, sents, lex))
    if not nested:
        # keep only the outermost verb attributions of a sentence
        out = [
            a
            for a in out
            if not (
                a.form == "verb"
                and any(
                    b is not a
                    and b.form == "verb"
                    and b.sentence == a.sentence
                    and b.content[0] <= a.cue[0]
                    and a.cue[1] <= b.content[1]
                    for b in out
                )
            )
        ]
    return out


_CACHE_KEY = "_kronika_attributions"


def _repeats(a: Attribution, atts: list[Attribution]) -> bool:
    """Whether ``a`` restates another attribution of the same source whose content holds its cue:
    "Cook declined to say whether ...", "X was expected to announce ...": one statement."""
    return a.source is not None and any(
        b is not a and b.source == a.source and b.sentence == a.sentence and b.contains(*a.cue) for b in atts
    )


def attributions(ctx: Context) -> list[Attribution]:
    """The attributions that become statements: ``find_attributions(ctx)`` (nested ones
    included) without restatements by the same source; found once per Context, the claims
    and statements stages share them."""
    found = ctx.__dict__.get(_CACHE_KEY)
    if found is None:
        every = find_attributions(ctx)
        by_sentence: dict[int, list[Attribution]] = {}
        for a in every:
            by_sentence.setdefault(a.sentence, []).append(a)
        found = [a for a in every if not _repeats(a, by_sentence[a.sentence])]
        ctx.__dict__[_CACHE_KEY] = found
    return found


def statement_id(doc_id: str, a: Attribution) -> str:
    """The id of the statement an attribution becomes (claims point to it)."""
    return f"{doc_id}-statement-{a.cue[0]}-{a.content[0]}"


def overlapping(items: Sequence, span: Optional[Span], prefer_kind: tuple[str, ...] = ()):
    """The item overlapping ``span`` most (those of a ``prefer_kind`` first), or None."""
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


def source_actor(ctx: Context, a: Attribution):
    """The actor an attribution's source names (a person first), or None."""
    span = a.claimant or a.source
    if span is None:
        return None
    return overlapping(intervals.of(ctx, "actors", ctx.actors).near(*span), span, ("person",))


def _holds(outer: Attribution, inner: Attribution) -> bool:
    if outer is inner or not outer.contains(*inner.cue):
        return False
    if inner.source is not None and not outer.contains(*inner.source):
        return False
    return not inner.contains(*outer.cue)


def reporter(a: Attribution, atts: Sequence[Attribution], index: Optional[Intervals] = None) -> Optional[Attribution]:
    """The attribution that reports ``a``: the innermost one whose content holds a's source and
    cue ("ISW: Russia denies ...": ISW's for Russia's). ``index``: ``atts`` by their content."""
    outers = [b for b in (index.near(*a.cue) if index is not None else atts) if _holds(b, a)]
    return min(outers, key=lambda b: b.content[1] - b.content[0], default=None)
