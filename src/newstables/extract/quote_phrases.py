"""Who a speaker phrase next to a quote names: an article's actors by offset (``_Actors``),
a name phrase ('said Jane Doe', 'Greece said', 'Downing Street said'), a pronoun, or a generic
phrase ('the ministry', 'a Home Office spokesperson', 'the chief executive', 'a senior
government source'), by the rules ``quotes.py`` lists; lexicon: ``lexicons/quotes_cues.json``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from newstables.extract import offices
from newstables.extract.actor_tokens import _FIRST_NAMES, ADJECTIVES, COUNTRIES, OFFICE_LETTERS
from newstables.extract.actors import Mentioned
from newstables.extract.quote_labels import CUE_RE as _CUE_RE
from newstables.extract.quote_marks import _WORD
from newstables.extract.speakers import antecedent
from newstables.extract.unnamed import NO_ONE, SCENE_WORDS, SPOKES, head_end
from newstables.lexicon import load_json

_LEX = load_json("quotes_cues.json")
_TEXT_NOUNS = frozenset(_LEX["text_nouns"])
_SPEAKER_NOUNS = frozenset(_LEX["speaker_nouns"]) | _TEXT_NOUNS
_ADVERB_SET = frozenset(w.lower() for w in _LEX["adverbs"])
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
_ORG_NOUNS = frozenset(_LEX["org_nouns"])
_ANY_ORG = frozenset(_LEX["any_org_nouns"])
_PERSON_NOUNS = frozenset(_LEX["person_nouns"])
_ANONYMOUS = frozenset(_LEX["anonymous_nouns"])
_SEATS = frozenset(_LEX["seats_of_government"])
# unnamed speakers whose party or place says who they are ('a Labour MP', 'a Kent councillor')
_PARTISAN = frozenset("backbencher backbenchers councillor councillors peer peers mp mps".split())
_INDEFINITE = frozenset("a an one another some several".split())
# Words that make a title another office: 'the home secretary' is not the shadow one
_OTHER_OFFICE = frozenset(["shadow", "deputy", "vice", "former", "ex", "prime"])  # ("the
# minister" is not the prime minister)
# The words of a role title ('prime', 'home', 'minister'): 'the prime minister' is the role,
# not 'minister' (nor 'though one senior official': only these words)
_ROLE_WORDS = frozenset(w for key in ("modifiers", "heads")
                        for w in load_json("actors_roles.json")[key])
_ARTICLES = frozenset("a an the one two several some senior government".split())
_VOICES = SPOKES | {"official", "officials", "source", "sources"} | _TEXT_NOUNS
_ONE_PERSON = {noun: pronoun for pronoun, nouns in _LEX["one_person_nouns"].items()
               for noun in nouns}
# Words that cannot be part of a generic speaker phrase ('a Home Office spokesperson').
_NP_STOP = frozenset(
    "the a an and or but did does do is was were are be been has have had would will can "
    "could should may might must not that which who whom whose this these those it its their "
    "his her our my your to of in on at by for with from as than then when while if after "
    "before asked".split()
)


# --- actors ----------------------------------------------------------------------------------


class _Actors:
    """Mentions with their actors, for speaker look-ups by offset."""

    def __init__(self, mentioned: list[Mentioned], text: str, sentence_starts: list[int],
                 published: dt.date | None = None) -> None:
        self.text = text
        self.published = published
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
        holders = [r for r in reversed(self.rows[:hi])
                   if r[3] == "person" and r[4] is not None and noun in r[4].lower() and (
                       _OTHER_OFFICE.isdisjoint(set(r[4].lower().split()) - said)) and (
                       country is None or self.countries.get(r[2]) == country)]
        if not holders:
            return None
        # the last one named, unless only an earlier one has been quoted: "the minister said"
        # after "... for talks with Turkish Interior Minister Ali Yerlikaya" is the minister
        # the story quotes
        quoted = {who for at, who, _, _ in self.spoken if at < offset}
        r = holders[0] if holders[0][2] in quoted else next(
            (h for h in holders if h[2] in quoted), holders[0])
        return r[2], r[4]

    def office_holder(self, title: str, country: str | None = None) -> str | None:
        """The person named before who held the office ``title`` on the publication date."""
        return offices.holder(title, self.published,
                              {r[2] for r in self.rows if r[3] == "person"}, country)

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
    aged = _by_age(text, words, actors)
    if aged is not None:
        return aged
    member = _one_of_a_body(text, words, actors.within(start, end))
    if member is not None:
        return member
    edge = words[-1] if last else words[0]
    low = edge[2].lower()
    if low in _PRONOUNS:
        return _pronoun(low, edge[0], actors)
    found = [r for r in actors.within(start, end) if r[3] in kinds]
    if last:
        k = _anonymous(words)
        if k is not None:  # 'a source close to the Home Secretary said': unnamed, a source
            return None, _with_party(words[max(0, k - 3) : k], words[k][2].lower())
        spoke = _spoken_for(text, words, actors, found)
        if spoke is not None:
            return spoke
        bare = words[1:] if words[0][2].lower() == "the" else words
        title = _capitalised_title(text, bare) if bare and not found else None
        if title is not None:  # 'The Director of Public Prosecutions said'
            return actors.last_role_before(words[0][0], title.lower()) or (None, title)
        named = any(r[0] <= edge[0] < r[1] for r in found)
        after = next((r for r in found if r[3] == "person" and edge[2] in OFFICE_LETTERS
                      and not text[r[1]:edge[0]].strip()), None)
        if after is not None:  # 'Kemi Oyelaran MP said': the member, not an unnamed MP
            return after[2], after[4] or edge[2]
        if low in _SPEAKER_NOUNS and not named:
            # a seat of government speaks like a body: 'a Downing Street spokesman'
            return _generic(text, words, len(words) - 1, actors, sorted(found + [
                r for r in actors.within(start, end) if r[2] in _SEATS and r not in found]))
        who = _pick(found, kinds, last=True)
        return who if who is not None else _country(words, actors.within(start, end))
    k = 1 if low in ("the", "a", "an") and len(words) > 1 else 0
    k = _head(words, k, found)
    titled = _titled_person(text, words[k][0], found)
    if titled is not None:  # 'said the Secretary of State for Foreign Affairs James Cleverly'
        return titled
    title = _capitalised_title(text, words[k:])
    if title is not None:  # 'said the Chief Inspector of Borders and Immigration'
        return actors.last_role_before(words[k][0], title.lower()) or (None, title)
    if words[k][2].lower() in _SPEAKER_NOUNS:
        return _generic(text, words, k, actors, found)
    if found and (found[0][0] <= words[k][0] or found[0][1] >= words[-1][1] and all(
            w[2].islower() and w[2] not in _NP_STOP for w in words[k:] if w[0] < found[0][0])):
        # 'said the refugee charity Care4Calais'; not 'a senior Labour figure'
        return _pick(found[:1], kinds, last=False)
    country = [r for r in actors.within(start, end) if r[0] == words[k][0]]
    return _country([w for w in words if w[0] < country[0][1]], country) if country else None


def _titled_person(text: str, at: int, found: list[tuple[int, int, str, str, str | None]]
                   ) -> _Who | None:
    """The person whose title, as the actors table has it, runs from ``at`` to their name:
    'Minister for Immigration Robert Jenrick'; None when the words between are not their
    title ('the minister's adviser Tom Jones')."""
    person = next((r for r in found if r[3] == "person" and r[0] > at), None)
    if person is None or not person[4]:
        return None
    title = " ".join(text[at : person[0]].split()).rstrip(",").casefold()
    return (person[2], person[4]) if title and person[4].casefold().endswith(title) else None


def _capitalised_title(text: str, words: list[tuple[int, int, str]]) -> str | None:
    """``words`` when they are all one capitalised title and its complement, with no name:
    'Chief Inspector of Borders and Immigration', 'Director of Public Prosecutions'."""
    k = 0
    while k < len(words) and words[k][2][:1].isupper() and words[k][2].lower() in _ROLE_WORDS:
        k += 1
    if k == 0 or k == len(words) or words[k][2] not in ("of", "for"):
        return None
    if any(not (w[2][:1].isupper() or w[2] in ("of", "for", "and", "the"))
           or w[2] in _FIRST_NAMES for w in words[k:]):
        return None  # not 'Mayor of the West Midlands Andy Street'
    return text[words[0][0] : words[-1][1]]


def _spoken_for(text: str, words: list[tuple[int, int, str]], actors: _Actors,
                found: list[tuple[int, int, str, str, str | None]]) -> _Who | None:
    """'a spokeswoman for Care4Calais': the organisation, its spokeswoman the role ('a
    spokesperson for the charity': the last charity named); 'a spokesman for the Prime
    Minister': someone unnamed, that phrase the role (not the prime minister's own words).
    None without a spokesperson 'for'."""
    at = next((i for i, w in enumerate(words[:-1]) if w[2].lower() in SPOKES
               and words[i + 1][2].lower() == "for"), None)
    if at is None:
        return None
    org = next((r for r in found if r[0] >= words[at + 1][1] and r[3] == "org"), None)
    named = next((r for r in found if r[3] == "person" and (org is None or r[0] > org[1])
                  and text[: r[0]].rstrip().endswith(",")), None)
    if org is not None and named is not None:
        # 'A spokesman for the UN refugee agency in Rome, Filippo Ungaro, said': the person
        return named[2], f"{org[2]} {words[at][2].lower()}"
    if org is not None:
        return org[2], words[at][2].lower()
    if words[-1][2].lower() in _ORG_NOUNS | _ANY_ORG:  # 'a spokesperson for the charity'
        body = _last_body(actors, words[at][0], words[-1][2].lower())
        if body is not None:
            return body, words[at][2].lower()
    return None, " ".join(text[words[at][0] : words[-1][1]].split())


_AGED = re.compile(r"(\d{1,3})-year-old", re.I)


def _by_age(text: str, words: list[tuple[int, int, str]], actors: _Actors) -> _Who | None:
    """'the 60-year-old said', 'said the 60-year-old grandmother': the one person named with
    that age before ('Tom Jones, 60,', 'Tom Jones (60)', 'Tom Jones, aged 60', '60-year-old
    Tom Jones', 'Tom Jones, a 60-year-old'); no one, unnamed, when several were; None when the
    phrase is no age or names no one with it."""
    if len(words) < 2 or words[0][2].lower() != "the" or actors.within(words[0][0],
                                                                        words[-1][1]):
        return None
    m = _AGED.fullmatch(words[1][2])
    if m is None:
        return None
    age = m.group(1)
    given = re.compile(rf"\s*(?:,\s*(?:aged\s+)?{age}(?=\s*[,;.)])|\(\s*(?:aged\s+)?{age}\s*\)"
                       rf"|,\s+an?\s+{age}-year-old\b)", re.I)
    aged = {r[2]: r[4] for r in actors.within(0, words[0][0]) if r[3] == "person" and (
        given.match(text, r[1]) or re.search(rf"\b{age}-year-old\s+$",
                                             text[max(0, r[0] - 16) : r[0]], re.I))}
    if len(aged) > 1:
        return None, None  # two people of that age named before: which one is not written
    return next(iter(aged.items()), None)


# Words that make a title another holder's: 'the new home secretary' is not the last one named
_NEW_HOLDER = frozenset("new former then incoming outgoing ex acting interim next".split())


def _head(words: list[tuple[int, int, str]], k: int,
          found: list[tuple[int, int, str, str, str | None]]) -> int:
    """Where the head noun of the phrase at ``words[k]`` is: its last word, when that is a
    speaker noun the words before it modify ('a senior government source', 'a ministry
    spokesman', 'a Home Office spokesperson'); else ``k``, as when the phrase goes on past a
    speaker noun ('a police report seen by', 'the government's chief scientific adviser'),
    names a new holder of a title ('the new home secretary') or has a name modify a title
    ('the NATO chief': NATO speaks)."""
    end, named, j = k, False, k
    while j < len(words) and j < k + 6:
        mention = next((r for r in found if r[0] <= words[j][0] < r[1]), None)
        if mention is not None:  # a name's words, 'of' included ('Ministry of Defence')
            named = True
            while j < len(words) and words[j][0] < mention[1]:
                j += 1
            end = j - 1
            continue
        low = words[j][2].lower()
        if low in _NP_STOP:
            break
        if low in _NEW_HOLDER:
            return k
        end, j = j, j + 1
    head = words[end][2]
    if end == k or not head.islower() or head not in _SPEAKER_NOUNS or (
            named and head not in _VOICES):
        return k
    return end


def _country(words: list[tuple[int, int, str]], mentioned: list) -> _Who | None:
    """A country or a seat of government that is the whole noun phrase ('Greece said', 'said
    the UK', 'Downing Street said'): its government speaks for it."""
    if words and words[0][2].lower() == "the":
        words = words[1:]
    for r in mentioned:
        if (r[3] == "place" and (r[2] in COUNTRIES or r[2] in _SEATS) and words
                and r[0] == words[0][0] and r[1] == words[-1][1]):
            return r[2], None
    return None


_PLACE_PREPOSITIONS = frozenset({"on", "near", "at", "in", "from", "outside", "inside"})


def _subject_head(text: str, clause: int, cue: int, actors: _Actors, kinds: tuple[str, ...]
                  ) -> _Who | None:
    """The speaker when the clause before a cue opens with a short generic noun phrase that
    an apposition or relative clause separates from the cue ('One survivor, a teenager from
    Eritrea, told', 'A woman who crossed last year said'): who that phrase names, often
    nobody (None, None); None when the clause does not open that way."""
    words = _words(text, clause, cue)
    head = len(words)
    if words and words[0][2].lower() in ("one", "another") and (len(words) == 1 or text[
            words[0][1] : words[1][0]].strip() == ","):
        return None, None  # 'One, who did not want to be named, said', 'Another said': one
        # of a group just named, nobody the article names
    for k, w in enumerate(words[:5]):
        if w[2].lower() in ("who", "whose", "whom", "which", "that") or k and text[
                words[k - 1][1] : w[0]].strip() in (",", "(", "—", "–"):
            head = k
            break
    else:
        # 'A police officer on patrol near the beach at Gravelines, who ..., said': the noun
        # before its first preposition, when a comma or 'who' closes the phrase later
        at = next((k for k, w in enumerate(words[:5]) if w[2].lower() in _PLACE_PREPOSITIONS),
                  None)
        closed = any(w[2].lower() == "who" or text[words[k - 1][1] : w[0]].strip() == ","
                     for k, w in enumerate(words[:15]) if k)
        if at is not None and at > 1 and closed and words[0][2].lower() in ("a", "an", "one"):
            head = at
    if not 0 < head < len(words) or not (words[head - 1][2].lower() in _SPEAKER_NOUNS or (
            head == 2 and words[0][2].lower() in ("a", "an", "one")
            and words[1][2].isalpha() and words[1][2].islower()
            and words[1][2] not in NO_ONE)):
        # ('A receptionist, who asked not to be named, said': a noun for someone, after 'a')
        return None
    k = head - 1
    if k > 3 or (k and words[0][2].lower() not in _INDEFINITE | _ARTICLES):
        return None  # not a determiner and a noun: a name is the other rules' to read
    found = [r for r in actors.within(words[0][0], words[k][1]) if r[3] in kinds]
    return _generic(text, words, k, actors, found)


def _anonymous(words: list[tuple[int, int, str]]) -> int | None:
    """Where 'a source', 'an aide', 'the ally'... is within the last words before a cue."""
    return next((k for k in range(len(words) - 1, max(0, len(words) - 8), -1)
                 if words[k][2].lower() in _ANONYMOUS
                 and words[k - 1][2].lower() in _ARTICLES), None)


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
    one = any(w[2].lower() in _INDEFINITE for w in words[max(0, lo - 1) : k])
    if noun in _ANONYMOUS or one and (noun == "official" or noun in _ROLE_WORDS and (
            noun not in _VOICES and noun not in _ORG_NOUNS) and any(
            w[2].lower() in _ORG_NOUNS for w in words[lo:k])):
        # 'a Home Office source', 'a senior Labour figure': unnamed, not that body's voice;
        # whom they are close to kept in the role; so is one person of a body ('One Home
        # Office official, who asked not to be named, said', 'one Home Office minister told')
        return None, _with_party(words[lo:k], noun)
    inside = [r for r in found if words[lo][0] <= r[0] <= words[k][1] + 40]
    if inside and noun in _VOICES:
        # 'a Home Office spokesperson', 'a statement from the Presidency of ...'
        return inside[0][2], (noun if noun in SPOKES else inside[0][4])
    named = words[lo:k]
    if noun in SPOKES and not inside and named and all(
            w[2][:1].isupper() and w[2].lower() not in _NP_STOP | _PARTY_WORDS
            and w[2] not in ADJECTIVES for w in named) and (
            words[lo - 1][2].lower() in _INDEFINITE if lo > 0 else False):
        # 'A Mears spokesman', 'a Serco spokeswoman': a body no list knows, by its name
        return " ".join(w[2] for w in named), noun
    body = next((w[2].lower() for w in words[lo:k] if w[2].lower() in _ORG_NOUNS), None)
    if noun in SPOKES and body is not None:  # 'a ministry spokesman': the last ministry's
        hit = _last_body(actors, words[k][0], body)
        if hit is not None:
            return hit, noun
    if noun in SPOKES and body is None and lo == k and lo > 0 and words[lo - 1][
            2].lower() == "the" and actors.last_said is not None and (
            actors.last_said[2] or "").split()[-1:] == [noun]:
        return actors.last_said[1], actors.last_said[2]  # 'the spokesperson added': the one
        # quoted last ('A Home Office spokesperson said'), for the same body
    if noun in _ORG_NOUNS:
        hit = _last_body(actors, words[k][0], noun)
        if hit is not None:
            return hit, None
    indefinite = lo > 0 and words[lo - 1][2].lower() in _INDEFINITE
    title = noun
    if noun in _ROLE_WORDS:
        j = k
        while j > lo and words[j - 1][2].lower() in _ROLE_WORDS:
            j -= 1
        title = " ".join(w[2].lower() for w in words[j : k + 1])  # 'the prime minister'
    # 'the British minister': only someone known to be British
    nation = next((ADJECTIVES[w[2]] for w in words[lo:k] if w[2] in ADJECTIVES), None)
    # the owner of a title: 'Care4Calais's chief executive' speaks for Care4Calais; 'Italy's
    # prime minister' is Italy's; 'Serco's chief executive', 'London's mayor' are no one named
    owner = next((r for r in actors.within(words[lo][0], words[k][0])
                  if text[r[1] : r[1] + 2] in ("'s", "’s")), None)
    if owner is not None and owner[3] == "org":
        return owner[2], title
    country = owner is not None and owner[2] in COUNTRIES
    nation = owner[2] if country else nation
    owned = not country and (owner is not None or any(
        w[2][:1].isupper() and w[2].endswith(("'s", "’s")) for w in words[lo:k]))
    if (noun in _PERSON_NOUNS or title in _PERSON_NOUNS) and not indefinite and not owned:
        # 'the minister', 'the chief executive'; not 'a second minister', nor 'the executive'
        # (the EU's) for a chief executive
        hit = actors.last_role_before(words[k][0], title, nation)
        if hit is not None:
            return hit
        held = actors.office_holder(title, nation)
        if held is not None:  # 'the Prime Minister', in January 2024: Rishi Sunak, named before
            return held, title
    if body is not None and noun in _ROLE_WORDS:  # 'the coastguard chief': for the coastguard
        hit = _last_body(actors, words[k][0], body)
        if hit is not None:
            return hit, title
    if nation is not None and noun in _ROLE_WORDS:
        adjective = next((w[2] for w in words[lo:k] if w[2] in ADJECTIVES), None)
        title = f"{adjective} {title}" if adjective else title  # not 'Belgium's'
    if title == noun and noun in _PARTISAN:
        # 'one Tory backbencher', 'a Kent councillor': who they are for, kept in the role
        title = _with_party(words[lo:k], noun)
    return None, title  # an unnamed speaker, with its noun as role: 'officials', 'a survivor'


# Words a party's spokesperson is called by that are no body's name ('a Conservative spokesman')
_PARTY_WORDS = frozenset("conservative tory democratic republican liberal green government "
                         "opposition party".split())
def _one_of_a_body(text: str, words: list[tuple[int, int, str]],
                   found: list[tuple[int, int, str, str, str | None]]) -> _Who | None:
    """'a Border Force officer', 'a senior Greek government official, speaking on condition
    of anonymity,', 'At the Glasgow Night Shelter, a volunteer who asked not to be named':
    someone unnamed who belongs to a body named in their noun phrase (not its spokesperson,
    who speaks for it), that phrase their role. None for any other phrase."""
    at = next((i for i, w in enumerate(words) if w[2].lower() in ("a", "an", "one", "another")
               and (i == 0 or text[words[i - 1][1]:w[0]].strip() == ",")), None)
    if at is None or at + 1 >= len(words) or at > 0 and words[0][2].lower() not in SCENE_WORDS:
        return None  # (not 'Dean, a medical doctor, ...': a named person's description)
    start = words[at + 1][0]
    stop = head_end(text, start, words[-1][1])  # ('a volunteer who ...', 'an official, ...')
    if stop is None:
        return None
    if at == 0 and not any(start <= r[0] and r[1] < stop and r[3] in ("org", "place")
                           for r in found):
        return None  # (after an opening phrase, 'At the shelter, a volunteer': not the place)
    return None, " ".join(text[start:stop].split())


def _with_party(before: list[tuple[int, int, str]], noun: str) -> str:
    """``noun`` with the capitalised words before it: 'Tory backbencher', 'Labour figure'."""
    kept = [w[2] for w in before if w[2][:1].isupper() and w[2].lower() not in _ARTICLES]
    return " ".join([*kept, noun])


# The last words of a state body's or a party's name: 'the charity said' is not the Home
# Office, nor the Labour Party
_STATE_HEADS = frozenset(
    "office ministry department government police force coastguard guard directorate "
    "presidency embassy commission court parliament party".split())


def _last_body(actors: _Actors, offset: int, noun: str) -> str | None:
    """The organisation 'the ministry', 'the charity' or 'the group' before ``offset`` is: the
    last one with that word in its name, else, for a word any organisation can be called
    ('the group', 'the charity'), the last one that is not a state body or a party (unless
    the word is 'agency', which state bodies are too)."""
    hit = actors.last_before(offset, ("org",), noun)
    if hit is None and noun in _ANY_ORG:
        hi = bisect.bisect_left(actors.starts, offset)
        hit = next(((r[2], r[4]) for r in reversed(actors.rows[:hi]) if r[3] == "org" and (
            noun == "agency" or r[2].split()[-1].lower() not in _STATE_HEADS)), None)
    return hit[0] if hit is not None else None
