"""Briefing a day's stories on a Dask cluster: ``briefer daily --workers N`` or ``--scheduler tcp://host:8786``.

What travels to a worker is one story's articles and the ``BriefSettings`` (names of models, never models): each
worker process loads a model once, the first time a story needs it, and keeps it (the loaders in
``briefer.backends`` cache per process), so a model is never pickled per task. A story whose brief fails
(boilerplate only, no sentence left) comes back as a ``StoryFailure``; a worker that dies mid-story has its story
run again elsewhere by the scheduler, and a story that keeps failing becomes a ``StoryFailure`` too. The page is
composed on the client, with the same code as the serial path. Dask is imported only here, only when asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from briefer.daily.page import StoryFailure
from briefer.errors import ConfigError, InputError, missing_dependency
from briefer.settings import BriefSettings
from briefer.types import Article, Brief, StageProgress

# How long to wait for a scheduler before saying it cannot be reached.
CONNECT_TIMEOUT_S = 10
# Runs of a story after a failure that is not the story's own (a worker lost, an unexpected error).
RETRIES = 1

StoryBriefer = Callable[[tuple[Article, ...], BriefSettings], Brief | StoryFailure]


def brief_story(articles: tuple[Article, ...], settings: BriefSettings) -> Brief | StoryFailure:
    """One story's brief, on a worker; a story with nothing to brief is a ``StoryFailure``, not an error to retry."""
    from briefer.pipeline import build_brief

    try:
        return build_brief(articles, settings)
    except InputError as exc:
        return StoryFailure(articles=articles, reason=str(exc))


class DaskRunner:
    """Briefs stories on a Dask client's workers, in parallel; results come back in the order of the stories."""

    def __init__(self, client: Any, briefer: StoryBriefer = brief_story) -> None:
        self.client = client
        self.briefer = briefer

    def __call__(self, stories: Sequence[tuple[Article, ...]], settings: BriefSettings,
                 progress: StageProgress | None = None) -> list[Brief | StoryFailure]:
        from distributed import as_completed

        futures = self.client.map(self.briefer, list(stories), settings=settings, retries=RETRIES, pure=False)
        index = {future.key: k for k, future in enumerate(futures)}
        results: dict[int, Brief | StoryFailure] = {}  # by story; as_completed yields every future once
        try:
            for done, future in enumerate(as_completed(futures, loop=self.client.loop), start=1):
                k = index[future.key]
                if future.status == "error":
                    reason = f"its brief failed on the cluster: {future.exception()!r}"
                    results[k] = StoryFailure(articles=tuple(stories[k]), reason=reason)
                else:
                    results[k] = future.result()
                if progress is not None:
                    progress("briefing", done, len(futures))
        except BaseException:  # Ctrl-C or a lost client: nothing half-done stays queued on the cluster
            self.client.cancel(futures)
            raise
        return [results[k] for k in range(len(futures))]


@contextmanager
def dask_runner(*, workers: int = 0, scheduler: str | None = None) -> Iterator[DaskRunner]:
    """A runner on ``workers`` local processes (a ``LocalCluster``) or on the cluster behind ``scheduler``."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError(missing_dependency(exc, "--workers and --scheduler need Dask", "scale")) from None
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}".splitlines()[0]) from None
        try:
            yield DaskRunner(client)
        finally:
            client.close()
        return
    import dask

    # A story whose worker dies is run once more elsewhere, not three times: a story that kills two workers is a
    # StoryFailure. (An external scheduler keeps its own setting.)
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster, set_as_default=False) as client:
        yield DaskRunner(client)
