"""Opinion pieces: a column, an editorial or an op-ed states its writer's view as if it were fact.

"Slaughter is likely coming to Hong Kong." is a columnist's forecast; on a brief it reads as news. A page is an
opinion piece by where its site files it (its URL's path: ``/opinion/``, ``/commentisfree/``, ``/commentary/``,
``/columnists/``, ``/editorials/``, ``/op-ed/``) or by the forms papers give such titles ("Opinion | Is Football
Violence a Crime?", "The Guardian view on Hong Kong: a city on the brink", "Column: ...", "Letters: ..."). On the
181 saved pages of docs/daily_pages.md it finds 7 (New York Times, Wall Street Journal, Guardian, Los Angeles Times,
Sputnik, Washington Examiner twice), and ESPN's /commentary/ among goose3's test pages; "/blogs/" is not a sign (The
Hill files news there).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefer.types import Article

_PATH = re.compile(r"/(?:opinions?|commentisfree|commentary|columnists?|editorials?|op-?eds?)/", re.IGNORECASE)
_TITLE = re.compile(r"^\s*(?:opinion|op-?ed|editorial|column|letters)\s*[|:\u2013\u2014]"
                    r"|^\s*the\s+[\w' ]{1,40}\s+view\s+on\b", re.IGNORECASE)


def is_opinion(article: Article) -> bool:
    """Whether a page is an opinion piece, by its URL's path or its title."""
    return bool(article.url and _PATH.search(article.url) or article.title and _TITLE.search(article.title))


def opinion_pieces(articles: Sequence[Article]) -> frozenset[str]:
    """The ids of a cluster's opinion pieces when it also has news: their own statements are never shown, only what
    they attribute to someone named. A cluster of opinion pieces alone (a column briefed on its own) is what the
    user asked for, and none is set apart."""
    found = frozenset(a.id for a in articles if is_opinion(a))
    return found if len(found) < len(articles) else frozenset()
