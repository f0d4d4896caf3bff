"""Role titles before and after names: Home Secretary X, X, the immigration minister, and
the country a title or its complement names.
"""

from __future__ import annotations

import re

from newstables.extract.actor_tokens import (
    _ADJECTIVES,
    _ALL_HEADS,
    _DETERMINERS,
    _FIRST_NAMES,
    _HONORIFICS,
    _IMPLIED,
    _LEX,
    _ORG_HEADS,
    _PARTICLES,
    _PORTFOLIO_MAX,
    _PORTFOLIOS,
    _ROLE_HEADS,
    _ROLE_WORDS,
    _SPEECH,
    _is_stop,
    _lex_match,
    _nameable,
    _Tok,
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
        if j + 1 < n and toks[j].low == "and" and toks[j + 1].low in _ROLE_WORDS and (
                toks[j - 1].low not in _ROLE_HEADS):
            j += 1  # 'Migration and Asylum Minister': two portfolios of one title
    if last < 0:
        return None
    end = last + 1
    if end < n and toks[end].low == "general" and not toks[last].poss:
        end += 1
    stop, portfolios = _complement(toks, end)
    return end, stop, portfolios


def _complement(toks: list[_Tok], k: int) -> tuple[int, list[tuple[int, int]]]:
    """Extend a role over 'of/for [the] <named body | portfolio | place before a name>'
    (twice at most) and 'at [the] <named body>' (once); also return the token spans that
    are portfolios ('for Home Affairs')."""
    n = len(toks)
    portfolios: list[tuple[int, int]] = []
    workplace = False
    for _ in range(2):
        if k >= n or toks[k - 1].poss:
            break
        at = toks[k].low == "at" and not workplace
        if toks[k].low not in ("of", "for") and not at:
            break
        m = k + 1
        if m < n and toks[m].low == "the":
            m += 1
        stop = None
        if at:  # 'a senior researcher at the Migration Observatory'
            stop = _workplace(toks, m)
            if stop is None:
                break
            k, workplace = stop, True
            continue
        if m < n and toks[m].cap:  # a named body first: 'of the Migration Observatory'
            hit = _lex_match(toks, m, n)
            stop = hit[0] if hit and hit[1].kind != "adj" else _headed_run(toks, m)
        if stop is None and m < n and toks[m].cap:
            stop = _place_before_name(toks, m)  # 'The mayor of Boulogne-sur-Mer, F. Cuvillier'
        if stop is None:
            stop = _portfolio(toks, m)
            while stop is not None and stop + 1 < n and toks[stop].low == "and" and (
                    more := _portfolio(toks, stop + 1)) is not None:
                stop = more  # 'for Border Security and Asylum'
            if stop is not None:
                portfolios.append((m, stop))
        if stop is None and m < n and toks[m].cap:
            stop = _body_before_name(toks, m)  # 'Archbishop of Canterbury Justin Welby'
            if stop is not None:
                portfolios.append((m, stop))  # the title's words, not an actor's
        if stop is None and m == k + 1 and toks[k].low == "of":
            stop = _field(toks, m)  # 'head of policy at the Refugee Council', 'chief of staff'
        if stop is None:
            break
        k = stop
    return k, portfolios


# the words of a field after a title's 'of' ('head of policy', 'director of public affairs',
# 'director of operations and strategy'): lowercase words, not a determiner, pronoun or number
_NOT_A_FIELD = frozenset(["the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
                          "them", "him", "us", "it", "this", "that", "these", "those", "one",
                          "two", "three", "all", "some", "many"])


def _field(toks: list[_Tok], m: int) -> int | None:
    """End of up to two lowercase words of a field right after a title's 'of' (and one more
    after 'and'), before a comma, 'at', 'for', 'to' or the end of the sentence ('head of
    policy at ...'); else None."""
    n, j = len(toks), m

    def field_word(k: int) -> bool:
        return k < n and toks[k].word and not toks[k].cap and toks[k].low.isalpha() and (
            toks[k].low not in _NOT_A_FIELD and not _is_stop(toks[k]))

    while field_word(j) and j - m < 2:
        j += 1
    if j > m and j + 1 < n and toks[j].low == "and" and field_word(j + 1):
        j += 2  # 'operations and strategy'
    if j == m or j < n and toks[j].word and toks[j].low not in ("at", "for", "to", "and"):
        return None
    return j


def _workplace(toks: list[_Tok], m: int) -> int | None:
    """End of a named body from ``m``, its 'of' and possessive parts included ('the
    University of Oxford's Migration Observatory'), when an organisation's head or name is
    in it; else None ('at Dover')."""
    n, j, body = len(toks), m, False
    while j < n:
        if toks[j].word and toks[j].cap:
            hit = _lex_match(toks, j, n)
            if hit is not None and hit[1].kind == "org":
                body, j = True, hit[0]
                continue
            body = body or toks[j].base in _ORG_HEADS
            j += 1
        elif toks[j].low in ("of", "and", "for") and j > m and j + 1 < n and toks[j + 1].cap:
            j += 1
        else:
            break
    return j if body else None


def _place_before_name(toks: list[_Tok], m: int) -> int | None:
    """End of a capitalised run of up to four words from ``m`` that a comma and a person's
    name of two words or more follow: the title's place ('MP for South Dorset, Lloyd
    Hatton,'). A run with a given name in it is a person's ('a spokesman for Tom Smith')."""
    n, j = len(toks), m
    while j < n and j - m < 4 and toks[j].word and toks[j].cap and not toks[j].poss:
        j += 1
    if j == m or j + 1 >= n or toks[j].text != "," or any(
            toks[x].base in _FIRST_NAMES or toks[x].base in _ALL_HEADS for x in range(m, j)):
        return None
    name = _name_after(toks, j + 1)
    return j if name is not None and name[2] - name[1] >= 2 else None


_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
_NAME_ENDS = frozenset(",.;:)(—–")


def _body_before_name(toks: list[_Tok], m: int) -> int | None:
    """Where a capitalised run from ``m`` that a lexicon does not know ends its title part
    and a person's name begins: 'Canterbury Justin Welby', 'Neighbourhood and Enlargement
    Olivér Várhelyi', 'Public Prosecutions Max Hill'. The name starts at a given name the
    lexicon knows, else, right before a speech verb, it is the run's last two words; a run of
    one or two words with no given name, right before a speech verb, is all title ('Public
    Prosecutions said'). A run a body's head or a lexicon name ends is no title and name
    ('of the Congressional Black Caucus')."""
    n, j, words = len(toks), m, []
    while j < n:
        if toks[j].word and toks[j].cap:
            words.append(j)
            j += 1
            if toks[j - 1].poss:
                return None  # 'of Canterbury Justin Welby's': not a title and name
        elif words and toks[j].low == "and" and j + 1 < n and toks[j + 1].cap:
            j += 1  # 'Neighbourhood and Enlargement'
        elif words and toks[j].low in _PARTICLES and _particles_then_name(toks, j):
            words.append(j)
            j += 1  # 'Enlargement Ursula von der Leyen'
        else:
            break
    if j < n and not (toks[j].low in _SPEECH or toks[j].text in _NAME_ENDS):
        return None  # 'Organised Immigration Crime at the National Crime Agency': a body
    if len(words) < 3:
        # 'the Director of Public Prosecutions said', 'the Chief Inspector of Borders and
        # Immigration said': the whole run is the title's, with no name after it (not
        # 'a spokesman for Tom Smith said')
        return j if words and j < n and toks[j].low in _SPEECH and not any(
            toks[k].base in _FIRST_NAMES for k in words) else None
    given = next((k for k in words[1:] if toks[k].base in _FIRST_NAMES), None)
    if given is None and not (j < n and toks[j].low in _SPEECH):
        return None  # 'head of the Congressional Black Caucus.': no name without a given one
    start = given if given is not None else words[-2]
    if toks[start - 1].low == "and" or toks[start].low in _PARTICLES or any(
            toks[k].base in _ALL_HEADS or _LEX.get((toks[k].base,)) for k in words
            if k >= start - 1):
        return None  # 'the Congressional Black Caucus.': the run ends in a body's head
    return start


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
    for k in range(i, end):
        t = toks[k]
        word = t.text if t.poss and k < end - 1 else t.base  # "the University of Oxford's"
        if t.word and word.islower() and t.low not in ("of", "for", "at", "the", "and"):
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
    while k < n and toks[k].cap and toks[k].low in _HONORIFICS:  # 'Lt. Gen. Jo Kim'
        k += 1
        if k < n and toks[k].text == ".":
            k += 1
    first = k
    if k < n and len(toks[k].text) == 1 and not (k + 1 < n and toks[k + 1].text == "."):
        return None  # 'Gen Z': a letter, not an initial
    names = 0
    while k < n and names < 5:
        tok = toks[k]
        if tok.word and (_nameable(tok) or _INITIALS.fullmatch(tok.text) and k + 1 < n
                         and toks[k + 1].cap or names == 0 and first > start
                         and tok.base in _FIRST_NAMES and k + 1 < n and toks[k + 1].cap
                         ) and not (names == 0 and _LEX.get((tok.base,))):
            names += 1  # 'G.K. Butterfield': initials in one token
            k += 1
            if tok.poss:
                break
        elif (names == 1 and k - 1 == first and toks[first].base in _FIRST_NAMES and tok.cap
              and tok.word and not tok.poss and not (k + 1 < n and toks[k + 1].cap)):
            names += 1  # 'Andy Street', 'Robert Hall': a given name, then a head word
            k += 1
        elif tok.low in _PARTICLES and names and _particles_then_name(toks, k):
            k += 1
        elif (tok.text == "." and names and len(toks[k - 1].text) == 1 and k + 1 < n
              and toks[k + 1].cap):
            k += 1  # an initial: 'John F. Kennedy', 'L. Douglas Wilder'
        else:
            break
    if k > first and toks[k - 1].text == ".":
        k -= 1  # 'John F. The ...': the initial's full stop ends no name
    if not names or (k < n and toks[k].cap and toks[k].base in _ALL_HEADS):
        return None
    return start, first, k


def _particles_then_name(toks: list[_Tok], k: int) -> bool:
    """Do name particles from ``toks[k]`` on lead to a capitalised word ('von der Leyen')?"""
    while k < len(toks) and toks[k].low in _PARTICLES:
        k += 1
    return k < len(toks) and toks[k].cap


def _qualifier_start(toks: list[_Tok], i: int, protected: set[int]) -> int:
    """Start of a named body right before a title ('Home Office' minister, 'Labour' leader)."""
    q = i
    while q > 0 and q - 1 in protected and toks[q - 1].cap:
        q -= 1
    while q < i and _is_stop(toks[q]):  # 'The Refugee Council's chief executive'
        q += 1
    for length in range(min(6, i), 0, -1):
        # a known organisation ending right before the title, whole ('Freedom from Torture
        # chief executive'), or one with no capital run of its own before it
        entry = _LEX.get(tuple(t.base for t in toks[i - length : i]))
        if entry is not None and entry.kind == "org" and (q == i and not toks[i - 1].poss
                                                          or i - length < q):
            return i - length
    return q


def _span_country(toks: list[_Tok], a: int, b: int) -> str | None:
    """The first country a lexicon entry or nationality word in tokens [a, b) names."""
    for k in range(a, b):
        hit = _lex_match(toks, k, b)
        if hit and hit[1].country:
            return hit[1].country
    return None


# Tokens after an appositive's title within which it closes (', a professor of politics at
# Queen Mary University of London,')
_CLOSES_WITHIN = 12


def _appositive(toks: list[_Tok], k: int, closed: bool = False
                ) -> tuple[str, str | None, int] | None:
    """', the immigration minister,' after a name: (role, country, end index) or None. With
    ``closed``, the title must be followed by a comma, stop or relative clause, not by a
    speech verb ('In Chelsea, the mayor said': the mayor is the subject, not Chelsea's
    title)."""
    n = len(toks)
    if k >= n or toks[k].text != ",":
        return None
    m = k + 1
    if m < n and (toks[m].low in _DETERMINERS or toks[m].low in ("former", "his", "her", "our")):
        m += 1
    if m < n and (toks[m].poss or toks[m].base in _ADJECTIVES):
        m += 1
    q = m
    if m + 1 < n and toks[m].low == "former" and toks[k + 1].low in _DETERMINERS:
        m += 1  # ', a former Border Force officer,': the body after 'former' ('former' kept)
    body = _lex_match(toks, m, n) if m < n else None
    if body is not None and body[1].kind == "org" and body[0] < n and (
            toks[body[0]].low in _ROLE_WORDS):
        m = body[0]  # ', the Labour leader,': a party or body before the title
    role = _match_role(toks, m, set()) if m < n else None
    if role is None:
        return None
    end = role[1]
    for k in range(end, min(n, end + _CLOSES_WITHIN)):  # it closes soon after the title
        if toks[k].text in ",.;)" or toks[k].low in ("who", "which", "that", "whose"):
            break  # '..., the mayor who announced the curfew': a relative clause closes it
        if toks[k].low in _SPEECH:
            if closed:
                return None
            break
    else:
        if n > end + _CLOSES_WITHIN:
            return None
    label = _role_text(toks, q, end)
    return label, _role_country(toks, q, end, label), end


