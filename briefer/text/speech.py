"""Verbs of saying: the one list by which every stage reads who said what.

Grouping and citing (``briefer.core.support``: two sentences naming different speakers are different claims), ranking
(``briefer.core.claims.reported_content`` and ``briefer.core.rank``: what a sentence reports once "Lavrov said" is set
aside, and whether a quotation says who speaks) and the guard of generated text (``briefer.rewrite.guard``) must agree on them.
"""

from __future__ import annotations

from collections.abc import Iterable

# The finite forms that report speech ("Lavrov said", "Blinken tells"). Left out: bare forms ("declined to say",
# "to add to"), "asked" ("When asked about a summit, ..."), and forms that are more often nouns or other verbs
# ("the United States", "notes", "claims", "recalls", "posted a loss").
REPORTING_VERBS = frozenset(
    """said says told tells added adds warned warns stated noted reiterated reiterates repeated announced announces
    insisted insists explained explains argued argues claimed declared declares denied denies wrote writes recalled
    admitted admits tweeted confirmed confirms stressed acknowledged acknowledges replied""".split()
)


def alternation(words: Iterable[str]) -> str:
    """A regular-expression group matching any of ``words`` (longest first, so "said" is not read as "sa...")."""
    return "(?:" + "|".join(sorted(words, key=lambda w: (-len(w), w))) + ")"
