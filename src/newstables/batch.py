"""Read a JSON-lines batch of documents ``{"id", "text", "published"?}`` line by line: each
line gives its Article, or the one-line reason it is bad, so one bad line loses no other."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from newstables.article import Article, article_from_text
from newstables.errors import NewstablesError
from newstables.textio import decode_text


def parse_line(raw: bytes, published: str | None) -> Article:
    """One batch line as an Article; NewstablesError says what is wrong with it."""
    text = decode_text(raw, "the line")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NewstablesError(f"not JSON ({exc.msg}, column {exc.colno})") from None
    except RecursionError:
        raise NewstablesError("JSON nested too deeply") from None
    if not isinstance(doc, dict) or "id" not in doc or "text" not in doc:
        raise NewstablesError('needs a JSON object with "id" and "text"')
    if not isinstance(doc["id"], str | int) or isinstance(doc["id"], bool):
        raise NewstablesError('"id" must be a string')
    date = doc.get("published")
    if date is not None and not isinstance(date, str):
        raise NewstablesError('"published" must be a string YYYY-MM-DD')
    return article_from_text(doc["text"], str(doc["id"]), date or published)


def read_batch(path: Path, published: str | None = None
               ) -> Iterator[tuple[str, Article | NewstablesError]]:
    """``("<file> line N", Article or the error)`` for each non-blank line, in order."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark starts the file
            if not raw.strip():
                continue
            where = f"{path.name} line {number}"
            try:
                yield where, parse_line(raw.rstrip(b"\r\n"), published)
            except NewstablesError as exc:
                yield where, exc
