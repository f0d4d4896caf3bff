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
    ("a new operational “center of excellence”"; but "called the site “a disgrace”" and
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
  phrase. "Name: “...”" (headline style) names its speaker. A direct quote with no
  attribution takes the speaker of a quote in the same or previous paragraph, or of a
  previous paragraph ending "X said:"; one with its own cue right after it and a speaker
  phrase no rule resolves ("“...,” said the charity's head of policy") is someone unnamed's,
  with that cue. Names and roles come from the actors table.
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

from newstables.extract.actor_tokens import ADJECTIVES, COUNTRIES
from newstables.extract.actors import Mentioned, read_mentioned
from newstables.extract.article import Article
from newstables.extract.quote_labels import CUE as _CUE
from newstables.extract.quote_labels import CUE_RE as _CUE_RE
from newstables.extract.quote_labels import SENTENCE_END as _SENTENCE_END
from newstables.extract.quote_labels import direct_start as _direct_start
from newstables.extract.quote_labels import is_label as _is_label
from newstables.extract.quote_labels import scare_quote as _scare_quote
from newstables.extract.quote_marks import (
    _WORD,
    _Group,
    _keep_unclosed,
    _Seg,
    _segments,
    _trim,
)
from newstables.extract.speakers import Speakers, antecedent, is_listener_verb, is_title
from newstables.lexicon import load_json
from newstables.schema import frame

_LEX = load_json("quotes_cues.json")
_TEXT_NOUNS = frozenset(_LEX["text_nouns"])
_SPEAKER_NOUNS = frozenset(_LEX["speaker_nouns"]) | _TEXT_NOUNS
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
_ADVERB_SET = frozenset(w.lower() for w in _LEX["adverbs"])
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
_ORG_NOUNS = frozenset(_LEX["org_nouns"])
_ANY_ORG = frozenset(_LEX["any_org_nouns"])
_PERSON_NOUNS = frozenset(_LEX["person_nouns"])
_ANONYMOUS = frozenset(_LEX["anonymous_nouns"])
_SPEAKER_KINDS = ("person", "org")  # places never speak; a person before an organisation
_INDEFINITE = frozenset("a an one another some several".split())
# Words that make a title another office: 'the home secretary' is not the shadow one
_OTHER_OFFICE = frozenset(["shadow", "deputy", "vice", "former", "ex"])
# The words of a role title ('prime', 'home', 'minister'): 'the prime minister' is the role,
# not 'minister' (nor 'though one senior official': only these words)
_ROLE_WORDS = frozenset(w for key in ("modifiers", "heads")
                        for w in load_json("actors_roles.json")[key])
_ARTICLES = frozenset("a an the one two several some senior government".split())
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman"})
_VOICES = _SPOKES | {"official", "officials", "source", "sources"} | _TEXT_NOUNS
_ONE_PERSON = {noun: pronoun for pronoun, nouns in _LEX["one_person_nouns"].items()
               for noun in nouns}
# Words that cannot be part of a generic speaker phrase ('a Home Office spokesperson').
_NP_STOP = frozenset(
    "the a an and or but did does do is was were are be been has have had would will can "
    "could should may might must not that which who whom whose this these those it its their "
    "his her our my your to of in on at by for with from as than then when while if after "
    "before asked".split()
)

_REACH = 400  # characters before a quote searched for its attribution


# --- actors ----------------------------------------------------------------------------------


class _Actors:
    """Mentions with their actors, for speaker look-ups by offset."""

    def __init__(self, mentioned: list[Mentioned], text: str, sentence_starts: list[int]
                 ) -> None:
        self.text = text
        self.sentence_starts = sentence_starts
        self.rows = list(mentioned)
        self.starts = [r[0] for r in self.rows]
        self._holders: dict[str, set[str]] | None = None  # role -> people, when asked
        self.countries: dict[str, str] = {}  # actor -> country, as the actors table has it
        self._names: set[str] = set()
        # The quotes attributed so far to one person, in text order: (where the quote opens,
        # speaker, role, the pronoun that can refer back: 'he', 'she' or 'either'); speaker
        # None for someone unnamed ('One survivor told …').
        self.spoken: list[tuple[int, str | None, str | None, str]] = []
        # The last quote with a speaker or a role, any speaker: (where it ends, speaker, role).
        self.last_said: tuple[int, str | None, str | None] | None = None

    def drop_quoted(self, spans: list[tuple[int, int]]) -> None:
        """Forget mentions inside quoted text: a name inside a quote is not its speaker."""
        spans = sorted(spans)
        starts = [s for s, _ in spans]

        def quoted(offset: int) -> bool:
            k = bisect.bisect_right(starts, offset) - 1
            return k >= 0 and offset < spans[k][1]

        self.rows = [r for r in self.rows if not quoted(r[0])]
        self.starts = [r[0] for r in self.rows]
        self._holders = None

    def within(self, start: int, end: int) -> list[tuple[int, int, str, str, str | None]]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [r for r in self.rows[lo:hi] if r[1] <= end]

    def role_holder(self, title: str) -> str | None:
        """The one person whose role is ``title`` ('Home Secretary'), when ``title`` is no
        actor's name; None otherwise."""
        if self._holders is None:
            holders: dict[str, set[str]] = {}
            for r in self.rows:
                if r[3] == "person" and r[4]:
                    holders.setdefault(r[4].lower(), set()).add(r[2])
            self._holders = holders
            self._names = {r[2] for r in self.rows}
        found = self._holders.get(title.lower(), ())
        return next(iter(found)) if len(found) == 1 and title not in self._names else None

    def last_role_before(self, offset: int, noun: str, country: str | None = None
                         ) -> tuple[str, str | None] | None:
        """The last person mentioned before ``offset`` whose role holds ``noun``, and not as
        another office ('the home secretary' is not the shadow home secretary); of
        ``country``, when given, as the actors table knows it."""
        hi = bisect.bisect_left(self.starts, offset)
        said = set(noun.split())
        for r in reversed(self.rows[:hi]):
            if r[3] == "person" and r[4] is not None and noun in r[4].lower() and (
                    _OTHER_OFFICE.isdisjoint(set(r[4].lower().split()) - said)) and (
                    country is None or self.countries.get(r[2]) == country):
                return r[2], r[4]
        return None

    def mention_of(self, name: str) -> Mentioned | None:
        """The first mention of the actor called ``name`` (None: no actor by that name)."""
        return next((r for r in self.rows if r[2] == name), None)

    def said(self, offset: int, speaker: str | None, role: str | None, pronoun: str) -> None:
        """Record a quote attributed at ``offset`` to one person (for the pronouns after it)."""
        bisect.insort(self.spoken, (offset, speaker, role, pronoun), key=lambda r: r[0])

    def last_person_before(self, offset: int, pronoun: str) -> _Who:
        """Whom ``pronoun`` ('he', 'she') at ``offset`` refers to (``speakers.antecedent``)."""
        return antecedent(self.text, self.rows, self.spoken, self.sentence_starts, offset,
                          pronoun) or (None, None)

    def last_before(self, offset: int, kinds: tuple[str, ...], word: str | None = None
                    ) -> tuple[str, str | None] | None:
        hi = bisect.bisect_left(self.starts, offset)
        for r in reversed(self.rows[:hi]):
            if r[3] in kinds and (word is None or word in r[2].lower()):
                return r[2], r[4]
        return None


def _pick(found: list[tuple[int, int, str, str, str | None]], kinds: tuple[str, ...],
          last: bool) -> tuple[str, str | None] | None:
    for kind in kinds:
        hits = [r for r in found if r[3] == kind]
        if hits:
            r = hits[-1] if last else hits[0]
            return r[2], r[4]
    return None


# --- attribution -----------------------------------------------------------------------------


@dataclass
class _Attribution:
    speaker: str | None
    role: str | None
    cue: str | None
    adjacent: bool  # right next to the quote ('X said: “', '“...,” X said')


def _cue_text(m: re.Match[str]) -> str:
    return " ".join(m.group("cue").lower().split())


_Who = tuple[str | None, str | None]


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]


def _resolve_np(text: str, start: int, end: int, actors: _Actors, kinds: tuple[str, ...],
                last: bool) -> _Who | None:
    """The speaker named in text[start:end] (its end if ``last``, else its start)."""
    words = _words(text, start, end)
    if last:
        while words and words[-1][2].lower() in _ADVERB_SET:
            words.pop()
    if not words:
        return None
    edge = words[-1] if last else words[0]
    low = edge[2].lower()
    if low in _PRONOUNS:
        return _pronoun(low, edge[0], actors)
    found = [r for r in actors.within(start, end) if r[3] in kinds]
    if last:
        if _anonymous(words):  # 'a source close to the Home Secretary said': unnamed
            return None, None
        named = any(r[0] <= edge[0] < r[1] for r in found)
        if low in _SPEAKER_NOUNS and not named:
            return _generic(text, words, len(words) - 1, actors, found)
        who = _pick(found, kinds, last=True)
        return who if who is not None else _country(words, actors.within(start, end))
    k = 1 if low in ("the", "a", "an") and len(words) > 1 else 0
    for j in range(k, min(len(words), k + 4)):  # the head noun of 'a senior government
        if words[j][2].lower() in _NP_STOP:     # source', 'a Home Office spokesperson'
            break
        if words[j][2].islower() and words[j][2] in _SPEAKER_NOUNS:
            k = j
    if words[k][2].lower() in _SPEAKER_NOUNS:
        return _generic(text, words, k, actors, found)
    if found and found[0][0] <= words[k][0]:
        return _pick(found[:1], kinds, last=False)
    country = [r for r in actors.within(start, end) if r[0] == words[k][0]]
    return _country([w for w in words if w[0] < country[0][1]], country) if country else None


def _country(words: list[tuple[int, int, str]], mentioned: list) -> _Who | None:
    """A country that is the whole noun phrase ('Greece said', 'said the UK'): its government
    speaks for it."""
    if words and words[0][2].lower() == "the":
        words = words[1:]
    for r in mentioned:
        if (r[3] == "place" and r[2] in COUNTRIES and words
                and r[0] == words[0][0] and r[1] == words[-1][1]):
            return r[2], None
    return None


def _subject_head(text: str, clause: int, cue: int, actors: _Actors, kinds: tuple[str, ...]
                  ) -> _Who | None:
    """The speaker when the clause before a cue opens with a short generic noun phrase that
    an apposition or relative clause separates from the cue ('One survivor, a teenager from
    Eritrea, told', 'A woman who crossed last year said'): who that phrase names, often
    nobody (None, None); None when the clause does not open that way."""
    words = _words(text, clause, cue)
    head = len(words)
    for k, w in enumerate(words[:5]):
        if w[2].lower() in ("who", "whose", "whom", "which", "that") or k and text[
                words[k - 1][1] : w[0]].strip() in (",", "(", "—", "–"):
            head = k
            break
    if not 0 < head < len(words) or words[head - 1][2].lower() not in _SPEAKER_NOUNS:
        return None
    k = head - 1
    if k > 3 or (k and words[0][2].lower() not in _INDEFINITE | _ARTICLES):
        return None  # not a determiner and a noun: a name is the other rules' to read
    found = [r for r in actors.within(words[0][0], words[k][1]) if r[3] in kinds]
    return _generic(text, words, k, actors, found)


def _anonymous(words: list[tuple[int, int, str]]) -> bool:
    """Is there 'a source'/'an aide'... within the last words before a cue?"""
    return any(
        words[k][2].lower() in _ANONYMOUS and words[k - 1][2].lower() in _ARTICLES
        for k in range(len(words) - 1, max(0, len(words) - 8), -1)
    )


def _pronoun(p: str, offset: int, actors: _Actors) -> _Who:
    if p in ("he", "she"):
        return actors.last_person_before(offset, p)
    if p == "it":
        return actors.last_before(offset, ("org",)) or (None, None)
    if p == "they" and actors.last_said is not None and _next_sentence(
            actors.sentence_starts, actors.last_said[0], offset) \
            and _CUE_RE.search(actors.text, actors.last_said[0], offset) is None:
        # 'A Home Office spokesperson said ... But they added:': the last voice, when it is
        # unnamed or a body (after a named person, 'they' is someone else), in the sentence
        # right after its quote, and no one else has spoken since ('Police said ... They
        # added:' is the police)
        _, speaker, role = actors.last_said
        mention = actors.mention_of(speaker) if speaker else None
        if speaker is None or (mention is not None and mention[3] != "person"):
            return speaker, role
    return None, None


def _next_sentence(starts: list[int], quote_end: int, offset: int) -> bool:
    """Is ``offset`` in the sentence where a quote ends, or the one after it? A sentence
    between them ('Many asylum seekers fear deportation.') brings another subject."""
    between = bisect.bisect_right(starts, offset) - bisect.bisect_right(starts, quote_end)
    return 0 <= between <= 1


def _generic(text: str, words: list[tuple[int, int, str]], k: int, actors: _Actors,
             found: list[tuple[int, int, str, str, str | None]]) -> _Who:
    """'a Home Office spokesperson', 'the ministry', 'the minister', 'officials'."""
    noun = words[k][2].lower()
    lo = k
    while lo > 0 and k - lo < 3 and words[lo - 1][2].lower() not in _NP_STOP:
        lo -= 1
    if noun in _ANONYMOUS:
        return None, noun  # 'a Home Office source': unnamed, not the Home Office's voice
    inside = [r for r in found if words[lo][0] <= r[0] <= words[k][1] + 40]
    if inside and noun in _VOICES:
        # 'a Home Office spokesperson', 'a statement from the Presidency of ...'
        return inside[0][2], (noun if noun in _SPOKES else inside[0][4])
    if noun in _ORG_NOUNS:
        hit = actors.last_before(words[k][0], ("org",), noun)
        if hit is None and noun in _ANY_ORG:
            hit = actors.last_before(words[k][0], ("org",))
        if hit is not None:
            return hit[0], None
    indefinite = lo > 0 and words[lo - 1][2].lower() in _INDEFINITE
    title = noun
    if noun in _ROLE_WORDS:
        j = k
        while j > lo and words[j - 1][2].lower() in _ROLE_WORDS:
            j -= 1
        title = " ".join(w[2].lower() for w in words[j : k + 1])  # 'the prime minister'
    # 'the British minister': only someone known to be British
    nation = next((ADJECTIVES[w[2]] for w in words[lo:k] if w[2] in ADJECTIVES), None)
    if noun in _PERSON_NOUNS and not indefinite:  # 'the minister', not 'a second minister'
        hit = actors.last_role_before(words[k][0], title, nation)
        if hit is not None:
            return hit
    if nation is not None and noun in _ROLE_WORDS:
        title = f"{next(w[2] for w in words[lo:k] if w[2] in ADJECTIVES)} {title}"
    return None, title  # an unnamed speaker, with its noun as role: 'officials', 'a survivor'


def _after(text: str, pos: int, limit: int, actors: _Actors) -> _Attribution | None:
    """Attribution right after a closing mark: '“...,” said X' or '“...,” X said'."""
    kinds = _SPEAKER_KINDS
    m = _AFTER_INVERTED.match(text, pos, limit)
    if m is not None:
        stop = _clause_end(text, m.end(), limit)
        who = _resolve_np(text, m.end(), stop, actors, kinds, last=False)
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
    who = _resolve_np(text, np_start, cue.start(), actors, kinds, last=True)
    if who is not None:
        return _Attribution(who[0], who[1], " ".join(cue.group().lower().split()), True)
    return None


def _unresolved_after(text: str, close: int, limit: int) -> _Attribution | None:
    """'“...,” said the charity's head of policy', '“...,” one MP said': a cue right after a
    quote that ends its clause, with a speaker phrase no rule resolves. The quote is someone
    unnamed's, not the last speaker's ('“...,” while 73 percent said' is another clause)."""
    if text[close - 1] not in ",!?" and text[close + 1 : close + 2] != ",":
        return None
    pos = close + 1
    m = _AFTER_INVERTED.match(text, pos, limit)
    if m is not None:
        words = _words(text, m.end(), _clause_end(text, m.end(), limit))
        return _Attribution(None, None, _cue_text(m), True) if words else None
    np_start = _LEAD_PUNCT.match(text, pos, limit).end()
    cue = _CUE_RE.search(text, np_start, min(limit, np_start + 60))
    if cue is None or cue.start() == np_start or _CLAUSE_END.search(text, np_start, cue.start()):
        return None
    words = [w[2].lower() for w in _words(text, np_start, cue.start())]
    if len(words) > 6 or not _SUBJECT_WORDS.isdisjoint(words):
        return None
    return _Attribution(None, None, " ".join(cue.group().lower().split()), True)


# Words that make the words before a cue another clause, not a speaker phrase.
_SUBJECT_WORDS = frozenset(
    "who whom whose which that while when as because although though if since after before "
    "and but or".split())


def _clause_end(text: str, pos: int, limit: int) -> int:
    m = _CLAUSE_END.search(text, pos, limit)
    return m.start() if m else limit


def _before(text: str, start: int, end: int, actors: _Actors, sentence: int | None = None
            ) -> _Attribution | None:
    """Attribution in the lead-in text[start:end]: 'X said: “' / 'X vowed to “'."""
    cues = list(_CUE_RE.finditer(text, start, end))
    if not cues:
        return None
    sentence = start if sentence is None else min(sentence, start)
    kinds = _SPEAKER_KINDS
    for cue in reversed(cues):
        clause = _clause_start(text, start, cue.start())
        who = _resolve_np(text, clause, cue.start(), actors, kinds, last=True)
        # 'The minister, a former lawyer, said': the subject, not the apposition, when the
        # words before the cue name no one
        head = _subject_head(text, clause, cue.start(), actors, kinds) if (
            who is None or who[0] is None) else None
        if head is not None and head[0] is not None:
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
        if lead_first:
            found = _before(text, start, first.open, actors, sentence)
        if found is None and last.close is not None:
            found = _after(text, last.close + 1, limit, actors)
        if found is None:
            found = _before(text, start, first.open, actors, sentence)
        if found is None and direct:
            found = _headline(text, clause, first.open, actors)
        if found is None and direct and last.close is not None:
            found = _unresolved_after(text, last.close, limit)
        if found is not None:
            g.speaker, g.role, g.cue, g.attributed = found.speaker, found.role, found.cue, True
            g.adjacent = found.adjacent
        named = _named_in_text(names, g, sentence, limit, lead_first and found is not None)
        unnamed = named == "" and g.speaker is None and g.attributed  # already, with its role
        if named is not None and named != g.speaker and not unnamed:  # "": names nobody
            mention = actors.mention_of(named)
            g.speaker, g.role, g.attributed = named or None, mention and mention[4], True
            if named and g.cue is None:
                g.cue = _cue_near(text, start, first.open, last.close, limit)
        elif g.speaker is not None and (is_title(g.speaker) or _INITIAL_END.search(g.speaker)):
            g.speaker = None
        if g.speaker is not None and (holder := actors.role_holder(g.speaker)) is not None:
            g.speaker, g.role = holder, g.speaker  # 'Home Secretary vows to “...”'
        if g.speaker is not None or g.role is not None:
            actors.last_said = (last.close if last.close is not None else last.end,
                                g.speaker, g.role)
        pronoun = _one_person(actors, g.speaker, g.role) if g.attributed else None
        if pronoun is not None and (direct or g.speaker is not None):
            actors.said(first.open, g.speaker, g.role, pronoun)

        if last.close is not None and not (
            len(g.segs) == 1 and _is_label(text, first, sents.start_of(first.open, floor), True)
        ):  # a name in quote marks ('dubbed ‘The Enforcer’') does not end a clause
            prev_close[last.para.number] = last.close + 1


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
    if noun in _SPOKES:  # 'a Home Office spokesman': the ministry, through one person
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


def _inherit(text: str, article: Article, groups: list[_Group], actors: _Actors) -> None:
    """Unattributed direct quotes: the previous quote's speaker, or 'X said:' just before."""
    last: _Group | None = None
    for g in groups:
        first = g.segs[0]
        if not g.attributed and g.kind == "direct":
            para_no = first.para.number
            prev_para = article.paragraphs[para_no - 2] if para_no > 1 else None
            if prev_para is not None and prev_para.text.rstrip().endswith(":"):
                found = _before(text, prev_para.start, prev_para.end, actors)
                if found is not None:
                    g.speaker, g.role, g.cue = found.speaker, found.role, found.cue
                    g.attributed = True
            if not g.attributed and last is not None and (
                para_no - last.segs[-1].para.number <= 1
            ):
                g.speaker, g.role, g.cue = last.speaker, last.role, last.cue
        if g.speaker is not None and (g.kind == "direct" or g.attributed):
            last = g  # the last quote with a speaker, direct or partial


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
    lookup = _Actors(mentioned, text, sents.starts)
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
