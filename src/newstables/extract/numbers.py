"""Number reading rules shared by the figures extractor: signs, scores, anaphoric counts.

- A negative number: "minus 12", "-7C", "−196" (a minus sign after a space or bracket,
  never the dash of a range such as "10-20").
- A score is not a quantity: "won 3-1", "a 2-2 draw" (two whole numbers joined by a dash,
  the first not below the second).
- "by X to Y" is a change (two figures), never a range: "raised rates by 0.25 points to 5.5%".
- "the two nations", "the three men": a number word after "the" that refers back to things
  already named is not a statistic ("the 27 member states" in digits still is).
"""

from __future__ import annotations

import re

_MINUS_WORD = re.compile(r"(?:^|(?<=[\s(\[]))minus[ \t]+$", re.IGNORECASE)
_MINUS_SIGNS = "-−"
_SIGN_CONTEXT = " \t\n([/:=≈~"
_ANAPHORIC_BEFORE = frozenset(["the", "these", "those"])
_WHOLE = re.compile(r"[0-9]{1,3}")


def negative_start(text: str, start: int, floor: int) -> int | None:
    """Where the negative number whose digits begin at ``start`` begins, or None.

    "minus 12" gives the offset of "minus"; "-7" and "−7" the offset of the sign.
    """
    if start > floor and text[start - 1] in _MINUS_SIGNS:
        before = text[start - 2] if start - 2 >= floor else " "
        if start - 1 == floor or before in _SIGN_CONTEXT:
            return start - 1
        return None
    lead = text[max(floor, start - 10) : start]
    m = _MINUS_WORD.search(lead)
    return start - len(lead) + m.start() if m else None


def is_score(text: str, a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """ "3-1", "2–2": whole numbers joined by a dash, the first at least the second."""
    gap = text[a_end:b_start]
    if gap not in ("-", "–"):
        return False
    a, b = text[a_start:a_end], text[b_start:b_end]
    if not (_WHOLE.fullmatch(a) and _WHOLE.fullmatch(b)):
        return False
    return int(a) >= int(b) and int(a) < 200


def change_by_to(tail: tuple[str, ...] | list[str], gap_word: str) -> bool:
    """ "rose by 2 points to 5%": the words before the first number end with 'by'."""
    return gap_word == "to" and bool(tail) and tail[-1] == "by"


def anaphoric(tail: tuple[str, ...] | list[str], kind: str, value: float | None) -> bool:
    """ "the two nations": a small number word right after 'the' names known things."""
    return (kind == "words" and value is not None and value <= 12 and bool(tail)
            and tail[-1] in _ANAPHORIC_BEFORE)
