"""Key findings of every analysis on one page, recomputed from the package."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from newstables import checks, compare, deal, timeline, voices
from newstables.context import NotebookContext
from newstables.escaping import markdown_text
from newstables.reference import load_reference


@dataclass(frozen=True)
class Findings:
    """The analyses behind the summary, each a table the other notebooks show in full."""

    speakers: pd.DataFrame
    quote_share: pd.DataFrame
    framing: pd.DataFrame
    novelty: pd.DataFrame
    implied: pd.DataFrame
    checks: pd.DataFrame
    claims: pd.DataFrame
    timeline: pd.DataFrame


def analyse(ctx: NotebookContext) -> Findings:
    """Run every analysis on the context's article."""
    art, t = ctx.article, ctx.tables
    return Findings(
        speakers=voices.speakers(t.quotes, t.actors, t.mentions, art),
        quote_share=voices.quote_share(art, t.quotes),
        framing=voices.framing_summary(voices.framing(art, t.quotes)),
        novelty=deal.novelty(art, t.measures),
        implied=checks.implied_figures(art, t.figures),
        checks=checks.consistency_checks(art, t.figures),
        claims=compare.match_figures(art, t.figures),
        timeline=timeline.timeline(art, t.events, load_reference("events_timeline")),
    )


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _tally(counts, keys: tuple[str, ...]) -> str:
    """ "3 new, 1 extends existing, 0 not stated": every key, in order, with its count."""
    return ", ".join(f"{counts.get(k, 0)} {k}" for k in keys)


def _names(values: pd.Series, limit: int = 4) -> str:
    names = [str(v) for v in values.head(limit)]
    return ", ".join(names) if names else "none"


def key_findings(ctx: NotebookContext, found: Findings) -> pd.DataFrame:
    """One row per finding: section, finding (a sentence with the numbers), notebook."""
    t = ctx.tables
    rows: list[tuple[str, str, str]] = []

    # The deal
    measures = t.measures
    if measures.empty:
        rows.append(
            ("deal", "The article states no commitments (no measures found).", "02-map-the-deal")
        )
    else:
        instruments = measures.sort_values("measure")["instrument"].drop_duplicates()
        rows.append(
            (
                "deal",
                f"{_plural(len(measures), 'commitment')}: {_names(instruments, 8)}.",
                "02-map-the-deal",
            )
        )
        novelty = found.novelty["novelty"].value_counts()
        rows.append(
            (
                "deal",
                "New versus extended: "
                + _tally(novelty, ("new", "extends existing", "not stated"))
                + ".",
                "02-map-the-deal",
            )
        )
    people = t.actors[t.actors["kind"] == "person"]
    most = t.actors.sort_values(["n_mentions", "actor"], ascending=[False, True])["name"]
    rows.append(
        (
            "actors",
            f"{_plural(len(t.actors), 'actor')} named "
            f"({_plural(len(people), 'person', 'people')}); most mentioned: "
            f"{_names(most, 3)}.",
            "02-map-the-deal",
        )
    )

    # The voices
    sp = found.speakers
    named = sp[sp["speaker"] != "unattributed"] if not sp.empty else sp
    if t.quotes.empty:
        rows.append(("quotes", "The article quotes no one.", "03-read-the-quotes"))
    else:
        share = found.quote_share.set_index("part")["share"].get("quotes", 0.0)
        rows.append(
            (
                "quotes",
                f"{share:.0%} of the article's words are quoted, from "
                f"{_plural(len(named), 'named speaker')}: "
                + ", ".join(f"{r.speaker} ({r.words} words)" for r in named.itertuples())
                + ".",
                "03-read-the-quotes",
            )
        )
        by_voice = sp.groupby("voice")["words"].sum()
        gov = by_voice.get("government", 0) / max(by_voice.sum(), 1)
        rows.append(
            (
                "quotes",
                f"Government voices speak {gov:.0%} of the quoted words.",
                "03-read-the-quotes",
            )
        )
    framing = (
        found.framing[found.framing["count"] > 0] if not found.framing.empty else found.framing
    )
    if not framing.empty:
        top = framing.sort_values(["count", "term"], ascending=[False, True]).head(3)
        rows.append(
            (
                "framing",
                "Most frequent framing terms: "
                + ", ".join(f"“{r.term}” ×{r.count}" for r in top.itertuples())
                + ".",
                "03-read-the-quotes",
            )
        )

    # The figures
    figures = t.figures
    hedged = int(figures["approximate"].fillna(False).astype(bool).sum()) if len(figures) else 0
    rows.append(
        (
            "figures",
            f"{_plural(len(figures), 'figure')} stated, {hedged} of them hedged or approximate.",
            "04-check-the-figures",
        )
    )
    for r in found.implied.itertuples():
        rows.append(
            (
                "figures",
                f"Implied: {r.arithmetic}"
                + (f" ({r.period})" if r.period else "")
                + f", paragraph {r.paragraph}.",
                "04-check-the-figures",
            )
        )
    for r in found.checks.itertuples():
        rows.append(
            (
                "figures",
                f"Check, paragraph {r.paragraph}: {r.arithmetic}: {r.verdict}.",
                "04-check-the-figures",
            )
        )

    # Against official series
    counts = compare.verdict_counts(found.claims)
    rows.append(
        (
            "context",
            "Against official series: "
            + _tally(counts, ("consistent", "inconsistent", "cannot check"))
            + ".",
            "05-place-in-context",
        )
    )
    bad = found.claims[found.claims["verdict"] == "inconsistent"]
    for r in bad.itertuples():
        rows.append(
            (
                "context",
                f"Inconsistent: “{r.claim}” (paragraph {r.paragraph}) against "
                f"{compare_value(r.series_value)} for {r.series_period} "
                f"({r.source_title}).",
                "05-place-in-context",
            )
        )

    # The timeline
    tl = found.timeline
    article_rows = tl[tl["origin"] == "article"]
    dated = article_rows.dropna(subset=["date_start"])
    if dated.empty:
        rows.append(("timeline", "No dated events resolved.", "06-build-the-timeline"))
    else:
        rows.append(
            (
                "timeline",
                f"{_plural(len(article_rows), 'dated expression')}, from "
                f"{min(dated['date_start'])} to {max(dated['date_end'].dropna())}.",
                "06-build-the-timeline",
            )
        )
    return pd.DataFrame(rows, columns=["section", "finding", "notebook"])


def compare_value(value: float) -> str:
    """A series value as a reader writes it."""
    return f"{value:,.0f}" if float(value).is_integer() or abs(value) >= 100 else f"{value:,.2f}"


SECTION_TITLES = {
    "deal": "Commitments",
    "actors": "Who is named",
    "quotes": "Who speaks",
    "framing": "How it is framed",
    "figures": "The figures",
    "context": "Against official series",
    "timeline": "When",
}


def as_markdown(findings: pd.DataFrame) -> str:
    """The findings as a Markdown list under one heading per section."""
    lines: list[str] = []
    for section, group in findings.groupby("section", sort=False):
        notebook = group["notebook"].iloc[0]
        lines.append(f"**{SECTION_TITLES.get(section, section)}** (`{notebook}`)\n")
        lines.extend(f"- {markdown_text(finding)}" for finding in group["finding"])
        lines.append("")
    return "\n".join(lines)
