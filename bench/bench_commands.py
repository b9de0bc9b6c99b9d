"""Benchmark: whole commands as a user types them, on real-shaped text of 1k / 10k / 100k figures.

Two texts, each built at about 1,000, 10,000 and 100,000 figures:

- ``factsheets``: the bundled Global Coalition factsheets and the real version pairs in
  ``tests/data/pairs/`` concatenated, repeated until the text holds enough figures;
- ``district``: "In the Kavoru district, 47,933 families received aid this year." and a few
  sentences like it, nearly every figure of one counted noun ("families", "people"): the shape
  that makes any all-pairs comparison within a noun quadratic.

For each text and size it times, as new processes (start-up and output included, best of N,
wall clock, with the CPU time of that run), what a user runs:

- ``factcheck extract a.txt --format json > out.json`` (also in MB/s of input);
- ``factcheck check a.txt``;
- ``factcheck diff a.txt b.txt --format json``, b being a with 1% of its figures edited;
- ``factcheck history folder``: a folder of four dated versions, each with 1% of the figures
  of the one before edited.

A command that takes longer than ``--timeout`` seconds is stopped and shown as ``>T s``.
Goals (issue 10, on the project's 2-core machine): diff of two 10,000-figure versions under
1.0 s, check of one under 0.5 s, extract --format json at least 3 MB/s, and 100,000 figures
within 12x the time of 10,000.

``--profile COMMAND TEXT SIZE`` runs one command in this process under cProfile instead and
prints where the time goes (the functions with the most own time and the most cumulative
time).

Run from the repository root: ``python bench/bench_commands.py [--sizes 1000 10000 100000]
[--repeat N] [--texts factsheets district] [--commands extract check diff history]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "snapshots" / "global-coalition"
PAIRS = ROOT / "tests" / "data" / "pairs"
COMMANDS = ("extract", "check", "diff", "history")
TEXTS = ("factsheets", "district")

SYLLABLES = "ka vo ru mi sa le do na ti be gu ro pa ze li mo ha nu fe ya".split()
DISTRICT_SENTENCES = (
    "In the {place} district, {n} families received aid this year.",
    "Some {n} families in {place} were reached by mobile clinics.",
    "In {place}, {n} people returned to their homes.",
    "The {place} district registered {n} families for cash assistance.",
)
FIGURE = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.,])\d+(?![\d.,])")


def factcheck_command() -> list[str]:
    """How a user runs factcheck: the console script beside this Python, or ``python -m``."""
    script = Path(sys.executable).parent / ("factcheck.exe" if os.name == "nt" else "factcheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "factcheck"]


# --------------------------------------------------------------------------------- the texts


def _real_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(BUNDLED.glob("*.txt"))]
    if PAIRS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(PAIRS.glob("*/*.txt"))]
    return texts


def _place(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _district_lines(rng: random.Random) -> Iterator[str]:
    region = 0
    while True:
        region += 1
        yield f"REGION {_place(rng).upper()}\n"
        for _ in range(10):
            sentences = [
                rng.choice(DISTRICT_SENTENCES).format(place=_place(rng), n=f"{rng.randint(100, 99_999):,}")
                for _ in range(rng.randint(2, 5))
            ]
            yield " ".join(sentences) + "\n"


def figures_per_char(text: str) -> float:
    """Figures factcheck reads per character of *text* (read in this process, once)."""
    sys.path.insert(0, str(ROOT))
    from factcheck.extraction import extract  # noqa: PLC0415

    return len(extract(text)) / max(1, len(text))


def build_text(kind: str, figures: int, seed: int = 0) -> str:
    """About *figures* figures of text of the given kind."""
    rng = random.Random(seed)
    if kind == "factsheets":
        unit = "\n\n".join(_real_texts()) + "\n\n"
        per_copy = max(1, round(figures_per_char(unit) * len(unit)))
        copies = max(1, round(figures / per_copy))
        return unit * copies
    lines: list[str] = []
    total = 0
    for line in _district_lines(rng):
        lines.append(line)
        total += len(FIGURE.findall(line))
        if total >= figures:
            break
    return "\n".join(lines)


def edit_figures(text: str, share: float, seed: int) -> str:
    """*text* with about *share* of its figures written in digits changed (same style)."""
    rng = random.Random(seed)
    out: list[str] = []
    at = 0
    for m in FIGURE.finditer(text):
        if rng.random() >= share:
            continue
        digits = m.group().replace(",", "")
        value = max(1, int(digits) + rng.choice((-1, 1)) * rng.randint(1, max(1, int(digits) // 10)))
        new = f"{value:,}" if "," in m.group() else str(value)
        out += [text[at:m.start()], new]
        at = m.end()
    out.append(text[at:])
    return "".join(out)


# ------------------------------------------------------------------------------ the timings


def time_command(argv: list[str], cwd: Path, stdout: Path, repeat: int,
                 timeout: float) -> tuple[float, float] | None:
    """Best wall time of *repeat* runs of *argv* (output to *stdout*) and the CPU time (user
    and system) of that run, in seconds; None past *timeout*. On a shared machine the CPU
    time moves less with the load than the wall time."""
    import resource  # noqa: PLC0415

    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    best: tuple[float, float] = (float("inf"), 0.0)
    for _ in range(repeat):
        with stdout.open("wb") as out:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            try:
                proc = subprocess.run(argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.PIPE,
                                      timeout=timeout)
            except subprocess.TimeoutExpired:
                return None
            elapsed = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): "
                             f"{proc.stderr.decode(errors='replace').strip()}")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = min(best, (elapsed, cpu))
    return best


def prepare(folder: Path, kind: str, figures: int) -> dict[str, list[str]]:
    """Write the inputs into *folder*; the arguments of each command."""
    a = build_text(kind, figures)
    (folder / "a.txt").write_text(a, encoding="utf-8")
    (folder / "b.txt").write_text(edit_figures(a, 0.01, seed=1), encoding="utf-8")
    versions = folder / "versions"
    versions.mkdir()
    text = a
    for i, date in enumerate(("2021-01-01", "2022-01-01", "2023-01-01", "2024-01-01")):
        if i:
            text = edit_figures(text, 0.01, seed=10 + i)
        (versions / f"{date}.txt").write_text(text, encoding="utf-8")
    return {
        "extract": ["extract", "a.txt", "--format", "json"],
        "check": ["check", "a.txt"],
        "diff": ["diff", "a.txt", "b.txt", "--format", "json"],
        "history": ["history", "versions"],
    }


def fmt_time(t: tuple[float, float] | None, timeout: float) -> str:
    return f">{timeout:.0f} s" if t is None else f"{t[0]:.2f} s ({t[1]:.2f})"


def run_table(args: argparse.Namespace) -> None:
    fc = factcheck_command()
    print(f"factcheck run as: {' '.join(fc)} (whole process, best of {args.repeat}: wall clock, "
          "and in brackets its CPU time, user + system)")
    subprocess.run([*fc, "--version"], env={**os.environ, "PYTHONPATH": str(ROOT)},
                   stdout=subprocess.DEVNULL, check=True)  # warm the bytecode
    header = f"| text | figures | KB | " + " | ".join(args.commands) + " |"
    rows = [header, "|" + "---|" * (3 + len(args.commands))]
    for kind in args.texts:
        times: dict[tuple[int, str], tuple[float, float] | None] = {}
        for size in args.sizes:
            with tempfile.TemporaryDirectory(prefix="fc-bench-") as tmp:
                folder = Path(tmp)
                argvs = prepare(folder, kind, size)
                kb = (folder / "a.txt").stat().st_size / 1000
                repeat = args.repeat if size <= 10_000 else max(1, args.repeat // 3)
                cells = []
                claims = None
                for name in args.commands:
                    out = folder / f"{name}.out"
                    t = time_command([*fc, *argvs[name]], folder, out, repeat, args.timeout)
                    times[size, name] = t
                    cell = fmt_time(t, args.timeout)
                    if name == "extract" and t is not None:
                        claims = len(json.loads(out.read_text(encoding="utf-8"))["claims"])
                        cell += f", {kb / 1000 / t[0]:.1f} MB/s"
                    cells.append(cell)
                label = f"{claims:,}" if claims is not None else f"~{size:,}"
                rows.append(f"| {kind} | {label} | {kb:,.0f} | " + " | ".join(cells) + " |")
                print(rows[-1], flush=True)
        if 10_000 in args.sizes and 100_000 in args.sizes:
            for name in args.commands:
                t10, t100 = times.get((10_000, name)), times.get((100_000, name))
                if t10 and t100:
                    print(f"  {kind} {name}: 100k / 10k = {t100[0] / t10[0]:.1f}x wall, "
                          f"{t100[1] / t10[1]:.1f}x CPU (goal: within 12x)")
    print()
    print("\n".join(rows))


# --------------------------------------------------------------------------------- profiling


def run_profile(command: str, kind: str, size: int, top: int) -> None:
    import cProfile  # noqa: PLC0415
    import io  # noqa: PLC0415
    import pstats  # noqa: PLC0415
    from contextlib import redirect_stdout  # noqa: PLC0415

    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="fc-prof-") as tmp:
        folder = Path(tmp)
        argv = prepare(folder, kind, size)[command]
        os.chdir(folder)
        from factcheck.cli import main  # noqa: PLC0415

        prof = cProfile.Profile()
        sink = io.StringIO()
        t0 = time.perf_counter()
        with redirect_stdout(sink):
            prof.enable()
            try:
                main.main(argv, standalone_mode=False)
            except SystemExit:
                pass
            prof.disable()
        elapsed = time.perf_counter() - t0
        os.chdir(ROOT)
    print(f"factcheck {' '.join(argv)} on {kind} ~{size:,} figures: {elapsed:.2f} s in process "
          f"(under cProfile; {len(sink.getvalue()) / 1e6:.1f} MB of output)")
    for key in ("tottime", "cumulative"):
        stream = io.StringIO()
        pstats.Stats(prof, stream=stream).strip_dirs().sort_stats(key).print_stats(top)
        print(f"--- by {key}")
        print("\n".join(line for line in stream.getvalue().splitlines()
                        if line.strip() and not line.startswith(("   Ordered", "         "))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--texts", nargs="+", choices=TEXTS, default=list(TEXTS))
    parser.add_argument("--commands", nargs="+", choices=COMMANDS, default=list(COMMANDS))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--profile", nargs=3, metavar=("COMMAND", "TEXT", "SIZE"))
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    if args.profile:
        command, kind, size = args.profile
        run_profile(command, kind, int(size), args.top)
    else:
        run_table(args)


if __name__ == "__main__":
    main()
