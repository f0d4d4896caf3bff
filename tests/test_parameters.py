"""Notebook parameters: read from the parameters cell as papermill would, converted to the
declared type, and checked against a declared range before any kernel starts."""

import math

import papermill
import pytest

from newstables import NewstablesError, paths
from newstables.run.parameters import RANGES, convert, declared_parameters


def test_the_parameters_cell_is_read_exactly_as_papermill_inspects_it():
    notebooks = sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    assert notebooks
    for nb in notebooks:
        assert declared_parameters(nb) == papermill.inspect_notebook(str(nb)), nb.name


def test_every_numeric_parameter_of_the_collection_has_a_declared_range():
    numeric = {
        name
        for nb in paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")
        for name, p in declared_parameters(nb).items()
        if p["inferred_type_name"] in ("int", "float")
    }
    assert numeric and numeric <= set(RANGES)


@pytest.mark.parametrize(("name", "value", "kind"), [
    ("tolerance", "nan", "float"), ("tolerance", "inf", "float"), ("tolerance", "1.5", "float"),
    ("log_span", "-inf", "float"), ("log_span", "0.5", "float"),
    ("max_actors", "-5", "int"), ("closeup_months", "-1", "int"),
    ("start_year", "20130", "int"), ("start_year", "1066", "int"),
    ("some_count", "-1", "int"), ("some_ratio", "nan", "float"), ("some_year", "3000", "int"),
])
def test_values_outside_their_range_are_refused_with_the_range(name, value, kind):
    with pytest.raises(NewstablesError, match="out of range: it takes"):
        convert(name, value, kind)


@pytest.mark.parametrize(("value", "kind", "message"), [
    ("five", "int", "is not an integer"), ("2.5", "int", "is not an integer"),
    ("half", "float", "is not a number"), ("yes", "bool", "is not true or false"),
    ("9" * 5000, "int", "is not an integer"),
])
def test_values_of_the_wrong_type_say_what_is_expected(value, kind, message):
    with pytest.raises(NewstablesError, match=message):
        convert("x", value, kind)


def test_values_in_range_take_the_declared_type():
    assert convert("tolerance", "0.1", "float") == 0.1
    assert convert("max_actors", "0", "int") == 0
    assert convert("start_year", " 2016 ", "int") == 2016
    assert convert("flag", "True", "bool") is True
    assert convert("label", "nan", "str") == "nan"
    assert math.isclose(convert("log_span", "1e3", "float"), 1000.0)


@pytest.mark.parametrize(("value", "formats"), [
    ("png,svg", ("png", "svg")), ("svg", ("svg",)), ("png", ("png",)),
    (" SVG , png ", ("png", "svg")),
])
def test_figure_formats_name_png_svg_or_both(value, formats):
    from newstables.figure_formats import parse

    assert convert("figure_formats", value, "str") == value
    assert parse(value) == formats


@pytest.mark.parametrize("value", ["pdf", "", "png,pdf", ",", "jpeg"])
def test_other_figure_formats_are_refused_before_a_run_starts(value):
    with pytest.raises(NewstablesError, match="takes png, svg or png,svg"):
        convert("figure_formats", value, "str")


def test_every_notebook_that_draws_charts_takes_figure_formats_png_and_svg_by_default():
    for nb in paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"):
        declared = declared_parameters(nb)
        assert declared["figure_formats"]["default"] == '"png,svg"', nb.name
