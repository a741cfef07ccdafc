"""Which saved pages ``briefer.core.roundups.is_front_page`` takes for a site's front or section page, to be read.

    .venv/bin/python bench/front_pages.py /work/pages /tmp/readability /tmp/postlight ...   # folders of .html pages

Prints every page it flags (file, URL, title, the start of its text) and the counts per folder: each flag is read by
hand (docs/daily_pages.md lists where the pages come from; none is in the repository).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefer.core.roundups import is_front_page  # noqa: E402
from briefer.errors import BrieferError  # noqa: E402
from briefer.ingest.load import load_cluster  # noqa: E402


def main() -> None:
    total = flagged = with_url = 0
    print("| folder | page | URL | title | text starts |\n|---|---|---|---|---|")
    counts = []
    for folder in map(Path, sys.argv[1:]):
        pages = found = 0
        for page in sorted(folder.glob("*.html")):
            try:
                article = load_cluster(page).articles[0]
            except BrieferError:
                continue
            pages += 1
            with_url += bool(article.url)
            if is_front_page(article):
                found += 1
                print(f"| {folder.name} | {page.name[:40]} | {article.url} | {(article.title or '')[:60]} | "
                      f"{' '.join(article.text.split())[:70]} |")
        counts.append((folder.name, pages, found))
        total += pages
        flagged += found
    print("\n| folder | pages read | taken for front pages |\n|---|---|---|")
    for name, pages, found in counts:
        print(f"| {name} | {pages} | {found} |")
    print(f"\n{total} pages ({with_url} with a URL), {flagged} taken for front pages")


if __name__ == "__main__":
    main()
