"""Tests for factcheck.timeline: figure timelines over folders and git, blame, revision diffs."""

from __future__ import annotations

import json
import random
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.errors import InputError, RevisionError
from factcheck.extraction import extract
from factcheck.readers import read_plain
from factcheck.sources import bundled_series
from factcheck.timeline import (
    Version,
    History,
    blame,
    blame_of,
    check_revisions,
    cross_version_findings,
    diff_revisions,
    history,
    history_of,
    load_at,
)
from factcheck.tracking import TextWalker
from gitrepo import git

SERIES = bundled_series()


def commit(repo: Path, name: str, text: str, message: str, day: int) -> None:
    """Write one file and commit it."""
    p = repo / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    git(repo, "add", name)
    git(repo, "commit", "-q", "-m", message, date=f"2021-02-{day:02d}T09:00:00+00:00")


def factsheet(members: int, partners: str, strikes: str, extra: str = "") -> str:
    """A small factsheet: a heading, two paragraphs and an optional third."""
    return (
        "THE COALITION\n\n"
        f"The Coalition has {members} members. {partners} partners contribute troops.\n\n"
        "Operations\n\n"
        f"Since 2014 the Coalition has conducted more than {strikes} strikes in Iraq and Syria.\n"
        "\nThe Coalition is committed to degrading and ultimately defeating Daesh. Its members\n"
        "work together on stabilisation, counter-finance, foreign fighters and messaging.\n"
        + (f"\n{extra}\n" if extra else "")
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Seven commits of a factsheet, with a rename and a revert."""
    r = tmp_path / "repo"
    r.mkdir()
    git(r, "init", "-q", "-b", "main")
    commit(r, "facts.txt", factsheet(68, "23", "19,000"), "first version", 1)
    commit(r, "facts.txt", factsheet(73, "23", "19,000"), "members 73", 2)
    git(r, "mv", "facts.txt", "factsheet.txt")
    git(r, "commit", "-q", "-m", "rename", date="2021-02-03T09:00:00+00:00")
    commit(r, "factsheet.txt", factsheet(73, "Twenty-six", "23,000"), "partners and strikes", 4)
    commit(r, "factsheet.txt", factsheet(79, "Twenty-six", "23,000"), "members 79 (wrong)", 5)
    git(r, "revert", "--no-edit", "HEAD", date="2021-02-06T09:00:00+00:00")
    commit(r, "factsheet.txt",
           factsheet(73, "Twenty-six", "23,000", "Nearly 90,000 soldiers were trained."),
           "add training", 7)
    return r


def series(hist, id_):  # noqa: ANN001, ANN201 - test helper
    """(version subject or label, value, qualifier, line) of each point of one timeline."""
    t = hist.timeline(id_)
    assert t is not None, [x.id for x in hist.timelines]
    return [
        (p.version.subject or p.version.label, p.claim.value, p.claim.qualifier.value,
         p.claim.line)
        for p in t.points
    ]


# --------------------------------------------------------------------------- folders


def test_folder_membership_series() -> None:
    """The bundled series shows the membership 68 -> 73 -> 79 -> 81 -> 83, id "members"."""
    hist = history(SERIES)
    assert [v.label for v in hist.versions] == [
        "2017-03-24.txt", "2017-07.txt", "2019-02-06.txt", "2020-01.txt", "2021.txt"
    ]
    assert series(hist, "members") == [
        ("2017-03-24.txt", 68, "exact", 5),
        ("2017-07.txt", 73, "exact", 3),
        ("2019-02-06.txt", 79, "exact", 8),
        ("2020-01.txt", 81, "exact", 9),
        ("2021.txt", 83, "exact", 13),
    ]
    members = hist.timeline("members")
    assert (members.present, members.first_seen.date, members.last_seen.date) == (
        True, "2017-03-24", "2021")


def test_folder_pairs_reworded_figures() -> None:
    """Strikes become airstrikes and partners are spelt out, and stay one timeline each."""
    hist = history(SERIES)
    assert series(hist, "airstrikes") == [
        ("2017-03-24.txt", 19000, "over", 11),
        ("2017-07.txt", 23000, "over", 15),
    ]
    assert series(hist, "coalition-partners") == [
        ("2017-03-24.txt", 23, "exact", 7),
        ("2017-07.txt", 26, "exact", 11),
        ("2019-02-06.txt", 32, "exact", 14),
    ]
    assert hist.timeline("airstrikes").present is False


def test_history_of_documents() -> None:
    """Timelines can be built from documents already read."""
    a = extract("The Coalition has 81 members.", source="a.txt", date="2020")
    b = extract("The Coalition now has 83 members.", source="b.txt", date="2021")
    hist = history_of([a, b])
    assert series(hist, "members") == [("a.txt", 81, "exact", 1), ("b.txt", 83, "exact", 1)]


def test_folder_without_versions_is_an_input_error(tmp_path: Path) -> None:
    """A folder with no dated factsheet is one clear error."""
    with pytest.raises(InputError, match="holds no dated factsheet versions"):
        history(tmp_path)


def test_rev_on_a_folder_is_refused() -> None:
    """--rev only applies to a file in git."""
    with pytest.raises(RevisionError, match="applies to a file tracked in git"):
        history(SERIES, "HEAD~1..")


# --------------------------------------------------------------------------- git


def test_git_timelines_follow_rename_and_revert(repo: Path) -> None:
    """Every commit that changed the file, across the rename; the revert is its own change."""
    hist = history(repo / "factsheet.txt")
    assert [v.subject for v in hist.versions] == [
        "first version", "members 73", "rename", "partners and strikes", "members 79 (wrong)",
        'Revert "members 79 (wrong)"', "add training",
    ]
    assert [v.path for v in hist.versions[:3]] == ["facts.txt", "facts.txt", "factsheet.txt"]
    assert series(hist, "members") == [
        ("first version", 68, "exact", 3),
        ("members 73", 73, "exact", 3),
        ("members 79 (wrong)", 79, "exact", 3),
        ('Revert "members 79 (wrong)"', 73, "exact", 3),
    ]
    assert series(hist, "partners") == [
        ("first version", 23, "exact", 3),
        ("partners and strikes", 26, "exact", 3),
    ]
    assert series(hist, "strikes") == [
        ("first version", 19000, "over", 7),
        ("partners and strikes", 23000, "over", 7),
    ]
    assert series(hist, "soldiers") == [("add training", 90000, "nearly", 12)]
    assert hist.versions[0].author == "Ann Author"
    assert hist.versions[0].date == "2021-02-01T09:00:00+00:00"
    assert hist.notes == ()


def test_git_history_matches_folder_history(tmp_path: Path) -> None:
    """The bundled versions committed as one file give the folder's timelines."""
    r = tmp_path / "gc"
    r.mkdir()
    git(r, "init", "-q", "-b", "main")
    for day, f in enumerate(sorted(SERIES.glob("*.txt")), start=1):
        commit(r, "factsheet.txt", f.read_text(encoding="utf-8"), f.name, day)

    def shape(hist):  # noqa: ANN001, ANN202
        return [
            (t.id.split("@")[0], t.present,
             [(p.claim.value, p.claim.qualifier, p.claim.line, p.claim.provenance.column,
               p.claim.quote) for p in t.points])
            for t in hist.timelines
        ]

    assert shape(history(r / "factsheet.txt")) == shape(history(SERIES))


def test_rev_range_starts_from_the_base_version(repo: Path) -> None:
    """With A..B the file as it was at A is the first version, so A+1's changes show."""
    hist = history(repo / "factsheet.txt", "HEAD~3..HEAD~1")
    assert [v.subject for v in hist.versions] == [
        "partners and strikes", "members 79 (wrong)", 'Revert "members 79 (wrong)"',
    ]
    assert series(hist, "members") == [
        ("partners and strikes", 73, "exact", 3),
        ("members 79 (wrong)", 79, "exact", 3),
        ('Revert "members 79 (wrong)"', 73, "exact", 3),
    ]


def test_blame_names_the_last_change(repo: Path) -> None:
    """Each claim of HEAD is blamed on the commit that last changed its value or qualifier."""
    result = blame(repo / "factsheet.txt")
    assert [(e.claim.id, e.claim.value, e.version.subject) for e in result.entries] == [
        ("members", 73, "members 73"),  # the revert is a round trip: skipped
        ("partners", 26, "partners and strikes"),
        ("strikes", 23000, "partners and strikes"),
        ("soldiers", 90000, "add training"),
    ]
    assert result.entries[0].claim.provenance.revision == git(repo, "rev-parse", "HEAD").strip()


def test_blame_of_uncommitted_changes(repo: Path) -> None:
    """A figure changed in the working tree is blamed on the working tree."""
    path = repo / "factsheet.txt"
    path.write_text(factsheet(74, "Twenty-six", "23,000", "Nearly 90,000 soldiers were trained."))
    result = blame(path)
    assert [(e.claim.id, e.version.label, e.uncommitted) for e in result.entries] == [
        ("members", "working tree", True),
        ("partners", result.entries[1].version.label, False),
        ("strikes", result.entries[2].version.label, False),
        ("soldiers", result.entries[3].version.label, False),
    ]
    assert "has uncommitted changes" in history(path).notes[0]


def test_blame_at_a_revision(repo: Path) -> None:
    """--rev blames the file as it was at that revision."""
    result = blame(repo / "factsheet.txt", "HEAD~2")
    assert [(e.claim.id, e.claim.value, e.version.subject) for e in result.entries] == [
        ("members", 79, "members 79 (wrong)"),
        ("partners", 26, "partners and strikes"),
        ("strikes", 23000, "partners and strikes"),
    ]


def test_blame_of_a_folder() -> None:
    """In a folder of versions, blame names the file where each figure last changed."""
    result = blame(SERIES)
    got = {e.claim.id: e.version.label for e in result.entries}
    assert (got["members"], got["international-organisations"], got["fighters"]) == (
        "2021.txt", "2020-01.txt", "2021.txt")


def test_git_errors(repo: Path, tmp_path: Path) -> None:
    """Not a repository, an unknown or unsafe revision, a file never committed: one error."""
    loose = tmp_path / "loose.txt"
    loose.write_text("83 members\n")
    with pytest.raises(RevisionError, match="is not inside a git repository"):
        history(loose)
    with pytest.raises(RevisionError, match="unknown revision 'nope'"):
        history(repo / "factsheet.txt", "nope..")
    with pytest.raises(RevisionError, match="may not start with '-'"):
        history(repo / "factsheet.txt", "--output=x")
    with pytest.raises(RevisionError, match="no such file"):
        history(repo / "never.txt")  # not in the work tree either: the file is missing
    (repo / "never.txt").write_text("83 members\n")
    with pytest.raises(RevisionError, match="no commit ever held it"):
        history(repo / "never.txt")
    with pytest.raises(RevisionError, match="no commit up to HEAD~5 ever held it"):
        blame(repo / "factsheet.txt", "HEAD~5")


def test_shallow_clone_notes_the_cut(repo: Path, tmp_path: Path) -> None:
    """A shallow clone's history starts where the clone does, with a note saying so."""
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo}", str(clone)],
                   check=True, capture_output=True)
    hist = history(clone / "factsheet.txt")
    assert [v.subject for v in hist.versions] == ['Revert "members 79 (wrong)"', "add training"]
    assert len(hist.notes) == 1 and hist.notes[0].startswith("history is cut: this is a shallow")


def test_load_at_and_revision_diffs(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """REV:PATH reads a file from git; --rev A..B diffs every factsheet changed in the range."""
    monkeypatch.chdir(repo)
    old = load_at("HEAD~5:facts.txt")
    assert (old.source, [c.value for c in old]) == ("HEAD~5:facts.txt", [73, 23, 19000])
    result = diff_revisions("HEAD~5..HEAD")
    assert [(f.status, f.old_path, f.new_path) for f in result.files] == [
        ("R", "facts.txt", "factsheet.txt")
    ]
    changes = [(c.kind, c.label) for c in result.files[0].diff.visible()]
    assert changes == [
        ("changed", "partners"), ("changed", "strikes in Iraq and Syria"), ("added", "soldiers")
    ]
    with pytest.raises(RevisionError, match="does not exist at HEAD"):
        load_at("HEAD:facts.txt")


# --------------------------------------------------------------------------- the cross-version rule


def test_cross_version_rule() -> None:
    """A running total that shrank is inconsistent; a dimension change too; growth is fine."""
    old = extract("Since 2014 the Coalition has conducted more than 23,000 strikes. "
                  "Some 62 percent of the terrain is free.")
    new = extract("Since 2014 the Coalition has conducted 19,000 strikes. "
                  "Some 62 sq km of the terrain is free.")
    findings = cross_version_findings(old, new)
    assert [(f.rule, f.verdict.value, f.line, [c.value for c in f.claims]) for f in findings] == [
        ("cross-version", "inconsistent", 1, [23000, 19000]),
        ("cross-version", "inconsistent", 1, [62, 62]),
    ]
    assert findings[0].message == (
        "strikes: a running total shrank from over 23,000 (line 1) to 19,000 (line 1)")
    grown = extract("Since 2014 the Coalition has conducted more than 25,000 strikes.")
    assert [f.verdict.value for f in cross_version_findings(old, grown)] == ["consistent"]
    about = extract("Since 2014 the Coalition has conducted about 22,000 strikes.")
    assert [f.verdict.value for f in cross_version_findings(old, about)] == ["undetermined"]


def test_check_revisions(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """check --rev A..B checks B's factsheets and flags a running total that shrank."""
    text = (repo / "factsheet.txt").read_text().replace("more than 23,000", "21,000")
    commit(repo, "factsheet.txt", text, "fewer strikes", 8)
    monkeypatch.chdir(repo)
    report = check_revisions("HEAD~1..HEAD")
    bad = [f for f in report.findings if f.verdict.value == "inconsistent"]
    assert [(f.rule, f.line, f.source) for f in bad] == [
        ("cross-version", 7, f"{git(repo, 'rev-parse', 'HEAD').strip()[:12]}:factsheet.txt")
    ]
    result = CliRunner().invoke(main, ["check", "--rev", "HEAD~1..HEAD"])
    assert result.exit_code == 1
    assert "a running total shrank from over 23,000 (line 7) to 21,000 (line 7)" in result.output


# --------------------------------------------------------------------------- incremental reading


def _key(c, line, col, off):  # noqa: ANN001, ANN202
    return (c.value, c.unit, c.qualifier, c.counted, c.stated, c.step, c.value_high, c.kind,
            c.time, c.provenance.quote, line, col, off)


def _edit(text: str, rng: random.Random) -> str:
    """One random edit of the kinds factsheets see: a figure, a sentence, a line break."""
    r = rng.random()
    numbers = list(re.finditer(r"\d[\d,]*", text))
    if r < 0.45 and numbers:
        m = rng.choice(numbers)
        return text[:m.start()] + str(rng.randint(1, 99999)) + text[m.end():]
    ends = [m.end() for m in re.finditer(r"\. ", text)] or [0]
    if r < 0.6 and len(ends) > 2:
        i = rng.randrange(len(ends) - 1)
        return text[:ends[i]] + text[ends[i + 1]:]
    if r < 0.8:
        s = rng.choice(["The Coalition has 12 members. ", "More than 4.5 million fled. ",
                        "In March. 5 people died. ", "\n\n", "Over 300 schools reopened.\n\n"])
        pos = rng.choice(ends)
        return text[:pos] + s + text[pos:]
    lines = [m.start() for m in re.finditer("\n", text)] or [0]
    i = rng.choice(lines)
    return text[:i] + "\n\n" + text[i:]


def test_incremental_reading_equals_whole_reading() -> None:
    """Re-reading only what changed gives, at every step, the claims of reading it whole."""
    steps = 0
    for f in sorted(SERIES.glob("*.txt")):
        rng = random.Random(f.name)
        text = f.read_text(encoding="utf-8")
        walker = TextWalker()
        for i in range(25):
            walker.add(Version(label=str(i), date=None, path="f.txt"), text, read_plain)
            got = [
                _key(c, b.line + b.lines[k] - 1, b.cols[k], b.start + b.offs[k])
                for b in walker.blocks for k, c in enumerate(b.claims)
            ]
            whole = [_key(c, c.line, c.provenance.column, c.provenance.offset)
                     for c in extract(text)]
            assert got == whole, (f.name, i)
            text = _edit(text, rng)
            steps += 1
    assert steps == 125


# --------------------------------------------------------------------------- the command line


def test_cli_history_text() -> None:
    """factcheck history FOLDER --id members prints the membership series."""
    result = CliRunner().invoke(main, ["history", str(SERIES), "--id", "members"])
    assert result.exit_code == 0
    assert result.output == (
        f"{SERIES}: 5 versions (2017-03-24 … 2021); 1 figure, 1 changed\n"
        "\n"
        "members (members; count): 68 → 73 → 79 → 81 → 83\n"
        "  date        version         figure  line  quote\n"
        "  ----------  --------------  ------  ----  ----------\n"
        "  2017-03-24  2017-03-24.txt  68      5     68-member\n"
        "  2017-07     2017-07.txt     73      3     73-member\n"
        "  2019-02-06  2019-02-06.txt  79      8     79-member\n"
        "  2020-01     2020-01.txt     81      9     81 members\n"
        "  2021        2021.txt        83      13    83 members\n"
    )


def test_cli_history_json(repo: Path) -> None:
    """The history JSON: figures with id, counted, unit and their values in time order."""
    result = CliRunner().invoke(main, ["history", str(repo / "factsheet.txt"), "-f", "json",
                                       "--id", "partners"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["schema_version"] == 1 and data["kind"] == "git"
    [fig] = data["figures"]
    assert {k: fig[k] for k in ("id", "counted", "unit", "present", "changes")} == {
        "id": "partners", "counted": "partners", "unit": "count", "present": True, "changes": 1}
    head = git(repo, "rev-parse", "HEAD~3").strip()
    assert fig["values"][1] == {
        "version": head[:12], "date": "2021-02-04T09:00:00+00:00", "commit": head,
        "author": "Ann Author", "value": 26, "value_exact": "26", "value_high": None,
        "unit": "count", "qualifier": "exact", "figure": "26", "stated": "Twenty-six",
        "quote": "Twenty-six partners", "line": 3, "column": 31, "reappeared": False,
    }


def test_cli_blame_json(repo: Path) -> None:
    """The blame JSON: extract claim objects plus commit, author and date."""
    result = CliRunner().invoke(main, ["blame", str(repo / "factsheet.txt"), "-f", "json"])
    assert result.exit_code == 0
    claims = json.loads(result.output)["claims"]
    first = claims[0]
    assert (first["id"], first["value"], first["quote"], first["line"]) == (
        "members", 73, "73 members", 3)
    assert (first["commit"], first["author"], first["date"], first["uncommitted"]) == (
        git(repo, "rev-parse", "HEAD~5").strip(), "Ann Author", "2021-02-02T09:00:00+00:00",
        False)  # the revert (HEAD~1) restored the value "members 73" (HEAD~5) stated


def test_cli_diff_rev_path_and_range(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """diff takes REV:PATH sides and --rev A..B; bad revisions are one line and exit 2."""
    monkeypatch.chdir(repo)
    runner = CliRunner()
    result = runner.invoke(main, ["diff", "HEAD~6:facts.txt", "HEAD:factsheet.txt"])
    assert result.exit_code == 0
    assert "members 68 → 73 (+5)" in result.output
    result = runner.invoke(main, ["diff", "--rev", "HEAD~2..HEAD~1", "-f", "json",
                                  "--exit-code"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert [(f["status"], f["new_path"], [(c["kind"], c["new"]["id"], c["delta"])
                                          for c in f["changes"]])
            for f in data["files"]] == [("M", "factsheet.txt", [("changed", "members", -6)])]
    for args in (["diff", "nope:facts.txt", "factsheet.txt"],
                 ["diff", "--rev", "-x..HEAD"],
                 ["history", "factsheet.txt", "--rev", "--output=x.txt"]):
        result = runner.invoke(main, args)
        assert result.exit_code == 2, args
        assert len(result.output.strip().splitlines()) == 1
        assert result.output.startswith("factcheck: error: ")
    assert not (repo / "x.txt").exists()


def test_cli_history_html_charts(tmp_path: Path) -> None:
    """The HTML history has one inline SVG chart per figure and no external resource."""
    folder = tmp_path / "series"
    folder.mkdir()
    (folder / "2020.txt").write_text('The Coalition has 81 members <script>alert("x")</script>.\n')
    (folder / "2021.txt").write_text('The Coalition has 83 members <script>alert("x")</script>.\n')
    out = tmp_path / "h.html"
    result = CliRunner().invoke(main, ["history", str(folder), "-f", "html", "-o", str(out)])
    assert result.exit_code == 0
    page = out.read_text()
    assert page.count('role="img"') == 1  # one chart: the figure that changed
    assert "81 → 83" in page
    assert f"<title>factcheck history: {folder}</title>" in page  # its first line is no title
    # One inline script (search, filter, sort); the document's own text stays inert.
    assert page.count("<script") == 1 and "<script>alert" not in page
    assert "src=" not in page and "http" not in page.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")


def test_deleted_readded_markdown_and_unreadable_versions(tmp_path: Path) -> None:
    """A figure deleted and added back continues; a past version that is not text is left out."""
    r = tmp_path / "md"
    r.mkdir()
    git(r, "init", "-q", "-b", "main")
    commit(r, "f.md", "# Facts\n\nThe Coalition has **68** members.\n", "a", 1)
    git(r, "rm", "-q", "f.md")
    git(r, "commit", "-q", "-m", "delete", date="2021-02-02T09:00:00+00:00")
    commit(r, "f.md", "# Facts\n\nThe Coalition has **79** members.\n", "back", 3)
    (r / "f.md").write_bytes(b"\xff\xfe 80 members\n")
    git(r, "commit", "-q", "-am", "broken", date="2021-02-04T09:00:00+00:00")
    commit(r, "f.md", "The Coalition has 83 members.\n", "plain", 5)
    hist = history(r / "f.md")
    assert [v.subject for v in hist.versions] == ["a", "delete", "back", "plain"]
    t = hist.timeline("members")
    assert [(p.version.subject, p.claim.value, p.reappeared) for p in t.points] == [
        ("a", 68, False), ("back", 79, True), ("plain", 83, False)]
    assert len(hist.notes) == 1 and "was left out: not UTF-8 text" in hist.notes[0]


def test_snapshot_file_in_git(tmp_path: Path) -> None:
    """A snapshot file tracked in git is followed like a factsheet."""
    from factcheck.snapshot import dumps_snapshot

    r = tmp_path / "snap"
    r.mkdir()
    git(r, "init", "-q", "-b", "main")
    for day, n in enumerate((81, 83), start=1):
        commit(r, "facts.toml", dumps_snapshot(extract(f"It has {n} members.", source="f.txt")),
               f"{n}", day)
    assert series(history(r / "facts.toml"), "members") == [("81", 81, "exact", 1),
                                                            ("83", 83, "exact", 1)]


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The progress bar appears on stderr only when it is a terminal, after a moment."""
    import io
    import sys

    from factcheck import cli

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    for stream, shown in ((io.StringIO(), False), (Tty(), True)):
        monkeypatch.setattr(sys, "stderr", stream)
        bar = cli._Progress("reading versions")
        bar.started -= 10  # as if the walk had run for a while
        for i in range(1, 4):
            bar(i, 5)
        bar.close()
        assert ("reading versions" in stream.getvalue()) is shown


# --------------------------------------------------------------------------- identity, reverts


def walk(*texts: str, name: str = "page.md") -> History:
    """The history of versions given as text (v1, v2, ...), read as git versions are."""
    from factcheck.readers import reader_for

    walker = TextWalker()
    reader = reader_for(name)
    for i, text in enumerate(texts):
        walker.add(Version(label=f"v{i + 1}", date=f"2021-01-{i + 1:02d}", path=name), text,
                   reader)
    return walker.finish_text(name)


def steps(hist: History, quote: str) -> list[tuple[str, str]]:
    """(version, quote) of each point of the timeline whose latest quote is *quote*."""
    hits = [t for t in hist.timelines if t.latest.claim.quote == quote]
    assert len(hits) == 1, [(t.id, t.latest.claim.quote) for t in hist.timelines]
    return [(p.version.label, p.claim.quote) for p in hits[0].points]


PROFILE = """# Country

## People

### Population

**total:** {pop} (2024 est.)

### Median age

**total:** {age} years

## Transport

### Airports

**total:** {airports}
"""


def test_look_alike_lines_under_different_headings_never_pair() -> None:
    """'total:' under Population, Median age and Airports: each keeps its own timeline,
    even when one field is removed and another added."""
    v1 = PROFILE.format(pop="99,497,680", age="32.4", airports="318")
    v2 = PROFILE.format(pop="99,500,000", age="32.6", airports="320")
    v3 = v2.replace("### Airports\n\n**total:** 320\n", "") + (
        "\n## Energy\n\n### Power plants\n\n**total:** 23\n")
    hist = walk(v1, v2, v3)
    assert steps(hist, "99,500,000") == [("v1", "99,497,680"), ("v2", "99,500,000")]
    assert steps(hist, "32.6 years") == [("v1", "32.4 years"), ("v2", "32.6 years")]
    assert steps(hist, "320") == [("v1", "318"), ("v2", "320")]
    assert steps(hist, "23") == [("v3", "23")]
    assert [t.last_seen.label for t in hist.timelines if not t.present] == ["v2"]


def test_a_renamed_heading_keeps_its_figures() -> None:
    """'### Airports' renamed '### Airfields' in its place: its figure's timeline goes on."""
    v1 = PROFILE.format(pop="99,497,680", age="32.4", airports="318")
    v2 = v1.replace("### Airports", "### Airfields").replace("318", "321")
    hist = walk(v1, v2)
    assert steps(hist, "321") == [("v1", "318"), ("v2", "321")]


def test_table_rows_that_reorder_pair_by_row_and_column() -> None:
    """A status table whose rows swap places: each cell pairs by its row and column header."""
    v1 = ("## Status\n\n| Site | Uptime | Response time |\n|---|---|---|\n"
          "| Alpha | 99.98% | 145 ms |\n| Beta | 100% | 210 ms |\n")
    v2 = ("## Status\n\n| Site | Uptime | Response time |\n|---|---|---|\n"
          "| Beta | 99.5% | 220 ms |\n| Alpha | 99.98% | 150 ms |\n")
    hist = walk(v1, v2)
    assert steps(hist, "99.5%") == [("v1", "100%"), ("v2", "99.5%")]
    assert steps(hist, "150 ms") == [("v1", "145 ms"), ("v2", "150 ms")]
    assert steps(hist, "220 ms") == [("v1", "210 ms"), ("v2", "220 ms")]
    assert steps(hist, "99.98%") == [("v1", "99.98%")]


def test_a_figure_that_vanishes_returns_by_its_label_not_a_generic_noun() -> None:
    """A labelled figure removed and restored later continues its timeline; a bare
    'total:' figure (a generic name) that comes back starts a new one."""
    base = "## Limits\n\n**Certificates per Registered Domain** (50 per week)\n\n"
    other = "## Other\n\n**total:** 318\n"
    hist = walk(base + other, other, base.replace("50", "60") + other.replace("318", "5"))
    t = [t for t in hist.timelines if t.latest.claim.stated.startswith("60")][0]
    assert [(p.version.label, p.claim.stated, p.reappeared) for p in t.points] == [
        ("v1", "50 per week", False), ("v3", "60 per week", True)]
    assert steps(hist, "5") == [("v1", "318"), ("v3", "5")]  # paired: same place, consecutive


def test_a_revert_is_that_version_again_and_blame_skips_the_round_trip() -> None:
    """v4 is v1 byte for byte: the figures return to v1's values, the figure added in
    between ends, and blame credits each figure to where its value was first stated."""
    v1 = "## Team\n\nThe project has 12 maintainers and 340 contributors.\n"
    v2 = v1.replace("340", "355")
    v3 = v2.replace("12 maintainers", "14 maintainers") + "\nIt ships 9 plugins.\n"
    hist = walk(v1, v2, v3, v1)
    assert steps(hist, "340 contributors") == [
        ("v1", "340 contributors"), ("v2", "355 contributors"), ("v4", "340 contributors")]
    assert [t.latest.claim.quote for t in hist.timelines if not t.present] == ["9 plugins"]
    blamed = {e.claim.quote: e.version.label for e in blame_of(hist).entries}
    assert blamed == {"12 maintainers": "v1", "340 contributors": "v1"}


def test_cli_history_finds_a_figure_by_its_words_or_line(repo: Path) -> None:
    """`--find "partners contribute"` and `--line 7` pick figures by text and line; none found: exit 2."""
    path = str(repo / "factsheet.txt")
    found = CliRunner().invoke(main, ["history", path, "--find", "partners contribute",
                                      "-f", "json"])
    assert found.exit_code == 0, found.output
    assert [f["id"] for f in json.loads(found.output)["figures"]] == ["partners"]
    by_line = CliRunner().invoke(main, ["history", path, "--line", "7", "-f", "json"])
    assert [f["id"] for f in json.loads(by_line.output)["figures"]] == ["strikes"]
    both = CliRunner().invoke(main, ["history", path, "--find", "partners", "--line", "3",
                                     "-f", "json"])
    assert [f["id"] for f in json.loads(both.output)["figures"]] == ["partners"]
    missing = CliRunner().invoke(main, ["history", path, "--find", "hospitals"])
    assert missing.exit_code == 2
    assert "no figure's words hold 'hospitals'" in missing.output


def test_a_field_restated_as_total_and_parts_continues_its_timeline() -> None:
    """'### Population' with one figure becomes a 'total:' line and its parts: the total
    continues the field's timeline, the parts are new; a label dropped keeps it too."""
    v1 = "## People\n\n### Population\n\n80,854,408 (2015 est.)\n\n### Airports\n\n**total:** 539\n"
    v2 = ("## People\n\n### Population\n\n**total:** 84,119,100\n\n**male:** 41,572,702\n\n"
          "**female:** 42,546,398 (2024 est.)\n\n### Airports\n\n539 (2021)\n")
    hist = walk(v1, v2)
    assert steps(hist, "84,119,100") == [("v1", "80,854,408"), ("v2", "84,119,100")]
    assert steps(hist, "41,572,702") == [("v2", "41,572,702")]
    assert [t.changed for t in hist.timelines if t.latest.claim.quote == "539"] == [False]


def test_a_diff_of_distant_versions_agrees_with_the_timelines() -> None:
    """Lineage: each figure present in the first and the last version is paired by a diff
    of those two versions with the claim its timeline reaches (the chain of consecutive
    pairings and the direct pairing agree), on a history whose figures all move on."""
    from factcheck.differ import match

    texts = [PROFILE.format(pop=f"{99_000_000 + 1000 * k:,}", age=f"{32 + k / 10:.1f}",
                            airports=str(318 + k)) + f"\n## Ports\n\n**total:** {12 + k}\n"
             for k in range(8)]
    hist = walk(*texts)
    first = extract(texts[0], source="page.md")
    last = extract(texts[-1], source="page.md")
    by_chain = {(t.points[0].claim.quote, t.latest.claim.quote) for t in hist.timelines
                if t.present and t.first_seen is hist.versions[0]}
    direct = {(o.quote, n.quote) for o, n in match(first.claims, last.claims, old_text=texts[0],
                                                   new_text=texts[-1]) if o and n}
    assert by_chain == direct
    assert len(by_chain) == 4


def test_a_folder_version_that_repeats_an_earlier_one_is_a_round_trip(tmp_path: Path) -> None:
    """Documents read whole (a folder, snapshots): a version equal to an earlier one returns
    every figure to it, and blame credits the version that first stated each value."""
    v1 = "The project has 12 maintainers and 340 contributors.\n"
    v2 = "The project has 12 maintainers and 355 contributors.\n"
    docs = [extract(t, source=f"{d}.txt") for t, d in ((v1, "2021"), (v2, "2022"), (v1, "2023"))]
    hist = history_of(docs)
    t = hist.timeline("contributors")
    assert t is not None
    assert [(p.version.label, p.claim.quote, p.restores is not None) for p in t.points] == [
        ("2021.txt", "340 contributors", False), ("2022.txt", "355 contributors", False),
        ("2023.txt", "340 contributors", True)]
    assert {e.claim.quote: e.version.label for e in blame_of(hist).entries} == {
        "12 maintainers": "2021.txt", "340 contributors": "2021.txt"}


def test_a_page_that_became_an_error_page_ends_its_figures() -> None:
    """A docs page replaced by a 'Page Not Found' page: its count ends, the 404 is a new
    figure (no heading in common, a generic name), and the page's return continues it."""
    page = "# Docs\n\n## Limits\n\nThe API allows 300 requests per hour.\n"
    gone = "# Page Not Found\n\n## Error\n\n404\n"
    hist = walk(page, gone, page.replace("300", "350"))
    assert steps(hist, "350 requests per hour") == [
        ("v1", "300 requests per hour"), ("v3", "350 requests per hour")]
    assert [t.latest.claim.quote for t in hist.timelines if not t.present] == ["404"]


def test_front_matter_is_no_heading() -> None:
    """A '---' front matter block is metadata: its 'lastmod:' line is no setext heading, and
    the title after it is the page's title, left out of heading paths."""
    from factcheck.identity import Outline

    text = ("---\ntitle: Rate Limits\nlastmod: 2026-08-05\n---\n\n# Rate Limits\n\n"
            "## New Orders\n\nUp to 300 new orders every 3 hours.\n")
    outline = Outline(text)
    assert (outline.title, outline.all_paths()) == ("rate limits", [("new orders",)])
    assert outline.path_at(text.index("300")) == ("new orders",)


def test_a_figure_back_after_a_gap_is_not_joined_to_one_three_times_larger():
    """Across a gap, 'over 7,400 km²' (2017) does not continue as '110,000 km²' (2020): a figure
    more than three times another of its unit is another figure (the threefold rule)."""
    from factcheck.timeline import history

    hist = history(SERIES)
    for t in hist.timelines:
        values = [p.claim.value for p in t.points if p.claim.unit == "km**2"]
        assert not (min(values, default=1) * 3 < max(values, default=1)), t.id
