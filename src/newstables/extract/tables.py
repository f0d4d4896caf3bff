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


def quoted_sources(figures: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """``figures`` with the speaker as the source of a figure said inside a direct or partial
    quote (“Crossings are down by a third,” he said), unless its own words name another."""
    said = quotes[quotes["speaker"].notna() & quotes["speaker"].ne("")]
    if figures.empty or said.empty:
        return figures
    spans = list(zip(said["start"], said["end"], said["speaker"], strict=True))
    sources = [
        source if isinstance(source, str) and source else next(
            (speaker for s, e, speaker in spans if s <= start and end <= e), source)
        for source, start, end in zip(figures["source"], figures["start"], figures["end"],
                                      strict=True)
    ]
    return figures.assign(source=pd.Series(sources, index=figures.index,
                                           dtype=figures["source"].dtype))


def extract_tables(article: Article) -> ArticleTables:
    """Every table of one article (columns in ``newstables.schema``)."""
    actors, mentions, mentioned = find_actors(article)
    quotes = extract_quotes(article, actors, mentions, mentioned)
    return ArticleTables(
        paragraphs=paragraphs_table(article),
        sentences=sentences_table(article),
        actors=actors,
        mentions=mentions,
        quotes=quotes,
        figures=quoted_sources(extract_figures(article), quotes),
        events=extract_events(article),
        measures=extract_measures(article, actors, mentions, mentioned),
    )
