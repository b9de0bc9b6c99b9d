"""Tests for the main report: check of the latest version, latest changes, every timeline."""

from __future__ import annotations

import json
import os
import subprocess
import re
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import main
from factcheck.sources import bundled_series
from factcheck.timeline import report

SERIES = bundled_series()


def test_report_on_the_bundled_series() -> None:
    """With no path, the report covers the bundled series: 2021 checked, 2020-01 -> 2021 diffed."""
    r = report()
    assert r.source == str(SERIES)
    assert [v.label for v in r.history.versions][-2:] == ["2020-01.txt", "2021.txt"]
    assert r.check is not None and r.check.count("inconsistent") == 0
    assert [f.message for f in r.check.findings if f.rule == "sum"] == ["78 + 5 = 83, as stated"]
    assert r.diff is not None
    changed = [(c.old.value, c.new.value) for c in r.diff.changes if c.kind == "changed"]
    assert changed == [(81, 83), (76, 78)]
    assert [p.claim.value for p in r.history.timeline("members").points] == [68, 73, 79, 81, 83]
    assert r.latest.source.endswith("2021.txt")


def test_report_html_is_one_self_contained_page(tmp_path: Path) -> None:
    """factcheck report -o FILE.html writes one page: check, changes, a chart per figure."""
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    for heading in ("Consistency of the latest version", "Changes since the previous version",
                    "Figures over time"):
        assert heading in page
    hist = report().history
    assert page.count('role="img"') == len(hist.changed)  # a chart per figure that changed
    assert "68 → 73 → 79 → 81 → 83" in page
    assert "<title>factcheck report: Global Coalition against Daesh factsheet</title>" in page
    assert "site-packages" not in page
    assert page.count("<script") == 1 and "src=" not in page and "<link" not in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_report_formats_follow_the_output_suffix(tmp_path: Path) -> None:
    """-o x.md writes Markdown, -o x.json JSON; --format wins over the suffix."""
    runner = CliRunner()
    md = tmp_path / "r.md"
    assert runner.invoke(main, ["report", str(SERIES), "-o", str(md)]).exit_code == 0
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# factcheck report: ")
    assert "| `members` | members | count | 68 → 73 → 79 → 81 → 83 |" in text
    js = tmp_path / "r.json"
    assert runner.invoke(main, ["report", "-o", str(js)]).exit_code == 0
    data = json.loads(js.read_text(encoding="utf-8"))
    assert sorted(data) == ["check", "cross_version", "diff", "history", "schema_version",
                            "source"]
    members = next(f for f in data["history"]["figures"] if f["id"] == "members")
    assert [v["value"] for v in members["values"]] == [68, 73, 79, 81, 83]
    result = runner.invoke(main, ["report", "--format", "text"])
    assert result.exit_code == 0
    assert "== Every figure over time ==" in result.output


def test_report_on_a_git_file(tmp_path: Path) -> None:
    """A file in git is reported on across its commits."""
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {**os.environ, "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org",
           "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(repo), *args], env=env, check=True,
                       capture_output=True)

    git("init", "-q", "-b", "main")
    f = repo / "facts.txt"
    for n in (81, 83):
        f.write_text(f"The Coalition has {n} members ({n - 5} nations and five organisations).\n")
        git("add", "facts.txt")
        git("commit", "-q", "-m", f"{n} members")
    r = report(f)
    assert r.check is not None and [x.message for x in r.check.findings] == [
        "78 + 5 = 83, as stated"]
    assert r.diff is not None
    assert [(c.kind, c.old.value, c.new.value) for c in r.diff.visible()] == [
        ("changed", 81, 83), ("changed", 76, 78)]
    assert [p.claim.value for p in r.history.timeline("members").points] == [81, 83]


def test_report_bad_path_is_one_line(tmp_path: Path) -> None:
    """A path that is neither a folder of versions nor a file in git: one line, exit 2."""
    loose = tmp_path / "loose.txt"
    loose.write_text("83 members\n")
    result = CliRunner().invoke(main, ["report", str(loose), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert result.output == f"factcheck: error: {loose}: is not inside a git repository\n"
    assert not (tmp_path / "r.html").exists()


def _long_history(versions: int = 260, figures: int = 40):  # noqa: ANN202 - test helper
    """A weekly page of *figures* counts under their own headings, each week all changing."""
    from factcheck.readers import reader_for
    from factcheck.timeline import Version
    from factcheck.tracking import TextWalker

    walker = TextWalker()
    reader = reader_for("p.md")
    for w in range(versions):
        text = "# Weekly status\n\n" + "".join(
            f"## Region {chr(65 + k // 26)}{chr(65 + k % 26)}\n\nThe region has {1000 + 7 * w + k:,} registered sites.\n\n"
            for k in range(figures))
        day = f"20{20 + w // 52:02d}-{1 + (w % 52) // 5:02d}-{1 + w % 5 * 5:02d}"
        walker.add(Version(label=f"w{w}", date=day, path="p.md"), text, reader)
    return walker.finish_text("p.md")


def test_markdown_history_fits_a_comment_and_says_what_was_left_out() -> None:
    """260 weekly versions of 40 changing figures: the Markdown stays under 65,536
    characters, newest first, naming heading, line and quote, and counts what it left out."""
    from factcheck.reports import render

    out = render(_long_history(), "markdown", kind="history")
    assert len(out) < 65_536
    assert out.startswith("# History of Weekly status\n")
    assert "### Changes by version (newest first)" in out
    assert "- **registered sites** 2,806 → 2,813 — under *Region AA*, line 5: “2,813 registered sites”" in out
    assert re.search(r"_Left out to fit a comment: \d+ changes in \d+ older versions", out)


def test_html_history_shares_one_time_axis_and_skips_charts_of_one_value() -> None:
    """Charts are placed by date on one axis for the page; a figure that never changed
    gets one line and no chart; the page has search, filter and sort."""
    from factcheck.reports import render
    from factcheck.reports.html import TimeAxis

    hist = _long_history(versions=30, figures=3)
    axis = TimeAxis(hist.versions)
    first, last = hist.versions[0], hist.versions[-1]
    assert (axis.at(first), axis.at(last)) == (0.0, 1.0)
    ticks = [label for _, label in axis.ticks()]
    assert 2 <= len(ticks) <= 6 and ticks[0].endswith("2020")
    page = render(hist, "html", kind="history")
    assert page.count('role="img"') == 3
    assert 'id="fc-q"' in page and 'id="fc-f"' in page and 'id="fc-s"' in page
    one = render(_long_history(versions=1, figures=2), "html", kind="history")
    assert 'role="img"' not in one and "unchanged since" in one


def test_time_axis_ticks_are_years_months_or_days_and_few() -> None:
    """Ticks a reader can tell apart: years over a long span, months over a year, days over
    weeks; at most six; versions without dates fall back to their order."""
    from factcheck.reports.html import TimeAxis
    from factcheck.timeline import Version

    def axis(*dates: str | None) -> TimeAxis:
        return TimeAxis([Version(label=f"v{i}", date=d, path="p") for i, d in enumerate(dates)])

    assert [t for _, t in axis("2015-10-26", "2026-01-22").ticks()] == [
        "2016", "2018", "2020", "2022", "2024", "2026"]
    assert [t for _, t in axis("2021-01-15", "2021-12-20").ticks()] == [
        "Mar 2021", "May", "Jul", "Sep", "Nov"]
    assert [t for _, t in axis("2021-03-01", "2021-03-21").ticks()] == [
        "1 Mar", "5 Mar", "9 Mar", "13 Mar", "17 Mar", "21 Mar"]
    undated = axis(None, "2021", None)
    assert (undated.dated, [undated.at(v) for v in undated.versions]) == (False, [0.0, 0.5, 1.0])
