"""Measures: committed instruments, their lead, partners, purpose and status, traceable."""

from __future__ import annotations

import re

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from newstables.extract.article import article_from_text
from newstables.extract.measures import extract_measures
from newstables.schema import COLUMNS, frame

ACTORS = {
    "Italy": "place", "Albania": "place", "Greece": "place", "Britain": "place",
    "Spain": "place", "Morocco": "place", "Rabat": "place", "Germany": "place", "France": "place",
    "Italian Interior Ministry": "organisation", "European Commission": "organisation",
    "Home Office": "organisation", "Frontex": "organisation", "National Crime Agency":
    "organisation", "Jane Doe": "person",
}


def measures(text: str, actors: dict[str, str] | None = None):
    """Measures of ``text`` with hand-made actors/mentions: every listed name where it occurs."""
    article = article_from_text(text, published="2024-03-01")
    names = ACTORS if actors is None else actors
    actor_rows, mention_rows, taken = [], [], []
    for number, (name, kind) in enumerate(names.items(), start=1):
        actor_rows.append({"actor": number, "name": name, "kind": kind})
    ids = {row["name"]: row["actor"] for row in actor_rows}
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", article.text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append(m.span())
            mention_rows.append({"actor": ids[name], "paragraph": article.paragraph_of(m.start()),
                                 "start": m.start(), "end": m.end(), "surface": name})
    mention_rows.sort(key=lambda r: r["start"])
    table = extract_measures(article, frame("actors", actor_rows), frame("mentions", mention_rows))
    for row in table.itertuples():
        assert article.text[row.start:row.end] == row.description
    return table


def only(text: str, actors: dict[str, str] | None = None) -> dict:
    table = measures(text, actors)
    assert len(table) == 1, table[["instrument", "description"]]
    return table.iloc[0].to_dict()


def test_columns_are_the_schema():
    assert list(measures("Nothing happened.").columns) == COLUMNS["measures"]


def test_passive_agent_is_the_lead():
    row = only("The new centre of excellence is to be established by the Home Office.")
    assert row["instrument"] == "centre of excellence"
    assert row["lead"] == "Home Office"
    assert row["status"] == "planned"


def test_the_establishment_of_an_instrument_by_an_agent_is_a_measure_it_leads():
    row = only("Key to the pact is the creation of a new “centre of excellence” by the Home"
               " Office.")
    assert (row["instrument"], row["lead"], row["status"]) == (
        "centre of excellence", "Home Office", "planned")


def test_center_and_centre_spellings_and_quote_marks_are_one_instrument():
    row = only("A new “center of excellence” will be set up in Athens.")
    assert row["instrument"] == "centre of excellence"


def test_signed_deal_is_announced_with_both_signatories_as_lead():
    row = only("Italy and Albania signed a deal on Monday to build two reception centres.")
    assert row["instrument"] == "agreement"
    assert row["status"] == "announced"
    assert row["lead"] == "Italy; Albania"
    assert row["purpose"] == "to build two reception centres"


def test_instrument_inside_another_measures_purpose_is_not_a_new_measure():
    row = only("Britain will deploy more officers in France to work on joint operations.")
    assert row["instrument"] == "officer deployment"
    assert row["purpose"] == "to work on joint operations"
    assert row["lead"] == "Britain"
    assert row["partners"] == "France"


def test_what_a_subject_instrument_will_do_belongs_to_it():
    row = only("A new memorandum of understanding will speed up the exchange of customs data.")
    assert row["instrument"] == "memorandum of understanding"
    assert row["purpose"] == "speed up the exchange of customs data"


def test_intelligence_sharing_from_a_quote_with_will():
    row = only("The minister said: “We will be sharing intelligence to disrupt the gangs.”")
    assert row["instrument"] == "intelligence sharing"
    assert row["purpose"] == "to disrupt the gangs"
    assert row["description"] == "We will be sharing intelligence to disrupt the gangs."


def test_scheduled_meeting_needs_future_language():
    row = only("Officials from Spain and Morocco are due to meet in Rabat next month.")
    assert row["instrument"] == "scheduled meeting"
    assert row["status"] == "planned"
    assert row["partners"] == "Spain; Morocco"  # Rabat is where they meet, not a party
    assert row["lead"] is None  # after "from": not the subject
    assert measures("The ministers held a meeting in Rabat last month.").empty


def test_rhetoric_without_an_instrument_is_not_a_measure():
    assert measures("“We must do everything we can to smash the gangs,” she said.").empty
    assert measures("“We will stop the boats,” she said.").empty


def test_instrument_without_commitment_language_is_not_a_measure():
    assert measures("Police arrested 12 smugglers last week in a joint operation.").empty


def test_negated_commitment_is_not_a_measure():
    assert measures("Frontex said it would not send more staff to the region.").empty
    assert measures("Greece won't deploy more officers.").empty


def test_bare_deal_counts_only_when_announced_signed_or_in_place():
    assert measures("Critics said the deal would cost taxpayers millions.").empty
    assert only("Britain and France have signed a new deal.")["status"] == "announced"


def test_instrument_after_a_preposition_is_not_the_subject():
    row = only("Under the arrangement, France will receive £480m to fund extra patrols.")
    assert (row["instrument"], row["lead"]) == ("funding", "France")
    assert row["purpose"] == "to fund extra patrols"


def test_every_lexicon_pattern_starts_with_a_literal_stem():
    from newstables.extract import measures as module

    assert "" not in module._INSTRUMENTS and "" not in module._MARKER_INDEX


def test_already_deployed_is_underway():
    row = only("Britain has already deployed 40 officers to the French coast.")
    assert row["status"] == "underway"


def test_plans_to_is_planned_with_its_subject_as_lead():
    row = only("Germany plans to introduce new legislation to speed up deportations.")
    assert (row["instrument"], row["status"], row["lead"]) == ("legislation", "planned", "Germany")
    assert row["purpose"] == "to speed up deportations"


def test_funding_from_currency_amounts():
    row = only("Greece will receive €250 million from the European Commission to buy drones.")
    assert row["instrument"] == "funding"
    assert row["lead"] == "Greece"
    assert row["partners"] == "European Commission"


def test_reporting_verb_ends_the_subject():
    row = only("The Home Office said Britain will send more officers to France.")
    assert row["lead"] == "Britain"
    assert row["partners"] == "Home Office; France"


def test_persons_are_not_partners():
    row = only("Jane Doe said Italy will fund the scheme in Albania.")
    assert "Jane Doe" not in (row["partners"] or "")


def test_description_is_the_clause_of_the_measure():
    text = ("The centre will strengthen cooperation with the National Crime Agency, and "
            "Britain will deploy more officers to Greece.")
    row = only(text)
    assert row["description"] == "Britain will deploy more officers to Greece."


def test_one_measure_per_instrument_per_sentence():
    row = only("The UK will fund patrols and will fund boats with new funding.", actors={})
    assert row["instrument"] == "funding"


def test_several_instruments_in_one_sentence_give_several_rows_in_text_order():
    table = measures("France will deploy officers to the coast; Britain will give £5m.")
    assert table["instrument"].tolist() == ["officer deployment", "funding"]
    assert table["measure"].tolist() == [1, 2]


def test_works_without_actors():
    row = only("A returns agreement will be signed next week.", actors={})
    assert row["instrument"] == "returns agreement"
    assert row["lead"] is None


def test_empty_or_partial_actor_frames_do_not_raise():
    article = article_from_text("Britain will deploy officers to France.")
    table = extract_measures(article, frame("actors", []), frame("mentions", []))
    assert table["instrument"].tolist() == ["officer deployment"]
    odd = pd.DataFrame({"actor": [1], "start": [None], "end": ["x"]})
    assert len(extract_measures(article, pd.DataFrame({"actor": [1]}), odd)) == 1


def test_seed_measures(seed):
    table = measures(seed.text, {
        "Turkish National Police": "organisation", "U.K.": "place", "Türkiye": "place",
        "London": "place", "Europe": "place", "National Crime Agency": "organisation",
        "Home Office": "organisation",
    })
    instruments = table["instrument"].tolist()
    for expected in ("centre of excellence", "memorandum of understanding", "officer deployment",
                     "intelligence sharing", "scheduled meeting"):
        assert expected in instruments
    by = table.set_index("instrument")
    assert by.loc["centre of excellence", "lead"] == "Turkish National Police"
    assert by.loc["officer deployment", "lead"] == "U.K."
    # "between the U.K. and Türkiye" makes them parties; "in London", "to Europe" do not.
    assert by.loc["scheduled meeting", "partners"] == "U.K.; Türkiye"
    assert "Europe" not in str(by.loc["agreement", "partners"])
    assert "exchange of customs data" in by.loc["memorandum of understanding", "description"]


PIECES = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789.,;:'\"“”‘’-–—()\n")
    + ["will ", "would not ", "has already ", "deploy ", "officers ", "centre of excellence ",
       "MoU ", "£", "99999999999999999999", "meeting ", "scheduled ", "deal ", "to ", "by ",
       "Britain ", "France ", "sharing intelligence ", "İ", "ß", "🙂"]
)
TEXT = st.lists(PIECES, max_size=120).map("".join) | st.text(
    st.characters(blacklist_categories=("Cc", "Cs")), max_size=200
)


@settings(max_examples=200, deadline=None)
@given(text=TEXT)
def test_any_text_never_raises_and_spans_reproduce_descriptions(text):
    if not text.removeprefix("\ufeff").strip():  # the article refuses it as empty
        return
    table = measures(text, {"Britain": "place", "France": "place"})
    assert set(table["status"]) <= {"announced", "planned", "underway"}


def test_a_measure_begun_as_part_of_wider_plans_is_under_way():
    row = only("This week, Britain began moving some migrants onto a large residential barge, "
               "part of plans to end the use of hotels.")
    assert (row["instrument"], row["status"]) == ("accommodation", "underway")


def test_a_meeting_is_a_measure_between_parties_not_a_cabinet_meeting_or_a_time_marker():
    countries = {"Britain": "place", "Türkiye": "place", "Tunisia": "place"}
    kept = measures("Britain and Türkiye will meet regularly at a new migration dialogue.",
                    countries)
    assert kept["instrument"].tolist() == ["scheduled meeting"]
    assert measures("A cabinet meeting will be held on Monday.").empty
    assert measures("He will hold a press conference with Tunisia and Britain.", countries).empty
    after = measures("After a meeting with Tunisia, Britain announced it will fund a centre.",
                     countries)
    assert "scheduled meeting" not in after["instrument"].tolist()
    assert measures("Britain will meet the target agreed with Türkiye.", countries).empty


def test_a_deal_that_dates_the_sentence_is_no_measure():
    countries = {"Britain": "place", "France": "place", "Home Office": "organisation"}
    assert measures("The Home Office said crossings had fallen by a third since the last deal "
                    "was signed with France.", countries).empty
    signed = measures("Britain and France signed a deal on Friday.", countries)
    assert signed["instrument"].tolist() == ["agreement"]


def test_the_money_or_the_two_leaders_take_the_lead_of_the_measure_they_refer_to():
    names = {"Britain": "place", "France": "place", "European Union": "organisation"}
    table = measures("Britain will pay France £476 million to fund more police officers.\n\n"
                     "The money will pay for a new detention centre near Dunkirk.\n\n"
                     "The two leaders also agreed to work with the European Union on a returns "
                     "agreement.", names)
    assert table["lead"].tolist() == ["Britain", "Britain", "Britain; France"]
    assert table["partners"].tolist() == ["France", "France", "European Union"]
    # with no such opening, a clause without a lead keeps none
    alone = measures("Britain will pay France £476 million to fund more police officers.\n\n"
                     "A new detention centre will be built near Dunkirk.", names)
    assert len(alone) == 2 and alone["lead"].isna().tolist() == [False, True]


def test_the_agency_in_a_dateline_is_no_partner():
    row = only("ROME (Reuters) - Italy will build two centres in Albania with European Commission "
               "funding.", {"Italy": "place", "Albania": "place", "Reuters": "organisation",
                            "European Commission": "organisation"})
    assert "Reuters" not in (row["partners"] or "")


def test_a_meeting_with_a_named_party_or_person_stays_and_the_plans_object_is_planned():
    countries = {"Britain": "place", "France": "place", "Italy": "place", "Albania": "place"}
    met = measures("Britain will meet France next month to discuss returns.", countries)
    assert met["instrument"].tolist() == ["scheduled meeting"]
    people = measures("Prime Minister Rishi Sunak is to meet French President Emmanuel Macron "
                      "in Paris.", {"Rishi Sunak": "person", "Emmanuel Macron": "person"})
    assert people["instrument"].tolist() == ["scheduled meeting"]
    plans = measures("Italy signed a deal with Albania, part of plans to build two detention "
                     "centres.", countries).set_index("instrument")
    assert plans.loc["detention", "status"] == "planned"


def test_a_signed_memorandum_is_a_memorandum_of_understanding_a_leaked_one_is_none():
    row = only("Greece and Albania signed a memorandum in Tirana on Tuesday.")
    assert row["instrument"] == "memorandum of understanding"
    row = only("A memorandum with Albania was announced on Tuesday to speed up returns.")
    assert row["instrument"] == "memorandum of understanding"
    row = only("The Home Office announced a memorandum on Tuesday to disrupt smuggling gangs.")
    assert row["instrument"] == "memorandum of understanding"
    row = only("Greece and the Albanian Ministry of Internal Affairs signed a memorandum on"
               " Tuesday.", {**ACTORS, "Albanian Ministry of Internal Affairs": "organisation"})
    assert row["instrument"] == "memorandum of understanding"
    for text in ("A leaked memorandum showed officials doubted the plan.",
                 "A leaked Home Office memorandum, seen by a newspaper, announced a review.",
                 "An explanatory memorandum to the bill, announced on Tuesday, was published.",
                 "Greece announced an internal affairs memorandum on staff conduct.",
                 "In a memorandum to staff, the Home Office announced faster processing.",
                 "Jane Doe signed a memorandum urging Britain to leave the convention."):
        assert measures(text).empty, text
