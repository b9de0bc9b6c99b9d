"""PDFs: a factsheet's text in reading order, each line with its page, through pdfminer.six.

pdfminer.six (MIT) is imported only when a PDF is read. It gives the lines of text of each
page with their boxes; the rest is ours, each step a rule of how PDFs lay out prose:

- **Running headers and footers** (a line in the top or bottom :data:`MARGIN` of the page
  whose text, digits aside, comes back on at least 40% of the pages) and **page numbers** ("3",
  "Page 3 of 4", "- 3 -") are dropped: they are no figures; so are line numbers down a
  margin (five or more bare integers in one column, counting up by one).
- **Columns**: a page whose lines leave vertical gutters (no line within a column crosses
  one, three lines of words or more stand on each side) is read column by column, two or
  three or more, unless it is a page of table rows (three baselines holding pieces side by
  side, one a figure alone);
  lines wider than half the page that cross a gutter (a title, a full-width paragraph) cut
  the page into bands read one after another. A letter alone on its line (vertical text, a
  drop cap) is dropped.
- **Paragraphs**: a gap between lines larger than :data:`PARAGRAPH_GAP` of a line height, a
  bullet, or a change of font size starts a paragraph; a line in a larger font than the body
  is a heading (written ``# Heading``), and so is a short line in bold between lines that are
  not, unless it is a figure alone (a key figure in large
  type, read with the label below it); a line stopping :data:`SHORT_LINE` short of its
  column's edge, after a full stop and before a capital or a figure, ends its paragraph; lines of a paragraph keep their line breaks (the
  extractor folds them), except that a word hyphenated across two lines ("stabil-" /
  "isation") is joined again. A sentence running on across a column or page keeps going.
- **Tables**: lines side by side on one baseline, in two or more consecutive rows, are a
  table, written as a pipe table whose first row is its header.

The text is Markdown (headings, bullets, pipe tables); :class:`RenderedPDF` maps each of its
lines to its page and line on that page.
"""

from __future__ import annotations

import bisect
import io
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from factcheck.errors import InputError

__all__ = ["MARGIN", "PARAGRAPH_GAP", "SHORT_LINE", "RenderedPDF", "clean_line", "render_pdf"]

MARGIN = 0.12
"""The share of a page's height at its top and at its bottom where running headers, footers and
page numbers are looked for."""
PARAGRAPH_GAP = 0.6
SHORT_LINE = 0.2
"""A line that stops this share of its column's width short of the column's edge can end a
paragraph: the next line starts a new one when it opens like one (a capital after a full stop,
or a figure)."""
"""A gap between two lines above this share of a line's height starts a new paragraph."""

_PAGE_NUMBER = re.compile(
    r"(?i)^[\s\-–—|]*(?:page|p\.|seite|página|pagina)?\s*\d{1,4}(?:\s*(?:of|/|de|von|sur)\s*\d{1,4})?"
    r"[\s\-–—|]*$"
)
_BULLETS = "•●▪◦‣∙➔→►▶➢✓✔■□-–*"
_BULLET_LINE = re.compile(r"^(?:[•●▪◦‣∙➔→►▶➢✓✔■□](?:\s|$)|[-–*]\s|\(?\d{1,2}[.)]\s)")
_HYPHEN_END = re.compile(r"[a-zß-ÿ]{2}[-\u00ad]$")  # "stabil-", not "FAA-" (a compound)
_FIGURE_ONLY = re.compile(
    r"(?i)[~≈<>+−-]?\s?(?:US\$|[$€£¥₹])?\s?\d[\d,. ]{0,20}(?:%|\+|k|m|bn|million|billion|"
    r"thousand|trillion)?\+?")
# Typeset ligatures are their letters ("ﬁghters" is "fighters"); a soft hyphen inside a line is
# no character of the word.
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st",
                            "ﬆ": "st"})
_BOLD = re.compile(r"(?i)bold|black|heavy|semibold|demi")
_CID = re.compile(r"\(cid:(\d+)\)")
# A glyph the font gives no character for ("(cid:127)"). In WinAnsiEncoding every unused
# code above 40 (octal) is the bullet (PDF 1.7, annex D, note 6); any other is dropped.
_WINANSI_BULLETS = frozenset({127, 129, 141, 143, 144, 157})


def clean_line(text: str) -> str:
    """A line's text as read: glyphs without a character dropped (a WinAnsi bullet kept),
    ligatures as their letters, soft hyphens inside the line and no-break spaces gone."""
    text = _CID.sub(_cid, text.rstrip("\n")).translate(_LIGATURES).rstrip()
    if "\u00ad" in text[:-1]:
        text = text[:-1].replace("\u00ad", "") + text[-1]
    return text.replace("\u00a0", " ").rstrip()


def _cid(m: re.Match[str]) -> str:
    return "•" if int(m.group(1)) in _WINANSI_BULLETS else ""


_SENTENCE_END = re.compile(r"[.!?:;)\]\"”’]$")


@attrs.frozen
class _Line:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    page: int
    bold: bool = False


@attrs.frozen
class RenderedPDF:
    """A PDF's text as Markdown, with the page and page line of each of its lines."""

    text: str
    """The PDF's text in reading order (what claims are read from)."""
    line_starts: tuple[int, ...] = attrs.field(repr=False)
    """Offsets in ``text`` where each written line starts."""
    line_pages: tuple[tuple[int, int], ...] = attrs.field(repr=False)
    """(page, line on the page), 1-based, for each written line."""
    pages: int = 0
    """How many pages the PDF has."""
    title: str | None = None
    """The title in the PDF's document information, if any."""

    def page_of(self, offset: int) -> tuple[int, int]:
        """The 1-based page and line on that page of the text's character at *offset*."""
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return self.line_pages[max(i, 0)] if self.line_pages else (1, 1)


Progress = Callable[[int, int], None]


def render_pdf(data: bytes, name: str, progress: Progress | None = None) -> RenderedPDF:
    """A PDF's text, or an :class:`InputError` naming *name* (not a PDF, truncated, damaged,
    encrypted with a password, or without a text layer)."""
    head = data[:1024]
    if not data:
        raise InputError("is an empty file, not a PDF", name)
    if b"%PDF-" not in head:
        raise InputError("is not a PDF (it does not start with %PDF-)", name)
    if b"%%EOF" not in data[-2048:]:
        raise InputError("is a truncated or damaged PDF (it does not end with %%EOF)", name)
    try:
        from pdfminer.layout import LAParams  # noqa: PLC0415
        from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect  # noqa: PLC0415
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager  # noqa: PLC0415
        from pdfminer.converter import PDFPageAggregator  # noqa: PLC0415
        from pdfminer.pdfpage import PDFPage  # noqa: PLC0415
        from pdfminer.pdfparser import PDFParser  # noqa: PLC0415
    except ImportError:  # pragma: no cover - pdfminer.six is a dependency
        raise InputError("reading a PDF needs pdfminer.six: pip install pdfminer.six",
                         name) from None
    _quiet_pdfminer()
    pages: list[list[_Line]] = []
    sizes: list[tuple[float, float]] = []
    title: str | None = None
    try:
        parser = PDFParser(io.BytesIO(data))
        try:
            doc = PDFDocument(parser, password="")
        except PDFPasswordIncorrect:
            raise InputError("is an encrypted PDF that needs a password; factcheck cannot "
                             "read it (save an unprotected copy)", name) from None
        title = _info_title(doc)
        rsrc = PDFResourceManager()
        device = PDFPageAggregator(rsrc, laparams=LAParams())
        interp = PDFPageInterpreter(rsrc, device)
        all_pages = list(PDFPage.create_pages(doc))
        for n, page in enumerate(all_pages, 1):
            turned = getattr(page, "rotate", 0)
            if turned % 180 == 90:
                # A page turned by /Rotate is read as it was drawn, unturned, first: its text
                # is most often upright so (a table turned to fit a portrait page), and its
                # letters turned would cost pdfminer's layout analysis a great deal.
                page.rotate = 0
            interp.process_page(page)
            layout = device.get_result()
            lines = list(_lines(layout, n))
            if turned % 180 == 90 and _scattered(lines):
                page.rotate = turned  # drawn turned, to be read upright once the page turns
                interp.process_page(page)
                layout = device.get_result()
                lines = list(_lines(layout, n))
            sizes.append((float(layout.width), float(layout.height)))
            pages.append(lines)
            if progress is not None:
                progress(n, len(all_pages))
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on damaged files
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        if "encrypt" in detail.lower() or "password" in detail.lower():
            raise InputError(f"is an encrypted PDF factcheck cannot read ({detail})",
                             name) from None
        raise InputError(f"is a damaged PDF that cannot be read ({detail})", name) from None
    if not pages:
        raise InputError("is a PDF with no pages", name)
    if not any(ln.text.strip() for p in pages for ln in p):
        raise InputError("has no text layer (a scanned PDF?): run OCR first", name)
    return _render(pages, sizes, title)


def _quiet_pdfminer() -> None:
    """pdfminer logs a warning for each flaw of a damaged file; with no logging set up, Python
    would print them all on stderr. A library prints nothing: a handler that drops them is
    added to pdfminer's logger (the records still reach handlers the application sets up)."""
    import logging  # noqa: PLC0415

    log = logging.getLogger("pdfminer")
    if not any(isinstance(h, logging.NullHandler) for h in log.handlers):
        log.addHandler(logging.NullHandler())


def _scattered(lines: Sequence[_Line]) -> bool:
    """True when a page's text came out as letters and short pieces, not lines."""
    return bool(lines) and sum(len(ln.text) for ln in lines) < 3 * len(lines)


def _info_title(doc: Any) -> str | None:
    for info in getattr(doc, "info", []) or []:
        raw: Any = info.get("Title") if isinstance(info, dict) else None
        if hasattr(raw, "resolve"):
            raw = raw.resolve()
        if isinstance(raw, bytes):
            if raw.startswith(b"\xfe\xff"):
                text = raw[2:].decode("utf-16-be", "replace")
            else:
                text = raw.decode("latin-1")
        elif isinstance(raw, str):
            text = raw
        else:
            continue
        text = " ".join(text.split())
        if text:
            return text
    return None


def _lines(layout: Any, page: int) -> Iterable[_Line]:
    from pdfminer.layout import LTChar, LTTextLine  # noqa: PLC0415

    todo = [layout]
    while todo:
        obj = todo.pop()
        if isinstance(obj, LTTextLine):
            text = clean_line(_line_text(obj))
            if not text.strip() or (len(text.strip()) == 1 and text.strip().isalpha()):
                continue  # (a letter alone: a letter of vertical text, a drop cap)
            chars = [c for c in obj if isinstance(c, LTChar)]
            size = max((float(c.size) for c in chars), default=0.0)
            bold = bool(chars) and all(_BOLD.search(str(c.fontname)) for c in chars
                                       if c.get_text().strip())
            yield _Line(text.strip(), float(obj.x0), float(obj.y0), float(obj.x1),
                        float(obj.y1), round(size, 1), page, bold)
        elif hasattr(obj, "__iter__"):
            todo.extend(reversed(list(obj)))


def _line_text(line: Any) -> str:
    """A line's text without superscript footnote marks (digits set smaller and raised:
    "Reports¹ from", not "Reports 1 from")."""
    from pdfminer.layout import LTChar  # noqa: PLC0415

    chars = [c for c in line if isinstance(c, LTChar)]
    if not chars:
        return str(line.get_text())
    big = max(float(c.size) for c in chars)
    normal = [float(c.y0) for c in chars if float(c.size) >= 0.85 * big]
    base = min(normal) if normal else 0.0
    out: list[str] = []
    for item in line:
        t = item.get_text()
        if (isinstance(item, LTChar) and t.isdigit() and float(item.size) < 0.8 * big
                and float(item.y0) > base + 0.2 * big):
            if out and out[-1] == " ":
                pass
            continue
        out.append(t)
    return "".join(out)


def _shape(text: str) -> str:
    """A line's text with its digits blanked: "Page 3 of 4" and "Page 4 of 4" are one shape."""
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _furniture(pages: Sequence[Sequence[_Line]],
               sizes: Sequence[tuple[float, float]]) -> set[int]:
    """ids of the lines that are running headers, footers or page numbers."""
    drop: set[int] = set()
    seen: dict[str, set[int]] = {}
    margins: list[tuple[_Line, str]] = []
    for (_w, h), lines in zip(sizes, pages):
        for ln in lines:
            if ln.y0 >= h * (1 - MARGIN) or ln.y1 <= h * MARGIN:
                shape = _shape(ln.text)
                seen.setdefault(shape, set()).add(ln.page)
                margins.append((ln, shape))
    # (Two-sided layouts alternate their footers: each comes back on every other page.)
    need = max(2, -(-len(pages) * 2 // 5))
    for ln, shape in margins:
        if _PAGE_NUMBER.match(ln.text) or (len(pages) > 1 and len(seen[shape]) >= need):
            drop.add(id(ln))
    for lines in pages:
        # Line numbers down the margin (a transcript, a bill): five or more bare integers
        # in one column, counting up by one.
        by_x: dict[int, list[_Line]] = {}
        for ln in lines:
            if ln.text.isdigit() and len(ln.text) <= 3:
                by_x.setdefault(round(ln.x1 / 6), []).append(ln)
        for group in by_x.values():
            values = sorted(int(ln.text) for ln in group)
            if len(values) >= 5 and values[-1] - values[0] == len(values) - 1:
                drop.update(id(ln) for ln in group)
    return drop


def _wordy(ln: _Line) -> bool:
    """A line of words (not a figure, a date or a cell of a table of figures)."""
    letters = sum(c.isalpha() for c in ln.text)
    return letters >= 4 and letters >= 0.5 * sum(not c.isspace() for c in ln.text)


def _tabular(lines: Sequence[_Line]) -> bool:
    """True for a page of table rows: three baselines or more hold pieces side by side, one
    of them a figure alone (columns of prose do not end a line in a bare figure beside the
    next column's line)."""
    rows: dict[int, list[_Line]] = {}
    for ln in lines:
        rows.setdefault(round(ln.y0), []).append(ln)
    hits = 0
    for row in rows.values():
        if len(row) > 1 and any(_FIGURE_ONLY.fullmatch(ln.text) for ln in row):
            hits += 1
    return hits >= 3


def _gutters(lines: Sequence[_Line], width: float) -> list[float]:
    """The x of each column gutter of a page: no line within a column crosses it, and lines
    of words stand on both sides (two columns, three, ...). A page of table rows has none."""
    if len(lines) < 6 or _tabular(lines):
        return []
    body = [ln for ln in lines if ln.x1 - ln.x0 < 0.5 * width]  # lines within one column
    words = [ln for ln in body if _wordy(ln)]
    tol = max(1.0, len(body) * 0.03)
    gutters: list[float] = []
    run: list[tuple[int, float]] = []
    for k in range(15, 87):
        x = width * k / 100
        cross = sum(1 for ln in body if ln.x0 < x < ln.x1)
        ok = (k < 86 and cross <= tol and sum(1 for ln in words if ln.x1 <= x) >= 3
              and sum(1 for ln in words if ln.x0 >= x) >= 3)
        if ok:
            run.append((cross, x))
        elif run:
            least = min(c for c, _x in run)
            xs = [x for c, x in run if c == least]
            gutters.append(xs[len(xs) // 2])
            run = []
    # Each column holds three lines of words or more.
    bounds = [0.0, *gutters, width]
    for lo, hi in zip(bounds, bounds[1:]):
        if sum(1 for ln in words if lo <= ln.x0 and ln.x1 <= hi) < 3:
            return []
    return gutters


def _reading_order(lines: Sequence[_Line], width: float,
                   edges: dict[int, float]) -> list[_Line]:
    """A page's lines top to bottom, column by column within each band between wide lines.

    *edges* gets the right edge of each line's column (the farthest any line of it reaches).
    """
    top_down = sorted(lines, key=lambda ln: (-round(ln.y1, 0), ln.x0))
    gutters = _gutters(lines, width)
    if not gutters:
        right = max((ln.x1 for ln in lines), default=0.0)
        edges.update((id(ln), right) for ln in lines)
        return top_down

    def column(ln: _Line) -> int:
        return bisect.bisect_right(gutters, ln.x0)

    spanning = {id(ln) for ln in lines
                if ln.x1 - ln.x0 > 0.5 * width and any(ln.x0 < g < ln.x1 for g in gutters)}
    right_edges: dict[int, float] = {}
    for ln in lines:
        if id(ln) not in spanning:
            right_edges[column(ln)] = max(right_edges.get(column(ln), 0.0), ln.x1)
    page_right = max((ln.x1 for ln in lines), default=0.0)
    edges.update((id(ln), page_right if id(ln) in spanning else right_edges[column(ln)])
                 for ln in lines)
    out: list[_Line] = []
    band: list[_Line] = []

    def flush() -> None:
        for col in range(len(gutters) + 1):
            out.extend(ln for ln in band if column(ln) == col)
        band.clear()

    for ln in top_down:
        if id(ln) in spanning:
            flush()
            out.append(ln)
        else:
            band.append(ln)
    flush()
    return out


def _rows(lines: list[_Line]) -> list[list[_Line]]:
    """Lines grouped into rows: lines on one baseline (a table's cells) are one row."""
    rows: list[list[_Line]] = []
    for ln in lines:
        last = rows[-1] if rows else None
        if last and abs(last[0].y0 - ln.y0) < 2.0 and ln.x0 > last[-1].x1 and \
                last[0].page == ln.page:
            last.append(ln)
        else:
            rows.append([ln])
    return rows


def _render(pages: Sequence[Sequence[_Line]], sizes: Sequence[tuple[float, float]],
            title: str | None) -> RenderedPDF:
    drop = _furniture(pages, sizes)
    ordered: list[_Line] = []
    edges: dict[int, float] = {}
    for (w, _h), lines in zip(sizes, pages):
        ordered.extend(_reading_order([ln for ln in lines if id(ln) not in drop], w, edges))
    body_size = _body_size(ordered)
    rows = _rows(ordered)
    out: list[str] = []
    size = 0
    starts: list[int] = []
    where: list[tuple[int, int]] = []
    page_lines: dict[int, int] = {}
    prev: _Line | None = None
    in_table = False
    header: list[_Line] = []

    def emit(text: str, ln: _Line, sep: str) -> None:
        nonlocal size
        out.append(sep)
        size += len(sep)
        starts.append(size)
        page_lines[ln.page] = page_lines.get(ln.page, 0) + 1
        where.append((ln.page, page_lines[ln.page]))
        out.append(text)
        size += len(text)

    for i, row in enumerate(rows):
        ln = row[0]
        table_row = len(row) > 1 and (
            (i + 1 < len(rows) and len(rows[i + 1]) > 1) or in_table)
        if table_row and not in_table and i + 2 < len(rows) and \
                2 * len(row) <= len(rows[i + 1]) and len(rows[i + 2]) > len(row) + 1:
            # Headings over groups of columns above the columns' own headings: a line above
            # the table, whose header is the next row.
            table_row = False
        if table_row:
            if not in_table:
                header = row
            cells = " | ".join(_aligned(row, header))
            text = f"| {cells} |"
            emit(text, ln, "\n\n" if not in_table and out else ("\n" if out else ""))
            if not in_table:
                emit("|" + "---|" * len(row), ln, "\n")
            in_table = True
            prev = ln
            continue
        if in_table:
            in_table = False
            prev = None  # a table ends its paragraph
        text = " ".join(c.text for c in row)
        heading = (body_size > 0 and len(text) < 120 and not _FIGURE_ONLY.fullmatch(text)
                   and (ln.size >= body_size * 1.15  # ("83" in large type: a key figure)
                        or _bold_heading(rows, i, text)))
        if heading:
            text = "# " + text
        sep = _separator(prev, ln, text, out, heading, edges)
        if sep == "" and out and _HYPHEN_END.search(out[-1]) and text[:1].islower():
            # "stabil-" / "isation": the word is joined on the line where it starts.
            out[-1] = out[-1][:-1]
            size -= 1
            first, _, rest = text.partition(" ")
            out[-1] += first
            size += len(first)
            if not rest:
                prev = ln
                continue
            text = rest
            sep = "\n"
        elif sep == "":
            sep = "\n"
        emit(text, ln, sep if out else "")
        prev = None if heading else ln
    text = "".join(out) + "\n"
    return RenderedPDF(text=text, line_starts=tuple(starts), line_pages=tuple(where),
                       pages=len(pages), title=title)


def _bold_heading(rows: Sequence[Sequence[_Line]], i: int, text: str) -> bool:
    """A short line in bold between lines that are not, after a sentence's end and before a
    sentence's start (a heading in the body's size)."""
    row = rows[i]
    if len(row) > 1 or not row[0].bold or len(text) > 80 or _BULLET_LINE.match(text):
        return False
    if _SENTENCE_END.search(text) and not text.endswith(")"):
        return False  # ("Note." or a sentence in bold is emphasis)
    after = rows[i + 1][0] if i + 1 < len(rows) else None
    before = rows[i - 1][0] if i > 0 else None
    if after is not None and (after.bold or not (after.text[:1].isupper()
                                                 or after.text[:1].isdigit()
                                                 or _BULLET_LINE.match(after.text))):
        return False  # (a bold word in a sentence that runs on)
    return before is None or (not before.bold and bool(_SENTENCE_END.search(before.text)))


def _aligned(row: Sequence[_Line], header: Sequence[_Line]) -> list[str]:
    """A table row's cells under the header's columns: each cell goes to the heading it
    overlaps most (the nearest, when none), a column without a cell is empty."""
    if row is header or not header:
        return [c.text for c in row]
    slots: list[list[str]] = [[] for _ in header]
    for c in row:
        def fit(k: int) -> tuple[float, float]:
            h = header[k]
            overlap = min(c.x1, h.x1) - max(c.x0, h.x0)
            return (-max(overlap, 0.0), abs((c.x0 + c.x1) - (h.x0 + h.x1)))

        slots[min(range(len(header)), key=fit)].append(c.text)
    return [" ".join(s) for s in slots]


def _body_size(lines: Sequence[_Line]) -> float:
    count: dict[float, int] = {}
    for ln in lines:
        count[ln.size] = count.get(ln.size, 0) + len(ln.text)
    return max(count, key=lambda s: count[s]) if count else 0.0


def _separator(prev: _Line | None, ln: _Line, text: str, out: list[str], heading: bool,
               edges: dict[int, float]) -> str:
    """"" (the line goes on its paragraph: joined by a line break) or "\\n\\n" (a new one)."""
    if prev is None or heading or _BULLET_LINE.match(text):
        return "\n\n"
    height = max(prev.y1 - prev.y0, 1.0)
    if prev.page != ln.page or ln.y1 > prev.y0 + height:
        # A new page or column: a sentence that did not end goes on.
        last = out[-1] if out else ""
        return "" if not _SENTENCE_END.search(last.rstrip()) else "\n\n"
    if abs(ln.size - prev.size) > 0.6 and not (
            _FIGURE_ONLY.fullmatch(out[-1] if out else "") and len(text) <= 80):
        return "\n\n"  # (a key figure in large type and its label below go together)
    gap = prev.y0 - ln.y1
    if gap > PARAGRAPH_GAP * height:
        return "\n\n"
    right = edges.get(id(prev), prev.x1)
    last = out[-1].rstrip() if out else ""
    if (right - prev.x1 > SHORT_LINE * (right - prev.x0) and _SENTENCE_END.search(last)
            and (text[:1].isupper() or text[:1].isdigit())):
        # A paragraph's last line stops short of its column's edge, after a full stop: the
        # next line opens another one (list items printed without a gap or a bullet glyph).
        return "\n\n"
    if right - prev.x1 > SHORT_LINE * (right - prev.x0) and not last.endswith(",") and (
            text[:1].isdigit()):
        return "\n\n"  # "... in 31 liberated areas" / "2.7 million women": a new item
    return ""
