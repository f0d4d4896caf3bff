"""The lexicon base: word lists shipped beside the code, and the regex builders over them.

Every extractor and analysis reads its lexicons through here: loading is cached, phrases
become regex alternations (longest first) or tries, and case folding keeps offsets.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from newstables.paths import LEXICONS


@cache
def load_json(name: str) -> Any:
    """The JSON lexicon ``lexicons/<name>`` (cached: do not modify what it returns)."""
    return json.loads((LEXICONS / name).read_text(encoding="utf-8"))


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """The non-blank, non-comment lines of the word list ``lexicons/<name>``."""
    text = (LEXICONS / name).read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def alternation(phrases: Iterable[Any]) -> str:
    """A regex alternation of literal phrases, longest first; a space matches any whitespace."""
    items = sorted({str(p) for p in phrases}, key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in items)


def trie(words: Iterable[str], lower: bool = True) -> str:
    """A regex matching exactly one of ``words``, factored as a trie (faster than a flat
    alternation); a space in a word matches any whitespace."""
    root: dict[str, Any] = {}
    for word in {w.lower() if lower else w for w in words}:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(root)


def _trie_regex(node: dict[str, Any]) -> str:
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(node[ch])
        for ch in sorted(k for k in node if k)
    ]
    if not branches:
        return ""
    optional = "" in node
    if len(branches) == 1 and not optional:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str) -> str:
    """``text`` in lower case with the same length, so offsets into it still hold
    ("İ" lowers to two characters; such characters are kept as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def ascii_fold(text: str) -> str:
    """Only A-Z lowered: the cheapest same-length fold, for ASCII keyword matching."""
    return text.translate(_ASCII_LOWER)
