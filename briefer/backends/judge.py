"""The support judge: does a sentence state a claim? One interface for citing, fact coverage and the guard.

``Judge.probabilities(pairs)`` takes (premise, claim) pairs and returns, for each, the probability that the
premise states the claim: entailment, not topic. Cosine and word overlap cannot tell "a rapid, punishing
reaction" / "a swift, severe response" (the same fact) from "Blinken met Lavrov" / "Blinken and Lavrov's meeting
comes after talks with NATO" (the same people, another fact); a cross-encoder reads both sentences together and
can.

``TransformersJudge`` reads any sequence-classification model a user names (a sentence-transformers
``CrossEncoder`` folder with one output, or an NLI model whose labels name "entailment"), from a local folder or,
only with downloads allowed, a hub id. No judge ships yet: the one ``train/judge.py`` trains here on this CPU is
not good enough to cite by (docs/judge_data.md), so without ``--judge`` citations come from grouping's cheap
fitted model alone (``briefer.core.support``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from briefer.backends.registry import Registry, backends
from briefer.errors import ModelError

_HUB_ID = re.compile(r"[\w.-]+/[\w.-]+")
_BATCH = 32
_MAX_TOKENS = 256


class Judge(Protocol):
    name: str
    threshold: float  # the probability at or above which a premise is taken to state the claim

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray: ...


@dataclass
class TransformersJudge:
    """A sequence-classification model read as a judge: one logit (sigmoid) or an "entailment" class (softmax)."""

    name: str
    model: Any
    tokenizer: Any
    threshold: float = 0.5

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        import torch

        if not pairs:
            return np.zeros(0, dtype=np.float32)
        entailment = _entailment_index(self.model.config)
        out = []
        with torch.inference_mode():
            for start in range(0, len(pairs), _BATCH):
                batch = pairs[start:start + _BATCH]
                inputs = self.tokenizer([p for p, _ in batch], [c for _, c in batch], padding=True, truncation=True,
                                        max_length=_MAX_TOKENS, return_tensors="pt")
                logits = self.model(**inputs).logits.float()
                if logits.shape[-1] == 1:
                    out.append(torch.sigmoid(logits[:, 0]).numpy())
                else:
                    out.append(torch.softmax(logits, dim=-1)[:, entailment].numpy())
        return np.concatenate(out).astype(np.float32)


def _entailment_index(config: Any) -> int:
    """Which output means "the premise states the claim": a label naming entailment, else the last one (the
    "paraphrase" / "supported" class of two-way models)."""
    labels = {int(k): str(v).lower() for k, v in (getattr(config, "id2label", None) or {}).items()}
    for index, label in labels.items():
        if "entail" in label:
            return index
    return max(labels, default=0)


def load_judge(name: str | None, *, allow_download: bool = False, threshold: float | None = None) -> Judge | None:
    """The judge ``name`` asks for: a local model folder, (with downloads) a hub id, or a plug-in's name
    (``briefer.backends.registry``); None for none."""
    if name is None:
        return None
    judge: Judge = backends().create(
        "judge", name, allow_download=allow_download, threshold=threshold,
        unknown=f"unknown judge {name!r}: give a model folder, or a Hugging Face hub id with --allow-download",
    )
    return judge


def register(registry: Registry) -> None:
    """briefer's judges, registered as a plug-in's would be: any sequence-classification model."""
    registry.add("judge", "model folder", _from_folder,
                 accepts=lambda spec, allow_download: Path(spec).expanduser().is_dir())
    registry.add("judge", "hub id", _from_hub, accepts=lambda spec, allow_download: bool(_HUB_ID.fullmatch(spec)))


def _from_folder(spec: str, *, allow_download: bool, threshold: float | None = None) -> Judge:
    folder = Path(spec).expanduser()
    if not (folder / "config.json").is_file():
        raise ModelError(f"{folder} is not a model folder (no config.json): pass a folder saved by transformers")
    return _load(str(folder.resolve()), local_only=True, threshold=threshold)


def _from_hub(spec: str, *, allow_download: bool, threshold: float | None = None) -> Judge:
    return _load(spec, local_only=not allow_download, threshold=threshold)


@lru_cache(maxsize=2)
def _load(source: str, *, local_only: bool, threshold: float | None) -> Judge:
    """Load once per process; a folder may say its own threshold in ``briefer.json``."""
    try:
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
    except ImportError as exc:
        raise ModelError(f"a support judge needs torch and transformers ({exc}): pip install 'briefer[rewrite]'") \
            from None
    try:
        tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=local_only)
        model = AutoModelForSequenceClassification.from_pretrained(source, local_files_only=local_only,
                                                                   dtype=torch.float32)
    except Exception as exc:  # transformers and the hub client raise many kinds; one line for the user
        if local_only and not Path(source).is_dir():
            raise ModelError(f"judge {source} is not in the local Hugging Face cache: pass --allow-download to "
                             "fetch it") from None
        raise ModelError(f"cannot load the judge in {source}: {str(exc).splitlines()[0]}") from None
    model.eval()
    own = Path(source) / "briefer.json"
    if threshold is None and own.is_file():
        import json

        threshold = float(json.loads(own.read_text(encoding="utf-8"))["threshold"])
    name = Path(source).name if Path(source).is_dir() else source
    return TransformersJudge(name, model, tokenizer, 0.5 if threshold is None else threshold)
