"""Names of places as the gazetteer keys them, and the shape of its place rows.

Shared by the gazetteer and what it merges at build time (:mod:`kronika.places.settlements`,
:mod:`kronika.places.geonames_dump`): a leaf, importing nothing of kronika.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable, Optional

PLACE_COLUMNS = 16  # id name lat lon fclass fcode level cc admin1 admin2 population code kind psrc district src_id
LEVELS = {"continent": 0, "country": 1, "admin1": 2, "admin2": 3, "populated_place": 4}

# --- names --------------------------------------------------------------------------

_FOLD = str.maketrans(
    {
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "ð": "d",
        "ħ": "h",
    }
)
_DROP = re.compile(r"[’'`ʼʻ‘\u02b9\u02bc\".]")
_SEP = re.compile(r"[\s\-‐‑–—_/,()]+")


@lru_cache(maxsize=200_000)
def normalize(name: str) -> str:
    """Lowercase, accents folded, apostrophes and dots dropped, hyphens as spaces."""
    s = unicodedata.normalize("NFKD", name.translate(_FOLD))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _DROP.sub("", s.lower())
    return _SEP.sub(" ", s).strip()


_LOOSE = [
    (re.compile(a), b)
    for a, b in [
        (r"^(al|el|ar|ash|as|an|ad|at|az|adh|ath) ", ""),  # Arabic article
        # the article inside a name ("Maroun al-Ras" / "Marun ar Ras", "Deir el-Balah" / "Dayr al Balah")
        (r" (?:al|el|ul|ar|er|ash|esh|as|es|ad|ed|at|et|az|ez|an|en|adh|ath) (?=\w)", " "),
        (r"\bkafr\b", "kfar"),  # Arabic "village": Kafr Kila / Kfar Kila
        (r"kh", "h"),
        (r"ch", "h"),
        (r"zh", "j"),
        (r"sh", "s"),
        (r"ts", "c"),
        (r"tz", "c"),
        (r"ou", "u"),
        (r"w", "v"),
        (r"q", "k"),
        (r"x", "ks"),
        (r"[yj]", "i"),
        (r"ie(?!h?\b)", "e"),
        (r"ii", "i"),
        (r"([a-z])\1", r"\1"),
        (r"ai", "ei"),  # Bayt / Beit / Beyt, Shaykh / Sheikh
        (r"i[ae]h?\b", "ia"),  # Nabatieh / Nabatiyah / Nabatiya
        (r"oe\b", "oe"),
        (r"ioe\b", "oe"),
        (r"iia\b", "ia"),
        (r"ia\b", "a"),
        (r"oie\b", "oe"),
        (r"i\b", ""),
        (r"e\b", ""),
        (r"a\b", ""),
        (r"h\b", ""),
    ]
]


@lru_cache(maxsize=100_000)
def loose(name: str) -> str:
    """A transliteration-tolerant key: Kruglenkoye/Kruglenkoe, Kharkov/Charkov, Al Shadaddi/Shadadi."""
    s = normalize(name)
    for pat, rep in _LOOSE:
        s = pat.sub(rep, s)
    return s.replace(" ", "")


def _latin(s: str) -> bool:
    return all(ord(c) < 0x250 for c in s)


def name_key(raw: str) -> Optional[str]:
    """The lookup key of a Latin-script name; None for a name the gazetteer leaves out."""
    if not raw or not _latin(raw):
        return None
    key = normalize(raw)
    return key if len(key) >= 2 else None


def place_name_rows(gid: int, names: Iterable[str], alternates: Iterable[str]) -> list[tuple[str, int, int]]:
    """(key, id, source) rows of a GeoNames place: its own names (source 0) and its alternate
    names (source 2), leaving out GeoNames' lower-case romanizations of non-Latin names ("bo ke
    luo fu si ke") and short all-capital codes."""
    rows, seen = [], set()
    for src, group in ((0, names), (2, alternates)):
        for raw in group:
            if not raw or raw in seen:
                continue
            if src == 2 and (not any(ch.isupper() for ch in raw) or (raw.isupper() and len(raw) <= 4)):
                continue
            seen.add(raw)
            key = name_key(raw)
            if key:
                rows.append((key, gid, src))
    return rows


def loose_rows(names: Iterable[tuple[str, int, int]]) -> set[tuple[str, int]]:
    """Transliteration-tolerant keys of name rows (alternate names only when longer than five letters)."""
    return {(loose(k), g) for k, g, s in names if s != 2 or len(k) > 5}
