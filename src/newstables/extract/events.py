"""Events: dated happenings, their time expressions resolved against the publication date.

One row per time expression that dates something in the text ("last month", "on Monday",
"in the autumn", "since January 2023", "8 August 2023", "in 2022"); ``start``/``end`` are the
expression's span (a leading "in"/"on"/"since"/"by"... is part of it) and ``description``
is its sentence, or for a long sentence the clauses around it, at most ~180 characters.
``resolve_expression`` resolves one expression on its own (dates as ISO strings).

Resolution rules (``published`` is the article's date; weeks run Monday to Sunday):
- last/this/next week, month, year: the calendar period before, of, after publication.
- a bare weekday ("on Monday", "Tuesday night", "late on Tuesday"): the latest such day on or
  before publication (news reports the past); when its clause is in the future tense the first
  such day on or after it. "last Monday" is strictly before, "next Monday" strictly after,
  "this Monday" the one in the publication week. Tense comes from the cue nearest before the
  expression in its clause ("will", "is to", "scheduled", "plans to" / "was", "met", "-ed"),
  else the nearest after it (lexicon ``events_tense.json``).
- a bare month ("in January") and a day without a year ("on 8 August", "Aug. 8"): the latest
  on or before publication, or the first on or after it in a future clause.
- seasons are meteorological (spring Mar-May, summer Jun-Aug, autumn/fall Sep-Nov, winter
  Dec-Feb): "in the autumn"/"this autumn" is the one under way at publication or else the
  next one, unless the clause is in the past tense (then the latest one begun).
- "since X": X's start to publication; "by/until X": open start, X's end; "before X"/"after X":
  open on one side; "from X to Y"/"between X and Y": X's start to Y's end.
- "earlier"/"recently"/"lately"/"in recent months": open start, ends at publication, granularity
  unknown; "earlier this year": start of the year to publication, granularity year; "later this
  month": publication to the end of the month.
- "N days/weeks/months/years ago": the day/week/month/year that far back; "the past N months":
  a rolling window ending at publication; "the coming/next N weeks": one starting at it.
- early/mid/late X keeps X's whole period (coarse on purpose).
Without a publication date relative expressions stay unresolved (dates None); absolute ones
("8 August 2023", "in July 2023", "in 2016") still resolve.

A four-digit number 1800-2099 after a temporal preposition is read as a year ("in 2016"), and
so is one joined to an accepted year ("in 2016 and 2017").

Not events: bare years without a temporal preposition ("the 2015 crisis"), years used as a
comparison base ("compared with 2021", "than in 2021", "up 20% from 2021"), habitual phrases
("every year"), ages and clock times. "the following/previous year" (relative to the story,
not to publication) is left out rather than resolved wrongly.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from bisect import bisect_right
from typing import Any

import pandas as pd

from newstables.extract.article import Article, Sentence
from newstables.paths import LEXICONS
from newstables.schema import frame

Resolution = tuple[str | None, str | None, str]
_Span = tuple[dt.date | None, dt.date | None, str]

_CAL: dict[str, Any] = json.loads((LEXICONS / "events_calendar.json").read_text("utf-8"))
_MONTHS: dict[str, int] = {k.lower(): v for k, v in _CAL["months"].items()}
_MONTHS.update({k.lower(): v for k, v in _CAL["month_abbreviations"].items()})
_WEEKDAYS: dict[str, int] = {k.lower(): v for k, v in _CAL["weekdays"].items()}
_FULL_MONTHS = {k.lower() for k in _CAL["months"]}
_SEASONS: dict[str, int] = dict(_CAL["seasons"])
_NUMBERS: dict[str, int] = dict(_CAL["numbers"])
_UNITS: dict[str, str] = dict(_CAL["units"])


def _alt(words: list[str]) -> str:
    """A regex alternation of literal words, longest first (so prefixes never win)."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


# ---------------------------------------------------------------- the grammar
_S = r"[ \t\u00a0]+"
_MON_FULL = rf"(?:{_alt(list(_CAL['months']))})(?![A-Za-z])"
_MON_ABBR = _alt(list(_CAL["month_abbreviations"]))
_MON_ANY = rf"(?:{_alt(list(_CAL['months']))}|(?:{_MON_ABBR})\.?)(?![A-Za-z])"
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
    "year": ("iso", "part", "decade", "year"),
    "number": ("year_ending", "dmy", "ago", "rolling"),
    "month": ("mdy", "my", "rel", "month"),
    "weekday": ("dmy", "mdy", "rel", "weekday"),
    "season": ("season_y", "rel", "season"),
    "unit": ("year_ending", "part", "ago", "rel", "rolling"),
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
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_MOD_THEN_HEAD = re.compile(r"[ \t-]+(?:on |in )?(?:this|last|next|\w+day|[A-Z]|\d)")

_Parsed = tuple[re.Match[str], str | None]


def _lower(text: str) -> str:
    """``text`` in lower case with the same length (offsets stay valid)."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


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


def _scan(text: str):
    """Every time expression of ``text`` (leftmost, longest, not overlapping): (match, kind)."""
    last = 0
    low = _lower(text)
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
_TENSE_CUES: dict[str, Any] = json.loads((LEXICONS / "events_tense.json").read_text("utf-8"))
_FUTURE_WORDS = frozenset(_TENSE_CUES["future_words"])
_FUTURE_PAIRS = frozenset(tuple(pair) for pair in _TENSE_CUES["future_pairs"])
_PAST_WORDS = frozenset(_TENSE_CUES["past_words"])
_WORD_EDGES = " \t,.;:!?\"'“”‘’()[]"
_CLAUSE_BREAK = re.compile(
    r"[;:]|\s[–—]\s|,\s+(?=(?i:and|but|while|whereas|although|though|which|who|after|before|"
    r"when|because|as|according)\b)"
)


# ---------------------------------------------------------------- date arithmetic
def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), _month_end(year, month)


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + k
    return index // 12, index % 12 + 1


def _week_span(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _season_span(first_month: int, year: int) -> tuple[dt.date, dt.date]:
    end_year, end_month = _add_months(year, first_month, 2)
    return dt.date(year, first_month, 1), _month_end(end_year, end_month)


def _pick(candidates: list[tuple[dt.date, dt.date]], pub: dt.date, mode: str):
    """The candidate period chosen by ``mode`` relative to ``pub``.

    past: latest begun on or before pub; future: earliest not ended before pub;
    last: latest ended before pub; next: earliest begun after pub.
    """
    ordered = sorted(candidates)
    if mode == "past":
        found = [c for c in ordered if c[0] <= pub]
        return found[-1] if found else None
    if mode == "future":
        found = [c for c in ordered if c[1] >= pub]
        return found[0] if found else None
    if mode == "last":
        found = [c for c in ordered if c[1] < pub]
        return found[-1] if found else None
    found = [c for c in ordered if c[0] > pub]
    return found[0] if found else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _number(text: str | None) -> int | None:
    """1 for a missing count; None for a vague one ("several"); the value otherwise."""
    if text is None:
        return 1
    low = text.lower()
    if low.isdigit():
        return int(low)
    return _NUMBERS.get(low)


def _mode(rel: str | None, tense: str, default: str) -> str:
    if rel == "last":
        return "last"
    if rel == "next":
        return "next"
    if tense in ("future", "past"):
        return tense
    return default


# ---------------------------------------------------------------- core resolvers
def _core_span(kind: str, m: re.Match[str], pub: dt.date | None, tense: str) -> _Span | None:
    """The period of one core expression; None when it is no real date."""
    g = m.groupdict()
    if kind == "iso":
        day = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        return (day, day, "day") if day else None
    if kind in ("dmy", "mdy"):
        return _day_month(g, pub, tense)
    if kind == "my":
        start, end = _month_span(int(g["y"]), _month_number(g["mon"]))
        return start, end, "month"
    if kind == "month":
        return _bare_month(_month_number(g["mon"]), None, pub, tense)
    if kind == "year":
        year = int(g["y"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    if kind == "decade":
        year = int(g["y"])
        return dt.date(year, 1, 1), dt.date(year + 9, 12, 31), "year"
    if kind == "season_y":
        start, end = _season_span(_SEASONS[g["season"].lower()], int(g["y"]))
        return start, end, "season"
    if kind == "season":
        return _season(_SEASONS[g["season"].lower()], None, pub, tense)
    if kind == "weekday":
        return _weekday(_WEEKDAYS[g["wd"].lower()], None, pub, tense)
    if kind == "rel":
        return _relative(g["rel"].lower(), g["what"].lower(), pub, tense)
    if kind == "dayword":
        return _dayword(g["w"].lower(), pub)
    if kind == "ago":
        return _ago(_number(g["n"]), _UNITS[g["unit"].lower()], pub)
    if kind == "rolling":
        return _rolling(g, pub)
    if kind in ("recent", "adverb"):
        return None, pub, "unknown"
    if kind == "year_ending":
        return _year_ending(g, pub)
    if kind == "part":
        return _part_of_year(g, pub)
    if kind == "quarter":
        return _quarter(g["q"], int(g["n"]), int(g["y"]))
    return None


def _month_number(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def _day_month(g: dict[str, str | None], pub: dt.date | None, tense: str) -> _Span | None:
    month, day = _month_number(g["mon"] or ""), int(re.sub(r"\D", "", g["d"] or "0"))
    if g.get("y"):
        found = _safe_date(int(g["y"] or 0), month, day)
        return (found, found, "day") if found else None
    if _safe_date(2000, month, day) is None:  # 2000 is a leap year: any real day/month
        return None
    if pub is None:
        return None, None, "day"
    days = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := _safe_date(y, month, day))]
    chosen = _pick([(d, d) for d in days], pub, _mode(None, tense, "past"))
    return (chosen[0], chosen[1], "day") if chosen else (None, None, "day")


def _bare_month(month: int, rel: str | None, pub: dt.date | None, tense: str) -> _Span:
    if pub is None:
        return None, None, "month"
    if rel == "this":
        start, end = _month_span(pub.year, month)
        return start, end, "month"
    spans = [_month_span(y, month) for y in (pub.year - 1, pub.year, pub.year + 1)]
    chosen = _pick(spans, pub, _mode(rel, tense, "past"))
    return (chosen[0], chosen[1], "month") if chosen else (None, None, "month")


def _season(first: int, rel: str | None, pub: dt.date | None, tense: str) -> _Span:
    if pub is None:
        return None, None, "season"
    spans = [_season_span(first, y) for y in range(pub.year - 2, pub.year + 2)]
    mode = _mode(rel, tense, "future")
    chosen = _pick(spans, pub, mode)
    return (chosen[0], chosen[1], "season") if chosen else (None, None, "season")


def _weekday(wd: int, rel: str | None, pub: dt.date | None, tense: str) -> _Span:
    if pub is None:
        return None, None, "day"
    if rel == "this":
        day = _week_span(pub)[0] + dt.timedelta(days=wd)
        return day, day, "day"
    days = [pub + dt.timedelta(days=k) for k in range(-7, 8)]
    spans = [(d, d) for d in days if d.weekday() == wd]
    chosen = _pick(spans, pub, _mode(rel, tense, "past"))
    return (chosen[0], chosen[1], "day") if chosen else (None, None, "day")


def _relative(rel: str, what: str, pub: dt.date | None, tense: str) -> _Span | None:
    step = {"last": -1, "this": 0, "next": 1}[rel]
    if what in _SEASONS:
        return _season(_SEASONS[what], None if rel == "this" else rel, pub, tense)
    if what in _FULL_MONTHS:
        return _bare_month(_MONTHS[what], rel, pub, tense)
    if what in _WEEKDAYS:
        return _weekday(_WEEKDAYS[what], rel, pub, tense)
    granularity = {"weekend": "day", "week": "week", "month": "month", "year": "year"}
    if pub is None:
        return None, None, granularity.get(what, "day")
    if what == "year":
        year = pub.year + step
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    if what == "month":
        year, month = _add_months(pub.year, pub.month, step)
        start, end = _month_span(year, month)
        return start, end, "month"
    if what in ("week", "weekend"):
        start, end = _week_span(pub + dt.timedelta(days=7 * step))
        if what == "weekend":
            return end - dt.timedelta(days=1), end, "day"
        return start, end, "week"
    # parts of the day: "last night", "this morning"
    if rel == "next":
        return None
    day = pub - dt.timedelta(days=1) if rel == "last" else pub
    return day, day, "day"


def _dayword(word: str, pub: dt.date | None) -> _Span:
    if pub is None:
        return None, None, "day"
    shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    day = pub + dt.timedelta(days=shift)
    return day, day, "day"


def _ago(n: int | None, unit: str, pub: dt.date | None) -> _Span:
    if pub is None or n is None:
        return None, pub, "unknown" if n is None else unit
    if unit == "day":
        day = pub - dt.timedelta(days=n)
        return day, day, "day"
    if unit == "week":
        start, end = _week_span(pub - dt.timedelta(days=7 * n))
        return start, end, "week"
    if unit == "month":
        start, end = _month_span(*_add_months(pub.year, pub.month, -n))
        return start, end, "month"
    year = pub.year - n
    return (dt.date(year, 1, 1), dt.date(year, 12, 31), "year") if year >= 1 else (None, None, unit)


def _shift(pub: dt.date, unit: str, n: int) -> dt.date | None:
    """``pub`` moved by ``n`` units (negative: back); None when out of the calendar."""
    try:
        if unit in ("day", "week"):
            return pub + dt.timedelta(days=n * (7 if unit == "week" else 1))
        months = n * (12 if unit == "year" else 1)
        year, month = _add_months(pub.year, pub.month, months)
        return dt.date(year, month, min(pub.day, calendar.monthrange(year, month)[1]))
    except (OverflowError, ValueError):
        return None


def _rolling(g: dict[str, str | None], pub: dt.date | None) -> _Span | None:
    unit_word = (g["unit"] or "").lower()
    unit = _UNITS[unit_word]
    ahead = (g["dir"] or "").lower() in ("coming", "next")
    if g["n"] is None and g["the"] is None and ahead:
        return None  # "next week" is a calendar period (rel), "next weeks" nothing
    plural = unit_word.endswith("s")
    n = _number(g["n"]) if g["n"] is not None else (None if plural else 1)
    if pub is None:
        return None, None, unit if n else "unknown"
    if n is None:
        return (pub, None, "unknown") if ahead else (None, pub, "unknown")
    moved = _shift(pub, unit, n if ahead else -n)
    if moved is None:
        return None, None, unit
    if ahead:
        return pub, moved - dt.timedelta(days=1), unit
    return moved + dt.timedelta(days=1), pub, unit


def _year_ending(g: dict[str, str | None], pub: dt.date | None) -> _Span | None:
    month = _month_number(g["mon"] or "")
    if g["y"]:
        year = int(g["y"])
    elif pub is not None:
        chosen = _pick([_month_span(y, month) for y in (pub.year - 1, pub.year)], pub, "past")
        if chosen is None:
            return None, None, "year"
        year = chosen[0].year
    else:
        return None, None, "year"
    end = _month_end(year, month)
    if g["d"]:
        end = _safe_date(year, month, int(re.sub(r"\D", "", g["d"])))
        if end is None:
            return None
    start = _shift(end, "year", -1)
    return (start + dt.timedelta(days=1) if start else None), end, "year"


def _part_of_year(g: dict[str, str | None], pub: dt.date | None) -> _Span | None:
    words = (g["yr"] or "").lower().split()
    if words[0].isdigit():
        year = int(words[0])
    elif pub is None:
        return None, None, "month"
    else:
        year = pub.year + {"last": -1, "next": 1}.get(words[0], 0)
    ordinal = (g["ord"] or "").lower()
    if (g["part"] or "").lower() == "half":
        n = {"first": 1, "second": 2, "last": 2, "final": 2}.get(ordinal)
        if n is None:
            return None
        return dt.date(year, 6 * n - 5, 1), _month_end(year, 6 * n), "month"
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4, "final": 4}[ordinal]
    return dt.date(year, 3 * n - 2, 1), _month_end(year, 3 * n), "month"


def _quarter(letter: str, n: int, year: int) -> _Span | None:
    if letter == "H":
        return None if n > 2 else (dt.date(year, 6 * n - 5, 1), _month_end(year, 6 * n), "month")
    return dt.date(year, 3 * n - 2, 1), _month_end(year, 3 * n), "month"


# ---------------------------------------------------------------- parsing + modifiers
def _core_kind(text: str) -> tuple[str, re.Match[str]] | None:
    for kind, pattern in _CORES:
        m = pattern.fullmatch(text)
        if m:
            return kind, m
    return None


def _parse(expression: str) -> _Parsed | None:
    """The match of a whole ``expression`` and its kind (None for a range)."""
    m = _RANGE.fullmatch(expression)
    if m is not None:
        return m, None
    for kind, pattern in _KIND.items():
        m = pattern.fullmatch(expression)
        if m is not None:
            return m, kind
    return None


def _apply(span: _Span, prep: str | None, mod: str | None, pub: dt.date | None) -> _Span:
    start, end, granularity = span
    if mod in ("earlier", "later") and pub is not None and start and end and start <= pub <= end:
        return (start, pub, granularity) if mod == "earlier" else (pub, end, granularity)
    prep = " ".join(prep.lower().split()) if prep else None
    if prep == "since":
        return start, pub, granularity
    if prep in ("by", "until", "till"):
        return None, end, granularity
    if prep == "before":
        return None, (start - dt.timedelta(days=1) if start else None), granularity
    if prep == "after":
        return (end + dt.timedelta(days=1) if end else None), None, granularity
    if prep == "from":
        return start, None, granularity
    return span


def _resolve_parsed(parsed: _Parsed, pub: dt.date | None, tense: str) -> _Span | None:
    m, kind = parsed
    if kind is None:  # a range: "from X to Y", "between X and Y"
        a, b = _core_kind(m.group("ra")), _core_kind(m.group("rb"))
        if a is None or b is None:
            return None
        first = _core_span(a[0], a[1], pub, tense)
        last = _core_span(b[0], b[1], pub, tense)
        if first is None or last is None or (first[0] and last[1] and last[1] < first[0]):
            return None
        return first[0], last[1], first[2]
    span = _core_span(kind, m, pub, tense)
    if span is None:
        return None
    mod = m.group("mod").lower() if m.group("mod") else None
    return _apply(span, m.group("prep"), mod, pub)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def resolve_expression(
    expression: str, published: dt.date | str | None, tense: str = "unknown"
) -> Resolution | None:
    """(date_start, date_end, granularity) of a time expression, dates as ISO strings or None.

    None when ``expression`` is not a time expression; ``tense`` ("past", "future" or
    "unknown") picks between earlier and later readings of "Monday", "in January", seasons.
    """
    try:
        pub = dt.date.fromisoformat(published) if isinstance(published, str) else published
    except ValueError:
        pub = None
    text = " ".join(str(expression).split())
    parsed = _parse(text)
    if parsed is None:
        return None
    try:
        span = _resolve_parsed(parsed, pub, tense)
    except (OverflowError, ValueError):
        return None
    if span is None:
        return None
    return _iso(span[0]), _iso(span[1]), span[2]


# ---------------------------------------------------------------- context
def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` holding ``text[start:end]`` (offsets into ``text``)."""
    left, right = 0, len(text)
    for b in _CLAUSE_BREAK.finditer(text):
        if b.end() <= start:
            left = b.end()
        elif b.start() >= end:
            right = b.start()
            break
    return left, right


def _needs_tense(parsed: _Parsed) -> bool:
    """Whether the reading of the expression depends on tense ("on Monday" but not "in 2016")."""
    m, kind = parsed
    if kind == "rel":
        return m.group("what").lower() not in ("week", "weekend", "month", "year")
    if kind in ("dmy", "mdy"):
        return not m.group("y")
    return kind in ("weekday", "month", "season") or kind is None


def _cues(words: list[str]) -> list[str]:
    """The tense cue ('future'/'past') of each word that is one, in order."""
    cues = []
    for i, word in enumerate(words):
        if word in _FUTURE_WORDS or word.endswith(("'ll", "’ll")) or (
            i + 1 < len(words) and (word, words[i + 1]) in _FUTURE_PAIRS
        ):
            cues.append("future")
        elif word in _PAST_WORDS or len(word) > 3 and word.endswith("ed"):
            cues.append("past")
    return cues


def _words(text: str) -> list[str]:
    return [w.strip(_WORD_EDGES) for w in text.lower().split()]


def _tense(sentence: str, left: int, right: int, start: int, end: int) -> str:
    """'future'/'past' from the cue nearest before ``sentence[start:end]`` in the clause
    ``[left, right)``, else the nearest after it; 'unknown' without cues."""
    before = _cues(_words(sentence[left:start]))
    if before:
        return before[-1]
    after = _cues(_words(sentence[end:right]))
    return after[0] if after else "unknown"


def _trim(text: str, start: int, end: int) -> str:
    """``text[start:end]`` without surrounding spaces, dangling punctuation or quote marks
    (a closing quote mark stays when an opening one inside needs it)."""
    piece = text[start:end].lstrip(" \t\u00a0,;:–—\"'“”‘’")
    stripped = piece.rstrip(" \t\u00a0,;:–—\"'“”‘’")
    if any(q in stripped for q in "“‘\""):
        return piece.rstrip(" \t\u00a0,;:–—")
    return stripped


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, left = [], 0
    for b in _CLAUSE_BREAK.finditer(text):
        spans.append((left, b.start()))
        left = b.end()
    spans.append((left, len(text)))
    return spans


def _describe(sentence: str, start: int, end: int, limit: int = 180) -> str:
    """The sentence, or the clauses around ``sentence[start:end]``, at most ~``limit`` chars."""
    if len(sentence) <= limit:
        return _trim(sentence, 0, len(sentence))
    spans = _clauses(sentence)
    i = next((k for k, (a, b) in enumerate(spans) if a <= start < b), len(spans) - 1)
    left, right = spans[i]
    lo = hi = i
    while lo > 0 and right - spans[lo - 1][0] <= limit:  # the main clause usually comes first
        lo -= 1
        left = spans[lo][0]
    while hi + 1 < len(spans) and spans[hi + 1][1] - left <= limit:
        hi += 1
        right = spans[hi][1]
    if right - left > limit:  # one long clause: a window around the expression
        half = max(0, (limit - (end - start)) // 2)
        left, right = max(left, start - half), min(right, end + half)
        if left > 0 and not sentence[left - 1].isspace():
            space = sentence.find(" ", left, start)
            left = space + 1 if space >= 0 else left
        if right < len(sentence) and not sentence[right].isspace():
            space = sentence.rfind(" ", end, right)
            right = space if space >= 0 else right
    return _trim(sentence, left, right)


def _accepted(text: str, s: int, parsed: _Parsed, after_event: bool) -> bool:
    """Whether a scanned expression dates something (context rules of the module docstring)."""
    m, kind = parsed
    before = text[max(0, s - 40):s]
    prep = " ".join((m.group("prep") or "").lower().split())
    if kind in _NEED_TRIGGER and not prep and not m.group("mod"):
        the_decade = kind == "decade" and m.group("core")[:4].lower() == "the "
        if not (the_decade or after_event or _TRIGGER_BEFORE.search(before)):
            return False
    if kind not in ("adverb", "recent", "rolling") and _COMPARISON.search(before):
        return False
    if prep in ("from", "on") and kind in _ABSOLUTE and _CHANGE.search(before[-25:]):
        return False
    if kind == "adverb" and m.group("core").lower() == "earlier" and not prep:
        if not _EARLIER_OK_AFTER.match(text, m.end()) or _DETERMINER_BEFORE.search(before):
            return False
    return True


def _context(sentence: str, start: int, end: int, size: int = 600) -> tuple[str, int, int]:
    """The sentence, or ~``size`` characters of it around ``[start, end)`` when it is very long
    (keeps the work per expression bounded), with the expression's offsets into it."""
    if len(sentence) <= size:
        return sentence, start, end
    left = max(0, start - size // 2)
    return sentence[left:end + size // 2], start - left, end - left


def _sentence_at(starts: list[int], sentences: tuple[Sentence, ...], pos: int) -> Sentence | None:
    i = bisect_right(starts, pos) - 1
    return sentences[i] if i >= 0 else None


def extract_events(article: Article) -> pd.DataFrame:
    """One row per time expression that dates something, resolved against publication."""
    text, pub = article.text, article.published
    sentences = article.sentences
    starts = [s.start for s in sentences]
    rows: list[tuple[Any, ...]] = []
    last_end = -1
    for parsed in _scan(text):
        s, e = parsed[0].span()
        sentence = _sentence_at(starts, sentences, s)
        if sentence is None or e > sentence.end:
            continue
        after_event = sentence.start < last_end and s - last_end < 12 and bool(
            _CONJ_AFTER_EVENT.match(text[last_end:s]))
        if not _accepted(text, s, parsed, after_event):
            continue
        context, rs, re_ = _context(sentence.text, s - sentence.start, e - sentence.start)
        tense = "unknown"
        if pub is not None and _needs_tense(parsed):
            left, right = _clause(context, rs, re_)
            tense = _tense(context, left, right, rs, re_)
        try:
            span = _resolve_parsed(parsed, pub, tense)
        except (OverflowError, ValueError):  # dates beyond the calendar's range
            span = None
        if span is None:
            continue
        last_end = e
        rows.append((  # in the order of COLUMNS["events"]; tuples build the frame fastest
            len(rows) + 1, _iso(span[0]), _iso(span[1]), span[2], text[s:e],
            _describe(context, rs, re_), sentence.paragraph, s, e,
        ))
    return frame("events", rows)
