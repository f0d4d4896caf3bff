"""Shares: "X, a third of all ...", "X of Y (Z%)", "three quarters (74%)".
"""


from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newstables.analyse.arithmetic.cues import (
    _BRACKET_CLOSE,
    _BRACKET_OPEN,
    _CHANGE_BEFORE,
    _CONN,
    _CONN_SHORT,
    _OF_NOUN,
    _OF_PART,
    _OF_TOTAL,
    _OR_SHARE,
    _PART_OF_TOTAL,
    _RESTATED,
    _SHARE_AFTER,
    PERCENT,
)
from newstables.analyse.arithmetic.records import (
    _as_percent,
    _by_sentence,
    _check,
    _Fig,
    _fmt1,
    _gap,
    _hedge_kind,
    _ids,
    _level,
    _sentence_bounds,
    _share,
    _spread,
    fmt,
)
from newstables.extract.article import Article


# ------------------------------------------------------------------ shares
def _noun_after_of(text: str) -> str:
    m = _OF_NOUN.match(text)
    return m.group("np").strip() if m else ""


def _share_implied(article: Article, figs: Sequence[_Fig]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    text = article.text
    for sfigs in _by_sentence(figs).values():
        for i, s in enumerate(sfigs):
            share = _share(s)
            if share is None:
                continue
            prev = sfigs[i - 1] if i > 0 else None
            nxt = sfigs[i + 1] if i + 1 < len(sfigs) else None
            s_end = _sentence_bounds(article, s.sentence)[1]
            after = text[s.end : nxt.start if nxt else s_end]
            of_total = nxt is not None and _level(nxt) and _OF_TOTAL.match(after)
            part_before = prev is not None and _level(prev) and _CONN.match(_gap(article, prev, s))
            if part_before and not of_total and _SHARE_AFTER.match(after):
                if _find_change_cue(text, prev, s):
                    continue
                p = prev
                assert p is not None and p.value is not None
                value = p.value / share
                noun = _noun_after_of(after)
                rows.append({
                    "value": value, "unit": p.unit, "period": p.period,
                    "counts": f"{noun} (total)" if noun else f"total of {p.counts}".strip(),
                    "arithmetic": f"{fmt(p.value)} / {fmt(share)} = {fmt(value)}",
                    "from_figures": _ids((p, s)), "paragraph": s.paragraph,
                    "basis": "share of a total", "approximate": p.approximate or s.approximate,
                    "_key": (s.start, p.id, s.id),
                })
            elif of_total and not part_before and not _restates_part(article, sfigs, i + 1):
                t = nxt
                assert t is not None and t.value is not None
                value = share * t.value
                rows.append({
                    "value": value, "unit": t.unit, "period": t.period, "counts": t.counts,
                    "arithmetic": f"{fmt(share)} × {fmt(t.value)} = {fmt(value)}",
                    "from_figures": _ids((s, t)), "paragraph": s.paragraph,
                    "basis": "share of a stated total",
                    "approximate": s.approximate or t.approximate, "_key": (s.start, s.id, t.id),
                })
    rows.extend(_part_of_total_implied(article, figs))
    return rows


def _restates_part(article: Article, sfigs: list[_Fig], j: int) -> bool:
    """Is the total ``sfigs[j]`` followed by its part restated ("..., or roughly 20,000")?"""
    if j + 1 >= len(sfigs):
        return False
    t, p = sfigs[j], sfigs[j + 1]
    return _level(p) and p.unit == t.unit and bool(_RESTATED.match(_gap(article, t, p)))


def _find_change_cue(text: str, a: _Fig, b: _Fig) -> bool:
    """Does the text between two figures say the second is a change ("up 20%")?"""
    return bool(_CHANGE_BEFORE.search(text[a.end : b.start]))


def _part_of_total_implied(article: Article, figs: Sequence[_Fig]) -> list[dict[str, Any]]:
    """"N refugees, among them M Syrians" -> M is M / N of the total."""
    rows: list[dict[str, Any]] = []
    for sfigs in _by_sentence(figs).values():
        for i, t in enumerate(sfigs):
            if not _level(t) or t.rate:
                continue
            later = [f for f in sfigs[i + 1 :] if f.unit == t.unit and _level(f)]
            if len(later) != 1:
                continue
            p = later[0]
            if not _PART_OF_TOTAL.search(_gap(article, t, p)) or not 0 < p.value < t.value:  # type: ignore[operator]
                continue
            share = p.value / t.value * 100  # type: ignore[operator]
            rows.append({
                "value": share, "unit": PERCENT, "period": p.period or t.period,
                "counts": f"{p.counts or 'part'} as a share of {t.counts or 'the total'}",
                "arithmetic": f"{fmt(p.value)} / {fmt(t.value)} × 100 = {_fmt1(share)}",  # type: ignore[arg-type]
                "from_figures": _ids((t, p)), "paragraph": p.paragraph,
                "basis": "part of a stated total", "approximate": p.approximate or t.approximate,
                "_key": (p.start, t.id, p.id),
            })
    return rows


def _percentage_of_checks(article: Article, figs: Sequence[_Fig], tolerance: float) -> list[dict]:
    """"X of Y (Z%)", "Z% (X of Y)", "X, or Z% of Y": X / Y against Z."""
    rows: list[dict[str, Any]] = []
    for sfigs in _by_sentence(figs).values():
        for a, b, c in zip(sfigs, sfigs[1:], sfigs[2:], strict=False):
            g1, g2 = _gap(article, a, b), _gap(article, b, c)
            triple = None
            if _level(a) and _level(b) and _share(c) is not None and a.unit == b.unit:
                if _OF_PART.match(g1) and _CONN.match(g2):
                    triple = (a, b, c)
            if _share(a) is not None and _level(b) and _level(c) and b.unit == c.unit:
                if _CONN_SHORT.match(g1) and _OF_PART.match(g2):
                    triple = (b, c, a)
            if _level(a) and _share(b) is not None and _level(c) and a.unit == c.unit:
                if _CONN.match(g1) and _OF_TOTAL.match(g2):
                    triple = (a, c, b)
            if _share(a) is not None and _level(b) and _level(c) and b.unit == c.unit:
                if _OF_TOTAL.match(g1) and _RESTATED.match(g2):
                    triple = (c, b, a)  # "40% of the 50,000 applicants ..., or roughly 20,000"
            if triple is None:
                continue
            part, total, pct = triple
            if not total.value:
                continue
            expected = part.value / total.value * 100  # type: ignore[operator]
            stated = _as_percent(pct) or 0.0
            arithmetic = (
                f"{fmt(part.value)} / {fmt(total.value)} × 100 = {_fmt1(expected)}"  # type: ignore[arg-type]
                f" (stated: {fmt(stated)}%)"
            )
            rows.append(_check(
                "percentage of a stated total", (a, b, c), arithmetic, expected, pct, stated,
                tolerance, derived=True,
                spread=_spread(lambda pp, tt: pp / tt * 100, (part, total)),
                bound=_bound_of_stated(pct),
            ))
    return rows


def _bound_of_stated(f: _Fig) -> str:
    """What a floor/ceiling hedge on the stated figure lets it claim against the expected."""
    kind = _hedge_kind(f)
    return "le" if kind == "lower" else "ge" if kind == "upper" else ""


def _restated_share_checks(article: Article, figs: Sequence[_Fig], tolerance: float) -> list:
    """"three quarters (74%)", "three quarters of voters, or 75%": a restated share agrees."""
    rows: list[dict[str, Any]] = []
    text = article.text
    for sfigs in _by_sentence(figs).values():
        for a, b in zip(sfigs, sfigs[1:], strict=False):
            pa, pb = _as_percent(a), _as_percent(b)
            gap = _gap(article, a, b)
            bracket = _BRACKET_OPEN.match(gap) and _BRACKET_CLOSE.match(text[b.end : b.end + 3])
            if pa is None or pb is None or not (bracket or _OR_SHARE.match(gap)):
                continue
            # "more than half (55%)": the stated 55 may exceed half; "18.7%, or less than a
            # third": the share may fall short of a third. Either hedge bounds the check.
            kind, restated = _hedge_kind(a), _hedge_kind(b)
            bound = ("ge" if kind == "lower" or restated == "upper"
                     else "le" if kind == "upper" or restated == "lower" else "")
            arithmetic = f"{a.text} = {_fmt1(pa)}% (stated: {b.text})"
            rows.append(_check(
                "share restated", (a, b), arithmetic, pa, b, pb, tolerance,
                derived=True, spread=None, bound=bound,
            ))
    return rows


