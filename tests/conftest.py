"""Shared builders: tiny clusters from strings, the bundled sample, and embedders loaded once per session."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from briefer.evaluate.pairs import LabelledPair, read_pairs
from briefer.types import Article

REPO = Path(__file__).resolve().parents[1]
# Three short reports of one meeting, for tests that need a small real-looking cluster on disk.
GENEVA_TEXTS = [
    "Blinken and Lavrov met in Geneva on Friday for talks on Ukraine. The United States will reply in writing next "
    "week. Both sides called the meeting frank and useful.",
    "US Secretary of State Blinken met Russian Foreign Minister Lavrov in Geneva on Friday. Washington will reply in "
    "writing next week, Blinken said. No breakthrough was announced after the talks.",
    "Blinken told Lavrov in Geneva that the United States will reply in writing next week. The talks on Ukraine "
    "lasted ninety minutes. Both sides called the meeting frank and useful.",
]


@pytest.fixture(autouse=True)
def _isolated_user_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the developer's own ~/.config/briefer or BRIEFER_* settings."""
    monkeypatch.setenv("BRIEFER_HOME", str(tmp_path_factory.mktemp("briefer-home")))
    for name in ("LENGTH", "WORDS", "FORMAT", "EMBEDDER", "MODEL", "ALLOW_DOWNLOAD", "TEMPLATE_DIR"):
        monkeypatch.delenv(f"BRIEFER_{name}", raising=False)


def make_article(article_id: str, text: str, **fields: str | None) -> Article:
    return Article(id=article_id, text=text, **fields)


@pytest.fixture(scope="session")
def pairs() -> list[LabelledPair]:
    """The hand-labelled cross-article sentence pairs of tests/data/claim_pairs.jsonl."""
    return read_pairs(REPO / "tests" / "data" / "claim_pairs.jsonl")


@pytest.fixture(scope="session")
def labels(pairs):
    import numpy as np

    return np.array([p.same_claim for p in pairs])


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return Path(str(resources.files("briefer.data") / "sample"))


@pytest.fixture(scope="session")
def minilm():
    """The real all-MiniLM-L6-v2 embedder (installed with briefer[embed]); loaded once for the session."""
    from briefer.backends.embed import get_embedder

    return get_embedder("minilm")


@pytest.fixture(scope="session")
def sample_brief(sample_dir: Path):
    """The extractive brief of the sample cluster with every default (length, embedder), as users get it."""
    from briefer.ingest.load import load_cluster
    from briefer.pipeline import build_brief

    loaded = load_cluster(sample_dir)
    return build_brief(loaded.articles, warnings=loaded.problems)
