"""Headlines made from a sentence, as a brief with no usable title makes one from its lede: how many come out cut.

    .venv/bin/python bench/made_headlines.py [--pages 'GLOB' ...] [--show 20] > bench/results/made_headlines.md

Every article's first three sentences as shown (dateline stripped) are the ledes tried: those of the Multi-News dev
and MultiLing 2011 clusters, the sample, and of each saved page a ``--pages`` glob names (docs/daily_pages.md). A
Multi-News brief has no titles, so every headline of its page is made this way. For each sentence it counts the
headline made (or none: the brief then takes a point's), and the made ones an editor would refuse on sight, by rules
that read only the headline:

- ends on a word that needs more (what ``bench.junk`` counts as a cut headline too: "... bomb attacks of",
  "... arrested about 1");
- ends inside an aside on its subject: its only comma follows a subject of at most five words with no verb and opens
  an aside ("one of", "a", "who", a participle, an age), and the headline ends in it ("Teenager Autumn Veatch, one of
  three passengers on missing plane presumed crashed in North Cascades");
- opens on what is left of a date ("2013, Finley Boyle have heart attack ...").

Run it in two checkouts to compare (``PYTHONPATH=OLD .venv/bin/python bench/made_headlines.py``): it imports briefer
from the path first on ``sys.path``.
"""

from __future__ import annotations

import argparse
import glob
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))  # after PYTHONPATH: an older checkout's briefer may be measured

from briefer.core import admission, headline  # noqa: E402
from briefer.errors import InputError  # noqa: E402
from briefer.evaluate.datasets import read_clusters  # noqa: E402
from briefer.ingest import outlets  # noqa: E402
from briefer.ingest.load import load_cluster, sample_cluster_path  # noqa: E402
from briefer.text import clean, sentences  # noqa: E402
from briefer.text.lexicon import FINITE_VERB  # noqa: E402
from briefer.types import Article  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
SETS = {"multinews": EVAL / "multinews-dev.jsonl", "multiling": EVAL / "multiling2011-en.jsonl"}
# A headline that ends on a word that needs what follows it ("... bomb attacks of", "... arrested about 1" of "1:30
# p.m."): cut, though not at a full stop. ("Sworn in", "stood by" end on a particle.)
DANGLING_END = re.compile(r"\b(?i:of|the|a|an|to|and|or|at|with|for|from|that|than|about)$|"
                           r"\b(?:at|about|around|approximately)\s+\d{1,2}$")
# "Name, one of ...", "Estate documents, filed in ...": a subject of at most five words, then an aside that opens as
# asides do (a description, a relative clause, a participle, an age), and nothing after it.
_OPEN_ASIDE = re.compile(r"^(?P<subject>[A-Z\d][^,\s]*(?:\s+[^,\s]+){0,4}),\s+"
                         r"(?P<aside>(?:one|a|an|the|who|which|whose|of|aged|[a-z]+ed|\d)\b[^,]*)$")
_YEAR_LEFT = re.compile(r"^(?:19|20)\d\d,\s")


def openings(articles: list[Article]) -> list[str]:
    """The first three sentences of each article, as shown."""
    found: list[str] = []
    for article in (clean.clean_article(a) for a in outlets.assign_outlets(articles, {})):
        shown, _ = admission.strip_shown(sentences.sentences_of(article))
        found.extend(s.text for s in shown[:3])
    return found


def made(lede: str) -> str | None:
    """The headline ``briefer.core.headline.choose_headline`` makes of ``lede`` with no title, or None."""
    made_headline = headline._lede_headline(lede)
    return headline._attribution_last(headline._in_headline_tense(made_headline, lede)) if made_headline else None


DANGLING, ASIDE, YEAR = "ends on a word that needs more", "ends inside an aside on its subject", "opens on a date's year"


def problem(text: str) -> str | None:
    if DANGLING_END.search(text):
        return DANGLING
    aside = _OPEN_ASIDE.match(text)
    if aside and not FINITE_VERB.search(aside.group("subject")):
        return ASIDE
    if _YEAR_LEFT.match(text):
        return YEAR
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="append", default=[], help="glob of saved pages (repeatable)")
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args()
    sources: dict[str, list[str]] = {}
    for name, path in SETS.items():
        for cluster in read_clusters(path):
            sources.setdefault(name, []).extend(openings(list(cluster.articles)))
    sources["sample"] = openings(list(load_cluster(sample_cluster_path()).articles))
    for pattern in args.pages:
        for path in sorted(glob.glob(pattern)):
            try:
                sources.setdefault("saved pages", []).extend(openings(list(load_cluster(Path(path)).articles)))
            except InputError:
                continue
    print(f"Checkout measured: {Path(headline.__file__).resolve().parents[2]}\n")  # which briefer was imported
    print("| sentences of | tried | made | refused on sight | of which: ends on a word that needs more | inside an "
          "aside on its subject | opens on a date's year |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    shown: list[str] = []
    for name, ledes in sources.items():
        counts: Counter[str] = Counter()
        for lede in ledes:
            text = made(lede)
            counts["made"] += text is not None
            why = problem(text) if text else None
            if why:
                counts[why] += 1
                shown.append(f"[{why}] {text}")
        refused = sum(counts[k] for k in counts if k != "made")
        print(f"| {name} | {len(ledes)} | {counts['made']} | {refused} | {counts[DANGLING]} | {counts[ASIDE]} | "
              f"{counts[YEAR]} |")
    print(f"\nRefused on sight (first {args.show}):\n")
    for line in shown[:args.show]:
        print(f"- {line}")


if __name__ == "__main__":
    main()
