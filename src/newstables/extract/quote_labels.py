"""Whether a quoted span is a quote: a short quoted name or label ('the “Stop the Boats”
week'), a scare quote ('“safe” countries'), and whether a quote opens its clause. Shared with
``quotes`` are the cue words that introduce speech."""

from __future__ import annotations

import re

from newstables.extract.quote_marks import _Seg
from newstables.lexicon import load_json
from newstables.lexicon import trie as regex_union

_LEX = load_json("quotes_cues.json")
CUE = regex_union(_LEX["cues"])  # 'said', 'told', 'warned'...
CUE_RE = re.compile(rf"(?<![\w’'-])(?:{CUE})(?![\w’'-])", re.IGNORECASE)
_CUE_END = re.compile(rf"(?<![\w’'-])(?:{CUE})$", re.IGNORECASE)
_TRIGGERS = frozenset(_LEX["label_triggers"])
_DETERMINERS = frozenset(_LEX["determiners"])
_NAMING = frozenset(_LEX["naming_triggers"])
_LOWER_AFTER = re.compile(r" [a-z]")
# A word after a span that goes on with the sentence, not a noun the span names.
_JOINING = re.compile(r" (?:and|or|but|who|which|that|while|with|to|from|for|in|as)\b")
# A second quote joined to the span ('a “human leech who ...” and a “spoiled brat”'): both
# are quotes, not a label and its noun.
_JOINED_QUOTE = re.compile(r"\s+(?:and|or)\s+(?:(?:a|an|the)\s+)?[“\"‘]")
# Words that end a noun phrase: a determiner before one of them is not the quote's.
_BREAKERS = frozenset(
    "to that would will is was are were be been being has have had can could should may "
    "might must not as which who it they he she we i you and or but than".split()
)
_SMALL = frozenset("a an the of and or to for in on at by with as is de la".split())
SENTENCE_END = re.compile(r"[.!?…]")
_CLAUSE_MARK = re.compile(r"[,;:.!?()“”\"—–]|(?<!\w)[‘’']|[‘’'](?!\w)")


def _words_before(text: str, start: int, pos: int, n: int) -> list[str]:
    """Up to ``n`` lower-cased words before ``pos`` in its clause (within 80 characters;
    stops at , ; : . ( ) dashes and quote marks, but not at apostrophes: Britain's)."""
    window = text[max(start, pos - 80) : pos]
    cut = 0
    for m in _CLAUSE_MARK.finditer(window):
        cut = m.end()
    return window[cut:].lower().split()[-n:]


def _title_case(words: list[str]) -> bool:
    alpha = [w for w in words if any(ch.isalpha() for ch in w)]
    return bool(alpha) and all(w[0].isupper() or w.lower() in _SMALL for w in alpha) and (
        alpha[0][0].isupper()
    )


def is_label(text: str, seg: _Seg, sent_start: int, spoken: bool) -> bool:
    """A short quoted name or label ("the “Stop the Boats” week"), not a quote.

    ``spoken``: its sentence attributes words to a speaker ('X said the plan was a
    “gimmick”'); then a determiner before the span does not make it a label.
    """
    quoted = text[seg.start : seg.end]
    words = quoted.split()
    if len(words) > 12 or SENTENCE_END.search(quoted):
        return False
    before = _words_before(text, sent_start, seg.open, 4)
    last_two = " ".join(before[-2:])
    if before and (before[-1] in _NAMING or last_two in _NAMING):
        return len(words) <= 8  # a report titled “...”, a so-called “...”
    if len(words) > 4:
        # the “Irregular migration to the UK, year ending June 2023” release
        noun_after = seg.close is not None and _LOWER_AFTER.match(text, seg.close + 1) and not (
            text[seg.close - 1] == "," or _JOINED_QUOTE.match(text, seg.close + 1)
            or spoken and _JOINING.match(text, seg.close + 1))
        # ('a "lawful source of investment income," as a memo put it' ends its clause; 'X
        # called it a “complete and utter betrayal of voters” and ...' is X's words)
        det_before = bool(before) and (before[-1] in _DETERMINERS or before[-1].endswith(
            ("'s", "’s")))
        return (len(words) <= 8 and _title_case(words)) or bool(det_before and noun_after)
    if spoken:
        return _title_case(words)
    if before and (before[-1] in _TRIGGERS or last_two in _TRIGGERS):
        return True
    first = words[0].lower().strip("‘’'\"")
    for k in range(len(before) - 1, -1, -1):
        if CUE_RE.fullmatch(before[k]) or before[k] in _BREAKERS:
            break
        if before[k] in _DETERMINERS or before[k].endswith(("'s", "’s")):
            if k == len(before) - 1:
                return True  # "the “Stop the Boats” week", "CNN's “State of the Union”"
            cue_before = any(CUE_RE.fullmatch(w) for w in before[max(0, k - 2) : k])
            return first not in _DETERMINERS and not cue_before
    return _title_case(words)


def scare_quote(text: str, seg: _Seg) -> bool:
    """One or two quoted words modifying the next word: 'so-called' use ('“safe” countries')."""
    if seg.close is None or len(text[seg.start : seg.end].split()) > 2:
        return False
    after = text[seg.close + 1 : seg.close + 3]
    return len(after) == 2 and after[0] == " " and after[1].islower()


def direct_start(text: str, lead_start: int, seg: _Seg) -> bool:
    """Does the quote open its clause: nothing before it, a colon, or 'X said,'?"""
    lead = text[lead_start : seg.open].rstrip().rstrip("'‘").rstrip()  # ''...'' marks
    if not lead or lead[-1] in ":—–-(.!?":
        return True
    upper = text[seg.start : seg.start + 1].isupper()
    if lead[-1] == ",":
        return upper and CUE_RE.search(lead, max(0, len(lead) - 60)) is not None
    return upper and _CUE_END.search(lead) is not None
