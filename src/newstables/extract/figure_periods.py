"""When each figure is about: its period as dates, resolved once, in extraction.

A figure's period is its own (the figures table's ``period``), else its clause's, its
sentence's, the previous sentence's (after "this", "that"...), an earlier sentence's when
its own tells of the past and names no time (``earlier_periods``), or none (the
publication date stands in). A percentage change also gets its comparison base ("compared to 2021").
The result is the figures table's ``period_start``, ``period_end``, ``period_kind``
(day, week, month, quarter, year, since, range, none) and ``base_start``/``base_end``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import Any

from newstables import periods
from newstables.extract.article import Article
from newstables.extract.changes import PART_OF_YEAR, base_after, percent_is_change
from newstables.extract.earlier_periods import (
    INHERITED,
    REPORTED_ON,
    an_earlier_sentences,
    base_spans,
    in_a_base,
)
from newstables.extract.figure_bases import (
    SAME_PERIOD,
    bare_base,
    base_words_after,
    next_is_a_base,
    past_a_break,
    same_period_words,
    year_back_of_no_year,
)
from newstables.extract.figure_grammar import dates_the_base
from newstables.extract.number_reading import changed_by_a_factor
from newstables.extract.surroundings import (
    COMPARISON_START,
    ITEM_MONTHS,
    ITEM_YEAR,
    TABLE_MONTH,
    Surroundings,
    another_figures,
    sentence_at,
    surroundings,
)
from newstables.period_labels import as_date, span_label
from newstables.periods import Period

# "... registered 61,336 people during this period": the period of the sentence before
TOTAL_OF = re.compile(r"^\W*the\s+(?:total|figure|number)\s+of\s+[£$€]?\d", re.I)
_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_THIS_PERIOD = re.compile(r"\b(?:during|in|over|for|within)\s+(?:this|that)\s+(?:period|time)\b"
                          # "at the same point", "by then": the sentence before's date
                          r"|\b(?:at|on)\s+(?:the\s+same|that)\s+(?:point|time|date|day)\b"
                          r"(?!\s+(?:last|a|in"
                          r"|of|the\s+previous)\b)|\bby\s+then\b", re.I)
_SAME_DAY = re.compile(r"\b(?:at|on)\s+(?:the\s+same|that)\s+(?:day|date)\b", re.I)
# "Main applicants accounted for 84,231 of them", "Of those, 3,040 were Turkish", "84,231 of the
# claims were made by main applicants": a part of
# what the sentence before counts, in its period
_OF_THOSE = re.compile(r"\bof\s+(?:them|those|these|whom|(?:the|these|those)\s+"
                       r"(?-i:[a-z]+(?<![isu])s)\b(?![’'(]))", re.I)
# A sentence that remarks on the one before it: "It is the highest figure since ..."
_REMARK = re.compile(r"\W*(?:It|That|This)(?:\s+(?:is|was)|['’]s)\b")
# The origin of a figure's period when the figure is its sentence's comparison base.
BASE_ORIGIN = "a year before the sentence's period"
# "The previous year, 45,774 crossed", "A year earlier, ...": a year before the story's time
# (the sentence before), where "a year ago" is a year before publication
_YEAR_BEFORE_LEAD = re.compile(
    r"^\W*(?:in\s+)?(?:the\s+(?:previous|preceding|prior)\s+year|the\s+year\s+before"
    r"|(?:a|one)\s+year\s+(?:earlier|before|previously))\b", re.I)
STORY_ORIGIN = "a year before the previous sentence's period"
THAT_YEAR_ORIGIN = "the year (month) 'that year' ('that month') names"
BASE_YEAR_UNKNOWN = "the year before one the sentence does not state"
# "That was down from 165,411 three months earlier": the sentence before's figure
_THAT_WAS = re.compile(r"^\W*(?:that|this|it)\s+(?:was|is|were|had\s+been|has\s+been)\b", re.I)
# "...; the year before that, almost 46,000": a year before the figure before it
_BEFORE_THAT = re.compile(r"\b(?:the\s+year|a\s+year|the\s+one)\s+(?:before|earlier\s+than)"
                          r"\s+that\b(?!\s+[a-z])", re.I)  # not "the year before that law came in"
# "By the end of that year it had fallen to about 95,000", "in that month", "made the crossing
# that year": the year (month) of the sentence before's period
_THAT_YEAR = re.compile(r"\b(?:(?P<edge>end|start|beginning|close)\s+of\s+|(?:in|during|for|over"
                        r"|throughout|across|by)\s+|(?<!since )(?<!before )(?<!after )(?<!until )"
                        r"(?<!from ))that\s+(?P<unit>year|month)\b(?!['’]s)", re.I)
# A level at a date, whose change's base may be a quarter or a year before
_A_LEVEL = re.compile(r"\b(?:at|by)\s+the\s+end\s+of\b|\bas\s+of\b|\bstood\s+at\b", re.I)
# "Between 2022 and 2024, ... from 45,774 to 36,816"
_BETWEEN_YEARS = re.compile(r"\b(?:between|from)\s+(?P<a>(?:19|20)\d\d)\s+(?:and|to)\s+"
                            r"(?P<b>(?:19|20)\d\d)\b", re.I)
# The period text of a change's base whose sentence gives it none, and the note on one read
# as the year before its change's year.
BASE_UNSTATED = "not stated (the base of a change)"
LEVEL_UNSTATED = "not stated (the level a change reached)"
BASE_YEAR_BEFORE = "the year before: the sentence states no base year"
# Periods whose months another year can have: not a day, a date or a rate.
_SHIFTABLE = frozenset({"year", "quarter", "month", "range", "ytd", "since"})


# "first published figures for that year in February 2023": the release's date, not the figures'
_PUT_OUT_BEFORE = re.compile(r"\b(?:published|released|issued|revised|updated)\b"
                             r"(?:\s+[^\d\s]+){0,5}\s+$", re.I)
# ("published its preliminary figures for 2023": the figures' own period; not "On the
# revised figures for 2022, that is a fall of 17%": the base's)
_FOR_PERIOD = re.compile(r"(?:for|covering)\s", re.I)


def _put_out(sentence: str, at: int) -> bool:
    """Is the period at ``at`` the day figures were put out, not the time they count?"""
    verb = _PUT_OUT_BEFORE.search(sentence, max(0, at - 60), at)
    return verb is not None and not (_FOR_PERIOD.match(sentence, at) and verb.group().split()[
        0].lower() in ("published", "released", "issued"))


def _usable(item: tuple[int, int, Period], ctx: Surroundings) -> bool:
    """A sentence's period counts for the figure unless it sits in another clause that is
    a comparison ("compared with a peak of 56,000 in June 2023")."""
    for i, (s, e) in enumerate(ctx.spans):
        if s <= item[0] < e:
            return i == ctx.index or not COMPARISON_START.match(ctx.sentence_text[s:e])
    return True


def _in_clause(item: tuple[int, int, Period], ctx: Surroundings) -> bool:
    if not ctx.spans:
        return False
    start, end = ctx.spans[ctx.index]
    return start <= item[0] < end


_LATER_CLAUSE = re.compile(r"[,;]\s+and\s+(?:there|it|they|this|that|these|those|we|he|she)\s"
                           r"|;\s", re.I)


def resolve_period(own_text: Any, ctx: Surroundings, published: dt.date | None,
                   as_base: bool = True, text_first: bool = False,
                   earlier: Sequence[str] = (), compared: Period | None = None) -> Period | None:
    """The figure's period from its own ``period`` text and its surroundings; None when the
    text gives none. ``text_first`` (percentage changes) reads the sentence before the
    figure's own period, which may be the comparison base ("the same quarter last year").
    ``earlier``: the sentences before the figure's, nearest first (the previous one when not
    given), for the story's period that "the previous year" and "that year" refer to;
    ``compared``: the period of the figure before it in its sentence, if any."""
    earlier = earlier or ((ctx.previous_text,) if ctx.previous_text else ())
    if isinstance(own_text, str) and periods.BOUND.match(own_text):
        return None  # "claims made before 28 June 2022": a cut-off, and no other time is theirs
    own = None if text_first else periods.parse_period(own_text, published)
    sentence = ctx.sentence_text
    found = [f for f in periods.find_periods(sentence, published) if _usable(f, ctx)
             and not dates_the_base(sentence, f[0], f[1], ctx.figure_start)
             and not _put_out(sentence, f[0])]
    # not the period of a base after the figure ("5,369 arrivals, well below the 8,631 seen
    # in August 2022")
    in_clause = [f for f in found if _in_clause(f, ctx) and not (
        f[0] >= ctx.figure_end and another_figures(ctx, f[0]))]
    period = None
    if own is not None:
        period = replace(own, origin="figure")
        if own.kind == "year" and in_clause:
            # "since 2016" in the text but "2016" in the figures table: the text is richer.
            richer = periods.nearest(in_clause, ctx.figure_start, ctx.figure_end)
            if richer is not None and richer.kind in ("since", "ytd") and (
                richer.start and richer.start.year == own.start.year
            ):
                period = replace(richer, origin="clause")
        elif own.kind == "day":  # "Since 9 December, 52,622 ...": from that day, not on it
            since = [f for f in found if f[2].kind == "since" and f[2].start == own.start]
            if since:
                period = replace(since[0][2], origin="clause")
    if period is None and in_clause:
        period = replace(periods.nearest(in_clause, ctx.figure_start, ctx.figure_end),
                         origin="clause")
        narrower = periods.parse_period(own_text, published) if text_first else None
        if narrower is not None and narrower.kind != "year" and narrower.start and (
                narrower.end and period.start) and (
                period.end and period.start <= narrower.start and narrower.end <= period.end
                and (narrower.start, narrower.end) != (period.start, period.end)):
            # "rose 100% in the summer of 2022": the summer the figure's own words give, not
            # the year the sentence's text reading finds in them
            period = replace(narrower, origin="figure")
    if period is not None and period.kind == "since" and period.start is not None:
        # "By the end of 2023, more than 114,000 had crossed since 2018": to that end
        ends = [p for _, _, p in found if p.kind == "end" and p.end is not None
                and period.start < p.end < (period.end or dt.date.max)]
        if len(ends) == 1:
            end = ends[0].end
            period = replace(period, kind="range", end=end, label=span_label(
                "range", period.start, end))
    # not past a break, nor the period of a part of the figure or of a base after it ("almost
    # 1,300 crossed, including 444 on Wednesday", "2,783 ..., fewer than the 2,977 in 2022")
    # nor a rate outside its clause: "at a cost of £8 million a day" is that cost's
    reachable = [f for f in found if not past_a_break(sentence, ctx.figure_end, f[0])
                 and not another_figures(ctx, f[0]) and f[2].kind != "rate"]
    if period is None and reachable:
        period = replace(periods.nearest(reachable, ctx.figure_start, ctx.figure_end),
                         origin="sentence")
    if period is None and text_first:
        period = periods.parse_period(own_text, published)
    shifted = base_words_after(sentence, ctx.figure_end)
    main = periods.nearest(found, ctx.figure_start, ctx.figure_end) if found else None
    if main is None and as_base and earlier:
        # "The Home Office had recorded 29,437 the previous year": the story's year before
        main = _story_before(earlier, published, _SHIFTABLE)
    if main is None and compared is None and as_base and year_back_of_no_year(sentence, shifted):
        # "The figure of 29,437 is down from 45,774 crossings the previous year": the year
        # before one the sentence does not state (not the year before publication)
        period = None
    elif main is None and published is not None:
        # "2.9 million now, down from 3.2 million a year earlier": a year before publication
        main = periods.Period("day", published, published, published.isoformat())
    if as_base and shifted is not None and shifted.group("prev") and main is not None:
        # "from 124,461 a year earlier": the figure is the base of a comparison, a year before
        # the period of what it is compared with, which comes before it ("36,816 in 2024,
        # against 29,437 the year before and 45,774 in 2022": 2023)
        before = [p for s, e, p in found if e <= ctx.figure_start]
        compared = compared or (before[-1] if before else main)
        base = periods.comparison_base(sentence, ctx.figure_end,
                                       periods.clip(compared, published), published)
        if base is not None:
            period = replace(base, origin=BASE_ORIGIN)
    if period is not None:
        period = periods.clip(period, published)
    # ("The total of 36,816 was up 25% on 2023": the total the sentence before gave)
    anaphor = bool(periods.ANAPHOR.match(sentence)) or bool(TOTAL_OF.match(sentence)) or bool(
        re.search(r"\b(?:that|this)\s+(?:was|is|were|marks?|represents?)\b", sentence, re.I)
        or _THIS_PERIOD.search(sentence) or _OF_THOSE.search(ctx.clause)
        or _OF_THOSE.match(sentence.lstrip()))
    if anaphor and ctx.previous_text and (
            period is None or (period.kind == "since" and period.end == published)):
        kinds = ("year", "month", "day", "end", "quarter", "range")
        if _SAME_DAY.search(sentence):  # "passed on the same day": the day the one before names
            kinds = ("day", "end")
        of_those = compared if _OF_THOSE.match(sentence.lstrip()) else None  # those counted
        ref = of_those or _story_period(ctx.previous_text, published, kinds, report_day=False) or (
            compared if compared is not None and compared.kind != "since" else None) or (
            _story_period(ctx.previous_text, published, kinds))
        # (else the period of the figure it refers to: "... at the end of June, figures
        # published on Thursday show. That was up 44% on a year earlier")
        if ref is not None:
            if period is None:
                period = replace(ref, origin="previous sentence")
            else:
                period = replace(period, end=ref.end, origin="clause + previous sentence",
                                 label=f"{period.label} to {ref.end.isoformat()}")
    that = _THAT_YEAR.search(sentence, ctx.figure_end)
    if that is not None and ctx.spans and that.start() < ctx.spans[ctx.index][1]:
        # "which peaked at 3,762,686 in April 2022, had fallen to 3,535,898 by the end of that
        # year": the year its own sentence named before it
        named = _that_year(that, [sentence[: ctx.figure_start], *earlier], published)
        period = replace(named, origin=THAT_YEAR_ORIGIN) if named is not None else period
    elif earlier and (period is None or period.origin == "previous sentence"):
        # ("... in October 2022. That year 45,774 people crossed": 2022, not its October)
        that = _THAT_YEAR.search(sentence)
        if that is not None and (period is None or that.start() < ctx.figure_start):
            period = _that_year(that, earlier, published) or period
    lead = _YEAR_BEFORE_LEAD.match(sentence)
    if lead and earlier and not [f for f in found if f[0] >= lead.end()] and (
            period is None or period.origin != BASE_ORIGIN):
        # "Nearly 37,000 crossed last year. That is more than ... The year before it was
        # about 29,000": the year before the nearest stated one
        ref = _story_before(earlier, published, _SHIFTABLE | {"day"})
        if ref is not None and ref.kind == "day":
            # "Labour won the election on 4 July 2024. The year before, 29,437 had crossed"
            ref = periods.year_period(ref.end.year, str(ref.end.year))
        if ref is not None and ref.start is not None:
            # "In June 2023, 3,824 crossed. A year earlier, 3,140 had": June 2022
            period = _years_away(ref, -1, STORY_ORIGIN)
    if period is None and ctx.lead:
        # "Small boat arrivals by nationality in 2023:" then "- Total: 29,437"; an item
        # labelled with its year ("- 2022: 45,774") is that year
        label = ITEM_YEAR.match(ctx.paragraph_text)
        listed = periods.find_periods(ctx.lead, published)
        year = _A_YEAR.search(ctx.lead)  # "Small boat arrivals by quarter, 2023:"
        months = ITEM_MONTHS.match(ctx.paragraph_text)
        in_year = periods.find_periods(f"{months['label']} {year[0]}", published) if (
            months and year) else []
        month = TABLE_MONTH.fullmatch(ctx.table_year)
        if month:  # "| January | 1,098 | 20 |": that month, the latest by publication
            period = _table_month(month, published)
        elif ctx.table_year:  # "2022 | 45,774", or under "Route | 2022 | 2023"
            period = periods.year_period(int(ctx.table_year), ctx.table_year)
        elif label:
            period = periods.year_period(int(label.group("y")), label.group("y"))
        elif in_year:  # "- January to March: 3,793" under "... by quarter, 2023:"
            period = replace(in_year[-1][2], origin="the list item's months in its lead-in's year")
        elif listed:
            period = replace(periods.clip(listed[-1][2], published), origin="the list's lead-in")
        elif year:
            period = replace(periods.year_period(int(year[0]), year[0]),
                             origin="the list's lead-in")
    item = ITEM_MONTHS.match(ctx.paragraph_text) if period is None else None
    alone = TABLE_MONTH.fullmatch(item["label"]) if item else None
    if alone:  # "- June: 5,170 people in 80 boats" with no year about: the latest June
        period = _table_month(alone, published)
    if period is not None and period.kind == "rate" and period.label in periods.RATE_DAYS and (
            not SAME_PERIOD.search(sentence)):  # "600 a week in the same period of 2023"
        # "In 2024, an average of about 100 people a day crossed": a day's average over 2024;
        # "compared with 80 a day in 2023": the base's own year
        spans = [f for f in reachable if f[2].kind in _SHIFTABLE and f[2].start is not None
                 and f[2].end is not None]
        own_base = next((m for m in periods.number_bases(sentence)
                         if m.start() <= ctx.figure_start < m.start("ny")), None)
        if own_base is not None:
            year = int(own_base.group("ny"))
            period = replace(periods.year_period(year, str(year)),
                             origin=f"an average {period.label} over the base's year")
        elif spans:
            span = periods.clip(periods.nearest(spans, ctx.figure_start, ctx.figure_end),
                                published)
            period = replace(span, origin=f"an average {period.label} over the sentence's period")
    if period is not None and period.kind == "rate" and period.label == "per year" and published:
        year = published.year - 1
        period = replace(periods.year_period(year, f"{year} (a yearly figure: the last full"
                                                   " year before publication)"), origin="rate")
    return period





def _story_period(previous: str, published: dt.date | None,
                  kinds: Collection[str], report_day: bool = True) -> Period | None:
    """The period of the sentence before that a sentence referring back to it takes: its last
    one of ``kinds``, not a report's day ("... in 2024, figures published on Thursday show":
    2024), unless that is all it has and ``report_day``."""
    found = [(s, p) for s, _, p in periods.find_periods(previous, published)
             if p.kind in kinds and p.end is not None]
    short = _SHORT_YEAR.fullmatch(previous.strip())
    if not found and short and "year" in kinds:  # "Take 2022." opens the story of that year
        found = [(short.start("y"), periods.year_period(int(short["y"]), short["y"]))]
    told = [(s, p) for s, p in found
            if not (p.kind == "day" and REPORTED_ON.search(previous, 0, s))]
    # not a base's ("At the end of December 124,802 were waiting, down from a peak of 175,457
    # in June 2023. There were 38,079 in hotels at the same date": December)
    in_bases = base_spans(previous)
    own = [p for s, p in told if not in_a_base(in_bases, s)]
    return (own or [p for _, p in told] or (report_day and [p for _, p in found]) or [None])[-1]


_SHORT_YEAR = re.compile(r"(?:\w+\s+){0,3}(?P<y>(?:19|20)\d\d)[.:!]?")


def _story_before(earlier: Sequence[str], published: dt.date | None,
                  kinds: Collection[str]) -> Period | None:
    """``_story_period`` of the nearest of the ``earlier`` sentences that states one."""
    for text in earlier:
        found = _story_period(text, published, kinds)
        if found is not None:
            return found
    return None


def _that_year(words: re.Match[str], earlier: Sequence[str],
               published: dt.date | None) -> Period | None:
    """The year or month "that year" ("that month") names: the one the sentence before's
    period (``_story_period``) ends in; "the end of that year" is its last day, "the start
    of" its first."""
    ref = _story_before(earlier, published, _SHIFTABLE | {"day", "end"})
    if ref is None:
        return None
    day = ref.end
    if words.group("unit").lower() == "year":
        start, end = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    else:
        start, end = day.replace(day=1), periods.month_end(day.year, day.month)
    edge = (words.group("edge") or "").lower()
    if edge:
        at = start if edge in ("start", "beginning") else end
        return Period("end", at, at, at.isoformat(), origin="the previous sentence's period")
    kind = words.group("unit").lower()
    return Period(kind, start, end, span_label(kind, start, end),
                  origin="the previous sentence's period")


# Internal period kinds as the figures table reports them.
_REPORTED = {"year": "year", "quarter": "quarter", "month": "month", "day": "day",
             "end": "day", "ytd": "since", "since": "since", "range": "range"}


def period_columns(period: Period | None) -> dict[str, Any]:
    """``period_start``, ``period_end`` (ISO) and ``period_kind`` of a resolved period."""
    if period is None or period.kind not in _REPORTED or period.end is None:
        return {"period_start": None, "period_end": None, "period_kind": "none"}
    kind = _REPORTED[period.kind]
    start = period.end if period.kind == "end" else period.start
    if kind == "range" and start is not None and (period.end - start).days == 6:
        kind = "week"
    return {"period_start": start.isoformat() if start else None,
            "period_end": period.end.isoformat(), "period_kind": kind}


def in_another_year(words: re.Match[str], earlier: Period | None, ctx: Surroundings,
                    published: dt.date | None) -> Period | None:
    """The months of ``earlier`` (the last figure's period before, in this sentence or the one
    before in its paragraph) or else of the sentence's nearest period, in the year ``words``
    name; None when neither gives months."""
    if earlier is None or earlier.kind not in _SHIFTABLE:
        found = [f for f in periods.find_periods(ctx.sentence_text, published)
                 if (f[1] <= words.start() or f[0] >= words.end()) and f[2].kind in _SHIFTABLE]
        earlier = periods.nearest(found, words.start(), words.end()) if found else None
    if earlier is None or earlier.start is None or earlier.end is None:
        return None
    years = int(words.group("y")) - earlier.end.year if words.group("y") else -1
    if years == 0:
        return None  # "the same period in 2023" of a 2023 period: another reading
    return _years_away(earlier, years, "the same period in another year")


def _years_away(period: Period, years: int, origin: str) -> Period:
    """``period`` moved by ``years`` (its months kept): a year, quarter or month stays one,
    anything else is a range of dates."""
    start = periods.in_year(period.start, period.start.year + years)
    end = periods.in_year(period.end, period.end.year + years)
    if period.kind in ("year", "quarter", "month"):
        return Period(period.kind, start, end, span_label(period.kind, start, end),
                      origin=origin)
    return Period("range", start, end, f"{start.isoformat()} to {end.isoformat()}",
                  origin=origin)


def iso_label(period: Period) -> str:
    """The figures table's ``period`` of a resolved period: "2024", "2024-Q3", "2024-06",
    "2024-06/2024-09" for whole months, "2024-09-30" for a day, else "2024-06-03/2024-09-30"."""
    start, end = period.start, period.end
    if period.kind in ("day", "end") or start is None or start == end:
        return end.isoformat()
    if period.kind == "year":
        return str(end.year)
    if period.kind in ("quarter", "month"):
        return span_label(period.kind, start, end)
    if start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]:
        return f"{start:%Y-%m}/{end:%Y-%m}"
    return f"{start.isoformat()}/{end.isoformat()}"


ONE_DAY = "a single day"  # the period of a count on one day the words do not date


def add_periods(article: Article, rows: list[dict[str, Any]]) -> None:
    """Fill each figure row's period and comparison-base columns, in place."""
    spans = [(int(r["start"]), int(r["end"])) for r in rows]
    published = article.published
    last: tuple[int, int, Period] | None = None  # the last figure's sentence, paragraph, period
    resolved: list[tuple[int, Period | None]] = []  # each row's sentence start and period
    bare: list[int] = []  # the rows that are a change's base with no period of their own
    inherited: dict[int, Period] = {}  # by sentence: the period an earlier one lent its figures
    dated: dict[int, list[Period]] = {}  # by sentence: its figures' periods (not bases')
    starts = [t.start for t in article.sentences]
    counted = {s.start for r in rows for s in [sentence_at(article, int(r["start"]))[0]]
               if s is not None}  # the sentences with figures
    part_bases: dict[int, Period] = {}  # a part-year change's base figure: its months
    for row in rows:
        ctx = surroundings(article, int(row["start"]), int(row["end"]), spans)
        if ctx.column and not row.get("counts") and not _A_YEAR.fullmatch(ctx.column) and (
                not TABLE_MONTH.fullmatch(ctx.column)):
            row["counts"] = ctx.column  # a table's cell counts what its column's header says
        resolved.append((ctx.sentence.start if ctx.sentence is not None else -1, None))
        base_of = bare_base(ctx) if ctx.sentence is not None else None
        base_cols = {"base_start": None, "base_end": None}
        if ctx.sentence is None or row.get("period") == ONE_DAY:
            # "1,000 crossed on a single day last month": which day is not said
            row.update(period_columns(None), **base_cols)
            continue
        change = row.get("unit") in ("percent", "share") and percent_is_change(ctx) and (
            row.get("unit") == "percent" or bool(periods.BASE.search(ctx.sentence_text))
            or next_is_a_base(ctx)) or (  # "more than tripled on the previous year in 2021"
            row.get("unit") == "times" and changed_by_a_factor(str(row.get("text") or "")))
        # "five times the 2020 level": a multiplier's base is the year right after it
        times = periods.MULTIPLIER_BASE.match(ctx.sentence_text, ctx.figure_end) if (
            row.get("unit") == "times") else None
        rate = str(row.get("period") or "").startswith("per ")  # "a week in the same period"
        same = None if change or rate else same_period_words(ctx)
        try:
            at = starts.index(ctx.sentence.start)
            before = [t.text for t in reversed(article.sentences[max(0, at - 3):at])]
            referred = _referred(article, ctx, dated)
            period = resolve_period(row.get("period"), ctx, published, as_base=not change,
                                    earlier=before, compared=last[2] if (
                                        last is not None and last[0] == ctx.sentence.start)
                                    else referred, text_first=change)
            if period is None and not change and year_back_of_no_year(
                    ctx.sentence_text, base_words_after(ctx.sentence_text, ctx.figure_end)):
                row["period"] = BASE_YEAR_UNKNOWN
            if change and period is not None and period.kind == "year" and last is not None and (
                    last[0] == ctx.sentence.start and _within(last[2], period)) and any(
                    m.group("same") for m in periods.number_bases(ctx.sentence_text)):
                # "In the first nine months of 2023, 24,830 crossed, down 25% on ...": the
                # change of the figure before it, over its months
                period = last[2]
            elif change and period is not None and last is not None and (
                    last[0] == ctx.sentence.start and period.end == last[2].end
                    and _within(period, last[2])):
                period = last[2]  # "25,244 by the end of September, about 2% more": Jan-Sep
            stated = base_after(ctx) if change else None
            if stated is not None and last is not None and last[0] == ctx.sentence.start and (
                    last[2].start is not None and last[2].start.year != int(stated["ny"])):
                # "36,816 crossed in 2024, up 25% from 29,437 in 2023 and well below the 45,774
                # in 2022": the change of the figure before it, not of a year after it
                period = last[2]
            # (not a base in a later clause of its own: "fell 36% in 2023, and there were
            # fewer than in the whole of 2021")
            later = _LATER_CLAUSE.search(ctx.sentence_text, ctx.figure_end)
            base = periods.comparison_base(
                ctx.sentence_text[: later.start()] if later else ctx.sentence_text,
                ctx.figure_end, period, published) if change else None
            if stated is not None and base is not None and base.kind == "year" and (
                    period is not None and period.kind != "year" and period.start and period.end
                    and base.start and (period.end - period.start).days < 300):
                # "13,489 in the first six months of 2024, up 18% from 11,433 in 2023": the
                # same months of that year
                start = periods.in_year(period.start, base.start.year)
                end = periods.in_year(period.end, base.start.year)
                base = Period("range", start, end, f"{start.isoformat()} to {end.isoformat()}")
                digit = re.compile(r"\d").search(ctx.sentence_text, stated.start())
                if digit is not None:  # the 11,433 is of those months too
                    part_bases[ctx.sentence.start + digit.start()] = base
            span = periods.CHANGE_SPAN.match(ctx.sentence_text, ctx.figure_end) if (
                change) else None
            if span is not None and PART_OF_YEAR.search(
                    ctx.sentence_text[: span.start()] + ctx.sentence_text[span.end() :]):
                span = None  # "Arrivals between January and March fell 17% from ... to ...":
                # not whole years
            if span is not None and int(span["y1"]) < int(span["y2"]):
                # "fell by 36% from 45,774 in 2022 to 29,437 in 2023": 2023 against 2022
                period = replace(periods.year_period(int(span["y2"]), span["y2"]),
                                 origin="clause")
                base = periods.year_period(int(span["y1"]), span["y1"])
            if times is not None:
                year = times.group("y") or times.group("y2")
                base = periods.year_period(int(year), year)
            if same is not None:
                earlier = last[2] if last is not None and last[1] == ctx.sentence.paragraph and (
                    last[0] in (ctx.sentence.start, _start_of_previous(article, ctx))) else None
                # Without months to take, the figure's period is not known: "the same period
                # last year" is not the whole of last year. It stays as written.
                period = in_another_year(same, earlier, ctx, published)
                row["period"] = (iso_label(period) if period is not None
                                 else " ".join(same.group(0).split()))
            # "... up from 29,561 six months earlier", "against 300 a week before"
            earlier = periods.EARLIER.match(ctx.sentence_text, ctx.figure_end + 1) if (
                ctx.sentence_text[ctx.figure_end : ctx.figure_end + 1] == " ") else None
            if earlier is not None and not (period is not None and period.origin == BASE_ORIGIN):
                # "38,079 at the end of 2024, up from 29,561 six months earlier": before the
                # period of the figure before it in the sentence (else not known)
                words = " ".join(earlier.group().split())
                # ("At the end of 2023, 128,786 were waiting. That was down from 165,411
                # three months earlier": the sentence before's, when this one refers to it)
                ref = last[2] if last is not None and last[0] == ctx.sentence.start else (
                    referred)
                period = periods.earlier_by(words, ref) if ref is not None else None
                row["period"] = iso_label(period) if period is not None else words
            then = _BEFORE_THAT.search(ctx.sentence_text, max([0, *(
                e for _, e in ctx.others if e <= ctx.figure_start)]), ctx.figure_start)
            if then is not None and last is not None and last[0] == ctx.sentence.start and (
                    last[2].kind == "year" and last[2].start is not None):
                # "The year before it was about 29,000; the year before that, almost 46,000"
                period = _years_away(last[2], -1, STORY_ORIGIN)
            if period is not None and period.origin in (BASE_ORIGIN, STORY_ORIGIN,
                                                          THAT_YEAR_ORIGIN):
                row["period"] = iso_label(period)  # "from 89,398 the year before": 2022
        except (ValueError, OverflowError):  # dates off the calendar's ends (year 0, 10000)
            period = base = None
        if period is None and same is None and earlier is None and not row.get("period"):
            period = an_earlier_sentences(article, ctx, published, inherited, counted)
            if period is not None:
                row["period"] = f"{iso_label(period)} ({INHERITED})"
                inherited[ctx.sentence.start] = period
        elif referred is not None and period is not None and base_of is None and not change and (
                (period.start, period.end) == (referred.start, referred.end)):
            inherited.setdefault(ctx.sentence.start, period)  # "Of those, some 60,500 ...": lent on
        due = next((p for at, p in part_bases.items()
                    if int(row["start"]) <= at < int(row["end"])), None)
        if due is not None:  # "up 18% from 11,433 in 2023" after six months: those of 2023
            period = due
            row["period"] = f"{iso_label(due)} (the months of the change it is the base of)"
        resolved[-1] = (ctx.sentence.start, period)
        row.update(period_columns(period))
        if base_of == "after":
            bare.append(len(resolved) - 1)
        elif base_of == "than":  # "25% more than the 29,437 who came the year before"
            period = None
            row.update(period_columns(None), period=BASE_UNSTATED)
            resolved[-1] = (ctx.sentence.start, None)
        elif base_of == "before":  # "36,816 in 2024, up from 29,437"
            partner = last[2] if last is not None and last[0] == ctx.sentence.start else (
                referred)  # "That was up from 29,437."
            if partner is not None:
                period = _dated_base(rows, len(resolved) - 1, partner,
                                     ctx.sentence_text + " " + ctx.previous_text)
                resolved[-1] = (ctx.sentence.start, period)
            elif _THAT_WAS.match(ctx.sentence_text):
                # "36,816 in 2024, including 5,417 in October. That was up from 29,437": the
                # base of which of them is not known (not the sentence before's period)
                period = None
                row.update(period_columns(None), period=BASE_UNSTATED)
                resolved[-1] = (ctx.sentence.start, None)
        if period is not None and same is None:
            last = (ctx.sentence.start, ctx.sentence.paragraph, period)
            if base_of is None and period.origin != BASE_ORIGIN and not change:
                dated.setdefault(ctx.sentence.start, []).append(period)
        if base is not None and base.start and base.end:
            base_cols = {"base_start": base.start.isoformat(), "base_end": base.end.isoformat()}
        row.update(base_cols)
    for i in bare:  # "from 29,437 to 36,816 in 2024": once the figure after is dated
        _date_from_to(article, rows, i, resolved)
    for i in range(len(rows)):
        _change_of_the_two_before(article, rows, i, resolved)


# ", a fall of 27%", ", a reduction of 18%": a change named after the figures it is between
_CHANGE_NOUN = re.compile(r"\W*(?:an?\s+)?(?:[a-z]+\s+)?(?:fall|drop|decline|reduction|decrease|cut"
                          r"|rise|increase|jump|surge|growth)\s+of\s+(?:[a-z]+\s+){0,3}?$", re.I)


def _change_of_the_two_before(article: Article, rows: list[dict[str, Any]], i: int,
                              resolved: list[tuple[int, Period | None]]) -> None:
    """A percentage named as a change after two dated figures of its sentence, with no base of
    its own ("175,457 people were waiting; by the end of December, 128,786 were, a fall of
    27%"; "fell to 45,744 by December, from 56,018 in September, a reduction of 18%"): the
    change from the earlier figure, or the one after "from", to the other."""
    row = rows[i]
    if row.get("unit") != "percent" or row.get("base_end") or i < 2 or not (
            resolved[i - 1][0] == resolved[i - 2][0] == resolved[i][0]):
        return
    text = article.text
    start = int(row["start"])
    gap = text[int(rows[i - 1]["end"]) : start]
    if not _CHANGE_NOUN.fullmatch(gap.split(",")[-1] if "," in gap else gap):
        return
    a, b = resolved[i - 2][1], resolved[i - 1][1]
    if a is None or b is None or a.end is None or b.end is None:
        return
    after_from = re.search(r"\bfrom\s+(?:[a-z]+\s+){0,2}$",
                           text[max(0, int(rows[i - 1]["start"]) - 30) : int(rows[i - 1]["start"])])
    base, level = (b, a) if after_from else (a, b)
    if base.end >= level.end:
        return
    row.update(period_columns(level), period=iso_label(level), base_start=(
        base.start or base.end).isoformat(), base_end=base.end.isoformat())


def _table_month(label: re.Match[str], published: dt.date | None) -> Period | None:
    """The month a table's row label names, in its year or else the latest by publication."""
    month = periods.month_number(label["m"])
    year = int(label["y"]) if label["y"] else published.year - (month > published.month) if (
        published) else None
    if year is None:
        return None
    start, end = periods.month_span(year, month)
    return Period("month", start, end, f"{year:04d}-{month:02d}", origin="the table row's month")


def _dated_base(rows: list[dict[str, Any]], i: int, partner: Period | None,
                sentence: str) -> Period | None:
    """Date the change's base in row ``i`` by ``partner``, the period of the figure it is the
    base of, and return the base's period. A calendar year's base is the year before, as for a
    percentage with no base; any other period's is not known (a month's may be the month
    before or the same month a year earlier), nor a level's at a date ("at the end of 2024,
    down from 118,882": a quarter or a year before), and the base stays undated. With no
    partner the row stays as it is."""
    if partner is None:
        return None
    row = rows[i]
    if partner.kind == "year" and partner.start is not None and not _A_LEVEL.search(sentence) and (
            partner.origin != INHERITED and not partner.origin.startswith("an average")):
        year = partner.start.year - 1
        period = periods.year_period(year, str(year))
        row.update(period_columns(period), period=f"{year} ({BASE_YEAR_BEFORE})")
        return period
    row.update(period_columns(None), period=BASE_UNSTATED)
    return None


def _date_from_to(article: Article, rows: list[dict[str, Any]], i: int,
                  resolved: list[tuple[int, Period | None]]) -> None:
    """Date a base followed by "to" and the figure it changed to ("from 29,437 to 36,816 in
    2024"); "Between 2022 and 2024, crossings fell from 45,774 to 36,816" is 2022 to 2024's
    ends, the first year's and the last's; with no period for either, neither is dated."""
    sentence, partner = resolved[i][0], resolved[i + 1][1]
    text = next((s.text for s in article.sentences if s.start == sentence), "")
    if partner is None and not rows[i + 1].get("period"):
        # "The number of boats fell, from 1,110 to 602": a change over no stated period, not
        # one at the publication date
        rows[i].update(period_columns(None), period=BASE_UNSTATED)
        rows[i + 1].update(period_columns(None), period=LEVEL_UNSTATED)
        return
    span = _BETWEEN_YEARS.search(text)
    if partner is not None and partner.kind == "range" and span and partner.start and (
            partner.end) and (partner.start.year, partner.end.year) == (
            int(span.group("a")), int(span.group("b"))):
        first, last = periods.year_period(partner.start.year, span.group("a")), \
            periods.year_period(partner.end.year, span.group("b"))
        rows[i].update(period_columns(first), period=span.group("a"))
        rows[i + 1].update(period_columns(last), period=span.group("b"))
        return
    _dated_base(rows, i, partner, text)


def _within(part: Period, whole: Period) -> bool:
    """Is ``part`` a shorter span inside ``whole``?"""
    return None not in (part.start, part.end, whole.start, whole.end) and (
        whole.start <= part.start and part.end <= whole.end
        and (part.start, part.end) != (whole.start, whole.end))


def _referred(article: Article, ctx: Surroundings,
              dated: dict[int, list[Period]]) -> Period | None:
    """The period of the figures of the sentence before, when this one refers back to them
    ("That was up from 29,437") and they have one ("36,816 in 2024, including 13,489 in the
    first half. That was up from 11,433": which is not known), or to their time ("at that
    point", "by then": the last one)."""
    found = dated.get(_previous_start(article, ctx), [])
    if _THIS_PERIOD.search(ctx.sentence_text) and found:
        # "... had fallen to 98,000 by the end of September. Around 56,000 were in hotels at
        # that point": the last time the sentence before reached
        return found[-1]
    if _OF_THOSE.match(ctx.sentence_text.lstrip()) and found:
        # "108,138 claimed asylum in 2024, beating the peak of 103,081 in 2002. Of those,
        # 84,231 were main applicants": of the first, its subject's; past a sentence that
        # only remarks on it ("It is the highest since records began, beating ... 2002")
        before = [x for x in article.sentences if x.end <= ctx.sentence.start]
        if len(before) > 1 and _REMARK.match(before[-1].text) and dated.get(before[-2].start):
            return dated[before[-2].start][0]
        return found[0]
    if not _THAT_WAS.match(ctx.sentence_text):
        return None
    return found[0] if len({(p.start, p.end) for p in found}) == 1 else None


def _previous_start(article: Article, ctx: Surroundings) -> int:
    """Where the sentence before the figure's starts; -1 for the first."""
    start = _start_of_previous(article, ctx)
    return -1 if start is None else start


def _start_of_previous(article: Article, ctx: Surroundings) -> int | None:
    """Where the sentence before the figure's starts (None for the first)."""
    before = [s.start for s in article.sentences if s.end <= ctx.sentence.start]
    return before[-1] if before else None


def period_from_columns(row: dict[str, Any], published: dt.date | None,
                        prefix: str = "period") -> Period | None:
    """The Period a figures row's columns describe (the inverse of ``period_columns``)."""
    start = as_date(row.get(f"{prefix}_start"))
    end = as_date(row.get(f"{prefix}_end"))
    kind = row.get(f"{prefix}_kind", "range") if prefix == "period" else "range"
    if end is None or kind == "none":
        return None
    if kind == "since":
        kind = "ytd" if start == dt.date(end.year, 1, 1) else "since"
    elif kind == "week":
        kind = "range"
    elif prefix != "period":
        kind = _kind_of_span(start, end)
    return Period(kind, start, end, span_label(kind, start, end))


def _kind_of_span(start: dt.date | None, end: dt.date) -> str:
    if start is None:
        return "day"
    if start == end:
        return "day"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return "year"
    if start.day == 1 and end == periods.month_end(start.year, start.month):
        return "month"
    if start.day == 1 and start.month in (1, 4, 7, 10) and end == periods.quarter_span(
            start.year, (start.month - 1) // 3 + 1)[1]:
        return "quarter"
    return "range"
