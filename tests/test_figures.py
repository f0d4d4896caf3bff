"""Figures: every number an article states, its unit, what it counts, when, hedge and source."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstables import article_from_text, load_article
from newstables.extract.figures import extract_figures
from newstables.paths import SEED_ARTICLE
from newstables.schema import COLUMNS

PUBLISHED = "2023-08-09"  # a Wednesday


def figures(text: str, published: str | None = PUBLISHED) -> list[dict[str, Any]]:
    """The figures of a one-off article as plain dicts (NaN turned into None)."""
    frame = extract_figures(article_from_text(text, published=published))
    rows = frame.to_dict("records")
    for row in rows:
        for key, value in row.items():
            if isinstance(value, float) and math.isnan(value):
                row[key] = None
    return rows


def one(text: str, published: str | None = PUBLISHED) -> dict[str, Any]:
    rows = figures(text, published)
    assert len(rows) == 1, [r["text"] for r in rows]
    return rows[0]


def texts(text: str) -> list[str]:
    return [r["text"] for r in figures(text)]


# ---------------------------------------------------------------- numbers and units


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Officials counted 124,441 migrants.", "124,441", 124441.0, "count"),
        ("Arrivals rose by 161% in a year.", "161%", 161.0, "percent"),
        ("Arrivals rose by 40 per cent in a year.", "40 per cent", 40.0, "percent"),
        ("Arrivals rose by 12.5 percent in a year.", "12.5 percent", 12.5, "percent"),
        ("The rate fell 20 percentage points in a year.", "20 percentage points", 20.0,
         "percentage points"),
        ("Some 3.5 million Syrians live there.", "Some 3.5 million", 3.5e6, "count"),
        ("The scheme costs 1.2bn a decade.", "1.2bn", 1.2e9, "count"),
        ("They hired 5k staff.", "5k", 5000.0, "count"),
    ],
)
def test_digits_scale_and_percent_give_value_and_unit(
    text: str, surface: str, value: float, unit: str
) -> None:
    row = one(text)
    assert (row["text"], row["value"], row["unit"]) == (surface, value, unit)


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("The deal is worth £3m to Kent.", "£3m", 3e6, "GBP"),
        ("The deal is worth £3 million to Kent.", "£3 million", 3e6, "GBP"),
        ("Washington gave $3.8 million to Kent.", "$3.8 million", 3.8e6, "USD"),
        ("Brussels gave €10 million to Kent.", "€10 million", 1e7, "EUR"),
        ("Brussels gave US$240 million to Kent.", "US$240 million", 2.4e8, "USD"),
        ("The fine is 3 million pounds.", "3 million pounds", 3e6, "GBP"),
        ("Smugglers charge 5,000 euros a head.", "5,000 euros", 5000.0, "EUR"),
    ],
)
def test_money_is_in_units_of_its_currency(
    text: str, surface: str, value: float, unit: str
) -> None:
    row = one(text)
    assert (row["text"], row["value"], row["unit"]) == (surface, value, unit)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Fifty migrants arrived.", "Fifty", 50.0),
        ("Police held fifteen men.", "fifteen", 15.0),
        ("Police held twenty-five men.", "twenty-five", 25.0),
        ("Police held two hundred men.", "two hundred", 200.0),
        ("Police held one hundred and fifty thousand men.", "one hundred and fifty thousand",
         150000.0),
        ("Police held a dozen men.", "a dozen", 12.0),
        ("Police held half a million men.", "half a million", 500000.0),
        ("Police held two million men.", "two million", 2e6),
    ],
)
def test_number_words_give_their_value(text: str, surface: str, value: float) -> None:
    row = one(text)
    assert (row["text"], row["value"]) == (surface, value)


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("Thousands of people cross each year.", "Thousands", 2000.0, 9999.0),
        ("Hundreds of people cross each year.", "Hundreds", 200.0, 999.0),
        ("Dozens of people cross each year.", "Dozens", 24.0, 99.0),
        ("Tens of thousands of people cross.", "Tens of thousands", 20000.0, 99999.0),
        ("Hundreds of thousands of people cross.", "Hundreds of thousands", 200000.0, 999999.0),
        ("Millions of people cross.", "Millions", 2e6, 9999999.0),
    ],
)
def test_word_quantities_have_no_value_but_a_range(
    text: str, surface: str, low: float, high: float
) -> None:
    row = one(text)
    assert (row["text"], row["value"], row["low"], row["high"]) == (surface, None, low, high)
    assert row["approximate"] is True


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("A third of the migrants were children.", "A third", 1 / 3),
        ("Half of the migrants were children.", "Half", 0.5),
        ("Three quarters of the migrants were men.", "Three quarters", 0.75),
        ("Nearly two-thirds of the boats sank.", "Nearly two-thirds", 2 / 3),
        ("One in five migrants was a child.", "One in five", 0.2),
        ("Arrivals were cut by half.", "half", 0.5),
    ],
)
def test_fractions_and_one_in_n_are_shares(text: str, surface: str, value: float) -> None:
    row = one(text)
    assert row["text"] == surface
    assert row["value"] == pytest.approx(value)
    assert row["unit"] == "share"


def test_a_third_country_and_the_first_half_are_not_fractions() -> None:
    assert texts("They were sent to a third country in the first half of 2022.") == []


def test_a_value_over_ten_digits_long_stays_finite() -> None:
    rows = figures("It holds " + "9" * 400 + " records and 12 boats.")
    assert all(r["value"] is None or math.isfinite(r["value"]) for r in rows)
    assert "12" in [r["text"] for r in rows]


# ---------------------------------------------------------------- hedges and ranges


@pytest.mark.parametrize(
    "hedge",
    ["around", "about", "some", "nearly", "almost", "more than", "over", "at least", "up to",
     "fewer than", "less than", "roughly", "approximately", "an estimated", "close to",
     "just under", "just over"],
)
def test_hedge_joins_the_span_and_marks_the_figure_approximate(hedge: str) -> None:
    row = one(f"Officials said {hedge} 500 people arrived.")
    assert row["text"] == f"{hedge} 500"
    assert (row["hedge"], row["approximate"], row["value"]) == (hedge, True, 500.0)
    assert row["low"] is None and row["high"] is None


def test_trailing_hedge_joins_the_span() -> None:
    row = one("Officials said 45,000 or so people arrived.")
    assert (row["text"], row["hedge"], row["approximate"]) == ("45,000 or so", "or so", True)


@pytest.mark.parametrize("verb", ["topped", "exceeded", "surpassed"])
def test_a_verb_that_sets_a_floor_is_a_lower_bound_and_keeps_its_subject(verb: str) -> None:
    row = one(f"Crossings {verb} 30,000 in 2023.")
    assert (row["text"], row["hedge_kind"], row["counts"]) == (
        f"{verb} 30,000", "lower_bound", "Crossings")


def test_exactly_is_a_hedge_but_not_approximate() -> None:
    row = one("Exactly 200 people arrived.")
    assert (row["hedge"], row["approximate"]) == ("exactly", False)


def test_unhedged_figure_is_not_approximate() -> None:
    row = one("Officials said 500 people arrived.")
    assert (row["hedge"], row["approximate"]) == (None, False)


@pytest.mark.parametrize(
    ("text", "surface", "low", "high", "unit"),
    [
        ("It held between 500 and 600 people.", "between 500 and 600", 500.0, 600.0, "count"),
        ("It held 500-600 people.", "500-600", 500.0, 600.0, "count"),
        ("It held 500 to 600 people.", "500 to 600", 500.0, 600.0, "count"),
        ("It cut costs from 10 to 20 percent.", "from 10 to 20 percent", 10.0, 20.0, "percent"),
        ("It held between 3 and 4 million people.", "between 3 and 4 million", 3e6, 4e6,
         "count"),
        ("It cost £3m-£4m.", "£3m-£4m", 3e6, 4e6, "GBP"),
        ("Two or three boats sank.", "Two or three", 2.0, 3.0, "count"),
    ],
)
def test_ranges_have_no_value_and_give_low_and_high(
    text: str, surface: str, low: float, high: float, unit: str
) -> None:
    row = one(text)
    assert (row["text"], row["value"], row["low"], row["high"], row["unit"]) == (
        surface, None, low, high, unit
    )


def test_a_change_from_one_number_to_another_is_two_figures_not_a_range() -> None:
    rows = figures("The share rose from 10 to 20 percent.")
    assert [(r["text"], r["value"], r["unit"]) for r in rows] == [
        ("10", 10.0, "percent"), ("20 percent", 20.0, "percent")
    ]


def test_a_change_verb_with_its_object_before_from_to_gives_two_figures() -> None:
    rows = figures("The plan will increase the number of night buses on the route from 12 to 30.")
    assert [(r["text"], r["value"], r["low"]) for r in rows] == [
        ("12", 12.0, None), ("30", 30.0, None)
    ]
    # without a change verb and a count it is a range
    for text in ("Fares on the night buses on the route run from 12 to 30 euros.",
                 "The council will expand the scheme for young people aged from 12 to 30.",
                 "Police will increase the patrols in towns with populations from 12 to 30."):
        [row] = figures(text)
        assert (row["low"], row["high"]) == (12.0, 30.0), text


def test_base_after_up_from_takes_the_unit_of_its_figure() -> None:
    rows = figures("The average stay was 28 days, up from 21.")
    assert [(r["value"], r["unit"]) for r in rows] == [(28.0, "days"), (21.0, "days")]


# ---------------------------------------------------------------- not figures


@pytest.mark.parametrize(
    "text",
    [
        "In 2016 and since 2021 the policy changed.",
        "The deal was signed on 9 August 2023 and again on Aug. 9, 2023.",
        "It was published on 2023-08-09 and updated on 9/8/2023.",
        "The meeting began at 10 a.m. and ended at 14:00.",
        "12.45 GMT: the Home Office confirmed the total; at 10.02 BST the minister spoke.",
        "The 2015-16 crisis and the 1990s were different.",
        "A 34-year-old man and a woman aged 18-65 were held.",
        "Maureen Clegg, 71, said it was wrong.",
        "Article 31 of the Convention, Rule 39 and Section 3 apply.",
        "Regulation 604/2013 governs the transfers.",
        "(Adds quotes from the Refugee Council in paragraphs 8-10 and on pages 12 and 13)",
        "UPDATE 2-Migrant Channel crossings to Britain rose in 2024",
        "The House passed HR 3421 on Tuesday; the plant meets ISO 9001.",
        "COVID-19 hit the G7 countries and 5G masts.",
        "Call 0800 123 4567 or +44 20 7946 0000 now.",
        "It was the third attempt and the 2nd boat this week.",
        "No one was hurt and one of the boats sank.",
        "He met the Five Eyes partners at No 10.",
        "The first quarter of 2024 and the Q3 2023 report.",
        "Over the past five years, and in the year to June, it changed.",
    ],
)
def test_years_dates_times_ages_labels_and_ordinals_are_not_figures(text: str) -> None:
    assert texts(text) == []


def test_an_upper_case_word_before_a_count_is_not_taken_for_a_code() -> None:
    got = texts("They paid USD 300 each. The IOM 300 deaths were recorded. "
                "POLICE ARREST 12 MIGRANTS AT DOVER. The SNP 48, Labour 37.")
    assert got == ["USD 300", "300", "12", "48", "37"]
    got = texts("Last year in the UK 700 were arrested. Arrivals: Italy 1,200, Spain 800, UK 300."
                " Seats: SNP 48, LD 11. Last week 2,000 crossed.")
    assert got == ["700", "1,200", "800", "300", "48", "11", "2,000"]


def test_list_numbering_is_not_a_figure() -> None:
    assert texts("1. £50m for the agency\n2) £20m for beds") == ["£50m", "£20m"]


def test_one_counts_only_as_a_share_scale_or_range() -> None:
    got = texts("One MP said one in five boats, one million people and one or two ships.")
    assert got == ["one in five", "one million", "one or two"]


def test_year_with_a_hedge_is_a_figure() -> None:
    assert one("Some 2000 people attended.")["value"] == 2000.0


def test_the_two_nations_is_not_a_statistic() -> None:
    # a small number word after "the" refers back to things already named
    assert extract_figures(article_from_text("It brings the two nations closer.")).empty
    assert one("It brings two countries closer.")["value"] == 2.0
    assert one("The 27 member states agreed.")["value"] == 27.0


# ---------------------------------------------------------------- what is counted


def test_counts_is_the_noun_phrase_after_the_number() -> None:
    assert one("There were 124,441 irregular migrants last year.")["counts"] == (
        "irregular migrants"
    )


def test_counts_adds_the_verb_when_the_number_is_its_object() -> None:
    assert one("Türkiye deported 124,441 irregular migrants.")["counts"] == (
        "irregular migrants deported"
    )


def test_counts_adds_the_participle_of_a_passive() -> None:
    assert one("In all, 236,572 irregular migrants were caught.")["counts"] == (
        "irregular migrants caught"
    )


def test_counts_does_not_take_the_verb_after_a_subject() -> None:
    assert one("On Monday, 15 asylum seekers boarded the barge.")["counts"] == "asylum seekers"


def test_bare_number_takes_the_noun_of_an_earlier_subject_figure() -> None:
    rows = figures("On Monday, 15 asylum seekers boarded a barge that can house up to 500 "
                   "single men. Around 50 had been expected, but some 20 won reprieves.")
    assert [r["counts"] for r in rows] == [
        "asylum seekers", "single men", "asylum seekers", "asylum seekers"
    ]


def test_percentage_change_counts_what_changed() -> None:
    rows = figures("Türkiye deported 124,441 irregular migrants, up by some 161% on 2021.")
    assert rows[1]["counts"] == "irregular migrants deported"


def test_percentage_of_counts_the_noun_after_of() -> None:
    assert one("About 40% of asylum claims were granted.")["counts"] == "asylum claims"


def test_counts_from_the_number_of_phrase() -> None:
    row = one("That brought the number of irregular migrants deported since 2016 to 449,326.")
    assert row["counts"] == "irregular migrants deported"


def test_counts_from_the_subject_of_a_level_verb() -> None:
    assert one("The grant rate at initial decision was 53%.")["counts"] == (
        "grant rate at initial decision"
    )


def test_a_change_counts_a_long_subject_and_its_level_counts_the_same() -> None:
    rows = figures("Detections on the Central Mediterranean route dropped by more than half "
                   "to 66,855.")
    assert [r["counts"] for r in rows] == ["Detections on the Central Mediterranean route"] * 2


@pytest.mark.parametrize(("text", "counts"), [
    # a noun with "up" or "down" after it, and the level "to" after the change
    ("The Central Mediterranean route saw the steepest decline, with detections down 59% to "
     "just under 67,000.", ["detections", "detections"]),
    # the subject before a comma and "to"
    ("Crossings at the EU's eastern land borders almost tripled last year, to 17,260, driven "
     "by arrivals from Belarus.", ["Crossings at the EU's eastern land borders"] * 2),
])
def test_a_level_after_a_change_counts_what_changed(text, counts) -> None:
    assert [r["counts"] for r in figures(text)] == counts


def test_a_bare_total_counts_what_the_sentences_subject_counts_not_a_phrase_aside() -> None:
    rows = figures("The 755 arrivals, in 14 boats, took the total for the year to more than "
                   "15,800.")
    assert [r["counts"] for r in rows] == ["arrivals", "boats", "arrivals"]


def test_a_change_seen_by_a_place_counts_the_noun_between() -> None:
    rows = figures("The Central Mediterranean saw detections drop by more than half, to 66,855.")
    assert [r["counts"] for r in rows] == ["detections", "detections"]
    # "see a tax cut of": the change word is a noun, and the figure's own
    rows = figures("The top 1 percent would see an average tax cut of $275,000.")
    assert rows[-1]["text"] == "$275,000" and rows[-1]["counts"] is None


@pytest.mark.parametrize(("text", "counts"), [
    ("The scheme has cost £1.2bn so far.", "scheme"),
    ("The Rwanda deal will cost £3m.", "Rwanda deal"),
    ("Crossings could reach 50,000 this year.", "Crossings"),
])
def test_money_and_counts_from_the_subject_of_a_cost_or_a_modal_level_verb(text, counts):
    assert one(text)["counts"] == counts


def test_word_quantity_counts_the_noun_after_of() -> None:
    assert one("Thousands of people cross every year.")["counts"] == "people"


def test_money_counts_what_it_pays_for() -> None:
    assert one("The Home Secretary announced a £75 million package.")["counts"] == "package"


def test_share_of_them_counts_what_the_figure_before_counts() -> None:
    rows = figures("There were 1.2 million migrants, 45% of them Syrians.")
    assert [r["counts"] for r in rows] == ["migrants", "migrants"]


def test_the_base_of_a_rate_is_not_a_figure() -> None:
    assert texts("There were 12 deaths per 100,000 people.") == ["12"]


def test_a_span_named_again_is_not_a_figure() -> None:
    assert texts("Some 13,397 people arrived in July to September 2023, compared with 20,301 in "
                 "the same three months of 2022.") == ["Some 13,397", "20,301"]
    assert texts("It was the same 400 people who were moved in 2023.") == ["400"]


def test_a_change_since_a_month_is_against_that_month() -> None:
    row = one("The number waiting for a decision has fallen 27% since December.", "2025-08-30")
    assert (row["base_start"], row["base_end"]) == ("2024-12-01", "2024-12-31")


def test_offsets_hold_after_a_dotted_capital_i() -> None:
    text = "İstanbul hosts İİİ 500 refugees."
    row = one(text)
    assert (row["text"], row["start"]) == ("500", text.index("500"))


# ---------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Some 45,700 people crossed last year.", "2022"),
        ("Some 45,700 people crossed this year.", "2023"),
        ("Some 45,700 people crossed last month.", "2023-07"),
        ("Some 45,700 people crossed in 2021.", "2021"),
        ("Some 45,700 people crossed since 2016.", "2016/2023"),
        ("Some 45,700 people crossed since January 2023.", "2023-01/2023-08"),
        ("Some 45,700 people crossed in January.", "2023-01"),
        ("Some 45,700 people crossed in the year to June 2023.", "2022-07/2023-06"),
        ("Some 8,054 people crossed in the three months to June.", "2023-04/2023-06"),
        ("Some 8,054 people crossed in the quarter to June.", "2023-04/2023-06"),
        ("Some 11,000 people crossed last summer.", "2022-06/2022-08"),
        ("Some 36,816 people crossed over the past year.", "past 12 months"),
        ("Some 5,000 people crossed in the first week of August.", "2023-08-01/2023-08-07"),
        ("Some 5,000 people crossed in the last week of July.", "2023-07-25/2023-07-31"),
        ("Some 8,054 people crossed in the 6 months to June 2023.", "2023-01/2023-06"),
        ("Some 45,700 people crossed in the second quarter of 2023.", "2023-Q2"),
        ("Some 45,700 people crossed in the first half of 2023.", "2023-H1"),
        ("Some 45,700 people crossed on Monday.", "2023-08-07"),
        ("Some 45,700 people crossed on 9 August.", "2023-08-09"),
        ("Some 45,700 people cross every year.", "per year"),
        ("Some 45,700 people crossed between 2015 and 2020.", "2015/2020"),
        ("Some 45,700 people crossed over the past five years.", "past five years"),
    ],
)
def test_period_resolves_against_the_publication_date(text: str, period: str) -> None:
    assert one(text)["period"] == period


def test_hyphenated_rate_is_the_period() -> None:
    assert one("Hotels cost £8 million-a-day.")["period"] == "per day"


def test_lower_case_may_is_not_a_month() -> None:
    assert one("Some 500 people may cross in may.")["period"] is None


def test_relative_period_is_kept_as_written_without_a_publication_date() -> None:
    assert one("Some 45,700 people crossed last year.", published=None)["period"] == "last year"


def test_comparison_base_is_not_the_period() -> None:
    rows = figures("Deportations rose 161% compared with 2021, and 30% more than last year.")
    assert [r["period"] for r in rows] == [None, None]


def test_report_date_is_not_the_period() -> None:
    row = one("Türkiye deported 124,441 migrants, the ministry announced in January.")
    assert row["period"] is None


def test_each_figure_takes_the_period_of_its_own_clause() -> None:
    rows = figures("More than 45,700 people crossed last year, and over 15,000 have crossed "
                   "since January 2023.")
    assert [r["period"] for r in rows] == ["2022", "2023-01/2023-08"]


def test_a_month_without_a_year_takes_the_year_its_sentence_writes() -> None:
    rows = figures("In 2022, 45,755 people crossed, and 3,000 crossed in June.",
                   published="2025-03-01")
    assert [r["period"] for r in rows] == ["2022", "2022-06"]
    # no year written before it: the latest June on or before publication
    assert one("About 4,000 people crossed in June.", "2025-03-01")["period"] == "2024-06"
    # a span ("since 2018") gives no year
    rows = figures("Arrivals rose since 2018, and 5,000 crossed in June.", published="2025-03-01")
    assert rows[-1]["period"] == "2024-06"


@pytest.mark.parametrize(("text", "period"), [
    ("On 8 August, 500 people crossed.", "2024-08-08"),  # not after publication
    ("On 1 March, 500 people crossed.", "2025-03-01"),
    ("In 2023, on 8 August, 500 people crossed.", "2023-08-08"),
    ("Between January and June, 5,000 people crossed.", "2024-01/2024-06"),  # one year
    ("Between November and February, 5,000 people crossed.", "2024-11/2025-02"),
    ("In 2022, between January and June, 5,000 people crossed.", "2022-01/2022-06"),
    # in a clause that speaks of the future: the next one not over at publication
    ("The first 200 migrants will be flown to Rwanda on 8 August.", "2025-08-08"),
    ("The scheme will start in January, with 300 places.", "2026-01"),
])
def test_a_day_or_months_without_a_year_look_back_or_take_the_sentences_year(text, period):
    assert one(text, "2025-03-01")["period"] == period


@pytest.mark.parametrize(("text", "period"), [
    # a range of months needs no "from": "(October to December 2023)", "Oct-Dec 2023"
    ("In July to September 2023, 13,397 people arrived by small boat.", "2023-07/2023-09"),
    ("In Oct-Dec 2023, 4,607 people arrived by small boat.", "2023-10/2023-12"),
    # in brackets after the same dates, it spells them out: the quarter stays
    ("In the fourth quarter (October to December 2023), 4,607 people arrived by small boat.",
     "2023-Q4"),
    ("Arrivals in the third quarter of 2023 (July to September) totalled 13,397.", "2023-Q3"),
    # two months with "and" are no range without "between"
    ("In October and December 2023, 4,607 people arrived by small boat.", "2023-12"),
])
def test_a_range_of_months_without_from_is_its_months(text, period):
    assert one(text, "2024-02-29")["period"] == period


@pytest.mark.parametrize(("text", "period", "start", "end"), [
    # months "of the year" not over at publication are the year before's
    ("Türkiye deported more than 109,000 migrants in the first eleven months of the year.",
     "2024-01/2024-11", "2024-01-01", "2024-11-30"),
    ("Some 5,000 people crossed in the first nine months of the year.", "2024-01/2024-09",
     "2024-01-01", "2024-09-30"),
    ("In 2022, 5,000 people crossed in the first half of the year.", "2022-H1", "2022-01-01",
     "2022-06-30"),
    ("Some 5,000 people crossed in the first quarter.", "2025-Q1", "2025-01-01", "2025-03-31"),
    # so far, the present perfect, or a span mostly over at publication: this year's
    ("Some 5,000 people have crossed so far in the second quarter.", "2025-Q2", "2025-04-01",
     "2025-04-15"),
    ("Some 9,000 people crossed in the first four months of the year.", "2025-01/2025-04",
     "2025-01-01", "2025-04-15"),
    # the present perfect after a decimal point is still the clause's
    ("In the second quarter, 2.5 thousand people have crossed.", "2025-Q2", "2025-04-01",
     "2025-04-15"),
    # "the last" with no year is counted back from publication, as "the past" is
    ("Some 5,000 people crossed over the last 11 months.", "last 11 months", "2024-05-16",
     "2025-04-15"),
    ("Some 5,000 people crossed in the last quarter.", "2025-Q1", "2025-01-01", "2025-03-31"),
    ("Some 5,000 people crossed in the last quarter of the year.", "2024-Q4", "2024-10-01",
     "2024-12-31"),
])
def test_quarters_halves_and_months_without_a_year_are_ones_over_at_publication(
        text, period, start, end) -> None:
    row = one(text, "2025-04-15")
    assert (row["period"], row["period_start"], row["period_end"]) == (period, start, end)


@pytest.mark.parametrize(("text", "period"), [
    ("The backlog peaked at 175,457 in mid-2023.", "2023-05/2023-08"),
    ("In early 2023, the backlog was 160,000.", "2023-01/2023-04"),
    ("The backlog was 130,000 in late 2023.", "2023-09/2023-12"),
    ("The backlog was 170,000 in the middle of 2023.", "2023-05/2023-08"),
    ("Some 29,437 people crossed from early 2023 to late 2023.", "2023-01/2023-12"),
    ("Some 29,437 people crossed from early to late 2023.", "2023-01/2023-12"),
    ("Some 15,000 people crossed in early to mid-2023.", "2023-01/2023-08"),
    # which month is not said: no period
    ("Some 5,000 people crossed in the year to mid-2023.", None),
    ("The backlog has fallen to 90,000 since mid-2023.", None),
    ("Losses in the mid-1990s were nearly $1 billion.", None),
])
def test_early_mid_and_late_in_a_year_are_four_of_its_months(text, period) -> None:
    assert one(text, "2025-02-27")["period"] == period


def test_the_period_of_a_changes_base_is_not_the_new_values() -> None:
    rows = figures("The number of Turks crossing almost tripled from 1,127 in 2022 to 3,040.",
                   published="2025-01-15")
    assert [(r["value"], r["period"]) for r in rows] == [(3, None), (1127, "2022"), (3040, None)]
    # a period for both still applies to both; "from" without a figure dates no base
    rows = figures("In 2023, numbers rose from 1,127 in 2022 to 3,040.", published="2025-01-15")
    assert [r["period"] for r in rows] == ["2022", "2023"]
    row = one("Emissions from power plants are to fall by 2030 to 32 percent below 2005 levels.")
    assert row["period"] == "2030"


def test_a_decade_is_no_year() -> None:
    row = one("Some 5,000 people crossed in small boats in the 2010s.", "2023-08-22")
    assert (row["period"], row["period_start"]) == (None, None)


@pytest.mark.parametrize(("text", "period"), [
    ("About 2.1 million migrants were apprehended in the 2024 fiscal year.", "2024 fiscal year"),
    ("About 2.1 million migrants were apprehended in fiscal year 2024.", "fiscal year 2024"),
    ("The Home Office spent £4.7bn on asylum in the 2023-24 financial year.",
     "2023-24 financial year"),
    ("The Home Office spent £4.7bn on asylum in 2023/24.", "2023/24"),
])
def test_a_split_or_fiscal_year_is_kept_as_written_without_dates(text, period) -> None:
    row = one(text, "2025-01-20")
    assert (row["period"], row["period_start"], row["period_end"]) == (period, None, None)


def test_before_or_after_a_year_is_no_span_of_dates() -> None:
    row = one("Before 2018, 5,000 people crossed.", "2025-03-01")
    assert (row["period"], row["period_start"], row["period_end"]) == ("before 2018", None, None)
    # nor does it give a later bare month its year, or a month count what a level counts
    row = one("Arrivals rose steadily after 2018, and in June reached 5,000.", "2025-03-01")
    assert (row["period"], row["counts"]) == ("2024-06", None)


@pytest.mark.parametrize(("text", "period"), [
    ("The legacy backlog of 92,601 asylum claims made before 28 June 2022 was cleared.",
     "before 28 june 2022"),
    ("Claims made after 7 March 2023, some 55,000 in all, are inadmissible.",
     "after 7 march 2023"),
    ("Before June 2022, 12,000 people had crossed.", "before june 2022"),
    ("All 4,300 cases lodged prior to 2023-01-01 were decided.", "prior to 2023-01-01"),
])
def test_a_date_after_before_or_after_is_a_cut_off_not_the_figures_date(text, period) -> None:
    row = one(text, "2024-01-05")
    assert (row["period"], row["period_start"], row["period_end"]) == (period, None, None)


def test_a_date_the_figure_is_counted_on_or_by_stays_its_date() -> None:
    assert one("The backlog stood at 92,601 claims on 28 June 2022.")["period"] == "2022-06-28"
    assert one("By 28 June 2022, 12,000 people had crossed.")["period"] == "2022-06-28"


@pytest.mark.parametrize("text", [
    "Small boat arrivals rose 25% last year, as returns fell from 20,000 in 2021 to 18,000 in"
    " 2022.",
    "Small boat arrivals rose 25% last year, and returns reached 18,000, down on the 20,000"
    " recorded in 2021.",
    "Small boat arrivals rose 25% last year, and returns reached 18,000, compared with 20,000"
    " in 2021.",
])
def test_a_base_or_end_counts_what_the_figure_it_is_paired_with_counts(text) -> None:
    # not what the sentence's first clause counts
    counts = extract_figures(article_from_text(text, published="2024-09-05"))["counts"]
    assert counts.tolist() == ["Small boat arrivals", "returns", "returns"]


def test_failed_asylum_seekers_are_one_noun_phrase() -> None:
    text = "Returns of failed asylum seekers stood at 18,000 last year."
    assert one(text, "2024-09-05")["counts"] == "Returns of failed asylum seekers"


@pytest.mark.parametrize(("text", "periods"), [
    ("There were 29,437 arrivals in 2023, 36% fewer than in 2022 (45,774).",
     ["2023", "2023", "2022"]),
    ("Yet the figure for 2023 was higher than in 2021, when 28,526 people crossed.", ["2021"]),
    ("In 2022, there were 81,130 asylum applications, more than double the number in 2019,"
     " which was 35,737.", ["2022", "2019"]),
    ("In the first quarter of 2023, 3,793 people crossed, 17% fewer than in the same quarter"
     " of 2022 (4,548).", ["2023-Q1", "2023-Q1", "2022-Q1"]),
    ("In the first quarter of 2023, 3,793 people crossed, 17% fewer than in the same period of"
     " 2022, when 4,548 crossed.", ["2023-Q1", "2023-Q1", "2022-Q1"]),
])
def test_a_comparisons_base_dates_the_figure_given_with_it(text, periods) -> None:
    # in brackets or a 'when' clause right after it; "double the number in 2019" is a base
    figures = extract_figures(article_from_text(text, published="2024-02-29"))
    assert figures["period"].tolist() == periods


def test_a_second_thing_reported_is_not_dated_by_the_first_things_year() -> None:
    text = ("She said there had been 48,540 asylum applications in 2021, and that the backlog"
            " had reached 89,344 by the end of March.")
    figures = extract_figures(article_from_text(text, published="2022-06-07"))
    assert figures["period"].tolist() == ["2021", "2022-03"]
    text = ("He said Turkey deported 124,441 migrants in 2022, and that 46,633 had been deported"
            " by June.")
    figures = extract_figures(article_from_text(text, published="2023-11-10"))
    assert figures["period"].tolist() == ["2022", "2023-06"]
    # one thing reported, or a month within the first thing's year: in the sentence's year
    text = "In 2023, 29,437 people crossed, and in June alone 3,824 did."
    figures = extract_figures(article_from_text(text, published="2024-09-07"))
    assert figures["period"].tolist() == ["2023", "2023-06"]
    text = ("The report said 45,774 people crossed in 2022, and that numbers peaked in August, at"
            " 8,631.")
    figures = extract_figures(article_from_text(text, published="2025-03-01"))
    assert figures["period"].tolist() == ["2022", "2022-08"]


def test_a_year_that_owns_another_thing_is_not_the_figures_period() -> None:
    text = ("The figure takes small boat arrivals so far this year to more than 25,000,"
            " smashing last year's pace.")
    assert one(text, "2022-09-01")["period"] == "2022"
    text = "In this poll, Trump rose 1 percentage point since Monday's debate."
    # (the rise is over the days since Monday's debate, to publication)
    assert one(text, "2016-09-30")["period"] == "2016-09-26/2016-09-30"


def test_the_day_of_a_part_of_a_figure_is_not_the_figures() -> None:
    text = ("It follows a busy week in which almost 1,300 people crossed the Channel,"
            " including 444 on Wednesday.")
    figures = extract_figures(article_from_text(text, published="2023-08-21"))
    assert figures["period_start"].isna().tolist() == [True, False]
    assert figures["period_start"].iloc[1] == "2023-08-16"


def test_a_month_a_when_clause_follows_dates_its_figure() -> None:
    text = "The busiest month last year was August, when 5,369 people crossed."
    assert one(text, "2024-09-02")["period"] == "2023-08"


def test_a_month_that_is_the_subject_dates_the_figure_not_a_records_reach() -> None:
    text = "September was the busiest month of the year so far, with 4,192 small boat arrivals."
    assert one(text, "2024-10-01")["period"] == "2024-09"


@pytest.mark.parametrize(("text", "start"), [
    ("Some 3,823 people, including 600 children, crossed the Channel in June 2023.",
     "2023-06-01"),
    ("Türkiye deported 124,441 irregular migrants, including 66,534 Afghans, in 2022.",
     "2022-01-01"),
    ("Small boat arrivals fell to 29,437, 2023's official figures show.", "2023-01-01"),
])
def test_a_part_closed_by_a_comma_or_a_years_own_figures_leave_the_period_the_figures(
        text, start) -> None:
    figures = extract_figures(article_from_text(text, published="2024-09-01"))
    assert figures["period_start"].iloc[0] == start


def test_the_previous_year_after_a_bases_counted_words_is_its_period() -> None:
    text = "Arrivals reached 36,816 in 2024, up from 29,437 crossings the previous year."
    figures = extract_figures(article_from_text(text, published="2025-02-01"))
    assert figures["period"].tolist() == ["2024", "2023"]


@pytest.mark.parametrize(("text", "periods"), [
    ("By the end of May the backlog had been reduced to 130,000.", ["2023-05"]),
    ("By the end of May, 1,664 people had crossed the Channel that month.", ["2023-05"]),
    ("By the end of May, 7,610 people had crossed the Channel.", ["2023-01/2023-05"]),
    # a month alone dates only its own 'when' clause
    ("It was August, when 5,369 crossed, that ministers began to worry; in total 20,101 had"
     " crossed by then.", ["2023-08", None]),
])
def test_a_running_total_by_a_months_end_and_a_when_clauses_month(text, periods) -> None:
    figures = extract_figures(article_from_text(text, published="2023-09-01"))
    assert [p if isinstance(p, str) else None for p in figures["period"]] == periods


def test_period_before_the_figure_applies_when_none_follows() -> None:
    assert one("In 2022, 280,206 migrants were denied entry.")["period"] == "2022"


# ---------------------------------------------------------------- sources


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Some 45,700 people crossed, according to Home Office figures.", "Home Office"),
        ("Türkiye deported 124,441 migrants, the Interior Ministry announced.",
         "Interior Ministry"),
        ("Data from the Office for National Statistics show 1,200 deaths.",
         "Office for National Statistics"),
        ("Some 45,700 people crossed, said the UN refugee agency.", "UN refugee agency"),
        ("Some 45,700 people crossed, the ministry said.", "ministry"),
        ("Turkish authorities said they caught 13,020 smugglers.", "Turkish authorities"),
        ("Greek officials said 4,000 people arrived in June.", "Greek officials"),
        ("According to Italian authorities, 4,000 people arrived.", "Italian authorities"),
    ],
)
def test_source_is_who_the_sentence_attributes_the_figure_to(text: str, source: str) -> None:
    assert one(text)["source"] == source


def sources(text: str) -> list[str]:
    """The figures' sources of a one-off article, its quotes found (``extract_tables``)."""
    from newstables.extract.tables import extract_tables

    figures = extract_tables(article_from_text(text, published=PUBLISHED)).figures
    return figures["source"].fillna("").tolist()


@pytest.mark.parametrize(("text", "expected"), [
    # inside a quote: the speaker's, unless the figure's own words name a source
    ("Minister defends plan\n\nSpeaking on Sunday, the minister, Robert Jenrick, said: "
     "“Crossings are down by a third this year. Some 45,700 people crossed in 2022, according "
     "to Home Office figures.”\n\nAbout 20 boats arrived on Monday.",
     ["Robert Jenrick", "Home Office", ""]),
    # "she claimed" after it, or "She said" opening its sentence; not "she wants"
    ("Minister questioned\n\nThe home secretary, Jane Doe, spoke to MPs on Tuesday. Some "
     "50,000 people crossed last year, she claimed. She said 3,000 more were stopped at sea."
     "\n\nAbout 20 boats arrived on Monday, and she wants 500 more officers.",
     ["Jane Doe", "Jane Doe", "", ""]),
])
def test_a_figure_someone_is_quoted_or_said_to_give_is_theirs(text, expected) -> None:
    assert sources(text) == expected


@pytest.mark.parametrize(("text", "value"), [
    ("About 1\u00a0000 people crossed.", 1000),  # no-break space
    ("Some 12\u202f000 migrants arrived.", 12000),  # narrow no-break space
    ("In 2023 2,000 people crossed.", 2000),  # a plain space joins no digits
])
def test_thousands_set_off_by_typeset_spaces_are_one_number(text, value):
    assert one(text)["value"] == value


def test_source_is_none_without_attribution() -> None:
    assert one("Some 45,700 people crossed.")["source"] is None


# ---------------------------------------------------------------- the table


def test_table_has_the_schema_columns_and_rows_numbered_in_text_order() -> None:
    frame = extract_figures(article_from_text("Five boats.\nAbout 20 people and 3% more."))
    assert list(frame.columns) == COLUMNS["figures"]
    assert frame["figure"].tolist() == [1, 2, 3]
    assert frame["start"].is_monotonic_increasing
    assert frame["paragraph"].tolist() == [1, 2, 2]


def test_article_without_numbers_gives_an_empty_table_with_the_columns() -> None:
    frame = extract_figures(article_from_text("No numbers here at all."))
    assert frame.empty and list(frame.columns) == COLUMNS["figures"]


def test_every_number_of_the_seed_comes_out_with_its_value() -> None:
    article = load_article(SEED_ARTICLE, published=PUBLISHED)
    frame = extract_figures(article)
    values = sorted(v for v in frame["value"].tolist() if not math.isnan(v))
    # "the two nations" names the parties, it is not a statistic.
    assert values == sorted([124441.0, 58758.0, 161.0, 15.0, 50.0, 20.0])
    ranges = frame[frame["value"].isna()][["low", "high"]].values.tolist()
    assert ranges == [[200.0, 999.0], [2000.0, 9999.0]]  # "hundreds", "thousands"
    for row in frame.itertuples():
        assert article.text[row.start : row.end] == row.text


@pytest.mark.parametrize("published", [None, "0001-01-01", "9999-12-31"])
def test_relative_periods_at_the_ends_of_the_calendar_do_not_raise(published: str | None) -> None:
    rows = figures("Some 500 people crossed last week, 20 yesterday and 30 on Monday; "
                   "40 since last year and 50 this month.", published=published)
    assert [r["value"] for r in rows] == [500.0, 20.0, 30.0, 40.0, 50.0]


def test_output_is_deterministic() -> None:
    article = load_article(SEED_ARTICLE, published=PUBLISHED)
    assert extract_figures(article).equals(extract_figures(article))


# ---------------------------------------------------------------- never raises

_ODD = st.sampled_from(
    ["“", "”", "‘", "’", "'", '"', "£", "$", "€", "%", "-", "–", " ", "\n", ",", ".", "İ",
     "ß", "٣", "½", "between", "and", "to", "one in", "half", "a third", "since", "last year",
     "million", "per cent", "some", "more than", "January", "Monday", "aged", "No", "9" * 30,
     "the year to", "Q1", "first half of", "per", "of them", "up from", "rose by", "(", ")",
     "said", "according to", "Home Office", "thousands of", "a dozen", "one or two", "2022-23"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_ODD, st.text(max_size=12), st.integers(0, 10**12).map(str)),
                min_size=1, max_size=30))
def test_any_text_never_raises_and_every_span_reproduces_its_text(parts: list[str]) -> None:
    text = " ".join(parts)
    controls = any(ord(c) < 32 and c not in "\n\t\r" for c in text) or "\x7f" in text
    if not text.removeprefix("\ufeff").strip() or controls:  # the article refuses it as empty
        return
    article = article_from_text(text, published=PUBLISHED)
    frame = extract_figures(article)
    assert list(frame.columns) == COLUMNS["figures"]
    for row in frame.itertuples():
        assert article.text[row.start : row.end] == row.text
        assert row.paragraph == article.paragraph_of(row.start)
        assert row.value is None or math.isnan(row.value) or math.isfinite(row.value)


def test_a_thousands_number_after_a_comma_is_not_an_age():
    art = article_from_text("According to the agency, 18,412 people reached the islands.")
    assert list(extract_figures(art)["value"]) == [18412.0]


def test_a_years_total_is_the_year_so_far_and_the_past_days_a_range() -> None:
    rows = figures("Yesterday, 408 people arrived, bringing the 2024 total to 21,063 - some "
                   "1,758 people over the past seven days.", published="2024-08-31")
    periods = {r["text"]: (r["period_start"], r["period_end"]) for r in rows}
    assert periods == {"408": ("2024-08-30", "2024-08-30"),
                       "21,063": ("2024-01-01", "2024-08-31"),
                       "some 1,758": ("2024-08-25", "2024-08-31")}


def test_the_same_period_last_year_is_the_base_not_the_period() -> None:
    rows = figures("Between January and June 2025, 61,336 people applied for asylum. This is "
                   "almost 50 percent fewer than in the same period last year.",
                   published="2025-07-10")
    change = next(r for r in rows if r["unit"] == "percent")
    assert (change["period_start"], change["period_end"]) == ("2025-01-01", "2025-06-30")
    assert (change["base_start"], change["base_end"]) == ("2024-01-01", "2024-06-30")


def test_a_figure_in_the_same_period_of_another_year_covers_those_months_only() -> None:
    rows = figures("Between January and June 2023, 45,000 people crossed, compared with about "
                   "88,000 in the same period in 2022. Some 30,000 were returned in the first "
                   "nine months of this year, against 25,000 in the same period last year.",
                   published="2024-10-15")
    assert [(r["text"], r["period_start"], r["period_end"]) for r in rows] == [
        ("45,000", "2023-01-01", "2023-06-30"), ("about 88,000", "2022-01-01", "2022-06-30"),
        ("Some 30,000", "2024-01-01", "2024-09-30"), ("25,000", "2023-01-01", "2023-09-30")]


def test_the_same_period_with_no_months_in_its_paragraph_is_not_known() -> None:
    rows = figures("In the first half of 2024, 3,000 were returned.\n\n"
                   "In the same period of 2022, 2,000 were.", published="2024-10-15")
    assert [(r["period"], r["period_start"], r["period_end"]) for r in rows] == [
        ("2024-H1", "2024-01-01", "2024-06-30"), ("the same period of 2022", None, None)]


def test_a_figure_in_the_same_period_is_labelled_with_the_months_it_covers() -> None:
    rows = figures("About 12,000 people crossed this year. That compares with 16,000 in the "
                   "same period a year earlier.", published="2023-08-10")
    assert [(r["period"], r["period_start"], r["period_end"]) for r in rows] == [
        ("2023", "2023-01-01", "2023-08-10"),
        ("2022-01-01/2022-08-10", "2022-01-01", "2022-08-10")]


def test_a_rate_in_the_same_period_stays_a_rate() -> None:
    rows = figures("Decisions were made on 1,500 claims a week over the summer, compared with "
                   "fewer than 600 a week in the same period of 2023.", published="2024-11-28")
    assert [r["period"] for r in rows] == ["per week", "per week"]


def test_a_period_after_a_participle_clause_is_not_the_figures_before_it() -> None:
    rows = figures("In June 2024, 3,041 people arrived in small boats, bringing the total for "
                   "the first half of the year to 13,489.", published="2024-07-01")
    assert [(r["text"], r["period"]) for r in rows] == [("3,041", "2024-06"),
                                                        ("13,489", "2024-H1")]


def test_a_period_after_and_or_a_description_is_not_the_figures_before_it() -> None:
    rows = figures("In 2021 Türkiye caught 162,996 irregular migrants, and in 2020 122,302.",
                   published="2022-06-01")
    assert [(r["text"], r["period"]) for r in rows] == [("162,996", "2021"), ("122,302", "2020")]
    rows = figures("On Thursday, 755 people crossed the Channel in small boats, the highest daily "
                   "figure this year.", published="2023-08-11")
    assert [(r["period"], r["period_start"]) for r in rows] == [("2023-08-10", "2023-08-10")]


@pytest.mark.parametrize(("text", "period"), [
    ("Türkiye caught 162,996 irregular migrants, and in 2020 it caught 122,302.", None),
    ("Some 3,000 people crossed in small boats, the Home Office said on Tuesday.", None),
    ("Around 45,000 people crossed in small boats, a record, in 2022.", "2022-01-01"),
])
def test_a_period_in_another_clause_is_not_the_figures_even_as_a_fallback(text, period):
    assert figures(text, published="2023-08-11")[0]["period_start"] == period


@pytest.mark.parametrize("base", ["the year before", "in the previous year", "a year earlier",
                                  "the previous year", "the preceding year"])
def test_a_base_the_year_before_is_the_year_before_the_sentences(base) -> None:
    rows = figures(f"Claims fell to 84,425 in 2023, down from 89,398 {base}.",
                   published="2024-02-29")
    assert [(r["period"], r["period_start"]) for r in rows] == [
        ("2023", "2023-01-01"), ("2022", "2022-01-01")]


@pytest.mark.parametrize(("text", "periods"), [
    ("Some 29,437 people crossed in 2023. The previous year, 45,774 crossed.",
     [("2023", "2023-01-01"), ("2022", "2022-01-01")]),
    ("In June 2023, 3,824 people crossed. A year earlier, 3,140 had.",
     [("2023-06", "2023-06-01"), ("2022-06", "2022-06-01")]),
    ("The deal was signed in 2023. The year before, 45,774 people crossed.",
     [("2022", "2022-01-01")]),
    ("Some 29,437 people crossed in 2023. A year ago, 36,816 had crossed.",
     [("2023", "2023-01-01"), ("2025", "2025-01-01")]),
    # its own year stays: "A year earlier, the Home Office had said ... in 2021"
    ("In 2024, 36,816 people crossed. A year earlier, the Home Office had said 28,526 people"
     " crossed in 2021.", [("2024", "2024-01-01"), ("2021", "2021-01-01")]),
])
def test_a_sentence_opening_a_year_earlier_is_a_year_before_the_sentence_before(text, periods):
    rows = figures(text, published="2026-02-15")
    assert [(r["period"], r["period_start"]) for r in rows] == periods


@pytest.mark.parametrize(("second", "period"), [
    ("By the end of that year it had fallen to about 95,000.", ("2023-12-31", "2023-12-31")),
    ("In that year as a whole, 84,425 people claimed asylum.", ("2023-01-01", "2023-12-31")),
    ("By the end of that month, 150,000 were waiting.", ("2023-06-30", "2023-06-30")),
    ("Figures show 84,425 people claimed asylum that year.", ("2023-01-01", "2023-12-31")),
    # "that year's level", "since that year": not that year's figure
    ("The backlog is 95,252, more than double that year's level.", (None, None)),
])
def test_that_year_is_the_year_of_the_sentence_before(second, period):
    rows = figures(f"The backlog peaked at 175,457 in June 2023. {second}",
                   published="2025-08-01")
    assert (rows[-1]["period_start"], rows[-1]["period_end"]) == period


def test_a_share_takes_no_base_from_another_figures_comparison() -> None:
    rows = figures("Albanians accounted for a third of small boat arrivals in 2022 as their"
                   " number rose to 12,000 from 800 in 2021.", published="2023-03-10")
    assert (rows[0]["period"], rows[0]["base_start"]) == ("2022", None)


@pytest.mark.parametrize(("text", "period"), [
    ("Over the last year, 40,000 people crossed the Channel.", ("2024-06-16", "2025-06-15")),
    ("In the last year, 40,000 people crossed the Channel.", ("2024-06-16", "2025-06-15")),
    ("Last year, 40,000 people crossed the Channel.", ("2024-01-01", "2024-12-31")),
])
def test_the_last_year_is_the_twelve_months_to_publication_last_year_the_calendar_one(
        text, period):
    row = figures(text, published="2025-06-15")[0]
    assert (row["period_start"], row["period_end"]) == period


def test_a_source_holds_across_but_unless_the_writer_rebuts() -> None:
    row = one("The Tax Policy Center says it would depress revenue, but would eventually add"
              " $84 billion over 10 years.")
    assert row["source"] == "Tax Policy Center"
    rows = figures('Nigel Farage claimed that "more than 100,000 people" crossed in 2023, but'
                   " 29,437 people crossed that year.")
    assert [r["source"] for r in rows] == ["Nigel Farage", None]
    for closing in ("according to Home Office figures", "the Home Office said on Thursday,"
                    " citing new data"):
        rows = figures(f"Some 36,816 people crossed in 2024, but only 3,000 were returned,"
                       f" {closing}.")
        assert [r["source"] for r in rows] == ["Home Office", "Home Office"], closing
    # a claim after "whereas" is not the figure's source; one that closes the sentence is
    rows = figures("Some 29,437 people crossed in 2023, whereas Reform UK claimed the true number"
                   " was nearer 50,000.")
    assert [r["source"] for r in rows] == [None, "Reform UK"]
    rows = figures("Some 29,437 people crossed in 2023, but only 3,000 were returned, the Home"
                   " Office said.")
    assert [r["source"] for r in rows] == ["Home Office", "Home Office"]


def test_a_hedge_right_after_an_opening_quote_mark_is_the_figures() -> None:
    row = one('Nigel Farage claimed that "more than 100,000 people" crossed in 2024.')
    assert (row["text"], row["hedge_kind"], row["counts"]) == (
        "more than 100,000", "lower_bound", "people")


def test_a_base_figure_in_two_years_keeps_both_years() -> None:
    rows = figures("Support fell to 85% in 2016, a 10% drop from the 95% the party received"
                   " in 2008 and 2012.", published="2016-10-01")
    assert (rows[2]["period_start"], rows[2]["period_end"]) == ("2008-01-01", "2012-12-31")


def test_a_base_the_previous_month_is_the_month_before_the_sentences() -> None:
    rows = figures("Arrivals rose to 5,012 in June 2023, up from 3,824 the previous month.",
                   published="2023-08-01")
    assert [r["period"] for r in rows] == ["2023-06", "2023-05"]


def test_as_many_as_in_the_same_period_is_a_base_not_the_figures_period() -> None:
    rows = figures("Between January and June 2023, 11,433 people crossed, almost as many as in"
                   " the same period last year.", published="2023-07-10")
    assert [(r["period_start"], r["period_end"]) for r in rows] == [("2023-01-01", "2023-06-30")]


def test_a_rate_adjective_before_a_noun_is_not_the_figures_rate() -> None:
    assert one("In 2023, 755 people crossed, the most on a daily basis, and a daily record.",
               published="2024-01-05")["period"] == "2023"
    rows = figures("Up to 200 Albanian nationals a week could be flown home. Plants emit nearly "
                   "two billion tons per year of carbon dioxide. Some 300 people arrive daily. "
                   "Some 50 migrants daily crossed the border.")
    assert [r["period"] for r in rows] == ["per week", "per year", "per day", "per day"]


def test_a_bare_number_with_its_own_verb_borrows_the_noun_not_the_verb() -> None:
    rows = figures("Tens of thousands of people crossed, while hundreds drowned and some 40 "
                   "were rescued.")
    assert [r["counts"] for r in rows] == ["people crossed", "people", "people rescued"]


def test_the_year_so_far_is_the_year_to_the_publication_date() -> None:
    rows = figures("In June, 3,041 people arrived, bringing the total for the year so far to "
                   "13,489.", published="2024-07-01")
    assert [(r["text"], r["period_start"], r["period_end"]) for r in rows] == [
        ("3,041", "2024-06-01", "2024-06-30"), ("13,489", "2024-01-01", "2024-07-01")]


def test_during_this_period_is_the_period_of_the_sentence_before() -> None:
    rows = figures("Asylum applications declined in the first half of this year. The agency "
                   "registered 61,336 people who applied during this period.",
                   published="2025-07-10")
    assert [(r["text"], r["period_start"], r["period_end"]) for r in rows] == [
        ("61,336", "2025-01-01", "2025-06-30")]


def test_a_part_of_them_is_in_the_period_of_the_sentence_before() -> None:
    for text in ("A total of 108,138 people claimed asylum in 2024. Main applicants accounted "
                 "for 84,231 of them.", "Some 108,138 people claimed asylum in 2024. Of those, "
                 "84,231 were main applicants.", "There were 108,138 asylum claims in 2024."
                 " The Home Office said 84,231 of the claims were made by main applicants.",
                 "There were 108,138 asylum claims in 2024, figures published on Thursday"
                 " show. Main applicants accounted for 84,231 of them."):
        row = figures(text, published="2025-02-27")[-1]
        assert (row["value"], row["period_start"], row["period_end"]) == (
            84231, "2024-01-01", "2024-12-31"), text
    # a day that is no report's day stays; "the crisis" is no plural
    row = figures("The record was set when 1,295 people crossed on 22 August 2022. Of those, 400"
                  " were Albanian nationals.", published="2025-02-27")[-1]
    assert (row["period_start"], row["period_end"]) == ("2022-08-22", "2022-08-22")
    row = figures("In 2022, 45,774 people crossed. The charity says 5,000 people died because"
                  " of the crisis since 2014.", published="2025-02-27")[-1]
    assert (row["period_start"], row["period_end"]) == ("2014-01-01", "2025-02-27")
    # without "of them" the sentence's figure is not the earlier one's
    row = figures("Some 108,138 people claimed asylum in 2024. The backlog stands at 90,000.",
                  published="2025-02-27")[-1]
    assert row["period_kind"] == "none"


@pytest.mark.parametrize(("text", "periods"), [
    # "the end of the year" with no year: the latest over at publication, or the sentence's
    ("Hotels housed 38,079 people by the end of the year.", ["2024"]),
    ("In 2023, hotels housed 45,744 people by the end of the year.", ["2023"]),
    ("Ministers will close 50 hotels by the end of the year.", ["2025"]),
    # "N months earlier" is before the period of the figure before it in the sentence
    ("Hotels housed 38,079 people at the end of the year, up from 29,561 six months earlier.",
     ["2024", "2024-06-30"]),
    ("In the second quarter of 2024, 8,054 people crossed, up from 5,000 three months "
     "earlier.", ["2024-Q2", "2024-Q1"]),
    ("Some 500 people crossed on 10 August, against 300 a week earlier.",
     ["2024-08-10", "2024-08-03"]),
    ("Some 5,000 people were housed in hotels, against 3,000 a week earlier.", [None, "a week "
                                                                                  "earlier"]),
    # "currently" is the publication date; "since records began in 2018" is since 2018
    ("There are currently 220 hotels housing asylum seekers.", ["2025-02-27"]),
    ("Since records began in 2018, more than 150,000 people have crossed.", ["2018/2025"]),
])
def test_periods_said_in_words_that_need_the_publication_or_another_figure(text, periods):
    assert [r["period"] for r in figures(text, published="2025-02-27")] == periods


@pytest.mark.parametrize("text", [
    "Crossings fell by 38% last year to about 240,000, the EU's border agency Frontex said on"
    " Tuesday, the lowest level since 2021.",
    "Crossings were at their lowest level since 2021, at 240,000.",
])
def test_since_after_a_superlative_is_a_records_reach_not_a_period(text) -> None:
    row = figures(text, published="2025-01-14")[-1]
    assert row["period_start"] != "2021-01-01"
    # a plain "since 2021" is the period, and so it is after a quantifier
    row = one("About 240,000 people have crossed since 2021.", "2025-01-14")
    assert row["period"] == "2021/2025"
    row = one("Most people arriving since 2022 were men: 112,000 crossed.", "2025-01-14")
    assert row["period"] == "2022/2025"


@pytest.mark.parametrize("text", [
    "A total of 509,387 Syrians had returned as of Sept. 29.",
    "A total of 509,387 Syrians had returned as of Sep. 29.",
    "A total of 509,387 Syrians had returned as of 29 Sept.",
])
def test_a_day_after_as_of_is_the_period_and_its_day_no_figure(text) -> None:
    rows = figures(text, published="2025-09-30")
    assert [(r["value"], r["period"]) for r in rows] == [(509387, "2025-09-29")]


def test_since_an_event_on_a_day_is_since_that_day() -> None:
    row = one("More than 500,000 Syrians have returned since the fall of the Assad regime on "
              "Dec. 8.", "2025-09-30")
    assert (row["period_start"], row["period_end"], row["period_kind"]) == (
        "2024-12-08", "2025-09-30", "since")
    # a day that is no "since" stays a day
    assert one("Some 500 people crossed on Dec. 8.", "2025-09-30")["period"] == "2024-12-08"


def test_a_negated_ceiling_is_an_upper_bound() -> None:
    assert one("Arrivals did not exceed 5,000 last month.")["hedge_kind"] == "upper_bound"


def test_an_adverb_is_not_what_a_figure_counts() -> None:
    rows = figures("The EU could provide up to €150 million in budget support right now. "
                   "They originally numbered 16.")
    assert [r["counts"] for r in rows] == ["budget support", None]


def test_parts_after_of_which_count_what_they_are_said_to_be() -> None:
    rows = figures("In total, 72,818 asylum applications were submitted, of which 61,336 were "
                   "initial applications and 11,482 were follow-up applications.")
    assert [r["counts"] for r in rows][1:] == ["initial applications", "follow-up applications"]


def test_a_comparison_with_another_group_keeps_the_figures_period():
    rows = figures("In 2016, women were 25 percent of executives in the private sector, compared "
                   "with about 32 percent in the federal government.", "2016-10-01")
    assert [r["period"] for r in rows] == ["2016", "2016"]


def test_a_base_year_closing_its_clause_does_not_date_the_figure_after_it() -> None:
    rows = figures("Italy recorded 66,317 arrivals in 2024, down from 157,651 in 2023, while "
                   "Greece recorded 62,000 arrivals.", published="2025-01-20")
    assert [(r["text"], r["period"]) for r in rows] == [
        ("66,317", "2024"), ("157,651", "2023"), ("62,000", "2024")]


def test_the_year_before_is_before_the_year_of_what_the_base_is_compared_with() -> None:
    rows = figures("Arrivals in 2024 were 36,816, against 29,437 the year before and 45,774 in "
                   "2022.", published="2025-01-20")
    assert [(r["text"], r["period_start"]) for r in rows] == [
        ("36,816", "2024-01-01"), ("29,437", "2023-01-01"), ("45,774", "2022-01-01")]


@pytest.mark.parametrize(("text", "counts"), [
    ("The route saw the largest drop, with detections falling by 58% to around 67,000.",
     ["detections", "detections"]),
    ("Detections on the Eastern land border more than tripled to 17,260.",
     ["Detections on the Eastern land border"] * 2),
    ("The Eastern Mediterranean route saw an increase of 14% to almost 70,000.",
     ["Eastern Mediterranean route", "Eastern Mediterranean route"]),
    ("Frontex recorded an increase of 14% in detections.", ["detections"]),
    ("The Central route fell by 58%, while the Western African route rose by 18% to 46,820.",
     ["Central route", "Western African route", "Western African route"]),
])
def test_a_change_counts_its_own_subject(text: str, counts: list[str]) -> None:
    assert [r["counts"] for r in figures(text, "2025-01-14")] == counts


def test_a_base_after_a_share_of_a_whole_counts_what_the_count_before_counts() -> None:
    rows = figures("3,040 Turks arrived by small boat in 2023, about one in ten of all "
                   "arrivals, up from 1,127 in 2022.", "2024-03-01")
    assert [(r["text"], r["unit"], r["counts"]) for r in rows] == [
        ("3,040", "count", "Turks"), ("about one in ten", "share", "arrivals"),
        ("1,127", "count", "Turks")]
    # a share that is a change: the level counts what it does
    rows = figures("Small boat arrivals rose by a quarter to 36,816 in 2024.", "2025-01-05")
    assert rows[-1]["counts"] == "Small boat arrivals"


def test_a_past_sentence_with_no_period_takes_the_one_an_earlier_sentence_states() -> None:
    rows = figures("Irregular crossings into the EU fell by 38% in 2024 to around 240,000, "
                   "according to Frontex.\n\nThe Western Balkans route recorded 21,525 "
                   "detections, down 78%.\n\nDetections on the eastern land border more than "
                   "tripled to 17,260.", published="2025-01-14")
    inherited = "2024 (an earlier sentence's period: its own states none)"
    assert [(r["text"], r["period"], r["period_start"]) for r in rows] == [
        ("38%", "2024", "2024-01-01"), ("around 240,000", "2024", "2024-01-01"),
        ("21,525", inherited, "2024-01-01"), ("78%", inherited, "2024-01-01"),
        ("more than tripled", inherited, "2024-01-01"), ("17,260", inherited, "2024-01-01")]


def test_sentences_with_neither_figures_nor_periods_do_not_hide_the_earlier_period() -> None:
    # a minister's reaction in between, with a plan ('would ask'): not the story's time
    rows = figures("Detections on the Central Mediterranean fell by 38% last year, to nearly "
                   "67,000.\n\nThe minister welcomed the data. “Fewer departures mean fewer "
                   "deaths,” he said. “We have shown it is possible.”\n\nHe said Italy would "
                   "ask the new Commission for more funds.\n\nOn the Western Balkan route, "
                   "detections fell to about 21,500.", published="2025-01-15")
    assert (rows[-1]["text"], rows[-1]["period"]) == (
        "about 21,500", "2024 (an earlier sentence's period: its own states none)")


@pytest.mark.parametrize("text", [
    # the present: as of publication
    "Asylum claims rose to 99,790 in the year to September 2024. Some 118,882 people are "
    "still waiting for a decision.",
    # the sentence before names two years: which is not known
    "The figure compares with 36,816 in 2024 and 29,437 in 2023. Officials said 672 boats "
    "had made the journey.",
    # a future end is no period the figures were counted in
    "The package, which runs until March 2026, was announced. The money paid for 60 officers.",
])
def test_a_sentence_with_no_period_keeps_none_when_the_earlier_one_does_not_fit(
        text: str) -> None:
    assert figures(text, "2024-11-28")[-1]["period_start"] is None


def test_the_year_before_reaches_past_a_sentence_with_no_period() -> None:
    rows = figures("Nearly 37,000 people made the crossing last year. That is more than the "
                   "population of many towns. The year before it was about 29,000; the year "
                   "before that, almost 46,000.", published="2025-03-10")
    assert [(r["text"], r["period_start"]) for r in rows] == [
        ("Nearly 37,000", "2024-01-01"), ("about 29,000", "2023-01-01"),
        ("almost 46,000", "2022-01-01")]


def test_a_sentence_naming_a_month_it_gives_no_year_takes_no_earlier_period() -> None:
    # not the first half of 2024: June, the last before publication
    rows = figures("In the first half of 2024, 13,489 people crossed. June was the busiest "
                   "month, with 3,041 arrivals.", published="2024-07-20")
    assert rows[-1]["period"] == "2024-06"


def test_a_year_before_when_dates_the_figure_in_the_when_clause() -> None:
    assert one("The record year was 2022, when 45,774 people arrived.", "2025-11-22")[
        "period"] == "2022"


@pytest.mark.parametrize(("text", "years"), [
    ("Crossings rose to 36,816 in 2024, up from 29,437; the year before that, 45,774 people "
     "crossed.", ["2024", "2023", "2022"]),
    ("Crossings hit a record 45,774 in 2022. Labour won the general election on 4 July 2024. "
     "The year before, 29,437 people had crossed.", ["2022", "2023"]),
])
def test_the_year_before_counts_from_the_nearest_dated_thing(text: str, years: list[str]) -> None:
    assert [r["period_start"][:4] for r in figures(text, "2025-03-01")] == years


def test_a_bare_number_after_its_own_verb_keeps_the_noun_but_not_the_other_verb() -> None:
    rows = figures("Türkiye caught 254,008 irregular migrants in 2023 and deported 130,000.",
                   "2025-03-01")
    assert [r["counts"] for r in rows] == ["irregular migrants caught",
                                           "irregular migrants deported"]


def test_an_own_verb_replaces_only_the_verb_of_the_noun_it_keeps() -> None:
    rows = figures("Turkish authorities caught 254,008 newly arrived migrants in 2023, and "
                   "deported 130,000.", "2025-03-01")
    assert rows[1]["counts"] == "newly arrived migrants deported"


def test_thousands_of_times_is_how_often_not_how_many() -> None:
    row = figures("A post shared thousands of times claimed that 50,000 migrants arrived.",
                  "2024-01-12")[0]
    assert (row["text"], row["unit"]) == ("thousands of times", "occasions")


def test_a_score_is_no_figure() -> None:
    assert texts("Nobody in the building thought we would lose five-nil, or even two-all.") == []


def test_how_a_piece_is_told_is_no_figure() -> None:
    assert texts("Small boats and asylum in seven numbers") == []
    assert texts("Migration in five charts. Ten things we learned.") == []


@pytest.mark.parametrize("text, expected", [
    # "May" after a name is no month, and a comma keeps a month from the figure after it
    ("Under Theresa May, 20,000 people were removed from the UK.", [("20,000", None)]),
    # an "and" inside the figure's own phrase hands its period to no one
    ("Some 4,149 men and women crossed the Channel in August, 1,200 of them from Albania.",
     [("Some 4,149", "2024-08"), ("1,200", "2024-08")]),
    ("In the first six months of last year, 13,489 people crossed.",
     [("13,489", "2024-H1")]),
])
def test_months_names_and_conjunctions_near_figures(text, expected) -> None:
    assert [(r["text"], r["period"]) for r in figures(text, "2025-03-01" if "last" in text
                                                      else "2024-10-12")] == expected


def test_a_listicle_count_is_no_figure_but_a_count_of_things_is() -> None:
    assert texts("Seven charts on migration") == []
    assert texts("Three things are happening at once.") == ["Three"]


def test_a_month_after_another_is_not_put_after_publication() -> None:
    # December in an October report, after "in September": the last December, not the next
    rows = figures("Border Patrol recorded about 54,000 apprehensions in September, down from "
                   "more than 250,000 in December.", "2024-10-20")
    assert [r["period"] for r in rows] == ["2024-09", "2023-12"]


def test_asylum_claims_as_a_noun_name_no_source() -> None:
    rows = figures("Asylum claims in the year to June 2024 totalled 97,390, according to the "
                   "report.", "2024-10-16")
    assert rows[0]["source"] is None
    assert figures("The Home Office claims 5,000 were removed.", "2024-10-16")[0]["source"] == (
        "Home Office")


def test_a_footnotes_number_is_no_figure_and_ends_no_sentence_early():
    text = ("At the end of June 2023, 175,457 people were waiting for a decision.[1] By the end "
            "of September this had fallen.[2]\n\n[1] Home Office, Immigration statistics.")
    rows = figures(text, published="2023-11-30")
    assert [(r["text"], r["period"]) for r in rows] == [("175,457", "2023-06")]


def test_a_figure_that_labels_its_line_counts_and_dates_what_its_colon_says():
    rows = figures("By the numbers\n\n- 3,369: arrivals in August 2023, the busiest month of "
                   "the year so far.\n- 134,046: the number of cases those people relate to.\n"
                   "In the first half, 3,369: arrivals in August 2023.", "2023-10-05")
    assert [(r["text"], r["counts"], r["period"]) for r in rows] == [
        ("3,369", "arrivals", "2023-08"), ("134,046", "cases", None),
        # within a sentence a colon after a figure labels nothing
        ("3,369", None, "2023-H1")]


def test_a_weekday_before_a_date_is_that_date():
    rows = figures("The first 15 men boarded the barge on Monday 7 August, fewer than the 50 "
                   "expected. About 756 people crossed on Thursday.", "2023-08-14")
    assert [(r["text"], r["period"]) for r in rows] == [
        ("15", "2023-08-07"), ("50", "2023-08-07"), ("About 756", "2023-08-10")]


def test_a_verb_of_change_counts_its_whole_subject() -> None:
    assert [r["counts"] for r in figures(
        "Peabody said its market value had quadrupled in 2015, adding that its market "
        "capitalization had quadrupled too.", published="2016-10-02")][-1:] == [
        "its market capitalization"]
    assert figures("Funding that councils receive for asylum seekers has halved.",
                   published="2024-03-01")[0]["counts"] == (
        "Funding that councils receive for asylum seekers")
