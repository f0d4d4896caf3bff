"""Compare a corpus's coverage with DuckDB over the Parquet datasets ``corpus extract`` wrote:
statistics that recur across articles, voices across outlets, verdicts per outlet, coverage
over time. Every query orders its rows completely, so the same corpus gives the same tables.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from newstables.analyse.comparison import CHECKED
from newstables.schema import CORPUS_CLAIMS as CLAIMS
from newstables.schema import CORPUS_MANIFEST as MANIFEST
from newstables.schema import corpus_datasets as table_names

UNKNOWN_OUTLET = "(outlet unknown)"


def connect(folder: str | Path):
    """A DuckDB connection with one view per dataset in ``folder`` (``claims`` if present)."""
    import duckdb

    folder = Path(folder)
    con = duckdb.connect()
    for name in (*table_names(claims=(folder / CLAIMS).is_dir()), MANIFEST):
        files = folder / name / "*.parquet"
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{_quoted(files)}', "
                    "union_by_name = true)")
    return con


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def has_claims(con) -> bool:
    names = {row[0] for row in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}
    return CLAIMS in names


def overview(con) -> pd.DataFrame:
    """One row per article: outlet, date, size and what was extracted from it."""
    return con.sql(f"""
        SELECT a.article, coalesce(a.outlet, '{UNKNOWN_OUTLET}') AS outlet, a.published,
               a.n_paragraphs AS paragraphs, a.n_words AS words,
               (SELECT count(*) FROM figures f WHERE f.article = a.article) AS figures,
               (SELECT count(DISTINCT q.quote) FROM quotes q WHERE q.article = a.article)
                   AS quotes,
               (SELECT count(DISTINCT q.speaker) FROM quotes q WHERE q.article = a.article
                   AND coalesce(q.speaker, '') <> '') AS speakers
        FROM articles a
        ORDER BY a.published NULLS LAST, a.article
    """).df()


def manifest_status(con) -> pd.DataFrame:
    """Articles per manifest status, with the errors' reasons."""
    return con.sql("""
        SELECT status, count(*) AS articles,
               string_agg(CASE WHEN error <> '' THEN article || ': ' || error END, '; '
                          ORDER BY article) AS errors
        FROM manifest GROUP BY status ORDER BY status
    """).df()


def recurring_statistics(con) -> pd.DataFrame:
    """Statements of one statistic (the same reference series and period) in two or more
    articles: what each article stated, its value and hedge, the series value it was checked
    against and that value's source kind (official, press, other); a statement the series
    only bounds or could not check has no series value."""
    if not has_claims(con):
        return pd.DataFrame(columns=["series_title", "period", "article", "outlet", "published",
                                     "claim", "value", "hedge", "series_value", "source_kind",
                                     "verdict", "paragraph"])
    checked = ", ".join(f"'{v}'" for v in CHECKED)
    return con.sql(f"""
        WITH stated AS (
            SELECT c.series, c.series_title,
                   regexp_replace(c.claim_period, ' \\(.*\\)$', '') AS period,
                   c.article, coalesce(a.outlet, '{UNKNOWN_OUTLET}') AS outlet, a.published,
                   c.claim, c.value, coalesce(c.hedge, '') AS hedge,
                   CASE WHEN c.verdict IN ({checked}) THEN c.series_value END AS series_value,
                   CASE WHEN c.verdict IN ({checked}) THEN c.source_kind END AS source_kind,
                   c.verdict, c.paragraph
            FROM claims c JOIN articles a USING (article)
            WHERE coalesce(c.series, '') <> '' AND c.claim_period NOT LIKE '% vs %'
        ), recurring AS (
            SELECT series, period FROM stated GROUP BY series, period
            HAVING count(DISTINCT article) >= 2
        )
        SELECT s.series_title, s.period, s.article, s.outlet, s.published, s.claim, s.value,
               s.hedge, s.series_value, s.source_kind, s.verdict, s.paragraph
        FROM stated s JOIN recurring r USING (series, period)
        ORDER BY s.series_title, s.period, s.published NULLS LAST, s.article, s.paragraph
    """).df()


def drift(recurring: pd.DataFrame) -> pd.DataFrame:
    """One row per recurring statistic: how many articles and outlets state it, the range of
    the stated values, their spread (largest over smallest, minus one), the hedges used, and
    the series value the statements were checked against with its source kind."""
    rows = []
    for (title, period), group in recurring.groupby(["series_title", "period"], sort=True):
        values = group["value"].dropna()
        low, high = (values.min(), values.max()) if len(values) else (None, None)
        hedges = sorted({h for h in group["hedge"] if h}) or ["(none)"]
        checked = group[group["series_value"].notna()]
        rows.append({
            "statistic": title, "period": period, "articles": group["article"].nunique(),
            "outlets": group["outlet"].nunique(), "stated": " · ".join(group["claim"]),
            "lowest": low, "highest": high,
            "spread": (high / low - 1) if low not in (None, 0) else None,
            "hedges": ", ".join(hedges),
            "series_value": checked["series_value"].iloc[0] if len(checked) else None,
            "source_kind": checked["source_kind"].iloc[0] if len(checked) else None,
        })
    return pd.DataFrame(rows, columns=["statistic", "period", "articles", "outlets", "stated",
                                       "lowest", "highest", "spread", "hedges", "series_value",
                                       "source_kind"])


def speakers(con) -> pd.DataFrame:
    """Who is quoted: quotes, words, articles and outlets per named speaker, most quoted first."""
    return con.sql(f"""
        SELECT q.speaker, min(q.role) AS role,
               count(DISTINCT q.article || '/' || q.quote) AS quotes,
               CAST(sum(length(string_split(trim(q.text), ' '))) AS BIGINT) AS words,
               count(DISTINCT q.article) AS articles,
               count(DISTINCT coalesce(a.outlet, '{UNKNOWN_OUTLET}')) AS outlets,
               string_agg(DISTINCT coalesce(a.outlet, '{UNKNOWN_OUTLET}'), '; '
                          ORDER BY coalesce(a.outlet, '{UNKNOWN_OUTLET}')) AS outlet_names
        FROM quotes q JOIN articles a USING (article)
        WHERE coalesce(q.speaker, '') <> ''
        GROUP BY q.speaker
        ORDER BY quotes DESC, words DESC, q.speaker
    """).df()


# The claim verdicts (``analyse.comparison``) in the groups a per-outlet table shows.
VERDICT_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("consistent", ("consistent",)),
    ("inconsistent", ("inconsistent",)),
    ("matches reports", ("matches press reports", "matches other sources")),
    ("differs from reports", ("differs from press reports", "differs from other sources")),
    ("order of magnitude", ("order of magnitude matches", "order of magnitude differs")),
    ("circular", ("circular",)),
    ("same wording", ("same wording as source",)),
    ("not comparable", ("not comparable",)),
    ("cannot check", ("cannot check",)),
)


def verdicts_by_outlet(con) -> pd.DataFrame:
    """Per outlet: figures stated, those matched to a reference series, how many of those the
    outlet gives to someone else ("attributed": a minister's claim, a ministry's figure), and
    their verdicts, grouped as ``VERDICT_GROUPS`` (official consistent/inconsistent apart from
    reports)."""
    groups = [name for name, _ in VERDICT_GROUPS]
    if not has_claims(con):
        return pd.DataFrame(columns=["outlet", "articles", "figures", "matched", "attributed",
                                     *groups])
    columns = {row[0] for row in con.sql("DESCRIBE claims").fetchall()}
    given = "coalesce(c.stated_by, '') <> ''" if "stated_by" in columns else "false"
    counts = ",\n".join(
        "count(*) FILTER (WHERE coalesce(c.series, '') <> '' AND c.verdict IN ("
        + ", ".join(f"'{v}'" for v in verdicts) + f')) AS "{name}"'
        for name, verdicts in VERDICT_GROUPS)
    return con.sql(f"""
        SELECT coalesce(a.outlet, '{UNKNOWN_OUTLET}') AS outlet,
               count(DISTINCT c.article) AS articles, count(*) AS figures,
               count(*) FILTER (WHERE coalesce(c.series, '') <> '') AS matched,
               count(*) FILTER (WHERE coalesce(c.series, '') <> '' AND {given}) AS attributed,
               {counts}
        FROM claims c JOIN articles a USING (article)
        GROUP BY 1 ORDER BY 1
    """).df()


def coverage_by_month(con) -> pd.DataFrame:
    """Articles, outlets, figures and quotes per month of publication."""
    return con.sql(f"""
        SELECT strftime(CAST(a.published AS DATE), '%Y-%m') AS month,
               count(*) AS articles,
               count(DISTINCT coalesce(a.outlet, '{UNKNOWN_OUTLET}')) AS outlets,
               CAST(sum((SELECT count(*) FROM figures f WHERE f.article = a.article)) AS BIGINT)
                   AS figures,
               CAST(sum((SELECT count(DISTINCT q.quote) FROM quotes q
                         WHERE q.article = a.article)) AS BIGINT) AS quotes
        FROM articles a
        WHERE a.published IS NOT NULL AND a.published <> ''
        GROUP BY 1 ORDER BY 1
    """).df()
