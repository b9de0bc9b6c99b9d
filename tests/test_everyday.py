"""Everyday mistakes get one precise line: a .toml that is no snapshot, UTF-16 text, a missing
file given to history/blame/report, Ctrl-C (exit 130, no traceback)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.errors import InputError
from factcheck.sources import decode_text

TEXT = "The Coalition has 83 members (78 nations and 6 international organisations).\n"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def _one_error(code_out: tuple[int, str], message: str) -> None:
    code, out = code_out
    assert code == 2, out
    assert out == f"factcheck: error: {message}\n"


def test_toml_is_a_snapshot_or_an_error(tmp_path: Path) -> None:
    """A .toml without the snapshot header is refused, never read as a plain-text factsheet."""
    sheet = tmp_path / "facts.txt"
    sheet.write_text(TEXT, encoding="utf-8")
    snap = tmp_path / "facts.toml"
    assert _run("extract", str(sheet), "-f", "toml", "-o", str(snap)) == (0, "")
    headless = tmp_path / "headless.toml"
    body = snap.read_text(encoding="utf-8")
    headless.write_text("\n".join(ln for ln in body.splitlines()
                                  if not ln.startswith("schema")) + "\n", encoding="utf-8")
    for command in ("extract", "check"):
        code, out = _run(command, str(snap))
        assert code == (1 if command == "check" else 0), out
        _one_error(_run(command, str(headless)),
                   f"{headless}:1: not a factcheck snapshot: a .toml file is read as one, and "
                   "this one has no 'schema = \"factcheck-snapshot\"' line (a rules file goes "
                   "with --rules)")
    _one_error(_run("diff", str(snap), str(headless)),
               f"{headless}:1: not a factcheck snapshot: a .toml file is read as one, and "
               "this one has no 'schema = \"factcheck-snapshot\"' line (a rules file goes "
               "with --rules)")
    rules = tmp_path / "facts.rules.toml"
    rules.write_text('[[rules]]\ntype = "equal"\nclaims = ["members", "members"]\n')
    code, out = _run("check", str(rules))
    assert code == 2 and "not a factcheck snapshot" in out
    wrong = tmp_path / "other.toml"
    wrong.write_text('schema = "something-else"\n', encoding="utf-8")
    _one_error(_run("extract", str(wrong)),
               f"{wrong}:1: expected schema = 'factcheck-snapshot', got 'something-else'")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_unicode_with_a_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    """UTF-16 and UTF-32 with a byte-order mark read as their UTF-8 twin (columns included)."""
    plain = tmp_path / "plain.txt"
    plain.write_text("Figures\n\n" + TEXT, encoding="utf-8")
    other = tmp_path / "other.txt"
    data = ("Figures\n\n" + TEXT).encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    other.write_bytes(data)
    a = _run("extract", str(plain), "-f", "json")
    b = _run("extract", str(other), "-f", "json")
    assert a[0] == b[0] == 0
    assert b[1] == a[1].replace(str(plain), str(other))
    code, out = _run("check", str(other))
    assert code == 1 and "78 + 6 = 84, but line 3 says “83 members”" in out


def test_utf16_without_a_mark_and_broken_utf16_say_save_as_utf8(tmp_path: Path) -> None:
    bare = tmp_path / "bare.txt"
    bare.write_bytes(TEXT.encode("utf-16-le"))
    _one_error(_run("extract", str(bare)),
               f"{bare}: looks like UTF-16 text without a byte-order mark: save it as UTF-8")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff\xfe" + TEXT.encode("utf-16-le")[:-1])
    _one_error(_run("extract", str(broken)),
               f"{broken}: not UTF-8 text, nor UTF-16: it starts with a UTF-16 byte-order mark "
               f"but is not valid UTF-16 (at byte {len(TEXT) * 2}); save it as UTF-8")
    garbled = tmp_path / "garbled.txt"
    garbled.write_bytes(b"\xff\xfe 80 members\n")
    _one_error(_run("extract", str(garbled)),
               f"{garbled}: not UTF-8 text, nor UTF-16: it starts with a UTF-16 byte-order "
               "mark but does not read as UTF-16 text; save it as UTF-8")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01")
    _one_error(_run("extract", str(binary)),
               f"{binary}: looks like a binary file (it holds NUL bytes), not text")
    with pytest.raises(InputError, match="NUL characters"):
        decode_text(b"\xff\xfe" + "a b\x00c".encode("utf-16-le"), "x")


def test_missing_file_is_named_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """history, blame and report on a path that does not exist say so (not "not in git")."""
    monkeypatch.chdir(tmp_path)
    for command in (["history", "nope.txt"], ["blame", "nope.txt"], ["report", "nope"],
                    ["history", "no/such/folder/facts.txt"]):
        _one_error(_run(*command), f"{command[1]}: no such file or folder")
    loose = tmp_path / "loose.txt"
    loose.write_text(TEXT, encoding="utf-8")
    _one_error(_run("history", "loose.txt"), "loose.txt: is not inside a git repository")


def test_ctrl_c_exits_130_without_a_traceback(tmp_path: Path) -> None:
    """SIGINT while the command reads its input: one line on stderr and exit status 130.

    The input is a FIFO: once our writer's open returns, the command is inside its read.
    """
    fifo = tmp_path / "facts.txt"
    os.mkfifo(fifo)
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "check", str(fifo)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ends: list[object] = []
    opened = threading.Event()

    def writer() -> None:
        fh = open(fifo, "w", encoding="utf-8")  # noqa: SIM115 - blocks until the command opens it
        ends.append(fh)
        opened.set()

    threading.Thread(target=writer, daemon=True).start()
    assert opened.wait(30)
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    try:
        ends[0].close()  # type: ignore[attr-defined]
    except OSError:  # pragma: no cover - nothing was written, so nothing to flush
        pass
    assert (proc.returncode, out, err) == (130, "", "factcheck: interrupted\n")


def test_interrupt_in_any_command_is_130(monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.timeline  # noqa: PLC0415

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(factcheck.timeline, "history", interrupted)
    result = CliRunner().invoke(main, ["history", "snapshots"])
    assert (result.exit_code, result.output) == (130, "factcheck: interrupted\n")
    assert result.exception is None or isinstance(result.exception, SystemExit)
