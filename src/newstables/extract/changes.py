"""Is a percentage a change ("up 25%", "25% more than"), or a level ("rose to 10%")? And the
base a change states right after it ("up 25% from 29,437 in 2023")."""

from __future__ import annotations

import re
from functools import lru_cache

from newstables import periods
from newstables.extract.surroundings import Surroundings
from newstables.lexicon import load_json

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _change_words() -> frozenset[str]:
    words = load_json("reference_series.json")["change_words"]
    return frozenset(w for w in words["up"] + words["down"] if " " not in w)


# "made up 10% of", "up to 10%": an "up" that is no rise
_UP_NO_RISE = re.compile(r"\b(?:made|make|makes|making)\s+up\b|\bup\s+to\b", re.I)
# "rose to 10%", "up from 2.5%", "stood at 10%": the percentage is a level, not a change
_LEVEL_BEFORE = re.compile(
    r"\b(?:from|to|at)\s+(?:(?:about|around|almost|nearly|some|just|over|under|more|less|than"
    r"|roughly|approximately)\s+){0,2}$", re.I)


# "to 32% below 2005 levels", "from 10% more": a change after all
_CHANGE_AFTER = re.compile(r"\s*(?:below|above|higher|lower|more|less|fewer|up|down)\b", re.I)


# "... per cent of the total": a share of something, not a change
_SHARE_OF = re.compile(r"\s*of\s+(?:the|all|those|them|these|its|their)\b", re.I)


def is_change(clause: str, sentence: str, before: str = "", after: str = "") -> bool:
    """True when the clause says the figure is a rise or fall, or the sentence names a base;
    not when the words ``before`` the figure make it a level ("rose to 10%", "up from 2.5%")
    and those ``after`` it do not make it a change again ("to 32% below 2005 levels")."""
    if _LEVEL_BEFORE.search(before) and not _CHANGE_AFTER.match(after):
        return False
    if periods.COMPARED_AFTER.match(after):
        return True  # "25% more than the 29,437 who came in 2023"
    if not _change_words().isdisjoint(_WORD.findall(_UP_NO_RISE.sub(" ", clause.lower()))):
        return True
    if _SHARE_OF.match(after):
        return False  # "about 2.5 per cent of the total, compared with just 69 the year
        # before": a share; the base is the count's
    # a base right after another number ("up from 2.5% the previous year") is that number's
    return any(not m.group("after") for m in periods.BASE.finditer(sentence))


def percent_is_change(ctx: Surroundings) -> bool:
    """``is_change`` for the figure in ``ctx``, with the words of its clause before it and
    the sentence after it."""
    start = ctx.spans[ctx.index][0] if ctx.spans else 0
    before = ctx.sentence_text[start:ctx.figure_start] if start <= ctx.figure_start else ""
    return is_change(ctx.clause, ctx.sentence_text, before,
                     ctx.sentence_text[ctx.figure_end:ctx.figure_end + 20])


# Words of a part of a year: a change "from 4,548 in 2022 to 3,793 in 2023" next to them is
# not one of whole years (a month's name as written: "may" is no month)
PART_OF_YEAR = re.compile(
    rf"\b(?:(?-i:{periods._MONTH_NAMES})|quarter|half|months?|weeks?|summer|winter|spring"
    r"|autumn|year\s+to|so\s+far)\b", re.I)


def base_after(ctx: Surroundings) -> re.Match[str] | None:
    """A base stated as a figure with its year right after the change in ``ctx``."""
    return periods.number_base_after(ctx.sentence_text, ctx.figure_end)
