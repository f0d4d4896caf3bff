"""The period a figure's own words give (its period column): time words near the number
resolved against the publication date, comparison bases and report dates left out.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from newstables import periods
from newstables.extract.events import _cues, _words
from newstables.extract.figure_grammar import (
    _CAPITALISED,
    _COMPARISON,
    _MONTHS,
    _NOUN_TRIGGERS,
    _PERIOD,
    _PERIOD_STARTS,
    _PERIOD_WORDS,
    _RATES,
    _REPORT_DATE,
    _SPAN_LEAD,
    _TEN_WORDS,
    _UNIT_WORDS,
    _WEEKDAYS,
    _Doc,
    _Fig,
    _Period,
    _Trigger,
    dates_another_base,
    dates_the_base,
    label_colon_end,
    opens_another_clause,
)
from newstables.extract.number_reading import _single_value, _tail

# ---------------------------------------------------------------- periods


def _month_year(month: int, year: int | None, pub: dt.date | None) -> str | None:
    if year is None:
        if pub is None:
            return None
        # the latest such month by publication; in a month's first week, that month a year
        # before ("January brought 1,335 arrivals" on 2 January: last January, not days old)
        year = pub.year if month < pub.month or month == pub.month and pub.day > _FIRST_WEEK \
            else pub.year - 1
    return f"{year:04d}-{month:02d}"


_FIRST_WEEK = 7


def _month(name: str | None) -> int | None:
    return _MONTHS.get(name.rstrip(".").lower()) if name else None


def _resolve(m: re.Match[str], pub: dt.date | None) -> str | None:
    """The period a matched time expression names, or None if it names none."""
    g = m.group
    surface = " ".join(m.group().split())
    kind = m.lastgroup
    year = pub.year if pub else None
    if kind in ("iso", "date", "my"):
        bound = periods.BOUND_BEFORE.search(m.string, max(0, m.start() - 12), m.start())
        if bound:  # a cut-off, as written ("before 2018" too): not the figure's date
            return f"{' '.join(bound.group(1).lower().split())} {surface.lower()}"
    if kind == "iso":
        try:
            return dt.date.fromisoformat(surface).isoformat()
        except ValueError:
            return None
    if kind == "ago":
        return str(year - 1) if year else surface
    if kind == "yto":  # "the year to June 2024", "the three months to June", "the quarter to"
        months = int(_single_value(g("yto_n")) or 0) if g("yto_n") else (
            3 if "quarter" in surface.lower() else 12)
        end = _month_year(_month(g("yto_m")) or 1, int(g("yto_y")) if g("yto_y") else None, pub)
        if end is None or not 1 <= months <= 24:
            return surface
        sy, sm = periods.add_months_ym(int(end[:4]), int(end[5:]), 1 - months)
        return f"{sy:04d}-{sm:02d}/{end}"
    if kind == "qh":
        return _ended_by(_quarter(m, pub, surface), m, pub)
    if kind == "mr":
        ma, mb = _month(g("mr_a")) or 1, _month(g("mr_b")) or 1
        if not g("mr_p") and re.search(r"\band\b", surface, re.I) and mb != ma % 12 + 1:
            return None  # "in January and March": two months, not the span between them
        b = _month_year(mb, _int(g("mr_by")), pub)
        ay = _int(g("mr_ay")) or (int(b[:4]) - (ma > mb) if b else None)
        a = _month_year(ma, ay, pub)  # "between November and February": across a new year
        return f"{a}/{b}" if a and b else surface
    if kind == "q":
        return f"{g('q_y')}-{g('q_k').upper()}{g('q_n')}"
    if kind == "since":
        return _since(m, pub, surface)
    if kind == "yr":
        a = g("yr_a") or g("yr_c") or g("yr_e")
        b = g("yr_b") or g("yr_d") or g("yr_f")
        if g("yr_e") and (len(b) == 2 or re.search(r"fiscal|financial", surface, re.I)):
            return _SPLIT_LEAD.sub("", surface).lower()  # "2023-24": a split year, as written
        return f"{a}/{a[:2] + b if len(b) == 2 else b}"
    if kind == "date":
        return _date(m, pub, surface)
    if kind == "my":
        return _month_period(m, pub, surface)
    if kind == "span":
        return _SPAN_LEAD.sub("", surface).lower()
    if kind == "rel":
        which = g("rel_w").lower()
        if _ANY_BEFORE.search(m.string, max(0, m.start() - 8), m.start()):
            return None  # "more than in the same period of any previous year": no one year
        if g("rel_u").lower() == "year" and _MONTH_BEFORE.search(
                m.string, max(0, m.start() - 12), m.start()):
            return None  # "in September last year": the month's year, read with the month
        if which == "last" and _THE_BEFORE.search(m.string, max(0, m.start() - 8), m.start()):
            which = "past"  # "over the last year": the 12 months to publication, not last year
        return _relative(which, g("rel_u").lower(), pub, surface)
    if kind == "day":
        return _day(m, pub, surface)
    if kind == "wk":  # "the first week of August": its first seven days; "the last": its last
        month = _month(g("wk_m")) or 1
        ym = _month_year(month, int(g("wk_y")) if g("wk_y") else None, pub)
        if ym is None:
            return surface
        year, last = int(ym[:4]), periods.month_end(int(ym[:4]), month).day
        n = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(g("wk_n").lower())
        first = 7 * n - 6 if n else last - 6
        return f"{ym}-{first:02d}/{ym}-{min(first + 6, last):02d}"
    if kind == "eoy":  # "by the end of the year": of the latest year over at publication
        return _ended_by(str(year), m, pub) if year else surface
    if kind == "partr":  # "from early 2023 to late 2024", "between early and late 2023"
        a, b = (periods.PART_OF_YEAR[g(w).lower()] for w in ("pr_a", "pr_b"))
        ay = g("pr_ay") or g("pr_by")
        return f"{ay}-{a:02d}/{g('pr_by')}-{b + 3:02d}"
    if kind == "part":  # "early 2023": January to April; "mid-2023": May to August
        if _YEAR_TO.search(m.string, 0, m.start()) or surface.lower().startswith("since"):
            return None  # "the year to mid-2023", "since mid-2023": which month is not said
        first = periods.PART_OF_YEAR[(g("part_w") or g("part_m")).lower()]
        begun = periods.PART_BEFORE.search(m.string, max(0, m.start() - 40), m.start())
        if begun:  # "from early to late 2023": January to December
            a = periods.PART_OF_YEAR[begun.group("w").lower()]
            return f"{g('part_y')}-{a:02d}/{g('part_y')}-{first + 3:02d}"
        return f"{g('part_y')}-{first:02d}/{g('part_y')}-{first + 3:02d}"
    if kind == "iny":
        if re.search(r"fiscal|financial", surface, re.I):
            return _SPLIT_LEAD.sub("", surface).lower()  # "fiscal year 2024": as written
        if surface.lower().startswith(("before ", "after ")):
            return surface.lower()  # "Before 2018, 5,000 crossed": no span of dates
        return g("iny_y") or g("iny_y2") or g("iny_y3")
    if kind == "season" and g("season_y"):  # "the summer of 2023": June to August 2023
        first = periods.SEASONS["autumn" if g("season_s2").lower() == "fall" else g(
            "season_s2").lower()]
        start, end = periods.season_span(first, int(g("season_y")))
        return f"{start:%Y-%m}/{end:%Y-%m}"
    if kind == "season":
        return _season(g("season_w").lower(), g("season_s").lower(), pub, surface)
    if kind == "rate":
        return _RATES.get(" ".join(surface.lower().split()))
    return None


# "since the fall of the Assad regime on Dec. 8": since that day
_SINCE_EVENT = re.compile(r"\bsince\s+(?:the\s+)?[a-z’'-]+(?:\s+[a-z’'-]+){0,7}\s+$")
# "from early to late 2023": a range of parts of one year
_YEAR_TO = re.compile(
    r"\b(?:since|(?:year|12\s+months|twelve\s+months)\s+(?:to|ending|ended))\s+$")


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _quarter(m: re.Match[str], pub: dt.date | None, surface: str) -> str:
    """ "the second quarter of 2024" -> "2024-Q2"; "the first six months of 2024" -> H1."""
    g = m.group
    which = g("qh_n").lower()
    if _counts_back(m):
        return _back_from(m, pub, surface)
    n = periods.QUARTER_WORDS.get(which, 1)
    year = pub.year if pub else None
    y = int(g("qh_y")) if g("qh_y") else (year - 1 if g("qh_last") and year else year)
    if y is None:
        return surface
    unit = " ".join(g("qh_u").lower().split())
    if unit == "quarter":
        return f"{y}-Q{n}"
    if unit == "half":
        return f"{y}-H{min(n, 2)}"
    months = int(_single_value(unit.rsplit(" ", 1)[0]) or 0)
    if not 1 <= months <= 12:
        return surface
    if months in (3, 6) and which in ("first", "last", "final"):
        return f"{y}-{'Q' if months == 3 else 'H'}{1 if which == 'first' else 12 // months}"
    if which == "first":
        return f"{y}-01/{y}-{months:02d}"
    return f"{y}-{13 - months:02d}/{y}-12"


def _counts_back(m: re.Match[str]) -> bool:
    """ "the last quarter", "over the last 11 months": counted back from publication, not the
    end of a year (as "the last quarter of 2023" is)."""
    return m.group("qh_n").lower() == "last" and not (
        m.group("qh_this") or m.group("qh_last") or m.group("qh_y"))


def _back_from(m: re.Match[str], pub: dt.date | None, surface: str) -> str:
    """The quarter or half before publication's ("the last quarter"), or the months up to
    publication ("the last 11 months", as "the past 11 months" reads)."""
    unit = " ".join(m.group("qh_u").lower().split())
    if unit.endswith("months"):
        return _SPAN_LEAD.sub("", surface).lower()
    if unit != "quarter" or pub is None:
        return surface  # "the last half": which half is not said
    index = pub.year * 4 + (pub.month - 1) // 3 - 1  # the quarter before publication's
    return f"{index // 4}-Q{index % 4 + 1}"


def _ended_by(value: str, m: re.Match[str], pub: dt.date | None) -> str:
    """Quarters, halves or months "of the year" (no year written) that have not ended at
    publication are the year before's: "deported 109,000 in the first eleven months of the
    year", in a report of 15 January, counts January to November of the year before."""
    span = periods.iso_span(value.split("/")[-1]) if pub is not None else None
    first = periods.iso_span(value.split("/")[0]) if span is not None else None
    if first is None or not _year_from_publication(m):
        return value
    running = periods.still_running(_sentence_of(m))  # "so far", "have crossed", "expects"
    return _shifted(value, -1) if periods.year_before(first[1], span[2], pub, running) else value


# The end of a sentence or clause around a time expression: not the point of "2.5 million"
_SENTENCE_BREAK = re.compile(r"[.;!?](?=\s|$)|\n")


def _date(m: re.Match[str], pub: dt.date | None, surface: str) -> str | None:
    g = m.group
    day = int((g("date_d") or g("date_d2") or "0").rstrip("stndrh"))
    month = _month(g("date_m") or g("date_m2")) or 1
    y = int(g("date_y")) if g("date_y") else (pub.year if pub else None)
    if y is None:
        return surface
    if not g("date_y") and pub is not None and (month, day) > (pub.month, pub.day):
        y -= 1  # "on 8 August", in a report of 1 March: the August before
    try:
        return dt.date(y, month, day).isoformat()
    except ValueError:
        return None


_RECORD_OF = re.compile(  # "the busiest month of": a record's reach
    r"\b(?:the|its|their)\s+(?:" + "|".join(periods.RECORD_WORDS)
    + r")\b(?:\s+[\w'’-]+){0,3}\s+(?:day|week|month|quarter|year)\s+(?:(?:of|in)\s+)?$", re.I)
_PUT_OUT = frozenset({"published", "released", "issued", "revised", "updated"})
_SO_FAR = re.compile(r"(?:of\s+|in\s+)?(?:the\s+year\s+so\s+far|this\s+year|so\s+far"
                     r"|(?:19|20)[0-9]{2}\s+so\s+far)\b")  # "the busiest month of 2024 so far"
# "August saw 4,149 arrivals and September 4,192", "December's 3,254 arrivals": a month whose
# figure follows it
_A_FIGURE_NEXT = re.compile(r"(?:['’]s)?\s+(?:(?:about|around|some|nearly|almost|just|only"
                            r"|over)\s+)?(?:[0-9]{1,3}(?:,[0-9]{3})+\b|[0-9]{3}\b(?![.,]?[0-9]))")
# "the busiest month was October, with 5,417 arrivals": the month's figure
_WITH_A_FIGURE = re.compile(r",\s+with\s+(?:(?:about|around|some|nearly|almost|just|over|more"
                            r"\s+than)\s+)?[0-9]")
# "April saw 2,432 arrivals, while March was the quietest": a clause's subject
_CLAUSE_OPENS = re.compile(r"(?:[,;]\s+(?:while|and|but|whereas)|;)\s+$", re.I)
_LIST_LEAD = re.compile(r"^[0-9]{1,2}[.)]\s+")  # "3. August was ...": an item's number
_MONTH_SUBJECT = re.compile(r"\s+(?:alone\s+)?(?:was|saw|brought|had)\b", re.I)
_TIMES = frozenset(["double", "twice", "triple", "treble", "half", "thrice"])
_BY_THE = re.compile(r"\bby\s+the\s+$", re.I)
_THAT_MONTH = re.compile(r"\b(?:that|the)\s+month\b|\balone\b", re.I)  # "1,664 crossed that month"
# done by people, counted since the year began ("had crossed", "have arrived", "had been
# detected"); not a level's verb ("had reached", "had risen"), which a stock has too
_PERFECT = re.compile(r"\b(?:had|have|has)\s+(?:now\s+|already\s+|been\s+)?(?!(?:reach|rais|ris"
                      r"|increas|decreas|climb|drop|fall|grow|jump|doubl|tripl|hit|top|reduc"
                      r"|cut|lower|halv|brought|slash)\w*\b)"
                      r"(?:[a-z]+ed|come|made)\b", re.I)


def _sentence_of(m: re.Match[str]) -> str:
    """The sentence (or clause between breaks) a time expression is in."""
    low = m.string
    lo = max((b.end() for b in _SENTENCE_BREAK.finditer(low, max(0, m.start() - 300),
                                                          m.start())), default=0)
    after = _SENTENCE_BREAK.search(low, m.end(), m.end() + 300)
    return low[lo : after.start() if after else min(len(low), m.end() + 300)]


def _month_period(m: re.Match[str], pub: dt.date | None, surface: str) -> str | None:
    g = m.group
    if not g("my_pre") and not g("my_y") and not _WHEN_AFTER.match(m.string, m.end()) and not (
            _MONTH_SUBJECT.match(m.string, m.end()) and (_LIST_LEAD.sub(
                "", _sentence_of(m).lstrip()).startswith(m.group().lower())
                or _CLAUSE_OPENS.search(m.string, max(0, m.start() - 12), m.start()))) and not (
            _A_FIGURE_NEXT.match(m.string, m.end()) or _WITH_A_FIGURE.match(m.string, m.end())):
        return None  # a bare "May" may be a name; not "was August, when 5,369 crossed", nor
        # "September was the busiest month, with 4,192 arrivals"
    pre = " ".join((g("my_pre") or "").lower().split())
    month = _month(g("my_m")) or 1
    y = int(g("my_y")) if g("my_y") else None
    if pre == "last" and y is None and pub:
        y = pub.year if month < pub.month else pub.year - 1
    if y is None and pub and _THIS_YEAR_AFTER.match(m.string, m.end()):
        y = pub.year  # "in June this year"
    elif y is None and pub and _LAST_YEAR_AFTER.match(m.string, m.end()):
        y = pub.year - 1  # "in August last year"
    value = _month_year(month, y, pub)
    sentence = _sentence_of(m) if pre == "end of" else ""
    at = sentence.find(m.group()) + len(m.group())
    cut = re.search(r"[;:]\s", sentence[at:]) if at >= len(m.group()) else None
    if cut:  # its own part, not "...: 8,631 arrived in August alone" after a colon
        sentence = sentence[: at + cut.start()]
    if value and month > 1 and _PERFECT.search(sentence) and not _THAT_MONTH.search(
            sentence) and _BY_THE.search(m.string, max(0, m.start() - 8), m.start()):
        # "By the end of May, 7,610 had crossed": a running total since the start of that
        # year ("the backlog stood at 170,000 by the end of June" is a level at its end)
        return f"{value[:4]}-01/{value}"
    return value or surface


def _since(m: re.Match[str], pub: dt.date | None, surface: str) -> str:
    g = m.group
    if pub is None:
        return surface
    end_month = f"{pub.year:04d}-{pub.month:02d}"
    if g("since_y"):
        return f"{g('since_y')}/{pub.year}"
    if g("since_m"):
        month = _month(g("since_m")) or 1
        start = _month_year(month, int(g("since_my")) if g("since_my") else None, pub)
        return f"{start}/{end_month}"
    y = pub.year - 1 if g("since_last") else pub.year
    return f"{y}-01/{end_month}"


_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_ANY_BEFORE = re.compile(r"\b(?:any|every|each)\s+$", re.I)
_MONTH_BEFORE = re.compile(rf"\b(?:{periods._MONTH_NAMES})\s+(?:of\s+)?$", re.I)


def _relative(which: str, unit: str, pub: dt.date | None, surface: str) -> str:
    if which == "past" and pub is not None:
        # "over the past year": the 12 months to publication, as "the past 12 months" reads
        return {"year": "past 12 months", "month": "past 30 days", "week": "past 7 days"}[unit]
    if pub is None or which in ("past", "coming"):
        return surface
    step = {"this": 0, "the": 0, "last": -1, "previous": -1, "next": 1}[which]
    if unit == "year":
        return str(pub.year + step)
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)
    return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"


def _day(m: re.Match[str], pub: dt.date | None, surface: str) -> str:
    if pub is None:
        return surface
    word = surface.lower()
    if word == "yesterday":
        return (pub - dt.timedelta(days=1)).isoformat()
    if word in ("today", "currently"):
        return pub.isoformat()
    back = (pub.weekday() - _WEEKDAYS[m.group("wd").lower()]) % 7
    if word.startswith("last") and back == 0:
        back = 7
    day = (pub - dt.timedelta(days=back)).isoformat()
    # "taken aboard since Monday": from that day to publication
    return f"{day}/{pub.isoformat()}" if word.startswith("since") and back else day


def _season(which: str, season: str, pub: dt.date | None, surface: str) -> str:
    if pub is None:
        return surface
    step = {"this": 0, "last": -1, "next": 1}[which]
    first = periods.SEASONS["autumn" if season == "fall" else season]
    year = pub.year + step - (first == 12 and pub.month <= 2)  # this winter, in January
    start, end = periods.season_span(first, year)  # "last summer": June to August
    return f"{start:%Y-%m}/{end:%Y-%m}"


def _usable(doc: _Doc, start: int, words: list[str] | None = None) -> bool:
    """False for a comparison base ("compared with 2021") or a report date ("said on Monday");
    ``words`` are the words before ``start`` if known."""
    if words is None:
        words = [w for _, w in _tail(doc.low, max(0, start - 60), start, 6)]
    if words[-1:] == ["as"] and doc.low.startswith("of", start) or words[-2:] == ["as", "of"]:
        return True  # "as of June", "as of 29 Sept."
    if (words[-2:-1] and words[-2] in _REPORT_DATE or words[-1:] and words[-1] in _REPORT_DATE
            ) and not doc.low.startswith("for ", start):
        return False  # (not "the deportations it reported for 2022": what was reported)
    put_out = [i for i, w in enumerate(words[-6:]) if w in _PUT_OUT]
    if put_out and not any(w[:1].isdigit() for w in words[-6:][put_out[-1]:]):
        return False  # "first published figures for that year in February 2023": the release's
    if doc.low.startswith("since", start) and periods.RECORD_BEFORE.search(
            doc.low, max(0, start - 50), start):
        return False  # "the lowest level since 2021", "the first time since 2019": a record
    if _SO_FAR.match(doc.low, start) and _RECORD_OF.search(doc.low, max(0, start - 50), start):
        return False  # "the busiest month of the year so far": the record's reach, not a total
        # ("the busiest month last year was August, when ..." dates August)
    if words[-2:] == ["over", "the"]:
        return True  # "over the past year": a period ("over last year" is a comparison's)
    if words and words[-1] == "the":
        words.pop()
    if words and words[-1] in ("of", "in"):
        words.pop()
    if words and words[-1] in ("period", "periods", "time", "month", "quarter",
                               "quarters", "week", "weeks", "point", "stage", "levels", "level",
                               "figures", "figure", "numbers", "number", "total", "those"
                               ) or words[-1:] == ["whole"] and "than" in words[-4:-1]:
        words.pop()  # ("more than in the whole of 2023": a comparison's, not "over the whole")
        if words and words[-1] in _HOW_MANY:
            words.pop()  # "than in the same three months of 2022"
        if words[-1:] == ["the"] and words[-2:-1] and words[-2] in _TIMES:
            return False  # "more than double the number in 2019": a base ("could double in
            # 2023" is a forecast's year)
        if words and words[-1] == "same":
            words.pop()
        if words and words[-1] == "the":
            words.pop()
        if words and words[-1] in ("of", "in", "at", "by"):
            words.pop()  # "than in the same period last year", "than at the same point...": a
            # comparison's
    return not (" ".join(words[-2:]) in _COMPARISON or (words and words[-1] in _COMPARISON))


_HOW_MANY = frozenset(periods.HOW_MANY)


def _periods(
    doc: _Doc, triggers: list[_Trigger], pub: dt.date | None, lo: int = 0
) -> list[_Period]:
    """Every time expression found from ``triggers`` (none before ``lo``), with its period."""
    out: list[_Period] = []
    done = lo
    for t in triggers:
        if t.start < done or not _period_trigger(t, doc):
            continue
        # "mid-2023": the word before a hyphen may start the expression
        hyphen = t.start - (doc.low[t.start - 1 : t.start] == "-")
        tail = _tail(doc.low, max(done, t.start - 60), hyphen, 8, digits=True)
        starts = [
            s for s, w in tail
            if w in _PERIOD_STARTS or w[:1].isdigit() or w in _UNIT_WORDS or w in _TEN_WORDS
        ]
        if t.word not in _NOUN_TRIGGERS or doc.low.startswith(("year to", "year end"), t.start):
            starts.append(t.start)  # "year", "days"... start no expression but "year to June"
        best: tuple[re.Match[str], str] | None = None
        for i in range(len(starts) - 1, -1, -1):  # nearest start first: fewest tries
            found = _period_at(doc, starts[i], t.start, pub)
            if found and (best is None or found[0].end() >= best[0].end()):
                best = found  # and while an earlier start extends it ("9 August 2023"), not
                # when it ends sooner ("of Sept." before "Sept. 29")
            elif best:
                break
        if best:
            m, value = best
            before = [w for s, w in tail if s < m.start()]
            usable = _usable(doc, m.start(), before if len(before) >= 5 else None) and not (
                m.lastgroup == "my" and not m.group("my_pre") and not m.group("my_y")
                and _WHEN_AFTER.match(doc.low, m.end()))
            # a month alone ("was August, when 5,369 crossed") dates only its 'when' clause
            fiscal = _FISCAL_AFTER.match(doc.low, m.end())
            if fiscal and _ONE_YEAR.fullmatch(value):
                value = f"{value}{' '.join(fiscal.group().split(' '))}"  # "the 2024 fiscal year"
            elif _year_from_publication(m) and not _THIS_YEAR_AFTER.match(
                    doc.low, m.end()) and not _LAST_YEAR_AFTER.match(doc.low, m.end()):
                # (not "at the end of June this year", "in August last year": their own)
                same = _in_the_sentences_year(value, out, doc.low, m.start())
                if same and pub and same[:7] > pub.isoformat()[:7]:
                    same = None  # "in September, down from 250,000 in December": the last one
                value = same or _in_a_future_clause(doc, m.start(), value, pub) or value
            since = _SINCE_EVENT.search(doc.low, max(0, m.start() - 80), m.start())
            if since and periods.RECORD_BEFORE.search(doc.low, max(0, since.start() - 40),
                                                      since.start()):
                usable = False  # "the highest since Frontex began collecting data in 2009"
            elif _ONE_YEAR.fullmatch(value) and since:
                # since that day, month or year, to now ("since the first recorded crossings
                # in 2018")
                value = f"{value}/{pub.year}" if pub else value
            done = m.end()
            if out and _restates(doc.low, out[-1], m, value, pub):
                continue  # "the third quarter of 2024 (July to September)": the quarter
            out.append(_Period(m.start(), m.end(), value, usable))
    return out


def _restates(low: str, before: _Period, m: re.Match[str], value: str,
              pub: dt.date | None) -> bool:
    """A range of months in brackets right after a period of the same dates, which it spells
    out: "the fourth quarter (October to December 2023)"."""
    if m.lastgroup != "mr" or low[before.end : m.start()].strip() != "(":
        return False
    mine, theirs = periods.parse_period(value, pub), periods.parse_period(before.value, pub)
    return bool(mine and theirs and mine.start and (mine.start, mine.end) == (
        theirs.start, theirs.end))


# A year that is no calendar year: "the 2024 fiscal year", "the 2023-24 financial year",
# "2023/24" (a financial, academic or tax year, its months not said): kept as written, no dates.
_FISCAL_AFTER = re.compile(rf"\s+{periods.NON_CALENDAR_YEAR}\b")
_SPLIT_LEAD = re.compile(r"^(?:in|during|for|between|from)\s+(?:the\s+)?", re.I)

# One year, month, quarter, half or day, its year written: "2023", "2023-12", "2023-Q2".
_ONE_YEAR = re.compile(r"(\d{4})(?:-(?:\d\d|Q\d|H\d)(?:-\d\d)?)?")


def _year_from_publication(m: re.Match[str]) -> bool:
    """A month, a day or months the words give no year ("in June", "on 8 August", "between
    January and June"), which the publication date gave one."""
    kind = m.lastgroup
    if kind == "my":
        return not m.group("my_y") and (m.group("my_pre") or "").lower() not in ("last",
                                                                                 "this")
    if kind == "date":
        return not m.group("date_y")
    if kind == "eoy":
        return True
    if kind == "qh":  # "the first half of the year", "in the third quarter"; not "this year"
        this = (m.group("qh_this") or "").lower()
        return not (m.group("qh_y") or m.group("qh_last") or this.startswith("this")
                    or _counts_back(m))
    return kind == "mr" and not m.group("mr_ay") and not m.group("mr_by")


_A_YEAR = re.compile(r"\d{4}")


def _in_a_future_clause(doc: _Doc, start: int, value: str, pub: dt.date | None) -> str | None:
    """A month or day without a year, in a clause whose last tense cue before it is the
    future ("will be flown on 8 August"; the events' cues, ``events._cues``), is the next one
    not over at publication (it was read as the latest begun before it)."""
    if pub is None:
        return None
    clause = max(doc.low.rfind(c, 0, start) for c in ".;,:") + 1
    cues = _cues(_words(doc.low[clause:start]))
    if not cues or cues[-1] != "future":
        return None
    last = _A_YEAR.findall(value)[-1] if _A_YEAR.search(value) else None
    span = periods.iso_span(value.split("/")[-1]) if last else None
    return _shifted(value, 1) if span is not None and span[2] < pub else None


def _shifted(value: str, years: int) -> str:
    """``value`` with every year in it moved by ``years``."""
    return _A_YEAR.sub(lambda y: f"{int(y.group()) + years:04d}", value)


def _in_the_sentences_year(value: str, before: list[_Period], low: str, at: int) -> str | None:
    """A month, day or months without a year (at ``at`` in ``low``) in the year an earlier
    period of its sentence writes: "by the end of 2023, down from 175,457 in June" is June
    2023, whatever the publication date; not across a new clause ("... in 2021, and that the
    backlog had reached 89,344 by the end of March": the latest March)."""
    years = [int(y) for y in _A_YEAR.findall(value)]
    if not years:
        return None
    for p in reversed(before):
        ends = [_ONE_YEAR.fullmatch(v) for v in p.value.split("/")]
        # (months of one year: "Between July and September last year, 13,397 ..., compared
        # with 3,793 in the first three months of the year": 2023's)
        year = ends[0] if all(ends) and len({e.group(1) for e in ends}) == 1 else None
        if _BACK_FROM.match(low, p.start):
            continue  # "up 44% from 122,213 a year earlier, and from 172,758 at the end of
            # March": a year back from another period, not the one the sentence is in
        if p.usable and year:
            if _NEW_CLAUSE.search(low, p.end, at) and (_STATUS_AT.search(
                    low, max(0, at - 20), at) or _END_OF.match(low, at)):
                return None
            return _shifted(value, int(year.group(1)) - years[-1])
    return None


# a second thing reported ("she said ... in 2021, and that ... by the end of March"), whose
# month, when it is where things stand ('by', 'as of', 'the end of'), the year of the first
# does not date ("in 2023, and in June alone", "in 2022, and that numbers peaked in August"
# it does)
_THIS_YEAR_AFTER = re.compile(r"\s+(?:of\s+)?this\s+year\b")
_LAST_YEAR_AFTER = re.compile(r"\s+(?:of\s+)?last\s+year\b")
_BACK_FROM = re.compile(r"(?:a|one)\s+year\s+(?:earlier|ago|before|previously)\b"
                        r"|the\s+(?:previous|preceding|prior)\s+year\b|the\s+year\s+before\b")
_NEW_CLAUSE = re.compile(r"[,;]\s+(?:and|but)\s+that\b")
_STATUS_AT = re.compile(r"\b(?:by|as\s+of|at)\s+(?:the\s+)?(?:end\s+of\s+)?$")
_END_OF = re.compile(r"(?:(?:by|at)\s+(?:the\s+)?)?end\s+of\b|(?:by|as\s+of)\s")


def _period_at(
    doc: _Doc, start: int, trigger: int, pub: dt.date | None
) -> tuple[re.Match[str], str] | None:
    """The time expression starting at ``start`` that covers ``trigger``, with its period."""
    m = _PERIOD.match(doc.low, start)
    if m is None or m.end() <= trigger:
        return None
    if any(m.group(g) and not doc.text[m.start(g)].isupper() for g in _CAPITALISED):
        return None  # "may", "march", "sun" are no months or weekdays in lower case
    try:
        value = _resolve(m, pub)
    except (ValueError, OverflowError):  # a date off the calendar's ends
        return None
    return (m, value) if value is not None else None  # a bare "May" is no period


def _period_trigger(t: _Trigger, doc: _Doc) -> bool:
    if t.digits:
        return len(t.word) == 4 and t.word[:2] in ("18", "19", "20")
    if t.word in _PERIOD_WORDS or t.word[:1] in ("q", "h") and t.word[1:].isdigit():
        return True
    return (t.word in _MONTHS or t.word in _WEEKDAYS) and doc.text[t.start].isupper()


# "the highest daily figure": a rate adjective before a noun describes the noun, not the figure
# ("200 a week could be", "two billion tons per year of", "50 daily crossed" keep their rate).
_BEFORE_NOUN = re.compile(
    r"[ \t]+(?!(?:in|on|at|for|to|from|and|or|but|since|during|between|across|over|until|with"
    r"|by|through|throughout|this|last|that|the|a|an|so|as|than)\b|[a-z]+ed\b)[a-zA-Z]")


def _figures_after(text: str, fig_end: int, p: _Period) -> bool:
    """Can the period ``p``, after a figure that ends at ``fig_end``, be that figure's? Not
    in another clause or a description (``opens_another_clause``); not a rate adjective
    before a noun."""
    if opens_another_clause(text[fig_end : p.start]):
        return False
    lead = _PERIOD_PREPOSITION.match(text, p.start, p.end)  # "ahead of August's": 'of' is read
    at = lead.end() if lead else p.start  # with the month
    if (re.match(r"['’]s\b", text[p.end : p.end + 3]) or text[p.end - 2 : p.end] in ("'s", "’s")
            ) and _OUTDONE.search(text, max(0, at - 30), at):
        return False  # "to more than 25,000, smashing last year's pace", "down on last year's":
        # another thing's (not "2023's official figures show", "since Monday's debate")
    return not (p.value.startswith("per ") and text[p.end - 2 : p.end].lower() == "ly"
                and _BEFORE_NOUN.match(text, p.end))


_PERIOD_PREPOSITION = re.compile(r"(?:of|in|during|for|by|until|till)\s+", re.I)
_WHEN_AFTER = re.compile(r",?\s+when\b", re.I)
# "343 people arrived yesterday, a day after 756 crossed": a period that ends another
# figure's clause (a figure before it), before words that set the next figure at another time,
# is not the next figure's
_FIGURE_THEN = re.compile(r"[0-9][0-9,.]*\s+(?:[\w'’-]+\s+){0,6}$")
_ANOTHER_TIME = re.compile(r"\s*,\s+(?:[\w'’-]+\s+){0,3}?(?:after|before|since|following"
                           r"|ahead\s+of)\b", re.I)


def _ends_a_figures_clause(text: str, p: _Period, fig_start: int) -> bool:
    stop = max(text.rfind(". ", 0, p.start), text.rfind("\n", 0, p.start)) + 1
    return bool(_ANOTHER_TIME.match(text, p.end, fig_start)) and bool(
        _FIGURE_THEN.search(text, max(stop, p.start - 80), p.start))
# "4,149 arrived and in September 4,192": a period right before the next figure, after a
# conjunction, is that figure's
_ANOTHER_ITEM = re.compile(r"\b(?:and|while|but|whereas)\s+(?:in\s+)?$", re.I)
_LEADS_NEXT = re.compile(r"[\s,]*(?:(?:about|around|some|nearly|almost|just|over)\s+)?")
# words that set a figure against another time's ("smashing last year's pace")
_OUTDONE = re.compile(r"\b(?:smash\w*|beat\w*|exceed\w*|surpass\w*|outstrip\w*|eclips\w*|broke"
                      r"|break\w*|above|below|ahead\s+of|behind|(?:up|down)\s+on|" + "|".join(
                          re.escape(w).replace(r"\ ", r"\s+")
                          for w in sorted(_COMPARISON, key=len, reverse=True)) + r")\s+$", re.I)
# Between a period and a figure it dates, a comparison's base included: "36% fewer than in 2022
# (45,774)", "higher than in 2021, when 28,526 people crossed", "in 2019, which was 35,737"
_SAME_BEFORE = re.compile(r"\bsame\s+[a-z]+(?:\s+[a-z]+)?(?:\s+(?:of|in))?\s+$", re.I)
_IN_BRACKETS = re.compile(r"\s*\(\s*")
_ITS_OWN = re.compile(r"\s*\(\s*|\s*,\s+(?:when|which\s+(?:was|were|saw))\s+(?:(?:about|around"
                      r"|some|nearly|almost|just|over|under|more\s+than|fewer\s+than)\s+)?", re.I)


def _pick_period(
    fig: _Fig, periods: list[_Period], starts: list[int], span: tuple[int, int], next_start: int,
    text: str,
) -> str | None:
    """The first usable period after the figure in its clause (before the next figure), else
    the nearest one before it; ``span`` bounds the sentence's periods in ``periods``."""
    lo, hi = span
    k = bisect.bisect_left(starts, fig.span_start, lo, hi) - 1
    close = text.find(")", fig.end)
    if k >= lo and _IN_BRACKETS.fullmatch(text, periods[k].end, fig.span_start) and not (
            _SAME_BEFORE.search(text, max(0, periods[k].start - 40), periods[k].start)) and not (
            any(fig.end <= p.start < close for p in periods[lo:hi])):
        # "well below 2022 (45,774) but above 2021 (28,526)": 2022 (not "in 2023 (about 80 a
        # day)", whose brackets have its own)
        return periods[k].value
    after = label_colon_end(text, fig.span_start, fig.end) or fig.end  # "- 3,369: arrivals in"
    boats = _IN_BOATS.match(text, next_start) if _IN_BEFORE.search(
        text, max(fig.end, next_start - 6), next_start) else None
    if boats:  # "343 people crossed in six boats on 11 August": the crossing's day
        stop = _CLAUSE_STOP.search(text, boats.end())
        next_start = stop.start() if stop else len(text)
    i = bisect.bisect_left(starts, fig.end, lo, hi)
    while i < hi and starts[i] < next_start:
        p = periods[i]
        if p.usable and _figures_after(text, after, p) and not (
                text[p.start:p.start + 1].isdigit() and _WHEN_AFTER.match(text, p.end)) and not (
                _LEADS_NEXT.fullmatch(text, p.end, next_start)
                and _ANOTHER_ITEM.search(text, max(fig.end, p.start - 12), p.start)):
            return p.value  # not "36,816, well below 2022, when 45,774 crossed": 2022's
        i += 1
    k = bisect.bisect_left(starts, fig.span_start, lo, hi) - 1
    while k >= lo:
        p = periods[k]
        if p.end <= fig.span_start and _ITS_OWN.fullmatch(text, p.end, fig.span_start):
            # "than in 2022 (45,774)", "than in 2021, when 28,526": 2022, 2021
            if not _SAME_BEFORE.search(text, max(0, p.start - 40), p.start):
                return p.value
            # "than in the same quarter of 2022 (4,548)": the quarter before's, in 2022
            year = re.fullmatch(r"\d{4}", p.value)
            earlier = next((q for q in reversed(periods[lo:k]) if q.usable
                            and _ONE_YEAR.fullmatch(q.value)), None)
            if year and earlier:
                return _shifted(earlier.value, int(p.value) - int(earlier.value[:4]))
        if p.usable and p.end <= fig.span_start and not dates_the_base(
                text, p.start, p.end, fig.span_start) and not dates_another_base(
                text, p.start, p.end, fig.span_start) and not _ends_a_figures_clause(
                text, p, fig.span_start):
            return p.value
        k -= 1
    return None


# "in six boats", "in 14 small boats": the vessels the people before came in
_IN_BEFORE = re.compile(r"\bin\s+$")
_IN_BOATS = re.compile(r"[\w,.]+\s+(?:small\s+)?(?:boats?|dinghies|dinghy|vessels?)\b", re.I)
_CLAUSE_STOP = re.compile(r"[,;.](?!\d)")
# "takes the total for the year to 25,244 by the end of September": January to September
_TOTAL_FOR_THE_YEAR = re.compile(r"\btotal\s+for\s+(?:the|this)\s+year(?:\s+so\s+far)?\s+to\s*$",
                                 re.IGNORECASE)
_BY_MONTH_END = re.compile(rf"\s*(?:\S+\s+){{0,2}}?(?:by|at)\s+the\s+end\s+of\s+"
                           rf"(?P<m>{periods._MONTH_NAMES})\b", re.IGNORECASE)
# "bringing the 2024 total to 21,063", "this year's tally rose to 9,000": a running total.
_YEAR_TOTAL = re.compile(
    r"\b(?:(?P<year>(?:19|20)\d\d)|(?P<which>this|last)\s+year['’]s)\s+(?:total|tally)"
    r"(?:\s+[a-z]+){0,3}\s*$", re.IGNORECASE)


def year_total(text: str, lo: int, figure_start: int, pub: dt.date | None) -> str | None:
    """The year of a total the figure is ('the 2024 total to 21,063'), whatever day the
    sentence dates it to: the year so far, not that day; 'the total for the year to 25,244
    by the end of September': January to that month."""
    so_far = _TOTAL_FOR_THE_YEAR.search(text, max(lo, figure_start - 50), figure_start)
    if so_far is not None:
        end = _BY_MONTH_END.match(text, text.find(" ", figure_start))
        month = _month(end.group("m")) if end else None
        ym = _month_year(month, None, pub) if month else None
        return f"{ym[:4]}-01/{ym}" if ym else None
    m = _YEAR_TOTAL.search(text, max(lo, figure_start - 50), figure_start)
    if m is None:
        return None
    if m.group("year"):
        return m.group("year")
    if pub is None:
        return None
    return str(pub.year if m.group("which").lower() == "this" else pub.year - 1)
