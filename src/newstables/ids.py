"""Article ids: each names its report folder, so it must be a plain, safe folder name."""

from __future__ import annotations

import re

from newstables.errors import NewstablesError

# Letters, digits, dot, dash, underscore; starts with a letter or digit (never hidden).
ARTICLE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
# Names the reports folder uses itself: the collection index and a report's failed runs.
RESERVED = re.compile(r"(index|failed)(\..*)?", re.IGNORECASE)


def check_article_id(value: object, where: str = "article") -> str:
    """``value`` as an article id, or NewstablesError saying why it cannot name a folder."""
    text = str(value)
    if not ARTICLE_ID.fullmatch(text) or ".." in text:
        raise NewstablesError(
            f"{where}: id {text[:60]!r} names its report folder, so it must be 1-128 letters, "
            "digits, '.', '-' or '_', start with a letter or digit and hold no '..'"
        )
    if RESERVED.fullmatch(text):
        raise NewstablesError(
            f"{where}: id {text!r} is reserved (the reports folder uses index.* and failed "
            "itself); give the article another id"
        )
    return text
