"""The names ``import briefer`` promises: changing them breaks users, so the change must be deliberate."""

import briefer

PUBLIC = [
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


def test_the_public_names_are_exactly_these():
    assert sorted(briefer.__all__) == PUBLIC


def test_every_public_name_is_there_and_render_is_the_function():
    assert all(hasattr(briefer, name) for name in briefer.__all__)
    assert callable(briefer.render)  # the function, not the module briefer.publish.render
    assert isinstance(briefer.__version__, str) and briefer.__version__
