"""Tables as a reader reads them: one format for numbers, missing cells and long text."""

import math

import pandas as pd

from newstables import display


def test_numbers_have_thousands_separators_and_no_scientific_notation():
    assert display.cell(124441.0, "value") == "124,441"
    assert display.cell(3.5e6, "value") == "3,500,000"
    assert display.cell(47678.54406, "value") == "47,679"
    assert display.cell(0.333333, "value") == "0.33"


def test_positions_and_years_are_written_plain():
    assert display.cell(2022, "year") == "2022"
    assert display.cell(1234, "start") == "1234"


def test_shares_are_percentages():
    assert display.cell(0.0123, "relative_difference") == "+1.2%"
    assert display.cell(0.2, "share") == "20%"


def test_every_kind_of_missing_cell_is_shown_the_same_way():
    for value in (None, math.nan, pd.NA, pd.NaT, "", "  "):
        assert display.cell(value, "x") == display.MISSING


def test_long_text_is_shortened_at_a_word():
    text = "word " * 60
    shown = display.cell(text, "text")
    assert len(shown) <= display.MAX_TEXT and shown.endswith("…")
    assert shown[:-2].split(" ")[-1] == "word"


def test_tables_have_no_index_and_are_left_aligned():
    df = pd.DataFrame({"figure": [1, 2], "claim": ["124,441", "some 161%"]})
    lines = display.as_text(df).splitlines()
    assert lines[0].split() == ["figure", "claim"]
    assert lines[1].startswith("1 ") and "<td>" in display.as_html(df)
    assert "<th></th>" not in display.as_html(df)


def test_html_escapes_text():
    df = pd.DataFrame({"text": ["<script>alert(1)</script>"]})
    assert "<script>" not in display.as_html(df)
