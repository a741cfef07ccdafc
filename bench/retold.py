"""What the retelling rule leaves out: every development brief with and without ``RankWeights.retold``.

    .venv/bin/python bench/retold.py [--retold 0.75] [--dataset multinews|multiling|both]

``briefer.core.rank._tells_again`` leaves out a claim from an article's opening that is at least ``retold`` close to
a chosen claim from another article's opening (same day's news, no conflict). ROUGE cannot tell a second telling of
the news from a new fact, so this prints, for each brief the rule changes, each point it left out beside the shown
sentence closest to it, to be read: the figures in BENCHMARKS.md count what a reader judged them to be.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.quality import DATASETS  # noqa: E402

from briefer.backends.embed import StaticEmbedder  # noqa: E402
from briefer.errors import InputError  # noqa: E402
from briefer.evaluate.datasets import read_clusters  # noqa: E402
from briefer.pipeline import build_brief  # noqa: E402
from briefer.settings import BriefSettings, RankWeights  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--retold", type=float, default=RankWeights().retold)
    parser.add_argument("--dataset", choices=["multinews", "multiling", "both"], default="both")
    args = parser.parse_args()
    embedder = StaticEmbedder()
    with_rule = BriefSettings(rank=RankWeights(retold=args.retold))
    without = BriefSettings(rank=RankWeights(retold=1.01))  # a cosine no pair reaches
    changed = dropped = 0
    for name in (["multinews", "multiling"] if args.dataset == "both" else [args.dataset]):
        for position, cluster in enumerate(read_clusters(DATASETS[name][0])):
            try:
                before = build_brief(cluster.articles, without, embedder=embedder)
                after = build_brief(cluster.articles, with_rule, embedder=embedder)
            except InputError:
                continue
            shown = [p.text for p in (after.lede, *after.points)]
            gone = [p.text for p in (before.lede, *before.points) if p.text not in shown]
            if not gone:
                continue
            changed += 1
            dropped += len(gone)
            half = "held out" if position % 2 else "tune"
            print(f"\n{name} #{position} ({half})")
            closeness = embedder.encode(gone) @ embedder.encode(shown).T
            for text, row in zip(gone, closeness):
                print(f"  - left out: {text}\n    closest shown ({row.max():.2f}): {shown[int(np.argmax(row))]}")
    print(f"\n{changed} briefs changed, {dropped} points left out (some only for want of words).")


if __name__ == "__main__":
    main()
