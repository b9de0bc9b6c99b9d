"""The check command: exit status, every output format, bad input."""

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from click.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SERIES = ROOT / "snapshots" / "global-coalition"
GOOD = "The Coalition now stands at 83 members (78 nations and five international organisations).\n"
BAD = "The Coalition now stands at 83 members (78 nations and six international organisations).\n"
MAYBE = "The Coalition now stands at 83 members (over 70 nations and 5 bodies).\n"
SARIF_SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"


def run(*args):
    """Run factcheck with *args*; (exit status, stdout, stderr)."""
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def files(tmp_path):
    """A consistent, an inconsistent and an undetermined factsheet."""
    for name, text in (("good.txt", GOOD), ("bad.txt", BAD), ("maybe.txt", MAYBE)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_text_output_and_exit_zero(files):
    """Nothing inconsistent: exit 0, a readable list and a summary."""
    path = str(files / "good.txt")
    assert run("check", path) == (
        0,
        f"{path}: 1 check\n     1  consistent    sum  78 + 5 = 83, as stated\n"
        "1 check: 1 consistent, 0 inconsistent, 0 undetermined\n",
        "",
    )


def test_inconsistent_exits_one(files):
    """Something inconsistent: exit 1."""
    code, out, _ = run("check", str(files / "bad.txt"))
    assert code == 1
    assert "inconsistent  sum  78 + 6 = 84, but line 1 says “83 members”" in out


def test_strict_fails_on_undetermined(files):
    """Undetermined passes, except with --strict."""
    assert run("check", str(files / "maybe.txt"))[0] == 0
    assert run("check", "--strict", str(files / "maybe.txt"))[0] == 1


def test_bundled_snapshots_pass():
    """The bundled series checks clean."""
    code, out, _ = run("check", *sorted(str(p) for p in SERIES.glob("*.txt")))
    assert code == 0
    assert out.endswith("3 checks: 3 consistent, 0 inconsistent, 0 undetermined\n")


def test_json_format(files):
    """JSON: findings with rule, verdict, message, line and claims; a summary."""
    code, out, _ = run("check", "--format", "json", str(files / "bad.txt"))
    data = json.loads(out)
    assert code == 1
    assert data["summary"] == {"checks": 1, "consistent": 0, "inconsistent": 1,
                               "undetermined": 0}
    (finding,) = data["findings"]
    assert {k: finding[k] for k in ("rule", "verdict", "message", "line", "subject")} == {
        "rule": "sum", "verdict": "inconsistent", "line": 1,
        "message": "78 + 6 = 84, but line 1 says “83 members”"
        "; one figure may be mistyped: with 77 for 78 (line 1) or 84 for 83 (line 1) it adds up",
        "subject": "members = nations + international-organisations",
    }
    assert [(c["id"], c["quote"], c["line"]) for c in finding["claims"]] == [
        ("members", "83 members", 1), ("nations", "78 nations", 1),
        ("international-organisations", "six international organisations", 1),
    ]


def test_github_format(files):
    """github: an ::error workflow command on the finding's line, then a summary."""
    path = str(files / "bad.txt")
    code, out, _ = run("check", "-f", "github", path)
    assert (code, out) == (
        1,
        f"::error file={path},line=1,col=29,title=factcheck sum%3A inconsistent::"
        "78 + 6 = 84, but line 1 says “83 members”; one figure may be mistyped: with 77 for 78 (line 1) or 84 for 83 (line 1) it adds up\n"
        "factcheck: 1 checks: 0 consistent, 1 inconsistent, 0 undetermined\n",
    )


def test_junit_format(files):
    """junit: one test case per check made; inconsistent is a failure."""
    code, out, _ = run("check", "-f", "junit", str(files / "good.txt"), str(files / "bad.txt"),
                       str(files / "maybe.txt"))
    root = ET.fromstring(out)
    assert code == 1
    assert {k: root.get(k) for k in ("tests", "failures", "skipped")} == {
        "tests": "3", "failures": "1", "skipped": "1"}
    cases = root.findall("./testsuite/testcase")
    assert [(c.get("classname"), [x.tag for x in c]) for c in cases] == [
        ("factcheck.sum", ["system-out"]), ("factcheck.sum", ["failure"]),
        ("factcheck.sum", ["skipped"]),
    ]


def test_sarif_validates_against_the_schema(files):
    """sarif: a SARIF 2.1.0 log that validates against the published schema."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    code, out, _ = run("check", "-f", "sarif", str(files / "good.txt"), str(files / "bad.txt"),
                       str(files / "maybe.txt"))
    log = json.loads(out)
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["kind"], r["level"]) for r in results] == [
        ("sum", "pass", "none"), ("sum", "fail", "error"), ("sum", "open", "none")]
    assert results[1]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1, "startColumn": 29, "snippet": {"text": "83 members"}}


def test_rules_option(files, tmp_path):
    """--rules applies a rules file to every PATH."""
    rules = tmp_path / "r.toml"
    rules.write_text('[[rules]]\ntype = "bound"\nclaim = "members"\nop = "<"\nthan = 80\n',
                     encoding="utf-8")
    code, out, _ = run("check", "--rules", str(rules), str(files / "good.txt"))
    assert code == 1
    assert "inconsistent  declared:bound  83 (line 1) < 80: which no reading allows" in out


def test_bad_rules_file_exits_two(files, tmp_path):
    """A malformed rules file: one line naming file and line, exit 2, nothing on stdout."""
    rules = tmp_path / "r.toml"
    rules.write_text('[[rules]]\ntype = "sum"\ntotal = "members"\nparts = ["nope"]\n',
                     encoding="utf-8")
    assert run("check", "--rules", str(rules), str(files / "good.txt")) == (
        2, "",
        f"factcheck: error: {rules}:4: sum rule names claim id 'nope', which is not a claim "
        f"in {files / 'good.txt'}; list ids with 'factcheck extract'\n",
    )


@pytest.mark.parametrize("name, content", [("missing.txt", None), ("bin.txt", b"\x00\x01")])
def test_bad_input_exits_two(tmp_path, name, content):
    """A missing or binary file: one line on stderr naming it, exit 2."""
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = run("check", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"factcheck: error: {path}: ") and err.count("\n") == 1


def test_bad_format_is_a_usage_error(files):
    """An unknown format is a usage error (exit 2)."""
    assert run("check", "-f", "xml", str(files / "good.txt"))[0] == 2


def test_output_file_written_atomically(files, tmp_path):
    """-o writes the report to a file."""
    out = tmp_path / "report.json"
    assert run("check", "-f", "json", "-o", str(out), str(files / "good.txt"))[0] == 0
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["consistent"] == 1


def test_validator_option(files, tmp_path, monkeypatch):
    """--validator MODULE:FUNCTION runs a validator of your own."""
    (tmp_path / "mychecks.py").write_text(
        "from factcheck.checking import Finding, Verdict\n"
        "def odd(claims, context):\n"
        "    for c in claims:\n"
        "        if c.value % 2:\n"
        "            yield Finding.make('even', Verdict.INCONSISTENT, 'odd', [c])\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("check", "--validator", "mychecks:odd", str(files / "good.txt"))
    assert code == 1
    assert out.count("inconsistent  even") == 2


def test_pre_commit_hook_is_shipped():
    """.pre-commit-hooks.yaml declares the factcheck-check hook."""
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    for line in ("- id: factcheck-check", "  entry: factcheck check", "  language: python",
                 "  files: "):
        assert line in text


REVIEW2 = """The poverty rate was 18%, including 27.7% among children and 13.4% among adults.

Youth unemployment was 14.9% in the EU, including 28.4% in Spain.

The number of IDPs increased by 52,437 to 6,564,188 (48,000 in Darfur and 4,437 in Al Jazirah).

Funding rose from $1.2 billion to $1.5 billion ($200 million from the EU and $100 million from
Japan).

The interest rates will be increased to 4.50%, 4.75% and 4.00% respectively.

Benefits in 2030:
– 1,900 cases of asthma onset

Avoided every year: 360,000 cases of asthma symptoms.

55 per cent of IDPs originated from Khartoum state.

Approximately 53 per cent of IDPs were female.
"""


def test_review2_reproductions_pass(tmp_path):
    """The second review's reproductions: exit 0, and only the change's breakdown is checked."""
    path = tmp_path / "review2.txt"
    path.write_text(REVIEW2, encoding="utf-8")
    code, out, _ = run("check", "--strict", str(path))
    assert code == 0
    assert out.splitlines()[1:] == [
        "     5  consistent    sum  48,000 + 4,437 = 52,437, as stated",
        "1 check: 1 consistent, 0 inconsistent, 0 undetermined",
    ]
