"""briefer's version and the versions of its two JSON formats, in a module of their own: the modules that stamp
them on their output (``publish.render``, ``daily.day``) then need not import the package that imports them."""

from importlib.metadata import PackageNotFoundError, version

try:
    VERSION = version("briefer")
except PackageNotFoundError:  # running from a checkout that was not installed
    VERSION = "0.0.0"
# The "generator" field of every JSON output.
GENERATOR = f"briefer {VERSION}"
# Raised when a field of the format changes meaning or goes away: a brief (briefer/data/brief.schema.json) and a
# daily page (docs/daily.md).
BRIEF_SCHEMA_VERSION = 1
PAGE_SCHEMA_VERSION = 1
