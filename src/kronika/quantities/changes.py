"""Words of change (``kronika/data/quantities/changes.yaml``): which figures are the amount of a
change up or down ("rose 5%", "down 19 cents") and which words make "from X to Y" a change."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from pydantic import field_validator

from kronika.data import QUANTITIES_DIR, Strict, load_yaml


class _ChangesFile(Strict):
    up: list[str]
    down: list[str]
    between: list[str]
    between_up: list[str]
    only_with_by_or_to: list[str]
    particle_verbs: list[str]
    change_stems: list[str]

    @field_validator("change_stems")
    @classmethod
    def _compiles(cls, stems: list[str]) -> list[str]:
        for stem in stems:
            try:
                re.compile(stem)
            except re.error as exc:  # a ValueError is named with its key by load_yaml
                raise ValueError(f"{stem!r} is not a regular expression ({exc})") from None
        return stems


@dataclass(frozen=True)
class ChangeWords:
    re_up: re.Pattern  # a word of change up, then what may stand before the figure, at the end
    re_down: re.Pattern
    re_change_word: re.Pattern  # a word that makes "from X to Y" a change
    particle_verbs: frozenset[str]
    only_with_by_or_to: frozenset[str]


def _phrases(items: list[str]) -> str:
    ordered = sorted(set(items), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in item.split()) for item in ordered)


def _ending(words: list[str], between: list[str]) -> re.Pattern:
    return re.compile(rf"\b(?:{_phrases(words)})(?:\s+(?:{_phrases(between)}))*\s*$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def load() -> ChangeWords:
    """The words of change, loaded and compiled once per process."""
    raw = load_yaml(QUANTITIES_DIR / "changes.yaml", _ChangesFile)
    stems = "|".join(raw.change_stems)
    return ChangeWords(
        re_up=_ending(raw.up, raw.between + raw.between_up),
        re_down=_ending(raw.down, raw.between),
        re_change_word=re.compile(rf"\b(?:{stems})\b", re.IGNORECASE),
        particle_verbs=frozenset(w.lower() for w in raw.particle_verbs),
        only_with_by_or_to=frozenset(w.lower() for w in raw.only_with_by_or_to),
    )


def change_before(window: str) -> Optional[str]:
    """'up' or 'down' from a word of change just before a figure ("rose by", "down"), or None."""
    words = load()
    for direction, pattern in (("up", words.re_up), ("down", words.re_down)):
        m = pattern.search(window)
        if m is None:
            continue
        said = m.group().split()
        word = said[0].lower()
        before = window[: m.start()].split()
        if word in ("up", "down") and before and before[-1].lower() in words.particle_verbs:
            continue
        if word in words.only_with_by_or_to and not any(w.lower() in ("by", "to") for w in said[1:]):
            continue
        return direction
    return None
