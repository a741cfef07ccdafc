"""Configuration resolved once: CLI options > BRIEFER_* environment > --config TOML > user config > defaults.

A ``briefer.toml`` has one table per concern, e.g. ``[brief]`` (words, model, embedder), ``[outlets]``
(domain = "Outlet name"), ``[daily]``, ``[smtp]`` (host, port, user, security, from; never the password,
which only comes from the environment). The user config lives at ``$BRIEFER_HOME/briefer.toml``
(default ``~/.config/briefer/briefer.toml``).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefer.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True)
class Config:
    """Where every command's settings come from, read one way: the option given, else ``BRIEFER_<NAME>`` in the
    environment, else the ``--config`` file, else the user config, else the default.

    ``sections`` are the config tables a setting is looked up in, first match wins (``daily`` reads
    ``("daily", "brief")`` so a ``[brief]`` default also shapes each story's brief). ``env`` names the environment
    variable when it is not ``BRIEFER_<NAME>`` (``smtp_host`` for ``BRIEFER_SMTP_HOST``).
    """

    tables: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Config:
        return cls(load_config(path))

    def section(self, name: str) -> dict[str, Any]:
        return table(self.tables, name)

    def value(self, name: str, given: Any = None, *, sections: tuple[str, ...] = ("brief",), default: Any = None,
              kind: type = str, env: str | None = None) -> Any:
        if given is not None:
            return given
        raw = env_value(env or name)
        if raw is not None:
            return _from_environment(raw, env or name, kind)
        for section in sections:
            values = self.section(section)
            if name in values:
                return values[name]
        return default

    def text(self, name: str, given: Any = None, *, sections: tuple[str, ...] = ("brief",), default: Any = None,
             env: str | None = None) -> Any:
        """A setting that must be text: a name, a path, a format."""
        return text_setting(self.value(name, given, sections=sections, default=default, env=env), name)

    def number(self, name: str, given: Any = None, *, sections: tuple[str, ...] = ("brief",), default: int,
               minimum: int, maximum: int | None = None) -> int:
        """A whole number within the same bounds as its command-line option."""
        value = self.value(name, given, sections=sections, default=default, kind=int)
        return whole_number(value, name, minimum, maximum)

    def flag(self, name: str, given: bool | None = None, *, sections: tuple[str, ...] = ("brief",),
             default: bool = False) -> bool:
        """A setting that is on or off: ``true`` or ``false`` in the file, never a string that merely looks like one."""
        value = self.value(name, given, sections=sections, default=default, kind=bool)
        if not isinstance(value, bool):
            raise ConfigError(f"{name} must be true or false, not {value!r}")
        return value

    def outlets(self) -> dict[str, str]:
        return outlet_names(self.tables)


def user_home() -> Path:
    """briefer's per-user folder; tests point ``BRIEFER_HOME`` at a temporary folder."""
    return Path(os.environ.get("BRIEFER_HOME") or Path.home() / ".config" / "briefer")


def load_config(path: str | Path | None = None) -> dict[str, Any]:
    """The merged config tables: the user config, then ``path`` on top of it (a missing ``path`` is an error)."""
    merged: dict[str, Any] = {}
    user_file = user_home() / "briefer.toml"
    files = [user_file] if user_file.is_file() else []
    if path is not None:
        if not Path(path).is_file():
            raise ConfigError(f"config file not found: {path}")
        files.append(Path(path))
    for file in files:
        try:
            data = tomllib.loads(Path(file).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config {file}: {exc}") from None
        for table, values in data.items():
            if isinstance(values, dict):
                values = _paths_from(Path(file).parent, values)
                merged.setdefault(table, {}).update(values)
            else:
                merged[table] = values
    return merged


# Settings that are paths: relative ones mean relative to the config file, wherever briefer is run from.
_PATH_SETTINGS = ("template_dir", "input", "out_dir", "model")


def _paths_from(folder: Path, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with relative paths made relative to ``folder``; a model is a path only when it exists there (else
    it is an alias such as "smollm2" or a hub id)."""
    resolved = dict(values)
    for key in _PATH_SETTINGS:
        value = values.get(key)
        if not isinstance(value, str) or not value or Path(value).is_absolute():
            continue
        if key == "model" and not (folder / value).exists():
            continue
        resolved[key] = str(folder / value)
    return resolved


def env_value(name: str) -> str | None:
    """``BRIEFER_<NAME>`` from the environment, or None when unset or empty."""
    return os.environ.get(f"BRIEFER_{name.upper()}") or None


def _from_environment(raw: str, name: str, kind: type) -> Any:
    if kind is bool:
        return raw.lower() in ("1", "true", "yes", "on")
    try:
        return kind(raw)
    except ValueError:
        raise ConfigError(f"BRIEFER_{name.upper()}={raw!r} is not a valid {kind.__name__}") from None


def table(tables: dict[str, Any], name: str) -> dict[str, Any]:
    """The ``[name]`` table of the config, empty when absent; a value that is not a table is a ConfigError."""
    value = tables.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"[{name}] in the config must be a table of settings, not {value!r}")
    return value


def text_setting(value: Any, name: str) -> Any:
    """A setting that must be text (a name, a path, a format): anything else from a config is a ConfigError."""
    if value is None or isinstance(value, (str, Path)):
        return value
    raise ConfigError(f"{name} in the config must be text in quotes, not {value!r}")


def whole_number(value: Any, name: str, minimum: int, maximum: int | None = None) -> int:
    """A setting that must be a whole number within bounds (the same bounds as its command-line option)."""
    within = isinstance(value, int) and not isinstance(value, bool) and value >= minimum
    if not within or (maximum is not None and value > maximum):
        bounds = f"from {minimum} to {maximum}" if maximum is not None else f"of at least {minimum}"
        raise ConfigError(f"{name} must be a whole number {bounds}, not {value!r}")
    return value


def outlet_names(tables: dict[str, Any]) -> dict[str, str]:
    """The ``[outlets]`` table (domain = "Outlet name"), checked: both sides text."""
    outlets = table(tables, "outlets")
    for domain, name in outlets.items():
        if not isinstance(name, str):
            raise ConfigError(f'[outlets] {domain} must be an outlet name in quotes, not {name!r}')
    return {str(domain): name for domain, name in outlets.items()}
