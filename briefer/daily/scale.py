"""A day on a Dask cluster: ``briefer daily --workers N`` or ``--scheduler tcp://host:8786``.

Two kinds of work go to the workers. The clustering's parts (``DaskRunner.map``): counting the words of
partitions of articles, scoring partitions of candidate pairs against the day's vectors (sent to each worker
once), linking connected sets of articles into stories. And the stories' briefs (``DaskRunner.__call__``): what
travels is one story's articles and the ``BriefSettings`` (names of models, never models); each worker process
loads a model once, the first time a story needs it, and keeps it (the loaders in ``briefer.backends`` cache per
process), so a model is never pickled per task. Each task runs with one thread for BLAS, OpenMP and torch: the
cluster's parallelism is its processes, and N workers each starting a pool of threads per core only fight.

A story whose brief fails (boilerplate only, no sentence left) comes back as a ``StoryFailure``; a worker that
dies mid-task has its task run again elsewhere by the scheduler, and a story that keeps failing becomes a
``StoryFailure`` too (a clustering part that keeps failing stops the run with one line). The page is composed on
the client, with the same code as the serial path. Dask is imported only here, only when asked for.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from briefer.daily.page import StoryFailure
from briefer.errors import BrieferError, ConfigError, InputError, missing_dependency
from briefer.settings import BriefSettings
from briefer.types import Article, Brief, StageProgress

# How long to wait for a scheduler before saying it cannot be reached.
CONNECT_TIMEOUT_S = 10
# Runs of a story after a failure that is not the story's own (a worker lost, an unexpected error).
RETRIES = 1

# Clustering parts in flight per worker: enough to keep a worker busy while the next part travels, few enough that
# the client never holds the day's texts all at once.
PARTS_PER_WORKER = 2

StoryBriefer = Callable[[tuple[Article, ...], BriefSettings], Brief | StoryFailure]
R = TypeVar("R")


class ClusterError(BrieferError):
    """A part of the day's work failed on the Dask cluster, twice (a worker lost each time, or a bug)."""


def brief_story(articles: tuple[Article, ...], settings: BriefSettings) -> Brief | StoryFailure:
    """One story's brief, on a worker; a story with nothing to brief is a ``StoryFailure``, not an error to retry."""
    from briefer.pipeline import build_brief

    try:
        return _one_thread(build_brief, articles, settings)
    except InputError as exc:
        return StoryFailure(articles=articles, reason=str(exc))


def _one_thread(function: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    """``function`` with one thread for BLAS and OpenMP (threadpoolctl), and for torch: a model loaded in this
    worker takes its thread count from BRIEFER_THREADS (``rewriter.free_cores``), one already loaded is told."""
    from threadpoolctl import threadpool_limits

    os.environ["BRIEFER_THREADS"] = "1"
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(1)
    with threadpool_limits(limits=1):
        return function(*args, **kwargs)


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

    def map(self, function: Callable[..., R], parts: Iterable[Any], **shared: Any) -> list[R]:
        """``function(part, **shared)`` for each part, on the workers, results in order (a ``PartMapper``).

        ``shared`` (the day's vectors) is sent to every worker once. Parts are drawn from ``parts`` only as workers
        free up, ``PARTS_PER_WORKER`` each in flight, so a lazy iterable of texts is never held whole here."""
        from distributed import as_completed

        sent = {name: self.client.scatter(value, broadcast=True, hash=False) for name, value in shared.items()}
        in_flight = PARTS_PER_WORKER * max(1, len(self.client.scheduler_info()["workers"]))
        pending = iter(parts)
        index: dict[str, int] = {}

        def submit(part: Any) -> Any:
            future = self.client.submit(_one_thread, function, part, **sent, pure=False, retries=RETRIES)
            index[future.key] = len(index)
            return future

        queue = as_completed([submit(part) for _, part in zip(range(in_flight), pending)], loop=self.client.loop)
        results: dict[int, R] = {}
        try:
            for future in queue:
                if future.status == "error":
                    raise ClusterError(f"part of the clustering failed on the Dask cluster: {future.exception()!r}"
                                       .splitlines()[0])
                results[index[future.key]] = future.result()
                future.release()
                part = next(pending, _NONE)
                if part is not _NONE:
                    queue.add(submit(part))
        except BaseException:  # Ctrl-C, a lost client, a failed part: nothing stays queued on the cluster
            self.client.cancel(list(queue.futures))
            raise
        return [results[k] for k in range(len(index))]


_NONE = object()


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
    # StoryFailure. (An external scheduler keeps its own setting.) The scheduler's status server takes a free port,
    # not 8787: another cluster on this machine (a notebook's, a second briefer) must not make this one fail.
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                         scheduler_kwargs={"dashboard_address": ":0"}) as cluster, \
            Client(cluster, set_as_default=False) as client:
        yield DaskRunner(client)
