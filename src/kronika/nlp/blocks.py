"""Parsing long texts in blocks.

spaCy's time on one doc grows faster than its length (a 200 kB text: 1.6× the time of the same
text parsed in 10 kB pieces, and more beyond), and a run of punctuation without whitespace is
one token per character. So a text longer than ``BLOCK`` characters is cut into blocks at
paragraph breaks (else line breaks, else the end of a sentence, else whitespace; never longer
than ``BLOCK``), the blocks are parsed with ``nlp.pipe`` and their docs joined with
``Doc.from_docs``: one doc of the whole text, every token at its own offset. A text of up to
``BLOCK`` characters (any news article) is parsed whole, exactly as before.
"""

from __future__ import annotations

import multiprocessing

import re

BLOCK = 20_000  # characters; longer texts are parsed in blocks of at most this many
MAX_RUN = 200  # characters without whitespace: no word, number or URL of a news text is this long

_LONG_RUN = re.compile(r"\S{%d,}" % MAX_RUN)
_WORDLESS = re.compile(r"[^\w]+")
# Where a block may end, best first: after a blank line, after a line break, after the end of a
# sentence, after any whitespace. A block never starts with front matter's "---" / "+++".
_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)]*\s+"), re.compile(r"\s+"))


def tokenizable(text: str) -> str:
    """The text as spaCy reads it, of the same length (so every offset stays right). spaCy's
    tokenizer takes quadratic time on a long run without whitespace (10,000 commas: minutes):
    such a run gets a space every 64 characters, and one of punctuation only (no letter or
    digit: a row of commas, brackets, quotes or dashes; nothing kronika reads) becomes spaces."""
    if not _LONG_RUN.search(text):
        return text
    return _LONG_RUN.sub(_break_run, text)


def _break_run(match: re.Match) -> str:
    run = match.group()
    if _WORDLESS.fullmatch(run) and "_" not in run:
        return " " * len(run)
    return "".join(" " if i % 64 == 63 else c for i, c in enumerate(run))


def block_bounds(text: str, block: int = BLOCK) -> list[int]:
    """The offsets where blocks start (the first is 0): each block at most ``block`` characters,
    cut at the best boundary in its second half."""
    starts = [0]
    while len(text) - starts[-1] > block:
        start = starts[-1]
        starts.append(_cut(text, start + block // 2, start + block))
    return starts


def _cut(text: str, lo: int, hi: int) -> int:
    """The offset in (lo, hi] where the next block starts."""
    for pattern in _CUTS:
        ends = [m.end() for m in pattern.finditer(text, lo, hi) if not text.startswith(("---", "+++"), m.end())]
        if ends:
            return ends[-1]
    return hi


PARALLEL_BLOCKS = 16  # from about 320 kB on, the blocks are parsed in PROCESSES processes
PROCESSES = 2


def parse(nlp, text: str, block: int = BLOCK):
    """The spaCy doc of ``text`` (after ``tokenizable``), parsed in blocks when it is long."""
    text = tokenizable(text)
    if len(text) <= block:
        return nlp(text)
    from spacy.tokens import Doc

    starts = block_bounds(text, block)
    pieces = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)])]
    # a book-length text: both cores (not from a daemonic worker process, which may have no children)
    workers = PROCESSES if len(pieces) >= PARALLEL_BLOCKS and not multiprocessing.current_process().daemon else 1
    doc = Doc.from_docs(list(nlp.pipe(pieces, n_process=workers, batch_size=4)), ensure_whitespace=False)
    if doc.text != text:  # never seen; the whole text parsed at once is right, only slower
        return nlp(text)
    return doc
