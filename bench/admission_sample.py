"""Draw the sentences to hand-label for admission (issue 14, part 1): which may be shown as a lede or point.

    PYTHONPATH=. .venv/bin/python bench/admission_sample.py [--seed 14] [--out FILE.jsonl]

Sentences are split exactly as the pipeline splits them (``assign_outlets`` → ``clean_article`` →
``sentences_of``, as in ``briefer.pipeline.group_cluster``). The draw mixes, with no text twice:

- every sentence of the bundled sample cluster (``../shared/seeds``);
- sentences the current briefer shows (lede and points of ``build_brief`` at default settings): all of them on
  MultiLing 2011, a seeded draw on Multi-News dev, since these matter most;
- a seeded draw across all articles of both sets, where an article's first and last sentences weigh
  ``EDGE_WEIGHT`` times the rest: that is where captions, datelines, bylines and page furniture sit.

Each row: ``{"id", "text", "source", "picked"}``; ``id`` is a hash of ``source``, so it stays put on reruns.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from briefer.ingest import outlets
from briefer.text import clean, sentences
from briefer.backends.embed import get_embedder
from briefer.errors import InputError
from briefer.evaluate.datasets import read_clusters
from briefer.ingest.load import load_cluster
from briefer.pipeline import build_brief
from briefer.settings import BriefSettings
from briefer.types import Article

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATASETS = {
    "multinews-dev": SHARED / "eval" / "multinews-dev.jsonl",
    "multiling2011-en": SHARED / "eval" / "multiling2011-en.jsonl",
}
SAMPLE = SHARED / "seeds"
# How many shown sentences to draw per dataset (None: all of them), then how many at random across articles.
PICKED_DRAW = {"multinews-dev": 480, "multiling2011-en": None}
RANDOM_DRAW = {"multinews-dev": 760, "multiling2011-en": 300}
EDGE_WEIGHT = 5.0


@dataclass(frozen=True)
class Candidate:
    source: str  # "<set>:<cluster id>:<article id>:<sentence index>"
    text: str
    edge: bool  # first or last sentence of its article


def cluster_candidates(prefix: str, articles: tuple[Article, ...]) -> list[Candidate]:
    """Every sentence of a cluster, split as ``briefer.pipeline.group_cluster`` splits it."""
    found = []
    for article in outlets.assign_outlets(articles, BriefSettings().outlets):
        cleaned = clean.clean_article(article)
        split = sentences.sentences_of(cleaned)
        for sentence in split:
            edge = sentence.index in (0, len(split) - 1)
            found.append(Candidate(f"{prefix}:{article.id}:{sentence.index}", sentence.text, edge))
    return found


def shown_sources(prefix: str, articles: tuple[Article, ...], embedder) -> set[str]:  # type: ignore[no-untyped-def]
    """Sources of the sentences the current briefer shows as lede and points on this cluster."""
    try:
        brief = build_brief(articles, BriefSettings(), embedder=embedder)
    except InputError:
        return set()
    shown = set()
    for point in (brief.lede, *brief.points):
        for sentence in point.evidence:
            if sentence.text == point.text:
                shown.add(f"{prefix}:{sentence.article_id}:{sentence.index}")
                break
    return shown


def weighted_draw(pool: list[Candidate], count: int, rng: random.Random) -> list[Candidate]:
    """``count`` candidates without replacement, edges weighing ``EDGE_WEIGHT`` (Efraimidis–Spirakis keys)."""
    keyed = [(rng.random() ** (1.0 / (EDGE_WEIGHT if c.edge else 1.0)), c) for c in pool]
    keyed.sort(key=lambda pair: pair[0], reverse=True)
    return [c for _, c in keyed[:count]]


def draw(seed: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    embedder = get_embedder(BriefSettings().embedder)
    chosen: dict[str, Candidate] = {}  # text -> candidate, so that no text comes twice
    picked: set[str] = set()

    def add(candidates: list[Candidate]) -> None:
        for candidate in candidates:
            chosen.setdefault(candidate.text, candidate)

    sample_articles = load_cluster(SAMPLE).articles
    picked |= shown_sources("sample:seeds", sample_articles, embedder)
    add(cluster_candidates("sample:seeds", sample_articles))

    for name, path in DATASETS.items():
        pool: list[Candidate] = []
        shown: set[str] = set()
        for cluster in read_clusters(path):
            prefix = f"{name}:{cluster.id}"
            pool.extend(cluster_candidates(prefix, cluster.articles))
            shown |= shown_sources(prefix, cluster.articles, embedder)
        picked |= shown
        shown_pool = [c for c in pool if c.source in shown]
        limit = PICKED_DRAW[name]
        add(shown_pool if limit is None else rng.sample(shown_pool, min(limit, len(shown_pool))))
        rest = [c for c in pool if c.source not in shown and c.text not in chosen]
        add(weighted_draw(rest, RANDOM_DRAW[name], rng))

    return [
        {
            "id": "adm-" + hashlib.sha1(c.source.encode()).hexdigest()[:10],
            "text": c.text,
            "source": c.source,
            "picked": c.source in picked,
        }
        for c in chosen.values()
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--out", type=Path, help="JSONL to write (default: stdout)")
    args = parser.parse_args()
    rows = draw(args.seed)
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(f"{len(rows)} sentences, {sum(bool(r['picked']) for r in rows)} shown by the current briefer", file=sys.stderr)


if __name__ == "__main__":
    main()
