"""Hostile input: what an attacker or a broken scraper can put in articles, file names and options never reaches
a brief or the terminal as live markup or control codes, never loses a file, and fails as one line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefer.cli import app
from briefer.publish.render import render, template_environment
from briefer.types import Article, Brief, Point, Sentence

runner = CliRunner()

STORY = [
    ("reuters.com", "Blinken and Lavrov meet in Geneva",
     "Blinken and Lavrov met in Geneva on Friday for talks on Ukraine. "
     "The United States will reply in writing next week. "
     "Both sides called the meeting frank and useful."),
    ("bbc.co.uk", "Geneva talks end without a breakthrough",
     "US Secretary of State Blinken met Russian Foreign Minister Lavrov in Geneva on Friday. "
     "Washington will reply in writing next week, Blinken said. "
     "No breakthrough was announced after the talks."),
    ("apnews.com", "US to answer Russia in writing next week",
     "Blinken told Lavrov in Geneva that the United States will reply in writing next week. "
     "The talks on Ukraine lasted ninety minutes. "
     "Both sides called the meeting frank and useful."),
]


def invoke(*args: str):
    return runner.invoke(app, list(args))


def write_cluster(folder: Path, story=STORY, day: str = "2022-01-21") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number, (host, title, text) in enumerate(story, start=1):
        (folder / f"{number:03}.txt").write_text(f"{title}\n{day}\nhttps://www.{host}/news/{number}\n\n{text}\n")
    return folder


def one_point_brief(url: str, title: str = "A title", outlet: str = "Outlet") -> Brief:
    article = Article(id="a1", text="The talks ended on Friday.", title=title, url=url, outlet=outlet)
    sentence = Sentence("a1", 0, "The talks ended on Friday.", 0, 26)
    point = Point(text="The talks ended on Friday.", citations=("a1",), evidence=(sentence,))
    return Brief(headline=article.title or "", lede=point, points=(point,), articles=(article,), date="2022-01-21")


@pytest.fixture()
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- links: an untrusted URL stays one inert link -------------------------------------------------------------

@pytest.mark.parametrize("url", [
    'https://evil.example/"><script>alert(1)</script>',
    "https://evil.example/a) [click](javascript:alert(1)",
    "https://evil.example/a b<img src=x onerror=alert(1)>",
])
def test_a_hostile_url_cannot_break_out_of_its_markdown_link(url):
    from markdown_it import MarkdownIt

    markdown = render(one_point_brief(url), "md")
    shown = MarkdownIt("commonmark").render(markdown)  # raw HTML allowed, as some renderers do
    assert "<script" not in shown and "<img" not in shown and 'href="javascript' not in shown
    links = [line for line in shown.split('href="')[1:]]
    assert links and all(link.startswith("https://evil.example/") for link in links)
    # the whole URL, not a prefix cut at ")" or a space, is the link: its last character is encoded inside it
    assert all("%3C" in link.split('"')[0] or "%29" in link.split('"')[0] for link in links)


def test_a_daily_link_is_encoded_too():
    environment = template_environment(None, autoescape=False)
    text = environment.from_string("[x]({{ url | md_url }})").render(url="https://e.example/a) b")
    assert text == "[x](https://e.example/a%29%20b)"


# --- control characters ------------------------------------------------------------------------------------------

def test_control_characters_never_reach_a_brief_in_any_format():
    hostile = "Zoo\x1b]0;pwned\x07 news\x00 \x9b31m here\r\ntoo"
    brief = one_point_brief("https://example.com/a", title=hostile, outlet="Evil\x1b[2J Outlet")
    for fmt in ("md", "html", "txt", "json"):
        text = render(brief, fmt)
        assert not any(c in text for c in "\x1b\x00\x07\x9b\r"), fmt
    assert brief.articles[0].title == "Zoo news  here  too"  # each terminal sequence goes whole


def test_article_text_keeps_its_lines_and_loses_its_control_codes():
    article = Article(id="a1", text="One.\r\nTwo\x1b[31m.\x00\tThree.\rFour.")
    assert article.text == "One.\nTwo.\tThree.\nFour."


def test_windows_1252_punctuation_read_as_c1_codes_is_kept_as_punctuation_not_dropped():
    # A Multi-News dev article's dashes are Windows-1252 bytes read as Latin-1: dropping them glued the words.
    article = Article(id="a1", text="The subjects\x96the volunteers\x97spent a week. It\x92s \x93fine\x94\x85\x81",
                      title="Quake\x97rescue")
    assert article.text == "The subjects\u2013the volunteers\u2014spent a week. It\u2019s \u201cfine\u201d\u2026"
    assert article.title == "Quake\u2014rescue"


def test_a_file_name_with_a_terminal_escape_is_warned_about_without_it(tmp_path):
    folder = write_cluster(tmp_path / "cluster")
    (folder / "evil\x1b]0;owned\x07.txt").write_bytes(b"")
    result = runner.invoke(app, ["brief", str(folder), "--embedder", "lexical", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert "is empty" in result.stderr and "\x1b" not in result.stderr and "\x07" not in result.stderr


# --- templates are sandboxed ---------------------------------------------------------------------------------------

def test_a_template_cannot_reach_python_internals(tmp_path):
    template = tmp_path / "evil.md.j2"
    template.write_text("{{ brief.__class__.__mro__[1].__subclasses__() }}")
    from briefer.errors import ConfigError

    with pytest.raises(ConfigError, match="template"):
        render(one_point_brief("https://example.com/"), "md", template=template)


def test_a_template_cannot_change_the_data_it_renders(tmp_path):
    template = tmp_path / "evil.md.j2"
    template.write_text("{{ brief.points.clear() }}{{ brief.points | length }}")
    from briefer.errors import ConfigError

    with pytest.raises(ConfigError, match="template"):
        render(one_point_brief("https://example.com/"), "md", template=template)


# --- data never lost ---------------------------------------------------------------------------------------------

def test_out_equal_to_the_input_file_is_refused_and_the_article_kept(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Title\n\n" + " ".join(text for _, _, text in STORY))
    before = article.read_bytes()
    result = invoke("brief", str(article), "--embedder", "lexical", "--out", str(article))
    assert result.exit_code == 3 and "is the input file" in result.stderr
    assert article.read_bytes() == before


def test_out_inside_the_input_folder_is_refused_so_a_rerun_never_cites_the_brief(tmp_path):
    folder = write_cluster(tmp_path / "cluster")
    files = sorted(folder.iterdir())
    result = invoke("brief", str(folder), "--embedder", "lexical", "--out", f"{folder}/")
    assert result.exit_code == 3 and "inside the input folder" in result.stderr
    assert sorted(folder.iterdir()) == files


def test_daily_keeps_json_files_in_stories_that_it_did_not_write(tmp_path, in_tmp):
    day = write_cluster(tmp_path / "day")
    first = invoke("daily", str(day), "--embedder", "lexical", "-q")
    assert first.exit_code == 0, first.output
    stories = in_tmp / "outputs" / "2022-01-21" / "stories"
    written = sorted(p.name for p in stories.iterdir())
    (stories / "my-notes.json").write_text('{"mine": true}')
    (stories / written[0]).rename(stories / "renamed-by-me.json")
    again = invoke("daily", str(day), "--embedder", "lexical", "-q")
    assert again.exit_code == 0, again.output
    assert (stories / "my-notes.json").read_text() == '{"mine": true}'
    assert (stories / "renamed-by-me.json").is_file()


# --- every input format, broken: one line or a warning, a documented exit code, nothing outside out/ -----------

TEXT = " ".join(text for _, _, text in STORY)


def _record(n: int, **fields) -> dict:
    return {"title": f"Geneva talks {n}", "url": f"https://www.outlet{n}.example/news/{n}", "date": "2022-01-21",
            "text": STORY[n - 1][2], **fields}


def _feed(items: str, prolog: str = '<?xml version="1.0"?>') -> str:
    entries = "".join(f"<item><title>Talks {n}</title><link>https://o{n}.example/{n}</link><description>{text}"
                      f"</description></item>" for n, text in enumerate(items, start=1))
    return f'{prolog}<rss version="2.0"><channel><title>Feed</title>{entries}</channel></rss>'


# A script tag or an event handler inside a real tag (escaped text such as "&lt;img onerror=" is harmless).
LIVE_MARKUP = re.compile(r"<script|<[a-z][^<>]*\son[a-z]+\s*=", re.IGNORECASE)
_LAUGHS = '<!DOCTYPE rss [<!ENTITY a "lol">' + "".join(
    f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(9)) + "]>"
_XXE = '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'

HOSTILE_INPUTS = {
    # name: (file name, content, command, documented exit code)
    "txt truncated": ("a.txt", (STORY[0][1] + "\n\n" + TEXT).encode()[:-2] + b"\xc3", "brief", 0),
    "txt binary": ("a.txt", bytes(range(256)) * 8, "brief", 2),
    "txt utf-16": ("a.txt", ("Title\n\n" + TEXT).encode("utf-16"), "brief", 0),
    "txt very long title": ("a.txt", ("T" * 200_000 + "\n\n" + TEXT).encode(), "brief", 0),
    "json truncated": ("a.json", json.dumps(_record(1))[:-15].encode(), "brief", 2),
    "json deeply nested": ("a.json", b"[" * 100_000, "brief", 2),
    "jsonl utf-16 bom": ("a.jsonl", "\n".join(json.dumps(_record(n)) for n in (1, 2, 3)).encode("utf-16"), "brief", 0),
    "jsonl path traversal, NUL, CR/LF": ("a.jsonl", "\n".join(json.dumps(r) for r in [
        _record(1, title="../../../../tmp/pwned\r\nBcc: x@evil.example", outlet="../../etc/passwd\x00"),
        _record(2, url='https://evil.example/"><script>alert(1)</script>', outlet="<img src=x onerror=alert(1)>"),
        _record(3, url="javascript:alert(1)", outlet="\x1b]0;owned\x07" + "x" * 10_000)]).encode(), "brief", 0),
    "html scripts and handlers": ("a.html", (
        f"<html><head><title>Talks</title><script>alert(1)</script></head><body onload='alert(2)'><article>"
        f"<p>{TEXT}</p><p><img src=x onerror=alert(3)> more text about the talks in Geneva on Friday.</p>"
        f"</article></body></html>").encode(), "brief", 0),
    "feed billion laughs": ("f.rss", _feed([TEXT, "&j; " + TEXT], f'<?xml version="1.0"?>{_LAUGHS}').encode(),
                            "daily", 0),
    "feed external entity": ("f.rss", _feed(["&x; " + TEXT, TEXT], f'<?xml version="1.0"?>{_XXE}').encode(),
                             "daily", 0),
    "feed truncated": ("f.rss", _feed([TEXT, TEXT]).encode()[:-50], "daily", 0),
}


@pytest.mark.parametrize("name", list(HOSTILE_INPUTS))
def test_hostile_input_is_one_line_or_a_warning_and_nothing_escapes(tmp_path, in_tmp, name):
    file_name, content, command, code = HOSTILE_INPUTS[name]
    (in_tmp / file_name).write_bytes(content)
    (in_tmp / "keep.txt").write_text("untouched")
    args = [command, file_name, "--embedder", "lexical"]
    args += ["-f", "html", "-o", "out/b.html"] if command == "brief" else ["--out-dir", "out"]
    result = invoke(*args)
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit) or result.exception is None, repr(result.exception)
    lines = result.stderr.splitlines()
    assert all(line.startswith(("warning: ", "error: ")) for line in lines), result.stderr
    expected = {file_name, "keep.txt"} | ({"out"} if code == 0 else set())
    assert sorted(p.name for p in in_tmp.iterdir()) == sorted(expected)
    assert (in_tmp / "keep.txt").read_text() == "untouched"
    for written in (in_tmp / "out").rglob("*.*") if code == 0 else []:
        text = written.read_text()
        assert not any(c in text for c in "\x00\x1b\x07\r") and "root:x:0" not in text, written
        if written.suffix == ".html":
            assert not re.search(LIVE_MARKUP, text), re.search(LIVE_MARKUP, text)
            assert 'href="javascript' not in text


@pytest.mark.parametrize("toml", [b"\x00\xff\xfe", b"[brief\nwords =", b'[brief]\nwords = "abc"', b"brief = 5"])
def test_a_corrupt_config_is_one_line_and_exit_3(tmp_path, toml):
    (tmp_path / "briefer.toml").write_bytes(toml)
    cluster = write_cluster(tmp_path / "cluster")
    result = invoke("brief", str(cluster), "--config", str(tmp_path / "briefer.toml"), "--embedder", "lexical")
    assert result.exit_code == 3 and result.stderr.startswith("error: ") and len(result.stderr.splitlines()) == 1
