"""No input gives a traceback: the whole report pipeline, through the command.

A folder of dated versions is generated (factsheet-like text with figures that change, noise
made of the pieces figures are made of, and huge figures, some that never change: from 2^53
on, floats cannot tell a figure from its neighbour), then ``factcheck report`` in every format
and ``history`` in every format run on it. Each exits 0, or 2 with one line naming the file;
none raises.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.strategies import edited_versions, factsheet_noise
from gitrepo import git

_HUGE = st.one_of(
    st.integers(10**15, 10**20),
    st.integers(10**20, 10**400),
    st.sampled_from([2**53, 2**53 + 1, 10**16, 10**308, 10**309]),
)


@st.composite
def _huge_sentence(draw: st.DrawFn) -> str:
    n = draw(_HUGE)
    unit = draw(st.sampled_from(["", "$", "US$"]))
    noun = draw(st.sampled_from(["people", "dollars in reserves", "km² of forest", "members"]))
    qualifier = draw(st.sampled_from(["", "more than ", "about ", "nearly "]))
    return f"The fund holds {qualifier}{unit}{n} {noun}."


@st.composite
def series(draw: st.DrawFn) -> list[str]:
    """1-4 versions of a factsheet; a sentence with a huge figure may stand in all of them."""
    constant = draw(st.one_of(st.just(""), _huge_sentence()))
    edited = draw(edited_versions(max_claims=5, max_edits=3))
    n = draw(st.integers(1, 4))
    versions = []
    for i in range(n):
        body = draw(st.one_of(
            st.just(edited.old_text if i % 2 == 0 else edited.new_text),
            factsheet_noise(max_fragments=25),
            _huge_sentence(),
        ))
        versions.append(f"FACTS\n\n{constant}\n\n{body}\n")
    return versions


_FORMATS = [("report", "html"), ("report", "markdown"), ("report", "text"), ("report", "json"),
            ("history", "html"), ("history", "markdown"), ("history", "text"),
            ("history", "json")]


def _run_all(versions: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "series"
        folder.mkdir()
        for i, text in enumerate(versions):
            (folder / f"20{10 + i}-01-01.txt").write_text(text, encoding="utf-8")
        runner = CliRunner()
        for command, fmt in _FORMATS:
            result = runner.invoke(main, [command, str(folder), "--format", fmt])
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                command, fmt, result.exc_info)
            assert result.exit_code in (0, 2), (command, fmt, result.output[-500:])
            if result.exit_code == 2:
                assert result.output.startswith("factcheck: error: ")
                assert result.output.count("\n") == 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(series())
@example(["The fund holds 20000000000000000 dollars. The Coalition has 80 members.\n",
          "The fund holds 20000000000000000 dollars. The Coalition has 83 members.\n"])
@example(["The fund holds 10" + "0" * 400 + " dollars.\n"] * 2)
@example(["The fund holds 9007199254740993 people.\n", "The fund holds 9007199254740992 people.\n"])
def test_report_pipeline_never_raises(versions: list[str]) -> None:
    _run_all(versions)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(series())
def test_report_pipeline_over_git_never_raises(versions: list[str]) -> None:
    """The same over a Markdown file's commits in git (the incremental walk), blame too."""
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "repo"
        repo.mkdir()
        git(repo, "init", "-q", "-b", "main")
        for i, text in enumerate(versions):
            (repo / "facts.md").write_text(text, encoding="utf-8")
            git(repo, "add", "facts.md")
            git(repo, "commit", "-q", "--allow-empty", "-m", f"version {i}",
                date=f"2021-01-{i + 1:02d}T00:00:00+00:00")
        runner = CliRunner()
        for command, fmt in [*_FORMATS, ("blame", "json"), ("blame", "html")]:
            result = runner.invoke(main, [command, str(repo / "facts.md"), "--format", fmt])
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                command, fmt, result.exc_info)
            assert result.exit_code in (0, 2), (command, fmt, result.output[-500:])
