"""A day of news on one page: gather, cluster into stories, rank, brief each, compose, compare with yesterday.

Stories rank by how many distinct outlets ran them, then by recency and size. Each story on the page is its
headline, its lede and the one to three points its ranker chose first, citations and all, from ``build_brief`` of
that story alone: briefing is a pure function of one cluster, so at scale it can be mapped over stories on any
distributed engine. The page
budget (words of headlines and points) is shared: every story gets its headline and two points first, then
third and fourth points go to the best-ranked stories while words remain. The rest of the day is a short "also
reported" list. Against the previous day's ``brief.json`` each story is marked new, update (with what changed)
or ongoing, and ongoing stories give up their place on the page to news.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date as _date, timedelta
from pathlib import Path
from typing import Any, Protocol, TypeVar

import numpy as np

from briefer.backends import embed
from briefer.core import admission, headline
from briefer.core.rank import people_introduced_first, stands_as_lede
from briefer.text import clean, sentences
from briefer.text.lexicon import YEAR, similarity_words
from briefer.errors import ConfigError, InputError, nothing_readable
from briefer.fitted import DUPLICATE_COSINE, DUPLICATE_TITLES, StoryParams
from briefer.ingest.feeds import Gathered
from briefer.ingest.outlets import outlet_from_url
from briefer.publish.output import finish_interrupted_set, folder_lock, slugify, write_set
from briefer.pipeline import build_brief
from briefer.publish.render import render, render_data, safe_url
from briefer.settings import BriefSettings, DailySettings, StoryWeights
from briefer.core.roundups import is_roundup
from briefer.daily.page import AlsoReported, Link, Page, PageStory, PreviousPage, Status, StoryFailure
from briefer.daily.stories import DEFAULT_PARAMS, PartMapper, SparseRow, Stories, cluster_stories, in_process
from briefer.types import Article, Brief, Point, StageProgress

PAGE_FORMATS = ("md", "html", "txt", "json")
# Points per story on the page: at least (when the story has them), at most.
MIN_STORY_POINTS, MAX_STORY_POINTS = 2, 4
# A point is not new when a previous point of its story holds this share of its words.
SAME_POINT = 0.6
# An unbriefed story's line is read from the openings of its first few articles.
_LINE_ARTICLES = 3
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# A point that opens on the year it tells of: "In 1994 and 1995, the Japanese cult Aum Shinrikyo used homemade VX ...",
# "In June 2009, Air France flight 447 went missing ...", "From August to December 2014, 120 people ...". Before the
# story's own year it is background.
_YEAR_OPENER = re.compile(r"^(?:In|By|Since|Until|Back in|As early as|Between|From|During)\s+"
                          r"(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\.?\s+)?(?:(?:to|and)\s+[A-Z][a-z]+\.?\s+)?"
                          rf"(?:\d{{1,2}},?\s+)?({YEAR})\b")
R = TypeVar("R")


class StoryRunner(Protocol):
    """Runs the day's work somewhere else (``briefer.daily.scale.DaskRunner``): the clustering's parts (``map``, a
    ``briefer.daily.stories.PartMapper``), and many stories' briefs at once, one result per story, in order."""

    def __call__(self, stories: Sequence[tuple[Article, ...]], settings: BriefSettings,
                 progress: StageProgress | None = None) -> list[Brief | StoryFailure]: ...

    def map(self, function: Callable[..., R], parts: Iterable[Any], **shared: Any) -> list[R]: ...


@dataclass(frozen=True)
class Story:
    """One story of the day: rows of the day's articles, in input order, and what ranks it."""

    rows: tuple[int, ...]
    outlets: tuple[str, ...]  # distinct outlet keys (see ``Today.outlet_keys``)
    newest: str | None
    score: float
    roundup: bool = False  # most of its pages are round-ups, deals or listicles: it ranks after every event


@dataclass(frozen=True)
class Briefed:
    """A briefed story and how it compares with the previous day."""

    story: Story
    brief: Brief
    status: Status = "new"
    changes: tuple[str, ...] = ()
    new_points: tuple[bool, ...] = ()  # row for row with ``points``

    @property
    def points(self) -> tuple[Point, ...]:
        return (self.brief.lede, *self.brief.points)

    @property
    def page_order(self) -> list[int]:
        """Indices of ``points`` in the order the page shows them: the lede, then the points the ranker chose first
        (a page has room for two to four of a brief's points: the best, not the first told), except that one naming
        someone in full comes before one quoting them by surname alone (``people_introduced_first``: a page that
        shows the quote shows who said it), and one that opens on a year before the story's after the rest: the page's
        few points are the day's news, the background can wait for the story's brief; an update's new points before
        all."""
        points = self.points
        chosen = sorted(range(1, len(points)), key=lambda k: (self._background(points[k]), points[k].chosen))
        index = {id(points[k]): k for k in chosen}
        introduced = people_introduced_first(points[0], [points[k] for k in chosen])
        by_choice = [0, *(index[id(point)] for point in introduced)]
        if self.status != "update":
            return by_choice
        return sorted(by_choice, key=lambda k: not self.new_points[k])

    def _background(self, point: Point) -> bool:
        """Whether a point opens on a year before the story's newest article (any year, when it has no date)."""
        opening = _YEAR_OPENER.match(point.text)
        if opening is None:
            return False
        return self.story.newest is None or opening.group(1) < self.story.newest[:4]


@dataclass(frozen=True)
class Day:
    """The composed day: the page and each briefed story's brief under its file's slug."""

    date: str
    page: Page
    story_briefs: dict[str, Brief]  # slug -> brief, written to stories/<slug>.json
    warnings: tuple[str, ...]



@dataclass(frozen=True)
class Today:
    """The day's articles, who ran each and how they cluster: what stories are built, ranked and compared from."""

    day: str
    articles: tuple[Article, ...]
    outlet_keys: tuple[str, ...]  # an outlet's name, or "#<row>" for an article whose outlet is unknown
    clustered: Stories
    weights: StoryWeights = StoryWeights()
    roundups: tuple[bool, ...] = ()  # which articles are round-ups (``cluster_the_day``); found here when not given

    def __post_init__(self) -> None:
        if len(self.roundups) != len(self.articles):
            object.__setattr__(self, "roundups", tuple(is_roundup(a) for a in self.articles))

    def story(self, rows: Iterable[int]) -> Story:
        return _scored(rows, self.articles, self.outlet_keys, self.day, self.weights, self.roundups)

    def rank(self) -> list[Story]:
        """Every story, best first."""
        return _best_first(self.story(group) for group in self.clustered.groups)

    def merge_duplicates(self, ranked: list[Story], *, window: int) -> list[Story]:
        """Fold each of the first ``window`` stories into a better-ranked one it duplicates (close centroids or
        titles): the same story twice on one page is the complaint digest readers make most. A round-up is never
        folded into an event, nor an event into a round-up."""
        kept: list[Story] = []
        signs: list[tuple[SparseRow, set[str]]] = []  # centroid and title words, row for row with ``kept``
        for story in ranked[:window]:
            sign = self._signature(story)
            twin = next((k for k, other in enumerate(signs)
                         if kept[k].roundup == story.roundup and _duplicates(sign, other)), None)
            if twin is None:
                kept.append(story)
                signs.append(sign)
            else:
                kept[twin] = self.story(kept[twin].rows + story.rows)
                signs[twin] = self._signature(kept[twin])
        return _best_first(kept) + ranked[window:]

    def story_articles(self, story: Story, limit: int, lead_words: int = 0) -> tuple[Article, ...]:
        """The articles a story is briefed from, numbered a1.. in input order: all, or the ``limit`` closest to
        the story's centre, one per outlet before any outlet's second (more sources, fewer repeats); each cut to
        its lead when ``lead_words`` is set. Both bound the cost of a story, whatever its size."""
        rows = list(story.rows)
        if limit and len(rows) > limit:
            closeness = self.clustered.closeness(rows)
            by_closeness = [rows[k] for k in np.argsort(-closeness, kind="stable")]
            firsts: dict[str, int] = {}
            for i in by_closeness:
                firsts.setdefault(self.outlet_keys[i], i)
            chosen = set(firsts.values())
            rows = sorted([*firsts.values(), *(i for i in by_closeness if i not in chosen)][:limit])
        return tuple(replace(self.articles[i], id=f"a{n}", text=lead(self.articles[i].text, lead_words))
                     for n, i in enumerate(rows, start=1))

    def _signature(self, story: Story) -> tuple[SparseRow, set[str]]:
        """What two stories are compared by: their centroid, and the words of their first title that is a headline
        (``headline.MIN_TITLE_WORDS``: two game reports titled "NBA" are no duplicates)."""
        titles = [title for i in story.rows if self.articles[i].title
                  and len((title := headline.title_of(self.articles[i])).split()) >= headline.MIN_TITLE_WORDS]
        return self.clustered.centroid(story.rows), set(similarity_words(titles[0])) if titles else set()


def retitled(articles: Sequence[Article], site_titles: Collection[str]) -> tuple[Article, ...]:
    """The day's articles, those titled by their site's name (``Stories.site_titles``: "Summit Daily News for
    Breckenridge, Keystone, Copper and Frisco Colorado" over a film review and a columnist's piece) under the headline
    their text opens with instead, or none: the site's name would head their story, fold stories together as
    duplicates and stand for the article's title in the sources."""
    return tuple(replace(a, title=headline.own_headline(a)) if a.title in site_titles else a for a in articles)


def _scored(rows: Iterable[int], articles: Sequence[Article], outlet_keys: Sequence[str], day: str,
            weights: StoryWeights, roundups: Sequence[bool]) -> Story:
    """The story of some rows of the day's articles, scored: distinct outlets, then recency and size; a story most
    of whose articles are round-ups (``roundups``, row for row) is marked one."""
    rows = tuple(sorted(rows))
    outlets = tuple(dict.fromkeys(outlet_keys[i] for i in rows))
    dates = [date for i in rows if (date := articles[i].date)]
    newest = max(dates) if dates else None
    days_old = max(0, (_date.fromisoformat(day) - _date.fromisoformat(newest)).days) if newest else 0
    score = len(outlets) + weights.recency / (1 + days_old) + weights.size * math.log2(1 + len(rows))
    roundup = 2 * sum(roundups[i] for i in rows) > len(rows)
    return Story(rows=rows, outlets=outlets, newest=newest, score=score, roundup=roundup)


def outlet_names(story: Story) -> tuple[str, ...]:
    """Known outlet names of a story, then "N other sources" for articles whose outlet is unknown ("N unnamed
    sources" when no outlet is known: "5 articles: 5 other sources" names nothing the "other" is other than)."""
    names = [k for k in story.outlets if not k.startswith("#")]
    unknown = len(story.outlets) - len(names)
    kind = "other" if names else "unnamed"
    return (*names, *([f"{unknown} {kind} source{'s' if unknown != 1 else ''}"] if unknown else []))


def build_day(
    gathered: Gathered,
    settings: DailySettings | None = None,
    *,
    previous: PreviousPage | None = None,
    embedder: embed.Embedder | None = None,
    progress: StageProgress | None = None,
    runner: StoryRunner | None = None,
) -> Day:
    """Turn a day's articles into a page of stories; ``previous`` is the previous day's page (``previous_page``).

    Stories are clustered and briefed here, one after another, unless a ``runner`` does the work elsewhere
    (``briefer.daily.scale`` on a Dask cluster): the clustering's parts, then every story the page may need at once;
    the page is the same.
    """
    settings = settings or DailySettings()
    report = progress or (lambda stage, done, total: None)
    warnings = list(gathered.problems)
    if not gathered.articles:
        raise nothing_readable("the input", warnings)
    rows, day = rows_of_the_day(gathered.articles, settings.date, warnings)
    articles = tuple(gathered.articles[i] for i in rows)

    report("clustering", 0, 1)
    clustered, roundups = cluster_the_day(articles, [gathered.stories[i] for i in rows], settings.clustering,
                                          runner.map if runner is not None else in_process)
    today = Today(
        day=day,
        articles=retitled(articles, clustered.site_titles),
        outlet_keys=tuple(_outlet_key(a, i, settings.brief.outlets) for i, a in enumerate(articles)),
        clustered=clustered,
        weights=settings.weights,
        roundups=roundups,
    )
    ranked = today.merge_duplicates(today.rank(), window=3 * (settings.stories + settings.also))
    report("clustering", 1, 1)
    if len(ranked) == 1:
        warnings.append(f"only one story in the {len(articles)} articles of {day}: the page has a single story")

    if runner is not None:
        briefed = _brief_top_stories_with(runner, today, ranked, previous, settings, warnings, report)
    else:
        if embedder is None:
            embedder = embed.embedder_for(settings.brief.embedder, allow_download=settings.brief.allow_download,
                                          warnings=warnings)
        briefed = _brief_top_stories(today, ranked, previous, embedder, settings, warnings, report)
    briefed_rows = {b.story.rows for b in briefed}
    unbriefed = [s for s in ranked if s.rows not in briefed_rows]

    def members(story: Story) -> list[tuple[Article, str]]:
        return [(today.articles[i], today.outlet_keys[i]) for i in story.rows]

    return _compose_day(briefed, [], unbriefed, members, settings, previous, warnings, day=day,
                        counts=(len(today.articles), len(ranked),
                                len({k for k in today.outlet_keys if not k.startswith("#")})))


def compose_page(
    results: Sequence[Brief | StoryFailure],
    *,
    previous: PreviousPage | None = None,
    settings: DailySettings | None = None,
    date: str | None = None,
) -> Day:
    """A day's page from story briefs made anywhere (a notebook, a Spark job, Dask workers): one ``Brief`` per story,
    or a ``StoryFailure`` for a story whose brief failed (a warning and an "also reported" line, never a lost
    page). Stories rank as ``build_day`` ranks them, by the distinct outlets of their briefed articles, recency and
    size; ``previous`` marks them new, update or ongoing; the page shares ``settings.words``."""
    settings = settings or DailySettings()
    briefs = [r for r in results if isinstance(r, Brief)]
    failures = [r for r in results if isinstance(r, StoryFailure)]
    every = [a for b in briefs for a in b.articles] + [a for f in failures for a in f.articles]
    day = date or day_of(every)
    keys = tuple(_outlet_key(article, row, settings.brief.outlets) for row, article in enumerate(every))
    offsets, start = [], 0
    for group in [*(b.articles for b in briefs), *(f.articles for f in failures)]:
        offsets.append(range(start, start + len(group)))
        start += len(group)

    roundups = tuple(is_roundup(article) for article in every)

    def story(rows: Iterable[int]) -> Story:
        return _scored(rows, every, keys, day, settings.weights, roundups)

    briefed = _best_first_briefed([mark(Briefed(story=story(rows), brief=brief), previous)
                                   for brief, rows in zip(briefs, offsets)])
    failed = [story(rows) for rows in offsets[len(briefs):]]
    warnings = [_left_out(failure) for failure in failures]

    def members(story: Story) -> list[tuple[Article, str]]:
        return [(every[i], keys[i]) for i in story.rows]

    return _compose_day(briefed, failed, [], members, settings, previous, warnings, day=day,
                        counts=(len(every), len(results), len({k for k in keys if not k.startswith("#")})))


def compose(briefed: Sequence[Briefed], stories: int, words: int) -> tuple[list[tuple[Briefed, int]], list[Briefed]]:
    """Share the page budget: (story, points shown) for the page, and the stories left for "also reported".

    Every story first gets its headline and two points (the best-ranked story even over budget, so a page is
    never empty); then third and fourth points go round the stories in rank order while words remain. Ongoing
    stories are never on the page.
    """
    shown: list[tuple[Briefed, int]] = []
    rest: list[Briefed] = []
    used = 0
    for item in briefed:
        first = [item.points[k] for k in item.page_order[:MIN_STORY_POINTS]]
        cost = len(item.brief.headline.split()) + sum(p.words for p in first)
        if item.status == "ongoing" or len(shown) == stories or (shown and used + cost > words):
            rest.append(item)
            continue
        shown.append((item, len(first)))
        used += cost
    for _ in range(MIN_STORY_POINTS, MAX_STORY_POINTS):
        for k, (item, count) in enumerate(shown):
            following = item.points[item.page_order[count]] if count < len(item.points) else None
            if following is not None and used + following.words <= words:
                shown[k] = (item, count + 1)
                used += following.words
    return shown, rest


def mark(briefed: Briefed, previous: PreviousPage | None) -> Briefed:
    """Mark a story new, update (with what changed) or ongoing against the previous day's page."""
    before = previous.same_story(briefed.brief) if previous else None
    if before is None:
        return replace(briefed, status="new", changes=(), new_points=(True,) * len(briefed.points))
    old_points = [set(similarity_words(text)) for text in before.known_points]
    new_points = tuple(_is_new(p.text, old_points) for p in briefed.points)
    if not any(new_points):
        return replace(briefed, status="ongoing", changes=("no new facts",), new_points=new_points)
    count = sum(new_points)
    changes = [f"{count} new point{'s' if count != 1 else ''}"]
    new_outlets = [k for k in briefed.story.outlets if not k.startswith("#") and k not in set(before.outlets)]
    if new_outlets:
        changes.append("now also reported by " + ", ".join(new_outlets))
    return replace(briefed, status="update", changes=tuple(changes), new_points=new_points)


def previous_page(out_dir: str | Path, day: str, warnings: list[str]) -> PreviousPage | None:
    """The newest daily page before ``day`` under ``out_dir`` (``<date>/brief.json``), or None."""
    folder = Path(out_dir)
    if not folder.is_dir():
        return None
    days = sorted((p.name for p in folder.iterdir() if _ISO_DAY.fullmatch(p.name) and p.name < day), reverse=True)
    for name in days:
        path = folder / name / "brief.json"
        if not path.is_file():
            continue
        try:
            page = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
            warnings.append(f"cannot read the previous brief {path} ({exc}): every story is marked new")
            return None
        if isinstance(page, dict) and page.get("kind") == "daily" and isinstance(page.get("stories"), list):
            return PreviousPage.from_json(page)
        warnings.append(f"{path} is not a daily brief: every story is marked new")
        return None
    return None


def render_page(page: Page, fmt: str, template_dir: str | Path | None = None) -> str:
    """The page as text in ``fmt``, through the render path of a brief: JSON straight from its data, md/html/txt
    through ``daily.<fmt>.j2``."""
    if fmt not in PAGE_FORMATS:
        raise ConfigError(f"unknown format {fmt!r}: choose from {', '.join(PAGE_FORMATS)}")
    return render_data(page.to_dict(), fmt, family="daily", template_dir=template_dir)


def write_day(day: Day, out_dir: str | Path, formats: Sequence[str], template_dir: str | Path | None = None
              ) -> list[Path]:
    """Write ``<out_dir>/<date>/brief.<fmt>`` (JSON always: the next day's run reads it) and ``stories/*.json``.

    Everything is rendered before anything is written. Under the folder's lock (a concurrent run stops with an
    OutputError), the page and story files are replaced as one set (``output.write_set``): a run killed midway
    leaves the old set, or a journal the next run finishes. Story files of an earlier run of the same day that
    are no longer on it are removed last. Returns the page files written.
    """
    folder = Path(out_dir) / day.date
    pages = {fmt: render_page(day.page, fmt, template_dir) for fmt in dict.fromkeys([*formats, "json"])}
    story_files = {f"{slug}.json": render(brief, "json") for slug, brief in day.story_briefs.items()}
    files = {**{f"stories/{name}": text for name, text in story_files.items()},
             **{f"brief.{fmt}": text for fmt, text in pages.items()}}
    with folder_lock(folder):
        finish_interrupted_set(folder)  # the page an interrupted run left is the one whose stories are known
        earlier = _story_files_written(folder / "brief.json")
        write_set(folder, files)
        for name in earlier - story_files.keys():
            (folder / "stories" / name).unlink(missing_ok=True)
    return [folder / f"brief.{fmt}" for fmt in pages]


def _story_files_written(page_path: Path) -> set[str]:
    """The story files an earlier run of the day listed in its page: the only ones a rerun may remove (any other
    file in ``stories/`` is the user's)."""
    try:
        page = json.loads(page_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return set()
    files = (story.file for story in PreviousPage.from_json(page).stories) if isinstance(page, dict) else ()
    return {file.removeprefix("stories/") for file in files
            if file is not None and re.fullmatch(r"stories/[\w.-]+\.json", file) and ".." not in file}


def _duplicates(mine: tuple[SparseRow, set[str]], theirs: tuple[SparseRow, set[str]]) -> bool:
    if mine[0].dot(theirs[0]) >= DUPLICATE_COSINE:
        return True
    words, other = mine[1], theirs[1]
    return bool(words and other) and len(words & other) / len(words | other) >= DUPLICATE_TITLES


def lead(text: str, words: int) -> str:
    """The whole sentences of ``text`` that end within its first ``words`` words (at least the first sentence):
    a daily story's points come from the leads, and the cost of briefing stays bounded."""
    if not words:
        return text
    cut = next((m.end() for k, m in enumerate(re.finditer(r"\S+", text), start=1) if k == words), None)
    if cut is None:
        return text
    ends = [end for _, end in sentences.split_sentences(text)]
    within = [end for end in ends if end <= cut]
    return text[: within[-1] if within else ends[0]]


def _best_first_briefed(briefed: Iterable[Briefed]) -> list[Briefed]:
    return sorted(briefed, key=lambda b: (b.story.roundup, -b.story.score, b.story.rows[0] if b.story.rows else 0))


def _best_first(stories: Iterable[Story]) -> list[Story]:
    """Events before round-ups, then the highest score first; ties keep input order."""
    return sorted(stories, key=lambda s: (s.roundup, -s.score, s.rows[0]))


def day_of(articles: Sequence[Article], wanted: str | None = None) -> str:
    """The day a page is for: ``wanted``, else the date most articles carry, else today."""
    dates = Counter(a.date for a in articles if a.date)
    return wanted or (dates.most_common(1)[0][0] if dates else _date.today().isoformat())


def cluster_the_day(articles: Sequence[Article], given: Sequence[str | None] | None = None,
                    params: StoryParams = DEFAULT_PARAMS, mapper: PartMapper = in_process,
                    ) -> tuple[Stories, tuple[bool, ...]]:
    """The day's articles in stories as ``briefer daily`` clusters them, round-ups apart (``briefer.core.roundups``:
    a digest touches many stories), and which articles are round-ups."""
    roundups = tuple(is_roundup(article) for article in articles)
    return cluster_stories(articles, given, params, mapper, apart=roundups), roundups


def rows_of_the_day(articles: Sequence[Article], wanted: str | None, warnings: list[str]) -> tuple[list[int], str]:
    """Rows of the articles of the day, and the day: the ``wanted`` day's; without one, the commonest date's and the
    day before's (news crosses midnight somewhere). Undated articles are taken for the day's news when the pile is
    a day's (``_a_days_pile``); from an archive of many days, where they could be any day's, they are left out: one
    undated digest page of L3S-GN1's 19 days was otherwise "Also reported" on 14 of them."""
    day = day_of(articles, wanted)
    days = {wanted} if wanted else {day, (_date.fromisoformat(day) - timedelta(days=1)).isoformat()}
    undated = sum(1 for a in articles if not a.date)
    keep_undated = _a_days_pile(articles, days)
    rows = [i for i, a in enumerate(articles) if a.date in days or not a.date and keep_undated]
    if not rows:
        dates = {a.date for a in articles if a.date}
        found = ", ".join(sorted(dates)[:3]) + (", ..." if len(dates) > 3 else "")
        raise InputError(f"no articles dated {wanted} among the {len(articles)} read (they are dated {found}): "
                         "pick another --date or leave it out")
    which = day if wanted else f"{day} and the day before"
    if undated and keep_undated:
        warnings.append(f"{undated} of {len(articles)} articles have no date: kept as news of {day}")
    elif undated:
        warnings.append(f"{undated} of {len(articles)} articles have no date: left out, since most of the dated ones "
                        f"are of other days than {which} and they could be any day's news")
    others = len(articles) - len(rows) - (0 if keep_undated else undated)
    if others:
        warnings.append(f"{others} article{'s' if others > 1 else ''} dated other days than {which}: left out")
    return rows, day


def _a_days_pile(articles: Sequence[Article], days: Collection[str]) -> bool:
    """Whether a pile is one day's news, so that its undated articles are too: at least half of its dated articles
    are of ``days`` (or none is dated). A folder of saved pages with a few old ones is; an archive of weeks is not."""
    dated = [a.date for a in articles if a.date]
    return 2 * sum(date in days for date in dated) >= len(dated)


def _outlet_key(article: Article, row: int, overrides: dict[str, str]) -> str:
    """Who ran an article, for counting outlets: its outlet, its URL's, else "#<row>" (unknown, counted once)."""
    return (article.outlet or "").strip() or outlet_from_url(article.url or "", overrides) or f"#{row}"


def _brief_top_stories(
    today: Today,
    ranked: list[Story],
    previous: PreviousPage | None,
    embedder: embed.Embedder,
    settings: DailySettings,
    warnings: list[str],
    report: StageProgress,
) -> list[Briefed]:
    """Brief stories in rank order until enough are not ongoing, trying at most three per place on the page."""
    briefed: list[Briefed] = []
    tries = min(len(ranked), 3 * settings.stories)
    for done, story in enumerate(ranked[:tries]):
        if _page_is_full(briefed, settings):
            break
        report("briefing", done, tries)
        chosen = today.story_articles(story, settings.story_articles, settings.lead_words)
        try:
            brief: Brief | StoryFailure = build_brief(chosen, settings.brief, embedder=embedder)
        except InputError as exc:
            brief = StoryFailure(articles=chosen, reason=str(exc))
        _take(briefed, story, brief, previous, warnings)
    report("briefing", tries, tries)
    return briefed


def _brief_top_stories_with(
    runner: StoryRunner,
    today: Today,
    ranked: list[Story],
    previous: PreviousPage | None,
    settings: DailySettings,
    warnings: list[str],
    report: StageProgress,
) -> list[Briefed]:
    """``_brief_top_stories`` with every candidate briefed at once by ``runner``, then taken in the same order and
    to the same point, so that the page is the serial one."""
    candidates = ranked[:min(len(ranked), 3 * settings.stories)]
    chosen = [today.story_articles(story, settings.story_articles, settings.lead_words) for story in candidates]
    results = runner(chosen, settings.brief, report)
    briefed: list[Briefed] = []
    for story, brief in zip(candidates, results):
        if _page_is_full(briefed, settings):
            break
        _take(briefed, story, brief, previous, warnings)
    return briefed


def _left_out(failure: StoryFailure) -> str:
    places = [article.source or article.id for article in failure.articles]
    if len(places) == 1:
        return f"an article ({places[0]}) is left out: {failure.reason}"
    where = f"{places[0]}, ..." if places else "no articles"
    return f"a story of {len(places)} articles ({where}) is left out: {failure.reason}"


def _page_is_full(briefed: list[Briefed], settings: DailySettings) -> bool:
    return sum(b.status != "ongoing" for b in briefed) == settings.stories


def _take(briefed: list[Briefed], story: Story, brief: Brief | StoryFailure, previous: PreviousPage | None,
          warnings: list[str]) -> None:
    """Add a story's brief, marked against the previous page; a failed one is a warning and stays unbriefed."""
    if isinstance(brief, StoryFailure):
        warnings.append(_left_out(brief))
        return
    briefed.append(mark(Briefed(story=story, brief=brief), previous))
    warnings.extend(brief.warnings)


def _compose_day(
    briefed: list[Briefed],
    failed: list[Story],
    unbriefed: list[Story],
    members: Callable[[Story], list[tuple[Article, str]]],
    settings: DailySettings,
    previous: PreviousPage | None,
    warnings: list[str],
    *,
    day: str,
    counts: tuple[int, int, int],
) -> Day:
    """The page: the budget shared among the briefed stories (``compose``), then below them the stories left over,
    the stories whose brief failed (always listed) and stories not briefed; each briefed story's brief under its
    unique slug."""
    on_page, left_over = compose(briefed, settings.stories, settings.words)
    briefs: dict[str, Brief] = {}

    def file_for(brief: Brief) -> str:
        slug, number = slugify(brief.headline), 1
        while slug in briefs:
            number += 1
            slug = f"{slugify(brief.headline)}-{number}"
        briefs[slug] = brief
        return f"stories/{slug}.json"

    stories = tuple(
        PageStory(rank=rank, brief=item.brief, status=item.status, changes=item.changes,
                  outlets=outlet_names(item.story), articles=len(item.story.rows),
                  shown=tuple(item.page_order[:count]), new_points=item.new_points, file=file_for(item.brief))
        for rank, (item, count) in enumerate(on_page, start=1))
    also = [_also_line(item.story, members(item.story), item.brief, item.status, file_for(item.brief))
            for item in left_over]
    def unbriefed_line(story: Story, pairs: list[tuple[Article, str]], line: tuple[str, Article | None]
                       ) -> AlsoReported:
        return _also_line(story, pairs, line, _unbriefed_status(pairs, previous), None)

    for story in failed:
        pairs = members(story)
        written = [article for article, _ in pairs]
        titled = next((a for a in written if a.title), written[0] if written else None)
        fallback = (headline.title_of(titled) if titled and titled.title else "(a story left out)", titled)
        also.append(unbriefed_line(story, pairs, _story_line(written) or fallback))
    for story in unbriefed:  # a story whose articles are all page furniture (a tweet widget's notice) is no story
        if len(also) >= settings.also:
            break
        pairs = members(story)
        found_line = _story_line([article for article, _ in pairs])
        if found_line is not None:
            also.append(unbriefed_line(story, pairs, found_line))
    read, found, outlets = counts
    page = Page(date=day, previous_date=previous.date if previous else None, budget=settings.words,
                articles=read, story_count=found, outlets=outlets, stories=stories, also_reported=tuple(also),
                warnings=tuple(warnings))
    return Day(date=day, page=page, story_briefs=briefs, warnings=tuple(warnings))


def _also_line(story: Story, members: list[tuple[Article, str]], line: Brief | tuple[str, Article | None],
               status: Status, file: str | None) -> AlsoReported:
    """One "also reported" entry: the story in a line (its brief's headline, or ``_story_line``), who ran it, and the
    link of the article the line comes from, so that a reader never clicks one outlet's headline into another's
    page."""
    headline_text, source = (line.headline, _headline_source(line)) if isinstance(line, Brief) else line
    return AlsoReported(
        headline=headline_text,
        url=safe_url(source.url) if source is not None else None,
        status=status,
        outlets=outlet_names(story),
        articles=len(story.rows),
        sources=tuple(Link.of(article, None if key.startswith("#") else key) for article, key in members),
        file=file,
        brief_points=tuple(p.text for p in (line.lede, *line.points)) if isinstance(line, Brief) else None,
    )


def _headline_source(brief: Brief) -> Article | None:
    """The article a brief's headline comes from: the one whose title it is, else the one its lede cites first."""
    titled = next((a for a in brief.articles if a.title and headline.title_of(a) == brief.headline), None)
    if titled is not None:
        return titled
    cited = {a.id: a for a in brief.articles}
    return next((cited[i] for i in brief.lede.citations if i in cited), None)


def _story_line(members: Sequence[Article]) -> tuple[str, Article] | None:
    """A story in one line without briefing it, and the article it comes from: the title that best fits the
    opening the admission model would show first (not a caption or a dateline), else that sentence as a headline.
    None when no article has a sentence left after cleaning."""
    cleaned = [clean.clean_article(replace(article, id=f"a{n}")) for n, article in enumerate(members[:_LINE_ARTICLES])]
    split = [s for article in cleaned for s in sentences.sentences_of(article)]
    if not split:
        return None
    shown, stripped = admission.strip_shown(split)
    vectors = embed.StaticEmbedder().encode([s.text for s in shown])
    model = admission.shipped_model()
    likely = model.probabilities(admission.feature_rows(shown, stripped, vectors))
    texts = {article.id: article.text for article in cleaned}
    admitted = [s for s, p in zip(shown, likely) if p >= model.threshold and s.admissible]
    # As a brief's lede is chosen: the earliest in its article that stands as one ("With that chunk of change, Sophie
    # ..." does not; another outlet's first sentence comes before this one's fifth), else the first admitted.
    opening = next((s for s in sorted(admitted, key=lambda s: s.index) if stands_as_lede(s, texts[s.article_id])),
                   admitted[0] if admitted else shown[int(np.argmax(likely))])
    lead = Point(text=opening.text, citations=(opening.article_id,), evidence=(opening,))
    line = headline.choose_headline(list(members), lead, [])
    titled = next((a for a in members if a.title and headline.title_of(a) == line), None)
    return line, titled or members[int(opening.article_id[1:])]


def _unbriefed_status(members: list[tuple[Article, str]], previous: PreviousPage | None) -> Status:
    """New, or ongoing when the previous page already linked one of the story's articles."""
    urls = {article.url for article, _ in members if article.url}
    return "ongoing" if previous is not None and previous.seen(urls) else "new"


def _is_new(text: str, old_points: Sequence[set[str]]) -> bool:
    words = set(similarity_words(text))
    return not any(words and len(words & old) / len(words) >= SAME_POINT for old in old_points)
