"""voices: joined quotes, speakers and voice types, quoted share, recurring phrases, framing."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstables.analyse import voices
from newstables.extract.article import article_from_text
from newstables.schema import frame


def quotes_of(article, *rows):
    """Quotes table from (speaker, role, quoted text, continued) found in the article."""
    out, pos, quote, segment = [], 0, 0, 0
    for speaker, role, text, continued in rows:
        start = article.text.find(text, pos)
        pos = start + len(text)
        para = article.paragraph_of(start)
        quote, segment = (quote, segment + 1) if continued else (quote + 1, 1)
        out.append({"quote": quote, "segment": segment, "speaker": speaker, "role": role,
                    "text": text,
                    "kind": "direct", "paragraph": para, "paragraphs": str(para),
                    "start": start, "end": pos, "cue": "said", "continued": continued})
    return frame("quotes", out)


TWO_PARAS = (
    'The minister said: "We will act now.\n'
    '"And we will not stop," she said. Critics disagree.\n'
    'A charity head, Ann Lee, said: "This is wrong."'
)


@pytest.fixture
def two_paras():
    art = article_from_text(TWO_PARAS)
    quotes = quotes_of(
        art,
        ("Jo Bloggs", "Home Secretary", "We will act now.", False),
        ("Jo Bloggs", "Home Secretary", "And we will not stop,", True),
        ("Ann Lee", "charity head", "This is wrong.", False),
    )
    return art, quotes


def test_full_quotes_join_continued_segments_into_one_row(two_paras):
    _, quotes = two_paras
    full = voices.full_quotes(quotes)
    assert full.text.tolist() == ["We will act now. And we will not stop,", "This is wrong."]
    assert full.paragraphs.tolist() == ["1-2", "3"]
    assert full.segments.tolist() == [2, 1]
    assert full.words.tolist() == [9, 3]


def test_full_quotes_of_no_quotes_is_an_empty_table():
    full = voices.full_quotes(frame("quotes", []))
    assert full.empty and list(full.columns) == voices.FULL_QUOTE_COLUMNS


def test_a_continued_segment_with_nothing_before_starts_its_own_quote():
    art = article_from_text('"Alone," he said.')
    quotes = quotes_of(art, ("He", None, "Alone,", True))
    assert voices.full_quotes(quotes).quote.tolist() == [1]


def test_paragraph_label_shows_runs_as_ranges():
    assert voices.paragraph_label([7, 8, 9]) == "7-9"
    assert voices.paragraph_label([1, 5, 5, 7]) == "1, 5, 7"
    assert voices.paragraph_label([]) == ""


def test_speakers_count_quotes_segments_and_words(two_paras):
    _, quotes = two_paras
    table = voices.speakers(quotes)
    assert table.speaker.tolist() == ["Jo Bloggs", "Ann Lee"]
    assert table.quotes.tolist() == [1, 1] and table.segments.tolist() == [2, 1]
    assert table.words.tolist() == [9, 3]
    assert table.share.sum() == pytest.approx(1.0)
    assert table.voice.tolist() == ["government", "NGO"]


def test_quotes_without_speaker_are_pooled_as_unattributed():
    art = article_from_text('"Enough," one MP said. "Too much," another said.')
    quotes = quotes_of(art, (None, None, "Enough,", False), (None, None, "Too much,", False))
    table = voices.speakers(quotes)
    assert table[["speaker", "voice", "quotes"]].values.tolist() == [
        ["unattributed", "unattributed", 2]]


@pytest.mark.parametrize("role, name, kind, expected", [
    ("Home Secretary", "Jo Bloggs", "person", "government"),
    ("Immigration Minister", "Jo Bloggs", "person", "government"),
    (None, "Interior Ministry", "org", "government"),
    ("spokesperson for the Home Office", "Sam Cole", "person", "government"),
    ("Shadow Home Secretary", "Jo Bloggs", "person", "opposition"),
    ("director of the charity Safe Passage", "Nadia Okafor", "person", "NGO"),
    (None, "Refugee Council", "org", "NGO"),
    ("professor of migration at Oxford University", "Al Smith", "person", "expert"),
    ("pensioner", "Maureen Clegg", "person", "citizen"),
    ("Conservative MP", "Bob Day", "person", "politician"),
    (None, "UNHCR", "org", "international"),
    (None, "Britain", "place", "government"),
    (None, "Jane Doe", "person", "other"),
    ("minister", None, None, "unattributed"),
])
def test_voice_type_from_role_and_name(role, name, kind, expected):
    assert voices.voice_type(role, name, kind) == expected


def test_voice_type_falls_back_to_the_words_introducing_the_speaker():
    assert voices.voice_type("Director", "Nadia Okafor", "person",
                             "director of the charity Safe Passage") == "NGO"
    assert voices.voice_type("Home Secretary", "Jo Bloggs", "person", "charity") == "government"


def test_introduction_takes_words_before_a_name_and_its_appositive():
    art = article_from_text("Later, refugee charity boss Ann Lee, head of Open Doors, said no.")
    start = art.text.index("Ann Lee")
    intro = voices.introduction(art, start, start + 7)
    assert intro == "Later refugee charity boss head of Open Doors"


def test_speakers_without_a_role_are_classed_by_their_introduction():
    art = article_from_text(
        'The opposition’s home affairs spokesman, Dan Price, said it was "a stunt".')
    quotes = quotes_of(art, ("Dan Price", None, "a stunt", False))
    actors = frame("actors", [{"actor": 1, "name": "Dan Price", "kind": "person",
                               "n_mentions": 1, "first_paragraph": 1}])
    start = art.text.index("Dan Price")
    mentions = frame("mentions", [{"actor": 1, "paragraph": 1, "start": start,
                                   "end": start + 9, "surface": "Dan Price"}])
    assert voices.speakers(quotes, actors).voice.tolist() == ["other"]
    assert voices.speakers(quotes, actors, mentions, art).voice.tolist() == ["opposition"]


def test_every_voice_type_has_its_own_colour():
    assert list(voices.VOICE_COLORS) == list(voices.VOICE_TYPES)
    assert len(set(voices.VOICE_COLORS.values())) == len(voices.VOICE_TYPES)


def test_voices_by_type_sums_speakers_in_lexicon_order(two_paras):
    _, quotes = two_paras
    table = voices.voices_by_type(voices.speakers(quotes))
    assert table[["voice", "speakers", "words"]].values.tolist() == [
        ["government", 1, 9], ["NGO", 1, 3]]


def test_quote_share_counts_words_inside_quoted_spans(two_paras):
    art, quotes = two_paras
    share = voices.quote_share(art, quotes).set_index("part")
    total = sum(len(p.text.split()) for p in art.paragraphs)
    assert share.loc["quotes", "words"] == 12
    assert share.loc["narration", "words"] == total - 12
    assert share.share.sum() == pytest.approx(1.0)


def test_quote_share_counts_overlapping_quotes_once():
    art = article_from_text('She said: "one two three four."')
    quotes = quotes_of(art, ("A", None, "one two three four.", False))
    doubled = frame("quotes", [*quotes.to_dict("records"), *quotes.to_dict("records")])
    assert voices.quote_share(art, doubled).words.tolist() == [4, 2]


def test_quote_share_without_quotes_is_all_narration():
    art = article_from_text("Only narration here.")
    assert voices.quote_share(art, frame("quotes", [])).words.tolist() == [0, 3]


def test_words_by_paragraph_splits_each_paragraph(two_paras):
    art, quotes = two_paras
    per = voices.words_by_paragraph(art, quotes)
    assert per.quoted.tolist() == [4, 5, 3]


PHRASES = (
    "The small boats crossed again.\n"
    "Officials counted the small boats.\n"
    'He said: "We will stop the small boats."'
)


def test_recurring_phrases_count_and_place_every_occurrence():
    art = article_from_text(PHRASES)
    quotes = quotes_of(art, ("He", None, "We will stop the small boats.", False))
    table = voices.recurring_phrases(art, quotes, min_count=2)
    row = table.set_index("phrase").loc["small boats"]
    assert (row["count"], row.in_quotes, row.in_narration, row["where"]) == (3, 1, 2, "both")
    assert row.paragraphs == "1-3"
    assert art.text[row.start : row.end] == row.surface


def test_recurring_phrases_drop_stop_words_at_the_edges():
    art = article_from_text("The plan of the day. The plan of the day.")
    phrases = voices.recurring_phrases(art, frame("quotes", []), 2).phrase.tolist()
    assert phrases == ["plan of the day"]


def test_recurring_phrases_respect_min_count():
    art = article_from_text("red tape and red tape and red tape")
    quotes = frame("quotes", [])
    assert voices.recurring_phrases(art, quotes, 3).phrase.tolist() == ["red tape"]
    assert voices.recurring_phrases(art, quotes, 4).empty


def test_recurring_phrases_do_not_cross_punctuation_or_numbers():
    art = article_from_text("Boats, people. Boats, people. 3.5 million and 5 million.")
    assert voices.recurring_phrases(art, frame("quotes", []), 2).empty


def test_recurring_phrases_join_overlaps_that_always_recur_together():
    text = "to disrupt and dismantle people smuggling gangs now. They disrupt and dismantle " \
           "people smuggling gangs."
    art = article_from_text(text)
    table = voices.recurring_phrases(art, frame("quotes", []), 2)
    assert table.phrase.tolist() == ["disrupt and dismantle people smuggling gangs"]


def test_framing_matches_lemmas_and_wildcards():
    art = article_from_text(
        "They are stopping the boats. We must smash the people smuggling gangs. A surge came."
    )
    matches = voices.framing(art, frame("quotes", []))
    assert matches.term.tolist() == ["stop the boats", "smash the … gangs", "surge"]
    assert matches.surface.tolist() == ["stopping the boats", "smash the people smuggling gangs",
                                        "surge"]
    for row in matches.itertuples():
        assert art.text[row.start : row.end] == row.surface


def test_framing_keeps_the_longer_of_overlapping_terms():
    art = article_from_text("More illegal migration, and illegals.")
    assert voices.framing(art, frame("quotes", [])).term.tolist() == [
        "illegal migration", "illegals"]


def test_the_noun_illegals_is_not_the_adjective_illegal():
    art = article_from_text("Illegal journeys and illegal crossings fell. He railed at illegals.")
    assert voices.framing(art, frame("quotes", [])).surface.tolist() == ["illegals"]


def test_framing_does_not_match_inside_words():
    art = article_from_text("The floodlights and surgeons.")
    assert voices.framing(art, frame("quotes", [])).empty


def test_framing_marks_matches_inside_quotes_and_summarises():
    art = article_from_text('Small boats came. She said: "Stop the boats and the small boats."')
    quotes = quotes_of(art, ("She", None, "Stop the boats and the small boats.", False))
    matches = voices.framing(art, quotes)
    assert matches.in_quote.tolist() == [False, True, True]
    summary = voices.framing_summary(matches).set_index("term")
    assert summary.loc["small boats", ["count", "in_quotes", "in_narration"]].tolist() == [
        2, 1, 1]
    frames = voices.frame_counts(matches).set_index("frame")
    assert list(frames.index) == list(voices.FRAMES)
    assert frames.loc["enforcement", "count"] == 1


ODD = st.lists(
    st.sampled_from(list("ab NUK“”‘’\"'.,;:!?\n-é9\u200b") + ["stop the boats ", "small boat ",
                                                             "9" * 40, "smash the "]),
    min_size=1, max_size=60,
).map("".join).filter(lambda t: t.strip())


@settings(max_examples=200, deadline=None)
@given(text=ODD, cuts=st.lists(st.integers(0, 400), max_size=12),
       names=st.lists(st.sampled_from([None, "A", "Home Office"]), max_size=6))
def test_any_text_never_raises_and_spans_reproduce_surfaces(text, cuts, names):
    art = article_from_text(text)
    n = len(art.text)
    spans = [(min(a, b) % n, max(a, b) % n + 1) for a, b in zip(cuts[::2], cuts[1::2],
                                                                  strict=False)]
    quotes = frame("quotes", [
        {"quote": i, "speaker": names[i % len(names)] if names else None, "role": None,
         "text": art.text[s:e], "kind": "direct", "paragraph": art.paragraph_of(s),
         "paragraphs": "", "start": s, "end": e, "cue": None, "continued": i % 2 == 1}
        for i, (s, e) in enumerate(spans, start=1)])
    voices.speakers(quotes)
    share = voices.quote_share(art, quotes)
    assert share.words.sum() == len(voices._WORD.findall(art.text))
    for table in (voices.recurring_phrases(art, quotes, 2), voices.framing(art, quotes)):
        for row in table.itertuples():
            assert art.text[row.start : row.end] == row.surface
    voices.framing_summary(voices.framing(art, quotes))


def test_one_word_count_for_paragraphs_and_quotes(seed):
    from newstables.extract.article import count_words
    from newstables.extract.tables import extract_tables

    tables = extract_tables(seed)
    assert tables.paragraphs["n_words"].sum() == count_words(seed.text)
    share = voices.quote_share(seed, tables.quotes).set_index("part")["words"]
    assert share.sum() == count_words(seed.text)
