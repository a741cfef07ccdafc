"""Options that shape a brief and a day, resolved once from ``briefer.config.Config`` and passed down.

Every command builds its settings here, from the options it was given and one ``Config``, so a setting means the
same thing and comes from the same place (option > environment > --config > user config > default) everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from briefer.config import Config, whole_number
from briefer.errors import ConfigError
from briefer.fitted import DAILY_RANK, RankWeights, StoryParams

# Words of the lede and key points (the headline and the sources list come on top). "medium" fits one printed page
# with the sources list.
LENGTH_PRESETS = {"short": 200, "medium": 350, "long": 550}
# The word budgets --words and a config's words accept.
WORDS_RANGE = (60, 5000)


@dataclass(frozen=True)
class BriefSettings:
    words: int = LENGTH_PRESETS["medium"]
    min_points: int = 4
    # A cap the word budget reaches first: at the default length a brief fills its budget (10-18 points on the
    # development clusters) and still prints on one A4 or Letter page (bench/print_pages.py).
    max_points: int = 20
    # Sentence embedder: "static", "minilm", "lexical", a local folder, or None for the default (static).
    embedder: str | None = None
    # Abstractive rewriter: an alias under models/, a folder, a GGUF file or a hub id; None keeps the brief
    # extractive.
    model: str | None = None
    # Support judge for citations: a model folder or hub id (briefer.backends.judge); None cites by grouping's fitted
    # model.
    judge: str | None = None
    # Only with this set may briefer reach the network (to fetch a model from the Hugging Face hub).
    allow_download: bool = False
    # Extra domain -> outlet name entries, on top of the packaged table.
    outlets: dict[str, str] = field(default_factory=dict)
    rank: RankWeights = RankWeights()
    # Words the chosen points leave over go to the sentences that follow them in their articles
    # (briefer.core.follow_on); a daily page shows a story's first lines only, and keeps them one sentence each.
    follow_on: bool = True


@dataclass(frozen=True)
class StoryWeights:
    """Story score = distinct outlets + recency / (1 + days old) + size * log2(1 + articles)."""

    recency: float = 1.0
    size: float = 0.5


@dataclass(frozen=True)
class DailySettings:
    date: str | None = None  # the day (ISO); None: the date most articles carry, else today
    stories: int = 6  # stories on the page
    words: int = 480  # the page budget: every story's headline and points ("budget" in the config and CLI)
    also: int = 8  # lines in "also reported"
    story_articles: int = 8  # articles briefed per story (closest to its centre, outlets first); 0: all
    lead_words: int = 300  # of each, the whole sentences within its first this many words; 0: all
    # how each story is briefed: as a brief is, but ranked by DAILY_RANK (two outlets' ledes tell its news again sooner)
    brief: BriefSettings = field(default_factory=lambda: BriefSettings(rank=DAILY_RANK, follow_on=False))
    workers: int = 0  # brief stories on a local Dask cluster of this many processes; 0: here, one after another
    scheduler: str | None = None  # or on the Dask cluster behind this scheduler address (tcp://host:8786)
    clustering: StoryParams = StoryParams()
    weights: StoryWeights = StoryWeights()


def brief_settings(
    config: Config,
    *,
    sections: tuple[str, ...] = ("brief",),
    words: int | None = None,
    length: str | None = None,
    embedder: str | None = None,
    model: str | None = None,
    judge: str | None = None,
    allow_download: bool | None = None,
    no_model: bool = False,
) -> BriefSettings:
    """How to brief one cluster. ``--words`` beats ``--length``; a ``length`` from anywhere beats a configured
    ``words``."""
    return BriefSettings(
        words=_word_budget(config, sections, words, config.text("length", length, sections=sections)),
        embedder=config.text("embedder", embedder, sections=sections),
        model=None if no_model else config.text("model", model, sections=sections),
        judge=config.text("judge", judge, sections=sections),
        allow_download=config.flag("allow_download", allow_download, sections=sections),
        outlets=config.outlets(),
        follow_on=config.flag("follow_on", sections=sections, default=True),
    )


def daily_settings(
    config: Config,
    *,
    date: str | None = None,
    stories: int | None = None,
    budget: int | None = None,
    also: int | None = None,
    embedder: str | None = None,
    model: str | None = None,
    judge: str | None = None,
    allow_download: bool | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
) -> DailySettings:
    """How to brief a day: ``[daily]`` first, then ``[brief]`` (which also shapes each story's brief)."""
    from briefer.ingest.load import normalise_date

    sections = ("daily", "brief")
    wanted = config.text("date", date, sections=sections)
    if wanted is not None and normalise_date(wanted) is None:
        raise ConfigError(f"date {wanted!r} is not a date: use YYYY-MM-DD")
    defaults = DailySettings()

    def number(name: str, given: int | None, default: int, minimum: int = 0, maximum: int | None = None) -> int:
        return config.number(name, given, sections=sections, default=default, minimum=minimum, maximum=maximum)

    cluster = config.text("scheduler", scheduler, sections=sections)
    processes = number("workers", workers, defaults.workers, 0, 512)
    if cluster and processes:
        raise ConfigError("give --workers (a cluster on this machine) or --scheduler (an existing one), not both")
    return DailySettings(
        workers=processes,
        scheduler=cluster,
        date=normalise_date(wanted) if wanted is not None else None,
        stories=number("stories", stories, defaults.stories, 1, 50),
        words=number("budget", budget, defaults.words, 50, 20000),
        also=number("also", also, defaults.also, 0, 200),
        story_articles=number("story_articles", None, defaults.story_articles),
        lead_words=number("lead_words", None, defaults.lead_words),
        brief=replace(brief_settings(config, sections=sections, embedder=embedder, model=model, judge=judge,
                                     allow_download=allow_download), rank=defaults.brief.rank,
                      follow_on=defaults.brief.follow_on),
    )


def _word_budget(config: Config, sections: tuple[str, ...], words: int | None, length: str | None) -> int:
    if words is not None:
        return whole_number(words, "--words", *WORDS_RANGE)
    if length is not None:
        if length not in LENGTH_PRESETS:
            raise ConfigError(f"unknown --length {length!r}: choose short, medium or long")
        return LENGTH_PRESETS[length]
    return config.number("words", sections=sections, default=LENGTH_PRESETS["medium"], minimum=WORDS_RANGE[0],
                         maximum=WORDS_RANGE[1])
