"""Hedges before a number, and ranges: between X and Y, X-Y, from X to Y.
"""

from __future__ import annotations

import re

from newstables.extract.figure_grammar import (
    _CHANGE,
    _HEDGE_BEFORE,
    _HEDGE_LAST,
    _LEVEL_VERBS,
    _RANGE_GAP,
    _Fig,
)
from newstables.extract.numbers import change_by_to, is_score

# ---------------------------------------------------------------- hedges and ranges


_MOVED_UP = frozenset({"revised", "gone", "went", "go", "goes", "shot", "moved", "ramped",
                       "stepped", "scaled", "pushed", "crept", "rounded", "bumped", "marked"})


def _find_hedge(fig: _Fig, tail: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Take a hedge ("more than", "some") from the end of ``tail``; return the rest. A verb
    that hedges ("Crossings topped 30,000") stays in the rest too: it says what is counted."""
    if not tail or tail[-1][1] not in _HEDGE_LAST:
        return tail
    for k in range(min(4, len(tail)), 0, -1):
        phrase = " ".join(w for _, w in tail[-k:])
        if phrase == "up to" and len(tail) > k and tail[-k - 1][1] in _MOVED_UP:
            return tail  # "revised up to 81,130", "went up to": a level reached, no bound
        if phrase in _HEDGE_BEFORE:
            fig.hedge = phrase
            fig.hedge_kind = _HEDGE_BEFORE[phrase]
            fig.hedge_start = tail[-k][0]
            return tail if phrase in _LEVEL_VERBS else tail[:-k]
    return tail


def _merge_ranges(figs: list[_Fig], text: str) -> list[_Fig]:
    """Join "between 500 and 600", "500-600", "from 10 to 20 percent" into one range figure."""
    out: list[_Fig] = []
    i = 0
    while i < len(figs):
        if i + 1 < len(figs) and figs[i].kind == figs[i + 1].kind == "number" and is_score(
                text, figs[i].start, figs[i].end, figs[i + 1].start, figs[i + 1].end):
            i += 2  # "won 3-1": a score, not two quantities
            continue
        merged = _range_of(figs[i], figs[i + 1], text) if i + 1 < len(figs) else None
        if merged is not None:
            out.append(merged)
            i += 2
        else:
            out.append(figs[i])
            i += 1
    return out


def _change_before(words: tuple[str, ...] | list[str]) -> bool:
    """Whether the words end with a change: "rose", "up by", "fell sharply from"."""
    w = list(words)
    if w and w[-1] in ("by", "from", "to"):
        w.pop()
    if w and w[-1].endswith("ly") and len(w) > 1:
        w.pop()
    if w[-2:] in (["made", "up"], ["make", "up"], ["makes", "up"], ["making", "up"]):
        return False
    return bool(w) and w[-1] in _CHANGE


# A change verb and a count of something before "from X to Y": "increase the number of joint
# investigations from 20 to 40" gives two values, not a range ("expand the scheme for people
# aged from 18 to 25" stays a range).
_CHANGED_COUNT = re.compile(
    rf"\b(?:{'|'.join(sorted(_CHANGE))})\s+(?:the|its|their)\s+"
    r"(?:number|amount|share|proportion|size|level|rate|total)\s+of\s[^.,;:!?\d]*$"
)


# A change verb, an adverb maybe, and a comma before "from X to Y": "fell less sharply, from
# 1,110 to 602" gives two values, as "fell from 1,110 to 602" does.
_CHANGE_COMMA = re.compile(
    rf"\b(?:{'|'.join(sorted(_CHANGE))})(?:\s+(?:less|more|much|far|even)?\s*\w+ly)?\s*,\s*$")


def _change_of_count(text: str, at: int) -> bool:
    """Whether the words before ``at`` (up to 100 characters, no punctuation between) are a
    change verb and the count it changes, with no "aged" or "between" right before ``at``."""
    before = text[max(0, at - 100) : at].lower()
    return _CHANGED_COUNT.search(before) is not None and not before.rstrip().endswith(
        ("aged", "ages"))


def _range_of(a: _Fig, b: _Fig, text: str) -> _Fig | None:
    if a.kind not in ("number", "words") or b.kind not in ("number", "words"):
        return None
    if a.value is None or b.value is None or b.hedge_start is not None:
        return None
    if a.hedge is not None and a.hedge_start is None:  # "500 or so"
        return None
    gm = _RANGE_GAP.fullmatch(text, a.end, b.start)
    if not gm:
        return None
    word = (gm.group("w") or "").lower()
    lead = a.tail[-1] if a.tail and a.tail[-1] in ("between", "from") else ""
    change = _change_before(a.tail[:-1] if lead == "from" else a.tail) or change_by_to(
        a.tail, word) or (lead == "from" and (_change_of_count(text, a.tail_at[-1]) or (
            _CHANGE_COMMA.search(text[max(0, a.tail_at[-1] - 60) : a.tail_at[-1]].lower()))))
    if word == "and" and lead != "between":
        return None
    if word == "or" and not (a.kind == b.kind and a.value < b.value <= 2 * a.value + 1):
        return None
    if word in ("to", "till", "until"):
        if lead == "between":
            return None
        if change:
            _adopt(a, b)
            return None
    low, high = _adopted_bounds(a, b)
    if low is not None and high is not None and high < low < 0:
        low, high = high, low  # "from -5 to -10 degrees"
    if low is None or high is None or not low < high:
        return None
    unit = b.unit if a.unit == "count" else a.unit
    if a.unit not in ("count", unit):
        return None
    fig = _Fig(a.start, b.end, "range", None, low=low, high=high, unit=unit, scaled=True)
    fig.hedge, fig.hedge_kind, fig.hedge_start = a.hedge, a.hedge_kind, a.hedge_start
    fig.tail, fig.tail_at = a.tail, a.tail_at
    if lead and word != "or":
        fig.start, fig.hedge_start = a.tail_at[-1], None  # the hedge sits inside the span
        rest = _find_hedge(fig, list(zip(a.tail_at[:-1], a.tail[:-1], strict=True)))
        fig.tail, fig.tail_at = tuple(w for _, w in rest), tuple(s for s, _ in rest)
    if b.hedge is not None and b.hedge_start is None:
        fig.hedge, fig.hedge_kind = b.hedge, b.hedge_kind
    return fig


def _adopted_bounds(a: _Fig, b: _Fig) -> tuple[float | None, float | None]:
    """The two ends, the first taking the second's scale ("3 to 4 million")."""
    if a.value is None or b.value is None:
        return None, None
    low = a.value
    if a.scale == 1.0 and b.scale > 1.0 and a.raw is not None and b.raw is not None:
        if a.raw < b.raw and a.kind == "number":
            low = a.raw * b.scale
    return low, b.value


def _adopt(a: _Fig, b: _Fig) -> None:
    """In "rose from 10 to 20 percent" the first number takes the second's unit and scale."""
    if a.unit == "count" and b.unit != "count":
        a.unit = b.unit
    if a.scale == 1.0 and b.scale > 1.0 and a.raw is not None and a.kind == "number" and (
            a.unit == b.unit):  # not "grew 25% to 1.3 million"
        a.scale = b.scale
        a.value = a.raw * b.scale


