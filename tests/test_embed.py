"""Embedders: the labelled pairs are fit to measure with, name resolution, normalised vectors."""

import numpy as np
import pytest

from briefer.backends import embed
from briefer.backends.embed import (
    MINILM_HUB_ID,
    LexicalEmbedder,
    MiniLMEmbedder,
    StaticEmbedder,
    embedder_for,
    get_embedder,
    installed_minilm,
)
from briefer.errors import ModelError


def test_labelled_pairs_are_balanced_enough_to_measure_precision(pairs, labels):
    assert len(pairs) >= 150
    assert labels.sum() >= 100 and (~labels).sum() >= 100  # enough of each to measure precision and recall
    assert all(p.a != p.b for p in pairs)
    assert {p.cluster for p in pairs} > {"sample"}  # not tuned on one event only


def test_lexical_by_name():
    assert isinstance(get_embedder("lexical"), LexicalEmbedder)


@pytest.mark.weights
def test_minilm_by_name_loads_the_installed_weights():
    embedder = get_embedder("minilm")
    assert isinstance(embedder, MiniLMEmbedder)
    assert embedder.location == installed_minilm()


def test_default_is_the_shipped_static_model():
    embedder = get_embedder(None)
    assert isinstance(embedder, StaticEmbedder) and embedder.location == str(embed.STATIC_MODEL)
    assert isinstance(get_embedder("static"), StaticEmbedder)


def test_static_model_loads_without_torch_or_transformers():
    import subprocess
    import sys

    code = ("import sys; from briefer.backends.embed import get_embedder; "
            "get_embedder(None).encode(['Blinken met Lavrov.']); "
            "print(sorted(m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    assert result.stderr == ""  # no library chatter (model cards, progress bars) on the user's terminal


def test_static_rows_are_unit_length_and_similar_sentences_are_closer():
    vectors = get_embedder("static").encode([
        "Blinken and Lavrov met in Geneva on Friday.",
        "The US and Russian foreign ministers held talks in Geneva.",
        "Heavy rain flooded the north of England.",
        "",
    ])
    assert vectors.shape == (4, 256) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-5)
    assert not np.isnan(vectors).any()  # an empty text is a zero row, not NaN
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.1
    assert get_embedder("static").encode([]).shape == (0, 256)


@pytest.mark.weights
def test_local_folder_is_loaded_as_a_sentence_transformer():
    folder = installed_minilm()
    assert folder is not None
    embedder = get_embedder(folder)
    assert isinstance(embedder, MiniLMEmbedder) and embedder.location == folder
    assert embedder.encode(["Blinken met Lavrov in Geneva."]).shape == (1, 384)


def test_folder_without_a_model_is_a_model_error(tmp_path):
    with pytest.raises(ModelError, match="cannot load the sentence embedder"):
        get_embedder(str(tmp_path))


def test_unknown_name_is_a_model_error():
    with pytest.raises(ModelError, match="unknown embedder 'bert'"):
        get_embedder("bert")


def test_hub_id_without_allow_download_is_a_model_error():
    with pytest.raises(ModelError, match="--allow-download"):
        get_embedder("sentence-transformers/all-mpnet-base-v2")


def test_hub_id_with_allow_download_is_passed_to_the_loader(monkeypatch):
    loaded = []
    monkeypatch.setattr(embed, "_load_sentence_transformer", loaded.append)  # no network in tests
    embedder = get_embedder("sentence-transformers/all-mpnet-base-v2", allow_download=True)
    assert isinstance(embedder, MiniLMEmbedder)
    assert loaded == ["sentence-transformers/all-mpnet-base-v2"]


def test_missing_minilm_is_a_model_error_when_asked_for(monkeypatch):
    monkeypatch.setattr(embed, "installed_minilm", lambda: None)
    with pytest.raises(ModelError, match="not installed"):
        get_embedder("minilm")


def test_without_model2vec_the_default_falls_back_to_lexical_with_a_warning(monkeypatch):
    real_find_spec = embed.importlib.util.find_spec
    monkeypatch.setattr(embed.importlib.util, "find_spec",
                        lambda name, *a: None if name == "model2vec" else real_find_spec(name, *a))
    warnings: list[str] = []
    assert isinstance(embedder_for(None, allow_download=False, warnings=warnings), LexicalEmbedder)
    assert warnings == ["model2vec not installed, grouping claims by word overlap: pip install model2vec"]
    with pytest.raises(ModelError, match="needs model2vec"):
        get_embedder("static")


def test_missing_minilm_is_fetched_from_the_hub_only_with_allow_download(monkeypatch):
    loaded = []
    monkeypatch.setattr(embed, "installed_minilm", lambda: None)
    monkeypatch.setattr(embed, "_load_sentence_transformer", loaded.append)
    assert get_embedder("minilm", allow_download=True).location == MINILM_HUB_ID
    assert loaded == [MINILM_HUB_ID]


def test_lexical_rows_are_unit_length_and_empty_text_is_a_zero_row():
    texts = ["Blinken and Lavrov met in Geneva on Friday.", "Talks talks talks.", "It is as it was."]
    vectors = LexicalEmbedder().encode(texts)
    norms = np.linalg.norm(vectors, axis=1)
    assert np.allclose(norms[:2], 1.0, atol=1e-6)
    assert norms[2] == 0.0  # only stopwords: nothing to compare, and no NaN from dividing by zero
    assert not np.isnan(vectors).any()


@pytest.mark.weights
def test_minilm_rows_are_unit_length(minilm):
    vectors = minilm.encode(["Blinken and Lavrov met in Geneva.", "Russia massed troops near Ukraine."])
    assert vectors.shape == (2, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert minilm.encode([]).shape == (0, 384)
