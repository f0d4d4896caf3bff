"""deal: who is who, co-mention and commitment edges, the network layout, novelty of measures."""

import math

import matplotlib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstables.analyse import deal
from newstables.charts import network
from newstables.extract.article import article_from_text
from newstables.schema import frame

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def actors_of(*rows):
    """Actors table from (name, kind, n_mentions[, aliases])."""
    return frame("actors", [
        {"actor": i, "name": r[0], "kind": r[1], "role": None, "country": None,
         "aliases": r[3] if len(r) > 3 else "", "n_mentions": r[2], "first_paragraph": i}
        for i, r in enumerate(rows, start=1)
    ])


def mentions_of(article, actors, *surfaces):
    """Mentions table: every occurrence of each (actor id, surface) in the text."""
    rows = []
    for actor, surface in surfaces:
        pos = article.text.find(surface)
        while pos >= 0:
            rows.append({"actor": actor, "paragraph": article.paragraph_of(pos), "start": pos,
                         "end": pos + len(surface), "surface": surface})
            pos = article.text.find(surface, pos + 1)
    rows.sort(key=lambda r: r["start"])
    return frame("mentions", rows)


def measures_of(article, *rows):
    """Measures table from (instrument, lead, partners, clause) with the clause's span."""
    out = []
    for i, (instrument, lead, partners, clause) in enumerate(rows, start=1):
        start = article.text.find(clause)
        out.append({"measure": i, "instrument": instrument, "description": clause, "lead": lead,
                    "partners": partners, "purpose": None, "status": "planned",
                    "paragraph": article.paragraph_of(start), "start": start,
                    "end": start + len(clause)})
    return frame("measures", out)


TEXT = (
    "Britain and France signed a deal. Britain thanked Italy.\n"
    "France and Britain met again in Paris."
)


@pytest.fixture
def net():
    art = article_from_text(TEXT)
    actors = actors_of(("Britain", "place", 3), ("France", "place", 2), ("Italy", "place", 1),
                       ("Paris", "place", 1))
    mentions = mentions_of(art, actors, (1, "Britain"), (2, "France"), (3, "Italy"), (4, "Paris"))
    return art, actors, mentions


def test_co_mentions_weight_counts_sentences_naming_both(net):
    art, actors, mentions = net
    edges = deal.co_mentions(art, mentions, actors)
    pair = edges[(edges.source == "Britain") & (edges.target == "France")].iloc[0]
    assert pair.weight == 2
    assert pair.sentences == "1, 3"
    assert pair.paragraphs == "1, 2"


def test_co_mentions_need_the_same_sentence(net):
    art, actors, mentions = net
    edges = deal.co_mentions(art, mentions, actors)
    assert not ((edges.source == "France") & (edges.target == "Italy")).any()
    assert ((edges.source == "Britain") & (edges.target == "Italy")).any()


def test_co_mentions_source_is_the_actor_mentioned_first(net):
    art, actors, mentions = net
    edges = deal.co_mentions(art, mentions, actors)
    # "France and Britain" in sentence 3 still gives Britain -> France (Britain is actor 1).
    assert list(edges.columns[:4]) == ["source", "target", "sentences", "weight"]
    assert edges.iloc[0][["source", "target"]].tolist() == ["Britain", "France"]


def test_co_mentions_count_an_actor_once_per_sentence():
    art = article_from_text("Britain, Britain and Britain again; France too.")
    actors = actors_of(("Britain", "place", 3), ("France", "place", 1))
    edges = deal.co_mentions(art, mentions_of(art, actors, (1, "Britain"), (2, "France")), actors)
    assert edges.weight.tolist() == [1]


def test_co_mentions_empty_without_mentions():
    art = article_from_text("Nothing named here.")
    edges = deal.co_mentions(art, frame("mentions", []), frame("actors", []))
    assert edges.empty and list(edges.columns) == deal.CO_MENTION_COLUMNS


def test_commitment_runs_from_lead_to_each_partner():
    art = article_from_text("Britain will fund a centre with France and Italy.")
    actors = actors_of(("Britain", "place", 1), ("France", "place", 1), ("Italy", "place", 1))
    measures = measures_of(art, ("centre", "Britain", "France; Italy", "Britain will fund"))
    edges = deal.commitments(measures, actors)
    assert edges[["source", "target"]].values.tolist() == [["Britain", "France"],
                                                           ["Britain", "Italy"]]
    assert edges.instruments.tolist() == ["centre", "centre"]


def test_commitment_resolves_an_alias_to_the_actor_name():
    actors = actors_of(("United Kingdom", "place", 2, "UK; U.K."), ("France", "place", 1))
    art = article_from_text("The UK will help France.")
    edges = deal.commitments(measures_of(art, ("help", "UK", "France", "The UK will help")),
                             actors)
    assert edges.source.tolist() == ["United Kingdom"]


def test_commitment_needs_a_lead_and_a_partner():
    art = article_from_text("A centre will open. Britain will pay.")
    actors = actors_of(("Britain", "place", 1))
    measures = measures_of(art, ("centre", None, "Britain", "A centre will open"),
                           ("funding", "Britain", None, "Britain will pay"))
    assert deal.commitments(measures, actors).empty


def test_commitments_weight_counts_measures_between_the_same_pair():
    art = article_from_text("Britain will fund France. Britain will train France.")
    actors = actors_of(("Britain", "place", 2), ("France", "place", 2))
    measures = measures_of(art, ("funding", "Britain", "France", "Britain will fund"),
                           ("training", "Britain", "France", "Britain will train"))
    edges = deal.commitments(measures, actors)
    assert edges.weight.tolist() == [2] and edges.measures.tolist() == ["1, 2"]


def test_party_names_split_on_commas_only_when_every_piece_is_an_actor():
    names = deal._resolver(actors_of(("France", "place", 1), ("Italy", "place", 1)))
    assert deal.party_names("France, Italy", names) == ["France", "Italy"]
    assert deal.party_names("Ministry of Interior, Ankara", names) == [
        "Ministry of Interior, Ankara"]
    assert deal.party_names(["France", "France"], names) == ["France"]
    assert deal.party_names(float("nan"), names) == []


def test_layout_puts_nodes_on_a_circle_grouped_by_kind_then_name():
    nodes = actors_of(("Zed", "person", 1), ("Home Office", "org", 1), ("Adam", "person", 5),
                      ("Paris", "place", 1))
    pos = network.layout(deal.network_nodes(nodes))
    assert pos.name.tolist() == ["Adam", "Zed", "Home Office", "Paris"]
    assert pos.iloc[0][["x", "y"]].tolist() == pytest.approx([0.0, 1.0])
    assert all(math.isclose(x * x + y * y, 1.0) for x, y in zip(pos.x, pos.y, strict=True))


def test_layout_does_not_depend_on_row_order():
    nodes = actors_of(("B", "org", 1), ("A", "org", 2), ("C", "person", 1))
    pos1 = network.layout(deal.network_nodes(nodes))
    pos2 = network.layout(deal.network_nodes(nodes.iloc[::-1]))
    assert pos1.equals(pos2)


def test_network_nodes_keep_the_most_mentioned_and_every_edge_end():
    actors = actors_of(("A", "person", 5), ("B", "org", 3), ("C", "place", 1))
    commit = deal.commitments(
        frame("measures", [{"measure": 1, "lead": "A", "partners": "Ghost", "start": 0,
                            "end": 1}]), actors)
    nodes = deal.network_nodes(actors, [commit], max_nodes=1)
    assert nodes.name.tolist() == ["A", "Ghost"]
    assert nodes.set_index("name").loc["Ghost"].tolist() == ["other", 0]


def test_keep_edges_drops_light_edges_and_missing_nodes(net):
    art, actors, mentions = net
    edges = deal.co_mentions(art, mentions, actors)
    kept = deal.keep_edges(edges, deal.network_nodes(actors, max_nodes=2), min_weight=2)
    assert kept[["source", "target", "weight"]].values.tolist() == [["Britain", "France", 2]]


def test_whos_who_lists_most_mentioned_first_with_blank_kinds_as_other():
    actors = actors_of(("A", None, 1), ("B", "person", 4))
    table = deal.whos_who(actors)
    assert table.name.tolist() == ["B", "A"] and table.kind.tolist() == ["person", "other"]


def test_kind_colors_are_fixed_per_kind():
    colors = network.kind_colors(["place", "person", "weird"])
    assert list(colors) == ["person", "place", "weird"]
    assert colors == network.kind_colors(["weird", "person", "place"])
    assert len(set(colors.values())) == 3


def test_draw_network_draws_nodes_labels_and_both_edge_kinds(net):
    art, actors, mentions = net
    co = deal.co_mentions(art, mentions, actors)
    commit = deal.commitments(frame("measures", [
        {"measure": 1, "lead": "Britain", "partners": "Italy", "start": 0, "end": 1}]), actors)
    nodes = deal.network_nodes(actors, [co, commit])
    fig, ax = plt.subplots()
    network.draw_network(ax, nodes, network.layout(nodes), co, commit)
    labels = sorted(t.get_text() for t in ax.texts)
    assert labels == ["", "Britain", "France", "Italy", "Paris"]  # "" is the arrow
    assert any("commitment" in t.get_text() for t in ax.get_legend().get_texts())
    plt.close(fig)


@pytest.mark.parametrize("sentence, expected, cue", [
    ("Britain will launch patrols on the coast.", "new", "launch"),
    ("Britain will set up a new centre in Calais.", "new", "set up"),
    ("A centre will be established in Calais.", "new", "established"),
    ("Britain will step up patrols on the coast.", "extends existing", "step up"),
    ("The deal will build on the existing returns scheme.", "extends existing", "build on"),
    ("The two countries will strengthen cooperation.", "extends existing", "strengthen"),
    ("Britain will fund patrols on the coast.", "not stated", ""),
])
def test_novelty_classifies_a_measure_from_cues_in_its_sentence(sentence, expected, cue):
    art = article_from_text(sentence)
    measures = measures_of(art, ("measure", "Britain", None, sentence))
    row = deal.novelty(art, measures).iloc[0]
    assert (row.novelty, row.cue) == (expected, cue)


def test_novelty_ignores_new_in_a_place_name_and_more_than():
    art = article_from_text("New Zealand will fund patrols for more than 500 people.")
    measures = measures_of(art, ("patrols", "New Zealand", None, art.text))
    assert deal.novelty(art, measures).novelty.tolist() == ["not stated"]


def test_novelty_takes_the_cue_nearest_the_instrument():
    art = article_from_text("The new centre will strengthen cooperation, and Britain will deploy "
                            "more officers.")
    measures = measures_of(art, ("centre", None, None, art.text), ("officers", None, None,
                                                                   art.text))
    assert deal.novelty(art, measures).cue.tolist() == ["new", "more"]


def test_novelty_looks_in_the_measure_clause_before_its_sentence():
    art = article_from_text("A new centre opens in May, and Britain will fund patrols.")
    measures = measures_of(art, ("patrols", None, None, "Britain will fund patrols"))
    assert deal.novelty(art, measures).novelty.tolist() == ["new"]
    art = article_from_text("A new centre opens in May, and Britain will deploy more officers.")
    measures = measures_of(art, ("officers", None, None, "Britain will deploy more officers"))
    assert deal.novelty(art, measures).novelty.tolist() == ["extends existing"]


def test_novelty_of_no_measures_is_an_empty_table():
    art = article_from_text("Nothing agreed.")
    table = deal.novelty(art, frame("measures", []))
    assert table.empty and list(table.columns) == deal.NOVELTY_COLUMNS


PIECES = list("ab NUK“”‘’\"'.,;:!?\n-é9\u200b") + ["new ", "New York", "step up ", "more than",
                                                     "9" * 40]
ODD = st.lists(st.sampled_from(PIECES), min_size=1, max_size=60).map("".join).filter(
    lambda t: t.strip())


@settings(max_examples=200, deadline=None)
@given(text=ODD, cuts=st.lists(st.integers(0, 400), max_size=12))
def test_any_text_never_raises_and_cue_spans_reproduce_cues(text, cuts):
    art = article_from_text(text)
    n = len(art.text)
    spans = [(min(a, b) % n, max(a, b) % n + 1) for a, b in zip(cuts[::2], cuts[1::2],
                                                                  strict=False)]
    actors = actors_of(("A", "person", 1), ("B", "org", 1))
    mentions = frame("mentions", [
        {"actor": 1 + i % 2, "paragraph": art.paragraph_of(s), "start": s, "end": e,
         "surface": art.text[s:e]} for i, (s, e) in enumerate(spans)])
    measures = frame("measures", [
        {"measure": i, "instrument": art.text[s:e], "lead": "A", "partners": "B; Ghost",
         "paragraph": art.paragraph_of(s), "start": s, "end": e}
        for i, (s, e) in enumerate(spans, start=1)])
    co = deal.co_mentions(art, mentions, actors)
    commit = deal.commitments(measures, actors)
    nodes = deal.network_nodes(actors, [co, commit])
    assert len(network.layout(nodes)) == len(nodes)
    table = deal.novelty(art, measures)
    assert len(table) == len(measures)
    for row in table.dropna(subset=["cue_start"]).itertuples():
        assert art.text[row.cue_start : row.cue_end] == row.cue
