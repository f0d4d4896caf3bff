"""Example Airflow DAG: run the newstables collection daily on each new article.

An example, not a dependency of newstables: copy it into your Airflow deployment, install
newstables and apache-airflow-providers-papermill there, and set NEWSTABLES_ROOT.

Each notebook runs through Airflow's PapermillOperator with the same three parameters the
newstables runner passes (article, published, output_dir). For the runner's atomic report
swap, run.json and index.html, prefer the BashOperator task at the end, which calls
``python -m newstables run`` and exits non-zero if any notebook fails.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.providers.papermill.operators.papermill import PapermillOperator

ROOT = Path(os.environ.get("NEWSTABLES_ROOT", "/opt/newstables"))
INCOMING = ROOT / "incoming"  # new articles: <id>.txt (+ <id>.json with "published")
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))

with DAG(
    dag_id="newstables_daily",
    start_date=datetime(2026, 1, 1),
    schedule="30 6 * * *",
    catchup=False,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=10)},
    tags=["newstables"],
) as dag:
    # One PapermillOperator per notebook for one article: the papermill operator's way.
    article = "{{ var.value.get('newstables_article', '') }}"
    out = str(ROOT / "reports" / "airflow" / "{{ ds }}")
    per_notebook = [
        PapermillOperator(
            task_id=f"notebook_{nb.stem.replace('-', '_')}",
            input_nb=str(nb),
            output_nb=f"{out}/{nb.name}",
            parameters={"article": article, "published": "{{ ds }}", "output_dir": out},
        )
        for nb in NOTEBOOKS
    ]

    # The whole collection over the incoming folder, with atomic reports and run.json.
    collection = BashOperator(
        task_id="newstables_run",
        bash_command=(
            f"cd {ROOT} && .venv/bin/python -m newstables run --article {INCOMING} "
            f"--out {ROOT / 'reports'} --jobs 2 --timeout 900"
        ),
    )
