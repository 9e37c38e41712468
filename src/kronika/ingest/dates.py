"""Publication dates: parsing a user's date, and inferring one from a file name or the text."""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from kronika.errors import DateError

_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")
_MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}
_MDY = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{1,2}),\s+((?:19|20)\d\d)\b", re.I)
_DMY = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+((?:19|20)\d\d)\b", re.I)


def parse_user_date(value: str, name: str = "--published") -> dt.date:
    """A date given by the user (YYYY-MM-DD, or a full date in words). Impossible dates are errors."""
    value = str(value).strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?", value)
    try:
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        for rx, order in ((_MDY, "mdy"), (_DMY, "dmy")):
            m = rx.fullmatch(value)
            if m:
                if order == "mdy":
                    return dt.date(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
                return dt.date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
    except ValueError as exc:
        raise DateError(f"{name}: impossible date {value!r} ({exc})") from None
    raise DateError(f"{name}: cannot read date {value!r}; use YYYY-MM-DD")


def _valid(y: int, m: int, d: int) -> Optional[dt.date]:
    try:
        date = dt.date(y, m, d)
    except ValueError:
        return None
    return date if date <= dt.date.today() else None


def infer_published(text: str, path: Optional[str] = None) -> Optional[dt.date]:
    """A publication date from a YYYY-MM-DD in the file name, else the latest full date in the text."""
    if path:
        m = _ISO.search(path.rsplit("/", 1)[-1])
        if m and (d := _valid(int(m[1]), int(m[2]), int(m[3]))):
            return d
    found: list[dt.date] = []
    for m in _ISO.finditer(text):
        if d := _valid(int(m[1]), int(m[2]), int(m[3])):
            found.append(d)
    for m in _MDY.finditer(text):
        if d := _valid(int(m[3]), _MONTHS[m[1].lower()], int(m[2])):
            found.append(d)
    for m in _DMY.finditer(text):
        if d := _valid(int(m[3]), _MONTHS[m[2].lower()], int(m[1])):
            found.append(d)
    return max(found) if found else None
