"""The words a claim is matched to reference series by (``claim_texts``): what the figure
counts, the words around it, the sentence before when its own sentence refers back to it, and
where it is about; and the series it may be checked against (``series_candidates``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from newstables import periods
from newstables.analyse.series_match import (
    SeriesRule,
    Texts,
    candidates,
    counted_unit,
    geographies,
    head_noun,
    implied_geographies,
    ngrams,
    vocabulary,
)
from newstables.extract.article import Article
from newstables.extract.surroundings import (
    REFERS_BACK,
    TOTAL_SUBJECT,
    Surroundings,
    borrows_counted,
    without_later_contrast,
    words_after_numbers,
)

# "45,774 for small boat arrivals in 2022": what a figure that names nothing counts
_FOR_PHRASE = re.compile(r"\s+(?:for|of)\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+)(?=\s+(?:in|on|at|during"
                         r"|over|last|this|since)\b|[,.;]|$)", re.I)
# counted nouns that name no series by themselves ("It takes the total to 30,661" people)
_GENERIC = frozenset({"people", "persons", "migrants", "individuals"})
# a route named before ("on the route", "on that route", "on the same route")
_THE_ROUTE = re.compile(r"\b(?:the|that|this|the\s+same)\s+route\b", re.I)
# what a figure in a sentence that refers back may count of what the sentence before does
# ("... this had fallen to 165,411 people, relating to 125,173 cases")
_UNITS = frozenset({"cases", "applications", "claims"})
_TOTAL_WORD = re.compile(r"(?:the\s+)?(?:(?:correct|corrected|actual|true|right|revised)\s+)?"
                         r"(?:figure|figures|number|numbers|total|tally|count)", re.I)


# A country's adjective before its authorities ("the French authorities", "Turkish police")
_AUTHORITIES = re.compile(r"\b[A-Z][a-zç]+(?:ish|ch|an|ese|i)\s+(?P<noun>authorities|officials"
                          r"|police|government|coastguard|coast\s+guard|navy|gendarmes)\b")
# The catalogue's geographies of places no series covers, and of those places' officials
ELSEWHERE = "elsewhere (no series)"
ELSEWHERE_OFFICIALS = "elsewhere (no series): its officials"
_TOTAL_KEYS = frozenset({"total", "in total", "totals", "the total"})


def beyond_totals(texts: Texts, rule: SeriesRule) -> bool:
    """Do ``texts`` fit ``rule`` by more than a word for a total?"""
    return any(k in texts.strong for k, _ in rule.keywords if k not in _TOTAL_KEYS)


def claim_texts(fig: dict[str, Any], ctx: Surroundings, widen: bool,
                article_geos: frozenset[str], borrow: bool = True) -> Texts:
    """The words a figure's series is chosen by: its counted phrase and clause (``widen``: and
    the sentence's figure-free clauses), a list's lead-in, or, with ``borrow``, the sentence
    before when the figure's sentence refers back to it; the words right after it; and the
    places its sentence, else its paragraph or article, names."""
    counts = fig.get("counts") if isinstance(fig.get("counts"), str) else ""
    if _TOTAL_WORD.fullmatch(counts):
        counts = ""  # "The figure is down from 225,831": a total of what the sentence before counts
    # a list item's words and its lead-in's: "Small boat arrivals in 2023:", "- Total: 29,437"
    lead = f" , {ctx.paragraph_text} , {ctx.lead}" if ctx.lead else ""
    before = ""
    # (not a change in "That compares with 45,774 in 2022, a fall of 36%": its period is the
    # sentence before's, against 2022, which its period reading does not know; nor in "There
    # were 67,337 applications, covering 84,425 people, ..., a fall of 17%")
    refers = REFERS_BACK.match(_OPENING_AND.sub("", ctx.sentence_text)) and not (
        fig.get("unit") == "percent" and _COMPARES.match(ctx.sentence_text))
    total = (not counts or counts.lower() in _GENERIC | _UNITS) and TOTAL_SUBJECT.match(
        ctx.sentence_text)
    if borrow and not lead and _THE_ROUTE.search(ctx.clause) and not geographies(ctx.clause):
        # "The number of crossings on the route had been 38,690 in 2022": the route the
        # sentence before names
        lead = f" , {ctx.previous_text}"
    elif borrow and not lead and (refers or total):
        # "The figure has fallen from a peak of 56,042", "By the end of March, that had fallen
        # to 44,486" (whatever it was read to count): what the sentence before counts,
        # the words after its numbers too ("29,437 people arrived": people, not the "small
        # boat" they came by)
        lead = f" , {ctx.previous_text}"
        # of its first number that counts people ("756 people crossed ... in 14 small
        # boats", "14 small boats carrying 756 people"), else of its first
        before = f" , {_people_first(words_after_numbers(ctx.previous_text).split(' , '))}"
    if borrow and not lead and ctx.previous_text and counts:
        # "The number of asylum applications also fell. There were 67,337 applications,
        # covering 84,425 people": what the sentence before names in full, that a series
        # is called by (not for a change, which the figures around it may count apart)
        alone = counts if re.fullmatch(r"[a-z]+s", counts) else ctx.sentence_text if (
            counts.lower() in _GENERIC) else ""
        lead = "".join(f" , {p}" for p in _named_in_full(alone, ctx.previous_text))
    if borrow and not ctx.lead and (named := _named_before(counts, ctx.earlier)):
        # "The chart below shows the number of people detected arriving in small boats each
        # year. Just 299 people were detected in 2018. That rose to 1,843 in 2019": the name
        # in full an earlier sentence gave what the figure counts
        lead += f" , {named}"
    strong = f"{counts} , {ctx.widened if widen else ctx.clause}{lead}"
    # a place no series covers keeps its paragraph's figures from the series ("Australia
    # takes a different approach. Some 12,000 people arrived by boat"); its officials named
    # around the figure, not in its sentence, give way to the article's places ("American
    # officials have praised the crackdown" in an article on Türkiye's figures)
    # (not the places of the sentence's later clauses of other things: "arrivals went up by
    # a quarter last year, to 36,816, despite ... enforcement in France")
    own = without_later_contrast(ctx)
    # (or a place its words imply: "29,437 arrivals in small boats" in a report from the
    # Commons, or a story on Britain that speaks of Europe's routes; not in one on Greece)
    geos = geographies(own) or implied_geographies(own, article_geos)
    covered = article_geos - {ELSEWHERE, ELSEWHERE_OFFICIALS}
    # (the paragraph up to the figure's sentence; after it, only the article's own places:
    # "... in 2022. Ministers credit closer cooperation with France" names none of the
    # figure's, "... deported. This was the highest in Türkiye's history" does)
    at = ctx.paragraph_text.find(ctx.sentence_text)
    paragraph = ctx.paragraph_text.replace(ctx.sentence_text, own, 1)
    upto = paragraph[: at + len(own)] if at >= 0 else paragraph
    # (in the paragraph's other sentences, a country's authorities are who acted, not where
    # anything was counted: "The fall owes a great deal to the work of the French
    # authorities. ... still more than 165,000 waiting")
    upto, paragraph = (_AUTHORITIES.sub(r"\g<noun>", t) for t in (upto, paragraph))
    for level in (() if geos else (geographies(upto), geographies(ctx.lead), article_geos & (
            geographies(paragraph)), article_geos)):
        if level:  # the paragraph's, else the list's lead-in's, else the article's places
            geos = (level - {ELSEWHERE_OFFICIALS}) or covered or level
            break
    head = head_noun(counts)
    # The words just after the figure, unless they are the start of the phrase it counts:
    # "a rise of 25% in small boat arrivals" counts arrivals, not the boat its third word is.
    first = counts.split()[0].lower() if counts.split() else ""
    near = head if first and first in ctx.near.lower().split() else f"{ctx.near} , {head}"
    named = _FOR_PHRASE.match(ctx.sentence_text, ctx.figure_end) if not counts else None
    if named:  # "The figure was 45,774 for small boat arrivals": arrivals, not the boat
        near = head_noun(named.group(1))
    near += before
    after = " ".join(re.findall(r"[\w'’-]+", ctx.sentence_text[ctx.figure_end:])[:6])
    said = own
    return Texts(ngrams(strong), ngrams(f"{counts} , {said}{lead}"), ngrams(near),
                 frozenset(geos), ngrams(f"{counts} , {after}"))


# A capitalised word inside a clause that is no month: a group it names ("Albanians")
# ... or a plural it counts ("81,130 applications")
_NAMES_A_GROUP = re.compile(rf"(?<=\s)(?!(?:{periods._MONTH_NAMES})\b)[A-Z][a-z]"
                            r"|\b(?!(?:years|months|weeks|days|quarters)\b)[a-z]{3,}s\b")
# What a sentence that refers back may open with: a transcript's turn ("Q127 Matt Vickers:"), a
# conjunction ("But that is more than ..."), a time ago ("Five years ago it was around 13")
_OPENING_AND = re.compile(
    r"^\W*(?:(?:Q\d{1,4}\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*:\s+)?"
    r"(?:(?i:but|and|yet|so)\s+)?(?:(?i:[\w-]+\s+(?:years?|months?|weeks?|days?)\s+"
    r"(?:ago|earlier|before|later)),?\s+)?")
_COMPARES = re.compile(r"\W*(?:(?:that|this|it)\s+compares?\s+with\b|(?:(?:in|by)\s+(?:19|20)"
                       r"\d\d,?\s+)?there\s+(?:were|was|had\s+been)\b)", re.I)


_CLAUSE_END = re.compile(r"[,;:.?!()\n]|\s[-–—]\s")
# words after a counted phrase that narrow it to a part ("small boat arrivals of Albanians",
# "... among children"), and where it goes on to name one route or border ("into the EU at its
# external borders on the Western Balkan route": the crossings into the EU)
_NARROWS = r"(?:of|among|by|from|on|for)\b"
_WHERE_ON = re.compile(r"\s+(?:on|at|along|via|through)\s+", re.I)


def _named_before(counts: str, earlier: str) -> str:
    """The last place in ``earlier`` that names what ``counts`` (two words or more) counts
    with more words after it, up to the end of its clause ("people detected arriving in
    small boats each year since 2018" for "people detected"); "" when none does."""
    low = earlier.lower()
    if len(counts.split()) < 2 or counts.lower() not in low:
        return ""
    found = list(re.finditer(rf"\b{re.escape(counts.lower())}\s+(?!{_NARROWS})\w", low))
    if not found:
        return ""
    named = _CLAUSE_END.split(earlier[found[-1].start() :], maxsplit=1)[0]
    return _WHERE_ON.split(named, maxsplit=1)[0].strip()


def _named_in_full(sentence: str, previous: str) -> list[str]:
    """The series' names ("asylum applications") the sentence before gives for plurals that
    ``sentence`` (a figure's counted word, or its sentence) uses alone ("67,337
    applications")."""
    low, before = sentence.lower(), previous.lower()
    found = []
    for word in dict.fromkeys(re.findall(r"\b[a-z]{4,}s\b", low)):
        for m in re.finditer(rf"\b([a-z]+)\s+{word}\b", before):
            phrase = f"{m.group(1)} {word}"
            if phrase in _series_names() and phrase not in low:
                found.append(phrase)
    return found


@lru_cache(maxsize=1)
def _series_names() -> frozenset[str]:
    return frozenset(k for rule in vocabulary().rules for k, _ in rule.keywords if " " in k)


def _people_first(chunks: list[str]) -> str:
    """Of the words after each number, the first that name people, else the first; the
    first whatever it names when that is no vessel ("67,337 asylum applications, relating to
    84,425 people": the applications)."""
    if chunks and not any(counted_unit(w) == "boats" for w in chunks[0].split()):
        return chunks[0]
    return next((c for c in chunks if any(counted_unit(w) == "people" for w in c.split())),
                chunks[0] if chunks else "")


def by_score(found: list[tuple[int, SeriesRule]]) -> list[list[SeriesRule]]:
    """Series grouped by how well they fit, best first (``found`` is sorted so)."""
    groups: dict[int, list[SeriesRule]] = {}
    for score, rule in found:
        groups.setdefault(score, []).append(rule)
    return list(groups.values())


# "3,040 people crossed ..., all of them Turkish nationals": the group is all of them
_ALL_OF_THEM = re.compile(r"[^,;.]*?(?:,|\s+[-–—])\s+(?:(?:nearly|almost|virtually)\s+)?(?:all|each"
                          r"|every\s+one)(?:\s+of\s+(?:them|whom))?\b[^,;.]*", re.I)


def series_candidates(fig: dict[str, Any], ctx: Surroundings, unit: str,
                      article_geos: frozenset[str], total: bool) -> list[tuple[int, SeriesRule]]:
    """The series a figure may be checked against, best first: those its clause fits (not a
    running ``total``), else its sentence's; a group's own series when the sentence names
    one the others rule out."""
    # "The figure was 45,774 for small boat arrivals": its own words first, then the sentence
    # before's ("The figure has fallen from a peak of 56,042")
    wide = claim_texts(fig, ctx, True, article_geos, borrow=False)
    wide_found = candidates(wide, unit)
    if not any(beyond_totals(wide, rule) for _, rule in wide_found):
        # its own words name nothing but a total ("The total was 29,437 in 2023")
        wide = claim_texts(fig, ctx, True, article_geos)
        wide_found = candidates(wide, unit)
        borrow = True
    else:
        borrow = False
    narrow = (candidates(claim_texts(fig, ctx, False, article_geos, borrow), unit)
              if not total else [])
    whole = _ALL_OF_THEM.match(ctx.sentence_text, ctx.figure_end)
    if whole and re.search(r"\band\b|\bor\b", whole.group(0)):
        whole = None  # "nearly all of them Afghan and Turkish nationals": no one group
    before = ngrams(f"{ctx.sentence_text[:ctx.figure_start]} , {ctx.clause}"
                    + (f" , {whole.group(0)}" if whole else ""))
    ruled_out = [r for _, r in narrow if not before.isdisjoint(r.excludes_any)]
    named = [(s, r) for s, r in wide_found if r.requires_any]
    if ruled_out and named:
        # a series of the group the sentence names ("Turkish nationals were the fourth-largest
        # group ..., with 3,040 arrivals", "..., all of them Turkish nationals")
        found = named
    else:
        # what the clause fits, unless the words before it rule it out ("Afghans were the
        # largest nationality: 15,000 crossed"), not words after it ("..., with Albanians no
        # longer the largest group")
        found = [(s, r) for s, r in narrow if before.isdisjoint(r.excludes_any)]
        if not found:
            found = wide_found if unit != "count" else _of_its_own(fig, ctx, wide_found)
    return found


# The words a clause may hold besides its figure, hedges and time when it only says that more
# of the same came at another time ("..., after more than 3,800 came in June", "..., numbers
# rose to 3,153 in April")
_SAME_AGAIN = frozenset("""after before and while but then with in on at by of during until
    since the a an than more fewer less over under about around some nearly almost just
    another other others further came come arrived did followed landed made it were was had
    been so far year month week day this last that same period alone numbers number figure
    figures total rose fell climbed dropped grew increased to when above below well up down
    against compared as many people persons migrants individuals fall drop decline reduction
    decrease cut rise increase jump surge
    growth from record peak high low level levels half third quarter""".split())
_MONTH_WORDS = frozenset("""january february march april may june july august september october
    november december""".split())


def as_the_figure_before(fig: dict[str, Any], ctx: Surroundings,
                         search: Any) -> list[tuple[int, SeriesRule]]:
    """A figure that counts the same as the figure before it in its sentence, in a clause
    that says only when more of it came ("In July alone, almost 6,300 migrants made the
    perilous journey, ..., after more than 3,800 came in June"): the series ``search`` finds
    for that figure's clause and its own. Empty for a clause that says more ("..., and 18,000
    were returned")."""
    before = [s for s, _ in ctx.others if s < ctx.figure_start]
    counts = fig.get("counts") if isinstance(fig.get("counts"), str) else ""
    if not before or not _bare(ctx.clause) or (
            counts and not _TOTAL_WORD.fullmatch(counts) and counts.lower() not in _GENERIC):
        return []  # (not "as returns fell from 20,000 in 2021": what it counts is named)
    for at in reversed(before):  # the nearest figure's clause that names what it counts
        span = next(((s, e) for s, e in ctx.spans if s <= at < e), None)
        if span is None or span == ctx.spans[ctx.index]:
            continue
        theirs = ctx.sentence_text[span[0] : span[1]]
        if not _bare(theirs):  # its words, and what it counts beside the figure
            clause = f"{theirs} , {ctx.clause}"
            found = search(replace(ctx, clause=clause, widened=clause,
                                   near=f"{ctx.near} , {theirs}"))
            if found or _NAMES_A_GROUP.search(theirs):
                return found
            # (else the one before: "... peaked at 56,042 ... and fell to about 45,700 at the
            # end of December, a fall of 18%"; not past "with Albanians accounting for 12,301")
    return []


def _bare(clause: str) -> bool:
    """Does the clause say no more than a figure, its time and that more came?"""
    return all(w in _SAME_AGAIN or w in _MONTH_WORDS
               for w in re.findall(r"[a-z]+", clause.lower()))


def _of_its_own(fig: dict[str, Any], ctx: Surroundings,
                found: list[tuple[int, SeriesRule]]) -> list[tuple[int, SeriesRule]]:
    """Of the series the words of other clauses fit, those that fit the thing the figure
    counts, when its clause names one: by their keywords or their unit ("returns reached
    18,000, ..., as small boat arrivals rose": not small boat arrivals; "On the Eastern
    Mediterranean route, detections reached 52,767": detections on that route; "..., with 15
    men taken on board": people on board)."""
    if borrows_counted(ctx.clause):
        return found  # "..., up from 30,451": the clauses it is widened to say what it counts
    counts = fig.get("counts") if isinstance(fig.get("counts"), str) else ""
    head = head_noun(counts).lower()
    if not head or head in _GENERIC or _TOTAL_WORD.fullmatch(counts) or (
            head not in ctx.clause.lower()):
        return found
    own, unit = ngrams(counts), counted_unit(counts)
    return [(s, r) for s, r in found
            if unit and unit == r.unit or any(k in own for k, _ in r.keywords)]


def home_places(article: Article) -> frozenset[str]:
    """The catalogue's places named by the article's first sentence that names any (its
    headline or lead); empty when none does."""
    return next((frozenset(p) for p in map(geographies, (s.text for s in article.sentences))
                 if p), frozenset())
