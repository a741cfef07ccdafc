"""The brief's headline and date, taken from the cluster's own titles and dates (never invented).

A headline is never a cut sentence and never ends in "…": it is the title that best represents the cluster or,
when no article has a usable title, the lede's main clause, ended at a clause boundary and written the way
headlines are (no articles, no "was"/"has been" before a participle), so that it does not repeat the lede word
for word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from briefer.core.admission import shown_start
from briefer.core.claims import PRONOUN_OPENER
from briefer.core.opinion import is_opinion
from briefer.ingest.outlets import BARE_HOST
from briefer.text.lexicon import (DANGLING_WORDS, FINITE_VERB, MONTH, QUOTE_OPENERS, SIMILARITY_STOPWORDS,
                                  SPEECH_VERBS, TITLE_SEPARATOR, WEEKDAY, YEAR, alternation, base_of_participle,
                                  base_of_past, inside_quotation, people_named, similarity_words, stem, third_person,
                                  title_cased, word_zipf)
from briefer.text.sentences import is_statement
from briefer.types import Article, Point

# A title longer than this is a scraped paragraph, not a title; shorter than the least, a section's or a site's name
# ("NBA", "Local Teams"), no headline.
MAX_TITLE_WORDS = 30
MIN_TITLE_WORDS = 3
# A long lede's headline ended before a relative clause keeps at least this many words.
SHORTEST_RELATIVE_CUT = 8
# Two articles share at least this share of the shorter one's content words when they tell one story (a wire story
# and its copies); one title over articles that share less is their site's name (``_site_titles``).
SAME_STORY_SHARE = 0.5
# A point's headline that stands in for the lede's says at least this much ("Attacks occurred in Syria" does not).
SHORTEST_POINT_HEADLINE = 5
# A headline made from the lede ends at the last clause boundary within this many words (or, with none, at the
# first one after it: a long headline is better than a cut one).
MAX_EXTRACTED_HEADLINE_WORDS = 16
# A headline a model writes is refused when longer than this (or than the extracted one); its prompt asks for at
# most 12 words.
MAX_GENERATED_HEADLINE_WORDS = 14
# Longer than this, the lede's clause gives way to a point's shorter one (a point's clause is less the story).
LONGEST_LEDE_HEADLINE = 24
# The most a site's or section's name is (characters), and the fewest words a title keeps without one.
_SITE_NAME_LENGTH = 60
_TITLE_WORDS_LEFT = 4
# A part after a title's dash that ends on exclaiming is the headline's own ("... Pearl Oscar Dress -- STOLEN!!!"),
# however short; a site's name may end on one mark ("Yahoo!").
_EXCLAIMED = re.compile(r"[!?]{2,}\s*$")
# A site's names glued on with underscores: "Starbucks founder back at helm amid sliding sales_English_Xinhua".
_UNDERSCORED_SITE = re.compile(r"\s*(?:_[A-Z][A-Za-z]*)+$")
# A wire's slug glued before its headline: "FACTBOX-Angelina Jolie tops poll ...", "UPDATE 2-...", "Tennis-Fifth seed
# ..." (a word in capitals, or a sport, then a hyphen and no space; "NATO-Russia" has four capitals, "Coca-Cola" no
# sport).
_WIRE_SLUG = re.compile(r"^(?:[A-Z]{5,}(?:\s\d+)?|Tennis|Soccer|Golf|Cricket|Rugby|Cycling|Athletics|Olympics|Boxing|"
                        r"Motor racing)-(?=[A-Z])")
# What a text's first line is when it is no headline: a byline, a time stamp, a menu's bar.
_NOT_A_HEADLINE = re.compile(r"^By\s|\b\d{1,2}:\d{2}\b|\|")
# A colon a section trail hangs from: "Bulls, Jones pursue talks: Sport: Rugby: News24", "... about Illinois :
# Columnists" (a space before it: no headline's colon).
_TRAIL_COLON = re.compile(r"(?P<space>\s*):\s+")
# A quotation mark that opens (at the start of a word after a space, a colon or a bracket) or closes one.
_OPENING_QUOTE = re.compile(r"(?:^|(?<=[\s:(\[]))['\u2018\"\u201c](?=\w)")
_CLOSING_QUOTE = re.compile(r"(?<=[\w.!?,])['\u2019\"\u201d](?=$|[\s,.:;!?)\]])")
# A date after the site's name: "Berlin confronts Germany's colonial past with new initiative | DW | 19.01.2020".
_DATE_SUFFIX = re.compile(r"\s+[|\u2013\u2014-]\s+(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})$")
# Where a sentence's main clause may end: before a comma that opens another clause or an aside, a semicolon, a
# colon (not a clock's: "arrested about 1:30 p.m."), a dash, or an "and" that opens a second predicate ("shows the
# image ... and has been analyzed"). Of the -ing words only those that open a clause of consequence or speech (",
# suggesting ...", ", killing two"): a list of gerunds (", lowering fever and treating headaches") is no boundary.
_CLAUSE_END = re.compile(
    r"\s*(?:;|(?<!\d):(?!\d)|\s[\u2014\u2013]|\s--|,\s+(?=(?:and|but|while|which|who|whose|where|when|as|even|after|"
    r"before|despite|"
    r"amid|although|though|because|since|including|according|with|without|a|an|the|one|some|many|most|officials?|"
    r"police|authorities|reports?|sources?|[a-z]+ed|suggesting|saying|adding|noting|citing|prompting|sparking|"
    r"arguing|claiming|insisting|warning|explaining|stating|urging|accusing|alleging|vowing|promising|demanding|"
    r"leaving|killing|injuring|forcing|raising|setting|sending|causing|triggering|ousting|destroying|damaging|"
    r"wounding|stranding|fuelling|fueling|particularly|especially|notably|mainly|largely)\b)|"
    r"\s+and\s+(?=(?:has|have|had|is|was|were|will)\s))"
)
# An aside between commas that names or describes what comes before it, or qualifies it: ", the half-brother of
# ...," / ", 94," / ", despite her protestations," / ", HGTV's husband-wife Fixer Upper team,"; the comma inside a
# number ("a new 3,830-bed prison", "which employs 12,000 people") neither ends one nor closes it. Asides in a row go
# together (", 18, who was shot ... along with her girlfriend Mollie Olgin, 19, who was killed,"): one at a time,
# each would take the comma the next one opens on.
_APPOSITIVE = re.compile(
    r"(?:,\s+(?:the|a|an|who|which|whose|now|formerly|aged|also|then|once|himself|herself|itself|despite|however|"
    r"though|in fact|of course|as of|\d[\d.,]*|[A-Z][\w.-]*['\u2019]s)\b(?:[^,;:]|(?<=\d),(?=\d{3})){0,80})+,(?!\d)"
)
# A comma between a subject and its verb, once the aside it opened on is gone ('Nicole "Snooki" Polizzi, is,
# despite her protestations, pregnant' -> '... Polizzi is pregnant').
_COMMA_BEFORE_VERB = re.compile(r"^([^,]{2,60}),\s+(?=(?:is|are|was|were|has|have|had|will)\s)")
# An aside between two dashes, and the most words of one that only qualifies a word.
SHORT_DASH_ASIDE = 4
_DASH_ASIDE = re.compile(r"\s+(?:[\u2014\u2013]|--)\s+[^\u2014\u2013]{1,80}?\s+(?:[\u2014\u2013]|--)(?=\s)")
# A relative clause between dashes: "the instrument — which her father played in ... — back from ...".
_RELATIVE_DASH_ASIDE = re.compile(r"\s+(?:[\u2014\u2013]|--)\s+(?:which|who|whose|whom)\s")
# An adverb between commas that joins two clauses when a clause comes before it (", however," / ", though,").
_JOINING_ADVERB = re.compile(r",\s+(?:however|though),$")
# An opening phrase of circumstance before the subject: "Amid Ukrainian border tensions, ..." / "On Friday, ..." /
# "Recently, ..." / "Back in November, ..." / "Over the weekend, ..." / "Next 31 Jan. 2018, ...", also before a
# subject that opens on a number ("Following a year-long investigation, 10 volunteer firefighters were arrested").
# A participle before a preposition opens one too: "Held in the Cathedral of St. John in Turin, Italy, the shroud
# ..." / "Speaking to reporters, ...". A place may carry its region ("Turin, Italy,"), a date its year ("On Dec. 3,
# 2013, ..." left "2013, Finley Boyle have heart attack"). A weekday alone opens one too: "Tuesday, President Obama
# signs ...".
# The words that open a phrase of circumstance and never a headline's clause ("early" and "late" of a time: "Early
# Monday, ...", not "Late screen siren Lauren Bacall left ...").
_CIRCUMSTANCE = (rf"amid|after|in|on|during|despite|following|with|at|since|before|earlier|later|last|this|yesterday|"
                 rf"(?:early|late)(?=\s+(?:{WEEKDAY}|morning|afternoon|evening|night|yesterday|today|on|in|last|"
                 rf"this)\b)")
_OPENING_PHRASE = re.compile(rf"^(?:(?:{_CIRCUMSTANCE}|as|for|by|recently|meanwhile|now|next|today|tonight)\b|"
                             r"(?:back|over)\s+(?=(?:in|on|at|the|when)\s)|"
                             r"(?:[A-Z][a-z]+(?:ed|en|ing)|Held|Built|Born|Found|Made|Set|Seen|Shot|Hit|Kept|Left|"
                             r"Led)\s+"
                             r"(?=(?:in|on|at|by|from|to|with|near|outside|inside|during|after|for|as)\s)|"
                             rf"Born\s+(?=[A-Z])|(?:{WEEKDAY})(?=,))"
                             r"[^,;:\"\u201c]{0,90}"
                             rf"(?:,\s+(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|{YEAR})(?=,))?"
                             r",\s+(?=[A-Z]|\d|(?:the|a|an)\s)",
                             re.IGNORECASE)
# A sentence adverb that ties a sentence to others, which a headline has none of: "First, Sharp unveils ...",
# "However, the company said ...".
_LINKING_ADVERB = re.compile(r"^(?:first|second|third|finally|however|still|instead|also|moreover|furthermore|"
                             r"additionally|separately|meanwhile|nonetheless|nevertheless),\s+(?=\S)", re.IGNORECASE)
# A headline that still starts on an opening phrase is no clause.
_OPENING_WORD = re.compile(rf"(?:{_CIRCUMSTANCE})\s", re.IGNORECASE)
# A measure of time before the event it dates, however long: "Three days after a gunman killed nine people at an
# Oregon community college and then shot himself dead, the Republican frontrunner ...", "Ten years ago this
# morning, ...".
_TIME_OPENER = re.compile(r"^(?:[\w-]+\s+){1,2}(?:hours?|days?|weeks?|months?|years?)\s+"
                          r"(?:(?:after|before|since)\b[^,;:\"\u201c]{0,120}|later|earlier|ago(?:\s+\w+){0,2}),\s+"
                          r"(?=[A-Z]|(?:the|a|an)\s)",
                          re.IGNORECASE)
# What the subject was doing, before the subject: "Defending his appointment of a billionaire ..., Donald Trump has
# said ...". Only before a capitalised subject, so a gerund subject ("Growing numbers of people ...") stays.
_DOING_OPENER = re.compile(r"^[A-Z][a-z]+ing\s+(?:his|her|their|its|the|a|an|to|on|in|at|with|about|from|for)\b"
                           r"[^,;:\"\u201c]{0,100},\s+(?=[A-Z])")
# A long aside between a named subject and its verb: "Clarissa Dickson Wright, who rose to fame as ..., died on
# Saturday" -> "Clarissa Dickson Wright died on Saturday". Only tried when the lede's headline is too long.
_SUBJECT_ASIDE = re.compile(r"^(?P<subject>(?:[A-Z][\w.'\u2019-]*\s+){0,4}[A-Z][\w.'\u2019-]*),\s.*,\s+"
                            r"(?=(?:has|have|had|was|were|is|are|will|would|died|said|says|[a-z]{3,}ed)\b)")
# A participle's aside between a subject and its verb, the sentence's first comma: "The man, arrested on Friday, was
# charged ...", "A dead 14-year-old girl named Susie Salmon, murdered on her way home from school in 1973, tells her
# story ...". Its "on Friday" would go and leave "Man, arrested, charged"; a headline has no room for it.
# Not one word of a list ("he harassed, groped, assaulted or ..."), nor after a word in "-ed" (a verb, not a subject).
_PARTICIPLE_ASIDE = re.compile(rf"^(?P<subject>[^,]{{2,80}}(?<!ed)),\s+[a-z]+(?:ed|ing|en)\s[^,;:]{{1,80}},\s+"
                               rf"(?=(?:{FINITE_VERB.pattern}|[a-z]{{3,}}s\b))")
# Where a long main clause may still end when it has no comma: before a clause of time, cause or concession
# ("A Nevada parole board decided Simpson should be freed after the former NFL star apologized ..."). Not after a
# measure of time ("several hours after", "shortly before"): there the word only places the verb.
_SUBORDINATE = re.compile(r"(?<!\bhour)(?<!\bday)(?<!\bweek)(?<!\bmonth)(?<!\byear)(?<!\bminute)(?<!\bmoment)"
                          r"(?<!\bhours)(?<!\bdays)(?<!\bweeks)(?<!\bmonths)(?<!\byears)(?<!\bminutes)"
                          r"(?<!\bmoments)(?<!\bshortly)(?<!\bjust)(?<!\bsoon)(?<!\blong)(?<!\bright)(?<!\bonly)"
                          r"(?<!\bever)\s+(?=(?:after|because|when|while|before|since|amid|despite|although|though|"
                          r"whereas|in what|in an attempt|in a bid|as part of|following)\s)")
# How long before or after: the time phrase belongs to the clause it opens ("... murder John Lennon two months before
# he shot ..." ends before "two months").
_SPAN_BEFORE_CLAUSE = re.compile(r"\s+(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|"
                                 r"a few)\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+"
                                 r"(?=(?:after|before|since|later)\s)")
_SPAN_MODIFIERS = frozenset("than just only about nearly almost some barely roughly within for in".split())
# A word that makes what comes before it a clause, not a bare noun phrase: a finite verb ("decided", "is", "said")
# after the first word. A relative pronoun there means the clause may still be open ("a woman who was attacked").
_FINITE = FINITE_VERB.pattern
_FINITE_VERB = re.compile(rf"^\S+\s.*{_FINITE}")
# A second subject after "and" whose verb has not come yet: "... is electrocuted at a local park and two other boys".
_VERBLESS_AND = re.compile(rf"\sand\s(?:(?!{_FINITE}).)*$")
# The capitalised word just before: "John" in "John the Apostle".
_NAME_BEFORE = re.compile(r"(?:^|\s)([A-Z][\w.'\u2019-]*)\s+$")
# A clause opened by a question word, not yet closed by a comma: its verb keeps its auxiliary ("discusses why the
# university is renaming ...", never "why university renaming"; "when police were called", never "when police called").
_WH_CLAUSE_SO_FAR = re.compile(r"\b(?:why|how|what|whether|where|when)\s[^,]*$", re.IGNORECASE)
# A share of a group: its "the" stays ("three of the men", never "three of men").
_SHARE_OF = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|some|most|all|many|several|half|"
                       r"none|each|both|any|few|part|rest)\s+of\s+$", re.IGNORECASE)
# A clause opened by a conjunction after a comma, not yet closed by another comma.
_SUBORDINATE_SO_FAR = re.compile(r",\s+(?:as|when|while|if|because|although|though|since|after|before|until|unless)\s"
                                 r"[^,]*$")
_CONTRAST = re.compile(r"\b(?:but|yet)\s")
# A comma and an -ing form that opens a clause after a sentence's main one (", calling it ...", ", carving out ..."),
# not a preposition in -ing (", during talks to ...", ", according to ...").
_TRAILING_PARTICIPLE = re.compile(r",\s+(?!(?:according|during|including|following|regarding|concerning|pending|"
                                  r"considering|excluding|notwithstanding|barring)\b)[a-z]{3,}ing\b")
# What ends a list's first item, not a clause: "..., and the FBI" before ", the Justice Department and ...".
_LIST_TAIL = re.compile(r",\s+(?:and|or)\s+(?:the\s+)?\S+$")
# An aside after a subject, and the comma that closes it before the subject's verb (``_subject_aside_end``); what
# opens on a phrase of time or place, an adverb or a conjunction has no subject before its first comma.
_ASIDE_OPENS = re.compile(r"^(?P<subject>[^,;:\"\u201c]{2,80}?),\s+(?=[a-z])")
_NO_SUBJECT = re.compile(rf"^(?:{_CIRCUMSTANCE}|as|by|for|from|to|however|still|also|so|but|and)\b|\b(?:ago|later|"
                         r"earlier)\b|\s[-\u2013\u2014|]\s", re.IGNORECASE)
# A verb in the present in -s only before what opens its object ("confesses that", "plays Daniel"): "researchers
# estimate" is a subject.
_ASIDE_CLOSES = re.compile(rf",\s+(?:(?:also|now|still|then|later)\s+)?(?={FINITE_VERB.pattern}|[a-z]{{3,}}s\s+"
                           r"(?:that|the|a|an|his|her|its|their|[A-Z\d]))")
# A headline has a verb, finite or the participle left when "is" goes ("Actor auctioning his luggage").
_HEADLINE_VERB = re.compile(rf"{_FINITE_VERB.pattern}|\b[a-z]{{3,}}ing\b")
_AUXILIARY_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will)\b")
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|which|whose)\b")
_RELATIVE_START = re.compile(r"\s+(?=(?:that|which|who|whose|where)\s)")
_SECOND_PAST_VERB = re.compile(r"\s+and\s+(?=[a-z]{3,}ed\s)")
# Words after which "that" opens what was said, known or decided, not a relative clause.
_OPENS_WHAT_WAS_SAID = SPEECH_VERBS | frozenset(
    "believe believes believed found finds show shows showed reported reports thinks thought knew know learned "
    "suggests suggested revealed ruled decided hoped feared expected agreed so such now than ensure ensured means "
    "meant indicates indicated estimated estimates confesses confessed admits admitted reveals".split())
_PREPOSITIONS = frozenset("during after before among between through under over into about against within without "
                          "upon".split())
_RELATIVE_PRONOUN = re.compile(r"\b(?:who|whom|whose|which|that)\b", re.IGNORECASE)
# A trailing attribution after an aside (", a new study finds", ", police said").
_TRAILING_SOURCE = re.compile(r"^\s*(?:\S+\s+){0,4}(?:said|says|say|finds|found|reports?|reported|shows|showed|"
                              r"suggests|according)\b[^;:]{0,80}$")
# An attribution that ends a headline, in the past tense: ", his lawyer said", ", Anaheim police said", ", said Paul
# Udoto". A headline says it in the present ("..., his lawyer says", "..., says Paul Udoto").
_ATTRIBUTION_AT_END = re.compile(r",\s+(?:(?P<who>(?:(?:his|her|their|its|the)\s+)?(?:[\w.'\u2019-]+\s+){0,3}?"
                                 r"[\w.'\u2019-]+)\s+(?:has\s+|have\s+)?said|said\s+(?P<name>[A-Z][\w.'\u2019-]*"
                                 r"(?:\s+[A-Z][\w.'\u2019-]*){0,4}))$")
_PLURAL_SPEAKERS = frozenset("police people staff".split())
# Groups that speak in the news, written in lower case when a headline ends on them ("..., authorities say").
_SPEAKING_GROUPS = _PLURAL_SPEAKERS | frozenset(
    "authorities officials deputies investigators prosecutors researchers scientists doctors witnesses experts "
    "analysts residents officers troopers sources lawmakers activists critics organizers organisers firefighters "
    "detectives agents protesters students parents teachers".split())
# An aside that says who said the clause before it: ", a judiciary spokesman said on Monday,".
_SAID_IN_ASIDE = re.compile(r"^,\s+(?:\S+\s+){0,5}(?:said|says|told)\b")
# A source the sentence gives its claim to, before it ("According to the New York Post and People.com, ...") or right
# after the clause a headline keeps ("... flooded through the city of Hama on Friday, according to activists, in what
# they claim ..."): at most six words, so that a long one ("according to an analysis of Wikipedia articles led by
# ...") is left out whole rather than cut.
_SOURCE = r"(?P<who>(?:[\w.&'\u2019-]+\s+){0,5}[\w.&'\u2019-]+)"
_ACCORDING_FIRST = re.compile(rf"^According to {_SOURCE},\s+")
# A sentence that is one quotation and who said it: '"Apple Chief Executive Steve Jobs wants to patent a process
# ...," reports Forbes's Brian Caulfield.' The quotation is the claim, told as its speaker's ("..., Forbes's Brian
# Caulfield says"), unless it speaks in the first or second person ('"We will win," he said.').
_QUOTING = alternation(sorted(SPEECH_VERBS | {"reports", "reported"}))
_QUOTED_CLAIM = re.compile(rf"^[\"\u201c](?P<quote>[^\"\u201c\u201d]{{20,}}?)[,.]?[\"\u201d],?\s+"
                           rf"(?:(?:{_QUOTING})\s+{_SOURCE}|{_SOURCE.replace('who', 'who2')}\s+(?:{_QUOTING}))\.?$")
_IN_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|us|[Oo]ur|[Yy]ou|[Yy]our)\b")  # "us", not "US"
_ACCORDING_AFTER = re.compile(rf"^\s*(?:(?:on|late|early)\s+\w+day\s*)?(?:,|\s*(?:--|\u2014|\u2013))?\s*according to "
                             rf"{_SOURCE}\s*(?:[,.;]|$)")
# A kicker before a colon: "No more waiting in lines: Snap is selling Spectacles online" -> the news after it.
_KICKER = re.compile(r"^[^:;\"\u201c]{3,50}:\s+(?=(?:\S+\s+){3}\S)")
_FINAL_STOP = re.compile(r"[.!?\u2026]+([\"'\u201d\u2019]*)\s*$")
_ABBREVIATION_END = re.compile(r"\b(?:[A-Za-z]\.){2,}$")  # "in the U.S." keeps its last dot
_PARENTHESES = re.compile(r"\s*\([^()]{0,80}\)")
_ARTICLE = re.compile(r"(?:^(?:The|A|An)|\b(?:the|a|an))\s+(?=\S)")  # not "Plan A", "The Hague" mid-sentence
# "was killed" -> "killed", "have been laid bare" -> "laid bare", "is making" -> "making": a participle after a
# form of "be".
_PARTICIPLE = r"(?:[a-z]+(?:ed|en|wn)|laid|made|held|found|sent|left|paid|sold|built|brought|caught|hit|hurt|shot|" \
              r"struck|put|set|cut|won|lost|told|kept|met|led|fled|freed|seen|done|gone)\b"
# Not after a pronoun: "claims she was fired" must not become "claims she fired"; a relative pronoun goes with it
# ("officer who was caught on camera" -> "officer caught on camera", never "officer who caught").
_AUXILIARY = re.compile(r"(?<!\bI )(?<!\bwe )(?<!\byou )(?<!\bhe )(?<!\bshe )(?<!\bit )(?<!\bthey )"
                        rf"\b(?:(?:who|which|that)\s+)?(?:(?:is|are|was|were|has been|have been|had been)\s+"
                        rf"(?={_PARTICIPLE})|"
                        r"(?:is|are)\s+(?=[a-z]{3,}ing\b))")
# A weekday that starts a name ("Saturday Night Live", "Good Friday Agreement") is no relative time: it is kept, as is
# one after a preposition that needs it ("the bomb attacks of last week", "were not excavated by today" would lose
# their last words) and a possessive one ("the dress she wore to Wednesday night's screening", not "wore to's
# screening").
_RELATIVE_TIME = re.compile(rf"(?<!\bof)(?<!\bby)(?<!\bin)(?<!\buntil)(?<!\bfrom)(?<!\bsince)(?<!\bfor)"
                            rf"\s+(?:(?:early|late)\s+)?(?:on\s+)?(?:(?:(?:this|next|last)\s+)?(?:{WEEKDAY})"
                            r"(?:\s+(?-i:night|morning|afternoon|evening))?|yesterday|today|tonight|this week|"
                            r"last week|last night)\b(?!\s+(?-i:[A-Z]))(?!(?:\s+\w+)?['\u2019]s\b)", re.IGNORECASE)


# Telling a past event in a headline's present ("_in_headline_tense"). Before a word in -ed these make it an
# adjective ("the alleged gunman"), and the verb is looked for further on; after these a past form is no simple past
# of the headline's clause: an auxiliary ("have accused"), "to", a preposition, or what opens a subordinate or
# relative clause ("since she entered", "whose son").
_BEFORE_AN_ADJECTIVE = frozenset("the a an this these those his her its their our my your some any no every each "
                                 "another".split())
_NO_SIMPLE_PAST_IN_SUBJECT = frozenset("was were is are be been being has have had will would could should may might "
                                       "must not never who which whom whose that since when while because although "
                                       "though until where if as".split())
_NO_SIMPLE_PAST_AFTER = _NO_SIMPLE_PAST_IN_SUBJECT | frozenset("to of in on at for from with by into about over under "
                                                               "after before during and or but than".split())
# Adverbs that stand between an auxiliary and its participle: "is often considered", "was also charged".
_VERB_ADVERBS = frozenset("often also still never not just already even always since long later soon then now "
                          "again".split())
# A subject of several: "Many Nisei", "Two women", "Police", "Josh Hardy's parents".
_SEVERAL = frozenset("many several some both few two three four five six seven eight nine ten dozens hundreds "
                     "thousands millions".split())
# Pronouns whose verb takes no -s: "We probably all saw this coming" -> "We probably all see ...", not "sees".
_PLURAL_PRONOUNS = frozenset("we they you i".split())
# A number in words past ten: "Fifteen British navy personnel land", "Fifty-five law professors sign".
_NUMBER_WORD = re.compile(r"(?:eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|"
                          r"eigh|nine)ty(?:-[a-z]+)?)")
# What opens the object of a verb in the past ("killed three people", "said he had", "ordered Occupy protesters",
# "scaled back operations"): only then is a past form that may be a participle read as the verb.
_OBJECT_OPENERS = _BEFORE_AN_ADJECTIVE | _SEVERAL | frozenset("that him them it us me he she they we you all more most "
                                                              "what how why whether where when up down out off back "
                                                              "away".split())
# Participles that name, which a description opens with even before a name ("a policy called the ...").
_NAMING = frozenset("called named dubbed titled entitled labeled labelled nicknamed known".split())
# A share of a group, which takes the group's number: "Majority of shareholders vote".
_GROUP_SHARES = frozenset("majority minority number lot half third quarter rest bulk handful couple".split())
# A headline opening on who says its claim: "Authorities say driver ... killed" (``_attribution_last``).
_SPEAKER_FIRST = re.compile(r"^(?P<who>[A-Z][\w.'\u2019-]*(?:\s+[\w.'\u2019-]+){0,5})\s+(?P<verb>says|say|said)\s+"
                            r"(?:that\s+)?(?P<claim>[^\"\u201c'\u2018].*)$")
_ENDS_ON_A_SOURCE = re.compile(r",\s+[^,]+\s+(?:says|say|said)$")
_OPENS_ON_A_PRONOUN = re.compile(r"(?:he|she|it|they|we|i|you|this|that|these|those|there|his|her|their|its)\b",
                                 re.IGNORECASE)
# A thing a point names only by a pronoun, as the object of its verb ("Frances Bean denies that she gifted it to
# Silva": the guitar): it tells a reader of the headline alone nothing. ("... announced that it is ..." names its
# subject before.)
_UNNAMED_THING = re.compile(r"\b(?:it|them)(?=\s+(?:to|from|in|on|at|for|with|by|as|into|off|out|up|down|back|over|"
                            r"away)\b|\s*[,.;:]|\s*$)")
# Where the head of a subject ends: "Attorneys for ...", "Twin blasts targeting ...".
_HEAD_ENDS = frozenset("of for from at in on with between over near".split())
# Words in a sentence that keep its headline in the past: what happened long ago ("Ancient sea once covered a fifth of
# the planet", "Last month, ... Felix Murga said ..."), or only just before ("recently ended").
_KEPT_IN_THE_PAST = re.compile(rf"\b(?:once|formerly|previously|originally|recently|ago|(?:in|since) {YEAR}|"
                               r"last (?:month|year|decade|century)|earlier this (?:month|year))\b", re.IGNORECASE)
# A title in capitals of this many words or more is a headline shouted (written as its text writes its words); a
# shorter one is a name ("NBA", "WHO TV", "580 CFRA").
MIN_SHOUTED_WORDS = 4
# A word of a title or text, with its apostrophe: "FULHAM'S", "Fulham's".
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


def clean_title(title: str) -> str:
    """A title without the site and section names around it (``_without_site_names``), a date after them, and a
    final full stop."""
    title = _UNDERSCORED_SITE.sub("", _DATE_SUFFIX.sub("", " ".join(title.split())))
    title = _without_section_trail(_without_site_names(_WIRE_SLUG.sub("", title)))
    title = title[shown_start(title):]
    return title.rstrip(".").strip()


def _without_site_names(title: str) -> str:
    """``title`` without the names after it: the last one when it is shorter than what is left ("... | Reuters", not
    "Opinion | Republicans Are Following Trump to Nowhere"), those before it when they are names (``title_cased``)
    after a dash or bar that is not a headline's own em or en dash; and without the names before it that a strong
    separator parts ("World -- ...") or that are a host ("toledoblade.com -- ..."); each while the title keeps
    ``_TITLE_WORDS_LEFT`` words; never what ends on exclaiming ("... Oscar Dress -- STOLEN!!!", ``_EXCLAIMED``). What
    follows a dash inside a quotation is the quotation going on, not a site
    ("Kristen Wiig: 'My next movie – it's going to be a Porky's prequel'")."""
    cuts = [cut for cut in TITLE_SEPARATOR.finditer(title) if not _open_quotation(title[:cut.start()])]
    starts, ends = [0, *(cut.end() for cut in cuts)], [*(cut.start() for cut in cuts), len(title)]
    first, last = 0, len(cuts)  # the parts kept, between separators

    def parts(a: int, b: int) -> str:
        return title[starts[a]:ends[b]]

    def name_after(k: int) -> bool:
        if len(title[starts[k]:]) > _SITE_NAME_LENGTH or _EXCLAIMED.search(title[starts[k]:]):
            return False
        if k == len(cuts):
            return _words(parts(first, k - 1)) > _words(parts(k, k))
        return (_words(parts(first, k - 1)) >= _TITLE_WORDS_LEFT and title_cased(parts(k, k))
                and cuts[k - 1].group().strip() not in "\u2013\u2014")

    def name_before(k: int) -> bool:
        return (len(title[:ends[k]]) <= _SITE_NAME_LENGTH and _words(parts(k + 1, last)) >= _TITLE_WORDS_LEFT
                and bool(cuts[k].group("strong") or BARE_HOST.fullmatch(title[:ends[k]].lower())))

    while last > first and name_after(last):
        last -= 1
    while first < last and name_before(first):
        first += 1
    return parts(first, last)


def _without_section_trail(title: str) -> str:
    """``title`` without the names that hang from colons after it, when they are two or more ("...: Sport: Rugby:
    News24") or the colon has a space before it ("... : Columnists"), while it keeps ``_TITLE_WORDS_LEFT`` words; one
    name after a headline's own colon stays ("Extremists must not kill Pakistan democracy: UK's Brown"), and so does
    a headline in title case, longer than a name ("...: BREAKING NEWS: Chelsea Activate £71.6m Release Clause To Sign
    Kepa Arrizabalaga From Athletic Bilbao" was cut to the site's name and motto)."""
    colons = [c for c in _TRAIL_COLON.finditer(title) if not _open_quotation(title[:c.start()])]
    cut, end = len(title), len(title)
    for number, colon in enumerate(reversed(colons), start=1):
        if not title_cased(title[colon.end():end]) or len(title[colon.end():end]) > _SITE_NAME_LENGTH:
            break
        if (number >= 2 or colon.group("space")) and _words(title[:colon.start()]) >= _TITLE_WORDS_LEFT:
            cut = colon.start()
        end = colon.start()
    return title[:cut]


def _words(text: str) -> int:
    return len(text.split())


def title_of(article: Article, said_stems: set[str] | None = None) -> str:
    """An article's title as a headline: as its sources line shows it (``shown_title``), unless it is not about its
    text (``_about``: "WebProNews", "Winnipeg Sun", "Bloomberg.com: Japan"), when the headline its text opens with
    heads it, if it has one (``own_headline``). ``said_stems``: the stems of the article's ``_words_said``, when the
    caller has them already."""
    title = _without_its_sites(article)
    if title:
        stems = _stems_of(_words_said(article)) if said_stems is None else said_stems
        if not _about(title, article.outlet, stems):
            title = own_headline(article) or title
    return _as_written(title, article.text)


def shown_title(article: Article) -> str:
    """An article's own title as a reader is shown it beside its outlet's name, in a brief's sources: without its
    outlet's name before a bar, colon or dash ("TechCrunch | 2005 Zuckerberg Didn't Want To Take Over The World") and
    the motto after it ("LinkNaija | Nigeria's popular news platform: ..."), then
    as ``clean_title`` leaves it ("How Butterflies Get Their Shine", not "... | WIRED"), and not shouted; "" when it
    has none."""
    return _as_written(_without_its_sites(article), article.text)


# What a site says of itself after its name, before the headline: "LinkNaija | Nigeria's popular news platform: ...".
_MOTTO = re.compile(r"[^:|]{0,40}\b(?:news|information)\s+(?:platform|portal|site|website|source|hub|network|channel)"
                    r"\s*:\s+", re.IGNORECASE)


def _without_its_sites(article: Article) -> str:
    """``clean_title`` of an article's title without its outlet's name before it (and the outlet's motto); "" for a
    title that is only that name ("Press TV", "The Calgary Sun": a page saved without a headline of its own)."""
    title = " ".join((article.title or "").split())
    outlet = " ".join((article.outlet or "").split())
    if outlet and re.sub(r"^the\s+", "", title.lower()) == re.sub(r"^the\s+", "", outlet.lower()):
        return ""
    before = re.match(rf"{re.escape(outlet)}\s*[|:\u2013\u2014-]\s+(?=\S)", title, re.IGNORECASE) if outlet else None
    if before:
        title = title[before.end():]
        title = title[motto.end():] if (motto := _MOTTO.match(title)) and _words(title[motto.end():]) >= 3 else title
    return clean_title(title)


def _as_written(title: str, text: str) -> str:
    """A short title in capitals is a name ("NBA", "WHO TV"); a headline in capitals is shouted: it is given in the
    case its text writes its words (``_unshouted_title``)."""
    return _unshouted_title(title, text) if title.isupper() and _words(title) >= MIN_SHOUTED_WORDS else title


def _unshouted_title(title: str, text: str) -> str:
    """A title in capitals ("STONES 'QUIT EMI' FOR UNIVERSAL") as its article writes its words ("Stones 'quit EMI'
    for Universal"): each word in the form the text's lines not in capitals use most (lower case on a tie: a capital
    opening a sentence makes no name), an acronym the text writes only in capitals kept so, and a word the text does
    not use in lower case; the first word capitalised."""
    forms: dict[str, Counter[str]] = {}
    for line in text.split("\n"):
        for word in _WORD.findall(line if not line.isupper() else ""):
            forms.setdefault(_folded(word), Counter())[word] += 1

    def written(match: re.Match[str]) -> str:
        word = match.group()
        base, apostrophe, ending = _at_apostrophe(word)
        seen = forms.get(_folded(word)) or (forms.get(_folded(base)) if apostrophe else None)
        if not seen:
            return word.lower()
        form = max(seen, key=lambda form: (seen[form], form == form.lower()))
        return form if _folded(form) == _folded(word) else form + apostrophe + ending.lower()  # "Fulham" + "'s"

    unshouted = _WORD.sub(written, title)
    first = next((k for k, c in enumerate(unshouted) if c.isalpha()), None)
    return unshouted if first is None else unshouted[:first] + unshouted[first].upper() + unshouted[first + 1:]


def _folded(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def _at_apostrophe(word: str) -> tuple[str, str, str]:
    """A word parted at its apostrophe, as ``str.partition`` parts a text: ("FULHAM", "'", "S")."""
    found = re.search(r"['\u2019]", word)
    return (word, "", "") if found is None else (word[:found.start()], found.group(), word[found.end():])


def own_headline(article: Article) -> str | None:
    """The headline a text opens with: a first line that is no sentence (``is_statement``) of ``_TITLE_WORDS_LEFT``
    to ``MAX_TITLE_WORDS`` words, not ended on a word that goes on ("News from the Caribbean for") nor going on into
    the next line, not a byline or a time stamp ("By SALAH NASRAWI, Associated Press Writer 1 hour, 24 minutes ago",
    "Fri Dec 28, 7:05 AM ET") nor a menu ("About us | Membership"), and half of whose words the rest of the text
    says ("Apple To Patent Line-Cutting Technology", "Skating champ Bowman dies of likely overdose")."""
    first, _, rest = article.text.strip().partition("\n")
    line = clean_title(first)
    words = set(similarity_words(line))
    if not (_TITLE_WORDS_LEFT <= len(line.split()) <= MAX_TITLE_WORDS) or not words or _cut(line) \
            or is_statement(line, whole_line=True) or _NOT_A_HEADLINE.search(line) \
            or line.split()[-1].lower() in DANGLING_WORDS or rest.lstrip()[:1].islower():
        return None
    said = set(similarity_words(rest))
    return line if 2 * len(words & said) >= len(words) else None


def _open_quotation(text: str) -> bool:
    """Whether ``text`` opens more quotations, single or double, than it closes (an apostrophe inside or after a
    word, "Porky's", "Jones' car", is neither)."""
    return len(_OPENING_QUOTE.findall(text)) > len(_CLOSING_QUOTE.findall(text))


def headline_candidates(articles: list[Article], text_words: list[set[str]]) -> list[str]:
    """The articles' titles that may head the brief: not cut, not too long, and about their article (``text_words``:
    each article's ``_words_said``, in the order of ``articles``; ids may repeat in a day's pile). An opinion piece's
    title ("The Guardian view on Hong Kong: a city on the brink") only when no news article has one."""
    said = [(a, words, _stems_of(words)) for a, words in zip(articles, text_words) if a.title]
    titles = [(title_of(a, stems), a, words, stems) for a, words, stems in said]
    sites = _site_titles([(title, words) for title, _, words, _ in titles])
    usable = [(t, a) for t, a, _, stems in titles if MIN_TITLE_WORDS <= len(t.split()) <= MAX_TITLE_WORDS
              and not _cut(t) and t not in sites and _about(t, a.outlet, stems)]
    news = [t for t, a in usable if not is_opinion(a)]
    return list(dict.fromkeys(news or [t for t, _ in usable]))


def _site_titles(titles: list[tuple[str, set[str]]]) -> set[str]:
    """The titles that name a site rather than a story: one title over articles that tell different stories (less
    than ``SAME_STORY_SHARE`` of either's words in the other, for one of them and the first), as "The Sports Network"
    heads each of its game reports. Copies of one wire story under one title are not that. ``titles``: each title
    and the ``_words_said`` of its article."""
    texts_of: dict[str, list[set[str]]] = {}
    for title, words in titles:
        texts_of.setdefault(title, []).append(words)
    return {title for title, (first, *rest) in texts_of.items()
            if any(len(first & other) < SAME_STORY_SHARE * min(len(first), len(other)) for other in rest)}


def site_titles(articles: Sequence[Article]) -> set[str]:
    """The titles, as pages give them, that several of ``articles`` carry over different stories (``_site_titles``:
    "Nothing Inside But Sport" over a manager's career and a player's injuries): a site's name, which says nothing
    of a story. Only the articles of a repeated title are read, so a day's pile is checked in linear time."""
    repeated = Counter(a.title for a in articles if a.title)
    return _site_titles([(a.title, _words_said(a)) for a in articles if a.title and repeated[a.title] > 1])


def _words_said(article: Article) -> set[str]:
    """The words an article's text says, without the datelines and agency credits its lines open on: "The Sports
    Network" does not head a report because it opens "(Sports Network) -"."""
    return set(similarity_words(" ".join(line[shown_start(line):] for line in article.text.split("\n"))))


def news_titles(articles: list[Article]) -> list[str]:
    """The titles that say what a cluster's news is, for the lede to be looked for near them: those that may head
    the brief (``headline_candidates``), but no question ("Does Marie Yovanovitch Have a Net Worth of $17 Million?"
    heads a fact check: it is the rumour, not the news)."""
    if not any(a.title for a in articles):
        return []
    text_words = [_words_said(a) for a in articles]
    return [t for t in headline_candidates(articles, text_words) if not t.rstrip("\"'\u201d\u2019").endswith("?")]


def _about(title: str, outlet: str | None, text_stems: set[str]) -> bool:
    """Whether a title heads its article's text: a page's box or logo that the extractor took for the title shares
    no word with the text ("Get Slate in your inbox") or names only the site ("POLITICO Politico Logo"); a title
    that is all names (``title_cased``) and shares less than half its words with the text names a site or a section
    ("UK Film and Television News" over a report on house prices, "Daily Star: Simply The Best 7 Days A Week").
    Words are compared by their stems (``text_stems``: those of the text's ``_words_said``): "Bush Strongly Warns Iran
    on Naval Clash" heads a text that says "warned"."""
    words = _stems(title) - _stems(outlet or "") - {"logo"}
    shared = words & text_stems
    return bool(shared) and (not title_cased(title) or 2 * len(shared) >= len(words))


def _cut(title: str) -> bool:
    return title.endswith(("\u2026", "...", ",", ";", ":"))


def choose_headline(articles: list[Article], lede: Point, points: list[Point]) -> str:
    """The title that best matches what the brief says; with no usable title, one made from the lede.

    A title's words should also be words of the articles' bodies: that prefers "Biden-Putin summit" over a
    scraper's "BidenPutin summit". The share counts by its square root, so a few words of an editor's own ("Google
    Bets on the Future With Launch of Stadia ...") do not hand the headline to a narrower title whose words all
    recur ("... Red Dead Redemption 2 doesn't run at a stable 60fps").
    """
    text_words = [_words_said(a) for a in articles] if any(a.title for a in articles) else []
    candidates = _telling_the_lede(headline_candidates(articles, text_words), lede.text)
    if candidates:
        brief_words = Counter(w for p in [lede, *points] for w in set(similarity_words(p.text)))
        body_words = set().union(*text_words)

        def fit(title: str) -> float:
            words = set(similarity_words(title)) or {""}
            support = len(words & body_words) / len(words)
            return support ** 0.5 * sum(brief_words[w] for w in words) / len(words) ** 0.5

        return max(candidates, key=fit)
    made = _lede_headline(lede.text)
    if made:
        return _attribution_last(_in_headline_tense(made, lede.text))
    # A point's headline stands in: the one whose words are most the lede's, so that it is still the core event.
    lede_words = set(similarity_words(lede.text))
    # ... and that names whoever speaks in it in full: "Nuland said U.S. officials notified ..." tells the reader
    # nothing of who Nuland is; nor is a quotation a headline ('"Kaine may have better appeal, ...," Michigan
    # Republican said': somebody's opinion, not the news).
    shorter = [(h, p.text) for h, p in ((headline_from_sentence(p.text), p) for p in points
                                        if not people_named(p.text)[1] and not p.text.startswith(QUOTE_OPENERS))
               if SHORTEST_POINT_HEADLINE <= len(h.split()) <= LONGEST_LEDE_HEADLINE and _HEADLINE_VERB.search(h)
               and not _UNNAMED_THING.search(h)]
    best = max(shorter, key=lambda pair: len(lede_words & set(similarity_words(pair[0]))) / len(pair[0].split()) ** 0.5,
               default=(headline_from_sentence(lede.text), lede.text))
    return _attribution_last(_in_headline_tense(*best))


def _lede_headline(lede: str) -> str | None:
    """A headline from the lede's sentence, of at most ``LONGEST_LEDE_HEADLINE`` words: its main clause in a headline's
    style, shortened clause by clause until it fits; None if it never does."""
    made, source = _headline_and_source(lede)
    made = _before_trailing_participle(made)
    if len(made.split()) <= LONGEST_LEDE_HEADLINE:
        return _given_to(made, source)
    main_clause, _ = _headline_and_source(_without_subject_aside(_LINKING_ADVERB.sub("", lede)))
    for shorten in (_before_subordinate_clause, _before_relative_clause, _without_relative_clause_in_subject,
                    _before_second_predicate):
        if len(main_clause.split()) <= LONGEST_LEDE_HEADLINE:
            break
        main_clause = shorten(main_clause)
    return _given_to(main_clause, source) if len(main_clause.split()) <= LONGEST_LEDE_HEADLINE else None


def _without_subject_aside(sentence: str) -> str:
    """``sentence`` without the aside between its subject and verb: the one ``_subject_aside_end`` finds ("Ascom, a
    global solutions provider focused on ..., announced ..." -> "Ascom announced ..."), else a long one after a
    name (``_SUBJECT_ASIDE``)."""
    verb = _subject_aside_end(sentence)
    opening = _ASIDE_OPENS.match(sentence)
    if verb and opening:
        return f"{opening.group('subject')} {sentence[verb:]}"
    return _SUBJECT_ASIDE.sub(r"\g<subject> ", sentence, count=1)


def _before_trailing_participle(headline: str) -> str:
    """A headline of more than ``MAX_EXTRACTED_HEADLINE_WORDS`` words without the clause of an -ing form that follows
    its main clause after a comma ("Donald Trump launched a new tirade against the media, calling it ..." ->
    "Donald Trump launched new tirade against media"); not a list of -ing forms ("for relieving aches and pains,
    lowering fever and ...") nor within a quotation, nor after "so" or "such" and its word, which the rest of the
    sentence goes on ("has grown so loud, reaching a crescendo ..., that even ...")."""
    if len(headline.split()) <= MAX_EXTRACTED_HEADLINE_WORDS:
        return headline
    for clause in _TRAILING_PARTICIPLE.finditer(headline):
        before = headline[:clause.start()]
        verbs = list(FINITE_VERB.finditer(before))
        if len(before.split()) >= SHORTEST_POINT_HEADLINE + 1 and verbs and not inside_quotation(before) \
                and not re.search(r"\b[a-z]{3,}ing\b", before[verbs[-1].end():]) \
                and not re.search(r"\b(?:so|such)\s+\S+$", before):  # "has grown so loud, reaching ..., that ..."
            return before
    return headline


def _telling_the_lede(titles: list[str], lede: str) -> list[str]:
    """The titles whose words are the lede's at least half as much as the best's (the share of a title's words the
    lede says): the headline and the lede under it tell one story. A story of a record label's two bands, led by
    one band's denial, is headed by that band's title ("Radiohead deny asking EMI for $20 million"), not by the
    other band's deal that more of its points report ("STONES 'QUIT EMI' FOR UNIVERSAL"). Words are compared by their
    stems: "Bush Strongly Warns Iran on Naval Clash" tells "President Bush warned Iran of ..." more than "Bush expedites
    Saudi smart bomb deal" does."""
    lede_words = _stems(lede)
    told = [len(words & lede_words) / max(1, len(words)) for words in (_stems(t) for t in titles)]
    best = max(told, default=0.0)
    return [t for t, share in zip(titles, told) if 2 * share >= best]


def _stems(text: str) -> set[str]:
    return _stems_of(similarity_words(text))


def _stems_of(words: Iterable[str]) -> set[str]:
    return {stem(word) for word in words}


def headline_from_sentence(sentence: str) -> str:
    """A headline from a sentence: its main clause, ended at a clause boundary, in the style of a headline, with the
    source the sentence gives its claim to ("..., according to activists" -> "..., activists say").

    "Kim Jong-nam, the half-brother of North Korea's leader, was killed by a highly toxic nerve agent, says
    Malaysia." -> "Kim Jong-nam killed by highly toxic nerve agent".
    """
    return _given_to(*_headline_and_source(sentence))


def _given_to(headline: str, source: str | None) -> str:
    return f"{headline}, {source}" if source else headline


def _headline_and_source(sentence: str) -> tuple[str, str | None]:
    """``headline_from_sentence`` without its source, and the source in a headline's words ("activists say"), if the
    sentence opens on one ("According to the New York Post, ...") or gives the clause the headline keeps to one."""
    text = sentence[shown_start(sentence):].strip()
    quoted = _QUOTED_CLAIM.match(text)
    if quoted and not _IN_PERSON.search(quoted.group("quote")):
        claim, _ = _headline_and_source(quoted.group("quote"))
        return claim, _said_by((quoted.group("who") or quoted.group("who2")).rstrip("."))
    before_bar = text.split(" | ", 1)[0]
    if len(before_bar.split()) >= SHORTEST_RELATIVE_CUT:
        text = before_bar  # a page's credit and title after a bar: 'said Trump was down. | Getty Trump lawyer on polls'
    source = _ACCORDING_FIRST.match(text)  # "According to the New York Post, Snooki is pregnant ..."
    if source:
        text = text[source.end():]
    opened = text
    for opener in (_PARENTHESES, _LINKING_ADVERB, _TIME_OPENER, _DOING_OPENER, _OPENING_PHRASE, _OPENING_PHRASE,
                   _KICKER):
        rest = opener.sub("", text)
        if not PRONOUN_OPENER.match(rest):  # "Over on Yellin's page, she shared ...": "She shared" names nobody
            text = rest  # (two opening phrases: "Early Monday, in Dallas, police arrested ...")
    text = _DASH_ASIDE.sub(_subject_aside, _APPOSITIVE.sub(_without_aside, _PARTICIPLE_ASIDE.sub(r"\g<subject> ", text)))
    text = _COMMA_BEFORE_VERB.sub(r"\1 ", text)
    if not _ABBREVIATION_END.search(text.rstrip("\"'\u201d\u2019")):
        text = _FINAL_STOP.sub(r"\1", text)  # 'said "no."' -> 'said "no"'
    whole = text
    text = _main_clause(text)
    source = source or _ACCORDING_AFTER.match(whole[len(text):])
    for dropped in (_RELATIVE_TIME, _ARTICLE, _AUXILIARY):
        text = dropped.sub(_unless_kept, text)
    text = re.sub(r"\s*,(?:\s*,)+", ",", text).strip(" ,;:")
    text = _ATTRIBUTION_AT_END.sub(_in_the_present, text)
    first = next((i for i, c in enumerate(text) if c.isalnum()), None)
    if first is None:
        return sentence.strip(), None
    if _OPENING_WORD.match(text):
        # Still an opening phrase, too long to be taken for one ("Early yesterday morning, in the latest of a series
        # of attacks ... that began with ..., a car bomb killed ..."): the clause after a later comma that opens on
        # its subject, if it has a verb before any relative clause.
        for comma in re.finditer(r",\s+(?=[A-Z]|(?:the|a|an)\s)", opened):
            later, later_source = _headline_and_source(opened[comma.end():])
            if not _OPENING_WORD.match(later) and _FINITE_VERB.search(_RELATIVE_PRONOUN.split(later, maxsplit=1)[0]):
                return later, later_source or (_said_by(source.group("who")) if source else None)
    # "34-year-old man ..." keeps its case
    return text[:first] + text[first].upper() + text[first + 1:], _said_by(source.group("who")) if source else None


def _in_headline_tense(headline: str, sentence: str) -> str:
    """``headline``, made from ``sentence``, telling its past event in a headline's present: the clause's verb in the
    simple past, after its subject, and a second one joined to it by "and" ("A woman killed three people and wounded
    three others ..." -> "Woman kills three people and wounds three others ...", "Rockaway man fell to his death" ->
    "Rockaway man falls to his death"), so that the headline does not say its lede again word for word.

    Whether a past form is the verb is read in the sentence, whose articles and auxiliaries the headline has
    shed: after "the" it describes ("the alleged gunman"); after an auxiliary, "to" or a preposition it is no simple
    past ("was killed in a crash" is the headline's "killed in crash"); one that may be a participle ("accused",
    "shot") is the verb only before its object. None is changed inside a quotation, in a subordinate clause, or
    where the subject's number is not clear ("Water and Sewerage Department"). A present perfect goes to the present
    too (``_perfect_in_the_present``)."""
    if _KEPT_IN_THE_PAST.search(sentence):
        return headline
    words = list(re.finditer(r"\S+", headline))
    said = re.findall(r"\S+", sentence)
    for k, word in enumerate(words[1:], start=1):
        if word.group()[:1] in QUOTE_OPENERS:
            return headline
        if word.group() in ("has", "have"):
            return _perfect_in_the_present(headline, words, k, said)
        past = base_of_past(word.group()) if word.group().isalpha() and word.group().islower() else None
        where = said.index(word.group()) if past and word.group() in said else None
        if past is None or where is None or where and said[where - 1].lower() in _BEFORE_AN_ADJECTIVE \
                or past[1] and _describes(said, where):
            continue
        if where and base_of_past(said[where - 1]):  # "a plane presumed crashed": no clause of its own
            return headline
        subject = [w.group() for w in words[:k] if not re.fullmatch(r"[a-z]+ly", w.group())]
        several = _several(subject)
        if word.group() in _NAMING or several is None or not where \
                or _before_adverbs(said, where).lower() in _NO_SIMPLE_PAST_AFTER \
                or any(w.lower().strip(",") in _NO_SIMPLE_PAST_IN_SUBJECT for w in subject) \
                or not _verb_here(said, where, past):
            return headline
        changed = [(word, past[0])]
        joined = next((j for j in range(k + 1, len(words) - 1) if words[j].group() == "and"), None)
        if joined is not None and not any(w.group().lower() in _NO_SIMPLE_PAST_IN_SUBJECT for w in words[k + 1:joined]):
            second = base_of_past(words[joined + 1].group())
            after = said.index(words[joined + 1].group(), where + 1) if words[joined + 1].group() in said[where + 1:] \
                else None
            if second and after is not None and said[after - 1] == "and" and (
                    _verb_here(said, after, second) or "".join(said[after + 1:after + 2]) in _HEAD_ENDS | {"to"}):
                changed.append((words[joined + 1], second[0]))
        for changed_word, base in reversed(changed):
            present = base if several else third_person(base)
            headline = headline[:changed_word.start()] + present + headline[changed_word.end():]
        return headline
    return headline


def _perfect_in_the_present(headline: str, words: list[re.Match[str]], k: int, said: list[str]) -> str:
    """``headline`` with the present perfect at ``words[k]`` ("has"/"have", maybe an adverb, a participle) in the
    present, as headlines tell what has just happened ("Ariel Winter has issued a statement" -> "Ariel Winter issues
    statement", "Details ... have emerged in lawsuit" -> "Details ... emerge in lawsuit"): the auxiliary says whether
    the subject is one or several. Not "has been" or "has had"; nor where the participle may be an adjective, which
    in the sentence is followed by a bare noun ("has limited resources")."""
    adverb = k + 2 < len(words) and re.fullmatch(r"[a-z]+ly", words[k + 1].group())
    participle = words[k + 2 if adverb else k + 1] if k + 1 < len(words) else None
    base = base_of_participle(participle.group()) if participle else None
    if participle is None or base is None or base in ("be", "have") or any(
            w.group().lower().strip(",") in _NO_SIMPLE_PAST_IN_SUBJECT for w in words[:k]) \
            or participle.group() not in said:
        return headline
    where = said.index(participle.group())
    following = said[where + 1] if where + 1 < len(said) else ""
    if not (following.lower() in _PREPOSITIONS | _HEAD_ENDS | {"to", ""} or _opens_an_object(following)):
        return headline
    present = third_person(base) if words[k].group() == "has" else base
    return (headline[:words[k].start()] + (words[k + 1].group() + " " if adverb else "") + present
            + headline[participle.end():])


def _attribution_last(headline: str) -> str:
    """A headline that opens on who says it ends on them, as headlines give a claim to its source: "Authorities say
    driver suspected of firing gun at motorists ... killed" -> "Driver suspected of firing gun at motorists ...
    killed, authorities say". Only a speaker of a few words with no verb, clause or aside in it ("Modoc officials",
    "New York Mayor Michael Bloomberg"), and a claim of its own subject: not one opening on a pronoun ("says he had
    no regret", whose "he" the speaker names) or a quotation, nor a headline that gives its source already."""
    said = _SPEAKER_FIRST.match(headline)
    if said is None or _ENDS_ON_A_SOURCE.search(headline):
        return headline
    who, verb, claim = said.group("who"), said.group("verb"), said.group("claim")
    words = who.split()
    if any(w.lower() in _NO_SIMPLE_PAST_IN_SUBJECT or base_of_past(w) for w in words) \
            or _OPENS_ON_A_PRONOUN.match(claim) or len(claim.split()) < SHORTEST_POINT_HEADLINE:
        return headline
    if words[0].lower() in _SPEAKING_GROUPS:
        who = words[0].lower() + who[len(words[0]):]  # "Authorities" -> "authorities", not "Modoc officials"
    return f"{claim[0].upper()}{claim[1:]}, {who} {verb}"


def _before_adverbs(words: list[str], k: int) -> str:
    """The word before ``words[k]`` and the adverbs that qualify it: the auxiliary of "is often considered" ("often
    considers" would make a disease the one who considers), of "was also charged", "has not been"."""
    k -= 1
    while k > 0 and (words[k].lower() in _VERB_ADVERBS or re.fullmatch(r"[a-z]+ly", words[k])):
        k -= 1
    return words[k] if k >= 0 else ""


def _verb_here(words: list[str], k: int, past: tuple[str, bool]) -> bool:
    """Whether the past form ``words[k]`` is a verb: it is no participle, or its object follows. Not a name before
    it: a headline written as a sentence leaves the auxiliary out ("Frail Robert Durst sentenced on gun charge")."""
    if not past[1]:
        return True
    return k + 1 < len(words) and _opens_an_object(words[k + 1])


def _describes(words: list[str], k: int) -> bool:
    """Whether a form in -ed at ``words[k]`` that may be a participle describes the word after it, a bare word in
    lower case ("top organised crime investigator"), rather than opening a clause or a description of its own ("a
    man accused of ...")."""
    following = words[k + 1] if k + 1 < len(words) else ""
    return bool(re.fullmatch(r"[a-z][a-z-]*", following)) and not (
        _opens_an_object(following) or following in _PREPOSITIONS | _HEAD_ENDS | {"to", "by", "and", "or", "as"})


def _opens_an_object(word: str) -> bool:
    """Whether ``word`` opens a verb's object: a determiner, pronoun or number, or a name (no weekday or month)."""
    word = word.lstrip("\"'\u201c(")
    return word.lower() in _OBJECT_OPENERS or word[:1].isdigit() or (
        word[:1].isupper() and not re.match(rf"(?:{WEEKDAY}|{MONTH})\b", word))


def _several(subject: list[str]) -> bool | None:
    """Whether a subject is several ("Two women", "Attorneys for ...", "Smith and his wife", "We"), one, or None where
    its words do not say ("Jane and Gary Wilson", "Water and Sewerage Department": both read "X and Y")."""
    if not subject or len(subject) == 1 and subject[0].lower().endswith("ly"):  # "Newly minted ..."
        return None
    lower = [w.lower().strip(",") for w in subject]
    if lower[0] in _SEVERAL or lower[0].isdigit() or lower[0] in _PLURAL_SPEAKERS or _NUMBER_WORD.fullmatch(lower[0]) \
            or lower[0] in _PLURAL_PRONOUNS and set(lower[1:]) <= _VERB_ADVERBS | {"all", "both"}:
        return True
    if "and" in lower:
        joined = lower.index("and")
        if joined and joined + 1 < len(subject) and subject[joined - 1][:1].isupper() \
                and subject[joined + 1][:1].isupper():
            return None
        return True
    if lower[0] in _GROUP_SHARES and lower[1:2] == ["of"]:  # "Majority of BP PLC's shareholders": its group's number
        return _several(subject[2:])
    head = next((subject[i - 1] for i in range(1, len(subject))
                 if lower[i] in _HEAD_ENDS or re.fullmatch(r"[a-z]{3,}ing", lower[i])), subject[-1]).strip(",")
    folded = head.lower()
    if folded in _PLURAL_SPEAKERS:
        return True
    zipf = word_zipf()
    singular = folded[:-3] + "y" if folded.endswith("ies") else folded[:-1]  # "deputies" -> "deputy"
    common_plural = folded.endswith("s") and not folded.endswith(("ss", "us", "is", "'s", "\u2019s")) and bool(
        zipf and zipf(singular) >= 3)
    # A name in capitals is one ("Serena Williams") unless it is the whole subject or follows "the" ("Democrats").
    named = head[:1].isupper() and head != subject[0] and not (len(subject) == 2 and lower[0] == "the")
    return common_plural and not named


def _said_by(who: str) -> str:
    """A source in a headline's words: "a medical examiner's autopsy report" -> "medical examiner's autopsy report
    says", "activists" -> "activists say"."""
    return _speaking(_ARTICLE.sub("", _RELATIVE_TIME.sub("", who).strip(), count=1))


def _speaking(who: str) -> str:
    """``who`` and "say" or "says": several (``_several``: "police", "activists", "two people familiar with plan",
    "X and Y") say, one ("Reuters", "report", "his lawyer") says."""
    several = _several(who.split())
    return f"{who} {'say' if several or several is None and ' and ' in who else 'says'}"


def _in_the_present(attribution: re.Match[str]) -> str:
    """A closing attribution in a headline's tense: ", his lawyer says", ", police say", ", says Paul Udoto"."""
    if attribution.group("name"):
        return f", says {attribution.group('name')}"
    return f", {_speaking(attribution.group('who'))}"


def _subject_aside(aside: re.Match[str]) -> str:
    """A dash aside before the sentence's verb goes ("rapidly losing and regaining weight — or "yo-yo" dieting — may
    increase the risk"): its first dash would end the headline before the verb. So does a short one, which only
    qualifies a word ("a stinging — though nonbinding — rebuke"), or a relative clause inside the clause, which goes
    on after it ("trying to get the instrument — which her father played in ... concert — back from her estranged
    husband": ended at its dash, "trying to get instrument"). A longer one after the verb stays, and its dash may end
    the clause."""
    before = aside.string[:aside.start()]
    short = len(aside.group().split()) <= SHORT_DASH_ASIDE + 2  # its words and two dashes
    relative = _RELATIVE_DASH_ASIDE.match(aside.group()) and aside.string[aside.end():].lstrip()[:1].islower()
    return aside.group() if (_FINITE_VERB.search(before) and not short and not relative) \
        or inside_quotation(before) else ""


def _unless_kept(word: re.Match[str]) -> str:
    """Nothing in place of a word a headline sheds ("the", "was", "on Friday"), unless it stands inside a quotation (a
    headline never changes what someone said: "thanks to several previous operations and a hearing aid"), in a
    clause that opens on a conjunction (", as this legislation is known," must keep its "is") or on a question word
    (an auxiliary: "why the university is renaming"), inside a name ("John the Apostle"), or after a share of a group
    ("three of the men")."""
    before = word.string[:word.start()]
    kept = inside_quotation(before) or _SUBORDINATE_SO_FAR.search(before) or _inside_a_name(word) \
        or word.re is _AUXILIARY and _WH_CLAUSE_SO_FAR.search(before) \
        or word.re is _ARTICLE and _SHARE_OF.search(before)
    return word.group() if kept else ""


def _inside_a_name(word: re.Match[str]) -> bool:
    """A "the" between a capitalised word that is no function word and another: "John the Apostle", "St. John the
    Baptist"; not "In the Mediterranean"."""
    name = _NAME_BEFORE.search(word.string[:word.start()])
    return (word.group().strip() == "the" and name is not None and word.string[word.end():word.end() + 1].isupper()
            and name.group(1).lower() not in SIMILARITY_STOPWORDS)


def _without_aside(aside: re.Match[str]) -> str:
    """An aside goes; its closing comma stays before a trailing attribution ("..., which is when ..., a new study
    finds" -> "..., new study finds"), which would otherwise run into the clause, and ", however," after a clause
    ends it. An aside with an auxiliary verb,
    no relative clause, and no verb after it holds the predicate whose comma the source left out ("Williams, a former
    officer is charged with ..., arson"), and stays; an attribution ("the survey found") goes."""
    rest = aside.string[aside.end():]
    if inside_quotation(aside.group()):
        return aside.group()  # its last comma is a quotation's: ', who stars in the upcoming film "Downsizing,"'
    if _SAID_IN_ASIDE.search(aside.group()) and _FINITE_VERB.search(aside.string[:aside.start()]):
        return aside.group()  # who said the clause before: it ends there ("..., a spokesman said on Monday, ...")
    if _AUXILIARY_VERB.search(aside.group()) and not _RELATIVE_ASIDE.match(aside.group()) \
            and not _FINITE_VERB.search("and " + rest):
        return aside.group()  # the predicate, not an aside: "Williams, a former officer is charged with ..., arson"
    if _JOINING_ADVERB.match(aside.group()) and _FINITE_VERB.search(aside.string[:aside.start()]):
        return "; "  # two clauses: "he liked the look of the tin, however, his purchase ... is set to ..."
    if not _TRAILING_SOURCE.match(rest) or not _FINITE_VERB.search(aside.string[:aside.start()]):
        return ""  # after a bare subject the verb is the predicate: "The company, which ..., said it would close"
    return "," if rest[:1].isspace() else ", "


def _main_clause(text: str) -> str:
    """``text`` up to its last clause boundary within ``MAX_EXTRACTED_HEADLINE_WORDS`` words, or its first one after; a
    boundary closer to the start than four words, or after a word that needs what follows ("that", "of", "wrote:"),
    does not count (it would leave no clause)."""
    aside_end = _subject_aside_end(text)
    return _ended(text, [m.start() for m in _CLAUSE_END.finditer(text)
                         if m.start() > aside_end and len(text[:m.start()].split()) >= 4
                         and not inside_quotation(text[:m.start()])
                         and text[:m.start()].split()[-1].lower() not in DANGLING_WORDS  # "... reported that"
                         and not _opens_what_was_said(text, m)
                         and not _joins_names(text, m) and not _LIST_TAIL.search(text[:m.start()])
                         and not _lists_verbs(text, m) and _HEADLINE_VERB.search(text[:m.start()])
                         and not _inside_contrast(text, m)])


def _subject_aside_end(text: str) -> int:
    """Where the verb after an aside on the subject begins, or 0: a headline must not end before it. "Teenager Autumn
    Veatch, one of three passengers on a missing plane presumed crashed in the North Cascades, survived ..." ended
    at its second comma told no news ("presumed crashed" is the aside's, not the clause's); so did "Polizzi, fined
    $500 for disorderly conduct in September" (its verb, "confesses", after the aside's closing comma). The aside
    opens at the first comma after a subject with no verb of its own, on a word in lower case ("one of", "who",
    "fined"), and closes at the next comma that a verb follows. What opens on a phrase of time or place ("By 2030,
    ...", "In a statement Jan. 4, ...", "Three years ago, ...") or an adverb ("However, ...") has no subject there.
    """
    opening = _ASIDE_OPENS.search(text)
    if opening is None or _HEADLINE_VERB.search(opening.group("subject")) or _NO_SUBJECT.search(opening.group()) \
            or re.match(_PARTICIPLE, opening.group().lower()):
        return 0
    closing = _ASIDE_CLOSES.search(text, opening.end())
    return closing.end() if closing else 0


def _inside_contrast(text: str, boundary: re.Match[str]) -> bool:
    """A boundary inside a "but" clause whose verb has not come yet ("... for Limbaugh's show but even Killam's
    shouty, dedicated delivery couldn't distract ...": the comma is no end) leaves half a clause."""
    before = text[:boundary.start()]
    contrast = list(_CONTRAST.finditer(before))
    return bool(contrast) and not _HEADLINE_VERB.search(before[contrast[-1].end():])


def _opens_what_was_said(text: str, boundary: re.Match[str]) -> bool:
    """A colon after a verb of saying opens what was said: "Chaney wrote: "I was ..."" must not end at "wrote"."""
    return boundary.group().lstrip().startswith(":") and text[:boundary.start()].split()[-1].lower() in SPEECH_VERBS


def _ended(text: str, ends: list[int]) -> str:
    """``text`` up to the last of ``ends`` within ``MAX_EXTRACTED_HEADLINE_WORDS`` words, else the first after it,
    else whole."""
    within = [end for end in ends if len(text[:end].split()) <= MAX_EXTRACTED_HEADLINE_WORDS]
    if within:
        return text[:within[-1]].rstrip(" ,;")
    return text[:ends[0]].rstrip(" ,;") if ends else text


def _before_subordinate_clause(headline: str) -> str:
    """``headline`` ended before its last clause of time, cause or concession within
    ``MAX_EXTRACTED_HEADLINE_WORDS`` words (or its first after), and before the span of time that opens one ("two
    months before ..."), where what stays is a closed clause with a verb; else unchanged."""
    spans = [m.start() for m in _SPAN_BEFORE_CLAUSE.finditer(headline)
             if len(headline[:m.start()].split()) >= SHORTEST_RELATIVE_CUT
             and headline[:m.start()].split()[-1].lower() not in _SPAN_MODIFIERS]  # not "less than a week after"
    starts = sorted([m.start() for m in _SUBORDINATE.finditer(headline)] + spans)
    aside_end = _subject_aside_end(headline)
    return _ended(headline, [start for start in starts if start > aside_end and _FINITE_VERB.search(headline[:start])
                             and not _RELATIVE_PRONOUN.search(headline[:start])
                             and len(headline[:start].split()) >= 5 and not inside_quotation(headline[:start])])


def _lists_verbs(text: str, boundary: re.Match[str]) -> bool:
    """A participle after a comma that follows another is a list of verbs, not a new clause ("who say he sexually
    harassed, groped, assaulted or attempted to rape them")."""
    before, after = text[:boundary.start()].split(), text[boundary.end():].split()
    return bool(before and after) and before[-1].endswith("ed") and after[0].rstrip(",;:").endswith("ed")


def _joins_names(text: str, boundary: re.Match[str]) -> bool:
    """An "and" between two names joins a subject ("the FBI and Justice Department have opened ..."), it does
    not open a second predicate."""
    before = text[:boundary.start()].split()
    return boundary.group().strip() == "and" and bool(before) and before[-1][:1].isupper()


def _before_relative_clause(headline: str) -> str:
    """``headline`` ended before a relative clause on its object ("Odessa Police released video of suspect wanted in
    theft of deceased person that happened at Sunset Memorial Gardens"), when what stays has at least
    ``SHORTEST_RELATIVE_CUT`` words and a verb: the last such end within ``MAX_EXTRACTED_HEADLINE_WORDS`` words, or
    its first after. A "that" after a verb of saying or knowing opens what was said, and is no such end; nor is
    one after a preposition ("in which"), or after an earlier relative clause, which may still be open."""
    ends = []
    for m in _RELATIVE_START.finditer(headline):
        before = headline[:m.start()]
        last = before.split()[-1].lower() if before.split() else ""
        if (len(before.split()) >= SHORTEST_RELATIVE_CUT and _has_its_verb(before, headline[m.end():])
                and not _RELATIVE_PRONOUN.search(before) and not inside_quotation(before)
                and last not in _OPENS_WHAT_WAS_SAID | DANGLING_WORDS | _PREPOSITIONS and not last.endswith("ing")
                and not _second_subject(before, headline[m.end():])):
            ends.append(m.start())
    return _ended(headline, ends)


def _before_second_predicate(headline: str) -> str:
    """``headline`` ended before an "and" that opens a second verb in the past ("George Herbert Walker Bush led U.S. to
    swift and decisive victory in first Persian Gulf War and presided over ...", "Bloomberg said that Obama is ...
    and praised Rick Perry ..."), when what stays has its own verb; not after a word in "-ed" ("the tired and
    frightened residents"), nor inside a quotation."""
    ends = [m.start() for m in _SECOND_PAST_VERB.finditer(headline)
            if len(headline[:m.start()].split()) >= SHORTEST_RELATIVE_CUT and _FINITE_VERB.search(headline[:m.start()])
            and not headline[:m.start()].endswith("ed") and not inside_quotation(headline[:m.start()])]
    return _ended(headline, ends)


def _without_relative_clause_in_subject(headline: str) -> str:
    """``headline`` without a relative clause inside its subject, when what follows the clause's verb is the
    subject's own verb group and its object ("Search teams hunting for wreck of AirAsia passenger jet that crashed
    with 162 people on board have found four large parts of plane on sea bed" -> "... passenger jet have found four
    large parts ..."). Unchanged when a verb stands before the clause (it is not in the subject) or a third verb
    comes after the subject's (the clause may go on: "officials who said the plan was dead were wrong")."""
    m = _RELATIVE_START.search(headline)
    if m is None:
        return headline
    before, after = headline[:m.start()], headline[m.end():]
    if _CLAUSE_SUBJECT.match(after):
        return headline  # what was said, not a relative clause: "discloses in her memoir that she had ..."
    if len(before.split()) < SHORTEST_RELATIVE_CUT or _FINITE_VERB.search(before) or inside_quotation(before):
        return headline
    verbs = list(FINITE_VERB.finditer(after))
    if len(verbs) < 2 or any(later.start() != earlier.end() + 1 for earlier, later in zip(verbs[1:], verbs[2:])):
        return headline
    return f"{before.rstrip()} {after[verbs[1].start():]}"


# "that" and then a clause's own subject (a pronoun, an article, a name): what was said or known, not a relative clause.
_CLAUSE_SUBJECT = re.compile(r"^\S+\s+(?:i|you|he|she|it|we|they|the|a|an|his|her|its|their|this|these|[A-Z])\b")


def _has_its_verb(before: str, relative: str) -> bool:
    """Whether what stays before a relative clause has its verb: a finite one, or a headline's participle ("firm
    seeking to recover ... from trial that captivated Silicon Valley") unless the sentence goes on with two finite
    verbs after the relative pronoun, one of them the subject's ("search teams hunting for the wreck of a jet that
    crashed ... have found ...")."""
    return bool(_FINITE_VERB.search(before)) or bool(_HEADLINE_VERB.search(before)) \
        and len(FINITE_VERB.findall(relative)) < 2


def _second_subject(before: str, relative: str) -> bool:
    """Whether a relative clause belongs to a second subject, whose own verb comes after it: "two other boys who
    tried to help him are still recovering" (two verbs after "who"), not "a man and a woman who were arrested"."""
    return bool(_VERBLESS_AND.search(before)) and len(FINITE_VERB.findall(relative)) >= 2


def cluster_date(articles: list[Article]) -> str | None:
    """The date most articles carry (ISO), or None when none has one."""
    dates = Counter(a.date for a in articles if a.date)
    return dates.most_common(1)[0][0] if dates else None
