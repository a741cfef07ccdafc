"""Embedders: the labelled pairs are fit to measure with, name resolution, normalised vectors."""

import numpy as np
import pytest

from briefer import embed
from briefer.embed import MINILM_HUB_ID, LexicalEmbedder, MiniLMEmbedder, get_embedder, installed_minilm
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


@pytest.mark.weights
def test_default_is_minilm_when_installed():
    assert isinstance(get_embedder(None), MiniLMEmbedder)


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


def test_missing_minilm_falls_back_to_lexical_by_default_but_not_when_asked_for(monkeypatch):
    monkeypatch.setattr(embed, "installed_minilm", lambda: None)
    assert isinstance(get_embedder(None), LexicalEmbedder)
    with pytest.raises(ModelError, match="not installed"):
        get_embedder("minilm")


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
