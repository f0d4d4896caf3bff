"""The verdicts a claim can get: the word a value that holds (or not) against a source earns
(``judge``), and the guards that withdraw one the sentence does not support: a figure given
as an expectation ("Officials expect 50,000") or as a case put ("if 20 boats leave"), one
read in an earlier sentence's period or at the publication date that does not hold there;
and the mark on a figure a correction withdraws."""

from __future__ import annotations

import math
import re
from typing import Any

from newstables import periods
from newstables.analyse.series_lookup import Lookup, rule_for
from newstables.analyse.series_match import SeriesRule
from newstables.extract.article import Article
from newstables.extract.figure_periods import INHERITED
from newstables.extract.surroundings import Surroundings, sentence_at
from newstables.hedges import Tolerance, fmt
from newstables.periods import Period

# Verdicts, strongest evidence first. CHECKED are those that set the claim against an
# independent source; the others say why it was not.
CHECKED = (
    "consistent", "inconsistent", "matches press reports", "differs from press reports",
    "matches other sources", "differs from other sources", "order of magnitude matches",
    "order of magnitude differs",
)
SAME_WORDING = "same wording as source"
NOT_CHECKED = ("circular", SAME_WORDING, "not comparable", "cannot check")
HOLDS = ("consistent", "matches press reports", "matches other sources",
         "order of magnitude matches")
VERDICTS = CHECKED + NOT_CHECKED
OFFICIAL_VERDICTS = ("consistent", "inconsistent")


# "Officials expect 50,000 crossings", "predicted that 65,000 would cross", "warned 60,000
# could cross": the words that make a figure an expectation, just before it or just after
_EXPECTS_BEFORE = re.compile(
    r"(?<![\w-])(?:expects?|expected|forecasts?|predicts?|predicted|projects?|projected|warns?"
    r"|warned|feared|anticipates?|anticipated)(?:\s+to\s+(?:reach|top|hit|exceed|pass|rise\s+to"
    r"|fall\s+to|climb\s+to))?(?:\s+that|\s+of)?(?:\s+(?:about|around|some|nearly|almost"
    r"|more\s+than|up\s+to|as\s+many\s+as))?\s*$", re.I)  # "were expected to reach 56,000"
_MODAL_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){0,2}?\s+(?:will|would|could|may|might)\s+(?:(?:soon|still|yet|now)\s+)?"
    r"(?:cross|arrive|reach|come|make|attempt|try|enter|claim|apply|top|hit|exceed|pass|rise"
    r"|climb|land|be\s+(?:deported|removed|returned|housed|granted|detained|caught))\b", re.I)
# "warned that 36,816 people had crossed": what the words after say happened
_HAPPENED_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:had|have|has|was|were|did)\b"
                             r"|(?:\s+[\w'’-]+){0,3}?\s+[a-z]+ed\b(?!\s+to\b)", re.I)


def forecast(row: dict[str, Any], ctx: Surroundings) -> None:
    """A figure the sentence gives as an expectation, not as what happened, is not checked
    against what happened ("The Home Office predicted that 65,000 people would cross in
    2023"), except a fixed fact stated in the future ("The barge will house up to 500 men")."""
    if row["verdict"] not in CHECKED or not row["series"] or rule_for(
            row["series"]).kind == "static":
        return
    text, start, end = ctx.sentence_text, ctx.figure_start, ctx.figure_end
    expects = _EXPECTS_BEFORE.search(text, max(0, start - 40), start)
    if expects and not expects.group().rstrip().endswith(" of") and _HAPPENED_AFTER.match(
            text, end):
        expects = None  # "warned that 36,816 people had crossed": it happened
    if expects or _MODAL_AFTER.match(text, end):
        row["reason"] = (f"{row['verdict']} with what happened, but the sentence gives the "
                         "figure as an expectation, not a count")
        row["verdict"] = "cannot check"


# "But if 20 boats leave, and we stop 10, 10 still arrive", "would cost more if 60,000 were
# sent", "Even if 60,000 crossed, the scheme would work": a condition. Not "if" as "whether"
# ("Asked if the figures were accurate, the minister said ..."), a way of speaking ("if you
# look at the figures", "if anything"), a hedge ("if not more"), "if so", "as if", "only if".
_CONDITION = re.compile(
    r"(?<![\w-])(?:(?P<before>[a-z]+)\s+)?(?P<word>if|unless)\b(?!\s+(?:not|any|anything|so|ever"
    r"|at\s+all|(?:you|we|one)\s+(?:look|looks|take|takes|compare|compares|consider|considers"
    r"|add|adds|count|counts)\b))", re.I)
_NO_CONDITION_AFTER = frozenset("as only ask asks asked asking clear unclear know sure see wonder "
                                "wondered check".split())


def hypothetical(row: dict[str, Any], ctx: Surroundings) -> None:
    """A figure after a condition in its sentence is a case put, not a count ("But if 20
    boats leave, and we stop 10, 10 still arrive"): one that does not hold against a series
    is not set against it. One that holds stays checked: a real figure the condition names
    ("if all 45,774 people who crossed in 2022 were housed ...")."""
    if row["verdict"] in HOLDS or row["verdict"] not in (*CHECKED, "not comparable"):
        return
    condition = None
    for m in _CONDITION.finditer(ctx.sentence_text, 0, ctx.figure_start):
        if (m.group("before") or "").lower() not in _NO_CONDITION_AFTER:
            condition = m
    if condition is not None:
        row["reason"] = (f"a case put (“{condition.group('word')} ...”), not a count: not set "
                         "against what happened")
        row["verdict"] = "cannot check"


def borrowed_periods(article: Article, figures: list[dict[str, Any]],
                     rows: list[dict[str, Any]]) -> None:
    """``borrowed_period`` for each claim row (in place). An earlier sentence's period that a
    figure of the same sentence holds in is borne out for the others ("..., and around 60,000
    on the Eastern Mediterranean route and about 66,000 on the Western Balkan route"); so is
    one that two or more figures of other sentences hold in: the story's own time."""
    keys = [_sentence_period(article, fig) for fig in figures]
    held = [k for k, row in zip(keys, rows, strict=True) if k and row["verdict"] in HOLDS
            and row["verdict"] != "order of magnitude matches"]
    borne = set(held) | {k[1] for k in held if sum(g[1] == k[1] for g in held) >= 2}
    for fig, row, key in zip(figures, rows, keys, strict=True):
        borrowed_period(fig, row, key is not None and bool({key, key[1]} & borne))


def _sentence_period(article: Article, fig: dict[str, Any]) -> tuple[int, str] | None:
    """The sentence a figure is in and its period text, if an earlier sentence lent it."""
    period = fig.get("period")
    if not (isinstance(period, str) and f"({INHERITED})" in period):
        return None
    try:
        sentence = sentence_at(article, int(fig["start"]))[0]
    except (TypeError, ValueError, KeyError):
        return None
    return None if sentence is None else (sentence.start, period)


def borrowed_period(fig: dict[str, Any], row: dict[str, Any], borne: bool = False
                    ) -> dict[str, Any]:
    """A figure read in an earlier sentence's period (its own states none) that does not hold
    there is not checked: the period is only the likeliest reading, and a value off the
    series says as much that the figure meant another time ("Over the summer, 15,000
    crossed") as that it is wrong. One that holds is checked: the value and the period
    bear each other out; so are the others of its sentence (``borne``)."""
    period = fig.get("period")
    if borne and row["verdict"] in CHECKED and row["verdict"] not in HOLDS:
        row["notes"] = " | ".join(n for n in (row.get("notes"), (
            "the period of an earlier sentence, which another figure of this sentence holds"
            " in")) if n)
        return row
    if isinstance(period, str) and f"({INHERITED})" in period and row["verdict"] in CHECKED and (
            row["verdict"] not in HOLDS):
        row["reason"] = (f"{row['verdict']} in the period of an earlier sentence (its own "
                         "states none), which it may not mean")
        row["verdict"] = "cannot check"
    return row


def undated_count(row: dict[str, Any], group: list[SeriesRule], period: Period,
                  ctx: Surroundings) -> dict[str, Any]:
    """A count over a period that its sentence does not state, read at the publication date
    ("The busiest month saw 5,369 arrivals"), that does not hold there is not checked: unless
    the words say it runs to now ("have crossed", "so far"), it is as likely of another time
    as wrong. Nor is a word magnitude far off the series whose clause states no period
    ("small boats carrying dozens of people came ashore"), nor an average whose own clause
    states no period, read in one its sentence states elsewhere ("... in December, and
    roughly six hundred boats made the crossing over the whole year, meaning that on average
    about fifty people were crammed into each dinghy": the year's average, not December's)."""
    rule = next((r for r in group if r.key == row["series"]), None)
    if row["verdict"] == "order of magnitude differs" and not periods.find_periods(
            ctx.clause, None):
        # "small boats carrying dozens of people came ashore": a word magnitude its clause
        # dates to no period is no period's count
        row["reason"] = ("a word magnitude whose clause states no period, far off the series: "
                         "probably not what the series counts")
        row["verdict"] = "not comparable"
        return row
    if rule is not None and rule.kind == "ratio" and row["verdict"] in CHECKED and (
            row["verdict"] not in HOLDS) and not periods.find_periods(ctx.clause, None):
        row["reason"] = (f"{row['verdict']} in the period its sentence states elsewhere, but "
                         "its own words state none, and an average moves with its months")
        row["verdict"] = "cannot check"
        return row
    if period.kind == "now" and rule is not None and rule.kind == "flow" and (
            row["verdict"] in CHECKED and row["verdict"] not in HOLDS) and not (
            periods.still_running(ctx.sentence_text)):
        row["reason"] = (f"{row['verdict']} if read up to the publication date, but its "
                         "sentence states no period")
        row["verdict"] = "cannot check"
    return row


# A correction's account of what the article used to say: "An earlier version of this article
# said", or in a correction ("Correction: ...", "This article was amended ...") "an earlier
# version said"; not "an earlier version of the report" (someone else's draft)
_VERSION = r"\b(?:an?|the)\s+(?:earlier|previous|original)\s+version"
_GAVE = r"\s+(?:said|stated|reported|gave|wrongly|incorrectly)\b"
_EARLIER_VERSION = re.compile(rf"{_VERSION}\b(?:\s+[\w'’-]+){{0,4}}?{_GAVE}", re.I)
_WITHDRAWN = re.compile(rf"{_VERSION}\s+of\s+this\s+(?:article|story|report|piece){_GAVE}", re.I)
_CORRECTION = re.compile(r"\W*(?:correction|clarification|update|corrects)\b|\W*this\s+"
                         r"(?:article|story|piece|report)\s+(?:was|has\s+been)\s+(?:amended"
                         r"|corrected|updated)\b", re.I)
WITHDRAWN = "an earlier version of the article, withdrawn in its correction"
# "It was 39, not 93 as an earlier version said": the figure after "not" is the one withdrawn
_NOT_BEFORE = re.compile(r"\bnot\s+$", re.I)
# "CORRECTS paragraph 2 to say ...", "This story has been corrected to say ...": what the
# correction now says (not "Update: charities were quick to say ...")
_CORRECTED_TO_SAY = re.compile(r"\b(?:corrects?|corrected|amended|updated|refiled)\b[^.;]*?\bto"
                               r"\s+(?:say|read|show|state)\b", re.I)
_NOT_AS_SAID = re.compile(
    rf"(?:\s+[a-z]+){{0,2}}?\s*,?\s+as\s+(?:{_VERSION}(?:\s+of\s+this\s+(?:article|story"
    rf"|report|piece))?|(?:we|it)\s+(?:previously|originally|wrongly)){_GAVE}"
    r"|\s+as\s+(?:previously|originally|wrongly)\s+(?:stated|reported)\b", re.I)
_PUT_RIGHT = re.compile(r";|\bcorrect(?:ed)?\s+(?:number|figure|figures|total|count)\b"
                        r"|\bshould\s+have\s+(?:said|read|been)\b", re.I)


def withdrawn(row: dict[str, Any], ctx: Surroundings) -> None:
    """Mark a figure a correction withdraws ("Correction: An earlier version of this article
    said that 45,000 people crossed"): not the article's claim now; its check stays, showing
    why it was withdrawn."""
    if ctx.sentence is None:
        return
    in_correction = _CORRECTION.match(ctx.paragraph_text)
    to_say = _CORRECTED_TO_SAY.search(ctx.sentence_text, 0, ctx.figure_start)
    if in_correction and (_NOT_AS_SAID.match(ctx.sentence_text, ctx.figure_end) or (
            to_say and ";" not in ctx.sentence_text[to_say.end() : ctx.figure_start])):
        said = _NOT_BEFORE.search(ctx.sentence_text, 0, ctx.figure_start)  # "It was 39, not 93
        # as an earlier version said", "CORRECTS paragraph 2 to say crossings fell by 36%, not
        # 46%"
    else:
        said = _WITHDRAWN.search(ctx.sentence_text, 0, ctx.figure_start) or (
            in_correction and _EARLIER_VERSION.search(ctx.sentence_text, 0, ctx.figure_start))
    if said and not _PUT_RIGHT.search(ctx.sentence_text, said.end(), ctx.figure_start):
        # (not "...; the correct number is 39": the correction's own figure)
        row["stated_by"] = WITHDRAWN
        row["notes"] = " | ".join(n for n in (row["notes"], WITHDRAWN) if n)


MAGNITUDE = 3.0  # a series value this many times off is about something else


def verdict_word(holds: bool, source_kind: str, hedge_kind: str) -> str:
    """The verdict a match (or mismatch) earns from a source of ``source_kind``."""
    if hedge_kind == "vague":
        return "order of magnitude matches" if holds else "order of magnitude differs"
    if source_kind == "official":
        return "consistent" if holds else "inconsistent"
    if source_kind == "press":
        return "matches press reports" if holds else "differs from press reports"
    return "matches other sources" if holds else "differs from other sources"


def inside(value: float, t: Tolerance) -> bool:
    eps = 1e-9 * max(1.0, abs(value))
    return t.low - eps <= value <= t.high + eps


def _same_order(value: float | None, t: Tolerance) -> bool:
    if value is None or value <= 0 or t.low <= 0:
        return True
    return t.low / MAGNITUDE <= value <= t.high * MAGNITUDE


def source_of(row: dict[str, Any] | None) -> str:
    kind = str((row or {}).get("source_kind") or "")
    return kind if kind in ("official", "press", "other") else "other"


def judge(found: Lookup, t: Tolerance, hedge_kind: str, named: bool = False
           ) -> tuple[str, float | None, dict[str, Any] | None, str]:
    """(verdict, series value, row, note) of a successful lookup. A value of another order of
    magnitude is about something else, unless the figure's words ``named`` the series'
    thing itself ("1.2 million irregular crossings" into the EU in 2023: wrong)."""
    if hedge_kind != "vague" and not named and not _same_order(found.value, t):
        note = (f"the series value {fmt(found.value)} is of another order of magnitude: "
                "probably not the same thing")
        return "not comparable", found.value, found.row, note
    if found.low is not None and found.high is not None and found.low != found.high:
        # The series only bounds the value (the period ends inside one of its periods): the
        # claim holds when every value in the bounds would hold it, fails when none would.
        low, high = sorted((found.low, found.high))
        if inside(low, t) and math.isfinite(high) and inside(high, t):
            return verdict_word(True, source_of(found.row), hedge_kind), found.value, found.row, ""
        if high < t.low or low > t.high:
            return verdict_word(False, source_of(found.row), hedge_kind), found.value, found.row, ""
        bounds = (f"between {fmt(low)} and {fmt(high)}" if math.isfinite(high)
                  else f"{fmt(low)} or more")  # a running total's floor (see the notes)
        note = (f"the series only bounds the value for the period, {bounds}: some of those "
                f"would hold the claim ({fmt(t.low)} to {fmt(t.high)}), some would not")
        return "cannot check", found.value, found.row, note
    if inside(found.value, t):
        return verdict_word(True, source_of(found.row), hedge_kind), found.value, found.row, ""
    for alt in found.alternatives:
        if inside(alt["value"], t):
            what = alt["variant"] or alt["source_title"]
            note = (f"matches {fmt(alt['value'])} ({what}, {alt['source_kind']} source,"
                    f" {alt['confidence']} confidence); preferred value {fmt(found.value)}")
            return verdict_word(True, source_of(alt), hedge_kind), alt["value"], alt, note
    return verdict_word(False, source_of(found.row), hedge_kind), found.value, found.row, ""
