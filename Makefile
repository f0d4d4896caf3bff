# newstables: `make help` lists the targets.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
ARTICLE ?= seeds/turkiye-uk-deal-2023.txt
# The kernel as the committed notebooks name it, so saving one from JupyterLab changes nothing.
KERNEL  := $(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3"

.DEFAULT_GOAL := help
.PHONY: help setup run test lint notebooks lab bench lock readme clean airflow-env

help:  ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found; install Python 3.11 or run make PYTHON=/path/to/python3.11" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(KERNEL) >/dev/null
	@touch $(STAMP)

setup: $(STAMP)  ## create .venv from the pinned lock (done by run and test when needed)

run: $(STAMP)  ## run every notebook on the seed article; report in reports/<article id>/
	$(PY) -m newstables run --article $(ARTICLE)

test: $(STAMP)  ## run the package tests and nbval on the committed notebooks
	$(PY) -m pytest -rs tests
	$(PY) -m pytest --nbval --nbval-current-env -p no:cacheprovider notebooks

lint:  $(STAMP) ## ruff over the package, tests, benchmarks and notebooks
	$(PY) -m ruff check src tests benchmarks notebooks

notebooks: $(STAMP)  ## re-execute the committed notebooks in place to refresh their outputs
	$(PY) -m newstables refresh

lab: $(STAMP)  ## open the notebooks in JupyterLab
	@$(KERNEL) >/dev/null
	$(VENV)/bin/jupyter lab notebooks

bench: $(STAMP)  ## measure extraction quality and speed
	$(PY) benchmarks/extraction.py $(if $(POLNEAR),--polnear $(POLNEAR))

readme: $(STAMP)  ## regenerate the README's table of notebooks and parameters
	$(PY) -m newstables readme

lock:  ## re-resolve the pinned lock from pyproject.toml (needs network)
	rm -rf .lockvenv && $(PYTHON) -m venv .lockvenv
	.lockvenv/bin/pip install --quiet --upgrade setuptools
	.lockvenv/bin/pip install --quiet -e '.[dev]'
	{ echo "# Pinned versions of every package in the environment (Python 3.11). Regenerate with: make lock"; \
	  .lockvenv/bin/pip freeze --all --exclude-editable | grep -v '^pip=='; } > requirements.lock
	rm -rf .lockvenv

airflow-env: .airflow-venv/.installed  ## a throwaway Airflow environment the example DAG is tested in

.airflow-venv/.installed: examples/airflow/requirements.txt
	rm -rf .airflow-venv && $(PYTHON) -m venv .airflow-venv
	.airflow-venv/bin/pip install --quiet --disable-pip-version-check --no-deps -r examples/airflow/requirements.txt
	@touch $@

clean:  ## remove .venv and reports/
	rm -rf $(VENV) reports .airflow-venv
