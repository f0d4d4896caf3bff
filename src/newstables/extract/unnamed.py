"""Someone unnamed a story brings in ("A former Downing Street adviser, who asked not to be
named, defended the approach", "Another man, a Sudanese teacher ..., said that ..."), whom a
later "he said" or an unattributed quote belongs to, with their description as role."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from newstables.lexicon import load_json

# A question put to someone unnamed, then their answer (or reported speech): "Asked whether
# ..., the spokesman replied:", "Asked why ..., the spokesman said he would not ..."
ASKED_UNNAMED = re.compile(r"\W*Asked\b[^.:;“”\"]{0,200},\s+(?P<np>(?:the|a|an)\s+[a-z]"
                           r"[^,.:;“”\"]{0,50}?)\s+(?P<verb>replied|said|answered|responded"
                           r"|insisted|added)\b[^“”\"]*$")
# A sentence that brings in someone unnamed as its subject: "Back on the beach, a fisherman
# mending his nets shook his head", "A volunteer with the charity Utopia 56 said ..."
_BRINGS_IN = re.compile(r"\W*(?:[^,.;:“”\"]{0,40},\s+)??(?:a|an|one|another)\s+"
                        r"(?:[\w'’-]+\s+){0,2}?(?P<head>[a-z][\w'’-]*)\b", re.I)
# ... any noun that is the subject of a speech verb: "A receptionist, who asked not to be
# named, said ...", "At a hotel in Kent, a security guard, who ..., said"
_UNNAMED_SAID = re.compile(r"\W*(?:[^,.;:“”\"]{0,40},\s+)??(?:[Aa]|[Aa]n|[Oo]ne|[Aa]nother)\s+"
                           r"(?:[a-z]+\s+){0,2}?(?P<head>[a-z]+)"
                           r"(?:\s*,[^.;“”\"]{1,80},)?\s+(?:said|says|told|added|explained"
                           r"|insisted|admitted|recalled)\b")
# ... or ends with one as the speaker of what it reports: "..., a spokesperson said."
_SAID_LAST = re.compile(r",\s+(?:a|an|one)\s+(?:[\w'’-]+\s+){0,2}?(?P<head>[a-z][\w'’-]*)\s+"
                        r"(?:said|says|added|told\s+\w+)\W*\s*$", re.I)
# Nouns after 'a' that are no one: 'A number of residents said', 'A report said'
NO_ONE = frozenset({"number", "lot", "couple", "handful", "majority", "minority", "total",
                    "series", "range", "few", "third", "quarter", "half", "fifth", "tenth",
                    "group", "report", "study", "survey"})
ONE_PERSON = {noun: pronoun for pronoun, nouns in load_json("quotes_cues.json")[
    "one_person_nouns"].items() for noun in nouns}


_CLOSED_BEFORE = re.compile(r"[”\"][\s,]*$")


def _sentence_before(text: str, sentence_starts: Sequence[int], at: int) -> int:
    """The index of the sentence whose one before tells who 'he said' at ``at`` is: the one
    the quote that ends right before it opens in, back past sentences that are quotes."""
    closed = _CLOSED_BEFORE.search(text, max(0, at - 12), at)
    opened = max(text.rfind("“", 0, closed.start()), text.rfind('"', 0, closed.start())) if (
        closed) else -1
    k = bisect.bisect_right(sentence_starts, opened if opened >= 0 else at) - 1
    while k >= 2 and text[sentence_starts[k - 1]:sentence_starts[k - 1] + 1] in "“\"‘":
        k -= 1  # '... years. “Nobody asked us. We found out,” she said': before the quote
    return k


def brought_in(text: str, mentions: Sequence[tuple], sentence_starts: Sequence[int], at: int,
                pronoun: str) -> tuple[None, str] | None:
    """(None, that noun) when the sentence just before ``at`` brings in someone unnamed whom
    ``pronoun`` fits, and names no person; else None."""
    k = _sentence_before(text, sentence_starts, at)
    if k < 1:
        return None
    start, end = sentence_starts[k - 1], sentence_starts[k]
    lead = _BRINGS_IN.match(text, start, end) or _SAID_LAST.search(text, start, end)
    if lead is not None and lead.group("head").lower() not in ONE_PERSON:
        said = _UNNAMED_SAID.match(text, start, end)
        lead = said if said is not None and said.group("head") not in NO_ONE else lead
    head = lead.group("head").lower() if lead is not None else ""
    role = head
    if lead is not None and head not in ONE_PERSON and _OPENS_SCENE.match(
            text[start:lead.start("head")]):
        # 'A former Downing Street adviser, who ...': the noun its modifiers lead to (not a
        # spokesman, who speaks for a body; not 'The minister, a former lawyer,': named)
        phrase = _head_after(text, lead.start("head"), end)
        if phrase is not None:
            head, role = phrase.split()[-1].lower(), phrase
    if ONE_PERSON.get(head, "either" if lead is not None and lead.re is _UNNAMED_SAID
                       else None) not in (pronoun, "either"):
        return None
    if any(start <= m[0] < end and m[3] == "person" for m in mentions):
        return None
    return None, role


# Words that open a scene before someone unnamed ('Back on the quay,', 'At the Glasgow Night
# Shelter, a volunteer')
SCENE_WORDS = frozenset("back out outside inside at in on near by from after before during "
                        "while as when later earlier meanwhile there here".split())
# What may come before someone unnamed brought in: nothing, or a scene
_OPENS_SCENE = re.compile(rf"\W*(?:(?:{'|'.join(sorted(SCENE_WORDS))})\b[^,.;:]*,\s*)?"
                          r"(?:a|an|one|another)\s+(?:[\w'’-]+\s+){0,4}$", re.I)
# Where an unnamed speaker's noun phrase ends: a relative clause or a preposition (or a comma)
PHRASE_END = frozenset("who whom whose which that in at on with from of for by near".split())
# Those who speak for a body, not as someone of it
SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman"})


def head_end(text: str, at: int, end: int) -> int | None:
    """Where the words from ``at`` end at the last one naming one person, within the few
    before the noun phrase's end (a comma, a relative pronoun, a preposition): after 'former
    Downing Street adviser'. None when there is none, or it is a spokesperson."""
    found = None
    for m in re.finditer(r"[\w'’-]+|[^\w\s]", text[at:min(end, at + 80)]):
        low = m.group().lower()
        if not low[0].isalnum() or low in PHRASE_END:
            break
        if low in ONE_PERSON:
            found = m
        elif found is not None or m.start() > 60:
            break  # ('A No 10 spokesman said the Prime Minister': the spokesman)
    if found is None or found.group().lower() in SPOKES:
        return None
    return at + found.end()


def _head_after(text: str, at: int, end: int) -> str | None:
    """The words ``head_end`` finds: 'former Downing Street adviser'."""
    stop = head_end(text, at, end)
    return " ".join(text[at:stop].split()) if stop is not None else None


def unnamed_lead(text: str, mentions: Sequence[tuple], sentence_starts: Sequence[int],
                 open_: int, para_start: int) -> str | None:
    """The description of someone unnamed whom the sentence right before a quote's opening
    mark (in its paragraph) has speak ('Another man, a Sudanese teacher who did not want to
    give his name, said through the interpreter that ... “...”'): 'Sudanese teacher'; None
    when that sentence is no such lead-in or names a person."""
    k = bisect.bisect_right(sentence_starts, open_) - 1
    if k < 1 or sentence_starts[k] != open_ and text[sentence_starts[k]:open_].strip():
        return None  # the quote does not open its sentence
    start, end = sentence_starts[k - 1], sentence_starts[k]
    said = _UNNAMED_SAID.match(text, start, end)
    if start < para_start or said is None or said.group("head") in NO_ONE or any(
            start <= m[0] < end and m[3] == "person" for m in mentions):
        return None
    inner = _APPOSED_ONE.match(text, said.end("head"), end)  # 'Another man, a ... teacher'
    described = _head_after(text, inner.end(), end) if inner else None
    return described or _head_after(text, said.start("head"), end) or said.group("head")


_APPOSED_ONE = re.compile(r",\s+(?:a|an)\s+")


# "Back on the quay at Dover, the officer watched ...": someone already brought in, by their noun
_THE_ONE = re.compile(r"\W*(?:[^,.;:“”\"]{0,40},\s+)??the\s+(?:[a-z'’-]+\s+){0,2}?"
                      r"(?P<head>[a-z]+)\b")


def referred_back(text: str, spoken: Sequence[tuple], sentence_starts: Sequence[int], at: int,
                  pronoun: str) -> tuple[None, str] | None:
    """(None, their role) when the sentence just before ``at`` has as its subject 'the
    <noun>' that is the last word of the role of someone unnamed quoted before (``spoken``:
    (offset, speaker, role, pronoun) in text order); else None."""
    k = _sentence_before(text, sentence_starts, at)
    if k < 1:
        return None
    start, end = sentence_starts[k - 1], sentence_starts[k]
    the = _THE_ONE.match(text, start, end)
    head = the.group("head") if the else ""
    if head not in ONE_PERSON or ONE_PERSON[head] not in (pronoun, "either"):
        return None
    for offset, speaker, role, _ in reversed(spoken):
        if offset < start and speaker is None and role and role.split()[-1].lower() == head:
            return None, role
    return None
