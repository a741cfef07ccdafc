"""Held-out evaluation of the judge on the project's news pairs, beside the models briefer decides with today.

Items: a labelled claim pair (tests/data/claim_pairs.jsonl) is scored by the judge as the mean of its two
directions (same claim: each sentence should state the other); a match pair (tests/data/match_pairs.jsonl) is
P(sentence states note). The events are split by ``train.data.split_events``: the threshold is the lowest that
keeps precision >= 0.97 on the dev events; precision, recall and F1 are reported on the test events only.

Baselines on exactly the same items:
- claim pairs: briefer.core.support's logistic ``SupportModel`` on the static embedder's features, as
  bench/support.py scores it: (a) the shipped constants (fitted on all labelled pairs, test events included: in-sample,
  so flattering), and (b) refitted on the train events' pairs with its cut chosen on dev the same way. Pairs that
  ``compatible`` vetoes or that fall under the embedder's floor are rejected, as in the pipeline.
- match pairs: briefer.evaluate's shipped ``SemanticMatcher`` (MiniLM cosine + stem overlap over clause spans) at
  its shipped threshold (tuned on half of all match pairs: partly in-sample) and at the dev-chosen threshold.
"""

from __future__ import annotations

import platform
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import torch

from train.data import Pair, build
from train.model import load, probabilities

MIN_PRECISION = 0.97
POINTS = (0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995)


@dataclass(frozen=True)
class Items:
    """Scored units: one per labelled pair (a claim pair's two directions averaged)."""

    scores: np.ndarray
    labels: np.ndarray
    kinds: np.ndarray  # "claim" or "match"
    events: np.ndarray


def items(pairs: Sequence[Pair], probs: Sequence[float]) -> Items:
    grouped: dict[str, list[int]] = defaultdict(list)
    for k, pair in enumerate(pairs):
        grouped[pair.group].append(k)
    rows = [(float(np.mean([probs[k] for k in ks])), pairs[ks[0]].label, pairs[ks[0]].source.split("_")[0][5:],
             pairs[ks[0]].event) for ks in grouped.values()]
    scores, labels, kinds, events = zip(*rows)
    return Items(np.array(scores), np.array(labels, bool), np.array(kinds), np.array(events))


@dataclass(frozen=True)
class Outcome:
    precision: float
    recall: float
    f1: float
    accepted: int
    wrong: int
    positives: int

    def cells(self) -> str:
        return (f"{self.precision:.3f} | {self.recall:.3f} | {self.f1:.3f} | {self.accepted} | {self.wrong} | "
                f"{self.positives}")


def outcome(accepted: np.ndarray, labels: np.ndarray) -> Outcome:
    right, taken, positives = int(np.sum(accepted & labels)), int(accepted.sum()), int(labels.sum())
    precision = right / taken if taken else 1.0
    recall = right / positives if positives else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Outcome(precision, recall, f1, taken, taken - right, positives)


def lowest_cut(scores: np.ndarray, labels: np.ndarray, min_precision: float = MIN_PRECISION) -> float:
    """The lowest threshold whose accepted items (score >= t) keep precision >= min_precision."""
    for cut in np.unique(scores[np.isfinite(scores)]):
        if outcome(scores >= cut, labels).precision >= min_precision:
            return float(cut)
    return float("inf")


HEADER = ["| judge | items | threshold (chosen on dev) | precision | recall | F1 | accepted | wrong | positives |",
          "|---|---|---|---|---|---|---|---|---|"]


def judge_rows(name: str, dev: Items, test: Items) -> list[str]:
    """One threshold for both kinds (chosen on all dev items), then per kind and together on test."""
    cut = lowest_cut(dev.scores, dev.labels)
    rows = []
    for kind in ("claim", "match", "all"):
        mask = np.ones(len(test.labels), bool) if kind == "all" else test.kinds == kind
        rows.append(f"| {name} | {kind} | {cut:.4f} | {outcome((test.scores >= cut) & mask, test.labels & mask).cells()} |")
    return rows


def points(name: str, test: Items) -> list[str]:
    lines = [f"| {name}: threshold | precision | recall | F1 | accepted | wrong | positives |",
             "|---|---|---|---|---|---|---|"]
    lines += [f"| {t} | {outcome(test.scores >= t, test.labels).cells()} |" for t in POINTS]
    return lines


# ---- baselines ----------------------------------------------------------------------------------------------------

def support_model_scores(pairs: Sequence[Pair], split) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Per claim pair of ``pairs`` (one direction each): the shipped SupportModel's and the train-refitted
    model's log-odds (-inf where vetoed or under the floor), and whether the pipeline would judge it ("decided")."""
    from bench.claims import EVAL  # noqa: PLC0415 (the baseline is briefer's own bench code)
    from bench.support import fit
    from briefer.backends.embed import get_embedder
    from briefer.core.support import SUPPORT_MODEL
    from briefer.evaluate.pairs import LabelledPair, pair_table

    labelled = [LabelledPair(p.claim, p.premise, bool(p.label), "", p.event) for p in pairs]
    table = pair_table(get_embedder("static"), labelled, EVAL)
    train = np.array([p.event in split.train for p in pairs])
    refit = fit(table.features[train & table.considered], table.labels[train & table.considered])
    shipped = np.where(table.considered, SUPPORT_MODEL.scores(table.features), -np.inf)
    refitted = np.where(table.considered, refit.scores(table.features), -np.inf)
    return {"shipped": (shipped, table.decided, table.labels), "refit": (refitted, table.decided, table.labels)}


def matcher_scores(pairs: Sequence[Pair]) -> np.ndarray:
    from briefer.evaluate.matchers import get_matcher  # noqa: PLC0415

    matcher = get_matcher("semantic")
    return np.array([float(matcher.similarity([p.claim], [p.premise])[0, 0]) for p in pairs])


def baseline_rows(dev_pairs: Sequence[Pair], test_pairs: Sequence[Pair], split) -> tuple[list[str], dict]:
    """The cheap models' rows for the held-out table, on the same items as the judge."""
    from briefer.fitted import SEMANTIC_THRESHOLD  # noqa: PLC0415
    from briefer.core.support import SUPPORT_MODEL

    rows, extra = [], {}
    claim_dev = [p for p in dev_pairs if p.source == "news:claim_pairs"][::2]  # one direction per labelled pair
    claim_test = [p for p in test_pairs if p.source == "news:claim_pairs"][::2]
    all_claims = [p for p in build_all_claims(split)]
    scored = support_model_scores(all_claims, split)
    index = {(p.event, p.premise, p.claim): k for k, p in enumerate(all_claims)}
    for name, (scores, decided, labels) in scored.items():
        pick = lambda ps: np.array([index[(p.event, p.premise, p.claim)] for p in ps])  # noqa: E731
        dev_rows, test_rows = pick(claim_dev), pick(claim_test)
        cut = SUPPORT_MODEL.cut if name == "shipped" else lowest_cut(scores[dev_rows], labels[dev_rows])
        label = ("SupportModel, shipped constants and cut (fitted on all pairs: in-sample)" if name == "shipped"
                 else "SupportModel refitted on train events, cut chosen on dev")
        accepted = scores[test_rows] >= cut
        rows.append(f"| {label} | claim | {cut:.4f} | {outcome(accepted, labels[test_rows]).cells()} |")
        extra[name] = (scores[test_rows], decided[test_rows], labels[test_rows], cut)
    match_dev = [p for p in dev_pairs if p.source == "news:match_pairs"]
    match_test = [p for p in test_pairs if p.source == "news:match_pairs"]
    dev_scores, test_scores = matcher_scores(match_dev), matcher_scores(match_test)
    dev_labels = np.array([bool(p.label) for p in match_dev])
    test_labels = np.array([bool(p.label) for p in match_test])
    for label, cut in (("SemanticMatcher, shipped threshold", SEMANTIC_THRESHOLD),
                       ("SemanticMatcher, threshold chosen on dev", lowest_cut(dev_scores, dev_labels))):
        rows.append(f"| {label} | match | {cut:.4f} | {outcome(test_scores >= cut, test_labels).cells()} |")
    return rows, extra


def build_all_claims(split) -> list[Pair]:
    """Every labelled claim pair once (direction b -> a), with its event: the baseline's features need the
    train events' pairs too (its refit)."""
    from train.data import claim_pairs  # noqa: PLC0415

    return claim_pairs()[::2]


# ---- the run -----------------------------------------------------------------------------------------------------

def quantised(model: torch.nn.Module) -> torch.nn.Module:
    """Dynamic int8 of every Linear layer (weights int8, activations quantised on the fly)."""
    return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def score_pairs(model, tokenizer, pairs: Sequence[Pair], max_len: int) -> list[float]:
    return probabilities(model, tokenizer, [p.premise for p in pairs], [p.claim for p in pairs], max_len)


def evaluate_folder(raw: Path, folder: Path, seed: int, log: Callable[[str], None] = print) -> None:
    """Score dev and test with the saved judge (fp32 and int8) and the baselines; write evaluation.md."""
    started = time.perf_counter()
    data = build(raw, seed)
    model, tokenizer, meta = load(folder)
    lines = [f"# Support judge, held out by event ({date.today().isoformat()}, {platform.machine()}, "
             f"torch {torch.__version__}, {torch.get_num_threads()} threads)", "",
             f"Judge: {folder} ({meta['train_pairs']} training pairs, {meta['trainable_layers']} trainable layers). "
             f"Events: train {len(data.split.train)}, dev {len(data.split.dev)}, test {len(data.split.test)} "
             "(the sample cluster is a test event). Claim pairs: mean of both directions.", ""]
    judged = {}
    for name, net in (("judge fp32", model), ("judge int8 (dynamic)", quantised(model))):
        dev = items(data.dev, score_pairs(net, tokenizer, data.dev, meta["max_len"]))
        test = items(data.test, score_pairs(net, tokenizer, data.test, meta["max_len"]))
        judged[name] = (dev, test)
        log(f"scored {name} at {time.perf_counter() - started:.0f} s")
    base_rows, extra = baseline_rows(data.dev, data.test, data.split)
    lines += ["## Test events, threshold for precision >= 0.97 chosen on dev events", "", *HEADER]
    for name, (dev, test) in judged.items():
        lines += judge_rows(name, dev, test)
    lines += base_rows
    dev, test = judged["judge fp32"]
    claim = test.kinds == "claim"
    lines += ["", "## Claim pairs the pipeline would judge (one is the other's closest sentence in its article)", "",
              *HEADER]
    cut = lowest_cut(dev.scores, dev.labels)
    for name, (scores, decided, labels, base_cut) in extra.items():
        judge_items = Items(test.scores[claim], test.labels[claim], test.kinds[claim], test.events[claim])
        if len(judge_items.labels) != len(labels) or not np.array_equal(judge_items.labels, labels):
            raise AssertionError("judge and baseline items are not the same claim pairs")
        if name == "shipped":
            lines.append(f"| judge fp32 | claim, decided | {cut:.4f} | "
                         f"{outcome((judge_items.scores >= cut) & decided, labels & decided).cells()} |")
        lines.append(f"| SupportModel {name} | claim, decided | {base_cut:.4f} | "
                     f"{outcome((scores >= base_cut) & decided, labels & decided).cells()} |")
    lines += ["", "## Precision-recall points on the test events (all items)", ""]
    for name, (_, test_items) in judged.items():
        lines += [*points(name, test_items), ""]
    lines += ["## Per test event (judge fp32, dev-chosen threshold)", "",
              "| event | items | positives | accepted | wrong | recall |", "|---|---|---|---|---|---|"]
    for event in sorted(set(test.events)):
        mask = test.events == event
        result = outcome((test.scores >= cut) & mask, test.labels & mask)
        lines.append(f"| {event} | {int(mask.sum())} | {result.positives} | {result.accepted} | {result.wrong} | "
                     f"{result.recall:.2f} |")
    wrong = [(s, p) for s, p, y in zip(test.scores, grouped_examples(data.test), test.labels) if s >= cut and not y]
    lines += ["", "## Wrong acceptances on test (judge fp32)", ""]
    lines += [f"- {s:.3f}: premise {p.premise!r} / claim {p.claim!r}" for s, p in wrong]
    lines += ["", f"Evaluation took {time.perf_counter() - started:.0f} s."]
    (folder / "evaluation.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    log("\n".join(lines))


def grouped_examples(pairs: Sequence[Pair]) -> list[Pair]:
    """The first pair of each group, in the order ``items`` builds them."""
    seen: dict[str, Pair] = {}
    for pair in pairs:
        seen.setdefault(pair.group, pair)
    return list(seen.values())
