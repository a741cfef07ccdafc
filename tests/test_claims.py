import numpy as np
import pytest

from briefer.core.claims import compatible, group_claims, reported_content, standalone_text
from briefer.backends.embed import LexicalEmbedder
from briefer.core.support import CITE_BY_COSINE
from briefer.types import Sentence


def sentence(article_id: str, index: int, text: str) -> Sentence:
    return Sentence(article_id=article_id, index=index, text=text, start=0, end=len(text))


def unit(*rows: list[float]) -> np.ndarray:
    matrix = np.array(rows, dtype=np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def test_paraphrases_from_different_articles_become_one_claim_citing_both():
    sentences = [
        sentence("a1", 0, "Blinken and Lavrov met in Geneva on Friday for ninety minutes."),
        sentence("a2", 3, "On Friday Blinken and Lavrov met in Geneva for an hour and a half."),
        sentence("a2", 4, "Russia has massed tens of thousands of troops near the border."),
    ]
    vectors = LexicalEmbedder().encode([s.text for s in sentences])
    claims = group_claims(sentences, vectors, threshold=0.55, group_threshold=0.3, support=CITE_BY_COSINE).claims
    assert sorted(c.article_ids for c in claims) == [("a1", "a2"), ("a2",)]


def test_average_linkage_does_not_chain_different_statements_together():
    # a~b and b~c are close, but a and c are far apart: single linkage would glue all three.
    vectors = unit([1.0, 0.0], [0.8, 0.6], [0.28, 0.96])
    sentences = [sentence(f"a{i}", 0, text) for i, text in
                 ((1, "Alpha opened the talks in Geneva."), (2, "Beta left the summit early."),
                  (3, "Gamma signed a trade deal with Oslo."))]
    assert float(vectors[0] @ vectors[1]) >= 0.79 and float(vectors[1] @ vectors[2]) >= 0.79
    claims = group_claims(sentences, vectors, threshold=0.79, group_threshold=0.79, support=CITE_BY_COSINE).claims
    assert max(len(c.sentences) for c in claims) == 2
    assert len(claims) == 2


def test_representative_is_self_contained_not_a_dangling_pronoun_sentence():
    sentences = [
        sentence("a1", 5, 'He said the talks were "frank and substantive."'),
        sentence("a2", 2, 'Blinken said the talks with Lavrov were "frank and substantive."'),
    ]
    vectors = unit([1.0, 0.05], [1.0, 0.0])
    claim = group_claims(sentences, vectors, threshold=0.9, group_threshold=0.5, support=CITE_BY_COSINE).claims[0]
    assert claim.representative.article_id == "a2"
    assert [s.article_id for s in claim.evidence()] == ["a1", "a2"]  # citations in input order


def test_no_sentences_gives_no_claims():
    assert group_claims([], np.zeros((0, 8), dtype=np.float32), threshold=0.5, group_threshold=0.3).claims == ()


def test_conflicting_numbers_speakers_or_negation_never_merge_even_at_cosine_one():
    pairs = [
        ("The aftershock had a magnitude of 6.6, officials said.", "The aftershock had a magnitude of 5.8, officials said."),
        ("Blinken said the talks were frank and useful.", "Lavrov said the talks were frank and useful."),
        ("Lavrov did not rule out a summit between the presidents.", "Lavrov ruled out a summit between the presidents."),
        # one template per suspect in a police list: other people, told apart by their ages
        ("Willie Fuentes Strickland, 42, of Fairmont, was charged with two counts of felony conspiracy.",
         "Shellia Huggins, 19, of Fairmont, was charged with two counts of felony conspiracy."),
    ]
    for a, b in pairs:
        assert not compatible(a, b)
        claims = group_claims([sentence("a1", 0, a), sentence("a2", 0, b)], unit([1.0, 0.0], [1.0, 0.0]),
                              threshold=0.8, group_threshold=0.5).claims
        assert [c.article_ids for c in claims] == [("a1",), ("a2",)], (a, b)


def test_same_fact_with_extra_detail_is_compatible():
    assert compatible("All 228 people on board were killed, Brazil said.", "The plane carried 228 people.")
    assert compatible('"We are ready," Blinken said.', "Blinken said the US was ready for talks.")
    assert compatible("Shellia Huggins, 19, of Fairmont, was charged with arson.",
                      "Huggins, 19, faces two counts of felony arson, police said.")
    # the ranker asks whether a reader would see a repeat: the next suspect in the same words is one
    assert compatible("Willie Fuentes Strickland, 42, of Fairmont, was charged with two counts of felony conspiracy.",
                      "Shellia Huggins, 19, of Fairmont, was charged with two counts of felony conspiracy.", ages=False)


def test_an_article_is_cited_only_through_a_sentence_close_to_the_shown_one():
    # a1 and a3 are each close to a2 but not to each other: whichever is shown, every cited sentence is close to it.
    vectors = unit([1.0, 0.0], [0.9, 0.436], [0.75, 0.66])
    sentences = [sentence("a1", 0, "Officials confirmed the bridge will reopen on Monday morning."),
                 sentence("a2", 0, "The bridge will reopen Monday morning, officials confirmed today."),
                 sentence("a3", 0, "Officials say the bridge reopens early next week after repairs.")]
    row = {s.article_id: i for i, s in enumerate(sentences)}
    claims = group_claims(sentences, vectors, threshold=0.85, group_threshold=0.85, support=CITE_BY_COSINE).claims
    assert sorted(c.representative.article_id for c in claims) == ["a1", "a2"]
    for claim in claims:
        shown = row[claim.representative.article_id]
        assert all(float(vectors[shown] @ vectors[row[s.article_id]]) >= 0.85 for s in claim.sentences)
    assert next(c for c in claims if c.representative.article_id == "a1").article_ids == ("a1", "a2")


def test_a_loose_group_is_one_claim_but_cites_only_what_passes_the_strict_test():
    vectors = unit([1.0, 0.0], [0.99, 0.141], [0.8, 0.6])  # a3 is 0.8 and 0.88 from the others
    sentences = [sentence("a1", 0, "The council approved the new city budget on Monday evening."),
                 sentence("a2", 0, "On Monday evening the council approved the city budget."),
                 sentence("a3", 0, "The city budget passed the council after a long debate.")]
    claim_set = group_claims(sentences, vectors, threshold=0.9, group_threshold=0.7)
    assert len(claim_set.claims) == 1
    claim = claim_set.claims[0]
    assert claim.representative.article_id in ("a1", "a2")
    assert "a3" not in claim.article_ids
    assert claim_set.article_ids == ("a1", "a2", "a3") and claim_set.reach[0, 2] >= 0.8  # a3 counts for ranking


@pytest.mark.parametrize(("text", "reported"), [
    ('"We are certainly prepared to do that," said Blinken at a press conference after his meeting with Lavrov.',
     '"We are certainly prepared to do that,"'),
    ('"Putin is always ready for contact with Biden," Lavrov added but said they were not there yet.',
     '"Putin is always ready for contact with Biden,"'),
    ("At a news conference following the meeting, Lavrov said that the US had agreed to send written answers.",
     "the US had agreed to send written answers."),
    ("According to Sputnik, Blinken also reiterated the US threats of a severe response.",
     "the US threats of a severe response."),
    ("US Secretary of State Antony Blinken said Friday that Biden was ready to meet Putin.",
     "Biden was ready to meet Putin."),
    ("Talks will go on next week, Blinken said on Friday.", "Talks will go on next week"),
    ("In 2016, West tweeted that he was in debt.", "he was in debt."),  # the comma ends an opening, not a statement
    ("The earthquake killed at least 214 people in Chile.", "The earthquake killed at least 214 people in Chile."),
    ("In the past week, Russia massed troops near the border.", "In the past week, Russia massed troops near the border."),
    # a verb of saying inside a quotation attributes nothing: the sentence is not cut there
    ('The film quotes the old rhyme "a man who says his prayers by night may become a wolf" in its opening scene.',
     'The film quotes the old rhyme "a man who says his prayers by night may become a wolf" in its opening scene.'),
])
def test_reported_content_strips_who_said_it_and_where(text, reported):
    assert reported_content(text) == reported


def test_with_reported_encodes_what_each_representative_reports_in_one_call():
    sentences = [sentence("a1", 0, "Blinken said the talks would go on."), sentence("a2", 0, "The talks ended.")]
    calls: list[list[str]] = []

    def encode(texts):
        calls.append(list(texts))
        return unit(*([1.0, float(k)] for k in range(len(texts))))

    claim_set = group_claims(sentences, unit([1.0, 0.0], [0.0, 1.0]), threshold=0.9, group_threshold=0.9,
                             support=CITE_BY_COSINE)
    with_reported = claim_set.with_reported(encode)
    assert calls == [["the talks would go on.", "The talks ended."]]
    np.testing.assert_allclose(with_reported.reported_vectors, unit([1.0, 0.0], [1.0, 1.0]))
    assert claim_set.reported is None and claim_set.reported_vectors is claim_set.vectors


def test_worded_reach_counts_the_rare_words_an_article_repeats_not_the_framing_it_shares():
    """a2 repeats what a1 reports in other words around the same rare ones; a3 shares only the press-conference
    framing that every article has. Embeddings put both near a1; ``worded`` tells them apart."""
    sentences = [
        sentence("a1", 0, "At a press conference after the meeting with Lavrov, Blinken said the US would reply in "
                          "writing next week."),
        sentence("a2", 0, "Washington is to send its reply to Moscow in writing next week."),
        sentence("a3", 0, "At a press conference after the meeting with Lavrov, Blinken said the talks were useful."),
        sentence("a4", 0, "Blinken spoke at a press conference after the meeting with Lavrov in Geneva."),
    ]
    vectors = unit(*([1.0, 0.1 * k] for k in range(4)))  # all close, as a story's sentences are
    claim_set = group_claims(sentences, vectors, threshold=0.999, group_threshold=0.999, support=CITE_BY_COSINE)
    row = next(k for k, c in enumerate(claim_set.claims) if c.representative.article_id == "a1")
    worded = dict(zip(claim_set.article_ids, claim_set.worded_reach[row]))
    assert worded["a1"] == pytest.approx(1.0)
    assert worded["a2"] > 0.5 > worded["a3"]


@pytest.mark.parametrize(
    ("sentence_text", "shown"),
    [
        ("However, senior diplomats decided to continue their discussions.",
         "Senior diplomats decided to continue their discussions."),
        ("Additionally, the senior US official said the US would answer in writing.",
         "The senior US official said the US would answer in writing."),
        ('Meanwhile, "we are ready," Lavrov said.', '"We are ready," Lavrov said.'),
        ("On the other hand, Lavrov said Russia never threatened Ukraine.", "Lavrov said Russia never threatened Ukraine."),
        # No comma: the word belongs to the sentence ("However the talks end, ..."), except an opening "And" or "But"
        ("However the talks end, sanctions stay.", "However the talks end, sanctions stay."),
        ("But Caballero may have fled the state, police said.", "Caballero may have fled the state, police said."),
        ("And on Oct. 19, a deputy was shot.", "On Oct. 19, a deputy was shot."),
        ("But, he said, the vote passed.", "But, he said, the vote passed."),
        ("Andrew Smith said the vote passed.", "Andrew Smith said the vote passed."),
        ("Blinken met Lavrov; however, nothing was agreed.", "Blinken met Lavrov; however, nothing was agreed."),
        # discourse markers that answer a sentence before ("In fact, ...", "As a result, ...", "For example, ...")
        ("In fact, a journal article published online Monday argues that dinosaurs cooed.",
         "A journal article published online Monday argues that dinosaurs cooed."),
        ("As a result, Mars now has more deuterium in its water than Earth does.",
         "Mars now has more deuterium in its water than Earth does."),
        ("In fact it rained.", "In fact it rained."),  # no comma: left as it is
    ],
)
def test_a_point_is_shown_without_an_opening_connective_that_points_at_an_unseen_sentence(sentence_text, shown):
    assert standalone_text(sentence_text) == shown


@pytest.mark.parametrize(
    ("sentence_text", "shown"),
    [
        ("A HUNTER who killed and ate a wild rabbit has been hit by the plague.",
         "A hunter who killed and ate a wild rabbit has been hit by the plague."),
        ("A THIRD case of the plague has been reported.", "A third case of the plague has been reported."),
        ("THE hunter has died.", "The hunter has died."),
        ("WASHINGTON Obesity is a burden.", "Obesity is a burden."),  # a dateline whose dash was lost
        ("BORIS Johnson has promised a vote.", "BORIS Johnson has promised a vote."),  # a name: "johnson" never written
        ("NASA has picked five companies.", "NASA has picked five companies."),  # never written otherwise
        ("WHO officials said the outbreak was contained.", "WHO officials said the outbreak was contained."),
        ("SHOCKING scenes unfolded.", "SHOCKING scenes unfolded."),  # the article never writes "shocking"
    ],
)
def test_a_point_is_shown_without_the_capitals_a_tabloid_opens_with(sentence_text, shown):
    article = (f"{sentence_text} Hunter and prey. The hunter was taken to hospital, the third this month. "
               "Boris Johnson spoke. Who knew? The WHO said so. NASA agreed. In Washington, obesity rose.")
    assert standalone_text(sentence_text, article) == shown
