"""Reading slips that broke real timelines, followed through `factcheck history` and `blame`
on small git repositories: a "Label:   1506" count padded like a release note's, a count
followed by a blank line and a new bold label that starts with "percent", and a Markdown
link whose text wraps onto the next line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import main
from gitrepo import git


def _history(tmp_path: Path, name: str, versions: list[str]) -> Path:
    repo = tmp_path / "site"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    for day, text in enumerate(versions, start=1):
        (repo / name).write_text(text, encoding="utf-8")
        git(repo, "add", name)
        git(repo, "commit", "-q", "-m", f"v{day}", date=f"2021-01-{day:02d}T09:00:00+00:00")
    return repo / name


def _values(path: Path, *args: str) -> dict[str, list[object]]:
    result = CliRunner().invoke(main, ["history", str(path), "-f", "json", *args])
    assert result.exit_code == 0, result.output
    return {f["id"]: [v["value"] for v in f["values"]] for f in json.loads(result.output)["figures"]}


NOTES = ("curl and libcurl 8.{v}.0\n\n Public curl releases:         27{v}\n"
         " Authors:                      {a}\n Contributors:                 3765\n\n"
         "This release includes the following changes:\n\n o gssapi: add support [72]\n")


def test_padded_label_count_in_the_year_range_is_a_count(tmp_path: Path) -> None:
    """"Authors:  1506" (aligned with spaces) is a count like "Authors: 1506", not a year;
    its timeline follows each release, and blame credits the commit that set it."""
    path = _history(tmp_path, "RELEASE-NOTES",
                    [NOTES.format(v=v, a=a) for v, a in ((1, 1503), (2, 1503), (3, 1506))])
    values = _values(path, "--find", "authors")
    assert values == {"authors": [1503, 1506]}
    result = CliRunner().invoke(main, ["blame", str(path), "-f", "json"])
    assert result.exit_code == 0
    [authors] = [c for c in json.loads(result.output)["claims"] if c["id"] == "authors"]
    assert (authors["value"], authors["line"]) == (1506, 4)
    assert authors["commit"] == git(path.parent, "rev-parse", "HEAD").strip()


def test_founded_year_behind_a_padded_label_stays_a_year(tmp_path: Path) -> None:
    """The narrowed rule still reads a date label's four digits as a year."""
    path = _history(tmp_path, "about.txt", [" Founded:      1506\n Members:      40\n",
                                            " Founded:      1506\n Members:      44\n"])
    assert _values(path) == {"members": [40, 44]}


PROFILE = ("# Germany\n\n## Communications\n\n### Internet users\n\n**total:** {n}\n\n"
           "**percent of population:** {p}% (2018 est.)\n\n### Broadband\n\n"
           "**total:** {b}\n")


def test_count_before_a_blank_line_and_a_percent_label_stays_a_count(tmp_path: Path) -> None:
    """"72,202,773" then a blank line and "**percent of population:**" is a count, not
    72 million percent: its timeline runs on when the figure is rewritten "78.81 million"."""
    path = _history(tmp_path, "profile.md", [
        PROFILE.format(n="70.3 million", p="86.8", b="33,000,000"),
        PROFILE.format(n="72,202,773", p="89.74", b="34,174,900"),
        PROFILE.format(n="72,202,773", p="89.74", b="35,100,000"),
        PROFILE.format(n="78.81 million", p="89.81", b="35,100,000")])
    result = CliRunner().invoke(main, ["history", str(path), "-f", "json"])
    assert result.exit_code == 0
    figures = json.loads(result.output)["figures"]
    counts = [[v["value"] for v in f["values"]] for f in figures if f["unit"] == "count"]
    assert [70300000, 72202773, 78810000] in counts
    assert all(f["unit"] != "percent" or max(v["value"] for v in f["values"]) < 100
               for f in figures)


LIMITS = ("# Rate limits\n\nYou can create a maximum of {n} {link}\nper 3 hours.\n")


def test_link_text_wrapped_onto_the_next_line_names_the_figure(tmp_path: Path) -> None:
    """A bold label that becomes a link wrapped over two lines ("[**Accounts\\nper IP
    Address**](/docs/x)", with an inline anchor before it) still names the figure: one
    timeline 500 → 10, no generic "figure"."""
    path = _history(tmp_path, "rate-limits.md", [
        LIMITS.format(n=500, link="**Accounts per IP Address**"),
        LIMITS.format(n=10, link="**Accounts per IP Address**"),
        LIMITS.format(n=10, link='<a id="accounts"></a>[**Accounts\nper IP Address**](/docs/ip)'),
    ])
    values = _values(path)
    assert values["accounts"] == [500, 10]
    assert not any(k.startswith("figure") for k in values)
