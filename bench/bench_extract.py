"""Benchmark: extraction throughput in MB/s of factsheet text (target: at least 5 MB/s).

The five bundled Global Coalition factsheets are joined and repeated to at least 5 MB of
text (the repeats are separate paragraphs, so ids go on numbering as in one long document).
``factcheck.extract`` reads it in-process on one core; the best of 3 runs is reported, with
claims per second, and beside it a plain regex scan for digits over the same text (the floor
any extractor pays to look at every character). Run: ``python bench/bench_extract.py``.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from factcheck import extract  # noqa: E402

TARGET_BYTES = 5_000_000
TARGET_MB_S = 5.0


def factsheet_text(target: int = TARGET_BYTES) -> str:
    """The bundled factsheets, repeated until the text is at least *target* bytes of UTF-8."""
    folder = ROOT / "snapshots" / "global-coalition"
    one = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    reps = target // len(one.encode("utf-8")) + 1
    return "\n\n".join([one] * reps)


def best_of(n: int, fn) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    """The shortest of *n* timed runs of *fn* (seconds) and its last result."""
    best, result = float("inf"), None
    for _ in range(n):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main() -> None:
    """Print the figures."""
    text = factsheet_text()
    mb = len(text.encode("utf-8")) / 1e6
    extract(text[:20_000])  # compile the patterns first
    seconds, doc = best_of(3, lambda: extract(text, source="bench.txt"))
    claims = len(doc)  # type: ignore[arg-type]
    digits = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
    scan_seconds, _ = best_of(3, lambda: sum(1 for _ in digits.finditer(text)))
    print(f"text: {mb:.2f} MB of factsheet text (the 5 bundled factsheets repeated)")
    print(f"extract: {seconds:.2f} s, {mb / seconds:.1f} MB/s, {claims} claims, "
          f"{claims / seconds:,.0f} claims/s (best of 3, one core)")
    print(f"plain regex scan for digits: {mb / scan_seconds:.1f} MB/s")
    verdict = "meets" if mb / seconds >= TARGET_MB_S else "misses"
    print(f"target: at least {TARGET_MB_S:.0f} MB/s: {verdict} it")


if __name__ == "__main__":
    main()
