"""Quantities in general news sentences: value P/R/F1 of the figures extractor, beside quantulum3.

Run:  .venv/bin/python benchmarks/quantities.py [--errors] [--set PATH]

The set (``quantities/dev.tsv``): one news-style sentence a line from many domains, written
for this benchmark, with hand-written gold quantities: a value, or ``low..high`` for a range
("between 10 and 20", "10-20", "dozens" = 24..99), ``-`` for a sentence with none. Money is
in units of its currency (£10m = 10000000), percentages and percentage points as the number
(4.2% = 4.2), fractions as a share (half = 0.5), negatives signed (minus 12 = -12). Dates,
years, times, ordinals, ages, scores and codes are not quantities.

Scoring by value: a predicted quantity matches a gold one of the same sentence when its value
is equal (relative tolerance 1e-6), or for a range when low and high are both equal; one to
one. Micro P/R/F1 over the set.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import newstables
from newstables.extract.figures import extract_figures

HERE = Path(__file__).resolve().parent
DEFAULT_SET = HERE / "quantities" / "dev.tsv"  # the set the rules were developed on
CHECK_SET = HERE / "quantities" / "check.tsv"  # written before it was first scored

Quantity = tuple[float | None, float | None, float | None]  # value, low, high


@dataclass(frozen=True)
class Item:
    domain: str
    text: str
    gold: list[Quantity]


def parse_gold(field: str) -> list[Quantity]:
    """'4.2; 10..20' -> [(4.2, None, None), (None, 10.0, 20.0)]; '-' -> []."""
    out: list[Quantity] = []
    for part in field.split(";"):
        part = part.strip()
        if not part or part == "-":
            continue
        if ".." in part:
            low, high = part.split("..")
            out.append((None, float(low), float(high)))
        else:
            out.append((float(part), None, None))
    return out


def load_set(path: Path = DEFAULT_SET) -> list[Item]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        domain, text, gold = line.split("\t")
        items.append(Item(domain, text, parse_gold(gold)))
    return items


def _same(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def matches(gold: Quantity, pred: Quantity) -> bool:
    if gold[0] is not None:
        return _same(gold[0], pred[0])
    return _same(gold[1], pred[1]) and _same(gold[2], pred[2])


def count(gold: list[Quantity], pred: list[Quantity]) -> tuple[int, list[Quantity],
                                                                  list[Quantity]]:
    """True positives, missed gold and spurious predictions (one-to-one, in order)."""
    left = list(pred)
    missed = []
    tp = 0
    for g in gold:
        hit = next((i for i, p in enumerate(left) if matches(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            tp += 1
            left.pop(hit)
    return tp, missed, left


def _num(x: object) -> float | None:
    try:
        f = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def newstables_quantities(text: str) -> list[Quantity]:
    article = newstables.article_from_text(text, id="sentence")
    fig = extract_figures(article)
    return [(_num(v), _num(lo), _num(hi)) for v, lo, hi in
            zip(fig["value"], fig["low"], fig["high"], strict=True)]


def _quantulum():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser
    return parser


def quantulum_quantities(text: str) -> list[Quantity]:
    """quantulum3's quantities: a value, or value +/- uncertainty as a range."""
    out: list[Quantity] = []
    for q in _quantulum().parse(text):
        unc = getattr(q, "uncertainty", None)
        if unc:
            out.append((None, q.value - unc, q.value + unc))
        else:
            out.append((float(q.value), None, None))
    return out


@dataclass
class Score:
    gold: int = 0
    pred: int = 0
    tp: int = 0

    def line(self, name: str) -> str:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * self.tp / (self.gold + self.pred) if self.gold + self.pred else 0.0
        return (f"  {name:<12} P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}"
                f"  (gold {self.gold}, pred {self.pred}, tp {self.tp})")


def score(items: Sequence[Item], extract, errors: list[str] | None = None) -> Score:
    s = Score()
    for item in items:
        pred = extract(item.text)
        tp, missed, spurious = count(item.gold, pred)
        s.gold += len(item.gold)
        s.pred += len(pred)
        s.tp += tp
        if errors is not None and (missed or spurious):
            errors.append(f"[{item.domain}] {item.text}\n      missed {missed}"
                          f"  spurious {spurious}")
    return s


def seconds_per_pass(texts: Sequence[str], extract, repeat: int = 3) -> float:
    """The best of ``repeat`` passes of ``extract`` over ``texts``, in seconds."""
    best = math.inf
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            extract(t)
        best = min(best, time.perf_counter() - t0)
    return best


def report(items: Sequence[Item], show_errors: bool = False, label: str = "dev.tsv") -> str:
    errors: list[str] = []
    ours = score(items, newstables_quantities, errors)
    theirs = score(items, quantulum_quantities)
    domains = sorted({i.domain for i in items})
    lines = [f"Quantities in news sentences, {label} ({len(items)} sentences,"
             f" {len(domains)} domains:"
             f" {', '.join(domains)}; value match, ranges as low..high)",
             ours.line("newstables"), theirs.line("quantulum3")]
    for d in domains:
        lines.append(score([i for i in items if i.domain == d],
                           newstables_quantities).line(f"  {d}"))
    if show_errors:
        lines += ["  errors (newstables):"] + [f"    {e}" for e in errors]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="a sentences .tsv")
    parser.add_argument("--errors", action="store_true", help="list missed and spurious")
    args = parser.parse_args(argv)
    print(report(load_set(args.set), args.errors, args.set.name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
