"""One training run of the judge: binary cross-entropy on the training pairs, AdamW with linear warm-up and
decay, batches padded to their own longest pair."""

from __future__ import annotations

import math
import random
import time
from collections.abc import Sequence

import torch

from train.data import Pair
from train.model import encode


def train(model: torch.nn.Module, tokenizer, pairs: Sequence[Pair], epochs: int, batch_size: int, lr: float,
          max_len: int, seed: int, log=print, time_budget: float = float("inf")) -> float:
    """Fit in place; returns the wall time in seconds. Past ``time_budget`` seconds it stops early (logged): on a
    shared machine a run must still end with weights."""
    torch.manual_seed(seed)
    order = list(range(len(pairs)))
    steps = epochs * math.ceil(len(pairs) / batch_size)
    parameters = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(parameters, lr=lr, weight_decay=0.01)
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min((step + 1) / warmup, max(0.0, (steps - step) / max(1, steps - warmup))))
    loss_function = torch.nn.BCEWithLogitsLoss()
    started, step, running = time.perf_counter(), 0, 0.0
    model.train()
    for epoch in range(epochs):
        random.Random(seed + epoch).shuffle(order)
        for start in range(0, len(order), batch_size):
            batch = [pairs[k] for k in order[start:start + batch_size]]
            inputs = encode(tokenizer, [p.premise for p in batch], [p.claim for p in batch], max_len)
            labels = torch.tensor([float(p.label) for p in batch])
            loss = loss_function(model(**inputs).logits[:, 0], labels)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(parameters, 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
            if time.perf_counter() - started > time_budget:
                log(f"time budget reached: stopped at step {step}/{steps}")
                model.eval()
                return time.perf_counter() - started
            if step % 50 == 0 or step == steps:
                elapsed = time.perf_counter() - started
                log(f"epoch {epoch + 1} step {step}/{steps} loss {running:.4f} "
                    f"{step * batch_size / elapsed:.1f} pairs/s elapsed {elapsed:.0f}s")
    model.eval()
    return time.perf_counter() - started
