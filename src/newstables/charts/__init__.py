"""One house style for every chart: readable at 100% zoom, labelled axes, a source line.

Charts are saved as PNG and SVG (or either alone) with no timestamps or random ids, so the
same inputs give byte-identical files.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import PlaceHolderLayoutEngine
from matplotlib.legend import Legend
from matplotlib.offsetbox import OffsetBox
from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Annotation, Text
from matplotlib.transforms import Bbox, BboxBase, TransformedBbox

from newstables.figure_formats import FORMATS

INK = "#222222"
MUTED = "#767676"
ACCENT = "#c0392b"  # the article's claim
# zlib level 3 instead of Pillow's 6: the charts' PNGs come out 1.7% larger and are written
# in two-thirds of the time (0.34 s instead of 0.52 s for an article's 15 charts).
PNG_OPTIONS = {"compress_level": 3}
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
    # Glyphs unhinted, as the SVG's text is measured: the PNG's layout and the area both files
    # show then come from the same text widths, and the 15 charts of an article are drawn in
    # about 15% less time (FreeType's hinter ran at every drawing of every label).
    "text.hinting": "no_hinting",
}


def use_house_style() -> None:
    """Apply the house style to matplotlib (idempotent)."""
    mpl.rcParams.update(STYLE)


class SourceLine(Annotation):
    """The chart's source line: 6 pt below everything the axes draw (tick labels and axis
    labels included), wherever the layout puts them."""

    def __init__(self, fig: Figure, source: str) -> None:
        super().__init__(f"Source: {source}", xy=(0, 0), xycoords=self.below_axes,
                         xytext=(0, -6), textcoords="offset points", ha="left", va="top",
                         fontsize=9, color=MUTED)
        self._fig = fig

    def below_axes(self, renderer, axes_boxes: list[Bbox] | None = None) -> Bbox:
        """The union of the visible axes' tight boxes (``axes_boxes`` when measured already)."""
        if axes_boxes is None:
            axes_boxes = [ax.get_tightbbox(renderer) for ax in self._fig.axes
                          if ax.get_visible()]
        boxes = [b for b in axes_boxes if b is not None]
        return Bbox.union(boxes) if boxes else self._fig.bbox

    @contextmanager
    def pinned(self, renderer, axes_boxes: list[Bbox] | None = None) -> Iterator[None]:
        """Within the block, the line stays where it is for the layout ``renderer`` drew, in
        figure coordinates: the axes are not measured again at each drawing."""
        box = self.below_axes(renderer, axes_boxes)
        self.xy = tuple(self._fig.transFigure.inverted().transform((box.x0, box.y0)))
        self.xycoords = self._fig.transFigure  # moves with the area savefig crops to
        try:
            yield
        finally:
            self.xy, self.xycoords = (0, 0), self.below_axes


def add_source(fig: Figure, source: str) -> None:
    """Write a source line under the chart (a :class:`SourceLine`)."""
    fig.add_artist(SourceLine(fig, source))


def save_figure(fig: Figure, output_dir: str | Path, name: str,
                formats: Sequence[str] = FORMATS) -> list[Path]:
    """Save ``fig`` as ``figures/<name>.png`` and ``.svg`` under ``output_dir`` (or only the
    ``formats`` asked for: "png", "svg"); deterministic.

    The chart is laid out once; each file shows the area ``savefig.bbox = "tight"`` gives at
    the PNG's resolution (an SVG saved alone is the one saved beside a PNG), and each file
    draws the chart once.
    """
    folder = Path(output_dir) / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    paths = {f: folder / f"{name}.{f}" for f in FORMATS if f in formats}
    if not paths:
        raise ValueError(f"no chart format among {list(formats)}; takes {', '.join(FORMATS)}")
    _write(fig, paths)
    return list(paths.values())


def _write(fig: Figure, paths: dict[str, Any]) -> None:
    """Lay ``fig`` out once and write it in each format of ``paths`` (format -> path or
    file), deterministically."""
    title = chart_title(fig)
    titled = {"Title": title} if title else {}
    with laid_out(fig) as area:
        if "png" in paths:
            fig.savefig(paths["png"], format="png", bbox_inches=area, pil_kwargs=PNG_OPTIONS,
                        metadata={"Software": None, **titled})
        if "svg" in paths:
            fig.savefig(paths["svg"], format="svg", bbox_inches=area,
                        metadata={"Date": None, "Creator": None, **titled})


@contextmanager
def laid_out(fig: Figure) -> Iterator[Bbox]:
    """Lay ``fig`` out at ``savefig.dpi`` (ticks, labels, layout engine) and yield the area
    ``savefig(bbox_inches="tight")`` would save; within the block, source lines stay where
    that layout put them (:meth:`SourceLine.pinned`)."""
    dpi = mpl.rcParams["savefig.dpi"]
    shown = fig.dpi
    sources = [a for a in fig.artists if isinstance(a, SourceLine) and a.get_visible()]
    engine = fig.get_layout_engine()
    with ExitStack() as pins:
        if dpi != "figure":
            fig.set_dpi(dpi)  # text is measured at the resolution the PNG is drawn at
        try:
            renderer = fig._get_renderer()
            for ax in fig.axes:  # limits autoscaled, as drawing does first: an arrow or a
                ax.viewLim  # noqa: B018 - text in one axes can point into a later one
            placed, arrows = _placed_when_drawn(fig)
            if placed:
                # Draw it first, as savefig's "tight" does; see _placed_when_drawn.
                for line in sources:  # placed after the layout, under the axes as drawn
                    line.set_visible(False)
                try:
                    with renderer._draw_disabled():  # what draw_without_rendering does
                        fig.draw(renderer)
                finally:
                    for line in sources:
                        line.set_visible(True)
            elif arrows:  # an arrow takes its size for this resolution when drawn
                for ax in fig.axes:
                    ax.apply_aspect()  # as drawing the axes would, before their arrows
                with renderer._draw_disabled():
                    for arrow in arrows:
                        arrow.draw(renderer)
            axes_boxes = {ax: ax.get_tightbbox(renderer) for ax in fig.axes if ax.get_visible()}
            for line in sources:
                pins.enter_context(line.pinned(renderer, list(axes_boxes.values())))
            area = _tight_area(fig, renderer, axes_boxes).padded(
                mpl.rcParams["savefig.pad_inches"])
        finally:
            fig.set_dpi(shown)
        if engine is not None:  # laid out already: savefig would otherwise lay it out again
            # With no layout asked for by rcParams, no engine: savefig then draws the chart
            # once, not twice. Else a placeholder, as savefig itself does (an rcParams layout
            # would come back whenever savefig puts its own setting back).
            automatic = (mpl.rcParams["figure.autolayout"]
                         or mpl.rcParams["figure.constrained_layout.use"])
            fig.set_layout_engine("none" if automatic else None)
            pins.callback(fig.set_layout_engine, engine)
        yield area


def _placed_when_drawn(fig: Figure) -> tuple[bool, list]:
    """What in ``fig`` takes its place only when the chart is drawn, and so must be drawn
    before the chart is measured: whether the whole chart must (a layout engine at work,
    subfigures, axes of another class than matplotlib's own (polar ticks, axisartist's axis
    lines), an axes placed by a locator, a legend expanded to its anchor, wrapped text, an
    arrow inside an offset box or placed from another artist), and else its arrows (an
    annotation's, a ``ConnectionPatch``), which take their size for the resolution when
    drawn.

    ``tight_layout`` leaves a placeholder engine that does nothing when drawn. Anything else
    is placed by measuring alone, and a chart is then saved byte for byte as a tight savefig
    saves it (tests), without that drawing.
    """
    engine = fig.get_layout_engine()
    if (engine is not None and not isinstance(engine, PlaceHolderLayoutEngine)) or fig.subfigs:
        return True, []
    axes = list(fig.axes)
    artists = [*fig.texts, *fig.artists, *fig.legends, *fig.patches]
    while axes:
        ax = axes.pop()
        if type(ax) is not Axes or ax.get_axes_locator() is not None:
            return True, []  # polar ticks, axisartist's axis lines, a located inset
        axes += ax.child_axes
        artists += [*ax.texts, *ax.artists, *ax.patches]
        if ax.get_legend() is not None:
            artists.append(ax.get_legend())
    arrows = []
    for artist in artists:
        if isinstance(artist, Legend) and getattr(artist, "_mode", None) == "expand":
            return True, []
        if isinstance(artist, Text) and artist.get_wrap():
            return True, []
        if isinstance(artist, OffsetBox) and _holds_arrow(artist):
            return True, []  # an arrow placed by its box
        if isinstance(artist, FancyArrowPatch) or getattr(artist, "arrow_patch", None):
            if any(isinstance(c, Artist | BboxBase) or callable(c) for c in _coords(artist)):
                return True, []  # placed relative to another artist ('ax.xaxis.label')
            arrows.append(artist)
    return False, arrows


def _holds_arrow(artist: Artist) -> bool:
    return any(isinstance(c, FancyArrowPatch) or _holds_arrow(c) for c in artist.get_children())


def _coords(arrow: Artist) -> list:
    """The coordinate systems an arrow's ends and text are given in."""
    names = ("xycoords", "anncoords", "boxcoords", "coords1", "coords2")
    found = [getattr(arrow, name, None) for name in names]
    return [c for x in found for c in (x if isinstance(x, tuple) else (x,))]  # ('data', ...)


def _tight_area(fig: Figure, renderer, axes_boxes: dict) -> Bbox:
    """``fig.get_tightbbox(renderer)``, in inches, with each visible axes' tight box taken
    from ``axes_boxes`` instead of measured again (the source line was placed from them)."""
    artists = [a for a in fig.get_children()
               if a not in fig.axes and a.get_visible() and a.get_in_layout()]
    boxes = [a.get_tightbbox(renderer) for a in artists] + list(axes_boxes.values())
    boxes = [b for b in boxes if b is not None and np.isfinite(b.width)
             and np.isfinite(b.height) and (b.width != 0 or b.height != 0)]
    if not boxes:
        return fig.bbox_inches
    return TransformedBbox(Bbox.union(boxes), fig.dpi_scale_trans.inverted())


def show_figure(fig: Figure, output_dir: str | Path, name: str,
                formats: Sequence[str] = FORMATS) -> list[Path]:
    """Save ``fig`` as :func:`save_figure` does, show the saved PNG in the notebook at the
    size the figure has on screen (the SVG when no PNG is asked for), and close the figure
    (so it is not drawn again)."""
    saved = save_figure(fig, output_dir, name, formats)
    if saved[0].suffix == ".png":
        show_png(saved[0], screen_dpi=fig.dpi, alt=chart_title(fig))
    else:
        show_svg(saved[0], alt=chart_title(fig))
    plt.close(fig)
    return saved


def show_png(png: Path, screen_dpi: float, alt: str = "") -> None:
    """Display a PNG written at ``savefig.dpi`` as wide as a figure drawn at ``screen_dpi``,
    with ``alt`` (the chart's title) as its alternative text on the report's pages."""
    from IPython.display import Image, display

    data = Path(png).read_bytes()
    pixels = int.from_bytes(data[16:20], "big")  # the IHDR chunk's width
    dpi = mpl.rcParams["savefig.dpi"]
    scale = 1.0 if dpi == "figure" else screen_dpi / float(dpi)
    image = Image(data=data, format="png", width=round(pixels * scale))
    if alt:
        image.metadata["alt"] = alt
    display(image)


def show_svg(svg: Path, alt: str = "") -> None:
    """Display a saved SVG as it is (its size is the figure's), with ``alt`` (the chart's
    title) as its alternative text on the report's pages, and as plain text for what shows no
    SVG (JupyterLab, in a notebook it does not trust). Shown raw: IPython's ``SVG`` would
    parse the file again only to find the element it starts with."""
    from IPython.display import display

    svg = Path(svg)
    plain = f"Chart: {alt} (figures/{svg.name})" if alt else f"Chart: figures/{svg.name}"
    display({"image/svg+xml": svg.read_text(encoding="utf-8"), "text/plain": plain}, raw=True,
            metadata={"image/svg+xml": {"alt": alt}} if alt else None)


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


def warm_up() -> None:
    """Lay out and save a small chart in the house style, to memory, as PNG and SVG: what a
    process's first chart would otherwise load (the fonts, Pillow's image plugins, the SVG
    writer). The kernel parent calls this before it forks kernels; matplotlib's settings
    are left as they were."""
    import io

    with mpl.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(2, 1))
        try:
            ax.bar(["a"], [1])
            ax.set_title("a")
            ax.set_ylabel("a")
            add_source(fig, "a")
            _write(fig, {f: io.BytesIO() for f in FORMATS})
        finally:
            plt.close(fig)


# ---------------------------------------------------------------------------------------
# Reference series: the article's claims on them, and the publication date


def draw_claims(ax: Any, points: pd.DataFrame, x: list[Any] | None = None) -> int:
    """Mark each claim point in the accent colour with its label; returns how many.

    Labels go up and to the left of their point (to the right near the left edge) and are
    stacked so that labels of neighbouring points do not sit on each other.
    """
    xs = list(points["x"]) if x is None else list(x)
    x0, x1 = ax.get_xlim()
    to_points = 72.0 / ax.figure.dpi
    placed: list[tuple[float, float]] = []  # (x, label y) in display pixels
    order = sorted(range(len(xs)), key=lambda i: (points["y"].iloc[i], i))
    for n, i in enumerate(order):
        px, p = xs[i], points.iloc[i]
        if p["y_low"] != p["y_high"]:
            ax.vlines(px, p["y_low"], p["y_high"], color=ACCENT, lw=2, alpha=0.5, zorder=4)
        ax.scatter([px], [p["y"]], marker="D", s=46, color=ACCENT, edgecolor="white",
                   linewidth=0.8, zorder=5, label="Article's claim" if n == 0 else None)
        x_pix, y_pix = ax.transData.transform((float(ax.convert_xunits(px)), float(p["y"])))
        label_y = y_pix + 14 / to_points
        for other_x, other_y in placed:
            if abs(other_x - x_pix) < 220 and abs(other_y - label_y) < 16 / to_points:
                label_y = other_y + 16 / to_points
        placed.append((x_pix, label_y))
        right = (float(ax.convert_xunits(px)) - x0) / ((x1 - x0) or 1.0) < 0.3
        ax.annotate(
            p["label"], xy=(px, p["y"]),
            xytext=(10 if right else -10, (label_y - y_pix) * to_points),
            textcoords="offset points", ha="left" if right else "right", va="bottom",
            fontsize=9, color=ACCENT, zorder=6,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
            arrowprops={"arrowstyle": "-", "color": ACCENT, "lw": 0.6},
        )
    return len(points)


def draw_published(ax: Any, x: Any, label: str) -> None:
    """A labelled vertical line at the article's publication date."""
    ax.axvline(x, color=MUTED, linestyle="--", linewidth=1, zorder=3)
    ax.annotate(label, xy=(x, 1.0), xycoords=("data", "axes fraction"), xytext=(4, -4),
                textcoords="offset points", ha="left", va="top", fontsize=9,
                color=MUTED)
