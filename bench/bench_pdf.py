"""Benchmark: reading PDFs and web pages, beside reading the same text as a text file.

A 200-page PDF is made from the bundled 2021 reference text (its blocks repeated, laid out by
tests/makedocs.py with a running header, a "Page N of 200" footer and every third page in two
columns), and read with ``factcheck.load``; so are the 4-page reference PDF and the text as a
web page. Prints seconds (best of N), pages per second and claims. Run:
``python bench/bench_pdf.py [N]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from factcheck import load  # noqa: E402
from makedocs import blocks_of_text, html_page, make_pdf  # noqa: E402


def best(n: int, path: Path) -> tuple[float, int]:
    times, claims = [], 0
    for _ in range(n):
        t = time.perf_counter()
        claims = len(load(path))
        times.append(time.perf_counter() - t)
    return min(times), claims


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    text_path = ROOT / "snapshots" / "global-coalition" / "2021.txt"
    blocks = blocks_of_text(text_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.pdf"
        t = time.perf_counter()
        many = blocks * 72
        big.write_bytes(make_pdf(many, columns={p: 2 for p in range(3, 400, 3)},
                                 header="Global Coalition | Factsheet 2021",
                                 footer="Page {page} of {pages}"))
        made = time.perf_counter() - t
        page = Path(tmp) / "2021.html"
        page.write_text(html_page(blocks, nav="12 partners", footer="© 2021"), encoding="utf-8")
        from pdfminer.pdfpage import PDFPage

        with big.open("rb") as fh:
            pages = sum(1 for _ in PDFPage.get_pages(fh))
        print(f"made a {pages}-page PDF ({big.stat().st_size / 1e6:.1f} MB) in {made:.1f} s")
        rows = [
            ("2021.txt (text)", text_path, 1),
            ("2021.pdf (4 pages, bundled)", text_path.with_suffix(".pdf"), 4),
            ("2021.html (web page)", page, 1),
            (f"big.pdf ({pages} pages)", big, pages),
        ]
        for name, path, npages in rows:
            secs, claims = best(1 if npages > 10 else n, path)
            print(f"{name:32} {secs:7.3f} s  {npages / secs:7.1f} pages/s  {claims} claims")


if __name__ == "__main__":
    main()
