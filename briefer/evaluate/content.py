"""The brief under evaluation, whether it comes as a ``Brief``, its JSON or its Markdown."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from briefer.errors import InputError
from briefer.evaluate.files import read_text
from briefer.evaluate.notes import BULLET
from briefer.evaluate.rouge import sentence_texts
from briefer.types import Brief


@dataclass(frozen=True)
class Source:
    """An article a brief cites, with every name a note may use for it."""

    id: str
    label: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None

    def names(self) -> set[str]:
        names = {self.id, self.label, self.outlet, self.title, _domain(self.url)}
        return {_name_key(n) for n in names if n}


@dataclass(frozen=True)
class BriefItem:
    """The lede or one key point: its text and the ids of the sources it cites."""

    text: str
    citations: tuple[str, ...]


@dataclass(frozen=True)
class BriefContent:
    """What evaluation needs of a brief, whether it came from a ``Brief``, its JSON or its Markdown."""

    headline: str
    items: tuple[BriefItem, ...]  # lede first, then the points
    sources: tuple[Source, ...]
    has_article_ids: bool = True  # False for Markdown, which names outlets only

    @classmethod
    def from_brief(cls, brief: Brief) -> BriefContent:
        from briefer.publish.render import citation_labels

        labels = citation_labels(brief)
        return cls(
            headline=brief.headline,
            items=tuple(BriefItem(p.text, p.citations) for p in (brief.lede, *brief.points)),
            sources=tuple(Source(a.id, labels[a.id], a.outlet, a.url, a.title) for a in brief.articles),
        )

    def sentences(self) -> list[str]:
        """Lede and points split into sentences: the text ROUGE scores (the headline and sources are not)."""
        return [s for item in self.items for s in sentence_texts(item.text)]


def read_brief(path: str | Path) -> BriefContent:
    """A brief written by ``briefer brief`` as JSON (``.json``) or Markdown (anything else)."""
    text = read_text(path, "brief")
    if Path(path).suffix.lower() == ".json" or text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path} is not valid JSON ({exc.msg}, line {exc.lineno})") from None
        except (ValueError, RecursionError) as exc:
            raise InputError(f"{path} is not valid JSON ({exc or 'nested too deeply'})") from None
        return brief_from_json(data, path)
    return brief_from_markdown(text, path)


def brief_from_json(data: Any, origin: str | Path = "brief") -> BriefContent:
    """The JSON of ``briefer brief --format json`` (``briefer.publish.render.brief_to_dict``)."""
    try:
        sources = tuple(
            Source(str(a["id"]), a.get("label"), a.get("outlet"), a.get("url"), a.get("title"))
            for a in data["articles"]
        )
        lede = BriefItem(str(data["lede"]), tuple(map(str, data.get("lede_citations", ()))))
        points = tuple(BriefItem(str(p["text"]), tuple(map(str, p.get("citations", ())))) for p in data["points"])
        headline = str(data.get("headline") or "")
    except (KeyError, TypeError, AttributeError) as exc:
        raise InputError(
            f"{origin} is not a briefer JSON brief (missing or malformed {exc}): write it with "
            "'briefer brief --format json'"
        ) from None
    return BriefContent(headline, (lede, *points), sources)


_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_MD_CITATION = re.compile(r"\s*(?<!\\)\[((?:\\.|[^\]\\])+)\](?:\(([^)\s]*)\))?\s*$")
_MD_SOURCE = re.compile(r"^\d+\.\s+\*\*(.+?)\*\*:\s*(.*?)(?:\s*<([^>\s]+)>)?\s*$")
_MD_ESCAPE = re.compile(r"\\([\\`*_\[\]<>#|])")


def brief_from_markdown(text: str, origin: str | Path = "brief") -> BriefContent:
    """The Markdown of ``briefer brief`` (templates/brief.md.j2): headline, lede, key points, sources.

    Citations are the outlet labels in brackets after each point; Markdown does not carry article ids.
    """
    headline, section = "", "lede"
    lede_lines: list[str] = []
    points: list[str] = []
    sources: list[Source] = []
    for raw in text.splitlines():
        line = raw.strip()
        heading = _HEADING.match(line)
        if heading:
            if len(heading.group(1)) == 1 and not headline:
                headline = _unescape(heading.group(2))
            else:
                title = heading.group(2).strip().lower()
                section = "sources" if title.startswith("source") else "points"
            continue
        if not line or (section == "lede" and line.startswith("*") and line.endswith("*")):
            continue  # blank lines and the italic date line
        if section == "lede":
            lede_lines.append(line)
        elif section == "points" and BULLET.match(line):
            points.append(line[BULLET.match(line).end():])  # type: ignore[union-attr]
        elif section == "points" and points:
            points[-1] += " " + line
        elif section == "sources" and (source := _MD_SOURCE.match(line)):
            label = _unescape(source.group(1))
            sources.append(Source(label, label, url=source.group(3), title=_unescape(source.group(2))))
    if not lede_lines and not points:
        raise InputError(f"no lede or key points found in {origin}: is it a brief written by 'briefer brief'?")
    items = tuple(_markdown_item(t) for t in ([" ".join(lede_lines)] if lede_lines else []) + points)
    known = {s.id for s in sources}
    sources += [Source(c, c) for item in items for c in item.citations if c not in known]
    return BriefContent(headline, items, tuple(dict.fromkeys(sources)), has_article_ids=False)


def _markdown_item(text: str) -> BriefItem:
    """Peel the trailing ``[Label](url)`` citations off a lede or point."""
    labels: list[str] = []
    while found := _MD_CITATION.search(text):
        if found.start() == 0 and not labels:
            break  # a bracketed sentence with no text before it is text, not a citation
        labels.insert(0, _unescape(found.group(1)))
        text = text[: found.start()]
    return BriefItem(_unescape(text).strip(), tuple(labels))


def _unescape(text: str) -> str:
    return _MD_ESCAPE.sub(r"\1", text).strip()


def resolve_sources(labels: Sequence[str], sources: Sequence[Source], *, has_article_ids: bool) -> frozenset[str]:
    """The ids of the sources that a note's labels name (an id like ``a3``, an outlet, a label or a domain)."""
    by_name: dict[str, str] = {}
    for source in sources:
        for name in source.names():
            by_name.setdefault(name, source.id)
    resolved = set()
    for label in labels:
        key = _name_key(label)
        if key in by_name:
            resolved.add(by_name[key])
        elif has_article_ids and re.fullmatch(r"a\d+", label.strip()):
            resolved.add(label.strip())  # an article the brief dropped: it is never cited, so never correct
        elif not has_article_ids and re.fullmatch(r"a\d+", label.strip()):
            raise InputError(
                f"the notes name source {label!r} by article id, but a Markdown brief names outlets only: "
                "evaluate the JSON brief (briefer brief --format json) or name outlets in the notes"
            )
        else:
            known = sorted({s.label or s.outlet or s.id for s in sources})
            raise InputError(
                f"the notes name source {label!r}, which matches no article of the brief; "
                f"use an article id (a1, a2, ...) or one of: {', '.join(known)}"
            )
    return frozenset(resolved)


def _name_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _domain(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None
