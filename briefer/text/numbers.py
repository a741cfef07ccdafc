"""Numbers written as words: one table for every stage that compares numbers.

The citation veto (``briefer.core.support``), the fact matcher (``briefer.evaluate``) and the guard of generated text
(``briefer.rewrite.guard``) must agree that "four" is 4 and that "thirteen" is a number at all.
"""

from __future__ import annotations

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
