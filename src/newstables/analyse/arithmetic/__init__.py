"""Checks of an article's figures: what they imply, and whether they add up.

Pure functions over the figures table (``schema.COLUMNS["figures"]``) and the Article, whose
text supplies the words between figures. Every output row names the ids of the figures it
rests on and the paragraph it comes from, and shows its arithmetic.

Implied figures (``implied_figures``):
- change: "124,441 ..., up 161% compared with 2021" -> the 2021 value 124,441 / (1 + 161/100);
  a change in percentage points gives the base by subtraction. A base stated in the sentence
  ("down 21% from 124,461") makes it a consistency check instead.
- change between two stated values: "29,437, down from 45,774" -> -35.7% (when unstated).
- share: "X, a third of all ..." / "X, or 12% of ..." -> total = X / share;
  "a third of the 220 hotels" -> part = share x total; "N ..., among them M" -> share M / N.
- cumulative: a count "since 2016" and the same count for its latest single year -> the
  earlier running total as the difference (the counts must share their verb or noun).

Consistency checks (``consistency_checks``):
- parts vs total: parts introduced by "made up of", "split between", "of which", "including",
  "Of the N, ...", a list after "includes:", or a total after its parts ("a total of", "in
  total"); partial cues only require the parts not to exceed the total. Parts that divide
  people different ways ("60 men" and "50 adults", "12,000 Albanians" and "30,000 men";
  ``part_dimensions`` in arithmetic_cues.json) may overlap and are not summed.
- percentage of: "X of Y (Z%)", "X out of Y, or Z%", "X, or Z% of Y", "Z% of the Y, or X".
- percentage change: "from A to B, a Z% rise", "B, down Z% from A" (points: B - A).
- share restated: "three quarters (74%)", "a third of voters, or 33%", "more than half (55%)".
- expected vs actual: "around 50 had been expected, but some 20 won reprieves" with the
  one other count nearby (those who did).
Verdicts: "adds up" (exact, or exact at the stated figure's printed precision for derived
numbers), "within rounding" (within the rounding of the figures, or within ``tolerance`` when
a figure is hedged or in words), otherwise "does not add up".
"""


from __future__ import annotations

import math
from typing import Any

import pandas as pd

from newstables.analyse.arithmetic.changes import (
    _change_checks,
    _changes,
    _implied_from_changes,
    _implied_from_pairs,
)
from newstables.analyse.arithmetic.cues import (
    _SHARES,
    ADDS_UP,
    CHECK_COLUMNS,
    DEFAULT_TOLERANCE,
    DOES_NOT,
    IMPLIED_COLUMNS,
    OVERVIEW_COLUMNS,
    PERCENT,
    POINTS,
    WITHIN,
)
from newstables.analyse.arithmetic.records import (
    _frame,
    _num,
    _records,
    _rows,
    _str,
    _true,
    amount,
    fmt,
    verdict,
)
from newstables.analyse.arithmetic.shares import (
    _percentage_of_checks,
    _restated_share_checks,
    _share_implied,
)
from newstables.analyse.arithmetic.totals import (
    _cumulative_implied,
    _expected_checks,
    _parts_in_lists,
    _parts_in_sentences,
)
from newstables.extract.article import Article

__all__ = [
    "ADDS_UP", "CHART_COLUMNS", "CHECK_COLUMNS", "DEFAULT_TOLERANCE", "DOES_NOT",
    "IMPLIED_COLUMNS", "OVERVIEW_COLUMNS", "PERCENT", "POINTS", "WITHIN", "amount", "chart_rows",
    "consistency_checks", "figure_overview", "fmt", "implied_figures", "verdict",
]


def _numbered(rows: list[dict[str, Any]], id_column: str, columns: list[str]) -> pd.DataFrame:
    """Rows in text order (paragraph, then first figure), de-duplicated, numbered 1..n."""
    seen: set[tuple[Any, ...]] = set()
    unique: list[dict[str, Any]] = []
    def order(r: dict[str, Any]) -> tuple[Any, ...]:
        return r["paragraph"], r["_key"], r.get("basis", r.get("rule"))

    for row in sorted(rows, key=order):
        key = (row.get("basis", row.get("rule")), row.get("from_figures", row.get("figures")))
        if key in seen:
            continue
        seen.add(key)
        unique.append({**row, id_column: len(unique) + 1})
    return _frame(unique, columns)


def implied_figures(article: Article, figures: pd.DataFrame) -> pd.DataFrame:
    """Figures the article implies but does not state, each with its arithmetic and sources."""
    figs = _records(article, figures)
    changes = _changes(article, figs)
    rows = _implied_from_changes(changes)
    rows += _implied_from_pairs(article, figs, changes)
    rows += _share_implied(article, figs)
    rows += _cumulative_implied(article, figs)
    return _numbered(rows, "implied", IMPLIED_COLUMNS)


def consistency_checks(
    article: Article, figures: pd.DataFrame, tolerance: float = DEFAULT_TOLERANCE
) -> pd.DataFrame:
    """Does the article's arithmetic hold? One row per check, with its verdict."""
    figs = _records(article, figures)
    rows = _parts_in_sentences(article, figs, tolerance)
    rows += _parts_in_lists(article, figs, tolerance)
    rows += _percentage_of_checks(article, figs, tolerance)
    rows += _change_checks(article, figs, tolerance)
    rows += _restated_share_checks(article, figs, tolerance)
    rows += _expected_checks(article, figs, tolerance)
    return _numbered(rows, "check", CHECK_COLUMNS)


def figure_overview(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures table in text order, with a readable amount and blanks for missing text."""
    if figures is None or len(figures) == 0:
        return pd.DataFrame(columns=OVERVIEW_COLUMNS)
    rows = []
    for row in _rows(figures):
        unit = _str(row.get("unit"))
        rows.append({
            "figure": int(_num(row.get("figure")) or 0),
            "text": _str(row.get("text")),
            "amount": amount(_num(row.get("value")), unit, _num(row.get("low")),
                             _num(row.get("high"))),
            "counts": _str(row.get("counts")),
            "period": _period_text(row),
            "period_kind": _str(row.get("period_kind")),
            "hedge": _str(row.get("hedge")),
            "hedge_kind": _str(row.get("hedge_kind")),
            "source": _str(row.get("source")),
            "unit": unit,
            "paragraph": int(_num(row.get("paragraph")) or 0),
            "_start": int(_num(row.get("start")) or 0),
        })
    rows.sort(key=lambda r: (r["paragraph"], r["_start"], r["figure"]))
    return _frame(rows, OVERVIEW_COLUMNS)


def _period_text(row: dict[str, Any]) -> str:
    """The resolved period as dates ("2022-01-01 to 2022-12-31"), else the text's period."""
    start, end = _str(row.get("period_start")), _str(row.get("period_end"))
    written = _str(row.get("period"))
    if end:
        dates = end if start in ("", end) else f"{start} to {end}"
        # "per day" over 2024: an average, not a total for the dates
        return f"{written}, {dates}" if written.startswith("per ") else dates
    return written


CHART_COLUMNS = [
    "label", "group", "value", "low", "high", "text", "hedged", "kind", "ref", "paragraph",
]
_GROUP_ORDER = {"count": 0, "GBP": 1, "USD": 2, "EUR": 3, PERCENT: 5, POINTS: 6}


def _group(unit: str) -> str:
    if unit in ("", "count"):
        return "count"
    return PERCENT if unit in _SHARES else unit


def _label(counts: str, period: str, ref: str, width: int = 46) -> str:
    what = counts or "(what it counts not found)"
    what = what if len(what) <= width else what[: width - 1].rstrip() + "…"
    return f"{what} · {period}  [{ref}]" if period else f"{what}  [{ref}]"


def chart_rows(figures: pd.DataFrame, implied: pd.DataFrame | None = None) -> pd.DataFrame:
    """The stated and implied figures to plot, one row each, grouped by unit in text order.

    Shares are shown as percentages; ranges keep ``low``/``high`` with ``value`` None.
    """
    rows: list[dict[str, Any]] = []
    for r in _rows(figures) if figures is not None and len(figures) else []:
        unit = _str(r.get("unit"))
        value, low, high = _num(r.get("value")), _num(r.get("low")), _num(r.get("high"))
        if value is None and (low is None or high is None):
            continue
        if unit in _SHARES and value is not None:
            value = value * 100 if value <= 1 else value
        rows.append({
            "label": _label(_str(r.get("counts")), _str(r.get("period")),
                            f"#{int(_num(r.get('figure')) or 0)}"),
            "group": _group(unit), "value": value, "low": low if value is None else None,
            "high": high if value is None else None, "text": _str(r.get("text")),
            "hedged": _true(r.get("approximate")) or bool(_str(r.get("hedge"))),
            "kind": "stated", "ref": int(_num(r.get("figure")) or 0),
            "paragraph": int(_num(r.get("paragraph")) or 0),
            "_order": (int(_num(r.get("start")) or 0), 0),
        })
    for r in _rows(implied) if implied is not None and len(implied) else []:
        value = _num(r.get("value"))
        if value is None:
            continue
        rows.append({
            "label": _label(_str(r.get("counts")), _str(r.get("period")),
                            f"implied {int(_num(r.get('implied')) or 0)}"),
            "group": _group(_str(r.get("unit"))), "value": value, "low": None, "high": None,
            "text": f"≈ {amount(round(value) if abs(value) >= 10 else value, _str(r.get('unit')))}",
            "hedged": _true(r.get("approximate")), "kind": "implied",
            "ref": int(_num(r.get("implied")) or 0),
            "paragraph": int(_num(r.get("paragraph")) or 0), "_order": (math.inf, 1),
        })
    rows.sort(key=lambda r: (_GROUP_ORDER.get(r["group"], 4), r["group"], r["paragraph"],
                             r["_order"], r["ref"]))
    return _frame(rows, CHART_COLUMNS)
