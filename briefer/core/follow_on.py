"""Spare words: the sentences that follow a point in its article, shown after it.

A brief of a small cluster runs out of sentences that stand alone long before its budget: the rest of its articles
lean on what came before ("She also asked her followers to petition the company ...", "The pair allegedly attempted
a truce in March ..."). Shown right after the sentence they lean on, they read as their article wrote them, so a
brief with words to spare takes them, in their article's order, after the point that came from the sentence before
them. Only a point whose every cited article goes on in the same words (a wire story and its copies) is followed on,
so that its citations back every sentence shown with it.
"""

from __future__ import annotations

from dataclasses import replace

from briefer.core.claims import ClaimSet, standalone_text
from briefer.core.rank import repeats, unpublishable
from briefer.core.support import CONTAINED_SHARE, compatible, content_share, weekdays
from briefer.settings import BriefSettings
from briefer.types import Point, Sentence

# Sentences shown after one point at most: past that, the point is a passage of one article.
MAX_FOLLOWING = 3


def follow_on(lede: Point, points: list[Point], claims: ClaimSet, settings: BriefSettings,
              texts: dict[str, str]) -> tuple[Point, list[Point]]:
    """``lede`` and ``points`` with the words ``settings.words`` leaves over spent on the sentences that follow them,
    the lede's first and then each point's in the order the ranker chose them (``texts``: each article's text).

    A sentence follows on when admission says it may (``Sentence.follows_on``), nothing makes it unpublishable
    wherever it stands (``rank.unpublishable``), it is no item of a list its article gives (the ranker shows one at
    most), it repeats no sentence already shown (``_repeats_a_line``) and every other article the point cites goes
    on the same way (``_copies``); the first that may not ends its point's run.
    """
    spare = settings.words - lede.words - sum(point.words for point in points)
    if spare <= 0:
        return lede, points
    after = {(s.article_id, s.index): s for s in claims.sentences}
    row = {(s.article_id, s.index): k for k, s in enumerate(claims.sentences)}
    lines = [lede, *points]
    owns = [_shown_sentence(line, texts) for line in lines]
    shown = [row[_key(own)] for own in owns if own is not None and _key(own) in row]
    followed: dict[int, Point] = {}
    for k in sorted(range(len(lines)), key=lambda k: lines[k].chosen):
        point, own = lines[k], owns[k]
        if own is None:
            continue
        reached = {s.article_id: s for s in point.evidence}
        following: list[Sentence] = []
        copies: list[Sentence] = []
        while len(following) < MAX_FOLLOWING:
            sentence = after.get((own.article_id, own.index + len(following) + 1))
            if sentence is None or sentence.words > spare or not _may_follow(sentence, texts) \
                    or _repeats_a_line(row[_key(sentence)], shown, claims, settings):
                break
            told = _copies(sentence, reached, after)
            if told is None:
                break
            following.append(sentence)
            copies += told
            reached.update({s.article_id: s for s in told})
            shown.append(row[_key(sentence)])
            spare -= sentence.words
        if following:
            followed[k] = replace(point, text=" ".join([point.text, *(s.text for s in following)]),
                                  evidence=(*point.evidence, *following, *copies), following=tuple(following))
    lines = [followed.get(k, line) for k, line in enumerate(lines)]
    return lines[0], lines[1:]


def _copies(sentence: Sentence, reached: dict[str, Sentence], after: dict[tuple[str, int], Sentence]
            ) -> list[Sentence] | None:
    """The sentence that comes next in each other article the point cites (``reached``: each one's sentence so far),
    when every one of them goes on as ``sentence`` does, in nearly its words (a wire story and its copies); else
    None: a citation after the point must back everything shown with it."""
    copies = []
    for article_id, last in reached.items():
        if article_id == sentence.article_id:
            continue
        following = after.get((article_id, last.index + 1))
        if following is None or not _told_alike(sentence.text, following.text):
            return None
        copies.append(following)
    return copies


def _told_alike(text: str, other: str) -> bool:
    """Whether two sentences tell the same thing in nearly the same words: each has ``CONTAINED_SHARE`` of the
    other's content words, the same weekdays, and nothing that sets them apart (``compatible``)."""
    return (content_share(text, other) >= CONTAINED_SHARE and content_share(other, text) >= CONTAINED_SHARE
            and weekdays(text) == weekdays(other) and compatible(text, other))


def _key(sentence: Sentence) -> tuple[str, int]:
    return sentence.article_id, sentence.index


def _shown_sentence(point: Point, texts: dict[str, str]) -> Sentence | None:
    """The sentence of its article a point shows (its text as ``standalone_text`` reads it), or None when the
    point's text is no longer one (a model's rewrite)."""
    return next((s for s in point.evidence if standalone_text(s.text, texts.get(s.article_id, "")) == point.text),
                None)


def _may_follow(sentence: Sentence, texts: dict[str, str]) -> bool:
    text = standalone_text(sentence.text, texts.get(sentence.article_id, ""))
    return sentence.follows_on and not sentence.listed and not unpublishable(text, sentence.text)


def _repeats_a_line(candidate: int, shown: list[int], claims: ClaimSet, settings: BriefSettings) -> bool:
    """Whether sentence ``candidate`` (a row of ``claims.sentences``) restates one already shown (rows ``shown``):
    as the ranker tells a repeat (``rank.repeats``), or, from another article, as close as ``RankWeights.retold``.
    Two outlets tell a story in the same order, so the sentences after one outlet's point retell what another's
    point and its sentences said ("The doctor first diagnosed the man with a lower respiratory tract infection." /
    "At first, his doctor assumed he had a lower respiratory tract infection, ..."), with a speaker ("Detectives
    said ...") that ``compatible`` would take for a conflict."""
    if not shown:
        return False
    closeness = claims.sentence_vectors[shown] @ claims.sentence_vectors[candidate]
    sentence = claims.sentences[candidate]
    return any(repeats(sentence.text, claims.sentences[k].text, float(close), settings.rank)
               or close >= settings.rank.retold and claims.sentences[k].article_id != sentence.article_id
               for k, close in zip(shown, closeness))
