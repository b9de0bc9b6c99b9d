"""Reading factsheets and snapshots from files, safely; writing outputs atomically.

Every way a file can be unfit (missing, a directory, binary, not UTF-8, too big, a malformed
snapshot) becomes one :class:`~factcheck.errors.InputError` or
:class:`~factcheck.errors.SnapshotError` whose message names the file.
"""

from __future__ import annotations

import os
import sys
import tempfile
from importlib import resources
from pathlib import Path

import attrs

from factcheck.claim import Document
from factcheck.errors import InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = [
    "MAX_BYTES",
    "decode_text",
    "VersionInfo",
    "bundled_series",
    "load",
    "read_text",
    "series_versions",
    "write_atomic",
]

MAX_BYTES = 16 * 1024 * 1024
"""Factsheets are kilobytes; a file over 16 MiB is refused rather than read."""


def read_text(path: str | os.PathLike[str]) -> str:
    """A file's text, decoded as UTF-8, or an :class:`InputError` that names the file."""
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
    if st.st_size > MAX_BYTES:
        raise InputError(
            f"file is {st.st_size / 2**20:.1f} MiB; factcheck reads factsheets up to "
            f"{MAX_BYTES // 2**20} MiB",
            name,
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", name) from None
    return decode_text(data, name)


def decode_text(data: bytes, name: str) -> str:
    """Bytes of a factsheet (a file, a git blob) as text, or an :class:`InputError` naming it.

    Refuses data over :data:`MAX_BYTES`, binary data (NUL bytes) and anything not UTF-8.
    """
    if len(data) > MAX_BYTES:
        raise InputError(
            f"is {len(data) / 2**20:.1f} MiB; factcheck reads factsheets up to "
            f"{MAX_BYTES // 2**20} MiB",
            name,
        )
    if b"\x00" in data[:65536]:
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


def load(
    path: str | os.PathLike[str],
    *,
    source: str | None = None,
    revision: str | None = None,
    text: str | None = None,
) -> Document:
    """Read a factsheet (plain text, Markdown) or a snapshot file into a :class:`Document`.

    A ``.toml`` file that declares factcheck's snapshot schema is loaded as a snapshot; any
    other file is read and its claims extracted. *text* may be given when the content came
    from elsewhere (a git blob); *path* then only names it.
    """
    from factcheck.extraction import extract  # noqa: PLC0415
    from factcheck.formats import format_of, load_formatted  # noqa: PLC0415
    from factcheck.readers import reader_for  # noqa: PLC0415
    from factcheck.snapshot import is_snapshot_text, loads_snapshot  # noqa: PLC0415

    name = source or str(path)
    if format_of(path) is not None:  # a PDF, a web page, a web archive's capture
        meta = _version_info_for(Path(path)) if text is None else None
        doc = load_formatted(path, source=name, revision=revision, text=text,
                             title=meta.title if meta else None, date=meta.date if meta else None)
        if doc is not None:
            return doc
    body = read_text(path) if text is None else text
    if str(path).endswith(".toml") and is_snapshot_text(body):
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


def write_atomic(path: Path, content: str) -> None:
    """Write *content* to *path* so that it is either wholly written or left as it was."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise InputError("cannot write: the folder does not exist", str(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
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
