"""The snippet classifier's cue rules read more cheaply, with the same result: word heads
(kronika.events.heads) skip a rule's search only where it would find nothing, and a sentence of
the document's parse is copied for the territory reading only when that reading needs it."""

from __future__ import annotations

import re
from pathlib import Path

from kronika.events.classify import _compile, classify_code, load_classifier
from kronika.events.datafiles import authored_examples
from kronika.events.heads import pattern_heads, word_heads

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kursk-north-korean-pow-2025-01-20.txt"


def test_pattern_heads_read_the_beginnings_of_a_cue():
    # a word's end, a class of characters or a repeat stops a beginning; an optional part is
    # there or not; HEAD (6) characters at most
    heads = pattern_heads(_compile(["deploy\\w*", "(sent|send) (\\w+ ){0,3}troops", "(hand[- ])?grenades?"], {}))
    assert heads == {"deploy", "sent", "send", "hand", "grenad"}
    assert pattern_heads(_compile(["[a-c]x", "ied"], {})) == {"ax", "bx", "cx", "ied"}
    assert pattern_heads(_compile(["(war zone)s", "(un)?rest"], {})) == {"war", "un", "rest"}


def test_a_cue_that_may_begin_with_any_character_has_no_heads():
    assert pattern_heads(_compile(["\\d+ cases", "virus"], {})) is None  # a digit class: every text is searched
    assert pattern_heads(_compile(["(?!no )arrest", "raid"], {})) is None  # a lookahead first
    assert pattern_heads(re.compile("virus")) is None  # not a cue pattern (no word start)


def test_word_heads_are_the_beginnings_of_each_word():
    assert word_heads("an ied hit") == {"a", "an", "i", "ie", "ied", "h", "hi", "hit"}
    assert "attack" in word_heads("the attacks") and "attacks" not in word_heads("the attacks")


def _sentences() -> list[str]:
    texts = [EXAMPLE.read_text("utf-8")]
    for group in authored_examples().model_dump().values():
        if isinstance(group, dict):
            texts += [s for snippets in group.values() for s in snippets]
    low = [t.lower().replace("’", "'") for t in texts]
    return [s for t in low for s in re.split(r"(?<=[.!?])\s+", t) if s]


def test_a_search_is_skipped_only_where_it_finds_nothing():
    rules = load_classifier().rules
    patterns = [p for r in rules for p in (r.any, r.with_, r.without) if p is not None]
    heads = [pattern_heads(p) for p in patterns]
    assert sum(h is not None for h in heads) > 0.9 * len(patterns)
    skipped = 0
    for sent in _sentences():
        words = word_heads(sent)
        for pattern, h in zip(patterns, heads):
            if h is not None and h.isdisjoint(words):
                skipped += 1
                assert pattern.search(sent) is None, (pattern.pattern[:60], sent)
    assert skipped > 0


def test_a_sentence_of_the_documents_parse_reads_as_its_own_doc(pipeline):
    # the territory reading of a capture (who took the place) from the sentence Span, copied
    # to a Doc only when read, is that from the copy made beforehand
    doc = pipeline.nlp(
        "The weather was cold. Government troops recaptured the town of Kalanka from the rebels on Sunday. "
        "Militants seized the village of Dorva after heavy fighting."
    )
    for sent in list(doc.sents)[1:]:
        code = classify_code(sent.text, parsed=sent)
        assert code == classify_code(sent.text, parsed=sent.as_doc())
        assert code[0] in ("GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER")
