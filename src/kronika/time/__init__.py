"""The time stage: find time expressions, normalize them against the publication date.

find_times(ctx) -> list[TimeSpan]          the pipeline stage
extract(text, anchor, timeml=False)        the same on a plain string (no spaCy)
normalize(text, anchor) -> Timex | None    one expression
attach_time(ctx, start, end)               the time governing a claim or event
"""

from __future__ import annotations

from kronika.time.normalize import Timex, extract, normalize
from kronika.time.stage import attach_time, find_times

__all__ = ["Timex", "attach_time", "extract", "find_times", "normalize"]
