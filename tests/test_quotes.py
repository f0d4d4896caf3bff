"""Quotes: marks, spans, speakers, cues, kinds, labels and quotes over several paragraphs."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstables import article_from_text
from newstables.extract.actors import extract_actors
from newstables.extract.quotes import extract_quotes
from newstables.extract.tables import extract_tables


def quotes_of(text: str):
    article = article_from_text(text)
    actors, mentions = extract_actors(article)
    return extract_quotes(article, actors, mentions)


def rows(text: str) -> list[dict]:
    """Quote rows as dicts, missing values (None or NaN in pandas) as None."""
    return [{k: (None if v is None or v != v else v) for k, v in r.items()}
            for r in quotes_of(text).to_dict("records")]


def test_said_colon_before_quote_names_speaker_and_role():
    [q] = rows("Home Secretary Suella Braverman said: “We must stop the boats.”")
    assert (q["speaker"], q["role"], q["cue"], q["kind"]) == (
        "Suella Braverman", "Home Secretary", "said", "direct"
    )
    assert q["text"] == "We must stop the boats."


def test_said_after_quote_names_speaker():
    [q] = rows("Nikos Alexiou spoke first.\n“We saved everyone,” said Nikos Alexiou.")
    assert (q["speaker"], q["cue"], q["kind"]) == ("Nikos Alexiou", "said", "direct")


def test_speaker_before_cue_after_quote():
    [q] = rows("Immigration Minister Robert Jenrick was there. “We will act,” Jenrick said.")
    assert (q["speaker"], q["role"]) == ("Robert Jenrick", "Immigration Minister")


def test_told_names_the_subject_not_the_listener():
    [q] = rows("Prime Minister Rishi Sunak told the BBC: “Yes. The numbers are down.”")
    assert (q["speaker"], q["cue"]) == ("Rishi Sunak", "told")


def test_according_to_names_speaker():
    [q] = rows("“Networks exploit the vulnerable,” according to the UNHCR.")
    assert (q["speaker"], q["cue"]) == ("UNHCR", "according to")


def test_pronoun_speaker_is_the_last_person_named_before():
    text = "Yvette Cooper criticised the plan.\n“This is too little, too late,” she added."
    [q] = rows(text)
    assert (q["speaker"], q["cue"]) == ("Yvette Cooper", "added")


def test_inverted_said_with_appositive_role():
    [q] = rows("“We cannot cope,” said Dimitris Kairidis, the Greek migration minister.")
    assert (q["speaker"], q["role"]) == ("Dimitris Kairidis", "Migration Minister")


def test_organisation_can_be_the_speaker():
    [q] = rows("“Arrests rose by half,” the Interior Ministry said in a statement.")
    assert q["speaker"] == "Interior Ministry"


def test_generic_ministry_phrase_resolves_to_last_ministry():
    text = "The Interior Ministry released figures.\n“Arrests rose,” the ministry said."
    assert rows(text)[0]["speaker"] == "Interior Ministry"


def test_spokesperson_of_an_organisation_speaks_for_it():
    [q] = rows("“It was a busy day,” a Home Office spokesperson said.")
    assert (q["speaker"], q["role"]) == ("Home Office", "spokesperson")


def test_partial_quote_takes_the_subject_of_its_sentence():
    [q] = rows("Home Secretary Suella Braverman vowed to “smash the gangs” this year.")
    assert (q["speaker"], q["cue"], q["kind"], q["text"]) == (
        "Suella Braverman", "vowed", "partial", "smash the gangs"
    )


def test_partial_quote_without_a_speaker_has_none():
    [q] = rows("Türkiye and the United Kingdom pledged action to “disrupt and dismantle gangs.”")
    assert (q["speaker"], q["cue"], q["kind"]) == (None, None, "partial")


def test_quoted_label_after_article_is_not_a_quote():
    assert rows("At its heart is a new operational “center of excellence” in Ankara.") == []


def test_title_case_label_is_not_a_quote():
    assert rows("It came at the end of what was billed as its “Stop the Boats” week.") == []


def test_so_called_and_dubbed_spans_are_not_quotes():
    text = "Officials opened a so-called “reception hub”, dubbed “Camp Hope” by locals."
    assert rows(text) == []


def test_predicate_after_a_cue_verb_is_a_partial_quote_with_unnamed_speaker():
    [q] = rows("Residents called the site “a disgrace” and demanded its closure.")
    assert (q["text"], q["kind"], q["speaker"], q["cue"]) == (
        "a disgrace", "partial", None, "called"
    )


def test_quoted_word_after_a_determiner_in_attributed_speech_is_a_quote():
    [q] = rows("Labour's Yvette Cooper said the scheme was a 'gimmick' that cost millions.")
    assert (q["text"], q["speaker"], q["kind"]) == ("gimmick", "Yvette Cooper", "partial")


def test_curly_possessive_before_a_label_makes_it_a_label():
    assert rows("It is the government’s “safe and legal routes” policy.") == []


def test_quoted_title_of_a_release_is_not_a_quote():
    text = 'The Home Office\'s "Irregular migration to the UK, year ending June 2023" release.'
    assert rows(text) == []


def test_anonymous_source_is_unnamed_not_the_person_after_it():
    text = (
        "Home Secretary James Cleverly spoke.\n"
        "A source close to the Home Secretary said: “He is calm.”"
    )
    [q] = rows(text)
    assert (q["speaker"], q["cue"]) == (None, "said")


def test_words_of_an_ad_or_a_ruling_are_theirs_not_the_last_person_quoted():
    text = (
        "“We will win,” Jane Porter said.\n"
        "As a phone rang, the announcer said, “Who do you want answering the phone?”\n"
        "“If she thinks that is smart,” the ad’s narrator says, “what does she think of you?”\n"
        "The ruling said, “A state cannot remove voters for not voting.”"
    )
    quotes = {q["quote"]: (q["speaker"], q["role"]) for q in rows(text)}  # one per quote
    assert list(quotes.values()) == [
        ("Jane Porter", None), (None, "announcer"), (None, "narrator"), (None, "ruling")]


def test_a_statement_or_letter_of_a_named_body_is_that_body():
    [q] = rows("A Home Office letter said: “We do not comment on individual cases.”")
    assert (q["speaker"], q["cue"]) == ("Home Office", "said")


def test_the_minister_is_the_last_minister_named_but_a_minister_is_unnamed():
    text = (
        "Interior Minister Ali Yerlikaya spoke first.\n"
        "“Arrests are up,” the minister said.\n"
        "“It is working,” a second Turkish minister added."
    )
    assert [q["speaker"] for q in rows(text)] == ["Ali Yerlikaya", None]


def test_the_prime_minister_is_the_prime_minister_not_the_last_minister():
    text = (
        "Prime Minister Rishi Sunak met Interior Minister Ali Yerlikaya.\n"
        "“We will stop the boats,” the prime minister said.\n"
        "“Arrests are up,” the minister said."
    )
    assert [(q["speaker"], q["role"]) for q in rows(text)] == [
        ("Rishi Sunak", "Prime Minister"), ("Ali Yerlikaya", "Interior Minister")]
    # nor is the home secretary the shadow one
    text = ("Home Secretary Yvette Cooper faced the shadow home secretary, Chris Philp.\n"
            "“We will build on it,” the home secretary said.")
    assert [q["speaker"] for q in rows(text)] == ["Yvette Cooper"]
    # no one named holds it: the role is the whole title, the words of its lexicon only
    [q] = rows("Keir Starmer arrived.\nThe prime minister said: “This is a real step forward.”")
    assert (q["speaker"], q["role"]) == (None, "prime minister")


def test_a_minister_of_another_nation_is_not_the_minister_named_before():
    text = ("Interior Minister Ali Yerlikaya met his British counterpart in Ankara.\n"
            "“We will continue our fight,” Yerlikaya stated.\n"
            "Speaking after the meeting, the British minister emphasized that the cooperation "
            "“saves lives”.")
    assert [(q["speaker"], q["role"]) for q in rows(text)] == [
        ("Ali Yerlikaya", "Interior Minister"), (None, "British minister")]
    # a 'he' after the unnamed British minister is that minister, not a figure's source
    tables = extract_tables(article_from_text(
        text + " He noted that the UK would provide £3 million for training."))
    assert tables.figures["source"].isna().all()


def test_places_other_than_countries_never_speak():
    qs = rows("Lesbos rejected the plan. “We will not accept it,” Lesbos said.")
    assert [q["speaker"] for q in qs] == [None]


def test_name_in_quote_marks_does_not_cut_the_lead_in():
    text = "Minister Gareth Sloane, dubbed ‘The Enforcer’ by colleagues, told the Beacon: ‘No.’"
    [q] = rows(text)
    assert (q["text"], q["speaker"]) == ("No.", "Gareth Sloane")


def test_descriptor_and_age_around_a_name():
    [q] = rows("Pensioner Maureen Clegg, 71, said: ‘I don’t feel safe any more.’")
    assert q["speaker"] == "Maureen Clegg"


def test_single_quote_marks_tabloid_style():
    text = "Prime Minister Rishi Sunak spoke.\n'We will stop the boats,' he said."
    [q] = rows(text)
    assert (q["text"], q["speaker"], q["kind"]) == ("We will stop the boats", "Rishi Sunak",
                                                      "direct")


def test_apostrophes_are_not_quote_marks():
    text = "Britain's plan: the boats' engines don't start and I’ve seen it, he said."
    assert rows(text) == []


def test_apostrophes_inside_a_single_quoted_quote_stay_inside():
    [q] = rows("'It's the boats' engines that fail,' one survivor told AFP.")
    assert q["text"] == "It's the boats' engines that fail"


def test_quote_over_two_paragraphs_is_continued():
    text = (
        "Home Secretary Suella Braverman said: “We must stop the boats.\n"
        "“Our partnership will tackle the supply chain.”\n"
        "The deal was signed."
    )
    qs = rows(text)
    assert [q["paragraph"] for q in qs] == [1, 2]
    assert [q["paragraphs"] for q in qs] == ["1-2", "1-2"]
    assert [q["continued"] for q in qs] == [False, True]
    assert {q["speaker"] for q in qs} == {"Suella Braverman"}


def test_quote_over_three_paragraphs():
    text = "Robert Jenrick said: “One.\n“Two more words here.\n“Three and done.”"
    qs = rows(text)
    assert [q["paragraphs"] for q in qs] == ["1-3"] * 3
    assert [q["continued"] for q in qs] == [False, True, True]


def test_unclosed_quote_never_swallows_the_next_paragraph():
    text = "Mr Smith said: “We will not stop the crossings\nThe next paragraph is narration."
    [q] = rows(text)
    assert q["text"] == "We will not stop the crossings" and q["paragraphs"] == "1"


def test_stray_mark_mid_sentence_is_dropped():
    assert rows("The “deal was signed on Monday in Ankara by both sides.\nNext.") == []


def test_split_quote_keeps_one_speaker_and_cue():
    text = "Ali Yerlikaya spoke.\n“We have a duty,” he added, “and we will meet it.”"
    qs = rows(text)
    assert [q["text"] for q in qs] == ["We have a duty", "and we will meet it."]
    assert {(q["speaker"], q["cue"], q["kind"]) for q in qs} == {("Ali Yerlikaya", "added",
                                                                   "direct")}


def test_a_quote_split_by_its_attribution_between_double_apostrophes_is_one_quote():
    # some newspapers' text marks quotes with two apostrophes: ''...''
    text = "The museum opened.\n''Hopefully,'' the president said, ''this museum can help us.''"
    qs = rows(text)
    assert [q["quote"] for q in qs] == [1, 1]
    assert {(q["speaker"], q["role"], q["cue"]) for q in qs} == {(None, "president", "said")}


def test_unattributed_quote_takes_the_previous_speaker():
    text = "“This is a farce,” Yvette Cooper said. “The government has lost control.”"
    qs = rows(text)
    assert [q["speaker"] for q in qs] == ["Yvette Cooper", "Yvette Cooper"]


def test_nested_quotes_stay_inside_the_outer_quote():
    [q] = rows("“He told me ‘go home’ and left,” said Ahmed.")
    assert q["text"] == "He told me ‘go home’ and left"


def test_straight_double_quotes():
    [q] = rows('"This is a European problem," Dimitris Kairidis said on Monday.')
    assert (q["text"], q["speaker"]) == ("This is a European problem", "Dimitris Kairidis")


def test_us_style_honorific_with_full_stop_after_quote():
    text = 'Lee Gelernt, a lawyer, spoke. "It is illegal, plain and simple," Mr. Gelernt said.'
    [q] = rows(text)
    assert (q["speaker"], q["cue"]) == ("Lee Gelernt", "said")


def test_span_excludes_marks_and_trailing_comma():
    text = "“We will act,” she said."
    [q] = rows(text)
    assert text[q["start"] : q["end"]] == "We will act"


def test_seed_quotes(seed):
    actors, mentions = extract_actors(seed)
    qs = extract_quotes(seed, actors, mentions).to_dict("records")
    qs = [q for q in qs if q["text"] != "pull"]  # a one-word scare quote: neither way is wrong
    assert [(q["paragraph"], q["paragraphs"], q["continued"]) for q in qs] == [
        (1, "1", False), (5, "5-6", False), (6, "5-6", True),
        (7, "7-9", False), (8, "7-9", True), (9, "7-9", True),
    ]
    speakers = [None if pd.isna(q["speaker"]) else q["speaker"] for q in qs]
    assert speakers == [None] + ["Suella Braverman"] * 2 + ["Robert Jenrick"] * 3
    assert [q["kind"] for q in qs] == ["partial"] + ["direct"] * 5
    texts = " ".join(q["text"] for q in qs)
    assert "center of excellence" not in texts and "Stop the Boats" not in texts
    for q in qs:
        assert seed.text[q["start"] : q["end"]] == q["text"]


PIECES = list("abc XYZ.,:;\n“”‘’\"'-—()0123456789İüß😀") + [
    "said ", "he added, ", "“We ", "” said Mr Jenrick. ", "'s ", "boats' ", "so-called ",
    "Home Secretary Suella Braverman ", "according to ", "99999999999999999999 ", "\n“",
]
CHARS = st.characters(blacklist_categories=("Cc", "Cs"))
TEXT = st.one_of(
    st.text(CHARS, max_size=200), st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_any_text_never_raises_and_spans_reproduce_text(text):
    if not text.removeprefix("\ufeff").strip():
        return  # no article: a clear error, tested elsewhere
    article = article_from_text(text)
    actors, mentions = extract_actors(article)
    quotes = extract_quotes(article, actors, mentions)
    ids = list(dict.fromkeys(quotes["quote"]))
    assert ids == list(range(1, len(ids) + 1))  # one id per quote, numbered in text order
    for _, rows in quotes.groupby("quote"):
        assert list(rows["segment"]) == list(range(1, len(rows) + 1))
    for q in quotes.itertuples():
        assert article.text[q.start : q.end] == q.text
        para = article.paragraphs[q.paragraph - 1]
        assert para.start <= q.start <= q.end <= para.end  # never past its paragraph
        assert q.kind in ("direct", "partial")


def test_a_new_sentence_after_a_closed_quote_does_not_take_it_over():
    art = article_from_text(
        "Home Secretary James Cleverly said: “We will send more officers.” "
        "Minister Ali Yerlikaya told reporters the talks went well."
    )
    actors, mentions = extract_actors(art)
    quotes = extract_quotes(art, actors, mentions)
    assert list(quotes["speaker"]) == ["James Cleverly"]


def test_a_quote_over_several_paragraphs_keeps_one_id_with_numbered_segments():
    text = ("Harbour master Lise Dahl said: “We closed the port at dawn.\n"
            "“The wind reached gale force by noon.\n"
            "“Nobody was hurt.”\n"
            "“The port opens tomorrow,” she said later.")
    quotes = quotes_of(text)
    assert quotes["quote"].tolist() == [1, 1, 1, 2]
    assert quotes["segment"].tolist() == [1, 2, 3, 1]
    assert quotes["paragraphs"].tolist()[:3] == ["1-3"] * 3
    assert quotes["quote"].nunique() == 2  # a count of quotes counts quotes, not rows


def test_a_split_quote_is_one_quote_in_two_segments():
    quotes = quotes_of("“We will act,” said Noor Haddad, “and we will act fast.”")
    assert quotes["quote"].tolist() == [1, 1]
    assert quotes["segment"].tolist() == [1, 2]


def test_a_country_speaks_only_as_the_whole_subject():
    said = rows("“We will not accept pushbacks,” Greece said on Monday.\n\n"
                "“We are ready to act,” said the UK in a statement.\n\n"
                "Türkiye said the deal was “a historic step for both nations”.\n\n"
                "Migrants in Greece said: “We have nowhere to go at all.”\n\n"
                "“The sea was very rough,” said officials in Italy.")
    assert [q["speaker"] for q in said[:3]] == ["Greece", "United Kingdom", "Türkiye"]
    assert "Greece" not in [q["speaker"] for q in said[3:]]
    assert said[4]["speaker"] is None and said[4]["role"] == "officials"


def test_an_unnamed_mayor_is_a_speaker_with_a_role():
    [q] = rows("In Lesbos, the mayor said: “The camp is full again today.”")
    assert (q["speaker"], q["role"], q["cue"]) == (None, "mayor", "said")


def test_a_surname_with_particles_or_a_prefix_speaks_for_the_full_name():
    out = rows("European Commission President Ursula von der Leyen met Bashar al-Assad. "
               "Von der Leyen said: “We will act.” “It is historic,” von der Leyen told "
               "reporters. Assad said: “We refuse.”")
    assert [r["speaker"] for r in out] == [
        "Ursula von der Leyen", "Ursula von der Leyen", "Bashar al-Assad"]


def test_they_continues_an_unnamed_voice_or_a_body_but_not_another_speaker():
    out = rows("A Home Office spokesperson said crossings were “shameful”.\n"
               "But they added: “This government is taking action.”\n"
               "Police said a man had been arrested. They added: “Inquiries continue.”")
    assert [(r["speaker"], r["role"]) for r in out] == [
        ("Home Office", "spokesperson"), ("Home Office", "spokesperson"), (None, None)]
    named = rows("Rishi Sunak said: “We will act.” They added: “No.”")
    assert named[1]["speaker"] is None  # after a named person, 'they' is someone else


def test_they_after_a_sentence_with_another_subject_is_not_the_last_voice():
    out = rows("The Home Office said the scheme was “working”. Many asylum seekers fear "
               "deportation. They said: “We have nowhere to go.”")
    assert out[1]["speaker"] is None


def test_a_surname_with_its_particle_prefers_the_name_that_ends_so():
    out = rows("Lula da Silva met Marina Silva. Da Silva said: “We agree.”")
    assert out[0]["speaker"] == "Lula da Silva"


def test_a_quote_with_its_own_unresolved_attribution_is_not_the_last_speakers():
    text = (
        "“We will stop the boats,” a Home Office spokesperson said.\n"
        "“Criminalising refugees will not work,” said the charity’s head of policy.\n"
        "“It is a start,” one MP said, as the vote was called.\n"
        "Ali Hussein fled Kabul in 2021. “We lost everything,” he said. “Everything,” his wife "
        "added."
    )
    quotes = [(q["speaker"], q["role"], q["cue"]) for q in rows(text)]
    assert quotes == [("Home Office", "spokesperson", "said"), (None, "head of policy", "said"),
                      (None, "mp", "said"), ("Ali Hussein", None, "said"), (None, "wife", "added")]


def test_a_description_after_a_quote_refers_back_to_the_one_quoted_before():
    text = (
        "Nigel Farage said: “Reform will deport every illegal migrant.”\n"
        "“We mean it this time,” the 60-year-old said.\n"
        "Ms Cooper said: “The plan is working.”\n"
        "“Why would we change course now?” Her opponents say the figures tell another story."
    )
    quotes = [(q["speaker"], q["cue"]) for q in rows(text)]
    assert quotes == [("Nigel Farage", "said"), ("Nigel Farage", "said"), ("Cooper", "said"),
                      ("Cooper", "said")]


def test_a_cue_in_a_clause_after_a_quoted_name_does_not_make_it_a_quote():
    text = (
        "“We will stop the boats,” Jane Porter said.\n"
        "He took calls from listeners to his “Keepin’ It Real” radio program who said they had "
        "misgivings."
    )
    assert [q["text"] for q in rows(text)] == ["We will stop the boats"]


def test_the_chief_executive_is_the_person_the_article_gives_that_role():
    text = (
        "Enver Solomon, chief executive of the Refugee Council, was critical.\n"
        "“Criminalising refugees will not work,” the charity’s chief executive said."
    )
    [q] = rows(text)
    assert (q["speaker"], q["cue"]) == ("Enver Solomon", "said")


def test_a_source_inside_a_body_is_unnamed_not_the_bodys_voice():
    text = (
        "The Home Office published the figures.\n"
        "According to a Home Office source, “the numbers will fall this summer”.\n"
        "“The deal is dead,” a Home Office source said.\n"
        "According to a senior government source, “the talks have stalled”.\n"
        "According to a Home Office spokesperson, “the figures are provisional”."
    )
    quotes = [(q["speaker"], q["role"]) for q in rows(text)]
    # the body a source is inside stays in its role
    assert quotes == [(None, "Home Office source"), (None, "Home Office source"),
                      (None, "source"), ("Home Office", "spokesperson")]


def test_downing_street_speaks_for_the_prime_ministers_office():
    [q] = rows("Downing Street said the figures showed “real progress” on the boats.")
    assert (q["speaker"], q["cue"]) == ("Downing Street", "said")


def test_a_bodys_spokesperson_or_chief_named_by_a_lower_case_word_speaks_for_that_body():
    text = (
        "Greece’s Migration Ministry said arrivals had fallen. Kent Police made two arrests.\n"
        "“The measure is temporary,” said a ministry spokesman.\n"
        "“Both remain in custody,” a police spokesman said.\n"
        "The French coastguard found the boat. “It was a tragedy,” said the coastguard chief."
    )
    quotes = [(q["speaker"], q["role"]) for q in rows(text)]
    assert quotes == [("Migration Ministry", "spokesman"), ("Kent Police", "spokesman"),
                      ("French coastguard", "chief")]


def test_a_description_that_does_not_end_in_a_speaker_noun_names_no_one_it_mentions():
    text = (
        "Enver Solomon, chief executive of the Refugee Council, criticised the plan.\n"
        "“The evidence is thin,” according to the government’s chief scientific adviser.\n"
        "“MPs are furious,” according to a senior Labour figure.\n"
        "Yvette Cooper, the home secretary, was moved to another post.\n"
        "“I will be firm,” said the new home secretary, Shabana Mahmood."
    )
    speakers = [q["speaker"] for q in rows(text)]
    assert speakers == [None, None, "Shabana Mahmood"]


def test_a_charity_or_group_is_not_the_state_body_named_last():
    text = (
        "Care4Calais criticised the Home Office on Monday.\n"
        "“This is a huge day,” the charity said.\n"
        "The Home Office declined to comment. “We will appeal,” the group said.\n"
        "The Labour Party disagreed. “People will suffer,” said the migrant charity."
    )
    assert [q["speaker"] for q in rows(text)] == ["Care4Calais", "Care4Calais", "Care4Calais"]


def test_words_after_an_unnamed_speakers_quote_are_theirs_not_the_last_named_speakers():
    text = (
        "Ms Cooper said: “We have a plan.”\n"
        "“It will not work,” said the charity’s head of policy. “It never has.”\n"
        "“Refugees are welcome here,” a protester outside Downing Street said."
    )
    quotes = [(q["speaker"], q["role"]) for q in rows(text)]
    assert quotes == [("Cooper", None), (None, "head of policy"), (None, "head of policy"),
                      (None, "protester")]


def test_a_name_after_a_comma_is_the_speakers_only_when_it_is_the_title_holder():
    text = (
        "“Progress is being made,” said the minister for border security, Angela Eagle.\n"
        "“He was kind,” said a friend of the victim, Tom Jones.\n"
        "“She is determined,” said the official, Cooper’s most senior adviser."
    )
    assert [(q["speaker"], q["role"]) for q in rows(text)] == [
        ("Angela Eagle", "Minister for Border Security"), (None, "friend of the victim"),
        (None, "official")]


def test_a_question_put_by_someone_unnamed_does_not_take_the_answer():
    text = (
        "Donald Trump said: “We are winning.”\n"
        "“Will you deport them all?” a reporter asked.\n"
        "“We will deport the criminals first.”\n"
        "“Why now?” asked one Labour MP. “It makes no sense.”"
    )
    assert [(q["speaker"], q["role"]) for q in rows(text)] == [
        ("Donald Trump", None), (None, "reporter"), ("Donald Trump", None),
        (None, "Labour MP"), (None, "Labour MP")]


def test_a_title_owned_by_a_body_or_a_country_is_not_another_bodys_holder():
    text = (
        "Enver Solomon, chief executive of the Refugee Council, spoke first. Bruno Retailleau, "
        "the French interior minister, hosted the talks.\n"
        "“We see the cost every day,” Care4Calais’s chief executive said.\n"
        "“We provide good value,” Serco’s chief executive said.\n"
        "“We need a deal,” Belgium’s interior minister said.\n"
        "“We cannot be your border guards,” France’s interior minister said."
    )
    assert [(q["speaker"], q["role"]) for q in rows(text)] == [
        ("Care4Calais", "chief executive"), (None, "chief executive"),
        (None, "interior minister"), ("Bruno Retailleau", "Interior Minister")]


def test_a_quoted_name_before_and_is_a_label_unless_the_sentence_gives_it_a_speaker():
    text = (
        "Families subject to the “no recourse to public funds” and other conditions face "
        "hardship.\n"
        "Badenoch called the deal a “complete and utter betrayal of voters” and walked out."
    )
    assert [(q["text"], q["speaker"]) for q in rows(text)] == [
        ("complete and utter betrayal of voters", "Badenoch")]


def test_an_age_that_refers_back_is_the_person_named_earlier_with_that_age():
    text = ("Tom Jones, 60, has watched the boats arrive in Dover for years.\n\n"
            "Sarah Green, a volunteer, said the centre was full. “We have no beds,” she said.\n\n"
            "“It is getting worse every year,” the 60-year-old said.\n\n"
            "Ahmed Karimi (34) came last year. “I had nothing left,” said the 34-year-old"
            " father of two.\n\n"
            "“We mean it,” the 45-year-old said.")
    assert [q["speaker"] for q in rows(text)] == [
        "Sarah Green", "Tom Jones", "Ahmed Karimi",
        "Ahmed Karimi"]  # no one named aged 45: the last speaker, as before
    # a count after a name is no age
    text = ('According to Enver Solomon, 34 people drowned this year. "I lost my brother," the'
            ' 34-year-old survivor said.')
    assert [(q["speaker"], q["role"]) for q in rows(text)] == [(None, "survivor")]
    # two people named with that age: which one is not written
    text = ("Ahmed Karimi, 34, arrived in June. Police later charged Dan Cole, 34, with arson. "
            "“I am scared to go out,” the 34-year-old said.")
    assert [q["speaker"] for q in rows(text)] == [None]


def test_a_full_name_with_an_age_is_someone_who_can_speak():
    # not a given name the lexicon knows; and 'Nobody' opening a quote is no one
    text = ("Protesters gathered at the gates.\n\nAmong them was Jackie Marsh, 62, who has "
            "lived on Portland all her life.\n\n“Nobody asked us,” she said.\n\nThe "
            "62-year-old said she had nothing against the men. “They're human beings.”")
    assert [q["speaker"] for q in rows(text)] == ["Jackie Marsh", "Jackie Marsh"]
    actors, _ = extract_actors(article_from_text(text))
    assert "Nobody" not in set(actors["name"])
    # no age above 105
    text = "Hotel Rooms, 120, were booked in Dover.\n\n“It is a scandal,” he said."
    assert [q["speaker"] for q in rows(text)] == [None]


def test_a_named_person_of_a_body_speaks_not_the_body():
    [q] = rows('Dr Peter Walsh of the Migration Observatory said the rise reflected'
               ' "a long-term trend".')
    assert q["speaker"] == "Peter Walsh"


def test_a_regions_adjective_is_no_one_a_pronoun_could_mean():
    text = ("Interior Minister Süleyman Soylu spoke in Ankara. Soylu also criticised European"
            ' countries. "Those who lecture us should look at their own borders," he said.')
    [q] = rows(text)
    assert q["speaker"] == "Süleyman Soylu"


@pytest.mark.parametrize("lead", ["One, who did not want to be named, said:", "Another said:"])
def test_one_of_a_group_just_named_does_not_take_the_last_speaker(lead):
    text = ('A Home Office spokesperson said: "We are working to end the use of hotels."\n\n'
            f'Residents gathered outside the hotel on Monday. {lead} "Nobody asked us."')
    assert [(q["speaker"], q["role"]) for q in rows(text)] == [
        ("Home Office", "spokesperson"), (None, None)]


def test_a_spokesperson_for_someone_speaks_for_a_body_or_as_themselves():
    text = ('The charity Care4Calais has campaigned for years. A spokeswoman for Care4Calais'
            ' said: "The plan is cruel."\n\nA spokesman for the Prime Minister said: "It works."')
    assert [(q["speaker"], q["role"]) for q in rows(text)] == [
        ("Care4Calais", "spokeswoman"), (None, "spokesman for the Prime Minister")]


def test_and_inside_a_title_before_a_name_is_no_joint_voice():
    text = ('Minister of State for Border Security and Asylum Angela Eagle said: "We will restore'
            ' order."\nNorway and the European Union announced a pact to "protect the fisheries".')
    assert [q["speaker"] for q in rows(text)] == ["Angela Eagle", None]


def test_the_answers_of_a_q_and_a_transcript_are_quotes_of_the_one_answering():
    text = ("Interior Minister Ali Yerlikaya spoke to our correspondent in Ankara.\n\n"
            "Q: How many irregular migrants did Türkiye catch last year?\n\n"
            "Yerlikaya: In 2023 our security forces apprehended 254,008 irregular migrants.\n\n"
            "Q: And how many were deported?\n\n"
            "Yerlikaya: More than 130,000.")
    assert [(q["speaker"], q["kind"], q["text"]) for q in rows(text)] == [
        ("Ali Yerlikaya", "direct",
         "In 2023 our security forces apprehended 254,008 irregular migrants."),
        ("Ali Yerlikaya", "direct", "More than 130,000.")]
    # an interviewer's initials for the questions
    text = ("Lucy Moreton of the ISU spoke to us.\n\nHAW: How bad was last year?\n\n"
            "Moreton: The hardest year we have had.\n\nHAW: And morale?\n\nMoreton: Low.")
    assert [q["text"] for q in rows(text)] == ["The hardest year we have had.", "Low."]


def test_the_a_turns_of_an_interview_are_the_one_person_its_introduction_names():
    text = ("We spoke to Türkiye's Interior Minister, Ali Yerlikaya, in his office.\n\n"
            "Q: What did Türkiye agree with Britain?\n\n"
            "A: We agreed to set up a Centre of Excellence.\n\n"
            "Q: And the engines?\n\nA: Some of them, yes.")
    assert [(q["speaker"], q["text"]) for q in rows(text)] == [
        ("Ali Yerlikaya", "We agreed to set up a Centre of Excellence."),
        ("Ali Yerlikaya", "Some of them, yes.")]
    # two people named before the questions: whose answers they are is not written
    text = ("Ali Yerlikaya met Suella Braverman in London.\n\nQ: What was agreed?\n\n"
            "A: A new centre.\n\nQ: When?\n\nA: Next year.")
    assert rows(text) == []


def test_a_turn_labelled_in_capitals_is_the_one_the_introduction_names_in_full():
    text = ("The host, Priya Nair, is joined by Marco Ventura, a senior analyst.\n\n"
            "PRIYA NAIR: Frontex has published its figures. Marco?\n\n"
            "MARCO VENTURA: It's the highest number since 2016.\n\n"
            "PRIYA NAIR: So what's driving it?\n\nMARCO VENTURA: Mostly Libya.")
    assert [q["speaker"] for q in rows(text)] == ["Priya Nair", "Marco Ventura"] * 2
    # a heading in capitals names no one, though the newsletter is read as turns
    text = ("Playbook, by Jack Blanchard.\n\nBOATS LATEST: The figure No 10 did not want.\n\n"
            "POLL WATCH: Reform UK is on 29 percent.\n\nBOATS LATEST: More crossed today.\n\n"
            "POLL WATCH: Labour is on 24 percent.")
    assert rows(text) == []


def test_a_turn_goes_on_over_paragraphs_without_a_label_up_to_the_next_turn():
    text = ("12.38 pm\n\nThe Minister for Immigration (Robert Jenrick): With permission, I "
            "shall make a statement.\n\nIn July I visited the Kapikule border crossing.\n\n"
            "Stephen Kinnock (Aberavon) (Lab): I thank the Minister.\n\nRobert Jenrick: The "
            "hon. Gentleman asks about cost.\n\nAlison Thewliss (Glasgow Central) (SNP): Will "
            "the Minister give way?\n\nMr Speaker: Order. I call Alison Thewliss.\n\nThe "
            "statement ended at 1.15 pm, and the House moved on.")
    assert [(q["speaker"], q["role"], q["text"][:20]) for q in rows(text)] == [
        ("Robert Jenrick", "Minister for Immigration", "With permission, I s"),
        ("Robert Jenrick", "Minister for Immigration", "In July I visited th"),
        ("Stephen Kinnock", None, "I thank the Minister"),
        ("Robert Jenrick", "Minister for Immigration", "The hon. Gentleman a"),
        ("Alison Thewliss", None, "Will the Minister gi"),
        (None, "speaker", "Order. I call Alison")]  # not the account after the last turn


def test_an_interviews_reporter_and_narration_between_turns_are_not_the_interviewee():
    text = ("Our reporter Jane Smith spoke to a smuggler in Calais.\n\nQ: How many do you "
            "take?\n\nA: Ten, maybe more.\n\nQ: Each night?\n\nA: Yes.")
    assert "Jane Smith" not in [q["speaker"] for q in rows(text)]
    text = ("We spoke to Interior Minister Ali Yerlikaya.\n\nQ: What was agreed?\n\nA: A new "
            "centre.\n\nYerlikaya paused and looked out of the window.\n\nQ: When?\n\nA: "
            "Next year.")
    assert [q["text"] for q in rows(text)] == ["A new centre.", "Next year."]


def test_a_turn_that_quotes_someone_keeps_its_own_words_before_the_quote():
    text = ("Lucy Moreton of the ISU spoke to us.\n\nHAW: How bad was last year?\n\n"
            "Moreton: The hardest year we have had.\n\nHAW: And morale?\n\nMoreton: Low. We "
            "lost a lot of people. One officer told me: “I joined to protect the border.”")
    assert [(q["speaker"], q["text"]) for q in rows(text)][-2:] == [
        ("Lucy Moreton", "Low. We lost a lot of people."),
        (None, "I joined to protect the border.")]


def test_a_list_of_headlines_is_no_transcript():
    text = ("Rishi Sunak and Keir Starmer set out their plans.\n\n"
            "Sunak: Stop the boats pledge tops list of five\n\nStarmer: Labour would scrap plan"
            "\n\nSunak: Arrivals fell in 2023, PM says\n\nStarmer: Tories have failed")
    assert rows(text) == []


def test_labels_outside_a_transcript_or_naming_no_one_are_no_quotes():
    text = ("Lucy Moreton spoke to us.\n\nNote: figures are provisional.\n\n"
            "Moreton: The hardest year we have had.")
    assert rows(text) == []
    text = ("Q: What changed?\n\nNote: The figures are provisional.\n\n"
            "Officials: We cannot comment.")
    assert rows(text) == []


def test_a_title_before_a_name_after_a_dash_is_no_unnamed_official():
    text = ('Claim: "We have cut the backlog of asylum cases." – Prime Minister Rishi Sunak,'
            ' 3 March')
    assert [(q["speaker"], q["role"]) for q in rows(text)] == [("Rishi Sunak", "Prime Minister")]


def test_sir_or_dame_and_a_first_name_is_the_person_with_that_first_name():
    text = ("Rishi Sunak faced Keir Starmer at Prime Minister's Questions.\n\n"
            '"It is a farce," Sir Keir said.\n\nDame Priti Patel spoke later. "We must act,"'
            " Dame Priti said.")
    assert [q["speaker"] for q in rows(text)] == ["Keir Starmer", "Priti Patel"]


def test_backbenchers_councillors_and_peers_are_unnamed_speakers_with_their_party():
    text = ('A senior Conservative backbencher told me privately that the party "has lost its'
            ' nerve on migration".\n\n"We were not consulted," one Labour councillor said.\n\n'
            '"This is a disgrace," a Tory peer said.')
    assert [(q["speaker"], q["role"]) for q in rows(text)] == [
        (None, "Conservative backbencher"), (None, "Labour councillor"), (None, "Tory peer")]


def test_a_spokesperson_for_the_charity_or_the_ministry_speaks_for_the_one_named_before():
    text = ('Care4Calais has challenged the plan. A spokesperson for the charity said: "This is'
            ' cruel."\n\nTurkey\'s Interior Ministry released the figures on Monday. A spokesman'
            ' for the ministry said: "We are determined."\n\nChief Executive of the Refugee'
            ' Council Enver Solomon said: "This is wrong."')
    assert [(q["speaker"], q["role"]) for q in rows(text)][:2] == [
        ("Care4Calais", "spokesperson"), ("Interior Ministry", "spokesman")]
    assert rows(text)[2]["speaker"] == "Enver Solomon"


def test_she_after_a_street_is_the_woman_named_before_it():
    rows = quotes_of("Pauline Marsh, 68, has lived on Marine Parade for 40 years. \"You hear "
                     "the engines before you see anything,\" she said.")
    assert rows["speaker"].tolist() == ["Pauline Marsh"]


def test_a_new_sentence_of_reported_speech_does_not_attribute_the_quote_before_it():
    # (a page scraped as one paragraph: the spokesperson's second sentence is theirs)
    got = quotes_of("\"These figures show the scale of the mess we inherited,\" a Home Office "
                    "spokesperson said. \"We are restoring order to the asylum system.\" The "
                    "shadow home secretary said the figures were \"a damning indictment\".")
    assert got["role"].tolist() == ["spokesperson", "spokesperson", "shadow home secretary"]
    # an attribution with no words of its own after the verb still attributes
    got = quotes_of("\"We will stop the boats.\" Sunak said on Tuesday.")
    assert got["speaker"].tolist() == ["Sunak"]


def test_she_added_after_a_sentence_an_unnamed_spokesperson_said():
    got = quotes_of("Council leader Sam Rigby said the pressure was huge.\n\nThe council is "
                    "looking after 412 young people, a spokesperson said. She added that the "
                    "council would \"continue to press for a fair share of placements\".")
    assert (got["speaker"].tolist(), got["role"].tolist()) == ([None], ["spokesperson"])


def test_a_partial_quote_in_a_lead_in_clause_is_that_clauses_speakers():
    got = quotes_of("When the Home Secretary told MPs last week that asylum claims had \"nearly "
                    "doubled\" since 2021, the shadow home secretary accused her of using the "
                    "wrong figures.")
    assert got["role"].str.lower().tolist() == ["home secretary"]


def test_a_peers_title_place_and_a_name_in_apposition_before_said():
    got = quotes_of("Lord Carrington of Fulham, a former Conservative chief whip, warned that "
                    "peers would \"do their constitutional duty\".")
    assert (got["speaker"].tolist(), got["role"].tolist()) == (
        ["Carrington"], ["Former Conservative Chief Whip"])
    got = quotes_of("The head of the Presidency of Migration Management, Atilla Toros, said the "
                    "number had fallen.\n\n\"Returns are voluntary,\" Toros said.")
    assert got["speaker"].tolist() == ["Atilla Toros"]


@pytest.mark.parametrize("tail, speaker, role", [
    # a signature after a dash: the name before its comma or bracket, whatever follows
    (" - Conservative MP Julian Aske (Sevenoaks), in a Westminster Hall debate", "Julian Aske",
     "Conservative MP"),
    # an office and no name: that office, unnamed
    (" - Border security minister, Commons statement, 2 July", None,
     "Border security minister"),
])
def test_a_quote_signed_after_a_dash(tail, speaker, role):
    got = rows("- \"Numbers of this kind are not a blip. They are a trend.\"" + tail)
    assert [(q["speaker"], q["role"]) for q in got] == [(speaker, role)]


def test_a_new_sentence_after_a_partial_quote_attributes_it_only_by_saying_so():
    got = rows("The Tánaiste has said the Rwanda scheme was already \"impacting this country\". "
               "Britain's Safety of Rwanda Act received Royal Assent last week, and the Home "
               "Office has said about 5,700 people have been identified for removal.")
    assert got[0]["speaker"] != "Britain's Safety"
    got = rows("Ministers like to tell us that \"the plan is working\". Home Secretary James "
               "Cleverly said so again last week.")
    assert [q["speaker"] for q in got] == ["James Cleverly"]


def test_names_in_apposition_contracted_pronouns_and_no_determiner_as_speakers():
    # the person in apposition after a title of a place, not the place
    got = rows("The mayor of Boulogne-sur-Mer, Frédéric Cuvillier, criticised the plan as \"a "
               "gift to smugglers\".")
    assert [q["speaker"] for q in got] == ["Frédéric Cuvillier"]
    # "He's claiming that ...": a pronoun, resolved
    got = rows("Donald Trump spoke in Michigan.\n\nHe's claiming that voting fraud is \"a big, "
               "big problem\".")
    assert [q["speaker"] for q in got] == ["Donald Trump"]
    # "Some 82,000 ..." opens a sentence; "Some" is nobody's name
    got = rows("Some 82,000 Syrians returned last year, the minister said, noting that returns "
               "were \"safe, dignified and voluntary\".")
    assert "Some" not in [q["speaker"] for q in got]


def test_a_given_name_with_an_age_is_someone_a_pronoun_can_mean():
    got = rows("Pat, 67, who has lived on Portland all her life, said: \"Good riddance.\"\n\n"
               "Dave, 54, a fisherman from Castletown, said he was relieved. \"It was never about "
               "the lads on the barge,\" he said.")
    assert [q["speaker"] for q in got] == ["Pat", "Dave"]


def test_hansard_turns_name_the_member_or_the_office_holder():
    text = ("Home Department\n\n"
            "1. Alistair Carmichael (Orkney and Shetland) (LD): What assessment has he made?\n\n"
            "The Minister for Immigration (Robert Jenrick): Our plan is working.\n\n"
            "Alistair Carmichael: The Minister will forgive me.\n\n"
            "Yvette Cooper (Pontefract, Castleford and Knottingley) (Lab): The Minister talks "
            "about progress.\n\n"
            "Robert Jenrick: The right hon. Lady has a short memory.")
    assert [(q["speaker"], q["role"]) for q in rows(text)] == [
        ("Alistair Carmichael", None), ("Robert Jenrick", "Minister for Immigration"),
        ("Alistair Carmichael", None), ("Yvette Cooper", None),
        ("Robert Jenrick", "Minister for Immigration")]  # the office his first turn gave


def test_a_press_releases_statement_after_said_colon_until_its_own_account_resumes():
    text = ("The UK and Türkiye have agreed a new partnership, the Home Office announced.\n\n"
            "Home Secretary Suella Braverman said:\n\n"
            "Tackling illegal migration requires shared solutions, and this agreement will help"
            " us go further.\n\n"
            "This is another important step.\n\n"
            "Türkiye's own efforts against irregular migration are considerable, according to "
            "figures published by the Turkish Presidency of Migration Management last year.\n\n"
            "Notes to editors")
    got = rows(text)
    assert [(q["speaker"], q["role"], q["segment"]) for q in got] == [
        ("Suella Braverman", "Home Secretary", 1), ("Suella Braverman", "Home Secretary", 2)]


@pytest.mark.parametrize("text, speaker, cue", [
    ("Furious Tory MP Lee Anderson fumed: \"People are sick of it.\"", "Lee Anderson", "fumed"),
    ("South Dorset MP Richard Drax blasted: \"I warned them.\"", "Richard Drax", "blasted"),
])
def test_tabloid_speech_verbs_attribute(text, speaker, cue):
    assert [(q["speaker"], q["cue"]) for q in rows(text)] == [(speaker, cue)]


_INTERVIEW = (
    "Dame Mara Quill became border minister in July. Our home affairs editor asked her "
    "whether the plan is working.\n"
    "Crossings hit a record in the first half of the year. Isn't that a failure?\n"
    "It's far too many, and I'm not going to pretend otherwise.\n"
    "Voters were promised that you would smash the gangs. When?\n"
    "We are doing it. We've got more investigators than ever.\n"
    "The opposition says the returns deal is a gimmick.\n"
    "They left us with record crossings. I don't take lectures from them.\n"
    "You promised to end the use of hotels. Have you failed?\n"
    "We inherited 400 hotels, and we are closing them.\n")


def test_the_answers_of_an_interview_without_labels_are_the_interviewees():
    got = [(q["speaker"], q["text"][:20]) for q in rows(_INTERVIEW)]
    assert got == [("Mara Quill", "It's far too many, a"), ("Mara Quill", "We are doing it. We'"),
                   ("Mara Quill", "They left us with re"), ("Mara Quill", "We inherited 400 hot")]


@pytest.mark.parametrize("intro", [
    # a column asking its own questions: nobody was asked
    "Dame Mara Quill became border minister in July. Here is what the record shows.\n",
    # two people named before the questions: whose answers they are is not written
    "Dame Mara Quill and Tom Reed met in July. Our editor asked them about the plan.\n",
])
def test_questions_and_first_person_paragraphs_without_an_interviewee_are_no_quotes(intro):
    assert rows(intro + _INTERVIEW.split("\n", 1)[1]) == []


def test_a_transcript_labelled_by_roles_gives_each_turn_to_its_role():
    text = ("Transcript: The Westminster Hour\n"
            "This week Sarah Whitcombe is joined by Dame Angela Eagle, the Minister for Border "
            "Security and Asylum, and by Dr Peter Lyle, a research fellow.\n"
            "PRESENTER: Minister, thank you for coming in. Why are the numbers going up?\n"
            "MINISTER: We inherited a situation where the gangs had taken hold.\n"
            "PRESENTER: Dr Lyle, is that a fair reading?\n"
            "ANALYST: It's accurate as far as it goes.\n"
            "NOTE: This transcript has been edited.\n")
    got = [(q["speaker"], q["role"], q["text"][:12]) for q in rows(text)]
    assert got == [
        ("Sarah Whitcombe", "presenter", "Minister, th"),
        ("Angela Eagle", "Minister for Border Security and Asylum", "We inherited"),
        ("Sarah Whitcombe", "presenter", "Dr Lyle, is "), (None, "analyst", "It's accurat")]


def test_the_host_of_a_transcript_is_the_one_the_introduction_says_is_joined_by_the_guests():
    text = ("Transcript: Politics Weekly\n"
            "In this episode, Tom Harris talks to Stephen Kinnock and to Professor Ruth Adams.\n"
            "HOST: Professor Adams, is the backlog really falling?\n"
            "ECONOMIST: It is, but slowly.\n"
            "HOST: Minister, are the hotels still full?\n"
            "MINISTER: There is more to do.\n")
    got = [(q["speaker"], q["role"]) for q in rows(text)]
    assert got == [("Tom Harris", "host"), (None, "economist"), ("Tom Harris", "host"),
                   (None, "minister")]


def test_a_title_of_two_portfolios_before_a_name_after_the_quote():
    got = rows('"The pressure has increased," Migration and Asylum Minister Nikos '
               'Panagiotopoulos told Kathimerini.')
    assert [(r["speaker"], r["role"]) for r in got] == [
        ("Nikos Panagiotopoulos", "Migration and Asylum Minister")]


def test_letters_after_a_name_are_not_part_of_it():
    # 'Sir James Eadie KC' is not 'Paul Harris KC' (the same last word); 'X MP said' is X
    got = rows('Paul Harris KC, for Ms Parkes, said the barge was "a floating hostel".\n\n'
               'Sir James Eadie KC, for the Home Secretary, said the claim was '
               '"misconceived". He told the judge: "The statutory scheme is clear."')
    assert [r["speaker"] for r in got] == ["Paul Harris", "James Eadie", "James Eadie"]
    got = rows('"Simply unsustainable," Kemi Oyelaran MP said.')
    assert [(r["speaker"], r["role"]) for r in got] == [("Kemi Oyelaran", "MP")]
    got = rows('"Simply unsustainable," a Labour MP said.')
    assert [(r["speaker"], r["role"]) for r in got] == [(None, "Labour MP")]


def test_a_members_title_and_a_body_after_of_are_roles():
    got = rows('Labour MSP Paul Sweeney, who represents Glasgow, said the "chaotic" approach '
               'was shifting costs.\n\n"Some of the fall is down to government action," said '
               'Dr Peter Walsh of the Migration Observatory at the University of Oxford.')
    assert [(r["speaker"], r["role"]) for r in got] == [
        ("Paul Sweeney", "Labour MSP"), ("Peter Walsh", "Migration Observatory")]


def test_someone_unnamed_of_a_body_is_not_the_body():
    # 'a Border Force officer' is one officer, unnamed; a spokesman speaks for the body
    got = rows('"You stop counting after a while," said a Border Force officer, who spoke on '
               'condition of anonymity.\n\nA senior Greek government official, speaking on '
               'condition of anonymity, said relations were "functional but fragile".\n\nAt '
               'the Glasgow Night Shelter, a volunteer who asked not to be named said: "We had '
               'refugees sleeping on the floor."\n\n"It works," a Home Office spokesman said.')
    assert [(r["speaker"], r["role"]) for r in got] == [
        (None, "Border Force officer"), (None, "senior Greek government official"),
        (None, "volunteer"), ("Home Office", "spokesman")]
    # a named person's description is no one new
    got = rows('Howard Dean, a former party chairman, spoke on Monday.\n\nDean, a medical '
               'doctor, then said: "I would never diagnose anyone."')
    assert [r["speaker"] for r in got] == ["Howard Dean"]


def test_he_said_after_someone_unnamed_is_brought_in_is_theirs():
    # the last named speaker is someone else; the sentence before the quote brings in an
    # unnamed person with their description, and the quote's own sentences split inside it
    lead = 'Interior Minister Bruno Retailleau said: "We will act."\n\n'
    got = rows(lead + 'A former Downing Street adviser, who asked not to be named, defended '
               'the approach. "The deterrent was never tested," he said.')
    assert [(r["speaker"], r["role"]) for r in got][1:] == [
        (None, "former Downing Street adviser")]
    got = rows(lead + 'A French police officer in Calais, who was not authorised to speak, '
               'said his unit covered the coast. "The British think we do nothing. We stop '
               'half the boats," he said.')
    assert [(r["speaker"], r["role"]) for r in got][1:] == [(None, "French police officer")]


def test_a_quote_after_someone_unnamed_or_named_by_a_given_name_is_theirs():
    lead = 'Interior Minister Bruno Retailleau said: "We will act."\n\n'
    got = rows(lead + 'Abel, a 24-year-old Eritrean who arrived three weeks ago, spoke '
               'through an interpreter. "I have a cousin in Birmingham," he said.')
    assert [r["speaker"] for r in got][1:] == ["Abel"]
    got = rows(lead + 'Another man, a Sudanese teacher who did not want to give his name, '
               'said through the same interpreter that he had tried three times. "Each time '
               'the police slashed the boat."')
    assert [(r["speaker"], r["role"]) for r in got][1:] == [(None, "Sudanese teacher")]


def test_the_minister_is_the_minister_the_story_quotes():
    # the last minister named is an object of talks; "the minister" the story quotes is the
    # one quoted before
    text = ('"The pressure has increased," Migration and Asylum Minister Nikos Panagiotopoulos '
            'told Kathimerini.\n\nPanagiotopoulos is expected to travel to Ankara for talks '
            'with Turkish Interior Minister Ali Yerlikaya.\n\n"We want a Europe that protects '
            'its borders," the minister said.')
    assert [q["speaker"] for q in rows(text)] == ["Nikos Panagiotopoulos"] * 2


def test_initials_after_a_quote_sign_the_item_not_the_quote():
    got = rows('One EU diplomat told Playbook: "The Italy-Albania model is no longer a taboo; '
               'it is a template." — JB')
    assert [(r["speaker"], r["role"]) for r in got] == [(None, "EU diplomat")]
    got = rows('"We will not rest until the boats are stopped." — Rishi Sunak')
    assert [r["speaker"] for r in got] == ["Rishi Sunak"]


def test_a_committee_transcript_with_question_numbers_and_a_witness_list():
    text = ("Members present: Dame Karen Bradley (Chair); Lewis Atkinson; Matt Vickers.\n\n"
            "Witnesses: Dame Angela Eagle MP, Minister for Border Security and Asylum, Home "
            "Office; and Martin Hewitt, Border Security Commander.\n\n"
            "Q123 Chair: Good morning. Minister, let me start with the numbers.\n\n"
            "Dame Angela Eagle: I would not pretend that those numbers are anything but high.\n\n"
            "Q124 Lewis Atkinson: Commander, what are you doing about the boats?\n\n"
            "Martin Hewitt: We are working with partners.\n\n"
            "Chair: Thank you both very much.")
    assert [(q["speaker"], q["role"]) for q in rows(text)] == [
        ("Karen Bradley", "Chair"), ("Angela Eagle", "Minister for Border Security and Asylum"),
        ("Lewis Atkinson", None), ("Martin Hewitt", "Border Security Commander"),
        ("Karen Bradley", "Chair")]


def test_a_judges_style_names_the_judge():
    got = rows('Mr Justice Holgate dismissed the claim on Tuesday.\n\nThe judge added that he '
               'was "not concerned with the merits of the policy".')
    assert [(r["speaker"], r["role"]) for r in got] == [("Holgate", "Judge")]


def test_a_spokesman_of_a_body_no_list_knows_and_words_described_by():
    got = rows('A Mears spokesman said: "We provide support to every person."\n\nA Conservative '
               'spokesperson said Labour "has no plan".\n\nSome 4,500 of the legacy cases, '
               'described by the Home Office as "complex", were still waiting.')
    assert [(r["speaker"], r["role"]) for r in got] == [
        ("Mears", "spokesman"), (None, "conservative spokesperson"), ("Home Office", None)]


def test_the_officer_is_the_unnamed_officer_quoted_before():
    got = rows('"You stop counting after a while," said a Border Force officer, who spoke on '
               'condition of anonymity.\n\nAnother official said the numbers were rising. "It '
               'is relentless," he said.\n\nBack on the quay at Dover, the officer watched as '
               'the passengers were led away. "In 2022 we had more than 45,000," he said.')
    assert [(r["speaker"], r["role"]) for r in got] == [
        (None, "Border Force officer"), (None, "official"), (None, "Border Force officer")]
