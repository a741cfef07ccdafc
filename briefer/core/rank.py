"""Ranking claims and choosing the few that fit the page.

A claim's score mixes three signals: centrality (how close it is to everything else the cluster says), coverage
(how widely it was reported: each outlet has one vote, shared among its articles; read both by embedding and by
the claim's rare words each outlet repeats) and position (news puts what matters first; each article's opening
sentence is its news). Selection is maximal marginal relevance under a word budget, so a second phrasing of a chosen
claim does not take a line on the page, and, between claims of nearly the same worth, one that cites an outlet not
yet cited is preferred. The top claim that some outlet opened with becomes the lede; the rest are ordered the way
the articles tell the story, except that a point naming someone in full comes before one that quotes them by surname;
a point quoting, or opening on, a surname that no line of the page gives in full is not chosen.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date

import numpy as np

from briefer.core.admission import cut_off
from briefer.core.claims import (CONNECTIVE_OPENER, PRONOUN_OPENER, ClaimSet, reported_content, representativeness,
                                  standalone_text)
from briefer.fitted import BACKGROUND_AFTER
from briefer.settings import BriefSettings, RankWeights
from briefer.text.lexicon import (ATTRIBUTION, ATTRIBUTION_VERBS, CONNECTING_WORDS, EPITHETS, FINITE_VERB,
                                  LOWER_CASE_START, LOWER_WORD, MONTH_ABBREVIATIONS, MONTHS, NOT_SPEAKERS,
                                  OFFICE_EPITHETS, QUOTE_OPENERS, REPORTING_VERBS, ROLE_TITLES, SIMILARITY_STOPWORDS,
                                  SPEAKER_GAP_WORDS, WEEKDAY, YEAR, alternation, dates_and_numbers, inside_quotation,
                                  outside_quotations, people_named, quoted_statements)
from briefer.core.lists import is_list_item
from briefer.core.support import (CONTAINED_SHARE, compatible, content_share, longest_shared_run, states_in_full,
                                  weekdays)
from briefer.types import Article, Claim, Point, Sentence


# A candidate at least this close to a chosen claim repeats it when CONTAINED_SHARE (briefer.core.support) of its
# content words are the chosen claim's, or when a run of words the two share is REPEATED_RUN of its length.
CONTAINED_FLOOR = 0.5
REPEATED_RUN = 0.6
# ... or when they share a number that singles out one fact and NUMBERED_SHARE of its content words are the chosen
# claim's ("Recently, Yeezy tweeted that he's $53 million in debt." after "... declared he is $53m in debt and
# requested funding ..."). Read on the 201 development briefs, where it leaves out four points, each a repeat; at 0.5
# it also took a projection for 2030 as a repeat of today's figure ("under 50"). On the labelled citation pairs the
# same test (a shared number, 60% of the shorter's content) finds pairs that state each other 79% of the time on the
# tune half and 89% held out.
NUMBERED_SHARE = 0.6
# The fewest words of a quoted statement that make two points one when both quote it: "all options on the table"
# is what Graham said, reported twice; "fully prepared" is in every outlet's words and ``compatible`` still vetoes.
QUOTED_STATEMENT_WORDS = 4
RUN_WORTH_LOOKING = 0.4
# Choices made again, each time without the points that name someone by surname whom the page never introduces
# (``_names_a_stranger``).
STRANGER_ROUNDS = 3
# A sentence opening in the first person is somebody speaking; without a verb of saying it does not say who. An
# opening phrase may come first ("At Netflix, we work hard to ..."). "Us" but not "US" (the country).
_FIRST_PERSON_OPENER = re.compile(r"^(?:[A-Z][^,;:\"\u201c]{0,40},\s+)?[\"'\u201c\u2018]?"
                                  r"(?:(?i:i|we|our|my)|Us|us)\b")
# "We", "I" (and an auxiliary) right before a verb of saying: the writer reporting what they did ("We've asked",
# "We've been told").
_FIRST_PERSON_SUBJECT = re.compile(
    r"\b(?:I|[Ww]e)(?:['\u2019](?:ve|d|ll|m|re)|\s+(?:have|had|also|then|were|was))?(?:\s+been)?\s+$")
# A sentence that announces what follows it in its article.
_POINTS_AHEAD = re.compile(r"^(?:the following\b|following (?:is|are)\b|below(?: is| are|,)|here(?: is|'s| are)\b)",
                           re.IGNORECASE)
# A sentence that is a relative clause of the one before it ("Which means Spiegel & Co. only have to sell ...", "Which
# brings us to this season."), not a question ("Which team will win?"): a fragment wherever it is shown. All 28 such
# sentences of the development sets and saved pages, and the one admission label, are.
_RELATIVE_OPENER = re.compile(r"^[\"'\u201c]?(?:Which|Whereby|Wherein)\b(?![^.!]*\?)")
# A straight double quotation mark that is not a unit after a number.
_STRAIGHT_QUOTE = re.compile(r'(?<!\d)"')
# A sentence that is one quotation and nothing else: its speaker is named in another sentence.
_WHOLLY_QUOTED = re.compile(r'^["\u201c][^"\u201c\u201d]+["\u201d]$')
# A question quoted and who asked it ('"Says who?" said Cohen, whose job ...', '"Where in the world are they?" said
# a spokesman ...'): what it answers is in the sentence before, and a question reports nothing.
_QUOTED_QUESTION = re.compile(rf'^["\u201c][^"\u201c\u201d]+\?["\u201d],?\s+(?:{alternation(ATTRIBUTION_VERBS)})\b')
# How a sentence ends: without it, a line is a page's heading or standfirst, or a caption ("One member of the Browns'
# defense didn't hold back on Monday when asked about Thursday night's fight").
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s*$")
# What a lede must not be: addressed to the reader, or about something it does not name (read outside quotations).
# "let's take a look" speaks to the reader too.
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|yourselves|let['\u2019]s)\b", re.IGNORECASE)  # "you've" too
# The writer in the first person outside any quotation ("Herman tells me of a little girl ...", "judging by logbooks
# and my own observations"): someone the page never names. Of the hand-labelled sentences with these words outside
# quotations (16) none is a claim; "I" and "we" are left to the opener rule ("World War I", a paper's "we").
_WRITER_IN_PERSON = re.compile(r"\b(?:me|my|mine|myself)\b")
# The writer's stance as the opening words: "Of course, the Wolfman was always the poor relation ...", "Fortunately,
# business managers and customers are not stupid ...", "To be fair, ...", "Suffice to say, ...", "But it should be
# noted that unlimited time off policies can have their pitfalls." (shown after a point), "Turns out, a soda tax went
# into affect in Seattle and people are not drinking the Kool-Aid" (9 of 9 in the corpora), "Unsurprisingly, ..." (5
# of 5). Of the hand-labelled sentences so opening (5) none is a claim, nor any of the 6 admissible development
# sentences. Read on the sentence as its source wrote it: ``standalone_text`` drops "Of course," and would leave the
# view unmarked.
_WRITER_STANCE = re.compile(r"^(?:(?:Of course|Obviously|Clearly|Fortunately|Unfortunately|Sadly|Ironically|"
                            r"Interestingly|Surprisingly|To be fair|To be sure|Needless to say|Suffice(?: it)? to say|"
                            r"Make no mistake)\s*,|(?:Unsurprisingly|Not\s+surprisingly|Predictably)\b|"
                            r"(?:(?:But|And|Still|Yet|However),?\s+)?[Ii]t(?:(?:'s|\u2019s| is) "
                            r"worth noting|\s+(?:should|must)\s+be\s+(?:noted|said|stressed|remembered))\b"
                            r"|(?:As\s+it\s+|It\s+)?[Tt]urns\s+out\b)")
# The writer wondering, outside any quotation: "Now the question is what camera ... will release next.", "Whether the
# party can stick together ... remains to be seen ...", or judging: "... it's not surprising that the company has
# problems.": no one's fact. Of every admissible development sentence it finds 3, each the writer's aside.
_WRITER_WONDERS = re.compile(r"\b(?:[Tt]he\s+(?:big\s+|real\s+|only\s+)?question\s+(?:now\s+)?(?:is|remains)|"
                             r"remains\s+to\s+be\s+seen|time\s+will\s+tell|"
                             r"[Ii]t(?:'s|\u2019s|\s+is)\s+(?:not\s+|no\s+|little\s+)?"
                             r"(?:surprising|surprise|wonder))\b")
# A subject and "also" before or after its first verb: what it adds to was told before ("The Trojans also had some
# problems with Washington quarterback Jake Locker ...", "Sprint Nextel is also considering ..."): no lede.
_ALSO_IN_THE_MAIN_CLAUSE = re.compile(rf"^[^,;:]{{0,80}}?\b(?:also\s+(?:{FINITE_VERB.pattern})|"
                                      r"(?:is|was|are|were|has|have|had|will|would|can|could)\s+also)\b")
_UNNAMED_OPENER = re.compile(r"^(?:The|This|These|Those|That|Such)\s+[a-z]")
_NAME_AFTER_FIRST_WORD = re.compile(r"(?<=\s)[A-Z]")
# An office as the subject of a verb of saying, with neither its holder's name nor an article: the scrape lost a
# linked name ("Despite reaching no breakthroughs ..., US Secretary of State said on Friday that ..."; not "the U.K.'s
# Foreign Secretary said", nor "Secretary of State Antony Blinken said").
_OFFICE_WITHOUT_HOLDER = re.compile(
    rf"(?:^|,\s+)(?!(?:{alternation(NOT_SPEAKERS)})\s)(?:(?:US|U\.S\.|UK|U\.K\.|[A-Z][a-z]+)\s+)?"
    rf"(?:{alternation(w.capitalize() for w in ROLE_TITLES if not w.endswith('s'))})"
    rf"(?:\s+(?:of\s+State|Minister|General|Secretary))?(?:\s+(?:{alternation(SPEAKER_GAP_WORDS)}))?"
    rf"\s+(?:{alternation(REPORTING_VERBS)})\b")
# An appeal to the public for information: a police notice, not news ("Anyone with information about the
# investigation is asked to call ...").
_APPEAL = re.compile(r"^(?:anyone|those|people|residents|witnesses)\s+(?:with|who\s+(?:has|have|saw|may\s+have))\b"
                     r"[^.]{0,100}?\b(?:call|contact|asked|urged|encouraged|requested)\b", re.IGNORECASE)
# An instruction to the reader: the page's prompt, not news ("Visit the U.S. National Cancer Institute for more on
# colon cancer.", "Read the excerpt below:", "Follow us @Spacedotcom").
_PROMPT_OPENER = re.compile(r"^(?:(?:Visit|Click|Read|Watch|See|Follow|Subscribe|Learn|Find out|Check out|Call|"
                            r"Contact|Share|Download|Join|Get|Listen|Stay|Sign up|Tune in)\s+(?:the|our|us|more|here|"
                            r"this|a|an|for|to|on|at|now|below|all|in|up|tuned|out)\b|(?:Don't|Don\u2019t|Do not)\s)")
# An invitation to follow someone on a social network, opening the sentence or a clause of it: "For breaking news
# ..., follow WSJ India on Facebook.", "Follow her on Twitter @LCStansberry." (not "Fans follow the band on ...").
_FOLLOW_PROMPT = re.compile(r"(?:^|[,:;]\s+|\byou\s+can\s+)[Ff]ollow\s+(?:[\w@.'\u2019-]+\s+){1,5}on\s+(?:Twitter|"
                            r"Facebook|Instagram|Google\+|LinkedIn|TikTok)\b")
# An opening phrase that is a preposition and a bare pronoun or a demonstrative's noun: "In it, the British royal
# denied ...", "Beyond that, she gave $250,000 ...", "With that, United joins American ...", "Given these traits, the
# ancient animal has been named ...", "Despite that positive response, Snap admitted ...", "With that chunk of
# change, Sophie won't be ...", "At that time, the grant
# was valued at ...", "If this occurred, the original sizes ...": what "it", "that" or "these traits" are, the sentence
# before said. "This" with a span of time is now ("Just this week, ...", "At this time, ...", "On this day last year,
# ..."). So does a definite noun
# and nothing more: "In the interview, Damon says ...", "During the segment, ...", "At the time, ...", "In the
# meantime, ..." (which interview, which time?), but not "In the past, ..." or "In the morning, ...", nor one whose
# owner the sentence names next ("In its statement, Tesla blamed ..."). "In both cases, ..." and "Other large blasts
# have targeted ..." count what the sentence before named, and "The same ..." is what it told ("The same applies to
# other "struggling" English managers.", "The same document said ...": all nine such openings of the corpora).
_BACK_REFERRING_PHRASE = re.compile(
    r"^(?:In|On|At|From|With|For|Despite|After|Before|Because of|Like|Unlike|Besides|Beyond|Among|Through|Under|"
    r"Following|Given|To\s+[a-z]+)\s+(?:it|them|(?:both|that|these|those|this(?!\s+(?:day|week|month|year|morning|"
    r"afternoon|evening|weekend|season|time)\b))(?:\s+[a-z]+){0,3})\s*,|^If\s+(?:this|that|so)\b[^,]{0,40},"
    r"|^(?:In|On|At|During|Throughout|From|Besides)\s+the\s+(?!(?:past|future|morning|afternoon|"
    r"evening|night|wild|summer|winter|spring|autumn)\s*,)[a-z-]+\s*,|^Other\s+(?!than\b)[a-z]|^(?:The|This)\s+same\b")
# A day or month names nobody: "In September, he explained ..." leans on a sentence before as much as "Later, he ...".
_CALENDAR_WORD = re.compile(rf"\b(?:{WEEKDAY}|{alternation(MONTHS)}|{alternation(MONTH_ABBREVIATIONS)}\.)")
# A pronoun as the subject after an opening phrase that names nobody: who "she" is was said in a sentence before
# ("In the last week alone, she's spoken out about ...", "Over the weekend, he again said he was innocent").
# The words an opening phrase starts with: capitalised as a sentence's first word, never a name.
_OPENING_WORDS = (r"(?:In|On|At|After|Before|When|While|Once|Despite|Since|During|Over|Under|With|Without|Unlike|"
                  r"Although|Though|As|If|Until|By|For|From|Later|Earlier|Then|Now|So|Yet|Still|Suddenly|Finally|"
                  r"Eventually|Instead|Months|Days|Weeks|Years|Hours|Moments|Minutes|Shortly|Soon|"
                  r"[A-Z][a-z]+(?:ing|ed|ly))")
_PRONOUN_AFTER_OPENING = re.compile(rf"^(?P<opening>{_OPENING_WORDS}\b[^,;:\"\u201c]{{0,50}}),\s+"
                                    r"(?P<pronoun>he|she|they|it|his|her|their|its)(?:'s|\u2019s)?\b")
# Where a clause's subject stands: the sentence's start (after a quotation, read outside it), a comma's or colon's end,
# or a verb of saying or a conjunction.
_CLAUSE_START = (r"(?:^\s*|[,;:]\s+|"
                 r"\b(?i:said|says|that|when|while|although|though|because|since|as|after|before|if|until|where)\s+)")
# The subject's verb, maybe after an adverb or an auxiliary: "both had been drinking", "the actor also told".
_ITS_VERB = rf"(?:(?:also|still|now|later|then|had|have)\s+)?(?:{FINITE_VERB.pattern})"
# People counted, not named, as a clause's subject: "both", "the two", "the pair", "the couple", "the 79-year-old"
# before its verb ("Witnesses said both had been drinking ...", "The pair were not guests of the hotel ...", "When
# asked for documentation, the 79-year-old demurred"). Who they are was said in a sentence before, unless the sentence
# names two people or more first ("Lavrov and Blinken met for 90 minutes, and both said ...").
_COUNTED_SUBJECT = re.compile(
    rf"{_CLAUSE_START}(?:[Bb]oth|[Tt]he\s+(?:two|pair|couple|duo|trio)|[Tt]he\s+\d+-year-old)\s+"
    rf"{_ITS_VERB}")
# Someone or some company called by what they are, not named, as a clause's subject: "The actor told SiriusXM ...",
# "In 2002, the global chocolate giant applied for ...", "The New York real-estate billionaire, who ..., said ...".
# Who they are was named in a sentence before, unless this one names someone first; "the actress Jane Doe" and "the
# actress, Jane Doe," name her, and "the giant, boxy PS3" is no one.
_EPITHET_SUBJECT = re.compile(
    rf"{_CLAUSE_START}[Tt]he\s+(?P<modifiers>(?:(?!(?:who|that|which|whose|the|a|an|of)\s)[\w.'\u2019-]+\s+){{0,4}}?)"
    rf"(?P<epithet>{alternation(EPITHETS | OFFICE_EPITHETS)})s?"
    rf"(?:,\s+(?:who|whose|which|now|best|however|\d+|[a-z]+(?:ed|ing|ly))\b"
    rf"|\s+{_ITS_VERB})")
# An event named only as "the incident", "the announcement", "the move" ... as the subject of what it did or came
# after: "The incident marked the latest violence on the Strip ...", "The announcement comes just a day after ...", "The
# figure is the lowest since 1963", "The visit is expected to last about three hours", "The trip comes days after
# ...": which one was told in the sentence before (26 sentences of the corpora, all so; 18 more with the meetings,
# trips, votes, deals, crashes, shootings, reports and studies, all so; not "the event", labelled a claim once: a
# conference's own report names no other event).
_EVENT_TOLD_BEFORE = re.compile(
    r"^The\s+(?:latest\s+|new\s+)?(?:figures?|move|decision|announcement|incident|news|ruling|comments|remarks|"
    r"revelation|development|discovery|findings?|attack|arrest|episode|visit|trip|meeting|talks|deal|agreement|vote|"
    r"crash|shooting|report|study|raid|verdict)\s+(?:is|was|were|are|has|had|came|comes|"
    r"follows|followed|marks|marked|means|meant|sparked|prompted|drew)\b")
# "him", "her" or "them" as what the sentence's own subject, a thing or someone unnamed, acts on: "A Cook County judge
# ordered her held without bail", "The team therefore classified them as ...", "The wave washed him away": they are not
# that subject (that would be "herself"), so who they are was said before. "her" only where it is no possessive
# ("described her father" is the subject's father).
_PRONOUN_OBJECT = re.compile(rf"^(?:An?|The)\s+(?:[\w'\u2019-]+\s+){{0,4}}?(?:{FINITE_VERB.pattern})\s+"
                             r"(?:him|them|her(?=\s+(?:to|with|of|from|in|on|at|for|as|held|guilty|dead|into|off|out|"
                             r"away)\b|[,.]))\b")
# "he", "she" and their forms, outside quotations: who they are must be named before them in the sentence, by a
# name ("Blinken reiterated he ...") or by anything a determiner brings in ("A man is in custody after two of his
# neighbors ...", "the suspect said he", "The pope said he"), or after a comma that ends the opening phrases holding
# them ("At a press conference after his meeting with Lavrov, Blinken ...", "In 1997, two years after his acquittal,
# Simpson was found liable ...").
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|his|her|hers)\b")
_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w'\u2019-]*")
_OPENING_WORD = re.compile(rf"{_OPENING_WORDS}$")
_SOMEONE_INTRODUCED = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+){0,3}?"
                                 r"[a-z][\w-]*\b")
_NAME_AFTER_A_COMMA = re.compile(r",\s+(?:[a-z]+\s+){0,2}([A-Z][\w'\u2019-]*)")
# Who said the sentence, at its end: ", David Sorkin, his father, said.", ", Fairfax County police said." That speaker
# is not whom an earlier "he" or "she" is ("... he could hear the wind blow ..., David Sorkin, his father, said.").
_CLOSING_ATTRIBUTION = re.compile(rf",\s+(?:[\w.'\u2019-]+\s+){{0,3}}[\w.'\u2019-]+(?:,[^,;]{{1,80}},)?\s+"
                                  rf"(?:{alternation(REPORTING_VERBS)})\.?\s*$")
# Who spoke and nothing of what they said: the end of a quotation the splitter cut off ("Carson, who lives in
# suburban Chicago, told TODAY.", "Mumma added.", "Hernandez exclaimed in an interview with The Post."), or who
# agreed with it ("Even Bruce Fromong, a victim in the robbery, agreed.").
_CAPITALISED = r"[A-Z][\w.'\u2019-]*"
_SAID_ALONE = REPORTING_VERBS | {"exclaimed", "exclaims", "agreed", "agrees", "quipped", "joked", "continued"}
_ONLY_WHO_SPOKE = re.compile(rf"^(?:Even\s+)?{_CAPITALISED}(?:\s+{_CAPITALISED})*(?:,\s+(?:who|a|an|the)\s[^,\"]+,)?"
                             rf"\s+(?:(?:also|later|then)\s+)?(?:{alternation(_SAID_ALONE)})"
                             rf"(?:\s+(?:{_CAPITALISED}|reporters|him|her|them|us|me)(?:\s+{_CAPITALISED})*)?"
                             rf"(?:\s+in\s+an?\s+(?:interview|statement|email|phone\s+call|call)"
                             rf"(?:\s+with\s+{_CAPITALISED}(?:\s+{_CAPITALISED})*)?)?\.$")
# A time told in a sentence before: "Trades resumed later that afternoon", "his actions that day", "In December of that
# school year" (``_time_told_before``: unless a date or year comes first, as in "in 2015, ... issued that year").
_THAT_TIME = re.compile(r"\bthat\s+(?:same\s+)?(?:morning|afternoon|evening|night|day|week|weekend|month|year|season|"
                        r"summer|winter|spring|autumn|school\s+year)(?![\w-])")
_YEAR = re.compile(rf"\b{YEAR}\b")
_PART_OF_THAT_TIME = re.compile(rf"{_CALENDAR_WORD.pattern}\s+of\s+$")
# What was said or done, as "that" or "this" at the end: "Donald Trump has said that more than once.", "The State
# Department spokesman, Philip J. Crowley, confirmed that on Sunday."
_DEMONSTRATIVE_END = re.compile(r"\b(?:said|says|did|done|know|knew|heard|saw|meant|wrote|tweeted|repeated|denied|"
                                r"confirmed)\s+(?:that|this)(?:\s+(?:more than once|again|too|before|repeatedly|"
                                rf"publicly|twice|often|earlier|later|on\s+(?:{WEEKDAY})|last\s+(?:week|month|year|"
                                rf"{WEEKDAY})|in\s+an?\s+(?:statement|interview|email|tweet)))?[.!]$")
# A word that may be a verb when no finite verb is found: a form in -s, -ing or -ed ("Most people now work ..." has
# none, and is rare; a caption or a label has none either: "Agustín Ross Balcony after the earthquake and tsunami.").
_VERB_FORM = re.compile(r"\b[a-z]+(?:s|ing|ed)\b")
# An auxiliary ending a sentence, its verb left to the sentence before ("... haven't.", "... it seems to have.").
_ELIDED_END = re.compile(r"\b(?:have|has|had|do|does|did|is|are|was|were|can|could|will|would|should|might|must)"
                         r"(?:n't|\s+not)?[.!][\"'\u201d\u2019]?\s*$", re.IGNORECASE)
# A sentence whose subject is one capitalised word, a verb or a possessive after it: "Hege is ...", "Gallant's ...".
_SURNAME_SUBJECT = re.compile(rf"^([A-Z][a-z][\w\u2019'-]*?)(?:['\u2019]s\s|\s+(?:{FINITE_VERB.pattern}))")
_RELATIVE_DAY = re.compile(rf"\b(?:{WEEKDAY}|yesterday|today|tonight|"
                           r"tomorrow|last night|this (?:morning|afternoon|evening|week)|last week|next week)\b",
                           re.IGNORECASE)


def score_claims(claims: ClaimSet, articles: list[Article], weights: RankWeights) -> np.ndarray:
    """One score per claim, higher is more brief-worthy."""
    n = len(claims.claims)
    if n == 0:
        return np.zeros(0)
    sizes = np.array([len(c.sentences) for c in claims.claims], dtype=np.float32)
    similarity = claims.vectors @ claims.vectors.T
    centrality = (similarity * sizes[None, :]).sum(axis=1) / sizes.sum()
    centrality = centrality / (centrality.max() or 1.0)

    outlet_of = _outlet_names(articles)
    total_outlets = len(set(outlet_of.values())) or 1
    columns = _outlet_columns(claims.article_ids, outlet_of)
    coverage = _outlet_reach(claims.reach, columns) / total_outlets
    worded = _outlet_reach(claims.worded_reach, columns) / total_outlets
    position = np.array([1.0 / np.sqrt(1.0 + min(s.index for s in c.sentences)) for c in claims.claims])
    quality = np.array([representativeness(c.representative, 1.0) - 1.0 for c in claims.claims])
    return (
        weights.centrality * centrality
        + weights.coverage * coverage
        + weights.worded_coverage * worded
        + weights.position * position
        + quality
    )


def _outlet_names(articles: list[Article]) -> dict[str, str]:
    """Article id -> the outlet it counts for; an article with no known outlet is its own."""
    return {a.id: a.outlet or a.id for a in articles}


def _outlet_columns(article_ids: tuple[str, ...], outlet_of: dict[str, str]) -> list[list[int]]:
    """Per outlet, the columns of its articles in a matrix whose columns follow ``article_ids``."""
    columns: dict[str, list[int]] = {}
    for k, article_id in enumerate(article_ids):
        columns.setdefault(outlet_of.get(article_id, article_id), []).append(k)
    return [columns[outlet] for outlet in sorted(columns)]


def _outlet_reach(reach: np.ndarray, columns: list[list[int]]) -> np.ndarray:
    """Per claim, the sum over outlets of how closely the outlet's articles restate the claim (``reach``: claims x
    articles; ``columns``: each outlet's, from ``_outlet_columns``).

    An outlet has one vote, shared among its articles (the mean over them of each one's nearest sentence), so ten
    copies of one wire story count once, while in a cluster from a single outlet (a timeline of one site's
    reports) a claim repeated in many of its articles still counts for more than one told once.
    """
    return sum(reach[:, cols].mean(axis=1) for cols in columns)


def select(
    claims: ClaimSet,
    articles: list[Article],
    settings: BriefSettings,
    *,
    restates: Callable[[str, str], bool] | None = None,
) -> tuple[Point, list[Point]]:
    """The lede and the key points: best claims first, no near-repeats, within ``settings.words``.

    ``restates(a, b)``, when given (the support judge, both ways), also keeps out a claim that says what a chosen
    one says in other words, which embeddings alone place too far apart to call a repeat.
    """
    weights = settings.rank
    scores = score_claims(claims, articles, weights)
    scored = [replace(claim, score=float(s)) for claim, s in zip(claims.claims, scores)]
    budget = settings.words
    texts = {a.id: a.text for a in articles}
    lede = _lede(scored, scores, texts, claims.title_closeness, weights.title)
    outlet_of = _outlet_names(articles)
    outlets = [{outlet_of.get(a, a) for a in claim.article_ids} for claim in scored]
    dates = {a.id: a.date for a in articles}
    left_out: set[int] = set()
    for _ in range(STRANGER_ROUNDS):
        chosen = _mmr(scored, claims, scores, outlets, budget, settings.max_points + 1, weights, first=lede,
                      restates=restates, dates=dates, left_out=left_out)
        strangers = _names_a_stranger(chosen, scored, texts)
        left_out |= strangers
        if not strangers:
            break
    chosen = [i for i in chosen if i not in left_out]
    several_days = len({d for d in dates.values() if d}) > 1
    rest = chosen[1:]
    # Points read in the order events happened: by the date of the first article to report each when the cluster
    # spans several days (a claim retold a year later in background is dated by its first report), then in the
    # order the articles tell the story.
    rest.sort(key=lambda i: (first_reported(scored[i], dates) if several_days else "", story_position(scored[i])))
    order = {claim: k for k, claim in enumerate(chosen)}
    first = _point(scored[lede], dates, several_days, texts)
    points = [replace(_point(scored[i], dates, several_days, texts), chosen=order[i]) for i in rest]
    return first, people_introduced_first(first, points)


def people_introduced_first(lede: Point, points: list[Point]) -> list[Point]:
    """``points`` with each one that names a person in full ("Lucas Paganini, a NASA planetary scientist ...") moved
    before the first point that calls them by surname alone ('"... water in vapor form," Paganini added'), unless the
    lede or an earlier point names them already: a reader meets who someone is before what they said."""
    ordered = list(points)
    named = {point.text: people_named(point.text) for point in [lede, *points]}
    for _ in range(len(points)):  # one move a pass, and no more passes than points
        introduced = set(named[lede.text][0])
        move = None
        for k, point in enumerate(ordered):
            full, bare = named[point.text]
            bare = bare - introduced
            later = next((j for j in range(k + 1, len(ordered)) if bare & named[ordered[j].text][0]), None)
            if later is not None:
                move = (later, k)
                break
            introduced |= full
        if move is None:
            break
        ordered.insert(move[1], ordered.pop(move[0]))
    return ordered


def _point(claim: Claim, dates: dict[str, str | None], several_days: bool, texts: dict[str, str]) -> Point:
    """A claim as the page shows it: its representative, read on its own (``standalone_text``, with its article's
    ``texts``), with its article's date when the cluster spans several days and the sentence says when only relative
    to that date."""
    point = Point.from_claim(claim)
    article_id = claim.representative.article_id
    day = dates.get(article_id) if several_days and _RELATIVE_DAY.search(point.text) else None
    return replace(point, text=standalone_text(point.text, texts.get(article_id, "")), date=day)


def _lede(claims: list[Claim], scores: np.ndarray, texts: dict[str, str],
          title_closeness: Callable[[Sequence[int]], np.ndarray] | None = None, title_weight: float = 0.0) -> int:
    """The best claim that reads as a plain statement of fact (``may_lead``), shown and able to stand alone, naming
    its actor (``_named_before``; ``texts``: each article's text), no list's item (``briefer.core.lists``), and that
    some outlet led with (``opens_an_article``, over every sentence grouped into it: cited or not) when any such
    claim does: best by ``scores``, plus ``title_weight`` times its closeness to the titles that state the news
    (``ClaimSet.title_closeness``)."""
    plain = [i for i, c in enumerate(claims)
             if stands_as_lede(c.representative, texts.get(c.representative.article_id, ""))
             and not is_list_item(c.sentences)]
    opening = [i for i in plain if opens_an_article(claims[i].grouped or claims[i].sentences)]
    candidates = list(opening or plain or range(len(claims)))
    near = title_closeness(candidates) if title_closeness and title_weight else np.zeros(len(candidates))
    return max(zip(candidates, near), key=lambda pair: scores[pair[0]] + title_weight * pair[1])[0]


def stands_as_lede(sentence: Sentence, article_text: str) -> bool:
    """Whether a sentence may open a story on its own: shown (admitted), a plain statement of fact (``may_lead``), able
    to stand alone (``_cannot_stand_alone``), and not calling by surname someone its article (``article_text``) named
    in full before it (``_named_before``)."""
    return (sentence.admissible and may_lead(sentence.text) and not _cannot_stand_alone(Claim((sentence,), sentence))
            and not _named_before(sentence, {sentence.article_id: article_text}))


def _named_before(sentence: Sentence, texts: dict[str, str]) -> bool:
    """Whether a sentence opens on a surname its article gave in full before it ("Hege is the CEO of DH ..." after
    "Dennis Hege ...", "Gallant's coauthors acted as study subjects" after "Jack Gallant, professor of psychology
    ..."): the reader of a lede has not met that person."""
    surname = _opening_surname(sentence.text)
    return surname is not None and _given_in_full(surname, texts.get(sentence.article_id, "")[:sentence.start])


def _opening_surname(text: str) -> str | None:
    """The one capitalised word a sentence opens on as its subject ("Hege is ...", "Gallant's coauthors ..."), if
    it may be a surname (not "The" or "It")."""
    opening = _SURNAME_SUBJECT.match(text)
    return opening.group(1) if opening and opening.group(1).lower() not in SIMILARITY_STOPWORDS else None


def _given_in_full(surname: str, text: str) -> bool:
    """Whether ``text`` names someone by a first name and this surname ("Dennis Hege", "Lucas Paganini"; "In
    Target" is no name)."""
    return any(m.group(1).lower() not in SIMILARITY_STOPWORDS
               for m in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(surname)}\b", text))


def _names_a_stranger(chosen: list[int], claims: list[Claim], texts: dict[str, str]) -> set[int]:
    """The chosen points (not the lede, ``chosen[0]``) that quote someone by surname alone, or open on that surname,
    whom their article named in full before ('"... water in vapor form," Paganini added' after "Lucas Paganini, a
    NASA planetary scientist, ..."; "Hege is the CEO of DH ..." after "Dennis Hege ...") and no other line of the
    page names at all, nor the point itself says who they are ("Clarke, an expert on the origin of birds, says"): the
    reader would never learn who is speaking or acting. A word the cluster also writes in lower case is no one's
    surname ("Police said", "Officials said")."""
    lines = {i: standalone_text(claims[i].representative.text) for i in chosen}
    strangers = set()
    for i in chosen[1:]:
        sentence = claims[i].representative
        before = texts.get(sentence.article_id, "")[:sentence.start]
        others = "\n".join(line for k, line in lines.items() if k != i)
        subject = _opening_surname(lines[i])
        names = people_named(lines[i])[1]
        if subject and not _CALENDAR_WORD.match(subject):  # "Wednesday's hearing came after ..."
            names.add(subject)
        if any(_given_in_full(name, before) and not re.search(rf"\b{re.escape(name)}\b", others)
               and not any(re.search(rf"\b{re.escape(name.lower())}\b", text) for text in texts.values())
               and not re.search(rf"\b{re.escape(name)},\s+(?:the|a|an|who|whose)\s", lines[i])
               for name in names):
            strangers.add(i)
    return strangers


def opens_an_article(sentences: Iterable[Sentence]) -> bool:
    """Whether one of these sentences is among its article's first: news states its core event first, so a claim
    that no outlet put in its opening is a detail ("The letter is typed on Kalashnikov's personal writing paper"),
    however central its words."""
    return any(s.in_opening for s in sentences)


def may_lead(text: str) -> bool:
    """Whether a sentence reads as a lede: a plain statement, not a quotation, not opening on a connective, not
    addressing the reader ("you may notice"), not adding to what came before ("The Trojans also had some problems with
    ..."), and naming what it is about before its verb ("The talks included ..." names nothing outside its quotation
    marks: which talks? "The visit is expected to last about three hours, and an official in Mr. Netanyahu's office
    said ..." names someone, but not the visit), nor an office without its holder ("US Secretary of State said
    ...")."""
    if text.startswith(QUOTE_OPENERS) or CONNECTIVE_OPENER.match(text):
        return False
    told = outside_quotations(text)
    if _SECOND_PERSON.search(told) or _OFFICE_WITHOUT_HOLDER.search(told) or _ALSO_IN_THE_MAIN_CLAUSE.match(told):
        return False
    if not _UNNAMED_OPENER.match(told):
        return True
    # Its subject ends at its first verb that is no "-ed" word ("The second most wanted man ... has died").
    verb = next((m.start() for m in FINITE_VERB.finditer(told) if not m.group().endswith("ed")), len(told))
    return bool(_NAME_AFTER_FIRST_WORD.search(told[:verb]))


def lead_with_the_most_reported(lede: Point, points: list[Point], articles: list[Article],
                                background_after: int = BACKGROUND_AFTER) -> tuple[Point, list[Point]]:
    """Once citing has counted who reports what, the chosen point the most outlets report leads: the core event,
    not the best-scored claim. It swaps places with the ranker's lede; a point that may not lead (or a list's item)
    stays a point, and a tie keeps the ranker's lede. An outlet counts for a point that would displace the lede only
    where it states the point within its first ``background_after`` sentences: further down it is background, copied
    from one fact sheet ("North Korea is estimated to have a chemical weapons production capability of up to 4,500
    metric tons ...", the 33rd sentence of one story and the second of a short sidebar, is not the news they lead
    with: "Kim Jong-nam ... was killed by a highly toxic nerve agent")."""
    outlet_of = _outlet_names(articles)

    def outlets(point: Point, within: int | None = None) -> int:
        return len({outlet_of.get(s.article_id, s.article_id) for s in point.evidence
                    if within is None or s.index < within})

    opening = opens_an_article(lede.evidence)
    best = max((p for p in points if may_lead(p.text) and (opens_an_article(p.evidence) or not opening)
                and not is_list_item(p.evidence)),
               key=lambda p: outlets(p, background_after), default=None)
    if best is None or outlets(best, background_after) <= outlets(lede):
        return lede, points
    return best, [lede if p is best else p for p in points]


def _mmr(
    claims: list[Claim],
    claim_set: ClaimSet,
    scores: np.ndarray,
    outlets: list[set[str]],
    budget: int,
    limit: int,
    weights: RankWeights,
    first: int,
    restates: Callable[[str, str], bool] | None = None,
    dates: dict[str, str | None] | None = None,
    left_out: set[int] | None = None,
) -> list[int]:
    """Indices of chosen claims, in order of choice, starting with ``first`` (chosen even over budget).

    A claim's novelty is how far it is from the closest chosen claim, in a blend (``weights.reported_novelty``) of
    what the two report and of their whole sentences; the near-repeat rule (``_repeats``) reads whole sentences.
    ``outlets`` holds the outlets each claim cites. A claim that brings an outlet no chosen point cites yet gets
    ``weights.new_outlet`` times the share of the cluster's outlets it adds: a source on the list should be cited
    for something when a claim of nearly the same worth can do it. A claim from an article's opening at least
    ``weights.retold`` close to a chosen one from another's (two first sentences: ``weights.retold_lede``) is the same
    news told again (``_tells_again``; ``dates``: each article's date). The claim about to be chosen is first put to
    ``restates`` against each chosen claim at least ``weights.judged_redundancy`` close, when it is given. Of a list's
    items (``briefer.core.lists``) one at most is chosen. Claims in ``left_out`` are never chosen. A claim that tells
    a chosen point in full and more takes its place (``_told_in_full``); one that so tells the lede is left out.
    """
    spread = float(scores.max() - scores.min()) or 1.0
    relevance = (scores - scores.min()) / spread
    every_outlet = len(set().union(*outlets)) or 1
    chosen: list[int] = [first]
    cited = set(outlets[first])
    used = claims[first].representative.words
    # A claim that is not shown or cannot stand alone never can be, whatever is chosen: left out once, not re-judged
    # at every step; so are a list's other items once one is chosen.
    candidates = {i for i in range(len(claims)) if i != first and claims[i].representative.admissible
                  and not _cannot_stand_alone(claims[i])} - (left_out or set())
    items = {i for i in candidates | {first} if is_list_item(claims[i].sentences)}
    if first in items:
        candidates -= items
    while candidates and len(chosen) < limit:
        pool = sorted(candidates)
        similarity = claim_set.vectors[pool] @ claim_set.vectors[chosen].T
        closest = similarity.max(axis=1)
        reported = claim_set.reported_vectors[pool] @ claim_set.reported_vectors[chosen].T
        closeness = weights.reported_novelty * reported.max(axis=1) + (1.0 - weights.reported_novelty) * closest
        best, best_value, best_takes = None, -np.inf, None
        for i, row, repeat, close in zip(pool, similarity, closest, closeness):
            takes = _told_in_full(claims, i, chosen, row)
            if takes == 0:  # the lede's news told again with more around it: the lede tells it
                continue
            freed = claims[chosen[takes]].representative.words if takes is not None else 0
            if used - freed + claims[i].representative.words > budget:
                continue
            if repeat >= min(weights.redundancy, CONTAINED_FLOOR) and _repeats(claims, i, chosen, row, weights):
                continue
            if any(close >= _retold_at(claims[i], claims[other], weights)
                   and _tells_again(claims[i], claims[other], dates or {}) for close, other in zip(row, chosen)):
                continue
            if any(quotes_again(claims[i].representative.text, claims[other].representative.text) for other in chosen):
                continue
            value = (weights.relevance * relevance[i] - (1.0 - weights.relevance) * float(close)
                     + weights.new_outlet * len(outlets[i] - cited) / every_outlet)
            if value > best_value:
                best, best_value, best_takes = i, value, takes
        if best is None:
            break
        candidates.discard(best)
        if restates is not None and _restated(claims, best, chosen, claim_set.vectors, weights, restates):
            continue
        if best_takes is None:
            chosen.append(best)
        else:
            used -= claims[chosen[best_takes]].representative.words
            chosen[best_takes] = best
        if best in items:
            candidates -= items
        cited = set().union(*(outlets[k] for k in chosen))
        used += claims[best].representative.words
    return chosen


def _told_in_full(claims: list[Claim], candidate: int, chosen: list[int], similarity: np.ndarray) -> int | None:
    """The position in ``chosen`` of a claim that the candidate tells in full with more besides, if any: "The trek
    will feature members Tom Johnston, Patrick Simmons, John McFee and McDonald together for the first time in 25
    years." is all in "Singer-guitarists Tom Johnston and Patrick Simmons, singer-keyboardist McDonald, and
    multi-instrumentalist John McFee will tour together for the first time in nearly 25 years during the trek, which
    kicks off June 9th ...". The fuller sentence takes the shorter one's place, so that the page tells the news once
    and keeps what only the fuller one says. Only nearly all of the shorter one's content words count
    (``CONTAINED_SHARE``): a shared number with most of them, what two report under different attributions
    (``reported_content``) or a long name the two share ("... according to Lt. John Corina with the Los Angeles County
    Sheriff's Department" does not tell that the department "is leading the death investigation") is too loose a
    match to give a chosen point away for."""
    text = claims[candidate].representative.text
    for position, (closeness, other) in enumerate(zip(similarity, chosen)):
        told = claims[other].representative.text
        if closeness >= CONTAINED_FLOOR and _contains(text, told):
            return position
    return None


@functools.lru_cache(maxsize=1 << 16)
def _contains(text: str, told: str) -> bool:
    """Whether ``text`` states ``told`` in full (``states_in_full``) and says more, with nothing that conflicts."""
    return (states_in_full(told, text) and not _says_nothing_more(text, told)
            and compatible(told, text, ages=False))


def _retold_at(claim: Claim, chosen: Claim, weights: RankWeights) -> float:
    """The cosine at which a claim tells a chosen one's news again: ``weights.retold_lede`` between two articles'
    first sentences, else ``weights.retold``."""
    first = claim.representative.index == 0 and chosen.representative.index == 0
    return weights.retold_lede if first else weights.retold


def _tells_again(claim: Claim, chosen: Claim, dates: dict[str, str | None]) -> bool:
    """Whether a claim close to a chosen one is the same news told again: both open their articles (where outlets
    state the core event), of the same day's news (an article two days apart, or a sentence naming other weekdays,
    tells a later development), with no conflict of numbers, dates, speakers or negation."""
    mine, theirs = claim.representative, chosen.representative
    days, their_days = weekdays(mine.text), weekdays(theirs.text)
    return (mine.article_id != theirs.article_id and mine.in_opening and theirs.in_opening
            and _days_apart(dates.get(mine.article_id), dates.get(theirs.article_id)) <= 1
            and not (days and their_days and not days & their_days) and compatible(mine.text, theirs.text))


def quotes_again(text: str, chosen: str) -> bool:
    """Whether a sentence quotes a statement a chosen one quotes (``QUOTED_STATEMENT_WORDS`` words or more, one within
    the other), with no conflict: the same words said once, reported twice (Graham's "all options on the table", the
    Pentagon's "erroneously re-tweeted content that would not be endorsed by the Department of Defense")."""
    ours = _statements(text)
    if not ours:
        return False
    return any(a in b or b in a for a in ours for b in _statements(chosen)) and compatible(text, chosen, ages=False)


@functools.lru_cache(maxsize=1 << 16)
def _statements(text: str) -> tuple[str, ...]:
    """``quoted_statements`` of a claim's text, found once: the ranker asks about each candidate at every choice."""
    return tuple(quoted_statements(text, QUOTED_STATEMENT_WORDS))


def _days_apart(first: str | None, second: str | None) -> int:
    """Days between two articles' dates (ISO, time of day ignored); 0 when either is missing or unreadable."""
    try:
        return abs((date.fromisoformat((first or "")[:10]) - date.fromisoformat((second or "")[:10])).days)
    except ValueError:
        return 0


def _restated(claims: list[Claim], candidate: int, chosen: list[int], vectors: np.ndarray, weights: RankWeights,
              restates: Callable[[str, str], bool]) -> bool:
    text = claims[candidate].representative.text
    closeness = vectors[chosen] @ vectors[candidate]
    return any(restates(text, claims[other].representative.text)
               for close, other in zip(closeness, chosen) if close >= weights.judged_redundancy)


def _repeats(claims: list[Claim], candidate: int, chosen: list[int], similarity: np.ndarray,
             weights: RankWeights) -> bool:
    """Whether a candidate restates a chosen claim: at least ``weights.redundancy`` close to one it could be.

    Closeness alone does not make a repeat. Two sentences that conflict (other numbers, another speaker, only one
    negated) are never one claim (``briefer.core.support.compatible``, the veto grouping applies too), however alike
    their framing: Lavrov's "the US had agreed to send written answers", said "at a news conference following the
    meeting", is no repeat of a Blinken quote said "at a press conference after his meeting". People told apart only
    by their ages are: a police list's next suspect "of Fairmont, was charged with two counts of ..." adds a name.
    """
    text = claims[candidate].representative.text
    return any(repeats(text, claims[other].representative.text, closeness, weights)
               for closeness, other in zip(similarity, chosen))


def repeats(text: str, chosen: str, closeness: float, weights: RankWeights) -> bool:
    """Whether ``text`` restates ``chosen``, its vector ``closeness`` away: close enough (``weights.redundancy``),
    or fairly close and adding nothing to it, and never when the two conflict (``compatible``)."""
    return ((closeness >= weights.redundancy or closeness >= CONTAINED_FLOOR and adds_nothing(text, chosen))
            and compatible(text, chosen, ages=False))


@functools.lru_cache(maxsize=1 << 16)
def adds_nothing(text: str, chosen: str) -> bool:
    """Whether ``text`` adds nothing to ``chosen``, read whole or for what each reports without who said it and
    where: the same quotation under two attributions ('"Colon cancer has traditionally been thought of as a disease
    of the elderly," said study lead author Dr. Samantha Hendren, an associate professor ...') is one point."""
    return _says_nothing_more(text, chosen) or _says_nothing_more(reported_content(text), reported_content(chosen))


def _says_nothing_more(text: str, chosen: str) -> bool:
    """Whether ``text`` adds nothing to ``chosen``: nearly all its words are there ("One in seven colon cancer
    patients is under 50." after "One in seven colon and rectal cancers in the U.S. are now diagnosed in patients
    younger than age 50, ..."), or most of it is a run of the chosen claim's words (the same quotation or wire copy
    with a few words more), or most of its words are there with a number that singles out the fact ("$53 million in
    debt"). A shorter shared run is no repeat: "the beginning of a sophisticated attempt to hack into its voter
    database" is in a report of the attack and in its retraction."""
    shared = content_share(text, chosen)
    if shared >= CONTAINED_SHARE:
        return True
    if shared >= NUMBERED_SHARE and _distinctive_numbers(text) & _distinctive_numbers(chosen):
        return True
    # A run of most of a sentence carries many of its content words: without them the costly run is not looked for.
    return shared >= RUN_WORTH_LOOKING and longest_shared_run(text, chosen) >= REPEATED_RUN * len(text.split())


def _distinctive_numbers(text: str) -> set[str]:
    """The numbers of a sentence that single out one fact: 10 or more, or with a decimal point, and not a year
    ("$53 million", "700 block", "2.9"; not "2016" nor "three")."""
    found = set()
    for n in dates_and_numbers(text)[1]:
        try:
            value = float(n)
        except ValueError:
            continue
        if value >= 10 and not (n.isdigit() and 1900 <= value <= 2100) or "." in n:
            found.add(n)
    return found


def _cannot_stand_alone(claim: Claim) -> bool:
    """A point that cannot stand on its own: it is never published.

    One opening on "he" or "they", or on an opening phrase that names nobody and then "she" ("In the last week
    alone, she's spoken out ..."), names nobody; one opening on "we" or "I" with no verb of saying is a quotation
    whose speaker was in the sentence before ("We don't expect to resolve our differences here today."). One whose
    only lower-case words are function words is a heading, caption or scraped fragment, not a sentence ("Russian
    Foreign Affairs in Geneva."), and its common words would make every outlet seem to repeat it. One that ends in
    an ellipsis was cut by its source ("... the death of Fabio Sementilli, an internationally known..."), and one that
    quotes a question and says who asked it ('"Says who?" said Cohen, ...') answers a sentence before, and one with
    no verb outside its quotations is a caption, a label or a command (``_verbless``). One whose
    quotation marks do not pair up is one sentence of a longer quotation ('"It is only our intent to clear the
    street.'), whose speaker and end are in another; so is one that is a quotation and nothing else ('"Several woods
    fires and abandoned house fires in a week."'). One that points to what comes next in its article ("The
    following ensued when ...", "Here is what we know:") announces text the reader never sees. One addressed to the
    reader outside any quotation is a service's terms, a how-to or a prompt, not news ("If you do not enable Voice
    Recognition, you will not be able to ..."), one where the writer says "me" or "my" outside any quotation speaks
    as someone the page never names ("Herman tells me of a little girl ..."), as does one wondering what comes next
    ("... remains to be seen", "Now the question is ...") or opening on the writer's stance ("Of course, ...",
    "Fortunately, ..."), and so is an appeal to the public ("Anyone with information is asked to call ...") or an
    instruction ("Visit the National Cancer Institute for more"). One whose first word starts in lower case, or that
    opens as a relative clause of the sentence before ("Which means ...", ``_RELATIVE_OPENER``), is a piece of a
    sentence, and one with no full stop, question or exclamation mark at its end is a heading, a standfirst or a
    caption; one that says only who spoke is the end of a quotation cut off ("Carson, who lives in suburban Chicago,
    told TODAY."), and one with "he" or "she" before anyone it could be (``_unresolved_pronoun``), with people counted
    and not named as a subject ("Witnesses said both had been drinking ...", ``_unnamed_counted_subject``) or ending
    on what was said as "that" ("Donald Trump has said that more than once.") leans on the sentence before. Each is
    judged on the sentence as the page would show it (``standalone_text``): "But he also added ..." is shown as "He
    also added ...". The rules come in two sets: what leans on the sentence before (``leans_on_context``), which may
    still be shown right after that sentence (``briefer.core.follow_on``), and what is no news anywhere
    (``unpublishable``).
    """
    text = standalone_text(claim.representative.text)
    return leans_on_context(text) or unpublishable(text, claim.representative.text)


def leans_on_context(text: str) -> bool:
    """Whether a sentence, as a point shows it (``standalone_text``), leans on the one before it in its article: who
    "he", "they", "both", "the actress" or the "her" a judge ordered held are, what "that" or "the incident" is, when
    "that day" was, who spoke a quotation or asked its question, or the verb an auxiliary stands for is told there
    (the rules of ``_cannot_stand_alone`` that such a sentence passes when shown after the one it leans on)."""
    if PRONOUN_OPENER.match(text) or _WHOLLY_QUOTED.match(text) or _elided(text) or _unresolved_pronoun(text) \
            or _unnamed_counted_subject(text) or _unnamed_epithet_subject(text) or _time_told_before(text) \
            or _PRONOUN_OBJECT.match(text) or _EVENT_TOLD_BEFORE.match(text) or _DEMONSTRATIVE_END.search(text) \
            or _QUOTED_QUESTION.match(text):
        return True
    if _BACK_REFERRING_PHRASE.match(text) or _OFFICE_WITHOUT_HOLDER.search(outside_quotations(text)):
        return True
    opening = _PRONOUN_AFTER_OPENING.match(text)
    return opening is not None and not _NAME_AFTER_FIRST_WORD.search(_names_in(opening))


def unpublishable(text: str, raw: str) -> bool:
    """Whether a sentence is no news to show wherever it stands (the other rules of ``_cannot_stand_alone``): a
    fragment, caption, heading, prompt, appeal, the writer's own voice, or a piece of a longer quotation. ``text`` is
    the sentence as a point shows it, ``raw`` as its article has it (a stance opener is read there)."""
    if cut_off(text) or _part_of_a_longer_quote(text) or _verbless(text) or _ONLY_WHO_SPOKE.match(text) \
            or _RELATIVE_OPENER.match(text):
        return True
    if LOWER_CASE_START.match(text) or not _SENTENCE_END.search(text):
        return True
    told = outside_quotations(text)
    if _POINTS_AHEAD.match(text) or _SECOND_PERSON.search(told) or _WRITER_IN_PERSON.search(told) \
            or _WRITER_WONDERS.search(told) or _APPEAL.match(text):
        return True
    if _PROMPT_OPENER.match(text) or _FOLLOW_PROMPT.search(told) or _WRITER_STANCE.match(raw) or _in_brackets(text):
        return True
    if any(c.islower() for c in text) and not set(LOWER_WORD.findall(text)) - CONNECTING_WORDS:
        return True  # (an all-capitals article is no heading)
    return bool(_FIRST_PERSON_OPENER.match(text)) and not _said_by_another(text)


def _unresolved_pronoun(text: str) -> bool:
    """Whether "he" or "she" (outside quotations) comes before anyone it could be ("But she told how she has still been
    allowed ...", "And so, using computers, history and his fellow forecasters, he sat down to write."); "Lavrov said
    during the meeting he ..." names him first (``_PERSON_PRONOUN``). Whoever a closing attribution names said the
    sentence and is not "he" (``_CLOSING_ATTRIBUTION``)."""
    told = outside_quotations(text)
    pronoun = _PERSON_PRONOUN.search(told)
    if pronoun is None:
        return False
    before = told[:pronoun.start()]
    if _names_before(before):
        return False
    if _SOMEONE_INTRODUCED.search(before):
        return False
    closing = _CLOSING_ATTRIBUTION.search(told, pronoun.end())
    end = closing.start() if closing else len(told)
    return not any(name.group(1).lower() not in SIMILARITY_STOPWORDS
                   for name in _NAME_AFTER_A_COMMA.finditer(told, pronoun.end(), end))


def _unnamed_counted_subject(text: str) -> bool:
    """Whether people counted, not named, are a clause's subject (``_COUNTED_SUBJECT``, outside quotations) with fewer
    than two names before them; an opening word ("When", "Although") is no name."""
    told = outside_quotations(text)
    counted = _COUNTED_SUBJECT.search(told)
    if counted is None:
        return False
    return len(_names_before(told[:counted.start()])) < 2


def _unnamed_epithet_subject(text: str) -> bool:
    """Whether someone is called by what they are as a clause's subject (``_EPITHET_SUBJECT``, outside quotations)
    with no name before them ("... claims that said the Chinese e-commerce giant ..." after "Alibaba"), nor, for an
    office, one in the words that call them ("The Foreign Office spokesman")."""
    told = outside_quotations(text)
    epithet = _EPITHET_SUBJECT.search(told)
    if epithet is None or _names_before(told[:epithet.start()]):
        return False
    return epithet.group("epithet") not in OFFICE_EPITHETS or not _CAPITALISED_WORD.search(epithet.group("modifiers"))


def _time_told_before(text: str) -> bool:
    """Whether the sentence (outside quotations) says "that day", "that night" ... with no date or year before it to
    be that time (``_THAT_TIME``)."""
    told = outside_quotations(text)
    time = _THAT_TIME.search(told)
    if time is None:
        return False
    before = _PART_OF_THAT_TIME.sub("", told[:time.start()])  # "In December of that school year": no date of its own
    return not (_CALENDAR_WORD.search(before) or _YEAR.search(before))


def _names_before(prefix: str) -> set[str]:
    """The capitalised words of the start of a sentence that may name someone: not stop words ("The"), nor the
    sentence's opening word ("When", "Although")."""
    return {w for k, w in enumerate(_CAPITALISED_WORD.findall(prefix))
            if w.lower() not in SIMILARITY_STOPWORDS and not (k == 0 and _OPENING_WORD.match(w))}


def _verbless(text: str) -> bool:
    """Whether a sentence has no verb outside its quotations: a caption, a label or a list's line ("Mohammed Sidique
    Khan, 30, born in Pakistan, from Dewsbury."), a quotation someone unnamed said ('To quote a friend, "The party's
    over ..."'), or a command to the reader ("Refurbish yourself with a proprietary Lightning connector ..."). A
    sentence in capitals is read in lower case ("BLINKEN AND LAVROV MET IN GENEVA ...")."""
    told = outside_quotations(text)
    if not any(c.islower() for c in told):
        told = told.lower()
    return not FINITE_VERB.search(told) and not _VERB_FORM.search(told)


def _elided(text: str) -> bool:
    """Whether the sentence's verb is a bare auxiliary whose predicate the sentence before it holds ("Staying on the
    Moon and reaching Mars, however, haven't.", "In Cheryl Strayed's case, it seems to have."): no other finite verb
    and an auxiliary at its end."""
    end = _ELIDED_END.search(text)
    if end is None or text.startswith(QUOTE_OPENERS):
        return False
    return not FINITE_VERB.search(text[:end.start()])


def _said_by_another(text: str) -> bool:
    """Whether the sentence's first verb of saying outside quotation marks has someone other than the writer as its
    subject: '"We are ready," Lavrov said' is Lavrov speaking; "We've asked Microsoft to clarify ..." and "We're told
    that ..., according to Frances Bean's side, ..." are the reporter."""
    for said in ATTRIBUTION.finditer(text):
        before = text[:said.start()]
        if not inside_quotation(before):
            return not _FIRST_PERSON_SUBJECT.search(before)
    return False


def _in_brackets(text: str) -> bool:
    """Whether the whole sentence stands in brackets: an aside to the sentence before it ("(Jurvetson has taken leave
    from Tesla after being accused of sexual harassment.)") or an editor's note ("(This story has been updated.)")."""
    body = text.strip().rstrip(".!?\"'\u201d")
    if not (body.startswith("(") and body.endswith(")")):
        return False
    depth = 0
    for k, char in enumerate(body):
        depth += (char == "(") - (char == ")")
        if depth == 0 and k < len(body) - 1:
            return False  # "(AP) Police said ..." or "(a) one thing (b) another": the first bracket closes early
    return True


def _names_in(opening: re.Match[str]) -> str:
    """The opening phrase as far as it can name who "he", "she" or "they" are: a day or a month cannot ("In
    September, he explained ...", "In a new case study out Monday, they detail ..."), though a thing it names may be
    what "it" is ("If no one wins Tuesday's jackpot, it will ...")."""
    phrase = opening.group("opening")
    people = ("he", "she", "his", "her", "they", "their")
    return _CALENDAR_WORD.sub("", phrase) if opening.group("pronoun").lower() in people else phrase


def _part_of_a_longer_quote(text: str) -> bool:
    """Quotation marks that do not pair up; a straight one after a digit is seconds or inches (5h 34' 28")."""
    straight = len(_STRAIGHT_QUOTE.findall(text))
    return straight % 2 == 1 or text.count("\u201c") != text.count("\u201d")


def first_reported(claim: Claim, dates: dict[str, str | None]) -> str:
    """The earliest date of the articles that report a claim (ISO, so strings sort as dates); "" when none has one."""
    return min((day for day in (dates.get(a) for a in claim.article_ids) if day), default="")


def story_position(claim: Claim) -> float:
    """Where a claim sits in the telling: the mean position of its sentences in their articles."""
    return float(np.mean([s.index for s in claim.sentences]))
