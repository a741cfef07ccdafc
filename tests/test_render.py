import json
import re
from importlib import resources

import jsonschema
import pytest

from briefer.errors import ConfigError
from briefer.publish.render import brief_to_dict, citation_labels, render
from briefer.types import Article, Brief, Point, Sentence

HOSTILE = 'Lavrov said <script>alert("x")</script> and *nothing* [else](javascript:alert(1)).'


def point(text: str, *article_ids: str) -> Point:
    evidence = tuple(Sentence(a, 0, text, 0, len(text)) for a in article_ids)
    return Point(text=text, citations=article_ids, evidence=evidence)


def make_brief() -> Brief:
    articles = (
        Article(id="a1", text=HOSTILE, title="Geneva talks", url="https://thehill.com/x", date="2022-01-21",
                outlet="The Hill"),
        Article(id="a2", text="x", title=None, url="javascript:alert(1)", outlet=None),
        Article(id="a3", text="x", title="Second Hill piece", url="https://thehill.com/y", outlet="The Hill"),
    )
    return Brief(
        headline="Blinken and Lavrov meet in Geneva",
        lede=point("Blinken and Lavrov met in Geneva on Friday.", "a1", "a3"),
        points=(point(HOSTILE, "a1"), point("Zürich café talks – “quoted” text.", "a2", "a3")),
        articles=articles,
        date="2022-01-21",
    )


def test_json_validates_against_the_published_schema():
    schema = json.loads((resources.files("briefer.data") / "brief.schema.json").read_text())
    data = json.loads(render(make_brief(), "json"))
    jsonschema.validate(data, schema)
    assert data["points"][1]["citations"] == ["a2", "a3"]
    assert data["articles"][1]["url"] is None  # a javascript: URL never survives


def test_labels_name_outlets_number_repeats_and_never_invent_one():
    assert citation_labels(make_brief()) == {"a1": "The Hill 1", "a2": "Source 2", "a3": "The Hill 2"}


def test_an_opinion_piece_is_labelled_opinion_wherever_it_is_cited():
    from dataclasses import replace

    brief = make_brief()
    column = replace(brief.articles[2], url="https://thehill.com/opinion/white-house/1-the-talks-failed")
    brief = replace(brief, articles=(*brief.articles[:2], column))
    assert citation_labels(brief) == {"a1": "The Hill 1", "a2": "Source 2", "a3": "The Hill 2 (opinion)"}
    md = render(brief, "md")
    assert "[The Hill 2 (opinion)](https://thehill.com/opinion/" in md and "**The Hill 2 (opinion)**" in md
    data = json.loads(render(brief, "json"))
    assert [a["opinion"] for a in data["articles"]] == [False, False, True]
    jsonschema.validate(data, json.loads((resources.files("briefer.data") / "brief.schema.json").read_text()))


def test_html_is_autoescaped_and_links_only_http():
    html = render(make_brief(), "html")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html
    assert '<a href="https://thehill.com/x"' in html
    assert "Zürich café" in html


def test_markdown_escapes_markup_in_article_text_and_links_citations():
    md = render(make_brief(), "md")
    assert re.search(r"(?<!\\)\]\(javascript:", md) is None
    assert r"\*nothing\*" in md and r"\<script\>" in md
    assert "[The Hill 1](https://thehill.com/x) [The Hill 2](https://thehill.com/y)" in md
    assert "[Source 2]" in md
    assert md.startswith("# Blinken and Lavrov meet in Geneva\n")


def test_plain_text_has_every_citation_and_source():
    txt = render(make_brief(), "txt")
    assert "[The Hill 1] [The Hill 2]" in txt and "[Source 2]" in txt
    assert "https://thehill.com/y" in txt and all(len(line) <= 100 for line in txt.splitlines())


@pytest.mark.parametrize("kind", ["md", "html", "txt"])
def test_the_sources_list_shows_each_title_without_its_sites_name(kind):
    from dataclasses import replace

    brief = make_brief()
    wired = replace(brief.articles[0], title="How Butterflies Get Their Shine | WIRED", outlet="WIRED")
    brief = replace(brief, articles=(wired, *brief.articles[1:]))
    shown = render(brief, kind)
    assert "How Butterflies Get Their Shine" in shown and "Shine | WIRED" not in shown
    data = json.loads(render(brief, "json"))
    assert data["articles"][0]["title"] == "How Butterflies Get Their Shine | WIRED"  # as it was read
    assert [a["shown_title"] for a in data["articles"]] == ["How Butterflies Get Their Shine", None, "Second Hill piece"]


def test_user_template_file_and_template_dir_override(tmp_path):
    own = tmp_path / "mine.md.j2"
    own.write_text("{{ brief.headline }} / {{ brief.points | length }} points\n")
    assert render(make_brief(), "md", template=own) == "Blinken and Lavrov meet in Geneva / 2 points\n"
    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "brief.txt.j2").write_text("custom {{ brief.date }}\n")
    assert render(make_brief(), "txt", template_dir=folder) == "custom 2022-01-21\n"
    assert render(make_brief(), "md", template_dir=folder).startswith("# ")  # falls back to the packaged one


def test_user_html_template_is_autoescaped(tmp_path):
    own = tmp_path / "mine.html.j2"
    own.write_text("<p>{{ brief.points[0].text }}</p>")
    assert "<script>" not in render(make_brief(), "html", template=own)


@pytest.mark.parametrize("problem", ["missing", "syntax"])
def test_template_problems_are_config_errors(tmp_path, problem):
    own = tmp_path / "bad.md.j2"
    if problem == "syntax":
        own.write_text("{% for %}")
    with pytest.raises(ConfigError):
        render(make_brief(), "md", template=own)


def test_unknown_format_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown format"):
        render(make_brief(), "pdf")


def test_dict_counts_the_words_of_lede_and_points_as_the_budget_does():
    brief = make_brief()
    assert brief_to_dict(brief)["words"] == brief.words == 8 + len(HOSTILE.split()) + 6


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "json"])
def test_a_dated_point_shows_its_date_in_every_format(fmt):
    brief = make_brief()
    dated = Point(text="Police arrested forty people on Saturday.", citations=("a1",),
                  evidence=(Sentence("a1", 0, "Police arrested forty people on Saturday.", 0, 41),), date="2022-01-15")
    text = render(Brief(brief.headline, brief.lede, (dated,), brief.articles, brief.date), fmt)
    assert "2022-01-15" in text
    assert "2022-01-15" not in render(brief, fmt)


def test_html_carries_print_styles_and_leaves_the_paper_size_to_the_printer():
    """bench/print_pages.py measures one printed page on A4 and Letter; a forced size would misprint the other."""
    html = render(make_brief(), "html")
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert style is not None and "@media print" in style.group(1)
    assert re.search(r"@page\s*\{[^}]*\bsize\s*:", style.group(1)) is None


def test_a_brief_without_points_has_no_empty_key_points_heading():
    from dataclasses import replace

    bare = replace(make_brief(), points=())
    assert "Key points" not in render(bare, "md") and "KEY POINTS" not in render(bare, "txt")
    assert "Key points" not in render(bare, "html") and "Key points" in render(make_brief(), "html")
    assert "## Sources" in render(bare, "md")
