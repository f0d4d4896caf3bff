"""The timeline: article events beside reference events, labels, the window and the chart."""

import datetime as dt

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from newstables import article_from_text  # noqa: E402
from newstables.analyse import timeline as T  # noqa: E402
from newstables.charts import timeline as timeline_chart  # noqa: E402
from newstables.extract.events import extract_events  # noqa: E402
from newstables.schema import frame  # noqa: E402

D = dt.date


def events(*rows):
    """An events table from (date_start, date_end, granularity, expression, description, par)."""
    return frame("events", [
        {"event": i, "date_start": s, "date_end": e, "granularity": g, "expression": x,
         "description": d, "paragraph": p, "start": 0, "end": len(x)}
        for i, (s, e, g, x, d, p) in enumerate(rows, 1)
    ])


def reference(*rows):
    """A reference events table from (date, event, source_title)."""
    return pd.DataFrame(
        [{"date": d, "event": e, "source_url": "https://example.org", "source_title": t,
          "notes": "", "confidence": "high"} for d, e, t in rows]
    )


NO_REFERENCE = reference()


# ---------------------------------------------------------------- dates and kinds
def test_reference_month_date_is_a_month_span():
    assert T.parse_reference_date("2023-07") == (D(2023, 7, 1), D(2023, 7, 31), "month")
    assert T.parse_reference_date("2024-02") == (D(2024, 2, 1), D(2024, 2, 29), "month")


def test_reference_day_date_is_a_day_and_year_a_year():
    assert T.parse_reference_date("2023-08-08") == (D(2023, 8, 8), D(2023, 8, 8), "day")
    assert T.parse_reference_date("2016") == (D(2016, 1, 1), D(2016, 12, 31), "year")


@pytest.mark.parametrize("value", ["", None, "2023-13", "2023-02-30", "Aug 2023", "soon"])
def test_unreadable_reference_date_is_none(value):
    assert T.parse_reference_date(value) is None


def test_reference_row_without_readable_date_is_left_out():
    rows = T.reference_rows(reference(("2023-08", "Visit", "S"), ("n.d.", "Undated", "S")))
    assert [r["label"] for r in rows] == ["Visit"]


def test_day_is_a_point_period_a_span_one_end_open():
    tl = T.timeline(None, events(
        ("2023-08-07", "2023-08-07", "day", "On Monday", "On Monday, the barge filled.", 1),
        ("2023-07-01", "2023-07-31", "month", "last month", "He visited last month.", 2),
        (None, "2026-03-31", "month", "until March 2026", "It runs until March 2026.", 3),
    ), NO_REFERENCE)
    kinds = dict(zip(tl["expression"], tl["kind"], strict=True))
    assert kinds == {"On Monday": "point", "last month": "span", "until March 2026": "open"}


def test_event_dates_become_dates_and_missing_side_stays_none():
    tl = T.timeline(None, events((None, "2024-05-31", "season", "before the summer", "x", 1)),
                    NO_REFERENCE)
    assert tl.loc[0, "date_start"] is None and tl.loc[0, "date_end"] == D(2024, 5, 31)


def test_events_without_dates_are_unresolved_not_on_timeline():
    ev = events(
        (None, None, "week", "last week", "Talks began last week.", 2),
        ("2022-01-01", "2022-12-31", "year", "in 2022", "Arrivals rose in 2022.", 1),
    )
    assert list(T.timeline(None, ev, NO_REFERENCE)["expression"]) == ["in 2022"]
    assert list(T.unresolved(ev)["expression"]) == ["last week"]


def test_nan_dates_count_as_missing():
    ev = events((float("nan"), float("nan"), "unknown", "recently", "It happened recently.", 1))
    assert T.timeline(None, ev, NO_REFERENCE).empty
    assert len(T.unresolved(ev)) == 1


def test_rows_sorted_by_date_then_origin_then_label():
    tl = T.timeline(None, events(
        ("2023-08-08", "2023-08-08", "day", "on Tuesday", "Zeta agreed on Tuesday.", 3),
        ("2023-08-08", "2023-08-08", "day", "8 August", "Alpha agreed on 8 August.", 1),
        ("2023-01-01", "2023-12-31", "year", "this year", "The pledge for this year.", 2),
    ), reference(("2023-08-08", "Announcement of the deal", "S"), ("2023-07", "A visit", "S")))
    assert list(zip(tl["origin"], tl["label"], strict=True)) == [
        ("article", "The pledge for this year"),
        ("reference", "A visit"),
        ("article", "Alpha agreed on 8 August"),
        ("article", "Zeta agreed on Tuesday"),
        ("reference", "Announcement of the deal"),
    ]


def test_open_start_row_sorts_by_its_end():
    tl = T.timeline(None, events(
        (None, "2023-03-01", "unknown", "earlier", "It was said earlier.", 1),
        ("2023-02-01", "2023-02-28", "month", "in February", "It fell in February.", 2),
    ), NO_REFERENCE)
    assert list(tl["expression"]) == ["in February", "earlier"]


def test_reference_rows_carry_source_title_article_rows_paragraph():
    tl = T.timeline(None, events(("2023-08-07", "2023-08-07", "day", "Monday", "Boats on Monday.",
                                  4)), reference(("2023-08-07", "Boarding", "Irish News")))
    art, ref = tl.iloc[0], tl.iloc[1]
    assert (art["origin"], art["paragraph"], art["source"]) == ("article", 4, "")
    assert (ref["origin"], pd.isna(ref["paragraph"]), ref["source"]) == ("reference", True,
                                                                          "Irish News")


def test_timeline_has_the_documented_columns_even_when_empty():
    assert list(T.timeline(None, events(), NO_REFERENCE).columns) == T.COLUMNS
    assert list(T.unresolved(events()).columns) == T.UNRESOLVED_COLUMNS


def test_same_clause_dated_twice_is_one_row_with_both_expressions():
    text = "Britain and Albania agreed on Tuesday to expand the scheme."
    tl = T.timeline(None, events(
        ("2024-03-12", "2024-03-12", "day", "March 12", "LONDON, March 12 (Wire) - " + text, 1),
        ("2024-03-12", "2024-03-12", "day", "on Tuesday", "LONDON, March 12 (Wire) - " + text, 1),
    ), NO_REFERENCE)
    assert len(tl) == 1 and tl.loc[0, "expression"] == "March 12; on Tuesday"


# ---------------------------------------------------------------- labels
def test_label_keeps_sentence_start_when_clause_starts_early():
    label = T.event_label("Türkiye, for its part, deported 124,441 irregular migrants last year,"
                          " the highest number in its history.", "last year")
    assert label.startswith("Türkiye, for its part, deported 124,441")


def test_label_takes_the_expressions_clause_late_in_a_long_sentence():
    label = T.event_label("The announcement follows the Home Secretary's visit to Calais last "
                          "week, where she agreed a joint action plan for the summer.",
                          "the summer")
    assert label == "She agreed a joint action plan for the summer"


def test_label_after_a_fronted_date_is_the_main_clause():
    label = T.event_label("On Monday, 15 asylum seekers boarded the barge, a vessel in Dorset.",
                          "On Monday")
    assert label == "15 asylum seekers boarded the barge"
    label = T.event_label("On Monday, after weeks of delays, the first 15 asylum seekers "
                          "boarded the barge.", "On Monday")
    assert label == "The first 15 asylum seekers boarded the barge"


def test_label_of_a_date_hung_on_a_noun_is_that_noun_phrase():
    label = T.event_label("Talks will take centre stage at the upcoming migration dialogue, "
                          "scheduled for the autumn in London.", "the autumn")
    assert label == "The upcoming migration dialogue, scheduled for the autumn…"


def test_label_of_a_clause_ending_in_its_date_reads_from_the_sentence_start():
    label = T.event_label("Having met our partners in Europe, Africa, and indeed Greece "
                          "recently, I have seen the benefits.", "recently")
    assert label.startswith("Having met our partners")


def test_coincidences_need_shared_words_not_just_dates():
    rows = T.with_dates(T.timeline(None, events(
        ("2023-08-07", "2023-08-07", "day", "On Monday",
         "On Monday the first asylum seekers boarded the barge.", 1),
        ("2023-08-07", "2023-08-07", "day", "On Monday",
         "On Monday the minister spoke about pensions.", 2)),
        pd.DataFrame({"date": ["2023-08-07"], "event": ["Asylum seekers board the barge"],
                      "source_url": ["https://example.org"], "source_title": ["Example"]})))
    pairs = T.coincidences(rows)
    assert len(pairs) == 1 and pairs.iloc[0]["shared_words"] >= 2


def test_label_drops_leading_conjunction_and_capitalises():
    assert T.event_label("and officials met in January", "in January") == (
        "Officials met in January")


def test_label_drops_a_wire_dateline():
    label = T.event_label("LONDON, March 12 (Meridian News) - Britain and Albania agreed on "
                          "Tuesday to expand a scheme", "March 12")
    assert label.startswith("Britain and Albania agreed")


def test_thousands_separators_and_clock_times_do_not_split_a_label():
    assert T.event_label("More than 1,000 people crossed the Channel last month", "last month") \
        == "More than 1,000 people crossed the Channel last month"
    label = T.event_label("It will be published on 27 February 2025 at 9:30am.",
                          "on 27 February 2025")
    assert label == "It will be published on 27 February 2025 at 9:30am"


def test_long_label_is_cut_at_a_word_with_an_ellipsis_not_after_a_little_word():
    label = T.event_label("The number of irregular migrants deported by the authorities of the "
                          "country since 2016 reached a new record", "since 2016")
    assert label == "The number of irregular migrants deported…"


def test_reference_label_drops_brackets_and_ends_at_a_soft_break():
    label = T.reference_label('Immigration Minister Robert Jenrick visits Türkiye incl. Kapıkule '
                              'border check point, described as "the largest" (press release)')
    assert label == "Immigration Minister Robert Jenrick visits Türkiye"
    assert T.reference_label("Arrivals pass 100,000 (756 people)") == "Arrivals pass 100,000"


def test_chart_label_prefixes_paragraph_and_wraps_to_two_lines():
    row = {"origin": "article", "paragraph": 12, "label": "Jenrick visited Türkiye last month, "
           "including the Kapıkule border gate with Bulgaria"}
    label = timeline_chart.chart_label(row, width=30)
    assert label.startswith("¶12 Jenrick") and label.count("\n") == 1


# ---------------------------------------------------------------- formatting
@pytest.mark.parametrize(("start", "end", "text"), [
    (D(2023, 8, 7), D(2023, 8, 7), "7 Aug 2023"),
    (D(2023, 7, 1), D(2023, 7, 31), "Jul 2023"),
    (D(2022, 1, 1), D(2022, 12, 31), "2022"),
    (D(2023, 9, 1), D(2023, 11, 30), "Sep–Nov 2023"),
    (D(2023, 10, 1), D(2024, 9, 30), "Oct 2023–Sep 2024"),
    (D(2023, 1, 1), D(2023, 8, 9), "1 Jan–9 Aug 2023"),
    (D(2024, 5, 27), D(2024, 6, 2), "27 May–2 Jun 2024"),
    (None, D(2026, 3, 31), "until 31 Mar 2026"),
    (D(2024, 9, 16), None, "from 16 Sep 2024"),
    (None, None, "undated"),
])
def test_format_span_reads_like_a_date(start, end, text):
    assert T.format_span(start, end) == text


def test_open_range_end_is_as_precise_as_its_granularity():
    assert T.format_span(None, D(2025, 12, 31), "year") == "until 2025"
    assert T.format_span(None, D(2026, 3, 31), "month") == "until Mar 2026"
    assert T.format_span(D(2016, 1, 1), None, "year") == "from 2016"
    assert T.format_span(None, D(2023, 8, 9), "unknown") == "until 9 Aug 2023"


def test_add_months_clamps_the_day_and_crosses_years():
    assert T.add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)
    assert T.add_months(D(2023, 8, 9), -12) == D(2022, 8, 9)
    assert T.add_months(D(2023, 11, 15), 3) == D(2024, 2, 15)


# ---------------------------------------------------------------- window, close-up, matches
SEEDLIKE = events(
    ("2023-07-01", "2023-07-31", "month", "last month", "Jenrick visited Türkiye last month.", 12),
    ("2023-08-07", "2023-08-07", "day", "On Monday", "On Monday, 15 asylum seekers boarded the "
     "Bibby Stockholm.", 13),
    ("2022-01-01", "2022-12-31", "year", "last year", "More than 45,700 crossed last year.", 14),
)
REFS = reference(
    ("2020-03-01", "Long before", "S"),
    ("2023-07", "Immigration Minister Robert Jenrick visits Türkiye", "Home Office"),
    ("2023-08-07", "First 15 asylum seekers board Bibby Stockholm", "PA"),
    ("2024-07-23", "Contract not renewed", "ITV"),
)


def test_window_pads_the_article_dates_and_publication_by_months():
    tl = T.timeline(None, SEEDLIKE, REFS)
    assert T.window(tl, "2023-08-09", 6) == (D(2021, 7, 1), D(2024, 2, 9))
    assert T.window(tl, "2024-01-09", 0) == (D(2022, 1, 1), D(2024, 1, 9))


def test_window_ignores_reference_dates():
    tl = T.timeline(None, events(), REFS)
    assert T.window(tl, "2023-08-09", 1) == (D(2023, 7, 9), D(2023, 9, 9))


def test_window_is_none_without_article_dates_or_publication():
    assert T.window(T.timeline(None, events(), REFS), None, 12) is None


def test_within_keeps_article_rows_and_reference_rows_in_the_window():
    tl = T.timeline(None, SEEDLIKE, REFS)
    shown = T.within(tl, T.window(tl, "2023-08-09", 6))
    assert "Long before" not in set(shown["label"])
    assert "Contract not renewed" not in set(shown["label"])
    assert (shown["origin"] == "article").sum() == 3 and (shown["origin"] == "reference").sum() == 2
    assert (T.within(tl, None)["origin"] == "article").all()


def test_closeup_keeps_precise_rows_near_publication_and_drops_years():
    tl = T.timeline(None, SEEDLIKE, REFS)
    near = T.closeup(tl, "2023-08-09", 3)
    assert "last year" not in set(near["expression"])
    assert {"last month", "On Monday", "2023-08-07", "2023-07"} <= set(near["expression"])
    assert T.closeup(tl, None, 3).empty


def test_coincidences_pair_overlapping_precise_dates_with_shared_words():
    tl = T.timeline(None, SEEDLIKE, REFS)
    pairs = T.coincidences(tl)
    assert list(zip(pairs["expression"], pairs["reference"], strict=True)) == [
        ("On Monday", "First 15 asylum seekers board Bibby Stockholm"),
        ("last month", "Immigration Minister Robert Jenrick visits Türkiye"),
    ]
    assert list(pairs["shared_words"]) == [5, 3]  # asylum seeker board bibby stockholm


def test_granularity_mix_counts_article_rows_most_common_first():
    tl = T.timeline(None, SEEDLIKE, REFS)
    assert T.granularity_mix(tl) == {"day": 1, "month": 1, "year": 1}


# ---------------------------------------------------------------- the chart
def test_chart_has_one_labelled_line_per_row_plus_lane_headers():
    tl = T.timeline(None, SEEDLIKE, REFS)
    fig = timeline_chart.plot_timeline(tl, "2023-08-09")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    plt.close(fig)
    assert len(labels) == len(tl) + 2
    assert labels[0] == "In the article (3)"


def test_chart_legend_lists_only_what_is_drawn():
    tl = T.timeline(None, events(("2023-08-07", "2023-08-07", "day", "Monday", "Boats Monday.", 1)),
                    NO_REFERENCE)
    fig = timeline_chart.plot_timeline(tl, "2023-08-09")
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    plt.close(fig)
    assert labels == ["article: a day", "publication date"]


def test_chart_of_no_rows_says_so():
    fig = timeline_chart.plot_timeline(T.timeline(None, events(), NO_REFERENCE), None)
    texts = [t.get_text() for t in fig.axes[0].texts]
    plt.close(fig)
    assert texts == ["No dated events to draw"]


def test_chart_without_publication_date_has_no_publication_line():
    fig = timeline_chart.plot_timeline(T.timeline(None, SEEDLIKE, NO_REFERENCE), None)
    texts = [t.get_text() for t in fig.axes[0].texts]
    plt.close(fig)
    assert not any(t.startswith("Published") for t in texts)


# ---------------------------------------------------------------- on real text
def test_timeline_of_an_extracted_article_traces_back_to_its_paragraphs():
    art = article_from_text(
        "Ministers met in London on 8 August 2023.\nTalks resume next month, officials said.",
        id="t", published="2023-08-09",
    )
    ev = extract_events(art)
    tl = T.timeline(art, ev, NO_REFERENCE)
    assert len(tl) == len(ev) - len(T.unresolved(ev))
    assert set(tl["paragraph"]) <= {1, 2}


PIECES = list("abc XYZ,.;:-–()'\"“”‘’\n0123456789ığüşçöé€£%\u00a0\u200b") + [
    "May ", "since ", "in 2023", " last week", "Monday", "99999999999", "LONDON, ", " - ",
]
TEXT = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.sampled_from(["2023-08-09", None]))
def test_any_text_gives_a_timeline_without_raising(text, published):
    art = article_from_text("Lead. " + text, id="h", published=published)
    ev = extract_events(art)
    tl = T.timeline(art, ev, REFS)
    assert list(tl.columns) == T.COLUMNS
    assert all(len(label) <= T.LABEL_LIMIT for label in tl["label"])
    span = T.window(tl, published, 12)
    T.within(tl, span)
    T.closeup(tl, published, 3)
    T.coincidences(tl)


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT)
def test_labels_of_any_text_fit_the_limit(description, expression):
    assert len(T.event_label(description, expression)) <= T.LABEL_LIMIT
    assert len(T.reference_label(description)) <= T.LABEL_LIMIT
