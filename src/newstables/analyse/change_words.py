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
