"""Column lists of every table: one place that says what each table holds.

Every extracted row carries ``paragraph`` (1-based) and ``start``/``end`` (0-based,
end-exclusive) offsets into ``Article.text``; ``text[start:end]`` is its surface.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

COLUMNS: dict[str, list[str]] = {
    "paragraphs": ["paragraph", "start", "end", "text", "n_words"],
    "sentences": ["sentence", "paragraph", "start", "end", "text"],
    "actors": [
        "actor", "name", "kind", "role", "country", "aliases", "n_mentions", "first_paragraph",
    ],
    "mentions": ["actor", "paragraph", "start", "end", "surface"],
    # One row per quoted segment in one paragraph. A quote that runs over several
    # paragraphs (or is split by its attribution) keeps one `quote` id; `segment` numbers
    # its rows 1, 2, ...; rows in a later paragraph have continued=True.
    "quotes": [
        "quote", "segment", "speaker", "role", "text", "kind", "paragraph", "paragraphs", "start",
        "end", "cue", "continued",
    ],
    "figures": [
        "figure", "value", "low", "high", "unit", "counts", "period", "period_start",
        "period_end", "period_kind", "base_start", "base_end", "hedge", "hedge_kind",
        "approximate", "source", "text", "paragraph", "start", "end",
    ],
    "events": [
        "event", "date_start", "date_end", "granularity", "expression", "description",
        "paragraph", "start", "end",
    ],
    "measures": [
        "measure", "instrument", "description", "lead", "partners", "purpose", "status",
        "paragraph", "start", "end",
    ],
}

TABLES = tuple(COLUMNS)

# A corpus folder (``corpus extract``): one Parquet dataset per table, plus these.
CORPUS_MANIFEST = "manifest"
CORPUS_CLAIMS = "claims"


def corpus_datasets(claims: bool = False) -> tuple[str, ...]:
    """The datasets a corpus folder holds, manifest aside."""
    return ("articles", *TABLES, *((CORPUS_CLAIMS,) if claims else ()))


def frame(table: str, rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """A DataFrame of ``rows`` with exactly the table's columns, in order."""
    columns = COLUMNS[table]
    rows = list(rows)
    if not rows or not isinstance(rows[0], Mapping):
        return pd.DataFrame(rows, columns=columns)
    # column lists, already in order, build faster than a list of dicts (same dtypes)
    return pd.DataFrame({c: [r.get(c) for r in rows] for c in columns})


def is_missing(value: Any) -> bool:
    """True for None, NaN, pd.NA and blank strings: a table cell that says nothing."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def write_table(df: pd.DataFrame, folder: str | Path, name: str) -> Path:
    """Write ``df`` as ``<folder>/tables/<name>.csv``: the one way every table is saved
    (no index, "\n" line ends, so the same table gives the same bytes)."""
    tables = Path(folder) / "tables"
    tables.mkdir(parents=True, exist_ok=True)
    path = tables / f"{name}.csv"
    df.to_csv(path, index=False, lineterminator="\n")
    return path
