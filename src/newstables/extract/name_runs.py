"""Capitalised runs of a sentence's tokens that may name an actor: maximal runs of unused
capitalised tokens, joined by the connectors names have ("Ursula von der Leyen", "John F.
Kennedy", "Ministry of the Interior", "Marks & Spencer"); in a Title Case headline only
lexicon entries.
"""

from __future__ import annotations

from newstables.extract.actor_tokens import (
    _ALL_HEADS,
    _FIRST_NAMES,
    _LEX,
    _OF_OK,
    _ORG_HEADS,
    _OTHER_HEADS,
    _PARTICLES,
    _PLACE_HEADS,
    _STOP,
    _lex_match,
    _Tok,
)


def capital_runs(toks: list[_Tok], used: list[bool], caps: list[int]) -> list[tuple[int, int]]:
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


def lexicon_runs(toks: list[_Tok], used: list[bool]) -> list[tuple[int, int]]:
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
    if all(w in _PARTICLES for w in between):
        return True  # 'Ursula von der Leyen'
    lefts = toks[left[0] : left[1]]
    left_head = any(t.base in _ALL_HEADS for t in lefts)
    rights = toks[right[0] : right[1]]
    if rights[0].low in _STOP:
        return False
    if between == ["."]:
        return _initial_joins(lefts, rights)  # 'John F. Kennedy', 'L. Douglas Wilder'
    if between[0] in ("of", "for", "on") and between[1:] in ([], ["the"]):
        named = any(t.base in _ORG_HEADS or t.base in _OTHER_HEADS for t in lefts)
        place = between[0] == "of" and any(t.base in _PLACE_HEADS for t in lefts)
        return named or place or lefts[-1].base in _OF_OK
    if between in (["and"], ["&"]):
        right_head = any(t.base in _ORG_HEADS or t.base in _OTHER_HEADS for t in rights)
        return right_head and not left_head and _LEX.get((lefts[-1].base,)) is None
    return False


def _initial_joins(lefts: list[_Tok], rights: list[_Tok]) -> bool:
    """Does the initial ending ``lefts`` join ``rights`` into one name? After a word that
    can be a given name ('John F. Kennedy', 'Loretta E. Lynch'), or before a given name
    ('L. Douglas Wilder'), or between initials ('H. G. Wells'); not after a name's head word
    or a lexicon name ('Plan B. Harris said', 'Block C. Officials said': the sentences split
    at no single capital)."""
    if len(lefts[-1].text) != 1:
        return False
    if len(lefts) > 1:
        word = lefts[-2]
        return len(word.text) == 1 or word.base in _FIRST_NAMES or (
            word.base not in _ALL_HEADS and _LEX.get((word.base,)) is None)
    return rights[0].base in _FIRST_NAMES or len(rights[0].text) == 1
