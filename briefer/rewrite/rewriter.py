"""The optional abstractive pass: a local model fuses each point's source sentences into one sentence and writes
the lede and headline, and every line it writes must pass ``briefer.rewrite.guard`` or the extractive text stays.

Citations never change here: a point is rewritten only from its own evidence (one sentence per cited article),
so the fused sentence cites exactly the articles it was made from. Two model families sit behind one small
interface, ``Rewriter.generate(tasks)``: chat LMs (``AutoModelForCausalLM`` with a chat template; an instruction
and the sources as the user message) and seq2seq summarizers (``AutoModelForSeq2SeqLM``: BART, T5, PEGASUS; the
sources joined as the input). Models come from a folder, an alias under ``models/``, a GGUF file (converted once
into ``models/``) or a Hugging Face hub id (only from the local cache unless downloads are allowed).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Protocol

from briefer.rewrite import guard, modelstore
from briefer.backends.registry import Registry, backends
from briefer.errors import ModelError
from briefer.core.headline import MAX_GENERATED_HEADLINE_WORDS
from briefer.text.lexicon import DANGLING_WORDS
from briefer.text.sentences import split_sentences
from briefer.types import Brief, Point, Progress

log = logging.getLogger(__name__)

TaskKind = Literal["point", "lede", "headline"]

MAX_NEW_TOKENS: dict[TaskKind, int] = {"point": 64, "lede": 72, "headline": 24}
BATCH_SIZE = 4
_INSTRUCTIONS: dict[TaskKind, str] = {
    "point": "You are a news editor. You combine the sentences from news reports that the user sends into one "
    "short sentence, using only the facts they state.",
    "lede": "You are a news editor. You write the opening sentence of a news brief from the sentences from news "
    "reports that the user sends, using only the facts they state.",
    "headline": "You are a news editor. You write a headline of at most 12 words for the news in the sentences "
    "that the user sends, using only the facts they state.",
}
_HUB_ID = re.compile(r"[\w.-]+/[\w.-]+")
_PREAMBLE = re.compile(r"^(?:here(?:'s| is)[^:]*:|(?:rewritten |fused |combined )?(?:sentence|headline|lede)\s*:)\s*",
                       re.I)


@dataclass(frozen=True)
class Task:
    """One thing to write: a point, the lede or the headline, from its source sentences."""

    kind: TaskKind
    sources: tuple[str, ...]


class Rewriter(Protocol):
    """A loaded model that writes one text per task, in order."""

    name: str

    def generate(self, tasks: Sequence[Task], progress: Progress | None = None) -> list[str]: ...


class _TransformersRewriter:
    """Batching and decoding shared by both families; a family only says how a batch becomes model input."""

    def __init__(self, name: str, model: Any, tokenizer: Any) -> None:
        self.name = name
        self.model = model.eval()
        self.tokenizer = tokenizer

    def generate(self, tasks: Sequence[Task], progress: Progress | None = None) -> list[str]:
        import torch
        from transformers import GenerationConfig

        outputs: dict[int, str] = {}
        for batch in _batches(tasks):
            inputs = self._encode([tasks[i] for i in batch])
            config = GenerationConfig(
                max_new_tokens=MAX_NEW_TOKENS[tasks[batch[0]].kind],
                do_sample=False,
                num_beams=1,
                pad_token_id=self.tokenizer.pad_token_id,
                eos_token_id=self._stop_ids(),
            )
            try:
                with torch.inference_mode():
                    generated = self.model.generate(**inputs, generation_config=config)
            except Exception as exc:  # a broken model fails inside torch or transformers in many ways
                raise ModelError(f"{self.name} failed while writing: {modelstore.first_line(exc)}") from None
            outputs.update(zip(batch, self._decode(inputs, generated)))
            log.info("rewriting with %s: %d/%d", self.name, len(outputs), len(tasks))
            if progress:
                progress(len(outputs), len(tasks))
        return [outputs[i] for i in range(len(tasks))]

    def _encode(self, tasks: list[Task]) -> Any:
        raise NotImplementedError

    def _decode(self, inputs: Any, generated: Any) -> list[str]:
        return self.tokenizer.batch_decode(generated, skip_special_tokens=True)

    def _stop_ids(self) -> list[int]:
        ids = {self.tokenizer.eos_token_id, getattr(self.model.generation_config, "eos_token_id", None)}
        flat = {i for item in ids for i in (item if isinstance(item, list) else [item]) if i is not None}
        return sorted(flat)


class ChatRewriter(_TransformersRewriter):
    """An instruction-tuned causal LM prompted through its chat template."""

    def __init__(self, name: str, model: Any, tokenizer: Any) -> None:
        if not getattr(tokenizer, "chat_template", None):
            raise ModelError(
                f"{name} has no chat template: use an instruction-tuned chat model or a seq2seq summarizer "
                "(see: briefer models list)"
            )
        tokenizer.padding_side = "left"  # generation continues from the right end of every row
        if tokenizer.pad_token_id is None:
            tokenizer.pad_token = tokenizer.eos_token
        super().__init__(name, model, tokenizer)
        self._system_role = self._accepts_system_role()

    def _encode(self, tasks: list[Task]) -> Any:
        prompts = [self._render(_messages(task, system_role=self._system_role)) for task in tasks]
        return self.tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False)

    def _render(self, messages: list[dict[str, str]]) -> str:
        return self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)

    def _accepts_system_role(self) -> bool:
        """Some chat templates (Gemma's) refuse a system message; the instruction then opens the user's."""
        try:
            self._render(_messages(Task("point", ("A test sentence.",)), system_role=True))
        except Exception:  # jinja2's TemplateError, raised from inside the model's own template
            return False
        return True

    def _decode(self, inputs: Any, generated: Any) -> list[str]:
        return super()._decode(inputs, generated[:, inputs["input_ids"].shape[1] :])


class Seq2SeqRewriter(_TransformersRewriter):
    """An encoder-decoder summarizer: the sources, joined, are the document to summarize."""

    def _encode(self, tasks: list[Task]) -> Any:
        params = getattr(self.model.config, "task_specific_params", None) or {}
        prefix = params.get("summarization", {}).get("prefix", "")  # T5 wants "summarize: "
        documents = [prefix + " ".join(task.sources) for task in tasks]
        limit = min(getattr(self.tokenizer, "model_max_length", 1024) or 1024, 1024)
        return self.tokenizer(documents, return_tensors="pt", padding=True, truncation=True, max_length=limit)


def load_rewriter(spec: str, *, allow_download: bool = False) -> Rewriter:
    """The rewriter named by ``spec``: an alias under ``models/``, a folder, a ``.gguf`` file or a hub id.

    Loaded once per process. Nothing is fetched from the network unless ``allow_download`` is set.
    """
    spec = spec.strip()
    rewriter: Rewriter = backends().create(
        "rewriter", spec, allow_download=allow_download,
        unknown=f"unknown model {spec!r}: give an alias from 'briefer models list', a model folder, a .gguf file "
        "or a Hugging Face hub id",
    )
    return rewriter


def rewrite_brief(brief: Brief, rewriter: Rewriter, *, progress: Progress | None = None) -> Brief:
    """The brief with each point, the lede and the headline rewritten where the guard accepts the rewrite."""
    headline_sources = (brief.headline, *(s.text for s in brief.lede.evidence))
    tasks = [
        Task("lede", _sources(brief.lede)),
        *(Task("point", _sources(point)) for point in brief.points),
        Task("headline", headline_sources),
    ]
    written = rewriter.generate(tasks, progress)
    if len(written) != len(tasks):
        raise ModelError(f"{rewriter.name} returned {len(written)} texts for {len(tasks)} tasks")
    return replace(
        brief,
        lede=_guarded_point(brief.lede, written[0], "lede"),
        points=tuple(_guarded_point(p, text, "point") for p, text in zip(brief.points, written[1:-1])),
        headline=_guarded_headline(brief.headline, written[-1], headline_sources),
    )


def explain_rewrites(brief: Brief) -> str:
    """A plain-text account of which parts of the brief a model wrote and why any rewrite was rejected."""
    parts = [("lede", brief.lede), *((f"point {n}", p) for n, p in enumerate(brief.points, 1))]
    generated = sum(point.origin == "generated" for _, point in parts)
    lines = [f"{generated} of {len(parts)} texts written by the model and accepted by the guard; "
             f"{len(parts) - generated} extracted from the articles."]
    for label, point in parts:
        cited = ", ".join(point.citations)
        if point.origin == "generated":
            lines.append(f"{label}: generated from {cited}")
        elif point.guard_note:
            lines.append(f"{label}: extracted ({cited}); {point.guard_note}")
        else:
            lines.append(f"{label}: extracted ({cited}); no rewrite attempted")
    return "\n".join(lines)


def _batches(tasks: Sequence[Task]) -> list[list[int]]:
    """Task indices in batches of one kind (one token cap) and similar length (little padding)."""
    batches = []
    for kind in MAX_NEW_TOKENS:
        same_kind = sorted(
            (i for i, t in enumerate(tasks) if t.kind == kind), key=lambda i: len(" ".join(tasks[i].sources))
        )
        batches += [same_kind[start : start + BATCH_SIZE] for start in range(0, len(same_kind), BATCH_SIZE)]
    return batches


def _messages(task: Task, *, system_role: bool) -> list[dict[str, str]]:
    sources = "\n".join(task.sources)
    if system_role:
        return [{"role": "system", "content": _INSTRUCTIONS[task.kind]}, {"role": "user", "content": sources}]
    return [{"role": "user", "content": f"{_INSTRUCTIONS[task.kind]}\n\n{sources}"}]


def _sources(point: Point) -> tuple[str, ...]:
    return tuple(sentence.text for sentence in point.evidence)


def _guarded_point(point: Point, written: str, kind: TaskKind) -> Point:
    text = _clean(written, kind)
    problem = _shape_problem(text, point.text, kind)
    if problem is None and text == point.text:
        problem = "the model repeated the extracted sentence"
    if problem is None:
        verdict = guard.check(text, _sources(point))
        problem = None if verdict.accepted else verdict.note
    if problem is not None:
        return replace(point, origin="extracted", guard_note=f"rewrite rejected: {problem}")
    return replace(point, text=text, origin="generated", guard_note=None, following=())  # the rewrite fuses them


def _guarded_headline(headline: str, written: str, sources: Sequence[str]) -> str:
    text = _clean(written, "headline")
    if _shape_problem(text, headline, "headline") or not guard.check(text, sources).accepted:
        return headline
    return text


def _clean(written: str, kind: TaskKind) -> str:
    """The model's answer without list markers, labels, wrapping quotes or anything after its first sentence."""
    lines = [line.strip() for line in written.strip().splitlines() if line.strip()]
    text = _PREAMBLE.sub("", lines[0] if lines else "")
    text = re.sub(r"^(?:[-*•]|\d+[.)])\s+", "", text).strip()
    if len(text) > 1 and text[0] + text[-1] in ('""', "“”"):
        text = text[1:-1].strip()
    if kind == "headline":
        return text.rstrip(".").strip()
    spans = split_sentences(text)
    return text[spans[0][0] : spans[0][1]] if spans else text


def _shape_problem(text: str, extracted: str, kind: TaskKind) -> str | None:
    """What makes a rewrite unusable before its facts are even checked."""
    if not text:
        return "the model wrote nothing"
    words = len(text.split())
    if kind == "headline":
        if words > min(MAX_GENERATED_HEADLINE_WORDS, len(extracted.split())):
            return f"headline of {words} words, longer than the extracted one or {MAX_GENERATED_HEADLINE_WORDS}"
        return "the model did not finish its headline" if text.split()[-1].lower() in DANGLING_WORDS else None
    if not re.search(r"[.!?…][\"'”’)]*$", text):
        return "the model did not finish its sentence"
    if words > len(extracted.split()):
        return f"longer than the extracted sentence ({words} > {len(extracted.split())} words)"
    return None


def register(registry: Registry) -> None:
    """briefer's rewriters, registered as a plug-in's would be; tried in this order. Each is loaded locally unless
    downloads are allowed."""
    registry.add("rewriter", "gguf file", _from_gguf,
                 accepts=lambda spec, allow_download: spec.lower().endswith(".gguf"))
    registry.add("rewriter", "installed model", _from_store,
                 accepts=lambda spec, allow_download: modelstore.find_installed(spec) is not None)
    registry.add("rewriter", "model folder", _from_folder,
                 accepts=lambda spec, allow_download: Path(spec).expanduser().is_dir())
    registry.add("rewriter", "known model, not installed", _not_installed,
                 accepts=lambda spec, allow_download: spec in modelstore.KNOWN_MODELS)
    registry.add("rewriter", "hub id", _from_hub,
                 accepts=lambda spec, allow_download: bool(_HUB_ID.fullmatch(spec)))


def _from_gguf(spec: str, *, allow_download: bool) -> Rewriter:
    return _load(str(modelstore.converted_gguf(spec).path), local_only=not allow_download)


def _from_store(spec: str, *, allow_download: bool) -> Rewriter:
    return _load(str(modelstore.models_dir() / spec), local_only=not allow_download)  # models/<alias>, found above


def _from_folder(spec: str, *, allow_download: bool) -> Rewriter:
    folder = Path(spec).expanduser()
    if not (folder / "config.json").is_file():
        raise ModelError(f"{folder} is not a model folder (no config.json): pass a folder saved by transformers")
    return _load(str(folder.resolve()), local_only=not allow_download)


def _not_installed(spec: str, *, allow_download: bool) -> Rewriter:
    known = modelstore.KNOWN_MODELS[spec]
    raise ModelError(f"model {spec!r} is not installed in {modelstore.models_dir()}: {known.how_to_get}")


def _from_hub(spec: str, *, allow_download: bool) -> Rewriter:
    return _load(spec, local_only=not allow_download)


@lru_cache(maxsize=2)
def _load(source: str, *, local_only: bool) -> Rewriter:
    """Load once per process: a second brief in the same process reuses the model."""
    import torch
    from transformers import AutoConfig, AutoTokenizer

    torch.set_num_threads(free_cores())
    try:
        config = AutoConfig.from_pretrained(source, local_files_only=local_only)
        family = modelstore.family_of(config)
        tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=local_only)
        model_class = modelstore.model_class(family)
        model = model_class.from_pretrained(source, local_files_only=local_only, dtype=torch.float32)
    except Exception as exc:  # transformers, safetensors and the hub client raise many kinds; one line for the user
        raise ModelError(_load_failure(source, local_only, exc)) from None
    name = Path(source).name if Path(source).is_dir() else source
    return ChatRewriter(name, model, tokenizer) if family == "chat" else Seq2SeqRewriter(name, model, tokenizer)


def _load_failure(source: str, local_only: bool, exc: Exception) -> str:
    if not Path(source).is_dir() and local_only:
        return (f"{source} is not in the local Hugging Face cache: pass --allow-download to fetch it, or "
                f"install it once with 'briefer models add ALIAS --hub {source}'")
    reason = modelstore.first_line(exc)
    return (f"cannot load the model in {source}: {reason} "
            "(re-add it with 'briefer models add', see 'briefer models list')")


def free_cores() -> int:
    """Threads for torch: ``BRIEFER_THREADS``, else the cores not already busy (two threads on a busy
    two-core machine crawl)."""
    configured = os.environ.get("BRIEFER_THREADS", "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    busy = round(os.getloadavg()[0]) if hasattr(os, "getloadavg") else 0
    return max(1, cores - busy)
