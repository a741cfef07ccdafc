"""One registry for the models behind a brief: embedders, rewriters and support judges.

A backend is a kind, a name (with aliases) and a factory ``factory(spec, allow_download=..., **options)``; it is
found by its name or alias, or, for specs that are not names (a model folder, a ``.gguf`` file, a hub id), by its
``accepts(spec, allow_download)`` test, tried in the order backends were added. briefer's own backends register
through the same hook a plug-in uses, as ``llm`` registers its built-in models: a module with a
``register(registry)`` function. A plug-in package names its module in the entry point group
``briefer.backends``::

    [project.entry-points."briefer.backends"]
    mine = "my_package.briefer_plugin"     # def register(registry): registry.add("embedder", "mine", make_mine)

Adding a backend then touches no briefer module.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import entry_points
from typing import Any, Literal

from briefer.errors import ModelError

Kind = Literal["embedder", "rewriter", "judge"]
ENTRY_POINT_GROUP = "briefer.backends"
# briefer's own backends, registered before any plug-in's.
BUILT_IN = ("briefer.backends.embed", "briefer.backends.judge", "briefer.rewrite.rewriter")

Factory = Callable[..., Any]  # (spec, *, allow_download, **options) -> the backend
Accepts = Callable[[str, bool], bool]  # (spec, allow_download) -> whether this backend takes the spec


@dataclass(frozen=True)
class Backend:
    kind: Kind
    name: str
    factory: Factory
    aliases: tuple[str, ...] = ()
    accepts: Accepts | None = None  # for specs that are not names: a folder, a file, a hub id

    def create(self, spec: str, *, allow_download: bool = False, **options: Any) -> Any:
        return self.factory(spec, allow_download=allow_download, **options)


class Registry:
    def __init__(self) -> None:
        self._backends: list[Backend] = []

    def add(self, kind: Kind, name: str, factory: Factory, *, aliases: Iterable[str] = (),
            accepts: Accepts | None = None) -> None:
        """Register a backend; a name or alias that is already taken for this kind is a ModelError."""
        backend = Backend(kind, name, factory, tuple(aliases), accepts)
        taken = {n for b in self._backends if b.kind == kind for n in (b.name, *b.aliases)}
        clashes = sorted(taken & {name, *backend.aliases})
        if clashes:
            raise ModelError(f"two {kind} backends are named {clashes[0]!r}: uninstall one of the plug-ins")
        self._backends.append(backend)

    def find(self, kind: Kind, spec: str, *, allow_download: bool = False) -> Backend | None:
        """The backend a spec asks for: by name or alias first, then the first that accepts it; None if none."""
        mine = [b for b in self._backends if b.kind == kind]
        named = next((b for b in mine if spec == b.name or spec in b.aliases), None)
        if named is not None:
            return named
        return next((b for b in mine if b.accepts is not None and b.accepts(spec, allow_download)), None)

    def create(self, kind: Kind, spec: str, *, allow_download: bool = False, unknown: str, **options: Any) -> Any:
        """The backend a spec asks for, made; ``unknown`` is the ModelError's message when no backend takes it."""
        backend = self.find(kind, spec, allow_download=allow_download)
        if backend is None:
            raise ModelError(unknown)
        return backend.create(spec, allow_download=allow_download, **options)

    def names(self, kind: Kind) -> list[str]:
        """The names of the backends of a kind that are found by name, in the order they were added."""
        return [b.name for b in self._backends if b.kind == kind and b.accepts is None]


@lru_cache(maxsize=1)
def backends() -> Registry:
    """The registry: briefer's own backends, then every plug-in's, loaded once per process."""
    registry = Registry()
    for module in BUILT_IN:
        importlib.import_module(module).register(registry)
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        try:
            plugin = entry.load()
        except Exception as exc:  # a broken plug-in is named, not a traceback
            raise ModelError(f"cannot load the briefer plug-in {entry.name} ({entry.value}): {exc}") from None
        plugin.register(registry)
    return registry
