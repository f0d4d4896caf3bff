"""Checks of an article's figures: what they imply, and whether they add up.

Pure functions over the figures table (``schema.COLUMNS["figures"]``) and the Article, whose
text supplies the words between figures. Every output row names the ids of the figures it
rests on and the paragraph it comes from, and shows its arithmetic.

Implied figures (``implied_figures``):
- change: "124,441 ..., up 161% compared with 2021" -> the 2021 value 124,441 / (1 + 161/100);
  a change in percentage points gives the base by subtraction. A base stated in the sentence
  ("down 21% from 124,461") makes it a consistency check instead.
- change between two stated values: "29,437, down from 45,774" -> -35.7% (when unstated).
- share: "X, a third of all ..." / "X, or 12% of ..." -> total = X / share;
  "a third of the 220 hotels" -> part = share x total; "N ..., among them M" -> share M / N.
- cumulative: a count "since 2016" and the same count for its latest single year -> the
  earlier running total as the difference (the counts must share their verb or noun).

Consistency checks (``consistency_checks``):
- parts vs total: parts introduced by "made up of", "split between", "of which", "including",
  "Of the N, ...", a list after "includes:", or a total after its parts ("a total of", "in
  total"); partial cues only require the parts not to exceed the total.
- percentage of: "X of Y (Z%)", "X out of Y, or Z%", "X, or Z% of Y", "Z% of the Y, or X".
- percentage change: "from A to B, a Z% rise", "B, down Z% from A" (points: B - A).
- share restated: "three quarters (74%)", "a third of voters, or 33%", "more than half (55%)".
- expected vs actual: "around 50 had been expected, but some 20 won reprieves" with the
  one other count nearby (those who did).
Verdicts: "adds up" (exact, or exact at the stated figure's printed precision for derived
numbers), "within rounding" (within the rounding of the figures, or within ``tolerance`` when
a figure is hedged or in words), otherwise "does not add up".
"""

from __future__ import annotations

import bisect
import itertools
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from newstables import hedges
from newstables.extract.article import Article
from newstables.paths import LEXICONS

DEFAULT_TOLERANCE = 0.05
IMPLIED_COLUMNS = [
    "implied", "value", "unit", "period", "counts", "arithmetic", "from_figures", "paragraph",
    "basis", "approximate",
]
CHECK_COLUMNS = [
    "check", "rule", "figures", "arithmetic", "expected", "stated", "difference",
    "relative_difference", "verdict", "paragraph",
]
OVERVIEW_COLUMNS = [
    "figure", "text", "amount", "counts", "period", "period_kind", "hedge", "hedge_kind",
    "source", "unit",
    "paragraph",
]
ADDS_UP, WITHIN, DOES_NOT = "adds up", "within rounding", "does not add up"

_CUES: dict[str, Any] = json.loads((LEXICONS / "checks_cues.json").read_text("utf-8"))
PERCENT, POINTS = "percent", "percentage points"
_SHARES = frozenset({"share", "fraction"})
_NOT_LEVELS = frozenset({PERCENT, POINTS, "times"}) | _SHARES
_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€"}


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first; spaces match any whitespace."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# ------------------------------------------------------------------ the cue grammar
_RISE = frozenset(_CUES["rise_words"])
_FALL = frozenset(_CUES["fall_words"])
_COMPARATIVES = frozenset(_CUES["comparatives"])
_HEDGES = _alt(hedges.BEFORE)
_HEDGE_OPT = rf"(?:(?:{_HEDGES})\s+)?"
_BLOCK = r"(?:from|to|than|at|with|of|on|in|and|or|but|while|compared|since|by|as)\b"
_FILL = rf"(?:(?!{_BLOCK})[A-Za-z’'-]+\s+){{0,3}}"
_CHANGE_WORDS = _alt((_RISE | _FALL) - _COMPARATIVES)
_CHANGE_BEFORE = re.compile(
    rf"(?<![\w-])(?:(?P<verb>[A-Za-z]+)\s+)?(?P<cue>{_CHANGE_WORDS})\s+(?:(?:by|of)\s+)?{_FILL}$",
    re.I,
)
_CHANGE_AFTER = re.compile(
    rf"^\s*(?:[A-Za-z]+-[A-Za-z-]+\s+)?(?P<cue>{_alt(_RISE | _FALL)})\b(?P<than>\s+than\b)?", re.I
)
_PARTICLE_VERBS = frozenset(w.lower() for w in _CUES["phrasal_particle_verbs"])
_SHARE_AFTER = re.compile(r"^\s*\)?\s*(?:out\s+)?of\b", re.I)
_COMPARE = re.compile(
    r"^\s*(?:[^\s.;:,]+\s+){0,3}?(?P<m>compared\s+(?:with|to)|than(?:\s+(?:in|at|on|during))?"
    r"|on|from|since|over|against|versus|vs\.?|relative\s+to)\s+(?P<phrase>[^,;:.()–—]+)",
    re.I,
)
_PHRASE_CUT = re.compile(
    r"\s+(?:according|said|says|announced|and|but|while|as|when|after|before|who|which)\b.*$",
    re.I | re.S,
)
_PREVIOUS = re.compile(rf"\b(?:{_alt(_CUES['previous_period'])})\b", re.I)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_ADJ = (
    r"(?:(?:a|an|the)\s+)?(?:(?:record|peak|high|low|total|revised|previous|new)\s+){0,2}"
    r"(?:of\s+)?"
)
_FROM_TAIL = re.compile(rf"\b(?:from|compared\s+(?:with|to)|than)\s+{_ADJ}{_HEDGE_OPT}$", re.I)
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:and|while|whereas|but|although)\b", re.I)
_CHANGE_VERBS = (
    r"(?:up|down|rose|risen|rising|fell|fallen|falling|increased?|decreased?|dropped|jumped"
    r"|climbed|grew|grown|declined?|cut|reduced?|raised?|lowered?|doubled?|halved?|went)"
)
_PAIR_TAIL = re.compile(
    rf"\b(?:{_CHANGE_VERBS}\s+from|compared\s+(?:with|to))\s+{_ADJ}{_HEDGE_OPT}$", re.I
)
_FROM_CHANGE = re.compile(
    rf"\b{_CHANGE_VERBS}\b(?:(?!\bfrom\b).)*\bfrom\s+{_ADJ}{_HEDGE_OPT}$", re.I | re.S
)
_BASE_LEAD = re.compile(rf"^\s*{_ADJ}{_HEDGE_OPT}$", re.I)
_TO_GAP = re.compile(rf"^\s*(?:[^\s.;:,]+\s+){{0,2}}?(?:to|at)\s+{_ADJ}{_HEDGE_OPT}$", re.I)
_FROM_TO_GAP = re.compile(rf"^\s*(?:[^\s.;:,\d]+\s+){{0,3}}?to\s+{_ADJ}{_HEDGE_OPT}$", re.I)
_CONN = re.compile(
    rf"^[ \t]*(?:[^\s.,;:!?()\d]+[ \t]*){{0,4}}?(?:\(|,[ \t]*or\b|,|—|–|\bor\b)[ \t]*"
    rf"(?:(?:{_HEDGES}|a|an)[ \t]+){{0,2}}$",
    re.I,
)
_CONN_SHORT = re.compile(
    rf"^[ \t]*(?:\(|,[ \t]*or\b|,|—|–|\bor\b)[ \t]*(?:(?:{_HEDGES})[ \t]+)?$", re.I
)
_RESTATED = re.compile(
    rf"^[ \t]*(?:[^\s.,;:!?()\d]+[ \t]+){{0,4}}?(?:[^\s.,;:!?()\d]+)?[ \t]*(?:,[ \t]*or\b|\()"
    rf"[ \t]*(?:(?:{_HEDGES})[ \t]+)?$",
    re.I,
)
_OF_PART = re.compile(
    r"^[ \t]*(?:[^\s.;:!?()\d,]+[ \t]+){0,3}?(?:out[ \t]+)?of[ \t]+"
    r"(?:(?:the|all|all\s+the|a\s+total\s+of)[ \t]+)?$",
    re.I,
)
_OF_TOTAL = re.compile(
    r"^[ \t]*\)?[ \t]*(?:out[ \t]+)?of[ \t]+(?:(?:the|all|all\s+the|a\s+total\s+of)[ \t]+)?$", re.I
)
_OR_SHARE = re.compile(
    rf"^[ \t]*(?:of[ \t]+(?:[^\s.,;:!?()\d]+[ \t]+){{0,3}}?[^\s.,;:!?()\d]+)?[ \t]*,[ \t]*or"
    rf"[ \t]+(?:(?:{_HEDGES})[ \t]+)?$",
    re.I,
)
_BRACKET_OPEN = re.compile(r"^[ \t]*\([ \t]*$")
_BRACKET_CLOSE = re.compile(r"^[ \t]*\)")
_OF_NOUN = re.compile(
    r"^\s*\)?\s*(?:out\s+)?of\s+(?P<np>(?:(?!(?:in|on|at|by|for|from|since|during|last|this|who"
    r"|which|that|were|was|are|is|have|has|had|and|but|while|according)\b)[A-Za-z’'-]+\s*){1,5})",
    re.I,
)
_PART_OF_TOTAL = re.compile(
    rf"\b(?:{_alt(_CUES['part_of_total'])})\s+(?:(?:{_HEDGES})\s+)?$", re.I
)
_PARTS_EXHAUSTIVE = re.compile(rf"\b(?:{_alt(_CUES['parts_exhaustive'])})\b", re.I)
_PARTS_PARTIAL = re.compile(rf"\b(?:{_alt(_CUES['parts_partial'])})\b", re.I)
_OF_THE_TOTAL = re.compile(
    rf"^\W*(?:of|out\s+of)\s+(?:(?:the|these|those|all|all\s+the)\s+)?{_HEDGE_OPT}$", re.I
)
_PART_BREAK = re.compile(r"[;]|\b(?:while|whereas|but|although|though)\b", re.I)
_TOTAL_BEFORE = re.compile(rf"\b(?:{_alt(_CUES['total_before'])})\s+{_HEDGE_OPT}$", re.I)
_TOTAL_AFTER = re.compile(
    rf"^\s*(?:[A-Za-z’'-]+\s+){{0,2}}?(?:{_alt(_CUES['total_after'])})\b", re.I
)
_RATE = re.compile(rf"^\s*(?:a|an|per|each|every)\s+(?:{_alt(_CUES['rate_words'])})\b", re.I)
_EXPECTED_AFTER = re.compile(
    r"^\s*(?:[A-Za-z’'-]+\s+){0,3}?(?:had\s+been|have\s+been|has\s+been|were|was|are|is|had)\s+"
    rf"(?:(?:originally|initially|first|previously)\s+)?(?:{_alt(_CUES['expected_words'])})\b",
    re.I,
)
_EXPECTED_BEFORE = re.compile(
    rf"\b(?:an?\s+)?(?:expected|planned|anticipated|scheduled)\s+{_HEDGE_OPT}$", re.I
)
_DROPPED = re.compile(rf"\b(?:{_alt(_CUES['dropped_phrases'])})\b", re.I)
_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_PARTICIPLES = frozenset(_CUES["participles"])
_GENERIC = frozenset(_CUES["generic_words"])
_SINCE = re.compile(
    r"\bsince\s+(?:(?:the\s+)?(?:start|beginning|end)\s+of\s+)?(?P<label>(?:[A-Z][a-z]+\s+)?"
    r"(?P<year>(?:19|20)\d\d))\b"
)
_ISO_SPAN = re.compile(
    r"(?P<a>(?:19|20)\d\d)(?:-(?P<am>\d\d))?(?:-\d\d)?/(?P<b>(?:19|20)\d\d)(?:-(?P<bm>\d\d))?(?:-\d\d)?"
)
_SPAN_YEARS = re.compile(
    r"(?<!\d)(?P<a>(?:19|20)\d\d)\s*(?:-|–|—|to|and)\s*(?P<b>(?:19|20)\d\d)(?!\d)"
)


# ------------------------------------------------------------------ figures as records
@dataclass(frozen=True)
class _Fig:
    id: int
    value: float | None
    unit: str
    counts: str
    period: str
    hedge: str
    approximate: bool
    text: str
    paragraph: int
    start: int
    end: int
    sentence: int
    digit_half: float  # half a unit of the last digit written ("4.3 million" -> 50,000)
    zeros_half: float  # half the rounding shown by trailing zeros ("45,700" -> 50)
    word: bool  # written without digits ("a third", "five")
    rate: bool  # "a day", "per week": not summable with totals
    hedge_kind: str = ""


def _true(value: Any) -> bool:
    """A table's boolean cell as a bool (None and NaN are False)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return False
    return bool(value)


def _str(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _num(value: Any) -> float | None:
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return out if math.isfinite(out) else None


def _halves(text: str, value: float | None) -> tuple[float, float, bool]:
    """Half-units of the last written digit and of trailing-zero rounding; word figure?"""
    m = _NUM.search(text)
    if m is None or value is None:
        return 0.0, 0.0, True
    raw = m.group().replace(",", "")
    mant = _num(raw)
    if not mant:
        return 0.0, 0.0, False
    scale = abs(value) / mant
    if "." in raw:
        decimals = len(raw.split(".", 1)[1])
        return 0.5 * 10.0**-decimals * scale, 0.0, False
    zeros = len(raw) - len(raw.rstrip("0"))
    # trailing zeros show rounding ("45,700": hundreds), to two significant digits at most
    zeros = min(zeros, len(raw.lstrip("0")) - 2)
    return 0.5 * scale, (0.5 * 10.0**zeros * scale if zeros >= 2 else 0.0), False


def _rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    """A DataFrame's rows as plain dicts (much faster than ``to_dict``)."""
    names = list(df.columns)
    return [dict(zip(names, values, strict=True)) for values in df.to_numpy(dtype=object).tolist()]


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    """A DataFrame of exactly ``columns`` from row dicts, built column-wise."""
    return pd.DataFrame({c: [r.get(c) for r in rows] for c in columns}, columns=columns)


def _records(article: Article, figures: pd.DataFrame) -> list[_Fig]:
    """The figures as records in text order, each with its sentence and rounding."""
    starts = [s.start for s in article.sentences]
    text = article.text
    out: list[_Fig] = []
    if figures is None or len(figures) == 0:
        return out
    for row in _rows(figures):
        start, end = _num(row.get("start")), _num(row.get("end"))
        if start is None or end is None or not 0 <= start <= end <= len(text):
            continue
        start, end = int(start), int(end)
        value = _num(row.get("value"))
        surface = text[start:end]
        digit_half, zeros_half, word = _halves(surface, value)
        after = text[end : end + 40]
        rate = bool(_RATE.match(after)) or _str(row.get("period")).startswith("per ")
        hedge = _str(row.get("hedge"))
        index = bisect.bisect_right(starts, start) - 1
        sentence = article.sentences[index].number if index >= 0 else 0
        out.append(
            _Fig(
                id=int(_num(row.get("figure")) or 0), value=value,
                unit=_str(row.get("unit")), counts=_str(row.get("counts")),
                period=_str(row.get("period")), hedge=hedge,
                approximate=_true(row.get("approximate")) or bool(hedge) or word,
                text=surface, paragraph=int(_num(row.get("paragraph")) or 0), start=start,
                end=end, sentence=sentence, digit_half=digit_half, zeros_half=zeros_half,
                word=word, rate=rate, hedge_kind=_str(row.get("hedge_kind")),
            )
        )
    out.sort(key=lambda f: (f.start, f.end, f.id))
    return out


def _by_sentence(figs: Sequence[_Fig]) -> dict[int, list[_Fig]]:
    groups: dict[int, list[_Fig]] = {}
    for f in figs:
        if f.value is not None:
            groups.setdefault(f.sentence, []).append(f)
    return groups


def _sentence_bounds(article: Article, number: int) -> tuple[int, int]:
    if 1 <= number <= len(article.sentences):
        s = article.sentences[number - 1]
        return s.start, s.end
    return 0, len(article.text)


def _gap(article: Article, a: _Fig, b: _Fig) -> str:
    return article.text[a.end : b.start] if a.end <= b.start else ""


def _share(f: _Fig) -> float | None:
    """A percent or share figure as a fraction in (0, 1]; None otherwise."""
    if f.value is None:
        return None
    if f.unit == PERCENT:
        value = f.value / 100
    elif f.unit in _SHARES:
        value = f.value / 100 if f.value > 1 else f.value
    else:
        return None
    return value if 0 < value <= 1 else None


def _as_percent(f: _Fig) -> float | None:
    share = _share(f)
    return None if share is None else share * 100


def _hedge_kind(f: _Fig) -> str:
    """lower (a floor), upper (a ceiling), approximate or "" (exact), from the figures table."""
    kind = f.hedge_kind or hedges.kind_of(f.hedge)
    if kind == "lower_bound":
        return "lower"
    if kind == "upper_bound":
        return "upper"
    return "approximate" if f.approximate else ""


def _level(f: _Fig) -> bool:
    return f.value is not None and f.unit not in _NOT_LEVELS


def _ids(figs: Iterable[_Fig]) -> str:
    return ", ".join(str(f.id) for f in figs)


# ------------------------------------------------------------------ numbers as text
def fmt(x: float) -> str:
    """A number for an arithmetic string: thousands separators, few decimals, true minus."""
    if not math.isfinite(x):
        return str(x)
    if abs(x - round(x)) < 1e-9 or abs(x) >= 100:
        out = f"{x:,.0f}"
    elif abs(x) >= 1:
        out = f"{x:,.2f}".rstrip("0").rstrip(".")
    else:
        out = f"{x:.3g}"
    return out.replace("-", "−")


def _fmt1(x: float) -> str:
    """A derived percentage for an arithmetic string: one decimal ("−21.0")."""
    return f"{x:,.1f}".replace("-", "−") if math.isfinite(x) else str(x)


def amount(
    value: float | None, unit: str, low: float | None = None, high: float | None = None
) -> str:
    """A figure's value for a reader: "161%", "£75,000,000", "2,000–9,999" for a range."""
    if value is None:
        if low is None and high is None:
            return ""
        return f"{amount(low, unit)}–{amount(high, unit)}"
    if unit == PERCENT:
        return f"{fmt(value)}%"
    if unit == POINTS:
        return f"{fmt(value)} points"
    if unit in _SYMBOLS:
        return f"{_SYMBOLS[unit]}{fmt(value)}"
    if unit in _SHARES:
        return f"{fmt(value)} ({fmt(value * 100 if value <= 1 else value)}%)"
    return f"{fmt(value)} {unit}".strip() if unit and unit not in ("count",) else fmt(value)


# ------------------------------------------------------------------ verdicts
def _spread(fn: Callable[..., float], figs: Sequence[_Fig]) -> tuple[float, float]:
    """The range of ``fn`` over the last written digit of its inputs (interval corners)."""
    values = [f.value or 0.0 for f in figs]
    halves = [f.digit_half for f in figs]
    if len(figs) > 8:  # sums of many parts: the halves add up
        centre = fn(*values)
        return centre - sum(halves), centre + sum(halves)
    results: list[float] = []
    for signs in itertools.product((-1, 1), repeat=len(figs)):
        try:
            results.append(fn(*(v + s * h for v, s, h in zip(values, signs, halves, strict=True))))
        except ZeroDivisionError:
            continue
    finite = [r for r in results if math.isfinite(r)]
    return (min(finite), max(finite)) if finite else (-math.inf, math.inf)


def verdict(
    expected: float,
    stated: float,
    *,
    exact: float = 0.0,
    rounding: float = 0.0,
    spread: tuple[float, float] | None = None,
    approximate: bool = False,
    tolerance: float = DEFAULT_TOLERANCE,
    bound: str = "",
) -> str:
    """Verdict of a stated figure against the value the article's other figures give.

    ``exact``: a difference that still counts as exact (half the stated figure's last digit,
    for derived numbers); ``rounding``: the stated figure's own rounding; ``spread``: the
    expected range over the inputs' rounding; ``bound``: "ge"/"le" when the text only claims
    stated >= / <= expected (a partial list, "more than half (55%)").
    """
    diff = stated - expected
    scale = max(abs(stated), abs(expected), 1e-12)
    if abs(diff) <= max(exact, 1e-9 * scale):
        return ADDS_UP
    if (bound == "ge" and diff >= 0) or (bound == "le" and diff <= 0):
        return ADDS_UP
    low, high = spread if spread is not None else (expected, expected)
    if low - rounding <= stated <= high + rounding:
        return WITHIN
    if approximate and abs(diff) <= tolerance * scale:
        return WITHIN
    return DOES_NOT


def _check(
    rule: str,
    figs: Sequence[_Fig],
    arithmetic: str,
    expected: float,
    stated_fig: _Fig,
    stated: float,
    tolerance: float,
    *,
    derived: bool,
    spread: tuple[float, float] | None,
    bound: str = "",
    paragraph: int | None = None,
) -> dict[str, Any]:
    """One consistency-check row; ``derived`` numbers (ratios) are exact at printed precision."""
    result = verdict(
        expected, stated,
        exact=stated_fig.digit_half if derived else 0.0,
        rounding=max(stated_fig.digit_half, stated_fig.zeros_half),
        spread=spread, approximate=any(f.approximate for f in figs), tolerance=tolerance,
        bound=bound,
    )
    diff = stated - expected
    return {
        "rule": rule,
        "figures": _ids(figs),
        "arithmetic": arithmetic,
        "expected": expected,
        "stated": stated,
        "difference": diff + 0.0,  # no negative zero
        "relative_difference": diff / expected + 0.0 if expected else math.nan,
        "verdict": result,
        "paragraph": paragraph if paragraph is not None else stated_fig.paragraph,
        "_key": (stated_fig.start, tuple(f.id for f in figs)),
    }


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
        for i, f in enumerate(sfigs):
            if f.unit in (PERCENT, POINTS):
                change = _find_change(article, sfigs, i, by_sentence.get(number - 1, []))
                if change is not None:
                    out.append(change)
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
            kind = _hedge_kind(a)
            bound = "ge" if kind == "lower" else "le" if kind == "upper" else ""
            arithmetic = f"{a.text} = {_fmt1(pa)}% (stated: {b.text})"
            rows.append(_check(
                "share restated", (a, b), arithmetic, pa, b, pb, tolerance,
                derived=True, spread=None, bound=bound,
            ))
    return rows


# ------------------------------------------------------------------ parts and totals
def _sum_row(
    total: _Fig, parts: Sequence[_Fig], tolerance: float, *, partial: bool, how: str, cue: str
) -> dict[str, Any]:
    expected = sum(p.value or 0.0 for p in parts)
    stated = total.value or 0.0
    terms = " + ".join(fmt(p.value or 0.0) for p in parts)
    partial_ok = partial and expected < stated
    arithmetic = (
        f"{terms} = {fmt(expected)} ≤ {fmt(stated)}" if partial_ok
        else f"{terms} = {fmt(expected)} (stated: {fmt(stated)})"
    )
    if expected == stated:
        arithmetic = f"{terms} = {fmt(stated)}"
    cue = re.sub(r"\s+", " ", cue.strip().lower())
    rule = f"parts vs total: {how} ('{cue}'{', may be partial' if partial else ''})"
    figs = sorted((total, *parts), key=lambda f: f.start)
    bound = "ge" if partial else _bound_of_stated(total)
    return _check(rule, figs, arithmetic, expected, total, stated, tolerance, derived=False,
                  spread=_spread(lambda *v: sum(v), parts), bound=bound)


def _summable(f: _Fig, unit: str) -> bool:
    return _level(f) and f.unit == unit and not f.rate


def _parts_in_sentences(article: Article, figs: Sequence[_Fig], tolerance: float) -> list:
    """Total then "of which/made up of/including" parts, or parts then "a total of"."""
    rows: list[dict[str, Any]] = []
    text = article.text
    for sfigs in _by_sentence(figs).values():
        s_start, s_end = _sentence_bounds(article, sfigs[0].sentence)
        for i, t in enumerate(sfigs):
            if not _summable(t, t.unit):
                continue
            later = _run(article, [f for f in sfigs[i + 1 :] if _summable(f, t.unit)])
            if len(later) >= 2:
                gap = text[t.end : later[0].start]
                exhaustive = _PARTS_EXHAUSTIVE.search(gap)
                partial = _PARTS_PARTIAL.search(gap) or _OF_THE_TOTAL.match(
                    text[s_start : t.start]
                )
                cue = exhaustive or partial
                if cue:
                    rows.append(_sum_row(t, later, tolerance, partial=not exhaustive,
                                         how="parts after the total", cue=cue.group()))
                    continue
            earlier = _run(article, [f for f in sfigs[:i] if _summable(f, t.unit)][::-1])[::-1]
            if earlier and _PART_BREAK.search(_gap(article, earlier[-1], t)):
                earlier = []  # "3,000 in July, while a total of 30,000 ...": another clause
            prev_end = sfigs[i - 1].end if i > 0 else s_start
            total_cue = _TOTAL_BEFORE.search(text[prev_end : t.start]) or _TOTAL_AFTER.match(
                text[t.end : s_end]
            )
            if len(earlier) >= 2 and total_cue and "overall" not in total_cue.group().lower():
                rows.append(_sum_row(t, earlier, tolerance, partial=False,
                                     how="total after the parts", cue=total_cue.group()))
    return rows


def _run(article: Article, parts: list[_Fig]) -> list[_Fig]:
    """The leading parts not separated by a clause break ("while", "but", ";")."""
    out = parts[:1]
    for a, b in zip(parts, parts[1:], strict=False):
        first, second = (a, b) if a.start <= b.start else (b, a)
        if _PART_BREAK.search(_gap(article, first, second)):
            break
        out.append(b)
    return out


def _parts_in_lists(article: Article, figs: Sequence[_Fig], tolerance: float) -> list:
    """"The £75m package includes:" then one paragraph per part."""
    rows: list[dict[str, Any]] = []
    by_para: dict[int, list[_Fig]] = {}
    for f in figs:
        if f.value is not None:
            by_para.setdefault(f.paragraph, []).append(f)
    for para in article.paragraphs:
        intro = para.text.rstrip()
        if not intro.endswith(":"):
            continue
        exhaustive = _PARTS_EXHAUSTIVE.search(intro)
        cue = exhaustive or _PARTS_PARTIAL.search(intro)
        if not cue:
            continue
        items: list[_Fig] = []
        for nxt in article.paragraphs[para.number :]:
            first = by_para.get(nxt.number, [])
            if not first or not _level(first[0]) or (items and first[0].unit != items[0].unit):
                break
            items.append(first[0])
        if len(items) < 2 or any(f.rate for f in items):
            continue
        unit = items[0].unit
        own = [f for f in by_para.get(para.number, []) if _summable(f, unit)]
        before = [f for f in by_para.get(para.number - 1, []) if _summable(f, unit)]
        total = own[-1] if own else before[0] if len(before) == 1 else None
        if total is None:
            continue
        rows.append(_sum_row(total, items, tolerance, partial=not exhaustive,
                             how="list after the total", cue=cue.group()))
    return rows


# ------------------------------------------------------------------ expected vs actual
def _expected_checks(article: Article, figs: Sequence[_Fig], tolerance: float) -> list:
    """"Around 50 had been expected, but some 20 won reprieves" + the one count that did."""
    rows: list[dict[str, Any]] = []
    text = article.text
    by_para: dict[int, list[_Fig]] = {}
    for f in figs:
        if _level(f):
            by_para.setdefault(f.paragraph, []).append(f)
    for pfigs in by_para.values():
        for i, e in enumerate(pfigs):
            prev_end = pfigs[i - 1].end if i > 0 else 0
            if not (_EXPECTED_AFTER.match(text[e.end : e.end + 60])
                    or _EXPECTED_BEFORE.search(text[max(prev_end, e.start - 40) : e.start])):
                continue
            dropped = [
                f for f in pfigs[i + 1 :]
                if f.unit == e.unit and f.sentence - e.sentence <= 1
                and 0 < f.value < e.value  # type: ignore[operator]
                and _DROPPED.search(_clause_after(text, f))
            ]
            if len(dropped) != 1:
                continue
            s = dropped[0]
            actual = [
                f for f in pfigs
                if f is not e and f is not s and f.unit == e.unit and not f.rate
                and _hedge_kind(f) not in ("lower", "upper") and abs(f.sentence - e.sentence) <= 1
                and 0 < f.value < e.value  # type: ignore[operator]
            ]
            if len(actual) != 1:
                continue
            a = actual[0]
            expected = e.value - s.value  # type: ignore[operator]
            # "the first 15 boarded", "15 so far": a partial count may fall short, not exceed.
            partial = bool(_PARTIAL_BEFORE.search(text[max(0, a.start - 20): a.start])
                           or _PARTIAL_AFTER.match(text[a.end: a.end + 40]))
            sign = "≤" if partial else "(stated:"
            arithmetic = (f"{fmt(e.value)} − {fmt(s.value)} = {fmt(expected)} "  # type: ignore[arg-type]
                          + (f"{sign} {fmt(a.value)}, a partial count" if partial  # type: ignore[arg-type]
                             else f"{sign} {fmt(a.value)})"))  # type: ignore[arg-type]
            rows.append(_check(
                "expected minus those who dropped out vs actual",
                sorted((e, s, a), key=lambda f: f.start), arithmetic, expected, a,
                a.value, tolerance, derived=False,  # type: ignore[arg-type]
                spread=_spread(lambda ee, ss: ee - ss, (e, s)), paragraph=e.paragraph,
                bound="le" if partial else "",
            ))
    return rows


_PARTIAL_BEFORE = re.compile(r"\b(?:the\s+)?(?:first|initial|earliest)\s+$", re.I)
_PARTIAL_AFTER = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:so\s+far|to\s+date|already)\b", re.I)


def _clause_after(text: str, f: _Fig) -> str:
    """The words after a figure up to the end of its clause (at most ~50 characters)."""
    return re.split(r"[.;:!?]", text[f.end : f.end + 50], maxsplit=1)[0]


# ------------------------------------------------------------------ cumulative totals
def _what(article: Article, f: _Fig) -> tuple[frozenset[str], frozenset[str]]:
    """Nouns and verbs that say what a figure counts: its counts plus nearby verbs."""
    words = [w.lower() for w in _WORD.findall(f.counts)]
    s_start, s_end = _sentence_bounds(article, f.sentence)
    near = _WORD.findall(article.text[max(s_start, f.start - 40) : f.start])[-4:]
    near += _WORD.findall(article.text[f.end : min(s_end, f.end + 50)])[:6]
    verbs = {w.lower() for w in [*words, *near] if _is_verb(w.lower())}
    nouns = {w for w in words if w not in verbs and w not in _GENERIC and len(w) > 2}
    return frozenset(nouns), frozenset(verbs)


def _is_verb(word: str) -> bool:
    return word in _PARTICIPLES or (word.endswith("ed") and len(word) > 4 and word not in _GENERIC)


def _year_of(period: str, published: Any) -> int | None:
    """The single calendar year a period names ("2022", "in 2022", "last year"), or None."""
    p = period.strip().lower()
    m = re.fullmatch(r"(?:in\s+)?(?:the\s+year\s+)?((?:19|20)\d\d)", p)
    if m:
        return int(m.group(1))
    if published is not None and p in ("last year", "the last year", "the previous year"):
        return int(published.year) - 1
    if published is not None and p in ("this year", "so far this year"):
        return int(published.year)
    return None


def _cumulative_span(article: Article, f: _Fig) -> tuple[str, int, int] | None:
    """(label of the start, first year, last year) of a count over more than one year.

    Read from the period ("2016/2023", "since 2016", "2016-2023") or, failing that, from a
    "since 2016" next to the figure; the last year is the publication year for "since".
    """
    s_start, s_end = _sentence_bounds(article, f.sentence)
    near = _SINCE.search(article.text[max(s_start, f.start - 60) : min(s_end, f.end + 40)])
    label = near.group("label") if near else ""
    span = _ISO_SPAN.fullmatch(f.period.strip())
    if span is not None:
        first, last = int(span.group("a")), int(span.group("b"))
        months = (last - first) * 12 + int(span.group("bm") or 12) - int(span.group("am") or 1) + 1
        if months <= 12:
            return None  # "the year ending September 2024" is one year, not a running total
        return label or span.group("a"), first, last
    m = _SINCE.search(f.period) or (near if not f.period else None)
    if m is not None and article.published is not None:
        return m.group("label"), int(m.group("year")), int(article.published.year)
    r = _SPAN_YEARS.search(f.period)
    if r is not None and int(r.group("a")) < int(r.group("b")):
        return r.group("a"), int(r.group("a")), int(r.group("b"))
    return None


def _cumulative_implied(article: Article, figs: Sequence[_Fig]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    levels = [f for f in figs if _level(f) and not f.rate]
    what = {f: _what(article, f) for f in levels}
    for c in levels:
        span = _cumulative_span(article, c)
        if span is None:
            continue
        label, first, last = span
        c_nouns, c_verbs = what[c]
        best: tuple[tuple[int, int], _Fig, int] | None = None
        for a in levels:
            year = _year_of(a.period, article.published)
            if a is c or a.unit != c.unit or year is None or not a.value < c.value:  # type: ignore[operator]
                continue
            if not first < year <= last or year < last - 1:
                continue  # the annual figure must be the cumulative's latest (full) year
            a_nouns, a_verbs = what[a]
            if c_verbs and a_verbs and not c_verbs & a_verbs:
                continue
            if c_nouns and a_nouns and not c_nouns & a_nouns:
                continue
            score = len(c_nouns & a_nouns) + 2 * len(c_verbs & a_verbs)
            if score == 0:
                continue
            key = (score, -abs(a.start - c.start))
            if best is None or key > best[0]:
                best = (key, a, year)
        if best is None:
            continue
        _, a, year = best
        value = c.value - a.value  # type: ignore[operator]
        period = label if year - 1 == first else f"{label}–{year - 1}"
        rows.append({
            "value": value, "unit": c.unit, "period": period, "counts": c.counts or a.counts,
            "arithmetic": f"{fmt(c.value)} − {fmt(a.value)} = {fmt(value)}",  # type: ignore[arg-type]
            "from_figures": _ids(sorted((a, c), key=lambda f: f.start)),
            "paragraph": c.paragraph, "basis": "cumulative total minus the latest year",
            "approximate": a.approximate or c.approximate, "_key": (c.start, a.id, c.id),
        })
    return rows


# ------------------------------------------------------------------ public API
def _numbered(rows: list[dict[str, Any]], id_column: str, columns: list[str]) -> pd.DataFrame:
    """Rows in text order (paragraph, then first figure), de-duplicated, numbered 1..n."""
    seen: set[tuple[Any, ...]] = set()
    unique: list[dict[str, Any]] = []
    def order(r: dict[str, Any]) -> tuple[Any, ...]:
        return r["paragraph"], r["_key"], r.get("basis", r.get("rule"))

    for row in sorted(rows, key=order):
        key = (row.get("basis", row.get("rule")), row.get("from_figures", row.get("figures")))
        if key in seen:
            continue
        seen.add(key)
        unique.append({**row, id_column: len(unique) + 1})
    return _frame(unique, columns)


def implied_figures(article: Article, figures: pd.DataFrame) -> pd.DataFrame:
    """Figures the article implies but does not state, each with its arithmetic and sources."""
    figs = _records(article, figures)
    changes = _changes(article, figs)
    rows = _implied_from_changes(changes)
    rows += _implied_from_pairs(article, figs, changes)
    rows += _share_implied(article, figs)
    rows += _cumulative_implied(article, figs)
    return _numbered(rows, "implied", IMPLIED_COLUMNS)


def consistency_checks(
    article: Article, figures: pd.DataFrame, tolerance: float = DEFAULT_TOLERANCE
) -> pd.DataFrame:
    """Does the article's arithmetic hold? One row per check, with its verdict."""
    figs = _records(article, figures)
    rows = _parts_in_sentences(article, figs, tolerance)
    rows += _parts_in_lists(article, figs, tolerance)
    rows += _percentage_of_checks(article, figs, tolerance)
    rows += _change_checks(article, figs, tolerance)
    rows += _restated_share_checks(article, figs, tolerance)
    rows += _expected_checks(article, figs, tolerance)
    return _numbered(rows, "check", CHECK_COLUMNS)


def figure_overview(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures table in text order, with a readable amount and blanks for missing text."""
    if figures is None or len(figures) == 0:
        return pd.DataFrame(columns=OVERVIEW_COLUMNS)
    rows = []
    for row in _rows(figures):
        unit = _str(row.get("unit"))
        rows.append({
            "figure": int(_num(row.get("figure")) or 0),
            "text": _str(row.get("text")),
            "amount": amount(_num(row.get("value")), unit, _num(row.get("low")),
                             _num(row.get("high"))),
            "counts": _str(row.get("counts")),
            "period": _period_text(row),
            "period_kind": _str(row.get("period_kind")),
            "hedge": _str(row.get("hedge")),
            "hedge_kind": _str(row.get("hedge_kind")),
            "source": _str(row.get("source")),
            "unit": unit,
            "paragraph": int(_num(row.get("paragraph")) or 0),
            "_start": int(_num(row.get("start")) or 0),
        })
    rows.sort(key=lambda r: (r["paragraph"], r["_start"], r["figure"]))
    return _frame(rows, OVERVIEW_COLUMNS)


def _period_text(row: dict[str, Any]) -> str:
    """The resolved period as dates ("2022-01-01 to 2022-12-31"), else the text's period."""
    start, end = _str(row.get("period_start")), _str(row.get("period_end"))
    if end:
        return end if start in ("", end) else f"{start} to {end}"
    return _str(row.get("period"))


CHART_COLUMNS = [
    "label", "group", "value", "low", "high", "text", "hedged", "kind", "ref", "paragraph",
]
_GROUP_ORDER = {"count": 0, "GBP": 1, "USD": 2, "EUR": 3, PERCENT: 5, POINTS: 6}


def _group(unit: str) -> str:
    if unit in ("", "count"):
        return "count"
    return PERCENT if unit in _SHARES else unit


def _label(counts: str, period: str, ref: str, width: int = 46) -> str:
    what = counts or "(what it counts not found)"
    what = what if len(what) <= width else what[: width - 1].rstrip() + "…"
    return f"{what} · {period}  [{ref}]" if period else f"{what}  [{ref}]"


def chart_rows(figures: pd.DataFrame, implied: pd.DataFrame | None = None) -> pd.DataFrame:
    """The stated and implied figures to plot, one row each, grouped by unit in text order.

    Shares are shown as percentages; ranges keep ``low``/``high`` with ``value`` None.
    """
    rows: list[dict[str, Any]] = []
    for r in _rows(figures) if figures is not None and len(figures) else []:
        unit = _str(r.get("unit"))
        value, low, high = _num(r.get("value")), _num(r.get("low")), _num(r.get("high"))
        if value is None and (low is None or high is None):
            continue
        if unit in _SHARES and value is not None:
            value = value * 100 if value <= 1 else value
        rows.append({
            "label": _label(_str(r.get("counts")), _str(r.get("period")),
                            f"#{int(_num(r.get('figure')) or 0)}"),
            "group": _group(unit), "value": value, "low": low if value is None else None,
            "high": high if value is None else None, "text": _str(r.get("text")),
            "hedged": _true(r.get("approximate")) or bool(_str(r.get("hedge"))),
            "kind": "stated", "ref": int(_num(r.get("figure")) or 0),
            "paragraph": int(_num(r.get("paragraph")) or 0),
            "_order": (int(_num(r.get("start")) or 0), 0),
        })
    for r in _rows(implied) if implied is not None and len(implied) else []:
        value = _num(r.get("value"))
        if value is None:
            continue
        rows.append({
            "label": _label(_str(r.get("counts")), _str(r.get("period")),
                            f"implied {int(_num(r.get('implied')) or 0)}"),
            "group": _group(_str(r.get("unit"))), "value": value, "low": None, "high": None,
            "text": f"≈ {amount(round(value) if abs(value) >= 10 else value, _str(r.get('unit')))}",
            "hedged": _true(r.get("approximate")), "kind": "implied",
            "ref": int(_num(r.get("implied")) or 0),
            "paragraph": int(_num(r.get("paragraph")) or 0), "_order": (math.inf, 1),
        })
    rows.sort(key=lambda r: (_GROUP_ORDER.get(r["group"], 4), r["group"], r["paragraph"],
                             r["_order"], r["ref"]))
    return _frame(rows, CHART_COLUMNS)
