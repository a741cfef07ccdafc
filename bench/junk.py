"""Junk bench: the share of headlines, ledes and points a reader would reject, over the development clusters.

    .venv/bin/python bench/junk.py [--dataset multinews|multiling|sample|all] [--limit N] [--show N]
    .venv/bin/python bench/junk.py --write-briefs old.jsonl   # in an older checkout: its briefs, unscored
    .venv/bin/python bench/junk.py --briefs old.jsonl         # score those briefs beside this checkout's

Two readings, side by side, for briefer and for Lead (each article's first sentences, round-robin, same budget):
- rules: what an editor refuses at a glance, written here independently of admission's fitted model: a headline
  cut ("…", a trailing comma), opening on a dateline, only an opening clause ("As Israel's operation entered its
  24th day"), or quoting words its brief's sentences and titles do not say
  (a headline may shorten its own words, never a quotation); a lede or point that is a caption or a photo, video or
  embed label, page or wire furniture, still opens on a dateline, opens on a pronoun or connective that points at
  a sentence the reader never sees, is a quotation or first-person statement with no speaker, or does not end
  like a sentence.
- labels: the shown sentences that are in the hand-labelled set (``tests/data/admission_labels.jsonl``), read by
  their label (a point shown without its opening connective keeps its sentence's label); only clusters at odd
  positions (the half nothing was fitted on) count here. Labelled sentences were
  mostly drawn from what some briefer showed, so this share leans towards hard cases; "read whole" counts only the
  held-out clusters whose every shown sentence is labelled (a random draw of them was read in full), the fairest
  estimate of what a reader meets.
Every offending text is printed (``--show`` per system and set), so the numbers can be checked by reading.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.baselines import cluster_sentences, lead, within_budget  # noqa: E402
from bench.made_headlines import DANGLING_END  # noqa: E402

from briefer.core.claims import standalone_text  # noqa: E402
from briefer.types import OPENING_SENTENCES  # noqa: E402
from briefer.errors import InputError  # noqa: E402
from briefer.evaluate.datasets import read_clusters  # noqa: E402
from briefer.ingest.load import load_cluster  # noqa: E402
from briefer.pipeline import build_brief  # noqa: E402
from briefer.settings import BriefSettings  # noqa: E402
from briefer.text.clean import normalise_text  # noqa: E402
from briefer.text.lexicon import similarity_words  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
SETS = {"multinews": EVAL / "multinews-dev.jsonl", "multiling": EVAL / "multiling2011-en.jsonl"}
LABELS = ROOT / "tests" / "data" / "admission_labels.jsonl"
PUBLISHABLE = {"claim", "strip"}
# Right after the sentence before it in its article, a sentence that leans on that one, or quotes whom it names, reads
# as its article wrote it.
IN_CONTEXT = PUBLISHABLE | {"context", "speaker"}

_CAPTION = re.compile(r"\b(?:file photo|photo(?:graph)?s?\b|image (?:copyright|caption)|caption|getty images|"
                      r"ap photo|reuters/|afp/|video\b|embed|autoplay|playback|click (?:here|to)|pictured)",
                      re.IGNORECASE)
_FURNITURE = re.compile(r"\b(?:subscribe|sign up|newsletter|follow us|share this|copyright|all rights reserved|"
                        r"advertisement|read more|more on|related:|submit your|this copy is for|reprints?\b|"
                        r"terms of (?:use|service)|cookies?\b|wayback|archived? (?:from|on)|javascript|browser)",
                        re.IGNORECASE)
_LEANING = re.compile(r"^(?:he|she|they|it|his|her|their|its|this|these|those|but|and|so|yet|"
                      r"also|however|still|then|there)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"^[\"'\u201c\u2018]?(?:I|we|We|my|My|our|Our)\b")
_SAYING = re.compile(r"\b(?:said|says|told|tells|added|according to|wrote|writes|reads|tweeted|asked|explained|stated|"
                     r"quoted as saying)\b")
_ENDS = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")


def shown_start(text: str) -> int:
    from briefer.core.admission import shown_start as skipped  # this checkout's dateline rule (not in old checkouts)

    return skipped(text)


_QUOTED = re.compile(r'"([^"]+)"')
# A headline that is only a sentence's opening clause or phrase ("As Israel's Operation Protective Edge entered its
# 24th day", "Following the March 22 coup that ousted President Amadou Toumani Touré").
_OPENER_ONLY = re.compile(r"^(?:As|After|Following|When|While|Amid|Despite|Before|Since|Although|Though|Because|"
                          r"If|Until|Unless)\s")


def headline_problem(headline: str, sources: list[str]) -> str | None:
    """Why an editor would refuse ``headline``; ``sources`` (the brief's sentences and titles), when given, must hold
    every quotation in it word for word (a headline may shorten its own words, never what someone said). Briefs
    written by an older checkout carry no titles: their sentences are the sources."""
    if headline.endswith(("\u2026", "...", ",", ";", ":")) or DANGLING_END.search(headline):
        return "cut headline"
    if shown_start(headline + " The rest of a sentence to test.") > 0 or re.match(r"^\(?[A-Z]{3,}.*\((?:AP|Reuters|AFP|CNN|UPI)\)", headline):
        return "dateline headline"
    if _OPENER_ONLY.match(headline) and "," not in headline:
        return "opening phrase only"
    said = normalise_text(" ".join(sources)).lower()
    if any(quote.strip(" ,.").lower() not in said for quote in _QUOTED.findall(normalise_text(headline))):
        return "changed quotation"
    return None


def sentence_problem(text: str, follows: bool = False) -> str | None:
    """Why an editor would refuse ``text`` as a lede or point, or None; one that ``follows`` the sentence before it in
    its article, shown right after it, may lean on it and quote whom it names."""
    if _CAPTION.search(text):
        return "caption or media label"
    if _FURNITURE.search(text):
        return "furniture"
    if shown_start(text):
        return "dateline"
    if _LEANING.match(text) and not follows:
        return "leans on context"
    quotes = text.count('"') % 2 or text.count("\u201c") != text.count("\u201d")
    if quotes:
        return "unbalanced quote"
    if (_FIRST_PERSON.match(text) or text.startswith(('"', "\u201c"))) and not _SAYING.search(text) and not follows:
        return "no speaker"
    if len(text.split()) < 6 or not _ENDS.search(text.rstrip()):
        return "fragment"
    return None


def sentences_shown(row: dict, key: str) -> list[tuple[str, bool]]:
    """Each sentence a brief's row shows (``key``: "shown", or "lead" for Lead's), and whether it follows the one before
    it in its article: a point's own sentence, then the sentences shown after it (``Point.following``; briefs written
    by an older checkout have none)."""
    following = row.get("following") if key == "shown" else None
    if not following:
        return [(text, False) for text in row[key]]
    return [pair for own, after in zip(row["own"], following)
            for pair in [(own, False), *((sentence, True) for sentence in after)]]


def clusters(name: str, limit: int | None):  # type: ignore[no-untyped-def]
    if name == "sample":
        yield 1, "sample", load_cluster(ROOT.parent / "shared" / "seeds").articles
        return
    for position, cluster in enumerate(read_clusters(SETS[name], limit)):
        yield position, cluster.id, cluster.articles


def brief_rows(names: list[str], limit: int | None) -> list[dict]:
    """Each cluster's brief as the bench reads it, and Lead's sentences at the same length."""
    rows = []
    for name in names:
        for position, cluster_id, articles in clusters(name, limit):
            try:
                brief = build_brief(articles, BriefSettings())
            except InputError:
                continue
            shown = [brief.lede.text, *(p.text for p in brief.points)]
            words = sum(len(t.split()) for t in shown)
            rows.append({"set": name, "position": position, "id": cluster_id, "headline": brief.headline,
                         "own": [p.own_text for p in (brief.lede, *brief.points)],
                         "following": [[s.text for s in p.following] for p in (brief.lede, *brief.points)],
                         "lede_index": min(s.index for s in brief.lede.evidence),
                         "titled": any(a.title for a in brief.articles), "shown": shown,
                         "titles": [a.title for a in brief.articles if a.title],
                         "lead": [s.text for s in within_budget(lead(cluster_sentences(articles)), words)]})
    return rows


def ledes_and_headlines(names: list[str], systems: dict[str, dict]) -> str:
    """Whether the lede is a claim some article opened with (one of its first three sentences: news states its
    core event first) and, in clusters with no titles, whether the headline is made from the lede (at least 80% of
    its words are the lede's, and no point has more) rather than from another point, and whether it says the lede's
    words in their order (``_the_ledes_words_in_order``)."""
    titled = {key: row["titled"] for key, row in systems["briefer"].items()}
    lines = ["| set | system | ledes | from an article's opening | headlines without titles | made from the lede | "
             "the lede's words in order |", "|---|---|---|---|---|---|---|"]
    for name in names:
        for system, by_cluster in systems.items():
            rows = [row for (set_name, _), row in by_cluster.items() if set_name == name]
            known = [row["lede_index"] for row in rows if "lede_index" in row]
            opened = sum(i < OPENING_SENTENCES for i in known)
            opening = f"{opened} ({opened / len(known):.0%})" if known else "-"
            untitled = [row for row in rows if not titled.get((name, row["id"]), True)]
            from_lede = sum(_made_from_the_lede(row["headline"], row["shown"]) for row in untitled)
            in_order = sum(_the_ledes_words_in_order(row["headline"], row["shown"][0]) for row in untitled)
            lines.append(f"| {name} | {system} | {len(rows)} | {opening} | {len(untitled)} | {from_lede} | "
                         f"{in_order} |")
    return "\n".join(lines)


def _the_ledes_words_in_order(headline: str, lede: str) -> bool:
    """Whether the headline says the lede word for word but for words it left out (articles, auxiliaries, a time):
    every word of it is the lede's next one (issue 14: "the headline must not repeat the lede word for word")."""
    lede_words = iter(re.findall(r"[\w'\u2019-]+", lede.lower()))
    return all(word in lede_words for word in re.findall(r"[\w'\u2019-]+", headline.lower()))


def _made_from_the_lede(headline: str, shown: list[str]) -> bool:
    """At least 80% of the headline's words are the lede's, and no point has more of them."""
    words = similarity_words(headline)

    def share(text: str) -> float:
        found = set(similarity_words(text))
        return sum(w in found for w in words) / max(len(words), 1)

    lede = share(shown[0])
    return lede >= 0.8 and all(lede >= share(point) for point in shown[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", choices=[*SETS, "sample", "all"], default="all")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", type=int, default=15, help="offending texts printed per system and set")
    parser.add_argument("--write-briefs", type=Path, help="write this checkout's briefs to FILE and stop")
    parser.add_argument("--briefs", type=Path, help="also score the briefs in FILE (from --write-briefs) as 'before'")
    args = parser.parse_args()
    names = [*SETS, "sample"] if args.dataset == "all" else [args.dataset]
    rows = brief_rows(names, args.limit)
    if args.write_briefs:
        args.write_briefs.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        return
    systems = {"briefer": {(r["set"], r["id"]): r for r in rows}}
    if args.briefs:
        before = [json.loads(line) for line in args.briefs.read_text(encoding="utf-8").splitlines()]
        systems["briefer before"] = {(r["set"], r["id"]): r for r in before}
    labels = {}
    if LABELS.exists():
        for line in LABELS.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                labels[(row.get("shown") or row["text"]).strip()] = row["label"]
                labels.setdefault(row["text"].strip(), row["label"])
                # A point shows its sentence without an opening connective (standalone_text): it keeps the label
                # of the sentence as split, which may be stricter than the point as read.
                labels.setdefault(standalone_text(row["text"].strip()), row["label"])

    print("| set | system | headlines | cut, dated, opener-only or misquoted | sentences of ledes and points | "
          "refused by the rules | "
          "share | labelled (held-out) | refused by label | share | clusters read whole | their sentences | refused | "
          "share |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    offending: dict[tuple[str, str], list[str]] = {}
    for name in names:
        counts: dict[str, Counter] = {}
        for system, by_cluster in systems.items():
            for system_name, key in ((system, "shown"), *((("Lead", "lead"),) if system == "briefer" else ())):
                c = counts.setdefault(system_name, Counter())
                for (set_name, _), row in by_cluster.items():
                    if set_name != name:
                        continue
                    if key == "shown":
                        c["headlines"] += 1
                        problem = headline_problem(row["headline"], row["shown"] + row.get("titles", []))
                        if problem:
                            c["bad headlines"] += 1
                            offending.setdefault((name, system_name), []).append(f"[{problem}] {row['headline']}")
                    held_out = row["position"] % 2 == 1 or name == "sample"
                    shown = sentences_shown(row, key)
                    if held_out and shown and all(text.strip() in labels for text, _ in shown):
                        c["whole clusters"] += 1
                        c["whole shown"] += len(shown)
                        c["whole refused"] += sum(labels[text.strip()] not in (IN_CONTEXT if follows else PUBLISHABLE)
                                                  for text, follows in shown)
                    for text, follows in shown:
                        c["shown"] += 1
                        problem = sentence_problem(text, follows)
                        if problem:
                            c["refused"] += 1
                            offending.setdefault((name, system_name), []).append(
                                f"[{problem}{', following' if follows else ''}] {text}")
                        label = labels.get(text.strip())
                        if label and held_out:
                            c["labelled"] += 1
                            c["labelled refused"] += label not in (IN_CONTEXT if follows else PUBLISHABLE)
        for system, c in counts.items():
            headlines = f"{c['headlines']} | {c['bad headlines']}" if c["headlines"] else "- | -"
            share = c["refused"] / max(c["shown"], 1)
            labelled = c["labelled refused"] / max(c["labelled"], 1)
            whole = c["whole refused"] / max(c["whole shown"], 1)
            print(f"| {name} | {system} | {headlines} | {c['shown']} | {c['refused']} | {share:.1%} | "
                  f"{c['labelled']} | {c['labelled refused']} | {labelled:.1%} | {c['whole clusters']} | "
                  f"{c['whole shown']} | {c['whole refused']} | {whole:.1%} |")
    print()
    print(ledes_and_headlines(names, systems))
    for (name, system), texts in offending.items():
        print(f"\n{name}, {system}: {len(texts)} refused")
        for text in texts[: args.show]:
            print(f"- {text[:200]}")


if __name__ == "__main__":
    main()
