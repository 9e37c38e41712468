"""Text-level quantity parser: numbers, ranges, bounds, approximations and units.

``parse_quantities(text)`` needs no spaCy. It finds every number-like expression and
classifies it (``kind``): a ``count`` or ``measure`` is a quantity; a ``year``, ``date``,
``time``, ``age``, ``ordinal``, ``designation`` ("3rd Battalion", "Su-34", "Challenger 2",
"3 Commando Brigade"), ``duration`` adjective ("a five-year term"), ``fraction`` ("two-thirds
of", "one in five") or ``phone`` is not a count, and :func:`kronika.quantities.find_quantities`
drops it. Ranges keep both ends and are never averaged; a qualifier ("approximately") is kept
beside a range. A change between two figures ("rose from 300 to 400", "fell to 8 from 10",
"20, up from 12") is not a range: ``value`` is the end figure, ``previous`` the start, and
``change`` says up or down. A unit written once serves the figures that share it ("from 4.8 to
4.7 percent", "3 or $4", "5- or 6-inch").
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import Optional

from kronika.quantities import changes as _changes
from kronika.quantities import lexicon as _lex

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_RE_DIGITS = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])|(?<![\w.])\.\d+(?![\d])")
# "2.7m" is a million (not metres) before what it counts: "2.7m combined digital and physical sales",
# "7m Ukrainians"; a distance goes on with a preposition or a dimension ("500m from", "a 10m wall")
_NOT_COUNTED = (
    r"(?:from|of|to|in|at|on|by|for|with|into|onto|across|away|along|around|off|long|high|wide|deep|tall|thick|"
    r"above|below|under|over|per|the|a|an|is|was|are|were|has|had|does|goes|says|seems|as|than|less|more|\w+wards)"
)
_RE_MILLION_AFTER = re.compile(
    r"\s+(?:of\b|tons\b|tonnes\b|barrels\b|people\b|users\b|viewers\b|visitors\b|units\b|[a-z]+s\s+of\b|"
    rf"(?:(?!{_NOT_COUNTED}\b)[a-z]+\s+){{0,4}}(?!{_NOT_COUNTED}\b)(?:[a-z]{{2,}}[^su\W]s|[A-Z][a-z]+[^su\W]s)\b)"
)
_RE_SCI = re.compile(r"\s?[×x]\s?10\^?([−-]?\d{1,3})(?!\d)")
_RE_FRACTION = re.compile(r"[/⁄](\d{1,3})(?![\d/])")
_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 32, 64, 100, 128})
_RE_ALPHA_BEFORE = re.compile(r"[A-Za-z$=]+$")
# clock times and ISO timestamps: "17:22", "1:36.6", "2019-09-01T10:38:07.190Z"
_RE_CLOCK = re.compile(
    r"\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?|(?<![\d,])\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s?[ap]\.?m\.?)?"
)
_RE_MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?\s*$", re.IGNORECASE)
_RE_MONTH_AFTER = re.compile(rf"^\s*(?:of\s+)?(?:{MONTHS})\b", re.IGNORECASE)
_RE_TIME_AFTER = re.compile(r"^(?::\d{2}|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|hrs\b|h\b(?=\s)))", re.IGNORECASE)
_RE_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_RE_DESIGNATION_BEFORE = re.compile(
    r"(?:\b(?:[A-Z][A-Za-z]{0,3}-|No\.\s?|#|\bNumber\s|\b(?:Part|Annex|Clause|Paragraph|Schedule|Protocol|"
    r"Battalion|Brigade|Division|Regiment|Corps|Army|Squadron|Fleet|"
    r"Model|Section|Row|Route|Highway|Article|Resolution|Flight|Room|Suite|Chapter|Page|Gate|Terminal|Block|Building|"
    r"Unit|Zone|District|Sector|Platform|Level|Phase|Stage|Round|Game|Week|Day|Episode|Season|Iteration|Version|Type|"
    r"Class|Grade|Category|Mark|Mk|Tier|Station|Camp|Base|Point|Hill|Height|Channel|"
    r"category|game|channel|route|section|chapter|page|room|level|phase|stage|round|article|gate|terminal)\s+))$"
)
_RE_DESIGNATION_AFTER = re.compile(r"^(?:[A-Za-z]{1,2}\d|-[A-Z]\b|[A-Z](?![a-z]))")
_RE_PHONE = re.compile(r"^\+?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|^\d{3}-\d{4}\b")
_RE_PHONE_ANY = re.compile(
    r"\+?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\d{3}-\d{4}\b|\+\d{1,3}[\s-]\d{2,4}[\s-]\d{3,4}[\s-]?\d{0,4}\b"
)
_RE_AGE_BEFORE = re.compile(r"\b(?:aged?|age of|ages|at the age of)\s*$", re.IGNORECASE)
# "10 to 12", "10-12", and with a suspended hyphen "10- to 15-kilometre"
_RE_RANGE_SEP = re.compile(r"^\s*(?:to|-|–|—|or|and)\s*$|^(?:-|–)$|^-\s+(?:to|or|and)\s+$|^-to-$", re.IGNORECASE)
_RE_UP_TO_SEP = re.compile(r"^\s+up\s+to\s+$", re.IGNORECASE)  # "from 5 up to 10 years"
# "3 or $4", "5- or 6-inch", "5 or 6 km": alternatives share the unit written once, after the last
_RE_OR_SEP = re.compile(r"-?\s+or\s+$", re.IGNORECASE)
# Patterns anchored at the end of the text before a number ("between ", "the ") are searched in
# this many characters before it, not from the start of the text (quadratic in a long text).
LOOKBACK = 200
_RE_BETWEEN = re.compile(r"\b(between|from)\s+(?:A\.?D\.?\s+)?$", re.IGNORECASE)  # "between A.D. 1000 and 1260"
_RE_NO_ONE = re.compile(
    r"\b(?:no|any|every|each|the|this|that|same|only|which|last|next|other|little|right|wrong|new|old|another|big|small)\s+$",
    re.IGNORECASE,
)
_RE_ADDRESS_AFTER = re.compile(
    r"\s+(?:(?:[A-Z][\w.]*|\d+(?:st|nd|rd|th))\s+){0,3}"  # "Old Mill Road", "W 12th St"
    r"(?:St|Street|Rd|Road|Way|Ave|Avenue|Blvd|Boulevard|Lane|Ln|Drive|Dr|Place|Pl|Court|Ct|"
    r"Square|Sq|Highway|Hwy|ZIP|Zip)\b"
)
_RE_ACRONYM_BEFORE = re.compile(r"(?<![\w&/])(?:[A-Z][A-Z&/]*[A-Z]|[A-Z]&[A-Z])\s$")
_RE_ERA = re.compile(r"(?:\bA\.?D\.?|\bB\.?C\.?E?\.?)\s*$")
_RE_ERA_AFTER = re.compile(r"^\s*(?:AD|A\.D\.|BC|B\.C\.|BCE|CE)\b")
# a capitalized name right before a bare number: "Leopard 2", "MOEX 50", "Route 66", "the iPhone 11"
_RE_NAME_BEFORE = re.compile(r"(?<![.!?:;]\s)(?<!^)\b([a-z]?[A-Z][A-Za-z&]*)\s$")
_RE_WORD_BEFORE_NAME = re.compile(r"\b([A-Za-z]+)\s+\S+\s$")
# what may follow a name's number: the end, punctuation, a capital, or a word that is not a plural
# noun ("the Fortune 500 on its list", "the Pixel 4 and", "a Formula 1 team"; not "told Reuters 20 people")
_RE_AFTER_NAME = re.compile(r"\s*(?:$|[^a-z\s])|\s+(?P<word>[a-z]+)\b")
_NOT_PLURALS = frozenset("as is was has its his this thus plus versus across unless".split())
_PLURALS = frozenset(
    "people men women children police staff personnel crew aircraft cattle sheep fish deer "
    "livestock infantry militia".split()
)
# a rank, not a count: "the bottom three.", "a last-32 appearance", "finished in the top 10 in"
_RE_RANK_BEFORE = re.compile(r"\b(?:top|bottom|last)(?:-|\s+)$", re.IGNORECASE)
# a single capital letter before a number: "S P 500" (the S&P 500 written without "&"), "Class B 2"
_RE_LETTER_BEFORE = re.compile(r"(?<![\w&.])[B-HJ-Z]\s$")
# a fraction is a proportion, not a count: "two-thirds of", "a third of the city", "one in three"
_ORDINAL_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
_DENOMINATOR_STEMS = ("half", "third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_SMALL = "a|an|one|two|three|four|five|six|seven|eight|nine|ten"
_RE_FRACTION_WORDS = re.compile(
    rf"\b({_SMALL})(?:-|\s+)(halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b"
    r"(?=(-|\s+(?:of|the|a|an|their|its|his|her|our|all)\b))?",  # group 3: what makes it a fraction
    re.IGNORECASE,
)
_RE_ONE_IN = re.compile(
    rf"\b({_SMALL}|\d{{1,2}})\s+(?:in|out\s+of)\s+(?:every\s+)?({_SMALL}|\d{{1,3}})\b"
    r"(?!\s+(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|attacks?|strikes?|games?|matches?)\b)",
    re.IGNORECASE,
)
# a model or formation named by a word and a number: "14 Challenger 2 tanks", "supplied Leopard 2 tanks"
# (not "in Bakhmut 20 soldiers died": a place after a preposition, then a count)
_RE_NAME_MODEL = re.compile(r"(?:^|(?<=\s))([a-z]+|\d[\d,.]*)\s+([A-Z][A-Za-z&]*)\s$")
_PREPOSITIONS = frozenset(
    "in on at near from to into across around outside inside by since during after before over under through "
    "throughout within and or but than as of for with while when where said says say told".split()
)
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Yesterday Tomorrow".split())
# a numbered formation: "3 Commando Brigade", "47 Mechanized Brigade", "1 Corps" (not "5 Army officers")
_RE_FORMATION_AFTER = re.compile(
    r"^\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:Brigade|Battalion|Regiment|Division|Corps|Squadron|Army|Fleet|Flotilla|"
    r"Detachment|Wing|Group|Company|Commando|Command)\b(?!\s+[a-z]+s\b)"
)
# a stock index: "the Stoxx 600 index", "FTSE 100 Index"
_RE_INDEX_AFTER = re.compile(r"^\s+(?:index|Index|average|Average)\b")
# a number word that is part of a name or a grade: "BBC One", "the Kick Six", "category one hurricane"
_RE_GRADE_BEFORE = re.compile(r"\b(?:category|level|phase|stage|type|class|grade|tier)\s+$", re.IGNORECASE)
_RE_NAME_WORD_BEFORE = re.compile(r"(?:^|(?<=\s))([a-z][\w'’-]*)\s+((?:[A-Z][\w&'’-]*(?:\.[\w&'’-]+)*\s+){1,2})$")
_NOT_NAMES = frozenset(
    "In On At By About Around From To For With The A An Of Some Over Under Nearly Almost Up Only Just All And But Or "
    "Since Until Between Than Roughly Approximately Another Its Their His Her Our My Your These Those This That When "
    "After Before While If As Here There Now Then Still Also Even Including Per Least More Less Fewer Top Last First "
    "Next Past Within Into Across Among Against During Some Nearly Killed Wounded Captured Total Sent Deployed".split()
)
_RE_NEGATIVE = re.compile(r"(?<![\w\d])-$")
# A change between two figures: "from X to Y" is a change (not a range) when a word of change
# (changes.yaml, change_stems) governs it in the same clause; "to Y from X" after such a word,
# and "Y, up/down from X", are the same change told end first.
# what may stand between the first figure of "from X to Y" and "to": a time or place adjunct
# ("from 20 mpg in 2008 to 29 mpg", "from $912 at 6.10am to $874")
_RE_FROM_TO = re.compile(
    r"(?:,?\s+(?:in|on|at|by|during|as\s+of|since|last|a|an|the|this|that)\b(?:[^,;:.()!?\d]|\d|(?<=\d)\.(?=\d)){0,32}?"
    r"|(?:\s+(?!(?:and|or|but|which|who|that|while|up|down|to)\b)[a-z]+){1,2})?"
    r"\s+to\s+",
    re.IGNORECASE,
)
# between the end figure (and its noun) and "from" in "to Y lots from X", "Y, up from X"
_RE_Y_FROM = re.compile(
    r"(?P<words>(?:\s+(?!(?:and|or|but|while|which|who|that|from|to|in|of|for|with)\b)[a-z]+){0,3}),?\s+"
    r"(?P<dir>(?:up|down)\s+)?from\s+(?:the\s+)?",
    re.IGNORECASE,
)
_RE_CLAUSE_END = re.compile(r"[.;:!?()\[\]]|,(?=.)")
_RE_RANGE_NEXT = re.compile(r"\s*(?:-|–|—|to\b|and\b)\s*(?:[$€£¥]|US\s?\$)?\s*\d", re.IGNORECASE)


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
    kind: str = "count"  # count, measure, age, year, date, time, ordinal, designation, phone, fraction, duration
    number_start: int = 0
    number_end: int = 0
    change: Optional[str] = None  # "up" / "down": "rose by 5%", "fell 3 points", "rose to 400"
    # a change between two figures ("rose from 300 to 400", "fell to 8 from 10", "400, up from 300"):
    # ``value`` is the end (the current figure), ``previous`` the start; not a range
    previous: Optional[float] = None

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
    fraction: bool = False


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
    """Every number in ``text``, in order: digits, then (where no digit number is) fractions in words,
    multiples ("sixfold"), proportions ("one in five"), vague amounts ("dozens") and number words."""
    found, blocked = _digit_numbers(text, lex)
    taken = [(n.start, n.end) for n in found] + blocked
    lowered = text.lower()
    if any(w in lowered for w in _DENOMINATOR_STEMS):
        _fraction_words(text, lex, found, taken)
    if "fold" in lowered:
        _fold_words(text, lex, found, taken)
    if " in " in lowered or " out of " in lowered:
        found = _one_in(text, lex, found, taken)
    _vague_words(text, lex, found, taken)
    _number_words(text, lex, found, taken)
    found.sort(key=lambda n: n.start)
    return found


def _glued_letters(text: str, m: re.Match, lex: _lex.Lexicon) -> bool:
    """Letters glued to the digits ("F16", "S400"): not a number, save after a currency prefix
    ("USD10m", "RM23.50")."""
    if not (m.start() and text[m.start() - 1].isalpha() or text[m.start() - 1 : m.start()] in ("$", "=")):
        return False
    alpha = _RE_ALPHA_BEFORE.search(text, max(0, m.start() - 5), m.start())
    if (
        alpha is None
        or not lex.re_unit_before.fullmatch(alpha.group())
        and not lex.re_unit_before.search(text, max(0, m.start() - 5), m.start())
    ):
        return True
    return bool(alpha.start() and text[alpha.start() - 1].isalnum())


def _digit_numbers(text: str, lex: _lex.Lexicon) -> tuple[list[_Num], list[tuple[int, int]]]:
    """Numbers in digits ("1,200", "1.99×10−30", "1/2") and the spans no other number may take
    (clock times, "9/11", the tails of scientific notation and fractions)."""
    found: list[_Num] = []
    blocked = [(m.start(), m.end()) for m in _RE_CLOCK.finditer(text)]
    for m in _RE_DIGITS.finditer(text):
        if any(s <= m.start() < e for s, e in blocked) or _glued_letters(text, m, lex):
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
            value /= int(frac.group(1))  # "1/2 mile", "1⁄16 of an inch"
            end = frac.end()
            blocked.append((m.end(), end))
        elif re.match(r"[/⁄]\d", text[end : end + 2]) or re.search(r"\d[/⁄]$", text[max(0, m.start() - 2) : m.start()]):
            blocked.append((m.start(), m.end()))  # "9/11", "24/7", "$7/$9": not counts
            continue
        if any(s <= m.start() < e for s, e in blocked[:-1] if (s, e) != (m.end(), end)):
            continue
        found.append(_Num(m.start(), end, value, word=False))
    return found, blocked


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in taken)


def _fraction_words(text: str, lex: _lex.Lexicon, found: list[_Num], taken: list[tuple[int, int]]) -> None:
    """'two-thirds of', 'a third of the city' (not the ordinals 'a third attack', 'the third quarter')."""
    for m in _RE_FRACTION_WORDS.finditer(text):
        num, den = m.group(1).lower(), m.group(2).lower()
        hyphen_plural = m.group(0)[len(m.group(1))] == "-" and den.endswith("s")
        if not (hyphen_plural or m.group(3)):
            continue  # "a third attack", "the third quarter": ordinals
        if num in ("a", "an") and den.endswith("s") or _overlaps(m.start(), m.end(), taken):
            continue
        value = (1.0 if num in ("a", "an") else lex.number_words[num]) / _ORDINAL_DENOMINATORS[den]
        found.append(_Num(m.start(), m.end(), value, word=True, fraction=True))
        taken.append((m.start(), m.end()))


def _fold_words(text: str, lex: _lex.Lexicon, found: list[_Num], taken: list[tuple[int, int]]) -> None:
    """'sixfold', 'a hundredfold': the number word glued to "fold" (a multiple, unit "times")."""
    for m in _re_fold(lex).finditer(text):
        word = m.group(1).lower()
        value = lex.number_words.get(word) or (lex.scales.get(word) if word in ("hundred", "thousand") else None)
        if value and not _overlaps(m.start(), m.end(), taken):
            found.append(_Num(m.start(), m.end(), float(value), word=True))
            taken.append((m.start(), m.end() + 4))


def _one_in(text: str, lex: _lex.Lexicon, found: list[_Num], taken: list[tuple[int, int]]) -> list[_Num]:
    """'one in five', '1 out of 10': a proportion, replacing the two numbers inside it."""
    for m in _RE_ONE_IN.finditer(text):
        a, b = m.group(1).lower(), m.group(2).lower()
        va = float(a) if a.isdigit() else (1.0 if a in ("a", "an") else lex.number_words[a])
        vb = float(b) if b.isdigit() else (1.0 if b in ("a", "an") else lex.number_words[b])
        inside = {(n.start, n.end) for n in found if m.start() <= n.start and n.end <= m.end() and not n.vague}
        if "out" in m.group().lower() and va != 1:
            continue  # "13 out of 19 crew members": a part and its total, both counts
        if not 0 < va < vb or any(s < m.end() and m.start() < e for s, e in taken if (s, e) not in inside):
            continue
        found = [n for n in found if (n.start, n.end) not in inside]
        found.append(_Num(m.start(), m.end(), va / vb, word=not (a.isdigit() and b.isdigit()), fraction=True))
        taken.append((m.start(), m.end()))
    return found


def _vague_words(text: str, lex: _lex.Lexicon, found: list[_Num], taken: list[tuple[int, int]]) -> None:
    """'dozens', 'hundreds of': a vague amount, kept as its (low, high)."""
    for m in lex.re_vague.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        low, high = lex.vague[m.group().lower()]
        found.append(_Num(m.start(), m.end(), low, word=True, vague=(low, high)))
        taken.append((m.start(), m.end()))


_SCALE_WORDS = ("hundred", "thousand", "million", "billion", "trillion")


def _number_words(text: str, lex: _lex.Lexicon, found: list[_Num], taken: list[tuple[int, int]]) -> None:
    """'twenty-five', 'two hundred thousand' (not "a", "half", a bare scale word, nor "no one")."""
    for m in lex.re_words.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        phrase = m.group()
        low = phrase.lower()
        if low in ("a", "an", "half", "a half", "an half") or low.startswith(("half", "a half")):
            continue
        if low in lex.scales and low not in _SCALE_WORDS:
            continue
        words = re.split(r"[\s-]+", low)
        if words[0] in _SCALE_WORDS:
            continue  # a bare scale word is part of a digit number ("1.5 million", "4 hundred million")
        if low == "one" and (
            _RE_NO_ONE.search(text, max(0, m.start() - LOOKBACK), m.start())
            or re.match(r"\s+(?:another|of us)\b", text[m.end() :])
        ):
            continue
        value = _word_value(phrase, lex)
        if value is None:
            continue
        scale = lex.scales.get(words[-1], 1.0) if words[-1] in _SCALE_WORDS else 1.0
        found.append(_Num(m.start(), m.end(), value, word=True, scaled=scale > 1, scale=scale))


@functools.lru_cache(maxsize=1)
def _re_fold(lex: _lex.Lexicon) -> re.Pattern:
    words = [w for w in lex.number_words if w not in ("zero", "half", "dozen")] + ["hundred", "thousand"]
    return re.compile(rf"\b({'|'.join(sorted(words, key=len, reverse=True))})(?=fold\b)", re.IGNORECASE)


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
def _caps_map(lex: _lex.Lexicon) -> dict:
    """Short unit words written in capitals ('YEN', 'TONS'): matched only when all capitals."""
    return {s.upper(): u for s, u in lex.units_after.items() if len(s) == 3 and s.isalpha() and s.islower()}


@functools.lru_cache(maxsize=1)
def _caps_units(lex: _lex.Lexicon) -> re.Pattern:
    alt = "|".join(re.escape(s) for s in sorted(_caps_map(lex), key=len, reverse=True))
    return re.compile(rf"[ \t]?-?({alt})(?![A-Za-z])")


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
            m = _caps_units(lex).match(text, pos)
            if m is None:
                return None
            return _caps_map(lex)[m.group(1)], m.start(1), m.end(1)
        return _ci_map(lex)[m.group(1).lower()], m.start(1), m.end(1)
    surface = m.group(1)
    return lex.units_after[surface], m.start(1), m.end(1)


@functools.lru_cache(maxsize=1)
def _re_lead(lex: _lex.Lexicon) -> re.Pattern:
    """A qualifier and/or a currency right before a number: 'about ', '$', 'about US$ '."""
    curs = "|".join(re.escape(c) for c in sorted(lex.units_before, key=len, reverse=True))
    return re.compile(rf"(?:(?P<qual>(?i:{_quals_alt(lex)}))\s+)?(?P<cur>(?:{curs})\s?)?")


@functools.lru_cache(maxsize=1)
def _quals_alt(lex: _lex.Lexicon) -> str:
    return "|".join(re.escape(q) for q in sorted(lex.qualifiers_before, key=len, reverse=True))


def _clause_before(text: str, pos: int, floor: int) -> str:
    """The words before ``pos`` in the same clause, not reaching back past ``floor`` (the last number)."""
    w = text[max(floor, pos - 80) : pos]
    cut = 0
    for m in _RE_CLAUSE_END.finditer(w):
        if m.group() == "," and not w[m.end() :].strip():
            continue  # "creeping upward, from 20 mpg ..."
        if m.group() == "." and 0 < m.start() and w[m.start() - 1].isdigit() and w[m.end() : m.end() + 1].isdigit():
            continue
        cut = m.end()
    return w[cut:]


def _year_like(text: str, n: _Num, unit) -> bool:
    raw = text[n.start : n.end]
    four_digits = re.fullmatch(r"\d{4}", raw) is not None
    return unit is None and not n.word and not n.scaled and four_digits and 1800 <= n.value <= 2100


def _pair_unit(ux, uy, cx, cy):
    """The one unit of both figures of a change, or False when they disagree ('5 km to 3 miles')."""
    ux = ux or cx
    uy = uy or cy
    if ux is not None and uy is not None and ux.code != uy.code:
        return False
    return uy or ux


def _figure(text: str, nums: list, j: int, lex: _lex.Lexicon, pos: int):
    """The number starting at ``pos`` (after an optional qualifier and currency), scaled, with its unit."""
    lead = _re_lead(lex).match(text, pos)
    if lead is None:  # every part of the lead is optional: it always matches
        return None
    at = lead.end()
    while j < len(nums) and nums[j].start < at:
        j += 1
    if j >= len(nums) or nums[j].start != at or nums[j].vague:
        return None
    n = nums[j]
    cur = lead.group("cur")
    currency = lex.units_before.get(cur.rstrip()) if cur else None
    _apply_scale(text, n, lex, currency is not None)
    u = _unit_after(text, n.end, lex)
    return {
        "j": j,
        "n": n,
        "qual": lead.group("qual"),
        "start": pos,
        "cur": currency,
        "unit": u[0] if u else None,
        "unit_text": text[u[1] : u[2]] if u else None,
        "end": u[2] if u else n.end,
    }


def _bad_end(text: str, f) -> bool:
    """A figure that cannot be one end of a change: a clock time, an ordinal, a date, the start of a range."""
    rest = text[f["n"].end : f["n"].end + 12]
    if _RE_TIME_AFTER.match(rest) or _RE_ORDINAL_AFTER.match(rest) or _RE_MONTH_AFTER.match(rest):
        return True
    return re.match(r"\s*(?:-|–|—)\s*\d", text[f["end"] : f["end"] + 6]) is not None


def _scale_start(x: _Num, y: _Num, ux) -> None:
    """'from 1.5 to 2 million': the first figure takes the second's scale when that keeps them comparable."""
    if y.scaled and not x.scaled and ux is None and y.value:
        ratio = x.value * y.scale / y.value
        if 0.1 <= ratio <= 10:
            x.value *= y.scale
            x.scale = y.scale
            x.scaled = True


def _change_from_to(text: str, nums: list, i: int, lex: _lex.Lexicon, floor: int):
    """'rose from 300 to 400 (to 500)': (position of 'from', [(start figure, end figure, unit), ...])."""
    x = nums[i]
    window = text[max(0, x.start - 40) : x.start]
    m = None
    for m in re.finditer(r"\bfrom\s+", window, re.IGNORECASE):
        pass
    if m is None:
        return None
    from_at = max(0, x.start - 40) + m.start()
    fx = _figure(text, nums, i, lex, from_at + len(m.group()))
    if fx is None or fx["j"] != i:
        return None
    if not _changes.load().re_change_word.search(_clause_before(text, from_at, floor)):
        return None
    chain = [fx]
    while True:
        mt = _RE_FROM_TO.match(text, chain[-1]["end"])
        if mt is None:
            break
        fy = _figure(text, nums, chain[-1]["j"] + 1, lex, mt.end())
        if fy is None:
            break
        chain.append(fy)
    if not 2 <= len(chain) <= 3 or any(_bad_end(text, f) for f in chain):
        return None  # "from 20 to 25 per cent to 10 to 15 per cent" (a range to a range), "from 6.10am to 9.40am"
    if all(_year_like(text, f["n"], f["unit"] or f["cur"]) for f in chain):
        return None  # "grew from 1990 to 2000": years
    pairs = []
    for a, b in zip(chain, chain[1:]):
        unit = _pair_unit(a["unit"], b["unit"], a["cur"], b["cur"])
        if unit is False:
            return None
        pairs.append((a, b, unit))
    for a, b, _ in pairs:
        _scale_start(a["n"], b["n"], a["unit"] or a["cur"])
    return from_at, pairs


def _change_to_from(text: str, nums: list, i: int, lex: _lex.Lexicon):
    """'fell to 8 from 10', '400 killed, up from 300': (end figure, start figure, unit, 'up'/'down'/None)."""
    y = nums[i]
    if i + 1 >= len(nums):
        return None
    ys = y.start
    cur = lex.re_unit_before.search(text, max(0, y.start - 6), y.start)
    if cur is not None:
        ys = cur.start(1)
    fy = _figure(text, nums, i, lex, ys)
    if fy is None or fy["j"] != i:
        return None
    m = _RE_Y_FROM.match(text, fy["end"])
    if m is None:
        return None
    if not m.group("dir"):
        to = re.search(rf"\bto\s+(?:(?:{_quals_alt(lex)})\s+)?$", text[max(0, ys - 40) : ys], re.IGNORECASE)
        # the word of change may stand before a first figure: "rose 60% to 3.9 million from 2.4 million"
        if to is None or not _changes.load().re_change_word.search(
            _clause_before(text, max(0, ys - 40) + to.start(), 0)
        ):
            return None
    fx = _figure(text, nums, i + 1, lex, m.end())
    if fx is None or fx["j"] != i + 1 or _bad_end(text, fx) or _bad_end(text, fy):
        return None
    if _year_like(text, fx["n"], fx["unit"] or fx["cur"]):
        return None  # "rose to 400 from 2019 levels"
    if _RE_RANGE_NEXT.match(text[fx["end"] : fx["end"] + 12]):
        return None  # "to $84 billion, down from the $89 to $93 billion": from a range
    unit = _pair_unit(fx["unit"], fy["unit"], fx["cur"], fy["cur"])
    if unit is False:
        return None
    _scale_start(fx["n"], fy["n"], fx["unit"] or fx["cur"])
    return fy, fx, unit, m.group("dir")


def _pair_quantity(text, nums, lex, start, a, b, unit, direction=None, end=None, qual=None):
    """One quantity for a change: the end figure ``b`` as value, the start figure ``a`` as previous."""
    y, x = b["n"], a["n"]
    end = b["end"] if end is None else end
    qualifier, qualifier_text = "exact", None
    qual = qual or b["qual"]
    if qual:
        qualifier, qualifier_text = lex.qualifiers_before[qual.lower()], qual
    value = y.value
    low = value if qualifier in ("more_than", "at_least") else None
    high = value if qualifier in ("less_than", "at_most") else None
    kind = _kind(text, y, y.start, end, unit, value, low, high, nums, b["j"])
    if kind == "year" and not _year_like(text, x, unit):
        kind = "count"  # "from 1500 to 1800 recruits": not a year when the other figure is not one
    if kind not in ("count", "measure"):
        return None
    unit_text = b["unit_text"] or a["unit_text"]
    if unit_text is None and unit is not None:
        unit_text = next((s for s, u in lex.units_before.items() if u is unit), None)
    if direction is None:
        direction = "up" if y.value > x.value else ("down" if y.value < x.value else None)
    return ParsedQuantity(
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
        kind=kind,
        number_start=y.start,
        number_end=y.end,
        change=direction,
        previous=x.value,
    )


def _changes_at(text: str, nums: list, i: int, lex: _lex.Lexicon):
    """The change(s) read at ``nums[i]``, as (quantity, index of the other figure), or None."""
    n = nums[i]
    if n.vague or n.fraction:
        return None
    floor = nums[i - 1].end if i else 0
    before_from = "from" in text[max(0, n.start - 40) : n.start].lower()
    found = _change_from_to(text, nums, i, lex, floor) if before_from else None
    if found is not None:
        from_at, pairs = found
        out = []
        for k, (a, b, unit) in enumerate(pairs):
            q = _pair_quantity(text, nums, lex, from_at if k == 0 else a["start"], a, b, unit)
            if q is None:
                return None
            out.append((q, b["j"]))
        return out
    found = _change_to_from(text, nums, i, lex) if "from" in text[n.end : n.end + 60].lower() else None
    if found is not None:
        fy, fx, unit, direction = found
        start, qual = fy["start"], fy["qual"]
        qb = lex.re_qual_before.search(text, max(0, start - 30), start)
        if qb is not None and qual is None:
            start, qual = qb.start(1), qb.group(1)
        d = direction.strip().lower() if direction else None
        # the mention is the end figure ("At least 20" in "At least 20 civilians were killed, up from 12"):
        # the counted noun and the verb stay outside it; the start figure is kept as ``previous``
        q = _pair_quantity(text, nums, lex, start, fx, fy, unit, direction=d, qual=qual)
        if q is not None:
            return [(q, fx["j"])]
    return None


def _shared_unit(text: str, n: _Num, nxt: _Num, end: int, lex: _lex.Lexicon):
    """The unit a number shares with the alternative after it: '8 or $9' (dollars), '7- or 8-inch' (inches)."""
    sep = text[end : nxt.start]
    cur = lex.re_unit_before.search(sep)
    if cur is not None:
        sep = sep[: cur.start()]
    if nxt.vague or not _RE_OR_SEP.fullmatch(sep):
        return None
    _apply_scale(text, nxt, lex, cur is not None)
    u = _unit_after(text, nxt.end, lex)
    unit = u[0] if u is not None else (lex.units_before[cur.group(1)] if cur is not None else None)
    if unit is None or unit.code in ("age", "age_month"):
        return None
    if nxt.scaled and not n.scaled and nxt.value and 0.1 <= n.value * nxt.scale / nxt.value <= 10:
        return unit, nxt.scale  # "5 or 6 million barrels"
    return unit, 1.0


def parse_quantities(text: str) -> list[ParsedQuantity]:
    """Every number-like expression in ``text`` with its value, range, qualifier, unit and kind."""
    lex = _lex.load()
    nums = _numbers(text, lex)
    out: list[ParsedQuantity] = []
    consumed: set[int] = set()  # the other figure of a change already read
    i = 0
    while i < len(nums):
        if i in consumed:
            i += 1
            continue
        changes = _changes_at(text, nums, i, lex)
        if changes:
            for q, j in changes:
                out.append(q)
                consumed.add(j)
            i += 1
            continue
        phone = _phone_at(text, nums, i, lex)
        if phone is not None:
            q, i = phone
            out.append(q)
            continue
        q, i = _quantity_at(text, nums, i, lex, consumed)
        out.append(q)
        i += 1
    out.extend(_clock_times(text))
    out.sort(key=lambda p: p.start)
    return _conversions_share_change(text, out)


def _phone_at(text: str, nums: list[_Num], i: int, lex: _lex.Lexicon) -> Optional[tuple[ParsedQuantity, int]]:
    """A phone number starting at ``nums[i]``: (its reading, the index of the first number after it)."""
    n = nums[i]
    if n.word:
        return None
    phone = _RE_PHONE_ANY.match(text, max(0, n.start - 1) if text[n.start - 1 : n.start] == "(" else n.start)
    if phone is None or lex.re_unit_after.match(text, phone.end()):
        return None
    j = i
    while j + 1 < len(nums) and nums[j + 1].start < phone.end():
        j += 1
    q = ParsedQuantity(
        start=phone.start(),
        end=phone.end(),
        text=phone.group(),
        value=None,
        low=None,
        high=None,
        kind="phone",
        number_start=n.start,
        number_end=phone.end(),
    )
    return q, j + 1


def _clock_times(text: str) -> list[ParsedQuantity]:
    """Clock times and ISO timestamps ("17:22", "2019-09-01T10:38:07Z"): times and dates, not quantities."""
    return [
        ParsedQuantity(
            start=m.start(),
            end=m.end(),
            text=m.group(),
            value=None,
            low=None,
            high=None,
            kind="date" if "-" in m.group() else "time",
            number_start=m.start(),
            number_end=m.end(),
        )
        for m in _RE_CLOCK.finditer(text)
    ]


@dataclass
class _Reading:
    """One number's reading as the steps of :func:`_quantity_at` build it up."""

    n: _Num
    i: int  # the index of the last number read (the second end of a range)
    start: int
    end: int
    value: Optional[float]
    before: str  # the 40 characters before the number
    cur: Optional[re.Match]  # a currency before the number, matched in ``before``
    negative_money: bool = False  # "$-50.8bn"
    low: Optional[float] = None
    high: Optional[float] = None
    qualifier: str = "exact"
    qualifier_text: Optional[str] = None
    unit: Optional[_lex.Unit] = None
    unit_text: Optional[str] = None
    force_kind: Optional[str] = None


def _quantity_at(
    text: str, nums: list[_Num], i: int, lex: _lex.Lexicon, consumed: set[int]
) -> tuple[ParsedQuantity, int]:
    """The quantity read at ``nums[i]`` (a number, a range, a vague amount) and the index of its last number."""
    n = nums[i]
    r = _start_reading(text, n, i, lex)
    if i + 1 < len(nums) and n.vague is None and not n.fraction and i + 1 not in consumed:
        _read_range(text, nums, r, lex)
    if n.vague:
        r.low, r.high, r.value = n.vague[0], n.vague[1], None
        r.qualifier = "vague"
    _read_unit(text, nums, r, lex, consumed)
    _read_qualifier(text, r, lex)
    _read_sign(text, r)
    kind = r.force_kind or _kind(text, n, r.start, r.end, r.unit, r.value, r.low, r.high, nums, r.i)
    unit = r.unit
    if kind == "age" and unit is not None and unit.code in ("year", "month"):
        unit = lex.units["age" if unit.code == "year" else "age_month"]  # "under the age of 7 years"
    elif kind == "age" and unit is None and _RE_AGE_BEFORE.search(r.before):
        unit = lex.units["age"]  # "aged 34", "over the age of 21": an age in years, said so
    q = ParsedQuantity(
        start=r.start,
        end=r.end,
        text=text[r.start : r.end],
        value=r.value,
        low=r.low,
        high=r.high,
        qualifier=r.qualifier,
        qualifier_text=r.qualifier_text,
        unit=unit.code if unit else None,
        unit_name=unit.name if unit else None,
        unit_text=r.unit_text,
        vague=n.vague is not None,
        kind=kind,
        number_start=n.start,
        number_end=n.end,
        change=_changes.change_before(text[max(0, r.start - 40) : r.start]),
    )
    return q, r.i


def _start_reading(text: str, n: _Num, i: int, lex: _lex.Lexicon) -> _Reading:
    """The number with a currency before it ("$", "US$", "$-50.8bn") and its scale ("3 million", "$5bn")."""
    before = text[max(0, n.start - 40) : n.start]
    cur = lex.re_unit_before.search(before)
    negative_money = False
    if cur is None and not n.word and before.endswith(("-", "−")):
        cur = lex.re_unit_before.search(before[:-1])  # "$-50.8bn": a currency, then the sign
        negative_money = cur is not None
    _apply_scale(text, n, lex, cur is not None)
    return _Reading(
        n=n,
        i=i,
        start=n.start,
        end=n.end,
        value=n.value,
        before=before,
        cur=cur,
        negative_money=negative_money,
        force_kind="fraction" if n.fraction else None,
    )


def _range_separator(text: str, r: _Reading, m2: _Num, lex: _lex.Lexicon):
    """(between/from match, repeated unit) when the words between the number and ``m2`` make a range
    ("10 to 12", "10-12", "5% to 10%", "between 10 and 12", "two or three"), else None."""
    n, cur, currency = r.n, r.cur, r.cur is not None
    sep = text[n.end : m2.start]
    upto = cur.start() + max(0, n.start - 40) if cur else n.start
    between = _RE_BETWEEN.search(text, max(0, upto - LOOKBACK), upto)  # ends at upto: look back only
    # "5% to 10%", "2 per cent to 2.5 per cent", "$650,000 to $1.8 million": units repeated
    repeated = None
    u_first = _unit_after(text, n.end, lex)
    if u_first is not None and u_first[2] <= m2.start:
        repeated = u_first[0]
        sep = text[u_first[2] : m2.start]
    cur2 = lex.re_unit_before.search(sep)
    if cur2 is not None and currency:
        sep = sep[: cur2.start()]
    change_to = re.search(r"\bby\s+(?:US\$|\$|€|£|¥)?\s*$", text[max(0, n.start - 12) : n.start])
    sep_ok = bool(
        _RE_RANGE_SEP.match(sep)
        or between is not None
        and between.group(1).lower() == "from"
        and _RE_UP_TO_SEP.match(sep)
    ) and not (change_to and (currency or repeated is not None))
    if sep_ok and repeated is not None:
        _apply_scale(text, m2, lex, currency)
        u_second = _unit_after(text, m2.end, lex)
        sep_ok = u_second is not None and u_second[0].code == repeated.code
    if sep_ok and "and" in sep.lower() and not between:
        sep_ok = False
    if sep_ok and sep.strip() in ("-", "–") and (n.word != m2.word):
        sep_ok = False
    if sep_ok and sep.strip(" -").lower() == "or":  # "3 or 4", "eight or nine": alternatives, each a figure
        sep_ok = False
    if not sep_ok or m2.vague:
        return None
    return between, repeated, sep


def _read_range(text: str, nums: list[_Num], r: _Reading, lex: _lex.Lexicon) -> None:
    """A range with the next number ("10,000 to 12,000", "1.8-2.7 billion"); a pair of years or a
    score ("2-1") is read as one expression that is not a quantity."""
    n, m2 = r.n, nums[r.i + 1]
    found = _range_separator(text, r, m2, lex)
    if found is None:
        return
    between, repeated, sep = found
    currency = r.cur is not None
    _apply_scale(text, m2, lex, currency)
    lo, hi = n.value, m2.value
    if m2.scaled and not n.scaled and n.value * m2.scale <= m2.value:
        # "1.8-2.7 billion", "four to five thousand": the first end takes the second's scale
        lo = n.value * m2.scale
    phone = _RE_PHONE.match(text[n.start : m2.end + 5])
    raw = text[n.start : n.end]
    is_year_pair = (
        "," not in raw
        and "." not in raw
        and not currency
        and repeated is None
        and (
            (1900 <= lo <= 2100 and (1900 <= hi <= 2100 or hi < 100))
            or (between is not None and 1000 <= lo <= 2100 and 1000 <= hi <= 2100)
        )
    )
    if (
        not is_year_pair
        and "," not in raw
        and "." not in raw
        and 1900 <= lo <= 2100
        and not n.word
        and hi > 2100
        and between is None
        and (hi > 10 * lo or sep.strip() not in ("-", "–", "—"))
    ):
        lo = hi + 1  # "in 2022 to 6.2 million": a year, then a figure — no range
    if is_year_pair:
        r.force_kind = "year"
    if is_year_pair and not phone:
        r.end = m2.end
        r.i += 1
    if (
        sep == "-"
        and lo < 10
        and hi < 10
        and not n.word
        and "." not in raw
        and repeated is None
        and not currency
        and _unit_after(text, m2.end, lex) is None
    ):
        r.force_kind = "score"  # "2-1", "1-1 after extra time"
        is_year_pair = True
        r.end = m2.end
        r.i += 1
    if not phone and not is_year_pair and lo <= hi:
        r.low, r.high, r.value = lo, hi, None
        r.qualifier = "range"
        if between:
            r.qualifier_text = between.group(1)
            r.start = between.start(1)
        r.end = m2.end
        r.i += 1


def _read_unit(text: str, nums: list[_Num], r: _Reading, lex: _lex.Lexicon, consumed: set[int]) -> None:
    """The unit after the number, else the currency before it, else one shared with the alternative
    after it ("8 or $9", "5- or 6-inch")."""
    u = _unit_after(text, r.end, lex)
    if u is not None:
        r.unit, r.unit_text, r.end = u[0], text[u[1] : u[2]], u[2]
    if r.cur is not None and r.unit is None:
        r.unit = lex.units_before[r.cur.group(1)]
        r.unit_text = r.cur.group(1)
        r.start = min(r.start, r.n.start - len(r.before) + r.cur.start(1))
    if r.unit is None and r.value is not None and r.i + 1 < len(nums) and r.i + 1 not in consumed and not r.n.fraction:
        shared = _shared_unit(text, r.n, nums[r.i + 1], r.end, lex)
        if shared is not None:
            r.unit, scale = shared
            r.value *= scale
            if text[r.n.end : r.n.end + 1] == "-" and r.unit.code in ("year", "month", "week", "day", "h", "min"):
                r.force_kind = "duration"  # "2- or 3-year terms"


def _read_qualifier(text: str, r: _Reading, lex: _lex.Lexicon) -> None:
    """A qualifier before the number (possibly before its currency: "about $5") or after it ("5 or more")."""
    qb = lex.re_qual_before.search(text, max(0, r.start - 30), r.start)
    if qb is not None:
        qtext = qb.group(1)
        q = lex.qualifiers_before[qtext.lower()]
        # "some"/"over"/"under"/"about" need a number right after (already true here);
        # "estimated" alone is only a qualifier for counts
        if r.qualifier == "range":
            if q == "approximately":
                r.qualifier, r.qualifier_text = q, qtext
        elif r.qualifier == "vague":
            r.qualifier_text = qtext
        else:
            r.qualifier, r.qualifier_text = q, qtext
        r.start = qb.start(1)
    qa = lex.re_qual_after.match(text, r.end)
    if qa is not None and r.qualifier == "exact":
        qtext = qa.group(1)
        if not (qtext.lower() == "plus" and re.match(r"\s+plus\s+(?:\d|[A-Z$])", text[r.end :])):
            r.qualifier, r.qualifier_text = lex.qualifiers_after[qtext.lower()], qtext
            r.end = qa.end(1)
    if r.qualifier in ("more_than", "at_least") and r.value is not None:
        r.low = r.value
    elif r.qualifier in ("less_than", "at_most") and r.value is not None:
        r.high = r.value


def _read_sign(text: str, r: _Reading) -> None:
    """A negative figure: "minus 5", "-$5bn", "$-50.8bn", "(-1.3%)"."""
    n = r.n
    minus = re.search(r"\bminus[\s-]$", text[max(0, r.start - 6) : r.start], re.IGNORECASE)
    if r.value is not None and minus is not None:
        r.value, r.start = -r.value, r.start - len(minus.group())
    if r.value is not None and r.cur is not None and r.qualifier == "exact":
        cur_at = n.start - len(r.before) + r.cur.start(1)
        if r.negative_money or (text[cur_at - 1 : cur_at] in ("-", "−") and (cur_at < 2 or text[cur_at - 2] in " (")):
            r.value = -r.value  # "$-50.8bn", "-$5bn"
            r.start = min(r.start, cur_at - (0 if r.negative_money else 1))
    negative = r.value is not None and not n.word and _RE_NEGATIVE.search(text, max(0, n.start - 1), n.start)
    if negative and r.value is not None and r.qualifier == "exact" and n.start >= 2 and text[n.start - 2] in " (":
        r.value = -r.value  # "-1.3%"
        r.start = n.start - 1


_RE_CONVERSION = re.compile(r"\s*\(\s*$")


def _conversions_share_change(text: str, found: list[ParsedQuantity]) -> list[ParsedQuantity]:
    """A conversion in brackets right after a changed figure is the same change:
    "fell by 2 to 3 degrees Celsius (3.6 to 5.4 Fahrenheit)"."""
    out = list(found)
    for k in range(1, len(out)):
        prev, cur = out[k - 1], out[k]
        if (
            prev.change
            and not cur.change
            and prev.end <= cur.start
            and _RE_CONVERSION.match(text[prev.end : cur.start])
        ):
            out[k] = dataclasses.replace(cur, change=prev.change)
    return out


def _name_number(before: str, after: str) -> bool:
    """A bare number that is part of a name: "Leopard 2.", "MOEX 50", "the iPhone 11 and", "S P 500"
    (not "in Bakhmut 20 of them": a place after a preposition, then a count)."""
    if _RE_LETTER_BEFORE.search(before):
        return True
    name = _RE_NAME_BEFORE.search(before)
    if name is None or name.group(1) in _NOT_NAMES:
        return False
    if re.match(r"\s*(?:$|[^a-z\s])", after):
        return True
    prev = _RE_WORD_BEFORE_NAME.search(before)
    return _not_counted_after(after) and (prev is None or prev.group(1).lower() not in _PREPOSITIONS)


def _not_counted_after(after: str) -> bool:
    """Whether what follows a number cannot be what it counts: the end, punctuation, a capital or a
    word that is not a plural noun ("on", "is", "team"; not "soldiers", "people")."""
    m = _RE_AFTER_NAME.match(after)
    if m is None or m.group("word") is None:
        return m is not None
    word = m.group("word")
    return word in _NOT_PLURALS or not word.endswith("s") and word not in _PLURALS


def _kind(text, n: _Num, start, end, unit, value, low, high, nums, i) -> str:
    before = text[max(0, n.start - 40) : n.start]
    after = text[n.end : n.end + 30]
    raw = text[n.start : n.end]
    kind = _kind_first(n, unit, before, after, raw)
    if kind is None and not n.word:
        kind = _kind_of_digits(text, n, unit, value, before, after, raw)
    if kind is not None:
        return kind
    if not n.word and (_RE_ERA.search(before) or _RE_ERA_AFTER.match(after)):
        return "year"
    if (
        not n.word
        and unit is None
        and value is not None
        and low is None
        and high is None
        and "," not in raw
        and start == n.start
        and _name_number(before, after)
    ):
        return "designation"
    if unit is None and low is not None and not n.word and _RE_ADDRESS_AFTER.match(text[end : end + 40]):
        return "designation"  # "22-24 Harbour Avenue"
    return _kind_age_or_duration(text, n, end, unit, value, before, after) or (
        "measure" if unit is not None else "count"
    )


def _kind_first(n: _Num, unit, before, after, raw) -> Optional[str]:
    """The first checks of :func:`_kind`: an age unit, a rank ordinal, a name's number ("BBC One", "Challenger 2")."""
    if unit is not None and unit.code in ("age", "age_month"):
        return "age"
    if unit is None and _RE_RANK_BEFORE.search(before) and (before.endswith("-") or _not_counted_after(after)):
        return "ordinal"
    if n.word and not n.vague:
        if _RE_GRADE_BEFORE.search(before):
            return "designation"  # "a category one hurricane", "phase two"
        name = _RE_NAME_WORD_BEFORE.search(before)
        if raw[:1].isupper() and name is not None and not set(name.group(2).split()) & (_NOT_NAMES | _WEEKDAYS):
            return "designation"  # "told BBC One", "the Kick Six win" (not a Title Case headline)
    if not n.word and unit is None and "," not in raw and "." not in raw:
        if _RE_FORMATION_AFTER.match(after):
            return "designation"  # "3 Commando Brigade"
        name = _RE_NAME_MODEL.search(before)
        if (
            name is not None
            and n.value < 1000
            and name.group(2) not in _NOT_NAMES
            and name.group(2) not in _WEEKDAYS
            and name.group(1).lower() not in _PREPOSITIONS
            and (_RE_INDEX_AFTER.match(after) or re.match(r"\s+[a-z]+s\b", after))
        ):
            return "designation"  # "14 Challenger 2 tanks", "the Stoxx 600 index"
    return None


def _kind_of_digits(text, n: _Num, unit, value, before, after, raw) -> Optional[str]:
    """A number in digits that is not a count: an ordinal, time, phone, date, year or designation, or None."""
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
        return (
            "year" if re.fullmatch(r"\d{2,4}", raw) and after.startswith("s") and n.value % 10 == 0 else "designation"
        )
    if unit is None and _RE_ADDRESS_AFTER.match(after):
        return "designation"  # "12 Old Mill Road", "01001 ZIP Code"
    if unit is None and _RE_ACRONYM_BEFORE.search(before) and not re.match(r"\s+[a-z]+s\b", after):
        return "designation"  # "S&P 500", "FTSE 100", "HIV 2"
    if (
        unit is None
        and "," not in raw
        and "." not in raw
        and value is not None
        and 1800 <= value <= 2199
        and not n.scaled
    ):
        if not re.match(r"^\s*(?:-|–)?\s*(?:troops|soldiers|people|civilians|strikes)\b", after):
            return "year"
    if _RE_DESIGNATION_BEFORE.search(before) or (_RE_DESIGNATION_AFTER.match(after) and unit is None):
        return "designation"
    if (
        re.search(r"[A-Za-z]-?$", before)
        and not re.search(r"(?:US|[A-Z]{1,2})\$\s?$|\s$|[-–(]$", before)
        and unit is None
    ):
        return "designation"  # "F16", "S400"
    return None


def _kind_age_or_duration(text, n: _Num, end, unit, value, before, after) -> Optional[str]:
    """The last checks of :func:`_kind`: an age ("aged 34", "Olena Kovalenko, 34,"), a duration ("a five-year")."""
    if _RE_AGE_BEFORE.search(before):
        return "age"
    if (
        not n.word
        and value is not None
        and value < 120
        and re.search(r"[A-Z][\w’'.-]+,\s$", before)
        and after.startswith(",")
    ):
        return "age"  # "Olena Kovalenko, 34, said"
    if (
        unit is not None
        and unit.code in ("year", "month", "week", "day", "h", "min")
        and text[n.end : n.end + 1] == "-"
        and re.match(r"\s+[a-z$€£]", text[end : end + 3])
    ):
        return "duration"  # "a five-year award", "a two-month contract"
    if n.word and re.match(r"^\s*(?:years? old|-year-old)", after):
        return "age"
    return None


__all__ = ["ParsedQuantity", "parse_quantities"]
