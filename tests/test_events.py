"""Events: time expressions found, resolved against the publication date, and traceable."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstables.extract.article import article_from_text
from newstables.extract.events import extract_events
from newstables.extract.time_resolver import resolve_expression
from newstables.schema import COLUMNS

PUBLISHED = "2023-08-09"  # a Wednesday


def events(text: str, published: str | None = PUBLISHED):
    return extract_events(article_from_text(text, published=published))


def only(text: str, published: str | None = PUBLISHED) -> dict:
    table = events(text, published)
    assert len(table) == 1, table[["expression", "date_start", "date_end"]]
    return table.iloc[0].to_dict()


def dates(row: dict) -> tuple:
    return row["date_start"], row["date_end"], row["granularity"]


def test_columns_are_the_schema():
    assert list(events("He left last week.").columns) == COLUMNS["events"]


def test_last_month_is_the_previous_calendar_month():
    row = only("The minister visited Ankara last month.")
    assert row["expression"] == "last month"
    assert dates(row) == ("2023-07-01", "2023-07-31", "month")


def test_on_monday_is_the_latest_monday_on_or_before_publication():
    row = only("On Monday, 15 asylum seekers boarded the barge.")
    assert row["expression"] == "On Monday"
    assert dates(row) == ("2023-08-07", "2023-08-07", "day")


def test_without_tense_cues_weekday_and_month_look_back():
    table = events("Talks in Paris on Monday. A record in January.")
    assert table["date_start"].tolist() == ["2023-08-07", "2023-01-01"]


def test_a_month_takes_the_year_its_sentence_wrote_before_it():
    table = events("In 2022 the minister visited Ankara in March and signed the deal in June.")
    assert table["date_start"].tolist() == ["2022-01-01", "2022-03-01", "2022-06-01"]
    # an open span writes no one year; the month then looks back from publication
    table = events("Since 2018 crossings rose, and in June they peaked.")
    assert table["date_start"].tolist() == ["2018-01-01", "2023-06-01"]


def test_weekday_on_the_publication_day_is_that_day():
    assert dates(only("Protesters gathered on Wednesday.")) == ("2023-08-09", "2023-08-09", "day")


def test_weekday_in_a_future_clause_is_the_next_one():
    assert dates(only("The minister will visit Paris on Friday.")) == (
        "2023-08-11", "2023-08-11", "day")


def test_a_passive_after_will_be_is_in_the_future():
    # 'held' after 'be' is a participle: 'will' sets the tense
    assert dates(only("A cabinet meeting will be held on Monday.")) == (
        "2023-08-14", "2023-08-14", "day")
    assert dates(only("The migrants are to be returned on Friday.")) == (
        "2023-08-11", "2023-08-11", "day")
    assert dates(only("The migrants were returned on Friday.")) == (
        "2023-08-04", "2023-08-04", "day")
    # a future seen from the past: 'was due to'
    assert dates(only("He was due to be sentenced on Friday.")) == (
        "2023-08-04", "2023-08-04", "day")


def test_verb_before_the_weekday_sets_its_tense_not_a_later_will():
    table = events("He met officials on Tuesday and will return next Monday.")
    assert table["date_start"].tolist() == ["2023-08-08", "2023-08-14"]


def test_last_and_next_weekday_are_strictly_before_and_after():
    table = events("He spoke last Wednesday. She speaks next Wednesday.")
    assert table["date_start"].tolist() == ["2023-08-02", "2023-08-16"]


def test_this_week_runs_monday_to_sunday():
    assert dates(only("Talks continue this week.")) == ("2023-08-07", "2023-08-13", "week")


def test_tuesday_night_and_late_on_tuesday_are_that_tuesday():
    table = events("Late on Tuesday the vote passed. Tuesday night saw protests.")
    assert table["expression"].tolist() == ["Late on Tuesday", "Tuesday night"]
    assert set(table["date_start"]) == {"2023-08-08"}


def test_autumn_in_a_future_clause_is_this_years_autumn():
    row = only("The meeting is scheduled to take place in London in the autumn.")
    assert row["expression"] == "in the autumn"
    assert dates(row) == ("2023-09-01", "2023-11-30", "season")


def test_fall_and_this_autumn_are_seasons():
    table = events("Arrivals will peak this autumn. More come in the fall.")
    assert table["granularity"].tolist() == ["season", "season"]
    assert set(table["date_start"]) == {"2023-09-01"}


def test_autumn_already_over_at_publication_is_next_years():
    row = only("The centre will open in the autumn.", published="2023-12-15")
    assert dates(row) == ("2024-09-01", "2024-11-30", "season")


def test_season_in_a_past_clause_is_the_latest_one_begun():
    row = only("Crossings fell in the winter.")
    assert dates(row) == ("2022-12-01", "2023-02-28", "season")


def test_last_this_and_next_year():
    table = events("Arrivals rose last year. The pledge is for this year. A review is next year.")
    assert table["date_start"].tolist() == ["2022-01-01", "2023-01-01", "2024-01-01"]
    assert table["date_end"].tolist() == ["2022-12-31", "2023-12-31", "2024-12-31"]


def test_since_month_and_year_runs_to_publication():
    row = only("Over 15,000 have crossed since January 2023.")
    assert row["expression"] == "since January 2023"
    assert dates(row) == ("2023-01-01", "2023-08-09", "month")


def test_bare_month_is_the_latest_on_or_before_publication():
    row = only("The ministry announced the figures in January.")
    assert dates(row) == ("2023-01-01", "2023-01-31", "month")


def test_bare_month_in_a_future_clause_is_the_next_one():
    assert dates(only("The scheme will start in January.")) == ("2024-01-01", "2024-01-31", "month")


@pytest.mark.parametrize("text", [
    "A hearing is set for Jan 12.", "The rules take effect on January 12.",
    "The vote is slated for January 12.",
])
def test_a_date_something_is_set_for_is_ahead(text):
    assert dates(only(text)) == ("2024-01-12", "2024-01-12", "day")


def test_earlier_and_recently_end_at_publication_with_open_start():
    table = events("Earlier, the minister met officials. Numbers have risen recently.")
    assert table["expression"].tolist() == ["Earlier", "recently"]
    assert table["date_start"].isna().all()
    assert table["date_end"].tolist() == [PUBLISHED, PUBLISHED]
    assert set(table["granularity"]) == {"unknown"}


def test_earlier_as_an_adjective_is_not_an_event():
    assert events("An earlier deal collapsed.").empty


def test_earlier_this_year_runs_from_the_year_start_to_publication():
    assert dates(only("The deal was struck earlier this year.")) == (
        "2023-01-01", PUBLISHED, "year")


@pytest.mark.parametrize(
    "text, expression",
    [
        ("The plan was agreed on 8 August 2023.", "on 8 August 2023"),
        ("The plan was agreed on August 8, 2023.", "on August 8, 2023"),
        ("The plan was agreed on Aug. 8.", "on Aug. 8"),
        ("The plan was agreed on 8 August.", "on 8 August"),
        ("The plan was published 2023-08-08 in full.", "2023-08-08"),
    ],
)
def test_explicit_dates_resolve_to_the_day(text, expression):
    row = only(text)
    assert row["expression"] == expression
    assert dates(row) == ("2023-08-08", "2023-08-08", "day")


def test_day_without_year_in_a_past_clause_can_be_last_year():
    row = only("The boat sank on 28 December.", published="2024-01-05")
    assert dates(row) == ("2023-12-28", "2023-12-28", "day")


def test_impossible_dates_are_not_events():
    assert events("The law passed on 31 February 2023.").empty


def test_in_year_and_in_month_year():
    table = events("It was proposed in 2016 and passed in July 2023.")
    assert table["expression"].tolist() == ["in 2016", "in July 2023"]
    assert table["granularity"].tolist() == ["year", "month"]
    assert table["date_end"].tolist() == ["2016-12-31", "2023-07-31"]


def test_year_inside_a_statistic_is_an_event():
    row = only("A total of 280,206 migrants were denied entry in 2022.")
    assert dates(row) == ("2022-01-01", "2022-12-31", "year")


def test_year_used_as_a_comparison_base_is_not_an_event():
    assert events("Deportations were up 161% compared with 2021.").empty
    assert events("Arrivals were higher than in 2020.").empty
    assert events("Arrivals were up 20% from 2019.").empty


def test_a_date_after_a_fall_that_is_no_figures_change_is_an_event():
    # "the fall of the regime on December 8": a happening; "fell 20% on December 8": a base
    assert dates(only("Many Syrians returned home after the fall of the Assad regime on"
                      " December 8, 2022.")) == ("2022-12-08", "2022-12-08", "day")
    assert dates(only("The regime fell on December 8, 2022.")) == (
        "2022-12-08", "2022-12-08", "day")
    assert events("Arrivals were up 20% on January 2022.").empty
    assert events("Small boat arrivals in April were sharply down on March.")[
        "expression"].tolist() == ["in April"]


def test_bare_year_without_a_preposition_is_not_an_event():
    assert events("The 2015 crisis is over.").empty


def test_second_year_after_and_is_an_event():
    assert events("In 2016 and 2017 many came.")["expression"].tolist() == ["In 2016", "2017"]


def test_ages_clock_times_and_habits_are_not_events():
    assert events("He is 45 years old. The meeting is at 10:30. Thousands cross every year.").empty


def test_may_the_name_is_not_a_month_but_in_may_is():
    assert events("Theresa May said so.").empty
    assert only("The camp opened in May.")["date_start"] == "2023-05-01"


def test_ago_and_rolling_windows():
    table = events("Two years ago the scheme began. Arrivals rose over the past three months.")
    assert dates(table.iloc[0]) == ("2021-01-01", "2021-12-31", "year")
    assert dates(table.iloc[1]) == ("2023-05-10", PUBLISHED, "month")


def test_ranges_run_from_first_start_to_last_end():
    table = events("From 2015 to 2020 arrivals doubled, and between 2018 and 2019 they fell.")
    assert table["expression"].tolist() == ["From 2015 to 2020", "between 2018 and 2019"]
    assert table["date_start"].tolist() == ["2015-01-01", "2018-01-01"]
    assert table["date_end"].tolist() == ["2020-12-31", "2019-12-31"]


def test_by_and_until_have_an_open_start():
    table = events("By 2025 the camp will close. Until March 2024 it stays open.")
    assert table["date_start"].isna().all()
    assert table["date_end"].tolist() == ["2025-12-31", "2024-03-31"]


def test_statistics_periods_resolve():
    table = events("The data cover the year ending June 2023 and the first half of 2023.")
    assert dates(table.iloc[0]) == ("2022-07-01", "2023-06-30", "year")
    assert dates(table.iloc[1]) == ("2023-01-01", "2023-06-30", "month")


def test_mid_month_is_found_with_its_modifier():
    assert only("The report came out mid-August.")["expression"] == "mid-August"


def test_early_mid_and_late_in_a_year_are_four_of_its_months():
    assert dates(only("Talks will resume in early 2024.")) == ("2024-01-01", "2024-04-30", "year")
    assert dates(only("The deal was struck in mid-2022.")) == ("2022-05-01", "2022-08-31", "year")
    assert dates(only("Arrivals peaked in late 2022.")) == ("2022-09-01", "2022-12-31", "year")
    assert dates(only("The hotel was closed in early to mid-2023.")) == (
        "2023-01-01", "2023-08-31", "year")


def test_without_publication_relative_expressions_stay_unresolved():
    table = events("He left last month, on Monday, in the autumn and since 2016.", published=None)
    expected = ["last month", "on Monday", "in the autumn", "since 2016"]
    assert table["expression"].tolist() == expected
    assert table["date_end"].isna().all()
    assert table["date_start"].iloc[:3].isna().all()


def test_without_publication_absolute_dates_still_resolve():
    table = events("It passed on 8 August 2023 and began in July 2023.", published=None)
    assert table["date_start"].tolist() == ["2023-08-08", "2023-07-01"]


def test_span_reproduces_the_expression_and_paragraph_is_right():
    text = "First paragraph.\n\nThe minister left on Monday."
    article = article_from_text(text, published=PUBLISHED)
    table = extract_events(article)
    row = table.iloc[0]
    assert article.text[row["start"]:row["end"]] == row["expression"] == "on Monday"
    assert row["paragraph"] == 2


def test_description_is_the_sentence_holding_the_expression():
    row = only("Jenkins flew to Rome last month. Nothing else happened.")
    assert row["description"] == "Jenkins flew to Rome last month."


def test_long_sentence_description_is_trimmed_and_holds_the_expression():
    text = ("Officials said on Monday that the programme, which has been running for several "
            "years across many regions and involves a large number of partner agencies, "
            "charities, local councils and volunteers, would be reviewed, while critics argued "
            "that the scheme had failed to deliver the promised results for most participants.")
    row = only(text)
    assert "on Monday" in row["description"]
    assert len(row["description"]) <= 185


def test_rows_are_numbered_in_text_order():
    table = events("He left last week. She arrived yesterday. They meet tomorrow.")
    assert table["event"].tolist() == [1, 2, 3]
    assert table["start"].is_monotonic_increasing


def test_resolve_expression_is_reusable_alone():
    assert resolve_expression("last month", "2023-08-09") == ("2023-07-01", "2023-07-31", "month")
    assert resolve_expression("in the autumn", None) == (None, None, "season")
    assert resolve_expression("on Monday", "2023-08-09", tense="future") == (
        "2023-08-14", "2023-08-14", "day")
    assert resolve_expression("8 August 2023", None) == ("2023-08-08", "2023-08-08", "day")
    assert resolve_expression("the boats", "2023-08-09") is None


def test_odd_publication_dates_at_the_calendar_edges_do_not_raise():
    for published in ("0001-01-01", "9999-12-31"):
        table = events("On Monday, last week, next year, in 2023, two weeks ago.", published)
        assert (table["expression"] == "in 2023").any()


PIECES = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyz ABCDEFMOSTW0123456789.,;:'\"“”‘’-–—()\n")
    + ["in ", "on ", "since ", "last ", "next ", "the ", "Monday", "January", "May", "Aug. ",
       "autumn", "2023", "1999", "99999999999999999999", "year", "weeks", "ago", "earlier",
       "recently", "from 2015 to ", "between ", "İ", "ß", "ﬁ", "🙂"]
)
# Any printable text (control characters are refused by article_from_text, not by events).
TEXT = st.lists(PIECES, max_size=120).map("".join) | st.text(
    st.characters(blacklist_categories=("Cc", "Cs")), max_size=200
)


@settings(max_examples=200, deadline=None)
@given(text=TEXT, published=st.sampled_from([None, "2023-08-09", "2024-02-29", "0001-01-01"]))
def test_any_text_never_raises_and_spans_reproduce_expressions(text, published):
    if not text.removeprefix("\ufeff").strip():  # the article refuses it as empty
        return
    article = article_from_text(text, published=published)
    table = extract_events(article)
    for row in table.itertuples():
        assert article.text[row.start:row.end] == row.expression
        assert row.granularity in {"day", "week", "month", "season", "year", "unknown"}
        assert row.paragraph == article.paragraph_of(row.start)


def test_seed_events_resolve_against_its_publication_date(seed):
    table = extract_events(seed).set_index("expression")
    assert table.loc["last month", "date_start"] == "2023-07-01"
    assert table.loc["On Monday", "date_start"] == "2023-08-07"
    assert table.loc["the autumn", "date_start"] == "2023-09-01"
    assert table.loc["Since January 2023", "date_end"] == "2023-08-09"
    assert table.loc["Last year", "granularity"] == "year"
    assert table.loc["This week", ["date_start", "date_end"]].tolist() == [
        "2023-08-07", "2023-08-13"]
    assert "2021" not in " ".join(table.index)  # "compared to 2021" is a comparison base


def test_months_of_the_year_not_over_at_publication_are_the_year_befores():
    table = events("Türkiye deported more than 109,000 migrants in the first eleven months of "
                   "the year. Officials will add 50 flights in the first half of the year.",
                   published="2025-01-15")
    assert table[["date_start", "date_end"]].values.tolist() == [
        ["2024-01-01", "2024-11-30"], ["2025-01-01", "2025-06-30"]]
    # "this year" is the publication's, whatever has passed of it
    assert resolve_expression("in the first half of this year", "2025-01-15", "past") == (
        "2025-01-01", "2025-06-30", "month")


def test_the_first_or_last_months_of_a_year_are_those_months():
    table = events("In the first six months of 2024, 13,489 people crossed. In the last two "
                   "months of 2025, 4,000 arrived.", published="2026-01-01")
    assert table[["date_start", "date_end"]].values.tolist() == [
        ["2024-01-01", "2024-06-30"], ["2025-11-01", "2025-12-31"]]
