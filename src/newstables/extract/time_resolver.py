"""Resolving a time expression against the publication date.

Resolution rules (``published`` is the article's date; weeks run Monday to Sunday):
- last/this/next week, month, year: the calendar period before, of, after publication.
- a bare weekday ("on Monday", "Tuesday night", "late on Tuesday"): the latest such day on or
  before publication (news reports the past); when its clause is in the future tense the first
  such day on or after it. "last Monday" is strictly before, "next Monday" strictly after,
  "this Monday" the one in the publication week. Tense comes from the cue nearest before the
  expression in its clause ("will", "is to", "scheduled", "plans to" / "was", "met", "-ed"),
  else the nearest after it (lexicon ``events_tense.json``).
- a bare month ("in January") and a day without a year ("on 8 August", "Aug. 8"): the latest
  on or before publication, or the first on or after it in a future clause. A bare month
  after an expression of its sentence that writes one year is in that year ("In 2022 ... in
  March" is March 2022; ``events.extract_events``).
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
- early/mid/late in a year is four of its months (January-April, May-August,
  September-December), as for figures (``periods.PART_OF_YEAR``); early/mid/late in a month,
  a season or a week keeps X's whole period (coarse on purpose).
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
import re

from newstables.extract.time_grammar import (
    _CORES,
    _FULL_MONTHS,
    _KIND,
    _MONTHS,
    _NUMBERS,
    _RANGE,
    _SEASONS,
    _UNITS,
    _WEEKDAYS,
    Resolution,
    _Parsed,
    _Span,
)
from newstables.periods import (
    PART_BEFORE,
    PART_OF_YEAR,
    add_months_ym,
    month_end,
    month_span,
    season_span,
    week_span,
    year_before,
)


# ---------------------------------------------------------------- date arithmetic
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
        start, end = month_span(int(g["y"]), _month_number(g["mon"]))
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
        start, end = season_span(_SEASONS[g["season"].lower()], int(g["y"]))
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
        return _over_by(_part_of_year(g, pub), g, pub, tense)
    if kind == "months_of":
        return _over_by(_months_of_year(g, pub), g, pub, tense)
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
        start, end = month_span(pub.year, month)
        return start, end, "month"
    spans = [month_span(y, month) for y in (pub.year - 1, pub.year, pub.year + 1)]
    chosen = _pick(spans, pub, _mode(rel, tense, "past"))
    return (chosen[0], chosen[1], "month") if chosen else (None, None, "month")


def _season(first: int, rel: str | None, pub: dt.date | None, tense: str) -> _Span:
    if pub is None:
        return None, None, "season"
    spans = [season_span(first, y) for y in range(pub.year - 2, pub.year + 2)]
    mode = _mode(rel, tense, "future")
    chosen = _pick(spans, pub, mode)
    return (chosen[0], chosen[1], "season") if chosen else (None, None, "season")


def _weekday(wd: int, rel: str | None, pub: dt.date | None, tense: str) -> _Span:
    if pub is None:
        return None, None, "day"
    if rel == "this":
        day = week_span(pub)[0] + dt.timedelta(days=wd)
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
        year, month = add_months_ym(pub.year, pub.month, step)
        start, end = month_span(year, month)
        return start, end, "month"
    if what in ("week", "weekend"):
        start, end = week_span(pub + dt.timedelta(days=7 * step))
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
        start, end = week_span(pub - dt.timedelta(days=7 * n))
        return start, end, "week"
    if unit == "month":
        start, end = month_span(*add_months_ym(pub.year, pub.month, -n))
        return start, end, "month"
    year = pub.year - n
    return (dt.date(year, 1, 1), dt.date(year, 12, 31), "year") if year >= 1 else (None, None, unit)


def _shift(pub: dt.date, unit: str, n: int) -> dt.date | None:
    """``pub`` moved by ``n`` units (negative: back); None when out of the calendar."""
    try:
        if unit in ("day", "week"):
            return pub + dt.timedelta(days=n * (7 if unit == "week" else 1))
        months = n * (12 if unit == "year" else 1)
        year, month = add_months_ym(pub.year, pub.month, months)
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
        chosen = _pick([month_span(y, month) for y in (pub.year - 1, pub.year)], pub, "past")
        if chosen is None:
            return None, None, "year"
        year = chosen[0].year
    else:
        return None, None, "year"
    end = month_end(year, month)
    if g["d"]:
        end = _safe_date(year, month, int(re.sub(r"\D", "", g["d"])))
        if end is None:
            return None
    start = _shift(end, "year", -1)
    return (start + dt.timedelta(days=1) if start else None), end, "year"


def _year_named(g: dict[str, str | None], pub: dt.date | None) -> int | None:
    """The year of '... of 2024', '... of this/last/next year', '... of the year'."""
    words = (g["yr"] or "").lower().split()
    if words[0].isdigit():
        return int(words[0])
    if pub is None:
        return None
    return pub.year + {"last": -1, "next": 1}.get(words[0], 0)


def _part_of_year(g: dict[str, str | None], pub: dt.date | None) -> _Span | None:
    year = _year_named(g, pub)
    if year is None:
        return None, None, "month"
    ordinal = (g["ord"] or "").lower()
    if (g["part"] or "").lower() == "half":
        n = {"first": 1, "second": 2, "last": 2, "final": 2}.get(ordinal)
        if n is None:
            return None
        return dt.date(year, 6 * n - 5, 1), month_end(year, 6 * n), "month"
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4, "final": 4}[ordinal]
    return dt.date(year, 3 * n - 2, 1), month_end(year, 3 * n), "month"


def _over_by(span: _Span | None, g: dict[str, str | None], pub: dt.date | None,
             tense: str) -> _Span | None:
    """Quarters, halves or months "of the year" are the year before's when
    ``periods.year_before`` says so, as the figures read them ("deported 109,000 in the first
    eleven months of the year", in a report of 15 January: January to November of the year
    before), the future tense counting as still running."""
    if span is None or span[0] is None or span[1] is None or pub is None \
            or (g["yr"] or "").lower().split()[:1] != ["the"]:
        return span
    start, end, granularity = span
    if not year_before(start, end, pub, running=tense == "future"):
        return span
    return _shift(start, "year", -1), _shift(end, "year", -1), granularity


def _months_of_year(g: dict[str, str | None], pub: dt.date | None) -> _Span | None:
    """'the first six months of 2024', 'the last two months of this year'."""
    year = _year_named(g, pub)
    if year is None:
        return None, None, "month"
    n = _NUMBERS.get((g["n"] or "").lower()) or (int(g["n"]) if (g["n"] or "").isdigit() else 0)
    if not 1 <= n <= 12:
        return None
    if (g["ord"] or "").lower() == "first":
        return dt.date(year, 1, 1), month_end(year, n), "month"
    return dt.date(year, 13 - n, 1), dt.date(year, 12, 31), "month"


def _quarter(letter: str, n: int, year: int) -> _Span | None:
    if letter == "H":
        return None if n > 2 else (dt.date(year, 6 * n - 5, 1), month_end(year, 6 * n), "month")
    return dt.date(year, 3 * n - 2, 1), month_end(year, 3 * n), "month"


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
    if mod in PART_OF_YEAR and granularity == "year" and start and end and (
            start.year == end.year and (start.month, end.month) == (1, 12)):
        # "in early 2024": January to April, as the figures read it
        first = PART_OF_YEAR[mod]
        start, end = dt.date(start.year, first, 1), month_end(start.year, first + 3)
        span = (start, end, granularity)
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
    span = _apply(span, m.group("prep"), mod, pub)
    begun = PART_BEFORE.search(m.string, max(0, m.start() - 20), m.start())
    if begun and mod in PART_OF_YEAR and span[0] is not None:
        # "in early to mid-2023": from the first part's first month
        span = (span[0].replace(month=PART_OF_YEAR[begun.group("w").lower()]), *span[1:])
    return span


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


