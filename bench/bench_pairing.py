"""Benchmark: how well ``factcheck diff`` finds the figure changes a person lists, on real pairs.

Each folder of ``tests/data/pairs/`` holds two real versions of a publisher's page
(``old.txt``, ``new.txt``; addresses and dates in ``SOURCES.md``) and ``changes.toml``, the
changes a person lists comparing them, written down by hand:

- ``[[changed]]`` with ``old`` and ``new``: the figure as written in each version;
- ``[[removed]]`` with ``old``, ``[[added]]`` with ``new``.

A figure is looked up by its text (the first occurrence standing alone, not inside a longer
number), or inside ``old_near`` / ``new_near`` when the text occurs more than once. An entry
with ``optional = true`` is a change a person may or may not list: neither finding it nor
reporting it (in any form: a pair, a removed or an added figure) counts. ``split_ok = true``: a removed plus an added figure is also right (the
figure was restated on another basis).

A reported change (what ``factcheck diff`` shows: changed, requalified, added, removed) is
right when its claims cover the listed figures: a changed or requalified pair whose old claim
covers a listed change's old figure and whose new claim covers its new one; a removed (added)
claim covering a listed removed (added) figure, or a side of a ``split_ok`` change. Recall:
listed changes found / listed changes; precision: right reports / reports. Both are printed
per pair and overall (micro-averaged), with every miss and every false report.

Run from the repository root: ``python bench/bench_pairing.py [PAIR...] [--quiet]``.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAIRS = ROOT / "tests" / "data" / "pairs"
Span = tuple[int, int]


@dataclass
class Entry:
    """One change a person lists."""

    kind: str  # changed, added, removed
    old: Span | None
    new: Span | None
    label: str
    optional: bool = False
    split_ok: bool = False
    found: bool = False


@dataclass
class Score:
    name: str
    listed: int = 0
    found: int = 0
    reports: int = 0
    right: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)


def locate(text: str, figure: str, near: str | None, where: str) -> Span:
    """The span of *figure* in *text*: standing alone, inside *near* when given."""
    start, end = 0, len(text)
    if near is not None:
        at = text.find(near)
        if at < 0:
            raise SystemExit(f"{where}: {near!r} is not in the text")
        start, end = at, at + len(near)
    pattern = re.compile(r"(?<![\w.,])" + re.escape(figure) + r"(?![\w])")
    m = pattern.search(text, start, end) or re.compile(re.escape(figure)).search(text, start, end)
    if m is None:
        raise SystemExit(f"{where}: {figure!r} is not in the text")
    return m.span()


def load_entries(folder: Path, old_text: str, new_text: str) -> list[Entry]:
    data: dict[str, Any] = tomllib.loads((folder / "changes.toml").read_text(encoding="utf-8"))
    entries = []
    for kind in ("changed", "added", "removed"):
        for row in data.get(kind, []):
            where = f"{folder.name}/changes.toml [[{kind}]]"
            old = locate(old_text, row["old"], row.get("old_near"), where) if "old" in row else None
            new = locate(new_text, row["new"], row.get("new_near"), where) if "new" in row else None
            label = (f"{row.get('old')} → {row.get('new')}" if kind == "changed"
                     else f"{row.get('old') or row.get('new')} ({kind})")
            entries.append(Entry(kind, old, new, label, row.get("optional", False),
                                 row.get("split_ok", False)))
    return entries


def claim_span(claim: Any) -> Span:
    p = claim.provenance
    return (p.offset, p.offset + len(p.quote))


def overlaps(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def score_pair(folder: Path) -> Score:
    """Diff one pair and score the reported changes against the listed ones."""
    from factcheck.differ import diff  # noqa: PLC0415
    from factcheck.sources import load  # noqa: PLC0415

    old_text = (folder / "old.txt").read_text(encoding="utf-8")
    new_text = (folder / "new.txt").read_text(encoding="utf-8")
    entries = load_entries(folder, old_text, new_text)
    report = diff(load(folder / "old.txt"), load(folder / "new.txt"), findings=False)
    score = Score(folder.name)
    for change in report.visible():
        o = claim_span(change.old) if change.old is not None else None
        n = claim_span(change.new) if change.new is not None else None
        if change.kind in ("changed", "requalified"):
            hits = [e for e in entries
                    if e.kind == "changed" and overlaps(e.old, o) and overlaps(e.new, n)]
        elif change.kind == "removed":
            hits = [e for e in entries if overlaps(e.old, o)
                    and (e.kind == "removed" or (e.kind == "changed" and e.split_ok))]
        else:
            hits = [e for e in entries if overlaps(e.new, n)
                    and (e.kind == "added" or (e.kind == "changed" and e.split_ok))]
        if not [e for e in hits if not e.optional] and any(
                e.optional and (overlaps(e.old, o) or overlaps(e.new, n)) for e in entries):
            continue  # a change a person may or may not list, in whatever form reported
        score.reports += 1
        if hits:
            score.right += 1
            for e in hits:
                if e.kind != "changed" or change.kind in ("changed", "requalified"):
                    e.found = True
                else:
                    setattr(e, "half_" + change.kind, True)
        else:
            score.false.append(f"{change.kind}: {change.message}")
    for e in entries:
        if e.optional:
            continue
        if e.split_ok and getattr(e, "half_removed", False) and getattr(e, "half_added", False):
            e.found = True
        score.listed += 1
        score.found += e.found
        if not e.found:
            score.misses.append(e.label)
    return score


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pairs", nargs="*", help="folder names under tests/data/pairs (default: all)")
    parser.add_argument("--quiet", action="store_true", help="only the table")
    args = parser.parse_args()
    folders = [PAIRS / p for p in args.pairs] if args.pairs else sorted(
        p for p in PAIRS.iterdir() if (p / "changes.toml").exists())
    scores = [score_pair(f) for f in folders]
    width = max(len(s.name) for s in scores)
    print(f"{'pair':{width}}  listed found recall  reports right precision")
    for s in scores:
        print(f"{s.name:{width}}  {s.listed:6} {s.found:5} {ratio(s.found, s.listed):>6}  "
              f"{s.reports:7} {s.right:5} {ratio(s.right, s.reports):>9}")
    listed = sum(s.listed for s in scores)
    found = sum(s.found for s in scores)
    reports = sum(s.reports for s in scores)
    right = sum(s.right for s in scores)
    print(f"{'overall':{width}}  {listed:6} {found:5} {ratio(found, listed):>6}  "
          f"{reports:7} {right:5} {ratio(right, reports):>9}")
    publishers = {s.name.split("-")[0] for s in scores}
    print(f"{len(scores)} pairs from {len(publishers)} publishers; goal: recall and precision "
          "at least 0.95 each")
    if args.quiet:
        return
    for s in scores:
        if s.misses or s.false:
            print(f"\n{s.name}")
            for m in s.misses:
                print(f"  missed: {m}")
            for f in s.false:
                print(f"  false:  {f}")


if __name__ == "__main__":
    main()
