"""Test PDFs written with reportlab: paragraphs flowed into pages, columns, running furniture.

A layout is what a publisher's PDF has: headings in a larger bold font, bulleted paragraphs
wrapped to the column, a running header and footer on every page ("Page 1 of 4"), and pages in
one or two columns.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

Block = tuple[str, str]
"""("heading" | "para", text)."""


def blocks_of_text(text: str) -> list[Block]:
    """A factsheet's plain text as blocks: blank lines part them, a short line in capitals
    with no bullet is a heading; a paragraph's lines are joined (the PDF wraps them anew)."""
    out: list[Block] = []
    for chunk in _chunks(text):
        para: list[str] = []
        for line in chunk:
            if _is_heading(line):
                if para:
                    out.append(("para", " ".join(" ".join(para).split())))
                    para = []
                out.append(("heading", " ".join(line.split())))
            else:
                para.append(line)
        if para:
            out.append(("para", " ".join(" ".join(para).split())))
    return out


def _is_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return (bool(letters) and line.strip()[0].isalpha() and len(line.strip()) < 60
            and sum(c.isupper() for c in letters) >= 0.8 * len(letters))


def _chunks(text: str) -> list[list[str]]:
    chunks: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            chunks[-1].append(line.strip())
        elif chunks[-1]:
            chunks.append([])
    return chunks


def _safe(text: str) -> str:
    # The standard Helvetica holds Windows-1252's characters; others get their nearest one.
    return text.replace("➔", "•").replace("\u2011", "-").encode("cp1252", "replace").decode(
        "cp1252")


def make_pdf(
    blocks: Sequence[Block],
    *,
    pages: int | None = None,
    columns: dict[int, int] | None = None,
    header: str | None = None,
    footer: str | None = None,
    size: float = 10.5,
    encrypt: str | None = None,
    title: str | None = None,
) -> bytes:
    """The blocks flowed into A4 pages; *columns* maps a 1-based page to its column count;
    *footer* may hold "{page}" and "{pages}". With *pages*, the flow is spread so the
    document has that many pages (by starting pages at headings), else it takes what it needs.
    """
    columns = columns or {}
    lines = _lay_out(blocks, columns, size, pages)
    total = max((p for p, *_ in lines), default=1)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt, invariant=1)
    if title:
        c.setTitle(title)
    width, height = A4
    for page in range(1, total + 1):
        if header:
            c.setFont("Helvetica", 8)
            c.drawString(50, height - 30, _safe(header))
        if footer:
            c.setFont("Helvetica", 8)
            c.drawCentredString(width / 2, 25, _safe(footer.format(page=page, pages=total)))
        for p, x, y, font, fsize, text in lines:
            if p == page:
                c.setFont(font, fsize)
                c.drawString(x, y, _safe(text))
        c.showPage()
    c.save()
    return buf.getvalue()


def _lay_out(blocks: Sequence[Block], columns: dict[int, int], size: float,
             pages: int | None) -> list[tuple[int, float, float, str, float, str]]:
    width, height = A4
    left, right, top, bottom = 60.0, 60.0, 70.0, 60.0
    gutter = 24.0
    leading = size * 1.25
    out: list[tuple[int, float, float, str, float, str]] = []
    page, col = 1, 0
    y = height - top
    breaks = _page_breaks(blocks, pages) if pages else set()

    def frame() -> tuple[float, float]:
        n = columns.get(page, 1)
        w = (width - left - right - gutter * (n - 1)) / n
        return left + col * (w + gutter), w

    def next_frame() -> None:
        nonlocal page, col, y
        if col + 1 < columns.get(page, 1):
            col += 1
        else:
            page, col = page + 1, 0
        y = height - top

    for i, (kind, text) in enumerate(blocks):
        if i in breaks:
            page, col, y = page + 1, 0, height - top
        font, fsize = ("Helvetica-Bold", size * 1.4) if kind == "heading" else ("Helvetica", size)
        x, w = frame()
        wrapped = simpleSplit(_safe(text), font, fsize, w)
        if kind == "heading" and y - fsize * 1.25 * 3 < bottom:
            next_frame()
        for line in wrapped:
            if y - fsize < bottom:
                next_frame()
                x, w = frame()
            out.append((page, x, y - fsize, font, fsize, line))
            y -= fsize * 1.25 if kind == "heading" else leading
        y -= leading * 0.8
    return out


def _page_breaks(blocks: Sequence[Block], pages: int) -> set[int]:
    """Block indices (headings) where a new page starts, so the text is spread over *pages*."""
    sizes = [len(t) for _k, t in blocks]
    total = sum(sizes)
    heads = [i for i, (k, _t) in enumerate(blocks) if k == "heading"]
    breaks: set[int] = set()
    done = 0
    target = total / pages
    acc = 0
    for i, n in enumerate(sizes):
        if i in heads and acc >= target * (len(breaks) + 1) * 0.85 and len(breaks) < pages - 1:
            breaks.add(i)
        acc += n
        done += 1
    return breaks


def make_lines_pdf(pages: Sequence[Sequence[tuple[float, float, str, float]]]) -> bytes:
    """A PDF with each page's lines drawn where they are given: (x, y, text, font size)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for lines in pages:
        for x, y, text, fsize in lines:
            c.setFont("Helvetica", fsize)
            c.drawString(x, y, _safe(text))
        c.showPage()
    c.save()
    return buf.getvalue()


def html_page(blocks: Sequence[Block], *, nav: str = "", footer: str = "",
              title: str = "Factsheet") -> str:
    """The blocks as an article in a web page, with a navigation bar, a cookie banner and a
    footer around it (the page furniture a reader must leave out)."""
    import html  # noqa: PLC0415

    body: list[str] = []
    in_list = False
    for kind, text in blocks:
        bullet = text[:1] in "•➔"
        if in_list and not bullet:
            body.append("</ul>")
            in_list = False
        if kind == "heading":
            body.append(f"<h2>{html.escape(text)}</h2>")
        elif bullet:
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{html.escape(text[1:].strip())}</li>")
        else:
            body.append(f"<p>{html.escape(text)}</p>")
    if in_list:
        body.append("</ul>")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title>\n"
        "<style>body { font-family: sans-serif }</style>\n"
        "<script>window.partners = 12;</script></head>\n<body>\n"
        f"<header class=\"site-header\"><nav><ul><li><a href=\"/\">Home</a></li>"
        f"<li><a href=\"/p\">{html.escape(nav)}</a></li></ul></nav></header>\n"
        "<div class=\"cookie-consent\">We use 3 cookies to improve the site.</div>\n"
        "<main>\n<article>\n" + "\n".join(body) + "\n</article>\n"
        "<div class=\"share-this\">Share this page with 5 friends</div>\n</main>\n"
        f"<footer><p>{html.escape(footer)}</p></footer>\n</body></html>\n"
    )


def make_warc(captures: Sequence[tuple[str, str, str]], *, gz: bool = False) -> bytes:
    """A WARC file of HTTP responses: (address, capture time "2021-03-15T14:02:03Z", page);
    a stylesheet response and a request record stand between them, as in a crawl."""
    import gzip  # noqa: PLC0415

    def record(kind: str, uri: str, date: str, block: bytes, ctype: str) -> bytes:
        head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
                f"WARC-Date: {date}\r\nContent-Type: {ctype}\r\n"
                f"Content-Length: {len(block)}\r\n\r\n").encode("utf-8")
        data = head + block + b"\r\n\r\n"
        return gzip.compress(data) if gz else data

    out = [record("warcinfo", "", captures[0][1], b"software: test\r\n", "application/warc-fields")]
    for uri, date, page in captures:
        body = page.encode("utf-8")
        http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        out.append(record("request", uri, date, b"GET / HTTP/1.1\r\n\r\n",
                          "application/http; msgtype=request"))
        out.append(record("response", uri, date, http, "application/http; msgtype=response"))
        css = b"HTTP/1.1 200 OK\r\nContent-Type: text/css\r\n\r\nbody{}"
        out.append(record("response", uri + "style.css", date, css,
                          "application/http; msgtype=response"))
    return b"".join(out)


def wayback_page(inner: str, stamp: str) -> str:
    """A page as the Wayback Machine serves a capture: its toolbar (with figures of its own),
    rewritten links, and the note of when the page was archived."""
    y, mo, d, h, mi, s = stamp[:4], stamp[4:6], stamp[6:8], stamp[8:10], stamp[10:12], stamp[12:]
    month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
             "Dec"][int(mo) - 1]
    return (
        "<html><head><script src=\"//archive.org/includes/analytics.js\"></script></head><body>"
        "<!-- BEGIN WAYBACK TOOLBAR INSERT --><div id=\"wm-ipp-base\"><div id=\"wm-ipp\">"
        "<p>1,234 captures, 12 Mar 2015 - 9 Sep 2023</p></div></div>"
        "<!-- END WAYBACK TOOLBAR INSERT -->"
        f"<nav><a href=\"/web/{stamp}/https://example.org/\">Home</a></nav>"
        f"<main>{inner}</main></body></html>\n"
        f"<!--\n     FILE ARCHIVED ON {h}:{mi}:{s} {month} {int(d)}, {y} AND RETRIEVED FROM THE\n"
        "     INTERNET ARCHIVE ON 10:00:00 Jan 01, 2024.\n-->\n"
    )


def reference_pdf() -> bytes:
    """The bundled 2021 reference text laid out as a 4-page PDF (running header, "Page N of
    4" footer, page 2 in two columns): how ``snapshots/global-coalition/2021.pdf`` is made."""
    from pathlib import Path  # noqa: PLC0415

    text = (Path(__file__).resolve().parent.parent / "snapshots" / "global-coalition"
            / "2021.txt").read_text(encoding="utf-8")
    return make_pdf(blocks_of_text(text), pages=4, columns={2: 2},
                    header="Global Coalition | Factsheet 2021", footer="Page {page} of {pages}",
                    title="Global Coalition factsheet 2021")


if __name__ == "__main__":
    import sys  # noqa: PLC0415

    # python tests/makedocs.py snapshots/global-coalition/2021.pdf
    with open(sys.argv[1], "wb") as fh:
        fh.write(reference_pdf())


def make_styled_pdf(lines: Sequence[tuple[float, float, str, str, float]]) -> bytes:
    """One page of lines, each in its own font: (x, y, text, font name, size)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for x, y, text, font, fsize in lines:
        c.setFont(font, fsize)
        c.drawString(x, y, _safe(text))
    c.showPage()
    c.save()
    return buf.getvalue()
