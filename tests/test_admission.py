"""Admission: datelines and agency tags are left out of what is shown; what may be shown is decided by the model."""

import pytest

from briefer.admission import shown_start, strip_shown
from briefer.sentences import sentences_of
from tests.conftest import make_article

STRIPPED = [
    ("WASHINGTON \u2014 ", "The Senate voted on Friday to pass the bill."),
    ("KUALA LUMPUR, Malaysia (AP) \u2014 ", "The banned chemical weapon VX nerve agent was used to kill Kim Jong Nam."),
    ("SEOUL, South Korea (AP) _ ", "U.S. President Bill Clinton won South Korea's support Saturday for a plan."),
    ("LAS VEGAS, June 10 (UPI) -- ", "Police said the gunman acted alone in the attack."),
    ("(CNN) ", "Authorities in Minnesota obtained a search warrant in connection with the death."),
    ("(Reuters) - ", "Authorities in Minnesota obtained a search warrant in connection with the death."),
    ("Jan 21 (Reuters) - ", "Stocks fell sharply on Monday as oil prices rose."),
    ("UPDATE: ", "Police have now arrested a second suspect in the case."),
    ("BREAKING NEWS: ", "A magnitude 7 earthquake struck off the coast of Japan."),
    ("By Jane Doe, Associated Press - ", "The Senate voted on Friday to pass the bill."),
    ("By JANE DOE and JOHN ROE \u2014 WASHINGTON (AP) \u2014 ", "The Senate voted on Friday to pass the bill."),
]
KEPT = [
    "NASA said on Tuesday that the launch would be delayed by a week.",
    "US Secretary of State Antony Blinken said the US is ready.",
    "FILE - In this Nov. 22, 2015 file photo, Prince presents the award.",  # a caption: admission refuses it whole
    "The EU - which has 27 members - said no.",
    "NATO \u2014 the alliance \u2014 said it would respond.",
    "MOSCOW (AP) \u2014 he said.",  # what is left is no sentence
    "US-China talks resumed in Geneva on Monday after a pause.",
]


@pytest.mark.parametrize(("dateline", "sentence"), STRIPPED)
def test_datelines_agency_tags_labels_and_bylines_are_not_shown(dateline, sentence):
    assert shown_start(dateline + sentence) == len(dateline)


@pytest.mark.parametrize("sentence", KEPT)
def test_sentences_that_merely_open_on_capitals_or_dashes_are_kept_whole(sentence):
    assert shown_start(sentence) == 0


def test_a_stripped_sentence_is_still_a_slice_of_its_article():
    text = "LAS VEGAS, June 10 (UPI) -- Police said the gunman acted alone in the attack. He had no record."
    article = make_article("a1", text)
    shown, stripped = strip_shown(sentences_of(article))
    assert stripped == [True, False]
    assert shown[0].text == "Police said the gunman acted alone in the attack."
    assert all(text[s.start:s.end] == s.text for s in shown)
