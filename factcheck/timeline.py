"""Follow a factsheet through time: every figure's timeline, blame, and the main report.

A factsheet's versions are either a folder of dated files (see
:func:`factcheck.sources.series_versions`) or the revisions of one file in git (see
:mod:`factcheck.gitsource`). Consecutive versions are paired claim by claim with
:func:`factcheck.differ.match`; a chain of pairs is one figure's **timeline**. A timeline
records a **point** where the figure first appears and wherever its value, qualifier, stated
precision or unit changes, so a long history costs memory in proportion to what changed.

This module holds the records and the verbs (:func:`history`, :func:`blame`,
:func:`report`, the revision diffs and the cross-version rule); :mod:`factcheck.tracking`
holds the machinery that builds timelines, and reads a long git history incrementally (a
version costs work in proportion to what changed in it, not to its size). The latest version
is always read whole, so the claims reported for it are exactly those of
``factcheck extract``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from factcheck import lexicon
from factcheck.claim import Claim, Document
from factcheck.errors import FactcheckError, InputError, RevisionError

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.checking import CheckReport, Finding
    from factcheck.differ import DiffReport
    from factcheck.gitsource import GitSource, Revision
    from factcheck.readers import Reader

__all__ = [
    "Blame",
    "BlameEntry",
    "FileDiff",
    "History",
    "Point",
    "RangeDiff",
    "Progress",
    "Report",
    "Step",
    "Timeline",
    "Version",
    "VersionChanges",
    "blame",
    "blame_of",
    "changelog",
    "check_revisions",
    "cross_version_findings",
    "diff_revisions",
    "history",
    "history_of",
    "load_at",
    "report",
    "series_name",
]

Progress = Callable[[int, int], None]
"""A progress callback: ``progress(done, total)``, called as versions are read."""

WORKTREE = "working tree"
"""The label of the uncommitted copy of a file, when blame includes it."""


# --------------------------------------------------------------------------- records


@attrs.frozen
class Version:
    """One version of a factsheet: a file in a folder, or a commit that changed the file."""

    label: str
    """The file name (folders) or the abbreviated commit (git)."""
    date: str | None
    """The version's date: from ``versions.toml`` or the file name, or the author date."""
    path: str
    """The file: its path in the folder, or its repository path at this commit."""
    commit: str | None = None
    """The full commit hash (``None`` for a folder version and the working tree)."""
    author: str | None = None
    email: str | None = None
    subject: str | None = None
    """The commit message's first line."""
    title: str | None = None
    """The factsheet's title, when the folder's metadata gives one."""


@attrs.frozen
class Point:
    """A figure as stated in one version, where it first appeared or changed."""

    version: Version
    claim: Claim
    """The claim as read in that version (its line, quote and revision are that version's)."""
    reappeared: bool = False
    """True when the figure was absent from the version before this one."""
    restores: Point | None = attrs.field(default=None, eq=False, repr=False)
    """When this version's text is an earlier version's again (a revert, a redeploy): the
    point that stated the figure so in that earlier version. Blame follows it back."""

    @property
    def origin(self) -> Point:
        """The point that first stated the figure so: round trips (reverts) skipped."""
        p = self
        while p.restores is not None:
            p = p.restores
        return p

    @property
    def value(self) -> Fraction:
        """The figure's value (in ``claim.unit``)."""
        return self.claim.value


@attrs.frozen
class Timeline:
    """One figure through time.

    ``points`` are in time order: where the figure first appeared, then each version that
    changed its value, qualifier, stated precision or unit. ``id``, ``counted`` and ``unit``
    are those of the last version it appears in.
    """

    id: str
    counted: str
    unit: str
    kind: str
    points: tuple[Point, ...]
    first_seen: Version
    last_seen: Version
    present: bool
    """True when the figure is in the latest version."""
    warnings: tuple[str, ...] = ()
    """Changes that deserve a second look: a running total that fell, a unit that changed."""

    @property
    def changed(self) -> bool:
        """True when the figure changed at least once."""
        return len(self.points) > 1

    @property
    def latest(self) -> Point:
        """The last point: the figure as most recently stated."""
        return self.points[-1]


@attrs.frozen
class History:
    """The timelines of every figure of a factsheet over its versions (oldest first)."""

    source: str
    """The folder, or the file, whose history this is."""
    kind: str
    """``"folder"`` or ``"git"``."""
    versions: tuple[Version, ...]
    timelines: tuple[Timeline, ...]
    notes: tuple[str, ...] = ()
    """Things the reader should know: a shallow clone cut the history, uncommitted changes."""
    latest: Document | None = attrs.field(default=None, eq=False, repr=False)
    """The latest version, extracted whole."""
    previous: Document | None = attrs.field(default=None, eq=False, repr=False)
    """The version before the latest, extracted whole (``None`` with a single version)."""

    def timeline(self, id: str) -> Timeline | None:  # noqa: A002 - the claim's field name
        """The timeline with this id, if any."""
        for t in self.timelines:
            if t.id == id:
                return t
        return None

    @property
    def changed(self) -> tuple[Timeline, ...]:
        """The timelines of figures that changed at least once."""
        return tuple(t for t in self.timelines if t.changed)

    def find(self, text: str) -> tuple[Timeline, ...]:
        """The figures whose words hold *text* (case and spaces folded) in any version: its
        sentence, quote, counted noun or heading ("rate limit", "Certificates per")."""
        want = " ".join(text.casefold().split())
        out = []
        for t in self.timelines:
            for p in t.points:
                pv = p.claim.provenance
                hay = " ".join(f"{pv.sentence} {pv.quote} {p.claim.counted} "
                               f"{pv.section or ''} {p.claim.id}".casefold().split())
                if want in hay:
                    out.append(t)
                    break
        return tuple(out)

    def at_line(self, line: int) -> tuple[Timeline, ...]:
        """The figures stated on *line* of the latest version (for a figure no longer
        there, on that line of the last version it was in)."""
        out = []
        for t in self.timelines:
            claim = t.latest.claim
            if self.latest is not None and t.present:
                claim = next((c for c in self.latest.claims if c.id == t.id), claim)
            if claim.line == line:
                out.append(t)
        return tuple(out)

    def only(self, ids: Sequence[str] = (), changed: bool = False, *,
             find: str | None = None, line: int | None = None) -> History:
        """This history with only the figures of *ids* (all when empty), those whose words
        hold *find* (:meth:`find`) and those on *line* (:meth:`at_line`), and with *changed*
        only those that changed. An unknown id, or a text or line that names no figure,
        raises :class:`~factcheck.errors.InputError`."""
        timelines = self.timelines
        if find is not None:
            timelines = self.find(find)
            if not timelines:
                raise InputError(f"no figure's words hold {find!r} in its history",
                                 self.source)
        if line is not None:
            by_line = set(map(id, self.at_line(line)))
            timelines = tuple(t for t in timelines if id(t) in by_line)
            if not timelines:
                raise InputError(f"no figure on line {line} of its latest version"
                                 + (f" whose words hold {find!r}" if find else ""),
                                 self.source)
        if ids:
            known = {t.id: t for t in timelines}
            missing = [i for i in ids if i not in known]
            if missing:
                raise InputError(
                    f"no figure with id {missing[0]!r} in its history (ids: "
                    + ", ".join(sorted(known)[:12]) + (", ..." if len(known) > 12 else "") + ")",
                    self.source,
                )
            timelines = tuple(known[i] for i in dict.fromkeys(ids)
                              if find is None and line is None or known[i] in timelines)
        if changed:
            timelines = tuple(t for t in timelines if t.changed)
        return attrs.evolve(self, timelines=timelines)


@attrs.frozen
class Step:
    """One figure's change in one version: what a changelog line says."""

    kind: str
    """``changed``, ``added`` (first seen), ``back`` (came back after a gap), ``restored``
    (a revert brought an earlier value back) or ``ended`` (absent from this version on)."""
    timeline: Timeline = attrs.field(eq=False, repr=False)
    before: Point | None
    """The figure as stated before this version (``None`` when added)."""
    after: Point | None
    """The figure as this version states it (``None`` when ended)."""

    @property
    def claim(self) -> Claim:
        """The claim to show: the new one, or the last one when the figure ended."""
        p = self.after or self.before
        assert p is not None
        return p.claim


@attrs.frozen
class VersionChanges:
    """What changed in one version ("what this commit did"), figure by figure."""

    version: Version
    steps: tuple[Step, ...]


def changelog(hist: History) -> tuple[VersionChanges, ...]:
    """Each version that changed a figure, newest first, with its changes in document order.

    Built from the timelines (a chain of consecutive pairings), so a version's changes are
    exactly the steps of the figures' timelines at that version.
    """
    index = {id(v): i for i, v in enumerate(hist.versions)}
    by_version: dict[int, list[tuple[int, int, Step]]] = {}
    for order, t in enumerate(hist.timelines):
        for k, p in enumerate(t.points):
            if k == 0 and index.get(id(p.version)) == 0:
                continue  # the first version states every figure: not a change
            prev = t.points[k - 1] if k else None
            kind = ("added" if prev is None else "restored" if p.restores is not None
                    else "back" if p.reappeared else "changed")
            by_version.setdefault(index[id(p.version)], []).append(
                (p.claim.line, order, Step(kind, t, prev, p)))
        if not t.present:
            at = index[id(t.last_seen)] + 1
            if at < len(hist.versions):
                by_version.setdefault(at, []).append(
                    (t.latest.claim.line, order, Step("ended", t, t.latest, None)))
    out = []
    for i in sorted(by_version, reverse=True):
        steps = tuple(s for _, _, s in sorted(by_version[i], key=lambda e: (e[0], e[1])))
        out.append(VersionChanges(hist.versions[i], steps))
    return tuple(out)


def series_name(hist: History) -> str:
    """What a report calls a history: the factsheet's title (from ``versions.toml`` or its
    latest version), else its path."""
    for v in reversed(hist.versions):
        if v.title:
            return v.title
    import re  # noqa: PLC0415

    title = hist.latest.title if hist.latest is not None else None
    text = hist.latest.text if hist.latest is not None else None
    front = re.match(r"(?:---|\+\+\+)[ \t]*\n(.*?)\n(?:---|\+\+\+)[ \t]*(?:\n|\Z)", text or "",
                     re.S)
    if front:
        m = re.search(r"^title\s*[:=]\s*[\"']?(.+?)[\"']?\s*$", front.group(1), re.M)
        if m:
            return m.group(1)  # the page's front matter names it
    if text and text.lstrip().startswith("# "):
        title = text.lstrip()[2:].split("\n", 1)[0].strip(" #") or title  # a Markdown title
    if title and len(title) <= 100 and not title.rstrip().endswith((".", "!", "?", ";", ",")):
        return title  # a heading-like first line, not a sentence
    return hist.source


@attrs.frozen
class BlameEntry:
    """A claim of the current version and the version that last changed its figure."""

    claim: Claim
    version: Version
    """The version that last changed the value or qualifier (or where it first appeared)."""
    timeline: Timeline = attrs.field(eq=False, repr=False)

    @property
    def uncommitted(self) -> bool:
        """True when the change is in the working tree, not yet committed."""
        return self.version.label == WORKTREE and self.version.commit is None


@attrs.frozen
class Blame:
    """For each claim of the current version, the revision that last changed its figure."""

    source: str
    version: Version
    """The current version (the working tree when it has uncommitted changes)."""
    entries: tuple[BlameEntry, ...]
    notes: tuple[str, ...] = ()


@attrs.frozen
class FileDiff:
    """One factsheet's change report between two revisions (``diff --rev A..B``)."""

    status: str
    """A (added), M (modified), D (deleted), R (renamed) or C (copied)."""
    old_path: str | None
    new_path: str | None
    diff: DiffReport

    @property
    def path(self) -> str:
        """The file's path: the new one, or the old one when the file was deleted."""
        return self.new_path or self.old_path or ""


@attrs.frozen
class Report:
    """The main report on a tracked factsheet: check, latest changes, and every timeline."""

    source: str
    history: History
    check: CheckReport | None
    """The consistency check of the latest version (``None`` if factcheck.check is absent)."""
    diff: DiffReport | None
    """The latest version against the one before (``None`` with a single version)."""
    cross_version: tuple[Any, ...] = ()
    """Findings of the cross-version rule between the previous and latest version."""

    @property
    def latest(self) -> Document:
        """The latest version of the factsheet."""
        assert self.history.latest is not None
        return self.history.latest


# --------------------------------------------------------------------------- cross-version rule


def cross_version_findings(
    old: Document, new: Document, *,
    pairs: Sequence[tuple[Claim | None, Claim | None]] | None = None,
) -> list[Finding]:
    """The cross-version rule between two versions, as :mod:`factcheck.checking` findings.

    For every figure paired across the versions (by :func:`factcheck.differ.match`, unless
    *pairs* are given): a running total (``TimeContext.cumulative`` in both versions) must
    not shrink, and the figure's unit must stay in the same dimension; and a breakdown that
    added up exactly in *old* must still add up (:func:`factcheck.evidence.held_before`). Each finding's rule
    is ``cross-version``, its claims are ``(old, new)``, and it points at the new claim.
    """
    from factcheck.checking import Finding, Verdict  # noqa: PLC0415
    from factcheck.tracking import cross_problem  # noqa: PLC0415

    if pairs is None:
        from factcheck.differ import match  # noqa: PLC0415

        pairs = match(old.claims, new.claims)
    out: list[Finding] = []
    found: list[tuple[Claim, Claim, tuple[str, str]]] = []
    for o, n in pairs:
        if o is None or n is None:
            continue
        problem = cross_problem(o, n)
        if problem is not None:
            found.append((o, n, problem))
    found.extend(_dimension_changes(pairs))
    # Breakdowns that added up in the old version and no longer do.
    from factcheck.evidence import held_before  # noqa: PLC0415

    out.extend(held_before(old, new, pairs))
    for o, n, (verdict, message) in found:
        out.append(
            Finding(
                rule="cross-version",
                verdict=Verdict(verdict),
                message=message,
                claims=(o, n),
                line=n.line,
                source=n.provenance.source,
                subject=n.id,
            )
        )
    out.sort(key=lambda f: f.line)
    return out


_NO_NOUN = lexicon.GENERIC_COUNTED | {"percentage point"}  # (nouns are read singular here)
"""Counted nouns extraction falls back to when it finds none: they name no particular thing."""


def _dimension_changes(
    pairs: Sequence[tuple[Claim | None, Claim | None]],
) -> list[tuple[Claim, Claim, tuple[str, str]]]:
    """A figure of the same counted thing now in a unit of another dimension.

    Matching never pairs claims of different dimensions, so such a figure shows up as one
    removed and one added claim counting the same thing (same noun, same scope).
    """
    from factcheck import units  # noqa: PLC0415
    from factcheck.differ import normalise_counted  # noqa: PLC0415
    from factcheck.wording import figure_text  # noqa: PLC0415

    removed: dict[tuple[str, str], list[Claim]] = {}
    for o, n in pairs:
        if o is not None and n is None:
            key = (normalise_counted(o.counted), (o.scope or "").casefold())
            removed.setdefault(key, []).append(o)
    out = []
    for o, n in pairs:
        if o is not None or n is None:
            continue
        noun = normalise_counted(n.counted)
        if not noun or noun in _NO_NOUN:
            continue
        for old in removed.get((noun, (n.scope or "").casefold()), ()):
            try:
                same = units.same_dimension(old.unit, n.unit)
            except Exception:  # an unknown unit cannot be shown to convert
                same = False
            if not same:
                out.append((old, n, (
                    "inconsistent",
                    f"{n.counted}: unit changed from {old.unit} to {n.unit}, which do not "
                    f"convert ({figure_text(old)}, line {old.line} → {figure_text(n)}, "
                    f"line {n.line})",
                )))
                break
    return out


# --------------------------------------------------------------------------- folders


def history_of(documents: Sequence[Document], versions: Sequence[Version] | None = None,
               *, source: str = "<documents>") -> History:
    """The timelines of documents already read, oldest first.

    Each document's version is named by its source and date unless *versions* are given.
    """
    from factcheck.tracking import Track, Walker  # noqa: PLC0415

    walker = Walker()
    prev: Document | None = None
    tracks: list[Track] = []
    for i, doc in enumerate(documents):
        v = versions[i] if versions is not None else Version(
            label=Path(doc.source).name or doc.source, date=doc.date, path=doc.source,
            commit=doc.revision,
        )
        tracks = walker.document(v, doc, prev, tracks)
        prev = doc
    docs = list(documents)
    return walker.finish(source, "documents", docs[-1] if docs else None,
                         docs[-2] if len(docs) > 1 else None)


def _display_path(path: Path) -> str:
    """A version's name in reports: relative to here when it is below here, else folder/file.

    (The bundled series lives deep inside site-packages; its absolute path says nothing.)
    """
    rel = os.path.relpath(path)
    if rel.startswith("..") or "site-packages" in Path(rel).parts or \
            "dist-packages" in Path(rel).parts:
        return f"{path.parent.name}/{path.name}"  # the installed package's bundled series
    return rel


def _folder_history(folder: Path, progress: Progress | None) -> History:
    from factcheck.sources import load, read_text, series_versions  # noqa: PLC0415
    from factcheck.tracking import TextWalker, Track, Walker  # noqa: PLC0415

    infos = series_versions(folder)  # versions.toml is read once, here
    plain = (".txt", ".md", ".markdown", ".text")
    if all(info.path.suffix.lower() in plain for info in infos):
        # Versions given as text: read as a git history is, each costing what changed in it.
        from factcheck.readers import reader_for  # noqa: PLC0415

        text_walker = TextWalker()
        readers: dict[str, Reader] = {}
        for i, info in enumerate(infos):
            suffix = info.path.suffix.lower()
            reader = readers.get(suffix)
            if reader is None:
                reader = readers[suffix] = reader_for(info.path.name)
            v = Version(label=info.path.name, date=info.date, path=str(info.path),
                        title=info.title)
            text_walker.display[v.path] = _display_path(info.path)
            text_walker.add(v, read_text(info.path), reader)
            if progress:
                progress(i + 1, len(infos))
        hist = text_walker.finish_text(str(folder), "folder")
        return _dated(hist, infos)
    walker = Walker()
    prev: Document | None = None
    before: Document | None = None
    tracks: list[Track] = []
    for i, info in enumerate(infos):
        # A PDF or a web page is read by its own reader, not as text.
        doc = load(info.path, source=_display_path(info.path),
                   text=read_text(info.path) if info.path.suffix.lower() in plain else None)
        doc = attrs.evolve(doc, title=info.title or doc.title, date=info.date)
        v = Version(label=info.path.name, date=info.date, path=str(info.path),
                    title=info.title or doc.title)
        tracks = walker.document(v, doc, prev, tracks)
        before, prev = prev, doc
        if progress:
            progress(i + 1, len(infos))
    return walker.finish(str(folder), "folder", prev, before)


def _dated(hist: History, infos: Sequence[Any]) -> History:
    """A folder's history with its latest and previous documents given the title and date
    the folder's metadata gives them (and each version the title of its document)."""
    by_source = {_display_path(i.path): i for i in infos}

    def dated(doc: Document | None) -> Document | None:
        if doc is None:
            return None
        info = by_source.get(doc.source)
        if info is None:
            return doc
        return attrs.evolve(doc, title=info.title or doc.title, date=info.date)

    latest, previous = dated(hist.latest), dated(hist.previous)
    versions = hist.versions
    if latest is not None and latest.title and versions and versions[-1].title is None:
        versions = (*versions[:-1], attrs.evolve(versions[-1], title=latest.title))
    return attrs.evolve(hist, latest=latest, previous=previous, versions=versions)


# --------------------------------------------------------------------------- git: walking


def _decode(data: bytes, name: str) -> str:
    from factcheck.sources import decode_text  # noqa: PLC0415

    if data[:5] == b"%PDF-":  # a PDF in git: its text as factcheck reads it (no page numbers)
        from factcheck.pdf import render_pdf  # noqa: PLC0415

        return render_pdf(data, name).text

    return decode_text(data, name)


def _commit_version(g: GitSource, rev: Revision) -> Version:
    return Version(
        label=g.short(rev.commit), date=rev.date, path=rev.path, commit=rev.commit,
        author=rev.author, email=rev.email, subject=rev.subject,
    )


def _base_version(g: GitSource, commit: str, path: str) -> Version:
    c = g.repo.commit(commit)
    return Version(
        label=g.short(commit), date=c.authored_datetime.isoformat(), path=path, commit=commit,
        author=c.author.name, email=c.author.email, subject=str(c.summary),
    )


def _is_snapshot_path(path: str) -> bool:
    return path.endswith(".toml")


def _walk_git(
    g: GitSource,
    relpath: str,
    rev: str | None,
    progress: Progress | None,
    *,
    worktree: bool = False,
    display: str | None = None,
    must_exist: bool = False,
) -> History:
    """The history of *relpath* in the open repository *g*.

    With *worktree*, uncommitted changes are a last version; with *must_exist*, a file that
    the last revision deleted is an error (there is nothing to blame).
    """
    from factcheck.readers import reader_for  # noqa: PLC0415
    from factcheck.tracking import TextWalker  # noqa: PLC0415

    rng = g.resolve_range(rev)
    revs = g.file_revisions(relpath, rng)
    name = display or relpath
    if not revs and rng.base is None:
        if not (g.root / relpath).exists():
            raise RevisionError("no such file (in the work tree or any commit)", name)
        raise RevisionError(
            f"has no history in git: no commit up to {rng.spec} ever held it"
            if rng.spec != "HEAD" else "has no history in git: no commit ever held it",
            name,
        )
    steps: list[tuple[Version, str | None]] = []  # (version, blob or None when deleted)
    notes: list[str] = []
    if rng.base is not None:
        # The file as it was at the range's base, so the first commit's changes show.
        first_path = revs[0].old_path or revs[0].path if revs else relpath
        if revs and revs[0].status == "A":
            base_blob = None
        else:
            base_blob = g.blob_id(rng.base, first_path)
        if base_blob is not None:
            steps.append((_base_version(g, rng.base, first_path), base_blob))
        if not revs and base_blob is None:
            raise RevisionError(f"does not exist in the range {rng.spec}", name)
        if not revs:
            notes.append(f"no commit in {rng.spec} changed {name}")
    for r in revs:
        steps.append((_commit_version(g, r), r.blob))
    if must_exist and steps and steps[-1][1] is None and not (
            worktree and rev is None and g.worktree_bytes(relpath) is not None):
        v = steps[-1][0]
        raise RevisionError(
            f"does not exist at {rng.spec} (commit {v.label} deleted or renamed it)", name)
    shallow = g.shallow_commits()
    if revs and shallow and revs[0].commit in shallow and revs[0].status == "A":
        notes.append(
            f"history is cut: this is a shallow clone and its history begins at "
            f"{g.short(revs[0].commit)} ({revs[0].date[:10]}); earlier versions of {name} "
            "are not available (git fetch --unshallow fetches them)"
        )
    if worktree and rng.base is None and rev is None:
        data = g.worktree_bytes(relpath)
        head_blob = revs[-1].blob if revs else None
        if data is not None and (head_blob is None or _blob_oid(data) != head_blob):
            steps.append((Version(label=WORKTREE, date=None, path=relpath), "worktree"))
    elif rev is None and rng.base is None:
        data = g.worktree_bytes(relpath)
        head_blob = revs[-1].blob if revs else None
        if data is not None and head_blob is not None and _blob_oid(data) != head_blob:
            notes.append(f"{name} has uncommitted changes; they are not part of this history")

    snapshot = _is_snapshot_path(relpath)
    blobs = [b for _, b in steps if b is not None and b != "worktree"]
    stream = g.read_blobs(blobs)
    total = len(steps)
    if snapshot:
        return _walk_snapshots(g, steps, stream, name, notes, progress)
    walker = TextWalker()
    walker.notes.extend(notes)
    readers: dict[str, Reader] = {}
    try:
        for i, (version, blob) in enumerate(steps):
            if blob is None:
                text = ""
            elif blob == "worktree":
                text = _decode(g.worktree_bytes(relpath) or b"", f"{relpath} ({WORKTREE})")
            else:
                data = next(stream)
                try:
                    text = _decode(data, f"{version.path} at {version.label}")
                except InputError as exc:
                    if i == total - 1:
                        raise  # the current version must be readable
                    walker.notes.append(_skipped(version, exc))
                    continue
            reader = readers.get(version.path)
            if reader is None:
                reader = readers[version.path] = reader_for(version.path)
            walker.add(version, text, reader)
            if progress:
                progress(i + 1, total)
    finally:
        _close(stream)
    return walker.finish_text(name)


def _skipped(version: Version, exc: FactcheckError) -> str:
    """The note for a past version that could not be read (it is left out of the history)."""
    return f"{version.path} at {version.label} was left out: {exc.message}"


def _close(stream: Iterator[bytes]) -> None:
    close = getattr(stream, "close", None)
    if close is not None:
        close()


def _blob_oid(data: bytes) -> str:
    import hashlib  # noqa: PLC0415

    return hashlib.sha1(b"blob %d\x00" % len(data) + data).hexdigest()  # noqa: S324 - git's id


def _walk_snapshots(
    g: GitSource, steps: list[tuple[Version, str | None]], stream: Iterator[bytes], name: str,
    notes: list[str], progress: Progress | None,
) -> History:
    """A snapshot file tracked in git: each revision is loaded whole."""
    from factcheck.sources import load  # noqa: PLC0415
    from factcheck.tracking import Track, Walker  # noqa: PLC0415

    walker = Walker()
    walker.notes.extend(notes)
    prev: Document | None = None
    before: Document | None = None
    tracks: list[Track] = []
    try:
        for i, (version, blob) in enumerate(steps):
            if blob is None:
                doc = Document(source=version.path, revision=version.commit)
            else:
                raw = (g.worktree_bytes(version.path) or b"") if blob == "worktree" else next(
                    stream)
                try:
                    text = _decode(raw, f"{version.path} at {version.label}")
                    doc = load(version.path, text=text, source=version.path,
                               revision=version.commit)
                except FactcheckError as exc:
                    if i == len(steps) - 1:
                        raise
                    walker.notes.append(_skipped(version, exc))
                    continue
            tracks = walker.document(version, doc, prev, tracks)
            before, prev = prev, doc
            if progress:
                progress(i + 1, len(steps))
    finally:
        _close(stream)
    return walker.finish(name, "git", prev, before)


# --------------------------------------------------------------------------- the verbs


def _is_archive(path: Path) -> bool:
    """True for a web archive file (its captures are versions, as a folder's files are)."""
    from factcheck.warc import is_archive as warc  # noqa: PLC0415

    return warc(path) and path.is_file()


def history(
    path: str | os.PathLike[str],
    rev: str | None = None,
    *,
    progress: Progress | None = None,
) -> History:
    """Every figure's timeline over a factsheet's versions.

    *path* is a folder of dated versions, or a file tracked in git: then every commit that
    changed it (following renames, first parents only) up to HEAD, or within *rev*
    (``A..B``, ``A..``, or ``A`` for everything up to A). Raises
    :class:`~factcheck.errors.RevisionError` for a path outside git, an unknown or unsafe
    revision, or a file git never held; :class:`~factcheck.errors.InputError` for a
    folder without dated versions.
    """
    p = Path(path)
    if p.is_dir() or _is_archive(p):  # (a WARC file's captures are a folder's versions)
        if rev is not None:
            raise RevisionError(
                "is a folder of versions; --rev applies to a file tracked in git", str(path))
        return _folder_history(p, progress)
    from factcheck.gitsource import GitSource  # noqa: PLC0415

    with GitSource(p) as g:
        return _walk_git(g, g.relpath(p), rev, progress, display=str(path))


def blame(
    path: str | os.PathLike[str],
    rev: str | None = None,
    *,
    progress: Progress | None = None,
) -> Blame:
    """For each claim of the current version, the version that last changed its figure.

    "Changed" means its value, qualifier, stated precision or unit; a figure reworded or
    moved keeps its blame. In git, the current version is the working tree file when it
    differs from HEAD (its changes are blamed on the working tree), else HEAD, or the tip of
    *rev*. For a folder of versions, the current version is the latest file.
    """
    p = Path(path)
    if p.is_dir() or _is_archive(p):  # (a WARC file's captures are a folder's versions)
        if rev is not None:
            raise RevisionError(
                "is a folder of versions; --rev applies to a file tracked in git", str(path))
        hist = _folder_history(p, progress)
    else:
        from factcheck.gitsource import GitSource  # noqa: PLC0415

        with GitSource(p) as g:
            hist = _walk_git(g, g.relpath(p), rev, progress, worktree=True, display=str(path),
                             must_exist=True)
    return blame_of(hist)


def blame_of(hist: History) -> Blame:
    """The blame of a history's latest version: each claim and its timeline's last point."""
    entries = []
    live = {t.id: t for t in hist.timelines if t.present}
    if hist.latest is not None:
        for c in hist.latest.claims:
            t = live.get(c.id)
            if t is not None:
                entries.append(BlameEntry(claim=c, version=t.latest.origin.version,
                                          timeline=t))
    return Blame(
        source=hist.source,
        version=hist.versions[-1],
        entries=tuple(entries),
        notes=hist.notes,
    )


def load_at(spec: str) -> Document:
    """The factsheet a ``REV:PATH`` argument names, read from git (as ``git show`` spells it).

    PATH is relative to the repository's top folder, or to the current folder when it
    starts with ``./`` or ``../``. The repository is the one holding the current folder.
    """
    from factcheck.gitsource import GitSource, parse_rev_path  # noqa: PLC0415
    from factcheck.sources import load  # noqa: PLC0415

    parsed = parse_rev_path(spec)
    if parsed is None:
        raise RevisionError("is not a REV:PATH argument", spec)
    rev, path = parsed
    with GitSource(Path.cwd()) as g:
        commit = g.resolve(rev)
        if path.startswith(("./", "../")):
            rel = g.relpath(Path.cwd() / path)
        else:
            rel = Path(path).as_posix().lstrip("/")
        blob = g.blob_id(commit, rel)
        if blob is None:
            raise RevisionError(f"does not exist at {rev} ({g.short(commit)})", rel)
        text = _decode(g.read_blob(blob), spec)
    return load(rel, text=text, source=spec, revision=commit)


_FACTSHEET_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".toml", ".pdf", ".html", ".htm")


@attrs.frozen
class _Pair:
    status: str
    old_path: str | None
    new_path: str | None
    old: Document | None
    new: Document | None


def _revision_pairs(
    rev: str, paths: Sequence[str | os.PathLike[str]], cwd: str | os.PathLike[str] | None,
) -> tuple[str, str | None, list[_Pair]]:
    """Every factsheet that differs between the two ends of *rev*, read at both ends."""
    from factcheck.gitsource import GitSource  # noqa: PLC0415
    from factcheck.snapshot import is_snapshot_text  # noqa: PLC0415
    from factcheck.sources import load  # noqa: PLC0415

    where = Path(cwd) if cwd is not None else Path.cwd()
    with GitSource(paths[0] if paths else where) as g:
        if ".." in rev:
            rng = g.resolve_range(rev)
            base, tip = rng.base, rng.tip
            if base is None:  # pragma: no cover - resolve_range gives A..B a base
                raise RevisionError(f"range {rev!r} needs a start", str(g.root))
        else:
            base, tip = g.resolve(rev), None
        rels = []
        for p in paths:
            if Path(p).absolute().resolve() == g.root:
                continue  # the whole repository: no limit
            rels.append(g.relpath(p))
        out: list[_Pair] = []
        for ch in g.changed_files(base, tip, rels):
            path = ch.new_path or ch.old_path or ""
            if not path.lower().endswith(_FACTSHEET_SUFFIXES):
                continue
            docs: list[Document | None] = []
            for side_path, blob, commit in (
                (ch.old_path, ch.old_blob, base),
                (ch.new_path, ch.new_blob, tip),
            ):
                if side_path is None:
                    docs.append(None)
                    continue
                label = f"{g.short(commit)}:{side_path}" if commit else side_path
                if commit is None:  # the working tree
                    data = g.worktree_bytes(side_path)
                    if data is None and blob is not None:  # pragma: no cover - raced
                        data = g.read_blob(blob)
                    text = _decode(data or b"", label)
                else:
                    text = _decode(g.read_blob(blob) if blob else b"", label)
                if side_path.endswith(".toml") and not is_snapshot_text(text):
                    break  # a TOML file that is not a snapshot (a rules file, say)
                docs.append(load(side_path, text=text, source=label, revision=commit))
            else:
                out.append(_Pair(ch.status, ch.old_path, ch.new_path, docs[0], docs[1]))
        return base, tip, out


@attrs.frozen
class RangeDiff:
    """The change reports of every factsheet changed in a range of revisions."""

    spec: str
    """The range as given (``A..B``, or ``A`` for A against the working tree)."""
    base: str
    """The full hash of the range's start."""
    tip: str | None
    """The full hash of its end, or ``None`` for the working tree."""
    files: tuple[FileDiff, ...]

    @property
    def has_changes(self) -> bool:
        """True when a figure of any file changed (what ``diff --exit-code`` exits 1 for)."""
        return any(f.diff.has_changes for f in self.files)


def diff_revisions(
    rev: str,
    paths: Sequence[str | os.PathLike[str]] = (),
    *,
    findings: bool = True,
    cwd: str | os.PathLike[str] | None = None,
) -> RangeDiff:
    """The change report of every factsheet changed in a range: a pull request's report.

    *rev* is ``A..B`` (or ``A``: from A to the working tree, as ``git diff A``). *paths*
    (files or folders) limit it; with none, every changed ``.txt``, ``.md`` or snapshot
    ``.toml`` file counts. Added and deleted files are diffed against an empty version.
    """
    from factcheck.differ import diff  # noqa: PLC0415

    base, tip, pairs = _revision_pairs(rev, paths, cwd)
    files = []
    for p in pairs:
        # An added or deleted file is compared with nothing, named as git names it.
        old = p.old or Document(source="/dev/null", revision=base)
        new = p.new or Document(source="/dev/null", revision=tip)
        files.append(FileDiff(p.status, p.old_path, p.new_path, diff(old, new, findings=findings)))
    return RangeDiff(spec=rev, base=base, tip=tip, files=tuple(files))


def check_revisions(
    rev: str,
    paths: Sequence[str | os.PathLike[str]] = (),
    *,
    rules: Any = None,
    validators: Sequence[Any] | None = None,
    cwd: str | os.PathLike[str] | None = None,
) -> CheckReport:
    """Check every factsheet changed in a range at its end, plus the cross-version rule.

    For each factsheet that *rev* (``A..B``, or ``A`` against the working tree) changed,
    limited to *paths*: the consistency check of its new version, then
    :func:`cross_version_findings` against its old version (running totals must not
    shrink, units must not change dimension). A deleted factsheet is not checked. *rules*
    apply to every file; without them, the rules file beside each one in the working tree
    is used, if any.
    """
    from factcheck.checking import CheckReport, check, rules_beside  # noqa: PLC0415

    base, tip, pairs = _revision_pairs(rev, paths, cwd)
    root = Path(cwd) if cwd is not None else Path.cwd()
    findings: list[Any] = []
    sources: list[str] = []
    for p in pairs:
        if p.new is None:
            continue
        file_rules = rules
        if file_rules is None and p.new_path is not None:
            from factcheck.gitsource import GitSource  # noqa: PLC0415

            with GitSource(root) as g:
                file_rules = rules_beside(g.root / p.new_path)
        result = check(p.new, file_rules, validators=validators)
        findings.extend(result.findings)
        if p.old is not None:
            findings.extend(cross_version_findings(p.old, p.new))
        sources.append(p.new.source)
    return CheckReport(findings=tuple(findings), sources=tuple(sources))


def report(
    path: str | os.PathLike[str] | None = None,
    rev: str | None = None,
    *,
    progress: Progress | None = None,
) -> Report:
    """The main report on a tracked factsheet (folder or git file; default: the bundled series).

    Holds the consistency check of the latest version, the change report of the latest
    version against the one before, the cross-version rule between them, and every figure's
    timeline.
    """
    from factcheck.sources import bundled_series  # noqa: PLC0415

    target = Path(path) if path is not None else bundled_series()
    hist = history(target, rev, progress=progress)
    latest, previous = hist.latest, hist.previous
    from factcheck.checking import check  # noqa: PLC0415
    from factcheck.differ import diff  # noqa: PLC0415

    check_report = check(latest) if latest is not None else None
    diff_report = None
    cross: tuple[Any, ...] = ()
    if latest is not None and previous is not None:
        diff_report = diff(previous, latest)
        cross = tuple(
            cross_version_findings(
                previous, latest, pairs=[(c.old, c.new) for c in diff_report.changes]
            )
        )
    return Report(
        source=str(path) if path is not None else str(target),
        history=hist,
        check=check_report,
        diff=diff_report,
        cross_version=cross,
    )
