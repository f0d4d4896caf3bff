"""Reading a number at a trigger: digits and number words, scale, unit and trailing hedge,
and the rules that say a number is not a figure (ages, dates, codes, names).
"""

from __future__ import annotations

import functools
import math
import re

from newstables import hedges
from newstables.extract.article import Sentence
from newstables.extract.figure_grammar import (
    _AFTER_AGE,
    _AFTER_FRACTION,
    _AGE_AFTER,
    _AGE_DIGITS,
    _AGE_HOLDERS,
    _AGE_MORE,
    _AGE_SPAN,
    _ATTACHED,
    _CHANGE,
    _CLEAN,
    _CLEAN_OR_DIGITS,
    _CUR_CODES,
    _CUR_SIGNS,
    _CUR_WORDS,
    _DOTTED,
    _FRAC_SCALE,
    _FRACTIONS,
    _HEDGE_AFTER,
    _HYPHEN_RATE,
    _IRREGULAR_PLURALS,
    _LABELS,
    _LAST_WORD_SPLIT,
    _LETTERS,
    _LIST_NUMBER,
    _MEASURES,
    _MONTHS,
    _MULTIPLIERS,
    _NOT_PLURAL,
    _OF_CURRENCY,
    _OF_WORD,
    _PERCENT,
    _PERCENT_AHEAD,
    _PERSON_ENDINGS,
    _POST_HEDGE,
    _RANGE_OR,
    _RIGHT_SCALE,
    _RIGHT_STARTS,
    _RIGHT_UNIT,
    _SCALE_WORDS,
    _SCALES,
    _SHARE_SPLIT,
    _STOP,
    _TEN_WORDS,
    _TWICE_AS,
    _UNIT_WORDS,
    _VAGUE,
    _VAGUE_PREFIX,
    _WORD,
    _YEAR_LIKE,
    MULTIPLIER_VERBS,
    _Doc,
    _Fig,
)
from newstables.extract.numbers import anaphoric

# ---------------------------------------------------------------- text helpers

_OPENING = frozenset("\"“‘'(")


def _tail(
    low: str, lo: int, pos: int, n: int = 8, digits: bool = False
) -> list[tuple[int, str]]:
    """The last ``n`` words before ``pos`` (from ``lo``), stopping at punctuation or digits."""
    clean = _CLEAN_OR_DIGITS if digits else _CLEAN
    start = max(lo, pos - 11 * n)
    seg = low[start:pos]
    parts = seg.rsplit(None, n)
    if len(parts) > n or (
        parts and start > lo and low[start - 1].isalnum() and not seg[:1].isspace()
    ):
        parts = parts[1:]  # the rest of the window, or a word cut by it
    out: list[tuple[int, str]] = []
    end = len(seg)
    for word in reversed(parts):
        at = seg.rfind(word, 0, end)
        end = at
        if not (word.isalpha() or clean.fullmatch(word)):
            if word.endswith(".") and word[:-1] in _DOTTED:
                word = word[:-1]
            elif word[:1] in _OPENING and len(word) > 1 and clean.fullmatch(word[1:]):
                out.append((start + at + 1, word[1:]))  # '"more than 100,000': its first word
                break
            else:
                break
        out.append((start + at, word))
        if len(out) == n:
            break
    out.reverse()
    return out


def _is_plural(w: str) -> bool:
    """Whether a lower-case word looks plural ("migrants", "people", not "status")."""
    if w in _IRREGULAR_PLURALS:
        return True
    if w in _NOT_PLURAL or len(w) < 4 or w.endswith(("'s", "’s")):
        return False
    return w.endswith("s") and not w.endswith(("ss", "us", "is"))


def _next_word(text: str, pos: int, limit: int) -> str:
    m = _WORD.match(text, pos, limit)
    return m.group(1).lower() if m else ""


# ---------------------------------------------------------------- number parsing


def _words_value(text: str) -> tuple[float, int] | None:
    """Value of a number-word phrase and how many characters of it parse; None if invalid."""
    total, current, prev, end = 0.0, 0.0, "", 0
    for m in _LETTERS.finditer(text.lower()):
        w = m.group()
        if w in ("a", "an") and prev == "":
            current, prev = 1.0, "a"
            continue
        if w == "and":
            if prev not in ("hundred", "big"):
                break
            prev = "and"
            continue
        if w in _UNIT_WORDS:
            v = _UNIT_WORDS[w]
            ok = prev in ("", "hundred", "big", "and") or (prev == "tens" and 1 <= v <= 9)
            if not ok or (v == 0 and prev != ""):
                break
            current += v
            prev = "unit" if 1 <= v <= 9 else "teen"
        elif w in _TEN_WORDS:
            if prev not in ("", "hundred", "big", "and"):
                break
            current += _TEN_WORDS[w]
            prev = "tens"
        elif w in ("hundred", "dozen"):
            if prev not in ("a", "unit", "teen", "tens") or current == 0:
                break
            current *= _SCALE_WORDS[w]
            prev = "hundred"
        elif w in _SCALE_WORDS:
            if prev in ("", "and"):
                break
            total += (current or 1.0) * _SCALE_WORDS[w]
            current, prev = 0.0, "big"
        else:
            break
        end = m.end()
    if end == 0:
        return None
    return total + current, end


def _to_float(digits: str) -> float | None:
    try:
        value = float(hedges.digits_only(digits))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _single_value(text: str) -> float | None:
    """A digit string or a one-word (or hyphenated) number word as a float."""
    text = text.strip()
    if text[:1].isdigit():
        return _to_float(text)
    parsed = _words_value(text)
    return parsed[0] if parsed else None


def _vague_range(phrase: str) -> tuple[float, float] | None:
    """[low, high] of a word quantity: "thousands", "tens of thousands", "several hundred"."""
    words = phrase.lower().split()
    if len(words) >= 3 and words[-2] == "of":
        first, unit = _VAGUE.get(words[0]), _SCALE_WORDS.get(words[-1].rstrip("s"))
        if first and unit:
            return first[0] * unit, (first[1] + 1) * unit - 1
    if words[-1] in _VAGUE and len(words) == 1:
        low, high = _VAGUE[words[-1]]
        return float(low), float(high)
    prefix = " ".join(words[:-1])
    unit = _SCALE_WORDS.get(words[-1].rstrip("s"))
    if prefix in _VAGUE_PREFIX and unit:
        low, high = _VAGUE_PREFIX[prefix]
        return low * unit, (high + 1) * unit - 1
    return None


def changed_by_a_factor(surface: str) -> bool:
    """Is the figure a verb of change by a factor ("more than doubled", "halved")?"""
    words = surface.split()
    return bool(words) and words[-1].lower() in MULTIPLIER_VERBS


_SHARE_TERMS = re.compile(r"(\S+)\s+(?:in|out\s+of)\s+(?:every\s+)?(\S+)\s*$", re.I)


def share_terms(surface: str) -> tuple[float, float] | None:
    """The two numbers of a share as written ("roughly one in ten": 1, 10), or None."""
    m = _SHARE_TERMS.search(surface)
    if m is None:
        return None
    a, b = _single_value(m.group(1)), _single_value(m.group(2))
    return (a, b) if a and b and b > a else None


# ---------------------------------------------------------------- candidates


def _core(m: re.Match[str]) -> _Fig | None:
    """A figure from one match of the core pattern, before its right-hand context."""
    start, end = m.start(), m.end()
    kind = m.lastgroup
    if kind == "share":
        a_text, b_text = _SHARE_SPLIT.split(m.group(), maxsplit=1)
        a, b = _single_value(a_text), _single_value(b_text)
        if a is None or not b or b <= a or 1800 <= b <= 2100:
            return None
        return _Fig(start, end, "share", a / b, unit="share", scaled=True)
    if kind == "frac":
        num_text, den_text = _LAST_WORD_SPLIT.split(m.group(), maxsplit=1)
        num = 1.0 if num_text.lower() in ("a", "an") else _single_value(num_text)
        den = _FRACTIONS.get(den_text.lower())
        if not num or not den or num >= den:
            return None
        return _Fig(start, end, "frac", num / den, unit="share")
    if kind == "vague":
        bounds = _vague_range(m.group())
        if bounds is None:
            return None
        return _Fig(start, end, "vague", None, low=bounds[0], high=bounds[1])
    if kind in ("num", "suf"):
        return _digits(m)
    if kind == "words":
        parsed = _words_value(m.group("words"))
        if parsed is None:
            return None
        value, length = parsed
        used = m.group("words")[:length].lower()
        scaled = any(w in used for w in ("thousand", "million", "billion", "trillion"))
        return _Fig(start, start + length, "words", value, raw=value, scaled=scaled)
    if kind == "half":
        return _Fig(start, end, "frac", 0.5, unit="share")
    if kind == "mult":
        return _Fig(start, end, "mult", float(_MULTIPLIERS[m.group().lower()]), unit="times")
    if kind == "vmult":  # "arrivals doubled": a change by that factor
        return _Fig(start, end, "vmult", float(MULTIPLIER_VERBS[m.group().lower()]),
                    unit="times")
    return None


def _digits(m: re.Match[str]) -> _Fig | None:
    value = _to_float(m.group("num"))
    if value is None:
        return None
    fig = _Fig(m.start(), m.end(), "number", value, raw=value)
    cur = m.group("cur")
    if cur:
        fig.unit = _CUR_SIGNS.get(cur.strip()) or _CUR_CODES.get(cur.strip().upper(), "count")
        fig.scaled = True
    suffix = (m.group("suf") or "").lower()
    if suffix:
        if suffix in _SCALES:
            fig.scale = _SCALES[suffix]
            fig.scaled = True
        elif suffix in _ATTACHED and not cur:
            fig.unit = _ATTACHED[suffix]
            fig.scaled = True
        elif suffix in ("pc", "pct") and not cur:
            fig.unit = "percent"
            fig.scaled = True
        else:
            return None  # ordinals, decades, clock times, codes such as 5G
    return fig


def _extend_right(fig: _Fig, text: str, limit: int) -> bool:
    """Add the scale, unit and trailing hedge after the number; False if it is an age."""
    if fig.kind in ("number", "words") and fig.scale == 1.0 and not fig.scaled:
        sm = _RIGHT_SCALE.match(text, fig.end, limit)
        if sm:
            fig.scale = _SCALES[sm.group("sc").lower()]
            fig.end, fig.scaled = sm.end(), True
    elif fig.kind == "number" and fig.unit != "count" and fig.scale == 1.0:
        sm = _RIGHT_SCALE.match(text, fig.end, limit)  # "$3.8 million"
        if sm:
            fig.scale, fig.end = _SCALES[sm.group("sc").lower()], sm.end()
    if fig.kind == "frac":
        fm = _FRAC_SCALE.match(text, fig.end, limit)
        if fm and fig.value is not None:
            fig.value *= _SCALE_WORDS[fm.group("sc").lower()]
            fig.unit, fig.kind, fig.end, fig.scaled = "count", "number", fm.end(), True
            fig.raw = fig.value
    if fig.kind == "vague":
        cm = _OF_CURRENCY.match(text, fig.end, limit)
        if cm:
            fig.unit = _CUR_WORDS[" ".join(cm.group("curw").split()).lower()]
            fig.end = cm.end()
        tm = _OF_TIMES.match(text, fig.end, limit)
        if tm:  # "shared thousands of times": how often, not how many (nor a multiplier)
            fig.unit, fig.end = "occasions", tm.end()
    if text[fig.end : fig.end + 1] not in _RIGHT_STARTS:
        if fig.kind in ("number", "words") and fig.raw is not None:
            fig.value = fig.raw * fig.scale
        return True  # "45,700," "161%)": nothing more to read
    if fig.kind in ("number", "words", "vague"):
        um = _RIGHT_UNIT.match(text, fig.end, limit)
        if um:
            if um.group("meas") and fig.scale == 1.0 and _AGE_AFTER.match(text, um.end(), limit):
                return False  # "34 years old" (but "66 million years old" is a quantity)
            unit = _unit_of(um, fig)
            if unit:
                fig.unit, fig.end, fig.scaled = unit, um.end(), True
    if fig.kind in ("number", "words") and fig.raw is not None:
        fig.value = fig.raw * fig.scale
    rm = _HYPHEN_RATE.match(text, fig.end, limit)
    if rm:
        fig.rate = f"per {rm.group('u').lower()}"
    pm = _POST_HEDGE.match(text, fig.end, limit)
    if pm and fig.kind in ("number", "words", "vague"):
        fig.hedge = " ".join(pm.group("h").split()).lower()
        fig.hedge_kind = _HEDGE_AFTER.get(fig.hedge, "approximate")
        fig.end = pm.end()
    return True


_OF_TIMES = re.compile(r"\s+of\s+times\b", re.I)


def _unit_of(um: re.Match[str], fig: _Fig) -> str | None:
    if um.group("pct"):
        if fig.unit != "count":
            return None
        return _PERCENT.get(" ".join(um.group("pct").split()).lower(), "percent")
    if um.group("curw"):
        if fig.unit != "count":
            return None
        return _CUR_WORDS[" ".join(um.group("curw").split()).lower()]
    if fig.unit != "count" or fig.kind == "vague":
        return None
    if um.group("fold") or um.group("times"):
        return "times"
    return _MEASURES[" ".join(um.group("meas").split()).lower()]


# ---------------------------------------------------------------- not figures


def _protected_left(doc: _Doc, sent: Sentence, p: int, tail: list[tuple[int, str]]) -> int:
    """End of a non-figure that starts at ``p`` because of the words before it, else 0.

    Labels ("Article 31", "No 10"), ages ("aged 18-65", "children under 5", "Jane Doe, 71,"),
    list numbering at the start of a paragraph.
    """
    text = doc.text
    last = tail[-1][1] if tail else ""
    before = tail[-2][1] if len(tail) > 1 else ""
    if last in _LABELS and text[p : p + 1].isdigit() and not _COUNT_AHEAD.match(text, p):
        if last[:-1] in _LABELS and (m := _LABEL_RANGE.match(text, p, sent.end)):
            return m.end()  # 'paragraphs 8-10', 'pages 12 and 13'
        if last != "no" or text[tail[-1][0]] == "N":
            return _IDENTIFIER.match(text, p, sent.end).end()  # 'Regulation 604/2013'
    if last in ("update", "wrapup") and text[tail[-1][0] : p].isupper() and (
            m := _SLUG_NUMBER.match(text, p, sent.end)):
        return m.end() - 1  # a wire story's version: 'UPDATE 2-Migrant crossings rose ...'
    if tail and text[p : p + 1].isdigit() and _is_code_name(text, tail[-1][0], p, sent.end):
        return _IDENTIFIER.match(text, p, sent.end).end()  # 'HR 3421', 'ISO 9001'
    age = last in ("aged", "age", "ages") or (before, last) in (("age", "of"), ("aged", "between"))
    if not age and last in ("under", "over", "below", "above", "than") and before:
        age = before in _AGE_HOLDERS or before in ("younger", "older", "aged")
    if age:
        m = _AGE_SPAN.match(text, p, sent.end)
        if m:
            number = _single_value(m.group().split("-")[0].split("–")[0].split()[0])
            if number is not None and number <= 120 and not _PERCENT_AHEAD.match(
                text, m.end(), sent.end
            ):
                end = m.end()
                while more := _AGE_MORE.match(text, end, sent.end):
                    end = more.end()
                return end
    if not tail and text[p : p + 1].isdigit():
        name_age = _name_age(text, p, sent)
        if name_age:
            return name_age
    line = text[max(0, p - 8) : p].rstrip(" \t(")
    if (not line and p <= 8) or line.endswith("\n"):
        m = _LIST_NUMBER.match(text, p, sent.end)
        if m:
            return m.end()
    return 0


_SLUG_NUMBER = re.compile(r"[0-9]+-")
_LABEL_RANGE = re.compile(r"[0-9]+(?:\s*[-–]\s*|\s+(?:and|to)\s+)[0-9]+\b")
# A label's number with what is joined to it: '604/2013', '8.2', '12-B' (not '12-15').
_IDENTIFIER = re.compile(r"[0-9]+(?:[./][0-9A-Za-z]+|-[A-Za-z][0-9A-Za-z]*)*")
# A number no label takes: thousands grouped, or a scale or share after it ('Last week
# 2,000 people crossed', 'At one point 1.5 million').
_COUNT_AHEAD = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+\b|[0-9.]+\s*(?:%|per ?cent\b|million\b|"
                          r"billion\b|bn\b|m\b|thousand\b)")
# An upper-case code of two to five letters ('HR', 'SB', 'ISO') and a plain number right
# after it that ends the clause or comes before a name or a function word ('HR 3421 on
# Tuesday', 'ISO 9001.'): what it names, not a count ('the IOM 300 deaths', 'the UK 4 days').
_CODE_NAME = re.compile(r"[A-Z]{2,5} (?=[0-9])")
_CODE_NUMBER = re.compile(
    r"[0-9]+(?=\s*$|[):!?]|\.(?![0-9])|\s+(?:[A-Z]|(?:on|in|at|by|is|was|are|were|will|would"
    r"|has|had|to|which|that|who|passed|says|said)\b))"
)


@functools.cache
def _named_codes() -> frozenset[str]:
    """Upper-case names of countries, places and organisations in the actor lexicons ('UK',
    'EU', 'IOM'): before a number they are what is counted ('the UK 700 were arrested')."""
    from newstables.extract.actor_tokens import _LEX

    return frozenset(key[0] for key in _LEX if len(key) == 1 and key[0].isupper())


def _is_code_name(text: str, word: int, p: int, end: int) -> bool:
    """Is the word at ``word`` an upper-case code that the number at ``p`` belongs to?"""
    code = _CODE_NAME.match(text, word)
    if code is None or code.end() != p:
        return False
    name = code.group().strip()
    before = text[max(0, word - 20) : word].rstrip()
    if name in _CUR_CODES or name in _named_codes() or before.endswith((",", ":", ";")):
        return False  # a currency, a country or body counted, an item of a list
    previous = before.split()[-1:]
    if previous and previous[0].isupper() and len(previous[0]) > 1:
        return False  # a line in capitals ('POLICE ARREST 12 MIGRANTS')
    return bool(_CODE_NUMBER.match(text, p, end))


def _name_age(text: str, p: int, sent: Sentence) -> int:
    """ "Maureen Clegg, 71, said" / "Mr Ahmed (34)": the number is an age."""
    m = _AGE_DIGITS.match(text, p, sent.end)
    if not m:
        return 0
    end = m.end()
    before = text[max(sent.start, p - 40) : p]
    after = text[end : end + 8]
    if before.endswith("(") and after.startswith(")"):
        word = before[:-1].rstrip().rsplit(" ", 1)[-1]
        return end + 1 if word[:1].isupper() else 0
    if not before.endswith(", "):
        return 0
    word = before[:-2].rsplit(" ", 1)[-1]
    words = before[:-2].split()[-2:]
    person = len(words) == 2 and words[0].lower() in ("the", "a", "an") and word.islower() \
        and int(m.group()) <= 110 and (word in _AGE_HOLDERS or word.endswith(_PERSON_ENDINGS))
    # "the winger, 23, has made" (a person noun), not "in the end, 12, were"
    if not word.isalpha() or not (word[:1].isupper() or person) or word.lower() in _MONTHS \
            or word.lower() in _STOP:  # an age follows a name: "Maureen Clegg, 71,"
        return 0
    if _AFTER_AGE.match(after):
        return end
    return 0


_SPAN = re.compile(r"(?:months?|weeks?|days?|years?|quarters?|periods?|hours?)", re.I)
_SPAN_AFTER = re.compile(rf"[\s-]+{_SPAN.pattern}\b", re.I)
_LISTICLE_AFTER = re.compile(r"\s+(?:key\s+)?(?:numbers|charts|graphs|maps|facts|things|ways"
                             r"|takeaways|lessons)\b", re.I)
_IN_BEFORE = re.compile(r"(?<![\w-])in\s+$", re.I)
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could)\b", re.I)
_SCORE_AFTER = re.compile(r"[-–](?:nil|all|love)\b", re.I)


def _keep(fig: _Fig, doc: _Doc, sent: Sentence) -> bool:
    """Whether a candidate is a figure rather than a year, a pronoun "one", a name..."""
    text = doc.text
    surface = text[fig.start : fig.end]
    last = fig.tail[-1] if fig.tail else ""
    if last == "per" and fig.hedge is None:
        return False  # the base of a rate: "12 per 100,000 people"
    if last == "same" and (_SPAN_AFTER.match(text, fig.end, sent.end) or _SPAN.fullmatch(
            surface.split()[-1])):
        return False  # a span named again: "in the same three months of 2022" (not "the
        # same 400 people")
    if _SCORE_AFTER.match(text, fig.end, sent.end):
        return False  # a score: "lose five-nil", "two-all"
    if fig.hedge is None and _LISTICLE_AFTER.match(text, fig.end, sent.end) and (
            _IN_BEFORE.search(text, max(sent.start, fig.start - 4), fig.start)
            or not text[sent.start : fig.start].strip()
            and not _FINITE.search(text, fig.end, sent.end)):
        # how a piece is told: "in seven numbers", "Ten things we learned", "Seven charts on
        # migration" (not "Three things are happening at once")
        return False
    if fig.kind == "number" and not fig.scaled and _YEAR_LIKE.fullmatch(surface):
        after = _next_word(text, fig.end, sent.end)
        if after in ("level", "levels"):
            return False  # "below 2019 levels": a year, whatever comes before it
        if fig.hedge is None and (not _is_plural(after) or last in _STOP or last in _MONTHS):
            return False
    if anaphoric(fig.tail, fig.kind, fig.value) and not fig.scaled and fig.unit == "count":
        return False  # "the two nations": things already named, not a statistic
    if fig.kind == "words":
        initial = not text[max(sent.start, fig.start - 4) : fig.start].strip(" \"'“‘([")
        if surface[:1].isupper() and not initial:
            return False  # "Five Eyes", "Channel Four"
        if fig.value == 1.0 and not fig.scaled and fig.unit == "count":
            return bool(_RANGE_OR.match(text, fig.end, sent.end))
        if fig.value == 0.0 and not fig.scaled:
            return False
    if fig.kind == "vague" and surface.split()[-1].lower() in ("scores", "tens"):
        return bool(_OF_WORD.match(text, fig.end, sent.end))
    if fig.kind == "frac":
        return _fraction_ok(fig, text, sent)
    if fig.kind == "mult":
        return bool(_TWICE_AS.match(text, fig.end, sent.end))
    if fig.kind == "vmult":
        return not _NO_CHANGE_AFTER.match(text, fig.end, sent.end)
    return True


# "doubled down on", "doubled up", "doubled back", "a doubled-edged": no change by a factor
# ("doubled over the summer", "doubled as the weather improved" are)
_NO_CHANGE_AFTER = re.compile(r"(?:\s+(?:down|up|back)\b|-)", re.I)


def _fraction_ok(fig: _Fig, text: str, sent: Sentence) -> bool:
    """ "a third of", "by half", "nearly two-thirds." - not "a third country", "first half"."""
    after = text[fig.end : min(sent.end, fig.end + 12)]
    last = fig.tail[-1] if fig.tail else ""
    if last in ("first", "second", "latter", "other", "last", "final", "the", "a"):
        return False
    if after.startswith("-"):
        return False
    if _AFTER_FRACTION.match(after):
        return True
    if last in _CHANGE and not _ORDINAL_NOUN.match(after):
        return True  # "were down a third on 2022", not "rose a third time"
    return last in ("by", "in", "than") or fig.hedge is not None


# "a third time", "a second term": an ordinal, not a fraction
_ORDINAL_NOUN = re.compile(r"\s+(?:times?|place|round|term|consecutive|successive|straight|"
                           r"year|month|week|day|quarter)\b", re.I)


