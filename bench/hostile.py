"""Hostile-input fuzz run: every input format, broken every way the issue-19 audit tried, each through the real CLI.

    .venv/bin/python bench/hostile.py [--out FILE.md] [--jobs N]

Each case builds its input in a fresh folder, runs ``python -m briefer ...`` as a subprocess (timeout 120 s) and
is clean when: no traceback; the exit code is a documented one (0, 2, 3, 6) with, on failure, exactly one
``error:`` line; nothing outside ``out/`` or ``outputs/`` was created or changed (the inputs and a sentinel file
are hashed before and after); and what was written carries no control character, no live ``<script>``/event
handler and no file content pulled in by an external entity. The table (cases, clean, tracebacks, hangs, data
lost, unsafe output) goes to stdout and, with --out, to a Markdown file (docs/robustness.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOCUMENTED = {0, 2, 3, 6}
# A script tag or an event handler inside a real tag (escaped text such as "&lt;img onerror=" is harmless).
LIVE_MARKUP = re.compile(r"<script|<[a-z][^<>]*\son[a-z]+\s*=", re.IGNORECASE)
TEXT = ("Blinken and Lavrov met in Geneva on Friday for talks on Ukraine. The United States will reply in writing "
        "next week. Both sides called the meeting frank and useful. No breakthrough was announced after the talks.")
RU = "Министр Лавров встретился в Женеве с госсекретарём Блинкеном в пятницу. Стороны обсудили Украину."
JA = "東京で会談が行われた。両国の外相は金曜日に会った。関係者によると、協議は有益だった。"


def record(n: int, **fields: object) -> dict:
    return {"title": f"Geneva talks {n}", "url": f"https://www.outlet{n}.example/news/{n}", "date": "2022-01-21",
            "text": TEXT, **fields}


def article(n: int, **fields: object) -> str:
    r = record(n, **fields)
    return f"{r['title']}\n{r['date']}\n{r['url']}\n\n{r['text']}\n"


def good_folder(root: Path, name: str = "in") -> Path:
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, 4):
        (folder / f"{n}.txt").write_text(article(n))
    return folder


def feed(entries: str, prolog: str = '<?xml version="1.0"?>') -> str:
    return f'{prolog}<rss version="2.0"><channel><title>Feed</title>{entries}</channel></rss>'


def item(n: int, description: str = TEXT) -> str:
    return (f"<item><title>Geneva talks {n}</title><link>https://www.outlet{n}.example/{n}</link>"
            f"<description>{description}</description></item>")


# Each builder makes its input under ``root`` and returns the briefer arguments (paths relative to root).
def cases() -> dict[str, callable]:
    c: dict[str, callable] = {}

    def add(name):
        def register(builder):
            c[name] = builder
            return builder
        return register

    # --- plain text and folders
    @add("txt: truncated mid-character")
    def _(root):
        (root / "a.txt").write_bytes(article(1).encode()[:-3] + "é".encode()[:1])
        return ["brief", "a.txt"]

    @add("txt: binary")
    def _(root):
        (root / "a.txt").write_bytes(os.urandom(4096))
        return ["brief", "a.txt"]

    for encoding, body in (("utf-16", TEXT), ("latin-1", TEXT.replace("Geneva", "Genève")), ("koi8-r", RU),
                           ("shift_jis", JA)):
        @add(f"txt: {encoding}")
        def _(root, encoding=encoding, body=body):
            (root / "a.txt").write_bytes(f"Title\n\n{body}\n".encode(encoding))
            return ["brief", "a.txt"]

    @add("txt: NUL, ESC and OSC in title and text")
    def _(root):
        (root / "a.txt").write_text("Evil\x1b]0;owned\x07 title\x00\n\n" + TEXT.replace("Geneva", "Gen\x1b[31meva"))
        return ["brief", "a.txt", "-o", "out/b.md"]

    @add("txt: CR only line ends")
    def _(root):
        (root / "a.txt").write_text(article(1).replace("\n", "\r"))
        return ["brief", "a.txt", "-o", "out/"]

    @add("txt: 1 MB title line")
    def _(root):
        (root / "a.txt").write_text("T" * 1_000_000 + "\n\n" + TEXT)
        return ["brief", "a.txt", "-o", "out/"]

    @add("txt: 200 MB sparse file")
    def _(root):
        with open(root / "a.txt", "wb") as handle:
            handle.truncate(200 * 1024 * 1024)
        return ["brief", "a.txt"]

    @add("txt: link to /dev/zero")
    def _(root):
        folder = good_folder(root)
        (folder / "zero.txt").symlink_to("/dev/zero")
        return ["brief", "in", "-o", "out/"]

    @add("txt: 6,000 sentences on one line")
    def _(root):
        sentences = [f"Officials said round {n} of the talks in Geneva ended at noon on Friday." for n in range(6000)]
        (root / "a.txt").write_text("Long\n\n" + " ".join(sentences))
        return ["brief", "a.txt", "-o", "out/"]

    @add("folder: symlink loop")
    def _(root):
        folder = good_folder(root)
        (folder / "loop.txt").symlink_to(folder / "loop.txt")
        return ["brief", "in", "-o", "out/"]

    @add("folder: FIFO")
    def _(root):
        folder = good_folder(root)
        os.mkfifo(folder / "pipe.txt")
        return ["brief", "in", "-o", "out/"]

    @add("folder: unreadable file (chmod 000)")
    def _(root):
        folder = good_folder(root)
        (folder / "locked.txt").write_text(article(9))
        (folder / "locked.txt").chmod(0)
        return ["brief", "in", "-o", "out/"]

    @add("folder: 20,000 small files")
    def _(root):
        folder = root / "in"
        folder.mkdir()
        for n in range(20_000):
            (folder / f"{n:05}.txt").write_text(f"Title {n}\n\nShort text number {n} about the talks in Geneva.\n")
        return ["brief", "in"]

    @add("folder: empty")
    def _(root):
        (root / "in").mkdir()
        return ["brief", "in"]

    @add("folder: --out inside it")
    def _(root):
        good_folder(root)
        return ["brief", "in", "-o", "in/"]

    @add("txt: --out is the input")
    def _(root):
        (root / "a.txt").write_text(article(1))
        return ["brief", "a.txt", "-o", "a.txt"]

    # --- JSON and JSON lines
    @add("json: truncated")
    def _(root):
        (root / "a.json").write_text(json.dumps(record(1))[:-20])
        return ["brief", "a.json"]

    @add("json: nested 100,000 deep")
    def _(root):
        (root / "a.json").write_text("[" * 100_000)
        return ["brief", "a.json"]

    @add("json: 5,000-digit number")
    def _(root):
        (root / "a.json").write_text('{"text": ' + "7" * 5000 + "}")
        return ["brief", "a.json"]

    @add("json: wrong types in fields")
    def _(root):
        (root / "a.json").write_text(json.dumps([{"text": 5}, {"text": TEXT, "title": {"x": 1}, "url": [1],
                                                                "outlet": 7, "date": None}]))
        return ["brief", "a.json", "-o", "out/"]

    @add("jsonl: one bad line of each kind")
    def _(root):
        lines = [json.dumps(record(n)) for n in range(1, 4)] + ["[" * 100_000, "7" * 5000, "{bad", "null", "[]"]
        (root / "a.jsonl").write_text("\n".join(lines))
        return ["brief", "a.jsonl", "-o", "out/"]

    @add("jsonl: hostile titles, URLs and outlets")
    def _(root):
        hostile = [record(1, title="../../../../tmp/pwned\r\nBcc: x@evil.example", outlet="../../etc/passwd"),
                   record(2, url='https://evil.example/"><script>alert(1)</script>',
                          outlet="<img src=x onerror=alert(1)>"),
                   record(3, url="javascript:alert(1)", title="x" * 100_000, outlet="\x1b]0;owned\x07")]
        (root / "a.jsonl").write_text("\n".join(json.dumps(r) for r in hostile))
        return ["brief", "a.jsonl", "-f", "html", "-o", "out/b.html"]

    @add("jsonl: UTF-16 with BOM")
    def _(root):
        (root / "a.jsonl").write_bytes("\n".join(json.dumps(record(n)) for n in range(1, 4)).encode("utf-16"))
        return ["brief", "a.jsonl", "-o", "out/"]

    # --- HTML
    @add("html: scripts and event handlers")
    def _(root):
        page = (f"<html><head><title>Talks</title><script>alert(1)</script></head><body onload='alert(2)'><article>"
                f"<p>{TEXT}</p><p><img src=x onerror=alert(3)> {TEXT}</p></article></body></html>")
        (root / "a.html").write_text(page)
        return ["brief", "a.html", "-f", "html", "-o", "out/b.html"]

    @add("html: truncated")
    def _(root):
        (root / "a.html").write_text(f"<html><body><article><p>{TEXT}</p><p>{TEXT[:40]}")
        return ["brief", "a.html", "-o", "out/"]

    @add("html: no address, a title of 20,000 names and a footer of copyright marks")
    def _(root):
        title = " - ".join(f"Name{k}" for k in range(20_000))
        marks = "\u00a9 " + " " * 50 + "2008 by of the "
        page = (f"<html><head><title>{title}</title></head><body><article><p>{TEXT}</p><p>{TEXT}</p></article>"
                f"<p>{marks * 20_000}</p>" + "".join(f'<a href="http://n{k}.example/">x</a>' for k in range(2_000))
                + "</body></html>")
        (root / "a.html").write_text(page)
        return ["brief", "a.html", "-o", "out/"]

    @add("html: error and browser-notice pages in a daily folder")
    def _(root):
        folder = good_folder(root)
        (folder / "404.html").write_text("<html><head><title>Page Not Found | Site</title></head><body><p>Use your "
                                         "browser's back button to return to the page that brought you here.</p>"
                                         "<p>Check out stories about watches, suits and hair styles.</p></body></html>")
        (folder / "js.html").write_text("<html><head><title>Stars are engaged</title></head><body><p>JavaScript is "
                                        "disabled on your browser. Please enable JavaScript or upgrade to a "
                                        "JavaScript-capable browser to use this site.</p></body></html>")
        return ["daily", "in", "--out-dir", "out"]

    # --- feeds (daily)
    @add("feed: billion laughs")
    def _(root):
        entities = '<!ENTITY a "lol">' + "".join(f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">'
                                                  for k in range(9))
        (root / "f.rss").write_text(feed(item(1, "&j;") + item(2) + item(3),
                                         f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]>'))
        return ["daily", "f.rss", "--out-dir", "out"]

    @add("feed: external entity (file:///etc/passwd)")
    def _(root):
        prolog = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        (root / "f.rss").write_text(feed(item(1, "&x; " + TEXT) + item(2) + item(3), prolog))
        return ["daily", "f.rss", "--out-dir", "out"]

    @add("feed: KOI8-R declared as UTF-8")
    def _(root):
        (root / "f.rss").write_bytes(feed(item(1, RU) + item(2, RU)).encode("koi8-r"))
        return ["daily", "f.rss", "--out-dir", "out"]

    @add("feed: truncated")
    def _(root):
        (root / "f.rss").write_text(feed(item(1) + item(2))[:-60])
        return ["daily", "f.rss", "--out-dir", "out"]

    @add("daily: FIFO and a broken previous page")
    def _(root):
        folder = good_folder(root)
        os.mkfifo(folder / "pipe.txt")
        (root / "out" / "2022-01-20").mkdir(parents=True)
        (root / "out" / "2022-01-20" / "brief.json").write_text(
            json.dumps({"kind": "daily", "stories": [{"headline": None, "outlets": [{}]}]}))
        return ["daily", "in", "--out-dir", "out"]

    @add("daily: user's json in stories/")
    def _(root):
        good_folder(root)
        (root / "out" / "2022-01-21" / "stories").mkdir(parents=True)
        (root / "out" / "2022-01-21" / "stories" / "mine.json").write_text("{}")
        return ["daily", "in", "--out-dir", "out"]

    # --- config and templates
    for toml in ('[brief]\nwords = "abc"', "[brief]\nwords = 1e400", "brief = 5", 'outlets = "x"',
                 '[brief]\nformat = ["md"]', "[brief]\ntemplate_dir = 7", "[brief\nwords=", "\x00\xff"):
        @add(f"config: {toml!r}")
        def _(root, toml=toml):
            good_folder(root)
            (root / "briefer.toml").write_bytes(toml.encode("utf-8", "surrogateescape") if "\xff" not in toml
                                                else b"\x00\xff")
            return ["brief", "in", "--config", "briefer.toml"]

    for source in ("{% for %}", "{{ brief.__class__.__mro__ }}", "{{ brief.nothing }}", "{% include '/etc/passwd' %}",
                   "{{ brief.points.clear() }}"):
        @add(f"template: {source}")
        def _(root, source=source):
            good_folder(root)
            (root / "t.md.j2").write_text(source)
            return ["brief", "in", "--template", "t.md.j2", "-o", "out/"]

    return c


@dataclass
class Outcome:
    name: str
    code: int | None
    traceback: bool
    hang: bool
    lost: bool
    unsafe: bool
    messages: bool

    @property
    def clean(self) -> bool:
        return not (self.traceback or self.hang or self.lost or self.unsafe) and self.messages


def snapshot(root: Path) -> dict[str, str]:
    """Every path under root outside the output folders, with the hash of each regular file."""
    seen = {}
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if relative.parts[0] in ("out", "outputs"):
            continue
        try:
            seen[str(relative)] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() and \
                path.stat().st_size < 50_000_000 and not relative.name.startswith("zero") else "special"
        except OSError:
            seen[str(relative)] = "unreadable"
    return seen


def unsafe_output(root: Path) -> bool:
    for folder in ("out", "outputs"):
        for path in (root / folder).rglob("*") if (root / folder).is_dir() else []:
            if not path.is_file() or path.name == "brief.json" and "2022-01-20" in str(path):
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            if any(c in text for c in "\x00\x1b\x07") or "root:x:0" in text:
                return True
            if path.suffix == ".html" and LIVE_MARKUP.search(text):
                return True
    return False


def run_case(name: str, builder) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="briefer-hostile-") as folder:
        root = Path(folder)
        args = builder(root)
        (root / "keep.txt").write_text("a file nothing may touch\n")
        before = snapshot(root)
        env = {**os.environ, "PYTHONPATH": str(REPO), "BRIEFER_HOME": str(root / ".home")}
        try:
            done = subprocess.run([sys.executable, "-m", "briefer", *args, "--embedder", "lexical"]
                                  if args[0] in ("brief", "daily") else [sys.executable, "-m", "briefer", *args],
                                  cwd=root, capture_output=True, timeout=120, env=env)
        except subprocess.TimeoutExpired:
            return Outcome(name, None, False, True, False, False, False)
        finally:
            for path in root.rglob("*"):  # let TemporaryDirectory remove what chmod 000 locked
                if not path.is_symlink():
                    try:
                        path.chmod(0o755)
                    except OSError:
                        pass
        stderr = done.stderr.decode("utf-8", "replace")
        after = snapshot(root)
        lost = any(after.get(path) != digest for path, digest in before.items()) or bool(set(after) - set(before))
        lines = [line for line in stderr.splitlines() if line.strip()]
        errors = [line for line in lines if line.startswith("error: ")]
        messages = done.returncode in DOCUMENTED and all(line.startswith(("error: ", "warning: ")) for line in lines) \
            and (done.returncode == 0 or len(errors) == 1)
        return Outcome(name, done.returncode, "Traceback" in stderr, False, lost, unsafe_output(root), messages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="also write the Markdown table here")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    every = cases()
    with ThreadPoolExecutor(args.jobs) as pool:
        outcomes = list(pool.map(lambda item: run_case(*item), every.items()))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout
    rows = [f"| {o.name.replace('|', '/')} | {o.code if o.code is not None else 'hang'} | "
            f"{'yes' if o.clean else 'NO'} |" for o in outcomes]
    summary = ("| cases | clean | tracebacks | hangs | data lost | unsafe output | bad messages |\n"
               "|---|---|---|---|---|---|---|\n"
               f"| {len(outcomes)} | {sum(o.clean for o in outcomes)} | {sum(o.traceback for o in outcomes)} | "
               f"{sum(o.hang for o in outcomes)} | {sum(o.lost for o in outcomes)} | "
               f"{sum(o.unsafe for o in outcomes)} | {sum(not o.messages and not o.hang for o in outcomes)} |")
    report = (f"Run {date.today().isoformat()} at commit {commit.strip()} with `python bench/hostile.py`"
              f" (Python {sys.version.split()[0]}, {os.cpu_count()} CPUs).\n\n{summary}\n\n"
              "| case | exit code | clean |\n|---|---|---|\n" + "\n".join(rows) + "\n")
    print(report)
    if args.out:
        args.out.write_text(args.out.read_text().split("<!-- table -->")[0] + "<!-- table -->\n\n" + report
                            if args.out.exists() else report)


if __name__ == "__main__":
    main()
