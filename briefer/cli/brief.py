"""Brief one cluster of articles about one event.

INPUT is a folder of article files (.txt, .md, .json, .html), a .jsonl of {title, url, date, outlet, text}
records, or a single article file. The brief is written to outputs/<date>/<slug>.<ext> unless --out says
otherwise, and its path is printed. Files that cannot be read are reported on stderr and skipped.
"""

from __future__ import annotations

from contextlib import ExitStack
from datetime import date as _date
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Optional

import typer

from briefer.cli import options
from briefer.cli.stdin import stdin_file
from briefer.config import Config
from briefer.errors import ConfigError, UsageError
from briefer.settings import brief_settings


def brief_command(
    input_path: Optional[Path] = typer.Argument(
        None, metavar="INPUT", help="Cluster folder, .jsonl file or single article file; - reads one article (text, "
        "JSON or JSON lines) from stdin.", show_default=False
    ),
    sample: bool = typer.Option(False, "--sample", help="Brief the bundled sample cluster instead of INPUT."),
    fmt: Optional[str] = typer.Option(
        None, "--format", "-f", help="Output format: md, html, txt or json. (default: md, or from the suffix of --out)"
    ),
    out: Optional[str] = typer.Option(
        None, "--out", "-o",
        help="Where to write: a file, an existing folder (or one ending in /), or - for stdout. "
        "(default: outputs/<date>/<slug>.<ext>)",
    ),
    words: Optional[int] = typer.Option(
        None, "--words",
        help="Word budget for the lede and key points (the headline and sources list come on top); words the points "
        "leave over go to the sentences that follow them in their own articles. Overrides --length.",
    ),
    length: Optional[str] = typer.Option(
        None, "--length", help="Budget preset: short (200 words), medium (350), long (550). (default: medium)"
    ),
    template: Optional[Path] = typer.Option(None, "--template", help="Render with your own Jinja2 template file."),
    template_dir: Optional[Path] = typer.Option(
        None, "--template-dir", help="Folder whose brief.<fmt>.j2 templates override the packaged ones."
    ),
    embedder: options.Embedder = None,
    model: options.Model = None,
    judge: options.Judge = None,
    no_model: bool = typer.Option(False, "--no-model", help="Keep the brief extractive, whatever the config says."),
    explain: bool = typer.Option(
        False, "--explain", help="Print on stderr which points the model wrote and why rewrites were rejected."
    ),
    allow_download: options.AllowDownload = None,
    config: Optional[Path] = typer.Option(None, "--config", help="A briefer.toml with defaults ([brief], [outlets])."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Do not print warnings about skipped files."),
) -> None:
    from briefer.cli import progress_bar, warn
    from briefer.ingest.load import sample_cluster_path
    from briefer.publish.output import slugify, write_atomic
    from briefer.pipeline import brief_from_path
    from briefer.publish.render import FORMATS, load_template, render

    if sample == (input_path is not None):
        raise UsageError("give either INPUT or --sample (try: briefer brief --sample)")
    configured = Config.load(config)
    settings = brief_settings(configured, words=words, length=length, embedder=embedder, model=model, judge=judge,
                              allow_download=allow_download, no_model=no_model)
    fmt = configured.text("format", fmt) or _format_from_out(out) or "md"
    template_dir = configured.text("template_dir", template_dir)
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")

    if fmt != "json" or template is not None:
        load_template(fmt, template=template, template_dir=template_dir)  # a broken template fails now, not later
    with ExitStack() as cleanup:
        source = input_path if input_path is not None else sample_cluster_path()  # one or the other, checked above
        if str(source) == "-":
            source = stdin_file(Path(cleanup.enter_context(TemporaryDirectory(prefix="briefer-stdin-"))))
        with progress_bar(enabled=bool(settings.model) and not quiet) as report:
            brief = brief_from_path(source, settings, progress=lambda done, total: report("rewriting", done, total))
    if not quiet:
        for problem in brief.warnings:
            warn(problem)
    if explain:
        from briefer.rewrite.rewriter import explain_rewrites

        typer.echo(explain_rewrites(brief), err=True)
    text = render(brief, fmt, template=template, template_dir=template_dir)
    if out == "-":
        typer.echo(text, nl=False)
        return
    extension = fmt if template is None else "".join(Path(template).suffixes[:-1]).lstrip(".") or fmt
    target = _target_path(out, brief.date, slugify(brief.headline), extension)
    _refuse_output_among_inputs(target, source)
    typer.echo(str(write_atomic(target, text)))


def _refuse_output_among_inputs(target: Path, source: Path) -> None:
    """An --out that is an input file would replace the article; one in the input folder would be read back as an
    article by the next run. Both are refused before anything is written."""
    where = target.resolve().parent
    if source.is_dir() and where == source.resolve():
        raise ConfigError(f"--out {target} is inside the input folder {source}: the next run would read the brief as "
                          "an article; write it to another folder")
    if source.is_file() and target.resolve() == source.resolve():
        raise ConfigError(f"--out {target} is the input file: it would replace the article; write it elsewhere")


def _format_from_out(out: str | None) -> str | None:
    if not out or out == "-":
        return None
    suffix = Path(out).suffix.lstrip(".").lower()
    return {"markdown": "md", "htm": "html", "text": "txt"}.get(suffix, suffix) or None


def _target_path(out: str | None, brief_date: str | None, slug: str, extension: str) -> Path:
    name = f"{slug}.{extension}"
    if out is None:
        return Path("outputs") / (brief_date or _date.today().isoformat()) / name
    if out.endswith(("/", "\\")) or Path(out).is_dir():
        return Path(out) / name
    return Path(out)
