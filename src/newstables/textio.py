"""Decode article and metadata bytes: UTF-8 (with or without a byte-order mark), or UTF-16
and UTF-32 when a byte-order mark says so."""

from __future__ import annotations

import codecs

from newstables.errors import NewstablesError

# Longest first: a UTF-32-LE mark starts with the UTF-16-LE one.
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def encoding_of(raw: bytes) -> str:
    """The encoding a byte-order mark declares; UTF-8 without one."""
    for mark, encoding in _MARKS:
        if raw.startswith(mark):
            return encoding
    return "utf-8"


def decode_text(raw: bytes, what: str) -> str:
    """``raw`` as text, without its byte-order mark; one-line NewstablesError if it is
    binary or not in a Unicode encoding."""
    encoding = encoding_of(raw)
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        name = {"utf-8-sig": "UTF-8"}.get(encoding, encoding.upper())
        raise NewstablesError(
            f"{what} is not {name} (byte {exc.start}); re-save it as UTF-8"
        ) from None
    if "\x00" in text:
        raise NewstablesError(f"{what} is binary, not text")
    return text
