"""Reference data: sourced CSV files and the catalogue of series read from them."""

import datetime as dt

import pytest

from newstables import paths, reference
from newstables.errors import NewstablesError

HEADER = "year,value,source_kind,source_url,source_title,notes,confidence\n"


@pytest.fixture
def folder(tmp_path):
    reference.clear_cache()
    yield tmp_path
    reference.clear_cache()


def test_load_reference_reads_a_file_with_a_source_on_every_row():
    df = reference.load_reference("events_timeline")
    assert len(df) > 0
    assert df["source_url"].str.startswith("http").all()


def test_row_without_source_url_is_refused_with_file_and_row_number(folder):
    (folder / "bad.csv").write_text(
        HEADER + "2021,5,official,https://example.org,Example,,high\n2022,6,official,,Example,,high\n",
        encoding="utf-8",
    )
    with pytest.raises(NewstablesError, match=r"bad\.csv, row 2 .*source_url"):
        reference.load_reference("bad", folder=folder)


def test_row_with_blank_source_title_is_refused(folder):
    (folder / "blank.csv").write_text(
        HEADER + "2021,5,press,https://example.org,   ,,high\n", encoding="utf-8"
    )
    with pytest.raises(NewstablesError, match=r"blank\.csv, row 1 .*source_title"):
        reference.load_reference("blank", folder=folder)


def test_file_without_source_columns_is_refused(folder):
    (folder / "nosource.csv").write_text("year,value\n2021,5\n", encoding="utf-8")
    with pytest.raises(NewstablesError, match="source"):
        reference.load_reference("nosource", folder=folder)


def test_unknown_file_lists_the_available_ones(folder):
    (folder / "one.csv").write_text(HEADER, encoding="utf-8")
    with pytest.raises(NewstablesError, match="available: one"):
        reference.load_reference("two", folder=folder)


def test_load_reference_is_cached_and_returns_copies():
    reference.load_reference("events_timeline")
    hits = reference._load.cache_info().hits
    first = reference.load_reference("events_timeline")
    first.loc[0, "event"] = "changed"
    assert reference._load.cache_info().hits == hits + 1
    assert reference.load_reference("events_timeline").loc[0, "event"] != "changed"


def test_every_reference_file_is_catalogued_or_explained():
    cat = reference.catalogue()
    used = {s.get("file") for s in cat["series"].values()}
    explained = " ".join(cat["not_catalogued"])
    for path in sorted(paths.REFERENCE.glob("*.csv")):
        assert path.stem in used or path.stem in explained, path.stem


def test_every_catalogued_series_has_sourced_rows():
    for key in reference.series_keys():
        df = reference.series(key)
        assert list(df.columns) == reference.SERIES_COLUMNS, key
        assert len(df) > 0, key
        assert df["source_url"].astype(str).str.len().gt(0).all(), key
        assert df["value"].notna().all(), key


def test_every_series_entry_says_what_it_counts_and_where():
    for key, entry in reference.catalogue()["series"].items():
        for field in ("title", "description", "unit", "kind", "geography", "counts_keywords"):
            assert entry.get(field), (key, field)
        assert entry["geography"] in ("United Kingdom", "Türkiye", "EU"), key
        assert entry["kind"] in ("flow", "stock", "cumulative", "ratio"), key
        assert "file" in entry or "derive" in entry, key


def test_series_prefers_the_finalised_official_vintage():
    df = reference.series("uk_small_boat_arrivals_annual").set_index("period")
    assert df.loc["2022", "value"] == 45774


def test_series_all_rows_keeps_competing_vintages_preferred_first():
    df = reference.series("uk_small_boat_arrivals_annual", all_rows=True)
    values = df[df["period"] == "2022"]["value"].tolist()
    assert values[0] == 45774 and 45755 in values


def test_series_filters_rows_by_qualifier():
    df = reference.series("turkiye_deportations")
    assert "2021" not in set(df["period"])  # the 2021 value is derived, not published


def test_quarterly_series_has_quarter_periods_and_dates():
    df = reference.series("uk_small_boat_arrivals_quarterly")
    first = df.iloc[0]
    assert first["period"] == "2018-Q1"
    assert (first["start"], first["end"]) == (dt.date(2018, 1, 1), dt.date(2018, 3, 31))


def test_summed_series_adds_rows_of_one_period():
    total = reference.series("uk_irregular_arrivals_quarterly").set_index("period")
    boats = reference.series("uk_small_boat_arrivals_quarterly").set_index("period")
    assert total.loc["2023-Q4", "value"] > boats.loc["2023-Q4", "value"]


def test_year_to_date_series_restarts_each_january():
    ytd = reference.series("uk_small_boat_arrivals_ytd_monthly").set_index("period")
    monthly = reference.series("uk_small_boat_arrivals_monthly").set_index("period")
    assert ytd.loc["2023-01-31", "value"] == monthly.loc["2023-01", "value"]
    assert ytd.loc["2022-12-31", "value"] == 45755  # provisional monthly total of 2022


def test_text_end_date_reads_the_last_date_of_a_free_text_period():
    assert reference.text_end_date("2016-~16 Aug 2022") == dt.date(2022, 8, 16)
    assert reference.text_end_date("2016-end 2022") == dt.date(2022, 12, 31)
    assert reference.text_end_date("Jan-Oct 2024") == dt.date(2024, 10, 31)
    assert reference.text_end_date("calendar year") is None


def test_series_reads_from_the_given_folder(folder):
    (folder / "uk_small_boat_arrivals_monthly.csv").write_text(
        "month,year,people_detected,boats_detected,people_per_boat,source_kind,source_url,"
        "source_title,notes,confidence\n"
        "2030-01,2030,10,1,10,official,https://example.org,Example,,high\n"
        "2030-02,2030,20,1,20,official,https://example.org,Example,,high\n",
        encoding="utf-8",
    )
    df = reference.series("uk_small_boat_arrivals_monthly", folder=folder)
    assert df["period"].tolist() == ["2030-01", "2030-02"]
    assert df["value"].tolist() == [10.0, 20.0]


def test_unknown_series_key_is_refused():
    with pytest.raises(NewstablesError, match="unknown reference series"):
        reference.series("no_such_series")


def test_every_reference_row_says_what_kind_of_source_it_is():
    for name in reference.available():
        kinds = set(reference.load_reference(name)["source_kind"])
        assert kinds <= {"official", "press", "other"}, name


def test_a_row_with_an_unknown_source_kind_is_refused(folder):
    (folder / "kind.csv").write_text(
        HEADER + "2021,5,blog,https://example.org,Example,,high\n", encoding="utf-8")
    with pytest.raises(NewstablesError, match=r"kind\.csv, row 1 .*source_kind is 'blog'"):
        reference.load_reference("kind", folder=folder)


def test_series_rows_carry_their_source_kind_and_official_rows_come_first():
    df = reference.series("uk_small_boat_arrivals_annual", all_rows=True)
    assert set(df["source_kind"]) == {"official", "press"}
    first = df.drop_duplicates(["period"], keep="first")
    assert (first["source_kind"] == "official").all()
