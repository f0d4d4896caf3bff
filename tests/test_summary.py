"""The one-page summary: findings recomputed from the package, with their numbers."""

from newstables.analyse import notebook, summary


def test_findings_cover_every_section_with_numbers_from_the_tables():
    ctx = notebook.prepare()  # the seed, outputs under reports/interactive
    found = summary.analyse(ctx)
    findings = summary.key_findings(ctx, found)
    assert {"deal", "actors", "figures", "context", "timeline"} <= set(findings["section"])
    stated = findings[findings["finding"].str.contains("figures stated")]["finding"].iloc[0]
    assert stated.startswith(f"{len(ctx.tables.figures)} figures stated")
    verdicts = summary.comparison.verdict_counts(found.claims)
    line = findings[findings["finding"].str.startswith("Against official series")]["finding"]
    assert f"{verdicts.get('consistent', 0)} consistent" in line.iloc[0]


def test_an_article_without_quotes_or_measures_says_so(write_article, tmp_path):
    path = write_article("Officials met on Monday to discuss the weather.", name="quiet")
    ctx = notebook.prepare(str(path), "2024-05-01", str(tmp_path / "out"))
    findings = summary.key_findings(ctx, summary.analyse(ctx))
    text = " ".join(findings["finding"])
    assert "quotes no one" in text and "no commitments" in text


def test_markdown_groups_findings_under_section_titles(write_article, tmp_path):
    path = write_article("The ministry said 40 people were moved last year.", name="tiny")
    ctx = notebook.prepare(str(path), "2024-05-01", str(tmp_path / "out"))
    md = summary.as_markdown(summary.key_findings(ctx, summary.analyse(ctx)))
    assert "**The figures**" in md and md.count("\n- ") >= 3
