"""Assert a brief against reference notes in your own tests.

    from pathlib import Path
    from briefer.testing import assert_brief_covers

    def test_brief_keeps_the_facts(brief_matcher):
        brief = briefer.brief_from_path("cluster/")
        assert_brief_covers(brief, Path("notes.md"), min_coverage=0.8, matcher=brief_matcher)

Installed with briefer, this module is also a pytest plugin (entry point ``pytest11``): the session-scoped
``brief_matcher`` fixture loads the MiniLM matcher once for the whole test run, so many assertions stay fast.
Importing it costs nothing until a test uses it: the model loads inside the fixture.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from briefer.evaluate.content import BriefContent, read_brief
from briefer.evaluate.matchers import Matcher, get_matcher
from briefer.evaluate.notes import Note, parse_notes, read_notes
from briefer.evaluate.scoring import Evaluation, evaluate_brief
from briefer.types import Brief

__all__ = ["assert_brief_covers", "brief_matcher"]


def assert_brief_covers(
    brief: Brief | BriefContent | Path,
    notes: Path | str | Sequence[Note],
    *,
    min_coverage: float = 1.0,
    min_core_coverage: float | None = None,
    min_citation_precision: float | None = None,
    matcher: Matcher | None = None,
) -> Evaluation:
    """Fail with a readable message unless ``brief`` states enough of ``notes`` and cites them correctly.

    ``brief`` is a ``Brief``, or the path of a JSON/Markdown brief; ``notes`` a notes file (``Path``), notes text
    (``str``) or parsed notes. Returns the evaluation, for further asserts.
    """
    if isinstance(brief, Path):
        brief = read_brief(brief)
    if isinstance(notes, Path):
        notes = read_notes(notes)
    elif isinstance(notes, str):
        notes = parse_notes(notes)
    evaluation = evaluate_brief(brief, notes, matcher)
    problems = []
    if evaluation.coverage < min_coverage:
        problems.append(f"fact coverage {evaluation.coverage:.2f} < {min_coverage:.2f}")
    core = evaluation.core_coverage
    if min_core_coverage is not None and (core is None or core < min_core_coverage):
        problems.append("no (core) notes to check" if core is None else f"core coverage {core:.2f} < {min_core_coverage:.2f}")
    precision = evaluation.citation_precision
    if min_citation_precision is not None and (precision is None or precision < min_citation_precision):
        problems.append("no citations could be judged (notes without sources?)" if precision is None
                        else f"citation precision {precision:.2f} < {min_citation_precision:.2f}")
    if problems:
        raise AssertionError("; ".join(problems) + "\n" + explain_misses(evaluation))
    return evaluation


def explain_misses(evaluation: Evaluation) -> str:
    """The uncovered notes with their nearest point, and every wrong citation: what a failing test should show."""
    lines = []
    for match in evaluation.matches:
        if not match.covered:
            core = " (core)" if match.note.core else ""
            lines.append(f"  not covered{core}: {match.note.text!r}\n"
                         f"    nearest (score {match.score:.3f} < {evaluation.threshold:.3f}): {match.item_text!r}"
                         + (f"\n    best part: {match.span!r}" if match.span and match.span != match.item_text else ""))
    for check in evaluation.citations:
        if check.wrong:
            lines.append(f"  wrong citation {', '.join(check.wrong)} on: {evaluation.items[check.item].text!r}")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def brief_matcher() -> Matcher:
    """The semantic matcher (MiniLM + stem overlap), loaded once per test session."""
    return get_matcher("semantic")
