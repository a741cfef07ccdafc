"""Work bounded by input size: long lines, many alike sentences and huge clusters brief in seconds or stop with
one line, never run for minutes (issue 19: a 329 KB article took 856 s)."""

from __future__ import annotations

import time

import numpy as np
import pytest

from briefer import pipeline
from briefer.core import claims
from briefer.ingest import load
from briefer.errors import InputError
from briefer.text.sentences import split_sentences
from briefer.settings import BriefSettings
from briefer.types import Article


def test_a_line_of_many_sentences_splits_in_linear_time():
    line = " ".join(f"Officials in Geneva said talk number {n} ended at noon." for n in range(20_000))
    started = time.perf_counter()
    spans = split_sentences(line)
    elapsed = time.perf_counter() - started
    assert len(spans) == 20_000
    assert elapsed < 5, f"{elapsed:.1f} s: the word before each full stop must not be found by rescanning the line"


def test_the_word_before_a_full_stop_is_found_as_before():
    text = 'He met Sen. Smith and "Dr. Jones" in the U.S. The talks ended. (Gen. Milley agreed.) It rained.'
    assert [text[a:b] for a, b in split_sentences(text)] == [
        'He met Sen. Smith and "Dr. Jones" in the U.S.', "The talks ended.", "(Gen. Milley agreed.)", "It rained."]


def test_groups_in_conflict_are_not_compared_again_for_every_pair_of_their_sentences():
    # 1,600 sentences all alike: two speakers, so two groups in conflict, 1.3 million candidate pairs.
    texts = [f"{'Blinken' if k % 2 else 'Lavrov'} said the talks were useful." for k in range(1600)]
    similarity = np.full((1600, 1600), 0.9, dtype=np.float32)
    started = time.perf_counter()
    groups = claims._agglomerate(similarity, 0.5, texts)
    elapsed = time.perf_counter() - started
    assert sorted(len(g) for g in groups) == [800, 800]
    assert elapsed < 30, f"{elapsed:.1f} s"


def test_agglomerate_matches_a_plain_average_linkage_on_random_clusters():
    rng = np.random.default_rng(7)
    speakers = ["Blinken said", "Lavrov said", "Officials said", "He noted"]
    for _ in range(20):
        n = int(rng.integers(5, 40))
        vectors = rng.normal(size=(n, 6)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        similarity = vectors @ vectors.T
        texts = [f"{speakers[int(rng.integers(0, 4))]} the {int(rng.integers(0, 3))} talks ended." for _ in range(n)]
        assert claims._agglomerate(similarity, 0.3, texts) == _plain_average_linkage(similarity, 0.3, texts)


def _plain_average_linkage(similarity, threshold, texts):
    """The textbook loop without memories: every candidate pair measured and checked from scratch."""
    from briefer.core.support import compatible

    group_of = list(range(len(texts)))
    members = {i: [i] for i in range(len(texts))}
    rows, cols = np.nonzero(np.triu(similarity >= threshold, k=1))
    for k in np.argsort(-similarity[rows, cols], kind="stable"):
        a, b = group_of[rows[k]], group_of[cols[k]]
        if a == b or similarity[np.ix_(members[a], members[b])].mean() < threshold:
            continue
        if any(not compatible(texts[i], texts[j]) for i in members[a] for j in members[b]):
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for i in members[b]:
            group_of[i] = a
        members[a].extend(members.pop(b))
    return [sorted(group) for group in members.values()]


def test_past_the_sentence_limit_each_article_keeps_its_first_sentences(monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_CLUSTER_SENTENCES", 6)
    body = " ".join(f"The minister said on Friday that round {n} of the talks in Geneva had ended." for n in range(5))
    articles = [Article(id=f"a{k}", text=body.replace("minister", name), url=f"https://o{k}.example.com/x")
                for k, name in enumerate(["minister", "envoy", "official"], start=1)]
    warnings: list[str] = []
    from briefer.backends.embed import LexicalEmbedder

    _, grouped = pipeline.group_cluster(articles, BriefSettings(), embedder=LexicalEmbedder(), warnings=warnings)
    used = sorted((s.article_id, s.index) for claim in grouped.claims for s in claim.sentences)
    assert {index for _, index in used} <= {0, 1}
    assert any("over the limit of 6" in w for w in warnings)


def test_a_folder_past_the_file_limit_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(load, "MAX_CLUSTER_FILES", 3)
    for n in range(4):
        (tmp_path / f"{n}.txt").write_text("Some article text that is long enough to read.")
    with pytest.raises(InputError, match="over the limit of 3"):
        load.load_cluster(tmp_path)
