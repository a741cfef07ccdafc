"""Broken inputs that used to crash or hang (issue 19): each is now one line, the documented exit code, or a
warning while the rest is briefed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefer.cli import app
from briefer.text.clean import repair_glued_words
from tests.conftest import GENEVA_TEXTS as TEXTS

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()



def records(day: str = "2022-01-21") -> list[str]:
    hosts = ["reuters.com", "bbc.co.uk", "apnews.com"]
    return [json.dumps({"title": f"Geneva talks {n}", "url": f"https://www.{host}/n/{n}", "date": day, "text": text})
            for n, (host, text) in enumerate(zip(hosts, TEXTS), start=1)]


def write_cluster(folder: Path, day: str = "2022-01-21") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n, line in enumerate(records(day), start=1):
        record = json.loads(line)
        (folder / f"{n:03}.txt").write_text(f"{record['title']}\n{day}\n{record['url']}\n\n{record['text']}\n")
    return folder


def brief(*args: str):
    return runner.invoke(app, ["brief", *args, "--embedder", "lexical"])


def one_clean_line(result, code: int) -> None:
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("error: "), result.stderr


@pytest.fixture()
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- JSON that is not merely a syntax error -------------------------------------------------------------------

@pytest.mark.parametrize("bad", ["[" * 100_000, '{"text": ' + "7" * 5000 + "}"], ids=["deep", "long-number"])
def test_one_bad_jsonl_line_is_a_warning_and_the_rest_is_briefed(tmp_path, bad):
    path = tmp_path / "cluster.jsonl"
    path.write_text("\n".join([*records(), bad]) + "\n")
    result = brief(str(path), "-f", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["articles"]) == 3
    assert "cluster.jsonl:4: invalid JSON" in result.stderr


@pytest.mark.parametrize("bad", ["[" * 100_000, "7" * 5000], ids=["deep", "long-number"])
def test_a_json_file_that_python_cannot_parse_is_one_line(tmp_path, bad):
    path = tmp_path / "article.json"
    path.write_text(bad)
    one_clean_line(brief(str(path)), 2)


def test_daily_skips_a_bad_jsonl_line(tmp_path, in_tmp):
    (tmp_path / "day.jsonl").write_text("\n".join([*records(), "[" * 100_000]) + "\n")
    result = runner.invoke(app, ["daily", str(tmp_path / "day.jsonl"), "--embedder", "lexical"])
    assert result.exit_code == 0, result.output
    assert "day.jsonl:4: invalid JSON" in result.stderr


# --- config values of the wrong type -----------------------------------------------------------------------------

@pytest.mark.parametrize("toml", [
    '[brief]\nwords = "abc"', "[brief]\nwords = 1e400", "[brief]\nwords = 5", '[outlets]\n"x.com" = 5',
    'outlets = "x"', "brief = 5", '[brief]\nformat = ["md"]', "[brief]\ntemplate_dir = 7", "[brief]\nmodel = 3",
])
def test_a_config_value_of_the_wrong_type_is_one_line_and_exit_3(tmp_path, toml):
    config = tmp_path / "briefer.toml"
    config.write_text(toml + "\n")
    cluster = write_cluster(tmp_path / "cluster")
    one_clean_line(brief(str(cluster), "--config", str(config), "-o", "-"), 3)


@pytest.mark.parametrize("toml", ["[daily]\ninput = 5", "[daily]\nwords = 5", "[daily]\nwords = 9000",
                                  "daily = 3", "[daily]\nout_dir = []"])
def test_a_daily_config_value_of_the_wrong_type_is_one_line_and_exit_3(tmp_path, in_tmp, toml):
    config = tmp_path / "briefer.toml"
    config.write_text(toml + "\n")
    cluster = [] if "input" in toml else [str(write_cluster(tmp_path / "cluster"))]
    one_clean_line(runner.invoke(app, ["daily", *cluster, "--config", str(config), "--embedder", "lexical"]), 3)
    assert not (in_tmp / "outputs").exists()


def test_an_smtp_setting_that_is_not_a_table_is_one_line_and_exit_3(tmp_path, in_tmp):
    (tmp_path / "briefer.toml").write_text("smtp = 1\n")
    (tmp_path / "b.md").write_text("# A brief\n\nSome text.\n")
    result = runner.invoke(app, ["email", "b.md", "--to", "a@example.com", "--dry-run", "out.eml",
                                 "--config", str(tmp_path / "briefer.toml")])
    one_clean_line(result, 3)


def test_relative_paths_in_a_config_are_relative_to_the_config_file(tmp_path, in_tmp):
    settings = tmp_path / "settings"
    (settings / "mine").mkdir(parents=True)
    (settings / "mine" / "brief.md.j2").write_text("MINE {{ brief.headline }}\n")
    (settings / "briefer.toml").write_text('[brief]\ntemplate_dir = "mine"\n')
    cluster = write_cluster(tmp_path / "cluster")
    result = brief(str(cluster), "--config", str(settings / "briefer.toml"), "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("MINE ")


# --- yesterday's page, edited or broken ------------------------------------------------------------------------

@pytest.mark.parametrize("story", [
    {"headline": None, "outlets": [{}], "points": [None, {"text": 5}], "sources": [{"url": ["x"]}, 3]},
    {"headline": 5, "outlets": "Reuters", "points": "x", "sources": {"url": 1}},
])
def test_a_malformed_previous_page_does_not_break_daily(tmp_path, in_tmp, story):
    previous = in_tmp / "outputs" / "2022-01-20"
    previous.mkdir(parents=True)
    (previous / "brief.json").write_text(json.dumps(
        {"kind": "daily", "date": None, "stories": [story], "also_reported": [story, 7]}))
    day = write_cluster(tmp_path / "day")
    result = runner.invoke(app, ["daily", str(day), "--embedder", "lexical", "-q"])
    assert result.exit_code == 0, result.output
    assert json.loads((in_tmp / "outputs" / "2022-01-21" / "brief.json").read_text())["stories"]


# --- special files --------------------------------------------------------------------------------------------

def test_a_fifo_in_a_daily_folder_is_skipped_with_a_warning_not_waited_on(tmp_path):
    day = write_cluster(tmp_path / "day")
    os.mkfifo(day / "pipe.txt")
    command = [sys.executable, "-m", "briefer", "daily", str(day), "--embedder", "lexical",
               "--out-dir", str(tmp_path / "out")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr
    assert "pipe.txt: not a regular file" in done.stderr


def test_a_link_to_dev_zero_is_skipped_without_reading_it_all(tmp_path):
    cluster = write_cluster(tmp_path / "cluster")
    (cluster / "zero.txt").symlink_to("/dev/zero")
    result = brief(str(cluster), "-o", "-")
    assert result.exit_code == 0, result.output
    assert "zero.txt: not a regular file" in result.stderr


def test_a_symlink_loop_is_warned_about(tmp_path):
    cluster = write_cluster(tmp_path / "cluster")
    (cluster / "loop.txt").symlink_to(cluster / "loop.txt")
    result = brief(str(cluster), "-o", "-")
    assert result.exit_code == 0, result.output
    assert "loop.txt: cannot read" in result.stderr and "symbolic links" in result.stderr


# --- templates -----------------------------------------------------------------------------------------------

def test_a_broken_template_fails_with_its_line_before_anything_is_briefed(tmp_path, monkeypatch):
    template = tmp_path / "mine.md.j2"
    template.write_text("# {{ brief.headline }}\n\n{% for p in brief.points %}\n- {{ p.text }\n")
    import briefer.pipeline

    def never(*args, **kwargs):
        raise AssertionError("the brief was built before the template was checked")

    monkeypatch.setattr(briefer.pipeline, "brief_from_path", never)
    result = brief(str(write_cluster(tmp_path / "cluster")), "--template", str(template), "-o", "-")
    one_clean_line(result, 3)
    assert "mine.md.j2, line 4" in result.stderr


def test_a_template_error_at_render_time_names_its_line(tmp_path):
    template = tmp_path / "mine.md.j2"
    template.write_text("# {{ brief.headline }}\n\n{{ brief.nothing_here }}\n")
    result = brief(str(write_cluster(tmp_path / "cluster")), "--template", str(template), "-o", "-")
    one_clean_line(result, 3)
    assert "mine.md.j2, line 3" in result.stderr


def test_a_broken_daily_template_fails_before_the_day_is_briefed(tmp_path, in_tmp):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "daily.md.j2").write_text("{% if %}\n")
    result = runner.invoke(app, ["daily", str(write_cluster(tmp_path / "day")), "--template-dir",
                                 str(tmp_path / "mine"), "--embedder", "lexical"])
    one_clean_line(result, 3)
    assert "daily.md.j2, line 1" in result.stderr and not (in_tmp / "outputs").exists()


def test_long_words_wrap_inside_the_html_column(tmp_path):
    result = brief(str(write_cluster(tmp_path / "cluster")), "-f", "html", "-o", "-")
    assert "overflow-wrap:anywhere" in result.stdout


# --- the glued-word repair leaves code alone ------------------------------------------------------------------

@pytest.mark.parametrize("line", ["{% endfor %}", "{{ endfor }}", "<% endfor %>", "x = borderwith",
                                  "@fromthat and #thatwould", "https://example.com/borderwith"])
def test_the_glued_word_repair_never_touches_code(line):
    assert repair_glued_words(line) == line


def test_the_glued_word_repair_still_fixes_prose():
    assert repair_glued_words("troops at the borderwith Russia") == "troops at the border with Russia"


def test_daily_email_with_a_broken_smtp_table_fails_before_the_page_is_written(tmp_path, in_tmp):
    (tmp_path / "briefer.toml").write_text("smtp = 1\n")
    cluster = write_cluster(tmp_path / "cluster")
    result = runner.invoke(app, ["daily", str(cluster), "--email", "--config", str(tmp_path / "briefer.toml"),
                                 "--embedder", "lexical"])
    one_clean_line(result, 3)
    assert not (in_tmp / "outputs").exists()
