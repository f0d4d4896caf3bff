"""What every notebook does first: load the article, extract its tables, set up outputs."""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newstables import charts, display, paths
from newstables.extract.article import Article, load_article
from newstables.extract.tables import ArticleTables, extract_tables
from newstables.figure_formats import DEFAULT as DEFAULT_FORMATS
from newstables.figure_formats import FORMATS, parse
from newstables.schema import write_table


@dataclass(frozen=True)
class NotebookContext:
    article: Article
    tables: ArticleTables
    output_dir: Path
    figure_formats: tuple[str, ...] = FORMATS

    def save_table(self, df: pd.DataFrame, name: str) -> Path:
        """Write ``df`` as ``tables/<name>.csv`` under the output folder."""
        return write_table(df, self.output_dir, name)

    def save_figure(self, fig, name: str) -> list[Path]:
        """Write the chart as ``figures/<name>.png`` and ``.svg`` under the output folder (the
        notebook's ``figure_formats``)."""
        return charts.save_figure(fig, self.output_dir, name, self.figure_formats)

    def show_figure(self, fig, name: str) -> list[Path]:
        """Save the chart as :meth:`save_figure` does and show the saved PNG (else the SVG) in
        the notebook; the figure is closed, so it is drawn once per file and not again."""
        return charts.show_figure(fig, self.output_dir, name, self.figure_formats)

    def shown(self, path: Path) -> str:
        """A path as the reader should see it: relative to the output folder."""
        return Path(path).relative_to(self.output_dir).as_posix()


# A short made-up report with what news sentences hold (names, a quote, dates, figures, a
# measure), extracted by warm_up so that the lexicons and rules behind each table are loaded.
_WARM_UP_TEXT = """Ministers agree plan on border patrols

The interior minister, Jane Doe, said on 3 March 2021 that 1,200 people crossed in 2020, \
up 20% from 2019. The two countries will set up a joint unit to tackle smuggling gangs.

“We will act this summer,” she told reporters in London. About 40 boats were stopped last \
year, according to the coastguard.
"""


def warm_up() -> None:
    """Load now what each notebook would otherwise load on first use: every catalogued
    reference series, the series vocabulary, the reference events, and the extraction
    lexicons; and a chart saved to memory (the fonts and image writers it loads). The kernel
    parent calls this before it forks kernels, so that each fresh kernel starts with them
    instead of reading them again."""
    from newstables import charts
    from newstables.analyse import series_lookup, series_match, timeline
    from newstables.extract.article import article_from_text

    series_lookup.preload()
    series_match.vocabulary()
    timeline.read_reference_events()
    extract_tables(article_from_text(_WARM_UP_TEXT, id="warm-up", published="2021-03-04"))
    charts.warm_up()


# Articles the kernel parent extracted before it forked their notebooks' kernels, by what the
# article is (text, date, metadata): each kernel then starts with the tables instead of
# extracting the same article again. Filled only in the kernel parent (extract_ahead).
_AHEAD: OrderedDict[str, ArticleTables] = OrderedDict()
_AHEAD_KEPT = 32  # articles kept: more than a runner has in flight


def _identity(art: Article) -> str:
    return json.dumps([art.id, art.text, str(art.published), art.metadata], sort_keys=True,
                      default=str)


def extract_ahead(article: str = "", published: str = "") -> None:
    """Extract ``article`` as :func:`prepare` would and keep its tables for the kernels forked
    after this call. The kernel parent calls it when a run starts an article; a kernel whose
    article reads differently (another text, date or metadata) extracts its own."""
    art = load_article(article or paths.SEED_ARTICLE, published=published or None)
    key = _identity(art)
    if key not in _AHEAD:
        _AHEAD[key] = extract_tables(art)
    _AHEAD.move_to_end(key)
    while len(_AHEAD) > _AHEAD_KEPT:
        _AHEAD.popitem(last=False)


def set_display_options() -> None:
    """Stable, readable DataFrame display (nbval compares these outputs)."""
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.width", 160)
    pd.set_option("display.max_colwidth", 90)
    pd.set_option("display.precision", 3)
    display.use_readable_tables()


def chart_formats(text: str = DEFAULT_FORMATS) -> tuple[str, ...]:
    """The notebooks' ``figure_formats`` parameter ("png,svg", "png" or "svg") as formats."""
    return parse(text)


def prepare(article: str = "", published: str = "", output_dir: str = "",
            figure_formats: str = DEFAULT_FORMATS) -> NotebookContext:
    """Load ``article`` (default: the seed) and its tables; outputs go to ``output_dir``,
    charts as the ``figure_formats`` named ("png,svg", "png" or "svg").

    Without an ``output_dir``, outputs go to ``reports/interactive/<article id>/``, never
    into a run's report.
    """
    formats = chart_formats(figure_formats)
    art = load_article(article or paths.SEED_ARTICLE, published=published or None)
    out = Path(output_dir) if output_dir else paths.REPORTS / "interactive" / art.id
    out.mkdir(parents=True, exist_ok=True)
    set_display_options()
    charts.use_house_style()
    # Taken, not shared: a second prepare in the same kernel extracts afresh.
    tables = _AHEAD.pop(_identity(art), None) if _AHEAD else None
    return NotebookContext(art, tables or extract_tables(art), out, formats)
