"""The command line: JSON output, batch mode, and one-line errors with a non-zero exit."""

import json
import subprocess
import sys

import pytest

from newstables import paths
from newstables.schema import COLUMNS


def cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newstables", *args],
        input=stdin, capture_output=True, cwd=paths.ROOT, timeout=120,
    )


def test_help_lists_the_commands():
    out = cli("--help")
    assert out.returncode == 0
    for command in (b"extract", b"run", b"refresh", b"readme"):
        assert command in out.stdout


def test_extract_prints_every_table_with_its_columns():
    out = cli("extract", str(paths.SEED_ARTICLE))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["id"] == "turkiye-uk-deal-2023" and data["published"] == "2023-08-09"
    for table, columns in COLUMNS.items():
        assert table in data
        for row in data[table]:
            assert list(row) == columns
    assert len(data["paragraphs"]) == 22


def test_extract_reads_standard_input():
    out = cli("extract", "-", "--published", "2024-01-02", stdin=b"One line. Two.\n")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["published"] == "2024-01-02" and len(data["sentences"]) == 2


def test_batch_writes_one_line_per_document(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        json.dumps({"id": "a", "text": "First.\nSecond.", "published": "2023-01-01"}) + "\n"
        + json.dumps({"id": "b", "text": "Only one."}) + "\n",
        encoding="utf-8",
    )
    out = cli("extract", "--batch", str(docs))
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert len(lines[0]["paragraphs"]) == 2


def test_batch_keeps_earlier_documents_when_a_later_line_is_bad(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "a", "text": "Fine."}) + "\n{broken\n", encoding="utf-8")
    out = cli("extract", "--batch", str(docs))
    assert out.returncode == 2
    assert json.loads(out.stdout.decode().splitlines()[0])["id"] == "a"
    assert b"line 2" in out.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", b"empty"), (b"\x00\x01\x02\x03", b"binary"), (b"\xff\xfe\xfa bad", b"UTF-8")],
)
def test_bad_file_gives_one_line_and_nonzero_exit(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    out = cli("extract", str(path))
    assert out.returncode == 2
    assert out.stderr.count(b"\n") == 1 and message in out.stderr
    assert b"Traceback" not in out.stderr and out.stdout == b""


def test_missing_file_gives_one_line_and_nonzero_exit(tmp_path):
    out = cli("extract", str(tmp_path / "missing.txt"))
    assert out.returncode == 2 and out.stderr.count(b"\n") == 1 and b"not found" in out.stderr


def test_bad_date_is_refused():
    out = cli("extract", str(paths.SEED_ARTICLE), "--published", "2023-13-40")
    assert out.returncode == 2 and b"date" in out.stderr and out.stderr.count(b"\n") == 1


def test_unknown_option_is_one_line_error():
    out = cli("extract", "--no-such-option")
    assert out.returncode == 2 and out.stderr.count(b"\n") == 1
