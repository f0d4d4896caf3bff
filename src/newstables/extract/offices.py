"""Who held an office on a day (``lexicons/actors_offices.json``): the holder of "the Prime
Minister" or "the home secretary" among the people an article names, for a quote its text
gives to the title alone.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection

from newstables.lexicon import load_json


@functools.cache
def _offices() -> dict[str, list[tuple[str, str, dt.date, dt.date | None]]]:
    """title -> (holder, country, first day, last day or None) of every term."""
    out: dict[str, list[tuple[str, str, dt.date, dt.date | None]]] = {}
    for title, countries in load_json("actors_offices.json").items():
        if title.startswith("_"):
            continue
        for country, terms in countries.items():
            for name, first, last in terms:
                out.setdefault(title, []).append((
                    name, country, dt.date.fromisoformat(first),
                    dt.date.fromisoformat(last) if last else None))
    return out


@functools.cache
def _short_forms() -> dict[str, str]:
    """Short forms of titles: "pm" -> "prime minister"."""
    return load_json("actors_offices.json")["_short_forms"]


def holder(title: str, on: dt.date | None, named: Collection[str],
           country: str | None = None) -> str | None:
    """The one person in ``named`` (the people an article names) who held the office
    ``title`` ("prime minister") on the day ``on``, in ``country`` when given; None when no
    one or more than one does, or the day is not known."""
    if on is None:
        return None
    short = _short_forms()
    words = [w for word in title.lower().split() for w in short.get(word, word).split()]
    # ("Turkish interior minister": its office's words last; "PM": "prime minister")
    terms = next((_offices()[t] for t in (" ".join(words[k:]) for k in range(len(words)))
                  if t in _offices()), [])
    found = {name for name, where, first, last in terms
             if name in named and first <= on and (last is None or on < last)
             and (country is None or where == country)}
    return found.pop() if len(found) == 1 else None
