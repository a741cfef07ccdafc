"""Writing outputs so that nothing is ever half-written: a temporary file beside the target, then a rename.

A run killed with SIGKILL cannot remove its temporary file; the next write to the same target removes those
older than ``STALE_AFTER_S`` (a write never takes that long, so a concurrent run's file is never touched).
``write_set`` replaces several files as one: staged first, then renamed under a journal that the next run
finishes if the renaming was cut short.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from briefer.errors import OutputError


STALE_AFTER_S = 3600
# The journal of a set of renames in progress (write_set): hidden, in the folder the set is written to.
JOURNAL = ".briefer-pending.json"


def write_atomic(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` atomically; an existing file is replaced whole or left untouched."""
    path = Path(path)
    _remove_stale_temporaries(path)
    tmp = _staged(path, text)
    try:
        os.replace(tmp, path)
        _sync_folder(path.parent)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def write_set(folder: str | Path, files: Mapping[str, str]) -> list[Path]:
    """Replace the files of ``folder`` (relative names -> text) as one set: every file staged and synced, then a
    journal of the renames, then the renames. A run killed before the journal leaves the old set (its staged files
    are removed by the next run); one killed during the renames is finished by the next ``write_set`` or
    ``finish_interrupted_set`` on the folder."""
    folder = Path(folder)
    finish_interrupted_set(folder, files)
    staged: dict[str, str] = {}
    try:
        for name, text in files.items():
            staged[name] = os.path.relpath(_staged(folder / name, text), folder)
        write_atomic(folder / JOURNAL, json.dumps(staged))
    except BaseException:
        for tmp in staged.values():
            (folder / tmp).unlink(missing_ok=True)
        raise
    finish_interrupted_set(folder, files)
    return [folder / name for name in files]


def finish_interrupted_set(folder: str | Path, names: Iterable[str] = ()) -> None:
    """Finish the renames of a journal left by a killed ``write_set``, then remove the temporaries of the set's
    files (``names`` and the journal's) and of its sub-folders (only sets write there, e.g. daily's ``stories/``);
    other files' temporaries, such as a concurrent brief's, are left alone."""
    folder = Path(folder)
    journal = folder / JOURNAL
    try:
        pending = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pending = {}
    if not isinstance(pending, dict):
        pending = {}
    try:
        for name, tmp in pending.items():
            if _inside(folder, name) and _inside(folder, tmp) and (folder / tmp).is_file():
                os.replace(folder / tmp, folder / name)
        for synced in {(folder / name).parent for name in pending if _inside(folder, name)} | {folder}:
            _sync_folder(synced)
        journal.unlink(missing_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot finish the interrupted write in {folder}: {exc.strerror or exc}") from None
    names = {name for name in [*names, *pending, JOURNAL] if _inside(folder, name)}
    for name in names:
        for tmp in (folder / name).parent.glob(f".{_glob_escape(Path(name).name)}.*.tmp"):
            tmp.unlink(missing_ok=True)
    for sub_folder in {Path(name).parent for name in names} - {Path(".")}:
        for tmp in (folder / sub_folder).glob(".*.tmp"):
            tmp.unlink(missing_ok=True)


@contextmanager
def folder_lock(folder: str | Path) -> Iterator[None]:
    """Hold ``folder``'s lock (``.briefer.lock``, flock) for one writer at a time; a second is an OutputError
    at once rather than a wait, so that two runs never interleave their files."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / ".briefer.lock", "a")
    except OSError as exc:
        raise OutputError(f"cannot write {folder}: {_folder_problem(folder / 'x') or exc.strerror or exc}") from None
    with handle:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no advisory locks, writes stay atomic one by one
            yield
            return
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise OutputError(f"another briefer run is writing {folder}: try again when it has finished") from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _inside(folder: Path, name: object) -> bool:
    return isinstance(name, str) and ".." not in Path(name).parts and not Path(name).is_absolute()


def _staged(path: Path, text: str) -> str:
    """``text`` in a synced temporary file beside ``path``, with the mode ``path`` has or will have."""
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
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise
    return tmp


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable: without this a power cut can bring back the old name."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename itself is still atomic
    finally:
        os.close(fd)


def _remove_stale_temporaries(path: Path) -> None:
    """Temporaries of ``path`` left by a killed run (older than ``STALE_AFTER_S``)."""
    if not path.parent.is_dir():
        return
    cutoff = time.time() - STALE_AFTER_S
    for tmp in path.parent.glob(f".{_glob_escape(path.name)}.*.tmp"):
        try:
            if tmp.stat().st_mtime < cutoff:
                tmp.unlink()
        except OSError:
            pass


def _glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


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
