"""Periods as a reader reads them ("2023-Q2", "Jan–Aug 2023") and dates read from table
cells (ISO strings, dates, Timestamps)."""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from typing import Any


def span_label(kind: str, start: dt.date | None, end: dt.date | None) -> str:
    """A period as a reader reads it: "2022", "2023-08", "2023-Q2", "2023-08-07", or
    "2016-01-01 to 2023-08-09"."""
    if end is None:
        return ""
    if kind == "year":
        return str(end.year)
    if kind == "month":
        return f"{end:%Y-%m}"
    if kind == "quarter":
        return f"{end.year}-Q{(end.month - 1) // 3 + 1}"
    if kind in ("day", "end", "now") or start is None or start == end:
        return end.isoformat()
    return f"{start.isoformat()} to {end.isoformat()}"


_ISO_DAY_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def as_date(value: Any) -> dt.date | None:
    """A date from an ISO string, a date or a Timestamp; None for None, NaN, "" or nonsense."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, dt.datetime):  # a pandas Timestamp too
        return None if value != value else value.date()  # NaT is not equal to itself
    if isinstance(value, dt.date):
        return value
    m = _ISO_DAY_RE.fullmatch(str(value).strip())
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _one_end(day: dt.date, granularity: Any, last: bool) -> str:
    """The known end of an open range, as precise as its granularity ("2025", "Mar 2026")."""
    if granularity == "year" and (day.month, day.day) == ((12, 31) if last else (1, 1)):
        return str(day.year)
    month_edge = calendar.monthrange(day.year, day.month)[1] if last else 1
    if granularity in ("year", "month") and day.day == month_edge:
        return f"{day:%b %Y}"
    return f"{day.day} {day:%b %Y}"


def format_span(start: Any, end: Any, granularity: Any = None) -> str:
    """A compact reading of a date range: "7 Aug 2023", "Jul 2023", "2022", "Jan–Aug 2023".

    An open range reads "until 2025" or "from 1 Jan 2016", its known end as precise as
    ``granularity`` says.
    """
    start, end = as_date(start), as_date(end)
    if start is None and end is None:
        return "undated"
    if start is None:
        return f"until {_one_end(end, granularity, last=True)}"
    if end is None:
        return f"from {_one_end(start, granularity, last=False)}"
    if start > end:
        start, end = end, start
    if start == end:
        return f"{start.day} {start:%b %Y}"
    whole_months = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if whole_months and start.year == end.year and start.month == end.month:
        return f"{start:%b %Y}"
    if whole_months and start.month == 1 and end.month == 12:
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if whole_months:
        if start.year == end.year:
            return f"{start:%b}–{end:%b %Y}"
        return f"{start:%b %Y}–{end:%b %Y}"
    if start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{end.day} {end:%b %Y}"
        return f"{start.day} {start:%b}–{end.day} {end:%b %Y}"
    return f"{start.day} {start:%b %Y}–{end.day} {end:%b %Y}"
