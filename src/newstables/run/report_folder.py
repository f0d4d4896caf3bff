"""The report folder of one article: leftovers of dead runs, the atomic swap, failed runs.

Callers hold the article's report lock (``locks.report_lock``) around all of these, so only
one run at a time touches ``<out>/<id>/`` and the hidden folders beside it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

from newstables.run.locks import exchange


def _leftover_pattern(article_id: str) -> re.Pattern[str]:
    # Staging folders are ".<id>.run-<random>", a replaced report ".<id>.old-<pid>".
    return re.compile(rf"\.{re.escape(article_id)}\.(run|old)-[A-Za-z0-9_]+")


def keep_failed_history(source: Path, target: Path) -> None:
    """Move every run under ``source/failed/`` into ``target/failed/`` (names kept)."""
    history = source / "failed"
    if not history.is_dir():
        return
    (target / "failed").mkdir(parents=True, exist_ok=True)
    for entry in sorted(history.iterdir()):
        destination = target / "failed" / entry.name
        if not destination.exists():
            os.replace(entry, destination)


def clear_leftovers(out: Path, article_id: str) -> list[Path]:
    """Remove the staging and replaced folders that dead runs left beside the report,
    after moving any failed-run history they hold into the report."""
    pattern = _leftover_pattern(article_id)
    removed = []
    for folder in sorted(out.iterdir()):
        if folder.is_dir() and not folder.is_symlink() and pattern.fullmatch(folder.name):
            keep_failed_history(folder, out / article_id)
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` in one rename, keeping ``target/failed`` history."""
    if not target.exists():
        os.replace(staging, target)
        return
    keep_failed_history(target, staging)
    if exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # now the previous report
        return
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    os.replace(target, old)
    try:
        os.replace(staging, target)
    except OSError:
        os.replace(old, target)  # put the last good report back, with its history
        keep_failed_history(staging, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path, target: Path) -> None:
    """Remove a staging folder that was not swapped in, keeping any history it holds."""
    if staging.is_dir():
        keep_failed_history(staging, target)
        shutil.rmtree(staging, ignore_errors=True)


def failed_folder(target: Path, started: dt.datetime) -> Path:
    """A new ``target/failed/<timestamp>`` path for a failed run (not yet made)."""
    history = target / "failed"
    history.mkdir(parents=True, exist_ok=True)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    keep, n = history / stamp, 1
    while keep.exists():
        n += 1
        keep = history / f"{stamp}-{n}"
    return keep
