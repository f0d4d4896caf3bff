"""The extraction benchmark's data: articles load, and gold rows point at real text."""

from __future__ import annotations

import functools
import importlib.util
import json
import math
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from newstables import load_article
from newstables.schema import frame

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
SEEDS = BENCH.parent / "seeds"
SEED_ID = "turkiye-uk-deal-2023"
STYLES = {"wire-story", "press-release", "tabloid", "stats-release"}
# "held-out": written after the extractors were built, to see how they do on a new article.
HELD_OUT = "held-out"
GOLD_IDS = sorted(p.stem for p in (BENCH / "gold").glob("*.json"))
OWN_IDS = sorted(p.stem for p in (BENCH / "articles").glob("*.txt"))
OPENING = "“‘\"'"
CLOSING = "”’\"'"
QUOTE_KEYS = {"speaker", "paragraph", "text", "kind"}
FIGURE_KEYS = {"value", "low", "high", "paragraph", "surface"}


def article_path(article_id: str) -> Path:
    own = BENCH / "articles" / f"{article_id}.txt"
    return own if own.exists() else SEEDS / f"{article_id}.txt"


def gold(article_id: str) -> dict:
    return json.loads((BENCH / "gold" / f"{article_id}.json").read_text(encoding="utf-8"))


def paragraph_text(article_id: str, number: int) -> str:
    paragraphs = load_article(article_path(article_id)).paragraphs
    assert 1 <= number <= len(paragraphs), f"{article_id}: no paragraph {number}"
    return paragraphs[number - 1].text


def is_number(x: object) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)


def test_gold_covers_the_seed_and_one_article_of_each_style() -> None:
    assert GOLD_IDS == sorted([SEED_ID, *OWN_IDS])
    styles = [json.loads((BENCH / "articles" / f"{i}.json").read_text("utf-8"))["style"]
              for i in OWN_IDS]
    assert sorted(s for s in styles if s != HELD_OUT) == sorted(STYLES)


@pytest.mark.parametrize("article_id", GOLD_IDS)
def test_article_loads_with_a_published_date(article_id: str) -> None:
    article = load_article(article_path(article_id))
    assert article.published is not None
    assert article.id == article_id
    assert article.metadata.get("language") == "en"
    assert article.metadata.get("title")


@pytest.mark.parametrize("article_id", OWN_IDS)
def test_own_article_sidecar_has_the_documented_fields(article_id: str) -> None:
    meta = json.loads((BENCH / "articles" / f"{article_id}.json").read_text("utf-8"))
    assert set(meta) == {"id", "title", "outlet", "published", "language", "style"}
    assert meta["id"] == article_id
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["published"])
    assert meta["style"] in STYLES | {HELD_OUT}


@pytest.mark.parametrize("article_id", OWN_IDS)
def test_own_article_is_250_to_600_words(article_id: str) -> None:
    text = load_article(article_path(article_id)).text
    assert 250 <= len(text.split()) <= 600


@pytest.mark.parametrize("article_id", GOLD_IDS)
def test_gold_rows_have_the_documented_fields_and_types(article_id: str) -> None:
    data = gold(article_id)
    assert data["id"] == article_id
    assert data["quotes"] and data["figures"]
    for row in data["quotes"]:
        assert set(row) == QUOTE_KEYS, row
        assert row["speaker"] is None or (isinstance(row["speaker"], str) and row["speaker"])
        assert row["kind"] in {"direct", "partial"}, row
        assert isinstance(row["paragraph"], int) and row["text"].strip(), row
    for row in data["figures"]:
        assert set(row) == FIGURE_KEYS, row
        assert isinstance(row["paragraph"], int) and row["surface"].strip(), row
        if row["value"] is None:
            assert is_number(row["low"]) and is_number(row["high"]), row
            assert row["low"] <= row["high"], row
        else:
            assert is_number(row["value"]), row


@pytest.mark.parametrize("article_id", GOLD_IDS)
def test_gold_quote_text_occurs_verbatim_in_its_paragraph(article_id: str) -> None:
    for row in gold(article_id)["quotes"]:
        assert row["text"] in paragraph_text(article_id, row["paragraph"]), row


@pytest.mark.parametrize("article_id", GOLD_IDS)
def test_gold_quote_text_is_exactly_what_stands_between_the_marks(article_id: str) -> None:
    # An opening mark right before; a closing mark right after, or the paragraph's end
    # (a quote that runs on into the next paragraph is left open).
    for row in gold(article_id)["quotes"]:
        para = paragraph_text(article_id, row["paragraph"])
        ends = [m.start() for m in re.finditer(re.escape(row["text"]), para)]
        assert any(
            s > 0 and para[s - 1] in OPENING
            and (s + len(row["text"]) == len(para) or para[s + len(row["text"])] in CLOSING)
            for s in ends
        ), row


@pytest.mark.parametrize("article_id", GOLD_IDS)
def test_gold_figure_surface_occurs_as_whole_words_in_its_paragraph(article_id: str) -> None:
    # "20" must stand alone, not only inside "2023" or "20,000".
    for row in gold(article_id)["figures"]:
        para = paragraph_text(article_id, row["paragraph"])
        pattern = rf"(?<![\w.,]){re.escape(row['surface'])}(?![\w]|[.,]\d)"
        assert re.search(pattern, para), row


@pytest.mark.parametrize("article_id", GOLD_IDS)
def test_gold_rows_are_not_repeated_more_often_than_the_text(article_id: str) -> None:
    data = gold(article_id)
    rows = [(r["paragraph"], r["surface"]) for r in data["figures"]]
    rows += [(r["paragraph"], r["text"]) for r in data["quotes"]]
    for paragraph, surface in set(rows):
        assert rows.count((paragraph, surface)) <= paragraph_text(article_id, paragraph).count(
            surface
        ), (paragraph, surface)


# ------------------------------------------------ the scorer in benchmarks/extraction.py


@functools.cache
def load_benchmark() -> ModuleType:
    """benchmarks/extraction.py as a module (registered, as its dataclasses need)."""
    name = "benchmark_extraction"
    spec = importlib.util.spec_from_file_location(name, BENCH / "extraction.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def gold_as_predictions(data: dict) -> tuple:
    quotes = frame("quotes", [{"quote": i + 1, **q} for i, q in enumerate(data["quotes"])])
    figures = frame("figures", [{"figure": i + 1, "text": f["surface"], **f}
                                for i, f in enumerate(data["figures"])])
    figures = figures.astype({"value": float, "low": float, "high": float})
    return quotes, figures


@pytest.mark.parametrize("article_id", GOLD_IDS)
def test_scorer_gives_gold_full_marks_and_empty_tables_zero_recall(article_id: str) -> None:
    bench = load_benchmark()
    data = gold(article_id)
    perfect = bench.score_article(data, *gold_as_predictions(data))
    assert all(o.counts.f1 == 1.0 for o in perfect.values())
    empty = bench.score_article(data, frame("quotes", []), frame("figures", []))
    assert all(o.counts.recall == 0.0 and o.counts.precision is None for o in empty.values())


def test_scorer_matches_near_identical_quote_but_not_in_another_paragraph() -> None:
    bench = load_benchmark()
    g = {"speaker": "Ann Lee", "paragraph": 2, "kind": "direct",
         "text": "We will not stand by while the gangs profit from misery, she said today"}
    near = {"speaker": "ann  lee", "paragraph": 2, "text": "“We will not stand by while the gangs"
            " profit from misery, she said”"}
    assert bench.quote_speaker_score(g, near) is not None
    assert bench.quote_span_score(g, {**near, "paragraph": 3}) is None
    assert bench.quote_speaker_score(g, {**near, "speaker": None}) is None
    assert bench.quote_span_score(g, {**near, "text": "We will not stand by"}) is None


def test_scorer_matches_word_quantities_on_low_and_high() -> None:
    bench = load_benchmark()
    g = {"value": None, "low": 2000.0, "high": 9999.0, "paragraph": 1, "surface": "thousands"}
    assert bench.figure_score(g, {"value": float("nan"), "low": 2000, "high": 9999,
                                  "paragraph": 1}) == 1.0
    wrong = {"value": 2000, "low": 2000, "high": 99999, "paragraph": 1}
    assert bench.figure_score(g, wrong) is None


def test_greedy_matching_is_one_to_one() -> None:
    bench = load_benchmark()
    g = [{"value": 5.0, "low": None, "high": None, "paragraph": 1, "surface": "5"}] * 2
    p = [{"value": 5.0, "paragraph": 1}]
    assert bench.evaluate(g, p, bench.figure_score).counts.tp == 1


# ------------------------------------------------ the PolNeAR scorer in benchmarks/polnear.py


def test_polnear_scorer_reads_a_missing_speaker_as_none_for_every_speaker_kind() -> None:
    """The quotes table marks a missing speaker as NaN, which is true in a test of truth: a
    quote left without a speaker must count as wrong for a pronoun's gold and right for a
    nominal's and for a gold that names no one."""
    load_benchmark()
    polnear = sys.modules["polnear"]
    texts = ["We will act now", "The plan is working well", "Nobody came for us", "It was cold"]
    doc = {"id": "t", "text": " ".join(texts), "quotes": [
        {"text": texts[0], "speaker": "Anna Berg", "speaker_kind": "name"},
        {"text": texts[1], "speaker": "Anna Berg", "speaker_kind": "pronoun"},
        {"text": texts[2], "speaker_source": "one survivor", "speaker_kind": "nominal"},
        {"text": texts[3], "speaker_kind": "none"},
    ]}
    missing = frame("quotes", [{"quote": i + 1, "text": t} for i, t in enumerate(texts)])
    assert missing["speaker"].isna().all()
    tally = polnear.Tally()
    polnear.score_article(doc, missing.to_dict("records"), tally)
    assert dict(tally.kind_right) == {"name": 0, "pronoun": 0, "nominal": 1, "none": 1}
    named = missing.assign(speaker="Anna Berg")
    tally = polnear.Tally()
    polnear.score_article(doc, named.to_dict("records"), tally)
    assert dict(tally.kind_right) == {"name": 1, "pronoun": 1, "nominal": 0, "none": 0}
