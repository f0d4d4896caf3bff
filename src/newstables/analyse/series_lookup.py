"""Reading a reference series for a claim's period: a flow summed over the period, a
stock at its date, a running total since its start; with the competing rows of other
sources kept as alternatives, and the article's own outlet left out when asked.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from newstables import reference
from newstables.analyse.series_match import SeriesRule, norm, vocabulary
from newstables.hedges import fmt
from newstables.periods import Period


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


def from_outlet(row: dict[str, Any], skip: frozenset[str]) -> bool:
    """True when a reference row's source is one of ``skip`` (outlet names, web domains)."""
    if not skip:
        return False
    title = norm(str(row.get("source_title", "")))
    return domain(str(row.get("source_url", ""))) in skip or any(
        s and " " in s and s in title for s in skip)


def domain(url: str) -> str:
    """The web domain of ``url`` without "www." ("" for none)."""
    host = urlsplit(url.strip()).hostname or ""
    host = host.rstrip(".").lower()
    return host[4:] if host.startswith("www.") else host


@lru_cache(maxsize=256)
def _series_rows_cached(key: str, all_rows: bool, filled: bool = True
                        ) -> tuple[dict[str, Any], ...]:
    """The series' rows, and (``filled``) where its catalogue entry names a series that
    counts the same thing in shorter periods (``fill_from``), that series' rows for the dates
    it has none of its own (all detected irregular arrivals: a year from its four quarters)."""
    other = reference.spec(key).get("fill_from") if filled else None
    if filled and not other:
        return _series_rows_cached(key, all_rows, False)  # the same rows, read once
    rows = reference.series(key, all_rows=all_rows).to_dict("records")
    if other:
        own = [(r["start"], r["end"]) for r in rows]
        rows += [r for r in _series_rows_cached(other, all_rows, False)
                 if not any(r["start"] <= e and s <= r["end"] for s, e in own)]
        rows.sort(key=lambda r: (r["start"], r["end"]))
    return tuple(rows)


def preload() -> None:
    """Read every catalogued series, as the look-ups use it, into the cache now."""
    for key in reference.series_keys():
        for all_rows in (False, True):
            _series_rows_cached(key, all_rows, True)  # (its own rows too, for a record's)


@lru_cache(maxsize=512)
def _kept_rows(key: str, skip: frozenset[str], filled: bool = True
               ) -> tuple[dict[str, Any], ...]:
    """The preferred row per period among the rows not from ``skip`` (rows arrive in
    time order, the preferred row of each period first)."""
    if not skip:
        return _series_rows_cached(key, False, filled)
    seen, out = set(), []
    for r in _series_rows_cached(key, True, filled):
        k = (r["period"], r["start"], r["end"])
        if k in seen or from_outlet(r, skip):
            continue
        seen.add(k)
        out.append(r)
    return tuple(out)


def _rows(key: str, skip: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    return list(_kept_rows(key, skip))


def _every_row(key: str, skip: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    return [r for r in _series_rows_cached(key, True, True) if not from_outlet(r, skip)]


def _alternatives(key: str, row: dict[str, Any],
                  skip: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    return [r for r in _every_row(key, skip)
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


def _lookup_flow(rule: SeriesRule, period: Period, published: dt.date | None,
                 skip: frozenset[str]) -> Lookup:
    span = _flow_span(period, published)
    if isinstance(span, str):
        return Lookup(reason=span)
    start, end = span
    rows = [r for r in _rows(rule.key, skip) if r["end"] >= start and r["start"] <= end]
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
                f"{', '.join(r['period'] for r in partial)}: between {fmt(low)} and "
                f"{fmt(high)}; {fmt(estimate)} by linear interpolation")
    elif len(rows) > 1:
        note = f"sum of {len(rows)} periods"
    alternatives = _alternatives(rule.key, rows[0], skip) if len(rows) == 1 else []
    return Lookup(estimate, low, high, label, rows[-1], alternatives, note=note)


def _lookup_ratio(rule: SeriesRule, period: Period, published: dt.date | None,
                  skip: frozenset[str]) -> Lookup:
    """A ratio over the period ("53 people per boat in 2024"): the two flow series it is
    the ratio of (``derive.ratio``) summed over the period, then divided; none for a claim
    with no period of its own ("the average boat now carries 58"): over which months is not
    said, and an average moves with them."""
    if period.kind in ("now", "end"):
        return Lookup(reason="an average over a period the article does not state")
    top, bottom = (_lookup_flow(rule_for(k), period, published, skip)
                   for k in reference.spec(rule.key)["derive"]["ratio"])
    if top.value is None or bottom.value is None or not bottom.value:
        return Lookup(reason=top.reason or bottom.reason or "no value to divide by")
    value = top.value / bottom.value
    return Lookup(value, value, value, top.label, top.row,
                  note=f"{fmt(top.value)} divided by {fmt(bottom.value)}"
                       + (f"; {top.note}" if top.note else ""))


def _lookup_stock(rule: SeriesRule, period: Period, skip: frozenset[str]) -> Lookup:
    if period.kind in ("since", "rate"):
        return Lookup(reason=f"a level at a date cannot be read over '{period.label}'")
    if period.end is None:
        return Lookup(reason="no publication date to read the period from")
    rows = _rows(rule.key, skip)
    if period.kind == "range" and not rule.static:
        # "175,457 in mid-2023": the level at the one date of the series in that span
        within = [r for r in rows if period.start <= r["end"] <= period.end] or [
            r for r in rows if r["start"] <= period.start and period.end <= r["end"]
            and r["start"] < r["end"]]  # "as of last week", inside a level dated by its month
        if len(within) != 1:
            return Lookup(reason=f"a level at a date cannot be read over '{period.label}': "
                                 f"{len(within)} dates of the series fall in it")
        return Lookup(within[0]["value"], within[0]["value"], within[0]["value"],
                      within[0]["period"], within[0], _alternatives(rule.key, within[0], skip),
                      note=f"the series' one date in {period.label}")
    if rule.static:
        every = _every_row(rule.key, skip)
        if not every:
            return Lookup(reason="no value from another source")
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
                  _alternatives(rule.key, row, skip))


_CONFIDENCE = {"high": 0, "medium": 1, "low": 2}


def since_matches(rule: SeriesRule, period: Period) -> bool:
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


# A running total this many days old or newer stands for the value at the claim's date (the
# article cites the latest release); an older one is only a floor under it.
FRESH_DAYS = 7


def _lookup_cumulative(rule: SeriesRule, period: Period, skip: frozenset[str]) -> Lookup:
    if period.end is None:
        return Lookup(reason="no publication date to read the period from")
    if not since_matches(rule, period):
        return Lookup(reason=f"the series is a running total since {rule.since}, not "
                             f"'{period.label}'")
    at = period.end
    rows = _rows(rule.key, skip)
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
    same_day: list[dict[str, Any]] = []
    if period.kind in ("ytd", "now") and len(before) > 1 and prev is not None and (
            prev["end"] == at and (at - before[-2]["end"]).days == 1):
        # "so far this year" in a report of 11 August: to the 10th, the last day a report
        # that day can count, or with the 11th's own arrivals, for a report in the evening
        same_day = [dict(prev, variant="with the publication day's own")]
        prev = before[-2]
    age = (at - prev["end"]).days if prev is not None else 0
    if prev is not None and prev["row"] and age <= min(rule.max_age_days, FRESH_DAYS):
        return Lookup(prev["value"], prev["value"], prev["value"], prev["period"], prev,
                      _alternatives(rule.key, prev, skip) + same_day)
    if prev is not None and nxt is not None and (nxt["end"] - prev["end"]).days <= (
        rule.max_gap_days + rule.max_age_days
    ):
        span = (nxt["end"] - prev["end"]).days or 1
        estimate = prev["value"] + (nxt["value"] - prev["value"]) * (at - prev["end"]).days / span
        note = (f"between {fmt(prev['value'])} ({prev['period']}) and {fmt(nxt['value'])} "
                f"({nxt['period']}); {fmt(estimate)} by linear interpolation")
        label = f"{prev['period']} to {nxt['period']}"
        return Lookup(estimate, prev["value"], nxt["value"], label, nxt, note=note)
    if prev is not None and prev["row"] and age <= rule.max_age_days:
        # A running total only grows: weeks after its last value, that value is a floor.
        note = (f"the running total was {fmt(prev['value'])} on {prev['period']}, {age} days"
                " earlier, and only grows")
        return Lookup(prev["value"], prev["value"], math.inf, prev["period"], prev, note=note)
    if prev is not None and prev["row"]:
        return Lookup(reason=f"latest running total before {at.isoformat()} is "
                             f"{fmt(prev['value'])} on {prev['period']}",
                      floor=prev["value"], row=prev, label=prev["period"])
    return Lookup(reason=f"no running total at or before {at.isoformat()}")


def lookup(key: str, period: Period, published: dt.date | None = None,
           skip: frozenset[str] = frozenset()) -> Lookup:
    """The value of catalogued series ``key`` for a claim's period (or why there is none),
    read from rows whose source is not in ``skip``."""
    rule = rule_for(key)
    if rule.kind == "ratio":
        return _lookup_ratio(rule, period, published, skip)
    if rule.kind == "stock":
        return _lookup_stock(rule, period, skip)
    if rule.kind == "cumulative":
        return _lookup_cumulative(rule, period, skip)
    return _lookup_flow(rule, period, published, skip)


def history(key: str, skip: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """Series ``key``'s preferred row for each period, in time order, read from rows whose
    source is not in ``skip`` (each with ``period``, ``start``, ``end`` and ``value``); its
    own rows only, so that periods of one length are compared (no ``fill_from`` quarters
    among years)."""
    return sorted(_kept_rows(key, skip, False), key=lambda r: (r["start"], r["end"]))


def rule_for(key: str) -> SeriesRule:
    """The catalogue rule of series ``key``."""
    return next(r for r in vocabulary().rules if r.key == key)


def percent_change(rule: SeriesRule, target: Period, base: Period, published: dt.date | None,
                   skip: frozenset[str] = frozenset()
                   ) -> tuple[float | None, str, dict[str, Any] | None]:
    """The series' own percentage change from ``base`` to ``target`` (or why there is none)."""
    a, b = lookup(rule.key, target, published, skip), lookup(rule.key, base, published, skip)
    if a.value is None or b.value is None or a.low != a.high or b.low != b.high:
        return None, (a.reason or b.reason or "only an estimate for one of the periods"), None
    if not b.value:
        return None, f"the base value for {base.label} is zero", None
    return (a.value / b.value - 1) * 100, f"{a.label} vs {b.label}", a.row


def change_alternatives(rule: SeriesRule, target: Period, base: Period,
                        published: dt.date | None, skip: frozenset[str] = frozenset()
                        ) -> list[tuple[float, dict[str, Any], dict[str, Any]]]:
    """Every other change the series' recorded values give from ``base`` to ``target``
    (another vintage or source for either period: "17% lower" as first published, where
    the revised figures give 11%): (change, the target's row, the base's row)."""
    a, b = lookup(rule.key, target, published, skip), lookup(rule.key, base, published, skip)
    if a.value is None or b.value is None or a.low != a.high or b.low != b.high:
        return []
    tops = [r for r in (a.row, *a.alternatives) if r is not None]
    bottoms = [r for r in (b.row, *b.alternatives) if r is not None]
    return [((x["value"] / y["value"] - 1) * 100, x, y) for x in tops for y in bottoms
            if y["value"] and (x is not a.row or y is not b.row)]


def older_match(key: str, period: Period, low: float, high: float, used: dict[str, Any] | None,
                skip: frozenset[str] = frozenset()) -> str:
    """For a stock that does not match: a value 1 month to 2 years older that does."""
    if period.end is None or used is None:
        return ""
    rows = [r for r in _rows(key, skip) if 30 < (used["end"] - r["end"]).days
            and (period.end - r["end"]).days <= 730]
    for row in reversed(rows):
        if low <= row["value"] <= high:
            return (f"matches the earlier value {fmt(row['value'])} of {row['period']}: the "
                    "figure may be out of date")
    return ""
