"""Notebook parameters from the command line: converted to the type a notebook declares and
checked against a declared range, so a run never starts on a value no notebook can use."""

from __future__ import annotations

import ast
import json
import math
from dataclasses import dataclass
from pathlib import Path

from newstables import figure_formats
from newstables.errors import NewstablesError


@dataclass(frozen=True)
class Range:
    """Closed range ``[low, high]`` a numeric parameter must fall in, and what it means."""

    low: float
    high: float
    meaning: str

    def describe(self) -> str:
        return f"{self.low:g} to {self.high:g} ({self.meaning})"


YEARS = Range(1900, 2100, "a calendar year")
COUNT = Range(0, 1_000_000, "a count")
# Ranges of the collection's parameters; the README's table says what each means.
RANGES: dict[str, Range] = {
    "tolerance": Range(0, 1, "a relative difference"),
    "log_span": Range(1, 1e12, "a ratio of largest to smallest value"),
    "min_co_mentions": Range(1, 1_000_000, "a number of sentences"),
    "max_actors": Range(0, 1_000_000, "a number of actors; 0 means all"),
    "min_phrase_count": Range(1, 1_000_000, "a number of occurrences"),
    "max_phrases": Range(0, 1_000_000, "a number of rows"),
    "max_terms": Range(0, 1_000_000, "a number of terms"),
    "start_year": YEARS,
    "frontex_start_year": YEARS,
    "context_months": Range(0, 1200, "a number of months"),
    "closeup_months": Range(0, 1200, "a number of months"),
    "min_articles": Range(1, 1_000_000, "a number of articles"),
    "max_speakers": Range(0, 1_000_000, "a number of speakers; 0 means all"),
}
# Text parameters that take only some values: each checker raises a one-line error.
TEXT_CHECKS = {"figure_formats": figure_formats.parse}
FINITE = Range(-1e300, 1e300, "a finite number")
_ARTICLES = {"int": "an integer", "float": "a number", "bool": "true or false"}


def range_of(name: str, kind: str) -> Range | None:
    """The declared range of a numeric parameter; undeclared ones: counts are non-negative,
    ``*year`` names are years, other numbers finite."""
    if name in RANGES:
        return RANGES[name]
    if kind == "int":
        return YEARS if name.endswith("year") else COUNT
    if kind == "float":
        return FINITE
    return None


def convert(name: str, value: str, kind: str) -> object:
    """``value`` as ``kind`` (int, float, bool or str), inside its range; else a one-line
    NewstablesError naming the parameter and what it accepts."""
    if kind not in _ARTICLES:  # text: as given, checked where only some values are taken
        if name in TEXT_CHECKS:
            TEXT_CHECKS[name](value)
        return value
    text = value.strip()
    try:
        if kind == "int":
            converted: object = int(text)
        elif kind == "float":
            converted = float(text)
        else:
            converted = {"true": True, "false": False}[text.lower()]
    except (KeyError, ValueError):
        raise NewstablesError(
            f"parameter {name}={value[:40]!r} is not {_ARTICLES[kind]}"
        ) from None
    limits = range_of(name, kind)
    if limits is not None and not isinstance(converted, bool):
        number = float(converted)  # type: ignore[arg-type]
        if not math.isfinite(number) or not limits.low <= number <= limits.high:
            raise NewstablesError(
                f"parameter {name}={value[:40]!r} is out of range: it takes "
                f"{limits.describe()}"
            )
    return converted


def declared_parameters(notebook: Path) -> dict[str, dict]:
    """The parameters a notebook's ``parameters`` cell declares, in papermill's inspection
    format (name, inferred_type_name, default, help), read with ``ast`` without importing
    papermill: the cell holds literals only (``name: type = value  # help``)."""
    try:
        nb = json.loads(notebook.read_text(encoding="utf-8"))
        cells = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise NewstablesError(f"{notebook.name}: not a readable notebook ({exc})") from None
    if not cells:
        return {}
    source = cells[0]["source"]
    source = "".join(source) if isinstance(source, list) else str(source)
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise NewstablesError(f"{notebook.name}: parameters cell line {exc.lineno} is not "
                              "Python") from None
    lines = source.splitlines()
    found: dict[str, dict] = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            name, value = node.target.id, node.value
            kind = node.annotation.id if isinstance(node.annotation, ast.Name) else "None"
        elif (isinstance(node, ast.Assign) and len(node.targets) == 1
              and isinstance(node.targets[0], ast.Name)):
            name, value, kind = node.targets[0].id, node.value, "None"
        else:
            continue
        line = lines[node.lineno - 1]
        comment = line.split("#", 1)[1].strip() if "#" in line[node.end_col_offset:] else ""
        default = ast.get_source_segment(source, value) if value is not None else "None"
        found[name] = {"name": name, "inferred_type_name": kind, "default": default,
                       "help": comment}
    return found
