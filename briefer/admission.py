"""Admission: which sentences a reader may be shown as a lede or point, and what part of each to show.

Every sentence stays evidence (centrality, coverage, citations); admission only decides what is never shown:
captions, page and wire furniture, fragments, sentences that lean on context the reader never sees and quotes
with no speaker. What can be mended is mended instead: a leading dateline, agency tag or label ("WASHINGTON (AP)
—", "(CNN) --", "UPDATE:") is left out of what is shown.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefer.types import Sentence

_PLACE = r"(?!(?:FILE|PHOTO|VIDEO|IMAGE|WATCH)\b)[A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+){0,3}"  # "KUALA LUMPUR"
_REGION = r"(?:,\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})?"  # ", Malaysia", ", South Korea", ", D.C."
_DATE = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}|[A-Z][a-z]+day)"  # "June 10", "10 June"
_AGENCY = r"\((?:[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,3})\)"  # "(AP)", "(Reuters)", "(CNN Money)"
_DASH = r"(?:\u2014|\u2013|--|_|(?<=\s)-)"  # a hyphen only with a space before it: "US-China" is no dateline
_LABEL = r"(?:UPDATED?(?:\s*\d+)?|BREAKING(?:\s+NEWS)?|EXCLUSIVE|ANALYSIS|OPINION)\s*[:\u2014\u2013]\s+"
_OUTLETS = r"(?:Associated Press|AP|Reuters|AFP|CNN|Bloomberg|UPI)"
_NAME = r"[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,3}"
# What a wire or web page puts before the first sentence: a label ("UPDATE:"), then a place in capitals, a date
# and/or an agency in brackets, then a dash; or a byline. A place needs capitals and a dash, so a sentence opening
# on "NASA said" is never cut, and "FILE -" (a photo caption's mark) is left for admission to refuse.
_DATELINE = re.compile(
    rf"^(?:{_LABEL})?(?:"
    rf"(?:{_PLACE}{_REGION}(?:,\s*{_DATE})?|{_DATE})?\s*{_AGENCY}\s*(?:{_DASH}|-|:)?\s+"
    rf"|{_PLACE}{_REGION}(?:,\s*{_DATE})?\s*{_DASH}\s+"
    rf"|By\s+{_NAME}(?:\s+(?:and|&)\s+{_NAME})?(?:,?\s+{_OUTLETS}[\w ]{{0,20}})?\s*(?:{_DASH}|-|\|)\s+"
    rf")|^{_LABEL}"
)


def shown_start(text: str) -> int:
    """How many characters of ``text`` a reader is not shown: its leading dateline, agency tag, label or byline."""
    skipped = 0
    for _ in range(2):  # a byline may stand before a dateline
        match = _DATELINE.match(text[skipped:])
        if match and match.end() < len(text) - skipped:
            skipped += match.end()
    rest = text[skipped:]
    if skipped and (len(rest.split()) < 4 or not rest[:1].isupper() and rest[:1] not in "\"\u201c'\u2018"):
        return 0  # what is left would not read as a sentence: keep it whole, admission decides
    return skipped


def strip_shown(sentences: list[Sentence]) -> tuple[list[Sentence], list[bool]]:
    """Each sentence without what a reader is not shown (its dateline...), and whether anything was left out.

    The sentence stays a slice of its article: only its start moves.
    """
    shown, stripped = [], []
    for sentence in sentences:
        skip = shown_start(sentence.text)
        if skip:
            sentence = replace(sentence, text=sentence.text[skip:], start=sentence.start + skip)
        shown.append(sentence)
        stripped.append(bool(skip))
    return shown, stripped
