"""Reading an evaluation input (notes, a brief, a dataset) as UTF-8 text, with one clear error per failure."""

from __future__ import annotations

from pathlib import Path

from briefer.errors import InputError


def read_text(path: str | Path, what: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{what} file not found: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{what} path is a folder, not a file: {path}") from None
    except UnicodeDecodeError:
        raise InputError(f"{what} file {path} is not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"cannot read {what} file {path}: {exc.strerror or exc}") from None
