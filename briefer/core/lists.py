"""Items of a list: sentences one article gives in one shape, each with other names.

A police release lists every suspect ("Ashley Marie Oxendine, 18, of Orrum, is charged with two counts felony setting
fire to grass, brush, woods, ...", then the next one); a report gives each agency's magnitude for one earthquake.
Each item is a fact, and copied by several outlets it looks like the most reported claim of the cluster, yet a brief
that leads with one or shows several reads as the list, not the news (Multi-News #153: the lede and five points were
suspects' charge lists, the arrests of ten firefighters the fifth point). Ranking never leads with an item when
anything else may lead, and shows at most one.

Two sentences of one article are siblings when most of the shorter one's lowercase content words (counting words
left out) are the other's and they open on different names ("Jordan Scott, 19, ...", "Kenny Caulder Jr., 19, ...";
one fact retold about "Robert Durst" and then "Durst" is no list); a sentence with two siblings that are siblings of
each other is an item, siblings standing at most ``LIST_SPAN`` sentences apart. On the development sets this marks 23
of 17,828 sentences, in three articles: #153's two lists of suspects and one report's three readings of a quake's
magnitude.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import groupby

from briefer.text.lexicon import CAPITALISED_RUN, LOWER_WORD, MATCH_STOPWORDS, NOT_SPEAKERS, NUMBER_VALUES
from briefer.types import Sentence

# Siblings share at least SIBLING_SHARE of the shorter sentence's lowercase words, and at least SIBLING_WORDS of them.
SIBLING_SHARE = 0.7
SIBLING_WORDS = 4
# A list's items stand near each other: siblings are at most this many sentences apart, which also keeps the work
# linear in a long article (all pairs of a 3,000-sentence article took 6 s).
LIST_SPAN = 12

def mark_items(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences, in order, with ``listed`` set on each item of a list its article gives."""
    items: set[int] = set()
    for _, group in groupby(range(len(sentences)), key=lambda k: sentences[k].article_id):
        items |= _items_of([*group], sentences)
    return [replace(s, listed=True) if k in items else s for k, s in enumerate(sentences)]


def is_list_item(sentences: Iterable[Sentence]) -> bool:
    """Whether any of a claim's (or a point's evidence) sentences is a list's item."""
    return any(s.listed for s in sentences)


def _items_of(indices: list[int], sentences: Sequence[Sentence]) -> set[int]:
    """The items among one article's sentences: those with two siblings that are siblings of each other (a
    dateline lede and two photo captions that retell it are no list of three)."""
    shapes = {k: _shape(sentences[k].text) for k in indices}
    wordy = [k for k in indices if len(shapes[k][0]) >= SIBLING_WORDS]
    siblings: dict[int, set[int]] = {k: set() for k in wordy}
    for n, first in enumerate(wordy):
        for second in wordy[n + 1:]:
            if sentences[second].index - sentences[first].index > LIST_SPAN:
                break
            if _siblings(shapes[first], shapes[second]):
                siblings[first].add(second)
                siblings[second].add(first)
    return {k for k, mine in siblings.items() if any(mine & siblings[other] for other in mine)}


def _siblings(first: tuple[frozenset[str], str], second: tuple[frozenset[str], str]) -> bool:
    (words, name), (other_words, other_name) = first, second
    shared = len(words & other_words)
    return (bool(name and other_name) and name not in other_name and other_name not in name
            and shared >= SIBLING_WORDS and shared >= SIBLING_SHARE * min(len(words), len(other_words)))


def _shape(text: str) -> tuple[frozenset[str], str]:
    """A sentence's lowercase content words (not counting words), and the name it opens on ("" for none)."""
    words = frozenset(w for w in LOWER_WORD.findall(text) if w not in NUMBER_VALUES and w not in MATCH_STOPWORDS)
    opening = CAPITALISED_RUN.match(text)
    name = opening.group().split() if opening else []
    while name and name[0] in NOT_SPEAKERS:
        name.pop(0)
    return words, " ".join(name)
