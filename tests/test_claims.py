import numpy as np

from briefer.claims import group_claims
from briefer.embed import LexicalEmbedder
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
    claims = group_claims(sentences, vectors, threshold=LexicalEmbedder.claim_threshold).claims
    assert sorted(c.article_ids for c in claims) == [("a1", "a2"), ("a2",)]


def test_average_linkage_does_not_chain_different_statements_together():
    # a~b and b~c are close, but a and c are far apart: single linkage would glue all three.
    vectors = unit([1.0, 0.0], [0.8, 0.6], [0.28, 0.96])
    sentences = [sentence(f"a{i}", 0, f"Statement number {i} is a full sentence here.") for i in (1, 2, 3)]
    assert float(vectors[0] @ vectors[1]) >= 0.79 and float(vectors[1] @ vectors[2]) >= 0.79
    claims = group_claims(sentences, vectors, threshold=0.79).claims
    assert max(len(c.sentences) for c in claims) == 2
    assert len(claims) == 2


def test_representative_is_self_contained_not_a_dangling_pronoun_sentence():
    sentences = [
        sentence("a1", 5, 'He said the talks were "frank and substantive."'),
        sentence("a2", 2, 'Blinken said the talks with Lavrov were "frank and substantive."'),
    ]
    vectors = unit([1.0, 0.05], [1.0, 0.0])
    claim = group_claims(sentences, vectors, threshold=0.9).claims[0]
    assert claim.representative.article_id == "a2"
    assert [s.article_id for s in claim.evidence()] == ["a1", "a2"]


def test_no_sentences_gives_no_claims():
    assert group_claims([], np.zeros((0, 8), dtype=np.float32), threshold=0.5).claims == ()
