"""The brief pipeline, top to bottom: load → clean → split → admit → group claims → rank → cite → follow on →
rewrite?

Each stage is a small module with one job; this module only wires them together. ``build_brief`` is a pure
function of its articles and settings, so a cluster can be briefed anywhere (a worker, a notebook, a test).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.backends import embed
from briefer.core import admission, cite, claims, follow_on, headline, lists, opinion, rank, roundups
from briefer.ingest import outlets
from briefer.text import clean, sentences
from briefer.text.lexicon import reads_as_english
from briefer.errors import InputError
from briefer.backends.judge import Judge, load_judge
from briefer.ingest.load import load_cluster
from briefer.settings import BriefSettings
from briefer.types import Article, Brief, Progress, Sentence

if TYPE_CHECKING:
    from briefer.rewrite.rewriter import Rewriter

# Sentences grouped per cluster: grouping compares sentences pairwise, so past this a brief is no longer seconds.
# A cluster of one event rarely has a thousand (the eval sets' largest: see docs/input.md).
MAX_CLUSTER_SENTENCES = 10_000


def brief_from_path(
    path: str | Path, settings: BriefSettings | None = None, *, progress: Progress | None = None
) -> Brief:
    """Load a cluster (folder, .jsonl, or one file) and brief it; unreadable files become warnings."""
    loaded = load_cluster(path)
    return build_brief(loaded.articles, settings, warnings=loaded.problems, progress=progress)


def build_brief(
    articles: Iterable[Article],
    settings: BriefSettings | None = None,
    *,
    warnings: Iterable[str] = (),
    embedder: embed.Embedder | None = None,
    rewriter: Rewriter | None = None,
    judge: Judge | None = None,
    progress: Progress | None = None,
) -> Brief:
    """Brief one cluster of articles about one event; ``progress(done, total)`` follows the model's rewriting.

    The backends are taken as given, else made from ``settings`` (``embedder``, ``model``, ``judge``) through
    ``briefer.backends.registry``: a caller briefing many clusters loads each once and passes it in.
    """
    settings = settings or BriefSettings()
    problems = list(warnings)

    if embedder is None:
        embedder = embed.embedder_for(settings.embedder, allow_download=settings.allow_download, warnings=problems)
    judge = judge or load_judge(settings.judge, allow_download=settings.allow_download)
    with _one_blas_thread():
        usable, grouped = group_cluster(articles, settings, embedder=embedder, warnings=problems)
        lede, points = rank.select(grouped, usable, settings, restates=cite.restates(judge) if judge else None)
    if judge is not None:
        lede, *points = cite.cite([lede, *points], grouped, embedder.encode, judge)
    lede, points = rank.lead_with_the_most_reported(lede, points, usable)
    # After the lede is settled: a statement's words that many outlets copy ("The EPA says Magnolia engaged in ...")
    # are more cited, not more the event than the fine they report.
    lede, *points = cite.cite_quotations([lede, *points], grouped)
    title = headline.choose_headline(usable, lede, points)  # from the lede's own sentence, before what follows it
    if settings.follow_on:
        lede, points = follow_on.follow_on(lede, points, grouped, settings, {a.id: a.text for a in usable})

    brief = Brief(
        headline=title,
        lede=lede,
        points=tuple(points),
        articles=tuple(usable),
        date=headline.cluster_date(usable),
        warnings=tuple(problems),
    )
    if rewriter is None and settings.model:
        from briefer.rewrite.rewriter import load_rewriter  # its model loads torch and transformers

        rewriter = load_rewriter(settings.model, allow_download=settings.allow_download)
    if rewriter is not None:
        from briefer.rewrite.rewriter import rewrite_brief

        brief = rewrite_brief(brief, rewriter, progress=progress)
    return brief


def group_cluster(
    articles: Iterable[Article], settings: BriefSettings, *, embedder: embed.Embedder, warnings: list[str]
) -> tuple[list[Article], claims.ClaimSet]:
    """Clean → split → group claims: the articles that kept some text, and their claims, ready to rank.

    Its own step so that tuning the ranker (``bench/tune_rank.py``) groups each cluster once, exactly as a brief
    does; an article with no text left is added to ``warnings``, and so is a site's front page, whose stories the
    brief may mix. Articles sharing an id are refused (``InputError``): a citation names its article by id.
    """
    articles = list(articles)
    repeated = sorted(id_ for id_, count in Counter(a.id for a in articles).items() if count > 1)
    if repeated:  # every citation would name the last article with that id: wrong outlets on the page
        raise InputError(f"article ids repeat ({', '.join(repr(id_) for id_ in repeated[:3])}"
                         f"{', ...' if len(repeated) > 3 else ''}): citations name articles by id, so each needs its "
                         "own (load_cluster numbers the articles of one path a1, a2, ...)")
    kept: list[Article] = []
    for article in articles:
        cleaned = clean.clean_article(article)
        if cleaned.text.strip():
            kept.append(cleaned)
        else:
            warnings.append(f"{article.source or article.id}: no article text left after cleaning; skipped")
        if roundups.is_front_page(article):
            warnings.append(f"{article.source or article.id}: {article.url} is a site's front or section page, not "
                            "one story: its stories may be mixed in the brief")
    # Outlets once the articles that kept no text are gone: a page with no name is "Source N" by its place in the
    # sources list the reader sees.
    usable = list(outlets.assign_outlets(kept, settings.outlets))
    split, stripped = admission.strip_shown(
        _within_limit([s for article in usable for s in sentences.sentences_of(article)], warnings))
    if not split:
        foreign = not reads_as_english(" ".join(article.text for article in usable))
        hint = " (its text is not in English, the language briefer splits and ranks)" if foreign else ""
        raise InputError(f"no sentences found in any article of the cluster{hint}")
    warnings.extend(f"{article.source or article.id}: its text does not read as English, the language briefer splits "
                    "and ranks: its sentences may be split, shown or ranked wrongly"
                    for article in usable if not reads_as_english(article.text))

    texts = [s.text for s in split]
    vectors = embedder.encode(texts)
    static = vectors if embed.is_default_static(embedder) else embed.StaticEmbedder().encode(texts)
    split = lists.mark_items(admission.admit(split, stripped, static, opinion=opinion.opinion_pieces(usable)))
    if not any(s.admissible for s in split):
        warnings.append("no sentence of the cluster passed admission (captions, page furniture, teasers, first-person "
                        "text?): its lede is its best sentence as it stands")
    grouped = claims.group_claims(split, vectors, embedder.claim_threshold, embedder.group_threshold)
    return usable, grouped.with_reported(embedder.encode).with_titles(headline.news_titles(usable), embedder.encode)


def _within_limit(split: list[Sentence], warnings: list[str]) -> list[Sentence]:
    """At most ``MAX_CLUSTER_SENTENCES``: past it, every article keeps its earliest sentences (news puts what
    matters first) and the rest are left out with a warning, so that work stays bounded (docs/input.md)."""
    if len(split) <= MAX_CLUSTER_SENTENCES:
        return split
    kept = set(sorted(range(len(split)), key=lambda k: split[k].index)[:MAX_CLUSTER_SENTENCES])
    warnings.append(f"the cluster has {len(split)} sentences, over the limit of {MAX_CLUSTER_SENTENCES}: only the "
                    f"first sentences of each article were read")
    return [sentence for k, sentence in enumerate(split) if k in kept]


def _one_blas_thread() -> AbstractContextManager[object]:
    """BLAS limited to one thread while a cluster is grouped and ranked: its matrices are small (hundreds of
    sentences), so threads cost more in start-up and contention than they save. Callers that brief many clusters
    get their parallelism from processes."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return nullcontext()
    return threadpool_limits(limits=1, user_api="blas")
