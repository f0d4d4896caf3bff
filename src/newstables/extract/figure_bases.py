"""Whether a figure is a comparison's base, and the words around it that say so.

"up from 29,437", "compared with 1,127", "25% more than the 29,437 ...", "down from 45,774
the previous year", "in the same period of 2022": the words that make a figure the base of a
change, or put it in another year's months, and whether its sentence dates it.
"""

from __future__ import annotations

import re

from newstables import periods
from newstables.extract.figure_grammar import opens_another_clause
from newstables.extract.surroundings import Surroundings
from newstables.lexicon import load_json

# "... compared with 88,000 in the same period in 2022", "in the same months last year": the
# months of the period the figure is compared with, in another year (not that whole year)
SAME_PERIOD = re.compile(
    r"\b" + periods.THE_SAME + r"(?:periods?|quarters?|months?|weeks?|time|point|stage)\s+"
    r"(?:(?:of|in)\s+"
    r"(?P<y>(?:19|20)\d\d)\b|(?:of\s+|in\s+)?(?:last|the\s+previous|the\s+prior)\s+year\b"
    r"|a\s+year\s+(?:earlier|before|ago)\b)", re.I)
# "fewer than at the same point last year", "almost as many as in the same period": words
# that make what follows a comparison's base (the figures' comparison markers)
_BASE_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in sorted(
        load_json("figures_periods.json")["comparison_markers"], key=len, reverse=True))
    + r")\s+(?:(?:at|in|during|over|for|by)\s+)?$", re.I)
# "the previous year", "the year before": a calendar year before another, not a day a year back
_CALENDAR_YEAR_BACK = re.compile(r"\b(?:(?:previous|prior|preceding)\s+year|the\s+year\s+before)\b",
                                 re.I)
# Words of the present: "the previous year" after a figure "now" is a year before publication
_NOW = re.compile(r"\b(?:now|currently|today|at\s+present)\b", re.I)
# "up from 29,437", "compared with 1,127", "fell to 29,437 in 2023 from 45,774": words that
# make the number after them the base of a change
_BASE_LEAD = re.compile(
    r"(?:(?P<change>\b(?:up|down|rising|falling|rose|fell|dropped|climbed|increased|decreased"
    r"|declined|grew|jumped|soared|plunged|plummeted|surged|slumped|an?\s+(?:rise|fall|drop"
    r"|increase|decrease|decline|jump))\b(?:[^,;.:]|(?<=\d)[,.](?=\d)){0,60}?(?:,\s*)?\bfrom)"
    r"|\bcompared\s+(?:with|to)|\bagainst|\bversus|\bvs\.?"
    r"|(?P<than>\d\s*(?:%|per\s*cent|percent)\s+(?:more|fewer|less|higher|lower)\s+than))"
    r"\s+(?:(?:about|around|nearly|almost"
    r"|some|just|roughly|over|under|the|(?:19|20)\d\d['’]s|more\s+than|fewer\s+than|less\s+than)"
    r"\s+)*$", re.I)
# "compared with 1,127.", "against 29,437, the Home Office said": a base that ends its clause
# ("compared with 29,437 arrivals" may be another measure)
_CLAUSE_ENDS = re.compile(r"\s*(?:[,.;:)\u2014\u2013]|$)")
# Time words after a base: its own period, which extraction reads
_OWN_TIME = re.compile(rf"\b(?:(?:19|20)\d\d|(?-i:{periods._MONTH_NAMES})|Q[1-4]|H[12]|quarters?"
                       r"|years?|months?|weeks?|decades?|ago|spring|summer|autumn|winter)\b",
                       re.I)
# "down from 3.2 million now": a base with the present as its time
_NOW_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:now|currently|today|at\s+present|so\s+far)\b", re.I)
# ", to 36,816": the figure a base changed to comes next
_TO_NEXT = re.compile(r"[^\S\n]*,?[^\S\n]+to[^\S\n]+(?:(?:about|around|nearly|almost|some|just"
                      r"|roughly|over|more\s+than)\s+)*", re.I)
# ", when 25,244 people crossed" right after the same period: the figure counted in it
_WHEN_THEN = re.compile(r",?\s+when\s+(?:(?:there\s+were|only|just|some|about|around|nearly"
                        r"|almost|more\s+than|fewer\s+than)\s+)*", re.I)
# "... at the peak in September 2023": the peak's month, stated (not "at the peak in 2023",
# which says only in which year the peak was, not when the base was counted)
_DATED_AFTER = re.compile(rf"\s+(?:in|of|during)\s+(?-i:{periods._MONTH_NAMES})\s+"
                          r"(?:19|20)\d\d\b", re.I)
_SAME_REACH = 80  # characters at most between the figure and its "same period" words
# "... at the peak", "at its height": a base at a record's time, which is not stated
_AT_THE_PEAK = re.compile(
    r"(?:\s+[a-z]+){0,2}?\s+at\s+(?:the|its|their)\s+(?:peak|height|highest)\b", re.I)
_COUNTED_WORD = re.compile(r"\s+[a-z][\w'’-]*")


def year_back_of_no_year(sentence: str, base: re.Match[str] | None) -> bool:
    """Is ``base``, the comparison words after a figure, "the previous year" or "the year
    before" in a sentence with no time of the present ("now")? When the sentence states no
    period, that year is not known: it is not the year before publication."""
    return base is not None and bool(base.group("prev")) and bool(
        _CALENDAR_YEAR_BACK.search(base.group(0))) and not _NOW.search(sentence)


def base_words_after(sentence: str, end: int) -> re.Match[str] | None:
    """The comparison words right after a figure ending at ``end`` ("a year earlier", "the
    previous year"), or after the words of what it counts; None if none."""
    return (periods.BASE.match(sentence, end) or periods.BASE.match(sentence, end + 1)
            or _base_after_noun(sentence, end))


def _base_after_noun(sentence: str, end: int) -> re.Match[str] | None:
    """A base that refers back ("the year before", "a year earlier") after the words of what
    the figure counts: "up from 48,540 applications the year before"."""
    for _ in range(3):
        word = _COUNTED_WORD.match(sentence, end)
        if word is None:
            return None
        end = word.end()
        found = periods.BASE.match(sentence, end + 1)
        if found is not None and found.group("prev"):
            return found
    return None


def past_a_break(sentence: str, figure_end: int, start: int) -> bool:
    """Is a period starting at ``start`` after the figure, past a semicolon, dash or bracket,
    or a comma that opens another clause (", and in 2020 ...", ", the Home Office said on
    Tuesday")? Then it is not the figure's."""
    return start >= figure_end and opens_another_clause(sentence[figure_end:start])


_CLAUSE_STOP = re.compile(r"[,;:.!?](?!\d)")


def _clause_end(sentence: str, at: int) -> int:
    found = _CLAUSE_STOP.search(sentence, at)
    return found.start() if found else len(sentence)


def same_period_words(ctx: Surroundings) -> re.Match[str] | None:
    """The "in the same period of 2022" / "... last year" that the figure is counted in: in
    its sentence, before or after it with no other figure between, within a few words."""
    fs, fe = ctx.figure_start, ctx.figure_end
    for m in SAME_PERIOD.finditer(ctx.sentence_text):
        text = ctx.sentence_text
        if _BASE_BEFORE.search(text, 0, m.start()) and not (
                _WHEN_THEN.fullmatch(text, m.end(), fs)
                and not _OWN_TIME.search(text, fe, _clause_end(text, fe))):
            continue  # "fewer than at the same point last year": a comparison's base (not
            # "... on the same period of 2024, when 25,244 crossed": that base's figure, unless
            # its clause dates it: "when 45,774 made the journey over the whole twelve months")
        lo, hi = (fe, m.start()) if m.start() >= fe else (m.end(), fs)
        if 0 <= hi - lo <= _SAME_REACH and not any(lo <= s < hi for s, _ in ctx.others):
            return m
    return None


def bare_base(ctx: Surroundings) -> str | None:
    """Is the figure a change's base ("up from 29,437", "compared with 1,127") that its
    sentence gives no period of its own (none after it before the next figure or a break, no
    "the year before", no "the same period last year", no "now", no rate)? "after" when the
    figure it changed to comes after it ("from 29,437 to 36,816"), "than" after a comparing
    percentage ("25% more than the 29,437 ..."), "before" otherwise, None when it is no such
    base. "compared with", "against" and "versus" make one only before
    the clause's end ("compared with 1,127."): what follows them is often another group of
    the same period ("compared with 924 Afghans", "against 46,820 arrivals to the Canary
    Islands", "compared with 11% of Democratic claims")."""
    sentence, end = ctx.sentence_text, ctx.figure_end
    lead = _BASE_LEAD.search(sentence, max(0, ctx.figure_start - 90), ctx.figure_start)
    if lead is None or _NOW_AFTER.match(sentence, end):
        return None
    if not lead.group("change") and not lead.group("than") and not _CLAUSE_ENDS.match(
            sentence, end):
        return None
    peak = _AT_THE_PEAK.match(sentence, end)
    if lead.group("change") and peak and not _DATED_AFTER.match(sentence, peak.end()):
        return "than"  # "down from over 56,000 at the peak": a base at a time not stated
        # (not "at the peak in September 2023")
    if lead.group("than"):
        # "25% more than the 29,437 who came the year before", "than the 36,000 the Home
        # Office had predicted": a base whose year is not stated with it is not guessed
        if any(m.start() <= ctx.figure_start < m.start("ny")
               for m in periods.number_bases(sentence)):
            return None  # "than the 29,437 who came in 2023": its year
        if same_period_words(ctx) is not None:
            return None  # "48% more than the 13,489 in the same period last year": its months
        return "than"
    if any(m.start() <= ctx.figure_start < m.start("ny") for m in periods.number_bases(sentence)):
        return None  # "compared with 41 in 2023": a base with its year
    stop = min([s for s, _ in ctx.others if s >= end] or [len(sentence)])
    own = _OWN_TIME.search(sentence, end, stop)
    if own is not None and not past_a_break(sentence, end, own.start()):
        return None  # "down from 175,457 in June", "from 29,437 in 2023"
    after = sentence[end:end + 1] == " " and (
        periods.BASE.match(sentence, end) or periods.EARLIER.match(sentence, end + 1))
    if after or same_period_words(ctx) is not None:
        return None
    return "after" if stop < len(sentence) and _TO_NEXT.fullmatch(sentence, end, stop) else (
        "before")
# ", or 8,958 people, on the 45,774 ...", "in 2024, to 36,816, on the 45,774 ...": a figure
# between that restates the change or is the level it reached
_RESTATED = re.compile(r"(?:\s+(?:in|during)\s+(?:19|20)\d\d)?[\s,]*(?:or|that\s+is|i\.e\.|to)\s+"
                       r"(?:(?:some|about|around|nearly|just)\s+)?$", re.I)


def next_is_a_base(ctx: Surroundings) -> bool:
    """Is a base stated with its year after this figure its base ("up by more than half on the
    28,526 who made the journey in 2021")? Not with another figure between, unless that one
    restates the change (", or 8,958 people,")."""
    for m in periods.number_bases(ctx.sentence_text):
        if m.start() >= ctx.figure_end - 1:
            # "down by a fifth, or 8,958 people, on the 45,774 who crossed in 2022": a figure
            # between may restate the change; "rose ... to 36,816, compared with ..." is its own
            return not any(ctx.figure_end <= s < m.start() and not _RESTATED.match(
                ctx.sentence_text, ctx.figure_end, s) for s, _ in ctx.others)
    return False
