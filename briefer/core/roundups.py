"""Round-ups, deal pages, listicles and front pages: pages that list many things rather than report one event.

Several outlets run a "Black Friday deals" page or a "10 things you need to know" list on the same day, so they
cluster into a story that looks widely covered; a reader wants the day's events first. A page is a round-up by
the forms news sites give such pages' titles ("The Latest:" and live pages follow one event, so they are news).
Prices in the text were tried and do not tell a deals page from a
business story (2.3 prices per 100 words on a deals page, 2.5 on "Home Depot sales miss"). Measured on the titles of
the 181 real saved pages of docs/daily_pages.md, labelled by hand in tests/data/roundup_labels.jsonl.

A site's front page or section front ("Yahoo News - Latest News & Headlines" at us.yahoo.com/news/) carries the
openings of a dozen unrelated stories; briefed, it mixes them. It is told by its URL: the site's root, or one or two
section names with no story in them ("/news/", "/sport/football/"), where a story's URL has its slug, date or id
("/news/world-us-canada-33646542", "/2019/11/19/...", "?id=..."). Titles were tried too: "BREAKING NEWS:" opens
articles' titles as well. Of 616 saved pages (``bench/front_pages.py``: the real day's 181 and readability's 25 news
pages, 410 of postlight's, goose3's and trafilatura's test pages) the URL finds the one front page; of the 8 others
it finds, 6 are no news (a GitHub repository, "About" and company pages) and 2 are articles whose URL looks like a
section (a German fashion blog's "/twoforfashion/strohtasche/", a canonical URL that is its site's root).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from briefer.types import Article

_TITLE = re.compile(
    r"\b(?:deals|on sale|sale at|gift guide|round-?up|opening bell|need to know|morning briefing|evening briefing|"
    r"newsletter)\b"
    r"|^\s*(?:the\s+)?best\b"
    r"|^\s*(?:the\s+)?\d{1,2}\s+(?:best|things|ways|tips|key|questions|reasons|takeaways|photos)\b"
    r"|^[^:]{0,40}\b(?:college football|high school)\b[^:]{0,20}:",
    re.IGNORECASE,
)


_SECTION = re.compile(r"[A-Za-z]+")  # a path segment that names a section, not a story: no digit, hyphen or dot
_INDEX = re.compile(r"(?:index|default|home)\.\w+", re.IGNORECASE)
SECTION_DEPTH = 2  # "/sport/football/" is a section front; "/news/world/africa/" is too deep to be sure


def is_roundup(article: Article) -> bool:
    """Whether a page lists many things: deals, a briefing, a listicle or a scores round-up by its title, or a front
    page by its URL (``is_front_page``)."""
    return bool(article.title and _TITLE.search(article.title)) or is_front_page(article)


def is_front_page(article: Article) -> bool:
    """Whether a page is a site's front page or a section front, by its URL (none: not known to be one)."""
    if not article.url:
        return False
    parts = urlsplit(article.url)
    path = [part for part in parts.path.split("/") if part and not _INDEX.fullmatch(part)]
    return not parts.query and len(path) <= SECTION_DEPTH and all(_SECTION.fullmatch(part) for part in path)
