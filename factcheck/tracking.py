"""How timelines are built: pairing consecutive versions, tracking figures, reading changes.

This is the machinery behind :func:`factcheck.timeline.history`; nothing here is public API.

A :class:`Walker` takes versions one at a time, oldest first, and follows each figure from
version to version with :func:`factcheck.differ.match` (or a cheaper equivalent when nothing
but figures changed), recording a point wherever the stated figure changes.

A :class:`TextWalker` does the same for versions given as text, re-reading only what changed:
the text is cut into blocks at blank lines (a block that does not end a sentence runs on into
the next, so a heading travels with its paragraph and no sentence is cut); the blocks outside
the changed stretch of text are carried over untouched (only their place moves), and in a
changed block only the sentences the edit touched are read again, in a window cut where the
extractor's own sentences end. A version then costs work in proportion to what changed in it,
not to its size, and memory holds one version's blocks and the timelines' points.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from factcheck.claim import Claim, Document
from factcheck.errors import InputError
from factcheck.timeline import History, Point, Timeline, Version

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.identity import Identity, Outline
    from factcheck.readers import Reader


# --------------------------------------------------------------------------- pairing


def _pair_indices(
    old: Sequence[Claim],
    new: Sequence[Claim],
    old_ids: Sequence[Identity] | None = None,
    new_ids: Sequence[Identity] | None = None,
    old_outline: Sequence[tuple[str, ...]] = (),
    new_outline: Sequence[tuple[str, ...]] = (),
) -> list[tuple[int, int]]:
    """Pair two versions' claims, as (old index or -1, new index or -1), every claim once.

    When both lists hold the same claims in the same order (same unit, kind, counted noun
    and sentence with every figure masked), :func:`factcheck.differ.match` pairs them k-th
    with k-th in its first pass; that case, the common one in a long history, is recognised
    here without building its keys. Otherwise the differ's matching decides, each claim
    placed by its identity (*old_ids*, *new_ids*, and each version's heading outline).
    """
    if not old:
        return [(-1, j) for j in range(len(new))]
    if not new:
        return [(i, -1) for i in range(len(old))]
    if len(old) == len(new) and _masked(old) == _masked(new) and (
            old_ids is None or new_ids is None
            or [(i.marked, i.column) for i in old_ids] == [(i.marked, i.column) for i in new_ids]):
        return [(i, i) for i in range(len(old))]
    from factcheck import differ  # noqa: PLC0415

    okeys, nkeys = differ.identified_keys(
        old, new, old_ids=old_ids, new_ids=new_ids, old_outline=old_outline,
        new_outline=new_outline)
    pairs = differ.match_indices(old, new, okeys, nkeys)
    return [(-1 if o is None else o, -1 if n is None else n)
            for o, n in differ._ordered(pairs, len(old), len(new))]


def _masked(claims: Sequence[Claim]) -> list[tuple[str, str, str, str]]:
    """Each claim's unit, kind, counted noun and sentence with its sentence's figures cut.

    The figures' words are cut where ``sentence_span`` says; should a span be a character
    off, it is off the same way in both versions, so equal keys still mean equal sentences
    and the worst a mistake can do is send the pair to ``match``.
    """
    out: list[tuple[str, str, str, str]] = []
    i, n = 0, len(claims)
    while i < n:
        sentence = claims[i].provenance.sentence
        j = i + 1
        last = claims[i].provenance.sentence_span
        while j < n and claims[j].provenance.sentence == sentence:
            span = claims[j].provenance.sentence_span
            if span[0] < last[1]:
                break  # the same sentence again, further on: another group
            last = span
            j += 1
        pieces, at = [], 0
        for k in range(i, j):
            a, b = claims[k].provenance.sentence_span
            pieces.append(sentence[at:max(a, at)])
            at = max(b, at)
        pieces.append(sentence[at:])
        masked = "\x00".join(pieces)
        out.extend((c.unit, c.kind, c.counted, masked) for c in claims[i:j])
        i = j
    return out


def _differs(a: Claim, b: Claim) -> bool:
    """True when the stated figure changed: value, range, qualifier, precision or unit."""
    return (
        a.value != b.value
        or a.value_high != b.value_high
        or a.qualifier is not b.qualifier
        or a.step != b.step
        or a.unit != b.unit
    )


def _far_apart(a: Claim, b: Claim) -> bool:
    """Two figures of one unit more than three times apart (both on one side of zero)."""
    if a.unit != b.unit or a.value == 0 or b.value == 0 or (a.value > 0) != (b.value > 0):
        return False
    ratio = abs(a.value / b.value)
    return ratio > 3 or ratio < Fraction(1, 3)


def _resurrect_key(c: Claim, ident: Identity | None) -> tuple[object, ...] | None:
    """What a figure that vanished must come back with to continue its timeline: its
    headings and the name its structure or its counted noun gives it. A generic name
    ("figure", "total", "duration") carries no identity across a gap: ``None``."""
    from factcheck.differ import normalise_counted  # noqa: PLC0415
    from factcheck.identity import is_generic  # noqa: PLC0415

    noun = normalise_counted(c.counted)
    generic = is_generic(noun)
    name = ident.name if ident is not None and ident.named else ""
    if generic and not name:
        if ident is None or not ident.marked:
            return None
        # Under a Markdown heading of its own ("### Internet users", "**total:**"), the
        # heading names the figure; its generic label only tells it from its neighbours.
        name = "\x1f".join((*ident.marked, ident.label))
    path = ident.path if ident is not None else (c.provenance.section or "",)
    column = ident.column if ident is not None else ""
    return ("" if generic else noun, name, column, path, c.unit, c.kind,
            (c.scope or "").casefold())


# --------------------------------------------------------------------------- tracking


class Track:
    """A timeline being built (mutable; turned into a :class:`Timeline` at the end)."""

    __slots__ = ("points", "claim", "first", "last", "id", "order", "warnings", "final",
                 "ident")

    def __init__(self, first: int, point: Point, claim: Claim,
                 ident: Identity | None = None) -> None:
        self.points: list[Point] = [point]
        self.claim = claim  # the claim in the latest version seen (block-local in git walks)
        self.first = first
        self.last = -1  # the last version index it was seen in; -1 while alive
        self.id = claim.id
        self.order: tuple[int, int] = (0, 0)
        self.warnings: list[str] = []
        self.final: Claim | None = None  # the claim in the latest version, read whole
        self.ident = ident  # the figure's identity where last seen


def _document_key(doc: Document) -> object:
    """A version read whole, by content: its text, or (a snapshot) its claims."""
    if doc.text is not None:
        return _digest(doc.text)
    return hash(tuple((c.id, c.value, c.unit, c.qualifier, c.provenance.quote,
                       c.provenance.sentence, c.line) for c in doc.claims))


def _digest(text: str) -> tuple[int, int]:
    """A version's text, by content: its length and 64-bit string hash (SipHash, computed in
    C once per text), as likely to collide for two different texts as not at all."""
    return (len(text), hash(text))


_SEEN_KEPT = 256
"""How many earlier versions' states are kept for a revert to come back to."""

_DEAD_KEPT = 512
"""How many ended timelines are remembered for a figure that comes back (memory stays flat)."""


class Walker:
    """Builds timelines from versions given one at a time, oldest first."""

    def __init__(self) -> None:
        self.versions: list[Version] = []
        self.tracks: list[Track] = []
        self.dead: OrderedDict[tuple[object, ...], Track] = OrderedDict()
        self.seen_docs: OrderedDict[object, list[tuple[Track, int, Claim, Identity | None]]] = (
            OrderedDict())
        self.notes: list[str] = []

    def _version(self, version: Version) -> int:
        self.versions.append(version)
        return len(self.versions) - 1

    def born(self, idx: int, claim: Claim, point_claim: Callable[[], Claim],
             ident: Identity | None = None) -> Track:
        """A claim with no counterpart in the version before: new, or a figure come back."""
        key = _resurrect_key(claim, ident)
        t = self.dead.pop(key, None) if idx > 0 and key is not None else None
        if t is not None and key is not None and _far_apart(t.claim, claim):
            # Across a gap, a figure more than three times another of its unit is another
            # figure (the threefold rule pairing follows: "over 7,400 km²" of one year is not
            # the "110,000 km²" of a later one).
            self.dead[key] = t
            t = None
        if t is not None:
            t.last = -1
            self._point(t, idx, claim, point_claim, reappeared=True)
            t.claim, t.ident = claim, ident
            return t
        t = Track(idx, Point(self.versions[idx], point_claim()), claim, ident)
        self.tracks.append(t)
        return t

    def carry(self, t: Track, idx: int, new: Claim, point_claim: Callable[[], Claim],
              ident: Identity | None = None) -> None:
        """The figure continues into version *idx*; record a point if it changed."""
        if _differs(t.claim, new):
            self._point(t, idx, new, point_claim)
        t.claim = new
        if ident is not None:
            t.ident = ident

    def _point(
        self, t: Track, idx: int, new: Claim, point_claim: Callable[[], Claim],
        reappeared: bool = False, restores: Point | None = None,
    ) -> None:
        p = Point(self.versions[idx], point_claim(), reappeared, restores)
        prev = t.points[-1]
        w = _timeline_warning(prev, p)
        if w:
            t.warnings.append(w)
        t.points.append(p)

    def restore(
        self, idx: int, state: Sequence[tuple[Track, Claim, int, Identity | None]],
        live: Iterable[Track], point_claims: Sequence[Callable[[], Claim]],
        final_ids: Callable[[list[Track]], dict[int, str]] | None = None,
    ) -> None:
        """Version *idx* is an earlier version again (its text byte for byte): each figure
        returns to what it was there. *state* holds, for each figure of that version, its
        track, its claim there and how many points it had then; *live* are the figures of
        the version before. A figure whose value differs records a point that restores the
        earlier one (blame follows it back); the figures the earlier version did not have
        end; the changes in between are undone and nothing else changes."""
        back = {id(t) for t, _, _, _ in state}
        ended = [t for t in live if id(t) not in back]
        for (t, claim, npoints, ident), point_claim in zip(state, point_claims):
            then = t.points[npoints - 1]
            if t.last != -1:
                key = _resurrect_key(t.claim, t.ident)
                if key is not None and self.dead.get(key) is t:
                    del self.dead[key]
                t.last = -1
                self._point(t, idx, claim, point_claim, reappeared=True, restores=then)
            elif _differs(t.claim, claim):
                self._point(t, idx, claim, point_claim, restores=then)
            t.claim, t.ident = claim, ident
        if ended:
            ids = final_ids(ended) if final_ids is not None else {}
            for t in ended:
                self.died(t, idx - 1, ids.get(id(t), t.claim.id))

    def died(self, t: Track, last_idx: int, final_id: str | None) -> None:
        """The figure is absent from the version after *last_idx*."""
        t.last = last_idx
        if final_id:
            t.id = final_id
        key = _resurrect_key(t.claim, t.ident)
        if key is None:
            return
        self.dead.pop(key, None)
        self.dead[key] = t
        while len(self.dead) > _DEAD_KEPT:
            self.dead.popitem(last=False)

    def finish(
        self,
        source: str,
        kind: str,
        latest: Document | None,
        previous: Document | None,
    ) -> History:
        """The history: timelines of figures in the latest version first, in its order."""
        n = len(self.versions)
        if n == 0:
            raise InputError("has no versions to follow", source)
        final = n - 1
        live = [t for t in self.tracks if t.last == -1]
        gone = [t for t in self.tracks if t.last != -1]
        live.sort(key=lambda t: t.order)
        gone.sort(key=lambda t: (-t.last, t.order))
        ids: set[str] = {t.id for t in live}
        timelines = []
        for t in [*live, *gone]:
            last = final if t.last == -1 else t.last
            tid = t.id
            if t.last != -1 and tid in ids:
                # An ended figure whose id a later figure took: name it by where it was last.
                tid = f"{t.id}@{self.versions[last].label}"
                k = 2
                while tid in ids:
                    tid = f"{t.id}@{self.versions[last].label}-{k}"
                    k += 1
            ids.add(tid)
            claim = t.final or t.claim
            points = tuple(
                attrs.evolve(p, claim=attrs.evolve(p.claim, id=tid)) if p.claim.id != tid else p
                for p in t.points
            )
            timelines.append(
                Timeline(
                    id=tid,
                    counted=claim.counted,
                    unit=claim.unit,
                    kind=claim.kind,
                    points=points,
                    first_seen=self.versions[t.first],
                    last_seen=self.versions[last],
                    present=t.last == -1,
                    warnings=tuple(t.warnings),
                )
            )
        return History(
            source=source,
            kind=kind,
            versions=tuple(self.versions),
            timelines=tuple(timelines),
            notes=tuple(self.notes),
            latest=latest,
            previous=previous,
        )

    # -- whole documents (folders, snapshots)

    def document(self, version: Version, doc: Document, prev: Document | None,
                 prev_tracks: list[Track]) -> list[Track]:
        """Add a version read whole; returns the tracks of its claims, in its order."""
        from factcheck.identity import Outline, identify  # noqa: PLC0415

        idx = self._version(version)
        new = list(doc.claims)
        key = _document_key(doc)
        back = self.seen_docs.get(key) if prev is not None else None
        if back is not None and key != _document_key(prev):  # type: ignore[arg-type]
            # An earlier version again (a revert): its figures return to what they were.
            state = [(t, claim, npoints, ident) for t, npoints, claim, ident in back]
            self.restore(idx, state, prev_tracks, [_const(c) for c in new],
                         lambda ended: {id(t): t.claim.id for t in ended})
            out = [t for t, _, _, _ in state]
            for j, t in enumerate(out):
                t.order, t.final, t.id = (j, 0), new[j], new[j].id
            self._remember_doc(key, out)
            return out
        outline = Outline(doc.text)
        ids = identify(new, doc.text, outline=outline)
        tracks: list[Track | None] = [None] * len(new)
        if prev is None:
            for j, c in enumerate(new):
                tracks[j] = self.born(idx, c, _const(c), ids[j])
        else:
            born: list[int] = []
            ended: list[Track] = []
            prev_ids = [t.ident for t in prev_tracks]
            pairs = _pair_indices(
                prev.claims, new,
                prev_ids if all(i is not None for i in prev_ids) else None,  # type: ignore[arg-type]
                ids, Outline(prev.text).all_paths(), outline.all_paths())
            for i, j in pairs:
                if i < 0:
                    born.append(j)
                elif j < 0:
                    ended.append(prev_tracks[i])
                else:
                    t = prev_tracks[i]
                    self.carry(t, idx, new[j], _const(new[j]), ids[j])
                    tracks[j] = t
            # Births before deaths: a figure that ends here cannot come back in the same step.
            for j in born:
                tracks[j] = self.born(idx, new[j], _const(new[j]), ids[j])
            for t in ended:
                self.died(t, idx - 1, t.claim.id)
        out = [t for t in tracks if t is not None]
        for j, t in enumerate(out):
            t.order, t.final, t.id = (j, 0), new[j], new[j].id
        self._remember_doc(key, out)
        return out

    def _remember_doc(self, key: object, tracks: list[Track]) -> None:
        self.seen_docs[key] = [(t, len(t.points), t.claim, t.ident) for t in tracks]
        self.seen_docs.move_to_end(key)
        while len(self.seen_docs) > _SEEN_KEPT:
            self.seen_docs.popitem(last=False)


def _const(c: Claim) -> Callable[[], Claim]:
    return lambda: c


def _positions(claims: Iterable[Claim]) -> dict[int, list[int]]:
    """Claim object identity -> its indexes (reversed, so pop() gives the first)."""
    out: dict[int, list[int]] = {}
    for i, c in enumerate(claims):
        out.setdefault(id(c), []).append(i)
    for v in out.values():
        v.reverse()
    return out


def _timeline_warning(prev: Point, new: Point) -> str | None:
    problem = cross_problem(prev.claim, new.claim)
    if problem is None or problem[0] != "inconsistent":
        return None
    return f"{new.version.label}: {problem[1]}"



_TOTAL_LABEL = re.compile(r"(?:^|[\s*_(;,])total\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*\Z",
                          re.IGNORECASE)


_RUNNING = re.compile(r"\b(?:since|to date|so far|in total|cumulative(?:ly)?|all[- ]time|"
                      r"in all|altogether|overall)\b", re.IGNORECASE)


def _total_label(c: Claim) -> bool:
    """True when a "total:" label introduces the figure ("**total:** 3,714 km")."""
    p = c.provenance
    return _TOTAL_LABEL.search(p.sentence, max(0, p.sentence_span[0] - 40),
                               p.sentence_span[0]) is not None


def cross_problem(old: Claim, new: Claim) -> tuple[str, str] | None:
    """The cross-version verdict for one pair of claims, or ``None`` when it does not apply.

    A figure's dimension must not change; a running total (both versions mark it
    cumulative) must not shrink. Intervals decide: a total shrank for certain
    (``inconsistent``) only when every value the new words allow is below every value the
    old words allow; when the stated figure went down but the words overlap, it is
    ``undetermined``.
    """
    if old.unit == new.unit and not (old.time.cumulative and new.time.cumulative):
        return None  # the common case, decided before any import
    if new.time.since is None and (_total_label(new) or not _RUNNING.search(
            new.provenance.sentence)):
        # "total: 3,714 km" is the sum of the parts listed with it, not a running total
        # (it may fall when a part does); nor is a figure whose sentence says "total" only
        # as a name ("total dependency ratio: 52.1").
        old = attrs.evolve(old, time=attrs.evolve(old.time, cumulative=False))
        new = attrs.evolve(new, time=attrs.evolve(new.time, cumulative=False))
        if old.unit == new.unit:
            return None
    from factcheck import units  # noqa: PLC0415
    from factcheck.wording import figure_text  # noqa: PLC0415

    label = new.counted or new.id
    if old.unit != new.unit:
        try:
            same = units.same_dimension(old.unit, new.unit)
        except Exception:  # an unknown unit: it cannot be shown to convert
            same = False
        if not same:
            return (
                "inconsistent",
                f"{label}: unit changed from {old.unit} to {new.unit}, which do not convert "
                f"({figure_text(old)} → {figure_text(new)})",
            )
    if not (old.time.cumulative and new.time.cumulative):
        if old.unit != new.unit:
            return ("consistent", f"{label}: unit changed from {old.unit} to {new.unit}, "
                    "which convert")
        return None
    try:
        factor = Fraction(1) if old.unit == new.unit else units.conversion_factor(
            new.unit, old.unit)
    except Exception:
        return None
    iv = new.interval.scaled(factor)
    ov = old.interval
    f_old, f_new = figure_text(old), figure_text(new)
    if iv.high is not None and ov.low is not None and (
        iv.high < ov.low or (iv.high == ov.low and (iv.high_open or ov.low_open))
    ):
        return (
            "inconsistent",
            f"{label}: a running total shrank from {f_old} (line {old.line}) to {f_new} "
            f"(line {new.line})",
        )
    if new.value * factor < old.value:
        return (
            "undetermined",
            f"{label}: a running total is stated lower, {f_old} (line {old.line}) → {f_new} "
            f"(line {new.line}), though the words allow it not to have shrunk",
        )
    return (
        "consistent",
        f"{label}: a running total did not shrink, {f_old} (line {old.line}) → {f_new} "
        f"(line {new.line})",
    )


# --------------------------------------------------------------------------- reading text incrementally

_BLANK_RUN = re.compile(r"\n(?:[ \t\r\f\v]*\n)+")
_ENDS_SENTENCE = re.compile(r"(?:^|(?<=[\s(\"'“‘]))(?P<tok>[^\s(\"'“‘]{0,24}?)[.!?;:]"
                            r"[\"'”’)\]]*[ \t\r\f\v]*\Z")


_HEADING_NEXT = re.compile(r" {0,3}#{1,6}[ \t]+\S")


def _ends_block(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` ends a sentence, so a blank line after it ends a block.

    A period after an abbreviation, an initial or a month name does not: the extractor
    reads "approx." or "in March." with the figure after it, even across a blank line.
    """
    m = _ENDS_SENTENCE.search(text, max(start, end - 40), end)
    if m is None:
        return False
    rules = _sentence_rules()
    if rules is None:  # pragma: no cover - the extractor lost its rules: be safe
        return False
    return rules[1](m.group("tok"), firm=True)


def _spans(text: str, base: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The blocks of ``text[base:end]`` as (start, end) offsets: lines between blank lines.

    A block that does not end a sentence (a heading, a line cut short) runs on into the
    next one, so that every sentence, and the heading above a paragraph, is read with it;
    a Markdown heading (``## Area``) always starts a block, since no sentence runs into one.
    """
    stop = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    start = base
    for m in _BLANK_RUN.finditer(text, base, stop):
        e = m.start()
        if e > start and (_HEADING_NEXT.match(text, m.end()) is not None
                          or _ends_block(text, start, e)):
            out.append((start, e))
            start = m.end()
    if start < stop or not out:
        out.append((start, stop))
    return out


def _common_prefix(a: str, b: str) -> int:
    """Length of the common prefix, by halving (string comparisons run in C)."""
    lo, hi = 0, min(len(a), len(b))
    if a[:hi] == b[:hi]:
        return hi
    while lo < hi:  # a[:lo] == b[:lo], and a[:hi + 1] != b[:hi + 1]
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    """Length of the common suffix, at most *limit*."""
    la, lb = len(a), len(b)
    lo, hi = 0, limit
    if a[la - hi:] == b[lb - hi:]:
        return hi
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[la - mid:la - lo] == b[lb - mid:lb - lo]:
            lo = mid
        else:
            hi = mid - 1
    return lo


class _Block:
    """A block of a version's text, its claims and where each claim sits in the block.

    A claim's own line, column and offset are those of the text it was read from (a block,
    or a sentence window of one); ``offs``, ``lines`` and ``cols`` hold the claim's place in
    *this* block, so that a block that only moved needs no new claim records.
    """

    __slots__ = ("text", "start", "line", "claims", "offs", "lines", "cols", "tracks")

    def __init__(self, text: str, start: int, line: int, read: _Read) -> None:
        self.text = text
        self.start = start
        self.line = line
        self.claims, self.offs, self.lines, self.cols = read
        self.tracks: list[Track | None] = [None] * len(self.claims)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


_Read = tuple[tuple[Claim, ...], list[int], list[int], list[int]]
"""A block's claims and their block-relative offsets, lines and columns."""

_CACHE_BLOCKS = 4096
"""How many blocks' claims are remembered (for reverts and repeated paragraphs)."""


def _read_whole(text: str, reader: Reader) -> _Read:
    from factcheck.extraction import extract  # noqa: PLC0415

    claims = extract(text, source="", reader=reader).claims
    return (
        claims,
        [c.provenance.offset for c in claims],
        [c.provenance.line for c in claims],
        [c.provenance.column for c in claims],
    )


class _BlockCache:
    """Claims of a block, by the block's text and reader; least recently used dropped."""

    def __init__(self) -> None:
        self._data: OrderedDict[tuple[str, int], _Read] = OrderedDict()

    def get(self, text: str, reader: Reader) -> _Read | None:
        key = (text, id(reader))
        hit = self._data.get(key)
        if hit is not None:
            self._data.move_to_end(key)
        return hit

    def put(self, text: str, reader: Reader, read: _Read) -> None:
        self._data[(text, id(reader))] = read
        if len(self._data) > _CACHE_BLOCKS:
            self._data.popitem(last=False)

    def read(self, text: str, reader: Reader) -> _Read:
        hit = self.get(text, reader)
        if hit is None:
            hit = _read_whole(text, reader)
            self.put(text, reader, hit)
        return hit


_Rules = tuple[Callable[..., Iterator[tuple[int, int, int]]], Callable[..., bool]]
"""The extractor's ``sentence_ends`` and ``ends_sentence``."""


@functools.lru_cache(maxsize=1)
def _sentence_rules() -> _Rules | None:
    """The extractor's own sentence-end rule, so windows end where its sentences end.

    ``None`` when the extractor no longer has it: then whole blocks are read instead.
    """
    from factcheck import extraction as ex  # noqa: PLC0415 - the extractor loads lazily

    return ex.sentence_ends, ex.ends_sentence
_WINDOW_LEAD = "Xx.\n"
"""Read before a sentence window that starts mid-block: a sentence of its own, no figure."""


_LOOK_BACK = 600
"""How far before an edit a sentence window may start (characters)."""


def _boundaries(scan: str, rules: _Rules, pos: int = 0) -> Iterator[tuple[int, int, int]]:
    """Sentence ends in a block from *pos* on: (punctuation, next sentence, lookahead end).

    Firm ends only: not after a month name ("in March. 5 people": the extractor reads the 5
    as a date). *pos* may be anywhere, so the word before a stop is read as far back as it goes.
    """
    n = len(scan)
    for s, _end, nxt in rules[0](scan, pos, firm=True, from_sentence_start=False):
        yield s, nxt, min(n, nxt + 2)


def _read_window(
    old: _Block, new_text: str, reader: Reader,
    rules: _Rules,
    cache: _BlockCache | None = None,
    hint: tuple[int, int] | None = None,
) -> tuple[_Read, list[tuple[int, int]], list[int], list[int]] | None:
    """Read a changed block by re-reading only the sentences its edit touched.

    Returns the block's claims, the (old index, new index) of claims outside the edited
    sentences (the same claims, maybe moved), and the old and new indexes of the claims in
    the edited sentences. ``None`` when the edit spans the whole block.

    A sentence window is cut where the extractor's own sentences end, so no claim's words,
    qualifier or counted noun cross its edges.
    """
    from factcheck.extraction import extract  # noqa: PLC0415

    o, n = old.text, new_text
    limit = min(len(o), len(n))
    if hint is not None and 0 <= hint[0] <= limit and 0 <= hint[1] <= limit - hint[0] and (
        o[:hint[0]] == n[:hint[0]] and o[len(o) - hint[1]:] == n[len(n) - hint[1]:]
        and (hint[0] == limit or o[hint[0]] != n[hint[0]])
    ):
        # The whole text's common ends, moved into the block (checked: cheaper than finding).
        p, s = hint
    else:
        p = _common_prefix(o, n)
        s = _common_suffix(o, n, limit - p)
    edit_end = len(n) - s
    scan = reader(n)
    w0, w1 = 0, len(n)
    # Sentence ends are looked for from a little before the edit: a window that starts at
    # the block's start when none is that near is merely larger.
    for punct, start, look in _boundaries(scan, rules, max(0, p - _LOOK_BACK)):
        if look <= p:
            w0 = start
        elif punct - 24 >= edit_end:
            w1 = start
            break
    if w0 == 0 and w1 == len(n):
        return None
    delta = len(n) - len(o)
    w1_old = w1 - delta
    window = n[w0:w1]
    # A window that starts mid-block is read after a one-sentence line, so that its first
    # line is read as it is in the block: a line that follows text, never a lone heading.
    lead = _WINDOW_LEAD if w0 else ""
    hit = cache.get(lead + window, reader) if cache is not None else None
    if hit is None:
        fresh = extract(lead + window, source="", reader=reader).claims
        if cache is not None:
            cache.put(lead + window, reader, (fresh, [], [], []))
    else:
        fresh = hit[0]  # a sentence seen before (a revert, an edit undone)
    lead_lines = lead.count("\n")
    line0 = n.count("\n", 0, w0) + 1
    col0 = w0 - (n.rfind("\n", 0, w0) + 1)
    nl_delta = window.count("\n") - o.count("\n", w0, w1_old)
    # A claim after the window on the window's last line moves along that line.
    end_line_old = o.count("\n", 0, w1_old) + 1
    col_delta = (w1 - (n.rfind("\n", 0, w1) + 1)) - (w1_old - (o.rfind("\n", 0, w1_old) + 1))
    claims: list[Claim] = []
    offs: list[int] = []
    lines: list[int] = []
    cols: list[int] = []
    kept: list[tuple[int, int]] = []
    old_window: list[int] = []
    oc = old.claims
    k = 0
    while k < len(oc) and old.offs[k] < w0:
        kept.append((k, len(claims)))
        claims.append(oc[k])
        offs.append(old.offs[k])
        lines.append(old.lines[k])
        cols.append(old.cols[k])
        k += 1
    new_window: list[int] = []
    for c in fresh:
        pv = c.provenance
        if pv.offset < len(lead):  # pragma: no cover - the lead holds no figure
            continue
        line = pv.line - lead_lines
        # The claim's own line and offset are the window's; offs, lines and cols say where
        # it is in the block (and _absolute fills in the section above the window).
        new_window.append(len(claims))
        claims.append(c)
        offs.append(w0 + pv.offset - len(lead))
        lines.append(line0 + line - 1)
        cols.append(pv.column + col0 if line == 1 else pv.column)
    while k < len(oc) and old.offs[k] < w1_old:
        old_window.append(k)
        k += 1
    while k < len(oc):
        kept.append((k, len(claims)))
        claims.append(oc[k])
        offs.append(old.offs[k] + delta)
        lines.append(old.lines[k] + nl_delta)
        cols.append(old.cols[k] + col_delta if old.lines[k] == end_line_old else old.cols[k])
        k += 1
    return (tuple(claims), offs, lines, cols), kept, old_window, new_window


def _document_ids(blocks: Sequence[_Block]) -> dict[int, str]:
    """Each tracked figure of a version (its blocks, in order) -> the id extraction gives it
    when the version is read whole: the counted noun's slug, numbered in document order
    (see ``Extractor._new_id``), without reading the version again."""
    from factcheck.extraction import _slug  # noqa: PLC0415

    taken: set[str] = set()
    following: dict[str, int] = {}
    out: dict[int, str] = {}
    for b in blocks:
        for c, t in zip(b.claims, b.tracks):
            base = _slug(c.counted.split(" per ", 1)[0]) or "figure"
            if base in taken and c.scope:
                base = f"{base}-{_slug(c.scope)}"
            cid = base
            if cid in taken:
                k = following.get(base, 2)
                while f"{base}-{k}" in taken:
                    k += 1
                cid = f"{base}-{k}"
                following[base] = k + 1
            taken.add(cid)
            if t is not None:
                out[id(t)] = cid
    return out


def _absolute(block: _Block, k: int, version: Version, source: str | None = None) -> Claim:
    """A block's claim placed in its version: line, column, offset, source and revision."""
    claim = block.claims[k]
    p = claim.provenance
    section = p.section
    j = k
    while section is None and j > 0:
        # A claim read in a sentence window has no heading above it in the window: it is
        # the heading above the claims before it in the block.
        j -= 1
        section = block.claims[j].provenance.section
    return attrs.evolve(
        claim,
        provenance=attrs.evolve(
            p,
            line=block.line + block.lines[k] - 1,
            column=block.cols[k],
            offset=block.start + block.offs[k],
            source=version.path if source is None else source,
            revision=version.commit,
            section=section,
        ),
    )


def _placed(block: _Block, k: int, version: Version, source: str | None = None,
            ) -> Callable[[], Claim]:
    """The claim's placed record, made only if a point needs it."""
    return lambda: _absolute(block, k, version, source)


def _inside(block: _Block, old: str, new: str, p: int, old_end: int, new_end: int) -> bool:
    """True when an edit (``old[p:old_end]`` -> ``new[p:new_end]``) cannot move a block edge.

    It must lie within the block, away from its last sentence (which decides whether the
    block ends there), hold no line break, and leave its line not blank.
    """
    if not (block.start <= p and old_end <= block.end - _BLOCK_END_MARGIN):
        return False
    if "\n" in old[p:old_end] or "\n" in new[p:new_end]:
        return False
    a = new.rfind("\n", 0, p) + 1
    e = new.find("\n", new_end)
    line = new[a:] if e < 0 else new[a:e]
    oa = old.rfind("\n", 0, p) + 1
    oe = old.find("\n", old_end)
    old_line = old[oa:] if oe < 0 else old[oa:oe]
    return bool(line.strip()) and bool(old_line.strip())


_BLOCK_END_MARGIN = 48
"""An edit this close to a block's end may change whether the block ends a sentence."""


class TextWalker(Walker):
    """A walker over versions given as text, re-reading only what changed.

    Each version is compared with the one before: the blocks outside the changed stretch of
    text are carried over untouched (only their place moves), and in a changed block only
    the sentences the edit touched are read again.
    """

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[_Block] = []
        self.cache = _BlockCache()  # whole blocks
        self.windows = _BlockCache()  # sentence windows (only their claims are kept)
        self.rules = _sentence_rules()
        self.text: str | None = None
        self.prev_text: str | None = None
        self.reader: Reader | None = None
        self.prev_reader: Reader | None = None
        self.latest_change: Version | None = None
        self.before_change: Version | None = None
        self.edit = (0, 0)  # the common prefix and suffix of the last two texts
        self.outlines: list[tuple[str, Outline]] = []
        self.no_outline: Outline | None = None
        self.reading: Reader | None = None  # the reader of the version being added
        self.seen: OrderedDict[tuple[tuple[int, int], int], list[Any]] = OrderedDict()
        self.display: dict[str, str] = {}  # a version's path -> the source its claims name

    def add(self, version: Version, text: str, reader: Reader) -> None:
        """Add the next version's text."""
        idx = self._version(version)
        self.reading = reader
        if text == self.text and reader is self.reader:
            return  # a rename, or a commit that touched nothing else: every figure carries
        key = (_digest(text), id(reader))
        snap = self.seen.get(key)
        if snap is not None:
            self._revert(idx, version, text, reader, key, snap)
            return
        if self.text is None or reader is not self.reader:
            lo, hi = 0, len(self.blocks)
            region = _spans(text)
            line0 = 1
            nl_delta = delta = 0
            old_region = self.blocks
        else:
            lo, hi, region, line0, delta, nl_delta = self._region(self.text, text)
            old_region = self.blocks[lo:hi]
        old_blocks = list(self.blocks)  # the version before, for the ids of figures that end
        pool: dict[str, list[_Block]] = {}
        for b in reversed(old_region):
            pool.setdefault(b.text, []).append(b)
        new_region: list[_Block] = []
        added: list[_Block] = []
        line, at = line0, region[0][0] if region else 0
        for a, e in region:
            line += text.count("\n", at, a)
            at = a
            t = text[a:e]
            same = pool.get(t) if reader is self.reader else None
            if same:
                blk = same.pop()
                blk.start, blk.line = a, line
            else:
                blk = _Block(t, a, line, ([], [], [], []))  # type: ignore[arg-type]
                added.append(blk)
            new_region.append(blk)
        removed = [b for bs in pool.values() for b in bs] if reader is self.reader else list(
            old_region)
        for b in self.blocks[hi:]:
            b.start += delta
            b.line += nl_delta
        old_claims: list[tuple[Claim, Track, int]] = []
        new_claims: list[tuple[Claim, _Block, int]] = []
        removed.sort(key=lambda b: b.start)
        windowed = False
        if len(removed) == 1 and len(added) == 1 and self.rules is not None:
            windowed = self._windowed(removed[0], added[0], reader, old_claims, new_claims)
        if not windowed:
            for b in added:
                read = self.cache.read(b.text, reader)
                b.claims, b.offs, b.lines, b.cols = read
                b.tracks = [None] * len(b.claims)
                new_claims.extend((c, b, k) for k, c in enumerate(b.claims))
            for b in removed:
                for k, (c, tr) in enumerate(zip(b.claims, b.tracks)):
                    if tr is not None:
                        old_claims.append((c, tr, b.start + b.offs[k]))
        self.blocks[lo:hi] = new_region
        if old_claims or new_claims:
            self._changed(idx, version, old_claims, new_claims, text, old_blocks)
        self.prev_text, self.text = self.text, text
        self.prev_reader, self.reader = self.reader, reader
        self.before_change, self.latest_change = self.latest_change, version
        self._remember(key)

    def _remember(self, key: tuple[tuple[int, int], int]) -> None:
        """Keep this version's state, for a later version with the same text (a revert)."""
        self.seen[key] = [
            (b.text, b.start, b.line, (b.claims, b.offs, b.lines, b.cols),
             [(t, len(t.points), t.claim, t.ident) if t is not None else None
              for t in b.tracks])
            for b in self.blocks
        ]
        self.seen.move_to_end(key)
        while len(self.seen) > _SEEN_KEPT:
            self.seen.popitem(last=False)

    def _revert(self, idx: int, version: Version, text: str, reader: Reader, key: tuple[tuple[int, int], int],
                snap: list[tuple[str, int, int, _Read, list[tuple[Track, int, Claim,
                                                            Identity | None] | None]]]) -> None:
        """This version's text is an earlier one's: go back to that version's state."""
        live = [t for b in self.blocks for t in b.tracks if t is not None]
        where = {id(t): b.start + b.offs[k] for b in self.blocks
                 for k, t in enumerate(b.tracks) if t is not None}
        blocks: list[_Block] = []
        state: list[tuple[Track, Claim, int, Identity | None]] = []
        makers: list[Callable[[], Claim]] = []
        for btext, start, line, read, tracks in snap:
            blk = _Block(btext, start, line, read)
            for k, entry in enumerate(tracks):
                if entry is None:
                    continue
                t, npoints, _claim, ident = entry
                blk.tracks[k] = t
                state.append((t, blk.claims[k], npoints, ident))
                makers.append(_placed(blk, k, version, self.display.get(version.path)))
            blocks.append(blk)

        old_blocks = list(self.blocks)

        def final_ids(ended: list[Track]) -> dict[int, str]:
            return _document_ids(old_blocks)

        for t in live:
            t.order = (where[id(t)], 0)
        self.restore(idx, state, live, makers, final_ids)
        self.blocks = blocks
        self.prev_text, self.text = self.text, text
        self.prev_reader, self.reader = self.reader, reader
        self.before_change, self.latest_change = self.latest_change, version
        self.seen.move_to_end(key)

    def _region(self, old: str, new: str) -> tuple[int, int, list[tuple[int, int]], int, int, int]:
        """The blocks around the changed stretch, and the new text's blocks in their place.

        The stretch is widened by one unchanged block on each side: its edges are then
        block boundaries in both versions, so the blocks outside it stay exactly as they were.
        """
        blocks = self.blocks
        p = _common_prefix(old, new)
        s = _common_suffix(old, new, min(len(old), len(new)) - p)
        self.edit = (p, s)
        old_end = len(old) - s
        delta = len(new) - len(old)
        # The first block that reaches the change, and the last that starts before it ends.
        i0 = bisect.bisect_left([b.start + len(b.text) for b in blocks], p)
        i1 = bisect.bisect_right([b.start for b in blocks], old_end) - 1
        if i0 == i1 and _inside(blocks[i0], old, new, p, old_end, old_end + delta):
            # The common case, an edit within the lines of one block: the blocks stay as
            # they are, only this one's text changes.
            b = blocks[i0]
            nl_delta = new.count("\n", p, old_end + delta) - old.count("\n", p, old_end)
            return i0, i0 + 1, [(b.start, b.end + delta)], b.line, delta, nl_delta
        lo = max(0, min(i0, i1 + 1) - 1)
        hi = min(len(blocks), max(i1, i0 - 1) + 2)
        r0 = 0 if lo == 0 else blocks[lo].start
        r1_old = len(old) if hi == len(blocks) else blocks[hi - 1].end
        r1_new = r1_old + delta
        line0 = 1 if lo == 0 else blocks[lo].line
        nl_delta = new.count("\n", r0, r1_new) - old.count("\n", r0, r1_old)
        return lo, hi, _spans(new, r0, r1_new), line0, delta, nl_delta

    def _windowed(
        self, old: _Block, new: _Block, reader: Reader,
        old_claims: list[tuple[Claim, Track, int]], new_claims: list[tuple[Claim, _Block, int]],
    ) -> bool:
        """Read *new* from *old* by its edited sentences; False when that does not apply."""
        assert self.rules is not None
        hint = None
        if self.text is not None and old.start == new.start:
            after = len(self.text) - (old.start + len(old.text))  # unchanged text after it
            hint = (self.edit[0] - old.start, max(0, self.edit[1] - after))
        got = _read_window(old, new.text, reader, self.rules, self.windows, hint)
        if got is None:
            return False
        read, kept, old_window, new_window = got
        new.claims, new.offs, new.lines, new.cols = read
        new.tracks = [None] * len(new.claims)
        for ko, kn in kept:
            new.tracks[kn] = old.tracks[ko]
        for ko in old_window:
            t = old.tracks[ko]
            if t is not None:
                old_claims.append((old.claims[ko], t, old.start + old.offs[ko]))
        new_claims.extend((new.claims[kn], new, kn) for kn in new_window)
        return True

    def _outline(self, text: str) -> Outline:
        """The heading outline of *text* (one of the last two versions), read once; none for
        plain text, whose headings are not marked."""
        from factcheck.identity import Outline  # noqa: PLC0415
        from factcheck.readers import read_markdown  # noqa: PLC0415

        if self.reader is not read_markdown and self.reading is not read_markdown:
            if self.no_outline is None:
                self.no_outline = Outline(None)
            return self.no_outline

        for t, o in self.outlines:
            if t is text:
                return o
        o = Outline(text)
        self.outlines = [*self.outlines[-1:], (text, o)]
        return o

    def _changed(self, idx: int, version: Version, old_claims: list[tuple[Claim, Track, int]],
                 new_claims: list[tuple[Claim, _Block, int]], text: str,
                 old_blocks: list[_Block]) -> None:
        from factcheck.identity import identify  # noqa: PLC0415

        nc = [c for c, _, _ in new_claims]
        new_outline = self._outline(text)
        new_ids = identify(nc, text, [b.start + b.offs[k] for _, b, k in new_claims],
                           new_outline)
        oc = [c for c, _, _ in old_claims]
        old_ids: list[Identity] | None = None
        old_paths: list[tuple[str, ...]] = []
        if self.text is not None and oc:
            old_outline = self._outline(self.text)
            old_ids = identify(oc, self.text, [w for _, _, w in old_claims], old_outline)
            old_paths = old_outline.all_paths()
        pairs = _pair_indices(oc, nc, old_ids, new_ids, old_paths, new_outline.all_paths())
        born: list[int] = []
        ended: list[tuple[Track, int]] = []
        for i, j in pairs:
            if i < 0:
                born.append(j)
                continue
            _, t, where = old_claims[i]
            if j < 0:
                ended.append((t, where))
                continue
            n, blk, k = new_claims[j]
            self.carry(t, idx, n, _placed(blk, k, version, self.display.get(version.path)), new_ids[j])
            blk.tracks[k] = t
        for j in born:
            n, blk, k = new_claims[j]
            blk.tracks[k] = self.born(idx, n, _placed(blk, k, version, self.display.get(version.path)), new_ids[j])
        if ended:
            # An ended figure keeps the id it had in the last version it was in: the ids
            # that version's claims get, in order, as extraction gives them.
            ids = _document_ids(old_blocks)
            for t, where in ended:
                t.order = (where, 0)
                self.died(t, idx - 1, ids.get(id(t)))

    def finish_text(self, source: str, kind: str = "git") -> History:
        """Read the latest (and previous) version whole; give live figures their ids."""
        from factcheck.extraction import extract  # noqa: PLC0415

        latest = previous = None
        if self.text is not None and self.reader is not None:
            v = self.versions[-1]
            latest = extract(self.text, source=self.display.get(v.path, v.path),
                             reader=self.reader, revision=v.commit)
            self._bind_final(latest)
        if (self.prev_text is not None and self.prev_reader is not None
                and self.before_change is not None):
            pv = self.before_change
            previous = extract(self.prev_text, source=self.display.get(pv.path, pv.path),
                               reader=self.prev_reader,
                               revision=pv.commit)
        return self.finish(source, kind, latest, previous)

    def _bind_final(self, latest: Document) -> None:
        """Tie each live figure to its claim in the latest version read whole."""
        by_offset = {c.provenance.offset: (i, c) for i, c in enumerate(latest.claims)}
        unbound: list[Track] = []
        bound: set[int] = set()
        for b in self.blocks:
            for k, (c, t) in enumerate(zip(b.claims, b.tracks)):
                if t is None:
                    continue
                hit = by_offset.get(b.start + b.offs[k])
                if hit is None or hit[0] in bound or _differs(hit[1], c):
                    unbound.append(t)
                    continue
                i, whole = hit
                t.final, t.id, t.order = whole, whole.id, (i, 0)
                bound.add(i)
        rest = [c for i, c in enumerate(latest.claims) if i not in bound]
        if not unbound and not rest:
            return
        # Reading a block alone differed from reading the whole text (words that run across
        # a blank line, say): pair what is left the usual way.
        self.notes.append(
            f"{len(unbound) + len(rest)} figure(s) of the latest version were re-paired after "
            "reading it whole"
        )
        idx = len(self.versions) - 1
        index = {id(c): i for i, c in enumerate(latest.claims)}
        for i, j in _pair_indices([t.claim for t in unbound], rest):
            t = unbound[i] if i >= 0 else None
            if j < 0:
                assert t is not None
                self.died(t, max(idx - 1, 0), None)
                continue
            n = rest[j]
            if t is None:
                t = self.born(idx, n, _const(n))
            elif _differs(t.claim, n):
                self._point(t, idx, n, _const(n))
            t.claim = t.final = n
            t.id, t.order = n.id, (index[id(n)], 0)
