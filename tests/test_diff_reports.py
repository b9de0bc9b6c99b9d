"""Tests for the diff reports (text, markdown, html, json) and the ``factcheck diff`` command.

The golden files under tests/golden/ pin whole outputs for a small pair of versions. After
an intended change of output, rewrite them with ``FACTCHECK_UPDATE_GOLDEN=1 pytest`` and
review the difference.
"""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import factcheck
from factcheck.cli import main
from factcheck.differ import DiffReport, FindingChange, diff
from factcheck.reports import render
from factcheck.reports.html import escape as html_escape
from factcheck.reports.html import highlight, page
from factcheck.reports.markdown import code
from factcheck.reports.markdown import escape as md_escape
from factcheck.serialize import claim_to_json

GOLDEN = Path(__file__).resolve().parent / "golden"
SERIES = Path(__file__).resolve().parent.parent / "snapshots" / "global-coalition"
UPDATE = os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1"


def small_pair() -> DiffReport:
    """The small pair of versions the golden files show, with one consistency finding that
    appeared and one that disappeared (made here, so that the goldens do not depend on the
    wording of the checks)."""
    old = factcheck.load(GOLDEN / "diff-old.txt", source="diff-old.txt")
    new = factcheck.load(GOLDEN / "diff-new.txt", source="diff-new.txt")
    report = diff(old, new, findings=False)
    return attrs.evolve(
        report,
        findings_checked=True,
        findings_appeared=(
            FindingChange("sum", "inconsistent", "77 + 5 = 82, but line 3 says “83 members”",
                          ("members", "nations", "international-organisations")),
        ),
        findings_disappeared=(
            FindingChange("part-of", "undetermined", "<b>a</b> | b", ("troops",)),
        ),
    )


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("fmt", "all_", "golden"),
    [
        ("markdown", False, "diff.md"),
        ("markdown", True, "diff-all.md"),
        ("html", False, "diff.html"),
        ("text", False, "diff.txt"),
        ("json", False, "diff.json"),
    ],
)
def test_golden_outputs(fmt: str, all_: bool, golden: str) -> None:
    """Each format's whole output for the small pair is as pinned."""
    assert_golden(golden, render(small_pair(), fmt, kind="diff", all=all_))


# --------------------------------------------------------------------------- html


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.marks: list[str] = []
        self._in_mark = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        self._in_mark = tag == "mark"

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data: str) -> None:
        if self._in_mark:
            self.marks.append(data)


def test_html_is_self_contained_and_escaped() -> None:
    """One file: no scripts, no links, no external resources; document text escaped."""
    out = render(small_pair(), "html", kind="diff", all=True)
    parser = _Collector()
    parser.feed(out)
    assert "script" not in parser.tags
    assert {t for t in parser.tags} <= {
        "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "strong", "table",
        "tr", "th", "td", "span", "div", "mark", "ul", "li", "code",
    }
    assert [a for a in parser.attrs if a[0] in ("src", "href")] == []
    assert not re.search(r"url\(|@import|https?://", out)
    assert "&lt;script&gt; targets | &quot;A &amp; B&quot;" in out


def test_html_marks_each_figure_in_its_sentence() -> None:
    """Old and new sentences side by side, each with its figure's own words marked."""
    parser = _Collector()
    parser.feed(render(small_pair(), "html", kind="diff"))
    assert parser.marks == [
        "81 members", "83 members",
        "76 nations", "77 nations",
        "more than 19,000 strikes", "more than 23,000 airstrikes",
        "more than 90,000 police officers", "more than 85,000 police officers",
        "over 9,000 troops", "nearly 9,000 troops",
        "An estimated 4 million people",
        "$5 million in reserves",
    ]


def test_html_helpers() -> None:
    """escape, highlight and page: text is escaped everywhere, the title too."""
    assert html_escape('<a href="x">&</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
    assert highlight("a <b> c", (2, 5)) == "a <mark>&lt;b&gt;</mark> c"
    assert highlight("abc", (5, 9)) == "abc"
    assert "<title>x &lt;y&gt;</title>" in page("x <y>", "<p>body</p>")


def test_bundled_html_report_escapes_and_marks() -> None:
    """The bundled 2020-01 -> 2021 page marks the changed figures in both sentences."""
    out = render(diff(SERIES / "2020-01.txt", SERIES / "2021.txt"), "html", kind="diff")
    assert "stands at <mark>81 members</mark> (76 nations" in out
    assert "now stands at <mark>83 members</mark> (78 nations" in out


# --------------------------------------------------------------------------- markdown


def test_markdown_escaping() -> None:
    """Markdown cells cannot break the table or inject HTML."""
    assert md_escape("a|b <i>*x*</i> [l](u) `c`\nd") == (
        "a\\|b &lt;i&gt;\\*x\\*&lt;/i&gt; \\[l\\](u) \\`c\\` d"
    )
    assert code("a`b") == "``a`b``"
    assert code("`x`") == "`` `x` ``"


def test_markdown_with_nothing_changed() -> None:
    """A version against itself: the summary and "No figure changed."."""
    doc = factcheck.load(GOLDEN / "diff-old.txt", source="diff-old.txt")
    assert render(diff(doc, doc), "markdown", kind="diff") == (
        "### Figures: `diff-old.txt` → `diff-old.txt`\n\n"
        "**0 changed, 0 requalified, 0 added, 0 removed**\n\nNo figure changed.\n"
    )


# --------------------------------------------------------------------------- json and text


def test_json_changes_hold_claim_objects() -> None:
    """JSON changes: kind, old/new claim objects (or null), delta, relative, message."""
    report = small_pair()
    data = json.loads(render(report, "json", kind="diff", all=True))
    assert data["schema_version"] == 1
    assert data["changed"] is True
    assert data["summary"] == {"changed": 4, "requalified": 1, "added": 1, "removed": 1,
                               "reworded": 2, "moved": 0, "unchanged": 0}
    assert [c["kind"] for c in data["changes"]] == [
        "changed", "changed", "reworded", "reworded", "changed", "changed", "requalified",
        "removed", "added",
    ]
    visible = report.visible(all=True)
    for got, change in zip(data["changes"], visible):
        assert got["old"] == (claim_to_json(change.old) if change.old else None)
        assert got["new"] == (claim_to_json(change.new) if change.new else None)
        assert got["message"] == change.message
    first = data["changes"][0]
    assert {k: first[k] for k in ("delta", "delta_exact", "delta_unit", "relative_exact",
                                  "aspects")} == {
        "delta": 2, "delta_exact": "2", "delta_unit": "count", "relative_exact": "2/81",
        "aspects": ["value"],
    }
    assert data["changes"][-1]["old"] is None and data["changes"][-2]["new"] is None


def test_text_colour_only_when_asked() -> None:
    """ANSI colour appears only with color=True."""
    report = small_pair()
    plain = render(report, "text", kind="diff")
    coloured = render(report, "text", kind="diff", color=True)
    assert "\x1b[" not in plain
    assert "\x1b[33mchanged" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_every_diff_format_is_registered() -> None:
    """The diff kind renders in text, json, markdown and html."""
    from factcheck.reports import formats_for

    assert {"text", "json", "markdown", "html"} <= set(formats_for("diff"))


def test_scale_slip_warning_in_every_diff_format() -> None:
    """A figure whose scale word moved a thousandfold is warned about in every format that
    shows a diff's warnings."""
    from factcheck.reports import formats_for

    report = diff(
        factcheck.extract("The city invests $18.6 million in homelessness services.\n",
                          source="old.txt"),
        factcheck.extract("The city invests $18.6 billion in homelessness services.\n",
                          source="new.txt"),
        findings=False,
    )
    message = ("homelessness services: $18.6 million → $18.6 billion, the same digits a "
               "thousandfold larger; a scale word may be wrong")
    assert [(w.kind, w.message) for w in report.warnings] == [("scale-slip", message)]
    for fmt in formats_for("diff"):
        out = render(report, fmt, kind="diff")
        if fmt == "json":
            assert [w["kind"] for w in json.loads(out)["warnings"]] == ["scale-slip"]
        else:
            assert "scale-slip" in out and "a scale word may be wrong" in out, fmt


# --------------------------------------------------------------------------- the command


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_text_output() -> None:
    """`factcheck diff OLD NEW` prints the text report; exit 0 without --exit-code."""
    old, new = str(GOLDEN / "diff-old.txt"), str(GOLDEN / "diff-new.txt")
    code_, out, err = run("diff", old, new)
    assert (code_, err) == (0, "")
    assert out == render(diff(old, new), "text", kind="diff")
    assert out.startswith(f"{old} → {new}: 4 changed, 1 requalified, 1 added, 1 removed")


def test_cli_exit_code() -> None:
    """--exit-code: 1 when a figure changed, 0 when none did (reflowed text included)."""
    old, new = str(GOLDEN / "diff-old.txt"), str(GOLDEN / "diff-new.txt")
    assert run("diff", "--exit-code", old, new)[0] == 1
    assert run("diff", "--exit-code", old, old)[0] == 0


def test_cli_bundled_series(tmp_path: Path) -> None:
    """The bundled 2017 pair as markdown to a file, with the must-show figures and lines."""
    out = tmp_path / "pr.md"
    code_, stdout, err = run("diff", str(SERIES / "2017-03-24.txt"), str(SERIES / "2017-07.txt"),
                             "--format", "markdown", "-o", str(out))
    assert (code_, stdout, err) == (0, "", "")
    text = out.read_text(encoding="utf-8")
    for row in ("| members | 68 | 73 | +5 (+7.4%) | 5 → 3 |",
                "| Coalition partners | 23 | 26 | +3 (+13.0%) | 7 → 11 |",
                "| terrain in Iraq | 62% | over 70% | +8 points (+12.9%) | 9 → 13 |",
                "| strikes (now airstrikes) | over 19,000 | over 23,000 | +4,000 (+21.1%) "
                "| 11 → 15 |"):
        assert row in text


def test_cli_snapshot_and_json(tmp_path: Path) -> None:
    """A snapshot file against its factsheet: JSON says nothing changed."""
    snap = tmp_path / "2021.toml"
    assert run("extract", str(SERIES / "2021.txt"), "-f", "toml", "-o", str(snap))[0] == 0
    code_, out, _ = run("diff", str(snap), str(SERIES / "2021.txt"), "-f", "json", "--exit-code")
    data = json.loads(out)
    assert (code_, data["changed"], data["changes"], data["summary"]["unchanged"]) == (
        0, False, [], 24
    )


def test_cli_all_shows_reworded() -> None:
    """--all adds reworded and moved figures."""
    old, new = str(GOLDEN / "diff-old.txt"), str(GOLDEN / "diff-new.txt")
    assert "reworded" not in run("diff", old, new)[1].split("\n", 2)[2]
    assert "territory 110,000 km² → 42,471 sq mi (reworded)" in run("diff", "--all", old, new)[1]


@pytest.mark.parametrize("bad", ["missing.txt", "."])
def test_cli_bad_input_is_one_line_exit_2(bad: str, tmp_path: Path) -> None:
    """A missing file or a directory: one line on stderr naming it, exit 2, nothing written."""
    out = tmp_path / "out.md"
    code_, stdout, err = run("diff", bad, str(GOLDEN / "diff-new.txt"), "-o", str(out))
    assert (code_, stdout, err.count("\n")) == (2, "", 1)
    assert err.startswith(f"factcheck: error: {bad}: ")
    assert not out.exists()


def test_cli_unknown_format_is_usage_error() -> None:
    """An unknown --format is a usage error (exit 2)."""
    assert run("diff", "-f", "pdf", "a", "b")[0] == 2
