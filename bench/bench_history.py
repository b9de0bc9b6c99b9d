"""Benchmark: the history of every figure over 2,000 commits, against ``git log -p``.

Builds a repository (in a temporary folder) holding one ~10 KB factsheet (the bundled 2021
Global Coalition text) over 2,000 commits, each editing one figure, then times, as whole
processes with start-up included:

- ``git log -p -- factsheet.txt``: git printing the same file's history;
- ``factcheck history factsheet.txt`` (text and JSON output).

It prints both, the ratio (target: within 10x), and the peak memory of ``factcheck history``
over the last 500, 1,000 and 2,000 commits (it should stay flat as the history grows).

Run: ``python bench/bench_history.py [--commits N] [--repeat R] [--keep DIR]``.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FACTSHEET = ROOT / "snapshots" / "global-coalition" / "2021.txt"


def _template(text: str) -> tuple[list[str], list[str]]:
    """The text cut around each figure written in digits: pieces and the figures between."""
    from factcheck.extraction import extract

    spans = []
    for c in extract(text):
        m = re.compile(r"\d[\d,]*(?:\.\d+)?").search(text, c.provenance.offset,
                                                       c.provenance.offset + len(c.quote))
        if m:
            spans.append(m.span())
    pieces, figures, at = [], [], 0
    for a, b in sorted(set(spans)):
        pieces.append(text[at:a])
        figures.append(text[a:b])
        at = b
    pieces.append(text[at:])
    return pieces, figures


def _another(figure: str, rng: random.Random) -> str:
    """A different figure written the same way ("83" -> "85", "4.3" -> "4.1", "110,000")."""
    plain = figure.replace(",", "")
    while True:
        if "." in plain:
            whole, frac = plain.split(".")
            v = max(1, int(whole) + rng.randint(-3, 3))
            new = f"{v}.{rng.randint(0, 10 ** len(frac) - 1):0{len(frac)}d}"
        else:
            n = int(plain)
            lo, hi = max(1, n * 8 // 10), max(n * 12 // 10, n + 3)
            v = rng.randint(lo, hi)
            new = f"{v:,}" if "," in figure else str(v)
        if new != figure:
            return new


def build(repo: Path, commits: int, seed: int = 5) -> Path:
    """A repository with *commits* commits of factsheet.txt, each changing one figure."""
    rng = random.Random(seed)
    pieces, figures = _template(FACTSHEET.read_text(encoding="utf-8"))
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    stream = []
    t0 = 1_500_000_000
    for i in range(commits):
        if i:
            k = rng.randrange(len(figures))
            figures[k] = _another(figures[k], rng)
        body = "".join(p + f for p, f in zip(pieces, figures)) + pieces[-1]
        data = body.encode("utf-8")
        msg = f"edit {i}".encode()
        stream.append(b"commit refs/heads/main\n")
        stream.append(b"author Bench <bench@example.org> %d +0000\n" % (t0 + i * 3600))
        stream.append(b"committer Bench <bench@example.org> %d +0000\n" % (t0 + i * 3600))
        stream.append(b"data %d\n%s\n" % (len(msg), msg))
        # fast-import chains successive commits of one branch by itself.
        stream.append(b"M 100644 inline factsheet.txt\n")
        stream.append(b"data %d\n%s\n" % (len(data), data))
    subprocess.run(["git", "-C", str(repo), "fast-import", "--quiet"], input=b"".join(stream),
                   check=True)
    subprocess.run(["git", "-C", str(repo), "symbolic-ref", "HEAD", "refs/heads/main"],
                   check=True)
    subprocess.run(["git", "-C", str(repo), "checkout", "-q", "-f", "main"], check=True)
    return repo / "factsheet.txt"


# Whole processes run as an installed factcheck would: from this checkout, with byte-code
# caching allowed (an installation compiles its modules once, at install time).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPATH"] = str(ROOT)


def _time(cmd: list[str], cwd: Path, repeat: int) -> float:
    """Best wall time of *repeat* runs (after one warm-up run)."""
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, check=True, env=ENV)
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, check=True, env=ENV)
        best = min(best, time.perf_counter() - t)
    return best


def _peak(cmd: list[str], cwd: Path) -> int:
    """Peak resident memory (KiB) of one run of *cmd*, measured in a fresh child."""
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *cmd], cwd=cwd, check=True,
                         capture_output=True, text=True, env=ENV)
    return int(out.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--commits", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", type=Path, default=None, help="build the repository here")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    repo = args.keep or tmp / "repo"
    try:
        t = time.perf_counter()
        path = build(repo, args.commits)
        size = path.stat().st_size
        print(f"repository: {args.commits} commits of a {size / 1024:.1f} KB factsheet, "
              f"each editing one figure (built in {time.perf_counter() - t:.1f} s)")
        env_py = [sys.executable, "-m", "factcheck"]
        git_s = _time(["git", "log", "-p", "--", "factsheet.txt"], repo, args.repeat)
        fc_s = _time([*env_py, "history", "factsheet.txt"], repo, args.repeat)
        fcj_s = _time([*env_py, "history", "factsheet.txt", "--format", "json"], repo,
                      args.repeat)
        blame_s = _time([*env_py, "blame", "factsheet.txt"], repo, args.repeat)
        py_s = _time([sys.executable, "-c", "pass"], repo, args.repeat)
        print(f"git log -p factsheet.txt          {git_s * 1000:8.0f} ms")
        print(f"factcheck history factsheet.txt   {fc_s * 1000:8.0f} ms   "
              f"ratio {fc_s / git_s:5.1f}x (target: within 10x)")
        print(f"factcheck history --format json   {fcj_s * 1000:8.0f} ms   "
              f"ratio {fcj_s / git_s:5.1f}x")
        print(f"factcheck blame factsheet.txt     {blame_s * 1000:8.0f} ms   "
              f"ratio {blame_s / git_s:5.1f}x")
        print(f"(python -c pass                   {py_s * 1000:8.0f} ms)")
        print("peak memory of factcheck history (it should stay flat as history grows):")
        for n in (500, 1000, 2000):
            if n > args.commits:
                continue
            rev = f"HEAD~{n - 1}" if n < args.commits else None
            cmd = [*env_py, "history", "factsheet.txt"] + (["--rev", f"{rev}.."] if rev else [])
            print(f"  last {n:5d} commits: {_peak(cmd, repo) / 1024:6.1f} MiB")
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
