"""The guard: every kind of invention it must catch, the rewrites it must let through, and its rates on the
labelled cases in tests/data/guard_cases.jsonl (targets from issue 4: >= 95% of bad rejected, >= 70% of good
accepted; bench/guard.py prints the per-kind table)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefer.rewrite.guard import check

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "guard_cases.jsonl").read_text(encoding="utf-8").splitlines()
]

MEETING = [
    "Blinken and Russian Foreign Minister Sergey Lavrov met in Geneva for an hour and a half to discuss escalating "
    "tensions on the Ukraine-Russia border.",
    "U.S. Secretary of State Antony Blinken and Russian Foreign Minister Sergey Lavrov met on Friday in Geneva in a "
    "high-stakes meeting at a critical moment in the tensions rising between Russia, the U.S. and Ukraine.",
]
NOT_RULED_OUT = ["Meanwhile, Lavrov said contact with the US will continue and did not rule out a Biden-Putin summit."]
SUMMIT = ['US Secretary of State Antony Blinken said the US is "fully prepared" for another Biden-Putin summit '
          '"if it proves useful and productive."']


def rejected_for(candidate: str, sources: list[str]) -> str:
    verdict = check(candidate, sources)
    assert not verdict.accepted, f"accepted: {candidate}"
    return verdict.note


def test_a_faithful_fusion_is_accepted_with_full_support() -> None:
    verdict = check(
        "Blinken and Russian Foreign Minister Sergey Lavrov met in Geneva on Friday for an hour and a half.", MEETING
    )
    assert verdict.accepted, verdict.note
    assert verdict.support == 1.0
    assert verdict.reasons == ()


def test_changed_numbers_are_rejected_and_number_words_match_digits() -> None:
    assert "number '2'" in rejected_for("Blinken and Lavrov met in Geneva for two hours.", MEETING)
    assert "number '30'" in rejected_for("Tensions between Ukraine and Russia are at their highest in 30 years.",
                                         ["Tensions between Ukraine and Russia are at their highest in years."])
    sources = ["Russia has amassed 100,000 troops near the border, officials said."]
    assert check("Officials said Russia has amassed 100000 troops near the border.", sources).accepted
    assert check("Russia has amassed 100,000 troops near the border, officials said.", sources).accepted
    # Every number word the other stages know is one here too (briefer.text.lexicon): "thirteen" is 13, not 14.
    teens = ["Police said 13 protesters were arrested in the square on Friday."]
    assert check("Police said thirteen protesters were arrested in the square on Friday.", teens).accepted
    assert "number '14'" in rejected_for("Police said fourteen protesters were arrested in the square on Friday.", teens)


def test_dates_not_in_the_sources_are_rejected() -> None:
    assert "date 'thursday'" in rejected_for("Blinken and Lavrov met in Geneva on Thursday.", MEETING)
    assert "date 'next month'" in rejected_for(
        "Blinken said the US will share its concerns with Russia in writing next month.",
        ["Blinken said the US will share its concerns with Russia in writing next week."],
    )
    # "may" the verb is not the month
    assert check("The two countries may meet again next month, a Russian official said.",
                 ["A Russian official said the two countries may meet again next month."]).accepted


def test_added_and_swapped_names_are_rejected() -> None:
    assert "name 'Vienna'" in rejected_for("Blinken and Lavrov met in Vienna for an hour and a half.", MEETING)
    assert "Zelensky" in rejected_for(
        "Lavrov said contact with the US will continue and did not rule out a summit between Putin and Zelensky.",
        NOT_RULED_OUT,
    )
    # a real title, but not this man's: "President Lavrov" is in no source
    assert "name 'President Lavrov'" in rejected_for(
        "President Lavrov said contact with the US will continue.", NOT_RULED_OUT + ["President Putin is ready."]
    )


def test_name_variants_that_mean_the_same_are_accepted() -> None:
    # U.S. / United States, Russian / Russia, Kiev / Kyiv, a dropped first name, scraped "andPresident"
    assert check("The United States and Russia met in Geneva for an hour and a half.", MEETING).accepted
    assert check("Lavrov urged Washington to pressure Kyiv to implement the Minsk agreements.",
                 ["Lavrov said Moscow urged Washington to pressure Kiev to implement the Minsk agreements."]).accepted
    assert check("Russian Foreign Minister Lavrov met Blinken in Geneva.", MEETING).accepted
    assert check("Blinken and President Biden have talked about sanctions.",
                 ["Blinken andPresident Biden have talked about sanctions."]).accepted


def test_quotes_must_be_verbatim_in_a_source() -> None:
    assert "quote “ready at any moment”" in rejected_for(
        "Blinken said the US is “ready at any moment” for another Biden-Putin summit.", SUMMIT
    )
    # case, curly quotes and punctuation inside the quote do not matter; the words do
    assert check("Blinken said the US is “Fully prepared” for another Biden-Putin summit “if it proves useful "
                 "and productive”.", SUMMIT).accepted


def test_a_dropped_negation_is_rejected_and_a_kept_one_accepted() -> None:
    assert "drops the negation of 'rul'" in rejected_for(
        "Lavrov said contact with the US will continue and ruled out a Biden-Putin summit.", NOT_RULED_OUT
    )
    assert check("Lavrov did not rule out a Biden-Putin summit and said contact with the US will continue.",
                 NOT_RULED_OUT).accepted
    assert check("Lavrov didn't rule out a Biden-Putin summit.", NOT_RULED_OUT).accepted
    denies = ["The Kremlin denies it is planning to attack and argues that NATO support for Ukraine is a threat."]
    assert "drops the negation" in rejected_for("The Kremlin is planning to attack, arguing NATO support for Ukraine "
                                                "is a threat.", denies)


def test_an_added_negation_is_rejected() -> None:
    assert "adds a negation" in rejected_for(
        "Blinken said the US is not prepared for another Biden-Putin summit.", SUMMIT
    )
    sources = ['"President Putin is always ready for contact with President Biden," Lavrov said, but the two sides '
               'were not in that position yet.', '"It is evident that these contacts need to be planned," he added.']
    assert "negates 'evident'" in rejected_for(
        "Putin is always ready for contact with Biden, and it is not evident that contacts need to be planned.",
        sources,
    )


def test_who_said_it_must_match_the_sources() -> None:
    assert "attributes to Lavrov" in rejected_for(
        "Lavrov said the two sides are on the clear path to understanding.",
        ["Blinken said the two sides are on the clear path to understanding, in talks with Lavrov."],
    )
    # the speaker may move to the end of the sentence
    assert check("The US will share its concerns with Russia in writing next week, Blinken said.",
                 ["Blinken said the US will share its concerns with Russia in writing next week."]).accepted


def test_swapped_roles_around_the_same_verb_are_rejected() -> None:
    assert "swaps the roles of Ukraine and Russia" in rejected_for(
        "Ukraine has amassed troops near Russia, officials said.",
        ["Russia has amassed troops near Ukraine, officials said."],
    )
    # the same names in another order around different words are a restructured sentence, not a swap
    assert check("Before meeting Lavrov on Friday, Blinken met his counterparts in Berlin.",
                 ["Blinken's meeting with Lavrov on Friday followed his meetings in Berlin with his counterparts."]
                 ).accepted


def test_an_invented_condition_is_rejected_and_a_sourced_one_accepted() -> None:
    assert "adds a condition: 'if the situation worsens'" in rejected_for(
        "Blinken said the US is fully prepared for another Biden-Putin summit if the situation worsens.", SUMMIT
    )
    assert check("Blinken said the US is fully prepared for another Biden-Putin summit if it proves useful.",
                 SUMMIT).accepted


def test_a_dropped_hedge_is_rejected() -> None:
    sources = ["Doctors upgraded the condition of the alleged gunman, who could face charges, police said.",
               'There will be further talks "at least at the level of foreign ministers," he said.']
    assert "drops 'alleged' before 'gunman'" in rejected_for("Doctors upgraded the condition of the gunman.", sources)
    assert "drops 'could' before 'face'" in rejected_for("The alleged gunman will face charges, police said.",
                                                         sources)
    assert "drops 'least' before 'level'" in rejected_for(
        "There will be further talks at the level of foreign ministers, he said.", sources
    )
    assert check("Police said the alleged gunman could face charges.", sources).accepted


def test_a_copied_phrase_with_another_name_in_front_is_rejected() -> None:
    # SmolLM2 did this on the sample cluster: both sides -> the US
    sources = ['Blinken said on Friday that both sides are "on a clear path to understanding".']
    assert "puts US where the sources have 'sides'" in rejected_for(
        "Blinken said the US is on a clear path to understanding.", sources
    )
    assert check("Both sides are on a clear path to understanding, Blinken said.", sources).accepted


def test_acronyms_are_names_even_at_the_start_of_a_sentence() -> None:
    sources = ["US Secretary of State also said the talks were frank."]
    assert check("The US Secretary of State said the talks were frank.", sources).accepted
    assert "name 'UK Secretary'" in rejected_for("The UK Secretary of State said the talks were frank.", sources)


def test_a_sentence_that_says_more_than_its_sources_is_rejected() -> None:
    note = rejected_for("Blinken and Lavrov met in Geneva and agreed to withdraw troops from the border.", MEETING)
    assert note == "says what the sources do not (new words: agr, troop, withdraw)"
    # verbs of reporting change no fact; irregular forms are the same word
    assert check("Blinken told reporters Lavrov met him in Geneva.",
                 ["Blinken said reporters saw Lavrov meeting him in Geneva."]).accepted


@pytest.mark.parametrize(
    "garbage",
    ["", "Blinken met.", "Blinken met Lavrov, Geneva.", "the the the the the the the the the",
     "Blinken met Lavrov in Geneva.\nLavrov met Blinken.", "Geneva Geneva Geneva Geneva Geneva Geneva"],
)
def test_garbage_is_rejected(garbage: str) -> None:
    assert not check(garbage, MEETING).accepted


def test_nothing_is_accepted_without_sources() -> None:
    assert rejected_for("Blinken and Lavrov met in Geneva.", []) == "no source sentences to check against"


def test_the_labelled_cases_are_well_formed() -> None:
    assert len({case["id"] for case in CASES}) == len(CASES)
    assert {case["label"] for case in CASES} == {"bad", "good"}
    bad_kinds = {case["kind"] for case in CASES if case["label"] == "bad"}
    assert {"number", "date", "entity", "quote", "negation", "speaker", "unsupported"} <= bad_kinds
    assert {case["origin"] for case in CASES} == {"written", "smollm2", "qwen-coder"}  # by hand, and real output
    for case in CASES:
        assert case["sources"] and all(isinstance(s, str) and s for s in case["sources"])
        assert case["candidate"] not in case["sources"]


def test_the_guard_meets_its_targets_on_the_labelled_cases() -> None:
    bad = [case for case in CASES if case["label"] == "bad"]
    good = [case for case in CASES if case["label"] == "good"]
    missed = [case["id"] for case in bad if check(case["candidate"], case["sources"]).accepted]
    refused = [case["id"] for case in good if not check(case["candidate"], case["sources"]).accepted]
    assert 1 - len(missed) / len(bad) >= 0.95, f"bad rewrites accepted: {missed}"
    assert 1 - len(refused) / len(good) >= 0.70, f"good rewrites rejected: {refused}"
