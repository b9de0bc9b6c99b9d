"""``-o FILE``: a regular file is replaced atomically, anything else is written, never replaced.

Through the command: a symlink keeps pointing at its target (which gets the output), a FIFO
stays a FIFO and its reader gets the output, a character device (a copy of /dev/null or
/dev/full made with mknod when root, the real /dev/null otherwise) stays a device, ``-o -`` is
standard output, and ``-o /dev/stdout`` writes to whatever standard output is.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

TEXT = "The Coalition has 83 members (78 nations and 5 organisations).\n"


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    p = tmp_path / "facts.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def _expected(sheet: Path) -> str:
    code, out = _run("extract", str(sheet), "-f", "json")
    assert code == 0
    return out


def _device(tmp_path: Path, name: str, minor: int) -> Path:
    """A character device to write to: a private mknod copy as root, else the real one."""
    if os.geteuid() == 0:
        node = tmp_path / name
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
        return node
    return Path("/dev") / name


def test_regular_file_is_replaced_atomically(sheet: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("old\n")
    out.chmod(0o640)
    assert _run("extract", str(sheet), "-f", "json", "-o", str(out)) == (0, "")
    assert out.read_text() == _expected(sheet)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    # A failure leaves it as it was, and names the file the user gave, not a temporary one.
    code, msg = _run("extract", str(tmp_path / "missing.txt"), "-o", str(out))
    assert code == 2 and out.read_text() == _expected(sheet)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.txt", "out.json"]


def test_symlink_stays_a_symlink_and_its_target_is_written(sheet: Path, tmp_path: Path) -> None:
    real = tmp_path / "site" / "report.json"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    assert _run("extract", str(sheet), "-f", "json", "-o", str(link)) == (0, "")
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_text() == _expected(sheet)
    assert sorted(p.name for p in real.parent.iterdir()) == ["report.json"]
    dangling = tmp_path / "next.json"
    dangling.symlink_to(tmp_path / "site" / "new.json")
    assert _run("extract", str(sheet), "-f", "json", "-o", str(dangling))[0] == 0
    assert dangling.is_symlink() and (real.parent / "new.json").read_text() == _expected(sheet)


def test_fifo_is_written_not_replaced(sheet: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert _run("extract", str(sheet), "-f", "json", "-o", str(fifo)) == (0, "")
    reader.join(10)
    assert got == [_expected(sheet).encode()]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.txt", "pipe"]


def test_device_is_written_not_replaced(sheet: Path, tmp_path: Path) -> None:
    null = _device(tmp_path, "null", 3)
    for command in (["extract", str(sheet)], ["check", str(sheet)], ["report"]):
        assert _run(*command, "-o", str(null)) == (0, ""), command
        assert stat.S_ISCHR(null.lstat().st_mode)
    full = _device(tmp_path, "full", 7)
    code, msg = _run("extract", str(sheet), "-o", str(full))
    assert code == 2
    assert msg == f"factcheck: error: {full}: cannot write: No space left on device\n"
    assert stat.S_ISCHR(full.lstat().st_mode)


def test_dash_is_standard_output(sheet: Path) -> None:
    assert _run("extract", str(sheet), "-f", "json", "-o", "-") == (0, _expected(sheet))


def test_dev_stdout_writes_to_standard_output(sheet: Path, tmp_path: Path) -> None:
    """/dev/stdout is a pipe, or the file the shell opened (appended to, not replaced)."""
    cmd = [sys.executable, "-m", "factcheck", "extract", str(sheet), "-f", "json",
           "-o", "/dev/stdout"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == _expected(sheet)
    log = tmp_path / "log.txt"
    log.write_text("before\n")
    inode = log.stat().st_ino
    with open(log, "a", encoding="utf-8") as fh:
        done = subprocess.run(cmd, stdout=fh, stderr=subprocess.PIPE, text=True, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    assert log.read_text() == "before\n" + _expected(sheet)
    assert log.stat().st_ino == inode


def test_unwritable_places_are_one_line(sheet: Path, tmp_path: Path) -> None:
    for target, why in ((tmp_path / "no" / "out.txt", "the folder does not exist"),
                        (tmp_path, "is a directory")):
        code, msg = _run("extract", str(sheet), "-o", str(target))
        assert code == 2, msg
        assert msg == f"factcheck: error: {target}: cannot write: {why}\n"
