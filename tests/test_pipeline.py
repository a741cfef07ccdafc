"""The sample cluster end to end: citations, budget, sources, boilerplate."""

import re

import numpy as np
import pytest

from briefer.errors import InputError
from briefer.pipeline import build_brief
from briefer.publish.render import render
from briefer.settings import BriefSettings
from briefer.text.lexicon import reads_as_english
from tests.conftest import make_article

pytestmark = pytest.mark.weights

BOILERPLATE = ["Leave A Reply", "email address will not be published", "More To Read", "Picture: AP",
               "Image: AP", "Christi C. Elwood", "Read more"]


def all_points(brief):
    return [brief.lede, *brief.points]


def test_sources_list_has_every_article_with_outlets(sample_brief):
    assert len(sample_brief.articles) == 5
    outlets = {a.outlet for a in sample_brief.articles}
    assert {"The Hill", "WebIndia123"} <= outlets


def test_every_point_cites_and_every_citation_holds_its_evidence_sentence(sample_brief):
    for point in all_points(sample_brief):
        assert point.citations, point.text
        assert {s.article_id for s in point.evidence} == set(point.citations)
        for sentence in point.evidence:
            article = sample_brief.article(sentence.article_id)
            assert article.text[sentence.start:sentence.end] == sentence.text


def test_cited_evidence_supports_the_point(sample_brief, minilm):
    """Each cited article's sentence says what the point says (cosine well above unrelated sentences)."""
    for point in all_points(sample_brief):
        vectors = minilm.encode([point.text] + [s.text for s in point.evidence])
        support = vectors[1:] @ vectors[0]
        assert float(support.min()) >= minilm.claim_threshold - 0.05, (point.text, support)


def test_the_hill_and_webindia123_are_cited(sample_brief):
    cited = {a for p in all_points(sample_brief) for a in p.citations}
    outlets = {sample_brief.article(a).outlet for a in cited}
    assert {"The Hill", "WebIndia123"} <= outlets


def test_budget_is_used_but_never_exceeded(sample_brief):
    """The default budget is filled (the page still prints on one sheet: bench/print_pages.py), never overrun."""
    assert 0.9 * 350 <= sample_brief.words <= 350
    assert 4 <= len(sample_brief.points) <= BriefSettings().max_points


def test_no_boilerplate_leaks(sample_brief):
    text = " ".join([sample_brief.headline] + [p.text for p in all_points(sample_brief)])
    for phrase in BOILERPLATE:
        assert phrase.lower() not in text.lower()


def test_no_point_repeats_another(sample_brief, minilm):
    vectors = minilm.encode([p.text for p in all_points(sample_brief)])
    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, 0)
    assert float(similarity.max()) < 0.9


@pytest.mark.parametrize("words", [120, 200, 550])
def test_budget_holds_at_every_length(sample_dir, minilm, words):
    from briefer.ingest.load import load_cluster

    brief = build_brief(load_cluster(sample_dir).articles, BriefSettings(words=words), embedder=minilm)
    assert brief.words <= words


def test_one_article_cluster_still_briefs(minilm):
    text = ("The city council approved the new budget on Monday. The vote was seven to two. "
            "Mayor Jane Ortiz said the plan adds forty buses. Critics said taxes would rise next year. "
            "The budget takes effect in July after a final review.")
    brief = build_brief([make_article("a1", text, title="Council passes budget")], embedder=minilm)
    assert brief.headline == "Council passes budget"
    assert all(p.citations == ("a1",) for p in all_points(brief))


def test_cluster_without_sentences_is_an_input_error(minilm):
    with pytest.raises(InputError, match="no sentences"):
        build_brief([make_article("a1", "ok"), make_article("a2", "!!!")], embedder=minilm)


def test_lexical_fallback_briefs_the_sample_with_correct_citations(sample_dir):
    from briefer.backends.embed import LexicalEmbedder
    from briefer.ingest.load import load_cluster

    brief = build_brief(load_cluster(sample_dir).articles, embedder=LexicalEmbedder())
    assert brief.words <= 350 and len(brief.points) >= 4
    for point in all_points(brief):
        for sentence in point.evidence:
            assert re.sub(r"\s+", " ", sentence.text) in re.sub(r"\s+", " ", brief.article(sentence.article_id).text)


def test_a_cluster_with_no_english_sentence_says_so():
    japanese = make_article("a1", "トレンドマイクロは3月9日、セキュリティアプリの発売を開始すると発表した。" * 3)
    with pytest.raises(InputError, match=r"no sentences found in any article of the cluster \(its text is not in English"):
        build_brief([japanese], BriefSettings())
    with pytest.raises(InputError, match=r"^no sentences found in any article of the cluster$"):
        build_brief([make_article("a1", "!!! ??? ...")], BriefSettings())


@pytest.mark.parametrize(("text", "english"), [
    ("The Senate voted on Friday to pass the bill, and the House is expected to take it up next week after a "
     "debate that has split both parties.", True),
    # results and listings hold few common words, and none of another language's
    ("Viera 3, Rockledge 1: Smith 2 goals, Jones 1 goal; Cocoa 2, Melbourne 2 (OT); Titusville 4, Bayside 0; "
     "Palm Bay 1, Eau Gallie 0; Satellite 5, Merritt Island 2", True),
    ("El fiscal anticorrupción se entrevistó ayer con su superior con el objetivo de analizar el extenso auto de "
     "Castro y consensuar una postura común para el recurso", False),
    ("Les sombres perspectives économiques de la Commission européenne pour la France et pour les pays de la zone "
     "euro sont publiées ce jeudi", False),
    ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore "
     "magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea", False),
    ("トレンドマイクロは3月9日、セキュリティアプリの発売を開始すると発表した。", False),
    ("Der Kanzler sagte, das sei gut.", True),  # too few words to say
])
def test_a_text_reads_as_english_or_not(text: str, english: bool) -> None:
    assert reads_as_english(text) is english


def test_an_article_in_another_language_is_briefed_with_a_warning():
    german = make_article("a2", "Die Bundesregierung hat am Montag ein neues Gesetz beschlossen. Es soll die Mieten in "
                                "den Städten begrenzen und ist nicht unumstritten. Die Opposition kritisiert, dass "
                                "die Regelung zu spät komme und mit vielen Ausnahmen verbunden sei.", source="de.html")
    english = make_article("a1", "The German government approved a new law on Monday to cap rents in the cities. "
                                 "The opposition said the rule came too late and had too many exceptions.")
    brief = build_brief([english, german], BriefSettings(embedder="lexical"))
    assert [w for w in brief.warnings if "does not read as English" in w] == [
        "de.html: its text does not read as English, the language briefer splits and ranks: its sentences may be "
        "split, shown or ranked wrongly"]
    assert not any("English" in w for w in build_brief([english], BriefSettings(embedder="lexical")).warnings)


def test_a_sites_front_page_is_briefed_with_a_warning_that_its_stories_may_mix():
    from dataclasses import replace

    text = ("Blinken and Lavrov met in Geneva on Friday to discuss the crisis over Ukraine. A 6.6 magnitude earthquake "
            "struck off the coast of Indonesia on Saturday. The city zoo welcomed a baby giraffe on Sunday.")
    front = replace(make_article("a1", text), url="https://us.yahoo.com/news/")
    brief = build_brief([front], BriefSettings(embedder="lexical"))
    assert any("https://us.yahoo.com/news/ is a site's front or section page" in w for w in brief.warnings)
    story = replace(front, url="https://www.example.com/news/2022/01/21/blinken-lavrov-geneva")
    assert not build_brief([story], BriefSettings(embedder="lexical")).warnings


def test_a_page_with_no_name_is_numbered_by_its_place_in_the_sources_list(minilm):
    """The first article keeps no text: the second is the first source the reader sees, "Source 1", not "Source 2"."""
    text = ("The city council approved the new budget on Monday. The vote was seven to two. "
            "Mayor Jane Ortiz said the plan adds forty buses. Critics said taxes would rise next year.")
    brief = build_brief([make_article("a1", "!!!"), make_article("a2", text)], embedder=minilm)
    assert [a.id for a in brief.articles] == ["a2"]
    assert brief.articles[0].outlet == "Source 1"
    assert "**Source 1**" in render(brief, "md") and "[Source 1]" in render(brief, "md")


def test_articles_sharing_an_id_are_refused_not_cited_as_one(minilm):
    """Two pages loaded one by one are each "a1": briefed together, every citation named the last of them."""
    text = ("The city council approved the new budget on Monday. The vote was seven to two. "
            "Mayor Jane Ortiz said the plan adds forty buses. Critics said taxes would rise next year.")
    with pytest.raises(InputError, match=r"article ids repeat \('a1'\)"):
        build_brief([make_article("a1", text, url="https://one.example/a"),
                     make_article("a1", text, url="https://two.example/b")], embedder=minilm)
