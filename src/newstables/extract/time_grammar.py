"""The grammar of time expressions: month, weekday and season names, numbers and units
(lexicon ``events_calendar.json``), the core patterns, and the scanner that finds
expressions in text with their prepositions and modifiers.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from newstables import periods
from newstables.lexicon import alternation as _alt
from newstables.lexicon import load_json

Resolution = tuple[str | None, str | None, str]
_Span = tuple[dt.date | None, dt.date | None, str]

_CAL: dict[str, Any] = load_json("events_calendar.json")
_MONTHS: dict[str, int] = periods.MONTHS
_WEEKDAYS: dict[str, int] = {k.lower(): v for k, v in periods.WEEKDAYS.items()}
_FULL_MONTHS = {k.lower() for k in periods.MONTH_NAMES}
_SEASONS: dict[str, int] = periods.SEASONS
_NUMBERS: dict[str, int] = dict(_CAL["numbers"])
_UNITS: dict[str, str] = dict(_CAL["units"])


# ---------------------------------------------------------------- the grammar
_S = r"[ \t\u00a0]+"
_MON_FULL = rf"(?:{_alt(list(periods.MONTH_NAMES))})(?![A-Za-z])"
_MON_ABBR = _alt(list(periods.MONTH_ABBREVIATIONS))
_MON_ANY = rf"(?:{_alt(list(periods.MONTH_NAMES))}|(?:{_MON_ABBR})\.?)(?![A-Za-z])"
_WD = rf"(?i:{_alt(list(_WEEKDAYS))})(?![A-Za-z])"
_POD = rf"(?i:{_alt(_CAL['parts_of_day'])})(?![A-Za-z])"
_SEASON = rf"(?i:{_alt(list(_SEASONS))})(?![A-Za-z])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:.]\d|\d)"
_YEAR = (
    r"(?<![\d,.£$€#/])(?:1[89]\d\d|20\d\d)"
    r"(?!\d|[.,:/]\d|%|-year)"
)
_NUM = rf"(?:(?i:{_alt(list(_NUMBERS) + _CAL['vague_numbers'])})|\d{{1,3}})"
_UNIT = rf"(?i:{_alt(list(_UNITS))})(?![A-Za-z])"
_THE = rf"(?:(?i:the){_S})"

_CORE_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)"),
    ("year_ending", rf"{_THE}?(?i:year|12 months|twelve months){_S}(?i:ending|ended|to|up to)"
                    rf"{_S}(?:(?P<d>{_DAY}){_S})?(?P<mon>{_MON_ANY})(?:,?{_S}(?P<y>{_YEAR}))?"),
    ("part", rf"{_THE}?(?P<ord>(?i:first|second|third|fourth|last|final)){_S}"
             rf"(?P<part>(?i:quarter|half)){_S}(?i:of){_S}"
             rf"(?P<yr>{_YEAR}|(?i:this|last|next|the){_S}(?i:year)\b)"),
    ("months_of", rf"{_THE}?(?P<ord>(?i:first|last|final)){_S}(?P<n>{_NUM}){_S}"
                  rf"(?i:months){_S}(?i:of){_S}"
                  rf"(?P<yr>{_YEAR}|(?i:this|last|next|the){_S}(?i:year)\b)"),
    ("quarter", rf"(?P<q>[QH])(?P<n>[1-4]){_S}(?P<y>{_YEAR})"),
    ("dmy", rf"(?:(?P<wd>{_WD}),?{_S})?{_THE}?(?P<d>{_DAY}){_S}(?:(?i:of){_S})?"
            rf"(?P<mon>{_MON_ANY})(?:,?{_S}(?P<y>{_YEAR}))?"),
    ("mdy", rf"(?:(?P<wd>{_WD}),?{_S})?(?P<mon>{_MON_ANY}){_S}(?P<d>{_DAY})"
            rf"(?:,?{_S}(?P<y>{_YEAR}))?"),
    ("my", rf"(?P<mon>{_MON_ANY}),?{_S}(?P<y>{_YEAR})"),
    ("season_y", rf"{_THE}?(?P<season>{_SEASON}),?{_S}(?:(?i:of){_S})?(?P<y>{_YEAR})"),
    ("decade", rf"{_THE}?(?P<y>(?:1[89]|20)\d0)['’]?s(?![A-Za-z])"),
    ("ago", rf"(?:(?P<n>{_NUM}){_S})?(?P<unit>{_UNIT}){_S}(?i:ago)(?![A-Za-z])"),
    ("rel", rf"(?P<rel>(?i:last|this|next))(?:{_S}|-)(?P<what>(?i:weekend|week|month|year)"
            rf"(?![A-Za-z])|{_POD}|{_SEASON}|{_MON_FULL}|{_WD})"),
    ("rolling", rf"(?P<the>{_THE})?(?P<dir>(?i:past|last|coming|next)){_S}"
                rf"(?:(?P<n>{_NUM}){_S})?(?P<unit>{_UNIT})"),
    ("recent", rf"(?i:recent){_S}(?P<unit>(?i:days|weeks|months|years))(?![A-Za-z])"),
    ("dayword", rf"(?P<w>(?i:yesterday|today|tomorrow|tonight))(?![A-Za-z])"
                rf"(?:{_S}(?P<pod>{_POD}))?"),
    ("weekday", rf"(?P<wd>{_WD})(?:{_S}(?P<pod>{_POD}))?"),
    ("season", rf"{_THE}?(?P<season>{_SEASON})(?!{_S}(?i:of)\b)"),  # not "the fall of Kabul"
    ("month", rf"(?P<mon>{_MON_FULL})"),
    ("year", rf"(?P<y>{_YEAR})"),
    ("adverb", r"(?P<adv>(?i:recently|lately|earlier))(?![A-Za-z])"),
]
# Kinds found only after a preposition or modifier ("in May", "since 2016", "the autumn").
_NEED_TRIGGER = {"season", "month", "year", "decade"}
_ABSOLUTE = ("iso", "dmy", "mdy", "my", "season_y", "year", "month", "decade")

_PREP = rf"(?i:since|in|on|by|until|till|from|during|throughout|before|after|as{_S}of)"
_MOD = r"(?i:earlier|later|early|mid|late)"


def _unnamed(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_CORES = [(kind, re.compile(p)) for kind, p in _CORE_PATTERNS]
_CORE_ABS = "|".join(f"(?:{_unnamed(p)})" for k, p in _CORE_PATTERNS if k in _ABSOLUTE)
_BEFORE = r"(?<![\w'’-])"
_AFTER = r"(?![\w])"
_RANGE = re.compile(
    rf"{_BEFORE}(?P<prep>(?i:from|between)){_S}(?P<ra>{_CORE_ABS}){_S}?"
    rf"(?:(?i:to|and|until|till|through)|[-–]){_S}?(?P<rb>{_CORE_ABS}){_AFTER}"
)
# One pattern per kind: optional preposition and modifier, then the core (named groups kept).
_KIND = {
    kind: re.compile(
        rf"{_BEFORE}(?:(?P<prep>{_PREP}){_S})?"
        rf"(?:(?P<mod>{_MOD})(?:-|{_S})(?:(?i:on|in){_S})?)?(?P<core>{pattern}){_AFTER}"
    )
    for kind, pattern in _CORE_PATTERNS
}

# Scanning: patterns are tried only around "head" words (a month, weekday, season, unit, year
# or day number...), from the words just before the head that can open an expression
# ("since", "in", "the", "last", "two"...), and only the kinds that the head can belong to.
# That is many times faster than trying every pattern at every position of the text.
_HEAD_CLASSES: dict[str, tuple[str, ...]] = {
    "year": ("iso", "part", "months_of", "decade", "year"),
    "number": ("year_ending", "dmy", "months_of", "ago", "rolling"),
    "month": ("mdy", "my", "rel", "month"),
    "weekday": ("dmy", "mdy", "rel", "weekday"),
    "season": ("season_y", "rel", "season"),
    "unit": ("year_ending", "part", "months_of", "ago", "rel", "rolling"),
    "pod": ("rel",),
    "dayword": ("dayword",),
    "adverb": ("adverb",),
    "recent": ("recent",),
    "quarter": ("quarter",),
}
_HEAD_CLASS: dict[str, str] = {
    **{w: "month" for w in _MONTHS}, **{w: "weekday" for w in _WEEKDAYS},
    **{w: "season" for w in _SEASONS}, **{w: "unit" for w in _UNITS}, "weekend": "unit",
    **{w: "pod" for w in _CAL["parts_of_day"]},
    **{w: "dayword" for w in ("yesterday", "today", "tomorrow", "tonight")},
    **{w: "adverb" for w in ("recently", "lately", "earlier")}, "recent": "recent",
}
# Head words are found by looking for their shortest forms ("day" finds "monday", "today")
# with str.find, much faster than one regex of all the words.
_STEMS = tuple(sorted(w for w in _HEAD_CLASS if not any(o != w and o in w for o in _HEAD_CLASS)))
_NUMBER = re.compile(r"\d+")
_SMALL_NUMBER_HEAD = re.compile(  # a day or a count: before a month or a unit
    r"(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
    r"|days?\b|weeks?\b|months?\b|years?\b)"
)


def _heads(low: str) -> list[tuple[int, str]]:
    """(offset, word) of every head word and year or day number in lower-cased text."""
    found: dict[int, str] = {}
    size = len(low)
    for stem in _STEMS:
        i = low.find(stem)
        while i >= 0:
            a, b = i, i + len(stem)
            while a > 0 and low[a - 1].isalnum():
                a -= 1
            while b < size and low[b].isalnum():
                b += 1
            word = low[a:b]
            if word in _HEAD_CLASS:
                found[a] = word
            i = low.find(stem, b)
    for m in _NUMBER.finditer(low):
        a, b = m.span()
        if a and low[a - 1] in "qh" and (a == 1 or not low[a - 2].isalnum()):
            if b - a == 1 and (b == size or not low[b].isalnum()):
                found[a - 1] = "quarter"  # "Q1 2023", "H2 2023"
            continue
        if a and (low[a - 1].isalpha() or low[a - 1] in ".,£$€#/"):
            continue
        if b < size and low[b] in ".,:/" and b + 1 < size and low[b + 1].isdigit():
            continue
        digits = m.group()
        if len(digits) == 4 and digits[:2] in ("18", "19", "20"):
            found[a] = digits
        elif len(digits) <= 2 and _SMALL_NUMBER_HEAD.match(low, b):
            found[a] = digits
    return sorted(found.items())


_FIRST_WORDS = frozenset(
    ["since", "in", "on", "by", "until", "till", "from", "during", "throughout", "before",
     "after", "as", "between", "earlier", "later", "early", "mid", "late", "the", "year",
     "twelve", "first", "second", "third", "fourth", "last", "final", "this", "next",
     "past", "coming", "recent"]
    + list(_NUMBERS) + [w.split()[0] for w in _CAL["vague_numbers"]] + list(_UNITS)
    + list(_WEEKDAYS) + list(_SEASONS) + list(_MONTHS)
)
# Words that can stand inside an expression before its head ("in the first half of 2023").
_INNER_WORDS = _FIRST_WORDS | {"of", "a", "few", "couple", "number", "half", "quarter", "ending",
                               "ended", "to", "up", "and", "months", "s"}
_MOD_THEN_HEAD = re.compile(r"[ \t-]+(?:on |in )?(?:this|last|next|\w+day|[A-Z]|\d)")

_Parsed = tuple[re.Match[str], str | None]



def _openers(text: str, low: str, head: int, floor: int) -> list[int]:
    """Start offsets where an expression holding ``head`` may begin, farthest first."""
    starts = [head]
    end = head
    if head > floor and text[head - 1] == "-":  # "mid-August", "early-2023"
        word_start = max(low.rfind(" ", floor, head), low.rfind("\n", floor, head), floor - 1) + 1
        if low[word_start:head - 1].strip("“‘\"'(") in _FIRST_WORDS:
            starts.append(word_start)
            end = word_start
        else:
            return starts
    for _ in range(6):
        j = end - 1
        while j >= floor and text[j] in " \t\u00a0":
            j -= 1
        if j < floor or j == end - 1:  # no word before, or no space between
            break
        word_start = max(low.rfind(" ", floor, j), low.rfind("\n", floor, j)) + 1
        word_start = max(word_start, floor)
        word = low[word_start:j + 1].strip(".,’'-")
        if word not in _INNER_WORDS and not word.isdigit():
            break
        if word in _FIRST_WORDS or word.isdigit():
            starts.append(word_start)
        end = word_start
    starts.reverse()
    return starts


def _head_class(word: str) -> str:
    if word[0].isdigit():
        return "year" if len(word) >= 4 else "number"
    return _HEAD_CLASS.get(word, word)


def _scan(text: str, low: str):
    """Every time expression of ``text`` (leftmost, longest, not overlapping): (match, kind);
    ``low`` is ``text`` case-folded to the same length."""
    last = 0
    for h, word in _heads(low):
        if h < last or word == "earlier" and _MOD_THEN_HEAD.match(text, h + 7):
            continue  # "earlier this year": found from the next head
        kinds = _HEAD_CLASSES[_head_class(word)]
        for start in _openers(text, low, h, last):
            found = _match_at(text, low, start, h, kinds)
            if found is not None:
                last = found[0].end()
                yield found
                break


def _match_at(text: str, low: str, start: int, head: int,
              kinds: tuple[str, ...]) -> _Parsed | None:
    """The first pattern among ``kinds`` (ranges first) matching at ``start`` across ``head``."""
    if low.startswith(("from", "between"), start):
        m = _RANGE.match(text, start)
        if m is not None and m.end() > head:
            return m, None
    for kind in kinds:
        m = _KIND[kind].match(text, start)
        if m is not None and m.end() > head:
            return m, kind
    return None


# Context rules, applied to the text around a scanned expression.
_TRIGGER_BEFORE = re.compile(r"(?i:\b(?:of|for|over|within|around|circa|c\.|year)\s+)$")
_CONJ_AFTER_EVENT = re.compile(r"^\s*(?:,|and|or|,\s*and|,\s*or|/|&)\s*$")
_COMPARISON = re.compile(
    r"(?i:\b(?:compared\s+(?:with|to)|than|versus|vs\.?|relative\s+to|against)\s+"
    r"(?:the\s+same\s+(?:period|time|month|quarter)\s+(?:in|of|last)\s+)?)$"
)
_DETERMINER_BEFORE = re.compile(r"(?i:\b(?:an|the|its|their|his|her)\s+)$")
_CHANGE = re.compile(
    r"(?i:\b(?:up|down|rise|rising|rose|increase|increased|fall|fell|drop|dropped|decline|"
    r"declined|per\s*cent|percent)\b|%)"
)
_EARLIER_OK_AFTER = re.compile(r"[ \t]*(?:[,.;:!?)\]\"”’'\n]|$|(?i:on|in|today)\b)")
_TENSE_CUES: dict[str, Any] = load_json("events_tense.json")
_FUTURE_WORDS = frozenset(_TENSE_CUES["future_words"])
_FUTURE_PAIRS = frozenset(tuple(pair) for pair in _TENSE_CUES["future_pairs"])
_PAST_WORDS = frozenset(_TENSE_CUES["past_words"])
_WORD_EDGES = " \t,.;:!?\"'“”‘’()[]"
_CLAUSE_BREAK = re.compile(
    r"[;:]|\s[–—]\s|,\s+(?=(?i:and|but|while|whereas|although|though|which|who|after|before|"
    r"when|because|as|according)\b)"
)


