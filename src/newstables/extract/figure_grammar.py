"""The figures extractor's vocabulary and patterns: number words, units, scales, currencies,
rates, period and source words (lexicons figures_*.json), the trigger and number regexes,
and the records a figure is read into.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from newstables import hedges, periods
from newstables.lexicon import alternation as _alt
from newstables.lexicon import load_json, trie

_NUMW = load_json("figures_number_words.json")
_UNITS = load_json("figures_units.json")
_CTX = load_json("figures_context.json")
_CAL = load_json("figures_periods.json")


def _trie(words: Any) -> str:
    return trie(words, lower=False)


def _words(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _CTX[key])


# ---------------------------------------------------------------- lexicons

_UNIT_WORDS: dict[str, int] = _NUMW["units"]
_TEN_WORDS: dict[str, int] = _NUMW["tens"]
_SCALE_WORDS: dict[str, int] = _NUMW["scales"]
_FRACTIONS: dict[str, int] = _NUMW["fractions"]
_MULTIPLIERS: dict[str, int] = _NUMW["multipliers"]
MULTIPLIER_VERBS: dict[str, float] = _NUMW["multiplier_verbs"]
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
# "failed asylum seekers", "unaccompanied children": an -ed word that is an adjective there
ED_ADJECTIVES = _words("adjective_participles")


def past_verb(word: str) -> bool:
    """A lower-case past tense that says what happened to what a figure counts ("deported",
    "gave"), not one of the verbs that never do ("expected")."""
    return (len(word) > 4 and word.endswith("ed") or word in _IRREGULAR_PAST) and (
        word not in _OBJ_EXCLUDE)

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
# ", and in 2020 122,302", ", bringing the total for the first half of the year to ...": a
# period after one of these belongs to the clause it opens, not to a figure before it.
_CLAUSE_BREAK = re.compile(
    r",\s+(?:and|but|while|whereas|although|though|because|so|yet|"
    + "|".join(_CAL["clause_participles"]) + r")\b", re.I)
# ", the highest daily figure this year", ", the Home Office said on Tuesday": a description or
# a clause of its own, until a comma closes it (", a record, in 2022" is the figure's 2022).
_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\b", re.I)
# ", down from the record of 2022", ", after the record numbers of 2023": a base's own period,
# until a comma closes it (", compared with 1,110 in 2022, in 2023" is the figure's 2023)
_BASE_AFTER = re.compile(r",\s+(?:(?:up|down)\s+from\b|compared\s+(?:with|to)\b|"
                         + periods.AFTER_A_RECORD + ")", re.I)


def opens_another_clause(between: str) -> bool:
    """Do the words between a figure and a period after it open another clause, or a
    description that has not closed by the period? Then the period is not the figure's."""
    if any(c in between for c in ";:—–(") or _CLAUSE_BREAK.search(between):
        return True
    return any(m is not None and "," not in between[m.end():]
               for m in (_APPOSITIVE.search(between), _BASE_AFTER.search(between)))


# "- 3,369: arrivals in August 2023": a figure that labels its line, and the words after its
# colon that say what it is and when
_LINE_START = re.compile(r"[ \t]*(?:[-•*–—][ \t]*)?")
_LABEL_COLON = re.compile(r"[ \t]*:[ \t]+(?:the\s+(?:number|total)\s+of\s+)?(?=\S)", re.I)


def label_colon_end(text: str, start: int, end: int) -> int | None:
    """Where the words describing a figure that labels its line begin ("- 3,369: arrivals in
    August 2023", "- 134,046: the number of cases ..."): after its colon (and "the number
    of"), when only a list marker stands before the figure on its line; else None."""
    line = text.rfind("\n", 0, start) + 1
    if not _LINE_START.fullmatch(text, line, start):
        return None
    m = _LABEL_COLON.match(text, end)
    return m.end() if m else None


# "rose from 1,127 in 2022 to 3,040": the "in 2022" between "from" and "to" dates the base
_FROM_BEFORE = re.compile(
    r"\bfrom\s+(?:[a-z]+\s+){0,3}\S*[0-9][0-9,.]*(?:\s*%|\s+[a-z]+){0,3}\s*$", re.I)
_TO_AFTER = re.compile(r"\s*,?\s+to(?:\s+[a-z]+){0,2}\s*$", re.I)


def dates_the_base(text: str, start: int, end: int, figure_start: int) -> bool:
    """Is the period at ``start``-``end``, before a figure at ``figure_start``, the period of a
    change's base ("from 1,127 in 2022 to 3,040")? Then it is not that figure's period."""
    return (end <= figure_start and _TO_AFTER.fullmatch(text, end, figure_start) is not None
            and _FROM_BEFORE.search(text, max(0, start - 60), start) is not None)


# "..., compared with 9,149 in 2022, while 223,856 were": the period closes another figure's
# comparison base, and a clause break follows it
_BASE_BEFORE = re.compile(
    r"\b(?:from|on|compared\s+(?:with|to)|against|versus)\s+(?:[a-z]+\s+){0,3}\S*[0-9][0-9,.]*"
    r"(?:\s*%|\s+[a-z]+){0,3}(?:\s+(?:who|that|which)(?:\s+[a-z]+){1,5})?\s*$", re.I)
_CLOSES = re.compile(r"\s*[,;)\u2014\u2013]")
# "down from 45,774 in 2022, when 1,127 ...", "..., of which 1,127 were": a clause of that year
_ITS_CLAUSE = re.compile(r"\s*,\s+(?:when|of\s+which|of\s+whom|including|among\s+them)\b",
                         re.I)


def dates_another_base(text: str, start: int, end: int, figure_start: int) -> bool:
    """Is the period at ``start``-``end`` the year of another figure's comparison base, in a
    clause that ends before the figure ("down from 157,651 in 2023, while Greece recorded
    62,000", "up 25 per cent on the 29,437 who made the crossing in 2023, in 695 boats")?
    Then it is not that figure's period either."""
    return (end <= figure_start and _CLOSES.match(text, end, figure_start) is not None
            and not _ITS_CLAUSE.match(text, end, figure_start)
            and _BASE_BEFORE.search(text, max(0, start - 80), start) is not None)


_CORE_WORDS = frozenset(
    [*_UNIT_WORDS, *_TEN_WORDS, *_VAGUE, *_MULTIPLIERS, *MULTIPLIER_VERBS, "a", "an", "half",
     "several", "many"]
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
# Thousands set off by commas, or by the no-break, narrow no-break or thin spaces of typeset
# text ("12\u202f000"), never by a plain space ("in 2023 2,000 people").
_D = (rf"(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]{{1,3}}(?:[{hedges.THOUSANDS_SPACES}][0-9]{{3}})+"
      r"|[0-9]+)(?:\.[0-9]+)?")
_NW = rf"(?:{_trie([*_UNIT_WORDS, *_TEN_WORDS])})\b"
_ONE_TO_NINE = _trie(w for w, v in _UNIT_WORDS.items() if 1 <= v <= 9)
_NW1 = rf"(?:(?:{_trie(_TEN_WORDS)})(?:[\s-]+(?:{_ONE_TO_NINE}))?|(?:{_trie(_UNIT_WORDS)}))\b"
_WORDISH = r"[a-z]+(?:-[a-z]+)?"  # a number word in a time expression, checked when resolved
_BIG = _alt(_SCALE_WORDS)
# Time expressions are matched on the lower-cased text (faster than re.I); that a month or
# weekday is capitalised in the text is checked when the expression is resolved.
# a full stop only after an abbreviation ("Jan. 6"): "the end of June.\n6. Hotels" is no date
_MONTH = rf"(?:{_trie(_MONTHS)})\b(?:(?<=\b[A-Za-z]{{3}})\.|(?<=\b[Ss]ept)\.)?"
_WEEKDAY = rf"(?:{_trie(_WEEKDAYS)})\b"
_CAPITALISED = ("yto_m", "since_m", "mr_a", "mr_b", "date_m", "date_m2", "my_m", "wd", "q_k",
                "wk_m")
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
    | (?P<vmult>{_alt(MULTIPLIER_VERBS)})\b
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
            r"(?:[0-9]{4}|[0-9]{1,2}[.:][0-9]{2})\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|hrs"
            r"|local\s+time)\b",
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
    | (?P<yto>(?:(?:in|during|for|over)\s+)?(?:the\s+)?(?:year|quarter|(?P<yto_n>{_WORDISH}
        |[0-9]{{1,2}})\s+months)\s+(?:to|ending(?:\s+in)?|up\s+to)\s+(?:the\s+end\s+of\s+)?(?P<yto_m>{_MONTH})
        (?:\s+(?P<yto_y>{_YEAR}))?)
    | (?P<qh>(?:(?:in|during|for|over|across)\s+)?(?:the\s+)?
        (?P<qh_n>first|second|third|fourth|final|last)
        \s+(?P<qh_u>quarter|half|(?:{_WORDISH}|[0-9]{{1,2}})\s+months)\b
        (?:\s+of\s+(?:(?P<qh_this>the\s+year|this\s+year)|(?P<qh_last>last\s+year)
        |(?P<qh_y>{_YEAR})))?)
    | (?P<q>(?P<q_k>[qh])(?P<q_n>[1-4])\s+(?P<q_y>{_YEAR}))
    | (?P<since>since\s+(?:(?:the\s+)?(?:start|beginning)\s+of\s+|records\s+began\s+in\s+)?
        (?:(?P<since_m>{_MONTH})(?:\s+(?P<since_my>{_YEAR}))?|(?P<since_y>{_YEAR})
        |(?P<since_this>(?:the|this)\s+year)|(?P<since_last>last\s+year)))
    | (?P<yr>between\s+(?P<yr_a>{_YEAR})\s+and\s+(?P<yr_b>{_YEAR})
        | from\s+(?P<yr_c>{_YEAR})\s+(?:to|until|till|through)\s+(?P<yr_d>{_YEAR})
        | (?:(?:in|during|for|between|from)\s+)?(?:the\s+)?(?:(?:financial|fiscal)\s+year\s+)?
          (?P<yr_e>(?:1[89]|20)[0-9]{{2}})\s*[-–/]\s*(?P<yr_f>(?:1[89]|20)[0-9]{{2}}|[0-9]{{2}})(?![0-9%]))
    | (?P<mr>(?:(?P<mr_p>between|from)\s+)?(?P<mr_a>{_MONTH})(?:\s+(?P<mr_ay>{_YEAR}))?
        (?(mr_p)\s+(?:and|to|until|till|through)\s+|(?:\s+(?:to|through|and)\s+|\s*[-–]\s*))
        (?P<mr_b>{_MONTH})(?:\s+(?P<mr_by>{_YEAR}))?(?!['’]s\b))
    | (?P<date>(?:on\s+)?(?:(?:{_DAY}\s*[-–]\s*)?(?P<date_d>{_DAY})\s+(?:of\s+)?(?P<date_m>{_MONTH})
        | (?P<date_m2>{_MONTH})[^\S\n]+(?P<date_d2>{_DAY})(?![0-9]|,[0-9]))
        (?:,?\s+(?P<date_y>{_YEAR}))?)
    | (?P<my>(?:(?P<my_pre>in|during|for|throughout|by|of|until|till|last|this|early|late|mid
        |end\s+of|start\s+of|beginning\s+of)[\s-]+)?(?P<my_m>{_MONTH})(?:\s+(?P<my_y>{_YEAR}))?)
    | (?P<span>(?:(?:in|over|during|within|across|for)\s+)?(?:the\s+)?
        (?:past|last|previous|next|coming|first|final|recent)\s+(?:(?:{_WORDISH}|[0-9]+|few|several
        |couple\s+of)\s+)?(?:years|months|weeks|days|decades|hours|decade)\b
        | (?:over|within|across)\s+(?:{_WORDISH}|[0-9]+)\s+(?:years|months|weeks|days|decades)\b
        | in\s+recent\s+(?:years|months|weeks|days)
        | (?:{_WORDISH}|[0-9]{{1,2}})\s+(?:years|months|weeks|days|decades)\s+(?:earlier|ago|before
          |later|previously)\b)
    | (?P<rel>(?:so\s+far\s+)?(?P<rel_w>this|last|next|past|previous|coming
        |the(?=\s+year\s+so\s+far\b))\s+
        (?P<rel_u>year|month|week)\b(?!-)(?:\s+so\s+far)?)
    | (?P<day>(?:yesterday|today|currently)\b
        |(?:on|last|this|since|by|from|until)\s+(?P<wd>{_WEEKDAY})
        (?!,?\s+{_DAY}\s+(?:of\s+)?{_MONTH}))
    | (?P<wk>(?:(?:in|during)\s+)?(?:the\s+)?(?P<wk_n>first|second|third|fourth|last|final)
        \s+week\s+of\s+(?P<wk_m>{_MONTH})(?:\s+(?P<wk_y>{_YEAR}))?)
    | (?P<eoy>(?:(?:at|by|until|till|before|towards?)\s+)?the\s+end\s+of\s+the\s+year\b)
    | (?P<partr>(?:from|between)\s+(?P<pr_a>early|mid|late)[\s-]+(?:(?P<pr_ay>{_YEAR})\s+)?
        (?:to|and|until|till|through)\s+(?P<pr_b>early|mid|late)[\s-]+(?P<pr_by>{_YEAR}))
    | (?P<part>(?:(?:in|during|by|until|till|since)\s+)?(?:(?P<part_w>early|mid|late)[\s-]+
        |the\s+(?P<part_m>middle)\s+of\s+)(?P<part_y>{_YEAR})(?!['’]?s\b))
    | (?P<iny>(?:in|during|for|throughout|of|by|until|till|before|after|across)\s+
        (?:the\s+(?:whole\s+|entire\s+|calendar\s+|financial\s+|fiscal\s+)?year\s+(?:of\s+)?
        |(?:fiscal|financial|calendar)\s+(?:year\s+)?
        |the\s+(?={_YEAR}\s+{periods.NON_CALENDAR_YEAR}))?
        (?P<iny_y>{_YEAR}) | (?P<iny_y2>{_YEAR})['’]s\b
        # "2022, when 45,774 crossed", "2021 (28,526)"
        | (?P<iny_y3>{_YEAR})(?=,?\s+when\s|\s*\(\s*[0-9][0-9,.]*\s*\)))
    | (?P<season>(?P<season_w>this|last|next)\s+(?P<season_s>spring|summer|autumn|fall|winter)\b
        | (?:(?:in|during|over|through|throughout)\s+)?(?:the\s+)?
          (?P<season_s2>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<season_y>{_YEAR}))
    | (?P<rate>(?:{_alt(_RATES)})\b(?!-|\s+(?:earlier|later|ago|before|after|long|on)\b))
    """,
    re.X,
)

# ---------------------------------------------------------------- sources

_CAPW = rf"[{_UPPER}][\w'’&.-]*"
_ORG = (
    rf"{_CAPW}(?:[ \t]+(?:(?:of|for|and|on|de|du|&)[ \t]+(?:the[ \t]+)?)?{_CAPW})*"
    r"(?:(?:[ \t]+[a-z]+)?[ \t]+(?:agency|ministry|office|department|authority|service|"
    r"watchdog|charity|commission|council|institute|body|coastguard|police|authorities|"
    r"officials|government|navy|army|military))?"
)
_INST = _alt(_CTX["institutions"])
_SRC_NOUNS = _alt(_CTX["source_nouns"])
_REPORT = _alt(_CTX["report_verbs"])
_REPORT_WORDS = frozenset(w.lower() for w in _CTX["report_verbs"])
_SOURCE_NOUN_WORDS = frozenset(w.lower() for w in _CTX["source_nouns"])
_SOURCE_CUE = re.compile(  # at the text's start too ("According to ..." opening it)
    r"(?:^|(?<=[^a-z0-9]))(?P<c>according|" + _trie(_REPORT_WORDS | _SOURCE_NOUN_WORDS)
    + r")\b"
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


