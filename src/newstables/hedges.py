"""The one hedge vocabulary: what "more than", "nearly", "some" say about a stated number.

Extraction gives every figure a ``hedge_kind`` from here; comparison turns that kind into
the interval a reference value must fall in. Kinds: exact, approximate, lower_bound,
upper_bound, range ("between 10 and 20"), vague ("hundreds", "thousands").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import NamedTuple

from newstables.lexicon import load_json

KINDS = ("exact", "approximate", "lower_bound", "upper_bound", "range", "vague")

_LEX = load_json("hedges.json")
BEFORE: dict[str, str] = _LEX["before"]
AFTER: dict[str, str] = _LEX["after"]
WIDE = frozenset(_LEX["wide"])
TOLERANCES: dict[str, dict] = _LEX["tolerances"]


def kind_of(phrase: str | None) -> str:
    """The kind of a hedge phrase ("nearly" -> upper_bound); exact when there is none."""
    if not phrase:
        return "exact"
    p = " ".join(str(phrase).lower().split())
    return BEFORE.get(p) or BEFORE.get(p.rstrip(".")) or AFTER.get(p) or "approximate"


def figure_kind(phrase: str | None, low: float | None, high: float | None,
                vague: bool = False) -> str:
    """A figure's hedge kind: vague for word magnitudes, range for two bounds, else the phrase's."""
    if vague:
        return "vague"
    if _number(low) is not None and _number(high) is not None and low != high:
        return "range"
    return kind_of(phrase)


@dataclass(frozen=True)
class Tolerance:
    """The interval [low, high] a reference value must fall in for a claim to hold."""

    name: str
    phrase: str
    low: float
    high: float
    rule: str


def fmt(value: float | None) -> str:
    """A number as a reader writes it: thousands separators, no needless decimals."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if abs(value) >= 100 or float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


_PERCENT_SIGN = re.compile(r"%|\bper\s*cent\b|\bpercent\b|\d\s*pc\b", re.I)


def tolerance(value: float, low: float, high: float, kind: str, phrase: str = "",
              surface: str = "") -> Tolerance:
    """The interval a series value must fall in for the claim (value, hedge kind) to hold."""
    claim = surface.strip()
    if kind in ("range", "vague") and _number(low) is not None and _number(high) is not None:
        rule = TOLERANCES[kind]["rule"].format(claim=claim or f"{fmt(low)}-{fmt(high)}",
                                              x=fmt(value), lo=fmt(low), hi=fmt(high))
        return Tolerance(kind, claim, low, high, rule)
    if kind not in TOLERANCES or kind in ("range", "vague"):
        kind = "exact"
    key = f"{kind}_wide" if phrase.lower() in WIDE and f"{kind}_wide" in TOLERANCES else kind
    t = TOLERANCES[key]
    lo, hi = sorted((value * t["low"], value * t["high"]))
    half = rounding(value, surface) if kind == "exact" and not phrase else None
    if half is not None and value - half < lo:
        # "29,000" with no hedge holds what rounds to it: 28,500 to 29,500, not only 1%.
        t = TOLERANCES["exact_rounded"]
        lo, hi = value - half, value + half
    if key == "lower_bound" and (step := next_round(value)) is not None and step > hi:
        # "more than 100,000 have crossed since 2018" holds up to 200,000: the writer would
        # have said the next round number at its precision, not a tenth more
        t, hi = TOLERANCES["lower_bound_round"], step
    if key == "upper_bound" and value >= 1000 and value % 100 == 0:
        # "nearly 240,000" for 240,021: a round number a writer rounds to from either side
        t, hi = TOLERANCES["upper_bound_round"], value * 1.001
    if kind == "approximate" and _PERCENT_SIGN.search(surface) and hi - lo < 1:
        # "about 2%" holds no less than "2%" does: 1.5% to 2.5%
        lo, hi = min(lo, value - 0.5), max(hi, value + 0.5)
    claim = f"{phrase} {fmt(value)}".strip() if phrase else f"{fmt(value)} (exact)"
    return Tolerance(kind, phrase, lo, hi, t["rule"].format(claim=claim, x=fmt(value),
                                                            lo=fmt(lo), hi=fmt(hi)))


def next_round(value: float) -> float | None:
    """The next round number after a round ``value`` at its precision: one significant digit
    steps it (100,000: 200,000; 30,000: 40,000), a second that is a 5 steps by half that
    (25,000: 30,000; 1.5 million: 2 million); None for another number (45,700)."""
    if not value or value < 0 or not math.isfinite(value):
        return None
    unit = 10.0 ** math.floor(math.log10(value))
    for step in (unit, unit / 2):
        n = value / step
        if abs(n - round(n)) < 1e-9:
            return (round(n) + 1) * step
    return None


# The fractions news writes changes in ("by a third", "halved"), as percentages: a fraction
# in words holds what rounds to it among them, as a number holds what rounds to its digits.
NEWS_FRACTIONS = (10.0, 20.0, 25.0, 100 / 3, 40.0, 50.0, 60.0, 200 / 3, 75.0, 80.0, 90.0)


def fraction_tolerance(percent: float, surface: str) -> Tolerance | None:
    """The interval a change written as a fraction ("by a third": 33.3%) holds: from the
    midpoint with the next smaller fraction news uses to the midpoint with the next larger
    (a third: 29.2% to 36.7%); None for a fraction not among them."""
    at = next((i for i, f in enumerate(NEWS_FRACTIONS) if abs(f - percent) < 1e-6), None)
    if at is None:
        return None
    lo = (NEWS_FRACTIONS[at - 1] + percent) / 2 if at else percent / 2
    hi = ((NEWS_FRACTIONS[at + 1] + percent) / 2 if at + 1 < len(NEWS_FRACTIONS)
          else (100 + percent) / 2)
    claim = surface.strip() or fmt(percent)
    return Tolerance("exact", "", lo, hi,
                     f"{claim} ({fmt(percent)}%): series must round to it among the fractions "
                     f"news writes (tenths, fifths, quarters, thirds, halves): {fmt(lo)} to "
                     f"{fmt(hi)}")


def fraction_bound(percent: float, kind: str, surface: str) -> Tolerance | None:
    """The interval "more than half" holds: up to the next fraction news commonly writes (two
    thirds), since a writer would say that rather than "more than half"; None for a fraction
    not among them or another hedge ("almost half" keeps the 10% a number's "almost" has)."""
    common = [f for f in NEWS_FRACTIONS if f not in (40.0, 60.0)]  # fifths are rare in news
    at = next((i for i, f in enumerate(common) if abs(f - percent) < 1e-6), None)
    if at is None or kind != "lower_bound":
        return None
    hi = common[at + 1] if at + 1 < len(common) else 100.0
    return Tolerance(kind, "", percent, hi,
                     f"{surface.strip()} ({fmt(percent)}%): series must be at least "
                     f"{fmt(percent)} and below the next fraction, {fmt(hi)}")


def multiplier_tolerance(times: float, kind: str, surface: str) -> Tolerance:
    """The ratio a multiplier holds ("five times the 2020 level"), as a percentage change:
    within a tenth of it, "more than twice" up to the next whole number (three times),
    "almost five times" down to a tenth below. A ratio is read as a writer reads it, to two
    significant digits, so an end that is not the stated factor itself widens by half a unit
    of that digit: 4.45 to 5.55 times, "twice" 1.75 to 2.25, "nearly tripled" from 2.65 (2.697
    times is 2.7), "almost tripled" up to 3.05 (3.003 times is 3.0). A factor below one is a
    fall: "more than halved" is a half down to a third (below that a writer says "cut by
    two-thirds"), "nearly halved" a half up to a tenth above it."""
    half = 0.5 * 10.0 ** (math.floor(math.log10(times)) - 1)
    lo, hi = times * 0.9 - half, times * 1.1 + half
    if kind == "lower_bound":
        lo, hi = (1 / (1 / times + 1), times) if times < 1 else (times, math.floor(times) + 1)
    elif kind == "upper_bound":
        lo, hi = (times, times * 1.1 + half) if times < 1 else (times * 0.9 - half, times + half)
    return Tolerance(kind, "", 100 * (lo - 1), 100 * (hi - 1),
                     f"{surface.strip()}: series must be {fmt(lo)} to {fmt(hi)} times its base "
                     f"(a change of {fmt(100 * (lo - 1))}% to {fmt(100 * (hi - 1))}%)")


def share_tolerance(part: float, whole: float, surface: str) -> Tolerance:
    """The interval a share written "one in ten" holds: what rounds to its second number
    (one in 9.5 to one in 10.5: 9.52% to 10.53%), as a number holds what rounds to its
    digits."""
    lo, hi = 100 * part / (whole + 0.5), 100 * part / (whole - 0.5)
    return Tolerance("exact", "", lo, hi,
                     f"{surface.strip()} ({fmt(100 * part / whole)}%): series must be a share "
                     f"whose 'one in ...' rounds to {fmt(whole / part)}: {fmt(lo)} to {fmt(hi)}")


# A number as written in digits ("45,774", "1.2", ".5")
# Spaces that set off thousands in typeset text ("12\u202f000"): no-break, narrow, thin.
THOUSANDS_SPACES = "\u00a0\u202f\u2009"
WRITTEN_NUMBER = re.compile(rf"\d(?:[\d,]|[{THOUSANDS_SPACES}](?=\d{{3}}))*(?:\.\d+)?|\.\d+")


def digits_only(written: str) -> str:
    """A written number without its thousands separators ("12,000", "12\u202f000")."""
    return re.sub(f"[,{THOUSANDS_SPACES}]", "", written)


class Written(NamedTuple):
    """How precisely a number is written: half a unit of its last digit, half the rounding
    its trailing zeros show, and the scale its words give the digits ("million": 1e6)."""

    digit_half: float
    zeros_half: float
    scale: float


def written_halves(surface: str, value: float | None) -> Written | None:
    """How precisely ``surface`` writes ``value``: half a unit of its last digit, and half
    the rounding its trailing zeros show (two or more, to two significant digits at most:
    "45,700": 50; "30,000": 500, not 5,000), scaled as the value is ("1.2 million": 50,000
    and 0). None when the surface has no digits for the value ("one in four")."""
    m = WRITTEN_NUMBER.search(surface or "")
    if m is None or value is None or not math.isfinite(value):
        return None
    raw = digits_only(m.group())
    try:
        written = float(raw)
    except ValueError:
        return None
    if not written:
        return None
    scale = abs(value) / written  # "million" and the like
    if "." in raw:
        return Written(0.5 * 10.0 ** -len(raw.split(".", 1)[1]) * scale, 0.0, scale)
    zeros = min(len(raw) - len(raw.rstrip("0")), len(raw.lstrip("0")) - 2)
    return Written(0.5 * scale, 0.5 * 10.0**zeros * scale if zeros >= 2 else 0.0, scale)


def rounding(value: float, surface: str) -> float | None:
    """Half the unit of the last digit ``surface`` writes ``value`` to ("29,000": 500; "1.2
    million": 50,000; "47%": 0.5), never coarser than its second significant digit ("4
    million" is read as 4.0 million: 50,000); None when the digits are not the value's ("2
    in 5", a fraction) or there are none."""
    written = written_halves(surface, value) if value else None
    if written is None:
        return None
    power = math.log10(written.scale)
    if power < -1e-9 or abs(power - round(power)) > 1e-9:
        return None
    two_digits = 0.5 * 10.0 ** (math.floor(math.log10(abs(value))) - 1)
    if _PERCENT_SIGN.search(surface):
        two_digits = max(two_digits, 0.5)  # "2%" holds 1.5 to 2.5: percentages are rounded
        # to whole points
    return min(max(written.digit_half, written.zeros_half), two_digits)


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number
