"""Citations on the pipeline's own candidates: of the outlets that state a point, how many does a brief cite, and
how often is a citation wrong?

    .venv/bin/python bench/citations.py [--judge NAME] [--out FILE]

The pairs (``tests/data/citation_pairs.jsonl``, docs/citation_labels.md) are what the citing stage asks about on
the 201 development briefs: each shown point (lede and points) against the sentences of every other article of its
cluster closest to it by the static embedder (up to three per article, cosine at least 0.35, not vetoed by
``compatible`` when they were drawn), each read and labelled "states the point's main fact" or not. Unlike
``tests/data/claim_pairs.jsonl``, whose pairs were picked to teach the decision, these are what a brief meets.

Reported for the tune half of the development clusters (``bench/quality.py``'s even positions), the held-out half
(odd) and both:

- how often two labellers agree (the pairs labelled twice), the ceiling on any precision measured here;
- the shipped decision (``compatible``, the embedder's floor, the fitted ``SupportModel`` and its cut), pair by
  pair, and per (point, article): an article "states" a point when any of its candidate sentences does; a citation
  is right when the sentence it rests on states the point;
- the cosine rule it replaced, and the same five features refitted on the tune half's pairs with the cut chosen
  there for precision >= 0.97 (out of fold by cluster), read on the held-out half;
- for comparison, not as a citation decision: the ranker's rule that two sentences quoting one statement repeat each
  other (``briefer.core.rank.quotes_again``);
- with ``--judge``, any support judge briefer can load (a model folder or hub id; ``briefer.backends.judge``), at
  its own threshold and at fixed ones.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: bench.support from the repo

from bench.claims import EVAL
from bench.support import MIN_PRECISION, fit
from briefer.backends.embed import get_embedder
from briefer.backends.judge import load_judge
from briefer.core.rank import quotes_again
from briefer.core.support import SUPPORT_MODEL, SupportModel
from briefer.evaluate.pairs import COSINE_RULE, EVAL_FILES, LabelledPair, outcome, pair_table
from train.data import development_halves

REPO = Path(__file__).resolve().parents[1]
PAIRS = REPO / "tests" / "data" / "citation_pairs.jsonl"
THRESHOLDS = (0.5, 0.7, 0.9, 0.95, 0.99)


def read_rows() -> list[dict]:
    rows = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [row for row in rows if row["states"] is not None]  # "cannot tell" labels are left out


def by_point(rows: list[dict], accepted: np.ndarray, labels: np.ndarray) -> str:
    """Per (point, other article): how many articles that state the point are cited, and how many citations rest
    on a sentence that states it. An article is cited through its accepted sentence nearest the point."""
    pairs: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for k, row in enumerate(rows):
        pairs[(row["event"], row["claim"], row["article"])].append(k)
    stating = cited = right = 0
    for ks in pairs.values():
        stating += bool(labels[ks].any())
        taken = [k for k in sorted(ks, key=lambda k: rows[k]["rank"]) if accepted[k]]
        cited += bool(taken)
        right += bool(taken) and bool(labels[taken[0]])
    share = right / stating if stating else 0.0
    return f"{stating} | {cited} | {right} | {share:.3f}"


def brief_citations(events: set[str]) -> dict[tuple[str, str], tuple[str, ...]]:
    """(event, shown text) -> the articles today's brief cites for it, for every development brief."""
    from briefer.errors import InputError
    from briefer.evaluate.datasets import read_clusters
    from briefer.pipeline import build_brief

    embedder = get_embedder("static")
    cited = {}
    for prefix, name in EVAL_FILES.items():
        for cluster in read_clusters(EVAL / name):
            event = f"{prefix}:{cluster.id}"
            if event not in events:
                continue
            try:
                brief = build_brief(cluster.articles, embedder=embedder)
            except InputError:  # a cluster whose pages carry no text (Multi-News has one)
                continue
            for point in (brief.lede, *brief.points):
                cited[(event, point.own_text)] = point.citations
    return cited


def in_briefs(rows: list[dict], labels: np.ndarray, cited: dict[tuple[str, str], tuple[str, ...]]) -> str:
    """Per (point, article) of the points today's briefs still show: articles stating the point, and cited."""
    stating: dict[tuple[str, str, str], bool] = defaultdict(bool)
    for row, label in zip(rows, labels):
        if (row["event"], row["claim"]) in cited:
            stating[(row["event"], row["claim"], row["article"])] |= bool(label)
    shown = len({key[:2] for key in stating})
    states = [key for key, value in stating.items() if value]
    cites = [key for key in stating if key[2] in cited[key[:2]]]
    right = [key for key in cites if stating[key]]
    return (f"{shown} points still shown today; {len(states)} (point, other article) pairs where the article states "
            f"the point, {len(right)} of them cited ({len(right) / max(1, len(states)):.3f}); {len(cites)} citations "
            f"of labelled pairs, {len(cites) - len(right)} of them to an article none of whose candidate sentences "
            "states the point (wrong, or through a sentence not drawn)")


def rows_for(name: str, rows: list[dict], accepted: np.ndarray, labels: np.ndarray) -> str:
    return f"| {name} | {outcome(accepted, labels).cells()} | {by_point(rows, accepted, labels)} |"


def refit_cut(model_scores: np.ndarray, labels: np.ndarray) -> float:
    """The lowest cut keeping precision >= MIN_PRECISION on these scores."""
    for cut in np.unique(model_scores[np.isfinite(model_scores)]):
        if outcome(model_scores >= cut, labels).precision >= MIN_PRECISION:
            return float(cut)
    return float("inf")


def out_of_fold(features: np.ndarray, labels: np.ndarray, clusters: np.ndarray, usable: np.ndarray) -> np.ndarray:
    """Scores of the usable pairs, each from a model fitted on the usable pairs of the other clusters."""
    scores = np.full(len(labels), -np.inf)
    for cluster in np.unique(clusters[usable]):
        held = clusters == cluster
        model = fit(features[usable & ~held], labels[usable & ~held])
        scores[held & usable] = model.scores(features[held & usable])
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judge", help="also score a support judge (a model folder, or a hub id already cached)")
    parser.add_argument("--out", type=Path, help="also write the Markdown report here")
    args = parser.parse_args()

    rows, half = read_rows(), development_halves()
    embedder = get_embedder("static")
    labelled = [LabelledPair(r["claim"], r["premise"], r["states"], r["note"], r["event"]) for r in rows]
    table = pair_table(embedder, labelled, EVAL)
    labels = table.labels
    parts = {"tune": np.array([half[r["event"]] == "tune" for r in rows])}
    parts["held-out"] = ~parts["tune"]
    parts["all"] = np.ones(len(rows), bool)

    shipped = table.accepted(SUPPORT_MODEL)
    cosine_rule = table.allowed & (table.cosines >= COSINE_RULE["static"])
    tune_scores = out_of_fold(table.features, labels, table.clusters, parts["tune"] & table.considered)
    refit: SupportModel = fit(table.features[parts["tune"] & table.considered],
                              labels[parts["tune"] & table.considered])
    cut = refit_cut(tune_scores[parts["tune"]], labels[parts["tune"]])
    refitted = table.accepted(SupportModel(refit.weights, refit.intercept, cut))
    decisions = {"shipped decision (compatible; stated in full, or floor and SupportModel)": shipped,
                 f"cosine rule it replaced (>= {COSINE_RULE['static']})": cosine_rule,
                 f"SupportModel refitted on the tune half, cut {cut:.2f} chosen there": refitted}
    # Not a citation decision: the ranker's rule that a point quoting what a chosen point quotes repeats it
    # (briefer.core.rank.quotes_again), read against the same labels.
    decisions["a quoted statement both share (the ranker's repeat rule, for comparison)"] = np.array(
        [quotes_again(r["claim"], r["premise"]) for r in rows])
    if args.judge:
        judge = load_judge(args.judge)
        assert judge is not None
        probabilities = judge.probabilities([(r["premise"], r["claim"]) for r in rows])
        for threshold in (judge.threshold, *THRESHOLDS):
            decisions[f"judge {judge.name} at {threshold:.2f}"] = probabilities >= threshold

    twice = np.array([r.get("second") is not None for r in rows])
    agree = np.array([r.get("second") == r["states"] for r in rows])
    first_right = twice & labels
    lines = [f"# Citations on the pipeline's candidates ({date.today().isoformat()}, {platform.machine()})", "",
             f"{len(rows)} labelled pairs from {len({r['event'] for r in rows})} development clusters, "
             f"{int(labels.sum())} stating the point. Labelled twice: {int(twice.sum())} pairs, agreement "
             f"{agree[twice].mean():.3f}; of the first labeller's 'states', {int((first_right & agree).sum())} of "
             f"{int(first_right.sum())} confirmed by the second.", ""]
    for name, mask in parts.items():
        lines += [f"## {name} ({int(mask.sum())} pairs, {int(labels[mask].sum())} stating the point)", "",
                  "| decision | precision | recall | accepted | wrong | (point, article) stating | cited | cited "
                  "through a stating sentence | share of stating articles cited |", "|---|---|---|---|---|---|---|---|---|"]
        subset = [r for r, m in zip(rows, mask) if m]
        for label, accepted in decisions.items():
            lines.append(rows_for(label, subset, accepted[mask], labels[mask]))
        lines.append("")
    cited = brief_citations({r["event"] for r in rows})
    lines += ["## Today's development briefs", ""]
    for name, mask in parts.items():
        subset = [r for r, m in zip(rows, mask) if m]
        lines.append(f"- {name}: {in_briefs(subset, labels[mask], cited)}.")
    lines.append("")
    wrong = [(r["claim"], r["premise"]) for r, a, y in zip(rows, shipped, labels) if a and not y]
    lines += ["## The shipped decision's wrong acceptances", ""]
    lines += [f"- point {c!r}; cited through {p!r}" for c, p in wrong] or ["- none"]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
