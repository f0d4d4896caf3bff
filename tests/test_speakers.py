"""Speakers in real-news shapes: who said each quote, read from the article's own words."""

import pytest

from newstables import article_from_text
from newstables.extract.actors import extract_actors
from newstables.extract.quotes import extract_quotes
from newstables.extract.speakers import given_names, is_title, starts_turn
from newstables.lexicon import load_lines


def quote_rows(text: str):
    """The quotes table of a one-off article."""
    article = article_from_text(text)
    actors, mentions = extract_actors(article)
    return extract_quotes(article, actors, mentions)


def column(text: str, name: str) -> list[str | None]:
    """One column of the quote rows, in order (missing as None)."""
    return [v if isinstance(v, str) else None for v in quote_rows(text)[name].tolist()]


def speakers(text: str) -> list[str | None]:
    return column(text, "speaker")


def speakers_and_roles(text: str) -> list[tuple[str | None, str | None]]:
    """(speaker, role) of each quote row, in order, from one extraction."""
    rows = quote_rows(text)
    return [tuple(v if isinstance(v, str) else None for v in pair)
            for pair in zip(rows["speaker"], rows["role"], strict=True)]


@pytest.mark.parametrize("text, speaker", [
    ("“The harbour will reopen next week,” said Mr. Okonkwo.", "Okonkwo"),
    ("“We are ready for the storm,” said Tamsin Rowe, who runs the shelter.", "Tamsin Rowe"),
    ("“Prices are falling,” Priya Raman told reporters on Tuesday.", "Priya Raman"),
    ("“The count is not over,” said Sen. Harold Abernathy (R-Ohio).", "Harold Abernathy"),
    ("“Nobody was hurt,” Gov. Maria Delgado, a former prosecutor, said Friday.",
     "Maria Delgado"),
    ("“It was a fair trial,” said the Rev. Samuel Osei, of Grace Chapel.", "Samuel Osei"),
    ("“The plan is dead,” said Senate Minority Leader Ruth Calloway.", "Ruth Calloway"),
    ("“Our reporters were there,” the Daily Clarion wrote.", "Daily Clarion"),
])
def test_attribution_after_the_quote(text, speaker):
    assert speakers(text) == [speaker]


def test_a_surname_after_the_quote_takes_the_full_name_named_earlier():
    text = ("Councillor Eamon Fitzgerald opened the meeting.\n"
            "“We cannot wait,” said Mr. Fitzgerald.")
    assert speakers(text) == ["Eamon Fitzgerald"]


def test_a_name_with_appositive_commas_before_the_verb():
    text = ("“The levee held,” Oren Blackwood, the chief engineer of the county, who has worked"
            " there for a decade, said on Monday.")
    assert speakers(text) == ["Oren Blackwood"]


def test_organisations_speak():
    text = "The Home Office said the scheme would go ahead, calling it “a fair system for all”."
    assert speakers(text) == ["Home Office"]


@pytest.mark.parametrize("text, speaker", [
    # the object of the main clause is not who speaks in its ', saying' clause
    ("In May, several charities gave Owen Hale more time, saying his “plans were not ready.”",
     None),
    ("Police arrested Colm Darby on Monday, saying he “posed a threat to the public.”",
     "Police"),
    ("Senator Ines Marlow barely softened her tone, mocking Dale Price and, when asked later,"
     " insisting, “We have nothing to hide.”", "Ines Marlow"),
])
def test_a_participle_cue_gives_the_words_to_the_main_clauses_subject(text, speaker):
    assert speakers(text) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("Boris Johnson on Monday defended the plan, saying “it will work”.", "Boris Johnson"),
    ("The embattled Prime Minister Boris Johnson defended the plan, saying “it will work”.",
     "Boris Johnson"),
    ("The recently appointed Home Secretary James Cleverly visited Dover, saying “we will "
     "act”.", "James Cleverly"),
    # a singular description is left to the rules that know organisations
    ("The UN refugee agency welcomed the decision, saying “it is a good step”.", "UNHCR"),
])
def test_a_participle_cue_reads_past_a_time_phrase_and_an_adjective(text, speaker):
    assert speakers(text) == [speaker]


def test_a_sentence_after_a_quote_closed_outside_its_marks_is_not_its_attribution():
    text = ("The Refugee Council said the plan had “failed”. Its spokesman, Tom Reed, called it"
            " “a gimmick”.")
    assert speakers(text) == ["Refugee Council", "Tom Reed"]


@pytest.mark.parametrize("text, role", [
    ("Demonstrators said they want “justice for all,” but pledged to remain civil.",
     "demonstrators"),
    ("Relatives said they came away with “more questions than answers”.", "relatives"),
])
def test_a_group_opening_a_sentence_is_a_role_not_a_name(text, role):
    assert speakers(text) == [None]
    assert column(text, "role") == [role]


def test_according_to_names_the_speaker():
    text = "According to Dana Whitfield, “the river has never been this high.”"
    assert speakers(text) == ["Dana Whitfield"]


def test_colon_introduced_quote():
    assert speakers("Rafael Ortiz put it simply: “We won.”") == ["Rafael Ortiz"]


def test_the_subject_of_the_first_speech_verb_owns_a_partial_quote():
    text = ("Lena Brandt said the mayor was “completely wrong” when he claimed the budget"
            " was balanced.")
    assert speakers(text) == ["Lena Brandt"]


def test_a_possessive_claim_names_the_speaker():
    text = "Fact-checkers looked at Tobias Grant's claim that crime had “doubled overnight.”"
    assert speakers(text) == ["Tobias Grant"]


def test_pronoun_and_the_minister_carry_across_paragraphs():
    text = ("Finance Minister Aiko Tanaka presented the budget on Monday.\n"
            "“This is a budget for growth,” she said.\n"
            "“Nobody will pay more tax,” the minister added.")
    assert speakers(text) == ["Aiko Tanaka", "Aiko Tanaka"]


def test_he_or_she_skips_a_person_whose_given_name_is_used_for_the_other():
    text = ("Helen Marsh, a teacher, watched as Paul Okafor spoke. Helen Marsh said yes, over "
            "and over, until Paul Okafor finished.\n"
            "“I love this town,” he said.\n"
            "“We agree,” she said.")
    assert speakers(text) == ["Paul Okafor", "Helen Marsh"]
    # a given name used for either, or none known, still fits both
    text = "Robin Hale and Vesna Oduya met. Vesna Oduya spoke last.\n“We agree,” he said."
    assert speakers(text) == ["Vesna Oduya"]


def test_the_given_name_lists_hold_only_known_given_names_and_no_name_twice():
    lines = [line.split() for line in load_lines("actors_first_names.txt")]
    given = {words[0] for words in lines}
    assert len(given) == len(lines) and all(words[1:] in ([], ["he"], ["she"])
                                            for words in lines)
    he, she = given_names("he"), given_names("she")
    assert he <= given and she <= given
    assert not he & she
    assert {"Robin", "Sam", "Alex", "Jordan", "Kim"}.isdisjoint(he | she)
    assert {"Melanie", "Hillary"} <= she and {"Donald", "Barack"} <= he


def test_speaker_named_in_the_sentence_before_the_quote():
    text = ("The talks may stall while the envoy travels, Pavel Novak said. “The other side"
            " has not answered our letter in weeks.”")
    assert speakers(text) == ["Pavel Novak"]


def test_a_second_quote_after_an_attributed_one_keeps_the_speaker():
    text = ("Voters “want change now,” said Imogen Hale, who ran the poll. “They told us so"
            " in every town we visited.”")
    assert speakers(text) == ["Imogen Hale", "Imogen Hale"]


def test_nested_quotes_belong_to_the_outer_speaker():
    text = ("“He told me, ‘Keep the gate shut,’ and I did,” said Marcus Webb.")
    assert speakers(text) == ["Marcus Webb"]


@pytest.mark.parametrize("text, speaker", [
    ("Lena Voss told Reuters: “The border stays open.”", "Lena Voss"),
    ("Voss told the Tribune: “The border stays open.”", "Voss"),
    ("The Interior Ministry told the BBC: “The border stays open.”", "Interior Ministry"),
])
def test_the_one_told_before_a_colon_is_the_listener_not_the_speaker(text, speaker):
    assert speakers(text) == [speaker]


@pytest.mark.parametrize("text", [
    "One survivor, a teenager from Eritrea, told the Guardian: “We thought we would drown.”",
    "The crew and their families have had hard words, telling Reuters that “nobody came.”",
    "A second official, who asked not to be named, informed Reuters: “The port is closed.”",
])
def test_an_unnamed_speaker_telling_a_named_outlet_stays_unnamed(text):
    assert speakers(text) == [None]


@pytest.mark.parametrize(("text", "speaker_role"), [
    ("One survivor I met in Kalamata, a 19-year-old from Syria, told me, “They watched us for "
     "hours.”", (None, None)),
    ("A receptionist at a hotel in the Midlands, who asked not to be named, said: “We have had "
     "400 men here.”", (None, "receptionist")),
    # a body before the place still speaks
    ("A British embassy spokesperson in Ankara said cooperation had “already produced "
     "results”.", ("British embassy", None)),
])
def test_a_place_where_someone_is_is_not_who_speaks(text, speaker_role):
    assert speakers_and_roles(text) == [speaker_role]


@pytest.mark.parametrize("text", [
    "A Home Office spokesperson said: “Vessels provide better value.” The spokesperson added: "
    "“We will work with the community.”",
    "A Home Office spokesperson said: “Vessels provide better value.” “We will work with the "
    "community,” the spokesperson added.",
])
def test_the_spokesperson_again_speaks_for_the_same_body(text):
    assert speakers_and_roles(text) == [("Home Office", "spokesperson")] * 2


def test_a_press_releases_label_before_a_quote_is_no_speaker():
    text = ("PRESS RELEASE: “Behind every number is a person waiting” – charity calls for "
            "faster decisions\n\nThe charity said more.")
    assert speakers_and_roles(text) == [(None, None)]


def test_a_headlines_quote_before_a_colon_is_the_titled_person_after_it():
    text = ("'Türkiye is not Europe's waiting room': Interior Minister Ali Yerlikaya on "
            "smugglers and the deal with Britain\n\nWe spoke to the minister in Ankara.")
    assert speakers_and_roles(text) == [("Ali Yerlikaya", "Interior Minister")]
    # a description after the colon names no one
    text = "“Stop the boats”: the slogan that defined a premiership\n\nText follows."
    assert speakers_and_roles(text) == [(None, None)]


def test_a_possessive_after_a_named_subject_is_still_theirs():
    text = "Critics say Rishi Sunak has not kept his promise, “We will stop the boats.”"
    assert speakers_and_roles(text) == [("Rishi Sunak", None)]


def test_a_headline_that_names_someone_after_its_colon_but_not_as_speaker():
    text = ("“Go home”: Protesters Confront Home Secretary James Cleverly in Dover\n\n"
            "Text follows.")
    assert speakers_and_roles(text) == [(None, None)]


def test_headline_quote_names_its_speaker():
    text = "Yusuf Demir: “We will rebuild the bridge”\nThe bridge collapsed on Sunday."
    assert speakers(text) == ["Yusuf Demir"]


@pytest.mark.parametrize("label", ["Claim", "Verdict", "Context", "Statement", "Reaction"])
def test_a_fact_checks_label_before_a_quote_is_no_speaker(label):
    text = f'{label}: "We have cut arrivals by a third," the prime minister told MPs.'
    assert [(r["speaker"], r["role"]) for r in quote_rows(text).to_dict("records")] == [
        (None, "prime minister")]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Sonya Sceats of Freedom from Torture called the policy "a moral stain".', "Sonya Sceats"),
    ('Freedom from Torture said the plan was "a moral stain".', "Freedom from Torture"),
    ('"It is a moral stain," said Freedom from Torture.', "Freedom from Torture"),
    ("\"It is a scandal,\" said Freedom from Torture's chief executive Sonya Sceats.",
     "Sonya Sceats"),
    ("\"It is a scandal,\" said Freedom from Torture's Chief Executive, Sonya Sceats.",
     "Sonya Sceats"),
    ("\"It is cruel,\" said Freedom from Torture's UK Director.", "Freedom from Torture"),
    ("\"It is shameful,\" said Freedom from Torture's chief executive, who met Rishi Sunak.",
     "Freedom from Torture"),
    ("\"It is a scandal,\" said Freedom from Torture's director of policy and advocacy, Sarah"
     " Jones.", "Sarah Jones"),
])
def test_an_organisations_name_with_a_lower_case_word_is_one_name(text, speaker):
    assert speakers(text) == [speaker]


def test_a_known_organisations_whole_name_qualifies_a_title():
    rows = quote_rows('Freedom from Torture chief executive Sonya Sceats said: "This is cruel."')
    assert rows["role"].tolist() == ["Freedom from Torture Chief Executive"]


def test_a_label_word_inside_a_name_is_part_of_the_name():
    assert speakers('Full Fact, the fact-checking charity, said: "The claim is wrong."') == [
        "Full Fact"]


def test_transcript_turns_name_their_speakers():
    text = ("\"HARPER: Will you run again?\n"
            "\"LINDQVIST: I have not decided, and I will not decide this week.\"")
    assert speakers(text) == ["Harper", "Lindqvist"]


def test_a_dash_after_the_quote_names_the_writer():
    text = "“The service was slow but the staff were kind to my mother.” ― Rosa Jimenez"
    assert speakers(text) == ["Rosa Jimenez"]


def test_unnamed_sources_and_joint_voices_name_no_one():
    text = ("“We expect a deal soon,” a source close to Chancellor Ingrid Vogel said.\n"
            "Norway and the European Union announced a pact to “protect the fisheries for"
            " good.”\n"
            "Officials called the plan “a workable compromise”.")
    assert speakers(text) == [None, None, None]


def test_a_single_initial_is_not_a_speaker_name():
    text = "“We found common ground,” said John Q. Abernathy, a former adviser."
    assert speakers(text) == ["John Q. Abernathy"]


def test_titles_and_turns_are_recognised():
    assert is_title("Rep.") and is_title("Sen") and not is_title("Okafor")
    assert starts_turn("WALLACE: Let's begin.") and not starts_turn("Note: this is")


def test_doubled_apostrophes_mark_quotes_and_the_next_sentence_keeps_the_speaker():
    text = ("Turnout fell. ''We will win,'' said Hana Ito, a pollster at the institute."
            " ''The numbers are clear.''")
    assert speakers(text) == ["Hana Ito", "Hana Ito"]


@pytest.mark.parametrize("text, speaker", [
    ("“We will not give up.” Mayor Lucia Ferrante said this on Friday, after the vote.",
     "Lucia Ferrante"),
    ("“Nobody saw it coming.” That was how the fisherman Tomas Reyes described the flood.",
     "Tomas Reyes"),
])
def test_a_speaker_named_only_in_the_following_sentence(text, speaker):
    assert speakers(text) == [speaker]


def test_a_name_apposed_to_a_role_after_the_quote():
    text = "“We need safe routes,” the charity's chief executive, Enver Solomon, said."
    assert speakers(text) == ["Enver Solomon"]


def test_the_newspaper_is_the_outlet_named_before():
    text = ("The Daily Herald published the leaked memo on Monday.\n"
            "“The numbers are wrong,” the newspaper wrote.\n"
            "The newspaper said the plan was “dead on arrival”.")
    assert speakers(text) == ["Daily Herald", "Daily Herald"]


def test_the_verb_right_before_the_quote_outranks_an_earlier_clause():
    text = ("When Ines Duarte noted the deficit, Marco Bellini replied, “That is the old"
            " budget.”")
    assert speakers(text) == ["Marco Bellini"]


def test_a_participle_opening_the_sentence_is_not_a_name():
    text = ("Following a late meeting, the council issued a statement calling the vote"
            " “a clear breach of the rules”.")
    assert speakers(text) != ["Following"]


@pytest.mark.parametrize("text", [
    "Small groups of marchers circled the square while chanting, “Open the border now.”",
    "Another critic, a law professor, said the bill was “a gift to the smugglers.”",
    "The Ohio governor said council members were wrong to talk about “a crisis at the port.”",
    # 'said X' names the speaker only when the quote follows X, not X's own clause
    "The Ohio governor said the Labour Party was to blame for “a crisis at the port.”",
])
def test_a_capitalised_word_modifying_a_noun_is_not_the_speaker(text):
    assert speakers(text) == [None]


def test_a_name_before_an_adverb_or_auxiliary_still_speaks():
    assert speakers("Ms. Ivanova also told the committee that the fund was “nearly empty.”") == [
        "Ivanova"]
    assert speakers("Mayor Tobias Renn has called the plan “a waste of money.”") == [
        "Tobias Renn"]


def test_a_body_before_which_speaks():
    text = "For figures they turned to the Lagos Port Authority which reported “4,100 idle boxes”."
    assert speakers(text) == ["Lagos Port Authority"]


def test_a_clause_after_the_quote_that_is_not_an_attribution_names_no_one_there():
    # a subordinate clause after the quote: its subject did not say it
    text = ("The clip shows Mayor Dana Ortiz saying at the hearing, “That is my job,” "
            "when Councillor Raj Patel pressed her.")
    assert speakers(text) == ["Dana Ortiz"]
    # '... suggests that X': X is inside the reported clause
    text = ("Lena Brandt said in her report that the advertisement “plainly and wrongly” "
            "suggests that Harwick and its officers support the plan.")
    assert speakers(text) == ["Lena Brandt"]


def test_a_title_as_speaker_is_the_one_person_who_holds_it():
    text = ("Home Secretary vows to “close the route” as arrivals rise\n"
            "Home Secretary Karin Holm said the route would be closed.")
    assert speakers(text) == ["Karin Holm"]


def test_a_speaker_read_from_the_text_keeps_the_cue_verb():
    text = ("South Korean President Park Geun-hye said Kim's mental state is "
            "“spiraling out of control.”")
    article = article_from_text(text)
    actors, mentions = extract_actors(article)
    [row] = extract_quotes(article, actors, mentions).to_dict("records")
    assert (row["speaker"], row["cue"]) == ("Park Geun-hye", "said")


def test_a_headline_quote_then_a_colon_names_its_speaker_after_it():
    text = "“No more delays”: Sadiq Khan demands a date for the new line\nHe spoke on Monday."
    assert speakers(text)[0] == "Sadiq Khan"
    # a title after the colon is not resolved to whoever holds a similar title later
    text = ("“We will not be bullied”: Greek minister defies EU over quotas.\n"
            "In London, Prime Minister Rishi Sunak welcomed the talks.")
    assert speakers(text) == [None]


def test_as_x_put_it_after_a_quote_is_an_attribution():
    assert speakers("“The boats will stop,” as Mayor Jo Reyes put it last week.") == ["Jo Reyes"]


@pytest.mark.parametrize("lead", [
    "One survivor, a teenager from Eritrea, told the Guardian: “We were in the sea for hours.”",
    "A woman who crossed in the spring said: “We were in the sea for hours.”",
])
def test_he_or_she_after_an_unnamed_speaker_goes_on_the_unnamed_speaker(lead):
    text = ("Coastguard chief Pavlos Dimas said 40 people had been rescued.\n"
            f"{lead}\n“Nobody came for us until the morning,” she added.")
    assert speakers(text) == [None, None]
    assert column(text, "cue")[1] == "added" and column(text, "cue")[0] in ("told", "said")


def test_a_capitalised_states_in_a_name_is_not_a_speech_verb():
    text = ("Foreign Minister Ilse Brandt said the United States would work with its allies to"
            " take “firm steps” in response, and she urged talks to resume.")
    assert speakers(text) == ["Ilse Brandt"]


@pytest.mark.parametrize("text, expected", [
    # 'he' after a spokesman goes on the body he speaks for
    ("Home Secretary Alma Kerr visited the port on Friday.\n"
     "A Home Office spokesman said: “The scheme is working.”\n"
     "“We will not be deterred,” he said.", ["Home Office", "Home Office"]),
    # 'she' after a quote goes on its speaker, not on the person named inside it
    ("Rosa Lind says Mark Evans’s “latest outburst is reckless.” "
     "She says it shows Evans is “unfit to lead the council.”", ["Rosa Lind", "Rosa Lind"]),
    # a body, a group or a document said the quote before: 'he' is the person named last
    ('Police arrested John Hale on Monday.\n“He is a smuggler,” police said.\n'
     '“I am innocent,” he told the court.', [None, "John Hale"]),
    ('Tom Reyes visited the camp.\n“Conditions are dire,” the report said.\n'
     '“We need more help,” he said.', [None, "Tom Reyes"]),
    # 'he' does not go back to a spokeswoman
    ('Home Secretary Alan Kerr visited the port.\nA Home Office spokeswoman said: “It works.”\n'
     '“We will not be deterred,” he said.', ["Home Office", "Alan Kerr"]),
    # the subject, not its apposition, when the apposition names no one
    ('Immigration Minister Rob Jenks visited Dover.\nThe minister, a former lawyer, said: '
     '“We will act.” “The boats must stop,” he added.', ["Rob Jenks", "Rob Jenks"]),
])
def test_he_or_she_goes_back_only_to_one_person_it_can_refer_to(text, expected):
    assert speakers(text) == expected


def test_an_unnamed_speaker_keeps_its_noun_as_role():
    text = "One survivor, a teenager from Eritrea, told the Guardian: “We were in the sea.”"
    assert [column(text, c) for c in ("speaker", "role", "cue")] == [
        [None], ["survivor"], ["told"]]


@pytest.mark.parametrize("text, expected", [
    # the sentence's speaking subject, not the person it mentions after the verb
    ("Senator Mark Perdue said he did not believe the claims hurt Tom Romney in 2012.\n"
     "“It is not what worked,” he said.", ["Mark Perdue"]),
    # with no speech verb in that sentence, the person named last
    ("Anna Berg met Peter Kole in Athens on Monday.\n“We agreed on nothing,” he said.",
     ["Peter Kole"]),
])
def test_he_after_reported_speech_goes_on_its_speaker(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, speaker, role", [
    # a title whose complement no lexicon knows, right before the name
    ("The Archbishop of Canterbury Justin Welby said: “This is immoral.”", "Justin Welby",
     "Archbishop of Canterbury"),
    ("The Commissioner for Neighbourhood and Enlargement Olivér Várhelyi said: “No.”",
     "Olivér Várhelyi", "Commissioner for Neighbourhood and Enlargement"),
    # after the cue, the whole title and then the name
    ("“It is a disgrace,” said the Secretary of State for Foreign Affairs James Cleverly.",
     "James Cleverly", "Secretary of State for Foreign Affairs"),
    ("“We will act,” said the Minister for Immigration Robert Jenrick.", "Robert Jenrick",
     "Minister for Immigration"),
])
def test_a_long_title_before_a_name_is_the_role_not_part_of_the_name(text, speaker, role):
    assert [column(text, c) for c in ("speaker", "role")] == [[speaker], [role]]


@pytest.mark.parametrize("text, body, person", [
    # a body that ends the title keeps its words; no name is cut from it
    ("“It was a disgusting day,” said Gil Baker, head of the Congressional Black Caucus.",
     "Congressional Black Caucus", "Gil Baker"),
    ("Tom Ashworth, Director of Organised Immigration Crime at the National Crime Agency, "
     "said: “We go further.”", "Organised Immigration Crime", "Tom Ashworth"),
])
def test_a_body_after_a_title_is_not_read_as_a_name(text, body, person):
    actors, _ = extract_actors(article_from_text(text))
    assert body in actors["name"].tolist()
    assert actors.loc[actors["kind"] == "person", "name"].tolist() == [person]


@pytest.mark.parametrize("text, speaker", [
    ("“It was a disgusting day,” said Rep. Gil Baker.", "Gil Baker"),
    ("“It was a disgusting day,” said Rep. G.K. Butterfield (D-N.C.).", "G.K. Butterfield"),
    ("“We will hold the line,” said Lt. Gen. Jo Kim.", "Jo Kim"),
    ("“They will not be housed here,” said Cllr Amy Ward.", "Amy Ward"),
])
def test_an_abbreviated_title_before_a_name_is_not_a_speaker_of_its_own(text, speaker):
    assert speakers(text) == [speaker]
    actors, _ = extract_actors(article_from_text(text))
    assert actors.loc[actors["kind"] == "person", "name"].tolist() == [speaker]


def test_a_letter_after_a_title_word_is_not_a_name():
    actors, _ = extract_actors(article_from_text("Gen Z voters were angry, Amy Ward said."))
    assert actors.loc[actors["kind"] == "person", "name"].tolist() == ["Amy Ward"]


@pytest.mark.parametrize("text, speaker, role", [
    # a capitalised title with its complement and no name: an unnamed holder, that title
    ("“The hotels are unsafe,” said the Chief Inspector of Borders and Immigration.", None,
     "Chief Inspector of Borders and Immigration"),
    ("The Director of Public Prosecutions said: “The case will go ahead.”", None,
     "Director of Public Prosecutions"),
    # ... its holder when the article has named them
    ("Director of Public Prosecutions Max Hill visited.\n\n“The case will go ahead,” the "
     "Director of Public Prosecutions said.", "Max Hill", "Director of Public Prosecutions"),
    # a bare office is a role, not a name
    ("The Home Secretary said: “The case will go ahead.”", None, "home secretary"),
    # a surname that is also a place's head word, after a given name
    ("Mayor of the West Midlands Andy Street said: “We need housing.”", "Andy Street",
     "Mayor of the West Midlands"),
    ("The Office of the UN High Commissioner for Refugees said: “Asylum is a right.”", "UNHCR",
     None),
])
def test_a_title_without_a_name_is_no_speakers_name(text, speaker, role):
    assert [column(text, c) for c in ("speaker", "role")] == [[speaker], [role]]
    actors, _ = extract_actors(article_from_text(text))
    assert not {"Public Prosecutions", "Immigration", "Inspector"} & set(actors["name"])


@pytest.mark.parametrize("text, speaker, role", [
    ("A Downing Street spokesman said: “We are confident.”", "Downing Street", "spokesman"),
    ("“We will see,” said Downing Street.", "Downing Street", None),
    ("“We will see,” said a Downing Street source.", None, "Downing Street source"),
])
def test_a_seat_of_governments_spokesperson_speaks_for_it(text, speaker, role):
    assert [column(text, c) for c in ("speaker", "role")] == [[speaker], [role]]


@pytest.mark.parametrize("text, speakers_roles", [
    # 'the new Home Secretary, X': a time word before the title keeps it X's
    ("The new Home Secretary, Yvette Cooper, said she had inherited a “shambles” and a "
     "“gimmick”.", [("Yvette Cooper", "Home Secretary")] * 2),
    # 'hit back' attributes; the former holder speaks, not the one named before
    ("The Home Secretary, Yvette Cooper, called it a “gimmick”.\n\nJames Cleverly, the former "
     "home secretary, hit back on X: “Labour's claim that nothing worked is nonsense.”",
     [("Yvette Cooper", "Home Secretary"), ("James Cleverly", "Former Home Secretary")]),
    # an anonymous figure is no body's voice; whom they are close to stays in the role
    ("A senior Labour figure described the approach as “performative cruelty”.",
     [(None, "Labour figure")]),
    ("A Home Office source said: “It is over.”", [(None, "Home Office source")]),
])
def test_titles_with_time_words_new_cues_and_anonymous_figures(text, speakers_roles):
    assert speakers_and_roles(text) == speakers_roles


@pytest.mark.parametrize("text, speakers_roles", [
    # the outer attribution, not the subject of the reported clause after it
    ("The shadow home secretary, Chris Philp, said Labour had “lost control of our borders”.",
     [("Chris Philp", "Shadow Home Secretary")]),
    # 'she' goes back to the sentence's titled subject, not a name in its relative clause
    ("The European Commission president, Ursula von der Leyen, who visited the island with "
     "Ms Meloni on Sunday, presented a plan. “Irregular migration is a European challenge,” "
     "she said.", [("Ursula von der Leyen", "European Commission President")]),
    # 'he added' after an unnamed spokesman's partial quote goes on that spokesman
    ("An ally of Suella Braverman was blunter.\n\nA No 10 spokesman said the Prime "
     "Minister was “determined to stop the boats”. “We will not let a foreign court block our "
     "plans,” he added.", [(None, "spokesman"), (None, "spokesman")]),
    # an anonymous ally keeps 'ally' as role, in both sentences of its quote
    ("An ally of Suella Braverman was blunter. “She told them this would happen,” the ally "
     "said. “They did not listen.”", [(None, "ally"), (None, "ally")]),
    # a body before a title in an appositive: the title's
    ("A European Commission spokeswoman, Anitta Hipper, told reporters that the pact would "
     "“make a real difference”.", [("Anitta Hipper", "European Commission Spokeswoman")]),
])
def test_outer_attributions_subjects_and_unnamed_speakers_who_go_on(text, speakers_roles):
    assert speakers_and_roles(text) == speakers_roles


@pytest.mark.parametrize("text, speakers_roles", [
    # a style of address between a title and its holder's name
    ("“Every one of those thousands is a person,” said the Bishop of Dover, the Right Reverend "
     "Rose Hudson-Wilkin.", [("Rose Hudson-Wilkin", "Bishop of Dover")]),
    # a body's spokesman named in apposition speaks himself, as its spokesman
    ("A spokesman for the Home Office, Tom Lee, said: “We act.”",
     [("Tom Lee", "Home Office spokesman")]),
    # 'put it', 'let it be known' attribute; 'Sir Bill' is a name, though 'Bill' is a head word
    ("As one Conservative backbencher put it to me: “We are running out of road.”",
     [(None, "Conservative backbencher")]),
    ("Sir Bill Cash let it be known that the bill was “not yet watertight”.",
     [("Bill Cash", None)]),
    # a plural's possessive before a title
    ("The Liberal Democrats' home affairs spokesman, Alistair Carmichael, said: “They have lost "
     "control.”", [("Alistair Carmichael", "Liberal Democrats Home Affairs Spokesman")]),
])
def test_styles_of_address_named_spokesmen_and_plural_possessives(text, speakers_roles):
    assert speakers_and_roles(text) == speakers_roles


def test_a_surname_after_an_honorific_goes_to_the_person_it_fits():
    text = ("Hillary Clinton spoke on Monday. Her husband, Bill Clinton, listened. Mrs. Clinton "
            "later left.")
    actors, _ = extract_actors(article_from_text(text))
    hillary = actors.loc[actors["name"] == "Hillary Clinton", "aliases"].iloc[0]
    assert "Mrs. Clinton" in hillary


@pytest.mark.parametrize("text, published, speakers_roles", [
    # the holder of the office on the publication day, when the article names them
    ("Rishi Sunak faced questions in the Commons on Wednesday.\n\nAsked about the Rwanda plan, "
     "the Prime Minister replied: “We will get flights off the ground.”", "2024-01-17",
     [("Rishi Sunak", "Prime Minister")]),
    # the office named alone gives its holder a role for all their quotes
    ("Suella Braverman insists that the plan is “working”. The Home Secretary may yet be "
     "proved right.", "2023-08-20", [("Suella Braverman", "Home Secretary")]),
    ("Rishi Sunak told MPs his plan was working. “Crossings fell,” he said.\n\nThe prime "
     "minister's claim is broadly correct.", "2024-03-01", [("Rishi Sunak", "Prime Minister")]),
    ("Rishi Sunak has staked his premiership on it.\n\nThe PM insisted on Friday the plan "
     "was working. He said: “We are making progress.”", "2023-08-20", [("Rishi Sunak", "PM")]),
    # not someone the article does not name, nor a holder on another day
    ("Asked about the Rwanda plan, the Prime Minister replied: “We will get flights off the "
     "ground.”", "2024-01-17", [(None, "prime minister")]),
    ("Rishi Sunak faced questions.\n\nThe Prime Minister replied: “We will act.”",
     "2024-09-17", [(None, "prime minister")]),
    # nor the byline's writer, whom 'his' in the lead-in fits, but the one who said it
    ("By Robert Jenrick\n\nAs the Prime Minister said when he launched his pledge, “If you "
     "come here illegally, you will not be able to stay.”", "2024-06-03",
     [(None, "prime minister")]),
])
def test_a_title_alone_goes_to_its_holder_on_the_day_the_article_names(text, published,
                                                                      speakers_roles):
    article = article_from_text(text, published=published)
    actors, mentions = extract_actors(article)
    rows = extract_quotes(article, actors, mentions)
    got = [(s if isinstance(s, str) else None, r if isinstance(r, str) else None)
           for s, r in zip(rows["speaker"], rows["role"], strict=True)]
    assert got == speakers_roles


def test_office_holders_by_day_and_country():
    from newstables.extract.offices import holder
    named = {"Suella Braverman", "Keir Starmer", "Rishi Sunak", "Giorgia Meloni"}
    day = __import__("datetime").date
    assert holder("home secretary", day(2023, 3, 1), named) == "Suella Braverman"
    assert holder("home secretary", day(2022, 10, 20), named) is None  # Grant Shapps's week
    assert holder("Prime Minister", day(2024, 7, 10), named) is None  # Starmer and Meloni
    assert holder("prime minister", day(2024, 7, 10), named, "United Kingdom") == "Keir Starmer"
    assert holder("leader of the opposition", day(2024, 1, 10), named) == "Keir Starmer"
    assert holder("prime minister", None, named) is None


@pytest.mark.parametrize("text, speakers_roles", [
    # a lower-case noun after the name does not make the phrase a clause
    ("The scheme is failing, said Jane Doe of the charity: “People are dying.”",
     [("Jane Doe", None)]),
    # the cue first, a long title, then the name; a style of address after a title
    ("“It is wrong,” said the Archbishop of Canterbury Justin Welby.",
     [("Justin Welby", "Archbishop of Canterbury")]),
    ("“We act,” said the Home Secretary, the Rt Hon Yvette Cooper.",
     [("Yvette Cooper", "Home Secretary")]),
])
def test_review_cases_of_names_after_cues(text, speakers_roles):
    assert speakers_and_roles(text) == speakers_roles


@pytest.mark.parametrize("text, speakers_roles", [
    # a person of a named charity speaks, not the charity
    ("Critics said the deal would not work. Tom Wheeler of the charity Routes Not Walls said: "
     "“Only safe routes will do that.”", [("Tom Wheeler", None)]),
    # one person of a body is unnamed, not the body's voice
    ("One Home Office official, who asked not to be named, said the department had been “on "
     "a war footing” since the summer.", [(None, "Home Office official")]),
    ("“We inherited chaos,” one Home Office minister told Playbook. A Labour MP in a Red Wall "
     "seat was blunter: “My constituents do not care about the small print.”",
     [(None, "Home Office minister"), (None, "Labour MP in a Red Wall seat")]),
    # 'he' after a sentence that brings in someone unnamed is that person
    ("In London, a Home Office spokesperson said the deaths were “a tragic reminder”.\n\nBack "
     "on the beach, a fisherman mending his nets shook his head. “Every week it is the same,” "
     "he said.", [("Home Office", "spokesperson"), (None, "fisherman")]),
])
def test_people_of_bodies_and_people_brought_in_unnamed(text, speakers_roles):
    assert speakers_and_roles(text) == speakers_roles


def test_a_pronoun_after_a_quote_of_several_sentences_looks_before_the_quote():
    text = ("Councillor Liz Wright said: “These are people fleeing war.”\n\nOne resident, "
            "speaking from the public gallery, said she had lived on the same street for 31 "
            "years. “Nobody asked us. We found out on Facebook,” she said, to applause.")
    assert speakers_and_roles(text) == [
        ("Liz Wright", "Councillor"), (None, "resident")]


@pytest.mark.parametrize("text, speakers_roles", [
    # a workplace after the title, however long the appositive runs on
    ("“The fall is real,” said Peter Walsh, a senior researcher at the Migration Observatory "
     "at the University of Oxford.",
     [("Peter Walsh", "Senior Researcher at the Migration Observatory")]),
    ("Dr Ann Lee, a researcher at the University of Oxford's Migration Observatory, said it "
     "was “volatile”.",
     [("Ann Lee", "Researcher at the University of Oxford's Migration Observatory")]),
    # a title and its place before a name set off by commas
    ("The mayor of Boulogne-sur-Mer, Frédéric Cuvillier, called it “a deal made in Paris”.",
     [("Frédéric Cuvillier", "Mayor of Boulogne-sur-Mer")]),
    ("The new Labour MP for South Dorset, Lloyd Hatton, said it had been “a costly gimmick”.",
     [("Lloyd Hatton", "Labour MP for South Dorset")]),
    # titles the lexicon had no head for
    ("Jacques Billant, the prefect of the Pas-de-Calais region, said police were stretched. "
     "“We cannot intervene,” Billant told reporters.", [("Jacques Billant", "Prefect")]),
    ("Portland Town Council member Carralyn Parkes said it came “a year too late”.",
     [("Carralyn Parkes", "Portland Town Council Member")]),
    # the title after an age
    ("Dave, 54, a fisherman from Castletown, said he was relieved. “They dumped it on us,” "
     "he said.", [("Dave", "Fisherman")]),
    # a sentence opened by 'And' names one speaker, not a joint voice
    ("And South Dorset MP Richard Drax blasted: “I warned the Home Office.”",
     [("Richard Drax", "MP")]),
])
def test_titles_after_names_with_workplaces_places_and_ages(text, speakers_roles):
    assert speakers_and_roles(text) == speakers_roles


@pytest.mark.parametrize("text, speakers_roles", [
    # a statement handed over in a lead-in that ends the paragraph before it
    ("A Home Office spokesperson has given us this statement on the barge:\n\n“Samples have "
     "shown levels of Legionella bacteria.”", [("Home Office", "spokesperson")]),
    ("The Home Office issued the following statement: “We will not comment on leaks.”",
     [("Home Office", None)]),
    # an opening 'But' before the name and its relative clause
    ("But Sophie, 31, who volunteers with a local support group, said it was “a shame”.",
     [("Sophie", None)]),
])
def test_statements_handed_over_and_subjects_after_an_opening_but(text, speakers_roles):
    assert speakers_and_roles(text) == speakers_roles


def test_someone_unnamed_brought_in_keeps_their_quotes_from_the_last_named_speaker():
    text = ("Shadow Home Secretary Chris Philp accused ministers of having “no plan”. “The "
            "boats are up,” he said.\n\nA receptionist, who asked not to be named, said the "
            "residents were “polite and mostly bored”.\n\n“They want to work,” she said. “They "
            "ask us every day.”\n\nOne resident, a 26-year-old engineering graduate from "
            "Eritrea, said he had been moved four times. “Every time, a new city,” he said. “I "
            "just want to start.”\n\nAnother man, a former teacher from Sudan, said he had moved "
            "hotels. “I want to work,” he said.")
    assert speakers_and_roles(text) == [
        ("Chris Philp", "Shadow Home Secretary"), ("Chris Philp", "Shadow Home Secretary"),
        (None, "receptionist"), (None, "receptionist"), (None, "receptionist"),
        (None, "resident"), (None, "resident"), (None, "man")]


@pytest.mark.parametrize("text, speakers_roles", [
    # a question put to someone unnamed: their answer, not a name inside the question
    ("Asked whether the Prime Minister retained confidence in the Home Secretary, Suella "
     "Braverman, the spokesman replied: “Yes.”", [(None, "spokesman")]),
    ("Asked why the barge was used, the spokesman said he would not get into “a running "
     "commentary” and referred reporters to the Home Office.", [(None, "spokesman")]),
    # a name after the question is the speaker
    ("Asked about the figures, Home Secretary Suella Braverman said: “We will act.”",
     [("Suella Braverman", "Home Secretary")]),
])
def test_the_answer_to_a_question_put_to_someone(text, speakers_roles):
    assert speakers_and_roles(text) == speakers_roles


@pytest.mark.parametrize("text, speakers_roles", [
    # a body's title before a name, the body a common noun
    ("The committee's chair, Dame Diana Johnson, said: “The backlog is unacceptable.”",
     [("Diana Johnson", "Chair")]),
    ("The claimant's solicitor, Daniel Osei, said: “We will appeal.”",
     [("Daniel Osei", "Solicitor")]),
    # two portfolios of one title
    ("Greek Migration and Asylum Minister Nikos Panagiotopoulos said: “We guard Europe.”",
     [("Nikos Panagiotopoulos", "Migration and Asylum Minister")]),
    # an honorific that is a title
    ("Cllr Rhodri Evans, who represents the Bynea ward, said: “We were not consulted.”",
     [("Rhodri Evans", "Councillor")]),
])
def test_titles_of_bodies_portfolios_and_councillors(text, speakers_roles):
    assert speakers_and_roles(text) == speakers_roles


def test_someone_unnamed_after_an_opening_phrase_keeps_their_quotes():
    text = ("Defence Secretary John Healey said: “We will do whatever is asked of us.”\n\nAt a "
            "hotel in Kent, a security guard, who did not want to be identified, said the mood "
            "was calm.\n\n“Nobody causes trouble here,” he said. “We just wait.”")
    assert speakers_and_roles(text) == [
        ("John Healey", "Defence Secretary"), (None, "guard"), (None, "guard")]


def test_a_fact_checks_claim_is_said_by_whom_the_next_paragraph_names():
    text = ("Claim: “Small boat arrivals fell by more than a third last year.”\n\n"
            "Said by immigration minister Anthony Blakeley MP on the Today programme, 1 March.\n\n"
            "Claim: “Asylum applications are down 17%.”\n\n"
            "Said by the Home Office in a press release, 29 February.\n\n"
            "Verdict: “Correct,” the researcher said.")
    assert speakers(text) == ["Anthony Blakeley", "Home Office", None]
    # not a quote with no label, nor "Posted by" a body
    text = ("“We are overwhelmed,” said Enver Solomon of the Refugee Council.\n\n"
            "“We need more caseworkers.”\n\nPosted by the Home Office on X on Tuesday, a video "
            "showed people.")
    assert speakers(text) == ["Enver Solomon", "Enver Solomon"]


def test_a_fact_checks_said_by_label_names_someone_no_list_knows():
    # a label line, 'Said by: Name', is no Title Case headline: the name after it is someone
    text = ("Claim: “We have stopped the boats.”\n\nSaid by: Suella Braverman\n\n"
            "Claim: “Arrivals are down by a third.”\n\nSaid by Tobias Wren, Home Secretary\n\n"
            "The figures show otherwise.")
    assert speakers_and_roles(text) == [("Suella Braverman", None),
                                        ("Tobias Wren", "Home Secretary")]


def test_a_title_of_a_field_keeps_its_field_and_workplace():
    assert speakers_and_roles("“It is hard,” said Joanna Reyes, head of policy at the Refugee "
                              "Council.") == [("Joanna Reyes",
                                               "Head of Policy at the Refugee Council")]
    assert speakers_and_roles("“We will act,” said Tom Lee, director of communications.") == [
        ("Tom Lee", "Director of Communications")]


def test_a_month_that_is_a_given_name_opens_a_name_but_not_after_a_time_word():
    assert speakers("“It never stops,” said April Jones.") == ["April Jones"]
    assert speakers("June Sarpong, the presenter, said it was “unfair”.") == ["June Sarpong"]
    assert speakers("The crew was led by Jan Ellery, 54. “It is hard,” she said.") == [
        "Jan Ellery"]
    # a month after a time word is the month: the name is the one after it
    assert speakers("In May Suella Braverman said the boats would “stop”.") == [
        "Suella Braverman"]


def test_a_given_name_ending_in_ed_opening_a_sentence_is_someone():
    text = ("Mohammed, a 29-year-old civil engineer from Sudan, put it differently. “I want to "
            "work,” he said.")
    assert speakers(text) == ["Mohammed"]


def test_a_person_of_a_body_no_list_knows_speaks_for_it():
    assert speakers_and_roles("Clara Hoffmann of Pro Asyl called it “a historic failure”.") == [
        ("Clara Hoffmann", "Pro Asyl")]
    # a one-word place after "of" is no body
    assert speakers_and_roles("Rep. Elijah Cummings of Maryland said it was “a photo op”.") == [
        ("Elijah Cummings", None)]
    # an object of a verb before "of" is no member of a body, nor a possessive a body
    assert speakers("Critics accused James Cleverly of ignoring Enver Solomon, who said the plan "
                    "was “cruel”.") == ["Enver Solomon"]
    assert speakers("The judge reminded Rishi Sunak of Boris Johnson's promise. “We will keep "
                    "it,” Mr Johnson said.") == ["Boris Johnson"]
    assert speakers("Young People of Kent said it was “unfair”.") == [None]


def test_a_broadcast_transcripts_label_gives_name_and_role():
    text = ("PRESENTER: Let's go to Portland, where Lucy Hart is with Moira Dunn.\n\n"
            "LUCY HART (REPORTER, PORTLAND): The barge arrived this morning. It is huge.\n\n"
            "MOIRA DUNN (CHANNEL RESCUE): It is, and the people we meet are exhausted.\n\n"
            "PRESENTER: Thank you both.")
    assert speakers_and_roles(text) == [
        (None, "presenter"), ("Lucy Hart", "Reporter, Portland"), ("Moira Dunn", "Channel Rescue"),
        (None, "presenter")]
