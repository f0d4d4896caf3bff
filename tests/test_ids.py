"""Article ids name report folders: path-like, hidden and reserved ids are refused by
loading, so `extract` and `run` accept exactly the same ids."""

import pytest

from newstables import NewstablesError, article_from_text, load_article
from newstables.ids import check_article_id


@pytest.mark.parametrize("good", ["turkiye-uk-deal-2023", "a", "A.b_c-1", "indexes", "failed2"])
def test_plain_ids_are_accepted(good):
    assert check_article_id(good) == good


@pytest.mark.parametrize(
    "bad",
    ["../../etc", "a/b", "a\\b", ".hidden", "..", "x..y", "", "-dash", "a b", "é" * 3, "x" * 129],
)
def test_path_like_or_hidden_ids_are_refused(bad):
    with pytest.raises(NewstablesError, match="names its report folder"):
        check_article_id(bad)


@pytest.mark.parametrize("reserved", ["index", "index.html", "INDEX.htm", "failed", "failed.x"])
def test_names_the_reports_folder_uses_are_reserved(reserved):
    with pytest.raises(NewstablesError, match="reserved"):
        check_article_id(reserved)


def test_a_sidecar_id_is_checked_when_the_article_loads(write_article):
    path = write_article("Text.", name="fine", sidecar='{"id": "index.html"}')
    with pytest.raises(NewstablesError, match="reserved"):
        load_article(path)


def test_an_id_given_with_text_is_checked():
    with pytest.raises(NewstablesError, match="names its report folder"):
        article_from_text("Text.", "../../etc")
