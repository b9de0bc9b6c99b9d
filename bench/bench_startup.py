"""Benchmark: CLI start-up as whole-process timings beside a bare ``python -c pass``.

Three commands are run N times each (best of N, wall clock, a new process every time):
``python -c pass``, ``factcheck --version`` and ``factcheck extract`` on the bundled 2021
factsheet (output discarded). Targets on the project's 2-core machine: ``--version`` within
10x of ``python -c pass`` and the extraction within 30x. ``factcheck`` is the installed
console script when there is one beside this Python, else ``python -m factcheck`` from the
checkout. Run: ``python bench/bench_startup.py [N]``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"--version": 10.0, "extract": 30.0}


def factcheck_command() -> list[str]:
    """How to run factcheck: the console script beside this Python, or ``python -m``."""
    script = Path(sys.executable).parent / ("factcheck.exe" if os.name == "nt" else "factcheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "factcheck"]


def best_of(n: int, argv: list[str], env: dict[str, str]) -> float:
    """The shortest wall-clock time of *n* runs of *argv*, in seconds (each must succeed)."""
    best = float("inf")
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=True)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    """Print the figures."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    fc = factcheck_command()
    runs = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "factcheck --version": [*fc, "--version"],
        "factcheck extract 2021.txt": [*fc, "extract", "snapshots/global-coalition/2021.txt"],
    }
    for argv in runs.values():  # warm the file cache and the bytecode
        subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=True)
    times = {name: best_of(n, argv, env) for name, argv in runs.items()}
    base = times["python -c pass"]
    print(f"factcheck run as: {' '.join(fc)} (best of {n}, whole process)")
    for name, seconds in times.items():
        print(f"{name:28s} {seconds * 1000:7.1f} ms  {seconds / base:5.1f}x python -c pass")
    for key, name in (("--version", "factcheck --version"), ("extract", "factcheck extract 2021.txt")):
        ratio = times[name] / base
        verdict = "meets" if ratio <= TARGETS[key] else "misses"
        print(f"target {name}: within {TARGETS[key]:.0f}x: {ratio:.1f}x, {verdict} it")


if __name__ == "__main__":
    main()
