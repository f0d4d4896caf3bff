"""Comparing coverage across a corpus with DuckDB: recurring statistics, voices, verdicts."""

import json

import pytest

from newstables import NewstablesError
from newstables.analyse import coverage
from newstables.run import corpus
from newstables.run.corpus import extract_corpus

ARTICLES = {
    "wire-a": ("Wire A", "2023-05-01",
               "More than 45,700 people crossed the Channel in small boats in 2022, the Home "
               "Office said.\n"
               'Home Secretary Jane Roe said: "We will stop the boats and the gangs."'),
    "paper-b": ("Paper B", "2023-06-01",
                "Some 45,774 people crossed the Channel in small boats in 2022.\n"
                '"We will stop the boats and the gangs," said Jane Roe, the Home Secretary.'),
    "paper-c": ("Paper B", "2023-06-20", "The council met on Tuesday to discuss housing."),
}


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    root = tmp_path_factory.mktemp("coverage")
    source = root / "src"
    source.mkdir()
    for name, (outlet, published, text) in ARTICLES.items():
        (source / f"{name}.txt").write_text(text, encoding="utf-8")
        (source / f"{name}.json").write_text(json.dumps({"outlet": outlet,
                                                         "published": published}))
    extract_corpus(source, root / "out", cluster=None, claims=True, quiet=True)
    return coverage.connect(root / "out")


def test_a_statistic_stated_in_two_articles_recurs_with_each_value_and_hedge(con):
    recurring = coverage.recurring_statistics(con)
    assert set(recurring["article"]) == {"wire-a", "paper-b"}
    assert recurring["period"].unique().tolist() == ["2022"]
    assert recurring["series_title"].nunique() == 1
    by_article = recurring.set_index("article")
    assert by_article.loc["wire-a", "value"] == 45700 and by_article.loc["paper-b",
                                                                          "value"] == 45774
    assert by_article.loc["wire-a", "hedge"] == "more than"
    (drift,) = coverage.drift(recurring).to_dict("records")
    assert drift["articles"] == 2 and drift["outlets"] == 2
    assert drift["spread"] == pytest.approx(45774 / 45700 - 1)
    # the value both were checked against, and whose it is
    assert (drift["series_value"], drift["source_kind"]) == (45774, "official")
    assert set(recurring["source_kind"]) == {"official"}


def test_a_speaker_quoted_by_two_outlets_counts_both(con):
    voices = coverage.speakers(con).set_index("speaker")
    assert voices.loc["Jane Roe", "outlets"] == 2 and voices.loc["Jane Roe", "quotes"] == 2
    assert voices.loc["Jane Roe", "outlet_names"] == "Paper B; Wire A"


def test_verdicts_and_coverage_are_counted_per_outlet_and_month(con):
    verdicts = coverage.verdicts_by_outlet(con).set_index("outlet")
    assert verdicts.loc["Wire A", "matched"] == 1 and verdicts.loc["Paper B", "articles"] == 1
    # Wire A gives its figure to the Home Office; Paper B states its own
    assert verdicts["attributed"].to_dict() == {"Paper B": 0, "Wire A": 1}
    groups = [name for name, _ in coverage.VERDICT_GROUPS]
    assert (verdicts[groups].sum(axis=1) == verdicts["matched"]).all()  # every verdict counted
    monthly = coverage.coverage_by_month(con)
    assert monthly["month"].tolist() == ["2023-05", "2023-06"]
    assert monthly["articles"].tolist() == [1, 2]
    assert coverage.overview(con)["article"].tolist() == ["wire-a", "paper-b", "paper-c"]


def test_a_folder_that_is_not_a_corpus_is_refused(tmp_path):
    with pytest.raises(NewstablesError, match="not a corpus folder"):
        corpus.prepare_corpus(str(tmp_path))
