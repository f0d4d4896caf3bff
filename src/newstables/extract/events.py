"""Events: dated happenings, their time expressions resolved against the publication date.

One row per time expression that dates something in the text ("last month", "on Monday",
"in the autumn", "since January 2023", "8 August 2023", "in 2022"); ``start``/``end`` are the
expression's span (a leading "in"/"on"/"since"/"by"... is part of it) and ``description``
is its sentence, or for a long sentence the clauses around it, at most ~180 characters.
How expressions resolve: ``newstables.extract.time_resolver``.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from typing import Any

import pandas as pd

from newstables.extract.article import Article, Sentence
from newstables.extract.time_grammar import (
    _ABSOLUTE,
    _CHANGE,
    _CLAUSE_BREAK,
    _COMPARISON,
    _CONJ_AFTER_EVENT,
    _DETERMINER_BEFORE,
    _EARLIER_OK_AFTER,
    _FUTURE_PAIRS,
    _FUTURE_WORDS,
    _NEED_TRIGGER,
    _PAST_WORDS,
    _TRIGGER_BEFORE,
    _WORD_EDGES,
    _Parsed,
    _scan,
)
from newstables.extract.time_resolver import _apply, _iso, _month_number, _resolve_parsed
from newstables.periods import month_span
from newstables.schema import frame


# ---------------------------------------------------------------- context
def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` holding ``text[start:end]`` (offsets into ``text``)."""
    left, right = 0, len(text)
    for b in _CLAUSE_BREAK.finditer(text):
        if b.end() <= start:
            left = b.end()
        elif b.start() >= end:
            right = b.start()
            break
    return left, right


def _needs_tense(parsed: _Parsed) -> bool:
    """Whether the reading of the expression depends on tense ("on Monday" but not "in 2016")."""
    m, kind = parsed
    if kind == "rel":
        return m.group("what").lower() not in ("week", "weekend", "month", "year")
    if kind in ("dmy", "mdy"):
        return not m.group("y")
    if kind in ("part", "months_of"):  # "the first half of the year": which year, by tense
        return (m.group("yr") or "").lower().startswith("the")
    return kind in ("weekday", "month", "season") or kind is None


def _cues(words: list[str]) -> list[str]:
    """The tense cue ('future'/'past') of each word that is one, in order. A participle
    after 'be' is none: in 'will be held' or 'is to be deported' the words before carry it;
    after 'was' or 'were' a future cue is past ('was due to', 'were set to')."""
    cues = []
    for i, word in enumerate(words):
        if word in _FUTURE_WORDS or word.endswith(("'ll", "’ll")) or (
            i + 1 < len(words) and (word, words[i + 1]) in _FUTURE_PAIRS
        ):
            # 'was due to be sentenced on Friday': a future seen from the past
            cues.append("past" if i and words[i - 1] in ("was", "were") else "future")
        elif (word in _PAST_WORDS or len(word) > 3 and word.endswith("ed")) and (
                i == 0 or words[i - 1] != "be"):
            cues.append("past")
    return cues


def _words(text: str) -> list[str]:
    return [w.strip(_WORD_EDGES) for w in text.lower().split()]


def _tense(sentence: str, left: int, right: int, start: int, end: int) -> str:
    """'future'/'past' from the cue nearest before ``sentence[start:end]`` in the clause
    ``[left, right)``, else the nearest after it; 'unknown' without cues."""
    before = _cues(_words(sentence[left:start]))
    if before:
        return before[-1]
    after = _cues(_words(sentence[end:right]))
    return after[0] if after else "unknown"


def _trim(text: str, start: int, end: int) -> str:
    """``text[start:end]`` without surrounding spaces, dangling punctuation or quote marks
    (a closing quote mark stays when an opening one inside needs it)."""
    piece = text[start:end].lstrip(" \t\u00a0,;:–—\"'“”‘’")
    stripped = piece.rstrip(" \t\u00a0,;:–—\"'“”‘’")
    if any(q in stripped for q in "“‘\""):
        return piece.rstrip(" \t\u00a0,;:–—")
    return stripped


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, left = [], 0
    for b in _CLAUSE_BREAK.finditer(text):
        spans.append((left, b.start()))
        left = b.end()
    spans.append((left, len(text)))
    return spans


def _describe(sentence: str, start: int, end: int, limit: int = 180) -> str:
    """The sentence, or the clauses around ``sentence[start:end]``, at most ~``limit`` chars."""
    if len(sentence) <= limit:
        return _trim(sentence, 0, len(sentence))
    spans = _clauses(sentence)
    i = next((k for k, (a, b) in enumerate(spans) if a <= start < b), len(spans) - 1)
    left, right = spans[i]
    lo = hi = i
    while lo > 0 and right - spans[lo - 1][0] <= limit:  # the main clause usually comes first
        lo -= 1
        left = spans[lo][0]
    while hi + 1 < len(spans) and spans[hi + 1][1] - left <= limit:
        hi += 1
        right = spans[hi][1]
    if right - left > limit:  # one long clause: a window around the expression
        half = max(0, (limit - (end - start)) // 2)
        left, right = max(left, start - half), min(right, end + half)
        if left > 0 and not sentence[left - 1].isspace():
            space = sentence.find(" ", left, start)
            left = space + 1 if space >= 0 else left
        if right < len(sentence) and not sentence[right].isspace():
            space = sentence.rfind(" ", end, right)
            right = space if space >= 0 else right
    return _trim(sentence, left, right)


def _accepted(text: str, s: int, parsed: _Parsed, after_event: bool) -> bool:
    """Whether a scanned expression dates something (context rules of the module docstring)."""
    m, kind = parsed
    before = text[max(0, s - 40):s]
    prep = " ".join((m.group("prep") or "").lower().split())
    if kind in _NEED_TRIGGER and not prep and not m.group("mod"):
        the_decade = kind == "decade" and m.group("core")[:4].lower() == "the "
        if not (the_decade or after_event or _TRIGGER_BEFORE.search(before)):
            return False
    if kind not in ("adverb", "recent", "rolling") and _COMPARISON.search(before):
        return False
    near = before[-25:]
    if prep in ("from", "on") and kind in _ABSOLUTE and _CHANGE.search(near) and (
            prep == "from" or kind not in ("dmy", "mdy") or re.search(r"\d", near)):
        # "down from 2021", "down on March", "up 20% on 8 May"; not "the fall of X on 8 May"
        return False
    if kind == "adverb" and m.group("core").lower() == "earlier" and not prep:
        if not _EARLIER_OK_AFTER.match(text, m.end()) or _DETERMINER_BEFORE.search(before):
            return False
    return True


def _context(sentence: str, start: int, end: int, size: int = 600) -> tuple[str, int, int]:
    """The sentence, or ~``size`` characters of it around ``[start, end)`` when it is very long
    (keeps the work per expression bounded), with the expression's offsets into it."""
    if len(sentence) <= size:
        return sentence, start, end
    left = max(0, start - size // 2)
    return sentence[left:end + size // 2], start - left, end - left


def _sentence_at(starts: list[int], sentences: tuple[Sentence, ...], pos: int) -> Sentence | None:
    i = bisect_right(starts, pos) - 1
    return sentences[i] if i >= 0 else None


_WRITTEN_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _writes_a_year(expression: str, span: tuple, parsed: _Parsed) -> bool:
    """Whether an expression writes the one year it falls in ("in 2022", "by the end of
    2023", "8 August 2023"), not a range or an open span ("since 2018", "before 2020")."""
    start, end = span[0], span[1]
    return (parsed[1] is not None and start is not None and end is not None
            and start.year == end.year and bool(_WRITTEN_YEAR.search(expression)))


def _in_year(parsed: _Parsed, year: int, pub: dt.date | None) -> tuple | None:
    """A month without a year ("in June") in the year its sentence wrote before it: "In
    2022 the minister visited Ankara in March" is March 2022, whatever the publication date."""
    m = parsed[0]
    span = (*month_span(year, _month_number(m.group("mon"))), "month")
    mod = m.group("mod").lower() if m.group("mod") else None
    return _apply(span, m.group("prep"), mod, pub)


def extract_events(article: Article) -> pd.DataFrame:
    """One row per time expression that dates something, resolved against publication."""
    text, pub = article.text, article.published
    sentences = article.sentences
    starts = [s.start for s in sentences]
    rows: list[tuple[Any, ...]] = []
    last_end = -1
    written: dict[int, int] = {}  # sentence start -> the year its last expression wrote
    for parsed in _scan(text, article.folded):
        s, e = parsed[0].span()
        sentence = _sentence_at(starts, sentences, s)
        if sentence is None or e > sentence.end:
            continue
        after_event = sentence.start < last_end and s - last_end < 12 and bool(
            _CONJ_AFTER_EVENT.match(text[last_end:s]))
        if not _accepted(text, s, parsed, after_event):
            continue
        context, rs, re_ = _context(sentence.text, s - sentence.start, e - sentence.start)
        tense = "unknown"
        if pub is not None and _needs_tense(parsed):
            left, right = _clause(context, rs, re_)
            tense = _tense(context, left, right, rs, re_)
        try:
            span = _resolve_parsed(parsed, pub, tense)
            year = written.get(sentence.start)
            if span is not None and year is not None and parsed[1] == "month":
                span = _in_year(parsed, year, pub)
        except (OverflowError, ValueError):  # dates beyond the calendar's range
            span = None
        if span is None:
            continue
        if _writes_a_year(text[s:e], span, parsed):
            written[sentence.start] = span[0].year
        last_end = e
        rows.append((  # in the order of COLUMNS["events"]; tuples build the frame fastest
            len(rows) + 1, _iso(span[0]), _iso(span[1]), span[2], text[s:e],
            _describe(context, rs, re_), sentence.paragraph, s, e,
        ))
    return frame("events", rows)
