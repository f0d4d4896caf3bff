"""Where a figure sits: its sentence, its clause and the words around it.

Read by the figures' period resolver (which clause a period belongs to) and by the
comparison with reference series (what the clause says is counted).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from newstables.extract.article import Article, Sentence

_I = re.IGNORECASE

# A second predicate's own amount ("..., and detained a record number of migrant smugglers"),
# which makes it a clause of other things; not "... left France and crossed the Channel"
_OWN_AMOUNT = (r"(?:a\s+(?:record\s+)?(?:number|total)\s+of|a\s+record|more\s+than|fewer\s+than"
               r"|another|a\s+further|some\s+\d|\d)")
_CLAUSE_SPLIT = re.compile(r",\s+|;\s*|:\s+|\s+[–—]\s+|\s+-\s+|\s+(?=(?:while|whereas|but)\b)"
                           r"|\s+(?=and\s+[a-z]{3,}ed\s+" + _OWN_AMOUNT + ")")
COMPARISON_START = re.compile(
    r"^\W*(?:and\s+)?(?:(?:down|up|rising|falling|a\s+(?:rise|fall|drop|increase|decrease))"
    r"(?:\s+(?:by\s+|of\s+)?(?:some\s+|about\s+|around\s+|nearly\s+)?[\d.,]+\s*(?:%|per\s*cent"
    r"|percent))?\s+(?:of\s+)?)?(?:from|compared\s+(?:with|to)|than|versus|against)\b"
    # "a rise of 25% on the 29,437 recorded in 2023": "on" after a change
    r"|^\W*(?:and\s+)?(?:down|up|a\s+(?:rise|fall|drop|increase|decrease))\s+(?:by\s+|of\s+)?"
    r"(?:some\s+|about\s+|around\s+|nearly\s+)?[\d.,]+\s*(?:%|per\s*cent|percent)\s+on\b"
    # "36% fewer than the 45,774 recorded in 2022"
    r"|^\W*(?:and\s+)?(?:some\s+|about\s+|around\s+|nearly\s+)?[\d.,]+\s*(?:%|per\s*cent"
    r"|percent)\s+(?:more|fewer|less|higher|lower)\s+than\b", _I)

# A hedge before a number that opens a clause: "to about 29,000", "relating to some 100,000".
_HEDGED = r"\s+(?:(?:about|around|some|nearly|almost|just|over|more\s+than)\s+)?[£$€]?\d"
# "fell by a third last year, to 29,437": the level a change in the clause before reached.
# ("..., and stood at 29,561 at the end of June": the same thing's level)
LEVEL_START = re.compile(rf"^\W*(?:(?:and|but)\s+)?(?:(?:has\s+|had\s+)?(?:stood|remained|rose|fell"
                         rf"|dropped|climbed|grew|increased|decreased|was|were)\s+)?(?:to|at){_HEDGED}",
                         _I)
# "84,231 asylum claims, relating to (covering, involving) 108,138 people": the same things,
# counted another way.
RELATING_START = re.compile(
    rf"^\W*(?:(?:relating|related|referring)\s+to|covering|involving){_HEDGED}", _I)
# "..., including 5,369 in August alone": a part of what the clause before counts, by its time
PART_IN_TIME = re.compile(
    rf"^\W*including{_HEDGED}[\d,.]*\s+(?:in|during|on|over)\s+(?:the\s+(?:first|last|final|past)"
    r"\s+\w+|(?:19|20)\d\d\b|(?:a\s+single|one)\s+day\b|(?-i:January|February|March|April|May"
    r"|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday)\b)", _I)  # (not "including 15,000 on the busiest days")
# "..., bringing the total to 13,489": a running total of what the clauses before it count.
RUNNING_TOTAL_START = re.compile(
    r"^\W*(?:and\s+)?(?:bringing|taking|pushing|lifting|raising)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:total|tally|number|figure|count)\b", _I)
# "..., and the total rose again in 2025 to 41,472": a total (figure, number) of nothing
# named is the total of what the clauses before it count; so is a period's ("Last year's total
# was 36,816", "2023's figure", "June's tally").
TOTAL_SUBJECT = re.compile(
    r"^\W*(?:(?:and|but|while|yet)\s+)?(?:(?:last|this|that|the\s+following|the\s+next)\s+"
    r"(?:year|month|week),?\s+|in\s+(?:19|20)\d\d,?\s+"  # "Last year the figure fell to"
    # "At its peak, at the end of June 2023, the figure was 175,457"
    r"|at\s+(?:its|the|their)\s+(?:peak|height|highest|lowest),?\s+(?:(?:at|by)\s+the\s+end\s+of"
    r"\s+[\w\s]{3,20}?,\s+)?|(?:at|by)\s+the\s+end\s+of\s+[\w\s]{3,20}?,\s+)?"
    r"(?:the|that|this|(?:(?:last|this)\s+(?:year|month|week)"
    r"|(?:19|20)\d\d|january|february|march|april|may|june|july|august|september|october"
    r"|november|december)['’]s)\s+(?:(?:overall|annual|yearly|"
    r"monthly|weekly|daily|final|latest|correct|corrected|actual|true|right|revised)\s+)?"
    r"(?:total|tally|number|figure|count)\b"
    r"(?!\s+(?:of|for)\s+(?![£$€]?\d))", _I)  # "The figure of 45,755", not "the number of boats"

# "That was 18% more than in 2023", "It was about 95,000": a figure right after the words says
# what it counts in the sentence before
REFERS_BACK = re.compile(
    r"^\W*(?:that|this|it)\s+(?:was|is|were|represents?|represented|marks?|marked|means"
    rf"|meant|amounts?\s+to|amounted\s+to)(?:\s+(?:down|up)\s+from)?{_HEDGED}"
    # "It takes the total for the year so far to 22,000": a running total of the same
    # ("The latest figures bring the total for this year to 15,827" too)
    r"|^\W*(?:that|this|it|which|the\s+(?:latest\s+|new\s+)?(?:figures|numbers|arrivals))\s+"
    r"(?:takes?|took|brings?|brought|push(?:es)?|pushed|lifts?|lifted|raises?|raised)\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:total|tally|number|figure|count)\b"
    # "By the end of September this had fallen to 165,411": the same thing's later level
    r"|^\W*(?:(?:by|at|in|on)\b[^,.;]{0,40}?,?\s+)?(?:that|this|it)\s+(?:had\s+|has\s+)?"
    r"(?:fallen|risen|dropped|climbed|grown|fell|rose|dropped|climbed|grew|reached|hit)"
    rf"(?:\s+(?:again|further|back))?(?:\s+to)?{_HEDGED}"
    # "That compares with 45,774 in 2022", "In 2020 there were 8,466": the same thing, another
    # time
    r"|^\W*(?:that|this|it)\s+compares?\s+with\b"
    r"|^\W*(?:(?:in|by)\s+(?:19|20)\d\d,?\s+)?there\s+(?:were|was|had\s+been)\s+"
    rf"(?=[\d£$€]|(?:about|around|some|nearly|almost|just|over|more\s+than|fewer\s+than)\s)"
    # "The final quarter brought 4,607", "August saw 5,369": the same thing, another time (a
    # number that names nothing after it; not "September alone saw 4,192 arrivals")
    r"|^\W*(?:the\s+(?:first|second|third|fourth|final|last)\s+(?:quarter|half|month|week)"
    r"|(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)(?:\s+(?:19|20)\d\d)?)\s+(?:alone\s+)?(?:brought|saw)\s+(?:(?:about|around"
    r"|some|nearly|almost|just|over|more\s+than)\s+)?[\d,.]*\d(?=\s*(?:[.;,!](?!\d)|$))"
    # "The correct figures are 756 people in 14 boats": a correction of the same thing
    r"|^\W*the\s+(?:correct|corrected|actual|true|right|revised)\s+(?:figures?|numbers?"
    r"|total)\s+(?:is|are|was|were)\b"
    # "That is fewer than in 2022, when 99,939 people applied": the same thing, another time
    r"|^\W*(?:that|this|it)\s+(?:was|is)\s+(?:[\w'’-]+\s+){0,2}?(?:fewer|more|less|higher"
    r"|lower|up|down|above|below)(?:\s+(?:by\s+)?[\d.,]+\s*(?:%|per\s*cent))?"
    r"\s+(?:than|from|on)\b", _I)


_CONTRAST = re.compile(r"\W*(?:while|whereas|but|although)\b", _I)
# a later clause of other things: one that singles out a part ("..., with the sharpest drop on
# the Central Mediterranean route"), a concession ("..., despite hundreds of millions spent on
# enforcement in France"), who most of them were ("..., most of them Afghan and Iranian
# citizens,"; not "all of them Turkish nationals": what the figure counts)
_OTHER_THINGS = re.compile(r"\W*(?:with\s+(?:the|a)\s+(?:sharpest|biggest|largest|steepest|greatest"
                          r"|fastest|strongest|smallest|most)|despite|in\s+spite\s+of"
                          r"|notwithstanding|(?:most|many|some)\s+of"
                          r"\s+them|among\s+them|mostly)\b|\W*and\s+[a-z]{3,}ed\s+" + _OWN_AMOUNT,
                          _I)
# ", and we are continuing to take action ..., including through the partnership with
# Türkiye": someone's doing, with the clauses that go on with it, not where the figure was
# counted
# (not "they", "he" or "she", which may be the people the figure counts: "29,437 people were
# detected, and they were arriving in small boats")
_SOMEONE_ELSE_ON = re.compile(r"\W*and\s+(?:we|I)\s+(?:are|were|have|had|will|would|continue"
                              r"|remain)\b", _I)


def borrows_total(clause: str) -> bool:
    """Whether ``clause`` states a total of what the clauses before it count: a running
    total ("bringing the total to 13,489") or a total that names nothing ("and the total
    rose to 41,472")."""
    return bool(RUNNING_TOTAL_START.match(clause) or TOTAL_SUBJECT.match(clause))


@dataclass
class Surroundings:
    """A figure in its sentence: its clause, the clause widened to figure-free neighbours,
    the words just after it, the previous sentence and the paragraph."""

    sentence: Sentence | None
    clause: str
    widened: str
    near: str
    sentence_text: str
    previous_text: str
    paragraph_text: str
    figure_start: int = 0
    figure_end: int = 0
    spans: list[tuple[int, int]] = field(default_factory=list)
    index: int = 0
    others: list[tuple[int, int]] = field(default_factory=list)  # other figures in the sentence
    lead: str = ""  # a list item's lead-in ("Small boat arrivals by nationality in 2023:")
    table_year: str = ""  # in a table's row, the year (or month) of its row or of its column
    column: str = ""  # in a table's row, its column's header ("Boats")
    earlier: str = ""  # the article's text just before the sentence (EARLIER_REACH characters)


EARLIER_REACH = 600


def _table_cells(article: Article, number: int, text: str, at: int) -> tuple[str, str]:
    """For a figure at ``at`` in the table row paragraph ``number`` ("2022 | 45,774 | 1,110"),
    its column's header ("Arrivals") and the year of its row or its column ("" when none)."""
    paragraphs = {p.number: p.text for p in article.paragraphs}
    k = number
    while k - 1 in paragraphs and _is_table_row(paragraphs[k - 1]):
        k -= 1
    header = [c.strip() for c in paragraphs[k].strip().strip("|").split("|")]
    row = [c.strip() for c in text.strip().strip("|").split("|")]
    column = text[:at].strip().lstrip("|").count("|")
    head = header[column] if k != number and column < len(header) else ""
    year = next((c for c in (row[0], head) if _A_YEAR.fullmatch(c) or TABLE_MONTH.fullmatch(c)),
                "")
    return head, year


# "| January | 1,098 | 20 |", "| June 2025 | ...": a row (or column) labelled with its month
TABLE_MONTH = re.compile(r"(?P<m>january|february|march|april|may|june|july|august|september"
                         r"|october|november|december)(?:\s+(?P<y>(?:19|20)\d\d))?", _I)


# "- Turkey: 3,040", "• Iran 3,502", "2) Eritrea: 2,675": an item of a list
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–—]|\d{1,2}[.)])\s+\S|^[ \t]*\|?[^|\n]+\|")
# "2022 | 45,774 | 1,110", "Route | 2022 | 2023": a row of a table written with pipes
_TABLE_ROW = re.compile(r"^[ \t]*\|?[^|\n]+\|")
_A_YEAR = re.compile(r"(?:19|20)\d\d")


# Both patterns read a paragraph's whole first line, and each figure of a paragraph asks
# again: a scraped article that is one long paragraph would cost its length times its figures.
@lru_cache(maxsize=256)
def _is_list_item(text: str) -> bool:
    return bool(_LIST_ITEM.match(text))


@lru_cache(maxsize=256)
def _is_table_row(text: str) -> bool:
    return bool(_TABLE_ROW.match(text))
# "- 2022: 45,774": an item whose label is its year
ITEM_YEAR = re.compile(r"^\s*(?:[-•*–—]|\d{1,2}[.)])\s+(?P<y>(?:19|20)\d\d)\s*[:–—-]")
# A list item labelled with months or a quarter: "- January to March: 3,793", "- Q4: 5,607"
ITEM_MONTHS = re.compile(
    r"^\s*(?:[-•*–—]|\d{1,2}[.)])\s+(?P<label>(?:[A-Z][a-z]+(?:\s+(?:to|-|–)\s+[A-Z][a-z]+)?"
    r"|Q[1-4]|(?:first|second|third|fourth)\s+quarter))\s*[:–—]")


def list_lead(article: Article, number: int, text: str | None = None) -> str:
    """The lead-in of the list paragraph ``number`` (its ``text``, if at hand) is an item of:
    the paragraph before the list's items when it ends with a colon; "" for a paragraph that
    is no list item."""
    if text is not None and not _is_list_item(text):
        return ""
    paragraphs = {p.number: p.text for p in article.paragraphs}
    if not _is_list_item(paragraphs.get(number, "")):
        return ""
    k = number - 1
    while k in paragraphs and _is_list_item(paragraphs[k]):
        k -= 1
    lead = paragraphs.get(k, "").rstrip()
    # its last sentence only: "Turkey deported thousands in 2024. The key numbers:" lends
    # "The key numbers:", not the deportations; a table's, the paragraph before it whatever
    # it ends with ("... annual totals of people detected crossing the Channel in small
    # boats ... Source: Home Office.")
    if _is_table_row(paragraphs[number]) and not lead.endswith(":"):
        return lead
    return re.split(r"(?<=[.!?])\s+", lead)[-1] if lead.endswith(":") else ""


def sentence_at(article: Article, offset: int) -> tuple[Sentence | None, Sentence | None]:
    previous = None
    for s in article.sentences:
        if s.start <= offset < s.end:
            return s, previous
        previous = s
    return None, None


# "124,441 were deported and some 58,758 returned": two figures, two clauses ("between 10
# and 20" and "from 10 to 20" stay one).
_AND_FIGURE = re.compile(r"\s+and\s+(?=(?:[a-z]+\s+){0,3}\d)")  # "and detained more than 10,000"
_RANGE_BEFORE = re.compile(r"\b(?:between|from)\s+\S+$", _I)
_DIGIT = re.compile(r"\d")


def clauses(text: str) -> list[tuple[int, int]]:
    """The clause spans of a sentence: split at commas, semicolons, colons, dashes, "while",
    "but", and at an "and" that joins two clauses each with its own figure."""
    spans, start = [], 0
    for m in _CLAUSE_SPLIT.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        for m in _AND_FIGURE.finditer(text, s, e):
            before = text[s:m.start()]
            if _DIGIT.search(before) and not _RANGE_BEFORE.search(before):
                out.append((s, m.start()))
                s = m.end()
        out.append((s, e))
    return out


# A number that is no year, and the words after it ("29,437 people arrived in")
_COUNTED_AFTER = re.compile(r"(?<![\w.,])(?!(?:1[89]|20)\d\d\b)\d[\d,.]*\s+((?:[\w'’-]+\s+){0,2}"
                            r"[\w'’-]+)")


# a detail or a bare change of the clause before: "in 602 boats", "up 60%"
_SIDE = re.compile(r"\W*(?:(?:in|with|on|aboard|across|including|among)\s|(?:up|down|rising"
                   r"|falling)\s+(?:by\s+)?(?:some\s+|about\s+|around\s+|nearly\s+)?[\d.,]+"
                   r"\s*(?:%|per\s*cent|percent)\W*$)", re.I)


def borrows_counted(clause: str) -> bool:
    """Does ``clause`` take what it counts from a clause before it (a comparison's base, a
    change's level, another count of the same, a figure for "it", a part of it in a
    shorter time)?"""
    return bool(COMPARISON_START.match(clause) or LEVEL_START.match(clause)
                or RELATING_START.match(clause) or PUT_IT_AT.match(clause)
                or PART_IN_TIME.match(clause))


# "..., but the latest statistics put it at 128,786": "it" is what the clause before counts
PUT_IT_AT = re.compile(
    r"^\W*(?:(?:but|and|while|yet)\s+)?(?:[\w'’-]+\s+){0,4}?(?:put|puts|putting|placed|places"
    rf"|estimated|estimates)\s+(?:it|the\s+(?:figure|number|total))\s+at{_HEDGED}", _I)


def words_after_numbers(text: str) -> str:
    """The three words after each number in ``text`` that is no year: what a sentence's
    figures count, as ``Surroundings.near`` has them for one figure."""
    return " , ".join(m.group(1) for m in _COUNTED_AFTER.finditer(text))


def surroundings(article: Article, start: int, end: int,
                 others: list[tuple[int, int]]) -> Surroundings:
    """The figure at [start, end) in its sentence; ``others`` are the other figures' spans."""
    sentence, previous = sentence_at(article, start)
    if sentence is None:
        return Surroundings(None, "", "", "", "", "", "", start, end)
    text = sentence.text
    fs, fe = start - sentence.start, min(end, sentence.end) - sentence.start
    spans = clauses(text)
    index = next((i for i, (s, e) in enumerate(spans) if s <= fs <= e), 0)
    clause = text[spans[index][0]: spans[index][1]]
    other_spans = [(s - sentence.start, e - sentence.start) for s, e in others
                   if sentence.start <= s < sentence.end and (s, e) != (start, end)]

    def has_other(i: int) -> bool:
        s, e = spans[i]
        return any(s <= o < e for o, _ in other_spans)

    # When the clause says nothing about what is counted, borrow from its neighbours: all
    # earlier clauses in a running total ("bringing the total to 13,489", "and the total rose
    # to 41,472"); after a comparison ("down from 45,774"), at a change's level ("..., to
    # 29,437") or in another count of the same ("..., relating to 108,138 people"), the
    # clauses from the one of the figure before it on, with the figure-free ones before
    # ("Arrivals rose 25%, and returns reached 18,000, compared with 20,000": returns); else
    # figure-free clauses.
    if borrows_total(clause):
        widened = text[: spans[index][1]]
    elif borrows_counted(clause):
        first = max((i for i in range(index) if has_other(i)), default=0)
        while first and (borrows_counted(text[spans[first][0] : spans[first][1]]) or _SIDE.match(
                text, spans[first][0], spans[first][1])):
            # "74,751 applications, relating to 89,398 people, ..., up from 48,540": that
            # clause borrows too, from the one before it; "29,437 in 2023, in 602 boats, down
            # from 45,774": a detail's clause is not what the base is compared with
            first = max((i for i in range(first) if has_other(i)), default=0)
        # "..., while the Western African route more than doubled, to almost 40,000": the
        # level of the change of another subject, which its contrast opens
        turn = next((i for i in range(index - 1, first, -1) if _CONTRAST.match(
            text, spans[i][0], spans[i][1])), None)
        if turn is not None:
            widened = " , ".join(text[s:e] for s, e in spans[turn : index + 1])
        else:
            widened = " , ".join(text[s:e] for i, (s, e) in enumerate(spans[: index + 1])
                                 if i >= first or not has_other(i))
        if RELATING_START.match(clause):
            # "134,046 cases, relating to 175,457 people, were awaiting an initial decision":
            # the predicate after the aside is the people's too
            after = []
            for i in range(index + 1, len(spans)):
                if has_other(i) or _CONTRAST.match(text, spans[i][0], spans[i][1]):
                    break
                after.append(text[spans[i][0] : spans[i][1]])
            widened = " , ".join([widened, *after])
    else:
        # (not a later clause of another subject: "arrivals fell by 36% ..., while the
        # number waiting for a decision fell"; nor one that singles out a part: "crossings
        # into the EU fell by more than a third ..., with the sharpest drop on the Central
        # Mediterranean route")
        other = _other_clauses(text, spans, index)
        parts = [text[s:e] for i, (s, e) in enumerate(spans) if i == index or not has_other(i)
                 and i not in other]
        widened = " , ".join(parts)
    near = " ".join(re.findall(r"[\w'’-]+", text[fe:])[:3])
    paragraph = next((p.text for p in article.paragraphs if p.number == sentence.paragraph), "")
    prev_text = previous.text if previous is not None else ""
    lead = list_lead(article, sentence.paragraph, paragraph)
    table_year = head = ""
    if _is_table_row(paragraph):
        # a table's row: its column's header says what the figure counts, and its row's or
        # column's year when it is one
        head, table_year = _table_cells(article, sentence.paragraph, paragraph,
                                        paragraph.find(text) + fs)
        lead = f"{lead} , {head}" if head else lead
    return Surroundings(sentence, clause, widened, near, text, prev_text, paragraph, fs, fe, spans,
                        index, other_spans, lead, table_year, head if table_year or head else "",
                        article.text[max(0, sentence.start - EARLIER_REACH) : sentence.start])


_A_PART = re.compile(r"\b(?:including|of\s+whom|of\s+which|among\s+them|than|from|against"
                     r"|versus|compared\s+(?:with|to)|below|above|beneath|behind|short\s+of"
                     r"|beating|surpassing|eclipsing)\s+(?:[a-z]+\s+)?$", re.I)


_ON_THE = re.compile(r"\bon\s+(?:the\s+)?$", re.I)


def another_figures(ctx: Surroundings, start: int) -> bool:
    """Is the period at ``start``, after the figure, the one of the next figure, a part or a
    base of it ("including 444 on Wednesday", "fewer than the 2,977 in 2022")?"""
    after = sorted((o, e) for o, e in ctx.others if ctx.figure_end <= o < start)
    if not after:
        return False
    o, e = after[-1]
    # in the part's own phrase: no comma closes it first ("3,823 people, including 600
    # children, crossed in June 2023": June is the 3,823's); a change's base after "on"
    # too ("up 25% on the 29,437 who arrived in 2023": 2023 is the 29,437's)
    text = ctx.sentence_text
    if _A_PART.search(text, max(0, o - 20), o) is not None and not re.search(
            r"[,;)]", text[e:start]):
        return True
    base = after[0]  # ('... in 602 boats in 2023': the base's phrase runs on past its number)
    return text[ctx.figure_start : ctx.figure_end].rstrip().endswith(("%", "cent")) and (
        _ON_THE.search(text, max(0, base[0] - 8), base[0]) is not None
        and not re.search(r"[,;)]", text[base[1]:start]))


def without_later_contrast(ctx: Surroundings) -> str:
    """The figure's sentence without the clauses after it that a contrast opens ("..., but
    Greece and the Canaries saw rises"), that single out a part (", with the sharpest drop
    on the Central Mediterranean route") or concede (", despite ... enforcement in France"):
    another subject's words."""
    if not ctx.spans:
        return ctx.sentence_text
    text = ctx.sentence_text
    other = _other_clauses(text, ctx.spans, ctx.index)
    return " , ".join(text[s:e] for i, (s, e) in enumerate(ctx.spans) if i not in other)


def _other_clauses(text: str, spans: list[tuple[int, int]], index: int) -> set[int]:
    """The clauses after the figure's (``index``) that are of other things, with all after
    one that opens someone else's doing ("..., and we are continuing to take action ...,
    including through the partnership with Türkiye")."""
    found: set[int] = set()
    for i in range(index + 1, len(spans)):
        if _SOMEONE_ELSE_ON.match(text, spans[i][0], spans[i][1]):
            return found | set(range(i, len(spans)))
        if _of_other_things(text, spans[i][0], spans[i][1]):
            found.add(i)
    return found


def _of_other_things(text: str, start: int, end: int) -> bool:
    """Is the clause text[start:end], after a figure's, of other things: opened by a contrast
    or one of ``_OTHER_THINGS``?"""
    return bool(_CONTRAST.match(text, start, end) or _OTHER_THINGS.match(text, start, end))
