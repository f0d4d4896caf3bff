"""Periods: when a figure or an event is about, as dates.

One place for calendar knowledge: month and quarter spans, month names, ISO period labels
("2023", "2023-08", "2023-Q2", "2016/2023"), and the period expressions of news text ("since
January 2023", "last year", "the first quarter of 2024", "each year"), resolved against the
publication date. Extraction (figures, events), comparison with reference series, the
reference data and the timeline all read periods through here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newstables.lexicon import load_json
from newstables.period_labels import span_label

# The kinds a figure's period is reported as (figures table, ``period_kind``).
PERIOD_KINDS = ("day", "week", "month", "quarter", "year", "since", "range", "none")


def month_end(year: int, month: int) -> dt.date:
    """The last day of ``month`` in ``year``."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def quarter_span(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First and last day of a calendar quarter."""
    first = 3 * (quarter - 1) + 1
    return dt.date(year, first, 1), month_end(year, first + 2)


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month."""
    return dt.date(year, month, 1), month_end(year, month)


@dataclass(frozen=True)
class Period:
    """When a claim is about: kind is year, quarter, month, day, range, ytd, since, end,
    now or rate; start/end are inclusive dates (None when unknown)."""

    kind: str
    start: dt.date | None
    end: dt.date | None
    label: str
    origin: str = ""


# The one calendar vocabulary (lexicons/calendar.json): every module names dates with these.
CALENDAR = load_json("calendar.json")
MONTH_NAMES: dict[str, int] = dict(CALENDAR["months"])  # "January" -> 1
MONTH_ABBREVIATIONS: dict[str, int] = dict(CALENDAR["month_abbreviations"])  # "Sept" -> 9
MONTHS: dict[str, int] = {k.lower(): v for k, v in {**MONTH_NAMES, **MONTH_ABBREVIATIONS}.items()}
WEEKDAYS: dict[str, int] = dict(CALENDAR["weekdays"])  # "Monday" -> 0
SEASONS: dict[str, int] = dict(CALENDAR["seasons"])  # "autumn" -> 9 (its first month)
QUARTER_WORDS: dict[str, int] = dict(CALENDAR["quarters"])  # "first" -> 1

_MONTH_NAMES = "|".join(sorted((*MONTH_NAMES, *MONTH_ABBREVIATIONS), key=lambda m: (-len(m), m)))
_M = rf"(?:{_MONTH_NAMES})\.?"
_Y = r"(?:19|20)\d\d"
_ORDINAL_Q = QUARTER_WORDS
_WEEKDAYS = {k.lower(): v for k, v in WEEKDAYS.items()}
_I = re.IGNORECASE
# A year that is no calendar year, its months not said: "the 2024 fiscal year".
NON_CALENDAR_YEAR = r"(?:fiscal|financial|academic|school|tax)\s+year"

# "the same", and how many of the period's units there are when said: "the same three months"
HOW_MANY = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "first", "last")
THE_SAME = rf"the\s+same\s+(?:(?:{'|'.join(HOW_MANY)}|\d{{1,2}})\s+)?"
# Comparison bases ("compared with 2021", "than in 2019", "below 2019 levels", "a year
# earlier"): not the figure's own period, and the base of a percentage change.
BASE = re.compile(
    rf"\b(?:compared\s+(?:with|to)|than(?:\s+in)?|up\s+from|down\s+from|from|on|versus|vs\.?"
    rf"|against|over|relative\s+to|(?:below|above)(?=\s+{_Y}\s+levels?\b))"
    rf"\s+(?:(?:at\s+)?(?P<ysame>{THE_SAME}(?:periods?|quarters?|months?|time|point|stage)\s+"
    rf"(?:of|in)\s+)|(?:the\s+)?(?:figure|total|level|record|peak)\s+(?:of|in|for)\s+"
    # ("than in the whole of 2023", not "over the whole of 2023")
    rf"|(?:(?<=than\s)|(?<=than\sin\s))the\s+whole\s+of\s+)?"
    rf"(?P<y>{_Y})\b"
    r"(?!\s*(?:to|until|-|–)\s*\d)"
    r"|(?P<prev>\b(?:compared\s+(?:with|to)|than|on|from|over)\s+(?:the\s+)?(?:previous|prior"
    r"|preceding)\s+(?:year|quarter|month|12\s+months)|\b(?:a|one)\s+year\s+(?:earlier|before"
    r"|ago)|\b" + THE_SAME + r"(?:periods?|quarters?|months?|time)\s+(?:of\s+|in\s+)?(?:last|the\s+"
    r"previous)\s+year|\bthe\s+year\s+before\b|\bin\s+the\s+(?:previous|prior|preceding)\s+"
    r"year\b|\byear[\s-]+(?:on|over)[\s-]+year\b"
    # "down from 99,939 the previous year", "up from 29,437 crossings the previous year": right
    # after a number and its counted words, the base of that number
    r"|(?P<after>(?<=[\d%])(?:\s+[a-z]+){0,2}?\s+the\s+(?:previous|prior|preceding)\s+"
    r"(?:year|quarter|month)\b))"
    # "down 24% from November": a month, capitalised, not a date or the start of a range
    # ("down 27% since December": that month)
    rf"|\b(?:compared\s+(?:with|to)|than(?:\s+in)?|from|(?<=%\s)(?:on|since)|(?<=cent\s)(?:on|since)"
    rf"|versus|against)\s+"
    rf"(?-i:(?P<mon>{_MONTH_NAMES}))(?:\s+(?P<mon_y>{_Y})(?!\w|\s*(?:\d|to\b|until\b"
    r"|through\b|and\b|-|–))|\.?(?![\w.]|\s*(?:\d|to\b|until\b|through\b|and\b|-|–)))",
    _I,
)
# Rates that are an average over their sentence's period when it has one, and the days in
# one of their units ("per year" has its own reading: the last full year)
RATE_DAYS = {"per day": 1.0, "per week": 7.0, "per month": 365.25 / 12}
# A base stated as a figure with its year: "a rise of 25% on the 29,437 recorded in 2023",
# "compared with the 29,437 who crossed in 2023", "to 36,816 in 2024 from 29,437 in 2023": the
# year is the base's, not the sentence's ("from" only after "up", "down" or "to" a number:
# see number_bases)
NUMBER_BASE = re.compile(
    r"\b(?P<prep>on|from|than|compared\s+(?:with|to)|against|versus)\s+(?:(?:the|a)\s+)?"
    # "on the record 45,774 in 2022", "from a peak of 45,774 in 2022"
    r"(?:(?:previous\s+)?(?:record|peak|all-time\s+high|high)(?:\s+(?:total|figure|level))?"
    r"(?:\s+of)?\s+)?(?:(?:about"
    r"|around|some|nearly|almost|just|over|under)\s+)?\d[\d,.]*(?:\s+(?:million|thousand))?"
    rf"(?P<nc>(?:\s+[\w'’-]+){{0,4}}?)\s+(?:in|during|for|of)\s+(?P<same>{THE_SAME}(?:periods?"
    rf"|months?|quarters?|half|time)\s+(?:of|in)\s+)?(?P<ny>{_Y})\b"
    r"(?!\s*(?:to|until|-|–)\s*\d|\s+and\s+(?:in\s+)?(?:19|20)\d\d)", _I)
# "fell by 36% from 45,774 in 2022 to 29,437 in 2023": right after a change, the years it runs
# from (its base) and to (its own)
CHANGE_SPAN = re.compile(
    r",?\s+from\s+(?:the\s+)?(?:(?:about|around|some|nearly|almost|over)\s+)?\d[\d,.]*"
    rf"(?:\s+(?:million|thousand))?(?P<nc>(?:\s+[\w'’-]+){{0,4}}?)\s+in\s+(?P<y1>{_Y})\s+to\s+"
    r"(?:(?:about|around|some|nearly|almost|over)\s+)?\d[\d,.]*(?:\s+(?:million|thousand))?"
    rf"(?:\s+[\w'’-]+){{0,4}}?\s+in\s+(?P<y2>{_Y})\b", _I)
# "than" makes a base only after a comparing percentage ("25% more than the 29,437 who came in
# 2023"), not after a hedge ("more than 45,000 people crossed in 2022")
_MORE_THAN_A_CHANGE = re.compile(
    r"\d\s*(?:%|per\s*cent|percent|pc)\s+(?:more|fewer|less|higher|lower)\s+$", _I)
_FROM_A_CHANGE = re.compile(r"(?:\b(?:up|down)\s+|\bto\s+(?:[^,;]|,(?=\d))*"
                            r"|\d\s*(?:%|per\s*cent|percent|pc)\s+)$", _I)


# After a percentage: it compares, and which way ("25% more than", "36% fewer than")
COMPARED_AFTER = re.compile(r"\s*(?:(?P<down>fewer|less|lower)|more|higher)\s+than\b", _I)


def number_base_after(sentence: str, fig_end: int) -> re.Match[str] | None:
    """A base stated as a figure with its year right after a change ending at ``fig_end``
    ("up 25% from 29,437 in 2023", "25% more than the 29,437 who came in 2023")."""
    return next((m for m in number_bases(sentence) if fig_end - 1 <= m.start() <= fig_end + 16),
                None)


def stated_base(sentence: str, fig_end: int) -> re.Match[str] | None:
    """The base a change ending at ``fig_end`` states right after it: "from N in Y1 to M in
    Y2" (CHANGE_SPAN) or a figure with its year (``number_base_after``)."""
    return CHANGE_SPAN.match(sentence, fig_end) or number_base_after(sentence, fig_end)


def base_value(stated: re.Match[str] | None) -> float | None:
    """The number of a ``stated_base`` ("from 52,767 in 2023 to ...": 52,767), None for
    none, or for a hedged or scaled one."""
    number = re.search(r"(\d[\d,.]*)(?=(\s+(?:million|thousand))?)", stated.group(0)) if (
        stated is not None) else None
    if number is None or number.group(2) or re.search(
            r"\b(?:about|around|some|nearly|almost|just|over|under)\s+$",
            stated.group(0)[: number.start()]):
        return None
    try:
        return float(number.group(1).rstrip(".,").replace(",", ""))
    except ValueError:
        return None


def base_words(stated: re.Match[str] | None) -> str:
    """What a ``stated_base`` counts: the words after its number ("from 132,182 cases in
    2022": cases; "from the 29,437 small boat arrivals in 2023": small boat arrivals); "" when
    it names nothing."""
    return " ".join(stated.group("nc").split()) if stated is not None else ""


def number_bases(text: str) -> list[re.Match[str]]:
    """The bases ``text`` states as a figure with its year (NUMBER_BASE), "from" only as a
    change's ("up from", "to 36,816 in 2024 from", "down 36% from"), not "claims from 5,000
    Afghans", and "than" only after a comparing percentage ("25% more than")."""
    return [m for m in NUMBER_BASE.finditer(text)
            if m.group("prep").lower() not in ("from", "than")
            or m.group("prep").lower() == "from"
            and _FROM_A_CHANGE.search(text, max(0, m.start() - 120), m.start())
            or _MORE_THAN_A_CHANGE.search(text, max(0, m.start() - 40), m.start())]


# The first of the four months "early", "mid" ("the middle of") and "late" in a year cover
PART_OF_YEAR = {"early": 1, "mid": 5, "middle": 5, "late": 9}
# "from early to late 2023", "in early to mid-2023": the part a range of parts starts at, right
# before the part its year is written with
PART_BEFORE = re.compile(r"\b(?P<w>early|mid|late)\s*(?:to|and|until|till|through|-|–)\s*$", _I)
# a date after these bounds what is counted, and is not its period ("made before 28 June 2022");
# not "just before 1 January 2023, 160,919 were waiting", a moment
BOUND_BEFORE = re.compile(r"(?<!just )(?<!shortly )(?<!immediately )(?<!right )"
                          r"\b(before|after|prior\s+to)\s+$", _I)
# a period text that is such a bound, as written ("before 2018", "before 28 june 2022")
BOUND = re.compile(r"(?:before|after|prior\s+to)\s", _I)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("since", re.compile(
        r"\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+|records\s+began\s+in\s+)?"
        rf"(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?:(?P<m>{_M})\s+)?(?P<y>{_Y})\b", _I)),
    ("since_month", re.compile(rf"\b(?i:since)\s+(?P<m>{_M})\b(?!\s*\d)")),
    # "Since 9 December, 52,622 ... have returned": from that day in its latest year
    ("since_day", re.compile(rf"\b(?i:since)\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_M})"
                             rf"\b(?!\s*\d)")),
    # before "ytd": "the first half of this year" is a half, not "this year"
    ("half", re.compile(rf"\b(?P<h>first|second)\s+half\s+of\s+(?:(?P<y>{_Y})\b"
                        r"|(?P<rel>this|last|the)\s+year\b)", _I)),
    # "the first six months of 2025": January to June of that year
    ("first_months", re.compile(rf"\bfirst\s+(?P<n>\d{{1,2}}|[a-z]+)\s+months\s+of\s+"
                                rf"(?:(?P<y>{_Y})\b|(?P<rel>this|last)\s+year\b)", _I)),
    ("ytd", re.compile(
        rf"\b(?:so\s+far\s+(?:this\s+year|in\s+(?P<y>{_Y}))|(?:this|the)\s+year\s+so\s+far"
        r"|year[\s-]to[\s-]date|(?:since|from)\s+the\s+(?:start|beginning)\s+of\s+(?:this|the)"
        r"\s+year|this\s+year)\b", _I)),
    ("year_ending", re.compile(
        rf"\b(?:year|(?P<n>\d{{1,2}}|[a-z]+)\s+months)\s+(?:ending|ended|to)"
        rf"\s+(?:(?:the\s+)?end\s+of\s+)?"
        rf"(?P<m>{_M})\s+(?P<y>{_Y})\b", _I)),
    ("quarter", re.compile(
        rf"\b(?P<q>first|second|third|fourth|final|last)\s+quarter\s+(?:of\s+)?(?P<y>{_Y})\b"
        rf"|\bQ(?P<q2>[1-4])\s+(?P<y2>{_Y})\b|\b(?P<y3>{_Y})[\s-]?Q(?P<q3>[1-4])\b", _I)),
    ("month_range", re.compile(
        rf"\b(?:between\s+)?(?P<m1>{_M})(?:\s+(?P<y1>{_Y}))?\s*(?:and|to|-|–|until)\s*"
        rf"(?P<m2>{_M})\s+(?P<y2>{_Y})\b", _I)),
    ("year_range", re.compile(
        rf"\b(?:between\s+)?(?P<y1>{_Y})\s*(?:and|to|-|–)\s*(?P<y2>{_Y})\b(?!-\d)", _I)),
    ("end_of", re.compile(
        rf"\b(?:at\s+|by\s+)?the\s+end\s+of\s+(?:(?P<m>{_M})\s+)?(?P<y>{_Y})\b", _I)),
    # "at the end of December" with no year: the latest December's end by publication (not "by the
    # end of September": a running total's reach, or a deadline)
    ("end_of_month", re.compile(
        rf"(?<!\bby\s)\b(?:at\s+)?the\s+end\s+of\s+(?-i:(?P<m>{_MONTH_NAMES}))\b"
        rf"(?![-'’]|\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\b(?![,.]\d)|{_Y}\b))",
        _I)),
    ("day", re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_M})\s+(?P<y>{_Y})\b"
        rf"|\b(?P<m2>{_M})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>{_Y})\b"
        rf"|\b(?P<iso>{_Y}-\d\d-\d\d)\b", _I)),
    ("month", re.compile(rf"\b(?P<m>{_M})\s+(?P<y>{_Y})\b|\b(?P<iso>{_Y}-\d\d)\b(?!-)", _I)),
    ("last", re.compile(r"\b(?:last|previous)\s+(?P<u>year|month)\b", _I)),
    ("weekday", re.compile(
        r"\b(?P<last>on|last)\s+(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
        r"|Sunday)\b", _I)),
    ("relday", re.compile(r"\b(?P<w>yesterday|today|currently)\b", _I)),
    ("rate", re.compile(
        r"\b(?:a|per|each|every)\s+(?P<u>year|month|week|day)\b"
        r"(?!\s+(?:after|before|later|earlier|ago|or\s+two)\b)"  # "a day after": no rate
        r"|\b(?P<adv>annually|yearly|monthly|weekly|daily)\b", _I)),
    # "early 2023", "mid-2023", "the middle of 2023": four months of the year (not after
    # "the year to" or "since": which month is not said)
    ("part_range", re.compile(
        rf"\b(?:from|between)\s+(?P<a>early|mid|late)[\s-]+(?:(?P<ay>{_Y})\s+)?"
        rf"(?:to|and|until|till|through)\s+(?P<b>early|mid|late)[\s-]+(?P<y>{_Y})\b", _I)),
    ("part", re.compile(rf"(?<!to )(?<!since )(?<!and )\b(?:(?P<w>early|mid|late)[\s-]+"
                        rf"|the\s+(?P<w2>middle)\s+of\s+)(?P<y>{_Y})\b(?![-–/]\d)", _I)),
    ("year", re.compile(
        rf"\b(?:in|during|for|of|throughout|by|until|and|between|from|to)\s+"
        rf"(?:the\s+(?:whole\s+of\s+|year\s+)?)?(?P<y>{_Y})(?!\d|,\d|%|-\d|[/–]\d|s\b"
        rf"|\s+{NON_CALENDAR_YEAR})", _I)),  # not "the 2010s": a decade
]
_ISO_PART = re.compile(rf"^(?P<y>{_Y})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d))?|-(?P<k>[QH])(?P<n>[1-4]))?$")
_ROLLING = re.compile(
    r"\b(?:the\s+)?(?:past|last|previous)\s+(?P<n>\w+)\s+(?P<u>years|months|weeks|days)\b", _I)
_SMALL_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                  "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18,
                  "twenty": 20}
ANAPHOR = re.compile(r"^\W*(?:that|this|these|it|which|the\s+(?:(?:correct|corrected|actual|true"
                     r"|right|revised)\s+(?:figures?|numbers?)|figure))\b", _I)  # "The correct
# figure is 1,335", "The correct figures are 756 people in 14 boats"
_RATE_UNITS = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week",
               "daily": "day"}


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def year_period(year: int, label: str) -> Period:
    return Period("year", dt.date(year, 1, 1), dt.date(year, 12, 31), label)


def _from_match(kind: str, m: re.Match[str], published: dt.date | None) -> Period | None:
    """One matched expression as a Period (None when it needs a missing publication date)."""
    g = m.groupdict()
    text = m.group(0).strip()
    if kind == "since":
        year = int(g["y"])
        month = month_number(g["m"]) if g["m"] else 1
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
        month = month_number(g["m"])
        year = published.year if month <= published.month else published.year - 1
        kind_ = "ytd" if (month == 1 and year == published.year) else "since"
        return Period(kind_, dt.date(year, month, 1), published, text)
    if kind == "since_day":
        if not published:
            return None
        month, day = month_number(g["m"]), int(g["d"])
        start = dt.date(published.year, month, day)
        start = start if start <= published else dt.date(published.year - 1, month, day)
        return Period("since", start, published, text)
    if kind == "ytd":
        year = int(g["y"]) if g.get("y") else (published.year if published else None)
        if year is None:
            return None
        end = published if published and published.year == year else dt.date(year, 12, 31)
        return Period("ytd", dt.date(year, 1, 1), end, text)
    if kind == "year_ending":  # "the year to June 2024", "the three months to June 2024"
        year, month = int(g["y"]), month_number(g["m"])
        n = g["n"] or "12"
        months = int(n) if n.isdigit() else _SMALL_NUMBERS.get(n.lower(), 0)
        if not 1 <= months <= 24:
            return None
        sy, sm = add_months_ym(year, month, 1 - months)
        return Period("range", dt.date(sy, sm, 1), month_end(year, month), text)
    if kind == "quarter":
        q = _ORDINAL_Q.get((g["q"] or "").lower()) or int(g["q2"] or g["q3"])
        year = int(g["y"] or g["y2"] or g["y3"])
        start, end = quarter_span(year, q)
        return Period("quarter", start, end, f"{year}-Q{q}")
    if kind == "first_months":
        word = g["n"].lower()
        n = int(word) if word.isdigit() else _SMALL_NUMBERS.get(word, 0)
        if not 1 <= n <= 12 or not g["y"] and published is None:
            return None  # "the first few months": which months is not said
        year = int(g["y"]) if g["y"] else published.year - (g["rel"].lower() == "last")
        return Period("range", dt.date(year, 1, 1), month_end(year, n), text)
    if kind == "half":
        if g["y"]:
            year = int(g["y"])
        elif published is not None:  # 'of this year', 'of the year': the publication's
            year = published.year - (g["rel"].lower() == "last")
        else:
            return None
        first = g["h"].lower() == "first"
        return Period("range", dt.date(year, 1 if first else 7, 1),
                      dt.date(year, 6, 30) if first else dt.date(year, 12, 31), text)
    if kind == "month_range":
        y2 = int(g["y2"])
        m1, m2 = month_number(g["m1"]), month_number(g["m2"])
        y1 = int(g["y1"]) if g["y1"] else (y2 if m1 <= m2 else y2 - 1)
        return Period("range", dt.date(y1, m1, 1), month_end(y2, m2), text)
    if kind == "year_range":
        y1, y2 = int(g["y1"]), int(g["y2"])
        if not y1 < y2 <= y1 + 50:
            return None
        return Period("range", dt.date(y1, 1, 1), dt.date(y2, 12, 31), text)
    if kind == "end_of":
        year = int(g["y"])
        end = month_end(year, month_number(g["m"])) if g["m"] else dt.date(year, 12, 31)
        return Period("end", dt.date(year, 1, 1), end, text)
    if kind == "end_of_month":
        if not published:
            return None
        month = month_number(g["m"])  # where a count stood, at a month's end now past
        day = month_end(published.year, month)
        day = day if day <= published else month_end(published.year - 1, month)
        return Period("end", day, day, text)
    if kind == "day":
        try:
            if g["iso"]:
                day = dt.date.fromisoformat(g["iso"])
            elif g["d"]:
                day = dt.date(int(g["y"]), month_number(g["m"]), int(g["d"]))
            else:
                day = dt.date(int(g["y2"]), month_number(g["m2"]), int(g["d2"]))
        except ValueError:
            return None
        return Period("day", day, day, day.isoformat())
    if kind == "month":
        if g["iso"]:
            year, month = int(g["iso"][:4]), int(g["iso"][5:7])
            if not 1 <= month <= 12:
                return None
        else:
            year, month = int(g["y"]), month_number(g["m"])
        return Period("month", dt.date(year, month, 1), month_end(year, month),
                      f"{year}-{month:02d}")
    if kind == "last":
        if not published:
            return None
        if g["u"].lower() == "year":
            return year_period(published.year - 1, str(published.year - 1))
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
    if kind == "part_range":
        a, b = PART_OF_YEAR[g["a"].lower()], PART_OF_YEAR[g["b"].lower()]
        first = int(g["ay"]) if g["ay"] else year
        start, end = dt.date(first, a, 1), month_end(year, b + 3)
        return Period("range", start, end, text) if start <= end else None
    if kind == "part":
        first = PART_OF_YEAR[(g["w"] or g["w2"]).lower()]
        return Period("range", dt.date(year, first, 1), month_end(year, first + 3), text)
    return year_period(year, str(year))


# "..., after the record numbers of 2023": a base (the level or change before it is later)
AFTER_A_RECORD = (r"after\s+(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){0,2}?"
                  r"(?-i:records?|peaks?|highs?)(?![\w-])")  # not 'a high-profile'
# "the lowest level since 2021", "its highest since", "for the first time since 2019" (not
# "most people arriving since 2022": a quantifier)
RECORD_WORDS = tuple(w for key in ("highest", "lowest", "unranked")
                     for w in load_json("records.json")[key])
RECORD_BEFORE = re.compile(
    r"\b(?:the|its|their)\s+(?:" + "|".join(RECORD_WORDS) + r")\b(?:\s+[\w'’-]+){0,3}\s+$", _I)


_SINCE_EVENT = re.compile(r"\b(?:" + "|".join(RECORD_WORDS) + r")\b(?:\s+[\w'’-]+){0,2}"
                          r"\s+since\s+[^,.;]{3,50}\s+$", _I)  # ("the highest figure since
# ... began in")


def find_periods(text: str, published: dt.date | None) -> list[tuple[int, int, Period]]:
    """Every period expression in ``text`` as (start, end, Period), comparison bases left out."""
    return list(_find_periods(text, published))


@lru_cache(maxsize=2048)
def _find_periods(text: str, published: dt.date | None) -> tuple[tuple[int, int, Period], ...]:
    taken = [(m.start(), m.end()) for m in BASE.finditer(text)] + [
        (m.start("ny"), m.end("ny")) for m in number_bases(text)]
    found: list[tuple[int, int, Period]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            try:
                period = _from_match(kind, m, published)
            except (ValueError, OverflowError):  # a date outside the calendar (year 0)
                period = None
            if period is None:
                continue
            taken.append((m.start(), m.end()))
            if kind in ("day", "month") and BOUND_BEFORE.search(text, max(0, m.start() - 12),
                                                                m.start()):
                continue  # "claims made before 28 June 2022": a cut-off, not a period
            if kind == "since" and RECORD_BEFORE.search(text, max(0, m.start() - 40),
                                                         m.start()) or _SINCE_EVENT.search(
                    text, max(0, m.start() - 80), m.start()):
                continue  # "the lowest level since 2021", "the highest since Frontex began
                # collecting data in 2009": a record's reach, no period
            found.append((m.start(), m.end(), period))
    found.sort(key=lambda item: item[0])
    return tuple(found)


def iso_span(text: str) -> tuple[str, dt.date, dt.date] | None:
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
            return "month", dt.date(year, month, 1), month_end(year, month)
    except ValueError:
        return None
    if m.group("k") == "Q":
        return ("quarter", *quarter_span(year, int(m.group("n"))))
    if m.group("k") == "H":
        first = m.group("n") == "1"
        return ("range", dt.date(year, 1 if first else 7, 1),
                dt.date(year, 6, 30) if first else dt.date(year, 12, 31))
    return "year", dt.date(year, 1, 1), dt.date(year, 12, 31)


def _iso_period(text: str) -> Period | None:
    """An ISO period or interval "start/end", as the figures table writes them."""
    parts = text.split("/")
    spans = [iso_span(p) for p in parts]
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
    unit = m.group("u").lower()
    if unit in ("weeks", "days"):  # 'the past seven days': the last n days, publication's too
        days = n * 7 if unit == "weeks" else n
        return Period("range", published - dt.timedelta(days=days - 1), published, m.group(0))
    months = n * 12 if unit == "years" else n
    year, month = add_months_ym(published.year, published.month, -months)
    # the day after the same day ``months`` back: "the past 12 months" on 15 July 2025 are
    # 16 July 2024 to 15 July 2025, not from 1 July 2024
    start = dt.date(year, month, min(published.day, calendar.monthrange(year, month)[1]))
    return Period("range", start + dt.timedelta(days=1), published, m.group(0))


def clip(period: Period, published: dt.date | None) -> Period:
    """A period still running at publication ends at the publication date."""
    if published is None or period.start is None or period.end is None:
        return period
    if not period.start <= published < period.end:
        return period
    kind = "ytd" if period.start == dt.date(published.year, 1, 1) else "since"
    return Period(kind, period.start, published, f"{period.label} (to publication)")


# A split or non-calendar year ("2023-24", "2023/24", "the 2024 fiscal year"): no dates.
_NOT_CALENDAR = re.compile(rf"\b{NON_CALENDAR_YEAR}\b"
                           rf"|\b{_Y}\s*[-–/]\s*\d\d\b(?![-–/]?\d)", _I)


_YEARS_AGO = re.compile(r"(?P<n>\d{1,2}|[a-z]+)\s+years?\s+ago", _I)


def parse_period(text: Any, published: dt.date | None) -> Period | None:
    """A figure's ``period`` value ("2022", "2016/2023", "2023-Q2", "since 2016"...)."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return None
    text = str(text).strip()
    if not text:
        return None
    iso = _iso_period(text)
    if iso is not None:
        return clip(iso, published)
    rolling = _rolling(text, published)
    if rolling is not None:
        return rolling
    ago = _YEARS_AGO.fullmatch(text)
    if ago and published is not None:  # "five years ago": that calendar year
        n = int(ago["n"]) if ago["n"].isdigit() else _SMALL_NUMBERS.get(ago["n"].lower(), 0)
        if 1 <= n <= 50:
            return year_period(published.year - n, str(published.year - n))
    if _NOT_CALENDAR.search(text):
        return None  # "2023-24", "fiscal year 2024": whose year, the words do not say
    found = find_periods(text, published)
    if not found and BOUND.match(text):
        return None  # "before 2018", "prior to 2023-01-01": open on one side, no span of dates
    if not found:
        loose = re.search(rf"(?<![\d,.])({_Y})(?!\d|,\d|%|s\b)", text)
        return year_period(int(loose.group(1)), loose.group(1)) if loose else None
    return clip(found[0][2], published)


def nearest(found: list[tuple[int, int, Period]], start: int, end: int) -> Period | None:
    """The expression closest to the span [start, end); ties go to the one after it."""
    best, best_distance = None, None
    for s, e, period in found:
        distance = (s - end) if s >= end else (start - e) * 1.5 if e <= start else 0
        if best_distance is None or distance < best_distance:
            best, best_distance = period, distance
    return best


# Right after a multiplier: "(five times) the 2020 level", "(twice) as many as in 2021",
# "(three times) higher than in 2019"
MULTIPLIER_BASE = re.compile(
    rf"\s+(?:(?:(?:higher|more|greater|larger|bigger)\s+than|as\s+(?:many|much|high|large)\s+as)"
    rf"\s+(?:in\s+)?(?:the\s+)?(?P<y>{_Y})\b(?![-–/]\d)"
    rf"|the\s+(?P<y2>{_Y})\s+(?:level|figure|total)s?\b)", _I)  # not "four times in 2008"


def in_year(day: dt.date, year: int) -> dt.date:
    """``day`` in ``year`` (29 February becomes the 28th)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


def comparison_base(sentence: str, fig_end: int, target: Period | None,
                 published: dt.date | None) -> Period | None:
    after = [m for m in BASE.finditer(sentence) if m.start() >= fig_end - 1]
    chosen = after[0] if after else next(iter(BASE.finditer(sentence)), None)
    stated = next((m for m in number_bases(sentence) if m.start() >= fig_end - 1), None)
    if stated is not None and (chosen is None or stated.start() < chosen.start()
                               or chosen.start() < fig_end - 1):
        year = int(stated.group("ny"))  # "up 25% on the 29,437 recorded in 2023"
        if stated.group("same"):
            # "up 18% on the 11,433 who crossed in the same period of 2023": its months; not
            # known when the figure's own period was read as a whole year
            if target is None or not target.start or not target.end or target.kind == "year":
                return None
            start, end = in_year(target.start, year), in_year(target.end, year)
            return Period("range", start, end, f"{start.isoformat()} to {end.isoformat()}")
        return year_period(year, str(year))
    if chosen is None:
        return None
    if chosen.group("mon"):
        return _month_base(chosen, target, published)
    if chosen.group("y"):
        year = int(chosen.group("y"))
        if chosen.group("ysame"):
            # "24% fewer than at the same point in 2023": the target's months in that year;
            # not known when the target is a whole year or has no dates
            if target is None or not target.start or not target.end or target.kind == "year":
                return None
            start, end = in_year(target.start, year), in_year(target.end, year)
            return Period("range", start, end, f"{start.isoformat()} to {end.isoformat()}")
        if target is not None and target.kind == "quarter" and target.start is not None:
            q = (target.start.month - 1) // 3 + 1
            start, end = quarter_span(year, q)
            return Period("quarter", start, end, f"{year}-Q{q}")
        return year_period(year, str(year))
    if target is None or target.start is None or target.end is None:
        return None
    step = re.search(r"\b(month|quarter)\b(?!\s+(?:of|in)\b)", chosen.group("prev"), _I)
    if step and "same" not in chosen.group("prev").lower():
        # "on the previous month", "than the preceding quarter": the one before the target
        return _one_before(target, 1 if step.group(1).lower() == "month" else 3)
    start = in_year(target.start, target.start.year - 1)  # 29 February: the 28th
    end = in_year(target.end, target.end.year - 1)
    if target.kind in ("end", "day", "now"):
        return Period(target.kind, start, end, end.isoformat())
    return Period(target.kind if target.kind != "ytd" else "range", start, end,
                  f"{start.isoformat()} to {end.isoformat()}")


def _month_base(chosen: re.Match[str], target: Period | None,
                published: dt.date | None) -> Period | None:
    """The month a comparison names ("from November"): in its written year, else the latest
    such month before the figure's period (or before publication), or the month that period
    starts with when it runs since that month."""
    month = MONTHS[chosen.group("mon").lower()]
    if chosen.group("mon_y"):
        year = int(chosen.group("mon_y"))
    else:
        before = target.start if target is not None and target.start else published
        if before is None:
            return None
        since = target is not None and target.kind == "since" and month == before.month
        # ("down 27% since December": from that December, where the figure's period starts)
        year = before.year if month < before.month or since else before.year - 1
    start, end = month_span(year, month)
    return Period("month", start, end, f"{year}-{month:02d}")


def _one_before(target: Period, months: int) -> Period | None:
    """The month (``months`` 1) or quarter (3) before ``target``, when the target is one."""
    assert target.start is not None
    wanted = {1: "month", 3: "quarter"}[months]
    if target.kind != wanted:
        return None  # "a year, up on the previous month": not a base for it
    year, month = add_months_ym(target.start.year, target.start.month, -months)
    if months == 1:
        start, end = month_span(year, month)
        return Period("month", start, end, f"{year}-{month:02d}")
    q = (month - 1) // 3 + 1
    start, end = quarter_span(year, q)
    return Period("quarter", start, end, f"{year}-Q{q}")


def add_months_ym(year: int, month: int, k: int) -> tuple[int, int]:
    """(year, month) ``k`` months after ``year``-``month`` (k may be negative)."""
    index = year * 12 + (month - 1) + k
    return index // 12, index % 12 + 1


# "29,561 six months earlier", "300 a week before": a time back from another figure's period
EARLIER = re.compile(
    r"(?P<n>an?|\d+|(?:" + "|".join(_SMALL_NUMBERS) + r"))[ \t]+"
    r"(?P<u>days?|weeks?|months?|quarters?|years?)[ \t]+"
    r"(?:earlier|before)\b", _I)
# A forecast or a modal: what the words say is not (all) over ("could reach", "expects",
# "will have crossed", "are to")
FORECAST = re.compile(
    r"\b(?:will|would|could|may|might|shall|expects?|expected|forecasts?|projected|projects"
    r"|predicts?|predicted|likely|aims?\s+to|aiming|targets?|set\s+to|on\s+(?:course|track)"
    r"|due\s+to|(?:is|are)\s+to|plans?\s+to)\b", _I)
# ... or what has been counted so far: "so far", the present perfect ("have crossed")
_SO_FAR = re.compile(
    r"\bso\s+far\b|\b(?:has|have)\s+(?:\w+\s+)?(?:been|[a-z]+(?:ed|en|wn|ne|un|ght))\b", _I)


def still_running(words: str) -> bool:
    """Do ``words`` speak of a period as not over: a forecast, a modal, "so far" or the
    present perfect?"""
    return bool(FORECAST.search(words) or _SO_FAR.search(words))


def year_before(start: dt.date, end: dt.date, published: dt.date, running: bool) -> bool:
    """Are months "of the year" (no year written: "the first eleven months of the year")
    the year before's? When they have not ended at publication, are not mostly over (the
    first half of the year, said on 28 June, is this year's), and the words do not say they
    are still ``running``."""
    return end >= published and (published - start) * 2 < (end - start) and not running
_UNIT_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def earlier_by(text: Any, period: Period | None) -> Period | None:
    """The period ``text`` ("six months earlier") puts before ``period``: for a year, a
    level's date (its end); for the others the same span moved back. None when ``text`` says
    no such thing, or the move is not whole units of the period ("a week before" 2024)."""
    m = EARLIER.fullmatch(str(text or "").strip())
    if m is None or period is None or period.start is None or period.end is None or (
            period.kind not in ("year", "quarter", "month", "day", "end", "range")):
        return None
    word = m.group("n").lower()
    n = 1 if word in ("a", "an", "one") else _SMALL_NUMBERS.get(word) or (
        int(word) if word.isdigit() else 0)
    unit = m.group("u").lower().rstrip("s")
    kind = "day" if period.kind in ("end", "now") else period.kind
    if not n:
        return None
    if unit in ("day", "week"):
        if kind not in ("day", "range"):
            return None
        back = dt.timedelta(days=n * (7 if unit == "week" else 1))
        start, end = period.start - back, period.end - back
        return Period(kind, start, end, span_label(kind, start, end), origin="time before")
    months = n * _UNIT_MONTHS[unit]
    if kind == "year" and months % 12:
        y, mo = add_months_ym(period.end.year, period.end.month, -months)
        day = month_end(y, mo)  # "38,079 at the end of 2024, up from 29,561 six months earlier"
        return Period("day", day, day, day.isoformat(), origin="time before")
    if kind == "quarter" and months % 3:
        return None
    y, mo = add_months_ym(period.start.year, period.start.month, -months)
    start = dt.date(y, mo, min(period.start.day, calendar.monthrange(y, mo)[1]))
    y, mo = add_months_ym(period.end.year, period.end.month, -months)
    last = period.end.day == calendar.monthrange(period.end.year, period.end.month)[1]
    end = month_end(y, mo) if last else dt.date(y, mo, min(period.end.day,
                                                           calendar.monthrange(y, mo)[1]))
    return Period(kind, start, end, span_label(kind, start, end), origin="time before")


def week_span(day: dt.date) -> tuple[dt.date, dt.date]:
    """The Monday-to-Sunday week of ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def season_span(first_month: int, year: int) -> tuple[dt.date, dt.date]:
    """A three-month season starting in ``first_month`` of ``year`` (winter runs into the
    next year)."""
    end_year, end_month = add_months_ym(year, first_month, 2)
    return dt.date(year, first_month, 1), month_end(end_year, end_month)
