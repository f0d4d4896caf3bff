"""The actor lexicons (countries, places, organisations, role words, stop words, given
names) and the tokens the actor rules read: capitalised runs, compounds, lexicon matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstables.lexicon import alternation, load_json, load_lines, trie

_TOKEN = re.compile(
    r"[^\W\d_]\w*(?:[-‐'’]\w+)*(?:\.(?:[A-Z]\.)+)?"  # words (inner - and '), U.K., U.S.A.
    r"|\d(?:[\d,.]*\d)?"
    r"|[^\w\s]"
)
_OPENERS = frozenset("“‘\"'([—–-:«„…")
_OF_OK = frozenset({"Republic", "Horn", "House", "Kingdom", "Islands", "Federation", "Union"})
# A capitalised word with these endings before 'port', 'region'... is an adjective (Sicilian).
_ADJECTIVE_ENDINGS = ("ian", "ean", "ese", "ish", "ic", "ern")


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
    for name, info in load_json("actors_countries.json").items():
        if name.startswith("_"):
            continue
        for adj in info["adjectives"]:
            adjectives.setdefault(adj, name)
        for surface in (name, *info["aliases"]):
            lex.setdefault(_key(surface), _Entry("place", name, name))
    for kind, file in (("place", "actors_places.json"), ("org", "actors_orgs.json")):
        for name, value in load_json(file).items():
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


def _is_country(entry: _Entry) -> bool:
    """A country's own name (or alias), not a place in it."""
    return entry.kind == "place" and entry.country == entry.name


_LEX, _ADJECTIVES = _load_lexicon()
COUNTRIES = frozenset(e.name for e in _LEX.values() if _is_country(e))
ADJECTIVES: dict[str, str] = _ADJECTIVES  # 'British': 'United Kingdom'
# For each first word of an entry, the lengths of entries starting with it, longest first.
_LEX_FIRST: dict[str, tuple[int, ...]] = {}
for _k in _LEX:
    _LEX_FIRST[_k[0]] = tuple(sorted({*_LEX_FIRST.get(_k[0], ()), len(_k)}, reverse=True))
_ROLES = load_json("actors_roles.json")
_ROLE_HEADS = frozenset(_ROLES["heads"])
_ROLE_WORDS = _ROLE_HEADS | frozenset(_ROLES["modifiers"])
_PORTFOLIOS = frozenset(tuple(w.lower() for w in _key(p)) for p in _ROLES["portfolios"])
_PORTFOLIO_MAX = max(len(p) for p in _PORTFOLIOS)
_IMPLIED = {k.lower(): v for k, v in _ROLES["implied_country"].items()}
_HONORIFICS = frozenset(_ROLES["honorifics"])
_CONTEXT = load_json("actors_context.json")
_ORG_HEADS = frozenset(_CONTEXT["org_heads"])
_PLACE_HEADS = frozenset(_CONTEXT["place_heads"])
_OTHER_HEADS = frozenset(_CONTEXT["other_heads"])
_ALL_HEADS = _ORG_HEADS | _PLACE_HEADS | _OTHER_HEADS
# 'criticised European countries': a region's adjective alone names no one
_REGION_ADJECTIVES = frozenset(_CONTEXT["region_adjectives"])
_INSTITUTIONS = _phrases(_CONTEXT["institutions"])
_PLACE_NOUNS = _phrases(_CONTEXT["place_nouns"])
_ORG_NOUNS = frozenset(_CONTEXT["org_nouns"])
_PLACE_PREPS = frozenset(_CONTEXT["place_prepositions"])
# Prepositions after which a name is where someone is, not who ('a survivor I met in Kalamata,
# a 19-year-old from Syria, told me')
WHERE_SOMEONE_IS = frozenset("in at near inside outside off around within throughout".split())
_SPEECH = frozenset(_CONTEXT["speech_verbs"])
_PARTICLES = frozenset(_CONTEXT["name_particles"])
_PREFIXES = "|".join(sorted(_CONTEXT["name_prefixes"], key=lambda p: (-len(p), p)))
_GENERIC_GOV = frozenset(_CONTEXT["generic_government_words"])
_STOP = frozenset(w.lower() for w in load_lines("actors_stopwords.txt"))
_FIRST_NAMES = frozenset(line.split()[0] for line in load_lines("actors_first_names.txt"))
# the pronoun news uses for a given name, where the lexicon marks one ('Hillary': 'she')
GIVEN_PRONOUN = {w[0]: w[1] for w in map(str.split, load_lines("actors_first_names.txt"))
                 if w[1:2] in (["he"], ["she"])}
_DETERMINERS = frozenset({"the", "a", "an"})
# Lower-case words some rule looks at; every other lower-case word is a placeholder token.
_RELEVANT = frozenset(
    _ROLE_WORDS | _PARTICLES | _DETERMINERS | _SPEECH | _PLACE_PREPS | _HONORIFICS
    | {w for p in _PORTFOLIOS for w in p}
    | {w for ps in (_INSTITUTIONS, _PLACE_NOUNS) for p in ps.values() for phrase in p
       for w in phrase}
    | {w for k in _LEX for w in k if w[:1].islower()}
    | {"of", "for", "on", "and", "former", "his", "her", "its", "their", "our", "who", "told"}
    | _ORG_NOUNS
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
_REL = trie(_RELEVANT)
# A name behind a lower-case prefix ('al-Assad', "d'Alema") counts as capitalised.
_PREFIXED = rf"(?i:{_PREFIXES})[-‐'’](?=[{_UPPER}])"
# A capitalised word, an abbreviation ('U.K.') and a compound of them ('U.K.-Türkiye')
_CAP = (rf"(?:{_PREFIXED})?[{_UPPER}]\w*(?:[-‐'’]\w+)*"
        rf"(?:\.(?:[A-Z]\.)+(?:[-‐][{_UPPER}]\w*(?:[-‐'’]\w+)*)?)?"
        # a plural's possessive before a lower-case word: "the Liberal Democrats' spokesman"
        r"(?:(?<=s)['’](?=[^\S\n]+[a-z]))?")
# One pass finds what the rules look at: capitalised words, the relevant lower-case words
# and punctuation outside words. The words no rule looks at (and numbers) before each of
# them are consumed in the same match ('skip'), without a Python step per word.
_SCAN = re.compile(
    rf"((?:(?![{_UPPER}])(?!{_PREFIXED})(?!(?:{_REL})(?:['’]s)?(?![\w'’‐-]))"  # 1: skipped
    r"\w+(?:[-‐'’.,]\w+)*\s*)*+)"
    rf"((?<![\w'’])(?<!\w[-‐]){_CAP}"  # 2: the token
    rf"|(?<![\w'’‐-])(?:{_REL})(?:['’]s)?(?![\w'’‐-])"  # ('the minister's')
    r"|(?<!\w)[^\w\s]|[^\w\s](?!\w)|\Z)"  # \Z: trailing skipped words end in one match
)


_PREFIXED_RE = re.compile(_PREFIXED)
# For the speaker rules (speakers.py), which read names with their own tokens.
NAME_PARTICLES = _PARTICLES
PREFIXED_NAME = _PREFIXED_RE
# Letters after a name that are no part of it ('Sir James Eadie KC', 'Jane Roe MP'); those of
# an office, which a speaker named with them holds ('Kemi Oyelaran MP said')
OFFICE_LETTERS = frozenset("KC QC MP MEP MSP".split())
POST_NOMINALS = OFFICE_LETTERS | frozenset("OBE CBE MBE KBE DBE".split())


def bare_surname(word: str) -> str:
    """A surname without its prefix ('al-Assad', 'Al-Assad' -> 'Assad')."""
    m = _PREFIXED_RE.match(word)
    return word[m.end() :] if m else word


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
        plural = word and not poss and len(text) > 2 and text[-1] in "'’" and text[-2] == "s"
        base = text[:-2] if poss else text[:-1] if plural else text
        poss = poss or plural  # "Democrats'"
        self.start = start
        self.text = text
        self.base = base
        self.end = start + len(base)
        self.low = base.lower()
        self.word = word
        self.cap = word and (first.isupper() or (
            first.islower() and _PREFIXED_RE.match(text) is not None))
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
    named = sum(len(toks[i].base) > 1 or i + 1 == len(toks) or toks[i + 1].text != "."
                for i in caps)  # an initial ('John F. Kerry') aside
    headline = words >= 4 and named >= 0.7 * words and not any(
        w not in _TITLE_CASE_SMALL for w in _LOWER_WORD.findall(text, start, end)) and not (
        _LISTED.match(text, start, end)  # (not 'Witnesses: Angela Eagle, Minister for ...')
        or SAID_BY_LABEL.match(text, start, end))  # (nor 'Said by: Suella Braverman')
    return toks, headline, caps, roles


# Title Case leaves only small words in lower case (these, as headlines write them); a
# sentence with any other word in lower case ('Anna Berg met John Kole in Athens') is not a
# Title Case headline.
_TITLE_CASE_SMALL = frozenset(
    "a an the and or nor but of in on at to for by with from as vs via per up off out into "
    "over onto upon if so than that this is are was be not yet when who".split())
_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z][a-z'’-]*")
# A list after a label, its items parted by semicolons and closed by a full stop ('Witnesses:
# Angela Eagle, Minister for ...; and Martin Hewitt, ...'): a sentence, not a Title Case headline
# Who made a claim, as a fact check labels it: 'Said by: Suella Braverman', 'claimed by'.
_SAID_BY = r"(?:said|claimed|stated)\s+by\b\s*:?\s*"
SAID_BY_LABEL = re.compile(r"\W*" + _SAID_BY, re.I)
SAID_BY_BEFORE = re.compile(r"\b" + _SAID_BY + "$", re.I)
_LISTED = re.compile(r"\W*[A-Z][\w ]{0,30}:\s.*;.*\.\s*$", re.S)


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


# "of", "of the", "of the (German refugee) organisation": what comes between a person and the
# body they speak for
_OF_A_BODY = (rf"\s+of\s+(?:the\s+)?(?:(?:[\w-]+\s+){{0,3}}?(?:{alternation(_ORG_NOUNS)})"
              r"\s+)?")
# after a name of two words, that body and a speech verb: "Clara Hoffmann of Pro Asyl called
# it", "Tom Lee of the refugee charity Care4Calais said"
OF_A_BODY_SAID = re.compile(
    _OF_A_BODY + r"(?:[A-Z][\w'’&-]*\s+){1,5}(?:has\s+|had\s+|also\s+)?(?:said|says|called"
    r"|told|added|warned|argued|described)\b")
# right after a full name (not "accused X of ignoring", "Parents of")
OF_THEIR_BODY = re.compile(_OF_A_BODY, re.I)
FULL_NAME = re.compile(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}")
GROUPS = frozenset("People MPs Members Officials Residents Parents Friends Families".split())
