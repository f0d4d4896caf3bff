"""The two HTML pages of an executed notebook: the reader's and the analyst's.

``NN-name.html`` is the reader's page: no code, no parameters cells, titled with the
notebook's own ``#`` title. ``NN-name.code.html`` is the analyst's: every cell with its code.
Both are self-contained (charts inlined, no script or font loaded from anywhere), carry a
Content-Security-Policy that forbids scripts and outside requests, and link back to the
report's index and to each other. Tables drop pandas' 0-based row index, put text on the
left and numbers on the right, cut long text between words, and show every missing value
one way (an empty cell).
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from newstables import paths

TEMPLATES = paths.PACKAGE_DIR / "templates"
ANALYST_SUFFIX = ".code.html"
HIDDEN_FOR_READERS = ("parameters", "injected-parameters")
MISSING = ""  # how an empty cell is shown, as the notebooks' own tables show it
# What pandas writes for a missing value in an HTML table.
_MISSING_TEXT = {"NaN", "nan", "None", "<NA>", "NaT", ""}

# Nothing leaves the page: no script runs, images and styles come from the page itself.
CSP = ("default-src 'none'; img-src 'self' data: file:; style-src 'self' 'unsafe-inline'; "
       "font-src 'self' data:; base-uri 'none'; form-action 'none'")

CSS = """
.nt-nav { display: flex; gap: 1.5rem; align-items: baseline; flex-wrap: wrap;
  padding: .6rem 1rem; margin: 0 0 1rem; border-bottom: 1px solid #ddd;
  font: 15px/1.4 system-ui, sans-serif; }
.nt-nav a { color: #1f5f8b; }
.nt-version { color: #555; }
.jp-OutputArea-output.jp-RenderedHTMLCommon { overflow-x: auto; }
.jp-RenderedHTMLCommon table { table-layout: auto; }
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td,
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon th { text-align: left; vertical-align: top;
  overflow-wrap: normal; word-break: normal; hyphens: none; }
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon .nt-num { text-align: right;
  font-variant-numeric: tabular-nums; white-space: nowrap; }
.jp-RenderedHTMLCommon td.nt-missing { color: #767676; }
.jp-RenderedHTMLCommon td { min-width: 3ch; }
.jp-RenderedMarkdown code { white-space: nowrap; }
"""

_TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)
_NUMBER = re.compile(r"[-+−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?")
_DATAFRAME = re.compile(r'<table[^>]*class="dataframe"', re.S)


def notebook_title(nb) -> str:
    """The notebook's own ``#`` title (its file name when it has none)."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = _TITLE.search(cell.source)
            if m:
                return _plain(m.group(1))
    return ""


def notebook_purpose(nb, limit: int = 140) -> str:
    """One line on what the notebook shows: the first sentence under its title, cut at its
    first colon, semicolon or dash when longer than ``limit`` characters."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for block in cell.source.split("\n\n"):
            block = " ".join(block.split())
            if block and not block.startswith(("#", "**")):
                first = re.split(r"(?<=[.?!])\s+(?=[A-Z])", _plain(block), maxsplit=1)[0]
                if len(first) > limit:
                    first = re.split(r"[:;]\s|\s[—–]\s", first, maxsplit=1)[0]
                first = first.rstrip(" .")
                return first + ("" if first.endswith(("?", "!")) else ".")
        break
    return ""


def _plain(markdown: str) -> str:
    """Markdown inline text as plain text: no backticks, emphasis or link syntax."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[`*]|(?<!\w)_|_(?!\w)", "", text).strip()


def analyst_page_name(notebook: Path | str) -> str:
    """``NN-name.code.html`` for ``NN-name.ipynb``."""
    return Path(notebook).stem + ANALYST_SUFFIX


def reader_page_name(notebook: Path | str) -> str:
    """``NN-name.html`` for ``NN-name.ipynb``."""
    return Path(notebook).stem + ".html"


def _drop_row_labels(table) -> None:
    """Drop pandas' row labels when they are an unnamed run of integers (0-based, or left
    over from filtering): they mean nothing to a reader, and sit beside the 1-based ids."""
    thead, tbody = table.find("thead"), table.find("tbody")
    if thead is None or tbody is None or len(thead.find_all("tr")) != 1:
        return
    rows = tbody.find_all("tr")
    heads = [row.find_all("th") for row in rows]
    if not rows or any(len(h) != 1 for h in heads):
        return
    labels = [h[0].get_text(strip=True) for h in heads]
    corner = thead.find("tr").find("th")
    if corner is None or corner.get_text(strip=True) or not all(
        re.fullmatch(r"\d+", label) for label in labels
    ):
        return
    corner.decompose()
    for h in heads:
        h[0].decompose()


def tidy_table_html(html: str) -> str:
    """A pandas table as a reader reads it: no meaningless row labels, text on the left and
    numeric columns on the right, text cut between words, every missing value an empty cell.
    Other HTML is returned unchanged."""
    if not _DATAFRAME.search(html):
        return html
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for table in soup.find_all("table", class_="dataframe"):
        _drop_row_labels(table)
        columns: dict[int, list] = {}
        for row in table.find("tbody").find_all("tr") if table.find("tbody") else []:
            for j, td in enumerate(row.find_all("td")):
                columns.setdefault(j, []).append(td)
        numeric = set()
        for j, cells in columns.items():
            values = [td.get_text().strip() for td in cells]
            present = [v for v in values if v not in _MISSING_TEXT]
            if present and all(_NUMBER.fullmatch(v) for v in present):
                numeric.add(j)
            for td, text in zip(cells, (td.get_text() for td in cells), strict=True):
                if text.strip() in _MISSING_TEXT:
                    td.string = MISSING
                    td["class"] = ["nt-missing", "nt-num"] if j in numeric else ["nt-missing"]
                elif j in numeric:
                    td["class"] = ["nt-num"]
                elif text.endswith("...") and len(text) > 6:
                    td.string = whole_words(text[:-3])
        header_rows = table.find("thead").find_all("tr") if table.find("thead") else []
        if len(header_rows) == 1:
            labels = len(table.find("tbody").find("tr").find_all("th")) if columns else 0
            for j, th in enumerate(header_rows[0].find_all("th")[labels:]):
                if j in numeric:
                    th["class"] = ["nt-num"]
        for row in table.find_all("tr"):
            row.attrs.pop("style", None)  # pandas right-aligns the header row inline
    for style in soup.find_all("style"):
        style.decompose()  # pandas' scoped style right-aligns headers; the page styles tables
    return str(soup)


def whole_words(cut: str) -> str:
    """Text that pandas cut at a column width, cut instead after its last whole word."""
    words = cut.rsplit(None, 1)[0] if cut and not cut[-1].isspace() and " " in cut else cut
    return words.rstrip(" ,;:-") + " …"


def tidy_outputs(nb) -> None:
    """Apply :func:`tidy_table_html` to every HTML output of ``nb`` (in place)."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/html" in data:
                html = data["text/html"]
                html = "".join(html) if isinstance(html, list) else html
                data["text/html"] = tidy_table_html(html)


# A code cell's highlighted HTML and a markdown cell's HTML depend only on their text (and
# the exporter's settings); the collection's notebooks are the same for every article. The
# runner's fork server renders the cells of the notebooks a run executes before it forks
# the workers (``remember_cells``), so a worker renders only what the article changed: the
# outputs and the parameters cell.
_HIGHLIGHTED: dict[tuple, str] = {}
_MARKDOWN: dict[tuple, str] = {}
_remembering = False  # only the notebooks' own cells are kept, not each article's outputs
NOTEBOOKS_ENV = "NEWSTABLES_PAGE_NOTEBOOKS"  # the notebooks whose cells the server renders


def _remember(cache: dict, key: tuple, value: str) -> str:
    if _remembering:
        cache[key] = value
    return value


def remember_cells(notebooks: list[str]) -> None:
    """Render the code and markdown cells of ``notebooks`` (paths), as both pages show them,
    into this process's caches; a notebook that cannot be read or rendered is skipped (its
    own run reports it)."""
    import nbformat

    global _remembering
    _remembering = True
    try:
        for path in notebooks:
            try:
                nb = nbformat.read(path, as_version=4)
                for reader in (True, False):
                    _exporter(reader).from_notebook_node(
                        for_readers(nb) if reader else nb,
                        resources=_resources(Path(path).name, reader, notebook_title(nb) or "x"))
            except Exception:  # noqa: BLE001 - a faster page is all this is for
                continue
    finally:
        _remembering = False


@functools.cache
def _page_exporter_class():
    from jinja2 import pass_context
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class RememberedHighlight(Highlight2HTML):
        """Highlight2HTML, each cell's text highlighted once per process."""

        def __call__(self, source, language=None, metadata=None):
            key = (source, language or self.pygments_lexer,
                   (metadata or {}).get("magics_language"), repr(self.extra_formatter_options))
            found = _HIGHLIGHTED.get(key)
            return found if found is not None else _remember(
                _HIGHLIGHTED, key, super().__call__(source, language, metadata))

    class PageExporter(HTMLExporter):
        """nbconvert's HTML exporter without its last step. ``HTMLExporter`` parses each page
        it has written with BeautifulSoup, to give images without one an alternative text and
        to make inputs and outputs focusable, and writes the page out again: two-thirds of
        the page's time. The newstables template writes those attributes as it goes. Code
        and markdown cells are rendered once per process (``remember_cells``)."""

        @pass_context
        def markdown2html(self, context, source):
            if context.get("cell", {}).get("attachments") or self.embed_images:
                return super().markdown2html(context, source)  # (reads files)
            key = (source, self.anchor_link_text, self.exclude_anchor_links)
            found = _MARKDOWN.get(key)
            return found if found is not None else _remember(
                _MARKDOWN, key, super().markdown2html(context, source))

        def from_notebook_node(self, nb, resources=None, **kw):
            # HTMLExporter.from_notebook_node up to its parse: the filters it registers.
            info = nb.metadata.get("language_info", {})
            lexer = info.get("pygments_lexer", info.get("name", None))
            self.register_filter("highlight_code", self.filters.get(
                "highlight_code", RememberedHighlight(pygments_lexer=lexer, parent=self)))
            resources = self._init_resources(resources)
            self.register_filter("filter_data_type", WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources))
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    return PageExporter


@functools.cache
def _exporter(reader: bool):
    from nbconvert.preprocessors import TagRemovePreprocessor
    from traitlets.config import Config

    config = Config()
    config.HTMLExporter.extra_template_basedirs = [str(TEMPLATES)]
    config.HTMLExporter.template_name = "newstables"
    # The notebook is validated once, after the preprocessors, not after each of them.
    config.HTMLExporter.optimistic_validation = True
    if reader:
        config.HTMLExporter.exclude_input = True
        config.HTMLExporter.exclude_input_prompt = True
        config.HTMLExporter.exclude_output_prompt = True
    exporter = _page_exporter_class()(config=config)
    if reader:
        remove = TagRemovePreprocessor(remove_cell_tags=set(HIDDEN_FOR_READERS))
        exporter.register_preprocessor(remove, enabled=True)
    return exporter


def warm_up() -> None:
    """Load both exporters' templates now (worker processes fork after this)."""
    import nbformat.v4

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# warm"),
                                         nbformat.v4.new_code_cell("1")])
    for reader in (True, False):
        _exporter(reader).from_notebook_node(nb, resources=_resources("x.ipynb", reader, "x"))
    remember_cells([p for p in os.environ.get(NOTEBOOKS_ENV, "").split(os.pathsep) if p])


def _resources(notebook: str, reader: bool, title: str) -> dict:
    other = analyst_page_name(notebook) if reader else reader_page_name(notebook)
    return {
        "metadata": {"name": title},
        "newstables": {
            "csp": CSP,
            "css": CSS,
            "index_href": "index.html",
            "other_href": other,
            "version_label": "Reader's version" if reader else "Analyst's version, with code",
            "other_label": "Show the code" if reader else "Hide the code",
        },
    }


def for_readers(nb):
    """A copy of ``nb`` without the paragraph naming its inputs and output files: that is
    for analysts (the analyst's page keeps it)."""
    import copy

    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "**Inputs:**" in cell.source:
            cell.source = "\n\n".join(block for block in cell.source.split("\n\n")
                                       if not block.lstrip().startswith("**Inputs:**"))
    return nb


def render_pages(executed: Path) -> tuple[Path, Path]:
    """Write the reader's and the analyst's page of ``executed`` beside it."""
    import nbformat

    nb = nbformat.read(executed, as_version=4)
    title = notebook_title(nb) or executed.stem
    nb.metadata["title"] = title
    tidy_outputs(nb)
    written = []
    for reader, name in ((True, reader_page_name(executed)),
                         (False, analyst_page_name(executed))):
        body, _ = _exporter(reader).from_notebook_node(
            for_readers(nb) if reader else nb,
            resources=_resources(executed.name, reader, title))
        page = executed.with_name(name)
        page.write_text(body, encoding="utf-8")
        written.append(page)
    return written[0], written[1]
