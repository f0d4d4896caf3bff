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
   "Thousands"), pronouns, months, days, languages. Nationality adjectives alone ("British
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
import json
import re
from dataclasses import dataclass

import pandas as pd

from newstables.extract.article import Article
from newstables.paths import LEXICONS
from newstables.schema import frame

_TOKEN = re.compile(
    r"[^\W\d_]\w*(?:[-‐'’]\w+)*(?:\.(?:[A-Z]\.)+)?"  # words (inner - and '), U.K., U.S.A.
    r"|\d(?:[\d,.]*\d)?"
    r"|[^\w\s]"
)
_OPENERS = frozenset("“‘\"'([—–-:«„…")
_OF_OK = frozenset({"Republic", "Horn", "House", "Kingdom", "Islands", "Federation", "Union"})
# A capitalised word with these endings before 'port', 'region'... is an adjective (Sicilian).
_ADJECTIVE_ENDINGS = ("ian", "ean", "ese", "ish", "ic", "ern")


def _json(name: str) -> dict:
    return json.loads((LEXICONS / name).read_text(encoding="utf-8"))


def _lines(name: str) -> list[str]:
    text = (LEXICONS / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def regex_union(words: list[str] | set[str] | frozenset[str]) -> str:
    """A regex matching any of ``words`` (lower-cased; longest first), factored as a trie."""
    trie: dict = {}
    for word in {w.lower() for w in words}:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(node[ch])
        for ch in sorted(k for k in node if k)
    ]
    if not branches:
        return ""
    optional = "" in node
    if len(branches) == 1 and not optional:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")


def _key(surface: str) -> tuple[str, ...]:
    """Token texts of a lexicon surface, possessive 's dropped, as a lookup key."""
    return tuple(_base(m.group()) for m in _TOKEN.finditer(surface))


def _base(text: str) -> str:
    return text[:-2] if len(text) > 2 and text[-2] in "'’" and text[-1] == "s" else text


@dataclass(frozen=True)
class _Entry:
    kind: str  # place | org | adj
    name: str
    country: str | None


def _load_lexicon() -> tuple[dict[tuple[str, ...], _Entry], dict[str, str]]:
    lex: dict[tuple[str, ...], _Entry] = {}
    adjectives: dict[str, str] = {}
    for name, info in _json("actors_countries.json").items():
        if name.startswith("_"):
            continue
        for adj in info["adjectives"]:
            adjectives.setdefault(adj, name)
        for surface in (name, *info["aliases"]):
            lex.setdefault(_key(surface), _Entry("place", name, name))
    for kind, file in (("place", "actors_places.json"), ("org", "actors_orgs.json")):
        for name, value in _json(file).items():
            if not name.startswith("_"):
                country, aliases = value
                for surface in (name, *aliases):
                    lex.setdefault(_key(surface), _Entry(kind, name, country))
    for adj, country in adjectives.items():
        lex.setdefault(_key(adj), _Entry("adj", adj, country))
    return lex, adjectives


def _phrases(words: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases indexed by their first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted((tuple(w.split()) for w in words), key=len, reverse=True):
        out.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(v) for k, v in out.items()}


_LEX, _ADJECTIVES = _load_lexicon()
# For each first word of an entry, the lengths of entries starting with it, longest first.
_LEX_FIRST: dict[str, tuple[int, ...]] = {}
for _k in _LEX:
    _LEX_FIRST[_k[0]] = tuple(sorted({*_LEX_FIRST.get(_k[0], ()), len(_k)}, reverse=True))
_ROLES = _json("actors_roles.json")
_ROLE_HEADS = frozenset(_ROLES["heads"])
_ROLE_WORDS = _ROLE_HEADS | frozenset(_ROLES["modifiers"])
_PORTFOLIOS = frozenset(tuple(w.lower() for w in _key(p)) for p in _ROLES["portfolios"])
_PORTFOLIO_MAX = max(len(p) for p in _PORTFOLIOS)
_IMPLIED = {k.lower(): v for k, v in _ROLES["implied_country"].items()}
_HONORIFICS = frozenset(_ROLES["honorifics"])
_CONTEXT = _json("actors_context.json")
_ORG_HEADS = frozenset(_CONTEXT["org_heads"])
_PLACE_HEADS = frozenset(_CONTEXT["place_heads"])
_OTHER_HEADS = frozenset(_CONTEXT["other_heads"])
_ALL_HEADS = _ORG_HEADS | _PLACE_HEADS | _OTHER_HEADS
_INSTITUTIONS = _phrases(_CONTEXT["institutions"])
_PLACE_NOUNS = _phrases(_CONTEXT["place_nouns"])
_PLACE_PREPS = frozenset(_CONTEXT["place_prepositions"])
_SPEECH = frozenset(_CONTEXT["speech_verbs"])
_PARTICLES = frozenset(_CONTEXT["name_particles"])
_GENERIC_GOV = frozenset(_CONTEXT["generic_government_words"])
_STOP = frozenset(w.lower() for w in _lines("actors_stopwords.txt"))
_FIRST_NAMES = frozenset(_lines("actors_first_names.txt"))
_DETERMINERS = frozenset({"the", "a", "an"})
# Lower-case words some rule looks at; every other lower-case word is a placeholder token.
_RELEVANT = frozenset(
    _ROLE_WORDS | _PARTICLES | _DETERMINERS | _SPEECH | _PLACE_PREPS | _HONORIFICS
    | {w for p in _PORTFOLIOS for w in p}
    | {w for ps in (_INSTITUTIONS, _PLACE_NOUNS) for p in ps.values() for phrase in p
       for w in phrase}
    | {w for k in _LEX for w in k if w[:1].islower()}
    | {"of", "for", "on", "and", "former", "his", "her", "its", "their", "who", "told"}
)
_UPPER = "".join(
    re.escape(c) for c in map(chr, range(0x41, 0x530)) if c.isupper() or c.istitle()
)
# Relevant lower-case words whose offsets no rule needs share one token per word; those
# that can end a mention ('British government', 'Greek islands') get their own.
_OFFSET_WORDS = frozenset(
    {w for p in _INSTITUTIONS.values() for phrase in p for w in phrase}
    | {w for k in _LEX for w in k if w[:1].islower()}
)
_REL = regex_union(_RELEVANT)
_CAP = rf"[{_UPPER}]\w*(?:[-‐'’]\w+)*(?:\.(?:[A-Z]\.)+)?"
# One pass finds what the rules look at: capitalised words, the relevant lower-case words
# and punctuation outside words. The words no rule looks at (and numbers) before each of
# them are consumed in the same match ('skip'), without a Python step per word.
_SCAN = re.compile(
    rf"((?:(?![{_UPPER}])(?!(?:{_REL})(?![\w'’‐-]))\w+(?:[-‐'’.,]\w+)*\s*)*+)"  # 1: skipped
    rf"((?<![\w'’])(?<!\w[-‐]){_CAP}"  # 2: the token
    rf"|(?<![\w'’‐-])(?:{_REL})(?![\w'’‐-])"
    r"|(?<!\w)[^\w\s]|[^\w\s](?!\w)|\Z)"  # \Z: trailing skipped words end in one match
)


_UNSET = object()
_WHO = re.compile(r",\s+who\b")


class _Tok:
    """One token of a sentence, with the flags the rules look at."""

    __slots__ = ("start", "end", "text", "base", "low", "word", "cap", "poss", "init", "parts",
                 "role", "opener", "lex")

    def __init__(self, start: int, text: str, init: bool) -> None:
        first = text[0]
        word = first.isalpha()
        poss = word and len(text) > 2 and text[-1] == "s" and text[-2] in "'’"
        base = text[:-2] if poss else text
        self.start = start
        self.text = text
        self.base = base
        self.end = start + len(base)
        self.low = base.lower()
        self.word = word
        self.cap = word and first.isupper()
        self.poss = poss
        self.init = init
        self.parts: tuple[tuple[int, int, _Entry], ...] = ()
        self.role = self.low in _ROLE_WORDS  # a title word
        self.opener = text in _OPENERS  # the next word starts a clause
        self.lex: tuple[int, _Entry] | None | object = _UNSET  # cached _lex_match


_FILLER = _Tok(-1, "\0", False)
_FILLER.word = True
# Shared tokens: relevant lower-case words whose offsets no rule needs, and punctuation
# (added as met). Only their text and flags are read.
_SHARED = {w: _Tok(-1, w, False) for w in sorted(_RELEVANT - _OFFSET_WORDS)}


@dataclass(slots=True)
class _Cand:
    """A candidate mention before actors are merged."""

    start: int
    end: int
    kind: str
    name: str
    country: str | None = None
    role: str | None = None
    lexical: bool = False  # name comes from a lexicon (canonical)
    single: bool = False  # a one-word person name, to resolve against full names
    evidence: bool = True  # for singles: is there evidence besides a matching full name?
    fallback: str | None = None  # for singles without evidence: kind if no full name matches


def _tokens(text: str, start: int, end: int) -> tuple[list[_Tok], bool, list[int], list[int]]:
    """The sentence's tokens, whether it is a Title Case headline, and the indices of its
    capitalised tokens and of its role words.

    Words that no rule looks at (and numbers) are not scanned one by one: each stretch of
    them between two scanned tokens becomes one shared placeholder token, which keeps the
    neighbourhood right ('the' + placeholder + 'Office' is not 'the Office').
    """
    toks: list[_Tok] = []
    append = toks.append
    caps: list[int] = []
    roles: list[int] = []
    init = True
    shared_get = _SHARED.get
    for m in _SCAN.finditer(text, start, end):
        skip_start, at = m.span(1)
        if at > skip_start:
            append(_FILLER)
            init = False
        word = m[2]
        if not word:
            break
        tok = shared_get(word)
        if tok is None:
            if not word[0].isalpha():
                tok = _SHARED[word] = _Tok(-1, word, False)  # punctuation: one token a mark
            else:
                tok = _Tok(at, word, init)
                if tok.cap:
                    caps.append(len(toks))
                    if "-" in tok.base:
                        _split_compound(tok)
        if tok.role:
            roles.append(len(toks))
        init = tok.opener
        append(tok)
    words = text.count(" ", start, end) + 1
    return toks, words >= 4 and len(caps) >= 0.7 * words, caps, roles


def _split_compound(tok: _Tok) -> None:
    """'UK-Türkiye': record each part when every part is a country or organisation."""
    parts, pos = [], tok.start
    for piece in tok.base.split("-"):
        entry = _LEX.get((piece,))
        if entry is None or entry.kind == "adj":
            return
        parts.append((pos, pos + len(piece), entry))
        pos += len(piece) + 1
    tok.parts = tuple(parts)


def _lex_match(toks: list[_Tok], i: int, limit: int) -> tuple[int, _Entry] | None:
    """Longest lexicon entry starting at token ``i`` and ending by ``limit``."""
    tok = toks[i]
    if tok.start < 0:  # a shared token: no cache
        return _lex_scan(toks, i, limit)
    hit = tok.lex
    if hit is _UNSET:
        hit = tok.lex = _lex_scan(toks, i, len(toks))
    if hit is None or hit[0] <= limit:
        return hit
    return _lex_scan(toks, i, limit)


def _lex_scan(toks: list[_Tok], i: int, limit: int) -> tuple[int, _Entry] | None:
    lengths = _LEX_FIRST.get(toks[i].base)
    if lengths is None:
        return None
    for length in lengths:
        if length == 1:
            return i + 1, _LEX[(toks[i].base,)]
        if i + length <= limit:
            entry = _LEX.get(tuple([t.base for t in toks[i : i + length]]))
            if entry is not None and not any(t.poss for t in toks[i : i + length - 1]):
                return i + length, entry
    return None


def _is_stop(tok: _Tok) -> bool:
    return tok.low in _STOP or (not tok.poss and _contraction(tok.text))


def _contraction(text: str) -> bool:
    for mark in "'’":
        k = text.find(mark)
        if 0 < k < len(text) - 1 and text[k + 1].islower():
            return True
    return False


def _nameable(tok: _Tok) -> bool:
    """Can this capitalised token be part of a person's name?"""
    return (
        tok.cap
        and "." not in tok.text
        and not _is_stop(tok)
        and tok.low not in _ROLE_HEADS
        and tok.base not in _ALL_HEADS
        and not (tok.base.isupper() and len(tok.base) > 1)
    )


# --- roles -------------------------------------------------------------------------------


def _protected(toks: list[_Tok], caps: list[int]) -> set[int]:
    """Token indices that cannot be title words: inside a lexicon name of several words
    ('U.N. refugee agency') or a capitalised name up to its organisation head ('Home Office')."""
    out: set[int] = set()
    n, j = len(toks), 0
    for i in caps:
        hit = _lex_match(toks, i, n)
        if hit is not None and hit[0] - i > 1 and hit[1].kind != "adj":
            out.update(range(i, hit[0]))
        if i < j:
            continue
        j = i
        last = -1
        while j < n and toks[j].cap:
            if toks[j].base in _ORG_HEADS:
                last = j
            j += 1
            if toks[j - 1].poss:
                break
        if last >= 0:
            out.update(range(i, last + 1))
    return out


def _match_role(toks: list[_Tok], i: int, protected: set[int]
                ) -> tuple[int, int, list[tuple[int, int]]] | None:
    """A role title at ``i``: (end of its words, end with complement, portfolio spans)."""
    n, j, last = len(toks), i, -1
    while j < n and toks[j].word and toks[j].low in _ROLE_WORDS and j not in protected:
        if toks[j].low in _ROLE_HEADS:
            last = j
        j += 1
        if toks[j - 1].poss:
            break
    if last < 0:
        return None
    end = last + 1
    if end < n and toks[end].low == "general" and not toks[last].poss:
        end += 1
    stop, portfolios = _complement(toks, end)
    return end, stop, portfolios


def _complement(toks: list[_Tok], k: int) -> tuple[int, list[tuple[int, int]]]:
    """Extend a role over 'of/for [the] <named body | portfolio>' (twice at most); also
    return the token spans that are portfolios ('for Home Affairs')."""
    n = len(toks)
    portfolios: list[tuple[int, int]] = []
    for _ in range(2):
        if k >= n or toks[k].low not in ("of", "for") or toks[k - 1].poss:
            break
        m = k + 1
        if m < n and toks[m].low == "the":
            m += 1
        stop = None
        if m < n and toks[m].cap:  # a named body first: 'of the Migration Observatory'
            hit = _lex_match(toks, m, n)
            stop = hit[0] if hit and hit[1].kind != "adj" else _headed_run(toks, m)
        if stop is None:
            stop = _portfolio(toks, m)
            if stop is not None:
                portfolios.append((m, stop))
        if stop is None:
            break
        k = stop
    return k, portfolios


def _portfolio(toks: list[_Tok], m: int) -> int | None:
    for length in range(min(_PORTFOLIO_MAX, len(toks) - m), 0, -1):
        if tuple(t.low for t in toks[m : m + length]) in _PORTFOLIOS:
            return m + length
    return None


def _headed_run(toks: list[_Tok], m: int) -> int | None:
    """End of a capitalised run starting at ``m`` that ends in an organisation head."""
    j, last = m, None
    while j < len(toks) and toks[j].cap:
        if toks[j].base in _ORG_HEADS:
            last = j + 1
        j += 1
        if toks[j - 1].poss:
            break
    return last


def _role_text(toks: list[_Tok], i: int, end: int) -> str:
    """The role as written, with lower-case title words capitalised."""
    out = ""
    for t in toks[i:end]:
        word = t.base
        if t.word and word.islower() and t.low not in ("of", "for", "the", "and"):
            word = word[:1].upper() + word[1:]
        out += word if not out or not t.word else " " + word
    return out


def _role_country(toks: list[_Tok], i: int, end: int, role: str) -> str | None:
    """Country of a role from the word before it, its complement, or the title itself."""
    if i > 0:
        prev = toks[i - 1]
        if prev.word and prev.base in _ADJECTIVES:
            return _ADJECTIVES[prev.base]
        entry = _LEX.get((prev.base,))
        if entry is not None and entry.kind == "place" and entry.country == entry.name:
            return entry.name
    country = _span_country(toks, i, end)
    if country:
        return country
    words = role.lower().split()
    for k in range(len(words)):
        country = _IMPLIED.get(" ".join(words[k:]))
        if country:
            return country
    return None


def _name_after(toks: list[_Tok], k: int) -> tuple[int, int, int] | None:
    """A person's name at ``k``: (surface start index, name start index, end index)."""
    n, start = len(toks), k
    if k < n and toks[k].cap and toks[k].low in _HONORIFICS:
        k += 1
        if k < n and toks[k].text == ".":
            k += 1
    first = k
    names = 0
    while k < n and names < 5:
        tok = toks[k]
        if tok.word and _nameable(tok) and not (names == 0 and _LEX.get((tok.base,))):
            names += 1
            k += 1
            if tok.poss:
                break
        elif tok.low in _PARTICLES and names and k + 1 < n and toks[k + 1].cap:
            k += 1
        else:
            break
    if not names or (k < n and toks[k].cap and toks[k].base in _ALL_HEADS):
        return None
    return start, first, k


def _qualifier_start(toks: list[_Tok], i: int, protected: set[int]) -> int:
    """Start of a named body right before a title ('Home Office' minister, 'Labour' leader)."""
    q = i
    while q > 0 and q - 1 in protected and toks[q - 1].cap:
        q -= 1
    while q < i and _is_stop(toks[q]):  # 'The Refugee Council's chief executive'
        q += 1
    if q == i:
        for length in range(min(4, i), 0, -1):
            entry = _LEX.get(tuple(t.base for t in toks[i - length : i]))
            if entry is not None and entry.kind == "org" and not toks[i - 1].poss:
                return i - length
    return q


def _span_country(toks: list[_Tok], a: int, b: int) -> str | None:
    """The first country a lexicon entry or nationality word in tokens [a, b) names."""
    for k in range(a, b):
        hit = _lex_match(toks, k, b)
        if hit and hit[1].country:
            return hit[1].country
    return None


def _appositive(toks: list[_Tok], k: int) -> tuple[str, str | None, int] | None:
    """', the immigration minister,' after a name: (role, country, end index) or None."""
    n = len(toks)
    if k >= n or toks[k].text != ",":
        return None
    m = k + 1
    if m < n and (toks[m].low in _DETERMINERS or toks[m].low in ("former", "his", "her")):
        m += 1
    if m < n and (toks[m].poss or toks[m].base in _ADJECTIVES):
        m += 1
    role = _match_role(toks, m, set()) if m < n else None
    if role is None:
        return None
    end = role[1]
    for k in range(end, min(n, end + 8)):  # the appositive closes soon after the title
        if toks[k].text in ",.;)" or toks[k].low in _SPEECH:
            break
    else:
        if n > end + 8:
            return None
    label = _role_text(toks, m, end)
    return label, _role_country(toks, m, end, label), end


# --- capitalised runs --------------------------------------------------------------------


def _runs(toks: list[_Tok], used: list[bool], caps: list[int]) -> list[tuple[int, int]]:
    """Maximal runs of unused capitalised tokens, joined by connectors where the rules allow."""
    groups: list[tuple[int, int]] = []
    n, j = len(toks), 0
    for i in caps:
        if i < j or used[i]:
            continue
        j = i
        while j < n and not used[j] and toks[j].cap:
            hit = _lex_match(toks, j, n)  # may take in lower-case words: 'U.N. refugee agency'
            j = hit[0] if hit and all(not used[k] for k in range(j, hit[0])) else j + 1
            if toks[j - 1].poss:
                break
        groups.append((i, j))
    runs: list[tuple[int, int]] = []
    for a, b in groups:
        if runs and _joins(toks, runs[-1], (a, b)):
            runs[-1] = (runs[-1][0], b)
        else:
            runs.append((a, b))
    return runs


def _lexical_runs(toks: list[_Tok], used: list[bool]) -> list[tuple[int, int]]:
    """In a Title Case headline, only lexicon entries are trusted as names."""
    out, i, n = [], 0, len(toks)
    while i < n:
        hit = _lex_match(toks, i, n) if toks[i].cap and not used[i] else None
        if hit is not None and all(not used[k] for k in range(i, hit[0])):
            out.append((i, hit[0]))
            i = hit[0]
        else:
            i += 1
    return out


def _joins(toks: list[_Tok], left: tuple[int, int], right: tuple[int, int]) -> bool:
    between = [t.low for t in toks[left[1] : right[0]]]
    if not between or toks[left[1] - 1].poss or len(between) > 2:
        return False
    lefts = toks[left[0] : left[1]]
    left_head = any(t.base in _ALL_HEADS for t in lefts)
    if between[0] in _PARTICLES and len(between) == 1:
        return True
    rights = toks[right[0] : right[1]]
    if rights[0].low in _STOP:
        return False
    if between[0] in ("of", "for", "on") and between[1:] in ([], ["the"]):
        named = any(t.base in _ORG_HEADS or t.base in _OTHER_HEADS for t in lefts)
        place = between[0] == "of" and any(t.base in _PLACE_HEADS for t in lefts)
        return named or place or lefts[-1].base in _OF_OK
    if between in (["and"], ["&"]):
        right_head = any(t.base in _ORG_HEADS or t.base in _OTHER_HEADS for t in rights)
        return right_head and not left_head and _LEX.get((lefts[-1].base,)) is None
    return False


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

    def run(self, headline: bool = False) -> list[_Cand]:
        self._roles_and_names()
        self._honorifics()
        for a, b in (_lexical_runs(self.toks, self.used) if headline
                     else _runs(self.toks, self.used, self.caps)):
            self._classify(a, b)
        return self.cands

    def _span(self, a: int, b: int) -> tuple[int, int]:
        return self.toks[a].start, self.toks[b - 1].end

    def _person(self, a: int, first: int, b: int, role: str | None, country: str | None,
                single_evidence: bool = True) -> None:
        start, end = self._span(a, b)
        name_start, _ = self._span(first, b)
        name = self.text[name_start:end]
        self.cands.append(_Cand(start, end, "person", name, country, role,
                                single=" " not in name, evidence=single_evidence))
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
            if k < n and toks[k].text == "," and self._comma_role(i):
                k += 1
            name = _name_after(toks, k) if k < n and not toks[end - 1].poss else None
            if name is not None and (k == end or name[2] - name[1] >= 2):
                self._person(name[0], name[1], name[2], label, country)
                i = name[2]
            else:
                i = end

    def _comma_role(self, i: int) -> bool:
        """'the immigration minister, X': a determiner, possessive or adjective before it."""
        if i == 0:
            return True
        prev = self.toks[i - 1]
        return prev.low in _DETERMINERS or prev.poss or prev.base in _ADJECTIVES or (
            prev.low in ("former", "his", "her", "its", "their")
        )

    def _honorifics(self) -> None:
        toks = self.toks
        for i in self.caps:
            if self.used[i] or toks[i].low not in _HONORIFICS:
                continue
            name = _name_after(toks, i)
            if name is not None and name[2] > name[1]:
                role = _appositive(toks, name[2])
                self._person(name[0], name[1], name[2], role and role[0], role and role[1])

    def _emit(self, a: int, b: int, kind: str, name: str, country: str | None,
              lexical: bool = False) -> None:
        start, end = self._span(a, b)
        self.cands.append(_Cand(start, end, kind, name, country, lexical=lexical))

    def _emit_parts(self, a: int, b: int) -> None:
        for tok in self.toks[a:b]:
            for s, e, entry in tok.parts:
                self.cands.append(_Cand(s, e, entry.kind, entry.name, entry.country, lexical=True))

    def _classify(self, a: int, b: int) -> None:
        toks = self.toks
        hit = _lex_match(toks, a, b)
        if not (hit and hit[0] == b):
            while a < b and (_is_stop(toks[a]) or not toks[a].cap):
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
        place = any(t.base in _PLACE_HEADS for t in words)
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
                country = country or toks[rest].parts[0][2].country
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
        )
        after_said = prev is not None and prev.low in _SPEECH and prev.low != "visited"
        appositive = _appositive(toks, b)
        place = (prev is not None and prev.low in _PLACE_PREPS) or (
            not toks[b - 1].poss and _followed_by(toks, b, _PLACE_NOUNS) > 0
            and not toks[b - 1].low.endswith(_ADJECTIVE_ENDINGS)
        ) or (a > 1 and prev is not None and prev.low == "of"
              and _followed_by(toks, a - 2, _PLACE_NOUNS) == 1)
        start, end = self._span(a, b)
        surface = self.text[start:end]
        # 'Marta Lindqvist, who heads ...': a relative 'who' is said of people
        speech = speech or (len(words) > 1 and bool(_WHO.match(self.text, end)))
        if len(words) == 1:
            tok = words[0]
            if (tok.low in _STOP or len(tok.base) < 2 or tok.base.isupper()
                    or tok.base in _ADJECTIVES or tok.base in _ALL_HEADS
                    or (tok.init and tok.low.endswith(("ing", "ed", "ly")))):
                return
            evidence = bool(appositive or speech or after_said)
            fallback = "place" if place and not evidence else None
            self._person_unknown(a, b, appositive, evidence, fallback)
        elif words[0].base in _FIRST_NAMES or speech or after_said or appositive:
            self._person_unknown(a, b, appositive)
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


def _given_name_inside(toks: list[_Tok], a: int, b: int) -> int | None:
    """Index of a given name followed by a surname after a descriptor ('Pensioner Maureen')."""
    for k in range(a + 1, b - 1):
        if toks[k].base in _FIRST_NAMES and toks[k + 1].cap and not toks[k].poss:
            return k
    return None


def _is_country_word(entry: _Entry) -> bool:
    """A nationality adjective or a country's own name."""
    return entry.kind == "adj" or (entry.kind == "place" and entry.country == entry.name)


# --- merging mentions into actors ----------------------------------------------------------


def _resolve_singles(cands: list[_Cand]) -> list[_Cand]:
    """Map one-word person names to a full name with that surname; drop the unsupported."""
    full: dict[str, list[tuple[int, _Cand]]] = {}
    given: dict[str, list[tuple[int, _Cand]]] = {}
    for c in cands:
        if c.kind == "person" and not c.single:
            full.setdefault(c.name.split()[-1], []).append((c.start, c))
            given.setdefault(c.name.split()[0], []).append((c.start, c))
    out = []
    for c in cands:
        if c.kind == "person" and c.single:
            options = full.get(c.name)
            if not options and len({o[1].name for o in given.get(c.name, [])}) == 1:
                options = given[c.name]  # "Sir Keir": a unique given name
            if options:
                before = [o for o in options if o[0] < c.start]
                target = (before[-1] if before else options[0])[1]
                c.name = target.name
                c.country = c.country or target.country
            elif c.fallback:
                c.kind = c.fallback
            elif not c.evidence:
                continue
        out.append(c)
    return out


def _org_key(name: str) -> tuple[str, ...]:
    words = [w.lower() for w in _key(name) if w not in _ADJECTIVES and _LEX.get((w,)) is None]
    return tuple(sorted(w for w in words if w not in ("the", "of", "for", "and")))


def _sentence_country(cands: list[_Cand], toks: list[_Tok]) -> None:
    """Give a generic organisation without a country the one country its sentence names."""
    generic = [c for c in cands if c.kind == "org" and c.country is None and not c.lexical]
    if not generic:
        return
    countries = {c.name for c in cands if c.kind == "place" and c.country == c.name}
    countries.update(_ADJECTIVES[t.base] for t in toks if t.cap and t.base in _ADJECTIVES)
    if len(countries) != 1:
        return
    (country,) = countries
    for c in generic:
        if all(w.lower() in _GENERIC_GOV for w in c.name.split()):
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


def extract_actors(article: Article) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The actors table (one row per actor) and the mentions table (one row per mention)."""
    cands: list[_Cand] = []
    for s in article.sentences:
        toks, headline, caps, roles = _tokens(article.text, s.start, s.end)
        found = _Sentence(article.text, toks, caps, roles).run(headline)
        _sentence_country(found, toks)
        cands.extend(found)
    actor_rows, mention_rows = _build(article, _resolve_singles(cands))
    return frame("actors", actor_rows), frame("mentions", mention_rows)
