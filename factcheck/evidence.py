"""Evidence that figures are one quantity, or one breakdown, beyond what their words say.

The validators ask two questions the words alone often leave open, and this module answers
both from what publishers do:

* **Are two figures one quantity?** (:func:`same_quantity`) Strong evidence: the words said
  of both agree (:func:`factcheck.validators._same_statement`), or both are the size of one
  named body ("The Alliance now stands at 32 members", "All 33 members of the Alliance ...":
  :func:`owner`), or one is a headline figure alone on its line and the other the figure it
  headlines (:func:`headline_target`). Weaker evidence, enough only together with words that
  do not contradict it: the written digits are one typing slip apart ("152 million" and "125
  million children"), which two different quantities of one noun rarely are once they write
  three or more significant digits (:func:`factcheck.slips.significant_digits`).
* **Is a list the whole breakdown?** (:func:`closed_list`) A list after "including" need not
  be complete; but when its parts cover nine tenths of the total or more, no word says it is
  partial ("such as", "main", "other"), and one slip of one figure makes it add up exactly,
  a slip is far likelier than a list that happens to stop one digit short.

:func:`intended` gives the reading publishers intend by a qualifier ("more than 114 million"
is 114 million and a bit, below 115 million), used where the strict interval can never fail.

:func:`held_before` uses the previous version as evidence: a breakdown that added up exactly
there, and no longer does, broke in between (``cross-version`` findings).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extraction_words import MONTHS
from factcheck.claim import Claim, Interval, Qualifier

if TYPE_CHECKING:  # pragma: no cover - typing only
    from factcheck.checking import Finding
    from factcheck.claim import Document
    from factcheck.relations import Relation

__all__ = ["closed_list", "headline_target", "held_before", "intended", "owner", "place"]


# --------------------------------------------------------------------------- qualifiers


def place(c: Claim) -> Fraction:
    """The place value a figure is rounded to: its stated precision, or for a whole number
    written exactly the place of its last non-zero digit ("40,000" -> 10,000); 0 for a
    figure with no rounding to speak of ("83")."""
    if c.step:
        return c.step
    v = c.value
    if v.denominator != 1 or v == 0:
        return Fraction(0)
    n, p = abs(v.numerator), 1
    while n % 10 == 0:
        n //= 10
        p *= 10
    return Fraction(p) if p > 1 else Fraction(0)


def intended(c: Claim) -> Interval:
    """The values a publisher means by a qualified figure (README, "What a figure allows").

    "more than 114 million" and "at least 114 million": 114 million rounded down, from 114
    to 115 million; "nearly 8 million", "under 8 million", "up to 8 million": just under,
    from 7 million; "about 4.3 million": within its rounding (4.25 to 4.35 million). Never
    wider than the strict interval the words allow (:attr:`Claim.interval`). A figure whose
    rounding cannot be told ("more than 83") means what the words allow.
    """
    strict = c.interval
    p = place(c)
    q = c.qualifier
    if not p or q in (Qualifier.EXACT, Qualifier.RANGE):
        return strict
    v = c.value
    # Closed at the far end: "more than 990" may be a round 1,000.
    if q in (Qualifier.OVER, Qualifier.AT_LEAST):
        band = Interval(v, v + p, q is Qualifier.OVER, False)
    elif q in (Qualifier.NEARLY, Qualifier.UNDER, Qualifier.AT_MOST):
        band = Interval(v - p, v, False, q is Qualifier.UNDER)
    else:  # ABOUT
        band = Interval(v - p / 2, v + p / 2)
    from factcheck import intervals as iv  # noqa: PLC0415

    return iv.intersect(strict, band) or strict


# --------------------------------------------------------------------------- one quantity

_CAP_RUN = r"(?:[A-Z][\w'’&.-]*|of|for|to|and|the)(?:\s+(?:[A-Z][\w'’&.-]*|of|for|to|and|the)){0,5}"
_QUALIFIER_WORDS = (
    r"(?:more than |over |nearly |almost |about |around |some |at least |close to |"
    r"approximately |an estimated |just over |just under )?"
)
_OWNER_BEFORE = re.compile(
    rf"(?P<owner>\b[A-Z][\w'’&.-]*(?:\s+{_CAP_RUN})?)\s*,?\s+(?:(?:now|currently|today|still|"
    rf"already)\s+)?(?:{'|'.join(re.escape(v) for v in lexicon.OWNER_VERBS)})\s+{_QUALIFIER_WORDS}$"
)
_OWNER_POSSESSIVE = re.compile(
    rf"(?P<owner>\b[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){{0,4}})(?:'s|’s|,\s+with\s+its)\s+"
    rf"{_QUALIFIER_WORDS}$"
)
_WHOLE_SET_BEFORE = re.compile(
    rf"(?:^|\s)(?:{'|'.join(re.escape(w) for w in lexicon.WHOLE_SET_WORDS)})\s+{_QUALIFIER_WORDS}$",
    re.IGNORECASE,
)
_OF_OWNER_AFTER = re.compile(r"^\s+(?:of|in)\s+(?:the\s+)?(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})")
_MEMBER_OWNER_AFTER = re.compile(r"^\s+(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})")
_LEAD = frozenset({"the", "a", "an", "all", "its", "this", "that"})


def _head(name: str) -> str | None:
    """The head of a body's name, for comparing ("The North Atlantic Alliance" -> "alliance",
    "Global Coalition to Defeat ISIS" -> "coalition")."""
    words = [w.strip(".,'’") for w in name.split()]
    while words and words[0].lower() in _LEAD:
        words = words[1:]
    run: list[str] = []
    for w in words:
        if not w[:1].isupper():
            break
        run.append(w)
    return run[-1].lower() if run else None


def owner(c: Claim) -> str | None:
    """The body a figure is the size of, when its words say so (see :func:`_owner`)."""
    p = c.provenance
    return _owner(p.sentence, p.sentence_span, c.stated)


@functools.lru_cache(maxsize=65536)
def _owner(sentence: str, span: tuple[int, int], stated: str) -> str | None:
    """The body a figure is the size of, when its words say so: "The Alliance now stands at
    32 members", "All 33 members of the Alliance", "the Coalition's 83 members", "the
    68-member Global Coalition" -> "alliance" / "coalition". None when the words name no
    body, or name only some of its members ("12 members of the Alliance voted")."""
    a, b = span
    if not 0 <= a < b <= len(sentence):
        return None
    before, after = sentence[:a], sentence[b:]
    if stated.endswith("-member"):
        m = _MEMBER_OWNER_AFTER.match(after)
        return _head(m.group("owner")) if m else None
    for pattern in (_OWNER_BEFORE, _OWNER_POSSESSIVE):
        m = pattern.search(before)
        if m:
            return _head(m.group("owner"))
    if _WHOLE_SET_BEFORE.search(before):
        m = _OF_OWNER_AFTER.match(after)
        if m:
            return _head(m.group("owner"))
    return None


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


_LIST_ITEM = re.compile(r"\s*(?:[•●▪◦‣·∙➔→►▶➢✓✔*+\-–—]|\(?\d{1,2}[.)])\s")


def is_headline(c: Claim, text: str | None = None) -> bool:
    """A figure that stands alone as its line's or heading's text ("125 Million", "## 83
    members"): at most one word of its own besides its figure and noun, no sentence, and no
    list item ("– 1,900 cases of asthma onset" is a list's item). Read from the line in
    *text* (the document's text) when given, else from the claim's sentence."""
    p = c.provenance
    if text is not None and text.startswith(p.quote, p.offset) and "\n" not in p.quote:
        # A headline's line is short: look no further than 200 characters either way (so
        # that a megabyte on one line costs no more than a line of text).
        lo = max(0, p.offset - 200)
        ls = text.rfind("\n", lo, p.offset) + 1
        if ls == 0 and lo > 0:
            return False
        end = p.offset + len(p.quote)
        le = text.find("\n", end, end + 200)
        if le < 0:
            if end + 200 < len(text):
                return False
            le = len(text)
        before, after = text[ls:p.offset], text[p.offset + len(p.quote):le]
        if _LIST_ITEM.match(before) or before.lstrip().startswith("|"):
            return False
        before = before.lstrip().lstrip("#").strip(" *_`")
        after = after.strip(" *_`")
        if after.endswith((".", ";", ":", ",")) or re.search(r"[.;!?:]\s*\S", after):
            return False
        return len(_WORD.findall(before + " " + after)) <= 1
    a, b = p.sentence_span
    if not 0 <= a < b <= len(p.sentence) or "\n" in p.sentence.strip():
        return False
    rest = p.sentence[:a] + " " + p.sentence[b:]
    if re.search(r"[.;!?:]\s*\S", p.sentence[b:]) or rest.strip().endswith((".", ";", ":")):
        return False
    if _LIST_ITEM.match(p.sentence):
        return False  # a list item, not a headline
    return len(_WORD.findall(rest)) <= 1 and bool(p.sentence.strip())


def headline_target(claims: Sequence[Claim], i: int, text: str | None = None) -> int | None:
    """The figure a headline figure (claim *i*, :func:`is_headline`) headlines: the first of
    the next three figures of its kind, unit and scale word, whose noun is the headline's or
    the headline names none; None when there is none."""
    from factcheck.slips import scale_word, slip_between  # noqa: PLC0415

    h = claims[i]
    generic = h.counted.lower() in lexicon.GENERIC_COUNTED
    for j in range(i + 1, min(len(claims), i + 4)):
        c = claims[j]
        if c.kind != h.kind or c.unit != h.unit or scale_word(c) != scale_word(h):
            continue
        if not generic and c.counted.lower() != h.counted.lower():
            continue
        if is_headline(c, text):
            return None
        # A headline states its figure again, or slips a digit of it; a figure far from it
        # is some other figure.

        if c.value == h.value or c.value in intended(h) or h.value in intended(c) or \
                slip_between(h, c) is not None:
            return j
        return None
    return None


_NAME = re.compile(r"(?<![\w'’])[A-Z][\w'’&-]*")


def names(c: Claim) -> frozenset[str]:
    """The names in a figure's sentence (capitalised words past its first), besides its own
    words: "In the district of Area5, 47,933 families ..." -> {"area5"}. Two figures whose
    sentences name different places or bodies are about different things."""
    return _names(c.provenance.sentence, c.provenance.sentence_span)


@functools.lru_cache(maxsize=65536)
def _names(sentence: str, span: tuple[int, int]) -> frozenset[str]:
    a, b = span
    text = sentence[:a] + " " + sentence[b:] if 0 <= a < b <= len(sentence) else sentence
    found = [m.group() for m in _NAME.finditer(text)]
    first = _NAME.match(sentence.lstrip())
    if first and found and found[0] == first.group() and sentence.lstrip().startswith(found[0]):
        found = found[1:]
    return frozenset(w.lower() for w in found if w.lower() not in lexicon.LIGHT_WORDS)


_MONTH_WORDS = frozenset(w.lower() for m in MONTHS for w in m if w)


def names_differ(a: Claim, b: Claim) -> bool:
    """The sentences of two figures name different places or bodies: each names one that the
    other's sentence does not hold ("In the district of Area5, ..." and "... of Area7, ...";
    "The Sun formed about 4.57 billion years ago" and "Earth formed approximately 4.54
    billion years ago"), months aside ("As of December 2015" names nothing the figure is
    about). A summary that names none ("17 million people were accessing antiretroviral
    therapy") does not differ from the sentence that names its date and subject."""
    na, nb = _named(a), _named(b)
    if na == nb:
        return False
    return bool(na - _words_of(b.provenance.sentence)) and \
        bool(nb - _words_of(a.provenance.sentence))


def _named(c: Claim) -> frozenset[str]:
    """The names of a figure's sentence (:func:`names`) with its first word when that is a
    capitalised word that is no light word ("Earth formed approximately 4.54 billion years
    ago"), months aside."""
    out = set(names(c))
    first = _NAME.match(c.provenance.sentence.lstrip())
    if first:
        w = first.group().lower()
        if w not in lexicon.LIGHT_WORDS and w not in lexicon.STOP_WORDS:
            out.add(w)
    return frozenset(out - _MONTH_WORDS)


@functools.lru_cache(maxsize=65536)
def _words_of(sentence: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"[\w'’&-]+", sentence))


_SUMMARY = re.compile(r"(?i)\b(?:" + "|".join(re.escape(h) for h in lexicon.SUMMARY_HEADINGS)
                      + r")\b")


def _summary_heading(heading: str) -> bool:
    return len(heading.split()) <= 5 and _SUMMARY.search(heading) is not None


def headings_differ(a: Claim, b: Claim) -> bool:
    """Two figures stand under headings that tell them apart ("## Iraq" and "## Syria"): both
    have one, they differ, neither is a summary's ("Key facts", "In Numbers", "GLOBAL
    STATISTICS": :data:`lexicon.SUMMARY_HEADINGS`), and neither heading's words all stand in
    the other figure's sentence (the figure under "People living with HIV" and "... 36.7 million
    people living with HIV" in a summary)."""
    ha, hb = a.provenance.section, b.provenance.section
    if not ha or not hb or ha == hb:
        return False
    if _summary_heading(ha) or _summary_heading(hb):
        return False
    for h, other in ((ha, b), (hb, a)):
        words = _content(frozenset(_HEADING_WORD.findall(h.lower())))
        if words and words <= _content(frozenset(_HEADING_WORD.findall(
                other.provenance.sentence.lower()))):
            return False
    return True


_HEADING_WORD = re.compile(r"[a-z][a-z'’-]+")


def summary_and_body(a: Claim, b: Claim) -> bool:
    """One figure stands under a summary's heading ("GLOBAL STATISTICS", "In Numbers") and the
    other under another heading: the body that the summary sums up."""
    ha, hb = a.provenance.section, b.provenance.section
    return bool(ha) and bool(hb) and _summary_heading(ha or "") != _summary_heading(hb or "")


def says_the_same(a: frozenset[str], b: frozenset[str], *, summary: bool = False) -> bool:
    """The words said of two figures say the same (:func:`same_words`); or, for a summary's
    figure and one of the body it sums up (*summary*, :func:`summary_and_body`), all three or
    more words said of one are said of the other, which adds only what the summary left out
    ("17 million people were accessing antiretroviral therapy" and "17 million people living
    with HIV were accessing antiretroviral therapy"). Elsewhere the words one figure adds may
    tell two quantities apart ("11 Allies are expected to meet the 2% guideline", "19 Allies
    ... the equipment guideline")."""
    if same_words(a, b):
        return True
    if not summary:
        return False
    ca, cb = _content(a), _content(b)
    small, large = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
    return len(small) >= 3 and small <= large


_SUFFIXES = ("ing", "ed", "es", "s")


def _stem(word: str) -> str:
    """A crude stem, enough to see "work", "works", "worked" and "working" as one word."""
    w = word.lower()
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def _content(ws: frozenset[str]) -> set[str]:
    return {_stem(w) for w in ws if w[:1].isalpha() and w not in lexicon.SCOPE_NEUTRAL_WORDS}


def shares_a_word(a: frozenset[str], b: frozenset[str]) -> bool:
    """The words said of two figures share one (stemmed), or nothing is said of one."""
    ca, cb = _content(a), _content(b)
    return not ca or not cb or bool(ca & cb)


def same_words(a: frozenset[str], b: frozenset[str]) -> bool:
    """The words said of two figures are the same, once years, numbers and words that
    restrict nothing ("worldwide", "currently") are set aside and words are stemmed ("work",
    "working"); at least one word must remain. "152 million children work worldwide" and
    "125 million children were working in 2020" say the same; "11 Allies are expected to
    meet the 2% guideline" and "19 Allies ... the equipment guideline" do not."""
    ca = _content(a)
    return bool(ca) and ca == _content(b)


# --------------------------------------------------------------------------- breakdowns


_ROUNDED = frozenset({Qualifier.EXACT, Qualifier.ABOUT, Qualifier.OVER, Qualifier.NEARLY})
"""Qualifiers that round a figure rather than bound it: a list of such parts may still be the
whole breakdown ("8.5 million ..., around 2.3 million ... and more than 1.2 million")."""


def closed_list(r: Relation) -> bool:
    """A list after "including" (part-of) that reads as the whole breakdown: two or more
    parts that cover at least nine tenths of the total, each and the total stated exactly
    or rounded ("around", "more than", "nearly"; not "up to"), and no word that says the
    list is partial ("such as", "main", "other"). Parts that each have a predicate of their
    own (which may overlap) count too: nine tenths covered says they do not."""
    from factcheck.relations import Kind  # noqa: PLC0415

    if r.kind is not Kind.PART_OF or r.total is None or len(r.parts) < 2:
        return False
    t = r.total
    if t.value <= 0 or t.qualifier not in _ROUNDED:
        return False
    if any(p.qualifier not in _ROUNDED or p.unit != t.unit for p in r.parts):
        return False
    words = set(r.words.lower().split()) | {
        w for p in r.parts for w in p.counted.lower().split()
    }
    if words & lexicon.PARTIAL_LIST_WORDS or r.words.lower() in lexicon.PARTIAL_LIST_WORDS:
        return False
    covered = sum((p.value for p in r.parts), Fraction(0))
    return covered < t.value and covered * 10 >= t.value * 9


def _adds_up(total: Claim, parts: Sequence[Claim]) -> bool:
    """The parts as written add up to the total as written (within its stated precision)."""
    if any(p.unit != total.unit for p in parts):
        return False
    return abs(sum((p.value for p in parts), Fraction(0)) - total.value) <= total.step / 2


# --------------------------------------------------------------------------- arithmetic facts


def _close(x: Fraction, c: Claim) -> bool:
    """*x* rounds to what *c* writes (within half its stated precision)."""
    return abs(x - c.value) <= c.step / 2


def _ratio_rounds_to(part: Claim, whole: Claim, pct: Claim) -> bool:
    if whole.value <= 0 or part.unit != whole.unit:
        return False
    r = part.value / whole.value * (100 if pct.unit == "percent" else 1)
    half = pct.step / 2 if pct.step else Fraction(1, 2) * (1 if pct.unit == "percent" else Fraction(1, 100))
    return abs(r - pct.value) <= half


def _steps(c: Claim) -> Fraction:
    return abs(c.value) / c.step if c.step else abs(c.value)


_BLANK_LINE = re.compile(r"\n[ \t]*\n")

_WINDOW = 8
"""How many figures of one unit around a figure its arithmetic facts may involve."""


def arithmetic_facts(doc: Document) -> list[tuple[str, tuple[Claim, ...]]]:
    """What the figures of a version show by their arithmetic alone, within a paragraph:
    ``("sum", (total, *parts))`` where a run of neighbouring figures of one unit adds up to
    a figure right before or after it; ``("sum", (x, y, z))`` where one of three
    neighbouring figures is the sum of the other two (a difference: "$255 billion ... $206
    billion ... $49 billion"); ``("share", (pct, part, whole))`` where a percentage beside a
    figure is that figure over a neighbour. Each holds within the figures' stated precision
    and needs totals of twenty steps or more, so few hold by chance; they are evidence only
    for the next version (:func:`held_before`), where a figure that changed alone breaks
    them. Linear: each figure is tried against a bounded window of its neighbours."""
    text = doc.text or ""
    out: list[tuple[str, tuple[Claim, ...]]] = []
    seen: set[tuple[int, ...]] = set()

    def add(kind: str, cs: tuple[Claim, ...]) -> None:
        key = tuple(sorted(id(c) for c in cs))
        if key not in seen:
            seen.add(key)
            out.append((kind, cs))

    # Paragraphs: figures between blank lines (or all of them, for a document without text).
    paragraphs: list[list[Claim]] = []
    last_end = -1
    for c in doc.claims:
        start = c.provenance.offset
        if not paragraphs or (text and _BLANK_LINE.search(text, last_end, start)):
            paragraphs.append([])
        paragraphs[-1].append(c)
        last_end = max(last_end, start + len(c.provenance.quote))
    for para in paragraphs:
        by_unit: dict[str, list[Claim]] = {}
        for c in para:
            if c.kind == "multiple" or c.unit in ("unknown", "percent", "dimensionless") or \
                    c.value_high is not None:
                continue
            by_unit.setdefault(c.unit, []).append(c)
        for seq in by_unit.values():
            n = len(seq)
            for t in range(n):
                total = seq[t]
                if total.value <= 0 or _steps(total) < 20:
                    continue
                # The run may start right beside the total or a figure or two on ("152
                # million ...; almost half of them, 73 million ... (72.1 million) ...").
                for direction, skip in ((1, 0), (-1, 0), (1, 1), (1, 2)):
                    acc, slack = Fraction(0), total.step
                    k = t + direction * (1 + skip)
                    parts: list[Claim] = []
                    while 0 <= k < n and len(parts) < _WINDOW:
                        c = seq[k]
                        if c.step > total.step and total.step:
                            break
                        acc += c.value
                        slack += c.step
                        parts.append(c)
                        if len(parts) >= 2 and abs(acc - total.value) <= slack / 2:
                            add("sum", (total, *parts))
                            break
                        if acc > total.value + slack:
                            break
                        k += direction
            for t in range(n):
                window = seq[max(0, t - 3):t + 4]
                x = seq[t]
                if x.value <= 0 or _steps(x) < 20:
                    continue
                for a in range(len(window)):
                    for b in range(a + 1, len(window)):
                        y, z = window[a], window[b]
                        if x is y or x is z or y.value <= 0 or z.value <= 0:
                            continue
                        if (not x.step or max(y.step, z.step) <= x.step) and \
                                y.value != z.value and _close(y.value + z.value, x):
                            add("sum", (x, y, z))
        shares = [c for c in para if c.unit == "percent" and c.kind == "share" and
                  c.value_high is None and 1 <= c.value < 100]
        if shares:
            order = {id(c): i for i, c in enumerate(para)}

            def figure(c: Claim) -> bool:
                return c.unit not in ("percent", "dimensionless", "unknown") and \
                    c.value_high is None and c.value > 0

            for pct in shares:
                i = order[id(pct)]
                near = [para[j] for j in (i - 1, i + 1) if 0 <= j < len(para) and figure(para[j])]
                around = [para[j] for j in range(max(0, i - _WINDOW), min(len(para), i + _WINDOW + 1))
                          if figure(para[j])]
                for part in near:
                    for whole in around:
                        if whole is not part and whole.value > part.value and \
                                _ratio_rounds_to(part, whole, pct):
                            add("share", (pct, part, whole))
                # A change in per cent between two figures of one unit on either side of it
                # or beside it ("580 800 ..., down by 11% compared with 2017 (654 600)").
                close = [c for c in around if abs(order[id(c)] - i) <= 2]
                for first in close:
                    for second in close:
                        if first is not second and first.unit == second.unit and \
                                order[id(first)] < order[id(second)] and (
                                    _change_rounds_to(first, second, pct)
                                    or _change_rounds_to(second, first, pct)):
                            add("change", (pct, first, second))
            # Percentages of one whole listed together that make 100% ("71 per cent ...,
            # 17 per cent ... and 12 per cent"): runs of percentages at most one figure apart.
            at = [order[id(c)] for c in shares]
            for k in range(len(shares)):
                acc = Fraction(0)
                for m in range(k, min(len(shares), k + _WINDOW)):
                    if m > k and at[m] - at[m - 1] > 2:
                        break
                    acc += shares[m].value
                    if m > k and _hundred(shares[k:m + 1]):
                        add("shares", tuple(shares[k:m + 1]))
                        break
                    if acc > 101:
                        break
    return out


def _change_rounds_to(new: Claim, old: Claim, pct: Claim) -> bool:
    """*pct* is the change from *old* to *new* in per cent, within its precision (either
    sign: "a fall of 11%" is written without one)."""
    if new.unit != old.unit:
        return False
    if old.value <= 0 or pct.unit != "percent":
        return False
    r = abs(new.value - old.value) / old.value * 100
    half = pct.step / 2 if pct.step else Fraction(1, 2)
    return r > 0 and abs(r - abs(pct.value)) <= half


def _hundred(run: Sequence[Claim]) -> bool:
    slack = sum((c.step if c.step else Fraction(1)) for c in run) / 2
    return abs(sum((c.value for c in run), Fraction(0)) - 100) <= slack


def _fact_holds(kind: str, cs: Sequence[Claim]) -> bool:
    if kind == "sum":
        total, *parts = cs
        slack = total.step + sum((p.step for p in parts), Fraction(0))
        return abs(sum((p.value for p in parts), Fraction(0)) - total.value) <= slack / 2
    if kind == "shares":
        return _hundred(cs)
    if kind == "change":
        pct, a, b = cs
        return _change_rounds_to(a, b, pct) or _change_rounds_to(b, a, pct)
    pct, part, whole = cs
    return _ratio_rounds_to(part, whole, pct)


def _leading(v: Fraction) -> tuple[int, int]:
    """A value's magnitude and first two digits, to file figures that may round to each other
    ("49" and "49.4" billion) together."""
    digits = f"{float(v):.1e}"
    mantissa, exp = digits.split("e")
    return int(exp), int(mantissa.replace(".", "")[:2])


def _one_figure(a: Claim, b: Claim) -> bool:
    """Two figures of one version that state one figure: within each other's rounding, and
    the same noun with two significant digits, or three or more whatever their nouns."""
    from factcheck import intervals as iv  # noqa: PLC0415
    from factcheck.slips import significant_digits  # noqa: PLC0415

    if a is b or a.provenance.sentence == b.provenance.sentence:
        return False
    if not iv.can_meet(iv.nominal(a), iv.nominal(b)):
        return False
    digits = max(significant_digits(a), significant_digits(b))
    noun_a, noun_b = (" ".join(c.counted.lower().split()) for c in (a, b))
    if digits >= 3:
        return True
    return noun_a == noun_b and noun_a not in lexicon.GENERIC_COUNTED


def held_before(old: Document, new: Document,
                pairs: Sequence[tuple[Claim | None, Claim | None]],
                flagged: Sequence[Finding] | None = None) -> Iterator[Finding]:
    """What held exactly in *old* and no longer holds in *new*: the previous version as
    evidence.

    * A breakdown (a sum or part-of relation the old version states, or one its arithmetic
      shows) whose parts added up to its total: the same figures in the new version (by
      *pairs*, the differ's pairing) must still add up.
    * One figure stated twice with one value (same counted noun and unit, two or more
      significant digits, in two sentences): when one of them changed and the other did not,
      they no longer agree ("line 3 changed 117.3 million → 171.3 million; line 22 still
      says 117.3 million").

    Each failure is one ``cross-version`` finding, inconsistent, that names the figures that
    changed and points at the changed one. What the new version's own check already finds
    inconsistent (*flagged*: its findings, when the caller has them) is left to it.
    """
    from factcheck.checking import Finding, Verdict, check  # noqa: PLC0415
    from factcheck.relations import Kind, find_relations  # noqa: PLC0415
    from factcheck.wording import figure_text  # noqa: PLC0415
    from factcheck.slips import significant_digits, written_like  # noqa: PLC0415

    to_new = {id(o): n for o, n in pairs if o is not None and n is not None}
    when = old.date or old.revision or old.source
    found: list[Finding] = []
    stated: set[frozenset[int]] = set()
    # Totals the new version breaks down in its own words: its own check judges them (a part
    # may have been added: "• 5.8 million other people ..." under "43.4 million refugees").
    new_totals: dict[int, frozenset[int]] = {
        id(r.total): frozenset(id(p) for p in r.parts) for r in find_relations(new)
        if r.total is not None and r.kind in (Kind.SUM, Kind.PART_OF)}
    for r in find_relations(old):
        if r.kind not in (Kind.SUM, Kind.PART_OF) or r.total is None or len(r.parts) < 2:
            continue
        if not _adds_up(r.total, r.parts):
            continue
        stated.add(frozenset(id(c) for c in (r.total, *r.parts)))
        mapped = [to_new.get(id(c)) for c in (r.total, *r.parts)]
        if any(m is None for m in mapped):
            continue
        nt, *nparts = [m for m in mapped if m is not None]
        if _adds_up(nt, nparts) or any(p.unit != nt.unit for p in nparts):
            continue
        changed = [(o, n) for o, n in zip((r.total, *r.parts), (nt, *nparts)) if o.value != n.value]
        if not changed or len(changed) == len(nparts) + 1 or \
                new_totals.get(id(nt), frozenset(id(p) for p in nparts)) != \
                frozenset(id(p) for p in nparts):
            continue  # every figure changed (an update), or the new version lists other parts
        gap = sum((p.value for p in nparts), Fraction(0)) - nt.value
        how = "short" if gap < 0 else "over"
        amount = written_like(nt, abs(gap))
        what = "; ".join(f"line {n.line} changed {figure_text(o)} → {figure_text(n)}"
                         for o, n in changed)
        found.append(Finding(
            rule="cross-version", verdict=Verdict.INCONSISTENT,
            message=(f"this breakdown of {figure_text(nt)} (line {nt.line}) added up in {when}; "
                     f"now {amount} {how}: {what}"),
            claims=(nt, *nparts), line=changed[0][1].line, source=nt.provenance.source,
            subject=f"{nt.id} = " + " + ".join(p.id for p in nparts)))
    # What the old version's arithmetic alone showed.
    for kind, cs in arithmetic_facts(old):
        if frozenset(id(c) for c in cs) in stated:
            continue  # the breakdown its words state, checked above
        mapped_facts = [to_new.get(id(c)) for c in cs]
        if any(m is None for m in mapped_facts):
            continue
        ncs = [m for m in mapped_facts if m is not None]
        if any(n.unit != o.unit for o, n in zip(cs, ncs)) or _fact_holds(kind, ncs):
            continue
        changed = [(o, n) for o, n in zip(cs, ncs) if o.value != n.value]
        if not changed or len(changed) == len(cs):
            continue
        what = "; ".join(f"line {n.line} changed {figure_text(o)} → {figure_text(n)}"
                         for o, n in changed)
        if kind == "sum":
            t, *ps = cs
            shown = " + ".join(figure_text(p) for p in ps) + f" = {figure_text(t)}"
        elif kind == "shares":
            shown = " + ".join(figure_text(p) for p in cs) + " = 100%"
        elif kind == "change":
            pct, a, b = cs
            shown = f"{figure_text(b)} to {figure_text(a)} is a change of {figure_text(pct)}"
        else:
            pct, part, whole = cs
            shown = f"{figure_text(part)} / {figure_text(whole)} = {figure_text(pct)}"
        found.append(Finding(
            rule="cross-version", verdict=Verdict.INCONSISTENT,
            message=f"in {when} {shown}; no longer: {what}",
            claims=tuple(ncs), line=changed[0][1].line, source=ncs[0].provenance.source,
            subject=" ".join(c.id for c in ncs)))
    # One figure stated twice, now two: the same value (or one that rounds to the other) in
    # one unit, with the same counted noun and two significant digits, or three whatever
    # the nouns ("36.7 million" in a summary and "36.7 million [34.0–39.8 million] people").
    same: dict[tuple[object, ...], list[Claim]] = {}
    for c in old.claims:
        if c.kind == "multiple" or c.unit in ("unknown", "percent", "dimensionless") or \
                c.value_high is not None or id(c) not in to_new or c.value <= 0:
            continue
        digits = significant_digits(c)
        if digits < 2:
            continue
        same.setdefault((c.unit, _leading(c.value)), []).append(c)
    for group in same.values():
        if len(group) < 2:
            continue
        kept = [o for o in group if to_new[id(o)].value == o.value]
        for o in group:
            n = to_new[id(o)]
            if n.value == o.value:
                continue
            for k0 in kept:
                if not _one_figure(o, k0):
                    continue
                k = to_new[id(k0)]
                if n.provenance.sentence == k.provenance.sentence:
                    continue
                found.append(Finding(
                    rule="cross-version", verdict=Verdict.INCONSISTENT,
                    message=(f"line {n.line} changed {figure_text(o)} → {figure_text(n)}, but "
                             f"line {k.line} still says {figure_text(k)}: in {when} both "
                             "stated one figure"),
                    claims=(k, n), line=n.line, source=n.provenance.source,
                    subject=f"{k.id} = {n.id}"))
                break
    if not found:
        return
    own = check(new).findings if flagged is None else flagged
    known = [frozenset(c.id for c in f.claims) for f in own if f.verdict is Verdict.INCONSISTENT]
    for f in found:
        ids = frozenset(c.id for c in f.claims)
        if not any(len(ids & g) >= 2 for g in known):
            yield f
