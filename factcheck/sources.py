"""Reading factsheets and snapshots from files, safely; writing outputs atomically.

Every way a file can be unfit (missing, a directory, binary, not UTF-8, too big, a malformed
snapshot) becomes one :class:`~factcheck.errors.InputError` or
:class:`~factcheck.errors.SnapshotError` whose message names the file.
"""

from __future__ import annotations

from collections.abc import Callable

import os
import stat
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from factcheck.claim import Document
from factcheck.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.readers import Reader

__all__ = [
    "MAX_BYTES",
    "decode_text",
    "VersionInfo",
    "bundled_series",
    "extract",
    "load",
    "read_text",
    "series_versions",
    "write_atomic",
]

MAX_BYTES = 16 * 1024 * 1024
"""Factsheets are kilobytes; a file over 16 MiB is refused rather than read."""


def read_file_bytes(path: str | os.PathLike[str], limit: int = MAX_BYTES,
                    what: str = "factsheets") -> bytes:
    """A file's bytes, or an :class:`InputError` that names it (missing, a folder, larger
    than *limit*, unreadable)."""
    p = Path(path)
    name = str(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", name) from None
    if p.is_dir():
        raise InputError("is a directory, not a factsheet file", name)
    if st.st_size > limit:
        raise InputError(
            f"file is {st.st_size / 2**20:.1f} MiB; factcheck reads {what} up to "
            f"{limit // 2**20} MiB",
            name,
        )
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", name) from None


def read_text(path: str | os.PathLike[str]) -> str:
    """A file's text, decoded as UTF-8, or an :class:`InputError` that names the file."""
    return decode_text(read_file_bytes(path), str(path))


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)
"""Byte-order marks of the encodings read besides UTF-8 (longest first: UTF-32 LE starts as
UTF-16 LE does), with the codec and the name messages use."""


def decode_text(data: bytes, name: str) -> str:
    """Bytes of a factsheet (a file, a git blob) as text, or an :class:`InputError` naming it.

    UTF-8 (with or without a byte-order mark), and UTF-16 or UTF-32 that start with their
    byte-order mark (as Windows editors save "Unicode" text). Refuses data over
    :data:`MAX_BYTES`, other binary data (NUL bytes) and anything else that is not UTF-8.
    The byte-order mark becomes a space, so columns stay those of the file.
    """
    if len(data) > MAX_BYTES:
        raise InputError(
            f"is {len(data) / 2**20:.1f} MiB; factcheck reads factsheets up to "
            f"{MAX_BYTES // 2**20} MiB",
            name,
        )
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"not UTF-8 text, nor {label}: it starts with a {label} byte-order mark "
                    f"but is not valid {label} (at byte {exc.start + len(bom)}); save it as "
                    "UTF-8", name) from None
            if text and not any(ch in text for ch in " \n\t"):
                # Text has spaces or line breaks; bytes that merely start like a mark do not.
                raise InputError(
                    f"not UTF-8 text, nor {label}: it starts with a {label} byte-order mark "
                    f"but does not read as {label} text; save it as UTF-8", name)
            if "\x00" in text[:65536]:
                raise InputError("looks like a binary file (it holds NUL characters), not text",
                                 name)
            return " " + text
    head = data[:65536]
    if b"\x00" in head:
        pairs = head[: len(head) - len(head) % 2]
        if pairs and (pairs[1::2].count(0) > 0.9 * (len(pairs) // 2)
                      or pairs[0::2].count(0) > 0.9 * (len(pairs) // 2)):
            raise InputError("looks like UTF-16 text without a byte-order mark: save it as "
                             "UTF-8", name)
        raise InputError("looks like a binary file (it holds NUL bytes), not text", name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it with iconv",
            name,
            line,
        ) from None
    # A byte-order mark is not part of the text; blank it so columns stay those of the file.
    return " " + text[1:] if text.startswith("\ufeff") else text


def extract(
    text: str,
    source: str = "<text>",
    *,
    reader: Reader | None = None,
    revision: str | None = None,
    title: str | None = None,
    date: str | None = None,
) -> Document:
    """Read a factsheet's text into a :class:`Document` of claims, in order of appearance.

    *source* names the text in the claims' provenance (a file name). *reader* turns the
    file's text into scan text of the same length (see :mod:`factcheck.readers`); plain text
    by default, :func:`factcheck.readers.read_markdown` for Markdown. *revision*, *title* and
    *date* are recorded on the document. The same text always yields the same claims and
    ids. Never raises on any text.

    This is ``factcheck.extract``: it calls :func:`factcheck.extraction.extract`, which the
    wheel compiles (a compiled function keeps no docstring, so the public one lives here).
    """
    from factcheck.extraction import extract as run  # noqa: PLC0415

    return run(text, source, reader=reader, revision=revision, title=title, date=date)


def load(
    path: str | os.PathLike[str],
    *,
    source: str | None = None,
    revision: str | None = None,
    text: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Document:
    """Read a factsheet (plain text, Markdown) or a snapshot file into a :class:`Document`.

    *progress* is called with (pages read, pages) while a PDF is read (the command line
    shows a progress bar with it on a terminal).
    A ``.toml`` file is loaded as a snapshot (one without the snapshot header is a
    :class:`~factcheck.errors.SnapshotError`); any other file is read and its claims
    extracted. *text* may be given when the content came
    from elsewhere (a git blob); *path* then only names it.
    """
    from factcheck.extraction import extract  # noqa: PLC0415
    from factcheck.formats import format_of, load_formatted  # noqa: PLC0415
    from factcheck.readers import reader_for  # noqa: PLC0415
    name = source or str(path)
    if format_of(path) is not None:  # a PDF, a web page, a web archive's capture
        meta = _version_info_for(Path(path)) if text is None else None
        doc = load_formatted(path, source=name, revision=revision, text=text,
                             title=meta.title if meta else None, date=meta.date if meta else None,
                             progress=progress)
        if doc is not None:
            return doc
    body = read_text(path) if text is None else text
    if str(path).lower().endswith(".toml"):
        # A .toml file is a snapshot or an error, never a text to read figures from.
        from factcheck.snapshot import loads_snapshot  # noqa: PLC0415

        return loads_snapshot(body, name)
    info = _version_info_for(Path(path)) if text is None else None
    return extract(
        body,
        source=name,
        reader=reader_for(os.fspath(path)),
        revision=revision,
        title=info.title if info else None,
        date=info.date if info else None,
    )


def write_atomic(path: str | os.PathLike[str], content: str) -> None:
    """Write *content* to *path*: a regular file wholly or not at all, anything else straight.

    A regular file (or a new one) is written to a temporary file beside it and renamed over
    it, so a failed write leaves it as it was; a symlink to one stays a symlink and its
    target is replaced. A device, FIFO or socket (``/dev/null``, ``/dev/stdout``, a named
    pipe) is opened and written as it is, never replaced or truncated; so is anything under
    ``/dev`` or ``/proc``. Failures are an :class:`InputError` naming *path*.
    """
    name = os.fspath(path)
    try:
        mode: int | None = os.stat(name).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", name) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise InputError("cannot write: is a directory", name)
    special = mode is not None and not stat.S_ISREG(mode)
    if special or Path(os.path.abspath(name)).parts[1:2] in (("dev",), ("proc",)):
        try:  # appending: /dev/stdout may be a file the shell opened with >>
            with open(name, "a", encoding="utf-8", newline="") as fh:
                fh.write(content)
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror}", name) from None
        return
    # A symlink is followed: its target is replaced, the link kept.
    target = Path(os.path.realpath(name))
    directory = target.parent
    if not directory.is_dir():
        raise InputError("cannot write: the folder does not exist", name)
    import tempfile  # noqa: PLC0415 - imported when a file is written, not at start-up

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", name) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode & 0o777 if mode is not None else 0o644)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise InputError(f"cannot write: {exc.strerror}", name) from None
        raise


@attrs.frozen
class VersionInfo:
    """One dated version in a folder of factsheet versions."""

    path: Path
    date: str
    title: str | None = None
    publisher: str | None = None
    address: str | None = None
    date_precision: str | None = None


VERSIONS_FILE = "versions.toml"
"""The metadata file of a folder of versions: ``[[versions]]`` tables with file and date."""

_FACTSHEET_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".pdf", ".html", ".htm")


def series_versions(folder: str | os.PathLike[str]) -> list[VersionInfo]:
    """The dated versions in a folder, oldest first.

    Dates and titles come from the folder's ``versions.toml`` when it has one; otherwise each
    factsheet file's name must start with its date (``2017-03-24.txt``, ``2017-07.md``,
    ``2021.txt``).
    """
    import re  # noqa: PLC0415

    from factcheck.warc import archive_versions  # noqa: PLC0415

    root = Path(folder)
    archived = archive_versions(root)  # a WARC file, a folder of Wayback captures
    if archived is not None:
        return archived
    if not root.is_dir():
        raise InputError("is not a folder of factsheet versions", str(folder))
    meta = root / VERSIONS_FILE
    out: list[VersionInfo] = []
    if meta.is_file():
        if sys.version_info >= (3, 11):
            import tomllib  # noqa: PLC0415 - read only for a folder's versions.toml
        else:  # pragma: no cover
            import tomli as tomllib  # noqa: PLC0415
        try:
            data = tomllib.loads(read_text(meta))
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"not valid TOML: {exc}", str(meta)) from None
        for i, v in enumerate(data.get("versions", [])):
            if not isinstance(v, dict) or "file" not in v or "date" not in v:
                raise InputError(f"version {i + 1} needs 'file' and 'date'", str(meta))
            p = root / str(v["file"])
            if not p.is_file():
                raise InputError(f"lists {v['file']!r}, which is not in the folder", str(meta))
            out.append(
                VersionInfo(
                    path=p,
                    date=str(v["date"]),
                    title=v.get("title"),
                    publisher=v.get("publisher"),
                    address=v.get("address"),
                    date_precision=v.get("date_precision"),
                )
            )
    else:
        dated = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)")
        for p in sorted(root.iterdir()):
            m = dated.match(p.name)
            if p.is_file() and m and (p.suffix.lower() in _FACTSHEET_SUFFIXES or
                                      p.name.endswith(".toml")):
                out.append(VersionInfo(path=p, date=m.group(1)))
    if not out:
        raise InputError(
            "holds no dated factsheet versions (name files by date, e.g. 2021-03-01.txt, "
            f"or list them in {VERSIONS_FILE})",
            str(folder),
        )
    out.sort(key=lambda v: v.date)
    return out


def _version_info_for(path: Path) -> VersionInfo | None:
    meta = path.parent / VERSIONS_FILE
    if not meta.is_file():
        return None
    try:
        versions = series_versions(path.parent)
    except InputError:
        return None
    for v in versions:
        if v.path.name == path.name:
            return v
    return None


def bundled_series() -> Path:
    """The folder of the bundled Global Coalition series (inside the installed package)."""
    packaged = resources.files("factcheck").joinpath("snapshots", "global-coalition")
    if packaged.is_dir():
        return Path(str(packaged))
    # Running from a source checkout: the series lives at the top of the repository.
    here = Path(__file__).resolve().parent.parent / "snapshots" / "global-coalition"
    if here.is_dir():
        return here
    raise InputError("the bundled snapshots are missing from this installation", str(here))
