"""Diff recovers random edits to real factsheets exactly.

A real factsheet (the bundled Global Coalition text, real pages from ``tests/data/pairs/``) is
edited at random as an editor would: figures given new values (a last digit, a few per cent,
several times over), sentences reworded around a figure, a figure restyled with its value
kept ("62%" and "62 per cent", "5" and "five"), paragraphs moved. ``diff`` must then report
exactly the figures whose values were changed, each as one changed pair of the figure before
and after, and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.differ import diff
from factcheck.extraction import extract

DATA = Path(__file__).parent / "data" / "pairs"
ROOT = Path(__file__).parent.parent
BASES = [ROOT / "snapshots" / "global-coalition" / "2021.txt"] + [
    DATA / name / "new.txt"
    for name in ("who-malaria-2013-2014", "unhcr-facts-2014-2015", "unhcr-glance-2023-2024",
                 "wfp-glance-2021", "bls-employment-2000-09-12")
]
DIGITS = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+(?![\d])|\d+)(?:\.\d+)?(?![\d,])"
)
WORDS = "zero one two three four five six seven eight nine".split()
LIGHT = re.compile(r"\b(is|are|was|were|has|have)\b ")

_CACHE: dict[Path, tuple[str, list[tuple[int, int]]]] = {}


def base(path: Path) -> tuple[str, list[tuple[int, int]]]:
    """A base text (paragraphs joined by one blank line) and the spans of its figures'
    digits: the first run of digits in each claim's quote, when the text has it once only
    in that sentence's figures."""
    if path not in _CACHE:
        raw = path.read_text(encoding="utf-8")
        paras = [p.strip("\n") for p in re.split(r"\n[ \t]*\n+", raw) if p.strip()]
        text = "\n\n".join(paras) + "\n"
        spans = []
        for c in extract(text):
            m = DIGITS.search(c.provenance.quote)
            if m:
                a = c.provenance.offset + m.start()
                spans.append((a, a + len(m.group())))
        _CACHE[path] = (text, sorted(set(spans)))
    return _CACHE[path]


def another(figure: str, size: str, k: int) -> str:
    """A different value written in the figure's style: *size* small (the last digit),
    medium (a few per cent), double (twice or half) or large (3 to 9 times over, or under)."""
    whole, _, frac = figure.replace(",", "").replace(" ", "").partition(".")
    places = len(frac)
    units = int(whole + frac)
    if size == "small":
        new = units + (1 if units % 10 != 9 else -1)
    elif size == "medium":
        new = units + max(1, units * (3 + k % 20) // 100) * (1 if k % 2 else -1)
    elif size == "double":
        new = units * 2 if k % 2 else max(1, units // 2)
    else:
        new = units * (3 + k % 7) if k % 2 else max(1, units // (3 + k % 7))
    if new == units or new <= 0:
        new = units + 1
    digits = str(new).rjust(places + 1, "0")
    head, tail = (digits[:-places], digits[-places:]) if places else (digits, "")
    if "," in figure or (int(head) >= 1000 and not re.fullmatch(r"\d{4,}", figure.split(".")[0])):
        head = f"{int(head):,}"  # as publishers write a thousand or more ("1,088", not 1088)
    if " " in figure:
        head = head.replace(",", " ")
    return head + ("." + tail if places else "")


@dataclass
class Edit:
    at: int  # offset in the base text
    end: int
    text: str  # replaces base[at:end]
    value: bool  # a value change diff must report


def apply(text: str, edits: list[Edit], order: list[int]) -> tuple[str, dict[int, int]]:
    """The edited text, paragraphs in *order*, and where each value edit's figure now starts."""
    paras: list[tuple[int, str]] = []
    at = 0
    for p in text.rstrip("\n").split("\n\n"):
        paras.append((at, p))
        at += len(p) + 2
    moved: dict[int, int] = {}
    new_paras = []
    for start, p in paras:
        shift = 0
        local = p
        for e in sorted((e for e in edits if start <= e.at < start + len(p)), key=lambda e: e.at):
            a = e.at - start + shift
            local = local[:a] + e.text + local[a + e.end - e.at:]
            if e.value:
                moved[e.at] = a
            shift += len(e.text) - (e.end - e.at)
        new_paras.append((start, local))
    out, where, pos = [], {}, 0
    for i in order:
        start, local = new_paras[i]
        for old_at, a in moved.items():
            if start <= old_at < start + len(paras[i][1]):
                where[old_at] = pos + a
        out.append(local)
        pos += len(local) + 2
    return "\n\n".join(out) + "\n", where


_RANGE_AFTER = re.compile(r"\s*(?:thousand|million|billion)?\s*(?:to|–|-)\s*\d")
_RANGE_BEFORE = re.compile(r"\d\s*(?:thousand|million|billion)?\s*(?:to|–|-)\s*$")


@st.composite
def edited(draw: st.DrawFn, kinds: tuple[str, ...],
           sizes: tuple[str, ...] = ("small", "medium", "double", "large"),
           ) -> tuple[str, str, dict[int, int], list[str]]:
    """(old text, new text, old figure offset -> new figure offset for value edits, log)."""
    text, spans = base(draw(st.sampled_from(BASES)))
    edits: list[Edit] = []
    taken: set[int] = set()
    log: list[str] = []

    def free(a: int, b: int) -> bool:
        return not any(a - 40 <= t <= b + 40 for t in taken)

    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(kinds))
        a, b = spans[draw(st.integers(0, len(spans) - 1))]
        if not free(a, b):
            continue
        fig = text[a:b]
        if kind == "value" and (_RANGE_AFTER.match(text, b) or _RANGE_BEFORE.search(text[:a])):
            continue  # an end of a range ("124 million to 283 million"): its low must stay low
        if kind == "value":
            size = draw(st.sampled_from(sizes))
            new = another(fig, size, draw(st.integers(0, 1000)))
            if new == fig:
                continue
            edits.append(Edit(a, b, new, True))
            log.append(f"value {fig!r} -> {new!r} at {a}")
        elif kind == "words":
            if text[b:b + 1] == "%":
                edits.append(Edit(a, b + 1, fig + " per cent", False))
                log.append(f"words {fig}% -> {fig} per cent at {a}")
            elif fig.isdigit() and 2 <= int(fig) <= 9 and not text[a - 1:a].isalnum():
                edits.append(Edit(a, b, WORDS[int(fig)], False))
                log.append(f"words {fig} -> {WORDS[int(fig)]} at {a}")
            else:
                continue
        elif kind == "reword":
            lo = max(text.rfind(". ", 0, a), text.rfind("\n", 0, a), 0)
            m = LIGHT.search(text, lo, a)
            if m is None or any(e.at == m.end() for e in edits):
                continue
            edits.append(Edit(m.end(), m.end(), "also ", False))
            log.append(f"reword: 'also' after {m.group().strip()!r} at {m.end()}")
        elif kind == "clause":
            m = re.compile(r"\.(?=\s|$)").search(text, b)
            if m is None or "\n\n" in text[b:m.start()] or any(e.at == m.start() for e in edits):
                continue
            edits.append(Edit(m.start(), m.start(), ", according to the latest figures", False))
            log.append(f"clause added at {m.start()}")
        else:
            continue
        taken.add(a)
    n = text.rstrip("\n").count("\n\n") + 1
    order = list(range(n))
    if "move" in kinds and n > 2 and draw(st.booleans()):
        i = draw(st.integers(0, n - 1))
        j = draw(st.integers(0, n - 1))
        # A block that starts in small letters continues the sentence before it across a
        # hard break (text taken from a PDF): moving it moves half a sentence, not a paragraph.
        blocks = text.rstrip("\n").split("\n\n")
        moved = list(order)
        moved.insert(j, moved.pop(i))
        # (Every block that goes on in small letters must still follow the block it did.)
        if all(k == 0 or not blocks[b].lstrip()[:1].islower() or moved[k - 1] == b - 1
               for k, b in enumerate(moved)):
            order = moved
            log.append(f"paragraph {i} moved to {j}")
    new_text, where = apply(text, edits, order)
    return text, new_text, where, log


def covers(claim: object, at: int) -> bool:
    p = claim.provenance  # type: ignore[attr-defined]
    return bool(p.offset <= at < p.offset + len(p.quote))


def check_recovered(old_text: str, new_text: str, where: dict[int, int], log: list[str]) -> None:
    report = diff(extract(old_text), extract(new_text), findings=False)
    wanted = dict(where)
    unexpected = []
    for c in report.visible():
        hit = next((o for o, n in wanted.items()
                    if c.kind in ("changed", "requalified") and covers(c.old, o)
                    and covers(c.new, n)), None)
        if hit is None:
            unexpected.append(c.message)
        else:
            del wanted[hit]
    missed = [f"value edit at {o}" for o in wanted]
    assert not unexpected and not missed, (log, unexpected, missed)


SETTINGS = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@SETTINGS
@given(edited(("value", "words", "reword", "clause")))
def test_value_changes_of_any_size_are_recovered(
        case: tuple[str, str, dict[int, int], list[str]]) -> None:
    """Figures given new values (a last digit to nine times over), with figures restyled and
    sentences reworded around them, in place."""
    check_recovered(*case)


@SETTINGS
@given(edited(("value", "words", "reword", "move"), sizes=("small", "medium", "double")))
def test_edits_with_a_paragraph_moved_are_recovered(
        case: tuple[str, str, dict[int, int], list[str]]) -> None:
    """The same edits with a paragraph moved elsewhere, values changed up to twice over (a
    change of more than three times beside a moved paragraph is not yet recovered: see
    bench/bench_pairing.py's report for the lead)."""
    check_recovered(*case)


def test_unedited_bases_show_no_change() -> None:
    for path in BASES:
        text, _ = base(path)
        assert diff(extract(text), extract(text), findings=False).visible() == ()
