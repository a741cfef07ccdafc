"""Which point leads: every brief whose lede the outlet count changes, at each depth past which a sentence is background.

    .venv/bin/python bench/ledes.py [--dataset multinews|multiling|both] [--stories DIR] [--depths 3,5,10,13,20,0]

``briefer.core.rank.lead_with_the_most_reported`` lets the chosen point the most outlets report displace the ranker's
lede, counting for it only the outlets that state it within their first ``background_after`` sentences (0 here: no
limit, every outlet counts). ROUGE cannot say which lede states the news, so this prints, for each brief where the
depths disagree or any of them swaps, the ranker's lede and the point that would displace it, each with where its
articles state it (article, sentence index), and what each depth decides: to be read. ``--stories`` adds every folder
of DIR as one cluster (the real day's stories). The value in ``briefer.fitted.BACKGROUND_AFTER`` is the one a reader
chose from this list (BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.quality import DATASETS  # noqa: E402

from briefer.backends.embed import StaticEmbedder  # noqa: E402
from briefer.core import rank  # noqa: E402
from briefer.errors import InputError  # noqa: E402
from briefer.evaluate.datasets import read_clusters  # noqa: E402
from briefer.ingest.load import load_cluster, sample_cluster_path  # noqa: E402
from briefer.pipeline import group_cluster  # noqa: E402
from briefer.settings import BriefSettings  # noqa: E402
from briefer.types import Article, Point  # noqa: E402

NO_LIMIT = 1 << 30


def clusters(dataset: str, stories: Path | None) -> list[tuple[str, tuple[Article, ...]]]:
    found = [("sample", load_cluster(sample_cluster_path()).articles)]
    for name in (["multinews", "multiling"] if dataset == "both" else [dataset]):
        found += [(f"{name} #{k}", c.articles) for k, c in enumerate(read_clusters(DATASETS[name][0]))]
    if stories:
        found += [(f"story {d.name}", load_cluster(d).articles) for d in sorted(stories.iterdir()) if d.is_dir()]
    return found


def where(point: Point) -> str:
    return ", ".join(f"{s.article_id}:{s.index}" for s in point.evidence)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", choices=["multinews", "multiling", "both"], default="both")
    parser.add_argument("--stories", type=Path, help="a folder of story folders, each briefed as one cluster")
    parser.add_argument("--depths", default="3,5,10,13,20,0", help="background depths to compare (0: no limit)")
    args = parser.parse_args()
    depths = [int(d) for d in args.depths.split(",")]
    embedder, settings = StaticEmbedder(), BriefSettings()
    briefs = swapped = 0
    for name, articles in clusters(args.dataset, args.stories):
        try:
            usable, grouped = group_cluster(articles, settings, embedder=embedder, warnings=[])
        except InputError:
            continue
        briefs += 1
        lede, points = rank.select(grouped, usable, settings)
        leads = {d: rank.lead_with_the_most_reported(lede, points, usable, d or NO_LIMIT)[0] for d in depths}
        if all(lead is lede for lead in leads.values()):
            continue
        swapped += 1
        print(f"\n{name}\n  ranker's lede [{where(lede)}]: {lede.text}")
        for lead in {id(p): p for p in leads.values() if p is not lede}.values():
            print(f"  displaced by  [{where(lead)}]: {lead.text}")
        print("  " + ", ".join(f"{d or 'no limit'}: {'swap' if leads[d] is not lede else 'keep'}" for d in depths))
    print(f"\n{swapped} of {briefs} briefs have a lede some depth would change.")


if __name__ == "__main__":
    main()
