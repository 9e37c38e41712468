"""Finding the items (places, actors, statements, attributions…) that can overlap or hold a span
without walking all of them.

Stages look up, for each of their items, the items of another stage that overlap it: walked in
full each time, a 1 MB text with ten thousand of each took minutes. ``Intervals`` sorts the items
by start once; ``near(start, end)`` gives, in their original order, every item that can overlap
or hold [start, end) (a few more: callers keep their own test), so every answer stays the same.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Callable, Generic, Sequence, TypeVar

T = TypeVar("T")


def _span(item) -> tuple[int, int]:
    return item.start, item.end


class Intervals(Generic[T]):
    def __init__(self, items: Sequence[T], span: Callable[[T], tuple[int, int]] = _span) -> None:
        self.source = items
        self.items = list(items)
        spans = [span(it) for it in self.items]
        self._order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self._starts = [spans[i][0] for i in self._order]
        self._longest = max((e - s for s, e in spans), default=0)

    def near(self, start: int, end: int) -> list[T]:
        """Every item that overlaps or holds [start, end) (and maybe a few that do not), in order."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_right(self._starts, end)
        return [self.items[i] for i in sorted(self._order[lo:hi])]


def of(owner, name: str, items: Sequence[T], span: Callable[[T], tuple[int, int]] = _span) -> Intervals[T]:
    """``Intervals`` of ``items``, kept on ``owner`` (a Context) under ``name`` until the list changes."""
    key = f"_intervals_{name}"
    found = owner.__dict__.get(key)
    if found is None or found.source is not items or len(found.items) != len(items):
        found = Intervals(items, span)
        owner.__dict__[key] = found
    return found
