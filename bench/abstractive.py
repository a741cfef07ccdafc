"""The abstractive rewriter against the extractive brief it starts from, in one run.

    .venv/bin/python bench/abstractive.py MODEL [MODEL ...] [--multinews N] [--offset K] [--threads T]
        [--out FILE.md] [--dump FILE.jsonl]

MODEL is anything ``--model`` takes (an alias under $BRIEFER_MODELS, a folder, a .gguf file). For each model:
the cold load time from models/ (the first load in the process), then on the sample cluster and on N Multi-News
dev clusters (after the first K): seconds per brief for the extractive pipeline and for the rewrite on top of
it, generated tokens per second, the share of texts (lede + points) the guard accepted, and ROUGE F1 and fact
coverage of the rewritten brief against the extractive one (the baseline, same clusters, same run). Fact
coverage uses ``briefer.evaluate`` (MiniLM + stem matcher): on the sample cluster against
tests/data/sample_notes.md, on Multi-News with each reference sentence as a note. MiniLM loads once.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

from briefer.rewrite import rewriter as rewrite
from briefer.backends.embed import get_embedder
from briefer.evaluate.content import BriefContent
from briefer.evaluate.datasets import read_clusters
from briefer.evaluate.matchers import get_matcher
from briefer.evaluate.notes import Note, read_notes
from briefer.evaluate.rouge import rouge
from briefer.evaluate.scoring import evaluate_brief
from briefer.ingest.load import load_cluster
from briefer.pipeline import build_brief
from briefer.settings import BriefSettings
from briefer.types import Brief

REPO = Path(__file__).resolve().parents[1]
MULTINEWS = REPO.parent / "shared" / "eval" / "multinews-dev.jsonl"
SAMPLE_NOTES = REPO / "tests" / "data" / "sample_notes.md"


@dataclass
class Scores:
    """Per-cluster measurements of one system on one dataset."""

    seconds: list[float] = field(default_factory=list)
    rouge1: list[float] = field(default_factory=list)
    rouge2: list[float] = field(default_factory=list)
    coverage: list[float] = field(default_factory=list)
    accepted: list[int] = field(default_factory=list)  # texts the guard accepted (rewrites only)
    texts: list[int] = field(default_factory=list)
    tokens: int = 0
    generate_seconds: float = 0.0

    def add_quality(self, brief: Brief, notes: list[Note], references: list[list[str]], matcher: object) -> None:
        sentences = BriefContent.from_brief(brief).sentences()
        scores = rouge(sentences, references)
        self.rouge1.append(scores.rouge1.f1)
        self.rouge2.append(scores.rouge2.f1)
        self.coverage.append(evaluate_brief(brief, notes, matcher).coverage)


class CountingRewriter:
    """Wraps a rewriter to count generated tokens and generation time (tokens/s)."""

    def __init__(self, inner: rewrite.Rewriter) -> None:
        self.inner = inner
        self.name = inner.name
        self.tokens = 0
        self.seconds = 0.0

    def generate(self, tasks, progress=None):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        texts = self.inner.generate(tasks, progress)
        self.seconds += time.perf_counter() - started
        tokenizer = self.inner.tokenizer  # type: ignore[attr-defined]
        self.tokens += sum(len(tokenizer(t, add_special_tokens=False)["input_ids"]) + 1 for t in texts)  # + EOS
        return texts


def clusters(limit: int, offset: int) -> list[tuple[str, list, list[Note], list[list[str]]]]:
    """(name, articles, notes, references as sentences) for the sample cluster and Multi-News dev clusters
    ``offset`` to ``offset + limit``."""
    sample_notes = list(read_notes(SAMPLE_NOTES))
    found = [("sample", list(load_cluster(REPO / "briefer" / "data" / "sample").articles), sample_notes,
              [[n.text for n in sample_notes]])]
    for cluster in read_clusters(MULTINEWS, offset + limit)[offset:] if limit else []:
        references = cluster.reference_sentences()
        notes = [Note(text=sentence) for reference in references for sentence in reference]
        found.append(("multinews", list(cluster.articles), notes, references))
    return found


def run(models: list[str], limit: int, offset: int, dump: Path | None = None) -> dict[str, dict[str, Scores]]:
    embedder = get_embedder("minilm")
    matcher = get_matcher("semantic")
    data = clusters(limit, offset)
    results: dict[str, dict[str, Scores]] = {"extractive": {"sample": Scores(), "multinews": Scores()}}
    extractive: list[Brief] = []
    for name, articles, notes, references in data:
        started = time.perf_counter()
        brief = build_brief(articles, BriefSettings(), embedder=embedder)
        results["extractive"][name].seconds.append(time.perf_counter() - started)
        results["extractive"][name].add_quality(brief, notes, references, matcher)
        extractive.append(brief)
    for spec in models:
        started = time.perf_counter()
        model = CountingRewriter(rewrite.load_rewriter(spec))
        load_seconds = time.perf_counter() - started
        LOADS[spec] = load_seconds
        results[spec] = {"sample": Scores(), "multinews": Scores()}
        for (name, _, notes, references), brief in zip(data, extractive):
            scores = results[spec][name]
            before_tokens, before_seconds = model.tokens, model.seconds
            started = time.perf_counter()
            rewritten = rewrite.rewrite_brief(brief, model)
            scores.seconds.append(time.perf_counter() - started)
            scores.tokens += model.tokens - before_tokens
            scores.generate_seconds += model.seconds - before_seconds
            parts = (rewritten.lede, *rewritten.points)
            scores.accepted.append(sum(p.origin == "generated" for p in parts))
            scores.texts.append(len(parts))
            scores.add_quality(rewritten, notes, references, matcher)
            if dump is not None:
                _dump(dump, spec, name, brief, rewritten)
            print(f"{spec} {name}: {scores.seconds[-1]:.1f} s, {scores.accepted[-1]}/{scores.texts[-1]} accepted",
                  flush=True)
    return results


LOADS: dict[str, float] = {}


def _dump(path: Path, spec: str, name: str, before: Brief, after: Brief) -> None:
    """Append every rewrite the guard accepted, with its sources, for checking by hand."""
    import json

    with path.open("a", encoding="utf-8") as out:
        for old, new in zip((before.lede, *before.points), (after.lede, *after.points)):
            if new.origin == "generated":
                record = {"model": spec, "data": name, "sources": [s.text for s in new.evidence],
                          "extracted": old.text, "generated": new.text}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")


def report(results: dict[str, dict[str, Scores]], limit: int, offset: int, threads: int) -> str:
    lines = [
        f"Run on {date.today().isoformat()}, {platform.machine()}, {os.cpu_count()} cores, torch threads {threads}, "
        f"load average at start {os.getloadavg()[0]:.1f}.",
        f"Clusters: the sample cluster (5 articles) and Multi-News dev clusters {offset} to {offset + limit - 1} "
        "(0-based, file order).",
        "",
        "| system | data | s / brief (rewrite only) | tokens/s | accepted by guard | ROUGE-1 F1 | ROUGE-2 F1 "
        "| fact coverage |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for system, by_data in results.items():
        for name, scores in by_data.items():
            if not scores.seconds:
                continue
            rate = f"{scores.tokens / scores.generate_seconds:.1f}" if scores.generate_seconds else "-"
            accepted = (f"{sum(scores.accepted)}/{sum(scores.texts)} = {sum(scores.accepted) / sum(scores.texts):.0%}"
                        if scores.texts else "-")
            lines.append(
                f"| {system} | {name} | {np.mean(scores.seconds):.1f} | {rate} | {accepted} | "
                f"{np.mean(scores.rouge1):.3f} | {np.mean(scores.rouge2):.3f} | {np.mean(scores.coverage):.2f} |"
            )
    lines += ["", "Cold load from models/ (first load in the process): "
              + ", ".join(f"{spec} {seconds:.1f} s" for spec, seconds in LOADS.items())]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="+", help="models to compare (aliases, folders or .gguf files)")
    parser.add_argument("--multinews", type=int, default=10, help="how many Multi-News dev clusters (default 10)")
    parser.add_argument("--offset", type=int, default=0, help="skip this many Multi-News clusters first")
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: the idle cores)")
    parser.add_argument("--out", type=Path, help="also write the table to this Markdown file")
    parser.add_argument("--dump", type=Path, help="append every accepted rewrite to this JSONL, to check by hand")
    args = parser.parse_args()
    if args.threads:
        os.environ["BRIEFER_THREADS"] = str(args.threads)
    threads = rewrite.free_cores()
    text = report(run(args.models, args.multinews, args.offset, args.dump), args.multinews, args.offset, threads)
    print(text)
    if args.out:
        from briefer.publish.output import write_atomic

        write_atomic(args.out, text + "\n")


if __name__ == "__main__":
    main()
