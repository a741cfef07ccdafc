"""Time and peak memory of ``briefer daily`` on days of 1,000 to 100,000 articles, stage by stage.

    .venv/bin/python bench/daily.py [--sizes 1000,5000] [--embedder static|minilm|lexical] [--exact-max 5000]

Each size runs in a fresh process (so its peak memory is its own) on a folder of .jsonl shards (10,000 articles
each) built by
``bench/stories.py:scaled_day`` from the 651 real articles of the eval sets (Multi-News dev, MultiLing 2011, the
sample cluster): every real article once, the rest partial rewrites of real ones under other outlets, all dated
2022-01-21, no cluster ids. The run is what the command does: read the file, cluster, rank, brief the page's
stories, compose and write md/html/json. Stages are timed from the progress callback; a sampler thread reads
the process's resident memory every 10 ms and keeps the peak per stage. The story-clustering steps are also timed
one by one, and the baseline is measured in the same run: the exact all-pairs average-linkage clustering of the
same vectors (scikit-learn), with its own time and memory peak.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: the bench package from the repo


class Sampler:
    """Peak resident memory per stage, sampled from /proc/self/statm on a thread."""

    def __init__(self) -> None:
        self.stage = "start"
        self.peaks: dict[str, int] = {}
        self._page = os.sysconf("SC_PAGE_SIZE")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def rss(self) -> int:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * self._page

    def _run(self) -> None:
        while not self._stop.is_set():
            self.note()
            time.sleep(0.01)

    def note(self) -> None:
        rss = self.rss()
        self.peaks[self.stage] = max(self.peaks.get(self.stage, 0), rss)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


class Stages:
    """Seconds per stage, from stage changes reported by the progress callback."""

    def __init__(self, sampler: Sampler) -> None:
        self.sampler = sampler
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}  # CPU seconds of every thread: fairer than wall time on a busy machine
        self._stage, self._since, self._cpu_since = None, time.perf_counter(), time.process_time()

    def enter(self, stage: str) -> None:
        if stage == self._stage:
            return
        now, cpu = time.perf_counter(), time.process_time()
        if self._stage is not None:
            self.seconds[self._stage] = self.seconds.get(self._stage, 0.0) + now - self._since
            self.cpu[self._stage] = self.cpu.get(self._stage, 0.0) + cpu - self._cpu_since
        self.sampler.note()
        self._stage, self._since, self._cpu_since = stage, now, cpu
        self.sampler.stage = stage
        self.sampler.note()

    def report(self, stage: str, done: int, total: int) -> None:
        self.enter(stage)


@contextmanager
def timed(stages: Stages, stage: str):
    stages.enter(stage)
    yield
    stages.enter("idle")


def one_run(n: int, embedder_name: str | None, workdir: Path, exact_max: int) -> dict:
    """The measured run of one size (called in its own process)."""
    from bench.stories import labels_of, scaled_day, scores, write_day

    articles, truth = scaled_day(n)
    day_file = write_day(articles, workdir / f"day-{n}", per_file=10_000)
    del articles
    start_rss = Sampler().rss()
    with Sampler() as sampler:
        stages = Stages(sampler)
        started = time.perf_counter()
        from briefer.daily.day import DailySettings, build_day, day_of, previous_page, write_day
        from briefer.backends.embed import get_embedder
        from briefer.ingest.feeds import gather

        with timed(stages, "model load"):
            embedder = get_embedder(embedder_name)
        gathered = gather(day_file, progress=lambda done, total: stages.report("reading", done, total))
        warnings: list[str] = []
        previous = previous_page(workdir / "outputs", day_of(gathered.articles), warnings)
        day = build_day(gathered, DailySettings(), previous=previous, embedder=embedder, progress=stages.report)
        with timed(stages, "writing"):
            write_day(day, workdir / "outputs", ["md", "html"])
        total = time.perf_counter() - started
        stages.enter("quality")
        total_cpu = sum(stages.cpu.values())
        from briefer.daily.stories import cluster_stories

        clustered = cluster_stories(gathered.articles)
        quality = scores(truth, labels_of(clustered.groups, n))
        steps, baseline = clustering_steps(gathered.articles, stages, exact_max)
    return {
        "n": n,
        "embedder": embedder.name,
        "total": total,
        "total_cpu": total_cpu,
        "stages": stages.seconds,
        "cpu": stages.cpu,
        "peaks": sampler.peaks,
        "start_rss": start_rss,
        "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "stories_on_page": len(day.page.stories),
        "stories": day.page.story_count,
        "quality": quality,
        "steps": steps,
        "baseline": baseline,
    }


def clustering_steps(articles, stages: Stages, exact_max: int) -> tuple[dict, dict]:
    """The clustering steps one by one, then (up to ``exact_max`` articles) the exact all-pairs baseline on the
    same vectors."""
    from briefer.daily.stories import (DEFAULT_PARAMS, _link, _linkage_parts, article_vectors, candidate_pairs,
                                       in_process, pair_cosines)

    steps = {}
    t = time.perf_counter()
    vectors = article_vectors(articles)
    steps["vectors"] = time.perf_counter() - t
    t = time.perf_counter()
    left, right = candidate_pairs(vectors)
    steps["candidates"] = time.perf_counter() - t
    t = time.perf_counter()
    cosines = pair_cosines(vectors, left, right)
    steps["cosines"] = time.perf_counter() - t
    t = time.perf_counter()
    keep = cosines >= DEFAULT_PARAMS.threshold
    parts = _linkage_parts(left[keep], right[keep], cosines[keep], [None] * len(articles))
    in_process(_link, parts, vectors=vectors, threshold=DEFAULT_PARAMS.threshold)
    steps["linkage"] = time.perf_counter() - t
    steps["pairs"] = int(len(left))
    if len(articles) > exact_max:
        return steps, {"pairs": len(articles) * (len(articles) - 1) // 2}

    from sklearn.cluster import AgglomerativeClustering

    stages.enter("baseline")
    t = time.perf_counter()
    similarity = (vectors @ vectors.T).toarray()
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=1.0 - DEFAULT_PARAMS.threshold)
    model.fit(1.0 - similarity)
    baseline = {"seconds": time.perf_counter() - t, "pairs": len(articles) * (len(articles) - 1) // 2,
                "matrix_bytes": int(similarity.nbytes)}
    del similarity, model
    stages.enter("done")
    return steps, baseline


def table(runs: list[dict]) -> list[str]:
    mib = 1024 * 1024
    stage_names = ["model load", "reading", "clustering", "briefing", "writing"]
    lines = [
        "Each cell: wall seconds / CPU seconds (all threads) / peak resident MiB during the stage.",
        "",
        "| articles | " + " | ".join(stage_names) + " | whole run | peak RSS MiB |",
        "|---:|" + "---:|" * (len(stage_names) + 2),
    ]
    for run in runs:
        cells = [f"{run['stages'].get(s, 0):.1f} / {run['cpu'].get(s, 0):.1f} / {run['peaks'].get(s, 0) / mib:.0f}"
                 for s in stage_names]
        peak = max(run["peaks"].get(s, 0) for s in stage_names)
        lines.append(f"| {run['n']:,} | " + " | ".join(cells) + f" | {run['total']:.1f} / {run['total_cpu']:.1f} | "
                     f"{peak / mib:.0f} |")
    lines += [
        "",
        "| articles | stories | on page | ARI | split | merged | vectors s | candidate pairs | candidates s | "
        "cosines s | linkage s | all pairs | baseline: exact all-pairs s | baseline peak MiB | "
        "baseline matrix MiB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        s, b, q = run["steps"], run["baseline"], run["quality"]
        lines.append(
            f"| {run['n']:,} | {run['stories']} | {run['stories_on_page']} | {q['ari']:.3f} | {q['split']} | "
            f"{q['merged']} | {s['vectors']:.2f} | {s['pairs']:,} | {s['candidates']:.2f} | {s['cosines']:.2f} | "
            f"{s['linkage']:.2f} | {b['pairs']:,} | " + (
                f"{b['seconds']:.2f} | {run['peaks'].get('baseline', 0) / mib:.0f} | {b['matrix_bytes'] / mib:.0f} |"
                if "seconds" in b else f"not run (its matrix alone: {b['pairs'] * 16 / 2**30:.0f} GiB) | | |")
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--embedder", default=None, help="static (the default), minilm or lexical")
    parser.add_argument("--exact-max", type=int, default=5000, help="largest day the exact baseline runs on")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one, args.embedder, args.workdir, args.exact_max)))
        return
    runs = []
    with tempfile.TemporaryDirectory() as folder:
        for n in (int(s) for s in args.sizes.split(",")):
            command = [sys.executable, __file__, "--one", str(n), "--workdir", folder, "--exact-max",
                       str(args.exact_max)]
            if args.embedder:
                command += ["--embedder", args.embedder]
            load = os.getloadavg()[0]
            wall = time.perf_counter()
            output = subprocess.run(command, check=True, capture_output=True, text=True,
                                    env={**os.environ, "HF_HUB_OFFLINE": "1"}).stdout
            run = json.loads(output.strip().splitlines()[-1])
            run["wall"] = time.perf_counter() - wall
            run["load"] = load
            runs.append(run)
    print(f"# Daily: `bench/daily.py --sizes {args.sizes}`, {date.today()}, {platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}, embedder {runs[0]['embedder']}\n")
    print("\n".join(table(runs)))
    print()
    for run in runs:
        print(f"- {run['n']:,} articles: process wall time {run['wall']:.1f} s (with start-up and building the "
              f"input file), ru_maxrss {run['maxrss'] / 1048576:.0f} MiB (includes the baseline), load average "
              f"{run['load']:.1f} at start")


if __name__ == "__main__":
    main()
