"""Speech written without quote marks.

In a transcript of questions ('Q: ...', 'HAW: ...') and answers ('Yerlikaya: In 2023 our
security forces ...'; 'A: ...', the one person named before the first question), or of a
debate in Hansard's form, each answer is a direct quote of the person its turn names ('PRIYA
NAIR:' after 'The host, Priya Nair,'; 'Mr Speaker:', the Speaker), and goes on over the
paragraphs without a label up to the next turn; a turn that quotes someone keeps its own
sentences before the quote. An article is a transcript when it asks a question
with 'Q:' or 'Question:', or when four paragraphs or more open with the labels of two voices
or more; a turn counts only when it names a person the article names (before it or in its
label), or a role ('MINISTER:', 'PRESENTER:': the one person named before with that word in
their role, else someone unnamed with the label as role), so labels such as 'Note:' are not
quotes.

In an interview written as questions and answers with no labels, the interviewer's
paragraphs (a question, or words put to 'you') and the answers in the first person take
turns; each answer is a direct quote of the one person the introduction names.

In a press release, a paragraph that is only 'Home Secretary Suella Braverman said:' is
followed by that person's statement, paragraph by paragraph, without quote marks.
"""

from __future__ import annotations

import re

from newstables.extract.actor_tokens import _ROLE_HEADS
from newstables.extract.article import Article
from newstables.extract.quote_marks import _Group, _Seg

_ENDS = frozenset('.!?"”’…')
# the one who asks in a broadcast, and how an introduction names them
_HOSTS = frozenset({"presenter", "host", "interviewer", "anchor", "moderator"})
# Role words a transcript labels turns with ('PRESENTER:', 'MINISTER:'): the titles and
# descriptions the actors' lexicon knows, and the roles of a broadcast
_TURN_ROLES = _ROLE_HEADS | _HOSTS | frozenset({"caller", "guest", "panellist"})
_HOSTING_AFTER = re.compile(r"\s+(?:is\s+joined\s+by|talks\s+to|speaks\s+to|interviews)\b")
_HOSTED_BY = re.compile(r"\b(?:presented|hosted)\s+by\s+$")
_QUESTION = re.compile(r"(?:Q|Question)\s*[:.]\s")
# 'Yerlikaya:', 'Ali Yerlikaya:', 'Mr Moreton:', 'YERLIKAYA:'; a committee's question number
# ('Q123 Chair:'); in Hansard, a question's
# number, the member's seat and party ('1. Alistair Carmichael (Orkney and Shetland) (LD):')
# or an office and its holder ('The Minister for Immigration (Robert Jenrick):')
_WORD = r"[A-Z][\w'’.-]*"
_TURN = re.compile(
    rf"(?:\d{{1,3}}\.\s+|Q\d{{1,4}}\s+)?"
    # (not a name in capitals and its body, 'MOIRA DUNN (CHANNEL RESCUE):')
    rf"(?:(?P<office>(?![A-Z][A-Z'’.-]*(?:\s+[A-Z][A-Z'’.-]*)*\s+\()(?:The\s+)?{_WORD}"
    rf"(?:\s+(?:of|for|the|and|{_WORD}))*?)"
    rf"\s+\((?P<holder>{_WORD}(?:\s+{_WORD}){{1,3}})\)"
    rf"|(?P<name>(?:{_WORD}\s+){{0,2}}{_WORD})(?:\s+\((?P<aside>[^()\n]{{2,60}})\))?"
    rf"(?:\s+\([A-Za-z/ ]{{2,12}}\))?)\s*:\s+(?=\S)")


def interview_turns(article: Article, people: list[tuple[int, int, str, str, str | None]],
                    quoted: list[tuple[int, int]]) -> list[_Group]:
    """The answers of an interview transcript as quote groups. ``people``: the article's
    mentions (start, end, actor, kind, role); ``quoted``: spans already in quote marks (an
    answer holding one is left to those marks)."""
    paragraphs = article.paragraphs
    labels = [t["holder"] or t["name"] for p in paragraphs if (t := _TURN.match(p.text))]
    if not any(_QUESTION.match(p.text) for p in paragraphs) and (
            len(labels) < 4 or len(set(labels)) < 2):
        return []  # no transcript: no 'Q:' and no two voices taking turns
    groups = []
    offices: dict[str, str] = {}  # a Hansard member's office, from the turn that gave it
    interviewee = _interviewee(paragraphs, people)
    last: _Group | None = None  # the turn that paragraphs without a label may go on
    pending: list[_Seg] = []  # such paragraphs, kept once another turn follows them
    for para in paragraphs:
        turn = _TURN.match(para.text)
        if turn is None and last is not None:
            text = para.text.rstrip()
            if text and text[-1] in _ENDS and not any(c in text for c in '“”"[]') and not any(
                    para.start <= s < para.start + len(text) for s, _ in quoted) and not (
                    last.speaker and re.search(rf"\b{re.escape(last.speaker.split()[-1])}\b",
                                               text)):  # not 'Yerlikaya paused and ...'
                pending.append(_Seg(para, para.start, None, para.start, para.start + len(text)))
            else:
                last, pending = None, []
            continue
        if last is not None and pending:
            last.segs.extend(pending)  # 'The Minister (X): ...' and his statement's next
            # paragraphs, up to the next turn
        last, pending = None, []
        if turn is None or _QUESTION.match(para.text):
            continue
        label = turn["holder"] or turn["name"]
        who = (interviewee if label in ("A", "Answer") else None) or _named_before(
            label, para.start, para.start + turn.end(), people) or _by_role(
            label, para.start, people, article.text)
        if who is not None and turn["office"]:
            offices[who[0]] = " ".join(turn["office"].split()).removeprefix("The ")
        if who is not None and who[0] in offices:
            who = who[0], offices[who[0]]
        elif who is not None and who[1] is None and turn["aside"] and label.isupper():
            # a broadcast transcript's 'LUCY HART (REPORTER, PORTLAND):', 'MOIRA DUNN (CHANNEL
            # RESCUE):' (not a member's seat in Hansard: '(Orkney and Shetland)')
            who = who[0], turn["aside"].strip().title()
        start, end = para.start + turn.end(), para.start + len(para.text.rstrip())
        if who is None or start >= end or para.text.rstrip()[-1:] not in _ENDS:
            continue  # a headline ('Sunak: Stop the boats pledge tops list') ends unstopped
        inner = min((s for s, e in quoted if start <= s < end), default=None)
        if inner is not None:
            # a turn that quotes someone: its own words up to the last sentence it ends
            # before the quote ("It did. Frontex counted ... One survivor told me, “...”")
            stops = [t.end for t in article.sentences if start < t.end <= inner]
            if not stops:
                continue
            end = stops[-1]
        if any(start < e and s < end for s, e in quoted):
            continue
        seg = _Seg(para, start, None, start, end)
        last = _Group([seg], speaker=who[0], role=who[1], kind="direct", attributed=True,
                      adjacent=True)
        groups.append(last)
    return groups


# the one who asks, not the one interviewed
_ASKS = re.compile(r"\b(?:" + "|".join(sorted(_HOSTS | {"reporter", "correspondent",
                                                      "journalist", "editor", "writer"}))
                   + r")\b", re.I)
_ADDRESSED = re.compile(r"^(?:Mr|Madam|Mrs|Ms)\.?\s+(?:Deputy\s+)?")


def _by_role(label: str, at: int, people: list[tuple[int, int, str, str, str | None]],
             text: str) -> tuple[str | None, str | None] | None:
    """Who a turn labelled by a role speaks as ('MINISTER:', 'Presenter:'): the one person
    named before it whose role has that word ("Dame Angela Eagle, the Minister for Border
    Security and Asylum"); for the one who asks, the one person the introduction says is
    joined by the guests or talks to them ("Sarah Whitcombe is joined by"); else someone
    unnamed with the label as role ('presenter'). None for a label that names no role
    ('NOTE:')."""
    word = _ADDRESSED.sub("", label).lower()  # 'Mr Speaker:', 'Madam Deputy Speaker:'
    if " " in word or word not in _TURN_ROLES:
        return None
    held = {p[2]: p[4] for p in people
            if p[0] < at and p[3] == "person" and p[4] and word in p[4].lower().split()}
    if not held:  # 'Members present: Dame Karen Bradley (Chair); ...'
        bracketed = re.compile(rf"\s*(?:[A-Z]{{2,4}}\s*)?\(\s*{re.escape(label)}\s*\)", re.I)
        held = {p[2]: label for p in people
                if p[0] < at and p[3] == "person" and bracketed.match(text, p[1])}
    if not held and word in _HOSTS:
        held = {p[2]: word for p in people if p[0] < at and p[3] == "person" and (
            _HOSTING_AFTER.match(text, p[1]) or _HOSTED_BY.search(text, max(0, p[0] - 20), p[0]))}
    if len(held) == 1:
        return next(iter(held.items()))
    return None, word


def _named_before(label: str, turn: int, at: int,
                  people: list[tuple[int, int, str, str, str | None]]
                  ) -> tuple[str, str | None] | None:
    """The person a turn's label names ('Yerlikaya' -> Ali Yerlikaya), mentioned before
    ``at`` (the label's end); or a full name the label gives again that the text wrote before
    the turn (at ``turn``), whatever kind of actor the name alone made ('PRIYA NAIR:' after
    'The host, Priya Nair,'; not a heading's own words, 'BOATS LATEST:')."""
    last = label.split()[-1].lower()
    for start, _, actor, kind, role in reversed(people):
        if start < at and kind == "person" and actor.split()[-1].lower() == last:
            return actor, role
    for start, _, actor, _, role in people:  # as the text first writes it, not in capitals
        if start < turn and " " in label and actor.lower() == label.lower() and (
                not actor.isupper()):
            return actor, role
    return None


def _interviewee(paragraphs: list, people: list[tuple[int, int, str, str, str | None]]
                 ) -> tuple[str, str | None] | None:
    """Whose words an interview's 'A:' turns are: the one person named before its first
    'Q:' (the headline and the introduction); None when no one or several are."""
    first = next((p.start for p in paragraphs if _QUESTION.match(p.text)), None)
    named = {p[2]: p[4] for p in people if first is not None and p[0] < first
             and p[3] == "person" and not _ASKS.search(p[4] or "")}  # not 'Our reporter X
    return next(iter(named.items())) if len(named) == 1 else None


# 'Home Secretary Suella Braverman said:' alone in its paragraph
_SAID_COLON = re.compile(r"(?P<who>[^\n:“”\"]{3,120}?)\s+(?:said|added|says|commented)\s*:\s*$")
# what ends a statement: notes, a sign-off or a heading
_NOT_STATEMENT = re.compile(r"(?:notes?\s+to\s+editors|ends\b|background\b|further\s+information"
                            r"|contact\b|media\s+enquiries)", re.I)
_MOST_PARAGRAPHS = 6
# a statement speaks in the first person; a short closing line may not ("This is another
# important step")
_FIRST_PERSON = re.compile(r"\b(?:I|I['’]m|[Ww]e|[Ww]e['’](?:re|ve)|[Oo]ur|us|[Mm]y|me)\b")
_SHORT = 120


def statement_blocks(article: Article, people: list[tuple[int, int, str, str, str | None]],
                     quoted: list[tuple[int, int]]) -> list[_Group]:
    """A press release's statements: the paragraphs after one that is only 'X said:', up
    to the next such paragraph, a heading, a note to editors or one in quote marks, as a
    direct quote of the person (or body) X names."""
    paragraphs = article.paragraphs
    groups = []
    for k, para in enumerate(paragraphs):
        lead = _SAID_COLON.fullmatch(para.text.strip())
        if lead is None:
            continue
        end = para.start + len(para.text)
        named = [p for p in people if para.start <= p[0] < end and p[3] in ("person", "org")]
        if not named:
            continue
        who = next((p for p in reversed(named) if p[3] == "person"), named[-1])
        segs = []
        for block in paragraphs[k + 1 : k + 1 + _MOST_PARAGRAPHS]:
            text = block.text.rstrip()
            if (not text or text[-1] not in _ENDS or _SAID_COLON.fullmatch(text.strip())
                    or _NOT_STATEMENT.match(text) or any(c in text for c in '“”"')
                    or any(block.start <= s < block.start + len(text) for s, _ in quoted)):
                break
            if segs and not _FIRST_PERSON.search(text) and len(text) > _SHORT:
                break  # the release's own account again ("Türkiye's own efforts are ...")
            segs.append(_Seg(block, block.start, None, block.start, block.start + len(text)))
        if segs:
            groups.append(_Group(segs, speaker=who[2], role=who[4], kind="direct",
                                 cue=lead.group().split()[-1].rstrip(":").lower(),
                                 attributed=True, adjacent=True))
    return groups


_SECOND_PERSON = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ou['’](?:re|ve))\b")
# an introduction that says someone was asked ('our home affairs editor asked her whether')
_INTERVIEWED = re.compile(r"\b(?:ask(?:ed|s)?|interview(?:ed|s)?|spoke\s+to|speaks\s+to"
                          r"|talk(?:ed|s)?\s+to|sat\s+down\s+with|in\s+conversation\s+with)\b",
                          re.I)
_LEAST_TURNS = 3  # question-and-answer pairs in a row that make an article an interview


def unlabelled_answers(article: Article, people: list[tuple[int, int, str, str, str | None]],
                       quoted: list[tuple[int, int]]) -> list[_Group]:
    """The answers of an interview with no labels, as quotes of its one interviewee.

    An answer speaks in the first person and asks nothing; the interviewer's paragraph
    before it asks, puts words to 'you', or states what the answer takes up. The answers
    count when at least three pairs follow one another, three of the interviewer's
    paragraphs ask or address 'you' and two address 'you', and the text before the first
    pair says someone was asked or interviewed and names one person."""
    paragraphs = [p for p in article.paragraphs if p.text.strip()]
    kinds = [_turn_kind(p.text.strip()) for p in paragraphs]
    runs: list[list[int]] = []  # indices of the answers of each run of pairs
    k = 0
    while k + 1 < len(paragraphs):
        if kinds[k] != "answer" and kinds[k + 1] == "answer":
            if not runs or runs[-1][-1] != k - 1:
                if kinds[k] != "question":
                    k += 1
                    continue  # a run opens with a question ('our editor asked her': no turn)
                runs.append([])
            runs[-1].append(k + 1)
            k += 2
        else:
            k += 1
    groups = []
    for answers in runs:
        asked = [paragraphs[a - 1].text for a in answers]
        if len(answers) < _LEAST_TURNS or sum(
                kinds[a - 1] == "question" for a in answers) < _LEAST_TURNS or sum(
                bool(_SECOND_PERSON.search(q)) for q in asked) < 2:
            continue
        first_question = paragraphs[answers[0] - 1].start
        if not _INTERVIEWED.search(article.text, 0, first_question):
            continue  # no introduction says someone was asked: a column's own questions
        named = {p[2]: p for p in people if p[0] < first_question and p[3] == "person"}
        if len(named) != 1:
            continue  # no one, or several: whose answers they are is not written
        who = next(iter(named.values()))
        for a in answers:
            para = paragraphs[a]
            start, end = para.start, para.start + len(para.text.rstrip())
            if any(start < e and s < end for s, e in quoted):
                continue  # an answer holding quote marks is left to them
            groups.append(_Group([_Seg(para, start, None, start, end)], speaker=who[2],
                                 role=who[4], kind="direct", attributed=True, adjacent=True))
    return groups


def _turn_kind(text: str) -> str | None:
    """'answer' for a reply in the first person that asks nothing and holds no quote marks;
    'question' for a paragraph that asks or puts words to 'you' with no 'I' or 'we'; else
    None (an interviewer's prompt may also be a plain statement between two answers)."""
    first = _FIRST_PERSON.search(text) is not None
    if first and text[-1:] in _ENDS and not text.endswith("?") and not any(
            c in text for c in '“”"'):
        return "answer"
    if not first and ("?" in text or _SECOND_PERSON.search(text)):
        return "question"
    return None
