"""Quote marks in paragraphs: which marks open and close a quote, the segments they hold,
and quotes that run on into the next paragraph (the rules are in ``quotes.py``'s docstring).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newstables.extract.article import Article, Paragraph
from newstables.extract.speakers import starts_turn

_WORD = re.compile(r"[^\W_][\w’'-]*")
_DECADE = re.compile(r"\d0s\b")
_DOUBLE_OPEN, _DOUBLE_CLOSE = "“„«", "”»"
_MARKS = re.compile("[“”„«»‘’\"']")
_OPEN_CONTEXT = frozenset(" \t([{—–-/:;,“‘\"'")


@dataclass
class _Seg:
    """One quoted segment in one paragraph."""

    para: Paragraph
    open: int  # absolute offset of the opening mark
    close: int | None  # absolute offset of the closing mark (None: runs to paragraph end)
    start: int = 0
    end: int = 0
    continued: bool = False


@dataclass
class _Group:
    """A whole quote: one or more segments (continued paragraphs, split halves)."""

    segs: list[_Seg] = field(default_factory=list)
    speaker: str | None = None
    role: str | None = None
    cue: str | None = None
    kind: str = "partial"
    attributed: bool = False
    adjacent: bool = False  # the attribution is right next to the quote


# --- finding quote marks ---------------------------------------------------------------------


def _mark_role(t: str, k: int) -> tuple[str, str] | None:
    """('open'|'close'|'either', 'double'|'single') for the mark at ``t[k]``, None if no mark."""
    ch = t[k]
    prev = t[k - 1] if k > 0 else " "
    nxt = t[k + 1] if k + 1 < len(t) else " "
    if ch in _DOUBLE_OPEN:
        return ("close" if ch == "“" and prev not in _OPEN_CONTEXT and not nxt.isalnum()
                else "open", "double")
    if ch in _DOUBLE_CLOSE:
        return "close", "double"
    if ch == '"':
        if prev in _OPEN_CONTEXT and not nxt.isspace():
            return "open", "double"
        return ("close" if not prev.isspace() else "either"), "double"
    # single marks: ‘ ’ '
    if prev.isalnum() and nxt.isalnum():
        return None  # apostrophe inside a word
    if prev in _OPEN_CONTEXT and (nxt.isalnum() or nxt in "“\"…"):
        if ch != "‘" and _elision(t, k + 1):
            return None
        return "open", "single"
    if not prev.isspace() and not nxt.isalnum() and ch != "‘":
        return "close", "single"
    return None


def _elision(t: str, k: int) -> bool:
    """'em, 'til, 'cause, 'n', '90s: an apostrophe at a word's start, not a quote mark."""
    if _DECADE.match(t, k):
        return True
    word = _WORD.match(t, k)
    return word is not None and word.group().lower() in ("em", "til", "cause", "n", "tis", "twas")


def _possessive(t: str, k: int, later: bool) -> bool:
    """A single mark after a plural s, before a lower-case word: 'the boats' engines'."""
    return later and k > 0 and t[k - 1] in "sS" and t[k + 1 : k + 2] == " " and (
        t[k + 2 : k + 3].islower()
    )


def _paragraph_quotes(t: str) -> tuple[list[tuple[int, int | None, str]], str | None]:
    """Top-level quotes in paragraph text ``t``: (open, close or None, style) in local offsets,
    and the style of a quote left open at the paragraph's end (None if all closed)."""
    marks = [(k, r) for m in _MARKS.finditer(t) if (r := _mark_role(t, k := m.start()))]
    out: list[tuple[int, int | None, str]] = []
    state: tuple[int, str] | None = None
    last_single = max((i for i, (_, r) in enumerate(marks) if r == ("close", "single")),
                      default=-1)
    for idx, (k, (role, style)) in enumerate(marks):
        if state is None:
            if role in ("open", "either") and k + 1 < len(t):
                state = (k, style)
            continue
        open_at, open_style = state
        if style != open_style:
            continue  # nested quote of the other style
        if role in ("close", "either"):
            if style == "single" and _possessive(t, k, idx < last_single):
                continue
            out.append((open_at, k, style))
            state = None
        elif role == "open":
            state = (k, style)  # the earlier mark was a stray: start again here
    if state is not None:
        out.append((state[0], None, state[1]))
        return out, state[1]
    return out, None


def _opens_with_mark(t: str, style: str) -> bool:
    ch = t[:1]
    return ch in (_DOUBLE_OPEN + '"' if style == "double" else "‘'’")


def _segments(article: Article) -> list[_Group]:
    """Quote groups with their segments; continuation across paragraphs applied."""
    groups: list[_Group] = []
    carry: _Group | None = None
    paragraphs = article.paragraphs
    for pi, para in enumerate(paragraphs):
        quotes, left_open = _paragraph_quotes(para.text)
        for qi, (o, c, style) in enumerate(quotes):
            seg = _Seg(para, para.start + o, None if c is None else para.start + c)
            if qi == 0 and carry is not None and o == 0 and not starts_turn(para.text, 1):
                seg.continued = True
                carry.segs.append(seg)
                group = carry
            else:
                group = _Group([seg])
                groups.append(group)
            carry = None
            if c is None:
                nxt = paragraphs[pi + 1].text if pi + 1 < len(paragraphs) else ""
                if left_open and _opens_with_mark(nxt, style):
                    carry = group
        if carry is not None and not quotes:
            carry = None
    return groups


def _trim(text: str, seg: _Seg) -> bool:
    """Set the segment's span to the quoted words; False if nothing is quoted."""
    start = seg.open + 1
    end = seg.close if seg.close is not None else seg.para.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    seg.start, seg.end = start, end
    return any(ch.isalnum() for ch in text[start:end])


def _keep_unclosed(text: str, seg: _Seg) -> bool:
    """An unclosed quote is kept when it opens the paragraph or follows ':'/',' (3+ words)."""
    before = text[seg.para.start : seg.open].rstrip()
    if before and before[-1] not in ":,":
        return False
    return len(text[seg.start : seg.end].split()) >= 3
