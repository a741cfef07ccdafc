"""Clustering a day's articles into stories: one story per event, however many outlets ran it.

Each article is a TF-IDF vector of its title and first words (hashed word counts, ``briefer.text.hashed``), weighted
by the day's own idf (what is rare today tells stories apart); a title several pages carry over different stories is
a site's name and is not read. On the shuffled Multi-News dev set this beats MiniLM
embeddings of title and lead (adjusted Rand 0.65 against 0.52 held out) and costs about a second instead of a minute
of model time: see ``bench/stories.py``.

Nothing compares all pairs. Candidate pairs come from blocking: each article is filed under its ``block_terms``
most distinctive terms; a block of up to ``max_block`` articles is compared all against all, a bigger one only
against its ``hubs`` most central members, so there are at most n * block_terms * (max_block / 2 + hubs)
candidate pairs: linear in n. Exact cosines are computed for candidates only; a pair of articles that each name
people or places and share none of them, or that each give a game's score and share none, is two events of one
kind, never a close pair. Stories are then grown by
average-linkage agglomeration over those edges, closest first; each group keeps the sum of its vectors, so the
average cosine of two groups is one sparse dot product, (sum_a . sum_b) / (|a| |b|). Average (not single)
linkage matters: a chain of pairwise-similar articles must not glue two events into one story.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import numpy as np

from briefer.core import headline
from briefer.core.admission import shown_start
from briefer.text.clean import news_line
from briefer.text.hashed import hashed_columns, hashed_words
from briefer.text.lexicon import NAME_INSIDE_A_SENTENCE, scorelines_in
from briefer.text.sentences import is_statement
from briefer.errors import ConfigError, missing_dependency
from briefer.fitted import StoryParams
from briefer.types import Article

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

# Exact cosines for this many candidate pairs at a time: bounds the memory of the sparse row products.
_PAIR_CHUNK = 20_000
# Articles whose blocking terms are picked in one dense block: bounds its memory (rows x longest row x 12 bytes).
_ROWS_AT_ONCE = 5_000
# Hub pairs of big blocks gathered before they are folded into the set of candidate pairs: bounds their memory.
_PAIRS_AT_ONCE = 5_000_000
# Candidate pairs scored in one task (here, or on a Dask worker).
PAIRS_PER_PART = 500_000
# Close pairs linked in one task (whole connected sets of articles, so a part may hold more).
EDGES_PER_PART = 500_000
# Articles counted in one task.
PARTITION = 2_000
# Words are hashed into 2**HASH_BITS columns. With 22 bits, about 1,200 of the 5 billion pairs of a day's 100,000
# distinct words share a column (5e9 / 2**22), and a collision only adds a little similarity between articles
# using the two words.
HASH_BITS = 22

R = TypeVar("R")


class PartMapper(Protocol):
    """Runs ``function(part, **shared)`` for each part and returns the results in order: in this process
    (``in_process``), or on a Dask cluster (``briefer.daily.scale.DaskRunner.map``), where ``shared`` travels to
    each worker once."""

    def __call__(self, function: Callable[..., R], parts: Iterable[Any], **shared: Any) -> list[R]: ...


DEFAULT_PARAMS = StoryParams()


@dataclass(frozen=True)
class Stories:
    """Article indices grouped into stories, and the article vectors they were grouped by."""

    groups: tuple[tuple[int, ...], ...]
    vectors: csr_matrix
    candidate_pairs: int
    # Titles several articles carry over different stories (``briefer.core.headline.site_titles``): not read.
    site_titles: frozenset[str] = frozenset()

    def centroid(self, members: Sequence[int]) -> SparseRow:
        """The unit-length mean of some articles' vectors: what a story is about."""
        summed = SparseRow.of_rows(self.vectors, members)
        return SparseRow(summed.terms, summed.weights / (np.sqrt(summed.dot(summed)) or 1.0))

    def similarity(self, first: Sequence[int], second: Sequence[int]) -> float:
        """Cosine between the centroids of two groups of articles: how alike two stories are."""
        return self.centroid(first).dot(self.centroid(second))

    def closeness(self, members: Sequence[int]) -> np.ndarray:
        """How close each of ``members`` is to their centre (a dot product with their summed vector)."""
        return _closeness(self.vectors, members)


# Words of an article's opening that are read through the brief's cleaning before the rest is taken as it is.
CHECKED_WORDS = 100
# A line of the opening shorter than this that is no sentence (``is_statement``: under four words, or no closing
# punctuation) is a heading or the page's furniture: "Posted :", "Category :", "News Alerts", "Create your own RSS",
# "US World News". A hard-wrapped line of prose is longer, so it is never taken for one.
SHORT_LINE_WORDS = 8


def story_text(article: Article, lead_words: int = DEFAULT_PARAMS.lead_words, site_titles: Collection[str] = ()
               ) -> str:
    """The text an article is clustered by: its title, then its first ``lead_words`` words. A title in
    ``site_titles`` is left out: a site's name over each of its pages would make them one story.

    Its opening lines go through the brief's cleaning (``briefer.text.clean.news_line``) until ``CHECKED_WORDS``
    words of news are found: pages a scraper saved with a web-archive or tweet-location notice in place of the
    article would otherwise be one "story" by their shared notice. Short lines that are no sentence go too, when
    the text has others (``SHORT_LINE_WORDS``): three wire reports of one site, on a basketball game, a football
    coach and Marines for Afghanistan, were one story by the "Posted : ... Author : ... Category : ... News Alerts
    by Email click here Create your own RSS" every page of the site opens with. The rest is read as it is (cleaning
    every line of a day's articles would cost more than counting their words).
    """
    text = article.text
    words: list[str] = []
    short: list[str] = []  # of the short lines that are no sentence: read only when the text has nothing else
    start = 0
    while start < len(text) and len(words) < CHECKED_WORDS:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = news_line(text[start:end])
        start = end + 1
        furniture = len(line.split()) < SHORT_LINE_WORDS and not is_statement(line, whole_line=True)
        (short if furniture else words).extend(line[shown_start(line):].split())
    words = words or short
    left = max(lead_words - len(words), 0)
    rest = text[start:].split(maxsplit=left)[:left] if left else []
    title = article.title if article.title not in site_titles else None
    return f"{title or ''}\n{' '.join(words[:lead_words] + rest)}"


def in_process(function: Callable[..., R], parts: Iterable[Any], **shared: Any) -> list[R]:
    """``function(part, **shared)`` for each part, one after another, here: the serial ``PartMapper``."""
    return [function(part, **shared) for part in parts]


def term_counts(texts: Sequence[str]) -> csr_matrix:
    """Counts of the hashed similarity words of some texts, a row each (``briefer.text.hashed``).

    Stateless, unlike a vocabulary: any partition of a day is counted anywhere (here, or on a Dask worker) and gives
    the same columns.
    """
    from scipy.sparse import csr_matrix

    rows, columns = hashed_words(texts, HASH_BITS)
    ones = np.ones(len(rows), dtype=np.float32)
    return csr_matrix((ones, (rows, columns)), shape=(len(texts), 2**HASH_BITS))  # duplicates summed


def opening(text: str, words: int) -> str:
    """A clustering text's title line and the first ``words`` words after it."""
    title, _, body = text.partition("\n")
    return f"{title}\n{' '.join(body.split(maxsplit=words)[:words])}"


def view_counts(texts: Sequence[str], opening_words: int, score_words: int
                ) -> tuple[csr_matrix, csr_matrix, csr_matrix, csr_matrix]:
    """``term_counts`` of some clustering texts whole, and of their title and opening alone; the names each text
    holds (``name_columns``), and the scores its opening gives (``score_columns``)."""
    openings = [opening(t, opening_words) for t in texts]
    # The scores' opening is cut from the shorter text when it is within the other: each text is split once.
    scored = openings if score_words <= opening_words else texts
    return (term_counts(texts), term_counts(openings), name_columns(texts),
            score_columns([opening(t, score_words) for t in scored]))


def name_columns(texts: Sequence[str]) -> csr_matrix:
    """Which names each clustering text holds after its title line (``NAME_INSIDE_A_SENTENCE``), a row each, hashed
    into the same columns in every process: one entry per distinct name."""
    return _marks([{name.lower() for name in NAME_INSIDE_A_SENTENCE.findall(text.partition("\n")[2])}
                   for text in texts])


def score_columns(texts: Sequence[str]) -> csr_matrix:
    """Which scores each clustering text gives after its title line (``scorelines_in``), as ``name_columns``."""
    return _marks([scorelines_in(text.partition("\n")[2]) for text in texts])


def _marks(found: list[set[str]]) -> csr_matrix:
    """A row per text, a hashed column per distinct string it holds: 1 where it does (two in one column are one)."""
    from scipy.sparse import csr_matrix

    rows = np.repeat(np.arange(len(found)), [len(marks) for marks in found])
    columns = hashed_columns([mark.encode("utf-8") for marks in found for mark in marks], HASH_BITS)
    matrix = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, columns)), shape=(len(found), 2**HASH_BITS))
    matrix.data[:] = 1.0
    return matrix


def article_vectors(articles: Sequence[Article], params: StoryParams = DEFAULT_PARAMS,
                    mapper: PartMapper = in_process) -> csr_matrix:
    """The rows ``article_views`` clusters by, without the names and scores."""
    return article_views(articles, params, mapper)[0]


def article_views(articles: Sequence[Article], params: StoryParams = DEFAULT_PARAMS,
                  mapper: PartMapper = in_process, site_titles: Collection[str] | None = None
                  ) -> tuple[csr_matrix, csr_matrix, csr_matrix]:
    """Unit rows, one per article: its TF-IDF vector over the whole clustering text and its TF-IDF vector over the
    title and opening alone, side by side, weighted ``1 - opening_weight`` and ``opening_weight`` (each with the idf
    of this set of articles, sublinear tf, smoothed idf). A row's cosine with another is the weighted mean of the
    two views' cosines: two stories of one field share their subject's words down the page, the same event shares
    its title and first lines.

    The articles are counted in partitions of ``PARTITION`` (by ``mapper``: here, or on a cluster); only one
    partition's clustering text exists at a time in this process. Columns are the hashed words that occur. With
    them, the names each article holds (``name_columns``) and the scores it gives (``score_columns``), a row each.
    ``site_titles`` are not read (by default ``briefer.core.headline.site_titles`` of ``articles``).
    """
    try:
        from scipy.sparse import csr_matrix, hstack, vstack
    except ImportError as exc:
        raise ConfigError(missing_dependency(exc, "clustering articles into stories needs scipy", "daily")
                          ) from None
    if site_titles is None:
        site_titles = headline.site_titles(articles)
    texts = ([story_text(a, params.lead_words, site_titles) for a in articles[start:start + PARTITION]]
             for start in range(0, len(articles), PARTITION))
    counted = mapper(view_counts, texts, opening_words=params.opening_words, score_words=params.score_words)
    views = [list(view) for view in zip(*counted)] or [[], [], [], []]
    del counted  # each view's raw counts are let go as soon as its TF-IDF rows exist
    scores = vstack(views.pop(), format="csr") if views[-1] else csr_matrix((0, 2**HASH_BITS), dtype=np.float32)
    names = vstack(views.pop(), format="csr") if views[-1] else csr_matrix((0, 2**HASH_BITS), dtype=np.float32)
    whole = _unit_tfidf(views.pop(0), len(articles))
    first = _unit_tfidf(views.pop(0), len(articles))
    used = np.flatnonzero(np.bincount(whole.indices, minlength=2**HASH_BITS))
    column = np.zeros(2**HASH_BITS, dtype=np.int32)
    column[used] = np.arange(len(used), dtype=np.int32)
    shape = (len(articles), max(1, len(used)))
    # A word's opening column is its whole column plus the number of words: an opening is part of its whole text.
    whole.data *= np.float32(np.sqrt(1.0 - params.opening_weight))
    first.data *= np.float32(np.sqrt(params.opening_weight))
    whole = csr_matrix((whole.data, column[whole.indices], whole.indptr), shape=shape)
    first = csr_matrix((first.data, column[first.indices], first.indptr), shape=shape)
    return hstack([whole, first], format="csr", dtype=np.float32), names, scores


def _unit_tfidf(counted: list[csr_matrix], n: int) -> csr_matrix:
    """The partitions' counts stacked, as unit TF-IDF rows with the idf of these ``n`` articles."""
    from scipy.sparse import csr_matrix, vstack

    counts = vstack(counted, format="csr") if counted else csr_matrix((0, 2**HASH_BITS), dtype=np.float32)
    documents = np.bincount(counts.indices, minlength=2**HASH_BITS)
    idf = np.log((1 + n) / (1 + documents)) + 1
    counts.data = ((1 + np.log(counts.data)) * idf[counts.indices]).astype(np.float32)
    lengths = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    counts.data /= np.repeat(np.where(lengths > 0, lengths, 1), np.diff(counts.indptr)).astype(np.float32)
    return counts


def candidate_pairs(vectors: csr_matrix, params: StoryParams = DEFAULT_PARAMS) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of articles filed under a shared term: the only pairs whose cosine is ever computed.

    Each article is filed under its ``block_terms`` highest-weighted words, a word's weight in both views
    (``article_vectors``) taken together. A block of at most ``max_block``
    articles gives all its pairs; a bigger one (a big story, or a common word) links each member to the block's
    ``hubs`` members closest to its centre instead, which is enough for a big story to grow whole. So there are
    at most n * block_terms * (max_block / 2 + hubs) pairs, however many articles share a word: linear in n.
    """
    from scipy.sparse import csr_matrix

    n = vectors.shape[0]
    words = vectors.shape[1] // 2
    folded = vectors[:, :words] + vectors[:, words:]
    row_index, term_index = _heaviest_shared_terms(folded, params.block_terms)
    filed = np.bincount(term_index, minlength=words)
    small = filed[term_index] <= params.max_block
    blocks = csr_matrix((np.ones(int(small.sum()), dtype=np.int32), (row_index[small], term_index[small])),
                        shape=folded.shape)
    shared = (blocks @ blocks.T).tocoo()  # cost: sum over small blocks of their size squared
    pairs = _pair_set(shared.row, shared.col, n)
    del shared
    by_term = csr_matrix((np.ones(int((~small).sum()), dtype=np.int32), (term_index[~small], row_index[~small])),
                         shape=(words, n))
    left: list[np.ndarray] = []
    right: list[np.ndarray] = []
    gathered = 0
    for term in np.flatnonzero(filed > params.max_block):
        members = by_term.indices[by_term.indptr[term]:by_term.indptr[term + 1]]
        hubs = members[np.argsort(-_closeness(vectors, members), kind="stable")[: params.hubs]]
        left.append(np.repeat(members, len(hubs)))
        right.append(np.tile(hubs, len(members)))
        gathered += len(members) * len(hubs)
        if gathered >= _PAIRS_AT_ONCE:  # fold into the set now: memory stays bounded
            pairs = pairs + _pair_set(np.concatenate(left), np.concatenate(right), n)
            left, right, gathered = [], [], 0
    if left:
        pairs = pairs + _pair_set(np.concatenate(left), np.concatenate(right), n)
    return np.repeat(np.arange(n, dtype=np.int64), np.diff(pairs.indptr)), pairs.indices.astype(np.int64)


def _pair_set(left: np.ndarray, right: np.ndarray, n: int) -> csr_matrix:
    """Pairs (low, high) of different articles as a boolean sparse matrix: duplicates merge as the matrix is built
    (a counting sort by row), far cheaper than ``np.unique`` of tens of millions of keys; adding two sets is their
    union."""
    from scipy.sparse import csr_matrix

    low, high = np.minimum(left, right), np.maximum(left, right)
    apart = low < high
    pairs = csr_matrix((np.ones(int(apart.sum()), dtype=bool), (low[apart], high[apart])), shape=(n, n))
    pairs.sum_duplicates()
    return pairs


def _heaviest_shared_terms(vectors: csr_matrix, count: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, term) for each article's ``count`` highest-weighted terms among those another article has too.

    Rows are taken ``_ROWS_AT_ONCE`` at a time, padded into a dense block so that one ``argpartition`` picks
    every row's terms: no Python loop over articles, and memory bounded by the block."""
    shared = np.bincount(vectors.indices, minlength=vectors.shape[1]) >= 2
    rows_out, terms_out = [], []
    for first in range(0, vectors.shape[0], _ROWS_AT_ONCE):
        part = vectors[first:first + _ROWS_AT_ONCE]
        keep = shared[part.indices]
        kept_before = np.concatenate(([0], np.cumsum(keep)))
        lengths = kept_before[part.indptr[1:]] - kept_before[part.indptr[:-1]]
        width = int(lengths.max()) if len(lengths) else 0
        if width == 0:
            continue
        local = np.repeat(np.arange(part.shape[0]), lengths)
        place = np.arange(len(local)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        weights = np.full((part.shape[0], width), -1.0, dtype=np.float32)
        terms = np.zeros((part.shape[0], width), dtype=np.int64)
        weights[local, place], terms[local, place] = part.data[keep], part.indices[keep]
        if width > count:
            chosen = np.argpartition(-weights, count - 1, axis=1)[:, :count]
            weights, terms = np.take_along_axis(weights, chosen, 1), np.take_along_axis(terms, chosen, 1)
        filled = weights >= 0
        rows_out.append(np.nonzero(filled)[0] + first)
        terms_out.append(terms[filled])
    if not rows_out:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(rows_out), np.concatenate(terms_out)


def pair_cosines(vectors: csr_matrix, left: np.ndarray, right: np.ndarray,
                 mapper: PartMapper = in_process) -> np.ndarray:
    """Cosine of each pair (rows are unit length), scored in parts of ``PAIRS_PER_PART`` by ``mapper``."""
    parts = ((left[start:start + PAIRS_PER_PART], right[start:start + PAIRS_PER_PART])
             for start in range(0, len(left), PAIRS_PER_PART))
    scored = mapper(_cosines, parts, vectors=vectors)
    return np.concatenate(scored) if scored else np.zeros(0, dtype=np.float32)


def _strangers(marks: csr_matrix, left: np.ndarray, right: np.ndarray, least: int) -> np.ndarray:
    """For each pair, whether both articles hold at least ``least`` marks and share none of them: people, places or
    bodies named (``StoryParams.story_names``), or scores given (``StoryParams.score_words``). Two events of one
    kind, however alike their words."""
    held = np.diff(marks.indptr)
    shared = np.zeros(len(left), dtype=np.float32)
    for start in range(0, len(left), _PAIR_CHUNK):
        stop = start + _PAIR_CHUNK
        shared[start:stop] = np.asarray(marks[left[start:stop]].multiply(marks[right[start:stop]]).sum(axis=1)).ravel()
    return (held[left] >= least) & (held[right] >= least) & (shared == 0)


def _cosines(pairs: tuple[np.ndarray, np.ndarray], vectors: csr_matrix) -> np.ndarray:
    left, right = pairs
    out = np.empty(len(left), dtype=np.float32)
    for start in range(0, len(left), _PAIR_CHUNK):
        stop = start + _PAIR_CHUNK
        products = vectors[left[start:stop]].multiply(vectors[right[start:stop]])
        out[start:stop] = np.asarray(products.sum(axis=1)).ravel()
    return out


def cluster_stories(
    articles: Sequence[Article],
    given: Sequence[str | None] | None = None,
    params: StoryParams = DEFAULT_PARAMS,
    mapper: PartMapper = in_process,
    apart: Sequence[bool] | None = None,
) -> Stories:
    """Group ``articles`` into stories.

    ``given`` names, row for row, the story an input already put an article in (None: not clustered). Given
    stories stay whole and are never merged with each other here; unclustered articles join them or each other.
    Articles marked ``apart`` (round-ups: ``briefer.core.roundups``) are linked only with each other: a digest
    touches many of the day's stories, and one that joins a story lends it its words and its title.
    ``mapper`` runs the counting of words, the scoring of candidate pairs and the linkage of each connected set of
    articles, here or on a cluster.
    """
    site_titles = frozenset(headline.site_titles(articles))
    vectors, names, scores = article_views(articles, params, mapper, site_titles)
    given = list(given) if given is not None else [None] * len(articles)
    if len(given) != len(articles) or apart is not None and len(apart) != len(articles):
        raise ValueError("given and apart must each have an entry for every article")
    left, right = candidate_pairs(vectors, params)
    cosines = pair_cosines(vectors, left, right, mapper)
    close = cosines >= params.threshold
    if apart is not None:
        kind = np.asarray(apart, dtype=bool)
        close &= kind[left] == kind[right]
    close[close] = ~(_strangers(names, left[close], right[close], params.story_names)
                     | _strangers(scores, left[close], right[close], 1))
    parts = _linkage_parts(left[close], right[close], cosines[close], given)
    linked = [group for part in mapper(_link, parts, vectors=vectors, threshold=params.threshold) for group in part]
    grouped = {row for group in linked for row in group}
    groups = linked + [(row,) for row in range(len(articles)) if row not in grouped]
    return Stories(groups=tuple(sorted(groups)), vectors=vectors, candidate_pairs=len(left), site_titles=site_titles)


# One linkage part: the rows of some connected sets of articles, and their close pairs (cosines, and the given
# story of each row). Average linkage merges along edges only, so each connected set links alone: the same groups
# as linking the whole day at once, and the sets can be linked in parallel.
_LinkPart = list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, list[str | None]]]


def _linkage_parts(left: np.ndarray, right: np.ndarray, cosines: np.ndarray,
                   given: Sequence[str | None]) -> Iterator[_LinkPart]:
    """The connected sets of articles (by close pairs, and by a story given in the input), in parts of about
    ``EDGES_PER_PART`` edges; each set's pairs keep their order, so that ties break as in one linkage of all."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(given)
    first_of: dict[str, int] = {}
    tied = [(first_of.setdefault(story, row), row) for row, story in enumerate(given) if story is not None]
    links_left = np.concatenate([left, np.array([a for a, _ in tied], dtype=np.int64)])
    links_right = np.concatenate([right, np.array([b for _, b in tied], dtype=np.int64)])
    graph = coo_matrix((np.ones(len(links_left), dtype=np.int8), (links_left, links_right)), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    sizes = np.bincount(component, minlength=n)
    by_component = np.argsort(component, kind="stable")
    starts = np.cumsum(sizes) - sizes
    edge_order = np.argsort(component[left], kind="stable")
    edge_counts = np.bincount(component[left], minlength=n)
    edge_starts = np.cumsum(edge_counts) - edge_counts
    part: _LinkPart = []
    edges_in_part = 0
    for c in np.flatnonzero(sizes > 1):
        rows = by_component[starts[c]:starts[c] + sizes[c]]
        edges = edge_order[edge_starts[c]:edge_starts[c] + edge_counts[c]]
        local = np.searchsorted(rows, np.stack([left[edges], right[edges]]))
        part.append((rows, local[0], local[1], cosines[edges], [given[r] for r in rows]))
        edges_in_part += len(edges)
        if edges_in_part >= EDGES_PER_PART:
            yield part
            part, edges_in_part = [], 0
    if part:
        yield part


def _link(part: _LinkPart, vectors: csr_matrix, threshold: float) -> list[tuple[int, ...]]:
    """The stories of one linkage part, as rows of the day."""
    stories = []
    for rows, left, right, cosines, given in part:
        for group in _average_linkage(vectors[rows], left, right, cosines, given, threshold):
            stories.append(tuple(int(rows[k]) for k in group))
    return stories


def _average_linkage(
    vectors: csr_matrix,
    left: np.ndarray,
    right: np.ndarray,
    cosines: np.ndarray,
    given: Sequence[str | None],
    threshold: float,
) -> tuple[tuple[int, ...], ...]:
    """Merge along edges, closest first, while the two groups' average cosine stays at or above ``threshold``."""
    group_of = list(range(len(given)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(given))}
    fixed = [story is not None for story in given]
    first_of: dict[str, int] = {}
    for i, story in enumerate(given):
        if story is None:
            continue
        if story in first_of:
            _merge(group_of[first_of[story]], i, group_of, members)
        else:
            first_of[story] = i
    sums: dict[int, SparseRow] = {}

    def summed(group: int) -> SparseRow:
        if group not in sums:
            sums[group] = SparseRow.of_rows(vectors, members[group])
        return sums[group]

    order = np.argsort(-cosines, kind="stable")
    for first, second in zip(left[order].tolist(), right[order].tolist()):  # Python ints: cheaper to index with
        a, b = group_of[first], group_of[second]
        if a == b or (fixed[a] and fixed[b]):
            continue
        pairs = len(members[a]) * len(members[b])
        if pairs > 1 and summed(a).dot(summed(b)) / pairs < threshold:
            continue
        merged = summed(a) + summed(b) if pairs > 1 else None
        keep, gone = _merge(a, b, group_of, members)
        fixed[keep] = fixed[a] or fixed[b]
        sums.pop(gone, None)
        if merged is None:
            sums.pop(keep, None)  # summed again when needed
        else:
            sums[keep] = merged
    return tuple(tuple(sorted(group)) for group in sorted(members.values(), key=min))


def _closeness(vectors: csr_matrix, members: Sequence[int]) -> np.ndarray:
    rows = vectors[list(members)]
    return np.asarray(rows @ np.asarray(rows.sum(axis=0)).ravel()).ravel()


def _merge(a: int, b: int, group_of: list[int], members: dict[int, list[int]]) -> tuple[int, int]:
    """Fold the smaller group into the larger; returns (kept id, removed id)."""
    if len(members[a]) < len(members[b]):
        a, b = b, a
    for i in members[b]:
        group_of[i] = a
    members[a].extend(members.pop(b))
    return a, b


@dataclass(frozen=True)
class SparseRow:
    """A sparse vector as sorted term ids and weights: summing and dotting these is cheaper than scipy rows."""

    terms: np.ndarray
    weights: np.ndarray

    @classmethod
    def of_rows(cls, vectors: csr_matrix, rows: Sequence[int]) -> SparseRow:
        spans = [slice(vectors.indptr[r], vectors.indptr[r + 1]) for r in rows]
        return cls.compacted(np.concatenate([vectors.indices[s] for s in spans]),
                             np.concatenate([vectors.data[s] for s in spans]))

    @classmethod
    def compacted(cls, terms: np.ndarray, weights: np.ndarray) -> SparseRow:
        unique, position = np.unique(terms, return_inverse=True)
        return cls(unique, np.bincount(position, weights=weights, minlength=len(unique)))

    def __add__(self, other: SparseRow) -> SparseRow:
        return SparseRow.compacted(np.concatenate([self.terms, other.terms]),
                                    np.concatenate([self.weights, other.weights]))

    def dot(self, other: SparseRow) -> float:
        if not len(self.terms) or not len(other.terms):
            return 0.0
        position = np.minimum(np.searchsorted(self.terms, other.terms), len(self.terms) - 1)
        shared = self.terms[position] == other.terms
        return float(self.weights[position[shared]] @ other.weights[shared])
