"""Article and metadata bytes: UTF-8 with or without a byte-order mark, UTF-16 and UTF-32
with one; binary and other encodings refused in one line."""

import pytest

from newstables import NewstablesError, load_article
from newstables.textio import decode_text

TEXT = "Ministers met in Ankara.\nThey signed a deal on Türkiye’s border."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                      "utf-32"])
def test_unicode_with_a_byte_order_mark_or_plain_utf8_is_read(encoding):
    raw = TEXT.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # these codecs write no mark: add it
        raw = "\ufeff".encode(encoding) + raw
    assert decode_text(raw, "x") == TEXT


def test_a_utf16_article_file_loads_with_the_same_paragraphs(write_article):
    utf8 = load_article(write_article(TEXT.encode("utf-8"), name="plain"))
    utf16 = load_article(write_article(TEXT.encode("utf-16"), name="wide"))
    assert [p.text for p in utf16.paragraphs] == [p.text for p in utf8.paragraphs]


def test_a_sidecar_may_start_with_a_byte_order_mark(write_article):
    path = write_article(TEXT, name="marked")
    path.with_suffix(".json").write_bytes(b'\xef\xbb\xbf{"published": "2024-05-01"}')
    assert load_article(path).published.isoformat() == "2024-05-01"


@pytest.mark.parametrize(("raw", "message"), [
    (b"\x00\x01binary", "binary"),
    (b"caf\xe9", "not UTF-8"),
    (b"\xff\xfe\x00", "not UTF-16"),
])
def test_binary_or_undecodable_bytes_are_refused_in_one_line(raw, message):
    with pytest.raises(NewstablesError, match=message) as info:
        decode_text(raw, "article file x.txt")
    assert "\n" not in str(info.value)


def test_a_deeply_nested_sidecar_is_refused_in_one_line(write_article):
    path = write_article(TEXT, name="deep", sidecar="[" * 100_000 + "]" * 100_000)
    with pytest.raises(NewstablesError, match="nested too deeply|must be a JSON object"):
        load_article(path)
