"""The run's index pages: plain offline HTML, every piece of text escaped."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from newstables.extract.article import Article
from newstables.run.locks import atomic_write_text

_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; } td, th { padding: .2rem .8rem; text-align: left;
       border-bottom: 1px solid #ddd; }
.failed { color: #b00020; font-weight: bold; } .ok { color: #2e7d32; }
blockquote { color: #444; border-left: 3px solid #ccc; margin-left: 0; padding-left: 1rem; }
"""


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


def _links(folder: Path, pattern: str) -> str:
    items = [
        f'<li><a href="{escape(p.relative_to(folder).as_posix())}">'
        f"{escape(p.relative_to(folder).as_posix())}</a></li>"
        for p in sorted(folder.glob(pattern))
    ]
    return "<ul>\n" + "\n".join(items) + "\n</ul>" if items else "<p>None.</p>"


def write_article_index(folder: Path, article: Article, record: dict) -> Path:
    """``index.html`` for one article's report: notebooks, charts, tables, the article text."""
    rows = "\n".join(
        f"<tr><td><a href=\"{escape(Path(nb['notebook']).with_suffix('.html').name)}\">"
        f"{escape(nb['notebook'])}</a></td><td class=\"{escape(nb['status'])}\">"
        f"{escape(nb['status'])}</td><td>{nb['seconds']:.1f} s</td></tr>"
        for nb in record["notebooks"]
    )
    meta = article.metadata
    source = ""
    if meta.get("url"):
        source = f'<p>Source: <a href="{escape(str(meta["url"]))}">{escape(str(meta["url"]))}</a>'
        source += f" ({escape(str(meta.get('outlet', '')))})</p>" if meta.get("outlet") else "</p>"
    paragraphs = "\n".join(
        f"<p><small>{p.number}</small> {escape(p.text)}</p>" for p in article.paragraphs
    )
    published = escape(str(meta.get("published", "unknown")))
    body = f"""<h1>{escape(article.title)}</h1>
<p>Article <code>{escape(article.id)}</code>, published {published}.
Run {escape(record['status'])}, {escape(record['started'])} to {escape(record['ended'])}
(<a href="run.json">run.json</a>).</p>
{source}
<h2>Notebooks</h2>
<table><tr><th>notebook</th><th>status</th><th>time</th></tr>
{rows}
</table>
<h2>Charts</h2>
{_links(folder, "figures/*.png")}
<h2>Tables</h2>
{_links(folder, "tables/*.csv")}
<h2>The article</h2>
<blockquote>
{paragraphs}
</blockquote>"""
    index = folder / "index.html"
    index.write_text(_page(article.title, body), encoding="utf-8")
    return index


def write_collection_index(root: Path) -> Path:
    """``index.html`` across every article report under ``root``."""
    rows = []
    for run_json in sorted(root.glob("*/run.json")):
        if run_json.parent.name.startswith("."):
            continue  # a run under way or interrupted, not a report
        try:
            record = json.loads(run_json.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        folder = run_json.parent.name
        failed = sorted((run_json.parent / "failed").glob("*/run.json"))
        note = f"; {len(failed)} failed run(s) kept in {folder}/failed/" if failed else ""
        rows.append(
            f'<tr><td><a href="{escape(folder)}/index.html">{escape(record.get("title", folder))}'
            f"</a></td><td>{escape(record['parameters'].get('published') or 'unknown')}</td>"
            f"<td>{escape(record['ended'])}</td><td>{escape(record['status'])}{escape(note)}</td>"
            "</tr>"
        )
    body = (
        "<h1>newstables reports</h1>\n<table><tr><th>article</th><th>published</th>"
        "<th>last good run</th><th>status</th></tr>\n" + "\n".join(rows) + "\n</table>"
    )
    index = root / "index.html"
    atomic_write_text(index, _page("newstables reports", body))
    return index
