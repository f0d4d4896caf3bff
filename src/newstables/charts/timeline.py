"""The timeline chart: one line per event, days as points, periods as bars, in two lanes
(the article's events, reference events), with the publication date drawn."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Mapping
from typing import Any

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from newstables.charts import ACCENT, INK, MUTED, PALETTE
from newstables.display import shorten
from newstables.period_labels import as_date, format_span


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return df.to_dict("records") if len(df) else []


# Date notes sit on a white box so the publication line and grid pass behind them.
LANES = (("article", "In the article"), ("reference", "Reference events"))
_ROW_INCHES = 0.36
_NOTE_BOX = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"}


def chart_label(row: Mapping[str, Any], width: int = 36) -> str:
    """A row's label for the chart: "¶N " before article labels, wrapped to two lines at most."""
    text = str(row["label"])
    paragraph = row.get("paragraph")
    if row["origin"] == "article" and paragraph is not None and not pd.isna(paragraph):
        text = f"¶{int(paragraph)} {text}"
    lines = textwrap.wrap(text, width) or [""]
    if len(lines) > 2:
        lines = [lines[0], shorten(" ".join(lines[1:]), width)]
    return "\n".join(lines)


def chart_range(
    rows: pd.DataFrame, published: dt.date | str | None = None
) -> tuple[dt.date, dt.date] | None:
    """The x range of the chart: every known date of ``rows`` and publication, a little padded."""
    dates = [d for col in ("date_start", "date_end") for d in map(as_date, rows[col])
             if d is not None] if len(rows) else []
    pub = as_date(published)
    if pub is not None:
        dates.append(pub)
    if not dates:
        return None
    lo, hi = min(dates), max(dates)
    pad = max(15, (hi - lo).days // 25)
    return lo - dt.timedelta(days=pad), hi + dt.timedelta(days=pad + 1)


def _layout(rows: pd.DataFrame) -> tuple[list[tuple[float, str, str]], list[tuple[float, dict]]]:
    """Y positions: a header per lane with rows, then its rows in date order, top to bottom."""
    headers, placed, y = [], [], 0.0
    for origin, title in LANES:
        lane = [r for r in _records(rows) if r["origin"] == origin]
        if not lane:
            continue
        headers.append((y, f"{title} ({len(lane)})", origin))
        y += 1
        for r in lane:
            placed.append((y, r))
            y += 1
        y += 0.4
    return headers, placed


_COLOURS = {"article": PALETTE[0], "reference": PALETTE[1]}
_MARKERS = {"article": "o", "reference": "D"}


def plot_timeline(rows: pd.DataFrame, published: dt.date | str | None = None):
    """A timeline chart of ``rows``: days as points, periods as bars, one line per event.

    Article events and reference events sit in two lanes; a dashed line marks publication.
    Returns the matplotlib Figure (the caller adds the title and source line).
    """
    headers, placed = _layout(rows)
    xr = chart_range(rows, published)
    n = len(headers) + len(placed)
    height = max(3.2, _ROW_INCHES * n + 2.3)
    fig, ax = plt.subplots(figsize=(11.0, height))
    fig.subplots_adjust(left=3.3 / 11.0, right=0.97, top=1 - 0.75 / height,
                        bottom=1.35 / height)
    if xr is None or not placed:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No dated events to draw", ha="center", va="center",
                transform=ax.transAxes, fontsize=12, color=MUTED)
        return fig
    lo, hi = xr
    for y, r in placed:
        _draw_row(ax, y, r, lo, hi)
    ticks = _lane_labels(ax, headers, placed)
    ax.set_xlim(lo, hi)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", color="#eeeeee", linewidth=0.8)
    ax.set_xlabel("Date (bars run from the first to the last day of the period)")
    handles = _legend_handles(placed)
    pub = as_date(published)
    if pub is not None and lo <= pub <= hi:
        _draw_publication(ax, pub, min(ticks), (pub - lo).days / max(1, (hi - lo).days))
        handles.append(Line2D([], [], color=ACCENT, linestyle="--", label="publication date"))
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncol=3,
               fontsize=9, handlelength=1.6, columnspacing=1.6)
    return fig


def _draw_row(ax, y: float, r: dict, lo: dt.date, hi: dt.date) -> None:
    """One event: a point, a bar or an open stub, with its dates noted beside it."""
    total = max(1, (hi - lo).days)
    stub = dt.timedelta(days=max(3, total // 25))
    start, end = as_date(r["date_start"]), as_date(r["date_end"])
    colour = _COLOURS[r["origin"]]
    if r["kind"] == "point":
        ax.plot([start], [y], marker=_MARKERS[r["origin"]], color=colour, markersize=7,
                linestyle="none", zorder=3)
        left, right = start, start
    elif r["kind"] == "span":
        ax.barh(y, (end - start).days + 1, left=start, height=0.5, color=colour,
                edgecolor=colour, linewidth=1.2, alpha=0.85, zorder=2)
        left, right = start, end + dt.timedelta(days=1)
    else:  # open: a tick at the known end, a dotted stub towards the unknown side
        known = start or end
        other = known + stub if start is not None else known - stub
        ax.plot([known, other], [y, y], linestyle=":", color=colour, linewidth=2, zorder=2)
        ax.plot([known], [y], marker="|", color=colour, markersize=12, markeredgewidth=2,
                linestyle="none", zorder=3)
        left, right = min(known, other), max(known, other)
    _note_dates(ax, y, r, left, right, lambda day: (day - lo).days / total)


def _note_dates(ax, y: float, r: dict, left: dt.date, right: dt.date, frac) -> None:
    """The row's dates as text: right of it, left of it, or inside a bar across the chart."""
    note = format_span(as_date(r["date_start"]), as_date(r["date_end"]), r["granularity"])
    gap = 8 if r["kind"] == "point" else 5
    if frac(right) < 0.8:
        ax.annotate(note, (right, y), xytext=(gap, 0), textcoords="offset points",
                    va="center", ha="left", fontsize=8, color=MUTED, bbox=_NOTE_BOX)
    elif frac(left) > 0.2:
        ax.annotate(note, (left, y), xytext=(-gap, 0), textcoords="offset points",
                    va="center", ha="right", fontsize=8, color=MUTED, bbox=_NOTE_BOX)
    else:  # a bar across most of the chart: the note sits inside it
        middle = left + (right - left) / 2
        ax.annotate(note, (middle, y), va="center", ha="center", fontsize=8,
                    color="white", fontweight="bold", zorder=4)


def _lane_labels(ax, headers: list, placed: list) -> list[float]:
    """Lane headers and row labels on the y axis; returns the tick positions."""
    ticks = [y for y, _, _ in headers] + [y for y, _ in placed]
    labels = [t for _, t, _ in headers] + [chart_label(r) for _, r in placed]
    order = sorted(range(len(ticks)), key=ticks.__getitem__)
    ax.set_yticks([ticks[i] for i in order], [labels[i] for i in order], fontsize=9)
    header_ys = {y: origin for y, _, origin in headers}
    for tick, y in zip(ax.get_yticklabels(), [ticks[i] for i in order], strict=True):
        if y in header_ys:
            tick.set_fontweight("bold")
            tick.set_fontsize(10)
            tick.set_color(_COLOURS[header_ys[y]])
        else:
            tick.set_color(INK)
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(max(ticks) + 0.7, min(ticks) - 0.7)
    return ticks


def _legend_handles(placed: list) -> list:
    """Legend entries for the kinds of rows drawn."""
    present = {(r["origin"], r["kind"]) for _, r in placed}
    legend = [
        (("article", "point"), Line2D([], [], marker="o", color=_COLOURS["article"],
                                      linestyle="none", label="article: a day")),
        (("article", "span"), Patch(color=_COLOURS["article"], alpha=0.85,
                                    label="article: a period")),
        (("reference", "point"), Line2D([], [], marker="D", color=_COLOURS["reference"],
                                        linestyle="none", label="reference: a day")),
        (("reference", "span"), Patch(color=_COLOURS["reference"], alpha=0.85,
                                      label="reference: a period")),
    ]
    handles = [h for key, h in legend if key in present]
    if any(kind == "open" for _, kind in present):
        handles.append(Line2D([], [], marker="|", color=MUTED, linestyle=":", markersize=10,
                              markeredgewidth=2, label="only one end known (dotted side open)"))
    return handles


def _draw_publication(ax, pub: dt.date, top: float, where: float) -> None:
    """The publication line, labelled on the first lane's header line (it holds no marks)."""
    ax.axvline(pub, color=ACCENT, linestyle="--", linewidth=1.3, zorder=1)
    right_side = where < 0.75
    ax.annotate(f"Published {format_span(pub, pub)}", (pub, top),
                xytext=(5 if right_side else -5, 0), textcoords="offset points",
                ha="left" if right_side else "right", va="center", fontsize=9,
                color=ACCENT, fontweight="bold", bbox=_NOTE_BOX)
