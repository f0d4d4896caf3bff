"""Quotes and speakers on real news: a PolNeAR-format split, scored by its own convention.

Run:  .venv/bin/python benchmarks/polnear.py [PATH] [--errors N]
PATH is a folder holding ``articles.jsonl`` (or the file itself); by default
``../shared/benchmarks/polnear-dev/`` beside the repository. The texts are read from there
and never copied into the repository.

Convention (the split's README): a prediction matches a gold quote of the same article when
their casefolded ``\\w+`` token multisets overlap by at least 80% of the larger; one-to-one,
greedy by overlap. Quotes marked ``optional`` are neither rewarded nor penalised. Speaker
accuracy is over matched required quotes whose gold speaker is a name: correct when the
last name token (parentheses, possessive 's, jr/sr/ii dropped, casefolded) is equal.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import newstables
from newstables.extract.tables import extract_tables

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "benchmarks" / "polnear-dev"
OVERLAP_MIN = 0.8
KINDS = ("name", "pronoun", "nominal")

_WORD = re.compile(r"\w+")
_PARENS = re.compile(r"\([^)]*\)")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii"})
_PRONOUNS = frozenset("he she they it we i you him her them".split())


def find_split(path: Path | None) -> Path | None:
    """The articles.jsonl of a split: ``path`` (a folder or the file), else the default."""
    path = DEFAULT if path is None else path
    if path.is_dir():
        path = path / "articles.jsonl"
    return path if path.is_file() else None


def bag(text: object) -> Counter[str]:
    return Counter(_WORD.findall(text.casefold())) if isinstance(text, str) else Counter()


def overlap(a: Counter[str], b: Counter[str]) -> float:
    """Shared tokens as a share of the larger bag (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return sum((a & b).values()) / max(sum(a.values()), sum(b.values()))


def named(speaker: object) -> str | None:
    """A predicted speaker, or None for none (the quotes table's missing value, NaN, is not
    a speaker: it is true in a test of truth, so it is turned into None first)."""
    return speaker if isinstance(speaker, str) and speaker.strip() else None


def last_name(speaker: object) -> str | None:
    """The speaker's last name token, normalised by the split's convention."""
    if not isinstance(speaker, str):
        return None
    text = _PARENS.sub(" ", speaker).replace("’", "'")
    words = [w for w in re.findall(r"[\w'.-]+", text)]
    words = [re.sub(r"'s$|'$", "", w).strip(".'-").casefold() for w in words]
    words = [w for w in words if w and w not in _SUFFIXES]
    return words[-1] if words else None


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    tp: int = 0
    kind_total: Counter[str] = field(default_factory=Counter)
    kind_right: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def f1(self) -> float:
        return 2 * self.tp / (self.gold + self.pred) if self.gold + self.pred else 0.0


def _greedy(golds: list[Counter[str]], preds: list[Counter[str]]) -> list[tuple[int, int]]:
    pairs = []
    for i, g in enumerate(golds):
        for j, p in enumerate(preds):
            s = overlap(g, p)
            if s >= OVERLAP_MIN:
                pairs.append((-s, i, j))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def error_category(gold: dict[str, Any], predicted: object, text: str) -> str:
    """Why a name-kind speaker is wrong, for the error table."""
    if not isinstance(predicted, str) or not predicted.strip():
        return "no speaker"
    if last_name(predicted) in _PRONOUNS:
        return "pronoun left unresolved"
    source = gold.get("speaker_source") or ""
    if last_name(predicted) in {last_name(w) for w in source.split()}:
        return "right phrase, wrong head"
    if predicted.casefold() not in text.casefold():
        return "wrong speaker (not in text)"
    return "wrong speaker"


def score_article(doc: dict[str, Any], quotes: list[dict[str, Any]], tally: Tally) -> None:
    """Add one article's quote matches and speaker results to ``tally``."""
    gold = doc["quotes"]
    required = [q for q in gold if not q.get("optional")]
    optional = [q for q in gold if q.get("optional")]
    pred_bags = [bag(q.get("text")) for q in quotes]
    matches = _greedy([bag(q["text"]) for q in required], pred_bags)
    matched_pred = {j for _, j in matches}
    rest = [j for j in range(len(quotes)) if j not in matched_pred]
    neutral = _greedy([bag(q["text"]) for q in optional], [pred_bags[j] for j in rest])
    tally.gold += len(required)
    tally.tp += len(matches)
    tally.pred += len(quotes) - len(neutral)
    for i, j in matches:
        g, p = required[i], quotes[j]
        kind = g.get("speaker_kind") or "none"
        speaker = named(p.get("speaker"))
        if kind == "name":
            right = last_name(speaker) == last_name(g.get("speaker"))
        elif kind == "nominal":
            # right when we name an entity from the gold phrase or, like the gold, no name
            source = {last_name(w) for w in str(g.get("speaker_source") or "").split()}
            right = speaker is None or last_name(speaker) in source
        elif kind == "pronoun":
            right = speaker is not None  # resolved to some speaker at all
        else:
            right = speaker is None  # the gold names no speaker
        tally.kind_total[kind] += 1
        tally.kind_right[kind] += right
        if kind == "name" and not right:
            cat = error_category(g, speaker, doc["text"])
            tally.errors[cat] += 1
            tally.examples.setdefault(cat, []).append(
                f"{doc['id']}: gold {g.get('speaker')!r} ({g.get('speaker_source')!r}),"
                f" predicted {speaker!r}: “{' '.join(str(g['text']).split())[:80]}”"
            )
    for i, q in enumerate(required):
        if i not in {a for a, _ in matches}:
            tally.errors["quote missed"] += 1
            tally.examples.setdefault("quote missed", []).append(
                f"{doc['id']}: “{' '.join(str(q['text']).split())[:100]}”")
    neutral_pred = {rest[j] for _, j in neutral}
    for j in range(len(quotes)):
        if j not in matched_pred and j not in neutral_pred:
            tally.errors["quote spurious"] += 1
            tally.examples.setdefault("quote spurious", []).append(
                f"{doc['id']}: “{' '.join(str(quotes[j]['text']).split())[:100]}”")


def run(path: Path) -> Tally:
    """Extract and score every article of the split."""
    tally = Tally()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            doc = json.loads(line)
            article = newstables.article_from_text(doc["text"], id="polnear")
            tables = extract_tables(article)
            score_article(doc, tables.quotes.to_dict("records"), tally)
    return tally


def report(tally: Tally, path: Path, n_examples: int = 0) -> str:
    lines = [
        f"PolNeAR-format split ({path}): {tally.gold} required quotes",
        f"  quotes (span)  P {tally.tp / max(tally.pred, 1):.3f}"
        f"  R {tally.tp / max(tally.gold, 1):.3f}  F1 {tally.f1():.3f}"
        f"  (pred {tally.pred}, tp {tally.tp})",
    ]
    for kind in (*KINDS, "none"):
        n = tally.kind_total[kind]
        if n:
            what = {"name": "last name equal", "pronoun": "resolved to a speaker",
                    "nominal": "no name or a name from the phrase",
                    "none": "no speaker, as the gold"}[kind]
            lines.append(f"  speaker accuracy, {kind:<8} {tally.kind_right[kind] / n:.3f}"
                         f"  ({tally.kind_right[kind]}/{n}; {what})")
    lines.append("  errors by category: " + ", ".join(
        f"{cat} {n}" for cat, n in sorted(tally.errors.items(), key=lambda kv: (-kv[1], kv[0]))))
    if n_examples:
        for cat, rows in sorted(tally.examples.items()):
            lines.append(f"  -- {cat}")
            lines += [f"     {row}" for row in rows[:n_examples]]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, help="split folder or articles.jsonl")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="list up to N examples of each error category")
    args = parser.parse_args(argv)
    path = find_split(args.path)
    if path is None:
        print(f"error: no PolNeAR split at {args.path or DEFAULT}", file=sys.stderr)
        return 2
    print(report(run(path), path, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
