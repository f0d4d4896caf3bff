"""The environment: conda and pip declare the same dependencies, and the lock pins them all."""

import re
import tomllib

from newstables import paths


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def pyproject():
    return tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


# conda-forge names that differ from PyPI's
CONDA_NAMES = {"python-duckdb": "duckdb"}


def conda_dependencies() -> set[str]:
    names, section = set(), None
    for line in (paths.ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        if re.match(r"^[a-z]", line):
            section = line.split(":")[0]
        m = re.match(r"^  - ([A-Za-z0-9_.\-]+)", line)
        if section == "dependencies" and m and m.group(1) not in {"python", "pip"}:
            names.add(_name(CONDA_NAMES.get(m.group(1), m.group(1))))
    return names


def test_environment_yml_and_pyproject_name_the_same_dependencies():
    project = pyproject()
    declared = {_name(r) for r in project["dependencies"]}
    declared |= {_name(r) for r in project["optional-dependencies"]["dev"]}
    assert conda_dependencies() == declared


def test_environment_yml_pins_python_311_and_installs_the_package():
    text = (paths.ROOT / "environment.yml").read_text(encoding="utf-8")
    assert "python=3.11" in text and "-e .[dev]" in text


def test_lock_pins_every_declared_dependency_exactly():
    pins = {}
    for line in (paths.ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"unpinned line in lock: {line}"
            pins[_name(name)] = version
    project = pyproject()
    for requirement in project["dependencies"] + project["optional-dependencies"]["dev"]:
        assert _name(requirement) in pins, f"{requirement} missing from requirements.lock"
