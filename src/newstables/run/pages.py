"""The run's index pages: where a reader starts. Plain offline HTML, every text escaped.

An article's ``index.html`` gives the article (title, outlet, date, link), its key findings,
each notebook's reader's and analyst's page with a one-line description, the charts as
titled thumbnails (their SVGs, scaled), the tables with their titles and row counts, and the
run in words. The collection's ``index.html`` lists every article with its date and headline
findings.
"""

from __future__ import annotations

import csv
import datetime as dt
import fnmatch
import html
import json
import re
from collections import Counter
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote, urlsplit

from newstables.extract.article import Article, is_web_address
from newstables.run.locks import atomic_write_text
from newstables.run.notebook_pages import CSP, analyst_page_name, reader_page_name

HEADLINES = 3  # findings per article on the collection index

# The tables every run extracts (``write_tables``), as a reader would name them.
BASE_TABLES = {
    "paragraphs": "The article's paragraphs, with character offsets",
    "sentences": "The article's sentences, with their paragraph and offsets",
    "actors": "People, organisations and places named",
    "mentions": "Every mention of an actor in the text",
    "quotes": "Quoted passages with their speakers",
    "figures": "Every number the article states",
    "events": "Dated events and time expressions",
    "measures": "Measures and commitments reported",
}

_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 68rem; margin: 1.5rem auto;
       padding: 0 1rem; color: #222; }
h1 { font-size: 1.7rem; margin: .5rem 0; } h2 { font-size: 1.25rem; margin-top: 2.2rem;
     border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
a { color: #1f5f8b; }
.meta, .status, .note { color: #444; }
.failed { color: #b00020; font-weight: bold; }
table { border-collapse: collapse; width: 100%; }
td, th { padding: .35rem .7rem; text-align: left; vertical-align: top;
         border-bottom: 1px solid #e4e4e4; }
th { font-weight: 600; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
@media (max-width: 30rem) { td, th { padding: .3rem .35rem; overflow-wrap: anywhere; } }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
          gap: 1.2rem; }
figure { margin: 0; } figure img { width: 100%; height: auto; border: 1px solid #e4e4e4; }
figcaption { font-size: .92rem; } figcaption small, td small { color: #555; }
small.file { white-space: nowrap; }
blockquote { color: #333; border-left: 3px solid #ccc; margin-left: 0; padding-left: 1rem; }
blockquote small { color: #767676; margin-right: .4rem; }
nav { font-size: .95rem; }
"""


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


def _href(relative: str) -> str:
    """A relative link, percent-encoded and escaped for an attribute."""
    return escape(quote(relative, safe="/#"))


def date_in_words(value: str | dt.date | None) -> str:
    """``2023-08-09`` as ``9 August 2023``; anything else as given, or "date unknown"."""
    if not value:
        return "date unknown"
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{day.day} {day:%B %Y}"


def moment_in_words(value: str) -> str:
    """An ISO timestamp as ``3 December 2026 at 06:19 UTC``."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return str(value)
    zone = "UTC" if moment.utcoffset() == dt.timedelta(0) else moment.strftime("%z")
    return f"{date_in_words(moment.date())} at {moment:%H:%M} {zone}"


def duration_in_words(seconds: float) -> str:
    """``75.2`` as ``1 minute 15 seconds``; under ten seconds with one decimal."""
    if seconds < 10:
        return f"{seconds:.1f} seconds"
    minutes, rest = divmod(round(seconds), 60)
    parts = [f"{minutes} minute{'s' if minutes != 1 else ''}"] if minutes else []
    if rest or not minutes:
        parts.append(f"{rest} second{'s' if rest != 1 else ''}")
    return " ".join(parts)


@dataclass(frozen=True)
class NotebookEntry:
    stem: str
    title: str
    purpose: str
    status: str
    seconds: float
    error: str


@dataclass(frozen=True)
class Output:
    """A chart or table of the report and where a reader finds it explained."""

    name: str
    title: str
    notebook: str  # stem of the notebook that made it ("" if none says so)
    section: str


_SAVED = re.compile(r"save_(table|figure)\(\s*[^,()]+,\s*[\"']([^\"']+)[\"']")
_OUTPUT_PATTERN = re.compile(r"`((?:tables|figures)/[^`|]+?)(?:\|[a-z]+)?`")


def _read_notebook(path: Path):
    import nbformat

    try:
        return nbformat.read(path, as_version=4)
    except (OSError, ValueError):
        return None


def _notebooks(folder: Path, record: dict) -> list[tuple[NotebookEntry, dict | None]]:
    from newstables.run.notebook_pages import notebook_purpose, notebook_title

    found = []
    for item in record["notebooks"]:
        stem = Path(item["notebook"]).stem
        nb = _read_notebook(folder / item["notebook"])
        title = (notebook_title(nb) if nb else "") or stem
        purpose = notebook_purpose(nb) if nb else ""
        found.append((NotebookEntry(stem, title, purpose, item["status"], item["seconds"],
                                    item.get("error", "")), nb))
    return found


def _outputs_made(notebooks: list[tuple[NotebookEntry, dict | None]]) -> tuple[dict, list]:
    """Which notebook saved each table and chart, under which ``##`` heading: from the
    notebooks' code (a literal name) or the Outputs line of their introduction (a pattern)."""
    named: dict[tuple[str, str], tuple[str, str]] = {}
    patterns: list[tuple[str, str]] = []
    for entry, data in notebooks:
        if not data:
            continue
        heading = ""
        for cell in data.get("cells", []):
            source = "".join(cell.get("source", ""))
            if cell.get("cell_type") == "markdown":
                for line in source.splitlines():
                    if line.startswith("## "):
                        heading = line[3:].strip()
                    if line.startswith("**Outputs"):
                        patterns += [(p, entry.stem) for p in _OUTPUT_PATTERN.findall(source)]
            elif cell.get("cell_type") == "code":
                for kind, name in _SAVED.findall(source):
                    named.setdefault((kind, name), (entry.stem, heading))
    return named, patterns


def _made_by(kind: str, name: str, named: dict, patterns: list) -> tuple[str, str]:
    if (kind, name) in named:
        return named[(kind, name)]
    path = f"tables/{name}.csv" if kind == "table" else f"figures/{name}.png"
    matching = [(len(p.replace("*", "")), stem) for p, stem in patterns
                if fnmatch.fnmatchcase(path, p.replace(".png|svg", ".png"))]
    return (max(matching)[1], "") if matching else ("", "")


_SVG_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def chart_title(chart: Path) -> str:
    """The title a chart was saved with (a PNG's metadata, an SVG's ``<title>``), else its
    file name in words."""
    title = ""
    try:
        if chart.suffix == ".svg":
            with chart.open(encoding="utf-8") as handle:
                found = _SVG_TITLE.search(handle.read(16_384))
            title = html.unescape(found.group(1)).strip() if found else ""
        else:
            from PIL import Image

            with Image.open(chart) as image:
                title = str(image.info.get("Title", "")).strip()
    except (OSError, ValueError, ImportError):
        title = ""
    return title or chart.stem.replace("-", " ").capitalize()


def count_rows(table: Path) -> int:
    """Data rows of a CSV file (quoted line breaks do not count)."""
    with table.open(encoding="utf-8", newline="") as handle:
        return max(0, sum(1 for _ in csv.reader(handle)) - 1)


def read_findings(folder: Path) -> list[dict[str, str]]:
    """``tables/summary-findings.csv`` (section, finding, notebook) if the run made it."""
    path = folder / "tables" / "summary-findings.csv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row.get("finding")]


def _section_title(section: str) -> str:
    from newstables.analyse.summary import SECTION_TITLES

    return SECTION_TITLES.get(section, section.replace("-", " ").capitalize())


def _article_link(meta: dict) -> str:
    url = meta.get("url")
    if not is_web_address(url):
        return ""
    host = urlsplit(url).hostname or url
    return (f'<a href="{escape(url)}" rel="noopener noreferrer">Read it at '
            f"{escape(host)}</a>")


def _run_in_words(record: dict, entries: list[NotebookEntry]) -> str:
    ok = sum(e.status == "ok" for e in entries)
    when = moment_in_words(record["ended"])
    took = duration_in_words(float(record.get("seconds", 0)))
    if record["status"] == "ok":
        state = f"all {len(entries)} notebooks ran" if len(entries) > 1 else "the notebook ran"
        return f"Made on {when}: {state} in {took}."
    return (f'<span class="failed">Run failed</span> on {when}: {ok} of {len(entries)} '
            f"notebooks ran; {escape(record.get('error', ''))}")


def write_article_index(folder: Path, article: Article, record: dict) -> Path:
    """``index.html`` for one article's report."""
    meta = article.metadata
    notebooks = _notebooks(folder, record)
    entries = [entry for entry, _ in notebooks]
    named, patterns = _outputs_made(notebooks)
    titles = {e.stem: e.title for e in entries}

    def source_note(stem: str, section: str) -> str:
        if not stem:
            return ""
        where = escape(titles.get(stem, stem)) + (f" › {escape(section)}" if section else "")
        return f'<small>in <a href="{_href(reader_page_name(stem))}">{where}</a></small>'

    byline = " · ".join(
        part for part in (escape(str(meta.get("outlet", ""))),
                          escape(date_in_words(meta.get("published"))),
                          _article_link(meta)) if part
    )
    findings = read_findings(folder)
    findings_html = ""
    if findings:
        blocks, current = [], None
        for row in findings:
            if row.get("section") != current:
                if current is not None:
                    blocks.append("</ul>")
                current = row.get("section", "")
                blocks.append(f"<h3>{escape(_section_title(current))}</h3>\n<ul>")
            note = source_note(row.get("notebook", ""), "")
            blocks.append(f"<li>{escape(row['finding'])} {note}</li>")
        blocks.append("</ul>")
        findings_html = "<h2 id=\"findings\">Key findings</h2>\n" + "\n".join(blocks)

    notebook_rows = "\n".join(
        f'<tr><td><a href="{_href(reader_page_name(e.stem))}">{escape(e.title)}</a><br>'
        f'<small class="file">{escape(e.stem)}</small></td><td>{escape(e.purpose)}</td>'
        f'<td><a href="{_href(analyst_page_name(e.stem))}">with code</a> · '
        f'<a href="{_href(e.stem + ".ipynb")}">notebook</a></td>'
        + (f"<td>ran in {escape(duration_in_words(e.seconds))}</td></tr>" if e.status == "ok"
           else f'<td class="failed">failed: {escape(e.error)}</td></tr>')
        for e in entries
    )

    order = {e.stem: i for i, e in enumerate(entries)}
    # A chart saved as PNG and SVG, or as either alone (the notebooks' figure_formats).
    saved = {p.name for p in (folder / "figures").glob("*.*") if p.suffix in (".png", ".svg")}
    names = sorted({n.rsplit(".", 1)[0] for n in saved}, key=lambda name: (
        order.get(_made_by("figure", name, named, patterns)[0], len(order)), name + "."))
    charts = []
    for name in names:
        png, svg = folder / "figures" / f"{name}.png", folder / "figures" / f"{name}.svg"
        has_png, has_svg = png.name in saved, svg.name in saved
        title = chart_title(png if has_png else svg)
        stem, section = _made_by("figure", name, named, patterns)
        # The chart's SVG is its thumbnail: sharp at any width, and smaller than a reduced
        # PNG (an article's 15 SVGs are about 390 KB, their PNG thumbnails were 475 KB).
        small = svg if has_svg else png
        svg_link = (f' · <a href="{_href(svg.relative_to(folder).as_posix())}">SVG</a>'
                    if has_svg and has_png else "")
        charts.append(
            f'<figure><a href="{_href((png if has_png else svg).relative_to(folder).as_posix())}">'
            f'<img src="{_href(small.relative_to(folder).as_posix())}" alt="{escape(title)}">'
            f"</a><figcaption>{escape(title)}{svg_link}<br>{source_note(stem, section)}"
            "</figcaption></figure>"
        )

    table_rows = []
    csvs = sorted((folder / "tables").glob("*.csv"), key=lambda p: (
        p.stem not in BASE_TABLES,
        order.get(_made_by("table", p.stem, named, patterns)[0], len(order)), p.name))
    made_by = {table: _made_by("table", table.stem, named, patterns) for table in csvs}
    sections = Counter(made_by.values())
    for table in csvs:
        stem, section = made_by[table]
        # a heading that saved several tables does not tell them apart: the file's name does
        title = BASE_TABLES.get(table.stem) or (section if section and sections[stem, section] == 1
                                                else table.stem.replace("-", " ").capitalize())
        if table.stem in BASE_TABLES:
            stem, section = "", ""
        rows = count_rows(table)
        table_rows.append(
            f'<tr><td>{escape(title)}<br>{source_note(stem, section)}</td>'
            f'<td><a href="{_href(table.relative_to(folder).as_posix())}">'
            f"{escape(table.name)}</a></td><td class=\"num\">{rows:,}</td></tr>"
        )

    paragraphs = "\n".join(
        f"<p><small>{p.number}</small>{escape(p.text)}</p>" for p in article.paragraphs
    )
    body = f"""<nav><a href="../index.html">&larr; All reports</a></nav>
<h1>{escape(article.title)}</h1>
<p class="meta">{byline}</p>
<p class="status">{_run_in_words(record, entries)} Parameters and library versions are in
<a href="run.json">run.json</a>.</p>
<nav class="contents">{'<a href="#findings">Key findings</a> · ' if findings else ''}<a
href="#notebooks">Notebooks</a> · <a href="#charts">Charts</a> · <a href="#tables">Tables</a> ·
<a href="#article">The article</a></nav>
{findings_html}
<h2 id="notebooks">Notebooks</h2>
<table><tr><th>notebook</th><th>what it shows</th><th>other versions</th><th>run</th></tr>
{notebook_rows}
</table>
<h2 id="charts">Charts</h2>
{'<div class="charts">' + chr(10).join(charts) + '</div>' if charts else '<p>No charts.</p>'}
<h2 id="tables">Tables</h2>
<p class="note">Each table as CSV, one row per item. The article's own tables come first; in
them every row says where in the article it came from (its paragraph, or its first one).</p>
<table><tr><th>table</th><th>file</th><th>rows</th></tr>
{chr(10).join(table_rows)}
</table>
<h2 id="article">The article</h2>
<blockquote>
{paragraphs}
</blockquote>"""
    index = folder / "index.html"
    index.write_text(_page(article.title, body), encoding="utf-8")
    return index


def write_collection_index(root: Path) -> Path:
    """``index.html`` across every article report under ``root``."""
    items = []
    records = []
    for run_json in sorted(root.glob("*/run.json")):
        if run_json.parent.name.startswith("."):
            continue  # a run under way or interrupted, not a report
        try:
            record = json.loads(run_json.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        records.append((run_json, record))
    # Newest article first; articles without a date last.
    records.sort(key=lambda item: item[0].parent.name)
    records.sort(key=lambda item: item[1]["parameters"].get("published") or "", reverse=True)
    for run_json, record in records:
        folder = run_json.parent.name
        failed = sorted((run_json.parent / "failed").glob("*/run.json"))
        note = (f" <small>{len(failed)} later run(s) failed; kept in "
                f"{escape(folder)}/failed/</small>" if failed else "")
        headlines, seen = [], set()
        for row in read_findings(run_json.parent):
            if row.get("section") not in seen and len(headlines) < HEADLINES:
                seen.add(row.get("section"))
                headlines.append(f"<li>{escape(row['finding'])}</li>")
        byline = " · ".join(
            part for part in (escape(str(record.get("outlet") or "")),
                              escape(date_in_words(record["parameters"].get("published"))))
            if part
        )
        items.append(
            f'<section><h2><a href="{_href(folder)}/index.html">'
            f"{escape(str(record.get('title') or folder))}</a></h2>\n"
            f'<p class="meta">{byline}</p>\n'
            + (f"<ul>{''.join(headlines)}</ul>\n" if headlines else "")
            + f'<p class="status">Last good run: {escape(moment_in_words(record["ended"]))}.'
            f"{note}</p></section>"
        )
    count = f"{len(items)} article{'s' if len(items) != 1 else ''}"
    body = (f"<h1>newstables reports</h1>\n<p class=\"meta\">{count}, each with its notebooks, "
            "charts and tables.</p>\n" + "\n".join(items))
    index = root / "index.html"
    atomic_write_text(index, _page("newstables reports", body))
    return index
