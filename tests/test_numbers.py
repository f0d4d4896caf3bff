"""Quantities in any news: money, percentages, units, ranges, negatives, number words, and
what is not a quantity (numbers.py and the figures extractor that uses it)."""

from __future__ import annotations

import math

import pytest

from newstables import article_from_text
from newstables.extract.figures import extract_figures
from newstables.extract.numbers import anaphoric, change_by_to, is_score, negative_start


def quantities(text: str) -> list[tuple]:
    """(value, low, high, unit) of each figure; NaN as None."""
    frame = extract_figures(article_from_text(text))

    def clean(x):
        return None if x is None or (isinstance(x, float) and math.isnan(x)) else x

    return [(clean(v), clean(lo), clean(hi), u) for v, lo, hi, u in
            zip(frame["value"], frame["low"], frame["high"], frame["unit"], strict=True)]


def values(text: str) -> list:
    return [q[0] if q[0] is not None else (q[1], q[2]) for q in quantities(text)]


@pytest.mark.parametrize("text, value, unit", [
    ("The fund raised $3.5 billion.", 3.5e9, "USD"),
    ("The club lost £10m last season.", 1e7, "GBP"),
    ("The bank set aside €1.2bn.", 1.2e9, "EUR"),
    ("Investors pulled US$ 200 million out.", 2e8, "USD"),
    ("The deal is worth 45 million euros.", 4.5e7, "EUR"),
    ("The start-up raised ¥850 million.", 8.5e8, "JPY"),
])
def test_money_in_any_currency_style(text, value, unit):
    assert quantities(text) == [(value, None, None, unit)]


def test_percentages_and_percentage_points():
    assert quantities("Rates rose by 0.25 percentage points to 5.5%.") == [
        (0.25, None, None, "percentage points"), (5.5, None, None, "percent")]
    assert values("Inflation slowed to 3.1 per cent.") == [3.1]


@pytest.mark.parametrize("text, value, unit", [
    ("The tunnel runs 57 km under the Alps.", 57.0, "km"),
    ("Gusts reached 80 mph on the coast.", 80.0, "mph"),
    ("Police seized 1.2 tonnes of cocaine.", 1.2, "tonnes"),
    ("Some areas saw 150mm of rain.", 150.0, "mm"),
    ("Temperatures passed 40C in the south.", 40.0, "°C"),
    ("Petrol rose to 152.9p a litre.", 152.9, "pence"),
    ("The update is 2.3GB.", 2.3, "GB"),
])
def test_physical_units(text, value, unit):
    assert quantities(text) == [(value, None, None, unit)]


@pytest.mark.parametrize("text, low, high", [
    ("The firm will cut between 1,500 and 2,000 jobs.", 1500.0, 2000.0),
    ("The loan costs 7-9 percent a year.", 7.0, 9.0),
    ("Bonuses ranged from $200 to $4 million.", 200.0, 4e6),
    ("Snow depths of 30 to 50 centimetres were recorded.", 30.0, 50.0),
    ("The trial will last six to eight weeks.", 6.0, 8.0),
    ("Lows ranged from -5 to -10 degrees.", -10.0, -5.0),
])
def test_ranges_are_reported_as_low_and_high(text, low, high):
    [(value, lo, hi, _)] = quantities(text)
    assert (value, lo, hi) == (None, low, high)


def test_a_change_from_one_value_to_another_is_two_quantities():
    assert values("The league will expand from 20 to 24 teams.") == [20.0, 24.0]
    assert values("Sales grew 25% to 1.3 million units.") == [25.0, 1.3e6]


@pytest.mark.parametrize("text, value", [
    ("Temperatures fell to minus 12 degrees.", -12.0),
    ("The sample was cooled to -196 degrees.", -196.0),
    ("Lows of −7C are expected.", -7.0),
])
def test_negative_values(text, value):
    assert values(text) == [value]


@pytest.mark.parametrize("text, expected", [
    ("The chain will open two dozen new stores.", [24.0]),
    ("A million people signed the petition.", [1e6]),
    ("Half of voters said so.", [0.5]),
    ("He weighed in half a kilo under the limit.", [0.5]),
    ("Thousands of people marched.", [(2000.0, 9999.0)]),
    ("Only one in five patients responded.", [0.2]),
    ("The field was a tenth stronger than before.", [0.1]),
    ("Patients take the drug twice a day.", [2.0]),
])
def test_numbers_in_words(text, expected):
    assert values(text) == expected


def test_counts_keep_their_noun():
    frame = extract_figures(article_from_text("Officers arrested 23 people in dawn raids."))
    assert frame[["value", "counts"]].values.tolist() == [[23.0, "people arrested"]]


def test_a_large_age_of_a_thing_is_a_quantity_but_a_persons_age_is_not():
    assert values("The fossil is about 66 million years old.") == [66e6]
    assert values("The 21-year-old signed a five-year contract.") == [5.0]


@pytest.mark.parametrize("text", [
    "The two nations signed the treaty in 1994.",
    "Article 50 was triggered on 29 March 2017.",
    "Trading stopped at 10:30am on Friday.",
    "Call the helpline on 0800 123 4567.",
    "The home side won 3-1 after extra time.",
    "She finished third in the 2019 race.",
    "Olympic champion Maria Kovac, 29, retired on Friday.",
    "Three men, aged 24, 31 and 45, have been charged." .replace("Three", "The"),
    "The winger, 23, has signed for the club.",
])
def test_dates_years_times_ordinals_ages_codes_and_scores_are_not_quantities(text):
    assert quantities(text) == []


def test_number_reading_helpers():
    text = "lows of -7 and minus 12 but 10-20"
    assert negative_start(text, text.index("7"), 0) == text.index("-7")
    assert negative_start(text, text.index("12"), 0) == text.index("minus")
    assert negative_start(text, text.index("20"), 0) is None  # a range's dash
    score = "won 3-1 today"
    assert is_score(score, 4, 5, 6, 7) and not is_score("10-20", 0, 2, 3, 5)
    assert change_by_to(("rose", "by"), "to") and not change_by_to(("from",), "to")
    assert anaphoric(("the",), "words", 2.0) and not anaphoric(("the",), "number", 27.0)
