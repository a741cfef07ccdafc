"""Fit and check the citation decision of ``briefer.core.support`` on the hand-labelled sentence pairs.

    .venv/bin/python bench/support.py [--pairs tests/data/claim_pairs.jsonl] [--eval ../shared/eval]

Every labelled pair gets the features of ``briefer.core.support.pair_features`` three times, with the cosine of the
static, MiniLM and lexical embedders, each relative to that embedder's claim threshold (the floor for citing). One
logistic regression is fitted on all the rows, over the pairs a citation could rest on: at or above the
floor and not vetoed by ``compatible``. It is judged leave-one-cluster-out: each cluster (one news event) is
scored by a model fitted on the others. The pipeline only ever judges an article's closest sentence to the one
shown, so precision and recall are measured on the labelled pairs where one sentence is the other's closest in
its article ("decided" pairs); all pairs are reported too. The cut is the lowest that keeps precision >= 0.97
for each embedder on the out-of-fold scores of all clusters; "nested" rows choose the cut without the held-out
cluster too (an inner leave-one-cluster-out), the fully honest estimate. The baseline is the rule replaced,
``cosine >= t`` plus the same veto, at the thresholds shipped before (0.89, 0.70) and with t chosen the same
ways. Then other floors, the model fitted on all pairs (the constants for ``briefer/fitted.py``), every labelled
cluster grouped as the pipeline does with each citation looked up in the labels, and the decision's time on the
sample cluster. Prints a Markdown report.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: bench.claims from the repo

from bench.claims import EVAL, PAIRS
from briefer.backends.embed import LexicalEmbedder, get_embedder
from briefer.core.claims import group_claims
from briefer.core.support import CITE_BY_COSINE, FEATURES, SUPPORT_MODEL, SupportModel
from briefer.evaluate.pairs import COSINE_RULE, LabelledPair, PairTable, outcome, pair_table, read_pairs

MIN_PRECISION = 0.97
REGULARISATION = 1.0  # sklearn's C on standardised features


def fit(features: np.ndarray, labels: np.ndarray) -> SupportModel:
    """Logistic regression on standardised features, returned in raw-feature terms (cut left at 0)."""
    mean, scale = features.mean(axis=0), features.std(axis=0)
    scale[scale == 0] = 1.0
    regression = LogisticRegression(C=REGULARISATION, max_iter=5000).fit((features - mean) / scale, labels)
    weights = regression.coef_[0] / scale
    return SupportModel(tuple(float(w) for w in weights), float(regression.intercept_[0] - weights @ mean), cut=0.0)


Scores = list[np.ndarray]  # one score array per table, row for row with its pairs
Trainer = Callable[[np.ndarray], Callable[[np.ndarray], Scores]]  # training-pair mask -> scorer of a pair mask


def model_trainer(tables: Sequence[PairTable]) -> Trainer:
    """One model over the rows of every table, fitted on the considered pairs of the training clusters."""
    def train(mask: np.ndarray) -> Callable[[np.ndarray], Scores]:
        model = fit(np.vstack([t.features[mask & t.considered] for t in tables]),
                    np.concatenate([t.labels[mask & t.considered] for t in tables]))
        return lambda rows: [np.where(rows, model.scores(t.features), -np.inf) for t in tables]
    return train


def cosine_trainer(tables: Sequence[PairTable]) -> Trainer:
    """The rule replaced: the cosine itself is the score (one table at a time: cosines differ by embedder)."""
    return lambda mask: (lambda rows: [np.where(rows, t.cosines, -np.inf) for t in tables])


def out_of_fold(tables: Sequence[PairTable], train: Trainer, within: np.ndarray) -> Scores:
    """Scores of the pairs in ``within``, each from a model fitted on the other clusters in ``within``."""
    clusters = tables[0].clusters
    scores = [np.full(len(clusters), -np.inf) for _ in tables]
    for cluster in np.unique(clusters[within]):
        held_out = within & (clusters == cluster)
        for total, part in zip(scores, train(within & ~held_out)(held_out)):
            total[held_out] = part[held_out]
    return scores


def eligible(tables: Sequence[PairTable], decided_only: bool) -> list[np.ndarray]:
    """Per table, the pairs the model may accept: considered, and decided ones only if asked."""
    return [t.considered & (t.decided if decided_only else True) for t in tables]


def common_cut(scores: Scores, tables: Sequence[PairTable], masks: Sequence[np.ndarray]) -> float:
    """The lowest cut that keeps every embedder's precision >= MIN_PRECISION: a user briefs with one of them."""
    candidates = np.unique(np.concatenate([s[m] for s, m in zip(scores, masks)]))
    return next((float(c) for c in candidates
                 if all(outcome((s >= c) & m, t.labels).precision >= MIN_PRECISION
                        for s, t, m in zip(scores, tables, masks))), np.inf)


def nested(tables: Sequence[PairTable], train: Trainer, masks: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Accepted pairs per table, the held-out cluster taking no part in fitting the model or choosing its cut."""
    clusters = tables[0].clusters
    accepted = [np.zeros(len(clusters), bool) for _ in tables]
    for cluster in np.unique(clusters):
        held_out = clusters == cluster
        inner = out_of_fold(tables, train, ~held_out)
        cut = common_cut(inner, tables, [m & ~held_out for m in masks])
        for total, part, mask in zip(accepted, train(~held_out)(held_out), masks):
            total[held_out] = (part >= cut)[held_out] & mask[held_out]
    return accepted


@dataclass(frozen=True)
class Fitted:
    model: SupportModel  # fitted on all pairs, cut from the out-of-fold scores of the decided pairs
    oof: Scores


def fit_all(tables: Sequence[PairTable]) -> Fitted:
    everything = np.ones(len(tables[0].labels), bool)
    oof = out_of_fold(tables, model_trainer(tables), everything)
    cut = common_cut(oof, tables, eligible(tables, decided_only=True))
    final = fit(np.vstack([t.features[t.considered] for t in tables]),
                np.concatenate([t.labels[t.considered] for t in tables]))
    return Fitted(SupportModel(final.weights, final.intercept, cut), oof)


def comparison(tables: Sequence[PairTable], fitted: Fitted, decided_only: bool) -> list[str]:
    everything = np.ones(len(tables[0].labels), bool)
    lines = ["| embedder | rule | precision | recall | accepted | wrong |", "|---|---|---|---|---|---|"]
    masks = eligible(tables, decided_only)
    for k, table in enumerate(tables):
        labels = table.labels & (table.decided if decided_only else True)
        judged = table.allowed & (table.decided if decided_only else True)
        before = (table.cosines >= COSINE_RULE[table.name]) & judged
        lines.append(f"| {table.name} | before: cosine >= {COSINE_RULE[table.name]:.2f} (in-sample) | "
                     f"{outcome(before, labels).cells()} |")
        cosine_oof = out_of_fold([table], cosine_trainer([table]), everything)
        cut = common_cut(cosine_oof, [table], [judged])
        lines.append(f"| {table.name} | cosine only, cut for precision {MIN_PRECISION} on all clusters ({cut:.3f}) | "
                     f"{outcome((cosine_oof[0] >= cut) & judged, labels).cells()} |")
        lines.append(f"| {table.name} | cosine only, **nested** | "
                     f"{outcome(nested([table], cosine_trainer([table]), [judged])[0], labels).cells()} |")
        model_accepts = (fitted.oof[k] >= fitted.model.cut) & masks[k]
        lines.append(f"| {table.name} | support model, out of fold, cut chosen on all clusters "
                     f"({fitted.model.cut:.3f}) | "
                     f"{outcome(model_accepts, labels).cells()} |")
    for k, accepted in enumerate(nested(tables, model_trainer(tables), masks)):
        labels = tables[k].labels & (tables[k].decided if decided_only else True)
        lines.append(f"| {tables[k].name} | support model, **nested** | {outcome(accepted, labels).cells()} |")
    for table in tables:
        labels = table.labels & (table.decided if decided_only else True)
        shipped = (fitted.model.scores(table.features) >= fitted.model.cut) & eligible([table], decided_only)[0]
        lines.append(f"| {table.name} | support model fitted on all pairs (in-sample) | "
                     f"{outcome(shipped, labels).cells()} |")
    return lines


def per_cluster(tables: Sequence[PairTable], fitted: Fitted) -> list[str]:
    header = " | ".join(f"{t.name} accepted / wrong / recall" for t in tables)
    lines = [f"| cluster | decided pairs | same claim | {header} |", "|---|---|---|" + "---|" * len(tables)]
    for cluster in np.unique(tables[0].clusters):
        rows = (tables[0].clusters == cluster)
        cells = []
        for k, table in enumerate(tables):
            mask = rows & table.decided
            result = outcome((fitted.oof[k] >= fitted.model.cut) & table.considered & mask, table.labels & mask)
            recall = f"{result.recall:.2f}" if (table.labels & mask).any() else "-"
            cells.append(f"{result.accepted} / {result.wrong} / {recall}")
        mask = rows & tables[0].decided
        positives = int((tables[0].labels & mask).sum())
        lines.append(f"| {cluster} | {int(mask.sum())} | {positives} | {' | '.join(cells)} |")
    return lines


FLOORS = ((0.60, 0.60, 0.30), (0.65, 0.65, 0.35), (0.70, 0.70, 0.40), (0.75, 0.75, 0.45), (0.80, 0.80, 0.55))


def with_floor(table: PairTable, floor: float) -> PairTable:
    """The same pairs judged with another floor: the cosine feature and the considered pairs move with it."""
    features = table.features.copy()
    features[:, FEATURES.index("cosine")] = table.cosines - floor
    return replace(table, threshold=floor, features=features, considered=table.allowed & (table.cosines >= floor))


def floor_sweep(tables: Sequence[PairTable]) -> list[str]:
    """How much the choice of floors matters: the whole fit and out-of-fold check redone at each pair of floors."""
    lines = ["| floors (" + ", ".join(t.name for t in tables) + ") | cut | " + " | ".join(f"{t.name} precision / recall" for t in tables) + " |",
             "|---|---|" + "---|" * len(tables)]
    for floors in FLOORS:
        moved = [with_floor(t, f) for t, f in zip(tables, floors)]
        fitted = fit_all(moved)
        cells = [outcome((fitted.oof[k] >= fitted.model.cut) & t.considered & t.decided, t.labels & t.decided)
                 for k, t in enumerate(moved)]
        lines.append(f"| {', '.join(f'{f:.2f}' for f in floors)} | {fitted.model.cut:.3f} | "
                     + " | ".join(f"{c.precision:.3f} / {c.recall:.3f}" for c in cells) + " |")
    return lines


def same_model(a: SupportModel, b: SupportModel) -> bool:
    """Equal to the 4 decimals the constants are printed with."""
    numbers_a, numbers_b = (*a.weights, a.intercept, a.cut), (*b.weights, b.intercept, b.cut)
    return len(numbers_a) == len(numbers_b) and all(abs(x - y) < 1e-4 for x, y in zip(numbers_a, numbers_b))


def constants(model: SupportModel) -> list[str]:
    weights = ", ".join(f"{w:.4f}" for w in model.weights)
    return [f"`SUPPORT_WEIGHTS = ({weights})`, `SUPPORT_INTERCEPT = {model.intercept:.4f}`, "
            f"`SUPPORT_CUT = {model.cut:.4f}` (briefer/fitted.py)", "",
            "| feature | weight |", "|---|---|", *(f"| {n} | {w:+.4f} |" for n, w in zip(FEATURES, model.weights)),
            f"| (intercept) | {model.intercept:+.4f} |"]


@dataclass(frozen=True)
class CitationCheck:
    cited: int  # citations of another article than the representative's
    right: int  # labelled same claim (or the very same text)
    wrong: list[tuple[str, str]]
    unlabelled: list[tuple[str, str]]


def check_citations(table: PairTable, model: SupportModel, threshold: float,
                    labels: dict[tuple[str, frozenset[str]], bool]) -> CitationCheck:
    """Group every labelled cluster as the pipeline does; look each citation up in the labels."""
    cited = right = 0
    wrong: list[tuple[str, str]] = []
    unlabelled: list[tuple[str, str]] = []
    for cluster, data in table.encoded.items():
        vectors = data.vectors[: len(data.sentences)]
        grouped = group_claims(data.sentences, vectors, threshold, table.group_threshold, support=model)
        for claim in grouped.claims:
            shown = claim.representative
            for evidence in claim.evidence():
                if evidence.article_id == shown.article_id:
                    continue
                cited += 1
                label = labels.get((cluster, frozenset((shown.text, evidence.text))))
                if label or shown.text == evidence.text:
                    right += 1
                else:
                    (unlabelled if label is None else wrong).append((shown.text, evidence.text))
    return CitationCheck(cited, right, wrong, unlabelled)


def citation_report(pairs: Sequence[LabelledPair], tables: Sequence[PairTable], model: SupportModel) -> list[str]:
    label_of = {(p.cluster, frozenset((p.a, p.b))): p.same_claim for p in pairs}
    lines = ["| embedder | rule | citations of other articles | labelled right | labelled wrong | not labelled |",
             "|---|---|---|---|---|---|"]
    listed = []
    for table in tables:
        before = COSINE_RULE[table.name]
        for name, rule, threshold in ((f"before: cosine >= {before:.2f}", CITE_BY_COSINE, before),
                                      ("support model", model, table.threshold)):
            check = check_citations(table, rule, threshold, label_of)
            lines.append(f"| {table.name} | {name} | {check.cited} | {check.right} | {len(check.wrong)} | "
                         f"{len(check.unlabelled)} |")
            for kind, found in (("labelled wrong", check.wrong), ("not labelled", check.unlabelled)):
                listed += [f"- {table.name}, {name}, {kind}: {a!r} / {b!r}" for a, b in found]
    return [*lines, "", *listed]


def timing(tables: Sequence[PairTable], model: SupportModel) -> list[str]:
    """The decision's own cost: group_claims on the sample cluster with the model vs with the cosine rule."""
    lines = ["| embedder | sentences | group_claims, cosine rule (ms) | group_claims, support model (ms) |",
             "|---|---|---|---|"]
    for table in tables:
        data = table.encoded["sample"]
        vectors = data.vectors[: len(data.sentences)]
        measured = []
        for rule, threshold in ((CITE_BY_COSINE, COSINE_RULE[table.name]), (model, table.threshold)):
            runs = []
            for _ in range(5):
                started = time.perf_counter()
                group_claims(data.sentences, vectors, threshold, table.group_threshold, support=rule)
                runs.append(time.perf_counter() - started)
            measured.append(1000 * min(runs))
        lines.append(f"| {table.name} | {len(data.sentences)} | {measured[0]:.0f} | {measured[1]:.0f} |")
    return lines


def report(pairs: list[LabelledPair], tables: Sequence[PairTable], fitted: Fitted) -> list[str]:
    clusters = sorted({p.cluster for p in pairs})
    positives = sum(p.same_claim for p in pairs)
    lines = [f"{len(pairs)} labelled pairs ({positives} same-claim), {len(clusters)} clusters.", ""]
    for table in tables:
        lines.append(f"- {table.name}: floor {table.threshold:.2f}; {int(table.decided.sum())} decided pairs "
                     f"({int((table.decided & table.labels).sum())} same-claim); "
                     f"{int(table.considered.sum())} pairs at or above the floor and compatible.")
    shipped = "the shipped `SUPPORT_MODEL`" if same_model(fitted.model, SUPPORT_MODEL) else "NOT the shipped model"
    return [*lines, "", "## Decided pairs (what the pipeline judges)", "", *comparison(tables, fitted, True),
            "", "## All labelled pairs", "", *comparison(tables, fitted, False),
            "", "## Per held-out cluster (decided pairs, out of fold, shipped cut)", "", *per_cluster(tables, fitted),
            "", "## Other floors (decided pairs, out of fold, each row refitted)", "", *floor_sweep(tables),
            "", f"## Fitted on all pairs: {shipped}", "", *constants(fitted.model),
            "", "## Citations after grouping every labelled cluster as the pipeline does", "",
            *citation_report(pairs, tables, fitted.model),
            "", "## Time of the decision (sample cluster, best of 5)", "", *timing(tables, fitted.model)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--eval", type=Path, default=EVAL, help="the development sets' folder (MultiLing, Multi-News dev)")
    args = parser.parse_args()
    started = time.perf_counter()
    pairs = read_pairs(args.pairs)
    tables = [pair_table(embedder, pairs, args.eval)
              for embedder in (get_embedder("static"), get_embedder("minilm"), LexicalEmbedder())]
    fitted = fit_all(tables)
    print(f"# Citation decision ({date.today().isoformat()}, {platform.machine()}, "
          f"Python {platform.python_version()})\n")
    print("\n".join(report(pairs, tables, fitted)))
    print(f"\nRun took {time.perf_counter() - started:.0f} s.")


if __name__ == "__main__":
    main()
