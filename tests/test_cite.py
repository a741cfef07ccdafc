"""Citing through the support judge: every article whose sentence the judge accepts is cited, vetoes first."""

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from briefer.core.cite import cite, cite_quotations
from briefer.core.claims import ClaimSet
from briefer.errors import ModelError
from briefer.backends.judge import load_judge
from briefer.types import Point, Sentence

POINT = "Blinken said Washington would answer Russia's demands in writing next week."
STATES_IT = "The US will send Moscow a written reply to its demands next week, Blinken said."
NEGATED = "Blinken said the US would not answer Russia's demands in writing."
UNRELATED = "Tensions between Ukraine and Russia are at their highest in years."


@dataclass
class FakeJudge:
    """Accepts exactly the (premise, claim) pairs it is given; records what it was asked."""

    accepted: set[tuple[str, str]]
    name: str = "fake"
    threshold: float = 0.5
    asked: list[tuple[str, str]] = field(default_factory=list)

    def probabilities(self, pairs):  # type: ignore[no-untyped-def]
        self.asked += list(pairs)
        return np.array([0.9 if pair in self.accepted else 0.1 for pair in pairs], dtype=np.float32)


def sentence(article_id: str, index: int, text: str) -> Sentence:
    return Sentence(article_id, index, text, 0, len(text))


def encode(texts):  # type: ignore[no-untyped-def]
    """Every sentence close enough to be asked about, except the unrelated one."""
    return np.array([[0.0, 1.0] if t == UNRELATED else [1.0, 0.0] for t in texts], dtype=np.float32)


def claims_of(sentences: list[Sentence]) -> ClaimSet:
    empty = np.zeros((0, 2), dtype=np.float32)
    return ClaimSet((), empty, empty, (), sentences=tuple(sentences),
                    sentence_vectors=encode([s.text for s in sentences]))


def test_an_article_the_judge_accepts_is_cited_with_its_sentence_and_the_old_citations_stay():
    own = sentence("a1", 0, POINT)
    cluster = [own, sentence("a2", 0, UNRELATED), sentence("a2", 1, STATES_IT), sentence("a3", 0, NEGATED)]
    judge = FakeJudge({(STATES_IT, POINT), (NEGATED, POINT)})
    point = Point(POINT, ("a1",), (own,))
    [cited] = cite([point], claims_of(cluster), encode, judge)
    assert cited.citations == ("a1", "a2")
    assert [s.text for s in cited.evidence] == [POINT, STATES_IT]
    # a negated sentence is vetoed before the judge is asked; an unrelated sentence is not close enough to ask about
    assert (NEGATED, POINT) not in judge.asked and (UNRELATED, POINT) not in judge.asked


QUOTE = '"We are determined to complete this mission with or without a cease-fire," Netanyahu said on Thursday.'


@pytest.mark.parametrize(("text", "cited"), [
    # the same quotation in other words around it, by the same speaker or by nobody named
    ('"We are determined to complete this mission with or without a cease-fire," the prime minister told his cabinet.',
     True),
    ('Netanyahu vowed: "We are determined to complete this mission with or without a cease-fire."', True),
    # the same words given to someone else, or a sentence that only shares a few of them
    ('"We are determined to complete this mission with or without a cease-fire," Yaalon said, quoting Netanyahu\'s '
     "aide Ron Dermer.", False),
    ('Netanyahu said the army would finish "this mission" on Thursday.', False),
])
def test_an_article_that_quotes_a_point_word_for_word_is_cited_through_that_sentence(text, cited):
    own = sentence("a1", 0, QUOTE)
    other = sentence("a2", 3, text)
    [point] = cite_quotations([Point(QUOTE, ("a1",), (own,))], claims_of([own, other]))
    assert (point.citations == ("a1", "a2")) is cited
    assert (other in point.evidence) is cited


def test_a_title_in_quotes_is_not_what_a_point_reports():
    text = 'The film "Harry Potter and the Deathly Hallows Part 2" broke the opening-weekend record in Britain.'
    other = 'Fans queued for "Harry Potter and the Deathly Hallows Part 2" in costume across the country.'
    own = sentence("a1", 0, text)
    [point] = cite_quotations([Point(text, ("a1",), (own,))], claims_of([own, sentence("a2", 1, other)]))
    assert point.citations == ("a1",)


def test_nothing_is_cited_that_the_judge_rejects():
    own = sentence("a1", 0, POINT)
    cluster = [own, sentence("a2", 0, STATES_IT)]
    [cited] = cite([Point(POINT, ("a1",), (own,))], claims_of(cluster), encode, FakeJudge(set()))
    assert cited.citations == ("a1",)


@pytest.fixture(scope="module")
def tiny_nli(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A randomly initialised three-way NLI model and a word-level tokenizer: the real loading code runs."""
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import BertConfig, BertForSequenceClassification, PreTrainedTokenizerFast

    torch.manual_seed(0)
    words = sorted({w.strip(".,'") for t in (POINT, STATES_IT, NEGATED, UNRELATED) for w in t.split()})
    vocab = {token: i for i, token in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", *words])}
    core = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    core.pre_tokenizer = pre_tokenizers.Sequence([pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Punctuation()])
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=core, pad_token="[PAD]", unk_token="[UNK]",
                                        cls_token="[CLS]", sep_token="[SEP]")
    config = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=32, num_labels=3,
                        id2label={0: "contradiction", 1: "entailment", 2: "neutral"},
                        label2id={"contradiction": 0, "entailment": 1, "neutral": 2})
    folder = tmp_path_factory.mktemp("tiny-nli")
    BertForSequenceClassification(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def test_a_local_nli_model_loads_as_a_judge_and_reads_its_entailment_class(tiny_nli):
    judge = load_judge(str(tiny_nli))
    probabilities = judge.probabilities([(STATES_IT, POINT), (UNRELATED, POINT)] * 20)
    assert probabilities.shape == (40,) and np.all((probabilities > 0) & (probabilities < 1))
    assert probabilities[0] == pytest.approx(probabilities[2])  # batched alike, padded alike

    import torch

    model = judge.model  # type: ignore[attr-defined]
    inputs = judge.tokenizer([STATES_IT], [POINT], return_tensors="pt")  # type: ignore[attr-defined]
    with torch.inference_mode():
        expected = torch.softmax(model(**inputs).logits, dim=-1)[0, 1].item()
    assert probabilities[0] == pytest.approx(expected, abs=1e-5)


def test_a_judge_that_is_not_there_is_a_model_error_naming_the_fix(tmp_path):
    with pytest.raises(ModelError, match="not a model folder"):
        load_judge(str(tmp_path))
    with pytest.raises(ModelError, match="--allow-download"):
        load_judge("someone/not-cached-judge")
    with pytest.raises(ModelError, match="unknown judge"):
        load_judge("no such judge")


def test_the_cli_cites_through_a_judge_folder_and_names_a_missing_one(tiny_nli, tmp_path):
    import json

    from typer.testing import CliRunner

    from briefer.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["brief", "--sample", "--format", "json", "--out", "-", "--judge", str(tiny_nli)])
    assert result.exit_code == 0, result.output
    brief = json.loads(result.stdout)
    for point in [brief["lede_detail"], *brief["points"]]:
        assert [e["article_id"] for e in point["evidence"]] == point["citations"]
    missing = runner.invoke(app, ["brief", "--sample", "--judge", str(tmp_path / "nothing")])
    assert missing.exit_code == 4 and "unknown judge" in missing.output
