import json
from importlib.metadata import entry_points
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from briefer.cli import app
from briefer.errors import InputError
from briefer.evaluate.content import (
    BriefContent,
    BriefItem,
    brief_from_json,
    brief_from_markdown,
    read_brief,
    resolve_sources,
)
from briefer.evaluate.datasets import evaluate_dataset, read_clusters
from briefer.evaluate.matchers import LexicalMatcher, SemanticMatcher, text_spans
from briefer.evaluate.notes import Note, parse_notes, read_notes
from briefer.evaluate.rouge import rouge
from briefer.evaluate.scoring import evaluate_brief
from briefer.publish.render import render
from briefer.settings import BriefSettings
from briefer.testing import assert_brief_covers, brief_matcher  # noqa: F401 - the fixture, as the plugin provides it
from briefer.types import Article, Brief, Point, Sentence

pytest_plugins = ["pytester"]  # runs a user's test session in-process, to test the plugin fixture

DATA = Path(__file__).parent / "data"
SAMPLE_NOTES = DATA / "sample_notes.md"


def point(text: str, *article_ids: str) -> Point:
    return Point(text, article_ids, tuple(Sentence(a, 0, text, 0, len(text)) for a in article_ids))


def geneva_brief() -> Brief:
    articles = (
        Article("a1", "x", title="Blinken and Lavrov meet", url="https://www.thehill.com/a", outlet="The Hill"),
        Article("a2", "x", title="Talks in Geneva", url="https://news.webindia123.com/b", outlet="WebIndia123"),
        Article("a3", "x", title=None, url=None, outlet=None),
    )
    return Brief(
        headline="Blinken and Lavrov meet in Geneva",
        lede=point("Blinken and Lavrov met in Geneva on Friday to discuss Ukraine.", "a1", "a2"),
        points=(
            point("The United States will send written answers to Russia next week.", "a1", "a3"),
            point("Lavrov said Russia has never threatened the Ukrainian people [sic] *at all*.", "a2"),
        ),
        articles=articles,
        date="2022-01-21",
    )


GENEVA_NOTES = """\
# Notes
Some commentary that is not a fact.
- (core) Blinken and Lavrov met in Geneva on Friday [a1, a2]
- The US will send written answers to Russia next week [The Hill]
- Zelensky addressed parliament in Kyiv [a3]
"""


class FixedMatcher:
    """A matcher whose similarities are given: lets the citation logic be tested without any model."""

    name = "fixed"
    threshold = 0.5

    def __init__(self, matrix: list[list[float]]) -> None:
        self.matrix = np.array(matrix)

    def similarity(self, notes, texts):  # type: ignore[no-untyped-def]
        assert self.matrix.shape == (len(notes), len(texts))
        return self.matrix


# --- notes -------------------------------------------------------------------------------------------------------


def test_notes_bullets_core_tags_and_sources():
    notes = parse_notes(GENEVA_NOTES)
    assert [n.text for n in notes] == [
        "Blinken and Lavrov met in Geneva on Friday",
        "The US will send written answers to Russia next week",
        "Zelensky addressed parliament in Kyiv",
    ]
    assert [n.core for n in notes] == [True, False, False]
    assert notes[0].sources == ("a1", "a2") and notes[1].sources == ("The Hill",)
    assert notes[0].line == 3


def test_notes_without_bullets_take_every_line_and_numbered_lists_count_as_bullets():
    assert [n.text for n in parse_notes("Fact one.\n\nFact two (core)\n<!-- a comment -->\n")] == [
        "Fact one.", "Fact two"]
    assert parse_notes("Intro line\n1. First [a1; a2]\n2) Second\n")[0].sources == ("a1", "a2")
    assert len(parse_notes("Intro line\n1. First\n2) Second\n")) == 2


def test_notes_files_that_are_missing_or_empty_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read_notes(tmp_path / "missing.md")
    (tmp_path / "empty.md").write_text("# only a heading\n\n", encoding="utf-8")
    with pytest.raises(InputError, match="no notes found"):
        read_notes(tmp_path / "empty.md")


def test_the_sample_notes_are_well_formed():
    notes = read_notes(SAMPLE_NOTES)
    assert 10 <= len(notes) <= 15
    assert 5 <= sum(n.core for n in notes) <= 7
    for note in notes:
        assert note.sources and set(note.sources) <= {"a1", "a2", "a3", "a4", "a5"}, note


# --- reading briefs ----------------------------------------------------------------------------------------------


def test_json_and_markdown_briefs_read_back_to_the_same_points():
    brief = geneva_brief()
    from_json = brief_from_json(json.loads(render(brief, "json")))
    from_markdown = brief_from_markdown(render(brief, "md"))
    texts = [brief.lede.text, *(p.text for p in brief.points)]
    assert [i.text for i in from_json.items] == texts
    assert [i.text for i in from_markdown.items] == texts  # Markdown escapes undone, citations peeled off
    assert from_json.items[1].citations == ("a1", "a3")
    assert from_markdown.items[1].citations == ("The Hill", "Source 3")
    assert from_markdown.headline == brief.headline and not from_markdown.has_article_ids


def test_read_brief_tells_bad_files_apart(tmp_path):
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        read_brief(tmp_path / "broken.json")
    (tmp_path / "other.json").write_text('{"title": "x"}', encoding="utf-8")
    with pytest.raises(InputError, match="not a briefer JSON brief"):
        read_brief(tmp_path / "other.json")
    (tmp_path / "prose.md").write_text("# Title\n\n## Sources\n", encoding="utf-8")
    with pytest.raises(InputError, match="no lede or key points"):
        read_brief(tmp_path / "prose.md")


def test_note_sources_resolve_by_id_outlet_or_domain_and_unknown_names_fail():
    sources = BriefContent.from_brief(geneva_brief()).sources
    assert resolve_sources(["a1", "webindia123", "thehill.com", "a9"], sources, has_article_ids=True) == {
        "a1", "a2", "a9"}
    with pytest.raises(InputError, match="matches no article"):
        resolve_sources(["Reuters"], sources, has_article_ids=True)
    markdown = brief_from_markdown(render(geneva_brief(), "md"))
    assert resolve_sources(["The Hill"], markdown.sources, has_article_ids=False) == {"The Hill"}
    with pytest.raises(InputError, match="JSON brief"):
        resolve_sources(["a1"], markdown.sources, has_article_ids=False)


# --- ROUGE -------------------------------------------------------------------------------------------------------


def test_rouge_is_one_for_the_reference_itself_and_zero_for_disjoint_text():
    reference = ["Blinken met Lavrov in Geneva.", "Talks will continue next week."]
    assert rouge(reference, [reference]).rougeLsum.f1 == pytest.approx(1.0)
    assert rouge(["Completely unrelated words here."], [reference]).rouge1.f1 == 0.0


def test_rouge_stems_and_averages_over_references():
    stemmed = rouge(["The talks continued"], [["talk continue"]])
    assert stemmed.rouge1.recall == pytest.approx(1.0)  # Porter stemming: talks/talk, continued/continue
    averaged = rouge(["alpha beta"], [["alpha beta"], ["gamma delta"]])
    assert averaged.rouge1.f1 == pytest.approx(0.5)


def test_rouge_lsum_reads_sentences_from_lines():
    reference = ["alpha beta gamma.", "delta epsilon zeta."]
    in_order = rouge(["alpha beta gamma.", "delta epsilon zeta."], [reference]).rougeLsum.f1
    run_together = rouge(["zeta epsilon delta. gamma beta alpha."], [reference]).rougeLsum.f1
    assert in_order == pytest.approx(1.0) and run_together < 0.5


# --- coverage and citations --------------------------------------------------------------------------------------


def test_lexical_coverage_finds_the_point_that_states_each_note():
    evaluation = evaluate_brief(geneva_brief(), parse_notes(GENEVA_NOTES), LexicalMatcher())
    assert [m.covered for m in evaluation.matches] == [True, True, False]
    assert [m.item for m in evaluation.matches[:2]] == [0, 1]
    assert evaluation.coverage == pytest.approx(2 / 3) and evaluation.core_coverage == 1.0


def test_a_citation_of_an_article_that_does_not_report_the_fact_lowers_precision():
    # Point 1 cites a1 and a3; the note it states is reported by The Hill (a1) only, so a3 is a wrong citation.
    evaluation = evaluate_brief(geneva_brief(), parse_notes(GENEVA_NOTES), LexicalMatcher())
    point_check = next(c for c in evaluation.citations if c.item == 1)
    assert point_check.wrong == ("a3",) and point_check.correct == ("a1",)
    assert evaluation.citation_precision == pytest.approx(3 / 4)  # lede a1, a2 right; point a1 right, a3 wrong
    assert evaluation.citation_recall == pytest.approx(1.0)


def test_citations_are_judged_against_the_union_of_the_notes_an_item_states_and_only_there():
    notes = [Note("first", ("a1",)), Note("second", ("a2",)), Note("third", ())]
    matcher = FixedMatcher([[0.9, 0.1, 0.1], [0.8, 0.2, 0.1], [0.1, 0.1, 0.9]])
    evaluation = evaluate_brief(geneva_brief(), notes, matcher)
    assert [c.item for c in evaluation.citations] == [0]  # item 2 states only a note without sources
    assert evaluation.citations[0].supported == {"a1", "a2"}
    assert evaluation.citation_precision == 1.0


def test_uncovered_notes_are_not_used_to_judge_citations():
    notes = [Note("first", ("a3",))]
    evaluation = evaluate_brief(geneva_brief(), notes, FixedMatcher([[0.4, 0.3, 0.2]]))
    assert not evaluation.matches[0].covered
    assert evaluation.citations == () and evaluation.citation_precision is None


def test_rouge_of_a_brief_scores_lede_and_points_not_the_headline():
    content = BriefContent.from_brief(geneva_brief())
    assert content.sentences()[0].startswith("Blinken and Lavrov met in Geneva")
    assert all(s != content.headline for s in content.sentences())


# --- matching a note to a span of a point ----------------------------------------------------------------------

LONG_POINT = ("However, senior Russian and American diplomats decided to continue their discussions in an attempt to "
              "settle a crisis on Friday, despite the fact that no substantial progress was achieved.")


def test_text_spans_are_the_text_its_sentences_and_runs_of_clauses_all_verbatim():
    text = (LONG_POINT + " The top US diplomat said that after the US shares its written responses, there will be "
            "further conversations.")
    spans = text_spans(text)
    assert spans[0] == text and LONG_POINT in spans
    assert "despite the fact that no substantial progress was achieved." in spans  # split before "despite"
    assert "after the US shares its written responses, there will be further conversations." in spans  # a run of 2
    assert all(span in text for span in spans) and len(spans) == len(set(spans))
    assert all(len(span.split()) >= 3 for span in spans)
    assert text_spans("Lavrov spoke.") == ["Lavrov spoke."]


class BagOfWords:
    """A stand-in embedder: normalised word counts, so cosine is plain word overlap and no model is needed."""

    def encode(self, texts):  # type: ignore[no-untyped-def]
        vocabulary = {w: i for i, w in enumerate(sorted({w for t in texts for w in t.lower().split()}))}
        vectors = np.zeros((len(texts), len(vocabulary)), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                vectors[row, vocabulary[word]] += 1
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


def test_a_fact_stated_by_one_clause_scores_as_the_clause_and_the_span_is_reported():
    note = "no substantial progress was achieved."
    matcher = SemanticMatcher(BagOfWords())
    scores, spans = matcher.match([note], [LONG_POINT])
    clause = "despite the fact that no substantial progress was achieved."
    assert spans[0][0] == clause
    vectors = BagOfWords().encode([note, LONG_POINT])
    whole = matcher.weight * float(vectors[0] @ vectors[1]) + (1 - matcher.weight) * 1.0  # all its stems are there
    assert scores[0, 0] > whole  # the clause's cosine, not the diluted sentence's
    content = BriefContent("Geneva", (BriefItem("Talks in Geneva.", ()), BriefItem(LONG_POINT, ())), ())
    match = evaluate_brief(content, [Note(note)], matcher).matches[0]
    assert (match.item, match.item_text, match.span) == (1, LONG_POINT, clause)
    assert evaluate_brief(content, [Note(note)], matcher).to_dict()["notes"][0]["span"] == clause


# --- the pytest helper -------------------------------------------------------------------------------------------


def test_assert_brief_covers_passes_and_fails_with_the_missing_note():
    assert_brief_covers(geneva_brief(), GENEVA_NOTES, min_coverage=0.6, matcher=LexicalMatcher())
    with pytest.raises(AssertionError, match="Zelensky addressed parliament") as failure:
        assert_brief_covers(geneva_brief(), GENEVA_NOTES, matcher=LexicalMatcher())
    assert "fact coverage 0.67 < 1.00" in str(failure.value)
    with pytest.raises(AssertionError, match="wrong citation a3"):
        assert_brief_covers(geneva_brief(), GENEVA_NOTES, min_coverage=0.0, min_citation_precision=1.0,
                            matcher=LexicalMatcher())


def test_assert_brief_covers_reads_files(tmp_path):
    (tmp_path / "brief.json").write_text(render(geneva_brief(), "json"), encoding="utf-8")
    (tmp_path / "notes.md").write_text(GENEVA_NOTES, encoding="utf-8")
    evaluation = assert_brief_covers(tmp_path / "brief.json", tmp_path / "notes.md", min_coverage=0.6,
                                     matcher=LexicalMatcher())
    assert evaluation.core_coverage == 1.0


# --- datasets ----------------------------------------------------------------------------------------------------


def write_dataset(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def cluster_line(cluster_id: str, reference: str) -> str:
    articles = [
        {"title": "Talks", "url": None, "date": "2022-01-21", "outlet": None,
         "text": "Blinken and Lavrov met in Geneva on Friday for talks on Ukraine. The two sides agreed to keep "
                 "talking next week. Russia has massed troops near the border with Ukraine."},
        {"title": "Geneva", "url": None, "date": None, "outlet": None,
         "text": "The foreign ministers met in Geneva on Friday. Washington will answer Moscow in writing next "
                 "week. Lavrov said Russia was waiting for answers to its proposals."},
    ]
    return json.dumps({"id": cluster_id, "articles": articles, "references": [reference]})


def test_read_clusters_limits_and_reports_the_bad_line(tmp_path):
    good = cluster_line("c1", "Blinken and Lavrov met in Geneva.")
    dataset = write_dataset(tmp_path / "set.jsonl", [good, good.replace("c1", "c2")])
    assert [c.id for c in read_clusters(dataset, limit=1)] == ["c1"]
    broken = write_dataset(tmp_path / "broken.jsonl", [good, '{"id": "x", "articles": []}'])
    with pytest.raises(InputError, match=r"broken.jsonl:2"):
        read_clusters(broken)


def test_evaluate_dataset_briefs_every_cluster_and_scores_it(tmp_path):
    dataset = write_dataset(tmp_path / "set.jsonl", [
        cluster_line("c1", "Blinken and Lavrov met in Geneva on Friday. Talks go on next week."),
        cluster_line("c2", "Cooking pasta needs salted water."),
    ])
    progress = []
    result = evaluate_dataset(dataset, BriefSettings(words=60, embedder="lexical"),
                              on_cluster=lambda done, total: progress.append((done, total)))
    assert progress == [(1, 2), (2, 2)]
    on_topic, off_topic = result.clusters
    assert on_topic.scores.rouge1.recall > 0.5 > off_topic.scores.rouge1.recall
    assert 0 < on_topic.words <= 60
    assert result.mean.rouge1.f1 == pytest.approx((on_topic.scores.rouge1.f1 + off_topic.scores.rouge1.f1) / 2)


# --- the command -------------------------------------------------------------------------------------------------

runner = CliRunner()


@pytest.fixture
def brief_files(tmp_path: Path) -> tuple[Path, Path]:
    brief = tmp_path / "brief.json"
    brief.write_text(render(geneva_brief(), "json"), encoding="utf-8")
    notes = tmp_path / "notes.md"
    notes.write_text(GENEVA_NOTES, encoding="utf-8")
    return brief, notes


def test_cli_prints_a_table_and_json(brief_files):
    brief, notes = brief_files
    table = runner.invoke(app, ["evaluate", str(brief), "--notes", str(notes), "--matcher", "lexical"])
    assert table.exit_code == 0, table.output
    assert "fact coverage 0.67 (2/3 notes), core 1.00" in table.output
    assert "cites a3" in table.output
    as_json = runner.invoke(app, ["evaluate", str(brief), "--notes", str(notes), "--matcher", "lexical", "--json"])
    report = json.loads(as_json.output)
    assert report["coverage"] == pytest.approx(2 / 3) and report["citation_precision"] == pytest.approx(0.75)
    assert report["notes"][2]["covered"] is False


def test_cli_exits_1_when_a_brief_falls_short(brief_files):
    brief, notes = brief_files
    base = ["evaluate", str(brief), "--notes", str(notes), "--matcher", "lexical"]
    assert runner.invoke(app, [*base, "--min-coverage", "0.6", "--min-core-coverage", "1"]).exit_code == 0
    short = runner.invoke(app, [*base, "--min-coverage", "0.9", "--min-citation-precision", "1"])
    assert short.exit_code == 1
    assert "fact coverage 0.67 < 0.90" in short.output and "citation precision 0.75 < 1.00" in short.output
    assert runner.invoke(app, [*base, "--min-rouge1", "0.99", "--measure", "recall"]).exit_code == 1


def test_cli_reads_markdown_briefs_with_outlet_names(tmp_path):
    brief = tmp_path / "brief.md"
    brief.write_text(render(geneva_brief(), "md"), encoding="utf-8")
    notes = tmp_path / "notes.md"
    notes.write_text("- Blinken and Lavrov met in Geneva on Friday [The Hill, WebIndia123]\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(brief), "--notes", str(notes), "--matcher", "lexical",
                                 "--min-citation-precision", "1"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (["evaluate", "{brief}"], 3, "--notes"),
        (["evaluate", "{brief}", "--notes", "{notes}", "--dataset", "{notes}"], 3, "not both"),
        (["evaluate", "missing.json", "--notes", "{notes}"], 2, "not found"),
        (["evaluate", "{brief}", "--notes", "{notes}", "--measure", "best"], 3, "--measure"),
        (["evaluate", "{brief}", "--notes", "{notes}", "--matcher", "magic"], 3, "unknown matcher"),
        (["evaluate", "--dataset", "{notes}", "--min-coverage", "0.5"], 3, "need notes"),
    ],
)
def test_cli_bad_input_is_one_line_and_an_exit_code(brief_files, arguments, code, message):
    brief, notes = brief_files
    result = runner.invoke(app, [a.format(brief=brief, notes=notes) for a in arguments])
    assert result.exit_code == code, result.output
    assert message in result.output and "Traceback" not in result.output


def test_cli_dataset_mode_reports_mean_scores(tmp_path):
    dataset = write_dataset(tmp_path / "set.jsonl", [cluster_line("c1", "Blinken and Lavrov met in Geneva.")] * 3)
    result = runner.invoke(app, ["evaluate", "--dataset", str(dataset), "--words", "60", "--limit", "2",
                                 "--embedder", "lexical", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["clusters"] == 2 and report["mean"]["rouge1"]["recall"] > 0.5


# --- with the real embedder --------------------------------------------------------------------------------------


def read_pairs() -> list[dict]:
    return [json.loads(line) for line in (DATA / "match_pairs.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.weights
def test_semantic_matcher_is_accurate_on_the_labelled_pairs(brief_matcher):  # noqa: F811
    pairs = read_pairs()
    notes = list(dict.fromkeys(p["note"] for p in pairs))  # 176 distinct notes: one matrix, every span encoded once
    similarity = brief_matcher.similarity(notes, [p["text"] for p in pairs])
    scores = similarity[[notes.index(p["note"]) for p in pairs], np.arange(len(pairs))]
    right = (scores >= brief_matcher.threshold) == np.array([p["covered"] for p in pairs])
    # Measured 0.868 (bench/match_threshold.py); more than two extra wrong calls out of 159 means the matcher changed.
    assert np.mean(right[:159]) >= 0.855
    # The 266 pairs from Multi-News and MultiLing clusters added on 2026-11-22: 0.812 on all 425 (345 right).
    assert len(pairs) == 425 and np.mean(right) >= 0.807


# What the matcher can and cannot tell apart (bench/results/match_threshold.md); the strict xfails fail once fixed.
PARAPHRASE = ("The two sides agreed to keep talking once the written answer has been delivered.",
              "The two also agreed to continue to have conversations following the written proposal.")


def score(matcher, note: str, text: str) -> float:  # type: ignore[no-untyped-def]
    return float(matcher.similarity([note], [text])[0, 0])


@pytest.mark.weights
def test_the_same_fact_about_other_people_in_another_place_does_not_match(brief_matcher):  # noqa: F811
    note = "Blinken and Lavrov met in Geneva on Friday."
    assert score(brief_matcher, note, "On Friday Blinken and Lavrov met in Geneva for talks.") >= brief_matcher.threshold
    assert score(brief_matcher, note, "Macron and Scholz met in Vienna on Friday.") < brief_matcher.threshold


@pytest.mark.weights
@pytest.mark.xfail(strict=True, reason="word-level paraphrase: keep/continue and talking/conversations share no "
                   "stem, so the pair scores 0.40 < 0.44. Soft word overlap (static word vectors) lifts it to 0.51 "
                   "but was not shipped: 10 more false matches on the labelled pairs (bench/match_threshold.py)")
def test_a_word_level_paraphrase_matches(brief_matcher):  # noqa: F811
    assert score(brief_matcher, *PARAPHRASE) >= brief_matcher.threshold


@pytest.mark.weights
@pytest.mark.parametrize(("note", "text"), [
    ("Police arrested four protesters near City Hall.", "Police arrested forty protesters near City Hall."),
    (("A total of eleven American soldiers were found guilty in allegations stemming from the Abu Ghraib prison "
      "abuse scandal."),
     ("A total of nine other American soldiers were found guilty in allegations stemming from the Abu Ghraib "
      "prison abuse scandal.")),
    ("Officials said 12 people died in the fire.", "Officials said 21 people died in the fire on Monday."),
])
def test_a_changed_number_does_not_match(brief_matcher, note, text):  # noqa: F811
    assert score(brief_matcher, note, text) < brief_matcher.threshold


@pytest.mark.weights
@pytest.mark.parametrize(("note", "text"), [
    ("Police arrested four protesters near City Hall.", "Police arrested 4 protesters near City Hall on Sunday."),
    ("Officials said 12 people died in the fire.", "Officials said 12 people died in the fire, not 21."),
])
def test_the_same_number_written_another_way_or_beside_another_still_matches(brief_matcher, note, text):  # noqa: F811
    assert score(brief_matcher, note, text) >= brief_matcher.threshold


@pytest.mark.weights
@pytest.mark.xfail(strict=True, reason="one changed place in an otherwise identical sentence keeps most stems and "
                   "nearly all the cosine (0.83); unlike numbers, names have variants (US / United States, Kyiv / "
                   "Kiev) that a slot check rejects, losing 7 right matches on the labelled pairs")
def test_a_changed_place_does_not_match(brief_matcher):  # noqa: F811
    note = "The earthquake killed at least 214 people in Chile."
    assert score(brief_matcher, note, note.replace("Chile", "Haiti")) < brief_matcher.threshold


@pytest.mark.weights
def test_sample_brief_cites_only_outlets_that_report_what_it_covers(sample_brief, brief_matcher):  # noqa: F811
    evaluation = assert_brief_covers(sample_brief, SAMPLE_NOTES, min_coverage=0.0, min_citation_precision=1.0,
                                     matcher=brief_matcher)
    assert len(evaluation.citations) >= 4  # precision judged on several points, not vacuously


@pytest.mark.weights
@pytest.mark.xfail(strict=True, reason="7 of 15 notes by the matcher (8 with the support model fitted on 534 labelled "
                   "pairs, which cited 'frank and substantial' from two outlets; refitted on 599 it does not). Three "
                   "of the brief's points restate Biden's readiness for a summit, which the embedders cannot tell from "
                   "different facts, so the troop build-up, Lavrov's demands and the NATO guarantee do not fit; "
                   "remove this mark when it reaches half")
def test_sample_brief_covers_half_the_notes(sample_brief, brief_matcher):  # noqa: F811
    assert_brief_covers(sample_brief, SAMPLE_NOTES, min_coverage=0.5, matcher=brief_matcher)


@pytest.mark.weights
def test_the_plugin_fixture_works_in_a_users_test_session(pytester):
    pytester.makepyfile(
        """
        from briefer.testing import assert_brief_covers
        from briefer.evaluate.matchers import SemanticMatcher

        def test_user(brief_matcher):
            assert isinstance(brief_matcher, SemanticMatcher)
        """
    )
    # Installed with its pytest11 entry point the plugin loads by itself; from a checkout without it, name it.
    installed = any(e.value == "briefer.testing" for e in entry_points(group="pytest11"))
    result = pytester.runpytest_inprocess(*([] if installed else ["-p", "briefer.testing"]))
    result.assert_outcomes(passed=1)


@pytest.mark.weights
@pytest.mark.xfail(strict=True, reason="issue 3 target not met: the matcher confirms 5 of 7 core facts. The troop "
                   "build-up is stated in the cluster (best sentence 0.650) but ranks below the page's last point; no "
                   "sentence of the cluster reaches the threshold for 'keep talking once the written answer has been "
                   "delivered' (best 0.40, bench/sample_coverage.py)")
def test_sample_brief_covers_every_core_fact(sample_brief, brief_matcher):  # noqa: F811
    assert_brief_covers(sample_brief, SAMPLE_NOTES, min_coverage=0.0, min_core_coverage=1.0, matcher=brief_matcher)
