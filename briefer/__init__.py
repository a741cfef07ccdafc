"""briefer: a sourced one-page brief from a cluster of news articles.

    from briefer import brief_from_path, render
    brief = brief_from_path("cluster/")       # or build_brief(articles, BriefSettings(words=250))
    print(render(brief, "md"))
"""

from briefer.errors import BrieferError, ConfigError, DeliveryError, InputError, ModelError, OutputError
from briefer.pipeline import brief_from_path, build_brief
from briefer.publish.render import brief_to_dict, render
from briefer.settings import LENGTH_PRESETS, BriefSettings
from briefer.types import Article, Brief, Claim, Point, Sentence
from briefer.version import VERSION as __version__

# The daily page's API loads clustering (scipy) only when used: ``from briefer import compose_page``.
_DAILY = {"compose_page": "briefer.daily.day", "StoryFailure": "briefer.daily.page", "Page": "briefer.daily.page",
          "PreviousPage": "briefer.daily.page", "DailySettings": "briefer.settings"}


def __getattr__(name: str) -> object:
    if name in _DAILY:
        import importlib

        return getattr(importlib.import_module(_DAILY[name]), name)
    raise AttributeError(f"module 'briefer' has no attribute {name!r}")

__all__ = [
    "Article",
    "Brief",
    "BriefSettings",
    "BrieferError",
    "Claim",
    "ConfigError",
    "DailySettings",
    "DeliveryError",
    "InputError",
    "LENGTH_PRESETS",
    "ModelError",
    "OutputError",
    "Page",
    "Point",
    "PreviousPage",
    "Sentence",
    "StoryFailure",
    "brief_from_path",
    "brief_to_dict",
    "build_brief",
    "compose_page",
    "render",
]
