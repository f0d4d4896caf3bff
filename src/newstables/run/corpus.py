"""``corpus extract``: every table of every article of a corpus, as Parquet, on Dask workers.

The output folder holds one Parquet dataset per table (``articles``, ``paragraphs``,
``sentences``, ``actors``, ``mentions``, ``quotes``, ``figures``, ``events``, ``measures``,
and ``claims`` with ``--claims``), every row keyed by its ``article`` id, and ``manifest``:
one row per article with its sha256, publication date, status (ok/error), the error and its
partition. A partition is a run of articles in source order; a worker writes each of its
files under a temporary name and renames it, the manifest file last, so a partition is
either complete or absent. A rerun skips the articles the manifest records with the same
sha256 and date, and redoes a partition whose article changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import shutil
import sys
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import pandas as pd

from newstables import paths
from newstables.errors import NewstablesError
from newstables.run.cluster import LOCAL, check_cluster, connect, worker_count
from newstables.run.corpus_sources import Document, read_source, to_article
from newstables.schema import CORPUS_CLAIMS, CORPUS_MANIFEST, corpus_datasets

MANIFEST = CORPUS_MANIFEST
MANIFEST_COLUMNS = ["article", "source", "sha256", "published", "status", "error", "partition"]
ARTICLE_COLUMNS = ["article", "title", "outlet", "url", "published", "language", "sha256",
                   "source", "n_paragraphs", "n_sentences", "n_words"]
CLAIMS = CORPUS_CLAIMS
LOG = "corpus.log"

# Column types where a partition's values alone cannot tell (all missing, or mixed).
_INTEGER = {"paragraph", "start", "end", "n_words", "sentence", "actor", "n_mentions",
            "first_paragraph", "quote", "figure", "event", "measure", "n_paragraphs",
            "n_sentences"}
_FLOAT = {"value", "low", "high", "series_value", "difference", "relative_difference"}
_BOOLEAN = {"continued", "approximate", "independent"}


table_names = corpus_datasets


@dataclass(frozen=True)
class Partition:
    name: str
    documents: tuple[Document, ...]


@dataclass
class CorpusResult:
    documents: int = 0  # in the source
    skipped: int = 0  # done already, with the same sha256
    extracted: int = 0  # extracted by this run
    errors: list[tuple[str, str]] | None = None  # (article, error) for the source's bad ones
    seconds: float = 0.0


def plan_partitions(docs: Sequence[Document], size: int) -> list[Partition]:
    """Runs of ``size`` documents in source order, each named by its first position and a
    hash of its members (the same documents always make the same partition)."""
    parts = []
    for i in range(0, len(docs), size):
        chunk = tuple(docs[i:i + size])
        digest = hashlib.sha256("\n".join(f"{d.id}\t{d.sha256}\t{d.published}"
                                          for d in chunk).encode()).hexdigest()[:10]
        parts.append(Partition(f"part-{chunk[0].position:07d}-{digest}", chunk))
    return parts


# --- on a worker ---------------------------------------------------------------------------

def _articles_row(doc: Document, article) -> dict[str, Any]:
    meta = article.metadata
    return {
        "article": article.id, "title": article.title, "outlet": meta.get("outlet"),
        "url": meta.get("url"), "published": meta.get("published"),
        "language": meta.get("language"), "sha256": doc.sha256, "source": doc.origin,
        "n_paragraphs": len(article.paragraphs), "n_sentences": len(article.sentences),
        "n_words": sum(len(p.text.split()) for p in article.paragraphs),
    }


def _extract_one(doc: Document, claims: bool) -> dict[str, pd.DataFrame]:
    """Every table of one document, plus its row of ``articles``."""
    from newstables.extract.tables import extract_tables

    article = to_article(doc)
    tables = extract_tables(article).as_dict()
    if claims:
        from newstables.analyse.comparison import match_figures

        tables[CLAIMS] = match_figures(article, tables["figures"])
    tables["articles"] = pd.DataFrame([_articles_row(doc, article)], columns=ARTICLE_COLUMNS)
    return tables


class _Table:
    """One table's rows of a partition, gathered column by column (no DataFrame per
    article), with the kind of each column: int, float, bool or str."""

    def __init__(self, columns: list[str]) -> None:
        self.columns = {c: [] for c in columns}
        self.kinds: dict[str, str] = {}

    def add(self, article: str, df: pd.DataFrame, keyed: bool) -> None:
        if keyed:
            self.columns["article"].extend([article] * len(df))
        for column in df.columns:
            self.columns.setdefault(column, []).extend(df[column].tolist())
            dtype = df[column].dtype
            if column not in self.kinds and len(df):
                if pd.api.types.is_bool_dtype(dtype):
                    self.kinds[column] = "bool"
                elif pd.api.types.is_integer_dtype(dtype):
                    self.kinds[column] = "int"
                elif pd.api.types.is_float_dtype(dtype):
                    self.kinds[column] = "float"

    def arrow(self):
        """A pyarrow Table with one fixed type per column."""
        import pyarrow as pa

        types = {"bool": (pa.bool_(), bool), "int": (pa.int64(), int),
                 "float": (pa.float64(), float), "str": (pa.string(), str)}
        arrays = []
        for column, values in self.columns.items():
            kind = ("bool" if column in _BOOLEAN else "int" if column in _INTEGER
                    else "float" if column in _FLOAT else self.kinds.get(column, "str"))
            arrow_type, convert = types[kind]
            arrays.append(pa.array([None if _is_null(v) else convert(v) for v in values],
                                   type=arrow_type))
        return pa.Table.from_arrays(arrays, names=list(self.columns))


def _is_null(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or (
        value is pd.NA or value is pd.NaT)


def _write_atomically(table, path: Path) -> None:
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def extract_partition(out: str, partition: Partition, claims: bool = False) -> dict[str, Any]:
    """Extract every article of ``partition`` and write its files under ``out`` (a Dask
    task). A bad article is recorded in the manifest with its reason; the others are kept."""
    t0 = time.perf_counter()
    tables = {name: _Table(_empty_columns(name)) for name in table_names(claims)}
    manifest = _Table(MANIFEST_COLUMNS)
    for doc in partition.documents:
        error = ""
        try:
            extracted = _extract_one(doc, claims)
        except NewstablesError as exc:
            error = str(exc)
        except Exception as exc:  # an extractor's bug must not cost the other articles
            error = f"{type(exc).__name__}: {exc}".splitlines()[0]
        else:
            for name, df in extracted.items():
                tables[name].add(doc.id, df, keyed=name != "articles")
        row = {"article": doc.id, "source": doc.origin, "sha256": doc.sha256,
               "published": doc.published, "status": "error" if error else "ok",
               "error": error, "partition": partition.name}
        manifest.add(doc.id, pd.DataFrame([row], columns=MANIFEST_COLUMNS), keyed=False)
    root = Path(out)
    for name, table in tables.items():
        _write_atomically(table.arrow(), root / name / f"{partition.name}.parquet")
    _write_atomically(manifest.arrow(), root / MANIFEST / f"{partition.name}.parquet")
    ok = manifest.columns["status"].count("ok")
    return {"partition": partition.name, "ok": ok, "errors": len(partition.documents) - ok,
            "seconds": round(time.perf_counter() - t0, 2)}


def _empty_columns(name: str) -> list[str]:
    from newstables.schema import COLUMNS

    if name == "articles":
        return ARTICLE_COLUMNS
    if name == CLAIMS:
        from newstables.analyse.comparison import CLAIM_COLUMNS

        return ["article", *CLAIM_COLUMNS]
    return ["article", *COLUMNS[name]]


# --- on the client -------------------------------------------------------------------------

def read_manifest(out: str | Path) -> pd.DataFrame:
    """Every article recorded under ``out``: MANIFEST_COLUMNS, in partition order."""
    files = sorted((Path(out) / MANIFEST).glob("part-*.parquet"))
    if not files:
        return pd.DataFrame(columns=MANIFEST_COLUMNS)
    return pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)


def _remove_partition(out: Path, name: str) -> None:
    (out / MANIFEST / f"{name}.parquet").unlink(missing_ok=True)  # uncommit first
    for folder in out.iterdir():
        if folder.is_dir():
            (folder / f"{name}.parquet").unlink(missing_ok=True)


def clean_unfinished(out: Path) -> int:
    """Remove temporary files and the files of partitions that have no manifest file (a run
    stopped while writing them); returns how many files went."""
    committed = {p.stem for p in (out / MANIFEST).glob("part-*.parquet")}
    removed = 0
    for folder in (p for p in out.iterdir() if p.is_dir()):
        for path in folder.glob(".part-*.parquet.tmp-*"):
            path.unlink(missing_ok=True)
            removed += 1
        if folder.name == MANIFEST:
            continue
        for path in folder.glob("part-*.parquet"):
            if path.stem not in committed:
                path.unlink(missing_ok=True)
                removed += 1
    return removed


def _pending(docs: list[Document], out: Path, claims: bool) -> tuple[list[Document], int]:
    """The documents still to extract, after dropping partitions an edit made stale."""
    manifest = read_manifest(out)
    recorded = {row.article: row for row in manifest.itertuples(index=False)}
    stale = {recorded[d.id].partition for d in docs
             if d.id in recorded and (recorded[d.id].sha256, recorded[d.id].published)
             != (d.sha256, d.published)}
    if claims:  # partitions written before claims were asked for lack them
        have = {p.stem for p in (out / CLAIMS).glob("part-*.parquet")}
        stale |= set(manifest["partition"]) - have
    for name in sorted(stale):
        _remove_partition(out, name)
    done = {row.article for row in manifest.itertuples(index=False)
            if row.partition not in stale}
    pending = [d for d in docs if d.id not in done]
    return pending, len(docs) - len(pending)


class _Reporter:
    """A progress bar on a terminal; a line per partition in the log (and on stderr
    when it is not a terminal)."""

    def __init__(self, out: Path, total: int, stream: TextIO, quiet: bool) -> None:
        self.log = (out / LOG).open("a", encoding="utf-8")
        self.stream, self.quiet = stream, quiet
        self.bar = None
        if not quiet and hasattr(stream, "isatty") and stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="article", file=stream, dynamic_ncols=True)

    def line(self, text: str) -> None:
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self.log.write(f"{stamp} {text}\n")
        self.log.flush()
        if self.bar is not None:
            self.bar.write(text, file=self.stream)
        elif not self.quiet:
            print(text, file=self.stream, flush=True)

    def advance(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        self.log.close()


def extract_corpus(
    source: str | Path | Sequence[str | Path],
    out: str | Path,
    cluster: str | None = LOCAL,
    workers: int | None = None,
    partition_size: int = 50,
    claims: bool = False,
    quiet: bool = False,
    stream: TextIO = sys.stderr,
) -> CorpusResult:
    """Extract every article of ``source`` into Parquet datasets under ``out``, on a Dask
    cluster (``local`` or a scheduler address; ``None``: in this process, one partition after
    another); skip what a previous run finished."""
    t0 = time.perf_counter()
    if cluster is not None:
        check_cluster(cluster, workers)
    if partition_size < 1:
        raise NewstablesError(f"--partition-size must be at least 1, not {partition_size}")
    docs = read_source(source)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise NewstablesError(f"--out {out} is a file, not a folder")
    out.mkdir(parents=True, exist_ok=True)
    clean_unfinished(out)
    claims = claims or (out / CLAIMS).is_dir()  # a folder with claims keeps them complete
    pending, skipped = _pending(docs, out, claims)
    result = CorpusResult(documents=len(docs), skipped=skipped)
    reporter = _Reporter(out, len(pending), stream, quiet)
    try:
        reporter.line(f"corpus {_named(source)}: {len(docs)} articles, {skipped} done already, "
                      f"{len(pending)} to extract")
        parts = plan_partitions(pending, partition_size)
        if parts and cluster is None:
            for part in parts:
                _report(reporter, extract_partition(str(out.resolve()), part, claims),
                        len(part.documents))
                result.extracted += len(part.documents)
        elif parts:
            result.extracted = _run_partitions(parts, out.resolve(), cluster, workers, claims,
                                               reporter)
    finally:
        reporter.close()
    manifest = read_manifest(out)
    ids = {d.id for d in docs}
    bad = manifest[(manifest["status"] != "ok") & manifest["article"].isin(ids)]
    result.errors = list(zip(bad["article"], bad["error"], strict=True))
    result.seconds = round(time.perf_counter() - t0, 2)
    return result


def _named(source: str | Path | Sequence[str | Path]) -> str:
    if isinstance(source, str | Path):
        return str(source)
    return f"{len(source)} files"


def _report(reporter: _Reporter, done: dict[str, Any], size: int) -> None:
    reporter.line(f"partition {done['partition']}: {done['ok']} ok, {done['errors']} "
                  f"error(s), {done['seconds']:.1f} s")
    reporter.advance(size)


def _run_partitions(parts: list[Partition], out: Path, cluster: str, workers: int | None,
                    claims: bool, reporter: _Reporter) -> int:
    from distributed import as_completed

    extracted = 0
    with connect(cluster, workers) as client:
        window = 2 * worker_count(client)  # enough queued work, not the whole corpus at once
        queue = list(reversed(parts))
        sizes = {p.name: len(p.documents) for p in parts}
        token = uuid.uuid4().hex[:8]  # a fresh key: never a result cached from an earlier run

        def submit():
            part = queue.pop()
            return client.submit(extract_partition, str(out), part, claims,
                                 key=f"corpus-extract-{part.name}-{token}", retries=1)

        running = as_completed([submit() for _ in range(min(window, len(queue)))])
        for future in running:
            try:
                done = future.result()
            except Exception as exc:  # the task failed on every worker it was given
                detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                raise NewstablesError(f"{future.key}: {detail}") from None
            finally:
                future.release()
            extracted += sizes[done["partition"]]
            _report(reporter, done, sizes[done["partition"]])
            if queue:
                running.add(submit())
    return extracted


def default_sources() -> list[Path]:
    """The seed article and the benchmark articles: the corpus a notebook uses by default."""
    return [paths.SEED_ARTICLE, *sorted((paths.ROOT / "benchmarks" / "articles").glob("*.txt"))]


def prepare_corpus(corpus: str = "", output_dir: str | Path = "") -> Path:
    """The corpus folder to read: ``corpus`` as given, or (empty) the default articles
    extracted anew here, with claims, into ``output_dir/corpus``."""
    if corpus:
        folder = Path(corpus)
        if not (folder / MANIFEST).is_dir():
            raise NewstablesError(f"{folder} is not a corpus folder: write one with "
                                  "python -m newstables corpus extract SOURCE --out DIR")
        return folder
    folder = Path(output_dir) / "corpus"
    shutil.rmtree(folder, ignore_errors=True)  # always today's extractors on today's articles
    extract_corpus(default_sources(), folder, cluster=None, claims=True, quiet=True)
    return folder
