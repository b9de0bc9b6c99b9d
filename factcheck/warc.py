"""Web archives as series of versions: a WARC file's captures of a page, or a folder of pages
saved from the Wayback Machine, each dated by its capture time.

A WARC file (ISO 28500, plain or gzipped record by record) is read with the standard library:
its ``response`` (HTTP 200) and ``resource`` records of HTML are captures; the address captured
most often is the page followed. Each capture is a version named ``FILE.warc#TIMESTAMP`` (the
14-digit time of the capture), which :func:`factcheck.sources.load` reads.
"""

from __future__ import annotations

import gzip
import os
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from factcheck.errors import InputError

if TYPE_CHECKING:
    from factcheck.sources import VersionInfo

__all__ = ["Capture", "archive_versions", "captures", "is_archive", "read_capture"]


def is_archive(path: str | os.PathLike[str]) -> bool:
    """True for a WARC file (by its name: ``.warc`` or ``.warc.gz``)."""
    name = os.fspath(path).lower()
    return name.endswith((".warc", ".warc.gz"))


@attrs.frozen
class Capture:
    """One capture of a page in a web archive."""

    uri: str
    stamp: str
    """The capture time as 14 digits (and "-2", "-3" for a second capture in one second)."""
    date: str
    """The capture time in ISO form: "2021-03-15T14:02:03Z"."""
    html: str = attrs.field(repr=False)


def _records(data: bytes, name: str) -> Iterator[tuple[dict[str, str], bytes]]:
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(f"is a damaged gzipped WARC file ({exc})", name) from None
    if not data.startswith(b"WARC/"):
        raise InputError("is not a WARC file (it does not start with WARC/)", name)
    pos = 0
    while True:
        start = data.find(b"WARC/", pos)
        if start < 0:
            return
        end = data.find(b"\r\n\r\n", start)
        if end < 0:
            raise InputError("is a truncated WARC file (a record's headers do not end)", name)
        headers: dict[str, str] = {}
        for raw in data[start:end].split(b"\r\n")[1:]:
            key, _, value = raw.decode("utf-8", "replace").partition(":")
            headers[key.strip().lower()] = value.strip()
        try:
            length = int(headers.get("content-length", ""))
        except ValueError:
            raise InputError("is a damaged WARC file (a record without Content-Length)",
                             name) from None
        block = data[end + 4:end + 4 + length]
        if len(block) < length:
            raise InputError("is a truncated WARC file (its last record is cut short)", name)
        yield headers, block
        pos = end + 4 + length


def _http_body(block: bytes) -> tuple[int, dict[str, str], bytes] | None:
    end = block.find(b"\r\n\r\n")
    if end < 0:
        return None
    lines = block[:end].split(b"\r\n")
    m = re.match(rb"HTTP/\d(?:\.\d)?\s+(\d{3})", lines[0])
    if not m:
        return None
    headers: dict[str, str] = {}
    for raw in lines[1:]:
        key, _, value = raw.decode("latin-1").partition(":")
        headers[key.strip().lower()] = value.strip()
    body = block[end + 4:]
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    enc = headers.get("content-encoding", "").lower()
    try:
        if enc in ("gzip", "x-gzip"):
            body = gzip.decompress(body)
        elif enc == "deflate":
            body = zlib.decompress(body)
    except (OSError, EOFError, zlib.error):
        return None
    return int(m.group(1)), headers, body


def _dechunk(body: bytes) -> bytes:
    out = bytearray()
    pos = 0
    while pos < len(body):
        nl = body.find(b"\r\n", pos)
        if nl < 0:
            break
        try:
            size = int(body[pos:nl].split(b";")[0].strip() or b"0", 16)
        except ValueError:
            break
        if size == 0:
            break
        out += body[nl + 2:nl + 2 + size]
        pos = nl + 2 + size + 2
    return bytes(out)


def captures(path: str | os.PathLike[str]) -> list[Capture]:
    """The captures of the page a WARC file holds most often, oldest first."""
    from factcheck.formats import decode_html, read_bytes  # noqa: PLC0415

    name = os.fspath(path)
    found: list[Capture] = []
    for headers, block in _records(read_bytes(name), name):
        kind = headers.get("warc-type", "")
        if kind == "response":
            parsed = _http_body(block)
            if parsed is None or parsed[0] != 200:
                continue
            _status, http, body = parsed
            ctype = http.get("content-type", "")
        elif kind == "resource":
            ctype, body = headers.get("content-type", ""), block
        else:
            continue
        if "html" not in ctype.lower():
            continue
        stamp = re.sub(r"\D", "", headers.get("warc-date", ""))[:14].ljust(14, "0")
        cm = re.search(r"charset=([\w.:-]+)", ctype, re.I)
        if cm and cm.group(1).lower().replace("-", "") != "utf8":
            head = f'<meta charset="{cm.group(1)}">'.encode("ascii")
            html = decode_html(head + body, f"{name}#{stamp}")[len(head):]
        else:
            html = decode_html(body, f"{name}#{stamp}")
        from factcheck.webpage import stamp_date  # noqa: PLC0415

        found.append(Capture(uri=headers.get("warc-target-uri", ""), stamp=stamp,
                             date=stamp_date(stamp), html=html))
    if not found:
        raise InputError("holds no capture of a web page (no HTML response with status 200)",
                         name)
    counts: dict[str, int] = {}
    for c in found:
        counts[c.uri] = counts.get(c.uri, 0) + 1
    uri = max(counts, key=lambda u: counts[u])  # the first of the most captured, on a tie
    chosen = sorted((c for c in found if c.uri == uri), key=lambda c: c.stamp)
    out: list[Capture] = []
    seen: dict[str, int] = {}
    for c in chosen:
        seen[c.stamp] = seen.get(c.stamp, 0) + 1
        out.append(c if seen[c.stamp] == 1 else attrs.evolve(c, stamp=f"{c.stamp}-{seen[c.stamp]}"))
    return out


def read_capture(path: str | os.PathLike[str], stamp: str) -> Capture:
    """The capture of a WARC file made at *stamp* (as :func:`captures` names it)."""
    for c in captures(path):
        if c.stamp == stamp:
            return c
    raise InputError(f"holds no capture made at {stamp}", os.fspath(path))


_STAMP_NAME = re.compile(r"(?<!\d)((?:19|20)\d{12})(?!\d)")


def archive_versions(root: Path) -> list[VersionInfo] | None:
    """The versions of a web archive as :class:`~factcheck.sources.VersionInfo` (oldest
    first), or None when *root* is none: a WARC file, or a folder (without ``versions.toml``)
    whose files are pages saved from the Wayback Machine, dated by their capture time (the
    note the Wayback Machine adds to a page, its rewritten links, or a 14-digit time stamp in
    the file's name)."""
    from factcheck.sources import VERSIONS_FILE, VersionInfo  # noqa: PLC0415, F811

    if root.is_file() and is_archive(root):
        return [VersionInfo(path=Path(f"{root}#{c.stamp}"), date=c.date, address=c.uri)
                for c in captures(root)]
    if not root.is_dir() or (root / VERSIONS_FILE).is_file():
        return None
    pages = [p for p in sorted(root.iterdir())
             if p.is_file() and p.suffix.lower() in (".html", ".htm")]
    if not pages or any(re.match(r"\d{4}(?:-\d{2})?(?:-\d{2})?(?!\d)", p.name) for p in pages):
        return None
    from factcheck.formats import decode_html, read_bytes  # noqa: PLC0415
    from factcheck.webpage import capture_date, stamp_date  # noqa: PLC0415

    out: list[VersionInfo] = []
    for p in pages:
        date = capture_date(decode_html(read_bytes(p), str(p)))
        if date is None and (m := _STAMP_NAME.search(p.name)):
            date = stamp_date(m.group(1))
        if date is None:
            return None  # not every page is a capture: the folder is read as it is
        out.append(VersionInfo(path=p, date=date))
    out.sort(key=lambda v: v.date)
    return out
