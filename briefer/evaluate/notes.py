"""Reference notes: one fact per line or bullet, optionally ``(core)``, ending with ``[sources]``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from briefer.errors import InputError
from briefer.evaluate.files import read_text

BULLET = re.compile(r"^(?:[-*+\u2022]|\d+[.)])\s+")
_TRAILING_SOURCES = re.compile(r"\s*\[([^\[\]]*)\]\s*$")
_CORE_TAG = re.compile(r"\s*\(core\)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Note:
    """One reference fact; ``sources`` as written in the notes (article ids or outlet names)."""

    text: str
    sources: tuple[str, ...] = ()
    core: bool = False
    line: int = 0


def parse_notes(text: str) -> tuple[Note, ...]:
    """Notes from Markdown or plain text.

    Headings and HTML comments are skipped. When any line is a bullet (``-``, ``*``, ``+``, ``1.``), only bullets
    are facts and other lines are commentary; otherwise every non-blank line is a fact.
    """
    lines = [(number, raw.strip()) for number, raw in enumerate(text.splitlines(), 1)]
    lines = [(n, line) for n, line in lines if line and not line.startswith(("#", "<!--"))]
    bulleted = any(BULLET.match(line) for _, line in lines)
    notes = []
    for number, line in lines:
        bullet = BULLET.match(line)
        if bulleted and not bullet:
            continue
        body = line[bullet.end():] if bullet else line
        sources: tuple[str, ...] = ()
        found = _TRAILING_SOURCES.search(body)
        if found:
            sources = tuple(s.strip() for s in re.split(r"[,;]", found.group(1)) if s.strip())
            body = body[: found.start()]
        core = bool(_CORE_TAG.search(body))
        body = " ".join(_CORE_TAG.sub(" ", body).split())
        if body:
            notes.append(Note(body, sources, core, number))
    return tuple(notes)


def read_notes(path: str | Path) -> tuple[Note, ...]:
    """The notes in a file; an unreadable or empty file is an ``InputError`` that says what is expected."""
    notes = parse_notes(read_text(path, "notes"))
    if not notes:
        raise InputError(f"no notes found in {path}: write one fact per line or '- ' bullet")
    return notes
