"""Glued-word repair (``briefer.text.clean.repair_glued_words``) on real articles: every split it makes, and what
it refuses.

    .venv/bin/python bench/glued.py [--eval-dir ../shared/eval] [--dictionary FILE ...] > bench/results/glued.md

Runs the repair over every article of ``--eval-dir/*.jsonl`` and the bundled sample cluster (text normalised as
cleaning does first) and prints a Markdown report: the number of articles and tokens, every distinct split with
its count (read them all: each one changes a quoted source), and tokens it looked at but left alone. "Near
misses" are refused tokens that do cut into two words wordfreq knows at Zipf 3 or more, the ones a looser rule
would split. Then a stress test for precision: every word of plain English dictionaries (by default Debian's
wamerican-insane and wbritish-insane, if installed) is a real word, so every split of one is a wrong split.
Last, the time the repair adds, cold (a fresh process: wordfreq loaded, empty cache) and warm.
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import random
import re
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from importlib.metadata import version
from pathlib import Path

from wordfreq import zipf_frequency

from briefer.text.clean import clean_article, glued_word_split, normalise_text, repair_glued_words
from briefer.ingest.load import load_cluster, sample_cluster_path
from briefer.types import Article

DICTIONARIES = [Path("/usr/share/dict/american-english-insane"), Path("/usr/share/dict/british-english-insane")]
# Every token of letters only, glued-looking or not, with the surroundings the repair accepts: wider than the
# repair's own filter, so that the report also shows what that filter keeps from the word lookups.
_LETTER_TOKEN = re.compile(r"(?<!\S)[\"'(\[]*([A-Za-z]{5,})(?=[\"')\].,;:!?]*(?!\S))")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval")
    parser.add_argument("--dictionary", type=Path, nargs="*", default=[p for p in DICTIONARIES if p.exists()])
    parser.add_argument("--refused-sample", type=int, default=60)
    args = parser.parse_args()

    texts = {name: _texts(name, args.eval_dir) for name in _sources(args.eval_dir)}
    all_texts = [text for source in texts.values() for text in source]
    lines = [line for text in all_texts for line in text.split("\n")]
    started = time.perf_counter()
    repair_glued_words("borderwith")
    load_seconds = time.perf_counter() - started
    cold = _seconds(lambda: [repair_glued_words(line) for line in lines])
    warm = min(_seconds(lambda: [repair_glued_words(line) for line in lines]) for _ in range(3))
    articles = [Article(str(i), text) for i, text in enumerate(all_texts)]
    cleaning = min(_seconds(lambda: [clean_article(article) for article in articles]) for _ in range(3))

    splits, refused, tokens = _decisions(all_texts)
    near_misses = sorted((word for word in refused if _near_miss(word)), key=str.lower)
    dictionary_words = _dictionary_words(args.dictionary)
    dictionary_splits = {word: split for word in sorted(dictionary_words) if (split := glued_word_split(word))}
    per_1000 = 1000 / len(all_texts)

    print("# Glued words: what the repair splits on real articles\n")
    print(f"Command: `.venv/bin/python bench/glued.py` (defaults: `--eval-dir {args.eval_dir}`). Date: {date.today()}.")
    print(f"Machine: 2 cores, no GPU, Python {platform.python_version()}, wordfreq {version('wordfreq')}.\n")
    print("| source | articles |\n|---|---:|")
    for name, source in texts.items():
        print(f"| {name} | {len(source):,} |")
    print(
        f"\n{len(all_texts):,} articles, {tokens:,} whitespace tokens: {sum(splits.values())} tokens split "
        f"({len(splits)} distinct); {sum(refused.values()):,} tokens of glued shape unknown to wordfreq refused "
        f"({len(refused):,} distinct).\n"
    )
    print("## Every distinct split\n\n| token | split | count |\n|---|---|---:|")
    for (word, split), count in sorted(splits.items(), key=lambda item: (-item[1], item[0][0].lower())):
        print(f"| `{word}` | `{split}` | {count} |")
    print(f"\n## Near misses refused ({len(near_misses)} distinct)\n")
    print(", ".join(f"`{word}`" for word in near_misses))
    others = sorted(set(refused) - set(near_misses), key=str.lower)
    sample = sorted(random.Random(0).sample(others, min(args.refused_sample, len(others))), key=str.lower)
    print(f"\n## A sample of the other refused tokens ({len(sample)} of {len(others):,}, seed 0)\n")
    print(", ".join(f"`{word}`" for word in sample))
    print("\n## Dictionary words split (each one a wrong split)\n")
    if dictionary_words:
        print(
            f"{', '.join(str(path) for path in args.dictionary)}: {len(dictionary_words):,} distinct words of five "
            f"letters or more, {len(dictionary_splits)} split:\n"
        )
        print(", ".join(f"`{word}` → `{split}`" for word, split in dictionary_splits.items()))
    else:
        print("Not run: no dictionary (`apt-get install wamerican-insane wbritish-insane`, or `--dictionary FILE`).")
    print("\n## Time\n")
    print(f"- importing wordfreq and loading its English list: {load_seconds:.2f} s, once per process")
    print(
        f"- repair over all {len(all_texts):,} articles ({len(lines):,} lines): {cold:.2f} s with an empty cache, "
        f"{warm:.2f} s warm (best of 3); per 1,000 articles ~{cold * per_1000:.2f} s / {warm * per_1000:.2f} s"
    )
    print(f"- the whole `clean_article` over the same articles, repair included: {cleaning:.2f} s (best of 3)")


def _sources(eval_dir: Path) -> list[str]:
    return [path.name for path in sorted(eval_dir.glob("*.jsonl"))] + ["sample cluster"]


def _texts(name: str, eval_dir: Path) -> list[str]:
    """Article texts normalised as ``clean_article`` first normalises them, one paragraph a line."""
    if name == "sample cluster":
        raw = [article.text for article in load_cluster(sample_cluster_path()).articles]
    else:
        with open(eval_dir / name, encoding="utf-8") as lines:
            raw = [article["text"] for line in lines for article in json.loads(line)["articles"]]
    return [normalise_text(text) for text in raw]


def _decisions(texts: list[str]) -> tuple[Counter[tuple[str, str]], Counter[str], int]:
    """Splits made (token, split) and unknown glued-shaped tokens refused, with counts; and the token count.

    Checks on the way that ``repair_glued_words`` makes exactly these splits: its filter must not lose any.
    """
    splits: Counter[tuple[str, str]] = Counter()
    refused: Counter[str] = Counter()
    tokens = 0
    for text in texts:
        tokens += len(text.split())
        split_here = 0
        for match in _LETTER_TOKEN.finditer(text):
            word = match[1]
            split = glued_word_split(word)
            if split:
                splits[word, split] += 1
                split_here += 1
            elif _zipf(word) == 0 and not word.isupper() and (word[1:].islower() or _has_one_hump(word)):
                refused[word] += 1
        repaired = "\n".join(repair_glued_words(line) for line in text.split("\n"))
        assert len(repaired.split()) - len(text.split()) == split_here, "the repair's filter lost a split"
    return splits, refused, tokens


def _dictionary_words(paths: list[Path]) -> set[str]:
    words: set[str] = set()
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as lines:
            words.update(word for line in lines if re.fullmatch(r"[A-Za-z]{5,}", word := line.strip()))
    return words


def _zipf(word: str) -> float:
    return zipf_frequency(word.lower(), "en")


def _has_one_hump(word: str) -> bool:
    return sum(1 for a, b in itertools.pairwise(word) if a.islower() and b.isupper()) == 1


def _near_miss(word: str) -> bool:
    return any(_zipf(word[:cut]) >= 3 and _zipf(word[cut:]) >= 3 for cut in range(2, len(word) - 1))


def _seconds(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
