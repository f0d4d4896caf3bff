"""Actors and mentions: people with roles, organisations, places, aliases, traceability."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstables import article_from_text
from newstables.extract.actors import extract_actors
from newstables.schema import is_missing


def actors_of(text: str):
    actors, mentions = extract_actors(article_from_text(text))
    return actors, mentions


def row(actors, name: str) -> dict:
    hits = actors[actors["name"] == name]
    assert len(hits) == 1, f"{name!r} not found once in {list(actors['name'])}"
    return hits.iloc[0].to_dict()


def names(actors) -> list[str]:
    return list(actors["name"])


def test_role_title_before_name_gives_person_role_and_implied_country():
    actors, _ = actors_of("Home Secretary Suella Braverman said the plan would work.")
    person = row(actors, "Suella Braverman")
    assert (person["kind"], person["role"], person["country"]) == (
        "person", "Home Secretary", "United Kingdom"
    )


def test_nationality_adjective_before_title_sets_country():
    actors, _ = actors_of("Turkish Interior Minister Ali Yerlikaya visited the border.")
    person = row(actors, "Ali Yerlikaya")
    assert (person["role"], person["country"]) == ("Interior Minister", "Türkiye")
    assert "Turkish" not in " ".join(actors["aliases"])


def test_possessive_country_and_comma_before_name():
    actors, _ = actors_of("Britain's home secretary, Suella Braverman, said more was needed.")
    person = row(actors, "Suella Braverman")
    assert (person["role"], person["country"]) == ("Home Secretary", "United Kingdom")
    assert row(actors, "United Kingdom")["aliases"] == "Britain"


def test_appositive_role_after_name():
    actors, _ = actors_of("Robert Jenrick, the immigration minister, said the deal was vital.")
    assert row(actors, "Robert Jenrick")["role"] == "Immigration Minister"


def test_a_place_before_a_title_and_its_verb_is_not_the_titled_person():
    # 'In Chelsea, the mayor said': the mayor is the subject, Chelsea where it was said
    actors, _ = actors_of("At a press conference in Chelsea, the mayor also said it was too "
                          "early to tell. Crowds gathered in Chelsea on Sunday.")
    assert row(actors, "Chelsea")["kind"] == "place"
    actors, _ = actors_of("Officials met in Leeds with Marta Kovacs, the mayor, on Friday.")
    assert row(actors, "Marta Kovacs")["role"] == "Mayor"
    # a speech verb in a relative clause after the title does not undo the apposition
    actors, _ = actors_of("The request went to Marta Kovacs, the mayor who announced the "
                          "curfew.")
    assert (row(actors, "Marta Kovacs")["kind"], row(actors, "Marta Kovacs")["role"]) == (
        "person", "Mayor")


def test_appositive_role_with_organisation_complement():
    text = "Enver Solomon, chief executive of the Refugee Council, said the plan was cruel."
    actors, _ = actors_of(text)
    assert row(actors, "Enver Solomon")["role"] == "Chief Executive of the Refugee Council"
    assert row(actors, "Refugee Council")["kind"] == "org"


def test_later_surname_is_an_alias_not_a_new_actor():
    text = "Immigration Minister Robert Jenrick met officials.\nJenrick visited Ankara last month."
    actors, mentions = actors_of(text)
    person = row(actors, "Robert Jenrick")
    assert (person["aliases"], person["n_mentions"]) == ("Jenrick", 2)
    assert "Jenrick" not in names(actors)


def test_honorific_and_surname_is_an_alias():
    actors, _ = actors_of("Prime Minister Rishi Sunak spoke first. Mr Sunak then left.")
    assert row(actors, "Rishi Sunak")["aliases"] == "Mr Sunak"


def test_sir_and_given_name_maps_to_the_full_name():
    actors, _ = actors_of("Labour leader Keir Starmer objected. Sir Keir said it was a gimmick.")
    person = row(actors, "Keir Starmer")
    assert person["aliases"] == "Sir Keir" and person["role"] == "Labour Leader"


def test_organisation_head_word_and_adjective_country():
    actors, _ = actors_of("The center will be run by the Turkish National Police.")
    org = row(actors, "Turkish National Police")
    assert (org["kind"], org["country"]) == ("org", "Türkiye")


def test_known_acronyms_and_names_are_organisations():
    actors, _ = actors_of("Frontex and the UNHCR briefed the European Union. The EU agreed.")
    assert {row(actors, n)["kind"] for n in ("Frontex", "UNHCR", "European Union")} == {"org"}
    assert row(actors, "European Union")["aliases"] == "EU"


def test_ministry_of_interior_is_joined_by_of():
    actors, _ = actors_of("A statement came from the Ministry of Interior on Monday.")
    assert row(actors, "Ministry of Interior")["kind"] == "org"


def test_country_aliases_merge_into_one_place():
    actors, _ = actors_of("Turkey and the U.K. signed. Türkiye and Britain agreed. The UK paid.")
    assert row(actors, "Türkiye")["aliases"] == "Turkey"
    uk = row(actors, "United Kingdom")
    assert (uk["aliases"], uk["n_mentions"]) == ("Britain; U.K.; UK", 3)


def test_and_does_not_join_two_countries():
    actors, _ = actors_of("Türkiye and the United Kingdom have announced a new deal.")
    assert names(actors) == ["Türkiye", "United Kingdom"]


def test_nationality_adjective_alone_is_not_a_mention():
    actors, _ = actors_of("Data was shared between British and Turkish authorities.")
    assert len(actors) == 0


def test_adjective_with_government_is_an_organisation():
    actors, _ = actors_of("It was what the British government billed as a success.")
    org = row(actors, "British government")
    assert (org["kind"], org["country"]) == ("org", "United Kingdom")


def test_sentence_initial_common_words_are_not_actors():
    text = "Backed by Frontex, the center opened. Thousands came. The Home Office agreed."
    actors, _ = actors_of(text)
    assert names(actors) == ["Frontex", "Home Office"]


def test_months_and_days_are_not_actors():
    actors, _ = actors_of("On Monday, in January, the plan was announced. May brought more.")
    assert len(actors) == 0


def test_unknown_capitalised_word_after_in_is_a_place():
    actors, _ = actors_of("The barge is moored at Portland Port in Dorset.")
    assert row(actors, "Dorset")["kind"] == "place"
    assert row(actors, "Portland Port")["kind"] == "place"


def test_word_before_border_gate_is_a_place():
    actors, _ = actors_of("He visited the Kapıkule border gate with Bulgaria.")
    assert row(actors, "Kapıkule")["kind"] == "place"


def test_unknown_name_after_the_is_other():
    actors, _ = actors_of("Asylum seekers boarded the Bibby Stockholm, a barge.")
    assert row(actors, "Bibby Stockholm")["kind"] == "other"
    assert "Stockholm" not in names(actors)


def test_generic_ministry_takes_the_one_country_of_its_sentence():
    actors, _ = actors_of("Türkiye deported 124,441 migrants, the Interior Ministry announced.")
    assert row(actors, "Interior Ministry")["country"] == "Türkiye"


def test_hyphenated_country_pair_mentions_both():
    actors, _ = actors_of("The EU-Turkey deal was signed in 2016.")
    assert names(actors) == ["European Union", "Türkiye"]


def test_possessive_is_not_part_of_the_name():
    actors, mentions = actors_of("Home Secretary Suella Braverman's plan was criticised.")
    assert list(mentions["surface"]) == ["Suella Braverman"]


def test_title_case_headline_only_trusts_lexicon_names():
    actors, _ = actors_of("UK And Turkey Sign Deal To Tackle People Smugglers\nThe deal is new.")
    assert names(actors) == ["United Kingdom", "Türkiye"]


def test_mentions_inside_quotes_count():
    actors, _ = actors_of("She said: “Our partnership with Türkiye will last.”")
    assert row(actors, "Türkiye")["n_mentions"] == 1


def test_actor_ids_follow_first_mention_and_counts_match():
    text = "Greece and Italy met. Italy, Greece and Malta signed. Malta paid."
    actors, mentions = actors_of(text)
    assert names(actors) == ["Greece", "Italy", "Malta"]
    assert list(actors["actor"]) == [1, 2, 3]
    assert list(actors["n_mentions"]) == [2, 2, 2]
    assert list(mentions["start"]) == sorted(mentions["start"])


def test_seed_actors(seed):
    actors, mentions = extract_actors(seed)
    assert row(actors, "Suella Braverman")["role"] == "Home Secretary"
    jenrick = row(actors, "Robert Jenrick")
    assert (jenrick["role"], jenrick["aliases"]) == ("Immigration Minister", "Jenrick")
    assert row(actors, "Rishi Sunak")["role"] == "Prime Minister"
    assert row(actors, "Turkish National Police")["country"] == "Türkiye"
    assert row(actors, "United Kingdom")["aliases"] == "Britain; U.K."
    for name in ("National Crime Agency", "Home Office", "Interior Ministry"):
        assert row(actors, name)["kind"] == "org"
    assert not set(names(actors)) & {"The", "Central", "Supported", "Having", "Every", "Monday"}
    for r in mentions.itertuples():
        assert seed.text[r.start : r.end] == r.surface


PIECES = list("abcXYZ .,:;'\"“”‘’-–()\n0123456789İıüßé😀") + [
    "Mr ", "Minister ", "Office ", "Türkiye ", "UK-", "of ", "the ", "said ", "Jenrick ",
    "Home Secretary ", "'s ", "99999999999999999999 ", "Ministry ", "in ", "and ", "U.K. ",
]
CHARS = st.characters(blacklist_categories=("Cc", "Cs"))
TEXT = st.one_of(
    st.text(CHARS, max_size=200), st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_any_text_never_raises_and_spans_reproduce_surfaces(text):
    if not text.removeprefix("\ufeff").strip():  # the article refuses it as empty
        return
    article = article_from_text(text)
    actors, mentions = extract_actors(article)
    for r in mentions.itertuples():
        assert article.text[r.start : r.end] == r.surface
        assert article.paragraphs[r.paragraph - 1].start <= r.start
    assert list(actors["actor"]) == list(range(1, len(actors) + 1))
    assert sum(actors["n_mentions"]) == len(mentions)


def test_a_name_followed_by_who_is_a_person():
    art = article_from_text("Marta Lindqvist, who heads the Aegean Rescue Network, spoke first.")
    actors, _ = extract_actors(art)
    kinds = dict(zip(actors["name"], actors["kind"], strict=True))
    assert kinds["Marta Lindqvist"] == "person"


def test_a_generic_body_takes_its_sentences_country_but_not_a_destination():
    actors, _ = actors_of("Greece's coastguard and the Interior Ministry said the boats were"
                          " turned back.")
    assert row(actors, "Interior Ministry")["country"] == "Greece"
    actors, _ = actors_of("Some 5,000 people returned to the camps in northern Iraq, the"
                          " Interior Ministry said.")
    assert is_missing(row(actors, "Interior Ministry")["country"])
    actors, _ = actors_of("Families were flown to Pakistan, the Interior Ministry said.")
    assert is_missing(row(actors, "Interior Ministry")["country"])


def test_a_body_of_two_countries_keeps_its_whole_name_and_no_one_country():
    actors, mentions = actors_of("Talks will resume at the U.S.-Mexico Border Commission"
                                 " in June.")
    body = row(actors, "U.S.-Mexico Border Commission")
    assert is_missing(body["country"])
    named = set(actors.loc[actors["kind"] == "place", "name"])
    assert {"United States", "Mexico"} <= named


def test_a_name_that_starts_with_a_place_word_is_not_a_place_by_it():
    actors, _ = actors_of("Park Min-jun met protesters in Bridge Street, near Lake Tana.")
    assert row(actors, "Park Min-jun")["kind"] == "person"
    assert row(actors, "Bridge Street")["kind"] == "place"
    assert row(actors, "Lake Tana")["kind"] == "place"


def test_a_street_is_a_place_and_a_given_name_with_a_street_word_a_person():
    actors, _ = actors_of("Pauline Marsh, 68, has lived on Marine Parade for 40 years. The "
                          "Mayor of the West Midlands, Andy Street, said he agreed.")
    assert row(actors, "Marine Parade")["kind"] == "place"
    assert row(actors, "Andy Street")["kind"] == "person"


def test_initials_stay_inside_a_name_with_or_without_a_title_before_it():
    actors, mentions = actors_of(
        "Foreign Minister Anna K. Varga met Peter R. Novak and former mayor T. Henrik Sand."
        " Varga said Novak would stay.")
    assert names(actors) == ["Anna K. Varga", "Peter R. Novak", "T. Henrik Sand"]
    assert row(actors, "Anna K. Varga")["role"] == "Foreign Minister"
    assert row(actors, "Peter R. Novak")["n_mentions"] == 2  # the surname alone, later


def test_a_name_cut_off_after_an_initial_ends_at_the_initial():
    # a title, a name and an initial, then another sentence: no crash, no empty name
    actors, _ = actors_of("Secretary of State John F. The daughter of Aung San left.")
    assert row(actors, "John F")["role"] == "Secretary of State"
    assert "" not in names(actors)


def test_a_capital_letter_ending_a_label_does_not_join_the_next_sentence():
    actors, _ = actors_of("Aid arrived from Plan B. Harris said it was not enough. "
                          "They moved to Block C. Officials said it was full.")
    assert "Harris" in names(actors)
    assert not any(". " in name for name in names(actors))


def test_members_of_a_parliament_are_no_actor_of_their_own():
    actors, _ = actors_of("The Home Secretary told MPs on Tuesday that returns rose. MEPs and"
                          " MSPs were not told. Mr Philp said it was a failure.")
    assert names(actors) == ["Philp"]


def test_a_title_case_headline_with_one_letter_words_is_still_a_headline():
    actors, _ = actors_of("I Am A Refugee In Calais\nThe camp was cleared on Monday.")
    assert names(actors) == ["Calais"]


def test_a_sentence_of_names_with_a_verb_in_lower_case_is_not_a_headline():
    actors, _ = actors_of("Talks fail\nAnna Berg met John Kole in Athens.")
    assert names(actors) == ["Anna Berg", "John Kole", "Athens"]


def test_names_with_particles_and_prefixes_stay_whole():
    actors, _ = actors_of(
        "European Commission President Ursula von der Leyen met Bashar al-Assad's envoy. "
        "Von der Leyen later spoke to Massimo d'Alema and Abdel Fattah el-Sisi.")
    assert row(actors, "Ursula von der Leyen")["role"] == "European Commission President"
    assert {"Bashar al-Assad", "Massimo d'Alema", "Abdel Fattah el-Sisi"} <= set(names(actors))
    assert not {"Ursula", "Leyen", "Bashar"} & set(names(actors))


def test_a_known_body_named_in_full_is_one_organisation_with_its_acronym():
    actors, _ = actors_of(
        "The Federal Office for Migration and Refugees (BAMF) registered 61,336 people. "
        "The Centers for Disease Control and Prevention issued the order.")
    assert row(actors, "Bundesamt für Migration und Flüchtlinge")["n_mentions"] == 2
    assert row(actors, "Centers for Disease Control and Prevention")["kind"] == "org"
    assert "Disease Control" not in names(actors)


def test_a_counterpart_is_a_person_with_the_country_of_the_adjective():
    actors, _ = actors_of("Meloni spoke in Rome alongside her Albanian counterpart Edi Rama.")
    rama = row(actors, "Edi Rama")
    assert (rama["kind"], rama["country"]) == ("person", "Albania")


def test_a_generic_body_in_a_sentence_naming_no_country_takes_its_paragraphs_one():
    actors, _ = actors_of(
        "Some 41,200 Syrians returned to the safe zones in northern Syria, the Interior Ministry "
        "announced. Data shared by the ministry revealed this was the highest number in "
        "Türkiye's history.")
    assert row(actors, "Interior Ministry")["country"] == "Türkiye"


def test_a_preposition_opening_a_sentence_does_not_start_a_name():
    actors, _ = actors_of("Between January and September, 26,612 people arrived. "
                          "Demonstrators gathered outside. Relatives of Anna Berg waited.")
    assert names(actors) == ["Anna Berg"]


@pytest.mark.parametrize("text, name, role", [
    # a party or body before the title in an appositive is part of the role
    ("Sir Keir Starmer, the Labour leader, said the plan was a gimmick.", "Keir Starmer",
     "Labour Leader"),
    ("Nigel Farage, the Reform UK leader, said no.", "Nigel Farage", "Reform UK Leader"),
    ("“It is a farce,” the Lib Dem leader Sir Ed Davey said.", "Ed Davey", "Lib Dem Leader"),
])
def test_a_party_before_a_title_is_part_of_the_role(text, name, role):
    actors, _ = actors_of(text)
    assert row(actors, name)["role"] == role


def test_someone_called_by_a_given_name_alone_is_a_person_a_city_is_not():
    actors, _ = actors_of("On a wet evening, Emre sat in a cafe near Aksaray. For Emre, the "
                          "question is simpler.")
    assert row(actors, "Emre")["kind"] == "person"
    # once is not enough; nor a name that is also a city's
    actors, _ = actors_of("On a wet evening, Emre sat in a cafe near Aksaray.")
    assert "Emre" not in set(actors["name"])
    actors, _ = actors_of("Charlotte experienced chaos. Troopers will remain in Charlotte.")
    assert "person" not in set(actors.loc[actors["name"] == "Charlotte", "kind"])


@pytest.mark.parametrize("text, role", [
    ("Daniel Okoro, a former Border Force officer who now advises charities, said so.",
     "Former Border Force Officer"),
    ("Daniel Okoro, a former police officer, said so.", "Former Police Officer"),
    ("Dr Jonathan Reeve, a statistician at the University of Southampton, said so.",
     "Statistician at the University of Southampton"),
    ("Dr Jonathan Reeve, a statistician at Southampton, said so.", "Statistician"),
    # a long appositive: its title still
    ("Tim Bale, a professor of politics at Queen Mary University of London, said so.",
     "Professor"),
    ("Priya Nair, the host, said so.", "Host"),
    ("Layla Hassan, our correspondent in Athens, said so.", "Correspondent"),
])
def test_a_role_in_apposition_after_a_name(text, role):
    actors, _ = actors_of(text)
    person = actors[actors["kind"] == "person"].iloc[0]
    assert person["role"] == role
