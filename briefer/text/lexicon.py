"""The rules by which every stage reads English, each in one place: words, stop words, numbers, negation, verbs
of saying and who speaks.

Stages that compare sentences must agree on these. Grouping and citing (``briefer.core.support``), ranking
(``briefer.core.claims``, ``briefer.core.rank``), admission, the fact matcher (``briefer.evaluate.matchers``) and the
guard of generated text (``briefer.rewrite.guard``) must all read "four" as 4, "reiterated" as a verb of saying
and "did not" as a negation, or a point one stage keeps apart another merges. Some rules come in variants because
stages read for different ends (a similarity of words wants few stop words; the guard, which asks whether every
content word of a rewrite is in its sources, wants many); each variant is derived here from its base and says
why it differs. A variant whose difference changed nothing measurable was merged into its base: the negations
of grouping and of the guard, the words between a speaker and the verb, the attribution of ranking and of
admission, "ours"/"theirs" among the guard's function words (issue 17: the sample brief with each embedder,
``bench/quality.py`` per cluster, the guard's verdicts on ``tests/data/guard_cases.jsonl`` and the matcher's stem
overlaps on ``tests/data/match_pairs.jsonl``, compared before and after). The variants kept each changed one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator


def alternation(words: Iterable[str]) -> str:
    """A regular-expression group matching any of ``words`` (longest first, so "said" is not read as "sa...")."""
    return "(?:" + "|".join(sorted(words, key=lambda w: (-len(w), w))) + ")"


# --- words -----------------------------------------------------------------------------------------------------

# A number as written in news text: "9,900", "6.6", "2022".
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Lower-cased words and numbers, inner apostrophes kept ("don't"): what a similarity of words compares. (The
# clustering of a day cuts the same words with array operations: ``briefer.text.hashed``.)
SIMILARITY_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
# Lower-cased letters and digits only: a run of shared words (a copied phrase) does not care about apostrophes.
PLAIN_WORD = re.compile(r"[a-z0-9]+")
# A word starting with a letter, apostrophes and hyphens inside ("Russia's", "Ukraine-Russia"): admission reads
# the shape of a sentence (its capitals, its lower-case words) through these. A curly apostrophe is not needed:
# cleaning has made every one straight (admission once listed it too; no labelled sentence read differently).
WORD = re.compile(r"[^\W\d_][\w'-]*")
# The fact matcher's tokens, for finding a number another number has replaced ("four protesters" / "forty
# protesters"): a word, or a number that may carry a colon ("9:25").
MATCH_TOKEN = re.compile(WORD.pattern + r"|\d+(?:[.,:]\d+)*")
# The guard's tokens: a number, or a run of letters (its text is normalised first, apostrophes split off).
GUARD_TOKEN = re.compile(NUMBER.pattern + r"|[^\W\d_]+")
# A whole lower-case word, not the tail of "Russia's" or a piece of "co-operate": is anything in a line a sentence?
LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z]+(?![\w-])")
# A social-media author's handle in brackets, as a post embedded in a page is signed: "Elon Musk (@elonmusk)".
POST_HANDLE = r"\(@\w{1,30}\)"
# A piece of a sentence, not a sentence: its first word starts in lower case, after any punctuation ("central to the
# rights of Ukraine ...", "(up; under Title VII) authorizing ...", "...to Mar-a-Lago 3 nights in a row"), unless it is
# a name written so ("iPhone", "eBay").
LOWER_CASE_START = re.compile(r"^[^\w]*[a-z][a-z'\u2019-]*\b")


# --- the language itself ---------------------------------------------------------------------------------------

# The commonest words of English, and those of the languages most often written in the same alphabet (French,
# Spanish, German, Italian, Portuguese, Dutch) that are not English words. Over the 1,899 articles of the
# development sets and the saved test pages of docs/daily_pages.md, English text holds at least 13% of the first
# (a page of sports results or listings 2-7%, with none of the second); French, Spanish, German, Italian,
# Portuguese, Czech, Latvian, Indonesian pages and lorem ipsum hold more of the second than of the first.
_ENGLISH_WORDS = frozenset(
    """the of and to a in is that for it on was with as he be by at are his this have from said has an they not but
    were had will who their been she which her more would or we its after one about there also""".split()
)
_OTHER_LANGUAGES_WORDS = frozenset(
    """de la le les des du et est une que qui pour dans sur pas au aux ce cette il elle sont el los las del y en por
    para una es lo se su como pero der das und ist nicht mit sich auf dem ein eine zu von im auch wird sind di che
    della non sono gli nel alla da dos em uma com os ao na het een van op niet zijn voor met ook""".split()
)
# Fewer words than this say nothing about a text's language.
_LANGUAGE_WORDS = 20


def reads_as_english(text: str) -> bool:
    """Whether ``text`` is English, the language every rule here reads: most of its letters are ASCII and its
    commonest English words outnumber those of other languages written in the same alphabet. A short text is taken
    to be."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isascii() for c in letters) < len(letters) / 2:
        return False
    words = PLAIN_WORD.findall(text.lower())
    if len(words) < _LANGUAGE_WORDS:
        return True
    return sum(w in _OTHER_LANGUAGES_WORDS for w in words) <= sum(w in _ENGLISH_WORDS for w in words)


# --- stop words ------------------------------------------------------------------------------------------------

# Articles, prepositions and conjunctions: a line whose only lower-case words are these is a heading, a caption or
# a scraped fragment, not a sentence ("Russian Foreign Affairs in Geneva.").
CONNECTING_WORDS = frozenset("a an the of in on at to for from with by and or as via".split())
# The small words a title in title case leaves in lower case ("Talks in Geneva End Without a Deal"): reading a
# file's first line as its title.
TITLE_CASE_SMALL_WORDS = CONNECTING_WORDS | frozenset("but nor off up vs into".split())


def title_cased(text: str) -> bool:
    """Whether every word of ``text`` but the small ones (``TITLE_CASE_SMALL_WORDS``) is capitalised: a title in
    title case ("Russia and US Agree to Talk."), or a site's or section's name ("Breaking News", "Times Union",
    "A-League"), not a headline's second part ("shoots for the moon, lands among the stars")."""
    return all(not word[0].islower() for word in text.split() if word.lower() not in TITLE_CASE_SMALL_WORDS)

# Where a title meets its site's or section's names: "Chelsea hoping to sign Anelka before weekend - Soccer - Sport -
# Breaking News", "World -- Judges in ...", "oHERALDo :: CM hints ...", "The Bellingham Herald / Wire Elections /
# Obama picking up ...", "TV3 > News > ...", and a dash or bar left on a word ("... Tenzing Airport- Travel-
# Services-News By Industry-News-The Economic Times", "... a Brand new hijacker| Showbiz"). The strong ones (not a
# single dash or bar) also part a site's name before the title from it. Not a colon, which headlines use ("Purported
# bin Laden message to Europe: Leave Afghanistan").
TITLE_SEPARATOR = re.compile(r"\s+(?P<strong>--|::|/|>|\u00bb)\s+|\s+[|\u2013\u2014-]\s+|(?<=[a-z])[-|]\s+(?=[A-Z])")


def title_parts(title: str) -> list[str]:
    """A title's story part and its site's and sections' names (``TITLE_SEPARATOR``), without what ``split`` returns
    of the separator's strong group between them."""
    return TITLE_SEPARATOR.split(title)[::2]

# Words a finished headline does not end on: a generated headline ending on one was cut off.
DANGLING_WORDS = (CONNECTING_WORDS - {"via"}) | frozenset({"but", "that"})
# The words a similarity of words leaves out: the connecting words, pronouns and auxiliaries. Short, because the
# fitted support model and the lexical embedder were fitted on the content words it leaves.
SIMILARITY_STOPWORDS = (CONNECTING_WORDS - {"via"}) | frozenset(
    "are be been but had has have he her his i is it its our she that their them there they this was we were "
    "which who will would you".split()
)
# The fact matcher's stop words: more of the grammar, and "said"/"says", which a note need not repeat to state its
# fact (thresholds chosen on tests/data/match_pairs.jsonl with this list).
MATCH_STOPWORDS = SIMILARITY_STOPWORDS | frozenset(
    "about after again against all also am any because before being between both can could did do does during "
    "each few further having here hers him how if into itself just me more most my no nor not now off once only "
    "other ours out over own said same says should so some such than theirs then these those through too under "
    "until up us very what when where while whom why your".split()
)
# Function words for the guard: every word of a rewrite outside this list must be in its sources. Wider still
# ("according", "despite", "however"), and without "said"/"says", which the guard handles as verbs of saying.
FUNCTION_WORDS = (MATCH_STOPWORDS - {"said", "says"}) | frozenset(
    "above according across additionally ago along although amid among another around below despite doing done "
    "down either else even ever every furthermore however least less like many may meanwhile might moreover much "
    "must near neither one onto others per rather shall since still themselves though thus toward towards upon "
    "via whether whose within without yet".split()
)


# The plural fold of a similarity of words: the final "s" of a word of four or more characters, not of "ss", goes
# ("talks" meets "talk", "Obama's" meets "Obama"). A substitution over the whole text, not a loop over its words,
# so that the clustering of a day (``briefer.daily.stories``) can hash the folded text without a Python loop.
_PLURAL_S = re.compile(r"s(?![a-z0-9])(?<=[a-z0-9'][a-z0-9'][a-rt-z0-9']s)")


def similarity_text(text: str) -> str:
    """``text`` as a similarity of words reads it: lower case, straight apostrophes, plurals folded."""
    return _PLURAL_S.sub("", text.lower().replace("\u2019", "'"))


# SIMILARITY_STOPWORDS as they come out of ``similarity_text`` ("this" -> "thi"): what is left out after the fold.
FOLDED_STOPWORDS = frozenset(SIMILARITY_WORD.findall(similarity_text(" ".join(SIMILARITY_STOPWORDS))))


def similarity_words(text: str) -> list[str]:
    """Lower-cased content words, with a crude plural fold so "talks" meets "talk"."""
    return [w for w in SIMILARITY_WORD.findall(similarity_text(text)) if w not in FOLDED_STOPWORDS]


# Past forms of common irregular verbs and their base ("met" -> "meet"): ``stem`` folds them.
IRREGULAR_PAST = {
    past: base
    for base, forms in {
        "meet": "met", "hold": "held", "give": "gave given", "take": "took taken", "tell": "told", "say": "said",
        "make": "made", "go": "went gone", "come": "came", "see": "saw seen", "find": "found", "leave": "left",
        "think": "thought", "send": "sent", "speak": "spoke spoken", "begin": "began begun", "bring": "brought",
        "keep": "kept", "lead": "led", "win": "won", "lose": "lost", "strike": "struck", "pay": "paid",
        "seek": "sought", "buy": "bought", "sell": "sold", "write": "wrote written", "rise": "rose risen",
        "fall": "fell fallen", "choose": "chose chosen", "drive": "drove driven", "fly": "flew flown",
        "grow": "grew grown", "know": "knew known", "shoot": "shot", "fight": "fought", "build": "built",
        "spend": "spent", "stand": "stood", "understand": "understood", "hear": "heard", "feel": "felt",
    }.items()
    for past in forms.split()
}


def stem(word: str) -> str:
    """A crude suffix stripper: enough to match "ruled"/"rule", "planning"/"plan", "denies"/"deny", and the
    common irregular verbs ("met"/"meeting")."""
    word = IRREGULAR_PAST.get(word, word)
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiousl":
        word = word[:-1]  # planned -> plann -> plan
    return word.rstrip("e") if len(word) > 3 else word


# --- numbers ---------------------------------------------------------------------------------------------------

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()

# Counting words and their values ("forty" -> "40"), each in the form digits are written in.
CARDINALS: dict[str, str] = {word: str(value) for value, word in enumerate(_UNITS)} | {
    word: str(10 * tens) for tens, word in enumerate(_TENS, start=2)
}
# Words that scale a count ("hundreds of", "two million"), singular and plural.
SCALES: dict[str, str] = {
    "hundred": "100", "hundreds": "100", "thousand": "1000", "thousands": "1000", "million": "1000000",
    "millions": "1000000", "billion": "1000000000", "billions": "1000000000", "trillion": "1000000000000",
    "trillions": "1000000000000", "dozen": "12", "dozens": "12",
}
NUMBER_VALUES: dict[str, str] = CARDINALS | SCALES
# The guard's number words: a rewrite must not change a fraction, a multiple or a rank either ("half", "twice",
# "fifth"); "one" is left out, being far more often a pronoun ("did not expect one") than a number.
GUARD_NUMBER_WORDS: dict[str, str] = {word: value for word, value in NUMBER_VALUES.items() if word != "one"} | {
    "half": "0.5", "tens": "10", "twice": "2", "double": "2", "triple": "3", "first": "1st", "second": "2nd",
    "third": "3rd", "fourth": "4th", "fifth": "5th", "sixth": "6th", "seventh": "7th", "eighth": "8th",
    "ninth": "9th", "tenth": "10th",
}


def numbers_in(text: str) -> set[str]:
    """The numbers a sentence states, in digits ("four" and "4" are both "4"; "9,900" is "9900")."""
    digits = {n.replace(",", "") for n in NUMBER.findall(text)}
    words = {NUMBER_VALUES[w] for w in re.findall(r"[a-z]+", text.lower()) if w in NUMBER_VALUES}
    return digits | words


# A capitalised word after a word in lower case or a comma, so inside a sentence, not opening one: a name ("... in
# Berlin", "... told BART police"); a title's capitals are not read.
NAME_INSIDE_A_SENTENCE = re.compile(r"(?<=[a-z,;] )(?:[A-Z][\w'\u2019.-]*\w|[A-Z]{2,})")
# A score as a game report gives it: "claim a 2-1 win", "the Knicks, 101-92, at ...", "6-0 6-3 6-0"; not a date
# ("2007-12-29"), a share ("10-15%"), a decimal, a thousand ("3-1,000") or an age ("5-year-old").
_SCORELINE = re.compile(r"(?<![\w.,/-])(\d{1,3})\s?[-\u2013]\s?(\d{1,3})(?![\w/%-]|[.,]\d)")
# What stands between the sets of one match's score: "6-0 6-3 6-0", "6-3, 6-4".
_BETWEEN_SETS = re.compile(r"[,;]?\s+")


def scorelines_in(text: str) -> set[str]:
    """The scores a text gives, each the same whichever side it puts first ("won 2-1", "lost 1-2": "1-2"); the sets
    of one match are one score ("beat Darcis 6-0 6-3 6-0": "0-6 3-6 0-6"), so that two matches that share a set's
    score are still two."""
    scores: list[list[str]] = []
    end = -1
    for found in _SCORELINE.finditer(text):
        score = "-".join(sorted(found.groups(), key=int))
        if scores and _BETWEEN_SETS.fullmatch(text, end, found.start()):
            scores[-1].append(score)
        else:
            scores.append([score])
        end = found.end()
    return {" ".join(sets) for sets in scores}


# A person's age given beside their name: "Willie Fuentes Strickland, 42, of Fairmont, was charged ...",
# "Jordan Scott, 19, ...". Two sentences that give their people's ages, and no age in common, are about other people
# even when the rest of their words are the same: a police list of charges repeats one template per suspect.
_AGE_BESIDE_NAME = re.compile(r"\b[A-Z][\w'\u2019.-]*,\s+(\d{1,3}),")


def ages_in(text: str) -> set[str]:
    """The ages a sentence gives beside a name."""
    return set(_AGE_BESIDE_NAME.findall(text))


# --- verbs -----------------------------------------------------------------------------------------------------

# A finite verb, roughly, without a tagger: a past form in -ed ("lied", "died" too), a form of be, have or a modal
# (or its contraction with "not"), or a common irregular past. What a headline needs to be a clause, and what tells
# where a sentence's subject ends.
FINITE_VERB = re.compile(
    r"\b(?:[a-z]{2,}ed|is|are|was|were|has|have|had|will|would|can|could|may|might|"
    r"must|should|said|says|made|found|became|won|lost|took|gave|began|left|led|met|held|told|"
    r"went|came|saw|got|set|put|hit|shot|struck|fled|sent|paid|sold|built|brought|caught|"
    r"kept|ran|fell|rose|broke|chose|spoke|wrote|drove|flew|grew|knew|threw|wore|laid|lay|sat|"
    r"stood|fought|bought|sought|thought|heard|felt|spent|meant|drew|did|does|ate|beat|blew|dug|fed|froze|hid|"
    r"hung|rode|rang|sang|sank|shook|slept|stole|stuck|swam|swore|swept|taught|tore|woke|withdrew|forgot|forgave|"
    r"understood|overtook|mistook|swung|spun|slid|dealt|lit|bit|"
    r"(?:is|are|was|were|has|have|had|does|did|do|wo|ca|would|could|should)n['\u2019]t)\b")  # "isn't", "won't"


def _pairs(text: str) -> dict[str, str]:
    return dict(pair.split(":") for pair in text.split())


# Past forms and their base, for telling a past event in a headline's present ("fell" -> "falls"). A past form
# that is no participle is a verb wherever it follows its subject ("said" too: its participle only in "the said
# ..."); one that is its participle too ("told", "shot") may open a description ("a man shot by police"), and is a
# verb only before its object.
PAST_ONLY = _pairs(
    "said:say fell:fall took:take gave:give went:go ran:run began:begin broke:break chose:choose drove:drive ate:eat "
    "flew:fly "
    "forgot:forget froze:freeze grew:grow hid:hide knew:know rose:rise saw:see sang:sing sank:sink spoke:speak "
    "stole:steal swore:swear threw:throw woke:wake wore:wear wrote:write became:become drew:draw shook:shake "
    "withdrew:withdraw came:come did:do tore:tear rode:ride rang:ring swam:swim blew:blow forgave:forgive "
    "overtook:overtake mistook:mistake undertook:undertake"
)
PAST_OR_PARTICIPLE = _pairs(
    "told:tell made:make found:find left:leave lost:lose held:hold met:meet led:lead sent:send paid:pay "
    "sold:sell built:build brought:bring caught:catch struck:strike kept:keep fled:flee bought:buy thought:think "
    "taught:teach fought:fight sought:seek felt:feel heard:hear meant:mean spent:spend stood:stand laid:lay had:have "
    "won:win got:get shot:shoot hit:hit hurt:hurt put:put set:set cut:cut quit:quit beat:beat dealt:deal fed:feed "
    "hung:hang lit:light slid:slide stuck:stick swept:sweep spun:spin swung:swing dug:dig understood:understand "
    "upheld:uphold sat:sit slept:sleep lent:lend bent:bend shut:shut spread:spread cast:cast"
)
# Participles that are no past form, and their base: "has written" -> "writes".
PARTICIPLE_ONLY = _pairs(
    "written:write taken:take given:give gone:go seen:see known:know done:do become:become come:come begun:begin "
    "broken:break chosen:choose driven:drive eaten:eat fallen:fall flown:fly forgotten:forget frozen:freeze "
    "grown:grow hidden:hide risen:rise spoken:speak stolen:steal sworn:swear thrown:throw woken:wake worn:wear "
    "drawn:draw shaken:shake withdrawn:withdraw torn:tear ridden:ride blown:blow forgiven:forgive "
    "overtaken:overtake mistaken:mistake undertaken:undertake sung:sing sunk:sink swum:swim rung:ring"
)
# How common a word in -ed less its ending must be (Zipf scale) to be read as the verb it comes from: "declared"
# -> "declare" (4.1), "killed" -> "kill"; not "need" -> "nee" (3.2), "speed" -> "spee".
_MIN_ZIPF_OF_A_BASE = 3.5


# Verbs in -ed that take no object, so that no description opens on them as on "accused" ("a man accused of ..."):
# after their subject they are its verb ("The senator resigned on Friday", "Two people died in the blast").
INTRANSITIVE_PAST = frozenset(
    "died arrived resigned collapsed happened occurred erupted exploded disappeared emerged surged plunged soared "
    "tumbled slumped crashed vanished appeared remained drowned landed departed testified agreed pleaded voted "
    "rallied struggled participated waited".split()
)


def base_of_past(word: str) -> tuple[str, bool] | None:
    """The base of a past form and whether it may be a participle that opens a description ("fell" -> ("fall",
    False), "declared" -> ("declare", True), "carried" -> ("carry", True), "stopped" -> ("stop", True), "died" ->
    ("die", False)); None for any other word, and for every word in -ed without wordfreq."""
    if word in PAST_ONLY:
        return PAST_ONLY[word], False
    if word in PAST_OR_PARTICIPLE:
        return PAST_OR_PARTICIPLE[word], True
    zipf = word_zipf()
    if len(word) < 5 and word not in INTRANSITIVE_PAST or not word.endswith("ed") or zipf is None:
        return None
    bases = [word[:-3] + "y"] if word.endswith("ied") else []
    bases += [word[:-1], word[:-2]] + ([word[:-3]] if word[-3] == word[-4] else [])
    describes = word not in INTRANSITIVE_PAST
    return next(((base, describes) for base in bases if len(base) >= 3 and zipf(base) >= _MIN_ZIPF_OF_A_BASE), None)


def base_of_participle(word: str) -> str | None:
    """The base of a past participle ("written" -> "write", "declared" -> "declare", "died" -> "die", "told" ->
    "tell"), or None."""
    past = base_of_past(word)
    return PARTICIPLE_ONLY.get(word) or (past[0] if past and word not in PAST_ONLY else None)


def third_person(base: str) -> str:
    """A verb's present for one subject: "kill" -> "kills", "carry" -> "carries", "go" -> "goes", "have" -> "has"."""
    if base == "have":
        return "has"
    if re.search(r"(?:s|sh|ch|x|z|o)$", base):
        return base + "es"
    if re.search(r"[^aeiou]y$", base):
        return base[:-1] + "ies"
    return base + "s"


@functools.cache
def word_zipf() -> Callable[[str], float] | None:
    """English word frequency on the Zipf scale (0 for an unknown word), cached; None without wordfreq.

    Loaded on first use: importing wordfreq and reading its word list take about 0.3 s.
    """
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return None
    return functools.lru_cache(maxsize=1 << 17)(functools.partial(zipf_frequency, lang="en"))


# --- days and months ------------------------------------------------------------------------------------------

WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April May June July August September October November December".split()
# Months as news abbreviates them before a full stop ("Jan. 21", "Sept. 11").
MONTH_ABBREVIATIONS = "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
# A weekday, in a pattern: "Monday|Tuesday|...", in calendar order.
WEEKDAY = "|".join(WEEKDAYS)
# A month's name, in a pattern, written out or abbreviated: "November", "Nov.", "Sept".
MONTH = rf"(?:{alternation(MONTHS)}|{alternation(MONTH_ABBREVIATIONS)}\.?)"
# A year in a pattern, from the 1800s on: "1865", "2008" (not "3000" or a four-digit count such as "1500 people" in
# the patterns that read it beside a month or "in").
YEAR = r"(?:1[89]|20)\d\d"
# A day of a month as news writes it: "Nov. 18", "November 18th", "18 November", "the 7th of July".
_MONTH_NUMBER = {name.lower(): k for k, name in enumerate(MONTHS, start=1)} | {
    short.lower(): k for short in MONTH_ABBREVIATIONS for k, name in enumerate(MONTHS, start=1)
    if name.startswith(short[:3])}
_DAY_OF_MONTH = re.compile(
    rf"\b(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"|\b(?P<day_first>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month_after>{alternation(MONTHS)})\b")


def dates_and_numbers(text: str) -> tuple[set[str], set[str]]:
    """The days of months a sentence names ("11-18" for "Nov. 18"), and the numbers it states besides them: the 18
    of "Nov. 18" is a date, and conflicts with another date, not with "five companies"."""
    dates = set()
    for match in _DAY_OF_MONTH.finditer(text):
        month = (match.group("month") or match.group("month_after")).rstrip(".").lower()
        dates.add(f"{_MONTH_NUMBER[month]}-{int(match.group('day') or match.group('day_first'))}")
    return dates, numbers_in(_DAY_OF_MONTH.sub(" ", text))


# A number that a word labels: "stage 13", "Flight 447", "Route 168", "Chapter 11". Two sentences that give the same
# label different numbers are about different things even when they share another number ("won stage 13 of the 2007
# Tour de France" / "won stage 15 of the 2007 Tour de France"). Not a month's ("July 2005"), nor after a word that
# labels nothing ("than 30", "within 9").
_LABELLED_NUMBER = re.compile(rf"\b([A-Za-z][a-z]+)\s+(?:No\.\s*|#)?({NUMBER.pattern})\b(?![.,]?\d)")
_NO_LABEL = (SIMILARITY_STOPWORDS | {m.lower() for m in (*MONTHS, *MONTH_ABBREVIATIONS)} | set(NUMBER_VALUES)
             | frozenset("than between within".split()))


def labelled_numbers(text: str) -> dict[str, set[str]]:
    """The numbers a sentence gives after a word that labels them: {"stage": {"13"}} for "won stage 13"."""
    found: dict[str, set[str]] = {}
    for match in _LABELLED_NUMBER.finditer(text):
        label = match.group(1).lower()
        if label not in _NO_LABEL:
            found.setdefault(label, set()).add(match.group(2).replace(",", ""))
    return found


# --- negation --------------------------------------------------------------------------------------------------

# Words that negate what follows them. "n't" is a negation too: ``NEGATED`` finds it in raw text, and the guard
# spells it out ("did not") before reading words.
NEGATIONS = frozenset("not no never nor none nobody nothing nowhere neither without".split())
# Verbs that negate a claim by denying it ("denied meeting him").
DENIALS = frozenset("deny denies denied denying".split())
# A contraction typed without its apostrophe ("We dont expect to resolve our differences") negates as well.
NEGATED = re.compile(rf"\b{alternation(NEGATIONS)}\b|n't\b|\b(?:do|does|did|is|are|was|were|has|have|had|could|would|"
                     r"should)nt\b", re.IGNORECASE)
# The negations whose first content word is what is negated ("did not rule out", "denies planning"); after "no"
# or "neither" it is a noun ("neither side"), which proves little.
VERBAL_NEGATIONS = frozenset({"not", "never"}) | DENIALS


def is_negated(text: str) -> bool:
    return bool(NEGATED.search(text))


# --- verbs of saying and who speaks ----------------------------------------------------------------------------

# The finite forms that report speech ("Lavrov said", "Blinken tells"). Left out: bare forms ("declined to say",
# "to add to"), "asked" ("When asked about a summit, ..."), and forms that are more often nouns or other verbs
# ("the United States", "notes", "claims", "recalls", "posted a loss").
REPORTING_VERBS = frozenset(
    """said says told tells added adds warned warns stated noted reiterated reiterates repeated announced announces
    insisted insists explained explains argued argues claimed declared declares denied denies wrote writes recalled
    admitted admits tweeted confirmed confirms stressed acknowledged acknowledges replied""".split()
)
# A sentence that says who says something: a verb of saying, "according to", or "asked" (left out of the verbs
# of saying because "When asked about a summit, ..." names nobody, but it does tell admission and ranking that
# the sentence reports what someone was asked and said).
ATTRIBUTION_VERBS = REPORTING_VERBS | {"asked"}
ATTRIBUTION = re.compile(rf"\b(?:{alternation(ATTRIBUTION_VERBS)}|according to)\b", re.IGNORECASE)
# The verbs of saying, and the other forms of them and other speech acts a rewrite may use ("called the talks
# frank", "urged", "vowed"): the guard checks a speaker before one of them against the sources.
SPEECH_VERBS = REPORTING_VERBS | frozenset(
    """say tell add warn reiterate announce insist explain argue deny declare admit confirm acknowledge write ask
    asks asked state states note notes conclude concluded concludes vow vowed vows call called calls describe
    described describes urge urged urges stress stresses claim claims reply replies promise promised promises""".split()
)
# Verbs of reporting that change no fact, so a rewrite may bring one in that its sources lack ("said" for
# "told"); every other new content word fails the guard.
NEUTRAL_SPEECH_WORDS = frozenset(
    "say said says tell told tells add added adds state stated states note noted notes repeat repeated repeats "
    "reiterate reiterated reiterates describe described describes explain explained explains".split()
)
# Words that may stand between a speaker and the verb: "Lavrov also said", "Blinken has told".
SPEAKER_GAP_WORDS = frozenset("also later then again has had have previously".split())
# What news calls someone or some company it has named before, in place of the name: "the actress", "the oil giant",
# "The 23-year-old comedian", '"...," the spokesman said' (``briefer.core.rank``: such a subject leans on the sentence
# that named them).
EPITHETS = frozenset(
    """actor actress comedian comedienne singer rapper star billionaire millionaire mogul tycoon businessman
    businesswoman congressman congresswoman lawmaker politician contender entertainer musician filmmaker novelist
    athlete quarterback golfer boxer socialite heiress pontiff giant retailer""".split()
)
# Offices among them: "the spokesman" is whoever spoke for someone named before, but "The Foreign Office spokesman" and
# "The UN's top human rights official" say whose.
OFFICE_EPITHETS = frozenset("spokesman spokeswoman spokesperson lawyer attorney prosecutor official".split())
# Capitalised words that name a role, not a person: "the Foreign Minister said" has no checkable speaker.
ROLE_TITLES = frozenset(
    """president minister secretary state foreign deputy general chancellor prime spokesman spokeswoman
    spokesperson official officials ambassador senator governor chief director head leader king queen prince
    representative envoy analyst""".split()
)
# Words before a name that say how someone is addressed or what office they hold, not who they are: "Ms. Hamlin"
# and "Sen. Warner" name someone by surname alone, "Sen. Mark Warner" in full (``people_named``).
COURTESY_TITLES = frozenset(
    """Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Rev Reverend Sen Rep Gov Gen Col Lt Sgt Capt Adm Maj
    Cmdr Judge Justice Mayor Pope Bishop Cardinal Rabbi Imam Sheikh Coach Officer Detective Sheriff Agent""".split()
)


def _addresses(word: str) -> bool:
    """Whether a capitalised word before a name is a courtesy title or an office ("Ms.", "President")."""
    word = word.rstrip(".")
    return word in COURTESY_TITLES or word.lower() in ROLE_TITLES


# Capitalised words before a verb of saying that are no speaker's name ("He said", "The ... said"); nor is a weekday
# ("Ahmadinejad on Wednesday announced"; months can be names: "May said").
NOT_SPEAKERS = frozenset("He She They It We I You The This That A An And But Also".split())

_SPEECH = alternation(REPORTING_VERBS)
_NAME = r"[A-Z][\w'\u2019-]+"

NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III"})
_SUFFIX = rf"(?:,?\s+{alternation(NAME_SUFFIXES)}\.?)?"
# A name captured as a speaker is never a suffix: "Martin Luther King III said" is King.
_SURNAME = rf"(?!{alternation(NAME_SUFFIXES)}\b)({_NAME})"
# An adverb set off by commas between a speaker and the verb: "Nuland, however, said ...".
_ASIDE_ADVERB = r",\s+(?:however|meanwhile|though|too|also|in turn|for (?:his|her|its|their) part),"
_SPEAKER_BEFORE = re.compile(
    rf"(?<!\bof )\b{_SURNAME}{_SUFFIX}(?:{_ASIDE_ADVERB})?(?:\s+{alternation(SPEAKER_GAP_WORDS)}){{0,2}}\s+{_SPEECH}\b")
# After the verb, a run of capitalised words whose last is the surname: "said Sergey Lavrov", "said CEO Craig
# Menear", "said Sen. Mark Warner", "said Robert F. Kennedy Jr.". Not after "told": what follows it is who was told
# ("..., told The Hill").
_INVERTED_SPEECH = alternation(REPORTING_VERBS - {"told", "tells"})
_SPEAKER_AFTER = re.compile(
    rf"[,\"\u201d]\s*{_INVERTED_SPEECH}\s+{_SURNAME}\.?(?:\s+(?:[A-Z]\.\s+)?{_SURNAME}\.?){{0,3}}")
# A speaker and who they are, between commas, before the verb: "James P. Kennedy Jr., the U.S. Attorney for the
# Western District of New York, said" and "Carlineo's attorney, Sonya Zoghlin, said" (the surname).
_WHO_THEY_ARE = rf"(?:the|a|an|who|whose|(?:{_NAME}\s+){{0,2}}{_NAME}['\u2019]s)\s[^,;\"\u201c\u201d]{{2,120}}?"
_SPEAKER_APPOSITIVE = re.compile(
    rf"\b{_SURNAME}{_SUFFIX},\s+{_WHO_THEY_ARE},\s+(?:{alternation(SPEAKER_GAP_WORDS)}\s+)?{_SPEECH}\b"
    rf"|,\s+(?:{_NAME}\.?\s+){{0,3}}{_SURNAME}{_SUFFIX},\s+(?:{alternation(SPEAKER_GAP_WORDS)}\s+)?{_SPEECH}\b")


def speakers_in(text: str) -> set[str]:
    """The names a sentence has saying something: "Lavrov said", "..., said Sergey Lavrov" (the surname)."""
    names = {m.group(1) for m in _SPEAKER_BEFORE.finditer(text)}
    for match in (*_SPEAKER_AFTER.finditer(text), *_SPEAKER_APPOSITIVE.finditer(text)):
        names.add(match.group(2) or match.group(1))
    return {n for n in names if n not in NOT_SPEAKERS and n not in WEEKDAYS}


# A run of capitalised words: two or more ("Lucas Paganini", "Sen. Mark Warner") name someone in full by the last.
CAPITALISED_RUN = re.compile(r"[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*)*")


def people_named(text: str) -> tuple[set[str], set[str]]:
    """The last words of the names a sentence gives in full ("Paganini" of "Lucas Paganini"), and the speakers it
    names by surname alone ("Paganini" of '"...," Paganini added')."""
    full = set()
    for run in CAPITALISED_RUN.finditer(text):
        words = [re.sub(r"(?:['\u2019]s?|[.,])$", "", word) for word in run.group().split()]
        while words and (words[0].lower() in SIMILARITY_STOPWORDS  # "The Malian army" names no one
                         or _addresses(words[0])):  # nor does "Ms. Hamlin" in full
            words = words[1:]
        if words and words[-1] in NAME_SUFFIXES:  # "James P. Kennedy Jr." is Kennedy
            words = words[:-1]
        if len(words) > 1 and not words[-1].isupper():  # "After EPA" names no one in full
            full.add(words[-1])
    return full, speakers_in(text) - full


# --- pictures and players -------------------------------------------------------------------------------------

# Words that mark a picture, a video player or its credit rather than reporting ("Image caption", "3 Photos:",
# "Getty Images", "autoplay"): admission weighs them, and the splitter leaves a caption glued to its label.
MEDIA_WORDS = re.compile(r"\b(?:photo\w*|images?|caption|copyright|getty|videos?|embed|autoplay|playback|pictured|"
                         r"file|credit|AP|Reuters|AFP)\b", re.IGNORECASE)


# --- quotations ------------------------------------------------------------------------------------------------

# The marks a quotation opens with: a sentence that starts on one is somebody's words.
QUOTE_OPENERS = ('"', "'", "\u201c", "\u2018")


def inside_quotation(prefix: str) -> bool:
    """Whether the end of ``prefix`` (a sentence up to some word) lies inside a quotation: an opening mark not yet
    closed."""
    return prefix.count('"') % 2 == 1 or prefix.count("\u201c") > prefix.count("\u201d")


_QUOTATION = re.compile(r'"([^"]+)"|\u201c([^\u201c\u201d]+)\u201d')


def _quotations(text: str) -> Iterator[str]:
    """What each quotation of ``text`` holds, between its marks."""
    return (match.group(1) or match.group(2) for match in _QUOTATION.finditer(text))


def quoted_words(text: str, least: int) -> list[str]:
    """Each quotation in ``text`` of at least ``least`` words, as its lower-case words joined by single spaces: the
    form in which the same quotation is found in another outlet's sentence whatever its punctuation."""
    quotes = (plain_words(quote) for quote in _quotations(text))
    return [quote for quote in quotes if len(quote.split()) >= least]


def quoted_statements(text: str, least: int) -> list[str]:
    """``quoted_words`` of the quotations that say something: at least half their words in lower case, so not a
    title ("Orange Is the New Black", "Good Morning America") that outlets name whatever they report."""
    return [plain_words(quote) for quote in _quotations(text)
            if len(PLAIN_WORD.findall(quote)) >= least and 2 * len(LOWER_WORD.findall(quote)) >= len(quote.split())]


def outside_quotations(text: str) -> str:
    """``text`` with each quotation replaced by a space: what the sentence says in its own words."""
    return _QUOTATION.sub(" ", text)


def names_outside_quotations(text: str) -> set[str]:
    """The capitalised words of ``text`` outside its quotations, lower-cased, function words left out: who and what
    a sentence names besides what it quotes ("Dana White", "Twitter" in 'Dana White said on Twitter that it "would not
    be endorsed"')."""
    outside = outside_quotations(text)
    return {word.lower() for word in re.findall(r"\b[A-Z][\w'\u2019-]*", outside)} - FUNCTION_WORDS


def plain_words(text: str) -> str:
    """``text`` as its lower-case words joined by single spaces (what ``quoted_words`` is looked up in)."""
    return " ".join(PLAIN_WORD.findall(text.lower()))
