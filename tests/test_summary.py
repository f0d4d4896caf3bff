"""The one-page summary: findings recomputed from the package, with their numbers."""

import pandas as pd

from newstables.analyse import notebook, summary


def test_findings_cover_every_section_with_numbers_from_the_tables(tmp_path):
    ctx = notebook.prepare("", "", str(tmp_path / "out"))  # the seed
    found = summary.analyse(ctx)
    findings = summary.key_findings(ctx, found)
    assert {"deal", "actors", "figures", "context", "timeline"} <= set(findings["section"])
    stated = findings[findings["finding"].str.contains("figures stated")]["finding"].iloc[0]
    assert stated.startswith(f"{len(ctx.tables.figures)} figures stated")
    verdicts = summary.comparison.verdict_counts(found.claims)
    context = findings[findings["section"] == "context"]["finding"].iloc[0]
    checked = summary.comparison.checked_count(found.claims)
    assert context.startswith(f"{checked} claim")
    for verdict, n in verdicts.items():
        assert (f"{n} {verdict}" in context) == (n > 0)
    assert "official" not in " ".join(findings["finding"]) or verdicts["consistent"] + \
        verdicts["inconsistent"] > 0


def test_context_tally_counts_only_independent_checks():
    claims = pd.DataFrame(
        {"verdict": ["consistent", "circular", "matches press reports", "not comparable"]})
    text = summary.context_tally(claims)
    assert text.startswith("2 claims checked against an independent source")
    assert "1 circular" in text and "1 not comparable" in text


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


def test_the_government_share_says_how_much_was_said_by_speakers_it_could_not_class(
        write_article, tmp_path):
    # Named without a title, a prime minister is not known to speak for a government.
    path = write_article("Deal agreed\n\n“This is a new chapter,” Rishi Sunak said. “We will "
                         "do our part,” the interior minister, Jane Doe, said.", name="voices")
    ctx = notebook.prepare(str(path), "2024-05-01", str(tmp_path / "out"))
    findings = summary.key_findings(ctx, summary.analyse(ctx))
    line = findings[findings["finding"].str.startswith("Government voices")]["finding"].iloc[0]
    assert line == ("Government voices speak 50% of the quoted words; 50% are from speakers whom "
                    "the article gives no role or description that tells whom they speak for.")
