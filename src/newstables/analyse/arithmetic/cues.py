"""Constants and the cue grammar: the words around figures that say a change, its base,
the comparison period, a total and its parts, an expected number and those who dropped out.
"""


from __future__ import annotations

import re
from typing import Any

from newstables import hedges
from newstables.lexicon import alternation as _alt
from newstables.lexicon import load_json

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

_CUES: dict[str, Any] = load_json("arithmetic_cues.json")
PERCENT, POINTS = "percent", "percentage points"
_SHARES = frozenset({"share", "fraction"})
_NOT_LEVELS = frozenset({PERCENT, POINTS, "times"}) | _SHARES
_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€"}


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
# "up 10% to", "rose 50 percent, to", "up 10% this year, reaching": the level after a change
_TO_GAP = re.compile(
    rf"^,?\s*(?:[^\s.;:,]+,?\s+){{0,2}}?(?:to|at|reaching|hitting)\s+{_ADJ}{_HEDGE_OPT}$", re.I)
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

def _part_dimensions() -> dict[str, frozenset[str]]:
    """Word -> the ways it divides people ("men": sex; "Albanians": nationality)."""
    dims = {w.lower(): frozenset(v) for w, v in _CUES["part_dimensions"].items()}
    countries = load_json("actors_countries.json")
    for name, entry in countries.items():
        if name.startswith("_"):
            continue
        for adjective in entry.get("adjectives", []):
            for word in (adjective.lower(), adjective.lower() + "s"):
                dims.setdefault(word, frozenset({"nationality"}))
    return dims


PART_DIMENSIONS = _part_dimensions()
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
_NUM = hedges.WRITTEN_NUMBER
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


