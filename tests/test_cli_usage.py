"""What users of command-line tools expect (issue 19): documented exit codes, --version, -h, - for stdin, a
warning when text had to be guessed at, and the real reason an optional dependency failed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefer import __version__
from briefer.cli import app
from briefer.ingest.load import load_cluster

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()
TEXT = ("Blinken and Lavrov met in Geneva on Friday for talks on Ukraine. The United States will reply in writing "
        "next week. Both sides called the meeting frank and useful. No breakthrough was announced after the talks.")


@pytest.fixture()
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("args", "code"), [
    (["brief"], 2), (["daily"], 2), (["brief", "--sample", "--words", "10"], 3),
    (["brief", "--sample", "--format", "pdf"], 3), (["daily", "x", "--stories", "0"], 3),
    (["brief", "--no-such-option"], 2),
])
def test_exit_codes_are_the_documented_ones(in_tmp, args, code):
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit)


def test_version_and_short_help():
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.stdout.strip() == f"briefer {__version__}"
    short = runner.invoke(app, ["brief", "-h"])
    assert short.exit_code == 0 and "--sample" in short.stdout


@pytest.mark.parametrize("stdin", [
    f"Geneva talks\n\n{TEXT}\n",
    json.dumps({"title": "Geneva talks", "text": TEXT}),
    "\n".join(json.dumps({"title": "Geneva talks", "text": TEXT, "outlet": o}) for o in ("Reuters", "BBC")),
], ids=["text", "json", "jsonl"])
def test_a_dash_reads_the_article_from_stdin(in_tmp, stdin):
    command = [sys.executable, "-m", "briefer", "brief", "-", "--embedder", "lexical", "-f", "json", "-o", "-"]
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr
    assert "Geneva" in json.loads(done.stdout)["lede"] + json.dumps(json.loads(done.stdout)["points"])


@pytest.mark.parametrize(("encoding", "named"), [("koi8-r", "koi8"), ("shift_jis", "932"), ("cp1252", "cp1252")])
def test_text_that_is_not_utf8_is_read_with_a_warning(tmp_path, encoding, named):
    body = {"koi8-r": "Министр иностранных дел России Сергей Лавров встретился в Женеве с госсекретарём США. "
                      "Стороны обсудили ситуацию вокруг Украины и договорились продолжить диалог.",
            "shift_jis": "東京で会談が行われた。両国の外相は金曜日に会った。関係者によると、協議は有益だった。",
            "cp1252": "The minister met in Zürich on Friday for talks with the café owners about their résumés.",
            }[encoding]
    path = tmp_path / "article.txt"
    path.write_bytes(f"Title\n\n{body}".encode(encoding))
    loaded = load_cluster(path)
    assert loaded.articles[0].text == body
    assert len(loaded.problems) == 1 and "not UTF-8: read as" in loaded.problems[0] and named in loaded.problems[0]


def test_a_declared_charset_is_used(tmp_path):
    page = '<?xml version="1.0" encoding="koi8-r"?>\nДата и место: Женева, пятница. Переговоры завершились.'
    (tmp_path / "a.txt").write_bytes(page.encode("koi8-r"))
    loaded = load_cluster(tmp_path / "a.txt")
    assert "Женева" in loaded.articles[0].text and "as it declares" in loaded.problems[0]


def test_a_feed_not_in_its_declared_charset_is_read_with_a_warning(tmp_path):
    from briefer.ingest.feeds import read_feed

    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Лента</title><item><title>Заголовок</title>'
            f'<link>https://e.example/1</link><description>Лавров встретился в Женеве с Блинкеном.</description>'
            '</item></channel></rss>')
    (tmp_path / "feed.rss").write_bytes(feed.encode("koi8-r"))
    loaded = read_feed(tmp_path / "feed.rss")
    assert "Женеве" in loaded.articles[0].text
    assert any("read as KOI8-R" in p for p in loaded.problems)


def test_a_dependency_that_fails_to_import_is_named_with_the_install_line(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails as when lxml.html.clean is missing
    (tmp_path / "page.html").write_text(f"<html><body><p>{TEXT}</p></body></html>")
    result = runner.invoke(app, ["brief", str(tmp_path), "--embedder", "lexical", "-o", "-"])
    assert result.exit_code == 2
    assert "failed to import (import of trafilatura halted" in result.stderr
    assert "pip install 'briefer[daily]'" in result.stderr


def test_a_day_whose_inputs_all_fail_exits_non_zero_and_writes_nothing(tmp_path, in_tmp, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    (tmp_path / "day").mkdir()
    for n in range(3):
        (tmp_path / "day" / f"{n}.html").write_text(f"<html><body><p>{TEXT}</p></body></html>")
    result = runner.invoke(app, ["daily", str(tmp_path / "day"), "--embedder", "lexical"])
    assert result.exit_code == 2 and "no readable article" in result.stderr
    assert not (in_tmp / "outputs").exists()


@pytest.mark.parametrize(("args", "code"), [
    (["evaluate"], 2), (["evaluate", "--dataset", "x.jsonl", "--words", "5"], 3),
    (["evaluate", "--dataset", "x.jsonl", "--limit", "0"], 3), (["evaluate", "b.md", "--notes", "n.md",
                                                                 "--min-coverage", "2"], 3),
])
def test_evaluate_exit_codes_follow_the_same_rule(in_tmp, args, code):
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    assert result.stderr.startswith("error: ") and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(("stdin", "kind"), [
    ("\n".join(json.dumps({"title": "Geneva talks", "text": TEXT, "outlet": o, "date": "2022-01-21"})
               for o in ("Reuters", "BBC")), "jsonl"),
    ('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Geneva talks</title>'
     f"<link>https://news.example.com/geneva</link><pubDate>Fri, 21 Jan 2022 10:00:00 GMT</pubDate>"
     f"<description>{TEXT}</description></item></channel></rss>", "feed"),
], ids=["jsonl", "feed"])
def test_daily_reads_its_pile_from_stdin_too(in_tmp, stdin, kind):
    command = [sys.executable, "-m", "briefer", "daily", "-", "--embedder", "lexical", "-f", "json", "-q"]
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr
    page = json.loads(Path(done.stdout.split()[0]).read_text())
    assert page["date"] == "2022-01-21" and "Geneva" in json.dumps(page["stories"])


@pytest.mark.parametrize(("data", "suffix"), [
    (b'{"text": "a"}', ".json"), (b'{"text": "a"}\n{"text": "b"}', ".jsonl"), (b"  <rss version='2.0'>", ".xml"),
    (b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', ".xml"), (b"<!doctype html><p>x", ".html"),
    (b"Title\n\nBody.", ".txt"),
])
def test_stdin_is_saved_as_the_kind_of_file_it_looks_like(data, suffix):
    from briefer.cli.stdin import _suffix

    assert _suffix(data) == suffix
