"""Measures: what a deal or policy commits to, from commitment language and instrument words.

A measure is an instrument mention (lexicon ``measures_instruments.json``: "centre of
excellence", "memorandum of understanding", "officer deployment", "intelligence sharing",
"funding", "scheduled meeting"...) in a clause that holds commitment language (lexicon
``measures_markers.json``: will, is to, to be established, plans to, agreed to, pledged to, set
to, scheduled, has announced, has begun...). Rhetoric without an instrument ("we must do
everything we can to smash the gangs") gives nothing, nor does an instrument in a clause
without commitment language, nor one whose commitment is negated ("will not deploy").

Rules:
- status: the marker nearest the mention (one before it wins a tie) sets it: "underway"
  (already, has begun, is deploying, has been deployed), "announced" (announced, signed,
  agreed a deal, unveiled) or "planned" (will, would, is to, to be established, plans to,
  scheduled, set to, expected to, agreed/pledged/committed to). A meeting is a measure only
  in a clause with planned language (one held last month is an event), between two countries,
  bodies or people the sentence names, and not when it dates the sentence ("after a meeting
  with"); a bare "deal" or "agreement" only when announced, signed or in place, not in "the
  deal would cost millions" (the lexicon's "needs" and "parties"), nor when it dates the
  sentence ("since the last deal was signed").
- lead: the agent of "established/run/led/hosted... by X"; else the actors that are the
  clause's subject (the mentions just before the marker, joined by "and"/",", not after a
  preposition, and after any "said"); else, for a clause that opens on what the last measure
  with a lead gives ("The money will pay for ...") or on its parties ("The two leaders also
  agreed ..."), in its paragraph or the one before, that measure's lead (its lead and
  partners for the parties); else None. Several leads are "; "-joined.
- partners: the other actors (not persons) mentioned in the sentence, "; "-joined in text
  order; None when there are none.
- purpose: the first "to <verb> ...", "aimed at ...", "focus on ...", "in order to ..." after
  the mention, up to the end of its phrase; for an instrument that is the subject of "will"
  ("the new MoU will speed up ...") with no such phrase, what it will do. An instrument is the
  subject when it comes before the clause's first marker, not after a preposition ("under the
  arrangement, France will ...") and with no actor between it and the marker.
- One measure per instrument per sentence. A mention inside another measure's purpose, or in
  what a subject instrument will do ("the MoU will speed up the exchange of data"), is part of
  that measure, not a new one.
- description/start/end: the clause of the measure (clauses split at ";", ":", dashes and
  ", and/but/while" before a new verb) or the whole sentence, without surrounding quote marks.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

import pandas as pd

from newstables.extract.actors import Mentioned, read_mentioned
from newstables.extract.article import Article, Sentence
from newstables.lexicon import load_json
from newstables.schema import frame


def _alt(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


_LEXICON = load_json("measures_instruments.json")["instruments"]
_MARKERS = load_json("measures_markers.json")
_LABELS: list[tuple[str, tuple[str, ...]]] = [
    (i["label"], tuple(i.get("needs", ()))) for i in _LEXICON
]
_PARTIES = [int(i.get("parties", 0)) for i in _LEXICON]  # countries or bodies it must name
# words before the mention that make it no measure ('a leaked Home Office memorandum')
_NOT_AFTER = [re.compile(rf"(?:{i['not_after']})(?:\s+[\w'’-]+){{0,3}}\s*$") if i.get(
    "not_after") else None for i in _LEXICON]
# between 'meet' and the person met: 'with' and titles only ('meet French President Macron')
_MET = re.compile(r"\s+(?:with\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}")
# 'After a meeting with X, Y announced ...', 'since the last deal was signed': a meeting or a
# deal that dates the sentence, not a measure
_DATED_BY = re.compile(
    r"\b(?:after|ahead\s+of|before|following|during|since)\s+(?:\S+\s+){0,2}$")
_NOT_PARTIES = frozenset(_MARKERS["not_parties"])
_STATUSES = ("negated", "underway", "announced", "planned")  # priority at the same span

# Patterns are tried only where their stem (the literal text they start with) occurs at a word
# start, found with str.find after a cheap check that some word begins with it. Far faster than
# one big regex over the text.
_LOOKBEHIND = re.compile(r"^(?:\(\?<[=!][^()]*\))*")
_LITERAL = re.compile(r"(?:[a-z0-9£€'’-]|\\\$)+")
StemIndex = dict[str, list[tuple[re.Pattern[str], Any]]]
Entries = list[tuple[str, list[tuple[re.Pattern[str], Any]]]]


def _stem(pattern: str) -> str:
    """The literal text every match of ``pattern`` starts with ("" if none)."""
    rest = pattern[_LOOKBEHIND.match(pattern).end():]
    m = _LITERAL.match(rest)
    if m is None:
        return ""
    stem = m.group().replace("\\", "")
    if rest[m.end():m.end() + 1] in ("?", "*", "{"):
        stem = stem[:-1]
    return stem


def _index(items: list[tuple[str, Any]]) -> StemIndex:
    """Patterns (each ending at a word end) grouped by stem; "" holds those without one."""
    index: StemIndex = {}
    for pattern, payload in items:
        index.setdefault(_stem(pattern), []).append((re.compile(rf"(?:{pattern})(?!\w)"), payload))
    return index


_INSTRUMENTS = _index([(p, n) for n, item in enumerate(_LEXICON) for p in item["patterns"]])
_MARKER_INDEX = _index([(p, status) for status in _STATUSES for p in _MARKERS[status]])



def _word_keys(low: str) -> set[str]:
    """The first four characters of every word (quote marks and brackets taken off)."""
    for mark in "“‘\"'(":
        if mark in low:
            low = low.replace(mark, " ")
    return {w[:4] for w in low.split()}


def _keyed(index: StemIndex) -> tuple[dict[str, Entries], Entries]:
    """Entries of ``index`` by the first four letters of their stem, and those that cannot be
    looked up so (stems shorter than four letters or not starting with a letter or digit)."""
    keyed: dict[str, Entries] = {}
    always: Entries = []
    for stem, patterns in index.items():
        if len(stem) >= 4 and stem[0].isalnum():
            keyed.setdefault(stem[:4], []).append((stem, patterns))
        else:
            always.append((stem, patterns))
    return keyed, always


_INSTRUMENTS_KEYED = _keyed(_INSTRUMENTS)
_MARKERS_KEYED = _keyed(_MARKER_INDEX)


def _entries(keyed: tuple[dict[str, Entries], Entries], keys: set[str], low: str) -> Entries:
    """The stems that may occur in a text whose words begin with ``keys``, in a fixed order."""
    by_key, always = keyed
    found = [entry for key in sorted(keys & by_key.keys()) for entry in by_key[key]]
    return found + [(stem, patterns) for stem, patterns in always if not stem or stem in low]


def _find(entries: Entries, low: str, start: int, end: int) -> list[tuple[int, int, Any]]:
    """(start, end, payload) of every match in ``low[start:end]``; the longest at a position."""
    return _find_in(entries, low, [(start, end)])[0]


def _find_in(entries: Entries, low: str, spans: list[tuple[int, int]]
             ) -> list[list[tuple[int, int, Any]]]:
    """``_find`` in each of ``spans`` (sorted, not overlapping), each stem looked for once
    over them all."""
    found: list[dict[int, tuple[int, int, Any]]] = [{} for _ in spans]
    if not spans:
        return []
    starts = [a for a, _ in spans]
    first, last = spans[0][0], spans[-1][1]
    for stem, patterns in entries:
        if not stem:
            for k, (start, end) in enumerate(spans):
                for pattern, payload in patterns:
                    for m in pattern.finditer(low, start, end):
                        _keep(found[k], m.start(), m.end(), payload)
            continue
        word_start = stem[0].isalnum()
        pos = low.find(stem, first, last)
        while pos >= 0:
            k = bisect_right(starts, pos) - 1
            end = spans[k][1]
            if pos + len(stem) > end:  # between spans, or running out of one
                if k + 1 == len(spans):
                    break
                pos = low.find(stem, max(pos + 1, starts[k + 1]), last)
                continue
            if not word_start or pos == 0 or not low[pos - 1].isalnum():
                for pattern, payload in patterns:
                    m = pattern.match(low, pos, end)
                    if m is not None:
                        _keep(found[k], pos, m.end(), payload)
            pos = low.find(stem, pos + 1, last)
    return [[f[k] for k in sorted(f)] for f in found]


def _rank(payload: Any) -> int:
    """Priority of a payload: lexicon order for instruments, _STATUSES order for markers."""
    return payload if isinstance(payload, int) else _STATUSES.index(payload)


def _keep(found: dict[int, tuple[int, int, Any]], start: int, end: int, payload: Any) -> None:
    """Keep the longest match at ``start``; at equal length the one of higher priority."""
    old = found.get(start)
    if old is None or end > old[1] or end == old[1] and _rank(payload) < _rank(old[2]):
        found[start] = (start, end, payload)


# The patterns below run on the lower-cased text.
_NEGATION_AFTER = re.compile(rf"[ \t]*(?:{_alt(_MARKERS['negation'])})\b")
_NEGATION_BEFORE = re.compile(rf"\b(?:{_alt(_MARKERS['negation'])})[ \t]+$")
_AGENT = re.compile(rf"\b(?:{_alt(_MARKERS['lead_verbs'])})\s+$")  # before " by ", lower case
# "the establishment of a new centre by X": X leads (a noun for setting something up)
_NOMINAL = re.compile(r"\b(?:establishment|creation|setting\s+up)\s+of\b")
_REPORTING = re.compile(rf"\b(?:{_alt(_MARKERS['reporting'])})\b|[“\"‘]|\bthat\b")
_PURPOSE = re.compile(  # the verb after "to" must also be lower case in the text itself
    rf"(?<![\w-])(?P<cue>{_alt(_MARKERS['purpose_cues'])})\s+(?P<word>[a-z][a-z-]*)"
)
_NOT_PURPOSE = frozenset(_MARKERS["not_purpose_words"])
_TO_NOT_PURPOSE_BEFORE = re.compile(
    r"\b(?:set|expected|due|scheduled|going|plans?|planned|intends?|agreed|pledged|"
    r"committed|likely|able|is|are|was|were|has|have|had|needs?|used|wants?|ought|up|"
    r"according|close|compared|way|back|return|returned|access|entry|travel|travelled|"
    r"journey|crossing|route|routes|related|attention|commitment)\s+$"
)
_PURPOSE_END = re.compile(
    r"[;:]|\s[–—-]\s|,\s+(?=[a-z]+ing\b|(?:which|who|while|whereas|but|as|after|before|part|"
    r"according|said|says|a|an|the|it|he|she|they|we)\b)"
)
_MODAL = re.compile(r"will|would|shall|['’]ll|is\s+to|are\s+to")
_PREDICATE_SKIP = re.compile(r"(?:(?:also|now|further|soon|then|initially|quickly|both|"
                             r"help|be\s+able\s+to)\s+)*")
_CLAUSE_CUT = re.compile(r";\s*|:\s+|\s[–—]\s+|,\s+(?:and|but|while|whereas)\s+")
_FINITE = re.compile(
    r"\b(?:will|would|shall|is|are|was|were|has|have|had|can|could|may|might|must|"
    r"plans?|aims?|agreed|signed|announced)\b|['’]ll\b"
)
_COORDINATION = re.compile(r"\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?")
_THE_GAP = re.compile(r"\s*(?:the\s+)?")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:by|with|from|in|into|of|to|for|at|on|between|among|against|through|via|"
    r"including|under|over)\s+(?:(?:the|a|an|this|that|these|its|their|his|her|our|new|"
    r"joint|same)\s+){0,2}[“‘\"']?$"
)
_QUOTES = " \t\u00a0\"'“”‘’«»"
_REACH = 300
# 'X began ..., (as) part of plans to ...': the wider plan's marker, not the measure's status
_WIDER_PLAN = re.compile(
    r"\bpart\s+of\s+(?:(?:the|its|their|a|an|wider|broader|government|[a-z]+['’]s)\s+)*$")
_OPENING = "“‘«\""
_CLOSING = "”’»\""

Mention = tuple[int, int, str, str]  # start, end, name, kind


# ---------------------------------------------------------------- inputs
# ---------------------------------------------------------------- clauses and markers
def _clauses(low: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans of a sentence: cut at ; : dashes, and at ", and/but" before a new verb."""
    cuts = list(_CLAUSE_CUT.finditer(low, start, end))
    spans: list[tuple[int, int]] = []
    for i, cut in enumerate(cuts):
        following = cuts[i + 1].start() if i + 1 < len(cuts) else end
        if cut.group().lstrip().startswith(",") and not _FINITE.search(low, cut.end(), following):
            continue
        spans.append((start, cut.start()))
        start = cut.end()
    spans.append((start, end))
    return [(a, _rstrip(low, a, b)) for a, b in spans]


def _rstrip(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing white space, not before ``start``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _markers(low: str, entries: Entries, spans: list[tuple[int, int]]
             ) -> list[list[tuple[int, int, str]]]:
    """For each of ``spans`` (sorted sentences), (start, end, status) of the commitment
    markers in it; 'negated' if denied."""
    out = []
    for (start, _), matches in zip(spans, _find_in(entries, low, spans), strict=True):
        found = []
        for m_start, m_end, status in matches:
            denied = _NEGATION_AFTER.match(low, m_end) or _NEGATION_BEFORE.search(
                low, max(start, m_start - 12), m_start)
            if denied and status != "negated":
                status = "negated"
            found.append((m_start, m_end, status))
        out.append(found)
    return out


def _nearest(markers: list[tuple[int, int, str]], start: int, end: int) -> tuple[int, int, str]:
    """The marker closest to ``[start, end)``; one before it wins a tie."""
    def distance(marker: tuple[int, int, str]) -> float:
        if marker[1] <= start:
            return start - marker[1]
        if marker[0] >= end:
            return marker[0] - end + 0.5
        return 0.0
    return min(markers, key=distance)


# ---------------------------------------------------------------- lead, partners, purpose
def _inside(mentions: list[Mention], starts: list[int], lo: int, hi: int) -> list[Mention]:
    """Mentions wholly inside ``[lo, hi)``."""
    i = bisect_left(starts, lo)
    out = []
    while i < len(mentions) and mentions[i][0] < hi:
        if mentions[i][1] <= hi:
            out.append(mentions[i])
        i += 1
    return out


def _chain_forward(text: str, found: list[Mention], pos: int) -> list[Mention]:
    """Mentions coordinated from ``pos`` on: "the NCA and the Home Office"."""
    chain: list[Mention] = []
    for mention in found:
        if mention[0] < pos:
            continue
        gap = _THE_GAP if not chain else _COORDINATION
        if not gap.fullmatch(text, pos, mention[0]):
            break
        chain.append(mention)
        pos = mention[1]
    return chain


def _subject(text: str, found: list[Mention], lo: int, hi: int) -> list[Mention]:
    """The actors that are the subject before ``hi``: the last coordinated run of mentions."""
    for cue in _REPORTING.finditer(text, lo, hi):  # the subject follows the last one
        lo = cue.end()
    inside = [m for m in found if m[0] >= lo and m[1] <= hi]
    if not inside:
        return []
    chain = [inside[-1]]
    for mention in reversed(inside[:-1]):
        if not _COORDINATION.fullmatch(text, mention[1], chain[0][0]):
            break
        chain.insert(0, mention)
    if _PREPOSITION_BEFORE.search(text, max(lo, chain[0][0] - 20), chain[0][0]):
        return []
    return chain


def _lead(low: str, found: list[Mention], h_start: int, c_start: int, c_end: int,
          subject_end: int) -> list[Mention]:
    """The agent of "established by X", else the clause's subject actors."""
    by = low.find(" by ", h_start, c_end)
    nominal = _NOMINAL.search(low, c_start, h_start) is not None
    while by >= 0:
        if _AGENT.search(low, max(h_start, by - 20), by + 1) or nominal:
            chain = _chain_forward(low, found, by + 4)
            if chain:
                return chain
        by = low.find(" by ", by + 4, c_end)
    return _subject(low, found, c_start, subject_end)


# Countries by canonical name and by alias ("U.K.", "Turkey"): the places that can be a party.
_COUNTRIES = frozenset(
    name for key, entry in load_json("actors_countries.json").items() if not key.startswith("_")
    for name in (key, *entry.get("aliases", [])))


def _is_party(mention: Mention) -> bool:
    """A partner is an organisation or a country: a party that can commit to a measure.
    A city, a region or a continent ("in London", "on their way to Europe") is where
    something happens, not who takes part; nor is a person or a named thing."""
    kind, name = mention[3], mention[2]
    if name in _NOT_PARTIES:  # the press that reports it ('ROME (Reuters) -')
        return False
    return kind in ("org", "organisation") or (kind == "place" and name in _COUNTRIES)


def _names(mentions: list[Mention], skip: set[str] | None = None) -> list[str]:
    out: list[str] = []
    for mention in mentions:
        if mention[2] not in out and (skip is None or mention[2] not in skip):
            out.append(mention[2])
    return out


def _purpose_span(text: str, low: str, start: int, end: int) -> tuple[int, int] | None:
    """The first purpose phrase in ``text[start:end]`` ("to disrupt ...", "aimed at ...")."""
    for m in _PURPOSE.finditer(low, start, end):
        if not text[m.start("word")].islower():  # "to Europe"
            continue
        if m.group("cue") == "to":
            word = m.group("word")
            if word in _NOT_PURPOSE or _TO_NOT_PURPOSE_BEFORE.search(
                    low, max(start, m.start() - 16), m.start()):
                continue
            if word == "take" and low.startswith("place", m.end("word") + 1):
                continue
        return m.start(), _phrase_end(low, m.end(), end)
    return None


def _predicate_span(text: str, marker_end: int, end: int) -> tuple[int, int] | None:
    """What a subject instrument "will" do: the words after the modal, unless "be"/"have"."""
    p_start = _PREDICATE_SKIP.match(text, marker_end).end()
    if text.startswith(("be ", "have "), p_start) or p_start >= end:
        return None
    return p_start, _phrase_end(text, p_start, end)


def _phrase_end(text: str, start: int, end: int) -> int:
    stop = _PURPOSE_END.search(text, start, end)
    return stop.start() if stop else end


def _trimmed(text: str, start: int, end: int, chars: str = _QUOTES) -> tuple[int, int]:
    """``[start, end)`` without surrounding ``chars``; a closing quote mark stays when an
    opening one inside needs it ("... action to “disrupt the gangs.”")."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        if text[end - 1] in _CLOSING and any(q in text[start:end - 1] for q in _OPENING):
            break
        end -= 1
    return start, end


def _phrase(text: str, span: tuple[int, int] | None, limit: int = 200) -> str | None:
    """The text of ``span`` without surrounding quotes/punctuation, cut at ~``limit`` chars."""
    if span is None:
        return None
    start, end = _trimmed(text, *span, chars=_QUOTES + ".,;:!?")
    if end - start > limit:
        cut = text.rfind(" ", start, start + limit)
        end = cut if cut > start else start + limit
    return text[start:end] if end > start else None


# ---------------------------------------------------------------- one sentence
def _candidate(text: str, low: str, hit: tuple[int, int, int], clause: tuple[int, int],
               sentence_markers: list[tuple[int, int, str]], sentence: Sentence,
               found: list[Mention]) -> tuple[dict[str, Any], list[tuple[int, int]]] | None:
    """The measure of one instrument mention, and the spans it covers; None if uncommitted."""
    h_start, h_end, label = hit
    # a very long clause is cut to ~300 characters either side: bounded work per mention
    c_start, c_end = max(clause[0], h_start - _REACH), min(clause[1], h_end + _REACH)
    first = bisect_left(sentence_markers, (c_start,))
    markers = []
    for m in sentence_markers[first:]:
        if m[0] >= c_end:
            break
        if m[1] <= c_end:
            markers.append(m)
    live = [m for m in markers if m[2] != "negated"]
    if not live or _nearest(markers, h_start, h_end)[2] == "negated":
        return None
    needs = _LABELS[label][1]
    if needs and not any(m[2] in needs for m in live):
        return None
    if _NOT_AFTER[label] and _NOT_AFTER[label].search(low, max(c_start, h_start - 60), h_start):
        return None
    before = [m for m in live if m[1] <= h_start]
    is_subject = (
        not before and live[0][0] >= h_end
        and not _PREPOSITION_BEFORE.search(low, max(c_start, h_start - 30), h_start)
        and not any(h_end <= m[0] and m[1] <= live[0][0] for m in found)
    )
    purpose = _purpose_span(text, low, h_end, c_end)
    if purpose is None and is_subject and _MODAL.fullmatch(low, live[0][0], live[0][1]):
        purpose = _predicate_span(low, live[0][1] + 1, c_end)
    scopes = [purpose] if purpose else []
    if is_subject:
        scopes.append((live[0][0], c_end))
    lead = _lead(low, found, h_start, c_start, c_end, before[0][0] if before else h_start)
    if len(text[c_start:c_end].split()) < 5:
        c_start, c_end = sentence.start, sentence.end
    # ... unless the instrument is what the plan is to do ('part of plans to build centres')
    own = [m for m in live
           if not (m[0] >= h_end and _WIDER_PLAN.search(low, max(0, m[0] - 40), m[0]))]
    nearest = _nearest(own or live, h_start, h_end)
    return {
        "label": label, "start": h_start, "end": h_end, "status": nearest[2], "lead": lead,
        "purpose": _phrase(text, purpose), "span": _trimmed(text, c_start, c_end),
    }, scopes


def _sentence_rows(text: str, low: str, markers: list[tuple[int, int, str]], sentence: Sentence,
                   hits: list[tuple[int, int, int]], found: list[Mention]) -> list[dict[str, Any]]:
    """The measures of one sentence (absolute offsets)."""
    clauses = _clauses(low, sentence.start, sentence.end)
    candidates: list[dict[str, Any]] = []
    scopes: list[tuple[int, int, int]] = []  # spans a candidate covers: (start, end, index)
    per_label: dict[int, int] = {}
    for hit in hits:
        if per_label.get(hit[2], 0) >= 3:  # one row per label: a few candidates are enough
            continue
        clause = next((c for c in clauses if c[0] <= hit[0] < c[1]), clauses[-1])
        made = _candidate(text, low, hit, clause, markers, sentence, found)
        if made is None:
            continue
        scopes.extend((a, b, len(candidates)) for a, b in made[1])
        candidates.append(made[0])
        per_label[hit[2]] = per_label.get(hit[2], 0) + 1
    rows = []
    seen: set[int] = set()
    for i, cand in enumerate(candidates):
        if cand["label"] in seen:
            continue
        if any(a <= cand["start"] and cand["end"] <= b and j != i for a, b, j in scopes):
            continue
        lead = _names(cand["lead"])
        partners = _names([m for m in found if _is_party(m)], set(lead))
        met = {m[2] for m in found  # 'Sunak will meet (French President) Macron'
               if m[3] == "person" and cand["end"] <= m[0] <= cand["end"] + 60
               and _MET.fullmatch(text, cand["end"], m[0])}
        if _PARTIES[cand["label"]] and len(set(lead) | set(partners) | met) < _PARTIES[
                cand["label"]]:
            continue
        if (_PARTIES[cand["label"]] or _LABELS[cand["label"]][1]) and _DATED_BY.search(
                low, max(sentence.start, cand["start"] - 40), cand["start"]):
            continue  # "since the last deal was signed": a time, not what is committed
        seen.add(cand["label"])
        start, end = cand["span"]
        rows.append({
            "instrument": _LABELS[cand["label"]][0], "description": text[start:end],
            "lead": "; ".join(lead) or None, "partners": "; ".join(partners) or None,
            "purpose": cand["purpose"], "status": cand["status"],
            "paragraph": sentence.paragraph, "start": start, "end": end,
        })
    return rows


# ---------------------------------------------------------------- the table
def _instrument_hits(article: Article, low: str,
                     entries: Entries) -> dict[int, list[tuple[int, int, int]]]:
    """Sentence index -> (start, end, label) of instrument mentions, not overlapping.

    Of overlapping mentions the one starting first wins (then the earlier label).
    """
    sentences = article.sentences
    sentence_starts = [s.start for s in sentences]
    found = []
    for start, end, label in _find(entries, low, 0, len(low)):
        i = bisect_left(sentence_starts, start + 1) - 1
        if i >= 0 and end <= sentences[i].end:
            found.append((start, label, end, i))
    hits: dict[int, list[tuple[int, int, int]]] = {}
    last_end = -1
    for start, label, end, i in sorted(found):
        if start >= last_end and end > start:
            last_end = end
            hits.setdefault(i, []).append((start, end, label))
    return hits


def extract_measures(article: Article, actors: pd.DataFrame, mentions: pd.DataFrame,
                     mentioned: list[Mentioned] | None = None) -> pd.DataFrame:
    """One row per committed instrument (deal, centre, deployment, meeting...) in the article.

    ``mentioned`` is the mentions as ``actors.find_actors`` gives them, if at hand; without
    it they are read from the two tables."""
    text = article.text
    low = article.folded
    keys = _word_keys(low)
    hits_by_sentence = _instrument_hits(article, low, _entries(_INSTRUMENTS_KEYED, keys, low))
    rows: list[tuple[Any, ...]] = []
    if not hits_by_sentence:
        return frame("measures", rows)
    marker_entries = _entries(_MARKERS_KEYED, keys, low)
    if mentioned is None:
        mentioned = read_mentioned(actors, mentions, len(text))
    mention_list = [m[:4] for m in mentioned]
    starts = [m[0] for m in mention_list]
    hit_sentences = sorted(hits_by_sentence)
    spans = [(article.sentences[i].start, article.sentences[i].end) for i in hit_sentences]
    earlier: dict[str, Any] | None = None  # the last measure with a lead
    for i, markers in zip(hit_sentences, _markers(low, marker_entries, spans), strict=True):
        sentence, hits = article.sentences[i], hits_by_sentence[i]
        found = _inside(mention_list, starts, sentence.start, sentence.end)
        for row in _sentence_rows(text, low, markers, sentence, hits, found):
            if row["lead"] is None and earlier is not None and (
                    row["paragraph"] - earlier["paragraph"] <= 1):
                _lead_of_earlier(row, earlier)
            if row["lead"] is not None:
                earlier = row
            rows.append((len(rows) + 1, row["instrument"], row["description"], row["lead"],
                         row["partners"], row["purpose"], row["status"], row["paragraph"],
                         row["start"], row["end"]))
    return frame("measures", rows)


# A clause whose subject names what an earlier measure gives ("The money will pay for ...") or
# the parties to it ("The two leaders also agreed to ...").
_THE_MEASURE = re.compile(r"\W*(?:the|this|that)\s+(?:new\s+)?(?:money|funding|cash|funds?|"
                          r"package|deal|agreement|scheme|plan|programme|program|arrangement|"
                          r"partnership|pact)\b", re.I)
_THE_PARTIES = re.compile(r"\W*(?:the\s+two|both)\s+(?:leaders|countries|governments|sides|"
                          r"nations|ministers|men|women)\b", re.I)


def _lead_of_earlier(row: dict[str, Any], earlier: dict[str, Any]) -> None:
    """A measure whose clause names no lead but an earlier measure by anaphor takes that
    measure's lead: its lead alone after "The money", its lead and partners after "The two
    leaders" (in place)."""
    if _THE_MEASURE.match(row["description"]):
        row["lead"] = earlier["lead"]
        row["partners"] = row["partners"] or earlier["partners"]
    elif _THE_PARTIES.match(row["description"]):
        parties = [earlier["lead"], *(earlier["partners"] or "").split("; ")]
        row["lead"] = "; ".join(p for p in parties if p)
        own = [p for p in (row["partners"] or "").split("; ") if p and p not in parties]
        row["partners"] = "; ".join(own) or None
