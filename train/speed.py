"""Inference speed of a saved judge: pairs per second at batch 32, max_len 128, with 1 and 2 threads, fp32 and
dynamic int8 (Linear layers), on the held-out news pairs (real sentence lengths).

    PYTHONPATH=. OMP_WAIT_POLICY=PASSIVE /work/main/.venv/bin/python -m train.speed --judge /work/judge_out [--pairs 320]

The machine is shared: the load average before and after each row is printed beside it.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import torch

from train.data import build
from train.evaluate import quantised
from train.model import load, probabilities


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judge", type=Path, required=True)
    parser.add_argument("--raw", type=Path, default=Path("/work/judge_data/raw"))
    parser.add_argument("--pairs", type=int, default=320)
    parser.add_argument("--repeats", type=int, default=2, help="best of this many passes")
    args = parser.parse_args()
    data = build(args.raw)
    pairs = (data.test + data.dev)[: args.pairs]
    premises, claims = [p.premise for p in pairs], [p.claim for p in pairs]
    model, tokenizer, meta = load(args.judge)
    print("| model | threads | pairs | pairs/s (best of %d) | load average before / after |" % args.repeats)
    print("|---|---|---|---|---|")
    for name, net in (("fp32", model), ("int8 dynamic", quantised(model))):
        for threads in (1, 2):
            torch.set_num_threads(threads)
            probabilities(net, tokenizer, premises[:32], claims[:32], meta["max_len"])  # warm-up
            before = os.getloadavg()[0]
            best = min(_timed(net, tokenizer, premises, claims, meta["max_len"]) for _ in range(args.repeats))
            print(f"| {name} | {threads} | {len(pairs)} | {len(pairs) / best:.1f} | {before:.1f} / "
                  f"{os.getloadavg()[0]:.1f} |", flush=True)


def _timed(net, tokenizer, premises, claims, max_len: int) -> float:
    started = time.perf_counter()
    probabilities(net, tokenizer, premises, claims, max_len, batch_size=32)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
