"""The example Airflow DAGs, tried with the real Airflow in its own throwaway environment
(``make airflow-env``; not a dependency of newstables): they load, a notebook task runs with
the project's kernel into a folder it makes, the daily run treats an empty incoming folder
as a quiet day, and missing settings fail loudly."""

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from newstables import paths

AIRFLOW_VENV = Path(os.environ.get("NEWSTABLES_AIRFLOW_VENV", paths.ROOT / ".airflow-venv"))
DAG_FILE = paths.ROOT / "examples" / "airflow" / "newstables_dag.py"
NOTEBOOK_TASK = "notebook_01_read_the_article"

if not (AIRFLOW_VENV / "bin" / "airflow").is_file():
    if os.environ.get("CI"):
        raise RuntimeError(f"CI needs the Airflow environment {AIRFLOW_VENV}: make airflow-env")
    pytest.skip("no Airflow environment (make airflow-env)", allow_module_level=True)


@pytest.fixture(scope="module")
def airflow():
    """An Airflow home with its database, a DAGs folder holding the example, and a
    newstables root (the project's .venv and notebooks, its own incoming/ and reports/)."""
    base = Path(tempfile.mkdtemp(prefix="nt-airflow-", dir="/tmp"))
    root = base / "newstables"
    root.mkdir()
    for name in (".venv", "notebooks"):
        (root / name).symlink_to(paths.ROOT / name)
    (root / "incoming").mkdir()
    (base / "dags").mkdir()
    shutil.copy(DAG_FILE, base / "dags")
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(base / "home"),
        "AIRFLOW__CORE__DAGS_FOLDER": str(base / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "NEWSTABLES_ROOT": str(root),
        "AIRFLOW_VAR_NEWSTABLES_ARTICLE": str(paths.SEED_ARTICLE),
    }
    for name in ("VIRTUAL_ENV", "PYTHONPATH", "JUPYTER_PATH"):
        env.pop(name, None)
    airflow_cli(env, "db", "migrate")
    yield env, root
    shutil.rmtree(base, ignore_errors=True)


def airflow_cli(env, *args, check=True):
    out = subprocess.run([str(AIRFLOW_VENV / "bin" / "airflow"), *args], env=env,
                         capture_output=True, text=True, timeout=600, cwd="/")
    if check:
        assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    return out


def task_state(out) -> str:
    """The state `airflow tasks test` left the task in (its exit status is 0 either way)."""
    states = re.findall(r"new_state=(\w+)", out.stdout + out.stderr)
    return states[-1] if states else "unknown"


def load_dags(env):
    script = (
        "import json\n"
        "from airflow.dag_processing.dagbag import DagBag\n"
        "bag = DagBag()\n"
        "print(json.dumps({'errors': [str(e) for e in bag.import_errors.values()],\n"
        "  'dags': {d: sorted(t.task_id for t in bag.dags[d].tasks) for d in bag.dags}}))\n"
    )
    out = subprocess.run([str(AIRFLOW_VENV / "bin" / "python"), "-c", script], env=env,
                         capture_output=True, text=True, timeout=300, cwd="/")
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_airflow_environment_is_separate_from_the_project():
    out = subprocess.run([str(AIRFLOW_VENV / "bin" / "python"), "-c", "import newstables"],
                         capture_output=True, timeout=60, cwd="/")
    assert out.returncode != 0, "newstables must not be importable in Airflow's environment"


def test_the_dags_load_with_one_task_per_notebook(airflow):
    env, _ = airflow
    loaded = load_dags(env)
    assert loaded["errors"] == []
    notebooks = sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    assert loaded["dags"] == {
        "newstables_daily": ["run_incoming"],
        "newstables_notebooks": sorted(
            f"notebook_{nb.stem.replace('-', '_')}" for nb in notebooks),
    }


def test_without_newstables_root_the_dag_file_fails_to_load(airflow):
    env, _ = airflow
    loaded = load_dags({k: v for k, v in env.items() if k != "NEWSTABLES_ROOT"})
    assert len(loaded["errors"]) == 1 and "NEWSTABLES_ROOT" in loaded["errors"][0]


def test_a_notebook_task_runs_with_the_project_kernel_into_a_new_folder(airflow):
    env, root = airflow
    out = airflow_cli(env, "tasks", "test", "newstables_notebooks", NOTEBOOK_TASK, "2026-01-02")
    assert task_state(out) == "success", out.stdout[-3000:]
    (executed,) = (root / "reports" / "airflow").glob("*/01-read-the-article.ipynb")
    nb = json.loads(executed.read_text())
    (injected,) = ["".join(c["source"]) for c in nb["cells"]
                   if "injected-parameters" in c["metadata"].get("tags", [])]
    assert 'published = ""' in injected and str(paths.SEED_ARTICLE) in injected
    errors = [o for c in nb["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors and nb["metadata"]["papermill"]["exception"] is None


def test_a_notebook_task_without_the_article_variable_fails(airflow):
    env, _ = airflow
    env = {k: v for k, v in env.items() if k != "AIRFLOW_VAR_NEWSTABLES_ARTICLE"}
    out = airflow_cli(env, "tasks", "test", "newstables_notebooks", NOTEBOOK_TASK, "2026-01-03",
                      check=False)
    assert task_state(out) in ("failed", "up_for_retry")
    assert "Variable newstables_article not found" in out.stdout + out.stderr


def test_the_daily_task_on_an_empty_incoming_folder_succeeds(airflow):
    env, root = airflow
    out = airflow_cli(env, "tasks", "test", "newstables_daily", "run_incoming", "2026-01-02")
    assert task_state(out) == "success", out.stdout[-3000:]
    assert "nothing to run" in out.stdout + out.stderr


def test_the_daily_task_reports_a_new_article_then_skips_it_while_current(airflow):
    env, root = airflow
    for suffix in (".txt", ".json"):
        shutil.copy(paths.SEED_ARTICLE.with_suffix(suffix), root / "incoming")
    first = airflow_cli(env, "tasks", "test", "newstables_daily", "run_incoming", "2026-01-04")
    assert task_state(first) == "success", first.stdout[-3000:]
    report = root / "reports" / paths.SEED_ID
    record = json.loads((report / "run.json").read_text())
    assert record["status"] == "ok" and record["parameters"]["published"] == "2023-08-09"
    again = airflow_cli(env, "tasks", "test", "newstables_daily", "run_incoming", "2026-01-05")
    assert task_state(again) == "success" and "current:" in again.stdout + again.stderr
    assert json.loads((report / "run.json").read_text()) == record
