"""Screenshots of the HTML history and report pages, as a person sees them.

    python bench/bench_history_screens.py [OUT_DIR] [HISTORY_PATH]

Renders `factcheck report` of the bundled series and `factcheck history --format html` of
HISTORY_PATH (a folder of versions or a file in git; default: the bundled series), then
takes headless Chromium screenshots of each page at 1280 px and 390 px wide (a phone) and
prints where they are, with each page's size and how long Chromium took. Needs Debian's
`chromium` (apt-get install -y chromium); the pages are read from disk, no network.
Look at the PNGs: titles name the series, charts share one time axis with readable
labels, a y axis and a legend, a figure that never changed has no chart, the summary
comes first, and nothing runs off a 390 px screen.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def factcheck(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "factcheck", *args], check=True, cwd=ROOT,
                   env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def shoot(page: Path, png: Path, width: int, height: int) -> float:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("needs chromium: apt-get install -y chromium")
    t = time.perf_counter()
    subprocess.run(
        [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--no-first-run", "--disable-extensions", f"--window-size={width},{height}",
         f"--screenshot={png}", page.as_uri()],
        check=True, capture_output=True, timeout=120)
    return time.perf_counter() - t


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="fc-shots-"))
    out.mkdir(parents=True, exist_ok=True)
    target = sys.argv[2] if len(sys.argv) > 2 else None
    pages = {"report": out / "report.html", "history": out / "history.html"}
    factcheck("report", "-o", str(pages["report"]))
    factcheck("history", target or str(ROOT / "snapshots" / "global-coalition"),
              "--format", "html", "-o", str(pages["history"]))
    for name, page in pages.items():
        for width, height in ((1280, 2400), (390, 3000)):
            png = out / f"{name}-{width}.png"
            took = shoot(page, png, width, height)
            print(f"{png}  ({page.stat().st_size / 1024:.0f} KiB page, {took:.1f} s)")


if __name__ == "__main__":
    main()
