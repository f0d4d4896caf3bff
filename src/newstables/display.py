"""Tables as a reader reads them: numbers with thousands separators and no scientific
notation, shares as percentages, one way to show a missing cell, no 0-based index beside
the 1-based ids, and long text shortened at a word boundary.

``use_readable_tables()`` makes every DataFrame a notebook displays go through
``readable``, as plain text and as HTML (escaped), so no notebook formats by hand.
"""

from __future__ import annotations

import math
import textwrap
from typing import Any

import pandas as pd

from newstables.hedges import fmt
from newstables.schema import is_missing

MISSING = ""  # how an empty cell is shown, everywhere
MAX_TEXT = 160  # characters of a text cell before it is shortened (at a word boundary)
# Integer columns that are positions or years, not amounts: no thousands separator.
PLAIN_COLUMNS = frozenset({
    "year", "paragraph", "first_paragraph", "start", "end", "sentence", "figure", "quote",
    "actor", "event", "measure", "segment", "quarter", "row", "id",
})
# Fractions shown as percentages ("relative_difference" 0.012 -> "+1.2%").
SHARE_COLUMNS = {"share": "{:.0%}", "relative_difference": "{:+.1%}"}


def cell(value: Any, column: str = "") -> str:
    """One cell as text."""
    if is_missing(value) or value is pd.NaT:
        return MISSING
    if isinstance(value, bool):
        return "yes" if value else "no"
    name = str(column)
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
        if math.isinf(number):
            return "∞" if number > 0 else "−∞"
        if name in SHARE_COLUMNS:
            return SHARE_COLUMNS[name].format(number)
        if name in PLAIN_COLUMNS or name.endswith(("_year", "_id")):
            return f"{number:.0f}" if number.is_integer() else f"{number:g}"
        return fmt(number)
    text = str(value)
    if len(text) > MAX_TEXT:
        text = textwrap.shorten(text, MAX_TEXT, placeholder=" …")
    return text


def readable(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with every cell as the text a reader should see."""
    out = pd.DataFrame({c: [cell(v, c) for v in df[c].tolist()] for c in df.columns},
                       columns=df.columns)
    return out.reset_index(drop=True)


def as_text(df: pd.DataFrame) -> str:
    """``df`` as plain text, every column left-aligned, without an index."""
    if df.empty:
        return f"(no rows; columns: {', '.join(map(str, df.columns))})"
    table = readable(df)
    columns = [str(c) for c in table.columns]
    rows = [columns] + table.astype(str).values.tolist()
    widths = [max(len(r[i]) for r in rows) for i in range(len(columns))]
    return "\n".join("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip()
                     for r in rows)


def as_html(df: pd.DataFrame) -> str:
    """``df`` as an HTML table, escaped, without an index."""
    return readable(df).to_html(index=False, escape=True, border=0,
                                classes="newstables-table", justify="left")


def use_readable_tables() -> None:
    """Show every DataFrame through ``readable`` in this IPython kernel (no-op outside)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with the notebooks' kernel
        return
    shell = get_ipython()
    if shell is None:
        return
    formatters = shell.display_formatter.formatters
    formatters["text/plain"].for_type(pd.DataFrame, lambda df, p, cycle: p.text(as_text(df)))
    formatters["text/html"].for_type(pd.DataFrame, as_html)


_LITTLE_WORDS = frozenset(
    ["a", "an", "the", "of", "by", "to", "in", "on", "at", "for", "from", "with", "and", "or",
     "but", "as", "its", "their", "his", "her", "this", "that", "which", "who"]
)


def shorten(text: str, limit: int = 60) -> str:
    """``text`` in at most ``limit`` characters: whole if it fits, else cut at a word with "…"."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        words = cut[:space].split(" ")
        while len(words) > 3 and words[-1].lower().strip(",;:") in _LITTLE_WORDS:
            words.pop()  # "... deported by the…" reads as a typo; "... deported…" does not
        cut = " ".join(words)
    return cut.rstrip(" ,;:–—-") + "…"
