"""Place an article's figures in context: match each to a reference series and check it.

``match_figures(article, figures)`` reads, for every figure, what it counts (the figures
table's ``counts``, the words of its clause and sentence), where (country words in the
sentence or paragraph) and when (its ``period``, the clause, the sentence, or the
publication date), picks the catalogued series that fits best and compares the value
with the series under a tolerance set by the figure's hedge ("more than", "nearly"...).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import pandas as pd

from newstables import reference
from newstables.extract.article import Article, Sentence

CLAIM_COLUMNS = [
    "figure", "claim", "value", "low", "high", "hedge", "counts", "period", "claim_period",
    "claim_date", "compared_as", "series", "series_title", "series_value", "series_period",
    "difference",
    "relative_difference", "verdict", "tolerance_rule", "reason", "notes", "source_url",
    "source_title", "confidence", "paragraph", "start", "end",
]
VERDICTS = ("consistent", "inconsistent", "cannot check")
MAX_NGRAM = 6

# ---------------------------------------------------------------------------------------
# Text helpers


def _norm(text: str) -> str:
    """Lower case, no accents, straight apostrophes: the form keywords are matched in."""
    text = str(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.replace("’", "'").replace("‘", "'")
    return text.casefold()


_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(_norm(text))


@lru_cache(maxsize=4096)
def _ngrams(text: str) -> frozenset[str]:
    """Every run of 1..MAX_NGRAM words of ``text``, joined by single spaces."""
    words = _words(text)
    grams = set()
    for i in range(len(words)):
        for n in range(1, MAX_NGRAM + 1):
            if i + n > len(words):
                break
            grams.add(" ".join(words[i : i + n]))
    return frozenset(grams)


def _key(phrase: str) -> str:
    return " ".join(_words(phrase))


def _fmt(value: float | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if abs(value) >= 100 or float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


# ---------------------------------------------------------------------------------------
# The catalogue, prepared once


@dataclass(frozen=True)
class SeriesRule:
    key: str
    title: str
    kind: str
    unit: str
    geography: str
    keywords: tuple[tuple[str, int], ...]
    requires_any: tuple[str, ...]
    excludes_any: tuple[str, ...]
    near_keywords: tuple[str, ...]
    requires_near: tuple[str, ...]
    excludes_near: tuple[str, ...]
    since: str
    static: bool
    max_age_days: int
    max_gap_days: int
    priority: int
    order: int


@dataclass(frozen=True)
class Vocabulary:
    rules: tuple[SeriesRule, ...]
    geographies: dict[str, tuple[str, ...]]
    hedges: dict[str, dict[str, Any]]
    hedge_phrases: tuple[tuple[str, str], ...]  # (phrase, hedge name), longest first
    hedge_before: re.Pattern[str]
    hedge_surface: re.Pattern[str]
    hedge_after: re.Pattern[str]
    up_words: frozenset[str]
    down_words: frozenset[str]
    count_units: frozenset[str]
    percent_units: frozenset[str]


def _keys(values: list[str]) -> tuple[str, ...]:
    return tuple(k for k in dict.fromkeys(_key(v) for v in values) if k)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Keyword rules of every catalogued series, read once from the catalogue."""
    cat = reference.catalogue()
    rules = []
    for order, key in enumerate(reference.series_keys()):
        s = reference.spec(key)
        rules.append(SeriesRule(
            key=key, title=s.get("title", key), kind=s["kind"], unit=s["unit"],
            geography=s.get("geography", ""),
            keywords=tuple((k, len(k.split())) for k in _keys(s.get("counts_keywords", []))),
            requires_any=_keys(s.get("requires_any", [])),
            excludes_any=_keys(s.get("excludes_any", [])),
            near_keywords=_keys(s.get("near_keywords", [])),
            requires_near=_keys(s.get("requires_near", [])),
            excludes_near=_keys(s.get("excludes_near", [])),
            since=str(s.get("since", "")), static=bool(s.get("static", False)),
            max_age_days=int(s["max_age_days"]),
            max_gap_days=int(s["max_gap_days"]), priority=int(s["priority"]), order=order,
        ))
    phrases = [
        (_norm(p).strip(), name)
        for name, h in cat["hedges"].items() for p in h.get("phrases", [])
    ]
    phrases.sort(key=lambda item: (-len(item[0]), item[0]))
    every = "|".join(re.escape(p) for p, _ in phrases)
    words = "|".join(re.escape(p) for p, _ in phrases if p[:1].isalpha())
    trailing = "|".join(re.escape(p) for p, _ in phrases
                        if p[:1] in "-+" or p.startswith("or ") or p in ("plus", "odd"))
    return Vocabulary(
        rules=tuple(rules),
        geographies={g: _keys(words) for g, words in cat["geographies"].items()},
        hedges=cat["hedges"],
        hedge_phrases=tuple(phrases),
        hedge_before=re.compile(rf"(?:^|\W)({every})\s*$"),
        hedge_surface=re.compile(rf"^({words})(?:\W|$)"),
        hedge_after=re.compile(rf"^\s*({trailing})(?:\W|$)"),
        up_words=frozenset(_keys(cat["change_words"]["up"])),
        down_words=frozenset(_keys(cat["change_words"]["down"])),
        count_units=frozenset(_norm(u) for u in cat["count_units"]),
        percent_units=frozenset(_norm(u) for u in cat["percent_units"]),
    )


# ---------------------------------------------------------------------------------------
# Periods


@dataclass(frozen=True)
class Period:
    """When a claim is about: kind is year, quarter, month, day, range, ytd, since, end,
    now or rate; start/end are inclusive dates (None when unknown)."""

    kind: str
    start: dt.date | None
    end: dt.date | None
    label: str
    origin: str = ""


_MONTH_NAMES = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_M = rf"(?:{_MONTH_NAMES})\.?"
_Y = r"(?:19|20)\d\d"
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_ORDINAL_Q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_I = re.IGNORECASE

# Comparison bases ("compared with 2021", "than in 2019", "a year earlier"): not the
# figure's own period, and the base of a percentage change.
_BASE = re.compile(
    rf"\b(?:compared\s+(?:with|to)|than(?:\s+in)?|up\s+from|down\s+from|from|on|versus|vs\.?"
    rf"|against|over|relative\s+to)\s+(?:the\s+same\s+(?:period|quarter|month|time)\s+"
    rf"(?:of|in)\s+|(?:the\s+)?(?:figure|total|level)\s+(?:of|in|for)\s+)?(?P<y>{_Y})\b"
    r"(?!\s*(?:to|until|-|–)\s*\d)"
    r"|(?P<prev>\b(?:compared\s+(?:with|to)|than|on|from|over)\s+(?:the\s+)?(?:previous|prior"
    r"|preceding)\s+(?:year|quarter|month|12\s+months)|\b(?:a|one)\s+year\s+(?:earlier|before"
    r"|ago)|\bthe\s+same\s+(?:period|quarter|month|time)\s+(?:of\s+|in\s+)?(?:last|the\s+"
    r"previous)\s+year)",
    _I,
)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("since", re.compile(
        rf"\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"\s+)?(?:(?P<m>{_M})\s+)?(?P<y>{_Y})\b", _I)),
    ("since_month", re.compile(rf"\bsince\s+(?P<m>{_M})\b(?!\s*\d)")),
    ("ytd", re.compile(
        rf"\b(?:so\s+far\s+(?:this\s+year|in\s+(?P<y>{_Y}))|this\s+year\s+so\s+far"
        r"|year[\s-]to[\s-]date|(?:since|from)\s+the\s+(?:start|beginning)\s+of\s+(?:this|the)"
        r"\s+year|this\s+year)\b", _I)),
    ("year_ending", re.compile(
        rf"\b(?:year|12\s+months)\s+(?:ending|ended|to)\s+(?:(?:the\s+)?end\s+of\s+)?"
        rf"(?P<m>{_M})\s+(?P<y>{_Y})\b", _I)),
    ("quarter", re.compile(
        rf"\b(?P<q>first|second|third|fourth|final|last)\s+quarter\s+(?:of\s+)?(?P<y>{_Y})\b"
        rf"|\bQ(?P<q2>[1-4])\s+(?P<y2>{_Y})\b|\b(?P<y3>{_Y})[\s-]?Q(?P<q3>[1-4])\b", _I)),
    ("half", re.compile(rf"\b(?P<h>first|second)\s+half\s+of\s+(?P<y>{_Y})\b", _I)),
    ("month_range", re.compile(
        rf"\b(?:between\s+)?(?P<m1>{_M})(?:\s+(?P<y1>{_Y}))?\s*(?:and|to|-|–|until)\s*"
        rf"(?P<m2>{_M})\s+(?P<y2>{_Y})\b", _I)),
    ("year_range", re.compile(
        rf"\b(?:between\s+)?(?P<y1>{_Y})\s*(?:and|to|-|–)\s*(?P<y2>{_Y})\b(?!-\d)", _I)),
    ("end_of", re.compile(
        rf"\b(?:at\s+|by\s+)?the\s+end\s+of\s+(?:(?P<m>{_M})\s+)?(?P<y>{_Y})\b", _I)),
    ("day", re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_M})\s+(?P<y>{_Y})\b"
        rf"|\b(?P<m2>{_M})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>{_Y})\b"
        rf"|\b(?P<iso>{_Y}-\d\d-\d\d)\b", _I)),
    ("month", re.compile(rf"\b(?P<m>{_M})\s+(?P<y>{_Y})\b|\b(?P<iso>{_Y}-\d\d)\b(?!-)", _I)),
    ("last", re.compile(r"\b(?:last|previous)\s+(?P<u>year|month)\b", _I)),
    ("weekday", re.compile(
        r"\b(?P<last>on|last)\s+(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
        r"|Sunday)\b", _I)),
    ("relday", re.compile(r"\b(?P<w>yesterday|today)\b", _I)),
    ("rate", re.compile(
        r"\b(?:a|per|each|every)\s+(?P<u>year|month|week|day)\b"
        r"|\b(?P<adv>annually|yearly|monthly|weekly|daily)\b", _I)),
    ("year", re.compile(
        rf"\b(?:in|during|for|of|throughout|by|until|and|between|from|early|late|mid|to)\s+"
        rf"(?:the\s+(?:whole\s+of\s+|year\s+)?)?(?P<y>{_Y})(?!\d|,\d|%|-\d)", _I)),
]
_ISO_PART = re.compile(rf"^(?P<y>{_Y})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d))?|-(?P<k>[QH])(?P<n>[1-4]))?$")
_ROLLING = re.compile(r"\b(?:the\s+)?(?:past|last|previous)\s+(?P<n>\w+)\s+(?P<u>years|months)\b",
                      _I)
_SMALL_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                  "nine": 9, "ten": 10, "twelve": 12, "eighteen": 18, "twenty": 20}
_ANAPHOR = re.compile(r"^\W*(?:that|this|these|it|which|the\s+figure)\b", _I)
_RATE_UNITS = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week",
               "daily": "day"}


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _year_period(year: int, label: str) -> Period:
    return Period("year", dt.date(year, 1, 1), dt.date(year, 12, 31), label)


def _from_match(kind: str, m: re.Match[str], published: dt.date | None) -> Period | None:
    """One matched expression as a Period (None when it needs a missing publication date)."""
    g = m.groupdict()
    text = m.group(0).strip()
    if kind == "since":
        year = int(g["y"])
        month = _month(g["m"]) if g["m"] else 1
        day = int(g["d"]) if g["d"] and g["m"] else 1
        try:
            start = dt.date(year, month, day)
        except ValueError:
            start = dt.date(year, month, 1)
        if published and start == dt.date(published.year, 1, 1):
            return Period("ytd", start, published, text)
        return Period("since", start, published, text)
    if kind == "since_month":
        if not published:
            return None
        month = _month(g["m"])
        year = published.year if month <= published.month else published.year - 1
        kind_ = "ytd" if (month == 1 and year == published.year) else "since"
        return Period(kind_, dt.date(year, month, 1), published, text)
    if kind == "ytd":
        year = int(g["y"]) if g.get("y") else (published.year if published else None)
        if year is None:
            return None
        end = published if published and published.year == year else dt.date(year, 12, 31)
        return Period("ytd", dt.date(year, 1, 1), end, text)
    if kind == "year_ending":
        year, month = int(g["y"]), _month(g["m"])
        end = reference.month_end(year, month)
        start = dt.date(year - 1, month, 1) + dt.timedelta(days=31)
        return Period("range", start.replace(day=1), end, text)
    if kind == "quarter":
        q = _ORDINAL_Q.get((g["q"] or "").lower()) or int(g["q2"] or g["q3"])
        year = int(g["y"] or g["y2"] or g["y3"])
        start, end = reference.quarter_span(year, q)
        return Period("quarter", start, end, f"{year}-Q{q}")
    if kind == "half":
        year, first = int(g["y"]), g["h"].lower() == "first"
        return Period("range", dt.date(year, 1 if first else 7, 1),
                      dt.date(year, 6, 30) if first else dt.date(year, 12, 31), text)
    if kind == "month_range":
        y2 = int(g["y2"])
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        y1 = int(g["y1"]) if g["y1"] else (y2 if m1 <= m2 else y2 - 1)
        return Period("range", dt.date(y1, m1, 1), reference.month_end(y2, m2), text)
    if kind == "year_range":
        y1, y2 = int(g["y1"]), int(g["y2"])
        if not y1 < y2 <= y1 + 50:
            return None
        return Period("range", dt.date(y1, 1, 1), dt.date(y2, 12, 31), text)
    if kind == "end_of":
        year = int(g["y"])
        end = reference.month_end(year, _month(g["m"])) if g["m"] else dt.date(year, 12, 31)
        return Period("end", dt.date(year, 1, 1), end, text)
    if kind == "day":
        try:
            if g["iso"]:
                day = dt.date.fromisoformat(g["iso"])
            elif g["d"]:
                day = dt.date(int(g["y"]), _month(g["m"]), int(g["d"]))
            else:
                day = dt.date(int(g["y2"]), _month(g["m2"]), int(g["d2"]))
        except ValueError:
            return None
        return Period("day", day, day, day.isoformat())
    if kind == "month":
        if g["iso"]:
            year, month = int(g["iso"][:4]), int(g["iso"][5:7])
            if not 1 <= month <= 12:
                return None
        else:
            year, month = int(g["y"]), _month(g["m"])
        return Period("month", dt.date(year, month, 1), reference.month_end(year, month),
                      f"{year}-{month:02d}")
    if kind == "last":
        if not published:
            return None
        if g["u"].lower() == "year":
            return _year_period(published.year - 1, str(published.year - 1))
        first = published.replace(day=1) - dt.timedelta(days=1)
        return Period("month", first.replace(day=1), first, f"{first:%Y-%m}")
    if kind == "weekday":
        if not published:
            return None
        back = (published.weekday() - _WEEKDAYS[g["w"].lower()]) % 7
        if back == 0 and g["last"].lower() == "last":
            back = 7
        day = published - dt.timedelta(days=back)
        return Period("day", day, day, day.isoformat())
    if kind == "relday":
        if not published:
            return None
        day = published - dt.timedelta(days=1 if g["w"].lower() == "yesterday" else 0)
        return Period("day", day, day, day.isoformat())
    if kind == "rate":
        unit = g["u"].lower() if g["u"] else _RATE_UNITS[g["adv"].lower()]
        return Period("rate", None, None, f"per {unit}")
    year = int(g["y"])
    return _year_period(year, str(year))


def find_periods(text: str, published: dt.date | None) -> list[tuple[int, int, Period]]:
    """Every period expression in ``text`` as (start, end, Period), comparison bases left out."""
    return list(_find_periods(text, published))


@lru_cache(maxsize=2048)
def _find_periods(text: str, published: dt.date | None) -> tuple[tuple[int, int, Period], ...]:
    taken = [(m.start(), m.end()) for m in _BASE.finditer(text)]
    found: list[tuple[int, int, Period]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            period = _from_match(kind, m, published)
            if period is None:
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), period))
    found.sort(key=lambda item: item[0])
    return tuple(found)


def _iso_span(text: str) -> tuple[str, dt.date, dt.date] | None:
    """(kind, first day, last day) of "2023", "2023-08", "2023-08-07", "2023-Q1", "2023-H2"."""
    m = _ISO_PART.match(text.strip())
    if not m:
        return None
    year = int(m.group("y"))
    try:
        if m.group("d"):
            day = dt.date(year, int(m.group("m")), int(m.group("d")))
            return "day", day, day
        if m.group("m"):
            month = int(m.group("m"))
            return "month", dt.date(year, month, 1), reference.month_end(year, month)
    except ValueError:
        return None
    if m.group("k") == "Q":
        return ("quarter", *reference.quarter_span(year, int(m.group("n"))))
    if m.group("k") == "H":
        first = m.group("n") == "1"
        return ("range", dt.date(year, 1 if first else 7, 1),
                dt.date(year, 6, 30) if first else dt.date(year, 12, 31))
    return "year", dt.date(year, 1, 1), dt.date(year, 12, 31)


def _iso_period(text: str) -> Period | None:
    """An ISO period or interval "start/end", as the figures table writes them."""
    parts = text.split("/")
    spans = [_iso_span(p) for p in parts]
    if len(parts) > 2 or any(s is None for s in spans):
        return None
    if len(spans) == 1:
        kind, start, end = spans[0]
        label = text if kind != "quarter" else text.upper()
        return Period(kind, start, end, label)
    (_, start, _), (_, _, end) = spans
    return Period("range", start, end, text) if start <= end else None


def _rolling(text: str, published: dt.date | None) -> Period | None:
    m = _ROLLING.search(text)
    if not m or published is None:
        return None
    n = _SMALL_NUMBERS.get(m.group("n").lower()) or (
        int(m.group("n")) if m.group("n").isdigit() else None)
    if not n:
        return None
    months = n * 12 if m.group("u").lower() == "years" else n
    year, month = divmod(published.year * 12 + published.month - 1 - months, 12)
    return Period("range", dt.date(year, month + 1, 1), published, m.group(0))


def _clip(period: Period, published: dt.date | None) -> Period:
    """A period still running at publication ends at the publication date."""
    if published is None or period.start is None or period.end is None:
        return period
    if not period.start <= published < period.end:
        return period
    kind = "ytd" if period.start == dt.date(published.year, 1, 1) else "since"
    return Period(kind, period.start, published, f"{period.label} (to publication)")


def parse_period(text: Any, published: dt.date | None) -> Period | None:
    """A figure's ``period`` value ("2022", "2016/2023", "2023-Q2", "since 2016"...)."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return None
    text = str(text).strip()
    if not text:
        return None
    iso = _iso_period(text)
    if iso is not None:
        return _clip(iso, published)
    rolling = _rolling(text, published)
    if rolling is not None:
        return rolling
    found = find_periods(text, published)
    if not found:
        loose = re.search(rf"(?<![\d,.])({_Y})(?!\d|,\d|%)", text)
        return _year_period(int(loose.group(1)), loose.group(1)) if loose else None
    return _clip(found[0][2], published)


def _nearest(found: list[tuple[int, int, Period]], start: int, end: int) -> Period | None:
    """The expression closest to the span [start, end); ties go to the one after it."""
    best, best_distance = None, None
    for s, e, period in found:
        distance = (s - end) if s >= end else (start - e) * 1.5 if e <= start else 0
        if best_distance is None or distance < best_distance:
            best, best_distance = period, distance
    return best


# ---------------------------------------------------------------------------------------
# The figure's context: sentence, clause, near words, country


_CLAUSE_SPLIT = re.compile(r",\s+|;\s*|:\s+|\s+[–—]\s+|\s+-\s+|\s+(?=(?:while|whereas|but)\b)")
_COMPARISON_START = re.compile(
    r"^\W*(?:and\s+)?(?:(?:down|up|rising|falling|a\s+(?:rise|fall|drop|increase|decrease))"
    r"(?:\s+(?:by\s+)?(?:some\s+|about\s+|around\s+|nearly\s+)?[\d.,]+\s*(?:%|per\s*cent"
    r"|percent))?\s+(?:of\s+)?)?(?:from|compared\s+(?:with|to)|than|versus|against)\b", _I)


@dataclass
class Context:
    sentence: Sentence | None
    clause: str
    widened: str
    near: str
    sentence_text: str
    previous_text: str
    paragraph_text: str
    figure_start: int = 0
    figure_end: int = 0
    spans: list[tuple[int, int]] = field(default_factory=list)
    index: int = 0


def _sentence_at(article: Article, offset: int) -> tuple[Sentence | None, Sentence | None]:
    previous = None
    for s in article.sentences:
        if s.start <= offset < s.end:
            return s, previous
        previous = s
    return None, None


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _CLAUSE_SPLIT.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _context(article: Article, start: int, end: int, others: list[tuple[int, int]]) -> Context:
    sentence, previous = _sentence_at(article, start)
    if sentence is None:
        return Context(None, "", "", "", "", "", "", start, end)
    text = sentence.text
    fs, fe = start - sentence.start, min(end, sentence.end) - sentence.start
    spans = _clauses(text)
    index = next((i for i, (s, e) in enumerate(spans) if s <= fs <= e), 0)
    clause = text[spans[index][0]: spans[index][1]]
    other_spans = [(s - sentence.start, e - sentence.start) for s, e in others
                   if sentence.start <= s < sentence.end and (s, e) != (start, end)]

    def has_other(i: int) -> bool:
        s, e = spans[i]
        return any(s <= o < e for o, _ in other_spans)

    # When the clause says nothing about what is counted, borrow from its neighbours: all
    # earlier clauses after a comparison ("down from 45,774"), else figure-free clauses.
    if _COMPARISON_START.match(clause):
        widened = text[: spans[index][1]]
    else:
        parts = [text[s:e] for i, (s, e) in enumerate(spans) if i == index or not has_other(i)]
        widened = " , ".join(parts)
    near = " ".join(re.findall(r"[\w'’-]+", text[fe:])[:3])
    paragraph = next((p.text for p in article.paragraphs if p.number == sentence.paragraph), "")
    prev_text = previous.text if previous is not None else ""
    return Context(sentence, clause, widened, near, text, prev_text, paragraph, fs, fe, spans,
                   index)


def _geographies(text: str) -> set[str]:
    grams = _ngrams(text)
    return {g for g, words in vocabulary().geographies.items() if any(w in grams for w in words)}


# ---------------------------------------------------------------------------------------
# Hedges and tolerance


@dataclass(frozen=True)
class Tolerance:
    name: str
    phrase: str
    low: float
    high: float
    rule: str


def _hedge_name(hedge: Any, before: str, after: str, surface: str,
                approximate: Any) -> tuple[str, str]:
    """(hedge name in the catalogue, the phrase) for a figure."""
    vocab = vocabulary()
    hedge_text = _norm(hedge).strip() if isinstance(hedge, str) else ""
    for phrase, name in vocab.hedge_phrases:
        if hedge_text == phrase:
            return name, phrase
    names = dict(vocab.hedge_phrases)
    for pattern, text in ((vocab.hedge_surface, surface), (vocab.hedge_before, before),
                          (vocab.hedge_after, after)):
        m = pattern.search(_norm(text))
        if m:
            return names[m.group(1)], m.group(1)
    kinds = reference.catalogue()["hedge_kinds"]
    if hedge_text in kinds:
        return kinds[hedge_text], hedge_text
    if approximate is True or (isinstance(approximate, str) and approximate.lower() == "true"):
        return "approximate", "about"
    return "exact", ""


def tolerance(value: float, low: float, high: float, hedge: str, phrase: str = "",
              surface: str = "") -> Tolerance:
    """The interval a series value must fall in for the claim (value, hedge) to hold."""
    hedges = vocabulary().hedges
    if not math.isnan(low) and not math.isnan(high) and low != high:
        rule = hedges["range"]["rule"].format(claim=surface.strip() or f"{_fmt(low)}-{_fmt(high)}",
                                              x=_fmt(value), lo=_fmt(low), hi=_fmt(high))
        return Tolerance("range", surface.strip(), low, high, rule)
    h = hedges.get(hedge, hedges["exact"])
    lo, hi = sorted((value * h["low"], value * h["high"]))
    claim = f"{phrase} {_fmt(value)}".strip() if phrase else f"{_fmt(value)} (exact)"
    rule = h["rule"].format(claim=claim, x=_fmt(value), lo=_fmt(lo), hi=_fmt(hi))
    return Tolerance(hedge if hedge in hedges else "exact", phrase, lo, hi, rule)


# ---------------------------------------------------------------------------------------
# Looking a period up in a series


@dataclass
class Lookup:
    value: float | None = None
    low: float | None = None
    high: float | None = None
    label: str = ""
    row: dict[str, Any] | None = None
    alternatives: list[dict[str, Any]] = field(default_factory=list)
    reason: str = ""
    note: str = ""
    floor: float | None = None  # a running total already reached before the claim date


def _rows(key: str) -> list[dict[str, Any]]:
    return _series_rows(key, False)


@lru_cache(maxsize=256)
def _series_rows_cached(key: str, all_rows: bool) -> tuple[dict[str, Any], ...]:
    return tuple(reference.series(key, all_rows=all_rows).to_dict("records"))


def _series_rows(key: str, all_rows: bool) -> list[dict[str, Any]]:
    return list(_series_rows_cached(key, all_rows))


def _alternatives(key: str, row: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in _series_rows(key, True)
            if r["period"] == row["period"] and r["end"] == row["end"] and r["row"] != row["row"]]


def _flow_span(period: Period, published: dt.date | None) -> tuple[dt.date, dt.date] | str:
    """The dates a flow must be summed over, or a reason why it cannot."""
    if period.kind == "rate":
        if period.label == "per year" and published:
            return dt.date(published.year - 1, 1, 1), dt.date(published.year - 1, 12, 31)
        return f"a rate {period.label} cannot be compared with the series"
    if period.kind in ("now", "end"):
        if period.end is None:
            return "no publication date to read the period from"
        return dt.date(period.end.year, 1, 1), period.end
    if period.start is None or period.end is None:
        return "no publication date to read the period from"
    if published and period.end > published and period.kind != "ytd":
        return f"{period.label} had not ended at publication ({published.isoformat()})"
    return period.start, period.end


def _lookup_flow(rule: SeriesRule, period: Period, published: dt.date | None) -> Lookup:
    span = _flow_span(period, published)
    if isinstance(span, str):
        return Lookup(reason=span)
    start, end = span
    rows = [r for r in _rows(rule.key) if r["end"] >= start and r["start"] <= end]
    if not rows:
        return Lookup(reason=f"no value for {start.isoformat()} to {end.isoformat()}")
    rows.sort(key=lambda r: r["start"])
    if rows[0]["start"] > start or rows[-1]["end"] < end or any(
        b["start"] != a["end"] + dt.timedelta(days=1) for a, b in zip(rows, rows[1:], strict=False)
    ):
        return Lookup(reason=f"the series does not cover all of {start.isoformat()} to "
                             f"{end.isoformat()}")
    inside = [r for r in rows if r["start"] >= start and r["end"] <= end]
    partial = [r for r in rows if r not in inside]
    claim_days = (end - start).days + 1
    partial_days = sum((r["end"] - r["start"]).days + 1 for r in partial)
    if partial and partial_days > claim_days / 2:
        return Lookup(reason=f"the series ({rows[0]['period']}...) is too coarse for "
                             f"{start.isoformat()} to {end.isoformat()}")
    low = sum(r["value"] for r in inside)
    high = low + sum(r["value"] for r in partial)
    estimate = low + sum(
        r["value"] * ((min(r["end"], end) - max(r["start"], start)).days + 1)
        / ((r["end"] - r["start"]).days + 1)
        for r in partial
    )
    label = rows[0]["period"] if len(rows) == 1 else f"{rows[0]['period']} to {rows[-1]['period']}"
    note = ""
    if partial:
        label += " (part)"
        note = (f"{start.isoformat()} to {end.isoformat()} lies partly inside "
                f"{', '.join(r['period'] for r in partial)}: between {_fmt(low)} and "
                f"{_fmt(high)}; {_fmt(estimate)} by linear interpolation")
    elif len(rows) > 1:
        note = f"sum of {len(rows)} periods"
    alternatives = _alternatives(rule.key, rows[0]) if len(rows) == 1 else []
    return Lookup(estimate, low, high, label, rows[-1], alternatives, note=note)


def _lookup_stock(rule: SeriesRule, period: Period) -> Lookup:
    if period.kind in ("since", "range", "rate"):
        return Lookup(reason=f"a level at a date cannot be read over '{period.label}'")
    if period.end is None:
        return Lookup(reason="no publication date to read the period from")
    rows = _rows(rule.key)
    if rule.static:
        every = _series_rows(rule.key, True)
        ranked = sorted(every, key=lambda r: (_CONFIDENCE.get(str(r["confidence"]), 3), r["row"]))
        row = ranked[0]
        return Lookup(row["value"], row["value"], row["value"], row["period"], row, ranked[1:],
                      note="a fixed fact: every source's value is an alternative")
    if period.kind in ("year", "quarter", "month"):
        within = [r for r in rows if period.start <= r["end"] <= period.end]
        if not within:
            return Lookup(reason=f"no value within {period.label}")
        row = within[-1]
    else:
        at = period.end
        before = [r for r in rows if r["end"] <= at] or [r for r in rows if r["start"] <= at]
        if not before:
            return Lookup(reason=f"no value at or before {at.isoformat()}")
        row = max(before, key=lambda r: (r["end"], -rows.index(r)))
        age = (at - row["end"]).days
        if age > rule.max_age_days:
            return Lookup(reason=f"latest value before {at.isoformat()} is from "
                                 f"{row['end'].isoformat()} ({age} days earlier)")
    return Lookup(row["value"], row["value"], row["value"], row["period"], row,
                  _alternatives(rule.key, row))


_CONFIDENCE = {"high": 0, "medium": 1, "low": 2}


def _since_matches(rule: SeriesRule, period: Period) -> bool:
    if period.start is None:
        return False
    if rule.since == "year_start":
        return period.kind in ("ytd", "now", "end") or (
            period.kind == "since" and period.start == dt.date(period.start.year, 1, 1)
            and period.end is not None and period.end.year == period.start.year)
    if period.kind != "since":
        return False
    base = dt.date.fromisoformat(rule.since)
    return period.start.year == base.year and (base.month == 1 or period.start.month == base.month)


def _lookup_cumulative(rule: SeriesRule, period: Period) -> Lookup:
    if period.end is None:
        return Lookup(reason="no publication date to read the period from")
    if not _since_matches(rule, period):
        return Lookup(reason=f"the series is a running total since {rule.since}, not "
                             f"'{period.label}'")
    at = period.end
    rows = _rows(rule.key)
    if rule.since == "year_start":
        rows = [r for r in rows if r["end"].year == at.year]
        start_row = {"end": dt.date(at.year, 1, 1) - dt.timedelta(days=1), "value": 0.0,
                     "period": f"{at.year}-01-01", "row": 0}
    else:
        start_row = None
    before = [r for r in rows if r["end"] <= at]
    after = [r for r in rows if r["end"] >= at]
    prev = before[-1] if before else start_row
    nxt = after[0] if after else None
    if prev is not None and prev["row"] and (at - prev["end"]).days <= rule.max_age_days:
        return Lookup(prev["value"], prev["value"], prev["value"], prev["period"], prev,
                      _alternatives(rule.key, prev))
    if prev is not None and nxt is not None and (nxt["end"] - prev["end"]).days <= (
        rule.max_gap_days + rule.max_age_days
    ):
        span = (nxt["end"] - prev["end"]).days or 1
        estimate = prev["value"] + (nxt["value"] - prev["value"]) * (at - prev["end"]).days / span
        note = (f"between {_fmt(prev['value'])} ({prev['period']}) and {_fmt(nxt['value'])} "
                f"({nxt['period']}); {_fmt(estimate)} by linear interpolation")
        label = f"{prev['period']} to {nxt['period']}"
        return Lookup(estimate, prev["value"], nxt["value"], label, nxt, note=note)
    if prev is not None and prev["row"]:
        return Lookup(reason=f"latest running total before {at.isoformat()} is "
                             f"{_fmt(prev['value'])} on {prev['period']}",
                      floor=prev["value"], row=prev, label=prev["period"])
    return Lookup(reason=f"no running total at or before {at.isoformat()}")


def lookup(key: str, period: Period, published: dt.date | None = None) -> Lookup:
    """The value of catalogued series ``key`` for a claim's period (or why there is none)."""
    rule = next(r for r in vocabulary().rules if r.key == key)
    if rule.kind == "stock":
        return _lookup_stock(rule, period)
    if rule.kind == "cumulative":
        return _lookup_cumulative(rule, period)
    return _lookup_flow(rule, period, published)


# ---------------------------------------------------------------------------------------
# Scoring series against a figure


@dataclass(frozen=True)
class Texts:
    strong: frozenset[str]
    sentence: frozenset[str]
    near: frozenset[str]
    geographies: frozenset[str]


def _unit_kind(unit: Any) -> str:
    vocab = vocabulary()
    text = _norm(unit).strip() if isinstance(unit, str) else ""
    if text in vocab.count_units:
        return "count"
    if text in vocab.percent_units:
        return "percent"
    return text


def _series_unit_kind(rule: SeriesRule) -> str:
    if rule.unit == "percent":
        return "percent"
    if rule.unit in ("GBP", "USD", "EUR", "TRY"):
        return _norm(rule.unit)
    return "count"


def score(rule: SeriesRule, texts: Texts, percent_change: bool = False) -> int:
    """How well a series fits the figure's words; 0 means it does not fit."""
    if texts.geographies and rule.geography and rule.geography not in texts.geographies:
        return 0
    words = dict(rule.keywords)
    strong = texts.strong.intersection(words)
    if not strong and not percent_change:
        return 0
    weak = texts.sentence.intersection(words) - strong
    if not strong and not weak:
        return 0
    required_in = texts.sentence if percent_change else texts.strong
    if rule.requires_any and required_in.isdisjoint(rule.requires_any):
        return 0
    if not texts.strong.isdisjoint(rule.excludes_any):
        return 0
    if rule.requires_near and texts.near.isdisjoint(rule.requires_near):
        return 0
    if not texts.near.isdisjoint(rule.excludes_near):
        return 0
    total = 2 * sum(words[k] for k in strong) + sum(words[k] for k in weak)
    total += 3 * len(texts.near.intersection(rule.near_keywords))
    total += 1 if rule.geography in texts.geographies else 0
    return total


def candidates(texts: Texts, unit_kind: str, percent_change: bool = False) -> list[
        tuple[int, SeriesRule]]:
    """Series that fit, best first: (score, rule)."""
    found = []
    for rule in vocabulary().rules:
        wanted = "count" if percent_change else unit_kind
        if _series_unit_kind(rule) != wanted:
            continue
        s = score(rule, texts, percent_change)
        if s > 0:
            found.append((s, rule))
    found.sort(key=lambda item: (-item[0], item[1].priority, item[1].order))
    return found


# ---------------------------------------------------------------------------------------
# Checking one figure


def _inside(value: float, t: Tolerance) -> bool:
    eps = 1e-9 * max(1.0, abs(value))
    return t.low - eps <= value <= t.high + eps


MAGNITUDE = 3.0  # a series value this many times off is about something else


def _same_order(value: float | None, t: Tolerance) -> bool:
    if value is None or value <= 0 or t.low <= 0:
        return True
    return t.low / MAGNITUDE <= value <= t.high * MAGNITUDE


def _verdict(found: Lookup, t: Tolerance) -> tuple[str, float | None, dict[str, Any] | None,
                                                   str]:
    """(verdict, series value, row, note) of a successful lookup."""
    if not _same_order(found.value, t):
        note = (f"the series value {_fmt(found.value)} is of another order of magnitude: "
                "probably not the same thing")
        return "cannot check", found.value, found.row, note
    if found.low is not None and found.high is not None and found.low != found.high:
        ok = found.low <= t.high and found.high >= t.low
        return ("consistent" if ok else "inconsistent"), found.value, found.row, ""
    if _inside(found.value, t):
        return "consistent", found.value, found.row, ""
    for alt in found.alternatives:
        if _inside(alt["value"], t):
            what = alt["variant"] or alt["source_title"]
            note = (f"consistent with {_fmt(alt['value'])} ({what}, {alt['confidence']}"
                    f" confidence); preferred value {_fmt(found.value)}")
            return "consistent", alt["value"], alt, note
    return "inconsistent", found.value, found.row, ""


def _older_match(key: str, period: Period, t: Tolerance, used: dict[str, Any] | None) -> str:
    """For a stock that does not match: a value 1 month to 2 years older that does."""
    if period.end is None or used is None:
        return ""
    rows = [r for r in _rows(key) if 30 < (used["end"] - r["end"]).days
            and (period.end - r["end"]).days <= 730]
    for row in reversed(rows):
        if _inside(row["value"], t):
            return (f"matches the earlier value {_fmt(row['value'])} of {row['period']}: the "
                    "figure may be out of date")
    return ""


def _percent_change(rule: SeriesRule, target: Period, base: Period,
                    published: dt.date | None) -> tuple[float | None, str, dict[str, Any] | None]:
    a, b = lookup(rule.key, target, published), lookup(rule.key, base, published)
    if a.value is None or b.value is None or a.low != a.high or b.low != b.high:
        return None, (a.reason or b.reason or "only an estimate for one of the periods"), None
    if not b.value:
        return None, f"the base value for {base.label} is zero", None
    return (a.value / b.value - 1) * 100, f"{a.label} vs {b.label}", a.row


def _base_period(sentence: str, fig_end: int, target: Period | None,
                 published: dt.date | None) -> Period | None:
    after = [m for m in _BASE.finditer(sentence) if m.start() >= fig_end - 1]
    chosen = after[0] if after else next(iter(_BASE.finditer(sentence)), None)
    if chosen is None:
        return None
    if chosen.group("y"):
        year = int(chosen.group("y"))
        if target is not None and target.kind == "quarter" and target.start is not None:
            q = (target.start.month - 1) // 3 + 1
            start, end = reference.quarter_span(year, q)
            return Period("quarter", start, end, f"{year}-Q{q}")
        return _year_period(year, str(year))
    if target is None or target.start is None or target.end is None:
        return None
    try:
        start = target.start.replace(year=target.start.year - 1)
        end = target.end.replace(year=target.end.year - 1)
    except ValueError:
        end = target.end.replace(year=target.end.year - 1, day=28)
        start = target.start.replace(year=target.start.year - 1)
    if target.kind in ("end", "day", "now"):
        return Period(target.kind, start, end, end.isoformat())
    return Period(target.kind if target.kind != "ytd" else "range", start, end,
                  f"{start.isoformat()} to {end.isoformat()}")


def _usable(item: tuple[int, int, Period], ctx: Context) -> bool:
    """A sentence's period counts for the figure unless it sits in another clause that is
    a comparison ("compared with a peak of 56,000 in June 2023")."""
    for i, (s, e) in enumerate(ctx.spans):
        if s <= item[0] < e:
            return i == ctx.index or not _COMPARISON_START.match(ctx.sentence_text[s:e])
    return True


def _resolve_period(fig: dict[str, Any], ctx: Context, published: dt.date | None,
                    as_base: bool = True, text_first: bool = False) -> Period:
    """The claim's period: the figure's own, its clause's, its sentence's, or publication.

    ``text_first`` (percentage changes) reads the text before the figures table's period,
    which may be the comparison base ("the same quarter last year").
    """
    own = None if text_first else parse_period(fig.get("period"), published)
    sentence = ctx.sentence_text
    found = [f for f in find_periods(sentence, published) if _usable(f, ctx)] if sentence else []
    in_clause = [f for f in found if _span_in_clause(f, ctx)]
    period, origin = None, ""
    if own is not None:
        period, origin = own, "figure"
        if own.kind == "year" and in_clause:
            # "since 2016" in the text but "2016" in the figures table: the text is richer.
            richer = _nearest(in_clause, ctx.figure_start, ctx.figure_end)
            if richer is not None and richer.kind in ("since", "ytd") and (
                richer.start and richer.start.year == own.start.year
            ):
                period, origin = richer, "clause"
    if period is None and in_clause:
        period, origin = _nearest(in_clause, ctx.figure_start, ctx.figure_end), "clause"
    if period is None and found:
        period, origin = _nearest(found, ctx.figure_start, ctx.figure_end), "sentence"
    if period is None and text_first:
        period, origin = parse_period(fig.get("period"), published), "figure"
    shifted = _BASE.match(sentence, ctx.figure_end) or _BASE.match(sentence, ctx.figure_end + 1)
    main = _nearest(found, ctx.figure_start, ctx.figure_end) if found else None
    if as_base and shifted is not None and shifted.group("prev") and main is not None:
        # "from 124,461 a year earlier": the figure is the base of a comparison.
        base = _base_period(sentence, ctx.figure_end, _clip(main, published), published)
        if base is not None:
            period, origin = base, "a year before the sentence's period"
    if period is not None:
        period = _clip(period, published)
    anaphor = bool(_ANAPHOR.match(sentence)) and ctx.previous_text
    if anaphor and (period is None or (period.kind == "since" and period.end == published)):
        earlier = [p for _, _, p in find_periods(ctx.previous_text, published)
                   if p.kind in ("year", "month", "day", "end", "quarter")]
        if earlier:
            ref = earlier[-1]
            if period is None:
                period, origin = ref, "previous sentence"
            else:
                period = replace(period, end=ref.end,
                                 label=f"{period.label} to {ref.end.isoformat()}")
                origin = "clause + previous sentence"
    if period is not None and period.kind == "rate" and period.label == "per year" and published:
        year = published.year - 1
        period = _year_period(year, f"{year} (a yearly figure: the last full year before"
                                    " publication)")
    if period is None:
        if published is None:
            return Period("now", None, None, "undated (no publication date)", "none")
        return Period("now", published, published, f"{published.isoformat()} (publication date)",
                      "publication date")
    return replace(period, origin=origin)


def _span_in_clause(item: tuple[int, int, Period], ctx: Context) -> bool:
    if not ctx.spans:
        return False
    start, end = ctx.spans[ctx.index]
    return start <= item[0] < end


def _period_label(period: Period) -> str:
    if period.kind in ("ytd", "since") and period.start and period.end:
        what = " (so far that year)" if period.kind == "ytd" else ""
        return f"{period.start.isoformat()} to {period.end.isoformat()}{what}"
    if period.kind == "range" and period.start and period.end:
        return f"{period.start.isoformat()} to {period.end.isoformat()}"
    return period.label


def _number(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return math.nan
    return number if math.isfinite(number) else math.nan


def _blank(fig: dict[str, Any], period: Period | None, reason: str,
           hedge: str = "") -> dict[str, Any]:
    return {
        "figure": fig.get("figure"), "claim": fig.get("text", ""),
        "value": _number(fig.get("value")), "low": _number(fig.get("low")),
        "high": _number(fig.get("high")), "hedge": hedge,
        "counts": fig.get("counts", "") if isinstance(fig.get("counts"), str) else "",
        "period": fig.get("period", "") if isinstance(fig.get("period"), str) else "",
        "claim_period": _period_label(period) if period else "",
        "claim_date": period.end.isoformat() if period and period.end else "",
        "compared_as": "", "series": "", "series_title": "", "series_value": math.nan,
        "series_period": "",
        "difference": math.nan, "relative_difference": math.nan, "verdict": "cannot check",
        "tolerance_rule": "", "reason": reason, "notes": "", "source_url": "",
        "source_title": "", "confidence": "", "paragraph": fig.get("paragraph"),
        "start": fig.get("start"), "end": fig.get("end"),
    }


def _texts(fig: dict[str, Any], ctx: Context, widen: bool, article_geos: frozenset[str]) -> Texts:
    counts = fig.get("counts") if isinstance(fig.get("counts"), str) else ""
    strong = f"{counts} , {ctx.widened if widen else ctx.clause}"
    geos = _geographies(ctx.sentence_text) or _geographies(ctx.paragraph_text) or article_geos
    return Texts(_ngrams(strong), _ngrams(f"{counts} , {ctx.sentence_text}"),
                 _ngrams(f"{ctx.near} , {counts}"), frozenset(geos))


def _is_change(ctx: Context) -> bool:
    vocab = vocabulary()
    grams = _ngrams(ctx.clause)
    if any(w in grams for w in vocab.up_words | vocab.down_words):
        return True
    return bool(_BASE.search(ctx.sentence_text))


def _direction(ctx: Context) -> int:
    grams = _ngrams(ctx.clause) or _ngrams(ctx.sentence_text)
    vocab = vocabulary()
    if any(w in grams for w in vocab.down_words):
        return -1
    return 1


def _fill(row: dict[str, Any], rule: SeriesRule, value: float | None, series_row: dict | None,
          label: str, t: Tolerance, verdict: str, claim_value: float) -> None:
    row.update({
        "compared_as": row.get("compared_as") or "value", "series": rule.key,
        "series_title": rule.title,
        "series_value": math.nan if value is None else float(value), "series_period": label,
        "verdict": verdict, "tolerance_rule": t.rule,
    })
    if value is not None and not math.isnan(claim_value) and t.name != "range":
        row["difference"] = float(value) - claim_value
        row["relative_difference"] = (
            row["difference"] / claim_value if claim_value else math.nan)
    if series_row is not None:
        row["source_url"] = series_row.get("source_url", "")
        row["source_title"] = series_row.get("source_title", "")
        row["confidence"] = series_row.get("confidence", "")


def _check_change(fig: dict[str, Any], row: dict[str, Any], ctx: Context, t: Tolerance,
                  published: dt.date | None, article_geos: frozenset[str]) -> dict[str, Any]:
    """A percentage change ("up 161% compared with 2021") against the series' own change."""
    target = _resolve_period(fig, ctx, published, as_base=False, text_first=True)
    base = _base_period(ctx.sentence_text, ctx.figure_end, target, published)
    if base is None:
        row["reason"] = "a percentage with no comparison base in its sentence"
        return row
    row["claim_period"] = f"{target.label} vs {base.label}"
    texts = _texts(fig, ctx, True, article_geos)
    found = candidates(texts, "count", percent_change=True)
    if not found:
        row["reason"] = "no reference series counts what this percentage is about"
        return row
    sign = _direction(ctx)
    signed = replace(t, low=sign * t.low if sign > 0 else -t.high,
                     high=sign * t.high if sign > 0 else -t.low)
    reasons = []
    for _, rule in found:
        change, label, series_row = _percent_change(rule, target, base, published)
        if change is None:
            reasons.append(f"{rule.key}: {label}")
            continue
        verdict = "consistent" if _inside(change, signed) else "inconsistent"
        claim = sign * row["value"]
        row["compared_as"] = "change"
        _fill(row, rule, change, series_row, label, signed, verdict, claim)
        row["relative_difference"] = math.nan  # the difference is in percentage points
        row["tolerance_rule"] = (f"percentage change, {'up' if sign > 0 else 'down'}: {t.rule}"
                                 " (series: value of the period / value of the base - 1)")
        row["claim_period"] = f"{target.label} vs {base.label}"
        row["notes"] = "series value is the implied percentage change"
        row["reason"] = ""
        return row
    row.update(reason=reasons[0], series=found[0][1].key, series_title=found[0][1].title,
               compared_as="change")
    return row


def _check(fig: dict[str, Any], article: Article, others: list[tuple[int, int]],
           article_geos: frozenset[str]) -> dict:
    published = article.published
    start, end = int(fig.get("start") or 0), int(fig.get("end") or 0)
    surface = str(fig.get("text") or article.text[start:end])
    ctx = _context(article, start, end, others)
    before = ctx.sentence_text[max(0, ctx.figure_start - 40): ctx.figure_start]
    after = ctx.sentence_text[ctx.figure_end: ctx.figure_end + 12]
    name, phrase = _hedge_name(fig.get("hedge"), before, after, surface, fig.get("approximate"))
    row = _blank(fig, None, "", phrase or name)
    value, low, high = (_number(fig.get(c)) for c in ("value", "low", "high"))
    if not math.isnan(low) and not math.isnan(high) and low != high:
        row["hedge"] = "range"
    if ctx.sentence is None:
        row["reason"] = "the figure's offsets are outside the article's sentences"
        return row
    if math.isnan(value) and (math.isnan(low) or math.isnan(high)):
        row["reason"] = "the figure has no value"
        return row
    claim_value = value if not math.isnan(value) else (low + high) / 2
    t = tolerance(claim_value, low, high, name, phrase, surface)
    unit_kind = _unit_kind(fig.get("unit"))
    if unit_kind == "percent" and _is_change(ctx):
        return _check_change(fig, row, ctx, t, published, article_geos)
    if unit_kind == "count" and not math.isnan(value) and 0 < abs(value) < 1:
        row["reason"] = "a fraction, not a count"
        return row
    period = _resolve_period(fig, ctx, published)
    row.update(claim_period=_period_label(period),
               claim_date=period.end.isoformat() if period.end else "")
    found = candidates(_texts(fig, ctx, False, article_geos), unit_kind)
    if not found:
        found = candidates(_texts(fig, ctx, True, article_geos), unit_kind)
    if not found:
        row["reason"] = ("no reference series counts "
                         f"'{row['counts'] or ctx.clause.strip()[:60]}'")
        return row
    top = found[0][0]
    group = [rule for s, rule in found if s == top]
    results = []
    reasons = []
    for rule in group:
        got = lookup(rule.key, period, published)
        if got.value is None:
            reasons.append((rule, got))
            continue
        verdict, v, series_row, note = _verdict(got, t)
        rank = {"consistent": 0, "inconsistent": 1}.get(verdict, 2)
        results.append((rank, rule.priority, rule.order, rule, got, verdict, v, series_row, note))
    if not results:
        rule, got = reasons[0]
        row.update(series=rule.key, series_title=rule.title, tolerance_rule=t.rule,
                   reason=f"{rule.title}: {got.reason}")
        if got.floor is not None and got.floor > t.high:
            _fill(row, rule, got.floor, got.row, got.label, t, "inconsistent", claim_value)
            row["reason"] = ""
            row["notes"] = (f"below the running total already reached on {got.label}"
                            f" ({_fmt(got.floor)})")
        return row
    results.sort(key=lambda r: r[:3])
    _, _, _, rule, got, verdict, v, series_row, note = results[0]
    _fill(row, rule, v, series_row, got.label, t, verdict, claim_value)
    if verdict == "cannot check":
        row["reason"], note = note, ""
    notes = [n for n in (got.note, note) if n]
    if verdict == "inconsistent" and rule.kind == "stock":
        older = _older_match(rule.key, period, t, series_row)
        if older:
            notes.append(older)
    others_found = [f"{r[3].key}: {_fmt(r[6])}" for r in results[1:]]
    if others_found:
        notes.append("also compared: " + "; ".join(others_found))
    if period.origin in ("publication date",):
        notes.append("no period in the text: read at the publication date")
    row["notes"] = " | ".join(notes)
    return row


def match_figures(article: Article, figures: pd.DataFrame) -> pd.DataFrame:
    """One row per figure: the series it was matched to, the value, and a verdict.

    Verdicts are consistent / inconsistent / cannot check (with a reason). Columns:
    CLAIM_COLUMNS, in the figures' order.
    """
    if figures is None or len(figures) == 0:
        return pd.DataFrame([], columns=CLAIM_COLUMNS)
    columns = {c: figures[c].tolist() for c in figures.columns}
    records = [dict(zip(columns, values, strict=True)) for values in zip(*columns.values(),
                                                                          strict=True)]
    spans = []
    for fig in records:
        try:
            spans.append((int(fig.get("start")), int(fig.get("end"))))
        except (TypeError, ValueError):
            continue
    article_geos = frozenset(_geographies(article.text))
    rows = []
    for fig in records:
        try:
            rows.append(_check(fig, article, spans, article_geos))
        except (TypeError, ValueError, KeyError, OverflowError) as exc:
            rows.append(_blank(fig, None, f"could not be checked ({type(exc).__name__})"))
    for row in rows:
        for column in ("value", "low", "high", "series_value", "difference",
                       "relative_difference"):
            row[column] = _number(row[column])
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


def verdict_counts(claims: pd.DataFrame) -> dict[str, int]:
    """How many claims are consistent, inconsistent and cannot be checked."""
    counts = claims["verdict"].value_counts() if len(claims) else pd.Series(dtype="int64")
    return {v: int(counts.get(v, 0)) for v in VERDICTS}


# ---------------------------------------------------------------------------------------
# Charts: where the article's claims sit on a series


def claim_points(claims: pd.DataFrame, series_keys: list[str],
                 series_period: str = "") -> pd.DataFrame:
    """The checked claims (consistent or not) compared as values with ``series_keys``, to plot.

    ``series_period`` (a regular expression) keeps only claims whose compared period
    matches it (e.g. ``r"\\d{4}-\\d\\d$"`` for single months). Columns: x (Timestamp: end of
    the claim's period), y (the claim; a range's middle), y_low/y_high (a range's bounds,
    else y), label ("More than 45,700 (consistent)"), series, verdict, figure.
    """
    columns = ["x", "y", "y_low", "y_high", "label", "series", "verdict", "figure"]
    if claims is None or claims.empty:
        return pd.DataFrame([], columns=columns)
    chosen = claims[claims["series"].isin(series_keys) & (claims["compared_as"] == "value")
                    & (claims["claim_date"].astype(str) != "")
                    & (claims["verdict"] != "cannot check")]
    if series_period:
        chosen = chosen[chosen["series_period"].astype(str).str.fullmatch(series_period)]
    rows = []
    for _, c in chosen.iterrows():
        has_range = not (math.isnan(c["low"]) or math.isnan(c["high"]))
        y = c["value"] if not math.isnan(c["value"]) else (c["low"] + c["high"]) / 2
        rows.append({
            "x": pd.Timestamp(c["claim_date"]), "y": y,
            "y_low": c["low"] if has_range else y, "y_high": c["high"] if has_range else y,
            "label": f"{c['claim']} ({c['verdict']})", "series": c["series"],
            "verdict": c["verdict"], "figure": c["figure"],
        })
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["x", "figure"], kind="stable").reset_index(drop=True)


def draw_claims(ax: Any, points: pd.DataFrame, x: list[Any] | None = None) -> int:
    """Mark each claim point in the accent colour with its label; returns how many.

    Labels go up and to the left of their point (to the right near the left edge) and are
    stacked so that labels of neighbouring points do not sit on each other.
    """
    from newstables import charts

    xs = list(points["x"]) if x is None else list(x)
    x0, x1 = ax.get_xlim()
    to_points = 72.0 / ax.figure.dpi
    placed: list[tuple[float, float]] = []  # (x, label y) in display pixels
    order = sorted(range(len(xs)), key=lambda i: (points["y"].iloc[i], i))
    for n, i in enumerate(order):
        px, p = xs[i], points.iloc[i]
        if p["y_low"] != p["y_high"]:
            ax.vlines(px, p["y_low"], p["y_high"], color=charts.ACCENT, lw=2, alpha=0.5, zorder=4)
        ax.scatter([px], [p["y"]], marker="D", s=46, color=charts.ACCENT, edgecolor="white",
                   linewidth=0.8, zorder=5, label="Article's claim" if n == 0 else None)
        x_pix, y_pix = ax.transData.transform((float(ax.convert_xunits(px)), float(p["y"])))
        label_y = y_pix + 14 / to_points
        for other_x, other_y in placed:
            if abs(other_x - x_pix) < 220 and abs(other_y - label_y) < 16 / to_points:
                label_y = other_y + 16 / to_points
        placed.append((x_pix, label_y))
        right = (float(ax.convert_xunits(px)) - x0) / ((x1 - x0) or 1.0) < 0.3
        ax.annotate(
            p["label"], xy=(px, p["y"]),
            xytext=(10 if right else -10, (label_y - y_pix) * to_points),
            textcoords="offset points", ha="left" if right else "right", va="bottom",
            fontsize=9, color=charts.ACCENT, zorder=6,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
            arrowprops={"arrowstyle": "-", "color": charts.ACCENT, "lw": 0.6},
        )
    return len(points)


def draw_published(ax: Any, x: Any, label: str) -> None:
    """A labelled vertical line at the article's publication date."""
    from newstables import charts

    ax.axvline(x, color=charts.MUTED, linestyle="--", linewidth=1, zorder=3)
    ax.annotate(label, xy=(x, 1.0), xycoords=("data", "axes fraction"), xytext=(4, -4),
                textcoords="offset points", ha="left", va="top", fontsize=9,
                color=charts.MUTED)
