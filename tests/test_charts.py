"""Charts: saved as PNG and SVG of the same area, byte for byte the same each time, and
shown in a notebook as the PNG saved."""

import io
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from newstables import charts  # noqa: E402


@pytest.fixture
def chart():
    with matplotlib.rc_context():
        charts.use_house_style()
        fig, ax = plt.subplots()
        ax.bar([1, 2, 3], [120, 45, 300])
        ax.set_title("Words per paragraph")
        ax.set_xlabel("Paragraph")
        charts.add_source(fig, "an outlet, 1 March 2024")  # below the axes, outside the figure
        yield fig
        plt.close(fig)


def png_size(data: bytes) -> tuple[int, int]:
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def tight_png(fig) -> bytes:
    """What ``savefig(bbox_inches="tight")`` writes, with save_figure's PNG options."""
    tight, title = io.BytesIO(), charts.chart_title(fig)
    fig.savefig(tight, format="png", bbox_inches="tight", pil_kwargs=charts.PNG_OPTIONS,
                metadata={"Software": None, **({"Title": title} if title else {})})
    return tight.getvalue()


def test_png_is_what_a_tight_savefig_writes(chart, tmp_path):
    png, _ = charts.save_figure(chart, tmp_path, "words")
    assert png.read_bytes() == tight_png(chart)


def test_svg_covers_the_area_of_the_png(chart, tmp_path):
    png, svg = charts.save_figure(chart, tmp_path, "words")
    pixels = png_size(png.read_bytes())
    points = [float(re.search(rf'<svg[^>]* {side}="([\d.]+)pt"', svg.read_text())[1])
              for side in ("width", "height")]
    for pt, px in zip(points, pixels, strict=True):
        assert abs(pt / 72 - px / 150) < 1 / 150  # inches, within one pixel of the PNG


def test_saving_twice_gives_the_same_bytes(chart, tmp_path):
    first = [p.read_bytes() for p in charts.save_figure(chart, tmp_path / "a", "words")]
    second = [p.read_bytes() for p in charts.save_figure(chart, tmp_path / "b", "words")]
    assert first == second


def test_warm_up_leaves_no_figure_open_and_the_settings_as_they_were():
    # The kernel parent warms up before it forks kernels: each must start as a fresh one.
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        before, settings = plt.get_fignums(), dict(matplotlib.rcParams)
        charts.warm_up()
        assert plt.get_fignums() == before
        assert dict(matplotlib.rcParams) == settings


def test_the_figure_keeps_its_screen_resolution_after_saving(chart, tmp_path):
    dpi = chart.dpi
    charts.save_figure(chart, tmp_path, "words")
    assert chart.dpi == dpi


def test_show_figure_shows_the_saved_png_at_screen_size_and_closes_the_figure(
    chart, tmp_path, monkeypatch
):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    png, svg = charts.show_figure(chart, tmp_path, "words")
    (image,) = shown
    assert image.data == png.read_bytes() and svg.is_file()
    width, _ = png_size(image.data)
    assert image.width == round(width * 100 / 150)  # figure.dpi against savefig.dpi
    assert not plt.fignum_exists(chart.number)


def test_an_svg_saved_alone_is_the_one_saved_beside_the_png(chart, tmp_path):
    _, both = charts.save_figure(chart, tmp_path / "both", "words")
    (alone,) = charts.save_figure(chart, tmp_path / "alone", "words", formats=("svg",))
    assert alone.suffix == ".svg" and alone.read_bytes() == both.read_bytes()
    assert list((tmp_path / "alone" / "figures").iterdir()) == [alone]


def test_a_png_saved_alone_is_what_a_tight_savefig_writes(chart, tmp_path):
    (png,) = charts.save_figure(chart, tmp_path, "words", formats=("png",))
    assert png.read_bytes() == tight_png(chart)
    assert not (tmp_path / "figures" / "words.svg").exists()


def test_show_figure_shows_the_svg_with_its_title_when_no_png_is_asked_for(
    chart, tmp_path, monkeypatch
):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display",
                        lambda obj, **kwargs: shown.append((obj, kwargs)))
    (svg,) = charts.show_figure(chart, tmp_path, "words", formats=("svg",))
    ((data, kwargs),) = shown
    assert data == {"image/svg+xml": svg.read_text(encoding="utf-8"),
                    "text/plain": "Chart: Words per paragraph (figures/words.svg)"}
    assert kwargs == {"raw": True, "metadata": {"image/svg+xml": {"alt": "Words per paragraph"}}}
    assert not plt.fignum_exists(chart.number)


def panels(layout: str):
    fig, (left, right) = plt.subplots(1, 2, layout="constrained" if layout == "constrained"
                                      else None)
    left.barh(["a much longer label", "b"], [3, 5])
    right.plot([2019, 2020, 2021], [10, 40, 25])
    right.set_xlabel("Year")
    fig.suptitle("Two panels")
    if layout == "tight_layout":
        fig.tight_layout()
    charts.add_source(fig, "an outlet")
    return fig


@pytest.mark.parametrize("layout", ["constrained", "tight_layout"])
def test_a_laid_out_chart_saves_as_a_tight_savefig_does(layout, tmp_path):
    with matplotlib.rc_context():
        charts.use_house_style()
        ours, theirs = panels(layout), panels(layout)  # a layout engine starts from the last
        engine = ours.get_layout_engine()
        png, _ = charts.save_figure(ours, tmp_path, "panels")
        assert png.read_bytes() == tight_png(theirs)
        assert ours.get_layout_engine() is engine  # given back after saving
        plt.close(ours)
        plt.close(theirs)


def busy_chart():
    """No layout engine and nothing placed only when drawn (it is measured without being
    drawn first): a legend at its "best" place, a text annotation, dates, rotated labels,
    figure text, a right-hand title, two panels."""
    import datetime as dt

    fig, (top, bottom) = plt.subplots(2, 1, figsize=(7, 6))
    days = [dt.date(2023, 1, 1) + dt.timedelta(days=40 * i) for i in range(8)]
    top.plot(days, [5, 9, 3, 12, 8, 15, 4, 11], label="crossings")
    top.plot(days, [2, 3, 2, 4, 3, 5, 2, 4], label="returns")
    top.legend(loc="best")
    top.annotate("peak", xy=(days[5], 15), xytext=(4, 4), textcoords="offset points")
    top.tick_params(axis="x", labelrotation=45)
    bottom.barh(["a much longer category label", "b"], [3, 5])
    bottom.set_title("Right-hand title", loc="right")
    fig.suptitle("A figure with two panels")
    fig.text(0.99, 0.01, "note outside the axes", ha="right")
    charts.add_source(fig, "an outlet")
    return fig


def polar_wedge():
    """Polar tick labels are placed when the chart is drawn."""
    fig = plt.figure()
    ax = fig.add_subplot(projection="polar")
    ax.plot([0.1 * i for i in range(11)], [0.5 * i for i in range(11)])
    ax.set_thetamax(90)
    ax.set_rorigin(-2)
    ax.set_title("A quarter circle")
    charts.add_source(fig, "an outlet")
    return fig


def expanded_legend():
    """A legend expanded to an anchor wider than the axes takes its width when drawn."""
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3], [3, 1, 2], label="crossings")
    ax.plot([1, 2, 3], [1, 2, 3], label="returns")
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.02, 1.3, 0.1), mode="expand", ncols=2)
    ax.set_xlabel("Year")
    fig.suptitle("Crossings and returns")
    charts.add_source(fig, "an outlet")
    return fig


def arrow_outside():
    """An arrow is sized for the resolution it is drawn at."""
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3], [3, 1, 2])
    ax.annotate("outside", xy=(5, 2), xytext=(4, 2.5), annotation_clip=False,
                arrowprops={"arrowstyle": "->"})
    ax.set_title("Crossings")
    charts.add_source(fig, "an outlet")
    return fig


def arrow_to_an_image():
    """A ConnectionPatch to an image: its end moves with the image's aspect, applied when
    the axes are drawn."""
    from matplotlib.patches import ConnectionPatch

    fig, (line, image) = plt.subplots(1, 2)
    line.plot([0, 1], [0, 1])
    image.imshow([[1, 2, 3, 4]] * 4)
    line.add_artist(ConnectionPatch(xyA=(1, 1), coordsA=line.transData, xyB=(3.5, -0.5),
                                    coordsB=image.transData, arrowstyle="->"))
    charts.add_source(fig, "an outlet")
    return fig


def arrow_after_tight_layout():
    """tight_layout leaves a placeholder layout engine, which places nothing when drawn."""
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3], [3, 1, 2])
    ax.annotate("far", xy=(3, 2), xytext=(3.6, 3.3), annotation_clip=False,
                arrowprops={"arrowstyle": "-|>"})
    ax.set_xlabel("Year")
    fig.tight_layout()
    charts.add_source(fig, "an outlet")
    return fig


def arrow_into_a_later_axes():
    """An arrow in one axes pointing at data of the next, whose limits are autoscaled when
    the chart is drawn."""
    fig, (left, right) = plt.subplots(1, 2)
    right.plot([0, 10], [0, 5])
    left.annotate("to the right", xy=(8, 1), xycoords=right.transData, xytext=(0.3, 0.5),
                  textcoords="axes fraction", arrowprops={"arrowstyle": "->"})
    charts.add_source(fig, "an outlet")
    return fig


def arrow_from_the_axis_label():
    """A boxed label placed from the axis label, which is placed when the chart is laid out."""
    fig, ax = plt.subplots()
    ax.plot([0, 1, 2], [2, 0, 1])
    ax.set_xlabel("Year")
    ax.annotate("note", xy=(0.63, 0.48), xytext=(0.03, -0.14), textcoords=ax.xaxis.label,
                bbox={"boxstyle": "round,pad=3", "fc": "w"},
                arrowprops={"arrowstyle": "->", "connectionstyle": "bar,fraction=-0.4"})
    return fig


def saved_as_a_tight_savefig(make, tmp_path) -> bool:
    """Whether save_figure's PNG of a chart from ``make`` is a tight savefig's of another."""
    ours, theirs = make(), make()
    try:
        png, _ = charts.save_figure(ours, tmp_path, "chart")
        return png.read_bytes() == tight_png(theirs)
    finally:
        plt.close(ours)
        plt.close(theirs)


@pytest.mark.parametrize("make", [busy_chart, polar_wedge, expanded_legend,
                                  arrow_outside, arrow_to_an_image, arrow_after_tight_layout,
                                  arrow_into_a_later_axes, arrow_from_the_axis_label])
def test_a_chart_without_a_layout_engine_at_work_saves_as_a_tight_savefig_does(make, tmp_path):
    with matplotlib.rc_context():
        charts.use_house_style()
        assert saved_as_a_tight_savefig(make, tmp_path)


def test_the_source_line_sits_below_rotated_tick_labels_and_the_axis_label():
    with matplotlib.rc_context():
        charts.use_house_style()
        fig, ax = plt.subplots()
        ax.bar(["a long category name", "another long one"], [1, 2])
        ax.tick_params(axis="x", labelrotation=90)
        ax.set_xlabel("Category")
        charts.add_source(fig, "an outlet")
        (line,) = fig.artists
        with charts.laid_out(fig):
            fig.set_dpi(150)  # measured as the PNG is drawn
            renderer = fig._get_renderer()
            lowest = min(t.get_window_extent(renderer).y0
                         for t in [ax.xaxis.label, *ax.get_xticklabels()])
            assert line.get_window_extent(renderer).y1 < lowest
            fig.set_dpi(100)
        plt.close(fig)


@pytest.mark.parametrize("rc", ["figure.autolayout", "figure.constrained_layout.use"])
def test_a_chart_with_a_colorbar_saves_as_a_tight_savefig_does_under_rc_layouts(rc, tmp_path):
    def heat():
        fig, ax = plt.subplots(layout="constrained")
        fig.colorbar(ax.imshow([[1, 2], [3, 4]]))
        ax.set_title("Heat")
        charts.add_source(fig, "an outlet")
        return fig

    with matplotlib.rc_context({rc: True}):
        charts.use_house_style()
        assert saved_as_a_tight_savefig(heat, tmp_path)
