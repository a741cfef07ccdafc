"""Ranker rules added for issue 3: unattributed first-person quotes, fragments, coverage within one outlet, position."""

import numpy as np
import pytest

from briefer.core.claims import ClaimSet
from briefer.core.rank import score_claims, select
from briefer.settings import BriefSettings, RankWeights
from briefer.types import Article, Claim, Sentence

ARTICLE_IDS = ("a1", "a2", "a3", "a4")


def sentence(article_id: str, index: int, text: str) -> Sentence:
    return Sentence(article_id, index, text, 0, len(text))


def single(article_id: str, index: int, text: str) -> Claim:
    s = sentence(article_id, index, text)
    return Claim((s,), s)


FLIGHT = "The flight carried 228 people from Rio de Janeiro to Paris when it vanished."
SEARCH = "The search area lies some 650 kilometres off the northern coast of Brazil today."


def coverage_scores(claims: tuple, reach: np.ndarray, articles: list[Article]) -> np.ndarray:
    """``score_claims`` with coverage (and the sentence's own quality) as the only signals."""
    weights = RankWeights(centrality=0.0, position=0.0)
    return score_claims(ClaimSet(claims, np.eye(len(claims), dtype=np.float32), reach, ARTICLE_IDS), articles, weights)


@pytest.mark.parametrize("quote", [
    "We dont expect to resolve our differences here today.",
    # "States" is no verb of saying (briefer.text.lexicon): this quote does not say who speaks either.
    "We stand with the United States and our allies on this.",
    "At Netflix, we work hard to foster a culture that gives our employees freedom and responsibility.",
])
def test_a_first_person_opener_with_no_speaker_is_never_published(quote):
    claims = (single("a1", 0, quote),
              single("a2", 3, "The two ministers agreed to meet again after the written answers are delivered."),
              single("a3", 4, "Russia has massed troops near the Ukrainian border, fuelling fears of an invasion."))
    reach = np.ones((3, 4), dtype=np.float32)
    articles = [Article(id=a, text="x", outlet=f"Outlet {a}") for a in ARTICLE_IDS]
    lede, points = select(ClaimSet(claims, np.eye(3, dtype=np.float32), reach, ARTICLE_IDS), articles,
                          BriefSettings(words=200))
    assert quote not in [lede.text] + [p.text for p in points]


def test_a_first_person_quote_that_names_its_speaker_can_be_published():
    quote = '"We will keep talking," Blinken said after the meeting in Geneva on Friday.'
    claims = (single("a1", 0, quote), single("a2", 5, "Officials gave no date for the next round of talks at all."))
    reach = np.array([[1.0, 1.0, 1.0, 1.0], [0.0, 1.0, 0.0, 0.0]], dtype=np.float32)
    articles = [Article(id=a, text="x", outlet=f"Outlet {a}") for a in ARTICLE_IDS]
    lede, points = select(ClaimSet(claims, np.eye(2, dtype=np.float32), reach, ARTICLE_IDS), articles,
                          BriefSettings(words=200))
    assert quote in [lede.text] + [p.text for p in points]


def test_in_a_single_outlet_timeline_a_claim_repeated_across_articles_scores_higher():
    """Coverage gives each outlet one vote shared among its articles, so it still tells claims apart when one
    outlet wrote every article (a news timeline), where the outlet's best article alone would always be 1."""
    claims = (single("a1", 2, FLIGHT), single("a2", 2, SEARCH))
    reach = np.array([[1.0, 0.9, 0.9, 0.9], [0.2, 1.0, 0.2, 0.2]], dtype=np.float32)
    articles = [Article(id=a, text="x", outlet="Wikinews") for a in ARTICLE_IDS]
    scores = coverage_scores(claims, reach, articles)
    assert scores[0] > scores[1]


def test_copies_from_one_outlet_count_as_one_outlet():
    claims = (single("a1", 2, FLIGHT), single("a3", 2, SEARCH))
    # a1 and a2 are one outlet's two copies; a3 and a4 two other outlets.
    reach = np.array([[1.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 1.0]], dtype=np.float32)
    articles = [Article(id="a1", text="x", outlet="Wire"), Article(id="a2", text="x", outlet="Wire"),
                Article(id="a3", text="x", outlet="Paper"), Article(id="a4", text="x", outlet="Radio")]
    scores = coverage_scores(claims, reach, articles)
    assert scores[1] > scores[0]



def test_an_articles_opening_sentence_outranks_the_same_kind_of_sentence_further_down():
    claims = (single("a1", 7, "The airline said the search for the flight recorders would go on for weeks."),
              single("a2", 0, "Searchers found wreckage of the airliner in the Atlantic off the coast of Brazil."))
    reach = np.array([[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0]], dtype=np.float32)
    articles = [Article(id=a, text="x", outlet=f"Outlet {a}") for a in ARTICLE_IDS]
    lede, _ = select(ClaimSet(claims, np.eye(2, dtype=np.float32), reach, ARTICLE_IDS), articles,
                     BriefSettings(words=200))
    assert lede.citations == ("a2",)


@pytest.mark.parametrize(("piece", "sentence"), [
    # a heading or scraped fragment; capitals alone are no fragment
    ("Russian Foreign Affairs in Geneva.", "BLINKEN AND LAVROV MET IN GENEVA ON FRIDAY FOR NINETY MINUTES OF TALKS."),
    # a piece of a sentence opening in lower case; a name written in lower case may open one
    ("(up; under Title VII) authorizing electronic surveillance on Carter Page from the FISC.",
     "iPhone sales rose by a fifth in the quarter, the company said on Tuesday."),
    ("...to Mar-a-Lago three nights in a row around New Year's Eve, and insisted on joining me.",
     "eBay said it would sell its payments arm to investors by the end of the year."),
    # a relative clause of the sentence before it
    ("Which means Spiegel & Co. only have to sell approximately 4 million pairs of Spectacles to break even this year.",
     "Snap sold about 150,000 pairs of Spectacles in their first year on sale, the company said."),
])
def test_a_heading_or_a_piece_of_a_sentence_is_never_published(piece, sentence):
    claims = (single("a1", 0, piece), single("a2", 1, sentence),
              single("a3", 4, "Russia has massed troops near the Ukrainian border, fuelling fears of an invasion."))
    reach = np.ones((3, 4), dtype=np.float32)
    articles = [Article(id=a, text="x", outlet=f"Outlet {a}") for a in ARTICLE_IDS]
    lede, points = select(ClaimSet(claims, np.eye(3, dtype=np.float32), reach, ARTICLE_IDS), articles,
                          BriefSettings(words=200))
    published = [lede.text] + [p.text for p in points]
    assert piece not in published and sentence in published


def test_a_point_whose_words_are_all_in_a_chosen_one_is_a_repeat_but_a_shared_phrase_is_not():
    lede = "One in seven colon and rectal cancers in the U.S. are now diagnosed in patients younger than age 50."
    contained = "One in seven colon cancer patients is under 50."
    report = "The committee contacted the FBI after it detected the beginning of a sophisticated attempt to hack."
    retraction = "The committee said what it feared was the beginning of a sophisticated attempt to hack was a test."
    claims = (single("a1", 0, lede), single("a2", 1, contained), single("a3", 0, report), single("a4", 0, retraction))
    vectors = np.array([[1.0, 0.0, 0.0], [0.6, 0.8, 0.0], [0.0, 0.0, 1.0], [0.0, 0.7, 0.714]], dtype=np.float32)
    reach = np.eye(4, dtype=np.float32)
    articles = [Article(id=a, text="x", outlet=f"Outlet {a}") for a in ARTICLE_IDS]
    lede_point, points = select(ClaimSet(claims, vectors, reach, ARTICLE_IDS), articles, BriefSettings(words=200))
    published = [lede_point.text] + [p.text for p in points]
    assert lede in published and contained not in published
    assert report in published and retraction in published


def test_a_question_that_opens_on_which_is_no_piece_of_a_sentence():
    from briefer.core.rank import unpublishable

    question = "Which of the two carriers will fly the new route first?"
    assert not unpublishable(question, question)
    piece = "Which brings us to this season."
    assert unpublishable(piece, piece)
