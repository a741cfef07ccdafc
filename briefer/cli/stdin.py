"""``-`` as INPUT: what stdin holds, saved as the kind of file it looks like, so it loads as that file would."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from briefer.errors import InputError

_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")


def stdin_file(folder: Path) -> Path:
    """Save stdin into ``folder`` as JSON, JSON lines, a feed, a web page or text, by what its first bytes are."""
    from briefer.ingest.load import MAX_RECORDS_BYTES, the_limit

    data = sys.stdin.buffer.read(MAX_RECORDS_BYTES + 1)
    if len(data) > MAX_RECORDS_BYTES:
        raise InputError(f"stdin is over {the_limit(MAX_RECORDS_BYTES)}")
    path = folder / f"stdin{_suffix(data)}"
    path.write_bytes(data)
    return path


def _suffix(data: bytes) -> str:
    start = data.lstrip()[:1]
    if start in (b"{", b"["):
        try:
            json.loads(data)
            return ".json"
        except (ValueError, RecursionError):
            return ".jsonl"
    if start == b"<":
        head = data[:4096].lower()
        return ".xml" if any(root in head for root in _FEED_ROOTS) else ".html"
    return ".txt"
