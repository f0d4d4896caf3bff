"""Interview answers written without quote marks: in a transcript of questions ('Q: ...',
'HAW: ...') and answers ('Yerlikaya: In 2023 our security forces ...'), each answer is a
direct quote of the person its turn names. An article is a transcript when it asks a question
with 'Q:' or 'Question:', or when four paragraphs or more open with the labels of two voices
or more; a turn counts only when it names a person the article names before it, so the
interviewer's turns and labels such as 'Note:' are not quotes.
"""

from __future__ import annotations

import re

from newstables.extract.article import Article
from newstables.extract.quote_marks import _Group, _Seg

_ENDS = frozenset('.!?"”’…')
_QUESTION = re.compile(r"(?:Q|Question)\s*[:.]\s")
# 'Yerlikaya:', 'Ali Yerlikaya:', 'Mr Moreton:', 'YERLIKAYA:'
_TURN = re.compile(r"((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]+)\s*:\s+(?=\S)")


def interview_turns(article: Article, people: list[tuple[int, int, str, str, str | None]],
                    quoted: list[tuple[int, int]]) -> list[_Group]:
    """The answers of an interview transcript as quote groups. ``people``: the article's
    mentions (start, end, actor, kind, role); ``quoted``: spans already in quote marks (an
    answer holding one is left to those marks)."""
    paragraphs = article.paragraphs
    labels = [t.group(1) for p in paragraphs if (t := _TURN.match(p.text))]
    if not any(_QUESTION.match(p.text) for p in paragraphs) and (
            len(labels) < 4 or len(set(labels)) < 2):
        return []  # no transcript: no 'Q:' and no two voices taking turns
    groups = []
    for para in paragraphs:
        turn = _TURN.match(para.text)
        if turn is None or _QUESTION.match(para.text):
            continue
        who = _named_before(turn.group(1), para.start, people)
        start, end = para.start + turn.end(), para.start + len(para.text.rstrip())
        if who is None or start >= end or any(start < e and s < end for s, e in quoted) or (
                para.text.rstrip()[-1:] not in _ENDS):
            continue  # a headline ('Sunak: Stop the boats pledge tops list') ends unstopped
        seg = _Seg(para, start, None, start, end)
        groups.append(_Group([seg], speaker=who[0], role=who[1], kind="direct",
                             attributed=True, adjacent=True))
    return groups


def _named_before(label: str, at: int, people: list[tuple[int, int, str, str, str | None]]
                  ) -> tuple[str, str | None] | None:
    """The person a turn's label names ('Yerlikaya' -> Ali Yerlikaya), mentioned before it."""
    last = label.split()[-1].lower()
    for start, _, actor, kind, role in reversed(people):
        if start < at and kind == "person" and actor.split()[-1].lower() == last:
            return actor, role
    return None
