"""Speakers from the text's own name phrases, for quotes the actor-based rules leave unnamed.

Rules (lexicon: ``lexicons/speakers.json``), tried in order for one quote:
- Transcript style: the quote opens with "NAME:" ("WALLACE: Let's start...").
- A dash after the quote at its paragraph's end: "“...” ― Jane Doe".
- After the quote, in its sentence: "“...,” said MSNBC host Chris Matthews", "“...,” Rep.
  Jane Doe (D-N.Y.), head of the caucus, said Friday", "“...,” he told reporters".
- Before the quote, in its sentence: "according to X, “...”", the subject of the nearest
  speech verb ("The Post reports that ... “...”", "Trump tells supporters to “...”"), the
  possessor of a speech noun ("Trump's claim that “...”"), "Name: “...”".
- The sentence just before, in the same paragraph, when it ends "..., X said." or
  "X said:"/"X continued:".
A name phrase is a run of capitalised words (initials, particles such as "de" and hyphens
allowed); titles and honorifics before the name are dropped ("Senate Majority Leader Mitch
McConnell" -> "Mitch McConnell"), and a surname on its own becomes the full name of an actor
already named in the article ("Mr. Burman" -> "Leonard E. Burman"). A phrase whose head names
nobody ("a source close to X", "a spokesman for Y", "officials") gives no speaker, and so
does a capitalised word that modifies the head noun before the verb ("The Indiana governor
said", "Small groups of protesters chanting"). After the quote, a subordinate clause
("“...,” when X pressed her") or a verb with a "that" clause ("“...” suggests that X ...")
is not an attribution.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from collections.abc import Sequence

from newstables.extract.actor_tokens import (
    _ORG_NOUNS,
    _ROLE_WORDS,
    _STOP,
    GIVEN_PRONOUN,
    NAME_PARTICLES,
    POST_NOMINALS,
    PREFIXED_NAME,
    WHERE_SOMEONE_IS,
    bare_surname,
)
from newstables.extract.unnamed import ASKED_UNNAMED, brought_in, referred_back
from newstables.lexicon import load_json
from newstables.paths import LEXICONS

_LEX = json.loads((LEXICONS / "speakers.json").read_text(encoding="utf-8"))
_VERBS = frozenset(_LEX["verbs"])
_NOUNS = frozenset(_LEX["nouns"])
_TITLES = frozenset(_LEX["titles"])
_NOT_NAMES = frozenset(_LEX["not_names"])
_LABELS = frozenset(_LEX["labels"])
# "Freedom from Torture's chief executive, Sonya Sceats": a title and a comma, no clause
_TITLE_ONLY = re.compile(r"\s*(?:(?!(?:who|whom|whose|which|that)\b)[\w.'’-]+\s*){1,8},?\s*", re.I)
_NP_STOPS = frozenset(_LEX["np_stops"]) | {"for"}
_UNNAMED = frozenset(_LEX["unnamed"])
_BEFORE_VERB = frozenset(_LEX["before_verb"])
_OUTLETS = frozenset(_LEX["outlets"])
_LISTENER_VERBS = frozenset(_LEX["listener_verbs"])
# a capitalised participle opening a sentence is not a name ('Following the meeting, ...')
_PARTICIPLE_OPENERS = frozenset(
    "following according speaking writing commenting responding referring noting "
    "adding describing calling citing warning saying".split())
_OUTLET_WORDS = frozenset(_LEX["outlet_words"])
# Words that open a sentence with an adverbial before its subject ('In August, X ...').
_OPENERS = frozenset(_LEX["clause_openers"])
# Past tenses that end a subject as '-ed' does ('several charities gave X ..., saying').
_IRREGULAR_PAST = frozenset(load_json("events_tense.json")["past_words"]) - {
    "ago", "last", "yesterday"}
_AUXILIARIES = frozenset("is was are were has have had will would can could may might must "
                         "should shall did does do".split())
_COUNTRIES = json.loads((LEXICONS / "actors_countries.json").read_text(encoding="utf-8"))
_PLACES = json.loads((LEXICONS / "actors_places.json").read_text(encoding="utf-8"))
# Known places never speak ('Greece said' is not a speaker); names are compared lower-case.
_PLACE_NAMES = frozenset(
    [n.lower() for n, v in _COUNTRIES.items() if not n.startswith("_")]
    + [a.lower() for n, v in _COUNTRIES.items() if not n.startswith("_") for a in v["aliases"]]
    + [n.lower() for n, v in _PLACES.items() if not n.startswith("_")]
    + [a.lower() for n, v in _PLACES.items() if not n.startswith("_") for a in v[1]]
)
_PERSONAL = {"he": "person", "she": "person", "it": "org"}
_PARTICLES = NAME_PARTICLES | {"st.", "st"}
_SUFFIX = frozenset("jr jr. sr sr. ii iii iv".split()) | {w.lower() for w in POST_NOMINALS}

_TOKEN = re.compile(r"[^\W_](?:[\w.’'-]*[\w.])?|--|[,;:!?()“”\"‘—–―]")
_APPOSITIVE = frozenset([",", ")", "--", "—", "–"])
_APPOSITIVE_OPEN = frozenset([",", "(", "--", "—", "–"])
_CAPITAL = re.compile(r"[A-Z\u00c0-\u00de]")
_TRANSCRIPT = re.compile(r"\s*([A-Z][A-Z.'’ -]{1,30}[A-Z]):\s")
# "― X", "- Conservative MP X (Sevenoaks), in a Westminster Hall debate": the name phrase
# before a comma or bracket, whatever the line says after it
_DASH_AFTER = re.compile(r"\s*[―—–-]{1,2}\s*([A-Z][^\n“”\",(]{1,60}?)\s*(?:[,(][^\n“”\"]*)?$")
_INITIALS = re.compile(r"(?:[A-Z]\.?\s?){1,3}")
# Conjunctions a sentence opens with, capitalised but no part of the name after them
_OPENS = frozenset({"but", "and", "so", "yet", "or", "nor", "still", "meanwhile", "however"})
_SAID_SO = re.compile(r"\s+(?:[\w'’.-]+\s+){1,6}?(?:said|says|repeated|argued|insisted)\s+(?:so"
                      r"|this|it)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[“\"'‘A-Z]|\s*$)")
_CLOSE_MARK = re.compile(r"[”\"]|''")
_LAST_WORD = re.compile(r"(\w+)\.$")



def is_title(name: str) -> bool:
    """A bare title or honorific ('Rep', 'Sen.'), not a name."""
    return name.lower().rstrip(".") in _TITLES


def is_bare_title(name: str) -> bool:
    """Title words alone, several ('Home Secretary', 'Chief Inspector'): an office, no name."""
    words = name.split()
    return len(words) > 1 and all(_low(w) in _ROLE_WORDS for w in words)


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _low(word: str) -> str:
    """A token lower-cased, without a trailing full stop ('said.' -> 'said')."""
    return word.lower().rstrip(".")


def _is_cap(word: str) -> bool:
    low = word.lower().rstrip(".")
    capital = _CAPITAL.match(word) or PREFIXED_NAME.match(word)
    return bool(capital) and low not in _NOT_NAMES and not (
        low.endswith("ing") and low in _PARTICIPLE_OPENERS)


def _runs(toks: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised tokens (particles and suffixes inside a run allowed)."""
    runs: list[list[tuple[int, int, str]]] = []
    cur: list[tuple[int, int, str]] = []
    for k, tok in enumerate(toks):
        word = tok[2]
        low = word.lower()
        inside = cur and (_particles_then_name(toks, k) if low in _PARTICLES
                          else low in _SUFFIX and k + 1 < len(toks))
        if _is_cap(word) or inside:
            cur.append(tok)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _particles_then_name(toks: list[tuple[int, int, str]], k: int) -> bool:
    """Do name particles from ``toks[k]`` on lead to a capitalised word ('von der Leyen')?"""
    while k < len(toks) and toks[k][2].lower() in _PARTICLES:
        k += 1
    return k < len(toks) and _is_cap(toks[k][2])


# Capitalised title words joined by "and" before a name ('Migration and Asylum Minister')
_JOINED_TITLE = re.compile(r"(?:[A-Z][\w'’-]*\s+)+and\s+(?:[A-Z][\w'’-]*\s+)+")


def _name_of(run: list[tuple[int, int, str]]) -> str | None:
    """The name in a run, its titles dropped: 'Sen. Claire McCaskill' -> 'Claire McCaskill'."""
    words = [w for _, _, w in run]
    if is_bare_title(" ".join(words)):
        return " ".join(words)  # 'Chief Inspector', 'Home Secretary': its holder's (quotes.py)
    titled = False
    while len(words) > 1 and words[0].lower().rstrip(".") in _TITLES:
        words, titled = words[1:], True
    while words and words[-1].lower() in _SUFFIX:
        words = words[:-1]
    if not words or (len(words) == 1 and not titled and _low(words[0]) in _TITLES):
        return None  # a bare title ('the Senator'); 'Mr. King' is a name
    if len(words[-1]) > 2:
        words[-1] = words[-1].rstrip(".")
    name = " ".join(words).rstrip(",")
    return name.removesuffix("’s").removesuffix("'s") or None


_SUBORDINATORS = frozenset(
    "when while because after before if since although though unless".split())
_PREPOSITIONS = frozenset("in at on from to of for with by about into over under near".split())
_ARTICLES = frozenset("a an one two three several some senior".split())
_LINKS = frozenset("close to of for in at with from".split())


def _unnamed_before(toks: list[tuple[int, int, str]]) -> bool:
    """'a source close to', 'an aide to', 'one official in': an unnamed head before a name."""
    lows = [_low(t[2]) for t in toks]
    return any(
        w in _UNNAMED and k > 0 and lows[k - 1] in _ARTICLES and k + 1 < len(lows)
        and lows[k + 1] in _LINKS
        for k, w in enumerate(lows)
    )


def is_listener_verb(word: str) -> bool:
    """'told', 'informed'...: a speech verb whose object is the one spoken to, never the
    speaker ('X told Reuters: “...”')."""
    return _low(word) in _LISTENER_VERBS


def starts_turn(text: str, pos: int = 0) -> bool:
    """Does ``text`` at ``pos`` open a transcript turn ('WALLACE: ...')?"""
    m = _TRANSCRIPT.match(text, pos)
    return m is not None and len(m.group(1).split()) <= 3


# After a name, what makes it the subject of a speech verb: an optional bracket or
# apposition, then the verb ('X said', 'X (R-Ga.) told', 'X, the minister, argued').
_SUBJECT_TAIL = re.compile(r"(?:\s*\([^()]{0,40}\))?(?:\s*,[^,.;:!?“”\"]{1,60},)?\s+(\w+)")


def antecedent(text: str, mentions: Sequence[tuple], spoken: Sequence[tuple],
               sentence_starts: Sequence[int], at: int, pronoun: str
               ) -> tuple[str | None, str | None] | None:
    """Whom 'he' or 'she' (``pronoun``) at ``at`` refers to, as (speaker, role); None when
    no one.

    ``mentions`` are (start, end, name, kind[, role]) in text order; ``spoken`` the quotes
    attributed to one person so far, (offset, speaker, role, pronoun that fits them) in text
    order, speaker None for someone unnamed. The last person mentioned is meant, but in that
    mention's sentence the one who speaks wins ('Sen. Perdue said he doubted it did Romney
    in': Perdue), and a quote the pronoun fits, attributed after that mention, wins over
    both ('One survivor told …' then '“…,” she added': the survivor, unnamed)."""
    brought = brought_in(text, mentions, sentence_starts, at, pronoun) or referred_back(
        text, spoken, sentence_starts, at, pronoun)
    if brought is not None:
        return brought
    k = next((j for j in range(len(mentions) - 1, -1, -1)
              if mentions[j][0] < at and mentions[j][3] == "person"
              and fits(mentions[j][2], pronoun)), None)
    mention = None
    if k is not None:
        i = bisect.bisect_right(sentence_starts, mentions[k][0]) - 1
        sentence = sentence_starts[i] if i >= 0 else 0
        mention = next((m for m in mentions[: k + 1] if m[0] >= sentence and m[3] == "person"
                        and fits(m[2], pronoun) and _speaks(text, m[1])), None) or next(
            (m for m in mentions[: k + 1] if m[0] >= sentence and m[3] == "person"
             and fits(m[2], pronoun) and _TITLE_ONLY.fullmatch(text, sentence, m[0])
             and text[m[1] : m[1] + 1] == ","), mentions[k])
        # ('The Commission president, Ursula von der Leyen, who visited with Ms Meloni, ...':
        # the subject named with its title, in apposition, over a name in its clause)
    for entry in reversed(spoken):
        if entry[0] < at and entry[3] in ("either", pronoun) and fits(entry[1], pronoun):
            if mention is None or entry[0] > mention[0]:
                return entry[1], entry[2]
            break
    return (mention[2], mention[4] if len(mention) > 4 else None) if mention else None


def fits(name: str | None, pronoun: str) -> bool:
    """Can a person called ``name`` be the 'he' or 'she' of ``pronoun``? Not when their given
    name is one news uses for the other pronoun (marked in ``actors_first_names.txt``);
    anyone else, the unnamed included, can."""
    if not name or pronoun not in ("he", "she"):
        return True
    return name.split()[0] not in given_names("she" if pronoun == "he" else "he")


@functools.cache
def given_names(pronoun: str) -> frozenset[str]:
    """The given names ``actors_first_names.txt`` marks as used for ``pronoun``."""
    return frozenset(name for name, used in GIVEN_PRONOUN.items() if used == pronoun)


def _speaks(text: str, name_end: int) -> bool:
    """Is the name ending at ``name_end`` the subject of a speech verb right after it?"""
    tail = _SUBJECT_TAIL.match(text, name_end)
    return tail is not None and tail.group(1).lower() in _VERBS


def _speech_verb(toks: list[tuple[int, int, str]], lows: list[str], k: int) -> bool:
    """Is ``toks[k]`` a speech verb? A capitalised one after a capitalised word is part of a
    name ('the United States would'), unless the words around are all capitalised (a
    headline: 'Minister Says')."""
    if lows[k] not in _VERBS:
        return False
    if k and _is_cap(toks[k][2]) and _is_cap(toks[k - 1][2]):
        return all(_is_cap(w) for _, _, w in toks if w[:1].isalpha() and len(w) > 3)
    return True


# Words that open a plural description naming no one ('several groups', 'their lawyers').
_GROUP_OPENERS = frozenset("several some many few two three four five six seven eight nine ten "
                           "dozens hundreds thousands the their other various".split())
_DETERMINERS = frozenset("the a an this that its his her their".split())


def _modifier(lows: list[str], s: int, i: int) -> bool:
    """Is ``lows[i]`` an -ed word modifying the noun after it ('The embattled Prime Minister',
    'The recently appointed Home Secretary'), not the verb?"""
    j = i - 1
    if j > s and lows[j].endswith("ly"):
        j -= 1
    return j >= s and lows[j] in _DETERMINERS


def _main_verb(word: str, low: str) -> bool:
    """A lower-case word that can end a subject: a past tense ('granted', 'gave'), an
    auxiliary, or a speech verb."""
    return not _is_cap(word) and (
        (low.endswith("ed") and len(low) > 4) or low in _IRREGULAR_PAST or low in _AUXILIARIES
        or low in _VERBS
        or low in _BEFORE_VERB)


def _modified_head(word: str) -> bool:
    """Is ``word``, right after a capitalised run and before the speech verb, a head noun
    the run modifies ('Indiana governor', 'Small groups'), not an adverb, an auxiliary or a
    verb in -ed ('the Security Council issued a statement calling')?"""
    low = word.lower()
    return word[:1].islower() and word.isalpha() and not low.endswith(("ly", "ed")) and (
        low not in _BEFORE_VERB)


class Speakers:
    """Speaker look-ups in one article, with its actors for full names and pronouns.

    Each rule returns a name, None when it finds nothing, or "" when the phrase it finds
    names nobody on purpose ('a source close to X', 'X and Y announced')."""

    def __init__(self, text: str, mentions: Sequence[tuple[int, int, str, str]],
                 spoken: Sequence[tuple[int, str | None, str | None, str]],
                 sentence_starts: Sequence[int]) -> None:
        self.text = text
        self.mentions = sorted(mentions)  # (start, end, name, kind)
        # The quotes attributed so far to one person, which the caller adds to as it goes,
        # and where the article's sentences start: for 'he' and 'she' (``antecedent``).
        self.spoken = spoken
        self.sentence_starts = sentence_starts

    # --- names ----------------------------------------------------------------------------

    def full_name(self, name: str, at: int) -> str:
        """A surname alone becomes the full name of an earlier actor with that last word."""
        last = bare_surname(name.split()[-1]).lower()
        best = exact = None
        for s, _, actor, kind in self.mentions:
            if s > at:
                break
            words = actor.split()
            if kind == "person" and words and bare_surname(words[-1]).lower() == last and len(
                    words) >= len(name.split()):
                best = actor
                if actor.lower().endswith(name.lower()):
                    exact = actor  # 'Da Silva': the one whose name ends so
        return exact or best or name

    def _actor_at(self, start: int, end: int) -> str | None:
        """The actor whose mention ends inside [start, end] last (person first)."""
        hit = None
        for s, e, actor, kind in self.mentions:
            if s >= end:
                break
            if e > start and s >= start - 1 and kind in ("person", "org"):
                hit = actor
        return hit

    def _name_start(self, start: int, end: int) -> int:
        """Where the actor name that [start, end) is the end of begins ('Torture' in 'Freedom
        from Torture'); ``start`` when no actor's mention holds it."""
        for s, e, _, kind in self.mentions:
            if s >= start:
                break
            if e >= end and kind in ("person", "org"):
                return s
        return start

    def _last_body(self, at: int) -> str | None:
        """The last organisation before ``at``, or named body with an outlet word in it."""
        for s, _, actor, kind in reversed(self.mentions):
            if s < at and (kind == "org" or kind == "other" and any(
                    w.lower() in _OUTLET_WORDS for w in actor.split())):
                return actor
        return None

    def _pronoun(self, word: str, at: int) -> str | None:
        """The actor 'he', 'she' or 'it' at ``at`` refers to ("" for an unnamed speaker)."""
        kind = _PERSONAL.get(_low(word))
        if kind == "person":
            who = antecedent(self.text, self.mentions, self.spoken, self.sentence_starts, at,
                             _low(word))
            return None if who is None else who[0] or ""
        if kind is None:
            return None
        return next((actor for s, _, actor, k in reversed(self.mentions)
                     if s < at and k == kind), None)

    def phrase(self, start: int, end: int) -> str | None:
        """The speaker named by the phrase text[start:end]: a name, a pronoun, or None."""
        toks = [t for t in _tokens(self.text, start, end) if t[2] not in "“”\"‘"]
        if not toks:
            return None
        first = re.sub(r"['’](?:s|d|ll)$", "", _low(toks[0][2]))  # "He's claiming that"
        if first in _PERSONAL:
            return self._pronoun(first, toks[0][0])
        for s, e, actor, kind in self.mentions:  # 'Migration and Asylum Minister X': X
            if s >= end:
                break
            if kind == "person" and toks[0][0] < s and e <= end and _JOINED_TITLE.fullmatch(
                    self.text, toks[0][0], s):
                return actor
        # stop the phrase at a comma, bracket or a word that ends a noun phrase
        cut = []
        for tok in toks:
            low = _low(tok[2])
            if tok[2] in ",;:()!?—–―" or (cut and low in _NP_STOPS and not _is_cap(tok[2])):
                break
            cut.append(tok)
        if not cut:
            return None
        for s, e, actor, kind in self.mentions:  # 'Freedom from Torture said': one name
            if s == cut[0][0] and cut[-1][1] < e <= end and kind in ("person", "org"):
                if self.text[e : e + 2] in ("'s", "’s"):  # "X's chief executive, Y": Y
                    return next((a for ps, _, a, k in self.mentions if e < ps < end
                                 and k == "person" and _TITLE_ONLY.fullmatch(
                                     self.text, e + 2, ps)), actor)
                return actor
        runs = _runs(cut)
        lows = [_low(t[2]) for t in cut]
        if not runs:
            if len(lows) == 2 and lows[0] == "the" and lows[1] in _OUTLETS:
                return self._last_body(cut[0][0])  # 'the newspaper wrote'
            return None
        run = runs[-1]
        if run[-1] is not cut[-1] and not (len(runs) == 1 and run[0] is cut[0] and _low(
                cut[len(run)][2]) in _VERBS):
            return None  # the name modifies a head noun: 'a British minister', 'Trump aides'
        name = _name_of(run)
        # where the name starts in the run, after its titles ('Prime Minister Rishi Sunak')
        named_from = run[len(run) - len(name.split())][0] if name and len(name.split()) <= len(
            run) else run[0][0]
        unnamed_at = max((k for k, w in enumerate(lows) if w in _UNNAMED), default=-1)
        if unnamed_at >= 0 and cut[unnamed_at][0] > max(run[0][0], named_from - 1):
            return None  # 'a White House official', 'Clinton aides'
        if _low(run[-1][2]) in _UNNAMED:
            return None  # 'Officials said', 'Residents called'

        if name is None or name.lower().removeprefix("the ") in _PLACE_NAMES:
            return None  # places never speak
        if " " not in name and name.lower() in _STOP:
            return None  # 'Some 82,000 Syrians returned, the minister said': no one's name
        actor = self._actor_at(run[0][0], run[-1][1])
        if actor is not None and actor.split()[-1].lower() == name.split()[-1].lower():
            extra = name.split()[: -len(actor.split())]
            if not (extra and re.fullmatch(r"[A-Z]\.", extra[-1])):
                return actor  # the actors table knows the name ('Home Secretary X' -> 'X')
        if _low(run[0][2]) in ("sir", "dame") and len(name.split()) == 1:
            # 'Sir Keir': a knight or dame goes by the first name (Keir Starmer)
            known = self._first_named(name, run[0][0])
            if known is not None:
                return known
        return self.full_name(name, run[0][0])

    def _first_named(self, first: str, at: int) -> str | None:
        """The last person before ``at`` whose name's first word is ``first``."""
        hit = None
        for s, _, actor, kind in self.mentions:
            if s > at:
                break
            if kind == "person" and len(actor.split()) > 1 and actor.split()[0] == first:
                hit = actor
        return hit

    # --- rules ----------------------------------------------------------------------------

    def transcript(self, q_start: int, q_end: int) -> str | None:
        """'WALLACE: Let's start...' inside the quote."""
        m = _TRANSCRIPT.match(self.text, q_start, q_end)
        if m is None or len(m.group(1).split()) > 3:
            return None
        return self.full_name(m.group(1).title(), m.start(1))

    def after(self, close: int, limit: int) -> str | None:
        """After the closing mark: '“...,” said X' / '“...,” X, who ..., said' / '― X'."""
        text = self.text
        tail_end = self._sentence_end(close, limit)
        if text[close : close + 1] in ".!?" and not _SAID_SO.match(text, close + 1, tail_end):
            return None  # '“... this country”. Britain's Safety of Rwanda Act received ...': a
            # new sentence, which attributes it only by saying so ('X said so again')
        dash = _DASH_AFTER.match(text[close:limit])
        if dash is not None and _INITIALS.fullmatch(dash.group(1)):
            dash = None  # '... a template." — JB': a newsletter item signed by its writer
        if dash is not None and limit - close < 160:
            start, end = close + dash.start(1), close + dash.end(1)
            known = self._actor_at(start, end)  # '- Conservative MP Julian Aske': the person
            # ('- Border security minister, Commons statement': the office, no one named)
            return self.phrase(start, end) or (known if known and text[start:end].endswith(
                known) else None) or (text[start:end] if is_bare_title(text[start:end]) else None)
        toks = [t for t in _tokens(text, close, tail_end) if t[2] not in "“”\"‘"]
        k = 0
        while k < len(toks) and toks[k][2] in ",;:—–":
            k += 1
        if k >= len(toks):
            return None
        if _low(toks[k][2]) in _SUBORDINATORS:
            return None  # '“...,” when Clinton blasted him': another clause, not an attribution
        lows = [_low(t[2]) for t in toks]
        if _speech_verb(toks, lows, k):  # '“...,” said X'
            if k + 1 < len(toks) and _low(toks[k + 1][2]) == "that":
                return None  # '“...” suggests that X ...': X is in the reported clause
            j = k + 1
            while j < len(toks) and _low(toks[j][2]) in ("the", "a", "an"):
                j += 1
            if j < len(toks):
                return self.phrase(toks[j][0], tail_end)
            return None
        # '“...,” X (...), head of ..., said': a verb within the sentence after the phrase
        for j in range(k, min(len(toks), k + 45)):
            if _speech_verb(toks, lows, j):
                subject_end = toks[j][0]
                between = text[toks[k][0] : subject_end]
                if "," not in between and "(" not in between and j - k > 6:
                    # '“...” That was how fisherman X described it': the verb's own subject
                    return self._subject(toks, j, close) or None
                who = self.phrase(toks[k][0], subject_end)
                if who is None and j >= 3 and toks[j - 1][2] == ",":
                    # '“...,” the charity's chief executive, Jane Doe, said': the apposed name
                    i = j - 2
                    while i >= 0 and (_is_cap(toks[i][2]) or _low(toks[i][2]) in _PARTICLES):
                        i -= 1
                    if i >= 0 and toks[i][2] == "," and i < j - 2:
                        who = self.phrase(toks[i + 1][0], toks[j - 2][1])
                return who
        return None

    def before(self, sent_start: int, open_: int) -> str | None:
        """In the lead-in: 'according to X, “', 'X reports that “', 'X's claim that “'."""
        text = self.text
        sent_start = self._last_sentence_start(sent_start, open_)
        if ASKED_UNNAMED.match(text, sent_start, open_):
            return ""  # 'Asked whether ... the Home Secretary, Suella Braverman, the spokesman
            # replied: “Yes.”': the one asked, unnamed; not a name in the question
        toks = [t for t in _tokens(text, sent_start, open_) if t[2] not in "“”\"‘"]
        if not toks:
            return None
        lows = [_low(t[2]) for t in toks]
        for k in range(len(toks) - 2, -1, -1):
            if lows[k] == "according" and lows[k + 1] == "to" and k + 2 < len(toks):
                return self.phrase(toks[k + 2][0], open_)
        if (lows[-1] == ":" and len(toks) > 1
                and not any(low in _VERBS for low in lows[:-1])):  # not 'X told Reuters: “'
            run = _runs(toks[:-1])
            if run and run[-1][-1] is toks[-2] and len(toks) <= 5 and not (
                    all(low in _LABELS for low in lows[:-1])):  # 'Claim: “...”', 'PRESS
                # RELEASE: “...”' name no one
                return self.phrase(run[-1][0][0], toks[-2][1])  # 'Name: “...”'
        if len(toks) > 2 and toks[-1][2] in ",:" and _speech_verb(toks, lows, len(toks) - 2):
            who = self._subject(toks, len(toks) - 2, sent_start)  # '..., Trump boasted, “'
            if who:
                return who
        for k in range(len(toks)):  # the first speech verb: the outer attribution
            if _speech_verb(toks, lows, k):
                who = self._subject(toks, k, sent_start)
                if who is None and k > 0 and toks[k - 1][2] == "," and lows[k].endswith("ing"):
                    who = self._main_subject(toks, lows, k)  # 'X granted Y ..., saying “'
                if (who is None and k + 1 < len(toks) and not is_listener_verb(lows[k])
                        and (k == 0 or toks[k - 1][2] in ",;:—–")
                        and _AUXILIARIES.isdisjoint(lows[k + 1 :])):
                    # '..., said X: “' (a verb with a subject before it names no one after it);
                    # not '..., Chris Philp, said Labour had “': a clause, not a name phrase
                    who = self.phrase(toks[k + 1][0], open_) if _is_cap(toks[k + 1][2]) else None
                if who is not None:
                    return who
        for k in range(len(toks) - 1, 0, -1):  # 'Trump's claim that “...”'
            if lows[k] in _NOUNS and (re.search(r"[’']s$", toks[k - 1][2])
                                      or lows[k - 1] in ("his", "her", "its")):
                verb = next((i for i in range(k - 1) if _speech_verb(toks, lows, i)), None)
                if lows[k - 1] in ("his", "her", "its") and verb is not None and not any(
                        toks[verb][1] <= ms < toks[k - 1][0] and kind == "person"
                        for ms, _, _, kind in self.mentions):
                    return None  # 'As the Prime Minister said when he launched his pledge,
                    # “': the one who said it, whom no name gives, not whom 'his' fits (but
                    # 'Critics say Rishi Sunak has not kept his promise, “': Sunak's)
                run = _runs(toks[max(0, k - 5) : k])
                if run and run[-1][-1] is toks[k - 1]:
                    return self.phrase(run[-1][0][0], toks[k - 1][1])
                if toks[k - 1][2].lower() in ("his", "her", "its"):
                    return self._pronoun({"his": "he", "her": "she", "its": "it"}[
                        toks[k - 1][2].lower()], toks[k - 1][0])
        return None

    def _subject(self, toks: list[tuple[int, int, str]], k: int, floor: int) -> str | None:
        """The name or pronoun before the verb at ``toks[k]`` in its clause (appositives
        and up to three other words between allowed)."""
        j = k - 1
        skipped = 0
        while j >= 0 and skipped <= 3:
            word = toks[j][2]
            low = _low(word)
            if word in _APPOSITIVE:
                # 'The mayor of Boulogne-sur-Mer, Frédéric Cuvillier, said': the person named
                # in apposition
                opening = j - 1
                while opening >= 0 and toks[opening][2] not in _APPOSITIVE_OPEN and j - opening < 6:
                    opening -= 1
                if opening > 0 and toks[opening][2] == ",":
                    named = next((a for ms, me, a, kind in self.mentions if kind == "person"
                                  and ms == toks[opening + 1][0] and me == toks[j - 1][1]), None)
                    if named is not None:
                        return named
                # 'X, the head of Y, which ..., said': the subject opens the clause
                lead = self._clause_subject(toks, j)
                if lead is not None:
                    return lead
                # skip an appositive ', the ... of X,' back to its opening comma
                depth = j - 1
                while depth >= 0 and toks[depth][2] not in _APPOSITIVE_OPEN and k - depth < 40:
                    depth -= 1
                if depth < 0 or toks[depth][2] not in _APPOSITIVE_OPEN:
                    return None
                j = depth - 1
                continue
            if low in _PERSONAL:
                return self._pronoun(low, toks[j][0])
            if low in _OUTLETS and j > 0 and _low(toks[j - 1][2]) == "the":
                return self._last_body(toks[j][0])  # 'the newspaper wrote that'
            if _is_cap(word) or low in _SUFFIX:
                end = j
                while j > 0 and (_is_cap(toks[j - 1][2]) and _low(toks[j - 1][2]) not in _OPENS
                                 or toks[j - 1][2].lower() in _PARTICLES):
                    j -= 1  # (not 'But' opening the sentence: 'But Sophie, 31, ... said')
                opens = self._name_start(toks[j][0], toks[end][1])
                while j > 0 and toks[j - 1][0] >= opens:  # 'Freedom from Torture': one name
                    j -= 1
                if end + 1 < k and _modified_head(toks[end + 1][2]):
                    return None  # 'The Indiana governor said': the name modifies a noun
                before = [_low(t[2]) for t in toks[max(0, j - 3) : j]]
                of = 2 if before[-2:] == ["of", "the"] else 1 if before[-1:] == ["of"] else 3 if (
                    before[-3:-1] == ["of", "the"] and before[-1] in _ORG_NOUNS) else 0
                # ('Tom Wheeler of the charity Routes Not Walls said': Tom Wheeler)
                if of and j > of and _is_cap(toks[j - of - 1][2]) and not any(
                        kind == "person" and toks[j][0] <= ms < toks[end][1]
                        for ms, _, _, kind in self.mentions):
                    # 'Gov. X of West Virginia lauded', 'Dr X of the Migration Observatory
                    # said': X, not the state or the body (but 'Chief Executive of the Refugee
                    # Council Enver Solomon said': the person after it)
                    end = j - of - 1
                    j = end
                    while j > 0 and _is_cap(toks[j - 1][2]):
                        j -= 1
                    before = [_low(t[2]) for t in toks[max(0, j - 2) : j]]
                coordinated = any(_low(t[2]) == "and" for t in toks[end + 1 : k])
                if coordinated and before and before[-1] in _PREPOSITIONS:
                    return None  # 'the unrest in Charlotte and said': not the subject
                if "and" in before and self._joined(toks, j):
                    return ""  # 'X and the Y announced': a joint voice, no one speaker
                clause = j
                while clause > 0 and toks[clause - 1][2] not in ";:.!?“”\"":
                    clause -= 1
                if _unnamed_before(toks[clause:j]):
                    return ""  # 'a source close to the minister said': unnamed
                at = j - 2 if j > 1 and _low(toks[j - 1][2]) == "the" else j - 1
                if at >= clause and _low(toks[at][2]) in WHERE_SOMEONE_IS and all(
                        kind == "place" for ms, _, _, kind in self.mentions if ms == toks[j][0]
                ) and not any(toks[clause][0] <= ms < toks[at][0] and kind != "place"
                              for ms, _, _, kind in self.mentions):
                    # 'One survivor I met in Kalamata, a 19-year-old ..., told me': where the
                    # speaker was, not who (unless a body or person comes before: 'A British
                    # embassy spokesperson in Ankara said'); someone unnamed when the clause
                    # opens with them
                    return "" if _low(toks[clause][2]) in _ARTICLES | {"another"} else None
                return self.phrase(toks[j][0], toks[end][1])
            if word in ";:.!?“”\"":
                return None
            skipped += 1
            j -= 1
        return None

    def _joined(self, toks: list[tuple[int, int, str]], j: int) -> bool:
        """Is the 'and' among the words before the name at ``toks[j]`` joined to another
        speaker ('Macron and the prime minister said', 'X and Y announced'), not inside a
        title ('Minister of State for Border Security and Asylum Angela Eagle said')?"""
        at = next(i for i in range(j - 1, max(-1, j - 4), -1) if _low(toks[i][2]) == "and")
        if toks[at][2] == "And":
            return False  # 'And South Dorset MP Richard Drax blasted:': the sentence's opener
        if at == 0 or not _is_cap(toks[at - 1][2]):
            return True  # 'X and the minister said', 'and ... said' opening a sentence
        before = toks[at - 1][1]
        return any(s < before <= e for s, e, _, _ in self.mentions)  # 'Norway and the EU'


    def _main_subject(self, toks: list[tuple[int, int, str]], lows: list[str], k: int
                      ) -> str | None:
        """Who a participle cue at ``toks[k]`` ('..., saying “') gives the words to: the
        subject of the sentence's main clause, after an opening 'In August,'. A name or
        pronoun; "" for a description that names no one ('several environmental groups');
        None when the subject cannot be told."""
        s = 0
        if lows[0] in _OPENERS:
            comma = next((i for i in range(1, k) if toks[i][2] == ","), None)
            if comma is None:
                return None
            s = comma + 1
        if s >= k - 1:
            return None
        if lows[s] in _PERSONAL:
            return self._pronoun(lows[s], toks[s][0])
        verb = next((i for i in range(s + 1, k) if _main_verb(toks[i][2], lows[i])
                     and not _modifier(lows, s, i)), None)
        if verb is None or verb - s > 8 or any(t[2] in ",;:()" for t in toks[s:verb]):
            return None
        # the subject ends before its verb, or before 'on Monday' and the like
        end = next((i for i in range(s + 1, verb) if not _is_cap(toks[i][2])
                    and lows[i] in _NP_STOPS), verb) - 1
        while end > s and (lows[end] in _BEFORE_VERB or lows[end].endswith("ly")):
            end -= 1  # 'X hardly clarified'
        if _is_cap(toks[end][2]):
            return self.phrase(toks[s][0], toks[end][1])
        possessive = lows[s].endswith(("'s", "’s"))
        if lows[end].endswith("s") and (lows[s] in _GROUP_OPENERS or possessive):
            return ""  # 'several environmental groups', 'Scott's relatives': no one named
        return None  # 'The UN refugee agency welcomed': the other rules know better

    def _clause_subject(self, toks: list[tuple[int, int, str]], j: int) -> str | None:
        """The name that opens the clause ending at ``toks[j]``, before its first comma."""
        start = j
        while start > 0 and toks[start - 1][2] not in ";:.!?“”\"":
            start -= 1
        if start < j and _low(toks[start][2]) in _OPENS:
            start += 1  # 'But Sophie, 31, who volunteers ..., said'
        comma = next((i for i in range(start, j + 1) if toks[i][2] in _APPOSITIVE_OPEN), None)
        if comma is None or comma == start or comma - start > 8:
            return None
        words = toks[start:comma]
        if not all(_is_cap(w) or _low(w) in _PARTICLES or _low(w) in _SUFFIX
                   or (k == 0 and _low(w) == "the") for k, (_, _, w) in enumerate(words)):
            return None  # 'Commenting on the figures, X said': not a name before the comma
        return self.phrase(toks[start][0], toks[comma - 1][1])

    def previous_sentence(self, para_start: int, open_: int) -> str | None:
        """'..., Schiff said. “...”': a sentence before the quote in its paragraph that ends
        with a speaker and a speech verb (or 'X said:')."""
        lead = self.text[para_start:open_].rstrip().rstrip("'‘").rstrip()  # ''...'' marks
        if not lead or lead[-1] not in ".:":
            return None
        close = max(_CLOSE_MARK.finditer(lead), key=lambda m: m.start(), default=None)
        if close is not None:  # '“...,” said X, who ... . “...”': the earlier quote's speaker
            said = self.after(para_start + close.end(), para_start + len(lead))
            if said is not None:
                return said
        body = lead[:-1]
        m = re.search(r"[,;]\s*([^,;“”\"]{1,60}?)\s+(\w+)$", body) or re.search(
            r"(?:^|[.!?”\"]\s+)([^,;.“”\"]{1,60}?)\s+(\w+)$", body)
        if m is None or m.group(2).lower() not in _VERBS:
            return None
        return self.phrase(m.start(1) + para_start, m.end(1) + para_start)

    def _last_sentence_start(self, start: int, end: int) -> int:
        """Where the last sentence in text[start:end] begins."""
        pos = start
        while True:
            nxt = self._sentence_end(pos - 1, end)
            if nxt >= end:
                return pos
            pos = nxt

    def _sentence_end(self, pos: int, limit: int) -> int:
        for m in _SENTENCE_END.finditer(self.text, pos + 1, limit):
            word = _LAST_WORD.search(self.text, max(0, m.start() - 20), m.end())
            abbrev = word is not None and (len(word.group(1)) == 1 or (
                word.group(1)[0].isupper() and len(word.group(1)) <= 4
                and word.group(1).lower() in _TITLES))
            if abbrev:
                continue  # 'Sen.', 'Del.', 'J.': an abbreviation, not a sentence end
            return m.end()
        return limit
