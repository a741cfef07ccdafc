"""Grouping sentences from different articles that state the same thing into claims.

Average-linkage agglomeration over sentence similarities: two groups merge only when their sentences are, on
average, as close as the embedder's claim threshold. Average (not single) linkage matters here: a chain of
pairwise-similar sentences must not glue two different statements together, because every article in a claim
is cited for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from briefer.text.lexicon import similarity_words
from briefer.text.lexicon import REPORTING_VERBS, alternation, inside_quotation
from briefer.core.support import SUPPORT_MODEL, ClusterVocabulary, SupportModel, compatible, supports
from briefer.types import Claim, Sentence

# A sentence opening on a pronoun cannot stand alone on the page: the reader cannot tell who "he" is. Nor one opening
# on someone's age in place of their name ("The 23-year-old comedian, whose fireman father died ...", "The 73-year-old,
# who entered and left the courtroom in a wheelchair, ..."), unless the name follows ("The 23-year-old comedian Pete
# Davidson ...").
# A quantity with no noun before its verb counts some of what the sentence before named: "Most are placed in
# institutions ...", "Others can operate on a quarterly basis."
PRONOUN_OPENER = re.compile(r"^[\"'\u201c]?(?:he|she|they|it|his|her|their|its|this|these|those|which|"
                            r"the\s+\d+-year-old(?!(?:\s+[a-z][\w'-]*){0,3}\s+(?-i:(?:named\s+)?[A-Z][a-z]))|"
                            r"(?:at|in|to|of|for|from|by|with|on|after|before|during|upon)\s+which|"
                            r"(?:others|some|many|most|few|several|both|all)(?=\s+(?:say|have|had|are|were|is|was|"
                            r"can|could|will|would|believe|believed|argue|think|thought|do|did|reported|report|"
                            rf"{alternation(REPORTING_VERBS)})\b))\b",
                            re.IGNORECASE)
# Openers that lean on the sentence before ("But ...", "Further, ..."): readable, but worse.
CONNECTIVE_OPENER = re.compile(
    r"^(?:but|and|also|however|meanwhile|further|furthermore|additionally|besides|still|yet|so|then|there|here)\b",
    re.IGNORECASE,
)
# A place in capitals before a sentence, its dash lost in the scrape: "WASHINGTON Obesity is imposing ...". Told from
# a shouted name ("BORIS Johnson has ...") by the word after it, which its article also writes in lower case.
_DATELINE_WITHOUT_DASH = re.compile(r"^((?:[A-Z][A-Z.'\u2019-]{2,}\s+){1,3})(?P<next>[A-Z][a-z]+)\b")
# Capitals a tabloid opens a story with: words of three or more letters before the first word in lower case ("A
# THIRD case of the plague has been reported", "SHOCKING footage shows"). Not before a capitalised word, where capitals
# are a dateline or a name. An acronym (the "WHO officials" of a story that names the WHO again) is written so
# throughout its article.
_SHOUTED_OPENING = re.compile(r"^([\"'\u201c\u2018]?(?:A\s+|AN\s+)?)((?:[A-Z][A-Z'\u2019-]{2,}\s+)+)(?=[a-z])")
# A connective set off by a comma ("However, ...", "Additionally, ...") or an opening "And" or "But" points back at
# a sentence the brief's reader never sees: a point is shown without it (``standalone_text``).
_LEADING_CONNECTIVE = re.compile(
    r"^(?:(?i:however|meanwhile|additionally|furthermore|further|moreover|also|still|separately|besides|in addition|"
    r"nevertheless|nonetheless|on the other hand|at the same time|likewise|similarly|for example|for instance|"
    r"in other words|in short|in fact|indeed|of course|to be sure|after all|as a result|even so|that said|"
    r"in the meantime|in turn|instead|thus|therefore|consequently|finally|now|then),\s+|(?:And|But)\s+(?=[A-Za-z]))"
)
# Who said it and where, around what was said: "According to Sputnik, ...", "At a news conference following the
# meeting, ...", "..., Blinken said." Stripped before comparing what two points report (``reported_content``).
_FRAMING_OPENER = re.compile(
    r"^(?:according to [^,]{1,60}|(?:at|in|during|speaking (?:at|to|after)|while addressing) [^,]{0,60}"
    r"(?:conference|briefing|interview|statement|speech|remarks|address|media|reporters)[^,]{0,80}),\s*",
    re.IGNORECASE,
)
_SPEECH_VERB = re.compile(rf"\b{alternation(REPORTING_VERBS)}\b")
_THAT = re.compile(r"^\s*(?:(?:on\s+)?[A-Z][a-z]+day\s+|reporters\s+|journalists\s+)?that\b")
_QUOTE_CLOSE = re.compile(r"[\"\u201d\u2019']$|[\"\u201d\u2019']\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?$")


@dataclass(frozen=True)
class ClaimSet:
    """The claims of a cluster and, row for row, the unit centroid of each claim's sentence vectors.

    ``reach`` holds, per claim (row) and article (column, in ``article_ids`` order), how close the article's
    closest sentence comes to the claim's representative: how widely a claim was reported, in words close enough
    to cite or not, for ranking. Citations never use it.

    ``worded`` is ``reach`` read word for word: per claim and article, the share of what the claim reports (its
    rare words weighing more) that the article's best sentence repeats. Embeddings put every sentence of a story
    close to every other ("Blinken said ... after his meeting with Lavrov"), so ``reach`` barely tells a fact five
    outlets carry from one only its own outlet does; shared rare words ("in writing", "next week") do. Until
    ``group_claims`` fills it in, ``reach`` stands in.

    ``reported`` holds, row for row, the unit vector of what each claim's representative reports, its attribution
    stripped (``reported_content``), once ``with_reported`` has added it; until then the centroids stand in. Rows
    of ``reported`` compare with each other only.

    ``sentences`` and ``sentence_vectors`` are every sentence of the cluster and its vector: where citing
    (``briefer.core.cite``) looks for the articles that state a point.

    ``titles`` are the titles that state the cluster's news and ``encode`` the embedder's, once ``with_titles`` has
    added them: where the lede is looked for (``title_closeness``).
    """

    claims: tuple[Claim, ...]
    vectors: np.ndarray
    reach: np.ndarray
    article_ids: tuple[str, ...]
    reported: np.ndarray | None = None
    worded: np.ndarray | None = None
    sentences: tuple[Sentence, ...] = ()
    sentence_vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    titles: tuple[str, ...] = ()
    encode: Callable[[Sequence[str]], np.ndarray] | None = field(default=None, compare=False, repr=False)

    @property
    def worded_reach(self) -> np.ndarray:
        return self.reach if self.worded is None else self.worded

    @property
    def reported_vectors(self) -> np.ndarray:
        return self.vectors if self.reported is None else self.reported

    def with_reported(self, encode: Callable[[Sequence[str]], np.ndarray]) -> ClaimSet:
        """This set with ``reported`` filled in: every representative's reported content, encoded in one call.

        Why: two points framed alike ("..., Blinken said at a press conference after his meeting with Lavrov")
        embed close even when they report different things, and novelty must be judged on what is reported. One
        call, so that an embedder whose space depends on its batch (TF-IDF) puts them all in the same one.
        """
        if not self.claims:
            return replace(self, reported=self.vectors)
        texts = [reported_content(c.representative.text) for c in self.claims]
        return replace(self, reported=np.asarray(encode(texts), dtype=np.float32))

    def with_titles(self, titles: Sequence[str], encode: Callable[[Sequence[str]], np.ndarray]) -> ClaimSet:
        """This set with the titles that state the cluster's news and the encoder that reads claims beside them."""
        return replace(self, titles=tuple(titles), encode=encode)

    def title_closeness(self, indices: Sequence[int]) -> np.ndarray:
        """For these claims, each representative's mean cosine to ``titles`` (0 without them): encoded in one call
        with the titles, for an embedder whose space depends on its batch, and only for the claims asked about (the
        lede's few candidates), so that a slow embedder pays little.

        Why: a title states its article's news in a line; where the titles agree, the lede should too. Among one
        page's opening sentences the one its title retells is its news ("The Washington Monument developed a crack
        near its peak from the magnitude-5.8 quake, ..." under "Washington Monument Closes to Repair
        Earthquake-Induced Crack"), not a writer's way in ("Despite what the jeers of jaded Californians might
        suggest, toppled lawn chairs weren't actually the worst of the damage ...").
        """
        if not self.titles or self.encode is None or not len(indices):
            return np.zeros(len(indices), dtype=np.float32)
        texts = [self.claims[k].representative.text for k in indices]
        vectors = np.asarray(self.encode([*texts, *self.titles]), dtype=np.float32)
        return (vectors[:len(texts)] @ vectors[len(texts):].T).mean(axis=1)


def standalone_text(text: str, article: str = "") -> str:
    """A sentence as a point shows it, out of its article: without an opening connective set off by a comma
    ("However, senior diplomats decided ..." -> "Senior diplomats decided ..."), and with the words a tabloid
    shouts at the start of a story in the case its ``article`` writes them elsewhere ("A HUNTER who killed ..." ->
    "A hunter who killed ..."; "NASA" stays as it is), and without a place in capitals whose dash the scrape lost
    ("WASHINGTON Obesity is imposing ..." -> "Obesity is imposing ..."). Nothing else changes: the words that state
    the fact are the source's own."""
    text = _unshouted(text, article) if article else text
    match = _LEADING_CONNECTIVE.match(text)
    if not match:
        return text
    rest = text[match.end():]
    first = next((i for i, c in enumerate(rest) if c.isalpha()), None)
    if first is None:  # nothing left to read: keep the sentence whole
        return text
    return rest[:first] + rest[first].upper() + rest[first + 1:]


def _unshouted(text: str, article: str) -> str:
    dateline = _DATELINE_WITHOUT_DASH.match(text)
    if dateline and all(_written_otherwise(word, article, word.capitalize()) for word in dateline.group(1).split()) \
            and re.search(rf"\b{re.escape(dateline.group('next').lower())}\b", article):
        return text[dateline.end(1):]
    shouted = _SHOUTED_OPENING.match(text)
    if shouted is None:
        return text
    words = []
    for word in shouted.group(2).split():  # "hunter" over a "Hunter" opening a line; "the WHO said" further down stays
        words.append(next((form for form in (word.lower(), word.capitalize())
                           if _written_otherwise(word, article, form)), word))
    opening = " ".join(words)
    if not shouted.group(1).strip():
        opening = opening[0].upper() + opening[1:]
    return shouted.group(1) + opening + " " + text[shouted.end():]


def _written_otherwise(word: str, article: str, form: str) -> bool:
    """Whether an article writes a word it shouts once in ``form`` somewhere else: not an acronym."""
    return len(re.findall(rf"\b{re.escape(word)}\b", article)) == 1 and bool(re.search(rf"\b{re.escape(form)}\b",
                                                                                           article))


def reported_content(text: str) -> str:
    """What a sentence reports, without who said it or where; a sentence with no attribution is returned as is.

    An opening "According to X," or "At a press conference ...," clause goes; around the first verb of saying, the
    quotation before it ('"We are ready," said Blinken at ...'), the statement before a trailing attribution
    ("Talks will go on, Blinken said on Friday.") or else what follows it ("Lavrov said that the US had agreed to
    send written answers") is kept.
    """
    body = _FRAMING_OPENER.sub("", text, count=1)
    # A verb of saying inside a quotation ("... who is pure in heart and says his prayers by night") attributes nothing.
    verb = next((m for m in _SPEECH_VERB.finditer(body) if not inside_quotation(body[:m.start()])), None)
    if verb:
        before, after = body[:verb.start()].rstrip(), body[verb.end():]
        head, _, speaker = before.rpartition(",")
        quote = _QUOTE_CLOSE.search(before)
        if quote:
            body = before[:quote.start() + 1]
        elif head and len(speaker.split()) <= 4 and len(after.split()) <= 8 and not _THAT.match(after):
            body = head  # "Talks will go on, Blinken said on Friday.", not "In 2016, West tweeted that he ..."
        else:
            body = _THAT.sub("", after)
    return body.strip(" ,") or text


def group_claims(sentences: list[Sentence], vectors: np.ndarray, threshold: float, group_threshold: float,
                 support: SupportModel = SUPPORT_MODEL) -> ClaimSet:
    """Group ``sentences`` (rows of ``vectors``) into claims, pick each claim's representative, and find its support.

    Two decisions, two thresholds. Groups (average linkage at the looser ``group_threshold``) decide what is one
    claim: one point on the page per group. Citations are decided sentence by sentence: an article supports a
    claim when its sentence closest to the representative is at least ``threshold`` similar to it and
    ``briefer.core.support`` judges that it states the representative's main fact: the decision whose precision
    ``bench/support.py`` measures on labelled pairs. ``support`` is the fitted model that judges (the shipped one
    unless a benchmark or test compares others).
    """
    if not sentences:
        empty = np.zeros((0, vectors.shape[1] if vectors.ndim == 2 else 0), dtype=np.float32)
        return ClaimSet((), empty, np.zeros((0, 0), dtype=np.float32), ())
    similarity = vectors @ vectors.T
    texts = [s.text for s in sentences]
    vocabulary = ClusterVocabulary(texts)
    by_article: dict[str, list[int]] = {}
    for i, sentence in enumerate(sentences):
        by_article.setdefault(sentence.article_id, []).append(i)
    claims, centroids, shown = [], [], []
    groups = _agglomerate(similarity, group_threshold, texts)
    for members in groups:
        centroid = vectors[members].mean(axis=0)
        centroid /= np.linalg.norm(centroid) or 1.0
        closeness = vectors[members] @ centroid
        chosen = max(range(len(members)), key=lambda k: (sentences[members[k]].admissible,
                                                         representativeness(sentences[members[k]], float(closeness[k]))))
        representative = members[chosen]
        cited = [representative]
        for article_id, rows in by_article.items():
            if article_id == sentences[representative].article_id:
                continue
            best = max(rows, key=lambda j: similarity[representative, j])
            if supports(texts[representative], texts[best], float(similarity[representative, best]), threshold,
                        vocabulary, support):
                cited.append(best)
        cited.sort()  # citations in the order the articles came in
        claims.append(Claim(sentences=tuple(sentences[i] for i in cited), representative=sentences[representative],
                            grouped=tuple(sentences[i] for i in members)))
        centroids.append(centroid)
        shown.append(representative)
    article_ids = tuple(by_article)
    reach = np.column_stack([similarity[np.ix_(shown, rows)].max(axis=1) for rows in by_article.values()])
    worded = _worded_reach([texts[i] for i in shown], list(by_article.values()), vocabulary)
    return ClaimSet(tuple(claims), np.vstack(centroids).astype(np.float32), reach.astype(np.float32), article_ids,
                    worded=worded, sentences=tuple(sentences), sentence_vectors=np.asarray(vectors, np.float32))


def _worded_reach(shown: list[str], articles: list[list[int]], vocabulary: ClusterVocabulary) -> np.ndarray:
    """Per shown sentence and article (its rows of the cluster's texts, whose words ``vocabulary`` holds): the idf
    share of the shown sentence's reported words (``reported_content``) that the article's best sentence has;
    ``ClaimSet.worded``."""
    rows_of: dict[str, list[int]] = {}
    for row, bag in enumerate(vocabulary.bags):
        for word in bag:
            rows_of.setdefault(word, []).append(row)
    postings = {word: np.array(rows) for word, rows in rows_of.items()}
    sentences = len(vocabulary.bags)
    shared = np.zeros((len(shown), sentences), dtype=np.float32)
    for claim, text in enumerate(shown):
        words = list((set(similarity_words(reported_content(text))) or set(similarity_words(text))) & postings.keys())
        if not words:
            continue
        weights = np.array([vocabulary.idf(word) for word in words])
        rows = np.concatenate([postings[word] for word in words])
        repeated = np.repeat(weights / weights.sum(), [len(postings[word]) for word in words])
        shared[claim] = np.bincount(rows, weights=repeated, minlength=sentences)
    return np.column_stack([shared[:, rows].max(axis=1) for rows in articles]).astype(np.float32)


def _agglomerate(similarity: np.ndarray, threshold: float, texts: list[str]) -> list[list[int]]:
    """Average-linkage merging of all pairs at or above ``threshold``, closest pairs first.

    Two groups never merge while any sentence of one conflicts with any sentence of the other.

    Groups only grow, so a group is known by its id and size: a pair of groups found too far apart is not measured
    again until one of them grows, and a pair found in conflict stays in conflict (a merged group inherits its
    parts' conflicts). Without these memories a cluster of many alike sentences rechecks the same group pairs
    millions of times.
    """
    n = similarity.shape[0]
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    in_conflict: dict[int, set[int]] = {}
    too_far: set[tuple[int, int, int, int]] = set()
    rows, cols = np.nonzero(np.triu(similarity >= threshold, k=1))
    order = np.argsort(-similarity[rows, cols], kind="stable")
    for k in order:
        a, b = group_of[rows[k]], group_of[cols[k]]
        if a == b or b in in_conflict.get(a, ()):
            continue
        sizes = (a, b, len(members[a]), len(members[b]))
        if sizes in too_far:
            continue
        if similarity[np.ix_(members[a], members[b])].mean() < threshold:
            too_far.add(sizes)
            continue
        if any(not compatible(texts[i], texts[j]) for i in members[a] for j in members[b]):
            in_conflict.setdefault(a, set()).add(b)
            in_conflict.setdefault(b, set()).add(a)
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for i in members[b]:
            group_of[i] = a
        members[a].extend(members.pop(b))
        for other in in_conflict.pop(b, set()):
            in_conflict[other].discard(b)
            in_conflict[other].add(a)
            in_conflict.setdefault(a, set()).add(other)
    return [sorted(group) for group in members.values()]


def representativeness(sentence: Sentence, closeness: float) -> float:
    """How well a sentence can stand for its claim on the page: close to the claim, complete, self-contained."""
    text = sentence.text
    score = closeness
    if PRONOUN_OPENER.match(text):
        score -= 0.5
    elif CONNECTIVE_OPENER.match(text):
        score -= 0.15
    if not text.rstrip("\"')\u201d\u2019").endswith((".", "!", "?")):
        score -= 0.2
    if text.count('"') % 2 or text.count("\u201c") != text.count("\u201d"):
        score -= 0.2
    words = sentence.words
    if words < 8:
        score -= 0.15
    elif words > 45:
        score -= 0.1 + 0.01 * (words - 45)
    return score
