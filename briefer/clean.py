"""Cleaning scraped article text so that only the story is left, one paragraph a line.

Scrapes carry page furniture (comment prompts, "Read more", picture credits, bylines, agency tags), text glued
together ("Geneva.Blinken"), bodies repeated twice in one file and curly or mixed quotes. Cleaning removes the
furniture and the repeats and normalises the rest, but never drops a sentence of news: every rule either matches
a whole line of known boilerplate or removes an exact repeat of a sentence that stays. Section headings are kept
as lines of their own; ``briefer.sentences.sentences_of`` leaves them out of the sentences.
"""

from __future__ import annotations

import dataclasses
import html
import re
import unicodedata

from briefer.sentences import ends_with_punctuation, split_sentences
from briefer.types import Article

# Whole lines that are page furniture, never news (matched case-insensitively against the stripped line).
_BOILERPLATE_LINES = re.compile(
    r"""(?ix)
    leave\ an?\ (reply|comment) | your\ email\ address\ will\ not\ be\ published\.? | required\ fields\ are\ marked.*
    | (more\ to\ read|read\ more|read\ also|also\ read|related(\ articles?|\ stories)?|recommended|see\ also)\s*:?
    | (advertisement|story\ continues\ below\ advertisement|story\ continued\ below|continue\ reading.*)
    | advertisement\ continue\ reading\ the\ main\ story | top\ of\ page | article\ excerpt
    | tweet\ with\ a\ location | add\ a\ location\ to\ your\ tweets
    | (share|tweet|email|print|facebook|twitter|reddit|linkedin|whatsapp|pinterest|play\ facebook)
      (\ this\ (article|story))?
    | sign\ up\ (for|to)\ .{0,60}newsletter.* | subscribe\ to\ .{0,60}newsletter.*
    | \(?(picture|image|photo|photograph|pic|credit|photo\ credit|image\ credit)s?\s*:\ *[^.]{1,60}\)?
    | toggle\ caption\ .{1,80}
    | .{0,60}\ contributed\ (to\ )?(this\ )?report(ing)?\.?
    | (additional\ )?reporting\ by\ [^.]{1,80};\ editing\ by\ .{1,80}
    """
)
# A photo credit naming an agency: "Nicholas Kamm/AFP/Getty Images".
_AGENCY_CREDIT = re.compile(r"[^.!?]{1,60}/\s*(AP|AFP|Reuters|Getty Images|EPA|NPR|Bloomberg|Shutterstock|PA)")
# "... statement. Read more" and "... western flank. ANI": a tail glued to the end of a paragraph.
_TAILS = re.compile(
    r"(?<=[.!?\"'])\s+(?:(?i:read\ more|continue\ reading)\s*[:.…]*|\(?(?:ANI|PTI|IANS|UNI|AFP|AP|Xinhua)\)?)$",
    re.VERBOSE,
)
# A lone name line ending the article: "Christi C. Elwood", "By Jane Doe".
_BYLINE = re.compile(r"(By\s+)?[A-Z][\w'’-]+(\s+([A-Z]\.|[A-Z][\w'’-]+)){1,3}")
# A full stop that stands alone between sentences: "in the future. . But".
_STRAY_STOP = re.compile(r"(?<=[.!?\"'])(\s+[.,])+(?=\s|$)")
# Sentences glued without a space: "Geneva.Blinken", 'productive.""If', "demands.Both".
_GLUED = re.compile(r"(?<=[a-z0-9%)\]])[.!?]+(\"*)(?=[A-Z])")

_DOUBLE_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»″"} | {c: "'" for c in "‘’‚‛′"})
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff\ue000-\uf8ff]")  # soft hyphen, zero-width, private use


def clean_article(article: Article) -> Article:
    """A copy of ``article`` with its text cleaned (and its title's quotes and spaces normalised)."""
    title = normalise_text(article.title).strip() if article.title else article.title
    lines = _unwrapped(normalise_text(article.text).split("\n"))
    lines = [_without_tail(line) for line in lines if not _is_boilerplate(line)]
    lines = [line for line in lines if line and not _same_words(line, title)]
    lines = _without_byline(lines)
    lines = _without_repeats([_unglued(line) for line in lines])
    return dataclasses.replace(article, title=title, text="\n\n".join(lines))


def normalise_text(text: str) -> str:
    """Unicode, HTML entities, quotes and spaces in one form: straight quotes, single spaces, stripped lines."""
    text = unicodedata.normalize("NFC", html.unescape(text)).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text).translate(_DOUBLE_QUOTES)
    return "\n".join(re.sub(r"[^\S\n]+", " ", line).strip() for line in text.split("\n"))


def _unwrapped(lines: list[str]) -> list[str]:
    """Paragraphs from hard-wrapped lines: a line that stops mid-sentence before a lower-case line goes on."""
    paragraphs: list[str] = []
    for line in lines:
        if not line:
            continue
        if paragraphs and line[0].islower() and not ends_with_punctuation(paragraphs[-1]):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return paragraphs


def _is_boilerplate(line: str) -> bool:
    return (
        not re.search(r"[^\W_]", line)
        or bool(_BOILERPLATE_LINES.fullmatch(line))
        or (bool(_AGENCY_CREDIT.match(line)) and not ends_with_punctuation(line) and len(line.split()) <= 8)
    )


def _without_tail(line: str) -> str:
    return _TAILS.sub("", _STRAY_STOP.sub("", line)).strip()


def _same_words(line: str, title: str | None) -> bool:
    return bool(title) and _key(line) == _key(title or "")


def _without_byline(lines: list[str]) -> list[str]:
    """Drop a byline opening the article ("By Jane Doe") or a lone name line closing it."""
    if lines and lines[0].startswith("By ") and _BYLINE.fullmatch(lines[0]):
        lines = lines[1:]
    if len(lines) > 1 and _BYLINE.fullmatch(lines[-1]):
        lines = lines[:-1]
    return lines


def _unglued(line: str) -> str:
    """Put the missing space between glued sentences, leaving ``U.S.``, ``3.5`` and ``thehill.com`` alone.

    Straight quotes between the sentences are split by quote parity: a quote that closes an open quotation
    stays with the sentence before it, one that opens a quotation goes with the sentence after it.
    """

    def spaced(match: re.Match[str]) -> str:
        token_start = max(line.rfind(" ", 0, match.start()), 0)
        if re.search(r"://|www\.|@", line[token_start : match.end() + 1]):
            return match.group()
        quotes = match.group(1)
        closes = 1 if quotes and (len(quotes) > 1 or line.count('"', 0, match.start()) % 2 == 1) else 0
        stop = match.group()[: len(match.group()) - len(quotes)]
        return f"{stop}{quotes[:closes]} {quotes[closes:]}"

    return _GLUED.sub(spaced, line)


def _without_repeats(lines: list[str]) -> list[str]:
    """Drop every sentence (of four words or more) already seen earlier in the article, and emptied lines.

    Scrapes often hold the body twice (once as lines, once glued into one line) or repeat a headline inside it.
    """
    seen: set[str] = set()
    kept_lines = []
    for line in lines:
        kept = []
        for start, end in split_sentences(line):
            sentence = line[start:end]
            key = _key(sentence)
            if len(key.split()) >= 4 and key in seen:
                continue
            seen.add(key)
            kept.append(sentence)
        if kept:
            kept_lines.append(" ".join(kept))
    return kept_lines


def _key(text: str) -> str:
    """Text compared by its words only: case, punctuation and spacing do not matter."""
    return " ".join(re.findall(r"\w+", text.lower()))
