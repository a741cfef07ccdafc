"""The guard: a generated sentence enters a brief only if the sentences it rewrites back every detail of it.

Small local models write fluently and invent freely: a changed number, an extra name, a quote nobody said, a
dropped "not", a statement moved from one minister to the other. Each check below looks for one of these, using
only the candidate and its source sentences (no network, no model). The checks lean towards rejecting: a
rejection costs only fluency, because the extractive sentence is published instead, while a misquote costs trust.
``bench/guard.py`` measures precision and recall on ``tests/data/guard_cases.jsonl``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefer.text.lexicon import (
    DENIALS,
    FUNCTION_WORDS,
    GUARD_NUMBER_WORDS,
    GUARD_TOKEN,
    MONTHS,
    NEGATIONS,
    NEUTRAL_SPEECH_WORDS,
    ROLE_TITLES,
    SPEAKER_GAP_WORDS,
    SPEECH_VERBS,
    VERBAL_NEGATIONS,
    WEEKDAYS,
    stem,
)

MIN_WORDS = 6  # shorter "rewrites" of news sentences were fragments ("The ratings machine, DJT.")
# Words that qualify what follows: dropping one turns a suspicion or an estimate into a fact ("the alleged
# gunman" -> "the gunman", "at least at the level of ministers" -> "at the level of ministers").
_HEDGES = frozenset(
    "alleged allegedly reportedly probably possibly likely may might could apparently suspected potential nearly "
    "almost approximately roughly least".split()
)

# Words that end the reach of a negation: "did not plan, but hoped" negates "plan" only.
_CLAUSE_BREAKS = frozenset("but and while although though because which who whereas".split())
_RELATIVE_DAYS = frozenset("today yesterday tomorrow tonight".split())
_RELATIVE_PERIOD = re.compile(
    r"\b(next|last|this|coming|past|previous)\s+(week|weekend|month|year|spring|summer|autumn|fall|winter)\b", re.I
)
_ALIASES = [
    (re.compile(r"\b(?:[A-Z]\.){2,}"), lambda m: m.group().replace(".", "")),  # U.S. -> US, U.K. -> UK
    (re.compile(r"\bUnited States(?: of America)?\b|\bUSA\b"), lambda m: "US"),
    (re.compile(r"\bAmerican\b"), lambda m: "US"),
    (re.compile(r"\bUnited Kingdom\b|\bBritain\b|\bBritish\b"), lambda m: "UK"),
    (re.compile(r"\bKiev\b"), lambda m: "Kyiv"),
]
# Every word that negates: "n't" has become "not" in the guard's normalised text, and a denial negates.
_NEGATIONS = NEGATIONS | DENIALS
_ROLE_DISTANCE = 8  # tokens: two names further apart are not the two ends of one verb
_QUOTE = re.compile(r"\"([^\"]+)\"|“([^”]+)”|‘([^’]+)’")


@dataclass(frozen=True)
class Verdict:
    """Whether a generated sentence may be published, and if not, every reason why."""

    accepted: bool
    reasons: tuple[str, ...] = ()
    support: float = 0.0  # share of its content words found in the sources

    @property
    def note(self) -> str:
        return "; ".join(self.reasons)


@dataclass(frozen=True)
class _Token:
    text: str  # as written, after normalising
    lower: str
    stem: str
    start: int
    end: int
    capitalised: bool
    acronym: bool  # "US", "NATO": never the pronoun "us", whatever the position
    sentence_initial: bool
    clause_break_before: bool  # punctuation or a clause word separates it from the previous token


@dataclass(frozen=True)
class _Text:
    """One sentence prepared for the checks."""

    raw: str
    normal: str
    tokens: tuple[_Token, ...]

    @property
    def stems(self) -> set[str]:
        return {t.stem for t in self.tokens if _is_content(t)}


def check(candidate: str, sources: Sequence[str]) -> Verdict:
    """Check ``candidate`` (one generated sentence) against the source sentences it was made from."""
    text = _prepare(candidate)
    prepared = [_prepare(s) for s in sources if s.strip()]
    if not prepared:
        return Verdict(False, ("no source sentences to check against",))
    reasons: list[str] = []
    for one_check in _CHECKS:
        reasons.extend(one_check(text, prepared))
    return Verdict(not reasons, tuple(dict.fromkeys(reasons)), _support(text, prepared))


def _form(text: _Text, sources: list[_Text]) -> list[str]:
    """Garbage a model may emit: too short, several lines, or a phrase repeated over and over."""
    words = text.raw.split()
    if len(words) < MIN_WORDS:
        return ["too short to be a sentence"]
    if "\n" in text.raw.strip():
        return ["more than one line"]
    lowered = [t.lower for t in text.tokens]
    trigrams = list(zip(lowered, lowered[1:], lowered[2:]))
    if len(trigrams) != len(set(trigrams)):
        return ["repeats itself"]
    return []


def _numbers(text: _Text, sources: list[_Text]) -> list[str]:
    known = set().union(*(_numbers_in(s) for s in sources))
    return [f"number {n!r} is not in the sources" for n in sorted(_numbers_in(text) - known)]


def _dates(text: _Text, sources: list[_Text]) -> list[str]:
    known = set().union(*(_dates_in(s) for s in sources))
    return [f"date {d!r} is not in the sources" for d in sorted(_dates_in(text) - known)]


def _quotes(text: _Text, sources: list[_Text]) -> list[str]:
    """A quoted span must be in a source word for word (case and punctuation aside)."""
    haystacks = [f" {_flatten(s.raw)} " for s in sources]
    missing = []
    for quoted in _quoted_spans(text.raw):
        needle = f" {_flatten(quoted)} "
        if needle.strip() and not any(needle in haystack for haystack in haystacks):
            missing.append(f"quote “{quoted.strip()}” is not in the sources")
    return missing


def _names(text: _Text, sources: list[_Text]) -> list[str]:
    """Every name (a run of capitalised words) must be in the sources, in the same order as there."""
    source_spans = [span for s in sources for span in _name_spans(s)]
    source_words = {t.lower for s in sources for t in s.tokens}
    missing = []
    for span in _name_spans(text, skip_quotes=True):
        words = [t.lower for t in span]
        if len(words) == 1 and _known_word(words[0], source_words):
            continue
        if not any(_is_subsequence(words, [t.lower for t in other]) for other in source_spans):
            missing.append(f"name '{' '.join(t.text for t in span)}' is not in the sources")
    return missing


def _negations(text: _Text, sources: list[_Text]) -> list[str]:
    """A word negated in every source ("did not rule out") must stay negated, and a word the sources affirm
    must not be negated ("it is evident" -> "it is not evident")."""
    negated_heads = set().union(*(_negated_heads(s) for s in sources))
    affirmed = set().union(*(_stems_outside_negation(s) for s in sources))
    negated_anywhere = set().union(*(_stems_in_negation(s) for s in sources))
    reasons = [f"drops the negation of '{head}'"
               for head in sorted((negated_heads - affirmed) & _stems_outside_negation(text))]
    reasons += [f"negates '{head}', which the sources affirm"
                for head in sorted((_negated_heads(text, verbal_only=True) & affirmed) - negated_anywhere)]
    if _has_negation(text) and not any(_has_negation(s) for s in sources):
        reasons.append("adds a negation the sources do not have")
    return reasons


def _speakers(text: _Text, sources: list[_Text]) -> list[str]:
    """Who said it must be who said it in the closest source, or at least a speaker in some source."""
    reasons = []
    closest = max(sources, key=lambda s: len(_content_stems(text) & _content_stems(s)))
    speakers_anywhere = set().union(*(_named_speakers(s) for s in sources))
    common_words = {t.lower for s in sources for t in s.tokens if not t.capitalised}
    for speaker in sorted(_named_speakers(text)):
        if speaker.lower() in common_words:
            continue  # "Police said" opening a sentence: the sources' "police said", not a name
        closest_speakers = _named_speakers(closest)
        if closest_speakers and speaker not in closest_speakers:
            said_by = ", ".join(sorted(closest_speakers))
            reasons.append(f"attributes to {speaker} what the sources attribute to {said_by}")
        elif speaker not in speakers_anywhere:
            reasons.append(f"attributes words to {speaker}, who says nothing in the sources")
    return reasons


def _hedges(text: _Text, sources: list[_Text]) -> list[str]:
    """A word a source qualifies ("could launch", "at least at the level") must keep a qualifier in front."""
    reasons = []
    mine = text.tokens
    for source in sources:
        for index, token in enumerate(source.tokens[:-1]):
            if token.lower not in _HEDGES:
                continue
            qualified = next((t for t in source.tokens[index + 1 : index + 4] if _is_content(t)), None)
            if qualified is None:
                continue
            for position, word in enumerate(mine):
                if word.stem == qualified.stem and not _hedged(mine, position):
                    reasons.append(f"drops '{token.lower}' before '{qualified.text}'")
                    break
    return reasons


def _hedged(tokens: Sequence[_Token], position: int) -> bool:
    """Whether a hedge stands between the word at ``position`` and the content word before it."""
    for token in reversed(tokens[:position]):
        if token.lower in _HEDGES:
            return True
        if _is_content(token):
            return False
    return False


def _conditions(text: _Text, sources: list[_Text]) -> list[str]:
    """An "if" or "unless" clause changes when a statement holds; every word of it must be in the sources."""
    known = set().union(*(s.stems for s in sources))
    reasons = []
    for index, token in enumerate(text.tokens):
        if token.lower not in {"if", "unless"}:
            continue
        clause = []
        for following in text.tokens[index + 1 :]:
            if following.clause_break_before:
                break
            clause.append(following)
        if clause and any(_is_content(t) and t.stem not in known for t in clause):
            reasons.append(f"adds a condition: '{text.normal[token.start : clause[-1].end]}'")
    return reasons


def _subjects(text: _Text, sources: list[_Text]) -> list[str]:
    """A phrase copied from a source with another name in front of it: "both sides are on a clear path" became
    "the US is on a clear path". Rejected when no source has that name just before the phrase."""
    from difflib import SequenceMatcher

    mine = [t.lower for t in text.tokens]
    verdicts: dict[int, list[str | None]] = {}  # candidate name index -> what each source has there instead
    for source in sources:
        theirs = [t.lower for t in source.tokens]
        matcher = SequenceMatcher(None, mine, theirs, autojunk=False)
        for block in matcher.get_matching_blocks():
            if block.size < 4:
                continue
            name = _word_before(text, block.a)
            if name is None or not _is_name_word(text.tokens[name]):
                continue
            other = _word_before(source, block.b)
            window = theirs[max(0, block.b - 8) : block.b]
            agrees = other is None or any(_same_name(mine[name], word) for word in window)
            verdicts.setdefault(name, []).append(None if agrees or other is None else source.tokens[other].text)
    return [
        f"puts {text.tokens[name].text} where the sources have '{next(o for o in others if o)}'"
        for name, others in sorted(verdicts.items())
        if all(others)
    ]


def _word_before(text: _Text, index: int) -> int | None:
    """The nearest content word before ``index``, over at most four function words, in the same clause."""
    for position in range(index - 1, max(-1, index - 5), -1):
        token = text.tokens[position]
        if _is_content(token):
            return position
        if token.clause_break_before:
            return None
    return None


def _unsupported(text: _Text, sources: list[_Text]) -> list[str]:
    """A content word that no source has is, for a small model, usually a new fact; only reporting verbs pass.

    One new word was enough for a new fact in real model output: "upgraded to a gunshot", "well-acquainted with
    television", "Blinken urging Biden" (bench/results/abstractive.md).
    """
    neutral = {stem(word) for word in NEUTRAL_SPEECH_WORDS}
    new_words = sorted(text.stems - set().union(*(s.stems for s in sources)) - neutral)
    if new_words:
        shown = ", ".join(new_words[:5]) + (", ..." if len(new_words) > 5 else "")
        return [f"says what the sources do not (new words: {shown})"]
    return []


def _roles(text: _Text, sources: list[_Text]) -> list[str]:
    """Two nearby names around the same verb, in the opposite order to a source: "Moscow urged Washington" flipped.

    Speakers are left to ``_speakers``: "..., Blinken said" legitimately moves the speaker to the end.
    """
    reasons = []
    speakers = _named_speakers(text).union(*(_named_speakers(s) for s in sources))
    mine = [(name, position) for name, position in _name_positions(text) if name not in speakers]
    for (first, at), (second, later) in ((a, b) for i, a in enumerate(mine) for b in mine[i + 1 :]):
        if later - at > _ROLE_DISTANCE:
            continue
        between = _stems_between(text, at, later)
        for source in sources:
            theirs = dict(_name_positions(source))
            if first not in theirs or second not in theirs:
                continue
            if 0 < theirs[first] - theirs[second] <= _ROLE_DISTANCE and between & _stems_between(
                source, theirs[second], theirs[first]
            ):
                reasons.append(f"swaps the roles of {first} and {second}")
                break
    return reasons


_CHECKS: tuple[Callable[[_Text, list[_Text]], list[str]], ...] = (
    _form, _numbers, _dates, _quotes, _names, _negations, _hedges, _speakers, _roles, _subjects, _conditions,
    _unsupported
)


def _prepare(sentence: str) -> _Text:
    normal = sentence.replace("’", "'").replace("‘", "'")
    normal = re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", normal)  # scraped text glues words: "andPresident"
    for pattern, replacement in _ALIASES:
        normal = pattern.sub(replacement, normal)
    normal = re.sub(r"\b(wo|ca)n't\b", lambda m: {"wo": "will", "ca": "can"}[m.group(1)] + " not", normal)
    normal = re.sub(r"n't\b", " not", normal)
    normal = re.sub(r"\bcannot\b", "can not", normal)
    normal = re.sub(r"(?<=\w)'s?\b", "", normal)  # possessives: "Russia's", "nations'"
    tokens: list[_Token] = []
    previous_end = 0
    for match in GUARD_TOKEN.finditer(normal):
        gap = normal[previous_end : match.start()]
        word = match.group()
        initial = not tokens or _gap_opens(gap)
        tokens.append(
            _Token(
                text=word,
                lower=word.lower(),
                stem=stem(word.lower()),
                start=match.start(),
                end=match.end(),
                capitalised=word[0].isupper(),
                acronym=len(word) > 1 and word.isupper(),
                sentence_initial=initial,
                clause_break_before=bool(re.search(r"[^\s'\"“”]", gap)) or word.lower() in _CLAUSE_BREAKS,
            )
        )
        previous_end = match.end()
    return _Text(sentence, normal, tuple(tokens))


def _gap_opens(gap: str) -> bool:
    """Whether the text between two words starts a new sentence or a quotation (capitals there prove nothing)."""
    return bool(re.search(r"[.!?:]\s+$|[\"“]\s*$", gap))


def _is_content(token: _Token) -> bool:
    if token.acronym:
        return True
    return token.lower not in FUNCTION_WORDS and not token.text[0].isdigit() and token.lower not in GUARD_NUMBER_WORDS


def _content_stems(text: _Text) -> set[str]:
    return text.stems - {stem(w) for w in SPEECH_VERBS}


def _support(text: _Text, sources: list[_Text]) -> float:
    mine = text.stems
    if not mine:
        return 0.0
    known = set().union(*(s.stems for s in sources))
    return len(mine & known) / len(mine)


def _numbers_in(text: _Text) -> set[str]:
    found = set()
    for token in text.tokens:
        if token.text[0].isdigit():
            found.add(token.text.replace(",", ""))
        elif token.lower in GUARD_NUMBER_WORDS:
            found.add(GUARD_NUMBER_WORDS[token.lower])
    return found


def _dates_in(text: _Text) -> set[str]:
    found = {m.group().lower() for m in _RELATIVE_PERIOD.finditer(text.normal)}
    for token in text.tokens:
        if token.text in WEEKDAYS or token.lower in _RELATIVE_DAYS:
            found.add(token.lower)
        elif token.text in MONTHS and not (token.text == "May" and token.sentence_initial):
            found.add(token.lower)
    return found


def _quoted_spans(raw: str) -> list[str]:
    return [next(g for g in match.groups() if g is not None) for match in _QUOTE.finditer(raw)]


def _flatten(text: str) -> str:
    """Lower case, apostrophes unified, punctuation dropped: quotes are compared on their words."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    return " ".join(re.findall(r"[\w']+", text))


def _is_name_word(token: _Token) -> bool:
    if not token.capitalised or token.text in MONTHS or token.text in WEEKDAYS:
        return False
    if token.sentence_initial and not token.acronym and token.lower in FUNCTION_WORDS | _NEGATIONS:
        return False
    return not token.text[0].isdigit()


def _name_spans(text: _Text, *, skip_quotes: bool = False) -> list[list[_Token]]:
    """Runs of adjacent capitalised words ("Russian Foreign Minister Sergey Lavrov").

    A hyphen splits them: "Biden-Putin summit" names Biden and Putin, each of which must be known.
    """
    quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(text.normal)] if skip_quotes else []
    spans: list[list[_Token]] = []
    for index, token in enumerate(text.tokens):
        if not _is_name_word(token) or any(a <= token.start < b for a, b in quoted):
            continue
        if spans and index and spans[-1][-1] is text.tokens[index - 1] and not token.clause_break_before:
            spans[-1].append(token)
        else:
            spans.append([token])
    return [_drop_initial_common_word(span) for span in spans]


def _drop_initial_common_word(span: list[_Token]) -> list[_Token]:
    """ "Tensions between ..." starts with a capital only because it starts the sentence."""
    if span[0].sentence_initial and len(span) > 1 and not span[0].acronym and span[0].lower in FUNCTION_WORDS:
        return span[1:]
    return span


def _known_word(word: str, source_words: set[str]) -> bool:
    """A single capitalised word is known if a source has it, or a word sharing its first six letters
    ("Ukrainian" for "Ukraine": demonyms) or five for short names ("Sergei" for "Sergey": spellings)."""
    if word in source_words:
        return True
    prefix = min(len(word) - 1, 6)
    return prefix >= 5 and any(w.startswith(word[:prefix]) or word.startswith(w[:prefix]) for w in source_words
                               if len(w) >= prefix)


def _is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    remaining = iter(haystack)
    return all(any(_same_name(word, other) for other in remaining) for word in needle)


def _same_name(a: str, b: str) -> bool:
    return a == b or (len(a) >= 6 and len(b) >= 6 and a[:6] == b[:6])


def _negation_scopes(text: _Text, *, verbal_only: bool = False) -> list[list[_Token]]:
    """For each negation word, the content words after it up to the end of its clause.

    ``verbal_only`` keeps the negations of a verb or adjective ("not", "never", "denies"), whose first content
    word is what is negated; after "no" or "neither" it is a noun ("neither side"), which proves little.
    """
    scopes = []
    tokens = text.tokens
    for index, token in enumerate(tokens):
        if token.lower not in (VERBAL_NEGATIONS if verbal_only else _NEGATIONS):
            continue
        scope = []
        for following in tokens[index + 1 :]:
            if following.clause_break_before or following.lower in _NEGATIONS:
                break
            if _is_content(following):
                scope.append(following)
        scopes.append(scope)
    return scopes


def _negated_heads(text: _Text, *, verbal_only: bool = False) -> set[str]:
    """The first content word each negation governs: "rule" in "did not rule out"."""
    return {scope[0].stem for scope in _negation_scopes(text, verbal_only=verbal_only) if scope}


def _stems_in_negation(text: _Text) -> set[str]:
    return {t.stem for scope in _negation_scopes(text) for t in scope}


def _stems_outside_negation(text: _Text) -> set[str]:
    negated = {id(t) for scope in _negation_scopes(text) for t in scope}
    return {t.stem for t in text.tokens if _is_content(t) and id(t) not in negated}


def _has_negation(text: _Text) -> bool:
    return any(t.lower in _NEGATIONS for t in text.tokens)


def _named_speakers(text: _Text) -> set[str]:
    """Names that say something: "Lavrov said", "said Blinken", "according to Sputnik"."""
    speakers = set()
    tokens = text.tokens
    spans = _name_spans(text)
    span_ending_at = {id(span[-1]): span for span in spans}
    span_starting_at = {id(span[0]): span for span in spans}
    for index, token in enumerate(tokens):
        if token.lower not in SPEECH_VERBS:
            continue
        before = index - 1
        while before >= 0 and tokens[before].lower in SPEAKER_GAP_WORDS:
            before -= 1
        if before >= 0 and id(tokens[before]) in span_ending_at and not token.clause_break_before:
            speakers.add(_speaker_key(span_ending_at[id(tokens[before])]))
        after = index + 1
        if token.lower in {"said", "says", "added", "asked"} and token.clause_break_before and after < len(tokens):
            if id(tokens[after]) in span_starting_at:
                speakers.add(_speaker_key(span_starting_at[id(tokens[after])]))
    for index, token in enumerate(tokens[:-2]):
        if token.lower == "according" and tokens[index + 1].lower == "to":
            span = span_starting_at.get(id(tokens[index + 2]))
            if span:
                speakers.add(_speaker_key(span))
    speakers.discard("")
    return speakers


def _speaker_key(span: list[_Token]) -> str:
    """The surname of a speaker span; empty when the span is only a role ("Russian Foreign Minister")."""
    names = [t.text for t in span if t.lower not in ROLE_TITLES]
    return names[-1] if names and span[-1].lower not in ROLE_TITLES else ""


def _name_positions(text: _Text) -> list[tuple[str, int]]:
    """Each name (its last word) with the index of its first token, first mention only."""
    positions: dict[str, int] = {}
    for span in _name_spans(text, skip_quotes=True):
        key = _speaker_key(span)
        if key:
            positions.setdefault(key, text.tokens.index(span[0]))
    return sorted(positions.items(), key=lambda item: item[1])


def _stems_between(text: _Text, start: int, end: int) -> set[str]:
    return {t.stem for t in text.tokens[start + 1 : end] if _is_content(t) and not _is_name_word(t)}
