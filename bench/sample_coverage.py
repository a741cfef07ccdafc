"""Which reference notes could any extractive brief of the sample cover, as the fact matcher measures?

    .venv/bin/python bench/sample_coverage.py [--notes tests/data/sample_notes.md]

For each note of ``tests/data/sample_notes.md``: the best score of any sentence of the bundled sample cluster (after
cleaning and splitting, as the pipeline sees them), that sentence, and the best score of a point of the default
brief. A note whose best cluster sentence stays under the matcher's threshold cannot be covered by any extractive
brief as measured, however it ranks: the limit lies with the matcher (or the note), not with the ranker. Prints a
Markdown report.
"""

from __future__ import annotations

import argparse
import platform
from datetime import date
from pathlib import Path

from briefer.text.clean import clean_article
from briefer.evaluate.matchers import get_matcher
from briefer.evaluate.notes import read_notes
from briefer.ingest.load import load_cluster, sample_cluster_path
from briefer.pipeline import brief_from_path
from briefer.text.sentences import sentences_of

NOTES = Path(__file__).resolve().parents[1] / "tests" / "data" / "sample_notes.md"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=Path, default=NOTES)
    args = parser.parse_args()

    notes = read_notes(args.notes)
    cluster = load_cluster(sample_cluster_path())
    sentences = [s.text for article in cluster.articles for s in sentences_of(clean_article(article))]
    brief = brief_from_path(sample_cluster_path())
    points = [brief.lede.text, *(p.text for p in brief.points)]
    matcher = get_matcher()
    in_cluster = matcher.similarity([n.text for n in notes], sentences)
    in_brief = matcher.similarity([n.text for n in notes], points)

    print(f"Command: `.venv/bin/python bench/sample_coverage.py`; {date.today()}, {platform.machine()}, "
          f"Python {platform.python_version()}; matcher {matcher.name}, threshold {matcher.threshold:.2f}\n")
    print(f"{len(sentences)} sentences in the sample cluster; the default brief has {len(points)} items "
          "(lede and points).\n")
    print("| note | core | best in brief | best in cluster | best cluster sentence |")
    print("|---|---|---|---|---|")
    for row, note in enumerate(notes):
        best = int(in_cluster[row].argmax())
        print(f"| {note.text} | {'yes' if note.core else ''} | {in_brief[row].max():.3f} | "
              f"{in_cluster[row, best]:.3f} | {sentences[best]} |")
    reachable = [bool(in_cluster[row].max() >= matcher.threshold) for row in range(len(notes))]
    core = [row for row, note in enumerate(notes) if note.core]
    print(f"\nNotes some cluster sentence covers: {sum(reachable)} of {len(notes)}; core: "
          f"{sum(reachable[row] for row in core)} of {len(core)}. Covered by the brief: "
          f"{int((in_brief.max(axis=1) >= matcher.threshold).sum())} of {len(notes)}; core: "
          f"{sum(bool(in_brief[row].max() >= matcher.threshold) for row in core)} of {len(core)}.")


if __name__ == "__main__":
    main()
