"""Tests for factcheck.gitsource: safe, read-only access to a file's git history."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from factcheck.errors import RevisionError
from factcheck.gitsource import GitSource, parse_rev_path, validate_revision
from gitrepo import git


def commit(repo: Path, files: dict[str, str], message: str, day: int) -> None:
    """Write *files* (path -> text) and commit them all."""
    for name, text in files.items():
        p = repo / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        git(repo, "add", name)
    git(repo, "commit", "-q", "-m", message, date=f"2021-01-{day:02d}T12:00:00+00:00")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository where facts.txt is edited, renamed to docs/facts.txt, edited again."""
    r = tmp_path / "repo"
    r.mkdir()
    git(r, "init", "-q", "-b", "main")
    commit(r, {"facts.txt": "The Coalition has 68 members.\n"}, "first", 1)
    commit(r, {"facts.txt": "The Coalition has 73 members.\n"}, "second", 2)
    (r / "docs").mkdir()
    git(r, "mv", "facts.txt", "docs/facts.txt")
    git(r, "commit", "-q", "-m", "move", date="2021-01-03T12:00:00+00:00")
    commit(r, {"docs/facts.txt": "The Coalition has 79 members.\n"}, "third", 4)
    commit(r, {"other.txt": "Nothing to see.\n"}, "unrelated", 5)
    return r


def cat_file_children() -> list[int]:
    """Process ids of our child ``git cat-file`` processes still running."""
    out = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == os.getpid() and b"cat-file" in cmd and " Z " not in stat:
            out.append(int(pid))
    return out


def tree_state(repo: Path) -> dict[str, tuple[int, int]]:
    """Every file under .git with its size and modification time."""
    out = {}
    for p in (repo / ".git").rglob("*"):
        if p.is_file():
            st = p.stat()
            out[str(p.relative_to(repo))] = (st.st_size, st.st_mtime_ns)
    return out


@pytest.mark.parametrize(
    "rev", ["-x", "--output=/tmp/owned", "", "a b", "HEAD:facts.txt", "HEAD\n", "a\x00b",
            "x" * 300, "HEAD\\1"],
)
def test_unsafe_revisions_are_refused(rev: str) -> None:
    """A revision that git could read as an option, or that holds odd characters, is refused."""
    with pytest.raises(RevisionError):
        validate_revision(rev)


def test_safe_revisions_pass() -> None:
    """Ordinary revision names pass validation unchanged."""
    for rev in ("HEAD", "HEAD~2", "main", "v1.0", "HEAD@{1}", "abc123", "feature/x"):
        assert validate_revision(rev) == rev


def test_option_injection_writes_nothing(repo: Path, tmp_path: Path) -> None:
    """A revision like --output=FILE is refused before git sees it: no file is written."""
    target = tmp_path / "owned.txt"
    with GitSource(repo) as g:
        with pytest.raises(RevisionError, match="may not start with '-'"):
            g.resolve_range(f"--output={target}")
        with pytest.raises(RevisionError):
            g.resolve_range(f"HEAD..--output={target}")
    assert not target.exists()


def test_resolve_gives_full_hashes(repo: Path) -> None:
    """Revisions resolve to full commit hashes; annotated tags are peeled to their commit."""
    head = git(repo, "rev-parse", "HEAD").strip()
    first = git(repo, "rev-parse", "HEAD~4").strip()
    git(repo, "tag", "-a", "v1", "-m", "release", "HEAD~4")
    with GitSource(repo) as g:
        assert g.resolve("HEAD") == head
        assert g.resolve("HEAD~4") == first
        assert g.resolve("v1") == first
        assert g.resolve(head[:10]) == head


def test_unknown_and_non_commit_revisions(repo: Path) -> None:
    """An unknown revision, or one naming a tree, is one clear RevisionError."""
    with GitSource(repo) as g:
        with pytest.raises(RevisionError, match="unknown revision 'nope'"):
            g.resolve("nope")
        with pytest.raises(RevisionError, match="names a tree, not a commit"):
            g.resolve("HEAD^{tree}")
        with pytest.raises(RevisionError, match="symmetric range"):
            g.resolve_range("HEAD~2...HEAD")


def test_ranges(repo: Path) -> None:
    """A..B, A.. and ..B resolve both ends; A alone is everything up to A."""
    head = git(repo, "rev-parse", "HEAD").strip()
    two = git(repo, "rev-parse", "HEAD~2").strip()
    with GitSource(repo) as g:
        assert (g.resolve_range("HEAD~2..").base, g.resolve_range("HEAD~2..").tip) == (two, head)
        assert (g.resolve_range("..HEAD~2").base, g.resolve_range("..HEAD~2").tip) == (head, two)
        assert (g.resolve_range("HEAD~2").base, g.resolve_range("HEAD~2").tip) == (None, two)
        assert g.resolve_range(None).tip == head


def test_file_revisions_follow_renames(repo: Path) -> None:
    """One git log lists every commit that changed the file, oldest first, across a rename."""
    with GitSource(repo) as g:
        revs = g.file_revisions("docs/facts.txt", g.resolve_range(None))
    assert [(r.subject, r.path, r.status, r.old_path) for r in revs] == [
        ("first", "facts.txt", "A", None),
        ("second", "facts.txt", "M", None),
        ("move", "docs/facts.txt", "R", "facts.txt"),
        ("third", "docs/facts.txt", "M", None),
    ]
    assert [(r.author, r.email, r.date) for r in revs[:1]] == [
        ("Ann Author", "ann@example.org", "2021-01-01T12:00:00+00:00")
    ]


def test_read_blobs_streams_in_order_and_leaves_no_process(repo: Path) -> None:
    """Blobs come back in the order asked, through one cat-file process that is then ended."""
    with GitSource(repo) as g:
        revs = g.file_revisions("docs/facts.txt", g.resolve_range(None))
        texts = [b.decode() for b in g.read_blobs([r.blob for r in revs if r.blob])]
        stream = g.read_blobs([r.blob for r in revs if r.blob])
        next(stream)
        stream.close()  # stopped early: the process must still end
    assert texts == [
        "The Coalition has 68 members.\n",
        "The Coalition has 73 members.\n",
        "The Coalition has 73 members.\n",
        "The Coalition has 79 members.\n",
    ]
    assert cat_file_children() == []


def test_not_a_repository(tmp_path: Path) -> None:
    """A path outside any repository is one clear error naming it."""
    f = tmp_path / "loose.txt"
    f.write_text("83 members\n")
    with pytest.raises(RevisionError, match="is not inside a git repository") as info:
        GitSource(f)
    assert str(f) in str(info.value)


def test_path_outside_the_repository(repo: Path, tmp_path: Path) -> None:
    """A file outside the repository's working tree is refused with its name."""
    with GitSource(repo) as g:
        with pytest.raises(RevisionError, match="outside the git repository"):
            g.relpath(tmp_path / "elsewhere.txt")
        assert g.relpath(repo / "docs" / "facts.txt") == "docs/facts.txt"


def test_changed_files(repo: Path) -> None:
    """The files that differ between two commits, renames found; None is the working tree."""
    with GitSource(repo) as g:
        moved = g.changed_files(g.resolve("HEAD~3"), g.resolve("HEAD~2"))
        later = g.changed_files(g.resolve("HEAD~3"), g.resolve("HEAD"))
        (repo / "other.txt").write_text("Now 5 things.\n")
        worktree = g.changed_files(g.resolve("HEAD"), None)
    assert [(c.status, c.old_path, c.new_path) for c in moved] == [
        ("R", "facts.txt", "docs/facts.txt")
    ]
    # Too small a file to be seen as renamed once its text changed too.
    assert [(c.status, c.old_path, c.new_path) for c in later] == [
        ("A", None, "docs/facts.txt"), ("D", "facts.txt", None), ("A", None, "other.txt"),
    ]
    assert [(c.status, c.old_path, c.new_path, c.new_blob) for c in worktree] == [
        ("M", "other.txt", "other.txt", None)
    ]


def test_nothing_in_the_repository_is_written(repo: Path) -> None:
    """Reading the history and blobs leaves every file under .git as it was."""
    before = tree_state(repo)
    with GitSource(repo) as g:
        revs = g.file_revisions("docs/facts.txt", g.resolve_range("HEAD~3..HEAD"))
        list(g.read_blobs([r.blob for r in revs if r.blob]))
        g.changed_files(g.resolve("HEAD~3"), None)
    assert tree_state(repo) == before


def test_shallow_clone_is_detected(repo: Path, tmp_path: Path) -> None:
    """A shallow clone lists the commits its history was cut at."""
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo}", str(clone)],
                   check=True, capture_output=True)
    with GitSource(clone) as g:
        assert g.shallow_commits() == {git(clone, "rev-parse", "HEAD~1").strip()}
    with GitSource(repo) as g:
        assert g.shallow_commits() == frozenset()


def test_parse_rev_path(tmp_path: Path) -> None:
    """REV:PATH is split at the first colon; an existing file or a drive letter is a path."""
    assert parse_rev_path("HEAD~1:docs/facts.txt") == ("HEAD~1", "docs/facts.txt")
    assert parse_rev_path("main:./facts.txt") == ("main", "./facts.txt")
    assert parse_rev_path("facts.txt") is None
    assert parse_rev_path(r"C:\facts.txt") is None
    odd = tmp_path / "a:b.txt"
    odd.write_text("1 member\n")
    assert parse_rev_path(str(odd)) is None


def test_paths_are_literal(repo: Path) -> None:
    """A file name is never read as a glob: '*.txt' is not every text file."""
    with GitSource(repo) as g:
        assert g.file_revisions("*.txt", g.resolve_range(None)) == []
        # Not a glob, so it names no file: an error rather than a filter that lets nothing by.
        with pytest.raises(RevisionError, match=r"^\*\.txt: matches no file: not in the work"):
            g.changed_files(g.resolve("HEAD~4"), g.resolve("HEAD"), ["*.txt"])
