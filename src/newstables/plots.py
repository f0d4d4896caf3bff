"""One house style for every chart: readable at 100% zoom, labelled axes, a source line.

Charts are saved as PNG and SVG with no timestamps or random ids, so the same inputs give
byte-identical files.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

INK = "#222222"
MUTED = "#767676"
ACCENT = "#c0392b"  # the article's claim
PALETTE = ["#1f5f8b", "#e0912f", "#3a8d5c", "#8e5ea2", "#b5473a", "#5b7083", "#c2a83e"]

STYLE = {
    "figure.figsize": (8.0, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "font.size": 11,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 11,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "axes.axisbelow": True,
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "grid.color": "#dddddd",
    "grid.linewidth": 0.8,
    "xtick.color": INK,
    "ytick.color": INK,
    "legend.frameon": False,
    "svg.hashsalt": "newstables",
    "svg.fonttype": "none",
    "path.simplify": True,
}


def use_house_style() -> None:
    """Apply the house style to matplotlib (idempotent)."""
    mpl.rcParams.update(STYLE)


def add_source(fig: Figure, source: str) -> None:
    """Write a source line under the chart."""
    fig.text(0.01, -0.02, f"Source: {source}", ha="left", va="top", fontsize=9, color=MUTED)


def save_figure(fig: Figure, output_dir: str | Path, name: str) -> list[Path]:
    """Save ``fig`` as ``figures/<name>.png`` and ``.svg`` under ``output_dir``; deterministic."""
    folder = Path(output_dir) / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    png, svg = folder / f"{name}.png", folder / f"{name}.svg"
    title = chart_title(fig)
    fig.savefig(png, metadata={"Software": None, **({"Title": title} if title else {})})
    fig.savefig(svg, metadata={"Date": None, "Creator": None,
                               **({"Title": title} if title else {})})
    return [png, svg]


def chart_title(fig: Figure) -> str:
    """The chart's title as a reader sees it: the figure's suptitle, else its first axes title."""
    if fig.get_suptitle().strip():
        return " ".join(fig.get_suptitle().split())
    for ax in fig.axes:
        for loc in ("left", "center", "right"):
            text = ax.get_title(loc=loc).strip()
            if text:
                return " ".join(text.split())
    return ""


def close(fig: Figure) -> None:
    plt.close(fig)
