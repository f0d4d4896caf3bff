"""The deal: who is who, who is mentioned with whom, who committed to whom, and what is new.

Pure functions over an Article and its actors, mentions and measures tables
(schema.COLUMNS); ``draw_network`` draws the actor network with matplotlib only, on a
deterministic circular layout. Lexicon: ``deal_novelty.json`` (cues for new vs extended).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from newstables.extract.article import Article
from newstables.lexicon import load_json
from newstables.schema import is_missing as _missing

NEW, EXTENDS, NOT_STATED = "new", "extends existing", "not stated"
NOVELTY_LABELS = (NEW, EXTENDS, NOT_STATED)


def _text(value: Any) -> str:
    return "" if _missing(value) else str(value).strip()


# --- who's who ------------------------------------------------------------------------------

WHOS_WHO_COLUMNS = ["actor", "name", "kind", "role", "country", "n_mentions", "first_paragraph"]


def whos_who(actors: pd.DataFrame) -> pd.DataFrame:
    """Actors, most mentioned first (then by first appearance), blanks for missing values."""
    df = actors.reindex(columns=WHOS_WHO_COLUMNS).copy()
    for col in ("kind", "role", "country"):
        df[col] = [_text(v) for v in df[col]]
    df["kind"] = [k or "other" for k in df["kind"]]
    return df.sort_values(["n_mentions", "first_paragraph", "actor"],
                          ascending=[False, True, True], kind="stable", ignore_index=True)


def _resolver(actors: pd.DataFrame) -> dict[str, str]:
    """Case-folded name or alias -> the actor's name."""
    names: dict[str, str] = {}
    for row in actors.to_dict("records"):
        name = _text(row.get("name"))
        if not name:
            continue
        names.setdefault(name.casefold(), name)
        for alias in _text(row.get("aliases")).split(";"):
            if alias.strip():
                names.setdefault(alias.strip().casefold(), name)
    return names


def _lookup(name: str, names: dict[str, str]) -> str | None:
    key = name.strip().casefold()
    return names.get(key) or names.get(re.sub(r"^the\s+", "", key))


def _resolve(name: str, names: dict[str, str]) -> str:
    return _lookup(name, names) or name.strip()


def party_names(value: Any, names: dict[str, str] | None = None) -> list[str]:
    """Names in a lead/partners cell: a list, or a string split on ';' (and on ',' / 'and'
    when every piece is then a known actor), resolved to actor names."""
    names = names or {}
    if isinstance(value, list | tuple):
        pieces = [_text(v) for v in value]
    else:
        pieces = re.split(r"\s*;\s*", _text(value))
    out: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        if _lookup(piece, names) is None:
            parts = [p for p in re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", piece) if p]
            if len(parts) > 1 and all(_lookup(p, names) for p in parts):
                out.extend(_resolve(p, names) for p in parts)
                continue
        out.append(_resolve(piece, names))
    return list(dict.fromkeys(out))


# --- edges ----------------------------------------------------------------------------------

CO_MENTION_COLUMNS = ["source", "target", "sentences", "weight", "paragraphs"]
COMMITMENT_COLUMNS = ["source", "target", "measures", "instruments", "weight"]


def co_mentions(article: Article, mentions: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Pairs of actors named in the same sentence: weight = number of such sentences.
    Source is the actor first mentioned in the article; rows in order of first mention."""
    starts = [s.start for s in article.sentences]
    ids = {int(a): _text(n) for a, n in zip(actors["actor"], actors["name"], strict=True)
           if not _missing(a) and _text(n)}
    in_sentence: dict[int, set[int]] = {}
    for actor, start in zip(mentions["actor"], mentions["start"], strict=True):
        if _missing(actor) or _missing(start) or int(actor) not in ids:
            continue
        i = bisect_right(starts, int(start)) - 1
        if i >= 0 and int(start) < article.sentences[i].end:
            in_sentence.setdefault(i, set()).add(int(actor))
    pairs: dict[tuple[int, int], list[int]] = {}
    for i in sorted(in_sentence):
        present = sorted(in_sentence[i])
        for a in range(len(present)):
            for b in range(a + 1, len(present)):
                pairs.setdefault((present[a], present[b]), []).append(i)
    rows = [
        {"source": ids[a], "target": ids[b],
         "sentences": ", ".join(str(article.sentences[i].number) for i in sents),
         "weight": len(sents),
         "paragraphs": ", ".join(
             str(p) for p in dict.fromkeys(article.sentences[i].paragraph for i in sents))}
        for (a, b), sents in sorted(pairs.items())
    ]
    return pd.DataFrame(rows, columns=CO_MENTION_COLUMNS)


def commitments(measures: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Edges lead -> partner from the measures, names resolved to actors where possible;
    weight = number of measures, in order of first measure."""
    names = _resolver(actors)
    edges: dict[tuple[str, str], dict] = {}
    for row in measures.sort_values("measure", kind="stable").to_dict("records"):
        leads = party_names(row.get("lead"), names)
        for lead in leads:
            for partner in party_names(row.get("partners"), names):
                if partner == lead:
                    continue
                e = edges.setdefault((lead, partner), {"source": lead, "target": partner,
                                                       "measures": [], "instruments": []})
                e["measures"].append(str(row.get("measure")))
                instrument = _text(row.get("instrument"))
                if instrument and instrument not in e["instruments"]:
                    e["instruments"].append(instrument)
    rows = [
        {"source": e["source"], "target": e["target"], "measures": ", ".join(e["measures"]),
         "instruments": "; ".join(e["instruments"]), "weight": len(e["measures"])}
        for e in edges.values()
    ]
    return pd.DataFrame(rows, columns=COMMITMENT_COLUMNS)


# --- network --------------------------------------------------------------------------------

NODE_COLUMNS = ["name", "kind", "n_mentions"]



def network_nodes(
    actors: pd.DataFrame, edges: Sequence[pd.DataFrame] = (), max_nodes: int = 0
) -> pd.DataFrame:
    """Nodes of the network: every actor (the ``max_nodes`` most mentioned when > 0, plus
    any party to an edge), and edge ends that are not actors (kind 'other', 0 mentions)."""
    table = whos_who(actors)
    nodes = {r["name"]: {"name": r["name"], "kind": r["kind"], "n_mentions": int(r["n_mentions"])}
             for r in table.to_dict("records") if _text(r["name"])}
    keep = list(nodes)[: max_nodes] if max_nodes > 0 else list(nodes)
    for df in edges:
        for name in [*df["source"], *df["target"]]:
            name = _text(name)
            if name and name not in keep:
                keep.append(name)
                nodes.setdefault(name, {"name": name, "kind": "other", "n_mentions": 0})
    return pd.DataFrame([nodes[n] for n in keep], columns=NODE_COLUMNS)


def keep_edges(edges: pd.DataFrame, nodes: pd.DataFrame, min_weight: int = 1) -> pd.DataFrame:
    """Edges whose two ends are nodes and whose weight is at least ``min_weight``."""
    names = set(nodes["name"])
    mask = edges["source"].isin(names) & edges["target"].isin(names) & (
        edges["weight"] >= min_weight)
    return edges[mask].reset_index(drop=True)


# --- novelty --------------------------------------------------------------------------------

NOVELTY_COLUMNS = [
    "measure", "instrument", "novelty", "cue", "sentence", "paragraph", "cue_start", "cue_end",
    "context",
]


def _cue_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    alts = sorted({p.lower() for p in phrases}, key=lambda p: (-len(p), p))
    body = "|".join(r"[\s-]+".join(re.escape(w) for w in p.split()) for p in alts)
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])", re.IGNORECASE)


def _load_cues() -> list[tuple[str, re.Pattern[str]]]:
    lex = load_json("deal_novelty.json")
    return [(NEW, _cue_pattern(lex["new"])), (EXTENDS, _cue_pattern(lex["extends"]))]


_CUES = _load_cues()
_PROPER_NEXT = re.compile(r"[\s-]+[A-Z]")
_THAN_NEXT = re.compile(r"\s+than\b", re.IGNORECASE)


def _cues_in(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, label) of every novelty cue in text[start:end], in text order."""
    found = []
    for label, pattern in _CUES:
        for m in pattern.finditer(text, start, end):
            word = m.group().lower()
            if word == "new" and m.group()[0] == "N" and _PROPER_NEXT.match(text, m.end()):
                continue  # New York, New Zealand
            if word == "more" and _THAN_NEXT.match(text, m.end()):
                continue  # a quantity, not more of something
            found.append((m.start(), m.end(), label))
    return sorted(found)


def _anchor(text: str, start: int, end: int, instrument: str) -> tuple[int, int] | None:
    """Span of the instrument (or its last word) inside text[start:end]."""
    low = text[start:end].lower()
    for probe in (instrument.lower(), *instrument.lower().split()[-1:]):
        i = low.find(probe) if probe else -1
        if i >= 0:
            return start + i, start + i + len(probe)
    return None


def novelty(article: Article, measures: pd.DataFrame) -> pd.DataFrame:
    """Per measure: 'new', 'extends existing' or 'not stated', from cue words in the measure's
    own span, else in its sentence(s); the cue nearest the instrument wins. ``context`` is
    the sentence(s)."""
    rows = []
    for m in measures.sort_values("measure", kind="stable").to_dict("records"):
        start, end = int(m["start"]), int(m["end"])
        sents = [s for s in article.sentences if s.start < max(end, start + 1) and start < s.end]
        row = {"measure": m["measure"], "instrument": _text(m.get("instrument")),
               "novelty": NOT_STATED, "cue": "", "sentence": None,
               "paragraph": m.get("paragraph"), "cue_start": None, "cue_end": None,
               "context": ""}
        if sents:
            row["sentence"] = sents[0].number
            row["context"] = " ".join(s.text for s in sents)
            for lo, hi in ((start, end), (sents[0].start, sents[-1].end)):
                cues = _cues_in(article.text, lo, hi)
                if cues:
                    anchor = _anchor(article.text, lo, hi, row["instrument"]) or (lo, lo)
                    best = min(cues, key=lambda c, a=anchor: _distance(c, a))
                    row.update(novelty=best[2], cue=article.text[best[0] : best[1]],
                               cue_start=best[0], cue_end=best[1])
                    break
        rows.append(row)
    df = pd.DataFrame(rows, columns=NOVELTY_COLUMNS)
    for col in ("sentence", "cue_start", "cue_end"):
        df[col] = df[col].astype("Int64")
    return df


def _distance(cue: tuple[int, int, str], anchor: tuple[int, int]) -> tuple[int, int, int]:
    """Characters between a cue and the anchor; a cue before the anchor wins a tie."""
    if cue[1] <= anchor[0]:
        return anchor[0] - cue[1], 0, cue[0]
    if cue[0] >= anchor[1]:
        return cue[0] - anchor[1], 1, cue[0]
    return 0, 0, cue[0]
