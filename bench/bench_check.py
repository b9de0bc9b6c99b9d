"""Benchmark: checking 10,000 claims with 1,000 relations (target: under 1 s, in-process).

A synthetic factsheet states 1,000 breakdowns ("The programme reached 1,320 projects (904
education projects, 358 health projects and 58 housing projects).") among 6,000 other
figures, 10,000 claims in all. Extraction is not timed; ``factcheck.check`` on the extracted
document is (best of 5), once with the relations found in the text and once more with 1,000
declared rules on top. Run: ``python bench/bench_check.py``.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from factcheck import check, extract  # noqa: E402
from factcheck.rules import Rule, Rules  # noqa: E402

SYLLABLES = "ka ru mi to sa le no vi da pe zu ro".split()


def place(n: int) -> str:
    """The *n*-th made-up place name: each figure is of another place, so none restates another."""
    out = []
    for _ in range(4):
        out.append(SYLLABLES[n % 12])
        n //= 12
    return "".join(out).capitalize()


def factsheet(breakdowns: int = 1000, filler: int = 6000, seed: int = 1) -> str:
    """The synthetic factsheet text."""
    rng = random.Random(seed)
    paras = []
    for i in range(breakdowns):
        a, b, c = (rng.randint(10, 9000) for _ in range(3))
        paras.append(f"In {place(i)}, the programme reached {a + b + c:,} projects ({a:,} "
                     f"education projects, {b:,} health projects and {c:,} housing projects).")
        for k in range(filler // breakdowns):
            paras.append(f"Teams trained {rng.randint(10, 90000):,} officers in "
                         f"{place(breakdowns + i * filler // breakdowns + k)}.")
    return "\n\n".join(paras) + "\n"


def best_of(n: int, fn) -> float:  # type: ignore[no-untyped-def]
    """The shortest of *n* timed runs of *fn*, in seconds."""
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    """Print the figures."""
    doc = extract(factsheet(), source="synthetic.txt")
    report = check(doc)
    relations = sum(1 for f in report.findings if f.rule in ("sum", "part-of"))
    print(f"claims: {len(doc)}; relations found in the text: {relations}; "
          f"findings: {len(report.findings)} ({report.summary})")
    t = best_of(5, lambda: check(doc))
    print(f"check, relations from the text: {t:.3f} s (target < 1 s)")
    sums = [f for f in report.findings if f.rule == "sum"]
    rules = Rules(rules=tuple(
        Rule(type="sum", line=i + 1, total=f.claims[0].id, parts=tuple(c.id for c in f.claims[1:]))
        for i, f in enumerate(sums)
    ))
    t = best_of(5, lambda: check(doc, rules))
    print(f"check, plus {len(rules.rules)} declared rules: {t:.3f} s")


if __name__ == "__main__":
    main()
