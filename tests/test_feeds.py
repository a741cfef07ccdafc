"""Gathering a day: feeds, pages, article files, story folders and .jsonl, mixed; one line per bad file."""

import json
from pathlib import Path

import pytest

from briefer.errors import InputError
from briefer.ingest.feeds import gather, html_text, read_feed

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example World News</title><link>https://news.example.com</link>
<item><title>Blinken and Lavrov meet in Geneva</title><link>https://news.example.com/geneva</link>
<pubDate>Fri, 21 Jan 2022 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Antony Blinken met Sergey Lavrov in Geneva on Friday.&lt;/p&gt;&lt;p&gt;The talks lasted
&lt;b&gt;90 minutes&lt;/b&gt;.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description></item>
<item><title>Only a title</title><link>https://news.example.com/empty</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire Desk</title>
<entry><title>Quake hits Sumatra</title><updated>2022-01-20T23:30:00Z</updated>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;A strong earthquake struck off Sumatra on Thursday night.&lt;/p&gt;</content></entry>
</feed>
"""

PAGE = """<html><head><title>Budget passes | The Daily</title></head><body><nav>Home News Sport</nav>
<article><h1>Budget passes</h1><p>The parliament in Lisbon passed the budget on Friday after the coalition
agreed on a last-minute compromise over pensions and public sector pay.</p><p>The opposition abstained, and the
finance minister said the deficit would fall below three percent next year.</p></article></body></html>"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_rss_entries_become_articles_with_plain_text_and_dates(tmp_path):
    loaded = read_feed(write(tmp_path, "world.rss", RSS))
    (entry,) = loaded.articles
    assert entry.title == "Blinken and Lavrov meet in Geneva"
    assert entry.url == "https://news.example.com/geneva" and entry.date == "2022-01-21"
    assert entry.text == "Antony Blinken met Sergey Lavrov in Geneva on Friday.\nThe talks lasted 90 minutes."
    assert entry.outlet is None  # named from its link's domain later, not from the feed's title
    assert loaded.problems == (f"{tmp_path / 'world.rss'}: 1 feed entries have no text; skipped",)


def test_atom_content_is_preferred_over_the_summary_and_the_feed_names_linkless_entries(tmp_path):
    (entry,) = read_feed(write(tmp_path, "wire.atom", ATOM)).articles
    assert entry.text == "A strong earthquake struck off Sumatra on Thursday night."
    assert entry.date == "2022-01-20" and entry.outlet == "Wire Desk" and entry.url is None


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("just some text, no markup at all", "not an RSS or Atom feed"),
        ("<html><body><p>A web page</p></body></html>", "not an RSS or Atom feed"),
        (b"\x00\x01\x02binary", "not an RSS or Atom feed"),
    ],
)
def test_a_feed_that_is_not_a_feed_is_one_problem_line(tmp_path, content, reason):
    path = write(tmp_path, "broken.xml", content)
    loaded = read_feed(path)
    assert loaded.articles == ()
    assert len(loaded.problems) == 1 and loaded.problems[0].startswith(f"{path}: {reason}")


def test_html_text_drops_tags_scripts_and_keeps_blocks_apart():
    assert html_text("<p>One &amp; two</p><script>x()</script><div>Three <i>four</i></div>") == "One & two\nThree four"


def test_a_mixed_folder_reads_every_kind_and_reports_each_bad_file_once(tmp_path):
    story = tmp_path / "geneva-talks"
    write(story, "1.txt", "Blinken meets Lavrov\n2022-01-21\nhttps://thehill.com/x\nThe two met in Geneva.")
    write(story, "2.txt", "Talks in Geneva\n2022-01-21\nThe meeting lasted ninety minutes.")
    write(tmp_path, "world.rss", RSS)
    write(tmp_path, "page.html", PAGE)
    write(tmp_path, "menu.html", "<html><body><nav>Home</nav></body></html>")
    write(tmp_path, "notes.txt", b"\x00\x00binary")
    write(tmp_path, "bad.xml", "not xml")
    write(tmp_path, ".hidden.txt", "A hidden file is never read.")
    write(tmp_path, "photo.jpg", b"\xff\xd8")
    lines = [
        json.dumps({"title": "Quake", "text": "An earthquake hit Sumatra.", "cluster": "quake"}),
        "{broken",
        json.dumps({"title": "No text"}),
        json.dumps({"text": "Aftershocks followed.", "story_id": 7}),
        json.dumps({"text": "A loose article."}),
    ]
    write(tmp_path, "day.jsonl", "\n".join(lines) + "\n")
    gathered = gather(tmp_path)

    by_text = {a.text.split("\n")[0]: story for a, story in zip(gathered.articles, gathered.stories)}
    assert by_text["The two met in Geneva."] == "geneva-talks" == by_text["The meeting lasted ninety minutes."]
    assert by_text["An earthquake hit Sumatra."] == "quake" and by_text["Aftershocks followed."] == "7"
    assert by_text["A loose article."] is None
    assert by_text["Antony Blinken met Sergey Lavrov in Geneva on Friday."] is None
    assert any("Lisbon passed the budget" in a.text for a in gathered.articles)
    assert len(gathered.articles) == 7
    problems = "\n".join(gathered.problems)
    for expected in (f"{tmp_path / 'menu.html'}: no article text found in the page; skipped",
                     f"{tmp_path / 'notes.txt'}: binary file, not text; skipped",
                     f"{tmp_path / 'bad.xml'}: not an RSS or Atom feed",
                     f"{tmp_path / 'day.jsonl'}:2: invalid JSON",
                     f"{tmp_path / 'day.jsonl'}:3: no text (expected one of: text, body, content); skipped",
                     "1 feed entries have no text"):
        assert expected in problems
    assert len(gathered.problems) == 6
    assert "hidden" not in problems and "photo" not in problems


def test_a_jsonl_of_clusters_keeps_each_cluster_as_a_story(tmp_path):
    clusters = [
        {"id": "c1", "articles": [{"text": "First story, one."}, {"text": "First story, two."}]},
        {"id": "c2", "articles": [{"text": "Second story."}, {"title": "no text"}]},
    ]
    path = write(tmp_path, "eval.jsonl", "\n".join(json.dumps(c) for c in clusters))
    gathered = gather(path)
    assert gathered.stories == ("c1", "c1", "c2")
    assert gathered.problems == (f"{path}:2: record 2: no text (expected one of: text, body, content); skipped",)
    assert gathered.articles[2].source == f"{path}:2 record 1"


def test_one_article_file_and_one_feed_are_inputs_too(tmp_path):
    assert len(gather(write(tmp_path, "one.txt", "Title line\nThe body of the article.")).articles) == 1
    assert len(gather(write(tmp_path, "feed.xml", RSS)).articles) == 1


def test_an_empty_story_folder_is_a_problem_not_a_failure(tmp_path):
    (tmp_path / "empty-story").mkdir()
    write(tmp_path, "a.txt", "A title\nSome body text.")
    gathered = gather(tmp_path)
    assert len(gathered.articles) == 1
    assert gathered.problems[0].startswith(f"no article files (") and gathered.problems[0].endswith("; skipped")


def test_missing_paths_and_empty_folders_are_bad_input(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        gather(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="nothing to read"):
        gather(tmp_path / "empty")


def test_progress_is_told_after_each_entry(tmp_path):
    write(tmp_path, "a.txt", "A title\nBody one.")
    write(tmp_path, "b.txt", "B title\nBody two.")
    seen = []
    gather(tmp_path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]


def test_a_feed_cannot_pull_in_local_files_through_external_entities(tmp_path):
    secret = write(tmp_path, "secret.txt", "TOP-SECRET-LINE")
    feed = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY leak SYSTEM "file://{secret}">]>'
            '<rss version="2.0"><channel><title>T</title><item><title>Leak</title>'
            '<description>Before &leak; after, and more words.</description></item></channel></rss>')
    (entry,) = read_feed(write(tmp_path, "evil.rss", feed)).articles
    assert "TOP-SECRET-LINE" not in entry.text and entry.text.startswith("Before")


def test_a_json_feed_is_read_as_a_feed(tmp_path):
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Wire Desk", "items": [
        {"id": "1", "url": "https://wire.example/quake", "title": "Quake hits Sumatra",
         "content_html": "<p>A strong earthquake struck off Sumatra on Thursday night.</p><script>x()</script>",
         "date_published": "2022-01-20T23:30:00Z"},
        {"id": "2", "title": "Only a title"},
        {"id": "3", "content_text": "Rescuers searched the rubble in Padang.", "date_modified": "2022-01-21"},
    ]}
    (tmp_path / "wire.json").write_text(json.dumps(feed))
    (tmp_path / "article.json").write_text(json.dumps({"title": "Budget", "text": "The budget passed on Friday."}))
    gathered = gather(tmp_path)
    by_title = {a.title: a for a in gathered.articles}
    quake = by_title["Quake hits Sumatra"]
    assert quake.text == "A strong earthquake struck off Sumatra on Thursday night."
    assert (quake.url, quake.date, quake.outlet) == ("https://wire.example/quake", "2022-01-20", None)
    untitled = next(a for a in gathered.articles if a.title is None)
    assert untitled.outlet == "Wire Desk" and untitled.date == "2022-01-21"  # no link: the feed names the outlet
    assert "Budget" in by_title and len(gathered.articles) == 3
    assert any("1 feed items have no text" in p for p in gathered.problems)


def test_a_jsonl_pile_is_read_a_line_at_a_time_and_its_bad_lines_are_one_problem_each_kind(tmp_path, monkeypatch):
    """A day's pile may be gigabytes: no cap on the file, only on a line; lines that are not UTF-8 are counted in one
    problem line, not one each."""
    from briefer.ingest import feeds

    monkeypatch.setattr(feeds, "MAX_RECORDS_BYTES", 300)
    good = [json.dumps({"title": f"Story {k}", "text": f"Article number {k} says what happened today."}).encode()
            for k in range(3)]
    long = json.dumps({"text": "word " * 100}).encode()
    lines = [b"\xef\xbb\xbf" + good[0], long, good[1], b'{"text": "caf\xe9"}', b'{"text": "\xff"}', good[2]]
    path = tmp_path / "day.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    gathered = gather(path)
    assert [a.title for a in gathered.articles] == ["Story 0", "Story 1", "Story 2"]
    assert [a.source for a in gathered.articles] == [f"{path}:1", f"{path}:3", f"{path}:6"]
    assert gathered.problems == (f"{path}:2: line over the 300-byte limit; skipped",
                                 f"{path}: 2 lines are not UTF-8 (the first: line 4); skipped")
