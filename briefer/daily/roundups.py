"""Round-ups, deal pages and listicles: pages that list many things rather than report one event.

Several outlets run a "Black Friday deals" page or a "10 things you need to know" list on the same day, so they
cluster into a story that looks widely covered; a reader wants the day's events first. A page is a round-up by
the forms news sites give such pages' titles ("The Latest:" and live pages follow one event, so they are news).
Prices in the text were tried and do not tell a deals page from a
business story (2.3 prices per 100 words on a deals page, 2.5 on "Home Depot sales miss"). Measured on the titles of
the 181 real saved pages of docs/daily_pages.md, labelled by hand in tests/data/roundup_labels.jsonl.
"""

from __future__ import annotations

import re

from briefer.types import Article

_TITLE = re.compile(
    r"\b(?:deals|on sale|sale at|gift guide|round-?up|opening bell|need to know|morning briefing|evening briefing|"
    r"newsletter)\b"
    r"|^\s*(?:the\s+)?best\b"
    r"|^\s*(?:the\s+)?\d{1,2}\s+(?:best|things|ways|tips|key|questions|reasons|takeaways|photos)\b"
    r"|^[^:]{0,40}\b(?:college football|high school)\b[^:]{0,20}:",
    re.IGNORECASE,
)


def is_roundup(article: Article) -> bool:
    """Whether a page lists many things (deals, a briefing, a listicle, a scores round-up) by its title."""
    return bool(article.title and _TITLE.search(article.title))
