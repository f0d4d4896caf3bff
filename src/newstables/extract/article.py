"""The article model: text, metadata, paragraphs and sentences with character offsets.

Offsets are 0-based and end-exclusive into ``Article.text``; paragraph and sentence
numbers are 1-based. ``article.text[p.start:p.end] == p.text`` for every paragraph and
sentence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import html.entities
import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from newstables.errors import NewstablesError
from newstables.ids import check_article_id
from newstables.lexicon import fold
from newstables.textio import decode_text

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Characters that never appear in a text article; their presence means a binary file.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# A word: letters or digits, kept whole across inner hyphens and apostrophes ("cross-border",
# "Türkiye’s") and across number separators ("124,441"). The one definition of a word.
WORD = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:[-'’][^\W_]+)*")


# Marks that may stand at either end of a whitespace-separated chunk ('“We', 'said.”').
_CHUNK_ENDS = ",.;:!?“”‘’\"'()[]"


def count_words(text: str) -> int:
    """Number of words in ``text`` (matches of WORD): the one word count every table and
    notebook uses.

    No word crosses whitespace, so each chunk between spaces is counted on its own; a chunk
    that is letters only, with marks at most at its ends, is one word without the regex."""
    n = 0
    for chunk in (text or "").split():
        n += 1 if chunk.isalpha() or chunk.strip(_CHUNK_ENDS).isalpha() else len(
            WORD.findall(chunk))
    return n


@dataclass(frozen=True)
class Paragraph:
    number: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    number: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """A news article: its text, metadata and the spans of its paragraphs and sentences."""

    id: str
    text: str
    published: dt.date | None
    metadata: dict[str, Any] = field(default_factory=dict)
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()

    @cached_property
    def folded(self) -> str:
        """The text in lower case with the same length, so offsets hold: the one case-folded
        copy every extractor matches its lexicons in."""
        return fold(self.text)

    @property
    def title(self) -> str:
        return str(self.metadata.get("title", self.id))

    def paragraph_of(self, offset: int) -> int:
        """The 1-based number of the paragraph holding character ``offset`` (0 if none)."""
        for p in self.paragraphs:
            if p.start <= offset < p.end:
                return p.number
        return 0


def parse_date(value: str | dt.date | None, what: str = "published") -> dt.date | None:
    """An ISO ``YYYY-MM-DD`` string (or a date) as a date; ``None`` and ``""`` stay ``None``."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not ISO_DATE.fullmatch(text):
        raise NewstablesError(f"{what} date {value!r} is not an ISO date YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise NewstablesError(f"{what} date {value!r} is not a real calendar date") from None


# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "sgt", "capt",
    "gov", "sen", "rep", "rev", "hon", "no", "vs", "etc", "approx", "est", "inc", "ltd",
    "co", "corp", "dept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "u.s", "u.k",
    "u.n", "e.g", "i.e", "a.m", "p.m",
}
_LIST_NUMBER = re.compile(r"[0-9]{1,2}\.")  # a numbered item's number
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}[A-Z]\.?")  # "G.K.", "J.R.R."
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that)\s+$", re.I)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?:\[\d{1,2}\])*(?=\s+)")  # (a note: ".[1] ")
_NEXT_STARTS_SENTENCE = re.compile(r"\s+[\"'“‘(\[]?[A-Z0-9ÇĞİÖŞÜÂÎÛ]")


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``, shifted by ``offset``; rule-based."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        if not _NEXT_STARTS_SENTENCE.match(text, end):
            continue
        if text[m.start()] == "." and _LIST_NUMBER.fullmatch(text, start, m.start() + 1):
            continue  # "3. August was the busiest month": an item's number opens its sentence
        if text[m.start()] == ".":
            word = re.search(r"([A-Za-z.]+)\.?$", text[start : m.start() + 1])
            token = word.group(1).rstrip(".").lower() if word else ""
            # "U.K." ends a sentence only when followed by a new sentence; keep initials
            # ("J. Smith", "G.K. Butterfield") and listed abbreviations together.
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or (
                    _INITIALS.fullmatch(word.group(1)) and not _DETERMINER_BEFORE.search(
                        text, start, word.start() + start)):
                continue  # not "in the E.U. Officials left": a dotted acronym ends it
        spans.append((start + offset, end + offset))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text.rstrip()):
        spans.append((start + offset, len(text.rstrip()) + offset))
    return spans


# An HTML character reference closed by its semicolon ("&amp;", "&#8217;", "&#x2019;"), as
# text copied from a web page keeps them; one without it ("AT&T", "R&D") is the text's own.
_CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Spaces that do not break a line are spaces (a name written "Yvette&nbsp;Cooper" is
# "Yvette Cooper"), except between digits, where they set off thousands ("12 000").
_SPACES = {"\u00a0": " ", "\u202f": " ", "\u2007": " "}
_ODD_SPACE = re.compile("(?<!\\d)[\u00a0\u202f\u2007]|[\u00a0\u202f\u2007](?!\\d)")
_LINE_BREAKS = "\r\n\u0085\u2028\u2029"


def _character(ref: re.Match[str]) -> str:
    """The character a reference stands for; the reference itself when it names none (only a
    whole name counts: "&notice;" is not "&not;" and "ice;"), a control character, or a line
    break (so paragraphs stay the text's lines)."""
    written = ref.group()
    if written.startswith("&#"):
        char = html.unescape(written)
    else:
        char = html.entities.html5.get(written[1:], written)
    if char == written or not char or _CONTROL.search(char) or char in _LINE_BREAKS or (
            char == "\ufffd"):
        return written
    return char


def _normalise(raw: str) -> str:
    """The text offsets refer to: without a byte-order mark, with one line ending ("\\n"),
    HTML character references read as the characters they stand for, and no-break spaces
    as spaces, but between digits."""
    text = raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text:
        text = _CHAR_REF.sub(_character, text)
    return _ODD_SPACE.sub(lambda m: _SPACES[m.group()], text)


def article_from_text(
    text: str,
    id: str = "article",
    published: str | dt.date | None = None,
    metadata: dict[str, Any] | None = None,
) -> Article:
    """Build an Article from text: paragraphs are the non-blank lines."""
    if not isinstance(text, str):
        raise NewstablesError(f"article {id!r}: text must be a string, not {type(text).__name__}")
    check_article_id(id)
    text = _normalise(text)
    if not text.strip():
        raise NewstablesError(f"article {id!r} is empty: give a text with at least one paragraph")
    if _CONTROL.search(text):
        raise NewstablesError(f"article {id!r} holds control characters: is it a binary file?")
    meta = dict(metadata or {})
    date = parse_date(published if published not in (None, "") else meta.get("published"))
    if date is not None:
        meta["published"] = date.isoformat()
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + (len(line) - len(line.lstrip()))
            para = Paragraph(len(paragraphs) + 1, start, start + len(stripped), stripped)
            paragraphs.append(para)
            for s, e in split_sentences(stripped, start):
                sentences.append(Sentence(len(sentences) + 1, para.number, s, e, text[s:e]))
        pos += len(line) + 1
    return Article(id, text, date, meta, tuple(paragraphs), tuple(sentences))


def _read_metadata(path: Path) -> dict[str, Any]:
    sidecar = path.with_suffix(".json")
    if not sidecar.exists():
        return {}
    try:
        raw = sidecar.read_bytes()
    except OSError as exc:
        raise NewstablesError(f"{sidecar.name}: cannot read metadata ({exc.strerror})") from None
    try:
        meta = json.loads(decode_text(raw, f"{sidecar.name}: metadata"))
    except json.JSONDecodeError as exc:
        raise NewstablesError(f"{sidecar.name}: metadata is not valid JSON ({exc})") from None
    except RecursionError:
        raise NewstablesError(f"{sidecar.name}: metadata is nested too deeply") from None
    if not isinstance(meta, dict):
        raise NewstablesError(f"{sidecar.name}: metadata must be a JSON object")
    if meta.get("url") not in (None, "") and not is_web_address(meta["url"]):
        raise NewstablesError(
            f"{sidecar.name}: url {str(meta['url'])[:80]!r} is not an http or https address"
        )
    return meta


def is_web_address(url: object) -> bool:
    """Whether ``url`` is an absolute http(s) address with a host: the only links a report makes."""
    from urllib.parse import urlsplit

    if not isinstance(url, str) or url != url.strip() or any(c.isspace() for c in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def load_article(
    path: str | Path,
    published: str | dt.date | None = None,
    metadata: dict[str, Any] | None = None,
) -> Article:
    """Load ``<id>.txt`` and its optional ``<id>.json`` sidecar; check the text's sha256.

    ``published`` overrides the sidecar's date; ``metadata`` adds to or overrides it.
    Raises NewstablesError for any bad input.
    """
    path = Path(path)
    if not path.exists():
        raise NewstablesError(f"article file not found: {path}")
    if not path.is_file():
        raise NewstablesError(f"article path is not a file: {path}")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise NewstablesError(f"cannot read article file {path}: {exc.strerror}") from None
    if not raw.strip():
        raise NewstablesError(f"article file is empty: {path}")
    text = decode_text(raw, f"article file {path}")
    meta = _read_metadata(path)
    expected = meta.get("sha256")
    if expected is not None:
        actual = hashlib.sha256(raw).hexdigest()
        if actual != str(expected).lower():
            raise NewstablesError(
                f"{path.name}: text does not match the sha256 in {path.with_suffix('.json').name}"
                f" (expected {str(expected)[:12]}…, got {actual[:12]}…); restore the text"
                " or update the hash"
            )
    meta.update(metadata or {})
    if meta.get("published") not in (None, ""):
        parse_date(meta["published"], f"{path.with_suffix('.json').name}: published")
    article_id = check_article_id(meta.get("id") or path.stem, str(path))
    return article_from_text(text, article_id, published, meta)
