"""Spare words go to the sentences that follow a point in its article, shown after it (briefer.core.follow_on)."""

from briefer.backends.embed import StaticEmbedder
from briefer.core import admission
from briefer.pipeline import build_brief
from briefer.settings import BriefSettings, DailySettings
from briefer.text.sentences import sentences_of
from tests.conftest import make_article

QUIT = ("Zelda Williams quit Twitter and Instagram on Wednesday after trolls sent her cruel messages about her "
        "father's death.")
ASKED = "She also asked her followers to petition the company to block two accounts that sent most of the abuse."
REMOVED = "Those accounts have since been removed by Twitter."
PROMPT = "Click here to subscribe to our daily newsletter."
WILLIAMS = make_article("a1", " ".join([QUIT, ASKED, REMOVED, PROMPT]), title="Zelda Williams quits Twitter")
TWITTER = make_article("a2", "Twitter said on Thursday that it would change its rules on abuse and self-harm. The "
                             "company said it had suspended a number of accounts for breaking its rules. Del Harvey, "
                             "Twitter's head of trust and safety, said the company would not tolerate abuse of this "
                             "nature.")


def shown(brief):
    return [brief.lede, *brief.points]


def test_a_brief_with_words_to_spare_shows_what_follows_a_point_after_it():
    brief = build_brief([WILLIAMS, TWITTER], BriefSettings(words=200))
    followed = next(p for p in shown(brief) if p.text.startswith(QUIT))
    assert followed.text == " ".join([QUIT, ASKED, REMOVED])
    assert followed.citations == ("a1",)
    assert [s.text for s in followed.following] == [ASKED, REMOVED]
    assert followed.own_text == QUIT
    assert {s.text for s in followed.evidence} >= {ASKED, REMOVED}
    assert not any(PROMPT in p.text for p in shown(brief))  # page furniture follows nothing
    assert brief.words <= 200


def test_without_follow_on_a_sentence_that_leans_on_the_one_before_is_never_shown():
    brief = build_brief([WILLIAMS, TWITTER], BriefSettings(words=200, follow_on=False))
    assert all(not p.following for p in shown(brief))
    assert not any(ASKED in p.text or REMOVED in p.text for p in shown(brief))


def test_a_point_another_outlet_also_backs_is_not_followed_on():
    """Its other citation would seem to back the sentences shown after it too."""
    retold = make_article("a3", "Zelda Williams quit Twitter and Instagram on Wednesday after trolls sent her cruel "
                                "messages about her late father.", outlet="Other Outlet")
    brief = build_brief([WILLIAMS, TWITTER, retold], BriefSettings(words=200))
    lede = next(p for p in shown(brief) if p.text.startswith(QUIT))
    assert set(lede.citations) == {"a1", "a3"}
    assert not any(ASKED in p.text for p in shown(brief))


def test_what_follows_stays_within_the_budget():
    for words in (60, 75, 90):
        brief = build_brief([WILLIAMS, TWITTER], BriefSettings(words=words))
        assert brief.words <= words
        assert all(p.text.endswith(" ".join(s.text for s in p.following)) for p in shown(brief))


def test_admission_lets_a_sentence_follow_on_only_when_its_context_kept_it_out():
    article = make_article("a1", " ".join([QUIT, ASKED, "FILE - In this Nov. 22, 2015 file photo, Zelda Williams "
                                           "arrives at the premiere of a film in Los Angeles."]))
    split, stripped = admission.strip_shown(sentences_of(article))
    admitted = admission.admit(split, stripped, StaticEmbedder().encode([s.text for s in split]))
    quit_, asked, caption = admitted
    assert quit_.admissible and quit_.follows_on
    assert not asked.admissible and asked.follows_on
    assert not caption.admissible and not caption.follows_on


def test_a_daily_page_keeps_each_story_line_one_sentence():
    assert not DailySettings().brief.follow_on
    assert BriefSettings().follow_on


def test_a_headline_made_from_the_lede_is_made_from_its_own_sentence():
    brief = build_brief([make_article("a1", WILLIAMS.text)], BriefSettings(words=200))
    assert brief.lede.following
    assert "asked" not in brief.headline and "removed" not in brief.headline


def test_a_wire_story_and_its_copy_are_both_cited_for_what_follows_the_point():
    copy = make_article("a3", WILLIAMS.text.replace("Click here to subscribe to our daily newsletter.", ""),
                        outlet="Other Outlet")
    brief = build_brief([WILLIAMS, TWITTER, copy], BriefSettings(words=200))
    followed = next(p for p in shown(brief) if p.text.startswith(QUIT))
    assert set(followed.citations) == {"a1", "a3"}
    assert followed.text == " ".join([QUIT, ASKED, REMOVED])
    assert sorted((s.article_id, s.text) for s in followed.evidence if s.text != QUIT) == [
        ("a1", ASKED), ("a1", REMOVED), ("a3", ASKED), ("a3", REMOVED)]


def test_a_copy_that_goes_on_otherwise_stops_what_follows():
    other = make_article("a3", " ".join([QUIT, "Her brother Zak Williams said the family was grateful for the support "
                                              "of fans around the world."]), outlet="Other Outlet")
    brief = build_brief([WILLIAMS, TWITTER, other], BriefSettings(words=200))
    followed = next(p for p in shown(brief) if p.text.startswith(QUIT))
    assert set(followed.citations) == {"a1", "a3"}
    assert not followed.following and not any(ASKED in p.text for p in shown(brief))


def test_a_sentence_another_outlet_told_about_as_closely_as_a_retelling_does_not_follow_on():
    import numpy as np

    from briefer.core.claims import ClaimSet
    from briefer.core.follow_on import _repeats_a_line
    from briefer.types import Sentence

    shown = Sentence("a2", 4, "Detectives said the woman appeared to know where the iPhones were kept.", 0, 1)
    candidate = Sentence("a1", 3, "The suspect was familiar with store procedures and where iPhones were kept.", 0, 1)
    own = Sentence("a1", 1, "Police said the suspect appeared to know where the iPhones were kept.", 0, 1)

    def claims(closeness: float) -> ClaimSet:
        vectors = np.array([[1.0, 0.0], [closeness, float(np.sqrt(1 - closeness ** 2))]], dtype=np.float32)
        return ClaimSet(claims=(), vectors=np.zeros((0, 2)), reach=np.zeros((0, 2)), article_ids=("a1", "a2"),
                        sentences=(shown, candidate), sentence_vectors=vectors)

    settings = BriefSettings()
    assert settings.rank.retold <= 0.77 < settings.rank.redundancy
    assert _repeats_a_line(1, [0], claims(0.77), settings)  # another outlet's line, a speaker compatible() vetoes
    assert not _repeats_a_line(1, [0], claims(0.6), settings)
    same_article = ClaimSet(claims=(), vectors=np.zeros((0, 2)), reach=np.zeros((0, 2)), article_ids=("a1",),
                            sentences=(own, candidate), sentence_vectors=claims(0.77).sentence_vectors)
    assert not _repeats_a_line(1, [0], same_article, settings)  # its own article goes on: no retelling
