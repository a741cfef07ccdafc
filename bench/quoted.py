"""Which citations a point's quotation adds: every development brief's points, cited by grouping, then by
``briefer.core.cite.cite_quotations``; each added citation is printed with the sentence it rests on, to be read.

    .venv/bin/python bench/quoted.py [--dataset multinews|multiling|both]

A citation is the product's promise, so the figure in BENCHMARKS.md is what a reader judged these to be, not a score.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.quality import DATASETS  # noqa: E402

from briefer.backends.embed import StaticEmbedder  # noqa: E402
from briefer.core import cite, rank  # noqa: E402
from briefer.errors import InputError  # noqa: E402
from briefer.evaluate.datasets import read_clusters  # noqa: E402
from briefer.pipeline import group_cluster  # noqa: E402
from briefer.settings import BriefSettings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", choices=["multinews", "multiling", "both"], default="both")
    args = parser.parse_args()
    embedder, settings = StaticEmbedder(), BriefSettings()
    points_cited = added = 0
    for name in (["multinews", "multiling"] if args.dataset == "both" else [args.dataset]):
        for position, cluster in enumerate(read_clusters(DATASETS[name][0])):
            try:
                usable, grouped = group_cluster(cluster.articles, settings, embedder=embedder, warnings=[])
            except InputError:
                continue
            lede, points = rank.select(grouped, usable, settings)
            lede, points = rank.lead_with_the_most_reported(lede, points, usable)
            before = [lede, *points]
            for old, new in zip(before, cite.cite_quotations(before, grouped)):
                extra = [s for s in new.evidence if s.article_id not in old.citations]
                if not extra:
                    continue
                points_cited += 1
                added += len(extra)
                print(f"\n{name} #{position}: {new.text}")
                for sentence in extra:
                    print(f"  + {sentence.article_id}: {sentence.text}")
    print(f"\n{added} citations added to {points_cited} points.")


if __name__ == "__main__":
    main()
