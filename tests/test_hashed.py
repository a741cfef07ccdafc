"""The day's clustering counts words without a Python loop over them: the same words as ``similarity_words``,
hashed the same way in every process."""

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from briefer.ingest.load import load_cluster, sample_cluster_path
from briefer.text.hashed import hashed_columns, hashed_words
from briefer.text.lexicon import similarity_words

TRICKY = [
    "Rock'n'roll: O'Neill's ''quoted'' 'words', the café's naïve 1990s '90s it's Obama\u2019s x'y'z a''b",
    "Talks, talk, TALKS; press, buses, bus, crisis; hers this is it; don't-stop 1,200.5 \u212aelvin ÉCOLE",
    "",
    "!!! ... ???",
]


def texts() -> list[str]:
    return [a.text for a in load_cluster(sample_cluster_path()).articles] + TRICKY


def test_hashed_words_are_the_similarity_words_of_each_text():
    rows, columns = hashed_words(texts(), 22)
    for row, text in enumerate(texts()):
        expected = Counter(hashed_columns([w.encode("ascii") for w in similarity_words(text)], 22).tolist())
        assert Counter(columns[rows == row].tolist()) == expected, text[:60]
    assert len(set(columns.tolist())) > 500 and columns.max() < 2**22


def test_columns_do_not_depend_on_the_process():
    """Partitions are counted on different machines: a word must land in the same column everywhere (Python's own
    ``hash`` of a string would not: it is salted per process)."""
    script = ("import json, sys; from briefer.text.hashed import hashed_words; "
              "rows, cols = hashed_words(json.loads(sys.stdin.read()), 22); print(json.dumps(cols.tolist()))")
    done = subprocess.run([sys.executable, "-c", script], input=json.dumps(texts()), capture_output=True, text=True,
                          env={"PYTHONHASHSEED": "12345", "PATH": ""}, timeout=60,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == hashed_words(texts(), 22)[1].tolist()
