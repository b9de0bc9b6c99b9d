"""Memory of whole commands at n and 4n figures: peak resident memory (MiB) of each process.

Real-shaped text (the district text: many figures of one noun) and one line of a megabyte
("| 1 | 1 | ..."), for extract, check, diff and history (a folder of three versions). Prints a
table: the peak at n and at 4n figures and their ratio (linear memory grows at most 4x, and
the interpreter's own ~40 MiB comes first).

    python bench/bench_memory.py [--sizes 2500 10000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_linear import _district_text  # noqa: E402


def peak(args: list[str]) -> float:
    """The peak resident memory of `python -m factcheck ARGS`, in MiB."""
    code = ("import resource, runpy, sys; sys.argv = ['factcheck', *sys.argv[1:]];\n"
            "try:\n    runpy.run_module('factcheck', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                          text=True, check=False)
    return int(done.stderr.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[2500, 10000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        rows = []
        for name, make in (("district", _district_text),
                           ("one long line", lambda n: "| 1 " * n + "|\n")):
            got = []
            for n in args.sizes:
                d = where / f"{name.replace(' ', '-')}-{n}"
                d.mkdir()
                text = make(n)
                for k, date in enumerate(("2021-01-01", "2022-01-01", "2023-01-01")):
                    (d / f"{date}.txt").write_text(text.replace("1,", f"{k + 1},", n // 100 * k)
                                                   if k else text, encoding="utf-8")
                a, b = str(d / "2021-01-01.txt"), str(d / "2022-01-01.txt")
                got.append({
                    "extract": peak(["extract", "--format", "json", a]),
                    "check": peak(["check", a]),
                    "diff": peak(["diff", a, b]),
                    "history": peak(["history", str(d)]),
                })
            for cmd in ("extract", "check", "diff", "history"):
                lo, hi = got[0][cmd], got[1][cmd]
                rows.append((name, cmd, lo, hi, hi / lo))
    n, m = args.sizes
    print(f"| text | command | peak at {n:,} figures | at {m:,} | ratio |")
    print("|---|---|---|---|---|")
    for name, cmd, lo, hi, ratio in rows:
        print(f"| {name} | {cmd} | {lo:.0f} MiB | {hi:.0f} MiB | {ratio:.1f}x |")



if __name__ == "__main__":
    main()
