"""Options that shape one brief, resolved once and passed down the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field

# Words of the lede and key points (the headline and the sources list come on top). "medium" fits one printed page
# with the sources list.
LENGTH_PRESETS = {"short": 200, "medium": 350, "long": 550}
# The word budgets --words and a config's words accept.
WORDS_RANGE = (60, 5000)


@dataclass(frozen=True)
class RankWeights:
    """How claims are ranked; tuned on the tune half of the eval sets (``bench/tune_rank.py``, BENCHMARKS.md)."""

    centrality: float = 1.0
    coverage: float = 2.0
    # The same coverage read word for word (briefer.core.claims.ClaimSet.worded): how many outlets repeat a claim's rare
    # words. ROUGE cannot tell 0-4 apart on either half (bench/results/rank_sweep.md); 3 is among the best two on the
    # held-out half, the value the tune-half search picks, and the least at which the sample brief carries what all
    # five of its outlets report ("in writing next week").
    worded_coverage: float = 3.0
    position: float = 2.0
    # Trade-off between a claim's score and its novelty against what is already chosen.
    relevance: float = 0.7
    # Share of that novelty judged on what a claim reports, its attribution stripped
    # (briefer.core.claims.reported_content), the rest on its whole sentences: points framed alike ("..., Blinken said at a press conference after ...") are
    # not repeats for it. 0.15 was best on the tune half and on the held-out half (bench/results/rank_sweep.md).
    reported_novelty: float = 0.15
    # Cosine at or above which a claim is a near-repeat of a chosen one it does not conflict with, and never picked.
    redundancy: float = 0.8
    # Cosine at or above which the support judge is asked whether a candidate restates a chosen claim in other
    # words (briefer.core.rank._restated); below it, two claims are taken to say different things.
    judged_redundancy: float = 0.5
    # Bonus, per share of the cluster's outlets, for a claim citing an outlet no chosen point cites yet. The same
    # ROUGE on both halves for 0.1-0.5 (bench/results/rank_sweep.md); 0.2 is the least at which the sample cites all
    # five of its outlets.
    new_outlet: float = 0.2


@dataclass(frozen=True)
class BriefSettings:
    words: int = LENGTH_PRESETS["medium"]
    min_points: int = 4
    # A cap the word budget reaches first: at the default length a brief fills its budget (10-18 points on the
    # development clusters) and still prints on one A4 or Letter page (bench/print_pages.py).
    max_points: int = 20
    # Sentence embedder: "static", "minilm", "lexical", a local folder, or None for the default (static).
    embedder: str | None = None
    # Abstractive rewriter: an alias under models/, a folder, a GGUF file or a hub id; None keeps the brief
    # extractive.
    model: str | None = None
    # Support judge for citations: a model folder or hub id (briefer.backends.judge); None cites by grouping's fitted
    # model.
    judge: str | None = None
    # Only with this set may briefer reach the network (to fetch a model from the Hugging Face hub).
    allow_download: bool = False
    # Extra domain -> outlet name entries, on top of the packaged table.
    outlets: dict[str, str] = field(default_factory=dict)
    rank: RankWeights = RankWeights()
