"""Unattended runs: strict parameters, atomic reports, failures kept, deterministic tables."""

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from newstables import NewstablesError, paths
from newstables.run.runner import run_collection

PARAMETERS = (
    'article: str = ""  # article path\npublished: str = ""  # date\noutput_dir: str = ""  # out'
)


def make_notebook(folder: Path, name: str, body: str) -> Path:
    nb = new_notebook(cells=[new_code_cell(PARAMETERS), new_code_cell(body)])
    nb.cells[0].metadata["tags"] = ["parameters"]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = folder / name
    nbformat.write(nb, path)
    return path


WRITES_A_TABLE = """
from pathlib import Path
import newstables
art = newstables.load_article(article, published=published or None)
(Path(output_dir) / "tables").mkdir(parents=True, exist_ok=True)
(Path(output_dir) / "tables" / "words.csv").write_text(f"paragraphs\\n{len(art.paragraphs)}\\n")
print(art.id)
"""


@pytest.fixture
def collection(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    make_notebook(folder, "01-count-words.ipynb", WRITES_A_TABLE)
    return folder


@pytest.fixture
def article(write_article):
    return write_article("First paragraph.\nSecond paragraph.", name="tiny")


def run(article, collection, out, **kwargs):
    notebooks = sorted(collection.glob("*.ipynb"))
    return run_collection([article], out=out, notebooks=notebooks, quiet=True, **kwargs)


def test_successful_run_writes_a_complete_report(article, collection, tmp_path):
    (result,) = run(article, collection, tmp_path / "reports", published="2024-03-01")
    report = tmp_path / "reports" / "tiny"
    assert result.status == "ok"
    for name in (
        "01-count-words.ipynb",
        "01-count-words.html",
        "run.json",
        "index.html",
        "tables/words.csv",
        "tables/quotes.csv",
        "tables/paragraphs.csv",
    ):
        assert (report / name).is_file(), name
    record = json.loads((report / "run.json").read_text())
    assert record["status"] == "ok" and record["parameters"]["published"] == "2024-03-01"
    assert record["notebooks"][0]["seconds"] > 0 and "pandas" in record["versions"]
    hidden = [p.name for p in report.parent.iterdir() if p.name.startswith(".")]
    assert sorted(hidden) == [".index.lock", ".tiny.lock"], "staging left"


def test_index_links_resolve(article, collection, tmp_path):
    run(article, collection, tmp_path / "reports")
    for index in (
        tmp_path / "reports" / "index.html",
        tmp_path / "reports" / "tiny" / "index.html",
    ):
        links = re.findall(r'href="([^"]+)"', index.read_text())
        local = [link for link in links if "://" not in link]
        assert local
        html = index.read_text()
        for link in local:
            path, _, anchor = link.partition("#")
            assert (index.parent / path).exists() if path else f'id="{anchor}"' in html, link


def test_article_text_is_html_escaped_in_the_index(write_article, collection, tmp_path):
    path = write_article("Ministers <script>alert(1)</script> & co.", name="escaped")
    run(path, collection, tmp_path / "reports")
    html = (tmp_path / "reports" / "escaped" / "index.html").read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_failing_notebook_keeps_last_good_report_and_records_the_error(
    article, collection, tmp_path
):
    out = tmp_path / "reports"
    run(article, collection, out)
    good = {p.relative_to(out): p.read_bytes() for p in (out / "tiny").rglob("*") if p.is_file()}
    make_notebook(collection, "02-fail.ipynb", 'raise ValueError("no such series")')
    (result,) = run(article, collection, out)
    assert result.status == "failed"
    assert "02-fail.ipynb" in result.error and "ValueError: no such series" in result.error
    now = {
        p.relative_to(out): p.read_bytes()
        for p in (out / "tiny").rglob("*")
        if p.is_file() and "failed" not in p.parts
    }
    assert now == good
    (kept,) = (out / "tiny" / "failed").iterdir()
    record = json.loads((kept / "run.json").read_text())
    assert record["status"] == "failed" and "no such series" in record["error"]
    assert (kept / "02-fail.ipynb").is_file()


def test_unknown_parameter_is_rejected_before_any_kernel_starts(article, collection, tmp_path):
    with pytest.raises(NewstablesError, match="unknown parameter colour"):
        run(article, collection, tmp_path / "reports", extra={"colour": "red"})
    assert not (tmp_path / "reports").exists()


def test_bad_article_or_date_is_rejected_before_execution(write_article, collection, tmp_path):
    with pytest.raises(NewstablesError, match="empty"):
        run(write_article(""), collection, tmp_path / "reports")
    with pytest.raises(NewstablesError, match="ISO date"):
        run(write_article("Text."), collection, tmp_path / "reports", published="01/02/2023")
    assert not (tmp_path / "reports").exists()


def test_two_runs_give_byte_identical_tables_and_pages(article, collection, tmp_path):
    run(article, collection, tmp_path / "a")
    run(article, collection, tmp_path / "b")
    tables_a = sorted((tmp_path / "a" / "tiny" / "tables").iterdir())
    assert tables_a
    for table in tables_a:
        assert table.read_bytes() == (tmp_path / "b" / "tiny" / "tables" / table.name).read_bytes()
    # the notebook pages too (the cell papermill injects has a fixed id, not a random one)
    pages_a = sorted((tmp_path / "a" / "tiny").glob("*.html"))
    assert len(pages_a) > 1
    for page in pages_a:
        if page.name != "index.html":  # the index states when the run was made
            assert page.read_bytes() == (tmp_path / "b" / "tiny" / page.name).read_bytes()


def test_a_folder_of_articles_gets_a_report_each_and_a_top_index(collection, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    for name in ("one", "two"):
        (folder / f"{name}.txt").write_text(f"Article {name}.", encoding="utf-8")
    runs = run(folder, collection, tmp_path / "reports")
    assert [r.article.id for r in runs] == ["one", "two"]
    index = (tmp_path / "reports" / "index.html").read_text()
    assert 'href="one/index.html"' in index and 'href="two/index.html"' in index


def test_interrupted_run_leaves_no_partial_report(article, collection, tmp_path):
    make_notebook(collection, "02-slow.ipynb", "import time\ntime.sleep(60)")
    out = tmp_path / "reports"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newstables",
            "run",
            "--article",
            str(article),
            "--out",
            str(out),
            "--notebooks",
            str(collection),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=paths.ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    deadline = time.time() + 60
    while time.time() < deadline and not list(out.glob(".tiny.run-*/02-slow.ipynb")):
        time.sleep(0.2)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert not (out / "tiny").exists()
    assert not list(out.glob(".tiny.run-*")), "staging folder left behind"


@pytest.mark.parametrize(
    ("option", "message"), [({"jobs": 0}, "--jobs"), ({"timeout": -1}, "--timeout")]
)
def test_jobs_and_timeout_must_be_positive(article, collection, tmp_path, option, message):
    with pytest.raises(NewstablesError, match=message):
        run(article, collection, tmp_path / "reports", **option)


def test_an_article_id_that_is_not_a_folder_name_is_refused(write_article, collection, tmp_path):
    path = write_article("Text.", name="odd", sidecar='{"id": "."}')
    with pytest.raises(NewstablesError, match="names its report folder"):
        run(path, collection, tmp_path / "reports")


def test_runner_parameters_cannot_be_overridden_and_values_are_typed(article, collection, tmp_path):
    with pytest.raises(NewstablesError, match="set by the runner"):
        run(article, collection, tmp_path / "reports", extra={"output_dir": "/elsewhere"})
    make_notebook(collection, "02-typed.ipynb", "assert isinstance(article, str)")
    with pytest.raises(NewstablesError, match="unknown parameter"):
        run(article, collection, tmp_path / "reports", extra={"ratio": "0.5"})


def test_parameter_values_take_the_declared_type(article, collection, tmp_path):
    nb = new_notebook(
        cells=[
            new_code_cell(PARAMETERS + "\nratio: float = 0.1  # a share"),
            new_code_cell("assert isinstance(ratio, float) and ratio == 0.5"),
        ]
    )
    nb.cells[0].metadata["tags"] = ["parameters"]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, collection / "02-typed.ipynb")
    with pytest.raises(NewstablesError, match="is not a number"):
        run(article, collection, tmp_path / "reports", extra={"ratio": "half"})
    (result,) = run(article, collection, tmp_path / "reports", extra={"ratio": "0.5"})
    assert result.status == "ok", result.error


def test_a_timed_out_notebook_names_the_cell_it_was_running(article, collection, tmp_path):
    make_notebook(collection, "02-hangs.ipynb", "import time\ntime.sleep(120)")
    (result,) = run(article, collection, tmp_path / "reports", timeout=15)
    assert result.status == "failed"
    assert "02-hangs.ipynb failed: timed out after 15 s in cell 3 (import time)" in result.error
    (kept,) = (tmp_path / "reports" / "tiny" / "failed").iterdir()
    hung = nbformat.read(kept / "02-hangs.ipynb", as_version=4).cells[-1]
    assert hung.metadata.papermill["status"] == "failed"


def test_a_notebook_whose_kernel_dies_names_the_cell_it_was_running(
    article, collection, tmp_path
):
    path = make_notebook(collection, "02-dies.ipynb",
                         "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)")
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(new_code_cell("print('never runs')"))
    nbformat.write(nb, path)
    (result,) = run(article, collection, tmp_path / "reports")
    assert result.status == "failed"
    assert re.search(r"02-dies\.ipynb failed: \w*DeadKernel\w*: .* in cell 3 "
                     r"\(import os, signal\)$", result.error), result.error
    (kept,) = (tmp_path / "reports" / "tiny" / "failed").iterdir()
    cells = nbformat.read(kept / "02-dies.ipynb", as_version=4).cells
    assert [c.metadata.papermill["status"] for c in cells[-2:]] == ["failed", "pending"]


def test_cells_run_while_an_error_is_being_handled_are_marked_completed(
    article, collection, tmp_path
):
    import papermill

    from newstables.run.execute import engine

    source = make_notebook(tmp_path, "retry.ipynb", "x = 1")
    try:
        raise ValueError("a first attempt failed")
    except ValueError:  # a retry in an error handler: that error is not the cells'
        papermill.execute_notebook(str(source), str(tmp_path / "out.ipynb"),
                                   parameters={"article": str(article)}, kernel_name="python3",
                                   progress_bar=False, engine_name=engine())
    cells = nbformat.read(tmp_path / "out.ipynb", as_version=4).cells
    assert {c.metadata.papermill["status"] for c in cells} == {"completed"}


def test_an_empty_folder_of_articles_is_a_run_of_nothing(collection, tmp_path):
    (tmp_path / "incoming").mkdir()
    assert run(tmp_path / "incoming", collection, tmp_path / "reports") == []
    assert not (tmp_path / "reports").exists()


def test_skip_current_runs_an_article_again_only_when_its_inputs_changed(
    write_article, collection, tmp_path
):
    out = tmp_path / "reports"
    path = write_article("First text.", name="news")
    (first,) = run(path, collection, out, skip_current=True)
    assert first.status == "ok"
    (again,) = run(path, collection, out, skip_current=True)
    assert again.status == "current"
    write_article("Corrected text.", name="news")
    (edited,) = run(path, collection, out, skip_current=True)
    assert edited.status == "ok"
    make_notebook(collection, "02-more.ipynb", "print(1)")
    (new_notebook,) = run(path, collection, out, skip_current=True)
    assert new_notebook.status == "ok"
    (other_date,) = run(path, collection, out, skip_current=True, published="2024-01-01")
    assert other_date.status == "ok"
    record = json.loads((out / "news" / "run.json").read_text())
    assert record["inputs"]["published"] == "2024-01-01"
    assert sorted(record["inputs"]["notebooks"]) == ["01-count-words.ipynb", "02-more.ipynb"]


def test_run_json_is_strict_json(article, collection, tmp_path):
    run(article, collection, tmp_path / "reports")
    text = (tmp_path / "reports" / "tiny" / "run.json").read_text()

    def refuse(constant):
        raise ValueError(f"{constant} is not JSON")

    json.loads(text, parse_constant=refuse)


def test_a_report_path_taken_by_a_file_is_refused(write_article, collection, tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    (out / "cron.log").write_text("log lines\n")
    path = write_article("Text.", name="cron.log")
    with pytest.raises(NewstablesError, match="is not a report folder"):
        run(path, collection, out)
    assert (out / "cron.log").read_text() == "log lines\n"


SEES_ITSELF = """
import json
from pathlib import Path
on_disk = json.loads((Path(output_dir) / "02-watch.ipynb").read_text())
code = [c for c in on_disk["cells"] if c["cell_type"] == "code"]
print("earlier output:", "".join(code[2]["outputs"][0]["text"]).strip())
print("this cell:", code[3]["metadata"]["papermill"]["status"])
"""


def test_while_a_cell_runs_its_executed_notebook_holds_every_earlier_output(
    article, collection, tmp_path
):
    nb = new_notebook(cells=[new_code_cell(PARAMETERS), new_code_cell('print("counted")'),
                             nbformat.v4.new_markdown_cell("Then the notebook looks at itself."),
                             new_code_cell(SEES_ITSELF)])
    nb.cells[0].metadata["tags"] = ["parameters"]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, collection / "02-watch.ipynb")
    out = tmp_path / "reports"
    (result,) = run(article, collection, out)
    assert result.status == "ok", result.error
    executed = nbformat.read(out / "tiny" / "02-watch.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for o in executed.cells[-1].outputs)
    assert printed == "earlier output: counted\nthis cell: running\n"


def test_a_timed_out_notebook_is_kept_with_the_outputs_before_the_cell_it_was_running(
    article, collection, tmp_path
):
    nb = new_notebook(cells=[new_code_cell(PARAMETERS), new_code_cell('print("counted")'),
                             new_code_cell("import time\ntime.sleep(120)")])
    nb.cells[0].metadata["tags"] = ["parameters"]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, collection / "02-hangs.ipynb")
    out = tmp_path / "reports"
    (result,) = run(article, collection, out, timeout=15)
    assert "timed out after 15 s in cell 4 (import time)" in result.error
    (kept,) = (out / "tiny" / "failed").iterdir()
    executed = nbformat.read(kept / "02-hangs.ipynb", as_version=4)
    assert [o.get("text") for o in executed.cells[2].outputs] == ["counted\n"]
