"""Back-off for snippets no cue rule speaks to: a bag-of-words naive Bayes model.

When none of the classifier's rules fires, the snippet used to fall back to Armed clash.
This module instead scores it with a multinomial naive Bayes model over word stems and stem
pairs, estimated (at first use, in a few milliseconds) from kronika's own invented example
snippets in ``data/events/authored_examples.yaml`` (the ``examples`` and ``more`` sets; the
``check`` set stays out). No benchmark text goes into it; rebuilding it is re-reading that file, so
there is no model file to ship or to keep in step. The classifier also adds
``backoff_weight`` (classifier.yaml) times the model's posterior to the labels its rules
propose, which breaks near-ties between them.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional

from kronika.events.datafiles import authored_examples

_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
_STOP = frozenset(
    "a an the of in on at to for from by with and or but as is are was were be been being has have had it its "
    "this that these those their his her he she they them we our you your i me my after before during over under "
    "into out up down off than then there here when where which who whom whose while also said says say told "
    "according reported report reports on monday tuesday wednesday thursday friday saturday sunday week weeks "
    "day days month months year years last next early late about some several many more most other another "
    "one two three four five six seven eight nine ten dozens hundreds thousands least".split()
)
_SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s")


def _stem(word: str) -> str:
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            return word[: -len(suf)] + ("y" if suf in ("ied", "ies") else "")
    return word


def features(text: str) -> list[str]:
    """Word stems (stop words out) and adjacent stem pairs."""
    words = [w for w in _WORD.findall(text.lower().replace("’", "'")) if w not in _STOP]
    stems = [_stem(w) for w in words]
    return stems + [a + "_" + b for a, b in zip(stems, stems[1:])]


@dataclass(frozen=True)
class NaiveBayes:
    log_prior: dict
    log_like: dict  # label -> {feature: log P(feature | label)}
    log_unseen: dict  # label -> log P(unseen feature | label)
    vocab: frozenset

    def scores(self, text: str, allowed: Optional[Iterable[str]] = None) -> dict[str, float]:
        feats = [f for f in features(text) if f in self.vocab]
        keep = set(allowed) if allowed is not None else None
        labels = [lab for lab in self.log_prior if keep is None or lab in keep]
        return {
            lab: self.log_prior[lab] + sum(self.log_like[lab].get(f, self.log_unseen[lab]) for f in feats)
            for lab in labels
        }

    def posterior(self, text: str, allowed: Iterable[str]) -> dict[str, float]:
        """P(label | text) over ``allowed`` (uniform when no known word is in the text)."""
        s = self.scores(text, allowed)
        if not s:
            return {}
        top = max(s.values())
        z = sum(math.exp(v - top) for v in s.values())
        return {k: math.exp(v - top) / z for k, v in s.items()}

    def best(self, text: str, allowed: Optional[Iterable[str]] = None) -> tuple[Optional[str], float]:
        """(label, posterior probability) or (None, 0.0) when no known word is in the text."""
        if not any(f in self.vocab for f in features(text)):
            return None, 0.0
        s = self.scores(text, allowed)
        if not s:
            return None, 0.0
        top = max(s.values())
        z = sum(math.exp(v - top) for v in s.values())
        lab = max(s, key=s.get)
        return lab, 1.0 / z


def train(examples: dict[str, list[str]], alpha: float = 0.5) -> NaiveBayes:
    counts = {lab: Counter(f for t in texts for f in features(t)) for lab, texts in examples.items() if texts}
    vocab = frozenset(f for c in counts.values() for f in c)
    n_docs = sum(len(t) for t in examples.values())
    log_prior, log_like, log_unseen = {}, {}, {}
    for lab, c in counts.items():
        total = sum(c.values()) + alpha * len(vocab)
        log_prior[lab] = math.log(len(examples[lab]) / n_docs)
        log_like[lab] = {f: math.log((n + alpha) / total) for f, n in c.items()}
        log_unseen[lab] = math.log(alpha / total)
    return NaiveBayes(log_prior, log_like, log_unseen, vocab)


@functools.lru_cache(maxsize=1)
def load_backoff() -> NaiveBayes:
    raw = authored_examples()
    examples = {lab: list(texts) + list(raw.more.get(lab) or ()) for lab, texts in raw.examples.items()}
    return train(examples)
