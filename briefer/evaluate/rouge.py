"""ROUGE-1/2/Lsum with Google's rouge-score (Porter stemming, newline-joined sentences for Lsum), the same
scorer for every system and reference."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from briefer.errors import ConfigError, InputError, missing_dependency
from briefer.text.sentences import split_sentences

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")


@dataclass(frozen=True)
class Rouge:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class RougeScores:
    rouge1: Rouge
    rouge2: Rouge
    rougeLsum: Rouge

    def get(self, kind: str, measure: str) -> float:
        return float(getattr(getattr(self, kind), measure))

    @classmethod
    def mean(cls, scores: Sequence[RougeScores]) -> RougeScores:
        """Macro average over clusters, the way ROUGE results on a dataset are reported."""
        def average(kind: str) -> Rouge:
            rows = [getattr(s, kind) for s in scores] or [Rouge(0.0, 0.0, 0.0)]
            return Rouge(*(float(np.mean([getattr(r, m) for r in rows])) for m in ("precision", "recall", "f1")))

        return cls(*(average(kind) for kind in ROUGE_TYPES))


def rouge(summary: Sequence[str], references: Sequence[Sequence[str]]) -> RougeScores:
    """ROUGE of ``summary`` (its sentences) against one or more references (each its sentences).

    With several references the scores are averaged over them, as ROUGE-1.5.5 reports them on DUC/TAC sets.
    """
    if not references:
        raise InputError("no reference to score against")
    scorer = _rouge_scorer()
    prediction = "\n".join(summary)
    rows = [scorer.score("\n".join(reference), prediction) for reference in references]

    def average(kind: str) -> Rouge:
        return Rouge(*(float(np.mean([getattr(r[kind], m) for r in rows])) for m in ("precision", "recall", "fmeasure")))

    return RougeScores(*(average(kind) for kind in ROUGE_TYPES))


@lru_cache(maxsize=1)
def _rouge_scorer():  # type: ignore[no-untyped-def]
    try:
        from rouge_score import rouge_scorer
    except ImportError as exc:
        raise ConfigError(missing_dependency(exc, "ROUGE needs rouge-score", "eval")) from None
    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def sentence_texts(text: str) -> list[str]:
    """``text`` split by briefer's sentence splitter, the one every system and reference is scored with."""
    return [text[start:end] for start, end in split_sentences(text)]
