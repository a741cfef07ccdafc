"""Speed of one brief of the sample cluster: cold command, warm library call, and a baseline in the same run.

    .venv/bin/python bench/brief_speed.py [--repeat 5]

Targets (issue 2): the extractive brief under 2 s once the embedding model is loaded; the whole command under
10 s cold. Baseline: sumy's LexRank summarising the same cleaned sentences to the same budget.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path


def cold_command_seconds(repeat: int) -> list[float]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    briefer = Path(sys.executable).with_name("briefer")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([str(briefer), "brief", "--sample", "--out", os.devnull], check=True, env=env,
                       capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def warm_seconds(repeat: int) -> dict[str, list[float]]:
    from briefer.backends.embed import LexicalEmbedder, get_embedder
    from briefer.ingest.load import load_cluster, sample_cluster_path
    from briefer.pipeline import build_brief

    articles = load_cluster(sample_cluster_path()).articles
    embedders = {"briefer (static, the default, loaded)": get_embedder("static"),
                 "briefer (MiniLM, loaded)": get_embedder("minilm"), "briefer (lexical)": LexicalEmbedder()}
    results: dict[str, list[float]] = {}
    for label, embedder in embedders.items():
        build_brief(articles, embedder=embedder)  # warm-up
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            build_brief(articles, embedder=embedder)
            runs.append(time.perf_counter() - start)
        results[label] = runs
    results["sumy LexRank (same sentences)"] = lexrank_seconds(articles, repeat)
    return results


def lexrank_seconds(articles, repeat: int) -> list[float]:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    from briefer.text.clean import clean_article
    from briefer.text.sentences import sentences_of

    class Tokenizer:  # sumy's default needs NLTK data that cannot be downloaded here
        language = "english"

        def to_sentences(self, text: str) -> list[str]:
            return text.split("\n")

        def to_words(self, sentence: str) -> list[str]:
            return sentence.split()

    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        text = "\n".join(s.text for a in articles for s in sentences_of(clean_article(a)))
        summarizer = LexRankSummarizer(Stemmer("english"))
        summarizer(PlaintextParser.from_string(text, Tokenizer()).document, 9)
        runs.append(time.perf_counter() - start)
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    rows = {"briefer brief --sample (cold process)": cold_command_seconds(args.repeat)}
    rows.update(warm_seconds(args.repeat))
    print(f"\n| run | median s | min s | max s | runs |\n|---|---|---|---|---|")
    for label, times in rows.items():
        print(f"| {label} | {statistics.median(times):.3f} | {min(times):.3f} | {max(times):.3f} | {len(times)} |")


if __name__ == "__main__":
    main()
