"""The GitHub Actions workflow in examples/factcheck.yml, end to end against local git repositories.

A pull request is made as GitHub makes one (a merge commit of the branch into the base), the
repository cloned as ``actions/checkout`` clones it (``fetch-depth: 0``, and the default depth
1), and the workflow's own ``run:`` commands run with bash as a runner runs them: the change
report for the comment and the step summary, then the gate with annotations. The install step
(network) and the comment (GitHub's API) are checked for what they name, not run.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml

import factcheck
from gitrepo import git

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = yaml.safe_load((ROOT / "examples" / "factcheck.yml").read_text(encoding="utf-8"))
STEPS = {s.get("name", s.get("uses")): s for s in WORKFLOW["jobs"]["factcheck"]["steps"]}

BASE_TEXT = ("The Global Coalition now stands at 81 members (76 nations and five international "
             "organisations).\n\nSince 2014, Coalition aircraft have conducted more than "
             "19,000 strikes.\n")
OTHER_TEXT = "# Funding\n\nDonors pledged $2 billion: $1.5 billion in grants and $0.5 billion in loans.\n"


def _pull_request(tmp_path: Path, new_text: str, name: str = "origin") -> tuple[Path, str]:
    """A repository whose HEAD is GitHub's merge commit of a branch that edits the factsheet.

    Returns the repository and the base commit (``github.event.pull_request.base.sha``).
    """
    repo = tmp_path / name
    (repo / "factsheets").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    (repo / "factsheets" / "coalition.txt").write_text(BASE_TEXT, encoding="utf-8")
    (repo / "factsheets" / "funding.md").write_text(OTHER_TEXT, encoding="utf-8")
    (repo / "README.txt").write_text("Our factsheets.\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "factsheets")
    (repo / "README.txt").write_text("Our factsheets, 2021.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "readme", date="2021-01-02T00:00:00+00:00")
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "-b", "update")
    (repo / "factsheets" / "coalition.txt").write_text(new_text, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "2021 figures", date="2021-01-03T00:00:00+00:00")
    git(repo, "checkout", "-q", "--detach", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "Merge update into main", "update",
        date="2021-01-04T00:00:00+00:00")
    return repo, base


def _checkout(origin: Path, tmp_path: Path, depth: int | None = None) -> Path:
    """Clone as actions/checkout does: all history with fetch-depth 0, else *depth* commits."""
    dest = tmp_path / ("workspace" if depth is None else f"workspace-depth-{depth}")
    head = git(origin, "rev-parse", "HEAD").strip()
    git(tmp_path, "init", "-q", str(dest))
    if depth:  # only the pull request's merge commit, as the action fetches it
        git(dest, "fetch", "-q", "--no-tags", f"--depth={depth}", f"file://{origin}", head)
    else:
        git(dest, "fetch", "-q", "--no-tags", f"file://{origin}",
            "+refs/heads/*:refs/remotes/origin/*", head)
    git(dest, "checkout", "-q", "--detach", head)
    return dest


def _factcheck_on_path(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH runs this factcheck (installed, or this checkout's source)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    shim = bin_dir / "factcheck"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m factcheck "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    where = str(Path(factcheck.__file__ or "").resolve().parent.parent)
    return {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": where,
            "NO_COLOR": "1"}


def _run_step(name: str, workspace: Path, base: str, tmp_path: Path,
              **env: str) -> subprocess.CompletedProcess[str]:
    """Run one step's ``run:`` script as a runner does (bash -e), with its env filled in."""
    step = STEPS[name]
    values = {"github.event.pull_request.base.sha": base}
    step_env = {}
    for key, value in {**WORKFLOW["env"], **step.get("env", {})}.items():
        expr = re.fullmatch(r"\$\{\{\s*(.+?)\s*\}\}", str(value))
        step_env[key] = values[expr.group(1)] if expr else str(value)
    summary = tmp_path / "summary.md"
    full = {**os.environ, **_factcheck_on_path(tmp_path), **step_env,
            "GITHUB_STEP_SUMMARY": str(summary), **env}
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                           step["run"]], cwd=workspace, env=full, capture_output=True,
                          text=True, check=False)


def test_workflow_shape() -> None:
    """Full history for --rev; the comment posts the file the change report wrote."""
    assert STEPS["actions/checkout@v4"]["with"]["fetch-depth"] == 0
    assert "factcheck-diff.md" in STEPS["Change report"]["run"]
    assert "--format markdown -o factcheck-diff.md" in STEPS["Change report"]["run"]
    assert "--body-file factcheck-diff.md" in STEPS["Comment on the pull request"]["run"]
    assert "--format github" in STEPS["Gate"]["run"]
    assert WORKFLOW["permissions"] == {"contents": "read", "pull-requests": "write"}


def test_readme_shows_the_workflow_file() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    text = (ROOT / "examples" / "factcheck.yml").read_text(encoding="utf-8")
    assert f"```yaml\n{text}```\n" in readme


def test_install_step_names_this_distribution() -> None:
    """The install line installs factcheck-figures (the name on the index), not 'factcheck'."""
    name = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
    assert name == "factcheck-figures"
    assert STEPS["Install factcheck"]["run"] == 'pip install "$FACTCHECK"'
    requirement = WORKFLOW["env"]["FACTCHECK"]
    assert re.fullmatch(rf"{name} @ git\+https://github\.com/[^@\s]+@\S+", requirement)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    # No install line of the README installs the unrelated project of the old name.
    assert not re.search(r"pip install\s+[\"']?factcheck(?![-\w])", readme)


def test_pull_request_gets_a_comment_and_a_failing_gate(tmp_path: Path) -> None:
    wrong = BASE_TEXT.replace("81 members (76 nations and five",
                              "83 members (78 nations and six")
    origin, base = _pull_request(tmp_path, wrong)
    workspace = _checkout(origin, tmp_path)
    report = _run_step("Change report", workspace, base, tmp_path)
    assert (report.returncode, report.stderr) == (0, ""), report.stderr
    comment = (workspace / "factcheck-diff.md").read_text(encoding="utf-8")
    assert "| members | 81 | 83 | +2 (+2.5%) | 1 → 1 |" in comment
    assert ":factsheets/coalition.txt`" in comment
    assert "funding.md" not in comment  # unchanged in the pull request
    assert (tmp_path / "summary.md").read_text(encoding="utf-8") == comment
    gate = _run_step("Gate", workspace, base, tmp_path)
    assert gate.returncode == 1, gate.stdout + gate.stderr
    annotations = [ln for ln in gate.stdout.splitlines() if ln.startswith("::")]
    assert annotations == [
        "::error file=factsheets/coalition.txt,line=1,col=36,title=factcheck sum%3A "
        "inconsistent::78 + 6 = 84, but line 1 says “83 members”; one figure may be "
        "mistyped: with 77 for 78 (line 1) or 84 for 83 (line 1) it adds up"
    ]
    assert gate.stdout.splitlines()[-1].startswith("factcheck: ")


def test_consistent_pull_request_passes_the_gate(tmp_path: Path) -> None:
    right = BASE_TEXT.replace("81 members (76 nations", "83 members (78 nations").replace(
        "19,000", "23,000")
    origin, base = _pull_request(tmp_path, right)
    workspace = _checkout(origin, tmp_path)
    assert _run_step("Change report", workspace, base, tmp_path).returncode == 0
    comment = (workspace / "factcheck-diff.md").read_text(encoding="utf-8")
    assert "| strikes | over 19,000 | over 23,000 | +4,000 (+21.1%) | 3 → 3 |" in comment
    gate = _run_step("Gate", workspace, base, tmp_path)
    assert gate.returncode == 0, gate.stdout + gate.stderr
    assert not [ln for ln in gate.stdout.splitlines() if ln.startswith("::error")]


def test_shallow_checkout_says_how_to_fix_it(tmp_path: Path) -> None:
    """With the checkout action's default depth the base is missing: say so, exit 2."""
    origin, base = _pull_request(tmp_path, BASE_TEXT.replace("81", "82"))
    shallow = _checkout(origin, tmp_path, depth=1)
    for step in ("Change report", "Gate"):
        done = _run_step(step, shallow, base, tmp_path)
        assert done.returncode == 2, (step, done.stdout, done.stderr)
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
        assert "this is a shallow clone" in done.stderr
        assert "actions/checkout: 'fetch-depth: 0'" in done.stderr
    # A revision beyond the cut, named relative to one inside it, says so as well.
    done = _run_step("Gate", shallow, "HEAD~1", tmp_path)
    assert done.returncode == 2 and "is not in this clone; this is a shallow clone" in done.stderr


def test_a_path_filter_that_matches_nothing_is_an_error(tmp_path: Path) -> None:
    origin, base = _pull_request(tmp_path, BASE_TEXT.replace("81", "82"))
    workspace = _checkout(origin, tmp_path)
    for step in ("Change report", "Gate"):
        done = _run_step(step, workspace, base, tmp_path, FACTSHEETS="factsheet/*.txt")
        assert done.returncode == 2, (step, done.stdout)
        assert done.stderr == (
            f"factcheck: error: factsheet/*.txt: matches no file: not in the working tree, "
            f"nor at {base[:12]} or {git(workspace, 'rev-parse', 'HEAD')[:12]}\n")
    # A path that exists but did not change limits the report to nothing: that is fine.
    done = _run_step("Gate", workspace, base, tmp_path, FACTSHEETS="factsheets/funding.md")
    assert done.returncode == 0 and done.stderr == ""
    # A file deleted in the range still names something.
    git(workspace, "rm", "-q", "factsheets/funding.md")
    git(workspace, "commit", "-q", "-m", "drop funding")
    done = _run_step("Gate", workspace, base, tmp_path, FACTSHEETS="factsheets/funding.md")
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github"])
def test_ci_formats_name_the_working_tree_path_under_rev(tmp_path: Path, fmt: str) -> None:
    wrong = BASE_TEXT.replace("81 members (76", "83 members (76")
    origin, base = _pull_request(tmp_path, wrong)
    workspace = _checkout(origin, tmp_path)
    env = {**os.environ, **_factcheck_on_path(tmp_path)}
    done = subprocess.run(["factcheck", "check", "--rev", f"{base}..HEAD", "--format", fmt],
                          cwd=workspace, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr
    assert not re.search(r"[0-9a-f]{12}:factsheets", done.stdout)
    if fmt == "sarif":
        run = json.loads(done.stdout)["runs"][0]
        uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
                for r in run["results"] for loc in r["locations"] + r["relatedLocations"]}
        assert uris == {"factsheets/coalition.txt"}
        assert run["artifacts"] == [{"location": {"uri": "factsheets/coalition.txt"}}]
    elif fmt == "junit":
        suites = ET.fromstring(done.stdout)
        assert [s.get("name") for s in suites] == ["factsheets/coalition.txt"]
        assert {c.get("file") for c in suites.iter("testcase")} == {"factsheets/coalition.txt"}
        failure = next(suites.iter("failure"))
        assert (failure.text or "").startswith("factsheets/coalition.txt:1: inconsistent: ")
    else:
        assert done.stdout.startswith("::error file=factsheets/coalition.txt,line=1,")
