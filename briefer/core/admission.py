"""Admission: which sentences a reader may be shown as a lede or point, and what part of each to show.

Every sentence stays evidence (centrality, coverage, citations); admission only decides what is never shown:
captions, page and wire furniture, fragments, sentences that lean on context the reader never sees and quotes
with no speaker. What can be mended is mended instead: a leading dateline, agency tag or label ("WASHINGTON (AP)
—", "(CNN) --", "UPDATE:") is left out of what is shown.

The decision is learned, not a pile of rules: a logistic model over cheap features of the sentence (how it opens
and ends, its quotes, its capitals and digits, where it sits in its article, what in it points back to an unseen
sentence, the dates and cut-off ends of captions and fragments) and its static embedding, fitted on
hand-labelled sentences (``tests/data/admission_labels.jsonl``) by ``bench/fit_admission.py``, which writes
``briefer/data/admission.json`` and reports precision and recall on sources it did not fit on.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import numpy as np

from briefer.fitted import MIN_SHOWN, OPENING_FLOOR, SHOWN_FLOOR
from briefer.text.lexicon import (ATTRIBUTION, CONNECTING_WORDS, FINITE_VERB, MEDIA_WORDS, MONTH, MONTH_ABBREVIATIONS,
                                  POST_HANDLE, WEEKDAY, WORD, YEAR, alternation, outside_quotations, speakers_in)
from briefer.types import Sentence

_PLACE = r"(?!(?:FILE|PHOTO|VIDEO|IMAGE|WATCH)\b)[A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+){0,3}"  # "KUALA LUMPUR"
# A place of a wire's two-place dateline: four capitals or more ("GAZA/JERUSALEM", not "AC/DC" or "NBC/WSJ").
_WIRE_PLACE = r"[A-Z]{4,}(?:\s+[A-Z]{3,}){0,2}"
# "Beijing", "Washington", "St. Louis": only before an agency in brackets, or as "London, England —" before a long
# dash
_TOWN = r"[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+){0,2}"
_STATE = r"(?:[A-Z]{2}|[A-Z][a-z]{1,4}\.)"  # "VA", "Va.", "Calif." after a town: "Charlottesville, VA - "
_REGION = r"(?:,\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})?"  # ", Malaysia", ", South Korea", ", D.C."
# "June 10", "10 June", "Nov. 30, 2018", "Monday"; a month in capitals, as some wires write it: "LONDON, JAN 17
# (PTI) —"
_CAPITAL_MONTH = alternation([m.upper() for m in [*MONTH_ABBREVIATIONS, "May", "June", "July"]])
_DATE = (rf"(?:(?:[A-Z][a-z]{{2,8}}|{_CAPITAL_MONTH})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+[A-Z][a-z]{{2,8}}"
         r"(?:\s+\d{4})?|[A-Z][a-z]+day)")
# "(AP)", "(Reuters)", "(CNN Money)", "(Reuters Life!)", a station and its channel "(NEWS 10)", two stations
# "(WRDW/WAGT)"; a press-release wire between slashes: "/PRNewswire/"
# A scraper's spaces inside the brackets too: "( Reuters )- A long-delayed ...".
_AGENCY = (r"(?:\(\s?(?:[A-Z][\w.&'\u2019/-]*(?:\s+[A-Z0-9][\w.&'\u2019/!-]*){0,3})\s?\)"
           r"|/[A-Z][\w-]*(?:\s[A-Z][\w-]*)?/)")
# A hyphen only with a space before it: "US-China" is no dateline. ">>" is some papers' dash ("WOODLAND HILLS >> ...").
_DASH = r"(?:\u2014|\u2013|---?|_|>>|(?<=\s)-)"  # "---" too: "CHAPEL HILL, N.C. --- Top-ranked ..."
# "UPDATE:", "Update, 21 April:", "UPDATED 2 -", "BREAKING NEWS:"
_LABEL = (r"(?:(?i:update[ds]?)(?:\s*\d+|,?\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2})(?:,?\s+\d{4})?)?"
          r"|BREAKING(?:\s+NEWS)?|EXCLUSIVE|ANALYSIS|OPINION)\s*[:\u2014\u2013]\s+")
# A live report's time stamp: "12:00 PM PT -- Sheriff's deputies were at The London ...", "10:45 a.m. ET: ...", or
# a British live blog's bare 24-hour time before its entry ("16.06 AirAsia QZ8501 made an ... steep climb ..."; not
# "95.32 percent", nor "9.30 A.M.").
_TIME_STAMP = (r"(?:\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\.?(?:\s+[A-Z]{2,4})?\s*(?:--|\u2014|\u2013|:)"
               r"|(?:[01]?\d|2[0-3])[.:][0-5]\d(?!\s+[AaPp]\.?[Mm]\b)(?=\s+[A-Z]))\s+")
# The bullet or number of a list item the page's text kept ("- Ogunjobi and Garrett have been playing ...", "1) At the
# beginning of the press conference, Trump blasted ..."), or the dashes a dateline leaves when the place before it
# went to another line ("\u2014 A quick-thinking dispatcher ...", "\u2014 -- Hillary Clinton has an explanation ...").
_LIST_MARK = r"(?:(?:[\u2022\u00b7*]|[-\u2013\u2014]+(?=\s)|\d{1,2}\)(?=\s))\s*)+"
# A video player's buttons or a picture's label left before the text of its caption ("CLOSE Kevin Spacey is facing yet
# another accuser", "Skip in Skip x Embed x Share FBI officials say ...", "Caption Wildlife officials in Kenya shot
# the escaped lion ...").
_PLAYER_BUTTON = r"(?:CLOSE|Caption|Skip in Skip x Embed x Share)\s+(?=[A-Z][a-z]|[A-Z]{2,}\s)"
_CAPTION_AFTER_BUTTON = re.compile(_PLAYER_BUTTON)
# A gallery's counter before a picture's caption ("Hide Caption 6 of 43 Photos: The search for MH370 Members of the
# media scramble ...", "1 of 10 Full Screen Autoplay Close Skip Ad \u00d7 The moment a lion is shot dead ..."): 59
# such sentences in the tune half, MultiLing and the saved pages, every one a caption.
_GALLERY_CAPTION = re.compile(r"(?:Hide Caption\s+)?\d{1,3} of \d{1,3}\s+(?:Photos?|Full Screen|Images?|Pictures?)\b")
# A page's date line run into its first sentence, a scraper having dropped the line break: a full date with its
# year, then at once a capitalised word ("Tuesday, January 18, 2005Through a telethon, ...", "Saturday, March 26,
# 2005 Up to four times as many ..."), or a dash between ("Feb. 23, 2015 -- Life-threatening peanut allergies ...").
# A sentence about a date goes on in lower case ("March 26, 2005 was ...").
_DATE_LINE = rf"(?:(?:{WEEKDAY}),\s+)?{MONTH}\.?\s+\d{{1,2}},\s*{YEAR}\s*(?:{_DASH}\s*)?(?=[A-Z][a-z])"
# A picture's date line: a bare date, a comma, and no subject after it ("17 January, 1991, when the first Gulf War
# began.", "Early 2000, citing a line from ..."). "In 2012, another judge convicted ..." has its subject.
_DATE_WITHOUT_SUBJECT = re.compile(rf"^(?:(?:Early|Late|Mid)[- ])?(?:\d{{1,2}}\s+{MONTH},?\s+\d{{4}}|"
                                   rf"{MONTH}\s+(?:\d{{1,2}},?\s+)?\d{{4}}|\d{{4}}),\s+[a-z]")
# A photo's caption: someone doing something in the present tense, a few words in, at a scene it dates or places
# ("President Donald Trump speaks during a news conference in the East Room ..., Thursday, Feb. 16, 2017.", "O.J.
# Simpson testifies during an evidentiary hearing ...", "Mike Brown stands for a portrait in front of ..."). News in
# the present tense says something ("Durst still faces a separate murder charge") or has a verb of saying or an
# auxiliary ("will", "has"), which a caption does not. A name may hold "of" ("Northern Ireland Minister of Justice
# David Ford speaks to the media ...").
_SCENE_VERBS = ("stands sits poses gestures waves smiles arrives walks speaks looks listens holds points returns "
                "answers attends reacts testifies addresses greets leaves watches talks pauses prays rides carries "
                "celebrates kneels hugs shakes delivers wipes embraces displays performs sings dances climbs inspects")
# Verbs that news uses in the present too ("Democrats remain divided on the bill, which passed in 2017."): a caption
# only with the place and day of its picture ("Members of Occupy Philadelphia remain on site at City Hall into the
# evening of Nov. 28."; not "Talks remain stalled since March 3.").
_DAY_SCENE_VERBS = "remains gathers waits remain gather wait stand sit pose"
_SCENE_SUBJECT = (r"(?:(?:A|An|The)\s+(?:[a-z][\w-]*\s+){1,3}|"
                  r"(?:(?:A|An|The)\s+)?(?:[A-Z0-9][\w.'\u2019-]*,?\s+|(?:of|and)\s+(?=[A-Z])){1,7}?)")
_PICTURED = re.compile(rf"^{_SCENE_SUBJECT}(?:{alternation(_SCENE_VERBS.split())})\b")
_PICTURED_ON_A_DAY = re.compile(rf"^{_SCENE_SUBJECT}(?:{alternation(_DAY_SCENE_VERBS.split())})\b")
_SCENE = re.compile(rf"\b(?:during|in front of)\b|\b{MONTH}\.?\s+\d{{1,2}}\b|\b(?:{WEEKDAY}),\s|\b{YEAR}\b")
_DAY_OF_THE_PICTURE = re.compile(rf"\b(?:at|outside|inside|near|in front of)\s.*\b{MONTH}\.?\s+\d{{1,2}}\b")
# What a picture is, opening its caption: "An artist's illustration of NASA's Parker Solar Probe ...", "This image
# provided by the Montgomery County Correctional Facility shows Bill Cosby ...", "This graphic provided by United
# attempts to explain ...", "An official product shot of Kinect, formally known as Project Natal, ...". ("The photos
# show the unidentified boy ..." may be a story's evidence, and stays.)
_WHAT_A_PICTURE_IS = re.compile(r"^(?:(?:An?|This|The)\s+)?artist'?s\s+(?:illustration|impression|rendering|concept"
                                r"|depiction)\b|^This\s+(?:image|photo|photograph|picture|graphic|illustration|"
                                r"handout(?: photo)?|video still)\s+(?:provided|released|obtained|taken|made available|"
                                r"shows)\b|^(?:An?|The)\s+(?:[a-z]+\s+){0,2}(?:product|file|publicity|promotional|press|"
                                r"handout)\s+(?:shot|photo|photograph|image|picture|still)\s+of\b", re.IGNORECASE)
# A picture on the page the sentence points at, wherever it stands ("Police released this still image from
# surveillance video ...", "The moon turns blood-red in this image of a total lunar eclipse from 2004."): the reader
# of a brief never sees it.
_THIS_PICTURE = re.compile(r"\b[Tt]his\s+(?:[\w-]+\s+){0,2}?(?:photo|photograph|image|picture|video still|screenshot|"
                           r"screengrab)\b")
# A picture's credit glued before its caption ("Associated Press An Israeli soldier rides on top of ..."): a credit
# names who took the picture and a sentence of news never opens on one followed by a new subject.
_CREDIT_BEFORE_CAPTION = re.compile(r"^(?:Associated Press|AP Photo|AFP|EPA|Getty Images|Reuters|Shutterstock|"
                                    r"Bloomberg)\s+(?:An?|The|This|These)\s")
# A social-media post embedded in a page, signed with its author's handle or carrying its picture link: "Elon Musk
# (@elonmusk) Kanye stopped by the SpaceX rocket factory today.", "... reading list. pic.twitter.com/TiduRZIEox".
_EMBEDDED_POST = re.compile(rf"{POST_HANDLE}|\bpic\.twitter\.com/")
# A page's time stamp, a date in figures and a clock time, which news text writes in words ("Jan. 15 at 9:10 a.m."):
# a listing's line or a reader's comment ("07/01/2008 20:12:00 Business Wire Magellan RoadMate(R) Line Expands ...",
# "Didn't take long by Danthefan2 01/15/2008 9:10 a.m. CT ...", L3S-GN1).
_PAGE_STAMP = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\W{0,3}\d{1,2}:\d{2}\b")
# A picture's date as a wire's caption writes it, weekday, month, day and year ("..., Saturday, Feb. 19, 2011."):
# in a sentence whose main clause has no verb in the past nor any other finite one, it dates a picture ("Civilians
# cheer as mutinous soldiers drive past in Bamako, Mali Wednesday March 21, 2012.", "Author and IRA expert Ed Moloney
# talks to reporters at his home in New York, Thursday, May 1, 2014."); news with it tells what was done ("Judge Kurt
# Engelhardt on Wednesday, April 27, 2016, approved a plea agreement ...").
_WIRE_PICTURE_DATE = re.compile(rf"\b(?:{WEEKDAY}),?\s+{MONTH}\.?\s+\d{{1,2}},?\s+{YEAR}\b")
# What opens a relative or subordinate clause, whose verb may be in the past in a caption ("... the military pulled
# out"); not "as" ("as many women as men died").
_CLAUSE_OPENER = re.compile(r"\b(?:that|which|who|whom|whose|where|after|while|when|before|since|because|until)\b")
_NOT_A_CAPTION = re.compile(r"\b(?:said|says|told|according to|will|would|has|have|had|was|were|is|are)\b|[\"\u201c]")
_OUTLETS = r"(?:Associated Press|AP|Reuters|AFP|CNN|Bloomberg|UPI)"
_NAME = r"[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,3}"
# Where someone stands in a picture ("Sinn Fein President Gerry Adams, right, carries the coffin ...", "Jennifer
# Paterson (left) and Clarissa Dickson Wright filming ...", "(Left to right) Nolan Gould, ...", "actor Tom Sizemore,
# seen here in 2014, ...", "McKenzie Anderson, before and after she came down with ..."): said of nobody outside a
# caption ("Everything about Simpson, before and after the trial, became ..." names no one first).
# A party after a name, "McDonnell (R)", is no place in a picture, nor is "a shift from left to right".
_PLACED_IN_PICTURE = re.compile(rf"{_NAME},\s+(?:left|right|center|centre),|{_NAME}\s+\((?i:left|right|center|centre)\)"
                                r"|\b(?i:from left|left to right)\s*[,:)]"
                                r"|,\s+(?:seen|pictured|shown)\s+(?:here|above|below)\b"
                                rf"|^{_NAME},\s+before and after\b")
# What a wire or web page puts before the first sentence: a label ("UPDATE:"), then a place in capitals (or a wire's
# two: "SURABAYA, Indonesia/JAKARTA (Reuters) -"), a date and/or an agency in brackets, then a dash; or a wire's two
# places and their country, even when a scraper dropped
# the agency and dash after them ("JAKARTA/PANGKALAN BUN, Indonesia Search teams ...", "GAZA/JERUSALEM Israel's
# cabinet ..."), or a place in capitals and its date ("OAKLAND, Calif., Dec. 29 Two free throws ..."); a town and
# its date before a dash ("Chennai, Dec 31 - National grasscourt champion ..."); or a byline; or a list item's bullet
# or a player's button. A place needs
# capitals and a dash, so a sentence opening on "NASA said" is never cut, and "FILE -" (a photo caption's mark) is left
# for admission to refuse.
_DATELINE = re.compile(
    rf"^(?:{_LABEL})?(?:"
    rf"(?:(?:{_PLACE}|{_TOWN}){_REGION}(?:/{_PLACE}{_REGION})*(?:,\s*{_DATE})?,?|{_DATE})?\s*{_AGENCY}\s*"
    rf"(?:{_DASH}|-|:)?\s*"
    rf"|{_PLACE}{_REGION}(?:,\s*{_DATE})?\s*(?:{_DASH}\s+|(?:\u2014|\u2013|--)(?=[A-Z\"\u201c]))"
    rf"|{_TOWN},\s*(?:{_TOWN}|{_STATE}|{_DATE})\s+(?:\u2014|\u2013|--|-)\s+"
    rf"|{_PLACE}{_REGION},\s*{_DATE}\s+(?=[A-Z][a-z])"
    rf"|{_WIRE_PLACE}/{_WIRE_PLACE}(?:,\s*{_TOWN})?\s+(?=[A-Z][a-z])"
    rf"|By\s+{_NAME}(?:\s+(?:and|&)\s+{_NAME})?(?:,?\s+{_OUTLETS}[\w ]{{0,20}}|,\s+{_NAME})?\s*(?:{_DASH}|-|\|)\s+"
    rf")|^{_LABEL}|^{_TIME_STAMP}|^{_LIST_MARK}|^{_PLAYER_BUTTON}|^{_DATE_LINE}"
)


# A page's label before a colon, which a place in capitals and a colon must not be read as: "NOTE:", "LISTEN:"
# (``_PLACE`` itself refuses "FILE", "PHOTO", "VIDEO", "IMAGE" and "WATCH").
_COLON_LABELS = (r"(?!(?:PHOTOS|VIDEOS|LIVE|LISTEN|READ|SEE|NOTE|EDITOR'?S\s+NOTE|CORRECTION|CLARIFICATION|"
                 r"REVIEW|RECAP|TRANSCRIPT|POLL|QUIZ|Q)\s*:)")
# Only on an article's first sentence, where a dateline stands: a place in capitals and a colon, as Indian outlets
# and PTI write it ("KATHMANDU: Lukla Airport, the gateway to ... Mt. Everest will be rechristened ...", "NEW DELHI:
# The Board of Control for Cricket in India ..."); a town and its state before a dash with no space after it ("Reno,
# Nev.\u2014Natalie White recorded ..."); a town alone before a dash ("Washington - The United
# States is considering ...", "Colombo - Sri Lanka's cricket chief ..."), as some wires write their datelines, and a
# byline run into the dateline with a date and a page's buttons between ("By THE ASSOCIATED PRESS January 7, 2008
# Comments Print Email NEW YORK \u2014 For one night, ..."). Further down an article a name and a dash may open a
# sentence of news.
_OPENING_DATELINE = re.compile(rf"^{_TOWN}\s+{_DASH}\s+(?=[A-Z\"\u201c])"
                               rf"|^By\s+[A-Z][^.!?\n]{{0,80}}?\s{_PLACE}{_REGION}\s*{_DASH}\s+(?=[A-Z\"\u201c])"
                               rf"|^{_COLON_LABELS}{_PLACE}{_REGION}:\s+(?=[A-Z\"\u201c])"
                               rf"|^{_TOWN},\s*{_STATE}\s*(?:\u2014|\u2013)(?=[A-Z\"\u201c])")


# A wire writer's byline in capitals, run into the dateline with whatever a page glued before it (its title twice,
# "Staff and agencies", a date, an age: "Thai market bombing injures 39 Thai market bombing injures 39 Staff and
# agencies 15 January, 2008 By SUMETH PANPETCH, Associated Press Writer 1 hour, 40 minutes ago YALA, Thailand -
# Suspected ...", "AP Photo XAN101 ... By AHMED AL-HAJ Associated Press Writer SAN'A, Yemen (AP) -- ..."): all of it
# is the page's.
_WIRE_BYLINE_RUN = re.compile(rf"^[^.!?\n]{{0,200}}?\bBy\s+[A-Z][A-Z.'\u2019 -]+,?\s+{_OUTLETS}\s+"
                              rf"(?:Writer|Correspondent)s?\b[^.!?\n]{{0,40}}?\s{_PLACE}{_REGION}\s*"
                              rf"(?:\({_OUTLETS}\)\s*)?{_DASH}\s+(?=[A-Z\"\u201c])")


def shown_start(text: str, first: bool = False) -> int:
    """How many characters of ``text`` a reader is not shown: its leading dateline, agency tag, label or byline
    (``first``: the sentence opens its article, where ``_OPENING_DATELINE`` is one too)."""
    skipped = 0
    for _ in range(2):  # a byline may stand before a dateline
        match = _DATELINE.match(text[skipped:]) or _WIRE_BYLINE_RUN.match(text[skipped:]) \
            or (_OPENING_DATELINE.match(text[skipped:]) if first else None)
        if match and match.end() < len(text) - skipped:
            skipped += match.end()
    rest = text[skipped:]
    if skipped and (len(rest.split()) < 4 or not rest[:1].isupper() and rest[:1] not in "\"\u201c'\u2018"):
        return 0  # what is left would not read as a sentence: keep it whole, admission decides
    return skipped


_PRONOUN = re.compile(r"^[\"'\u201c\u2018]?(?:he|she|they|it|his|her|their|its|this|these|those|him|them)\b",
                      re.IGNORECASE)
_CONNECTIVE = re.compile(r"^(?:but|and|also|however|meanwhile|further|furthermore|additionally|still|yet|so|then|"
                         r"there|here|instead|otherwise|thus|therefore|that|which|or|nor)\b", re.IGNORECASE)
_QUOTE_OPEN = re.compile(r"^[\"'\u201c\u2018]")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|My|our|Our|me|us|I'm|we're|We're|I've|we've)\b")
_DEFINITE = re.compile(r"^(?:The|That|Such)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*\b")
_PROPER = re.compile(r"(?<=\s)[A-Z][a-z]+")
_WEB = re.compile(r"https?://|www\.|\.com\b|@\w|#\w")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
# Words that mark a page prompt rather than reporting (those of pictures and players: ``MEDIA_WORDS``); the model
# learns how much each says.
_PROMPT = re.compile(r"\b(?:subscribe|sign up|newsletter|click|follow us|share|read more|comments?|advertisement|"
                     r"cookies?|browser|download|app|email us|tips?)\b", re.IGNORECASE)
_CAPS_OPENER = re.compile(r"^[A-Z]{3,}\b(?!\s+(?:said|says|has|have|is|was|will))")  # "EMBED ...", "CLOSE ..."
_TERMINAL = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
# Signs that a sentence leans on one before it, anywhere in it: a third-person pronoun, a back-reference ("both",
# "the latter", "the incident"), a clause opener that continues a story ("After ...", "As a result ..."), a
# speaker named only by a pronoun ("he said").
_THIRD_PERSON = re.compile(r"\b(?:he|she|they|him|her|them|his|their|it|its)\b", re.IGNORECASE)
_BACK_REFERENCE = re.compile(r"\b(?:both|either|neither|the (?:same|former|latter|incident|case|move|decision|request|"
                             r"report|statement|attack|plan|deal|couple|pair|victim|suspect|man|woman|boy|girl))\b",
                             re.IGNORECASE)
_CONTINUING_OPENER = re.compile(r"^(?:Although|Though|After|As a result|Besides|Even|With|Among|Despite|While|When|"
                                r"Since|Because|Instead|Meanwhile|Last|Earlier|Later)\b")
_PRONOUN_SPEAKER = re.compile(r"\b(?:he|she|they|it)\s+(?:said|says|told|added|wrote)\b", re.IGNORECASE)
# A date given in full, as photo captions give it: a weekday before the month ("Thursday, Feb. 16, 2017",
# "Friday, May, 2 2014"), or a month, day and year.
_CAPTION_DATE = re.compile(r"\b[A-Z][a-z]+day,\s+[A-Z][a-z]{2,8}\.?,?\s+\d{1,2}\b")
_FULL_DATE = re.compile(rf"\b[A-Z][a-z]{{2,8}}\.?,?\s+\d{{1,2}},?\s+{YEAR}\b")
# A piece rather than a sentence: cut off by its source ("about the 1972..."), or a heading before a colon
# ("High Risk: ...").
_CUT_OFF = re.compile(r"(?:\.\.\.|\u2026)[\"'\u201d\u2019)]*$")
_HEADING_COLON = re.compile(r"^[^.:\"\u201c]{1,40}:\s")

FEATURES = (
    "log_words", "short", "long", "ends_terminal", "ends_colon", "question", "pronoun_opener", "connective_opener",
    "quote_opener", "unbalanced_quotes", "has_quote", "first_person", "attribution", "first_person_unattributed",
    "no_lower_content", "capital_share", "digit_share", "allcaps_share", "first_in_article", "last_in_article",
    "position", "definite_opener", "proper_noun", "web", "clock", "media_words", "prompt_words", "caps_opener",
    "stripped", "pronoun_before_name", "back_reference", "continuing_opener", "no_name", "pronoun_speaker",
    "pronoun_share", "caption_date", "full_date", "cut_off", "heading_colon",
)
# The features that tell a sentence leans on the one before it: read right after that one, it does not.
CONTEXT_FEATURES = ("pronoun_opener", "connective_opener", "quote_opener", "definite_opener", "pronoun_before_name",
                    "back_reference", "continuing_opener", "no_name", "pronoun_speaker", "pronoun_share")
_CONTEXT_COLUMNS = [FEATURES.index(name) for name in CONTEXT_FEATURES]


def features(sentence: Sentence, sentences_in_article: int, stripped: bool) -> np.ndarray:
    """The cheap features of one sentence as shown (``FEATURES`` order)."""
    text = sentence.text
    words = text.split()
    n = max(len(words), 1)
    alpha = WORD.findall(text)
    lower = [w for w in alpha if w[0].islower()]
    quotes = text.count('"') + text.count("\u201c") + text.count("\u201d")
    first_person = bool(_FIRST_PERSON.search(text))
    attribution = bool(ATTRIBUTION.search(text))
    last = max(sentences_in_article - 1, 1)
    pronouns = [m.start() for m in _THIRD_PERSON.finditer(text)]
    name = _PROPER.search(text)
    values = (
        np.log1p(n) / 4.0,
        n < 6,
        n > 50,
        bool(_TERMINAL.search(text.rstrip())),
        text.rstrip().endswith(":"),
        text.rstrip().rstrip("\"'\u201d\u2019").endswith("?"),
        bool(_PRONOUN.match(text)),
        bool(_CONNECTIVE.match(text)),
        bool(_QUOTE_OPEN.match(text)),
        text.count('"') % 2 == 1 or text.count("\u201c") != text.count("\u201d"),
        quotes > 0,
        first_person,
        attribution,
        first_person and not attribution,
        not (set(w.lower() for w in lower) - CONNECTING_WORDS),
        sum(w[0].isupper() for w in alpha) / max(len(alpha), 1),
        sum(c.isdigit() for c in text) / max(len(text), 1) * 5.0,
        sum(len(w) > 1 and w.isupper() for w in alpha) / max(len(alpha), 1),
        sentence.index == 0,
        sentence.index >= sentences_in_article - 1,
        sentence.index / last,
        bool(_DEFINITE.match(text)),
        name is not None,
        bool(_WEB.search(text)),
        bool(_CLOCK.search(text)),
        min(len(MEDIA_WORDS.findall(text)), 3) / 3,
        min(len(_PROMPT.findall(text)), 3) / 3,
        bool(_CAPS_OPENER.match(text)),
        stripped,
        bool(pronouns) and (name is None or pronouns[0] < name.start()),
        bool(_BACK_REFERENCE.search(text)),
        bool(_CONTINUING_OPENER.match(text)),
        name is None,
        bool(_PRONOUN_SPEAKER.search(text)),
        len(pronouns) / n * 5.0,
        bool(_CAPTION_DATE.search(text)),
        bool(_FULL_DATE.search(text)),
        bool(_CUT_OFF.search(text.rstrip())),
        bool(_HEADING_COLON.match(text)),
    )
    return np.asarray(values, dtype=np.float32)




@dataclass(frozen=True)
class AdmissionModel:
    """Fitted weights: one per feature of ``FEATURES``, then one per dimension of the static embedding."""

    weights: np.ndarray
    bias: float
    threshold: float  # the least probability of being publishable that a shown sentence needs

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(rows @ self.weights + self.bias)))


@lru_cache(maxsize=1)
def shipped_model() -> AdmissionModel:
    """The model ``bench/fit_admission.py`` fitted, shipped in ``briefer/data/admission.json``."""
    data = json.loads(resources.files("briefer.data").joinpath("admission.json").read_text(encoding="utf-8"))
    return AdmissionModel(np.asarray(data["weights"], dtype=np.float32), float(data["bias"]), float(data["threshold"]))


def strip_shown(sentences: list[Sentence]) -> tuple[list[Sentence], list[bool]]:
    """Each sentence without what a reader is not shown (its dateline...), and whether anything was left out.

    The sentence stays a slice of its article: only its start moves. The caption of a video or picture after its
    player's buttons or label ("CLOSE Vanderbilt Chancellor Nicholas S. Zeppos discusses why the university is
    renaming ...") is never shown, but stays evidence: it often tells the news the article tells. Nor is a picture's
    date line, which has no subject to be a sentence ("November 1989, as the Berlin Wall was crumbling."), nor a
    caption that tells what a picture shows (``pictured``) or stands after a gallery's counter (``_GALLERY_CAPTION``),
    nor a sentence its page cut off (``cut_off``), nor a social-media post embedded in the page (``_EMBEDDED_POST``),
    nor a line with the page's time stamp (``_PAGE_STAMP``).
    """
    shown, stripped = [], []
    for sentence in sentences:
        if _DATE_WITHOUT_SUBJECT.match(sentence.text) or pictured(sentence.text) or cut_off(sentence.text) \
                or _EMBEDDED_POST.search(sentence.text) or _PAGE_STAMP.search(sentence.text) \
                or _GALLERY_CAPTION.match(sentence.text):
            sentence = replace(sentence, admissible=False)
        skip = shown_start(sentence.text, first=sentence.index == 0)
        if skip:
            sentence = replace(sentence, text=sentence.text[skip:], start=sentence.start + skip,
                               admissible=sentence.admissible and not _CAPTION_AFTER_BUTTON.match(sentence.text))
        shown.append(sentence)
        stripped.append(bool(skip))
    return shown, stripped


def cut_off(text: str) -> bool:
    """Whether a sentence ends in an ellipsis: a teaser its page cut ("... was given the royal treatment she
    deserved…"), or a quotation trailing off. All 19 such sentences among the admission labels are unpublishable."""
    return bool(_CUT_OFF.search(text.rstrip()))


def pictured(text: str) -> bool:
    """Whether a sentence is a photo's caption: someone doing something, in the present tense, at a dated or described
    scene, with no verb of saying, auxiliary or quotation ("Ellen Pao leaves San Francisco Superior Court ... during a
    lunch break in San Francisco, California March 25, 2015."), one that says where someone stands in it, or one
    that opens on what the picture is ("An artist's illustration of ...", "This image provided by ... shows") or on
    its credit ("Associated Press An Israeli soldier rides ..."), or one that points at the picture ("... in this image
    of a total lunar eclipse from 2004."), or one in the present dated as a wire dates a picture
    (``_WIRE_PICTURE_DATE``).
    """
    return ((bool(_PICTURED.match(text)) and bool(_SCENE.search(text))
             or bool(_PICTURED_ON_A_DAY.match(text)) and bool(_DAY_OF_THE_PICTURE.search(text))
             or _dated_as_a_picture(text))
            and not _NOT_A_CAPTION.search(text)
            or bool(_PLACED_IN_PICTURE.search(text)) or bool(_WHAT_A_PICTURE_IS.match(text))
            or bool(_THIS_PICTURE.search(outside_quotations(text)))
            or bool(_CREDIT_BEFORE_CAPTION.match(text)))


def _dated_as_a_picture(text: str) -> bool:
    """Whether a sentence carries a wire's picture date after its opening (at its start the date is a page's date
    line: "Saturday, March 26, 2005 Up to four times as many women ...") and no finite verb in its main clause, before
    a relative or subordinate clause opens ("Accident investigators look through the wreckage from a ... Boeing 777
    plane flying from China that landed short of the runway ..., Friday Jan. 18, 2008.")."""
    date = _WIRE_PICTURE_DATE.search(text)
    return date is not None and date.start() > 0 and not FINITE_VERB.search(_CLAUSE_OPENER.split(text, maxsplit=1)[0])


def _attributed(text: str) -> bool:
    """Whether a sentence gives what it says to someone named: a speaker, or "according to" someone."""
    return bool(speakers_in(text)) or "according to" in text.lower()


def feature_rows(sentences: list[Sentence], stripped: list[bool], vectors: np.ndarray) -> np.ndarray:
    """The model's input for each sentence: cheap features, then its static embedding (rows of ``vectors``)."""
    counts: dict[str, int] = {}
    for sentence in sentences:
        counts[sentence.article_id] = max(counts.get(sentence.article_id, 0), sentence.index + 1)
    cheap = np.vstack([features(s, counts[s.article_id], k) for s, k in zip(sentences, stripped)]) if sentences \
        else np.zeros((0, len(FEATURES)), dtype=np.float32)
    return np.hstack([cheap, np.asarray(vectors, dtype=np.float32).reshape(len(sentences), -1)])


def admit(sentences: list[Sentence], stripped: list[bool], vectors: np.ndarray,
          model: AdmissionModel | None = None, opinion: frozenset[str] = frozenset()) -> list[Sentence]:
    """``sentences`` with ``admissible`` set: whether each may be shown (``vectors``: their static embeddings).

    A sentence of an ``opinion`` piece (article ids: ``briefer.core.opinion.opinion_pieces``) is shown only when it
    says who is speaking ("..., Lavrov said", "according to ..."): the rest is its writer's view.

    A small cluster with fewer than ``MIN_SHOWN`` sentences over the model's threshold has its next most likely
    ones admitted, down to ``SHOWN_FLOOR``, so that a three-sentence story still gets its second point. A cluster
    none of whose articles' openings is over the threshold has those at ``OPENING_FLOOR`` or more admitted: the lede
    is looked for there (news states its core event first), and without them it came from an article's middle
    ("As the story says, Kieran could already hear ..." in place of "A boy born without ears has had a pair
    created from his own ribs ...", refused at 0.58 for a threshold of 0.58).

    A sentence ``follows_on`` when it is shown, or when only what ties it to the sentence before it kept it out: the
    model reads it over the threshold without ``CONTEXT_FEATURES`` ("She also asked her followers to petition the
    company ..."). Shown right after that sentence (``briefer.core.follow_on``), it reads as its article wrote it.
    """
    if not sentences:
        return []
    model = model or shipped_model()
    rows = feature_rows(sentences, stripped, vectors)
    probabilities = model.probabilities(rows)
    rows[:, _CONTEXT_COLUMNS] = 0.0
    after_previous = model.probabilities(rows) >= model.threshold
    publishable = probabilities >= model.threshold
    allowed = np.array([s.admissible and (s.article_id not in opinion or _attributed(s.text))
                        for s in sentences])  # a caption ``strip_shown`` found never is
    publishable &= allowed
    short = MIN_SHOWN - int(publishable.sum())
    if short > 0:
        below = [i for i in np.argsort(-probabilities) if allowed[i] and not publishable[i]
                 and probabilities[i] >= SHOWN_FLOOR]
        publishable[below[:short]] = True
    opening = np.array([s.in_opening for s in sentences]) & allowed
    if not publishable[opening].any():
        publishable |= opening & (probabilities >= OPENING_FLOOR)
    follows_on = allowed & (publishable | after_previous)
    return [replace(s, admissible=bool(ok), follows_on=bool(after)) for s, ok, after in
            zip(sentences, publishable, follows_on)]
