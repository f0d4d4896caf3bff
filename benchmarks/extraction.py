"""Extraction benchmark: quality of the quotes and figures tables against hand-made gold, and speed.

Run from anywhere:  .venv/bin/python benchmarks/extraction.py [--verbose] [--json PATH]
Conventions of the gold files and of matching: benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import time
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import newstables
from newstables.extract.tables import extract_tables

sys.path.insert(0, str(Path(__file__).resolve().parent))
import polnear  # noqa: E402  (benchmarks/polnear.py)
import quantities  # noqa: E402  (benchmarks/quantities.py)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ARTICLES_DIR = HERE / "articles"
GOLD_DIR = HERE / "gold"
SEEDS_DIR = ROOT / "seeds"
SEED_ID = "turkiye-uk-deal-2023"

JACCARD_MIN = 0.8
REL_TOL = 1e-6
METRICS = ("quotes (span)", "quotes (span+speaker)", "figures (value)")
WARMUPS, RUNS, BATCH, IMPORT_RUNS = 5, 100, 1000, 5

# ---------------------------------------------------------------- data


def article_path(article_id: str) -> Path:
    """The text file of a benchmark article: benchmarks/articles/ first, then seeds/."""
    own = ARTICLES_DIR / f"{article_id}.txt"
    return own if own.exists() else SEEDS_DIR / f"{article_id}.txt"


def gold_ids() -> list[str]:
    """Ids of every gold file, the seed first, then the others sorted."""
    ids = sorted(p.stem for p in GOLD_DIR.glob("*.json"))
    return sorted(ids, key=lambda i: (i != SEED_ID, i))


def load_gold(article_id: str) -> dict[str, Any]:
    """The gold annotation of one article."""
    return json.loads((GOLD_DIR / f"{article_id}.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- matching

_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


def tokens(text: object) -> frozenset[str]:
    """Lower-cased word tokens of a text; punctuation, quote marks and spacing ignored."""
    if not isinstance(text, str):
        return frozenset()
    clean = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    return frozenset(_TOKEN.findall(clean))


def jaccard(a: object, b: object) -> float:
    """Token Jaccard similarity of two texts (1.0 when both are empty)."""
    ta, tb = tokens(a), tokens(b)
    if not ta and not tb:
        return 1.0
    return len(ta & tb) / len(ta | tb)


def as_float(x: object) -> float | None:
    """A finite float, or None for None/NaN/non-numbers."""
    if x is None or isinstance(x, bool):
        return None
    try:
        f = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def as_paragraph(x: object) -> int | None:
    f = as_float(x)
    return int(f) if f is not None else None


def as_speaker(x: object) -> str | None:
    """A speaker name normalised for comparison: case-folded, single-spaced; None if absent."""
    if not isinstance(x, str) or not x.strip():
        return None
    return " ".join(x.split()).casefold()


def close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-12)


def quote_span_score(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> float | None:
    """Jaccard of the texts if same paragraph and Jaccard >= 0.8, else None (no match)."""
    if as_paragraph(gold["paragraph"]) != as_paragraph(pred.get("paragraph")):
        return None
    score = jaccard(gold["text"], pred.get("text"))
    return score if score >= JACCARD_MIN else None


def quote_speaker_score(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> float | None:
    """As quote_span_score, and the speakers must also agree."""
    if as_speaker(gold["speaker"]) != as_speaker(pred.get("speaker")):
        return None
    return quote_span_score(gold, pred)


def figure_score(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> float | None:
    """1.0 if same paragraph and same value (or, for word quantities, same low/high)."""
    if as_paragraph(gold["paragraph"]) != as_paragraph(pred.get("paragraph")):
        return None
    value = as_float(gold["value"])
    if value is not None:
        ok = close(value, as_float(pred.get("value")))
    else:
        ok = close(as_float(gold["low"]), as_float(pred.get("low"))) and close(
            as_float(gold["high"]), as_float(pred.get("high"))
        )
    return 1.0 if ok else None


Scorer = Callable[[Mapping[str, Any], Mapping[str, Any]], float | None]


def greedy_match(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]], score: Scorer
) -> list[tuple[int, int]]:
    """One-to-one matching: best-scoring pairs first; ties by gold then prediction order."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = score(g, p)
            if s is not None:
                pairs.append((-s, i, j))
    pairs.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matches = []
    for _, i, j in pairs:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            matches.append((i, j))
    return sorted(matches)


@dataclass(frozen=True)
class Counts:
    gold: int
    pred: int
    tp: int

    @property
    def precision(self) -> float | None:
        return self.tp / self.pred if self.pred else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        denom = self.gold + self.pred
        return 2 * self.tp / denom if denom else None

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.gold + other.gold, self.pred + other.pred, self.tp + other.tp)

    def as_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "pred": self.pred, "tp": self.tp,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class Outcome:
    """The score of one metric on one article, with the rows behind it."""

    counts: Counts
    misses: list[Mapping[str, Any]]
    spurious: list[Mapping[str, Any]]
    matches: list[tuple[Mapping[str, Any], Mapping[str, Any]]]


def evaluate(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]], score: Scorer
) -> Outcome:
    matches = greedy_match(gold, pred, score)
    hit_gold = {i for i, _ in matches}
    hit_pred = {j for _, j in matches}
    return Outcome(
        Counts(len(gold), len(pred), len(matches)),
        [g for i, g in enumerate(gold) if i not in hit_gold],
        [p for j, p in enumerate(pred) if j not in hit_pred],
        [(gold[i], pred[j]) for i, j in matches],
    )


def records(frame: Any) -> list[dict[str, Any]]:
    """Rows of a DataFrame as dicts (empty for None)."""
    return [] if frame is None else frame.to_dict("records")


def score_article(gold: Mapping[str, Any], quotes: Any, figures: Any) -> dict[str, Outcome]:
    """The three metrics of one article from its gold and its predicted quotes/figures frames."""
    q, f = records(quotes), records(figures)
    return {
        "quotes (span)": evaluate(gold["quotes"], q, quote_span_score),
        "quotes (span+speaker)": evaluate(gold["quotes"], q, quote_speaker_score),
        "figures (value)": evaluate(gold["figures"], f, figure_score),
    }


# ---------------------------------------------------------------- quality run


@dataclass
class ArticleResult:
    id: str
    outcomes: dict[str, Outcome]
    error: str | None = None


def run_quality(ids: Iterable[str]) -> list[ArticleResult]:
    """Extract every article and score it; an extractor that raises scores as empty tables."""
    results = []
    for article_id in ids:
        gold = load_gold(article_id)
        article = newstables.load_article(article_path(article_id))
        try:
            tables = extract_tables(article)
            quotes, figures, error = tables.quotes, tables.figures, None
        except Exception as exc:  # report it and keep benchmarking the others
            quotes = figures = None
            last = traceback.extract_tb(exc.__traceback__)[-1]
            error = f"{type(exc).__name__}: {exc} ({Path(last.filename).name}:{last.lineno})"
        results.append(ArticleResult(article_id, score_article(gold, quotes, figures), error))
    return results


def micro(results: Iterable[ArticleResult]) -> dict[str, Counts]:
    """Counts summed over articles, per metric."""
    total = {m: Counts(0, 0, 0) for m in METRICS}
    for r in results:
        for m in METRICS:
            total[m] = total[m] + r.outcomes[m].counts
    return total


def fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


def quality_table(results: list[ArticleResult], overall: dict[str, Counts], n_all: int) -> str:
    """The aligned plain-text table of precision/recall/F1."""
    rows = []
    for r in results:
        label = f"{r.id} (seed)" if r.id == SEED_ID else r.id
        rows += [(label, m, r.outcomes[m].counts) for m in METRICS]
    rows += [(f"all ({n_all} non-seed, micro)", m, overall[m]) for m in METRICS]
    width = max(len(label) for label, _, _ in rows)
    head = f"{'article':<{width}}  {'metric':<21}  {'gold':>4}  {'pred':>4}  {'tp':>4}" \
           f"  {'P':>5}  {'R':>5}  {'F1':>5}"
    lines = [head, "-" * len(head)]
    previous = None
    for label, metric, c in rows:
        if previous is not None and label != previous:
            lines.append("")
        shown = label if label != previous else ""
        lines.append(f"{shown:<{width}}  {metric:<21}  {c.gold:>4}  {c.pred:>4}  {c.tp:>4}"
                     f"  {fmt(c.precision)}  {fmt(c.recall)}  {fmt(c.f1)}")
        previous = label
    return "\n".join(lines)


def _short(text: object, limit: int = 90) -> str:
    s = " ".join(str(text).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def describe_quote(row: Mapping[str, Any]) -> str:
    speaker = row.get("speaker")
    who = speaker if isinstance(speaker, str) and speaker else "-"
    return f"p{as_paragraph(row.get('paragraph'))}  [{who}]  \"{_short(row.get('text'))}\""


def describe_figure(row: Mapping[str, Any]) -> str:
    surface = row.get("surface", row.get("text"))
    return (f"p{as_paragraph(row.get('paragraph'))}  value={as_float(row.get('value'))}"
            f" low={as_float(row.get('low'))} high={as_float(row.get('high'))}"
            f"  \"{_short(surface, 60)}\"")


def verbose_report(results: list[ArticleResult]) -> str:
    """False negatives and false positives of every article."""
    out = []
    for r in results:
        out.append(f"== {r.id}")
        if r.error:
            out.append(f"  extractor raised: {r.error}")
        span = r.outcomes["quotes (span)"]
        fig = r.outcomes["figures (value)"]
        speaker_errors = _speaker_errors(r)
        sections = [
            ("quotes missed (FN, span)", span.misses, describe_quote),
            ("quotes spurious (FP, span)", span.spurious, describe_quote),
            ("quotes with the right span but the wrong speaker", speaker_errors, None),
            ("figures missed (FN)", fig.misses, describe_figure),
            ("figures spurious (FP)", fig.spurious, describe_figure),
        ]
        for title, rows, describe in sections:
            if not rows:
                continue
            out.append(f"  {title}: {len(rows)}")
            out += [f"    {describe(row) if describe else row}" for row in rows]
        if not (span.misses or span.spurious or speaker_errors or fig.misses or fig.spurious):
            out.append("  no errors")
    return "\n".join(out)


def _speaker_errors(r: ArticleResult) -> list[str]:
    """Quotes whose span matched but whose speaker did not, as 'gold | predicted' lines."""
    return [
        f"{describe_quote(g)}  | predicted speaker: {p.get('speaker')!r}"
        for g, p in r.outcomes["quotes (span)"].matches
        if as_speaker(g["speaker"]) != as_speaker(p.get("speaker"))
    ]


# ---------------------------------------------------------------- speed


def pin_to_one_core() -> int | None:
    """Pin this process (and the children it starts) to its first allowed CPU."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


_IMPORTTIME = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|( *)(\S+)\s*$")


def _importtime(code: str) -> dict[str, int]:
    """Top-level modules imported by ``python -X importtime -c code``: name -> cumulative us."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )
    out = {}
    for line in proc.stderr.splitlines():
        m = _IMPORTTIME.match(line)
        if m and not m.group(3).removeprefix(" "):  # one space of padding = top level
            out[m.group(4)] = out.get(m.group(4), 0) + int(m.group(2))
    return out


def _wall(code: str) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - t0


def import_time_ms(module: str = "newstables.extract.tables") -> dict[str, float]:
    """Import time of ``module`` in fresh interpreters: -X importtime sum and wall-clock delta."""
    code = f"import {module}"
    _wall(code)  # warm the bytecode cache
    baseline = set(_importtime("pass"))
    sums = []
    for _ in range(IMPORT_RUNS):
        tops = _importtime(code)
        sums.append(sum(us for name, us in tops.items() if name not in baseline) / 1000)
    walls = [_wall(code) for _ in range(IMPORT_RUNS)]
    bare = [_wall("pass") for _ in range(IMPORT_RUNS)]
    return {
        "importtime_ms": statistics.median(sums),
        "wall_ms": (statistics.median(walls) - statistics.median(bare)) * 1000,
        "interpreter_ms": statistics.median(bare) * 1000,
    }


def per_article_ms(article: newstables.Article, blocks: int = 10) -> dict[str, Any]:
    """extract_tables on one article, after warm-ups, and quantulum3's quantity pass on the
    same text, interleaved: ``blocks`` blocks of RUNS/blocks of our calls, each followed by
    one quantulum3 call, so the two see the same machine (a shared machine's speed drifts by
    tens of percent within minutes). Medians, our 90th percentile and our fastest call."""
    try:
        parse = quantities.quantulum_quantities
        parse(article.text)
    except ImportError:
        parse = None
    for _ in range(WARMUPS):
        extract_tables(article)
    times, cpu, q_times, q_cpu = [], [], [], []
    for _ in range(blocks):
        for _ in range(RUNS // blocks):
            t0, c0 = time.perf_counter(), time.process_time()
            extract_tables(article)
            cpu.append((time.process_time() - c0) * 1000)
            times.append((time.perf_counter() - t0) * 1000)
        if parse is not None:
            t0, c0 = time.perf_counter(), time.process_time()
            parse(article.text)
            q_cpu.append((time.process_time() - c0) * 1000)
            q_times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    ours = {"median_ms": statistics.median(times), "p90_ms": times[int(0.9 * (len(times) - 1))],
            "min_ms": times[0], "cpu_ms": statistics.median(cpu), "runs": len(times),
            "warmups": WARMUPS}
    theirs = None if parse is None else {
        "median_ms": statistics.median(q_times), "cpu_ms": statistics.median(q_cpu),
        "runs": len(q_times)}
    return {"ours": ours, "quantulum3": theirs}


def batch_rate(sources: Sequence[newstables.Article], n: int = BATCH) -> dict[str, float]:
    """Articles per second of extract_tables over ``n`` articles cycling ``sources``."""
    batch = [
        newstables.article_from_text(
            src.text, id=f"{src.id}-{i:04d}", published=src.published,
            metadata={**src.metadata, "id": f"{src.id}-{i:04d}"},
        )
        for i, src in ((i, sources[i % len(sources)]) for i in range(n))
    ]
    extract_tables(batch[0])
    t0 = time.perf_counter()
    for article in batch:
        extract_tables(article)
    seconds = time.perf_counter() - t0
    return {"articles": n, "seconds": seconds, "articles_per_s": n / seconds,
            "mean_ms": seconds * 1000 / n}


def one_paragraph_ms(articles: Sequence[newstables.Article], runs: int = 3) -> dict[str, Any]:
    """The tables and the claims of the articles' paragraphs joined in one text, as paragraphs
    and as one paragraph (a scraped page that lost its line breaks): the same words, so the
    two times differ only by what a long paragraph costs. Medians of ``runs`` calls."""
    from newstables.analyse.comparison import match_figures

    paragraphs = [p.text for a in articles for p in a.paragraphs]
    texts = {"paragraphs": "\n\n".join(paragraphs), "one paragraph": " ".join(paragraphs)}
    out: dict[str, Any] = {}
    for name, body in texts.items():
        article = newstables.article_from_text(
            "Joined articles\n\n" + body, id="joined", published=articles[0].published)
        times, figures = [], 0
        for _ in range(runs):
            t0 = time.perf_counter()
            tables = extract_tables(article)
            match_figures(article, tables.figures)
            times.append((time.perf_counter() - t0) * 1000)
            figures = len(tables.figures)
        out[name] = {"median_ms": statistics.median(times), "chars": len(body),
                     "figures": figures}
    return out


def run_speed(ids: Sequence[str]) -> dict[str, Any]:
    load_start = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    cpu = pin_to_one_core()
    articles = [newstables.load_article(article_path(i)) for i in ids]
    seed = articles[ids.index(SEED_ID)] if SEED_ID in ids else articles[0]
    timed = per_article_ms(seed)
    load_end = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {
        "cpu": cpu,
        "load": {"start": load_start, "end": load_end, "cores": os.cpu_count()},
        "seed_words": len(seed.text.split()),
        "import": import_time_ms(),
        "per_article": timed["ours"],
        "quantulum3": timed["quantulum3"],
        "batch": batch_rate(articles),
        "joined": one_paragraph_ms(articles),
    }


def speed_report(speed: Mapping[str, Any]) -> str:
    imp, one, batch = speed["import"], speed["per_article"], speed["batch"]
    cpu = "unpinned" if speed["cpu"] is None else f"pinned to cpu {speed['cpu']}"
    return "\n".join([
        f"Speed (one process, {cpu}; Python {platform.python_version()})",
        f"  import newstables.extract.tables      {imp['importtime_ms']:8.1f} ms"
        f"  (-X importtime, median of {IMPORT_RUNS} fresh interpreters;"
        f" wall-clock minus bare start-up: {imp['wall_ms']:.1f} ms)",
        f"  extract_tables, seed article  {one['median_ms']:8.2f} ms"
        f"  (median of {one['runs']} calls after {one['warmups']} warm-ups,"
        f" p90 {one['p90_ms']:.2f} ms, fastest {one['min_ms']:.2f} ms;"
        f" {speed['seed_words']} words)",
        f"  extract_tables, CPU time      {one['cpu_ms']:8.2f} ms  (median process time of the"
        f" same calls: the machine's other load left out)",
        *_quantulum_line(one, speed.get("quantulum3")),
        f"  batch of {batch['articles']:,} articles      {batch['articles_per_s']:8.0f} articles/s"
        f"  ({batch['seconds']:.2f} s, {batch['mean_ms']:.2f} ms each; the 5 articles cycled)",
        *_load_line(speed.get("load")),
    ])


def _joined_lines(joined: Mapping[str, Any] | None) -> list[str]:
    if not joined:
        return []
    return [f"  tables and claims, the articles joined as {name + ':':15}{j['median_ms']:8.0f} ms"
            f"  ({j['chars']:,} characters, {j['figures']} figures; median of 3)"
            for name, j in joined.items()]


def _load_line(load: Mapping[str, Any] | None) -> list[str]:
    """The machine's load while the calls were timed: other work on the same cores slows
    them, so a figure taken under load says less than one taken on an idle machine."""
    if not load or load.get("start") is None:
        return []
    return [f"  machine load (1-minute average) {load['start']:.2f} before the timed calls,"
            f" {load['end']:.2f} after, on {load['cores']} cores"]


def _quantulum_line(one: Mapping[str, Any], q: Mapping[str, Any] | None) -> list[str]:
    if q is None:
        return ["  quantulum3                    not installed (pip install quantulum3)"]
    wall, cpu = one["median_ms"] / q["median_ms"], one["cpu_ms"] / q["cpu_ms"]
    return [f"  quantulum3 quantities, seed   {q['median_ms']:8.2f} ms  (median of {q['runs']}"
            f" calls interleaved with ours,"
            f" CPU {q['cpu_ms']:.2f} ms; all our tables take {wall:.3f} of its time,"
            f" {cpu:.3f} of its CPU time)"]


# ---------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list misses and false positives")
    parser.add_argument("--json", metavar="PATH", type=Path, help="also write the numbers as JSON")
    parser.add_argument("--skip-speed", action="store_true", help="quality only")
    parser.add_argument("--polnear", metavar="PATH", type=Path,
                        help="PolNeAR-format split (folder or articles.jsonl); default"
                             " ../shared/benchmarks/polnear-dev/ when present")
    args = parser.parse_args(argv)

    ids = gold_ids()
    results = run_quality(ids)
    others = [r for r in results if r.id != SEED_ID]
    overall = micro(others)
    print(f"Extraction quality (gold: {len(ids)} hand-annotated articles in benchmarks/gold;"
          f" quote match: same paragraph, token Jaccard >= {JACCARD_MIN})")
    print(quality_table(results, overall, len(others)))
    errors = {r.id: r.error for r in results if r.error}
    for article_id, error in errors.items():
        print(f"ERROR: extract_tables raised on {article_id}: {error}")
    if args.verbose:
        print()
        print(verbose_report(results))

    split = polnear.find_split(args.polnear)
    print()
    if split is None:
        print(f"PolNeAR-format split: none at {args.polnear or polnear.DEFAULT} (skipped)")
    else:
        print(polnear.report(polnear.run(split), split, 3 if args.verbose else 0))
    print()
    try:
        print(quantities.report(quantities.load_set(), args.verbose))
        print(quantities.report(quantities.load_set(quantities.CHECK_SET), label="check.tsv,"
                                " written before its first score"))
    except ImportError:
        print("Quantities: skipped, quantulum3 is not installed (pip install quantulum3)")

    speed = None
    if not args.skip_speed:
        print()
        if errors:
            print("Speed: skipped, extract_tables raised (see ERROR above)")
        else:
            speed = run_speed(ids)
            print(speed_report(speed))

    if args.json:
        payload = {
            "quality": {r.id: {m: r.outcomes[m].counts.as_dict() for m in METRICS}
                        for r in results},
            "all": {m: overall[m].as_dict() for m in METRICS},
            "all_articles": [r.id for r in others],
            "errors": errors,
            "speed": speed,
            "python": platform.python_version(),
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    # A crash is a broken contract ("never raise on any text"): say so in the exit status.
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
