"""The brief's headline and date, taken from the cluster's own titles and dates (never invented)."""

from __future__ import annotations

import re
from collections import Counter

from briefer.embed import tokens
from briefer.types import Article, Point

MAX_HEADLINE_WORDS = 16
_SITE_SUFFIX = re.compile(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014-]{2,40}$")


def clean_title(title: str) -> str:
    """A title without a trailing " | Site Name" and without a final full stop."""
    title = " ".join(title.split())
    title = _SITE_SUFFIX.sub("", title)
    return title.rstrip(".").strip()


def headline_candidates(articles: list[Article]) -> list[str]:
    titles = (clean_title(a.title) for a in articles if a.title)
    return list(dict.fromkeys(t for t in titles if 3 <= len(t.split()) <= MAX_HEADLINE_WORDS))


def headline_words(articles: list[Article]) -> int:
    """Words to keep free for the headline when filling the page budget."""
    return max((len(t.split()) for t in headline_candidates(articles)), default=MAX_HEADLINE_WORDS)


def choose_headline(articles: list[Article], lede: Point, points: list[Point]) -> str:
    """The title that best matches what the brief says; with no usable title, the lede itself, shortened.

    A title's words must also be words of the articles' bodies: that prefers "Biden-Putin summit" over a
    scraper's "BidenPutin summit".
    """
    candidates = headline_candidates(articles)
    if candidates:
        brief_words = Counter(w for p in [lede, *points] for w in set(tokens(p.text)))
        body_words = {w for a in articles for w in tokens(a.text)}

        def fit(title: str) -> float:
            words = set(tokens(title)) or {""}
            support = len(words & body_words) / len(words)
            return support * sum(brief_words[w] for w in words) / len(words) ** 0.5

        return max(candidates, key=fit)
    words = lede.text.rstrip(".").split()
    if len(words) <= MAX_HEADLINE_WORDS:
        return " ".join(words)
    return " ".join(words[: MAX_HEADLINE_WORDS - 1]).rstrip(",;:") + "\u2026"


def cluster_date(articles: list[Article]) -> str | None:
    """The date most articles carry (ISO), or None when none has one."""
    dates = Counter(a.date for a in articles if a.date)
    return dates.most_common(1)[0][0] if dates else None
