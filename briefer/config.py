"""Configuration resolved once: CLI options > BRIEFER_* environment > --config TOML > user config > defaults.

A ``briefer.toml`` has one table per concern, e.g. ``[brief]`` (words, model, embedder), ``[outlets]``
(domain = "Outlet name"), ``[daily]``, ``[smtp]`` (host, port, user, security, from; never the password,
which only comes from the environment). The user config lives at ``$BRIEFER_HOME/briefer.toml``
(default ``~/.config/briefer/briefer.toml``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from briefer.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


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
                merged.setdefault(table, {}).update(values)
            else:
                merged[table] = values
    return merged


def env_value(name: str) -> str | None:
    """``BRIEFER_<NAME>`` from the environment, or None when unset or empty."""
    return os.environ.get(f"BRIEFER_{name.upper()}") or None


def resolve(cli_value: Any, name: str, table: dict[str, Any], default: Any, kind: type = str) -> Any:
    """One option by precedence: the CLI value, else ``BRIEFER_<NAME>``, else the config table, else default."""
    if cli_value is not None:
        return cli_value
    raw = env_value(name)
    if raw is None:
        return table.get(name, default)
    if kind is bool:
        return raw.lower() in ("1", "true", "yes", "on")
    try:
        return kind(raw)
    except ValueError:
        raise ConfigError(f"BRIEFER_{name.upper()}={raw!r} is not a valid {kind.__name__}") from None
