"""The typed data passed between pipeline stages.

Every result points back at its source: a ``Sentence`` keeps its article id and character offsets into that
article's cleaned text, a ``Claim`` keeps every supporting sentence, and a ``Point`` keeps the exact sentence
from each article it cites. Citations are therefore derived from evidence, never typed in by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from briefer.text.printable import printable_line, printable_text

Origin = Literal["extracted", "generated"]


@dataclass(frozen=True)
class Article:
    """One article of a cluster, after loading (and, once cleaned, with ``text`` cleaned)."""

    id: str  # stable within a cluster: "a1", "a2", ... in input order
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) when known
    outlet: str | None = None  # readable outlet name; None until outlets.assign_outlets has run
    source: str | None = None  # where it was read from (file path, "file.jsonl:3")

    def __post_init__(self) -> None:
        """Articles are untrusted: control characters never get past here into a brief or onto the terminal."""
        object.__setattr__(self, "text", printable_text(self.text))
        for name in ("title", "url", "date", "outlet", "source"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, printable_line(value))


# An article's opening: its first sentences, where news states its core event.
OPENING_SENTENCES = 3


@dataclass(frozen=True)
class Sentence:
    """A sentence of one article; ``article.text[start:end] == text``."""

    article_id: str
    index: int  # position of the sentence in its article, 0-based
    text: str
    start: int
    end: int
    # Whether a reader may be shown it as a lede or point (``briefer.core.admission``); every sentence is evidence.
    admissible: bool = True
    # Whether it is one item of a list its article gives (``briefer.core.lists``): never a lede, shown at most once.
    listed: bool = False
    # Whether a reader may be shown it right after the sentence before it in its article, which it leans on ("She also
    # asked ...", "The pair ...", a quotation whose speaker that one names): ``briefer.core.admission``.
    follows_on: bool = False

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def in_opening(self) -> bool:
        """Whether it is among its article's first ``OPENING_SENTENCES``."""
        return self.index < OPENING_SENTENCES


@dataclass(frozen=True)
class Claim:
    """Sentences from one or more articles that state the same thing.

    ``representative`` is the sentence that will be shown when the claim is published extractively.
    """

    sentences: tuple[Sentence, ...]
    representative: Sentence
    score: float = 0.0
    # Every sentence grouped into the claim, cited or not: an outlet that led with the claim in words too far from
    # the representative's to cite still led with it.
    grouped: tuple[Sentence, ...] = ()

    @property
    def article_ids(self) -> tuple[str, ...]:
        """Supporting articles, in order of first appearance, each once."""
        return tuple(dict.fromkeys(s.article_id for s in self.sentences))

    def evidence(self) -> tuple[Sentence, ...]:
        """One sentence per supporting article: the representative for its own article, else the first."""
        chosen: dict[str, Sentence] = {self.representative.article_id: self.representative}
        for sentence in self.sentences:
            chosen.setdefault(sentence.article_id, sentence)
        return tuple(chosen[a] for a in self.article_ids)


@dataclass(frozen=True)
class Point:
    """One key point of a brief: what is shown, and what backs it."""

    text: str
    citations: tuple[str, ...]  # article ids, each of which contains a sentence in ``evidence``
    evidence: tuple[Sentence, ...]
    origin: Origin = "extracted"
    guard_note: str | None = None  # why a generated rewrite was rejected (or None)
    # The date of the article the text comes from, set when the cluster spans several days and the text says when
    # in words that need one ("on Saturday"): the page shows it, so the reader knows which Saturday.
    date: str | None = None
    # When the ranker chose it: 0 for the best claim (the lede), 1 for the next, ... A brief reads its points in the
    # order the story happened; a page with room for two of them shows the two chosen first.
    chosen: int = 0
    # The sentences shown after the point's own, which follow it in its article and lean on it
    # (``briefer.core.follow_on``); they end ``text`` and ``evidence``.
    following: tuple[Sentence, ...] = ()

    @classmethod
    def from_claim(cls, claim: Claim) -> Point:
        return cls(
            text=claim.representative.text,
            citations=claim.article_ids,
            evidence=claim.evidence(),
        )

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def own_text(self) -> str:
        """What the point shows of its own sentence: ``text`` without the sentences that follow it."""
        tail = " ".join(sentence.text for sentence in self.following)
        return self.text[:-len(tail) - 1] if tail and self.text.endswith(" " + tail) else self.text


@dataclass(frozen=True)
class Brief:
    """A finished brief, ready to render."""

    headline: str
    lede: Point
    points: tuple[Point, ...]
    articles: tuple[Article, ...]
    date: str | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def words(self) -> int:
        """Words in the lede and points: what the word budget (``BriefSettings.words``) counts."""
        return self.lede.words + sum(p.words for p in self.points)

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)


# How far a long job has come, for a progress bar: (done, total), and with the stage named for jobs of several.
Progress = Callable[[int, int], None]
StageProgress = Callable[[str, int, int], None]
