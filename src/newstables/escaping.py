"""Text from an article made safe to put inside Markdown: it shows as written, never as markup."""

from __future__ import annotations

import re

# Characters Markdown (with HTML, math and tables) may read as markup; CommonMark lets a
# backslash escape any ASCII punctuation, so each becomes literal.
_SPECIAL = re.compile(r"([\\`*_\[\]<>&$~|#])")


def markdown_text(text: str) -> str:
    """``text`` escaped for Markdown: tags, links, emphasis, math and headings stay text."""
    return _SPECIAL.sub(r"\\\1", str(text))
