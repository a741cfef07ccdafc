"""Labelled (premise, claim) pairs for the support judge: public sets, the project's news pairs split by event,
and pairs derived from development clusters by editing one sentence.

Label 1 means "the premise states the claim"; 0 means it does not (contradicts it, says something else, or
states only part of it). Every reader is deterministic given its seed, so a rebuild gives the same pairs.
See docs/judge_data.md for sources, licences and counts.
"""

from __future__ import annotations

import csv
import json
import random
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLAIM_PAIRS = REPO / "tests" / "data" / "claim_pairs.jsonl"
MATCH_PAIRS = REPO / "tests" / "data" / "match_pairs.jsonl"
CITATION_PAIRS = REPO / "tests" / "data" / "citation_pairs.jsonl"
SAMPLE = REPO / "briefer" / "data" / "sample"
EVAL = REPO.parent / "shared" / "eval"
MULTILING = EVAL / "multiling2011-en.jsonl"
MULTINEWS = EVAL / "multinews-dev.jsonl"


@dataclass(frozen=True)
class Pair:
    premise: str
    claim: str
    label: int  # 1: the premise states the claim
    source: str  # which set (and rule) it came from
    event: str = ""  # the news event, for the project's own pairs
    group: str = ""  # pairs scored together (one labelled claim pair judged in both directions)


# ---- public sets ------------------------------------------------------------------------------------------------

def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def rte(raw: Path) -> list[Pair]:
    """GLUE RTE train+dev: entailment -> 1, not_entailment -> 0."""
    rows = _tsv(raw / "glue" / "RTE" / "train.tsv") + _tsv(raw / "glue" / "RTE" / "dev.tsv")
    return [Pair(r["sentence1"], r["sentence2"], int(r["label"] == "entailment"), "rte") for r in rows]


def _detokenise(text: str) -> str:
    """MRPC's text is tokenised ("he said , `` yes '' ."): join punctuation back as news prints it."""
    text = re.sub(r" ([,.;:!?%)]|'s|n't|'re|'ve|'ll|'d)", r"\1", text)
    return re.sub(r"([($]) ", r"\1", text).replace("`` ", '"').replace(" ''", '"')


def mrpc(raw: Path) -> list[Pair]:
    """GLUE MRPC train+dev: a paraphrase is 1 in both directions; a non-paraphrase is 0 in its given direction only
    (one side of a non-paraphrase may still state all of the other)."""
    rows = _tsv(raw / "glue" / "MRPC" / "train.tsv") + _tsv(raw / "glue" / "MRPC" / "dev.tsv")
    pairs = []
    for r in rows:
        a, b = _detokenise(r["#1 String"]), _detokenise(r["#2 String"])
        if r["Quality"] == "1":
            pairs += [Pair(a, b, 1, "mrpc"), Pair(b, a, 1, "mrpc")]
        else:
            pairs.append(Pair(a, b, 0, "mrpc"))
    return pairs


STS_SAME, STS_DIFFERENT = 4.2, 3.2


def sts_b(raw: Path) -> list[Pair]:
    """GLUE STS-B train+dev: score >= 4.2 (of 5) -> 1 both directions; score <= 3.2 -> 0 both directions; between
    is left out (important details differ or not: too ambiguous for a citation)."""
    rows = _tsv(raw / "glue" / "STS-B" / "train.tsv") + _tsv(raw / "glue" / "STS-B" / "dev.tsv")
    pairs = []
    for r in rows:
        score, a, b = float(r["score"]), r["sentence1"], r["sentence2"]
        if score >= STS_SAME or score <= STS_DIFFERENT:
            label = int(score >= STS_SAME)
            pairs += [Pair(a, b, label, "sts-b"), Pair(b, a, label, "sts-b")]
    return pairs


def wice(raw: Path, rng: random.Random) -> list[Pair]:
    """WiCE claim-level dev+test: each annotated set of supporting sentences, joined, is the premise. Supported
    claim -> 1; partially supported -> 0 (the premise states only part); not supported -> 0. Plus, per claim, one
    evidence sentence outside every supporting set -> 0 (same page, same topic, does not state it)."""
    pairs = []
    for name in ("claim_dev.jsonl", "claim_test.jsonl"):
        for line in (raw / "wice" / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            evidence, claim, label = row["evidence"], row["claim"], row["label"]
            used = {k for group in row["supporting_sentences"] for k in group}
            for group in row["supporting_sentences"]:
                if group and len(group) <= 3:
                    premise = " ".join(evidence[k] for k in sorted(group))
                    pairs.append(Pair(premise, claim, int(label == "supported"), f"wice:{label}"))
            others = [k for k in range(len(evidence)) if k not in used and len(evidence[k].split()) >= 6]
            if others:
                pairs.append(Pair(evidence[rng.choice(others)], claim, 0, "wice:other-sentence"))
    return pairs


def summedits(raw: Path) -> list[Pair]:
    """SummEdits (all domains in the snapshot): the seed summary is the premise, an edited summary the claim;
    an edit judged consistent with the document -> 1, inconsistent -> 0. Minimal edits: swapped entities,
    numbers, negations, antonyms. Unedited copies (``_og``) are left out."""
    pairs = []
    for path in sorted((raw / "summedits").glob("summedits_*.json")):
        for row in json.loads(path.read_text(encoding="utf-8")):
            if row["id"].endswith("_og") or row["summary"] == row["original_summary"]:
                continue
            pairs.append(Pair(row["original_summary"], row["summary"], int(str(row["label"]) == "1"),
                              f"summedits:{path.stem.removeprefix('summedits_')}"))
    return pairs


# ---- the project's news pairs, by event ------------------------------------------------------------------------

def _norm(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def cluster_texts() -> dict[str, str]:
    """Every development cluster's text (sample, MultiLing, Multi-News dev), keyed by the event names the labelled
    pairs use."""
    texts = {"sample": " ".join(p.read_text(encoding="utf-8", errors="ignore") for p in sorted(SAMPLE.iterdir())
                                if p.is_file())}
    for path, prefix in ((MULTILING, "multiling2011:"), (MULTINEWS, "multinews-dev:")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            texts[prefix + record["id"]] = "\n".join(a["text"] or "" for a in record["articles"])
    return texts


def claim_pairs() -> list[Pair]:
    """tests/data/claim_pairs.jsonl: two sentences of one event; same claim -> 1 in both directions, else 0 both.
    Both directions of one labelled pair share a group: the evaluation scores the pair by their mean."""
    pairs = []
    for k, line in enumerate(CLAIM_PAIRS.read_text(encoding="utf-8").splitlines()):
        row = json.loads(line)
        label, event, group = int(row["same_claim"]), row["cluster"], f"claim:{k}"
        pairs += [Pair(row["b"], row["a"], label, "news:claim_pairs", event, group),
                  Pair(row["a"], row["b"], label, "news:claim_pairs", event, group)]
    return pairs


def match_pairs(texts: dict[str, str]) -> list[Pair]:
    """tests/data/match_pairs.jsonl: a brief's sentence (premise) against a reference note (claim); covered -> 1.
    The file has no event field: each pair's event is the one development cluster whose text contains the sentence."""
    normalised = {event: _norm(text) for event, text in texts.items()}
    pairs = []
    for k, line in enumerate(MATCH_PAIRS.read_text(encoding="utf-8").splitlines()):
        row = json.loads(line)
        key = _norm(row["text"])[:80]
        events = [event for event, text in normalised.items() if key in text]
        if len(events) != 1:
            raise ValueError(f"match pair {k}: sentence found in {len(events)} clusters, expected 1")
        pairs.append(Pair(row["text"], row["note"], int(row["covered"]), "news:match_pairs", events[0], f"match:{k}"))
    return pairs


def citation_pairs() -> list[Pair]:
    """tests/data/citation_pairs.jsonl (docs/citation_labels.md): a shown point (claim) against another article's
    sentence (premise); states -> 1. Pairs the labeller could not tell are left out."""
    pairs = []
    for k, line in enumerate(CITATION_PAIRS.read_text(encoding="utf-8").splitlines()):
        row = json.loads(line)
        if row["states"] is not None:
            pairs.append(Pair(row["premise"], row["claim"], int(row["states"]), "news:citation_pairs", row["event"],
                              f"citation:{k}"))
    return pairs


def development_halves() -> dict[str, str]:
    """Each development cluster's half by its position in its file, as bench/quality.py splits them ("tune" even,
    "held-out" odd); the sample is held out."""
    half = {"sample": "held-out"}
    for path, prefix in ((MULTILING, "multiling2011:"), (MULTINEWS, "multinews-dev:")):
        for k, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            half[prefix + json.loads(line)["id"]] = "tune" if k % 2 == 0 else "held-out"
    return half


@dataclass(frozen=True)
class EventSplit:
    train: frozenset[str]
    dev: frozenset[str]
    test: frozenset[str]


def split_events(events: set[str], seed: int, test_share: float = 0.4, dev_share: float = 0.4) -> EventSplit:
    """The bundled sample is always a test event (the brief the product shows); the other labelled events are
    shuffled with the seed and cut into test, dev (threshold choice) and train."""
    others = sorted(events - {"sample"})
    random.Random(seed).shuffle(others)
    n_test, n_dev = round(test_share * len(others)), round(dev_share * len(others))
    return EventSplit(frozenset(others[n_test + n_dev:]), frozenset(others[n_test:n_test + n_dev]),
                      frozenset({"sample", *others[:n_test]}))


# ---- pairs derived from development clusters ---------------------------------------------------------------------

SENTENCE_END = re.compile(r"(?<=[.!?])[\"']?\s+(?=[\"']?[A-Z])")
AUXILIARIES = re.compile(r"\b(is|are|was|were|has|have|had|will|would|can|could|should|did|does|do)\b")
NEGATED = re.compile(r"\b(is|are|was|were|has|have|had|will|would|can|could|should|did|does|do) not\b|n't\b")
NUMBER = re.compile(r"\b\d[\d,]*(\.\d+)?\b")
NAME = re.compile(r"(?<=\s)([A-Z][a-z]+)\b")


def sentences(text: str) -> list[str]:
    """Plain sentences of 8 to 40 words, one line of an article at a time (good enough for deriving pairs)."""
    found = []
    for paragraph in text.splitlines():
        for sentence in SENTENCE_END.split(paragraph.strip()):
            words = sentence.split()
            if 8 <= len(words) <= 40 and sentence[-1:] in ".\"'" and "http" not in sentence:
                found.append(sentence.strip())
    return found


def change_number(sentence: str, rng: random.Random) -> str | None:
    match = next(iter(rng.sample(list(NUMBER.finditer(sentence)), 1)), None) if NUMBER.search(sentence) else None
    if match is None:
        return None
    value = match.group(0).replace(",", "")
    number = float(value)
    changed = rng.choice([number + rng.randint(1, 9), number * rng.choice([2, 3, 10]), max(number - rng.randint(1, 9), 0)])
    text = f"{changed:,.{len(value.split('.')[1]) if '.' in value else 0}f}" if "," in match.group(0) else \
        (f"{changed:.{len(value.split('.')[1])}f}" if "." in value else str(int(changed)))
    return None if text == match.group(0) else sentence[:match.start()] + text + sentence[match.end():]


def change_name(sentence: str, names: list[str], rng: random.Random) -> str | None:
    found = [m for m in NAME.finditer(sentence)]
    candidates = [n for n in names if n not in sentence]
    if not found or not candidates:
        return None
    match = rng.choice(found)
    return sentence[:match.start()] + rng.choice(candidates) + sentence[match.end():]


def change_negation(sentence: str) -> str | None:
    if NEGATED.search(sentence):
        return NEGATED.sub(lambda m: m.group(1) if m.group(1) else "", sentence, count=1).replace("  ", " ")
    match = AUXILIARIES.search(sentence)
    return None if match is None else sentence[:match.end()] + " not" + sentence[match.end():]


def drop_last_clause(sentence: str) -> str | None:
    """The sentence without its last comma clause, when at least six words stay: it states less."""
    head, comma, _ = sentence.rstrip(".\"'").rpartition(", ")
    return head + "." if comma and len(head.split()) >= 6 else None


def derived(texts: dict[str, str], events: set[str], per_event: int, rng: random.Random) -> list[Pair]:
    """From each event's own sentences: a changed number, a swapped capitalised name (taken from the same event)
    or an added/removed negation makes a claim the original does not state -> 0; the sentence without its last
    clause is stated by the full one -> 1, while the full sentence is not stated by the shortened one -> 0; a
    sentence states itself -> 1 (a few, so the scale has an anchor)."""
    pairs = []
    for event in sorted(events):
        found = sentences(texts[event])
        rng.shuffle(found)
        names = sorted({m.group(1) for s in found for m in NAME.finditer(s)})
        for sentence in found[:per_event]:
            edits = [("number", change_number(sentence, rng)), ("name", change_name(sentence, names, rng)),
                     ("negation", change_negation(sentence))]
            possible = [e for e in edits if e[1]]
            # numbers are rarer than names and negations in sentences, and the veto the judge must learn most
            rule, edited = possible[0] if possible and possible[0][0] == "number" and rng.random() < 0.7 else \
                rng.choice(possible or [("none", None)])
            if edited and edited != sentence:
                pairs.append(Pair(sentence, edited, 0, f"derived:{rule}", event))
            shorter = drop_last_clause(sentence)
            if shorter:
                pairs += [Pair(sentence, shorter, 1, "derived:clause-dropped", event),
                          Pair(shorter, sentence, 0, "derived:clause-added", event)]
            elif rng.random() < 0.2:
                pairs.append(Pair(sentence, sentence, 1, "derived:identity", event))
    return pairs


# ---- everything --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Dataset:
    train: list[Pair]
    dev: list[Pair]  # held-out events: the threshold is chosen here
    test: list[Pair]  # held-out events: reported only
    split: EventSplit


def build(raw: Path, seed: int = 13, derived_per_event: int = 30, news_repeat: int = 3) -> Dataset:
    """All training pairs (public sets, derived pairs of train events, labelled news pairs of train events repeated
    ``news_repeat`` times) and the dev/test news pairs, split so that no event of dev or test lends a training pair."""
    rng = random.Random(seed)
    texts = cluster_texts()
    news = claim_pairs() + match_pairs(texts)
    split = split_events({p.event for p in news}, seed)
    held_out = split.dev | split.test
    derive_from = {e for e in texts if e not in held_out}
    public = rte(raw) + mrpc(raw) + sts_b(raw) + wice(raw, rng) + summedits(raw)
    train = public + derived(texts, derive_from, derived_per_event, rng)
    train += [p for p in news if p.event in split.train] * news_repeat
    rng.shuffle(train)
    leaked = {p.event for p in train if p.event} & held_out
    if leaked:
        raise AssertionError(f"held-out events in training: {sorted(leaked)}")
    return Dataset(train, [p for p in news if p.event in split.dev], [p for p in news if p.event in split.test], split)


def counts(pairs: list[Pair]) -> Iterator[tuple[str, int, int]]:
    """(source, pairs, positives) per source, for the data table."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for p in pairs:
        table[p.source][0] += 1
        table[p.source][1] += p.label
    for source in sorted(table):
        yield source, *table[source]
