"""The identity of a figure: what a reader would call it, built once and used everywhere.

A figure is known by where it stands and what names it, not only by its number: the path of
headings above it (every level), the row and column headers of its table cell, the bold or
"Label:" label that introduces it, and its own words. :func:`identify` builds that record
for a version's claims; :mod:`factcheck.differ` pairs claims only within the same place (the
same headings, or headings renamed between the versions) and :mod:`factcheck.tracking`
reconnects a figure that vanished and came back only by a name that says what it is.

Extraction keeps only the nearest heading on a claim; the heading path, table headers and
label are read here from the claim's text and provenance (offset, sentence, span).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

import attrs

from factcheck.claim import Claim

__all__ = ["GENERIC_NAMES", "Identity", "Outline", "identify", "places"]

GENERIC_NAMES = frozenset(
    """
    total totals male female males females men women figure figures value values number
    numbers count amount amounts note notes est estimate estimates rate rates share shares
    percent percentage other others overall all average mean median min max minimum maximum
    limit limits size duration time period year years month months week weeks day days hour
    hours date funding area distance volume mass energy power multiple multiples result
    results item items change growth increase decrease yes no n/a na default current new
    old first last previous next per unit units level levels score
    """.split()
)
"""Names that say nothing of what a figure is ("total:", "**Note**", a fallback counted noun):
they neither tell two figures apart nor carry a figure's identity across a gap."""

_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                       "\u00a0": " "})
_MARKUP = re.compile(r"[*_`~]+|\[|\]\([^)]*\)|<[^>]{0,80}>")
_WORDS = re.compile(r"[a-z0-9]+(?:['.-][a-z0-9]+)*")
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$", re.M)
_BOLD_LABEL = re.compile(r"^\s*(?:[-*+>]\s+|\d{1,3}[.)]\s+)?(?:\*\*|__)(?P<l>[^*_\n]{1,100}?)"
                         r"(?:\*\*|__)\s*[:=\-–—]?\s*(?:\*\*)?\s*\(?\s*$")
_SEPARATOR = re.compile(r"\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*")
_COLON_LABEL = re.compile(r"^\s*(?:[-*+>]\s+|\d{1,3}[.)]\s+)?(?P<l>[^\s:|][^:|.!?\n]{0,79}?)"
                          r"\s*:\s*(?:\*\*|__)?\s*\(?\s*$")


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Text folded for comparison: markup dropped, case, quotes, dashes and spaces folded."""
    t = _MARKUP.sub(" ", text.translate(_FOLD)).casefold()
    return " ".join(_WORDS.findall(t))


def is_generic(name: str) -> bool:
    """True when a folded name says nothing of which figure it is ("total", "note", "")."""
    words = [w for w in name.split() if not w.isdigit()]
    return not words or all(w in GENERIC_NAMES or len(w) < 2 for w in words)


@attrs.frozen
class Identity:
    """What identifies one figure of a version (every text folded for comparison)."""

    path: tuple[str, ...]
    """The headings above the figure, outermost first (empty before the first heading)."""
    label: str = ""
    """The bold or "Label:" label that introduces the figure's line ("rate limit")."""
    row: str = ""
    """The row header of the figure's table cell."""
    column: str = ""
    """The column header of the figure's table cell."""
    marked: tuple[str, ...] = ()
    """The headings of ``path`` that the text marks as headings (Markdown ``#`` or an
    underline), as opposed to a line the extractor takes for one: the structure that
    decides which figures may pair (:func:`places`)."""

    @property
    def heading(self) -> str:
        """The nearest heading ("" before the first)."""
        return self.path[-1] if self.path else ""

    @property
    def name(self) -> str:
        """The most specific name the structure gives: the row header, else the label."""
        return self.row or self.label

    @property
    def named(self) -> bool:
        """True when the structure names the figure with words that are not generic."""
        return bool(self.name) and not is_generic(self.name)


class Outline:
    """The Markdown headings of a text (ATX ``#`` and setext underlines), with their levels."""

    __slots__ = ("starts", "paths", "title")

    def __init__(self, text: str | None) -> None:
        self.title = _title(text)
        found: list[tuple[int, int, str]] = []
        if text:
            for m in _ATX.finditer(text):
                found.append((m.start(), len(m.group(1)), fold(m.group(2))))
            if "\n=" in text or "\n-" in text or "\n " in text:
                for m in _SETEXT.finditer(text):
                    prev_end = m.start() - 1
                    if prev_end <= 0:
                        continue
                    prev_start = text.rfind("\n", 0, prev_end) + 1
                    title = text[prev_start:prev_end]
                    if not title.strip() or title.lstrip().startswith(("|", "-", "*", "#", ">")):
                        continue
                    if m.group(1)[0] == "-" and len(m.group(1)) < 2:
                        continue
                    found.append((prev_start, 1 if m.group(1)[0] == "=" else 2, fold(title)))
            skip = _front_matter_end(text)
            found = sorted(f for f in found if f[0] >= skip)
        self.starts: list[int] = []
        self.paths: list[tuple[str, ...]] = []
        stack: list[tuple[int, str]] = []
        for at, level, title in found:
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, title))
            self.starts.append(at)
            path = tuple(t for _, t in stack if t)
            if path and path[0] == self.title and found[0][1] == 1:
                path = path[1:]  # the document's title names the page, not a part of it
            self.paths.append(path)

    def path_at(self, offset: int) -> tuple[str, ...]:
        """The heading path in force at *offset*."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.paths[i] if i >= 0 else ()

    def all_paths(self) -> list[tuple[str, ...]]:
        """Every heading's path, in document order."""
        return [p for p in self.paths if p]


def _label(claim: Claim, text: str | None, at: int) -> str:
    """The label introducing the claim's line: "**Certificates per Registered Domain**",
    "Rate limit:", "**total:**"; "" when the words before the figure are not a label.

    Read from the line in the text (a Markdown reader drops the bold from the sentence),
    else from the sentence."""
    if text is not None and 0 <= at <= len(text):
        before = text[text.rfind("\n", 0, at) + 1:at]
        if len(before) > 200:
            return ""
    else:
        p = claim.provenance
        start = p.sentence_span[0]
        if not 0 < start <= len(p.sentence):
            return ""
        before = p.sentence[:start]
    cut = before.rfind("|")
    if cut >= 0:
        return ""  # a table cell: its headers name it
    m = _BOLD_LABEL.match(before) or _COLON_LABEL.match(before)
    if m is None:
        # A bold label with words of the figure's own between it and the figure:
        # "**Certificates per Registered Domain** (50 per week)" or "**Pods:** up to 110".
        m2 = re.match(r"^\s*(?:[-*+>]\s+)?(?:\*\*|__)(?P<l>[^*_\n]{1,100}?)(?:\*\*|__)", before)
        if m2 is None:
            return ""
        return fold(m2.group("l"))
    return fold(m.group("l"))


def _cells(line: str) -> list[tuple[int, int]]:
    """The (start, end) of each cell of a pipe-table line, outer pipes left out."""
    bars = [i for i, ch in enumerate(line) if ch == "|" and (i == 0 or line[i - 1] != "\\")]
    if not bars:
        return []
    out = []
    edges = bars if line.lstrip().startswith("|") else [-1, *bars]
    for a, b in zip(edges, edges[1:]):
        out.append((a + 1, b))
    tail = edges[-1] + 1
    if line[tail:].strip():
        out.append((tail, len(line)))
    return out


def _table_headers(text: str, offset: int, memo: dict[int, str]) -> tuple[str, str]:
    """The (row header, column header) of the pipe-table cell at *offset*, or ("", "").

    *memo* maps a table line's start to its table's header line, so that a table's header
    is looked for once, not once per cell (a long table stays linear)."""
    a = text.rfind("\n", 0, offset) + 1
    e = text.find("\n", offset)
    e = len(text) if e < 0 else e
    line = text[a:e]
    if line.count("|") < 2 and not line.lstrip().startswith("|"):
        return "", ""
    cells = _cells(line)
    col = next((k for k, (s, t) in enumerate(cells) if s <= offset - a < t + 1), -1)
    if col < 0:
        return "", ""
    row = fold(line[cells[0][0]:cells[0][1]]) if col > 0 else ""
    # The header row: the line above the first |---| separator line of this table.
    header = memo.get(a)
    if header is None:
        header = ""
        b = a
        seen = [a]
        while b > 0:
            pb = text.rfind("\n", 0, b - 1) + 1
            if pb in memo:
                header = memo[pb]
                break
            prev = text[pb:b - 1]
            if "|" not in prev:
                break
            if _SEPARATOR.fullmatch(prev):
                hb = text.rfind("\n", 0, pb - 1) + 1 if pb > 0 else 0
                header = text[hb:pb - 1] if pb > 0 else ""
                break
            seen.append(pb)
            b = pb
        for at in seen:
            memo[at] = header
    column = ""
    if header:
        hc = _cells(header)
        if col < len(hc):
            column = fold(header[hc[col][0]:hc[col][1]])
    if not header:
        return "", ""  # the header line itself, or no table
    return row, column


def identify(
    claims: Sequence[Claim],
    text: str | None = None,
    offsets: Sequence[int] | None = None,
    outline: Outline | None = None,
) -> list[Identity]:
    """The identity of each claim of one version.

    *text* is the version's text (the heading path and table headers are read from it at
    each claim's offset, *offsets* when the claims' own are not the text's); without it the
    path is the claim's section and a cell's headers are unknown.
    """
    if outline is None and text is not None:
        outline = Outline(text)
    title = outline.title if outline is not None else None
    out: list[Identity] = []
    memo: dict[int, str] = {}
    for k, c in enumerate(claims):
        at = offsets[k] if offsets is not None else c.provenance.offset
        section = fold(c.provenance.section or "")
        path: tuple[str, ...] = outline.path_at(at) if outline is not None else ()
        marked = path
        if section and (not path or path[-1] != section):
            path = (*path, section)
        if path and path[0] == title:
            path = path[1:]  # the document's title names the page, not a part of it
        row = column = ""
        if text is not None and "|" in c.provenance.sentence:
            row, column = _table_headers(text, at, memo)
        out.append(Identity(path=path, label=_label(c, text, at), row=row, column=column, marked=marked))
    return out


_FRONT = re.compile(r"(?:---|\+\+\+)[ \t]*\n")


def _front_matter_end(text: str) -> int:
    """Where YAML (``---``) or TOML (``+++``) front matter at the top of a text ends (0 when
    there is none): its lines are metadata, not headings."""
    m = _FRONT.match(text)
    if m is None:
        return 0
    fence = m.group(0).strip()
    end = re.compile(rf"^{re.escape(fence)}[ \t]*$", re.M).search(text, m.end())
    return end.end() if end is not None else 0


def _title(text: str | None) -> str | None:
    """The document's title: its first line after any front matter, folded (when it reads
    as a heading)."""
    if not text:
        return None
    line = text[_front_matter_end(text):].lstrip().split("\n", 1)[0]
    if line.startswith("##") or len(line) > 200:
        return None  # a section's heading, or a paragraph
    return fold(line.lstrip("# "))


def places(
    old: Sequence[Identity],
    new: Sequence[Identity],
    old_paths: Iterable[tuple[str, ...]] = (),
    new_paths: Iterable[tuple[str, ...]] = (),
) -> tuple[list[str], list[str]]:
    """Each claim's place, so that an old and a new claim may pair only in the same place.

    A place is a path of headings the text marks as such (Markdown); a line the extractor
    only takes for a heading (a short line in capitals) is no such boundary. The paths of both versions (*old_paths* and
    *new_paths*, every heading in order, with the claims' own paths) are aligned in order;
    a heading kept in both is its own place. Where the headings between two kept ones
    changed, one for one, each old heading was renamed to the new one in its place; where
    several were replaced by a different number, an old heading is renamed to a new one of
    the stretch, in order, whose name keeps most of its words. A heading added inside a
    kept section is that section's place, as is one removed from it (a section split or
    merged). Any other heading is a place of its own: its figures pair with nothing across.
    """
    # A version none of whose figures stand under a marked heading (plain text, its headings
    # guessed, against the same text read from a PDF or a page) tells no places apart: its
    # figures may pair with any of the other's.
    if not any(i.marked for i in old) or not any(i.marked for i in new):
        return [""] * len(old), [""] * len(new)
    oseq = _distinct([(), *old_paths, *(i.marked for i in old)])
    nseq = _distinct([(), *new_paths, *(i.marked for i in new)])
    # Aligned in one order whichever version is called old, so that swapping the versions
    # mirrors the result (an alignment can break ties either way).
    if oseq <= nseq:
        old_map, new_map = _place_maps(oseq, nseq)
    else:
        new_map, old_map = _place_maps(nseq, oseq)
    return ([old_map.get(i.marked) or _key(i.marked) for i in old],
            [new_map.get(i.marked) or _key(i.marked) for i in new])


def _place_maps(
    oseq: list[tuple[str, ...]], nseq: list[tuple[str, ...]],
) -> tuple[dict[tuple[str, ...], str], dict[tuple[str, ...], str]]:
    """The two versions' heading paths aligned: each side's changed paths -> their place."""
    oset, nset = set(oseq), set(nseq)
    old_map: dict[tuple[str, ...], str] = {}
    new_map: dict[tuple[str, ...], str] = {}
    sm = SequenceMatcher(None, oseq, nseq, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        olds = [p for p in oseq[i1:i2] if p not in nset]
        news = [p for p in nseq[j1:j2] if p not in oset]
        if olds and news:
            rest_old, rest_new = [], list(news)
            if len(olds) == len(news):
                # One for one in place: renamed, when at the same depth under the same (or
                # the renamed) parent.
                for o, n in zip(olds, news):
                    if len(o) == len(n) and (o[:-1] == n[:-1] or (
                            old_map.get(o[:-1]) == _key(n[:-1]))):
                        old_map[o] = _key(n)
                        rest_new.remove(n)
                    else:
                        rest_old.append(o)
            else:
                rest_old = list(olds)
            # The rest: a heading renamed is one whose name is still recognisable, in order
            # ("Rate limits" → "Rate limits (2024)").
            at = 0
            olds, rest_old = rest_old, []
            for o in olds:
                hit = next((n for n in rest_new[at:] if _alike(o[-1], n[-1])), None)
                if hit is None:
                    rest_old.append(o)
                    continue
                old_map[o] = _key(hit)
                at = rest_new.index(hit)
                rest_new.pop(at)
            olds, news = rest_old, rest_new
        for p in olds:
            parent = _kept_parent(p, nset)
            if parent is not None:
                old_map[p] = _key(parent)
        for p in news:
            parent = _kept_parent(p, oset)
            if parent is not None:
                new_map[p] = _key(parent)
    return old_map, new_map


def _alike(a: str, b: str) -> bool:
    """Two heading names that are one renamed: most of their words the same."""
    wa, wb = set(a.split()), set(b.split())
    return bool(wa and wb) and 2 * len(wa & wb) >= max(len(wa), len(wb))


def _key(path: tuple[str, ...]) -> str:
    return "\x1f".join(path)


def _kept_parent(path: tuple[str, ...], other: set[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The nearest heading above *path* that the other version has too, if any."""
    for k in range(len(path) - 1, 0, -1):
        if path[:k] in other:
            return path[:k]
    return None


def _distinct(paths: Iterable[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Paths in their first order, each once (every prefix of a path counted as one too)."""
    seen: dict[tuple[str, ...], None] = {}
    for p in paths:
        for k in range(0 if not p else 1, len(p) + 1):
            seen.setdefault(p[:k], None)
    return list(seen)
