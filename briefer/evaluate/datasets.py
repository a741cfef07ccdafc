"""Scoring briefer on a dataset of clusters with human reference summaries (``../shared/eval/``)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from briefer.errors import InputError
from briefer.evaluate.content import BriefContent
from briefer.evaluate.files import read_text
from briefer.evaluate.rouge import RougeScores, rouge, sentence_texts
from briefer.settings import BriefSettings
from briefer.types import Article, Progress


@dataclass(frozen=True)
class Cluster:
    """One line of an eval JSONL (``../shared/eval/``): articles and their human reference summaries."""

    id: str
    articles: tuple[Article, ...]
    references: tuple[str, ...]

    def reference_sentences(self) -> list[list[str]]:
        return [sentence_texts(r) for r in self.references]


def read_clusters(path: str | Path, limit: int | None = None) -> list[Cluster]:
    """Clusters from a JSONL of ``{"id", "articles": [{title, url, date, outlet, text}], "references": [...]}``."""
    from briefer.ingest.load import articles_from_records

    clusters: list[Cluster] = []
    for number, line in enumerate(read_text(path, "dataset").splitlines(), 1):
        if not line.strip():
            continue
        if limit is not None and len(clusters) >= limit:
            break
        try:
            record = json.loads(line)
            articles = articles_from_records(record["articles"]).articles
            references = tuple(str(r) for r in record["references"] if str(r).strip())
            cluster_id = str(record.get("id", number))
        except InputError as exc:
            raise InputError(f"{path}:{number}: {exc}") from None
        except (ValueError, RecursionError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(
                f"{path}:{number} is not a cluster record ({type(exc).__name__}: {exc}); expected "
                '{"id", "articles": [{"title", "url", "date", "outlet", "text"}], "references": ["..."]}'
            ) from None
        if not references:
            raise InputError(f"{path}:{number} has no reference summary to score against")
        clusters.append(Cluster(cluster_id, articles, references))
    if not clusters:
        raise InputError(f"no clusters found in {path}")
    return clusters


@dataclass(frozen=True)
class ClusterScore:
    id: str
    scores: RougeScores
    words: int  # words of the scored text (lede + points)
    problem: str | None = None  # why the cluster could not be briefed (then scored as an empty brief)


@dataclass(frozen=True)
class DatasetEvaluation:
    dataset: str
    words: int  # the word budget every brief was given
    clusters: tuple[ClusterScore, ...] = field(default=())

    @property
    def mean(self) -> RougeScores:
        return RougeScores.mean([c.scores for c in self.clusters])

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "words": self.words,
            "clusters": len(self.clusters),
            "mean": asdict(self.mean),
            "mean_scored_words": float(np.mean([c.words for c in self.clusters])) if self.clusters else 0.0,
            "problems": [{"id": c.id, "problem": c.problem} for c in self.clusters if c.problem],
            "per_cluster": [{"id": c.id, "words": c.words, **asdict(c.scores)} for c in self.clusters],
        }


def evaluate_dataset(
    path: str | Path,
    settings: BriefSettings,
    *,
    limit: int | None = None,
    on_cluster: Progress | None = None,
) -> DatasetEvaluation:
    """Brief every cluster at ``settings.words`` and score it against its references; the embedder loads once.

    ``on_cluster(done, total)`` is called after each cluster, for a progress bar.
    """
    from briefer.backends.embed import get_embedder
    from briefer.pipeline import build_brief

    clusters = read_clusters(path, limit)
    embedder = get_embedder(settings.embedder, allow_download=settings.allow_download)
    results = []
    for done, cluster in enumerate(clusters, 1):
        try:
            content = BriefContent.from_brief(build_brief(cluster.articles, settings, embedder=embedder))
            sentences, problem = content.sentences(), None
        except InputError as exc:  # a cluster with no usable text scores as an empty brief, and says why
            sentences, problem = [], str(exc)
        words = sum(len(s.split()) for s in sentences)
        results.append(ClusterScore(cluster.id, rouge(sentences, cluster.reference_sentences()), words, problem))
        if on_cluster:
            on_cluster(done, len(clusters))
    return DatasetEvaluation(str(path), settings.words, tuple(results))
