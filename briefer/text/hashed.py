"""The similarity words of many texts at once, hashed into columns: no Python loop over words.

``similarity_words`` builds a Python list of one text's words; a day of 100,000 articles has about 40 million.
Here each text is folded (``similarity_text``) and cut into the same words (``SIMILARITY_WORD``) by the regular
expression engine, and the words are hashed by CRC-32 through ``map``, both in C. CRC-32 is the same in every
process (unlike Python's ``hash``), so partitions of a day can be counted on different machines and their columns
agree. Stop words are dropped by their column.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from functools import cache
from itertools import chain

import numpy as np

from briefer.text.lexicon import FOLDED_STOPWORDS, SIMILARITY_WORD, similarity_text

_WORD = re.compile(SIMILARITY_WORD.pattern.encode("ascii"))
# Spreads CRC-32 values over the columns: the top bits of their product with this odd constant (Knuth's
# multiplicative hashing).
_MIX = np.uint64(0x9E3779B97F4A7C15)


def hashed_words(texts: Sequence[str], bits: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of every similarity word of ``texts``, stop words left out: row = the text's index, column =
    the word's hash in ``[0, 2**bits)``. A word twice in a text gives two entries."""
    words = [_WORD.findall(similarity_text(text).encode("ascii", "replace")) for text in texts]
    counts = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    columns = hashed_columns(list(chain.from_iterable(words)), bits)
    rows = np.repeat(np.arange(len(texts)), counts)
    keep = ~np.isin(columns, stop_columns(bits))
    return rows[keep], columns[keep]


@cache
def stop_columns(bits: int) -> np.ndarray:
    """The columns of the stop words (``FOLDED_STOPWORDS``)."""
    return np.unique(hashed_columns([word.encode("ascii") for word in FOLDED_STOPWORDS], bits))


def hashed_columns(words: list[bytes], bits: int) -> np.ndarray:
    """The column of each of ``words`` as given (no folding, no stop words), the same in every process."""
    crcs = np.fromiter(map(zlib.crc32, words), dtype=np.uint64, count=len(words))
    return ((crcs * _MIX) >> np.uint64(64 - bits)).astype(np.int64)
