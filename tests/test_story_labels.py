"""The Multi-News pile's story labels (tests/data/multinews_story_labels.jsonl) stay well formed: bench/stories.py
scores story clustering against them, page by page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

LABELS_FILE = Path(__file__).resolve().parent / "data" / "multinews_story_labels.jsonl"
EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "multinews-dev.jsonl"
STORY = re.compile(r"story(?:[2-9]|\d\d)?|none")


def rows() -> list[dict]:
    return [json.loads(line) for line in LABELS_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_page_has_one_known_label_and_a_short_note_of_its_own():
    found = rows()
    assert len({(r["cluster"], r["page"]) for r in found}) == len(found)
    for row in found:
        assert STORY.fullmatch(row["story"]), row
        assert isinstance(row["page"], int) and row["page"] >= 0, row
        assert 0 < len(row["note"].split()) <= 12, row


def test_the_other_stories_of_a_cluster_are_numbered_from_two_without_gaps():
    """("story" may be missing: a cluster whose only page with an article is about an earlier event.)"""
    by_cluster: dict[str, set[str]] = {}
    for row in rows():
        by_cluster.setdefault(row["cluster"], set()).add(row["story"])
    for cluster, stories in by_cluster.items():
        numbered = sorted(int(s[5:]) for s in stories if s[5:].isdigit())
        assert numbered == list(range(2, len(numbered) + 2)), (cluster, stories)


@pytest.mark.skipif(not EVAL.is_file(), reason="needs ../shared/eval beside the checkout")
def test_every_development_page_is_labelled():
    pages = {(record["id"], k) for record in map(json.loads, EVAL.read_text(encoding="utf-8").splitlines())
             for k in range(len(record["articles"]))}
    labelled = {(r["cluster"], r["page"]) for r in rows() if r["cluster"] != "sample"}
    assert labelled == pages
