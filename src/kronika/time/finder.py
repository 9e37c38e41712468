"""Finding time expressions: one compiled regular-expression pass over the text.

The patterns are data (``kronika/data/time/patterns.yaml``); they are joined into one
alternation, tried in file order at each position, so the first (most specific) pattern
wins. A preposition just before an expression ("on", "by", "since") is matched with it but
kept out of its extent (TimeML style); "by", "since", "until"... become the ``bound``.
A few context rules then drop what is not a date: modal "may", "march" the verb, counts.
"""

from __future__ import annotations

import re

import regex
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

from kronika.time.lexicon import load

PREPOSITIONS = (
    "as of",
    "on",
    "in",
    "by",
    "since",
    "until",
    "till",
    "before",
    "after",
    "from",
    "during",
    "through",
    "throughout",
    "into",
    "of",
    "at",
    "between",
    "for",
    "over",
    "within",
    "around",
    "until about",
    "and",
    "to",
)
BOUNDS = {
    "by": "by",
    "since": "since",
    "from": "since",
    "until": "until",
    "till": "until",
    "before": "before",
    "after": "after",
    "between": "between",
    "as of": "by",
}
# a bare "May"/"March" is a month only after one of these (or with a day, a year, early/late...)
_MONTH_CONTEXT = {
    "in",
    "of",
    "since",
    "until",
    "till",
    "by",
    "during",
    "from",
    "through",
    "before",
    "after",
    "between",
    "and",
    "to",
    "last",
    "this",
    "next",
    "early",
    "late",
    "mid",
    "throughout",
    "as of",
    "for",
}
_COUNT_BEFORE = re.compile(
    r"(?i:\b(?:age[sd]?|aged|no\.|number|nos?\.|page|pages|route|flight|article|resolution|#|\$|€|£|code|room|unit|brigade|division|regiment|battalion)\s*)$"
)
_VERBS_AFTER_YEAR = {
    "was",
    "has",
    "is",
    "as",
    "saw",
    "sees",
    "its",
    "this",
    "marks",
    "remains",
    "seems",
    "looks",
    "brings",
    "becomes",
    "promises",
    "begins",
    "ends",
    "does",
    "offers",
}
_GROUP = re.compile(r"\(\?P<[a-z_0-9]+>")


@dataclass(frozen=True)
class RawMatch:
    kind: str
    start: int  # extent, without the preposition
    end: int
    groups: dict  # named groups of the kind's own pattern that matched
    pre: Optional[str]  # the preposition before it, lower-cased
    spans: tuple = ()  # (name, start, end) of the named groups


# Speed: one big alternation tried at every character costs ~5 µs a character. Instead the
# text is cut into word tokens once; each token (with the character after it) is looked up in
# a cache saying which patterns can start with it (found once per distinct token by partial
# matching with the ``regex`` module); only those patterns, joined into one alternation, are
# tried there. Prepositions are skipped and kept as ``pre``.
_TOKEN = re.compile(r"[A-Za-z]+|\d+|'(?=\d\d)")
_WINDOW_CHARS = 64  # an expression starts at most this far before its first trigger word
_SINGLE_PRE = {p for p in PREPOSITIONS if " " not in p}


@lru_cache(maxsize=1)
def _patterns():
    lex = load()
    partial = [regex.compile(p.regex) for p in lex.patterns]
    bodies = [_GROUP.sub("(?:", p.regex) for p in lex.patterns]
    own = {p.name: re.compile(p.regex) for p in lex.patterns}
    names = [p.name for p in lex.patterns]
    timeml_only = {p.name for p in lex.patterns if p.timeml_only}
    return partial, bodies, own, names, timeml_only


_first_cache: dict[str, tuple[int, ...]] = {}
_subset_cache: dict[tuple[int, ...], "re.Pattern"] = {}


def _subset_for(probe: str) -> tuple[int, ...]:
    got = _first_cache.get(probe)
    if got is None:
        partial = _patterns()[0]
        got = tuple(i for i, p in enumerate(partial) if p.match(probe, partial=True) is not None)
        if len(_first_cache) < 50000:
            _first_cache[probe] = got
    return got


def _regex_for(subset: tuple[int, ...]) -> "re.Pattern":
    rx = _subset_cache.get(subset)
    if rx is None:
        bodies = _patterns()[1]
        rx = re.compile("|".join(f"(?P<k_{i}>{bodies[i]})" for i in subset))
        _subset_cache[subset] = rx
    return rx


def _trie(words) -> str:
    """A regex alternation of ``words`` as a character trie (fast for the regex engine)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@lru_cache(maxsize=1)
def _triggers() -> "re.Pattern":
    """Numbers and time words (Title, lower and UPPER case): every expression contains one."""
    forms = set()
    for w in load().triggers:
        forms |= {w, w.title(), w.upper()}
    return re.compile(r"\d+|\b" + _trie(forms) + r"\b")


@lru_cache(maxsize=1)
def _vocab() -> frozenset[str]:
    """Every word that can begin a pattern: the lexicon's and the patterns' literal words."""
    lex = load()
    words = set(lex.triggers) | set(lex.numbers) | set(lex.ordinals) | set(PREPOSITIONS)
    for p in lex.patterns:
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", p.regex))
    return frozenset(w for phrase in words for w in phrase.split())


def _body_at(text: str, pos: int, tok_end: int, excluded: frozenset = frozenset()):
    """The first pattern (not in ``excluded``) matching at ``pos`` (whose first token ends at ``tok_end``), or None."""
    first = text[pos]
    if not (first.isdigit() or first == "'" or text[pos:tok_end].lower() in _vocab()):
        return None
    subset = _subset_for(text[pos : tok_end + 1])
    if excluded:
        subset = tuple(i for i in subset if i not in excluded)
    if not subset:
        return None
    return _regex_for(subset).match(text, pos)


def _keep(text: str, m: RawMatch, timeml: bool) -> bool:
    g = m.groups
    lex = load()
    if m.kind == "month" and not g.get("y") and not g.get("part"):
        word = g["m"].lower()
        if word in lex.ambiguous_months:
            words_before = text[max(0, m.start - 12) : m.start].lower().split()
            prev = words_before[-1] if words_before else ""
            if (m.pre or prev) not in _MONTH_CONTEXT:
                return False
    if m.kind == "year" and not g.get("part") and not g.get("fiscal"):
        if _COUNT_BEFORE.search(text[max(0, m.start - 12) : m.start]):
            return False
        y = int(g["y"])
        if y < 1900 and m.pre not in ("in", "since", "of", "by", "until", "from", "before", "after", "during"):
            return False
        before, after = text[max(0, m.start - 8) : m.start], text[m.end : m.end + 24]
        if re.search(r"\d[\s.]+$", before) or re.match(r"[\s.]+\d", after):
            return False  # digit groups: "+380 44 2025 1999"
        if re.search(r"\d[-–]$", before):  # second year of a range "2009-2010", not "555-2025"
            first = re.search(r"(?<!\d)(1[6-9]\d\d|20\d\d)[-–]$", before)
            if not first or not 0 < y - int(first.group(1)) <= 100:
                return False
        rng = re.match(r"[-–/](\d{4})(?!\d)", after)
        if rng and not 0 < int(rng.group(1)) - y <= 100:
            return False  # "2025-1999" is no range of years
        noun = re.match(r"\s+([a-z]+s)\b", after)
        if noun and noun.group(1) not in _VERBS_AFTER_YEAR:
            return False  # "2024 vehicles": a count
    if m.kind in ("duration", "duration_range") and g.get("old"):
        return False  # ages: "17-year-old"
    if m.kind == "duration" and m.start > 0 and _COUNT_BEFORE.search(text[max(0, m.start - 12) : m.start]):
        return False
    if (
        m.kind == "duration"
        and re.fullmatch(r"(?:1[6-9]|20)\d\d", g.get("n", ""))
        and not g.get("u", "").lower().endswith("s")
    ):
        return False  # "the 1988 second quarter"
    if (
        m.kind == "duration"
        and g.get("u", "").lower().startswith("quarter")
        and text[m.end : m.end + 3] == " of"
        and "-" in text[m.start : m.end]
    ):
        return False  # "three-quarters of"
    if m.kind == "vague_duration":
        if not g.get("rel") and not g.get("n") and m.pre not in ("for", "in", "over", "within"):
            return False
    if m.kind == "season" and not g.get("y") and not g.get("rel") and not g.get("part"):
        if m.pre not in (
            "in",
            "during",
            "since",
            "by",
            "until",
            "this",
            "last",
            "of",
            "through",
            "over",
            "into",
            "throughout",
        ):
            return False
        if g["season"].lower() == "fall" and not g.get("the"):
            return False
    if m.kind == "rel_unit" and g.get("rel", "").lower() in ("the", "that") and not timeml:
        # "the week" names no week; "over the weekend" is the one the report tells of
        return g.get("u", "").lower() == "weekend" and m.pre in ("over", "during", "at", "on")
    return True


def scan(text: str, timeml: bool = False) -> Iterator[RawMatch]:
    """Every time expression of ``text`` in order (pattern kind, extent, named groups, preposition).

    Only the few words before each trigger (a number or a time word) are tried as starts.
    """
    own, names, timeml_only = _patterns()[2:]
    last_end = 0
    tried = -1  # candidates are tried once, in text order
    for tm in _triggers().finditer(text):
        if tm.start() < last_end:
            continue
        lo = max(last_end, tried + 1, tm.start() - _WINDOW_CHARS)
        window = [(w.start(), w.end()) for w in _TOKEN.finditer(text, lo, tm.end())]
        for _k, (pos, tend) in enumerate(window):
            if pos <= tried or pos < last_end:
                continue
            tried = pos
            if (
                pos
                and (text[pos - 1].isalnum() or text[pos - 1] == "-")
                and text[pos] != "'"
                and not (text[pos].isdigit() and text[pos - 1] == "-")
            ):
                continue  # inside a word
            pre = None
            m = _body_at(text, pos, tend)
            if m is None:
                m, pre = _after_preposition(text, pos, tend)
            excluded: set[int] = set()
            while m is not None:
                index = int(m.lastgroup[2:])
                kind = names[index]
                start, end = m.start(), m.end()
                inner = own[kind].match(text, start)  # (not fullmatch with endpos: lookaheads must see on)
                if inner is None or inner.end() != end:
                    inner = own[kind].fullmatch(text, start, end)
                groups = {g: v for g, v in (inner.groupdict() if inner else {}).items() if v is not None}
                spans = tuple((g, inner.start(g), inner.end(g)) for g in groups) if inner else ()
                raw = RawMatch(kind, start, end, groups, pre, spans)
                if (timeml or kind not in timeml_only) and _keep(text, raw, timeml):
                    last_end = end
                    tried = max(tried, end - 1)
                    yield raw
                    break
                # rejected ("May" the modal, an age...): the next pattern that matches here, if any
                excluded.add(index)
                if len(excluded) > 3:
                    break
                tok = _TOKEN.match(text, start)
                m = _body_at(text, start, tok.end(), frozenset(excluded)) if tok else None


def _after_preposition(text: str, pos: int, tend: int):
    """A time expression right after a preposition at ``pos`` ("on", "by", "as of"...), and the preposition."""
    word = text[pos:tend].lower()
    if word not in _SINGLE_PRE and word != "as":
        return None, None
    nxt = _TOKEN.search(text, tend)
    if nxt is None or text[tend : nxt.start()].strip():
        return None, None
    if word == "as":
        if nxt.group().lower() != "of":
            return None, None
        word, nxt = "as of", _TOKEN.search(text, nxt.end())
        if nxt is None:
            return None, None
    m = _body_at(text, nxt.start(), nxt.end())
    return (m, word) if m is not None else (None, None)
