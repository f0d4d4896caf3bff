"""The words around a figure that make it a change: a base of its own ("32% below 2005
levels"), a fraction that is the size of a change ("fell by a third"), a change by an amount
("cut ... by 20,000")."""

from __future__ import annotations

import re

from newstables.extract.figure_grammar import MULTIPLIER_VERBS
from newstables.lexicon import alternation

# Words that set a change against a base of their own ("32% below 2005 levels", "than in
# 2019"), stated where extraction did not read it; "more than a third" is a hedge.
NAMES_A_BASE = re.compile(r"\b(?:below|above|compared|versus|vs|from|since|levels?)\b"
                           r"|\bthan\b(?!\s+(?:a|an|one|two|three|half|[0-9]|"
                           + alternation(MULTIPLIER_VERBS) + r"))", re.I)  # ("more than halved")


# "fell by a third", "cut by half": a fraction that is the size of a change, not a share of
# what is counted ("a third of arrivals")
# (not "made up about one in ten arrivals": what they were a part of)
CHANGED_BY = re.compile(r"\b(?:by|down|(?<!made\s)(?<!make\s)(?<!makes\s)(?<!making\s)up|fell"
                         r"|rose|dropped|jumped|grew|(?:a|an)\s+(?:fall"
                         r"|rise|drop|increase|decrease|decline)\s+of)\s+(?:(?:more|less)"
                         r"\s+than\s+|almost\s+|nearly\s+|about\s+|around\s+|roughly\s+"
                         r"|over\s+|some\s+|just\s+(?:over|under)\s+)?"
                         r"(?:a|one|two|three|four|half\b)", re.I)  # "by a third", "down a third"
# "cut the number in hotels by 20,000", "a fall of about 10,300" (right before the figure)
BY_AN_AMOUNT = re.compile(
    r"(?:\b(?:cut|cuts|reduced?|reducing|lowered|fell|fallen|falls?|falling|rose|risen|rises?"
    r"|rising|increased?|increasing|decreased?|decreasing|grew|grown|grows?|growing|dropped"
    r"|drops?|climbed|jumped|swelled|shrank|shrunk|up|down)\s+by"
    r"|\b(?:a|an)\s+(?:fall|rise|drop|increase|decrease|decline|reduction|cut|jump)\s+of"
    r"|\b(?:cut|cuts|reduced?|reducing|lowered|increased?|raised|slashed)\b[^.;,:]{1,80}?\s+by)"
    r"\s+(?:(?:about|around|some|roughly|nearly|almost|over|under|more\s+than|fewer\s+than"
    r"|less\s+than|just\s+(?:over|under))\s+)?$", re.I)
# "a quarter more than in 2023", "a third fewer than in 2022": the fraction is the change
MORE_AFTER = re.compile(r"\s+(?:more|fewer|less|higher|lower|larger|smaller|bigger|greater)"
                         r"\s+than\b", re.I)

# What a change can be of that no series counts, whatever other words name: money and prices
NOT_COUNTED = frozenset({"bill", "bills", "cost", "costs", "spending", "price", "prices", "fee",
                         "fees", "fare", "fares", "budget", "budgets", "payments", "payment",
                         "funding", "fines", "wages", "salaries", "rent", "rents"})

# People within the people a series counts, whom no series counts apart unless its words name
# them ("The number of women crossing the Channel doubled")
SUBGROUPS = frozenset({"women", "men", "children", "families", "minors", "girls", "boys",
                       "teenagers", "pensioners", "students", "babies", "adults"})


def names_money(counted: str) -> bool:
    """Does a counted phrase name money or a price, before any preposition in it ("Home Office
    spending on the asylum backlog", "prices for small boat crossings", "the asylum bill")?"""
    for word in re.findall(r"[a-z]+", counted.lower()):
        if word in ("on", "for", "of", "in", "to", "at", "from"):
            return False
        if word in NOT_COUNTED:
            return True
    return False


# Right before a verb of change: "have not halved", "had never doubled", "would be halved",
# "could have doubled", "to have halved"; or a sentence opening "Had ..." (a supposition)
_DENIED_OR_SUPPOSED = re.compile(
    r"(?:\b(?:not|never)|n[’']t|\b(?:would|could|should|might|may|will|shall|must|to))"
    r"(?:\s+(?:have|has|had|be|been|ever|not|yet|already|nearly|almost|more\s+than))*\s+$",
    re.I)
_SUPPOSED = re.compile(r"\W*(?:had|were|should)\s+(?!\w+\s+(?:been\s+)?(?:said|told|"
                       r"announced|reported))", re.I)


def not_stated_as_fact(sentence: str, at: int) -> bool:
    """Is the change at ``at`` (its hedge included) denied, supposed or promised rather than
    stated ("Small boat arrivals have not halved", "Had arrivals halved, ...", "promised that
    the backlog would be halved")?"""
    return bool(_DENIED_OR_SUPPOSED.search(sentence, 0, at)) or bool(_SUPPOSED.match(sentence))
