"""The documents of a corpus: a folder of ``.txt`` articles (with optional JSON sidecars) or
a JSON Lines file as ``extract --batch`` reads it (``{"id", "text", "published"?, ...}``).

Reading a source never fails on one bad document: a document that cannot be read carries
its reason in ``problem`` and is recorded as an error in the manifest.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newstables.errors import NewstablesError
from newstables.extract.article import Article, article_from_text


@dataclass(frozen=True)
class Document:
    """One article of a corpus as read from its source, before extraction."""

    id: str
    position: int  # 0-based order in the source
    origin: str  # file name, or "<file> line N"
    raw: bytes  # the article text as stored
    metadata: dict[str, Any] = field(default_factory=dict)
    problem: str = ""  # why it cannot be read, if it cannot

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    @property
    def published(self) -> str:
        value = self.metadata.get("published")
        return str(value) if value not in (None, "") else ""


def read_source(source: str | Path | Sequence[str | Path]) -> list[Document]:
    """Every document of ``source`` (a folder, a ``.jsonl`` file, or a list of ``.txt``
    files), in source order.

    Raises NewstablesError only when the source itself is missing or empty; two documents
    with one id make the second an error.
    """
    if not isinstance(source, str | Path):
        missing = [str(p) for p in source if not Path(p).is_file()]
        if missing:
            raise NewstablesError(f"article file not found: {missing[0]}")
        docs = list(_files([Path(p) for p in source]))
        if not docs:
            raise NewstablesError("no article given")
        return _unique(docs)
    path = Path(source)
    if path.is_dir():
        docs = list(_folder(path))
        if not docs:
            raise NewstablesError(f"no article (*.txt) in folder {path}")
    elif path.is_file():
        docs = list(_jsonl(path))
        if not docs:
            raise NewstablesError(f"no document in {path}")
    else:
        raise NewstablesError(f"corpus source not found: {path}")
    return _unique(docs)


def _unique(docs: list[Document]) -> list[Document]:
    seen: dict[str, str] = {}
    for i, doc in enumerate(docs):
        if doc.id in seen:
            docs[i] = replace(doc, id=f"{doc.id} ({doc.origin})",
                              problem=f"id {doc.id!r} is already used by {seen[doc.id]}")
        else:
            seen[doc.id] = doc.origin
    return docs


def _folder(folder: Path) -> Iterator[Document]:
    return _files(sorted(folder.glob("*.txt")))


def _files(files: Sequence[Path]) -> Iterator[Document]:
    for position, path in enumerate(files):
        try:
            raw = path.read_bytes()
        except OSError as exc:
            yield Document(path.stem, position, path.name, b"", {},
                           f"cannot read {path.name}: {exc.strerror}")
            continue
        meta, problem = _sidecar(path)
        yield Document(str(meta.get("id") or path.stem), position, path.name, raw, meta, problem)


def _sidecar(path: Path) -> tuple[dict[str, Any], str]:
    sidecar = path.with_suffix(".json")
    if not sidecar.exists():
        return {}, ""
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except OSError as exc:
        return {}, f"{sidecar.name}: cannot read metadata ({exc.strerror})"
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, f"{sidecar.name}: metadata is not valid JSON ({exc})"
    if not isinstance(meta, dict):
        return {}, f"{sidecar.name}: metadata must be a JSON object"
    return meta, ""


def _jsonl(path: Path) -> Iterator[Document]:
    with path.open("rb") as handle:
        position = 0
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path.name} line {number}"
            try:
                doc = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield Document(where, position, where, line, {}, f"not a JSON object ({exc})")
                position += 1
                continue
            if not isinstance(doc, dict) or "id" not in doc or not isinstance(doc.get("text"),
                                                                               str):
                name = str(doc["id"]) if isinstance(doc, dict) and "id" in doc else where
                yield Document(name, position, where, line, {}, 'needs "id" and "text"')
            else:
                meta = {k: v for k, v in doc.items() if k != "text"}
                meta["id"] = str(doc["id"])
                yield Document(str(doc["id"]), position, where, doc["text"].encode("utf-8"),
                               meta)
            position += 1


def to_article(doc: Document) -> Article:
    """The document as an Article; NewstablesError (one line) for a bad one."""
    if doc.problem:
        raise NewstablesError(doc.problem)
    raw = doc.raw
    if not raw.strip():
        raise NewstablesError("the article is empty")
    if b"\x00" in raw:
        raise NewstablesError("the article is binary, not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NewstablesError(f"the article is not UTF-8 (byte {exc.start})") from None
    expected = doc.metadata.get("sha256")
    if expected is not None and str(expected).lower() != doc.sha256:
        raise NewstablesError(f"the text does not match the sha256 in its metadata "
                              f"(expected {str(expected)[:12]}…, got {doc.sha256[:12]}…)")
    return article_from_text(text, doc.id, doc.published or None, doc.metadata)
