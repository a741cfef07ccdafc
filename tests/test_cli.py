"""The briefer command: outputs, exit codes, one-line errors, nothing half-written."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefer.cli import app

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture()
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.weights
def test_sample_writes_markdown_under_outputs_and_prints_the_path(in_tmp):
    result = invoke("brief", "--sample")
    assert result.exit_code == 0, result.output
    path = Path(result.stdout.strip())
    assert path.parent == Path("outputs/2022-01-21") and path.suffix == ".md"
    assert (in_tmp / path).read_text().startswith("# ")


@pytest.mark.weights
def test_json_to_stdout_is_clean_json(sample_dir):
    result = invoke("brief", str(sample_dir), "--format", "json", "--out", "-")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data["articles"]) == 5 and data["points"]


@pytest.mark.weights
def test_out_suffix_picks_the_format_and_folder_out_uses_the_slug(sample_dir, in_tmp):
    assert invoke("brief", str(sample_dir), "--out", "b.html").exit_code == 0
    assert (in_tmp / "b.html").read_text().startswith("<!DOCTYPE html>")
    (in_tmp / "briefs").mkdir()
    result = invoke("brief", str(sample_dir), "-f", "txt", "--out", "briefs")
    assert result.exit_code == 0 and result.stdout.strip().endswith(".txt")
    assert Path(result.stdout.strip()).parent == Path("briefs")


@pytest.mark.weights
def test_length_presets_and_words(sample_dir):
    short = json.loads(invoke("brief", str(sample_dir), "--length", "short", "-f", "json", "-o", "-").stdout)
    long = json.loads(invoke("brief", str(sample_dir), "--words", "550", "-f", "json", "-o", "-").stdout)
    assert short["words"] <= 200 < long["words"] <= 550


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("brief", "no/such/path"), 2, "no such file"),
        (("brief",), 2, "--sample"),
        (("brief", "--sample", "--format", "pdf"), 3, "unknown format"),
        (("brief", "--sample", "--length", "huge"), 3, "--length"),
        (("brief", "--sample", "--config", "missing.toml"), 3, "config file not found"),
    ],
)
def test_bad_input_is_one_line_and_an_exit_code(in_tmp, args, code, message):
    result = invoke(*args)
    assert result.exit_code == code
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]
    assert "Traceback" not in result.output


def test_empty_folder_is_bad_input(in_tmp):
    (in_tmp / "empty").mkdir()
    result = invoke("brief", "empty")
    assert result.exit_code == 2 and result.stderr.startswith("error: ")


def test_failed_run_leaves_an_existing_brief_untouched(in_tmp):
    (in_tmp / "cluster").mkdir()
    (in_tmp / "cluster" / "a.txt").write_bytes(b"\x00\x01\x02binary")
    existing = in_tmp / "brief.md"
    existing.write_text("yesterday's brief\n")
    result = invoke("brief", "cluster", "--out", str(existing))
    assert result.exit_code == 2
    assert existing.read_text() == "yesterday's brief\n"
    assert [p.name for p in in_tmp.iterdir() if p.name.startswith(".brief")] == []


@pytest.mark.weights
def test_one_bad_file_is_a_warning_and_the_brief_is_still_written(sample_dir, in_tmp):
    cluster = in_tmp / "cluster"
    cluster.mkdir()
    for source in sample_dir.iterdir():
        if source.suffix == ".txt":
            (cluster / source.name).write_bytes(source.read_bytes())
    (cluster / "zz_broken.txt").write_bytes(b"\xff\xfe\x00\x00\x00garbage\x00")
    result = invoke("brief", "cluster", "--out", "-")
    assert result.exit_code == 0
    assert "zz_broken.txt" in result.stderr and result.stdout.startswith("# ")


@pytest.mark.weights
def test_config_file_sets_defaults_and_cli_wins(sample_dir, in_tmp):
    (in_tmp / "briefer.toml").write_text('[brief]\nformat = "txt"\nwords = 200\n[outlets]\n"thehill.com" = "Hill"\n')
    result = invoke("brief", str(sample_dir), "--config", "briefer.toml", "--out", "-")
    assert result.exit_code == 0 and result.stdout.split("\n")[0].isupper()
    assert "[Hill]" in result.stdout
    result = invoke("brief", str(sample_dir), "--config", "briefer.toml", "-f", "json", "--out", "-")
    assert json.loads(result.stdout)["words"] <= 200


def test_help_lists_commands_options_and_exit_codes():
    result = invoke("brief", "--help")
    assert result.exit_code == 0
    for option in ("--format", "--out", "--words", "--length", "--template", "--sample", "Exit codes"):
        assert option in result.stdout


def test_console_script_prints_no_traceback(tmp_path):
    env = {**os.environ, "BRIEFER_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "briefer", "brief", str(tmp_path / "nope")],
                          capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
