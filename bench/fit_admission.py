"""Fit admission (``briefer.core.admission``): which sentences may be shown, from hand-labelled sentences.

Reads ``tests/data/admission_labels.jsonl`` (labels and how they were drawn: ``docs/admission_labels.md``),
rebuilds each labelled sentence exactly as the pipeline sees it (clean, split, dateline stripped) to compute its
features, and fits a logistic model on one half of the sources: Multi-News and MultiLing clusters at even
positions (the half the ranker was tuned on) and the sample. The other half is held out and reported. The
regularisation and the threshold are chosen by cross-validation inside the fit half only.

    .venv/bin/python bench/fit_admission.py            # report, and write briefer/data/admission.json
    .venv/bin/python bench/fit_admission.py --dry-run  # report only
    .venv/bin/python bench/fit_admission.py --without caption_date,full_date  # report a fit without some features
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefer.core import admission  # noqa: E402
from briefer.ingest import outlets
from briefer.text import clean, sentences
from briefer.backends.embed import StaticEmbedder  # noqa: E402
from briefer.ingest.load import load_cluster  # noqa: E402
from briefer.types import Article, Sentence  # noqa: E402

LABELS = ROOT / "tests" / "data" / "admission_labels.jsonl"
SHIPPED = ROOT / "briefer" / "data" / "admission.json"
EVAL = ROOT.parent / "shared" / "eval"
SETS = {"multinews-dev": EVAL / "multinews-dev.jsonl", "multiling2011-en": EVAL / "multiling2011-en.jsonl"}
SAMPLE = ROOT.parent / "shared" / "seeds"
PUBLISHABLE = {"claim", "strip"}
# The share of publishable sentences admission must let through, in cross-validation on the fit half. A cluster
# offers the ranker many more sentences than a page holds, so a claim lost costs little and junk shown costs
# much: the threshold refuses all it can while keeping this share (the junk left on pages is bench/junk.py's).
MIN_CLAIMS_KEPT = 0.8


def cluster_articles() -> dict[tuple[str, str], tuple[int, list[Article]]]:
    """(set, cluster id) -> (position in its file, its articles as the pipeline loads them)."""
    found: dict[tuple[str, str], tuple[int, list[Article]]] = {}
    for name, path in SETS.items():
        for position, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            row = json.loads(line)
            articles = [Article(id=f"a{k + 1}", text=a.get("text") or "", title=a.get("title"), url=a.get("url"),
                                date=a.get("date"), outlet=a.get("outlet")) for k, a in enumerate(row["articles"])]
            found[(name, row["id"])] = (position, articles)
    found[("sample", "sample")] = (0, load_cluster(SAMPLE).articles)
    return found


def pipeline_sentences(articles: list[Article]) -> dict[str, tuple[Sentence, bool]]:
    """Each sentence as split (the text a label holds) -> the sentence as shown, and whether it was stripped."""
    usable = [clean.clean_article(a) for a in outlets.assign_outlets(articles, {})]
    split = [s for a in usable for s in sentences.sentences_of(a)]
    shown, stripped = admission.strip_shown(split)
    found: dict[str, tuple[Sentence, bool]] = {}
    for raw, sentence, skip in zip(split, shown, stripped):
        found.setdefault(raw.text, (sentence, skip))
    return found


def labelled_rows(labels: list[dict]) -> tuple[list[Sentence], list[bool], list[dict]]:
    """Each label matched to its sentence as the pipeline splits it; unmatched ones are left out with a count, so
    that a change of the cleaner or splitter shows up here."""
    clusters = cluster_articles()
    by_cluster: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for label in labels:
        dataset, cluster = label["source"].split(":")[:2]
        by_cluster[(dataset, "sample" if dataset == "sample" else cluster)].append(label)
    matched: list[tuple[Sentence, bool, dict]] = []
    missing = 0
    for key, wanted in by_cluster.items():
        position, articles = clusters[key]
        found = pipeline_sentences(articles)
        for label in wanted:
            hit = found.get(label["text"])
            if hit is None:
                missing += 1
                continue
            matched.append((hit[0], hit[1], {**label, "position": position, "cluster": f"{key[0]}:{key[1]}"}))
    if missing:
        print(f"{missing} labelled sentences no longer split the same way; left out", file=sys.stderr)
    return [m[0] for m in matched], [m[1] for m in matched], [m[2] for m in matched]


def is_fit_half(label: dict) -> bool:
    return label["cluster"].startswith("sample") or label["position"] % 2 == 0


def choose(x: np.ndarray, y: np.ndarray, groups: list[str]) -> tuple[float, float]:
    """Regularisation and threshold by grouped cross-validation in the fit half: for each C, the highest threshold
    that still lets ``MIN_CLAIMS_KEPT`` of the publishable sentences through; the C that then refuses most junk."""
    best = (-1.0, 1.0, 0.5)
    folds = GroupKFold(n_splits=5)
    for c in (0.03, 0.1, 0.3, 1.0, 3.0):
        scores = np.zeros(len(y))
        for train, test in folds.split(x, y, groups):
            model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(x[train], y[train])
            scores[test] = model.predict_proba(x[test])[:, 1]
        threshold = float(np.quantile(scores[y == 1], 1.0 - MIN_CLAIMS_KEPT))
        refused = float((scores[y == 0] < threshold).mean())
        if refused > best[0]:
            best = (refused, c, threshold)
    return best[1], best[2]


def report(name: str, y: np.ndarray, passed: np.ndarray, labels: list[dict]) -> None:
    kept = passed[y == 1].mean() if (y == 1).any() else float("nan")
    refused = (~passed)[y == 0].mean() if (y == 0).any() else float("nan")
    junk = (y[passed] == 0).mean() if passed.any() else float("nan")
    print(f"| {name} | {len(y)} | {int((y == 0).sum())} | {kept:.3f} | {refused:.3f} | {junk:.3f} |")
    per = Counter(l["label"] for l, p, t in zip(labels, passed, y) if t == 0 and p)
    if per:
        print(f"|  junk let through, by label | | | | | {dict(per)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="report only; do not write the shipped weights")
    parser.add_argument("--without", default="", metavar="FEATURE,...",
                        help="fit and report without these cheap features (implies --dry-run): what each adds")
    args = parser.parse_args()
    left_out = [admission.FEATURES.index(name) for name in args.without.split(",") if name]

    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    split, stripped, labels = labelled_rows(labels)
    vectors = StaticEmbedder().encode([s.text for s in split])
    rows = admission.feature_rows(split, stripped, vectors)
    x = np.delete(rows, left_out, axis=1)
    y = np.array([label["label"] in PUBLISHABLE for label in labels], dtype=int)
    fit = np.array([is_fit_half(label) for label in labels])
    groups = [label["cluster"] for label in labels]

    c, threshold = choose(x[fit], y[fit], [g for g, f in zip(groups, fit) if f])
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(x[fit], y[fit])
    shipped = admission.AdmissionModel(model.coef_[0].astype(np.float32), float(model.intercept_[0]), threshold)
    passed = shipped.probabilities(x) >= threshold

    print(f"admission fitted {date.today()}: {len(labels)} labelled sentences, {int(fit.sum())} in the fit half; "
          f"C={c}, threshold={threshold:.2f}\n")
    print("| half | sentences | refusable | claims kept | junk refused | junk share of what passes |")
    print("|---|---|---|---|---|---|")
    held = ~fit
    report("fit (in sample)", y[fit], passed[fit], [l for l, f in zip(labels, fit) if f])
    report("held out (odd clusters)", y[held], passed[held], [l for l, f in zip(labels, held) if f])
    picked = np.array([bool(label.get("picked")) for label in labels])
    report("held out, sentences the old briefer showed", y[held & picked], passed[held & picked],
           [l for l, f in zip(labels, held & picked) if f])

    # Scored by the model the package ships after this run: this fit, or with --dry-run the one in the package.
    writing = not (args.dry_run or left_out)
    model_after = shipped if writing else admission.shipped_model()
    print("\nOpenings (an article's first sentences) under the threshold of the model shipped after this run, "
          "publishable of labelled, by score (what the opening guarantee, briefer.fitted.OPENING_FLOOR, would "
          "admit):\n")
    print("| score | fit half | held out |")
    print("|---|---|---|")
    scores = model_after.probabilities(rows)
    opening = np.array([s.in_opening for s in split])
    for low, high in ((0.4, 0.45), (0.45, 0.5), (0.5, model_after.threshold)):
        band = opening & (scores >= low) & (scores < high)
        cells = [f"{int(y[band & part].sum())} of {int((band & part).sum())}" for part in (fit, held)]
        print(f"| {low:.2f} to {high:.2f} | {cells[0]} | {cells[1]} |")

    strip_labels = [(l, s) for l, s, sk in zip(labels, split, stripped) if l["label"] == "strip" or sk]
    agree = sum(1 for l, s in strip_labels if l["label"] == "strip" and s.text == (l.get("shown") or "").strip())
    print(f"\ndatelines: {sum(l['label'] == 'strip' for l in labels)} labelled strip, "
          f"{sum(stripped)} stripped by shown_start, {agree} stripped exactly as labelled")
    if writing:
        SHIPPED.write_text(json.dumps({
            "fitted_by": "bench/fit_admission.py",
            "date": str(date.today()),
            "labels": len(labels),
            "features": [*admission.FEATURES, f"static embedding ({vectors.shape[1]} dims)"],
            "threshold": round(threshold, 4),
            "bias": float(model.intercept_[0]),
            "weights": [round(float(w), 6) for w in model.coef_[0]],
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {SHIPPED.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
