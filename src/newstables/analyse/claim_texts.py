"""The words a claim is matched to reference series by (``claim_texts``): what the figure
counts, the words around it, the sentence before when its own sentence refers back to it, and
where it is about.
"""

from __future__ import annotations

import re
from typing import Any

from newstables.analyse.series_match import SeriesRule, Texts, geographies, head_noun, ngrams
from newstables.extract.surroundings import (
    REFERS_BACK,
    TOTAL_SUBJECT,
    Surroundings,
    words_after_numbers,
)

# "45,774 for small boat arrivals in 2022": what a figure that names nothing counts
_FOR_PHRASE = re.compile(r"\s+(?:for|of)\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+)(?=\s+(?:in|on|at|during"
                         r"|over|last|this|since)\b|[,.;]|$)", re.I)
# counted nouns that name no series by themselves ("It takes the total to 30,661" people)
_GENERIC = frozenset({"people", "persons", "migrants", "individuals"})
_TOTAL_WORD = re.compile(r"(?:the\s+)?(?:figure|figures|number|total|tally|count)", re.I)


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
    if borrow and (not counts or counts.lower() in _GENERIC) and not lead and (
            TOTAL_SUBJECT.match(ctx.sentence_text) or REFERS_BACK.match(ctx.sentence_text)):
        # "The figure has fallen from a peak of 56,042": what the sentence before counts,
        # the words after its numbers too ("29,437 people arrived": people, not the "small
        # boat" they came by)
        lead = f" , {ctx.previous_text}"
        before = f" , {words_after_numbers(ctx.previous_text)}"
    strong = f"{counts} , {ctx.widened if widen else ctx.clause}{lead}"
    # a place no series covers keeps its paragraph's figures from the series ("Australia
    # takes a different approach. Some 12,000 people arrived by boat"); its officials named
    # around the figure, not in its sentence, give way to the article's places ("American
    # officials have praised the crackdown" in an article on Türkiye's figures)
    geos = geographies(ctx.sentence_text)
    covered = article_geos - {ELSEWHERE, ELSEWHERE_OFFICIALS}
    for level in (() if geos else (geographies(ctx.paragraph_text), geographies(ctx.lead),
                                   article_geos)):
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
    return Texts(ngrams(strong), ngrams(f"{counts} , {ctx.sentence_text}{lead}"), ngrams(near),
                 frozenset(geos), ngrams(f"{counts} , {after}"))
