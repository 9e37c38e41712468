"""Checks on raw input: decoding, size, binary content and language."""

from __future__ import annotations

import re

from kronika.errors import InputError, UnsupportedLanguage

# The 60 most frequent English function words: in any English news text they make up
# well over 20% of the words; in other languages written in Latin script, well under 5%.
_ENGLISH = frozenset(
    """the of and to a in is that for it as was with on by he at from his an be are
    have has had were not but or which this they their its been who said after would
    will there also into than more about over up out new when all two one other can
    what were while against where them only""".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def check_size(n_bytes: int, name: str, max_bytes: int) -> None:
    if n_bytes > max_bytes:
        raise InputError(f"{name}: too large ({n_bytes:,} bytes; the limit is {max_bytes:,}); split it into articles")


def decode(data: bytes, name: str) -> str:
    """UTF-8 text (a BOM is allowed). Binary data and other encodings are refused."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    sample = data[:8192]
    if b"\x00" in sample or sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) * 0.02:
        raise InputError(f"{name}: binary data, not text (expected UTF-8 text, HTML, JSON Lines or a feed)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. `iconv -f WINDOWS-1252 -t UTF-8`"
        ) from None


def english_ratio(text: str) -> tuple[float, int, float]:
    """(share of English function words, number of words, share of non-Latin letters)."""
    words = _WORD.findall(text[:20000].lower())
    if not words:
        return 0.0, 0, 0.0
    letters = "".join(words)
    non_latin = sum(ch > "\u024f" for ch in letters) / len(letters)
    return sum(w in _ENGLISH for w in words) / len(words), len(words), non_latin


def check_english(text: str, name: str) -> None:
    ratio, n, non_latin = english_ratio(text)
    if n == 0:
        raise InputError(f"{name}: no words to analyse")
    if non_latin > 0.5 or (n >= 12 and ratio < 0.06):
        raise UnsupportedLanguage(f"{name}: the text is not in English; only English is supported for now")
