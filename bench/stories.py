"""Story clustering quality and cost: shuffle known clusters together, cluster them back, compare.

    .venv/bin/python bench/stories.py [--minilm] [--sizes 1000,5000,20000] [--exact-max 10000] [--pages DIR]

Data: every cluster of ``../shared/eval/multinews-dev.jsonl`` plus the bundled sample cluster, articles shuffled
into one flat list with no cluster ids. Clusters with an even position in the file (the sample counts as the
last) are the tune half, odd the held-out half: the threshold is chosen on the tune half (the best three-point
moving average of ARI over a 0.025 grid, so it sits on a plateau rather than at the edge of a drop) and reported
on both.

A Multi-News cluster is the pages one reference summary drew on, and not every one is about its story: a roundup
summary covers several items, a page is an unrelated column or a product page, and 47 pages are a scraper's notice
with no article. So the halves are also scored against the story each page is about, read page by page
(``tests/data/multinews_story_labels.jsonl``, docs/daily_pages.md), the pages with no article clustered and left out
of the score, the threshold chosen again on the tune half.

Scores: adjusted Rand index against the true clusters; "split" = true stories whose articles end up in more than
one predicted story; "merged" = predicted stories that hold articles of more than one true story; "duplicate
pairs" = pairs of predicted stories that each hold articles of the same true story (a duplicate on the page).

Baselines in the same run: the exact all-pairs average-linkage clustering of the same vectors
(scikit-learn, O(n^2) memory and time), and with ``--minilm`` the MiniLM embedding of title + first three
sentences, clustered the same exact way at its own tuned threshold.

Real pages: the day ``briefer daily`` keeps from the 181 saved news pages of docs/daily_pages.md (``--pages``,
default ``../pages``; the table is left out when they are not there), scored against the stories hand-labelled in
``tests/data/story_labels.jsonl`` (pages labelled "unsure" are left out of the score). Nothing is tuned on them: the
threshold is the shipped one, and the grid beside it only shows where this pile would put it.

Scale: ``--sizes`` builds days of N articles from the eval sets (see ``scaled_day``) and times the blocked
clustering against the exact one.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import numpy as np

from briefer.ingest.load import articles_from_records, load_cluster, sample_cluster_path
from briefer.daily.stories import DEFAULT_PARAMS, StoryParams, article_vectors, cluster_stories
from briefer.types import Article

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
GRID = np.round(np.arange(0.10, 0.401, 0.025), 3)


def eval_clusters(multiling: bool = False) -> list[tuple[str, tuple[Article, ...]]]:
    """(cluster id, articles) for each Multi-News dev cluster, optionally MultiLing 2011, then the sample."""
    files = ["multinews-dev.jsonl"] + (["multiling2011-en.jsonl"] if multiling else [])
    clusters = []
    for name in files:
        for line in (EVAL / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            clusters.append((record["id"], articles_from_records(record["articles"]).articles))
    clusters.append(("sample", load_cluster(sample_cluster_path()).articles))
    return clusters


def shuffled(clusters: Sequence[tuple[str, Sequence[Article]]], seed: int = 0) -> tuple[list[Article], list[str]]:
    """All articles in one shuffled list, with their true cluster ids row for row."""
    articles, truth, _ = shuffled_pages(clusters, seed)
    return articles, truth


def shuffled_pages(clusters: Sequence[tuple[str, Sequence[Article]]], seed: int = 0
                   ) -> tuple[list[Article], list[str], list[int]]:
    """``shuffled``, with each article's place in its cluster row for row (what the story labels name)."""
    rows = [(article, cluster, page) for cluster, articles in clusters for page, article in enumerate(articles)]
    random.Random(seed).shuffle(rows)
    return [a for a, _, _ in rows], [c for _, c, _ in rows], [p for _, _, p in rows]


def labelled_stories(truth: Sequence[str], pages: Sequence[int]) -> list[str | None]:
    """The story each shuffled page is about by ``STORY_LABELS`` ("<cluster>:<story>"), None for a page that carries no
    article: a Multi-News cluster is the pages one summary drew on, which are not always one story."""
    labels = {(row["cluster"], row["page"]): row["story"]
              for row in map(json.loads, STORY_LABELS.read_text(encoding="utf-8").splitlines())}
    return [None if labels[(c, p)] == "none" else f"{c}:{labels[(c, p)]}" for c, p in zip(truth, pages)]


def scaled_day(n: int, seed: int = 0, day: str = "2022-01-21") -> tuple[list[Article], list[str]]:
    """A day of ``n`` articles built from the 651 real ones (Multi-News dev, MultiLing 2011, the sample).

    Every real article is used once; the rest are rewrites of real articles, as when other outlets run a wire
    story: a random 60-90% of its paragraphs (sentences, for one-paragraph articles) in their order, under another
    outlet and URL. So the day keeps the real stories (206) and their words, and stories grow with n.
    """
    base = [(a, c) for c, articles in eval_clusters(multiling=True) for a in articles]
    rng = random.Random(seed)
    rows = list(base)
    while len(rows) < n:
        article, cluster = base[rng.randrange(len(base))]
        number = len(rows)
        rows.append((_rewrite(article, rng, number), cluster))
    rng.shuffle(rows)
    rows = rows[:n]
    return [Article(id=f"a{i}", text=a.text, title=a.title, url=a.url or f"https://outlet{i % 97}.example.com/{i}",
                    date=day, outlet=a.outlet, source=a.source) for i, (a, _) in enumerate(rows, start=1)], \
        [c for _, c in rows]


def write_day(articles: Sequence[Article], path: Path, per_file: int = 0) -> Path:
    """A day as ``briefer daily`` reads it: one JSON record a line, in one file, or (``per_file``) in a folder of
    .jsonl shards of that many articles each, as a feed collector writes them."""
    if per_file:
        path.mkdir(parents=True, exist_ok=True)
        for k, start in enumerate(range(0, len(articles), per_file)):
            write_day(articles[start:start + per_file], path / f"shard-{k:04d}.jsonl")
        return path
    with path.open("w", encoding="utf-8") as handle:
        for a in articles:
            handle.write(json.dumps({"title": a.title, "url": a.url, "date": a.date, "outlet": a.outlet,
                                     "text": a.text}) + "\n")
    return path


def _rewrite(article: Article, rng: random.Random, number: int) -> Article:
    parts = [p for p in article.text.split("\n") if p.strip()]
    if len(parts) < 4:
        parts = [s + "." for s in article.text.split(". ") if s.strip()]
    keep = max(1, round(len(parts) * rng.uniform(0.6, 0.9)))
    chosen = sorted(rng.sample(range(len(parts)), keep))
    return Article(id="", text="\n".join(parts[i] for i in chosen), title=article.title,
                   url=f"https://wire{number % 53}.example.org/story/{number}", outlet=f"Wire {number % 53}")


def scores(truth: Sequence[str], predicted: Sequence[int]) -> dict[str, float]:
    from sklearn.metrics import adjusted_rand_score

    stories_of: dict[str, set[int]] = defaultdict(set)
    truths_of: dict[int, set[str]] = defaultdict(set)
    for t, p in zip(truth, predicted):
        stories_of[t].add(p)
        truths_of[p].add(t)
    return {
        "ari": adjusted_rand_score(truth, predicted),
        "stories": len(truths_of),
        "split": sum(len(s) > 1 for s in stories_of.values()),
        "merged": sum(len(t) > 1 for t in truths_of.values()),
        "duplicate_pairs": sum(len(s) * (len(s) - 1) // 2 for s in stories_of.values()),
    }


def labels_of(groups: Sequence[Sequence[int]], n: int) -> np.ndarray:
    labels = np.zeros(n, dtype=int)
    for k, group in enumerate(groups):
        labels[list(group)] = k
    return labels


def blocked(articles: list[Article], threshold: float) -> np.ndarray:
    return labels_of(cluster_stories(articles, params=StoryParams(threshold=threshold)).groups, len(articles))


def exact(similarity: np.ndarray, threshold: float) -> np.ndarray:
    from sklearn.cluster import AgglomerativeClustering

    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=1.0 - threshold)
    return model.fit(1.0 - similarity).labels_


def minilm_similarity(articles: list[Article]) -> np.ndarray:
    from briefer.text.clean import clean_article
    from briefer.backends.embed import get_embedder
    from briefer.text.sentences import sentences_of

    keys = []
    for article in articles:
        lead = " ".join(s.text for s in sentences_of(clean_article(article))[:3])
        keys.append(f"{article.title or ''}. {lead}".strip(". "))
    vectors = get_embedder("minilm").encode(keys)
    return vectors @ vectors.T


# The head of the table ``tuned`` gives rows for.
TUNED_HEADER = ("| method | threshold (tuned) | on | articles | true stories | predicted | ARI | split | merged | "
                "duplicate pairs |", "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|")


def tuned(name: str, run, tune: list[int], held: list[int], truth: Sequence[str | None]) -> list[str]:
    """Pick the threshold on the tune half, report both halves and all; returns the table rows. A page whose truth is
    None is clustered with the rest and left out of the score."""
    def on(rows: list[int], threshold: float) -> dict[str, float]:
        scored = [k for k, i in enumerate(rows) if truth[i] is not None]
        return scores([str(truth[rows[k]]) for k in scored], run(rows, threshold)[scored])

    curve = np.array([on(tune, t)["ari"] for t in GRID])
    smoothed = np.convolve(np.pad(curve, 1, mode="edge"), np.ones(3) / 3, mode="valid")
    best = GRID[int(np.argmax(smoothed))]
    rows = []
    for label, subset in (("tune half", tune), ("held-out half", held), ("all", list(range(len(truth))))):
        s = on(subset, best)
        scored = [i for i in subset if truth[i] is not None]
        rows.append(f"| {name} | {best:.3f} | {label} | {len(scored)} | {len(set(truth[i] for i in scored))} | "
                    f"{s['stories']} | {s['ari']:.3f} | {s['split']} | {s['merged']} | {s['duplicate_pairs']} |")
    return rows


def quality(use_minilm: bool) -> list[str]:
    articles, truth, pages = shuffled_pages(eval_clusters())
    order = {c: k for k, (c, _) in enumerate(eval_clusters())}
    tune = [i for i, c in enumerate(truth) if order[c] % 2 == 0]
    held = [i for i, c in enumerate(truth) if order[c] % 2 == 1]

    def run_blocked(rows: list[int], threshold: float) -> np.ndarray:
        return blocked([articles[i] for i in rows], threshold)

    def run_exact(rows: list[int], threshold: float) -> np.ndarray:
        vectors = article_vectors([articles[i] for i in rows])
        return exact((vectors @ vectors.T).toarray(), threshold)

    lines = [
        *TUNED_HEADER,
        *tuned("briefer (TF-IDF, blocked average linkage)", run_blocked, tune, held, truth),
        *tuned("exact all-pairs average linkage, same vectors", run_exact, tune, held, truth),
    ]
    if use_minilm:
        similarity = minilm_similarity(articles)

        def run_minilm(rows: list[int], threshold: float) -> np.ndarray:
            return exact(similarity[np.ix_(rows, rows)], threshold)

        lines += tuned("MiniLM title + lead, exact average linkage", run_minilm, tune, held, truth)
    lines.append("")
    lines.append(f"Shipped threshold: {DEFAULT_PARAMS.threshold}.")
    lines += ["", "The same halves without the pages that carry no article (fewer than 50 words, or a scraper's notice: "
              "a web-archive, Twitter-location, page-not-found or video-transcript notice), which no content can place "
              "in their true story; briefer (blocked) at the shipped threshold:", "",
              "| on | articles | left out | true stories | predicted | ARI | split | merged |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for label, rows in (("tune half", tune), ("held-out half", held)):
        kept = [i for i in rows if not no_article(articles[i])]
        s = scores([truth[i] for i in kept], run_blocked(kept, DEFAULT_PARAMS.threshold))
        lines.append(f"| {label} | {len(kept)} | {len(rows) - len(kept)} | {len(set(truth[i] for i in kept))} | "
                     f"{s['stories']} | {s['ari']:.3f} | {s['split']} | {s['merged']} |")
    stories = labelled_stories(truth, pages)
    lines += ["", f"Against the stories the pages are about, read page by page ({STORY_LABELS.name}, "
              "docs/daily_pages.md): the same pile, the threshold chosen again on the tune half; the pages that carry "
              f"no article are clustered with the rest and left out of the score ({stories.count(None)} of "
              f"{len(stories)}). "
              "\"articles\" and \"true stories\" count the scored pages; split and merged are against the labelled "
              "stories:", "",
              *TUNED_HEADER,
              *tuned("briefer (TF-IDF, blocked average linkage)", run_blocked, tune, held, stories)]
    return lines


# What Multi-News's scraper saved instead of an article (read in the split stories of the dev set).
_SCRAPER_NOTICE = re.compile(r"Alexa Internet has been donating|These crawls are part of an effort|Archive-It service|"
                             r"Tweet with a location|Add a location to your Tweets|page you requested was not found|"
                             r"interactive transcript could not be loaded|uncorrected machine-read text", re.I)


def no_article(article: Article) -> bool:
    """A page with no article in it: too short to be one, or a scraper's notice."""
    return len(article.text.split()) < 50 or bool(_SCRAPER_NOTICE.search(article.text[:400]))


LABELS = Path(__file__).resolve().parents[1] / "tests" / "data" / "story_labels.jsonl"
STORY_LABELS = LABELS.with_name("multinews_story_labels.jsonl")


def real_pages(folder: Path) -> list[str]:
    """Clustering of a real day's saved pages against hand-labelled stories, at the shipped threshold and around it,
    round-ups apart as ``briefer daily`` keeps them."""
    from briefer.daily.day import cluster_the_day, rows_of_the_day
    from briefer.ingest.feeds import gather

    labels = {row["page"]: row["story"] for row in map(json.loads, LABELS.read_text(encoding="utf-8").splitlines())}
    gathered = gather(folder)
    rows, day = rows_of_the_day(gathered.articles, None, [])
    articles = [gathered.articles[i] for i in rows]
    truth = [labels.get(Path(a.source or "").name) for a in articles]
    if None in truth:
        return [f"Real pages: {truth.count(None)} pages of {folder} have no label in {LABELS.name}: not scored."]
    scored = [k for k, t in enumerate(truth) if t != "unsure"]
    stories = sum(1 for c in Counter(truth[k] for k in scored).values() if c > 1)
    lines = [f"Real pages: the {len(articles)} articles of {day} and the day before among the saved pages of {folder} "
             f"({len(scored)} scored, {len(articles) - len(scored)} labelled unsure; {stories} stories of two or more "
             "pages):", "",
             "| threshold | ARI | split | merged | predicted stories of two or more pages |",
             "|---:|---:|---:|---:|---:|"]
    for threshold in GRID[(GRID >= 0.125) & (GRID <= 0.25)]:
        clustered, _ = cluster_the_day(articles, params=StoryParams(threshold=float(threshold)))
        labels_now = labels_of(clustered.groups, len(articles))
        s = scores([truth[k] for k in scored], labels_now[scored])
        several = sum(1 for c in Counter(labels_now).values() if c > 1)
        shipped = " (shipped)" if abs(threshold - DEFAULT_PARAMS.threshold) < 1e-9 else ""
        lines.append(f"| {threshold:.3f}{shipped} | {s['ari']:.3f} | {s['split']} | {s['merged']} | {several} |")
    return lines


def scale(sizes: Sequence[int], exact_max: int) -> list[str]:
    lines = [
        "| articles | method | wall s | CPU s | candidate pairs | all pairs | ARI | predicted stories | split | "
        "merged |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n in sizes:
        articles, truth = scaled_day(n)
        start, cpu = time.perf_counter(), time.process_time()
        stories = cluster_stories(articles)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        s = scores(truth, labels_of(stories.groups, n))
        lines.append(f"| {n:,} | briefer (blocked) | {seconds:.2f} | {cpu:.2f} | {stories.candidate_pairs:,} | "
                     f"{n * (n - 1) // 2:,} | {s['ari']:.3f} | {s['stories']} | {s['split']} | {s['merged']} |")
        if n > exact_max:
            lines.append(f"| {n:,} | exact all-pairs | not run: its {n:,} x {n:,} float64 matrix alone is "
                         f"{n * n * 8 / 2**30:.1f} GiB, and scikit-learn copies it | | | "
                         f"{n * (n - 1) // 2:,} | | | | |")
            continue
        start, cpu = time.perf_counter(), time.process_time()
        vectors = article_vectors(articles)
        labels = exact((vectors @ vectors.T).toarray(), DEFAULT_PARAMS.threshold)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        s = scores(truth, labels)
        lines.append(f"| {n:,} | exact all-pairs | {seconds:.2f} | {cpu:.2f} | {n * (n - 1) // 2:,} | "
                     f"{n * (n - 1) // 2:,} | {s['ari']:.3f} | {s['stories']} | {s['split']} | {s['merged']} |")
    return lines


def page_duplicates(days: Sequence[tuple[str, list[Article], list[str]]], top: int = 16) -> list[str]:
    """The stories a page shows (6 on it, 10 "also reported"): how many are the same true story twice, with the
    duplicate check on the page (``Today.merge_duplicates``) and without it; and, to set that check's threshold,
    the highest centroid cosines between two of the top 100 stories, of different true stories and of one."""
    from briefer.daily.day import DUPLICATE_COSINE, Today, _outlet_key

    lines = [
        f"| day | duplicate check | true stories among the top {top} | duplicates among them | "
        "mixed (articles of more than one true story) |",
        "|---|---|---:|---:|---:|",
    ]
    cosines = [
        "",
        f"Centroid cosines between two of the top 100 stories (the check merges at {DUPLICATE_COSINE} or more):",
        "",
        "| day | highest, different true stories | highest, the same true story |",
        "|---|---|---|",
    ]
    for name, articles, truth in days:
        today = Today(day="2022-01-21", articles=tuple(articles),
                      outlet_keys=tuple(_outlet_key(a, i, {}) for i, a in enumerate(articles)),
                      clustered=cluster_stories(articles))
        ranked = today.rank()
        for label, stories in (("off", ranked[:top]), ("on", today.merge_duplicates(ranked, window=3 * top)[:top])):
            majority = [Counter(truth[i] for i in s.rows).most_common(1)[0] for s in stories]
            distinct = len({m[0] for m in majority})
            mixed = sum(count < len(s.rows) for s, (_, count) in zip(stories, majority))
            lines.append(f"| {name} | {label} | {distinct} | {len(stories) - distinct} | {mixed} |")
        hundred = ranked[:100]
        labels = [Counter(truth[i] for i in s.rows).most_common(1)[0][0] for s in hundred]
        centroids = [today.clustered.centroid(s.rows) for s in hundred]
        pairs = {True: [], False: []}
        for i in range(len(hundred)):
            for j in range(i + 1, len(hundred)):
                pairs[labels[i] == labels[j]].append(centroids[i].dot(centroids[j]))
        top_three = {same: ", ".join(f"{c:.3f}" for c in sorted(found, reverse=True)[:3]) or "none"
                     for same, found in pairs.items()}
        cosines.append(f"| {name} | {top_three[False]} | {top_three[True]} |")
    return lines + cosines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minilm", action="store_true", help="also score MiniLM lead embeddings (slow)")
    parser.add_argument("--sizes", default="1000,5000,20000", help="comma-separated day sizes for the scale table")
    parser.add_argument("--exact-max", type=int, default=10000, help="largest day the all-pairs baseline runs on")
    parser.add_argument("--pages", type=Path, default=Path(__file__).resolve().parents[2] / "pages",
                        help="the saved real pages of docs/daily_pages.md")
    args = parser.parse_args()
    print(f"# Story clustering: `bench/stories.py{' --minilm' if args.minilm else ''}`, {date.today()}, "
          f"{platform.machine()}, Python {platform.python_version()}\n")
    print("\n".join(quality(args.minilm)))
    if args.pages.is_dir():
        print()
        print("\n".join(real_pages(args.pages)))
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if sizes:
        print()
        print("\n".join(scale(sizes, args.exact_max)))
    days = [("Multi-News dev + sample, shuffled", *shuffled(eval_clusters())),
            ("MultiLing 2011 + Multi-News dev + sample, shuffled", *shuffled(eval_clusters(multiling=True)))]
    days += [(f"{n:,} articles", *scaled_day(n)) for n in sizes if n <= 5000]
    print()
    print("\n".join(page_duplicates(days)))
    counts = Counter(len(a) for _, a in eval_clusters())
    print(f"\nCluster sizes in Multi-News dev + sample: {dict(sorted(counts.items()))}")


if __name__ == "__main__":
    main()
