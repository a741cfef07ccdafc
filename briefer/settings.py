"""Options that shape one brief, resolved once and passed down the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefer.fitted import RankWeights

# Words of the lede and key points (the headline and the sources list come on top). "medium" fits one printed page
# with the sources list.
LENGTH_PRESETS = {"short": 200, "medium": 350, "long": 550}
# The word budgets --words and a config's words accept.
WORDS_RANGE = (60, 5000)


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
