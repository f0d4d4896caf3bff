"""Records an article claims ("the highest figure on record", "the lowest level since 2021",
"a record 45,774"), set against the history of the series its figure was checked with.

A record is said of a level: the figure it follows in its sentence, or the last figure of the
sentence before when the record's words refer back ("this was the highest number of
deportations in Türkiye's history"). The series' value for that figure's period is compared
with its values for the earlier periods of the same length (since the year the words name, or
all of them for "on record", "ever", "in ... history"). The answer is a note on the figure's
claim, as strong as the series is long: a record "in history" over a series that starts in
2021 is only a record since 2021, and the note says so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from newstables.analyse.series_lookup import history
from newstables.extract.article import Article
from newstables.hedges import fmt
from newstables.lexicon import load_json

_WORDS = load_json("records.json")
_HIGH = frozenset(_WORDS["highest"])
_LOW = frozenset(_WORDS["lowest"])
_YEAR = r"(?:19|20)\d\d"
# "the highest annual figure since 2019", "the most ... in Türkiye's history", "on record"
_RECORD = re.compile(
    r"\b(?:the|its|their)\s+(?P<ord>(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th)"
    r"[\s-]+)?(?P<w>" + "|".join(sorted(_HIGH | _LOW, key=len, reverse=True)) + r")\b"
    r"(?:\s+[\w’'-]+){0,5}?\s+(?P<reach>on\s+record|ever(?:\s+recorded)?\b"
    r"|(?P<this>(?:so\s+far\s+)?this\s+year|of\s+the\s+year\s+so\s+far)\b"
    r"|in\s+(?:[\w’'-]+\s+){0,2}history|since\s+records\s+began(?:\s+in\s+(?P<y1>"
    + _YEAR + r"))?|since\s+(?P<y2>" + _YEAR + r")\b)", re.I)
# "a record 45,774", "a new record of 1,000", "a record low of 300": just before the figure
_A_RECORD = re.compile(r"\ban?\s+(?:new\s+)?record(?:\s+(?P<d>high|low))?(?:\s+of)?\s+$", re.I)
# "this was the highest ...": the record's words refer to the sentence before's figure
_REFERS_BACK = re.compile(
    r"\b(?:this|that|it)\s+(?:was|is|marks?|marked|represents?|represented|made)\s+$", re.I)
# "one of the highest", "not the highest": no record claimed
_NOT_A_RECORD = re.compile(r"\b(?:one\s+of|among|not|never|nor)\s+$", re.I)
# "from 28,526 in 2021", "than 45,774": a comparison's base, not the level a record is of
_BASE_BEFORE = re.compile(
    r"\b(?:from|than|compared\s+(?:with|to)|against|versus)\s+(?:[\w’'-]+\s+){0,2}$", re.I)


@dataclass(frozen=True)
class _Claim:
    phrase: str
    highest: bool
    since: int | None  # the year after which the values count; None: the whole series
    this_year: bool = False  # "so far this year": the values of the figure's own year


def add_record_notes(article: Article, figures: list[dict[str, Any]],
                     rows: list[dict[str, Any]], skip: frozenset[str]) -> None:
    """Append to each checked claim's ``notes`` what the series says of the records its
    sentence claims for it, in place (``figures`` and ``rows`` in the same order)."""
    for index, claim in _claims(article, figures):
        row = rows[index]
        if row["series"] and row["compared_as"] != "change" and row["verdict"] not in (
                "cannot check", "not comparable", "circular"):
            note = _check(claim, row, skip)
            if note:
                row["notes"] = f"{row['notes']} | {note}" if row["notes"] else note


def _levels(figures: list[dict[str, Any]], lo: int, hi: int) -> list[int]:
    """Indices of the figures between offsets ``lo`` and ``hi`` that are levels."""
    return [i for i, f in enumerate(figures)
            if lo <= _offset(f.get("start")) < hi
            and str(f.get("unit") or "") not in ("percent", "percentage points", "share")]


def _offset(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


_STEM = re.compile(r"[^\W\d_]{5,}")


def _referred(figures: list[dict[str, Any]], levels: list[int], phrase: str) -> int | None:
    """Which of the sentence before's levels a record refers back to: the only one, or the
    last whose counted words share a stem with the record's ("the highest number of
    deportations": "irregular migrants deported")."""
    if len(levels) == 1:
        return levels[0]
    def stems(text: str) -> set[str]:
        return {w[:5].lower() for w in _STEM.findall(text)}

    said = stems(phrase)
    shared = [i for i in levels if said & stems(str(figures[i].get("counts") or ""))]
    return shared[-1] if shared else None


def _claims(article: Article, figures: list[dict[str, Any]]) -> list[tuple[int, _Claim]]:
    out: list[tuple[int, _Claim]] = []
    previous = None
    for sent in article.sentences:
        text = sent.text
        for m in _RECORD.finditer(text):
            if m.group("ord") or _NOT_A_RECORD.search(text, 0, m.start()):
                continue  # "the second highest", "one of the highest"
            at = sent.start + m.start()
            before = [i for i in _levels(figures, sent.start, at) if not _BASE_BEFORE.search(
                text, 0, _offset(figures[i].get("start")) - sent.start)]
            target = before[-1] if before else None
            if target is None and previous is not None and previous.paragraph == sent.paragraph \
                    and _REFERS_BACK.search(text, 0, m.start()):
                target = _referred(figures, _levels(figures, previous.start, previous.end),
                                   m.group())
            if target is not None:
                # "since 2019" counts the years after 2019; "since records began in 2018"
                # counts 2018 too
                since = (int(m.group("y1")) - 1 if m.group("y1")
                         else int(m.group("y2")) if m.group("y2") else None)
                out.append((target, _Claim(" ".join(m.group().split()),
                                           m.group("w").lower() in _HIGH, since,
                                           bool(m.group("this")))))
        for i in _levels(figures, sent.start, sent.end):
            a = _A_RECORD.search(text, 0, _offset(figures[i].get("start")) - sent.start)
            if a is not None:
                out.append((i, _Claim(" ".join(a.group().split()),
                                      (a.group("d") or "high").lower() == "high", None)))
        previous = sent
    return out


def _check(claim: _Claim, row: dict[str, Any], skip: frozenset[str]) -> str:
    rows = history(row["series"], skip)
    own = next((r for r in rows if r["period"] == row["series_period"]), None)
    if own is None:
        return ""  # a sum of periods or a running total: no one value to rank
    days = (own["end"] - own["start"]).days
    same = [r for r in rows if abs((r["end"] - r["start"]).days - days) <= 3]
    since = own["start"].year - 1 if claim.this_year else claim.since
    reach = dt.date(since + 1, 1, 1) if since is not None else None
    earlier = [r for r in same if r["end"] < own["start"] and (reach is None
                                                               or r["start"] >= reach)]
    said = f"'{claim.phrase}'"
    if not earlier:
        return f"{said}: the series has no earlier value to rank {own['period']} against"
    beaten = [r for r in earlier if (r["value"] > own["value"] if claim.highest
                                     else r["value"] < own["value"])]
    span = f"{earlier[0]['period']} to {earlier[-1]['period']}"
    if beaten:
        top = (max if claim.highest else min)(beaten, key=lambda r: r["value"])
        word = "higher" if claim.highest else "lower"
        return (f"{said}: not in the series: {top['period']} was {word} "
                f"({fmt(top['value'])} against {fmt(own['value'])} in {own['period']})")
    note = (f"{said}: holds in the series ({fmt(own['value'])} in {own['period']}; "
            f"{len(earlier)} earlier value{'s' if len(earlier) > 1 else ''}, {span})")
    if reach is None:
        note += f"; the series starts in {same[0]['period']}: a longer record is not shown"
    elif same[0]["start"] > reach:
        note += (f"; the series starts in {same[0]['period']}: the values from "
                 f"{reach.isoformat()} before it are not shown")
    return note
