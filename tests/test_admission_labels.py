"""The hand-labelled admission file (tests/data/admission_labels.jsonl) stays well formed for whoever fits on it."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

LABELS_FILE = Path(__file__).resolve().parent / "data" / "admission_labels.jsonl"
LABELS = {"claim", "strip", "caption", "furniture", "fragment", "context", "speaker"}
SOURCES = {"multinews-dev", "multiling2011-en", "sample"}


def rows() -> list[dict]:
    return [json.loads(line) for line in LABELS_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_row_has_a_known_label_a_source_and_a_picked_flag():
    for row in rows():
        assert row["label"] in LABELS, row
        assert row["source"].split(":")[0] in SOURCES, row
        assert len(row["source"].split(":")) == 4, row  # set:cluster:article:sentence index
        assert isinstance(row["picked"], bool), row
        assert row["text"] == row["text"].strip() and row["text"], row


def test_ids_and_texts_are_unique():
    found = rows()
    assert len({r["id"] for r in found}) == len(found)
    assert len({r["text"] for r in found}) == len(found)


def test_shown_text_is_the_sentence_with_only_a_leading_label_removed():
    for row in rows():
        if row["label"] == "strip":
            assert row["shown"] and row["text"].endswith(row["shown"]) and row["shown"] != row["text"], row
        else:
            assert "shown" not in row, row


def test_the_file_is_big_enough_to_fit_and_hold_out_by_source():
    found = rows()
    assert len(found) >= 1500
    by_source = Counter(r["source"].split(":")[0] for r in found)
    assert all(by_source[s] >= 100 for s in SOURCES), by_source
    assert sum(r["picked"] for r in found) >= len(found) // 4
