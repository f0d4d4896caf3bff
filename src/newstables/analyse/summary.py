"""Key findings of every analysis on one page, recomputed from the package."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from newstables.analyse import arithmetic, comparison, deal, timeline, voices
from newstables.analyse.notebook import NotebookContext
from newstables.escaping import markdown_text
from newstables.hedges import fmt
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
        implied=arithmetic.implied_figures(art, t.figures),
        checks=arithmetic.consistency_checks(art, t.figures),
        claims=comparison.match_figures(art, t.figures),
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


Row = tuple[str, str, str]  # section, finding, notebook


def _deal_findings(t, found: Findings) -> list[Row]:
    measures = t.measures
    if measures.empty:
        return [("deal", "The article states no commitments (no measures found).",
                 "02-map-the-deal")]
    instruments = measures.sort_values("measure")["instrument"].drop_duplicates()
    novelty = found.novelty["novelty"].value_counts()
    return [
        ("deal", f"{_plural(len(measures), 'commitment')}: {_names(instruments, 8)}.",
         "02-map-the-deal"),
        ("deal", "New versus extended: "
         + _tally(novelty, ("new", "extends existing", "not stated")) + ".", "02-map-the-deal"),
    ]


def _actor_findings(t) -> list[Row]:
    people = t.actors[t.actors["kind"] == "person"]
    most = t.actors.sort_values(["n_mentions", "actor"], ascending=[False, True])["name"]
    return [("actors", f"{_plural(len(t.actors), 'actor')} named "
             f"({_plural(len(people), 'person', 'people')}); most mentioned: "
             f"{_names(most, 3)}.", "02-map-the-deal")]


def _voice_findings(t, found: Findings) -> list[Row]:
    if t.quotes.empty:
        return [("quotes", "The article quotes no one.", "03-read-the-quotes")]
    sp = found.speakers
    named = sp[sp["speaker"] != "unattributed"] if not sp.empty else sp
    share = found.quote_share.set_index("part")["share"].get("quotes", 0.0)
    by_voice = sp.groupby("voice")["words"].sum()
    gov = by_voice.get("government", 0) / max(by_voice.sum(), 1)
    unclassed = by_voice.get("other", 0) / max(by_voice.sum(), 1)
    # a minister the text names without a title is not counted as government: say so
    unknown = (f"; {unclassed:.0%} are from speakers whom the article gives no role or "
               "description that tells whom they speak for" if unclassed else "")
    rows: list[Row] = [
        ("quotes", f"{share:.0%} of the article's words are quoted, from "
         f"{_plural(len(named), 'named speaker')}: "
         + ", ".join(f"{r.speaker} ({_plural(r.words, 'word')})" for r in named.itertuples()) + ".",
         "03-read-the-quotes"),
        ("quotes", f"Government voices speak {gov:.0%} of the quoted words{unknown}.",
         "03-read-the-quotes"),
    ]
    framing = found.framing[found.framing["count"] > 0] if not found.framing.empty \
        else found.framing
    if not framing.empty:
        top = framing.sort_values(["count", "term"], ascending=[False, True]).head(3)
        rows.append(("framing", "Most frequent framing terms: "
                     + ", ".join(f"“{r.term}” ×{r.count}" for r in top.itertuples()) + ".",
                     "03-read-the-quotes"))
    return rows


def _figure_findings(t, found: Findings) -> list[Row]:
    figures = t.figures
    hedged = int((figures["hedge_kind"] != "exact").sum()) if len(figures) else 0
    rows: list[Row] = [("figures", f"{_plural(len(figures), 'figure')} stated, {hedged} of"
                        " them hedged, a range or a vague magnitude.", "04-check-the-figures")]
    for r in found.implied.itertuples():
        rows.append(("figures", f"Implied: {r.arithmetic}"
                     + (f" ({r.period})" if r.period else "") + f", paragraph {r.paragraph}.",
                     "04-check-the-figures"))
    for r in found.checks.itertuples():
        rows.append(("figures", f"Check, paragraph {r.paragraph}: {r.arithmetic}: {r.verdict}.",
                     "04-check-the-figures"))
    return rows


def context_tally(claims: pd.DataFrame) -> str:
    """How the claims were checked, in words: "2 checked against independent sources (1
    consistent with official statistics, 1 matches press reports); 2 circular; ..."."""
    counts = comparison.verdict_counts(claims)
    checked = [f"{counts[v]} {v}" for v in comparison.CHECKED if counts[v]]
    n_checked = comparison.checked_count(claims)
    text = f"{_plural(n_checked, 'claim')} checked against an independent source"
    text += f" ({', '.join(checked)})" if checked else ""
    rest = [f"{counts[v]} {v}" for v in comparison.NOT_CHECKED if counts[v]]
    return text + (f"; {', '.join(rest)}" if rest else "") + "."


def _context_findings(found: Findings) -> list[Row]:
    claims = found.claims
    rows: list[Row] = [("context", context_tally(claims), "05-place-in-context")]
    for r in claims[claims["verdict"].isin(["inconsistent", "differs from press reports",
                                            "differs from other sources"])].itertuples():
        against = "official statistics" if r.verdict == "inconsistent" else r.source_kind
        # whose claim it is, when the article gives it to someone (or withdrew it)
        who = f", stated by {r.stated_by}," if isinstance(r.stated_by, str) and r.stated_by else ""
        rows.append(("context", f"“{r.claim}” (paragraph {r.paragraph}){who} {r.verdict}: "
                     f"{compare_value(r.series_value)} for {r.series_period} in "
                     f"{against} ({r.source_title}).", "05-place-in-context"))
    circular = claims[claims["verdict"] == "circular"]
    if len(circular):
        rows.append(("context", "Only the article's own outlet is recorded as a source for "
                     + ", ".join(f"“{c}”" for c in circular["claim"])
                     + ": not evidence either way.", "05-place-in-context"))
    for r in claims[claims["verdict"] == comparison.SAME_WORDING].itertuples():
        rows.append(("context", f"“{r.claim}” (paragraph {r.paragraph}): the reference it was "
                     f"checked against ({r.source_title}) words it as the article does, most "
                     "likely the same copy: not evidence either way.", "05-place-in-context"))
    return rows


def _timeline_findings(found: Findings) -> list[Row]:
    tl = found.timeline
    article_rows = tl[tl["origin"] == "article"]
    dated = article_rows.dropna(subset=["date_start"])
    if dated.empty:
        return [("timeline", "No dated events resolved.", "06-build-the-timeline")]
    return [("timeline", f"{_plural(len(article_rows), 'dated expression')}, from "
             f"{min(dated['date_start'])} to {max(dated['date_end'].dropna())}.",
             "06-build-the-timeline")]


def key_findings(ctx: NotebookContext, found: Findings) -> pd.DataFrame:
    """One row per finding: section, finding (a sentence with the numbers), notebook."""
    t = ctx.tables
    rows = (_deal_findings(t, found) + _actor_findings(t) + _voice_findings(t, found)
            + _figure_findings(t, found) + _context_findings(found) + _timeline_findings(found))
    return pd.DataFrame(rows, columns=["section", "finding", "notebook"])


def compare_value(value: float) -> str:
    """A series value as a reader writes it."""
    return fmt(value)


SECTION_TITLES = {
    "deal": "Commitments",
    "actors": "Who is named",
    "quotes": "Who speaks",
    "framing": "How it is framed",
    "figures": "The figures",
    "context": "Against reference statistics",
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
