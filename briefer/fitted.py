"""Every number briefer fitted or tuned on data, each under the bench script that fits it.

To refit one: run the script named in its section (its docstring says how and on what), put the values it prints
here, then rerun the tests and ``bench/quality.py`` (BENCHMARKS.md records each run). Weights too large for a
constant are data files, fitted the same way: the admission model in ``briefer/data/admission.json``
(``bench/fit_admission.py``) and the static embedder's vectors in ``briefer/data/static-minilm``
(``bench/distill_static.py``). This module imports nothing from briefer, so every stage can read it.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- bench/support.py: which sentences back a citation (bench/results/support.md) ------------------------------

# The support model, a logistic regression over ``briefer.core.support.FEATURES``: fitted on the 599 pairs of
# tests/data/claim_pairs.jsonl, with the claim thresholds below as floors; the cut keeps out-of-fold precision
# >= 0.97 for every embedder. Refit when the features, floors, embedders or labels change.
SUPPORT_WEIGHTS = (3.3072, -1.2590, 1.0902, 5.6224, 1.7082)
SUPPORT_INTERCEPT = -2.7404
SUPPORT_CUT = 2.2465
# The floor for citing, per embedder: below it no sentence backs a citation, above it the support model decides
# (the model was fitted with these floors). Cosines mean different things in the three spaces.
CLAIM_THRESHOLDS = {"static": 0.70, "minilm": 0.70, "lexical": 0.40}
# Sentences per article the support judge is asked about, closest first, and the cosine below which none is:
# enough for a paraphrase in other words, few enough that a brief costs a few dozen judged pairs.
JUDGE_CANDIDATES_PER_ARTICLE = 3
JUDGE_PREFILTER = 0.35

# --- bench/claims.py: which sentences are one claim on the page -------------------------------------------------

# The looser cosine at which sentences are one claim (one point, not cited), per embedder. Static: the best F0.5
# of merging on the labelled pairs (0.81 precision); at MiniLM's 0.72 static groups merged different developments
# of a story, hiding their sentences (bench/results/quality_run.md).
GROUP_THRESHOLDS = {"static": 0.80, "minilm": 0.72, "lexical": 0.45}


# --- bench/tune_rank.py: how claims are ranked (bench/results/rank_sweep.md, BENCHMARKS.md) ------------------


@dataclass(frozen=True)
class RankWeights:
    """How claims are ranked; tuned on the tune half of the eval sets (``bench/tune_rank.py``, BENCHMARKS.md)."""

    centrality: float = 1.0
    coverage: float = 2.0
    # The same coverage read word for word (briefer.core.claims.ClaimSet.worded): how many outlets repeat a claim's
    # rare words. ROUGE cannot tell 0-4 apart on either half (bench/results/rank_sweep.md); 3 is among the best two
    # on the held-out half, the value the tune-half search picks, and the least at which the sample brief carries
    # what all five of its outlets report ("in writing next week").
    worded_coverage: float = 3.0
    position: float = 2.0
    # Trade-off between a claim's score and its novelty against what is already chosen.
    relevance: float = 0.7
    # Share of that novelty judged on what a claim reports, its attribution stripped
    # (briefer.core.claims.reported_content), the rest on its whole sentences: points framed alike ("..., Blinken
    # said at a press conference after ...") are not repeats for it. 0.15 was best on the tune half and on the
    # held-out half (bench/results/rank_sweep.md).
    reported_novelty: float = 0.15
    # Cosine at or above which a claim is a near-repeat of a chosen one it does not conflict with, and never picked.
    redundancy: float = 0.8
    # Cosine at or above which a claim from one article's opening tells again what another's opening, already chosen,
    # told (briefer.core.rank._tells_again): outlets open on the core event in their own words, and a reader met it
    # two to four times. Set by reading, not by ROUGE, which does not see repeats: at 0.75 it leaves out a point in
    # 27 of the 201 development briefs, about four in five of them the same event told again (the rest a later
    # development: a hack claimed, then carried out); ROUGE on the tune half 0.3115 -> 0.3113, Multi-News held out
    # R-1 -0.06, R-2 -0.06 (bench/results/rank_sweep.md). 0.7 caught more repeats and more developments.
    retold: float = 0.75
    # The same for two outlets' first sentences, their ledes: each opens on the core event in its own words, so they
    # tell it again further apart. Briefs keep ``retold``; the daily page, whose stories are briefed from their
    # articles' leads alone and show two to four points, uses ``DAILY_RANK`` (below).
    retold_lede: float = 0.75
    # Cosine at or above which the support judge is asked whether a candidate restates a chosen claim in other
    # words (briefer.core.rank._restated); below it, two claims are taken to say different things.
    judged_redundancy: float = 0.5
    # Bonus, per share of the cluster's outlets, for a claim citing an outlet no chosen point cites yet. The same
    # ROUGE on both halves for 0.1-0.5 (bench/results/rank_sweep.md); 0.2 is the least at which the sample cites
    # all five of its outlets.
    new_outlet: float = 0.2
    # Bonus, per unit of mean cosine to the titles that state the cluster's news (``ClaimSet.title_closeness``),
    # for a claim to be the lede: a title states its article's news, and a page's opening sentences are often a
    # writer's way in or a caption. Set by reading the ledes it changes on the single saved pages of
    # docs/daily_pages.md (486 that brief): at 2, 29 distinct pages change, 15 for the better (the news in place of
    # an anecdote, a caption or a sentence leaning on an unseen one), 4 for the worse (a detail near the title's
    # words: "Some currently make $10.50 an hour" for "Janitors, baggage handlers ... are asking for a $15 hourly
    # wage"), 10 neither; at 1 most of the gains go. Multi-News has no titles; on MultiLing two ledes change, both
    # to the event the headline names ("Alexander Vinokourov of Kazakhstan has won stage 13 of the 2007 Tour de
    # France." for "For the second time in two days, the sun and the crowds came out to welcome the Tour de France
    # to London.").
    title: float = 2.0


# How a story on the daily page is ranked: two outlets' ledes 0.6 close tell its news again. On the real day of
# docs/daily_pages.md and the shuffled dev pile this changes five story points, each a retelling giving way to a new
# fact ("Google Stadia launches tomorrow ..." after "Stadia ... launches today." -> "Prior to launch Google promised
# players ... 4k and 60fps ..."). On whole briefs, read over the 36 development briefs it changes, two retellings
# left out for each development lost (a lede as vague as "Trump's press conference had many people talking" is
# 0.6 close to every outlet's report of what he said), and Multi-News R-2 held out -0.14: briefs keep 0.75.
DAILY_RANK = RankWeights(retold_lede=0.6)

# An outlet reports a point as news when it states it within its first this many sentences, its opening; further
# down it is background (briefer.core.rank.lead_with_the_most_reported). Set by reading every brief of the development
# sets and the real day whose lede the count changes (bench/results/ledes_session23.md). Session 17 chose 10, when
# the sample's ranker gave the lede to "US Secretary of State said ..." and only a swap mended it; once an office
# without its holder may not lead (briefer.core.rank.may_lead), 3 keeps #15's "could be a fake, according to a new
# forensic investigation" and WeWork's "is reportedly being investigated by the New York State Attorney General" (10
# gave them to the shroud's museum and a spokesperson's quote), and still lets NASA's five lander companies lead.
BACKGROUND_AFTER = 3

# --- bench/fit_admission.py: which sentences a reader may be shown ----------------------------------------------

# A cluster is guaranteed this many sentences to show when enough are at least SHOWN_FLOOR likely to be
# publishable: in the held-out half, 64% of sentences scored 0.4 to the threshold were, against 41% from 0.3.
MIN_SHOWN = 8
SHOWN_FLOOR = 0.4
# A cluster none of whose articles' openings is over the threshold has those at least this likely admitted, so that
# its lede states the core event: in the fit half, 6 of 7 labelled openings scored 0.5 to the threshold are
# publishable, 4 of 8 from 0.45 and 2 of 6 from 0.4 (held out: 9 of 12, 6 of 8, 3 of 8; bench/fit_admission.py).
OPENING_FLOOR = 0.5

# --- bench/match_threshold.py: matching a reference note to a point (bench/results/match_threshold.md) ---------

# A blend of MiniLM cosine and the share of the note's content stems found in the point's best span; without
# embeddings, the stem share alone. Weight and thresholds chosen on the tune half of the first 159 pairs of
# tests/data/match_pairs.jsonl and checked on the other half (bench/results/quality.md); on all 425 pairs they
# are within two tune pairs of the best, and crediting similar words (soft overlap) did not pay for its false
# matches.
SEMANTIC_WEIGHT = 0.25
SEMANTIC_THRESHOLD = 0.44
LEXICAL_THRESHOLD = 0.39

# --- bench/stories.py: a day's stories --------------------------------------------------------------------------


@dataclass(frozen=True)
class StoryParams:
    """How stories are cut. The threshold is tuned on half of the shuffled Multi-News dev set; the blocking sizes
    are the cheapest that kept the adjusted Rand index of days of 5,000 and 20,000 articles (``bench/stories.py``)."""

    # Average cosine at or above which two groups of articles are one story.
    threshold: float = 0.15
    # Terms per article used for blocking (its highest-weighted ones).
    block_terms: int = 10
    # A block (the articles filed under one term) bigger than this is not compared all against all: each of its
    # members is compared with the ``hubs`` members closest to the block's centre. Both bound the cost per article.
    max_block: int = 50
    hubs: int = 20
    # Words of each article that are read: stories differ in their first paragraphs.
    lead_words: int = 1000
    # Of those, the title and first words are read again on their own, and this is the share of a cosine that they
    # decide (briefer.daily.stories.article_vectors): two stories of one field (two moons, two NASA contracts) share
    # words down the page, one event its title and first lines. With the threshold chosen again on the tune half,
    # held-out adjusted Rand 0.865 -> 0.876 and the real day's 0.875 -> 0.904 (bench/results/stories_session19.md).
    opening_words: int = 150
    opening_weight: float = 0.5
    # Two articles that each name at least this many people, places or bodies (a capitalised word inside a sentence,
    # briefer.text.lexicon.NAME_INSIDE_A_SENTENCE) and share none of them are never linked, however alike their
    # words: two stabbings of one day ("Man stabbed to death on San Francisco Bay train", "Son of former German
    # president stabbed to death in Berlin", cosine 0.17 on a day of 36 pages) are two stories. At 3 the shuffled
    # Multi-News halves and the real day score as without it (bench/results/stories_session26.md); at 1 a study that
    # names no one splits from its story.
    story_names: int = 3
    # Two articles that each give a score in this many words after their title (``scorelines_in``: "a 2-1 win") and
    # share none report two games: one day's reports of one league or tour share their words and names ("Premier
    # League", a player of each), and Villa's 2-1 win at Wigan and Sunderland's 3-1 over Bolton were one story
    # (L3S-GN1, 2007-12-29). No page of the Multi-News pile gives one there; on the 19 GN1 days every pair it parts
    # is two games or matches (bench/results/stories_session30.md).
    score_words: int = 60


# Two stories are one when their centroids are this close (TF-IDF cosine) or their titles share this share of words.
# Among the top 100 stories of the eval days, different events reach 0.41 (two searches for lost airliners), so
# only closer pairs are folded together.
DUPLICATE_COSINE = 0.45
DUPLICATE_TITLES = 0.6
