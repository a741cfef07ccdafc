"""Opinion pieces: a column, an editorial or an op-ed states its writer's view as if it were fact.

"Slaughter is likely coming to Hong Kong." is a columnist's forecast; on a brief it reads as news. A page is an
opinion piece by where its site files it (its URL's path: ``/opinion/``, ``/commentisfree/``, ``/commentary/``,
``/columnists/``, ``/editorials/``, ``/op-ed/``) or by the forms papers give such titles ("Opinion | Is Football
Violence a Crime?", "The Guardian view on Hong Kong: a city on the brink", "Column: ...", "Letters: ..."). On the
181 saved pages of docs/daily_pages.md it finds 7 (New York Times, Wall Street Journal, Guardian, Los Angeles Times,
Sputnik, Washington Examiner twice), and ESPN's /commentary/ among goose3's test pages; "/blogs/" is not a sign (The
Hill files news there).

A review is its critic's verdict ("The Xbox One X is the ultimate video game system."): it is an opinion piece whose
label says "(review)". It is told by a title that names itself one ("16-inch MacBook Pro review: ...", "Star Wars
Jedi: Fallen Order review - ...") or a URL filed under reviews ("/reviews/albums/...", ".../xbox-one-x-review/"). On
the 616 saved pages of docs/daily_pages.md it finds four on the real day (AppleInsider's, VG247's, two of
MoreBikes'), Engadget's and Pitchfork's; not "The Early Reviews For Google's Stadia ... Are Here" (news about reviews),
nor National Review's news, nor a theatre's page of visitors' reviews.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from briefer.types import Article

_PATH = re.compile(r"/(?:opinions?|commentisfree|commentary|columnists?|editorials?|op-?eds?)/", re.IGNORECASE)
_TITLE = re.compile(r"^\s*(?:opinion|op-?ed|editorial|column|letters)\s*[|:\u2013\u2014]"
                    r"|^\s*the\s+[\w' ]{1,40}\s+view\s+on\b", re.IGNORECASE)


_REVIEW_TITLE = re.compile(r"\breview\s*(?:[:|\u2013\u2014-]|$)", re.IGNORECASE)
_REVIEW_PATH = re.compile(r"/reviews?/|-review(?:/|\.\w+)?$", re.IGNORECASE)


def is_opinion(article: Article) -> bool:
    """Whether a page is an opinion piece, by its URL's path or its title; a review is one."""
    return bool(article.url and _PATH.search(article.url) or article.title and _TITLE.search(article.title)) \
        or is_review(article)


def is_review(article: Article) -> bool:
    """Whether a page is a review, by its title or its URL's path (not its site's name: National Review)."""
    path = urlsplit(article.url).path if article.url else ""
    return bool(article.title and _REVIEW_TITLE.search(article.title) or _REVIEW_PATH.search(path))


def opinion_pieces(articles: Sequence[Article]) -> frozenset[str]:
    """The ids of a cluster's opinion pieces when it also has news: their own statements are never shown, only what
    they attribute to someone named. A cluster of opinion pieces alone (a column briefed on its own) is what the
    user asked for, and none is set apart."""
    found = frozenset(a.id for a in articles if is_opinion(a))
    return found if len(found) < len(articles) else frozenset()
