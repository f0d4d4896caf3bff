"""Column lists of every table: one place that says what each table holds.

Every extracted row carries ``paragraph`` (1-based) and ``start``/``end`` (0-based,
end-exclusive) offsets into ``Article.text``; ``text[start:end]`` is its surface.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.api.internals import create_dataframe_from_blocks
from pandas.arrays import ArrowStringArray

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


def frame(table: str, rows: Iterable[Mapping[str, Any] | Sequence[Any]]) -> pd.DataFrame:
    """A DataFrame of ``rows`` (mappings, or tuples in column order) with exactly the
    table's columns, in order, and the dtypes ``pd.DataFrame`` would infer.

    Columns of one plain kind (integers, floats, booleans, strings) are typed here, which
    builds a table several times faster than pandas' inference from Python lists; a table
    with any other column is left to pandas.
    """
    columns = COLUMNS[table]
    rows = list(rows)
    if not rows:
        return pd.DataFrame([], columns=columns)
    if isinstance(rows[0], Mapping):
        values = [[r.get(c) for r in rows] for c in columns]
    else:
        values = [list(v) for v in zip(*rows, strict=True)]
    arrays = _typed_columns(values)
    if any(a is None for a in arrays):
        return pd.DataFrame(dict(zip(columns, values, strict=True)), columns=columns)
    # every array is already of its final dtype: one block a column, no inference
    blocks = [(a.reshape(1, -1) if isinstance(a, np.ndarray) else a, np.array([i]))
              for i, a in enumerate(arrays)]
    # a copy of the table's column index: a caller that names it changes only its own frame
    return create_dataframe_from_blocks(blocks, index=pd.RangeIndex(len(rows)),
                                        columns=_INDEX[table].copy())


_INDEX = {table: pd.Index(columns) for table, columns in COLUMNS.items()}
_STR = pd.StringDtype(na_value=np.nan)  # pandas' default string dtype
_NONE = type(None)
_INTS, _BOOLS = frozenset({int}), frozenset({bool})
_STRS, _STRS_OR_NONE = frozenset({str}), frozenset({str, _NONE})
_NUMBERS_OR_NONE, _INTS_OR_NONE = frozenset({float, int, _NONE}), frozenset({int, _NONE})


def _typed_columns(columns: list[list[Any]]) -> list[Any]:
    """Each column as the array pandas would infer, for one plain kind; None otherwise.

    The string columns are converted to Arrow in one call and sliced, which costs a fraction
    of one conversion a column.
    """
    arrays: list[Any] = []
    strings: list[int] = []
    for values in columns:
        kinds = set(map(type, values))
        if kinds == _STRS or kinds == _STRS_OR_NONE:
            strings.append(len(arrays))
            arrays.append(values)
        else:
            arrays.append(_typed_plain(values, kinds))
    if strings:
        try:
            joined = pa.array([v for i in strings for v in arrays[i]], pa.large_string())
        except (pa.ArrowException, UnicodeError):
            for i in strings:
                arrays[i] = None
            return arrays
        offset = 0
        for i in strings:
            n = len(arrays[i])
            arrays[i] = ArrowStringArray(pa.chunked_array([joined.slice(offset, n)]), dtype=_STR)
            offset += n
    return arrays


def _typed_plain(values: list[Any], kinds: set[type]) -> Any:
    """``values`` of ``kinds`` as the NumPy array pandas would infer; None for other kinds."""
    if kinds == _INTS:
        try:
            return np.array(values, dtype=np.int64)
        except OverflowError:
            return None
    if kinds == _BOOLS:
        return np.array(values, dtype=bool)
    if float in kinds and kinds <= _NUMBERS_OR_NONE or kinds == _INTS_OR_NONE:
        return np.array([np.nan if v is None else v for v in values], dtype=np.float64)
    return None


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
