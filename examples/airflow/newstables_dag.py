"""Example Airflow DAGs for newstables (tried with Airflow 3.3 and its papermill provider).

An example, not a dependency of newstables: copy this file into your DAGs folder, install
``apache-airflow-providers-papermill`` in Airflow's environment (``requirements.txt`` beside
this file is the environment it is tested in), and set ``NEWSTABLES_ROOT``
to a newstables checkout prepared with ``make setup`` (its ``.venv`` has the notebooks'
libraries and kernel). The file refuses to load without it, so a missing setting shows as
an import error, never as a run of something else.

- ``newstables_daily`` (06:30 every day): ``python -m newstables run`` over
  ``$NEWSTABLES_ROOT/incoming/`` with the runner's locks, atomic reports and run.json;
  articles whose report is current are skipped and an empty folder is a quiet day.
- ``newstables_notebooks`` (on demand): each notebook as its own PapermillOperator task
  on the article named by the Airflow Variable ``newstables_article`` (a path to a .txt;
  a missing Variable fails the tasks), executed with the project's kernel into
  ``$NEWSTABLES_ROOT/reports/airflow/<run time>/``. The publication date is the article's
  own (its sidecar), never the run date.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta
from pathlib import Path

from airflow.providers.papermill.operators.papermill import PapermillOperator
from airflow.providers.standard.operators.bash import BashOperator
from airflow.sdk import DAG

if not os.environ.get("NEWSTABLES_ROOT"):
    raise RuntimeError("set NEWSTABLES_ROOT to the newstables checkout (prepared with make setup)")
ROOT = Path(os.environ["NEWSTABLES_ROOT"]).resolve()
PYTHON = ROOT / ".venv" / "bin" / "python"
# The kernel spec `make setup` installs in the project's environment: its python runs the
# notebooks, with the project's libraries (not Airflow's own python3 kernel).
JUPYTER_DATA = ROOT / ".venv" / "share" / "jupyter"
KERNEL = "python3"
INCOMING = ROOT / "incoming"  # new articles: <id>.txt (+ <id>.json giving "published")
REPORTS = ROOT / "reports"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def _check_project() -> None:
    spec = JUPYTER_DATA / "kernels" / KERNEL / "kernel.json"
    if not PYTHON.is_file() or not spec.is_file():
        raise RuntimeError(f"{ROOT} has no .venv with its kernel: run make setup there")
    argv = json.loads(spec.read_text(encoding="utf-8"))["argv"]
    if Path(argv[0]).parent.resolve() != PYTHON.parent.resolve():
        raise RuntimeError(f"{spec} does not start {PYTHON}: run make setup in {ROOT}")
    if not NOTEBOOKS:
        raise RuntimeError(f"no notebooks (NN-name.ipynb) in {ROOT / 'notebooks'}")


_check_project()


class ProjectNotebook(PapermillOperator):
    """A notebook executed with the project's kernel into a folder made first (papermill
    does not make the output's folder)."""

    def execute(self, context):
        output = Path(str(self.output_nb))
        output.parent.mkdir(parents=True, exist_ok=True)
        # The project's kernel spec comes first, before Airflow's own python3.
        os.environ["JUPYTER_PATH"] = os.pathsep.join(
            p for p in (str(JUPYTER_DATA), os.environ.get("JUPYTER_PATH", "")) if p
        )
        return super().execute(context)


DEFAULTS = {"retries": 1, "retry_delay": timedelta(minutes=10)}

with DAG(
    dag_id="newstables_daily",
    start_date=datetime(2026, 1, 1),
    schedule="30 6 * * *",
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULTS,
    tags=["newstables"],
) as daily:
    # Exit 0 also for an empty incoming folder or reports that are current; 75 (another run
    # holds a report) fails the try, and the retry comes after it.
    BashOperator(
        task_id="run_incoming",
        bash_command=(
            f"{PYTHON} -m newstables run --article {INCOMING} --out {REPORTS} "
            "--skip-current --jobs 2 --timeout 900"
        ),
        cwd=str(ROOT),
    )

with DAG(
    dag_id="newstables_notebooks",
    start_date=datetime(2026, 1, 1),
    schedule=None,
    catchup=False,
    default_args=DEFAULTS,
    tags=["newstables"],
) as per_notebook:
    out = f"{REPORTS}/airflow/{{{{ ts_nodash }}}}"
    for nb in NOTEBOOKS:
        # No notebook reads another's output: the tasks are independent and run side by side.
        ProjectNotebook(
            task_id=f"notebook_{nb.stem.replace('-', '_')}",
            input_nb=str(nb),
            output_nb=f"{out}/{nb.name}",
            kernel_name=KERNEL,
            parameters={
                "article": "{{ var.value.newstables_article }}",
                "published": "",  # the article's own date, from its sidecar
                "output_dir": out,
            },
        )
