"""Whose figure it is: 'according to X', 'X said', institutions and source nouns.
"""

from __future__ import annotations

import bisect
import re

from newstables.extract.article import Sentence
from newstables.extract.figure_grammar import (
    _MONTHS,
    _PRONOUNS,
    _REPORT_WORDS,
    _SOURCE_CUE,
    _SOURCE_NOUN_WORDS,
    _SOURCE_TRIM,
    _SOURCES,
    _STOP,
    _WEEKDAYS,
    _Doc,
    _Fig,
)

# ---------------------------------------------------------------- sources

# After "claims", words that make it a noun ("Asylum claims in the year to June")
_A_NOUN_AFTER = re.compile(r"\s+(?:in|of|for|from|made|were|are|rose|fell|totalled|totaled"
                           r"|lodged|reached|stood|increased|decreased)\b")


def _clean_source(name: str) -> str | None:
    name = " ".join(name.split())
    name = _SOURCE_TRIM.sub("", name)
    if name.endswith(".") and name[:-1].count(".") == 0:
        name = name[:-1]
    low = name.lower()
    if not name or low in _PRONOUNS or low in _MONTHS or low in _WEEKDAYS or low in _STOP:
        return None
    return name


def _sources(doc: _Doc, sent: Sentence) -> list[tuple[int, int, str]]:
    """(priority, position, name) of every attribution in a sentence, found from its cue
    words ("according", "figures", "said"...) so that only their surroundings are parsed."""
    text = doc.text
    found: list[tuple[int, re.Match[str] | None]] = []
    for cue in _SOURCE_CUE.finditer(doc.low, max(0, sent.start - 1), sent.end):
        at, word = cue.start("c"), cue.group("c")
        if word == "according":
            found.append((0, _SOURCES[0].match(text, at, sent.end)))
            continue
        if word in _SOURCE_NOUN_WORDS:
            found.append((1, _SOURCES[1].match(text, at, sent.end)))
        if word in _REPORT_WORDS:
            j = at - 1
            while j > sent.start and text[j] in " \t":
                j -= 1
            if text[j] in ",”\"’'":  # ', said the ministry'
                found.append((2, _SOURCES[2].match(text, j, sent.end)))
            lo = max(sent.start, text.rfind(" ", sent.start, max(sent.start, at - 70)) + 1)
            m = _SOURCES[3].search(text, lo, cue.end("c"))  # 'the ministry said
            if word == "claims" and _A_NOUN_AFTER.match(text, cue.end("c")):
                m = None  # a noun, not a verb: "Asylum claims in the year to June totalled"
            found.append((3, m if m and m.end() == cue.end("c") else None))
    out: list[tuple[int, int, str]] = []
    for priority, m in found:
        name = _clean_source(m.group("src")) if m else None
        if m and name:
            out.append((priority, m.start("src"), name))
    return sorted(out, key=lambda f: (f[0] // 3, f[1], f[0]))


# "X claimed that ..., but 29,437 people crossed", "...; in fact, official figures show": the
# writer's, not X's ("X says it would depress revenue, but would add $84 billion" stays X's)
_CONTRAST = re.compile(
    r",\s+but\s+(?:in\s+fact\s+|actually\s+)?(?=[\d£$€]|(?:only|just|official|government)\b"
    r"|the\s+(?:official|actual|real)\b)|\bwhereas\b|[;.,]\s+in\s+fact\b", re.I)


# "..., but only 3,000 were returned, the Home Office said.", "..., according to Home Office
# figures.": an attribution that closes the sentence after a comma holds for all of it
_CLOSING = re.compile(r"[^;.!?]{0,80}[.!?]")
_AFTER_COMMA = re.compile(r",\s+(?:according\s+to\s+|the\s+)?$", re.I)


def _pick_source(fig: _Fig, found: list[tuple[int, int, str]], text: str = "") -> str | None:
    """The nearest explicit attribution ("according to", "data from"), else the nearest
    "X said", not one a contrast keeps apart from the figure ("X claimed ..., but 29,437
    crossed", "29,437 crossed, whereas X claimed ...") unless it closes the sentence;
    ``found`` is sorted by (class, position)."""
    found = [f for f in found if not _CONTRAST.search(
        text, min(f[1], fig.start), max(f[1], fig.start) + 2)  # (+2: what follows "but")
        or f[1] > fig.start and _CLOSING.match(text, f[1]) and _AFTER_COMMA.search(
            text, max(0, f[1] - 20), f[1])] if text else found
    for cls in (0, 1):
        group = [f for f in found if f[0] // 3 == cls]
        if group:
            at = bisect.bisect_left([f[1] for f in group], fig.start)
            near = [group[j] for j in (at - 1, at) if 0 <= j < len(group)]
            return min(near, key=lambda f: (abs(f[1] - fig.start), f[1]))[2]
    return None


