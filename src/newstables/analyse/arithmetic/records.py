"""Figures as records for the checks, numbers as text, and the verdict of one check.
"""


from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from newstables import hedges
from newstables.analyse.arithmetic.cues import (
    _NOT_LEVELS,
    _NUM,
    _RATE,
    _SHARES,
    _SYMBOLS,
    ADDS_UP,
    DEFAULT_TOLERANCE,
    DOES_NOT,
    PERCENT,
    POINTS,
    WITHIN,
)
from newstables.extract.article import Article


# ------------------------------------------------------------------ figures as records
@dataclass(frozen=True)
class _Fig:
    id: int
    value: float | None
    unit: str
    counts: str
    period: str
    hedge: str
    approximate: bool
    text: str
    paragraph: int
    start: int
    end: int
    sentence: int
    digit_half: float  # half a unit of the last digit written ("4.3 million" -> 50,000)
    zeros_half: float  # half the rounding shown by trailing zeros ("45,700" -> 50)
    word: bool  # written without digits ("a third", "five")
    rate: bool  # "a day", "per week": not summable with totals
    hedge_kind: str = ""


def _true(value: Any) -> bool:
    """A table's boolean cell as a bool (None and NaN are False)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return False
    return bool(value)


def _str(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _num(value: Any) -> float | None:
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return out if math.isfinite(out) else None


def _halves(text: str, value: float | None) -> tuple[float, float, bool]:
    """Half-units of the last written digit and of trailing-zero rounding; word figure?"""
    if value is None or _NUM.search(text) is None:
        return 0.0, 0.0, True
    written = hedges.written_halves(text, value)
    if written is None:
        return 0.0, 0.0, False
    return written.digit_half, written.zeros_half, False


def _rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    """A DataFrame's rows as plain dicts (much faster than ``to_dict``)."""
    names = list(df.columns)
    return [dict(zip(names, values, strict=True)) for values in df.to_numpy(dtype=object).tolist()]


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    """A DataFrame of exactly ``columns`` from row dicts, built column-wise."""
    return pd.DataFrame({c: [r.get(c) for r in rows] for c in columns}, columns=columns)


def _records(article: Article, figures: pd.DataFrame) -> list[_Fig]:
    """The figures as records in text order, each with its sentence and rounding."""
    starts = [s.start for s in article.sentences]
    text = article.text
    out: list[_Fig] = []
    if figures is None or len(figures) == 0:
        return out
    for row in _rows(figures):
        start, end = _num(row.get("start")), _num(row.get("end"))
        if start is None or end is None or not 0 <= start <= end <= len(text):
            continue
        start, end = int(start), int(end)
        value = _num(row.get("value"))
        surface = text[start:end]
        digit_half, zeros_half, word = _halves(surface, value)
        after = text[end : end + 40]
        rate = bool(_RATE.match(after)) or _str(row.get("period")).startswith("per ")
        hedge = _str(row.get("hedge"))
        index = bisect.bisect_right(starts, start) - 1
        sentence = article.sentences[index].number if index >= 0 else 0
        out.append(
            _Fig(
                id=int(_num(row.get("figure")) or 0), value=value,
                unit=_str(row.get("unit")), counts=_str(row.get("counts")),
                period=_str(row.get("period")), hedge=hedge,
                approximate=_true(row.get("approximate")) or bool(hedge) or word,
                text=surface, paragraph=int(_num(row.get("paragraph")) or 0), start=start,
                end=end, sentence=sentence, digit_half=digit_half, zeros_half=zeros_half,
                word=word, rate=rate, hedge_kind=_str(row.get("hedge_kind")),
            )
        )
    out.sort(key=lambda f: (f.start, f.end, f.id))
    return out


def _by_sentence(figs: Sequence[_Fig]) -> dict[int, list[_Fig]]:
    groups: dict[int, list[_Fig]] = {}
    for f in figs:
        if f.value is not None:
            groups.setdefault(f.sentence, []).append(f)
    return groups


def _sentence_bounds(article: Article, number: int) -> tuple[int, int]:
    if 1 <= number <= len(article.sentences):
        s = article.sentences[number - 1]
        return s.start, s.end
    return 0, len(article.text)


def _gap(article: Article, a: _Fig, b: _Fig) -> str:
    return article.text[a.end : b.start] if a.end <= b.start else ""


def _share(f: _Fig) -> float | None:
    """A percent or share figure as a fraction in (0, 1]; None otherwise."""
    if f.value is None:
        return None
    if f.unit == PERCENT:
        value = f.value / 100
    elif f.unit in _SHARES:
        value = f.value / 100 if f.value > 1 else f.value
    else:
        return None
    return value if 0 < value <= 1 else None


def _as_percent(f: _Fig) -> float | None:
    share = _share(f)
    return None if share is None else share * 100


def _hedge_kind(f: _Fig) -> str:
    """lower (a floor), upper (a ceiling), approximate or "" (exact), from the figures table."""
    kind = f.hedge_kind or hedges.kind_of(f.hedge)
    if kind == "lower_bound":
        return "lower"
    if kind == "upper_bound":
        return "upper"
    return "approximate" if f.approximate else ""


def _level(f: _Fig) -> bool:
    return f.value is not None and f.unit not in _NOT_LEVELS


def _ids(figs: Iterable[_Fig]) -> str:
    return ", ".join(str(f.id) for f in figs)


# ------------------------------------------------------------------ numbers as text
def fmt(x: float) -> str:
    """A number for an arithmetic string: thousands separators, few decimals, true minus."""
    if not math.isfinite(x):
        return str(x)
    if abs(x - round(x)) < 1e-9 or abs(x) >= 100:
        out = f"{x:,.0f}"
    elif abs(x) >= 1:
        out = f"{x:,.2f}".rstrip("0").rstrip(".")
    else:
        out = f"{x:.3g}"
    return out.replace("-", "−")


def _fmt1(x: float) -> str:
    """A derived percentage for an arithmetic string: one decimal ("−21.0")."""
    return f"{x:,.1f}".replace("-", "−") if math.isfinite(x) else str(x)


def amount(
    value: float | None, unit: str, low: float | None = None, high: float | None = None
) -> str:
    """A figure's value for a reader: "161%", "£75,000,000", "2,000–9,999" for a range."""
    if value is None:
        if low is None and high is None:
            return ""
        return f"{amount(low, unit)}–{amount(high, unit)}"
    if unit == PERCENT:
        return f"{fmt(value)}%"
    if unit == POINTS:
        return f"{fmt(value)} points"
    if unit in _SYMBOLS:
        return f"{_SYMBOLS[unit]}{fmt(value)}"
    if unit in _SHARES:
        return f"{fmt(value)} ({fmt(value * 100 if value <= 1 else value)}%)"
    return f"{fmt(value)} {unit}".strip() if unit and unit not in ("count",) else fmt(value)


# ------------------------------------------------------------------ verdicts
def _spread(fn: Callable[..., float], figs: Sequence[_Fig]) -> tuple[float, float]:
    """The range of ``fn`` over the last written digit of its inputs (interval corners)."""
    values = [f.value or 0.0 for f in figs]
    halves = [f.digit_half for f in figs]
    if len(figs) > 8:  # sums of many parts: the halves add up
        centre = fn(*values)
        return centre - sum(halves), centre + sum(halves)
    results: list[float] = []
    for signs in itertools.product((-1, 1), repeat=len(figs)):
        try:
            results.append(fn(*(v + s * h for v, s, h in zip(values, signs, halves, strict=True))))
        except ZeroDivisionError:
            continue
    finite = [r for r in results if math.isfinite(r)]
    return (min(finite), max(finite)) if finite else (-math.inf, math.inf)


def verdict(
    expected: float,
    stated: float,
    *,
    exact: float = 0.0,
    rounding: float = 0.0,
    spread: tuple[float, float] | None = None,
    approximate: bool = False,
    tolerance: float = DEFAULT_TOLERANCE,
    bound: str = "",
) -> str:
    """Verdict of a stated figure against the value the article's other figures give.

    ``exact``: a difference that still counts as exact (half the stated figure's last digit,
    for derived numbers); ``rounding``: the stated figure's own rounding; ``spread``: the
    expected range over the inputs' rounding; ``bound``: "ge"/"le" when the text only claims
    stated >= / <= expected (a partial list, "more than half (55%)").
    """
    diff = stated - expected
    scale = max(abs(stated), abs(expected), 1e-12)
    if abs(diff) <= max(exact, 1e-9 * scale):
        return ADDS_UP
    if (bound == "ge" and diff >= 0) or (bound == "le" and diff <= 0):
        return ADDS_UP
    low, high = spread if spread is not None else (expected, expected)
    if low - rounding <= stated <= high + rounding:
        return WITHIN
    if approximate and abs(diff) <= tolerance * scale:
        return WITHIN
    return DOES_NOT


def _check(
    rule: str,
    figs: Sequence[_Fig],
    arithmetic: str,
    expected: float,
    stated_fig: _Fig,
    stated: float,
    tolerance: float,
    *,
    derived: bool,
    spread: tuple[float, float] | None,
    bound: str = "",
    paragraph: int | None = None,
) -> dict[str, Any]:
    """One consistency-check row; ``derived`` numbers (ratios) are exact at printed precision."""
    result = verdict(
        expected, stated,
        exact=stated_fig.digit_half if derived else 0.0,
        rounding=max(stated_fig.digit_half, stated_fig.zeros_half),
        spread=spread, approximate=any(f.approximate for f in figs), tolerance=tolerance,
        bound=bound,
    )
    diff = stated - expected
    return {
        "rule": rule,
        "figures": _ids(figs),
        "arithmetic": arithmetic,
        "expected": expected,
        "stated": stated,
        "difference": diff + 0.0,  # no negative zero
        "relative_difference": diff / expected + 0.0 if expected else math.nan,
        "verdict": result,
        "paragraph": paragraph if paragraph is not None else stated_fig.paragraph,
        "_key": (stated_fig.start, tuple(f.id for f in figs)),
    }


