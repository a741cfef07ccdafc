"""Score a brief against reference notes, or briefer itself on a dataset with reference summaries.

BRIEF is a brief written by 'briefer brief' (.json, or .md with outlet names only).

NOTES.md: one fact per line or '- ' bullet, optionally tagged (core), ending with its sources in square brackets.

Sources are article ids (a1, a3) or outlet names (The Hill, Reuters).

Reported: ROUGE-1/2/Lsum against the notes, fact coverage (and the point stating each note), citation precision.

With --dataset FILE.jsonl, every cluster is briefed at --words and scored against its reference summaries.

Exit 1 when a --min-* threshold is not met, so the command can guard a CI job.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from briefer.cli import options
from briefer.config import Config, whole_number
from briefer.errors import ConfigError, UsageError

MEASURES = ("f1", "recall", "precision")


def evaluate_command(
    brief_path: Path | None = typer.Argument(
        None, metavar="BRIEF", help="A brief written by 'briefer brief' (.json or .md).", show_default=False
    ),
    notes: Path | None = typer.Option(None, "--notes", help="Reference notes: one fact per line or bullet."),
    dataset: Path | None = typer.Option(
        None, "--dataset", help="Brief and score every cluster of this JSONL (id, articles, references) instead."
    ),
    words: int | None = typer.Option(None, "--words", help="Word budget per brief with --dataset. (default: 250)"),
    limit: int | None = typer.Option(None, "--limit", help="Only the first N clusters of --dataset."),
    as_json: bool = typer.Option(False, "--json", help="Print the full report as JSON, for scripts."),
    measure: str = typer.Option("f1", "--measure", help="ROUGE figure shown and checked: f1, recall or precision."),
    min_rouge1: float | None = typer.Option(
        None, "--min-rouge1", help="Exit 1 if ROUGE-1 (--measure) is below this."
    ),
    min_coverage: float | None = typer.Option(
        None, "--min-coverage", help="Exit 1 if the share of notes covered is below this."
    ),
    min_core_coverage: float | None = typer.Option(
        None, "--min-core-coverage", help="Exit 1 if the share of (core) notes covered is below this."
    ),
    min_citation_precision: float | None = typer.Option(
        None, "--min-citation-precision", help="Exit 1 if citation precision is below this."
    ),
    matcher: str | None = typer.Option(
        None, "--matcher",
        help="How notes are matched to points: semantic (MiniLM + word overlap) or lexical. (default: semantic)",
    ),
    embedder: options.Embedder = None,
    allow_download: options.AllowDownload = None,
    config: Path | None = typer.Option(
        None, "--config", help="A briefer.toml: [evaluate] words and matcher; [brief] embedder, model, judge and "
        "[outlets] for the briefs built with --dataset."
    ),
) -> None:
    configured = Config.load(config)
    # Bad option values are exit 3, as for brief and daily (click's own range checks would make them 2).
    words = whole_number(configured.value("words", words, sections=("evaluate",), default=250, kind=int),
                         "--words", 20, 5000)
    matcher = configured.text("matcher", matcher, sections=("evaluate",), default="semantic")
    allow_download = configured.flag("allow_download", allow_download)
    if limit is not None:
        whole_number(limit, "--limit", 1)
    shares = {"--min-rouge1": min_rouge1, "--min-coverage": min_coverage, "--min-core-coverage": min_core_coverage,
              "--min-citation-precision": min_citation_precision}
    for name, share in shares.items():
        if share is not None and not 0.0 <= share <= 1.0:
            raise ConfigError(f"{name} must be a share from 0 to 1, not {share}")
    if measure not in MEASURES:
        raise ConfigError(f"unknown --measure {measure!r}: choose f1, recall or precision")
    if dataset is not None:
        if brief_path is not None or notes is not None:
            raise ConfigError("give either BRIEF --notes NOTES.md or --dataset FILE.jsonl, not both")
        if any(v is not None for v in (min_coverage, min_core_coverage, min_citation_precision)):
            raise ConfigError("--min-coverage and --min-citation-precision need notes: use them with BRIEF --notes")
        from dataclasses import replace

        from briefer.settings import brief_settings

        # evaluate's budgets go lower than a brief's (scoring short summaries), so words are set after the rest.
        configured_brief = brief_settings(configured, embedder=embedder,
                                          allow_download=allow_download)
        settings = replace(configured_brief, words=words)
        _evaluate_dataset(dataset, settings, limit, as_json, measure, min_rouge1)
        return
    if brief_path is None or notes is None:
        problem = ConfigError if brief_path is not None else UsageError  # no input at all is usage, as for brief
        raise problem("give a brief and its notes (briefer evaluate BRIEF --notes NOTES.md) or --dataset FILE.jsonl")

    from briefer.evaluate.content import read_brief
    from briefer.evaluate.matchers import get_matcher
    from briefer.evaluate.notes import read_notes
    from briefer.evaluate.scoring import evaluate_brief

    content, reference = read_brief(brief_path), read_notes(notes)
    evaluation = evaluate_brief(content, reference, get_matcher(matcher, allow_download=allow_download))
    if as_json:
        typer.echo(json.dumps(evaluation.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_evaluation(evaluation, measure)
    _check_thresholds([
        ("ROUGE-1 " + measure, evaluation.rouge.get("rouge1", measure), min_rouge1),
        ("fact coverage", evaluation.coverage, min_coverage),
        ("core fact coverage", evaluation.core_coverage, min_core_coverage),
        ("citation precision", evaluation.citation_precision, min_citation_precision),
    ])


def _evaluate_dataset(path: Path, settings, limit: int | None,  # type: ignore[no-untyped-def]
                      as_json: bool, measure: str, min_rouge1: float | None) -> None:
    from briefer.cli import progress_bar
    from briefer.evaluate.datasets import evaluate_dataset

    with progress_bar(enabled=True) as report:
        result = evaluate_dataset(
            path, settings, limit=limit, on_cluster=lambda done, total: report("briefing clusters", done, total)
        )
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_dataset(result, measure)
    _check_thresholds([("mean ROUGE-1 " + measure, result.mean.get("rouge1", measure), min_rouge1)])


def _print_evaluation(evaluation, measure: str) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(_rouge_line(evaluation.rouge, measure))
    core = evaluation.core_coverage
    covered = sum(m.covered for m in evaluation.matches)
    console.print(
        f"fact coverage {evaluation.coverage:.2f} ({covered}/{len(evaluation.matches)} notes)"
        + (f", core {core:.2f}" if core is not None else "")
        + f"  \\[matcher {evaluation.matcher}, threshold {evaluation.threshold:.2f}]"  # escaped: rich reads [...] as markup
    )
    precision, recall = evaluation.citation_precision, evaluation.citation_recall
    if precision is None:
        console.print("citation precision: not judged (no covered note names its sources)")
    else:
        console.print(f"citation precision {precision:.2f}, recall {recall:.2f}")

    notes = Table("line", "covered", "score", "note", "stated by (0 = lede)", show_lines=True)
    for match in evaluation.matches:
        mark = "yes" if match.covered else "[red]no[/red]"
        tag = " (core)" if match.note.core else ""
        where = f"{match.item}: {match.item_text}" if match.item is not None else ""
        if match.span and match.span != match.item_text:
            where += f"\n(matched: {match.span})"
        notes.add_row(str(match.note.line), mark, f"{match.score:.3f}", _plain(match.note.text + tag), _plain(where))
    console.print(notes)
    for check in evaluation.citations:
        if check.wrong:
            console.print(f"[red]item {check.item} cites {', '.join(check.wrong)}, which report none of its notes[/red]")


def _print_dataset(result, measure: str) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console

    console = Console()
    summary = result.to_dict()
    console.print(f"{summary['clusters']} clusters of {_plain(result.dataset)}, {result.words}-word briefs "
                  f"(mean {summary['mean_scored_words']:.0f} words scored)")
    console.print(_rouge_line(result.mean, measure, prefix="mean "))
    for problem in summary["problems"]:
        console.print(f"[yellow]cluster {_plain(problem['id'])} scored as empty: {_plain(problem['problem'])}[/yellow]")


def _rouge_line(scores, measure: str, prefix: str = "") -> str:  # type: ignore[no-untyped-def]
    figures = ", ".join(
        f"{label} {scores.get(kind, measure) * 100:.2f}"
        for label, kind in (("R-1", "rouge1"), ("R-2", "rouge2"), ("R-Lsum", "rougeLsum"))
    )
    return f"{prefix}ROUGE {measure}: {figures}"


def _plain(text: str) -> str:
    """Untrusted text shown through rich: its square brackets must not be read as markup."""
    from rich.markup import escape

    return escape(text)


def _check_thresholds(checks: list[tuple[str, float | None, float | None]]) -> None:
    from briefer.cli import fail

    short = []
    for name, value, minimum in checks:
        if minimum is not None and value is None:
            short.append(f"{name} not measured (the notes give no core facts or no sources)")
        elif minimum is not None and value is not None and value < minimum:
            short.append(f"{name} {value:.2f} < {minimum:.2f}")
    if short:
        fail("brief falls short: " + "; ".join(short), 1)
