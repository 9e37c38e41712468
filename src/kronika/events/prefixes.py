"""Word prefixes: a cheap test that a cue rule of the snippet classifier cannot fire in a text.

Every cue pattern is ``\\b(?:...)`` (:func:`kronika.events.classify._compile`): a match begins
where a word begins. :func:`pattern_prefixes` reads from the pattern's parse the prefixes (the
first :data:`PREFIX` word characters at most) one of which every match starts with, and
:func:`word_prefixes` the prefixes of a text's words. When the two share none, the pattern has
no match in the text and its search, the costly part of scoring a sentence, is not run. The test
only ever skips a search that would find nothing: a pattern it cannot read (a cue that may begin
with a digit class, any character or a lookaround) gets no prefixes and is always searched.
"""

from __future__ import annotations

import importlib
import re
from typing import Any, Optional

PREFIX = 6  # word characters of a prefix: longer tells more cues apart, but costs more per text
_MAX_PREFIXES = 2000  # a pattern with more prefixes than this is searched whatever the text
_WORD = re.compile(r"\w")
_WORD_PREFIX = re.compile(rf"\b\w{{1,{PREFIX}}}")
# the parser of the standard library's ``re`` (private, as of Python 3.11: a parse it no longer
# reads the same way leaves a pattern without prefixes, searched in every text)
try:
    _parser: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
except ImportError:  # another Python: no prefixes, every text searched
    _parser = _c = None


def word_prefixes(low: str) -> frozenset[str]:
    """Each prefix (1 to :data:`PREFIX` characters) of each word of ``low``."""
    return frozenset(w[:j] for w in set(_WORD_PREFIX.findall(low)) for j in range(1, len(w) + 1))


def pattern_prefixes(pattern: re.Pattern) -> Optional[frozenset[str]]:
    """The prefixes one of which every match of ``pattern`` (``\\b(?:...)``) starts with, or
    None when the parse does not tell (then the pattern has to be searched in every text)."""
    if _parser is None:
        return None
    try:
        items = list(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # a parser changed: no prefixes, every text searched
        return None
    if not items or items[0] != (_c.AT, _c.AT_BOUNDARY) or pattern.flags & re.IGNORECASE:
        return None
    done: set[str] = set()
    opened = _sequence(items[1:], {""}, done)
    if opened is None:
        return None
    prefixes = done | opened
    if "" in prefixes or len(prefixes) > _MAX_PREFIXES:
        return None
    return frozenset(prefixes)


def _sequence(items, opened: set[str], done: set[str]) -> Optional[set[str]]:
    """The prefixes still open (that may go on) after ``items`` match following one of
    ``opened``; those that stop there (a character not known, a word's end, :data:`PREFIX`
    characters) go to ``done``. None when the parse does not tell."""
    for op, av in items:
        if not opened:
            break
        if op is _c.SUBPATTERN or op is _c.BRANCH or op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            after = _group(op, av, opened, done)
            if after is None:
                return None
            opened = after
            continue
        chars = _chars(op, av)
        if chars is None:  # a character not known (or not a word character): the prefixes end here
            done |= opened
            return set()
        grown = {h + ch for h in opened for ch in chars}
        if len(grown) > _MAX_PREFIXES:
            return None
        done |= {h for h in grown if len(h) >= PREFIX}
        opened = {h for h in grown if len(h) < PREFIX}
    return opened


def _group(op, av, opened: set[str], done: set[str]) -> Optional[set[str]]:
    """The prefixes still open after a group, an alternation or a repeat."""
    if op is _c.SUBPATTERN:
        _, add_flags, del_flags, body = av
        return None if add_flags or del_flags else _sequence(body, opened, done)
    if op is _c.BRANCH:
        out: set[str] = set()
        for body in av[1]:
            after = _sequence(body, opened, done)
            if after is None:
                return None
            out |= after
        return out
    low, high, body = av
    once = _sequence(body, opened, done)
    if once is None:
        return None
    if low == 0:  # absent, or there: then the prefixes stop (how often it repeats is not known)
        done |= once
        return set(opened)
    if high == 1:  # there exactly once
        return once
    done |= once
    return set()


def _chars(op, av) -> Optional[list[str]]:
    """The word characters a literal or a set of characters matches; None when it may match
    another character (a class, a negation, a range too wide)."""
    if op is _c.LITERAL:
        chars = [chr(av)]
    elif op is _c.IN and all(o is _c.LITERAL or (o is _c.RANGE and a[1] - a[0] < 40) for o, a in av):
        chars = [chr(c) for o, a in av for c in ([a] if o is _c.LITERAL else range(a[0], a[1] + 1))]
    else:
        return None
    return chars if all(_WORD.fullmatch(ch) for ch in chars) else None
