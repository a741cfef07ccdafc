from dataclasses import replace

import numpy as np
import pytest

from briefer.core.claims import PRONOUN_OPENER, ClaimSet
from briefer.core.rank import lead_with_the_most_reported, may_lead, select
from briefer.settings import BriefSettings, RankWeights
from briefer.types import Article, Claim, Point, Sentence


def claim(index: int, words: int, *article_ids: str) -> Claim:
    tag = f"{index}{''.join(article_ids)}"  # each claim its own words: none repeats another by its words
    text = " ".join(["Word"] + [f"word{tag}n{k}" for k in range(words - 2)]) + " ended."
    sentences = tuple(Sentence(a, index, text, 0, len(text)) for a in article_ids)
    return Claim(sentences=sentences, representative=sentences[0])


def cannot_stand_alone(text: str) -> bool:
    """The ranker's judgement of one sentence as a point of its own (a claim of one sentence, fifth in its article)."""
    from briefer.core.rank import _cannot_stand_alone

    sentence = Sentence("a1", 5, text, 0, len(text))
    return _cannot_stand_alone(Claim((sentence,), sentence))


ARTICLES = [Article(id=f"a{i}", text="x", outlet=f"Outlet {i}") for i in range(1, 5)]


ARTICLE_IDS = ("a1", "a2", "a3", "a4")


def claim_set(claims: tuple[Claim, ...], vectors: np.ndarray) -> ClaimSet:
    """Claims reaching exactly the articles that cite them."""
    reach = np.array([[1.0 if a in c.article_ids else 0.0 for a in ARTICLE_IDS] for c in claims], dtype=np.float32)
    return ClaimSet(claims, vectors, reach, ARTICLE_IDS)


def orthogonal(n: int) -> np.ndarray:
    return np.eye(n, dtype=np.float32)


def test_claim_carried_by_most_outlets_leads():
    claims = claim_set((claim(0, 12, "a1"), claim(1, 12, "a1", "a2", "a3"), claim(2, 12, "a4")), orthogonal(3))
    lede, points = select(claims, ARTICLES, BriefSettings(words=200))
    assert lede.citations == ("a1", "a2", "a3")
    assert len(points) == 2


def test_budget_is_never_exceeded_and_points_keep_story_order():
    claims = claim_set(tuple(claim(i, 20, "a1", "a2") for i in range(10)), orthogonal(10))
    lede, points = select(claims, ARTICLES, BriefSettings(words=100))
    assert lede.words + sum(p.words for p in points) <= 100
    assert len(points) == 4
    positions = [p.evidence[0].index for p in points]
    assert positions == sorted(positions)


def test_points_read_in_story_order_and_remember_when_they_were_chosen():
    # Claims cited by more outlets rank higher; the last told (index 3) is reported most after the lede.
    claims = claim_set((claim(0, 12, "a1", "a2", "a3", "a4"), claim(1, 12, "a1"), claim(2, 12, "a1", "a2"),
                        claim(3, 12, "a1", "a2", "a3")), orthogonal(4))
    lede, points = select(claims, ARTICLES, BriefSettings(words=200))
    assert lede.chosen == 0 and lede.evidence[0].index == 0
    assert [p.evidence[0].index for p in points] == [1, 2, 3]
    assert [p.chosen for p in points] == [3, 2, 1]


def retellings(index: int = 0, second_date: str = "2019-11-19", second_day: str = "", close: float = 0.77,
               rank: RankWeights = RankWeights()) -> list[str]:
    """What a brief shows of three claims: the lede, another outlet's telling of it ``close`` (below the
    near-repeat cosine) at ``index`` in its article, dated ``second_date``, and an unrelated claim."""
    texts = ["NASA added five companies to its moon lander program on Monday.",
             f"NASA picked five firms for its lunar lander contracts{second_day}.",
             "Blue Origin plans to land its Blue Moon vehicle near the south pole."]
    sentences = [Sentence(a, k, t, 0, len(t)) for a, k, t in zip(("a1", "a2", "a3"), (0, index, 4), texts)]
    claims = tuple(Claim((s,), s) for s in sentences)
    vectors = np.array([[1.0, 0.0, 0.0], [close, (1 - close ** 2) ** 0.5, 0.0], [0.0, 0.0, 1.0]], dtype=np.float32)
    reach = np.array([[3.0, 0, 0, 0], [0, 1.0, 0, 0], [0, 0, 1.0, 0]], dtype=np.float32)
    articles = [Article(id="a1", text="x", date="2019-11-18"), Article(id="a2", text="x", date=second_date),
                Article(id="a3", text="x", date="2019-11-18")]
    lede, points = select(ClaimSet(claims, vectors, reach, ARTICLE_IDS[:3]), articles,
                          BriefSettings(words=200, rank=rank))
    return [lede.text] + [p.text for p in points]


def test_another_outlets_opening_telling_the_same_news_again_is_left_out():
    assert retellings()[0].startswith("NASA added") and not any("picked" in t for t in retellings())


def test_on_the_daily_page_two_ledes_tell_the_news_again_further_apart():
    from briefer.config import Config
    from briefer.fitted import DAILY_RANK
    from briefer.settings import DailySettings, daily_settings

    assert any("picked" in t for t in retellings(close=0.64))  # a brief keeps it
    assert not any("picked" in t for t in retellings(close=0.64, rank=DAILY_RANK))  # the daily page does not
    assert any("picked" in t for t in retellings(index=1, close=0.64, rank=DAILY_RANK))  # not an article's lede
    assert DailySettings().brief.rank == DAILY_RANK == daily_settings(Config({})).brief.rank


@pytest.mark.parametrize("case", [dict(index=5), dict(second_date="2019-11-25"), dict(second_day=" on Friday")])
def test_a_later_telling_from_deep_in_an_article_or_another_day_is_kept(case):
    assert any("picked" in t for t in retellings(**case))


def test_near_repeat_of_a_chosen_claim_is_not_picked():
    vectors = np.array([[1.0, 0.0, 0.0], [0.99, 0.141, 0.0], [0.0, 0.0, 1.0]], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    claims = claim_set((claim(0, 12, "a1", "a2"), claim(1, 12, "a3", "a4"), claim(5, 12, "a1")), vectors)
    lede, points = select(claims, ARTICLES, BriefSettings(words=200))
    chosen = [lede.citations] + [p.citations for p in points]
    assert ("a1", "a2") in chosen and ("a3", "a4") not in chosen


def test_claim_echoed_by_more_outlets_outranks_one_cited_by_fewer():
    claims = (claim(0, 12, "a1"), claim(0, 12, "a2"))
    reach = np.array([[1.0, 0.2, 0.2, 0.2], [0.7, 1.0, 0.7, 0.7]], dtype=np.float32)
    lede, _ = select(ClaimSet(claims, orthogonal(2), reach, ARTICLE_IDS), ARTICLES, BriefSettings(words=200))
    assert lede.citations == ("a2",)  # ranked by how widely it was reported, but cites only what states it


def test_max_points_caps_the_list():
    claims = claim_set(tuple(claim(i, 8, "a1") for i in range(20)), orthogonal(20))
    _, points = select(claims, ARTICLES, BriefSettings(words=1000, max_points=6))
    assert len(points) == 6


@pytest.mark.parametrize("text", [
    "He said the talks would continue next week in Geneva.",
    'At which point the late night host insisted, "you stole that coat didn\'t you?"',  # "which" points back too
    "Which is why the talks will continue next week in Geneva.",
    "Others can operate on a quarterly basis.",  # a quantity with no noun counts what the sentence before named
    "Most are placed in institutions by families who are too poor to provide for them.",
    "Others reported supervisors unfairly demanding credit for research.",
    '"Says who?" said Cohen, whose job description also includes serving as Trump\'s special counsel.',  # a question
    '"Where in the world are they?" asked a spokesman for the council.',
    "Donald Trump has said that more than once.",  # what was said is in the sentence before
    "The State Department spokesman, Philip J. Crowley, confirmed that on Sunday.",  # and when
    "The 23-year-old comedian, whose fireman father died in the Sept. 11 attacks, has revealed previously that he took "
    "medical marijuana.",  # an age in place of a name
    "The 73-year-old, who entered and left the courtroom in a wheelchair, had pleaded guilty to the gun charge.",
])
def test_a_claim_opening_on_a_pronoun_is_never_published(text):
    dangling = Sentence("a1", 0, text, 0, len(text))
    claims = (Claim((dangling,), dangling), claim(3, 12, "a2"), claim(4, 12, "a3"))
    reach = np.array([[1.0, 1.0, 1.0, 1.0], [0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0]], dtype=np.float32)
    wide = ClaimSet(claims, orthogonal(3), reach, ARTICLE_IDS)
    lede, points = select(wide, ARTICLES, BriefSettings(words=200))
    assert text not in [lede.text] + [p.text for p in points]


@pytest.mark.parametrize("text", [
    "The 23-year-old comedian Pete Davidson said he had quit drugs.",  # the name follows the age
    "The 13-year-old male lion named Mohawk had recently been involved in territorial fights.",
    "A 34-year-old man was killed as the woman drove away from his birthday party.",  # someone new, not someone named
])
def test_an_age_with_a_name_or_a_new_someone_is_no_pronoun(text):
    assert not PRONOUN_OPENER.match(text)


def said(speaker: str, index: int, article_id: str) -> Claim:
    text = f"{speaker} said the talks would go on after the written answer next week."
    sentence = Sentence(article_id, index, text, 0, len(text))
    return Claim(sentences=(sentence,), representative=sentence)


def test_a_close_claim_from_another_speaker_is_no_repeat():
    # Both phrasings are as close as a repeat, but another speaker makes another claim
    # (briefer.core.support.compatible).
    vectors = np.array([[1.0, 0.0], [0.99, 0.141], [0.99, 0.141]], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    for speaker, published in (("Lavrov", True), ("Blinken", False)):
        claims = claim_set((said("Blinken", 0, "a1"), said(speaker, 1, "a3")), vectors[:2])
        lede, points = select(claims, ARTICLES, BriefSettings(words=200))
        assert lede.citations == ("a1",)
        assert [p.citations for p in points] == ([("a3",)] if published else [])


def quoting(text: str, index: int, article_id: str) -> Claim:
    sentence = Sentence(article_id, index, text, 0, len(text))
    return Claim(sentences=(sentence,), representative=sentence)


@pytest.mark.parametrize(("second", "published"), [
    ('"We\'re going to have to put all options on the table, including defending our troops," said Graham.', False),
    ('Graham said "all options on the table" meant pressure on Islamabad, on Tuesday.', False),
    ('Graham said he watched "Orange Is the New Black" every night with his staff.', True),  # a title, not a statement
    ('Graham said the talks with Islamabad would "resume in a week or so" after the holiday.', True),  # another quote
])
def test_a_point_quoting_what_a_chosen_one_quotes_is_no_new_point(second, published):
    first = 'Sen. Lindsey Graham says the United States must leave "all options on the table" in dealing with Pakistan.'
    claims = claim_set((quoting(first, 0, "a1"), quoting(second, 3, "a3")), orthogonal(2))  # far apart by cosine
    _, points = select(claims, ARTICLES, BriefSettings(words=200))
    assert [p.text for p in points] == ([second] if published else [])


def test_a_claim_citing_an_outlet_not_yet_cited_wins_a_tie():
    # The lede cites Outlet 1; two equal candidates, one from Outlet 1 again, one from Outlet 3; room for one.
    claims = claim_set((claim(0, 12, "a1", "a2"), claim(1, 12, "a1"), claim(1, 12, "a3")), orthogonal(3))
    for bonus, cited in ((0.2, ("a3",)), (0.0, ("a1",))):
        settings = BriefSettings(words=24, rank=RankWeights(new_outlet=bonus))
        lede, points = select(claims, ARTICLES, settings)
        assert lede.citations == ("a1", "a2")
        assert [p.citations for p in points] == [cited]


def test_novelty_is_judged_on_what_a_claim_reports_not_on_how_it_is_framed():
    """B is framed like the lede (0.75 cosine, no near-repeat) but reports something else; C is new in every way.

    With only whole-sentence vectors B's closeness costs it the last line on the page; with ``reported`` vectors
    (attribution stripped, orthogonal to the lede's) B is the better point and takes it.
    """
    def unit(*rows: list[float]) -> np.ndarray:
        vectors = np.array(rows, dtype=np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    framed = claim_set((claim(0, 12, "a1", "a2", "a3"), claim(1, 12, "a1", "a2"), claim(0, 12, "a4")),
                       unit([1, 0, 0], [0.75, 0.66, 0], [0, 0, 1]))
    reported = replace(framed, reported=unit([1, 0, 0], [0, 1, 0], [0, 0, 1]))
    # Coverage counted once (``reach`` stands in for ``worded`` here), so that only novelty tips the balance.
    settings = BriefSettings(words=30, rank=RankWeights(worded_coverage=0.0))
    _, by_sentence = select(framed, ARTICLES, settings)
    _, by_report = select(reported, ARTICLES, settings)
    assert [p.citations for p in by_sentence] == [("a4",)]
    assert [p.citations for p in by_report] == [("a1", "a2")]


def test_a_claim_whose_words_more_outlets_repeat_outranks_one_only_framed_alike():
    """Both claims sit equally close to every article by embedding; only B's words recur in other outlets."""
    claims = (claim(0, 12, "a1"), claim(0, 12, "a2"))
    reach = np.full((2, 4), 0.8, dtype=np.float32)
    worded = np.array([[1.0, 0.1, 0.1, 0.1], [0.7, 1.0, 0.6, 0.8]], dtype=np.float32)
    claim_set = ClaimSet(claims, orthogonal(2), reach, ARTICLE_IDS, worded=worded)
    lede, _ = select(claim_set, ARTICLES, BriefSettings(words=200))
    assert lede.citations == ("a2",)


def test_a_point_drops_an_opening_connective_but_its_evidence_keeps_the_source_sentence():
    text = "However, the two sides agreed to keep talking next week."
    first = Sentence("a1", 2, text, 0, len(text))
    connected = Claim(sentences=(first,), representative=first)
    claims = claim_set((claim(0, 12, "a1", "a2", "a3"), connected), orthogonal(2))
    lede, points = select(claims, ARTICLES, BriefSettings(words=200))
    assert [p.text for p in points] == ["The two sides agreed to keep talking next week."]
    assert points[0].evidence[0].text == text


def test_a_point_loses_a_tabloid_s_shouted_opening_but_its_evidence_keeps_the_source_sentence():
    text = "A HUNTER who ate a wild rabbit has caught the plague."
    shouted = Sentence("a1", 0, text, 0, len(text))
    articles = [replace(ARTICLES[0], text=f"{text} The hunter is in hospital."), *ARTICLES[1:]]
    claims = claim_set((Claim(sentences=(shouted,), representative=shouted), claim(1, 12, "a2")), orthogonal(2))
    lede, points = select(claims, articles, BriefSettings(words=200))
    shown = [p for p in [lede, *points] if p.citations == ("a1",)]
    assert [p.text for p in shown] == ["A hunter who ate a wild rabbit has caught the plague."]
    assert shown[0].evidence[0].text == text


def dated_claim(index: int, text: str, article_id: str) -> Claim:
    sentence = Sentence(article_id, index, text, 0, len(text))
    return Claim(sentences=(sentence,), representative=sentence)


def test_over_several_days_a_point_saying_on_saturday_shows_its_date_and_points_follow_the_days():
    days = [Article(id="a1", text="x", outlet="One", date="2022-01-22"),
            Article(id="a2", text="x", outlet="Two", date="2022-01-15"),
            Article(id="a3", text="x", outlet="Three", date="2022-01-15")]
    claims = ClaimSet((dated_claim(0, "The minister resigned on Saturday after a week of protests in the capital.", "a1"),
                       dated_claim(1, "Protesters filled the main square of the capital to demand new elections.", "a2"),
                       dated_claim(2, "Police arrested forty people on Saturday near the parliament building.", "a3"),
                       dated_claim(3, "The opposition leader called for a general strike across the whole country.",
                                   "a1")),
                      orthogonal(4), np.eye(4, 3, dtype=np.float32), ("a1", "a2", "a3"))
    lede, points = select(claims, days, BriefSettings(words=200))
    shown = {p.text: p.date for p in (lede, *points)}
    assert shown["Police arrested forty people on Saturday near the parliament building."] == "2022-01-15"
    assert shown["The minister resigned on Saturday after a week of protests in the capital."] == "2022-01-22"
    assert shown["Protesters filled the main square of the capital to demand new elections."] is None  # no "Saturday"
    dates = [days[int(p.citations[0][1]) - 1].date for p in points]
    assert dates == sorted(dates)


def test_over_several_days_a_claim_is_placed_by_its_first_report():
    days = [Article(id="a1", text="x", outlet="One", date="2005-01-15"),
            Article(id="a2", text="x", outlet="Two", date="2006-03-10"),
            Article(id="a3", text="x", outlet="Three", date="2006-06-02")]
    lede_text = "A report on the treatment of prisoners was published by a rights group in the capital."
    early = "A court martial found the guard guilty of abusing prisoners at the prison in January."
    later = "Army officers stated that the prison will be closed within months and its prisoners moved."
    latest = "A dog handler was sentenced to ninety days of hard labour for his part in the abuse."
    guilty = Claim(sentences=(Sentence("a2", 5, early, 0, len(early)), Sentence("a1", 0, early, 0, len(early))),
                   representative=Sentence("a2", 5, early, 0, len(early)))  # retold a year later in background
    reported = Claim(sentences=tuple(Sentence(a, 0, lede_text, 0, len(lede_text)) for a in ("a3", "a1", "a2")),
                     representative=Sentence("a3", 0, lede_text, 0, len(lede_text)))  # what every outlet reports
    claims = ClaimSet((reported, dated_claim(0, later, "a2"), guilty, dated_claim(1, latest, "a3")),
                      orthogonal(4), np.eye(4, 3, dtype=np.float32), ("a1", "a2", "a3"))
    lede, points = select(claims, days, BriefSettings(words=200))
    assert lede.text == lede_text
    assert [p.text for p in points] == [early, later, latest]  # guilty in 2005, though retold in a 2006 article


def test_in_a_one_day_cluster_no_point_carries_a_date():
    same_day = [replace(a, date="2022-01-21") for a in ARTICLES]
    claims = claim_set((dated_claim(0, "Talks ended on Friday in Geneva without any breakthrough at all.", "a1"),
                        dated_claim(1, "The ministers agreed on Friday to keep talking after the written answer.", "a2")),
                       orthogonal(2))
    lede, points = select(claims, same_day, BriefSettings(words=200))
    assert lede.date is None and all(p.date is None for p in points)


def cited(text: str, *article_ids: str) -> Point:
    return Point(text, article_ids, tuple(Sentence(a, 0, text, 0, len(text)) for a in article_ids))


def test_the_point_most_outlets_report_leads_once_citations_are_counted():
    lede = cited("The group claimed responsibility for the attack in a statement.", "a1")
    core = cited("A bomb killed twelve people at a market in the capital on Friday.", "a1", "a2", "a3")
    quote = cited('"We will find them," the minister said after the attack at the market.', "a1", "a2", "a3", "a4")
    new_lede, points = lead_with_the_most_reported(lede, [quote, core], ARTICLES)
    assert new_lede is core and points == [quote, lede]  # the quotation, reported by more, may not lead


def test_background_two_outlets_carry_deep_in_their_stories_does_not_displace_the_news():
    lede = cited("A top defector was killed by a nerve agent at the airport, police said.", "a2")
    text = "North Korea is estimated to be able to make up to 4,500 tons of chemical weapons a year."
    def stated_at(first: int, second: int) -> Point:
        return Point(text, ("a1", "a3"), (Sentence("a1", first, text, 0, len(text)),
                                          Sentence("a3", second, text, 0, len(text))))

    background, reported = stated_at(1, 32), stated_at(1, 2)
    assert lead_with_the_most_reported(lede, [background], ARTICLES) == (lede, [background])
    assert lead_with_the_most_reported(lede, [reported], ARTICLES) == (reported, [lede])


def test_a_tie_keeps_the_rankers_lede():
    lede, other = cited("Talks ended in Geneva.", "a1", "a2"), cited("Both sides agreed to talk again.", "a3", "a4")
    assert lead_with_the_most_reported(lede, [other], ARTICLES) == (lede, [other])


def test_a_claim_the_judge_finds_restating_a_chosen_one_is_not_picked():
    texts = ["Blinken and Lavrov met in Geneva on Friday for ninety minutes of talks.",
             "The two top diplomats held an hour and a half of talks in Geneva.",
             "Russia has massed about 100,000 troops near the border with Ukraine."]
    claims = tuple(dated_claim(i, text, f"a{i + 1}") for i, text in enumerate(texts))
    vectors = np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]], dtype=np.float32)  # 0.6 apart: no cosine repeat
    grouped = ClaimSet(claims, vectors, np.eye(3, 4, dtype=np.float32), ARTICLE_IDS)
    asked = []

    def restates(a: str, b: str) -> bool:
        asked.append((a, b))
        return {a, b} == {texts[0], texts[1]}

    lede, points = select(grouped, ARTICLES, BriefSettings(words=200), restates=restates)
    shown = [lede.text, *(p.text for p in points)]
    assert texts[2] in shown and not {texts[0], texts[1]} <= set(shown)
    assert all(texts[2] not in pair for pair in asked)  # far from every chosen claim: never asked about
    lede, points = select(grouped, ARTICLES, BriefSettings(words=200))
    assert len(points) == 2  # without a judge, both phrasings are shown


@pytest.mark.parametrize(("text", "leads"), [
    ("The death toll from the quake in Nepal rose to 1,800.", True),
    ("A murder suspect remains on the run after a shooting.", True),
    ("Police arrested three men after the shooting.", True),
    ('The talks included how going private could "better serve Tesla\'s interests," the board said.', False),
    ("The two sides agreed to keep talking.", False),  # which two sides: a lede names what it is about
    ("Saddle up to the gate on your next United flight and you may notice a new system.", False),  # the reader
    ("The visit is expected to last three hours, and an official in Mr. Netanyahu's office said the truce holds.",
     False),  # a name after the verb does not say which visit
    ("The second most wanted man on the Simon Wiesenthal Centre's list has died at 93.", True),  # named before "has"
    ("The tagline drew a mix of criticism and ridicule across Twitter, but Noem cited the backlash as proof.",
     False),  # which tagline: the names come after its irregular verb
    # an office with neither its holder's name nor an article: the scrape lost a linked name
    ("Despite no breakthroughs in Geneva, US Secretary of State said on Friday that both sides are on a clear path.",
     False),
    ("US Secretary of State also said that the talks were frank.", False),
    ("Secretary of State Antony Blinken said on Friday that both sides are on a clear path.", True),
    ("Margaret Beckett, the U.K.'s Foreign Secretary said the talks would go on.", True),
    ("The President said that he had issued the order.", True),
    # adding to what came before
    ("The Trojans also had some problems with Washington quarterback Jake Locker, who ran for 50 yards.", False),
    ("Sprint Nextel is also considering consolidating its headquarters in Kansas.", False),
    ("Sprint Nextel plans to lay off 4,000 workers and also close 125 of its retail stores, it said.", True),
    ("Officials said the storm, which also hit Cuba, had killed 12 people.", True),
])
def test_a_lede_names_what_it_is_about_and_does_not_address_the_reader(text, leads):
    assert may_lead(text) is leads


def test_a_sentence_its_source_cut_off_is_never_a_point():
    from briefer.pipeline import build_brief

    full = ("Homicide detectives are investigating the death of Fabio Semintilli, an internationally known hairdresser "
            "and beauty company executive found stabbed outside his Los Angeles home.")
    articles = [
        Article(id="a1", text="Homicide detectives are investigating the death of Fabio Sementilli, an internationally "
                              "known... Police said an unknown visitor arrived at the gated house on Tuesday. "
                              "Neighbours said they heard shouting late in the evening."),
        Article(id="a2", text=f"{full} The company said it was shocked by the killing of its executive. "
                              "A memorial is planned for next week at the company's offices."),
    ]
    brief = build_brief(articles, BriefSettings(words=300))
    assert not any(p.text.endswith(("...", "\u2026")) for p in [brief.lede, *brief.points])


@pytest.mark.parametrize(("text", "part"), [
    ('"It is only our intent to clear the street.', True),
    ("\u201cMy spiritual pain is unbearable.", True),
    ('"We will win," he said.', False),
    ("Vinokourov won the stage in 5h 34' 28\".", False),  # seconds after a number are no quotation mark
])
def test_quotation_marks_that_do_not_pair_up_mark_a_piece_of_a_quotation(text, part):
    from briefer.core.rank import _part_of_a_longer_quote

    assert _part_of_a_longer_quote(text) is part


def test_a_sentence_that_announces_what_follows_is_never_a_point():
    from briefer.pipeline import build_brief

    texts = ["The following ensued when Cohen questioned exactly who claimed Trump is down in the polls. "
             "Michael Cohen argued with CNN anchor Brianna Keilar on Wednesday about polls. "
             "Cohen said the polls were wrong.",
             "Trump lawyer Michael Cohen clashed with CNN anchor Brianna Keilar on Wednesday over polls. "
             "Cohen said several polls showed Trump ahead. The interview went viral."]
    brief = build_brief([Article(id=f"a{n}", text=t) for n, t in enumerate(texts, 1)], BriefSettings(words=200))
    assert not any(p.text.startswith("The following") for p in [brief.lede, *brief.points])


def test_a_sentence_addressed_to_the_reader_is_never_a_point_but_a_quoted_one_may_be():
    from briefer.pipeline import build_brief

    terms = "If you do not enable Voice Recognition, you will not be able to use voice features on the television."
    quoted = '"You cannot trust a television that listens," privacy advocate Jane Roe said on Monday about the sets.'
    texts = ["Samsung said its smart televisions record voice commands and send them to a third party. " + terms +
             " Privacy groups criticised the voice recognition policy on Monday. " + quoted,
             "Samsung smart televisions send recorded voice commands to a third party, the company said. "
             "Privacy advocates criticised the television voice policy on Monday. " + terms]
    brief = build_brief([Article(id=f"a{n}", text=t) for n, t in enumerate(texts, 1)], BriefSettings(words=200))
    shown = [p.text for p in [brief.lede, *brief.points]]
    assert terms not in shown
    assert quoted in shown


@pytest.mark.parametrize(("text", "prompt"), [
    ("Visit the U.S. National Cancer Institute for more on colon cancer.", True),
    ("Read the excerpt below:", True),
    ("Follow us @Spacedotcom, Facebook or Google+.", True),
    ("Visitors to the park were told to leave by 6 p.m. on Sunday.", False),
    ("Call records show the two men spoke on Monday.", False),
    ("Read, a former banker, was named chief executive on Tuesday.", False),
    ("Don't look for Amy Schumer in any Super Bowl commercials this time around.", True),
    ("In the last week alone, she's spoken out about supporting the transgender community.", True),
    ("Months later, he returned for reshoots in Malibu.", True),
    ("Sony had an event today and as expected, it introduced the PlayStation 4.", False),  # "it" is Sony
    ("After Simpson was freed in October, he moved to Las Vegas.", False),  # the opening names him
    ("In September, he explained his illness to the crowd.", True),  # a month names nobody
    ('"Several woods fires and abandoned house fires in a week."', True),  # a quotation and nothing else
    ('"Saturday Night Live" star Pete Davidson spoke about his sobriety on Monday.', False),  # a title in quotes
    ('"We are ready," the minister said on Friday.', False),
    ("On Friday night, she lost her job after the vote.", True),
    ("If no one wins Tuesday's jackpot, it will rise to at least $950 million.", False),  # "it" is the jackpot
    ("One member of the Browns' defense didn't hold back on Monday when asked about the fight", True),  # a standfirst
    ('The minister called the vote "a disaster for the country."', False),
    ("In a new case study out Monday, they detail how the man came down with a rare allergy.", True),  # a day
    ("In Moscow on Monday, they said the talks would resume.", False),  # a place may be who "they" are
    ("In it, the British royal blankly denied having met her.", True),  # "it" is in the sentence before
    ("Beyond that, she gave $250,000 to each of her six grandchildren.", True),
    ("In that case, the court ruled for the city.", True),  # which case: the sentence before said
    ("Given these traits, the ancient animal has been named Caihong juji.", True),
    ("Despite that positive response, Snap admitted that Spectacles had not made money.", True),
    ("To fulfill that goal, the company will ship the new Kinect with every Xbox One.", True),
    ("With that chunk of change, Sophie won't be eating store-brand dog food.", True),  # which change?
    ("On this day last year, a series of coordinated suicide bombings struck London's transport.", False),  # a date
    ("Just this week, United Airlines updated its boarding process.", False),  # "this week" is now
    ("At this time, police have no suspects in the shooting.", False),
    ("If this occurred, the original sizes of these structures would overlap even more.", True),
    ("In the interview, Damon says there is a spectrum to behavior.", True),  # which interview?
    ("At the time, Nirvana's lineup consisted of Cobain and Novoselic.", True),
    ("In the past, most cases occurred in the autumn.", False),
    ("In its statement, Tesla blamed the barrier for the crash.", False),  # whose: Tesla, named next
    ("In the Mediterranean, the Navy postponed a port call.", False),
    ("In both cases, the victims were held up while meeting a buyer.", True),  # which cases?
    ("Other large blasts have targeted security agencies in the capital.", True),  # other than which?
    ("Other than a new couch, the set design was unchanged.", False),
    ("The same applies to other \"struggling\" English managers.", True),  # the same as what?
    ("The same document said the man took a watch from the body.", True),
    ("The Sameer family said the house was sold.", False),
    # an office as a subject with its holder's name lost in the scrape: no sentence, as a point or a lede
    ("Despite no breakthroughs in Geneva, US Secretary of State said on Friday that both sides are on a path.", True),
    ("Officials said the body of an adult male was found on Saturday.", False),  # a group: nobody's name is lost
    ("If the vote passes, the law takes effect in May.", False),
    ("For breaking news, features and analysis from India, follow WSJ India on Facebook.", True),
    ("Follow her on Twitter @LCStansberry.", True),
    ("Defend yourself against winter infections - superior to echinacea.", True),  # an advertisement
    ("Fans follow the band on Twitter more than on any other site, the label said.", False),  # "follow" as news
    # "that" opens what was said
    ("The EU spokesman confirmed that on Sunday the talks would resume in Geneva.", False),
    ("(Jurvetson has taken leave from Tesla after being accused of sexual harassment.)", True),  # an aside
    ("(This story has been updated with comments from the plaintiff's attorney.)", True),  # an editor's note
    ("(The board) said on Friday it would meet again (in May).", False),  # the first bracket closes early
])
def test_an_instruction_or_an_unnamed_subject_is_never_a_point(text, prompt):
    assert cannot_stand_alone(text) is prompt


@pytest.mark.parametrize(("text", "addressed"), [
    ("In anticipation of the hearing, let's take a look at O.J. Simpson's net worth.", True),
    ("Before the vote, let\u2019s recall what the bill does.", True),
    ('Warren told the hearing on Tuesday: "So, let\'s do that."', False),  # inside a quotation, a speaker's words
    ("The FBI's letters were sent to the board on Monday.", False),  # named: "The letters were ..." names nothing
    ("More than likely, you've been sent a request or two to help fund a worthy cause.", True),  # a contraction
    ("If you're flying this week, expect longer lines at the gate.", True),
    ('Trump told the contestant on Monday: "You\'re fired."', False),  # a speaker's words
])
def test_a_sentence_that_invites_the_reader_along_may_not_lead(text, addressed):
    assert may_lead(text) is not addressed


def test_an_opening_besides_leans_on_what_was_said_before():
    assert not may_lead("Besides stating that the hikers were captured in Iraq, the report also said they were warned.")
    assert may_lead("Iranian authorities have delayed the trial of two Americans arrested near the Iraqi border.")


@pytest.mark.parametrize(("text", "appeal"), [
    ("Anyone with information about the investigation is asked to call Lt. Kevin Graham at 910-671-3100.", True),
    ("Anyone with information in reference to this incident is encouraged to contact the Odessa Police.", True),
    ("Those who have information should contact Crime Stoppers.", True),
    ("Anyone with a ticket bought in Ohio should check the numbers, the lottery said.", False),
    ("Witnesses said the car was red and drove off toward the highway.", False),
])
def test_an_appeal_to_the_public_for_information_is_told_from_news(text, appeal):
    from briefer.core.rank import _APPEAL

    assert bool(_APPEAL.match(text)) is appeal


def test_the_lede_is_a_claim_some_outlet_opened_with_even_when_a_detail_scores_higher():
    detail = claim(9, 12, "a1", "a2", "a3")  # reported by three, but deep in every article
    opening = claim(0, 12, "a4")
    lede, points = select(claim_set((detail, opening), orthogonal(2)), ARTICLES, BriefSettings(words=200))
    assert lede.citations == ("a4",)
    assert [p.citations for p in points] == [("a1", "a2", "a3")]


def test_an_outlet_that_opened_with_a_claim_in_words_too_far_to_cite_still_opened_with_it():
    detail = claim(9, 12, "a1", "a2", "a3")
    opened = Sentence("a4", 0, "Word words told otherwise in the fourth outlet's opening end.", 0, 60)
    grouped = replace(detail, grouped=(*detail.sentences, opened))  # a4's sentence grouped with it, not cited
    other = claim(1, 12, "a4")
    for first, lede_citations in ((detail, ("a4",)), (grouped, ("a1", "a2", "a3"))):
        lede, _ = select(claim_set((first, other), orthogonal(2)), ARTICLES, BriefSettings(words=200))
        assert lede.citations == lede_citations


def test_a_detail_no_outlet_opened_with_does_not_displace_an_opening_lede():
    lede = cited("A bomb killed twelve people at a market in the capital on Friday.", "a1")
    text = "The market had reopened in May after a fire."
    detail = Point(text, ("a1", "a2", "a3"), tuple(Sentence(a, 7, text, 0, len(text)) for a in ("a1", "a2", "a3")))
    assert lead_with_the_most_reported(lede, [detail], ARTICLES) == (lede, [detail])


def test_a_redundancy_set_below_the_repeat_checks_floor_still_keeps_near_repeats_out():
    vectors = np.array([[1.0, 0.0, 0.0], [0.45, 0.893, 0.0], [0.0, 0.0, 1.0]], dtype=np.float32)
    claims = claim_set((claim(0, 12, "a1", "a2"), claim(1, 12, "a3"), claim(2, 12, "a4")), vectors)
    loose = BriefSettings(words=200, rank=RankWeights(redundancy=0.4))
    lede, points = select(claims, ARTICLES, loose)
    assert [lede.citations] + [p.citations for p in points] == [("a1", "a2"), ("a4",)]
    lede, points = select(claims, ARTICLES, BriefSettings(words=200))
    assert ("a3",) in [p.citations for p in points]


def test_the_same_quotation_under_a_longer_attribution_is_one_point():
    first = '"The plant will reopen when it is safe and fully inspected," Ruiz said on Friday.'
    again = ('"The plant will reopen when it is safe," said Ruiz, who has led the town since 2019 and chairs the '
             "water board.")
    other = "The water board said the plant had been inspected twice this year and passed both times."
    claims = tuple(Claim((s,), s) for s in (Sentence("a1", 0, first, 0, len(first)),
                                            Sentence("a2", 1, again, 0, len(again)),
                                            Sentence("a3", 2, other, 0, len(other))))
    # the two quotations are close enough to compare (0.6) but not near-repeats by their vectors alone (0.8)
    vectors = np.array([[1.0, 0.0, 0.0], [0.6, 0.8, 0.0], [0.0, 0.0, 1.0]], dtype=np.float32)
    lede, points = select(claim_set(claims, vectors), ARTICLES, BriefSettings(words=200))
    shown = [lede.text] + [p.text for p in points]
    assert first in shown and other in shown and again not in shown


@pytest.mark.parametrize("text", ["But he also added that the US is prepared.",
                                  "However, he said the talks would go on next week."])
def test_a_point_is_judged_as_shown_so_a_pronoun_behind_a_connective_names_nobody(text):
    from briefer.core.rank import _cannot_stand_alone

    sentence = Sentence("a1", 5, text, 0, len(text))
    assert _cannot_stand_alone(Claim((sentence,), sentence))


def test_a_lede_does_not_open_on_a_surname_its_article_gave_in_full_before():
    text = ("Dennis Hege runs a Spokane ad firm that made an opioid campaign. "
            "Hege is the CEO of DH, the firm behind the state's campaign on drugs. "
            "Gov. Kristi Noem launched the campaign on Monday to fight the meth crisis in South Dakota.")
    sentences = [Sentence("a1", k, part, text.index(part), text.index(part) + len(part))
                 for k, part in enumerate(("Dennis Hege runs a Spokane ad firm that made an opioid campaign.",
                                           "Hege is the CEO of DH, the firm behind the state's campaign on drugs.",
                                           "Gov. Kristi Noem launched the campaign on Monday to fight the meth crisis "
                                           "in South Dakota."))]
    article = Article(id="a1", text=text, outlet="Outlet 1")
    claims = tuple(Claim((s,), s) for s in sentences[1:])
    # the surname sentence scores higher (its own cluster direction and more reach), yet the named one leads
    vectors = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    reach = np.array([[1.0, 1.0, 1.0, 0.0], [1.0, 0.0, 0.0, 0.0]], dtype=np.float32)
    lede, _ = select(ClaimSet(claims, vectors, reach, ARTICLE_IDS), [article, *ARTICLES[1:]], BriefSettings(words=200))
    assert lede.text.startswith("Gov. Kristi Noem")
    # an organisation that no first name precedes, and a product after its maker, may still lead
    from briefer.core.rank import _named_before

    assert not _named_before(Sentence("a1", 1, "Netflix said it would raise prices.", 30, 66),
                             {"a1": "Shares fell on Monday morning. Netflix said it would raise prices."})
    assert _named_before(sentences[1], {"a1": text})


@pytest.mark.parametrize(("text", "elided"), [
    ("Staying on the Moon and reaching Mars, however, haven't.", True),  # its verb is in the sentence before
    ("In Cheryl Strayed's case, it seems to have.", True),
    ("Ms. Pao never responded, although she might wish she had.", False),  # a verb of its own
    ("Meteorologist Robert Ricks knew he had a job to do.", False),
])
def test_a_sentence_whose_verb_the_sentence_before_holds_cannot_stand_alone(text, elided):
    assert cannot_stand_alone(text) is elided


@pytest.mark.parametrize(("text", "verbless"), [
    ("Agustín Ross Balcony after the earthquake and tsunami.", True),  # a caption
    ("Mohammed Sidique Khan, 30, born in Pakistan, from Dewsbury.", True),  # a list's line
    ('To quote a friend, "The party\'s over and the hangover is brutal."', True),  # said by nobody named
    ("Refurbish yourself with a new connector and pay Apple for the privilege!", True),  # a command
    ("The aftershock hit central Chile on Wednesday night.", False),
    ("Most people support the plan, a survey finds.", False),
    ("The village has long been the epicenter of Irish music.", False),
])
def test_a_sentence_with_no_verb_outside_its_quotations_cannot_stand_alone(text, verbless):
    assert cannot_stand_alone(text) is verbless


@pytest.mark.parametrize(("text", "leans"), [
    ("Witnesses said both had been drinking alcohol with friends before the incident.", True),
    ("The pair were not guests of the hotel but managed to reach the rooftop anyway, sources said.", True),
    ("When asked for documentation, the 79-year-old demurred, citing privacy issues.", True),
    ("Although both were able to take up the bacteria, the cells fought back.", True),
    ("When Blinken asked whether there was any prospect of a deal, both answered there were.", True),
    ("Lavrov and Blinken met for 90 minutes, and both said the talks were useful.", False),  # named first
    ("Smith and Jones both said they would run again.", False),
    ("Both sides agreed to meet again next month.", False),  # "both" counts what it names
    ("The two countries signed the deal on Friday.", False),
    ("The couple had four children and had recently welcomed a new grandchild.", True),
])
def test_people_counted_not_named_as_a_subject_cannot_stand_alone(text, leans):
    assert cannot_stand_alone(text) is leans


@pytest.mark.parametrize(("text", "leans"), [
    ('The actor told SiriusXM, "I just remember losing a ton of respect for him."', True),
    ("In 2002, the global chocolate giant applied for a trademark in Europe for Kit Kat.", True),
    ("The New York real-estate billionaire, who boasts of a concealed carry permit, said he saw no need for it.", True),
    ('The "Sons of Anarchy" star was supposed to be at a benefit gala in Los Angeles.', True),
    ("The 19-year-old actress took to social media on Thursday evening to answer her critics.", True),
    ("The actress Jennifer Lawrence said the film would open in May.", False),  # named after what she is
    ("The actress, Jennifer Lawrence, said the film would open in May.", False),
    ("Alibaba has denied claims in a viral post that said the Chinese e-commerce giant misreported its sales.", False),
    ("Film star Tom Hanks said on Friday that the show would go on.", False),
    ("The star of the show was arrested on Friday.", False),  # what she stars in says who
    ("Seven years have passed since the giant, boxy, expensive console first arrived in stores.", False),
    ('"Both mother and baby are very well and very happy," the spokeswoman said.', True),
    ("The attorney said Cosme, who has worked with children for a dozen years, had made a mistake.", True),
    ('The Foreign Office spokesman said: "No matter what the cause, hostage-taking can never be justified."', False),
    ("The UN's top human rights official is accusing both sides of committing war crimes.", False),
])
def test_someone_called_by_what_they_are_and_not_named_cannot_stand_alone(text, leans):
    assert cannot_stand_alone(text) is leans


@pytest.mark.parametrize(("text", "leans"), [
    ("Trades resumed later that afternoon, after the company published an email to employees.", True),
    ("In December of that school year, Cruz changed, Hooper said.", True),
    ("Lott said Fields had no prior complaints against him, but his actions that day warranted his termination.", True),
    ("The band announced on January 16 that it would play at a London store that night.", False),  # that date
    ("Permits were capped in 2015, and 2,800 long-distance permits were issued that year.", False),
    ("Officials said that week-long talks would start on Monday.", False),
])
def test_a_time_told_in_a_sentence_before_cannot_stand_alone(text, leans):
    assert cannot_stand_alone(text) is leans


@pytest.mark.parametrize(("text", "leans"), [
    ("A Cook County judge ordered her held without bail on Monday.", True),
    ("The team therefore classified them as Middle Stone Age industries.", True),
    ("An arrest warrant has charged her with one count of assault with a deadly weapon.", True),
    ("The girl described her father as kind-hearted and hard-working.", False),  # her own father
    ("A judge ordered Jane Doe held without bail on Monday.", False),
    ("The mayor thanked voters for their support on Tuesday night.", False),
])
def test_him_her_or_them_as_what_the_sentences_own_subject_acts_on_cannot_stand_alone(text, leans):
    assert cannot_stand_alone(text) is leans


@pytest.mark.parametrize(("text", "leans"), [
    ("The incident marked the latest violence on the Strip since the beginning of the year.", True),
    ("The announcement comes just a day after two people were found alive.", True),
    ("The figure is the lowest since 1963, ACRO said in a statement.", True),
    ("The visit is expected to last about three hours, an official said.", True),  # Multi-News #145: whose visit?
    ("The trip comes days after British newspapers reported the adoption.", True),
    ("The study has been published in Nature.", True),
    ("The event was attended by almost 300 regional authorities.", False),  # labelled a claim
    ("The incident report was released by police on Friday.", False),  # a report, named
    ("The announcement of the merger was made by both companies on Friday.", False),  # says which
])
def test_an_event_named_only_as_the_incident_or_the_announcement_cannot_stand_alone(text, leans):
    assert cannot_stand_alone(text) is leans


@pytest.mark.parametrize(("text", "cut_off"), [
    ("Carson, who lives in suburban Chicago, told TODAY.", True),  # the end of a quotation: who, and nothing said
    ("Mumma added.", True),
    ("Sarpong said.", True),
    ("Carson told TODAY her daughter was improving.", False),
    ("Plus, most consumers have no idea they're on the lists in the first place, said Dixon.", False),
    ("The Pentagon said.", True),
    ("Lavrov said that Washington now had the initiative.", False),
    ("Hernandez exclaimed in an interview with The Post.", True),  # where it was said, and still nothing said
    ("Even Bruce Fromong, a victim in the robbery, agreed.", True),
    ("The two sides agreed in a statement to resume talks in March.", False),
])
def test_a_sentence_saying_only_who_spoke_cannot_stand_alone(text, cut_off):
    assert cannot_stand_alone(text) is cut_off


@pytest.mark.parametrize(("text", "alone"), [
    ("We've asked Microsoft to clarify how the system operates in listening mode.", False),  # the reporter
    ("I asked him whether he would run again next year.", False),
    ("We're told that Silva is still holding out and, according to her side, is taking extreme positions.", False),
    ("We've been told about times where the virtual escape key on the Touch Bar doesn't work at all.", False),
    ('"I told him we would answer in writing," Blinken said.', True),  # Blinken speaking
])
def test_the_writer_in_the_first_person_is_no_speaker(text, alone):
    from briefer.core.rank import _cannot_stand_alone

    sentence = Sentence("a1", 5, text, 0, len(text))
    assert _cannot_stand_alone(Claim((sentence,), sentence)) is not alone


def test_a_point_naming_someone_in_full_comes_before_one_that_quotes_them_by_surname():
    from briefer.core.rank import people_introduced_first

    def point(text: str) -> Point:
        return Point(text, ("a1",), (Sentence("a1", 5, text, 0, len(text)),))

    lede = point("NASA scientists have confirmed water vapor above the surface of Europa.")
    quoted = point('"We have found the next best thing: water in vapor form," Paganini added.')
    other = point("Europa is one of the solar system's best bets to host life, astrobiologists say.")
    named = point("Lucas Paganini, a NASA planetary scientist who led the work, said life needs three things.")
    assert [p.text for p in people_introduced_first(lede, [quoted, other, named])] == \
        [named.text, quoted.text, other.text]
    # named in the lede already, or never in full: the order stays
    assert people_introduced_first(point("Lucas Paganini led the study of Europa."), [quoted, named]) == [quoted, named]
    assert people_introduced_first(lede, [quoted, other]) == [quoted, other]


def _europa_brief(words: int, quoted: str = "Paganini", third: str | None = None) -> list[str]:
    """A brief of one article in ``words``: the lede, the sentence naming a speaker in full (reported by no other
    outlet: the lowest score), their quote by surname alone (by three outlets; ``quoted``: how the quote names them;
    or ``third`` in its place) and a claim (by one)."""
    parts = ("NASA scientists have confirmed water vapor above the surface of Europa.",
             "Lucas Paganini, a NASA planetary scientist, led the work with a telescope in Hawaii.",
             third or f'"We have found the next best thing: water in vapor form," {quoted} added.',
             "Europa is one of the solar system's best bets to host life, astrobiologists say.")
    text = " ".join(parts)
    sentences = [Sentence("a1", k, part, text.index(part), text.index(part) + len(part))
                 for k, part in enumerate(parts)]
    claims = tuple(Claim((s,), s) for s in sentences)
    reach = np.array([[1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 0.0],
                      [1.0, 0.0, 0.0, 0.0]], dtype=np.float32)
    article = Article(id="a1", text=text, outlet="Outlet 1")
    lede, points = select(ClaimSet(claims, orthogonal(4), reach, ARTICLE_IDS), [article, *ARTICLES[1:]],
                          BriefSettings(words=words))
    return [lede.text, *(p.text for p in points)]


def test_a_quote_by_surname_alone_is_shown_only_when_the_page_says_who_is_speaking():
    # room for the lede and two more: the quote scores next, but no line of the page would say who Paganini is
    shown = _europa_brief(words=32)
    assert not any("Paganini added" in text for text in shown)
    assert any(text.startswith("Europa is one") for text in shown)  # the next claim takes its place
    # room for all: the sentence naming him is on the page, and it comes before his quote
    shown = _europa_brief(words=200)
    assert shown[1].startswith("Lucas Paganini, a NASA planetary scientist")
    assert shown[2].startswith('"We have found the next best thing')


@pytest.mark.parametrize("third", ["Paganini's team made 17 observations with the Keck telescope.",
                                   "Paganini is a planetary scientist at the Goddard Space Flight Center."])
def test_a_point_opening_on_a_surname_is_shown_only_when_the_page_says_who_that_is(third):
    # "Hege is the CEO of DH, the Spokane advertising ... firm" on a page that never names Dennis Hege (the real day)
    shown = _europa_brief(words=32, third=third)
    assert third not in shown
    shown = _europa_brief(words=200, third=third)
    assert shown[1].startswith("Lucas Paganini, a NASA planetary scientist") and shown[2] == third


@pytest.mark.parametrize("quoted", ["Dr. Paganini", "Mr Paganini", "Professor Paganini"])
def test_a_title_before_a_surname_does_not_say_who_is_speaking(quoted):
    # "Ms. Hamlin wrote" on a page that never says who Suzanne Hamlin is (Multi-News #45) names no one in full
    shown = _europa_brief(words=32, quoted=quoted)
    assert not any(f"{quoted} added" in text for text in shown)


@pytest.mark.parametrize(("text", "alone"), [
    ("But she told how she has still been allowed to have sex with him during prison visits.", False),
    ('"We don\'t trust the regime anymore," he said in a phone interview.', False),
    ("And so, using computers, history and his fellow forecasters, he sat down to write.", False),
    # named first, brought in by a determiner, or named after the opening phrases that hold the pronoun
    ("Lavrov said during the meeting he did not expect a breakthrough.", True),
    ("A man is in custody after two of his neighbors were found fatally shot early Sunday.", True),
    ("The pope said he invokes God's peace upon the dead.", True),
    ("In 1997, two years after his acquittal, Simpson was found liable for the deaths of Brown and Goldman.", True),
    ('"Juice," as he was known in his heyday, said associates misled him.', False),  # a nickname in quotes names no one
    # who said it is not who "he" is
    ("Without help he is still about 90% deaf, but he can hear the birds, David Sorkin, his father, said.", False),
    ("Once inside, she placed the iPhones in a box and left the store, Fairfax County police said.", False),
    ("After his arrest, Smith told reporters he was innocent, his lawyer said.", True),  # named before the closing
])
def test_he_or_she_before_anyone_it_could_be_cannot_stand_alone(text, alone):
    from briefer.core.rank import _cannot_stand_alone

    sentence = Sentence("a1", 5, text, 0, len(text))
    assert _cannot_stand_alone(Claim((sentence,), sentence)) is not alone


def test_the_lede_is_the_opening_sentence_its_title_retells_and_a_question_is_no_such_title():
    from briefer.pipeline import build_brief
    from tests.conftest import make_article

    text = ("Despite what the jeers of jaded Californians might suggest, toppled lawn chairs were not the worst of the "
            "damage from Tuesday's earthquake on the East Coast. The Washington Monument was closed indefinitely after "
            "the magnitude-5.8 earthquake cracked it near its peak. Engineers will inspect the "
            "stone from a basket lowered from the top of the monument next week.")
    titled = make_article("a1", text, title="Washington Monument closes to repair earthquake crack")
    assert build_brief([titled], BriefSettings(words=80)).lede.text.startswith("The Washington Monument was closed")
    untitled = make_article("a1", text)
    assert build_brief([untitled], BriefSettings(words=80)).lede.text.startswith("Despite what the jeers")
    asked = make_article("a1", text, title="Did the Washington Monument close over an earthquake crack?")
    assert build_brief([asked], BriefSettings(words=80)).lede.text.startswith("Despite what the jeers")


@pytest.mark.parametrize(("text", "chosen", "repeat"), [
    # most of its words, with the number that singles out the fact
    ("The business, a WinCo supermarket, is located in the 700 block of West Avenue K in Lancaster.",
     "Detectives responded to a WinCo Foods store in the 700 block of West Avenue K at about 2:40 p.m.", True),
    # a shared threshold is no fact of its own: a projection for 2030 is news beside today's figure
    ("By 2030, nearly one in four rectal tumors and more than one in 10 colon cancers will be diagnosed in people "
     "under 50, researchers estimate.",
     "One in seven colon and rectal cancers in the U.S. are now diagnosed in patients younger than age 50.", False),
    # a year is no such number; nor is the opening before who said it all that is reported
    ("In 2016, Yeezy tweeted that he was in debt.", "In 2016, Kanye West declared he was broke.", False),
])
def test_a_point_that_shares_a_singular_number_and_most_words_with_a_chosen_oneadds_nothing(text, chosen, repeat):
    from briefer.core.rank import adds_nothing

    assert adds_nothing(text, chosen) is repeat


TOLD_SHORT = ("The trek will feature members Tom Johnston, Patrick Simmons, John McFee and McDonald together for the first "
              "time in 25 years.")
TOLD_IN_FULL = ("Singer-guitarists Tom Johnston and Patrick Simmons, singer-keyboardist McDonald, and multi-instrumentalist "
                "John McFee will tour together for the first time in nearly 25 years during the trek, which kicks off "
                "June 9th in West Palm Beach, Florida.")


def told(text: str, index: int, *article_ids: str) -> Claim:
    sentences = tuple(Sentence(a, index, text, 0, len(text)) for a in article_ids)
    return Claim(sentences=sentences, representative=sentences[0])


def chosen_texts(lede_text: str, shorter: str, fuller: str) -> list[str]:
    """What the ranker shows of a lede, a shorter point more outlets carry and a fuller one close to it (cosine 0.7)."""
    vectors = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.7, 0.714]], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    claims = claim_set((told(lede_text, 0, "a1", "a2", "a3", "a4"), told(shorter, 4, "a2", "a3"),
                        told(fuller, 6, "a1")), vectors)
    lede, points = select(claims, ARTICLES, BriefSettings(words=200))
    return [lede.text, *(p.text for p in points)]


def test_a_point_that_tells_a_chosen_one_in_full_takes_its_place():
    lede = "The Doobie Brothers will unite with Michael McDonald for a 50th anniversary tour in 2020."
    assert chosen_texts(lede, TOLD_SHORT, TOLD_IN_FULL) == [lede, TOLD_IN_FULL]


def test_a_point_that_tells_the_lede_in_full_is_left_out():
    short = ("Tom Johnston, Patrick Simmons, John McFee and Michael McDonald will tour together for the first time in "
             "25 years.")
    vectors = np.array([[1.0, 0.0], [0.7, 0.714]], dtype=np.float32)
    claims = claim_set((told(short, 0, "a1", "a2", "a3"), told(TOLD_IN_FULL, 6, "a4")), vectors)
    lede, points = select(claims, ARTICLES, BriefSettings(words=200))
    assert lede.text == short and points == []


@pytest.mark.parametrize(("shorter", "fuller"), [
    # a long name the two share
    ("The Los Angeles County Sheriff's Department is leading the death investigation.",
     "The body was in a state of decomposition and the person's gender was unknown at the time, according to Lt. John "
     "Corina with the Los Angeles County Sheriff's Department."),
    # a day the shorter one names and the fuller one does not: another day's rocket
    ("Tel Aviv was not hit on Thursday.",
     "Israel said the rocket launched toward Jerusalem landed in the occupied West Bank, and the one fired at Tel Aviv "
     "did not hit the city."),
])
def test_a_point_that_does_not_tell_a_chosen_one_in_full_leaves_it_in_place(shorter, fuller):
    lede = "Detectives removed a decomposing body that was found inside a column at a supermarket in Lancaster."
    assert chosen_texts(lede, shorter, fuller) == [lede, shorter, fuller]


@pytest.mark.parametrize(("text", "writer"), [
    ('Snap has now closed that pop-up, and tells me "Snapbots will continue to land in surprising locations."', True),
    ("Before the hearing, Herman tells me of a little girl who had been abused.", True),
    ("Judging by logbooks and my own observations, the count is close to 50.", True),
    ('"Give me a chance," Smith told the court on Monday.', False),  # the speaker's words, in quotation marks
    ('Now the question is what camera this "Camera Company" will release next.', True),  # the writer wondering
    ("Whether elite customers now filter more evenly into the boarding groups remains to be seen.", True),
    ('"Time will tell," the coach said after the loss.', False),  # someone's words
    ("Of course, the Wolfman was always the poor relation of the Universal Studio horror crew.", True),  # a stance
    ("Fortunately, business managers and customers are not stupid.", True),
    ("Clearly marked exits were blocked, the fire marshal said.", False),  # an adverb of the subject, not a stance
    ("But it should be noted that unlimited time off policies can have their pitfalls.", True),
    ("Judge Amy Berman said the objection should be noted in the court record.", False),
    ("Turns out, a soda tax went into effect in Seattle and people are not drinking the Kool-Aid on this one.", True),
    ("As it turns out, the jackpot had already been claimed in Ohio.", True),
    ("Turnout was low in the northern provinces, officials said.", False),
    ("Unsurprisingly, opening a business account is also a gateway to buying ads.", True),
    ("Given the company's customer service woes of late, it's not surprising that it has problems.", True),
    ('Foreign Minister Ayman Safadi said: "It is no surprise that the talks failed."', False),  # someone's words
    ("Surprising many analysts, the central bank raised rates on Thursday.", False),
    ("Smith told the court on Monday that she would appeal the ruling.", False),
])
def test_the_writer_speaking_in_person_or_wondering_outside_quotations_cannot_stand_alone(text, writer):
    assert cannot_stand_alone(text) is writer
