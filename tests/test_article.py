"""The article model: loading, offsets, metadata, and every kind of bad input."""

import hashlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstables import NewstablesError, article_from_text, load_article
from newstables.extract.article import WORD, count_words, split_sentences


def test_seed_loads_with_metadata_and_checked_hash(seed):
    assert seed.id == "turkiye-uk-deal-2023"
    assert seed.published.isoformat() == "2023-08-09"
    assert seed.metadata["outlet"] == "Daily Sabah"
    assert len(seed.paragraphs) == len(seed.text.strip().splitlines())


def test_paragraph_and_sentence_offsets_reproduce_their_text(seed):
    for p in seed.paragraphs:
        assert seed.text[p.start : p.end] == p.text
    for s in seed.sentences:
        assert seed.text[s.start : s.end] == s.text
        assert (
            seed.paragraphs[s.paragraph - 1].start <= s.start < seed.paragraphs[s.paragraph - 1].end
        )


def test_numbers_are_one_based_and_consecutive(seed):
    assert [p.number for p in seed.paragraphs] == list(range(1, len(seed.paragraphs) + 1))
    assert [s.number for s in seed.sentences] == list(range(1, len(seed.sentences) + 1))


def test_blank_lines_between_paragraphs_are_allowed():
    art = article_from_text("First paragraph.\n\n  \nSecond paragraph.\n")
    assert [p.text for p in art.paragraphs] == ["First paragraph.", "Second paragraph."]
    assert art.text[art.paragraphs[1].start : art.paragraphs[1].end] == "Second paragraph."


def test_windows_line_endings_and_bom_are_normalised(write_article):
    path = write_article("\ufeffOne.\r\nTwo.\r\n".encode())
    art = load_article(path)
    assert [p.text for p in art.paragraphs] == ["One.", "Two."]


def test_html_character_references_of_a_copied_web_page_are_read_as_their_characters():
    text = (
        "&#8220;We will break the gangs,&#8221; said Jane Doe, the Home Office&rsquo;s minister."
        "\nSmith &amp; Sons and AT&T saw R&D; costs rise &unknown; 5&#10;%.\n"
    )
    art = article_from_text(text)
    assert art.paragraphs[0].text == (
        "“We will break the gangs,” said Jane Doe, the Home Office’s minister.")
    # No semicolon, no such name, or a line break: the text's own characters stay.
    assert art.paragraphs[1].text == "Smith & Sons and AT&T saw R&D; costs rise &unknown; 5&#10;%."
    assert len(art.paragraphs) == 2


def test_only_a_whole_reference_name_is_read_and_no_break_spaces_are_spaces():
    art = article_from_text("B&notice; and Q&ampere; stay; Yvette&nbsp;Cooper and\u00a0a&not;b;"
                            " 12\u00a0000 and 1&nbsp;000 keep theirs.")
    assert art.text == ("B&notice; and Q&ampere; stay; Yvette Cooper and a¬b;"
                        " 12\u00a0000 and 1\u00a0000 keep theirs.")


def test_a_quote_written_with_character_references_is_found_with_its_speaker():
    from newstables.extract.tables import extract_tables

    art = article_from_text(
        "Home Secretary Jane Doe said: &ldquo;We will stop the boats and break the gangs.&rdquo;",
        published="2025-03-01")
    quotes = extract_tables(art).quotes
    assert list(quotes["speaker"]) == ["Jane Doe"]
    assert quotes["text"].iloc[0].startswith("We will stop the boats")


def test_sentences_do_not_split_after_abbreviations_or_initials():
    text = ("The U.K. and Mr. Smith met J. Doe and Rep. G.K. Butterfield on Monday. They "
            "agreed a deal.")
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "The U.K. and Mr. Smith met J. Doe and Rep. G.K. Butterfield on Monday.",
        "They agreed a deal.",
    ]


def test_sentence_ending_in_a_quote_splits_after_the_closing_mark():
    text = "He said: “We will act.” The minister left."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "He said: “We will act.”",
        "The minister left.",
    ]


def test_plain_text_without_sidecar_takes_date_from_parameter(write_article):
    art = load_article(write_article("A paragraph."), published="2024-02-29")
    assert art.published.isoformat() == "2024-02-29" and art.id == "article"


def test_parameter_date_overrides_sidecar(write_article):
    path = write_article("Text.", sidecar=json.dumps({"published": "2020-01-01"}))
    assert load_article(path, published="2021-06-01").published.isoformat() == "2021-06-01"


def test_no_date_anywhere_leaves_published_unknown(write_article):
    assert load_article(write_article("Text.")).published is None


@pytest.mark.parametrize(
    ("content", "sidecar", "message"),
    [
        ("", None, "empty"),
        ("  \n\t\n", None, "empty"),
        (b"\x00\x01binary\x02", None, "binary"),
        (b"caf\xe9 au lait", None, "not UTF-8"),
        ("Text.", "{not json", "not valid JSON"),
        ("Text.", "[1, 2]", "JSON object"),
        ("Text.", json.dumps({"sha256": "0" * 64}), "sha256"),
        ("Text.", json.dumps({"published": "9 August 2023"}), "ISO date"),
    ],
)
def test_bad_input_raises_one_actionable_error(write_article, content, sidecar, message):
    with pytest.raises(NewstablesError, match=message) as info:
        load_article(write_article(content, sidecar=sidecar))
    assert "\n" not in str(info.value)


def test_missing_file_is_reported_with_its_path(tmp_path):
    with pytest.raises(NewstablesError, match="not found"):
        load_article(tmp_path / "nope.txt")


def test_matching_sha256_loads(write_article):
    text = "A checked paragraph."
    sidecar = json.dumps({"sha256": hashlib.sha256(text.encode()).hexdigest()})
    assert load_article(write_article(text, sidecar=sidecar)).paragraphs[0].text == text


@pytest.mark.parametrize("date", ["2023-8-9", "09/08/2023", "2023-02-30", "yesterday"])
def test_non_iso_or_impossible_dates_are_refused(write_article, date):
    with pytest.raises(NewstablesError, match="date"):
        load_article(write_article("Text."), published=date)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    list("aZü9_ -'’.,;:!?“”‘\"()[]\t\n\u00a0\u2028—")) | st.characters(), max_size=60))
def test_word_count_is_the_number_of_word_matches(text):
    assert count_words(text) == len(WORD.findall(text))


def test_word_count_keeps_numbers_and_joined_words_whole():
    text = "“We deported 124,441 people,” Türkiye’s cross-border minister said."
    assert count_words(text) == 8


def test_a_numbered_items_number_opens_its_sentence():
    text = "Seven numbers.\n\n3. August was the busiest month. It ended.\n\n6. Hotels."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Seven numbers.", "3. August was the busiest month.", "It ended.", "6. Hotels."]


def test_a_dotted_acronym_after_a_determiner_can_end_a_sentence():
    text = "It was signed in the E.U. Officials left."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "It was signed in the E.U.", "Officials left."]
