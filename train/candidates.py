"""The pairs that tests/data/citation_pairs.jsonl labels: what the citing stage asks about on the development briefs.

    .venv/bin/python -m train.candidates OUT.jsonl

For each development cluster (Multi-News dev and MultiLing 2011, ``../shared/eval``), brief it at the defaults with
the static embedder; for every shown point (lede and points) and every other article of the cluster, take that
article's sentences closest to the point (``JUDGE_CANDIDATES_PER_ARTICLE`` of them, cosine at least
``JUDGE_PREFILTER``): the candidates ``briefer.core.cite.cite`` gives a support judge. Each row records whether the
brief cites the article for the point. Pairs that ``compatible`` vetoes are written too (``compatible`` false): the
labelled file keeps only the others. docs/citation_labels.md says how the rows were read and labelled.
"""

from __future__ import annotations

import json
import sys

import numpy as np

from briefer.backends import embed
from briefer.core.support import compatible
from briefer.errors import InputError
from briefer.evaluate.datasets import read_clusters
from briefer.evaluate.pairs import EVAL_FILES
from briefer.fitted import JUDGE_CANDIDATES_PER_ARTICLE, JUDGE_PREFILTER
from briefer.pipeline import build_brief
from briefer.text import sentences as splitter
from train.data import EVAL



def candidates(out) -> None:  # type: ignore[no-untyped-def]
    embedder = embed.StaticEmbedder()
    for prefix, name in EVAL_FILES.items():
        for cluster in read_clusters(EVAL / name):
            try:
                brief = build_brief(cluster.articles, embedder=embedder)
            except InputError:
                continue
            sentences = [s for article in brief.articles for s in splitter.sentences_of(article)]
            vectors = np.asarray(embedder.encode([s.text for s in sentences]), dtype=np.float32)
            shown = [brief.lede, *brief.points]
            closeness = np.asarray(embedder.encode([p.text for p in shown]), dtype=np.float32) @ vectors.T
            rows_of: dict[str, list[int]] = {}
            for row, sentence in enumerate(sentences):
                rows_of.setdefault(sentence.article_id, []).append(row)
            for p, point in enumerate(shown):
                own = point.evidence[0].article_id if point.evidence else None
                for article_id, rows in rows_of.items():
                    if article_id == own:
                        continue
                    ranked = sorted(rows, key=lambda r: -closeness[p, r])[:JUDGE_CANDIDATES_PER_ARTICLE]
                    for rank, row in enumerate(ranked, start=1):
                        if closeness[p, row] < JUDGE_PREFILTER:
                            continue
                        out.write(json.dumps({
                            "event": f"{prefix}:{cluster.id}", "point": p, "article": article_id, "rank": rank,
                            "cosine": round(float(closeness[p, row]), 4),
                            "compatible": compatible(point.text, sentences[row].text),
                            "cited": article_id in point.citations, "claim": point.text,
                            "premise": sentences[row].text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    with open(sys.argv[1], "w", encoding="utf-8") as handle:
        candidates(handle)
