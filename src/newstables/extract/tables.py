"""extract_tables: every table of an article, from the extractors."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from newstables.extract.actors import Mentioned, find_actors
from newstables.extract.article import Article, count_words
from newstables.extract.events import extract_events
from newstables.extract.figures import extract_figures
from newstables.extract.measures import extract_measures
from newstables.extract.quotes import extract_quotes, unnamed_one
from newstables.extract.speakers import antecedent
from newstables.extract.surroundings import sentence_at
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


# A figure a person is said to give: "Shipments sold for $40 a ton, he said." (after it, set
# off by a comma) or "She said 500 people ..." (opening its sentence).
_SAID_AFTER = re.compile(r",\s*(?P<p>he|she)\s+(?P<v>[a-z]+)\b(?:\s+\w+)?\s*[,.;:]")
_SAID_BEFORE = re.compile(r"\W*(?P<p>He|She)\s+(?:also\s+)?(?P<v>[a-z]+)\b")
# Verbs by which a person gives a figure. Not the figures' report verbs (figure_grammar's
# _REPORT_WORDS): adding "wrote" or "argued" there moves other sources ("The Times on
# Saturday wrote that Trump had claimed ..." gave the Times), since the "X said" rule takes
# the leftmost subject before a cue.
_REPORTING = frozenset(["said", "says", "added", "claimed", "claims", "estimated", "estimates",
                        "told", "insisted", "argued", "noted", "stated", "wrote", "reported",
                        "explained", "warned", "suggested", "predicted"])


def said_sources(article: Article, figures: pd.DataFrame, quotes: pd.DataFrame,
                 mentioned: list[Mentioned]) -> pd.DataFrame:
    """``figures`` with a source for a figure whose own words name none: the speaker of the
    quote it sits in (“Crossings are down by a third,” he said), else the person a 'he said'
    or 'she claimed' of its sentence refers to (``speakers.antecedent``, as for quotes)."""
    if figures.empty:
        return figures
    said = quotes[quotes["speaker"].notna() & quotes["speaker"].ne("")]
    spans = list(zip(said["start"], said["end"], said["speaker"], strict=True))
    quoted = list(zip(quotes["start"], quotes["end"], strict=True))
    people = [m for m in mentioned if not any(s <= m[0] < e for s, e in quoted)]
    spoken = [(int(s), speaker, None, "either") for s, _, speaker in spans]
    # and those unnamed who are one person ('the British minister'), whom 'he' can mean too
    unnamed = quotes[quotes["speaker"].isna() | quotes["speaker"].eq("")]
    spoken += [(int(s), None, role, pronoun) for s, role in zip(unnamed["start"], unnamed["role"],
                                                                strict=True)
               if (pronoun := unnamed_one(role if isinstance(role, str) else None))]
    spoken.sort(key=lambda entry: entry[0])
    starts = [s.start for s in article.sentences]
    sources = []
    for source, start, end in zip(figures["source"], figures["start"], figures["end"],
                                  strict=True):
        if not (isinstance(source, str) and source):
            source = next((who for s, e, who in spans if s <= start and end <= e), None) or (
                _said_by(article, int(start), people, spoken, starts)) or source
        sources.append(source)
    return figures.assign(source=pd.Series(sources, index=figures.index,
                                           dtype=figures["source"].dtype))


def _said_by(article: Article, at: int, people: list[Mentioned], spoken: list[tuple],
             starts: list[int]) -> str | None:
    sentence, _ = sentence_at(article, at)
    if sentence is None:
        return None
    text = article.text
    found = [m for m in (_SAID_BEFORE.match(text, sentence.start, at),
                         _SAID_AFTER.search(text, at, sentence.end)) if m is not None]
    for m in found:
        if m.group("v") in _REPORTING:
            who = antecedent(text, people, spoken, starts, m.start("p"), m.group("p").lower())
            return who[0] if who else None
    return None


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
        figures=said_sources(article, extract_figures(article), quotes, mentioned),
        events=extract_events(article),
        measures=extract_measures(article, actors, mentions, mentioned),
    )
