"""Figures: every number an article states, what it counts, when, how hedged and whose.

One row per figure, in text order. Conventions:

- Span (``text`` = ``article.text[start:end]``): hedge + number + scale + unit words, e.g.
  "more than 45,700", "some 161%", "£3 million", "nearly 5 million", "between 500 and 600",
  "tens of thousands", "a third", "one in five", "45,000 or so". The counted noun phrase is
  not in the span; it goes in ``counts``.
- ``value``: the number in units: 3.5 million -> 3500000.0, £3m -> 3000000.0, 161% -> 161.0,
  "a third" -> 0.333.., "one in five" -> 0.2. Hedges never change it. Ranges ("between 500
  and 600", "500-600", "from 10 to 20 percent", "two or three") and word quantities
  ("hundreds" 200-999, "thousands" 2000-9999, "tens of thousands" 20000-99999, "dozens"
  24-99) have value None and give ``low``/``high``; every other figure has low/high None.
  "rose from 10 to 20 percent" is a change, so two figures (both percent), not a range.
- ``unit``: "count", "percent", "percentage points", "share" (fractions, "one in five"),
  "times" ("twice as many", "three times"), a currency code ("GBP", "USD", "EUR", "TRY"...)
  or a measure ("km", "days", "years").
- ``approximate``: True when hedged (except "exactly") or a word quantity ("thousands").
- ``counts``: the noun phrase counted ("irregular migrants"), with the verb that says what
  happened when the number is its object or a passive subject ("irregular migrants
  deported", "migrants denied entry"); "the number of X ... to N" and "X rose to N" give X;
  a number standing alone ("some 20 won reprieves") takes the noun of the nearest earlier
  subject figure in its sentence, else its paragraph; a percentage counts what it is "of",
  or what changed ("up by 161%"); money counts what it pays for ("a £75m package").
- ``period``: "2022", "2023-01", "2023-08-07", "2023-Q1", "2023-H1", intervals as ISO 8601
  "start/end" ("since 2016" -> "2016/2023", "since January 2023" -> "2023-01/2023-08", "the
  year to June 2023" -> "2022-07/2023-06"), rates ("per year"), rolling windows as written
  ("past five years"). Relative expressions resolve against ``article.published`` (weekdays
  and bare months to the latest on or before it) and stay as written without it. Comparison
  bases ("compared with 2021", "than in 2021") and report dates ("announced in January") are
  not periods. A figure takes the first period after it in its clause (before the next
  figure), else the nearest one before it in its sentence.
- ``source``: who the sentence attributes the figure to ("according to Home Office figures"
  -> "Home Office", "the Interior Ministry announced" -> "Interior Ministry"); explicit
  attributions ("according to", "data from") win over "X said".
- Not figures: years, dates, times, ages ("aged 18-65", "a 34-year-old", "Jane Doe, 71,"),
  ordinals ("10th", "third"), phone numbers, list numbering, labels ("Article 31",
  "Channel 4", "COVID-19", "G7"), quarters ("Q3"), "one" as a pronoun or article ("one of",
  "no one", "one MP"), vague words ("several", "a few"), the base of a rate ("per 100,000")
  and numbers inside time expressions ("the past five years", "the year to June").

How: digits and number words are found by one fast trigger regex; each trigger is matched
against the number patterns at its position and read with the words around it. Lexicons are
the ``figures_*.json`` files beside this module.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

import pandas as pd

from newstables import hedges, periods
from newstables.extract.article import Article, Sentence
from newstables.extract.figure_periods import add_periods
from newstables.extract.numbers import anaphoric, change_by_to, is_score, negative_start
from newstables.paths import LEXICONS
from newstables.schema import frame


def _load(name: str) -> dict[str, Any]:
    return json.loads((LEXICONS / name).read_text(encoding="utf-8"))


_NUMW = _load("figures_number_words.json")
_UNITS = _load("figures_units.json")
_CTX = _load("figures_context.json")
_CAL = _load("figures_periods.json")


def _alt(phrases: Any) -> str:
    """A regex alternation of phrases, longest first; a space matches any whitespace."""
    items = sorted({str(p) for p in phrases}, key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in items)


def _words(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _CTX[key])


def _trie(words: Any) -> str:
    """A regex matching exactly ``words``, as a trie (much faster than a flat alternation)."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else f"(?:{'|'.join(alts)})"
        return body + "?" if "" in node else body

    return build(root)


# ---------------------------------------------------------------- lexicons

_UNIT_WORDS: dict[str, int] = _NUMW["units"]
_TEN_WORDS: dict[str, int] = _NUMW["tens"]
_SCALE_WORDS: dict[str, int] = _NUMW["scales"]
_FRACTIONS: dict[str, int] = _NUMW["fractions"]
_MULTIPLIERS: dict[str, int] = _NUMW["multipliers"]
_VAGUE: dict[str, list[float]] = _NUMW["vague"]
_VAGUE_PREFIX: dict[str, list[float]] = _NUMW["vague_prefixes"]
_HEDGE_BEFORE: dict[str, str] = {k.rstrip("."): v for k, v in hedges.BEFORE.items()}
_HEDGE_AFTER: dict[str, str] = hedges.AFTER
_HEDGE_LAST = frozenset(phrase.split()[-1] for phrase in _HEDGE_BEFORE)
_CUR_SIGNS: dict[str, str] = _UNITS["currency_signs"]
_CUR_CODES: dict[str, str] = _UNITS["currency_codes"]
_CUR_WORDS: dict[str, str] = _UNITS["currency_words"]
_SCALES: dict[str, float] = {k: float(v) for k, v in _UNITS["scales"].items()}
_PERCENT: dict[str, str] = _UNITS["percent"]
_MEASURES: dict[str, str] = _UNITS["measures"]
_ATTACHED: dict[str, str] = _UNITS["attached"]
_MONTHS: dict[str, int] = periods.MONTHS
_WEEKDAYS: dict[str, int] = {k.lower(): v for k, v in periods.WEEKDAYS.items()}
_RATES: dict[str, str] = _CAL["rates"]

_STOP = _words("stopwords")
_NP_MODIFIERS = _words("np_modifiers")
_HARD_VERBS = _words("hard_verbs")
_SOFT_VERBS = _words("soft_verbs")
_OBJ_EXCLUDE = _words("object_verb_exclusions")
_IRREGULAR_PAST = _words("irregular_past")
_PARTICIPLES = _words("participles")
_COLLECTIVE = _words("collective_nouns")
_IRREGULAR_PLURALS = _words("irregular_plurals")
_NOT_PLURAL = _words("not_plural")
_PRONOUNS = _words("pronouns")

_LABELS = _words("labels")
_CHANGE = _words("change_words")
_LEVEL_VERBS = _words("level_verbs")
_AGE_HOLDERS = _words("age_holders")
_PERIOD_STARTS = frozenset(w.lower() for w in _CAL["period_starts"])
_PERIOD_WORDS = frozenset(w.lower() for w in _CAL["period_triggers"])
_NOUN_TRIGGERS = frozenset(["year", "years", "month", "months", "week", "weeks", "day", "days",
                            "decade", "decades", "hour", "hours", "quarter", "half", "night"])
_REPORT_DATE = frozenset(_CAL["report_date_verbs"])
_COMPARISON = frozenset(_CAL["comparison_markers"])
_CORE_WORDS = frozenset(
    [*_UNIT_WORDS, *_TEN_WORDS, *_VAGUE, *_MULTIPLIERS, "a", "an", "half", "several", "many"]
)
_AFTER_A = frozenset([*_SCALE_WORDS, *_FRACTIONS, "few", "couple"])
_NEEDS_NEXT = {
    "a": _AFTER_A,
    "an": _AFTER_A,
    "many": frozenset(["hundred", "hundreds", "thousand", "thousands", "million", "millions"]),
    "several": frozenset(["hundred", "hundreds", "thousand", "thousands", "million", "millions"]),
}
_CLAUSE_STARTERS = frozenset(
    ["and", "but", "while", "whilst", "whereas", "although", "though", "as", "when", "where",
     "which", "that", "so", "yet", "then", "also", "only", "just", "while", "since", "because"]
)
_NP_PREPOSITIONS = frozenset(["to", "in", "on", "at", "from", "of", "into", "for", "across"])
_CURRENCIES = frozenset([*_CUR_SIGNS.values(), *_CUR_CODES.values(), *_CUR_WORDS.values()])
_DOTTED = frozenset(["approx", "c", "est", "no", "vol", "ref", "fig", "art", "sec", "vs"])

# ---------------------------------------------------------------- regex pieces

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"  # capitals (and, in Latin Extended-A, their small letters)
_D = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_NW = rf"(?:{_trie([*_UNIT_WORDS, *_TEN_WORDS])})\b"
_ONE_TO_NINE = _trie(w for w, v in _UNIT_WORDS.items() if 1 <= v <= 9)
_NW1 = rf"(?:(?:{_trie(_TEN_WORDS)})(?:[\s-]+(?:{_ONE_TO_NINE}))?|(?:{_trie(_UNIT_WORDS)}))\b"
_WORDISH = r"[a-z]+(?:-[a-z]+)?"  # a number word in a time expression, checked when resolved
_BIG = _alt(_SCALE_WORDS)
# Time expressions are matched on the lower-cased text (faster than re.I); that a month or
# weekday is capitalised in the text is checked when the expression is resolved.
_MONTH = rf"(?:{_trie(_MONTHS)})\b\.?"
_WEEKDAY = rf"(?:{_trie(_WEEKDAYS)})\b"
_CAPITALISED = ("yto_m", "since_m", "mr_a", "mr_b", "date_m", "date_m2", "my_m", "wd", "q_k")
_YEAR = r"(?:1[89]|20)[0-9]{2}(?![0-9%]|[,./-][0-9])"  # only ever after a space in _PERIOD
_DAY = r"(?:[12]?[0-9]|3[01])(?:st|nd|rd|th)?"



# Where to look: digits and the words that can start a figure or a time expression, each
# after a space or punctuation (the leading class lets the regex engine skip ahead fast).
_TRIGGER = re.compile(
    r"[\s\"'“‘(\[/—–£$€₺¥+−-](?:(?P<d>[0-9]+)|(?P<w>"
    + _trie((_CORE_WORDS | _PERIOD_WORDS | set(_MONTHS) | set(_WEEKDAYS)) - set(_NEEDS_NEXT))
    + r"|q[1-4]|h[12]"
    + r"|an?(?=[\s-]+(?:" + _trie(_NEEDS_NEXT["a"]) + r")\b)"  # "a third", not every "a"
    + r"|(?:many|several)(?=\s+(?:" + _trie(_NEEDS_NEXT["many"]) + r")\b)"
    + r")\b)"
)
_SHARE_FRAC = rf"""
      (?P<share>(?:{_D}|{_NW1})\s+(?:in|out\s+of)\s+(?:every\s+)?(?!(?:1[89]|20)[0-9]{{2}}\b)
        (?:{_D}|{_NW1})(?!\w|,[0-9]))
    | (?P<frac>(?:an?|{_NW1})[\s-]+(?:{_alt(_FRACTIONS)})\b)
    |"""
_PLAIN = rf"""
      (?P<vague>(?:(?:tens|hundreds|dozens|scores)\s+of\s+)?(?:{_alt(_VAGUE)})\b
        | (?:{_alt(_VAGUE_PREFIX)})\s+(?:hundred|thousand|million|billion)s?\b)
    | (?P<cur>(?:US\$|A\$|C\$|NZ\$|HK\$|[£$€₺¥]|(?-i:USD|GBP|EUR|TRY|TL|CHF))\s?)?
        (?P<num>{_D})(?P<suf>[^\W\d_]+)?
    | (?P<words>(?:{_NW}|an?(?=[\s-]+(?:{_BIG})\b))
        (?:(?:[\s-]+|\s+and\s+)(?:{_NW}|(?:{_BIG})\b))*)
    | (?P<half>half)\b
    | (?P<mult>twice|thrice)\b
    )"""
_CORE = re.compile(rf"(?<![\w.])(?:{_SHARE_FRAC}{_PLAIN}", re.I | re.X)
_CORE_PLAIN = re.compile(rf"(?<![\w.])(?:{_PLAIN}", re.I | re.X)  # when a share fails
_CORE_DIGITS = re.compile(  # most numbers: no share ("1 in 5") can start here
    rf"(?<![\w.])(?P<cur>(?:US\$|A\$|C\$|NZ\$|HK\$|[£$€₺¥]|(?-i:USD|GBP|EUR|TRY|TL|CHF))\s?)?"
    rf"(?P<num>{_D})(?P<suf>[^\W\d_]+)?",
    re.I,
)
_SHARE_AHEAD = re.compile(r"[0-9.,]*\s+(?:in|out\s+of)\s", re.I)
_CUR_BEFORE = re.compile(r"(?:US\$|A\$|C\$|NZ\$|HK\$|[£$€₺¥]|(?:USD|GBP|EUR|TRY|TL|CHF)) ?$")
_RIGHT_SCALE = re.compile(rf"[\s-]*(?P<sc>{_alt(_UNITS['spaced_scales'])})\b", re.I)
_RIGHT_UNIT = re.compile(
    rf"""(?:
      (?P<pct>\s?%|\s*(?:{_alt(k for k in _PERCENT if k != '%')})\b)
    | \s+(?P<curw>{_alt(_CUR_WORDS)})\b
    | (?P<fold>[\s-]?fold)\b
    | \s+(?P<times>times)\b
    | [\s-](?P<meas>{_alt(_MEASURES)})\b
    )""",
    re.I | re.X,
)
_OF_WORD = re.compile(r"\s+of\b", re.I)
_TWICE_AS = re.compile(
    r"\s+(?:as|the|that|its|their|his|her|what|than|an?|per|daily|weekly|monthly|yearly)\b",
    re.I)
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these|which|whom)\b", re.I)
_RIGHT_STARTS = frozenset(" \t-%+\u00a0")  # what a unit, rate or trailing hedge starts with
_OF_CURRENCY = re.compile(rf"\s+of\s+(?P<curw>{_alt(_CUR_WORDS)})\b", re.I)
_HYPHEN_RATE = re.compile(r"-an?-(?P<u>day|night|week|month|year)\b", re.I)
_AGE_AFTER = re.compile(r"[\s-]*olds?\b", re.I)
_FRAC_SCALE = re.compile(r"\s+(?:of\s+)?an?\s+(?P<sc>million|billion|thousand|dozen)\b", re.I)
_POST_HEDGE = re.compile(
    r"(?P<h>-odd\b|-plus\b|\+(?!\w)|\s+(?:or\s+so|or\s+more|or\s+fewer|or\s+less|or\s+over"
    r"|or\s+under|plus|odd)\b(?!\s*[0-9]))",
    re.I,
)
_RANGE_OR = re.compile(rf"\s+(?:or|to)\s+(?:{_D}|{_NW1})", re.I)
_AGE_SPAN = re.compile(rf"(?:{_D}|{_NW1})(?:\s*(?:-|–|to|and)\s*(?:{_D}|{_NW1}))?", re.I)
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "tim", "pect")
_AGE_MORE = re.compile(  # the rest of a list of ages: "aged 24, 31 and 45"
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)[0-9]{1,3}(?=\s*[,;)]|\.(?![0-9])|\s+(?:and|have|has"
    r"|had|were|are|was|is|who|said|will|would)\b)", re.I)
_CLEAN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CLEAN_OR_DIGITS = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_WORD = re.compile(r"[ \t]*([^\W\d_](?:[\w'’-]*\w)?)")
_LETTERS = re.compile(r"[a-z]+")
_SHARE_SPLIT = re.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?", re.I)
_LAST_WORD_SPLIT = re.compile(r"[\s-]+(?=[^\s-]+$)")
_PERCENT_AHEAD = re.compile(r"\s*(?:%|per\s*cent|percent)", re.I)
_LIST_NUMBER = re.compile(r"[0-9]{1,2}[.)](?=\s)")
_AGE_DIGITS = re.compile(r"[0-9]{1,3}(?![0-9]|[,.][0-9])")  # not the "18" of "18,412"
_AFTER_AGE = re.compile(r"[,;)]|\.(?![0-9])|\s+(?:said|says|told|who)\b")
_YEAR_LIKE = re.compile(r"(?:1[89]|2[01])[0-9]{2}")
_AFTER_FRACTION = re.compile(
    r"\s+(?:of|the|its|their|his|her|our|all|these|those|an?(?=\s)|more|less|fewer|higher"
    r"|lower|bigger|smaller|larger|stronger|weaker|faster|slower|cheaper|longer|shorter"
    r"|greater|heavier|lighter)\b|\s*[.,;:)!?]|\s*$", re.I
)
_SPAN_LEAD = re.compile(r"^(?:(?:in|over|during|within|across|for)\s+)?(?:the\s+)?", re.I)
_SOURCE_TRIM = re.compile(r"^(?:The|the)\s+|['’]s$")
_WORD_RUN = re.compile(r"(?:[ \t]*[^\W\d_](?:[\w'’-]*\w)?(?![\w'’-])){1,7}")
_RANGE_GAP = re.compile(r"\s*(?:(?P<dash>[-–—])|(?P<w>to|and|or|till|until))\s*", re.I)
_CHANGE_AFTER = re.compile(
    r"\s+(?:increase|rise|drop|fall|decline|jump|reduction|cut|surge|hike|growth|more|fewer"
    r"|less|higher|lower|up|down|above|below)\b",
    re.I,
)
_OF = re.compile(
    r"\s+of\s+(?:(?:the|all|these|those|its|their|his|her|our|your|this|that)\s+)?", re.I
)
_IN_OF = re.compile(r"\s+(?:in|of|for|on)\s+(?:(?:the|new|extra|additional)\s+)?", re.I)
_CHANGE_NOUN = re.compile(
    r"\s+(?:rise|increase|fall|drop|decline|jump|reduction|cut|surge|hike|growth|decrease)"
    r"\s+(?:in|of)\s+(?:(?:the|all)\s+)?",
    re.I,
)
_PASSIVE = re.compile(
    r"\s+(?:were|was|are|is|have\s+been|has\s+been|had\s+been|being|will\s+be|would\s+be)"
    r"\s+(?:[a-z]+ly\s+)?(?P<p>[a-z]+)(?:[ \t]+(?P<o>[a-z]+))?",
    re.I,
)
# Matched at a number's first character: clock times, "34-year-old", phone numbers, dates
# and codes with slashes or dashes, year ranges, street numbers.
_PROTECT_AT = re.compile(
    "|".join(
        [
            r"[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:a\.m\.?|p\.m\.?|am|pm)(?!\w)",
            r"[0-9]{1,2}:[0-9]{2}\b",
            r"[0-9]{1,2}\s+o['’]clock\b",
            r"[0-9]{4}\s*(?:GMT|BST|UTC|CET|EST|hrs)\b",
            rf"(?:[0-9]{{1,3}}|{_NW1})[\s-]+(?:years?|yrs?|months?|weeks?|days?)[\s-]+olds?\b",
            r"\+?[0-9]{1,4}[ -]\(?0?[0-9]{2,4}\)?[ -][0-9]{3,4}[ -][0-9]{3,4}\b",
            r"0[0-9]{2,4}[ -][0-9]{3,4}[ -]?[0-9]{3,4}\b",
            r"[0-9]{1,4}/[0-9]{1,4}(?:/[0-9]{1,4})?\b",
            r"[0-9]{4}-[0-9]{2}-[0-9]{2}\b",
            r"[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}\b",
            r"(?:1[89]|20)[0-9]{2}\s*[-–]\s*(?:(?:1[89]|20)[0-9]{2}|[0-9]{2})\b(?!\s*%)",
            r"[0-9]{1,4}\s+(?-i:[A-Z][a-z]+)\s+(?-i:Street|Road|Avenue|Lane|Square|Place)\b",
        ]
    ),
    re.I,
)

# ---------------------------------------------------------------- periods

_PERIOD = re.compile(
    rf"""
      (?P<iso>(?:1[89]|20)[0-9]{{2}}-[01][0-9]-[0-3][0-9](?![0-9]))
    | (?P<ago>(?:a|one)\s+year\s+(?:earlier|ago|before|previously)
        | the\s+(?:previous|preceding|prior)\s+year | the\s+year\s+before)
    | (?P<yto>(?:(?:in|during|for|over)\s+)?(?:the\s+)?(?:year|12\s+months|twelve\s+months)
        \s+(?:to|ending(?:\s+in)?|up\s+to)\s+(?:the\s+end\s+of\s+)?(?P<yto_m>{_MONTH})
        (?:\s+(?P<yto_y>{_YEAR}))?)
    | (?P<qh>(?:(?:in|during|for|over|across)\s+)?(?:the\s+)?
        (?P<qh_n>first|second|third|fourth|final|last)
        \s+(?P<qh_u>quarter|half|(?:{_WORDISH}|[0-9]{{1,2}})\s+months)\b
        (?:\s+of\s+(?:(?P<qh_this>the\s+year|this\s+year)|(?P<qh_last>last\s+year)
        |(?P<qh_y>{_YEAR})))?)
    | (?P<q>(?P<q_k>[qh])(?P<q_n>[1-4])\s+(?P<q_y>{_YEAR}))
    | (?P<since>since\s+(?:(?:the\s+)?(?:start|beginning)\s+of\s+)?
        (?:(?P<since_m>{_MONTH})(?:\s+(?P<since_my>{_YEAR}))?|(?P<since_y>{_YEAR})
        |(?P<since_this>(?:the|this)\s+year)|(?P<since_last>last\s+year)))
    | (?P<yr>between\s+(?P<yr_a>{_YEAR})\s+and\s+(?P<yr_b>{_YEAR})
        | from\s+(?P<yr_c>{_YEAR})\s+(?:to|until|till|through)\s+(?P<yr_d>{_YEAR})
        | (?:(?:in|during|for|between|from)\s+)?(?:the\s+)?(?:(?:financial|fiscal)\s+year\s+)?
          (?P<yr_e>(?:1[89]|20)[0-9]{{2}})\s*[-–/]\s*(?P<yr_f>(?:1[89]|20)[0-9]{{2}}|[0-9]{{2}})(?![0-9%]))
    | (?P<mr>(?:between|from)\s+(?P<mr_a>{_MONTH})(?:\s+(?P<mr_ay>{_YEAR}))?
        \s+(?:and|to|until|till|through)\s+(?P<mr_b>{_MONTH})(?:\s+(?P<mr_by>{_YEAR}))?)
    | (?P<date>(?:on\s+)?(?:(?:{_DAY}\s*[-–]\s*)?(?P<date_d>{_DAY})\s+(?:of\s+)?(?P<date_m>{_MONTH})
        | (?P<date_m2>{_MONTH})\s+(?P<date_d2>{_DAY})(?![0-9]|,[0-9]))(?:,?\s+(?P<date_y>{_YEAR}))?)
    | (?P<my>(?:(?P<my_pre>in|during|for|throughout|by|of|until|till|last|this|early|late|mid
        |end\s+of|start\s+of|beginning\s+of)[\s-]+)?(?P<my_m>{_MONTH})(?:\s+(?P<my_y>{_YEAR}))?)
    | (?P<span>(?:(?:in|over|during|within|across|for)\s+)?(?:the\s+)?
        (?:past|last|previous|next|coming|first|final|recent)\s+(?:(?:{_WORDISH}|[0-9]+|few|several
        |couple\s+of)\s+)?(?:years|months|weeks|days|decades|hours|decade)\b
        | (?:over|within|across)\s+(?:{_WORDISH}|[0-9]+)\s+(?:years|months|weeks|days|decades)\b
        | in\s+recent\s+(?:years|months|weeks|days)
        | (?:{_WORDISH}|[0-9]{{1,2}})\s+(?:years|months|weeks|days|decades)\s+(?:earlier|ago|before
          |later|previously)\b)
    | (?P<rel>(?:so\s+far\s+)?(?P<rel_w>this|last|next|past|previous|coming)\s+
        (?P<rel_u>year|month|week)\b(?!-)(?:\s+so\s+far)?)
    | (?P<day>(?:yesterday|today)\b|(?:on|last|this|since|by|from|until)\s+(?P<wd>{_WEEKDAY}))
    | (?P<iny>(?:in|during|for|throughout|of|by|until|till|before|after|across)\s+
        (?:the\s+(?:whole\s+|entire\s+|calendar\s+|financial\s+|fiscal\s+)?year\s+(?:of\s+)?
        |(?:fiscal|financial|calendar)\s+(?:year\s+)?)?
        (?:(?:early|late|mid)[\s-]+)?(?P<iny_y>{_YEAR}) | (?P<iny_y2>{_YEAR})['’]s\b)
    | (?P<season>(?P<season_w>this|last|next)\s+(?P<season_s>spring|summer|autumn|fall|winter)\b)
    | (?P<rate>(?:{_alt(_RATES)})\b(?!-|\s+(?:earlier|later|ago|before|after|long|on)\b))
    """,
    re.X,
)

# ---------------------------------------------------------------- sources

_CAPW = rf"[{_UPPER}][\w'’&.-]*"
_ORG = (
    rf"{_CAPW}(?:[ \t]+(?:(?:of|for|and|on|de|du|&)[ \t]+(?:the[ \t]+)?)?{_CAPW})*"
    r"(?:(?:[ \t]+[a-z]+)?[ \t]+(?:agency|ministry|office|department|authority|service|"
    r"watchdog|charity|commission|council|institute|body|coastguard|police))?"
)
_INST = _alt(_CTX["institutions"])
_SRC_NOUNS = _alt(_CTX["source_nouns"])
_REPORT = _alt(_CTX["report_verbs"])
_REPORT_WORDS = frozenset(w.lower() for w in _CTX["report_verbs"])
_SOURCE_NOUN_WORDS = frozenset(w.lower() for w in _CTX["source_nouns"])
_SOURCE_CUE = re.compile(
    r"[^a-z0-9](?P<c>according|" + _trie(_REPORT_WORDS | _SOURCE_NOUN_WORDS) + r")\b"
)
_SOURCES = [
    re.compile(
        rf"[Aa]ccording\s+to\s+(?:the\s+)?(?:(?:latest|new|recent|official|provisional|"
        rf"unpublished|annual|government|quarterly|monthly|published)\s+)*(?:(?:{_SRC_NOUNS})"
        rf"\s+(?:from|by|of|published\s+by|released\s+by|compiled\s+by)\s+(?:the\s+)?)?"
        rf"(?P<src>{_ORG}|(?:{_INST})\b)"
    ),
    re.compile(
        rf"\b(?i:{_SRC_NOUNS})\s+(?:from|by|of|published\s+by|released\s+by|compiled\s+by|"
        rf"issued\s+by)\s+(?:the\s+)?(?P<src>{_ORG}|(?:{_INST})\b)"
    ),
    re.compile(
        rf"[,”\"’']\s*(?:said|says|according\s+to|announced|reported)\s+(?:the\s+)?"
        rf"(?P<src>{_ORG}|(?:{_INST})\b)"
    ),
    re.compile(
        rf"(?P<src>{_ORG}|(?<=[Tt]he\s)(?:{_INST}))\s+(?:(?:{_SRC_NOUNS})\s+)?"
        rf"(?:has\s+|have\s+|had\s+|also\s+|later\s+)?(?:{_REPORT})\b"
    ),
]


# ---------------------------------------------------------------- data


@dataclass(slots=True)
class _Fig:
    start: int  # the number's first character (the span may start earlier, at a hedge)
    end: int  # end of the number with its scale, unit and trailing hedge
    kind: str  # number, words, share, frac, vague, mult, range
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str = "count"
    raw: float | None = None  # the number before its scale
    scale: float = 1.0
    hedge: str | None = None
    hedge_kind: str | None = None
    hedge_start: int | None = None
    scaled: bool = False  # has a scale word, a currency or a unit
    counts: str | None = None
    subject: bool = True  # not the object of a verb: may lend its noun to a bare number
    needs_noun: bool = False
    period: str | None = None
    source: str | None = None
    paragraph: int = 0
    tail: tuple[str, ...] = ()  # the words just before the span, up to punctuation
    tail_at: tuple[int, ...] = ()  # where they start
    rate: str | None = None  # "£8 million-a-day" -> "per day"

    @property
    def span_start(self) -> int:
        return self.hedge_start if self.hedge_start is not None else self.start


class _Period(NamedTuple):
    start: int
    end: int
    value: str
    usable: bool  # not a comparison base or a report date


@dataclass(frozen=True, slots=True)
class _Doc:
    text: str
    low: str  # lower-cased, same length as text


class _Trigger(NamedTuple):
    start: int
    end: int
    word: str  # lower-cased
    digits: bool


def _triggers(doc: _Doc) -> list[_Trigger]:
    """Digits and trigger words, in text order (a space is put before the text for the regex)."""
    return [
        _Trigger(m.start(), m.end() - 1, m.group()[1:], m.lastgroup == "d")
        for m in _TRIGGER.finditer(" " + doc.low)
    ]


# ---------------------------------------------------------------- text helpers

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
        value = float(digits.replace(",", ""))
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
    if last in _LABELS and text[p : p + 1].isdigit():
        if last != "no" or text[tail[-1][0]] == "N":
            return p + 1
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


def _keep(fig: _Fig, doc: _Doc, sent: Sentence) -> bool:
    """Whether a candidate is a figure rather than a year, a pronoun "one", a name..."""
    text = doc.text
    surface = text[fig.start : fig.end]
    last = fig.tail[-1] if fig.tail else ""
    if last == "per" and fig.hedge is None:
        return False  # the base of a rate: "12 per 100,000 people"
    if fig.kind == "number" and not fig.scaled and fig.hedge is None:
        if _YEAR_LIKE.fullmatch(surface):
            after = _next_word(text, fig.end, sent.end)
            if not _is_plural(after) or last in _STOP or last in _MONTHS:
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
    return True


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
    return last in ("by", "in", "than") or fig.hedge is not None


# ---------------------------------------------------------------- hedges and ranges


def _find_hedge(fig: _Fig, tail: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Take a hedge ("more than", "some") from the end of ``tail``; return the rest."""
    if not tail or tail[-1][1] not in _HEDGE_LAST:
        return tail
    for k in range(min(4, len(tail)), 0, -1):
        phrase = " ".join(w for _, w in tail[-k:])
        if phrase in _HEDGE_BEFORE:
            fig.hedge = phrase
            fig.hedge_kind = _HEDGE_BEFORE[phrase]
            fig.hedge_start = tail[-k][0]
            return tail[:-k]
    return tail


def _merge_ranges(figs: list[_Fig], text: str) -> list[_Fig]:
    """Join "between 500 and 600", "500-600", "from 10 to 20 percent" into one range figure."""
    out: list[_Fig] = []
    i = 0
    while i < len(figs):
        if i + 1 < len(figs) and figs[i].kind == figs[i + 1].kind == "number" and is_score(
                text, figs[i].start, figs[i].end, figs[i + 1].start, figs[i + 1].end):
            i += 2  # "won 3-1": a score, not two quantities
            continue
        merged = _range_of(figs[i], figs[i + 1], text) if i + 1 < len(figs) else None
        if merged is not None:
            out.append(merged)
            i += 2
        else:
            out.append(figs[i])
            i += 1
    return out


def _change_before(words: tuple[str, ...] | list[str]) -> bool:
    """Whether the words end with a change: "rose", "up by", "fell sharply from"."""
    w = list(words)
    if w and w[-1] in ("by", "from", "to"):
        w.pop()
    if w and w[-1].endswith("ly") and len(w) > 1:
        w.pop()
    if w[-2:] in (["made", "up"], ["make", "up"], ["makes", "up"], ["making", "up"]):
        return False
    return bool(w) and w[-1] in _CHANGE


def _range_of(a: _Fig, b: _Fig, text: str) -> _Fig | None:
    if a.kind not in ("number", "words") or b.kind not in ("number", "words"):
        return None
    if a.value is None or b.value is None or b.hedge_start is not None:
        return None
    if a.hedge is not None and a.hedge_start is None:  # "500 or so"
        return None
    gm = _RANGE_GAP.fullmatch(text, a.end, b.start)
    if not gm:
        return None
    word = (gm.group("w") or "").lower()
    lead = a.tail[-1] if a.tail and a.tail[-1] in ("between", "from") else ""
    change = _change_before(a.tail[:-1] if lead == "from" else a.tail) or change_by_to(
        a.tail, word)
    if word == "and" and lead != "between":
        return None
    if word == "or" and not (a.kind == b.kind and a.value < b.value <= 2 * a.value + 1):
        return None
    if word in ("to", "till", "until"):
        if lead == "between":
            return None
        if change:
            _adopt(a, b)
            return None
    low, high = _adopted_bounds(a, b)
    if low is not None and high is not None and high < low < 0:
        low, high = high, low  # "from -5 to -10 degrees"
    if low is None or high is None or not low < high:
        return None
    unit = b.unit if a.unit == "count" else a.unit
    if a.unit not in ("count", unit):
        return None
    fig = _Fig(a.start, b.end, "range", None, low=low, high=high, unit=unit, scaled=True)
    fig.hedge, fig.hedge_kind, fig.hedge_start = a.hedge, a.hedge_kind, a.hedge_start
    fig.tail, fig.tail_at = a.tail, a.tail_at
    if lead and word != "or":
        fig.start, fig.hedge_start = a.tail_at[-1], None  # the hedge sits inside the span
        rest = _find_hedge(fig, list(zip(a.tail_at[:-1], a.tail[:-1], strict=True)))
        fig.tail, fig.tail_at = tuple(w for _, w in rest), tuple(s for s, _ in rest)
    if b.hedge is not None and b.hedge_start is None:
        fig.hedge, fig.hedge_kind = b.hedge, b.hedge_kind
    return fig


def _adopted_bounds(a: _Fig, b: _Fig) -> tuple[float | None, float | None]:
    """The two ends, the first taking the second's scale ("3 to 4 million")."""
    if a.value is None or b.value is None:
        return None, None
    low = a.value
    if a.scale == 1.0 and b.scale > 1.0 and a.raw is not None and b.raw is not None:
        if a.raw < b.raw and a.kind == "number":
            low = a.raw * b.scale
    return low, b.value


def _adopt(a: _Fig, b: _Fig) -> None:
    """In "rose from 10 to 20 percent" the first number takes the second's unit and scale."""
    if a.unit == "count" and b.unit != "count":
        a.unit = b.unit
    if a.scale == 1.0 and b.scale > 1.0 and a.raw is not None and a.kind == "number" and (
            a.unit == b.unit):  # not "grew 25% to 1.3 million"
        a.scale = b.scale
        a.value = a.raw * b.scale


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
    return _noun_phrase(text, om.end(), limit, singular_ok=True, participle=True)


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
        if (len(verb) > 4 and verb.endswith("ed") or verb in _IRREGULAR_PAST) and (
            verb not in _OBJ_EXCLUDE
        ):
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
    if fig.unit != "count" and not money:
        found = _of_phrase(text, fig.end, lim)
        return found[0] if found else None
    if fig.kind in ("vague", "frac"):
        them = _of_them(fig, text, lim, before)
        if them:
            return them
        found = _of_phrase(text, fig.end, lim)
        if found:
            return found[0]
    found = _noun_phrase(text, fig.end, lim, singular_ok=money)
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
    numbered = _number_of(fig, text, sent) or _changed_by(fig, text)
    if numbered:
        return numbered
    subject = _subject(fig, text)
    if subject:
        return subject
    fig.needs_noun = True
    return None


def _of_them(fig: _Fig, text: str, lim: int, before: list[_Fig]) -> str | None:
    """ "45% of them": what the figure before counts."""
    if before and _OF_THEM.match(text, fig.end, lim):
        for other in reversed(before[-8:]):
            if other.counts:
                return other.counts
    return None


def _share_counts(fig: _Fig, text: str, sent: Sentence, before: list[_Fig]) -> str | None:
    """What a percentage or share is of: "40% of claims", "a 20% rise in arrivals", "up 161%"."""
    lim = sent.end
    them = _of_them(fig, text, lim, before)
    if them:
        return them
    found = _of_phrase(text, fig.end, lim)
    if found:
        return found[0]
    cm = _CHANGE_NOUN.match(text, fig.end, lim)
    if cm:
        found = _noun_phrase(text, cm.end(), lim, singular_ok=True, participle=True)
        if found:
            return found[0]
    found = _noun_phrase(text, fig.end, lim)
    if found and (fig.unit == "share" or _next_word(text, fig.end, lim) in _NP_MODIFIERS):
        return found[0]
    changed = _changed_by(fig, text)
    if changed:
        return changed
    paren = text[max(sent.start, fig.span_start - 2) : fig.span_start].rstrip().endswith("(")
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
        if len(w) > 4 and w.endswith("ed") and first < end:
            break  # "deported ... migrants": a verb before the noun phrase
        first -= 1
    return first


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
    if words and words[-1] in ("up", "down"):
        words.pop()
    if not words or words[-1] not in _LEVEL_VERBS:
        return None
    words.pop()
    if words and words[-1] in ("has", "have", "had"):
        words.pop()
    return _np_before(fig, len(words), text)


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


# ---------------------------------------------------------------- periods


def _month_year(month: int, year: int | None, pub: dt.date | None) -> str | None:
    if year is None:
        if pub is None:
            return None
        year = pub.year if month <= pub.month else pub.year - 1
    return f"{year:04d}-{month:02d}"


def _month(name: str | None) -> int | None:
    return _MONTHS.get(name.rstrip(".").lower()) if name else None


def _resolve(m: re.Match[str], pub: dt.date | None) -> str | None:
    """The period a matched time expression names, or None if it names none."""
    g = m.group
    surface = " ".join(m.group().split())
    kind = m.lastgroup
    year = pub.year if pub else None
    if kind == "iso":
        try:
            return dt.date.fromisoformat(surface).isoformat()
        except ValueError:
            return None
    if kind == "ago":
        return str(year - 1) if year else surface
    if kind == "yto":
        end = _month_year(_month(g("yto_m")) or 1, int(g("yto_y")) if g("yto_y") else None, pub)
        if end is None:
            return surface
        ey, em = int(end[:4]), int(end[5:])
        sy, sm = (ey, 1) if em == 12 else (ey - 1, em + 1)
        return f"{sy:04d}-{sm:02d}/{end}"
    if kind == "qh":
        return _quarter(m, year, surface)
    if kind == "mr":
        a = _month_year(_month(g("mr_a")) or 1, _int(g("mr_ay") or g("mr_by")), pub)
        b = _month_year(_month(g("mr_b")) or 1, _int(g("mr_by")), pub)
        return f"{a}/{b}" if a and b else surface
    if kind == "q":
        return f"{g('q_y')}-{g('q_k').upper()}{g('q_n')}"
    if kind == "since":
        return _since(m, pub, surface)
    if kind == "yr":
        a = g("yr_a") or g("yr_c") or g("yr_e")
        b = g("yr_b") or g("yr_d") or g("yr_f")
        return f"{a}/{a[:2] + b if len(b) == 2 else b}"
    if kind == "date":
        return _date(m, year, surface)
    if kind == "my":
        return _month_period(m, pub, surface)
    if kind == "span":
        return _SPAN_LEAD.sub("", surface).lower()
    if kind == "rel":
        return _relative(g("rel_w").lower(), g("rel_u").lower(), pub, surface)
    if kind == "day":
        return _day(m, pub, surface)
    if kind == "iny":
        return g("iny_y") or g("iny_y2")
    if kind == "season":
        return _season(g("season_w").lower(), g("season_s").lower(), pub, surface)
    if kind == "rate":
        return _RATES.get(" ".join(surface.lower().split()))
    return None


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _quarter(m: re.Match[str], year: int | None, surface: str) -> str:
    """ "the second quarter of 2024" -> "2024-Q2"; "the first six months of 2024" -> H1."""
    g = m.group
    which = g("qh_n").lower()
    n = periods.QUARTER_WORDS.get(which, 1)
    y = int(g("qh_y")) if g("qh_y") else (year - 1 if g("qh_last") and year else year)
    if y is None:
        return surface
    unit = " ".join(g("qh_u").lower().split())
    if unit == "quarter":
        return f"{y}-Q{n}"
    if unit == "half":
        return f"{y}-H{min(n, 2)}"
    months = int(_single_value(unit.rsplit(" ", 1)[0]) or 0)
    if not 1 <= months <= 12:
        return surface
    if months in (3, 6) and which in ("first", "last", "final"):
        return f"{y}-{'Q' if months == 3 else 'H'}{1 if which == 'first' else 12 // months}"
    if which == "first":
        return f"{y}-01/{y}-{months:02d}"
    return f"{y}-{13 - months:02d}/{y}-12"


def _date(m: re.Match[str], year: int | None, surface: str) -> str | None:
    g = m.group
    day = int((g("date_d") or g("date_d2") or "0").rstrip("stndrh"))
    month = _month(g("date_m") or g("date_m2")) or 1
    y = int(g("date_y")) if g("date_y") else year
    if y is None:
        return surface
    try:
        return dt.date(y, month, day).isoformat()
    except ValueError:
        return None


def _month_period(m: re.Match[str], pub: dt.date | None, surface: str) -> str | None:
    g = m.group
    if not g("my_pre") and not g("my_y"):
        return None  # a bare "May" may be a name
    pre = (g("my_pre") or "").lower()
    month = _month(g("my_m")) or 1
    y = int(g("my_y")) if g("my_y") else None
    if pre == "last" and y is None and pub:
        y = pub.year if month < pub.month else pub.year - 1
    return _month_year(month, y, pub) or surface


def _since(m: re.Match[str], pub: dt.date | None, surface: str) -> str:
    g = m.group
    if pub is None:
        return surface
    end_month = f"{pub.year:04d}-{pub.month:02d}"
    if g("since_y"):
        return f"{g('since_y')}/{pub.year}"
    if g("since_m"):
        month = _month(g("since_m")) or 1
        start = _month_year(month, int(g("since_my")) if g("since_my") else None, pub)
        return f"{start}/{end_month}"
    y = pub.year - 1 if g("since_last") else pub.year
    return f"{y}-01/{end_month}"


def _relative(which: str, unit: str, pub: dt.date | None, surface: str) -> str:
    if pub is None or which in ("past", "coming"):
        return surface
    step = {"this": 0, "last": -1, "previous": -1, "next": 1}[which]
    if unit == "year":
        return str(pub.year + step)
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)
    return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"


def _day(m: re.Match[str], pub: dt.date | None, surface: str) -> str:
    if pub is None:
        return surface
    word = surface.lower()
    if word == "yesterday":
        return (pub - dt.timedelta(days=1)).isoformat()
    if word == "today":
        return pub.isoformat()
    back = (pub.weekday() - _WEEKDAYS[m.group("wd").lower()]) % 7
    if word.startswith("last") and back == 0:
        back = 7
    return (pub - dt.timedelta(days=back)).isoformat()


def _season(which: str, season: str, pub: dt.date | None, surface: str) -> str:
    if pub is None:
        return surface
    step = {"this": 0, "last": -1, "next": 1}[which]
    return f"{'autumn' if season == 'fall' else season} {pub.year + step}"


def _usable(doc: _Doc, start: int, words: list[str] | None = None) -> bool:
    """False for a comparison base ("compared with 2021") or a report date ("said on Monday");
    ``words`` are the words before ``start`` if known."""
    if words is None:
        words = [w for _, w in _tail(doc.low, max(0, start - 60), start, 6)]
    if words[-1:] == ["as"] and doc.low.startswith("of", start):
        return True  # "as of June"
    if words[-2:-1] and words[-2] in _REPORT_DATE or words[-1:] and words[-1] in _REPORT_DATE:
        return False
    if words and words[-1] == "the":
        words.pop()
    if words and words[-1] in ("of", "in"):
        words.pop()
    if words and words[-1] in ("period", "time", "month", "quarter", "week", "levels", "level",
                               "figures", "figure", "numbers", "those"):
        words.pop()
        if words and words[-1] == "same":
            words.pop()
        if words and words[-1] == "the":
            words.pop()
    return not (" ".join(words[-2:]) in _COMPARISON or (words and words[-1] in _COMPARISON))


def _periods(
    doc: _Doc, triggers: list[_Trigger], pub: dt.date | None, lo: int = 0
) -> list[_Period]:
    """Every time expression found from ``triggers`` (none before ``lo``), with its period."""
    out: list[_Period] = []
    done = lo
    for t in triggers:
        if t.start < done or not _period_trigger(t, doc):
            continue
        tail = _tail(doc.low, max(done, t.start - 60), t.start, 8, digits=True)
        starts = [
            s for s, w in tail
            if w in _PERIOD_STARTS or w[:1].isdigit() or w in _UNIT_WORDS or w in _TEN_WORDS
        ]
        if t.word not in _NOUN_TRIGGERS or doc.low.startswith(("year to", "year end"), t.start):
            starts.append(t.start)  # "year", "days"... start no expression but "year to June"
        best: tuple[re.Match[str], str] | None = None
        for i in range(len(starts) - 1, -1, -1):  # nearest start first: fewest tries
            found = _period_at(doc, starts[i], t.start, pub)
            if found:
                best = found  # and while an earlier start extends it ("9 August 2023")
            elif best:
                break
        if best:
            m, value = best
            before = [w for s, w in tail if s < m.start()]
            usable = _usable(doc, m.start(), before if len(before) >= 5 else None)
            out.append(_Period(m.start(), m.end(), value, usable))
            done = m.end()
    return out


def _period_at(
    doc: _Doc, start: int, trigger: int, pub: dt.date | None
) -> tuple[re.Match[str], str] | None:
    """The time expression starting at ``start`` that covers ``trigger``, with its period."""
    m = _PERIOD.match(doc.low, start)
    if m is None or m.end() <= trigger:
        return None
    if any(m.group(g) and not doc.text[m.start(g)].isupper() for g in _CAPITALISED):
        return None  # "may", "march", "sun" are no months or weekdays in lower case
    try:
        value = _resolve(m, pub)
    except (ValueError, OverflowError):  # a date off the calendar's ends
        return None
    return (m, value) if value is not None else None  # a bare "May" is no period


def _period_trigger(t: _Trigger, doc: _Doc) -> bool:
    if t.digits:
        return len(t.word) == 4 and t.word[:2] in ("18", "19", "20")
    if t.word in _PERIOD_WORDS or t.word[:1] in ("q", "h") and t.word[1:].isdigit():
        return True
    return (t.word in _MONTHS or t.word in _WEEKDAYS) and doc.text[t.start].isupper()


def _pick_period(
    fig: _Fig, periods: list[_Period], starts: list[int], span: tuple[int, int], next_start: int,
    text: str,
) -> str | None:
    """The first usable period after the figure in its clause (before the next figure), else
    the nearest one before it; ``span`` bounds the sentence's periods in ``periods``."""
    lo, hi = span
    i = bisect.bisect_left(starts, fig.end, lo, hi)
    while i < hi and starts[i] < next_start:
        p = periods[i]
        if p.usable and not any(c in text[fig.end : p.start] for c in ";:—–("):
            return p.value
        i += 1
    k = bisect.bisect_left(starts, fig.span_start, lo, hi) - 1
    while k >= lo:
        p = periods[k]
        if p.usable and p.end <= fig.span_start:
            return p.value
        k -= 1
    return None


# ---------------------------------------------------------------- sources


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
            found.append((3, m if m and m.end() == cue.end("c") else None))
    out: list[tuple[int, int, str]] = []
    for priority, m in found:
        name = _clean_source(m.group("src")) if m else None
        if m and name:
            out.append((priority, m.start("src"), name))
    return sorted(out, key=lambda f: (f[0] // 3, f[1], f[0]))


def _pick_source(fig: _Fig, found: list[tuple[int, int, str]]) -> str | None:
    """The nearest explicit attribution ("according to", "data from"), else the nearest
    "X said"; ``found`` is sorted by (class, position)."""
    for cls in (0, 1):
        group = [f for f in found if f[0] // 3 == cls]
        if group:
            at = bisect.bisect_left([f[1] for f in group], fig.start)
            near = [group[j] for j in (at - 1, at) if 0 <= j < len(group)]
            return min(near, key=lambda f: (abs(f[1] - fig.start), f[1]))[2]
    return None


# ---------------------------------------------------------------- assembly


def _in_code(text: str, p: int) -> bool:
    """ "COVID-19", "F-16": digits after a word and a hyphen (but not "£3m-£4m", "3bn-4bn")."""
    if p < 2 or text[p - 1] != "-" or not text[p - 2].isalpha():
        return False
    q = p - 2
    while q > 0 and text[q - 1].isalpha():
        q -= 1
    return not (text[q - 1 : q].isdigit() and text[q : p - 1].lower() in _SCALES)


def _may_start_figure(t: _Trigger, doc: _Doc, sent: Sentence) -> bool:
    """Digits and number words; "a" and "many" only before "third", "million", "thousands"..."""
    if t.digits:
        return True
    if t.word not in _CORE_WORDS:
        return False
    after = _NEEDS_NEXT.get(t.word)
    return after is None or _next_word(doc.low, t.end, sent.end) in after


def _candidate(doc: _Doc, sent: Sentence, t: _Trigger, mask: bytearray) -> tuple[_Fig | None, int]:
    """The figure starting at trigger ``t`` (or None) and where to look next."""
    text = doc.text
    p = t.start
    if t.digits:
        if p > sent.start and not text[p - 1].isspace():  # "£3m", "US$3", "USD 3"
            cur = _CUR_BEFORE.search(text, max(sent.start, p - 4), p)
            if cur:
                p = cur.start()
        elif p > sent.start + 3 and (text[p - 4 : p - 1].isupper() or text[p - 2] in "$£€¥₺"):
            cur = _CUR_BEFORE.search(text, max(sent.start, p - 4), p)
            if cur:
                p = cur.start()
    if mask[p] or mask[t.start] or _in_code(text, p):
        return None, t.end
    plain = t.digits and not _SHARE_AHEAD.match(text, t.start, sent.end)
    m = (_CORE_DIGITS if plain else _CORE).match(text, p, sent.end)
    if m is None:
        return None, t.end
    tail = _tail(doc.low, sent.start, p)
    blocked = _protected_left(doc, sent, t.start, tail)
    if blocked:
        return None, blocked
    pm = _PROTECT_AT.match(text, t.start, sent.end)
    if pm:
        return None, pm.end()
    fig = _core(m)
    if fig is None and m.lastgroup in ("share", "frac"):
        m = _CORE_PLAIN.match(text, p, sent.end)
        fig = _core(m) if m else None
    if fig is None or m is None:
        return None, t.end
    if not _extend_right(fig, text, sent.end):
        return None, fig.end
    neg = negative_start(text, fig.start, sent.start) if fig.kind == "number" else None
    if neg is not None and fig.value is not None:  # "minus 12", "-7C"
        fig.value, fig.raw, fig.start = -fig.value, -(fig.raw or 0.0), neg
        if tail and tail[-1][0] >= neg:
            tail = tail[:-1]
    post = (fig.hedge, fig.hedge_kind)
    fig.hedge = fig.hedge_kind = None
    rest = _find_hedge(fig, tail)
    fig.tail, fig.tail_at = tuple(w for _, w in rest), tuple(s for s, _ in rest)
    fig.subject = not fig.tail or fig.tail[-1] in _CLAUSE_STARTERS or fig.tail[-3:] == (
        "a", "total", "of"
    )
    if fig.hedge is None:
        fig.hedge, fig.hedge_kind = post
    if not _keep(fig, doc, sent):
        return None, max(t.end, fig.end if fig.kind != "words" else t.end)
    return fig, fig.end


def _sentence_figures(
    doc: _Doc, sent: Sentence, triggers: list[_Trigger], mask: bytearray
) -> list[_Fig]:
    """The figures of one sentence, ranges joined, in text order."""
    figs: list[_Fig] = []
    resume = sent.start
    for t in triggers:
        if t.start < resume:
            continue
        fig, resume = _candidate(doc, sent, t, mask)
        if fig is not None:
            figs.append(fig)
    return _merge_ranges(figs, doc.text)


def _of_next_figure(figs: list[_Fig], text: str) -> None:
    """ "A quarter of the 55,000 people": the share counts what the next figure counts."""
    for fig, nxt in zip(figs, figs[1:], strict=False):
        if fig.counts is None and nxt.counts:
            om = _OF.match(text, fig.end, nxt.span_start + 1)
            if om and om.end() == nxt.span_start:
                fig.counts = nxt.counts


def _compared_base(fig: _Fig, other: _Fig) -> None:
    """ "28 days, up from 21": the 21 is days too, and counts what the 28 counts."""
    if fig.unit == "count" and not fig.scaled and other.unit != "count":
        fig.unit = other.unit
        if fig.kind == "number" and fig.raw is not None and other.scale > 1.0:
            fig.scale, fig.value = other.scale, fig.raw * other.scale


def _inherit(fig: _Fig, same: list[_Fig], paragraph: list[_Fig]) -> str | None:
    """A bare number's noun: the nearest earlier figure of its sentence, else of its paragraph."""
    units = {fig.unit, "percent"} if fig.unit == "count" else {fig.unit}
    for subject_only in (True, False):
        for other in reversed(same[-8:]):
            if other.counts and other.unit in units and (other.subject or not subject_only):
                return other.counts
    for other in reversed(paragraph[-8:]):
        if other.counts and other.unit == fig.unit and other.subject:
            return other.counts
    return None


def _row(fig: _Fig, text: str) -> dict[str, Any]:
    start = fig.span_start
    hedge_kind = hedges.figure_kind(fig.hedge, fig.low, fig.high, vague=fig.kind == "vague")
    return {
        "value": fig.value,
        "low": fig.low,
        "high": fig.high,
        "unit": fig.unit,
        "counts": fig.counts,
        "period": fig.period,
        "approximate": hedge_kind != "exact",
        "hedge": fig.hedge,
        "hedge_kind": hedge_kind,
        "source": fig.source,
        "text": text[start : fig.end],
        "paragraph": fig.paragraph,
        "start": start,
        "end": fig.end,
    }


def _figure_rows(article: Article) -> list[dict[str, Any]]:
    text = article.text
    doc = _Doc(text, article.folded)
    triggers = _triggers(doc)
    starts = [t.start for t in triggers]
    mask = bytearray(len(text) + 1)  # characters inside time expressions
    rows: list[dict[str, Any]] = []
    paragraph_figs: list[_Fig] = []
    current = 0
    for sent in article.sentences:
        if sent.paragraph != current:
            current, paragraph_figs = sent.paragraph, []
        lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
        core = [t for t in triggers[lo:hi] if _may_start_figure(t, doc, sent)]
        if not core:
            continue  # time expressions matter only where there are numbers
        periods = _periods(doc, triggers[lo:hi], article.published, sent.start)
        for p in periods:
            mask[p.start : p.end] = b"\x01" * (p.end - p.start)
        figs = _sentence_figures(doc, sent, core, mask)
        if not figs:
            continue
        period_starts = [p.start for p in periods]
        span = (0, len(periods))
        sources = _sources(doc, sent)
        done: list[_Fig] = []
        for i, fig in enumerate(figs):
            fig.paragraph = sent.paragraph
            if done and fig.tail[-2:] in (("up", "from"), ("down", "from")):
                _compared_base(fig, done[-1])
            fig.counts = _counts(fig, text, sent, done)
            if fig.counts is None and fig.needs_noun:
                fig.counts = _inherit(fig, done, paragraph_figs)
            next_start = figs[i + 1].span_start if i + 1 < len(figs) else sent.end
            fig.period = fig.rate or _pick_period(fig, periods, period_starts, span,
                                                  next_start, text)
            fig.source = _pick_source(fig, sources)
            done.append(fig)
        _of_next_figure(done, text)
        paragraph_figs.extend(done)
        rows.extend(_row(f, text) for f in done)
    return rows


def extract_figures(article: Article) -> pd.DataFrame:
    """The figures table of an article: one row per number it states (module docstring)."""
    rows = _figure_rows(article)
    add_periods(article, rows)
    for n, row in enumerate(rows, 1):
        row["figure"] = n
    return frame("figures", rows)
