"""Which reference series counts what an article's figure counts.

The catalogue (``lexicons/reference_series.json``) gives every series the words a news
sentence uses for it, where it applies and what one unit of it is; ``candidates`` scores
the series against the words around a figure, and ``comparable`` says when a series that
fits the words still counts something else (detections of crossings are not people).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from newstables import reference
from newstables.lexicon import load_json

MAX_NGRAM = 6

def norm(text: str) -> str:
    """Lower case, no accents, straight apostrophes: the form keywords are matched in."""
    text = str(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.replace("’", "'").replace("‘", "'")
    return text.casefold()


_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(norm(text))


@lru_cache(maxsize=4096)
def ngrams(text: str) -> frozenset[str]:
    """Every run of 1..MAX_NGRAM words of ``text``, joined by single spaces."""
    words = _words(text)
    grams = set()
    for i in range(len(words)):
        for n in range(1, MAX_NGRAM + 1):
            if i + n > len(words):
                break
            grams.add(" ".join(words[i : i + n]))
    return frozenset(grams)


def _key(phrase: str) -> str:
    return " ".join(_words(phrase))


# ---------------------------------------------------------------------------------------
# The catalogue, prepared once


@dataclass(frozen=True)
class SeriesRule:
    key: str
    title: str
    kind: str
    unit: str  # what one unit of the series is: people, detections, boats, cases...
    geography: str
    keywords: tuple[tuple[str, int], ...]
    requires_any: tuple[str, ...]
    excludes_any: tuple[str, ...]
    near_keywords: tuple[str, ...]
    requires_near: tuple[str, ...]
    excludes_near: tuple[str, ...]
    since: str
    static: bool
    max_age_days: int
    max_gap_days: int
    priority: int
    order: int


@dataclass(frozen=True)
class Vocabulary:
    rules: tuple[SeriesRule, ...]
    geographies: dict[str, tuple[str, ...]]
    # places some words name when no place is named, and the articles' places that rule it out
    implied: dict[str, tuple[tuple[str, ...], frozenset[str]]]
    up_words: frozenset[str]
    down_words: frozenset[str]
    count_units: frozenset[str]
    percent_units: frozenset[str]
    count_nouns: tuple[tuple[str, str], ...]  # (noun, the unit it counts)
    event_units: frozenset[str]  # units that count events, not people
    # the bodies whose own counts those units are: a figure they are named as giving counts them
    event_unit_sources: dict[str, tuple[str, ...]]
    same_units: tuple[tuple[frozenset[str], str], ...]  # units that count one thing, when
    # a figure's words name the word with them (asylum applications and cases)
    nationals: re.Pattern[str]  # "Turkish nationals": who is counted, not where
    uncounted: frozenset[str]  # what no series counts: "28 people have died attempting ..."


def _keys(values: list[str]) -> tuple[str, ...]:
    return tuple(k for k in dict.fromkeys(_key(v) for v in values) if k)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Keyword rules of every catalogued series, read once from the catalogue."""
    cat = reference.catalogue()
    rules = []
    for order, key in enumerate(reference.series_keys()):
        s = reference.spec(key)
        rules.append(SeriesRule(
            key=key, title=s.get("title", key), kind=s["kind"], unit=s["unit"],
            geography=s.get("geography", ""),
            keywords=tuple((k, len(k.split())) for k in _keys(s.get("counts_keywords", []))),
            requires_any=_keys(s.get("requires_any", [])),
            excludes_any=_keys(s.get("excludes_any", [])),
            near_keywords=_keys(s.get("near_keywords", [])),
            requires_near=_keys(s.get("requires_near", [])),
            excludes_near=_keys(s.get("excludes_near", [])),
            since=str(s.get("since", "")), static=bool(s.get("static", False)),
            max_age_days=int(s["max_age_days"]),
            max_gap_days=int(s["max_gap_days"]), priority=int(s["priority"]), order=order,
        ))
    return Vocabulary(
        rules=tuple(rules),
        geographies={g: _keys(words) for g, words in cat["geographies"].items()},
        implied={g: (_keys(spec["words"]), frozenset(spec.get("unless", [])))
                 for g, spec in cat["implied_geographies"].items() if not g.startswith("_")},
        up_words=frozenset(_keys(cat["change_words"]["up"])),
        down_words=frozenset(_keys(cat["change_words"]["down"])),
        count_units=frozenset(norm(u) for u in cat["count_units"]),
        count_nouns=tuple((_key(n), unit) for unit, nouns in cat["count_nouns"].items()
                          for n in nouns),
        percent_units=frozenset(norm(u) for u in cat["percent_units"]),
        event_units=frozenset(cat["event_units"]),
        event_unit_sources={u: _keys(w) for u, w in cat.get("event_unit_sources", {}).items()},
        same_units=tuple((frozenset(same["units"]), same["when"]) for same in cat["same_units"]),
        uncounted=frozenset(_keys(cat["no_series_counts"])),
        nationals=re.compile(r"\b[\w.]+\s+(?:" + "|".join(
            re.escape(n).replace(r"\ ", r"\s+") for n in cat["nationality_nouns"]) + r")\b",
            re.I),
    )


@lru_cache(maxsize=256)
def geographies(text: str) -> frozenset[str]:
    """The catalogue's geographies named in ``text`` (United Kingdom, Türkiye, EU...); a
    nationality of the people counted ("Turkish nationals", "Turks") names no place.
    Cached: each figure of a paragraph asks about the same paragraph and lead."""
    vocab = vocabulary()
    words = _words(vocab.nationals.sub(" , ", text))
    places = _place_words()
    firsts = _first_place_words()
    found, i = set(), 0
    while i < len(words):
        if words[i] not in firsts:
            i += 1
            continue
        # the longest place phrase from here, its words read once: "Australian Border Force"
        # is Australia's ("australian border"), not the UK's Border Force
        for n in range(min(MAX_NGRAM, len(words) - i), 0, -1):
            geos = places.get(" ".join(words[i : i + n]))
            if geos:
                found |= geos
                i += n
                break
        else:
            i += 1
    return frozenset(found)


def implied_geographies(text: str, article_geos: frozenset[str]) -> frozenset[str]:
    """The places ``text`` implies without naming one ("29,437 arrivals in small boats": the
    UK's, the Channel's), unless the article is about a place that rules that out and not
    about that one (``article_geos``: its own places)."""
    joined = f" {' '.join(_words(text))} "
    return frozenset(geo for geo, (words, unless) in vocabulary().implied.items()
                     if any(f" {w} " in joined for w in words)
                     and (geo in article_geos or not unless & article_geos))


@cache
def _first_place_words() -> frozenset[str]:
    """The first words of the catalogue's place phrases."""
    return frozenset(w.split()[0] for w in _place_words())


@cache
def _place_words() -> dict[str, frozenset[str]]:
    """Each place phrase of the catalogue and the geographies it names."""
    out: dict[str, set[str]] = {}
    for geo, words in vocabulary().geographies.items():
        for w in words:
            out.setdefault(w, set()).add(geo)
    return {w: frozenset(g) for w, g in out.items()}


@dataclass(frozen=True)
class Texts:
    strong: frozenset[str]
    sentence: frozenset[str]
    near: frozenset[str]
    geographies: frozenset[str]
    own: frozenset[str] = frozenset()  # the counted phrase and the words right after the figure


def unit_kind(unit: Any) -> str:
    vocab = vocabulary()
    text = norm(unit).strip() if isinstance(unit, str) else ""
    if text in vocab.count_units:
        return "count"
    if text in vocab.percent_units:
        return "percent"
    return text


def series_unit_kind(rule: SeriesRule) -> str:
    if rule.unit == "percent":
        return "percent"
    if rule.unit in ("GBP", "USD", "EUR", "TRY"):
        return norm(rule.unit)
    return "count"


def score(rule: SeriesRule, texts: Texts, percent_change: bool = False) -> int:
    """How well a series fits the figure's words; 0 means it does not fit."""
    if texts.geographies and rule.geography and rule.geography not in texts.geographies:
        return 0
    if not texts.own.isdisjoint(vocabulary().uncounted):
        return 0  # deaths ("28 people have died"): no series counts them
    words = dict(rule.keywords)
    strong = texts.strong.intersection(words)
    if not strong and not percent_change:
        return 0
    weak = texts.sentence.intersection(words) - strong
    if not strong and not weak:
        return 0
    required_in = texts.sentence if percent_change else texts.strong
    if rule.requires_any and required_in.isdisjoint(rule.requires_any):
        return 0
    if not texts.strong.isdisjoint(rule.excludes_any):
        return 0
    if rule.requires_near and texts.near.isdisjoint(rule.requires_near):
        return 0
    if not texts.near.isdisjoint(rule.excludes_near):
        return 0
    total = 2 * sum(words[k] for k in strong) + sum(words[k] for k in weak)
    # the series' own name for its thing in what the figure counts ("the 43,630 irregular
    # arrivals", in a sentence on small boats)
    total += 2 * sum(n for k, n in rule.keywords if n > 1 and k in texts.own)
    total += 3 * len(texts.near.intersection(rule.near_keywords))
    total += 1 if rule.geography in texts.geographies else 0
    return total


# counted nouns that say nothing of what is counted
_ANY_THING = frozenset({"people", "persons", "person", "migrants", "individuals", "men", "women"})


def candidates(texts: Texts, unit_kind: str, percent_change: bool = False) -> list[
        tuple[int, SeriesRule]]:
    """Series that fit, best first: (score, rule)."""
    found = []
    for rule in vocabulary().rules:
        wanted = "count" if percent_change else unit_kind
        if series_unit_kind(rule) != wanted:
            continue
        s = score(rule, texts, percent_change)
        if s > 0:
            found.append((s, rule))
    if percent_change and any(counted_unit(g) for g in texts.strong
                              if " " not in g and g not in _ANY_THING):
        # a change whose own words name what changed ("arrivals fell by 36% ..., while the
        # number waiting for a decision fell"): not a series only the rest of its sentence fits
        own = [(s, r) for s, r in found if not texts.strong.isdisjoint(dict(r.keywords))]
        found = own or found
    found.sort(key=lambda item: (-item[0], item[1].priority, item[1].order))
    return found


# Where a counted phrase's head noun ends: "Detections on the Aegean route" counts detections.
_AFTER_HEAD = frozenset(["on", "in", "at", "from", "to", "of", "into", "for", "across", "by",
                         "with", "via"])


# Past tenses that end a counted phrase as '-ed' does ("asylum applications made")
_PAST = frozenset(w for w in load_json("events_tense.json")["past_words"]
                  if w not in ("ago", "last", "yesterday"))


def _head_words(counts: str) -> list[str]:
    """A counted phrase's words up to its head noun: before a preposition, without a verb
    after the noun ("migrants deported")."""
    words = _words(counts) if counts else []
    words = words[: next((i for i, w in enumerate(words) if i and w in _AFTER_HEAD),
                         len(words))]
    while len(words) > 1 and (words[-1].endswith(("ed", "ing")) or words[-1] in _PAST):
        words.pop()  # "asylum applications made", "migrants caught"
    return words


def _count_nouns_ending(words: list[str]) -> list[tuple[int, str, str]]:
    return [(len(noun), noun, unit) for noun, unit in vocabulary().count_nouns
            if words[-len(noun.split()):] == noun.split()]


def head_noun(counts: str) -> str:
    """The noun a counted phrase counts, without its modifiers, verb or prepositional
    phrase: the longest count noun that ends it ("asylum seekers housed": asylum seekers;
    "Small boat arrivals": arrivals, not boats), else its last word."""
    words = _head_words(counts)
    found = _count_nouns_ending(words)
    return max(found)[1] if found else (words[-1] if words else "")


def counted_unit(counts: str) -> str:
    """What one unit of the figure is (people, boats, detections...), from the head of the
    noun phrase the figures table says it counts (``head_noun``): "Small boat arrivals"
    counts people, "Detections on the Aegean route" detections, and "small boat crossings"
    names no unit (the boat is only what they cross in); "" when the words do not say."""
    words = _head_words(counts)
    found = _count_nouns_ending(words)
    if not found and words and words[-1] == "crossings" and "border" in counts.lower():
        return "detections"  # "Crossings at the EU's eastern land borders": border crossings
    return max(found)[2] if found else ""


_DETECTED = re.compile(r"\bdetect(?:ed|ions?)\b", re.I)
# applications or cases counted with the dependants they cover, right after their noun: people
_CASE_NOUNS = frozenset({"applications", "application", "claims", "claim", "cases", "case"})
_WITH_DEPENDANTS = re.compile(r"(?:including|covering|with|plus)\s+(?:(?:their|all|main\s+"
                              r"applicants\s+and)\s+)?dependants\b", re.I)


def comparable(rule: SeriesRule, counts: str, sentence: str = "") -> str:
    """Why the series cannot be set against a figure counting ``counts`` ("" when it can):
    a series counts people, detections, boats or cases, and so must the figure. A figure that
    names no unit counts events when its ``sentence`` names them ("Detections on the route
    rose … to around 60,000") or the body they are the count of ("about 40,000 in 2023,
    Frontex said": detections)."""
    unit = counted_unit(counts)
    nouns = [w for w in counts.lower().split() if w in _CASE_NOUNS]
    if unit in ("applications", "cases") and nouns and re.search(
            rf"\b(?:{'|'.join(nouns)}),?\s+{_WITH_DEPENDANTS.pattern}", sentence, re.I):
        unit = "people"  # "108,138 asylum applications, covering main applicants and dependants"
    series_unit = rule.unit if rule.unit not in ("percent",) else ""
    if not series_unit or series_unit in ("GBP", "USD", "EUR", "TRY"):
        return ""
    if unit == "people" and series_unit in vocabulary().event_units and _DETECTED.search(counts):
        return ""  # "2,783 Turkish nationals were detected": the detections of them
    if unit and unit != series_unit and not any(
            {unit, series_unit} <= units and when in counts.lower()
            for units, when in vocabulary().same_units):  # "asylum claims awaiting": cases
        return f"the series counts {series_unit}, the article counts {unit} ({counts.strip()})"
    if not unit and series_unit in vocabulary().event_units and ngrams(sentence).isdisjoint(
            (*vocabulary().event_unit_sources.get(series_unit, ()), series_unit)):
        return (f"the series counts {series_unit} (one person may be counted more than once);"
                " the article does not say it counts those")
    return ""


@lru_cache(maxsize=64)
def event_sources_named(text: str) -> str:
    """The agencies whose counts are of events (Frontex's detections) that ``text`` names."""
    words = ngrams(text)
    return " , ".join(sorted({w for ws in vocabulary().event_unit_sources.values() for w in ws
                              if w in words}))


def names_the_series(counts: str, rule: SeriesRule) -> bool:
    """Do the words a figure counts end with one of the series' own names for its thing, of
    two words or more ("irregular crossings", "small boat arrivals"), not a group of it
    ("children", "Albanians") nor a word any count has ("people")?"""
    words = " ".join(counts.lower().split())
    if any(n > 1 and (words == k or words.endswith(" " + k)) for k, n in rule.keywords):
        return True
    # "Detections on the Western Balkan route": the series' thing on the series' own route
    on = _ON_ROUTE.fullmatch(words)
    keys = dict(rule.keywords)
    return bool(on and on.group("what") in keys and keys.get(on.group("where"), 0) > 1)


_ON_ROUTE = re.compile(r"(?P<what>[\w ]+?) (?:on|along|via|through|across) (?:the )?"
                       r"(?P<where>[\w ]+?)(?: (?:route|routes|corridor))?")
