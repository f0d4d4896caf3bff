"""A figure's period from an earlier sentence: a sentence that states none and tells of the
past takes the single past period of the nearest sentence before it with figures ("Frontex
recorded nearly 240,000 detections in 2024. ... The Western Balkans route saw a 78% drop to
21,525": 2024).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from newstables import periods
from newstables.extract.article import Article
from newstables.extract.surroundings import Surroundings
from newstables.periods import Period

# "..., figures published on Thursday show", "the Home Office said on Monday", "ahead of their
# publication on Thursday": a report's day
REPORTED_ON = re.compile(r"\b(?:published|released|said|says|announced|reported|told|show|shows"
                         r"|showed|publication|release)\s+(?:\w+\s+)?$", re.I)
# A month or a part of a year that a sentence names though extraction read no period from it
_UNREAD_TIME = re.compile(rf"\b(?:(?-i:{periods._MONTH_NAMES})|Q[1-4]|H[12])\b")
# A sentence whose figures need not be of an earlier sentence's period: the present ("are
# waiting"), the future, a wish or a condition ("Officials expect 50,000"), a time of its own
# extraction does not read ("During Sunak's premiership", "in just three months", "after the
# Act passed", "At the peak", "on the busiest day")
_NOT_PAST = re.compile(
    r"\b(?:is|are|has|have|remains?|stands?|now|currently|today|so\s+far|will|would|could"
    r"|should|may|might|must|shall|can|if|unless|expects?|expected|wants?|wanted|hopes?|hoped"
    r"|aims?|plans?|planned|targets?|forecasts?|predicts?|predicted|projects?|projected|fears?"
    r"|estimates?)\b", re.I)
# ... and in the figure's own clause ("..., after Tunisia and Libya stepped up efforts" is
# another clause's time)
_OWN_TIME = re.compile(
    r"\b(?:after|before|during|since(?!\s+(?:19|20)\d\d\b)|until|till|when|once"
    r"|under\s+(?:the|a|an|his|her|their|its)|peak|ago|earlier|later"
    r"|previously|next|last|day|days|week|weeks|month|months|year|years|decade|decades"
    r"|this(?=\s+(?:morning|afternoon|evening|weekend|time|period|season)\b)"  # (not "this route")
    r"|in\s+total|altogether|all\s+told|in\s+all|overall|then|subsequently|afterwards|peak"
    r"|peaked|height|spring|summer|autumn|winter|watch|office|(?-i:under\s+[A-Z]))\b",
    re.I)
# A sentence between that moves the story in time ("X later vowed to cut that number"); not
# a record's reach ("the highest since Frontex began collecting data in 2009")
_MOVE_WORDS = r"later|then|subsequently|afterwards|next|since(?!\s+(?:19|20)\d\d\b)|until"
_SHIFTS = re.compile(rf"\b(?:{_MOVE_WORDS}|will|would)\b", re.I)
_MOVES = re.compile(rf"\b(?:{_MOVE_WORDS})\b", re.I)
# A sentence's end: one without (a headline, a subhead) lends no period
_CLOSED = re.compile(r"[.!?…][\"”’')\]]*\s*$")
INHERITED = "an earlier sentence's period: its own states none"
# Where a sentence gives what its figure is compared with, to the clause's end ("..., down
# from a peak of 175,457 in June 2023 but ...", "compared with 29,561 a year earlier")
_BASE_STRETCH = re.compile(
    r"\b(?:(?:up|down|rising|falling|rose|fell)\s+from\b|compared\s+(?:with|to)\b|from\s+(?:a|the)\s+"
    r"(?:previous\s+)?(?:peak|high|record|low)\b|" + periods.AFTER_A_RECORD + r")"
    r"(?:[^,;:.!?]|[,.](?=\d))*?"
    r"(?=\s+(?:but|and|while)\b|[;:!?]|[,.](?!\d)|$)", re.I)


def base_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` tells what a figure is compared with (its base), not when the figure
    itself was counted."""
    return [m.span() for m in _BASE_STRETCH.finditer(text)]


def in_a_base(spans: list[tuple[int, int]], at: int) -> bool:
    """Does ``at`` fall in one of ``spans`` (``base_spans``)?"""
    return any(a <= at < b for a, b in spans)


_REACH_BACK = 10  # sentences an earlier sentence's period is looked for in


def an_earlier_sentences(article: Article, ctx: Surroundings, published: dt.date | None,
                         inherited: dict[int, Period], counted: set[int]) -> Period | None:
    """The period of a figure whose sentence states none and tells of the past ("The Western
    Balkans route recorded 21,525 detections"): that of the nearest of the three sentences
    before it (within ten, passing over those with neither figures nor periods) that states a
    period, when that one has figures (``counted``: the starts of the sentences with figures)
    and states a single past year, quarter, month or span, not a
    report's day or a comparison's base; or the period such a sentence lent its own figures
    (``inherited``). None for the present ("118,882 are waiting"), the future, a wish or a
    condition ("Officials expect 50,000"), a time of its own that is not read ("during
    Sunak's premiership", "in just three months", "on the busiest day"); when the nearest
    dated sentence names several periods ("36,816 in 2024 and 29,437 in 2023") or dates an
    event, not a figure ("The Act became law in 2022"); and after a figure with no period."""
    # not a change's base ("an increase of 14% compared with the previous year", "from
    # 175,457 three months earlier")
    own = periods.EARLIER.sub(" ", periods.BASE.sub(" ", ctx.sentence_text))
    clause = periods.EARLIER.sub(" ", periods.BASE.sub(" ", ctx.clause or ctx.sentence_text))
    if _NOT_PAST.search(own) or found_beyond_records(_OWN_TIME, clause) or (
            _UNREAD_TIME.search(own) or _in_a_quote(ctx)):
        return None
    # "down 58 percent on 2023": the figures are of a later time than that base year
    bases = [int(m.group("y")) for m in periods.BASE.finditer(ctx.sentence_text) if m.group("y")]
    # (sentences with neither figures nor periods, a quote's or a comment's, are passed over:
    # "... fell by 38% last year, to nearly 67,000. [a minister's reaction, two paragraphs]
    # Frontex recorded nearly 70,000 detections there": 2024)
    before = [s for s in article.sentences if s.end <= ctx.sentence.start][-_REACH_BACK:]
    weighed = 0
    for sentence in reversed(before):
        text = sentence.text
        stated = periods.find_periods(text, published)
        bare = sentence.start not in counted and not stated
        # (a modal in a sentence with neither is someone's plan, not the story's time: "...,
        # and that Italy would ask the new European Commission for additional funds")
        if found_beyond_records(_MOVES if bare else _SHIFTS, text) or not _CLOSED.search(
                text) and (sentence.paragraph == article.paragraphs[0].number
                           or sentence.start not in counted):
            return None  # "X later vowed to cut that number", a headline or a subhead
        if bare:
            continue
        weighed += 1
        if weighed > 3:
            return None
        in_bases = base_spans(text)
        found = [p for s, _, p in stated
                 if not (p.kind == "day" and (REPORTED_ON.search(text, 0, s) or _dateline(
                     p, published))) and not in_a_base(in_bases, s)]
        if bases and all(p.end is not None and p.end.year <= max(bases) for p in found):
            continue  # "In 2023 the agency had recorded more than 380,000": the base's time
        if not found:
            if sentence.start in inherited:
                return inherited[sentence.start]
            if sentence.start in counted:
                return None  # its figures have no period either: the story's time is not clear
            continue
        first = found[0]
        if sentence.start not in counted or len({(p.start, p.end) for p in found}) != 1 or (
                first.kind not in ("year", "quarter", "month", "range", "end")
                or first.start is None
                or first.end is None or published is not None and first.start > published):
            return None  # "The package, which runs until March 2026": no past period
        return replace(periods.clip(first, published), origin=INHERITED)
    return None


def _dateline(period: Period, published: dt.date | None) -> bool:
    """Is a day the report's own ("Warsaw, 14 January 2025 – ...": the publication day or
    the one before), not a period its figures are counted in?"""
    return published is not None and period.end is not None and (
        0 <= (published - period.end).days <= 1)


def _in_a_quote(ctx: Surroundings) -> bool:
    """Is the figure inside quotation marks opened in its paragraph before it?"""
    at = ctx.paragraph_text.find(ctx.sentence_text)
    lead = ctx.paragraph_text[: max(0, at) + ctx.figure_start]
    return lead.count("“") > lead.count("”") or lead.count('"') % 2 == 1


def found_beyond_records(pattern: re.Pattern[str], text: str) -> bool:
    """Does ``pattern`` match in ``text`` other than at the 'since' of a record's reach ("the
    highest since Frontex began collecting data in 2009", "the highest figure since records
    began"), which tells no time of the figure?"""
    return any(not (m.group().lower() == "since" and periods.RECORD_BEFORE.search(
        text, max(0, m.start() - 40), m.start())) for m in pattern.finditer(text))
