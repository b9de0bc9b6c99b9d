"""Every code block of the README does what the README says.

- ``python`` blocks run in order in one namespace (as a reader pastes them into one session),
  from the top of the checkout; each full-line comment is a line the block prints, and the
  printed lines must be exactly those. A ``test_*`` function a block defines (the
  property-test example) is run too.
- Blocks of a ``$ factcheck ...`` session run the command and must print the lines shown.
- ``toml``, ``yaml`` and ``json`` blocks parse; the ``sh`` set-up commands are the ones
  ``.ci/run`` runs (CI runs them on a fresh machine).
"""

from __future__ import annotations

import contextlib
import io
import json
import shlex
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from factcheck.cli import main

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def code_blocks(text: str) -> list[tuple[str, str, int]]:
    """(language, body, line of the opening fence) of every fenced block."""
    out: list[tuple[str, str, int]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if lines[i].startswith("```"):
            lang, start, body = lines[i][3:].strip(), i + 1, []
            i += 1
            while lines[i] != "```":
                body.append(lines[i])
                i += 1
            out.append((lang, "\n".join(body) + "\n", start))
        i += 1
    return out


BLOCKS = code_blocks(README.read_text(encoding="utf-8"))


def _of(lang: str) -> list[tuple[str, int]]:
    return [(body, line) for lg, body, line in BLOCKS if lg == lang]


def test_the_readme_has_its_blocks() -> None:
    kinds = [lang for lang, _, _ in BLOCKS]
    assert kinds.count("python") >= 6 and kinds.count("yaml") >= 2
    assert sum(body.startswith("$ factcheck") for _, body, _ in BLOCKS) >= 3


def test_python_blocks_print_what_they_show(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "readme"}
    for body, line in _of("python"):
        expected = [ln[2:] for ln in body.splitlines() if ln.startswith("# ")]
        out = io.StringIO()
        before = set(namespace)
        with contextlib.redirect_stdout(out):
            exec(compile(body, f"README.md:{line}", "exec"), namespace)  # noqa: S102
            for name in sorted(set(namespace) - before):
                if name.startswith("test_") and callable(namespace[name]):
                    namespace[name]()  # type: ignore[operator]
        assert out.getvalue().splitlines() == expected, f"README.md line {line}"


def test_command_sessions_print_what_they_show(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    sessions = [(body, line) for _, body, line in BLOCKS if body.startswith("$ factcheck ")]
    for body, line in sessions:
        command, *shown = body.splitlines()
        args = shlex.split(command[2:])[1:]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, (line, result.output)
        assert result.output.splitlines() == shown, f"README.md line {line}"


def test_data_blocks_parse() -> None:
    for body, line in _of("toml"):
        tomllib.loads(body)
    for body, line in _of("json"):
        json.loads(body)
    for body, line in _of("yaml"):
        assert yaml.safe_load(body), line


def test_setup_commands_are_those_ci_runs() -> None:
    """The README's first two commands are the ones .ci/run runs as written."""
    sh = [body.strip() for body, _ in _of("sh")]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert len(sh) >= 2
    assert "pip install . && factcheck report -o report.html" in sh[0]
    assert 'pip install ".[test]" && pytest' in sh[1]
    assert 'pip install --quiet ".[test]" && pytest' in ci
    assert "pip install --quiet . && factcheck report -o" in ci
