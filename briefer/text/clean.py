"""Cleaning scraped article text so that only the story is left, one paragraph a line.

Scrapes carry page furniture (comment prompts, "Read more", picture credits, bylines, agency tags), text glued
together ("Geneva.Blinken", "borderwith", "againstMoscow"), bodies repeated twice in one file and curly or mixed
quotes. Cleaning removes the furniture and the repeats and normalises the rest, but never drops a sentence of
news: every rule matches a whole line of known boilerplate, or a sentence holding a known furniture phrase, or
removes an exact repeat of a sentence that stays. Section headings are kept as lines of their own;
``briefer.text.sentences.sentences_of`` leaves them out of the sentences.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import re
import unicodedata
from collections.abc import Callable

from briefer.text.lexicon import DANGLING_WORDS, word_zipf
from briefer.text.sentences import ends_with_punctuation, split_sentences
from briefer.types import Article

# Whole lines that are page furniture, never news (matched case-insensitively against the stripped line); among
# them an editor's log of changes to the page ("Update July 3rd, 8:05AM ET: Added ARKit explanation and tweet.").
_BOILERPLATE_LINES = re.compile(
    r"""(?ix)
    leave\ an?\ (reply|comment) | your\ email\ address\ will\ not\ be\ published\.? | required\ fields\ are\ marked.*
    | (more\ to\ read|read\ more|read\ also|also\ read|learn\ more|related(\ articles?|\ stories)?|recommended
       |see\ also)\s*:?
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
    | updated?([^:]|(?<=\d):(?=\d)){0,50}:\ (added|adds|updated|updates|corrected|corrects|clarified|removed|included|includes
                                  |this\ (story|article|post)\ (has|was))\b.*
    """
)
# A page's script that an extractor kept as text (L3S-GN1, 2008): "<!-- function openScriptEmail(url, width, height)
# { var ...", "document.write(weekday[now.getDay()] + " ");", "OAS_AD('x04');", "google_ad_client = ...".
_SCRIPT_LINE = re.compile(r"^\s*(?:<!--|\}\s*(?:else|if)\b|var\s+\w+\s*=|OAS_AD\(|google_ad_\w+\s*=)"
                          r"|\bfunction\s+\w+\s*\([^)]*\)\s*\{|\b(?:document\.write|window\.open)\s*\(")
# A photo credit naming an agency: "Nicholas Kamm/AFP/Getty Images".
_CREDIT_AGENCIES = r"AP|AFP|Reuters|Getty Images|EPA|NPR|Bloomberg|Shutterstock|PA"
_AGENCY_CREDIT = re.compile(rf"[^.!?]{{1,60}}/\s*({_CREDIT_AGENCIES})")
# The same credit run into the paragraph its picture stood in, where a page put the picture inside it (Business
# Insider: "Shamil Zhumatov/REUTERSThe UK may be forced to review ..."): the agency, in whatever case, and at once a
# capitalised word.
_GLUED_CREDIT = re.compile(rf"^[A-Z][^.!?/]{{1,50}}/\s*(?i:{_CREDIT_AGENCIES})(?=[A-Z][a-z])")
# A picture's caption with its credit after a bar, often the page's title behind it: "... as he sparred with
# reporters Thursday. | Getty All the things Trump covered ...", "... in 2005. | Mark Wilson/Getty Images House panel
# votes ...". And a menu: links between two bars or more ("2016 Election Calendar | WSJ/NBC Polls | 2016 Poll
# Standings"). News text has no bars.
_CREDIT_BAR = re.compile(r"\s\|\s+(?:[\w.'\u2019 -]{1,40}/)?(?:Getty|AP\b|Reuters|AFP|EPA|Shutterstock)")
_MENU = re.compile(r"\s\|\s.*\s\|\s")
# "... statement. Read more" and "... western flank. ANI": a tail glued to the end of a paragraph.
_TAILS = re.compile(
    r"(?<=[.!?\"'])\s+(?:(?i:read\ more|learn\ more|continue\ reading)\s*[:.…]*"
    r"|\(?(?:ANI|PTI|IANS|UNI|AFP|AP|Xinhua)\)?)$",
    re.VERBOSE,
)
# A lone name line ending the article: "Christi C. Elwood", "By Jane Doe".
_BYLINE = re.compile(r"(By\s+)?[A-Z][\w'’-]+(\s+([A-Z]\.|[A-Z][\w'’-]+)){1,3}")
# A full stop that stands alone between sentences: "in the future. . But".
_STRAY_STOP = re.compile(r"(?<=[.!?\"'])(\s+[.,])+(?=\s|$)")
# Sentences glued without a space: "Geneva.Blinken", 'productive.""If', "demands.Both". Not a degree: "Ph.D.",
# "Ph.D candidate" (a capital that a full stop follows, or after "Ph", is an abbreviation's).
_GLUED = re.compile(r"(?<=[a-z0-9%)\]])(?<!\bPh)[.!?]+(\"*)(?=[A-Z](?!\.))")

# "againstMoscow": a lower-case word, then a capitalised one. "YouTube", "DeSantis" and "theGrio" start otherwise
# or with a word that is not listed below, so they are never split.
_CAMEL_JOIN = re.compile(r"([a-z]{2,})([A-Z][a-z]{2,})")
# "borderwith", "Berlinbefore": lower case after at most a capital.
_RUN_ON = re.compile(r"[A-Z]?[a-z]+")
# Closed-class words that a dropped tag or line break glues onto their neighbour in news copy. Two content words
# glued are as likely a real compound ("songlike", "skywatching") as a join, so one part must be one of these.
# Each list leaves out the words that also make real words on that side, found by running the rule over half a
# million dictionary words (bench/glued.py): "after-", "for-", "with-", "the-", "are-", "which-" start real words
# ("aftertax", "formatters", "withholder", "thecia", "areaway", "whichway") and "-and", "-in", "-at", "-by",
# "-are", "-about", "-while", "-said" end them ("confirmand", "codein", "majorat", "blowby", "centare",
# "changeabout", "otherwhile", "abovesaid").
_GLUE_ENDINGS = frozenset(
    "with before following told was were would could should which that this these those from into against "
    "during between among because since until than has have had been who for".split()
)
_GLUE_STARTS = frozenset("about that these those would should into during following since among because".split())
# Two-letter glue only ends a lower-case token ("shellof"): ending a capitalised one it is a name ("Pillat").
_SHORT_GLUE_ENDINGS = frozenset({"of", "to"})
# "againstMoscow", "asWinnipeg": after these, a capital letter starts a new word ("the" is left out: "theGrio").
_CAMEL_GLUE = frozenset(
    "and but nor for from with about against after before into onto than that during following between among "
    "amid until since because while of in to at by as or".split()
)
# Word-forming prefixes that are words too: never the other part ("outtold", "nonfollowing", "everduring").
_PREFIX_WORDS = frozenset("out over under pre non self ever per here there where fore after anti post mid".split())
# The word joined to the glue word must be at least this common (Zipf scale: 4 is once per 100,000 words).
_MIN_ZIPF_OF_OTHER_PART = 4.0
# A whitespace-delimited token that is one run of letters, with at most quotes or brackets before it and closing
# punctuation after it: never part of a URL, an email, a handle, a hashtag, a number or code.
# A token of symbols only, one of them a template or code delimiter: what stands beside a word that is code.
_CODE_MARKS = re.compile(r"[^\w\s]*[{}%<>=|$`\\][^\w\s]*")
_PLAIN_WORD = re.compile(r"([\"'(\[]*)([A-Za-z]{5,})([\"')\].,;:!?]*)")
# A word that starts or ends with a glue word: a quick filter before the exact checks of ``_glue_cuts``.
_GLUE_AT_AN_END = re.compile(
    rf"(?:{'|'.join(_GLUE_STARTS)})[a-z]{{3,}}|[A-Za-z]{{3,}}(?:{'|'.join(_GLUE_ENDINGS | _SHORT_GLUE_ENDINGS)})"
)

# Sentences about the page or service around a story, never news, which scrapes carry inside paragraphs: the
# Internet Archive's notice where a dead link was crawled, an embedded tweet's location notice, a newsletter form,
# a site's follow prompt ("Add Donald Trump as an interest to stay up to date on the latest ... news"), a newsletter
# box or comment policy ("Breaking News Emails Get breaking news alerts and special reports."), an error
# message, an editor's note on a correction ("CORRECTION (March 18, 11:30 a.m.): An earlier version of this article
# incorrectly said ...", "Science has learned that the court order referred to in this story has been amended."), a
# publisher's disclosure.
# Whole phrases, so a story about the Internet Archive or Twitter keeps its sentences.
_FURNITURE_PHRASES = (
    "donating their crawl data to the Internet Archive",
    "added to the Wayback Machine after an embargo period",
    "these crawls are part of an effort to archive pages",
    "a link to the version that was live when the page was written",
    "references to these archived pages will be put in place of a link",
    "the goal is to fix all broken links on the web",
    'crawls of supported "No More 404" sites',
    "using the Archive-IT service of the Internet Archive",
    "these web captures are available to the general public",
    "add location information to your Tweets",
    "delete your Tweet location history",
    "when you tweet with a location, Twitter stores that location",
    "switch location on/off before each Tweet",
    "contributed to the Internet Archive but may or may not be ingested into the Wayback Machine",
    "as an interest to stay up to date on the latest",
    "you must select a newsletter to subscribe to",
    "thank you for subscribing",
    "please try again later",
    "an error has occurred",
    # a browser or server notice saved in place of the story ("JavaScript is disabled on your browser.", "HTTP Error
    # 403. The request URL is forbidden.": the error page itself is skipped by its title, briefer.ingest.load)
    "javascript is disabled",
    "please enable javascript",
    "javascript-capable browser",
    "the request url is forbidden",
    "use your browser's back button",
    "the page you are looking for",
    "the page you were looking for",
    "the page you requested",
    "all rights reserved",
    "copyright and trademark law",
    "are trademarks of",  # a press release's notice: "Magellan, Maestro and RoadMate are trademarks of Magellan"
    "are registered trademarks of",
    "is a registered trademark of",
    "is a trademark of",
    "is a trade mark of",  # "E-mail to a friend | Printable version icBirmingham™ is a trade mark of Midland ..."
    "e-mail to a friend",
    "email to a friend",
    "e-mail this to a friend",
    "email this to a friend",
    "printable version",
    "or tm as indicated",
    "registered in england no",  # a publisher's company notice: "News International Limited, 1 Virginia St, ..."
    "registered in england and wales no",
    "an earlier version of this article",
    "an earlier version of this story",
    "an earlier version of this report",
    "this story has been corrected",
    "this article has been corrected",
    "this story has been updated",
    "this article has been updated",
    "in this story has been",
    "in this article has been",
    # a disclosure of who owns the page ("News Corp., which owns MarketWatch, the publisher of this report"), a
    # station's prompt, and a reader's objection to the story an editor's note records
    "the publisher of this report",
    "the publisher of this article",
    "for developments in this story",
    "for updates to this story",
    "points in this story",
    # a newsletter box and a comment policy scraped with the story (NBC News, USA Today)
    "get breaking news alerts and special reports",
    "the news and stories that matter, delivered weekday mornings",
    "so please keep your comments smart and civil",
    "don't attack other readers personally",
    'use the "report abuse" button',
)
_FURNITURE = re.compile("|".join(re.escape(phrase) for phrase in _FURNITURE_PHRASES), re.IGNORECASE)
# The phrases in lower case: a line holding none of them (almost every line) is passed by a plain substring search,
# without the regex, which is slow on long paragraphs; story clustering reads a thousand words of every article.
_FURNITURE_LOWER = tuple(phrase.lower() for phrase in _FURNITURE_PHRASES)

# Curly quotes made straight, and the typographic ligatures a PDF's text keeps ("signi\ufb01cant") spelled out.
_ONE_FORM = str.maketrans(
    {c: '"' for c in "“”„‟«»″"} | {c: "'" for c in "‘’‚‛′"}
    | {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
)
# A quote widget's ticker and day change after a company's name (MarketWatch: "Tesla Inc.'s TSLA, +5.77% board"), or
# its links (Reuters: "... over Microsoft (MSFT.O: Quote, Profile, Research), launched ...").
_TICKER_QUOTE = re.compile(r"\s+[A-Z]{1,5}(?:\.[A-Z]{1,3})?\.?,\s+[+\-\u2212]\d+\.\d{2}%(?=\s)"
                           r"|\s*\((?:[A-Z0-9]{1,6}(?:\.[A-Z]{1,3})?:\s*)?Quote,\s*Profile,\s*Research"
                           r"(?:,\s*Stock\s+Buzz)?\)")
# A name's hover card glued after it (The Hill): the full name again, the headlines of its latest stories, then
# "MORE" before the party tag: "Gov. Kristi NoemKristi Lynn NoemSouth Dakota governor doubles down ... MORE (R) is
# defending" is "Gov. Kristi Noem (R) is defending".
_HOVER_CARD = re.compile(r"(?<!\w)([A-Z][\w'\u2019-]+)(?:[A-Z][\w.'\u2019-]* ){1,3}\1\S*.{0,1000}? MORE (?=\()")
_CARD_END, _CARD_LENGTH = " MORE (", 1100
# An encyclopedia's reference marks ("... as alcohol use.[75]", "FAS[16][44] is") and a footnote's asterisk after a
# full stop ("... is actively being restored.* This latest development ..."); a bracketed letter ("[w]e had") is an
# editor's and stays.
_REFERENCE_MARK = re.compile(r"\[(?:\d{1,3}|citation needed)\]|(?<=[.!?])\*+(?=\s)")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff\ue000-\uf8ff]")  # soft hyphen, zero-width, private use
# A closing curly quote that a broken decoding turned into the replacement character and a question mark ('... called
# it \u201cunhinged\ufffd? and \u201cwild.\ufffd?'): after a word or its punctuation, when a quotation is open.
_LOST_CLOSING_QUOTE = re.compile(r"(?<=[\w.,!?'\u2019])\ufffd\?(?=\s|$)")


def clean_article(article: Article) -> Article:
    """A copy of ``article`` with its text cleaned (and its title's quotes and spaces normalised)."""
    title = normalise_text(article.title).strip() if article.title else article.title
    lines = _unwrapped(normalise_text(article.text).split("\n"))
    lines = [_without_tail(kept) for kept in map(news_line, lines) if kept]
    lines = [line for line in lines if line and not _same_words(line, title)]
    lines = _without_byline(lines)
    lines = _without_repeats([_rejoined_hyphenation(repair_glued_words(_unglued(line))) for line in lines])
    for k in range(min(len(lines), _DROP_CAPITAL_LINES)):  # a title or caption may come before the opening
        lines[k] = _without_drop_capital(lines, k)
    return dataclasses.replace(article, title=title, text="\n\n".join(lines))


# A paper's first word in capitals, as some set their opening ("MORE than 1100 people have been killed ...",
# "PAKISTAN has officially asked ...", Australian and South African pages of L3S-GN1): before a word in lower case,
# so that a dateline ("WASHINGTON Obesity is ...") stays one.
_DROP_CAPITAL = re.compile(r"([A-Z]{3,})(?=\s+[a-z])")
_DROP_CAPITAL_LINES = 3


def _without_drop_capital(lines: list[str], k: int) -> str:
    """``lines[k]`` with its first word in capitals written as the article writes it elsewhere ("More", "Pakistan"): a
    word the article's other lines never write but in capitals is an acronym ("NASA has scrubbed ...", "USC has faced
    ..."), and stays. The other lines are read only for a line that opens on such a word: cleaning runs on every
    article of a day."""
    line = lines[k]
    capital = _DROP_CAPITAL.match(line)
    if capital is None:
        return line
    word = capital.group(1)
    if not re.search(rf"\b(?!{word}\b)(?i:{word})\b", "\n".join(lines[:k] + lines[k + 1:])):
        return line
    return word[0] + word[1:].lower() + line[capital.end():]


# The fewest words of a printed line that goes on into the next when it ends on a connecting word (``_unwrapped``):
# shorter, it is a credit or a byline on a line of its own ("Photo courtesy of").
_PRINTED_LINE_WORDS = 6
# The connecting words such a line may end on: not "by", which ends credits ("Photo by").
_LINE_GOES_ON_AFTER = DANGLING_WORDS - {"by"}
# A line opening on a number and a word in lower case ("5,000 manufacturers (updated ...", "38 games this season",
# "4-0, with the lone assist"): how a sentence goes on after a printed line that ends on a word in lower case ("... from
# more than"). A date or time under a heading ("Jewell close to striker move" / "17:20, Jan 1 2008") is no such line.
_NUMBER_GOING_ON = re.compile(r"\d[\d,.\u2013-]*%?,?\s+[a-z]")
# A space a tokenizer left before a comma, a possessive or "n't": "Richard Reston , son of ...", "Peter Wallsten 's",
# "the automaker isn 't slowing down" (SlashGear, 2019).
_SPACE_BEFORE_PUNCTUATION = re.compile(r"(?<=\w) (?=,\s|'s\s)|(?<=\wn) (?='t\b)")


def normalise_text(text: str) -> str:
    """Unicode, HTML entities, quotes and spaces in one form: mojibake undone (``_unmangled``), straight quotes (also
    for the ``quoted'' and `quoted' of wire copy), ligatures spelled out, single spaces (none before a comma, a
    possessive or "n't"), stripped lines."""
    text = unicodedata.normalize("NFC", html.unescape(_unmangled(text))).replace("\r\n", "\n").replace("\r", "\n")
    if "\ufffd" in text:
        text = "\n".join(map(_closing_quotes_restored, text.split("\n")))
    text = _INVISIBLE.sub("", text).translate(_ONE_FORM).replace("``", '"').replace("''", '"').replace("`", "'")
    return "\n".join(_SPACE_BEFORE_PUNCTUATION.sub("", re.sub(r"[^\S\n]+", " ", line).strip())
                     for line in text.split("\n"))


# What mojibake is made of: UTF-8 read as Latin-1 or Windows-1252 ("Waters\u00e2\u20ac\u2122", "Qu\u00c3\u00a9bec",
# "82\u00c2\u00b0"), and the C1 control codes a Windows-1252 dash or quote becomes ("\x97"). Only a text holding one of
# these is put to ftfy.
_MOJIBAKE_SIGN = re.compile("[\x80-\x9f\u00c2\u00c3\u00e2\u00ef]")


def _unmangled(text: str) -> str:
    """``text`` with its mojibake undone by ftfy (a well-kept library for exactly this, which leaves a text alone
    unless a fix makes it read better): six Multi-News dev articles and four saved 2008 pages carry it, the text
    itself mis-encoded whatever charset it is read with. Only encoding fixes: quotes, widths and line breaks are
    this module's."""
    if not _MOJIBAKE_SIGN.search(text):
        return text
    import ftfy

    return ftfy.fix_text(text, unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
                         fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
                         remove_control_chars=False, normalization=None)


def _closing_quotes_restored(line: str) -> str:
    """``line`` with each ``_LOST_CLOSING_QUOTE`` that closes an open quotation written as the quote it was."""
    parts: list[str] = []
    start = opened = 0  # quotations open before the next lost quote
    for lost in _LOST_CLOSING_QUOTE.finditer(line):
        between = line[start:lost.start()]
        opened += between.count("\u201c") - between.count("\u201d")
        closes = opened > 0
        parts.append(between + ("\u201d" if closes else lost.group()))
        opened -= closes
        start = lost.end()
    return "".join(parts) + line[start:]


def _unwrapped(lines: list[str]) -> list[str]:
    """Paragraphs from hard-wrapped lines: a line that stops mid-sentence goes on into the next, when the next
    opens in lower case or the line ends on a connecting word no sentence or heading ends on ("the House of" /
    "Representatives, the Committee ..." in a document whose every printed line is a paragraph), or it ends on a
    word in lower case and the next opens on a number that goes on (``_NUMBER_GOING_ON``).

    A paragraph is kept as its lines and their word count until it is whole: how it ends is how its last line ends,
    so a document of thousands of joined lines is read once, not once per line."""
    paragraphs: list[list[str]] = []
    words = 0  # in the paragraph being built
    for line in lines:
        if not line:
            continue
        if paragraphs and not ends_with_punctuation(paragraphs[-1][-1]) and (
            line[0].islower() or (line[0].isalnum() and _ends_on_a_connecting_word(paragraphs[-1][-1], words))
            or (paragraphs[-1][-1].rsplit(" ", 1)[-1][0].islower() and _NUMBER_GOING_ON.match(line))
        ):
            paragraphs[-1].append(line)
            words += len(line.split(" "))
        else:
            paragraphs.append([line])
            words = len(line.split(" "))
    return [" ".join(paragraph) for paragraph in paragraphs]


def _ends_on_a_connecting_word(last_line: str, words: int) -> bool:
    """Whether a paragraph of ``words`` words whose last line is ``last_line`` is a printed line, long, ending on a
    connecting word: not a credit or byline left on its own line ("Photo courtesy of", "Posted by"), which goes on
    into no sentence."""
    return words >= _PRINTED_LINE_WORDS and last_line.rsplit(" ", 1)[-1] in _LINE_GOES_ON_AFTER


def news_line(line: str) -> str:
    """``line`` stripped and without its furniture sentences, or "" when it is whole-line boilerplate: what story
    clustering reads of an article's opening, one line at a time, and the brief's cleaning of every line."""
    line = _without_furniture(_REFERENCE_MARK.sub("", _TICKER_QUOTE.sub("", _GLUED_CREDIT.sub("", line.strip()))))
    line = _without_hover_cards(line)
    return "" if not line or _is_boilerplate(line) else line


def _without_hover_cards(line: str) -> str:
    """``line`` without the hover cards glued after names (``_HOVER_CARD``), each looked for only in the 1,100
    characters before its "MORE (": a long line of capitalised words costs no more than a short one."""
    end = line.rfind(_CARD_END)
    while end >= 0:
        cards = _HOVER_CARD.finditer(line, max(0, end - _CARD_LENGTH), end + len(_CARD_END))
        card = next((c for c in cards if c.end() == end + len(_CARD_END) - 1), None)  # the card ending at this MORE
        if card:
            line = line[:card.start()] + card.group(1) + " " + line[card.end():]
        end = line.rfind(_CARD_END, 0, card.start() if card else end)
    return line


def _is_boilerplate(line: str) -> bool:
    return (
        not re.search(r"[^\W_]", line)
        or bool(_BOILERPLATE_LINES.fullmatch(line))
        or bool(_CREDIT_BAR.search(line) or _MENU.search(line))
        or (bool(_AGENCY_CREDIT.match(line)) and not ends_with_punctuation(line) and len(line.split()) <= 8)
        or bool(_SCRIPT_LINE.search(line))
    )


def _without_furniture(line: str) -> str:
    """``line`` without its sentences of page furniture (``_FURNITURE_PHRASES``); the other sentences stay."""
    lowered = line.lower()
    if not any(phrase in lowered for phrase in _FURNITURE_LOWER):
        return line
    return _rejoined(line, [(start, end) for start, end in split_sentences(line)
                            if not _FURNITURE.search(line[start:end])])


def _rejoined(line: str, kept: list[tuple[int, int]]) -> str:
    """The sentences of ``line`` at spans ``kept``: two that stood side by side keep what stood between them (nothing,
    where a scrape glued them, so that the splitter finds that end again: "arrested were:All 10 were placed"); a
    space closes the gap a dropped sentence leaves."""
    pieces = []
    for k, (start, end) in enumerate(kept):
        gap = line[kept[k - 1][1]:start] if k else ""
        pieces.append((gap if not gap.strip() else " ") + line[start:end])
    return "".join(pieces)


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


def repair_glued_words(line: str) -> str:
    """Put the missing space into words glued where a tag or line break was dropped ("borderwith").

    Without wordfreq installed the line is returned as it is: a wrong split would change a quoted source. Only
    ordinary words are repaired: a word between code marks (``{% endfor %}``, ``<% end %>``) is code, and a token
    with anything but letters and punctuation (a URL, handle, hashtag, identifier) never matches a word.
    """
    tokens = line.split(" ")
    repaired = [token if _beside_code(tokens, k) else _repaired_token(token) for k, token in enumerate(tokens)]
    return " ".join(repaired) if repaired != tokens else line


# A word a printed page broke at its line end, the hyphen left and a space put where the line break was: "tele- phone
# service", "whose opera- tions can be adversely affected" (a report extracted from its PDF).
_BROKEN_WORD = re.compile(r"\b([A-Za-z]+)- ([a-z]+)\b")
# The joined word must be this common (Zipf scale) to be one word: "pre- and post-war" and "well- known" stay.
_MIN_ZIPF_OF_JOINED = 3.0


def _rejoined_hyphenation(line: str) -> str:
    """``line`` with each word a printed line end broke joined again, when wordfreq knows the joined word well;
    without wordfreq, or with nothing broken, the line as it is."""
    if "- " not in line or not _BROKEN_WORD.search(line):
        return line
    zipf = word_zipf()
    if zipf is None:
        return line
    return _BROKEN_WORD.sub(lambda m: m[1] + m[2] if zipf((m[1] + m[2]).lower()) >= _MIN_ZIPF_OF_JOINED else m[0],
                            line)


def _beside_code(tokens: list[str], k: int) -> bool:
    """Whether the token at ``k`` stands next to a run of code symbols (``{%``, ``}}``, ``=>``, ``<%``)."""
    return any(_CODE_MARKS.fullmatch(tokens[j]) for j in (k - 1, k + 1) if 0 <= j < len(tokens))


@functools.lru_cache(maxsize=1 << 17)
def _repaired_token(token: str) -> str:
    """``token`` with the glued word in it split, if any; cached, as most tokens of a day recur."""
    plain = _PLAIN_WORD.fullmatch(token)
    if plain is None:
        return token
    split = glued_word_split(plain[2])
    return f"{plain[1]}{split}{plain[3]}" if split else token


def glued_word_split(word: str) -> str | None:
    """``word`` with its missing space put back, or None when it is not clearly two words.

    Only a word wordfreq does not know is split, and only into a glue word (a preposition, conjunction or
    auxiliary) and a common word, at the one place where that is possible: "againstMoscow", "borderwith", "Berlinbefore";
    never "YouTube", "ceasefire", "Zelenskyy" or "attourney".
    """
    camel = _CAMEL_JOIN.fullmatch(word)
    if camel and camel[1] not in _CAMEL_GLUE or not camel and not (
            _RUN_ON.fullmatch(word) and _GLUE_AT_AN_END.fullmatch(word)):
        return None  # decided without wordfreq, so a text with no candidate never loads it
    zipf = word_zipf()
    if zipf is None or zipf(word.lower()) > 0:
        return None
    if camel:
        return f"{camel[1]} {camel[2]}"
    cuts = _glue_cuts(word, zipf)
    return f"{word[: cuts[0]]} {word[cuts[0] :]}" if len(cuts) == 1 else None


def _glue_cuts(word: str, zipf: Callable[[str], float]) -> list[int]:
    """The places where ``word`` is a glue word and a common word joined, either way round."""
    lower, cuts = word.lower(), []
    for cut in range(3, len(word) - 1):
        first, second = lower[:cut], lower[cut:]
        if word.islower() and first in _GLUE_STARTS:
            other = second
        elif second in _GLUE_ENDINGS or (word.islower() and second in _SHORT_GLUE_ENDINGS):
            other = first
        else:
            continue
        if len(other) >= 3 and other not in _PREFIX_WORDS and zipf(other) >= _MIN_ZIPF_OF_OTHER_PART:
            cuts.append(cut)
    return cuts


def _without_repeats(lines: list[str]) -> list[str]:
    """Drop every sentence (of four words or more) already seen earlier in the article, and emptied lines.

    Scrapes often hold the body twice (once as lines, once glued into one line) or repeat a headline inside it.
    """
    seen: set[str] = set()
    kept_lines = []
    for line in lines:
        kept = []
        for start, end in split_sentences(line):
            key = _key(line[start:end])
            if len(key.split()) >= 4 and key in seen:
                continue
            seen.add(key)
            kept.append((start, end))
        if kept:
            kept_lines.append(_rejoined(line, kept))
    return kept_lines


def _key(text: str) -> str:
    """Text compared by its words only: case, punctuation and spacing do not matter."""
    return " ".join(re.findall(r"\w+", text.lower()))
