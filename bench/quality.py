"""Quality benchmark: briefer's extractive ranker against Lead, LexRank and TextRank, in one run, one scorer.

    .venv/bin/python bench/quality.py [--dataset multinews|multiling|both] [--limit N] [--embedder NAME] [--out FILE.md]

Multi-News (multinews-dev.jsonl): 260-word summaries, ROUGE F1. MultiLing 2011 (multiling2011-en.jsonl): 250 words,
ROUGE recall, averaged over the three references. Scores come from ``briefer.evaluate.rouge`` (Google's
rouge-score, Porter stemmer, newline-joined sentences for Lsum) for every system alike. Clusters with an even
index are the tune half, odd the held-out half: report both, so that tuning on one can be checked on the other.
briefer's embedder (static unless --embedder says otherwise) loads once and is reused for every cluster.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: the bench package from the repo

from bench.baselines import RANKERS, summarize

from briefer.backends.embed import get_embedder
from briefer.errors import InputError
from briefer.evaluate.content import BriefContent
from briefer.evaluate.datasets import read_clusters
from briefer.evaluate.rouge import RougeScores, rouge
from briefer.pipeline import build_brief
from briefer.settings import BriefSettings

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
DATASETS = {
    "multinews": (EVAL / "multinews-dev.jsonl", 260, "f1"),
    "multiling": (EVAL / "multiling2011-en.jsonl", 250, "recall"),
}
SYSTEMS = ("briefer", *RANKERS)
# A diagnostic, not the target: each baseline cut to the words briefer's lede and points used on that cluster, so
# that ranking quality can be told apart from how much of the budget a system fills.
MATCHED = " @ briefer's length"


@dataclass
class SystemRun:
    scores: list[RougeScores] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    seconds: float = 0.0


def ranker_settings(articles, words: int, **options) -> BriefSettings:  # type: ignore[no-untyped-def]
    """The same content budget the baselines get: ``words`` for lede + points, as a brief's own budget counts them;
    only the brief's cap on points (one printed page) is lifted."""
    return BriefSettings(words=words, max_points=100, **options)


def briefer_summary(articles, words: int, embedder) -> list[str]:  # type: ignore[no-untyped-def]
    """briefer's lede and points as sentences; a cluster with no text left after cleaning (a dead link's archive
    notice) is an empty summary, as ``briefer evaluate --dataset`` scores it and as the baselines return it."""
    try:
        brief = build_brief(articles, ranker_settings(articles, words), embedder=embedder)
    except InputError:
        return []
    return BriefContent.from_brief(brief).sentences()


def run_dataset(path: Path, words: int, limit: int | None, embedder) -> dict[str, SystemRun]:  # type: ignore[no-untyped-def]
    clusters = read_clusters(path, limit)
    runs = {system: SystemRun() for system in (*SYSTEMS, *(r + MATCHED for r in RANKERS))}
    for number, cluster in enumerate(clusters, 1):
        references = cluster.reference_sentences()
        for system in SYSTEMS:  # briefer first: the length-matched rows need the length it used
            started = time.perf_counter()
            if system == "briefer":
                summary = briefer_summary(cluster.articles, words, embedder)
            else:
                summary = summarize(system, cluster.articles, words)
            runs[system].seconds += time.perf_counter() - started
            runs[system].scores.append(rouge(summary, references))
            runs[system].words.append(sum(len(s.split()) for s in summary))
        for system in RANKERS:
            matched = summarize(system, cluster.articles, runs["briefer"].words[-1])
            runs[system + MATCHED].scores.append(rouge(matched, references))
            runs[system + MATCHED].words.append(sum(len(s.split()) for s in matched))
        print(f"\r{path.name}: {number}/{len(clusters)} clusters", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return runs


def mean(scores: list[RougeScores], kind: str, measure: str, rows: np.ndarray) -> float:
    return 100 * float(np.mean([s.get(kind, measure) for s, keep in zip(scores, rows) if keep]))


def table(name: str, runs: dict[str, SystemRun], words: int, measure: str) -> str:
    n = len(runs["briefer"].scores)
    halves = {"all": np.ones(n, bool), "tune": np.arange(n) % 2 == 0, "held-out": np.arange(n) % 2 == 1}
    lines = [
        f"### {name}: {n} clusters, {words}-word budget, ROUGE {measure} (x100)",
        "",
        "| system | words | R-1 | R-2 | R-Lsum | R-1 tune | R-2 tune | R-1 held-out | R-2 held-out | s/cluster |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for system, run in runs.items():
        cells = [f"{mean(run.scores, k, measure, halves['all']):.2f}" for k in ("rouge1", "rouge2", "rougeLsum")]
        for half in ("tune", "held-out"):
            cells += [f"{mean(run.scores, k, measure, halves[half]):.2f}" for k in ("rouge1", "rouge2")]
        timing = f"{run.seconds / n:.2f}" if not system.endswith(MATCHED) else "-"
        lines.append(f"| {system} | {np.mean(run.words):.0f} | " + " | ".join(cells) + f" | {timing} |")
    lines += ["", comparison(runs, measure, halves), "", by_fill(runs, words, measure, halves)]
    return "\n".join(lines)


# A brief that fills at least this share of its budget is "full"; one that does not ran out of sentences it may show.
FULL = 0.9


def by_fill(runs: dict[str, SystemRun], words: int, measure: str, halves: dict[str, np.ndarray]) -> str:
    """briefer and Lead on the clusters where briefer's brief fills its budget and on those where admission left it
    short of sentences it may show (an opinion column in the first person, a spam page): where the gap to Lead is."""
    filled = np.array(runs["briefer"].words) >= FULL * words
    lines = [f"| half | briefs filling >= {FULL:.0%} of the budget | their briefer / Lead R-1, R-2 | shorter briefs | "
             "their briefer / Lead R-1, R-2 |", "|---|---:|---|---:|---|"]
    for half in ("tune", "held-out"):
        cells = []
        for rows in (halves[half] & filled, halves[half] & ~filled):
            scores = [f"{mean(runs[system].scores, kind, measure, rows):.2f}" if rows.any() else "-"
                      for kind in ("rouge1", "rouge2") for system in ("briefer", "lead")]
            cells += [str(int(rows.sum())), f"{scores[0]} / {scores[1]}, {scores[2]} / {scores[3]}"]
        lines.append(f"| {half} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def comparison(runs: dict[str, SystemRun], measure: str, halves: dict[str, np.ndarray]) -> str:
    """briefer minus the best baseline, per half, with a paired bootstrap 95% interval over clusters."""
    out = []
    for kind, label, matched in (("rouge1", "R-1", False), ("rouge2", "R-2", False), ("rouge1", "R-1", True),
                                 ("rouge2", "R-2", True)):
        for half, rows in halves.items():
            baselines = {s: mean(r.scores, kind, measure, rows) for s, r in runs.items()
                         if s != "briefer" and s.endswith(MATCHED) == matched}
            best = max(baselines, key=baselines.get)  # type: ignore[arg-type]
            ours = np.array([s.get(kind, measure) for s in runs["briefer"].scores])[rows]
            theirs = np.array([s.get(kind, measure) for s in runs[best].scores])[rows]
            low, high = bootstrap(100 * (ours - theirs))
            wins = float(np.mean(ours > theirs))
            out.append(f"- {label} {half}: briefer {100 * ours.mean():.2f} vs best baseline {best} "
                       f"{100 * theirs.mean():.2f}: {100 * (ours - theirs).mean():+.2f} "
                       f"(95% CI {low:+.2f} to {high:+.2f}; briefer ahead on {wins:.0%} of clusters)")
    return "\n".join(out)


def bootstrap(differences: np.ndarray, rounds: int = 2000) -> tuple[float, float]:
    rng = np.random.default_rng(0)
    samples = rng.choice(differences, size=(rounds, len(differences)), replace=True).mean(axis=1)
    return float(np.percentile(samples, 2.5)), float(np.percentile(samples, 97.5))


def git_state() -> str:
    """The commit measured, marked dirty when briefer's code had uncommitted changes."""
    import subprocess

    repo = Path(__file__).resolve().parents[1]
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, text=True, check=False).stdout
    dirty = subprocess.run(["git", "status", "--porcelain", "briefer"], cwd=repo, capture_output=True, text=True, check=False).stdout
    return head.strip() + (" (briefer/ had uncommitted changes)" if dirty.strip() else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", choices=[*DATASETS, "both"], default="both")
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters of each set")
    parser.add_argument("--out", type=Path, default=None, help="also write the Markdown report here")
    parser.add_argument("--per-cluster", type=Path, default=None, help="write per-cluster scores (JSONL) here")
    parser.add_argument("--embedder", default=None, help="briefer's embedder: static (the default), minilm, lexical")
    args = parser.parse_args()

    started = time.perf_counter()
    embedder = get_embedder(args.embedder)
    sections = [
        f"Command: `.venv/bin/python bench/quality.py --dataset {args.dataset}"
        + (f" --limit {args.limit}" if args.limit else "") + (f" --embedder {args.embedder}`" if args.embedder else "`"),
        f"Machine: {platform.machine()}, Python {platform.python_version()}, 2 cores shared with other jobs; "
        f"run {date.today().isoformat()} at commit {git_state()}",
        "",
    ]
    per_cluster = []
    for name in DATASETS if args.dataset == "both" else [args.dataset]:
        path, words, measure = DATASETS[name]
        runs = run_dataset(path, words, args.limit, embedder)
        sections += [table(name, runs, words, measure), ""]
        for system, run in runs.items():
            per_cluster += [{"dataset": name, "system": system, "cluster": i, "words": w,
                             "rouge1": s.get("rouge1", measure), "rouge2": s.get("rouge2", measure)}
                            for i, (s, w) in enumerate(zip(run.scores, run.words))]
    sections.append(f"Total wall time {time.perf_counter() - started:.0f} s (embedder load included).")
    report = "\n".join(sections)
    print(report)
    if args.out:
        from briefer.publish.output import write_atomic

        write_atomic(args.out, report + "\n")
    if args.per_cluster:
        from briefer.publish.output import write_atomic

        write_atomic(args.per_cluster, "".join(json.dumps(row) + "\n" for row in per_cluster))


if __name__ == "__main__":
    main()
