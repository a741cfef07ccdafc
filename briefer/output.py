"""Writing outputs so that nothing is ever half-written: a temporary file beside the target, then a rename."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from briefer.errors import OutputError


def write_atomic(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` atomically; an existing file is replaced whole or left untouched."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {_folder_problem(path) or exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _file_mode(path))
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise
    return path


def _folder_problem(path: Path) -> str | None:
    """Why a file cannot go in its folder, when the reason is a file standing where a folder must be: "File exists"
    alone does not say which."""
    for folder in path.parents:
        if folder.exists():
            return None if folder.is_dir() else f"{folder} is a file, not a folder"
    return None


def _file_mode(path: Path) -> int:
    """An existing file keeps its mode; a new one gets the usual 0666 less the umask (mkstemp would give 0600)."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def slugify(text: str, max_length: int = 60) -> str:
    """A file-name-safe slug of a headline: ASCII, lower case, hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "untitled"  # never "brief": the daily page is brief.<ext>
