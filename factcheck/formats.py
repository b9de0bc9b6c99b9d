"""Factsheets that are not text files: PDFs and web pages, read into documents.

A PDF or a web page is first turned into text (:mod:`factcheck.pdf`, :mod:`factcheck.webpage`);
its claims are read from that text, whose exact substrings their quotes are, and each claim's
provenance then gains where the PDF or the page holds it: the page and the line on that page,
or the HTML source's line and column and the element's CSS selector. The document's ``text``
is that text and its ``format`` says which kind of file it came from.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path, PurePath

import attrs

from factcheck.claim import Document
from factcheck.errors import InputError

__all__ = ["FORMATS", "document_from_bytes", "format_of", "load_formatted", "read_bytes"]

FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html"}
"""File suffixes read as something other than text, and the format each is."""


def format_of(path: str | os.PathLike[str]) -> str | None:
    """"pdf" or "html" for a file read as one (by its suffix), None for a text file."""
    name = os.fspath(path)
    if _capture_of(name) is not None:
        return "warc"
    from factcheck.warc import is_archive  # noqa: PLC0415

    if is_archive(name):
        return "warc"
    return FORMATS.get(PurePath(name).suffix.lower())


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """A file's bytes, or an :class:`InputError` that names it (missing, a folder, too big)."""
    from factcheck.sources import MAX_BYTES, read_file_bytes  # noqa: PLC0415

    # A PDF holds fonts and pictures beside its text.
    return read_file_bytes(path, MAX_BYTES * 4, "files")


def _capture_of(name: str) -> tuple[str, str] | None:
    """("archive.warc", "20210315140203") for a version named "archive.warc#20210315140203"."""
    m = re.fullmatch(r"(?s)(.+\.warc(?:\.gz)?)#(\d{14}(?:-\d+)?)", name)
    return (m.group(1), m.group(2)) if m and not os.path.exists(name) else None


def load_formatted(
    path: str | os.PathLike[str],
    *,
    source: str | None = None,
    revision: str | None = None,
    title: str | None = None,
    date: str | None = None,
    text: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Document | None:
    """The document of a PDF, a web page or a web archive's capture; None for a text file.

    *text* is the file's content when it came from elsewhere (a git blob of a web page), or
    for a PDF the text :func:`factcheck.pdf.render_pdf` read from it (its claims then have
    no page). *progress* is called with (pages read, pages) as a PDF is read (a command line
    shows a progress bar with it).
    """
    name = os.fspath(path)
    fmt = format_of(name)
    if fmt is None:
        return None
    shown = source or name
    if fmt == "warc":
        from factcheck.warc import read_capture  # noqa: PLC0415

        cap = _capture_of(name)
        if cap is None:
            raise InputError("is a web archive with several captures: give it to `history` or "
                             "`report`, or name one capture as FILE#TIMESTAMP", shown)
        capture = read_capture(cap[0], cap[1])
        return _from_html(capture.html, shown, revision, title, date or capture.date)
    if text is not None:
        if fmt == "pdf":  # the text read from a PDF (a git blob's): claims without pages
            from factcheck.extraction import extract  # noqa: PLC0415
            from factcheck.readers import read_markdown  # noqa: PLC0415

            doc = extract(text, source=shown, reader=read_markdown, revision=revision,
                          title=title, date=date)
            return attrs.evolve(doc, format="pdf")
        return _from_html(text, shown, revision, title, date)
    return document_from_bytes(read_bytes(name), fmt, source=shown, revision=revision,
                               title=title, date=date, progress=progress)


def document_from_bytes(
    data: bytes,
    fmt: str,
    *,
    source: str,
    revision: str | None = None,
    title: str | None = None,
    date: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Document:
    """The document of a PDF's or a web page's bytes (*fmt* "pdf" or "html")."""
    if fmt == "pdf":
        return _from_pdf(data, source, revision, title, date, progress)
    if fmt == "html":
        return _from_html(decode_html(data, source), source, revision, title, date)
    raise ValueError(f"unknown format {fmt!r}")


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""",
                           re.I)


def decode_html(data: bytes, name: str) -> str:
    """A web page's bytes as text: UTF-8 unless a byte-order mark or ``<meta charset>`` says
    otherwise; an :class:`InputError` naming the file when they are not that encoding."""
    import codecs  # noqa: PLC0415

    from factcheck.sources import decode_text  # noqa: PLC0415

    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("not UTF-16 text, though it starts with a UTF-16 mark", name) from None
    m = _META_CHARSET.search(data[:4096])
    charset = m.group(1).decode("ascii").lower() if m else "utf-8"
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        codec = "utf-8"
    if codec == "utf-8":
        return decode_text(data, name)
    if codec in ("iso8859-1", "ascii"):
        codec = "cp1252"  # what browsers read for either (WHATWG's encoding standard)
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"not {charset} text, as its <meta charset> says (byte "
                         f"0x{data[exc.start]:02x} at offset {exc.start})", name) from None


def _from_html(html_text: str, source: str, revision: str | None, title: str | None,
               date: str | None) -> Document:
    from factcheck.extraction import extract  # noqa: PLC0415
    from factcheck.readers import read_markdown  # noqa: PLC0415
    from factcheck.webpage import capture_date, render_html  # noqa: PLC0415

    page = render_html(html_text)
    doc = extract(page.text, source=source, reader=read_markdown, revision=revision,
                  title=title or page.title, date=date or capture_date(html_text, page.comments))
    claims = []
    for c in doc.claims:
        p = c.provenance
        line, col = page.source_position(p.offset)
        claims.append(attrs.evolve(c, provenance=attrs.evolve(
            p, source_line=line, source_column=col, element=page.element(p.offset))))
    return attrs.evolve(doc, claims=tuple(claims), format="html")


def _from_pdf(data: bytes, source: str, revision: str | None, title: str | None,
              date: str | None, progress: Callable[[int, int], None] | None = None) -> Document:
    from factcheck.extraction import extract  # noqa: PLC0415
    from factcheck.pdf import render_pdf  # noqa: PLC0415
    from factcheck.readers import read_markdown  # noqa: PLC0415

    pdf = render_pdf(data, source, progress)
    doc = extract(pdf.text, source=source, reader=read_markdown, revision=revision,
                  title=title or pdf.title, date=date)
    claims = []
    for c in doc.claims:
        p = c.provenance
        page, line = pdf.page_of(p.offset)
        claims.append(attrs.evolve(c, provenance=attrs.evolve(p, page=page, page_line=line)))
    return attrs.evolve(doc, claims=tuple(claims), format="pdf")
