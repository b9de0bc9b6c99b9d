"""Mutation score: break the relations real factsheets state by one typing slip, count those caught.

For every relation written down by hand in tests/data/factsheets/relations.toml that holds,
and every relation factcheck itself finds consistent in the bundled snapshots/ texts, each of
its figures in turn gets one typing slip of each kind (bench/mutations.py: one digit changed,
two adjacent digits swapped, a digit dropped or doubled, a scale word slipped, the figure of
its neighbour in the text copied). A slip that leaves the relation true (2.3 → 2.4 in a sum
whose total is rounded to the million) cannot be caught and is left out; the others are
checked with ``factcheck.check`` on the whole mutated text, and a slip is *caught* when a
finding with verdict ``inconsistent`` involves the slipped figure or another figure of its
relation.

Prints the share caught per kind of slip and per relation kind, the overall mutation score,
for each relation whether today's checker finds it in the clean text, the misses by how they
were missed (with examples), and every ``inconsistent`` finding on the unmutated texts.

    python bench/bench_mutation.py [--seed N] [--misses N] [--relations]

Deterministic for a seed; about 15 s on this machine. Prints both scores: the check of the broken
text alone, and with the previous (clean) version as evidence, as `check --rev` runs.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import factcheck  # noqa: E402
import mutations  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "factsheets"
SNAPSHOTS = ROOT / "snapshots"


@dataclass
class Relation:
    """A relation located in its text: each figure's quote and offset."""

    path: Path
    kind: str
    quotes: list[str]
    offsets: list[int]
    spec: dict[str, Any]
    origin: str  # "corpus" or "snapshot"

    @property
    def name(self) -> str:
        return f"{self.path.name}:{line_of(self.text, self.offsets[0])}"

    @property
    def text(self) -> str:
        return read(self.path)


@dataclass
class Outcome:
    relation: Relation
    figure: int
    slip: str
    new: str
    caught: bool
    how: str  # "caught", "not found", "found: consistent", "found: undetermined", ...
    line: int
    with_previous: bool = False  # caught by check(new) + the cross-version rule (old = clean)


@dataclass
class Result:
    outcomes: list[Outcome] = field(default_factory=list)
    undetectable: int = 0
    relations: list[Relation] = field(default_factory=list)
    clean_found: dict[int, str] = field(default_factory=dict)
    alarms: list[tuple[Path, factcheck.Finding, bool]] = field(default_factory=list)
    version_alarms: list[tuple[str, factcheck.Finding]] = field(default_factory=list)


_TEXTS: dict[Path, str] = {}


def read(path: Path) -> str:
    if path not in _TEXTS:
        _TEXTS[path] = path.read_text(encoding="utf-8")
    return _TEXTS[path]


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def corpus_relations() -> tuple[list[Relation], list[Relation]]:
    """The hand-written relations: those that hold, and the published inconsistencies."""
    specs = tomllib.loads((CORPUS / "relations.toml").read_text(encoding="utf-8"))["relation"]
    good, bad = [], []
    for spec in specs:
        path = CORPUS / spec["file"]
        text = read(path)
        occ = spec.get("occurrence", [1] * len(spec["figures"]))
        offsets = []
        for quote, line, o in zip(spec["figures"], spec["lines"], occ):
            at = mutations.locate(text, quote, line, o)
            if at is None:
                raise SystemExit(f"{path.name}: {quote!r} not on line {line}")
            offsets.append(at)
        rel = Relation(path, spec["kind"], list(spec["figures"]), offsets, spec, "corpus")
        (good if spec.get("holds", True) else bad).append(rel)
    return good, bad


def snapshot_relations() -> list[Relation]:
    """Relations factcheck itself finds consistent in the bundled snapshot texts."""
    rels = []
    for path in sorted(SNAPSHOTS.glob("*/*.txt")):
        for f in factcheck.check(path).findings:
            if f.verdict is not factcheck.Verdict.CONSISTENT:
                continue
            claims = list(f.claims)
            if f.rule in ("sum", "part-of") and (" = " in f.subject or " >= " in f.subject):
                head = f.subject.split(" = " if f.rule == "sum" else " >= ")[0].strip()
                claims.sort(key=lambda c: c.id != head)
                kind = f.rule
            elif f.rule == "restated":
                kind = "restated"
            else:
                continue
            spec = {"kind": kind, "file": path.name}
            quotes = [c.quote for c in claims]
            try:
                if not mutations.holds(spec, quotes):
                    continue
            except ValueError:
                continue
            rels.append(Relation(path, kind, quotes, [c.provenance.offset for c in claims], spec,
                                 "snapshot"))
    return rels


def neighbour(text: str, start: int, end: int) -> str | None:
    """The figure nearest to text[start:end] on its line (before it first), with its scale word."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    best: tuple[int, str] | None = None
    percent = mutations.parse(text[start:end]).percent if mutations.NUMBER.search(
        text[start:end]) else False
    for m in mutations.NUMBER.finditer(text):
        if m.end() > start and m.start() < end:
            continue
        if mutations.is_year(m.group(0)) or mutations.percent_after(text[m.end():]) != percent:
            continue
        if m.start() > 0 and (text[m.start() - 1].isalpha() or text[m.start() - 1] in "-/"):
            continue  # part of a name or a range: "COVID-19", "Phases 4-5"
        if m.group(0)[0] in "-−" and m.start() > 0 and text[m.start() - 1].isalnum():
            continue
        scale = mutations._scale_after(text[m.end() : m.end() + 24])[1]
        figure = m.group(0) + (" " + scale if scale else "")
        same_line = line_start <= m.start() <= line_end
        distance = (0 if same_line else 1, 0 if m.end() <= start else 1,
                    abs(m.start() - start))
        if best is None or distance < best[0]:  # type: ignore[operator]
            best = (distance, figure)  # type: ignore[assignment]
    return None if best is None else best[1]


def spans_of(claims: tuple[factcheck.Claim, ...]) -> list[tuple[int, int]]:
    return [(c.provenance.offset, c.provenance.offset + len(c.quote)) for c in claims]


def touches(spans: list[tuple[int, int]], targets: list[tuple[int, int]]) -> int:
    """How many of *targets* some span overlaps."""
    return sum(any(a < te and ta < b for a, b in spans) for ta, te in targets)


def check_text(text: str, path: Path) -> factcheck.CheckReport:
    return factcheck.check(factcheck.extract(text, source=str(path)))


def run(seed: int) -> Result:
    from factcheck.timeline import cross_version_findings

    good, bad = corpus_relations()
    rels = good + snapshot_relations()
    result = Result(relations=rels)
    docs: dict[Path, factcheck.Document] = {}
    # False alarms of the cross-version rule on real consecutive versions (no slip made):
    # the bundled series, and the real version pairs in tests/data/pairs when present.
    versions = [sorted(d.glob("*.txt")) for d in sorted(SNAPSHOTS.iterdir()) if d.is_dir()]
    versions += [[d / "old.txt", d / "new.txt"] for d in sorted((ROOT / "tests" / "data" / "pairs").glob("*"))
                 if (d / "old.txt").is_file() and (d / "new.txt").is_file()]
    for series in versions:
        for a, b in zip(series, series[1:]):
            old = factcheck.extract(read(a), source=str(a))
            new = factcheck.extract(read(b), source=str(b))
            for f in cross_version_findings(old, new):
                if f.verdict is factcheck.Verdict.INCONSISTENT and f.message.startswith(
                        ("this breakdown", "line ")):
                    result.version_alarms.append((f"{a.parent.name}/{a.name} → {b.name}", f))
    clean: dict[Path, factcheck.CheckReport] = {}
    for path in sorted({r.path for r in rels + bad} | set(CORPUS.glob("*.txt"))
                       | set(SNAPSHOTS.glob("*/*.txt"))):
        clean[path] = check_text(read(path), path)
    # false alarms on the unmutated texts
    bad_spans = defaultdict(list)
    for r in bad:
        bad_spans[r.path].append([(o, o + len(q)) for q, o in zip(r.quotes, r.offsets)])
    for path, report in clean.items():
        for f in report.findings:
            if f.verdict is factcheck.Verdict.INCONSISTENT:
                true = any(touches(spans_of(f.claims), t) >= 2 for t in bad_spans[path])
                result.alarms.append((path, f, true))
    for ri, rel in enumerate(rels):
        text = rel.text
        targets = [(o, o + len(q)) for q, o in zip(rel.quotes, rel.offsets)]
        seen = [f for f in clean[rel.path].findings if touches(spans_of(f.claims), targets) >= 2]
        result.clean_found[ri] = (
            "not found" if not seen else ", ".join(sorted({f"{f.rule} {f.verdict.value}" for f in seen})))
        for fi, (quote, at) in enumerate(zip(rel.quotes, rel.offsets)):
            rng = random.Random(f"{seed}:{rel.path.name}:{ri}:{fi}")
            near = neighbour(text, at, at + len(quote))
            for kind, new in mutations.slips(quote, rng, near):
                quotes = list(rel.quotes)
                quotes[fi] = new
                try:
                    still = mutations.holds(rel.spec, quotes)
                except (ValueError, ZeroDivisionError):
                    still = True
                if still:
                    result.undetectable += 1
                    continue
                mutated = text[:at] + new + text[at + len(quote) :]
                delta = len(new) - len(quote)
                moved = [(a + (delta if a > at else 0), b + (delta if a > at else 0))
                         for a, b in targets]
                moved[fi] = (at, at + len(new))
                report = check_text(mutated, rel.path)
                hits = [f for f in report.findings if touches(spans_of(f.claims), moved) >= 1]
                caught = any(f.verdict is factcheck.Verdict.INCONSISTENT for f in hits)
                if rel.path not in docs:
                    docs[rel.path] = factcheck.extract(text, source=str(rel.path))
                cross = cross_version_findings(
                    docs[rel.path], factcheck.extract(mutated, source=str(rel.path)))
                with_previous = caught or any(
                    f.verdict is factcheck.Verdict.INCONSISTENT
                    and touches(spans_of(f.claims[-len(f.claims):]), moved) >= 1 for f in cross)
                if caught:
                    how = "caught"
                else:
                    related = [f for f in hits if touches(spans_of(f.claims), moved) >= 2
                               and touches(spans_of(f.claims), [moved[fi]]) == 1]
                    how = ("found: " + "/".join(sorted({f.verdict.value for f in related}))
                           if related else "not found")
                result.outcomes.append(
                    Outcome(rel, fi, kind, new, caught, how, line_of(text, at), with_previous))
    return result


def pct(a: int, b: int) -> str:
    return f"{a:4d}/{b:<4d} {100 * a / b:5.1f}%" if b else f"{a:4d}/{b:<4d}    - "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--misses", type=int, default=3, help="examples per kind of miss")
    parser.add_argument("--relations", action="store_true",
                        help="list every relation and whether the clean text's check finds it")
    args = parser.parse_args()
    t0 = time.perf_counter()
    res = run(args.seed)
    elapsed = time.perf_counter() - t0
    outs = res.outcomes
    rels = {id(o.relation): o.relation for o in outs}
    print(f"mutation score (seed {args.seed}): {len(outs)} slips that break a relation, "
          f"{res.undetectable} left out (the relation still holds), "
          f"{len({o.relation.path for o in outs})} texts, {len(rels)} relations, {elapsed:.1f} s")
    print()
    print("by kind of slip")
    for kind in mutations.SLIPS:
        sel = [o for o in outs if o.slip == kind]
        print(f"  {kind:10s} {pct(sum(o.caught for o in sel), len(sel))}")
    print("by relation kind")
    for kind in mutations.KINDS:
        sel = [o for o in outs if o.relation.kind == kind]
        if sel:
            print(f"  {kind:10s} {pct(sum(o.caught for o in sel), len(sel))}")
    print("by origin")
    for origin in ("corpus", "snapshot"):
        sel = [o for o in outs if o.relation.origin == origin]
        print(f"  {origin:10s} {pct(sum(o.caught for o in sel), len(sel))}")
    ruled = [o for o in outs if o.relation.kind in ("sum", "part-of", "restated", "share", "shares")]
    print(f"overall    {pct(sum(o.caught for o in outs), len(outs))}")
    print(f"ruled      {pct(sum(o.caught for o in ruled), len(ruled))}"
          "  (sum, part-of, restated, share, shares: the kinds factcheck has rules for)")
    print()
    print("with the previous version as evidence (check of the broken text, plus the")
    print("cross-version rule against the clean text, as `check --rev`, `diff` and `report` run)")
    for kind in mutations.KINDS:
        sel = [o for o in outs if o.relation.kind == kind]
        if sel:
            print(f"  {kind:10s} {pct(sum(o.with_previous for o in sel), len(sel))}")
    print(f"overall    {pct(sum(o.with_previous for o in outs), len(outs))}")
    print(f"ruled      {pct(sum(o.with_previous for o in ruled), len(ruled))}")
    print()
    misses = [o for o in outs if not o.caught]
    by_how = Counter(o.how for o in misses)
    print("misses by how the checker saw the broken relation")
    for how, n in by_how.most_common():
        print(f"  {how:32s} {n}")
    print()
    print("relations in the clean texts: found by today's checker?")
    found: Counter[tuple[str, str]] = Counter()
    all_rels = res.relations
    for i, rel in enumerate(all_rels):
        status = res.clean_found.get(i, "?")
        found[(rel.kind, "found" if status != "not found" else "not found")] += 1
    for kind in mutations.KINDS:
        f, n = found[(kind, "found")], found[(kind, "not found")]
        if f + n:
            print(f"  {kind:10s} found {f:3d}, not found {n:3d}")
    if args.relations:
        for i, rel in enumerate(all_rels):
            sel = [o for o in outs if o.relation is rel]
            print(f"  {rel.name:48s} {rel.kind:10s} {res.clean_found.get(i, '?'):34s} "
                  f"caught {sum(o.caught for o in sel)}/{len(sel)} "
                  f"(with previous {sum(o.with_previous for o in sel)})  {' | '.join(rel.quotes)}")
    if args.misses:
        print()
        print("examples of misses")
        shown: Counter[str] = Counter()
        for o in misses:
            key = f"{o.how} / {o.relation.kind}"
            if shown[key] >= args.misses:
                continue
            shown[key] += 1
            print(f"  [{key}] {o.relation.path.name}:{o.line} {o.slip}: "
                  f"{o.relation.quotes[o.figure]!r} -> {o.new!r}")
    print()
    false = [(p, f) for p, f, true in res.alarms if not true]
    true = [(p, f) for p, f, t in res.alarms if t]
    print(f"inconsistent findings on the unmutated texts: {len(false)} false alarms, "
          f"{len(true)} on published inconsistencies")
    for p, f in false:
        print(f"  FALSE {p.name}:{f.line} {f.rule}: {f.message}")
    for p, f in true:
        print(f"  TRUE  {p.name}:{f.line} {f.rule}: {f.message}")
    print(f"cross-version findings between real consecutive versions (no slip made): "
          f"{len(res.version_alarms)}")
    for where, f in res.version_alarms:
        print(f"  {where}:{f.line}: {f.message}")


if __name__ == "__main__":
    main()
