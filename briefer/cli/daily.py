"""Brief a whole day: many articles in, one page of the day's most-covered stories out.

INPUT is a folder or a file: story folders (already clustered), .jsonl files (articles, with or without a
"cluster" id, or one cluster a line), saved RSS/Atom feeds (.xml, .rss, .atom), saved web pages (.html) and
article files (.txt, .md, .json), mixed as they come. Articles not in a story yet are clustered into stories.
Writes outputs/<date>/brief.<fmt> for each format (brief.json always: the next day's run compares against it)
and stories/<slug>.json for each briefed story, replacing an earlier run of the same day, and prints the paths
of the page files. With an earlier day's brief.json in the output folder, stories are marked new, update or
ongoing. Defaults come from [daily] (then [brief]) in briefer.toml; every option can be set there.
"""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any, List, Optional

import typer

from briefer.cli import options
from briefer.cli.stdin import stdin_file
from briefer.config import Config
from briefer.errors import ConfigError, UsageError

DEFAULT_FORMATS = "md,html,json"


def daily_command(
    input_path: Optional[Path] = typer.Argument(
        None, metavar="INPUT", show_default=False,
        help="Folder or file of the day's articles, feeds and pages; - reads one file (JSON lines, a feed, a page or "
        "text) from stdin. (default: input in [daily] of the config)",
    ),
    day: Optional[str] = typer.Option(
        None, "--date",
        help="Keep only articles of this day (undated ones too, unless most dated ones are of other days). "
        "(default: the commonest date)",
    ),
    stories: Optional[int] = typer.Option(None, "--stories", help="Stories on the page. (default: 6)"),
    budget: Optional[int] = typer.Option(
        None, "--budget",
        help="Words for the whole page: headlines and points. (default: 480, which prints on one A4 or Letter page)",
    ),
    also: Optional[int] = typer.Option(
        None, "--also", help='Lines in the "also reported" list. (default: 8)'
    ),
    fmt: Optional[str] = typer.Option(
        None, "--format", "-f", help=f"Comma-separated page formats: md, html, txt, json. (default: {DEFAULT_FORMATS})"
    ),
    out_dir: Optional[Path] = typer.Option(
        None, "--out-dir", help="Folder that holds one <date>/ folder per day. (default: outputs)"
    ),
    template_dir: Optional[Path] = typer.Option(
        None, "--template-dir", help="Folder whose daily.<fmt>.j2 templates override the packaged ones."
    ),
    embedder: options.Embedder = None,
    model: options.Model = None,
    judge: options.Judge = None,
    allow_download: options.AllowDownload = None,
    workers: Optional[int] = typer.Option(
        None, "--workers", help="Cluster and brief the day on a Dask cluster of N processes here (pip install "
        "'briefer[scale]'). (default: 0, one after another here)"
    ),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", metavar="ADDRESS",
        help="Cluster and brief the day on an existing Dask cluster, e.g. tcp://10.0.0.5:8786 (docs/daily.md)."
    ),
    config: Optional[Path] = typer.Option(
        None, "--config", help="A briefer.toml with defaults ([daily], [brief], [outlets], [smtp])."
    ),
    email: bool = typer.Option(False, "--email", help="Email the Markdown page (SMTP settings from [smtp])."),
    to: Optional[List[str]] = typer.Option(
        None, "--to", metavar="ADDRESS", help="Recipient for --email; repeat for more. (default: to in [smtp])"
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no warnings on stderr."),
) -> None:
    from briefer.cli import progress_bar
    from briefer.daily.day import day_of, previous_page, build_day, write_day
    from briefer.ingest.feeds import gather
    from briefer.settings import daily_settings

    configured = Config.load(config)
    sections = ("daily", "brief")
    source = configured.text("input", input_path, sections=sections)
    if source is None:
        raise UsageError("give INPUT, or set input in [daily] of the config (try: briefer daily articles/)")
    formats = _formats(configured.value("formats", fmt, sections=sections, default=DEFAULT_FORMATS))
    if email and "md" not in formats:
        formats.append("md")
    smtp = _smtp_settings(configured) if email else None  # a broken [smtp] fails now, not after the page is written
    settings = daily_settings(configured, date=day, stories=stories, budget=budget, also=also, embedder=embedder,
                              model=model, judge=judge, allow_download=allow_download, workers=workers,
                              scheduler=scheduler)
    output = Path(configured.text("out_dir", out_dir, sections=sections, default="outputs"))
    templates = configured.text("template_dir", template_dir, sections=sections)

    from briefer.publish.render import load_template

    for page_format in formats:  # a broken template fails now, not after the day is briefed
        if page_format != "json":
            load_template(page_format, template_dir=templates, family="daily")
    with ExitStack() as cleanup, progress_bar(enabled=not quiet and sys.stderr.isatty()) as report:
        runner = None
        if settings.workers or settings.scheduler:  # an unreachable scheduler fails before the pile is read
            from briefer.daily.scale import dask_runner

            runner = cleanup.enter_context(dask_runner(workers=settings.workers, scheduler=settings.scheduler))
        if str(source) == "-":
            source = stdin_file(Path(cleanup.enter_context(TemporaryDirectory(prefix="briefer-stdin-"))))
        gathered = gather(source, progress=lambda done, total: report("reading", done, total))
        warnings: list[str] = []
        previous = previous_page(output, day_of(gathered.articles, settings.date), warnings)
        result = build_day(gathered, settings, previous=previous, progress=report, runner=runner)
        report("writing", 0, 1)
        paths = write_day(result, output, formats, templates)
        report("writing", 1, 1)
    if not quiet:
        from briefer.cli import warn

        for problem in [*warnings, *result.warnings]:
            warn(problem)
    for path in paths:
        typer.echo(str(path))
    if email:
        _send(next(p for p in paths if p.suffix == ".md"), to, smtp, quiet)


def _formats(value: Any) -> list[str]:
    from briefer.daily.day import PAGE_FORMATS

    names = value if isinstance(value, list) else str(value).split(",")
    formats = [str(name).strip().lower() for name in names if str(name).strip()]
    unknown = [name for name in formats if name not in PAGE_FORMATS]
    if unknown or not formats:
        raise ConfigError(f"unknown format {', '.join(unknown) or repr(value)}: choose from {', '.join(PAGE_FORMATS)}")
    return formats


def _smtp_settings(config: Config):  # type: ignore[no-untyped-def]
    from briefer.publish.mail import resolve_smtp_settings

    return resolve_smtp_settings(config)


def _send(page: Path, to: list[str] | None, smtp, quiet: bool) -> None:  # type: ignore[no-untyped-def]
    from briefer.publish.mail import send_brief

    delivery = send_brief(page, to or None, smtp)
    if not quiet:
        typer.echo(f"emailed {page} to {', '.join(delivery.recipients)}", err=True)
