"""Diff two versions of a factsheet in figures: pair every claim with its counterpart, then say
what happened to each figure ("members 81 → 83 (+2)").

Matching (:func:`match`) pairs claims one to one, in passes that all stay near-linear:

1. **Exact context.** Each claim gets a key: its dimension, its normalised counted noun
   ("Coalition partners" → "coalition partner") and its sentence with *every* figure masked
   (its own and its neighbours', qualifiers and counted nouns included), case and
   whitespace folded. Claims with equal keys pair in document order. Reflowed lines,
   reordered paragraphs, numbers rewritten in another style ("23" → "twenty-three", "62%"
   → "62 per cent") and changed figures in an otherwise unchanged sentence all pair here.
   A figure of a **series** (its sentence or table row gives the same counted noun at other
   times: "| Employees | 38,900 | 41,250 |" under "2021", "2022"; "5.6% in 2023 and 3.2%
   in 2024") is keyed by its time as well, and pairs with the figure of its time: when a
   table's years move on, the old 2022 column pairs the new 2022 column, the 2021 column is
   removed and the 2024 one added. Two figures of a series at different times never pair.
   Then the same as the first key with dates masked ("in 2022" → "in 2023", "as of 30
   September" → "as of 31 March", "Q3", "FY2024"), where a key is held by as many unpaired
   claims on each side: an annual update's sentence whose year and figures moved on.
2. **Fuzzy.** The rest are put into blocks that share the dimension and one of: the id, the
   counted noun, the last five letters of the counted head noun ("strike" and "airstrike"
   meet in ``trike``), or one of the two rarest words of the masked sentence. Within a
   block every pair is a candidate when the block is small; a large block only pairs
   neighbours in relative document position. Candidates are scored with rapidfuzz: the
   counted noun, and the sentence (figures and dates masked) aligned at the claim's own
   figure, the words before it against the words before, the words after against the words
   after, so that two figures of one sentence never trade places; then the same heading,
   and the same place among the pairs already made (between the same two pairs that kept
   their order), add a little, the id almost nothing (its number, "people-3", shifts when
   a figure of the same noun is added or removed above). A generic counted noun ("share",
   "funding", "figure") is no evidence: such a claim pairs only when its sentence is alike.
   Pairs are accepted greedily, best first, above a cutoff. No pass compares whole
   documents pair by pair.

Claims of different dimensions (a count, an area, US dollars, euros) never pair. Every
score and tie-break is symmetric, so ``match(b, a)`` is ``match(a, b)`` mirrored.

Classifying a pair (:func:`diff`) is unit-aware: the new figure is converted into the old
claim's unit and the two *agree* when they are equal or differ by less than half the
coarser stated precision ("110,000 sq km" and "42,471 sq mi"; "4.3 million" and "4.27
million"). A pair that agrees and has the same qualifier and precision is the same figure
(``reworded``, ``moved`` or ``unchanged``); one that agrees but whose qualifier or precision
changed is ``requalified``; one that does not agree is ``changed``.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from factcheck import extraction_words as _W
from factcheck.claim import Claim, Document

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.identity import Identity

__all__ = [
    "CHANGE_KINDS",
    "FIGURE_KINDS",
    "HIDDEN_KINDS",
    "Change",
    "DiffReport",
    "DiffWarning",
    "FindingChange",
    "change_delta_text",
    "delta_text",
    "diff",
    "figure_span",
    "load_version",
    "match",
    "normalise_counted",
    "relative_text",
]

CHANGE_KINDS = ("changed", "requalified", "added", "removed", "reworded", "moved", "unchanged")
"""Every kind of :class:`Change`, in the order reports list them."""
FIGURE_KINDS = frozenset({"changed", "requalified", "added", "removed"})
"""Kinds that are a change in figures: they are shown by default and make ``--exit-code`` fail."""
HIDDEN_KINDS = frozenset({"reworded", "moved"})
"""Same figure, other wording or place: counted, but shown only when asked (``all=True``)."""

Pair = tuple[Claim | None, Claim | None]
"""One old claim and its counterpart in the new version; ``None`` on a side: added/removed."""


# --------------------------------------------------------------------------- records


@attrs.frozen
class Change:
    """What happened to one figure between two versions.

    ``delta`` is ``new - old`` in the *old* claim's unit (after converting the new figure),
    for ``changed`` and ``requalified`` pairs; ``relative`` is ``delta / old``. ``aspects``
    names what differs: ``value``, ``qualifier``, ``precision``, ``unit``, ``counted``,
    ``wording``, ``section``, ``order``.
    """

    kind: str
    old: Claim | None
    new: Claim | None
    delta: Fraction | None = None
    relative: Fraction | None = None
    message: str = ""
    aspects: tuple[str, ...] = ()

    @property
    def claim(self) -> Claim:
        """The claim to show for this change: the new one, or the old one when removed."""
        c = self.new if self.new is not None else self.old
        assert c is not None  # a change always has at least one side
        return c

    @property
    def label(self) -> str:
        """What is counted, with its scope: "terrain in Iraq", "strikes (now airstrikes)"."""
        return _label(self.old, self.new)


@attrs.frozen
class DiffWarning:
    """Something about a figure's change that deserves a second look.

    ``kind`` is ``cumulative-shrank`` (a running total went down), ``unit-changed`` (the
    same figure in another unit of the same dimension), ``dimension-changed`` (the same
    counted thing, now measured in something that does not convert: a count became a
    percentage, dollars became euros) or ``scale-slip`` (the same digits a thousandfold
    apart, with a scale word on either side: "$18.6 million" → "$18.6 billion"; a scale word
    may be wrong).
    """

    kind: str
    message: str
    old: Claim | None = None
    new: Claim | None = None


@attrs.frozen
class FindingChange:
    """A consistency finding (from the ``check`` verb) present in only one version.

    ``claim_ids`` are the ids of the claims it is about, in the version where it is found.
    """

    rule: str
    verdict: str
    message: str
    claim_ids: tuple[str, ...] = ()
    finding: Any = attrs.field(default=None, eq=False, repr=False)
    """The finding record itself, as the consistency check returned it."""


@attrs.frozen
class DiffReport:
    """Two versions of a factsheet compared in figures: the result of :func:`diff`.

    ``changes`` holds one :class:`Change` for every pair and every added or removed claim,
    ``unchanged`` ones included (renderers never show those, nor ``reworded``/``moved``
    unless asked), in the new version's order with removed claims where they stood.
    """

    old: Document
    new: Document
    changes: tuple[Change, ...] = ()
    warnings: tuple[DiffWarning, ...] = ()
    findings_appeared: tuple[FindingChange, ...] = ()
    findings_disappeared: tuple[FindingChange, ...] = ()
    findings_checked: bool = False
    """True when the consistency checks ran on both versions (this installation has them)."""

    @property
    def has_changes(self) -> bool:
        """True when a figure changed, was requalified, added or removed, or a finding came or
        went: what ``factcheck diff --exit-code`` exits 1 for."""
        return (
            any(c.kind in FIGURE_KINDS for c in self.changes)
            or bool(self.findings_appeared)
            or bool(self.findings_disappeared)
        )

    def visible(self, all: bool = False) -> tuple[Change, ...]:  # noqa: A002 - the CLI's --all
        """The changes a report shows: figure changes, plus reworded/moved when *all*."""
        shown = FIGURE_KINDS | HIDDEN_KINDS if all else FIGURE_KINDS
        return tuple(c for c in self.changes if c.kind in shown)

    def counts(self) -> dict[str, int]:
        """How many changes of each kind, every kind present (``unchanged`` included)."""
        out = dict.fromkeys(CHANGE_KINDS, 0)
        for c in self.changes:
            out[c.kind] += 1
        return out

    def summary(self) -> str:
        """One line in words: "4 changed, 0 requalified, 1 added, 4 removed; 2 reworded, ..."."""
        n = self.counts()
        head = ", ".join(f"{n[k]} {k}" for k in ("changed", "requalified", "added", "removed"))
        tail = f"{n['reworded']} reworded, {n['moved']} moved, {n['unchanged']} unchanged"
        text = f"{head}; {tail}"
        if self.findings_appeared or self.findings_disappeared:
            text += (
                f"; findings: {len(self.findings_appeared)} appeared, "
                f"{len(self.findings_disappeared)} disappeared"
            )
        return text


# --------------------------------------------------------------------------- loading


def load_version(spec: Document | str | os.PathLike[str]) -> Document:
    """The document a diff argument names: a :class:`Document` as it is, or a path to a
    factsheet text or snapshot file (read with :func:`factcheck.sources.load`).

    This is the one place that turns a command-line argument into a version, so that new
    ways of naming one (a git ``REV:PATH``) are added here.
    """
    if isinstance(spec, Document):
        return spec
    from factcheck.sources import load  # noqa: PLC0415

    return load(spec)


# --------------------------------------------------------------------------- normalising

_FOLD = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " ",
     "\u2011": "-"}
)
_OWN = "\x01"  # where the claim's own figure was, in a masked sentence
_OTHER = "\x02"  # where another figure of the same sentence was
_CONTEXT_CHARS = 160  # masked sentence kept on each side of the figure: long enough to tell
# sentences apart, short enough that fuzzy scoring stays cheap on run-on bullet lists
_WORD = re.compile(r"[a-z0-9]+")
_WORDY = re.compile(r"[a-z]{3}.*?[^a-z][a-z]{3}", re.S)
"""Two words of three letters or more."""
_WORD_ONLY = re.compile(r"[^a-z]+")
_NOUN_SPLIT = re.compile(r"[^a-z0-9]+")
_IRREGULAR = {
    "people": "person", "persons": "person", "children": "child", "women": "woman",
    "men": "man", "data": "data", "series": "series", "news": "news", "species": "species",
}
_FALLBACK_NOUNS = frozenset(
    {"funding", "area", "distance", "duration", "share", "multiple", "mass", "volume",
     "energy", "power", "figure", "percentage points", "percentage point"}
)
"""What extraction calls a figure whose counted noun it could not find: these say nothing
about what the figure is, so they neither help nor hurt a pairing."""
_STOP = frozenset(
    "the and that with from have has had been were was this their they them than more over "
    "into also which while including across since about some other its it's our for".split()
)


_MONTHS = "|".join(sorted(
    (w.lower() for m in _W.MONTHS for w in m if w and w != "May"), key=len, reverse=True))
_DATE = re.compile(
    r"(?<![a-z0-9])(?:"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s)?(?:{_MONTHS})\b\.?(?:\s\d{{1,2}}(?:st|nd|rd|th)?\b)?"
    r"|(?:(?:fy|cy|sfy)\s?)?(?:1[89]|20)\d\d(?:[/-](?:(?:1[89]|20)\d\d|\d\d))?\b"
    r"|[qh][1-4]\b"
    # "may" is a month only beside a day or a year ("may increase" is not a date)
    r"|\d{1,2}(?:st|nd|rd|th)?\smay\b|may\s(?:\d{1,2}(?:st|nd|rd|th)?|(?:1[89]|20)\d\d)\b"
    r")"
)
_DATED = "\x03"  # where a date was, in a masked sentence compared loosely


def _all_masked(loose: str) -> str:
    """A loose masked sentence with its own figure masked as any other: the same for every
    figure of the sentence."""
    return loose.replace(_OWN, _OTHER)


def _undated(ctx: str) -> str:
    """A folded masked sentence with its dates masked too: "in 2022" and "in 2023", "as of
    30 September" and "as of 31 March", "Q3" and "Q4" read the same. Annual and monthly
    updates move every date on; what a sentence says of its figures stays."""
    return _DATE.sub(_DATED, ctx)


def _fold(text: str) -> str:
    return " ".join(text.translate(_FOLD).casefold().split())


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=65536)
def normalise_counted(counted: str) -> str:
    """A counted noun folded for comparison: "Coalition partners" → "coalition partner"."""
    t = re.sub(r"['’]s\b", "", counted.casefold())
    return " ".join(_singular(w) for w in _NOUN_SPLIT.split(t) if w)


def figure_span(claim: Claim) -> tuple[int, int]:
    """Where the claim's own words (qualifier, figure, unit, counted noun) sit in its sentence.

    This is ``provenance.sentence_span``, checked against the quote: extraction can leave it a
    character or two off when the sentence text was stripped of leading blanks (a bulleted
    line), so the quote is looked for next to it and the found place is used.
    """
    sentence = claim.provenance.sentence
    a, b = claim.provenance.sentence_span
    quote = " ".join(claim.provenance.quote.split())
    if not quote or sentence[a:b] == quote:
        return a, b
    at = sentence.find(quote, max(0, a - 8), b + 8 + len(quote))
    if at < 0:
        return min(a, len(sentence)), min(b, len(sentence))
    return at, at + len(quote)


def _masked_contexts(claims: Sequence[Claim]) -> list[str]:
    """Each claim's sentence with every figure of that sentence masked, folded.

    Claims of one sentence are consecutive in a document and share its sentence text; their
    spans say where each figure's own words are.
    """
    out: list[str] = [""] * len(claims)
    i = 0
    n = len(claims)
    while i < n:
        sentence = claims[i].provenance.sentence
        j = i + 1
        last = figure_span(claims[i])
        while j < n and claims[j].provenance.sentence == sentence:
            span = figure_span(claims[j])
            if span[0] < last[1]:  # a repeated sentence starts again: another group
                break
            last = span
            j += 1
        spans = [figure_span(claims[k]) for k in range(i, j)]
        for k in range(i, j):
            pieces: list[str] = []
            at = 0
            own_at = 0
            for m, (a, b) in enumerate(spans):
                a = max(a, at)
                if b <= a:
                    continue
                pieces.append(sentence[at:a])
                if m == k - i:
                    own_at = sum(len(p) for p in pieces)
                pieces.append(_OWN if m == k - i else _OTHER)
                at = b
            pieces.append(sentence[at:])
            masked = "".join(pieces)
            if len(masked) > 2 * _CONTEXT_CHARS:
                masked = masked[max(0, own_at - _CONTEXT_CHARS): own_at + _CONTEXT_CHARS]
            out[k] = _fold(masked)
        i = j
    return out


def _dimension_key(claim: Claim) -> str:
    """The class of figures a claim may pair with: counts with counts, shares with shares,
    an area with an area in any unit, each currency alone."""
    unit = claim.unit
    if unit == "count":
        return "count"
    if unit in ("percent", "dimensionless"):
        return "multiple" if claim.kind == "multiple" else "share"
    from factcheck.units import UNKNOWN, dimension  # noqa: PLC0415 - builds pint on demand

    if unit == UNKNOWN:
        return "unknown"
    dim = dimension(unit)
    if dim == UNKNOWN:
        return f"unit:{unit}"
    if "count" in unit:  # a rate of things ("count/day") is not a rate of anything else
        return f"count:{dim}"
    return dim or "share"


@attrs.frozen
class _Key:
    """What matching knows about one claim (computed once per claim).

    ``ctx`` is the masked sentence as written (the exact pass and the ``wording`` aspect);
    ``loose`` is the same with dates masked too ("in 2022", "as of 30 September", "Q4",
    "FY2023"), and ``left``/``right`` are ``loose`` cut at the claim's own figure: what the
    later passes compare, so that a sentence whose year moved on is still the same sentence,
    and two figures of one sentence are told apart by which side of the words they sit on.
    The last three are filled in by :func:`_loosened` once the exact pass is done.
    """

    dim: str
    noun: str
    head: str
    ctx: str
    section: str
    scope: str
    cid: str
    fallback: bool
    loose: str = ""
    left: str = ""
    right: str = ""
    bare: bool = False
    """Fewer than two words of three letters or more around the figures: the sentence is
    no evidence of what a figure is ("$54.5M 7.3%", a table's cell)."""
    when: str = ""
    """The time the figure is of, when it is one of a series: its sentence (or table row)
    gives the same counted noun at other times ("| Employees | 38,900 | 41,250 |" under
    "2021", "2022"; "5.6% in 2023 and 3.2% in 2024"). Empty otherwise."""
    unit: str = ""
    size: float = 0.0
    """The figure's magnitude in ``unit`` (its absolute value): figures far apart in size
    pair only when the words around them are alike (:data:`_FAR_APART`)."""
    label: str = ""
    """The bold or "Label:" label introducing the figure's line, folded ("total")."""
    tag: str = ""
    """The words that name the figure in a list, just before its parenthesis ("adult men
    (3.2 percent)", "teenagers (11.6 percent)"), folded; "" when none (:func:`_list_tag`)."""
    place: str = ""
    """Where the figure stands: its heading path, with a heading renamed between the
    versions under its new name (:func:`factcheck.identity.places`). Claims pair only in
    the same place, except a figure whose own words moved unchanged (see :func:`match`)."""


def _series_times(claims: Sequence[Claim], nouns: Sequence[str]) -> list[str]:
    """For each claim, its time when its sentence gives the same counted noun at another
    time too (a series: a table row under year headings, "5.6% in 2023 and 3.2% in 2024");
    "" otherwise. Claims of one sentence are consecutive."""
    out = [""] * len(claims)
    i, n = 0, len(claims)
    while i < n:
        sentence = claims[i].provenance.sentence
        j = i + 1
        while j < n and claims[j].provenance.sentence == sentence:
            j += 1
        if j - i > 1:
            times: dict[str, set[str]] = defaultdict(set)
            for k in range(i, j):
                when = claims[k].time.as_of
                if when:
                    times[nouns[k]].add(_fold(when))
            for k in range(i, j):
                as_of = claims[k].time.as_of
                if as_of and len(times[nouns[k]]) > 1:
                    out[k] = _fold(as_of)
        i = j
    return out


def _size(value: Fraction) -> float:
    """A figure's magnitude as a float (a figure past a float's range is as large as one)."""
    try:
        return abs(float(value))
    except OverflowError:
        return float("inf")


def _keys(
    claims: Sequence[Claim],
    idents: Sequence[Identity] | None = None,
    place: Sequence[str] | None = None,
) -> list[_Key]:
    """Each claim's matching key; *idents* (:func:`factcheck.identity.identify`) name a
    figure whose counted noun is generic by its label or table row, and tell a table's
    cells apart by their column; *place* is each claim's place."""
    from factcheck.identity import Identity  # noqa: PLC0415

    contexts = _masked_contexts(claims)
    nouns = [normalise_counted(c.counted) for c in claims]
    whens = _series_times(claims, nouns)
    if idents is None:
        idents = [Identity(path=((_fold(c.provenance.section or ""),)
                                 if c.provenance.section else ())) for c in claims]
    if place is None:
        place = ["\x1f".join(i.marked) for i in idents]
    dims: dict[tuple[str, str], str] = {}
    out = []
    for c, ctx, noun, when, ident, at in zip(claims, contexts, nouns, whens, idents, place):
        dk = (c.unit, c.kind)
        dim = dims.get(dk)
        if dim is None:
            dim = dims[dk] = _dimension_key(c)
        fallback = noun in _FALLBACK_NOUNS or not noun
        if ident.named and (fallback or ident.row):
            # "**Certificates per Registered Domain** (50 per week)", a table row's header:
            # the structure names what the words around the figure do not.
            noun, fallback = normalise_counted(ident.name), False
        if not when and ident.column:
            when = "column " + ident.column  # a table's cells are told apart by column
        words = noun.split()
        out.append(
            _Key(
                dim=dim,
                noun=noun,
                head=words[-1] if words else "",
                ctx=ctx,
                section=_fold(c.provenance.section or ""),
                scope=_fold(c.scope or ""),
                cid=c.id,
                fallback=fallback,
                when=when,
                unit=c.unit,
                size=_size(c.value),
                label=ident.label,
                tag=_list_tag(c),
                place=at,
            )
        )
    return out


_LIST_TAG = re.compile(
    r"(?:^|[,;:(]|--|[–—]|\b(?:and|or|for|among|of)\b)\s*(?P<t>[A-Za-z][A-Za-z'’ -]{1,60}?)\s*\(\s*$"
)
"""The words naming a figure of a list, ending at the figure's opening parenthesis: after
the list's separator (a comma, a dash, "and", "for")."""


def _list_tag(claim: Claim) -> str:
    """The words that name a figure written in parentheses after them ("adult men (3.2
    percent)", "blacks (7.9 percent)"), folded; "" when the figure is not so written or the
    words are generic. A list's items keep their names when the sentence around them is
    reworded or reordered, so the name pairs them (Pass 1t of :func:`_match_indices`)."""
    sentence = claim.provenance.sentence
    a, _ = figure_span(claim)
    m = _LIST_TAG.search(sentence[max(0, a - 80):a])
    if m is None:
        return ""
    words = [w for w in _fold(m.group("t")).split() if w not in _STOP]
    if not words or len(words) > 4 or all(len(w) < 3 for w in words):
        return ""
    from factcheck.identity import is_generic  # noqa: PLC0415

    tag = " ".join(words)
    return "" if is_generic(tag) else tag


def _loosened(key: _Key) -> _Key:
    """The key with ``loose``, ``left`` and ``right`` filled in (only claims that the exact
    pass left unpaired need them)."""
    loose = _undated(key.ctx)
    left, _, right = loose.partition(_OWN)
    return _Key(key.dim, key.noun, key.head, key.ctx, key.section, key.scope, key.cid,
                key.fallback, loose, left, right, _WORDY.search(loose) is None, key.when,
                key.unit, key.size, key.label, key.tag, key.place)


# --------------------------------------------------------------------------- matching

_BAND = 6
"""In a block too big to compare pair by pair, each claim meets this many neighbours (by
relative position in its document) on the other side."""
_RARE = 40
"""A word found in more unpaired sentences than this tells them too little apart to make a
block of candidates."""
_ACCEPT = 0.55
"""The lowest score a fuzzy pair is accepted at (scores run from 0 to 1)."""
_GENERIC_CONTEXT = 0.7
"""How alike the sentences around two figures must be (:func:`_context_similarity`) when
one of them has a generic counted noun ("share", "funding", "figure"): without a noun, only
the words around a figure say what it is."""

_FAR_APART = 3.0
"""Two figures of one unit whose sizes differ more than this many times ("killed over 5,900
people", "more than 1.2 million people have returned") are one figure changed only when the
words around them are alike too (at least :data:`_FAR_CONTEXT`): a common counted noun
("people") alone does not make them one figure."""
_FAR_CONTEXT = 0.5


def _far_apart(a: _Key, b: _Key) -> bool:
    """Figures of one unit whose sizes differ more than :data:`_FAR_APART` times."""
    if a.unit != b.unit or a.size <= 0 or b.size <= 0:
        return False
    lo, hi = sorted((a.size, b.size))
    return hi > _FAR_APART * lo


def _same_word(a: str, b: str) -> bool:
    """One word in two spellings ("organisation", "organization")?"""
    return a == b or (min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 80)


def _noun_similarity(a: _Key, b: _Key) -> float:
    """How likely two claims' counted nouns name the same thing (see :func:`_nouns_alike`).

    Two generic nouns ("share" and "share") are no evidence however equal they are."""
    if a.noun == b.noun:
        return 0.6 if a.fallback else 1.0
    return _nouns_alike(a.noun, b.noun) if a.noun < b.noun else _nouns_alike(b.noun, a.noun)


@functools.lru_cache(maxsize=1 << 18)
def _nouns_alike(a_noun: str, b_noun: str) -> float:
    """How likely two normalised counted nouns name the same thing, from 0 to 1.

    Nouns may differ in spelling, word order, or by a modifier added or dropped ("coalition
    partners" and "partners"), and a compound may replace its head ("strikes" and
    "airstrikes"). A different head noun, or a modifier swapped for another ("reserve
    teachers", "trained teachers"), names another thing: 0, never paired.
    """
    if a_noun == b_noun:
        return 1.0
    if a_noun in _FALLBACK_NOUNS or b_noun in _FALLBACK_NOUNS or not a_noun or not b_noun:
        return 0.6
    a_words, b_words = a_noun.split(), b_noun.split()
    a_head, b_head = a_words[-1], b_words[-1]
    short, long_ = sorted((a_head, b_head), key=len)
    if _same_word(a_head, b_head):
        floor = 0.7
    elif len(short) >= 5 and len(long_) - len(short) >= 3 and long_.endswith(short):
        floor = 0.85  # a compound of the same head: "airstrike" and "strike"
    else:
        return 0.0
    wa = [w for w in a_words[:-1] if len(w) > 2 and w not in _STOP]
    wb = [w for w in b_words[:-1] if len(w) > 2 and w not in _STOP]
    if any(not any(_same_word(w, v) for v in wb) for w in wa) and any(
        not any(_same_word(w, v) for v in wa) for w in wb
    ):
        return 0.0
    sim = max(fuzz.ratio(a_noun, b_noun), fuzz.token_sort_ratio(a_noun, b_noun)) / 100
    return max(sim, floor)


def _context_similarity(a: _Key, b: _Key) -> float:
    """How alike two claims' sentences are around their own figures, from 0 to 1.

    The sentences (figures and dates masked) are aligned at the claim's own figure: the
    words before it are compared with the words before it, the words after with the words
    after. Two figures of one sentence ("39.0 million people were living with HIV; 1.3
    million people became newly infected") have the same sentence but not the same sides,
    so each stays with its own counterpart even when the sentence around them changed.
    """
    total = len(a.left) + len(b.left) + len(a.right) + len(b.right)
    if not total:
        return 1.0
    dist = Indel.distance(a.left, b.left) + Indel.distance(a.right, b.right)
    return 1.0 - dist / total


def _score(a: _Key, b: _Key, near: bool = False) -> float:
    """How alike two claims' descriptions are, from 0 to 1; 0 when they must not pair.

    The counted noun and the sentence around the figure decide; the same heading and the
    same place between the pairs already made (*near*) add a little. The id adds almost
    nothing: its number ("people-3") shifts whenever a figure of the same noun is added or
    removed above it.
    """
    if a.when != b.when and a.when and b.when:
        return 0.0  # two times of a series: "38,900" in 2021 is not "43,905" in 2024
    if a.place != b.place:
        return 0.0  # under other headings: "total: 318" airports is not "total: 99.5 million"
    ns = _noun_similarity(a, b)
    if ns < 0.5:
        return 0.0
    cs = _context_similarity(a, b)
    # Nouns that are not quite the same need the sentence to agree as well; a generic noun
    # ("share", "funding") says nothing, so the sentence must say it all.
    if (ns < 0.85 and cs < 0.6) or (
        (a.fallback or b.fallback) and (cs < _GENERIC_CONTEXT or a.bare or b.bare)
    ):
        return 0.0
    if cs < _FAR_CONTEXT and not (a.bare and b.bare) and _far_apart(a, b):
        return 0.0  # "killed over 5,900 people" is not "1.2 million people have returned"
    score = 0.5 * ns + 0.4 * cs
    if a.section == b.section:
        score += 0.05
    if near:
        score += 0.05
    if a.cid == b.cid:
        score += 0.01
    if a.scope and b.scope and a.scope != b.scope:
        score -= 0.25  # "terrain in Iraq" is not "terrain in Syria"
    return score if score >= _ACCEPT else 0.0


def _blocks(key: _Key, rare: Sequence[str]) -> Iterable[tuple[str, ...]]:
    """The candidate blocks a claim goes into, each within its dimension (so different
    dimensions never meet): its id; its counted noun; the end of its head noun ("strike" and
    "airstrike" meet in "trike") and the start ("centre" and "center" in "cent"); and the
    rare words of its sentence, which are all that a claim without a counted noun has."""
    yield ("id", key.dim, key.cid)
    if not key.fallback:
        yield ("noun", key.dim, key.noun)
        yield ("head", key.dim, key.head[-5:])
        yield ("stem", key.dim, key.head[:4])
    for tok in rare:
        yield ("word", key.dim, tok)


def _rare_words(
    keys: Sequence[_Key], left: Sequence[int], df: dict[str, int]
) -> dict[int, list[str]]:
    """The two rarest words (in both versions' unpaired claims) of each claim's sentence, if
    they are rare at all."""
    out = {}
    for i in left:
        words = {w for w in _WORD.findall(keys[i].loose)
                 if len(w) >= 4 and w not in _STOP and df[w] <= _RARE}
        out[i] = sorted(words, key=lambda w: (df[w], w))[:2]
    return out


def _band(
    olist: list[tuple[int, int]], nlist: list[tuple[int, int]], out: set[tuple[int, int]]
) -> None:
    """Pair each claim of a large block with its nearest neighbours on the other side."""
    opos = [p for p, _ in olist]
    npos = [p for p, _ in nlist]
    for pos, o in olist:
        at = bisect.bisect_left(npos, pos)
        for _, n in nlist[max(0, at - _BAND // 2): at + _BAND // 2]:
            out.add((o, n))
    for pos, n in nlist:
        at = bisect.bisect_left(opos, pos)
        for _, o in olist[max(0, at - _BAND // 2): at + _BAND // 2]:
            out.add((o, n))



def _pair_unique(groups: dict[tuple[str, str, str, str], tuple[list[int], list[int]]],
                 pairs: list[tuple[int, int]], old_left: list[int],
                 new_left: list[int]) -> tuple[list[int], list[int]]:
    """Pair the groups that hold one unpaired claim on each side (appended to *pairs*); the
    claims still unpaired on each side."""
    hits = [(o[0], n[0]) for o, n in groups.values() if len(o) == 1 and len(n) == 1]
    if not hits:
        return old_left, new_left
    pairs.extend(hits)
    paired_old = {o for o, _ in hits}
    paired_new = {n for _, n in hits}
    return ([i for i in old_left if i not in paired_old],
            [j for j in new_left if j not in paired_new])

def _match_indices(okeys: Sequence[_Key], nkeys: Sequence[_Key]) -> list[tuple[int, int]]:
    """The pairs (old index, new index) of matched claims, in no particular order."""
    pairs: list[tuple[int, int]] = []

    # Pass 1: equal dimension, counted noun and masked sentence (and time, for a figure of a
    # series); k-th with k-th.
    exact: dict[tuple[str, str, str, str, str], list[int]] = defaultdict(list)
    for j, k in enumerate(nkeys):
        exact[(k.dim, k.noun, k.ctx, k.when, k.place)].append(j)
    taken_new: set[int] = set()
    cursor: dict[tuple[str, str, str, str, str], int] = defaultdict(int)
    old_left: list[int] = []
    for i, k in enumerate(okeys):
        t = (k.dim, k.noun, k.ctx, k.when, k.place)
        bucket = exact.get(t)
        if bucket is not None and cursor[t] < len(bucket):
            j = bucket[cursor[t]]
            cursor[t] += 1
            pairs.append((i, j))
            taken_new.add(j)
        else:
            old_left.append(i)
    new_left = [j for j in range(len(nkeys)) if j not in taken_new]
    if not old_left or not new_left:
        return pairs

    # Pass 1m: a figure whose own words moved unchanged to another heading. Only words that
    # say what the figure is (a counted noun that is not generic, a sentence of words, not
    # a bare "total: 318"), held by one unpaired claim on each side, carry it across.
    moved: dict[tuple[str, str, str, str], tuple[list[int], list[int]]] = {}
    for keys, left, side in ((okeys, old_left, 0), (nkeys, new_left, 1)):
        for i in left:
            k = keys[i]
            if not k.fallback and _WORDY.search(_WORD_ONLY.sub(" ", k.ctx)) is not None:
                moved.setdefault((k.dim, k.noun, k.ctx, k.when), ([], []))[side].append(i)
    old_left, new_left = _pair_unique(moved, pairs, old_left, new_left)
    if not old_left or not new_left:
        return pairs
    # Pass 1t: a figure of a list named by the words before its parenthesis ("adult women
    # (3.8 percent)") is the figure so named on the other side, under the same heading,
    # whatever the list's order or the sentence around it: one such name on each side.
    tagged: dict[tuple[str, str, str, str], tuple[list[int], list[int]]] = {}
    for keys, left, side in ((okeys, old_left, 0), (nkeys, new_left, 1)):
        for i in left:
            k = keys[i]
            if k.tag:
                tagged.setdefault((k.dim, k.tag, k.when, k.place), ([], []))[side].append(i)
    old_left, new_left = _pair_unique(tagged, pairs, old_left, new_left)
    if not old_left or not new_left:
        return pairs
    okeys, nkeys = list(okeys), list(nkeys)
    for keys, left in ((okeys, old_left), (nkeys, new_left)):
        for i in left:
            keys[i] = _loosened(keys[i])

    # Pass 1a: figures of a series (a table row under year headings, "5.6% in 2023 and 3.2%
    # in 2024") pair by their time, not their place in the row: when the years move on, the
    # 2022 column of the old table is the 2022 column of the new one, and the old 2021
    # column is removed. One figure of a kind and time on each side, under one heading, of a
    # sentence alike when the noun is generic.
    series: dict[tuple[str, str, str, str, str], tuple[list[int], list[int]]] = {}
    for keys, left, side in ((okeys, old_left, 0), (nkeys, new_left, 1)):
        for i in left:
            k = keys[i]
            if k.when:
                series.setdefault((k.dim, k.noun, k.scope, k.place, k.when), ([], []))[
                    side
                ].append(i)
    if series:
        for same_old, same_new in series.values():
            if len(same_old) == 1 and len(same_new) == 1:
                o, n = same_old[0], same_new[0]
                if not okeys[o].fallback or fuzz.ratio(
                    _all_masked(okeys[o].loose), _all_masked(nkeys[n].loose)
                ) >= 100 * _GENERIC_CONTEXT:
                    pairs.append((o, n))
        if len(pairs) > len(taken_new):
            paired_old = {o for o, _ in pairs}
            paired_new = {n for _, n in pairs}
            old_left = [i for i in old_left if i not in paired_old]
            new_left = [j for j in new_left if j not in paired_new]
            if not old_left or not new_left:
                return pairs
    paired = len(pairs)

    # Pass 1b: the same with dates masked ("in 2022" → "in 2023"), where a key is held by as
    # many unpaired claims on each side (so no choice is made between them); k-th with k-th.
    loose: dict[tuple[str, str, str, str, str], tuple[list[int], list[int]]] = {}
    for keys, left, side in ((okeys, old_left, 0), (nkeys, new_left, 1)):
        for i in left:
            k = keys[i]
            loose.setdefault((k.dim, k.noun, k.loose, k.when, k.place), ([], []))[side].append(i)
    for same_old, same_new in loose.values():
        if same_old and len(same_old) == len(same_new):
            pairs.extend(zip(same_old, same_new))
    if len(pairs) > paired:
        paired_old = {o for o, _ in pairs}
        paired_new = {n for _, n in pairs}
        old_left = [i for i in old_left if i not in paired_old]
        new_left = [j for j in new_left if j not in paired_new]
        if not old_left or not new_left:
            return pairs

    # Where each unpaired claim stands among the pairs made so far that keep their order:
    # an old and a new claim between the same two such pairs are in the same place.
    anchors = sorted(_stable(pairs))
    anchor_old = [o for o, _ in anchors]
    anchor_new = [n for _, n in anchors]
    gap_old = {i: bisect.bisect(anchor_old, i) for i in old_left}
    gap_new = {j: bisect.bisect(anchor_new, j) for j in new_left}

    # Pass 2: blocks of plausible candidates, scored, accepted best first.
    df: dict[str, int] = defaultdict(int)
    for keys, left in ((okeys, old_left), (nkeys, new_left)):
        for i in left:
            for w in set(_WORD.findall(keys[i].loose)):
                df[w] += 1
    orare = _rare_words(okeys, old_left, df)
    nrare = _rare_words(nkeys, new_left, df)
    # Relative positions compared as integers: old i at i/len(old), new j at j/len(new).
    lo, ln = max(len(okeys), 1), max(len(nkeys), 1)
    blocks: dict[tuple[str, ...], tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
    for i in old_left:
        for b in _blocks(okeys[i], orare[i]):
            blocks.setdefault(b, ([], []))[0].append((i * ln, i))
    for j in new_left:
        for b in _blocks(nkeys[j], nrare[j]):
            blocks.setdefault(b, ([], []))[1].append((j * lo, j))
    candidates: set[tuple[int, int]] = set()
    for olist, nlist in blocks.values():
        if not olist or not nlist:
            continue
        if len(olist) * len(nlist) <= (len(olist) + len(nlist)) * _BAND:
            candidates.update((o, n) for _, o in olist for _, n in nlist)
        else:
            _band(olist, nlist, candidates)
    scored = []
    for o, n in candidates:
        s = _score(okeys[o], nkeys[n], gap_old[o] == gap_new[n])
        if s > 0:
            # Best score first; then nearest in relative position; then earliest. Every key
            # is the same for (a, b) as for the mirrored (b, a), so the result mirrors too.
            scored.append((-s, abs(o * ln - n * lo), o + n, o, n))
    scored.sort()
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _, _, _, o, n in scored:
        if o in used_old or n in used_new:
            continue
        used_old.add(o)
        used_new.add(n)
        pairs.append((o, n))
    return pairs


def _ordered(
    pairs: list[tuple[int, int]], n_old: int, n_new: int
) -> list[tuple[int | None, int | None]]:
    """All pairs plus the unpaired claims of both sides, in the new version's order, each
    removed claim placed after the new position of the last paired claim before it."""
    partner = dict(pairs)
    rows: dict[int, tuple[int | None, int | None]] = {j: (None, j) for j in range(n_new)}
    for o, n in pairs:
        rows[n] = (o, n)
    keyed: list[tuple[tuple[int, int, int], tuple[int | None, int | None]]] = [
        ((j, 0, 0), rows[j]) for j in range(n_new)
    ]
    anchor = -1
    for i in range(n_old):
        if i in partner:
            anchor = max(anchor, partner[i])
        else:
            keyed.append(((anchor, 1, i), (i, None)))
    keyed.sort(key=lambda t: t[0])
    return [row for _, row in keyed]


def _last_of_a_kind(
    old: Sequence[Claim],
    new: Sequence[Claim],
    okeys: Sequence[_Key],
    nkeys: Sequence[_Key],
    pairs: Sequence[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Pass 3: the one unpaired area (or sum of money, or length...) left on each side is the
    same figure when its value agrees and one of the two says nothing of what it measures.

    "more than 110,000 square kilometers of territory" and a bare "110,000 sq km" share no
    counted noun and no sentence, but each is its version's only unpaired area, of the same
    value. Requiring one of a kind on both sides, a value that agrees and a generic noun
    keeps this from pairing two figures that merely share a unit.
    """
    paired_old = {o for o, _ in pairs}
    paired_new = {n for _, n in pairs}
    by_dim: dict[tuple[str, str], tuple[list[int], list[int]]] = defaultdict(
        lambda: ([], []))
    for i, k in enumerate(okeys):
        if i not in paired_old:
            by_dim[(k.dim, k.place)][0].append(i)
    for j, k in enumerate(nkeys):
        if j not in paired_new:
            by_dim[(k.dim, k.place)][1].append(j)
    out: list[tuple[int, int]] = []
    for (dim, place), (olist, nlist) in by_dim.items():
        if place and olist and nlist and dim != "unknown":
            hit = _alone_in_place(olist, nlist, okeys, nkeys)
            if hit is not None:
                out.append(hit)
                continue
        if len(olist) != 1 or len(nlist) != 1 or dim in ("count", "unknown"):
            continue
        i, j = olist[0], nlist[0]
        if not (okeys[i].fallback or nkeys[j].fallback):
            continue
        if okeys[i].when != nkeys[j].when and okeys[i].when and nkeys[j].when:
            continue
        o, n = old[i], new[j]
        try:
            value = n.value * _factor(n.unit, o.unit)
            step = n.step * _factor(n.unit, o.unit)
        except Exception:  # noqa: BLE001 - units that do not convert never pair here
            continue
        if _agree(o.value, value, o.step, step):
            out.append((i, j))
    return out


def _alone_in_place(
    olist: Sequence[int], nlist: Sequence[int], okeys: Sequence[_Key], nkeys: Sequence[_Key],
) -> tuple[int, int] | None:
    """A field's one figure, under its own Markdown heading, restated: the only unpaired
    figure of its kind under that heading on one side, and on the other the only one, or
    the one a "total:" label introduces among its parts ("### Population" / "84,220,184"
    becomes "**total:** 84,119,100", "**male:** ...", "**female:** ..."; "**total:** 539"
    becomes "539"). Values more than :data:`_FAR_APART` times apart never pair here."""

    def pick(keys: Sequence[_Key], idx: Sequence[int]) -> int | None:
        if len(idx) == 1:
            return idx[0]
        totals = [i for i in idx if keys[i].label.split()[:1] == ["total"]]
        return totals[0] if len(totals) == 1 else None

    if len(olist) > 1 and len(nlist) > 1:
        return None
    i, j = pick(okeys, olist), pick(nkeys, nlist)
    if i is None or j is None:
        return None
    a, b = okeys[i], nkeys[j]
    if a.when != b.when and a.when and b.when:
        return None
    if _far_apart(a, b) or (a.unit != b.unit):
        return None
    return i, j


def _pair_indices(
    old: Sequence[Claim],
    new: Sequence[Claim],
    okeys: Sequence[_Key] | None = None,
    nkeys: Sequence[_Key] | None = None,
) -> list[tuple[int, int]]:
    """All three passes: (old index, new index) of every matched pair."""
    okeys = _keys(old) if okeys is None else okeys
    nkeys = _keys(new) if nkeys is None else nkeys
    pairs = _match_indices(okeys, nkeys)
    return pairs + _last_of_a_kind(old, new, okeys, nkeys, pairs)


def identified_keys(
    old: Sequence[Claim],
    new: Sequence[Claim],
    old_text: str | None = None,
    new_text: str | None = None,
    *,
    old_ids: Sequence[Identity] | None = None,
    new_ids: Sequence[Identity] | None = None,
    old_outline: Sequence[tuple[str, ...]] = (),
    new_outline: Sequence[tuple[str, ...]] = (),
) -> tuple[list[_Key], list[_Key]]:
    """Both versions' matching keys, each claim placed by its identity (heading path, with
    headings renamed between the versions under their new names)."""
    from factcheck.identity import Outline, identify, places  # noqa: PLC0415

    if old_ids is None:
        out = Outline(old_text)
        old_ids = identify(old, old_text, outline=out)
        old_outline = old_outline or out.all_paths()
    if new_ids is None:
        out = Outline(new_text)
        new_ids = identify(new, new_text, outline=out)
        new_outline = new_outline or out.all_paths()
    oplace, nplace = places(old_ids, new_ids, old_outline, new_outline)
    return _keys(old, old_ids, oplace), _keys(new, new_ids, nplace)


def match_indices(
    old: Sequence[Claim], new: Sequence[Claim], okeys: Sequence[_Key], nkeys: Sequence[_Key],
) -> list[tuple[int, int]]:
    """Every matched pair as (old index, new index), from keys of :func:`identified_keys`."""
    return _pair_indices(old, new, okeys, nkeys)


def match(
    old: Sequence[Claim],
    new: Sequence[Claim],
    *,
    old_text: str | None = None,
    new_text: str | None = None,
) -> list[Pair]:
    """Pair each claim of *old* with its counterpart in *new*, one to one.

    Returns every claim of both versions once: ``(old, new)`` for a pair, ``(old, None)``
    for a removed claim and ``(None, new)`` for an added one, in the new version's order
    with removed claims where they stood. Deterministic, and mirrored when the arguments
    are swapped. Claims of different dimensions never pair, nor claims under different
    headings (unless the heading was renamed, or the figure's own words moved unchanged).
    With the versions' texts, a figure's heading path and table headers are read from them.
    """
    olist, nlist = list(old), list(new)
    okeys, nkeys = identified_keys(olist, nlist, old_text, new_text)
    idx = _ordered(_pair_indices(olist, nlist, okeys, nkeys), len(olist), len(nlist))
    return [
        (None if o is None else olist[o], None if n is None else nlist[n]) for o, n in idx
    ]


# --------------------------------------------------------------------------- classifying


def _stable(pairs: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """The pairs that keep their order: those in *every* longest run of pairs whose old and
    new positions both increase. The others are ``moved``. Defined without a choice between
    equally long runs, so it is the same whichever version is called old."""
    if not pairs:
        return set()
    ordered = sorted(pairs)
    seq = [n for _, n in ordered]
    f = _lis_lengths(seq)
    g = list(reversed(_lis_lengths([-x for x in reversed(seq)])))
    longest = max(f)
    critical = [f[i] + g[i] - 1 == longest for i in range(len(seq))]
    per_level: dict[int, int] = defaultdict(int)
    for i, crit in enumerate(critical):
        if crit:
            per_level[f[i]] += 1
    return {ordered[i] for i in range(len(seq)) if critical[i] and per_level[f[i]] == 1}


def _lis_lengths(seq: Sequence[int]) -> list[int]:
    """For each element, the length of the longest strictly increasing run ending at it."""
    tails: list[int] = []
    out = []
    for x in seq:
        at = bisect.bisect_left(tails, x)
        if at == len(tails):
            tails.append(x)
        else:
            tails[at] = x
        out.append(at + 1)
    return out


def _agree(a: Fraction, b: Fraction, step_a: Fraction, step_b: Fraction) -> bool:
    """Whether two values are the same figure within the coarser stated precision."""
    d = abs(a - b)
    return d == 0 or d < max(step_a, step_b) / 2


def _factor(from_unit: str, to_unit: str) -> Fraction:
    if from_unit == to_unit:
        return Fraction(1)
    from factcheck.units import conversion_factor  # noqa: PLC0415

    return conversion_factor(from_unit, to_unit)


def _renamed_sections(
    pairs: Iterable[tuple[int | None, int | None]], okeys: Sequence[_Key], nkeys: Sequence[_Key]
) -> frozenset[tuple[str, str]]:
    """Headings renamed between the versions: (old, new) where every pair under the one is
    under the other, and neither name is found in the other version ("REGIONAL OVERVIEW" →
    "REGIONAL SITUATION"). Their figures did not move."""
    to_new: dict[str, set[str]] = defaultdict(set)
    to_old: dict[str, set[str]] = defaultdict(set)
    for o, n in pairs:
        if o is not None and n is not None:
            to_new[okeys[o].section].add(nkeys[n].section)
            to_old[nkeys[n].section].add(okeys[o].section)
    old_names = {k.section for k in okeys}
    new_names = {k.section for k in nkeys}
    return frozenset(
        (a, b) for a, targets in to_new.items() if len(targets) == 1
        for b in targets
        if a != b and to_old[b] == {a} and a not in new_names and b not in old_names
    )


def _classify(
    o: Claim, n: Claim, okey: _Key, nkey: _Key, stable: bool,
    renamed: frozenset[tuple[str, str]] = frozenset(),
) -> tuple[str, Fraction | None, Fraction | None, tuple[str, ...]]:
    factor = _factor(n.unit, o.unit)
    nv = n.value * factor
    nstep = n.step * factor
    agree = _agree(o.value, nv, o.step, nstep)
    if (o.value_high is None) != (n.value_high is None):
        agree = False
    elif o.value_high is not None and n.value_high is not None:
        agree = agree and _agree(o.value_high, n.value_high * factor, o.step, nstep)
    aspects: list[str] = []
    if not agree:
        aspects.append("value")
    if o.qualifier is not n.qualifier:
        aspects.append("qualifier")
    if o.unit == n.unit and o.step != n.step:
        aspects.append("precision")
    if o.unit != n.unit:
        aspects.append("unit")
    if okey.noun != nkey.noun:
        aspects.append("counted")
    if okey.ctx != nkey.ctx:
        aspects.append("wording")
    if okey.place != nkey.place and o.provenance.section != n.provenance.section:
        # (A heading path that differs only where one version marks its headings and the
        # other's are guessed, as a PDF's and its text's, is no move.)
        aspects.append("section")
    if not stable:
        aspects.append("order")
    if not agree:
        kind = "changed"
    elif "qualifier" in aspects or "precision" in aspects:
        kind = "requalified"
    elif "counted" in aspects or "wording" in aspects or "unit" in aspects:
        kind = "reworded"
    elif "section" in aspects or "order" in aspects:
        kind = "moved"
    else:
        kind = "unchanged"
    delta = relative = None
    if kind in ("changed", "requalified"):
        delta = nv - o.value
        relative = delta / o.value if o.value else None
    return kind, delta, relative, tuple(aspects)


# --------------------------------------------------------------------------- messages


def _figure(claim: Claim) -> str:
    from factcheck.wording import figure_text  # noqa: PLC0415

    return figure_text(claim)


def _label(old: Claim | None, new: Claim | None) -> str:
    c = new if new is not None else old
    assert c is not None
    text = c.counted
    if old is not None and new is not None:
        on, nn = normalise_counted(old.counted), normalise_counted(new.counted)
        if nn in _FALLBACK_NOUNS and on not in _FALLBACK_NOUNS:
            text = old.counted  # the new text names no counted noun: keep the old one
        elif on != nn and on not in _FALLBACK_NOUNS:
            text = f"{old.counted} (now {new.counted})"
    if c.scope:
        text = f"{text} in {c.scope}"
    return text


_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}


def delta_text(delta: Fraction, unit: str, step: Fraction = Fraction(0)) -> str:
    """A signed change in figures: "+2", "−4,000", "+8 points", "+$500 million", "0"."""
    from factcheck.numbers import format_figure  # noqa: PLC0415
    from factcheck.wording import UNIT_LABELS  # noqa: PLC0415

    sign = "+" if delta > 0 else "−" if delta < 0 else ""  # U+2212, as in the README
    mag = format_figure(_shown(abs(delta), step), step)
    if unit == "percent":
        return f"{sign}{mag} point{'s' if abs(delta) != 1 else ''}"
    if unit in _SIGNS:
        return f"{sign}{_SIGNS[unit]}{mag}"
    if len(unit) == 3 and unit.isupper():
        return f"{sign}{unit} {mag}"
    label = UNIT_LABELS.get(unit, unit)
    if unit.startswith("count/"):
        label = "per " + unit[len("count/"):]
    return f"{sign}{mag} {label}".rstrip() if label else f"{sign}{mag}"


def _shown(value: Fraction, step: Fraction) -> Fraction:
    """*value* rounded for words: to the stated precision's decimals, or to two decimals
    (more for tiny values) when a unit conversion left a long fraction. Records keep the
    exact value; only messages round."""
    if value.denominator == 1:
        return value
    decimals = 0
    s = step
    while s and s.denominator != 1 and decimals < 12:
        s *= 10
        decimals += 1
    if not step:
        decimals = 2
        while value and round(value * 10**decimals) == 0 and decimals < 12:
            decimals += 1
    return Fraction(round(value * 10**decimals), 10**decimals)


def relative_text(relative: Fraction) -> str:
    """A relative change as a signed percentage with one decimal: "+7.4%", "−0.5%"."""
    tenths = round(abs(relative) * 1000)
    sign = "+" if relative >= 0 else "−"
    return f"{sign}{tenths // 10}.{tenths % 10}%"


def change_delta_text(change: Change) -> str:
    """A change's delta in words with its relative change: "+5 (+7.4%)"; "" when none."""
    if change.delta is None or change.old is None or change.new is None:
        return ""
    text = delta_text(change.delta, change.old.unit, _delta_step(change.old, change.new))
    if change.relative is not None and change.delta != 0:
        text += f" ({relative_text(change.relative)})"
    return text


def _delta_step(o: Claim, n: Claim) -> Fraction:
    steps = [s for s in (o.step, n.step * _factor(n.unit, o.unit)) if s > 0]
    return min(steps) if steps else Fraction(0)


def _message(
    kind: str, o: Claim | None, n: Claim | None, delta: Fraction | None, when: str = ""
) -> str:
    label = _label(o, n)
    if when:
        label = f"{label} ({when})"
    if o is None:
        assert n is not None
        return f"{label} {_figure(n)} (added)"
    if n is None:
        return f"{label} {_figure(o)} (removed)"
    text = f"{label} {_figure(o)} → {_figure(n)}"
    if kind == "changed" and o.qualifier is n.qualifier and delta is not None:
        text += f" ({delta_text(delta, o.unit, _delta_step(o, n))})"
    elif kind == "requalified" and o.qualifier is n.qualifier and delta:
        # "2 million → 2.2 million": more precise, and within what the old words allowed.
        text += f" ({delta_text(delta, o.unit, _delta_step(o, n))}, within the old rounding)"
    elif kind in ("reworded", "moved"):
        before, after = _figure(o), _figure(n)
        shown = after if before == after else f"{before} → {after}"
        text = f"{label} {shown} ({kind})"
    elif kind == "unchanged":
        text = f"{label} {_figure(n)}"
    return text


# --------------------------------------------------------------------------- findings


def _check_function() -> Any:
    """The consistency check (imported when a diff first needs it)."""
    from factcheck.checking import check  # noqa: PLC0415

    return check


def _verdict(f: Any) -> str:
    verdict = getattr(f, "verdict", "")
    return str(getattr(verdict, "value", verdict))


def _finding_key(f: Any, partner: dict[str, str]) -> tuple[str, str, tuple[str, ...]]:
    # Claims with no counterpart keep their own id, marked so it cannot meet an old id.
    ids = tuple(sorted(partner.get(i, f"+{i}") for i in _finding_ids(f)))
    return (str(getattr(f, "rule", "")), _verdict(f), ids)


def _finding_ids(f: Any) -> tuple[str, ...]:
    claims = getattr(f, "claims", None) or ()
    ids = []
    for c in claims:
        ids.append(c.id if isinstance(c, Claim) else str(c))
    return tuple(ids)


def _is_problem(f: Any) -> bool:
    """Findings worth reporting when they come or go: all but the checks that held."""
    return _verdict(f).lower() not in ("ok", "consistent", "pass", "passed")


def _rules_beside(spec: object) -> Any:
    """The rules file beside a version given as a path (``x.txt`` → ``x.rules.toml``)."""
    if not isinstance(spec, (str, os.PathLike)):
        return None
    try:
        from factcheck.checking import rules_beside  # noqa: PLC0415
    except ImportError:
        return None
    return rules_beside(spec)


def _findings_delta(
    old: Document, new: Document, pairs: Sequence[Pair], old_rules: Any, new_rules: Any
) -> tuple[tuple[FindingChange, ...], tuple[FindingChange, ...], bool]:
    check = _check_function()
    if check is None:
        return (), (), False
    old_findings = [f for f in getattr(check(old, old_rules), "findings", ()) if _is_problem(f)]
    new_findings = [f for f in getattr(check(new, new_rules), "findings", ()) if _is_problem(f)]
    # Key each finding by its rule, verdict and the *old* ids of its claims, so that a finding
    # about "strikes" and one about its renamed counterpart "airstrikes" are the same finding.
    to_old = {n.id: o.id for o, n in pairs if o is not None and n is not None}
    same = {o.id: o.id for o, n in pairs if o is not None}
    old_keys = {_finding_key(f, same) for f in old_findings}
    new_keys = {_finding_key(f, to_old) for f in new_findings}

    def record(f: Any) -> FindingChange:
        return FindingChange(
            rule=str(getattr(f, "rule", "")),
            verdict=_verdict(f),
            message=str(getattr(f, "message", "")),
            claim_ids=_finding_ids(f),
            finding=f,
        )

    appeared = tuple(record(f) for f in new_findings if _finding_key(f, to_old) not in old_keys)
    gone = tuple(record(f) for f in old_findings if _finding_key(f, same) not in new_keys)
    # Breakdowns that added up in the old version and no longer do (the old version as
    # evidence: factcheck.evidence.held_before).
    from factcheck.evidence import held_before  # noqa: PLC0415

    appeared += tuple(record(f) for f in held_before(old, new, [(o, n) for o, n in pairs],
                                                     flagged=new_findings))
    return appeared, gone, True


# --------------------------------------------------------------------------- the verb


def diff(
    old: Document | str | os.PathLike[str],
    new: Document | str | os.PathLike[str],
    *,
    findings: bool = True,
) -> DiffReport:
    """Compare two versions of a factsheet in figures.

    *old* and *new* are documents, or paths to factsheet texts or snapshot files. With
    *findings*, the consistency checks run on both versions (when this installation has
    them; a version given as a path uses the rules file beside it, as ``check`` does) and
    the findings other than ``consistent`` that appear or disappear are reported, keyed by
    rule, verdict and the claims they are about (followed across renamed ids).
    """
    old_doc, new_doc = load_version(old), load_version(new)
    oclaims, nclaims = list(old_doc.claims), list(new_doc.claims)
    okeys, nkeys = identified_keys(oclaims, nclaims, old_doc.text, new_doc.text)
    index_pairs = _pair_indices(oclaims, nclaims, okeys, nkeys)
    stable = _stable(index_pairs)
    renamed = _renamed_sections(index_pairs, okeys, nkeys)
    changes: list[Change] = []
    warnings: list[DiffWarning] = []
    for o, n in _ordered(index_pairs, len(oclaims), len(nclaims)):
        oc = None if o is None else oclaims[o]
        nc = None if n is None else nclaims[n]
        # A figure of a series is told from the others of its row by its time.
        shown = nc if nc is not None else oc
        assert shown is not None
        series = (nkeys[n].when if n is not None else "") or (
            okeys[o].when if o is not None else ""
        )
        when = (shown.time.as_of or "") if series else ""
        if oc is None or nc is None:
            kind = "added" if oc is None else "removed"
            changes.append(Change(kind, oc, nc, message=_message(kind, oc, nc, None, when)))
            continue
        assert o is not None and n is not None
        kind, delta, rel, aspects = _classify(
            oc, nc, okeys[o], nkeys[n], (o, n) in stable, renamed
        )
        changes.append(
            Change(kind, oc, nc, delta, rel, _message(kind, oc, nc, delta, when), aspects)
        )
        warnings.extend(_pair_warnings(oc, nc, kind, delta))
    warnings.extend(_dimension_warnings(changes))
    changes = _told_apart(changes)
    appeared: tuple[FindingChange, ...] = ()
    gone: tuple[FindingChange, ...] = ()
    checked = False
    if findings:
        pairs = [(c.old, c.new) for c in changes]
        appeared, gone, checked = _findings_delta(
            old_doc, new_doc, pairs, _rules_beside(old), _rules_beside(new)
        )
    return DiffReport(
        old=old_doc,
        new=new_doc,
        changes=tuple(changes),
        warnings=tuple(warnings),
        findings_appeared=appeared,
        findings_disappeared=gone,
        findings_checked=checked,
    )


_THOUSANDFOLD = (Fraction(1000), Fraction(1, 1000))
_SCALE_WORD = re.compile(
    r"(?i)thousand|million|billion|trillion|\d\s*(?:bn|mn|m|k|tn)\b|\b(?:bn|mn|tn)\b"
)


def _scale_slip(o: Claim, n: Claim, delta: Fraction) -> Fraction | None:
    """The factor (1000 or 1/1000) between a changed pair's figures when they are the same
    digits a thousandfold apart and one of them has a scale word ("$18.6 million" → "$18.6
    billion", "5,000" → "5 million"); otherwise None."""
    if not o.value or (o.value_high is None) != (n.value_high is None):
        return None
    ratio = (o.value + delta) / o.value
    if ratio not in _THOUSANDFOLD:
        return None
    if o.value_high is not None and n.value_high is not None and o.value_high and (
        n.value_high * _factor(n.unit, o.unit) / o.value_high != ratio
    ):
        return None
    if not (_SCALE_WORD.search(o.stated) or _SCALE_WORD.search(n.stated)):
        return None
    return ratio


_CONTEXT_WORDS = 5
"""Words of the sentence quoted to tell apart two changes that would read the same."""


def _told_apart(changes: list[Change]) -> list[Change]:
    """Changes whose messages would read the same ("funding $742.5 million → $751.2 million"
    twice), each with what tells it apart: its heading when the headings differ, else a few
    words of its sentence next to the figure."""
    by_message: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(changes):
        if c.kind != "unchanged":
            by_message[c.message].append(i)
    out = list(changes)
    for group in by_message.values():
        if len(group) < 2:
            continue
        sections = [changes[i].claim.provenance.section or "" for i in group]
        if all(sections) and len(set(sections)) == len(sections):
            tags = [f"under {' '.join(h.split())}" for h in sections]
        else:
            tags = [f"“{_words_beside(changes[i].claim)}”" for i in group]
        for i, tag in zip(group, tags):
            out[i] = attrs.evolve(out[i], message=f"{out[i].message} — {tag}")
    return out


def _words_beside(claim: Claim) -> str:
    """A few words of a claim's sentence next to its figure: those before it ("The General
    Fund budget is …"), or after it when fewer than two come before ("… were tested in
    Q4")."""
    sentence = claim.provenance.sentence
    a, b = figure_span(claim)
    before = sentence[:a].split()
    if len(before) >= 2:
        words = before[-_CONTEXT_WORDS:]
        head = "…" if len(words) < len(before) else ""
        return f"{head}{' '.join(words)} …"
    after = sentence[b:].split()
    words = after[:_CONTEXT_WORDS]
    tail = "…" if len(words) < len(after) else ""
    return f"… {' '.join(words)}{tail}"


def _pair_warnings(o: Claim, n: Claim, kind: str, delta: Fraction | None) -> list[DiffWarning]:
    out: list[DiffWarning] = []
    if o.unit == n.unit and (kind != "changed" or delta is None):
        return out  # the common case, decided without building any words
    if kind == "changed" and delta is not None:
        slip = _scale_slip(o, n, delta)
        if slip is not None:
            out.append(
                DiffWarning(
                    "scale-slip",
                    f"{_label(o, n)}: {_figure(o)} → {_figure(n)}, the same digits a "
                    f"thousandfold {'larger' if slip > 1 else 'smaller'}; a scale word may "
                    "be wrong",
                    o,
                    n,
                )
            )
        if o.unit == n.unit and delta >= 0:
            return out
    label = _label(o, n)
    if kind == "changed" and delta is not None and delta < 0 and (
        o.time.cumulative or n.time.cumulative
    ):
        out.append(
            DiffWarning(
                "cumulative-shrank",
                f"{label}: a running total went down, {_figure(o)} → {_figure(n)} "
                f"({delta_text(delta, o.unit, _delta_step(o, n))})",
                o,
                n,
            )
        )
    if o.unit != n.unit:
        out.append(
            DiffWarning(
                "unit-changed",
                f"{label}: unit changed from {_unit_name(o.unit)} to {_unit_name(n.unit)} "
                f"({_figure(o)} → {_figure(n)})",
                o,
                n,
            )
        )
    return out


def _unit_name(unit: str) -> str:
    from factcheck.wording import UNIT_LABELS  # noqa: PLC0415

    return UNIT_LABELS.get(unit) or unit


def _dimension_warnings(changes: Sequence[Change]) -> list[DiffWarning]:
    """A removed and an added claim counting the same thing in units that do not convert."""
    removed: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in changes:
        if c.kind == "removed" and c.old is not None:
            removed[(normalise_counted(c.old.counted), _fold(c.old.scope or ""))].append(c.old)
    out = []
    for c in changes:
        if c.kind != "added" or c.new is None:
            continue
        n = c.new
        if normalise_counted(n.counted) in _FALLBACK_NOUNS:
            continue
        for o in removed.get((normalise_counted(n.counted), _fold(n.scope or "")), ()):
            if o.unit != n.unit:
                out.append(
                    DiffWarning(
                        "dimension-changed",
                        f"{_label(o, n)}: now measured in {_unit_name(n.unit)}, was "
                        f"{_unit_name(o.unit)} ({_figure(o)} → {_figure(n)}); the two "
                        "do not convert, so they are listed as removed and added",
                        o,
                        n,
                    )
                )
                break
    return out
