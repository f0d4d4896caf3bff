"""Actors (people, organisations, places, other named things) and every mention of them.

Rules and lexicons (``lexicons/actors_*``), sentence by sentence:

1. Role + name: a role title (modifiers ending in a head word: "Home Secretary",
   "immigration minister", "police chief"; plus "of/for" a portfolio or named body: "Minister
   of Interior", "chief executive of the Refugee Council") followed by a capitalised name is a
   person with that role. The country comes from a nationality word or country just before
   the title ("Turkish Interior Minister", "Britain's home secretary, X"), from the title's
   complement, from a named body before it ("Home Office minister"), or from a title that
   names one country's office (Home Secretary -> United Kingdom). "the immigration minister,
   X," and an appositive after a name ("X, the immigration minister,") work too.
2. Honorific + name ("Mr Jenrick", "Dr Jane Smith"): a person; the honorific is in the surface.
3. Other capitalised runs ("of", "for", "and" and name particles join them only when the
   result is an organisation, a place or a law: "Ministry of Interior", "Justice and
   Development Party"; never "Türkiye and the United Kingdom"):
   lexicon (countries with aliases, places, organisations with acronyms) > organisation head
   word (Police, Ministry, Office, Agency...) > other head word (Act, Dialogue, Summit...) >
   place head word (Sea, Port, Island...) > unknown. An unknown run of two words or more is
   a person when it starts with a common given name, is next to a speech verb or has an
   appositive role; a place after in/to/from/at... or before "border gate", "camp"...; else
   other ("the Bibby Stockholm"). A single unknown word is a person's surname when a full name
   ends (or, uniquely, begins: "Sir Keir") with it, and becomes an alias of that person;
   otherwise it counts only next to a speech verb (person) or after in/to/from/at (place).
4. Never actors: sentence-initial function words and common openers ("The", "Backed",
   "Thousands"), pronouns, months (but a month that is a given name opens a name: "June
   Sarpong", not after a time word), days, languages. Nationality adjectives alone ("British
   authorities", "Turkish counterparts") are NOT mentions: they only give the country of the
   person, title or organisation next to them; "<adjective or country> government / police /
   coast guard / ministry" is an organisation ("the British government"). Plural demonyms
   ("Syrians") are not actors. In a Title Case headline only lexicon names count.
5. "UK-Türkiye": each part of a hyphenated pair of lexicon names is a mention of its own.
6. A generic organisation name without a country ("the Interior Ministry") takes the
   country when its sentence names exactly one.
Merging: countries by canonical name (Turkey/Türkiye), organisations by lexicon name or by
their words (Interior Ministry = Ministry of Interior) when countries agree, people by full
name. Actors are numbered by first mention; aliases are the other surfaces, sorted and
"; "-joined ("" when none); n_mentions counts mention rows.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from newstables.extract import offices
from newstables.extract.actor_tokens import (
    _ADJECTIVE_ENDINGS,
    _ADJECTIVES,
    _ALL_HEADS,
    _DETERMINERS,
    _FILLER,
    _FIRST_NAMES,
    _GENERIC_GOV,
    _HONORIFICS,
    _INSTITUTIONS,
    _LEX,
    _ORG_HEADS,
    _ORG_NOUNS,
    _OTHER_HEADS,
    _PARTICLES,
    _PLACE_HEADS,
    _PLACE_NOUNS,
    _PLACE_PREPS,
    _REGION_ADJECTIVES,
    _SPEECH,
    _STOP,
    _WHO,
    FULL_NAME,
    GIVEN_PRONOUN,
    GROUPS,
    OF_A_BODY_SAID,
    OF_THEIR_BODY,
    POST_NOMINALS,
    SAID_BY_BEFORE,
    WHERE_SOMEONE_IS,
    _Cand,
    _Entry,
    _is_country,
    _is_stop,
    _key,
    _lex_match,
    _Tok,
    _tokens,
    bare_surname,
)
from newstables.extract.article import Article
from newstables.extract.name_runs import capital_runs, lexicon_runs
from newstables.extract.roles import (
    _appositive,
    _match_role,
    _name_after,
    _protected,
    _qualifier_start,
    _role_country,
    _role_text,
    _span_country,
)
from newstables.lexicon import load_json
from newstables.schema import frame

_PLACE_OPENERS = frozenset({"Sea", "Island", "Islands", "Isle", "Port", "River", "Lake", "Bay",
                            "Gulf", "Strait", "Straits", "Channel", "City", "County", "Camp"})

_PEERS = frozenset({"Lord", "Baroness", "Baron", "Lady", "Viscount", "Viscountess", "Earl"})
# Months that are also given names ('Jan Ellery', 'June Sarpong'), and the words that make
# one before a capitalised word a date ('in May Suella Braverman said', 'since June Labour').
_MONTH_NAMES = frozenset({"Jan", "April", "May", "June", "August"})
_TIME_WORD_BEFORE = re.compile(
    r"(?:\b(?:in|on|since|until|till|through|during|before|after|last|next|this|early|"
    r"late|mid|between|and|or|every|each)\s+|[-–])$", re.I)  # (not 'led by Jan Ellery')


def _followed_by(toks: list[_Tok], k: int, phrases: dict[str, tuple[tuple[str, ...], ...]]
                 ) -> int:
    """Length of the first phrase (lower-case words) at token ``k``, 0 if none."""
    if k >= len(toks):
        return 0
    for phrase in phrases.get(toks[k].text, ()):
        if len(phrase) == 1 or tuple([t.text for t in toks[k : k + len(phrase)]]) == phrase:
            return len(phrase)
    return 0


class _Sentence:
    """Extracts candidate mentions from one sentence's tokens."""

    def __init__(self, text: str, toks: list[_Tok], caps: list[int], roles: list[int]) -> None:
        self.text = text
        self.toks = toks
        self.caps = caps
        self.roles = roles
        self.used = [False] * len(toks)
        self.cands: list[_Cand] = []
        self.titles: list[str] = []  # titles with no name after them: 'The Home Secretary'

    def run(self, headline: bool = False) -> list[_Cand]:
        self._roles_and_names()
        self._honorifics()
        for a, b in (lexicon_runs(self.toks, self.used) if headline
                     else capital_runs(self.toks, self.used, self.caps)):
            self._classify(a, b)
        return self.cands

    def _span(self, a: int, b: int) -> tuple[int, int]:
        return self.toks[a].start, self.toks[b - 1].end

    def _person(self, a: int, first: int, b: int, role: str | None, country: str | None,
                single_evidence: bool = True) -> None:
        start, end = self._span(a, b)
        last = b - 1 if b - first > 2 and self.toks[b - 1].text in POST_NOMINALS else b
        name_start, name_end = self._span(first, last)  # 'Paul Harris KC': Paul Harris
        name = self.text[name_start:name_end]
        self.cands.append(_Cand(start, end, "person", name, country, role,
                                single=_surname(name) is not None, evidence=single_evidence))
        for k in range(a, b):
            self.used[k] = True

    def _roles_and_names(self) -> None:
        toks, n = self.toks, len(self.toks)
        protected = _protected(toks, self.caps) if self.roles else set()
        i = 0
        for start in self.roles:
            if start < i or self.used[start]:
                continue
            i = start
            role = _match_role(toks, i, protected)
            if role is None:
                continue
            words_end, end, portfolios = role
            label = _role_text(toks, i, end)
            country = _role_country(toks, i, end, label)
            q = _qualifier_start(toks, i, protected)
            if q < i:  # a named body before the title: "Home Office minister"
                label = self.text[toks[q].start : toks[i - 1].end] + " " + label
                country = country or _span_country(toks, q, i)
            for k in range(i, words_end):
                self.used[k] = True
            for a, b in portfolios:  # 'for Home Affairs' is part of the title, not a name
                for k in range(a, b):
                    self.used[k] = True
            k = end
            if k < n and toks[k].text == "," and (self._comma_role(i) or self._comma_role(q)):
                k += 1
            name = _name_after(toks, k) if k < n and not toks[end - 1].poss else None
            if name is not None and (k == end or name[2] - name[1] >= 2):
                self._person(name[0], name[1], name[2], label, country)
                i = name[2]
            else:
                if q == i and i > 0 and toks[i - 1].low == "the" and end == words_end:
                    self.titles.append(label)
                i = end

    def _comma_role(self, i: int) -> bool:
        """'the immigration minister, X': a determiner, possessive or adjective before it."""
        if i == 0:
            return True
        prev = self.toks[i - 1]
        if prev is _FILLER and i >= 2 and self.toks[i - 2].low in _DETERMINERS:
            # 'The new Home Secretary, X': lower-case words between, all of them time words
            after = self.toks[i - 2].end  # (a title word shared by sentences has no offset)
            at = self.toks[i].start if self.toks[i].start >= 0 else self.text.lower().find(
                self.toks[i].low, after)
            between = self.text[after:at].lower().split()
            # ('The committee's chair, X': a body's title, the body a common noun)
            return bool(between) and (all(w in _TIME_WORDS for w in between) or (
                len(between) == 1 and between[0].endswith(("'s", "’s"))))
        return prev.low in _DETERMINERS or prev.poss or prev.base in _ADJECTIVES or (
            prev.low in _TIME_WORDS or prev.low in ("his", "her", "its", "their")
        )

    def _honorifics(self) -> None:
        toks = self.toks
        for i in self.caps:
            if self.used[i] or toks[i].low not in _HONORIFICS:
                continue
            name = _name_after(toks, i)
            if name is not None and name[2] > name[1]:
                end = name[2]
                if toks[i].text in _PEERS and end + 1 < len(toks) and toks[end].low == "of" and (
                        toks[end + 1].cap and not self.used[end + 1]):
                    end += 2  # 'Lord Carrington of Fulham': his title's place, no one else
                after = end + 1 if end + 1 < len(toks) and toks[end].text in POST_NOMINALS \
                    else end  # 'Dame Angela Eagle MP, Minister for ...'
                role = _appositive(toks, after)
                if role is None and toks[i].low in _TITLE_HONORIFICS:
                    role = (_TITLE_HONORIFICS[toks[i].low], None, end)  # 'Cllr Rhodri Evans'
                first = name[1]
                if toks[first].text == "Justice" and name[2] - first >= 2:
                    first += 1  # 'Mr Justice Holgate', 'Lady Justice Macur': a judge's style
                    role = role or ("Judge", None, end)
                self._person(name[0], first, name[2], role and role[0], role and role[1])
                for k in range(name[2], end):
                    self.used[k] = True

    def _emit(self, a: int, b: int, kind: str, name: str, country: str | None,
              lexical: bool = False) -> None:
        start, end = self._span(a, b)
        self.cands.append(_Cand(start, end, kind, name, country, lexical=lexical))

    def _emit_parts(self, a: int, b: int) -> None:
        for tok in self.toks[a:b]:
            for s, e, entry in tok.parts:
                self.cands.append(_Cand(s, e, entry.kind, entry.name, entry.country, lexical=True))

    def _month_named(self, a: int, b: int) -> bool:
        """'Jan Ellery', 'June Sarpong', 'April Jones': a month that is also a given name opens
        a name when a capitalised word of the name follows and no time word is before it
        ('in May Suella Braverman said' is the month)."""
        toks = self.toks
        return (toks[a].base in _MONTH_NAMES and a + 1 < b and toks[a + 1].cap
                and not _is_stop(toks[a + 1]) and not toks[a].poss
                and not _TIME_WORD_BEFORE.search(self.text, max(0, toks[a].start - 12),
                                                 toks[a].start))

    def _classify(self, a: int, b: int) -> None:
        toks = self.toks
        hit = _lex_match(toks, a, b)
        if not (hit and hit[0] == b):
            while a < b and (_is_stop(toks[a]) or not toks[a].cap) and not self._month_named(a, b):
                a += 1
            if a >= b:
                return
            hit = _lex_match(toks, a, b)
        words = toks[a:b]
        if hit and hit[0] == b:
            self._lexical(a, b, hit[1])
            return
        org = max((k for k in range(a, b) if toks[k].base in _ORG_HEADS), default=-1)
        other = any(t.base in _OTHER_HEADS for t in words)
        # a place head opens a place's name only in some ('Lake Victoria', 'Port Said'); a
        # name that starts with another ('Park Geun-hye', 'Bridge Street') is not a place by it
        place = any(t.base in _PLACE_HEADS and (k or len(words) == 1 or t.base in _PLACE_OPENERS)
                    for k, t in enumerate(words)) and not (
            len(words) == 2 and words[0].base in _FIRST_NAMES and not (
                a > 0 and toks[a - 1].low in ("on", "in", "at", "along", "off", "near")))
        # 'Andy Street' is a person; 'on Marine Parade' is a place
        heads_only = all(t.base in _ALL_HEADS or not t.cap for t in words)
        if (org >= 0 or other or place) and not heads_only:
            kind = "org" if org >= 0 else "other" if other else "place"
            self._headed(a, b, kind)
            return
        segments = self._segments(a, b)
        if all(entry is not None for _, _, entry in segments):
            for s, e, entry in segments:
                self._lexical(s, e, entry)
            return
        if segments[0][2] is None and toks[a].parts:
            self._emit_parts(a, a + 1)
            a += 1
            if a >= b:
                return
        self._unknown(a, b)

    def _segments(self, a: int, b: int) -> list[tuple[int, int, _Entry | None]]:
        out: list[tuple[int, int, _Entry | None]] = []
        j = a
        while j < b:
            hit = _lex_match(self.toks, j, b)
            if hit:
                out.append((j, hit[0], hit[1]))
                j = hit[0]
            else:
                out.append((j, j + 1, None))
                j += 1
        return out

    def _lexical(self, a: int, b: int, entry: _Entry) -> None:
        toks = self.toks
        inst = 0 if toks[b - 1].poss else _followed_by(toks, b, _INSTITUTIONS)
        if entry.kind == "adj" or (inst and entry.kind == "place" and entry.country == entry.name):
            if inst:
                start, end = toks[a].start, toks[b + inst - 1].end
                self.cands.append(_Cand(start, end, "org", self.text[start:end], entry.country))
            return
        self._emit(a, b, entry.kind, entry.name, entry.country, lexical=True)

    def _headed(self, a: int, b: int, kind: str) -> None:
        toks = self.toks
        country = None
        rest = a
        while rest < b:
            hit = _lex_match(toks, rest, b)
            if hit and _is_country_word(hit[1]):
                country = country or hit[1].country
                rest = hit[0]
            elif toks[rest].parts:
                named = {entry.country for _, _, entry in toks[rest].parts}
                if len(named) == 1:  # 'U.K.-Türkiye Migration Dialogue' is no one country's
                    country = country or named.pop()
                rest += 1
            else:
                break
        hit = _lex_match(toks, rest, b) if rest < b else None
        start, end = self._span(a, b)
        if hit and hit[0] == b and hit[1].kind == "org" and (
            hit[1].country in (None, country) or country is None
        ):
            country = country or hit[1].country
            self.cands.append(_Cand(start, end, "org", hit[1].name, country, lexical=True))
        else:
            self.cands.append(_Cand(start, end, kind, self.text[start:end], country))
        self._emit_parts(a, b)

    def _unknown(self, a: int, b: int) -> None:
        toks, n = self.toks, len(self.toks)
        words = [t for t in toks[a:b] if t.cap]
        prev = toks[a - 1] if a > 0 else None
        speech = not toks[b - 1].poss and (
            (b < n and toks[b].low in _SPEECH)
            or (b + 3 < n and toks[b].text == toks[b + 2].text == ","  # 'X, 71, said'
                and toks[b + 1] is _FILLER and toks[b + 3].low in _SPEECH)
            or (len(words) > 1 and a > 0 and toks[a - 1].text == "," and b + 1 < n
                and toks[b].text == "," and toks[b + 1].low in _SPEECH)  # '..., X Y, said'
            or len(words) == 2 and words[1].text not in GROUPS
            and bool(OF_A_BODY_SAID.match(self.text, toks[b - 1].end))
        )  # ('Clara Hoffmann of the refugee organisation Pro Asyl called it')
        after_said = (prev is not None and prev.low in _SPEECH and prev.low != "visited") or (
            prev is not None and bool(SAID_BY_BEFORE.search(
                self.text, max(0, prev.start - 16), toks[a].start)))  # 'Said by: X Y'
        after_preposition = prev is not None and prev.low in _PLACE_PREPS
        # 'Dave, 54, a fisherman from Castletown,': the title after the age
        aged_at = b + 2 if (b + 2 < n and toks[b + 1] is _FILLER
                            and _AGED.match(self.text, toks[b - 1].end)) else b
        if aged_at == b and b + 1 < n and toks[b].text in POST_NOMINALS:
            aged_at = b + 1  # 'Angela Eagle MP, Minister for ...': the title after the letters
        appositive = _appositive(toks, aged_at, closed=after_preposition)
        place = after_preposition or (
            not toks[b - 1].poss and _followed_by(toks, b, _PLACE_NOUNS) > 0
            and not toks[b - 1].low.endswith(_ADJECTIVE_ENDINGS)
        ) or (a > 1 and prev is not None and prev.low == "of"
              and _followed_by(toks, a - 2, _PLACE_NOUNS) == 1)
        start, end = self._span(a, b)
        surface = self.text[start:end]
        person = next((c for c in reversed(self.cands[-3:]) if c.kind == "person"), None)
        if person is not None and (len(words) > 1 or speech) and not toks[b - 1].poss and (
                FULL_NAME.fullmatch(person.name) and person.name.split()[-1] not in GROUPS
                ) and OF_THEIR_BODY.fullmatch(
                self.text, person.end, start):
            # 'Clara Hoffmann of (the German refugee organisation) Pro Asyl': a body; 'Elijah
            # Cummings of Maryland said': a place, not who spoke
            self.cands.append(_Cand(start, end, "org" if len(words) > 1 else "place", surface))
            return
        # 'Marta Lindqvist, who heads ...': a relative 'who' is said of people
        speech = speech or (len(words) > 1 and bool(_WHO.match(self.text, end)))
        if prev is not None and prev.low in _ORG_NOUNS and not (prev.cap or prev.poss) and (
                not appositive):
            # "the charity Routes Not Walls said": the noun before it says what it is
            self.cands.append(_Cand(start, end, "org", surface))
            return
        if len(words) == 1:
            tok = words[0]
            if (tok.low in _STOP or len(tok.base) < 2 or tok.base.isupper()
                    or tok.base in _ADJECTIVES or tok.base in _ALL_HEADS
                    or tok.base in _REGION_ADJECTIVES
                    or (tok.init and tok.low.endswith(("ing", "ed", "ly"))
                        and tok.base not in _FIRST_NAMES)):  # (not 'Mohammed, 29,')
                return
            # 'Sophie, 31, who volunteers ...': a given name with an age is someone
            aged = tok.base in _FIRST_NAMES and _AGED.match(self.text, end) is not None or (
                _AGED_ONE.match(self.text, end) is not None  # 'Abel, a 24-year-old Eritrean'
                and not (prev is not None and prev.low in WHERE_SOMEONE_IS))
            # (not 'met in Kalamata, a 19-year-old from Syria': the age is the one met there)
            evidence = bool(appositive or speech or after_said or aged)
            fallback = "place" if place and not evidence else None
            self._person_unknown(a, b, appositive, evidence, fallback)
        elif words[0].base in _FIRST_NAMES or speech or after_said or appositive or (
                (age := _AGED.match(self.text, end)) and int(age.group(1)) <= 105):
            self._person_unknown(a, b, appositive)  # 'Jackie Marsh, 62, who has lived ...'
        elif (k := _given_name_inside(toks, a, b)) is not None:
            self._person_unknown(k, b, appositive)  # 'Pensioner Maureen Clegg'
        elif place and not (prev is not None and prev.low in _DETERMINERS):
            self.cands.append(_Cand(start, end, "place", surface))
        else:
            self.cands.append(_Cand(start, end, "other", surface))

    def _person_unknown(self, a: int, b: int, appositive: tuple | None,
                        evidence: bool = True, fallback: str | None = None) -> None:
        role, country = (appositive[0], appositive[1]) if appositive else (None, None)
        self._person(a, a, b, role, country, single_evidence=evidence)
        self.cands[-1].fallback = fallback


# Honorifics that are titles: 'Cllr Rhodri Evans' is a councillor
_TITLE_HONORIFICS = {"cllr": "Councillor", "cllr.": "Councillor"}
# Words that date a title's holder: 'the former minister', 'the new Home Secretary'
_TIME_WORDS = frozenset(load_json("actors_roles.json")["holder_times"])


def _given_name_inside(toks: list[_Tok], a: int, b: int) -> int | None:
    """Index of a given name followed by a surname after a descriptor ('Pensioner Maureen')."""
    for k in range(a + 1, b - 1):
        if toks[k].base in _FIRST_NAMES and toks[k + 1].cap and not toks[k].poss:
            return k
    return None


def _is_country_word(entry: _Entry) -> bool:
    """A nationality adjective or a country's own name."""
    return entry.kind == "adj" or _is_country(entry)


# --- merging mentions into actors ----------------------------------------------------------


# Particles that are also given names when capitalised ('Al Sharpton', 'Ben Wallace').
_ALSO_GIVEN = frozenset({"al", "ben", "abu", "y"})


def _surname(name: str) -> str | None:
    """The surname a name is made of alone, its particles and prefix dropped ('Sunak',
    'von der Leyen' and 'al-Assad' give 'Sunak', 'Leyen', 'Assad'); None for a fuller name."""
    words = name.split()
    if any(w.lower() not in _PARTICLES or (w[0].isupper() and w.lower() in _ALSO_GIVEN)
           for w in words[:-1]):
        return None
    return bare_surname(words[-1])


# the pronoun an honorific before a surname says ('Mrs. Clinton': she)
_HONORIFIC_PRONOUN = load_json("actors_roles.json")["honorific_pronouns"]


def _resolve_singles(cands: list[_Cand], text: str = "") -> list[_Cand]:
    """Map one-word person names (a surname, with its particles) to a full name with that
    surname; drop the unsupported. Of several with that surname ('Hillary Clinton', 'Bill
    Clinton'), the last named that an honorific fits ('Mrs. Clinton': she)."""
    full: dict[str, list[tuple[int, _Cand]]] = {}
    given: dict[str, list[tuple[int, _Cand]]] = {}
    for c in cands:
        if c.kind == "person" and not c.single:
            full.setdefault(_surname(c.name.split()[-1]) or "", []).append((c.start, c))
            given.setdefault(c.name.split()[0], []).append((c.start, c))
    out = []
    for c in cands:
        if c.kind == "person" and c.single:
            options = full.get(_surname(c.name) or "")
            if options and " " in c.name:  # 'Da Silva': Lula da Silva, not Marina Silva
                tail = c.name.lower()
                options = [o for o in options if o[1].name.lower().endswith(tail)] or options
            if not options and len({o[1].name for o in given.get(c.name, [])}) == 1:
                options = given[c.name]  # "Sir Keir": a unique given name
            if options:
                before = [o for o in options if o[0] < c.start]
                target = (before[-1] if before else options[0])[1]
                if len({o[1].name for o in before}) > 1:
                    target = _one_of(before, text[max(0, c.start - 6) : c.end])
                c.name = target.name
                c.country = c.country or target.country
            elif c.fallback:
                c.kind = c.fallback
            elif not c.evidence and not _called_by_given_name(c.name, cands):
                continue
        out.append(c)
    return out


_AGED = re.compile(r",\s+(\d{1,3}),")
_AGED_ONE = re.compile(r",\s+an?\s+\d{1,3}-year-old\b")
# Given names that are also words news capitalises for other reasons (the Bill, a mark) or
# places (Charlotte, Florence)
_GIVEN_AND_WORD = frozenset("""Bill Mark Frank Dean Grace Rose Georgia Victoria Amber Jack Jordan
    Will May Hope Faith Joy Iris Ruby Chase Guy Art Pat Sunny Major King Lord Royal Charlotte
    Florence Adelaide Sydney Austin Jackson Lincoln Houston Eugene Chelsea Paris Regina""".split())


def _called_by_given_name(name: str, cands: list[_Cand]) -> bool:
    """Someone an article calls by a given name alone, twice or more ('Emre sat in a cafe
    ... For Emre, the question is simpler'): a name marked for 'he' or 'she' and no word,
    never where a place would be ('police in Charlotte')."""
    if GIVEN_PRONOUN.get(name) not in ("he", "she") or name in _GIVEN_AND_WORD:
        return False
    alone = [c for c in cands if c.single and c.name == name and (c.kind == "person" or (
        c.fallback))]  # (a fallback may already have made one a place)
    return len(alone) >= 2 and not any(c.fallback for c in alone)


def _one_of(before: list[tuple[int, _Cand]], lead: str) -> _Cand:
    """Which of the people named ``before`` a surname means: the last named that its
    honorific (``lead`` ends with the two) fits ('Mrs. Clinton': she), else the last named."""
    honorific = re.search(r"(\w+)\.?\s+\S+$", lead)  # 'Mrs. Clinton', 'Mr Clinton'
    pronoun = _HONORIFIC_PRONOUN.get(honorific.group(1).lower()) if honorific else None
    fitting = [o for o in before if pronoun is None or GIVEN_PRONOUN.get(
        o[1].name.split()[0]) in (pronoun, None)] or before
    return fitting[-1][1]


def _org_key(name: str) -> tuple[str, ...]:
    words = [w.lower() for w in _key(name) if w not in _ADJECTIVES and _LEX.get((w,)) is None]
    return tuple(sorted(w for w in words if w not in ("the", "of", "for", "and")))


# A place after these words is where something happens or goes ('returns to the safe zones
# in northern Syria'), not whose a body is.
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|into|to|from|across|near|inside|within|through|towards?|via|at|out\s+of)"
    r"(?:\s+the)?(?:\s+(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|rural|occupied|war-torn))?"
    r"\s+$",
    re.IGNORECASE,
)


def _sentence_country(cands: list[_Cand], toks: list[_Tok], text: str, start: int
                      ) -> tuple[set[str], list[_Cand]]:
    """Give a generic organisation without a country the one country its sentence names
    (as a place that is not a destination or a location, or as an adjective). Returns the
    countries the sentence names so, and its generic organisations a sentence naming none
    left without one."""
    countries = {
        c.name for c in cands
        if c.kind == "place" and c.country == c.name
        and (not _LOCATIVE_BEFORE.search(text, max(start, c.start - 40), c.start)
             or text.startswith(("'s", "’s"), c.end))  # 'in Greece's history': whose
    }
    countries.update(_ADJECTIVES[t.base] for t in toks if t.cap and t.base in _ADJECTIVES)
    generic = [c for c in cands if c.kind == "org" and c.country is None and not c.lexical
               and all(w.lower() in _GENERIC_GOV for w in c.name.split())]
    if len(countries) == 1:
        (country,) = countries
        for c in generic:
            c.country = country
        return countries, []
    return countries, generic if not countries else []


def _paragraph_country(countries: set[str], generic: list[_Cand]) -> None:
    """The one country a paragraph names, for its generic bodies that have none."""
    if len(countries) == 1:
        (country,) = countries
        for c in generic:
            c.country = country


@dataclass(slots=True)
class _Actor:
    name: str
    kind: str
    role: str | None
    country: str | None
    first: int
    paragraph: int
    surfaces: list[str]
    mentions: list[tuple[int, int, int, str]]


def _actor_key(c: _Cand, org_keys: dict[tuple[str, ...], list[tuple[str, str | None]]]
               ) -> tuple[str, str]:
    if c.kind != "org" or c.lexical:
        return c.kind, c.name
    key = _org_key(c.name)
    options = org_keys.setdefault(key, [])
    for name, country in reversed(options):
        if country is None or c.country is None or country == c.country:
            return "org", name
    options.append((c.name, c.country))
    return "org", c.name


def _build(article: Article, cands: list[_Cand]) -> tuple[list[dict], list[dict]]:
    actors: dict[tuple[str, str], _Actor] = {}
    org_keys: dict[tuple[str, ...], list[tuple[str, str | None]]] = {}
    seen: set[tuple[int, int]] = set()
    starts = [p.start for p in article.paragraphs]
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        if (c.start, c.end) in seen:
            continue
        seen.add((c.start, c.end))
        key = _actor_key(c, org_keys)
        surface = article.text[c.start : c.end]
        para = bisect.bisect_right(starts, c.start)
        actor = actors.get(key)
        if actor is None:
            actor = actors[key] = _Actor(c.name, c.kind, c.role, c.country, c.start, para, [], [])
        actor.role = actor.role or c.role
        actor.country = actor.country or c.country
        actor.surfaces.append(surface)
        actor.mentions.append((para, c.start, c.end, surface))
    ordered = sorted(actors.values(), key=lambda a: a.first)
    actor_rows, mention_rows = [], []
    for number, a in enumerate(ordered, 1):
        aliases = sorted({s for s in a.surfaces if s != a.name})
        actor_rows.append({
            "actor": number, "name": a.name, "kind": a.kind, "role": a.role,
            "country": a.country, "aliases": "; ".join(aliases),
            "n_mentions": len(a.mentions), "first_paragraph": a.paragraph,
        })
        for para, start, end, surface in a.mentions:
            mention_rows.append(
                {"actor": number, "paragraph": para, "start": start, "end": end,
                 "surface": surface}
            )
    mention_rows.sort(key=lambda r: (r["start"], r["end"], r["actor"]))
    return actor_rows, mention_rows


# A mention as the extractors after actors read it: start, end, actor name, kind, role.
Mentioned = tuple[int, int, str, str, "str | None"]


def _mentioned(actor_rows: Iterable[Mapping[str, Any]], mention_rows: Iterable[Mapping[str, Any]],
               size: int) -> list[Mentioned]:
    """Mentions with their actor's name, kind and role, sorted by offset. Rows with an
    unknown actor, a blank name or offsets outside the text are left out."""
    info: dict[Any, tuple[str, str, str | None]] = {}
    for a in actor_rows:
        name, kind, role = a.get("name"), a.get("kind"), a.get("role")
        if isinstance(name, str) and name:
            info[a.get("actor")] = (name, kind if isinstance(kind, str) else "",
                                    role if isinstance(role, str) else None)
    out: list[Mentioned] = []
    for m in mention_rows:
        actor = info.get(m.get("actor"))
        if actor is None:
            continue
        try:
            start, end = int(m.get("start")), int(m.get("end"))
        except (TypeError, ValueError, OverflowError):
            continue
        if 0 <= start < end <= size:
            out.append((start, end, *actor))
    out.sort()
    return out


def read_mentioned(actors: pd.DataFrame | None, mentions: pd.DataFrame | None,
                   size: int) -> list[Mentioned]:
    """``_mentioned`` of the actors and mentions tables (any of their columns may be
    missing, or the tables empty)."""
    def rows(df: pd.DataFrame | None, wanted: tuple[str, ...]) -> list[dict[str, Any]]:
        if df is None or df.empty:
            return []
        names = [n for n in wanted if n in df.columns]
        columns = [df[n].tolist() for n in names]
        return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]
    return _mentioned(rows(actors, ("actor", "name", "kind", "role")),
                      rows(mentions, ("actor", "start", "end")), size)


def find_actors(article: Article) -> tuple[pd.DataFrame, pd.DataFrame, list[Mentioned]]:
    """The actors and mentions tables, and the mentions as the later extractors read them."""
    cands: list[_Cand] = []
    # 'the Foreign Ministry said' in a sentence naming no country: the one country the rest
    # of its paragraph names ('... the largest number in Greece's records')
    paragraph, named, waiting, titles = None, set(), [], []
    for s in article.sentences:
        if s.paragraph != paragraph:
            _paragraph_country(named, waiting)
            paragraph, named, waiting = s.paragraph, set(), []
        toks, headline, caps, roles = _tokens(article.text, s.start, s.end)
        sentence = _Sentence(article.text, toks, caps, roles)
        found = sentence.run(headline)
        titles += sentence.titles
        countries, unresolved = _sentence_country(found, toks, article.text, s.start)
        named |= countries
        waiting += unresolved
        cands.extend(found)
    _paragraph_country(named, waiting)
    _of_a_body(cands, article.text)
    actor_rows, mention_rows = _build(article, _resolve_singles(cands, article.text))
    _titles_held(actor_rows, titles, article.published)
    return (frame("actors", actor_rows), frame("mentions", mention_rows),
            _mentioned(actor_rows, mention_rows, len(article.text)))


_OF_THE = re.compile(r"[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?")


def _of_a_body(cands: list[_Cand], text: str) -> None:
    """A person named with no title right before 'of [the] <organisation>' ('Dr Peter Walsh of
    the Migration Observatory said') works there: the organisation is their role."""
    ordered = sorted(cands, key=lambda c: c.start)
    for person, body in zip(ordered, ordered[1:], strict=False):
        if person.kind == "person" and person.role is None and body.kind == "org" and (
                _OF_THE.fullmatch(text, person.end, body.start)):
            person.role = body.name


def _titles_held(actor_rows: list[dict], titles: list[str], on: dt.date | None) -> None:
    """Give a person named without a title the one office the article names alone ('The
    Home Secretary may yet be proved right') that they held on the publication date."""
    people = {r["name"]: r for r in actor_rows if r["kind"] == "person"}
    held: dict[str, set[str]] = {}
    for title in dict.fromkeys(titles):
        holder = offices.holder(title, on, people)
        if holder is not None:
            held.setdefault(holder, set()).add(title)
    for name, found in held.items():
        if people[name]["role"] is None and len(found) == 1:
            people[name]["role"] = found.pop()


def extract_actors(article: Article) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The actors table (one row per actor) and the mentions table (one row per mention)."""
    actors, mentions, _ = find_actors(article)
    return actors, mentions
