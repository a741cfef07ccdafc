"""A folder of real saved news pages for ``briefer daily``, from public test corpora (docs/daily_pages.md).

    .venv/bin/python bench/real_pages.py OUT_FOLDER [--mirror PATH]

Copies the 181 news pages of scrapinghub/article-extraction-benchmark (MIT; gzipped HTML saved from the live
sites, with each page's URL in ground-truth.json) out of a local git mirror of that repository (the `fetch` tool,
or `git clone https://github.com/scrapinghub/article-extraction-benchmark`) at the commit the docs name, as
``OUT_FOLDER/<id>.html``. The pages are not in this repository: 181 pages are 9 MB of other people's HTML.
The page's URL is not added: what briefer makes of the page is what it reads in it (canonical link, og:url).
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
from pathlib import Path

COMMIT = "4a3bc97"  # the benchmark's commit the manifest in docs/daily_pages.md lists
DEFAULT_MIRROR = Path("/work/.mirror/scrapinghub+article-extraction-benchmark/repo")


def git(mirror: Path, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(mirror), *args], check=True, capture_output=True).stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR, help="the benchmark repository's git folder")
    args = parser.parse_args()
    names = git(args.mirror, "ls-tree", "--name-only", COMMIT, "html/").decode().split()
    args.out.mkdir(parents=True, exist_ok=True)
    for name in names:
        page = gzip.decompress(git(args.mirror, "show", f"{COMMIT}:{name}"))
        (args.out / Path(name).name.removesuffix(".gz")).write_bytes(page)
    print(f"{len(names)} pages in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
