"""Read-only access to a factsheet's git history, made safe for revision strings from users.

Everything here reads; nothing in a repository is ever written. The rules that keep it so
(GitPython has had option-injection advisories: CVE-2022-24439, CVE-2023-40267 and a series
fixed in 3.1.58, which is the lowest version we accept):

- A revision from a user is checked by :func:`validate_revision` (it may not start with
  ``-``, hold whitespace, control characters or ``:``) and then resolved in Python with
  ``Repo.rev_parse`` to a full commit hash. Only full hashes are ever passed to a git
  command, so no user string is ever read by git as an option.
- Paths come after ``--`` and are repository-relative paths we computed ourselves.
- No command that talks to a remote is run, and ``GIT_NO_LAZY_FETCH`` stops a partial clone
  from fetching missing objects behind our back; ``GIT_TERMINAL_PROMPT=0`` stops any prompt.
- :class:`GitSource` is a context manager that closes the repository, so no ``git cat-file``
  process outlives it.

Speed matters for long histories: one ``git log`` lists every commit that touched a file
(following renames), and :meth:`GitSource.read_blobs` streams all their blobs through one
``git cat-file --batch`` process (~33 us a blob here, against ~270 us reading trees and
blobs through GitPython objects).
"""

from __future__ import annotations

import os
import queue
import re
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import TYPE_CHECKING, Any

import attrs

from factcheck.errors import InputError, RevisionError

if TYPE_CHECKING:  # pragma: no cover
    import git

__all__ = [
    "Change",
    "GitSource",
    "Revision",
    "RevisionRange",
    "parse_rev_path",
    "validate_revision",
    "worktree_path",
]

GIT_ENV = {
    # Never ask for credentials, never fetch missing objects of a partial clone (git 2.44+),
    # never take optional locks (a read must not touch the index).
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_NO_LAZY_FETCH": "1",
    "GIT_OPTIONAL_LOCKS": "0",
    "GIT_PAGER": "cat",
}
"""Environment for every git command run here."""

# Options for the commands we run: a path is a path, never a glob or pathspec magic; no
# signature verification (it would run gpg for every commit); no fsmonitor hook (a command a
# repository's config could name, run when the working tree is compared); no colour; paths
# as raw bytes.
_CONFIG = (
    "--literal-pathspecs",
    "-c", "log.showSignature=false",
    "-c", "core.fsmonitor=false",
    "-c", "color.ui=false",
    "-c", "core.quotePath=false",
    "-c", "log.follow=false",
)

_BAD_REVISION = re.compile(r"[\x00-\x20\x7f:\\]")
MAX_REVISION_CHARS = 256
_NULL_OID = "0" * 40
_RECORD = "\x01"


def validate_revision(rev: str) -> str:
    """Return *rev* when it is safe to resolve, else raise :class:`RevisionError`.

    A revision may not be empty, start with ``-`` (git would read it as an option), or hold
    whitespace, control characters, backslashes or ``:`` (``REV:PATH`` is split before a
    revision gets here).
    """
    if not isinstance(rev, str) or not rev:
        raise RevisionError("a revision may not be empty")
    if rev.startswith("-"):
        raise RevisionError(f"refusing revision {rev!r}: a revision may not start with '-'")
    if len(rev) > MAX_REVISION_CHARS:
        raise RevisionError(f"revision is longer than {MAX_REVISION_CHARS} characters")
    bad = _BAD_REVISION.search(rev)
    if bad:
        raise RevisionError(
            f"refusing revision {rev!r}: it holds {bad.group()!r}, which no revision name has"
        )
    return rev


@attrs.frozen
class RevisionRange:
    """A range of commits as full hashes: those reachable from *tip* but not from *base*."""

    tip: str
    base: str | None = None
    spec: str = ""
    """The range as the user wrote it (for messages)."""

    def args(self) -> list[str]:
        """The range as git arguments (full hashes only)."""
        return [f"{self.base}..{self.tip}"] if self.base else [self.tip]


@attrs.frozen
class Revision:
    """One commit that changed a file, with the file's path and blob at that commit."""

    commit: str
    """The full commit hash."""
    author: str
    email: str
    date: str
    """The author date, ISO 8601 with offset."""
    subject: str
    path: str
    """The file's repository-relative path in this commit (it changes with renames)."""
    blob: str | None
    """The file's blob hash, or ``None`` when this commit deleted it."""
    status: str
    """git's status letter for the file in this commit: A, M, R, C, T or D."""
    old_path: str | None = None
    """The path before a rename or copy."""
    parents: tuple[str, ...] = ()


@attrs.frozen
class Change:
    """A file changed between two commits (``git diff --name-status`` with renames)."""

    status: str
    """A (added), M (modified), D (deleted), R (renamed), C (copied), T (type changed)."""
    old_path: str | None
    new_path: str | None
    old_blob: str | None
    new_blob: str | None


def _import_git() -> Any:
    try:
        import git  # noqa: PLC0415
    except ImportError as exc:  # pragma: no cover - depends on the machine
        raise RevisionError(
            f"reading git history needs GitPython and the git command ({exc}); "
            "install git and run: pip install 'GitPython>=3.1.58'"
        ) from None
    return git


class GitSource:
    """An open, read-only repository. Use it as a context manager so it is closed.

    *path* is any file or folder inside the repository's working tree (the file need not
    exist now: its history may still be asked for).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        gitmod = _import_git()
        p = Path(path).absolute()
        start = p
        while not start.exists() and start != start.parent:
            start = start.parent
        if start.is_file():
            start = start.parent
        try:
            self.repo: git.Repo = gitmod.Repo(start, search_parent_directories=True)
        except (gitmod.InvalidGitRepositoryError, gitmod.NoSuchPathError):
            if not p.exists():  # a typo, most likely: say so, not "not in git"
                raise InputError("no such file or folder", str(path)) from None
            raise RevisionError("is not inside a git repository", str(path)) from None
        except gitmod.GitError as exc:  # pragma: no cover - unusual repository states
            raise RevisionError(f"cannot open the git repository: {exc}", str(path)) from None
        self.repo.git.update_environment(**GIT_ENV)
        wt = self.repo.working_tree_dir
        if wt is None:
            self.close()
            raise RevisionError("is in a bare repository (no working tree)", str(path))
        self.root = Path(wt).resolve()
        self._shallow: frozenset[str] | None = None

    # -- life cycle

    def __enter__(self) -> GitSource:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the repository and end any git process it holds."""
        self.repo.close()

    # -- paths and revisions

    def relpath(self, path: str | os.PathLike[str]) -> str:
        """*path* (absolute or relative to the current folder) relative to the repository."""
        p = Path(path).absolute()
        # Resolve the folder, not the file: a symlinked file is tracked under its own name.
        parent = p.parent.resolve()
        try:
            rel = (parent / p.name).relative_to(self.root)
        except ValueError:
            raise RevisionError(
                f"is outside the git repository at {self.root}", str(path)
            ) from None
        text = rel.as_posix()
        if text in ("", "."):
            raise RevisionError("is the repository folder, not a file in it", str(path))
        if "\n" in text or "\x00" in text:
            raise RevisionError("a path with a line break cannot be followed in git", str(path))
        return text

    def resolve(self, rev: str) -> str:
        """The full hash of the commit *rev* names, or :class:`RevisionError`.

        In a shallow clone, a revision beyond the clone's history (unknown, or a parent the
        clone does not hold) is an error that says so and how to fetch the history.
        """
        validate_revision(rev)
        try:
            obj = self.repo.rev_parse(rev)
            while obj.type == "tag":
                obj = obj.object
        except Exception:  # gitdb's BadName/BadObject, ValueError, IndexError: all "unknown"
            raise RevisionError(f"unknown revision {rev!r}{self._shallow_hint()}",
                                str(self.root)) from None
        if obj.type != "commit":
            raise RevisionError(f"revision {rev!r} names a {obj.type}, not a commit",
                                str(self.root))
        if self.shallow_commits():
            # A parent of the clone's first commit is named but not held: git would fail
            # later with "bad object".
            try:
                self.repo.odb.info(obj.binsha)
            except Exception:
                raise RevisionError(
                    f"revision {rev!r} ({str(obj.hexsha)[:12]}) is not in this clone"
                    f"{self._shallow_hint()}", str(self.root)) from None
        return str(obj.hexsha)

    def _shallow_hint(self) -> str:
        """What to do when a revision is missing from a shallow clone ('' for a full one)."""
        if not self.shallow_commits():
            return ""
        return ("; this is a shallow clone, which holds only part of the history: fetch "
                "all of it (actions/checkout: 'fetch-depth: 0'; or git fetch --unshallow)")

    def resolve_range(self, spec: str | None) -> RevisionRange:
        """``A..B``, ``A..`` (to HEAD), ``..B`` (from HEAD) or ``A`` (everything up to A).

        ``None`` means HEAD. Symmetric ranges (``A...B``) are refused: a history is a line.
        """
        if spec is None or spec == "":
            return RevisionRange(tip=self.resolve("HEAD"), spec="HEAD")
        if "..." in spec:
            raise RevisionError(
                f"symmetric range {spec!r} is not supported; use A..B", str(self.root)
            )
        if ".." in spec:
            a, _, b = spec.partition("..")
            base = self.resolve(a or "HEAD")
            tip = self.resolve(b or "HEAD")
            return RevisionRange(tip=tip, base=base, spec=spec)
        return RevisionRange(tip=self.resolve(spec), spec=spec)

    def shallow_commits(self) -> frozenset[str]:
        """The commits whose parents were cut by a shallow clone (empty for a full clone)."""
        if self._shallow is None:
            common = Path(getattr(self.repo, "common_dir", self.repo.git_dir))
            f = common / "shallow"
            try:
                self._shallow = frozenset(f.read_text(encoding="ascii").split())
            except OSError:
                self._shallow = frozenset()
        return self._shallow

    def short(self, commit: str) -> str:
        """A commit's abbreviation as factcheck prints it (12 hex digits)."""
        return commit[:12]

    # -- running git

    def _git(self, *args: str) -> bytes:
        git = _import_git()
        try:
            out = self.repo.git.execute(
                [self.repo.git.GIT_PYTHON_GIT_EXECUTABLE, *_CONFIG, *args],
                stdout_as_string=False,
                strip_newline_in_stdout=False,
            )
        except git.GitCommandError as exc:
            err = exc.stderr if isinstance(exc.stderr, str) else str(exc.stderr)
            first = next((ln.strip() for ln in err.strip(" '\n").splitlines() if ln.strip()), "")
            first = first.removeprefix("stderr: ").strip("'")
            hint = self._shallow_hint() if "bad object" in first or "bad revision" in first \
                else ""
            raise RevisionError(f"git failed: {first or exc}{hint}", str(self.root)) from None
        except git.GitCommandNotFound:  # pragma: no cover - depends on the machine
            raise RevisionError("the git command is not installed", str(self.root)) from None
        assert isinstance(out, bytes)
        return out

    def file_revisions(
        self, relpath: str, rng: RevisionRange, *, follow: bool = True
    ) -> list[Revision]:
        """Every commit in *rng* that changed *relpath*, oldest first, following renames.

        One ``git log`` call, walking first parents: the states the branch went through, so
        a change merged from a side branch is dated and attributed by its merge commit (as
        ``git log --first-parent`` shows it).
        """
        args = [
            "log", "--no-color", "--no-ext-diff", "--no-textconv", "--no-show-signature",
            "--first-parent", "--raw", "-z", "--no-abbrev", "-M",
            f"--format={_RECORD}%H%x00%P%x00%an%x00%ae%x00%aI%x00%s",
        ]
        if follow:
            args.append("--follow")
        args += [*rng.args(), "--", relpath]
        out = self._git(*args).decode("utf-8", errors="replace")
        revs = _parse_log(out)
        revs.reverse()
        return revs

    def changed_files(
        self, base: str | None, tip: str | None, paths: Sequence[str] = ()
    ) -> list[Change]:
        """Files that differ between commits *base* and *tip* (``None``: the working tree).

        *paths* (repository-relative) limit the comparison. Renames are detected.
        """
        args = ["diff", "--no-color", "--no-ext-diff", "--no-textconv", "--raw", "-z",
                "--no-abbrev", "-M"]
        if base is None:
            raise RevisionError("a comparison needs a base commit", str(self.root))
        args.append(base)
        if tip is not None:
            args.append(tip)
        args += ["--", *paths]
        out = self._git(*args).decode("utf-8", errors="replace")
        changes: list[Change] = []
        for raw in _parse_raw_entries(out.split("\x00")):
            old_oid = None if raw.old_oid == _NULL_OID else raw.old_oid
            new_oid = None if raw.new_oid == _NULL_OID else raw.new_oid
            changes.append(Change(raw.status, raw.old_path, raw.new_path, old_oid, new_oid))
        touched = [p for c in changes for p in (c.old_path, c.new_path) if p]
        for path in paths:
            # A path that limits nothing because it names nothing (a typo, a glob the shell
            # left as it was) would pass silently: it is an error.
            if any(t == path or t.startswith(path.rstrip("/") + "/") for t in touched):
                continue
            if not self._names_something(path, base, tip):
                ends = f"{base[:12]} or {tip[:12]}" if tip else f"{base[:12]}"
                raise RevisionError(
                    f"matches no file: not in the working tree, nor at {ends}", path)
        return changes

    def _names_something(self, relpath: str, *commits: str | None) -> bool:
        """Whether *relpath* is a file or folder in the working tree or in one of *commits*."""
        if (self.root / PurePosixPath(relpath)).exists():
            return True
        for commit in commits:
            if commit is None:
                continue
            try:
                self.repo.commit(commit).tree / relpath.rstrip("/")
            except KeyError:
                continue
            except Exception:  # pragma: no cover - a corrupt object: let git say so later
                return True
            return True
        return False

    def blob_id(self, commit: str, relpath: str) -> str | None:
        """The blob hash of *relpath* at *commit* (a full hash), or ``None`` if not there."""
        try:
            tree = self.repo.commit(commit).tree
            obj = tree / relpath
        except KeyError:
            return None
        except Exception:  # pragma: no cover - a corrupt object
            return None
        if obj.type != "blob":
            return None
        return str(obj.hexsha)

    def read_blob(self, oid: str) -> bytes:
        """One blob's bytes."""
        return next(iter(self.read_blobs([oid])))

    def read_blobs(self, oids: Sequence[str]) -> Iterator[bytes]:
        """The blobs' bytes, in order, streamed through one ``git cat-file --batch``.

        The requests go to git's standard input from a temporary file, so git never waits
        on us to write while we wait on it to read. A reader thread keeps up to
        :data:`READ_AHEAD` blobs ready, so git is not left waiting for the CPU while we work
        on a blob; memory stays bounded whatever the number of blobs. Closing the iterator
        (or leaving the ``with`` block) ends the git process.
        """
        for oid in oids:
            if not _OID.fullmatch(oid):
                raise RevisionError(f"not an object id: {oid!r}", str(self.root))
        if not oids:
            return
        with tempfile.TemporaryFile() as requests:
            requests.write("".join(f"{o}\n" for o in oids).encode("ascii"))
            requests.seek(0)
            # Keep GitPython's wrapper alive: when it is collected it ends the process.
            handle = self.repo.git.execute(
                [self.repo.git.GIT_PYTHON_GIT_EXECUTABLE, "cat-file", "--batch", "--buffer"],
                istream=requests,
                as_process=True,
            )
            proc = handle.proc
            assert proc is not None  # as_process always starts one
            box: queue.Queue[bytes | BaseException | None] = queue.Queue(READ_AHEAD)
            stop = threading.Event()
            reader = threading.Thread(
                target=_pump, args=(proc, list(oids), box, stop, str(self.root)), daemon=True
            )
            reader.start()
            try:
                for _ in oids:
                    item = box.get()
                    if isinstance(item, BaseException):
                        raise item
                    if item is None:  # pragma: no cover - the pump always reports why
                        break
                    yield item
            finally:
                stop.set()
                proc.kill()
                while reader.is_alive():
                    try:  # unblock a pump waiting for room in the queue
                        box.get_nowait()
                    except queue.Empty:
                        reader.join(0.01)
                proc.wait()
                for stream in (proc.stdout, proc.stderr):
                    if stream is not None:
                        stream.close()
                del handle

    def worktree_bytes(self, relpath: str) -> bytes | None:
        """The file's bytes in the working tree now, or ``None`` when it is not there."""
        p = self.root / PurePosixPath(relpath)
        try:
            return p.read_bytes() if p.is_file() else None
        except OSError:
            return None


READ_AHEAD = 256
"""How many blobs :meth:`GitSource.read_blobs` reads ahead of its caller."""

_OID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


def _pump(proc: Any, oids: list[str], box: queue.Queue[bytes | BaseException | None],
          stop: threading.Event, root: str) -> None:
    """Read ``cat-file --batch`` answers into *box* until done or told to stop."""
    stdout = proc.stdout
    try:
        for oid in oids:
            if stop.is_set():
                return
            header = stdout.readline()
            if not header:
                err = proc.stderr.read().decode("utf-8", "replace").strip() if not stop.is_set(
                ) else ""
                box.put(RevisionError(
                    f"git cat-file stopped early{': ' + err if err else ''}", root))
                return
            parts = header.split()
            if len(parts) != 3:
                box.put(RevisionError(
                    f"object {oid} is missing from the repository (a partial or shallow clone?)",
                    root))
                return
            size = int(parts[2])
            data = stdout.read(size + 1)
            box.put(data[:size])
    except (OSError, ValueError) as exc:  # the process was ended under us
        if not stop.is_set():
            box.put(RevisionError(f"reading from git failed: {exc}", root))


@attrs.frozen
class _RawEntry:
    status: str
    old_oid: str
    new_oid: str
    old_path: str | None
    new_path: str | None


def _parse_raw_entries(tokens: list[str]) -> Iterator[_RawEntry]:
    """``--raw -z`` entries: ``:mode mode old new STATUS`` then one path (two for R and C)."""
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i].lstrip("\n")
        i += 1
        if not tok.startswith(":"):
            continue
        fields = tok[1:].split()
        if len(fields) < 5:
            continue
        _, _, old_oid, new_oid, status = fields[:5]
        letter = status[:1]
        old_path: str | None
        new_path: str | None
        if letter in ("R", "C"):
            old_path, new_path = tokens[i], tokens[i + 1]
            i += 2
        else:
            path = tokens[i]
            i += 1
            old_path = None if letter == "A" else path
            new_path = None if letter == "D" else path
        yield _RawEntry(letter, old_oid, new_oid, old_path, new_path)


def _parse_log(out: str) -> list[Revision]:
    """Parse our ``git log --raw -z`` output (newest first, as git prints it)."""
    revs: list[Revision] = []
    for record in out.split(_RECORD):
        if not record.strip("\x00\n"):
            continue
        tokens = record.split("\x00")
        if len(tokens) < 6:
            continue
        commit, parents, author, email, date, subject = tokens[:6]
        entries = list(_parse_raw_entries(tokens[6:]))
        if not entries:
            continue  # a commit git lists without a change to the file (cannot happen with -M)
        e = entries[-1]
        if e.status == "D":
            path, blob = e.old_path or "", None
        else:
            path = e.new_path or ""
            blob = e.new_oid
        revs.append(
            Revision(
                commit=commit,
                author=author,
                email=email,
                date=date,
                subject=subject,
                path=path,
                blob=blob,
                status=e.status,
                old_path=e.old_path if e.status in ("R", "C") else None,
                parents=tuple(parents.split()),
            )
        )
    return revs


_REV_LABEL = re.compile(r"[0-9a-f]{7,64}:(?=[^/\\])")


def worktree_path(source: str) -> str:
    """The working-tree path of a file read from git and named ``REV:PATH``, else *source*.

    ``check --rev`` names each file it read from git as ``abbreviated-commit:path`` (path
    from the top of the repository); annotations for CI (GitHub, SARIF, JUnit) must name the
    file as it is in the working tree, which is that path.
    """
    m = _REV_LABEL.match(source)
    if m is None or os.path.exists(source):
        return source
    return source[m.end():]


def parse_rev_path(arg: str) -> tuple[str, str] | None:
    """Split ``REV:PATH`` (as ``git show`` spells it) into revision and path, else ``None``.

    An argument that names an existing file is a file, never a revision; so is one whose part
    before the colon could not be a revision (a Windows drive letter, an empty part).
    """
    if os.path.exists(arg) or ":" not in arg:
        return None
    rev, _, path = arg.partition(":")
    if not rev or not path or (len(rev) == 1 and rev.isalpha() and path[:1] in "\\/"):
        return None
    return rev, path
