"""Scoring one brief against reference notes: ROUGE, fact coverage, and the precision of its citations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from briefer.errors import InputError
from briefer.evaluate.content import BriefContent, BriefItem, resolve_sources
from briefer.evaluate.matchers import Matcher, SpanMatcher, get_matcher
from briefer.evaluate.notes import Note
from briefer.evaluate.rouge import RougeScores, rouge
from briefer.types import Brief


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
