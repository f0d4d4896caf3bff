"""Percentage changes: their level, base and comparison period; the figures they imply and
the checks they allow ("from A to B, a Z% rise").
"""


from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newstables.analyse.arithmetic.cues import (
    _BASE_LEAD,
    _CHANGE_AFTER,
    _CHANGE_BEFORE,
    _CLAUSE_BREAK,
    _COMPARATIVES,
    _COMPARE,
    _FALL,
    _FROM_CHANGE,
    _FROM_TAIL,
    _FROM_TO_GAP,
    _PAIR_TAIL,
    _PART_BREAK,
    _PARTICLE_VERBS,
    _PHRASE_CUT,
    _PREVIOUS,
    _RISE,
    _SHARE_AFTER,
    _SHARES,
    _TO_GAP,
    _WORD,
    _YEAR,
    PERCENT,
    POINTS,
)
from newstables.analyse.arithmetic.records import (
    _by_sentence,
    _check,
    _Fig,
    _fmt1,
    _gap,
    _ids,
    _level,
    _sentence_bounds,
    _spread,
    fmt,
)
from newstables.extract.article import Article


# ------------------------------------------------------------------ changes
@dataclass(frozen=True)
class _Change:
    z: _Fig  # the change figure (percent or percentage points)
    sign: int  # +1 rise, -1 fall
    level: _Fig | None  # the value after the change
    base: _Fig | None  # the value before it, when stated
    phrase: str  # the comparison phrase ("2021", "the previous year"), "" if none


def _direction(word: str) -> int:
    w = word.lower()
    return 1 if w in _RISE else -1 if w in _FALL else 0


def _compatible(z: _Fig, f: _Fig) -> bool:
    """Can ``f`` be a level or base of the change ``z``?"""
    if f is z or f.value is None:
        return False
    return f.unit == PERCENT if z.unit == POINTS else _level(f)


def _find_change(article: Article, sfigs: list[_Fig], i: int,
                 previous: list[_Fig] | None = None) -> _Change | None:
    """The change a percent/points figure states, with its level, base and comparison
    (the level may stand in the ``previous`` sentence, named by "this was ...")."""
    z = sfigs[i]
    text = article.text
    s_start, s_end = _sentence_bounds(article, z.sentence)
    prev_end = sfigs[i - 1].end if i > 0 else s_start
    next_start = sfigs[i + 1].start if i + 1 < len(sfigs) else s_end
    after = text[z.end : next_start]
    if _SHARE_AFTER.match(after):
        return None  # "made up 23% of all claims" is a share, not a change
    sign, cue_end = 0, z.end
    m = _CHANGE_BEFORE.search(text[prev_end : z.start])
    if m and (m.group("verb") or "").lower() not in _PARTICLE_VERBS:
        sign = _direction(m.group("cue"))
    if not sign:
        m2 = _CHANGE_AFTER.match(after)
        if m2 and (m2.group("cue").lower() not in _COMPARATIVES or m2.group("than")):
            sign, cue_end = _direction(m2.group("cue")), z.end + m2.end("cue")
    if not sign or z.value is None or z.value >= (100 if sign < 0 and z.unit == PERCENT else 1000):
        return None  # no change, or an implausible one (a misread figure)
    base, level = _from_to(article, sfigs, z)
    phrase = ""
    rest = text[cue_end:s_end]
    c = _COMPARE.match(rest)
    if c:
        at = cue_end + c.start("phrase")
        lead = [f for f in sfigs if f.start >= at and _compatible(z, f)]
        if lead and _BASE_LEAD.match(text[at : lead[0].start]) and base is None:
            base = lead[0]
        elif not base:
            phrase = _PHRASE_CUT.sub("", c.group("phrase")).strip()
    if level is None:
        level = _level_of(article, sfigs, i, cue_end, base)
    if level is None and base is None and previous:
        level = _level_before(article, z, previous)
    if level is None or level is base:
        return None
    if base is None and phrase:
        # "a fall of 36% on 2022, when 45,774 made the journey": the base is stated after all
        period = _comparison_period(phrase, level)
        same = [f for f in sfigs if _compatible(z, f) and f is not level and f.period == period
                and f.unit == level.unit]
        if len(same) == 1:
            base, phrase = same[0], ""
    return _Change(z, sign, level, base, phrase)


def _from_to(article: Article, sfigs: list[_Fig], z: _Fig) -> tuple[_Fig | None, _Fig | None]:
    """The base of a change ("from A", "compared with A") and its level if "from A to B"."""
    text = article.text
    s_start, _ = _sentence_bounds(article, z.sentence)
    cands = [f for f in sfigs if _compatible(z, f)]
    for j, a in enumerate(cands):
        prev_end = max([f.end for f in sfigs if f.end <= a.start], default=s_start)
        if not _FROM_TAIL.search(text[prev_end : a.start]):
            continue
        nxt = cands[j + 1] if j + 1 < len(cands) else None
        pair_to = nxt is not None and _FROM_TO_GAP.match(_gap(article, a, nxt))
        last = nxt if pair_to and nxt is not None else a
        between = text[last.end : z.start] if last.end <= z.start else text[z.end : a.start]
        if _CLAUSE_BREAK.search(between):
            continue  # "from A to B last year, while claims rose 18%": another clause
        return a, (nxt if pair_to else None)
    return None, None


def _level_of(
    article: Article, sfigs: list[_Fig], i: int, cue_end: int, base: _Fig | None
) -> _Fig | None:
    """The value after the change: "to/at X" after it, else the nearest figure before it."""
    z = sfigs[i]
    for f in sfigs[i + 1 :]:
        if _compatible(z, f) and f is not base:
            if _TO_GAP.match(article.text[cue_end : f.start]):
                return f
            break
    for f in reversed(sfigs[:i]):
        if _compatible(z, f) and f is not base:
            return f
    return None


def _changes(article: Article, figs: Sequence[_Fig]) -> list[_Change]:
    out: list[_Change] = []
    by_sentence = _by_sentence(figs)
    for number, sfigs in by_sentence.items():
        levels: set[int] = set()
        for i, f in enumerate(sfigs):
            if f.unit in (PERCENT, POINTS):
                change = _find_change(article, sfigs, i, by_sentence.get(number - 1, []))
                if change is not None and change.level.id not in levels:
                    # "up 10% this year, reaching £4 billion, after a 5% rise last year": a
                    # level that one change reaches is not another's in its sentence
                    out.append(change)
                    levels.add(change.level.id)
    return out


# "this was the highest number of deportations, up 161%": the level is in the sentence before.
_ANAPHOR = re.compile(r"(?:^|\b(?:that|revealed|showed|said)\s+)(?:this|that|it)\s+"
                      r"(?:was|is|marks?|marked|represents?|represented)\b", re.I)


def _stems(text: str) -> set[str]:
    return {w.lower()[:5] for w in _WORD.findall(text) if len(w) >= 5}


def _level_before(article: Article, z: _Fig, previous: list[_Fig]) -> _Fig | None:
    """The one level of the previous sentence that an anaphoric "this was ... up N%" names:
    in the same paragraph, of a compatible unit, sharing a word stem with the sentence."""
    s_start, s_end = _sentence_bounds(article, z.sentence)
    sentence = article.text[s_start:s_end]
    if not _ANAPHOR.search(sentence):
        return None
    words = _stems(sentence)
    found = [f for f in previous if f.paragraph == z.paragraph and f.value is not None
             and f.unit not in _SHARES | {POINTS} and _stems(f.counts) & words]
    return found[0] if len(found) == 1 else None


def _shift_years(period: str, by: int) -> str:
    return _YEAR.sub(lambda m: str(int(m.group()) + by), period)


def _comparison_period(phrase: str, level: _Fig) -> str:
    """The period of a comparison phrase, resolved against the level's period."""
    phrase = re.sub(r"^(?:in|at|on|during)\s+", "", phrase.strip(), flags=re.I)
    if not phrase and re.fullmatch(r"\d{4}", level.period or ""):
        # "fell by 37% in 2024 to 240,000": a year's change is from the year before (as
        # the claims read it); a month's or a quarter's could be from a year earlier
        return f"{int(level.period) - 1} (the year before; not stated)"
    if not phrase:
        return "the comparison period (not stated)"
    if _YEAR.search(phrase):
        years = _YEAR.findall(phrase)
        return years[0] if re.fullmatch(r"(?:the\s+)?(?:year\s+)?\d{4}", phrase, re.I) else phrase
    if _PREVIOUS.search(phrase) and _YEAR.search(level.period):
        return _shift_years(level.period, -1)
    return phrase


def _decimals(value: float) -> int:
    """Decimal places a stated value is written with (124441 -> 0, 3.5 -> 1)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def _implied_from_changes(changes: list[_Change]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for ch in changes:
        if ch.base is not None or ch.level is None:
            continue
        x, z = ch.level, ch.z
        assert x.value is not None and z.value is not None
        op = "+" if ch.sign > 0 else "−"
        if z.unit == POINTS:
            value = x.value - ch.sign * z.value
            arithmetic = f"{fmt(x.value)} {'−' if ch.sign > 0 else '+'} {fmt(z.value)}"
            basis = "percentage-point change"
        else:
            factor = 1 + ch.sign * z.value / 100
            if factor <= 0:
                continue
            # Rounded to the precision of its inputs: 124,441 and 161% give 47,679.
            value = round(x.value / factor, max(_decimals(x.value), _decimals(z.value)))
            arithmetic = f"{fmt(x.value)} / (1 {op} {fmt(z.value)}/100)"
            basis = "rise" if ch.sign > 0 else "fall"
            basis = f"percentage {basis}"
        rows.append({
            "value": value, "unit": x.unit, "period": _comparison_period(ch.phrase, x),
            "counts": x.counts or z.counts, "arithmetic": f"{arithmetic} = {fmt(value)}",
            "from_figures": _ids(sorted((x, z), key=lambda f: f.start)),
            "paragraph": z.paragraph, "basis": basis,
            "approximate": x.approximate or z.approximate, "_key": (z.start, x.id, z.id),
        })
    return rows


def _implied_from_pairs(
    article: Article, figs: Sequence[_Fig], changes: list[_Change]
) -> list[dict[str, Any]]:
    """"29,437 ..., down from 45,774": the change two stated values imply, when not stated."""
    rows: list[dict[str, Any]] = []
    text = article.text
    stated = {(id(ch.base), id(ch.level)) for ch in changes if ch.base}
    for sfigs in _by_sentence(figs).values():
        s_start, _ = _sentence_bounds(article, sfigs[0].sentence)
        levels = [f for f in sfigs if f.value is not None and f.unit not in _SHARES | {POINTS}]
        for j, a in enumerate(levels):
            prev_end = max([f.end for f in sfigs if f.end <= a.start], default=s_start)
            tail = text[prev_end : a.start]
            nxt = levels[j + 1] if j + 1 < len(levels) else None
            lead = text[max(s_start, a.start - 80) : a.start]
            if nxt is not None and nxt.unit == a.unit and _FROM_TO_GAP.match(
                _gap(article, a, nxt)
            ) and _FROM_CHANGE.search(lead):
                b = nxt
            elif _PAIR_TAIL.search(tail):
                before = [f for f in levels[:j] if f.unit == a.unit]
                b = before[-1] if before else None
                if b is None or _PART_BREAK.search(_gap(article, b, a)):
                    continue
            else:
                continue
            if not a.value or b.value is None or (id(a), id(b)) in stated:
                continue
            if a.unit == PERCENT:
                value, unit = b.value - a.value, POINTS
                arithmetic = f"{fmt(b.value)} − {fmt(a.value)} = {_fmt1(value)}"
            else:
                value, unit = (b.value - a.value) / a.value * 100, PERCENT
                arithmetic = (
                    f"({fmt(b.value)} − {fmt(a.value)}) / {fmt(a.value)} × 100 = {_fmt1(value)}"
                )
            if a.period and b.period and a.period != b.period:
                period = f"{a.period} to {b.period}"
            else:
                period = b.period or (f"since {a.period}" if a.period else "")
            rows.append({
                "value": value, "unit": unit, "period": period,
                "counts": f"change in {b.counts or a.counts or 'the value'}",
                "arithmetic": arithmetic,
                "from_figures": _ids(sorted((a, b), key=lambda f: f.start)),
                "paragraph": b.paragraph, "basis": "change between two stated values",
                "approximate": a.approximate or b.approximate, "_key": (a.start, a.id, b.id),
            })
    return rows


def _change_checks(article: Article, figs: Sequence[_Fig], tolerance: float) -> list[dict]:
    rows: list[dict[str, Any]] = []
    for ch in _changes(article, figs):
        a, b, z = ch.base, ch.level, ch.z
        if a is None or b is None or not a.value:
            continue
        stated = ch.sign * (z.value or 0.0)
        figs_ = sorted((a, b, z), key=lambda f: f.start)
        if z.unit == POINTS:
            expected = b.value - a.value  # type: ignore[operator]
            arithmetic = f"{fmt(b.value)} − {fmt(a.value)} = {fmt(expected)}"  # type: ignore[arg-type]
            spread = _spread(lambda bb, aa: bb - aa, (b, a))
            rule = "percentage-point change between two stated values"
        else:
            expected = (b.value - a.value) / a.value * 100  # type: ignore[operator]
            arithmetic = (
                f"({fmt(b.value)} − {fmt(a.value)}) / {fmt(a.value)} × 100 = "  # type: ignore[arg-type]
                f"{_fmt1(expected)}"
            )
            spread = _spread(lambda bb, aa: (bb - aa) / aa * 100, (b, a))
            rule = "percentage change between two stated values"
        arithmetic += f" (stated: {'−' if stated < 0 else '+'}{fmt(abs(stated))})"
        rows.append(_check(rule, figs_, arithmetic, expected, z, stated, tolerance,
                           derived=True, spread=spread))
    return rows


