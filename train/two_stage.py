"""The judge's third recipe (session 22): public sets first, then the project's news pairs, split by half.

    PYTHONPATH=. OMP_WAIT_POLICY=PASSIVE .venv/bin/python -m train.two_stage --raw /work/judge_data/raw --out OUT

Stage 1: every encoder layer of all-MiniLM-L6-v2 trained one epoch on up to ``--general`` pairs of the public sets
and of pairs derived from the tune half's clusters (``train.data``; 30 minutes at most on 2 cores). Stage 2: the
same network trained ``--epochs`` more on the news pairs of the tune half's clusters (tests/data/citation_pairs.jsonl
and claim_pairs.jsonl, each twice, with 2,000 derived pairs), 70% of those clusters; the other 30% choose the
threshold (precision >= 0.97). The held-out half's pairs (and the sample's) are scored and written to
OUT/scores.json; ``bench/results/judge_session22.md`` reads them. The weights stay in OUT: none ships
(docs/judge_data.md, "Third run").
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import torch

from train import data
from train.fit import train
from train.model import base_model, probabilities, save


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=Path("/work/judge_data/raw"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--general", type=int, default=24000)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    torch.set_num_threads(2)
    rng = random.Random(args.seed)
    half, texts = data.development_halves(), data.cluster_texts()
    tune = {event for event, side in half.items() if side == "tune"}

    general = data.rte(args.raw) + data.mrpc(args.raw) + data.sts_b(args.raw) + data.wice(args.raw, rng)
    general += data.summedits(args.raw) + data.derived(texts, tune, 30, rng)
    rng.shuffle(general)
    model, tokenizer = base_model(6)
    train(model, tokenizer, general[:args.general], 1, 16, 4e-5, 128, args.seed, time_budget=1800)

    news = data.citation_pairs() + data.claim_pairs()
    events = sorted({p.event for p in news if half.get(p.event) == "tune"})
    random.Random(22).shuffle(events)
    dev_events = set(events[:len(events) * 3 // 10])
    parts: dict[str, list[data.Pair]] = {"train": [], "dev": [], "test": []}
    for pair in news:
        side = "test" if half.get(pair.event, "held-out") == "held-out" else (
            "dev" if pair.event in dev_events else "train")
        parts[side].append(pair)
    derived = data.derived(texts, {e for e in events if e not in dev_events}, 10, rng)
    rng.shuffle(derived)
    second = parts["train"] * 2 + derived[:2000]
    rng.shuffle(second)
    train(model, tokenizer, second, args.epochs, 16, 3e-5, 128, args.seed)
    save(model, args.out, 6, {"max_len": 128, "recipe": "train.two_stage", "seed": args.seed})
    scores = {side: [(p.group, p.event, p.source, p.label, score) for p, score in zip(
        parts[side], probabilities(model, tokenizer, [p.premise for p in parts[side]], [p.claim for p in parts[side]]))]
        for side in ("dev", "test")}
    (args.out / "scores.json").write_text(json.dumps(scores), encoding="utf-8")


if __name__ == "__main__":
    main()
