"""Figure checks: what an article's figures imply, and whether they add up.

Each test writes a small text and the figures table an extractor would give for it, built by
hand (``figs``), so the checks are pinned independently of the figures extractor.
"""

import math
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstables import article_from_text
from newstables.analyse.arithmetic import (
    ADDS_UP,
    CHART_COLUMNS,
    CHECK_COLUMNS,
    DOES_NOT,
    IMPLIED_COLUMNS,
    OVERVIEW_COLUMNS,
    WITHIN,
    chart_rows,
    consistency_checks,
    figure_overview,
    fmt,
    implied_figures,
    verdict,
)
from newstables.extract.figures import extract_figures
from newstables.schema import frame


def F(surface, value, unit="count", **kw):
    """One figure as the extractor would give it: surface text, value, unit and extras."""
    return {"surface": surface, "value": value, "unit": unit, **kw}


def figs(art, *specs):
    """The figures table for ``specs``, found in text order as whole numbers in ``art.text``."""
    rows, pos = [], 0
    for i, spec in enumerate(specs, 1):
        pattern = rf"(?<![\w.,]){re.escape(spec['surface'])}(?!\w|[.,]\d)"
        m = re.compile(pattern).search(art.text, pos)
        assert m, spec["surface"]
        hedge = spec.get("hedge")
        rows.append({
            "figure": i, "value": spec["value"], "low": spec.get("low"), "high": spec.get("high"),
            "unit": spec["unit"], "counts": spec.get("counts"), "period": spec.get("period"),
            "approximate": bool(hedge), "hedge": hedge, "source": spec.get("source"),
            "text": m.group(), "paragraph": art.paragraph_of(m.start()), "start": m.start(),
            "end": m.end(),
        })
        pos = m.end()
    return frame("figures", rows)


def only(df):
    assert len(df) == 1, df.to_string()
    return df.iloc[0]


# ---------------------------------------------------------------- implied: changes
def test_rise_compared_with_a_year_implies_that_years_value():
    art = article_from_text(
        "The ministry deported 124,441 irregular migrants last year, the highest number in its "
        "history and up by some 161% compared with 2021, officials said."
    )
    table = figs(art, F("124,441", 124441, counts="irregular migrants deported", period="2022"),
                 F("some 161%", 161, "percent", hedge="some"))
    row = only(implied_figures(art, table))
    assert row["period"] == "2021" and round(row["value"]) == 47679
    assert row["arithmetic"] == "124,441 / (1 + 161/100) = 47,679"
    assert row["from_figures"] == "1, 2" and row["paragraph"] == 1
    assert row["counts"] == "irregular migrants deported" and row["basis"] == "percentage rise"


def test_fall_on_the_previous_year_implies_the_base_a_year_earlier():
    art = article_from_text(
        "In the year ending March 2024, 31,079 people were detected arriving in small boats, "
        "a fall of 24% compared with the previous year."
    )
    table = figs(art, F("31,079", 31079, period="2023-04/2024-03"), F("24%", 24, "percent"))
    row = only(implied_figures(art, table))
    assert row["period"] == "2022-04/2023-03" and round(row["value"]) == 40893
    assert row["arithmetic"] == "31,079 / (1 − 24/100) = 40,893"


def test_rise_of_n_percent_to_a_level_after_it():
    art = article_from_text("Applications saw a 25% rise to 1,500 in 2023.")
    table = figs(art, F("25%", 25, "percent"), F("1,500", 1500, period="2023"))
    row = only(implied_figures(art, table))
    assert row["value"] == pytest.approx(1200) and row["from_figures"] == "1, 2"


def test_a_years_change_with_no_base_implies_the_year_before_and_says_so():
    art = article_from_text("Irregular crossings fell by 37% in 2024 to about 240,000.")
    table = figs(art, F("37%", 37, "percent"), F("about 240,000", 240000, period="2024",
                                                  hedge="about"))
    row = only(implied_figures(art, table))
    assert row["period"] == "2023 (the year before; not stated)"
    assert row["arithmetic"] == "240,000 / (1 − 37/100) = 380,952"


@pytest.mark.parametrize(("text", "change"), [
    ("Arrivals rose 50 percent, to 30,000, in 2023.", "50 percent"),
    ("Arrivals are up 50% this year, reaching 30,000.", "50%"),
])
def test_a_level_after_a_comma_or_reaching_is_the_changes(text, change):
    art = article_from_text(text)
    table = figs(art, F(change, 50, "percent"), F("30,000", 30000))
    assert only(implied_figures(art, table))["value"] == pytest.approx(20000)


def test_a_level_one_change_reaches_is_not_an_earlier_changes_too():
    art = article_from_text("Costs are up 10% this year, reaching £4 billion, after a 5% rise "
                            "last year.")
    table = figs(art, F("10%", 10, "percent"), F("£4 billion", 4e9, "GBP"),
                 F("5%", 5, "percent"))
    row = only(implied_figures(art, table))
    assert row["arithmetic"] == "4,000,000,000 / (1 + 10/100) = 3,636,363,636"


def test_percentage_point_fall_implies_the_earlier_rate_by_subtraction():
    art = article_from_text("The grant rate was 47%, a fall of 20 percentage points on 2022.")
    table = figs(art, F("47%", 47, "percent"), F("20 percentage points", 20, "percentage points"))
    row = only(implied_figures(art, table))
    assert row["value"] == 67 and row["period"] == "2022" and row["unit"] == "percent"
    assert row["arithmetic"] == "47 + 20 = 67"


def test_up_to_is_a_hedge_not_a_rise():
    art = article_from_text("The centre holds 400 people and up to 10% may be released.")
    table = figs(art, F("400", 400), F("up to 10%", 10, "percent", hedge="up to"))
    assert implied_figures(art, table).empty


def test_made_up_share_is_not_a_rise():
    art = article_from_text("Afghans lodged 8,508 claims and made up 23% of all claims.")
    table = figs(art, F("8,508", 8508), F("23%", 23, "percent"))
    assert "percentage rise" not in set(implied_figures(art, table)["basis"])


def test_down_from_a_stated_value_implies_the_change():
    art = article_from_text("Some 29,437 people crossed last year, down from a record 45,774 in "
                            "2022.")
    table = figs(art, F("Some 29,437", 29437, hedge="some", period="2023"),
                 F("45,774", 45774, period="2022"))
    row = only(implied_figures(art, table))
    assert row["basis"] == "change between two stated values" and row["unit"] == "percent"
    assert row["arithmetic"] == "(29,437 − 45,774) / 45,774 × 100 = −35.7"
    assert row["period"] == "2022 to 2023"


def test_from_a_to_b_after_a_change_verb_implies_the_change():
    art = article_from_text("Joint investigations will increase from 20 to 40 by 2025.")
    table = figs(art, F("20", 20), F("40", 40))
    assert only(implied_figures(art, table))["value"] == pytest.approx(100)


def test_people_from_forty_countries_is_not_a_change():
    art = article_from_text("The camp holds 1,200 people from 40 countries.")
    table = figs(art, F("1,200", 1200), F("40", 40))
    assert implied_figures(art, table).empty


# ---------------------------------------------------------------- implied: shares
def test_apposition_share_implies_the_total():
    art = article_from_text("Officers stopped 3,000 boats, a third of all attempts, last year.")
    table = figs(art, F("3,000", 3000, counts="boats"), F("a third", 1 / 3, "share"))
    row = only(implied_figures(art, table))
    assert row["value"] == pytest.approx(9000) and row["basis"] == "share of a total"
    assert row["counts"] == "all attempts (total)"


def test_or_percent_of_implies_the_total():
    art = article_from_text("The scheme returned 1,200 people, or 12% of those eligible.")
    table = figs(art, F("1,200", 1200), F("12%", 12, "percent"))
    row = only(implied_figures(art, table))
    assert row["value"] == pytest.approx(10000)
    assert row["arithmetic"] == "1,200 / 0.12 = 10,000"


def test_share_of_a_stated_total_implies_the_part():
    art = article_from_text("A third of the 220 hotels will close by the end of the year.")
    table = figs(art, F("A third", 1 / 3, "share"), F("220", 220, counts="hotels"))
    row = only(implied_figures(art, table))
    assert row["value"] == pytest.approx(73.33, abs=0.01) and row["counts"] == "hotels"
    assert row["basis"] == "share of a stated total"


def test_part_among_a_stated_total_implies_its_share():
    art = article_from_text(
        "Türkiye hosts nearly 5 million refugees, more than any other country in the world, "
        "among them some 3.5 million Syrians."
    )
    table = figs(art, F("nearly 5 million", 5e6, counts="refugees", hedge="nearly"),
                 F("some 3.5 million", 3.5e6, counts="Syrians", hedge="some"))
    row = only(implied_figures(art, table))
    assert row["value"] == pytest.approx(70) and row["unit"] == "percent"
    assert row["arithmetic"] == "3,500,000 / 5,000,000 × 100 = 70.0" and row["approximate"]


# ---------------------------------------------------------------- implied: cumulative
CUMULATIVE = (
    "Türkiye deported 124,441 irregular migrants last year.\n"
    "That brought the number of irregular migrants deported since 2016 to 449,326. "
    "A total of 280,206 migrants were denied entry in 2022, while 236,572 were caught."
)


def test_cumulative_since_a_year_minus_the_latest_year_implies_the_earlier_total():
    art = article_from_text(CUMULATIVE, published="2023-08-09")
    table = figs(
        art, F("124,441", 124441, counts="irregular migrants deported", period="last year"),
        F("449,326", 449326, counts="irregular migrants deported", period="2016/2023"),
        F("280,206", 280206, counts="migrants denied entry", period="2022"),
        F("236,572", 236572, counts="irregular migrants caught", period="2022"),
    )
    row = only(implied_figures(art, table))
    assert row["period"] == "2016–2021" and row["value"] == 324885
    assert row["arithmetic"] == "449,326 − 124,441 = 324,885" and row["from_figures"] == "1, 2"
    assert row["paragraph"] == 2


def test_cumulative_is_not_matched_with_a_count_of_something_else():
    art = article_from_text(CUMULATIVE, published="2023-08-09")
    table = figs(
        art, F("124,441", 124441, counts="irregular migrants deported", period="2021"),
        F("449,326", 449326, counts="irregular migrants deported", period="since 2016"),
        F("280,206", 280206, counts="migrants denied entry", period="2022"),
        F("236,572", 236572, counts="irregular migrants caught", period="2022"),
    )
    assert implied_figures(art, table).empty  # 2021 is not the latest year; 2022 counts differ


def test_one_year_interval_is_not_a_running_total():
    art = article_from_text("There were 9,245 returns in the year ending September 2024 and "
                            "7,000 returns in 2024.")
    table = figs(art, F("9,245", 9245, counts="returns", period="2023-10/2024-09"),
                 F("7,000", 7000, counts="returns", period="2024"))
    assert implied_figures(art, table).empty


# ---------------------------------------------------------------- checks: parts and totals
def test_parts_made_up_of_add_up_to_the_total():
    art = article_from_text(
        "The £75 million fund is made up of £42 million for police, £18.5 million for boats "
        "and £14.5 million for returns."
    )
    table = figs(art, F("£75 million", 75e6, "GBP"), F("£42 million", 42e6, "GBP"),
                 F("£18.5 million", 18.5e6, "GBP"), F("£14.5 million", 14.5e6, "GBP"))
    row = only(consistency_checks(art, table))
    assert row["verdict"] == ADDS_UP and row["figures"] == "1, 2, 3, 4"
    assert row["arithmetic"] == "42,000,000 + 18,500,000 + 14,500,000 = 75,000,000"
    assert row["rule"].startswith("parts vs total: parts after the total ('made up of'")


PACKAGE = (
    "New funding of £80 million will strengthen joint operations.\n"
    "The package {cue}:\n"
    "£42 million for a joint intelligence unit, staffed by 60 officers\n"
    "£18.5 million to help partner countries intercept boats\n"
    "£14.5 million for returns, helping around 2,000 people a year\n"
    "The minister said: \"This is a start.\""
)


def package_figures(art):
    return figs(art, F("£80 million", 80e6, "GBP"), F("£42 million", 42e6, "GBP"),
                F("60", 60), F("£18.5 million", 18.5e6, "GBP"),
                F("£14.5 million", 14.5e6, "GBP"), F("around 2,000", 2000, hedge="around"))


def test_list_after_a_colon_that_does_not_reach_the_total_does_not_add_up():
    art = article_from_text(PACKAGE.format(cue="is made up of"))
    row = only(consistency_checks(art, package_figures(art)))
    assert row["verdict"] == DOES_NOT and row["figures"] == "1, 2, 4, 5"
    assert row["expected"] == 75e6 and row["stated"] == 80e6 and row["difference"] == 5e6
    assert row["paragraph"] == 1


def test_partial_list_after_includes_may_fall_short_of_the_total():
    art = article_from_text(PACKAGE.format(cue="includes"))
    row = only(consistency_checks(art, package_figures(art)))
    assert row["verdict"] == ADDS_UP and "≤ 80,000,000" in row["arithmetic"]
    assert "may be partial" in row["rule"]


def test_list_without_a_parts_cue_is_not_summed():
    art = article_from_text(PACKAGE.format(cue="will pay for"))
    assert consistency_checks(art, package_figures(art)).empty


def test_total_after_its_parts_is_checked():
    art = article_from_text("Police arrested 120 men and 30 women, a total of 160 people.")
    table = figs(art, F("120", 120), F("30", 30), F("160", 160))
    row = only(consistency_checks(art, table))
    assert row["verdict"] == DOES_NOT and row["arithmetic"] == "120 + 30 = 150 (stated: 160)"


def test_a_total_of_without_parts_is_not_a_sum():
    art = article_from_text(
        "A total of 280,206 migrants were denied entry in 2022, while 236,572 were caught."
    )
    table = figs(art, F("280,206", 280206), F("236,572", 236572))
    assert consistency_checks(art, table).empty


def test_hedged_total_is_within_rounding_only_inside_the_tolerance():
    art = article_from_text("Around 1,000 people, made up of 600 men and 330 women, arrived.")
    table = figs(art, F("Around 1,000", 1000, hedge="around"), F("600", 600), F("330", 330))
    assert only(consistency_checks(art, table, tolerance=0.1))["verdict"] == WITHIN
    assert only(consistency_checks(art, table, tolerance=0.01))["verdict"] == DOES_NOT


def test_total_with_trailing_zeros_is_within_its_rounding():
    art = article_from_text("Some 45,700 people, made up of 30,126 men and 15,600 women, came.")
    table = figs(art, F("45,700", 45700), F("30,126", 30126), F("15,600", 15600))
    assert only(consistency_checks(art, table, tolerance=0.0))["verdict"] == WITHIN


def test_total_rounded_to_its_last_digit_is_within_rounding():
    art = article_from_text("The £45.7 million bill is split between £20.04 million for hotels "
                            "and £25.68 million for camps.")
    table = figs(art, F("£45.7 million", 45.7e6, "GBP"), F("£20.04 million", 20.04e6, "GBP"),
                 F("£25.68 million", 25.68e6, "GBP"))
    assert only(consistency_checks(art, table))["verdict"] == WITHIN


# ---------------------------------------------------------------- checks: percentages
@pytest.mark.parametrize(("pct", "expected"), [(80, ADDS_UP), (75, DOES_NOT)])
def test_x_of_y_with_a_percentage_in_brackets(pct, expected):
    art = article_from_text(f"Officials granted 1,200 of the 1,500 claims ({pct}%) last year.")
    table = figs(art, F("1,200", 1200), F("1,500", 1500), F(f"{pct}%", pct, "percent"))
    row = only(consistency_checks(art, table))
    assert row["verdict"] == expected and row["rule"] == "percentage of a stated total"
    assert row["arithmetic"] == f"1,200 / 1,500 × 100 = 80.0 (stated: {pct}%)"


def test_x_or_percent_of_y_is_checked():
    art = article_from_text("The scheme returned 1,200 people, or 12% of the 10,000 eligible.")
    table = figs(art, F("1,200", 1200), F("12%", 12, "percent"), F("10,000", 10000))
    assert only(consistency_checks(art, table))["verdict"] == ADDS_UP
    assert implied_figures(art, table).empty  # the total is stated, nothing to imply


@pytest.mark.parametrize(("stated", "expected"), [(25, ADDS_UP), (30, DOES_NOT)])
def test_percentage_change_between_two_stated_values(stated, expected):
    art = article_from_text(f"Claims rose from 1,200 to 1,500, a {stated}% rise.")
    table = figs(art, F("1,200", 1200), F("1,500", 1500), F(f"{stated}%", stated, "percent"))
    row = only(consistency_checks(art, table))
    assert row["verdict"] == expected and row["figures"] == "1, 2, 3"
    assert implied_figures(art, table).empty


def test_change_down_from_a_base_rounds_to_the_stated_percentage():
    art = article_from_text("The number fell to 98,319, down 21% from 124,461 a year earlier.")
    table = figs(art, F("98,319", 98319), F("21%", 21, "percent"), F("124,461", 124461))
    row = only(consistency_checks(art, table))
    assert row["verdict"] == ADDS_UP and row["stated"] == -21
    assert row["arithmetic"] == "(98,319 − 124,461) / 124,461 × 100 = −21.0 (stated: −21)"


def test_percentage_point_change_between_two_rates():
    art = article_from_text("The grant rate was 47%, down from 67% in 2023, a fall of 20 "
                            "percentage points.")
    table = figs(art, F("47%", 47, "percent"), F("67%", 67, "percent"),
                 F("20 percentage points", 20, "percentage points"))
    row = only(consistency_checks(art, table))
    assert row["verdict"] == ADDS_UP and row["arithmetic"] == "47 − 67 = −20 (stated: −20)"
    assert implied_figures(art, table).empty


@pytest.mark.parametrize(("pct", "expected"), [(55, ADDS_UP), (45, DOES_NOT)])
def test_more_than_half_restated_in_brackets_must_be_above_half(pct, expected):
    art = article_from_text(f"More than half ({pct}%) of applicants were men.")
    table = figs(art, F("More than half", 0.5, "share", hedge="more than"),
                 F(f"{pct}%", pct, "percent"))
    assert only(consistency_checks(art, table))["verdict"] == expected


def test_three_quarters_restated_as_74_percent_is_within_rounding():
    art = article_from_text("Around three quarters (74%) of claims were made by men.")
    table = figs(art, F("Around three quarters", 0.75, "share", hedge="around"),
                 F("74%", 74, "percent"))
    row = only(consistency_checks(art, table))
    assert row["verdict"] == WITHIN and row["figures"] == "1, 2"


def test_share_restated_after_or_is_checked():
    art = article_from_text("Three quarters of voters, or 70%, back the plan.")
    table = figs(art, F("Three quarters", 0.75, "share"), F("70%", 70, "percent"))
    row = only(consistency_checks(art, table))
    assert row["rule"] == "share restated" and row["verdict"] == DOES_NOT


def test_share_of_a_total_restated_as_a_count_is_checked_not_implied():
    art = article_from_text("About 40% of the 50,000 applicants were women, or roughly 20,000.")
    table = figs(art, F("About 40%", 40, "percent", hedge="about"), F("50,000", 50000),
                 F("roughly 20,000", 20000, hedge="roughly"))
    row = only(consistency_checks(art, table))
    assert row["verdict"] == ADDS_UP
    assert row["arithmetic"] == "20,000 / 50,000 × 100 = 40.0 (stated: 40%)"
    assert implied_figures(art, table).empty


def test_of_the_total_then_its_parts_is_a_possibly_partial_sum():
    art = article_from_text("Of the 1,200 people detained, 300 were released, 250 were removed "
                            "and 750 remain in detention.")
    table = figs(art, F("1,200", 1200), F("300", 300), F("250", 250), F("750", 750))
    row = only(consistency_checks(art, table))
    assert row["verdict"] == DOES_NOT and "may be partial" in row["rule"]


@pytest.mark.parametrize(("text", "parts", "checked"), [
    # men and adults, nationalities and men: parts that may overlap are not summed
    ("Of the 100 people on board, 60 were men and 50 were adults.", ("60", "50"), False),
    ("In all 45,774 people crossed, including 12,000 Albanians, 8,000 Afghans and 30,000 men.",
     ("12,000", "8,000", "30,000"), False),
    # a bare number's borrowed noun does not decide: its own words do
    ("Of the 100 people on board, 60 were women and 50 were Syrian.", ("60", "50"), False),
    # men, women and children divide people one way, as do two nationalities
    ("Of the 100 people on board, 60 were men, 30 were women and 20 were children.",
     ("60", "30", "20"), True),
    ("In all 45,774 people crossed, including 30,000 Albanians and 20,000 Afghans.",
     ("30,000", "20,000"), True),
])
def test_parts_that_divide_people_different_ways_are_not_summed(text, parts, checked):
    art = article_from_text(text)
    total = next(t for t in ("100", "45,774") if t in text)
    table = figs(art, F(total, float(total.replace(",", ""))),
                 *(F(p, float(p.replace(",", ""))) for p in parts))
    rows = consistency_checks(art, table)
    assert len(rows) == int(checked)
    if checked:
        assert rows.iloc[0]["verdict"] == DOES_NOT


def test_a_share_restated_under_a_ceiling_holds_below_it():
    art = article_from_text("The rate was 18.7 percent, or less than one-third of the claim.")
    table = figs(art, F("18.7 percent", 18.7, "percent"),
                 F("less than one-third", 1 / 3, "share", hedge="less than"))
    assert only(consistency_checks(art, table))["verdict"] == ADDS_UP


def test_change_base_stated_with_the_comparison_period_is_checked_not_implied():
    art = article_from_text("Some 29,437 people crossed in 2023, a fall of 36% on 2022, when "
                            "45,774 made the journey.")
    table = figs(art, F("Some 29,437", 29437, hedge="some", period="2023"),
                 F("36%", 36, "percent"), F("45,774", 45774, period="2022"))
    assert implied_figures(art, table).empty
    row = only(consistency_checks(art, table))
    assert row["verdict"] == ADDS_UP and row["figures"] == "1, 2, 3"


def test_implausible_change_is_ignored():
    art = article_from_text("Visas rose by 10% to 1.2 million.")
    table = figs(art, F("10%", 1e7, "percent"), F("1.2 million", 1.2e6))
    assert implied_figures(art, table).empty


# ---------------------------------------------------------------- checks: expected vs actual
def test_expected_minus_reprieves_against_those_who_boarded():
    art = article_from_text(
        "On Monday, 15 asylum seekers boarded the barge, which can house up to 500 men. "
        "Around 50 had been expected, but some 20 won last-minute reprieves."
    )
    table = figs(art, F("15", 15), F("up to 500", 500, hedge="up to"),
                 F("Around 50", 50, hedge="around"), F("some 20", 20, hedge="some"))
    row = only(consistency_checks(art, table))
    assert row["verdict"] == DOES_NOT and row["figures"] == "1, 3, 4"
    assert row["arithmetic"] == "50 − 20 = 30 (stated: 15)" and row["difference"] == -15


def test_expected_figure_without_a_dropout_is_not_checked():
    art = article_from_text("Around 50 had been expected and 45 boarded the barge.")
    table = figs(art, F("Around 50", 50, hedge="around"), F("45", 45))
    assert consistency_checks(art, table).empty


# ---------------------------------------------------------------- verdicts and display
def test_verdict_levels():
    assert verdict(100, 100) == ADDS_UP
    assert verdict(-20.996, -21, exact=0.5) == ADDS_UP  # exact at the stated precision
    assert verdict(45726, 45700, rounding=50) == WITHIN  # "45,700" is rounded to hundreds
    assert verdict(980, 1000, approximate=True) == WITHIN
    assert verdict(980, 1000, approximate=True, tolerance=0.01) == DOES_NOT
    assert verdict(980, 1000) == DOES_NOT
    assert verdict(50, 55, bound="ge") == ADDS_UP and verdict(50, 45, bound="ge") == DOES_NOT


def test_numbers_in_arithmetic_have_separators_and_a_true_minus():
    assert fmt(47678.544) == "47,679" and fmt(-15) == "−15" and fmt(0.3333) == "0.333"
    assert fmt(73.333) == "73.33" and fmt(1e9) == "1,000,000,000"


def test_overview_is_in_text_order_with_readable_amounts():
    art = article_from_text("Some 161% more, £75 million spent and thousands of people.")
    table = figs(art, F("Some 161%", 161, "percent", hedge="some"),
                 F("£75 million", 75e6, "GBP"),
                 {"surface": "thousands", "value": None, "unit": "count", "low": 2000,
                  "high": 9999})
    view = figure_overview(table.iloc[::-1])
    assert list(view.columns) == OVERVIEW_COLUMNS
    assert list(view["figure"]) == [1, 2, 3]
    assert list(view["amount"]) == ["161%", "£75,000,000", "2,000–9,999"]
    assert view["counts"].tolist() == ["", "", ""] and view["hedge"].tolist()[0] == "some"


def test_overview_shows_a_rate_over_a_period_as_a_rate():
    art = article_from_text("In 2024, about 100 people a day crossed the Channel.",
                            published="2025-03-01")
    view = figure_overview(extract_figures(art))
    assert view["period"].tolist() == ["per day, 2024-01-01 to 2024-12-31"]


def test_chart_rows_group_by_unit_with_shares_as_percent_and_implied_labelled():
    art = article_from_text("Officers stopped 3,000 boats, a third of all attempts, and "
                            "thousands more were seen.")
    table = figs(art, F("3,000", 3000, counts="boats"), F("a third", 1 / 3, "share"),
                 {"surface": "thousands", "value": None, "unit": "count", "low": 2000,
                  "high": 9999})
    rows = chart_rows(table, implied_figures(art, table))
    assert list(rows.columns) == CHART_COLUMNS
    assert list(rows["group"]) == ["count", "count", "count", "percent"]
    assert list(rows["kind"]) == ["stated", "stated", "implied", "stated"]
    assert rows["value"].iloc[3] == pytest.approx(33.33, abs=0.01)
    assert rows["label"].iloc[0] == "boats  [#1]" and rows["label"].iloc[2].endswith("[implied 1]")
    assert pd.isna(rows["value"].iloc[1]) and rows["high"].iloc[1] == 9999
    assert chart_rows(frame("figures", [])).empty


def test_no_figures_give_empty_tables_with_their_columns():
    art = article_from_text("Nothing here is counted.")
    empty = frame("figures", [])
    assert list(implied_figures(art, empty).columns) == IMPLIED_COLUMNS
    assert list(consistency_checks(art, empty).columns) == CHECK_COLUMNS
    assert figure_overview(empty).empty and implied_figures(art, empty).empty


def test_rows_are_numbered_in_text_order_and_name_their_paragraph():
    art = article_from_text(
        "Claims rose from 1,200 to 1,500, a 25% rise.\n"
        "Officers stopped 3,000 boats, a third of all attempts, last year.\n"
        "Officials granted 1,200 of the 1,500 claims (80%)."
    )
    table = figs(art, F("1,200", 1200), F("1,500", 1500), F("25%", 25, "percent"),
                 F("3,000", 3000), F("a third", 1 / 3, "share"), F("1,200", 1200),
                 F("1,500", 1500), F("80%", 80, "percent"))
    checks = consistency_checks(art, table)
    assert list(checks["check"]) == [1, 2] and list(checks["paragraph"]) == [1, 3]
    implied = implied_figures(art, table)
    assert list(implied["implied"]) == [1] and list(implied["paragraph"]) == [2]
    paragraphs = dict(zip(table["figure"], table["paragraph"], strict=True))
    for ids, para in zip(checks["figures"], checks["paragraph"], strict=True):
        assert para in {paragraphs[int(i)] for i in ids.split(", ")}


def test_output_is_deterministic():
    art = article_from_text(PACKAGE.format(cue="is made up of"))
    table = package_figures(art)
    pd.testing.assert_frame_equal(consistency_checks(art, table), consistency_checks(art, table))


# ---------------------------------------------------------------- never raises
TOKENS = [*"0123456789,.% £$€()-–:;\n\"'“”‘’abcdefghij", " ", " ", "up ", "of the ", "from ",
          " to ", "a third", "since 2016", "made up of", "including", "a total of", "expected",
          "won reprieves", "İ", "ß", "9" * 40, "(74%)", "down ", "compared with "]
TEXT = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=80).map("".join).filter(str.strip)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.lists(st.tuples(st.integers(0, 400), st.integers(0, 30),
                                st.one_of(st.none(), st.floats(allow_nan=True),
                                          st.integers(-10**30, 10**30)),
                                st.sampled_from(["count", "percent", "share", "GBP", None,
                                                 "percentage points"]),
                                st.sampled_from([None, "", "some", "more than", "up to"]),
                                st.sampled_from([None, "2022", "2016/2023", "since 2016",
                                                 "per day", "2023-10/2024-09"])),
                      max_size=12))
def test_any_text_and_any_figures_never_raise(text, specs):
    art = article_from_text(text)
    n = len(art.text)
    rows = []
    for i, (start, length, value, unit, hedge, period) in enumerate(specs, 1):
        start = min(start, n)
        end = min(n, start + length)
        rows.append({"figure": i, "value": value, "unit": unit, "hedge": hedge, "period": period,
                     "text": art.text[start:end], "paragraph": art.paragraph_of(start),
                     "start": start, "end": end, "approximate": bool(hedge)})
    table = frame("figures", rows)
    ids = {str(i) for i in range(1, len(rows) + 1)}
    implied = implied_figures(art, table)
    checks = consistency_checks(art, table)
    figure_overview(table)
    for refs in [*implied["from_figures"], *checks["figures"]]:
        assert set(refs.split(", ")) <= ids
    assert set(checks["verdict"]) <= {ADDS_UP, WITHIN, DOES_NOT}
    assert all(isinstance(v, float) and (math.isfinite(v) or math.isnan(v)) or v is None
               for v in implied["value"]) or implied.empty


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_any_text_with_the_real_extractor_never_raises(text):
    art = article_from_text(text)
    table = extract_figures(art)
    implied_figures(art, table)
    consistency_checks(art, table)
    figure_overview(table)


def test_a_first_partial_count_below_expected_minus_dropped_adds_up():
    text = ("On Monday, after weeks of delays, the first 15 asylum seekers boarded the barge. "
            "Around 50 people were expected to move onboard, but around 20 were granted a "
            "last-minute reprieve.")
    art = article_from_text(text, published="2023-08-09")
    checks = consistency_checks(art, extract_figures(art))
    row = checks[checks["rule"] == "expected minus those who dropped out vs actual"].iloc[0]
    assert row["arithmetic"] == "50 − 20 = 30; stated 15 ≤ 30, a partial count"
    assert row["verdict"] == ADDS_UP


def test_a_change_stated_of_this_in_the_next_sentence_implies_the_base():
    text = ("Last year, a total of 124,441 irregular migrants were deported, the ministry said. "
            "Data showed that this was the highest number of deportations, up by some 161% "
            "compared to 2021.")
    art = article_from_text(text, published="2023-08-09")
    implied = implied_figures(art, extract_figures(art))
    assert len(implied) == 1
    row = implied.iloc[0]
    assert row["value"] == 47679 and row["period"] == "2021"
    assert row["arithmetic"] == "124,441 / (1 + 161/100) = 47,679"


def test_a_partial_count_above_the_difference_is_written_as_it_is():
    text = ("On Monday the first 40 asylum seekers boarded the barge. Around 50 people were "
            "expected to move onboard, but around 20 were granted a last-minute reprieve.")
    art = article_from_text(text, published="2023-08-09")
    checks = consistency_checks(art, extract_figures(art))
    row = checks[checks["rule"] == "expected minus those who dropped out vs actual"].iloc[0]
    assert "stated 40 > 30" in row["arithmetic"] and row["verdict"] != ADDS_UP
