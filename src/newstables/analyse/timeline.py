"""The timeline: the article's dated events beside reference events, ready to chart.

One row per mark on the chart. ``kind`` says how to draw it: ``point`` (a single day),
``span`` (a week, month, season, year or range, start to end) or ``open`` (only one end is
known: "until March 2026", "recently"). Article rows carry the paragraph they came from,
reference rows the title of their source. Events with no date at all are ``unresolved``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from newstables.display import shorten
from newstables.extract.article import Article
from newstables.period_labels import as_date, format_span
from newstables.periods import iso_span
from newstables.reference import load_reference

COLUMNS = [
    "origin", "label", "date_start", "date_end", "granularity", "kind", "paragraph", "source",
    "expression",
]
UNRESOLVED_COLUMNS = ["event", "expression", "granularity", "paragraph", "description"]
LABEL_LIMIT = 60
_MIN_LABEL = 25  # a clause shorter than this says too little on its own ("On Monday")

# Clause breaks inside a description: commas and colons (not inside "45,700" or "9:30"),
# semicolons, brackets, spaced dashes.
_BREAK = re.compile(r"\s*(?:(?<!\d)[,:]|[,:](?!\d)|[;()\[\]]|\s[-–—]+\s)\s*")
# Softer places to end a reference event's label ("... visits Türkiye incl. Kapıkule ...").
_SOFT_BREAK = re.compile(r"(?:[,;:]|\s[-–—]+|\s(?:incl\.|including|after|as|while|with))\s")
_PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
# A wire dateline: "LONDON, March 12 (Agency) - ", "PARIS (Reuters) — ".
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{1,30}(?:,[^-–—]{1,40}?)?\s*(?:\([^()]{1,40}\))?\s*[-–—]+\s"
)
_WORD = re.compile(r"[^\W\d_]{4,}")
_STOPWORDS = frozenset(
    ["that", "this", "with", "from", "have", "been", "were", "will", "than", "into", "over",
     "more", "said", "after", "about", "their", "which", "would", "there", "when", "also",
     "last", "next", "year", "month", "week", "since", "first"]
)
_LEADING_WORDS = frozenset(
    ["and", "but", "or", "so", "while", "whereas", "where", "when", "indeed", "also", "then",
     "yet", "meanwhile"]
)


# ---------------------------------------------------------------- dates
def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months (the day clamped to the month's length)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, dt.MINYEAR), dt.MAXYEAR)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def parse_reference_date(value: Any) -> tuple[dt.date, dt.date, str] | None:
    """(start, end, granularity) of a reference date: YYYY-MM-DD, YYYY-MM (a month) or YYYY."""
    text = str(value).strip() if value is not None else ""
    span = iso_span(text) if re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", text) else None
    if span is None:
        return None
    granularity, start, end = span
    return start, end, granularity


def kind_of(start: dt.date | None, end: dt.date | None) -> str:
    """How a row is drawn: ``point`` (one day), ``span`` (start to end) or ``open`` (one end)."""
    if start is not None and end is not None:
        return "point" if start == end else "span"
    return "open"


# ---------------------------------------------------------------- labels
def _tidy(text: str) -> str:
    """Drop leading conjunctions and dangling punctuation; capitalise the first letter."""
    words = text.strip(" ,;:–—-\"'“”‘’").split(" ")
    while len(words) > 1 and words[0].lower() in _LEADING_WORDS:
        words.pop(0)
    text = " ".join(words).strip(" ,;:–—-.\"'“”‘’")
    return text[:1].upper() + text[1:]


def _segments(text: str) -> list[tuple[int, int]]:
    """Clause spans of ``text`` (start, end), split at commas, brackets and spaced dashes."""
    spans, left = [], 0
    for b in _BREAK.finditer(text):
        if b.start() > left:
            spans.append((left, b.start()))
        left = b.end()
    if left < len(text):
        spans.append((left, len(text)))
    return spans or [(0, len(text))]


# A clause that only dates or places what follows ("On Monday", "after weeks of delays").
_FRONTED = re.compile(
    r"^(?:on|in|at|after|before|since|during|for|by|until|from|over|within|last|this|next|"
    r"earlier|later|early|late|mid|throughout|around|some|every|each)\b", re.I)
# A clause hung on the noun before it ("..., scheduled for the autumn in London").
_PARTICIPLE = re.compile(
    r"^(?:scheduled|planned|expected|due|set|slated|held|to\s+be\s+held)\b", re.I)
_NOUN_AFTER_PREPOSITION = re.compile(r"\b(?:at|to|for|in|on|of|with)\s+(?=(?:the|a|an)\s)",
                                     re.I)


def event_label(description: Any, expression: Any = "", limit: int = LABEL_LIMIT) -> str:
    """A short label for an article event: the clause that names what happened.

    After a fronted date ("On Monday, after weeks of delays, the first 15 boarded"), the
    main clause that follows; for a date hung on a noun ("the meeting, scheduled for the
    autumn"), that noun's phrase; else from the sentence's start (its subject) when the
    expression's clause begins early in it, or from that clause; cut to fit at a word.
    """
    text = " ".join(str(description or "").split())
    expr = " ".join(str(expression or "").split())
    dateline = _DATELINE.match(text)
    if dateline is not None and len(text) > dateline.end():
        text = text[dateline.end():]
    if not text:
        return shorten(_tidy(expr), limit) if expr else ""
    segments = _segments(text)
    at = text.lower().find(expr.lower()) if expr else -1
    k = next((i for i, (s, e) in enumerate(segments) if s <= at < e), 0) if at >= 0 else 0
    pieces = [text[s:e] for s, e in segments]
    if at >= 0 and k + 1 < len(segments) and all(
            _FRONTED.match(p) or p.lower().startswith(expr.lower()) for p in pieces[:k + 1]):
        j = k + 1
        while j + 1 < len(segments) and _FRONTED.match(pieces[j]):
            j += 1
        last = j
        label = _tidy(text[segments[j][0]:segments[last][1]])
        while last + 1 < len(segments) and len(label) < _MIN_LABEL:
            last += 1
            label = _tidy(text[segments[j][0]:segments[last][1]])
        return shorten(label, limit)
    if k > 0 and _PARTICIPLE.match(pieces[k]):
        before = list(_NOUN_AFTER_PREPOSITION.finditer(text, segments[k - 1][0],
                                                        segments[k - 1][1]))
        start = before[-1].end() if before else segments[k - 1][0]
        return shorten(_tidy(text[start:segments[k][1]]), limit)
    last = k
    if segments[k][0] <= limit * 0.6:
        k = 0  # the clause starts early: the sentence's start says who did what
    label = _tidy(text[segments[k][0]:segments[last][1]])
    if len(label) < _MIN_LABEL and at >= 0 and at + len(expr) >= segments[last][1] - 1:
        # "..., and indeed Türkiye recently": the date ends its clause, so what happened
        # comes before it; read from the sentence's start.
        label = _tidy(text[:segments[last][1]])
    while last + 1 < len(segments) and len(label) < _MIN_LABEL:
        last += 1
        label = _tidy(text[segments[k][0]:segments[last][1]])
    return shorten(label, limit)


def reference_label(event: Any, limit: int = LABEL_LIMIT) -> str:
    """A short label for a reference event: its text without asides in brackets, cut short."""
    text = " ".join(_PARENTHETICAL.sub("", str(event or "")).split())
    if len(text) <= limit:
        return text
    ends = [m.start() for m in _SOFT_BREAK.finditer(text) if _MIN_LABEL <= m.start() <= limit]
    return text[: ends[-1]].rstrip(" ,;:") if ends else shorten(text, limit)


# ---------------------------------------------------------------- the table
def read_reference_events() -> pd.DataFrame:
    """The reference events (data/reference/events_timeline.csv); every row has a source."""
    return load_reference("events_timeline")


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of ``df`` as dicts (much faster than ``DataFrame.to_dict`` on small frames)."""
    columns = list(df.columns)
    return [dict(zip(columns, values, strict=True))
            for values in zip(*(df[c].tolist() for c in columns), strict=True)] if columns else []


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _paragraph(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if number > 0 else None


def article_rows(events: pd.DataFrame, article: Article | None = None) -> list[dict[str, Any]]:
    """Timeline rows of the events table's dated rows (one or both dates known)."""
    rows: list[dict[str, Any]] = []
    for ev in _records(events):
        start, end = as_date(ev.get("date_start")), as_date(ev.get("date_end"))
        if start is None and end is None:
            continue
        if start is not None and end is not None and end < start:
            start, end = end, start
        expression = _text(ev.get("expression"))
        description = _text(ev.get("description"))
        if article is not None:  # the whole sentence: a description may be a clipped window
            description = _sentence_around(article, ev.get("start")) or description
        rows.append({
            "origin": "article", "label": event_label(description, expression),
            "date_start": start, "date_end": end,
            "granularity": _text(ev.get("granularity")) or "unknown",
            "kind": kind_of(start, end), "paragraph": _paragraph(ev.get("paragraph")),
            "source": "", "expression": expression,
        })
    return rows


def _sentence_around(article: Article, offset: Any) -> str:
    try:
        at = int(offset)
    except (TypeError, ValueError, OverflowError):
        return ""
    return next((s.text for s in article.sentences if s.start <= at < s.end), "")


def reference_rows(reference_events: pd.DataFrame) -> list[dict[str, Any]]:
    """Timeline rows of reference events with a readable date (YYYY-MM-DD, YYYY-MM or YYYY)."""
    rows: list[dict[str, Any]] = []
    for ref in _records(reference_events):
        parsed = parse_reference_date(ref.get("date"))
        label = reference_label(ref.get("event"))
        if parsed is None or not label:
            continue
        start, end, granularity = parsed
        rows.append({
            "origin": "reference", "label": label, "date_start": start, "date_end": end,
            "granularity": granularity, "kind": kind_of(start, end), "paragraph": None,
            "source": _text(ref.get("source_title")), "expression": _text(ref.get("date")),
        })
    return rows


def with_dates(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with a readable ``dates`` column ("7 Aug 2023", "Jan–Aug 2023", "until 2025")."""
    dates = [format_span(s, e, g) for s, e, g in
             zip(rows["date_start"], rows["date_end"], rows["granularity"], strict=True)]
    return rows.assign(dates=pd.Series(dates, index=rows.index, dtype=object))


def _anchor(row: Mapping[str, Any]) -> dt.date:
    return row["date_start"] or row["date_end"] or dt.date.max


def _merge_duplicates(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per (origin, label, dates, paragraph); the expressions of repeats joined by "; "."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        key = (row["origin"], row["label"], row["date_start"], row["date_end"], row["paragraph"])
        if key in merged:
            if row["expression"] not in merged[key]["expression"].split("; "):
                merged[key]["expression"] += "; " + row["expression"]
        else:
            merged[key] = dict(row)
    return list(merged.values())


def sort_rows(rows: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Rows by date (start, or end when the start is open), then origin, then label."""
    return sorted(rows, key=lambda r: (_anchor(r), r["origin"], r["label"], r["date_end"] or
                                       dt.date.max, r["paragraph"] or 0))


def _frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    df = pd.DataFrame(list(rows), columns=COLUMNS)
    df["paragraph"] = df["paragraph"].astype("Int64")
    return df.reset_index(drop=True)


def timeline(
    article: Article | None, events: pd.DataFrame, reference_events: pd.DataFrame | None
) -> pd.DataFrame:
    """The article's dated events and the reference events in one table sorted by date.

    Dates are ``datetime.date`` (None where a side is open); repeated article rows (the same
    clause dated twice, as a dateline and a weekday) are merged, their expressions joined.
    """
    rows = article_rows(events, article)
    if reference_events is not None:
        rows += reference_rows(reference_events)
    return _frame(sort_rows(_merge_duplicates(rows)))


def unresolved(events: pd.DataFrame) -> pd.DataFrame:
    """The events with neither date resolved (e.g. "last week" in an undated article)."""
    keep = [
        {c: ev.get(c) for c in UNRESOLVED_COLUMNS}
        for ev in _records(events)
        if as_date(ev.get("date_start")) is None and as_date(ev.get("date_end")) is None
    ]
    df = pd.DataFrame(keep, columns=UNRESOLVED_COLUMNS)
    return df.sort_values(["paragraph", "event"], kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------- the window
def window(
    rows: pd.DataFrame, published: dt.date | str | None = None, months: int = 12
) -> tuple[dt.date, dt.date] | None:
    """The dates worth showing: the article's dated events and publication, ± ``months``.

    None when the article has neither a dated event nor a publication date.
    """
    article = rows[rows["origin"] == "article"] if len(rows) else rows
    dates = [d for col in ("date_start", "date_end") for d in map(as_date, article[col])
             if d is not None]
    pub = as_date(published)
    if pub is not None:
        dates.append(pub)
    if not dates:
        return None
    months = max(0, int(months))
    return add_months(min(dates), -months), add_months(max(dates), months)


def within(rows: pd.DataFrame, span: tuple[dt.date, dt.date] | None) -> pd.DataFrame:
    """The article's rows and the reference rows that overlap ``span`` (none without a span)."""
    if not len(rows):
        return rows.copy()
    is_article = rows["origin"] == "article"
    if span is None:
        return rows[is_article].reset_index(drop=True)
    lo, hi = span

    def overlaps(row: Mapping[str, Any]) -> bool:
        start = as_date(row["date_start"]) or dt.date.min
        end = as_date(row["date_end"]) or dt.date.max
        return start <= hi and end >= lo

    keep = [bool(a) or overlaps(r) for a, r in zip(is_article, _records(rows),
                                                     strict=True)]
    return rows[keep].reset_index(drop=True)


def _words(text: str) -> set[str]:
    """Content words of ``text`` (4+ letters, lower case, crude stem of a final s/ed/ing)."""
    words = set()
    for w in _WORD.findall(text.lower()):
        if w in _STOPWORDS:
            continue
        for suffix in ("ing", "ed", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)]
                break
        words.add(w)
    return words


def coincidences(rows: pd.DataFrame, max_days: int = 31) -> pd.DataFrame:
    """Pairs of an article event and a reference event whose dates overlap and whose labels
    share content words, most alike first.

    Only precise rows count (both spans at most ``max_days`` long): a year overlaps too much
    to say anything. ``shared_words`` counts the content words the two labels share: a hint,
    not proof, that they describe the same happening.
    """
    columns = ["label", "expression", "dates", "paragraph", "reference", "reference_date",
               "shared_words"]

    def short(row: Mapping[str, Any]) -> bool:
        start, end = as_date(row["date_start"]), as_date(row["date_end"])
        return start is not None and end is not None and (end - start).days < max_days

    records = _records(rows)
    art = [r for r in records if r["origin"] == "article" and short(r)]
    ref = [r for r in records if r["origin"] == "reference" and short(r)]
    pairs = [
        {"label": a["label"], "expression": a["expression"],
         "dates": format_span(a["date_start"], a["date_end"]), "paragraph": a["paragraph"],
         "reference": r["label"], "reference_date": format_span(r["date_start"], r["date_end"]),
         "shared_words": len(_words(a["label"]) & _words(r["label"]))}
        for a in art for r in ref
        if a["date_start"] <= r["date_end"] and r["date_start"] <= a["date_end"]
    ]
    # Dates alone do not make two events one: keep pairs whose labels share content words.
    pairs = [p for p in pairs if p["shared_words"] > 0]
    pairs.sort(key=lambda p: -p["shared_words"])  # stable: ties keep date order
    df = pd.DataFrame(pairs, columns=columns)
    df["paragraph"] = df["paragraph"].astype("Int64")
    df["shared_words"] = df["shared_words"].astype(int)
    return df


def granularity_mix(rows: pd.DataFrame) -> dict[str, int]:
    """How many article rows have each granularity, most common first (ties by name)."""
    article = rows[rows["origin"] == "article"] if len(rows) else rows
    counts = article["granularity"].value_counts() if len(article) else pd.Series(dtype=int)
    return {str(k): int(v) for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))}


# ---------------------------------------------------------------- the chart
def closeup(rows: pd.DataFrame, published: dt.date | str | None, months: int = 3) -> pd.DataFrame:
    """The precise rows near publication: within ± ``months`` of it and no longer than half that.

    Years and long ranges are left to the full timeline; empty without a publication date.
    """
    pub = as_date(published)
    if pub is None or not len(rows):
        return rows.iloc[:0].reset_index(drop=True)
    months = max(1, int(months))
    lo, hi = add_months(pub, -months), add_months(pub, months)
    longest = (hi - lo).days // 2

    def near(row: Mapping[str, Any]) -> bool:
        start, end = as_date(row["date_start"]), as_date(row["date_end"])
        if start is None or end is None:
            known = start or end
            return known is not None and lo <= known <= hi
        return start <= hi and end >= lo and (end - start).days <= longest

    return rows[[near(r) for r in _records(rows)]].reset_index(drop=True)


