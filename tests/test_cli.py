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


def test_batch_goes_on_after_a_bad_line_and_says_which(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "a", "text": "Fine."}) + "\n{broken\n"
                    + json.dumps({"id": "b", "text": "Also fine."}) + "\n", encoding="utf-8")
    out = cli("extract", "--batch", str(docs))
    assert out.returncode == 2
    assert [json.loads(line)["id"] for line in out.stdout.decode().splitlines()] == ["a", "b"]
    assert b"docs.jsonl line 2: not JSON" in out.stderr


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


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return cli("run", "--quiet", *args)


@pytest.fixture
def hostile(tmp_path):
    """Articles whose sidecars a user should not be able to hurt anything with."""

    def write(name: str, sidecar: str) -> str:
        path = tmp_path / f"{name}.txt"
        path.write_text("Some text.", encoding="utf-8")
        path.with_suffix(".json").write_text(sidecar, encoding="utf-8")
        return str(path)

    return write


def one_line_error(out: subprocess.CompletedProcess, code: int = 2) -> str:
    err = out.stderr.decode()
    assert out.returncode == code, err
    assert err.count("\n") == 1 and err.startswith("newstables: error: "), err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize(("args", "message"), [
    (["--timeout", "nan"], "--timeout"),
    (["--timeout", "inf"], "--timeout"),
    (["--timeout", "0"], "--timeout"),
    (["--wait", "-1"], "--wait"),
    (["--jobs", "0"], "--jobs"),
    (["-p", "tolerance=nan"], "tolerance"),
    (["-p", "log_span=-inf"], "log_span"),
    (["-p", "max_actors=-5"], "max_actors"),
    (["-p", "closeup_months=-1"], "closeup_months"),
    (["-p", "start_year=twenty"], "is not an integer"),
    (["-p", "colour=red"], "unknown parameter colour"),
    (["--published", "2023-02-30"], "real calendar date"),
])
def test_bad_run_options_are_one_line_before_anything_runs(tmp_path, args, message):
    out = run_cli("--out", str(tmp_path / "reports"), *args)
    assert message in one_line_error(out)
    assert not (tmp_path / "reports").exists()


def test_out_on_or_under_a_file_is_one_line(tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("x")
    assert "is a file" in one_line_error(run_cli("--out", str(afile)))
    assert "under a file" in one_line_error(run_cli("--out", str(afile / "reports")))
    assert afile.read_text() == "x"


@pytest.mark.parametrize(("sidecar", "message"), [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"id": "index.html"}', "reserved"),
    ('{"id": "index"}', "reserved"),
    ('{"id": "failed"}', "reserved"),
    ('{"id": "../../etc"}', "names its report folder"),
    ('{"id": ".hidden"}', "names its report folder"),
    ('{"id": "a/b"}', "names its report folder"),
])
def test_hostile_sidecars_are_refused_the_same_by_extract_and_run(tmp_path, hostile, sidecar,
                                                                 message):
    path = hostile("article", sidecar)
    assert message in one_line_error(cli("extract", path))
    assert message in one_line_error(run_cli("--article", path, "--out", str(tmp_path / "r")))
    assert not (tmp_path / "r").exists()


def test_a_utf16_article_and_a_marked_sidecar_are_read(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Ankara, Monday.\nThe deal was signed.".encode("utf-16"))
    path.with_suffix(".json").write_bytes(b'\xef\xbb\xbf{"published": "2023-08-09"}')
    out = cli("extract", str(path))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["published"] == "2023-08-09" and len(data["paragraphs"]) == 2


def test_an_empty_incoming_folder_is_a_quiet_day(tmp_path):
    (tmp_path / "incoming").mkdir()
    out = run_cli("--article", str(tmp_path / "incoming"), "--out", str(tmp_path / "reports"))
    assert out.returncode == 0 and out.stderr.count(b"\n") == 1
    assert b"nothing to run" in out.stderr


def test_batch_reports_a_document_the_extractors_fail_on_and_goes_on(tmp_path, monkeypatch,
                                                                     capsys):
    from newstables import cli as command_line

    real = command_line._extract_one

    def fails_on_b(article):
        if article.id == "b":
            raise IndexError("list index out of range\nsecond line")
        return real(article)

    monkeypatch.setattr(command_line, "_extract_one", fails_on_b)
    docs = tmp_path / "docs.jsonl"
    docs.write_text("\n".join(json.dumps({"id": i, "text": "Text."}) for i in "abc") + "\n")
    assert command_line.main(["extract", "--batch", str(docs)]) == 2
    out, err = capsys.readouterr()
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a", "c"]
    assert err.splitlines()[0] == ("newstables: error: docs.jsonl line 2: extraction failed: "
                                   "IndexError: list index out of range")
