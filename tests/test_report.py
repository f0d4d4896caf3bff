"""A report a reader opens: the index, the notebook pages, and what gets published."""

import base64
import json
import os
import re
import shutil
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from newstables import NewstablesError, load_article, paths
from newstables.run.pages import date_in_words, duration_in_words, moment_in_words
from newstables.run.runner import run_collection

HOSTILE = Path(__file__).parent / "data" / "hostile-article.txt"
INTRO = """# Count the words

How long the article is, paragraph by paragraph: a table and a chart.

**Outputs:** under `output_dir`: `tables/words.csv`, `figures/words.png|svg`."""
PARAMETERS = (
    'article: str = ""  # article path\npublished: str = ""  # date\noutput_dir: str = ""  # out'
)
BODY = '''
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from newstables.analyse import notebook
ctx = notebook.prepare(article, published, output_dir)
words = pd.DataFrame({"paragraph": [p.number for p in ctx.article.paragraphs],
                      "text": [p.text for p in ctx.article.paragraphs]})
ctx.save_table(words, "words")
first = words.head(1)
ctx.save_table(first, "first-words")
pd.DataFrame({"section": ["quotes"], "finding": [f"{ctx.article.title} has "
              f"{len(ctx.article.paragraphs)} paragraphs."], "notebook": ["01-count-words"]}
             ).to_csv(ctx.output_dir / "tables" / "summary-findings.csv", index=False)
fig, ax = plt.subplots()
ax.bar(words["paragraph"], words["text"].str.len())
ax.set_title("Characters per paragraph")
saved = ctx.show_figure(fig, "words")
words
'''


def make_collection(folder: Path, parameters: str = PARAMETERS, body: str = BODY) -> Path:
    folder.mkdir()
    params = new_code_cell(parameters)
    params.metadata["tags"] = ["parameters"]
    nb = new_notebook(cells=[new_markdown_cell(INTRO), params,
                             new_markdown_cell("## The words"), new_code_cell(body)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, folder / "01-count-words.ipynb")
    return folder


SIDECAR = {"title": "Ministers <b>agree</b> a deal", "outlet": "The Example Times",
           "url": "https://example.org/news/deal", "published": "2024-03-01"}


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """One run over a plain article and the hostile one, into ``reports/``."""
    root = tmp_path_factory.mktemp("report")
    collection = make_collection(root / "notebooks")
    incoming = root / "incoming"
    incoming.mkdir()
    (incoming / "deal.txt").write_text("First paragraph.\nSecond & last paragraph.\n",
                                       encoding="utf-8")
    (incoming / "deal.json").write_text(json.dumps(SIDECAR), encoding="utf-8")
    for suffix in (".txt", ".json"):
        (incoming / f"hostile{suffix}").write_bytes(HOSTILE.with_suffix(suffix).read_bytes())
    old = os.umask(0o022)
    try:
        runs = run_collection([incoming], out=root / "reports", quiet=True,
                              notebooks=sorted(collection.glob("*.ipynb")))
    finally:
        os.umask(old)
    assert [r.status for r in runs] == ["ok", "ok"], [r.error for r in runs]
    return root


def text_of(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def index(made, article="deal"):
    return (made / "reports" / article / "index.html").read_text(encoding="utf-8")


def test_index_names_the_article_outlet_date_and_link(made):
    html = index(made)
    assert "<h1>Ministers &lt;b&gt;agree&lt;/b&gt; a deal</h1>" in html
    assert "The Example Times · 1 March 2024" in html
    assert '<a href="https://example.org/news/deal" rel="noopener noreferrer">' in html


def test_index_gives_the_key_findings(made):
    assert "Ministers <b>agree</b> a deal has 2 paragraphs." in text_of(index(made))


def test_index_lists_each_notebook_with_its_description_and_both_pages(made):
    html = index(made)
    assert '<a href="01-count-words.html">Count the words</a>' in html
    assert "How long the article is, paragraph by paragraph: a table and a chart." in html
    assert '<a href="01-count-words.code.html">with code</a>' in html


def test_index_shows_charts_as_titled_thumbnails_linking_to_the_full_image(made):
    html = index(made)
    assert ('<a href="figures/words.png"><img src="figures/words.svg" '
            'alt="Characters per paragraph"></a>') in html
    assert not (made / "reports" / "deal" / "figures" / "thumbnails").exists()


def test_a_chart_saved_without_an_svg_shows_its_png_on_the_index(made, tmp_path):
    from newstables import load_article
    from newstables.run.pages import write_article_index

    report = tmp_path / "deal"
    shutil.copytree(made / "reports" / "deal", report)
    (report / "figures" / "words.svg").unlink()
    record = json.loads((report / "run.json").read_text(encoding="utf-8"))
    write_article_index(report, load_article(made / "incoming" / "deal.txt"), record)
    html = (report / "index.html").read_text(encoding="utf-8")
    assert '<img src="figures/words.png" alt="Characters per paragraph">' in html
    assert "words.svg" not in html


def test_both_pages_show_each_chart_inline_as_the_saved_png(made):
    report = made / "reports" / "deal"
    png = base64.b64encode((report / "figures" / "words.png").read_bytes()).decode()
    for page in ("01-count-words.html", "01-count-words.code.html"):
        assert f'src="data:image/png;base64,{png}"' in (report / page).read_text()


def test_a_run_asked_for_svg_charts_only_shows_them_on_the_index_and_both_pages(tmp_path):
    collection = make_collection(
        tmp_path / "notebooks",
        PARAMETERS + '\nfigure_formats: str = "png,svg"  # chart files',
        BODY.replace("prepare(article, published, output_dir)",
                     "prepare(article, published, output_dir, figure_formats)"))
    article = tmp_path / "deal.txt"
    article.write_text("First paragraph.\nSecond & last paragraph.\n", encoding="utf-8")
    (run,) = run_collection([article], published="2024-03-01", out=tmp_path / "reports",
                            quiet=True, extra={"figure_formats": "svg"},
                            notebooks=sorted(collection.glob("*.ipynb")))
    assert run.status == "ok", run.error
    report = tmp_path / "reports" / "deal"
    assert sorted(p.name for p in (report / "figures").iterdir()) == ["words.svg"]
    html = (report / "index.html").read_text(encoding="utf-8")
    assert ('<a href="figures/words.svg"><img src="figures/words.svg" '
            'alt="Characters per paragraph"></a>') in html
    assert ">SVG</a>" not in html  # no second link to the same SVG
    svg = base64.b64encode((report / "figures" / "words.svg").read_bytes()).decode()
    for page in ("01-count-words.html", "01-count-words.code.html"):
        assert (f'<img alt="Characters per paragraph" src="data:image/svg+xml;base64,{svg}"'
                in (report / page).read_text(encoding="utf-8"))


def test_a_run_asks_the_kernel_parent_to_extract_each_article_once(tmp_path, monkeypatch):
    from newstables.run import kernel_pool

    asked = []
    monkeypatch.setattr(kernel_pool, "extract_ahead", lambda *a: asked.append(a) or True)
    collection = make_collection(tmp_path / "notebooks")
    article = tmp_path / "deal.txt"
    article.write_text("First paragraph.\nSecond & last paragraph.\n", encoding="utf-8")
    (run,) = run_collection([article], published="2024-03-01", out=tmp_path / "reports",
                            quiet=True, notebooks=sorted(collection.glob("*.ipynb")))
    assert run.status == "ok", run.error
    assert asked == [(str(article), "2024-03-01")]


def test_a_run_refuses_figure_formats_it_cannot_write_before_it_starts(tmp_path):
    collection = make_collection(
        tmp_path / "notebooks", PARAMETERS + '\nfigure_formats: str = "png,svg"  # charts')
    with pytest.raises(NewstablesError, match="takes png, svg or png,svg"):
        run_collection([paths.SEED_ARTICLE], out=tmp_path / "reports", quiet=True,
                       extra={"figure_formats": "gif"},
                       notebooks=sorted(collection.glob("*.ipynb")))
    assert not (tmp_path / "reports").exists()


def test_index_lists_tables_with_title_row_count_and_link(made):
    text = text_of(index(made))
    assert "The article's paragraphs, with character offsets" in text
    # two tables saved under one heading are told apart by their names
    titles = re.findall(r"<tr><td>([^<]*)<br>", index(made))
    assert "Count the words" in text and {"Words", "First words"} <= set(titles)
    assert '<a href="tables/words.csv">words.csv</a>' in index(made)


def test_index_says_the_run_in_words(made):
    text = text_of(index(made))
    assert re.search(r"Made on \d{1,2} \w+ 20\d\d at \d\d:\d\d UTC: the notebook ran in "
                     r"[\d.]+ seconds\.", text)
    assert re.search(r"ran in [\d.]+ seconds", text)


def test_collection_index_lists_each_article_with_title_date_and_headlines(made):
    html = (made / "reports" / "index.html").read_text(encoding="utf-8")
    assert '<a href="deal/index.html">Ministers &lt;b&gt;agree&lt;/b&gt; a deal</a>' in html
    assert "The Example Times · 1 March 2024" in html
    assert "<li>Ministers &lt;b&gt;agree&lt;/b&gt; a deal has 2 paragraphs.</li>" in html
    assert html.index("hostile-article/index.html") < html.index("deal/index.html")  # newest


def test_published_files_record_paths_relative_to_the_project_or_the_report(made):
    report = made / "reports" / "deal"
    record = json.loads((report / "run.json").read_text(encoding="utf-8"))
    assert record["parameters"]["article"] == "../../incoming/deal.txt"
    assert record["parameters"]["output_dir"] == "."
    nb = nbformat.read(report / "01-count-words.ipynb", as_version=4)
    assert nb.metadata.papermill["parameters"]["output_dir"] == "."
    assert nb.metadata.papermill["input_path"] == "../../notebooks/01-count-words.ipynb"
    assert nb.metadata.papermill["output_path"] == "01-count-words.ipynb"
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert 'article = "../../incoming/deal.txt"' in injected[0].source
    for path in report.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".ipynb", ".json", ".csv"}:
            text = path.read_text(encoding="utf-8")
            assert str(made) not in text and ".run-" not in text, path.name


def test_report_folders_and_files_are_readable_by_others(made):
    for path in [made / "reports", *(made / "reports").rglob("*")]:
        mode = path.stat().st_mode & 0o777
        assert mode == (0o755 if path.is_dir() else 0o644), path


def test_article_text_and_metadata_are_escaped_in_every_page(made):
    report = made / "reports" / "hostile-article"
    pages = [made / "reports" / "index.html", *report.glob("*.html")]
    assert len(pages) == 4
    for page in pages:
        tags = Tags()
        tags.feed(page.read_text(encoding="utf-8"))
        assert "script" not in tags.names and "iframe" not in tags.names, page.name
        assert tags.handlers == [] and tags.script_links == [], page.name
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in index(made, "hostile-article")


class Tags(HTMLParser):
    """Every element a browser would build from a page, and the dangerous attributes."""

    def __init__(self):
        super().__init__()
        self.names, self.handlers, self.script_links = set(), [], []

    def handle_starttag(self, tag, attrs):
        self.names.add(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name in {"href", "src"} and (value or "").strip().lower().startswith(
                    ("javascript:", "vbscript:", "data:text")):
                self.script_links.append(value)


def test_a_sidecar_url_that_is_not_http_is_refused(write_article):
    path = write_article("Text.", sidecar='{"url": "javascript:alert(1)"}')
    with pytest.raises(NewstablesError, match="not an http or https address"):
        load_article(path)
    proc = subprocess.run([sys.executable, "-m", "newstables", "run", "--article", str(path),
                           "--out", str(path.parent / "reports")],
                          capture_output=True, text=True, cwd=paths.ROOT)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "javascript:alert(1)" in proc.stderr
    assert not (path.parent / "reports").exists()


@pytest.mark.parametrize("url", ["https://example.org/a?b=1", "http://example.org"])
def test_http_and_https_urls_are_accepted(write_article, url):
    path = write_article("Text.", sidecar=json.dumps({"url": url}))
    assert load_article(path).metadata["url"] == url


def test_times_read_as_words():
    assert date_in_words("2023-08-09") == "9 August 2023"
    assert moment_in_words("2026-12-03T06:19:41+00:00") == "3 December 2026 at 06:19 UTC"
    assert duration_in_words(4.25) == "4.2 seconds"
    assert duration_in_words(75.2) == "1 minute 15 seconds"
    assert duration_in_words(120) == "2 minutes"


def test_a_failed_run_records_no_machine_path(tmp_path, write_article):
    collection = tmp_path / "notebooks"
    collection.mkdir()
    params = new_code_cell(PARAMETERS)
    params.metadata["tags"] = ["parameters"]
    nb = new_notebook(cells=[params, new_code_cell("raise FileNotFoundError(output_dir)")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, collection / "01-fail.ipynb")
    article = write_article("Text.", name="failing")
    (result,) = run_collection([article], out=tmp_path / "reports", quiet=True,
                               notebooks=[collection / "01-fail.ipynb"])
    assert result.status == "failed" and "FileNotFoundError" in result.error
    assert str(tmp_path) not in result.error
    (kept,) = (tmp_path / "reports" / "failing" / "failed").iterdir()
    for path in kept.iterdir():
        if path.suffix in {".json", ".ipynb"}:
            text = path.read_text(encoding="utf-8")
            assert str(tmp_path) not in text and ".run-" not in text, path.name
