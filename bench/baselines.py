"""The extractive systems briefer is measured against, each fed the same sentences and the same word budget.

- Lead: the first sentence of each article, then the second of each, and so on (round-robin).
- LexRank and TextRank: sumy's implementations, the libraries a user would pick instead. sumy's default tokenizer
  needs NLTK's punkt data, which cannot be downloaded here, so they get briefer's sentences and a regex word
  tokenizer; stemming (Snowball) and stop words are sumy's own.

Every system sees the cleaned articles split by ``briefer.text.sentences`` (so only ranking differs), and every summary
is cut by ``within_budget``: whole sentences in the system's order of preference, a sentence that would overflow
the budget skipped, an exact repeat never taken twice. The summary is then put back in reading order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import zip_longest

from briefer.text.clean import clean_article
from briefer.text.sentences import sentences_of
from briefer.types import Article, Sentence

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def cluster_sentences(articles: Sequence[Article]) -> list[Sentence]:
    """The sentences every system chooses from: cleaned articles, briefer's splitter and fragment filter."""
    return [s for article in articles for s in sentences_of(clean_article(article))]


def within_budget(ranked: Sequence[Sentence], words: int) -> list[Sentence]:
    """Whole sentences in ranked order while they fit in ``words``; returned in reading order."""
    chosen: list[Sentence] = []
    seen: set[str] = set()
    used = 0
    for sentence in ranked:
        if sentence.text in seen or used + sentence.words > words:
            continue
        chosen.append(sentence)
        seen.add(sentence.text)
        used += sentence.words
    return sorted(chosen, key=lambda s: (_article_order(s), s.index))


def lead(sentences: Sequence[Sentence]) -> list[Sentence]:
    """Round-robin over articles: every first sentence, then every second one, ..."""
    by_article: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        by_article.setdefault(sentence.article_id, []).append(sentence)
    rounds = zip_longest(*by_article.values())
    return [s for layer in rounds for s in layer if s is not None]


def lexrank(sentences: Sequence[Sentence]) -> list[Sentence]:
    from sumy.summarizers.lex_rank import LexRankSummarizer

    return _sumy_ranking(sentences, LexRankSummarizer)


def textrank(sentences: Sequence[Sentence]) -> list[Sentence]:
    from sumy.summarizers.text_rank import TextRankSummarizer

    return _sumy_ranking(sentences, TextRankSummarizer)


RANKERS: dict[str, Callable[[Sequence[Sentence]], list[Sentence]]] = {
    "lead": lead,
    "lexrank": lexrank,
    "textrank": textrank,
}


def summarize(system: str, articles: Sequence[Article], words: int) -> list[str]:
    """A baseline's summary of a cluster, as sentence texts in reading order."""
    return [s.text for s in within_budget(RANKERS[system](cluster_sentences(articles)), words)]


class _WordTokenizer:
    """What sumy asks of a tokenizer, minus the NLTK data: sentences are already split."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return (paragraph,)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def _sumy_ranking(sentences: Sequence[Sentence], summarizer_class) -> list[Sentence]:  # type: ignore[no-untyped-def]
    """All sentences, best first, by a sumy summarizer's own rating (ties keep reading order)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    if not sentences:
        return []
    tokenizer = _WordTokenizer()
    in_document_order: list[Sentence] = []
    paragraphs: dict[str, list[SumySentence]] = {}
    for sentence in sentences:
        paragraphs.setdefault(sentence.article_id, [])
    for article_id, paragraph in paragraphs.items():
        for sentence in sentences:
            if sentence.article_id == article_id:
                paragraph.append(SumySentence(sentence.text, tokenizer))
                in_document_order.append(sentence)
    document = ObjectDocumentModel([Paragraph(p) for p in paragraphs.values()])
    summarizer = summarizer_class(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    # sumy sorts every sentence by rating, then keeps ``count(infos)`` and restores document order; a callable
    # count sees the full ranking, which is what the shared budget logic needs.
    ranking: list[int] = []

    def keep_all(infos):  # type: ignore[no-untyped-def]
        ranking.extend(info.order for info in infos)
        return infos

    summarizer(document, keep_all)
    return [in_document_order[i] for i in ranking]


def _article_order(sentence: Sentence) -> int:
    digits = re.sub(r"\D", "", sentence.article_id)
    return int(digits) if digits else 0
