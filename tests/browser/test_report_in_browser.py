"""Reports as a reader opens them in a real browser, offline: nothing requested from outside,
no script runs, every chart renders, and the index leads to every page, chart and table."""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from newstables import paths
from newstables.run.notebook_pages import analyst_page_name, reader_page_name
from newstables.run.runner import article_notebooks, notebooks_in

from .conftest import SCREENSHOT, require_browser

require_browser()

ARTICLES = ("turkiye-uk-deal-2023", "hostile-article")
NOTEBOOKS = article_notebooks(notebooks_in())  # a corpus notebook is not in an article's report
PAGES = ["index.html"] + [name for nb in NOTEBOOKS
                          for name in (reader_page_name(nb), analyst_page_name(nb))]


def local_target(link: str) -> Path | None:
    parts = urlsplit(link)
    return Path(unquote(parts.path)) if parts.scheme == "file" else None


def assert_clean(seen) -> None:
    assert seen.outside_requests == [], "requests leaving the machine"
    assert seen.console_errors == [] and seen.page_errors == []
    assert seen.dialogs == [], "a script from the article ran"
    assert seen.broken_images == []
    assert seen.scripts == 0 and seen.handlers == [] and seen.script_links == []


def test_the_collection_index_is_clean_and_lists_each_article(reports, visit):
    seen = visit(reports / "index.html")
    assert_clean(seen)
    assert "Türkiye, UK unveil deal to tackle surge in illegal migration" in seen.text
    assert "9 August 2023" in seen.text and "1 May 2024" in seen.text
    assert "20% of the article's words are quoted" in seen.text  # a headline finding
    for article in ARTICLES:
        assert (reports / article / "index.html").as_uri() in seen.links


@pytest.mark.parametrize("article", ARTICLES)
@pytest.mark.parametrize("page", PAGES)
def test_page_opens_offline_with_no_script_and_every_image_rendered(reports, visit, article,
                                                                    page):
    seen = visit(reports / article / page)
    assert_clean(seen)
    for link in seen.links:
        target = local_target(link)
        if target is not None:
            assert target.exists(), f"broken link {link}"


@pytest.mark.parametrize("article", ARTICLES)
def test_index_links_every_notebook_page_chart_and_table(reports, visit, article):
    folder = reports / article
    seen = visit(folder / "index.html")
    linked = {local_target(link) for link in seen.links} - {None}
    for nb in NOTEBOOKS:
        assert folder / reader_page_name(nb) in linked
        assert folder / analyst_page_name(nb) in linked
    charts = sorted((folder / "figures").glob("*.png"))
    tables = sorted((folder / "tables").glob("*.csv"))
    assert charts and tables
    assert set(charts) | set(tables) <= linked
    assert "Key findings" in seen.text and "ran in" in seen.text


def test_the_index_screenshot_shows_the_report(reports, visit):
    visit(reports / ARTICLES[0] / "index.html", screenshot=SCREENSHOT)
    from PIL import Image

    with Image.open(SCREENSHOT) as image:
        assert image.size == (1200, 900)
        assert len(image.convert("L").getcolors(maxcolors=1 << 16) or range(1 << 16)) > 20


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem)
def test_reader_page_is_titled_hides_code_and_links_both_ways(reports, visit, nb):
    folder = reports / ARTICLES[0]
    reader = visit(folder / reader_page_name(nb))
    analyst = visit(folder / analyst_page_name(nb))
    title = reader.title
    assert title and title != "Notebook" and title == analyst.title
    assert "ctx = notebook.prepare" not in reader.text and "# Parameters" not in reader.text
    assert "output_dir =" not in reader.text
    assert "ctx = notebook.prepare" in analyst.text
    assert (folder / "index.html").as_uri() in reader.links
    assert (folder / analyst_page_name(nb)).as_uri() in reader.links
    assert (folder / reader_page_name(nb)).as_uri() in analyst.links


def test_hostile_text_shows_as_written_and_money_stays_text(reports, visit):
    folder = reports / "hostile-article"
    index = visit(folder / "index.html")
    assert "<script>alert('title')</script> Minister's" in index.text
    assert "$5 million to $10 million" in index.text
    assert '<script>alert("text")</script> patrols' in index.text
    summary = visit(folder / reader_page_name(NOTEBOOKS[0]))
    assert "<img src=x onerror=alert('outlet')>" in summary.text
    article = visit(folder / reader_page_name(NOTEBOOKS[1]))
    assert re.search(r"\$5 million to \$10 million", article.text)


def test_published_files_hold_no_machine_path(reports):
    forbidden = [str(paths.ROOT), str(reports.parent), ".run-"]
    for path in reports.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".ipynb", ".json", ".csv", ".svg"}:
            text = path.read_text(encoding="utf-8")
            for needle in forbidden:
                assert needle not in text, f"{needle} in {path.relative_to(reports)}"


def test_pages_fit_a_phone_screen_without_scrolling_sideways(reports, browser):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    try:
        for name in ["index.html"] + [reader_page_name(nb) for nb in NOTEBOOKS]:
            page.goto((reports / "turkiye-uk-deal-2023" / name).as_uri(), wait_until="load")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"{name} is {width} px wide on a 390 px screen"
    finally:
        context.close()
