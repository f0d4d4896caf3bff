"""Set an article's figures against reference series, and say only what the evidence supports.

``match_figures(article, figures)`` reads, for every figure, what it counts (the figures
table's ``counts`` and the words of its clause), where (country words in the sentence or
paragraph) and when (the figures table's ``period_start``/``period_end``/``period_kind``,
resolved in extraction), picks the catalogued series that counts the same thing (one with
a value for the period before one that only bounds it), and compares the value under the
tolerance its ``hedge_kind`` allows.

The verdict says how strong the evidence is:

- ``consistent`` / ``inconsistent``: against an official series from an independent source;
- ``matches press reports`` / ``differs from press reports`` (and ``... other sources``):
  against a figure a news report or another unofficial source gives;
- ``order of magnitude matches`` / ``... differs``: for vague magnitudes ("thousands");
- ``circular``: the only recorded source is the article's own outlet; never counted as checked;
- ``same wording as source``: a news report or other unofficial source whose reference row
  (its notes, which quote the source) words the figure as the article's sentence does (four
  words or more in a row, two of them of five letters or more: "after months of talks"):
  most likely one copy (a wire story) in both, so no evidence either way; never counted as
  checked;
- ``not comparable``: the series that fits the words counts something else, or the figure's
  period is no span of dates ("per week", "the same period last year" with no months), so
  reading the series at the publication date would answer another question (reason given);
- ``cannot check``: no series, no value for the period, or bounds on the value (a period
  that ends inside one of the series' periods) that some values holding the claim and some
  not fall within (reason given).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any, NamedTuple

import pandas as pd

from newstables import hedges, periods
from newstables.analyse.change_series import change_series, direction
from newstables.analyse.change_words import (
    BY_AN_AMOUNT,
    CHANGED_BY,
    MORE_AFTER,
    NAMES_A_BASE,
    SUBGROUPS,
    names_money,
    not_stated_as_fact,
)
from newstables.analyse.claim_texts import (
    as_the_figure_before,
    by_score,
    claim_texts,
    home_places,
    series_candidates,
)
from newstables.analyse.rates import per_unit, rate_units
from newstables.analyse.records import add_record_notes
from newstables.analyse.series_lookup import (
    Lookup,
    change_alternatives,
    domain,
    from_outlet,
    lookup,
    older_match,
    percent_change,
    since_matches,
)
from newstables.analyse.series_match import (
    SeriesRule,
    candidates,
    comparable,
    event_sources_named,
    geographies,
    head_noun,
    names_the_series,
    ngrams,
    series_unit_kind,
    unit_kind,
    vocabulary,
)
from newstables.analyse.verdicts import (
    CHECKED,
    HOLDS,
    NOT_CHECKED,
    SAME_WORDING,
    VERDICTS,
    borrowed_periods,
    forecast,
    hypothetical,
    inside,
    judge,
    source_of,
    undated_count,
    verdict_word,
    withdrawn,
)
from newstables.extract.article import Article
from newstables.extract.changes import percent_is_change
from newstables.extract.earlier_periods import found_beyond_records
from newstables.extract.figure_periods import (
    BASE_UNSTATED,
    BASE_YEAR_BEFORE,
    BASE_YEAR_UNKNOWN,
    INHERITED,
    LEVEL_UNSTATED,
    period_from_columns,
)
from newstables.extract.number_reading import changed_by_a_factor, share_terms
from newstables.extract.surroundings import (
    Surroundings,
    borrows_total,
    surroundings,
)
from newstables.hedges import Tolerance, fmt
from newstables.lexicon import load_json
from newstables.period_labels import span_label
from newstables.periods import RATE_DAYS, Period

CLAIM_COLUMNS = [
    "figure", "claim", "stated_by", "value", "low", "high", "hedge", "hedge_kind", "counts",
    "period",
    "claim_period", "claim_date", "compared_as", "series", "series_title", "series_value",
    "series_period", "difference", "relative_difference", "verdict", "source_kind",
    "independent", "tolerance_rule", "reason", "notes", "source_url", "source_title",
    "confidence", "paragraph", "start", "end",
]
_BETWEEN_TWO_YEARS = re.compile(r"\b(?:between|from)\s+(?P<a>(?:19|20)\d\d)\s+(?:and|to)\s+"
                                r"(?P<b>(?:19|20)\d\d)\b", re.I)
_AND_THEN = re.compile(r"\s(?:and|but)\s")  # "had returned 13,000 ... and that X would"
# Periods a figure has but its sentence does not state: the claim cannot be checked
_UNKNOWN_PERIODS = {
    BASE_UNSTATED: "the base of a change, and its sentence states no period for it",
    LEVEL_UNSTATED: "the level a change reached, and its sentence states no period for it",
    BASE_YEAR_UNKNOWN: "the year before another, and its sentence states neither year",
}


def outlet_keys(article: Article) -> frozenset[str]:
    """How the article's own outlet shows in a source: its name and its web domain."""
    meta = article.metadata
    keys = set()
    outlet = " ".join(str(meta.get("outlet") or "").casefold().split())
    if outlet:
        keys.add(outlet)
    url_domain = domain(str(meta.get("url") or ""))
    if url_domain:
        keys.add(url_domain)
    return frozenset(keys)


# ---------------------------------------------------------------------------------------
# One figure


def _number(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return math.nan
    return number if math.isfinite(number) else math.nan


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _claim_period(fig: dict[str, Any], published: dt.date | None) -> Period:
    """The figure's period from the figures table, or the publication date standing in."""
    period = period_from_columns(fig, published)
    if period is not None:
        per = _text(fig.get("period"))
        if per == "per year":
            period = replace(period, label=f"{period.label} (a yearly figure: the last full"
                                           " year before publication)")
        elif per in RATE_DAYS:
            period = replace(period, label=f"{period.label}, {per} on average")
        elif per.endswith((f"({BASE_YEAR_BEFORE})", f"({INHERITED})")):
            period = replace(period, label=per)  # "36,816 in 2024, up from 29,437"
        return period
    if published is None:
        return Period("now", None, None, "undated (no publication date)", "none")
    return Period("now", published, published, f"{published.isoformat()} (publication date)",
                  "publication date")


def _calendar_year(period: Period) -> bool:
    """Whether ``period`` is one whole calendar year (from the figure's own words)."""
    return (period.kind == "year" and period.start is not None and period.end is not None
            and (period.start.month, period.start.day) == (1, 1)
            and period.end == dt.date(period.start.year, 12, 31))


def _period_label(period: Period) -> str:
    if period.kind in ("ytd", "since") and period.start and period.end:
        what = " (so far that year)" if period.kind == "ytd" else ""
        return f"{period.start.isoformat()} to {period.end.isoformat()}{what}"
    return period.label or span_label(period.kind, period.start, period.end)


def _blank(fig: dict[str, Any], reason: str) -> dict[str, Any]:
    return {
        "figure": fig.get("figure"), "claim": fig.get("text", ""),
        # who the article gives the figure to ("Nigel Farage claimed that ..."); "" when the
        # article states it itself
        "stated_by": _text(fig.get("source")),
        "value": _number(fig.get("value")), "low": _number(fig.get("low")),
        "high": _number(fig.get("high")), "hedge": _text(fig.get("hedge")),
        "hedge_kind": _text(fig.get("hedge_kind")) or "exact",
        "counts": _text(fig.get("counts")), "period": _text(fig.get("period")),
        "claim_period": "", "claim_date": "", "compared_as": "", "series": "",
        "series_title": "", "series_value": math.nan, "series_period": "",
        "difference": math.nan, "relative_difference": math.nan, "verdict": "cannot check",
        "source_kind": "", "independent": pd.NA, "tolerance_rule": "", "reason": reason,
        "notes": "", "source_url": "", "source_title": "", "confidence": "",
        "paragraph": fig.get("paragraph"), "start": fig.get("start"), "end": fig.get("end"),
    }


def _what(row: dict[str, Any]) -> str:
    """A reference row as the notes name it: its variant, else its source's title."""
    return str(row.get("variant") or row.get("source_title") or "")


def _fill(row: dict[str, Any], rule: SeriesRule, value: float | None, series_row: dict | None,
          label: str, t: Tolerance, verdict: str, claim_value: float,
          skip: frozenset[str]) -> None:
    row.update({
        "compared_as": row.get("compared_as") or "value", "series": rule.key,
        "series_title": rule.title,
        "series_value": math.nan if value is None else float(value), "series_period": label,
        "verdict": verdict, "tolerance_rule": t.rule,
    })
    if value is not None and not math.isnan(claim_value) and t.name not in ("range", "vague"):
        row["difference"] = float(value) - claim_value
        row["relative_difference"] = (
            row["difference"] / claim_value if claim_value else math.nan)
    if series_row is not None:
        row["source_url"] = series_row.get("source_url", "")
        row["source_title"] = series_row.get("source_title", "")
        row["confidence"] = series_row.get("confidence", "")
        row["source_kind"] = source_of(series_row)
        row["independent"] = not from_outlet(series_row, skip)
        row["_source_words"] = str(series_row.get("notes") or "")  # a title words the topic


def _circular(row: dict[str, Any], rule: SeriesRule, period: Period, published: dt.date | None,
              t: Tolerance, claim_value: float, skip: frozenset[str]) -> bool:
    """When only the article's own outlet gives the value: record it as circular."""
    got = lookup(rule.key, period, published)
    if got.value is None or got.row is None or not from_outlet(got.row, skip):
        return False
    _fill(row, rule, got.value, got.row, got.label, t, "circular", claim_value, skip)
    row["reason"] = ("the only recorded source for this value is the article's own outlet"
                     f" ({got.row.get('source_title', '')}): not evidence for the article")
    if str(got.row.get("notes") or "").strip():  # other reports, if any, are named there
        row["notes"] = f"the reference row's notes: {str(got.row['notes']).strip()}"
    return True


def _alike(target: Period, base: Period) -> bool:
    """Can a change be read between the two periods: as long as each other, within 15% (a
    month against a year is not a change of anything)?"""
    if None in (target.start, target.end, base.start, base.end):
        return True
    a, b = (target.end - target.start).days + 1, (base.end - base.start).days + 1
    return abs(a - b) <= 0.15 * max(a, b)


# Heads of counted phrases that name no particular thing ("people", "the number")
_ANY_COUNT = frozenset({"people", "persons", "migrants", "individuals", "asylum seekers",
                        "refugees", "number", "numbers", "figure", "figures", "total", "tally",
                        "count", ""})


def _check_change(fig: dict[str, Any], row: dict[str, Any], ctx: Surroundings, t: Tolerance,
                  published: dt.date | None, article_geos: frozenset[str],
                  skip: frozenset[str], sign: int | None = None) -> dict[str, Any]:
    """A percentage change ("up 161% compared with 2021") against the series' own change."""
    target = _claim_period(fig, published)
    base = period_from_columns(fig, published, prefix="base")
    ends = _BETWEEN_TWO_YEARS.search(ctx.clause)
    if base is None and ends and target.start and target.end and (
            target.start.year, target.end.year) == (int(ends["a"]), int(ends["b"])):
        # "fell by 36% between 2022 and 2023": 2023 against 2022
        base = periods.year_period(int(ends["a"]), ends["a"])
        target = periods.year_period(int(ends["b"]), ends["b"])
    if base is not None and target.kind == "ytd" and base.kind == "range" and base.start and (
            (base.start.month, base.start.day) == (1, 1) and base.end.year == base.start.year):
        # "so far this year, up 48% on the same period last year": that year's running total
        base = replace(base, kind="ytd")
    unstated = (base is None and _calendar_year(target) and not _text(fig.get("period"))
                .startswith("per ") and published is not None and target.end < published
                and not found_beyond_records(NAMES_A_BASE, ctx.clause))
    if unstated:
        # "fell by 37% in 2024": a change over a past calendar year, with no base in its
        # words, is from the year before. (A month's or a quarter's could be from the one
        # before or from the same one a year earlier: those stay unchecked.)
        year = target.start.year - 1
        base = Period("year", dt.date(year, 1, 1), dt.date(year, 12, 31), str(year))
    if base is None:
        what = "a percentage" if unit_kind(fig.get("unit")) == "percent" else "a change"
        row["reason"] = f"{what} with no comparison base in its sentence"
        return row
    row["claim_period"] = f"{_period_label(target)} vs {base.label}" + (
        " (the year before: the sentence states no base)" if unstated else "")
    found = candidates(claim_texts(fig, ctx, True, article_geos), "count", percent_change=True)
    # and those its own clause fits, which other words may exclude ("… across the Mediterranean")
    keys = {r.key for _, r in found}
    found += [(s, r) for s, r in candidates(claim_texts(fig, ctx, False, article_geos), "count",
                                            percent_change=True) if r.key not in keys]
    found = found or as_the_figure_before(fig, ctx, lambda c: candidates(  # ", a fall of 27%"
        claim_texts(fig, c, True, article_geos), "count", percent_change=True))
    own = _text(fig.get("counts"))
    head = head_noun(own).lower()
    keywords = {k for _, rule in found for k, _ in rule.keywords}
    group = SUBGROUPS.intersection(re.findall(r"[a-z]+", own.lower())) - keywords
    if found and own and (names_money(own) or group or (
            head not in _ANY_COUNT and not geographies(own)
            and not any(k in ngrams(own) for k in keywords))):
        # "..., and prices rose by 14%", "Smugglers' prices for small boat crossings
        # tripled": what changed is named, and no series counts it (not "32,041 asylum
        # seekers in hotels, 8% more than a year earlier": people, whom the clause's other
        # words place)
        row["reason"] = f"no reference series counts '{own}'"
        return row
    if not found:
        row["reason"] = "no reference series counts what this percentage is about"
        return row
    found, reason = change_series(found, ctx, own, base, published, skip, target)
    if reason:
        if not found:  # none in the unit of what the change counts
            row.update(series=reason[1].key, series_title=reason[1].title,
                       verdict="not comparable", compared_as="change")
        row["reason"] = reason[0]
        return row
    if (target.start, target.end) == (base.start, base.end):
        # "108,138 claimed asylum in 2024, 194% more than the 36,816 who crossed in 2024"
        row["reason"] = (f"its base is of the same period ({base.label}): two things compared,"
                         " not a change over time")
        return row
    if not _alike(target, base) and found[0][1].kind != "ratio":  # (an average is, over any)
        row.update(reason=f"the claim's period and its base are not alike "
                          f"({_period_label(target)} against {base.label})",
                   series=found[0][1].key, series_title=found[0][1].title, compared_as="change")
        return row
    sign = sign or direction(ctx)  # a multiplier's is its own: "fell to four times 2020's"
    signed = replace(t, low=sign * t.low if sign > 0 else -t.high,
                     high=sign * t.high if sign > 0 else -t.low)
    # not a running total the target is no span of ("The total for the first nine months ...
    # is up by a third": those months' arrivals, not all since 2018)
    found = [(s, r) for s, r in found if r.kind != "cumulative" or since_matches(r, target)] or (
        found)
    reasons = []
    best = max(score for score, _ in found)
    # (not a series the words fit far less: "Total irregular arrivals were up 19%" is no
    # change in small-boat arrivals, even where the all-arrivals series lacks a year)
    for _, rule in [(score, rule) for score, rule in found if 2 * score >= best]:
        change, label, series_row = percent_change(rule, target, base, published, skip)
        if change is None:
            change, label, series_row = percent_change(rule, target, base, published)
            if change is not None and series_row is not None and from_outlet(series_row, skip):
                verdict = "circular"
            else:
                reasons.append(f"{rule.key}: {label}")
                continue
        else:
            verdict = verdict_word(inside(change, signed), source_of(series_row),
                                    row["hedge_kind"])
        note = "series value is the implied percentage change"
        if verdict in ("inconsistent", "differs from press reports",
                       "differs from other sources"):
            # another vintage or source of the two values may give the claim's change
            other = next(((c, x, y) for c, x, y in change_alternatives(
                rule, target, base, published, skip) if inside(c, signed)), None)
            if other is not None:
                c, x, y = other
                note += (f"; matches {fmt(c)}% from {fmt(x['value'])} ({_what(x)}) and "
                         f"{fmt(y['value'])} ({_what(y)}); preferred change {fmt(change)}%")
                worst = "official" if {source_of(x), source_of(y)} == {"official"} else (
                    "other" if "other" in (source_of(x), source_of(y)) else "press")
                change, series_row = c, x
                verdict = verdict_word(True, worst, row["hedge_kind"])
        row["compared_as"] = "change"
        _fill(row, rule, change, series_row, label, signed, verdict, sign * row["value"], skip)
        row["relative_difference"] = math.nan  # the difference is in percentage points
        row["tolerance_rule"] = (f"percentage change, {'up' if sign > 0 else 'down'}: {t.rule}"
                                 " (series: value of the period / value of the base - 1)")
        row["notes"] = note
        row["reason"] = ("the series' values come from the article's own outlet: not evidence"
                         " for the article") if verdict == "circular" else ""
        return row
    row.update(reason=reasons[0], series=found[0][1].key, series_title=found[0][1].title,
               compared_as="change")
    return row


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def shared_wording(sentence: str, source: str, min_words: int = 4) -> str | None:
    """The longest run of words ``source`` shares with ``sentence`` that is at least
    ``min_words`` long and holds two words of five letters or more that are not stock words
    of news or of the series ('the Home Office said', 'since records began'), or one in a
    run of six words or more; else None."""
    a = [w.lower() for w in _WORD.findall(sentence)]
    b = [w.lower() for w in _WORD.findall(source)]
    runs: list[tuple[int, int]] = []  # (length, end in a) of every maximal common run
    previous = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        current = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                current[j] = previous[j - 1] + 1
                if current[j] >= min_words and (i == len(a) or j == len(b) or a[i] != b[j]):
                    runs.append((current[j], i))
        previous = current
    stock = _stock_words()
    for length, end in sorted(runs, key=lambda r: (-r[0], r[1])):
        run = a[end - length : end]
        telling = sum(len(w) >= 5 and w.isalpha() and w not in stock for w in run)
        if telling >= 2 or telling and sum(w.isalpha() for w in run) >= 6:
            return " ".join(run)  # or a long run with one ('will house 506 asylum seekers
            # for a year and a half')
    return None


@lru_cache(maxsize=1)
def _stock_words() -> frozenset[str]:
    """Words no copy shows by: 'lexicons/same_wording.json', and the words of three series'
    keywords or more ('asylum', 'applications'; not 'disembarked' or 'bedrooms')."""
    used: dict[str, int] = {}
    for rule in vocabulary().rules:
        for w in {w for k, _ in rule.keywords for w in k.split()}:
            used[w] = used.get(w, 0) + 1
    common = {w for w, n in used.items() if n >= 3}
    return frozenset(load_json("same_wording.json")["stock_words"]) | frozenset(common)


def _same_wording(row: dict[str, Any], sentence: str) -> None:
    """A check against an unofficial source that words the figure as the article does is no
    evidence either way (``SAME_WORDING``)."""
    source_words = row.pop("_source_words", "")
    if row["verdict"] not in HOLDS or row["source_kind"] == "official":
        return  # a source that differs from the article is worth seeing, whatever its copy
    phrase = shared_wording(sentence, source_words)
    if phrase is None:
        return
    row["verdict"], row["independent"] = SAME_WORDING, False
    row["reason"] = (f"the reference row words it as the article does (“{phrase}”): most likely"
                     " the same copy, not evidence for the article")


def _check(fig: dict[str, Any], article: Article, others: list[tuple[int, int]],
           article_geos: frozenset[str], skip: frozenset[str]) -> dict[str, Any]:
    start, end = int(fig.get("start") or 0), int(fig.get("end") or 0)
    ctx = surroundings(article, start, end, others)
    row = _compare(fig, article, ctx, article_geos, skip)
    forecast(row, ctx)
    hypothetical(row, ctx)
    per_unit(row)
    if "_source_words" in row:
        _same_wording(row, ctx.sentence_text if ctx.sentence is not None else "")
    withdrawn(row, ctx)
    return row




def _own_counts(counts: str, ctx: Surroundings) -> bool:
    """Is what the figure counts written with it: right after it ("1.2 million irregular
    crossings") or as the subject of its own clause with no other figure between ("Detections
    on the Western Balkan route fell to 19,000"), not taken from another figure ("74,751 in
    2022, 18,000 of them")?"""
    counts, text = counts.lower(), ctx.sentence_text.lower()
    if not counts:
        return False
    if counts in text[ctx.figure_end : ctx.figure_end + len(counts) + 12]:
        return True
    start = ctx.spans[ctx.index][0] if ctx.spans else 0
    at = text.rfind(counts, start, ctx.figure_start)
    return at >= 0 and not any(at < s < ctx.figure_start for s, _ in ctx.others)


def _compare(fig: dict[str, Any], article: Article, ctx: Surroundings,
             article_geos: frozenset[str], skip: frozenset[str]) -> dict[str, Any]:
    published = article.published
    start, end = int(fig.get("start") or 0), int(fig.get("end") or 0)
    surface = str(fig.get("text") or article.text[start:end])
    row = _blank(fig, "")
    row["_own_counts"] = _own_counts(str(row["counts"] or ""), ctx)
    value, low, high = (_number(fig.get(c)) for c in ("value", "low", "high"))
    if ctx.sentence is None:
        row["reason"] = "the figure's offsets are outside the article's sentences"
        return row
    if math.isnan(value) and (math.isnan(low) or math.isnan(high)):
        row["reason"] = "the figure has no value"
        return row
    claim_value = value if not math.isnan(value) else (low + high) / 2
    whole = periods.parse_period(fig.get("period"), None)
    lo, hi = ctx.spans[ctx.index] if ctx.spans else (0, len(ctx.sentence_text))
    hi = next((m.start() for m in _AND_THEN.finditer(ctx.sentence_text, ctx.figure_end, hi)), hi)
    if published is not None and whole is not None and whole.end is not None and (
            whole.end > published) and periods.FORECAST.search(ctx.sentence_text, lo, hi):
        # "Crossings could reach 40,000 by the end of the year"
        row["reason"] = (f"a forecast for {_text(fig.get('period'))}, not over at publication "
                         f"({published.isoformat()})")
        return row
    kind = row["hedge_kind"]
    t = hedges.tolerance(claim_value, low, high, kind, row["hedge"], surface)
    unit = unit_kind(fig.get("unit"))
    if unit == "percent" and percent_is_change(ctx):
        return _check_change(fig, row, ctx, t, published, article_geos, skip)
    if unit == "share" and (CHANGED_BY.search(ctx.clause) or MORE_AFTER.match(
            ctx.sentence_text, ctx.figure_end)) and percent_is_change(ctx):
        # "fell by a third": a change of 33.3%, read as a percentage change
        percent = claim_value * 100
        # ("about a third" holds at least what "a third" does)
        t = (hedges.fraction_tolerance(percent, surface) if kind in ("exact", "approximate")
             else None) or hedges.fraction_bound(percent, kind, surface) or hedges.tolerance(
            percent, low * 100, high * 100, kind, row["hedge"], "")
        if t is not None:
            row["value"] = percent
            return _check_change(fig, row, ctx, t, published, article_geos, skip)
    if unit == "times" and not math.isnan(value) and (period_from_columns(
            fig, published, prefix="base") is not None or changed_by_a_factor(surface)):
        # "five times the 2020 level": a change of 400%, holding what rounds to 5 times;
        # "arrivals doubled in 2021", with no base, as a percentage change with none is read
        if changed_by_a_factor(surface) and not_stated_as_fact(ctx.sentence_text,
                                                                ctx.figure_start):
            row["reason"] = ("a change the sentence does not state as a fact (denied, "
                             "supposed or promised)")
            return row
        t = hedges.multiplier_tolerance(value, kind, surface)
        row["value"] = 100 * (value - 1)
        return _check_change(fig, row, ctx, t, published, article_geos, skip, sign=1)
    if unit == "share" and not math.isnan(value):
        # "one in ten people who crossed were Turkish", "a third of arrivals": a share, set
        # against series of percentages
        percent, terms = value * 100, share_terms(surface)
        if kind != "exact":
            t = hedges.fraction_bound(percent, kind, surface) or hedges.tolerance(
                percent, low * 100, high * 100, kind, row["hedge"], "")
            rounded = hedges.share_tolerance(*terms, surface) if terms is not None else None
            if kind == "approximate" and rounded is not None and rounded.high - rounded.low > (
                    t.high - t.low):
                # "roughly one in ten" holds no less than "one in ten" does
                t = replace(rounded, name=kind, phrase=t.phrase,
                            rule=f"{rounded.rule} (the hedge's own interval is narrower)")
        elif terms is not None:
            t = hedges.share_tolerance(*terms, surface)
        else:
            t = hedges.fraction_tolerance(percent, surface) or hedges.tolerance(
                percent, math.nan, math.nan, kind, "", "")
        row["value"], claim_value, unit = percent, percent, "percent"
    if unit == "count" and not math.isnan(value) and 0 < abs(value) < 1:
        row["reason"] = "a fraction, not a count"
        return row
    if unit == "count" and BY_AN_AMOUNT.search(ctx.sentence_text, 0, ctx.figure_start):
        # "We have cut the number in hotels by 20,000", "a fall of about 10,300": the
        # difference between two levels, which no series holds as a level
        row["reason"] = "a change by an amount, not a level: the series hold levels"
        return row
    period = _claim_period(fig, published)
    units = rate_units(_text(fig.get("period")), period)
    if units:
        # "an average of about 100 a day in 2024": the series' total over 2024 against 100
        # times its days; the row shows the series' average (``rates.per_unit``)
        claim_value *= units
        t = replace(t, low=t.low * units, high=t.high * units,
                    rule=f"{_text(fig.get('period'))}, times {fmt(units)} in the period: "
                         f"{fmt(t.low * units)} to {fmt(t.high * units)} in all ({t.rule})")
        row["_per"] = (units, _text(fig.get("period")))
    row.update(claim_period=_period_label(period),
               claim_date=period.end.isoformat() if period.end else "")
    # A total ("bringing the total to 13,489", "and the total rose to 41,472") counts what
    # the clauses before say.
    total = borrows_total(ctx.clause)
    found = series_candidates(fig, ctx, unit, article_geos, total) or as_the_figure_before(
        fig, ctx, lambda c: series_candidates(fig, c, unit, article_geos, total))
    if not found:
        measure = _text(fig.get("unit")) if unit not in ("count", "percent") and not any(
            series_unit_kind(r) == unit for r in vocabulary().rules) else ""
        row["reason"] = (f"a quantity in {measure}: no reference series is in {measure}"
                         if measure else "no reference series counts "
                         f"'{row['counts'] or ctx.clause.strip()[:60]}'")
        return row
    if unit == "percent":
        # "one in four Turkish nationals who crossed ... was granted asylum": a share *of*
        # the group a series of shares counts ("Turkish nationals' share of arrivals") is not
        # that share
        group = row["counts"].lower()
        found = [(s, r) for s, r in found
                 if not (series_unit_kind(r) == "percent" and any(w in group
                                                                   for w in r.requires_any))]
        if not found:
            row["reason"] = f"no reference series counts shares of '{row['counts']}'"
            return row
    # a list's or table's lead-in says it too, and the article of the agency that counts it
    said = f"{ctx.sentence_text} , {ctx.lead} , {event_sources_named(article.text)}"
    fitting = [(s, r) for s, r in found if not comparable(r, row["counts"], said)]
    if not fitting:
        rule = found[0][1]
        row.update(series=rule.key, series_title=rule.title, verdict="not comparable",
                   reason=f"{rule.title}: {comparable(rule, row['counts'], said)}")
        return row
    if published is not None and row["period"] and period_from_columns(fig, published) is None:
        # "per week", "in the coming weeks", "the same period last year" with no months:
        # read at the publication date, the series would answer another question.
        rule = fitting[0][1]
        unknown = _UNKNOWN_PERIODS.get(row["period"])
        if unknown is not None:
            # "In August, 5,369 crossed, up from 3,299", "fell, from 1,110 to 602", "29,437,
            # down from 45,774 the previous year" (which year is not stated)
            row.update(series=rule.key, series_title=rule.title, claim_period="", claim_date="",
                       reason=unknown)
            return row
        row.update(series=rule.key, series_title=rule.title, verdict="not comparable",
                   claim_period="", claim_date="",
                   reason=f"the article's period, “{row['period']}”, is not a span of dates"
                          " the series can be read for")
        return row
    # Best-scoring series first; a weaker group is tried only when none of a stronger one
    # has a value for the period ("a total of" fits a running total, but not for "2022").
    first = None
    ordered = by_score(fitting)
    for i, group in enumerate(ordered):
        trial = _check_value(dict(row), group, period, published, t, claim_value, skip)
        if trial["verdict"] != "cannot check" or trial["series_period"]:
            if trial["verdict"] in CHECKED and trial["verdict"] not in HOLDS:
                # the weaker fits, those its unit keeps apart too ("claims", "people")
                tried = {r.key for g in ordered[: i + 1] for r in g}
                weaker = by_score([(sc, r) for sc, r in found if r.key not in tried])
                _another_fit(trial, weaker, period, published, t, claim_value, skip)
            return undated_count(trial, group, period, ctx)
        first = first or trial
    return first


def _another_fit(row: dict[str, Any], weaker: list[list[SeriesRule]], period: Period,
                 published: dt.date | None, t: Tolerance, claim_value: float,
                 skip: frozenset[str]) -> None:
    """A claim that does not hold against the series its words fit best, but does against one
    they fit less well ("108,138 asylum claims": claims are main applicants, 84,231; people,
    with dependants, were 108,138): a note names that series; the verdict stays."""
    for group in weaker:
        other = _check_value(dict(row), group, period, published, t, claim_value, skip)
        if other["verdict"] in HOLDS and other["verdict"] != "order of magnitude matches":
            fit = (f"the number fits another series, {other['series']} ({other['series_title']}:"
                   f" {fmt(other['series_value'])} for {other['series_period']})")
            row["notes"] = " | ".join(n for n in (row["notes"], fit) if n)
            return


class _Result(NamedTuple):
    """One series' answer for a claim; the lowest ``rank`` is the one shown."""

    rank: tuple
    rule: SeriesRule
    got: Lookup
    verdict: str
    value: float | None
    series_row: dict[str, Any] | None
    note: str


def _check_value(row: dict[str, Any], group: list[SeriesRule], period: Period,
                 published: dt.date | None, t: Tolerance, claim_value: float,
                 skip: frozenset[str]) -> dict[str, Any]:
    """The verdict against the best-fitting series of ``group`` that has a value."""
    order = {v: i for i, v in enumerate(VERDICTS)}
    results, reasons = [], []
    for rule in group:
        got = lookup(rule.key, period, published, skip)
        if got.value is None:
            reasons.append((rule, got))
            continue
        verdict, v, series_row, note = judge(got, t, row["hedge_kind"], bool(
            row.get("_own_counts")) and names_the_series(row["counts"], rule))
        rank = (0 if verdict in HOLDS else 1) if verdict in CHECKED else 2 + order[verdict]
        # A verdict outranks none; then a value the series gives for the period outranks
        # bounds on it (a period that ends inside one of the series' quarters), and narrow
        # bounds outrank wide ones.
        width = abs(got.high - got.low) if got.low is not None and got.high is not None else 0
        results.append(_Result((rank > 1, width > 0, width, rank, rule.priority, rule.order),
                               rule, got, verdict, v, series_row, note))
    if not results:
        rule, got = reasons[0]
        if _circular(row, rule, period, published, t, claim_value, skip):
            return row
        row.update(series=rule.key, series_title=rule.title, tolerance_rule=t.rule,
                   reason=f"{rule.title}: {got.reason}")
        if got.floor is not None and got.floor > t.high:
            verdict = verdict_word(False, source_of(got.row), row["hedge_kind"])
            _fill(row, rule, got.floor, got.row, got.label, t, verdict, claim_value, skip)
            row["reason"] = ""
            row["notes"] = (f"below the running total already reached on {got.label}"
                            f" ({fmt(got.floor)})")
        return row
    results.sort(key=lambda r: r.rank)
    _, rule, got, verdict, v, series_row, note = results[0]
    _fill(row, rule, v, series_row, got.label, t, verdict, claim_value, skip)
    if verdict in NOT_CHECKED:
        row["reason"], note = note, ""
    notes = [n for n in (got.note, note) if n]
    if verdict in CHECKED and verdict not in HOLDS and rule.kind == "stock":
        older = older_match(rule.key, period, t.low, t.high, series_row, skip)
        if older:
            notes.append(older)
    others_found = [f"{r.rule.key}: {fmt(r.value)}" for r in results[1:]]
    if others_found:
        notes.append("also compared: " + "; ".join(others_found))
    if period.origin == "publication date":
        notes.append("no period in the text: read at the publication date")
    row["notes"] = " | ".join(notes)
    return row


def match_figures(article: Article, figures: pd.DataFrame) -> pd.DataFrame:
    """One row per figure: the series it was matched to, the value, and a verdict
    (module docstring). Columns: CLAIM_COLUMNS, in the figures' order."""
    if figures is None or len(figures) == 0:
        return pd.DataFrame([], columns=CLAIM_COLUMNS)
    records = figures.to_dict("records")
    spans = []
    for fig in records:
        try:
            spans.append((int(fig.get("start")), int(fig.get("end"))))
        except (TypeError, ValueError):
            continue
    # the places the story is set in: those of its first sentence that names any ("TORONTO -
    # Canada will tighten ... About 133,000 people are waiting"), not those of the whole
    # article ("Britain, by comparison, ..." later)
    article_geos = home_places(article) or frozenset(geographies(article.text))
    skip = outlet_keys(article)
    rows = []
    for fig in records:
        try:
            rows.append(_check(fig, article, spans, article_geos, skip))
        except (TypeError, ValueError, KeyError, OverflowError) as exc:
            rows.append(_blank(fig, f"could not be checked ({type(exc).__name__})"))
    borrowed_periods(article, records, rows)
    add_record_notes(article, records, rows, skip)
    for row in rows:
        for column in ("value", "low", "high", "series_value", "difference",
                       "relative_difference"):
            row[column] = _number(row[column])
    out = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    out["independent"] = out["independent"].astype("boolean")
    return out


def verdict_counts(claims: pd.DataFrame) -> dict[str, int]:
    """How many claims got each verdict (every verdict listed, zeros included)."""
    counts = claims["verdict"].value_counts() if len(claims) else pd.Series(dtype="int64")
    return {v: int(counts.get(v, 0)) for v in VERDICTS}


def checked_count(claims: pd.DataFrame) -> int:
    """Claims set against an independent source (official, press or other)."""
    return int(claims["verdict"].isin(CHECKED).sum()) if len(claims) else 0


def claim_points(claims: pd.DataFrame, series_keys: list[str],
                 series_period: str = "") -> pd.DataFrame:
    """The checked claims compared as values with ``series_keys``, to plot.

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
                    & claims["verdict"].isin(CHECKED + ("circular", SAME_WORDING))]
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
    return pd.DataFrame(rows, columns=columns)
