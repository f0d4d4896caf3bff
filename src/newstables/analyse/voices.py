"""Voices: who is quoted and how much, whose voice it is, and the phrases that recur.

Pure functions over an Article and its quotes table (schema.COLUMNS["quotes"]). Lexicons:
``voices_types.json`` (who a speaker speaks for), ``voices_framing.json`` (framing terms),
``voices_stopwords.txt`` (words never at the edge of a recurring phrase).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from newstables.charts import MUTED, PALETTE
from newstables.extract.article import WORD, Article, count_words
from newstables.lexicon import load_json, load_lines
from newstables.schema import is_missing as _missing

UNATTRIBUTED = "unattributed"
OTHER = "other"

# A word: letters/digits with inner hyphens or apostrophes ("people-smuggling", "I’ve").
_WORD = WORD


_TYPES = load_json("voices_types.json")
_TYPE_ORDER: list[str] = _TYPES["order"]
_OVERRIDE = frozenset(_TYPES["override"])
_STOP = frozenset(w.lower() for w in load_lines("voices_stopwords.txt"))


def _phrase_index(types: dict[str, list[str]]) -> dict[tuple[str, ...], str]:
    """Phrase (as lower-case words) -> voice type; the earlier type in the order wins."""
    index: dict[tuple[str, ...], str] = {}
    for vtype in _TYPE_ORDER:
        for phrase in types.get(vtype, []):
            index.setdefault(tuple(_WORD.findall(phrase.lower())), vtype)
    return index


_TYPE_PHRASES = _phrase_index(_TYPES["types"])
_TYPE_MAX = max(len(k) for k in _TYPE_PHRASES)
VOICE_TYPES = (*_TYPE_ORDER, OTHER, UNATTRIBUTED)
# Government in the house blue, everyone else in contrasting hues, the unknown in greys.
_VOICE_COLORS = {
    "government": PALETTE[0], "opposition": PALETTE[4], "politician": PALETTE[3],
    "international": PALETTE[6], "NGO": PALETTE[2], "expert": PALETTE[1],
    "citizen": "#3f9fb5", OTHER: MUTED, UNATTRIBUTED: "#b8b8b8",
}
VOICE_COLORS = {v: _VOICE_COLORS.get(v, MUTED) for v in VOICE_TYPES}


def _text(value: Any) -> str:
    return "" if _missing(value) else str(value)


def paragraph_label(numbers: Iterable[int]) -> str:
    """'5-7' for a run of consecutive paragraphs, else '1, 5, 7'; '' for none."""
    nums = sorted({int(n) for n in numbers})
    if not nums:
        return ""
    if len(nums) > 1 and nums[-1] - nums[0] == len(nums) - 1:
        return f"{nums[0]}-{nums[-1]}"
    return ", ".join(str(n) for n in nums)


# --- quotes, joined -------------------------------------------------------------------------

FULL_QUOTE_COLUMNS = [
    "quote", "speaker", "role", "kind", "paragraphs", "segments", "words", "cue", "text",
    "start", "end",
]


def full_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per quote (its ``quote`` id): its segments joined, in text order."""
    groups: dict[object, list[dict]] = {}
    rows = quotes.sort_values(["start", "end"], kind="stable").to_dict("records")
    for row in rows:
        groups.setdefault(row.get("quote"), []).append(row)
    out = []
    for number, group in enumerate(groups.values(), start=1):
        first = group[0]
        text = " ".join(_text(r.get("text")).strip() for r in group).strip()
        out.append({
            "quote": number,
            "speaker": None if _missing(first.get("speaker")) else str(first["speaker"]),
            "role": next((str(r["role"]) for r in group if not _missing(r.get("role"))), None),
            "kind": _text(first.get("kind")),
            "paragraphs": paragraph_label(
                int(r["paragraph"]) for r in group if not _missing(r.get("paragraph"))
            ),
            "segments": len(group),
            "words": count_words(text),
            "cue": next((str(r["cue"]) for r in group if not _missing(r.get("cue"))), None),
            "text": text,
            "start": int(first["start"]),
            "end": int(group[-1]["end"]),
        })
    return pd.DataFrame(out, columns=FULL_QUOTE_COLUMNS)


# --- voice types ----------------------------------------------------------------------------


def _classify(text: str) -> str | None:
    """The voice type of the longest lexicon phrase in ``text`` (override types first)."""
    words = _WORD.findall(text.lower())
    best: tuple[int, int, str] | None = None  # (-length, order, type)
    for i in range(len(words)):
        for n in range(min(_TYPE_MAX, len(words) - i), 0, -1):
            vtype = _TYPE_PHRASES.get(tuple(words[i : i + n]))
            if vtype is None:
                continue
            if vtype in _OVERRIDE:
                return vtype
            cand = (-n, _TYPE_ORDER.index(vtype), vtype)
            best = cand if best is None or cand < best else best
    return best[2] if best else None


def voice_type(role: Any, name: Any, kind: Any = None, context: str = "") -> str:
    """Whom a speaker speaks for (government, opposition, politician, NGO, expert, citizen...)
    from their role and name, else from ``context`` (the words introducing them); 'unattributed'
    when there is no speaker, 'other' when nothing fits."""
    if _missing(name):
        return UNATTRIBUTED
    found = _classify(f"{_text(role)} {_text(name)}") or _classify(context or "")
    if found:
        return found
    # A country or city quoted as a speaker ("Britain said") speaks for its government.
    return "government" if _text(kind) == "place" else OTHER


_APPOSITIVE = re.compile(r"\s*,([^,.;:!?“”\"‘’]{1,120})[,.;:]")
_BEFORE_WORDS = 5


def introduction(article: Article, start: int, end: int) -> str:
    """The words that introduce a name at ``start:end``: up to five words before it in its
    sentence ("refugee charity boss X") and an appositive after it ("X, director of Y,")."""
    sentence = next((s for s in article.sentences if s.start <= start < s.end), None)
    if sentence is None:
        return ""
    before = _WORD.findall(article.text[sentence.start : start])[-_BEFORE_WORDS:]
    m = _APPOSITIVE.match(article.text, end, sentence.end)
    return " ".join(before) + (" " + m.group(1).strip() if m else "")


def speakers(
    quotes: pd.DataFrame,
    actors: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
    article: Article | None = None,
) -> pd.DataFrame:
    """Per speaker: role, actor kind, voice type, quotes, segments, words and share of quoted
    words; unattributed quotes pooled as 'unattributed'. Most words first. With mentions and
    the article, a speaker without a telling role is classed by how the text introduces them."""
    columns = ["speaker", "role", "actor_kind", "voice", "quotes", "segments", "words", "share"]
    full = full_quotes(quotes)
    if full.empty:
        return pd.DataFrame(columns=columns)
    kinds = _actor_kinds(actors)
    intros = _introductions(article, actors, mentions)
    stats: dict[str, dict] = {}
    for row in full.to_dict("records"):
        named = not _missing(row["speaker"])
        key = str(row["speaker"]) if named else UNATTRIBUTED
        s = stats.setdefault(key, {"speaker": key, "role": None, "quotes": 0, "segments": 0,
                                   "words": 0, "named": named})
        s["role"] = s["role"] or (None if _missing(row["role"]) else row["role"])
        s["quotes"] += 1
        s["segments"] += row["segments"]
        s["words"] += row["words"]
    total = sum(s["words"] for s in stats.values()) or 1
    out = []
    for s in stats.values():
        key = str(s["speaker"]).casefold()
        kind = kinds.get(key) if s["named"] else None
        out.append({
            "speaker": s["speaker"], "role": s["role"], "actor_kind": kind,
            "voice": voice_type(s["role"], s["speaker"] if s["named"] else None, kind,
                                intros.get(key, "")),
            "quotes": s["quotes"], "segments": s["segments"], "words": s["words"],
            "share": s["words"] / total,
        })
    df = pd.DataFrame(out, columns=columns)
    return df.sort_values(["words", "speaker"], ascending=[False, True], kind="stable",
                          ignore_index=True)


def _introductions(
    article: Article | None, actors: pd.DataFrame | None, mentions: pd.DataFrame | None
) -> dict[str, str]:
    """Actor name (case-folded) -> the words introducing its first mention."""
    if article is None or actors is None or mentions is None or mentions.empty:
        return {}
    names = {int(a): _text(n) for a, n in zip(actors["actor"], actors["name"], strict=True)
             if not _missing(a) and _text(n)}
    intros: dict[str, str] = {}
    for row in mentions.sort_values("start", kind="stable").to_dict("records"):
        if _missing(row.get("actor")) or int(row["actor"]) not in names:
            continue
        key = names[int(row["actor"])].casefold()
        if key not in intros:
            intros[key] = introduction(article, int(row["start"]), int(row["end"]))
    return intros


def _actor_kinds(actors: pd.DataFrame | None) -> dict[str, str]:
    """Name or alias (case-folded) -> actor kind."""
    kinds: dict[str, str] = {}
    if actors is None or actors.empty:
        return kinds
    for row in actors.to_dict("records"):
        kind = _text(row.get("kind"))
        for name in [_text(row.get("name")), *_text(row.get("aliases")).split(";")]:
            if name.strip():
                kinds.setdefault(name.strip().casefold(), kind)
    return kinds


def voices_by_type(speaker_table: pd.DataFrame) -> pd.DataFrame:
    """Speakers, quotes and words per voice type (types in lexicon order, empty ones dropped)."""
    columns = ["voice", "speakers", "quotes", "words", "share"]
    if speaker_table.empty:
        return pd.DataFrame(columns=columns)
    g = speaker_table.groupby("voice", sort=False).agg(
        speakers=("speaker", "size"), quotes=("quotes", "sum"), words=("words", "sum")
    )
    g = g.reindex([v for v in VOICE_TYPES if v in g.index]).reset_index()
    g["share"] = g["words"] / max(int(g["words"].sum()), 1)
    return g[columns]


# --- quoted versus narration ----------------------------------------------------------------


def _quote_spans(quotes: pd.DataFrame) -> list[tuple[int, int]]:
    """Merged, sorted (start, end) spans of the quoted text."""
    spans = sorted(
        (int(s), int(e)) for s, e in zip(quotes["start"], quotes["end"], strict=True)
        if not _missing(s) and not _missing(e) and int(e) > int(s)
    )
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


class _Inside:
    """Membership of offsets in sorted, disjoint spans."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]
        self.spans = spans

    def __call__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.spans[i][1]


def words_by_paragraph(article: Article, quotes: pd.DataFrame) -> pd.DataFrame:
    """Per paragraph: words inside quoted spans and words of narration."""
    inside = _Inside(_quote_spans(quotes))
    rows = []
    for p in article.paragraphs:
        quoted = total = 0
        for m in _WORD.finditer(article.text, p.start, p.end):
            total += 1
            quoted += inside(m.start())
        rows.append({"paragraph": p.number, "quoted": quoted, "narration": total - quoted})
    return pd.DataFrame(rows, columns=["paragraph", "quoted", "narration"])


def quote_share(article: Article, quotes: pd.DataFrame) -> pd.DataFrame:
    """The article's words in quotes versus narration: rows 'quotes' and 'narration'."""
    per = words_by_paragraph(article, quotes)
    quoted, narration = int(per["quoted"].sum()), int(per["narration"].sum())
    total = max(quoted + narration, 1)
    return pd.DataFrame({
        "part": ["quotes", "narration"],
        "words": [quoted, narration],
        "share": [quoted / total, narration / total],
    })


# --- recurring phrases ----------------------------------------------------------------------

PHRASE_COLUMNS = [
    "phrase", "n_words", "count", "in_quotes", "in_narration", "where", "paragraphs",
    "surface", "paragraph", "start", "end",
]


def _runs(article: Article, inside: _Inside) -> list[list[tuple[int, int, str, bool]]]:
    """Runs of words (start, end, lower-case word, in quote) not broken by punctuation,
    line breaks or a change between quote and narration."""
    runs: list[list[tuple[int, int, str, bool]]] = []
    text = article.text
    for p in article.paragraphs:
        run: list[tuple[int, int, str, bool]] = []
        for m in _WORD.finditer(text, p.start, p.end):
            q = inside(m.start())
            if run and (text[run[-1][1] : m.start()].strip() or run[-1][3] != q):
                runs.append(run)
                run = []
            run.append((m.start(), m.end(), m.group().lower().replace("’", "'"), q))
        if run:
            runs.append(run)
    return runs


def recurring_phrases(article: Article, quotes: pd.DataFrame, min_count: int = 2) -> pd.DataFrame:
    """Word n-grams (2-5 words, lower-cased, no stop word or number at either edge) that occur
    at least ``min_count`` times, in quotes or narration. A phrase inside a longer one that
    recurs as often is dropped, and overlapping phrases that always recur together are joined
    ("disrupt and dismantle people smuggling" + "... smuggling gangs"). Most frequent first."""
    inside = _Inside(_quote_spans(quotes))
    seen: dict[str, list[tuple[int, int, bool]]] = {}
    for run in _runs(article, inside):
        words = [w for _, _, w, _ in run]
        edge = [w in _STOP or w[0].isdigit() for w in words]
        for n in range(2, 6):
            for i in range(len(run) - n + 1):
                if not (edge[i] or edge[i + n - 1]):
                    key = " ".join(words[i : i + n])
                    seen.setdefault(key, []).append((run[i][0], run[i + n - 1][1], run[i][3]))
    keep = {k: occ for k, occ in seen.items() if len(occ) >= max(int(min_count), 1)}
    keep = _join_overlapping(article, _drop_subsumed(keep))
    rows = []
    for phrase, occ in keep.items():
        in_quotes = sum(q for _, _, q in occ)
        in_narr = len(occ) - in_quotes
        start, end = occ[0][0], occ[0][1]
        rows.append({
            "phrase": phrase, "n_words": len(phrase.split()), "count": len(occ),
            "in_quotes": in_quotes, "in_narration": in_narr,
            "where": "both" if in_quotes and in_narr else "quotes" if in_quotes else "narration",
            "paragraphs": paragraph_label(article.paragraph_of(s) for s, _, _ in occ),
            "surface": article.text[start:end], "paragraph": article.paragraph_of(start),
            "start": start, "end": end,
        })
    df = pd.DataFrame(rows, columns=PHRASE_COLUMNS)
    return df.sort_values(["count", "n_words", "start"], ascending=[False, False, True],
                          kind="stable", ignore_index=True)


Occurrences = list[tuple[int, int, bool]]


def _drop_subsumed(phrases: dict[str, Occurrences]) -> dict[str, Occurrences]:
    """Drop a phrase when a longer kept phrase contains it and occurs as often."""
    kept: dict[str, Occurrences] = {}
    for phrase, occ in sorted(phrases.items(), key=lambda kv: (-len(kv[0].split()), kv[0])):
        inner = f" {phrase} "
        if not any(len(o) >= len(occ) and inner in f" {k} " for k, o in kept.items()):
            kept[phrase] = occ
    return kept


def _join_overlapping(article: Article, phrases: dict[str, Occurrences]) -> dict[str, Occurrences]:
    """Join two phrases whose every occurrence overlaps, the second running further right."""
    items = sorted(phrases.items(), key=lambda kv: (kv[1][0][0], kv[0]))
    joined = True
    while joined:
        joined = False
        for i, (_, occ_a) in enumerate(items):
            for j, (_, occ_b) in enumerate(items):
                if i == j or len(occ_a) != len(occ_b):
                    continue
                pairs = list(zip(occ_a, occ_b, strict=True))
                if all(sa < sb < ea < eb for (sa, ea, _), (sb, eb, _) in pairs):
                    spans = [(sa, eb, qa) for (sa, _, qa), (_, eb, _) in pairs]
                    texts = {_phrase_text(article.text[s:e]) for s, e, _ in spans}
                    if len(texts) == 1:
                        items = [it for k, it in enumerate(items) if k not in (i, j)]
                        items.append((texts.pop(), spans))
                        items.sort(key=lambda kv: (kv[1][0][0], kv[0]))
                        joined = True
                        break
            if joined:
                break
    return dict(items)


def _phrase_text(surface: str) -> str:
    return " ".join(w.lower().replace("’", "'") for w in _WORD.findall(surface))


# --- framing --------------------------------------------------------------------------------

FRAMING_COLUMNS = ["match", "term", "frame", "surface", "in_quote", "paragraph", "start", "end"]
_WILDCARD = r"(?:[^\W_]+(?:[-'’][^\W_]+)*[\s-]+){0,3}"


def _forms(word: str) -> list[str]:
    """Inflected forms of ``word`` (and of its singular when it ends in -s), longest first."""
    if len(word) <= 3 and word in _STOP or not word.isalpha():
        return [word]
    bases = {word}
    if word.endswith("ies") and len(word) > 4:
        bases.add(word[:-3] + "y")
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        bases.add(word[:-1])
    forms: set[str] = set()
    for b in bases:
        forms.update({b, b + "s", b + "es", b + "ed", b + "d", b + "ing"})
        if b.endswith("e"):
            forms.update({b[:-1] + "ing", b[:-1] + "ed"})
        if b.endswith("y"):
            forms.update({b[:-1] + "ies", b[:-1] + "ied"})
        if b[-1] not in "aeiouwxy":
            forms.update({b + b[-1] + "ing", b + b[-1] + "ed"})
    return sorted(forms, key=lambda f: (-len(f), f))


def _term_pattern(term: str) -> re.Pattern[str]:
    parts: list[str] = []
    tokens = term.lower().split()
    for i, tok in enumerate(tokens):
        if tok == "*":
            parts.append(_WILDCARD)
            continue
        forms = [tok[1:]] if tok.startswith("=") else _forms(tok)  # '=illegals': that form only
        parts.append("(?:" + "|".join(re.escape(f) for f in forms) + ")")
        if i < len(tokens) - 1:
            parts.append(r"[\s-]+")
    return re.compile(r"(?<![\w'’])" + "".join(parts) + r"(?![\w'’])", re.IGNORECASE)


def _load_framing() -> list[tuple[str, str, re.Pattern[str]]]:
    terms = []
    for frame, words in load_json("voices_framing.json")["frames"].items():
        for term in words:
            terms.append((term.replace("*", "…").replace("=", ""), frame, _term_pattern(term)))
    return terms


_FRAMING = _load_framing()
FRAMES = tuple(dict.fromkeys(frame for _, frame, _ in _FRAMING))


def framing(article: Article, quotes: pd.DataFrame) -> pd.DataFrame:
    """Every match of a framing term (lemma-tolerant), overlaps resolved to the longer
    match, with whether it stands inside a quote; in text order."""
    inside = _Inside(_quote_spans(quotes))
    found: list[tuple[int, int, str, str]] = []
    for term, frame, pattern in _FRAMING:
        for m in pattern.finditer(article.text):
            found.append((m.start(), m.end(), term, frame))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0], f[2]))
    taken: list[tuple[int, int, str, str]] = []
    for f in found:
        if not any(f[0] < t[1] and t[0] < f[1] for t in taken):
            taken.append(f)
    taken.sort()
    rows = [
        {"match": i, "term": term, "frame": frame, "surface": article.text[s:e],
         "in_quote": inside(s), "paragraph": article.paragraph_of(s), "start": s, "end": e}
        for i, (s, e, term, frame) in enumerate(taken, start=1)
    ]
    return pd.DataFrame(rows, columns=FRAMING_COLUMNS)


def framing_summary(matches: pd.DataFrame) -> pd.DataFrame:
    """Per framing term: frame, count, in quotes, in narration, paragraphs; most used first."""
    columns = ["term", "frame", "count", "in_quotes", "in_narration", "paragraphs"]
    stats: dict[str, dict] = defaultdict(lambda: {"count": 0, "in_quotes": 0, "paras": []})
    for row in matches.to_dict("records"):
        s = stats[row["term"]]
        s["frame"] = row["frame"]
        s["count"] += 1
        s["in_quotes"] += bool(row["in_quote"])
        s["paras"].append(int(row["paragraph"]))
    rows = [
        {"term": t, "frame": s["frame"], "count": s["count"], "in_quotes": s["in_quotes"],
         "in_narration": s["count"] - s["in_quotes"], "paragraphs": paragraph_label(s["paras"])}
        for t, s in stats.items()
    ]
    df = pd.DataFrame(rows, columns=columns)
    return df.sort_values(["count", "term"], ascending=[False, True], kind="stable",
                          ignore_index=True)


def frame_counts(matches: pd.DataFrame) -> pd.DataFrame:
    """Matches per frame, in quotes and in narration (frames in lexicon order, all shown)."""
    counts = Counter((row["frame"], bool(row["in_quote"])) for row in matches.to_dict("records"))
    rows = [{"frame": f, "in_quotes": counts[(f, True)], "in_narration": counts[(f, False)]}
            for f in FRAMES]
    df = pd.DataFrame(rows, columns=["frame", "in_quotes", "in_narration"])
    df["count"] = df["in_quotes"] + df["in_narration"]
    return df
