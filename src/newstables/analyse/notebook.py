"""What every notebook does first: load the article, extract its tables, set up outputs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newstables import charts, display, paths
from newstables.extract.article import Article, load_article
from newstables.extract.tables import ArticleTables, extract_tables
from newstables.schema import write_table


@dataclass(frozen=True)
class NotebookContext:
    article: Article
    tables: ArticleTables
    output_dir: Path

    def save_table(self, df: pd.DataFrame, name: str) -> Path:
        """Write ``df`` as ``tables/<name>.csv`` under the output folder."""
        return write_table(df, self.output_dir, name)

    def save_figure(self, fig, name: str) -> list[Path]:
        """Write the chart as ``figures/<name>.png`` and ``.svg`` under the output folder."""
        return charts.save_figure(fig, self.output_dir, name)

    def show_figure(self, fig, name: str) -> list[Path]:
        """Save the chart as :meth:`save_figure` does and show the saved PNG in the notebook;
        the figure is closed, so it is drawn once per file and not again for the notebook."""
        return charts.show_figure(fig, self.output_dir, name)

    def shown(self, path: Path) -> str:
        """A path as the reader should see it: relative to the output folder."""
        return Path(path).relative_to(self.output_dir).as_posix()


def set_display_options() -> None:
    """Stable, readable DataFrame display (nbval compares these outputs)."""
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.width", 160)
    pd.set_option("display.max_colwidth", 90)
    pd.set_option("display.precision", 3)
    display.use_readable_tables()


def prepare(article: str = "", published: str = "", output_dir: str = "") -> NotebookContext:
    """Load ``article`` (default: the seed) and its tables; outputs go to ``output_dir``.

    Without an ``output_dir``, outputs go to ``reports/interactive/<article id>/``, never
    into a run's report.
    """
    art = load_article(article or paths.SEED_ARTICLE, published=published or None)
    out = Path(output_dir) if output_dir else paths.REPORTS / "interactive" / art.id
    out.mkdir(parents=True, exist_ok=True)
    set_display_options()
    charts.use_house_style()
    return NotebookContext(art, extract_tables(art), out)
