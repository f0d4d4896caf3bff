"""Which files a chart is saved as: ``png``, ``svg`` or both (the notebooks' parameter
``figure_formats``). Kept apart from :mod:`newstables.charts` so that the runner can check a
value before any notebook starts, without importing matplotlib."""

from __future__ import annotations

from newstables.errors import NewstablesError

FORMATS = ("png", "svg")
DEFAULT = "png,svg"


def parse(text: str) -> tuple[str, ...]:
    """The formats named in ``text`` ("png,svg", "svg", "png"; any order, spaces ignored), in
    the order charts are written; a one-line NewstablesError for anything else."""
    names = [part.strip().lower() for part in str(text).split(",")]
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not any(names):
        raise NewstablesError(
            f"figure_formats={str(text)[:40]!r}: takes png, svg or png,svg"
        )
    return tuple(f for f in FORMATS if f in names)
