"""Figures: every number an article states, what it counts, when, how hedged and whose.

One row per figure, in text order. Conventions:

- Span (``text`` = ``article.text[start:end]``): hedge + number + scale + unit words, e.g.
  "more than 45,700", "some 161%", "£3 million", "nearly 5 million", "between 500 and 600",
  "tens of thousands", "a third", "one in five", "45,000 or so". The counted noun phrase is
  not in the span; it goes in ``counts``.
- ``value``: the number in units: 3.5 million -> 3500000.0, £3m -> 3000000.0, 161% -> 161.0,
  "a third" -> 0.333.., "one in five" -> 0.2. Hedges never change it. Ranges ("between 500
  and 600", "500-600", "from 10 to 20 percent", "two or three") and word quantities
  ("hundreds" 200-999, "thousands" 2000-9999, "tens of thousands" 20000-99999, "dozens"
  24-99) have value None and give ``low``/``high``; every other figure has low/high None.
  "rose from 10 to 20 percent" is a change, so two figures (both percent), not a range.
- ``unit``: "count", "percent", "percentage points", "share" (fractions, "one in five"),
  "times" ("twice as many", "three times"), a currency code ("GBP", "USD", "EUR", "TRY"...)
  or a measure ("km", "days", "years").
- ``approximate``: True when hedged (except "exactly") or a word quantity ("thousands").
- ``counts``: the noun phrase counted ("irregular migrants"), with the verb that says what
  happened when the number is its object or a passive subject ("irregular migrants
  deported", "migrants denied entry"); "the number of X ... to N" and "X rose to N" give X;
  a number standing alone ("some 20 won reprieves") takes the noun of the nearest earlier
  subject figure in its sentence, else its paragraph; a percentage counts what it is "of",
  or what changed ("up by 161%"); money counts what it pays for ("a £75m package").
- ``period``: "2022", "2023-01", "2023-08-07", "2023-Q1", "2023-H1", intervals as ISO 8601
  "start/end" ("since 2016" -> "2016/2023", "since January 2023" -> "2023-01/2023-08", "the
  year to June 2023" -> "2022-07/2023-06"), rates ("per year"), rolling windows as written
  ("past five years"), and "the same period of 2022" as written when no period before it
  gives its months (else those months in 2022: "2022-01/2022-06"). Relative expressions
  resolve against ``article.published`` (weekdays and bare months to the latest on or
  before it) and stay as written without it. Comparison
  bases ("compared with 2021", "than in 2021") and report dates ("announced in January") are
  not periods. A figure takes the first period after it in its clause (before the next
  figure, a comma before "and", "but", "while", "the", "a", or a participle such as
  "bringing"), else the nearest one before it in its sentence; a rate adjective before a
  noun ("the highest daily figure") is no rate of the figure's.
- ``source``: who the sentence attributes the figure to ("according to Home Office figures"
  -> "Home Office", "the Interior Ministry announced" -> "Interior Ministry"); explicit
  attributions ("according to", "data from") win over "X said". A figure inside a quote
  with no source in its own words is the speaker's (``extract_tables``, which has the
  quotes).
- Not figures: years, dates, times, ages ("aged 18-65", "a 34-year-old", "Jane Doe, 71,"),
  ordinals ("10th", "third"), phone numbers, list numbering, labels ("Article 31",
  "Channel 4", "COVID-19", "G7"), quarters ("Q3"), "one" as a pronoun or article ("one of",
  "no one", "one MP"), vague words ("several", "a few"), the base of a rate ("per 100,000")
  and numbers inside time expressions ("the past five years", "the year to June").

How: digits and number words are found by one fast trigger regex; each trigger is matched
against the number patterns at its position and read with the words around it. Lexicons are
the ``figures_*.json`` files beside this module.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import pandas as pd

from newstables import hedges
from newstables.extract.article import Article, Sentence
from newstables.extract.counted import _counts
from newstables.extract.figure_grammar import (
    _CLAUSE_STARTERS,
    _CORE,
    _CORE_DIGITS,
    _CORE_PLAIN,
    _CORE_WORDS,
    _CUR_BEFORE,
    _NEEDS_NEXT,
    _NP_PREPOSITIONS,
    _OF,
    _PROTECT_AT,
    _SCALES,
    _SHARE_AHEAD,
    _Doc,
    _Fig,
    _Trigger,
    _triggers,
    past_verb,
)
from newstables.extract.figure_period_text import _periods, _pick_period, year_total
from newstables.extract.figure_periods import ONE_DAY, add_periods
from newstables.extract.figure_ranges import _find_hedge, _merge_ranges
from newstables.extract.figure_sources import _pick_source, _sources
from newstables.extract.number_reading import (
    _core,
    _extend_right,
    _keep,
    _next_word,
    _protected_left,
    _tail,
)
from newstables.extract.numbers import negative_start
from newstables.schema import frame

# ---------------------------------------------------------------- assembly


# A numbered list item's marker at the start of a line: "3. ", "2) "
_LIST_MARKER = re.compile(r"[0-9]{1,2}[.)][^\S\n]+\S")


def _in_code(text: str, p: int) -> bool:
    """ "COVID-19", "F-16": digits after a word and a hyphen (but not "£3m-£4m", "3bn-4bn")."""
    if p < 2 or text[p - 1] != "-" or not text[p - 2].isalpha():
        return False
    q = p - 2
    while q > 0 and text[q - 1].isalpha():
        q -= 1
    return not (text[q - 1 : q].isdigit() and text[q : p - 1].lower() in _SCALES)


def _may_start_figure(t: _Trigger, doc: _Doc, sent: Sentence) -> bool:
    """Digits and number words; "a" and "many" only before "third", "million", "thousands"..."""
    if t.digits:
        return True
    if t.word not in _CORE_WORDS:
        return False
    after = _NEEDS_NEXT.get(t.word)
    return after is None or _next_word(doc.low, t.end, sent.end) in after


_FOOTNOTE = re.compile(r"\[\d{1,2}\](?![\d,.])")


def _candidate(doc: _Doc, sent: Sentence, t: _Trigger, mask: bytearray) -> tuple[_Fig | None, int]:
    """The figure starting at trigger ``t`` (or None) and where to look next."""
    text = doc.text
    p = t.start
    if t.digits and _LIST_MARKER.match(text, p) and text[:p].rstrip(" \t")[-1:] in ("", "\n"):
        return None, t.end  # "3. August was the busiest month": an item's number, no figure
    if t.digits and _FOOTNOTE.match(text, p - 1 if p else 0) and p and text[p - 1] == "[":
        return None, t.end  # "... since current records began.[1]": a note's number
    if t.digits:
        if p > sent.start and not text[p - 1].isspace():  # "£3m", "US$3", "USD 3"
            cur = _CUR_BEFORE.search(text, max(sent.start, p - 4), p)
            if cur:
                p = cur.start()
        elif p > sent.start + 3 and (text[p - 4 : p - 1].isupper() or text[p - 2] in "$£€¥₺"):
            cur = _CUR_BEFORE.search(text, max(sent.start, p - 4), p)
            if cur:
                p = cur.start()
    if mask[p] or mask[t.start] or _in_code(text, p):
        return None, t.end
    plain = t.digits and not _SHARE_AHEAD.match(text, t.start, sent.end)
    m = (_CORE_DIGITS if plain else _CORE).match(text, p, sent.end)
    if m is None:
        return None, t.end
    tail = _tail(doc.low, sent.start, p, 10)
    blocked = _protected_left(doc, sent, t.start, tail)
    if blocked:
        return None, blocked
    pm = _PROTECT_AT.match(text, t.start, sent.end)
    if pm:
        return None, pm.end()
    fig = _core(m)
    if fig is None and m.lastgroup in ("share", "frac"):
        m = _CORE_PLAIN.match(text, p, sent.end)
        fig = _core(m) if m else None
    if fig is None or m is None:
        return None, t.end
    if not _extend_right(fig, text, sent.end):
        return None, fig.end
    neg = negative_start(text, fig.start, sent.start) if fig.kind == "number" else None
    if neg is not None and fig.value is not None:  # "minus 12", "-7C"
        fig.value, fig.raw, fig.start = -fig.value, -(fig.raw or 0.0), neg
        if tail and tail[-1][0] >= neg:
            tail = tail[:-1]
    post = (fig.hedge, fig.hedge_kind)
    fig.hedge = fig.hedge_kind = None
    rest = _find_hedge(fig, tail)
    fig.tail, fig.tail_at = tuple(w for _, w in rest), tuple(s for s, _ in rest)
    fig.subject = not fig.tail or fig.tail[-1] in _CLAUSE_STARTERS or fig.tail[-3:] == (
        "a", "total", "of"
    )
    if fig.hedge is None:
        fig.hedge, fig.hedge_kind = post
    if not _keep(fig, doc, sent):
        return None, max(t.end, fig.end if fig.kind != "words" else t.end)
    return fig, fig.end


def _sentence_figures(
    doc: _Doc, sent: Sentence, triggers: list[_Trigger], mask: bytearray
) -> list[_Fig]:
    """The figures of one sentence, ranges joined, in text order."""
    figs: list[_Fig] = []
    resume = sent.start
    for t in triggers:
        if t.start < resume:
            continue
        fig, resume = _candidate(doc, sent, t, mask)
        if fig is not None:
            figs.append(fig)
    return _merge_ranges(figs, doc.text)


def _of_next_figure(figs: list[_Fig], text: str) -> None:
    """ "A quarter of the 55,000 people": the share counts what the next figure counts."""
    for fig, nxt in zip(figs, figs[1:], strict=False):
        if fig.counts is None and nxt.counts:
            om = _OF.match(text, fig.end, nxt.span_start + 1)
            if om and om.end() == nxt.span_start:
                fig.counts = nxt.counts


def _no_share_of(fig: _Fig, other: _Fig, text: str) -> bool:
    """Is ``fig`` a count too large to count what ``other``, a share of a whole, counts ("one
    in ten of all arrivals"; not a change: "rose by a quarter to 36,816")?"""
    return fig.unit == "count" and (fig.value or 0) > 100 and other.unit == "share" and (
        _OF.match(text, other.end) is not None)


def _compared_base(fig: _Fig, other: _Fig) -> None:
    """ "28 days, up from 21": the 21 is days too, and counts what the 28 counts."""
    if fig.unit == "count" and not fig.scaled and other.unit != "count":
        fig.unit = other.unit
        if fig.kind == "number" and fig.raw is not None and other.scale > 1.0:
            fig.scale, fig.value = other.scale, fig.raw * other.scale


# Between two figures of one count, the second the first's base or end: "from 20,000 in 2021
# to 18,000", "18,000, down on the 20,000", "18,000, compared with 20,000"
_PAIRED = re.compile(
    r"(?:\s+(?:in|during|for|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:19|20)\d\d)?\s*,?\s*"
    r"(?:to|from|(?:up|down)\s+(?:on|from)|compared\s+(?:with|to)|against|versus|vs\.?"
    r"|(?:higher|lower|more|fewer|less|up|down)\s+than)\s+(?:the\s+)?"
    r"(?:(?:about|around|some|nearly|almost|just|over|under)\s+)?", re.I)


# a day the sentence dates the count on: "On Thursday, 756 crossed in a single day", "in one
# day on 10 August" (a day the period finder reads right after the phrase)
_A_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_ONE_DAY_WORDS = re.compile(r"(?:a\s+single|one|a\s+record)\s+day", re.I)  # the phrase's own
_ONE_DAY = re.compile(r"[^,;:]*?\b(?:on|in)\s+(?:a\s+single|one|a\s+record)\s+day\b", re.I)


def _inherit(fig: _Fig, same: list[_Fig], paragraph: list[_Fig], text: str) -> str | None:
    """A bare number's noun: the figure it is paired with ("from 20,000 to 18,000", "18,000,
    down on the 20,000"), else the nearest earlier figure of its sentence, else of its
    paragraph."""
    units = {fig.unit, "percent", "share"} if fig.unit == "count" else {fig.unit}
    if same and same[-1].counts and same[-1].unit == fig.unit and _PAIRED.fullmatch(
            text, same[-1].end, fig.span_start):
        return same[-1].counts
    # the subjects first, then other figures but those in a prepositional phrase ("The 755
    # arrivals, in 14 boats, took the total to 15,800": arrivals), then any
    for tier in (0, 1, 2):
        for other in reversed(same[-8:]):
            if _no_share_of(fig, other, text):
                continue  # "about one in ten of all arrivals, up from 1,127": the Turks the
                # count before counts, not the whole the share is of
            if other.counts and other.unit in units and (
                    other.subject or tier == 2
                    or tier == 1 and other.tail[-1:] and other.tail[-1] not in _NP_PREPOSITIONS):
                return other.counts
    for other in reversed(paragraph[-8:]):
        if other.counts and other.unit == fig.unit and other.subject:
            return other.counts
    return None


# "... people crossed, while hundreds drowned": a bare number's own verb after it.
_OWN_VERB = re.compile(r"\s+(?P<passive>(?:were|was|had\s+been|have\s+been)\s+)?"
                       r"(?P<v>[a-z]+)\b")


_SHARED_SUBJECT = frozenset(["and", "but", "also", "then", "while"])


def _own_verb(counts: str | None, fig: _Fig, text: str) -> str | None:
    """An inherited noun without the other figure's verb when the bare number has its own:
    "people crossed" for "hundreds drowned" is "people", for "20 were granted" (a passive
    subject, which keeps its verb) "people granted"."""
    m = _OWN_VERB.match(text, fig.end)
    tail = fig.tail
    if counts is not None and m is None and len(tail) > 1 and tail[-2] in _SHARED_SUBJECT and (
            past_verb(tail[-1])):
        # "caught 254,008 irregular migrants ... and deported 130,000": its own verb before
        words = counts.split()
        if len(words) > 1 and past_verb(words[-1].lower()):
            words = words[:-1]  # "newly arrived migrants caught": the verb is its last word
        return " ".join([*words, tail[-1]])
    if counts is None or m is None or not past_verb(m.group("v")):
        return counts
    words = counts.split()
    verb_at = next((i for i, w in enumerate(words) if i and past_verb(w.lower())), len(words))
    return " ".join([*words[:verb_at], *([m.group("v")] if m.group("passive") else [])])


def _row(fig: _Fig, text: str) -> dict[str, Any]:
    start = fig.span_start
    hedge_kind = hedges.figure_kind(fig.hedge, fig.low, fig.high, vague=fig.kind == "vague")
    return {
        "value": fig.value,
        "low": fig.low,
        "high": fig.high,
        "unit": fig.unit,
        "counts": fig.counts,
        "period": fig.period,
        "approximate": hedge_kind != "exact",
        "hedge": fig.hedge,
        "hedge_kind": hedge_kind,
        "source": fig.source,
        "text": text[start : fig.end],
        "paragraph": fig.paragraph,
        "start": start,
        "end": fig.end,
    }


def _figure_rows(article: Article) -> list[dict[str, Any]]:
    text = article.text
    doc = _Doc(text, article.folded)
    triggers = _triggers(doc)
    starts = [t.start for t in triggers]
    mask = bytearray(len(text) + 1)  # characters inside time expressions
    rows: list[dict[str, Any]] = []
    paragraph_figs: list[_Fig] = []
    current = 0
    for sent in article.sentences:
        if sent.paragraph != current:
            current, paragraph_figs = sent.paragraph, []
        lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
        core = [t for t in triggers[lo:hi] if _may_start_figure(t, doc, sent)]
        if not core:
            continue  # time expressions matter only where there are numbers
        periods = _periods(doc, triggers[lo:hi], article.published, sent.start)
        for p in periods:
            mask[p.start : p.end] = b"\x01" * (p.end - p.start)
        figs = _sentence_figures(doc, sent, core, mask)
        if not figs:
            continue
        period_starts = [p.start for p in periods]
        span = (0, len(periods))
        sources = _sources(doc, sent)
        done: list[_Fig] = []
        for i, fig in enumerate(figs):
            fig.paragraph = sent.paragraph
            if done and fig.tail[-2:] in (("up", "from"), ("down", "from")):
                _compared_base(fig, next((d for d in reversed(done) if not _no_share_of(
                    fig, d, text)), done[-1]))
            fig.counts = _counts(fig, text, sent, done)
            if fig.counts is None and fig.needs_noun:
                fig.counts = _own_verb(_inherit(fig, done, paragraph_figs, text), fig, text)
            next_start = figs[i + 1].span_start if i + 1 < len(figs) else sent.end
            fig.period = fig.rate or year_total(text, sent.start, fig.span_start,
                                                article.published) or _pick_period(
                fig, periods, period_starts, span, next_start, text)
            day = _ONE_DAY.match(text, fig.end, sent.end)
            if day is not None and not _A_DAY.fullmatch(fig.period or "") and not any(
                    0 <= p.start - day.end() <= 4 and _A_DAY.fullmatch(p.value)
                    for p in periods) and not any(
                    fig.end <= f.span_start < day.end() for f in figs if f is not fig
                    and not _ONE_DAY_WORDS.fullmatch(text[f.span_start : day.end()])):
                fig.period = ONE_DAY  # "1,000 crossed on a single day last month": which day
                # is not said, and the month's total is not the figure's
            fig.source = _pick_source(fig, sources, text)
            done.append(fig)
        _of_next_figure(done, text)
        paragraph_figs.extend(done)
        rows.extend(_row(f, text) for f in done)
    return rows


def extract_figures(article: Article) -> pd.DataFrame:
    """The figures table of an article: one row per number it states (module docstring)."""
    rows = _figure_rows(article)
    add_periods(article, rows)
    for n, row in enumerate(rows, 1):
        row["figure"] = n
    return frame("figures", rows)
