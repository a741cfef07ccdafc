"""How saved pages are credited: by the name they declare, their address, a name their title gives, or "Source N".

    .venv/bin/python bench/outlets.py FOLDER [FOLDER ...] [--list] [--out FILE]

Reads each ``*.html`` page of each folder as ``briefer brief`` would (``load_cluster``), then counts how its outlet
was found: a page with an address (canonical link, ``og:url``) is credited by it or by the name it declares; one
without, by the name it declares or a host it gives, else by a name its title or copyright notice carries that the
page confirms (``briefer.ingest.outlets.confirmed_name``), else "Source N". ``--list`` prints every page named so,
with its ``<title>``, to be read: a wrong name there is a wrong citation. Folders: the scrapinghub pages
(``bench/real_pages.py``) and L3S-GN1's (docs/daily_pages.md). Copied into an older checkout, it counts that
checkout's credits (before ``confirmed_name``, every page it names without an address declares the name).
"""

from __future__ import annotations

import argparse
import platform
import sys
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefer.errors import InputError  # noqa: E402
from briefer.ingest import load  # noqa: E402
from briefer.publish.output import write_atomic  # noqa: E402


def title_named(html: str) -> str | None:
    """The name ``confirmed_name`` finds for a page, read apart from the loader (what it would give a page that
    declares nothing)."""
    try:
        from briefer.ingest.outlets import confirmed_name
    except ImportError:  # a checkout from before it, run for the baseline
        return None
    page = load._parsed(html)
    return confirmed_name(load._page_values(page, load._DECLARED_TITLES), load._linked_hosts(page),
                          " ".join(load._page_values(page, load._NOTICES)))


def credits(folder: Path) -> tuple[Counter[str], list[str]]:
    counts: Counter[str] = Counter()
    named: list[str] = []
    for path in sorted(folder.glob("*.html")):
        try:
            article = load.load_cluster(path).articles[0]
        except InputError:
            counts["not read (no article text, an error page)"] += 1
            continue
        html = path.read_text(encoding="utf-8", errors="replace")
        if article.url:
            counts["an address (named by it or by the name the page declares)"] += 1
        elif not article.outlet:
            counts['no address, no name: "Source N"'] += 1
        elif article.outlet == title_named(html):
            counts["no address: a name its title or copyright notice gives, confirmed by the page"] += 1
            titles = load._page_values(load._parsed(html), load._DECLARED_TITLES)
            named.append(f"| {path.name[:12]} | {article.outlet} | {' '.join((titles or [''])[0].split())[:100]} |")
        else:
            counts["no address: the name or host the page declares"] += 1
    return counts, named


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--list", action="store_true", help="list the pages named by their titles")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    lines = [f"# Outlets of saved pages: `bench/outlets.py`, {date.today()}, {platform.machine()}, "
             f"Python {platform.python_version()}", ""]
    for folder in args.folders:
        counts, named = credits(folder)
        lines += [f"## {folder}: {sum(counts.values())} pages", "", "| credited by | pages |", "|---|---:|",
                  *(f"| {how} | {n} |" for how, n in sorted(counts.items())), ""]
        if args.list:
            lines += ["| page | name | its title |", "|---|---|---|", *named, ""]
    text = "\n".join(lines)
    print(text)
    if args.out:
        write_atomic(args.out, text + "\n")


if __name__ == "__main__":
    main()
