"""Benchmark: extraction throughput in MB/s of factsheet text (target: at least 5 MB/s).

The five bundled Global Coalition factsheets are joined and repeated to at least 5 MB of
text (the repeats are separate paragraphs, so ids go on numbering as in one long document).
``factcheck.extract`` reads it in-process on one core; the best of 5 runs in CPU time is
reported, with claims per second, and beside it a plain regex scan for digits over the same
text (the floor any extractor pays to look at every character).

It measures factcheck as installed: ``pip install .`` compiles the extractor with mypyc (see
hatch_build.py), and then the pure-Python source of this checkout is measured beside it. Run
from a checkout where factcheck is not installed, it measures that source alone.
Run: ``python bench/bench_extract.py``.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
try:
    import factcheck.extraction as installed
except ImportError:  # not installed: run from the checkout
    sys.path.insert(0, str(ROOT))
    import factcheck.extraction as installed

TARGET_BYTES = 5_000_000
TARGET_MB_S = 5.0


def is_compiled(module: ModuleType) -> bool:
    """True when *module* is an extension module (the extractor compiled by mypyc)."""
    return Path(module.__file__ or "").suffix in (".so", ".pyd")


def source_extractor() -> ModuleType:
    """This checkout's factcheck/extraction.py, loaded as a module of its own."""
    spec = importlib.util.spec_from_file_location(
        "factcheck_extraction_source", ROOT / "factcheck" / "extraction.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def factsheet_text(target: int = TARGET_BYTES) -> str:
    """The bundled factsheets, repeated until the text is at least *target* bytes of UTF-8."""
    folder = ROOT / "snapshots" / "global-coalition"
    one = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    reps = target // len(one.encode("utf-8")) + 1
    return "\n\n".join([one] * reps)


def best_of(n: int, fn: Callable[[], object]) -> tuple[float, object]:
    """The shortest CPU time of *n* runs of *fn* (seconds) and its last result."""
    best, result = float("inf"), None
    for _ in range(n):
        t0 = time.process_time()
        result = fn()
        best = min(best, time.process_time() - t0)
    return best, result


def main() -> None:
    """Print the figures."""
    text = factsheet_text()
    mb = len(text.encode("utf-8")) / 1e6
    print(f"text: {mb:.2f} MB of factsheet text (the 5 bundled factsheets repeated)")
    runs = [("compiled (mypyc)" if is_compiled(installed) else "pure Python", installed)]
    if is_compiled(installed):
        runs.append(("pure-Python source", source_extractor()))
    rates = []
    for label, module in runs:
        module.extract(text[:20_000])  # compile the patterns first
        seconds, doc = best_of(5, lambda m=module: m.extract(text, source="bench.txt"))
        claims = len(doc)  # type: ignore[arg-type]
        rates.append(mb / seconds)
        print(f"extract, {label}: {seconds:.2f} s, {mb / seconds:.1f} MB/s, {claims} claims, "
              f"{claims / seconds:,.0f} claims/s (CPU time, best of 5, one core)")
    digits = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
    scan_seconds, _ = best_of(3, lambda: sum(1 for _ in digits.finditer(text)))
    print(f"plain regex scan for digits: {mb / scan_seconds:.1f} MB/s")
    verdict = "meets" if rates[0] >= TARGET_MB_S else "misses"
    print(f"target: at least {TARGET_MB_S:.0f} MB/s as installed: {verdict} it")


if __name__ == "__main__":
    main()
