"""The ``briefer`` command: a thin layer over the Python API.

This package is the only place that prints to the terminal or exits. Library errors (``briefer.errors``) become
one red line on stderr and the exit code of their kind; see ``briefer --help`` for the codes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import typer
from typer.core import TyperGroup

from briefer.errors import BrieferError
from briefer.text.printable import printable_line
from briefer.types import StageProgress

EXIT_CODES_HELP = (
    "Exit codes: 0 ok, 1 other error, 2 bad input or usage, 3 bad config or option, 4 model problem, "
    "5 email not delivered, 6 output not written."
)



class _BrieferGroup(TyperGroup):
    """Turns library errors into one red line on stderr and their exit code, for every command."""

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except BrieferError as exc:
            fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            fail("interrupted", 130)


app = typer.Typer(
    cls=_BrieferGroup,
    name="briefer",
    help="Turn a cluster of news articles into a sourced one-page brief.\n\n" + EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        from briefer.version import VERSION

        typer.echo(f"briefer {VERSION}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", is_eager=True, callback=_print_version,
                                 help="Print briefer's version and exit."),
) -> None:
    """Keeps ``briefer`` a group of commands even while only one is registered."""


def fail(message: str, code: int) -> None:
    """Print one red error line on stderr and exit with ``code``."""
    typer.secho(f"error: {printable_line(message)}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    """Print one yellow warning line on stderr; file names in it may hold terminal escapes, which never get out."""
    typer.secho(f"warning: {printable_line(message)}", fg=typer.colors.YELLOW, err=True)


@contextmanager
def progress_bar(*, enabled: bool) -> Iterator[StageProgress]:
    """A rich progress bar on stderr, one line per stage, fed by ``report(stage, done, total)``; stdout stays clean.

    Disabled, it yields a report that does nothing, so callers never branch on it.
    """
    if not enabled:
        yield lambda stage, done, total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        tasks: dict[str, Any] = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield report


# Each command lives in its own module; register it here, one line each.
from briefer.cli import brief as _brief  # noqa: E402

app.command("brief", help=_brief.__doc__, epilog=EXIT_CODES_HELP)(_brief.brief_command)
from briefer.cli import daily as _daily  # noqa: E402

app.command("daily", help=_daily.__doc__, epilog=EXIT_CODES_HELP)(_daily.daily_command)
from briefer.cli import email as _email  # noqa: E402

app.command("email", help=_email.__doc__, epilog=EXIT_CODES_HELP)(_email.email_command)
from briefer.cli import evaluate as _evaluate  # noqa: E402

app.command("evaluate", help=_evaluate.__doc__, epilog=EXIT_CODES_HELP)(_evaluate.evaluate_command)
from briefer.cli import models as _models  # noqa: E402

app.add_typer(_models.models_app, name="models", help="List and add local models for the abstractive rewriter.")


def main() -> None:
    """Console-script entry point."""
    app()
