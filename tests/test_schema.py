"""schema.frame: the tables' columns, in order, with the dtypes pandas would infer."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from newstables.schema import COLUMNS, frame


def pandas_frame(table, rows):
    """What pandas infers from the same rows: the reference frame() must agree with."""
    columns = COLUMNS[table]
    if rows and not isinstance(rows[0], dict):
        rows = [dict(zip(columns, r, strict=True)) for r in rows]
    return pd.DataFrame({c: [r.get(c) for r in rows] for c in columns}, columns=columns)


def figure_rows(*changes: dict) -> list[dict]:
    """Whole figures rows (every column filled), one per change applied to a plain row."""
    base = {
        "figure": 1, "value": 124441.0, "low": 124441.0, "high": 124441.0, "unit": "people",
        "counts": "deportations", "period": "2022", "period_start": "2022-01-01",
        "period_end": "2022-12-31", "period_kind": "year", "base_start": "",
        "base_end": "", "hedge": "", "hedge_kind": "exact", "approximate": False,
        "source": "the ministry", "text": "124,441", "paragraph": 3, "start": 10, "end": 17,
    }
    return [{**base, "figure": i + 1, **change} for i, change in enumerate(changes)]


ROWS = {
    "plain": figure_rows({}, {}),
    "strings with a gap": figure_rows({"unit": "boats"}, {"unit": None}),
    "floats and integers": figure_rows({"value": 2}, {"value": 2.5}),
    "integers with a gap": figure_rows({"low": 10}, {"low": None}),
    "a NaN": figure_rows({"value": math.nan}, {"value": 3}),
    "booleans": figure_rows({"approximate": True}, {"approximate": False}),
    "booleans with a gap": figure_rows({"approximate": True}, {"approximate": None}),
    "mixed kinds": figure_rows({"value": "many"}, {"value": 3}),
    "an integer beyond 64 bits": figure_rows({"start": 2**70}),
    "only gaps": figure_rows({"source": None}, {"source": None}),
    "non-ASCII text": figure_rows({"text": "Türkiye’s “pull” — €1.2bn"}),
    "a missing column": [{"figure": 1, "unit": "people"}, {"figure": 2, "unit": None}],
}


@pytest.mark.parametrize("case", sorted(ROWS))
def test_frame_has_the_dtypes_and_values_pandas_infers(case):
    rows = ROWS[case]
    got = frame("figures", rows)
    assert list(got.columns) == COLUMNS["figures"]
    pd.testing.assert_frame_equal(got, pandas_frame("figures", rows))


def test_frame_takes_tuples_in_column_order():
    rows = [(1, "2024-01-05", "2024-01-05", "day", "5 January", "met", 2, 10, 19)]
    got = frame("events", rows)
    assert got.loc[0, "expression"] == "5 January" and got.loc[0, "end"] == 19
    pd.testing.assert_frame_equal(got, pandas_frame("events", rows))


def test_an_empty_table_keeps_its_columns():
    got = frame("quotes", [])
    assert list(got.columns) == COLUMNS["quotes"] and got.empty


def test_extracted_tables_match_pandas_inference(seed):
    """Every table of the seed, rebuilt by pandas from its own rows, is the same frame."""
    from newstables.extract.tables import extract_tables

    for name, table in extract_tables(seed).as_dict().items():
        rows = [
            {c: (None if isinstance(v, float) and math.isnan(v) and table[c].dtype != float
                 else v) for c, v in zip(table.columns, values, strict=True)}
            for values in table.astype(object).itertuples(index=False)
        ]
        pd.testing.assert_frame_equal(table, pandas_frame(name, rows), obj=name)
