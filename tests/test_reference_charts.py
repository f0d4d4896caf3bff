"""Notebook 05's charts are declared as data: each article gets the charts its claims call for."""

import json

import matplotlib
import papermill as pm

from newstables import article_from_text, paths, reference
from newstables.analyse.comparison import claim_points, match_figures
from newstables.extract.figures import extract_figures
from newstables.reference_charts import charts_for, draw, specs

matplotlib.use("Agg")


def claims_of(text: str, published: str = "2023-03-01"):
    art = article_from_text(text, published=published)
    return art, match_figures(art, extract_figures(art))


def test_every_catalogued_series_but_fixed_facts_has_a_chart():
    drawn = {key for spec in specs() for key in spec.claim_keys}
    catalogue = reference.catalogue()["series"]
    missing = [k for k, s in catalogue.items() if not s.get("static") and k not in drawn]
    assert missing == []
    assert drawn <= set(catalogue)


def test_a_claim_about_channel_crossings_calls_for_the_small_boat_chart():
    _, claims = claims_of("More than 45,700 people crossed the English Channel in small boats "
                          "in 2022.")
    names = [spec.name for spec in charts_for(set(claims["series"]) - {""})]
    assert names == ["context-uk-small-boats-by-year"]


def test_a_chart_marks_its_claims_and_the_publication_date():
    art, claims = claims_of("More than 45,700 people crossed the English Channel in small boats "
                            "in 2022.")
    spec = charts_for(set(claims["series"]))[0]
    points = claim_points(claims, spec.claim_keys, spec.claim_period)
    drawn = draw(spec, points, art.published)
    assert drawn.marked == {1}
    assert set(drawn.rows) == {"uk_small_boat_arrivals_annual"}
    texts = [t.get_text() for t in drawn.fig.axes[0].texts]
    assert any("More than 45,700 (consistent)" in t for t in texts)
    assert any(t.startswith("Published") for t in texts)


def test_notebook_05_draws_the_series_of_an_article_about_another_route(tmp_path):
    article = tmp_path / "asylum-backlog.txt"
    article.write_text("Some 175,000 people were waiting for an initial decision on their "
                       "asylum claims at the end of June 2023, the Home Office said.\n",
                       encoding="utf-8")
    out = tmp_path / "out"
    pm.execute_notebook(str(paths.NOTEBOOKS / "05-place-in-context.ipynb"),
                        str(tmp_path / "05.ipynb"), cwd=str(paths.NOTEBOOKS), progress_bar=False,
                        parameters={"article": str(article), "published": "2023-08-24",
                                    "output_dir": str(out)})
    figures = sorted(p.name for p in (out / "figures").glob("*.png"))
    assert figures == ["context-uk-asylum-backlog.png"]
    executed = json.loads((tmp_path / "05.ipynb").read_text(encoding="utf-8"))
    text = json.dumps([c.get("outputs") for c in executed["cells"]])
    assert "The UK asylum backlog" in text


def test_captions_name_the_first_year_shown_not_a_parameter():
    yearly = [s for s in specs() if s.first_year == "frontex_start_year"]
    assert len(yearly) == 2 and all("from 2016" in s.caption(2016) for s in yearly)
    assert all("{first_year}" not in s.caption(2016) for s in specs())


def test_unjoined_dates_are_points_and_a_total_is_drawn_apart_from_its_routes():
    empty = claim_points(match_figures(*claims_of("Nothing.")), [], "")
    barge = draw(next(s for s in specs() if s.name == "context-bibby-stockholm"), empty, None)
    assert [line.get_linestyle() for line in barge.fig.axes[0].lines] == ["None"]
    routes = draw(next(s for s in specs() if s.name == "context-frontex-routes"), empty, None)
    colours = [line.get_color() for line in routes.fig.axes[0].lines]
    assert colours[0] not in colours[1:]
