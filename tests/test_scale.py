"""Daily briefs on a Dask cluster: the same page as the serial path, a lost worker loses no story, and a scheduler
that cannot be reached is one line."""

import os
from functools import partial
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefer.cli import app
from briefer.daily.day import build_day
from briefer.daily.page import StoryFailure
from briefer.daily.scale import DaskRunner, brief_story, dask_runner
from briefer.ingest.feeds import gather
from briefer.settings import BriefSettings, DailySettings
from briefer.types import Article, Brief
from tests.test_daily import BUDGET, DAY, GENEVA, QUAKE, ZOO, write_day_folder

pytest.importorskip("distributed")

SETTINGS = DailySettings(date=DAY, brief=BriefSettings(embedder="lexical"))


@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    """One local cluster of two worker processes for the module: starting one costs seconds."""
    with dask_runner(workers=2) as runner:
        yield runner


@pytest.fixture()
def day_folder(tmp_path: Path) -> Path:
    boilerplate = [("tweets.example", "", "Tweet with a location\n\nYou can add location information to your Tweets.")]
    return write_day_folder(tmp_path / "day", {"geneva": GENEVA, "quake": QUAKE, "budget": BUDGET, "zoo": ZOO,
                                               "tweet": boilerplate * 2})


def test_the_distributed_page_is_the_serial_page(cluster, day_folder):  # type: ignore[no-untyped-def]
    serial = build_day(gather(day_folder), SETTINGS)
    distributed = build_day(gather(day_folder), SETTINGS, runner=cluster)
    assert distributed.page == serial.page and distributed.story_briefs == serial.story_briefs
    assert distributed.page.to_dict() == serial.page.to_dict()


def die_once(articles: tuple[Article, ...], settings: BriefSettings, *, markers: str) -> Brief | StoryFailure:
    """Kill the worker process the first time the Geneva story reaches it: the scheduler must run it elsewhere."""
    marker = Path(markers) / "geneva"
    if articles[0].title and "Geneva" in articles[0].title and not marker.exists():
        marker.write_text("died")
        os._exit(1)
    return brief_story(articles, settings)


def test_a_worker_that_dies_mid_story_loses_no_story(cluster, day_folder, tmp_path):  # type: ignore[no-untyped-def]
    markers = tmp_path / "markers"
    markers.mkdir()
    serial = build_day(gather(day_folder), SETTINGS)
    dying_worker = DaskRunner(cluster.client, briefer=partial(die_once, markers=str(markers)))
    dying = build_day(gather(day_folder), SETTINGS, runner=dying_worker)
    assert any(markers.iterdir())  # a worker did die
    assert dying.page.to_dict() == serial.page.to_dict()


def test_a_story_with_nothing_to_brief_comes_back_as_a_failure(cluster):  # type: ignore[no-untyped-def]
    furniture = (Article(id="a1", text="Tweet with a location\n\nYou can add location information to your Tweets."),)
    result = cluster([furniture], BriefSettings(embedder="lexical"))
    assert isinstance(result[0], StoryFailure) and "no" in result[0].reason


def test_a_scheduler_that_cannot_be_reached_is_one_line(day_folder, tmp_path):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, ["daily", str(day_folder), "--scheduler", "tcp://127.0.0.1:9",
                                      "--out-dir", str(tmp_path / "out")])
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert not (tmp_path / "out").exists()


def test_workers_and_scheduler_do_not_go_together(day_folder):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, ["daily", str(day_folder), "--workers", "2", "--scheduler", "tcp://x:1"])
    assert result.exit_code == 3 and "not both" in result.stderr


def test_the_serial_path_never_imports_dask(day_folder, tmp_path):  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    script = ("import sys; from typer.testing import CliRunner; from briefer.cli import app; "
              f"r = CliRunner().invoke(app, ['daily', {str(day_folder)!r}, '--embedder', 'lexical', '--out-dir', "
              f"{str(tmp_path / 'out')!r}, '-q']); assert r.exit_code == 0, r.output; "
              "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def die_always(articles: tuple[Article, ...], settings: BriefSettings) -> Brief | StoryFailure:
    """Kill whichever worker gets the story."""
    if articles[0].title and "Geneva" in articles[0].title:
        os._exit(1)
    return brief_story(articles, settings)


def test_a_story_that_kills_two_workers_is_a_failure_and_the_page_is_still_made(cluster, day_folder):  # type: ignore[no-untyped-def]
    day = build_day(gather(day_folder), SETTINGS, runner=DaskRunner(cluster.client, briefer=die_always))
    assert any("Geneva" in w or "left out" in w for w in day.warnings)
    assert day.page.stories and not any("Geneva" in s.brief.headline for s in day.page.stories)


def test_the_clustering_on_the_cluster_is_the_clustering_here(cluster, monkeypatch):  # type: ignore[no-untyped-def]
    """Words counted, pairs scored and stories linked on the workers, in many small parts: the same stories."""
    import random

    from briefer.daily import stories
    from tests.test_stories import EVENTS, event_article

    rng = random.Random(4)
    articles = [event_article(i, rng.choice(list(EVENTS)), rng) for i in range(80)]
    here = stories.cluster_stories(articles, params=stories.StoryParams(threshold=0.3))
    monkeypatch.setattr(stories, "PARTITION", 9)
    monkeypatch.setattr(stories, "PAIRS_PER_PART", 50)
    monkeypatch.setattr(stories, "EDGES_PER_PART", 20)
    there = stories.cluster_stories(articles, params=stories.StoryParams(threshold=0.3), mapper=cluster.map)
    assert there.groups == here.groups and (there.vectors != here.vectors).nnz == 0


def fail(part: int) -> int:
    raise RuntimeError(f"part {part} is broken")


def test_a_clustering_part_that_keeps_failing_stops_the_run_with_one_line(cluster):  # type: ignore[no-untyped-def]
    from briefer.daily.scale import ClusterError

    with pytest.raises(ClusterError) as raised:
        cluster.map(fail, [1, 2, 3])
    assert "part of the clustering failed on the Dask cluster" in str(raised.value)
    assert "\n" not in str(raised.value)


def threads(_: int) -> tuple[str, list[int]]:
    from threadpoolctl import threadpool_info

    return os.environ.get("BRIEFER_THREADS", ""), [pool["num_threads"] for pool in threadpool_info()]


def test_a_task_on_a_worker_runs_on_one_thread(cluster):  # type: ignore[no-untyped-def]
    """BLAS and OpenMP pools at one thread and torch told the same: the cluster's parallelism is its processes."""
    for briefer_threads, pools in cluster.map(threads, [1, 2]):
        assert briefer_threads == "1"
        assert pools and all(n == 1 for n in pools)


def test_a_local_cluster_starts_beside_another_that_holds_the_dashboard_port():
    """Port 8787 taken (a notebook's cluster, a second briefer): the scheduler's status server takes a free port
    without a word, and the run goes on."""
    import socket
    import warnings

    holder = socket.socket()
    try:
        holder.bind(("0.0.0.0", 8787))
    except OSError:
        pytest.skip("port 8787 is already taken on this machine")
    holder.listen(1)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with dask_runner(workers=1) as runner:
                assert isinstance(runner, DaskRunner)
        assert not [w for w in caught if "8787" in str(w.message)]
    finally:
        holder.close()
