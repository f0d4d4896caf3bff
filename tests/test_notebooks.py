"""Notebook hygiene: one parameters cell, python3 kernel, deterministic committed outputs."""

import json
import re

import papermill
import pytest

from newstables import paths
from newstables.run.refresh import notebook_table, update_readme
from newstables.run.runner import RUNNER_PARAMETERS, notebooks_in

NOTEBOOKS = notebooks_in()
MACHINE_SPECIFIC = re.compile(
    r"/root/|/home/|/tmp/|/work/|/Users/|[A-Z]:\\\\|0x[0-9a-f]{6,}|Traceback"
    r"|\b20[2-9]\d-\d\d-\d\dT\d\d:\d\d"
)


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.name)
def notebook(request):
    return request.param


def test_notebooks_are_named_nn_verb_object(notebook):
    assert re.fullmatch(r"\d\d-[a-z]+(-[a-z]+)*\.ipynb", notebook.name)


def test_exactly_one_parameters_cell(notebook):
    tagged = [
        c for c in code_cells(load(notebook)) if "parameters" in c["metadata"].get("tags", [])
    ]
    assert len(tagged) == 1


def test_parameters_are_typed_commented_literals(notebook):
    params = papermill.inspect_notebook(str(notebook))
    # an article notebook takes the runner's parameters; a corpus notebook, corpus and output_dir
    needed = ("corpus", "output_dir") if "corpus" in params else RUNNER_PARAMETERS
    for name in needed:
        assert name in params
    for name, p in params.items():
        assert p["inferred_type_name"] in {"str", "int", "float", "bool"}, name
        assert p["help"], f"{name} has no trailing comment"


def test_kernelspec_is_python3(notebook):
    assert load(notebook)["metadata"]["kernelspec"]["name"] == "python3"


def test_committed_with_outputs_from_a_clean_run(notebook):
    cells = code_cells(load(notebook))
    assert any(c["outputs"] for c in cells)
    counts = [c["execution_count"] for c in cells]
    assert counts == list(range(1, len(cells) + 1)), "re-run top to bottom: make notebooks"
    for c in cells:
        assert not any(o["output_type"] == "error" for o in c["outputs"])


def test_outputs_hold_nothing_machine_specific(notebook):
    outputs = json.dumps([c["outputs"] for c in code_cells(load(notebook))])
    outputs = re.sub(r'"image/(png|svg\+xml)": "[^"]*"', "", outputs)
    assert not MACHINE_SPECIFIC.search(outputs), MACHINE_SPECIFIC.search(outputs).group(0)


def test_notebooks_import_the_package_not_sys_path(notebook):
    source = "\n".join("".join(c["source"]) for c in code_cells(load(notebook)))
    assert "sys.path" not in source
    assert "import newstables" in source or "from newstables" in source


def test_readme_table_of_notebooks_is_current():
    assert update_readme(check=True) is False, "run: make readme"
    for nb in NOTEBOOKS:
        assert nb.name in notebook_table()


def test_readme_names_the_two_quick_start_commands():
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme


def test_charts_are_saved_in_the_formats_the_notebook_is_given(notebook):
    # Each notebook hands its figure_formats parameter on to where its charts are saved.
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert ("notebook.prepare(article, published, output_dir, figure_formats)" in code
            or ("notebook.chart_formats(figure_formats)" in code
                and "show_figure(fig, out, name, formats)" in code))
