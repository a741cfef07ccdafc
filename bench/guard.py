"""Precision and recall of the guard on the labelled rewrites in tests/data/guard_cases.jsonl.

A "positive" is a rejection: recall is the share of bad rewrites rejected, precision the share of rejections
that hit a bad rewrite. Also the acceptance of good rewrites, all of it per origin (written by hand, or real
SmolLM2 output labelled by hand) and per kind, and with --misses every wrongly judged case.

    .venv/bin/python bench/guard.py [--misses]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from briefer.rewrite.guard import check

CASES = Path(__file__).resolve().parents[1] / "tests" / "data" / "guard_cases.jsonl"


def rates(judged: list[tuple[dict, bool]]) -> str:
    """Recall, acceptance of good, and precision of a rejection for (case, accepted) pairs."""
    bad = [accepted for case, accepted in judged if case["label"] == "bad"]
    good = [accepted for case, accepted in judged if case["label"] == "good"]
    caught, refused = bad.count(False), good.count(False)
    precision = caught / (caught + refused) if caught + refused else float("nan")
    return (f"bad rejected {caught}/{len(bad)} = {caught / len(bad):.1%} | good accepted {good.count(True)}/"
            f"{len(good)} = {good.count(True) / len(good):.1%} | precision {precision:.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print every wrongly judged case")
    args = parser.parse_args()

    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    judged = []
    for case in cases:
        verdict = check(case["candidate"], case["sources"])
        judged.append((case, verdict.accepted, verdict.note))

    pairs = [(case, accepted) for case, accepted, _ in judged]
    print(f"{len(cases)} cases from {CASES.name}; targets: bad rejected >= 95%, good accepted >= 70%")
    print(f"all:     {rates(pairs)}")
    for origin in sorted({case["origin"] for case in cases}):
        print(f"{origin}: {rates([(c, a) for c, a in pairs if c['origin'] == origin])}")
    print()
    print("| label | kind | cases | judged right |")
    print("|---|---|---:|---:|")
    by_kind: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for case, accepted in pairs:
        by_kind[(case["label"], case["kind"])].append(accepted == (case["label"] == "good"))
    for (label, kind), right in sorted(by_kind.items()):
        print(f"| {label} | {kind} | {len(right)} | {sum(right)} |")
    if args.misses:
        print()
        for case, accepted, note in judged:
            if accepted != (case["label"] == "good"):
                print(f"{case['id']}: {'accepted' if accepted else 'rejected: ' + note}\n    {case['candidate']}")


if __name__ == "__main__":
    main()
