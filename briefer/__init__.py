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

__all__ = [
    "Article",
    "Brief",
    "BriefSettings",
    "BrieferError",
    "Claim",
    "ConfigError",
    "DeliveryError",
    "InputError",
    "LENGTH_PRESETS",
    "ModelError",
    "OutputError",
    "Point",
    "Sentence",
    "brief_from_path",
    "brief_to_dict",
    "build_brief",
    "render",
]
