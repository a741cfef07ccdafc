"""Story clustering: the right groups, given stories kept whole, no chaining, and the same answer as all pairs."""

import random

import numpy as np
import pytest

from briefer.daily.stories import StoryParams, article_vectors, candidate_pairs, cluster_stories, story_text
from briefer.text.lexicon import scorelines_in
from briefer.types import Article

EVENTS = {
    "quake": ("earthquake", "richter", "Sumatra", "tsunami", "Padang", "aftershocks", "collapsed", "rescuers"),
    "vote": ("parliament", "budget", "coalition", "Lisbon", "abstained", "austerity", "deficit", "minister"),
    "match": ("football", "final", "penalty", "Madrid", "goalkeeper", "striker", "stadium", "trophy"),
}
FILLER = "the a said on in at of and it was by with for from reported officials today people city".split()


def article(n: int, text: str, title: str | None = None) -> Article:
    return Article(id=f"a{n}", text=text, title=title)


def event_article(n: int, event: str, rng: random.Random) -> Article:
    """Text that names its event's words among filler, differently each time, as two outlets would."""
    words = [rng.choice(EVENTS[event]) for _ in range(25)] + [rng.choice(FILLER) for _ in range(25)]
    rng.shuffle(words)
    return article(n, " ".join(words) + ".")


def partition(groups) -> set[frozenset[int]]:
    return {frozenset(g) for g in groups}


def test_three_events_shuffled_together_come_back_as_three_stories():
    rng = random.Random(3)
    labels = [event for event in EVENTS for _ in range(4)]
    rng.shuffle(labels)
    articles = [event_article(i, event, rng) for i, event in enumerate(labels)]
    stories = cluster_stories(articles)
    truth = {frozenset(i for i, e in enumerate(labels) if e == event) for event in EVENTS}
    assert partition(stories.groups) == truth


def test_blocked_clustering_equals_exact_all_pairs_average_linkage():
    from sklearn.cluster import AgglomerativeClustering

    rng = random.Random(7)
    articles = [event_article(i, rng.choice(list(EVENTS)), rng) for i in range(40)]
    params = StoryParams(threshold=0.3)
    vectors = article_vectors(articles, params)
    exact = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=1 - params.threshold)
    labels = exact.fit(1 - (vectors @ vectors.T).toarray()).labels_
    expected = {frozenset(np.flatnonzero(labels == k).tolist()) for k in set(labels)}
    assert partition(cluster_stories(articles, params=params).groups) == expected


def test_average_linkage_does_not_chain_two_events_through_a_bridge():
    articles = [
        article(0, "Sumatra earthquake collapsed Padang hotel rescuers"),
        article(1, "Padang hotel rescuers searched after Lisbon coalition budget"),
        article(2, "Lisbon coalition budget vote parliament austerity"),
    ]
    vectors = article_vectors(articles)
    cosine = (vectors @ vectors.T).toarray()
    threshold = min(cosine[0, 1], cosine[1, 2]) - 0.01
    assert (cosine[0, 2] + max(cosine[0, 1], cosine[1, 2])) / 2 < threshold  # the premise: no average link
    groups = cluster_stories(articles, params=StoryParams(threshold=threshold)).groups
    assert len(groups) == 2 and sorted(len(g) for g in groups) == [1, 2]


def test_given_stories_stay_whole_and_apart_and_take_in_close_articles():
    same = "Sumatra earthquake collapsed Padang hotel rescuers searched rubble tsunami warning"
    articles = [
        article(0, same),
        article(1, same),
        article(2, "Lisbon parliament budget coalition austerity vote"),
        article(3, same + " aftershocks"),
    ]
    given = ["folder-a", "folder-b", "folder-a", None]
    groups = partition(cluster_stories(articles, given).groups)
    assert frozenset({0, 2}) in {g - {3} for g in groups}  # folder-a whole, even with an unrelated article
    assert not any({0, 1} <= g for g in groups)  # two given stories are never merged here
    assert any(3 in g and len(g) > 1 for g in groups)  # the unclustered copy joined one of them


def test_a_block_too_big_to_compare_all_against_all_links_its_members_to_its_most_central_ones():
    # Thirty articles share "storm"; the first three say the most about it and are the block's centre.
    articles = [article(i, "storm storm storm storm" if i < 3 else f"storm w{i} v{i} u{i}") for i in range(30)]
    articles += [article(30 + i, f"w{3 + i} v{3 + i} u{3 + i}") for i in range(27)]  # so w, v, u are shared
    params = StoryParams(block_terms=4, max_block=10, hubs=3)
    vectors = article_vectors(articles)
    left, right = candidate_pairs(vectors, params)
    storm_pairs = [(a, b) for a, b in zip(left.tolist(), right.tolist()) if a < 30 and b < 30]
    assert all(a < 3 or b < 3 for a, b in storm_pairs)  # every storm pair has a hub in it
    assert len(storm_pairs) == 3 + 3 * 27  # the hubs with each other, then each other member with each hub
    assert len(left) <= len(articles) * params.block_terms * (params.max_block / 2 + params.hubs)


@pytest.mark.parametrize("vocabulary_size", [300, 3000, 30000])
def test_candidate_pairs_are_bounded_linearly_in_the_articles(vocabulary_size):
    """At most n * block_terms * (max_block / 2 + hubs) pairs whatever the words, where all pairs are
    n * (n - 1) / 2."""
    rng = random.Random(vocabulary_size)
    vocabulary = [f"w{i}" for i in range(vocabulary_size)]
    params = StoryParams(block_terms=5, max_block=10, hubs=10)
    n = 3000
    articles = [article(i, " ".join(rng.choice(vocabulary) for _ in range(40))) for i in range(n)]
    left, right = candidate_pairs(article_vectors(articles), params)
    assert len(left) <= n * params.block_terms * (params.max_block / 2 + params.hubs) < n * (n - 1) / 2 / 10
    assert np.all(left < right) and len(set(zip(left.tolist(), right.tolist()))) == len(left)


def test_articles_without_words_are_stories_of_their_own():
    stories = cluster_stories([article(0, "!!!"), article(1, "...")])
    assert partition(stories.groups) == {frozenset({0}), frozenset({1})}
    among_others = [article(0, "..."), article(1, "storm hits the coast hard"), article(2, "storm hits coast again"),
                    article(3, "!!!")]
    assert partition(cluster_stories(among_others).groups) == {frozenset({0}), frozenset({1, 2}), frozenset({3})}


def test_similarity_of_story_centroids():
    rng = random.Random(5)
    articles = [event_article(i, e, rng) for i, e in enumerate(["quake", "quake", "vote", "vote"])]
    stories = cluster_stories(articles)
    assert stories.similarity([0, 1], [0, 1]) == pytest.approx(1.0, abs=1e-5)
    assert stories.similarity([0, 1], [2, 3]) < 0.3 < stories.similarity([0], [1])


def test_story_text_is_the_title_and_the_first_words():
    text = story_text(Article(id="a1", title="Quake hits Sumatra", text="one two three four"), lead_words=2)
    assert text == "Quake hits Sumatra\none two"


def test_a_wire_credit_before_the_news_is_not_what_a_story_is_about():
    # Seven game reports of one sports wire, each opening "(Sports Network) -", were one "story" (L3S-GN1, 2008).
    text = story_text(Article(id="a1", text="New York, NY -- (Sports Network) - Yao Ming scored a season-high 36 points "
                                            "to lead the Houston Rockets over the New York Knicks."))
    assert "Sports Network" not in text and text.split()[:2] == ["Yao", "Ming"]


NOTICE = ("Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive. Flowing in "
          "every day, these data are added to the Wayback Machine after an embargo period.")


def test_pages_saved_with_a_scraper_notice_in_place_of_an_article_are_not_one_story():
    rng = random.Random(5)
    notices = [article(i, NOTICE + "\n" + event_article(i, event, rng).text)
               for i, event in enumerate(["quake", "vote", "match"])]
    assert all("Alexa" not in story_text(page) and "Wayback" not in story_text(page) for page in notices)
    assert set(story_text(notices[0]).split()) & set(EVENTS["quake"])  # the article after the notice is read
    bare = [article(10 + i, NOTICE) for i in range(3)]
    stories = cluster_stories(bare + [event_article(20 + i, "quake", rng) for i in range(2)])
    assert {0, 1, 2} not in [set(g) for g in stories.groups]  # three notice pages: no story of their own
    assert all(len(set(g) & {0, 1, 2}) <= 1 for g in stories.groups)


SITE_HEADER = ("Posted :\n{day}\nAuthor :\nDPA\nCategory :\n{section}\nNews Alerts\nby Email\nclick here\n)\n"
               "Create your own RSS\n{section} News\n|\nHome\n")


def test_the_furniture_lines_one_site_opens_every_page_with_do_not_make_its_pages_one_story():
    # Three DPA reports saved from one site (L3S-GN1, 2008): a basketball game, a football coach, Marines for
    # Afghanistan, were one "story" by the lines above each article.
    bodies = ["Two free throws by Marcus Camby with nine seconds left gave the Denver Nuggets a 124-120 win.",
              "German league leaders Bayern Munich expect Ottmar Hitzfeld to leave at the end of the season.",
              "The United States is considering sending an extra 3,000 Marines to Afghanistan, media reports said."]
    pages = [article(i, SITE_HEADER.format(day=f"Wed, 0{i + 1} Jan 2008", section=section) + body)
             for i, (section, body) in enumerate(zip(["US Sports", "Sports", "US World"], bodies))]
    assert all("Alerts" not in story_text(page) and "RSS" not in story_text(page) for page in pages)
    assert all(len(g) == 1 for g in cluster_stories(pages).groups)


def test_a_site_name_that_titles_pages_of_different_stories_is_not_what_they_are_about():
    # L3S-GN1, 2008-01-14: a football site titled each page with its own name; a manager's career and a player's
    # injuries were one story by it (cosine 0.21 with the title read, over a threshold of 0.15).
    manager = "Allardyce started his managerial career at Blackpool and moved on to Notts County after two seasons."
    player = "The 30-year-old Denmark international has overcome a mountain of injury problems at Villa this season."
    rng = random.Random(5)
    others = [event_article(i, event, rng) for i, event in enumerate(["quake", "quake", "vote", "vote"], start=2)]
    pages = [article(0, manager, "Nothing Inside But Sport"), article(1, player, "Nothing Inside But Sport"), *others]
    assert cluster_stories(pages).site_titles == {"Nothing Inside But Sport"}
    assert not any({0, 1} <= set(group) for group in cluster_stories(pages).groups)
    assert story_text(pages[0], site_titles={"Nothing Inside But Sport"}).startswith("\nAllardyce")
    # One story's copies under one title are one story, title and all.
    copies = [article(0, manager, "Allardyce's long road"), article(1, manager + " He is 53.", "Allardyce's long road"),
              *others]
    assert cluster_stories(copies).site_titles == frozenset()
    assert any({0, 1} <= set(group) for group in cluster_stories(copies).groups)


def test_only_the_opening_is_read_through_the_cleaning_and_the_rest_as_it_is():
    text = "Read more\n" + " ".join(f"w{i}" for i in range(300))
    words = story_text(article(1, text), lead_words=250).split("\n", 1)[1].split()
    assert words[0] == "w0" and len(words) == 250 and words[-1] == "w249"


def test_given_must_match_the_articles():
    with pytest.raises(ValueError):
        cluster_stories([article(0, "text")], given=[None, None])


def test_a_day_cut_into_many_parts_clusters_as_one_piece(monkeypatch):
    """Counting, pair scoring and linkage run in parts (on a cluster, in parallel): parts of a few articles, pairs
    and edges give the same vectors and the same stories, given stories included."""
    from briefer.daily import stories

    rng = random.Random(11)
    articles = [event_article(i, rng.choice(list(EVENTS)), rng) for i in range(60)]
    given = [None] * 60
    given[3] = given[17] = "folder-a"
    whole = cluster_stories(articles, given, params=StoryParams(threshold=0.3))
    monkeypatch.setattr(stories, "PARTITION", 7)
    monkeypatch.setattr(stories, "PAIRS_PER_PART", 13)
    monkeypatch.setattr(stories, "EDGES_PER_PART", 5)
    parts: list[int] = []

    def counting_mapper(function, pieces, **shared):  # type: ignore[no-untyped-def]
        results = stories.in_process(function, pieces, **shared)
        parts.append(len(results))
        return results

    cut = cluster_stories(articles, given, params=StoryParams(threshold=0.3), mapper=counting_mapper)
    assert parts[0] == 9 and parts[1] > 10 and parts[2] >= 1  # 60 articles in parts of 7, many pair parts
    assert cut.groups == whole.groups and len(cut.groups) >= 3
    assert (cut.vectors != whole.vectors).nnz == 0


def test_linking_each_connected_set_alone_is_linking_the_day_at_once():
    from briefer.daily.stories import _average_linkage, _link, _linkage_parts, in_process, pair_cosines

    rng = random.Random(5)
    articles = [event_article(i, rng.choice(list(EVENTS)), rng) for i in range(45)]
    articles += [article(45 + i, f"lonely{i} words{i}") for i in range(5)]
    given: list[str | None] = [None] * 50
    given[0] = given[9] = "folder-a"
    vectors = article_vectors(articles)
    left, right = candidate_pairs(vectors)
    cosines = pair_cosines(vectors, left, right)
    close = cosines >= 0.35
    at_once = _average_linkage(vectors, left[close], right[close], cosines[close], given, 0.35)
    parts = list(_linkage_parts(left[close], right[close], cosines[close], given))
    alone = [g for part in in_process(_link, parts, vectors=vectors, threshold=0.35) for g in part]
    assert partition(alone) == partition(g for g in at_once if len(g) > 1)


def test_a_round_up_is_linked_only_with_round_ups_never_with_the_event_it_mentions():
    rng = random.Random(5)
    articles = [event_article(i, "quake", rng) for i in range(3)]
    digest = " ".join(f"{event_article(9, 'quake', rng).text} {event_article(9, 'vote', rng).text}" for _ in range(2))
    articles += [article(3, digest, "Opening Bell"), article(4, digest, "Morning briefing")]
    apart = [False, False, False, True, True]
    assert frozenset({0, 1, 2, 3, 4}) in partition(cluster_stories(articles).groups)  # the words alone would join
    assert partition(cluster_stories(articles, apart=apart).groups) == {frozenset({0, 1, 2}), frozenset({3, 4})}


def test_two_events_of_one_field_are_told_apart_by_their_titles_and_openings():
    # Both pages go on at length about the same mission and instruments; only their titles and first 150 words say
    # which moon and what was found.
    rng = random.Random(11)
    field = "NASA planetary scientists telescope spacecraft mission orbit instruments Jupiter Saturn ice data".split()
    background = " ".join(rng.choice(field + FILLER) for _ in range(850))
    europa = ("Europa", "vapour", "plumes", "Keck", "Hawaii", "geysers", "water", "detected")
    titan = ("Titan", "map", "lakes", "dunes", "methane", "plains", "Cassini", "radar")
    pages = ((europa, "Water vapour found on Europa"), (titan, "First map of Titan"), (europa, "Keck sees its plumes"))
    articles = [article(n, " ".join(rng.choice(words + tuple(FILLER)) for _ in range(150)) + " " + background, title)
                for n, (words, title) in enumerate(pages)]
    whole_only, both = StoryParams(threshold=0.6, opening_weight=0.0), StoryParams(threshold=0.6)
    assert partition(cluster_stories(articles, params=whole_only).groups) == {frozenset({0, 1, 2})}
    assert partition(cluster_stories(articles, params=both).groups) == {frozenset({0, 2}), frozenset({1})}


SAN_FRANCISCO = ("A man was stabbed to death on a commuter train pulling into a station in Hayward, and police said "
                 "the attacker had tried to steal shoes from another rider, according to BART and the San Francisco "
                 "Chronicle. The victim died at the scene.")
BERLIN = ("A man was stabbed to death during a lecture at the Schlosspark clinic in Berlin, and police said the "
          "attacker was arrested, according to German media and Kan. The victim was the son of Richard von "
          "Weizsäcker.")


def test_two_events_of_one_kind_that_share_no_name_are_two_stories():
    stabbings = [article(0, SAN_FRANCISCO, "Man stabbed to death on train"),
                 article(1, BERLIN, "Man stabbed to death in clinic")]
    vectors = article_vectors(stabbings)
    assert (vectors @ vectors.T).toarray()[0, 1] >= StoryParams().threshold  # alike in their words
    assert partition(cluster_stories(stabbings).groups) == {frozenset({0}), frozenset({1})}
    # one name in common (the same city's train) and they are one story; and few names veto nothing
    same_city = BERLIN.replace("in Berlin", "in Hayward")
    assert partition(cluster_stories([stabbings[0], article(1, same_city, "Man stabbed to death in clinic")]
                                     ).groups) == {frozenset({0, 1})}
    assert partition(cluster_stories(stabbings, params=StoryParams(story_names=20)).groups) == {frozenset({0, 1})}


VILLA = ("Aston Villa came from behind to claim a 2-1 Premier League win at Wigan, whose relegation fight goes on "
         "after a second-half collapse at the JJB Stadium.")
SUNDERLAND = ("Sunderland came from behind to claim a 3-1 Premier League win over Bolton, whose relegation fight goes "
              "on after a second-half collapse at the Stadium of Light.")


def test_two_game_reports_of_one_league_that_give_different_scores_are_two_stories():
    # L3S-GN1, 2007-12-29: one day's Premier League reports share their league's words and names.
    games = [article(0, VILLA, "Villa end Wigan revival"), article(1, SUNDERLAND, "Black Cats relegation boost")]
    vectors = article_vectors(games)
    assert (vectors @ vectors.T).toarray()[0, 1] >= StoryParams().threshold  # alike in their words and names
    assert partition(cluster_stories(games).groups) == {frozenset({0}), frozenset({1})}
    # Two reports of one game give its score, whichever side they put first, and are one story.
    other_outlet = ("Wigan lost 1-2 to Villa in the Premier League, a second-half collapse at the JJB Stadium that "
                    "leaves them in the relegation fight.")
    assert partition(cluster_stories([games[0], article(1, other_outlet, "Bruce's Wigan beaten")]).groups) == {
        frozenset({0, 1})}
    # A score far down the page is no game's result (``StoryParams.score_words``).
    assert partition(cluster_stories(games, params=StoryParams(score_words=5)).groups) == {frozenset({0, 1})}


def test_scores_are_read_as_games_give_them_and_nothing_else():
    assert scorelines_in("claim a 2-1 win, then lost 1-2 and drew 24\u201321") == {"1-2", "21-24"}
    assert scorelines_in("beat the Knicks, 101-92, at home; won 3-0.") == {"92-101", "0-3"}  # a score ends a clause
    # one match's sets are one score: L3S-GN1 2008-01-01, two tennis matches that share a set's score
    assert scorelines_in("overcame Darcis 6-0 6-3 6-0 before") == {"0-6 3-6 0-6"}
    assert scorelines_in("was beaten by Haase 6-3, 6-4 in an hour") == {"3-6 4-6"}
    assert scorelines_in("on 2007-12-29, 10-15% of 5-year-olds, 2.5-3 million, 9/11-era, 3-1,000 fans") == set()
