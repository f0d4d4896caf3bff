"""Placing figures in context: matching a figure to a reference series and checking it."""

import dataclasses
import datetime as dt
import math

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstables import article_from_text, periods
from newstables.analyse.comparison import (
    CHECKED,
    CLAIM_COLUMNS,
    VERDICTS,
    claim_points,
    match_figures,
    shared_wording,
    verdict_counts,
)
from newstables.analyse.verdicts import WITHDRAWN
from newstables.charts import draw_claims, draw_published
from newstables.extract.figure_periods import add_periods
from newstables.extract.figures import extract_figures
from newstables.hedges import BEFORE, figure_kind, rounding
from newstables.periods import parse_period
from newstables.schema import frame

matplotlib.use("Agg")


def figure(text: str, surface: str, value=None, low=None, high=None, **extra) -> dict:
    """A figures-table row for ``surface`` (its first occurrence after any earlier '|')."""
    start = text.index(surface)
    row = {"value": value, "low": low, "high": high, "unit": "count", "counts": "", "period": "",
           "approximate": False, "hedge": None, "source": None, "text": surface,
           "start": start, "end": start + len(surface)}
    row.update(extra)
    return row


def check(text: str, published: str | None, *figures: dict) -> pd.DataFrame:
    art = article_from_text(text, published=published)
    rows = []
    for i, fig in enumerate(figures, 1):
        fig = dict(fig, figure=i, paragraph=art.paragraph_of(fig["start"]))
        if fig.get("hedge") is None:  # as extraction reads a leading hedge off the surface
            words = fig["text"].lower().split()
            fig["hedge"] = next((" ".join(words[:k]) for k in range(len(words) - 1, 0, -1)
                                 if " ".join(words[:k]) in BEFORE), None)
        fig.setdefault("hedge_kind", figure_kind(fig["hedge"], fig["low"], fig["high"],
                                                 vague=fig["value"] is None))
        rows.append(fig)
    add_periods(art, rows)  # period columns, as extraction fills them
    return match_figures(art, frame("figures", rows))


def one(text: str, published: str | None, surface: str, value=None, **extra) -> pd.Series:
    return check(text, published, figure(text, surface, value, **extra)).iloc[0]


def extracted(text: str, published: str) -> pd.DataFrame:
    """The claims of ``text`` as the real extraction finds its figures."""
    art = article_from_text(text, id="t", published=published)
    return match_figures(art, extract_figures(art))


# --- matching what is counted, where and when -----------------------------------------


def test_more_than_claim_just_under_the_series_is_consistent():
    text = "More than 45,700 people crossed the English Channel in small boats in 2022."
    row = one(text, "2023-03-01", "More than 45,700", 45700)
    assert row["series"] == "uk_small_boat_arrivals_annual"
    assert row["series_value"] == 45774
    assert row["verdict"] == "consistent"
    assert ">= 45,700" in row["tolerance_rule"] and "10%" in row["tolerance_rule"]


def test_more_than_claim_above_the_series_is_inconsistent():
    text = "More than 50,000 people crossed the Channel in small boats in 2022."
    assert one(text, "2023-03-01", "More than 50,000", 50000)["verdict"] == "inconsistent"


@pytest.mark.parametrize(("text", "published", "verdict"), [
    # 114,322 since 2018 at the end of 2023; 29,437 in 2023
    ("More than 100,000 people have crossed the Channel in small boats since 2018.",
     "2024-01-02", "consistent"),
    ("More than 25,000 people crossed the Channel in small boats in 2023.", "2024-01-02",
     "consistent"),
    ("More than 30,000 people crossed the Channel in small boats in 2023.", "2024-01-02",
     "inconsistent"),
    ("More than 26,000 people crossed the Channel in small boats in 2023.", "2024-01-02",
     "inconsistent"),  # not round: a tenth above it at most
])
def test_more_than_a_round_number_holds_up_to_the_next_round_number(text, published, verdict):
    row = extracted(text, published).iloc[0]
    assert row["verdict"] == verdict


@pytest.mark.parametrize("text", [
    "On Thursday, 756 people crossed the Channel in a single day, the highest this year.",
    "Some 756 people crossed the Channel in one day on 10 August 2023.",
])
def test_a_count_on_a_single_day_the_sentence_dates_is_read_for_that_day(text):
    row = extracted(text, "2023-08-12").iloc[0]
    assert (row["claim_period"], row["verdict"]) == ("2023-08-10", "consistent")


def test_a_single_day_of_a_part_is_not_the_wholes():
    text = "Some 15,827 people have crossed so far this year including 756 in one day."
    row = extracted(text, "2023-08-11").iloc[0]
    assert (row["series"], row["verdict"]) == ("uk_small_boat_arrivals_ytd_daily", "consistent")


def test_a_count_on_a_single_day_is_not_read_for_its_month():
    # August 2024: 4,149 crossed in the month
    text = "More than 1,000 people crossed the Channel on a single day last month."
    row = extracted(text, "2024-09-16").iloc[0]
    assert (row["period"], row["verdict"]) == ("a single day", "not comparable")


def test_exact_claim_must_be_within_one_percent():
    text = "Turkey deported 124,441 irregular migrants in 2022. Turkey deported 130,000 in 2022."
    rows = check(text, "2023-03-01", figure(text, "124,441", 124441),
                 figure(text, "130,000", 130000, counts="irregular migrants deported"))
    assert rows["series"].tolist() == ["turkiye_deportations"] * 2
    # Türkiye's figures reach the catalogue only through news reports: press, not official.
    assert rows["verdict"].tolist() == ["matches press reports", "differs from press reports"]
    assert rows["source_kind"].tolist() == ["press", "press"]


def test_a_round_number_holds_what_rounds_to_it_as_written():
    # 29,437 crossed in 2023: "29,000" is it to the thousand, "28,000" is not.
    text = "In 2023, 29,000 people crossed the Channel in small boats."
    row = one(text, "2024-02-01", "29,000", 29000)
    assert row["verdict"] == "consistent"
    assert "round to 29,000" in row["tolerance_rule"]
    assert "28,500 to 29,500" in row["tolerance_rule"]
    text = "In 2023, 28,000 people crossed the Channel in small boats."
    assert one(text, "2024-02-01", "28,000", 28000)["verdict"] == "inconsistent"
    text = "In 2023, exactly 29,000 people crossed the Channel in small boats."
    assert one(text, "2024-02-01", "exactly 29,000", 29000)["verdict"] == "inconsistent"


def test_rounding_reads_the_last_written_digit_and_two_significant_ones_at_least():
    assert rounding(4_000_000, "4 million") == 50_000  # 4.0 million, not 3.5 to 4.5 million
    assert rounding(float("nan"), "5") is None and rounding(float("inf"), "5") is None
    assert rounding(29000, "29,000") == 500
    assert rounding(30000, "30,000") == 500  # not to ten thousand
    assert rounding(1_200_000, "1.2 million") == 50_000
    assert rounding(4_300_000, "£4.3m") == 50_000
    assert rounding(47, "47%") == 0.5
    assert rounding(2, "2%") == 0.5 and rounding(2, "2 per cent") == 0.5  # whole points
    assert rounding(2.5, "2.5%") == 0.05
    assert rounding(124441, "124,441") == 0.5
    assert rounding(0.25, "one in four") is None
    assert rounding(0.4, "2 in 5") is None


def test_nearly_claim_must_not_exceed_the_series():
    text = "Nearly 46,000 people crossed the Channel in small boats in 2022."
    assert one(text, "2023-03-01", "Nearly 46,000", 46000)["verdict"] == "consistent"
    text = "Nearly 45,000 people crossed the Channel in small boats in 2022."
    row = one(text, "2023-03-01", "Nearly 45,000", 45000)
    assert row["verdict"] == "inconsistent" and row["hedge"] == "nearly"


def test_around_claim_allows_five_percent_and_reads_a_stock_at_publication():
    text = "Turkey hosts around 3.5 million Syrians under temporary protection."
    row = one(text, "2023-01-15", "around 3.5 million", 3500000)
    assert row["series"] == "turkiye_syrians_temporary_protection"
    assert row["series_period"] == "2022-12-31"
    assert row["verdict"] == "matches press reports"


def test_stock_figure_that_went_out_of_date_is_flagged():
    text = "Turkey hosts some 3.5 million Syrians under temporary protection."
    row = one(text, "2023-08-09", "some 3.5 million", 3500000)
    assert row["verdict"] == "differs from press reports"
    assert "out of date" in row["notes"]


def test_word_quantity_must_fall_inside_its_range():
    text = "Tens of thousands of people crossed the Channel in small boats last year."
    row = one(text, "2023-02-01", "Tens of thousands", None, low=20000, high=99999)
    assert row["series_period"] == "2022"
    assert row["verdict"] == "order of magnitude matches"
    assert "20,000 to 99,999" in row["tolerance_rule"]


def test_country_words_keep_a_uk_sentence_off_turkish_series():
    text = "Britain deported 5,000 people in 2022."
    row = one(text, "2023-03-01", "5,000", 5000)
    assert row["verdict"] == "cannot check"
    assert not row["series"].startswith("turkiye")


def test_year_to_date_compares_with_the_running_total_at_publication():
    # the total to the day before publication: the last day a report that day can count
    text = "Over 15,000 people have crossed the Channel in small boats so far this year."
    row = one(text, "2023-08-09", "Over 15,000", 15000)
    assert row["series"] == "uk_small_boat_arrivals_ytd_daily"
    assert (row["series_value"], row["series_period"]) == (15071, "2023-08-08")
    assert row["verdict"] == "consistent"


@pytest.mark.parametrize(("text", "verdict"), [
    # 15,827 to 10 August 2023; 16,170 with the 11th's own 343
    ("The total number of small boat arrivals so far this year now stands at 15,827.",
     "consistent"),
    ("So far this year, 16,170 people have crossed the Channel in small boats.", "consistent"),
    ("So far this year, 17,000 people have crossed the Channel in small boats.",
     "inconsistent"),
])
def test_a_total_so_far_holds_to_the_day_before_publication_or_with_that_days(text, verdict):
    row = extracted(text, "2023-08-11").iloc[0]
    assert (row["series"], row["verdict"]) == ("uk_small_boat_arrivals_ytd_daily", verdict)


def test_since_january_of_the_publication_year_is_year_to_date():
    text = "More than 2,500 people have crossed the Channel in small boats since January 2024."
    row = one(text, "2024-03-12", "More than 2,500", 2500)
    assert row["claim_period"].startswith("2024-01-01 to 2024-03-12")
    # January and February (2,255) and all of March (5,435) bound it: the claim's 2,500 to
    # 2,750 holds for some of those values and not for others.
    assert row["verdict"] == "cannot check"
    assert "between 2,255 and 5,435" in row["reason"]


def test_since_a_year_uses_the_running_total_since_then():
    text = "Turkey has deported 449,326 irregular migrants since 2016."
    row = one(text, "2023-01-20", "449,326", 449326)
    assert row["series"] == "turkiye_deportations_since_2016"
    assert row["series_period"] == "2022-12-31"


def test_that_brought_reads_the_period_of_the_previous_sentence():
    text = ("Turkey deported 124,441 irregular migrants last year.\n"
            "That brought the number of irregular migrants deported since 2016 to 449,326.")
    row = one(text, "2023-08-09", "449,326", 449326, period="2016/2023")
    assert row["series_period"] == "2022-12-31"
    assert row["verdict"] == "matches press reports"


def test_explicit_year_of_another_clause_gives_the_period():
    text = ("A total of 280,206 migrants were denied entry into Turkey in 2022, while 236,572 "
            "irregular migrants were caught.")
    rows = check(text, "2023-08-09", figure(text, "280,206", 280206),
                 figure(text, "236,572", 236572))
    assert rows["series"].tolist() == ["turkiye_prevented_from_entering",
                                       "turkiye_apprehensions_excluding_repeats"]
    assert rows["verdict"].tolist() == ["matches press reports", "matches press reports"]
    assert "turkiye_apprehensions: 285,027" in rows.loc[1, "notes"]


def test_period_of_a_comparison_clause_is_not_borrowed():
    text = ("Nearly 35,000 people were housed in hotels, compared with a peak of 56,000 in "
            "June 2023.")
    rows = check(text, "2024-11-28", figure(text, "Nearly 35,000", 35000),
                 figure(text, "56,000", 56000))
    assert rows.loc[0, "claim_period"].startswith("2024-11-28")
    assert rows.loc[1, "claim_period"] == "2023-06"


def test_a_stock_counted_before_a_cut_off_date_is_not_read_at_that_date():
    # the claims made before the date are a part of the backlog, counted at no stated date
    text = ("The legacy backlog of 92,601 asylum claims made before 28 June 2022 has been"
            " cleared, the Home Office said.")
    row = extracted(text, "2024-01-05").iloc[0]
    assert (row["verdict"], row["claim_period"]) == ("not comparable", "")
    assert "before 28 june 2022" in row["reason"]


@pytest.mark.parametrize("text", [
    "Small boat arrivals rose 25% in 2022, and returns reached 18,000 in 2022, compared with"
    " 20,000 in 2021.",
    "Returns reached 18,000 in 2022, compared with 20,000 in 2021, as small boat arrivals rose.",
])
def test_a_figure_that_names_what_it_counts_is_not_checked_by_another_clauses_words(text):
    # no series counts returns: neither number is set against small boat arrivals
    rows = extracted(text, "2024-09-05")
    counted = rows[rows["claim"].isin(["18,000", "20,000"])]
    assert counted["series"].tolist() == ["", ""]
    assert counted["verdict"].tolist() == ["cannot check"] * 2


def test_a_figure_free_clause_still_says_where_a_thing_series_count_was_counted():
    # Frontex, Eastern Mediterranean route, all detections in 2023: 61,296 (52,767 by sea)
    row = extracted("On the Eastern Mediterranean route, detections reached 52,767 in 2023.",
                    "2024-05-10").iloc[0]
    assert (row["series"], row["verdict"]) == ("frontex_eastern_mediterranean", "inconsistent")


def test_a_change_base_reads_the_clause_of_its_figure_and_the_figure_free_ones_before():
    text = ("On the Eastern Mediterranean route, Frontex recorded 52,767 irregular crossings by"
            " sea in 2023, up from 30,451 a year earlier.")
    rows = extracted(text, "2024-05-10")
    assert [(r["series"], r["verdict"]) for _, r in rows.iterrows()] == [
        ("frontex_eastern_mediterranean_sea", "consistent")] * 2


def test_the_year_of_a_base_after_a_figure_is_not_the_figures():
    # Frontex, Turkish nationals on the Eastern Mediterranean route: 2,783 in 2023
    text = ("Some 3,040 Turkish nationals arrived on small boats in 2023. Over the same period,"
            " Frontex recorded 2,783 detections of Turkish nationals on the Eastern Mediterranean"
            " route, slightly fewer than the 2,977 in 2022.")
    row = extracted(text, "2024-03-07").iloc[1]
    assert (row["claim"], row["series_period"], row["verdict"]) == ("2,783", "2023",
                                                                    "consistent")


def test_a_base_after_its_counted_words_and_a_chain_of_clauses_reads_the_first():
    # 2022: 74,751 applications for 89,398 people; 2021: 48,540 applications
    text = ("There were 74,751 asylum applications in 2022, relating to 89,398 people, the Home"
            " Office said, up from 48,540 applications the year before.")
    row = extracted(text, "2023-02-23").iloc[2]
    assert (row["claim"], row["claim_period"], row["series"], row["series_value"]) == (
        "48,540", "2021", "uk_asylum_applications_main", 48540)


@pytest.mark.parametrize(("text", "published", "series"), [
    # a count whose unit the series has keeps the words of the sentence's other clauses
    ("The first asylum seekers have boarded the Bibby Stockholm barge at Portland Port, with 15"
     " men taken on board yesterday.", "2023-08-08", "bibby_stockholm_people_on_board"),
    ("The number of people awaiting an initial decision fell to 124,802 at the end of December,"
     " from 133,409 at the end of September, relating to about 90,600 cases.", "2025-02-28",
     "uk_asylum_backlog_cases"),
])
def test_a_count_in_a_series_unit_keeps_the_words_of_other_clauses(text, published, series):
    assert extracted(text, published).iloc[-1]["series"] == series


def test_a_cut_off_date_leaves_a_figure_undated_whatever_else_its_clause_says():
    text = ('In December, Rishi Sunak pledged to clear the "legacy backlog" - about 92,000 claims'
            ' made before 28 June 2022 - by the end of 2023.')
    row = extracted(text, "2023-08-25").iloc[0]
    assert (row["period"], row["claim_period"]) == ("before 28 june 2022",
                                                    "2023-08-25 (publication date)")


@pytest.mark.parametrize(("text", "published", "claim_period", "verdict"), [
    # 7,610 crossed from January to May 2023; 33,029 from January to September 2022
    ("By the end of May, 7,610 people had crossed the Channel in small boats.", "2023-06-15",
     "2023-01-01 to 2023-05-31", "consistent"),
    ("More than 33,000 people had crossed the Channel in small boats by the end of September.",
     "2022-11-01", "2022-01-01 to 2022-09-30", "consistent"),
    # a level reached by then is read at that date
    ("By the end of June, the backlog of asylum cases had reached 134,000.", "2023-11-01",
     "2023-06", "consistent"),
])
def test_what_had_been_done_by_the_end_of_a_month_counts_since_the_year_began(
        text, published, claim_period, verdict):
    row = extracted(text, published).iloc[0]
    assert (row["claim_period"], row["verdict"]) == (claim_period, verdict)


@pytest.mark.parametrize(("text", "published", "claim", "series"), [
    # a base after a detail's clause ("in 602 boats") or a bare change ("up 60%") is
    # compared with the clause before them
    ("The number of people crossing the Channel fell to 29,437 in 2023, in 602 boats, down"
     " from 45,774 the year before.", "2024-01-05", "45,774", "uk_small_boat_arrivals_annual"),
    ("In 2022, 45,774 migrants crossed in small boats, up 60%, with 1,110 boats, compared with"
     " 28,526 in 2021.", "2023-02-24", "28,526", "uk_small_boat_arrivals_annual"),
    # people the catalogue had no noun for
    ("As small boats continued to arrive, newcomers totalled 29,437 in 2023.", "2024-01-05",
     "29,437", "uk_small_boat_arrivals_annual"),
])
def test_a_bases_clause_and_its_counted_people_reach_the_right_series(
        text, published, claim, series):
    rows = extracted(text, published)
    row = rows[rows["claim"] == claim].iloc[0]
    assert (row["series"], row["verdict"]) == (series, "consistent")


def test_a_moment_just_before_a_date_and_a_verb_double_are_no_cut_off_or_base():
    text = ("Just before 1 January 2023, 160,919 people were waiting for an initial decision on"
            " their asylum claims.")
    assert extracted(text, "2023-02-01").iloc[0]["verdict"] == "consistent"
    row = extracted("Ministers fear arrivals could double in 2023 to 80,000.",
                    "2023-01-10").iloc[0]
    assert row["reason"].startswith("a forecast for 2023")


def test_boats_are_not_counted_as_people():
    text = "Some 1,110 boats crossed the Channel in 2022."
    row = one(text, "2023-03-01", "Some 1,110", 1110)
    assert row["series"] == "uk_small_boats_detected_annual"


def test_a_competing_vintage_can_match_a_claim_and_names_its_source_kind():
    text = "In 2022, 89,398 people claimed asylum in the UK."
    row = one(text, "2023-03-01", "89,398", 89398)
    assert row["series"] == "uk_asylum_applications_people"
    # The first-published value is known here only from a news report of the release.
    assert row["verdict"] == "matches press reports" and "first published" in row["notes"]
    assert row["source_kind"] == "press"


def test_percentage_change_is_checked_against_the_series_change():
    text = "Small boat arrivals reached 45,774 in 2022, up 60% compared with 2021."
    row = one(text, "2023-03-01", "60%", 60, unit="percent")
    assert row["series_period"] == "2022 vs 2021"
    assert round(row["series_value"], 1) == 60.5
    assert row["verdict"] == "consistent"


def test_a_change_in_small_boat_arrivals_is_of_people_not_of_boats():
    # 2023: 29,437 people against 45,774 in 2022 (-35.7%); boats fell 45.8%
    text = "Small boat arrivals fell 36% in 2023 compared with 2022."
    row = one(text, "2024-01-10", "36%", 36, unit="percent", counts="Small boat arrivals")
    assert row["series"] == "uk_small_boat_arrivals_annual"
    assert row["verdict"] == "consistent"


def test_the_level_a_change_reaches_counts_what_the_change_counts():
    text = "Small boat crossings fell by more than a third last year, to 29,437."
    row = extracted(text, "2024-01-10").iloc[-1]
    assert (row["claim"], row["series"], row["verdict"]) == (
        "29,437", "uk_small_boat_arrivals_annual", "consistent")


def test_percentage_without_a_base_cannot_be_checked():
    text = "Men accounted for 76% of applicants."
    row = one(text, "2024-11-28", "76%", 76, unit="percent")
    assert row["verdict"] == "cannot check" and row["reason"]


# --- cannot check -----------------------------------------------------------------------


def test_figure_no_series_counts_cannot_be_checked_with_a_reason():
    text = "The minister made five pledges."
    row = one(text, "2023-03-01", "five", 5)
    assert row["verdict"] == "cannot check"
    assert "no reference series" in row["reason"]


def test_series_of_another_order_of_magnitude_is_not_compared():
    text = "Around 600 asylum seekers will be moved out of hotels."
    row = one(text, "2024-09-16", "Around 600", 600)
    assert row["verdict"] == "not comparable"
    assert "order of magnitude" in row["reason"]


def test_a_period_off_the_calendar_is_not_compared_at_the_publication_date():
    text = "Crossings fell.\n\nIn the same period last year, 45,000 people crossed the Channel."
    row = one(text, "2023-08-10", "45,000", 45000)
    assert row["series"].startswith("uk_small_boat_arrivals")
    assert row["verdict"] == "not comparable"
    assert "“the same period last year”" in row["reason"]
    text = "About 400 people a week crossed the Channel in small boats."
    row = one(text, "2023-08-10", "About 400", 400, period="per week")
    assert row["verdict"] == "not comparable" and "“per week”" in row["reason"]
    text = "About 12,000 people crossed the Channel in small boats this year."
    row = one(text, None, "About 12,000", 12000, period="this year")
    assert row["verdict"] == "cannot check" and "no publication date" in row["reason"]


def test_a_rate_over_its_sentences_period_is_checked_as_an_average():
    # small-boat arrivals: 36,816 in 2024 (366 days: 100.6 a day), 29,437 in 2023
    # (2,453 a month)
    row = extracted("In 2024, an average of about 100 people a day crossed the Channel in"
                    " small boats.", "2025-03-01").iloc[0]
    assert (row["claim_period"], row["verdict"]) == ("2024, per day on average", "consistent")
    assert row["series_value"] == pytest.approx(36816 / 366)
    assert "the series' 36,816 for 2024 (366 days) is 100.6 per day" in row["notes"]
    row = extracted("In 2023, about 4,000 people a month crossed the Channel in small boats.",
                    "2025-03-01").iloc[0]
    assert (row["series_value"], row["verdict"]) == (pytest.approx(29437 / 12), "inconsistent")
    # "Since January" opening the sentence: 1 January to publication (10,448 to 31 May 2024)
    row = extracted("Since January, an average of 480 people a week have crossed the Channel"
                    " in small boats.", "2024-06-01").iloc[0]
    assert (row["series_value"], row["verdict"]) == (pytest.approx(477.95, abs=0.01),
                                                     "consistent")
    # which weeks "the same period" are is not said: not compared
    row = extracted("In the summer of 2024, 1,200 people a week crossed in small boats, compared"
                    " with fewer than 600 a week in the same period of 2023.",
                    "2025-03-01").iloc[1]
    assert row["verdict"] == "not comparable"


def test_a_rate_that_is_a_base_is_averaged_over_its_own_year():
    rows = extracted("In 2024, small boat arrivals averaged 100 people a day, compared with 80 a"
                     " day in 2023.", "2025-01-10")
    assert [(r["claim_period"], r["verdict"]) for _, r in rows.iterrows()] == [
        ("2024, per day on average", "consistent"), ("2023, per day on average", "consistent")]
    row = extracted("In 2024, up to 800 people a day crossed the Channel in small boats.",
                    "2025-01-10").iloc[0]
    assert "36,816 (100.6 per day)" in row["reason"]


def test_a_visa_schemes_arrivals_are_no_small_boats():
    row = extracted("In 2024, around 1,000 Ukrainians a month continued to arrive in Britain"
                    " under the Homes for Ukraine scheme.", "2025-01-10").iloc[0]
    assert row["series"] == ""


def test_a_value_for_the_period_outranks_bounds_that_would_hold_the_claim():
    # 1 January to 10 August ends inside a quarter: the quarterly series only bounds it
    # (11,433 to 24,830, which holds 12,000); the daily running total gives the value (to the
    # 9th, or 15,827 with the 10th's: neither holds it).
    text = "About 12,000 people crossed the Channel in small boats this year."
    row = one(text, "2023-08-10", "About 12,000", 12000)
    assert row["series"] == "uk_small_boat_arrivals_ytd_daily"
    assert (row["series_value"], row["verdict"]) == (15071, "inconsistent")  # to 9 August
    assert "uk_small_boat_arrivals_quarterly" in row["notes"]


def test_a_running_total_counts_what_the_clause_before_it_counts():
    # 2024: 3,041 in June, 13,489 from January to June (the monthly series' sum).
    text = ("In June 2024, 3,041 people arrived in small boats, bringing the total for the "
            "first half of the year to 13,489.")
    rows = check(text, "2024-07-01", figure(text, "3,041", 3041, counts="people"),
                 figure(text, "13,489", 13489, counts="people"))
    assert rows["claim_period"].tolist() == ["2024-06", "2024-01-01 to 2024-06-30"]
    assert rows["series"].tolist() == ["uk_small_boat_arrivals_monthly"] * 2
    assert rows["series_value"].tolist() == [3041, 13489]
    assert rows["verdict"].tolist() == ["consistent", "consistent"]


def test_a_total_that_names_nothing_counts_what_the_clause_before_it_counts():
    # "the total" is the year's small-boat arrivals (2025: 41,472), not the running total
    # since 2018, which has no value for a year alone.
    text = ("More than 36,800 migrants crossed the Channel in small boats in 2024, and the "
            "total rose again in 2025 to 41,472.")
    row = extracted(text, "2026-01-10").iloc[-1]
    assert (row["claim"], row["claim_period"]) == ("41,472", "2025")
    assert row["series"] == "uk_small_boat_arrivals_annual"
    assert (row["series_value"], row["verdict"]) == (41472, "consistent")


def test_a_change_over_a_past_year_with_no_base_is_from_the_year_before():
    # Small-boat arrivals: 29,437 in 2023, 36,816 in 2024 (+25.1%).
    def checked(text: str) -> pd.Series:
        return extracted(text, "2025-02-01").iloc[0]

    row = checked("Small boat arrivals rose by 25% in 2024.")
    assert row["claim_period"] == "2024 vs 2023 (the year before: the sentence states no base)"
    assert (row["series_period"], row["verdict"]) == ("2024 vs 2023", "consistent")
    assert checked("Small boat arrivals fell by 10% last year.")["verdict"] == "inconsistent"
    # A month's change could be from the month before or from a year earlier; a year still
    # to come is a forecast.
    row = checked("Small boat arrivals rose 36% in October 2024.")
    assert (row["verdict"], row["reason"]) == (
        "cannot check", "a percentage with no comparison base in its sentence")
    row = checked("Small boat arrivals will rise by 25% in 2026.")
    assert (row["verdict"], row["reason"]) == (
        "cannot check", "a forecast for 2026, not over at publication (2025-02-01)")


def test_a_change_by_a_fraction_holds_what_rounds_to_it_among_news_fractions():
    # Small-boat arrivals: 2023 -35.7% on 2022, 2024 +25.1% on 2023.
    def checked(text: str) -> pd.Series:
        return extracted(text, "2025-02-01").iloc[0]

    row = checked("Small boat arrivals fell by a third in 2023.")
    assert (row["value"], row["series_period"]) == (pytest.approx(100 / 3), "2023 vs 2022")
    assert row["verdict"] == "consistent" and "29.17 to 36.67" in row["tolerance_rule"]
    assert checked("Small boat arrivals fell by half in 2023.")["verdict"] == "inconsistent"
    assert checked("Small boat arrivals rose by a quarter in 2024.")["verdict"] == "consistent"
    assert checked("Small boat arrivals fell by more than a third in 2023.")["verdict"] == (
        "consistent")
    # "more than half" holds up to the next fraction news commonly writes (two thirds): 2022's
    # rise of 60.5%; "almost" keeps a number's 10%: 35.7% is not almost half
    row = checked("In 2022 small boat arrivals were up by more than half on 2021.")
    assert row["verdict"] == "consistent" and "below the next fraction, 66.67" in (
        row["tolerance_rule"])
    assert checked("Small boat arrivals fell by almost half in 2023.")["verdict"] == (
        "inconsistent")
    # a share of what is counted is no change
    row = checked("A third of small boat arrivals in 2023 were Albanians.")
    assert row["compared_as"] != "change"
    # "down a third on 2022" (no "by") is the same change, its base said; "a third time" is
    # no fraction
    row = checked("Small boat arrivals in 2023 were down a third on 2022.")
    assert (row["claim_period"], row["verdict"]) == ("2023 vs 2022", "consistent")
    assert extracted("Turnout rose a third time in a row in 2023.", "2025-02-01").empty
    # "a quarter more than in 2023", "a third fewer than in 2022": the fraction is the change
    rows = extracted("More than 36,800 people made the crossing in 2024, about a quarter more"
                     " than in 2023.", "2025-02-01")
    assert [(r["claim_period"], r["compared_as"], r["verdict"]) for _, r in rows.iterrows()][1] == (
        "2024 vs 2023", "change", "consistent")
    row = extracted("In 2023, 29,437 people crossed in small boats, a third fewer than in 2022.",
                    "2025-02-01").iloc[1]
    assert (row["claim_period"], row["verdict"]) == ("2023 vs 2022", "consistent")
    row = extracted("In 2023, 29,437 people crossed in small boats, half as many as in 2022.",
                    "2025-02-01")
    assert "change" not in row["compared_as"].tolist()


def test_a_percentage_that_is_a_level_is_no_change():
    # Turkish nationals' share of small-boat arrivals: 2.5% in 2022, 10.3% in 2023.
    def checked(text: str) -> list[tuple[str, str, str]]:
        return [(r["claim"], r["claim_period"], r["compared_as"])
                for _, r in extracted(text, "2025-01-15").iterrows()]

    # "made up" and "up to" are no rise: a share of 2023, not a change on 2022
    for text in ("Turkish nationals made up 10% of people arriving in the UK by small boat "
                 "in 2023.", "Up to 11% of people arriving in the UK by small boat in 2023 "
                 "were Turkish nationals."):
        row = extracted(text, "2025-01-15").iloc[0]
        assert (row["claim_period"], row["series"], row["verdict"]) == (
            "2023", "uk_turkish_nationals_small_boats_share", "consistent"), text
    # "up from 2.5%" and "rose to 10%" are levels; "to 32% below 2005 levels" is a change
    assert [(c, p) for c, p, _ in checked(
        "Turks made up 10% of people arriving in the UK by small boat in 2023, up from 2.5% in"
        " 2022.")] == [("10%", "2023"), ("2.5%", "2022")]
    assert checked("Emissions fell by 2020 to 32% below 2005 levels.")[0][1] == (
        "2020 vs 2005")


@pytest.mark.parametrize("text", [
    "Some 36,816 people arrived in small boats last year, a rise of 25% on the 29,437"
    " recorded in 2023.",
    "Small boat arrivals rose 25% to 36,816 in 2024 from 29,437 in 2023.",
    "In 2024, 36,816 people crossed in small boats, up 25% compared with the 29,437 who"
    " crossed in 2023.",
])
def test_a_base_figure_with_its_year_dates_the_base_not_the_change(text):
    # small-boat arrivals: 29,437 in 2023, 36,816 in 2024 (+25.1%)
    rows = extracted(text, "2025-02-27")
    row = rows[rows["claim"] == "25%"].iloc[0]
    assert (row["claim_period"], row["verdict"]) == ("2024 vs 2023", "consistent")
    row = rows[rows["claim"] == "29,437"].iloc[0]
    assert (row["claim_period"], row["verdict"]) == ("2023", "consistent")


@pytest.mark.parametrize(("text", "period", "verdict"), [
    # a hedge "more than" or "claims from" is no base
    ("Small boat arrivals rose 25%, with more than 36,000 people crossing in 2024.",
     "2024 vs 2023 (the year before: the sentence states no base)", "consistent"),
    ("Small boat arrivals rose 25% on 2023, to more than 36,000 in 2024.", "2024 vs 2023",
     "consistent"),
])
def test_a_hedged_number_with_a_year_is_no_base(text, period, verdict):
    row = extracted(text, "2025-02-27").iloc[0]
    assert (row["claim_period"], row["verdict"]) == (period, verdict)


def test_the_previous_year_after_a_number_is_that_numbers_base_only():
    rows = extracted("Turkish nationals made up 10.3% of small boat arrivals in 2023, up from"
                     " 2.5% the previous year.", "2025-02-27")
    assert [(r["claim_period"], r["verdict"]) for _, r in rows.iterrows()] == [
        ("2023", "consistent"), ("2022", "consistent")]
    rows = extracted("In 2024, 36,816 people crossed the Channel in small boats. The Home"
                     " Office had recorded 29,437 the previous year.", "2025-02-27")
    assert rows["claim_period"].tolist() == ["2024", "2023"]


def test_a_length_of_time_or_a_distance_is_no_count_of_anything():
    rows = extracted("Returns rose to their highest level in five years. The dinghy was 10"
                     " metres long.", "2025-02-27")
    assert rows["reason"].tolist() == [
        "a quantity in years: no reference series is in years",
        "a quantity in m: no reference series is in m"]


def test_a_claim_that_fits_a_series_its_words_fit_less_well_says_so():
    # asylum claims (main applicants) 84,231 in 2024; people, with dependants, 108,138
    row = extracted("There were 108,138 asylum claims in 2024.", "2025-02-27").iloc[0]
    assert row["series"] == "uk_asylum_applications_main"
    assert row["verdict"] in ("inconsistent", "differs from other sources")
    assert "the number fits another series, uk_asylum_applications_people" in row["notes"]
    assert "108,138 for 2024" in row["notes"]
    row = extracted("There were 84,231 asylum claims in 2024.", "2025-02-27").iloc[0]
    assert "fits" not in row["notes"]


def test_people_claiming_asylum_are_asylum_applications():
    rows = extracted("There were 91,811 people claiming asylum in 2023, down from 99,939 the"
                     " previous year.", "2025-01-15")
    assert [(r["claim_period"], r["series"], r["verdict"]) for _, r in rows.iterrows()] == [
        ("2023", "uk_asylum_applications_people", "consistent"),
        ("2022", "uk_asylum_applications_people", "consistent")]


def test_the_sentences_other_words_rule_out_a_series_the_clause_fits():
    # Turkish nationals crossing in small boats: 3,040 in 2023 (all arrivals 29,437)
    row = extracted("Turkish nationals were the fourth-largest group crossing the Channel in"
                    " 2023, with 3,040 arrivals.", "2024-03-01").iloc[0]
    assert (row["series"], row["verdict"]) == ("uk_turkish_nationals_small_boats", "consistent")


def test_a_place_no_series_covers_is_not_set_against_the_uks():
    row = extracted("Migrant crossings at the U.S.-Mexico border fell to about 29,000 in"
                    " December.", "2025-01-07").iloc[0]
    assert (row["series"], row["verdict"]) == ("", "cannot check")
    # a sentence that names the UK is checked, whatever the article says of America
    rows = extracted("American officials watched closely.\n\nIn 2023, 29,437 people crossed"
                     " the Channel to the UK in small boats.", "2025-01-07")
    assert rows.iloc[0]["verdict"] == "consistent"


@pytest.mark.parametrize("text", [
    "Some 29,437 people crossed the Channel in small boats in 2023, the Home Office said, with"
    " Albanians no longer the largest group.",
    "Small boats remain a headache for the Home Office. Ministers want an Australian-style"
    " turnback policy after 29,437 people arrived in small boats in 2023.",
])
def test_a_word_for_another_group_or_place_in_passing_keeps_the_series(text):
    row = extracted(text, "2024-03-10").iloc[0]
    assert (row["series"], row["verdict"]) == ("uk_small_boat_arrivals_annual", "consistent")


def test_a_nationality_of_the_people_counted_is_no_place():
    # "Turkish nationals" are who is counted, not where: the share is of UK arrivals
    for text in ("Turkish nationals made up 10% of small boat arrivals in 2023.",
                 "Turkish nationals accounted for roughly one in ten small boat arrivals in"
                 " 2023.", "Turks were 10% of small boat arrivals in 2023."):
        row = extracted(text, "2025-01-15").iloc[0]
        assert (row["series"], row["verdict"]) == (
            "uk_turkish_nationals_small_boats_share", "consistent"), text
    # the Turkish coast guard is in Türkiye
    row = extracted("The Turkish coast guard caught 285,027 irregular migrants in 2022.",
                    "2025-01-15").iloc[0]
    assert row["series"].startswith("turkiye_"), row["series"]


def test_a_share_in_words_is_checked_against_a_series_of_percentages():
    # Turkish nationals were 10.3% of small-boat arrivals in 2023.
    def checked(text: str) -> pd.Series:
        return extracted(text, "2025-01-15").iloc[0]

    row = checked("In 2023, one in ten people who crossed the Channel to Britain were Turkish.")
    assert (row["value"], row["series"], row["verdict"]) == (
        10, "uk_turkish_nationals_small_boats_share", "consistent")
    assert "9.52 to 10.53" in row["tolerance_rule"]  # what rounds to one in ten
    row = checked("In 2023, one in five people who crossed the Channel to Britain were Turkish.")
    assert row["verdict"] == "inconsistent"
    # a hedge is no narrower than the rounding of the words it hedges
    row = checked("Turkish nationals accounted for roughly one in ten people who reached Britain"
                  " in small boats in 2023.")
    assert row["verdict"] == "consistent" and "9.52 to 10.53" in row["tolerance_rule"]


def test_a_level_in_part_of_a_year_is_the_series_one_date_in_it():
    # People awaiting an initial asylum decision: 175,457 on 30 June 2023 (quarter ends)
    row = extracted("The number of people waiting for an initial decision on their asylum "
                    "claim had peaked at 175,457 in mid-2023.", "2025-02-27").iloc[0]
    assert (row["series"], row["series_period"], row["verdict"]) == (
        "uk_asylum_backlog_people", "2023-06-30", "consistent")
    # late 2023 holds two quarter ends: which one is not said
    row = extracted("The number of people waiting for an initial decision on their asylum "
                    "claim stood at 165,000 in late 2023.", "2025-02-27").iloc[0]
    assert row["verdict"] == "cannot check" and "2 dates of the series" in row["reason"]


def test_the_eus_eastern_land_borders_are_the_eastern_borders_route():
    # Frontex: Eastern Borders route 17,260 detections in 2024; Eastern Mediterranean land
    # 9,414
    row = extracted("Detections at the EU's eastern land borders almost tripled last year, to "
                    "17,260, driven by arrivals from Belarus.", "2025-01-14").iloc[0]
    assert (row["series"], row["verdict"]) == ("frontex_eastern_borders", "consistent")
    # crossings of a border are detections; crossings alone say no unit
    row = extracted("Crossings at the EU's eastern land borders almost tripled last year, to "
                    "17,260.", "2025-01-14").iloc[0]
    assert row["verdict"] == "consistent"
    row = extracted("Crossings on the Central Mediterranean route fell last year, to 66,855.",
                    "2025-01-14").iloc[0]
    assert (row["series"], row["verdict"]) == ("frontex_central_mediterranean",
                                               "not comparable")


def test_a_record_the_article_claims_is_set_against_the_series_history():
    # Small-boat arrivals per year (official): 2018 299, 2019 1,843, 2020 8,466, 2021 28,526,
    # 2022 45,774, 2023 29,437; UK asylum applications (people): highest in 2024 (108,138).
    def notes(text: str, published: str = "2025-02-27") -> list[str]:
        return list(extracted(text, published)["notes"])

    note = notes("A total of 108,138 people claimed asylum in the UK in 2024, the highest "
                 "figure on record.")[0]
    assert "'the highest figure on record': holds in the series" in note
    assert "the series starts in 2015: a longer record is not shown" in note
    # "since 2020" counts 2021 and 2022: 2021 was lower
    note = notes("There were 29,437 small boat arrivals in 2023, the lowest since 2020.")[0]
    assert "not in the series: 2021 was lower (28,526 against 29,437 in 2023)" in note
    # "since records began in 2018" counts 2018 too
    note = notes("Some 45,774 people crossed the Channel in small boats in 2022, the most since "
                 "records began in 2018.")[0]
    assert "holds in the series (45,774 in 2022; 4 earlier values, 2018 to 2021)" in note
    # "so far this year" over a series that starts on 24 July 2023 (756 on 10 August)
    note = notes("More than 750 people crossed the English Channel in small boats on Thursday,"
                 " the highest daily figure so far this year.", "2023-08-11")[0]
    assert "holds in the series (756 in 2023-08-10; 17 earlier values" in note
    assert "the series starts in 2023-07-24: the values from 2023-01-01 before it are" in note
    # "a record 45,774", and a record the next sentence refers back to
    assert "'a record': holds" in notes(
        "Small boat crossings fell last year from a record 45,774 in 2022.")[-1]
    found = notes("Last year 124,441 irregular migrants were deported and some 58,758 Syrians "
                  "returned. This was the highest number of deportations in Türkiye's history.",
                  "2023-08-09")
    assert "no earlier value to rank 2022 against" in found[0] and "highest" not in found[1]


def test_syrians_who_returned_are_not_syrians_under_temporary_protection():
    # Syrians returned from Türkiye since 8 December 2024: 509,387 on 29 September 2025;
    # under temporary protection: 2,506,000 on 29 August 2025
    rows = extracted("More than 500,000 Syrians have returned to their country from Türkiye "
                     "since the fall of the Bashar Assad regime on Dec. 8, the minister said. "
                     "The number of Syrians under temporary protection has dropped to around 2.5"
                     " million.", "2025-09-30")
    assert [(r["series"], r["verdict"]) for _, r in rows.iterrows()] == [
        ("turkiye_syrian_returns_since_dec_2024", "matches press reports"),
        ("turkiye_syrians_temporary_protection", "matches press reports")]
    # a running total with no start said is no level of those under protection
    row = extracted("Yerlikaya said 509,387 Syrians had voluntarily returned as of Sept. 29.",
                    "2025-09-30").iloc[0]
    assert row["series"] != "turkiye_syrians_temporary_protection"


def test_irregular_crossings_frontex_records_are_detections_and_by_sea_the_sea_route():
    # Frontex, Eastern Mediterranean route at sea: 52,767 in 2023, 30,451 in 2022; Türkiye
    # prevented 223,856 from entering in 2023
    rows = extracted("Frontex recorded 52,767 irregular crossings by sea on the Eastern "
                     "Mediterranean route in 2023, up from 30,451 a year earlier.", "2024-05-10")
    assert [(r["series"], r["verdict"]) for _, r in rows.iterrows()] == [
        ("frontex_eastern_mediterranean_sea", "consistent")] * 2
    row = extracted("Turkish authorities said they had stopped 223,856 people from entering the "
                    "country irregularly in 2023.", "2024-05-10").iloc[0]
    assert (row["series"], row["verdict"]) == ("turkiye_prevented_from_entering",
                                               "matches press reports")


def test_the_three_months_to_a_month_are_those_months_and_no_figure():
    # Small-boat arrivals: April 2024 2,132, May 2,881, June 3,041 (8,054)
    rows = extracted("Some 8,054 people crossed the Channel in small boats in the three months "
                     "to June, official figures show.", "2024-08-22")
    assert [(r["claim"], r["series_period"], r["verdict"]) for _, r in rows.iterrows()] == [
        ("Some 8,054", "2024-04 to 2024-06", "consistent")]


def test_a_list_item_is_read_with_the_lists_lead_in():
    # Small-boat arrivals in 2023: 29,437
    text = ("Small boat arrivals by nationality in 2023 (Home Office):\n"
            "- Afghanistan: 5,545\n- Total: 29,437\n\nThe Home Office published the data.")
    rows = extracted(text, "2024-03-01")
    total = rows[rows["claim"] == "29,437"].iloc[0]
    assert (total["claim_period"], total["series"], total["verdict"]) == (
        "2023", "uk_small_boat_arrivals_annual", "consistent")
    # a paragraph that is no list item, or a list without a lead-in ending in a colon, is not
    rows = extracted("Small boat arrivals in 2023.\n- Total: 29,437", "2024-03-01")
    assert rows.iloc[0]["claim_period"] == "2024-03-01 (publication date)"


def test_the_figure_opening_a_sentence_counts_what_the_sentence_before_counts():
    # People in asylum hotels: 56,042 on 30 September 2023 (press)
    rows = extracted("About 51,000 people are housed in some 400 asylum hotels.\n\n"
                     "The figure has fallen from a peak of 56,042 in September 2023.",
                     "2024-06-14")
    row = rows[rows["claim"] == "56,042"].iloc[0]
    assert (row["series"], row["series_period"], row["verdict"]) == (
        "uk_asylum_hotels_people", "2023-09-30", "matches press reports")


def test_the_number_opening_a_sentence_counts_the_people_of_the_sentence_before():
    # 29,437 people in small boats in 2023, 36,816 in 2024: "by small boat" is how they
    # came, not what is counted (boats)
    rows = extracted("In 2023, 29,437 people arrived in the UK by small boat.\n\n"
                     "But the number rose again in 2024, to 36,816.", "2026-02-15")
    row = rows[rows["claim"] == "36,816"].iloc[0]
    assert (row["series"], row["verdict"]) == ("uk_small_boat_arrivals_annual", "consistent")


def test_the_figure_of_a_number_counts_what_the_sentence_before_counts():
    rows = extracted("Nearly 46,000 people crossed the Channel in small boats in 2022.\n\nThe"
                     " figure of 45,774 was up on the 28,526 who made the journey in 2021.",
                     "2023-03-01")
    assert rows[rows["claim"] == "45,774"].iloc[0]["verdict"] == "consistent"
    assert rows[rows["claim"] == "28,526"].iloc[0]["verdict"] == "consistent"
    # a fraction's base stated as a figure: 2022 +60.5% on 2021
    row = extracted("The 45,774 people who crossed in 2022 were up by more than half on the"
                    " 28,526 who made the journey in 2021.", "2023-03-01").iloc[1]
    assert (row["claim_period"], row["verdict"]) == ("2022 vs 2021", "consistent")


@pytest.mark.parametrize(("text", "series", "verdict"), [
    # a share's stated base after a figure that restates the change (2024 vs 2022: -19.6%)
    ("In 2024, small boat arrivals were down by a fifth, or 8,958 people, on the 45,774 who"
     " crossed in 2022.", "uk_small_boat_arrivals_annual", "consistent"),
    # a group named before the figure is no series of all arrivals
    ("In 2024, Afghans were the largest nationality: 15,000 crossed the Channel in small"
     " boats.", "", "cannot check"),
    # another country's officials and government
    ("American officials recorded 250,000 apprehensions in 2023.", "", "cannot check"),
    ("The Canadian government said 173,000 asylum claims were made in 2024.", "",
     "cannot check"),
])
def test_the_third_reviews_sentences(text, series, verdict):
    row = extracted(text, "2025-02-10").iloc[0]
    assert (row["series"], row["verdict"]) == (series, verdict)


def test_cases_in_the_system_are_the_asylum_caseload():
    row = extracted("In June 2024, 224,742 asylum cases were in the system, including appeals.",
                    "2024-09-23").iloc[0]
    assert (row["series"], row["verdict"]) == ("uk_asylum_cases_in_system", "consistent")


@pytest.mark.parametrize(("text", "series"), [
    # "The total" names nothing: the sentence before says what it counts
    ("Small boat crossings fell last year. The total was 29,437 in 2023.",
     "uk_small_boat_arrivals_annual"),
    ("The backlog of asylum cases has been cut. The total was 95,252 at the end of 2023.",
     "uk_asylum_backlog_cases"),
    # the group named after the figure has a series of its own
    ("In 2023, 3,040 people crossed the Channel in small boats, all of them Turkish nationals,"
     " the Home Office said.", "uk_turkish_nationals_small_boats"),
    # another country's officials in the next sentence do not move Türkiye's figure
    ("Türkiye steps up its fight against irregular migration\n\nThe interior ministry said"
     " security forces apprehended 254,008 irregular migrants in 2023. American officials have"
     " praised the crackdown.", "turkiye_apprehensions"),
])
def test_the_fourth_reviews_sentences(text, series):
    row = extracted(text, "2024-03-01").iloc[0]
    assert row["series"] == series and row["verdict"] in ("consistent", "matches press reports")


@pytest.mark.parametrize(("text", "series", "verdict"), [
    # a group named after the figure, not as all of them, keeps all arrivals
    ("Some 45,774 people crossed the Channel in small boats in 2022, with Turkish nationals"
     " among the fastest-growing groups.", "uk_small_boat_arrivals_annual", "consistent"),
    ("Some 29,437 people crossed the Channel in small boats in 2023, many of them children, and"
     " most are still in the system.", "uk_small_boat_arrivals_annual", "consistent"),
    # a paragraph on another country keeps its figure from the UK's series
    ("The UK saw 29,437 small boat arrivals in 2023.\n\nAustralia takes a very different"
     " approach. Some 12,000 people arrived by boat in 2023, and all were turned back.", "",
     "cannot check"),
    # Ireland's accommodation service is no UK series' (Northern Ireland is the UK)
    ("Ireland and the UK are at odds over asylum.\n\nThe International Protection Accommodation"
     " Services (IPAS) is currently housing about 30,000 people, many of them in hotels.", "",
     "cannot check"),
    ("Some 29,437 people crossed the Channel in small boats in 2023, and a few went on to "
     "Northern Ireland.", "uk_small_boat_arrivals_annual", "consistent"),
])
def test_the_fifth_reviews_sentences(text, series, verdict):
    row = extracted(text, "2024-03-01").iloc[-1]
    assert (row["series"], row["verdict"]) == (series, verdict)


@pytest.mark.parametrize("whole", [", all Turkish nationals,", " - all of them Turkish nationals,",
                                   ", nearly all of them Turkish nationals,"])
def test_a_group_that_is_all_of_them_picks_its_own_series(whole):
    row = extracted(f"Some 3,040 people crossed the Channel in small boats in 2023{whole} Home"
                    " Office figures show.", "2024-03-10").iloc[0]
    assert (row["series"], row["verdict"]) == ("uk_turkish_nationals_small_boats", "consistent")


def test_a_running_total_opening_it_takes_counts_what_the_sentence_before_counts():
    # small-boat arrivals to 10 October 2024: between 25,244 (to September) and 30,661
    rows = extracted("More than 1,000 people crossed the Channel in small boats on Wednesday.\n\n"
                     "It takes the total for the year so far to 22,000.", "2024-10-10")
    row = rows[rows["claim"] == "22,000"].iloc[0]
    assert (row["series"], row["verdict"]) == ("uk_small_boat_arrivals_monthly", "inconsistent")
    # a running total of "people" names no series by itself either
    rows = extracted("More than 600 people crossed the Channel on Thursday. It takes the total for"
                     " the year so far to 22,000.", "2024-10-11")
    assert rows.set_index("claim").loc["22,000", "series"] == "uk_small_boat_arrivals_monthly"


def test_deaths_are_no_arrivals():
    row = extracted("So far this year, 28 people have died attempting to cross the Channel in"
                    " small boats.", "2024-10-10").iloc[0]
    assert (row["series"], row["verdict"]) == ("", "cannot check")
    # deaths in another clause leave the arrivals the figure counts
    for text in ("36,816 crossed the Channel in small boats in 2024 as the number of deaths"
                 " soared.", "In 2024, which saw 78 people die, 36,816 migrants crossed the"
                 " Channel in small boats and dozens drowned."):
        row = extracted(text, "2025-01-02").set_index("claim").loc["36,816"]
        assert (row["series"], row["verdict"]) == ("uk_small_boat_arrivals_annual",
                                                   "consistent"), text


def test_all_of_them_of_two_groups_is_no_one_groups_figure():
    row = extracted("Some 29,437 people crossed the Channel in small boats in 2023, nearly all of"
                    " them Afghan and Turkish nationals.", "2024-03-01").iloc[0]
    assert (row["series"], row["verdict"]) == ("uk_small_boat_arrivals_annual", "consistent")


def test_a_share_takes_no_base_from_a_later_figures_comparison():
    row = extracted("Small boat arrivals fell by a fifth in 2024, to 36,816, on the 45,774 who"
                    " made the journey in 2022.", "2025-03-01").iloc[0]
    assert (row["claim_period"], row["verdict"]) == ("2024 vs 2022", "consistent")
    row = extracted("Small boat arrivals fell by a third in 2023 and rose again last year to"
                    " 36,816, compared with 29,437 in 2023.", "2025-01-10").iloc[0]
    assert (row["claim_period"], row["verdict"]) == (
        "2023 vs 2022 (the year before: the sentence states no base)", "consistent")


def test_a_rebuttal_after_but_is_no_claim_of_the_speaker():
    rows = extracted('Nigel Farage claimed that "more than 100,000 people" crossed the Channel in'
                     " small boats in 2023, but 29,437 people crossed the Channel in small boats"
                     " that year.", "2024-03-01")
    assert rows["stated_by"].tolist() == ["Nigel Farage", ""]


def test_the_figure_for_a_named_thing_counts_that_thing():
    rows = extracted("Some 108,138 people claimed asylum in the UK in 2024. The figure was 45,774"
                     " for small boat arrivals in 2022.", "2025-02-10")
    assert (rows.iloc[1]["series"], rows.iloc[1]["verdict"]) == (
        "uk_small_boat_arrivals_annual", "consistent")


def test_a_claim_says_whom_the_article_gives_it_to():
    rows = extracted('Nigel Farage claimed on Sunday that "more than 100,000 people" crossed the'
                     " Channel in small boats in 2024.\n\nIn fact, Home Office figures show"
                     " 36,816 people made the crossing that year.", "2025-03-01")
    assert [(r["stated_by"], r["verdict"]) for _, r in rows.iterrows()] == [
        ("Nigel Farage", "inconsistent"), ("Home Office", "consistent")]
    assert extracted("In 2024, 36,816 people crossed in small boats.", "2025-03-01").iloc[0][
        "stated_by"] == ""


def test_the_figure_as_what_is_counted_counts_what_the_sentence_before_counts():
    # Türkiye's apprehensions: 225,831 in 2024, 254,008 in 2023 (press)
    rows = extracted("Turkish security forces have held 152,331 irregular migrants so far this"
                     " year.\n\nThe figure is down from 225,831 in 2024 and 254,008 in 2023.",
                     "2025-12-24")
    assert rows["series"].tolist()[1:] == ["turkiye_apprehensions"] * 2
    row = extracted("Türkiye nabs over 152,000 irregular migrants in 2025", "2025-12-24").iloc[0]
    assert row["series"] == "turkiye_apprehensions_ytd"


@pytest.mark.parametrize("opening", ["That was", "This was", "It was"])
def test_a_sentence_referring_back_counts_what_the_sentence_before_counts(opening):
    # asylum applications (people): 91,811 in 2023, 108,138 in 2024 (+17.8%)
    rows = extracted(f"In 2024, 108,138 people claimed asylum. {opening} 18% more than in 2023.",
                     "2025-08-01")
    row = rows[rows["claim"] == "18%"].iloc[0]
    assert row["series"] == "uk_asylum_applications_people"
    assert row["verdict"] in ("consistent", "matches other sources")


def test_no_record_note_for_a_quantifier_a_rank_or_a_comparisons_base():
    def notes(text: str) -> list[tuple[str, str]]:
        return [(r["claim"], r["notes"]) for _, r in extracted(text, "2025-02-01").iterrows()
                if "in the series" in r["notes"]]

    for text in ("Some 29,437 people crossed the Channel in small boats in 2023, most of them "
                 "since 2019 from Afghanistan.",
                 "Some 36,816 people crossed the Channel in small boats in 2024, more than most"
                 " officials had ever expected.",
                 "Some 36,816 people crossed the Channel in small boats in 2024, the second "
                 "highest figure on record.",
                 "Some 36,816 people crossed the Channel in small boats in 2024, one of the "
                 "highest figures on record."):
        assert notes(text) == [], text
    # the record is of the level, not of the base it rose from
    found = notes("Small boat arrivals rose to 45,774 in 2022 from 28,526 in 2021, the highest "
                  "on record.")
    assert [claim for claim, _ in found] == ["45,774"]


def test_a_forecast_for_a_period_not_over_is_not_checked():
    for text, published in (
            ("Crossings could reach 40,000 by the end of the year.", "2024-09-20"),
            ("The government expects 50,000 people to cross the Channel in small boats by the "
             "end of the year.", "2024-06-20"),
            ("Officials said 50,000 people will have crossed the Channel in small boats by the"
             " end of the year.", "2024-06-20")):
        row = extracted(text, published).iloc[0]
        assert (row["verdict"], row["reason"]) == (
            "cannot check", f"a forecast for 2024, not over at publication ({published})"), text
    # what has happened so far is no forecast, and its quarter is this year's
    row = extracted("Some 5,435 people have crossed the Channel in small boats so far in the "
                    "first quarter.", "2024-03-28").iloc[0]
    assert row["claim_period"].startswith("2024-01-01 to 2024-03-28")


def test_a_share_of_the_group_a_share_series_counts_is_not_that_share():
    # Turkish nationals were 10.3% of small-boat arrivals in 2023
    for text in ("Only one in four Turkish nationals who crossed the Channel in small boats in "
                 "2023 was granted asylum.",
                 "A quarter of Turkish nationals who crossed the Channel in 2023 were women."):
        row = extracted(text, "2024-03-01").iloc[0]
        assert (row["verdict"], row["series"]) == ("cannot check", ""), text


def test_a_list_item_labelled_with_its_year_is_that_year():
    rows = extracted("Small boat arrivals since 2022:\n- 2022: 45,774\n- 2023: 29,437",
                     "2025-01-15")
    assert [(r["claim_period"], r["verdict"]) for _, r in rows.iterrows()] == [
        ("2022", "consistent"), ("2023", "consistent")]


def test_a_multiplier_is_a_change_against_its_base():
    # Small-boat arrivals: 2020 8,466, 2021 28,526, 2022 45,774 (5.41 times 2020, 1.6 times
    # 2021)
    def checked(text: str) -> pd.Series:
        return extracted(text, "2025-02-01").iloc[0]

    row = checked("Small boat arrivals in 2022 were five times the 2020 level.")
    assert (row["claim_period"], row["verdict"]) == ("2022 vs 2020", "consistent")
    assert "4.45 to 5.55 times its base" in row["tolerance_rule"]
    assert checked("Small boat arrivals in 2022 were more than five times as many as in "
                   "2020.")["verdict"] == "consistent"
    # 1.6 times is not twice
    assert checked("Small boat arrivals in 2022 were twice the 2021 figure.")["verdict"] == (
        "inconsistent")
    # its base is the year right after it, whatever other base the sentence names; its
    # direction is its own; a frequency ("four times in 2008") and a bare "three times" have none
    rows = extracted("Small boat arrivals in 2022 were five times the 2020 level and up 60% on "
                     "2021.", "2025-02-01")
    assert [(r["claim_period"], r["verdict"]) for _, r in rows.iterrows()] == [
        ("2022 vs 2020", "consistent"), ("2022 vs 2021", "consistent")]
    assert checked("Small boat arrivals in 2024 fell to four times the 2020 level.")[
        "verdict"] == "consistent"
    for text in ("The minister debated her rival four times in 2022.",
                 "The number of Albanians crossing was three times higher in 2022, while small "
                 "boat arrivals overall rose 60% compared with 2021."):
        assert checked(text)["verdict"] == "cannot check", text
    # a month is no change on a whole year
    row = extracted("Small boat arrivals in June 2025 were almost twice as many as in 2024.",
                    "2025-07-15").iloc[0]
    assert (row["verdict"], row["reason"]) == (
        "cannot check", "the claim's period and its base are not alike (2025-06 against 2024)")


@pytest.mark.parametrize(("text", "claim_period", "verdict"), [
    # Turkish nationals arriving by small boat: 2022 1,127, 2023 3,040 (2.697 times)
    ("Arrivals of Turkish nationals on small boats nearly tripled last year.",
     "2023 vs 2022 (the year before: the sentence states no base)", "consistent"),
    ("Arrivals of Turkish nationals on small boats more than doubled last year.",
     "2023 vs 2022 (the year before: the sentence states no base)", "consistent"),
    ("Arrivals of Turkish nationals on small boats quadrupled last year.",
     "2023 vs 2022 (the year before: the sentence states no base)", "inconsistent"),
    # small boat arrivals 2020 8,466, 2021 28,526 (3.37 times): more than tripled
    ("Small boat arrivals more than doubled between 2020 and 2021.", "2021 vs 2020",
     "inconsistent"),
    ("Small boat arrivals trebled between 2020 and 2021.", "2021 vs 2020", "inconsistent"),
    # Frontex, Western Balkans 2023 99,068, 2024 21,525 (0.22 times: cut by more than
    # three-quarters); Eastern Borders 2023 5,748, 2024 17,260 (3.003 times)
    ("Detections on the Western Balkans route more than halved last year.",
     "2024 vs 2023 (the year before: the sentence states no base)", "inconsistent"),
    ("Crossings at the EU's eastern land borders almost tripled last year.",
     "2024 vs 2023 (the year before: the sentence states no base)", "consistent"),
])
def test_a_verb_of_change_by_a_factor_is_a_multiplier(text, claim_period, verdict):
    published = "2024-02-10" if "Turkish" in text else "2025-02-01"
    row = extracted(text, published).iloc[0]
    assert (row["claim_period"], row["verdict"]) == (claim_period, verdict)


@pytest.mark.parametrize(("text", "reason"), [
    # its object changed, not who changed it
    ("The Home Office doubled the number of caseworkers in 2023 to clear the asylum backlog.",
     "no reference series counts 'caseworkers'"),
    # money and prices, whatever series the rest of the sentence names
    ("The asylum bill more than doubled in 2023 as the backlog grew.",
     "no reference series counts 'The asylum bill'"),
    ("Home Office spending on the asylum backlog doubled in 2023.",
     "no reference series counts 'Home Office spending on the asylum backlog'"),
    ("The price of a place on a small boat doubled in 2022.",
     "no reference series counts 'The price of a place on a small boat'"),
    # a part of the people a series counts
    ("The number of women crossing the Channel doubled in 2022.",
     "no reference series counts 'The number of women crossing the Channel'"),
    # denied, supposed or promised
    ("Small boat arrivals have not halved in 2023, despite the prime minister's promises.",
     "a change the sentence does not state as a fact (denied, supposed or promised)"),
    ("Had small boat arrivals halved in 2023, the pledge would have been met.",
     "a change the sentence does not state as a fact (denied, supposed or promised)"),
    ("In 2023, Rishi Sunak promised that the backlog would be halved by the end of the year.",
     "a change the sentence does not state as a fact (denied, supposed or promised)"),
    # within a season: no base
    ("Small boat arrivals doubled over the summer of 2022.",
     "a change with no comparison base in its sentence"),
])
def test_a_verb_of_change_by_a_factor_that_no_series_checks(text, reason):
    row = extracted(text, "2024-03-01").iloc[0]
    assert (row["verdict"], row["reason"]) == ("cannot check", reason)


@pytest.mark.parametrize(("text", "claim_period", "verdict"), [
    # the base it states (small boats: 2020 8,466, 2021 28,526, 2022 45,774)
    ("Small boat arrivals more than tripled on the previous year in 2021.", "2021 vs 2020",
     "consistent"),
    ("Small boat arrivals doubled in 2022 compared with 2021.", "2022 vs 2021", "inconsistent"),
    # the subject in full (Turkish nationals: 1,127 in 2022, 3,040 in 2023)
    ("Arrivals of Turkish nationals by small boat trebled in 2023.",
     "2023 vs 2022 (the year before: the sentence states no base)", "consistent"),
])
def test_a_verb_of_change_by_a_factor_reads_its_base_and_subject(text, claim_period, verdict):
    row = extracted(text, "2024-03-01").iloc[0]
    assert (row["claim_period"], row["verdict"]) == (claim_period, verdict)


def test_a_verb_of_change_by_a_factor_needs_a_period_and_a_change():
    # no period: no base to set it against; "doubled down": no figure
    assert extracted("We have more than doubled the number of decision makers.",
                     "2024-02-10").iloc[0]["verdict"] == "cannot check"
    assert extracted("The minister doubled down on the pledge to stop the boats.",
                     "2024-02-10").empty


def test_the_previous_month_or_quarter_is_the_one_before_not_a_year_earlier():
    # Small-boat arrivals: September 2024 4,192, October 5,417 (+29.2%); November 2,901,
    # December 3,254 (+12.2%); Q2 2024 8,054, Q3 11,755 (+46%).
    row = extracted("Small boat arrivals in December 2024 were up 12% on the previous month.",
                    "2025-02-01").iloc[0]
    assert (row["claim_period"], row["verdict"]) == ("2024-12 vs 2024-11", "consistent")
    row = extracted("In the third quarter of 2024, small boat arrivals were up 46% on the "
                    "previous quarter.", "2025-02-01").iloc[0]
    assert (row["claim_period"], row["verdict"]) == ("2024-Q3 vs 2024-Q2", "consistent")
    # the same month of the previous year is a year earlier
    row = extracted("Small boat arrivals in December 2024 were up 12% on the same month of "
                    "the previous year.", "2025-02-01").iloc[0]
    assert row["claim_period"] == "2024-12 vs 2023-12"


def test_a_month_named_as_the_base_is_the_latest_one_before_the_figures_period():
    # Small-boat arrivals: October 2024 5,417, November 2,901 (-46.4%).
    rows = extracted("Small boat arrivals fell to 2,901 in November 2024, down 46% from "
                     "October.", "2025-02-01")
    assert rows["claim_period"].tolist() == ["2024-11", "2024-11 vs 2024-10"]
    assert rows["verdict"].tolist() == ["consistent", "consistent"]
    # a month with its year ends the sentence ("... on January 2023."); "on" names it too
    # (small-boat arrivals: November 2023 1,661, November 2024 2,901: +74.7%)
    for text in ("Small boat arrivals in November 2024 were up 75% on November 2023.",
                 "Small boat arrivals in November 2024 were up 75 per cent on November 2023.",
                 "Small boat arrivals in November 2024 were up 75% compared with November"
                 " 2023."):
        row = extracted(text, "2025-02-01").iloc[0]
        assert (row["claim_period"], row["verdict"]) == ("2024-11 vs 2023-11", "consistent")
    # the start of a range of months is no base
    row = extracted("Crossings rose 20% from January 2023 to March 2024.", "2025-02-01").iloc[0]
    assert row["reason"] == "a percentage with no comparison base in its sentence"
    row = extracted("Arrivals from November to March fell 20% in 2024.", "2025-02-01").iloc[0]
    assert row["reason"] == "a percentage with no comparison base in its sentence"


def test_year_on_year_is_a_base_and_a_rise_in_small_boat_arrivals_counts_people():
    # Small-boat arrivals 2024 +25.1% on 2023 (boats +15.4%); December 2024 +202% on 2023.
    row = extracted("There was a year-on-year rise of 25% in small boat arrivals in 2024.",
                    "2025-02-01").iloc[0]
    assert (row["claim_period"], row["series"]) == ("2024 vs 2023",
                                                    "uk_small_boat_arrivals_annual")
    assert row["verdict"] == "consistent"
    row = extracted("In December 2024 small boat arrivals were up 202% year-on-year.",
                    "2025-02-01").iloc[0]
    assert (row["claim_period"], row["verdict"]) == ("2024-12 vs 2023-12", "consistent")


def test_a_change_that_another_vintage_of_the_values_gives_holds_with_a_note():
    # Main asylum applicants: 2023 first published 67,337 against 2022's revised 81,130 is
    # -17% (the Home Office's own words in February 2024); the latest vintage gives -10.7%.
    row = extracted("Asylum claims fell by 17% in 2023.", "2024-03-15").iloc[0]
    assert row["verdict"] == "consistent"
    assert row["series_value"] == pytest.approx(-17.0, abs=0.01)
    assert "matches -17% from 67,337 (first published" in row["notes"]
    assert "preferred change -10.68%" in row["notes"]
    # no recorded pair gives 30%
    assert extracted("Asylum claims fell by 30% in 2023.", "2024-03-15").iloc[0][
        "verdict"] == "inconsistent"


def test_relating_to_counts_the_same_claims_in_people():
    row = extracted("There were 84,231 asylum claims in 2024, relating to 108,138 people.",
                    "2025-03-01").iloc[-1]
    assert (row["series"], row["series_value"]) == ("uk_asylum_applications_people", 108138)


def test_a_year_earlier_than_an_undated_stock_is_a_year_before_publication():
    # Syrians under temporary protection: 3,226,141 on 15 December 2023, 2,905,349 on 29
    # December 2024; published 5 January 2025.
    rows = extracted("Türkiye hosts about 2.9 million Syrians under temporary protection, down "
                     "from 3.2 million a year earlier.", "2025-01-05")
    assert rows["claim_period"].tolist()[1] == "2024-01-05"
    assert rows["series_value"].tolist() == [2905349, 3226141]
    assert rows["verdict"].tolist() == ["matches press reports"] * 2


def test_a_year_before_levels_is_the_base_of_a_change_not_a_figure():
    # 2019: 1,843 small-boat arrivals; 2024: 36,816, about twenty times as many.
    text = "Small boat arrivals in 2024 were 25% below 2019 levels."
    art = article_from_text(text, id="t", published="2025-02-01")
    figures = extract_figures(art)
    assert figures["text"].tolist() == ["25%"]
    row = match_figures(art, figures).iloc[0]
    assert (row["claim_period"], row["verdict"]) == ("2024 vs 2019", "inconsistent")
    assert row["tolerance_rule"].startswith("percentage change, down: 25")


def test_a_month_in_a_sentence_about_an_earlier_year_is_read_in_that_year():
    # People awaiting an initial decision: 175,457 at the end of June 2023, 128,786 at the
    # end of 2023; published in 2025, "in June" alone would be June 2024 (118,882).
    text = ("The number of people waiting for an initial decision fell to 128,786 by the end "
            "of 2023, down from 175,457 in June.")
    rows = extracted(text, "2025-03-01")
    assert rows["claim_period"].tolist() == ["2023", "2023-06"]
    assert rows["verdict"].tolist() == ["consistent", "consistent"]


def test_the_base_of_a_rise_counts_the_two_word_noun_of_its_sentence():
    # People in asylum hotels: 29,561 at the end of June 2024. "asylum seekers housed" is
    # asylum seekers, whom the hotel series needs near the figure.
    text = ("Some 38,000 asylum seekers were housed in hotels at the end of 2024, up from "
            "29,561 in June.")
    row = extracted(text, "2025-03-01").iloc[-1]
    assert (row["claim"], row["series"]) == ("29,561", "uk_asylum_hotels_people")
    assert (row["series_period"], row["series_value"]) == ("2024-06-30", 29561)


def test_bounds_decide_a_claim_only_when_all_or_none_of_them_hold_it():
    # 1 January to 20 September 2023 ends inside September: the monthly series only bounds
    # it, between 20,101 (to 31 August) and 24,830 (to 30 September), the narrowest bounds.
    text = "So far this year, {} people have crossed the Channel in small boats."
    rows = {claim: one(text.format(claim), "2023-09-20", claim, value)
            for claim, value in (("well over 20,000", 20000), ("fewer than 15,000", 15000),
                                 ("24,000", 24000))}
    assert {c: r["verdict"] for c, r in rows.items()} == {
        "well over 20,000": "consistent", "fewer than 15,000": "inconsistent",
        "24,000": "cannot check"}
    assert {r["series"] for r in rows.values()} == {"uk_small_boat_arrivals_monthly"}
    assert "between 20,101 and 24,830" in rows["24,000"]["reason"]


def test_a_running_total_weeks_old_is_a_floor_under_the_claim():
    # 539,332 Syrians had returned by 31 December 2022; the article is of 10 February 2023
    text = "More than {} Syrians have returned home voluntarily since 2016."
    above = one(text.format("550,000"), "2023-02-10", "More than 550,000", 550000)
    assert above["verdict"] == "cannot check" and "539,332 or more" in above["reason"]
    assert "only grows" in above["notes"]
    below = one(text.format("400,000"), "2023-02-10", "More than 400,000", 400000)
    assert below["verdict"] == "differs from press reports"
    # a claim whose interval holds the floor may still be short of the value it has grown to
    at = one(text.format("540,000").replace("More than", "Nearly"), "2023-02-10",
             "Nearly 540,000", 540000)
    assert at["verdict"] == "cannot check"


def test_the_same_point_last_year_after_than_is_a_base_not_the_period():
    text = ("So far this year, 24,000 people have crossed the Channel, fewer than at the same "
            "point last year.")
    row = one(text, "2023-09-20", "24,000", 24000)
    assert row["claim_period"] == "2023-01-01 to 2023-09-20 (so far that year)"
    text = "Crossings fell.\n\nSome 33,000 people had crossed at the same point last year."
    row = one(text, "2023-09-20", "Some 33,000", 33000)
    assert row["verdict"] == "not comparable"


def test_a_number_that_borrows_a_noun_is_not_compared_by_the_other_figures_verb():
    text = ("Tens of thousands of people crossed the Channel in small boats last year, while "
            "hundreds drowned.")
    rows = extracted(text, "2024-01-10")
    assert rows["verdict"].tolist() == ["order of magnitude matches", "cannot check"]


def test_period_outside_the_series_cannot_be_checked():
    text = "More than 1,000 people crossed the Channel in small boats in 2031."
    row = one(text, "2032-03-01", "More than 1,000", 1000)
    assert row["verdict"] == "cannot check" and "2031" in row["reason"]


def test_without_a_publication_date_so_far_this_year_cannot_be_checked():
    text = "Over 15,000 people have crossed the Channel in small boats so far this year."
    row = one(text, None, "Over 15,000", 15000)
    assert row["verdict"] == "cannot check" and row["reason"]


# --- the table --------------------------------------------------------------------------


def test_hedge_and_period_come_from_the_figures_table():
    text = "Last year more than 45,700 people crossed the Channel in small boats."
    row = extracted(text, "2023-03-01").iloc[0]
    assert (row["hedge"], row["hedge_kind"], row["claim_period"]) == (
        "more than", "lower_bound", "2022")
    assert row["verdict"] == "consistent" and row["source_kind"] == "official"


def test_rows_keep_the_figures_order_and_spans():
    text = ("In 2022, 45,774 people crossed the Channel in small boats.\n"
            "The minister made two pledges.")
    rows = check(text, "2023-03-01", figure(text, "45,774", 45774), figure(text, "two", 2))
    assert list(rows.columns) == CLAIM_COLUMNS
    assert rows["figure"].tolist() == [1, 2]
    assert rows["paragraph"].tolist() == [1, 2]
    assert [text[s:e] for s, e in zip(rows["start"], rows["end"], strict=True)] == ["45,774", "two"]


def test_empty_figures_give_an_empty_claims_table():
    art = article_from_text("No numbers here.", published="2023-01-01")
    out = match_figures(art, frame("figures", []))
    assert out.empty and list(out.columns) == CLAIM_COLUMNS
    assert verdict_counts(out) == dict.fromkeys(VERDICTS, 0)


def test_verdict_counts_add_up_to_the_figures():
    text = "More than 45,700 people crossed the Channel in small boats in 2022. Five pledges."
    rows = check(text, "2023-03-01", figure(text, "More than 45,700", 45700),
                 figure(text, "Five", 5))
    counts = verdict_counts(rows)
    assert counts == dict.fromkeys(VERDICTS, 0) | {"consistent": 1, "cannot check": 1}
    assert sum(counts.values()) == len(rows)


def test_claim_points_place_checked_claims_on_a_series():
    text = "More than 45,700 people crossed the Channel in small boats in 2022."
    rows = check(text, "2023-03-01", figure(text, "More than 45,700", 45700))
    points = claim_points(rows, ["uk_small_boat_arrivals_annual"])
    assert points.loc[0, "x"] == pd.Timestamp("2022-12-31")
    assert points.loc[0, "y"] == 45700
    assert "More than 45,700" in points.loc[0, "label"]
    assert claim_points(rows, ["turkiye_deportations"]).empty


def test_draw_claims_marks_each_claim_and_the_publication_date():
    text = "More than 45,700 people crossed the Channel in small boats in 2022."
    rows = check(text, "2023-03-01", figure(text, "More than 45,700", 45700))
    points = claim_points(rows, ["uk_small_boat_arrivals_annual"])
    fig, ax = plt.subplots()
    ax.bar([2021, 2022], [28526, 45774])
    assert draw_claims(ax, points, x=[t.year for t in points["x"]]) == 1
    draw_published(ax, 2023.1, "Published 1 Mar 2023")
    texts = [t.get_text() for t in ax.texts]
    plt.close(fig)
    assert "More than 45,700 (consistent)" in texts and "Published 1 Mar 2023" in texts


# --- periods ----------------------------------------------------------------------------


def test_parse_period_reads_the_figures_table_formats():
    pub = dt.date(2023, 8, 9)
    since = parse_period("2016/2023", pub)
    assert (since.kind, since.start, since.end) == ("since", dt.date(2016, 1, 1), pub)
    ytd = parse_period("2023-01/2023-08", pub)
    assert (ytd.kind, ytd.end) == ("ytd", pub)
    assert parse_period("2023-Q2", pub).label == "2023-Q2"
    assert parse_period("2023-H1", pub).end == dt.date(2023, 6, 30)
    assert parse_period("per year", pub).kind == "rate"
    assert parse_period("since January 2023", pub).kind == "ytd"
    assert parse_period("last year", pub).label == "2022"
    assert parse_period("", pub) is None and parse_period(math.nan, pub) is None


# --- never raises -----------------------------------------------------------------------

TEXTS = st.text(
    alphabet=st.sampled_from(list("ab 0123456789,.%£\"'“”‘’()-\nTürkiyeUKChannelboats")),
    min_size=1, max_size=120,
)


@settings(max_examples=200, deadline=None)
@given(text=TEXTS, data=st.data())
def test_arbitrary_figures_never_raise_and_keep_their_spans(text, data):
    if not text.removeprefix("\ufeff").strip():  # the article refuses it as empty
        text = "x"
    art = article_from_text(text, published="2023-08-09")
    n = data.draw(st.integers(0, 3))
    rows = []
    for i in range(n):
        start = data.draw(st.integers(0, len(art.text) - 1))
        end = data.draw(st.integers(start + 1, len(art.text)))
        rows.append({
            "figure": i + 1,
            "value": data.draw(st.one_of(st.none(), st.floats(allow_nan=True),
                                         st.integers(-10**30, 10**30))),
            "low": data.draw(st.one_of(st.none(), st.floats(0, 1e9))),
            "high": data.draw(st.one_of(st.none(), st.floats(0, 1e9))),
            "unit": data.draw(st.sampled_from(["count", "percent", "GBP", None, "km"])),
            "counts": data.draw(st.one_of(st.none(), st.text(max_size=20))),
            "period": data.draw(st.sampled_from(["", "2022", "2016/2023", "per year", "9999",
                                                 "2023-13", "since May", None])),
            "approximate": False,
            "hedge": data.draw(st.sampled_from([None, "more than", "nearly", "lower", "zzz"])),
            "source": None, "text": art.text[start:end], "paragraph": 1,
            "start": start, "end": end,
        })
    out = match_figures(art, frame("figures", rows))
    assert len(out) == n
    assert set(out["verdict"]) <= set(VERDICTS)
    for _, row in out.iterrows():
        assert art.text[row["start"]:row["end"]] == row["claim"]


# --- how strong the evidence is ---------------------------------------------------------


def outlet_article(text: str, outlet: str, url: str):
    art = article_from_text(text, published="2023-08-09")
    return dataclasses.replace(art, metadata={**art.metadata, "outlet": outlet, "url": url})


def test_a_value_only_the_articles_own_outlet_gives_is_circular():
    text = "Last year, a total of 124,441 irregular migrants were deported from Turkey."
    for outlet, url in (("Daily Sabah", "https://www.example.org/a"),
                        ("The Example", "https://dailysabah.com/politics/x")):
        art = outlet_article(text, outlet, url)
        row = match_figures(art, extract_figures(art)).iloc[0]
        assert row["verdict"] == "circular"
        assert not bool(row["independent"])
        assert "own outlet" in row["reason"]
        # the reference row's own notes (other reports of the figure, if any) come with it
        assert row["notes"].startswith("the reference row's notes: ") and "AA" in row["notes"]


def test_the_same_claim_from_another_outlet_is_checked_against_press_reports():
    text = "Last year, a total of 124,441 irregular migrants were deported from Turkey."
    art = outlet_article(text, "The Example", "https://example.org/a")
    row = match_figures(art, extract_figures(art)).iloc[0]
    assert row["verdict"] == "matches press reports"
    assert row["source_kind"] == "press" and bool(row["independent"])


def test_consistent_and_inconsistent_only_against_official_independent_sources():
    texts = ["More than 45,700 people crossed the Channel in small boats in 2022.",
             "In 2022, 89,398 people claimed asylum in the UK.",
             "Turkey deported 124,441 irregular migrants in 2022."]
    for text in texts:
        claims = extracted(text, "2023-03-01")
        official = claims["verdict"].isin(["consistent", "inconsistent"])
        assert (claims.loc[official, "source_kind"] == "official").all()
        assert claims.loc[official, "independent"].all()


def test_detections_of_crossings_are_not_comparable_with_people():
    text = "Thousands of people try to cross the Aegean Sea to Greece every year."
    row = extracted(text, "2023-08-09").iloc[0]
    assert row["series"].startswith("frontex_")
    assert row["verdict"] == "not comparable" and "detections" in row["reason"]


def test_boats_are_not_comparable_with_a_series_of_detections():
    text = "Hundreds of small boats are moved through Europe each year for illegal crossings."
    row = extracted(text, "2023-08-09").iloc[0]
    assert row["verdict"] in ("not comparable", "cannot check")
    assert row["verdict"] != "consistent"


def test_vague_magnitude_gets_an_order_of_magnitude_verdict():
    text = "Hundreds of people crossed the Channel in small boats in 2022."
    row = one(text, "2023-03-01", "Hundreds", None, low=200, high=999)
    assert row["verdict"] == "order of magnitude differs"
    assert row["source_kind"] == "official"


def test_every_verdict_is_known_and_checked_ones_name_their_source():
    text = ("More than 45,700 people crossed the Channel in small boats in 2022. "
            "Turkey deported 124,441 irregular migrants in 2022. Five pledges.")
    claims = extracted(text, "2023-03-01")
    assert set(claims["verdict"]) <= set(VERDICTS)
    checked = claims[claims["verdict"].isin(CHECKED)]
    assert len(checked) == 2 and set(checked["source_kind"]) == {"official", "press"}


def test_shared_wording_needs_four_words_in_a_row_two_of_them_long():
    assert shared_wording("On Monday, after weeks of delays, 15 boarded.",
                          "Monday 7 Aug 2023, after weeks of delays.") == "after weeks of delays"
    assert shared_wording("The Home Office said 15 boarded.", "the Home Office said so") is None
    assert shared_wording("Some 15 boarded.", "") is None


def test_stock_words_of_news_and_statistics_are_no_sign_of_one_copy():
    assert shared_wording(
        "A total of 108,138 people claimed asylum in 2024, the highest since records began.",
        "Asylum claims hit 108,138, the highest since records began in 1979.") is None
    assert shared_wording("There were 74,751 asylum applications in 2022, the Home Office said.",
                          "74,751 asylum applications in 2022, the Home Office said") is None
    assert shared_wording("After weeks of delays, 15 boarded, the Home Office said.",
                          "after weeks of delays, the Home Office said") == (
        "after weeks of delays")
    # words of one series' keywords still show a copy; a long run with one telling word too
    assert shared_wording("Some 15 asylum seekers disembarked as a precaution.",
                          "All disembarked as a precaution on Friday.") == (
        "disembarked as a precaution")
    assert shared_wording("The barge will house 506 asylum seekers for a year and a half.",
                          "will house 506 asylum seekers for a year and a half (ITV)") == (
        "will house 506 asylum seekers for a year and a half")


def test_a_report_worded_as_the_article_is_not_evidence_for_it():
    art = outlet_article("On Monday, after weeks of delays, the first 15 asylum seekers boarded "
                         "the Bibby Stockholm barge.", "The Example", "https://example.org/a")
    row = match_figures(art, extract_figures(art)).iloc[0]
    assert row["verdict"] == "same wording as source" and not bool(row["independent"])
    assert "after weeks of delays" in row["reason"]
    other = outlet_article("The first 15 asylum seekers boarded the Bibby Stockholm barge on "
                           "Monday.", "The Example", "https://example.org/a")
    assert match_figures(other, extract_figures(other)).iloc[0]["verdict"] == (
        "matches press reports")


def test_shared_wording_finds_a_qualifying_run_beside_a_longer_plain_one():
    assert shared_wording("It was one of the two boats; after weeks of delays, 15 boarded.",
                          "It was one of the two (PA). After weeks of delays.") == (
        "after weeks of delays")


@pytest.mark.parametrize("text", [
    "In 2024, 36,816 people crossed the Channel in small boats, up from 29,437.",
    "Small boat arrivals rose from 29,437 to 36,816 in 2024.",
    "In 2024, 36,816 people crossed the Channel in small boats, compared with 29,437.",
])
def test_a_change_base_with_no_year_of_its_own_is_the_year_before_its_change(text):
    claims = extracted(text, "2025-01-20").set_index("claim")
    assert claims.loc["36,816", "verdict"] == "consistent"
    base = claims.loc["29,437"]
    assert (base["verdict"], base["series_value"]) == ("consistent", 29437)
    assert base["claim_period"] == "2023 (the year before: the sentence states no base year)"


def test_a_month_change_base_with_no_period_of_its_own_is_not_checked():
    # the month before, or the same month a year earlier: the sentence does not say
    row = extracted("In August 2023, 5,369 people crossed the Channel in small boats, up from "
                    "3,299.", "2023-09-10").set_index("claim").loc["3,299"]
    assert row["verdict"] == "cannot check"
    assert row["reason"] == "the base of a change, and its sentence states no period for it"


@pytest.mark.parametrize("text", [
    "Small boat arrivals fell sharply. The figure of 29,437 is down from 45,774 crossings the "
    "previous year, the Home Office said.",
    "Arrivals were 29,437, down from 45,774 the year before.",
])
def test_the_previous_year_of_a_figure_with_no_year_is_not_the_year_before_publication(text):
    # which year came before is not stated: not 2023 (nor a day a year before 2 January 2024)
    row = extracted(text, "2024-01-02").set_index("claim").loc["45,774"]
    assert row["verdict"] == "cannot check"
    assert row["claim_period"] == ""


def test_the_previous_year_of_a_dated_figure_is_the_year_before_it():
    claims = extracted("Small boat arrivals fell sharply last year. The figure of 29,437 is down "
                       "from 45,774 crossings the previous year.", "2024-01-02").set_index("claim")
    assert (claims.loc["45,774", "claim_period"], claims.loc["45,774", "verdict"]) == (
        "2022", "consistent")


def test_a_base_year_closing_its_clause_is_not_the_next_figures_year():
    # "compared with 9,149 in 2022" dates the 9,149, not the 223,856 after it
    text = ("Türkiye caught 254,008 irregular migrants in 2023.\n\nHe said 10,482 migrant "
            "smugglers had been apprehended, compared with 9,149 in 2022, while 223,856 people "
            "were prevented from entering the country.")
    claims = extracted(text, "2024-01-08").set_index("claim")
    assert claims.loc["9,149", "verdict"] == "matches press reports"
    # 223,856 were prevented from entering in 2023 (press)
    row = claims.loc["223,856"]
    assert (row["verdict"], row["series_period"]) == ("matches press reports", "2023")
    assert row["claim_period"] == "2023 (an earlier sentence's period: its own states none)"


def test_a_route_named_in_the_figures_own_clause_picks_that_routes_series():
    text = ("Irregular crossings into the EU fell by 38% in 2024, according to Frontex.\n\n"
            "The Eastern Mediterranean route saw an increase of 14% to almost 70,000, while the "
            "Western African route rose by 18% to 46,820.")
    claims = extracted(text, "2025-01-14").set_index("claim")
    assert claims.loc["14%", "series"] == "frontex_eastern_mediterranean"
    assert (claims.loc["18%", "series"], claims.loc["18%", "verdict"]) == (
        "frontex_western_african", "consistent")


def test_a_figure_with_no_period_of_its_own_is_checked_in_the_story_s_year():
    text = ("Security forces caught 254,008 irregular migrants in 2023, Yerlikaya said.\n\n"
            "He said 10,482 migrant smugglers had been apprehended.")
    row = extracted(text, "2024-01-08").set_index("claim").loc["10,482"]
    assert (row["verdict"], row["series_value"]) == ("matches press reports", 10482)
    assert row["claim_period"] == "2023 (an earlier sentence's period: its own states none)"


def test_a_change_on_a_base_in_the_same_period_of_another_year_compares_those_months():
    # small boats: January to June 2024 13,489, 2023 11,433 (monthly series)
    text = ("A total of 13,489 people crossed the Channel in small boats between January and "
            "June, up 18% on the 11,433 who crossed in the same period of 2023.")
    claims = extracted(text, "2024-07-20").set_index("claim")
    change = claims.loc["18%"]
    assert change["claim_period"] == "2024-01-01 to 2024-06-30 vs 2023-01-01 to 2023-06-30"
    assert change["verdict"] == "consistent"
    base = claims.loc["11,433"]
    assert (base["claim_period"], base["verdict"]) == ("2023-01-01 to 2023-06-30", "consistent")


@pytest.mark.parametrize(("text", "published", "claim", "period", "value"), [
    # the first quarter: 2024 5,435, 2023 3,793 (monthly series)
    ("In the first quarter alone, 5,435 people crossed the Channel in small boats, compared "
     "with 3,793 a year earlier.", "2024-07-20", "3,793", "2023-Q1", 3793),
    # people awaiting an initial decision: 118,882 at the end of June 2024, 175,457 a year before
    ("The number of people awaiting an initial decision on their asylum claim stood at 118,882 "
     "at the end of June, down from 175,457 a year before.", "2024-07-20", "175,457", "2023-06",
     175457),
    # ... 128,786 at the end of 2023, 165,411 at the end of September 2023
    ("At the end of 2023, 128,786 people were waiting for an initial decision on their asylum "
     "claim. That was down from 165,411 three months earlier.", "2024-02-29", "165,411",
     "2023-09-30", 165411),
])
def test_a_base_a_year_or_months_earlier_is_before_the_figure_it_is_compared_with(
        text, published, claim, period, value):
    row = extracted(text, published).set_index("claim").loc[claim]
    assert (row["claim_period"], row["series_value"], row["verdict"]) == (
        period, value, "consistent")


@pytest.mark.parametrize(("text", "published", "claim"), [
    # not the past, or a time of its own: no earlier sentence's period
    ("In 2024, 36,816 people crossed the Channel in small boats. Officials expect 50,000 "
     "crossings.", "2025-03-01", "50,000"),
    ("In 2024, 36,816 people crossed the Channel in small boats. If crossings continue at this "
     "rate, 45,000 people will arrive.", "2025-03-01", "45,000"),
    ("In 2024, 36,816 people crossed the Channel in small boats. During Sunak's premiership, "
     "about 60,000 crossed.", "2025-03-01", "about 60,000"),
    ("In 2023, 29,437 people crossed the Channel in small boats. Some 12,000 people crossed in "
     "just three months.", "2025-03-01", "Some 12,000"),
    ("In August 2023, 5,369 people crossed the Channel in 102 boats. On the busiest day, 60 "
     "boats arrived.", "2023-09-01", "60"),
    ("In 2024, 36,816 people crossed the Channel in small boats. In total, more than 150,000 "
     "people have crossed.", "2025-03-01", "more than 150,000"),
    # an event's date, not a figure's
    ("The Nationality and Borders Act became law in 2022. Since Labour came to power, 36,816 "
     "people crossed the Channel in small boats.", "2025-03-01", "36,816"),
    # a comparison with another group is of the same period
    ("The Central Mediterranean route saw 66,855 detections in 2024, compared with 69,954 "
     "detections along the Eastern Mediterranean route.", "2025-03-01", "69,954"),
    ("The Central Mediterranean route saw 66,855 detections in 2024, compared with 17,057 to "
     "Spain.", "2025-03-01", "17,057"),
    # "the year before that law came in" dates no figure
    ("A record 45,774 people crossed the Channel in small boats in 2022, the year before that "
     "law came in, and 29,437 people crossed in 2023.", "2025-03-01", "29,437"),
])
def test_no_false_verdict_from_a_borrowed_or_shifted_period(text, published, claim):
    row = extracted(text, published).set_index("claim").loc[claim]
    assert row["verdict"] not in ("inconsistent", "differs from press reports",
                                  "differs from other sources"), row["claim_period"]


def test_a_change_between_two_years_runs_from_the_first_to_the_last():
    claims = extracted("Between 2022 and 2024, crossings fell from 45,774 to 36,816.",
                       "2025-03-01").set_index("claim")
    assert [(claims.loc[c, "claim_period"], claims.loc[c, "verdict"]) for c in (
        "45,774", "36,816")] == [("2022", "consistent"), ("2024", "consistent")]


def test_a_level_s_base_with_no_date_is_not_read_a_year_before():
    # 118,882 waited at the end of June 2024: a quarter or a year before, the sentence does
    # not say
    row = extracted("The asylum backlog fell to 90,686 at the end of 2024, down from 118,882.",
                    "2025-03-01").set_index("claim").loc["118,882"]
    assert row["verdict"] == "cannot check"


def test_a_number_housed_in_hotels_counts_people_in_hotels():
    # people in asylum hotels: 35,651 on 30 September 2024 (press)
    row = extracted("About 35,000 were housed in hotels at the end of September 2024.",
                    "2025-02-27").iloc[0]
    assert (row["series"], row["verdict"]) == ("uk_asylum_hotels_people", "matches press reports")


@pytest.mark.parametrize(("text", "claim"), [
    ("Channel crossings hit 36,816 in 2024\n\nThe record of 45,774 crossings was set by "
     "Albanian arrivals, officials said.", "45,774"),
    ("The Home Office said 36,816 people crossed the Channel in small boats in 2024.\n\n"
     "\u201cThe Tories lost control, with 45,774 people crossing,\u201d Cooper told MPs.",
     "45,774"),
    ("In 2024, 36,816 people crossed the Channel in small boats. Under Rishi Sunak, 29,437 "
     "people crossed.", "29,437"),
    ("In 2021, 28,526 people crossed the Channel in small boats. Crossings then peaked at "
     "45,774.", "45,774"),
    ("In 2024, 36,816 people crossed the Channel in small boats. Over the summer, 15,000 "
     "people crossed.", "15,000"),
    ("In 2022, 45,774 people crossed the Channel in small boats. Rishi Sunak, then "
     "chancellor, later vowed to cut that number. Crossings fell to 29,437.", "29,437"),
    ("The UK received 84,425 asylum applications in 2023, compared with 29,437 arrivals.",
     "29,437"),
    ("Crossings reached 36,816, well below 2022, when 45,774 people crossed.", "36,816"),
    ("Small boat crossings fell to 29,437 in 2023, down from 45,774 in 2022, when 1,127 "
     "Turkish nationals crossed.", "45,774"),
    # a value off the series in a borrowed period is not called wrong: the period may be
    ("In 2024, 36,816 people crossed the Channel in small boats. Nigel Farage said 50,000 "
     "crossed.", "50,000"),
])
def test_no_false_verdict_from_a_borrowed_period_or_a_year_nearby(text, claim):
    row = extracted(text, "2025-03-01").set_index("claim").loc[claim]
    assert row["verdict"] not in ("inconsistent", "differs from press reports",
                                  "differs from other sources"), row["claim_period"]


@pytest.mark.parametrize(("text", "published", "claim", "period", "value"), [
    ("In 2024, 36,816 people crossed the Channel in small boats. That was up from 29,437.",
     "2025-03-01", "29,437", "2023 (the year before: the sentence states no base year)", 29437),
    ("The asylum backlog fell to 90,686 cases at the end of 2024, from 95,252 a year earlier. "
     "That was down from 97,170 three months earlier.", "2025-03-01", "97,170", "2024-09-30",
     97170),
    ("In the first nine months of 2023, 24,830 people crossed the Channel, down 25% on the "
     "33,029 who crossed in the same period of 2022.", "2024-01-15", "33,029",
     "2022-01-01 to 2022-09-30", 33048),
])
def test_a_base_is_dated_by_the_figure_it_is_the_base_of(text, published, claim, period,
                                                          value):
    row = extracted(text, published).set_index("claim").loc[claim]
    assert (row["claim_period"], row["series_value"], row["verdict"]) == (
        period, value, "consistent")


@pytest.mark.parametrize("text", [
    "Officials expect 50,000 crossings in 2024.",
    "The Home Office predicted that 65,000 people would cross the Channel in small boats in "
    "2023.",
])
def test_an_expectation_is_not_checked_against_what_happened(text):
    row = extracted(text, "2025-03-01").iloc[0]
    assert row["verdict"] == "cannot check"
    assert row["reason"].endswith("the sentence gives the figure as an expectation, not a count")


def test_a_place_in_a_concession_is_not_where_the_figure_was_counted():
    rows = extracted("The Home Office said 108,138 people claimed asylum in the UK in 2024.\n\n"
                     "“Small boat arrivals went up by a quarter last year, to 36,816, despite "
                     "hundreds of millions spent on enforcement in France,” he said.",
                     "2025-02-27").set_index("claim")
    for claim in ("a quarter", "36,816"):
        assert (rows.loc[claim, "series"], rows.loc[claim, "verdict"]) == (
            "uk_small_boat_arrivals_annual", "consistent"), claim


def test_small_boats_are_the_uks_in_a_uk_story_that_speaks_of_the_eu():
    rows = extracted("Britain's asylum system is under strain.\n\nFrontex counted around "
                     "380,000 irregular crossings into the EU in 2023, most of them across the "
                     "Mediterranean to Greece and Italy.\n\nIn 2023, 29,437 people arrived in "
                     "small boats, down from 45,774 the year before.", "2024-01-26"
                     ).set_index("claim")
    for claim in ("29,437", "45,774"):
        assert (rows.loc[claim, "series"], rows.loc[claim, "verdict"]) == (
            "uk_small_boat_arrivals_annual", "consistent"), claim
    # not in a story on Greece alone
    row = extracted("Greece recorded a sharp rise in sea arrivals last year.\n\nIn 2023, "
                    "41,000 people arrived in small boats.", "2024-03-01").iloc[0]
    assert row["verdict"] != "inconsistent"


def test_people_a_charity_supported_are_not_those_on_asylum_support():
    row = extracted("The Safe Harbour Alliance brings together 140 member organisations. Its "
                    "members supported more than 36,000 people in 2024.", "2025-02-27"
                    ).set_index("claim").loc["more than 36,000"]
    assert row["verdict"] == "cannot check"
    assert not (isinstance(row["series"], str) and row["series"])  # no series counts them
    row = extracted("In 2023, 110,000 people were receiving asylum support in the UK at the "
                    "end of the year.", "2024-03-01").iloc[0]
    assert row["series"] == "uk_asylum_support_people"


@pytest.mark.parametrize(("text", "published", "claim", "series", "verdicts"), [
    # a second predicate with no amount of its own is the figure's ('crossed the Channel')
    ("In 2023, 29,437 people left France and crossed the Channel.", "2024-03-01", "29,437",
     "uk_small_boat_arrivals_annual", ("consistent",)),
    # 'including ... on the busiest days' is no part in time
    ("In 2023, 29,437 people crossed the Channel in small boats, including 15,000 on the "
     "busiest days.", "2024-03-01", "15,000", None, ("cannot check", "not comparable")),
    # 'a high-profile crackdown' is no record that a base is
    ("Small boat arrivals rose to 36,816, after a high-profile crackdown in 2024.",
     "2025-01-15", "36,816", "uk_small_boat_arrivals_annual", ("consistent",)),
    # people supported by the Home Office are on asylum support
    ("At the end of 2023, 111,132 asylum seekers were being supported by the Home Office.",
     "2024-03-01", "111,132", "uk_asylum_support_people",
     ("consistent", "matches other sources")),
    ("At the end of 2023, the Home Office supported 111,132 asylum seekers.", "2024-03-01",
     "111,132", "uk_asylum_support_people", ("consistent", "matches other sources")),
    # who they were, after the figure, is no group the figure counts
    ("Some 29,437 people, most of them Afghan and Iranian citizens, crossed the Channel in "
     "small boats in 2023.", "2024-03-01", "Some 29,437", "uk_small_boat_arrivals_annual",
     ("consistent",)),
    # 'after the surge in 2024' is no base
    ("Small boat arrivals rose to 36,816, after the surge in 2024.", "2025-01-15", "36,816",
     "uk_small_boat_arrivals_annual", ("consistent",)),
])
def test_rules_on_clauses_do_not_misread_ordinary_sentences(text, published, claim, series,
                                                             verdicts):
    row = extracted(text, published).set_index("claim").loc[claim]
    assert row["verdict"] in verdicts, (row["series"], row["verdict"])
    if series is not None:
        assert row["series"] == series


def test_the_period_figures_are_published_for_is_theirs_but_not_a_revised_bases():
    row = extracted("Frontex has published its preliminary figures for 2023, and the headline "
                    "is around 380,000 irregular border crossings detected.", "2024-01-26"
                    ).iloc[0]
    assert (row["series_period"], row["verdict"]) == ("2023", "consistent")
    rows = extracted("There were 67,337 asylum applications from main applicants in 2023. On "
                     "the revised figures for 2022, that is a fall of 17% in applications, "
                     "from 81,130.", "2024-03-05").set_index("claim")
    assert rows.loc["17%", "claim_period"].startswith("2023 vs 2022")


@pytest.mark.parametrize("text", [
    "But if 20 boats leave, and we stop 10, 10 still arrive, the officer said.",
    "The scheme would cost the taxpayer more if 60,000 people crossed the Channel in small "
    "boats in 2023.",
    "Even if 60,000 people crossed the Channel in small boats in 2023, the scheme would work.",
])
def test_a_case_put_is_not_set_against_what_happened(text):
    for _, row in extracted(text, "2024-10-21").iterrows():
        assert row["verdict"] == "cannot check", row["claim"]
        assert row["reason"].startswith("a case put (“if ...”)"), row["claim"]


@pytest.mark.parametrize("text", [
    # a way of speaking, and "if" as "whether": the claim is still checked (and wrong)
    "If you look at the figures, 60,000 people crossed the Channel in small boats in 2022.",
    "Asked if the figures were accurate, the minister said 60,000 people crossed the Channel "
    "in small boats in 2022.",
])
def test_a_way_of_speaking_or_whether_is_no_condition(text):
    row = extracted(text, "2024-10-21").set_index("claim").loc["60,000"]
    assert row["verdict"] == "inconsistent"


def test_a_real_figure_a_condition_names_is_still_checked():
    row = extracted("If all 45,774 people who crossed the Channel in small boats in 2022 were "
                    "housed on barges, the cost would be vast.", "2024-10-21"
                    ).set_index("claim").loc["45,774"]
    assert row["verdict"] == "consistent"


@pytest.mark.parametrize(("text", "claim"), [
    # "That was up from" after two figures of different periods: which is not known
    ("In 2024, 36,816 people crossed the Channel in small boats, including 13,489 in the first "
     "half. That was up from 11,433.", "11,433"),
    # a level's base, when the level is in the sentence before
    ("At the end of 2024, 124,802 people were awaiting an initial asylum decision. That was "
     "down from 133,409 people.", "133,409"),
    # the base of a figure in a borrowed period
    ("In 2023, Türkiye caught 254,008 irregular migrants. Police detained 9,149 migrant "
     "smugglers, up from 7,942.", "7,942"),
    # the base of an average a day
    ("In 2024, an average of about 100 people a day crossed the Channel in small boats, up "
     "from 80.", "80"),
])
def test_no_false_verdict_from_a_base_or_a_borrowed_period_third_round(text, claim):
    row = extracted(text, "2025-03-01").set_index("claim").loc[claim]
    assert row["verdict"] in ("cannot check", "not comparable"), (row["claim_period"],
                                                                   row["verdict"])


def test_a_year_earlier_after_a_level_at_the_end_of_a_year_is_the_end_of_the_year_before():
    # people awaiting an initial decision: 128,786 at the end of 2023, 160,919 at the end of 2022
    row = extracted("People awaiting an initial asylum decision fell to 128,786 at the end of "
                    "2023. That was down from 160,919 a year earlier.", "2024-11-01"
                    ).set_index("claim").loc["160,919"]
    assert (row["series_period"], row["verdict"]) == ("2022-12-31", "consistent")


def test_a_share_is_checked_against_its_exact_ratio_not_its_rounded_column():
    # Turkish nationals: 1,127 of 45,774 small-boat arrivals in 2022, 2.46%
    row = extracted("Turkish nationals made up 2.46% of small boat arrivals in 2022.",
                    "2025-03-01").iloc[0]
    assert row["verdict"] == "consistent"
    assert row["series_value"] == pytest.approx(2.4621, abs=1e-4)


def test_a_change_after_a_shorter_span_keeps_the_base_its_sentence_states():
    row = extracted("In 2024, 36,816 people crossed the Channel in small boats, 3,254 of them "
                    "in December, a 25% increase on the year before.", "2025-03-01"
                    ).set_index("claim").loc["25%"]
    assert (row["claim_period"], row["verdict"]) == ("2024 vs 2023", "consistent")


@pytest.mark.parametrize("text", [
    "The Home Office warned that 36,816 people had crossed the Channel in small boats in 2024.",
    "A higher-than-expected 36,816 people crossed the Channel in small boats in 2024.",
    "Last year's total of 36,816 small boat crossings will be hard to beat, officials said.",
])
def test_a_past_fact_near_words_of_expectation_is_still_checked(text):
    assert extracted(text, "2025-03-01").iloc[0]["verdict"] == "consistent"


def test_a_hedged_percentage_holds_no_less_than_a_bare_one():
    # Turkish nationals: 2.46% of 2022's small-boat arrivals
    row = extracted("Turkish nationals made up about 2% of small boat arrivals in 2022.",
                    "2024-03-01").iloc[0]
    assert row["verdict"] == "consistent"


def test_an_irish_word_in_a_uk_sentence_keeps_the_uk_series():
    row = extracted("An Irish charity said 29,437 people crossed in small boats in 2023.",
                    "2024-03-01").iloc[0]
    assert (row["series"], row["verdict"]) == ("uk_small_boat_arrivals_annual", "consistent")


def test_a_change_in_something_no_series_counts_is_not_checked():
    row = extracted("In 2024, 36,816 people crossed the Channel in small boats, and prices rose "
                    "by 14%.", "2025-03-01").set_index("claim").loc["14%"]
    assert (row["verdict"], row["reason"]) == ("cannot check",
                                              "no reference series counts 'prices'")


@pytest.mark.parametrize("text", [
    "Crossings were expected to reach 56,000 in 2023.",
    "The Home Office forecast of 65,000 crossings in 2022 proved too high.",
])
def test_an_expected_level_or_a_forecast_of_a_number_is_not_checked(text):
    assert extracted(text, "2025-03-01").iloc[0]["verdict"] == "cannot check"


def test_asylum_claims_awaiting_a_decision_are_the_backlogs_cases_not_the_years_claims():
    claims = extracted(
        "Some 67,000 asylum claims were awaiting an initial decision at the end of 2023.\n"
        "The backlog of more than 90,000 asylum claims has to be cleared first.", "2024-03-12")
    wrong, right = claims.to_dict("records")
    # 67,337 main applicants claimed asylum in 2023: a coincidence of another series
    assert (wrong["series"], wrong["series_value"], wrong["verdict"]) == (
        "uk_asylum_backlog_cases", 95252, "inconsistent")
    assert "uk_asylum_applications_main" in wrong["notes"]
    assert (right["series"], right["series_period"], right["verdict"]) == (
        "uk_asylum_backlog_cases", "2023-12-31", "consistent")


def test_a_percentage_change_from_a_number_in_one_year_is_checked_against_that_year():
    claims = extracted(
        "In fact, 29,437 people crossed the Channel in 2023, down 36% from 45,774 in 2022.\n"
        "Crossings fell by 36% from 45,774 in 2022 to 29,437 in 2023.\n"
        "Arrivals rose 25%, from 29,437 in 2023 to 36,816 in 2024.", "2025-03-01")
    changes = claims[claims["claim"].str.endswith("%")]
    assert list(changes["claim_period"]) == ["2023 vs 2022", "2023 vs 2022", "2024 vs 2023"]
    assert list(changes["verdict"]) == ["consistent"] * 3


def test_a_percentage_more_or_fewer_than_a_number_in_a_year_is_a_change_from_that_year():
    claims = extracted(
        "Some 36,816 crossed the Channel in 2024, 25% more than the 29,437 who came in 2023.\n"
        "Some 29,437 crossed the Channel in 2023, 36% fewer than the 45,774 recorded in 2022.\n"
        "More than 45,000 people crossed the Channel in small boats in 2022.", "2025-03-01")
    rows = {r["claim"]: r for r in claims.to_dict("records")}
    assert (rows["25%"]["claim_period"], rows["25%"]["verdict"]) == ("2024 vs 2023", "consistent")
    assert (rows["36%"]["claim_period"], rows["36%"]["verdict"]) == ("2023 vs 2022", "consistent")
    # the base counts what its sentence's first clause counts
    assert (rows["45,774"]["series"], rows["45,774"]["verdict"]) == (
        "uk_small_boat_arrivals_annual", "consistent")
    # a hedge is no base: "more than 45,000 ... in 2022" is 2022's own figure
    assert rows["More than 45,000"]["claim_period"] == "2022"


def test_people_covered_by_asylum_claims_are_the_people_series():
    [claims, people] = extracted(
        "The Home Office received 84,231 asylum applications in 2024, covering 108,138 people.",
        "2025-03-01").to_dict("records")
    assert (people["series"], people["series_value"]) == ("uk_asylum_applications_people", 108138)


def test_a_change_from_one_figure_to_another_with_no_period_is_not_read_at_publication():
    claims = extracted(
        "The number of boats fell less sharply, from 1,110 to 602.\n"
        "Crossings rose sharply, from 29,437 to 36,816 in 2024.", "2025-03-01")
    rows = claims.to_dict("records")
    assert [(r["claim"], r["claim_period"]) for r in rows] == [
        ("1,110", ""), ("602", ""),
        ("29,437", "2023 (the year before: the sentence states no base year)"),
        ("36,816", "2024")]
    assert rows[1]["reason"] == (
        "the level a change reached, and its sentence states no period for it")
    assert [r["verdict"] for r in rows[2:]] == ["consistent", "consistent"]


def test_a_change_in_people_is_not_checked_against_a_change_in_detections():
    claims = extracted(
        "Italy recorded 66,317 sea arrivals in 2024, down 58% from 157,651 in 2023.\n"
        "The Central Mediterranean route saw 66,766 detections in 2024, down 58%.",
        "2025-03-01")
    people, detections = claims[claims["claim"] == "58%"].to_dict("records")
    assert people["verdict"] == "not comparable"
    assert "the article counts people" in people["reason"]
    assert (detections["series"], detections["verdict"]) == (
        "frontex_central_mediterranean", "consistent")


def test_a_year_of_all_irregular_arrivals_is_read_from_its_quarters_where_no_year_row_is():
    from newstables.analyse.series_lookup import history

    rows = extracted("Small boats accounted for 84% of the 43,630 irregular arrivals detected "
                     "in 2024. Total irregular arrivals were up 19% on the previous year.",
                     "2025-03-04")
    row = rows[rows["claim"] == "19%"].iloc[0]
    # all arrivals, not the small boats its words fit far less: 43,630 in 2024 against the
    # sum of 2023's four official quarters (36,704), +18.9%
    assert (row["series"], row["verdict"], row["series_period"]) == (
        "uk_irregular_arrivals_annual_all_methods", "consistent", "2024 vs 2023-Q1 to 2023-Q4")
    # a record's history compares periods of one length: the quarters are not among its years
    assert [r["period"] for r in history("uk_irregular_arrivals_annual_all_methods")] == ["2024"]


def test_a_stated_base_chooses_the_changes_period_series_and_direction():
    def claim(text: str, published: str = "2025-03-01") -> dict:
        rows = extracted(text, published)
        return rows[rows["claim"].str.endswith("%")].to_dict("records")[0]

    # its own "up", the figure before it, not "well below the 45,774 in 2022"
    row = claim("Some 36,816 people crossed in 2024, up 25% from 29,437 in 2023 and well below"
                " the 45,774 in 2022.")
    assert (row["claim_period"], row["verdict"]) == ("2024 vs 2023", "consistent")
    # six months against the same six months
    row = claim("Some 13,489 people crossed in the first six months of 2024, up 18% from 11,433"
                " in 2023.", "2024-08-01")
    assert (row["claim_period"], row["verdict"]) == (
        "2024-01-01 to 2024-06-30 vs 2023-01-01 to 2023-06-30", "consistent")
    # the series whose numbers the sentence states: cases, not people
    row = claim("The backlog fell 28% from 132,182 in 2022 to 95,252 in 2023.", "2024-03-01")
    assert (row["series"], row["verdict"]) == ("uk_asylum_backlog_cases", "consistent")
    # each clause its own place
    rows = extracted("UK crossings rose 25% from 29,437 in 2023 to 36,816 in 2024, while "
                     "arrivals in Italy fell 58%.", "2025-01-03")
    assert rows[rows["claim"] == "25%"]["series"].tolist() == ["uk_small_boat_arrivals_annual"]


def test_a_change_against_another_thing_or_an_unstated_year_is_not_checked():
    rows = extracted(
        "Some 108,138 people claimed asylum in 2024, up 186% from the 29,437 small boat arrivals"
        " in 2023.\n"
        "Some 108,138 people claimed asylum in 2024, 194% more than the 36,816 who crossed the "
        "Channel in 2024.\n"
        "Some 36,816 people crossed in 2024, 25% more than the 29,437 who came the year before.\n"
        "At least 12 people died crossing the Channel in 2023, 75% fewer than the 48 in 2021.",
        "2025-03-01").to_dict("records")
    reasons = {(r["claim"], r["reason"]) for r in rows if r["verdict"] == "cannot check"}
    assert ("186%", "its base, 'small boat arrivals', counts another series than the change"
            ) in reasons
    assert ("194%", "its base is of the same period (2024): two things compared, not a change"
                    " over time") in reasons
    assert ("29,437", "the base of a change, and its sentence states no period for it") in reasons
    assert ("75%", "no reference series counts what this percentage is about") in reasons


def test_visa_or_passport_applications_awaiting_are_not_asylum_cases():
    [row] = extracted("Some 130,000 passport applications were awaiting processing at the end "
                      "of 2022.", "2023-03-01").to_dict("records")
    assert row["verdict"] == "not comparable"


def test_the_word_may_is_no_month_that_stops_a_change_from_one_year_to_another():
    claims = extracted("Officials said arrivals, which may be revised, fell 36% from 45,774 in "
                       "2022 to 29,437 in 2023.\nArrivals between January and March fell 17% "
                       "from 4,548 in 2022 to 3,793 in 2023.", "2024-03-01")
    changes = claims[claims["claim"].str.endswith("%")].to_dict("records")
    assert (changes[0]["claim_period"], changes[0]["verdict"]) == ("2023 vs 2022", "consistent")
    assert changes[1]["verdict"] == "cannot check"  # months, not whole years


@pytest.mark.parametrize("text", [
    # "Australian Border Force" is Australia's, not the UK's Border Force
    "CANBERRA - A boat landed in Western Australia on Friday.\n\nAustralian Border Force said "
    "surveillance flights had been increased.\n\nThe tribunal had a backlog of about 90,000 "
    "cases at the end of 2023, according to Department of Home Affairs figures.",
    "WASHINGTON - The number of people awaiting an asylum decision from USCIS reached 128,000 "
    "at the end of 2023.",
])
def test_a_figure_of_a_place_no_series_covers_is_not_checked_against_the_uks(text):
    row = extracted(text, "2024-03-15").iloc[-1]
    assert (row["verdict"], row["series"]) == ("cannot check", "")


@pytest.mark.parametrize("text, pub, claim, claim_period, verdict", [
    # a base with an adjective before its number keeps its own year
    ("29,437 people crossed the Channel in small boats in 2023, down 36% on the record 45,774 "
     "in 2022.", "2024-02-29", "36%", "2023 vs 2022", "consistent"),
    # a numbered item's number is no figure, nor a day of the month before it
    ("128,786 people were waiting for an initial decision at the end of 2023, down from a peak "
     "of 175,457 at the end of June.\n6. Hotels. 45,744 people were in hotel accommodation at "
     "the end of December.", "2024-02-29", "175,457", "2023-06", "consistent"),
    ("29,437 people crossed the Channel in small boats in 2023.\n3. August was the busiest "
     "month, with 5,369 arrivals, although that was well below the 8,631 seen in August 2022.",
     "2024-02-29", "5,369", "2023-08", "consistent"),
    ("June alone saw 5,170 arrivals, the highest June on record.", "2025-07-01", "5,170",
     "2025-06", "consistent"),
])
def test_bases_and_list_items_keep_each_figure_in_its_own_period(text, pub, claim,
                                                                claim_period, verdict):
    claims = extracted(text, pub).set_index("claim")
    assert (claims.loc[claim, "claim_period"], claims.loc[claim, "verdict"]) == (
        claim_period, verdict)
    assert not {"3", "6"} & set(claims.index)


def test_a_count_with_no_period_that_fails_at_the_publication_date_is_not_checked():
    # the period of the base after it is not its own, and "saw" is no running total
    row = extracted("The busiest month saw 5,369 arrivals, although that was well below the "
                    "8,631 seen in August 2022.", "2024-02-29").set_index("claim").loc["5,369"]
    assert row["verdict"] == "cannot check"
    assert row["reason"].endswith("its sentence states no period")


@pytest.mark.parametrize("text, pub, claim, claim_period, verdict", [
    # "the same point in 2023": the months so far, in 2023
    ("So far this year, 2,255 people have crossed the Channel in small boats, 24% fewer than "
     "at the same point in 2023.", "2024-02-29", "24%",
     "2024-01-01 to 2024-02-29 (so far that year) vs 2023-01-01 to 2023-02-28", "consistent"),
    # a month right before the next figure is that figure's, after a conjunction
    ("August saw 4,149 small boat arrivals and September 4,192, the highest monthly figure of "
     "the year.", "2024-10-12", "4,192", "2024-09", "consistent"),
    ("In August 4,149 people crossed in small boats and in September 4,192.", "2024-10-12",
     "4,149", "2024-08", "consistent"),
    # not the figure's own period followed by a part of it
    ("Small boat arrivals reached 29,437 in 2023, 5,000 of them Albanians.", "2024-03-01",
     "29,437", "2023", "consistent"),
])
def test_same_point_bases_and_gapped_months(text, pub, claim, claim_period, verdict):
    claims = extracted(text, pub).set_index("claim")
    assert (claims.loc[claim, "claim_period"], claims.loc[claim, "verdict"]) == (
        claim_period, verdict)


def test_a_figure_a_correction_withdraws_is_not_the_articles_claim():
    claims = extracted("Correction: An earlier version of this article said that 45,000 people "
                       "crossed the Channel in small boats in 2023. That figure related to 2022; "
                       "the correct figure for 2023 is 29,437.", "2024-10-12").set_index("claim")
    assert claims.loc["45,000", "stated_by"] == (
        "an earlier version of the article, withdrawn in its correction")
    assert (claims.loc["29,437", "stated_by"], claims.loc["29,437", "verdict"]) == (
        "", "consistent")


@pytest.mark.parametrize("text, pub, claim, claim_period, verdict", [
    # "the busiest month was October, with 5,417": October's figure
    ("Channel crossings in 2024:\n- the busiest month was October, with 5,417 arrivals",
     "2025-01-03", "5,417", "2024-10", "consistent"),
    # a month as a later clause's subject; "the quietest ... since 2023" is a record's reach
    ("April saw 2,432 small boat arrivals, while March was the quietest spring month since "
     "2023 with 4,586.", "2025-07-01", "4,586", "2025-03", "consistent"),
    # "since the first recorded crossings in 2018": a running total since 2018
    ("The running total of Channel crossings since the first recorded crossings in 2018 has "
     "now passed 170,000.", "2025-07-01", "170,000", "2018-01-01 to 2025-07-01", "consistent"),
    # "the daily Home Office tally" is no daily rate
    ("So far in 2024, more than 20,000 people have crossed the Channel in small boats, "
     "according to the daily Home Office tally.", "2024-08-30", "more than 20,000",
     "2024-01-01 to 2024-08-30 (so far that year)", "cannot check"),
])
def test_months_with_figures_record_reaches_and_running_totals(text, pub, claim,
                                                              claim_period, verdict):
    claims = extracted(text, pub).set_index("claim")
    assert (claims.loc[claim, "claim_period"], claims.loc[claim, "verdict"]) == (
        claim_period, verdict)


@pytest.mark.parametrize("text, pub, claim, series, verdict", [
    # "That is fewer than in 2022, when 99,939 people applied": what the sentence before counts
    ("The Home Office's latest figures show 84,425 people claimed asylum in 2023. That is "
     "fewer than in 2022, when 99,939 people applied.", "2024-03-05", "99,939",
     "uk_asylum_applications_people", "consistent"),
    # "... but the latest statistics put it at 128,786": "it" is the clause before's number
    ("The number of people waiting for an initial decision reached 165,411 at the end of "
     "September, but the latest statistics put it at 128,786 at the end of December.",
     "2024-01-12", "128,786", "uk_asylum_backlog_people", "consistent"),
    ("At the end of last year there were around 95,000 cases waiting for a first decision.",
     "2024-03-02", "around 95,000", "uk_asylum_backlog_cases", "consistent"),
    ("Something like 36,000 came across the Channel last year.", "2024-03-02",
     "Something like 36,000", "uk_small_boat_arrivals_annual", "inconsistent"),
])
def test_what_a_figure_counts_from_the_words_around_it(text, pub, claim, series, verdict):
    claims = extracted(text, pub).set_index("claim")
    assert (claims.loc[claim, "series"], claims.loc[claim, "verdict"]) == (series, verdict)


@pytest.mark.parametrize("text, claim, verdict", [
    # a figure Frontex is named as giving counts Frontex's detections
    ("Arrivals on the Western African route to Spain's Canary Islands more than doubled to "
     "about 40,000 in 2023, Frontex said.", "about 40,000", "consistent"),
    ("Frontex put crossings at the EU's eastern land borders with Belarus and Russia at about "
     "12,000 in 2023.", "about 12,000", "inconsistent"),
])
def test_a_figure_frontex_gives_counts_its_detections(text, claim, verdict):
    row = extracted(text, "2024-01-16").set_index("claim").loc[claim]
    assert row["verdict"] == verdict


def test_detections_are_not_people_when_no_one_says_whose_count_it_is():
    row = extracted("About 40,000 migrants reached the Canary Islands in 2023.",
                    "2024-01-16").set_index("claim").loc["About 40,000"]
    assert row["verdict"] in ("not comparable", "cannot check")


def test_a_sentence_referring_back_takes_the_period_of_the_figure_it_refers_to():
    # "That was up 44% from 122,213 a year earlier": the end of June 2023 against the end of
    # June 2022 (not the day the figures were published); "the end of March" is 2023's, not a
    # year earlier's
    claims = extracted(
        "The number of people waiting for an initial decision on their asylum claim reached a "
        "record 175,457 at the end of June, Home Office figures published on Thursday show.\n\n"
        "That was up 44% from 122,213 a year earlier, and up from 172,758 at the end of March.",
        "2023-08-25").set_index("claim")
    assert [(claims.loc[c, "claim_period"], claims.loc[c, "verdict"])
            for c in ("44%", "122,213", "172,758")] == [
        ("2023-06-30 vs 2022-06-30", "consistent"), ("2022-06-30", "consistent"),
        ("2023-03", "consistent")]


def test_the_first_months_of_a_year_and_the_same_period_last_year():
    claims = extracted("Some 19,982 people crossed the Channel in small boats in the first six "
                       "months of 2025, 48% more than the 13,489 in the same period last year.",
                       "2025-07-01").set_index("claim")
    assert [(claims.loc[c, "claim_period"], claims.loc[c, "verdict"])
            for c in ("48%", "13,489")] == [
        ("2025-01-01 to 2025-06-30 vs 2024-01-01 to 2024-06-30", "consistent"),
        ("2024-01-01 to 2024-06-30", "consistent")]


def test_arrivals_on_an_eu_island_are_not_checked_against_the_uks():
    row = extracted("Arrivals to the Balearic Islands from Algeria also rose, to more than "
                    "5,800.", "2025-01-03").iloc[-1]
    assert not str(row["series"]).startswith("uk_")


def test_a_running_total_counts_what_the_first_figure_before_it_counts():
    # people, not the boats they came in
    claims = extracted("The Home Office has confirmed that 756 people crossed the Channel in 14 "
                       "small boats on Thursday.\n\nThat takes the total for the year so far to "
                       "15,827.", "2023-08-11").set_index("claim")
    assert (claims.loc["15,827", "series"], claims.loc["15,827", "verdict"]) == (
        "uk_small_boat_arrivals_ytd_daily", "consistent")


@pytest.mark.parametrize("text, claim, series, verdict", [
    # a later mention of Britain does not make a Canadian story's figures British
    ("TORONTO (Reuters) - Canada will tighten asylum rules after claims hit a record.\n\nAbout "
     "133,000 people are waiting for a decision on their asylum claims.\n\nBritain, by "
     "comparison, received about 84,000 asylum claims last year.", "About 133,000", "",
     "cannot check"),
    # nor a Turkish story's
    ("Turkish security forces apprehended 225,831 irregular migrants in 2024.\n\nIn 2022, the "
     "ministry said, 185,000 irregular migrants were apprehended.\n\nHome Office figures show "
     "3,040 Turks arrived in Britain by small boat in 2023.", "185,000",
     "turkiye_apprehensions", "differs from press reports"),
])
def test_a_sentence_with_no_place_is_in_the_place_the_story_opens_in(text, claim, series,
                                                                     verdict):
    row = extracted(text, "2025-01-15").set_index("claim").loc[claim]
    assert (row["series"], row["verdict"]) == (series, verdict)


@pytest.mark.parametrize("text, stated_by", [
    # someone else's draft is no correction of the article
    ("An earlier version of the report said that 45,000 people crossed the Channel in small "
     "boats in 2023.", ""),
    ("This article was amended on 3 May. An earlier version said 45,000 people crossed the "
     "Channel in small boats in 2023.",
     "an earlier version of the article, withdrawn in its correction"),
])
def test_what_a_correction_withdraws(text, stated_by):
    assert extracted(text, "2024-10-12").set_index("claim").loc["45,000", "stated_by"] == (
        stated_by)


def test_a_period_ending_another_figures_clause_is_not_the_next_figures():
    # "yesterday" is the 343's; "a day after" is no daily rate; 756 crossed on Thursday
    claims = extracted("A further 343 people arrived in Dover yesterday, a day after 756 crossed "
                       "in 14 boats on Thursday.", "2023-08-12").set_index("claim")
    assert [(claims.loc[c, "claim_period"], claims.loc[c, "verdict"]) for c in ("343", "756")] \
        == [("2023-08-11", "consistent"), ("2023-08-10", "consistent")]


@pytest.mark.parametrize("text, pub, claim, series, verdict", [
    # the change's series is the one with the level it reached, not the route its sentence
    # names in passing
    ("Irregular crossings into the European Union rose 17% last year to around 380,000, the EU "
     "border agency Frontex said on Friday, driven by a surge in arrivals across the central "
     "Mediterranean.", "2024-01-12", "17%", "frontex_all_routes", "consistent"),
    # a sentence that says it counts detections
    ("Detections on the Eastern Mediterranean route, which includes Greece, Cyprus and "
     "Bulgaria, rose by more than half in 2023 to around 60,000.", "2024-01-20",
     "around 60,000", "frontex_eastern_mediterranean", "consistent"),
    # "December's 3,254 arrivals": the last December, not the base's
    ("December's 3,254 small boat arrivals were a threefold increase on December 2023.",
     "2025-01-03", "3,254", "uk_small_boat_arrivals_monthly", "consistent"),
])
def test_review_two_cases_of_series_and_periods(text, pub, claim, series, verdict):
    row = extracted(text, pub).set_index("claim").loc[claim]
    assert (row["series"], row["verdict"]) == (series, verdict)


@pytest.mark.parametrize("text, pub, claim, claim_period, verdict", [
    # "at the same point": the sentence before's date, "a year earlier" a year before it
    ("At the end of September 2024, 133,409 people were waiting for an initial decision on "
     "their claim.\n\nAbout 35,000 asylum seekers were living in hotels at the same point, "
     "down from more than 56,000 a year earlier.", "2025-01-10", "About 35,000",
     "2024-09-30", "matches press reports"),
    # "down from over 56,000 at the peak": a base at a time not stated
    ("The number of asylum seekers in hotels has fallen to 32,041, down from over 56,000 at "
     "the peak under the previous government.", "2025-08-28", "over 56,000", "",
     "cannot check"),
])
def test_same_point_and_peak_bases(text, pub, claim, claim_period, verdict):
    row = extracted(text, pub).set_index("claim").loc[claim]
    assert (row["claim_period"], row["verdict"]) == (claim_period, verdict)


@pytest.mark.parametrize("text, claim, verdict", [
    # a figure that names the series' own thing is wrong, however far off
    ("Across the EU as a whole, Frontex recorded 1.2 million irregular crossings in 2023.",
     "1.2 million", "inconsistent"),
    # or as its clause's subject: the series' thing on the series' route
    ("Detections on the Western Balkan route fell to 19,000 in 2023, Frontex said.", "19,000",
     "inconsistent"),
    # a part that takes its words from another figure is not named so
    ("Asylum applications reached 74,751 in 2022, 18,000 of them from Albanians.", "18,000",
     "not comparable"),
])
def test_a_figure_far_off_a_series_it_names_is_wrong(text, claim, verdict):
    assert extracted(text, "2024-02-15").set_index("claim").loc[claim, "verdict"] == verdict


@pytest.mark.parametrize("text, pub, claim, claim_period, series, verdict", [
    # "between 2022 and 2023": 2023 against 2022; the change of what its clause names
    ("The figures show that arrivals fell by 36% between 2022 and 2023, while the number of "
     "people waiting for a decision fell by more than a quarter during the second half of the "
     "year.", "2024-02-29", "36%", "2023 vs 2022", "uk_small_boat_arrivals_annual",
     "consistent"),
    # "The total of 36,816 was up 25% on 2023": the total of the sentence before, 2024
    ("More than 36,000 people crossed the English Channel in small boats in 2024.\n\nThe total "
     "of 36,816 was up 25% on 2023, when 29,437 people made the journey.", "2025-01-10", "25%",
     "2024 vs 2023", "uk_small_boat_arrivals_annual", "consistent"),
    # "at the end of June this year" is this year's June; "and stood at" the same thing's level
    ("The number of asylum seekers in hotels peaked at 56,042 in September 2023 and stood at "
     "29,561 at the end of June this year, the report said.", "2024-10-16", "29,561",
     "2024-06", "uk_asylum_hotels_people", "matches other sources"),
    ("The number of people waiting for an initial asylum decision has fallen to 90,812.",
     "2025-08-28", "90,812", "2025-08-28 (publication date)", "uk_asylum_backlog_people",
     "consistent"),
])
def test_review_two_changes_totals_and_levels(text, pub, claim, claim_period, series, verdict):
    row = extracted(text, pub).set_index("claim").loc[claim]
    assert (row["claim_period"], row["series"], row["verdict"]) == (claim_period, series,
                                                                    verdict)


def test_list_items_labelled_with_months_take_the_lead_ins_year():
    claims = extracted("Small boat arrivals by quarter, 2023 (Home Office):\n- January to March: "
                       "3,793\n- October to December: 5,607\n- Total: 29,437",
                       "2024-02-29").set_index("claim")
    assert [(claims.loc[c, "claim_period"], claims.loc[c, "verdict"])
            for c in ("3,793", "5,607", "29,437")] == [
        ("2023-01-01 to 2023-03-31", "consistent"), ("2023-10-01 to 2023-12-31", "inconsistent"),
        ("2023", "consistent")]


@pytest.mark.parametrize("text, expected", [
    # a table's row year, its column's header and its lead-in say what each cell is
    ("We have compiled the annual totals of people detected crossing the Channel in small "
     "boats. Source: Home Office.\nYear | People | Boats\n2019 | 3,843 | 164\n2020 | 8,466 | 641",
     [("3,843", "2019", "uk_small_boat_arrivals_annual", "inconsistent"),
      ("164", "2019", "uk_small_boats_detected_annual", "consistent"),
      ("8,466", "2020", "uk_small_boat_arrivals_annual", "consistent"),
      ("641", "2020", "uk_small_boats_detected_annual", "consistent")]),
    # a column's year, and the row's route
    ("Here is how the main routes into the EU changed, according to Frontex (detections of "
     "irregular border crossings):\nRoute | 2022 | 2023\nWestern Balkans | 144,118 | 99,002\n"
     "Eastern Mediterranean | 38,690 | 81,296",
     [("144,118", "2022", "frontex_western_balkans", "consistent"),
      ("99,002", "2023", "frontex_western_balkans", "consistent"),
      ("38,690", "2022", "frontex_eastern_mediterranean", "consistent"),
      ("81,296", "2023", "frontex_eastern_mediterranean", "inconsistent")]),
    # a row labelled with its month alone: the latest such month by publication
    ("People detected crossing the Channel in small boats, month by month:\n"
     "| Month | People | Boats |\n|---|---|---|\n| June | 3,041 | 56 |\n| July | 4,414 | 58 |",
     [("3,041", "2024-06", "uk_small_boat_arrivals_monthly", "consistent"),
      ("56", "2024-06", "uk_small_boats_detected_monthly", "consistent"),
      ("4,414", "2024-07", "uk_small_boat_arrivals_monthly", "inconsistent"),
      ("58", "2024-07", "uk_small_boats_detected_monthly", "consistent")]),
])
def test_a_pipe_tables_cells_are_checked_by_row_and_column(text, expected):
    claims = extracted(text, "2024-08-30")
    assert [tuple(r) for r in claims[["claim", "claim_period", "series", "verdict"]].values] == (
        expected)


@pytest.mark.parametrize("text, pub, claim, claim_period, verdict", [
    # "in August last year" is the August of the year before publication, whatever the
    # sentence's other months
    ("The number crossing the Channel last month was almost double the 2,100 small boat "
     "arrivals recorded in August last year.", "2024-09-05", "2,100", "2023-08", "inconsistent"),
    # "a fall of more than a third on 2022" is a change
    ("Last year 29,437 people crossed the Channel in small boats, a fall of more than a third "
     "on 2022.", "2024-02-15", "more than a third", "2023 vs 2022", "consistent"),
])
def test_last_years_months_and_a_fall_of(text, pub, claim, claim_period, verdict):
    row = extracted(text, pub).set_index("claim").loc[claim]
    assert (row["claim_period"], row["verdict"]) == (claim_period, verdict)


@pytest.mark.parametrize("text, reason_start", [
    ("The Home Office said it had returned more than 13,000 people since July and that a new "
     "Border Security Command would target the smuggling networks.", "no reference series"),
    ("Nigel Farage claimed that more than 30,000 would come this year at this rate.",
     "a forecast"),
])
def test_a_forecast_is_in_the_figures_own_words(text, reason_start):
    assert extracted(text, "2025-01-03").iloc[0]["reason"].startswith(reason_start)


def test_about_a_third_holds_at_least_what_a_third_does():
    row = extracted("Small boat arrivals fell by about a third in 2023.", "2024-03-01").iloc[0]
    assert row["verdict"] == "consistent"  # -35.7%, within "a third" (29.2% to 36.7%)


def test_decisions_on_applications_are_not_applications():
    row = extracted("The Home Office made 112,599 initial decisions on asylum applications in "
                    "2023, the highest number since 2002.", "2024-03-01").iloc[0]
    assert (row["series"], row["verdict"]) == ("", "cannot check")


@pytest.mark.parametrize("text, pub, claim, claim_period, series, verdict", [
    # "Last year's total": a total of what the sentence before counts, for that year, not
    # the running total since records began that "total" alone would fit
    ("So far this year, 19,982 people have made the journey. Last year's total was 46,200.",
     "2025-07-02", "46,200", "2024", "uk_small_boat_arrivals_annual", "inconsistent"),
    ("So far this year, 19,982 people have crossed the Channel. Last year's total was 36,816.",
     "2025-07-02", "36,816", "2024", "uk_small_boat_arrivals_annual", "consistent"),
    # a change on "the same period last year" of a total so far this year: the running total
    # a year earlier
    ("So far this year, 19,982 people have crossed the Channel, up 48% on the same period "
     "last year.", "2025-07-02", "48%",
     "2025-01-01 to 2025-07-02 (so far that year) vs 2024-01-01 to 2024-07-02",
     "uk_small_boat_arrivals_ytd_monthly", "consistent"),
    ("So far this year, 19,982 people have crossed the Channel, up 38% on the same period "
     "last year.", "2025-07-02", "38%",
     "2025-01-01 to 2025-07-02 (so far that year) vs 2024-01-01 to 2024-07-02",
     "uk_small_boat_arrivals_ytd_monthly", "inconsistent"),
])
def test_a_periods_total_and_a_change_so_far_this_year(text, pub, claim, claim_period, series,
                                                        verdict):
    row = extracted(text, pub).set_index("claim").loc[claim]
    assert (row["claim_period"], row["series"], row["verdict"]) == (claim_period, series,
                                                                    verdict)


@pytest.mark.parametrize("text, pub, claim, claim_period, verdict", [
    # "at that point": the last time the sentence before reached, whatever rate follows in
    # another clause ("a day" is the cost's)
    ("The backlog had fallen to 98,000 by the end of September. Around 56,000 migrants were "
     "being housed in hotels at that point, at a cost of £8 million a day.", "2024-01-18",
     "Around 56,000", "2023-09", "matches press reports"),
    # "by the end of that year": the year its own sentence named before the figure
    ("The number of Syrians under temporary protection in Türkiye, which peaked at 3,762,686 "
     "in April 2022, had fallen to 3,535,898 by the end of that year.", "2025-03-15",
     "3,535,898", "2022-12-31", "matches press reports"),
    # "reported for 2022": the period of what was reported, not the day of the report; not
    # the "since 2016" of another clause
    ("The ministry said 445,326 migrants had been deported since 2016, a total that does not "
     "reconcile with the 124,441 deportations it reported for 2022 alone.", "2025-03-15",
     "124,441", "2022", "matches press reports"),
    # "since Monday": from Monday to publication, not Monday alone (15 boarded that day)
    ("All 39 asylum seekers who had been taken aboard the Bibby Stockholm since Monday were "
     "moved off the barge.", "2023-08-11", "39", "2023-08-07 to 2023-08-11", "cannot check"),
])
def test_periods_a_sentence_refers_back_to(text, pub, claim, claim_period, verdict):
    row = extracted(text, pub).set_index("claim").loc[claim]
    assert (row["claim_period"], row["verdict"]) == (claim_period, verdict)


@pytest.mark.parametrize("text, claim, series, verdict", [
    # a figure off the series in an earlier sentence's period is not checked ...
    ("Irregular crossings into the EU reached about 380,000 in 2023, Frontex said.\n\nThe "
     "Western Balkan route saw about 66,000 detections.", "about 66,000",
     "frontex_western_balkans", "cannot check"),
    # ... unless another figure of its sentence holds in that period: then it is borne out
    ("Irregular crossings into the EU reached about 380,000 in 2023, Frontex said.\n\nThe "
     "Eastern Mediterranean route saw around 60,000, while detections on the Western Balkan "
     "route fell to about 66,000.", "about 66,000", "frontex_western_balkans", "inconsistent"),
    # the level of a change whose contrast opens another subject is that subject's
    ("In 2023, the number of irregular crossings on the Western Balkan route fell by 31% to "
     "some 99,000, while the Western African route more than doubled, to almost 40,000.",
     "almost 40,000", "frontex_western_african", "consistent"),
])
def test_a_borrowed_period_borne_out_and_a_contrasts_level(text, claim, series, verdict):
    row = extracted(text, "2024-01-26").set_index("claim").loc[claim]
    assert (row["series"], row["verdict"]) == (series, verdict)


@pytest.mark.parametrize("text, pub, claim, claim_period, series, verdict", [
    # a clause that only says when more of the same came counts what the figure before it does
    ("In July alone, almost 6,300 migrants made the perilous journey, official figures show, "
     "after more than 3,800 came in June.", "2023-08-11", "almost 6,300", "2023-07",
     "uk_small_boat_arrivals_monthly", "inconsistent"),
    ("In July alone, almost 6,300 migrants made the perilous journey, official figures show, "
     "after more than 3,800 came in June.", "2023-08-11", "more than 3,800", "2023-06",
     "uk_small_boat_arrivals_monthly", "consistent"),
    # past clauses that name nothing either: "1,773 in February and 840 in March"
    ("After 1,180 crossings in January, 1,773 in February and 840 in March, numbers rose to "
     "3,153 in April.", "2023-10-05", "3,153", "2023-04", "uk_small_boat_arrivals_monthly",
     "inconsistent"),
    # a year before a bracketed figure is its year; the clause names nothing else
    ("Arrivals in 2023 were well below 2022 (45,774) but above 2021 (28,526).", "2024-01-02",
     "28,526", "2021", "uk_small_boat_arrivals_annual", "consistent"),
    # a clause that names what it counts is not another figure's
    ("Small boat arrivals rose 25%, as returns fell from 20,000 in 2021 to 18,000.",
     "2022-02-10", "20,000", "2021", "", "cannot check"),
])
def test_a_clause_of_more_of_the_same(text, pub, claim, claim_period, series, verdict):
    row = extracted(text, pub).set_index("claim").loc[claim]
    assert (row["claim_period"], row["series"], row["verdict"]) == (claim_period, series,
                                                                    verdict)


def test_a_rate_in_brackets_keeps_its_own_period():
    row = extracted("Some 29,437 people crossed the Channel in 2023 (about 80 a day).",
                    "2024-01-02").set_index("claim").loc["about 80"]
    assert (row["claim_period"], row["verdict"]) == ("2023, per day on average", "consistent")


def test_an_aside_relating_to_people_shares_the_predicate_after_it():
    rows = extracted("As at 30 June 2023, 134,046 cases, relating to 175,457 people, were "
                     "awaiting an initial decision.", "2023-09-12").set_index("claim")
    assert (rows.loc["175,457", "series"], rows.loc["175,457", "verdict"]) == (
        "uk_asylum_backlog_people", "consistent")


@pytest.mark.parametrize("text, claim, claim_period, series, verdict", [
    # a change named after the two dated figures it is between: the earlier is its base ...
    ("At the end of June 2023, 175,457 people were waiting for a decision; by the end of "
     "December, 128,786 were, a fall of 27%.", "27%", "2023-12 vs 2023-06",
     "uk_asylum_backlog_people", "consistent"),
    # ... or the one after "from"
    ("The number of people housed in hotels fell to 45,744 by December, from 56,018 in "
     "September, a reduction of 18%.", "18%", "2023-12 vs 2023-09", "uk_asylum_hotels_people",
     "matches other sources"),
    ("The number of people housed in hotels fell to 45,744 by December, from 56,018 in "
     "September, a reduction of 28%.", "28%", "2023-12 vs 2023-09", "uk_asylum_hotels_people",
     "differs from other sources"),
])
def test_a_change_named_after_its_two_figures(text, claim, claim_period, series, verdict):
    row = extracted(text, "2024-03-14").set_index("claim").loc[claim]
    assert (row["claim_period"], row["series"], row["verdict"]) == (claim_period, series,
                                                                    verdict)


def test_the_correct_figure_of_a_correction_is_checked_as_the_one_it_replaces():
    rows = extracted("Small boats.\n\nCorrection, 12 February 2024: An earlier version of this "
                     "article said that 1,533 people crossed the Channel in January 2024. The "
                     "correct figure is 1,335.", "2024-02-10").set_index("claim")
    assert rows.loc["1,533", "stated_by"].startswith("an earlier version")
    assert (rows.loc["1,335", "claim_period"], rows.loc["1,335", "verdict"]) == (
        "2024-01", "consistent")


@pytest.mark.parametrize("text, claim, series, verdict", [
    # a place named after the figure's sentence is the figure's only if it is the story's own
    ("Channel crossings rose in January.\n\nLast year 29,437 people arrived by small boat, down "
     "by more than a third on the record 45,755 in 2022. Ministers have attributed the fall to "
     "closer cooperation with France.", "29,437", "uk_small_boat_arrivals_annual",
     "consistent"),
    # a base that says only that it was a record counts what the figure before it counts
    ("Channel crossings rose in January.\n\nLast year 29,437 people arrived by small boat, down "
     "by more than a third on the record 45,755 in 2022.", "45,755",
     "uk_small_boat_arrivals_annual", "consistent"),
])
def test_places_after_the_figure_and_a_record_base(text, claim, series, verdict):
    row = extracted(text, "2024-02-10").set_index("claim").loc[claim]
    assert (row["series"], row["verdict"]) == (series, verdict)


@pytest.mark.parametrize("text, claim, series", [
    # "... and detained more than 10,000 smugglers": its own clause, not the first figure's
    ("ANKARA - Türkiye apprehended 254,008 irregular migrants last year and detained more than "
     "10,000 suspected people smugglers, Interior Minister Ali Yerlikaya said.", "254,008",
     "turkiye_apprehensions"),
    # apprehensions are no UK arrivals, even beside a sentence about Britain
    ("Türkiye bears a far heavier load than Britain. Its interior ministry says it apprehended "
     "254,008 irregular migrants last year.", "254,008", "turkiye_apprehensions"),
])
def test_apprehensions_are_turkiyes(text, claim, series):
    row = extracted(text, "2024-03-14").set_index("claim").loc[claim]
    assert (row["series"], row["verdict"]) == (series, "matches press reports")


@pytest.mark.parametrize("text, claim, claim_period", [
    # "the busiest month of 2024 so far" is a record's reach; the figure is the month's
    ("August was the busiest month of 2024 so far, with 4,149 people arriving in 75 boats.",
     "4,149", "2024-08"),
    ("August was the busiest month of 2024 so far, with 4,149 people arriving in 75 boats.",
     "75", "2024-08"),
    # the year the record is of still dates its month
    ("The busiest month of 2023 was August, when 5,369 people crossed.", "5,369", "2023-08"),
])
def test_the_busiest_month_of_a_year_so_far(text, claim, claim_period):
    row = extracted(text, "2024-09-02").set_index("claim").loc[claim]
    assert (row["claim_period"], row["verdict"]) == (claim_period, "consistent")


def test_a_list_item_labelled_with_a_month_alone_is_the_latest_such_month():
    row = extracted("Numbers.\n\n- June: 5,170 people crossed the Channel in 80 boats, the "
                    "busiest June since crossings began.", "2025-07-07").set_index(
        "claim").loc["5,170"]
    assert (row["claim_period"], row["verdict"]) == ("2025-06", "consistent")


def test_a_releases_date_is_not_its_figures_period():
    rows = extracted("Take 2022. When the Home Office first published figures for that year in "
                     "February 2023, it said 74,751 asylum applications had been made, relating "
                     "to 89,398 people.", "2025-03-15").set_index("claim")
    assert rows.loc["74,751", "claim_period"] == "2022"
    assert rows.loc["89,398", "claim_period"] == "2022"
    assert rows.loc["89,398", "series"] == "uk_asylum_applications_people"


def test_revised_up_to_is_a_level_not_a_bound():
    row = extracted("In 2022 the figure was revised up to 81,130 asylum applications.",
                    "2025-03-15").iloc[0]
    assert (row["claim"], row["hedge"]) == ("81,130", "")


@pytest.mark.parametrize("text, pub, claim, claim_period, series, verdict", [
    # the series' own name in what the figure counts outranks the sentence's other words
    ("Small boats accounted for 84% of the 43,630 irregular arrivals detected in 2024.",
     "2025-03-01", "43,630", "2024", "uk_irregular_arrivals_annual_all_methods", "consistent"),
    # a later contrast's words are not the change's ("..., but Greece and Canaries saw rises")
    ("Irregular crossings into EU fell by more than a third in 2024, but Greece and Canaries "
     "saw rises\n\nATHENS - Frontex published its figures.", "2025-01-14", "more than a third",
     "2024 vs 2023 (the year before: the sentence states no base)", "frontex_all_routes",
     "consistent"),
    # "nearly 240,000" for 240,021: a round number rounds over by a thousandth
    ("Frontex said it recorded nearly 240,000 detections of irregular border crossing in 2024.",
     "2025-01-14", "nearly 240,000", "2024", "frontex_all_routes", "consistent"),
    ("Frontex said it recorded nearly 230,000 detections of irregular border crossing in 2024.",
     "2025-01-14", "nearly 230,000", "2024", "frontex_all_routes", "inconsistent"),
    # ", followed by September with 4,192": September is the next figure's
    ("October 2024 was the busiest month of the year, with 5,417 arrivals, followed by "
     "September with 4,192.", "2025-03-01", "5,417", "2024-10", "uk_small_boat_arrivals_monthly",
     "consistent"),
    # "the summer of 2023": June to August, one date of a quarterly level in it
    ("We inherited a backlog of more than 175,000 people in the summer of 2023.", "2024-09-01",
     "more than 175,000", "2023-06-01 to 2023-08-31", "uk_asylum_backlog_people", "consistent"),
])
def test_the_eighteenth_reviews_false_inconsistents(text, pub, claim, claim_period, series,
                                                    verdict):
    row = extracted(text, pub).set_index("claim").loc[claim]
    assert (row["claim_period"], row["series"], row["verdict"]) == (claim_period, series,
                                                                    verdict)


AP_WIRE = (
    "ATHENS (AP) - Frontex said it recorded nearly 240,000 detections of irregular border "
    "crossing in 2024, down from about 380,000 in 2023. The agency said the drop was driven by "
    "a collapse in arrivals.\n\nCrossings on the central Mediterranean route fell by 58% to "
    "about 67,000, after Tunisia and Libya stepped up efforts to stop boats leaving. The Western "
    "Balkans route saw a 78% drop to 21,525.\n\nBut the eastern Mediterranean climbed to about "
    "{em} detections, making it the busiest route into the bloc.")


@pytest.mark.parametrize("em, claim, claim_period, series, verdict", [
    # "after" opening another clause does not stop a past figure taking the story's year, and
    # an article that names Frontex counts its crossings as detections
    ("70,000", "about 67,000", "2024 (an earlier sentence's period: its own states none)",
     "frontex_central_mediterranean", "consistent"),
    ("70,000", "58%", "2024 (an earlier sentence's period: its own states none) vs 2023 (the "
     "year before: the sentence states no base)", "frontex_central_mediterranean", "consistent"),
    ("70,000", "21,525", "2024 (an earlier sentence's period: its own states none)",
     "frontex_western_balkans", "consistent"),
    # a period two other sentences' figures hold in is the story's: a figure off it is wrong
    ("90,000", "about 90,000", "2024 (an earlier sentence's period: its own states none)",
     "frontex_eastern_mediterranean", "inconsistent"),
])
def test_a_wire_storys_year_carries_to_its_route_figures(em, claim, claim_period, series,
                                                         verdict):
    row = extracted(AP_WIRE.format(em=em), "2025-01-14").set_index("claim").loc[claim]
    assert (row["claim_period"], row["series"], row["verdict"]) == (claim_period, series,
                                                                    verdict)


def test_a_level_as_of_a_week_reads_the_months_level_it_falls_in():
    row = extracted("The Bibby Stockholm barge had 210 people on board as of last week, the Home "
                    "Office said.", "2024-07-26").iloc[0]
    assert (row["series"], row["series_period"], row["verdict"]) == (
        "bibby_stockholm_people_on_board", "2024-07", "differs from press reports")


@pytest.mark.parametrize("text, claim, series", [
    # an aside that gives the count of the share before it counts the same people
    ("Turkish nationals rose to about one in ten arrivals - 3,040 people in 2023 - compared "
     "with 1,127 in 2022.", "3,040", "uk_turkish_nationals_small_boats"),
    ("Turkish nationals rose to about one in ten arrivals - 3,040 people in 2023 - compared "
     "with 1,127 in 2022.", "1,127", "uk_turkish_nationals_small_boats"),
    # an asylum claim by Turkish people is still an asylum claim
    ("Some 3,040 Turkish nationals crossed the Channel in 2023, and 4,419 Turkish people "
     "claimed asylum.", "4,419", "uk_asylum_applications_turkish_people"),
])
def test_turkish_nationals_people_in_an_aside_and_claiming_asylum(text, claim, series):
    row = extracted(text, "2024-03-01").set_index("claim").loc[claim]
    assert (row["series"], row["verdict"]) == (series, "consistent")


def test_a_nationalitys_applicants_are_people_not_a_place():
    row = extracted("Asylum claims.\n\nIn 2023, 3,756 Turkish main applicants claimed asylum.",
                    "2024-12-01").iloc[0]
    assert (row["series"], row["verdict"]) == ("uk_asylum_applications_turkish_main",
                                               "consistent")


def test_by_the_end_of_a_month_had_crossed_past_a_later_clause_and_colon():
    # "although the late summer of 2022 ..." is another clause's time, and "alone" after the
    # colon is another figure's
    rows = extracted("By the end of June 2022, 12,747 people had crossed, so 2025 is running "
                     "well ahead of that pace, although the late summer of 2022 was "
                     "exceptionally busy: 8,631 people arrived in August 2022 alone.",
                     "2025-07-07").set_index("claim")
    assert (rows.loc["12,747", "claim_period"], rows.loc["12,747", "verdict"]) == (
        "2022-01-01 to 2022-06-30", "consistent")


@pytest.mark.parametrize("text, claim, claim_period, verdict", [
    # a record's reach ("the highest since Frontex began collecting data in 2009") dates nothing
    ("Frontex said it recorded nearly 240,000 detections in 2024.\n\nThe West African route "
     "recorded nearly 47,000 crossings, the highest since Frontex began collecting data in "
     "2009.", "nearly 47,000", "2024 (an earlier sentence's period: its own states none)",
     "consistent"),
    # "Of those": of the figure the sentence before is about, not of its record's year
    ("A total of 108,138 people claimed asylum in 2024, beating the previous peak of 103,081 in "
     "2002. Of those, 84,231 were main applicants.", "84,231", "2024",
     "matches other sources"),
    # past a sentence that only remarks on the one before ("It is the highest ...")
    ("Some 108,138 people claimed asylum in the UK in 2024. It is the highest figure since "
     "records began in 2001, beating the previous peak of 103,081 in 2002.\n\nOf those, "
     "84,231 were main applicants.", "84,231", "2024", "matches other sources"),
])
def test_a_records_year_and_of_those(text, claim, claim_period, verdict):
    row = extracted(text, "2025-03-01").set_index("claim").loc[claim]
    assert (row["claim_period"], row["verdict"]) == (claim_period, verdict)


_WIRE = ("Frontex said it recorded nearly 240,000 detections of irregular border crossing in "
         "2024, down from about 380,000 in 2023.\n\nThe West African route to the Canary "
         "Islands recorded nearly 47,000 crossings, up 18% and the highest since Frontex began "
         "collecting data in 2009.\n\nOn the EU's eastern land borders with Belarus and Russia, "
         "detections tripled to 17,260.")
_LATER = " (an earlier sentence's period: its own states none)"


@pytest.mark.parametrize("text, claim, claim_period, verdict", [
    # a record's reach ("the highest since Frontex began ...") neither moves the story in time
    # nor gives a change its base: the wire story's 2024 reaches both
    (_WIRE, "18%", f"2024{_LATER} vs 2023 (the year before: the sentence states no base)",
     "consistent"),
    (_WIRE, "17,260", f"2024{_LATER}", "consistent"),
    # what 'Of those' took from the sentence before it lends on to the sentence after
    ("Frontex recorded about 69,950 detections on the eastern Mediterranean route in 2024."
     "\n\nOf those, some 60,500 were detected at sea. About 9,400 were detected on the land "
     "border along the Evros river, Frontex said.", "About 9,400", f"2024{_LATER}",
     "consistent"),
])
def test_a_records_reach_dates_nothing_and_of_those_lends_on(text, claim, claim_period,
                                                                verdict):
    row = extracted(text, "2025-03-01").set_index("claim").loc[claim]
    assert (row["claim_period"], row["verdict"]) == (claim_period, verdict)


def test_that_after_applications_relating_to_people_refers_to_the_applications():
    row = extracted("There were 67,337 asylum applications in 2023, relating to 84,425 people. "
                    "That is 17% lower than in 2022.", "2024-02-29").set_index("claim").loc["17%"]
    assert (row["series"], row["verdict"]) == ("uk_asylum_applications_main", "consistent")


def test_the_latest_figures_bring_the_total_for_this_year_to():
    row = extracted("Some 756 people crossed the Channel on Thursday. The latest figures bring "
                    "the total for this year to 15,827.", "2023-08-11").set_index(
        "claim").loc["15,827"]
    assert (row["series"], row["verdict"]) == ("uk_small_boat_arrivals_ytd_daily", "consistent")


def test_a_countrys_authorities_in_another_sentence_do_not_place_the_figure():
    # the French authorities acted; the waiting list is the UK's, as the article is
    row = extracted("Small boat crossings of the English Channel fell this year.\n\nThe fall "
                    "owes a great deal to the work of the French authorities. Yet the number "
                    "of people waiting for an initial decision on their claim was still more "
                    "than 165,000 at the end of September.", "2023-11-20").set_index(
        "claim").loc["more than 165,000"]
    assert (row["series"], row["verdict"]) == ("uk_asylum_backlog_people", "consistent")


def test_this_had_fallen_to_counts_what_the_sentence_before_counts():
    rows = extracted("At the end of June 2023, 175,457 people were waiting for an initial "
                     "decision on their asylum claim. By the end of September this had fallen "
                     "to 165,411 people, relating to 125,173 cases.", "2023-11-30").set_index(
        "claim")
    assert [tuple(rows.loc[c, ["series", "verdict"]]) for c in ("165,411", "125,173")] == [
        ("uk_asylum_backlog_people", "consistent"), ("uk_asylum_backlog_cases", "consistent")]


@pytest.mark.parametrize("text, published, claim, verdict", [
    # people per boat: the people and the boats of the period, summed, then divided
    ("An average of 53 people were crammed into each boat in 2024, up from 49 in 2023.",
     "2025-03-01", "53", "consistent"),
    ("An average of 53 people were crammed into each boat in 2024, up from 49 in 2023.",
     "2025-03-01", "49", "consistent"),
    ("Boats carried an average of 70 people each in 2024.", "2025-03-01", "70", "inconsistent"),
    ("The gangs are putting more people into each boat - more than 58 on average this year.",
     "2025-07-10", "more than 58", "consistent"),
    # over which months an average is taken is not said: not checked
    ("The average boat now carries 70 people.", "2025-07-07", "70", "cannot check"),
    ("Just over a thousand people crossed in December, and roughly six hundred boats made the "
     "crossing over the whole year, meaning that on average about fifty people were crammed "
     "into each dinghy.", "2024-01-10", "about fifty", "cannot check"),
])
def test_people_per_boat_is_the_ratio_of_the_periods_people_and_boats(text, published, claim,
                                                                      verdict):
    row = extracted(text, published).set_index("claim").loc[claim]
    assert (row["series"], row["verdict"]) == ("uk_small_boat_people_per_boat", verdict)


def test_the_people_per_boat_series_divides_each_months_people_by_its_boats():
    from newstables import reference

    ratio = reference.series("uk_small_boat_people_per_boat").set_index("period")["value"]
    people = reference.series("uk_small_boat_arrivals_monthly").set_index("period")["value"]
    boats = reference.series("uk_small_boats_detected_monthly").set_index("period")["value"]
    assert ratio["2024-08"] == pytest.approx(people["2024-08"] / boats["2024-08"])
    assert set(ratio.index) == set(boats[boats > 0].index)  # no month without a boat


def test_the_figures_of_a_numbers_list_are_checked_in_the_periods_their_lines_name():
    rows = extracted("Channel crossings\n\n- 3,369: arrivals in August 2023, the busiest month "
                     "of the year so far.\n- 756: people who crossed on 10 August in 14 boats, "
                     "the highest single day of 2023.\n- 100,000: the milestone passed on the "
                     "same day for total crossings since 2018.\n- 175,457: people waiting for an "
                     "initial decision on an asylum claim at the end of June 2023.\n- 117,450: "
                     "people receiving asylum support of any kind on the same date.",
                     "2023-10-05").set_index("claim")
    got = {c: (rows.loc[c, "claim_period"], rows.loc[c, "verdict"])
           for c in ("3,369", "100,000", "175,457", "117,450")}
    assert got == {"3,369": ("2023-08", "inconsistent"),  # the series has 5,369
                   "100,000": ("2018-01-01 to 2023-08-10", "consistent"),
                   "175,457": ("2023-06", "consistent"),
                   "117,450": ("2023-06-30", "matches other sources")}


@pytest.mark.parametrize("text, claim_period, verdict", [
    # two months in a row joined by "and" are both
    ("This year so far, 2,056 people crossed in January and February.",
     "2025-01-01 to 2025-02-28", "consistent"),
    ("Arrivals in December and January came to 4,352.", "2024-12-01 to 2025-01-31",
     "consistent"),
])
def test_two_months_in_a_row_joined_by_and_are_one_span(text, claim_period, verdict):
    row = extracted(text, "2025-03-06").iloc[0]
    assert (row["claim_period"], row["verdict"]) == (claim_period, verdict)


@pytest.mark.parametrize("text, claim, series", [
    # applications counted with the dependants they cover are people
    ("The UK received 108,138 asylum applications, covering main applicants and dependants, "
     "in 2024.", "108,138", "uk_asylum_applications_people"),
    ("The UK received 108,138 asylum applications, including dependants, in 2024.", "108,138",
     "uk_asylum_applications_people"),
    # not when the dependants are the people the applications relate to
    ("The UK received 84,231 asylum applications in 2024, relating to 108,138 people including "
     "dependants.", "84,231", "uk_asylum_applications_main"),
])
def test_applications_with_their_dependants_count_people(text, claim, series):
    row = extracted(text, "2025-06-05").set_index("claim").loc[claim]
    assert (row["series"], row["verdict"]) == (series, "matches other sources")


@pytest.mark.parametrize("text, series, verdict", [
    # what ending the barge saves is not what it cost
    ("The Home Office said it would not renew the contract for the Bibby Stockholm barge, a "
     "decision the government said would save taxpayers about £20 million over the following "
     "year.", "bibby_stockholm_saving", "matches press reports"),
    # nor is what the barge was to save on hotel bills
    ("The barge, which can house up to 500 men, was supposed to save taxpayers £20 million a "
     "year in hotel bills.", "", "cannot check"),
])
def test_a_saving_is_not_a_cost(text, series, verdict):
    row = extracted(text, "2024-07-24").iloc[-1]
    assert (row["series"], row["verdict"]) == (series, verdict)


@pytest.mark.parametrize("text, published, claim, series", [
    # "the figure" after a time that opens its sentence counts what the sentence before does
    ("In 2022, 45,774 people crossed the Channel in small boats. Last year the figure fell to "
     "29,437.", "2024-09-10", "29,437", "uk_small_boat_arrivals_annual"),
    # "on the route": the route the sentence before names
    ("Frontex counted 61,296 irregular crossings on the Eastern Mediterranean route in 2023. "
     "The number of crossings on the route had been 38,690 in 2022.", "2024-02-15", "38,690",
     "frontex_eastern_mediterranean"),
])
def test_the_figure_and_the_route_of_the_sentence_before(text, published, claim, series):
    row = extracted(text, published).set_index("claim").loc[claim]
    assert (row["series"], row["verdict"]) == (series, "consistent")


def test_people_counted_as_detected_are_the_detections_of_them():
    row = extracted("Frontex data show 2,783 Turkish nationals were detected crossing "
                    "irregularly on the Eastern Mediterranean route in 2023.",
                    "2024-02-15").iloc[0]
    assert (row["series"], row["verdict"]) == (
        "frontex_eastern_mediterranean_turkish_nationals", "consistent")
    # people who crossed, with no word of detections, are still not detections
    row = extracted("Some 2,783 Turkish nationals crossed on the Eastern Mediterranean route "
                    "in 2023.", "2024-02-15").iloc[0]
    assert row["verdict"] != "consistent"


def test_a_word_magnitude_far_off_a_series_is_not_that_series_count():
    row = extracted("Dog walkers at Dungeness watched on Saturday morning as small boats "
                    "carrying dozens of people came ashore, on what is thought to have been one "
                    "of the busiest days for Channel crossings this year.", "2025-06-01").iloc[0]
    assert (row["claim"], row["verdict"]) == ("dozens", "not comparable")


def test_the_highest_figure_since_a_year_is_a_records_reach_not_its_period():
    rows = extracted("Frontex recorded 239,000 irregular crossings in 2024.\n\nThe Western "
                     "African route recorded 46,820 detections, up 18% and the highest figure "
                     "since Frontex began collecting data in 2009.", "2025-01-20").set_index(
        "claim")
    assert [rows.loc[c, "verdict"] for c in ("46,820", "18%")] == ["consistent", "consistent"]


def test_a_teaser_naming_two_countries_leaves_both_in_play():
    rows = extracted("This week: September's crossings set a new high and why Ankara matters "
                     "to Downing Street.\n\nBacklog: At the end of June, 118,882 people were "
                     "waiting for an initial decision on an asylum claim.", "2024-10-07")
    row = rows.set_index("claim").loc["118,882"]
    assert (row["series"], row["verdict"]) == ("uk_asylum_backlog_people", "consistent")


def test_the_total_for_the_year_by_the_end_of_a_month_and_its_change():
    rows = extracted("September was the busiest month of 2024 so far, with 4,192 people "
                     "arriving in small boats, just ahead of August's 4,149. That takes the total "
                     "for the year to 25,244 by the end of September, about 2% more than at the "
                     "same point in 2023.", "2024-10-07").set_index("claim")
    assert rows.loc["25,244", "claim_period"] == "2024-01-01 to 2024-09-30"
    assert rows.loc["about 2%", "verdict"] == "consistent"
    # "ahead of August's" is August's figure, not the 4,192's month
    assert rows.loc["4,192", "verdict"] != "inconsistent"


def test_a_base_after_on_the_dates_the_base_not_the_change():
    rows = extracted("Some 36,816 people crossed the Channel in small boats in 2024. That is up "
                     "25% on the 29,437 who arrived in 602 boats in 2023.", "2025-01-02")
    row = rows.set_index("claim").loc["25%"]
    assert (row["claim_period"].split(" (")[0], row["verdict"]) == ("2024 vs 2023", "consistent")


def test_a_percentage_of_the_total_is_a_share_whatever_base_the_sentence_names():
    rows = extracted("Last year 1,127 Turkish nationals crossed the Channel in small boats, "
                     "about 2.5 per cent of the total, compared with just 69 the year before.",
                     "2023-08-14").set_index("claim")
    assert " vs " not in rows.loc["about 2.5 per cent", "claim_period"]
    assert rows.loc["about 2.5 per cent", "verdict"] != "inconsistent"


def test_the_same_date_is_the_date_of_the_figure_before_not_of_its_base():
    # "at the same date" after "..., down from a peak of N in <month>": the first figure's
    # date (the end of the month the sentence starts with), not the base's
    claims = extracted(
        "At the end of December 124,802 people were waiting for an initial decision, down "
        "from a peak of 175,457 in June 2023 but still far above earlier levels. There were "
        "38,079 people in asylum hotels at the same date, up from 35,651 three months "
        "earlier.", "2025-04-10").set_index("claim")
    assert [(claims.loc[c, "claim_period"], claims.loc[c, "verdict"])
            for c in ("38,079", "35,651")] == [
        ("2024-12-31", "matches press reports"), ("2024-09-30", "matches press reports")]
    claims = extracted(
        "Nationally, the number in asylum hotels stood at 34,486 at the end of March, down "
        "from a peak of 56,018 at the end of September 2023. There were 118,329 people "
        "waiting for an initial decision at the same date.", "2024-07-24").set_index("claim")
    assert (claims.loc["118,329", "claim_period"], claims.loc["118,329", "verdict"]) == (
        "2024-03-31", "consistent")


def test_an_earlier_sentences_period_is_not_its_bases():
    # the sentence before names 2023 for its figures and 2022 only as their base: the
    # figures after it are 2023's; "down from the record of 2022" is no period of 84,425
    claims = extracted(
        "The UK received 67,337 asylum applications from main applicants in 2023, covering "
        "84,425 people once dependants are included, down from the record of 2022. Small boat "
        "arrivals fell by 36 per cent to 29,437, from 45,774 the year before.",
        "2024-03-12").set_index("claim")
    assert [(claims.loc[c, "claim_period"].split(" (")[0], claims.loc[c, "verdict"])
            for c in ("84,425", "29,437", "45,774")] == [
        ("2023", "consistent"), ("2023", "consistent"), ("2022", "consistent")]


def test_the_end_of_a_month_without_a_year_is_the_latest_by_publication():
    found = periods.find_periods("Some 38,079 were in hotels at the end of December, and "
                                 "118,882 waiting at the end of June.", dt.date(2025, 4, 10))
    assert [(p.kind, p.end) for _, _, p in found] == [
        ("end", dt.date(2024, 12, 31)), ("end", dt.date(2024, 6, 30))]
    # "by the end of September": how far a running total reaches, read with the total
    assert periods.find_periods("the total for the year to 25,244 by the end of September",
                                dt.date(2024, 10, 4)) == []
    # a year or a day after the month is the ordinary end of that month or that date
    assert [p.end for _, _, p in periods.find_periods(
        "at the end of March 2024", dt.date(2025, 4, 10))] == [dt.date(2024, 3, 31)]


def test_a_total_since_a_year_by_the_end_of_a_later_one_stops_there():
    # "By the end of 2023, ... since 2018": 2018 to 2023, not to publication
    for text in ("By the end of 2023, more than 114,000 people had made the journey since "
                 "2018, according to Home Office figures.",
                 "More than 114,000 people had crossed the Channel since 2018 by the end of "
                 "2023."):
        row = extracted(text, "2024-11-20").iloc[0]
        assert (row["claim_period"], row["verdict"]) == (
            "2018-01-01 to 2023-12-31", "consistent")
    row = extracted("Since 2018, more than 140,000 people have crossed the Channel.",
                    "2024-11-20").iloc[0]
    assert row["claim_period"] == "2018-01-01 to 2024-11-20"


def test_a_month_named_in_its_first_week_is_last_years():
    # published on 2 January 2025: "January brought 1,335" is January 2024, not two days of
    # 2025; "and February just 920": February's figure, named before it
    claims = extracted("January brought 1,335 arrivals and February just 920, the quietest "
                       "month of the season.", "2025-01-02").set_index("claim")
    assert [(claims.loc[c, "claim_period"], claims.loc[c, "verdict"]) for c in
            ("1,335", "920")] == [("2024-01", "consistent"), ("2024-02", "consistent")]
    # later in the month it is the month in progress
    row = extracted("January has brought 1,335 arrivals so far.", "2024-01-25").iloc[0]
    assert row["claim_period"].startswith("2024-01")



def test_the_figure_after_the_same_period_and_when_is_that_periods():
    # "... up by more than a third on the same period of 2024, when 25,244 people crossed":
    # January to September 2024; the change is in arrivals, not in the running total
    claims = extracted(
        "Some 34,087 people crossed in the first nine months of 2025. The total for the first "
        "nine months of the year is up by more than a third on the same period of 2024, when "
        "25,244 people crossed.", "2025-10-02").set_index("claim")
    assert [(claims.loc[c, "claim_period"], claims.loc[c, "series"], claims.loc[c, "verdict"])
            for c in ("more than a third", "25,244")] == [
        ("2025-01-01 to 2025-09-30 vs 2024-01-01 to 2024-09-30",
         "uk_small_boat_arrivals_monthly", "consistent"),
        ("2024-01-01 to 2024-09-30", "uk_small_boat_arrivals_monthly", "consistent")]
    # unless its own clause dates it: the whole twelve months
    row = extracted("By the end of August more than 20,000 people had crossed this year. That "
                    "is fewer than at the same point last year, when 45,774 people made the "
                    "journey over the whole twelve months.", "2023-09-05").set_index(
        "claim").loc["45,774"]
    assert (row["claim_period"], row["verdict"]) == ("2022", "consistent")


def test_that_had_fallen_to_counts_what_the_sentence_before_counts():
    # "that" is the people in hotels of the sentence before, whatever words the figure
    # borrowed for what it counts; a wrong level there is caught
    claims = extracted(
        "At the peak, in September last year, more than 56,000 asylum seekers were living in "
        "hotels. By the end of March, that had fallen to 44,486.\n\nAt its peak, in June "
        "2023, 134,046 asylum cases were waiting for an initial decision. By the end of "
        "December it had fallen to 95,252.", "2024-06-03").set_index("claim")
    assert [(claims.loc[c, "series"], claims.loc[c, "verdict"]) for c in ("44,486", "95,252")
            ] == [("uk_asylum_hotels_people", "differs from other sources"),
                  ("uk_asylum_backlog_cases", "consistent")]



def test_the_correct_figures_after_a_withdrawn_one_are_the_articles():
    claims = extracted(
        "On Thursday 10 August, 756 people crossed the Channel in small boats.\n\n"
        "Correction, 14 August 2023: An earlier version of this article said that 576 people "
        "crossed the Channel on Thursday 10 August. The correct figures are 756 people in 14 "
        "boats. The earlier version also said that 29 asylum seekers were removed from the "
        "Bibby Stockholm barge; the correct number is 39.", "2023-08-14")
    got = [(r["claim"], r["stated_by"] == WITHDRAWN, r["verdict"])
           for _, r in claims.iloc[1:].iterrows() if r["claim"] in ("576", "756", "29", "39")]
    assert got == [("576", True, "inconsistent"), ("756", False, "consistent"),
                   ("29", True, "differs from press reports"),
                   ("39", False, "matches press reports")]


def test_a_plural_alone_is_what_the_sentence_before_names_in_full():
    # "applications" after "The number of asylum applications also fell": asylum
    # applications; the change after them stays unchecked (its figures count two things)
    claims = extracted(
        "The number of asylum applications also fell. There were 67,337 applications, covering "
        "84,425 people, in 2023, down from 81,130 applications the year before, a fall of 17%.",
        "2024-03-01").set_index("claim")
    assert [(claims.loc[c, "series"], claims.loc[c, "verdict"])
            for c in ("67,337", "84,425", "81,130", "17%")] == [
        ("uk_asylum_applications_main", "consistent"),
        ("uk_asylum_applications_people", "consistent"),
        ("uk_asylum_applications_main", "consistent"), ("", "cannot check")]


def test_figures_compared_with_a_year_are_not_read_in_that_year():
    # "down 58 percent on 2023": the route figures are 2024's, the year of the sentence
    # before the one that gives 2023's total; "ahead of their publication on Thursday" is
    # the report's day, not the figure's
    claims = extracted(
        "Irregular border crossings into the EU fell by 37 percent last year to just under "
        "240,000, according to preliminary figures from Frontex seen ahead of their "
        "publication on Thursday. In 2023 the agency had recorded more than 380,000.\n\n"
        "The Central Mediterranean saw 66,855 detections, down 58 percent on 2023. The Western "
        "Balkans fell by 78 percent to 21,525.", "2025-01-15").set_index("claim")
    assert [(claims.loc[c, "claim_period"].split(" (")[0], claims.loc[c, "verdict"])
            for c in ("just under 240,000", "66,855", "58 percent", "21,525")] == [
        ("2024", "consistent"), ("2024", "consistent"), ("2024", "consistent"),
        ("2024", "consistent")]





def test_a_days_boats_are_read_on_the_daily_file():
    claims = extracted("On Thursday 10 August alone, 756 people arrived in 14 boats, the Home "
                       "Office said.", "2023-08-15").set_index("claim")
    assert [(claims.loc[c, "series"], claims.loc[c, "verdict"]) for c in ("756", "14")] == [
        ("uk_small_boat_arrivals_daily", "consistent"),
        ("uk_small_boats_detected_daily", "consistent")]


def test_since_a_day_without_a_year_runs_from_it_to_publication():
    row = extracted("Since 9 December, 52,622 Syrians have returned to their country "
                    "voluntarily from Türkiye.", "2025-01-09").iloc[0]
    assert (row["claim_period"], row["series"], row["verdict"]) == (
        "2024-12-09 to 2025-01-09", "turkiye_syrian_returns_since_dec_2024",
        "matches press reports")
    row = extracted("On 9 December, 1,200 Syrians returned.", "2025-01-09").iloc[0]
    assert row["claim_period"] == "2024-12-09"


def test_a_base_some_months_earlier_does_not_stop_a_sentence_taking_the_one_befores_date():
    claims = extracted(
        "More than 56,000 people were being housed in hotels at the end of September, figures "
        "showed. The number of people waiting for an initial decision had fallen to 165,411 "
        "from 175,457 three months earlier.", "2023-11-30").set_index("claim")
    assert [(claims.loc[c, "claim_period"].split(" (")[0], claims.loc[c, "verdict"])
            for c in ("165,411", "175,457")] == [("2023-09-30", "consistent"),
                                                 ("2023-06-30", "consistent")]


def test_that_compares_with_and_there_were_count_what_the_sentence_before_counts():
    claims = extracted(
        "According to the Home Office, 29,437 people crossed the Channel in small boats in "
        "2023. That compares with 45,774 in 2022, a fall of 36%.\n\nCrossings rose from 28,526 "
        "in 2021 to 45,774 in 2022. In 2020 there were 8,466, and in 2018, when the figures "
        "begin, just 299.", "2024-03-01")
    got = {(r["claim"], r["claim_period"]): (r["series"], r["verdict"])
           for _, r in claims.iterrows()}
    assert got[("45,774", "2022")] == ("uk_small_boat_arrivals_annual", "consistent")
    assert got[("8,466", "2020")] == ("uk_small_boat_arrivals_annual", "consistent")
    assert got[("299", "2018")] == ("uk_small_boat_arrivals_annual", "consistent")
    # the change's own period is the sentence before's, which is not read: left unchecked
    assert claims.set_index("claim").loc["36%", "verdict"] == "cannot check"




def test_the_day_after_the_boats_people_came_in_is_the_peoples_too():
    claims = extracted("Some 343 people crossed in six boats on 11 August.",
                       "2023-08-15").set_index("claim")
    assert [(claims.loc[c, "claim_period"], claims.loc[c, "verdict"])
            for c in ("Some 343", "six")] == [("2023-08-11", "consistent"),
                                              ("2023-08-11", "consistent")]


def test_a_base_at_a_peak_whose_month_is_stated_is_read_then():
    claims = extracted("At the end of March there were 32,345 people in asylum hotels, down "
                       "from more than 56,000 at the peak in September 2023.",
                       "2025-06-11").set_index("claim")
    row = claims.loc["more than 56,000"]
    assert (row["claim_period"], row["verdict"]) == ("2023-09", "matches press reports")
    # a year only says in which year the peak was: the base stays unread
    claims = extracted("Some 38,079 asylum seekers were living in hotels at the end of December, "
                       "down from more than 56,000 at the peak in 2023.",
                       "2025-03-01").set_index("claim")
    assert claims.loc["more than 56,000", "verdict"] == "cannot check"





def test_the_end_of_a_month_in_progress_is_last_years():
    # on 12 March the end of March has not come: where a count stood is the March before
    found = periods.find_periods("There were 34,486 at the end of March.", dt.date(2024, 3, 12))
    assert [p.end for _, _, p in found] == [dt.date(2023, 3, 31)]


@pytest.mark.parametrize("text, published, claim, expected", [
    # a day "data showed" something is a report's day
    ("Small boat crossings rose by 25% last year to 36,816, government data showed on "
     "Wednesday.", "2025-01-01", "36,816", {"claim_period": "2024", "verdict": "consistent"}),
    # "That year" after a month is that month's year
    ("When I became immigration minister in October 2022, the Home Office was in a state of "
     "near-paralysis. That year 45,774 people crossed the Channel in small boats.",
     "2024-06-03", "45,774", {"claim_period": "2022", "verdict": "consistent"}),
    # "two years ago": that calendar year
    ("Two years ago 45,774 people crossed the Channel in small boats.", "2024-03-01", "45,774",
     {"claim_period": "2022", "verdict": "consistent"}),
    # "any previous year" is no year; "in September last year" is that September
    ("In the first five months of this year, 14,812 people crossed the Channel in small boats, "
     "which is more than in the same period of any previous year.", "2025-06-11", "14,812",
     {"claim_period": "2025-01-01 to 2025-05-31", "verdict": "consistent"}),
    ("At the peak, in September last year, more than 56,000 asylum seekers were living in "
     "hotels.", "2024-06-03", "more than 56,000",
     {"claim_period": "2023-09", "verdict": "matches press reports"}),
    ("In August last year, 8,631 people crossed.", "2023-06-03", "8,631",
     {"claim_period": "2022-08", "verdict": "consistent"}),
    # a sentence that refers back, after a time ago or "But"
    ("In 2024 the average number of people on each boat was 53. Five years ago it was around "
     "13.", "2025-06-11", "around 13", {"series": "uk_small_boat_people_per_boat",
                                         "claim_period": "2020", "verdict": "consistent"}),
    ("At the end of March there were 32,345 people in asylum hotels.\n\nBut that is more than "
     "at the end of June last year, when there were fewer than 30,000.", "2025-06-11",
     "fewer than 30,000", {"series": "uk_asylum_hotels_people", "claim_period": "2024-06",
                           "verdict": "matches other sources"}),
    # "of June 2014" is when a figure was counted, not what it counts
    ("The total number of cases somewhere in the asylum system, including appeals, stood at "
     "224,742 at the end of June, four times the 55,814 of June 2014.", "2024-09-02", "55,814",
     {"series": "uk_asylum_cases_in_system", "claim_period": "2014-06",
      "verdict": "consistent"}),
    # people taken off the barge are its people on board
    ("- 93: the number of asylum seekers taken off the barge on 11 August 2023, when Legionella "
     "bacteria were found in the water supply.", "2024-07-24", "93",
     {"series": "bibby_stockholm_people_on_board", "verdict": "differs from press reports"}),
    # a change after two levels counts what the first names
    ("The number of asylum seekers in hotels peaked at 56,042 at the end of September 2023 and "
     "fell to about 45,700 at the end of December, a fall of 18%.", "2024-03-01", "18%",
     {"series": "uk_asylum_hotels_people", "verdict": "matches other sources"}),
    # an average is compared across spans of any length
    ("September alone saw 4,192 arrivals, with an average of 55 people on each boat, more than "
     "four times as many as in 2020.", "2024-10-21", "more than four times",
     {"series": "uk_small_boat_people_per_boat", "verdict": "consistent"}),
    # months "of the year" in the year the sentence names before them
    ("Between July and September last year, 13,397 people arrived in small boats, compared "
     "with 3,793 in the first three months of the year.", "2024-03-01", "3,793",
     {"series": "uk_small_boat_arrivals_quarterly", "series_period": "2023-Q1",
      "verdict": "consistent"}),
    # a period's total with nothing named after it: what the sentence before counts
    ("In 2023, 29,437 people crossed the Channel in small boats. The final quarter brought "
     "4,607.", "2024-03-01", "4,607", {"series": "uk_small_boat_arrivals_quarterly",
                                        "series_period": "2023-Q4", "verdict": "consistent"}),
    # "after the record numbers of 2023": a base's year, not the level's
    ("Detections on the Central Mediterranean fell by 38% last year, to nearly 67,000, after "
     "the record numbers of 2023.", "2025-01-15", "nearly 67,000",
     {"series": "frontex_central_mediterranean", "series_period": "2024",
      "verdict": "consistent"}),
    # ", with the sharpest drop on the Central Mediterranean route": a part, not the whole
    ("Irregular crossings into the European Union fell by more than a third in 2024, "
     "according to Frontex, with the sharpest drop registered on the Central Mediterranean "
     "route.", "2025-01-15", "more than a third",
     {"series": "frontex_all_routes", "series_period": "2024 vs 2023", "verdict": "consistent"}),
    # a second predicate with an amount of its own is not what the figure counts
    ("Türkiye deported 124,441 irregular migrants in 2022 and detained a record number of "
     "migrant smugglers, the minister announced.", "2023-01-09", "124,441",
     {"series": "turkiye_deportations"}),
    # citizens of a country are a group, not all arrivals
    ("The U.K. has seen a rise in Turkish citizens reaching its shores on small boats, with "
     "3,040 arriving in 2023.", "2024-01-09", "3,040",
     {"series": "uk_turkish_nationals_small_boats", "verdict": "consistent"}),
    # a part of the same in a shorter time
    ("More than 20,000 people have crossed the channel this year, including 5,369 in August "
     "alone.", "2023-09-05", "5,369",
     {"series": "uk_small_boat_arrivals_monthly", "verdict": "consistent"}),
    # the figure of what the sentence before counts, after where and when
    ("At the end of December 2023, around 130,000 people were waiting for an initial decision "
     "on their claim. At its peak, at the end of June 2023, the figure was 175,457.",
     "2024-03-01", "175,457", {"series": "uk_asylum_backlog_people", "verdict": "consistent"}),
    # a change after ", and" counts its own subject, not the route of the clause before
    # (Frontex 2024: Central Mediterranean -57.7%, Western Balkans -78.3%)
    ("The Central Mediterranean route to Italy dropped by 58% to about 67,000 last year, and "
     "crossings on the Western Balkans route fell 78%.", "2025-01-21", "78%",
     {"series": "frontex_western_balkans", "verdict": "consistent"}),
    # the same three months of another year (small boats, Q3 2022: 20,301)
    ("Looking at quarters, 13,397 people arrived in July to September 2023, compared with "
     "20,301 in the same three months of 2022.", "2024-03-08", "20,301",
     {"claim_period": "2022-07-01 to 2022-09-30", "verdict": "consistent"}),
    # a change on the same period of a year, before a later comparison with a whole year
    # (January-September: 25,244 in 2024, 34,087 in 2025)
    ("Some 34,087 people crossed the Channel in small boats in the first nine months of the "
     "year, up 35% on the same period of 2024 and already more than in the whole of 2023, "
     "when 29,437 made the journey.", "2025-10-02", "35%",
     {"claim_period": "2025-01-01 to 2025-09-30 vs 2024-01-01 to 2024-09-30",
      "verdict": "consistent"}),
    # a change since a month: the month before the level's (backlog: 124,802 at the end of
    # 2024, 90,812 at the end of June 2025)
    ("The number of people waiting for an initial decision on their asylum claim fell to "
     "90,812 at the end of June, down 27% since December.", "2025-10-02", "27%",
     {"claim_period": "2025-06 vs 2024-12", "verdict": "consistent"}),
    # a change of the people counted before it, whom its clause places (hotels: 29,585 in June
    # 2024, 32,041 in June 2025)
    ("There were 32,041 asylum seekers in hotels at the end of June, 8% more than a year "
     "earlier.", "2025-10-02", "8%", {"series": "uk_asylum_hotels_people",
                                      "claim_period": "2025-06 vs 2024-06"}),
    # "made up" a share is no change (Turkish nationals: 10.3% of small-boat arrivals in 2023)
    ("Turkish nationals made up about one in ten arrivals in 2023, some 3,040 people, compared "
     "with 1,127 the year before.", "2024-03-05", "about one in ten",
     {"series": "uk_turkish_nationals_small_boats_share", "verdict": "consistent"}),
    # what an earlier sentence named in full, two paragraphs up
    ("The chart below shows the number of people detected arriving in small boats each year "
     "since 2018.\n\nJust 299 people were detected in 2018. That rose to 1,843 in 2019.",
     "2024-03-08", "1,843", {"series": "uk_small_boat_arrivals_annual",
                             "verdict": "consistent"}),
    # a clause's own subject after ", and", "climbed back above": the hotels, not the backlog
    # before it (hotels at the end of 2024: 38,079)
    ("More than 124,000 people were still waiting for an initial decision at the end of "
     "December, and the number living in hotels has climbed back above 48,000.", "2025-03-04",
     "above 48,000",
     {"series": "uk_asylum_hotels_people", "verdict": "differs from press reports"}),
    # a change by an amount is no level
    ("We have cut the number of asylum seekers in hotels by 20,000 since the autumn.",
     "2025-03-04", "20,000", {"series": "", "verdict": "cannot check",
                              "reason": "a change by an amount, not a level: the series hold "
                                        "levels"}),
    ("By the end of December the number in hotels was 45,744, a fall of about 10,300.",
     "2024-03-05", "about 10,300", {"verdict": "cannot check", "reason": "a change by an "
                                    "amount, not a level: the series hold levels"}),
    # "over the whole of" a year is that year; "than in the whole of" one in a later clause
    # of its own is no base of the change before it
    ("Small boat arrivals totalled 29,437 over the whole of 2023.", "2024-03-01", "29,437",
     {"claim_period": "2023", "verdict": "consistent"}),
    ("Small boat arrivals fell 36% in 2023, and there were fewer than in the whole of 2021.",
     "2024-03-01", "36%", {"claim_period": "2023 vs 2022 (the year before: the sentence states "
                                           "no base)", "verdict": "consistent"}),
    # a subgroup named earlier does not narrow a later mention of the whole
    ("Ministers were alarmed by small boat arrivals of Albanians in the summer of 2022.\n\n"
     "Small boat arrivals fell 36% in 2023.", "2024-03-01", "36%",
     {"series": "uk_small_boat_arrivals_annual", "verdict": "consistent"}),
    # a change of a part of the people a series counts
    ("Around 200 women crossed the Channel in 2023, down 40% on the year before.",
     "2024-03-01", "40%", {"verdict": "cannot check",
                           "reason": "no reference series counts 'women'"}),
    # a later clause with its own subject does not place the figure: "..., and we are
    # continuing to take action ..., including through the partnership with Türkiye"
    ("Small boat arrivals fell by 36% in 2023, to 29,437, and we are continuing to take action "
     "to stop the boats, including through the partnership with Türkiye announced on 8 August "
     "2023.", "2024-03-04", "29,437",
     {"series": "uk_small_boat_arrivals_annual", "verdict": "consistent"}),
    # ", and they ..." may be the people the figure counts
    ("In 2023, 29,437 people were detected, and they were arriving in small boats.",
     "2024-03-01", "29,437", {"series": "uk_small_boat_arrivals_annual",
                              "verdict": "consistent"}),
    # "this route" is no time of the figure's own: the year the story gave before
    ("Frontex figures\n\nIrregular border crossings into the EU rose to around 380,000 in "
     "2023, according to Frontex.\n\nThe rise was driven mainly by the Central Mediterranean. "
     "The number of irregular crossings on this route reached nearly 158,000.", "2024-01-26",
     "nearly 158,000", {"series": "frontex_central_mediterranean", "verdict": "consistent"}),
])
def test_one_claims_series_period_and_verdict(text, published, claim, expected):
    row = extracted(text, published).set_index("claim").loc[claim]
    assert {column: row[column] for column in expected} == expected


def test_a_figure_a_correction_puts_right_is_withdrawn():
    rows = extracted("All 93 asylum seekers were taken off the barge.\n\nThis article was "
                     "amended on 13 August 2023. It was 39, not 93 as an earlier version said.",
                     "2023-08-12")
    stated = [(r["claim"], r["paragraph"], r["stated_by"]) for _, r in rows.iterrows()]
    assert stated == [("93", 1, ""), ("39", 2, ""), ("93", 2, WITHDRAWN)]
    rows = extracted("All 93 were moved.\n\nCorrection: There were 39 people on board, not 93 "
                     "people as an earlier version said.", "2023-08-12")
    assert [r["stated_by"] for _, r in rows.iterrows()] == ["", "", WITHDRAWN]
    # a wire story's "CORRECTS ... to say" line and its closing note
    rows = extracted("Crossings fell in 2023\n\nCORRECTS paragraph 2 to say crossings fell by 36%, "
                     "not 46%\n\nSmall boat arrivals fell by 36% in 2023.\n\n(This story has "
                     "been corrected to say crossings fell by 36%, not 46%, in paragraph 2)",
                     "2024-01-01")
    assert [(r["claim"], r["stated_by"]) for _, r in rows.iterrows()] == [
        ("36%", ""), ("46%", WITHDRAWN), ("36%", ""), ("36%", ""), ("46%", WITHDRAWN)]
    # "to say" that is not what a correction now says
    rows = extracted("Crossings fell.\n\nUpdate: Refugee charities were quick to say the true "
                     "figure was 40,000, not 29,437.", "2024-04-10")
    assert [r["stated_by"] for _, r in rows.iterrows()] == ["", ""]


def test_years_ago_in_a_figures_words_is_that_calendar_year():
    assert parse_period("five years ago", dt.date(2025, 6, 11)).label == "2020"
