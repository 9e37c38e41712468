"""Text-level quantity parser: numbers, ranges, bounds, approximations and units.

``parse_quantities(text)`` needs no spaCy. It finds every number-like expression and
classifies it (``kind``): a ``count`` or ``measure`` is a quantity; a ``year``, ``date``,
``time``, ``age``, ``ordinal``, ``designation`` ("3rd Battalion", "Su-34") or ``phone``
is not a count, and :func:`kronika.quantities.find_quantities` drops it. Ranges keep
both ends and are never averaged; a qualifier ("approximately") is kept beside a range.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from kronika.quantities import lexicon as _lex

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_RE_DIGITS = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])|(?<![\w.])\.\d+(?![\d])")
_RE_MILLION_AFTER = re.compile(r"\s+(?:of\b|tons\b|tonnes\b|barrels\b|people\b|users\b|viewers\b|visitors\b|units\b|[a-z]+s\s+of\b)")
_RE_SCI = re.compile(r"\s?[×x]\s?10\^?([−-]?\d{1,3})(?!\d)")
_RE_FRACTION = re.compile(r"[/⁄](\d{1,3})(?![\d/])")
_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 32, 64, 100, 128})
_RE_ALPHA_BEFORE = re.compile(r"[A-Za-z$=]+$")
# clock times and ISO timestamps: "17:22", "1:36.6", "2019-09-01T10:38:07.190Z"
_RE_CLOCK = re.compile(r"\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?|(?<![\d,])\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s?[ap]\.?m\.?)?")
_RE_MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?\s*$", re.IGNORECASE)
_RE_MONTH_AFTER = re.compile(rf"^\s*(?:of\s+)?(?:{MONTHS})\b", re.IGNORECASE)
_RE_TIME_AFTER = re.compile(r"^(?::\d{2}|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|hrs\b|h\b(?=\s)))", re.IGNORECASE)
_RE_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_RE_DESIGNATION_BEFORE = re.compile(
    r"(?:\b(?:[A-Z][A-Za-z]{0,3}-|No\.\s?|#|\bNumber\s|\b(?:Battalion|Brigade|Division|Regiment|Corps|Army|Squadron|Fleet|"
    r"Model|Section|Row|Route|Highway|Article|Resolution|Flight|Room|Suite|Chapter|Page|Gate|Terminal|Block|Building|"
    r"Unit|Zone|District|Sector|Platform|Level|Phase|Stage|Round|Game|Week|Day|Episode|Season|Iteration|Version|Type|"
    r"Class|Grade|Category|Mark|Mk|Pegasus|Windows|iPhone|Galaxy|Tier|Station|Camp|Base|Point|Hill|Height|Channel|Planet|"
    r"category|game|channel|route|section|chapter|page|room|level|phase|stage|round|article|gate|terminal)\s+))$"
)
_RE_DESIGNATION_AFTER = re.compile(r"^(?:[A-Za-z]{1,2}\d|-[A-Z]\b|[A-Z](?![a-z]))")
_RE_PHONE = re.compile(r"^\+?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|^\d{3}-\d{4}\b")
_RE_PHONE_ANY = re.compile(r"\+?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\d{3}-\d{4}\b|\+\d{1,3}[\s-]\d{2,4}[\s-]\d{3,4}[\s-]?\d{0,4}\b")
_RE_AGE_BEFORE = re.compile(r"\b(?:aged?|age of|ages|at the age of)\s*$", re.IGNORECASE)
_RE_RANGE_SEP = re.compile(r"^\s*(?:to|-|–|—|or|and)\s*$|^(?:-|–)$", re.IGNORECASE)
_RE_BETWEEN = re.compile(r"\b(between|from)\s+$", re.IGNORECASE)
_RE_NO_ONE = re.compile(
    r"\b(?:no|any|every|each|the|this|that|same|only|which|last|next|other|little|right|wrong|new|old|another|big|small)\s+$",
    re.IGNORECASE,
)
_RE_ADDRESS_AFTER = re.compile(
    r"\s+(?:[A-Z][\w.]*\s+){0,3}(?:St|Street|Rd|Road|Way|Ave|Avenue|Blvd|Boulevard|Lane|Ln|Drive|Dr|Place|Pl|Court|Ct|"
    r"Square|Sq|Highway|Hwy|ZIP|Zip)\b"
)
_RE_ACRONYM_BEFORE = re.compile(r"(?<![\w&/])(?:[A-Z][A-Z&/]*[A-Z]|[A-Z]&[A-Z])\s$")
_RE_ERA = re.compile(r"(?:\bA\.?D\.?|\bB\.?C\.?E?\.?)\s*$")
_RE_ERA_AFTER = re.compile(r"^\s*(?:AD|A\.D\.|BC|B\.C\.|BCE|CE)\b")
# a capitalized name right before a bare number: "Apple Watch 5", "Fortune 100", "Planet 9"
_RE_NAME_BEFORE = re.compile(r"(?<![.!?:;]\s)(?<!^)\b([A-Z][A-Za-z&]*)\s$")
_NOT_NAMES = frozenset(
    "In On At By About Around From To For With The A An Of Some Over Under Nearly Almost Up Only Just All And But Or "
    "Since Until Between Than Roughly Approximately Another Its Their His Her Our My Your These Those This That When "
    "After Before While If As Here There Now Then Still Also Even Including Per Least More Less Fewer Top Last First "
    "Next Past Within Into Across Among Against During Some Nearly Killed Wounded Captured Total Sent Deployed".split()
)
_RE_UP = re.compile(
    r"\b(?:up|rose|rise|rises|risen|rising|increased?|increases|increasing|grew|grow|grows|growing|gained|gains?|"
    r"jumped|jumps?|climbed|climbs?|surged?|surges|soared|soars?|added|adds|boosted|higher|raised|raises?|expanded)"
    r"(?:\s+(?:by|to|some|nearly|almost|about|around|roughly|another|an?\s+additional|over|more\s+than))*\s*$",
    re.IGNORECASE,
)
_RE_DOWN = re.compile(
    r"\b(?:down|fell|fall|falls|fallen|falling|dropped|drops?|declined?|declines|declining|decreased?|decreases|"
    r"lower|lost|loses?|cut|cuts|slid|slides?|slumped|slumps?|plunged?|plunges|tumbled?|tumbles|shed|sheds|sank|sinks?|"
    r"dipped|dips?|reduced|reduces?|shrank|shrinks?|eased|eases?|lowered)"
    r"(?:\s+(?:by|to|some|nearly|almost|about|around|roughly|another|over|more\s+than))*\s*$",
    re.IGNORECASE,
)
_RE_NEGATIVE = re.compile(r"(?<![\w\d])-$")


@dataclass(frozen=True)
class ParsedQuantity:
    """A number-like expression in the text and its reading."""

    start: int
    end: int
    text: str
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    qualifier: str = "exact"
    qualifier_text: Optional[str] = None
    unit: Optional[str] = None
    unit_name: Optional[str] = None
    unit_text: Optional[str] = None
    vague: bool = False
    kind: str = "count"  # count, measure, age, year, date, time, ordinal, designation, phone
    number_start: int = 0
    number_end: int = 0
    change: Optional[str] = None  # "up" / "down": "rose by 5%", "fell 3 points"

    @property
    def is_quantity(self) -> bool:
        return self.kind in ("count", "measure")


@dataclass
class _Num:
    start: int
    end: int
    value: float
    word: bool
    scaled: bool = False
    scale: float = 1.0
    vague: Optional[tuple[float, float]] = None


def _word_value(text: str, lex: _lex.Lexicon) -> Optional[float]:
    """Value of a run of number words: 'twenty-five', 'a dozen', 'two hundred thousand'."""
    parts = [p for p in re.split(r"[\s-]+", text.lower()) if p and p != "and"]
    total, current, seen = 0.0, 0.0, False
    for p in parts:
        if p in ("a", "an"):
            current = current or 1.0
            continue
        if p in lex.number_words:
            v = lex.number_words[p]
            if p == "dozen":
                current = (current or 1.0) * 12
            elif p == "half":
                current = (current or 1.0) * 0.5
            else:
                current += v
            seen = True
        elif p in lex.scales:
            scale = lex.scales[p]
            if scale >= 1000:
                total += (current or 1.0) * scale
                current = 0.0
            else:
                current = (current or 1.0) * scale
            seen = True
        else:
            return None
    return total + current if seen else None


def _numbers(text: str, lex: _lex.Lexicon) -> list[_Num]:
    found: list[_Num] = []
    blocked = [(m.start(), m.end()) for m in _RE_CLOCK.finditer(text)]
    for m in _RE_DIGITS.finditer(text):
        if any(s <= m.start() < e for s, e in blocked):
            continue
        if m.start() and text[m.start() - 1].isalpha() or text[m.start() - 1 : m.start()] in ("$", "="):
            # letters glued to the digits: only a currency prefix ("USD10m", "RM23.50") keeps it a number
            alpha = _RE_ALPHA_BEFORE.search(text, max(0, m.start() - 5), m.start())
            if alpha is None or not lex.re_unit_before.fullmatch(alpha.group()) and not lex.re_unit_before.search(text, max(0, m.start() - 5), m.start()):
                continue
            if alpha.start() and text[alpha.start() - 1].isalnum():
                continue
        value = float(m.group().replace(",", ""))
        end = m.end()
        sci = _RE_SCI.match(text, end)
        frac = _RE_FRACTION.match(text, end)
        if sci is not None:  # "1.99×10−30"
            value *= 10 ** int(sci.group(1).replace("−", "-"))
            end = sci.end()
            blocked.append((m.end(), end))
        elif frac is not None and not m.group().count(",") and int(frac.group(1)) in _DENOMINATORS:
            value /= int(frac.group(1))  # "1/2 pound", "1⁄32 of a US quart"
            end = frac.end()
            blocked.append((m.end(), end))
        elif re.match(r"[/⁄]\d", text[end : end + 2]) or re.search(r"\d[/⁄]$", text[max(0, m.start() - 2) : m.start()]):
            blocked.append((m.start(), m.end()))  # "9/11", "24/7", "$7/$9": not counts
            continue
        if any(s <= m.start() < e for s, e in blocked[:-1] if (s, e) != (m.end(), end)):
            continue
        found.append(_Num(m.start(), end, value, word=False))
    taken = [(n.start, n.end) for n in found] + blocked
    for m in lex.re_vague.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        low, high = lex.vague[m.group().lower()]
        found.append(_Num(m.start(), m.end(), low, word=True, vague=(low, high)))
        taken.append((m.start(), m.end()))
    for m in lex.re_words.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        phrase = m.group()
        low = phrase.lower()
        if low in ("a", "an", "half", "a half", "an half") or low.startswith(("half", "a half")):
            continue
        if low in lex.scales and low not in ("hundred", "thousand", "million", "billion", "trillion"):
            continue
        first_word = re.split(r"[\s-]+", low)[0]
        if first_word in ("hundred", "thousand", "million", "billion", "trillion"):
            continue  # a bare scale word is part of a digit number ("1.5 million", "4 hundred million")
        if low == "one" and (_RE_NO_ONE.search(text, 0, m.start()) or re.match(r"\s+(?:another|of us)\b", text[m.end():])):
            continue
        value = _word_value(phrase, lex)
        if value is None:
            continue
        last = re.split(r"[\s-]+", low)[-1]
        scale = lex.scales.get(last, 1.0) if last in ("hundred", "thousand", "million", "billion", "trillion") else 1.0
        found.append(_Num(m.start(), m.end(), value, word=True, scaled=scale > 1, scale=scale))
    found.sort(key=lambda n: n.start)
    return found


def _apply_scale(text: str, n: _Num, lex: _lex.Lexicon, currency: bool) -> None:
    if n.vague:
        return
    m = lex.re_scale.match(text, n.end)
    if not m:
        return
    word = m.group(1).lower()
    gap = m.group(0)[: m.start(1) - m.start(0)]
    if len(word) <= 3:
        million = word == "m" and not gap and _RE_MILLION_AFTER.match(text, m.end()) is not None
        if gap or not (currency or million or word in ("bn", "mln", "k", "tn")):
            return
        if word == "m" and not currency and not _RE_MILLION_AFTER.match(text, m.end()):
            return
        if word == "k" and n.word:
            return
    n.value *= lex.scales[word]
    n.scale *= lex.scales[word]
    n.end = m.end()
    n.scaled = True
    # "4 hundred million"
    m2 = lex.re_scale.match(text, n.end)
    if m2 and len(m2.group(1)) > 3 and lex.scales[m2.group(1).lower()] > lex.scales[word]:
        n.value *= lex.scales[m2.group(1).lower()]
        n.scale *= lex.scales[m2.group(1).lower()]
        n.end = m2.end()


@functools.lru_cache(maxsize=1)
def _ci_map(lex: _lex.Lexicon) -> dict:
    return {s.lower(): u for s, u in lex.units_after.items() if len(s) > 3}


@functools.lru_cache(maxsize=1)
def _ci_units(lex: _lex.Lexicon) -> re.Pattern:
    alt = "|".join(re.escape(s) for s in sorted(_ci_map(lex), key=len, reverse=True))
    return re.compile(rf"[ \t]?-?({alt})(?![a-z])", re.IGNORECASE)


def _unit_after(text: str, pos: int, lex: _lex.Lexicon):
    m = lex.re_unit_after.match(text, pos)
    if m is None:
        # long unit words, case-insensitively ("Percent", "Square Kilometers")
        m = _ci_units(lex).match(text, pos)
        if m is None:
            return None
        return _ci_map(lex)[m.group(1).lower()], m.start(1), m.end(1)
    surface = m.group(1)
    return lex.units_after[surface], m.start(1), m.end(1)


def parse_quantities(text: str) -> list[ParsedQuantity]:
    """Every number-like expression in ``text`` with its value, range, qualifier, unit and kind."""
    lex = _lex.load()
    nums = _numbers(text, lex)
    out: list[ParsedQuantity] = []
    i = 0
    while i < len(nums):
        n = nums[i]
        phone = None if n.word else _RE_PHONE_ANY.match(text, max(0, n.start - 1) if text[n.start - 1 : n.start] == "(" else n.start)
        if phone is not None and not lex.re_unit_after.match(text, phone.end()):
            j = i
            while j + 1 < len(nums) and nums[j + 1].start < phone.end():
                j += 1
            out.append(ParsedQuantity(start=phone.start(), end=phone.end(), text=phone.group(), value=None, low=None,
                                      high=None, kind="phone", number_start=n.start, number_end=phone.end()))
            i = j + 1
            continue
        before = text[max(0, n.start - 40) : n.start]
        after = text[n.end : n.end + 40]
        # currency before the number
        cur = lex.re_unit_before.search(before)
        currency = cur is not None
        _apply_scale(text, n, lex, currency)
        start, end = n.start, n.end
        low = high = None
        value: Optional[float] = n.value
        qualifier, qualifier_text = "exact", None
        vague = n.vague is not None
        force_kind = None
        # range: "10,000 to 12,000", "10,000-12,000", "between 10 and 12", "two or three"
        if i + 1 < len(nums) and not vague:
            m2 = nums[i + 1]
            sep = text[n.end : m2.start]
            between = _RE_BETWEEN.search(text, 0, cur.start() + max(0, n.start - 40) if cur else n.start)
            # "5% to 10%", "1 per cent to 1.5 per cent", "$800,000 to $1.3 million": units repeated
            repeated = None
            u_first = _unit_after(text, n.end, lex)
            if u_first is not None and u_first[2] <= m2.start:
                repeated = u_first[0]
                sep = text[u_first[2] : m2.start]
            cur2 = lex.re_unit_before.search(sep)
            if cur2 is not None and currency:
                sep = sep[: cur2.start()]
            change_to = re.search(r"\bby\s+(?:US\$|\$|€|£|¥)?\s*$", text[max(0, n.start - 12) : n.start])
            sep_ok = bool(_RE_RANGE_SEP.match(sep)) and not (change_to and (currency or repeated is not None))
            if sep_ok and repeated is not None:
                _apply_scale(text, m2, lex, currency)
                u_second = _unit_after(text, m2.end, lex)
                sep_ok = u_second is not None and u_second[0].code == repeated.code
            if sep_ok and "and" in sep.lower() and not between:
                sep_ok = False
            if sep_ok and sep.strip() in ("-", "–") and (n.word != m2.word):
                sep_ok = False
            if sep_ok and sep.strip().lower() == "or" and not n.word:
                sep_ok = False
            if sep_ok and not m2.vague:
                _apply_scale(text, m2, lex, currency)
                lo, hi = n.value, m2.value
                if m2.scaled and not n.scaled and n.value * m2.scale <= m2.value:
                    # "1.8-2.7 billion", "four to five thousand": the first end takes the second's scale
                    lo = n.value * m2.scale
                phone = _RE_PHONE.match(text[n.start : m2.end + 5])
                raw = text[n.start : n.end]
                is_year_pair = "," not in raw and "." not in raw and not currency and repeated is None and (
                    (1900 <= lo <= 2100 and (1900 <= hi <= 2100 or hi < 100))
                    or (between is not None and 1000 <= lo <= 2100 and 1000 <= hi <= 2100)
                )
                if not is_year_pair and "," not in raw and "." not in raw and 1900 <= lo <= 2100 and not n.word and hi > 2100:
                    lo = hi + 1  # "in 2018 to 3.9 million": a year, then a figure — no range
                if is_year_pair:
                    force_kind = "year"
                if is_year_pair and not phone:
                    end = m2.end
                    i += 1
                if sep == "-" and lo < 10 and hi < 10 and not n.word and "." not in raw and repeated is None and not currency and _unit_after(text, m2.end, lex) is None:
                    force_kind = "score"  # "2-1", "2-2 on aggregate"
                    is_year_pair = True
                    end = m2.end
                    i += 1
                if not phone and not is_year_pair and lo <= hi:
                    low, high, value = lo, hi, None
                    qualifier = "range"
                    if between:
                        qualifier_text = between.group(1)
                        start = between.start(1)
                    end = m2.end
                    i += 1
        if vague:
            low, high, value = n.vague[0], n.vague[1], None
            qualifier = "vague"
        # unit after the number
        unit = unit_text = None
        u = _unit_after(text, end, lex)
        if u is not None:
            unit_obj, us, ue = u
            unit, unit_text = unit_obj, text[us:ue]
            end = ue
        if currency and unit is None:
            unit = lex.units_before[cur.group(1)]
            unit_text = cur.group(1)
            start = min(start, n.start - len(before) + cur.start(1))
        elif currency and unit is not None and unit.code == "percent":
            pass
        # qualifier before (possibly before a currency symbol)
        q_end = start
        qb = lex.re_qual_before.search(text, max(0, q_end - 30), q_end)
        if qb is not None:
            qtext = qb.group(1)
            q = lex.qualifiers_before[qtext.lower()]
            # "some"/"over"/"under"/"about" need a number right after (already true here);
            # "estimated" alone is only a qualifier for counts
            if qualifier == "range":
                qualifier = q if q == "approximately" else qualifier
                if qualifier != "range":
                    qualifier_text = qtext
            elif qualifier == "vague":
                qualifier_text = qtext
            else:
                qualifier, qualifier_text = q, qtext
            start = qb.start(1)
        qa = lex.re_qual_after.match(text, end)
        if qa is not None and qualifier in ("exact",):
            qtext = qa.group(1)
            if not (qtext.lower() == "plus" and re.match(r"\s+plus\s+(?:\d|[A-Z$])", text[end:])):
                qualifier, qualifier_text = lex.qualifiers_after[qtext.lower()], qtext
                end = qa.end(1)
        if qualifier in ("more_than", "at_least") and value is not None:
            low = value
        elif qualifier in ("less_than", "at_most") and value is not None:
            high = value
        if value is not None and re.search(r"\bminus[\s-]$", text[max(0, start - 6) : start], re.IGNORECASE):
            value, start = -value, start - len(re.search(r"minus[\s-]$", text[max(0, start - 6) : start], re.IGNORECASE).group())
        # negative numbers: "-1.3%"
        if value is not None and not n.word and _RE_NEGATIVE.search(text, max(0, n.start - 1), n.start) and qualifier == "exact":
            if n.start >= 2 and text[n.start - 2] in " (":
                value = -value
                start = n.start - 1
        kind = force_kind or _kind(text, n, start, end, unit, value, low, high, nums, i)
        window = text[max(0, start - 40) : start]
        change = "up" if _RE_UP.search(window) else ("down" if _RE_DOWN.search(window) else None)
        out.append(
            ParsedQuantity(
                start=start,
                end=end,
                text=text[start:end],
                value=value,
                low=low,
                high=high,
                qualifier=qualifier,
                qualifier_text=qualifier_text,
                unit=unit.code if unit else None,
                unit_name=unit.name if unit else None,
                unit_text=unit_text,
                vague=vague,
                kind=kind,
                number_start=n.start,
                number_end=n.end,
                change=change,
            )
        )
        i += 1
    for m in _RE_CLOCK.finditer(text):
        kind = "date" if "-" in m.group() else "time"
        out.append(ParsedQuantity(start=m.start(), end=m.end(), text=m.group(), value=None, low=None, high=None,
                                  kind=kind, number_start=m.start(), number_end=m.end()))
    out.sort(key=lambda p: p.start)
    return out


def _kind(text, n: _Num, start, end, unit, value, low, high, nums, i) -> str:
    before = text[max(0, n.start - 40) : n.start]
    after = text[n.end : n.end + 30]
    raw = text[n.start : n.end]
    if unit is not None and unit.code in ("age", "age_month"):
        return "age"
    if not n.word:
        if _RE_ORDINAL_AFTER.match(after):
            return "ordinal"
        if _RE_TIME_AFTER.match(after):
            return "time"
        if _RE_PHONE.match(text[n.start : n.start + 20]) and unit is None:
            return "phone"
        if _RE_MONTH_BEFORE.search(before) or _RE_MONTH_AFTER.match(after):
            if n.value <= 31 and "." not in raw and "," not in raw:
                return "date"
            if 1800 <= n.value <= 2100 and "," not in raw:
                return "year"
        if unit is None and not n.scaled and re.match(r"[A-Za-z]", after):
            # "49ers", "1980s", "3D"
            return "year" if re.fullmatch(r"\d{2,4}", raw) and after.startswith("s") and n.value % 10 == 0 else "designation"
        if unit is None and _RE_ADDRESS_AFTER.match(after):
            return "designation"  # "49 Zorro Ranch Road", "90049 ZIP Code"
        if unit is None and _RE_ACRONYM_BEFORE.search(before) and not re.match(r"\s+[a-z]+s\b", after):
            return "designation"  # "S&P 500", "FTSE 100", "HIV 2"
        if unit is None and "," not in raw and "." not in raw and value is not None and 1800 <= value <= 2199 and not n.scaled:
            if not re.match(r"^\s*(?:-|–)?\s*(?:troops|soldiers|people|civilians|strikes)\b", after):
                return "year"
        if _RE_DESIGNATION_BEFORE.search(before) or (_RE_DESIGNATION_AFTER.match(after) and unit is None):
            return "designation"
        if re.search(r"[A-Za-z]-?$", before) and not re.search(r"(?:US|[A-Z]{1,2})\$\s?$|\s$|[-–(]$", before) and unit is None:
            return "designation"  # "F16", "S400"
    if not n.word and (_RE_ERA.search(before) or _RE_ERA_AFTER.match(after)):
        return "year"
    if (
        not n.word and unit is None and value is not None and low is None and high is None and "," not in raw
        and start == n.start and re.match(r"\s*(?:$|[^a-z\s])", after)
    ):
        name = _RE_NAME_BEFORE.search(before)
        if name is not None and name.group(1) not in _NOT_NAMES:
            return "designation"
    if _RE_AGE_BEFORE.search(before):
        return "age"
    if not n.word and value is not None and value < 120 and re.search(r"[A-Z][\w’'.-]+,\s$", before) and after.startswith(","):
        return "age"  # "Jamie Armstrong, 25, said"
    if unit is not None and unit.code in ("year", "month", "week", "day", "h", "min") and text[n.end : n.end + 1] == "-" and re.match(r"\s+[a-z]", text[end : end + 3]):
        return "duration"  # "a five-year award", "a two-month contract"
    if n.word and re.match(r"^\s*(?:years? old|-year-old)", after):
        return "age"
    return "measure" if unit is not None else "count"


__all__ = ["ParsedQuantity", "parse_quantities"]
