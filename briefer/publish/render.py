"""Rendering a brief: JSON straight from the dataclasses, Markdown/HTML/text through Jinja2 templates.

Templates are looked up in the user's ``--template-dir`` first, then the packaged ``templates/`` (shipped inside
the wheel as ``briefer.templates``), so a user can override one format without copying the others. Article text
is untrusted: HTML is autoescaped, Markdown has its markup characters escaped, and only http(s) URLs become links.
"""

from __future__ import annotations

import json
import textwrap
import traceback
import re
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
import jinja2.sandbox

from briefer.core.headline import shown_title
from briefer.core.opinion import is_opinion, is_review
from briefer.errors import ConfigError
from briefer.text.printable import printable_line
from briefer.types import Brief, Point
from briefer.version import BRIEF_SCHEMA_VERSION, GENERATOR

FORMATS = {"md": "brief.md.j2", "html": "brief.html.j2", "txt": "brief.txt.j2", "json": None}
# Outlet names a page line shows before "and N more".
OUTLETS_SHOWN = 8
# The name a template family's data goes by inside its templates.
_TEMPLATE_VARIABLE = {"brief": "brief", "daily": "page"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
# What may stay as it is in a Markdown link destination or autolink: the URL characters that end neither
# ("(", ")", "<", ">", quotes, spaces, backslashes and brackets are percent-encoded; "%" stays, so an encoded URL
# is not encoded twice).
_URL_SAFE = "/:?#@!$&*+,;=%-._~"


def render(brief: Brief, fmt: str = "md", *, template: str | Path | None = None,
           template_dir: str | Path | None = None) -> str:
    """The brief as text in ``fmt`` (md, html, txt, json), or through a user's own template file."""
    if template is None and fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    return render_data(brief_to_dict(brief), fmt, template=template, template_dir=template_dir)


def render_data(data: dict[str, Any], fmt: str, *, family: str = "brief", template: str | Path | None = None,
                template_dir: str | Path | None = None) -> str:
    """Plain data as text: JSON as it is, md/html/txt through ``<family>.<fmt>.j2`` or the user's own template.

    The one path every output takes, a brief's (``family="brief"``, given to templates as ``brief``) and the daily
    page's (``family="daily"``, given as ``page``), so that both get the same sandbox, filters and error lines.
    """
    if fmt == "json" and template is None:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    compiled = load_template(fmt, template=template, template_dir=template_dir, family=family)
    try:
        return compiled.render({_TEMPLATE_VARIABLE[family]: data})
    except jinja2.TemplateError as exc:
        raise ConfigError(template_problem(exc, compiled.name)) from None


def load_template(fmt: str, *, template: str | Path | None = None, template_dir: str | Path | None = None,
                  family: str = "brief") -> jinja2.Template:
    """The compiled template for ``fmt`` (``family``.fmt.j2) or the user's own file: called before a brief is built,
    so that a broken template fails in a second with its line number, not after the whole brief."""
    if template is not None:
        template_path = Path(template)
        if not template_path.is_file():
            raise ConfigError(f"template not found: {template}")
        html = template_path.suffix in (".html", ".htm") or template_path.name.endswith((".html.j2", ".htm.j2"))
        environment = template_environment(template_path.parent, autoescape=html)
        name = template_path.name
    else:
        environment = template_environment(template_dir, autoescape=fmt == "html")
        name = f"{family}.{fmt}.j2"
    try:
        return environment.get_template(name)
    except jinja2.TemplateNotFound:
        raise ConfigError(f"template {name} not found") from None
    except jinja2.TemplateError as exc:
        raise ConfigError(template_problem(exc, name)) from None


def template_problem(exc: jinja2.TemplateError, name: str | None) -> str:
    """One line naming the template, the line in it and what is wrong."""
    line = getattr(exc, "lineno", None)
    if line is None:  # a runtime error: the template's own frame in the traceback has the line
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if name and f.filename.endswith(name)]
        line = frames[-1].lineno if frames else None
    where = f"{name}, line {line}" if line else f"{name}"
    message = getattr(exc, "message", None) or str(exc)
    return f"template {where} failed: {printable_line(message)}"


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """The brief as plain data: the JSON output and what every template receives (briefer/data/brief.schema.json)."""
    labels = citation_labels(brief)
    return {
        "schema_version": BRIEF_SCHEMA_VERSION,
        "generator": GENERATOR,
        "headline": brief.headline,
        "date": brief.date,
        "lede": brief.lede.text,
        "lede_citations": list(brief.lede.citations),
        "lede_detail": _point_to_dict(brief.lede, brief, labels),
        "points": [_point_to_dict(p, brief, labels) for p in brief.points],
        "articles": [
            {
                "id": a.id,
                "label": labels[a.id],
                "title": a.title,
                "shown_title": shown_title(a) or None,
                "outlet": a.outlet,
                "url": safe_url(a.url),
                "date": a.date,
                "source": a.source,
                "opinion": is_opinion(a),
                "review": is_review(a),
            }
            for a in brief.articles
        ],
        "words": brief.words,
        "warnings": list(brief.warnings),
    }


def _point_to_dict(point: Point, brief: Brief, labels: dict[str, str]) -> dict[str, Any]:
    return {
        "text": point.text,
        "citations": list(point.citations),
        "sources": [{"id": i, "label": labels[i], "url": safe_url(brief.article(i).url)} for i in point.citations],
        "origin": point.origin,
        "guard_note": point.guard_note,
        "date": point.date,
        "following": [s.index for s in point.following],
        "evidence": [
            {"article_id": s.article_id, "sentence_index": s.index, "text": s.text, "start": s.start, "end": s.end}
            for s in point.evidence
        ],
    }


def citation_labels(brief: Brief) -> dict[str, str]:
    """A short label per article: its outlet, numbered when one outlet has several articles in the cluster, and
    "(opinion)" after a column, editorial or op-ed, "(review)" after a review (``briefer.core.opinion``): a point
    that cites only a writer's view says so wherever it is cited."""
    names = {a.id: a.outlet or f"Source {k}" for k, a in enumerate(brief.articles, start=1)}
    counts: dict[str, int] = {}
    for name in names.values():
        counts[name] = counts.get(name, 0) + 1
    seen: dict[str, int] = {}
    labels = {}
    for article in brief.articles:
        name = names[article.id]
        if counts[name] > 1:
            seen[name] = seen.get(name, 0) + 1
            name = f"{name} {seen[name]}"
        labels[article.id] = f"{name} (review)" if is_review(article) else f"{name} (opinion)" if is_opinion(article) \
            else name
    return labels


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) link, else None: untrusted input must not become a javascript: link."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def escape_markdown(text: str | None) -> str:
    """Text with Markdown markup characters escaped, so article text renders as the words it is."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def markdown_url(url: str | None) -> str:
    """A URL safe as a Markdown link destination or autolink: a ``)`` or ``"><script>`` cannot end the link."""
    return quote(url or "", safe=_URL_SAFE)


def template_environment(template_dir: str | Path | None, *, autoescape: bool) -> jinja2.Environment:
    """Templates from ``template_dir`` first, then the packaged ones; with the ``md``, ``md_url``, ``wrap`` and
    ``outlet_list`` filters."""
    loaders: list[jinja2.BaseLoader] = []
    if template_dir is not None:
        if not Path(template_dir).is_dir():
            raise ConfigError(f"template folder not found: {template_dir}")
        loaders.append(jinja2.FileSystemLoader(str(template_dir)))
    loaders.append(jinja2.FileSystemLoader(str(resources.files("briefer.templates"))))
    # Templates only read the brief: sandboxed, a user's template_dir cannot reach Python internals or mutate data.
    environment = jinja2.sandbox.ImmutableSandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["md"] = escape_markdown
    environment.filters["md_url"] = markdown_url
    environment.filters["wrap"] = _wrap
    environment.filters["outlet_list"] = outlet_list
    return environment


def outlet_list(outlets: list[str], shown: int = OUTLETS_SHOWN) -> str:
    """The first ``shown`` outlet names, then how many more: a story of a big day has dozens, and a line of fifty
    names pushes the page onto a second sheet. The JSON keeps them all."""
    if len(outlets) <= shown + 1:
        return ", ".join(outlets)
    return f"{', '.join(outlets[:shown])} and {len(outlets) - shown} more"


def _wrap(text: str, width: int = 78, indent: str = "") -> str:
    return textwrap.fill(" ".join(text.split()), width=width, initial_indent="", subsequent_indent=indent)
