"""The reader's and the analyst's page of an executed notebook."""

import re

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from newstables.run.notebook_pages import (
    CSP,
    MISSING,
    notebook_purpose,
    notebook_title,
    render_pages,
    tidy_table_html,
)


def executed_notebook(folder, outputs_html: str = "", markdown: str = ""):
    params = new_code_cell('article: str = ""  # path', execution_count=1)
    params.metadata["tags"] = ["parameters"]
    injected = new_code_cell('# Parameters\narticle = "seeds/x.txt"\n', execution_count=2)
    injected.metadata["tags"] = ["injected-parameters"]
    table = pd.DataFrame({"quote": [1, 2], "speaker": ["Jane Doe", None],
                          "words": [1234, 5]})
    shown = new_code_cell("speakers = voices.speakers(quotes)\nspeakers", execution_count=3,
                          outputs=[new_output("execute_result", execution_count=3, data={
                              "text/html": outputs_html or table._repr_html_(),
                              "text/plain": "table"})])
    cells = [new_markdown_cell("# Read the quotes\n\nWho speaks and how much: every quote.\n\n"
                               "**Inputs:** an article. **Outputs:** `tables/voices.csv`."),
             params, injected, shown]
    if markdown:
        cells.append(new_code_cell("Markdown(text)", execution_count=4, outputs=[new_output(
            "execute_result", execution_count=4, data={"text/markdown": markdown,
                                                       "text/plain": "md"})]))
    nb = new_notebook(cells=cells)
    path = folder / "03-read-the-quotes.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture
def pages(tmp_path):
    notebook = executed_notebook(tmp_path, markdown="$5 million to $10 million")
    reader, analyst = render_pages(notebook)
    return reader.read_text(encoding="utf-8"), analyst.read_text(encoding="utf-8")


def test_reader_page_hides_code_and_both_parameters_cells(pages):
    reader, analyst = pages
    assert "voices.speakers" not in reader and "seeds/x.txt" not in reader
    assert 'article: str' not in reader
    assert "tables/voices.csv" not in reader and "tables/voices.csv" in analyst
    code = re.sub(r"<[^>]+>", "", analyst)
    assert "voices.speakers" in code and "seeds/x.txt" in code


def test_pages_are_titled_with_the_notebooks_own_title_and_link_both_ways(pages):
    reader, analyst = pages
    for page in pages:
        assert "<title>Read the quotes</title>" in page
        assert 'href="index.html"' in page
    assert 'href="03-read-the-quotes.code.html"' in reader
    assert 'href="03-read-the-quotes.html"' in analyst


def test_pages_load_nothing_from_outside_and_carry_no_script(pages):
    for page in pages:
        assert "<script" not in page.lower()
        assert not re.search(r'(src|href)="(https?:)?//', page)
        assert "mathjax" not in page.lower() and "require.js" not in page.lower()
        assert f'content="{CSP}"' in page and "script-src" not in CSP  # default-src 'none'


def test_dollar_amounts_stay_text(pages):
    reader, _ = pages
    assert "$5 million to $10 million" in reader


def test_tables_drop_the_zero_based_index_and_show_missing_cells_one_way():
    df = pd.DataFrame({"figure": [1, 2, 3], "value": [1200.0, None, 45.5],
                       "text": ["1,200 people", pd.NA, "45%"]})
    html = tidy_table_html(df._repr_html_())
    assert "<th>0</th>" not in html and "<th></th>" not in html
    assert html.count(f'<td class="nt-missing nt-num">{MISSING}</td>') == 1
    assert html.count(f'<td class="nt-missing">{MISSING}</td>') == 1
    assert "NaN" not in html and "&lt;NA&gt;" not in html
    assert '<td class="nt-num">1200.0</td>' in html
    assert "<style" not in html


def test_row_labels_left_over_from_filtering_are_dropped_and_numbers_align_right():
    df = pd.DataFrame({"claim": ["15", "up to 500", "2,000"], "value": [15, 500, 2000]})
    html = tidy_table_html(df[df["value"] > 100]._repr_html_())
    assert "<th>1</th>" not in html and "<th>2</th>" not in html
    assert '<th class="nt-num">value</th>' in html and "<th>claim</th>" in html
    assert "<td>up to 500</td>" in html and "<td>2,000</td>" in html


def test_a_meaningful_index_is_kept():
    df = pd.DataFrame({"count": [3, 1]}, index=pd.Index(["enforcement", "threat"], name="frame"))
    html = tidy_table_html(df._repr_html_())
    assert "<th>enforcement</th>" in html


def test_title_and_one_line_purpose_come_from_the_first_markdown_cell(tmp_path):
    nb = nbformat.read(executed_notebook(tmp_path), as_version=4)
    assert notebook_title(nb) == "Read the quotes"
    assert notebook_purpose(nb) == "Who speaks and how much: every quote."
    assert notebook_purpose(nb, limit=20) == "Who speaks and how much."


def test_text_cut_at_the_column_width_is_cut_between_words():
    with pd.option_context("display.max_colwidth", 30):
        html = tidy_table_html(pd.DataFrame(
            {"text": ["Around 45% of the 2,000 arrivals were from Türkiye"]})._repr_html_())
    assert "<td>Around 45% of the 2,000 …</td>" in html


PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5E"
       "rkJggg==")


def every_output_kind() -> list:
    """Cells with a titled and an untitled image, streams, an error, a plain-text result and
    a markdown cell."""
    return [
        new_code_cell("show(chart)", execution_count=4, outputs=[new_output(
            "display_data", data={"image/png": PNG, "text/plain": "image"},
            metadata={"image/png": {"width": 600, "alt": "Arrivals <by> month"}})]),
        new_code_cell("show(other)", execution_count=5, outputs=[new_output(
            "display_data", data={"image/png": PNG, "text/plain": "image"})]),
        new_code_cell("print(x); 1 / 0", execution_count=6, outputs=[
            new_output("stream", name="stdout", text="some text\n"),
            new_output("stream", name="stderr", text="a warning\n"),
            new_output("error", ename="ZeroDivisionError", evalue="division by zero",
                       traceback=["ZeroDivisionError: division by zero"])]),
        new_code_cell("len(rows)", execution_count=7, outputs=[new_output(
            "execute_result", execution_count=7, data={"text/plain": "42"})]),
        new_markdown_cell("## A section\n\nSome prose with a [link](https://example.org)."),
    ]


def test_images_have_alternative_text_and_cells_take_the_keyboards_focus(tmp_path):
    notebook = executed_notebook(tmp_path)
    nb = nbformat.read(notebook, as_version=4)
    nb.cells += every_output_kind()
    nbformat.write(nb, notebook)
    for page in render_pages(notebook):
        html = page.read_text(encoding="utf-8")
        (img, other) = re.findall(r"<img\b[^>]*>", html)
        assert 'alt="Arrivals &lt;by&gt; month"' in img and img.count("alt=") == 1
        assert 'alt="No description has been provided for this image"' in other  # nbconvert's
        assert f"base64,{PNG}" in img and "width=600" in img.replace('"', "")
        outputs = re.findall(r'<div\b[^>]*\bjp-OutputArea-output\b[^>]*>', html)
        assert len(outputs) == 7 and all('tabindex="0"' in div for div in outputs)
        # markdown cells' text is focusable on both pages, as nbconvert makes it
        inputs = re.findall(r'<div class="jp-Cell-inputWrapper"[^>]*>', html)
        assert len(inputs) >= 2 and all('tabindex="0"' in div for div in inputs)
    analyst = render_pages(notebook)[1].read_text(encoding="utf-8")
    inputs = re.findall(r'<div class="jp-Cell-inputWrapper"[^>]*>', analyst)
    assert len(inputs) == 9 and all('tabindex="0"' in div for div in inputs)


def test_markup_in_an_output_is_left_as_the_notebook_wrote_it(tmp_path):
    own = ('<div class="jp-Cell-inputWrapper"><div class="box"><img src="x.png"></div>'
           '<p title="a>b">kept</p></div>')
    notebook = executed_notebook(tmp_path, outputs_html=own)
    for page in render_pages(notebook):
        assert own in page.read_text(encoding="utf-8")


def test_pages_are_what_nbconverts_own_exporter_writes(tmp_path):
    """The exporter skips HTMLExporter's BeautifulSoup pass because the template writes what
    that pass adds: the same page, once BeautifulSoup has normalised its markup."""
    from bs4 import BeautifulSoup
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    from newstables.run import notebook_pages as pages

    notebook = executed_notebook(tmp_path, markdown="A **finding**, $5 to $10.")
    nb = nbformat.read(notebook, as_version=4)
    nb.cells += every_output_kind()
    pages.tidy_outputs(nb)
    for reader in (True, False):
        exporter = pages._exporter(reader)
        plain = HTMLExporter(config=exporter.config)  # the same template and options
        if reader:
            plain.register_preprocessor(
                TagRemovePreprocessor(remove_cell_tags=set(pages.HIDDEN_FOR_READERS)),
                enabled=True)
        shown = pages.for_readers(nb) if reader else nb
        theirs, _ = plain.from_notebook_node(
            shown, resources=pages._resources(notebook.name, reader, "Read the quotes"))
        ours, _ = exporter.from_notebook_node(
            shown, resources=pages._resources(notebook.name, reader, "Read the quotes"))
        assert str(BeautifulSoup(ours, features="html.parser")) == theirs


def test_cells_rendered_ahead_give_the_same_pages_without_rendering_again(tmp_path,
                                                                        monkeypatch):
    import nbconvert.exporters.html as html_exporter
    import nbconvert.filters.highlight as highlight

    from newstables.run import notebook_pages

    path = executed_notebook(tmp_path)
    for cache in (notebook_pages._HIGHLIGHTED, notebook_pages._MARKDOWN):
        cache.clear()
    cold = [page.read_bytes() for page in render_pages(path)]
    for cache in (notebook_pages._HIGHLIGHTED, notebook_pages._MARKDOWN):
        cache.clear()
    notebook_pages.remember_cells([str(path)])  # as the fork server does for the notebooks

    def rendered_again(*args, **kwargs):
        raise AssertionError("a cell rendered ahead was rendered again")

    monkeypatch.setattr(highlight, "_pygments_highlight", rendered_again)
    monkeypatch.setattr(html_exporter, "MarkdownWithMath", rendered_again)
    assert [page.read_bytes() for page in render_pages(path)] == cold


def test_a_notebook_that_cannot_be_rendered_ahead_is_skipped(tmp_path):
    from newstables.run import notebook_pages

    bad = new_notebook(cells=[new_markdown_cell("![x](attachment:missing.png)")])
    bad_path = tmp_path / "01-bad.ipynb"
    nbformat.write(bad, bad_path)
    good = executed_notebook(tmp_path)
    for cache in (notebook_pages._HIGHLIGHTED, notebook_pages._MARKDOWN):
        cache.clear()
    notebook_pages.remember_cells([str(bad_path), str(good)])  # no error: the good one is read
    assert notebook_pages._HIGHLIGHTED and notebook_pages._MARKDOWN
    # a page rendered after that keeps no cells of its own
    kept = len(notebook_pages._MARKDOWN)
    render_pages(executed_notebook(tmp_path, markdown="Only *this* article's words"))
    assert len(notebook_pages._MARKDOWN) == kept
