"""A list's items (``briefer.core.lists``): marked by their shape, never a lede, shown at most once."""

from __future__ import annotations

from briefer.core import lists
from briefer.pipeline import build_brief
from briefer.settings import BriefSettings
from briefer.text.sentences import sentences_of
from briefer.types import Article

SUSPECTS = (
    "Austin Seth Hunt, 23, of Rowland, was charged with six counts of felony setting fire to grass, brush or woods "
    "and five counts of felony conspiracy.",
    "Ashley Marie Oxendine, 18, of Orrum, was charged with two counts of felony setting fire to grass, brush or "
    "woods and two counts of felony conspiracy.",
    "Jordan Scott, 19, of Fairmont, was charged with four counts of felony setting fire to grass, brush or woods and "
    "five counts of felony conspiracy.",
    "Kenny Caulder Jr., 19, of Fairmont, was charged with six counts of felony setting fire to grass, brush or woods "
    "and two counts of felony conspiracy.",
)


def listed(text: str) -> list[bool]:
    return [s.listed for s in lists.mark_items(sentences_of(Article(id="a1", text=text)))]


def test_each_suspect_of_a_police_list_is_an_item_and_the_news_is_not() -> None:
    news = "Ten volunteer firefighters were arrested Tuesday and accused of setting fires to abandoned homes."
    assert listed(" ".join([news, *SUSPECTS])) == [False, True, True, True, True]


def test_two_of_one_shape_are_no_list() -> None:
    assert listed(" ".join(SUSPECTS[:2])) == [False, False]


def test_one_fact_told_three_times_about_one_person_is_no_list() -> None:
    text = ("Robert Durst agreed to serve 7 years in prison on a federal weapons charge. "
            "Durst will serve 7 years in prison on the federal weapons charge, his lawyer said. "
            "Federal Judge Kurt Engelhardt approved the agreement for Robert Durst to serve 7 years in prison on the "
            "weapons charge.")
    assert listed(text) == [False, False, False]


def test_a_lede_and_two_captions_retelling_it_are_no_list() -> None:
    text = ("PALMARITO, Mexico (AP) - A video released by Mexican media outlets appears to show a soldier executing a "
            "civilian lying face down in the street. "
            "Bullet holes mark a window near where a video released by Mexican media outlets appeared to show a "
            "soldier executing a civilian. "
            "Bullet holes mark a wall near where a video released by Mexican media outlets appeared to show a soldier "
            "executing a civilian.")
    assert listed(text) == [False, False, False]


def test_a_brief_leads_with_the_news_and_shows_one_suspect_at_most() -> None:
    arrests = ("Ten volunteer firefighters were arrested and accused of setting fires to abandoned homes and woods "
               "throughout Robeson County, the sheriff said.")
    sheriff = "Sheriff Kenneth Sealey said a tip led to the start of the investigation six months ago."
    articles = [
        Article(id="a1", text=" ".join([*SUSPECTS, arrests])),
        Article(id="a2", text=" ".join([*SUSPECTS, sheriff])),
        Article(id="a3", text=" ".join([*SUSPECTS[::-1], arrests])),
    ]
    brief = build_brief(articles, BriefSettings(words=200))
    shown = [brief.lede.text, *(p.text for p in brief.points)]
    assert brief.lede.text == arrests
    assert sum(text in SUSPECTS for text in shown) == 1


def test_sentences_of_one_shape_far_apart_are_no_list() -> None:
    filler = [f"Report number {k} covered another topic entirely." for k in range(lists.LIST_SPAN)]
    text = " ".join([SUSPECTS[0], *filler, SUSPECTS[1], *filler, SUSPECTS[2]])
    marks = listed(text)
    assert len(marks) == 3 + 2 * lists.LIST_SPAN and not any(marks)


def test_a_list_item_never_follows_another_on_a_brief_with_words_to_spare() -> None:
    news = "Ten volunteer firefighters were arrested Tuesday and accused of setting fires to abandoned homes."
    brief = build_brief([Article(id="a1", text=" ".join([news, *SUSPECTS]))], BriefSettings(words=300))
    shown = " ".join(p.text for p in (brief.lede, *brief.points))
    assert sum(suspect in shown for suspect in SUSPECTS) == 1
