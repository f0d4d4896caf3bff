"""Parts and totals, expected against actual counts, and running totals.
"""


from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from newstables.analyse.arithmetic.cues import (
    _DROPPED,
    _EXPECTED_AFTER,
    _EXPECTED_BEFORE,
    _GENERIC,
    _ISO_SPAN,
    _OF_THE_TOTAL,
    _PART_BREAK,
    _PARTICIPLES,
    _PARTS_EXHAUSTIVE,
    _PARTS_PARTIAL,
    _SINCE,
    _SPAN_YEARS,
    _TOTAL_AFTER,
    _TOTAL_BEFORE,
    _WORD,
    PART_DIMENSIONS,
)
from newstables.analyse.arithmetic.records import (
    _by_sentence,
    _check,
    _Fig,
    _gap,
    _hedge_kind,
    _ids,
    _level,
    _sentence_bounds,
    _spread,
    fmt,
)
from newstables.analyse.arithmetic.shares import _bound_of_stated
from newstables.extract.article import Article


# ------------------------------------------------------------------ parts and totals
def _sum_row(
    total: _Fig, parts: Sequence[_Fig], tolerance: float, *, partial: bool, how: str, cue: str
) -> dict[str, Any]:
    expected = sum(p.value or 0.0 for p in parts)
    stated = total.value or 0.0
    terms = " + ".join(fmt(p.value or 0.0) for p in parts)
    partial_ok = partial and expected < stated
    arithmetic = (
        f"{terms} = {fmt(expected)} ≤ {fmt(stated)}" if partial_ok
        else f"{terms} = {fmt(expected)} (stated: {fmt(stated)})"
    )
    if expected == stated:
        arithmetic = f"{terms} = {fmt(stated)}"
    cue = re.sub(r"\s+", " ", cue.strip().lower())
    rule = f"parts vs total: {how} ('{cue}'{', may be partial' if partial else ''})"
    figs = sorted((total, *parts), key=lambda f: f.start)
    bound = "ge" if partial else _bound_of_stated(total)
    return _check(rule, figs, arithmetic, expected, total, stated, tolerance, derived=False,
                  spread=_spread(lambda *v: sum(v), parts), bound=bound)


def _summable(f: _Fig, unit: str) -> bool:
    return _level(f) and f.unit == unit and not f.rate


def _parts_in_sentences(article: Article, figs: Sequence[_Fig], tolerance: float) -> list:
    """Total then "of which/made up of/including" parts, or parts then "a total of"."""
    rows: list[dict[str, Any]] = []
    text = article.text
    for sfigs in _by_sentence(figs).values():
        s_start, s_end = _sentence_bounds(article, sfigs[0].sentence)
        for i, t in enumerate(sfigs):
            if not _summable(t, t.unit):
                continue
            later = _run(article, [f for f in sfigs[i + 1 :] if _summable(f, t.unit)])
            if len(later) >= 2 and not _one_partition(article, later, s_end):
                later = []  # '60 were men and 50 were adults': the parts may overlap
            if len(later) >= 2:
                gap = text[t.end : later[0].start]
                exhaustive = _PARTS_EXHAUSTIVE.search(gap)
                partial = _PARTS_PARTIAL.search(gap) or _OF_THE_TOTAL.match(
                    text[s_start : t.start]
                )
                cue = exhaustive or partial
                if cue:
                    rows.append(_sum_row(t, later, tolerance, partial=not exhaustive,
                                         how="parts after the total", cue=cue.group()))
                    continue
            earlier = _run(article, [f for f in sfigs[:i] if _summable(f, t.unit)][::-1])[::-1]
            if earlier and _PART_BREAK.search(_gap(article, earlier[-1], t)):
                earlier = []  # "3,000 in July, while a total of 30,000 ...": another clause
            if len(earlier) >= 2 and not _one_partition(article, earlier, t.start):
                earlier = []
            prev_end = sfigs[i - 1].end if i > 0 else s_start
            total_cue = _TOTAL_BEFORE.search(text[prev_end : t.start]) or _TOTAL_AFTER.match(
                text[t.end : s_end]
            )
            if len(earlier) >= 2 and total_cue and "overall" not in total_cue.group().lower():
                rows.append(_sum_row(t, earlier, tolerance, partial=False,
                                     how="total after the parts", cue=total_cue.group()))
    return rows


def _one_partition(article: Article, parts: Sequence[_Fig], end: int) -> bool:
    """Can the parts divide one whole? Parts that divide people different ways ('60 men',
    '50 adults'; '12,000 Albanians', '30,000 men') may overlap; a part whose words name no
    way ('30 were stopped') fits any."""
    common: frozenset[str] | None = None
    for part, nxt in zip(parts, [*parts[1:], None], strict=True):
        # the part's own words: a bare number's counts are borrowed from the part before
        words = _WORD.findall(article.text[part.end : nxt.start if nxt else end].lower())
        ways = frozenset().union(*(PART_DIMENSIONS[w] for w in words if w in PART_DIMENSIONS))
        if ways:
            common = ways if common is None else common & ways
            if not common:
                return False
    return True


def _run(article: Article, parts: list[_Fig]) -> list[_Fig]:
    """The leading parts not separated by a clause break ("while", "but", ";")."""
    out = parts[:1]
    for a, b in zip(parts, parts[1:], strict=False):
        first, second = (a, b) if a.start <= b.start else (b, a)
        if _PART_BREAK.search(_gap(article, first, second)):
            break
        out.append(b)
    return out


def _parts_in_lists(article: Article, figs: Sequence[_Fig], tolerance: float) -> list:
    """"The £75m package includes:" then one paragraph per part."""
    rows: list[dict[str, Any]] = []
    by_para: dict[int, list[_Fig]] = {}
    for f in figs:
        if f.value is not None:
            by_para.setdefault(f.paragraph, []).append(f)
    for para in article.paragraphs:
        intro = para.text.rstrip()
        if not intro.endswith(":"):
            continue
        exhaustive = _PARTS_EXHAUSTIVE.search(intro)
        cue = exhaustive or _PARTS_PARTIAL.search(intro)
        if not cue:
            continue
        items: list[_Fig] = []
        for nxt in article.paragraphs[para.number :]:
            first = by_para.get(nxt.number, [])
            if not first or not _level(first[0]) or (items and first[0].unit != items[0].unit):
                break
            items.append(first[0])
        if len(items) < 2 or any(f.rate for f in items):
            continue
        unit = items[0].unit
        own = [f for f in by_para.get(para.number, []) if _summable(f, unit)]
        before = [f for f in by_para.get(para.number - 1, []) if _summable(f, unit)]
        total = own[-1] if own else before[0] if len(before) == 1 else None
        if total is None:
            continue
        rows.append(_sum_row(total, items, tolerance, partial=not exhaustive,
                             how="list after the total", cue=cue.group()))
    return rows


# ------------------------------------------------------------------ expected vs actual
def _expected_checks(article: Article, figs: Sequence[_Fig], tolerance: float) -> list:
    """"Around 50 had been expected, but some 20 won reprieves" + the one count that did."""
    rows: list[dict[str, Any]] = []
    text = article.text
    by_para: dict[int, list[_Fig]] = {}
    for f in figs:
        if _level(f):
            by_para.setdefault(f.paragraph, []).append(f)
    for pfigs in by_para.values():
        for i, e in enumerate(pfigs):
            prev_end = pfigs[i - 1].end if i > 0 else 0
            if not (_EXPECTED_AFTER.match(text[e.end : e.end + 60])
                    or _EXPECTED_BEFORE.search(text[max(prev_end, e.start - 40) : e.start])):
                continue
            dropped = [
                f for f in pfigs[i + 1 :]
                if f.unit == e.unit and f.sentence - e.sentence <= 1
                and 0 < f.value < e.value  # type: ignore[operator]
                and _DROPPED.search(_clause_after(text, f))
            ]
            if len(dropped) != 1:
                continue
            s = dropped[0]
            actual = [
                f for f in pfigs
                if f is not e and f is not s and f.unit == e.unit and not f.rate
                and _hedge_kind(f) not in ("lower", "upper") and abs(f.sentence - e.sentence) <= 1
                and 0 < f.value < e.value  # type: ignore[operator]
            ]
            if len(actual) != 1:
                continue
            a = actual[0]
            expected = e.value - s.value  # type: ignore[operator]
            # "the first 15 boarded", "15 so far": a partial count may fall short, not exceed.
            partial = bool(_PARTIAL_BEFORE.search(text[max(0, a.start - 20): a.start])
                           or _PARTIAL_AFTER.match(text[a.end: a.end + 40]))
            arithmetic = (f"{fmt(e.value)} − {fmt(s.value)} = {fmt(expected)}"  # type: ignore[arg-type]
                          + (f"; stated {fmt(a.value)} {'≤' if a.value <= expected else '>'} "  # type: ignore[operator]
                             f"{fmt(expected)}, a partial count"  # type: ignore[arg-type]
                             if partial else f" (stated: {fmt(a.value)})"))  # type: ignore[arg-type]
            rows.append(_check(
                "expected minus those who dropped out vs actual",
                sorted((e, s, a), key=lambda f: f.start), arithmetic, expected, a,
                a.value, tolerance, derived=False,  # type: ignore[arg-type]
                spread=_spread(lambda ee, ss: ee - ss, (e, s)), paragraph=e.paragraph,
                bound="le" if partial else "",
            ))
    return rows


_PARTIAL_BEFORE = re.compile(r"\b(?:the\s+)?(?:first|initial|earliest)\s+$", re.I)
_PARTIAL_AFTER = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:so\s+far|to\s+date|already)\b", re.I)


def _clause_after(text: str, f: _Fig) -> str:
    """The words after a figure up to the end of its clause (at most ~50 characters)."""
    return re.split(r"[.;:!?]", text[f.end : f.end + 50], maxsplit=1)[0]


# ------------------------------------------------------------------ cumulative totals
def _what(article: Article, f: _Fig) -> tuple[frozenset[str], frozenset[str]]:
    """Nouns and verbs that say what a figure counts: its counts plus nearby verbs."""
    words = [w.lower() for w in _WORD.findall(f.counts)]
    s_start, s_end = _sentence_bounds(article, f.sentence)
    near = _WORD.findall(article.text[max(s_start, f.start - 40) : f.start])[-4:]
    near += _WORD.findall(article.text[f.end : min(s_end, f.end + 50)])[:6]
    verbs = {w.lower() for w in [*words, *near] if _is_verb(w.lower())}
    nouns = {w for w in words if w not in verbs and w not in _GENERIC and len(w) > 2}
    return frozenset(nouns), frozenset(verbs)


def _is_verb(word: str) -> bool:
    return word in _PARTICIPLES or (word.endswith("ed") and len(word) > 4 and word not in _GENERIC)


def _year_of(period: str, published: Any) -> int | None:
    """The single calendar year a period names ("2022", "in 2022", "last year"), or None."""
    p = period.strip().lower()
    m = re.fullmatch(r"(?:in\s+)?(?:the\s+year\s+)?((?:19|20)\d\d)", p)
    if m:
        return int(m.group(1))
    if published is not None and p in ("last year", "the last year", "the previous year"):
        return int(published.year) - 1
    if published is not None and p in ("this year", "so far this year"):
        return int(published.year)
    return None


def _cumulative_span(article: Article, f: _Fig) -> tuple[str, int, int] | None:
    """(label of the start, first year, last year) of a count over more than one year.

    Read from the period ("2016/2023", "since 2016", "2016-2023") or, failing that, from a
    "since 2016" next to the figure; the last year is the publication year for "since".
    """
    s_start, s_end = _sentence_bounds(article, f.sentence)
    near = _SINCE.search(article.text[max(s_start, f.start - 60) : min(s_end, f.end + 40)])
    label = near.group("label") if near else ""
    span = _ISO_SPAN.fullmatch(f.period.strip())
    if span is not None:
        first, last = int(span.group("a")), int(span.group("b"))
        months = (last - first) * 12 + int(span.group("bm") or 12) - int(span.group("am") or 1) + 1
        if months <= 12:
            return None  # "the year ending September 2024" is one year, not a running total
        return label or span.group("a"), first, last
    m = _SINCE.search(f.period) or (near if not f.period else None)
    if m is not None and article.published is not None:
        return m.group("label"), int(m.group("year")), int(article.published.year)
    r = _SPAN_YEARS.search(f.period)
    if r is not None and int(r.group("a")) < int(r.group("b")):
        return r.group("a"), int(r.group("a")), int(r.group("b"))
    return None


def _cumulative_implied(article: Article, figs: Sequence[_Fig]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    levels = [f for f in figs if _level(f) and not f.rate]
    what = {f: _what(article, f) for f in levels}
    for c in levels:
        span = _cumulative_span(article, c)
        if span is None:
            continue
        label, first, last = span
        c_nouns, c_verbs = what[c]
        best: tuple[tuple[int, int], _Fig, int] | None = None
        for a in levels:
            year = _year_of(a.period, article.published)
            if a is c or a.unit != c.unit or year is None or not a.value < c.value:  # type: ignore[operator]
                continue
            if not first < year <= last or year < last - 1:
                continue  # the annual figure must be the cumulative's latest (full) year
            a_nouns, a_verbs = what[a]
            if c_verbs and a_verbs and not c_verbs & a_verbs:
                continue
            if c_nouns and a_nouns and not c_nouns & a_nouns:
                continue
            score = len(c_nouns & a_nouns) + 2 * len(c_verbs & a_verbs)
            if score == 0:
                continue
            key = (score, -abs(a.start - c.start))
            if best is None or key > best[0]:
                best = (key, a, year)
        if best is None:
            continue
        _, a, year = best
        value = c.value - a.value  # type: ignore[operator]
        period = label if year - 1 == first else f"{label}–{year - 1}"
        rows.append({
            "value": value, "unit": c.unit, "period": period, "counts": c.counts or a.counts,
            "arithmetic": f"{fmt(c.value)} − {fmt(a.value)} = {fmt(value)}",  # type: ignore[arg-type]
            "from_figures": _ids(sorted((a, c), key=lambda f: f.start)),
            "paragraph": c.paragraph, "basis": "cumulative total minus the latest year",
            "approximate": a.approximate or c.approximate, "_key": (c.start, a.id, c.id),
        })
    return rows


