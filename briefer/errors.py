"""Errors briefer raises, each with the exit code the CLI turns it into.

    BrieferError (exit 1)
    ├── InputError (exit 2)      a path, file or cluster that cannot be read or holds no usable text
    ├── UsageError (exit 2)      a command line that cannot be right (no INPUT, an unknown --format)
    ├── ConfigError (exit 3)     a bad option, config file or template
    ├── ModelError (exit 4)      a model that is missing, broken or cannot be loaded
    ├── DeliveryError (exit 5)   an email that could not be sent
    └── OutputError (exit 6)     an output that could not be written

Library code raises these with a message that says how to fix the problem; only ``briefer.cli`` prints them.
"""

from collections.abc import Sequence


class BrieferError(Exception):
    exit_code = 1


class InputError(BrieferError):
    exit_code = 2


class UsageError(BrieferError):
    exit_code = 2


class ConfigError(BrieferError):
    exit_code = 3


class ModelError(BrieferError):
    exit_code = 4


class DeliveryError(BrieferError):
    exit_code = 5


class OutputError(BrieferError):
    exit_code = 6


def missing_dependency(exc: ImportError, needs: str, extra: str) -> str:
    """The line for an optional dependency that would not import: the real import error (an installed package fails
    too when one of its own dependencies moved: lxml.html.clean) and the line that installs it."""
    return f"{needs}, which failed to import ({exc}): pip install 'briefer[{extra}]'"


def nothing_readable(where: str, problems: Sequence[str]) -> InputError:
    """The error for an input none of whose files could be used: its first problem, and how many more there were."""
    # One file's problem names the file, as ``where`` does then: once is enough ("no readable article in a.html: no
    # article text found in the page").
    first = problems[0].removesuffix("; skipped").removeprefix(f"{where}: ") if problems else "nothing to read"
    rest = len(problems) - 1
    more = f" (and {rest} more problem{'s' if rest > 1 else ''})" if rest > 0 else ""
    return InputError(f"no readable article in {where}: {first}{more}")
