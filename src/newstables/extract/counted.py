"""What a figure counts: the noun phrase after it, of-phrases, shares of a total, the
subject before a change, with the verb that says what happened to them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newstables import periods
from newstables.extract.article import Sentence
from newstables.extract.figure_grammar import (
    _CHANGE,
    _CHANGE_AFTER,
    _CHANGE_NOUN,
    _CLAUSE_STARTERS,
    _COLLECTIVE,
    _CURRENCIES,
    _HARD_VERBS,
    _IN_OF,
    _LEVEL_VERBS,
    _MONTHS,
    _NP_MODIFIERS,
    _NP_PREPOSITIONS,
    _OBJ_EXCLUDE,
    _OF,
    _OF_THEM,
    _PARTICIPLES,
    _PASSIVE,
    _PRONOUNS,
    _SOFT_VERBS,
    _STOP,
    _WEEKDAYS,
    _WORD_RUN,
    ED_ADJECTIVES,
    _Fig,
    label_colon_end,
    past_verb,
)
from newstables.extract.figure_ranges import _change_before
from newstables.extract.number_reading import _is_plural, _next_word, _tail

# ---------------------------------------------------------------- what is counted


def _tokens(text: str, pos: int, limit: int) -> list[tuple[str, int, int]]:
    """The run of up to 7 words at ``pos`` (no punctuation between them): (word, start, end)."""
    m = _WORD_RUN.match(text, pos, limit)
    if m is None:
        return []
    out: list[tuple[str, int, int]] = []
    run, at = m.group(), m.start()
    for word in run.split():
        start = run.find(word, at - m.start()) + m.start()
        at = start + len(word)
        out.append((word, start, at))
    return out


def _np_able(w: str) -> bool:
    """Whether a lower-case word can be part of a noun phrase."""
    return (w not in _STOP or w in _NP_MODIFIERS) and w not in _HARD_VERBS


def _soft(w: str) -> bool:
    """A lower-case modifier or verb-like word: in a noun phrase only before another word."""
    return (
        w in _NP_MODIFIERS
        or w in _SOFT_VERBS
        or (len(w) > 4 and w.endswith(("ed", "ing")) and not _is_plural(w))
    )


def _noun_phrase(
    text: str, pos: int, limit: int, singular_ok: bool = False, participle: bool = False
) -> tuple[str, int] | None:
    """The noun phrase starting at ``pos``: words up to its plural head ("irregular migrants")."""
    toks = _tokens(text, pos, limit)
    kept: list[int] = []
    head = None
    words = [word.lower() for word, _, _ in toks]
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if not _np_able(w):
            break
        if _soft(w) and not _is_plural(w):
            if not nxt or not _np_able(nxt) or nxt in _SOFT_VERBS:
                break
            kept.append(i)
            continue
        kept.append(i)
        if _is_plural(w):
            head = i
            if w in _COLLECTIVE and nxt and _is_plural(nxt) and _np_able(nxt):
                head = i + 1
            break
        if len(kept) >= 4:
            break
    if head is None:
        if not singular_ok or not kept or _soft(words[kept[-1]]):
            return None
        head = kept[min(len(kept), 3) - 1]
    first = kept[0] if kept else head
    while first < head and words[first] in ("more", "fewer", "less"):
        first += 1
    end = toks[head][2]
    phrase = " ".join(text[toks[first][1] : end].split())
    if participle and head + 1 < len(toks):
        nxt = words[head + 1]
        gap = text[end : toks[head + 1][1]]
        if nxt.endswith("ed") and nxt not in _OBJ_EXCLUDE and not gap.strip():
            phrase += " " + nxt
            end = toks[head + 1][2]
    return phrase, end


def _of_phrase(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    om = _OF.match(text, pos, limit)
    if not om:
        return None
    found = _noun_phrase(text, om.end(), limit, singular_ok=True, participle=True)
    if found and _A_MONTH.fullmatch(found[0]):
        return None  # "the 55,814 of June 2014": when, not what
    return found


_A_MONTH = re.compile(rf"(?:{periods._MONTH_NAMES})\.?(?:\s+(?:19|20)\d\d)?", re.I)


def _with_verb(phrase: str, fig: _Fig, np_end: int, text: str, sent: Sentence) -> str:
    """Add the verb that says what happened: "deported 124,441 migrants", "were caught"."""
    words = list(fig.tail)
    if words[-3:] == ["a", "total", "of"]:
        words = words[:-3]
    elif len(words) >= 2 and words[-2] in ("a", "an") and words[-1] in (
        "additional", "further", "extra", "record", "estimated", "total"
    ):
        words = words[:-2]
    verb = words[-1] if words else ""
    if verb and verb not in _STOP:
        if past_verb(verb):
            return f"{phrase} {verb}"
    pm = _PASSIVE.match(text, np_end, sent.end)
    if pm:
        part = pm.group("p").lower()
        if (part.endswith("ed") or part in _PARTICIPLES) and part not in _OBJ_EXCLUDE:
            obj = (pm.group("o") or "").lower()
            after = text[pm.end() : pm.end() + 1]
            if obj and obj not in _STOP and not _soft(obj) and not _is_plural(obj) and (
                after in ("", " ", ",", ".", ";")
            ):
                return f"{phrase} {part} {obj}"
            return f"{phrase} {part}"
    return phrase


def _counts(fig: _Fig, text: str, sent: Sentence, before: list[_Fig]) -> str | None:
    """What the figure counts, from the words after it, before it, or the figures before it."""
    lim = sent.end
    if fig.unit in ("percent", "percentage points", "share"):
        return _share_counts(fig, text, sent, before)
    money = fig.unit in _CURRENCIES
    if fig.kind == "vmult":
        return _changed_by_a_factor(fig, text, sent)
    if fig.unit != "count" and not money:
        found = _of_phrase(text, fig.end, lim)
        return found[0] if found else None
    if fig.kind in ("vague", "frac"):
        found = _of_them_or_phrase(fig, text, lim, before)
        if found:
            return found
    label = label_colon_end(text, fig.span_start, fig.end)  # "- 3,369: arrivals in ..."
    found = _noun_phrase(text, label or fig.end, lim, singular_ok=money)
    if found:
        return found[0] if money else _with_verb(found[0], fig, found[1], text, sent)
    if money:
        im = _IN_OF.match(text, fig.end, lim)
        found = _noun_phrase(text, im.end(), lim, singular_ok=True) if im else None
        if found:
            return found[0]
        found = _worth(fig, text) or _subject(fig, text)
        fig.needs_noun = found is None
        return found
    found = _of_phrase(text, fig.end, lim)
    if found:
        return found[0]
    cm = _COPULA_AFTER.match(text, fig.end, lim)  # "of which 61,336 were initial applications"
    found = _noun_phrase(text, cm.end(), lim) if cm else None
    if found:
        return found[0]
    numbered = _number_of(fig, text, sent) or _changed_by(fig, text)
    if numbered:
        return numbered
    subject = _subject(fig, text) or _after_change(fig, text, before) or _before_comma_to(
        fig, text, sent)
    if subject:
        return subject
    fig.needs_noun = True
    return None


_TO_GAP = re.compile(r"\s+to\s+$", re.I)
_COMMA_TO = re.compile(r",\s+to\s+$", re.I)
_VERB_HEDGES = frozenset(["almost", "nearly", "roughly", "more", "than", "about", "over",
                          "also", "have", "has", "had"])


def _before_comma_to(fig: _Fig, text: str, sent: Sentence) -> str | None:
    """ "Crossings at the EU's eastern land borders almost tripled last year, to 17,260": the
    subject of the change before the comma."""
    m = _COMMA_TO.search(text, sent.start, fig.span_start)
    if m is None:
        return None
    tail = _tail(text.lower(), sent.start, m.start(), 12)
    words = [w for _, w in tail]
    verb = next((i for i in range(len(words) - 1, -1, -1)
                 if words[i] in _CHANGE or words[i] in _LEVEL_VERBS), None)
    if not verb:
        return None
    n = verb
    while n and words[n - 1] in _VERB_HEDGES:
        n -= 1
    return _np_before(replace(fig, tail=tuple(words), tail_at=tuple(s for s, _ in tail)), n,
                      text)


_OBJECT_AFTER = re.compile(r"\s+(?:the|its|their|his|her|our|a|an)\s+", re.I)
_NUMBER_OF = re.compile(r"(?:total\s+)?numbers?\s+of\s+(?:the\s+)?", re.I)


def _changed_by_a_factor(fig: _Fig, text: str, sent: Sentence) -> str | None:
    """ "Crossings at the EU's eastern land borders almost tripled", "The backlog has more
    than halved": what changed; "The Home Office doubled the number of caseworkers": its
    object, not who changed it."""
    obj = _OBJECT_AFTER.match(text, fig.end, sent.end)
    if obj:
        at = _NUMBER_OF.match(text, obj.end(), sent.end)  # "the number of caseworkers"
        found = _noun_phrase(text, at.end() if at else obj.end(), sent.end, singular_ok=True)
        return found[0] if found else ""
    words = list(fig.tail)
    while words and (words[-1] in _VERB_HEDGES or words[-1] in _AUXILIARIES):
        words.pop()
    if not words:
        return None
    # the whole subject, from its clause's start ("The price of a place on a small boat",
    # "Arrivals of Turkish nationals by small boat")
    end = fig.tail_at[len(words) - 1] + len(words[-1])
    start = max(sent.start, *(text.rfind(c, sent.start, end) + 1 for c in ",;:("))
    subject = _REPORTED.sub("", " ".join(text[start:end].split()).lstrip("\"“”'‘’ ")).split()
    while subject and subject[0].lower() in _CLAUSE_STARTERS:
        subject.pop(0)  # "..., while crossings at the EU's eastern land borders"
    if subject and len(subject) <= 14:
        return " ".join(subject)
    return _np_before(fig, len(words), text)


_REPORTED = re.compile(r"^(?:adding|noting|saying|warning|arguing|claiming|insisting|explaining)"
                       r"\s+that\s+", re.I)  # ", adding that its market capitalization"


def _after_change(fig: _Fig, text: str, before: list[_Fig]) -> str | None:
    """ "detections down 59% to 67,000", "rose 14% to 70,000": what the change before counts."""
    if not before or before[-1].unit not in ("percent", "percentage points"):
        return None
    prev = before[-1]
    return prev.counts if _TO_GAP.match(text, prev.end, fig.span_start) else None


_IN_AFTER = re.compile(r"\s+(?:in|among)\s+(?:(?:the|all)\s+)?", re.I)
_COPULA_AFTER = re.compile(r"\s+(?:were|was|are|is)\s+(?:all\s+)?")


def _of_them(fig: _Fig, text: str, lim: int, before: list[_Fig]) -> str | None:
    """ "45% of them": what the figure before counts."""
    if before and _OF_THEM.match(text, fig.end, lim):
        for other in reversed(before[-8:]):
            if other.counts:
                return other.counts
    return None


def _of_them_or_phrase(fig: _Fig, text: str, lim: int, before: list[_Fig]) -> str | None:
    """ "45% of them" (what the figure before counts), else "45% of claims"."""
    them = _of_them(fig, text, lim, before)
    if them:
        return them
    found = _of_phrase(text, fig.end, lim)
    return found[0] if found else None


def _share_counts(fig: _Fig, text: str, sent: Sentence, before: list[_Fig]) -> str | None:
    """What a percentage or share is of: "40% of claims", "a 20% rise in arrivals", "up 161%"."""
    lim = sent.end
    found = _of_them_or_phrase(fig, text, lim, before)
    if found:
        return found
    cm = _CHANGE_NOUN.match(text, fig.end, lim)
    if cm:
        found = _noun_phrase(text, cm.end(), lim, singular_ok=True, participle=True)
        if found:
            return found[0]
    found = _noun_phrase(text, fig.end, lim)
    if found and (fig.unit == "share" or _next_word(text, fig.end, lim) in _NP_MODIFIERS):
        return found[0]
    if len(fig.tail) > 1 and fig.tail[-1] == "of" and fig.tail[-2] in _CHANGE:
        im = _IN_AFTER.match(text, fig.end, lim)  # "a rise of 25% in small boat arrivals"
        found = _noun_phrase(text, im.end(), lim, singular_ok=True, participle=True) if im \
            else None
        if found:
            return found[0]
    changed = _changed_by(fig, text) or _saw_a_change(fig, text)
    if changed:
        return changed
    paren = text[max(sent.start, fig.span_start - 2) : fig.span_start].rstrip().endswith("(")
    own = _subject(fig, text) if fig.tail[-1:] == ("by",) or fig.tail[-1:] and (
        fig.tail[-1] in _CHANGE) else None
    if own:  # "..., while the Western African route rose by 18%", "and crossings on the
        # Western Balkans route fell 78%": its own subject
        return own
    if before and (paren or _change_before(fig.tail) or _CHANGE_AFTER.match(text, fig.end, lim)):
        for other in reversed(before[-8:]):
            if other.counts:
                return other.counts
    return _subject(fig, text)


def _number_of(fig: _Fig, text: str, sent: Sentence) -> str | None:
    """ "the number of irregular migrants deported since 2016 to 449,326" -> the noun."""
    lo = max(sent.start, fig.span_start - 150)
    low = text[lo : fig.span_start].lower()
    at = low.rfind(" of ")
    while at > 0:
        word = low[:at].rsplit(None, 1)[-1] if low[:at].split() else ""
        if word in ("number", "numbers", "total", "tally", "count", "toll", "figure"):
            pos = lo + at + 4
            if low[at + 4 : at + 8] == "the ":
                pos += 4
            found = _noun_phrase(text, pos, fig.span_start, singular_ok=True, participle=True)
            return found[0] if found else None
        at = low.rfind(" of ", 0, at)
    return None


def _run_before(words: list[str], end: int) -> int:
    """Where the run of content words ending before index ``end`` starts (at most 4 words)."""
    first = end
    while first > 0 and end - first < 4:
        w = words[first - 1]
        if not _np_able(w) or w in _PRONOUNS or w in _CHANGE or w in _SOFT_VERBS:
            break
        if len(w) > 4 and w.endswith("ed") and first < end and w not in ED_ADJECTIVES:
            break  # "deported ... migrants": a verb before the noun phrase
        first -= 1
    return first


def _saw_a_change(fig: _Fig, text: str) -> str | None:
    """ "The Eastern Mediterranean route saw an increase of 14%" -> the subject that saw it."""
    tail = fig.tail
    if len(tail) < 5 or tail[-1] != "of" or tail[-2] not in _CHANGE or tail[-3] not in (
            "a", "an") or tail[-4] not in _SEE or _IN_AFTER.match(text, fig.end):
        return None  # not "Frontex recorded an increase of 14%", "saw a rise of 25% in ..."
    return _np_before(fig, len(tail) - 4, text)


def _changed_by(fig: _Fig, text: str) -> str | None:
    """ "cut net migration by 300,000", "reduce crossings by 20%" -> the thing changed."""
    if fig.tail[-1:] != ("by",) or len(fig.tail) < 2:
        return None
    words = list(fig.tail[:-1])
    first = _run_before(words, len(words))
    if first == len(words) or first == 0 or not (
        words[first - 1] in _CHANGE or words[first - 1] in _SOFT_VERBS
        or words[first - 1].endswith("ed")
    ):
        return None
    return _np_before(fig, len(words), text)


def _np_before(fig: _Fig, n: int, text: str) -> str | None:
    """The noun phrase ending the first ``n`` tail words, with one prepositional phrase
    ("Arrivals to the Greek islands", "The grant rate at initial decision")."""
    words = list(fig.tail[:n])
    first = _run_before(words, len(words))
    if first == len(words):
        return None
    k = first - 1
    if k > 0 and words[k] == "the":
        k -= 1
    if k > 0 and words[k] in _NP_PREPOSITIONS:
        before = _run_before(words, k)
        if before < k:
            first = before
    start, last = fig.tail_at[first], n - 1
    return " ".join(text[start : fig.tail_at[last] + len(words[last])].split())


def _subject(fig: _Fig, text: str) -> str | None:
    """ "Crossings topped 10,000", "The death toll rose to 50" -> the subject noun phrase."""
    words = list(fig.tail)
    for filler in (["a", "total", "of"], ["a", "new", "record", "of"], ["a", "new", "record"],
                   ["a", "record", "of"], ["a", "record"], ["an", "estimated"]):
        if words[-len(filler) :] == filler:
            del words[-len(filler) :]
            break
    if words and words[-1] in ("to", "at", "by", "of", "around", "for", "from"):
        words.pop()
    if len(words) > 1 and words[-1] in ("back", "again") and words[-2] in _LEVEL_VERBS:
        words.pop()  # "the number living in hotels has climbed back above 48,000"
    adverb = bool(words) and words[-1] in ("up", "down")
    if adverb:
        words.pop()
    if adverb and words and words[-1] not in _LEVEL_VERBS and _is_plural(words[-1]):
        return _np_before(fig, len(words), text)  # "with detections down 59%"
    if len(words) > 1 and words[-1].endswith("ing") and words[-1] in _CHANGE and _is_plural(
            words[-2]):
        return _np_before(fig, len(words) - 1, text)  # "with detections falling by 58%"
    if not words or words[-1] not in _LEVEL_VERBS and not (
            fig.tail[-1:] == ("by",) and _seen_to(words)):
        return None
    words.pop()
    if words and words[-1] in _AUXILIARIES:
        words.pop()
    while words and words[-1] in _VERB_HEDGES and words[-1] not in ("have", "has", "had"):
        words.pop()  # "Detections ... more than tripled to 17,260", "almost doubled"
    found = _np_before(fig, len(words), text)
    if found and all(w.lower() in _MONTHS or w.lower() in _WEEKDAYS for w in found.split()):
        return None  # "and in June reached 5,000": a time, not what is counted
    return found


# Before a level verb: "has cost", "will reach", "could top".
_AUXILIARIES = frozenset(["has", "have", "had", "will", "would", "could", "may", "might", "can",
                          "should"])


_SEE = frozenset(["saw", "see", "sees", "seen", "seeing"])


def _seen_to(words: list[str]) -> bool:
    """ "The route saw detections drop by half": a bare change verb after "saw" and the noun
    phrase that changed (the caller has taken "by" off; "saw a tax cut of" is a noun)."""
    return words[-1] in _CHANGE and any(w in _SEE for w in words[-5:-2])


def _worth(fig: _Fig, text: str) -> str | None:
    """ "a deal worth £3m", "funding of £3 million" -> the thing the money is for."""
    words = list(fig.tail)
    if words[-2:] == ["valued", "at"]:
        n = len(words) - 2
    elif words and words[-1] in ("worth", "of", "totalling", "totaling", "costing", "at"):
        n = len(words) - 1
    else:
        return None
    found = _np_before(fig, n, text)
    return None if found is None or found.lower() in ("total", "sum") else found


