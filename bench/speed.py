"""Speed benchmark: seconds per cluster and peak memory, briefer against sumy LexRank on the same clusters.

    .venv/bin/python bench/speed.py [--dataset multinews|multiling] [--limit 40] [--out FILE.md]

Time: one process loads briefer's embedder once (its load is reported apart), briefs one warm-up cluster, then
runs briefer and LexRank on each cluster in turn, so both meet the same load on shared cores; the ratio is of
their total times. Memory: each system then runs alone in a fresh child process over the same clusters, which
reports its peak resident set size (and the part above what imports and the model load took).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: the bench package from the repo

from bench.baselines import summarize

from briefer.evaluate.datasets import read_clusters
from briefer.settings import BriefSettings

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
DATASETS = {"multinews": (EVAL / "multinews-dev.jsonl", 260), "multiling": (EVAL / "multiling2011-en.jsonl", 250)}


def brief_runner(words: int, embedder_name: str = "static"):  # type: ignore[no-untyped-def]
    """A function that briefs one cluster with the embedder loaded once, and the seconds the load took."""
    from briefer.backends.embed import get_embedder
    from briefer.pipeline import build_brief

    started = time.perf_counter()
    embedder = get_embedder(embedder_name)
    embedder.encode(["warm up"])
    load_seconds = time.perf_counter() - started
    settings = BriefSettings(words=words)
    return (lambda articles: build_brief(articles, settings, embedder=embedder)), load_seconds


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def child(system: str, path: Path, words: int, limit: int, embedder_name: str) -> None:
    """Run one system alone over the clusters; print its memory figures as JSON."""
    clusters = read_clusters(path, limit)
    if system == "briefer":
        run, _ = brief_runner(words, embedder_name)
    else:
        def run(articles):  # type: ignore[no-untyped-def]
            return summarize("lexrank", articles, words)
        run(clusters[0].articles)  # import sumy and its stemmer before the starting figure, as briefer's model load
    ready = peak_rss_mib()
    for cluster in clusters:
        run(cluster.articles)
    print(json.dumps({"ready_mib": ready, "peak_mib": peak_rss_mib()}))


def timed(path: Path, words: int, limit: int, embedder_name: str) -> tuple[dict[str, list[float]], float]:
    clusters = read_clusters(path, limit)
    brief, load_seconds = brief_runner(words, embedder_name)
    brief(clusters[0].articles)  # warm-up: first-call costs are not per-cluster costs
    summarize("lexrank", clusters[0].articles, words)
    seconds: dict[str, list[float]] = {"briefer": [], "lexrank": []}
    for number, cluster in enumerate(clusters, 1):
        for system in seconds:
            started = time.perf_counter()
            if system == "briefer":
                brief(cluster.articles)
            else:
                summarize("lexrank", cluster.articles, words)
            seconds[system].append(time.perf_counter() - started)
        print(f"\r{path.name}: {number}/{len(clusters)} clusters", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return seconds, load_seconds


def memory(system: str, dataset: str, limit: int, embedder_name: str) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", system, "--dataset", dataset, "--limit", str(limit),
               "--embedder", embedder_name]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", choices=list(DATASETS), default="multinews")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--embedder", default="static", help="briefer's embedder: static (default), minilm or lexical")
    parser.add_argument("--child", choices=["briefer", "lexrank"], default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    path, words = DATASETS[args.dataset]
    if args.child:
        child(args.child, path, words, args.limit, args.embedder)
        return

    # Children first: Linux carries a parent's peak RSS into a forked child, so fork before loading the model.
    memories = {system: memory(system, args.dataset, args.limit, args.embedder) for system in ("briefer", "lexrank")}
    seconds, load_seconds = timed(path, words, args.limit, args.embedder)
    article_words = sum(len(a.text.split()) for c in read_clusters(path, args.limit) for a in c.articles)
    ratio = sum(seconds["briefer"]) / sum(seconds["lexrank"])
    lines = [
        f"Command: `.venv/bin/python bench/speed.py --dataset {args.dataset} --limit {args.limit} "
        f"--embedder {args.embedder}`",
        f"Machine: {platform.machine()}, Python {platform.python_version()}, 2 cores, load average "
        f"{os.getloadavg()[0]:.1f} at the end; run {date.today().isoformat()}",
        f"{len(seconds['briefer'])} clusters, {article_words / len(seconds['briefer']):.0f} words of article text per "
        f"cluster on average; embedder {args.embedder}, loaded once in {load_seconds:.1f} s, not counted below.",
        "",
        "| system | mean s/cluster | median s/cluster | max s/cluster | peak RSS MiB | RSS above ready MiB |",
        "|---|---|---|---|---|---|",
    ]
    for system, times in seconds.items():
        mem = memories[system]
        lines.append(f"| {system} | {statistics.mean(times):.3f} | {statistics.median(times):.3f} | "
                     f"{max(times):.3f} | {mem['peak_mib']:.0f} | {mem['peak_mib'] - mem['ready_mib']:.0f} |")
    lines += ["", f"Time ratio briefer / LexRank (total seconds, same run): **{ratio:.2f}** (target <= 1.0)"]
    report = "\n".join(lines)
    print(report)
    if args.out:
        from briefer.publish.output import write_atomic

        write_atomic(args.out, report + "\n")


if __name__ == "__main__":
    main()
