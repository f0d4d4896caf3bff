"""Quotes: every quoted segment, its speaker and attribution cue, by rules and a cue lexicon.

Rules (lexicon: ``lexicons/quotes_cues.json``):
- Quote marks: curly “ ” ‘ ’, straight " and ', „ « ». A mark between two letters or digits
  is an apostrophe (I’ve, don't); 'em, 'til, '90s are elisions; a single mark after a plural
  s, before a lower-case word, with a later closer in the paragraph is a possessive (the
  boats' engines). Marks of the other style inside a quote are nested and ignored.
- Paragraphs: a quote never runs past its paragraph, except that a paragraph which opens a
  quote without closing it continues into the next paragraph when that one opens with a
  quote mark (those rows have ``continued=True``; ``paragraphs`` is e.g. "5-6"). Any other
  unclosed quote ends at its paragraph's end if it opens the paragraph or follows a colon or
  comma and has three words or more; otherwise the stray mark is ignored.
- Span: ``start``/``end`` cover the quoted words without the marks (and without a trailing
  comma, semicolon or colon): ``text == article.text[start:end]``.
- Not quotes (names and labels), unless a cue is right next to the span:
  * after a naming word (so-called, dubbed, called, named, titled, billed as...), up to 8 words;
  * in Title Case, up to 8 words ("the “Stop the Boats” week", CNN's “State of the Union”);
  * a determiner or possessive right before and a lower-case noun right after, up to 12
    words (the Home Office's “Irregular migration to the UK...” release);
  * up to 4 words, when the sentence gives no speaker: right after a label word (a, the, its,
    new...), or a few words after a determiner with no cue verb or verb-like word between
    ("a new regional “coordination hub”"; but "called the site “a disgrace”" and
    "X said the scheme was a “gimmick”" are quotes);
  * one or two words that modify the next word, with no speaker ("“safe” countries").
- Kind: ``direct`` when the quote opens its clause (nothing before it in the sentence, or
  after a colon, a dash, a sentence end, or "X said," + upper-case start), or starts upper-case
  right after a cue; ``partial`` when it is a fragment inside narration. Continuations and the
  second half of a split quote (“...,” she said, “...”) join the first half's group and share
  its speaker, role, kind and cue.
- Speaker: right after the quote (“...,” X said / said X / according to X), else in the
  lead-in before it (X said: “...” / X told Y: “...” / X, who..., said:; a coordinated "X said
  ... but warned: “...”" takes the sentence's first actor); for a partial quote a cue verb
  earlier in its sentence (X vowed to “...”). The speaker is the actor mentioned there (person
  > organisation; a country speaks only as the whole noun phrase, "Greece said" or "said the
  UK", for its government; other places and mentions inside quotes never speak),
  or a pronoun (he/she -> the last person mentioned before it; it -> the last organisation),
  or a generic phrase: "the ministry" -> the last organisation with that word, "the group" ->
  the last organisation, "the minister" -> the last person whose role says minister, "a Home
  Office spokesperson" -> Home Office (role spokesperson), "a source close to X" -> that
  phrase, "the 60-year-old" -> the one person named with that age ("Tom Jones, 60,").
  "Name: “...”" (headline style) names its speaker. A direct quote with no
  attribution takes the speaker of a quote in the same or previous paragraph, or of a
  previous paragraph ending "X said:"; one with its own cue right after it and a speaker
  phrase no rule resolves ("“...,” said the charity's head of policy") is someone unnamed's,
  with that cue, and so are the unattributed quotes after it; an unnamed voice's question or
  interjection ("“Will you?” a reporter asked") hands on its speaker only within its own
  paragraph, so the answer in the next is the last voice's. "said the minister for border
  security, Angela Eagle" is the name in apposition; "a friend of the victim, Tom Jones" is
  not. A title owned by a body ("Care4Calais's chief executive") speaks for that body, one
  owned by a country ("France's interior minister") is that country's holder of the title.
  Names and roles come from the actors table.
- Speaker from the text's own words (``speakers.py``): where the article names the speaker
  in a phrase the actors table does not hold as a mention, or gives a transcript turn
  ("WALLACE: ..."), the name read there wins: right after the quote ("“...,” said MSNBC host
  Jane Doe", "“...,” Rep. X (D-N.Y.), head of ..., said"), then the subject of the lead-in's
  first speech verb, then the sentence before. A phrase that names nobody ("a source close
  to X", "X and Y announced") leaves the quote unattributed. A title read as the speaker
  ("Home Secretary vows to “...”") becomes the one person the article gives that role.
- Ids: every segment of one quote (continued over paragraphs, or split by its attribution)
  has the quote's ``quote`` id and its own ``segment`` number (1, 2, ...).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import pandas as pd

from newstables.extract.actor_tokens import SAID_BY_LABEL
from newstables.extract.actors import Mentioned, read_mentioned
from newstables.extract.article import Article
from newstables.extract.interview import interview_turns, statement_blocks, unlabelled_answers
from newstables.extract.quote_labels import CUE as _CUE
from newstables.extract.quote_labels import CUE_RE as _CUE_RE
from newstables.extract.quote_labels import SENTENCE_END as _SENTENCE_END
from newstables.extract.quote_labels import direct_start as _direct_start
from newstables.extract.quote_labels import is_label as _is_label
from newstables.extract.quote_labels import scare_quote as _scare_quote
from newstables.extract.quote_marks import (
    _Group,
    _keep_unclosed,
    _Seg,
    _segments,
    _trim,
)
from newstables.extract.quote_phrases import (
    _ADVERB_SET,
    _NP_STOP,
    _ONE_PERSON,
    SPOKES,
    _Actors,
    _pick,
    _resolve_np,
    _subject_head,
    _words,
)
from newstables.extract.speakers import Speakers, is_bare_title, is_listener_verb, is_title
from newstables.extract.unnamed import ASKED_UNNAMED, unnamed_lead
from newstables.schema import frame

_PUNCT = r"\s,;:–—-"
# “...,” said X (the inverted order; “...,” X said is found by a cue search)
_AFTER_INVERTED = re.compile(rf"[{_PUNCT}]*(?P<cue>{_CUE})\b[\s,]*", re.IGNORECASE)
_LEAD_PUNCT = re.compile(rf"[{_PUNCT}]*")
# A full stop that is not an abbreviation's (Mr. Biden, U.S.) or an initial's (J. Smith).
_FULL_STOP = (
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bProf)(?<!\bGen)(?<!\bSen)"
    r"(?<!\bRep)(?<!\bGov)(?<!\bJr)(?<!\bSr)(?<![A-Z])\."
)
_NP_BREAK = re.compile(rf"[;:!?“”\"]|{_FULL_STOP}")
_CLAUSE_END = re.compile(rf"[,;:!?“”\"(]|{_FULL_STOP}")
_SPEAKER_KINDS = ("person", "org")  # places never speak; a person before an organisation
_REACH = 400  # characters before a quote searched for its attribution


# What may follow a name in apposition that ends its clause ('said the minister, Jane Doe.')
# Between a title and its holder's name in apposition: nothing, or a style of address
# ('the Bishop of Dover, the Right Reverend Rose Hudson-Wilkin')
_STYLE_ONLY = re.compile(r"\s*(?:the\s+)?(?:(?:Right|Rt\.?|Most|Very)\s+)?"
                         r"(?:Rev(?:erend|d)?\.?|Hon(?:ourable|\.)?|Dr\.?|Professor|Prof\.?)?\s*")
_APPOSED_END = re.compile(r"\s*(?:[,.;:!?)”\"]|$)")
# Cues of a question or an interjection: its unnamed speaker hands no words on to the quote
# after it (the answer: '“Will you deport them?” a reporter asked. “We will.”')
_ASKING = frozenset("asked asks ask shouted shouts yelled heckled interrupted interjected "
                    "called chanted".split())


# --- attribution -----------------------------------------------------------------------------


@dataclass
class _Attribution:
    speaker: str | None
    role: str | None
    cue: str | None
    adjacent: bool  # right next to the quote ('X said: “', '“...,” X said')


def _cue_text(m: re.Match[str]) -> str:
    return " ".join(m.group("cue").lower().split())


def _after(text: str, pos: int, limit: int, actors: _Actors) -> _Attribution | None:
    """Attribution right after a closing mark: '“...,” said X' or '“...,” X said'."""
    kinds = _SPEAKER_KINDS
    m = _AFTER_INVERTED.match(text, pos, limit)
    if m is not None:
        stop = _clause_end(text, m.end(), limit)
        who = _resolve_np(text, m.end(), stop, actors, kinds, last=False)
        phrase = [w[2] for w in _words(text, m.end(), stop)]
        # "said the immigration minister, X", "said the Home Secretary, X": a title
        described = who is None and (all(w.islower() for w in phrase) or is_bare_title(
            " ".join(w for w in phrase if w.lower() != "the")))
        if (described or who is not None and who[0] is None and who[1]) and (
                text[stop : stop + 1] == ",") and _titled(phrase):
            # 'said the home secretary, Yvette Cooper': the name in apposition, when it ends
            # the clause; not 'a friend of the victim, Tom Jones' nor 'the official, Cooper's
            # adviser'
            named = [r for r in actors.within(stop, limit) if r[3] == "person"]
            if named and _STYLE_ONLY.fullmatch(text, stop + 1, named[0][0]) and (
                    _APPOSED_END.match(text, named[0][1], limit)):
                who = named[0][2], named[0][4] or (who[1] if who else None)
        if who is not None:
            return _Attribution(who[0], who[1], _cue_text(m), True)
    # '“...,” X said': the first cue within a few words, with only a name phrase before it
    np_start = _LEAD_PUNCT.match(text, pos, limit).end()
    cue = _CUE_RE.search(text, np_start, min(limit, np_start + 100))
    if cue is None or cue.start() == np_start:
        return None
    if _NP_BREAK.search(text, np_start, cue.start()) or text.count(" ", np_start,
                                                                    cue.start()) > 12:
        return None
    if text[pos - 2 : pos - 1] in (".", "!", "?") and _REPORTS_MORE.match(text, cue.end()):
        return None  # '“... the asylum system.” The shadow home secretary said the figures
        # were ...': a new sentence's own reported speech, not this quote's attribution
    who = _resolve_np(text, np_start, cue.start(), actors, kinds, last=True)
    if who is not None:
        return _Attribution(who[0], who[1], " ".join(cue.group().lower().split()), True)
    return None


# What a speech verb reports when it is no quote's attribution: 'said that', 'said the figures'
_REPORTS_MORE = re.compile(r"\s+(?:that|the|a|an|it|he|she|they|we|there|this|these|those|his"
                           r"|her|their|its|[“\"‘])(?=\W)", re.I)


def _titled(phrase: list[str]) -> bool:
    """Is ``phrase`` a title a name in apposition can hold: 'the then home secretary', 'the
    minister for crime and policing', 'the chief executive of the Refugee Council'; not 'a
    friend of the victim', 'a spokesperson for the minister', 'allies of'."""
    cut = next((i for i, w in enumerate(phrase) if i and w in ("of", "for")), len(phrase))
    if not _NP_STOP.isdisjoint(w for w in phrase[1:cut] if w != "then"):
        return False
    after = phrase[cut + 1 :]
    return cut == len(phrase) or bool(after) and all(
        w not in _NP_STOP or w == "and" or w in ("the", "a", "an") and i + 1 < len(after)
        and after[i + 1][:1].isupper() for i, w in enumerate(after))


def _unresolved_after(text: str, close: int, limit: int) -> _Attribution | None:
    """'“...,” said the charity's head of policy', '“...,” one MP said', '“...,” his wife
    added': a cue right after a quote that ends its clause, with a speaker phrase no rule
    resolves that brings in someone new (a determiner such as 'a', 'one' or 'his', or a
    possessive), the words after which are the role. The quote is that unnamed speaker's,
    not the last one's. 'the 60-year-old said' refers back to someone named, and '“...,” while 73
    percent said' or '“...?” Her opponents say' is another clause or sentence."""
    if text[close - 1] in "!?" and text[close + 1 : close + 2] != ",":
        after = _LEAD_PUNCT.match(text, close + 1, limit).end()
        if not text[after : after + 1].islower():
            return None  # '“Why now?” Her opponents say ...': the next sentence
    elif text[close - 1] != "," and text[close + 1 : close + 2] != ",":
        return None
    pos = close + 1
    m = _AFTER_INVERTED.match(text, pos, limit)
    if m is not None:
        words = _words(text, m.end(), _clause_end(text, m.end(), limit))
        cue = _cue_text(m)
    else:
        np_start = _LEAD_PUNCT.match(text, pos, limit).end()
        found = _CUE_RE.search(text, np_start, min(limit, np_start + 60))
        if found is None or found.start() == np_start or _CLAUSE_END.search(
                text, np_start, found.start()):
            return None
        words = _words(text, np_start, found.start())
        if len(words) > 6 or not _SUBJECT_WORDS.isdisjoint(w[2].lower() for w in words):
            return None
        cue = " ".join(found.group().lower().split())
    lows = [w[2].lower() for w in words]
    owner = next((i for i, w in enumerate(lows[:3]) if w.endswith(("'s", "’s"))), None)
    if not lows or (lows[0] not in _NEW_SPEAKER and owner is None):
        return None
    # the role: the words after the determiner or possessive ('head of policy', 'wife')
    first = 1 if lows[0] in _NEW_SPEAKER else owner + 1
    last = next((i for i in range(first + 1, len(lows)) if lows[i] in _PLACE_WORDS), len(lows))
    while last > first and (lows[last - 1] in _ADVERB_SET or lows[last - 1].endswith("ly")
                            or lows[last - 1] in ("often", "always", "never")):
        last -= 1  # 'my father often said'
    role = text[words[first][0] : words[last - 1][1]] if (
        first < last and lows[first] not in _NP_STOP) else None  # not 'of them' ('one of them')
    return _Attribution(None, role, cue, True)


# Words that make the words before a cue another clause, not a speaker phrase.
_SUBJECT_WORDS = frozenset(
    "who whom whose which that while when as because although though if since after before "
    "and but or".split())
# Words that end an unnamed speaker's role: where they stood ('a protester outside Downing
# Street') or a relative clause ('an asylum seeker who arrived last year')
_PLACE_WORDS = frozenset("outside inside in at on near from by with behind who whose that "
                         "which".split())
# Determiners that bring in a speaker not named before ('one MP', 'his wife').
_NEW_SPEAKER = frozenset("a an one another some several two three his her their its my our "
                         "your".split())


def _clause_end(text: str, pos: int, limit: int) -> int:
    m = _CLAUSE_END.search(text, pos, limit)
    return m.start() if m else limit


def _before(text: str, start: int, end: int, actors: _Actors, sentence: int | None = None
            ) -> _Attribution | None:
    """Attribution in the lead-in text[start:end]: 'X said: “' / 'X vowed to “'."""
    asked = ASKED_UNNAMED.match(text, start if sentence is None else min(sentence, start), end)
    if asked is not None:  # 'Asked whether ... the Home Secretary, Suella Braverman, the
        # spokesman replied: “Yes.”': the subject after the question, not a name inside it
        who = _resolve_np(text, asked.start("np"), asked.end("np"), actors, _SPEAKER_KINDS,
                          last=True)
        if who is not None:
            return _Attribution(who[0], who[1], asked.group("verb").lower(), True)
    cues = list(_CUE_RE.finditer(text, start, end))
    if not cues:
        given = _STATEMENT_LEAD.search(text, start, end)
        if given is not None:  # 'A Home Office spokesperson has given us this statement:'
            who = _resolve_np(text, given.start("np"), given.end("np"), actors,
                              _SPEAKER_KINDS, last=True)
            if who is not None:
                return _Attribution(who[0], who[1], given.group("verb").lower(), True)
        lead = _UNNAMED_LEAD.search(text, start, end)
        if lead is not None and not _NAME_WORDS.isdisjoint(lead.group("np").lower().split()):
            # 'A Labour MP in a Red Wall seat was blunter: “...”': that unnamed speaker
            return _Attribution(None, " ".join(lead.group("np").split()), None, True)
        return None
    sentence = start if sentence is None else min(sentence, start)
    kinds = _SPEAKER_KINDS
    for cue in reversed(cues):
        clause = _clause_start(text, start, cue.start())
        who = _resolve_np(text, clause, cue.start(), actors, kinds, last=True)
        # 'The minister, a former lawyer, said': the subject, not the apposition, when the
        # words before the cue name no one
        head = _subject_head(text, clause, cue.start(), actors, kinds)
        body = who is not None and who[0] is not None and (
            (actors.mention_of(who[0]) or (0, 0, "", ""))[3] in ("org", "place"))
        if head is not None and (head[0] is not None and (who is None or who[0] is None) or (
                head[0] is None and head[1] and body)):
            # ('One Home Office official, who asked not to be named, said': one unnamed
            # official, not the body the words before the cue name)
            who = head
        if who is None and clause > sentence:  # 'X said ... but warned: “': X, the subject
            found = [r for r in actors.within(sentence, cue.start()) if r[3] in kinds]
            who = _pick(found, kinds, last=False)
        if who is None and cue.group().lower().startswith("according"):
            who = _resolve_np(text, cue.end(), end, actors, kinds, last=False)
        if who is None and not is_listener_verb(cue.group().split()[0]):
            who = _inverted_before(text, cue.end(), end, actors, kinds)
        if who is None:  # 'One survivor, a teenager from Eritrea, told …': unnamed
            who = head
        if who is not None:
            gap = text[cue.end() : end].strip(" ,")
            adjacent = not gap or gap.endswith(":")
            return _Attribution(who[0], who[1], " ".join(cue.group().lower().split()), adjacent)
    return None


# "A Labour MP in a Red Wall seat was blunter: “": someone unnamed, brought in by a
# determiner, whose words follow the colon
_UNNAMED_LEAD = re.compile(r"(?:^|(?<=[.!?”\"]\s))\s*(?:A|An|One|Another)\s+"
                           r"(?P<np>[^.:;“”\"]{2,80}?)\s+(?:was|were|is|went)\b[^.:;“”\"]{0,40}:\s*$",
                           re.M)
# A lead-in that hands over a statement: '<speaker> has given us this statement on the barge:',
# '<speaker> issued the following statement:'
_STATEMENT_LEAD = re.compile(
    r"(?:^|(?<=[.!?”\"]\s))\s*(?P<np>[^.:;,“”\"]{2,80}?)\s+(?:has\s+|have\s+|had\s+)?"
    r"(?P<verb>given|gave|issued|released|sent|provided|put\s+out)\s+(?:\w+\s+){0,2}?"
    r"(?:statement|response|comment)\b[^.:;“”\"]{0,40}:\s*$", re.M | re.I)
_NAME_WORDS = frozenset(_ONE_PERSON) | frozenset(
    "mp mps ally aide figure source backbencher councillor peer minister official".split())


def _headline(text: str, start: int, end: int, actors: _Actors) -> _Attribution | None:
    """'Braverman: “We will stop the boats”': a name and a colon right before the quote."""
    lead = text[start:end].rstrip()
    if not lead.endswith(":"):
        return None
    found = actors.within(start, end)
    if found and found[-1][3] in ("person", "org") and (
        text[start : found[-1][0]].strip() == "" and text[found[-1][1] : end].strip() == ":"
    ):
        return _Attribution(found[-1][2], found[-1][4], None, True)
    return None


# "'Türkiye is not Europe's waiting room': Interior Minister Ali Yerlikaya on smugglers"
_COLON_AFTER = re.compile(r"[’'\"”]?\s*:\s+")


def _headline_after(text: str, after: int, end: int, actors: _Actors) -> _Attribution | None:
    """A headline's quote, a colon and then who said it: the person named first after the
    colon, when nothing or only their title (their role) comes before the name (not
    "“Go home”: Protesters Confront Home Secretary James Cleverly")."""
    colon = _COLON_AFTER.match(text, after, end)
    if colon is None:
        return None
    found = [r for r in actors.within(colon.end(), end) if r[3] == "person"]
    if not found:
        return None
    before = " ".join(text[colon.end() : found[0][0]].split()).lower()
    if before and before != (found[0][4] or "").lower():
        return None
    return _Attribution(found[0][2], found[0][4], None, True)


# A fact check's claim and who made it: "Claim: “...”", then "Said by immigration minister
# Anthony Blakeley MP on BBC Radio 4, 1 March."
_LABEL_ONLY = re.compile(r"\W*[A-Z][\w'’]*(?:\s+[\w'’]+){0,2}\s*:\s*")
_CLAUSE_MARK = re.compile(r"[,;.]")


def _said_by_next(article: Article, open_at: int, close: int, actors: _Actors
                  ) -> _Attribution | None:
    """A paragraph that is only a label ("Claim:") and a quote, the next paragraph opening
    "Said by ..." (or "Claimed by", "Stated by"): the person or body named first there,
    within its first clause."""
    at = next((i for i, p in enumerate(article.paragraphs) if p.start <= open_at < p.end), None)
    if at is None or at + 1 >= len(article.paragraphs):
        return None
    para, after = article.paragraphs[at], article.paragraphs[at + 1]
    text = article.text
    if not _LABEL_ONLY.fullmatch(text, para.start, open_at) or text[close + 1 : para.end].strip(
            " .”\"'’"):
        return None
    said = SAID_BY_LABEL.match(text, after.start, after.end)
    if said is None:
        return None
    clause = _CLAUSE_MARK.search(text, said.end(), after.end)
    found = [r for r in actors.within(said.end(), clause.start() if clause else after.end)
             if r[3] in ("person", "org")]
    return _Attribution(found[0][2], found[0][4], "said", False) if found else None


def _clause_start(text: str, start: int, cue: int) -> int:
    """Where the subject of a cue at ``cue`` can begin: after a ';' or closing mark."""
    k = cue
    while k > start and text[k - 1] not in ";”\"":
        k -= 1
    return k


def _inverted_before(text: str, pos: int, end: int, actors: _Actors, kinds: tuple[str, ...]
                     ) -> tuple[str | None, str | None] | None:
    """'said X:' just before the quote: an actor right after the cue."""
    found = actors.within(pos, end)
    if found and text[pos : found[0][0]].strip(" ,") in ("", "the", "The") and (
            _INVERTED_TAIL.fullmatch(text, found[0][1], end)):
        return _pick(found[:1], kinds, last=False)
    return None


# After 'said X': the quote, a colon or comma, or an apposition ('said X, the minister, “').
_INVERTED_TAIL = re.compile(r"\s*(?:[,(][^“”\"]*)?[:,]?\s*[\"“‘']?")


# --- the extractor ---------------------------------------------------------------------------


class _Sentences:
    def __init__(self, article: Article) -> None:
        self.starts = [s.start for s in article.sentences]

    def start_of(self, offset: int, floor: int) -> int:
        k = bisect.bisect_right(self.starts, offset) - 1
        return max(self.starts[k], floor) if k >= 0 else floor


_NEW_SENTENCE_BEFORE = re.compile(r"[.!?][\s'‘]*$")
_INITIAL_END = re.compile(r"\b[A-Z]\.?$")


def _named_in_text(names: Speakers, g: _Group, sentence: int, limit: int,
                   lead_first: bool) -> str | None:
    """The speaker read from the text's own name phrases (speakers.py): a transcript turn,
    the name right after the quote, the subject of the lead-in's first speech verb, the
    sentence before. None leaves the actor-based attribution as it is."""
    first, last = g.segs[0], g.segs[-1]
    turn = names.transcript(first.start, first.end)
    if turn is not None:
        g.kind = "direct"
        return turn
    if last.close is not None and not lead_first:
        after = names.after(last.close + 1, limit)
        if after is not None:
            return after
    before = names.before(sentence, first.open)
    if before is None and g.kind == "direct" and _NEW_SENTENCE_BEFORE.search(
            names.text, max(first.para.start, first.open - 4), first.open):
        # a quote that opens a sentence: what the lead-in attributes is the sentence before's
        return names.previous_sentence(first.para.start, first.open)
    if before is not None or g.attributed:
        return before
    return names.previous_sentence(first.para.start, first.open)


def _attribute(article: Article, groups: list[_Group], actors: _Actors) -> None:
    text = article.text
    names = Speakers(text, [(r[0], r[1], r[2], r[3]) for r in actors.rows], actors.spoken,
                     actors.sentence_starts)
    sents = _Sentences(article)
    prev_close: dict[int, int] = {}
    opens = sorted(s.open for g in groups for s in g.segs)
    for g in groups:
        first, last = g.segs[0], g.segs[-1]
        # the lead-in: from the sentence start (or the last closing mark), at most _REACH back
        floor = max(prev_close.get(first.para.number, first.para.start), first.open - _REACH)
        clause = sents.start_of(first.open, floor)
        g.kind = "direct" if (len(g.segs) > 1 or _direct_start(text, clause, first)) else "partial"
        direct = g.kind == "direct"
        found = None
        sentence = sents.start_of(first.open, max(first.para.start, first.open - _REACH))
        start = clause if direct else sentence
        limit = _next_open(opens, last) if last.close is not None else last.para.end
        # “… officers.” Yerlikaya told …: a new sentence after the quote is not its attribution
        # when the lead-in names a speaker ("X said: “…”").
        lead_first = last.close is not None and _ends_sentence(text, last.close)
        if lead_first or not direct and _CUE_RE.search(text, start, first.open):
            # (and 'When the Home Secretary told MPs that claims had “nearly doubled”, the
            # shadow home secretary accused her': the lead-in's speaker, not the next clause's)
            found = _before(text, start, first.open, actors, sentence)
        if found is None and last.close is not None:
            found = _after(text, last.close + 1, limit, actors)
        if found is None:
            found = _before(text, start, first.open, actors, sentence)
        if found is None and not direct:
            found = _described_by(text, first.open, actors)
        if found is None and direct:
            found = _headline(text, clause, first.open, actors)
        if found is None and direct and last.close is not None and (
                first.para.number == article.paragraphs[0].number):
            found = _headline_after(text, last.close + 1, first.para.end, actors)
        if found is None and direct and last.close is not None:
            found = _said_by_next(article, first.open, last.close, actors)
        unnamed_after = False
        if found is None and direct and last.close is not None:
            found = _unresolved_after(text, last.close, limit)
            unnamed_after = found is not None
        if found is not None:
            g.speaker, g.role, g.cue, g.attributed = found.speaker, found.role, found.cue, True
            g.adjacent = found.adjacent
        named = (names.after(last.close + 1, limit) if unnamed_after else  # 'his wife added'
                 _named_in_text(names, g, sentence, limit, lead_first and found is not None))
        # already unnamed, with its role; or a body's spokesperson ('a spokeswoman for
        # Care4Calais', 'a spokesman for the Home Office, Tom Lee'), whom the lead-in's own rule
        # calls no one
        unnamed = named == "" and g.attributed and (
            g.speaker is None or bool(g.role) and g.role.split()[-1] in SPOKES)
        if named and is_bare_title(named) and g.attributed and (g.speaker or g.role):
            # 'said the Chief Inspector of Borders and Immigration': its role; 'said the Home
            # Secretary, the Rt Hon Yvette Cooper': the holder, the title her role
            g.role = g.role or named
            named = None
        if named is not None and named != g.speaker and not unnamed:  # "": names nobody
            mention = actors.mention_of(named)
            g.speaker, g.role, g.attributed = named or None, mention and mention[4], True
            if named and g.cue is None:
                g.cue = _cue_near(text, start, first.open, last.close, limit)
        elif g.speaker is not None and (is_title(g.speaker) or _INITIAL_END.search(g.speaker)):
            g.speaker = None
        if g.speaker is not None and (holder := actors.role_holder(g.speaker)) is not None:
            g.speaker, g.role = holder, g.speaker  # 'Home Secretary vows to “...”'
        elif g.speaker is not None and is_bare_title(g.speaker):
            g.speaker, g.role = None, g.role or g.speaker  # an office no one is named to
        if g.speaker is not None or g.role is not None:
            actors.last_said = (last.close if last.close is not None else last.end,
                                g.speaker, g.role)
        pronoun = _one_person(actors, g.speaker, g.role) if g.attributed else None
        if pronoun is not None and (direct or g.speaker is not None or g.role is not None):
            actors.said(first.open, g.speaker, g.role, pronoun)

        if last.close is not None and not (
            len(g.segs) == 1 and _is_label(text, first, sents.start_of(first.open, floor), True)
        ):  # a name in quote marks ('dubbed ‘The Enforcer’') does not end a clause
            prev_close[last.para.number] = last.close + 1


# 'described by the Home Office as “complex”', 'called by critics “cruel”'
_DESCRIBED_BY = re.compile(r"\b(?:described|called|labelled|labeled|branded|dubbed|termed)\s+by"
                           r"\s+(?P<who>[^,;:.“”\"]{2,60}?)\s+as\s*[“\"‘]?$", re.I)


def _described_by(text: str, open_: int, actors: _Actors) -> _Attribution | None:
    """The one whose words a partial quote gives after 'described by X as'."""
    m = _DESCRIBED_BY.search(text, max(0, open_ - 120), open_ + 1)
    if m is None:
        return None
    who = _resolve_np(text, m.start("who"), m.end("who"), actors, _SPEAKER_KINDS, last=True)
    return _Attribution(who[0], who[1], "described", True) if who is not None else None


def unnamed_one(role: str | None) -> str | None:
    """The pronoun ('he', 'she', 'either') that can refer back to an unnamed speaker with
    ``role`` ('One survivor', 'the British minister'); None when the role is no one person."""
    return _ONE_PERSON.get((role or "").lower().rsplit(" ", 1)[-1])


def _one_person(actors: _Actors, speaker: str | None, role: str | None) -> str | None:
    """Which pronoun can refer back to a quote's speaker: 'he', 'she' or 'either'; None when
    the speaker is not one person (officials, a ministry, a report)."""
    noun = (role or "").lower().rsplit(" ", 1)[-1]
    if speaker is None:  # unnamed: 'One survivor', 'a woman who crossed last year'
        return unnamed_one(role)
    if noun in SPOKES:  # 'a Home Office spokesman': the ministry, through one person
        return _ONE_PERSON.get(noun, "either")
    mention = actors.mention_of(speaker)
    return "either" if mention is None or mention[3] in ("person", "other") else None


def _cue_near(text: str, lead: int, open_: int, close: int | None, limit: int) -> str | None:
    """The cue verb of a quote whose speaker the text names: the last one in its lead-in,
    else the first one after it."""
    m = max(_CUE_RE.finditer(text, lead, open_), key=lambda c: c.start(), default=None)
    if m is None and close is not None:
        m = _CUE_RE.search(text, close + 1, limit)
    return " ".join(m.group().lower().split()) if m is not None else None


def _ends_sentence(text: str, close: int) -> bool:
    """The quote closes a sentence (. ! ? inside the mark, or right after it: 'had
    “failed”.') and a capitalised word follows."""
    if close > 0 and text[close - 1] in ".!?":
        return bool(_NEW_SENTENCE.match(text, close + 1))
    return text[close + 1 : close + 2] in (".", "!", "?") and bool(
        _NEW_SENTENCE.match(text, close + 2))


_NEW_SENTENCE = re.compile(r"\s+[A-Z]")


def _next_open(opens: list[int], seg: _Seg) -> int:
    """The next opening mark after the segment's close, or its paragraph's end."""
    k = bisect.bisect_right(opens, seg.close if seg.close is not None else seg.open)
    return min(opens[k], seg.para.end) if k < len(opens) else seg.para.end


def _join_splits(text: str, groups: list[_Group]) -> list[_Group]:
    """“We will act,” she said, “and now.”: the second half joins the first's group."""
    out: list[_Group] = []
    for g in groups:
        prev = out[-1] if out else None
        if prev is not None and prev.attributed and _split_between(text, prev.segs[-1], g.segs[0]):
            prev.segs.extend(g.segs)
            continue
        out.append(g)
    return out


def _split_between(text: str, left: _Seg, right: _Seg) -> bool:
    """Is only an attribution (', she said,') between two quotes of one paragraph?"""
    if left.close is None or left.para.number != right.para.number or right.continued:
        return False
    if text[left.start : left.end].rstrip()[-1:] in ".!?…":
        return False
    between = text[left.close + 1 : right.open].strip("'")  # the other half of ''...'' marks
    return (between.rstrip().endswith(",") and len(between.split()) <= 10
            and _CUE_RE.search(between) is not None and not _SENTENCE_END.search(between))


def _asks(text: str, g: _Group) -> bool:
    """Is the quote a question or an interjection ('“Will you?” a reporter asked')?"""
    cue = (g.cue or "").split()
    return bool(cue) and cue[0] in _ASKING or text[g.segs[-1].start : g.segs[-1].end].rstrip(
        ).endswith(("?", "!"))


def _inherit(text: str, article: Article, groups: list[_Group], actors: _Actors) -> None:
    """Unattributed direct quotes: the previous quote's speaker, or 'X said:' just before."""
    last: _Group | None = None
    reached = 0  # the paragraph the last voice's turn reaches (through a question put to it)
    asked: _Group | None = None  # the last question or interjection of someone unnamed
    for g in groups:
        first = g.segs[0]
        if g.attributed and g.speaker is None and g.role is None and not g.cue:
            g.attributed = False  # '“...,” she said. “...”': a sentence's pronoun named no one
        if not g.attributed and g.kind == "direct":
            para_no = first.para.number
            prev_para = article.paragraphs[para_no - 2] if para_no > 1 else None
            if prev_para is not None and prev_para.text.rstrip().endswith(":"):
                found = _before(text, prev_para.start, prev_para.end, actors)
                if found is not None:
                    g.speaker, g.role, g.cue = found.speaker, found.role, found.cue
                    g.attributed = True
            lead = None if g.attributed else unnamed_lead(
                text, actors.rows, actors.sentence_starts, first.open, first.para.start)
            if lead is not None:  # 'Another man, a Sudanese teacher ..., said that ... “...”'
                g.speaker, g.role, g.cue, g.attributed = None, lead, None, True
            if not g.attributed and asked is not None and (
                    para_no == asked.segs[-1].para.number):
                g.speaker, g.role, g.cue = asked.speaker, asked.role, asked.cue
            elif not g.attributed and last is not None and para_no - reached <= 1:
                g.speaker, g.role, g.cue = last.speaker, last.role, last.cue
        unnamed_voice = g.speaker is None and g.attributed and g.role is not None and not (
            _asks(text, g))
        if (g.speaker is not None or unnamed_voice) and (g.kind == "direct" or g.attributed):
            last, asked = g, None  # the last quote with a speaker, named or not
            reached = g.segs[-1].para.number
        elif g.attributed and g.speaker is None and g.role is not None:
            # '“Will you?” a reporter asked.' / '“Yes.”': the answer, in the next paragraph,
            # is the last voice's; '“Why now?” asked one MP. “It makes no sense.”' the MP's
            reached, asked = g.segs[-1].para.number, g


def extract_quotes(article: Article, actors: pd.DataFrame, mentions: pd.DataFrame,
                   mentioned: list[Mentioned] | None = None) -> pd.DataFrame:
    """One row per quoted segment in one paragraph, with speaker, role, kind and cue; the
    segments of one quote (over paragraphs, or split by its attribution) share its id.

    ``mentioned`` is the mentions as ``actors.find_actors`` gives them, if at hand; without
    it they are read from the two tables."""
    text = article.text
    if mentioned is None:
        mentioned = read_mentioned(actors, mentions, len(text))
    sents = _Sentences(article)
    lookup = _Actors(mentioned, text, sents.starts, article.published)
    if actors is not None and {"name", "country"} <= set(actors.columns):
        lookup.countries = {n: c for n, c in zip(actors["name"], actors["country"], strict=True)
                            if isinstance(c, str)}
    groups: list[_Group] = []
    for g in _segments(article):
        g.segs = [s for s in g.segs if _trim(text, s)]
        if not g.segs:
            continue
        only = g.segs[0]
        if only.close is None and len(g.segs) == 1 and not _keep_unclosed(text, only):
            continue
        groups.append(g)
    lookup.drop_quoted([(s.start, s.end) for g in groups for s in g.segs])
    _attribute(article, groups, lookup)
    kept = []
    for g in groups:
        seg = g.segs[0]
        if len(g.segs) == 1 and not g.adjacent and (
            _is_label(text, seg, sents.start_of(seg.open, seg.para.start),
                      g.attributed and g.speaker is not None)
            or (not g.attributed and _scare_quote(text, seg))
        ):
            continue
        kept.append(g)
    kept = _join_splits(text, kept)
    _inherit(text, article, kept, lookup)
    marked = [(s.open, s.end) for g in kept for s in g.segs]
    turns = interview_turns(article, lookup.rows, marked)
    kept += turns or unlabelled_answers(article, lookup.rows, marked)
    kept += statement_blocks(article, lookup.rows, marked)
    return frame("quotes", _rows(text, kept))


def _rows(text: str, groups: list[_Group]) -> list[dict]:
    """One row per segment; a quote's segments share its ``quote`` id (numbered in text
    order of their first segment) and count 1, 2, ... in ``segment``."""
    rows = []
    for number, g in enumerate(sorted(groups, key=lambda g: g.segs[0].start), 1):
        numbers = [s.para.number for s in g.segs]
        span = str(numbers[0]) if numbers[0] == numbers[-1] else f"{numbers[0]}-{numbers[-1]}"
        for k, seg in enumerate(sorted(g.segs, key=lambda s: s.start), 1):
            rows.append({
                "quote": number, "segment": k,
                "speaker": g.speaker, "role": g.role, "text": text[seg.start : seg.end],
                "kind": g.kind, "paragraph": seg.para.number, "paragraphs": span,
                "start": seg.start, "end": seg.end, "cue": g.cue, "continued": seg.continued,
            })
    rows.sort(key=lambda r: r["start"])
    return rows
