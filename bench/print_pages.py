"""How many printed pages a brief's HTML takes on A4 and on US Letter, measured by a real headless browser.

    PYTHONPATH=. .venv/bin/python bench/print_pages.py [--multinews 20] [--long] [--daily 6] [--keep DIR] [--out FILE.md]

Clusters: the bundled sample, ``--multinews`` Multi-News dev clusters at fixed, evenly spaced positions, and the
10 MultiLing 2011 clusters. Each is briefed by ``build_brief`` with default settings (``--length medium``, which
fills its word budget); with ``--long`` also at ``--length long``. Each brief is rendered by
``render(brief, "html")`` and printed to PDF twice by Debian's ``chromium`` (print-to-PDF, no header or
footer). The shipped HTML names no paper size, so that the reader's printer default applies; the bench prints a copy with
``<style>@page{size:A4}</style>`` (or ``letter``) put in front of the head, and counts pages with ``pdfinfo``.
With ``--daily N``, also N daily pages (``briefer daily`` with default settings), each from a pile of 30 Multi-News
dev clusters shuffled together, and one of all 10 MultiLing clusters. Needs ``apt-get install chromium poppler-utils``.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import tempfile
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from briefer.daily.day import build_day, render_page
from briefer.errors import InputError
from briefer.ingest.feeds import Gathered
from briefer.evaluate.datasets import read_clusters
from briefer.ingest.load import load_cluster, sample_cluster_path
from briefer.pipeline import build_brief
from briefer.publish.render import render
from briefer.settings import LENGTH_PRESETS, BriefSettings, DailySettings
from briefer.types import Article

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
PAPERS = {"A4": "A4", "Letter": "letter"}
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
)


@dataclass(frozen=True)
class Printed:
    cluster: str
    words: int
    points: int
    sources: int
    pages: dict[str, int]


def dev_clusters(multinews: int) -> list[tuple[str, list[Article]]]:
    """The sample, Multi-News dev at evenly spaced positions (the same ones every run), all of MultiLing."""
    clusters = [("sample", list(load_cluster(sample_cluster_path()).articles))]
    news = read_clusters(EVAL / "multinews-dev.jsonl")
    positions = sorted({i * len(news) // multinews for i in range(multinews)}) if multinews else []
    clusters += [(f"multinews#{i}", list(news[i].articles)) for i in positions]
    clusters += [(c.id, list(c.articles)) for c in read_clusters(EVAL / "multiling2011-en.jsonl")]
    return clusters


def with_paper(html: str, paper: str) -> str:
    """The page with a paper size the browser must use, as a user's print dialog would set it."""
    return html.replace("<head>", f"<head><style>@page{{size:{paper}}}</style>", 1)


def print_pages(html: str, paper: str, workdir: Path, name: str) -> int:
    """Print ``html`` on ``paper`` with headless Chromium; the PDF stays in ``workdir`` as ``name``.pdf."""
    page = workdir / f"{name}.html"
    pdf = workdir / f"{name}.pdf"
    page.write_text(with_paper(html, paper), encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", page.as_uri()],
            check=True, capture_output=True, timeout=120,
        )
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def measure(clusters: list[tuple[str, list[Article]]], settings: BriefSettings, workdir: Path) -> list[Printed]:
    rows = []
    for name, articles in clusters:
        try:
            brief = build_brief(articles, settings)
        except InputError as exc:  # a cluster with no usable text has no brief to print
            print(f"{name}: no brief ({exc})", file=sys.stderr)
            continue
        html = render(brief, "html")
        stem = name.replace("#", "-")
        pages = {label: print_pages(html, paper, workdir, f"{stem}-{settings.words}-{label}")
                 for label, paper in PAPERS.items()}
        rows.append(Printed(name, brief.words, len(brief.points), len(brief.articles), pages))
        print(f"{name}: {brief.words} words, {pages}", file=sys.stderr)
    return rows


def daily_piles(count: int) -> list[tuple[str, list[Article]]]:
    """``count`` piles of 30 Multi-News dev clusters each (consecutive in the file, articles shuffled with a fixed
    seed, cluster ids dropped), and one of MultiLing's 10 clusters: a day's worth of stories to cluster back."""
    import random

    news = read_clusters(EVAL / "multinews-dev.jsonl")
    groups = [(f"multinews {30 * k}-{30 * k + 29}", news[30 * k: 30 * k + 30]) for k in range(count)]
    groups.append(("multiling", read_clusters(EVAL / "multiling2011-en.jsonl")))
    piles = []
    for name, clusters in groups:
        articles = [replace(a, id=f"p{n}") for n, a in enumerate(a for c in clusters for a in c.articles)]
        random.Random(0).shuffle(articles)
        piles.append((name, articles))
    return piles


def measure_daily(piles: list[tuple[str, list[Article]]], workdir: Path) -> list[Printed]:
    rows = []
    for name, articles in piles:
        day = build_day(Gathered(tuple(articles), (None,) * len(articles), ()), DailySettings())
        html = render_page(day.page, "html")
        stem = name.replace(" ", "-")
        pages = {label: print_pages(html, paper, workdir, f"daily-{stem}-{label}") for label, paper in PAPERS.items()}
        rows.append(Printed(name, day.page.words, sum(len(s.shown) for s in day.page.stories), len(day.page.stories),
                            pages))
        print(f"daily {name}: {day.page.words} words, {pages}", file=sys.stderr)
    return rows


def table(rows: list[Printed], title: str) -> list[str]:
    lines = [f"### {title}", "", "| cluster | words | points | sources | A4 pages | Letter pages |",
             "|---|---:|---:|---:|---:|---:|"]
    lines += [f"| {r.cluster} | {r.words} | {r.points} | {r.sources} | {r.pages['A4']} | {r.pages['Letter']} |"
              for r in rows]
    for label in PAPERS:
        one = sum(r.pages[label] == 1 for r in rows)
        lines.append(f"\n{label}: {one}/{len(rows)} on one page ({one / len(rows):.0%}), "
                     f"most pages {max(r.pages[label] for r in rows)}.")
    return [*lines, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--multinews", type=int, default=20, help="Multi-News dev clusters, evenly spaced")
    parser.add_argument("--long", action="store_true", help="also measure --length long")
    parser.add_argument("--daily", type=int, default=0, help="also N daily pages of 30 Multi-News clusters each")
    parser.add_argument("--keep", type=Path, help="keep the printed HTML and PDFs in this folder")
    parser.add_argument("--out", type=Path, help="also write the tables here (Markdown)")
    args = parser.parse_args()

    clusters = dev_clusters(args.multinews)
    runs = [("--length medium (the default)", BriefSettings())]
    if args.long:
        runs.append(("--length long", BriefSettings(words=LENGTH_PRESETS["long"])))
    chromium = subprocess.run(["chromium", "--version"], capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as scratch:
        workdir = args.keep or Path(scratch)
        workdir.mkdir(parents=True, exist_ok=True)
        report = [
            f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on {platform.node()} ({platform.machine()}, "
            f"Python {platform.python_version()}), {chromium}.",
            "",
        ]
        for title, settings in runs:
            report += table(measure(clusters, settings, workdir), f"{title}: {settings.words} words")
        if args.daily:
            report += table(measure_daily(daily_piles(args.daily), workdir),
                            f"daily pages (the default {DailySettings().words}-word page budget; "
                            "'points' counts story points, 'sources' stories)")
    text = "\n".join(report)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
