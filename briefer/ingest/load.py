"""Reading a cluster of articles from disk: a folder, a ``.jsonl`` file, or one article file.

Formats: ``.txt``/``.md`` (a header of title, date and URL lines, any of them missing, then the body), ``.json``
(one article object or a list of them), ``.jsonl`` (one article object a line) and ``.html`` (main text through
trafilatura). One unreadable file does not sink a cluster: it becomes a line in ``LoadedCluster.problems`` and the
rest loads. Only a cluster with nothing readable at all is an ``InputError``.
"""

from __future__ import annotations

import json
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from briefer.errors import InputError, missing_dependency, nothing_readable
from briefer.ingest.outlets import (confirmed_name, host_of, named_host, outlet_from_url, registered_domain,
                                    site_name)
from briefer.text.lexicon import similarity_words, title_cased, title_parts
from briefer.types import Article

if TYPE_CHECKING:
    from lxml.html import HtmlElement

ARTICLE_SUFFIXES = (".txt", ".md", ".json", ".jsonl", ".html", ".htm")
# One article is never this big; a larger file is a wrong file (a dump, a video) and is skipped unread.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
# .json and .jsonl files may hold many articles.
MAX_RECORDS_BYTES = 100 * 1024 * 1024
# Article files in one cluster folder: a cluster is one event; a folder with more is a day or an archive (for
# briefer daily), and reading it all would take minutes before failing on size anyway.
MAX_CLUSTER_FILES = 2_000
# Files that sit beside articles in a folder without being articles.
_NOT_ARTICLES = frozenset({"readme", "license", "licence", "changelog", "notice", "copying", "contributing", "authors"})

_TEXT_KEYS = ("text", "body", "content")
_OUTLET_KEYS = ("outlet", "source")


@dataclass(frozen=True)
class LoadedCluster:
    """The articles that could be read, and one line for each file or record that could not."""

    articles: tuple[Article, ...]
    problems: tuple[str, ...]


class _Unreadable(Exception):
    """Why one file or record was skipped (becomes a ``problems`` line)."""


def load_cluster(path: str | Path) -> LoadedCluster:
    """Load every article under ``path`` (a folder, or a single file of a supported kind)."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"no such file or folder: {path}")
    if path.is_dir():
        sources = _article_files(path)
        if not sources:
            raise InputError(f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in folder {path}")
        if len(sources) > MAX_CLUSTER_FILES:
            raise InputError(f"{len(sources)} article files in {path}, over the limit of {MAX_CLUSTER_FILES} for one "
                             "cluster: brief one event's articles (for a day of news: briefer daily)")
    elif path.suffix.lower() in ARTICLE_SUFFIXES:
        sources = [path]
    else:
        raise InputError(f"unsupported file {path}: give a folder or a {', '.join(ARTICLE_SUFFIXES)} file")

    drafts: list[tuple[dict[str, object], str]] = []
    problems: list[str] = []
    for source in sources:
        try:
            drafts.extend(_read_file(source, problems))
        except _Unreadable as why:
            problems.append(f"{source}: {why}; skipped")
    return _cluster(drafts, problems, where=str(path))


def articles_from_records(records: Iterable[object]) -> LoadedCluster:
    """Articles from ``{title, url, date, outlet, text}`` mappings (``body``/``content``, ``source`` accepted); a
    record that is not a mapping is reported like one without text.

    For the Python API and evaluation data; a record without text becomes a ``problems`` line.
    """
    drafts: list[tuple[dict[str, object], str]] = []
    problems: list[str] = []
    for number, record in enumerate(records, start=1):
        try:
            drafts.append((_fields(record), f"record {number}"))
        except _Unreadable as why:
            problems.append(f"record {number}: {why}; skipped")
    return _cluster(drafts, problems, where="the records given")


def sample_cluster_path() -> Path:
    """The bundled sample cluster (five scraped articles about one meeting), wherever briefer is installed."""
    with as_file(files("briefer.data").joinpath("sample")) as folder:
        return Path(folder)


def normalise_date(value: object) -> str | None:
    """An ISO ``YYYY-MM-DD`` date from the shapes news metadata comes in, or None when it is not a date."""
    text = str(value).strip() if value is not None else ""
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    numeric = re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])", text)
    if numeric:
        return _valid_date(*(int(part) for part in numeric.groups()))
    for layout in ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y"):
        try:
            return datetime.strptime(text, layout).date().isoformat()
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(text).date().isoformat()  # RSS: "Fri, 21 Jan 2022 10:00:00 GMT"
    except (TypeError, ValueError, IndexError):
        return None


def _valid_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _article_files(folder: Path) -> list[Path]:
    """Article files in ``folder``, by name; hidden files, sub-folders and READMEs are not articles."""
    return sorted(
        entry
        for entry in folder.iterdir()
        if (entry.is_file() or entry.is_symlink())  # a broken or looping link is reported, not passed over
        and not entry.name.startswith(".")
        and entry.suffix.lower() in ARTICLE_SUFFIXES
        and entry.stem.lower() not in _NOT_ARTICLES
    )


def _cluster(drafts: list[tuple[dict[str, object], str]], problems: list[str], where: str) -> LoadedCluster:
    """Number the articles a1, a2, ... in input order; a cluster with none is an error."""
    if not drafts:
        raise nothing_readable(where, problems)
    articles = tuple(
        Article(id=f"a{number}", source=source, **fields)  # type: ignore[arg-type]
        for number, (fields, source) in enumerate(drafts, start=1)
    )
    return LoadedCluster(articles=articles, problems=tuple(problems))


def _read_file(path: Path, problems: list[str]) -> list[tuple[dict[str, object], str]]:
    """The articles of one file with their sources; bad records inside it are added to ``problems``."""
    suffix = path.suffix.lower()
    text = _decoded(path, MAX_RECORDS_BYTES if suffix in (".json", ".jsonl") else MAX_ARTICLE_BYTES, problems)
    if suffix == ".jsonl":
        return list(_jsonl_records(text, path, problems))
    if suffix == ".json":
        return _json_records(text, path, problems)
    if suffix in (".html", ".htm"):
        return [(_html_fields(text), str(path))]
    return [(_text_fields(text), str(path))]


def _decoded(path: Path, max_bytes: int, problems: list[str]) -> str:
    """The file's text: UTF-8 (or UTF-16 with a BOM); else, with a warning in ``problems`` since a wrong guess
    garbles the text, the charset the file declares, cp1252 when the bytes are clearly that, or the charset
    charset-normalizer detects (KOI8-R, Shift-JIS...). A few stray NUL bytes (two of L3S-GN1's 621 saved pages have
    1 and 27) are left out, with a warning."""
    try:
        data = read_capped(path, max_bytes)
    except InputError as exc:
        raise _Unreadable(str(exc)) from None
    if not data.strip():
        raise _Unreadable("file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _Unreadable("not valid UTF-16 text") from None
    if len(data) - len(data.translate(None, _CONTROL_BYTES)) > len(data) * _MOST_CONTROL_BYTES:
        raise _Unreadable("binary file, not text")
    nuls = data.count(b"\x00")
    text = _text_of(data.replace(b"\x00", b""), path, problems)
    if nuls:
        problems.append(f"{path}: {nuls} NUL byte{'s' if nuls > 1 else ''} in the text left out")
    return text


def _text_of(data: bytes, path: Path, problems: list[str]) -> str:
    """``data`` decoded as ``_decoded`` says."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    for charset, how in ((declared, "as it declares"), ("cp1252", "mostly ASCII"), (None, "detected")):
        charset = charset or (_detected_charset(data) if how == "detected" else None)
        text = _decoded_as(data, charset)
        if text is None or any(unicodedata.category(c) == "Cc" and not c.isspace() for c in text):
            continue
        if how == "mostly ASCII" and sum(c.isascii() for c in text) < 0.7 * len(text):
            continue
        problems.append(f"{path}: not UTF-8: read as {charset} ({how}); check it for wrong characters")
        return text
    raise _Unreadable("not UTF-8 text")


# Control bytes other than tab, line and page breaks: a text has next to none, a binary file (a picture, a PDF)
# about one byte in eight. More than this share of them, and the file is binary.
_CONTROL_BYTES = bytes(c for c in range(32) if c not in b"\t\n\x0c\r")
_MOST_CONTROL_BYTES = 0.01
_CHARSET_DECLARATION = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML meta tag or XML declaration names in the first 2 KB."""
    declared = _CHARSET_DECLARATION.search(data[:2048])
    return declared.group(1).decode("ascii").lower() if declared else None


def _detected_charset(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else None


def _decoded_as(data: bytes, charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return None


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, else an InputError saying why.

    The size is counted while reading, not trusted from ``stat`` alone: a link to ``/dev/zero`` reports 0 bytes.
    """
    with open_regular(path, max_bytes) as handle:
        try:
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"file is over {the_limit(max_bytes)}")
    return data


def open_regular(path: Path, max_bytes: int | None = None) -> BinaryIO:
    """``path`` opened for reading bytes, if it is a regular file (of at most ``max_bytes``, by ``stat``); else an
    InputError saying why. A FIFO or device is refused before it is opened, so that reading never blocks."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise InputError("not a regular file (a pipe, device or folder)")
        if max_bytes is not None and status.st_size > max_bytes:
            raise InputError(f"file is {status.st_size / 1_048_576:.1f} MB, over {the_limit(max_bytes)}")
        return path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})") from None


def the_limit(max_bytes: int) -> str:
    """How a size cap is named in a message: "the 100 MB limit" (a cap under 1 MB, as tests set: "the 300-byte
    limit")."""
    return f"the {max_bytes // 1_048_576} MB limit" if max_bytes >= 1_048_576 else f"the {max_bytes}-byte limit"


def _jsonl_records(text: str, path: Path, problems: list[str]) -> Iterator[tuple[dict[str, object], str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield _fields(_parsed_json(line)), f"{path}:{number}"
        except _Unreadable as why:
            problems.append(f"{path}:{number}: {why}; skipped")


def _json_records(text: str, path: Path, problems: list[str]) -> list[tuple[dict[str, object], str]]:
    """One article object, a list of them, or a cluster object whose ``articles`` holds them."""
    data = _parsed_json(text)
    if isinstance(data, Mapping) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if not isinstance(data, list):
        return [(_fields(data), str(path))]
    records = []
    for number, record in enumerate(data, start=1):
        try:
            records.append((_fields(record), f"{path}[{number}]"))
        except _Unreadable as why:
            problems.append(f"{path}[{number}]: {why}; skipped")
    return records


def _parsed_json(text: str) -> object:
    try:
        return parsed_json(text)
    except InputError as exc:
        raise _Unreadable(str(exc)) from None


def parsed_json(text: str) -> object:
    """JSON data, or an InputError for every way JSON can fail: bad syntax, but also nesting too deep for Python
    (``[[[[...``: RecursionError) and numbers too long to convert (ValueError)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise InputError("invalid JSON (nested too deeply)") from None
    except ValueError as exc:
        raise InputError(f"invalid JSON ({exc})") from None


def _fields(record: object) -> dict[str, object]:
    """Article fields from one JSON record; a record that is not an object or has no text is unreadable."""
    if not isinstance(record, Mapping):
        raise _Unreadable(f"expected an article object, got {type(record).__name__}")
    text = next((record[key] for key in _TEXT_KEYS if isinstance(record.get(key), str) and record[key].strip()), None)
    if text is None:
        hint = " (it looks like a cluster: pass its articles)" if "articles" in record else ""
        raise _Unreadable(f"no text (expected one of: {', '.join(_TEXT_KEYS)}){hint}")
    outlet = next((record[key] for key in _OUTLET_KEYS if record.get(key)), None)
    if isinstance(outlet, Mapping):  # NewsAPI-style {"id": ..., "name": ...}
        outlet = outlet.get("name")
    header = _text_fields(text, titles=False)  # a date or URL line at the top of the text, as in a .txt file
    return {
        "text": header["text"],
        "title": _scalar(record.get("title")),
        "url": _scalar(record.get("url") or record.get("link")) or header["url"],
        "date": normalise_date(record.get("date") or record.get("published")) or header["date"],
        "outlet": _scalar(outlet),
    }


def _scalar(value: object) -> str | None:
    """A metadata value as stripped text; missing, empty or structured values are None."""
    if value is None or isinstance(value, (Mapping, list)):
        return None
    return str(value).strip() or None


_URL_LINE = re.compile(r"(?:url:\s*)?(https?://\S+)", re.IGNORECASE)
_DATE_LINE = re.compile(r"(?:date:?\s+)?(\d{8}|\d{4}-\d{2}-\d{2})\b\s*(.*)", re.IGNORECASE | re.DOTALL)
# A dateline written out on a line of its own: "Saturday, January 8, 2005" (Wikinews), "Jan. 21, 2022".
_WRITTEN_DATE_LINE = re.compile(r"(?:[A-Z][a-z]+day,?\s+)?([A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})")
_TITLE_WORDS = 30
# Fewer words than this in a page's main text means trafilatura found navigation, not an article.
_MIN_PAGE_WORDS = 10
# The longest title of the 1,277 saved pages of docs/daily_pages.md is 232 characters; a code-filled one is 6,203.
_MAX_TITLE_CHARACTERS = 400
# A page saved from an error, not a story: its title, or a part of it between its site's names, says only that
# ("Page Not Found", "Forbidden", "Error 404 - File Not Found | Details", "Oops! Page not found", Google's "Error 404
# (Not Found)!!1", ASP.NET's "Server Error in '/' Application."). A headline has more to say.
_ERROR_PAGE_TITLE = re.compile(r"(?:(?:oops|sorry|uh[- ]oh)\W*\s*)?(?:(?:HTTP\s+)?error\s*)?(?:[45]0\d\b)?\s*"
                               r"[-:\u2013]?\s*\(?\s*(?:(?:page|file|document|article|story|url)\s+)?"
                               r"(?:not\s+found|forbidden|access\s+denied|(?:is\s+)?unavailable"
                               r"|server\s+error(?:\s+in\s+'[^']*'\s+application)?)(?:\s+url)?\s*\)?[.!1]*"
                               r"|(?:HTTP\s+)?error(?:\s*[45]0\d)?|[45]0\d", re.IGNORECASE)
# A line of the page's source wrapped inside one paragraph, which a browser shows as a space: trafilatura keeps the
# text's own line breaks, so "Nicole Richie and \n\t\t\t\tChristina Aguilera both gave birth" would be two lines,
# and "Christina Aguilera both ..." a point with half its subject. A space before the break and the indentation after
# it are the source's layout (a break between paragraphs has neither); a break after a sentence's end stays one.
_SOURCE_WRAP = re.compile(r"(?<=[^\s.!?:\"'\u201d\u2019)\]])[ \xa0]+\n(?:\t+| {2,})(?=\w)")
# An empty ad slot a site's template put inside a word ("the least they des<div id="ds-mpu"></div>erved", five
# Telegraph pages of L3S-GN1): the extractor reads the block as a line break, and the reader would get "des erved".
_SLOT_INSIDE_WORD = re.compile(r"(?<=[a-z])<(div|span|ins)\b[^>]*>\s*</\1>(?=[a-z])")
# How much of a page's text a title is read against, and by how many more of its words a declared title must say
# what that opening says to replace a heading the extractor took (``_page_title``).
_OPENING_WORDS = 80
_TITLE_WORDS_BETTER = 2
# The opening is read without bylines, and in lines of some words where the text has enough of them: a short line is
# a dateline, a heading or a caption, which name the writer or the site that a page's title names too ("Tuesday 15
# October 2019 by Bradley M. Kuhn" under "On Recent Controversial Events - Bradley M. Kuhn", "PopMatters Film and TV
# Editor" under "The Killing of John Lennon ... - PopMatters Film Review").
_BYLINE = re.compile(r"\b(?:[Bb]y|BY)\s+[A-Z]")
_BYLINE_WORDS = 12
_OPENING_LINE_WORDS = 8
# The titles a page declares for itself, read against the one the extractor took (``_page_title``).
_DECLARED_TITLES = "//meta[@property='og:title']/@content | //head/title/text()"
# A site's motto, which a page may declare for its title: "Rugby Union news, results, reports, 6 Nations", "El
# Paso/Las Cruces News, Weather, Sports and Entertainment", "Local News and Video for McHenry County, Illinois".
_SITE_MOTTO = re.compile(r"\bnews\s*(?:,|&|and\b)", re.IGNORECASE)
# A box's heading that the extractor took for the page's title ("More From Thought Catalog", "Related News"): a title
# the page declares is taken instead, whatever it says.
_BOX_HEADING = re.compile(r"(?:more (?:from|on|stories|news)|related(?: news| stories| articles)?|recommended|"
                          r"read (?:more|next|also)|you (?:may|might) also like|most (?:popular|read|viewed))\b",
                          re.IGNORECASE)


def _text_fields(text: str, *, titles: bool = True) -> dict[str, object]:
    """Split an article's text into its header (title, date, URL: each optional, any order) and body.

    A date may be glued to the start of the body (" date 2022-01-21 Despite reaching...") or written out on a line
    of its own ("Saturday, January 8, 2005"). With ``titles``, the first line is a title only if it looks like
    one: short, and either without closing punctuation or in Title Case. JSON records, whose title is a field,
    are read without.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    fields: dict[str, object] = {"title": None, "url": None, "date": None}
    position = 0
    while position < len(lines):
        line = lines[position].strip()
        url, dated = _URL_LINE.fullmatch(line), _DATE_LINE.fullmatch(line)
        written = _WRITTEN_DATE_LINE.fullmatch(line)
        if not line:
            pass
        elif url and fields["url"] is None:
            fields["url"] = url.group(1)
        elif dated and fields["date"] is None and normalise_date(dated.group(1)):
            fields["date"] = normalise_date(dated.group(1))
            if dated.group(2).strip():
                lines[position] = dated.group(2)  # the body starts right after the date
                break
        elif written and fields["date"] is None and normalise_date(written.group(1)):
            fields["date"] = normalise_date(written.group(1))
        elif titles and not any(fields.values()) and _is_title(line):
            fields["title"] = line.lstrip("#").strip()  # a Markdown heading is a title too
        else:
            break
        position += 1
    body = "\n".join(lines[position:]).strip()
    if not body:
        raise _Unreadable("no article text")
    return {**fields, "text": body}


def _is_title(line: str) -> bool:
    """A short line without closing punctuation, or one in Title Case ("Russia and US Agree to Talk.")."""
    words = line.split()
    if len(words) > _TITLE_WORDS:
        return False
    if not re.search(r"[.!?][\"'”’]?$", line):
        return True
    return title_cased(line)


# Publication dates pages declare under names the extractor's date reader does not know, which it then guesses from
# the page's text: L3S-GN1's China Post page of 2008-01-11 (`<meta name="PublicationDate" content="2008-01-11">`) was
# read as of 2008-01-15, the day it was saved, and its Lahore bombing made one story with a Karachi bombing of that day.
_DATE_NAMES = ("publicationdate", "dateofpublication", "icx_pubdate", "printpubdate")
_DECLARED_DATES = " | ".join(
    f"//meta[translate(@name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')='{name}']/@content"
    for name in _DATE_NAMES)


def _declared_date(page: HtmlElement | None) -> str | None:
    """The publication date a page declares in one of ``_DATE_NAMES``, when it reads as a date."""
    return next(filter(None, map(normalise_date, _page_values(page, _DECLARED_DATES))), None)


def _declared_url(page: HtmlElement | None) -> str | None:
    """The page's own address from ``<link rel="canonical">`` or ``og:url`` wherever they stand.

    trafilatura looks for them inside ``<head>`` only; a page whose head the parser closed early (a stray element
    before them: Rolling Stone, Reuters and BGR pages saved in 2019) keeps them in what it reads as the body.
    """
    found = _page_values(page, "//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href"
                               " | //meta[@property='og:url']/@content")
    return next((url for url in found if _ABSOLUTE_URL.match(url)), None)


# Where a page says who publishes it, in this order: its Open Graph site name, its application name (which msn.com
# fills with the story's title), then (after its JSON-LD publisher) a publisher meta tag. Not what else trafilatura
# may fall back on: a copyright meta tag, a Twitter handle, or a part of the <title> ("T.J. Ford Cleared To
# Practice" of "T.J. Ford Cleared To Practice : PROTRADE").
_DECLARED_NAMES = ("//meta[@property='og:site_name']/@content", "//meta[@name='application-name']/@content")
_PUBLISHER_NAMES = ("//meta[@name='publisher' or @name='dc.publisher' or @name='DC.publisher' or "
                    "@name='dcterms.publisher']/@content")


def _outlet(page: HtmlElement | None, extracted: str | None, url: str | None) -> str | None:
    """The outlet a saved page names itself: the first name it declares that ``site_name`` takes for a name, but not
    the first label of a host it declared before ("Space" after "Space.com": its address names it, as the outlet
    table or its domain do). A page with no address of its own is named by such a host, by one trafilatura found
    in its title ("Bush arrives in Kuwait - CNN.com"), or by a name its title carries that the page confirms
    (``confirmed_name``: "Reuters" of "Nigerian rebels claim ship attacks - Reuters" on a page linking to reuters.com;
    pages saved before ``og:site_name`` existed name themselves no other way)."""
    declared = [*(name for query in _DECLARED_NAMES for name in _page_values(page, query)), *_json_ld_publishers(page),
                *_page_values(page, _PUBLISHER_NAMES)]
    hosts = [host for host in map(named_host, declared) if host]
    labels = {host.split(".")[0] for host in hosts}
    for given in declared:
        name = site_name(given, url)
        if name and re.sub(r"\W", "", name.lower()) not in labels:
            return name
    if url is not None:
        return None
    host = next(filter(None, [*hosts, named_host(extracted)]), None)
    if host:
        return outlet_from_url(host)
    return confirmed_name(list(filter(_bounded, _page_values(page, _DECLARED_TITLES))), _linked_hosts(page),
                          " ".join(_page_values(page, _NOTICES)))


# The domains a page links to most that may be its own: its own site, and the ad server or sister site beside it.
_LINKED_DOMAINS = 3
# Where a page's copyright notice stands: its text outside scripts, and its copyright meta tag.
_NOTICES = ("//body//text()[not(ancestor::script) and not(ancestor::style)] | "
            "//meta[translate(@name, 'COPYRIGHT', 'copyright')='copyright']/@content")


def _linked_hosts(page: HtmlElement | None) -> list[str]:
    """The hosts a page's links and base address go to, of the ``_LINKED_DOMAINS`` domains they go to most: its own
    among them ("icscotland.icnetwork.co.uk"), not every site it shares to or quotes."""
    hosts = [host for href in _page_values(page, "//a/@href | //base/@href")
             if re.match(r"https?://", href, re.IGNORECASE) and (host := host_of(href))]
    most = {domain for domain, _ in Counter(map(registered_domain, hosts)).most_common(_LINKED_DOMAINS)}
    return [host for host in dict.fromkeys(hosts) if registered_domain(host) in most]


def _json_ld_publishers(page: HtmlElement | None) -> list[str]:
    """The publishers' names in a page's JSON-LD blocks (the document's own, or in its ``@graph``)."""
    names = []
    for block in _page_values(page, "//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items if isinstance(items, list) else []:
            publisher = item.get("publisher") if isinstance(item, dict) else None
            for entry in publisher if isinstance(publisher, list) else [publisher]:
                if isinstance(entry, dict) and isinstance(entry.get("name"), str):
                    names.append(entry["name"].strip())
    return names


def _bounded(title: str | None) -> str | None:
    """A title, unless it is longer than any headline (``_MAX_TITLE_CHARACTERS``): a page cut off inside its head
    runs the code after it into the value ("Welcome to The London Free Press ... 'londonfreepress'; this.sectionLevel2
    = 'sports'; ...", 6,203 characters of L3S-GN1)."""
    return title if title is None or len(title) <= _MAX_TITLE_CHARACTERS else None


def _parsed(html: str) -> HtmlElement | None:
    """The page parsed apart from trafilatura's extraction, for what that extraction misses; None when it does not
    parse."""
    import lxml.html  # trafilatura's own dependency

    try:
        return lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None


def _page_title(declared: list[str], extracted: str | None, text: str) -> str | None:
    """The page's title: the one the extractor found, unless that is a box's, a section's or the site's heading
    ("More From Thought Catalog", ``_BOX_HEADING``; "Allergies Health Center", "Local Teams", "Berkshire Eagle
    Online": it says at most one word of the text's opening) and a title the page declares (``declared``:
    ``og:title``, ``<title>``) tells its story: its text opens with that title as a line and not with the heading, or
    it says at least ``_TITLE_WORDS_BETTER`` more words of the opening ("Babies Who Eat Peanuts Early May Avoid
    Allergy"). Of a declared title, the part between its site's and sections' names that says most of the opening
    ("Kerry endorses Obama" of "Berkshire Eagle Online - Kerry endorses Obama"), unless that is the site's motto or cut
    ("...")."""
    declared = [" ".join(title.split()) for title in declared]
    if not extracted or not declared:
        return extracted
    heading = " ".join(extracted.split())
    if heading in declared:
        return extracted  # the page's own title, with what marks it ("Opinion | Is Football Violence a Crime?")
    lines = set(_opening_lines(text))
    opening = _opening_words(text)

    def said(title: str) -> int:
        return len(set(similarity_words(title)) & opening)

    def parts(title: str) -> list[str]:
        return [part for part in title_parts(_without_heading(title, heading)) if part]

    repeated = [part for title in declared for part in parts(title)
                if part in lines and part != heading and len(part.split()) > _TITLE_WORDS_BETTER]
    best = max(declared, key=said)
    if said(heading) <= 1 and repeated and heading not in lines:
        story = repeated[0]
    elif _BOX_HEADING.match(heading) or said(heading) <= 1 and said(best) >= said(heading) + _TITLE_WORDS_BETTER:
        story = max(parts(best), key=said)
    else:
        return extracted
    return extracted if _SITE_MOTTO.search(story) or story.endswith(("\u2026", "...")) else story


def _error_page_title(titles: list[str]) -> str | None:
    """The first of ``titles`` one of whose parts says only that the page is an error (``_ERROR_PAGE_TITLE``)."""
    return next((title for title in titles
                 if any(_ERROR_PAGE_TITLE.fullmatch(part.strip()) for part in title_parts(title))), None)


def _opening_lines(text: str) -> list[str]:
    """The lines a page's text opens with, up to ``_OPENING_WORDS`` words, each with its spaces made single."""
    lines, words = [], 0
    for line in text.split("\n"):
        if words >= _OPENING_WORDS:
            break
        lines.append(" ".join(line.split()))
        words += len(line.split())
    return lines


def _opening_words(text: str) -> set[str]:
    """The words a page's text opens with, which its title should say: without bylines, and in lines of some words
    where the text has enough of them."""
    lines = [line for line in text.split("\n") if not _BYLINE.search(line) or len(line.split()) > _BYLINE_WORDS]
    sentences = [line for line in lines if len(line.split()) >= _OPENING_LINE_WORDS]
    read = " ".join(sentences if len(" ".join(sentences).split()) >= _OPENING_WORDS else lines).split()
    return set(similarity_words(" ".join(read[:_OPENING_WORDS])))


def _without_heading(title: str, heading: str) -> str:
    """``title`` without the heading the extractor took, where the title opens or ends on it before a separator:
    that heading is the site's or its section's name ("Berkshire Eagle Online - Kerry endorses Obama", "SFGate:
    Daily Dish : Nicole Kidman Is Pregnant")."""
    escaped = re.escape(heading)
    for around in (rf"^{escaped}\s*[|:>\u2013\u2014-]+\s*(?=\S)", rf"(?<=\S)\s*[|:>\u2013\u2014-]+\s*{escaped}$"):
        title = re.sub(around, "", title)
    return title


def _page_values(page: HtmlElement | None, query: str) -> list[str]:
    """The values an XPath ``query`` finds anywhere in a parsed page, stripped."""
    return [str(value).strip() for value in page.xpath(query)] if page is not None else []


_ABSOLUTE_URL = re.compile(r"https?://[^\s/]+\.[^\s/]+(?:/\S*)?$", re.IGNORECASE)


def _html_fields(html: str) -> dict[str, object]:
    """Main text and metadata of a saved web page, through trafilatura (the ``daily`` extra)."""
    try:
        import trafilatura  # heavy, and optional
    except ImportError as exc:  # not installed, or a dependency of it missing (lxml.html.clean: lxml_html_clean)
        raise _Unreadable(missing_dependency(exc, "reading .html needs trafilatura", "daily")) from None
    from trafilatura.settings import Document

    html = _SLOT_INSIDE_WORD.sub("", html)
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    if not isinstance(document, Document) or len((document.text or "").split()) < _MIN_PAGE_WORDS:
        raise _Unreadable("no article text found in the page")
    page = _parsed(html)
    url = _scalar(document.url) or _declared_url(page)  # the page's canonical link or og:url
    text = _SOURCE_WRAP.sub(" ", document.text or "")
    declared = _page_values(page, _DECLARED_TITLES)
    title = _page_title(declared, _bounded(_scalar(document.title)), text)
    error = _error_page_title([title or "", *declared])
    if error:
        raise _Unreadable(f"an error page, not an article: {' '.join(error.split())!r}")
    return {
        "text": text,
        "title": title,
        "url": url,
        "date": _declared_date(page) or normalise_date(document.date),
        "outlet": _outlet(page, _scalar(document.sitename), url),
    }

