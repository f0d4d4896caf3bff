"""corpus extract: Parquet datasets per table and a manifest, resumable, on a Dask cluster."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from conftest import kill_a_worker

from newstables import NewstablesError, paths
from newstables.extract.tables import extract_tables
from newstables.run.corpus import extract_corpus, read_manifest, table_names
from newstables.run.corpus_sources import read_source
from newstables.schema import COLUMNS

TEXT = (
    "The ministry said {n} people crossed the border in {year}, up from {m} a year earlier.\n"
    'Minister Jane Doe said: "We will stop the smuggling gangs."\n'
    "Officials in Ankara announced a new joint patrol on Monday."
)


def write_corpus(folder: Path, count: int, start: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + count):
        text = TEXT.format(n=1000 + i, m=900 + i, year=2020 + i % 4)
        (folder / f"a{i:04d}.txt").write_text(text, encoding="utf-8")
        meta = {"outlet": f"Outlet {i % 3}", "published": f"2024-0{1 + i % 9}-15"}
        (folder / f"a{i:04d}.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def cli(*args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newstables", *args], capture_output=True,
                          cwd=paths.ROOT, timeout=timeout)


def dataset(out: Path, table: str) -> pd.DataFrame:
    return duckdb.sql(f"SELECT * FROM read_parquet('{out}/{table}/*.parquet') "
                      "ORDER BY ALL").df()


def test_folder_gives_one_dataset_per_table_keyed_by_article_and_a_manifest(tmp_path):
    source = write_corpus(tmp_path / "src", 4)
    (source / "broken.txt").write_bytes(b"\xff\xfe not utf-8")
    out = tmp_path / "out"
    done = cli("corpus", "extract", str(source), "--out", str(out), "--workers", "2",
               "--partition-size", "2")
    assert done.returncode == 1, done.stderr  # one bad article
    assert b"broken: the article is not UTF-8" in done.stderr
    for table in table_names():
        df = dataset(out, table)
        assert list(df.columns)[0] == "article"
        if table != "articles":
            assert list(df.columns)[1:] == COLUMNS[table]
    manifest = read_manifest(out).set_index("article")
    assert manifest.loc["broken", "status"] == "error"
    assert "not UTF-8" in manifest.loc["broken", "error"]
    assert (manifest.drop("broken")["status"] == "ok").all()
    # the tables are exactly the single-article extraction, keyed by article id
    article = read_source(source)[1]
    from newstables.run.corpus_sources import to_article

    expected = extract_tables(to_article(article)).figures
    got = dataset(out, "figures").query("article == @article.id")
    assert got["value"].tolist() == expected["value"].tolist()
    articles = dataset(out, "articles").set_index("article")
    assert articles.loc["a0001", "outlet"] == "Outlet 1"
    assert articles.loc["a0001", "sha256"] == article.sha256
    log = (out / "corpus.log").read_text()
    assert log.count("partition part-") == 3


def test_json_lines_are_read_like_extract_batch(tmp_path, dask_cluster):
    cluster, _ = dask_cluster
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        json.dumps({"id": "x1", "text": TEXT.format(n=5, m=4, year=2021),
                    "published": "2023-03-01", "outlet": "Wire"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "x2", "text": "One paragraph only."}) + "\n"
        + json.dumps({"id": "x1", "text": "Same id again."}) + "\n",
        encoding="utf-8")
    result = extract_corpus(docs, tmp_path / "out", cluster=cluster.scheduler_address,
                            quiet=True)
    assert result.documents == 4 and result.extracted == 4
    manifest = read_manifest(tmp_path / "out").set_index("article")
    assert manifest.loc["x1", "status"] == "ok" and manifest.loc["x2", "status"] == "ok"
    bad = dict(result.errors)
    assert "not a JSON object" in bad["docs.jsonl line 2"]
    assert "already used by docs.jsonl line 1" in bad["x1 (docs.jsonl line 4)"]
    articles = dataset(tmp_path / "out", "articles").set_index("article")
    assert articles.loc["x1", "published"] == "2023-03-01"
    assert articles.loc["x1", "outlet"] == "Wire"


def test_rerun_skips_what_is_done_and_redoes_only_a_changed_article(tmp_path, dask_cluster):
    cluster, _ = dask_cluster
    source, out = write_corpus(tmp_path / "src", 6), tmp_path / "out"
    first = extract_corpus(source, out, cluster=cluster.scheduler_address, partition_size=2,
                           quiet=True)
    assert (first.extracted, first.skipped) == (6, 0)
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    again = extract_corpus(source, out, cluster=cluster.scheduler_address, partition_size=2,
                           quiet=True)
    assert (again.extracted, again.skipped) == (0, 6)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == stamps

    (source / "a0003.txt").write_text("The ministry said 7 people were returned.\n",
                                      encoding="utf-8")
    changed = extract_corpus(source, out, cluster=cluster.scheduler_address, partition_size=2,
                             quiet=True)
    assert (changed.extracted, changed.skipped) == (2, 4)  # a0003's partition: a0002, a0003
    figures = dataset(out, "figures")
    assert figures.query("article == 'a0003'")["value"].tolist() == [7.0]
    assert read_manifest(out)["article"].is_unique
    kept = [p for p in stamps if p.exists()]
    assert len(kept) == len(stamps) - len(table_names()) - 1  # one partition's files redone
    assert all(p.stat().st_mtime_ns == stamps[p] for p in kept)


def test_same_corpus_gives_byte_identical_files(tmp_path, dask_cluster):
    cluster, _ = dask_cluster
    source = write_corpus(tmp_path / "src", 3)
    for name in ("one", "two"):
        extract_corpus(source, tmp_path / name, cluster=cluster.scheduler_address, quiet=True)
    one = {p.relative_to(tmp_path / "one"): p.read_bytes()
           for p in (tmp_path / "one").rglob("*.parquet")}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes()
           for p in (tmp_path / "two").rglob("*.parquet")}
    assert one == two and len(one) == len(table_names()) + 1


def wait_until_idle(client, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    def busy() -> int:
        running = client.run(lambda dask_worker: dask_worker.state.executing_count)
        return sum(running.values()) + client.run_on_scheduler(
            lambda dask_scheduler: len(dask_scheduler.tasks))

    while busy():
        assert time.monotonic() < deadline, "the scheduler kept the killed run's tasks"
        time.sleep(0.2)


def test_a_killed_run_costs_only_its_unfinished_partitions(tmp_path, dask_cluster):
    cluster, client = dask_cluster
    source, out = write_corpus(tmp_path / "src", 200), tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newstables", "corpus", "extract", str(source), "--out",
         str(out), "--cluster", cluster.scheduler_address, "--partition-size", "2"],
        stderr=subprocess.PIPE, cwd=paths.ROOT)
    try:
        for line in proc.stderr:
            if line.startswith(b"partition part-"):
                break
        time.sleep(0.5)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        proc.stderr.close()
    # the tasks a worker had already started finish; the scheduler drops the rest
    wait_until_idle(client)
    finished = set(read_manifest(out)["partition"])
    assert 0 < len(finished) < 100
    stamps = {p: p.stat().st_mtime_ns for p in (out / "figures").glob("*.parquet")
              if p.stem in finished}
    again = cli("corpus", "extract", str(source), "--out", str(out), "--cluster",
                cluster.scheduler_address, "--partition-size", "2")
    assert again.returncode == 0, again.stderr
    assert f"{2 * len(finished)} done already".encode() in again.stderr
    manifest = read_manifest(out)
    assert sorted(manifest["article"]) == [f"a{i:04d}" for i in range(200)]
    assert (manifest["status"] == "ok").all()
    assert all(p.stat().st_mtime_ns == t for p, t in stamps.items())
    articles = dataset(out, "articles")["article"]
    assert articles.is_unique and len(articles) == 200
    assert not list(out.rglob(".*tmp*"))


def test_a_worker_killed_mid_run_still_gives_a_complete_result(tmp_path, dask_cluster):
    cluster, client = dask_cluster
    source, out = write_corpus(tmp_path / "src", 120), tmp_path / "out"
    killed = []

    class KillOnFirstPartition:
        def write(self, text):
            if text.startswith("partition") and not killed:
                killed.append(kill_a_worker(client))

        def flush(self):
            pass

    result = extract_corpus(source, out, cluster=cluster.scheduler_address, partition_size=2,
                            stream=KillOnFirstPartition())
    assert killed and result.extracted == 120 and not result.errors
    articles = dataset(out, "articles")["article"]
    assert articles.is_unique and len(articles) == 120
    figures = dataset(out, "figures")  # each article states two numbers, each kept once
    assert figures.groupby("article").size().eq(2).all() and figures["article"].nunique() == 120
    client.wait_for_workers(2, timeout=120)  # the nanny restarted the killed worker


def test_bad_source_and_unreachable_scheduler_give_one_line_and_exit_2(tmp_path):
    missing = cli("corpus", "extract", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o"))
    assert missing.returncode == 2 and missing.stderr.count(b"\n") == 1
    assert b"corpus source not found" in missing.stderr
    source = write_corpus(tmp_path / "src", 1)
    nobody = cli("corpus", "extract", str(source), "--out", str(tmp_path / "o"),
                 "--cluster", "tcp://127.0.0.1:9")
    assert nobody.returncode == 2, nobody.stderr
    assert b"cannot reach a Dask scheduler" in nobody.stderr.splitlines()[-1]
    assert b"Traceback" not in nobody.stderr


def test_partition_size_must_be_positive(tmp_path):
    with pytest.raises(NewstablesError, match="partition-size"):
        extract_corpus(write_corpus(tmp_path / "src", 1), tmp_path / "o", partition_size=0)
    assert not os.path.exists(tmp_path / "o")


def test_asking_for_claims_later_adds_them_to_every_partition(tmp_path):
    source, out = write_corpus(tmp_path / "src", 4), tmp_path / "out"
    extract_corpus(source, out, cluster=None, partition_size=2, quiet=True)
    assert not (out / "claims").exists()
    again = extract_corpus(source, out, cluster=None, partition_size=2, claims=True,
                           quiet=True)
    assert again.extracted == 4
    assert set(dataset(out, "claims")["article"]) == {f"a{i:04d}" for i in range(4)}
    # a later run without --claims keeps the claims dataset complete
    write_corpus(source, 1, start=4)
    extract_corpus(source, out, cluster=None, partition_size=2, quiet=True)
    assert "a0004" in set(dataset(out, "claims")["article"])
