"""Opinion pieces: known by URL or title; their own statements are never shown, what they attribute is."""

import numpy as np
import pytest

from briefer.core import admission
from briefer.core.headline import headline_candidates
from briefer.core.opinion import is_opinion, opinion_pieces
from briefer.pipeline import build_brief
from briefer.settings import BriefSettings
from briefer.text.lexicon import similarity_words
from briefer.text.sentences import sentences_of
from tests.conftest import make_article


@pytest.mark.parametrize(("url", "title", "opinion"), [
    ("https://www.washingtonexaminer.com/opinion/why-beijing-will-bring-slaughter-to-hong-kong", None, True),
    ("https://www.theguardian.com/commentisfree/2019/nov/18/the-guardian-view-on-hong-kong", None, True),
    ("https://sputniknews.com/columnists/201911181077343476-royal-self-indicting-arrogance/", None, True),
    ("http://sports.espn.go.com/espn/commentary/news/story?id=5461430", None, True),
    (None, "Opinion | Is Football Violence a Crime?", True),
    (None, "The Guardian view on Hong Kong: a city on the brink", True),
    (None, "Letters: Coddling criminals | Undermining road | Tax dollars", True),  # readers' letters
    ("https://thehill.com/blogs/blog-briefing-room/news/471031-new-york-man-pleads-guilty", None, False),
    ("https://www.express.co.uk/news/world/1206313/hong-kong-latest", "Hong Kong chaos: China deploys troops", False),
    (None, "Opinion polls show a tight race in Ohio", False),  # a word of the headline, not its label
])
def test_an_opinion_piece_is_known_by_where_its_site_files_it_or_by_its_title(url, title, opinion):
    assert is_opinion(make_article("a1", "text", url=url, title=title)) is opinion


def test_a_cluster_of_opinion_pieces_alone_sets_none_apart():
    column = make_article("a1", "text", url="https://example.com/opinion/a")
    news = make_article("a2", "text", url="https://example.com/news/b")
    assert opinion_pieces([column, news]) == frozenset({"a1"})
    assert opinion_pieces([column]) == frozenset()


def test_an_opinion_piece_shows_only_what_it_gives_to_someone_named(monkeypatch):
    texts = ["Slaughter is likely coming to Hong Kong.",
             "The People's Daily warned that there is no room for compromise, Xi Jinping said on Monday."]
    monkeypatch.setattr(admission.AdmissionModel, "probabilities", lambda self, rows: np.full(len(rows), 0.99))
    shown, stripped = admission.strip_shown(sentences_of(make_article("a1", "\n".join(texts))))
    model = admission.AdmissionModel(np.zeros(1), 0.0, threshold=0.5)
    news = [s.admissible for s in admission.admit(shown, stripped, np.zeros((2, 1)), model)]
    column = [s.admissible for s in admission.admit(shown, stripped, np.zeros((2, 1)), model,
                                                    opinion=frozenset({"a1"}))]
    assert news == [True, True]
    assert column == [False, True]


def test_a_news_title_heads_the_brief_before_an_editorial_s():
    editorial = make_article("a1", "Hong Kong is a city on the brink of chaos.",
                             title="The Guardian view on Hong Kong: a city on the brink")
    news = make_article("a2", "China deploys troops to Hong Kong after months of riots.",
                        title="China deploys troops to Hong Kong")
    words = [set(similarity_words(a.text)) for a in (editorial, news)]
    assert headline_candidates([editorial, news], words) == ["China deploys troops to Hong Kong"]
    assert headline_candidates([editorial], words[:1]) == ["The Guardian view on Hong Kong: a city on the brink"]


def test_a_columnist_s_forecast_never_reaches_the_brief():
    column = make_article("a1", "Slaughter is likely coming to Hong Kong, where the protests will end in blood. "
                          "Xi Jinping will send the army into the streets of the city within weeks.",
                          url="https://example.com/opinion/why-beijing-will-bring-slaughter",
                          title="Why Beijing will act")
    news = make_article("a2", "China sent troops to Hong Kong on Monday after months of violent protests in the city. "
                        "Police laid siege to a university where 800 students were trapped by the protests.",
                        url="https://example.com/news/hong-kong-troops", title="China sends troops to Hong Kong")
    brief = build_brief([column, news], BriefSettings(words=200))
    shown = " ".join(p.text for p in [brief.lede, *brief.points])
    assert "Slaughter" not in shown and "Xi Jinping will send" not in shown
    assert brief.lede.citations[0] == "a2" and brief.headline == "China sends troops to Hong Kong"


@pytest.mark.parametrize(("url", "title", "review"), [
    ("https://appleinsider.com/articles/19/11/18/16-inch-macbook-pro-review-the-keyboard-is-probably-enough", None,
     False),  # a slug that goes on after "review" is a title's words, not a review's place
    (None, "16-inch MacBook Pro review: The keyboard is probably enough to convince those waiting", True),
    ("https://www.vg247.com/2019/11/20/star-wars-jedi-fallen-order-pc-review/", None, True),
    ("https://pitchfork.com/reviews/albums/lust-for-youth-lust-for-youth/", "Lust for Youth", True),
    (None, "Clymer workshop manual review | MoreBikes", True),
    ("https://digg.com/2019/is-stadia-good-worth-it-reviews",
     "The Early Reviews For Google's Stadia Gaming Platform Are Here", False),  # news about reviews
    ("https://www.nationalreview.com/2019/11/trump-impeachment-inquiry", "The Impeachment Clock", False),
])
def test_a_review_is_known_by_its_title_or_where_it_is_filed_and_is_an_opinion_piece(url, title, review):
    from briefer.core.opinion import is_review

    article = make_article("a1", "text", url=url, title=title)
    assert is_review(article) is review
    assert is_opinion(article) is review


def test_a_reviews_citations_say_review():
    from briefer.publish.render import citation_labels, render
    import json

    review = make_article("a1", "The Xbox One X is the most powerful game console ever made. It costs $499 and goes "
                          "on sale on November 7 with a 4K Blu-ray drive.", outlet="Engadget",
                          title="Xbox One X review: A console that keeps up with gaming PCs")
    brief = build_brief([review], BriefSettings(words=100))
    assert citation_labels(brief) == {"a1": "Engadget (review)"}
    assert json.loads(render(brief, "json"))["articles"][0]["review"] is True
    assert "[Engadget (review)]" in render(brief, "md")
