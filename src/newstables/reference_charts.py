"""Charts of reference series with an article's claims on them, declared as data.

``lexicons/reference_charts.json`` lists the charts: which catalogued series each draws, in
which layout (years, months, dates, year_to_date), with which labels. ``charts_for`` picks
the charts an article's claims call for; ``draw`` draws one, given the claim points to
mark (``analyse.comparison.claim_points``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from newstables import charts, reference
from newstables.lexicon import load_json


@dataclass(frozen=True)
class ChartSpec:
    """One chart of ``reference_charts.json``."""

    name: str
    heading: str
    text: str
    layout: str
    style: str
    series: tuple[dict[str, Any], ...]
    claims_from: tuple[str, ...] = ()
    x_label: str = ""
    y_label: str = ""
    title: str = ""
    first_year: str = ""
    claim_period: str = ""
    note: str = ""
    hollow_low_confidence: bool = False
    joined: bool = True

    def caption(self, first_year: int | None = None) -> str:
        """The chart's text, with the first year shown in place of '{first_year}'."""
        return self.text.replace("{first_year}", str(first_year) if first_year else
                                 "the first year of the series")

    @property
    def keys(self) -> list[str]:
        """The series drawn."""
        return [s["key"] for s in self.series]

    @property
    def claim_keys(self) -> list[str]:
        """The series whose claims are marked: those drawn and those in ``claims_from``."""
        return self.keys + [k for k in self.claims_from if k not in self.keys]


@dataclass
class Drawn:
    """A drawn chart: the figure, the reference rows drawn (series key -> rows), the ids of
    the figures marked on it."""

    fig: Figure
    rows: dict[str, pd.DataFrame] = field(default_factory=dict)
    marked: set[int] = field(default_factory=set)


def specs() -> list[ChartSpec]:
    """Every declared chart, in order."""
    return [ChartSpec(**{**c, "series": tuple(c["series"]),
                         "claims_from": tuple(c.get("claims_from", ()))})
            for c in load_json("reference_charts.json")["charts"]]


def charts_for(series_keys: set[str]) -> list[ChartSpec]:
    """The charts that draw (or mark claims of) any of ``series_keys``."""
    return [spec for spec in specs() if series_keys & set(spec.claim_keys)]


THOUSANDS = FuncFormatter(lambda v, _pos: f"{v:,.0f}")


def _year_position(ts: pd.Timestamp) -> float:
    """A date on a yearly axis: year Y spans Y-0.5 to Y+0.5."""
    days = 366 if ts.is_leap_year else 365
    return ts.year - 0.5 + (ts.day_of_year - 0.5) / days


def _by_year(df: pd.DataFrame, first: int | None) -> pd.Series:
    """A yearly series on every year of its span (gaps as NaN, so lines break there)."""
    values = df.set_index(pd.to_datetime(df["end"]).dt.year)["value"]
    values = values[~values.index.duplicated(keep="first")]
    if first is not None:
        values = values[values.index >= first]
    if values.empty:
        return values
    return values.reindex(range(values.index.min(), values.index.max() + 1))


# A series' points are drawn over the claims' diamonds (zorder 5), so a reference value at a
# claim's place shows inside it instead of under it; the claims' labels stay on top (6).
_ABOVE_CLAIMS = 5.5


def _colour(series: dict[str, Any], position: int) -> str:
    """A series' colour: 'ink' (a total), a palette entry, or the one at its position."""
    choice = series.get("colour", position)
    return charts.INK if choice == "ink" else charts.PALETTE[choice % len(charts.PALETTE)]


def _years(ax, spec: ChartSpec, rows: dict[str, pd.DataFrame], first: int | None,
           points: pd.DataFrame, pub: pd.Timestamp | None, pub_label: str) -> None:
    span: list[int] = []
    for i, s in enumerate(spec.series):
        values = _by_year(rows[s["key"]], first)
        colour = _colour(s, i)
        if spec.style == "bars" and i == 0:
            ax.bar(values.index, values.to_numpy(), width=0.7, color=colour, label=s["label"])
        else:
            hollow = bool(s.get("hollow"))
            ax.plot(values.index, values.to_numpy(), color=colour, marker=s.get("marker", "o"),
                    linestyle="none" if hollow else "-", markersize=5,
                    markerfacecolor="white" if hollow else colour, label=s["label"],
                    zorder=_ABOVE_CLAIMS)
        span += list(values.index)
    charts.draw_claims(ax, points, x=[t.year for t in points["x"]])
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    if pub is not None and span and min(span) - 0.5 <= _year_position(pub) <= max(span) + 0.5:
        charts.draw_published(ax, _year_position(pub), pub_label)


def _months(ax, spec: ChartSpec, rows: dict[str, pd.DataFrame], points: pd.DataFrame,
            pub: pd.Timestamp | None, pub_label: str) -> None:
    df = rows[spec.keys[0]]
    starts = pd.to_datetime(df["start"])
    ax.bar(starts + pd.Timedelta(days=15), df["value"], width=24, color=charts.PALETTE[0],
           label=spec.series[0]["label"])
    charts.draw_claims(ax, points, x=[t - pd.Timedelta(days=15) for t in points["x"]])
    if pub is not None and starts.min() <= pub <= pd.Timestamp(df["end"].max()):
        charts.draw_published(ax, pub, pub_label)


def _dates(ax, spec: ChartSpec, rows: dict[str, pd.DataFrame], points: pd.DataFrame,
           pub: pd.Timestamp | None, pub_label: str) -> None:
    ends = []
    for i, s in enumerate(spec.series):
        df = rows[s["key"]]
        dates = pd.to_datetime(df["end"])
        colour = _colour(s, i)
        low = df["confidence"].eq("low") if spec.hollow_low_confidence else dates.isna()
        ax.plot(dates[~low], df.loc[~low, "value"], color=colour, marker="o",
                markersize=3 if spec.joined else 5, linestyle="-" if spec.joined else "none",
                label=s["label"], zorder=_ABOVE_CLAIMS)
        if low.any():
            ax.plot(dates[low], df.loc[low, "value"], color=colour, marker="o", markersize=5,
                    markerfacecolor="white", linestyle="none",
                    label="Low-confidence figure (not joined)")
        ends += list(dates)
    charts.draw_claims(ax, points)
    if pub is not None and ends and min(ends) <= pub <= max(ends):
        charts.draw_published(ax, pub, pub_label)


def _year_to_date(ax, spec: ChartSpec, rows: dict[str, pd.DataFrame], points: pd.DataFrame,
                  pub: pd.Timestamp | None, pub_label: str) -> None:
    df = rows[spec.keys[0]]
    ends = pd.to_datetime(df["end"])
    years = set(ends.dt.year)
    highlight = pub.year if pub is not None and pub.year in years else int(max(years))
    line_ends = []
    for year, part in df.groupby(ends.dt.year):
        x = [0, *pd.to_datetime(part["end"]).dt.day_of_year]
        y = [0, *part["value"]]
        mine = year == highlight
        ax.plot(x, y, color=charts.PALETTE[0] if mine else "#bbbbbb",
                linewidth=2.4 if mine else 1.2, zorder=3 if mine else 2,
                label=f"{year}" if mine else None)
        line_ends.append((y[-1], x[-1], year, mine))
    # Year labels at the line ends, nudged apart so that close totals stay readable.
    gap = max(v for v, *_ in line_ends) * 0.045
    placed: list[float] = []
    for value, x_end, year, mine in sorted(line_ends):
        label_y = max(value, placed[-1] + gap) if placed else value
        placed.append(label_y)
        ax.annotate(str(year), xy=(x_end, value), xytext=(x_end + 6, label_y), fontsize=8,
                    va="center", color=charts.PALETTE[0] if mine else charts.MUTED)
    charts.draw_claims(ax, points, x=[t.day_of_year for t in points["x"]])
    if pub is not None and pub.year == highlight:
        charts.draw_published(ax, pub.day_of_year, pub_label)
    month_starts = pd.date_range("2001-01-01", periods=12, freq="MS")
    ax.set_xticks(month_starts.day_of_year, [m.strftime("%b") for m in month_starts])
    ax.set_xlim(0, 380)


def draw(spec: ChartSpec, points: pd.DataFrame, published: Any = None,
         first_year: int | None = None) -> Drawn:
    """Draw ``spec`` with the claim ``points`` marked and the publication date, if any."""
    rows = {key: reference.series(key) for key in spec.keys}
    pub = pd.Timestamp(published) if published else None
    pub_label = f"Published {pub.day} {pub:%b %Y}" if pub is not None else ""
    fig, ax = plt.subplots()
    if spec.layout == "years":
        _years(ax, spec, rows, first_year, points, pub, pub_label)
    elif spec.layout == "months":
        _months(ax, spec, rows, points, pub, pub_label)
    elif spec.layout == "year_to_date":
        _year_to_date(ax, spec, rows, points, pub, pub_label)
    else:
        _dates(ax, spec, rows, points, pub, pub_label)
    ax.set_xlabel(spec.x_label)
    ax.set_ylabel(spec.y_label)
    ax.set_title(spec.title or spec.heading)
    _finish(fig, ax, spec)
    return Drawn(fig, rows, set(points["figure"]))


def _finish(fig: Figure, ax, spec: ChartSpec) -> None:
    ax.yaxis.set_major_formatter(THOUSANDS)
    ax.set_ylim(0, ax.get_ylim()[1] * 1.15)  # room for the claim labels
    # The legend sits between the title and the chart, clear of the data and the labels.
    handles, labels = ax.get_legend_handles_labels()
    ncol = min(3, len(labels)) or 1
    if labels:
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=ncol, fontsize=9,
                  borderaxespad=0.2, handletextpad=0.4, columnspacing=1.2)
    ax.set_title(ax.get_title(loc="left"), loc="left", pad=8 + 17 * -(-len(labels) // ncol))
    source = reference.source_line(spec.keys)
    charts.add_source(fig, source + (f"\n{spec.note}" if spec.note else ""))
