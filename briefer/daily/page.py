"""The daily page as typed data, and the previous day's page read back to compare with.

``build_day`` and ``compose_page`` make a ``Page``; it becomes plain data (``Page.to_dict``) only to be written as
JSON or handed to the templates, through the same render path as a brief. The next day's run reads that JSON back
as a ``PreviousPage``: a file anything may have edited, so every value is checked as it is read.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from briefer.publish.render import brief_to_dict, safe_url
from briefer.text.lexicon import similarity_words
from briefer.types import Article, Brief
from briefer.version import GENERATOR, PAGE_SCHEMA_VERSION

Status = Literal["new", "update", "ongoing"]
# Today's story is the previous day's one at or above this word cosine (or when they share a link).
SAME_AS_BEFORE = 0.4


@dataclass(frozen=True)
class StoryFailure:
    """A story whose brief could not be made: a warning and an "also reported" line, never a lost page."""

    articles: tuple[Article, ...]
    reason: str


@dataclass(frozen=True)
class Link:
    """One article of a story as the page lists it."""

    outlet: str | None
    url: str | None
    title: str | None

    @classmethod
    def of(cls, article: Article, outlet: str | None) -> Link:
        return cls(outlet=outlet, url=safe_url(article.url), title=article.title)

    def to_dict(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "url": self.url, "title": self.title}


@dataclass(frozen=True)
class PageStory:
    """A story on the page: its brief, the points shown (indices into lede + points, in page order) and how it
    compares with the previous day."""

    rank: int
    brief: Brief
    status: Status
    changes: tuple[str, ...]
    outlets: tuple[str, ...]  # names, then "N other sources"
    articles: int  # in the story, briefed or not
    shown: tuple[int, ...]
    new_points: tuple[bool, ...]  # row for row with lede + points
    file: str

    @property
    def words(self) -> int:
        points = (self.brief.lede, *self.brief.points)
        return len(self.brief.headline.split()) + sum(len(points[k].text.split()) for k in self.shown)

    def to_dict(self) -> dict[str, Any]:
        data = brief_to_dict(self.brief)
        points = [data["lede_detail"], *data["points"]]
        update = self.status == "update"
        return {
            "rank": self.rank,
            "headline": self.brief.headline,
            "status": self.status,
            "changes": list(self.changes),
            "outlets": list(self.outlets),
            "articles": self.articles,
            "briefed_articles": len(self.brief.articles),
            "points": [{**points[k], "new": update and self.new_points[k]} for k in self.shown],
            "sources": [{key: a[key] for key in ("id", "label", "outlet", "url", "title")} for a in data["articles"]],
            "brief_points": [p["text"] for p in points],  # all of them: what the next day compares with
            "file": self.file,
        }


@dataclass(frozen=True)
class AlsoReported:
    """A story in one line below the page: its line, the link of the article the line comes from, who ran it."""

    headline: str
    url: str | None
    status: Status
    outlets: tuple[str, ...]
    articles: int
    sources: tuple[Link, ...]
    file: str | None = None  # its brief's file, when it was briefed
    brief_points: tuple[str, ...] | None = None  # when it was briefed: what the next day compares with

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "headline": self.headline,
            "url": self.url,
            "status": self.status,
            "outlets": list(self.outlets),
            "articles": self.articles,
            "sources": [s.to_dict() for s in self.sources],
            "file": self.file,
        }
        if self.brief_points is not None:
            data["brief_points"] = list(self.brief_points)
        return data


@dataclass(frozen=True)
class Page:
    """One day on one page."""

    date: str
    previous_date: str | None
    budget: int  # words of headlines and points the page may use
    articles: int  # read for the day
    story_count: int  # stories found, on the page or not
    outlets: int  # distinct known outlets
    stories: tuple[PageStory, ...]
    also_reported: tuple[AlsoReported, ...]
    warnings: tuple[str, ...]

    @property
    def words(self) -> int:
        return sum(story.words for story in self.stories)

    def to_dict(self) -> dict[str, Any]:
        """The page as plain data: the JSON file, and what the ``daily.<fmt>.j2`` templates get as ``page``."""
        return {
            "schema_version": PAGE_SCHEMA_VERSION,
            "generator": GENERATOR,
            "kind": "daily",
            "headline": "Daily brief",  # the page's title; with the date it is the email's subject
            "date": self.date,
            "previous_date": self.previous_date,
            "words": self.words,
            "budget": self.budget,
            "counts": {"articles": self.articles, "stories": self.story_count, "outlets": self.outlets},
            "stories": [story.to_dict() for story in self.stories],
            "also_reported": [line.to_dict() for line in self.also_reported],
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class PreviousStory:
    """A story as the previous page listed it (on the page or below it)."""

    headline: str
    urls: frozenset[str]
    titles: tuple[str, ...]
    points: tuple[str, ...]  # the points it showed
    brief_points: tuple[str, ...]  # all its brief's points, when the page kept them
    outlets: tuple[str, ...]
    file: str | None

    @property
    def known_points(self) -> tuple[str, ...]:
        return self.brief_points or self.points


@dataclass(frozen=True)
class PreviousPage:
    """The previous day's page, read back from its JSON."""

    date: str | None
    stories: tuple[PreviousStory, ...]

    @classmethod
    def from_json(cls, page: dict[str, Any]) -> PreviousPage:
        entries = [*_dicts(page.get("stories")), *_dicts(page.get("also_reported"))]
        date = page.get("date")
        return cls(date=date if isinstance(date, str) else None, stories=tuple(_previous_story(e) for e in entries))

    def seen(self, urls: Iterable[str]) -> bool:
        """Whether the previous page linked any of ``urls``."""
        return any(set(urls) & story.urls for story in self.stories)

    def same_story(self, brief: Brief) -> PreviousStory | None:
        """The previous page's entry for this story: one sharing a link, else the closest in words if close
        enough."""
        urls = {url for a in brief.articles if (url := safe_url(a.url))}  # as the page JSON stores them
        mine = _word_counts(brief.headline, [a.title for a in brief.articles],
                            [p.text for p in (brief.lede, *brief.points)])
        best, best_score = None, SAME_AS_BEFORE
        for story in self.stories:
            if urls & story.urls:
                return story
            score = _cosine(mine, _word_counts(story.headline, story.titles, story.points))
            if score >= best_score:
                best, best_score = story, score
        return best


def _previous_story(entry: dict[str, Any]) -> PreviousStory:
    sources = _dicts(entry.get("sources"))
    headline = entry.get("headline")
    file = entry.get("file")
    return PreviousStory(
        headline=headline if isinstance(headline, str) else "",
        urls=frozenset(_strings(s.get("url") for s in sources)),
        titles=tuple(_strings(s.get("title") for s in sources)),
        points=tuple(_strings(p.get("text") for p in _dicts(entry.get("points")))),
        brief_points=tuple(_strings(entry.get("brief_points"))),
        outlets=tuple(_strings(entry.get("outlets"))),
        file=file if isinstance(file, str) else None,
    )


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _strings(values: Any) -> list[str]:
    if isinstance(values, (str, dict)) or values is None:
        return []
    return [value for value in values if isinstance(value, str)]


def _word_counts(line: str, titles: Sequence[str | None], points: Sequence[str]) -> Counter[str]:
    return Counter(similarity_words(" ".join([line, *(t for t in titles if t), *points])))


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(count * b[word] for word, count in a.items())
    norm = math.sqrt(sum(c * c for c in a.values()) * sum(c * c for c in b.values()))
    return dot / norm if norm else 0.0
