"""Gathering a day of articles from whatever the user saved: feeds, pages, article files, clusters.

INPUT may be one file or a folder mixing: sub-folders (each one story someone already clustered), ``.jsonl`` files
(one article a line, with an optional ``cluster``/``story`` id; or one cluster a line, ``{"id", "articles": [...]}``,
as in the eval sets), saved RSS/Atom feeds (``.xml``, ``.rss``, ``.atom``, read with feedparser, which never
touches the network when given bytes), JSON Feeds (``.json`` whose ``version`` names jsonfeed.org) and article
files of every kind ``briefer.ingest.load`` reads (``.txt``, ``.md``, ``.json``, ``.html`` through trafilatura). As
in ``load``, one bad file is a problem line, not a failure.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from briefer.errors import InputError, missing_dependency
from briefer.ingest.load import (
    ARTICLE_SUFFIXES,
    MAX_RECORDS_BYTES,
    LoadedCluster,
    articles_from_records,
    load_cluster,
    normalise_date,
    open_regular,
    parsed_json,
    read_capped,
    the_limit,
)
from briefer.types import Article, Progress

FEED_SUFFIXES = (".xml", ".rss", ".atom")
# Keys of a .jsonl article record that name the story it belongs to.
STORY_KEYS = ("cluster", "cluster_id", "story", "story_id")
_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"})


@dataclass(frozen=True)
class Gathered:
    """Every article read, the story each was already put in (row for row, None: not clustered), the problems."""

    articles: tuple[Article, ...]
    stories: tuple[str | None, ...]
    problems: tuple[str, ...]


def gather(path: str | Path, *, progress: Progress | None = None) -> Gathered:
    """Read every article under ``path``; ``progress(done, total)`` is told after each file or folder."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"no such file or folder: {path}")
    entries = [path] if path.is_file() else _entries(path)
    if not entries:
        kinds = ", ".join(ARTICLE_SUFFIXES + FEED_SUFFIXES)
        raise InputError(f"nothing to read in {path}: expected story folders or {kinds} files")
    articles: list[Article] = []
    stories: list[str | None] = []
    problems: list[str] = []
    for done, entry in enumerate(entries, start=1):
        for article, story in _read(entry, path, problems):
            articles.append(article)
            stories.append(story)
        if progress is not None:
            progress(done, len(entries))
    return Gathered(tuple(articles), tuple(stories), tuple(problems))


def read_feed(path: str | Path) -> LoadedCluster:
    """The entries of a saved RSS or Atom feed as articles; a file that is no feed is a problem line."""
    path = Path(path)
    try:
        import feedparser
    except ImportError as exc:
        why = missing_dependency(exc, "reading feeds needs feedparser", "daily")
        return LoadedCluster((), (f"{path}: {why}; skipped",))
    try:
        data = read_capped(path, MAX_RECORDS_BYTES)
    except InputError as exc:
        return LoadedCluster((), (f"{path}: {exc}; skipped",))
    parsed = feedparser.parse(data)  # bytes, never a URL: no network
    if not parsed.get("version") or (parsed.get("bozo") and not parsed.entries):
        reason = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        return LoadedCluster((), (f"{path}: not an RSS or Atom feed{reason}; skipped",))
    feed_title = (parsed.feed.get("title") or "").strip() or None
    articles: list[Article] = []
    without_text = 0
    for number, entry in enumerate(parsed.entries, start=1):
        text = _entry_text(entry)
        if not text:
            without_text += 1
            continue
        link = (entry.get("link") or "").strip() or None
        articles.append(Article(
            id=f"a{len(articles) + 1}",
            text=text,
            title=" ".join((entry.get("title") or "").split()) or None,
            url=link,
            date=_entry_date(entry),
            outlet=None if link else feed_title,  # with a link, the outlet comes from its domain
            source=f"{path}#{number}",
        ))
    problems = [f"{path}: {without_text} feed entries have no text; skipped"] if without_text else []
    if type(parsed.get("bozo_exception")).__name__ in ("CharacterEncodingOverride", "CharacterEncodingUnknown"):
        problems.append(f"{path}: not in the charset it declares: read as {parsed.get('encoding')}; check it for "
                        "wrong characters")
    if not parsed.entries:
        problems.append(f"{path}: feed has no entries")
    return LoadedCluster(tuple(articles), tuple(problems))


def read_json_feed(path: Path, feed: Mapping) -> LoadedCluster:
    """The items of a JSON Feed (jsonfeed.org 1.0/1.1) as articles, as ``read_feed`` reads RSS and Atom."""
    feed_title = " ".join(str(feed.get("title") or "").split()) or None
    items = [item for item in feed.get("items") or [] if isinstance(item, Mapping)]
    articles: list[Article] = []
    for number, item in enumerate(items, start=1):
        text = _text_field(item.get("content_text")) or html_text(_text_field(item.get("content_html")) or "") \
            or _text_field(item.get("summary"))
        if not text:
            continue
        link = _text_field(item.get("url")) or _text_field(item.get("external_url"))
        published = _text_field(item.get("date_published")) or _text_field(item.get("date_modified"))
        articles.append(Article(
            id=f"a{len(articles) + 1}",
            text=text,
            title=" ".join((_text_field(item.get("title")) or "").split()) or None,
            url=link,
            date=normalise_date(published),
            outlet=None if link else feed_title,  # with a link, the outlet comes from its domain
            source=f"{path}#{number}",
        ))
    skipped = len(items) - len(articles)
    problems = [f"{path}: {skipped} feed items have no text; skipped"] if skipped else []
    return LoadedCluster(tuple(articles), tuple(problems if items else [f"{path}: feed has no items"]))


def _json_feed(path: Path) -> Mapping | None:
    """The parsed file when it is a JSON Feed (its ``version`` names jsonfeed.org), else None: an article file."""
    try:
        with path.open("rb") as file:
            head = file.read(2048)
        if b"jsonfeed.org" not in head:
            return None
        data = json.loads(read_capped(path, MAX_RECORDS_BYTES).decode("utf-8-sig"))
    except (OSError, InputError, ValueError, RecursionError):
        return None  # read as an article file, which reports the problem
    is_feed = isinstance(data, dict) and str(data.get("version", "")).startswith("https://jsonfeed.org/version/")
    return data if is_feed else None


def _text_field(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def html_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's summary or content): tags dropped, blocks on their own line."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _entries(folder: Path) -> list[Path]:
    """Story folders and readable files in ``folder``, by name; hidden entries are skipped."""
    suffixes = ARTICLE_SUFFIXES + FEED_SUFFIXES
    return sorted(
        entry for entry in folder.iterdir()
        if not entry.name.startswith(".") and (entry.is_dir() or entry.suffix.lower() in suffixes)
    )


def _read(entry: Path, root: Path, problems: list[str]) -> Iterator[tuple[Article, str | None]]:
    """The articles of one entry with the story each is already in (a story folder's name, a jsonl id, or None)."""
    suffix = entry.suffix.lower()
    if entry.is_dir():
        story: str | None = str(entry.relative_to(root))
        loaded = _loaded(entry, problems)
    elif suffix in FEED_SUFFIXES:
        story, loaded = None, read_feed(entry)
    elif suffix == ".json" and (feed := _json_feed(entry)) is not None:
        story, loaded = None, read_json_feed(entry, feed)
    elif suffix == ".jsonl":
        yield from _jsonl(entry, problems)
        return
    else:
        story, loaded = None, _loaded(entry, problems)
    problems.extend(loaded.problems)
    for article in loaded.articles:
        yield article, story


def _loaded(path: Path, problems: list[str]) -> LoadedCluster:
    """``load_cluster`` with a cluster that has nothing readable turned into one problem line."""
    try:
        return load_cluster(path)
    except InputError as exc:
        why = _why(exc, f"no readable article in {path}: ")  # a folder's names the file; a file's is the file's
        problems.append(f"{why if path.is_dir() else f'{path}: {why}'}; skipped")
        return LoadedCluster((), ())


def _jsonl(path: Path, problems: list[str]) -> Iterator[tuple[Article, str | None]]:
    """Records of a .jsonl file: article lines (with an optional story id) or whole-cluster lines."""
    for number, line in _lines(path, problems):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = parsed_json(line)
        except InputError as exc:
            problems.append(f"{where}: {exc}; skipped")
            continue
        if isinstance(record, Mapping) and isinstance(record.get("articles"), list):
            story = str(record.get("id") or where)
            try:
                loaded = articles_from_records(record["articles"])
            except InputError as exc:
                problems.append(f"{where}: {exc}; skipped")
                continue
            problems.extend(f"{where}: {problem}" for problem in loaded.problems)
            for article in loaded.articles:
                yield replace(article, source=f"{where} {article.source}"), story
            continue
        try:
            article = articles_from_records([record]).articles[0]
        except InputError as exc:
            problems.append(f"{where}: {_why(exc, 'no readable article in the records given: record 1: ')}; skipped")
            continue
        fields: Mapping[str, object] = record if isinstance(record, Mapping) else {}  # read as an article: a mapping
        story_id = next((fields[key] for key in STORY_KEYS if fields.get(key) not in (None, "")), None)
        yield replace(article, source=where), None if story_id is None else str(story_id)


def _lines(path: Path, problems: list[str]) -> Iterator[tuple[int, str]]:
    """The numbered lines of a .jsonl file, read one at a time: a day's pile may be gigabytes, and is never held
    whole, let alone twice. A line over ``MAX_RECORDS_BYTES`` or not UTF-8 is a problem line, skipped."""
    try:
        handle = open_regular(path)
    except InputError as exc:
        problems.append(f"{path}: {exc}; skipped")
        return
    number, not_utf8 = 0, []
    with handle:
        try:
            for number, data in enumerate(iter(lambda: handle.readline(MAX_RECORDS_BYTES + 1), b""), start=1):
                if len(data) > MAX_RECORDS_BYTES:
                    while data and not data.endswith(b"\n"):  # the rest of the long line
                        data = handle.readline(MAX_RECORDS_BYTES)
                    problems.append(f"{path}:{number}: line over {the_limit(MAX_RECORDS_BYTES)}; skipped")
                    continue
                try:
                    yield number, data.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError:
                    not_utf8.append(number)
        except OSError as exc:
            problems.append(f"{path}: cannot read past line {number} ({exc.strerror or exc}); the rest skipped")
    if not_utf8:
        lines = f"{len(not_utf8)} lines are" if len(not_utf8) > 1 else "a line is"
        problems.append(f"{path}: {lines} not UTF-8 (the first: line {not_utf8[0]}); skipped")


def _why(exc: InputError, lead: str) -> str:
    """``load``'s message for one file or record without its lead, so the file is named once, not twice."""
    return str(exc).removeprefix(lead)


def _entry_text(entry: Mapping) -> str:
    """The fullest text a feed entry carries: its content, else its summary."""
    contents = [c.get("value", "") for c in entry.get("content") or [] if isinstance(c, Mapping)]
    for candidate in [*contents, entry.get("summary") or ""]:
        text = html_text(candidate)
        if text:
            return text
    return ""


def _entry_date(entry: Mapping) -> str | None:
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
        if entry.get(key):
            found = normalise_date(entry[key])
            if found:
                return found
    return None


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:  # type: ignore[type-arg]
        if tag in ("script", "style"):
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data.replace("\n", " "))  # only block tags break lines
