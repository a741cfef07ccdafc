"""Crash safety with real processes (issue 19): SIGINT or SIGKILL at any moment of brief, daily and email
--dry-run leaves every existing output whole; concurrent runs leave one whole file; a daily page is replaced as
a set; a killed run's temporaries are cleaned by the next."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefer.publish import output
from briefer.publish.output import JOURNAL, finish_interrupted_set, folder_lock, write_atomic, write_set
from tests.conftest import GENEVA_TEXTS as TEXTS

REPO = Path(__file__).resolve().parents[1]
HOSTS = ["reuters.com", "bbc.co.uk", "apnews.com"]


def write_cluster(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n, (host, text) in enumerate(zip(HOSTS, TEXTS), start=1):
        (folder / f"{n}.txt").write_text(f"Geneva talks {n}\n2022-01-21\nhttps://www.{host}/n/{n}\n\n{text}\n")
    return folder


def briefer(*args: str, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "briefer", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(REPO)})


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefer", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)})


def interrupted(args: list[str], cwd: Path, delay: float, sig: int) -> None:
    process = briefer(*args, cwd=cwd)
    time.sleep(delay)
    process.send_signal(sig)
    process.communicate(timeout=120)


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob(".*") if p.name.endswith(".tmp")]


DELAYS = (0.2, 0.5, 0.8, 1.1, 1.5)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_a_brief_killed_at_any_moment_leaves_the_old_or_the_new_file_whole(tmp_path, sig):
    cluster = write_cluster(tmp_path / "cluster")
    args = ["brief", str(cluster), "--embedder", "lexical", "--out", "brief.md"]
    assert run(*args, cwd=tmp_path).returncode == 0
    new = (tmp_path / "brief.md").read_text()
    for delay in DELAYS:
        (tmp_path / "brief.md").write_text("the old brief\n")
        interrupted(args, tmp_path, delay, sig)
        assert (tmp_path / "brief.md").read_text() in ("the old brief\n", new), delay
    if sig == signal.SIGINT:
        assert temporaries(tmp_path) == []  # an interrupted run removes its own temporary


def test_two_briefs_writing_one_file_at_once_leave_one_whole_file(tmp_path):
    cluster = write_cluster(tmp_path / "cluster")
    short = ["brief", str(cluster), "--embedder", "lexical", "--out", "same.md", "--words", "60"]
    long = ["brief", str(cluster), "--embedder", "lexical", "--out", "same.md", "--words", "550"]
    assert run(*short, cwd=tmp_path).returncode == 0
    expected = {(tmp_path / "same.md").read_text()}
    assert run(*long, cwd=tmp_path).returncode == 0
    expected.add((tmp_path / "same.md").read_text())
    for _ in range(3):
        first, second = briefer(*short, cwd=tmp_path), briefer(*long, cwd=tmp_path)
        first.communicate(timeout=120)
        second.communicate(timeout=120)
        assert first.returncode == 0 and second.returncode == 0
        assert (tmp_path / "same.md").read_text() in expected
    assert temporaries(tmp_path) == []


def daily_set(folder: Path) -> tuple[str, str]:
    """The page's JSON and Markdown, checked whole: the JSON parses and the Markdown ends as a page ends."""
    page = (folder / "brief.json").read_text()
    json.loads(page)
    return page, (folder / "brief.md").read_text()


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_a_daily_run_killed_at_any_moment_leaves_a_whole_page_and_yesterdays_state(tmp_path, sig):
    day = write_cluster(tmp_path / "day")
    yesterday = tmp_path / "outputs" / "2022-01-20"
    yesterday.mkdir(parents=True)
    state = json.dumps({"kind": "daily", "date": "2022-01-20", "stories": []})
    (yesterday / "brief.json").write_text(state)
    args = ["daily", str(day), "--embedder", "lexical", "-q"]
    assert run(*args, cwd=tmp_path).returncode == 0
    folder = tmp_path / "outputs" / "2022-01-21"
    whole = daily_set(folder)
    for delay in DELAYS:
        interrupted(args, tmp_path, delay, sig)
        finish_interrupted_set(folder)  # what the next run does first
        assert daily_set(folder) == whole, delay  # the same input makes the same page: old and new are alike
        assert (yesterday / "brief.json").read_text() == state
    assert run(*args, cwd=tmp_path).returncode == 0
    assert temporaries(tmp_path / "outputs") == [] and not (folder / JOURNAL).exists()


def test_email_dry_run_killed_at_any_moment_leaves_the_old_or_the_new_message(tmp_path):
    (tmp_path / "b.md").write_text("# A brief\n\nSome text [Reuters](https://www.reuters.com/a).\n")
    args = ["email", "b.md", "--to", "reader@example.com", "--dry-run", "out.eml"]
    assert run(*args, cwd=tmp_path).returncode == 0
    new = (tmp_path / "out.eml").read_bytes()
    body = lambda data: [line for line in data.splitlines() if not line.startswith((b"Date:", b"Message-ID:"))]
    for delay in DELAYS:
        (tmp_path / "out.eml").write_bytes(b"the old message\n")
        interrupted(args, tmp_path, delay, signal.SIGKILL)
        data = (tmp_path / "out.eml").read_bytes()
        assert data == b"the old message\n" or len(body(data)) == len(body(new)), delay


# --- the set, the journal and the lock, step by step ---------------------------------------------------------

def test_a_set_cut_short_during_its_renames_is_finished_by_the_next_run(tmp_path, monkeypatch):
    write_set(tmp_path, {"brief.md": "old md", "brief.json": "old json", "stories/a.json": "old a"})
    real_replace, calls = os.replace, []

    def dies_after_one_rename(source, target):
        if str(target).endswith(JOURNAL):
            return real_replace(source, target)
        calls.append(target)
        if len(calls) > 1:
            raise KeyboardInterrupt  # killed between two renames
        return real_replace(source, target)

    monkeypatch.setattr(output.os, "replace", dies_after_one_rename)
    with pytest.raises(KeyboardInterrupt):
        write_set(tmp_path, {"stories/a.json": "new a", "brief.md": "new md", "brief.json": "new json"})
    monkeypatch.setattr(output.os, "replace", real_replace)
    assert (tmp_path / JOURNAL).exists()  # mixed for now, but the journal knows the rest
    finish_interrupted_set(tmp_path)
    assert [(tmp_path / n).read_text() for n in ("stories/a.json", "brief.md", "brief.json")] == [
        "new a", "new md", "new json"]
    assert temporaries(tmp_path) == [] and not (tmp_path / JOURNAL).exists()


def test_a_set_killed_before_its_journal_keeps_the_old_files_and_loses_its_temporaries(tmp_path, monkeypatch):
    write_set(tmp_path, {"brief.md": "old md", "brief.json": "old json"})
    real_staged = output._staged

    def dies_on_the_second(path, text):
        if path.name == "brief.json":
            raise KeyboardInterrupt
        return real_staged(path, text)

    monkeypatch.setattr(output, "_staged", dies_on_the_second)
    with pytest.raises(KeyboardInterrupt):
        write_set(tmp_path, {"brief.md": "new md", "brief.json": "new json"})
    assert (tmp_path / "brief.md").read_text() == "old md" and temporaries(tmp_path) == []


def test_stale_temporaries_of_a_killed_brief_are_removed_by_the_next_write(tmp_path):
    stale, fresh = tmp_path / ".brief.md.abc123.tmp", tmp_path / ".brief.md.def456.tmp"
    stale.write_text("half")
    fresh.write_text("a concurrent run's")
    old = time.time() - output.STALE_AFTER_S - 10
    os.utime(stale, (old, old))
    write_atomic(tmp_path / "brief.md", "new")
    assert not stale.exists() and fresh.exists()


def test_a_second_daily_on_the_same_folder_stops_at_once(tmp_path):
    day = write_cluster(tmp_path / "day")
    with folder_lock(tmp_path / "outputs" / "2022-01-21"):
        result = run("daily", str(day), "--embedder", "lexical", "-q", cwd=tmp_path)
    assert result.returncode == 6 and "another briefer run is writing" in result.stderr
