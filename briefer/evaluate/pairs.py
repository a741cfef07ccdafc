"""Hand-labelled sentence pairs: does the support decision cite what a person would?

Each pair (``tests/data/claim_pairs.jsonl``) is two sentences from different articles of one cluster and whether they
state the same claim. Scoring a decision on them needs each pair seen as the pipeline sees it: the cluster loaded,
cleaned, split and encoded in one call (the lexical idf comes from that call), the cluster's word rarity, and
whether one sentence is the other's closest in its article (the only pairs the pipeline ever judges). The benches
that fit the decision (``bench/support.py``, ``bench/claims.py``) and the tests that pin it share this, so the
numbers they report are the same numbers.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from briefer.backends.embed import Embedder
from briefer.core.support import ClusterVocabulary, SupportModel, compatible, pair_features, states_in_full
from briefer.ingest.load import articles_from_records, load_cluster, sample_cluster_path
from briefer.text.clean import clean_article
from briefer.text.sentences import sentences_of
from briefer.types import Sentence

# The cosine thresholds that decided citations before the fitted support model (static: the same rule at its
# bench/claims.py pick): the rule the model must beat.
COSINE_RULE = {"static": 0.91, "minilm": 0.89, "lexical": 0.70}


@dataclass(frozen=True)
class LabelledPair:
    a: str
    b: str
    same_claim: bool
    note: str
    cluster: str  # "sample" (the bundled cluster), "multiling2011:<id>" or "multinews-dev:<id>"


def read_pairs(path: Path) -> list[LabelledPair]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [LabelledPair(r["a"], r["b"], bool(r["same_claim"]), r.get("note", ""), r["cluster"]) for r in rows]


# The development set each labelled cluster's source names, a file of the eval folder (``../shared/eval``).
EVAL_FILES = {"multiling2011": "multiling2011-en.jsonl", "multinews-dev": "multinews-dev.jsonl"}


@functools.lru_cache(maxsize=None)
def cluster_sentences(cluster: str, eval_folder: Path) -> tuple[Sentence, ...]:
    """The sentences the pipeline would embed for a cluster: loaded, cleaned and split the same way. Each cluster is
    split once per process: the benches ask for it once per embedder, for its vectors and for its word rarity."""
    if cluster == "sample":
        articles = load_cluster(sample_cluster_path()).articles
    else:
        source, _, cluster_id = cluster.partition(":")
        if source not in EVAL_FILES:
            raise ValueError(f"unknown cluster source in {cluster!r}")
        articles = articles_from_records(_development_set(eval_folder / EVAL_FILES[source])[cluster_id]).articles
    return tuple(s for article in articles for s in sentences_of(clean_article(article)))


@functools.lru_cache(maxsize=None)
def _development_set(path: Path) -> dict[str, list[dict[str, object]]]:
    """Each cluster's article records in one development set, by cluster id: the file is read once per process."""
    records = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {record["id"]: record["articles"] for record in records}


@dataclass(frozen=True)
class EncodedCluster:
    """A cluster's sentences encoded in one call, as the pipeline does (the lexical idf comes from that call)."""

    sentences: list[Sentence]
    vectors: np.ndarray  # one row per sentence, then one per labelled sentence the splitter no longer produces
    row: dict[str, int]  # sentence text -> its first row


def encode_clusters(pairs: Sequence[LabelledPair], embedder: Embedder, eval_folder: Path) -> dict[str, EncodedCluster]:
    """Every cluster the pairs come from. A labelled sentence that a change in cleaning or splitting no longer
    produces is still encoded with its cluster: the idf shifts a little, but no labelled pair is dropped."""
    labelled: dict[str, set[str]] = defaultdict(set)
    for pair in pairs:
        labelled[pair.cluster] |= {pair.a, pair.b}
    encoded = {}
    for cluster, texts in labelled.items():
        sentences = list(cluster_sentences(cluster, eval_folder))
        all_texts = [s.text for s in sentences]
        all_texts += sorted(texts - set(all_texts))
        row: dict[str, int] = {}
        for k, text in enumerate(all_texts):
            row.setdefault(text, k)
        encoded[cluster] = EncodedCluster(sentences, embedder.encode(all_texts), row)
    return encoded


@dataclass(frozen=True)
class PairTable:
    """One embedder's view of the labelled pairs: features, labels, which pairs the decision can see, clusters."""

    name: str
    threshold: float  # the embedder's claim threshold: the floor for citing
    group_threshold: float
    features: np.ndarray
    cosines: np.ndarray
    labels: np.ndarray
    allowed: np.ndarray  # compatible(a, b): not vetoed
    considered: np.ndarray  # allowed and at or above the floor: the pairs the model scores
    decided: np.ndarray  # one sentence is the other's closest in its article: the pairs the pipeline judges
    clusters: np.ndarray
    encoded: dict[str, EncodedCluster]
    in_full: np.ndarray  # allowed, and the second sentence states the first in full (``states_in_full``)

    def accepted(self, model: SupportModel) -> np.ndarray:
        """The pairs ``briefer.core.support.supports`` accepts with ``model``: stated in full, or over the floor and
        the model's cut."""
        return self.in_full | (self.considered & (model.scores(self.features) >= model.cut))


def cluster_vocabularies(pairs: Sequence[LabelledPair], eval_folder: Path) -> dict[str, ClusterVocabulary]:
    """Word rarity per cluster over the texts ``encode_clusters`` encodes: the cluster's sentences, then the
    labelled sentences the splitter no longer produces (so "tfidf" equals the lexical embedder's cosine)."""
    labelled: dict[str, set[str]] = defaultdict(set)
    for pair in pairs:
        labelled[pair.cluster] |= {pair.a, pair.b}
    vocabularies = {}
    for cluster, texts in labelled.items():
        sentences = [s.text for s in cluster_sentences(cluster, eval_folder)]
        vocabularies[cluster] = ClusterVocabulary(sentences + sorted(texts - set(sentences)))
    return vocabularies


def closest_in_article(data: EncodedCluster, text: str, other: str) -> bool:
    """Whether ``other`` is, of its article's sentences, the closest to ``text`` (what group_claims would judge)."""
    article = next((s.article_id for s in data.sentences if s.text == other), None)
    rows = [k for k, s in enumerate(data.sentences) if s.article_id == article]
    if not rows:
        return False
    closest = max(rows, key=lambda k: float(data.vectors[data.row[text]] @ data.vectors[k]))
    return data.sentences[closest].text == other


def pair_table(embedder: Embedder, pairs: Sequence[LabelledPair], eval_folder: Path) -> PairTable:
    encoded = encode_clusters(pairs, embedder, eval_folder)
    vocabularies = cluster_vocabularies(pairs, eval_folder)
    cosines, rows, decided = [], [], []
    for pair in pairs:
        data = encoded[pair.cluster]
        cosine = float(data.vectors[data.row[pair.a]] @ data.vectors[data.row[pair.b]])
        cosines.append(cosine)
        rows.append(pair_features(pair.a, pair.b, cosine, embedder.claim_threshold, vocabularies[pair.cluster]))
        decided.append(closest_in_article(data, pair.a, pair.b) or closest_in_article(data, pair.b, pair.a))
    cosine_array = np.array(cosines)
    allowed = np.array([compatible(p.a, p.b) for p in pairs])
    return PairTable(embedder.name, embedder.claim_threshold, embedder.group_threshold, np.vstack(rows), cosine_array,
                     np.array([p.same_claim for p in pairs]), allowed,
                     allowed & (cosine_array >= embedder.claim_threshold), np.array(decided),
                     np.array([p.cluster for p in pairs]), encoded,
                     allowed & np.array([states_in_full(p.a, p.b) for p in pairs], dtype=bool))


@dataclass(frozen=True)
class Outcome:
    precision: float
    recall: float
    accepted: int
    wrong: int

    def cells(self) -> str:
        return f"{self.precision:.3f} | {self.recall:.3f} | {self.accepted} | {self.wrong}"


def outcome(accepted: np.ndarray, labels: np.ndarray) -> Outcome:
    right, taken, positives = int(np.sum(accepted & labels)), int(accepted.sum()), int(labels.sum())
    return Outcome(right / taken if taken else 1.0, right / positives if positives else 0.0, taken, taken - right)
