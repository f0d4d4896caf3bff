"""The actor network chart: actors on a circle grouped by kind, who is named with whom,
and who committed to whom."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from newstables.charts import ACCENT, MUTED, PALETTE
from newstables.schema import is_missing

LABEL_CHARS = 30  # longer node labels are cut with an ellipsis


def _text(value: Any) -> str:
    return "" if is_missing(value) else str(value).strip()


KIND_ORDER = ("person", "org", "organisation", "organization", "place", "other")
_KIND_COLOR = {
    "person": PALETTE[0], "org": PALETTE[1], "organisation": PALETTE[1],
    "organization": PALETTE[1], "place": PALETTE[2], "other": PALETTE[5],
}
KIND_LABELS = {"org": "organisation"}


def kind_label(kind: str) -> str:
    """A kind as a reader should see it ('org' -> 'organisation')."""
    return KIND_LABELS.get(kind, kind)


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def kind_colors(kinds: Iterable[str]) -> dict[str, str]:
    """A fixed colour per actor kind (person, org, place, other); unknown kinds take the
    remaining palette colours in name order."""
    colors: dict[str, str] = {}
    spare = [c for c in PALETTE if c not in _KIND_COLOR.values()]
    for i, kind in enumerate(sorted({_text(k) or "other" for k in kinds} - set(_KIND_COLOR))):
        colors[kind] = spare[i % len(spare)]
    known = {_text(k) or "other" for k in kinds} & set(_KIND_COLOR)
    colors.update({k: _KIND_COLOR[k] for k in known})
    return dict(sorted(colors.items(), key=lambda kv: (_kind_rank(kv[0]), kv[0])))


def layout(nodes: pd.DataFrame) -> pd.DataFrame:
    """Positions on the unit circle, clockwise from the top, ordered by kind then name,
    so each kind sits in one arc; ``angle`` (degrees) orients the labels."""
    order = sorted(
        (_kind_rank(_text(k) or "other"), _text(k), _text(n).casefold(), _text(n))
        for n, k in zip(nodes["name"], nodes["kind"], strict=True)
    )
    n = len(order)
    rows = []
    for i, (_, kind, _, name) in enumerate(order):
        angle = (90.0 - 360.0 * i / n) % 360.0 if n else 90.0
        rad = math.radians(angle)
        rows.append({"name": name, "kind": kind or "other", "x": round(math.cos(rad), 9),
                     "y": round(math.sin(rad), 9), "angle": angle})
    return pd.DataFrame(rows, columns=["name", "kind", "x", "y", "angle"])


def node_sizes(
    mentions: Sequence[float], smallest: float = 60, largest: float = 700
) -> list[float]:
    """Marker areas (points²) proportional to mentions, between ``smallest`` and ``largest``."""
    top = max([float(m) for m in mentions] + [1.0])
    return [smallest + (largest - smallest) * float(m) / top for m in mentions]


def draw_network(
    ax: Axes,
    nodes: pd.DataFrame,
    positions: pd.DataFrame,
    co_edges: pd.DataFrame,
    commit_edges: pd.DataFrame,
) -> None:
    """Draw nodes (size = mentions, colour = kind), co-mention edges (grey, width = sentences)
    and commitment edges (dashed accent arrows, lead -> partner), with labels and a legend."""
    pos = positions.set_index("name")
    colors = kind_colors(positions["kind"])
    mentions = nodes.set_index("name")["n_mentions"].reindex(positions["name"]).fillna(0)
    sizes = dict(zip(positions["name"], node_sizes(list(mentions)), strict=True))
    top = max([1, *co_edges["weight"]])
    for e in co_edges.to_dict("records"):
        a, b = pos.loc[e["source"]], pos.loc[e["target"]]
        ax.plot([a.x, b.x], [a.y, b.y], color=MUTED, alpha=0.45, zorder=1,
                lw=0.8 + 3.2 * (e["weight"] - 1) / max(top - 1, 1), solid_capstyle="round")
    for e in commit_edges.to_dict("records"):
        a, b = pos.loc[e["source"]], pos.loc[e["target"]]
        ax.annotate(
            "", xy=(b.x, b.y), xytext=(a.x, a.y), zorder=2,
            arrowprops={"arrowstyle": "-|>,head_length=0.6,head_width=0.3", "color": ACCENT,
                        "lw": 1.8, "linestyle": (0, (4, 2)),
                        "connectionstyle": "arc3,rad=0.15",
                        "shrinkA": math.sqrt(sizes[e["source"]]) / 2 + 2,
                        "shrinkB": math.sqrt(sizes[e["target"]]) / 2 + 2},
        )
    for r in positions.to_dict("records"):
        ax.scatter([r["x"]], [r["y"]], s=sizes[r["name"]], color=colors[r["kind"]], zorder=3,
                   edgecolors="white", linewidths=1.2)
        _label(ax, r, math.sqrt(sizes[r["name"]]) / 2)
    kinds = [Line2D([], [], marker="o", ls="", color=c, markersize=9, label=kind_label(k))
             for k, c in colors.items()]
    lines = [Line2D([], [], color=MUTED, lw=2, alpha=0.6,
                    label="named in the same sentence (width: sentences)")]
    if len(commit_edges):
        lines.append(Line2D([], [], color=ACCENT, lw=1.8, ls=(0, (4, 2)),
                            label="commitment: lead → partner"))
    first = ax.legend(handles=kinds, loc="upper center", bbox_to_anchor=(0.5, -0.01),
                      ncol=len(kinds), fontsize=9, handletextpad=0.3, columnspacing=1.2)
    ax.add_artist(first)
    ax.legend(handles=lines, loc="upper center", bbox_to_anchor=(0.5, -0.05), ncol=len(lines),
              fontsize=9, handletextpad=0.4, columnspacing=1.5)
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.2, 1.2)
    ax.set_aspect("equal")
    ax.axis("off")


def _label(ax: Axes, r: dict, radius_pt: float) -> None:
    """Horizontal label just outside the node along its ray: to the right of nodes on the right
    half, to the left on the left half, centred above the top and below the bottom."""
    angle = r["angle"]
    dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    if abs(dx) < 0.17:
        ha, va = "center", "bottom" if dy > 0 else "top"
    else:
        ha, va = ("left" if dx > 0 else "right"), "center"
    name = r["name"] if len(r["name"]) <= LABEL_CHARS else r["name"][: LABEL_CHARS - 1] + "…"
    ax.annotate(name, (r["x"], r["y"]), xytext=(dx * (radius_pt + 4), dy * (radius_pt + 4)),
                textcoords="offset points", ha=ha, va=va, fontsize=9, zorder=4)
