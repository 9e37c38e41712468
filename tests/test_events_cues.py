"""The snippet classifier's cue rules read more cheaply, with the same result: word prefixes
(kronika.events.prefixes) skip a rule's search only where it would find nothing, and a sentence of
the document's parse is copied for the territory reading only when that reading needs it."""

from __future__ import annotations

import re
from pathlib import Path

from kronika.events.classify import _compile, classify_code, load_classifier
from kronika.events.datafiles import authored_examples
from kronika.events.prefixes import pattern_prefixes, word_prefixes

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kursk-north-korean-pow-2025-01-20.txt"


def test_pattern_prefixes_read_how_a_cue_begins():
    # a word's end, a class of characters or a repeat ends a prefix; an optional part is
    # there or not; PREFIX (6) characters at most
    prefixes = pattern_prefixes(_compile(["deploy\\w*", "(sent|send) (\\w+ ){0,3}troops", "(hand[- ])?grenades?"], {}))
    assert prefixes == {"deploy", "sent", "send", "hand", "grenad"}
    assert pattern_prefixes(_compile(["[a-c]x", "ied"], {})) == {"ax", "bx", "cx", "ied"}
    assert pattern_prefixes(_compile(["(war zone)s", "(un)?rest"], {})) == {"war", "un", "rest"}


def test_a_cue_that_may_begin_with_any_character_has_no_prefixes():
    assert pattern_prefixes(_compile(["\\d+ cases", "virus"], {})) is None  # a digit class: every text is searched
    assert pattern_prefixes(_compile(["(?!no )arrest", "raid"], {})) is None  # a lookahead first
    assert pattern_prefixes(re.compile("virus")) is None  # not a cue pattern (no word start)


def test_word_prefixes_are_those_of_each_word():
    assert word_prefixes("an ied hit") == {"a", "an", "i", "ie", "ied", "h", "hi", "hit"}
    assert "attack" in word_prefixes("the attacks") and "attacks" not in word_prefixes("the attacks")


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
    prefixes = [pattern_prefixes(p) for p in patterns]
    assert sum(h is not None for h in prefixes) > 0.9 * len(patterns)
    skipped = 0
    for sent in _sentences():
        words = word_prefixes(sent)
        for pattern, h in zip(patterns, prefixes):
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
