"""One registry for embedders, rewriters and judges: briefer's own and a plug-in's are found the same way."""

from collections.abc import Sequence
from types import SimpleNamespace

import pytest

from briefer.backends import registry
from briefer.backends.embed import LexicalEmbedder, get_embedder
from briefer.backends.judge import load_judge
from briefer.errors import ModelError
from briefer.pipeline import build_brief
from briefer.rewrite.rewriter import Task, load_rewriter
from tests.conftest import GENEVA_TEXTS, make_article


class NamedLexical(LexicalEmbedder):
    name = "plug-in lexical"


class EchoRewriter:
    """Writes each task's first source back, and remembers the tasks."""

    name = "echo"

    def __init__(self) -> None:
        self.tasks: list[Task] = []

    def generate(self, tasks: Sequence[Task], progress=None) -> list[str]:  # type: ignore[no-untyped-def]
        self.tasks = list(tasks)
        return [task.sources[0] for task in tasks]


def plugin(register):  # type: ignore[no-untyped-def]
    """An installed plug-in as importlib.metadata lists it: an entry point whose module has ``register``."""
    module = SimpleNamespace(register=register)
    return [SimpleNamespace(name="mine", value="my_package.plugin", load=lambda: module)]


@pytest.fixture
def plugins(monkeypatch):  # type: ignore[no-untyped-def]
    """Install plug-ins for one test; the registry is rebuilt before and after."""
    def install(register):  # type: ignore[no-untyped-def]
        monkeypatch.setattr(registry, "entry_points", lambda group: plugin(register) if group == "briefer.backends"
                            else [])
        registry.backends.cache_clear()

    yield install
    registry.backends.cache_clear()


def test_the_built_in_embedders_are_found_by_name() -> None:
    assert registry.backends().names("embedder") == ["static", "minilm", "lexical"]
    assert isinstance(get_embedder("lexical"), LexicalEmbedder)


def test_a_plug_in_embedder_is_found_by_its_name_and_its_alias(plugins) -> None:  # type: ignore[no-untyped-def]
    plugins(lambda r: r.add("embedder", "mine", lambda spec, allow_download: NamedLexical(), aliases=["my-alias"]))
    assert get_embedder("mine").name == "plug-in lexical"
    assert get_embedder("my-alias").name == "plug-in lexical"
    assert get_embedder("lexical").name == "lexical"  # the built-ins are still there
    with pytest.raises(ModelError, match="unknown embedder 'yours'"):
        get_embedder("yours")


def test_a_plug_in_may_not_take_a_built_in_name(plugins) -> None:  # type: ignore[no-untyped-def]
    plugins(lambda r: r.add("embedder", "other", lambda spec, allow_download: NamedLexical(), aliases=["static"]))
    with pytest.raises(ModelError, match="two embedder backends are named 'static'"):
        get_embedder("lexical")


def test_a_plug_in_judge_and_rewriter_are_made_with_their_options(plugins) -> None:  # type: ignore[no-untyped-def]
    made = []

    def register(r):  # type: ignore[no-untyped-def]
        r.add("judge", "strict", lambda spec, allow_download, threshold=None: made.append((spec, threshold)) or spec)
        r.add("rewriter", "echo", lambda spec, allow_download: EchoRewriter())

    plugins(register)
    assert load_judge("strict", threshold=0.9) == "strict" and made == [("strict", 0.9)]
    assert isinstance(load_rewriter(" echo "), EchoRewriter)


def test_build_brief_takes_its_rewriter_as_it_takes_its_embedder() -> None:
    articles = [make_article(f"a{n}", text) for n, text in enumerate(GENEVA_TEXTS, 1)]
    echo = EchoRewriter()
    brief = build_brief(articles, embedder=LexicalEmbedder(), rewriter=echo)
    assert [task.kind for task in echo.tasks][0] == "lede" and echo.tasks[-1].kind == "headline"
    assert len(echo.tasks) == len(brief.points) + 2
