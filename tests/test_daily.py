"""The daily page: stories ranked and briefed with exact citations, a shared budget, no duplicates, day over day."""

import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefer.cli import app
from briefer.daily.day import (
    DUPLICATE_COSINE,
    Briefed,
    DailySettings,
    Story,
    Today,
    build_day,
    compose,
    lead,
    mark,
    outlet_names,
    previous_page,
    render_page,
    retitled,
    write_day,
)
from briefer.backends.embed import LexicalEmbedder
from briefer.errors import InputError
from briefer.daily.page import PreviousPage
from briefer.ingest.feeds import Gathered, gather
from briefer.pipeline import build_brief
from briefer.daily.stories import cluster_stories
from briefer.types import Article, Brief, Point, Sentence

runner = CliRunner()

GENEVA = [
    ("reuters.com", "Blinken and Lavrov hold talks in Geneva over Ukraine",
     "US Secretary of State Antony Blinken met Russian Foreign Minister Sergey Lavrov in Geneva on Friday. "
     "The talks lasted about ninety minutes and ended without a breakthrough. "
     "Blinken said the United States would send written answers to Russia's security demands next week. "
     "Lavrov said Moscow had no plans to attack Ukraine."),
    ("apnews.com", "Blinken, Lavrov meet in Geneva as Ukraine fears grow",
     "Antony Blinken and Sergey Lavrov met in Geneva on Friday for talks on Ukraine. "
     "The meeting lasted about ninety minutes and produced no breakthrough. "
     "Blinken said Washington would give Russia written answers to its security demands next week. "
     "Western officials fear Russia may invade Ukraine."),
    ("bbc.co.uk", "Geneva talks: Blinken and Lavrov agree to keep talking",
     "US Secretary of State Antony Blinken and Russian Foreign Minister Sergey Lavrov met in Geneva on Friday. "
     "Lavrov said Moscow had no plans to attack Ukraine. "
     "Both sides agreed to keep talking after the ninety minute meeting. "
     "Russia has massed about 100,000 troops near the Ukrainian border."),
    ("thehill.com", "Blinken meets Lavrov in Geneva amid Ukraine tension",
     "Blinken met Lavrov in Geneva on Friday amid tension over Ukraine. "
     "Russia has massed about 100,000 troops near the Ukrainian border. "
     "Blinken said the United States would send written answers to Russia's security demands next week. "
     "The talks ended without a breakthrough."),
]
QUAKE = [
    ("reuters.com", "Strong earthquake strikes off Sumatra",
     "A strong earthquake of magnitude 6.2 struck off the coast of Sumatra on Friday. "
     "The quake collapsed several buildings in the city of Padang. "
     "Rescuers searched the rubble for survivors through the night. "
     "No tsunami warning was issued."),
    ("apnews.com", "Quake collapses buildings in Padang",
     "An earthquake of magnitude 6.2 struck off Sumatra on Friday and collapsed several buildings in Padang. "
     "Rescuers searched the rubble for survivors. "
     "Officials said no tsunami warning was issued. "
     "Aftershocks rattled the coast for hours."),
    ("aljazeera.com", "Sumatra earthquake: rescuers search rubble in Padang",
     "Rescuers in Padang searched the rubble for survivors after a magnitude 6.2 earthquake struck off Sumatra. "
     "The quake collapsed several buildings in the city. "
     "Aftershocks rattled the coast for hours. "
     "Hospitals in Padang treated dozens of injured people."),
]
BUDGET = [
    ("publico.pt", "Portuguese parliament passes budget after coalition deal",
     "The Portuguese parliament in Lisbon passed the budget on Friday after a coalition deal on pensions. "
     "The opposition abstained in the vote. "
     "The finance minister said the deficit would fall below three percent next year."),
    ("publico.pt", "Lisbon budget vote: what the coalition agreed on pensions",
     "The coalition agreed to raise pensions by two percent under the budget passed in Lisbon on Friday. "
     "The finance minister said the deficit would fall below three percent next year. "
     "Public sector pay will rise by one percent."),
]
ZOO = [
    ("localnews.example", "Zoo welcomes a baby giraffe",
     "The city zoo welcomed a baby giraffe on Friday morning. "
     "Keepers said the calf was healthy and already standing. "
     "The zoo will hold a contest to name the calf next month."),
]
DAY = "2022-01-21"


def article_file(host: str, title: str, text: str, number: int, day: str = DAY) -> str:
    return f"{title}\n{day}\nhttps://www.{host}/news/{number}\n\n{text}\n"


def write_day_folder(folder: Path, stories: dict[str, list], *, day: str = DAY, flat: bool = True) -> Path:
    """Article files of each story, flat in ``folder`` (unclustered) or one sub-folder per story (clustered)."""
    folder.mkdir(parents=True, exist_ok=True)
    number = 0
    for name, articles in stories.items():
        for host, title, text in articles:
            number += 1
            target = folder if flat else folder / name
            target.mkdir(exist_ok=True)
            (target / f"{name}-{number:03}.txt").write_text(article_file(host, title, text, number, day))
    return folder


@pytest.fixture()
def day_folder(tmp_path: Path) -> Path:
    return write_day_folder(tmp_path / "day", {"geneva": GENEVA, "quake": QUAKE, "budget": BUDGET, "zoo": ZOO})


@pytest.fixture()
def lexical() -> LexicalEmbedder:
    return LexicalEmbedder()


def headlines(page: dict) -> list[str]:
    return [s["headline"] for s in page["stories"]]


def test_stories_come_back_ranked_by_outlets_with_the_citations_build_brief_made(day_folder, lexical):
    gathered = gather(day_folder)
    settings = DailySettings(words=2000)
    day = build_day(gathered, settings, embedder=lexical)
    page = day.page.to_dict()
    assert [s["articles"] for s in page["stories"]] == [4, 3, 2, 1]
    assert [len(s["outlets"]) for s in page["stories"]] == [4, 3, 1, 1]
    assert "Geneva" in page["stories"][0]["headline"] and "Padang" in json.dumps(page["stories"][1])
    for story in page["stories"]:
        brief = day.story_briefs[Path(story["file"]).stem]
        fresh = build_brief(brief.articles, settings.brief, embedder=lexical)  # the pure per-story function
        expected = {p.text: p.citations for p in (fresh.lede, *fresh.points)}
        assert 1 <= len(story["points"]) <= 4
        for point in story["points"]:
            assert tuple(point["citations"]) == expected[point["text"]]
            for evidence in point["evidence"]:
                cited = brief.article(evidence["article_id"])
                assert cited.text[evidence["start"]:evidence["end"]] == evidence["text"]
            assert {s["id"] for s in point["sources"]} <= {s["id"] for s in story["sources"]}
    assert page["counts"] == {"articles": 10, "stories": 4, "outlets": 7}


def test_the_page_budget_is_shared_two_points_each_first(day_folder, lexical):
    gathered = gather(day_folder)
    roomy = build_day(gathered, DailySettings(words=2000), embedder=lexical)
    tight = build_day(gathered, DailySettings(words=100), embedder=lexical)
    assert tight.page.to_dict()["words"] <= 100 < roomy.page.to_dict()["words"]
    # Every story has its two points before any has a third (the check below: no further point would have fitted).
    assert all(len(s["points"]) >= 2 for s in tight.page.to_dict()["stories"])
    assert len(tight.page.to_dict()["stories"]) < len(roomy.page.to_dict()["stories"])
    moved = {a["headline"] for a in tight.page.to_dict()["also_reported"]}
    assert set(headlines(roomy.page.to_dict())) - set(headlines(tight.page.to_dict())) <= moved
    # Nothing that was left out would have fitted: the next point of every story is over what remains.
    left = 100 - tight.page.to_dict()["words"]
    for story in tight.page.to_dict()["stories"]:
        brief = tight.story_briefs[Path(story["file"]).stem]
        following = (brief.lede, *brief.points)[len(story["points"]):]
        assert not following or following[0].words > left
    assert max(len(s["points"]) for s in roomy.page.to_dict()["stories"]) == 4


def test_the_best_story_is_shown_even_over_a_tiny_budget(day_folder, lexical):
    page = build_day(gather(day_folder), DailySettings(words=10), embedder=lexical).page.to_dict()
    assert len(page["stories"]) == 1 and "Geneva" in page["stories"][0]["headline"]


def test_stories_beyond_the_page_go_to_also_reported_with_their_outlets(day_folder, lexical):
    page = build_day(gather(day_folder), DailySettings(stories=2, also=5), embedder=lexical).page.to_dict()
    assert len(page["stories"]) == 2
    also = page["also_reported"]
    assert [a["articles"] for a in also] == [2, 1]
    assert also[0]["outlets"] == ["publico.pt"] and also[0]["sources"][0]["url"].startswith("https://www.publico.pt")
    assert all(a["headline"] for a in also)


def test_the_same_story_in_two_folders_is_one_story_on_the_page(tmp_path, lexical):
    folder = write_day_folder(tmp_path / "day", {"geneva-1": GENEVA[:2], "geneva-2": GENEVA[2:], "quake": QUAKE},
                              flat=False)
    gathered = gather(folder)
    page = build_day(gathered, DailySettings(), embedder=lexical).page.to_dict()
    assert [s["articles"] for s in page["stories"]] == [4, 3]

    # Given stories are never merged by clustering: it is the post-check that folds the duplicate in.
    articles = gathered.articles
    today = Today(day=DAY, articles=articles, outlet_keys=tuple(f"o{i}" for i in range(len(articles))),
                  clustered=cluster_stories(articles, gathered.stories))
    ranked = today.rank()
    assert len(ranked) == 3
    assert today.clustered.similarity((0, 1), (2, 3)) >= DUPLICATE_COSINE  # by their words, not titles
    assert len(today.merge_duplicates(ranked, window=0)) == 3
    assert len(today.merge_duplicates(ranked, window=10)) == 2


def test_stories_with_near_identical_titles_are_merged(lexical):
    articles = tuple(Article(id=f"a{i}", text=text, title=title, url=f"https://o{i}.example.com/{i}")
                     for i, (title, text) in enumerate([
                         ("Zoo welcomes a baby giraffe", "Keepers at the city zoo were delighted on Friday."),
                         ("Zoo welcomes baby giraffe", "A calf was born overnight, the animal park said."),
                     ]))
    today = Today(day=DAY, articles=articles, outlet_keys=("o0", "o1"),
                  clustered=cluster_stories(articles, ["x", "y"]))
    assert today.clustered.similarity([0], [1]) < DUPLICATE_COSINE  # not by their words: by their titles
    assert len(today.merge_duplicates(today.rank(), window=5)) == 1


def test_stories_under_one_site_name_for_a_title_are_not_merged_by_it(lexical):
    # L3S-GN1, 2008-01-14: two reports of one site, each titled "Nothing Inside But Sport", were one story.
    articles = tuple(Article(id=f"a{i}", text=text, title="Nothing Inside But Sport") for i, text in enumerate([
        "Allardyce started his managerial career at Blackpool and moved on to Notts County after two seasons.",
        "The 30-year-old Denmark international has overcome a mountain of injury problems at Villa this season.",
    ]))
    clustered = cluster_stories(articles, ["x", "y"])
    assert clustered.site_titles == {"Nothing Inside But Sport"}
    assert [a.title for a in retitled(articles, clustered.site_titles)] == [None, None]  # no headline of their own
    today = Today(day=DAY, articles=retitled(articles, clustered.site_titles), outlet_keys=("o0", "o1"),
                  clustered=clustered)
    assert len(today.merge_duplicates(today.rank(), window=5)) == 2
    # A page whose text opens on its own headline is headed by it.
    page = replace(articles[0], text="Allardyce's career from Blackpool to Notts County\n" + articles[0].text)
    assert retitled([page], clustered.site_titles)[0].title == "Allardyce's career from Blackpool to Notts County"


def test_stories_under_a_section_name_for_a_title_are_not_duplicates_by_it(lexical):
    # L3S-GN1, 2008-01-01: two NBA reports of one site, each titled "NBA", a preview and another game's result.
    articles = tuple(Article(id=f"a{i}", text=text, title="NBA") for i, text in enumerate([
        "The woeful Minnesota Timberwolves attempt to put the brakes on a three-game losing streak in Phoenix.",
        "Jason Richardson scored 25 points as Charlotte eased past the New Jersey Nets, 115-99.",
    ]))
    today = Today(day=DAY, articles=articles, outlet_keys=("o0", "o1"), clustered=cluster_stories(articles, ["x", "y"]))
    assert len(today.merge_duplicates(today.rank(), window=5)) == 2


def test_date_filter_keeps_undated_articles_and_reports_counts_once(tmp_path, lexical):
    folder = write_day_folder(tmp_path / "day", {"geneva": GENEVA, "quake": QUAKE})
    (folder / "yesterday.txt").write_text(article_file("bbc.co.uk", "Old news", "Something happened.", 99,
                                                       "2022-01-20"))
    (folder / "undated-1.txt").write_text("Undated story\n\nThe zoo welcomed a baby giraffe on Friday.\n")
    (folder / "undated-2.txt").write_text("Another undated\n\nKeepers said the calf was healthy.\n")
    day = build_day(gather(folder), DailySettings(date=DAY), embedder=lexical)
    assert day.page.to_dict()["counts"]["articles"] == 9
    assert "2 of 10 articles have no date: kept as news of 2022-01-21" in day.warnings
    assert "1 article dated other days than 2022-01-21: left out" in day.warnings
    assert sum("no date" in w for w in day.warnings) == 1

    dated_only = write_day_folder(tmp_path / "dated", {"geneva": GENEVA})
    with pytest.raises(InputError, match="no articles dated 2022-02-02 among the 4 read .they are dated 2022-01-21"):
        build_day(gather(dated_only), DailySettings(date="2022-02-02"), embedder=lexical)


def test_an_archive_of_many_days_leaves_its_undated_articles_out_of_a_day(tmp_path, lexical):
    # L3S-GN1: 609 pages over 75 days, one undated digest page, which was "Also reported" on 14 of the 19 days read.
    folder = write_day_folder(tmp_path / "archive", {"geneva": GENEVA})
    for number, day in enumerate(["2022-01-10", "2022-01-11", "2022-01-12", "2022-01-13", "2022-01-14"]):
        (folder / f"old-{number}.txt").write_text(article_file("bbc.co.uk", f"Old news {number}",
                                                               "Something happened that day.", 90 + number, day))
    (folder / "digest.txt").write_text("Evening digest\n\nSamsung signs a deal to bring the web to TV sets.\n")
    day = build_day(gather(folder), DailySettings(date=DAY), embedder=lexical)
    assert day.page.to_dict()["counts"]["articles"] == len(GENEVA)
    assert ("1 of 10 articles have no date: left out, since most of the dated ones are of other days than 2022-01-21 "
            "and they could be any day's news") in day.warnings
    assert "5 articles dated other days than 2022-01-21: left out" in day.warnings
    assert not any("Samsung" in str(entry) for entry in day.page.to_dict()["also_reported"])


def test_a_day_of_one_story_still_makes_a_page_and_says_so(tmp_path, lexical):
    folder = write_day_folder(tmp_path / "day", {"geneva": GENEVA})
    day = build_day(gather(folder), embedder=lexical)
    assert len(day.page.to_dict()["stories"]) == 1 and day.page.to_dict()["also_reported"] == []
    assert any(w.startswith("only one story in the 4 articles") for w in day.warnings)


def test_a_day_with_nothing_readable_is_bad_input(lexical):
    gathered = Gathered(articles=(), stories=(), problems=("x.txt: file is empty; skipped", "y.rss: not a feed"))
    with pytest.raises(InputError, match=r"no readable article in the input: x.txt: file is empty \(and 1 more problem\)$"):
        build_day(gathered, embedder=lexical)


def test_a_big_story_is_briefed_from_its_central_articles_one_per_outlet_first_each_cut_to_its_lead():
    core = "Rescuers searched the rubble in Padang after the Sumatra earthquake collapsed buildings."
    texts = [core + " More detail follows here. And even more detail follows after that."] * 4
    texts.append("Padang earthquake: a quieter report on rescuers and rubble. It goes on for a while longer.")
    articles = tuple(Article(id=f"x{i}", text=t, outlet="Same Wire" if i < 4 else "Other Paper",
                             url=f"https://e{i}.example.com/") for i, t in enumerate(texts))
    today = Today(day=DAY, articles=articles, outlet_keys=tuple(a.outlet for a in articles),
                  clustered=cluster_stories(articles, ["s"] * 5))
    (story,) = today.rank()
    chosen = today.story_articles(story, limit=2, lead_words=14)
    assert [a.id for a in chosen] == ["a1", "a2"] and {a.outlet for a in chosen} == {"Same Wire", "Other Paper"}
    assert chosen[0].text == core and chosen[1].text == "Padang earthquake: a quieter report on rescuers and rubble."
    assert len(today.story_articles(story, limit=0)) == 5


def test_lead_keeps_whole_sentences_within_the_word_limit():
    text = "One two three. Four five six.\nSeven eight nine ten. Eleven."
    assert lead(text, 0) == text and lead(text, 100) == text
    assert lead(text, 2) == "One two three."  # never less than the first sentence
    assert lead(text, 8) == "One two three. Four five six."
    assert lead(text, 10) == "One two three. Four five six.\nSeven eight nine ten."


# --- composing the page ----------------------------------------------------------------------------------------

def fake_briefed(headline: str, point_words: list[int], status: str = "new", rows=(0,)) -> Briefed:
    points = []
    for k, words in enumerate(point_words):
        text = " ".join(["word"] * words)
        sentence = Sentence("a1", k, text, 0, len(text))
        points.append(Point(text=text, citations=("a1",), evidence=(sentence,)))
    brief = Brief(headline=headline, lede=points[0], points=tuple(points[1:]),
                  articles=(Article(id="a1", text="x"),))
    story = Story(rows=tuple(rows), outlets=("o",), newest=None, score=1.0)
    return Briefed(story=story, brief=brief, status=status, new_points=(True,) * len(point_words))


def briefed_with_points(headline: str, texts: list[str]) -> Briefed:
    """A story whose lede and points are ``texts``, each chosen in the order given."""
    points = [Point(text=t, citations=("a1",), evidence=(Sentence("a1", k, t, 0, len(t)),), chosen=k)
              for k, t in enumerate(texts)]
    item = fake_briefed(headline, [10])
    return replace(item, brief=replace(item.brief, lede=points[0], points=tuple(points[1:])),
                   new_points=(True,) * len(texts))


def test_compose_gives_two_points_each_then_thirds_and_fourths_in_rank_order():
    stories = [fake_briefed("one two", [10, 10, 10, 10]), fake_briefed("three four", [10, 10, 10, 10]),
               fake_briefed("five six", [10, 10, 10])]
    shown, rest = compose(stories, stories=6, words=3 * 22 + 10 + 10)
    assert [count for _, count in shown] == [3, 3, 2] and rest == []
    shown, rest = compose(stories, stories=2, words=1000)
    assert [count for _, count in shown] == [4, 4] and rest == [stories[2]]
    shown, rest = compose(stories, stories=6, words=45)
    assert [count for _, count in shown] == [2, 2] and rest == [stories[2]]


def test_compose_counts_an_updates_new_points_first_as_the_page_shows_them():
    update = replace(fake_briefed("one two", [30, 5, 5, 40]), status="update", new_points=(False, False, True, True))
    assert update.page_order == [2, 3, 0, 1]
    shown, _ = compose([update], stories=6, words=2 + 5 + 40 + 30)
    assert shown == [(update, 3)]  # new 5 and 40 words first, then the 30-word lede; the 5-word point is over


def test_a_story_shows_the_points_its_ranker_chose_first_not_the_first_told():
    item = fake_briefed("one two", [10, 10, 10, 10])
    chosen = [replace(p, chosen=order) for p, order in zip(item.brief.points, (3, 1, 2))]
    item = replace(item, brief=replace(item.brief, points=tuple(chosen)))
    assert item.page_order == [0, 2, 3, 1]
    shown, _ = compose([item], stories=6, words=2 + 10 + 10)
    assert [item.points[k].chosen for k in item.page_order[:shown[0][1]]] == [0, 1]


def test_a_story_shows_who_someone_is_before_their_quote_by_surname():
    texts = ["NASA scientists have confirmed water vapor above the surface of Europa.",
             '"We have found the next best thing: water in vapor form," Paganini added.',
             "Europa is one of the solar system's best bets to host life, astrobiologists say.",
             "Lucas Paganini, a NASA planetary scientist, led the work with a telescope in Hawaii."]
    item = briefed_with_points("Water vapor on Europa", texts)
    # chosen first, the quote would be the page's second line with no word on who Paganini is
    assert item.page_order == [0, 3, 1, 2]


def test_a_story_shows_the_days_news_before_a_point_that_opens_on_an_earlier_year():
    texts = ["Kim Jong-nam was killed by a highly toxic nerve agent, Malaysia says.",
             "In 1994 and 1995, the Japanese cult Aum Shinrikyo used homemade VX to attack three people.",
             "Mr Kim died last week after two women accosted him in a check-in hall at the airport.",
             "In 2017, North Korea will face new sanctions, officials said."]
    item = briefed_with_points("Kim Jong-nam killed", texts)
    assert item.page_order == [0, 2, 1, 3]  # undated: every opening year is background, in the order chosen
    dated = replace(item, story=replace(item.story, newest="2017-02-24"))
    assert dated.page_order == [0, 2, 3, 1]  # the story's own year is news


def test_compose_never_puts_an_ongoing_story_on_the_page():
    stories = [fake_briefed("old", [10, 10], status="ongoing"), fake_briefed("fresh", [10, 10])]
    shown, rest = compose(stories, stories=6, words=1000)
    assert [item.brief.headline for item, _ in shown] == ["fresh"] and rest == [stories[0]]


# --- day over day ----------------------------------------------------------------------------------------------

def story_brief(articles_of_story, lexical) -> Briefed:
    articles = tuple(Article(id=f"a{i}", text=text, title=title, url=f"https://www.{host}/news/{title[:5]}",
                             date=DAY) for i, (host, title, text) in enumerate(articles_of_story, start=1))
    brief = build_brief(articles, embedder=lexical)
    story = Story(rows=tuple(range(len(articles))), outlets=tuple(a[0] for a in articles_of_story), newest=DAY,
                  score=1.0)
    return Briefed(story=story, brief=brief)


def page_with(briefed: Briefed) -> PreviousPage:
    from briefer.publish.render import brief_to_dict

    data = brief_to_dict(briefed.brief)
    return PreviousPage.from_json({"kind": "daily", "date": "2022-01-20", "also_reported": [], "stories": [{
        "headline": data["headline"], "points": [data["lede_detail"], *data["points"]],
        "outlets": list(briefed.story.outlets),
        "sources": [{"url": a["url"], "title": a["title"], "outlet": a["outlet"]} for a in data["articles"]],
    }]})


def test_a_story_seen_yesterday_with_nothing_new_is_ongoing(lexical):
    today = story_brief(GENEVA, lexical)
    marked = mark(today, page_with(today))
    assert marked.status == "ongoing" and not any(marked.new_points)


def test_a_story_seen_yesterday_with_new_facts_is_an_update_that_says_what_changed(lexical):
    yesterday = story_brief(GENEVA[:2], lexical)
    marked = mark(story_brief(GENEVA, lexical), page_with(yesterday))
    assert marked.status == "update" and any(marked.new_points) and not all(marked.new_points)
    count = sum(marked.new_points)
    assert marked.changes[0] == f"{count} new point{'s' if count != 1 else ''}"
    assert marked.changes[1] == "now also reported by bbc.co.uk, thehill.com"


def test_a_story_not_on_yesterdays_page_is_new(lexical):
    marked = mark(story_brief(QUAKE, lexical), page_with(story_brief(GENEVA, lexical)))
    assert marked.status == "new" and all(marked.new_points)
    assert mark(story_brief(QUAKE, lexical), None).status == "new"


def test_the_previous_page_is_the_newest_earlier_day(tmp_path):
    for name, page in [("2022-01-19", {"kind": "daily", "stories": [], "date": "2022-01-19"}),
                       ("2022-01-20", {"kind": "daily", "stories": [], "date": "2022-01-20"}),
                       ("2022-01-21", {"kind": "daily", "stories": [], "date": "2022-01-21"})]:
        (tmp_path / name).mkdir()
        (tmp_path / name / "brief.json").write_text(json.dumps(page))
    (tmp_path / "notes").mkdir()
    warnings: list[str] = []
    assert previous_page(tmp_path, "2022-01-21", warnings).date == "2022-01-20"
    assert previous_page(tmp_path, "2022-01-19", warnings) is None
    (tmp_path / "2022-01-20" / "brief.json").write_text("{broken")
    assert previous_page(tmp_path, "2022-01-21", warnings) is None
    assert len(warnings) == 1 and "every story is marked new" in warnings[0]
    assert previous_page(tmp_path / "missing", "2022-01-21", warnings) is None


# --- writing and rendering -------------------------------------------------------------------------------------

def test_writing_the_day_and_rewriting_it_replaces_every_file(day_folder, tmp_path, lexical):
    out = tmp_path / "outputs"
    day = build_day(gather(day_folder), DailySettings(), embedder=lexical)
    pages = write_day(day, out, ["md", "html", "txt"])
    folder = out / DAY
    assert sorted(p.name for p in pages) == ["brief.html", "brief.json", "brief.md", "brief.txt"]
    stories = sorted(p.name for p in (folder / "stories").iterdir())
    assert stories == sorted(Path(s["file"]).name for s in day.page.to_dict()["stories"])
    saved = json.loads((folder / "stories" / stories[0]).read_text())
    assert saved["headline"] and saved["points"] and saved["articles"]
    (folder / "stories" / "a-users-notes.json").write_text("{}")
    (folder / "someone-elses-brief.md").write_text("keep me")

    smaller = build_day(gather(day_folder), DailySettings(stories=1), embedder=lexical)
    write_day(smaller, out, ["md"])
    assert len(list((folder / "stories").iterdir())) == len(smaller.story_briefs) + 1
    assert (folder / "stories" / "a-users-notes.json").read_text() == "{}"  # not written by briefer: kept
    assert (folder / "someone-elses-brief.md").read_text() == "keep me"
    assert json.loads((folder / "brief.json").read_text()) == smaller.page.to_dict()
    assert not list(folder.rglob("*.tmp"))


def test_untrusted_article_text_is_escaped_in_every_format(tmp_path, lexical):
    hostile = [("evil.example", "Zoo *news* <script>alert(1)</script>",
                "The zoo <script>alert(1)</script> welcomed a **baby** giraffe on Friday morning. "
                "Keepers said the calf was healthy and [already](javascript:alert(1)) standing. "
                "The zoo will hold a contest to name the calf next month.")] * 2
    folder = write_day_folder(tmp_path / "day", {"zoo": hostile})
    page = build_day(gather(folder), embedder=lexical).page
    html = render_page(page, "html")
    assert "<script>" not in html and "&lt;script&gt;" in html and 'href="javascript' not in html
    from markdown_it import MarkdownIt

    shown = MarkdownIt("commonmark").render(render_page(page, "md"))  # even with raw HTML allowed
    assert "<script>" not in shown and 'href="javascript' not in shown and "<strong>" not in shown
    assert 'href="https://www.evil.example/news/1"' in shown


def test_a_point_that_says_when_only_relative_to_its_article_shows_that_articles_date(day_folder, lexical):
    page = build_day(gather(day_folder), embedder=lexical).page
    story = page.stories[0]
    shown = story.shown[1] if len(story.shown) > 1 else story.shown[0]
    points = [story.brief.lede, *story.brief.points]
    dated = replace(points[shown], text="The company said the service launches today.", date="2022-01-20")
    points[shown] = dated
    brief = replace(story.brief, lede=points[0], points=tuple(points[1:]))
    page = replace(page, stories=(replace(story, brief=brief), *page.stories[1:]))
    for fmt in ("md", "html", "txt"):
        assert "launches today. (2022-01-20)" in render_page(page, fmt).replace("*", "").replace("<em>", "") \
            .replace("</em>", "")


def test_a_users_template_folder_overrides_one_format(day_folder, tmp_path, lexical):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "daily.md.j2").write_text("{% for s in page.stories %}{{ s.rank }}|{% endfor %}")
    page = build_day(gather(day_folder), embedder=lexical).page
    assert render_page(page, "md", tmp_path / "mine") == "1|2|3|4|"
    assert render_page(page, "txt", tmp_path / "mine").startswith("DAILY BRIEF, 2022-01-21\n")


# --- the command -----------------------------------------------------------------------------------------------

def invoke(*args: str):
    return runner.invoke(app, ["daily", *args, "--embedder", "lexical"])


@pytest.fixture()
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("INPUT", "DATE", "STORIES", "BUDGET", "ALSO", "FORMATS", "OUT_DIR", "STORY_ARTICLES", "LEAD_WORDS"):
        monkeypatch.delenv(f"BRIEFER_{name}", raising=False)
    return tmp_path


def test_the_command_prints_only_the_page_paths_on_stdout(day_folder, in_tmp):
    result = invoke(str(day_folder), "--format", "md,txt")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"outputs/{DAY}/brief.md", f"outputs/{DAY}/brief.txt",
                                          f"outputs/{DAY}/brief.json"]
    assert (in_tmp / "outputs" / DAY / "brief.md").read_text().startswith(f"# Daily brief, {DAY}")
    assert "Traceback" not in result.output


def test_the_next_day_marks_stories_new_update_or_ongoing(tmp_path, in_tmp):
    first = write_day_folder(tmp_path / "d1", {"geneva": GENEVA[:2], "quake": QUAKE}, day="2022-01-20")
    assert invoke(str(first), "--quiet").exit_code == 0
    second = write_day_folder(tmp_path / "d2", {"geneva": GENEVA, "quake": QUAKE, "budget": BUDGET})
    result = invoke(str(second), "--quiet")
    assert result.exit_code == 0 and result.stderr == ""
    page = json.loads((in_tmp / "outputs" / DAY / "brief.json").read_text())
    assert page["previous_date"] == "2022-01-20"
    status = {s["headline"]: s["status"] for s in [*page["stories"], *page["also_reported"]]}
    geneva = next(s for s in page["stories"] if "Lavrov" in s["headline"])
    assert geneva["status"] == "update" and geneva["points"][0]["new"]
    assert "ongoing" in status.values() and "new" in status.values()
    quake = next(a for a in page["also_reported"] if a["status"] == "ongoing")
    assert quake["articles"] == 3
    markdown = (in_tmp / "outputs" / DAY / "brief.md").read_text()
    assert "Update: " in markdown and "**New:**" in markdown and "(ongoing)" in markdown


def test_config_sets_defaults_and_options_override_them(day_folder, in_tmp):
    (in_tmp / "briefer.toml").write_text(
        f'[daily]\ninput = "{day_folder}"\nstories = 2\nformats = ["txt"]\nout_dir = "pages"\n'
        '[outlets]\n"reuters.com" = "Reuters News"\n'
    )
    result = invoke("--config", "briefer.toml", "-q")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"pages/{DAY}/brief.txt", f"pages/{DAY}/brief.json"]
    page = json.loads((in_tmp / "pages" / DAY / "brief.json").read_text())
    assert len(page["stories"]) == 2 and "Reuters News" in page["stories"][0]["outlets"]
    result = invoke("--config", "briefer.toml", "--stories", "3", "-f", "md", "-q")
    assert result.exit_code == 0 and len(json.loads((in_tmp / "pages" / DAY / "brief.json").read_text())[
        "stories"]) == 3


def test_warnings_go_to_stderr_one_line_each_and_quiet_silences_them(day_folder, in_tmp):
    (day_folder / "bad.rss").write_text("not a feed")
    result = invoke(str(day_folder))
    assert result.exit_code == 0
    assert any(line.startswith("warning: ") and "bad.rss: not an RSS or Atom feed" in line
               for line in result.stderr.splitlines())
    assert all(line.startswith("warning: ") for line in result.stderr.splitlines())
    assert invoke(str(day_folder), "--quiet").stderr == ""


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("missing/folder",), 2, "no such file or folder"),
        ((), 2, "give INPUT"),
        (("{day}", "--format", "md,pdf"), 3, "unknown format pdf"),
        (("{day}", "--date", "yesterday"), 3, "is not a date"),
        (("{day}", "--date", "2022-02-02"), 2, "no articles dated 2022-02-02"),
        (("{day}", "--config", "missing.toml"), 3, "config file not found"),
        (("{day}", "--template-dir", "nowhere"), 3, "template folder not found"),
        (("{day}", "--out-dir", "a-file"), 6, "cannot write"),
        (("{empty}",), 2, "no readable article in the input"),
    ],
)
def test_bad_input_is_one_line_and_an_exit_code(day_folder, in_tmp, args, code, message):
    (in_tmp / "a-file").write_text("not a folder")
    empty = in_tmp / "unreadable"
    empty.mkdir()
    (empty / "a.txt").write_bytes(b"")
    result = invoke(*(a.format(day=day_folder, empty=empty) for a in args))
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("error: ") and message in lines[-1]
    assert all(line.startswith(("error: ", "warning: ")) for line in lines)
    assert "Traceback" not in result.output and result.stdout == ""


def test_help_documents_the_exit_codes():
    result = runner.invoke(app, ["daily", "--help"])
    assert result.exit_code == 0 and "Exit codes: 0 ok" in result.stdout and "--stories" in result.stdout


def test_email_sends_the_markdown_page_through_a_real_smtp_server(day_folder, in_tmp):
    from tests.smtp_server import Recorder, smtp_server

    recorder = Recorder()
    with smtp_server(recorder) as server:
        (in_tmp / "briefer.toml").write_text(
            f'[smtp]\nhost = "127.0.0.1"\nport = {server.port}\nsecurity = "none"\nfrom = "desk@example.org"\n')
        result = invoke(str(day_folder), "--config", "briefer.toml", "-f", "html", "--email", "--to",
                        "reader@example.org")
    assert result.exit_code == 0, result.output
    assert f"outputs/{DAY}/brief.md" in result.stdout.splitlines()  # md added for the email
    (message,) = recorder.messages
    assert message.rcpt_tos == ("reader@example.org",)
    assert b"Subject: Daily brief (2022-01-21)" in message.content and b"Lavrov" in message.content


@pytest.mark.weights
def test_minilm_briefs_a_small_mixed_day(sample_dir, tmp_path, minilm):
    folder = write_day_folder(tmp_path / "day", {"budget": BUDGET})
    for path in sample_dir.iterdir():
        (folder / f"sample-{path.name}").write_bytes(path.read_bytes())
    day = build_day(gather(folder), DailySettings(date=DAY), embedder=minilm)
    stories = day.page.to_dict()["stories"]
    assert [s["articles"] for s in stories] == [5, 2]
    assert "Blinken" in stories[0]["headline"] or "Lavrov" in stories[0]["headline"]
    assert all(2 <= len(s["points"]) <= 4 for s in stories)


def test_the_progress_bar_draws_on_stderr_and_never_on_stdout(capsys, monkeypatch):
    from briefer.cli import progress_bar

    monkeypatch.setenv("FORCE_COLOR", "1")  # rich then draws as on a terminal
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    with progress_bar(enabled=True) as report:
        report("reading", 1, 2)
        report("reading", 2, 2)
        report("briefing", 3, 6)
    captured = capsys.readouterr()
    assert captured.out == "" and "reading" in captured.err and "3/6" in captured.err
    with progress_bar(enabled=False) as report:
        report("reading", 1, 1)
    assert capsys.readouterr() == ("", "")


FURNITURE = "Tweet with a location\n\nYou can add location information to your Tweets, such as your city or precise " \
            "location, from the web and via third-party applications. You always have the option to delete your " \
            "Tweet location history."


def test_also_reported_links_the_article_its_line_comes_from_and_lists_no_furniture(tmp_path, lexical):
    captioned = [("localnews.example", "",
                  "FILE - In this Nov. 22, 2015 file photo, the mayor presents an award at the town hall. "
                  "The town council voted on Friday to rename the main square after the late mayor. "
                  "The square will be renamed at a ceremony next month.")]
    folder = write_day_folder(tmp_path / "day", {"geneva": GENEVA, "quake": QUAKE, "budget": BUDGET,
                                                 "square": captioned})
    for number, host in enumerate(("twitter-a.example", "twitter-b.example")):
        (folder / f"tweet-{number}.txt").write_text(f"\n{DAY}\nhttps://{host}/status/{number}\n\n{FURNITURE}\n")
    page = build_day(gather(folder), DailySettings(stories=1, also=10), embedder=lexical).page.to_dict()
    also = page["also_reported"]
    assert all("Tweet" not in a["headline"] and a["headline"] != "(untitled)" for a in also)
    for entry in also:
        titled = [s for s in entry["sources"] if s["title"] and s["title"].rstrip(".") == entry["headline"]]
        if titled:
            assert entry["url"] in [s["url"] for s in titled]  # the link goes to the article whose title it shows
    square = next(a for a in also if "square" in a["headline"].lower())
    assert not square["headline"].startswith("FILE") and square["url"].startswith("https://www.localnews.example")


def test_compose_page_makes_the_page_from_briefs_made_anywhere(day_folder, lexical):
    from briefer import StoryFailure, compose_page

    day = build_day(gather(day_folder), DailySettings(date=DAY), embedder=lexical)
    briefs = list(day.story_briefs.values())[::-1]  # made elsewhere, in any order
    broken = StoryFailure(articles=(Article(id="x1", text="", title="Only a caption", url="https://x.example/1"),),
                          reason="no sentences found in any article of the cluster")
    composed = compose_page([broken, *briefs], settings=DailySettings(date=DAY), date=DAY).page
    assert [s.brief.headline for s in composed.stories] == [s.brief.headline for s in day.page.stories]
    assert [s.shown for s in composed.stories] == [s.shown for s in day.page.stories]
    assert composed.to_dict()["stories"][0]["points"] == day.page.to_dict()["stories"][0]["points"]
    failed = [a for a in composed.also_reported if a.url == "https://x.example/1"]
    assert len(failed) == 1 and failed[0].headline == "Only a caption"
    assert "an article (x1) is left out: no sentences found in any article of the cluster" in composed.warnings


def test_compose_page_marks_stories_against_the_previous_page(day_folder, lexical):
    from briefer import compose_page

    day = build_day(gather(day_folder), DailySettings(date=DAY), embedder=lexical)
    previous = PreviousPage.from_json(json.loads(render_page(day.page, "json")))
    again = compose_page(list(day.story_briefs.values()), previous=previous, date="2022-01-22").page
    assert again.previous_date == DAY
    assert {line.status for line in again.also_reported} == {"ongoing"} and not again.stories


def test_without_a_date_the_page_keeps_the_commonest_day_and_the_day_before(tmp_path, lexical):
    folder = write_day_folder(tmp_path / "day", {"geneva": GENEVA, "quake": QUAKE})
    write_day_folder(folder, {"budget": BUDGET[:1]}, day="2022-01-20")  # late yesterday: still news
    write_day_folder(folder, {"zoo": ZOO}, day="2019-05-01")  # an old page in the pile: not today's news
    day = build_day(gather(folder), embedder=lexical)
    assert day.date == DAY
    kept = {line.headline for line in day.page.also_reported} | {s.brief.headline for s in day.page.stories}
    assert not any("giraffe" in h.lower() for h in kept) and any("budget" in h.lower() for h in kept)
    assert "1 article dated other days than 2022-01-21 and the day before: left out" in day.warnings


def test_a_widely_run_deals_page_ranks_after_the_days_events(tmp_path, lexical):
    deals = [(host, f"The 10 best early Black Friday deals on Apple devices at {host}",
              "Apple AirPods are down to $129 at Amazon this week. The MacBook Air is $200 off at Best Buy. "
              "Walmart has the iPad at its lowest price yet, $249, until Friday.")
             for host in ("ign.com", "zdnet.com", "9to5mac.com", "cnet.com", "theverge.com")]
    folder = write_day_folder(tmp_path / "day", {"deals": deals, "geneva": GENEVA, "quake": QUAKE})
    page = build_day(gather(folder), DailySettings(stories=2), embedder=lexical).page
    assert [len(s.outlets) for s in page.stories] == [4, 3]  # the five-outlet deals story is not on the page
    assert any("deals" in line.headline.lower() for line in page.also_reported)


@pytest.mark.parametrize(("url", "front"), [
    ("https://us.yahoo.com/news/", True), ("https://www.bbc.com/", True), ("https://www.bbc.com/index.html", True),
    ("https://www.bbc.co.uk/sport/football", True),
    ("https://www.bbc.com/news/world-us-canada-33646542", False), ("https://example.com/2019/11/19/stadia", False),
    ("https://example.com/story?id=3", False), ("https://example.com/news/world/africa", False), (None, False)])
def test_a_front_page_is_told_by_its_url(url, front):
    from briefer.core.roundups import is_front_page, is_roundup

    page = Article(id="a1", text="", title="Yahoo News - Latest News & Headlines", url=url)
    assert is_front_page(page) == front and is_roundup(page) == front


def test_a_front_page_that_opens_on_the_days_stories_joins_none_of_them(tmp_path, lexical):
    folder = write_day_folder(tmp_path / "day", {"geneva": GENEVA, "quake": QUAKE})
    openings = " ".join(text.split(". ")[0] + "." for _, _, text in [*GENEVA, *QUAKE, *ZOO])
    (folder / "front.txt").write_text(f"Front News - Latest News & Headlines\n{DAY}\nhttps://www.front.example/news/"
                                      f"\n\n{openings}\n")
    page = build_day(gather(folder), embedder=lexical).page
    assert [story.outlets for story in page.stories][-1] == ("front.example",)  # after the day's events, alone
    assert all("front.example" not in story.outlets for story in page.stories[:-1])


def test_roundup_titles_are_told_apart_on_labelled_real_pages():
    from briefer.core.roundups import is_roundup

    labels = (Path(__file__).parent / "data" / "roundup_labels.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in labels.splitlines()]
    found = [is_roundup(Article(id="a1", text="", title=row["title"])) for row in rows]
    right = sum(f and row["roundup"] for f, row in zip(found, rows))
    wrong = sum(f and not row["roundup"] for f, row in zip(found, rows))
    assert len(rows) == 181 and wrong == 0 and right >= 12  # 12 of the 14 labelled round-ups


def test_a_story_run_by_twenty_outlets_names_eight_on_the_page_and_all_in_the_json(tmp_path, lexical):
    """A big day's story has dozens of outlets: a line of all of them pushes the page onto a second sheet."""
    _, title, text = GENEVA[0]
    folder = write_day_folder(tmp_path / "day", {"geneva": [(f"outlet{k}.example", title, text) for k in range(20)],
                                                 "zoo": ZOO})
    page = build_day(gather(folder), embedder=lexical).page
    story = page.to_dict()["stories"][0]
    assert len(story["outlets"]) == 20
    shown = ", ".join(story["outlets"][:8]) + " and 12 more"
    for fmt in ("md", "txt", "html"):
        assert shown in " ".join(render_page(page, fmt).split()), fmt
        assert not any(name in render_page(page, fmt) for name in story["outlets"][8:]), fmt


def test_an_also_reported_line_parts_its_headline_from_its_outlets_by_a_dash(day_folder, lexical):
    """A headline has colons of its own ("No change in Selebi case: NPA"): one more before the outlets reads as part
    of it."""
    page = build_day(gather(day_folder), DailySettings(stories=2, also=5), embedder=lexical).page
    line = page.also_reported[0]
    shown = f"{line.headline} \u2014 {', '.join(line.outlets)}"
    for fmt in ("md", "txt", "html"):
        rendered = " ".join(re.sub(r"<[^>]+>|\[|\]\([^)]*\)", "", render_page(page, fmt)).split())
        assert shown in rendered, fmt


def test_a_round_up_that_mentions_the_days_story_does_not_join_it_nor_lend_it_its_title(tmp_path, lexical):
    digest = " ".join(text for _, _, text in GENEVA) + " " + " ".join(text for _, _, text in ZOO)
    folder = write_day_folder(tmp_path / "day", {"geneva": GENEVA, "zoo": ZOO,
                                                 "digest": [("dealbreaker.example", "Opening Bell 1.21.22", digest)]})
    page = build_day(gather(folder), embedder=lexical).page.to_dict()
    top = page["stories"][0]
    assert "Opening Bell" not in top["headline"]
    assert all("Opening Bell" not in (source.get("title") or "") for source in top["sources"])


def test_a_story_names_its_outlets_then_counts_the_rest_as_other_or_unnamed_sources():
    named = Story(rows=(0, 1, 2), outlets=("The Hill", "#a2", "#a3"), newest=None, score=1.0)
    assert outlet_names(named) == ("The Hill", "2 other sources")
    nameless = Story(rows=(0, 1), outlets=("#a1", "#a2"), newest=None, score=1.0)
    assert outlet_names(nameless) == ("2 unnamed sources",)


def test_an_unbriefed_storys_line_is_an_opening_that_stands_as_a_lede():
    from briefer.daily.day import _story_line

    leaning = Article(id="x1", url="https://a.example/1", text=(
        "With that chunk of change, Sophie won't be eating store-brand dog food, the paper reported on Friday. "
        "Born in The Bronx, the actress won two Tony Awards over her career."))
    plain = Article(id="x2", url="https://b.example/2", text=(
        "Late screen siren Lauren Bacall left the bulk of her $26.6 million fortune to family, carving out a special "
        "$10,000 bequest for her beloved dog, Sophie, according to her will. The will was filed in Manhattan."))
    line, source = _story_line([leaning, plain])
    assert line.startswith("Late screen siren Lauren Bacall leaves bulk of her $26.6 million fortune") and source is plain
