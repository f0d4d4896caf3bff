"""A percentage change's series and direction: which of the series its words fit it is
checked against (what its stated base counts and the number it states, its clause's place,
its own unit) and whether it is a rise or a fall."""

from __future__ import annotations

import datetime as dt
import re

from newstables import periods
from newstables.analyse.series_lookup import lookup
from newstables.analyse.series_match import (
    SeriesRule,
    Texts,
    candidates,
    comparable,
    counted_unit,
    geographies,
    ngrams,
    vocabulary,
)
from newstables.extract.surroundings import Surroundings
from newstables.periods import Period


def change_series(found: list[tuple[int, SeriesRule]], ctx: Surroundings, own: str,
                   base: Period, published: dt.date | None, skip: frozenset[str],
                   target: Period | None = None
                   ) -> tuple[list[tuple[int, SeriesRule]], tuple[str, SeriesRule] | None]:
    """The series a percentage change may be checked against, of those its words fit
    (``found``): those its stated base counts and has the number of, or that have the level
    it says the change reached for the ``target`` period, in its clause's place and its own
    words' unit; with a reason (and the series it concerns) when none is left."""
    stated = periods.stated_base(ctx.sentence_text, ctx.figure_end)
    found, other = _fit_base(found, periods.base_words(stated))
    if other:
        return found, (other, found[0][1])
    # "UK crossings rose 25% ..., while arrivals in Italy fell 58%": each its own place
    places = geographies(ctx.clause) or (geographies(own) if own else set())
    found = [(s, r) for s, r in found if not places or r.geography in places] or found
    value = periods.base_value(stated)
    if value:  # "from 52,767 in 2023 to ...": the series that has that number for the base
        found = [(s, r) for s, r in found if _has_value(r, base, published, skip, value)] or (
            found)
    level = _LEVEL_AFTER.match(ctx.sentence_text, ctx.figure_end)
    if level and target is not None:
        # "rose 17% last year to around 380,000": the series that has about that level
        reached = float(level.group("n").replace(",", "")) * (
            1_000_000 if level.group("m") else 1_000 if level.group("k") else 1)
        found = [(s, r) for s, r in found
                 if _has_value(r, target, published, skip, reached, 0.05)] or found
    if own and counted_unit(own):
        # "66,317 sea arrivals, down 58%": a change in people is not one in detections;
        # "The number of boats fell by 46%": the series of boats
        alike = [(s, r) for s, r in found if not comparable(r, own)]
        if not alike:
            rule = found[0][1]
            return [], (f"{rule.title}: {comparable(rule, own)}", rule)
        found = alike
    if not ngrams(ctx.widened).isdisjoint(vocabulary().uncounted):
        # "At least 12 people died ..., 75% fewer than the 48 in 2021": deaths
        return found, ("no reference series counts what this percentage is about", found[0][1])
    return found, None


def _has_value(rule: SeriesRule, period: Period, published: dt.date | None,
               skip: frozenset[str], value: float, within: float = 0.01) -> bool:
    """Does ``rule`` give ``value`` (within a share ``within`` of it) for ``period``?"""
    got = lookup(rule.key, period, published, skip)
    return got.value is not None and abs(got.value - value) <= within * value


# The level a change reached, stated after it: "rose 17% last year to around 380,000"
_LEVEL_AFTER = re.compile(
    r"[^,;.]{0,40}?\bto\s+(?:(?:about|around|some|nearly|almost|just\s+over|over|more\s+than)"
    r"\s+)?(?P<n>\d[\d,]*(?:\.\d+)?)(?:\s*(?P<m>million|m\b)|\s*(?P<k>thousand))?", re.I)


def _fit_base(found: list[tuple[int, SeriesRule]], words: str
              ) -> tuple[list[tuple[int, SeriesRule]], str]:
    """The series a change may be checked against, given what the base it states counts
    (``words``): those its words fit too, in its unit ("down 28% from 132,182 cases": the
    backlog of cases, not of people); with a reason instead when its words fit only other
    series ("up 186% from the 29,437 small boat arrivals" for asylum claims)."""
    if not words:
        return found, ""
    texts = Texts(ngrams(words), ngrams(words), ngrams(words), frozenset(), ngrams(words))
    fits = {r.key for _, r in candidates(texts, "count")}
    if fits and not fits & {r.key for _, r in found}:
        return found, f"its base, '{words}', counts another series than the change"
    kept = [(s, r) for s, r in found if not fits or r.key in fits]
    alike = [(s, r) for s, r in kept if not comparable(r, words)] if counted_unit(words) else []
    return alike or kept, ""


def direction(ctx: Surroundings) -> int:
    compared = periods.COMPARED_AFTER.match(ctx.sentence_text, ctx.figure_end)
    if compared is not None:  # "36% fewer than the 45,774 recorded in 2022"
        return -1 if compared.group("down") else 1
    lead = ngrams(" ".join(ctx.sentence_text[: ctx.figure_start].split()[-3:]))
    vocab = vocabulary()
    if lead & vocab.down_words or lead & vocab.up_words:
        # "up 25% from 29,437 in 2023 and well below the 45,774 in 2022": its own word
        return -1 if lead & vocab.down_words else 1
    grams = ngrams(ctx.clause) or ngrams(ctx.sentence_text)
    return -1 if any(w in grams for w in vocabulary().down_words) else 1
