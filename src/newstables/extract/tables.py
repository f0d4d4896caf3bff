"""extract_tables: every table of an article, from the extractors."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from newstables.extract.actors import find_actors
from newstables.extract.article import Article, count_words
from newstables.extract.events import extract_events
from newstables.extract.figures import extract_figures
from newstables.extract.measures import extract_measures
from newstables.extract.quotes import extract_quotes
from newstables.schema import TABLES, frame


@dataclass(frozen=True)
class ArticleTables:
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    actors: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    figures: pd.DataFrame
    events: pd.DataFrame
    measures: pd.DataFrame

    def as_dict(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in TABLES}


def paragraphs_table(article: Article) -> pd.DataFrame:
    return frame(
        "paragraphs",
        (
            {"paragraph": p.number, "start": p.start, "end": p.end, "text": p.text,
             "n_words": count_words(p.text)}
            for p in article.paragraphs
        ),
    )


def sentences_table(article: Article) -> pd.DataFrame:
    return frame(
        "sentences",
        (
            {"sentence": s.number, "paragraph": s.paragraph, "start": s.start, "end": s.end,
             "text": s.text}
            for s in article.sentences
        ),
    )


def extract_tables(article: Article) -> ArticleTables:
    """Every table of one article (columns in ``newstables.schema``)."""
    actors, mentions, mentioned = find_actors(article)
    return ArticleTables(
        paragraphs=paragraphs_table(article),
        sentences=sentences_table(article),
        actors=actors,
        mentions=mentions,
        quotes=extract_quotes(article, actors, mentions, mentioned),
        figures=extract_figures(article),
        events=extract_events(article),
        measures=extract_measures(article, actors, mentions, mentioned),
    )
