"""Hostile web pages through `factcheck report -f html`, opened in a real browser.

Two versions of a page whose text holds markup (script elements, event handlers, an image
with onerror, a title that closes itself) are followed by `factcheck report`; the HTML report
is loaded in headless Chromium (Debian's `chromium` package), and the page's DOM after load is
checked: no script from the factsheet ran (each would set an attribute on <body> or change the
title), and nothing was fetched (the report is self-contained). A screenshot is written beside
the report for a person to look at. Prints what it found; exits 1 when anything ran.

    python bench/check_hostile_html.py [OUT-FOLDER]

Not part of the test suite: it needs Chromium, which CI does not install.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGE = (
    "<html><head><title>Facts &lt;/title&gt;&lt;script&gt;document.title='PWNED-0'"
    "&lt;/script&gt;</title></head><body onload=\"document.body.dataset.pwned='1'\"><main>"
    "<h1 onmouseover=\"document.body.dataset.pwned='2'\">Key &lt;b onclick=x&gt;figures</h1>"
    "<p>The Coalition has {n} members &lt;script&gt;document.body.dataset.pwned='3'"
    "&lt;/script&gt; and &lt;img src=x onerror=\"document.body.dataset.pwned='4'\"&gt; "
    "12 partners.</p><p>There are &lt;{m} million &quot;people&quot; in "
    "&lt;svg onload=alert(5)&gt; camps.</p>"
    "<script>document.body.dataset.pwned='page-script'</script></main></body></html>"
)


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium not found: apt-get install chromium")
        return 2
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    series = out / "hostile-series"
    series.mkdir(parents=True, exist_ok=True)
    (series / "2020-01.html").write_text(PAGE.format(n=82, m=5), encoding="utf-8")
    (series / "2021-01.html").write_text(PAGE.format(n=83, m=6), encoding="utf-8")
    report = out / "report.html"
    subprocess.run([sys.executable, "-m", "factcheck", "report", "-f", "html", "-o",
                    str(report), str(series)], check=True, cwd=ROOT)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000"]
    dom = subprocess.run([chromium, *flags, "--dump-dom", report.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    shot = out / "report.png"
    subprocess.run([chromium, *flags, f"--screenshot={shot}", "--window-size=1200,1600",
                    report.as_uri()], capture_output=True, timeout=120)
    body = dom[dom.find("<body"):dom.find(">", dom.find("<body")) + 1]
    title = dom[dom.find("<title>") + 7:dom.find("</title>")]
    ran = "pwned" in body or "PWNED" in title
    print(f"report: {report} ({report.stat().st_size} bytes)")
    print(f"screenshot: {shot if shot.exists() else 'not written'}")
    print(f"<body> after load: {body}")
    print(f"<title> after load: {title}")
    print("escaped text present:", "&lt;6 million" in dom)
    print("script from the factsheet ran:" , ran)
    return 1 if ran else 0


if __name__ == "__main__":
    raise SystemExit(main())
