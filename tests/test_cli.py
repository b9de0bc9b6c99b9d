"""The extract command, bad input, the version, and the README's examples and command list."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import __version__, dumps_snapshot, load, loads_snapshot
from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SERIES = ROOT / "snapshots" / "global-coalition"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def run(*args: str) -> tuple[int, str, str]:
    """Run the CLI in-process: (exit code, stdout, stderr)."""
    result = CliRunner().invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def run_process(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run ``python -m factcheck`` as a whole process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


# --------------------------------------------------------------------------- extract


def test_extract_text_table() -> None:
    """The text format is a table per document: line:column, id, figure, counted, quote."""
    code, out, err = run("extract", str(SERIES / "2020-01.txt"))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"{SERIES / '2020-01.txt'}: 8 claims"
    assert lines[1].split() == ["line", "id", "figure", "counted", "quote"]
    assert lines[3].split() == ["5:105", "iraqi-civilians", "about", "4.5", "million", "Iraqi",
                                "civilians", "some", "4.5", "million", "Iraqi", "civilians"]
    assert [ln.split()[1] for ln in lines[3:]] == [
        "iraqi-civilians", "territory", "members", "nations", "international-organizations",
        "food", "schools", "health-centers"]


def test_extract_json_is_documented_shape() -> None:
    """The JSON holds schema_version, documents and claims with the documented keys."""
    code, out, err = run("extract", "--format", "json", str(SERIES / "2021.txt"),
                         str(SERIES / "2020-01.txt"))
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert list(data) == ["schema_version", "documents", "claims"]
    assert data["schema_version"] == 1
    assert [d["claims"] for d in data["documents"]] == [24, 8]
    assert len(data["claims"]) == 32
    members = next(c for c in data["claims"] if c["id"] == "members")
    assert {k: members[k] for k in ("id", "quote", "line", "column", "value", "unit", "qualifier",
                                    "counted", "low", "high", "low_open", "high_open")} == {
        "id": "members", "quote": "83 members", "line": 13, "column": 38, "value": 83,
        "unit": "count", "qualifier": "exact", "counted": "members", "low": 83, "high": 83,
        "low_open": False, "high_open": False}
    equipment = next(c for c in data["claims"] if c["id"] == "equipment")
    assert (equipment["value"], equipment["unit"], equipment["qualifier"], equipment["low"],
            equipment["high"], equipment["low_open"], equipment["value_exact"]) == (
        4_130_000_000, "USD", "over", 4_130_000_000, None, True, "4130000000")
    for c in data["claims"]:
        assert c["qualifier"] in {"exact", "over", "under", "about", "nearly", "at_least",
                                  "at_most", "range"}
        assert isinstance(c["line"], int) and c["line"] >= 1


def test_extract_json_keys_match_readme() -> None:
    """Every key of the README's extract JSON example is in the output, in the same order."""
    documented = re.search(r"### `extract`\n\n```json\n(.*?)\n```", README, re.S)
    assert documented is not None
    example = json.loads(documented.group(1))
    data = json.loads(run("extract", "-f", "json", str(SERIES / "2021.txt"))[1])
    assert list(data) == list(example)
    assert list(data["claims"][0]) == list(example["claims"][0])
    assert list(data["documents"][0]) == list(example["documents"][0])


def test_extract_toml_is_a_snapshot(tmp_path: Path) -> None:
    """--format toml writes a snapshot that loads back to the same claims and extracts again."""
    code, out, _ = run("extract", "-f", "toml", str(SERIES / "2021.txt"))
    assert code == 0
    assert out == dumps_snapshot(load(SERIES / "2021.txt"))
    snap = tmp_path / "2021.toml"
    snap.write_text(out, encoding="utf-8")
    assert loads_snapshot(out) == load(SERIES / "2021.txt")
    code, again, _ = run("extract", "-f", "toml", str(snap))
    assert (code, again) == (0, out)


def test_extract_toml_takes_one_path() -> None:
    """A snapshot holds one document: two paths with --format toml is a usage error."""
    code, out, err = run("extract", "-f", "toml", str(SERIES / "2021.txt"),
                         str(SERIES / "2020-01.txt"))
    assert (code, out) == (2, "")
    assert "exactly one PATH" in err


def test_extract_output_file(tmp_path: Path) -> None:
    """-o writes the output to the file (nothing on stdout, no temporary file left)."""
    target = tmp_path / "out.json"
    code, out, err = run("extract", "-f", "json", "-o", str(target), str(SERIES / "2021.txt"))
    assert (code, out, err) == (0, "", "")
    assert json.loads(target.read_text(encoding="utf-8"))["documents"][0]["claims"] == 24
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_empty_file_is_zero_claims(tmp_path: Path) -> None:
    """An empty factsheet is a document with no claims, exit 0."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert run("extract", str(empty)) == (0, f"{empty}: 0 claims\n", "")
    code, out, _ = run("extract", "-f", "json", str(empty))
    assert code == 0 and json.loads(out)["claims"] == []


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    """Each kind of bad input, with what its error line must say."""
    binary = tmp / "binary.txt"
    binary.write_bytes(b"83 members\x00\x01\x02")
    latin = tmp / "latin1.txt"
    latin.write_bytes("The café has\n83 members".encode("latin-1"))
    folder = tmp / "folder.txt"
    folder.mkdir()
    big = tmp / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(17 * 2**20)  # sparse: over 16 MiB without writing them
    snap = tmp / "bad.toml"
    snap.write_text('schema = "factcheck-snapshot"\nschema_version = 9\n', encoding="utf-8")
    return {
        "missing": (tmp / "missing.txt", "no such file"),
        "directory": (folder, "is a directory"),
        "binary": (binary, "binary file"),
        "not utf-8": (latin, "not UTF-8"),
        "too big": (big, "16 MiB"),
        "bad snapshot": (snap, "unsupported schema_version"),
    }


@pytest.mark.parametrize("kind", ["missing", "directory", "binary", "not utf-8", "too big",
                                  "bad snapshot"])
@pytest.mark.parametrize("fmt", ["text", "json", "toml"])
def test_bad_input(tmp_path: Path, kind: str, fmt: str) -> None:
    """Bad input: one line on stderr naming the file, exit 2, no traceback, -o left untouched."""
    path, says = _bad_inputs(tmp_path)[kind]
    target = tmp_path / "out.txt"
    target.write_text("keep me", encoding="utf-8")
    code, out, err = run("extract", "-f", fmt, "-o", str(target), str(path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("factcheck: error: ")
    assert str(path) in err and says in err
    assert "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []


def test_bad_input_among_good_writes_nothing(tmp_path: Path) -> None:
    """One bad path among good ones fails the whole command before anything is written."""
    target = tmp_path / "out.json"
    code, out, err = run("extract", "-f", "json", "-o", str(target), str(SERIES / "2021.txt"),
                         str(tmp_path / "missing.txt"))
    assert (code, out) == (2, "")
    assert "missing.txt: no such file" in err
    assert not target.exists()


def test_non_utf8_error_names_the_line(tmp_path: Path) -> None:
    """A byte that is not UTF-8 is reported with the file and its line."""
    latin = _bad_inputs(tmp_path)["not utf-8"][0]
    _, _, err = run("extract", str(latin))
    assert err == (f"factcheck: error: {latin}:1: not UTF-8 text (byte 0xe9 at offset 7); "
                   "convert it with iconv\n")


def test_output_into_missing_folder(tmp_path: Path) -> None:
    """-o into a folder that does not exist is bad usage: one line, exit 2."""
    code, out, err = run("extract", "-o", str(tmp_path / "nope" / "out.txt"),
                         str(SERIES / "2021.txt"))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "nope" in err


def test_bad_input_in_a_real_process(tmp_path: Path) -> None:
    """The whole process prints one line and exits 2 on a missing file (no traceback)."""
    proc = run_process("extract", str(tmp_path / "missing.txt"))
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == f"factcheck: error: {tmp_path / 'missing.txt'}: no such file\n"


def test_version() -> None:
    """`python -m factcheck --version` prints the package version."""
    proc = run_process("--version")
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        0, f"factcheck, version {__version__}\n", "")


def test_extract_in_a_real_process() -> None:
    """`python -m factcheck extract` on the bundled series lists every claim."""
    proc = run_process("extract", "-f", "json", *sorted(str(p) for p in SERIES.glob("*.txt")))
    assert proc.returncode == 0 and proc.stderr == ""
    assert len(json.loads(proc.stdout)["claims"]) == 11 + 9 + 3 + 8 + 24


# --------------------------------------------------------------------------- README


def readme_python_blocks() -> list[tuple[int, str]]:
    """The README's ```python blocks with the line each starts at."""
    return [(README[: m.start()].count("\n") + 2, m.group(1))
            for m in re.finditer(r"```python\n(.*?)```", README, re.S)]


def test_readme_examples_print_what_readme_says(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each README python block runs, in order, and prints exactly its `# ` output comments."""
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "readme"}
    blocks = readme_python_blocks()
    assert len(blocks) >= 2
    for line, code in blocks:
        expected = [ln[2:] for ln in code.splitlines() if ln.startswith("# ")]
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(compile(code, f"README.md:{line}", "exec"), namespace)  # noqa: S102
        assert buf.getvalue().splitlines() == expected, f"README.md block at line {line}"


def test_every_command_is_in_the_readme() -> None:
    """Each CLI command is documented in README with its synopsis."""
    for name in main.commands:
        assert re.search(rf"(?m)^(?:\$ )?factcheck {name}\b", README), name
    assert "factcheck extract PATH... [--format text|json|toml] [-o FILE]" in README


def test_readme_documents_extract_semantics() -> None:
    """The README has the sections the validators rest on."""
    for heading in ("## What a figure allows", "## What is a figure", "## Snapshot files",
                    "### `extract`"):
        assert heading in README


def test_unknown_unit_in_the_text_table(tmp_path: Path) -> None:
    """A figure in an unknown unit is shown as written, not as "12 unknown"."""
    path = tmp_path / "net.txt"
    path.write_text("The network carries over 12Gbps of traffic.\n", encoding="utf-8")
    code, out, _ = run("extract", str(path))
    assert code == 0
    assert out.splitlines()[3].split() == ["1:21", "traffic", "over", "12Gbps", "traffic", "over",
                                           "12Gbps", "of", "traffic"]
    data = json.loads(run("extract", "-f", "json", str(path))[1])
    assert [(c["unit"], c["stated"], c["value"]) for c in data["claims"]] == [
        ("unknown", "12Gbps", 12)]
