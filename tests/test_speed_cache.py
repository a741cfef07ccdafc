"""Cheap speed without changing a brief (issue 19): what the ranker judged once is not judged again, and BLAS is
pinned to one thread while a cluster is briefed."""

from __future__ import annotations

import pytest

from briefer import pipeline
from briefer.core import rank
from briefer.backends.embed import LexicalEmbedder
from briefer.settings import BriefSettings
from briefer.types import Article

TEXTS = [
    "Blinken and Lavrov met in Geneva on Friday for talks on Ukraine. The United States will reply in writing next "
    "week. Both sides called the meeting frank and useful. He said more talks were possible. They left at noon.",
    "US Secretary of State Blinken met Russian Foreign Minister Lavrov in Geneva on Friday. Washington will reply in "
    "writing next week, Blinken said. No breakthrough was announced after the talks. We are ready, he said.",
    "Blinken told Lavrov in Geneva that the United States will reply in writing next week. The talks on Ukraine "
    "lasted ninety minutes. Both sides called the meeting frank and useful. Russia wants guarantees from NATO.",
]


def articles() -> list[Article]:
    return [Article(id=f"a{n}", text=text, url=f"https://o{n}.example.com/x") for n, text in enumerate(TEXTS, 1)]


def test_each_claim_is_judged_able_to_stand_alone_once_per_selection(monkeypatch):
    calls: list[str] = []
    real = rank._cannot_stand_alone

    def counted(claim):
        calls.append(claim.representative.text)
        return real(claim)

    monkeypatch.setattr(rank, "_cannot_stand_alone", counted)
    brief = pipeline.build_brief(articles(), BriefSettings(words=550), embedder=LexicalEmbedder())
    assert brief.points
    assert max(calls.count(text) for text in calls) <= 2  # once choosing the lede, once entering the MMR pool


def test_briefing_runs_with_blas_on_one_thread(monkeypatch):
    threadpoolctl = pytest.importorskip("threadpoolctl")
    seen: list[int] = []
    real = pipeline.group_cluster

    def watching(*args, **kwargs):
        seen.extend(pool["num_threads"] for pool in threadpoolctl.threadpool_info() if pool["user_api"] == "blas")
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "group_cluster", watching)
    pipeline.build_brief(articles(), BriefSettings(), embedder=LexicalEmbedder())
    assert seen and set(seen) == {1}
