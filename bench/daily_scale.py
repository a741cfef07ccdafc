"""``briefer daily`` serial, on a local Dask cluster, and on an external scheduler: time, CPU and memory, same piles.

    .venv/bin/python bench/daily_scale.py [--sizes 1000,5000,20000,100000] [--workers 2] [--previous DIR]
                                          [--out FILE.md]

Piles: ``bench/stories.py``'s ``scaled_day`` (the 651 real development articles, then partial rewrites of them
under other outlets), written per size as a folder of .jsonl shards of 10,000 articles (a single file of 100,000
is 270 MB). Each mode runs ``briefer daily PILE`` as a fresh process
(``--stories 18`` so that the per-story work is what is measured, not a 6-story page): serial; ``--workers N``
(a LocalCluster started by the command, its start-up counted); ``--scheduler`` on a ``dask scheduler`` and N
``dask worker --nthreads 1`` processes started before the timing. Reported per run (GNU time): wall seconds, CPU
seconds of the command and its children (not of external workers), the largest RSS among them, and each external
worker's RSS at the end; and whether the page (brief.json without its generator line) is the serial one. With
``--previous DIR`` (a checkout of an earlier commit), the serial run of that briefer on the same pile comes first,
as the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.stories import scaled_day, write_day  # noqa: E402

BRIEFER = [sys.executable, "-m", "briefer"]
STORIES = 18


def run(pile: Path, out: Path, extra: list[str], previous: Path | None = None) -> dict:
    """One ``briefer daily`` under GNU time: wall, user + system CPU of it and its children, the largest RSS; with
    ``previous``, the briefer of that checkout (``python -m`` puts the working folder first on the path)."""
    command = ["/usr/bin/time", "-f", "%e %U %S %M", *BRIEFER, "daily", str(pile), "--out-dir", str(out), "-f",
               "json", "-q", "--stories", str(STORIES), *extra]
    env = {**os.environ, "PYTHONPATH": str(previous)} if previous else None
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800, env=env, cwd=previous)
    if done.returncode != 0:
        raise SystemExit(f"briefer daily {' '.join(extra)} failed: {done.stderr.strip()[-500:]}")
    wall, user, system, peak_kib = done.stderr.strip().splitlines()[-1].split()
    page = json.loads(next(out.glob("*/brief.json")).read_text())
    page.pop("generator", None)
    return {"wall": float(wall), "cpu": float(user) + float(system), "peak_mib": int(peak_kib) / 1024, "page": page}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def external(workers: int, env: dict[str, str]) -> tuple[str, list[subprocess.Popen]]:
    """A ``dask scheduler`` and ``workers`` single-thread ``dask worker`` processes, ready."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask = str(Path(sys.executable).parent / "dask")
    procs = [subprocess.Popen([dask, "scheduler", "--port", str(port), "--dashboard-address", ":0"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    time.sleep(3)
    procs += [subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--no-nanny", "--dashboard-address",
                                ":0"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
              for _ in range(workers)]
    from distributed import Client

    with Client(address, timeout=30) as client:
        client.wait_for_workers(workers, timeout=60)
    return address, procs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000,100000")
    parser.add_argument("--previous", type=Path, help="a checkout of an earlier briefer: its serial run as baseline")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    previous = ""
    if args.previous:
        previous = subprocess.run(["git", "-C", str(args.previous), "rev-parse", "--short", "HEAD"],
                                  capture_output=True, text=True, check=True).stdout.strip()
    lines = [f"# `bench/daily_scale.py --sizes {args.sizes} --workers {args.workers}"
             f"{' --previous ' + previous if previous else ''}`, {date.today()}, "
             f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, load average "
             f"{os.getloadavg()[0]:.1f} at start", "",
             f"`briefer daily PILE --stories {STORIES} -f json`, a fresh process per run. CPU: the command and its "
             "children (a LocalCluster's workers are its children; external workers are not).", "",
             "| articles | mode | wall s | CPU s | largest RSS MiB | external workers' RSS MiB | same page as serial |",
             "|---:|---|---:|---:|---:|---:|---|"]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        address, procs = external(args.workers, env)
        try:
            for n in (int(s) for s in args.sizes.split(",")):
                pile = write_day(scaled_day(n)[0], folder / f"day-{n}", per_file=10_000)
                if args.previous:
                    before = run(pile, folder / f"previous-{n}", [], args.previous.resolve())
                    lines.append(f"| {n:,} | serial, previous briefer ({previous}) | {before['wall']:.1f} | "
                                 f"{before['cpu']:.1f} | {before['peak_mib']:.0f} | - | - |")
                    print(lines[-1], file=sys.stderr)
                serial = run(pile, folder / f"serial-{n}", [])
                local = run(pile, folder / f"local-{n}", ["--workers", str(args.workers)])
                remote = run(pile, folder / f"remote-{n}", ["--scheduler", address])
                workers_rss = " / ".join(f"{rss_mib(p.pid):.0f}" for p in procs[1:])
                for mode, result, rss in (("serial", serial, "-"), (f"--workers {args.workers}", local, "-"),
                                          (f"--scheduler, {args.workers} dask workers", remote, workers_rss)):
                    same = "yes" if result["page"] == serial["page"] else "NO"
                    lines.append(f"| {n:,} | {mode} | {result['wall']:.1f} | {result['cpu']:.1f} | "
                                 f"{result['peak_mib']:.0f} | {rss} | {same} |")
                    print(lines[-1], file=sys.stderr)
        finally:  # workers that lost their scheduler keep retrying: stop them, and kill what does not stop
            for proc in reversed(procs):
                proc.terminate()
            for proc in procs:
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
